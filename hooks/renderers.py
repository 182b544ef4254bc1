"""Render the data file's figures as HTML for one page in one language.

Tables get a caption, header cells with scope and a source line; figures in
running text take the language's prose form (formatting.py), tables and charts
the compact one. Citations in running text are short ("(BLS, May 2017)") and
link to the full entry on the sources page. Every value taken from the data file
is HTML-escaped here, and an English name on a non-English page is marked
lang="en".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from markupsafe import Markup, escape

import formatting
import language_forms
from guide_data import GuideData, PercentileSet, Sourced, text_in


@dataclass(frozen=True)
class Context:
    """What a renderer needs to know about the page it renders for."""

    data: GuideData
    language: str
    sources_href: str  # the sources page of this language, relative to the page
    root_href: str = ""  # the site root, relative to the page ("../../" from /ko/sources/)

    def label(self, key: str, **values: str) -> str:
        """A label with its {placeholders} filled; others (filled with markup later) stay."""
        text = self.data.label(key, self.language)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def money(self, amount: Decimal, style: str = "compact", form: str = "") -> str:
        return formatting.money(amount, self.data.currency, self.language, style, form)

    def percent(self, value: Decimal, form: str = "") -> str:
        return formatting.percent(value, self.language, form)

    def count(self, value: int) -> str:
        return formatting.count(value, self.language)

    def period(self, value: str, form: str = "") -> str:
        return formatting.period(value, self.language, self.label("undated"), form)

    def text(self, value: str | dict[str, str]) -> Markup:
        """A name from the data file, marked as English where it is English on this page."""
        text, english = text_in(value, self.language)
        return Markup('<span lang="en">{}</span>').format(text) if english else Markup("{}").format(text)


class UnknownEntry(KeyError):
    """A marker names a figure or entry the data file does not have."""


# -- Index of what markers can name ------------------------------------------


def entries(data: GuideData) -> dict[str, Sourced]:
    """Every sourced entry by the id markers use for `period:` and `cite:`."""
    index: dict[str, Sourced] = {
        "median-pay": data.median_pay,
        "handbook-median-pay": data.handbook_median_pay,
        "employment": data.employment,
        "training": data.training,
        "experience-years": data.experience_years,
    }
    for prefix, items in (
        ("percentile", data.pay_percentiles),
        ("average-pay", data.average_pay),
        ("industry", data.pay_by_industry),
        ("experience", data.pay_by_experience),
        ("bonus", data.bonuses),
        ("projection", data.projections),
        ("fact", data.facts),
    ):
        for item in items:
            index[f"{prefix}.{item.id}"] = item
    for source in data.sources:  # a source as a whole, for statements without a figure
        index[f"source.{source.id}"] = Sourced.model_construct(source=source.id, period=source.period)
    return index


@dataclass(frozen=True)
class Figure:
    """One value a `figure:` marker can show, what it measures and where it comes from."""

    id: str
    value: Decimal | int
    unit: str  # "annual" or "hourly" (money), "percent", "ratio", "count", "weeks" or "years"
    entry: Sourced
    value_max: int | None = None  # the upper end when the figure is a range (or a ratio's denominator)


def all_figures(data: GuideData) -> list[Figure]:
    """Every single figure, under the id `figure:` markers use, in a fixed order."""
    found = [
        Figure("median-pay.annual", data.median_pay.annual, "annual", data.median_pay),
        Figure("median-pay.hourly", data.median_pay.hourly, "hourly", data.median_pay),
        Figure("handbook-median-pay.annual", data.handbook_median_pay.annual, "annual", data.handbook_median_pay),
        Figure("handbook-median-pay.hourly", data.handbook_median_pay.hourly, "hourly", data.handbook_median_pay),
        Figure("employment.jobs", data.employment.jobs, "count", data.employment),
        Figure("training.weeks", data.training.weeks_min, "weeks", data.training, data.training.weeks_max),
        Figure("experience-years.long", data.experience_years.long, "years", data.experience_years),
    ]
    for pset in data.pay_percentiles:
        for rank, amount in pset.values.items():
            found.append(Figure(f"percentile.{pset.id}.{rank}", amount, pset.basis, pset))
    for avg in data.average_pay:
        for basis in ("annual", "hourly"):
            if getattr(avg, basis) is not None:
                found.append(Figure(f"average-pay.{avg.id}.{basis}", getattr(avg, basis), basis, avg))
    for industry in data.pay_by_industry:
        found.append(Figure(f"industry.{industry.id}", industry.hourly, "hourly", industry))
    for breakdown in data.pay_by_experience:
        for band in breakdown.bands:
            found.append(Figure(f"experience.{breakdown.id}.{band.id}", band.amount, breakdown.basis, breakdown))
        if breakdown.gap_percent is not None:
            found.append(Figure(f"experience.{breakdown.id}.gap", breakdown.gap_percent, "percent", breakdown))
    for bonus in data.bonuses:
        found.append(Figure(f"bonus.{bonus.id}", bonus.annual, "annual", bonus))
    for projection in data.projections:
        found.append(Figure(f"projection.{projection.id}", projection.percent, "percent", projection))
        if projection.jobs is not None:
            found.append(Figure(f"projection.{projection.id}.jobs", projection.jobs, "count", projection))
    for fact in data.facts:
        if fact.ratio is not None:
            found.append(Figure(f"fact.{fact.id}", fact.ratio.numerator, "ratio", fact, fact.ratio.denominator))
        else:
            found.append(Figure(f"fact.{fact.id}", fact.percent, "percent", fact))
        if fact.years is not None:
            found.append(Figure(f"fact.{fact.id}.years", fact.years, "years", fact))
    return found


def format_figure(ctx: Context, figure: Figure, form: str = "", style: str = "prose") -> str:
    """A figure as running text shows it (style "prose") or as tables do ("compact")."""
    if figure.unit in ("annual", "hourly"):
        return ctx.money(figure.value, style, form)
    if figure.unit == "percent":
        return ctx.percent(figure.value, form)
    if figure.unit == "ratio":
        _no_form(form, "a ratio")
        return formatting.ratio(figure.value, figure.value_max, ctx.language)
    if form == "words" and figure.value_max is None:
        return formatting.words(figure.value, ctx.language)
    _no_form(form, "a count")
    if figure.value_max is not None:
        return formatting.count_range(figure.value, figure.value_max, ctx.language)
    return ctx.count(figure.value)


def _no_form(form: str, what: str) -> None:
    if form:
        raise formatting.UnknownForm(f"{what} has no form {form!r}")


def _figure(ctx: Context, figure_id: str) -> Figure:
    for item in all_figures(ctx.data):
        if item.id == figure_id:
            return item
    raise UnknownEntry(f"no figure {figure_id!r} in the data file")


# -- Inline markers ----------------------------------------------------------


def figure(ctx: Context, figure_id: str, form: str = "") -> str:
    return str(escape(format_figure(ctx, _figure(ctx, figure_id), form)))


def _entry(ctx: Context, entry_id: str) -> Sourced:
    entry = entries(ctx.data).get(entry_id)
    if entry is None:
        raise UnknownEntry(f"no entry {entry_id!r} in the data file")
    return entry


def period(ctx: Context, entry_id: str, form: str = "") -> str:
    return str(escape(ctx.period(_entry(ctx, entry_id).period, form)))


def cite(ctx: Context, entry_id: str, form: str = "") -> str:
    """A short citation, "(BLS, May 2017)", linked to the source's entry on the sources page."""
    _no_form(form, "a citation")
    entry = _entry(ctx, entry_id)
    source = ctx.data.source(entry.source)
    publisher = ctx.data.publisher(source.publisher)
    period = cited_period(ctx.data, entry)
    when = ctx.label("cite_undated") if period == "undated" else ctx.period(period)
    return str(
        Markup('(<a href="{href}#source-{id}">{publisher}, {when}</a>)').format(
            href=ctx.sources_href, id=source.id, publisher=ctx.text(publisher.short), when=when
        )
    )


# -- Tables ------------------------------------------------------------------


def cited_period(data: GuideData, entry: Sourced) -> str:
    """The period a citation names: the entry's, or, for a figure without one, its source's
    (the Handbook's 2016-26 edition, not "undated")."""
    return data.source(entry.source).period if entry.period == "undated" else entry.period


def _source_link(ctx: Context, source_id: str, period: str) -> Markup:
    """A table's source: "BLS, Occupational Employment Statistics, May 2017", linked."""
    source = ctx.data.source(source_id)
    publisher = ctx.data.publisher(source.publisher)
    return Markup('<a href="{href}#source-{id}">{publisher}, {name}, {period}</a>').format(
        href=ctx.sources_href,
        id=source.id,
        publisher=ctx.text(publisher.short),
        name=ctx.text(source.name),
        period=ctx.period(period),
    )


def _source_line(ctx: Context, cited: list[Sourced]) -> Markup:
    seen: list[tuple[str, str]] = []
    for entry in cited:
        key = (entry.source, cited_period(ctx.data, entry))
        if key not in seen:
            seen.append(key)
    separator = language_forms.list_separator(ctx.language)
    links = Markup(separator).join(_source_link(ctx, source, period) for source, period in seen)
    template = escape(ctx.label("source_line" if len(seen) == 1 else "source_line_many"))
    return Markup('<p class="guide-source">{}</p>').format(Markup(template.replace("{sources}", links)))


def table(
    ctx: Context,
    caption: str,
    head: list[str],
    rows: list[list[str | Markup]],
    cited: list[Sourced],
    row_ids: list[str] | None = None,
    chart: str = "",
) -> str:
    """A captioned table whose first column holds row headers.

    With a chart, the chart comes first and the table is one tap away, in a
    disclosure: each figure is shown once, and the table still serves readers
    who want the exact values or cannot see the chart.
    """
    # Cells and rows are separated by line breaks, so search excerpts keep them apart.
    header = Markup("\n").join(Markup('<th scope="col">{}</th>').format(cell) for cell in head)
    body = []
    for index, (first, *rest) in enumerate(rows):
        row_id = Markup(' id="{}"').format(row_ids[index]) if row_ids else ""
        # Each cell names its column, for the stacked layout wide tables take on phones.
        cells = Markup("\n").join(
            Markup('<td data-label="{}">{}</td>').format(label, cell) for label, cell in zip(head[1:], rest)
        )
        body.append(Markup('<tr{}><th scope="row">{}</th>\n{}</tr>').format(row_id, first, cells))
    markup = Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        "<table{wide}><caption>{caption}</caption>\n<thead><tr>{header}</tr></thead>\n"
        "<tbody>{body}</tbody></table></div></div>\n"
    ).format(caption=caption, header=header, body=Markup("\n").join(body), wide=Markup(' class="guide-wide"') if len(head) > 3 else "")
    source = _source_line(ctx, cited) if cited else ""
    if chart:
        markup = Markup('{}<details class="guide-chart-table"><summary>{}</summary>{}</details>').format(
            Markup(chart), ctx.label("show_table"), markup
        )
    return str(Markup('\n<div class="guide-table">{}{}</div>\n').format(markup, source))


def quick_facts(ctx: Context) -> str:
    data = ctx.data
    median, outlook = data.median_pay, _projection(data, "overall")
    rows = [
        [
            ctx.label("quick_median_pay", period=ctx.period(median.period)),
            ctx.label("quick_median_pay_value", annual=ctx.money(median.annual), hourly=ctx.money(median.hourly)),
        ],
        [ctx.label("quick_education"), ctx.label("quick_education_value")],
        [
            ctx.label("quick_training"),
            ctx.label("quick_training_value", weeks=figure(ctx, "training.weeks")),
        ],
        [ctx.label("quick_jobs", period=ctx.period(data.employment.period)), ctx.count(data.employment.jobs)],
        [
            ctx.label("quick_change", period=ctx.period(outlook.period)),
            formatting.signed_count(outlook.jobs, ctx.language) if outlook.jobs is not None else ctx.label("not_stated"),
        ],
        [
            ctx.label("quick_outlook", period=ctx.period(outlook.period)),
            ctx.label(
                "quick_outlook_value",
                percent=ctx.percent(outlook.percent),
                descriptor=(outlook.descriptor or {}).get(ctx.language, ""),
            ),
        ],
    ]
    cited = [median, data.training, data.employment, outlook]
    return table(ctx, ctx.label("caption_quick_facts"), [ctx.label("measure"), ctx.label("value")], rows, cited)


def _projection(data: GuideData, projection_id: str):
    for projection in data.projections:
        if projection.id == projection_id:
            return projection
    raise UnknownEntry(f"no projection {projection_id!r} in the data file")


def average_pay(ctx: Context) -> str:
    not_stated = ctx.label("not_stated")
    rows, cited = [], []
    for avg in ctx.data.average_pay:
        publisher = ctx.data.publisher(ctx.data.source(avg.source).publisher)
        rows.append(
            [
                Markup("{}, {}").format(ctx.text(publisher.short), ctx.period(avg.period)),
                ctx.money(avg.annual) if avg.annual is not None else not_stated,
                ctx.money(avg.hourly) if avg.hourly is not None else not_stated,
            ]
        )
        cited.append(avg)
    head = [ctx.label("source"), ctx.label("annual"), ctx.label("hourly")]
    return table(ctx, ctx.label("caption_average_pay"), head, rows, cited)


def percentile_label(ctx: Context, rank: int) -> str:
    return ctx.label("median_row") if rank == 50 else ctx.label("percentile_row", n=str(rank))


def percentile_caption(ctx: Context, pset: PercentileSet) -> str:
    return ctx.label(f"caption_percentiles_{pset.basis}", period=ctx.period(pset.period))


def industry_caption(ctx: Context) -> str:
    periods = sorted({ctx.period(item.period) for item in ctx.data.pay_by_industry})
    return ctx.label("caption_industry", period=", ".join(periods))


def percentile_table(ctx: Context, pset: PercentileSet, chart: str = "") -> str:
    rows = [[percentile_label(ctx, rank), ctx.money(amount)] for rank, amount in ctx.data.percentile_points(pset).items()]
    head = [ctx.label("percentile"), ctx.label(pset.basis)]
    return table(ctx, percentile_caption(ctx, pset), head, rows, [pset], chart=chart)


def pay_percentiles(ctx: Context) -> str:
    return "".join(percentile_table(ctx, pset) for pset in ctx.data.pay_percentiles)


def pay_by_industry(ctx: Context, chart: str = "") -> str:
    industries = ctx.data.pay_by_industry
    rows = [[item.label[ctx.language], ctx.money(item.hourly)] for item in industries]
    head = [ctx.label("industry"), ctx.label("hourly")]
    return table(ctx, industry_caption(ctx), head, rows, list(industries), chart=chart)


def pay_by_experience(ctx: Context) -> str:
    tables = []
    for breakdown in ctx.data.pay_by_experience:
        source = ctx.data.source(breakdown.source)
        rows = [[band.label[ctx.language], ctx.money(band.amount)] for band in breakdown.bands]
        publisher = ctx.data.publisher(source.publisher)
        caption = Markup(
            escape(ctx.label("caption_experience")).replace("{publisher}", ctx.text(publisher.short)).replace("{source}", ctx.text(source.name))
        )
        head = [ctx.label("experience"), ctx.label(breakdown.basis)]
        tables.append(table(ctx, caption, head, rows, [breakdown]))
    return "".join(tables)


def projections(ctx: Context) -> str:
    items = ctx.data.projections
    periods = sorted({ctx.period(item.period) for item in items})
    rows = []
    for item in items:
        rows.append([item.label[ctx.language], ctx.percent(item.percent)])
        if item.jobs is not None:
            rows.append([ctx.label("projection_jobs_row"), formatting.signed_count(item.jobs, ctx.language)])
    caption = ctx.label("caption_projections", period=", ".join(periods))
    return table(ctx, caption, [ctx.label("measure"), ctx.label("change")], rows, list(items))


def sources(ctx: Context) -> str:
    rows, ids = [], []
    for source in ctx.data.sources:
        text, english = text_in(source.name, ctx.language)
        name = ctx.text(source.name) if english else text[:1].upper() + text[1:]
        if source.url:
            name = Markup('<a href="{}">{}</a>').format(str(source.url), name)
        publisher = ctx.text(ctx.data.publisher(source.publisher).name)
        rows.append([name, publisher, ctx.period(source.period), source.supplies[ctx.language]])
        ids.append(f"source-{source.id}")
    head = [ctx.label("source"), ctx.label("publisher"), ctx.label("period"), ctx.label("supplies")]
    return table(ctx, ctx.label("caption_sources"), head, rows, [], row_ids=ids)


# -- Downloads ---------------------------------------------------------------

# Files hooks/publish_data.py writes at the site root, each with the label of its link.
DATA_JSON = "data/figures.json"
DATA_CSV = "data/figures.csv"
DATA_SCHEMA = "data/figures.schema.json"
DOWNLOADS = {
    "open-data": ((DATA_JSON, "open_data_json"), (DATA_CSV, "open_data_csv"), (DATA_SCHEMA, "open_data_schema")),
}


def open_data_links(ctx: Context, name: str = "open-data") -> str:
    """A list of links to files published with the site."""
    files = DOWNLOADS[name]
    items = Markup("").join(
        Markup('<li><a href="{href}">{label}</a> (<code>{name}</code>)</li>').format(
            href=ctx.root_href + path, label=ctx.label(label), name=path.rsplit("/", 1)[-1]
        )
        for path, label in files
    )
    return str(Markup('\n<ul class="guide-downloads">{}</ul>\n').format(items))


# -- Notices -------------------------------------------------------------------


def figure_years(data: GuideData) -> str:
    """The years the figures describe, as a span: every dated entry's year, a span's start."""
    years = {int(item.entry.period[:4]) for item in all_figures(data) if item.entry.period != "undated"}
    return f"{min(years)}/{max(years)}" if len(years) > 1 else str(min(years))


def us_figures(ctx: Context) -> str:
    """Where the figures are from and how old they are, with a link to current ones."""
    handbook = ctx.data.source("bls-ooh")
    link = Markup('<a href="{}">{}</a>').format(str(handbook.url), ctx.text(handbook.name))
    text = escape(ctx.label("notice_us_figures", years=ctx.period(figure_years(ctx.data))))
    return str(
        Markup('\n<div class="admonition info guide-notice"><p><strong>{}.</strong> {}</p></div>\n').format(
            ctx.label("notice_us_title"), Markup(text.replace("{handbook}", link))
        )
    )


NOTICES: dict[str, Callable[[Context], str]] = {"us-figures": us_figures}
DOWNLOADS_LISTS: dict[str, Callable[[Context], str]] = {"open-data": open_data_links}


TABLES: dict[str, Callable[[Context], str]] = {
    "quick-facts": quick_facts,
    "average-pay": average_pay,
    "pay-percentiles": pay_percentiles,
    "pay-by-industry": pay_by_industry,
    "pay-by-experience": pay_by_experience,
    "projections": projections,
    "sources": sources,
}
