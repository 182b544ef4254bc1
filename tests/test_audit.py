"""hosting/audit.py: the median of the runs, the budget, the list of pages (no Lighthouse)."""

from __future__ import annotations

import audit


def lighthouse_result(performance, accessibility, kib, fcp_ms, lcp_ms):
    """The parts of a Lighthouse JSON report the audit reads."""
    scores = {"performance": performance, "accessibility": accessibility, "best-practices": 1, "seo": 1}
    return {
        "categories": {name: {"score": score} for name, score in scores.items()},
        "audits": {
            "total-byte-weight": {"numericValue": kib * 1024},
            "first-contentful-paint": {"numericValue": fcp_ms},
            "largest-contentful-paint": {"numericValue": lcp_ms},
        },
    }


def test_each_column_is_the_median_of_the_runs():
    runs = [
        lighthouse_result(0.97, 1, 90, 1500, 2500),
        lighthouse_result(1.00, 1, 110, 900, 1000),
        lighthouse_result(0.99, 1, 95, 1200, 1800),
    ]
    result = audit.summarise("ko/salary/", runs)
    assert result.scores == {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert (result.kib, result.fcp_ms, result.lcp_ms) == (95, 1200, 1800)
    assert result.misses() == []


def test_a_page_over_budget_is_named_with_what_it_misses():
    result = audit.summarise("salary/", [lighthouse_result(0.97, 0.89, 100.5, 1000, 1000)])
    assert result.misses() == ["performance 97 < 98", "accessibility 89 < 100", "100.5 KiB > 100 KiB"]
    assert audit.row(result).endswith("<- over budget")


def test_the_bytes_once_material_runs_have_the_same_budget():
    runs = [lighthouse_result(1, 1, 60, 1000, 1000)]
    assert audit.summarise("ko/", runs, kib_used=99.9).misses() == []
    result = audit.summarise("ko/", runs, kib_used=100.2)
    assert result.misses() == ["100.2 KiB once in use > 100 KiB"]
    assert audit.row(result).endswith(" 100.2  <- over budget")


def test_pages_are_every_built_page_root_language_first_without_go_stubs(tmp_path):
    for path in ("", "salary/", "ko/", "ko/salary/", "nb/skills/", "go/", "go/skills/"):
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("<html></html>")
    (tmp_path / "404.html").write_text("<html></html>")
    assert audit.pages(tmp_path) == ["", "salary/", "ko/", "ko/salary/", "nb/skills/"]
