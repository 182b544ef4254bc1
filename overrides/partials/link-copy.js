// The "Link to this guide" page (markup from hooks/link_page.py).
// Copy buttons: data-copy holds a URL, copied as text; data-text and data-html hold
// a ready-made sentence, copied as plain text and as rich text (an editor pastes a
// real link) where the browser has ClipboardItem, as plain text otherwise. The button
// and the page's status region say it worked. Without the Clipboard API (old
// browsers, plain http) the buttons stay hidden.
// The filter shows the sections whose name holds what the reader types, and opens
// their pages' groups.
(function () {
  "use strict";
  var status = document.querySelector(".guide-copy-status");
  if (!status) return;
  var timer;

  function report(button, message, done) {
    clearTimeout(timer);
    document.querySelectorAll(".guide-copy--done").forEach(function (other) {
      other.textContent = other.dataset.label;
      other.classList.remove("guide-copy--done");
    });
    status.textContent = message;
    if (done) {
      button.dataset.label = button.textContent;
      button.textContent = status.dataset.done;
      button.classList.add("guide-copy--done");
    }
    timer = setTimeout(function () {
      status.textContent = "";
      if (done) {
        button.textContent = button.dataset.label;
        button.classList.remove("guide-copy--done");
      }
    }, 4000);
  }

  function copy(button) {
    var data = button.dataset;
    if (data.copy) return navigator.clipboard.writeText(data.copy);
    if (window.ClipboardItem && navigator.clipboard.write) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([data.text], {type: "text/plain"}),
        "text/html": new Blob([data.html], {type: "text/html"})
      })]).catch(function () { return navigator.clipboard.writeText(data.text); });
    }
    return navigator.clipboard.writeText(data.text);
  }

  if (navigator.clipboard) {
    document.documentElement.classList.add("guide-can-copy");
    document.addEventListener("click", function (event) {
      var button = event.target.closest("button.guide-copy");
      if (!button) return;
      if (button.classList.contains("guide-copy--done")) button.textContent = button.dataset.label;
      copy(button).then(
        function () { report(button, status.dataset.copied, true); },
        function () { report(button, status.dataset.failed, false); }
      );
    });
  }

  var finder = document.querySelector(".guide-finder");
  var input = document.getElementById("guide-filter");
  if (!finder || !input) return;
  var none = finder.querySelector(".guide-filter-none");
  var noneText = document.getElementById("guide-filter-none").innerHTML;
  finder.hidden = false;
  input.addEventListener("input", function () {
    var query = input.value.trim().toLowerCase();
    var found = 0;
    document.querySelectorAll("details.guide-links").forEach(function (group) {
      var pageMatches = group.dataset.search.indexOf(query) >= 0;
      var shown = 0;
      group.querySelectorAll(".guide-link").forEach(function (block) {
        var match = !query || pageMatches || block.dataset.search.indexOf(query) >= 0;
        block.hidden = !match;
        if (match) shown++;
      });
      group.hidden = query && !shown;
      if (query) group.open = shown > 0;
      found += shown;
    });
    none.textContent = query && !found ? noneText : "";
  });
})();
