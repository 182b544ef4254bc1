"""Render pay figures as horizontal bar charts: inline SVG, drawn at build time.

Each chart is a `<figure>` with a caption and an SVG (role="img") whose <title>
and <desc> give its name and every value, so it needs no script and reads without
sight. A `chart:` marker shows the chart with its table one tap away (see
renderers.table), so each figure appears once; a set of a single value gets its
table alone, as a chart of one bar says nothing (a page can instead name the set
it charts and give that value in its text). The chart is left out of the
search index (the table is in it). Bars start at zero and their length is proportional to the amount; labels
and numbers come formatted for the page's language from renderers.Context, and
every value from the data file is HTML-escaped. Colours are set in
docs/assets/guide.css from Material's custom properties, so the charts follow
the reader's colour scheme.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from markupsafe import Markup

import renderers
from renderers import Context

# Geometry in viewBox units; guide.css caps the rendered width so that one unit
# stays near one CSS pixel and the text near the size of the tables' text.
WIDTH = 360
FONT_SIZE = 14
BAR_HEIGHT = 18
LABEL_TO_BAR = 6  # gap between a label's baseline and its bar
ROW_GAP = 14
VALUE_GAP = 6  # gap between a bar's end and its value


@dataclass(frozen=True)
class Bar:
    label: str
    amount: Decimal
    value: str  # the amount formatted for the page's language


def _text_width(text: str) -> float:
    """A generous estimate of a text's width: SVG text does not wrap or shrink."""
    return sum(FONT_SIZE * (1.0 if unicodedata.east_asian_width(char) in "WF" else 0.62) for char in text)


def _units(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar_chart(chart_id: str, caption: str, bars: list[Bar]) -> str:
    """A captioned figure with one labelled horizontal bar per item."""
    width = max(WIDTH, math.ceil(max(_text_width(bar.label) for bar in bars)))
    longest_bar = width - VALUE_GAP - max(_text_width(bar.value) for bar in bars)
    largest = max(bar.amount for bar in bars)
    row_height = FONT_SIZE + LABEL_TO_BAR + BAR_HEIGHT + ROW_GAP
    height = len(bars) * row_height - ROW_GAP

    rows = []
    for index, bar in enumerate(bars):
        top = index * row_height
        bar_top = top + FONT_SIZE + LABEL_TO_BAR
        length = float(bar.amount / largest) * longest_bar
        rows.append(
            Markup(
                '<text x="0" y="{label_y}">{label}</text>'
                '<rect class="guide-chart__bar" x="0" y="{bar_y}" width="{length}" height="{bar_h}"/>'
                '<text class="guide-chart__value" x="{value_x}" y="{value_y}">{value}</text>'
            ).format(
                label_y=top + FONT_SIZE - 2,
                label=bar.label,
                bar_y=bar_top,
                length=_units(length),
                bar_h=BAR_HEIGHT,
                value_x=_units(length + VALUE_GAP),
                value_y=_units(bar_top + BAR_HEIGHT / 2 + FONT_SIZE * 0.35),
                value=bar.value,
            )
        )
    title_id, desc_id = f"chart-{chart_id}-title", f"chart-{chart_id}-desc"
    # One sentence per bar: a label after a semicolon would start with a capital.
    description = Markup(". ").join(Markup("{}: {}").format(bar.label, bar.value) for bar in bars)
    return str(
        Markup(
            '\n<figure class="guide-chart" id="chart-{chart_id}" data-search-exclude><figcaption>{caption}</figcaption>'
            '<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{title_id} {desc_id}"'
            ' fill="currentColor" font-size="{font_size}">'
            '<title id="{title_id}">{caption}</title><desc id="{desc_id}">{description}.</desc>'
            "{rows}</svg></figure>\n"
        ).format(
            chart_id=chart_id,
            caption=caption,
            width=width,
            height=height,
            title_id=title_id,
            desc_id=desc_id,
            font_size=FONT_SIZE,
            description=description,
            rows=Markup("").join(rows),
        )
    )


def pay_percentiles(ctx: Context) -> str:
    """One chart per percentile set (hourly and annual amounts do not share a scale)."""
    return "".join(_percentile_set(ctx, pset) for pset in ctx.data.pay_percentiles)


def pay_percentile_set(ctx: Context, set_id: str) -> str:
    """The chart of one percentile set, for a page that gives the other sets in its text."""
    found = [pset for pset in ctx.data.pay_percentiles if pset.id == set_id]
    if not found:
        known = ", ".join(pset.id for pset in ctx.data.pay_percentiles)
        raise renderers.UnknownEntry(f"no pay_percentiles set {set_id!r}; known: {known}")
    return _percentile_set(ctx, found[0])


def _percentile_set(ctx: Context, pset) -> str:
    bars = [
        Bar(renderers.percentile_label(ctx, rank), amount, ctx.money(amount))
        for rank, amount in ctx.data.percentile_points(pset).items()
    ]
    chart = bar_chart(f"pay-percentiles-{pset.id}", renderers.percentile_caption(ctx, pset), bars) if len(bars) > 1 else ""
    return renderers.percentile_table(ctx, pset, chart)


def pay_by_industry(ctx: Context) -> str:
    bars = [Bar(item.label[ctx.language], item.hourly, ctx.money(item.hourly)) for item in ctx.data.pay_by_industry]
    chart = bar_chart("pay-by-industry", renderers.industry_caption(ctx), bars) if len(bars) > 1 else ""
    return renderers.pay_by_industry(ctx, chart)


CHARTS: dict[str, Callable[[Context], str]] = {
    "pay-percentiles": pay_percentiles,
    "pay-by-industry": pay_by_industry,
}
# Charts whose marker can name one part: "<!-- chart: pay-percentiles.bls-2017-hourly -->".
CHART_PARTS: dict[str, Callable[[Context, str], str]] = {"pay-percentiles": pay_percentile_set}
