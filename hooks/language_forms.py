"""The grammatical forms a figure or period can take in each language.

Babel (CLDR) gives numbers, currency symbols, month names and plural categories;
it has no case forms for Finnish, and its currency names say "US dollar" where
running text says "dollar". What CLDR lacks is written here, as data: the word for
a dollar in running text, Finnish case endings, and how each language writes a
span of years and a ratio. A form a language lacks raises UnknownForm, which
stops the build naming the page and the marker.
"""

from __future__ import annotations


class UnknownForm(ValueError):
    """A marker asks for a form its language does not have."""


def money_word(language: str, plural: str, form: str) -> str:
    words = MONEY_WORDS[language]
    if not form:
        return words[plural]
    ending = _case(language, form, CASE_ENDINGS, "money")
    return words["stem"] + ending


def percent_suffix(language: str, form: str) -> str:
    return ":" + _case(language, form, PERCENT_ENDINGS, "a percentage") if form else ""


def list_separator(language: str) -> str:
    return LIST_SEPARATOR.get(language, "; ")


def parenthetical(text: str, note: str, language: str) -> str:
    """A note in brackets after a text: "Call centers (Work environment)", "콜센터(근무 환경)"."""
    return f"{text}{BRACKET_SPACE.get(language, ' ')}({note})"


def range_dash(language: str) -> str:
    return RANGE_DASH.get(language, "–")


def span(language: str, start: str, end: str, form: str) -> str:
    """A span of years: "2016–2026", "2016~2026년", fi "vuosina 2016–2026"."""
    if not form:
        return SPAN.get(language, "{start}{dash}{end}").format(start=start, end=end, dash=range_dash(language))
    template = _case(language, form, SPAN_FORMS, "a span of years")
    return template.format(start=start, end=end, dash=range_dash(language))


def year(language: str, value: str, form: str) -> str:
    return _case(language, form, YEAR_FORMS, "a year").format(year=value)


def month(language: str, name: str, year_: str, form: str) -> str:
    """A month in a form: the stand-alone month name ("toukokuu") takes the case ending."""
    return name + _case(language, form, MONTH_ENDINGS, "a month") + " " + year_


def _case(language: str, form: str, table: dict[str, dict[str, str]], what: str) -> str:
    forms = table.get(language, {})
    if form not in forms:
        known = ", ".join(forms) or "none"
        raise UnknownForm(f"{what} has no form {form!r} in {language} (known: {known})")
    return forms[form]


# -- Data ----------------------------------------------------------------------

# The dollar in running text, by CLDR plural category; "stem" takes case endings.
# None: the language writes the symbol in prose too ("$32,890").
MONEY_WORDS: dict[str, dict[str, str] | None] = {
    "en": None,
    "nl": {"one": "dollar", "other": "dollar"},
    "fi": {"one": "dollari", "other": "dollaria", "stem": "dollari"},
    "ko": {"one": "달러", "other": "달러"},
    "nb": {"one": "dollar", "other": "dollar"},
}
# Languages that write the word in tables and charts too ("32,890달러").
WORD_IN_TABLES = {"ko"}
# Where the number and the unit go: a no-break space keeps them on one line
# ("32 890 dollar"); Korean writes them together ("32,890달러").
UNIT_PATTERN = {"ko": "{number}{unit}"}
DEFAULT_UNIT_PATTERN = "{number}\u00a0{unit}"

# Finnish noun case endings after a number written in digits ("36 612 dollarin").
_FI_CASES = {
    "genitive": "n",
    "partitive": "a",
    "inessive": "ssa",
    "elative": "sta",
    "illative": "in",
    "adessive": "lla",
    "ablative": "lta",
    "allative": "lle",
    "essive": "na",
    "translative": "ksi",
}
CASE_ENDINGS = {"fi": _FI_CASES}
# After "%" Finnish writes the ending of "prosentti" with a colon: "5 %:n", "36 %:iin".
PERCENT_ENDINGS = {
    "fi": {
        "genitive": "n",
        "partitive": "a",
        "inessive": "ssa",
        "elative": "sta",
        "illative": "iin",
        "adessive": "lla",
        "essive": "na",
        "translative": "ksi",
    }
}

# Periods. Finnish: "when" is the time-when form (toukokuussa 2017, vuonna 2016,
# vuosina 2016–2026), "genitive" the possessive one (toukokuun 2017, vuoden 2016).
MONTH_ENDINGS = {"fi": {"when": "ssa", "genitive": "n", "elative": "sta", "illative": "hun"}}
YEAR_FORMS = {
    "fi": {
        "when": "vuonna {year}",
        "genitive": "vuoden {year}",
        "elative": "vuodesta {year}",
        "illative": "vuoteen {year}",
    }
}
SPAN_FORMS = {
    "fi": {
        "when": "vuosina {start}{dash}{end}",
        "genitive": "vuosien {start}{dash}{end}",
        "from-to": "vuodesta {start} vuoteen {end}",
    }
}
RANGE_DASH = {"ko": "~"}
# Korean puts no space before an opening bracket.
BRACKET_SPACE = {"ko": ""}
# Between the sources of a source line: Korean punctuation has no semicolon.
LIST_SEPARATOR = {"ko": " / "}
SPAN = {"ko": "{start}{dash}{end}년"}

# num2words' language codes; Korean writes such numbers in digits ("6년").
NUMBER_WORDS = {"en": "en", "nl": "nl", "fi": "fi", "nb": "no"}
RATIO = {
    "en": "{numerator_words} in {denominator_words}",
    "nl": "{numerator_words} op de {denominator_words}",
    "fi": "joka {denominator_ordinal}",
    "ko": "{denominator}명 중 {numerator}명",
    "nb": "{numerator_words} av {denominator_words}",
}
