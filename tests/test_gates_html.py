"""Quality gate: every page of the built sites is valid HTML, by the Nu Html Checker (vnu).

vnu (npm's vnu-jar, run on the machine's Java) is the W3C's checker. It runs
ONCE per session over both built sites and a folder of pages broken on purpose:
starting the JVM is most of its cost. Its --verbose list of checked files is
compared with the pages on disk, so a run that skipped pages cannot pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gate_tools import example_site, fixture_site, vnu

BROKEN_NESTING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title></head>
<body><main><ul><p>A paragraph directly inside a list.</p></ul>
<a href="/"><a href="/archive/">A link inside a link</a></a></main></body></html>
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory, site):
    """One vnu run over the example site, the fixture site and the broken pages."""
    example, fixture = example_site(tmp_path_factory), fixture_site(site)
    broken = tmp_path_factory.mktemp("broken-html")
    (broken / "nesting.html").write_text(BROKEN_NESTING, encoding="utf-8")
    real = (example.root / example.pages["item.html"].strip("/") / "index.html").read_text(encoding="utf-8")
    assert "</h1>" in real
    (broken / "real-item.html").write_text(real.replace("</h1>", "</h1><div><li>stray list item</li></div>", 1),
                                           encoding="utf-8")
    result = vnu(example.root, fixture.root, broken)
    return {"example": example.root.resolve(), "fixture": fixture.root.resolve(), "broken": broken.resolve(),
            "result": result}


def _under(folder: Path, result) -> tuple[list, set]:
    errors = [e for e in result.errors if Path(e["file"]).is_relative_to(folder)]
    files = {f for f in result.checked if Path(f).is_relative_to(folder)}
    return errors, files


@pytest.mark.parametrize("name", ["example", "fixture"])
def test_every_page_is_valid_html(checked, name):
    folder = checked[name]
    errors, files = _under(folder, checked["result"])
    pages = {str(p) for p in folder.rglob("*.html")}
    assert len(pages) > 20
    assert files == pages, "vnu did not check every page"
    assert [f"{Path(e['file']).relative_to(folder)}:{e['line']}: {e['message']}" for e in errors] == []


def test_vnu_reports_invalid_nesting(checked):
    errors, files = _under(checked["broken"], checked["result"])
    assert len(files) == 2
    by_file = {}
    for e in errors:
        by_file.setdefault(Path(e["file"]).name, []).append(e["message"])
    assert any("“p” not allowed as child of element “ul”" in m for m in by_file["nesting.html"])
    assert any("Start tag “a” seen but an element of the same type was already open" in m
               for m in by_file["nesting.html"])
    assert any("“li” not allowed as child of element “div”" in m for m in by_file["real-item.html"])
