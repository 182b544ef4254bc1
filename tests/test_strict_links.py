"""A broken link in a page fails the strict build, with a message naming the page.

MkDocs only logs most link mistakes at INFO; mkdocs.yml's `validation:` makes them
warnings, which `--strict` turns into a failed build. Each case adds one mistake to
a copy of the project.
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from conftest import build_project, copy_project

PAGE = "docs/ko/skills.md"

MISTAKES = {
    "missing anchor on another page": "[급여](salary.md#no-such-section)",
    "missing anchor on the same page": "[위로](#no-such-section)",
    "absolute link to a missing page": "[없음](/ko/nope/)",
    "absolute link to a page that exists": "[급여](/ko/salary/)",
    "relative link to a missing page": "[없음](nope.md)",
    "relative link to a missing page in another language": "[없음](../en/nope.md)",
    "link that cannot be a page": "[급여](salary/)",
}


@pytest.mark.parametrize("link", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_broken_link_fails_the_strict_build(tmp_path, caplog, link):
    project = copy_project(tmp_path / "project")
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_project(project, tmp_path / "site")
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert [message for message in warnings if "ko/skills.md" in message and link.split("(")[1].rstrip(")") in message], warnings
