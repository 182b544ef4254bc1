"""The charts stay readable in both colour schemes (WCAG AA contrast), in Chromium."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}

# Colours as the browser resolves them, and the background each one sits on.
COLOURS = """() => {
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (!/rgba\\(.*, 0\\)$|transparent/.test(colour)) return colour;
    }
    return "rgb(255, 255, 255)";
  };
  return [...document.querySelectorAll(".guide-chart")].flatMap((figure) => [
    ...[...figure.querySelectorAll("figcaption, text")].map((el) => ({
      kind: "text", what: el.textContent, fg: getComputedStyle(el)[el.tagName === "text" ? "fill" : "color"], bg: background(figure),
    })),
    ...[...figure.querySelectorAll(".guide-chart__bar")].map((el) => ({
      kind: "bar", what: figure.id, fg: getComputedStyle(el).fill, bg: background(figure),
    })),
  ]);
}"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(part) for part in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _luminance(rgb) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio; a translucent foreground is first blended onto the background."""
    *fg, alpha = _rgba(foreground)
    bg = _rgba(background)[:3]
    blended = [f * alpha + b * (1 - alpha) for f, b in zip(fg, bg)]
    light, dark = sorted((_luminance(blended), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_pairs():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)
    assert contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(1)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_chart_text_and_bars_have_enough_contrast(browser, base_url, scheme):
    with browser.new_context(color_scheme=scheme) as context:
        page = context.new_page()
        page.goto(base_url + "salary/", wait_until="networkidle")
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        colours = page.evaluate(COLOURS)
    assert {item["kind"] for item in colours} == {"text", "bar"}
    for item in colours:
        ratio = contrast(item["fg"], item["bg"])
        needed = 4.5 if item["kind"] == "text" else 3.0
        assert ratio >= needed, f"{scheme}: {item['kind']} {item['what']!r} {item['fg']} on {item['bg']}: {ratio:.2f}:1"
