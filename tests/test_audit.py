"""hosting/audit.py: the median of the runs, the budget, the list of pages, the bytes
a reader transfers once Material runs (no Lighthouse)."""

from __future__ import annotations

import pytest

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


def test_the_bytes_once_material_runs_are_shown_not_budgeted():
    runs = [lighthouse_result(1, 1, 60, 1000, 1000)]
    result = audit.summarise("ko/", runs, kib_used=104.2)
    assert result.misses() == []
    assert audit.row(result).endswith(" 104.2")


@pytest.mark.browser
def test_the_bytes_used_are_what_nginx_sent_the_search_worker_included(site, browser, tmp_path):
    """Browsers report no body size for a worker's script; nginx's log has it."""
    import nginx_site

    log = tmp_path / "nginx" / "access.log"
    with nginx_site.running(site.root, run_dir=tmp_path / "nginx") as url:
        used = audit.kib_used(browser, url + "ko/skills/", log)
    sent = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        path = line.split('"')[1].split()[1]
        sent[path] = int(audit.BYTES_SENT.search(line).group(1))
    worker = next(path for path in sent if "/workers/search." in path)
    assert sent[worker] > 5 * 1024  # the compressed worker, not just its headers
    assert any(path.endswith("/ko/search/search_index.json") for path in sent)
    assert any(path.endswith("/lunr.ko.min.js") for path in sent)
    assert used == sum(sent.values()) / 1024


def test_pages_are_every_built_page_root_language_first_without_redirect_stubs(tmp_path):
    stubs = ("go/", "go/skills/", "s/skills/empathy/", "nl/s/salary/median-pay/")
    for path in ("", "salary/", "ko/", "ko/salary/", "nb/skills/", "skills/", *stubs):
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("<html></html>")
    (tmp_path / "404.html").write_text("<html></html>")
    assert audit.pages(tmp_path) == ["", "salary/", "skills/", "ko/", "ko/salary/", "nb/skills/"]
