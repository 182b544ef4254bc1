"""MkDocs hook: line breaks that follow the page's language where CSS cannot.

Finnish joins a multi-word term to a word with a spaced hyphen ("high school
-tutkinto"); a line must not break before that hyphen, nor after it. In the text of
every Finnish page (not in tags, scripts, styles or code) the space before such a
hyphen becomes a no-break space and a word joiner (U+2060) follows the hyphen, so
the term moves to the next line whole. The rest of the wrapping rules are CSS
(assets/guide.css: Korean keep-all, hyphens by language).
"""

from __future__ import annotations

import re

import site_languages

LANGUAGES = {"fi"}
NO_BREAK_SPACE, WORD_JOINER = "\u00a0", "\u2060"
# Markup we leave alone, then text runs between tags.
_SKIP = re.compile(r"(<(script|style|pre|code|textarea)\b.*?</\2\s*>|<[^>]*>)", re.S | re.I)
_SPACED_HYPHEN = re.compile(r"(?<=\w) -(?=\w)")


def keep_spaced_hyphen(text: str) -> str:
    return _SPACED_HYPHEN.sub(NO_BREAK_SPACE + "-" + WORD_JOINER, text)


def fix_text(html: str) -> str:
    parts = _SKIP.split(html)
    # re.split with two groups yields: text, whole match, inner group, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(keep_spaced_hyphen(parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def on_post_page(output: str, page, config) -> str:
    if site_languages.page_language(page, config) not in LANGUAGES:
        return output
    head, separator, body = output.partition("<body")
    return head + separator + fix_text(body) if separator else output
