"""Golden files: the exact HTML of two pages of the fixture site.

tests/golden/ holds the fixture's meeting page (tb, 14 March 2019) and one minute
item page (TB/19/13) byte for byte. Any change to the generator or the templates
that changes these pages fails here, with a diff, so that it is looked at.

When the change is intended, regenerate the files and read them before committing:

    MINUTEBOOK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/

In update mode the tests rewrite the files and are reported as skipped; updating is
refused under CI (the environment variable CI is set), where the files must match.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
GOLDEN = {
    "meeting-tb-2019-03-14.html": "tb/2019/2019-03-14/index.html",
    "item-tb-19-13.html": "tb/2019/tb-19-13/index.html",
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_page_matches_its_golden_file(site, name):
    actual = (site / GOLDEN[name]).read_bytes()
    golden = GOLDEN_DIR / name
    if os.environ.get("MINUTEBOOK_UPDATE_GOLDEN") == "1":
        assert not os.environ.get("CI"), "golden files are never regenerated under CI"
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_bytes(actual)
        pytest.skip(f"rewrote {golden.relative_to(GOLDEN_DIR.parent.parent)}; review it with git diff")
    assert golden.is_file(), f"{golden} is missing: run with MINUTEBOOK_UPDATE_GOLDEN=1 to create it"
    expected = golden.read_bytes()
    if actual != expected:
        diff = difflib.unified_diff(expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines(),
                                    f"golden/{name}", f"built /{GOLDEN[name][:-len('index.html')]}", lineterm="")
        lines = list(diff)
        shown = "\n".join(lines[:80]) + (f"\n... {len(lines) - 80} more diff lines" if len(lines) > 80 else "")
        pytest.fail(f"{name} differs from the page built now (MINUTEBOOK_UPDATE_GOLDEN=1 regenerates it, "
                    f"if the change is intended):\n{shown}", pytrace=False)
