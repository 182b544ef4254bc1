"""A reader's first scroll in Chromium, and how to tell Material's script then runs.

Material's script starts at the reader's first key, touch, pointer or scroll
(overrides/partials/material-start.js). The audit's "KiB used" column and the
browser tests both drive a page this way.
"""

from __future__ import annotations

# True once Material's bundle has run (it exports its observables on window).
MATERIAL_RUNNING = "() => typeof window.component$ !== 'undefined'"
# Material's search is ready when the line above the results shows its prompt
# instead of "Initializing search": the worker has its index and lunr files.
SEARCH_READY = """() => document.querySelector('.md-search-result__meta').textContent.trim()
    === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"""


def start_material(page) -> None:
    """Scroll as a reader does; wait until Material runs and its search is ready."""
    page.mouse.wheel(0, 1)
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_function(SEARCH_READY)
