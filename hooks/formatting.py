"""Locale-aware formatting of figures and reference periods, with Babel.

Every number on the site goes through these helpers, so each language shows
amounts, percentages, counts and dates the way its readers write them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent

# The guide's language codes are Babel locales as they are (nb is Norwegian Bokmål).
RANGE_DASH = {"ko": "~"}


def money(amount: Decimal, currency: str, language: str) -> str:
    """An amount with its currency; whole amounts without decimals ("$32,890")."""
    if amount == amount.to_integral_value():
        pattern = Locale.parse(language).currency_formats["standard"].pattern
        whole = pattern.replace("0.00", "0")
        return format_currency(amount, currency, format=whole, locale=language, currency_digits=False)
    return format_currency(amount, currency, locale=language)


def percent(value: Decimal, language: str) -> str:
    """A percentage given in percent points: 5 -> "5%" (en), "5 %" (fi)."""
    return format_percent(Decimal(value) / 100, locale=language, decimal_quantization=False)


def count(value: int, language: str) -> str:
    return format_decimal(value, locale=language)


def count_range(low: int, high: int, language: str) -> str:
    dash = RANGE_DASH.get(language, "–")
    return f"{count(low, language)}{dash}{count(high, language)}"


def period(value: str, language: str, undated_label: str) -> str:
    """A reference period: "2017-05" -> "May 2017", "2016/2026" -> "2016–2026"."""
    if value == "undated":
        return undated_label
    if "/" in value:
        start, end = value.split("/")
        return f"{period(start, language, undated_label)}–{period(end, language, undated_label)}"
    if "-" in value:
        year, month = value.split("-")
        return format_skeleton("yMMMM", date(int(year), int(month), 1), locale=language)
    return format_skeleton("y", date(int(value), 1, 1), locale=language)
