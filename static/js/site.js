/* 마주봄: small enhancements on top of pages that work without JavaScript. No framework, no inline code
   (the Content Security Policy allows this file by its address). */
(function () {
  "use strict";

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function onReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  // htmx swapped in an answer that replaces what was just pressed ("장바구니에 담았어요"): the focus goes
  // there, so that a screen reader reads it and the keyboard does not fall back to the top of the page.
  function focusSwapped() {
    var box = document.querySelector("[data-swap-focus]");
    if (!box) return;
    box.removeAttribute("data-swap-focus");
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
  }

  // The service list: while the conditions are open, the button at the bottom of the screen says how many
  // were found ("서비스 23개 보기"); pressing it closes the conditions and brings the results into view.
  var wantResults = false;
  document.addEventListener(
    "submit",
    function (event) {
      if (event.target.matches && event.target.matches("[data-results-form]")) wantResults = true;
    },
    true
  );

  function updateResults() {
    var form = document.querySelector("[data-results-form]");
    var heading = document.getElementById("results-title");
    if (!form || !heading) return;
    var count = heading.textContent.replace(/\s+/g, " ").trim();
    var button = form.querySelector("[data-results-button]");
    if (button && button.dataset.label) button.textContent = button.dataset.label.replace("{count}", count);
    var status = form.querySelector("[data-results-status]");
    if (status) status.textContent = count;
    if (wantResults) {
      wantResults = false;
      var open = form.querySelector("details[open]");
      if (open) open.open = false;
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
    }
  }

  document.addEventListener("htmx:afterSettle", function () {
    focusSwapped();
    updateResults();
  });

  onReady(function () {
    // The service page's bottom bar hides while the booking box itself is on the screen.
    var bar = document.querySelector("[data-book-bar]");
    var book = document.getElementById("book");
    if (bar && book && "IntersectionObserver" in window) {
      var box = book.getBoundingClientRect();
      bar.classList.toggle("is-hidden", box.top < window.innerHeight && box.bottom > 0); // no flash at load
      new IntersectionObserver(function (entries) {
        bar.classList.toggle("is-hidden", entries[0].isIntersecting);
        bar.classList.add("is-ready"); // slides from now on
      }).observe(book);
    }
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-book-jump]");
      var target = document.getElementById("book");
      if (!link || !target) return;
      event.preventDefault();
      target.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
      var first =
        target.querySelector("input[name='slot']:checked") ||
        target.querySelector("input:not([type='hidden']), button, a[href]");
      (first || target).focus({ preventScroll: true });
    });

    // 계좌번호 복사: the button shows only where the phone can copy; the number stays plain text anyway.
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-target]"), function (button) {
      if (!navigator.clipboard || !window.isSecureContext) return;
      button.hidden = false;
      var status = button.parentNode.querySelector(".copy-status");
      var timer = null;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copyTarget);
        if (!source) return;
        navigator.clipboard.writeText(source.textContent.trim()).then(
          function () {
            if (status) status.textContent = "✓ " + button.dataset.copied;
            clearTimeout(timer);
            timer = setTimeout(function () {
              if (status) status.textContent = "";
            }, 6000);
          },
          function () {
            // Copying was refused: select the number, so the phone's own menu can copy it.
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            if (status) status.textContent = button.dataset.failed || "";
          }
        );
      });
    });
  });
})();
