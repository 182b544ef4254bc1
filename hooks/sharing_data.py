"""Interface text for sharing the guide and finding its languages (data/sharing.yml).

The file is validated on load: every label needs a non-empty text in every language
of data/figures.yml, and may use only the placeholders listed for it below, so a
bad file stops the build with an error naming the file and the key.
"""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from babel import Locale
from mkdocs.exceptions import PluginError

from site_data import guide_data

SHARING_FILE = "data/sharing.yml"

# Every label and the placeholders it may use.
PLACEHOLDERS: dict[str, set[str]] = {
    "hint_text": set(),
    "read_in": set(),
    "hint_close": set(),
    "share_open": {"heading"},
    "go_choose": set(),
    "link_filter": set(),
    "link_filter_none": set(),
    "link_jump": set(),
    "link_ready_text": {"link", "guide"},
    "link_copy_text": set(),
    "link_copy_text_name": {"target"},
    "link_copy_language_name": {"language", "target"},
    "link_copy_neutral_name": {"target"},
    "link_figures_note": {"first", "last"},
}
# CLDR's name of the macrolanguage reads better in a button than "Norwegian Bokmål".
LANGUAGE_NAME_CODE = {"nb": "no"}

_cache: dict[Path, tuple[int, dict[str, dict[str, str]]]] = {}


def language_name(code: str, in_language: str) -> str:
    """A language's name in another language's own words: ("fi", "nl") -> "Fins"."""
    return Locale.parse(in_language).languages[LANGUAGE_NAME_CODE.get(code, code)]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class SharingLabels:
    def __init__(self, labels: dict[str, dict[str, str]]) -> None:
        self.labels = labels

    def __call__(self, key: str, in_language: str, **values: str) -> str:
        text = self.labels[key][in_language]
        return text.format(**values) if values else text


def sharing_labels(config) -> SharingLabels:
    path = Path(config.config_file_path).parent / SHARING_FILE
    languages = guide_data(config).languages
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise PluginError(f"{path}: cannot read the file: {error.strerror}") from None
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return SharingLabels(cached[1])
    labels = _validated(path, languages)
    _cache[path] = (stamp, labels)
    return SharingLabels(labels)


def _validated(path: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot read the file: {error}") from None
    labels = raw.get("labels") if isinstance(raw, dict) else None
    if not isinstance(labels, dict):
        raise PluginError(f"{path}: labels: expected a mapping of labels")
    problems = [f"labels.{key}: required label is missing" for key in PLACEHOLDERS if key not in labels]
    problems += [f"labels.{key}: unknown label" for key in labels if key not in PLACEHOLDERS]
    for key, texts in labels.items():
        if key not in PLACEHOLDERS:
            continue
        if not isinstance(texts, dict):
            problems.append(f"labels.{key}: expected a text per language")
            continue
        for language in languages:
            text = texts.get(language)
            if not isinstance(text, str) or not text.strip():
                problems.append(f"labels.{key}.{language}: text missing")
                continue
            problems += [f"labels.{key}.{language}: {problem}" for problem in _placeholder_problems(text, PLACEHOLDERS[key])]
        problems += [f"labels.{key}.{extra}: unknown language" for extra in texts if extra not in languages]
    if problems:
        raise PluginError("invalid data file\n" + "\n".join(f"{path}: {problem}" for problem in problems))
    return {key: {language: str(texts[language]) for language in languages} for key, texts in labels.items()}


def _placeholder_problems(text: str, allowed: set[str]) -> list[str]:
    try:
        used = {name for _, name, spec, conversion in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        return [f"bad braces: {error}"]
    problems = []
    if any(not name.isidentifier() for name in used):
        problems.append("placeholders must be names, such as {target}")
    unknown = sorted(name for name in used if name.isidentifier() and name not in allowed)
    if unknown:
        problems.append(f"unknown placeholder {', '.join('{' + name + '}' for name in unknown)}; allowed: {', '.join(sorted(allowed)) or 'none'}")
    return problems
