/* 건강 테스트: one topic at a time.
 *
 * Progressive enhancement of templates/healthcheck/_test_form.html. Without this script every topic is
 * shown on one page and the form posts as it is. With it the topics ([data-step]) become steps: one is
 * shown at a time with "3 / 7" and a bar on top; 다음 checks that step's required questions
 * ([data-required]) and shows the Korean message (data-error) at each unanswered one; 이전 goes back
 * (the answers stay: it is still one form); the last step shows 결과 보기. Moving to a step puts the focus
 * on its heading and scrolls it to the top. A step with data-step-when="about-1=3" is only shown when
 * that answer is given (the 65+ questions); the numbering counts the steps that are shown. When the
 * server sent the form back with errors, the first step that has one is opened.
 *
 * Loaded with <script src defer> (the CSP forbids inline scripts).
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-steps]");
  if (!form) {
    return;
  }
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  if (steps.length < 2) {
    return;
  }
  var nextButton = form.querySelector("[data-step-next]");
  var prevButton = form.querySelector("[data-step-prev]");
  var submitButton = form.querySelector("[data-step-submit]");
  var summary = document.getElementById("error-summary");
  var labelPattern = form.getAttribute("data-step-label") || "{n} / {t}";
  var current = null;

  function applies(step) {
    var rule = step.getAttribute("data-step-when");
    if (!rule) {
      return true;
    }
    var parts = rule.split("=");
    var field = form.elements[parts[0]];
    return Boolean(field) && field.value === parts[1];
  }

  function shownSteps() {
    return steps.filter(applies);
  }

  function renumber() {
    var shown = shownSteps();
    shown.forEach(function (step, index) {
      var number = String(index + 1);
      var total = String(shown.length);
      var text = labelPattern.replace("{n}", number).replace("{t}", total);
      step.querySelector("[data-step-number]").textContent = number;
      step.querySelector("[data-step-total]").textContent = total;
      step.querySelector("[data-step-text]").textContent = text + ": ";
      var bar = step.querySelector("progress");
      bar.max = shown.length;
      bar.value = index + 1;
      bar.setAttribute("aria-valuetext", text);
    });
    return shown;
  }

  function answered(question) {
    return Boolean(question.querySelector("input:checked"));
  }

  function clearError(question) {
    var message = question.querySelector(".errorlist");
    if (message) {
      message.remove();
    }
    question.classList.remove("has-error");
    question.removeAttribute("aria-describedby");
  }

  function showError(question) {
    clearError(question);
    var message = document.createElement("p");
    message.className = "errorlist";
    message.id = "err-" + question.id.replace(/^q-/, "");
    message.textContent = question.getAttribute("data-error");
    question.querySelector("legend").insertAdjacentElement("afterend", message);
    question.classList.add("has-error");
    question.setAttribute("aria-describedby", message.id);
  }

  // The step's unanswered required questions, each marked with its message; the first is returned.
  function check(step) {
    var first = null;
    step.querySelectorAll("fieldset[data-required]").forEach(function (question) {
      if (answered(question)) {
        clearError(question);
      } else {
        showError(question);
        first = first || question;
      }
    });
    return first;
  }

  function show(step, options) {
    var shown = renumber();
    var index = shown.indexOf(step);
    steps.forEach(function (each) {
      each.hidden = each !== step;
    });
    current = step;
    prevButton.hidden = index === 0;
    nextButton.hidden = index === shown.length - 1;
    submitButton.hidden = index !== shown.length - 1;
    if (summary) {
      // The server's list of errors belongs to the page it came with; after moving on it would mislead.
      summary.hidden = !(options && options.keepSummary);
    }
    if (options && options.focus === false) {
      return;
    }
    var heading = step.querySelector("h2");
    heading.focus({ preventScroll: true });
    (summary && !summary.hidden ? summary : step).scrollIntoView({ block: "start" });
  }

  function focusQuestion(question) {
    var input = question.querySelector("input:checked") || question.querySelector("input");
    question.scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  }

  function move(offset) {
    var shown = shownSteps();
    var index = shown.indexOf(current);
    if (offset > 0) {
      var missing = check(current);
      if (missing) {
        focusQuestion(missing);
        return;
      }
    }
    var target = shown[index + offset];
    if (target) {
      show(target);
    }
  }

  form.classList.add("is-stepped");
  nextButton.hidden = false;

  nextButton.addEventListener("click", function () {
    move(1);
  });
  prevButton.addEventListener("click", function () {
    move(-1);
  });

  // Enter in a question means 다음 until the last step; there, every shown step is checked once more.
  form.addEventListener("submit", function (event) {
    var shown = shownSteps();
    if (current !== shown[shown.length - 1]) {
      event.preventDefault();
      move(1);
      return;
    }
    for (var i = 0; i < shown.length; i += 1) {
      var missing = check(shown[i]);
      if (missing) {
        event.preventDefault();
        if (shown[i] !== current) {
          show(shown[i], { focus: false });
        }
        focusQuestion(missing);
        return;
      }
    }
  });

  // An answer clears that question's message; the age answer may add or drop the 65+ step.
  form.addEventListener("change", function (event) {
    var question = event.target.closest("fieldset.question");
    if (question && question.classList.contains("has-error") && answered(question)) {
      clearError(question);
    }
    show(current, { focus: false, keepSummary: summary && !summary.hidden });
  });

  // The server's error list links to questions that may sit on another step.
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#q-']");
      if (!link) {
        return;
      }
      var question = document.getElementById(link.getAttribute("href").slice(1));
      var step = question && question.closest("[data-step]");
      if (!step) {
        return;
      }
      event.preventDefault();
      if (step !== current) {
        show(step, { focus: false, keepSummary: true });
      }
      focusQuestion(question);
    });
  }

  var firstError = steps.filter(function (step) {
    return applies(step) && step.querySelector(".has-error");
  })[0];
  show(firstError || shownSteps()[0], { focus: false, keepSummary: Boolean(summary) });
  if (summary) {
    summary.focus();
  }
})();
