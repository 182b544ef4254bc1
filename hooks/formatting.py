"""Locale-aware formatting of figures and reference periods, with Babel.

Every number on the site goes through these helpers, so each language shows
amounts, percentages, counts and dates the way its readers write them. Two
styles exist for money: "prose" for running text ("32 890 dollaria") and
"compact" for tables and charts ("32 890 $"). A marker may ask for a grammatical
form (`<!-- period: median-pay | when -->` gives Finnish "toukokuussa 2017");
the forms each language has are in language_forms.py, and asking for one a
language does not have raises UnknownForm.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_skeleton, get_month_names
from babel.numbers import format_currency, format_decimal, format_percent
from num2words import num2words

import language_forms
from language_forms import UnknownForm

__all__ = ["UnknownForm", "money", "percent", "count", "count_range", "signed_count", "period", "ratio", "words"]


def _whole_pattern(language: str) -> str:
    return Locale.parse(language).currency_formats["standard"].pattern.replace("0.00", "0")


def _number(amount: Decimal, language: str) -> str:
    """An amount as a plain number: whole amounts without decimals, cents with two."""
    if amount == amount.to_integral_value():
        return format_decimal(amount, format="#,##0", locale=language)
    return format_decimal(amount, format="#,##0.00", locale=language)


def money(amount: Decimal, currency: str, language: str, style: str = "prose", form: str = "") -> str:
    """An amount of `currency` in the language's prose or compact style, in a form."""
    words = language_forms.MONEY_WORDS.get(language)
    if words is None or (style == "compact" and language not in language_forms.WORD_IN_TABLES):
        if form:
            raise UnknownForm(f"money has no form {form!r} in {language}")
        if amount == amount.to_integral_value():
            return format_currency(amount, currency, format=_whole_pattern(language), locale=language, currency_digits=False)
        return format_currency(amount, currency, locale=language)
    plural = Locale.parse(language).plural_form(amount)
    unit = language_forms.money_word(language, plural, form)
    pattern = language_forms.UNIT_PATTERN.get(language, language_forms.DEFAULT_UNIT_PATTERN)
    return pattern.format(number=_number(amount, language), unit=unit)


def percent(value: Decimal, language: str, form: str = "") -> str:
    """A percentage given in percent points: 5 -> "5%" (en), "5 %" (fi), "5 %:n" (fi, genitive)."""
    text = format_percent(Decimal(value) / 100, locale=language, decimal_quantization=False)
    return text + language_forms.percent_suffix(language, form)


def count(value: int, language: str) -> str:
    return format_decimal(value, locale=language)


def signed_count(value: int, language: str) -> str:
    """A change in a count, with its sign: "+136,000"."""
    return format_decimal(value, format="+#,##0;-#,##0", locale=language)


def count_range(low: int, high: int, language: str) -> str:
    return f"{count(low, language)}{language_forms.range_dash(language)}{count(high, language)}"


def words(value: int, language: str) -> str:
    """A small whole number spelled out ("six", "kuusi"), where the language spells them."""
    spelling = language_forms.NUMBER_WORDS.get(language)
    if spelling is None:
        raise UnknownForm(f"numbers are not spelled out in {language}")
    return num2words(value, lang=spelling)


def ratio(numerator: int, denominator: int, language: str) -> str:
    """A share as the source states it: "one in five", "joka viides", "5명 중 1명"."""
    template = language_forms.RATIO[language]
    spelling = language_forms.NUMBER_WORDS.get(language)
    if "{denominator_ordinal}" in template and numerator != 1:
        raise UnknownForm(f"a ratio of {numerator} in {denominator} has no form in {language}")
    values = {"numerator": str(numerator), "denominator": str(denominator)}
    if spelling:
        values |= {
            "numerator_words": num2words(numerator, lang=spelling),
            "denominator_words": num2words(denominator, lang=spelling),
            "denominator_ordinal": num2words(denominator, lang=spelling, to="ordinal"),
        }
    return template.format(**values)


def period(value: str, language: str, undated_label: str, form: str = "") -> str:
    """A reference period: "2017-05" -> "May 2017", "2016/2026" -> "2016–2026"."""
    if value == "undated":
        if form:
            raise UnknownForm(f"an undated period has no form {form!r}")
        return undated_label
    if "/" in value:
        start, end = value.split("/")
        return language_forms.span(language, start, end, form)
    if "-" in value:
        year, month = (int(part) for part in value.split("-"))
        if form:
            name = get_month_names("wide", context="stand-alone", locale=language)[month]
            return language_forms.month(language, name, str(year), form)
        return format_skeleton("yMMMM", date(year, month, 1), locale=language)
    if form:
        return language_forms.year(language, value, form)
    return format_skeleton("y", date(int(value), 1, 1), locale=language)
