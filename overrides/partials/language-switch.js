// Keep the reader's section when switching language.
// The language links already lead to the same page in the other language; this
// adds the current #section to them, at the moment of the click (also after
// in-page links and table-of-contents jumps) and whenever the hash changes.
(function () {
  "use strict";

  function withCurrentHash(link) {
    var target = new URL(link.getAttribute("href"), location.href);
    target.hash = location.hash;
    link.setAttribute("href", target.pathname + target.search + target.hash);
  }

  function updateAll() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(withCurrentHash);
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (link) withCurrentHash(link);
  }, true);
  window.addEventListener("hashchange", updateAll);
  document.addEventListener("DOMContentLoaded", updateAll);
})();
