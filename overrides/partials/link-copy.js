// Copy buttons on the "Link to this guide" page: each copies the link or the code
// just before it, then says so on the button and in the page's status region.
// Without the Clipboard API (old browsers, plain http) the buttons stay hidden.
(function () {
  "use strict";
  var status = document.querySelector(".guide-copy-status");
  if (!status || !navigator.clipboard) return;
  document.documentElement.classList.add("guide-can-copy");
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.guide-copy");
    if (!button) return;
    var source = button.previousElementSibling;
    var text = source.tagName === "A" ? source.getAttribute("href") : source.textContent;
    navigator.clipboard.writeText(text).then(
      function () { report(button, status.dataset.copied, true); },
      function () { report(button, status.dataset.failed, false); }
    );
  });
})();
