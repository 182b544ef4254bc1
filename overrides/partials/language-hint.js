// "This page is also in <your language>": a reader whose browser prefers another of
// the guide's languages than the page's gets a small note, in that language, with a
// link to this page (and #section) in it. Never a redirect. Closing the note keeps it
// closed on every page (localStorage). The note is fixed at the bottom of the
// screen, so nothing on the page moves when it appears.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("guide-language-hint").textContent);
  var key = "guide-language-hint-closed";
  try { if (localStorage.getItem(key)) return; } catch (error) { return; }
  var page = document.documentElement.lang.toLowerCase().split("-")[0];
  var wanted = navigator.languages || [navigator.language || ""];
  var code = null;
  for (var i = 0; i < wanted.length && !code; i++) {
    var tag = String(wanted[i]).toLowerCase().split(/[-_]/)[0];
    tag = data.aliases[tag] || tag;
    if (tag === page) return;
    if (Object.prototype.hasOwnProperty.call(data.texts, tag)) code = tag;
  }
  if (!code) return;
  var texts = data.texts[code];

  // Material's loader dispatches DOMContentLoaded again when Material starts: show
  // the note once per page.
  var shown = false;
  function show() {
    if (shown) return;
    shown = true;
    var menu = document.querySelector('a.md-select__link[hreflang="' + code + '"]');
    if (!menu) return;
    var note = document.createElement("aside");
    note.className = "guide-language-hint";
    note.lang = code;
    note.setAttribute("aria-label", texts.text);
    var text = document.createElement("p");
    text.textContent = texts.text + " ";
    var link = document.createElement("a");
    link.hreflang = code;
    link.textContent = texts.read;
    function target() {
      var url = new URL(menu.getAttribute("href"), location.href);
      url.hash = location.hash;
      link.href = url.pathname + url.search + url.hash;
    }
    target();
    link.addEventListener("click", target);
    window.addEventListener("hashchange", target);
    text.appendChild(link);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "guide-language-hint__close";
    close.setAttribute("aria-label", texts.close);
    close.textContent = "×";
    close.addEventListener("click", function () {
      try { localStorage.setItem(key, "1"); } catch (error) { /* private mode: close for this page */ }
      note.remove();
    });
    note.appendChild(text);
    note.appendChild(close);
    document.body.appendChild(note);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, {once: true});
  else show();
})();
