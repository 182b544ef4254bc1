"""No figure is typed into the Markdown: every number comes from a marker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

MARKER = re.compile(r"<!--.*?-->", re.S)
HEADING_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Digits, and figures spelled out in any of the guide's languages, which would dodge
# the digit check: every percent word ("viisi prosenttia", "오십 퍼센트"), a currency
# sign or word after a number word ("tusen dollar", "thirty thousand dollars"), and
# ratios ("one in five", "één op de vijf", "joka viides", "다섯 명 중 한 명"). The
# guide's own "one in five" comes from a marker, so it is never in the Markdown.
# Number words alone ("one of the skills", "een klant") are ordinary prose.
_ONE = r"one|een|één|yksi|yhden|en|ett|ei|én"
_NUMBERS = "|".join(
    (
        # English
        r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        r"|hundreds?|thousands?|millions?|billions?|dozens?",
        # Dutch
        r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien"
        r"|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
        r"|honderd|duizend|miljoen|miljard",
        # Finnish (base form, partitive and genitive)
        r"kaksi|kahden|kolme|kolmen|neljä|neljän|viisi|viiden|kuusi|kuuden|seitsemän|kahdeksan|yhdeksän"
        r"|kymmenen|(?:yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän)(?:toista|kymmentä)"
        r"|sata|sataa|sadan|tuhat|tuhatta|tuhannen|miljoona\w*|miljardi\w*",
        # Norwegian Bokmål
        r"to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten"
        r"|nitten|tjue|tretti|førti|femti|seksti|sytti|åtti|nitti|hundre|tusen|millioner|million"
        r"|milliarder|milliard",
    )
)
_NUMBER = rf"(?:{_ONE}|{_NUMBERS})"
_KOREAN_NUMBER = r"(?:[일이삼사오육칠팔구십백천만억]+|하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉|열|스물|서른|마흔|쉰)"
_PERCENT = r"\b(?:percent|per\s?cent|percentage\s+points?|procent\w*|prosent\w*|prosentti\w*)\b|퍼센트|%|‰"
_CURRENCY = r"(?:dollars?|dollari\w*|usd|euros?|kroner|kronen|won)\b"
_ORDINAL_FI = r"toinen|kolmas|neljäs|viides|kuudes|seitsemäs|kahdeksas|yhdeksäs|kymmenes"
FIGURE = re.compile(
    r"\d"
    rf"|{_PERCENT}"
    r"|\$|달러"
    rf"|\b{_NUMBER}(?:[\s-]+{_NUMBER})*[\s-]+{_CURRENCY}"
    rf"|\b{_NUMBER}\s+(?:in|out\s+of|op|van|uit|av)\s+(?:every\s+|de\s+)?(?:{_NUMBERS})\b"
    rf"|\bjoka\s+(?:{_ORDINAL_FI})\b"
    rf"|{_KOREAN_NUMBER}\s*명\s*중\s*{_KOREAN_NUMBER}\s*명"
    rf"|{_KOREAN_NUMBER}\s*분의\s*{_KOREAN_NUMBER}",
    re.I,
)


# Proper names that contain digits: the name of a service is not a figure.
NAMES_WITH_DIGITS = re.compile(r"고용24")


def typed_figures(markdown: str) -> list[str]:
    """Lines that contain a figure outside markers, heading ids and link targets."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        visible = NAMES_WITH_DIGITS.sub("", LINK_TARGET.sub("]()", HEADING_ID.sub("", MARKER.sub("", line))))
        if FIGURE.search(visible):
            found.append(f"{number}: {line.strip()}")
    return found


def test_the_scanner_catches_typed_figures():
    assert typed_figures("The median was $32,890 a year.")
    assert typed_figures("Growth of 5 % by <!-- period: projection.overall -->.")
    assert typed_figures("About fifteen percent more.")
    assert not typed_figures("## Empathy {#empathy}\nSee [pay](salary.md#pay-by-industry-2).")
    assert not typed_figures("It was <!-- figure: median-pay.annual --> in <!-- period: median-pay -->.")
    # Only a marker may say "one in five".
    assert not typed_figures("About <!-- figure: part-time-share.ratio --> work part time.")
    # A service's name is not a figure, but a figure next to it still is.
    assert not typed_figures("[고용24](https://www.work24.go.kr/)에서 확인하세요.")
    assert typed_figures("고용24에 따르면 일자리는 24만 개입니다.")


SPELLED_OUT = [
    "five percent", "about five per cent", "fifteen percentage points", "thirty-two thousand dollars",
    "one in five", "one out of every five", "vijf procent", "één op de vijf", "duizend dollar",
    "viisi prosenttia", "viiden prosentin", "joka viides", "tuhat dollaria", "fem prosent", "en av fem",
    "tusen dollar", "오십 퍼센트", "다섯 명 중 한 명", "오분의 일", "삼만 달러", "viisi %",
]
PROSE = [
    "one of the skills", "een klant", "een-op-een", "to help customers", "two customers", "puolet",
    "halvparten", "상담원", "사원", "pay percentiles", "one in the morning", "klanten van een",
    "abonnementen op producten",
]


@pytest.mark.parametrize("text", SPELLED_OUT)
def test_the_scanner_catches_spelled_out_figures(text):
    assert typed_figures(f"It was {text} then."), text


@pytest.mark.parametrize("text", PROSE)
def test_the_scanner_lets_number_words_in_prose_pass(text):
    assert not typed_figures(text)


@pytest.mark.parametrize("page", sorted((REPO / "docs").rglob("*.md")), ids=lambda p: str(p.relative_to(REPO)))
def test_no_figure_outside_markers(page: Path):
    assert typed_figures(page.read_text(encoding="utf-8")) == []
