"""Load and validate the guide's data file (data/figures.yml).

Every figure the site shows lives in that file with a source id and a reference
period. `load_guide_data` parses it and checks it against the schema below; any
problem raises `DataFileError` naming the file and the field, so the build stops
before a half-valid site is written.

Beyond the schema's types, the file is refused when it is not UTF-8, repeats a key
in a mapping or an id in a list (at any depth), uses a YAML alias, holds a value
out of its bounds (see MAX_* below), a period outside MIN_YEAR-MAX_YEAR, a span
written backwards, an entry dated outside its source's period, a control or
bidirectional-override character, or a label with a placeholder its hook does not
fill (LABEL_PLACEHOLDERS).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

import yaml
from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

DATA_FILE = "data/figures.yml"  # relative to mkdocs.yml
PERIOD_PATTERN = r"^(\d{4}(-(0[1-9]|1[0-2]))?|\d{4}/\d{4}|undated)$"

# Bounds that keep every value printable and plausible: a value outside them is a typo
# (or hostile), and stops the build instead of reaching Babel or a reader.
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # nesting of mappings and lists
MAX_AMOUNT = 10_000_000  # US dollars, exclusive
MAX_COUNT = 1_000_000_000  # jobs and other counts, exclusive
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_TEXT = 300  # characters in any string of the file
MAX_NAME = 200  # a publisher's, source's, occupation's or code's name
MAX_BAR_LABEL = 60  # a label drawn beside a chart's bar (SVG text does not wrap)


class DataFileError(Exception):
    """The data file is missing, unreadable or does not match the schema."""


def _known_languages(labels: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages")
    if languages is None:  # `languages:` itself is invalid and reported there
        return labels
    missing = [code for code in languages if not str(labels.get(code, "")).strip()]
    if missing:
        raise ValueError(f"label missing for language {', '.join(missing)}")
    unknown = sorted(set(labels) - set(languages))
    if unknown:
        raise ValueError(f"label for unknown language {', '.join(unknown)}")
    return labels


def _known_source(source_id: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("source_ids", set())
    if known is not None and source_id not in known:  # None: the sources' ids are reported there
        raise ValueError(f"unknown source id {source_id!r}; known: {', '.join(sorted(known))}")
    return source_id


def _known_country(code: str) -> str:
    if code not in Locale("en").territories:
        raise ValueError(f"{code!r} is not an ISO 3166 country code")
    return code


def _known_publisher(publisher_id: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("publisher_ids", set())
    if known is not None and publisher_id not in known:  # None: the publishers' ids are reported there
        raise ValueError(f"unknown publisher id {publisher_id!r}; known: {', '.join(sorted(known))}")
    return publisher_id


def _labels(max_length: int = MAX_TEXT):
    """A text in every language of the file, each at most `max_length` characters."""
    return Annotated[dict[str, Annotated[str, Field(max_length=max_length)]], AfterValidator(_known_languages)]


Labels = _labels()
NameLabels = _labels(MAX_NAME)
BarLabels = _labels(MAX_BAR_LABEL)
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
# A name that is the same in every language (a plain string, English), or one per language.
Text = Name | NameLabels
SourceId = Annotated[str, AfterValidator(_known_source)]
PublisherId = Annotated[str, AfterValidator(_known_publisher)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def _months(period: str) -> tuple[int, int]:
    """The first and last month a well-formed dated period covers, counted from year 0."""
    start, _, end = period.partition("/")
    if "-" in start:
        year, month = (int(part) for part in start.split("-"))
        return year * 12 + month - 1, year * 12 + month - 1
    return int(start) * 12, int(end or start) * 12 + 11


def _plausible_period(period: str) -> str:
    """A month, a year, a span or "undated"; years within MIN_YEAR-MAX_YEAR; a span runs forwards."""
    if period == "undated":
        return period
    if not re.fullmatch(r"\d{4}(-\d{2}|/\d{4})?", period):
        raise ValueError(f"{period!r} is not a period: write a month (2017-05), a year (2016), a span (2016/2026) or undated")
    for part in period.split("/"):
        year = int(part[:4])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {part[:4]} in {period!r} is outside {MIN_YEAR}-{MAX_YEAR}")
    if "-" in period and not 1 <= int(period[5:]) <= 12:
        raise ValueError(f"month {period[5:]} in {period!r} is not a month (01-12)")
    if "/" in period:
        start, end = period.split("/")
        if start > end:
            raise ValueError(f"span {period!r} runs backwards: write the earlier year first ({end}/{start})")
        if start == end:
            raise ValueError(f"span {period!r} is empty: write a single year as {start!r}")
    return period


Period = Annotated[str, AfterValidator(_plausible_period), Field(json_schema_extra={"pattern": PERIOD_PATTERN})]
Amount = Annotated[Decimal, Field(gt=0, lt=MAX_AMOUNT, decimal_places=2, description="US dollars")]
Share = Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]
# A projected change in percent: a decline down to -100 %, growth up to tenfold.
Change = Annotated[Decimal, Field(ge=-100, le=1000, decimal_places=2)]
Count = Annotated[int, Field(gt=0, lt=MAX_COUNT)]
SignedCount = Annotated[int, Field(gt=-MAX_COUNT, lt=MAX_COUNT)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Publisher(Strict):
    id: Slug
    name: Text
    short: Text = Field(description="the name used in citations in running text")


class Source(Strict):
    id: Slug
    name: Text = Field(description="the source's own (English) title, or a description per language")
    publisher: PublisherId
    url: HttpUrl | None = None
    period: Period
    supplies: Labels


class Sourced(Strict):
    """An entry that names where its figures come from and when they apply."""

    source: SourceId
    period: Period

    @field_validator("period")
    @classmethod
    def _fits_source(cls, period: str, info: ValidationInfo) -> str:
        """A dated entry lies within its source's period (an undated source fits any entry)."""
        source_id = info.data.get("source")
        source_period = (info.context or {}).get("source_periods", {}).get(source_id)
        if period == "undated" or source_period in (None, "undated"):
            return period
        (start, end), (source_start, source_end) = _months(period), _months(source_period)
        if start < source_start or end > source_end:
            raise ValueError(f"{period!r} does not fit the period of source {source_id!r} ({source_period})")
        return period


class MedianPay(Sourced):
    annual: Amount
    hourly: Amount


class PercentileSet(Sourced):
    id: Slug
    basis: Literal["hourly", "annual"]
    values: dict[Annotated[int, Field(ge=1, le=99)], Amount] = Field(min_length=1)


class AveragePay(Sourced):
    id: Slug
    annual: Amount | None = None
    hourly: Amount | None = None

    @model_validator(mode="after")
    def _has_amount(self) -> AveragePay:
        if self.annual is None and self.hourly is None:
            raise ValueError("needs an annual or an hourly amount")
        return self


class IndustryPay(Sourced):
    id: Slug
    hourly: Amount
    label: BarLabels


class ExperienceBand(Strict):
    id: Slug
    amount: Amount
    label: BarLabels


class ExperienceBreakdown(Sourced):
    id: Slug
    basis: Literal["annual"]
    gap_percent: Share | None = None
    bands: list[ExperienceBand] = Field(min_length=1)


class Bonus(Sourced):
    id: Slug
    annual: Amount


class Employment(Sourced):
    jobs: Count


class Projection(Sourced):
    id: Slug
    percent: Change
    jobs: SignedCount | None = Field(default=None, description="the projected change in the number of jobs")
    label: Labels
    descriptor: Labels | None = None


class Ratio(Strict):
    """A share as the source states it: "one in five"."""

    numerator: Annotated[int, Field(gt=0, le=1000)]
    denominator: Annotated[int, Field(gt=0, le=1000)]

    @model_validator(mode="after")
    def _proper(self) -> Ratio:
        if self.numerator >= self.denominator:
            raise ValueError("numerator must be smaller than denominator")
        return self


class Fact(Sourced):
    id: Slug
    percent: Share | None = None
    ratio: Ratio | None = None
    years: Annotated[int, Field(gt=0, le=100)] | None = None

    @model_validator(mode="after")
    def _one_share(self) -> Fact:
        if (self.percent is None) == (self.ratio is None):
            raise ValueError("needs either a percent or a ratio")
        return self


class Training(Sourced):
    weeks_min: Annotated[int, Field(gt=0, le=520)]
    weeks_max: Annotated[int, Field(gt=0, le=520)]

    @model_validator(mode="after")
    def _ordered(self) -> Training:
        if self.weeks_min > self.weeks_max:
            raise ValueError("weeks_min is larger than weeks_max")
        return self


class ExperienceYears(Sourced):
    long: Annotated[int, Field(gt=0, le=100)]


# What each classification's codes look like (O*NET-SOC: 43-4051.00, ISCO-08: 4222).
CODE_FORMATS = {"O*NET-SOC": r"\d{2}-\d{4}\.\d{2}", "ISCO-08": r"\d{4}"}


class CategoryCode(Strict):
    """The occupation's code in one classification."""

    code_set: Literal["O*NET-SOC", "ISCO-08"]
    code: str
    name: Name = Field(description="the occupation's title in that classification")

    @model_validator(mode="after")
    def _well_formed(self) -> CategoryCode:
        if not re.fullmatch(CODE_FORMATS[self.code_set], self.code):
            raise ValueError(f"{self.code!r} does not match the {self.code_set} code format")
        return self


class Occupation(Strict):
    """The occupation itself, as search engines are told about it."""

    name: NameLabels
    description: Labels
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$"), AfterValidator(_known_country)]  # where the figures apply
    codes: list[CategoryCode] = Field(min_length=1)
    salary_percentiles: Slug = Field(description="id of the pay_percentiles set the salary estimate is built from")


class GuideData(Strict):
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] = Field(min_length=1)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    publishers: list[Publisher] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    median_pay: MedianPay
    handbook_median_pay: MedianPay
    pay_percentiles: list[PercentileSet]
    average_pay: list[AveragePay]
    pay_by_industry: list[IndustryPay]
    pay_by_experience: list[ExperienceBreakdown]
    bonuses: list[Bonus]
    employment: Employment
    projections: list[Projection]
    facts: list[Fact]
    training: Training
    experience_years: ExperienceYears
    occupation: Occupation
    labels: dict[Slug | Annotated[str, Field(pattern=r"^[a-z_]+$")], Labels]

    @model_validator(mode="after")
    def _consistent(self) -> GuideData:
        problems = (
            _duplicate_ids(self)
            + _percentile_order(self)
            + _missing_labels(self)
            + _label_placeholders(self)
            + _salary_estimate(self)
        )
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def salary_percentiles(self) -> PercentileSet:
        """The percentile set that, with the median, makes the occupation's salary estimate."""
        return next(p for p in self.pay_percentiles if p.id == self.occupation.salary_percentiles)

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)

    def publisher(self, publisher_id: str) -> Publisher:
        return next(publisher for publisher in self.publishers if publisher.id == publisher_id)

    def percentile_points(self, pset: PercentileSet) -> dict[int, Decimal]:
        """A set's amounts by rising percentile; the median joins it when it has the same source and period."""
        points = dict(pset.values)
        median = self.median_pay
        if (pset.source, pset.period) == (median.source, median.period):
            points.setdefault(50, getattr(median, pset.basis))
        return dict(sorted(points.items()))

    def label(self, key: str, language: str) -> str:
        return self.labels[key][language]


def text_in(text: str | dict[str, str], language: str) -> tuple[str, bool]:
    """A Text value in a language, and whether it is English on a non-English page."""
    if isinstance(text, str):
        return text, language != "en"
    value = text[language]
    return value, language != "en" and value == text.get("en")


# Interface labels the renderers use; a data file without one of them is incomplete.
REQUIRED_LABELS = (
    "undated cite_undated source_line source_line_many not_stated hourly annual percentile "
    "percentile_row median_row industry experience measure value period source publisher "
    "supplies change caption_quick_facts caption_percentiles_hourly caption_percentiles_annual "
    "caption_average_pay caption_industry caption_experience caption_projections caption_sources "
    "show_table quick_median_pay quick_median_pay_value quick_education quick_education_value "
    "quick_training quick_training_value quick_jobs quick_change quick_outlook quick_outlook_value "
    "projection_jobs_row notice_us_title notice_us_figures "
    "permalink not_found_title not_found_text not_found_home "
    "open_data_json open_data_csv open_data_schema"
).split()
# The "Link to this guide" page (hooks/link_page.py).
REQUIRED_LABELS += (
    "link_whole_page link_reader_language link_copied link_copied_status link_copy_failed"
).split()

# The {placeholders} each label may hold, as the hooks fill them in (renderers.py,
# charts.py, link_page.py, permalinks.py): (allowed, required). A label not listed
# here takes none. A placeholder no hook fills would reach readers as "{name}", and
# a required one left out drops a figure, a period or a link from the page.
LABEL_PLACEHOLDERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "source_line": (("sources",), ("sources",)),
    "source_line_many": (("sources",), ("sources",)),
    "percentile_row": (("n",), ("n",)),
    "caption_percentiles_hourly": (("period",), ("period",)),
    "caption_percentiles_annual": (("period",), ("period",)),
    "caption_industry": (("period",), ("period",)),
    "caption_experience": (("publisher", "source"), ("source",)),
    "caption_projections": (("period",), ("period",)),
    "quick_median_pay": (("period",), ("period",)),
    "quick_median_pay_value": (("annual", "hourly"), ("annual", "hourly")),
    "quick_training_value": (("weeks",), ("weeks",)),
    "quick_jobs": (("period",), ("period",)),
    "quick_change": (("period",), ("period",)),
    "quick_outlook": (("period",), ("period",)),
    "quick_outlook_value": (("percent", "descriptor"), ("percent",)),
    "notice_us_figures": (("years", "handbook"), ("years", "handbook")),
    "permalink": (("heading",), ("heading",)),
}
# Labels drawn beside a chart's bars (charts.py) are capped like the bars' own labels.
BAR_LABELS = ("percentile_row", "median_row")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

def _duplicate_ids(data: GuideData) -> list[str]:
    """What the check on every list of entries (_raw_problems) leaves: reserved ids, code sets, languages."""
    problems = []

    def unique(where: str, values: list[str], what: str = "id", field: str = "id") -> None:
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                problems.append(f"{where}[{index}].{field}: duplicate {what} {value!r}")
            seen.add(value)

    for index, breakdown in enumerate(data.pay_by_experience):
        where = f"pay_by_experience[{index}].bands"
        for band_index, band in enumerate(breakdown.bands):
            if band.id == "gap":  # the figure id experience.<breakdown>.gap is the gap_percent
                problems.append(f"{where}[{band_index}].id: 'gap' is reserved for the breakdown's gap_percent")
    unique("occupation.codes", [code.code_set for code in data.occupation.codes], "code set", "code_set")
    seen: set[str] = set()
    for index, code in enumerate(data.languages):
        if code in seen:
            problems.append(f"languages[{index}]: duplicate language {code!r}")
        seen.add(code)
    return problems


def _percentile_order(data: GuideData) -> list[str]:
    """Amounts must rise with the percentile, the matching median included."""
    problems = []
    for index, pset in enumerate(data.pay_percentiles):
        ranked = list(data.percentile_points(pset).items())
        for (low_p, low), (high_p, high) in zip(ranked, ranked[1:]):
            if low >= high:
                problems.append(
                    f"pay_percentiles[{index}].values: percentiles out of order: "
                    f"the {high_p}th ({high}) is not above the {low_p}th ({low})"
                )
    return problems


def _missing_labels(data: GuideData) -> list[str]:
    return [f"labels.{key}: required label is missing" for key in REQUIRED_LABELS if key not in data.labels]


def _label_placeholders(data: GuideData) -> list[str]:
    """Each label uses only its own placeholders, all the required ones, and no other braces."""
    problems = []
    for key, texts in data.labels.items():
        allowed, required = LABEL_PLACEHOLDERS.get(key, ((), ()))
        for language, text in texts.items():
            where = f"labels.{key}.{language}"
            names = PLACEHOLDER.findall(text)
            unknown = [name for name in names if name not in allowed]
            known = ", ".join("{" + name + "}" for name in allowed) or "none"
            if unknown:
                problems.append(f"{where}: unknown placeholder {{{unknown[0]}}} (this label takes: {known})")
            stray = re.search(r"[{}]", PLACEHOLDER.sub("", text))
            if stray:
                problems.append(
                    f"{where}: stray {stray.group(0)!r} in {text!r}: a placeholder is a name in braces "
                    f"(this label takes: {known})"
                )
            missing = [name for name in required if name not in names]
            if missing:
                problems.append(f"{where}: placeholder {{{missing[0]}}} is missing (this label needs: {known})")
            if key in BAR_LABELS and len(text) > MAX_BAR_LABEL:
                problems.append(f"{where}: {len(text)} characters; a chart label has at most {MAX_BAR_LABEL}")
    return problems


def _salary_estimate(data: GuideData) -> list[str]:
    """The estimate pairs a percentile set with the median: both must be from one source and period."""
    wanted = data.occupation.salary_percentiles
    pset = next((p for p in data.pay_percentiles if p.id == wanted), None)
    if pset is None:
        return [f"occupation.salary_percentiles: no pay_percentiles set with id {wanted!r}"]
    median = data.median_pay
    if (pset.source, pset.period) != (median.source, median.period):
        return [
            f"occupation.salary_percentiles: set {wanted!r} ({pset.source}, {pset.period}) is not "
            f"from the source and period of median_pay ({median.source}, {median.period})"
        ]
    return []


def _branch_tag(part: str) -> bool:
    """Whether a part of pydantic's error location names a union branch or validator, not a field."""
    return part in {"str", "int", "decimal", "constrained-str", "constrained-int", "constrained-decimal"} or "[" in part


def _field_path(location: tuple) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not _branch_tag(str(part)):
            path += f".{part}" if path else str(part)
    return path or "(top level)"


# C0 and C1 control characters (line breaks and tabs too: no value spans lines), the
# bidirectional embeddings, overrides and isolates that can reorder what a reader sees
# (U+202A-U+202E, U+2066-U+2069), and the Unicode line and paragraph separators.
# The marks U+200E and U+200F only set the direction of neutral text and stay allowed.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _character_name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def _raw_problems(value, path: str = "", depth: int = 0) -> tuple[list[str], set[str]]:
    """Checks on the parsed file as a whole, before its schema.

    Every string (keys too) has no control characters and at most MAX_TEXT characters,
    and every list of entries with ids has each id once. Returns the problems and the
    paths whose strings are too long.
    """
    problems: list[str] = []
    too_long: set[str] = set()
    if depth > MAX_DEPTH:
        return [f"{path or '(top level)'}: nested more than {MAX_DEPTH} levels deep"], too_long
    if isinstance(value, str):
        where = path or "(top level)"
        bad = FORBIDDEN_CHARACTERS.search(value)
        if bad:
            problems.append(f"{where}: contains {_character_name(bad.group(0))} at character {bad.start() + 1}, which is not allowed")
        if len(value) > MAX_TEXT:
            problems.append(f"{where}: {len(value)} characters; a value has at most {MAX_TEXT}")
            too_long.add(where)
        return problems, too_long
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if isinstance(key, str):
                bad = FORBIDDEN_CHARACTERS.search(key)
                if bad:
                    problems.append(f"{path or '(top level)'}: key {key!r} contains {_character_name(bad.group(0))}, which is not allowed")
                    continue
                if len(key) > MAX_TEXT:
                    problems.append(f"{path or '(top level)'}: a key of {len(key)} characters; a key has at most {MAX_TEXT}")
                    continue
            items.append((f"{path}.{key}" if path else str(key), item))
    elif isinstance(value, list):
        items = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        first: dict[str, int] = {}  # ids are unique in every list of entries, at any depth
        for index, item in enumerate(value):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str) and item_id in first:
                problems.append(f"{path}[{index}].id: duplicate id {item_id!r} (first in {path}[{first[item_id]}])")
            elif isinstance(item_id, str):
                first[item_id] = index
    else:
        return problems, too_long
    for item_path, item in items:
        more, longer = _raw_problems(item, item_path, depth + 1)
        problems += more
        too_long |= longer
    return problems, too_long


class _RefusedYAML(yaml.YAMLError):
    """YAML that parses but is refused: a key written twice, or an alias."""

    def __init__(self, message: str, mark) -> None:
        super().__init__(f"line {mark.line + 1}, column {mark.column + 1}: {message}")


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key written twice in one mapping and aliases.

    With a repeated key the last value would win silently; an alias (*name) repeats a
    part of the file, which a data file of figures never needs.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _RefusedYAML(f"the alias *{event.anchor} is not allowed: write the value out", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            first_line: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    repeated = key in first_line
                except TypeError:  # an unhashable key: the safe loader names it
                    continue
                if repeated:
                    raise _RefusedYAML(
                        f"duplicate key {key!r} (first on line {first_line[key]}): the last value would silently win",
                        key_node.start_mark,
                    )
                first_line[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def _read(path: Path):
    """The file's parsed YAML (or JSON), or DataFileError saying what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataFileError(f"{path}: the data file has {size} bytes; at most {MAX_FILE_BYTES} are read")
        content = path.read_bytes()
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the data file: {error.strerror}") from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise DataFileError(
            f"{path}: line {line}: not valid UTF-8 (byte 0x{content[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        ) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a safe loader)
    except _RefusedYAML as error:
        raise DataFileError(_printable(f"{path}: {error}")) from None
    except yaml.YAMLError as error:
        raise DataFileError(_printable(f"{path}: not valid YAML: {error}")) from None
    except RecursionError:
        raise DataFileError(f"{path}: not valid YAML: nested too deeply") from None


def _valid_languages(raw: dict) -> list[str] | None:
    """The file's language codes, or None when `languages:` is itself invalid (reported there)."""
    languages = raw.get("languages")
    if isinstance(languages, list) and languages and all(
        isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code) for code in languages
    ):
        return languages
    return None


def _valid_period(period) -> str | None:
    try:
        return _plausible_period(period) if isinstance(period, str) else None
    except ValueError:
        return None


def _ids(raw: dict, section: str) -> list:
    entries = raw.get(section)
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def _id_set(entries: list[dict]) -> set[str] | None:
    """The entries' ids, or None when one is not a string (that entry's error says so)."""
    ids = [entry.get("id") for entry in entries]
    return set(ids) if all(isinstance(entry_id, str) for entry_id in ids) else None


def load_guide_data(path: str | Path) -> GuideData:
    """Read and validate the data file, or its published JSON copy (JSON is YAML).

    Raises DataFileError naming the file and the field.
    """
    path = Path(path)
    raw = _read(path)
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: (top level): expected a mapping of sections")
    raw.pop("$schema", None)  # names the schema of a published JSON copy, not data

    raw_problems, too_long = _raw_problems(raw)
    sources = _ids(raw, "sources")
    context = {
        "languages": _valid_languages(raw),
        "source_ids": _id_set(sources),
        "source_periods": {
            s["id"]: _valid_period(s.get("period")) for s in sources if isinstance(s.get("id"), str)
        },
        "publisher_ids": _id_set(_ids(raw, "publishers")),
    }
    lines = [f"{path}: {problem}" for problem in raw_problems]
    try:
        data = GuideData.model_validate(raw, context=context)
    except ValidationError as error:
        lines += _validation_lines(path, error, too_long)
    except RecursionError:
        lines.append(f"{path}: (top level): nested too deeply")
    if lines:
        raise DataFileError(_printable("\n".join(dict.fromkeys(lines))))
    return data


def _printable(message: str) -> str:
    """A message with the characters the file may not hold escaped, so it shows what it says."""
    return FORBIDDEN_CHARACTERS.sub(lambda m: m.group(0) if m.group(0) == "\n" else f"\\u{ord(m.group(0)):04x}", message)


def _validation_lines(path: Path, error: ValidationError, too_long: set[str]) -> list[str]:
    """One line per problem, "file: field: message".

    A field that takes either a string or a map (a Text) fails in both branches; the
    branch that does not match the value's type only says "should be a valid ..." and
    is left out when the other branch says more.
    """
    found = []
    for problem in error.errors():
        message = re.sub(r"^Value error, ", "", problem["msg"])
        if not problem["loc"]:  # checks across sections name their own fields
            found.extend((None, part, "") for part in message.split("\n"))
            continue
        found.append((_field_path(problem["loc"]), message, problem["type"]))
    lines = []
    for where, message, kind in found:
        if where is None:
            lines.append(f"{path}: {message}")
            continue
        if kind == "string_too_long" and where in too_long:
            continue  # already reported with the cap for every value
        if kind.endswith("_type") and any(
            other != where and other.startswith((where + ".", where + "[")) or (other == where and not k.endswith("_type"))
            for other, _, k in found
            if other is not None
        ):
            continue
        lines.append(f"{path}: {where}: {message}")
    return lines
