/* "모두 동의해요" on the sign-up form: shown only when this runs; it ticks or clears every consent box,
   and follows them (ticked when all are). Without JavaScript the boxes are ticked one by one. */
(function () {
  "use strict";
  document.querySelectorAll("[data-consent-all]").forEach(function (wrap) {
    var all = wrap.querySelector('input[type="checkbox"]');
    var group = wrap.closest("fieldset");
    if (!all || !group) return;
    var boxes = Array.prototype.slice.call(group.querySelectorAll("input[data-consent]"));
    if (!boxes.length) return;
    function follow() {
      all.checked = boxes.every(function (box) { return box.checked; });
    }
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) { box.addEventListener("change", follow); });
    follow();
    wrap.hidden = false;
  });
})();
