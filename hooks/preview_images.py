"""Link-preview images (Open Graph, Twitter cards), drawn with Pillow at build time.

Each image is 1200 x 630 pixels: the guide's name at the top, the page or section
title large in the middle, and a smaller line under it (the page a section belongs
to). The face is Noto Sans CJK Bold from the `noto-cjk-sans-jp-bold` package (pinned
in requirements.lock): one file for Latin, Finnish, Norwegian and Hangul, so a build
needs no system fonts and looks the same on every machine. Pillow's basic layout
engine is used, never Raqm (present on some machines only), and the image is saved
as a 16-colour PNG without metadata, so two builds write the same bytes and each
image stays near 15 KB.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
IMAGE_DIR = "assets/previews/"  # in the built site
MARGIN = 80
BACKGROUND = (48, 63, 159)  # Material indigo 700: white text on it is 8.6:1
# Drawn as coverage in one grey channel, then coloured through a 16-colour palette
# from the background to white; the softer lines are white at 75 %.
TEXT = 255
SOFT = 191
LEVELS = 16
TITLE_SIZES = (76, 68, 60, 54, 48, 42)
MAX_TITLE_LINES = 3


@dataclass(frozen=True)
class Card:
    """What one image says: the guide's name, a title and an optional line under it."""

    site_name: str
    title: str
    subtitle: str = ""


@lru_cache(maxsize=None)
def _font(size: int) -> ImageFont.FreeTypeFont:
    from noto_cjk_sans_jp_bold import FONT_PATH

    return ImageFont.truetype(str(FONT_PATH), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str] | None:
    """Lines of whole words (Korean eojeol too) no wider than width; None if a word is wider."""
    lines: list[str] = []
    for word in text.split():
        if font.getlength(word) > width:
            return None
        if lines and font.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(text: str, width: int, sizes=TITLE_SIZES, max_lines=MAX_TITLE_LINES):
    for size in sizes:
        font = _font(size)
        lines = wrap(text, font, width)
        if lines is not None and len(lines) <= max_lines:
            return font, lines
    font = _font(sizes[-1])
    lines = wrap(text, font, width) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" .,:;") + "…"
    return font, lines


def _one_line(text: str, size: int, width: int) -> tuple[ImageFont.FreeTypeFont, str]:
    font = _font(size)
    while font.getlength(text) > width and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return font, text


def _bubble(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """The site's icon (a speech bubble, as in the favicon), white."""
    unit = size / 32
    draw.rounded_rectangle((x, y, x + size, y + size), radius=round(6 * unit), outline=TEXT, width=max(2, round(unit * 1.5)))
    points = [(8, 10), (24, 10), (24, 19), (15, 19), (10, 23), (10, 19), (8, 19)]
    draw.polygon([(x + px * unit, y + py * unit) for px, py in points], fill=TEXT)


def draw_card(card: Card) -> bytes:
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN

    _bubble(draw, MARGIN, MARGIN - 8, 56)
    name_font, name = _one_line(card.site_name, 34, text_width - 80)
    draw.text((MARGIN + 80, MARGIN + 20), name, font=name_font, fill=SOFT, anchor="lm")

    title_font, lines = _fit(card.title, text_width)
    line_height = round(title_font.size * 1.25)
    block = line_height * len(lines)
    sub_height = 56 if card.subtitle else 0
    top = MARGIN + 56 + (HEIGHT - 2 * MARGIN - 56 - block - sub_height) // 2
    for index, line in enumerate(lines):
        draw.text((MARGIN, top + index * line_height), line, font=title_font, fill=TEXT)
    if card.subtitle:
        sub_font, subtitle = _one_line(card.subtitle, 36, text_width)
        draw.text((MARGIN, top + block + 16), subtitle, font=sub_font, fill=SOFT)
    draw.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=SOFT)
    return _png(image)


def draw_list(site_name: str, lines: list[str]) -> bytes:
    """A card listing one title per language (the /go/ pages)."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    _bubble(draw, MARGIN, MARGIN - 8, 56)
    name_font, name = _one_line(site_name, 34, text_width - 80)
    draw.text((MARGIN + 80, MARGIN + 20), name, font=name_font, fill=SOFT, anchor="lm")
    size = 52
    while size > 30 and any(_font(size).getlength(line) > text_width for line in lines):
        size -= 4
    font = _font(size)
    line_height = round(size * 1.3)
    top = MARGIN + 56 + (HEIGHT - 2 * MARGIN - 56 - line_height * len(lines)) // 2
    for index, line in enumerate(lines):
        _, line = _one_line(line, size, text_width)
        draw.text((MARGIN, top + index * line_height), line, font=font, fill=TEXT)
    draw.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=SOFT)
    return _png(image)


def file_name(stem: str, png: bytes) -> str:
    """The image's file name with a hash of its bytes: a changed image gets a new URL,
    so chat services that cache previews by URL show the new one."""
    import hashlib

    return f"{stem}.{hashlib.sha256(png).hexdigest()[:10]}.png"


def _png(coverage: Image.Image) -> bytes:
    levels = coverage.point(lambda value: round(value * (LEVELS - 1) / 255))
    image = Image.frombytes("P", coverage.size, levels.tobytes())
    palette = []
    for level in range(LEVELS):
        share = level / (LEVELS - 1)
        palette += [round(channel + (255 - channel) * share) for channel in BACKGROUND]
    image.putpalette(palette)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()
