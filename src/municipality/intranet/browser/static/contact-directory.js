// Filter the contact directory as the visitor types, with the same folding
// as the server (municipality/intranet/text_folding.py).
(function () {
  "use strict";
  function fold(text) {
    return (text || "")
      .replace(/[ıİ]/g, "i")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/ς/g, "σ");
  }
  function init() {
    var input = document.getElementById("directory-filter");
    var status = document.getElementById("directory-status");
    if (!input) return;
    var entries = document.querySelectorAll("[data-directory-text]");
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      var matching = [];
      entries.forEach(function (entry) {
        var text = entry.getAttribute("data-directory-text");
        var visible = words.every(function (w) { return text.indexOf(w) !== -1; });
        entry.hidden = !visible;
        if (visible) {
          shown += 1;
          matching.push(entry);
        }
      });
      // In the tree, a match stays under its (non-matching) parent units.
      matching.forEach(function (entry) {
        var parent = entry.parentElement.closest("[data-directory-text]");
        while (parent) {
          parent.hidden = false;
          parent = parent.parentElement.closest("[data-directory-text]");
        }
      });
      if (status) {
        status.textContent = status.getAttribute("data-template").replace("{count}", shown);
      }
    }
    input.addEventListener("input", apply);
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
