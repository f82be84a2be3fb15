"""The project's own documentation: every relative link between its Markdown files reaches a file, and a
heading in it where the link names one.

The performance figures live in two files (docs/performance.md, where things
stand; docs/performance-history.md, the record) that link into each other by
heading, and a heading renamed in one would otherwise break the other silently.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
HEADING = re.compile(r"^#{1,6} (.+?)\s*$", re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """The fragment GitHub gives a heading: lower case, punctuation dropped, spaces made hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@functools.cache
def _text(path: Path) -> str:
    return FENCE.sub("", path.read_text(encoding="utf-8"))


@functools.cache
def _anchors(path: Path) -> frozenset:
    return frozenset(map(anchor, HEADING.findall(_text(path))))


def broken_links(files: list[Path]) -> tuple[int, list[str]]:
    """(how many relative links were followed, each that reaches no file or no heading)."""
    followed, broken = 0, []
    for path in files:
        for target in LINK.findall(_text(path.resolve())):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            followed += 1
            name, _, fragment = target.partition("#")
            reached = (path.parent / name) if name else path
            if not reached.exists():
                broken.append(f"{path.name}: {target}: no such file")
            elif fragment and reached.suffix == ".md" and fragment not in _anchors(reached.resolve()):
                broken.append(f"{path.name}: {target}: no such heading")
    return followed, broken


def test_links_between_the_docs_reach_their_files_and_headings():
    followed, broken = broken_links(sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"])
    assert followed > 30, "the check followed too few links to be looking"
    assert broken == []


def test_the_check_finds_a_missing_file_and_a_missing_heading(tmp_path):
    (tmp_path / "a.md").write_text("# A page\n\n## Where things stand\n\n[fine](b.md#the-record), "
                                   "[fine](#where-things-stand), [gone](c.md), [renamed](b.md#old-name)\n\n"
                                   "```\n[in a code block](nowhere.md)\n```\n")
    (tmp_path / "b.md").write_text("# The record\n")
    followed, broken = broken_links([tmp_path / "a.md", tmp_path / "b.md"])
    assert followed == 4
    assert broken == ["a.md: c.md: no such file", "a.md: b.md#old-name: no such heading"]
