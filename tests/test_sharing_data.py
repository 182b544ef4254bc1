"""data/sharing.yml: every label in every language, only its own placeholders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from conftest import REPO

sys.path.insert(0, str(REPO / "hooks"))
import sharing_data  # noqa: E402

LANGUAGES = ["en", "nl", "fi", "ko", "nb"]


def labels_in(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load((REPO / "data" / "sharing.yml").read_text(encoding="utf-8"))
    change(raw["labels"])
    path = tmp_path / "sharing.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_file_is_valid():
    labels = sharing_data._validated(REPO / "data" / "sharing.yml", LANGUAGES)
    assert set(labels) == set(sharing_data.PLACEHOLDERS)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda labels: labels.pop("hint_text"), "labels.hint_text: required label is missing"),
        (lambda labels: labels["read_in"].pop("ko"), "labels.read_in.ko: text missing"),
        (lambda labels: labels["read_in"].update(de="Auf Deutsch"), "labels.read_in.de: unknown language"),
        (lambda labels: labels["share_open"].update(en="Open {section}"), "unknown placeholder {section}"),
        (lambda labels: labels["share_open"].update(en="Open {0}"), "placeholders must be names"),
        (lambda labels: labels["share_open"].update(en="Open {heading"), "bad braces"),
        (lambda labels: labels.update(extra={"en": "x"}), "labels.extra: unknown label"),
    ],
)
def test_a_bad_file_stops_the_build_naming_the_label(tmp_path, change, message):
    with pytest.raises(PluginError, match=message.replace("{", r"\{").replace("}", r"\}")):
        sharing_data._validated(labels_in(tmp_path, change), LANGUAGES)


def test_language_names_are_in_the_page_language():
    assert sharing_data.language_name("fi", "nl") == "Fins"
    assert sharing_data.language_name("nb", "en") == "Norwegian"
    assert sharing_data.language_name("en", "ko") == "영어"
