// The light/dark toggle, in place of Material's palette component: same markup,
// same stored choice (Material's "__palette" key and format).
// Material's component marks the whole page as "switching" on every load and
// unmarks it a moment later: two restyles of every element while the page starts.
// This runs while the header is parsed, so the scheme is right before the first
// paint, and the page is restyled only when the reader switches.
(function () {
  "use strict";

  var inputs = Array.prototype.slice.call(document.querySelectorAll("input[name='__palette']"));
  if (!inputs.length) return;
  var form = inputs[0].form;
  var header = document.querySelector("[data-md-component='header']");
  var KEYS = ["media", "scheme", "primary", "accent"];

  function meta(name) {
    var element = document.createElement("meta");
    element.name = name;
    document.head.appendChild(element);
    return element;
  }
  var themeColor = meta("theme-color");
  var colorScheme = meta("color-scheme");

  function colorOf(input) {
    var color = {};
    KEYS.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key); });
    return color;
  }

  // Material's helpers throw where the browser refuses local storage.
  function storedChoice() {
    try {
      return __md_get("__palette");
    } catch (error) {
      return null;
    }
  }

  // The reader's stored choice, else the first option whose media query matches.
  function preferred() {
    var stored = storedChoice();
    if (stored && inputs[stored.index]) return stored.index;
    for (var index = 0; index < inputs.length; index++) {
      if (matchMedia(inputs[index].getAttribute("data-md-color-media")).matches) return index;
    }
    return 0;
  }

  function show(index) {
    var color = colorOf(inputs[index]);
    KEYS.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
    inputs[index].checked = true;
    // Only the label that switches to the next option is shown.
    inputs.forEach(function (input, other) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = other !== index;
    });
    // The browser's own colours (address bar, scroll bars) follow the header's.
    var style = getComputedStyle(header);
    colorScheme.content = style.colorScheme;
    themeColor.content = style.backgroundColor;
  }

  show(preferred());

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    // No colour transitions while the whole page changes scheme.
    document.body.setAttribute("data-md-color-switching", "");
    show(index);
    __md_set("__palette", { index: index, color: colorOf(inputs[index]) });
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
  });

  // Enter switches too, as with Material's component.
  form.addEventListener("keydown", function (event) {
    var index = inputs.indexOf(event.target);
    if (event.key !== "Enter" || index < 0) return;
    event.preventDefault();
    var next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });

  // Until the reader chooses, the scheme follows the system's when it changes.
  inputs.forEach(function (input) {
    matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", function () {
      if (!storedChoice()) show(preferred());
    });
  });
})();
