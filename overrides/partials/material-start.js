// Material's script starts at the reader's first sign of use, not with the page.
// The page needs no script to be read: text, tables, charts, the menu, the table
// of contents, the language menu and the light/dark toggle all work without it.
// Material's script runs search, the keyboard shortcuts, the back-to-top button
// and the header's section title; starting it costs a phone a few hundred
// milliseconds of blocked main thread, so it starts when the reader first
// presses a key, touches, points, clicks, scrolls or focuses something, or at
// once when the address asks for a search (?q=) or highlighted terms (?h=).
(function () {
  "use strict";

  // Material shows its search button only to pages that can run scripts.
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var source = document.currentScript.getAttribute("data-src");
  var TRIGGERS = ["keydown", "pointerdown", "pointermove", "touchstart", "click", "wheel", "scroll", "focusin"];
  var OPTIONS = { capture: true, passive: true };
  var started = false;
  var running = false;
  // Keys pressed before Material runs, handed to it once it does ("/" opens search).
  var keys = [];

  function remember(event) {
    if (!running && !event.isComposing) keys.push(event);
  }

  function replay(event) {
    window.dispatchEvent(new KeyboardEvent("keydown", {
      key: event.key,
      code: event.code,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      bubbles: true,
      cancelable: true
    }));
  }

  function start() {
    if (started) return;
    started = true;
    TRIGGERS.forEach(function (name) { window.removeEventListener(name, start, OPTIONS); });
    var script = document.createElement("script");
    script.src = source;
    script.onload = function () {
      running = true;
      window.removeEventListener("keydown", remember, true);
      // Material mounts its components on DOMContentLoaded, which has passed.
      if (document.readyState !== "loading") document.dispatchEvent(new Event("DOMContentLoaded"));
      keys.splice(0).forEach(replay);
      if (field && field.value) search();
    };
    document.body.appendChild(script);
  }

  window.addEventListener("keydown", remember, true);
  TRIGGERS.forEach(function (name) { window.addEventListener(name, start, OPTIONS); });

  // A tap on the search button focuses the field within the tap, as Material
  // does: phones open their keyboard only then.
  var button = document.querySelector("header [for='__search']");
  var field = document.querySelector("[data-md-component='search-query']");
  if (button && field) button.addEventListener("click", function () { if (!running) field.focus(); });

  // Material reads the search field on its key-ups (and when its index is ready,
  // or focus changes): a query pasted, dictated, filled in by the browser or set
  // by a script arrives with an input event and no key, and was not searched
  // until the next key. Each change of the field is handed to Material as a
  // key-up on the field alone (it does not bubble to Material's key tracking).
  function search() {
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  }
  if (field) field.addEventListener("input", function () { if (running) search(); });

  if (/[?&][qh]=/.test(location.search)) start();
})();
