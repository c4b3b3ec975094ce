// Live word counts for the proposal form's sections. The server counts the same way
// (proposals::count_words: runs of characters that are not white space) and shows the count after
// every save, so the form works without this script.
(function () {
  "use strict";
  function countWords(text) {
    var words = text.split(/[\s\u00a0]+/).filter(function (w) { return w.length > 0; });
    return words.length;
  }
  function update(area, output) {
    var n = countWords(area.value);
    var max = parseInt(area.getAttribute("data-max-words") || "0", 10);
    var template = output.getAttribute("data-template") || "{n}";
    output.textContent = template.replace("{n}", n.toLocaleString(document.documentElement.lang || "id"));
    output.classList.toggle("over", max > 0 && n > max);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
      var output = document.getElementById(area.getAttribute("data-counter"));
      if (!output) return;
      area.addEventListener("input", function () { update(area, output); });
    });
  });
})();
