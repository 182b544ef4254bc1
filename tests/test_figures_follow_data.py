"""Changing one figure in the data file changes it on every page that shows it."""

from __future__ import annotations

from decimal import Decimal

import yaml

import formatting
from conftest import build_project, copy_project, load_contract
from html_pages import main_text

CONTRACT = load_contract()


def pages_showing(site_root, text):
    return {
        str(page.relative_to(site_root))
        for page in site_root.rglob("index.html")
        if text in main_text(page)
    }


def test_changing_the_median_changes_every_page_of_every_language(site, tmp_path):
    old, new = Decimal("32890"), Decimal("31234")
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "figures.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    assert Decimal(str(data["median_pay"]["annual"])) == old
    data["median_pay"]["annual"] = int(new)
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed_site = tmp_path / "site"
    assert build_project(project, changed_site) == []

    for code in CONTRACT.codes:
        # Running text writes amounts one way, tables another ("32 890 dollaria", "32 890 $").
        for style in ("prose", "compact"):
            old_text = formatting.money(old, "USD", code, style)
            new_text = formatting.money(new, "USD", code, style)
            before = {p for p in pages_showing(site.root, old_text) if CONTRACT.language_of(p) == code}
            after_old = pages_showing(changed_site, old_text)
            after_new = pages_showing(changed_site, new_text)
            assert not after_old & before, f"{code}: {old_text} is still shown on {after_old & before}"
            assert before <= after_new, f"{code}: pages that showed {old_text} do not show {new_text}"
        # The home page (quick facts) and the salary page show the median in every language.
        shown = set().union(*(pages_showing(changed_site, formatting.money(new, "USD", code, s)) for s in ("prose", "compact")))
        assert {f"{CONTRACT.prefix(code)}index.html", f"{CONTRACT.prefix(code)}salary/index.html"} <= shown
