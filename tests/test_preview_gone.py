"""What stops existing stops existing in the live preview too: after a save that takes away the last of something
(a year's last meeting, a body's, the action closed in a year), the preview's folder holds exactly the files a
full build of the same content makes, none left over from before, and so does a warm build into the folder the
last build left.

The pages come and go with the records they are made from (incremental.py deletes a page its rebuild no longer
lists); the search files are made apart, after the pages (serve.py indexes the preview's folder in place), and
are compared here too, with the search on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import serve
from generator.build import Options, run
from generator.incremental import Session
from helpers import read_tree
from test_quick import FIXTURES, TODAY


def differ(one: Path, other: Path) -> list[str]:
    """The files, below either folder, that the other lacks or holds other bytes of."""
    a, b = read_tree(one), read_tree(other)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def full_build(content: Path, out: Path, search: bool) -> Path:
    result = run(Options(content=content, out=out, today=TODAY, search=search, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out


def warm_build(content: Path, out: Path, search: bool) -> Path:
    result = run(Options(content=content, out=out, today=TODAY, search=search, cache=True))
    assert result.ok, [d.format() for d in result.report.items]
    return out


def moved_folder(content: Path, old: str, new: str) -> list[Path]:
    """A meeting folder renamed (the meeting moved to another date), with its date: what the watcher reports."""
    before = sorted((content / old).rglob("*"))
    (content / old).rename(content / new)
    meeting = content / new / "meeting.md"
    meeting.write_text(meeting.read_text().replace(f"date: {Path(old).name}", f"date: {Path(new).name}"))
    return [content / old, *before, content / new, *sorted((content / new).rglob("*"))]


def deleted_folder(content: Path, folder: str) -> list[Path]:
    before = sorted((content / folder).rglob("*"))
    shutil.rmtree(content / folder)
    return [content / folder, *before]


# ---- the search files the preview indexes in place ------------------------------------------------------------

class Indexed:
    """The preview as `minutebook serve` runs it (serve.Preview), its search index made at once after each save
    rather than half a second later on a timer, and a warm build kept beside it."""

    def __init__(self, tmp_path: Path, fixture: str):
        self.tmp = tmp_path
        self.content, self.live, self.warm = tmp_path / "content", tmp_path / "live", tmp_path / "warm"
        shutil.copytree(FIXTURES / fixture, self.content)
        self.preview = serve.Preview(Options(content=self.content, out=self.live, today=TODAY), log=lambda *a: None,
                                     search=True)
        assert self.preview.rebuild().ok
        self.index()
        warm_build(self.content, self.warm, search=True)
        self.saves = 0

    def index(self) -> None:
        if self.preview._index_timer is not None:
            self.preview._index_timer.cancel()
        self.preview._index()

    def saved(self, paths: list[Path]) -> tuple[list[str], list[str]]:
        """(files the preview differs from a full build in, files a warm build does) after the save of `paths`."""
        self.saves += 1
        self.preview.quick([str(p) for p in paths], "save")
        assert self.preview.rebuild("save").ok
        self.index()
        fresh = full_build(self.content, self.tmp / f"full-{self.saves}", search=True)
        return differ(self.live, fresh), differ(warm_build(self.content, self.warm, search=True), fresh)


def test_a_year_whose_last_meeting_moves_to_another_takes_its_reference_shard_with_it(tmp_path):
    """The reference map is sharded per body and year (search_refs.shard_of): the preview wrote the shards of
    the years that have references and left the one of a year that had none any more, `ccb/2018.json` after
    the meeting moved to 2018 went back to 2019."""
    site = Indexed(tmp_path, "references")
    assert site.saved(moved_folder(site.content, "meetings/ccb/2019-07-18", "meetings/ccb/2018-07-18")) == ([], [])
    assert (site.live / "search/references/ccb/2018.json").is_file()
    assert site.saved(moved_folder(site.content, "meetings/ccb/2018-07-18", "meetings/ccb/2019-07-18")) == ([], [])
    assert not (site.live / "search/references/ccb/2018.json").exists()


def test_a_body_whose_last_meeting_is_deleted_loses_its_search_bundle_and_its_references(tmp_path):
    """A body with no meetings has no bundle of its own (its page is the site bundle's, search_index._bodies):
    the preview and a warm build both kept the bundle of the body's last meeting, every fragment of it
    published, and the preview its reference shard."""
    site = Indexed(tmp_path, "references")
    assert (site.live / "pagefind/bodies/jhsc/pagefind-entry.json").is_file()
    assert site.saved(deleted_folder(site.content, "meetings/jhsc/2019-09-02")) == ([], [])
    assert not (site.live / "pagefind/bodies/jhsc").exists() and not (site.warm / "pagefind/bodies/jhsc").exists()
    assert not (site.live / "search/references/jhsc").exists()


# ---- pages that exist only while something holds ---------------------------------------------------------------

class Previewed:
    """The live preview's session (incremental.Session) without search, saved to as serve saves: the fast path
    first, then the rebuild."""

    def __init__(self, tmp_path: Path, fixture: str):
        self.tmp = tmp_path
        self.content, self.live, self.warm = tmp_path / "content", tmp_path / "live", tmp_path / "warm"
        shutil.copytree(FIXTURES / fixture, self.content)
        self.session = Session(Options(content=self.content, out=self.live, today=TODAY, search=False))
        assert self.session.rebuild().ok
        warm_build(self.content, self.warm, search=False)
        self.saves = 0

    def edit(self, relative: str, old: str, new: str) -> list[Path]:
        path = self.content / relative
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))
        return [path]

    def saved(self, paths: list[Path]) -> tuple[list[str], list[str]]:
        self.saves += 1
        self.session.quick(paths)
        assert self.session.rebuild().ok
        fresh = full_build(self.content, self.tmp / f"full-{self.saves}", search=False)
        return differ(self.live, fresh), differ(warm_build(self.content, self.warm, search=False), fresh)


CLOSING = "meetings/ccb/2019-11-21/"  # the actions fixture's meeting whose log closes CCBP/19/60#1


def test_the_closed_actions_page_of_a_year_goes_when_its_last_closing_moves_to_another_year(tmp_path):
    site = Previewed(tmp_path, "actions")
    assert site.saved(moved_folder(site.content, CLOSING, "meetings/ccb/2020-11-21")) == ([], [])
    assert (site.live / "ccb/actions/closed/2020/index.html").is_file()
    assert site.saved(moved_folder(site.content, "meetings/ccb/2020-11-21", CLOSING)) == ([], [])
    assert not (site.live / "ccb/actions/closed/2020").exists()


def test_the_closed_actions_page_of_a_year_goes_when_its_only_action_is_reopened(tmp_path):
    site = Previewed(tmp_path, "actions")
    assert site.saved(moved_folder(site.content, CLOSING, "meetings/ccb/2020-11-21")) == ([], [])
    reopened = site.edit("meetings/ccb/2020-11-21/actions.md", "    closed: yes\n", "")
    assert site.saved(reopened) == ([], [])
    assert not (site.live / "ccb/actions/closed/2020").exists()


def test_a_year_whose_last_meeting_is_deleted_or_moved_loses_its_year_pages(tmp_path):
    site = Previewed(tmp_path, "archive")
    assert site.saved(deleted_folder(site.content, "meetings/tb/2020-01-16")) == ([], [])
    assert not (site.live / "archive/2020").exists() and not (site.live / "tb/2020").exists()
    assert site.saved(moved_folder(site.content, "meetings/tb/2019-03-14", "meetings/tb/2018-03-14")) == ([], [])
    assert (site.live / "tb/2018/index.html").is_file()
    assert site.saved(moved_folder(site.content, "meetings/tb/2018-03-14", "meetings/tb/2019-03-14")) == ([], [])
    assert not (site.live / "archive/2018").exists() and not (site.live / "tb/2018").exists()
