"""Load and validate the guide's data file (data/figures.yml).

Every figure the site shows lives in that file with a source id and a reference
period. `load_guide_data` parses it and checks it against the schema below; any
problem raises `DataFileError` naming the file and the field, so the build stops
before a half-valid site is written.
"""

from __future__ import annotations

import re
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
    PositiveInt,
    ValidationError,
    ValidationInfo,
    model_validator,
)

DATA_FILE = "data/figures.yml"  # relative to mkdocs.yml
PERIOD_PATTERN = r"^(\d{4}(-(0[1-9]|1[0-2]))?|\d{4}/\d{4}|undated)$"


class DataFileError(Exception):
    """The data file is missing, unreadable or does not match the schema."""


def _known_languages(labels: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages", [])
    missing = [code for code in languages if not str(labels.get(code, "")).strip()]
    if missing:
        raise ValueError(f"label missing for language {', '.join(missing)}")
    unknown = sorted(set(labels) - set(languages))
    if unknown:
        raise ValueError(f"label for unknown language {', '.join(unknown)}")
    return labels


def _known_source(source_id: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("source_ids", set())
    if source_id not in known:
        raise ValueError(f"unknown source id {source_id!r}; known: {', '.join(sorted(known))}")
    return source_id


def _known_country(code: str) -> str:
    if code not in Locale("en").territories:
        raise ValueError(f"{code!r} is not an ISO 3166 country code")
    return code


def _known_publisher(publisher_id: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("publisher_ids", set())
    if publisher_id not in known:
        raise ValueError(f"unknown publisher id {publisher_id!r}; known: {', '.join(sorted(known))}")
    return publisher_id


Labels = Annotated[dict[str, str], AfterValidator(_known_languages)]
# A name that is the same in every language (a plain string, English), or one per language.
Text = Annotated[str, Field(min_length=1)] | Labels
SourceId = Annotated[str, AfterValidator(_known_source)]
PublisherId = Annotated[str, AfterValidator(_known_publisher)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Period = Annotated[str, Field(pattern=PERIOD_PATTERN)]
Amount = Annotated[Decimal, Field(gt=0, description="US dollars")]
Share = Annotated[Decimal, Field(ge=0, le=100)]


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
    label: Labels


class ExperienceBand(Strict):
    id: Slug
    amount: Amount
    label: Labels


class ExperienceBreakdown(Sourced):
    id: Slug
    basis: Literal["annual"]
    gap_percent: Share | None = None
    bands: list[ExperienceBand] = Field(min_length=1)


class Bonus(Sourced):
    id: Slug
    annual: Amount


class Employment(Sourced):
    jobs: PositiveInt


class Projection(Sourced):
    id: Slug
    percent: Decimal
    jobs: int | None = Field(default=None, description="the projected change in the number of jobs")
    label: Labels
    descriptor: Labels | None = None


class Ratio(Strict):
    """A share as the source states it: "one in five"."""

    numerator: PositiveInt
    denominator: PositiveInt

    @model_validator(mode="after")
    def _proper(self) -> Ratio:
        if self.numerator >= self.denominator:
            raise ValueError("numerator must be smaller than denominator")
        return self


class Fact(Sourced):
    id: Slug
    percent: Share | None = None
    ratio: Ratio | None = None
    years: PositiveInt | None = None

    @model_validator(mode="after")
    def _one_share(self) -> Fact:
        if (self.percent is None) == (self.ratio is None):
            raise ValueError("needs either a percent or a ratio")
        return self


class Training(Sourced):
    weeks_min: PositiveInt
    weeks_max: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Training:
        if self.weeks_min > self.weeks_max:
            raise ValueError("weeks_min is larger than weeks_max")
        return self


class ExperienceYears(Sourced):
    long: PositiveInt


# What each classification's codes look like (O*NET-SOC: 43-4051.00, ISCO-08: 4222).
CODE_FORMATS = {"O*NET-SOC": r"\d{2}-\d{4}\.\d{2}", "ISCO-08": r"\d{4}"}


class CategoryCode(Strict):
    """The occupation's code in one classification."""

    code_set: Literal["O*NET-SOC", "ISCO-08"]
    code: str
    name: str = Field(min_length=1, description="the occupation's title in that classification")

    @model_validator(mode="after")
    def _well_formed(self) -> CategoryCode:
        if not re.fullmatch(CODE_FORMATS[self.code_set], self.code):
            raise ValueError(f"{self.code!r} does not match the {self.code_set} code format")
        return self


class Occupation(Strict):
    """The occupation itself, as search engines are told about it."""

    name: Labels
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
            _duplicate_ids(self) + _percentile_order(self) + _missing_labels(self) + _salary_estimate(self)
        )
        if problems:
            raise ValueError("; ".join(problems))
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
    "link_section link_language link_address link_whole_page link_reader_language link_caption "
    "link_copy link_copy_name link_copy_snippet_name link_copied link_copied_status "
    "link_copy_failed link_snippet link_snippet_link"
).split()

_LISTS_WITH_IDS = (
    "publishers sources pay_percentiles average_pay pay_by_industry pay_by_experience bonuses "
    "projections facts"
).split()


def _duplicate_ids(data: GuideData) -> list[str]:
    problems = []
    for field in _LISTS_WITH_IDS:
        seen: set[str] = set()
        for index, entry in enumerate(getattr(data, field)):
            if entry.id in seen:
                problems.append(f"{field}[{index}].id: duplicate id {entry.id!r}")
            seen.add(entry.id)
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


def _field_path(location: tuple) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not str(part).startswith(("function-", "int", "str", "decimal", "union")):
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def load_guide_data(path: str | Path) -> GuideData:
    """Read and validate the data file, or its published JSON copy (JSON is YAML).

    Raises DataFileError naming the file and the field.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the data file: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise DataFileError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: (top level): expected a mapping of sections")
    raw.pop("$schema", None)  # names the schema of a published JSON copy, not data

    context = {
        "languages": raw.get("languages") or [],
        "source_ids": {s.get("id") for s in raw.get("sources") or [] if isinstance(s, dict)},
        "publisher_ids": {p.get("id") for p in raw.get("publishers") or [] if isinstance(p, dict)},
    }
    try:
        return GuideData.model_validate(raw, context=context)
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            message = re.sub(r"^Value error, ", "", problem["msg"])
            if problem["loc"]:
                lines.append(f"{path}: {_field_path(problem['loc'])}: {message}")
            else:  # checks across sections name their own fields
                lines.extend(f"{path}: {part}" for part in message.split("; "))
        raise DataFileError("\n".join(lines)) from None
