"""Render the data file's figures as HTML for one page in one language.

Tables get a caption, header cells with scope and a source-and-period line;
inline figures are plain, locale-formatted text. Every value taken from the data
file is HTML-escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from markupsafe import Markup, escape

import formatting
from guide_data import GuideData, PercentileSet, Sourced


@dataclass(frozen=True)
class Context:
    """What a renderer needs to know about the page it renders for."""

    data: GuideData
    language: str
    sources_href: str  # the sources page of this language, relative to the page
    root_href: str = ""  # the site root, relative to the page ("../../" from /ko/sources/)

    def label(self, key: str, **values: str) -> str:
        text = self.data.label(key, self.language)
        return text.format(**values) if values else text

    def money(self, amount: Decimal) -> str:
        return formatting.money(amount, self.data.currency, self.language)

    def percent(self, value: Decimal) -> str:
        return formatting.percent(value, self.language)

    def count(self, value: int) -> str:
        return formatting.count(value, self.language)

    def period(self, value: str) -> str:
        return formatting.period(value, self.language, self.label("undated"))


class UnknownEntry(KeyError):
    """A marker names a figure or entry the data file does not have."""


# -- Index of what markers can name ------------------------------------------


def entries(data: GuideData) -> dict[str, Sourced]:
    """Every sourced entry by the id markers use for `period:` and `cite:`."""
    index: dict[str, Sourced] = {
        "median-pay": data.median_pay,
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
    return index


@dataclass(frozen=True)
class Figure:
    """One value a `figure:` marker can show, what it measures and where it comes from."""

    id: str
    value: Decimal | int
    unit: str  # "annual" or "hourly" (money), "percent", "count", "weeks" or "years"
    entry: Sourced
    value_max: int | None = None  # the upper end when the figure is a range


def all_figures(data: GuideData) -> list[Figure]:
    """Every single figure, under the id `figure:` markers use, in a fixed order."""
    found = [
        Figure("median-pay.annual", data.median_pay.annual, "annual", data.median_pay),
        Figure("median-pay.hourly", data.median_pay.hourly, "hourly", data.median_pay),
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
    for fact in data.facts:
        found.append(Figure(f"fact.{fact.id}", fact.percent, "percent", fact))
        if fact.years is not None:
            found.append(Figure(f"fact.{fact.id}.years", fact.years, "years", fact))
    return found


def format_figure(ctx: Context, figure: Figure) -> str:
    if figure.unit in ("annual", "hourly"):
        return ctx.money(figure.value)
    if figure.unit == "percent":
        return ctx.percent(figure.value)
    if figure.value_max is not None:
        return formatting.count_range(figure.value, figure.value_max, ctx.language)
    return ctx.count(figure.value)


def figures(ctx: Context) -> dict[str, Callable[[], str]]:
    """Every single figure by the id `figure:` markers use, formatted lazily."""
    return {item.id: (lambda item=item: format_figure(ctx, item)) for item in all_figures(ctx.data)}


# -- Inline markers ----------------------------------------------------------


def figure(ctx: Context, figure_id: str) -> str:
    render = figures(ctx).get(figure_id)
    if render is None:
        raise UnknownEntry(f"no figure {figure_id!r} in the data file")
    return str(escape(render()))


def _entry(ctx: Context, entry_id: str) -> Sourced:
    entry = entries(ctx.data).get(entry_id)
    if entry is None:
        raise UnknownEntry(f"no entry {entry_id!r} in the data file")
    return entry


def period(ctx: Context, entry_id: str) -> str:
    return str(escape(ctx.period(_entry(ctx, entry_id).period)))


def cite(ctx: Context, entry_id: str) -> str:
    entry = _entry(ctx, entry_id)
    return str(Markup("({})").format(_source_link(ctx, entry.source, entry.period)))


# -- Tables ------------------------------------------------------------------


def _source_link(ctx: Context, source_id: str, period: str) -> Markup:
    source = ctx.data.source(source_id)
    return Markup('<a href="{href}#source-{id}">{publisher}, {name}</a>, {period}').format(
        href=ctx.sources_href,
        id=source.id,
        publisher=source.publisher,
        name=source.name[ctx.language],
        period=ctx.period(period),
    )


def _source_line(ctx: Context, cited: list[Sourced]) -> Markup:
    seen: list[tuple[str, str]] = []
    for entry in cited:
        if (entry.source, entry.period) not in seen:
            seen.append((entry.source, entry.period))
    links = Markup("; ").join(_source_link(ctx, source, period) for source, period in seen)
    template = escape(ctx.label("source_line"))
    return Markup('<p class="guide-source">{}</p>').format(Markup(template.replace("{sources}", links)))


def _table(
    ctx: Context,
    caption: str,
    head: list[str],
    rows: list[list[str | Markup]],
    cited: list[Sourced],
    row_ids: list[str] | None = None,
) -> str:
    """A captioned table whose first column holds row headers."""
    header = Markup("").join(Markup('<th scope="col">{}</th>').format(cell) for cell in head)
    body = []
    for index, (first, *rest) in enumerate(rows):
        row_id = Markup(' id="{}"').format(row_ids[index]) if row_ids else ""
        cells = Markup("").join(Markup("<td>{}</td>").format(cell) for cell in rest)
        body.append(Markup('<tr{}><th scope="row">{}</th>{}</tr>').format(row_id, first, cells))
    table = Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        "<table><caption>{caption}</caption><thead><tr>{header}</tr></thead>"
        "<tbody>{body}</tbody></table></div></div>"
    ).format(caption=caption, header=header, body=Markup("").join(body))
    source = _source_line(ctx, cited) if cited else ""
    return str(Markup('\n<div class="guide-table">{}{}</div>\n').format(table, source))


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
            ctx.label("quick_outlook", period=ctx.period(outlook.period)),
            ctx.label(
                "quick_outlook_value",
                percent=ctx.percent(outlook.percent),
                descriptor=(outlook.descriptor or {}).get(ctx.language, ""),
            ),
        ],
    ]
    cited = [median, data.training, data.employment, outlook]
    return _table(ctx, ctx.label("caption_quick_facts"), [ctx.label("measure"), ctx.label("value")], rows, cited)


def _projection(data: GuideData, projection_id: str):
    for projection in data.projections:
        if projection.id == projection_id:
            return projection
    raise UnknownEntry(f"no projection {projection_id!r} in the data file")


def average_pay(ctx: Context) -> str:
    not_stated = ctx.label("not_stated")
    rows, cited = [], []
    for avg in ctx.data.average_pay:
        source = ctx.data.source(avg.source)
        rows.append(
            [
                f"{source.publisher}, {ctx.period(avg.period)}",
                ctx.money(avg.annual) if avg.annual is not None else not_stated,
                ctx.money(avg.hourly) if avg.hourly is not None else not_stated,
            ]
        )
        cited.append(avg)
    head = [ctx.label("source"), ctx.label("annual"), ctx.label("hourly")]
    return _table(ctx, ctx.label("caption_average_pay"), head, rows, cited)


def percentile_label(ctx: Context, rank: int) -> str:
    return ctx.label("median_row") if rank == 50 else ctx.label("percentile_row", n=str(rank))


def percentile_caption(ctx: Context, pset: PercentileSet) -> str:
    return ctx.label("caption_percentiles", basis=ctx.label(pset.basis).lower(), period=ctx.period(pset.period))


def industry_caption(ctx: Context) -> str:
    periods = sorted({ctx.period(item.period) for item in ctx.data.pay_by_industry})
    return ctx.label("caption_industry", period=", ".join(periods))


def pay_percentiles(ctx: Context) -> str:
    tables = []
    for pset in ctx.data.pay_percentiles:
        rows = [
            [percentile_label(ctx, rank), ctx.money(amount)]
            for rank, amount in ctx.data.percentile_points(pset).items()
        ]
        head = [ctx.label("percentile"), ctx.label(pset.basis)]
        tables.append(_table(ctx, percentile_caption(ctx, pset), head, rows, [pset]))
    return "".join(tables)


def pay_by_industry(ctx: Context) -> str:
    industries = ctx.data.pay_by_industry
    rows = [[item.label[ctx.language], ctx.money(item.hourly)] for item in industries]
    head = [ctx.label("industry"), ctx.label("hourly")]
    return _table(ctx, industry_caption(ctx), head, rows, list(industries))


def pay_by_experience(ctx: Context) -> str:
    tables = []
    for breakdown in ctx.data.pay_by_experience:
        source = ctx.data.source(breakdown.source)
        rows = [[band.label[ctx.language], ctx.money(band.amount)] for band in breakdown.bands]
        caption = ctx.label("caption_experience", source=source.name[ctx.language])
        head = [ctx.label("experience"), ctx.label(breakdown.basis)]
        tables.append(_table(ctx, caption, head, rows, [breakdown]))
    return "".join(tables)


def projections(ctx: Context) -> str:
    items = ctx.data.projections
    periods = sorted({ctx.period(item.period) for item in items})
    rows = [[item.label[ctx.language], ctx.percent(item.percent)] for item in items]
    caption = ctx.label("caption_projections", period=", ".join(periods))
    return _table(ctx, caption, [ctx.label("measure"), ctx.label("change")], rows, list(items))


def sources(ctx: Context) -> str:
    rows, ids = [], []
    for source in ctx.data.sources:
        name = source.name[ctx.language]
        name = name[:1].upper() + name[1:]
        if source.url:
            name = Markup('<a href="{}">{}</a>').format(str(source.url), name)
        rows.append([name, source.publisher, ctx.period(source.period), source.supplies[ctx.language]])
        ids.append(f"source-{source.id}")
    head = [ctx.label("source"), ctx.label("publisher"), ctx.label("period"), ctx.label("supplies")]
    return _table(ctx, ctx.label("caption_sources"), head, rows, [], row_ids=ids)


# -- Downloads ---------------------------------------------------------------

# Files hooks/publish_data.py writes at the site root, each with the label of its link.
DATA_JSON = "data/figures.json"
DATA_CSV = "data/figures.csv"
DATA_SCHEMA = "data/figures.schema.json"
DOWNLOADS = {
    "open-data": ((DATA_JSON, "open_data_json"), (DATA_CSV, "open_data_csv"), (DATA_SCHEMA, "open_data_schema")),
}


def downloads(ctx: Context, name: str) -> str:
    """A list of links to files published with the site."""
    files = DOWNLOADS.get(name)
    if files is None:
        raise UnknownEntry(f"no downloads {name!r}; known: {', '.join(DOWNLOADS)}")
    items = Markup("").join(
        Markup('<li><a href="{href}">{label}</a> (<code>{name}</code>)</li>').format(
            href=ctx.root_href + path, label=ctx.label(label), name=path.rsplit("/", 1)[-1]
        )
        for path, label in files
    )
    return str(Markup('\n<ul class="guide-downloads">{}</ul>\n').format(items))


TABLES: dict[str, Callable[[Context], str]] = {
    "quick-facts": quick_facts,
    "average-pay": average_pay,
    "pay-percentiles": pay_percentiles,
    "pay-by-industry": pay_by_industry,
    "pay-by-experience": pay_by_experience,
    "projections": projections,
    "sources": sources,
}
