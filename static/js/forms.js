// What a form gains where JavaScript runs; every form works without it.
// - Live word counts beside textareas with data-counter (the server counts the same way,
//   proposals::count_words, and shows the count after every save).
// - A warning before leaving a page whose form was changed and not sent, so typed text is not
//   lost to a stray tap on a link.
// - A chosen file over the size limit (input[data-max-bytes]) is refused at once, before an
//   upload the server would refuse after the wait.
// - An error summary's links put the focus in their field, not only scroll to it.
// - The running total of a score sheet (output[data-total-of]), which the server also shows
//   after every save.
(function () {
  "use strict";
  var locale = document.documentElement.lang || "id";

  function countWords(text) {
    return text.split(/[\s\u00a0]+/).filter(function (w) { return w.length > 0; }).length;
  }
  function showWords(area, output) {
    var n = countWords(area.value);
    var max = parseInt(area.getAttribute("data-max-words") || "0", 10);
    var template = output.getAttribute("data-template") || "{n}";
    output.textContent = template.replace("{n}", n.toLocaleString(locale));
    output.classList.toggle("over", max > 0 && n > max);
  }

  // A form's state as one string: files by name and size, everything else by value.
  function snapshot(form) {
    var parts = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      if (el.type === "checkbox" || el.type === "radio") parts.push(el.name + "=" + el.checked);
      else if (el.type === "file") {
        parts.push(el.name + "=" + Array.prototype.map.call(el.files, function (f) {
          return f.name + ":" + f.size;
        }).join());
      } else parts.push(el.name + "=" + el.value);
    });
    return parts.join("\u0000");
  }

  // A sheet's total on 0–100: Σ weight × (score − lowest) / (highest − lowest) × 100 / Σ weight,
  // as judging::sheet_total computes it on the server.
  function showTotal(form, output) {
    var weighted = 0, weights = 0, complete = true;
    form.querySelectorAll("[data-weight]").forEach(function (group) {
      var chosen = group.querySelector("input:checked, input[type=number]");
      var score = chosen ? parseFloat(chosen.value) : NaN;
      var min = parseFloat(group.getAttribute("data-min"));
      var max = parseFloat(group.getAttribute("data-max"));
      if (isNaN(score) || score < min || score > max) { complete = false; return; }
      var weight = parseFloat(group.getAttribute("data-weight"));
      weighted += weight * (score - min) / (max - min);
      weights += weight;
    });
    var pass = parseFloat(output.getAttribute("data-pass"));
    var value = weights > 0 ? weighted * 100 / weights : 0;
    var key = !complete ? "data-incomplete" : (!isNaN(pass) && value < pass ? "data-below" : "data-above");
    var shown = value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    output.textContent = (output.getAttribute(key) || "{total}").replace("{total}", shown);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
      var output = document.getElementById(area.getAttribute("data-counter"));
      if (output) area.addEventListener("input", function () { showWords(area, output); });
    });
    document.querySelectorAll("output[data-total-of]").forEach(function (output) {
      var form = document.getElementById(output.getAttribute("data-total-of"));
      if (!form) return;
      form.addEventListener("change", function () { showTotal(form, output); });
      form.addEventListener("input", function () { showTotal(form, output); });
      showTotal(form, output);
    });
    document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field || typeof field.focus !== "function") return;
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      });
    });
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
      input.addEventListener("change", function () {
        var max = parseInt(input.getAttribute("data-max-bytes"), 10);
        var tooLarge = Array.prototype.some.call(input.files, function (f) { return f.size > max; });
        input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") || "" : "");
        if (tooLarge) input.reportValidity();
      });
    });
    var guarded = [];
    document.querySelectorAll("main form[method=post]").forEach(function (form) {
      var entry = { form: form, initial: snapshot(form), sending: false };
      form.addEventListener("submit", function () { entry.sending = true; });
      guarded.push(entry);
    });
    window.addEventListener("beforeunload", function (event) {
      var unsaved = guarded.some(function (e) { return !e.sending && snapshot(e.form) !== e.initial; });
      if (unsaved) { event.preventDefault(); event.returnValue = ""; }
    });
  });
})();
