/* Four fixes to the admin's autocomplete (select2 4.0.13, vendored by Django):
   - its search box has no label, so a screen reader says "search box" and nothing about what it searches
     (axe: "Form elements must have labels", critical): name each one after its field's label —
     "건강 필요 검색" — when it appears or its dropdown opens;
   - its box that shows the chosen value (role="combobox") is named only by that value, so it has no name
     while nothing is chosen (axe: "ARIA input fields must have an accessible name", serious): name it by
     the field's label followed by the value;
   - while open, that box points to its list of results with ARIA 1.1's aria-owns only, and ARIA 1.2
     wants aria-controls on a combobox (axe: "Required ARIA attributes must be provided", critical):
     the same id is copied to aria-controls while the list is open;
   - its "clear all" × is a bare <span> inside the list of chosen items (axe: a list may hold only list
     items, serious). It is a mouse-only control, like the ×s of each item that select2 already hides
     from screen readers (role="presentation"), so it is hidden from them too. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="majubom-search-word"]');
  var word = meta ? meta.getAttribute("content") : "검색";

  function labelOf(select) {
    return select && select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
  }

  function fieldLabel(select) {
    var label = labelOf(select);
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
  }

  function selectBefore(node) {
    var container = node.closest(".select2-container");
    var before = container && container.previousElementSibling;
    return before && before.tagName === "SELECT" ? before : null;
  }

  function nameBox(box) {
    var label = labelOf(selectBefore(box));
    if (!label) return;
    if (!label.id) label.id = label.htmlFor + "_label";
    var shown = box.querySelector(".select2-selection__rendered[id]");
    var ids = shown ? label.id + " " + shown.id : label.id;
    if (box.getAttribute("aria-labelledby") !== ids) box.setAttribute("aria-labelledby", ids);
    if (shown && shown.getAttribute("aria-labelledby") !== ids) shown.setAttribute("aria-labelledby", ids);
  }

  function selectOf(search) {
    // Many values: the box sits inline, in the container right after the hidden <select>.
    var before = selectBefore(search);
    if (before) return before;
    // One value: the box sits in the dropdown, which names the results list after the <select>'s id.
    var controls = search.getAttribute("aria-controls") || "";
    var match = /^select2-(.+)-results$/.exec(controls);
    return match ? document.getElementById(match[1]) : null;
  }

  function name(search) {
    var label = fieldLabel(selectOf(search));
    var wanted = label ? label + " " + word : word;
    if (search.getAttribute("aria-label") !== wanted) search.setAttribute("aria-label", wanted);
  }

  function pointToResults(box) {
    var owns = box.getAttribute("aria-owns");
    if (owns) {
      if (box.getAttribute("aria-controls") !== owns) box.setAttribute("aria-controls", owns);
    } else if (box.hasAttribute("aria-controls")) {
      box.removeAttribute("aria-controls");
    }
  }

  function hide(clear) {
    clear.setAttribute("aria-hidden", "true");
  }

  function nameAll(root) {
    if (root.nodeType !== 1) return;
    if (root.matches(".select2-search__field")) name(root);
    if (root.matches(".select2-selection__clear")) hide(root);
    if (root.matches(".select2-selection[role=combobox]")) nameBox(root);
    root.querySelectorAll(".select2-selection[role=combobox]").forEach(nameBox);
    root.querySelectorAll(".select2-search__field").forEach(name);
    root.querySelectorAll(".select2-selection__clear").forEach(hide);
  }

  function start() {
    nameAll(document.body);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "attributes") {
          if (change.target.matches(".select2-search__field")) name(change.target);
          if (change.target.matches(".select2-selection[role=combobox]")) pointToResults(change.target);
        } else {
          change.addedNodes.forEach(nameAll);
        }
      });
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-controls", "aria-owns"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
