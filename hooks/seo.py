"""MkDocs hook: what search engines and link previews read about each page.

`on_page_context` hands the partial overrides/partials/seo.html a `seo` object
per page: Open Graph and Twitter card values in the page's language and, on the
salary page, schema.org Occupation JSON-LD built from the data file. The final
top-level `on_post_build` writes robots.txt naming the absolute sitemap URL.
Nothing is kept between static-i18n's per-language builds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.core import get_global
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import site_languages
from guide_data import GuideData
from site_data import guide_data

SALARY_PAGE = "salary/"
UNIT_TEXT = {"hourly": "HOUR", "annual": "YEAR"}
DURATION = {"hourly": "PT1H", "annual": "P1Y"}
PERCENTILE_KEYS = {10: "percentile10", 25: "percentile25", 75: "percentile75", 90: "percentile90"}


@dataclass(frozen=True)
class Seo:
    title: str
    description: str
    url: str
    site_name: str
    locale: str
    alternate_locales: list[str] = field(default_factory=list)
    json_ld: Markup | None = None


def on_page_context(context, page, config, nav):
    description = (page.meta or {}).get("description")
    if not description:
        raise PluginError(
            f"{page.file.src_uri}: no `description:` in the front matter "
            "(or the front matter is not valid YAML: quote a description that contains ': ')"
        )
    language = site_languages.page_language(page, config)
    languages = site_languages.languages(config)
    json_ld = None
    if page.url == site_languages.prefix(language, config) + SALARY_PAGE:
        json_ld = htmlsafe_json_dumps(occupation(guide_data(config), language), dumps=json.dumps, ensure_ascii=False)
    context["seo"] = Seo(
        title=page.title,
        description=description,
        url=page.canonical_url,
        site_name=config.site_name,
        locale=og_locale(language),
        alternate_locales=[og_locale(code) for code in languages if code != language],
        json_ld=json_ld,
    )
    return context


@event_priority(-200)  # after static-i18n's on_post_build has built the other languages
def on_post_build(config) -> None:
    if not site_languages.is_final_build(config):
        return
    sitemap = config.site_url.rstrip("/") + "/sitemap.xml"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
    Path(config.site_dir, "robots.txt").write_text(robots, encoding="utf-8")


def og_locale(language: str) -> str:
    """Open Graph's language_TERRITORY form, from CLDR's likely subtags: "nb" -> "nb_NO"."""
    likely = Locale.parse(get_global("likely_subtags").get(language, language))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def occupation(data: GuideData, language: str) -> dict:
    """schema.org Occupation: the salary page's own figures, named in the page's language."""
    job, median, pset = data.occupation, data.median_pay, data.salary_percentiles()
    estimate = {
        **_distribution(pset.basis, data.currency),
        "median": _number(getattr(median, pset.basis)),
        **{PERCENTILE_KEYS[rank]: _number(v) for rank, v in pset.values.items() if rank in PERCENTILE_KEYS},
    }
    estimates = [estimate]
    for basis in UNIT_TEXT.keys() - {pset.basis}:
        estimates.append({**_distribution(basis, data.currency), "median": _number(getattr(median, basis))})
    return {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": job.name[language],
        "description": job.description[language],
        "occupationalCategory": [
            {
                "@type": "CategoryCode",
                "codeValue": code.code,
                "name": code.name,
                "inCodeSet": {"@type": "CategoryCodeSet", "name": code.code_set},
            }
            for code in job.codes
        ],
        "estimatedSalary": estimates,
        "occupationLocation": {"@type": "Country", "name": Locale.parse(language).territories[job.country]},
    }


def _distribution(basis: str, currency: str) -> dict:
    return {
        "@type": "MonetaryAmountDistribution",
        "currency": currency,
        "unitText": UNIT_TEXT[basis],
        "duration": DURATION[basis],
    }


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)
