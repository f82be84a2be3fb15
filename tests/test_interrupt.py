"""The live preview's rebuild gives way to the next save (generator/interrupt.py): a rebuild stopped at any of
its checks writes nothing and leaves the session able to carry on, so that the next save's fast path writes its
meeting's pages as a full build does, and the next rebuild that finishes leaves the preview folder exactly as a
full build of the content leaves it, whatever the fast path wrote in between."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from generator.build import Options, run
from generator.incremental import Session
from generator.interrupt import Interrupted, check
from generator.pages import meeting_pages
from generator.urls import output_file

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2020, 1, 1)
AUGUST = "meetings/ccb/2019-08-22"
JULY = "meetings/ccb/2019-07-18"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def full_build(content: Path, out: Path) -> dict[str, bytes]:
    shutil.rmtree(out, ignore_errors=True)
    result = run(Options(content=content, out=out, today=TODAY, search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return files(out)


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


class StopAt:
    """A `stop` that says "another save is waiting" at its `at`-th question, or at the first question from the
    function `stage` (as module.function), and notes who asked each time."""

    def __init__(self, at: int | None = None, stage: str | None = None):
        self.at, self.stage, self.asked = at, stage, []

    def __call__(self) -> bool:
        code = sys._getframe(2).f_code  # interrupt.check asks; its caller is the stage
        self.asked.append(f"{Path(code.co_filename).stem}.{code.co_name}")
        return (self.at is not None and len(self.asked) >= self.at) or self.asked[-1] == self.stage


@pytest.fixture
def session(tmp_path):
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    s = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert s.rebuild().ok
    return s, content, live


def test_check_raises_only_when_asked_to_stop():
    check(lambda: False)
    with pytest.raises(Interrupted):
        check(lambda: True)


def test_a_rebuild_asks_in_every_stage_that_walks_the_archive(session):
    s, content, live = session
    edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are. Noted again.")
    asking = StopAt()
    assert s.rebuild(stop=asking).ok
    assert {"loader._meeting_folders", "build.prepare", "validate.validate", "backlinks.scan",
            "incremental._pages"} <= set(asking.asked)


def _checkpoints(s: Session, content: Path) -> list[tuple[int, str]]:
    """The position of the first and last question of each stage in one rebuild after a new item, with the
    stage: where to stop."""
    edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are.\n\n## CCBP/19/80 Probe\n\nNoted.")
    asking = StopAt()
    assert s.rebuild(stop=asking).ok
    edit(content / AUGUST / "minutes.md", "\n\n## CCBP/19/80 Probe\n\nNoted.", "")
    assert s.rebuild().ok
    first, last = {}, {}
    for position, who in enumerate(asking.asked, start=1):
        first.setdefault(who, position)
        last[who] = position
    return sorted((position, asking.asked[position - 1]) for position in set(first.values()) | set(last.values()))


def test_a_rebuild_stopped_at_any_stage_writes_nothing_and_the_next_one_equals_a_full_build(session, tmp_path):
    """Each stop comes after an edit that adds a link target (a new minute number, which changes what every text
    may link to) and, the next time, one that removes it (stopped in the same stage, whose questions may be
    fewer then), so caches of linked HTML are tested both ways."""
    s, content, live = session
    positions = _checkpoints(s, content)
    assert len({stage for _, stage in positions}) >= 8
    as_it_was = full_build(content, tmp_path / "full")  # each turn puts the content back as it was: built once
    for number, (position, stage) in enumerate(positions):
        added = f"\n\n## CCBP/19/{81 + number} Item {number}\n\nNoted, as CCBP/19/70 said."
        edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are." + added)
        edit(content / JULY / "minutes.md", "community services paper.",
             f"community services paper. See CCBP/19/{81 + number}.")
        before = files(live)
        outcome = s.rebuild(stop=StopAt(position))
        assert outcome.interrupted and not outcome.ok, position
        assert files(live) == before, position
        assert s.rebuild().ok
        assert files(live) == full_build(content, tmp_path / "full"), position
        edit(content / AUGUST / "minutes.md", added, "")
        edit(content / JULY / "minutes.md", f" See CCBP/19/{81 + number}.", "")
        assert s.rebuild(stop=StopAt(stage=stage)).interrupted, stage
        assert s.rebuild().ok
        assert files(live) == as_it_was, position


@pytest.mark.parametrize("stage", ["validate.validate", "backlinks.scan", "incremental._pages"])
def test_after_a_rebuild_stopped_for_the_next_save_that_saves_pages_are_written_at_once_as_a_full_build_makes_them(
        session, tmp_path, stage):
    """Two saves to one meeting, the second before the rebuild after the first has finished: a new item, then a
    sentence citing it. The second save's fast path starts from what the stopped rebuild left."""
    s, content, live = session
    minutes = content / AUGUST / "minutes.md"
    edit(minutes, "stay as they are.", "stay as they are.\n\n## CCBP/19/80 A new item\n\nNoted.")
    assert s.quick([minutes]) is not None
    asking = StopAt()
    s.rebuild(stop=asking)  # counted, then undone below: only to find the stage's first question
    at = asking.asked.index(stage) + 1
    edit(minutes, "\n\n## CCBP/19/80 A new item\n\nNoted.", "")
    assert s.rebuild().ok
    edit(minutes, "stay as they are.", "stay as they are.\n\n## CCBP/19/80 A new item\n\nNoted.")
    assert s.quick([minutes]) is not None
    assert s.rebuild(stop=StopAt(at)).interrupted
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August, as CCBP/19/80 says, is the finance paper")
    assert s.quick([minutes]) is not None
    quick = files(live)
    assert s.rebuild().ok
    full = full_build(content, tmp_path / "full")
    assert files(live) == full
    index = s.prepared.index
    own = {output_file(page.url) for page in meeting_pages(index, index.by_key["ccb/2019-08-22"], TODAY, {})}
    assert "ccb/2019/ccbp-19-80/index.html" in own
    assert {name: quick.get(name) for name in own} == {name: full[name] for name in own}


def test_an_edit_undone_while_the_rebuild_after_it_was_stopped_leaves_no_page_of_it(session, tmp_path):
    """The fast path wrote the edited pages; the rebuild that would have recorded them was stopped; the edit is
    then undone by a save the fast path does not take (say, one that also touches a register). The deps are as
    the last finished rebuild saw them, the pages on disk are not: the rebuild renders them again."""
    s, content, live = session
    minutes = content / AUGUST / "minutes.md"
    original = full_build(content, tmp_path / "full")
    edit(minutes, "stay as they are.", "stay as they are. A sentence soon undone.")
    assert s.quick([minutes]) is not None
    assert files(live) != original
    assert s.rebuild(stop=StopAt(1)).interrupted
    edit(minutes, " A sentence soon undone.", "")
    assert s.rebuild().ok
    assert files(live) == original


def test_an_item_removed_and_restored_while_the_rebuild_was_stopped_is_back(session, tmp_path):
    s, content, live = session
    minutes = content / AUGUST / "minutes.md"
    original = full_build(content, tmp_path / "full")
    item = "\n\n## CCBP/19/72 Literal text"
    text = minutes.read_text()
    start = text.index(item)
    end = text.find("\n## ", start + 2)
    removed = text[start:end if end != -1 else len(text)]
    edit(minutes, removed, "")
    done = s.quick([minutes])
    assert done is not None and done.deleted
    assert s.rebuild(stop=StopAt(1)).interrupted
    minutes.write_text(text)
    assert s.rebuild().ok
    assert files(live) == original


def test_a_rebuild_stopped_after_the_link_targets_changed_leaves_no_html_linked_for_the_fast_path_to_misread(
        session, tmp_path):
    """July cites CCBP/19/80 before August has it. August's new item changes what every text may link to; the
    rebuild after it is stopped once it has dropped the HTML that links. July's save then renders its texts with
    the last finished rebuild's links (its fast path starts there): that HTML must not pass for the new links'."""
    s, content, live = session
    july, august = content / JULY / "minutes.md", content / AUGUST / "minutes.md"
    edit(july, "community services paper.", "community services paper. See CCBP/19/80.")
    assert s.rebuild().ok
    edit(august, "stay as they are.", "stay as they are.\n\n## CCBP/19/80 A new item\n\nNoted.")
    probe = StopAt()  # where the reference scan first asks: the linked HTML is dropped, nothing scanned yet
    assert s.rebuild(stop=probe).ok
    edit(august, "\n\n## CCBP/19/80 A new item\n\nNoted.", "")
    assert s.rebuild().ok
    edit(august, "stay as they are.", "stay as they are.\n\n## CCBP/19/80 A new item\n\nNoted.")
    assert s.quick([august]) is not None
    assert s.rebuild(stop=StopAt(probe.asked.index("backlinks.scan") + 1)).interrupted
    edit(july, "Paper C in July", "Paper C, in July,")
    assert s.quick([july]) is not None
    assert s.rebuild().ok
    assert files(live) == full_build(content, tmp_path / "full")


def test_dropping_linked_html_stopped_half_way_keeps_what_is_left_listed_as_linked():
    """The Markdown cache's linked HTML is dropped in parts (render.forget_links); stopped after the first, the
    cache keeps its old signature and still lists the rest as linked, so the next time drops it."""
    from generator.render import LINKED, forget_links

    cache = {"signature": "old", LINKED: {("text", n) for n in range(12000)}, "plain": "<p>kept</p>"}
    cache.update({("text", n): f"<p>{n}</p>" for n in range(12000)})
    asked = []
    with pytest.raises(Interrupted):
        forget_links(cache, "new", lambda: asked.append(1) or len(asked) > 1)
    assert cache["signature"] == "old"
    left = [key for key in cache if isinstance(key, tuple)]
    assert 0 < len(left) < 12000 and set(left) == cache[LINKED]
    forget_links(cache, "new")
    assert cache == {"signature": "new", "plain": "<p>kept</p>"}
