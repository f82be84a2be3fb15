"""The live preview's fast path (generator/quick.py): a save that changes only one meeting's prose writes that
meeting's pages at once, exactly as a full build writes them; any other save is left to the full rebuild,
with nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import Options, run
from generator.incremental import Session
from generator.quick import meeting_folder

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = __import__("datetime").date(2020, 1, 1)


def pages(root: Path) -> dict[str, bytes]:
    """Every HTML page below `root`: what the fast path writes (the data files wait for the full rebuild)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.html"))}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def full_build(content: Path, out: Path) -> Path:
    result = run(Options(content=content, out=out, today=TODAY, search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out


def started(tmp_path: Path, fixture: str) -> tuple[Session, Path, Path]:
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / fixture, content)
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    return session, content, live


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path


@pytest.fixture
def references(tmp_path):
    return started(tmp_path, "references")


@pytest.fixture
def actions(tmp_path):
    return started(tmp_path, "actions")


AUGUST = "meetings/ccb/2019-08-22"


def test_a_sentence_added_to_a_discussion_writes_that_meetings_pages_as_a_full_build_does(references, tmp_path):
    session, content, live = references
    changed = edit(content / AUGUST / "minutes.md", "Paper C in August is the finance paper",
                   "Paper C in August is the revised finance paper")
    outcome = session.quick([changed])
    assert outcome is not None and outcome.ok
    assert outcome.written == ["/ccb/2019/2019-08-22/", "/ccb/2019/ccbp-19-71/"]
    assert outcome.rendered == 5  # the meeting, its three items and its paper
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_the_full_rebuild_after_it_finds_no_page_to_correct(references, tmp_path):
    session, content, live = references
    changed = edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are.\n\nA new paragraph.")
    assert session.quick([changed]) is not None
    outcome = session.rebuild()
    assert outcome.ok and outcome.written == []
    assert files(live) == files(full_build(content, tmp_path / "full"))


@pytest.mark.parametrize("where, old, new", [
    ("minutes.md", "---\nstatus: approved\n---\n", "---\nstatus: approved\n---\n\n\n\n"),  # every line moves
    ("papers/c.md", None, "\n\nA sentence added to the paper."),
    ("meeting.md", None, "\n\nA note added to the meeting."),
], ids=["lines-move", "paper-text", "meeting-notes"])
def test_other_prose_edits_take_the_fast_path_too(references, tmp_path, where, old, new):
    session, content, live = references
    path = content / AUGUST / where
    if old is None:
        path.write_text(path.read_text().rstrip("\n") + new + "\n")
    else:
        edit(path, old, new)
    assert session.quick([path]) is not None
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    assert session.rebuild().written == []


@pytest.mark.parametrize("where, old, new", [
    ("minutes.md", "## CCBP/19/71 Finance (Paper C)", "## CCBP/19/71 Finance and budget (Paper C)"),  # a title
    ("minutes.md", "is the finance paper", "is the finance paper, as CCBP/19/62 asked"),  # a new reference
    ("minutes.md", "stay as they are.", "stay as they are.\n\n## CCBP/19/73 A new item\n\nNoted."),  # a new item
    ("meeting.md", "date:", "title: Extraordinary meeting\ndate:"),  # the meeting's title
], ids=["title", "reference", "new-item", "meeting-title"])
def test_an_edit_other_pages_show_is_left_to_the_full_rebuild_with_nothing_written(references, tmp_path, where,
                                                                                    old, new):
    session, content, live = references
    before = files(live)
    changed = edit(content / AUGUST / where, old, new)
    assert session.quick([changed]) is None
    assert files(live) == before
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_an_actions_text_is_shown_beyond_its_meeting_so_it_takes_the_full_rebuild(actions):
    session, content, live = actions
    changed = edit(content / "meetings/ccb/2019-07-18/minutes.md", "Run the three-month pilot",
                   "Run the four-month pilot")
    assert session.quick([changed]) is None


@pytest.mark.parametrize("old, new", [
    ("status: approved", "status: [approved"),  # broken YAML
    ("is the finance paper", "is the [finance](javascript:x) paper"),  # an unsafe link in the new prose
], ids=["broken-yaml", "unsafe-link"])
def test_a_content_error_is_left_to_the_full_rebuild_to_report_with_nothing_written(references, old, new):
    session, content, live = references
    before = files(live)
    changed = edit(content / AUGUST / "minutes.md", old, new)
    assert session.quick([changed]) is None
    assert files(live) == before
    outcome = session.rebuild()
    assert not outcome.ok and outcome.report.errors


def test_saves_in_two_meetings_or_outside_meetings_are_left_to_the_full_rebuild(references):
    session, content, live = references
    one = edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")
    other = content / "meetings/ccb/2019-07-18/minutes.md"
    assert session.quick([one, other]) is None
    assert session.quick([one, content / "people.yaml"]) is None
    assert session.quick([one, content / "templates/item.html"]) is None
    assert session.quick([one]) is not None


def test_nothing_is_quick_before_a_successful_rebuild(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    session = Session(Options(content=content, out=tmp_path / "live", today=TODAY, search=False))
    changed = edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")
    assert session.quick([changed]) is None
    assert session.rebuild().ok
    edit(content / "meetings/ccb/2019-07-18/meeting.md", "---\n", "---\ndate: [\n")  # the next rebuild fails
    assert not session.rebuild().ok
    assert session.quick([edit(changed, "finance report", "finance note")]) is None


def test_the_meeting_folder_of_a_save_is_found_from_any_file_in_it(references):
    session, content, live = references
    folder = content / AUGUST
    assert meeting_folder(content, [folder / "minutes.md", folder / "papers" / "c.md"]) == folder
    assert meeting_folder(content, [folder / ".minutes.md.swp", folder / "minutes.md~"]) == folder
    assert meeting_folder(content, [content / "meetings" / "ccb"]) is None
    assert meeting_folder(content, [content / "bodies" / "ccb.md"]) is None


def _prose_edits(folder: Path) -> list[Path]:
    """A word added to each kind of prose a synthetic meeting has: discussion, a resolution, a paper's text."""
    changed = []
    minutes = folder / "minutes.md"
    if minutes.is_file():
        text = minutes.read_text()
        if "introduced the report." in text:
            minutes.write_text(text.replace("introduced the report.", "introduced the revised report.", 1))
            changed.append(minutes)
        if "**NOTE** the " in text:
            minutes.write_text(minutes.read_text().replace("**NOTE** the ", "**NOTE** all of the ", 1))
            changed.append(minutes)
    for paper in sorted((folder / "papers").glob("*.md"))[:1]:
        paper.write_text(paper.read_text().rstrip("\n") + "\n\nA closing sentence.\n")
        changed.append(paper)
    return changed


def test_prose_edits_across_a_synthetic_archive_match_a_full_build_and_leave_nothing_to_correct(tmp_path):
    from benchmarks.synthetic import Spec, generate

    content, live = tmp_path / "content", tmp_path / "live"
    generate(content, Spec(meetings=16, bodies=2, seed=3, items=(4, 8), papers=(1, 3), cross_body_rate=0.2))
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    folders = sorted(p.parent for p in content.glob("meetings/*/*/meeting.md"))
    quick = 0
    for folder in folders[::3]:
        changed = _prose_edits(folder)
        if not changed:
            continue
        outcome = session.quick(changed)
        quick += outcome is not None
        after = session.rebuild()
        assert after.ok
        if outcome is not None:
            assert after.written == [], folder  # the fast path's pages were already right
    assert quick >= 4, quick
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_the_first_saves_fast_path_does_not_wait_for_templates_to_compile(references, monkeypatch):
    """The first build compiles the templates in its own processes; the session compiles them for itself
    once it is done, not on the first save."""
    import jinja2

    session, content, live = references
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda env, *a, **k: compiled.append(a[1:2]) or real(env, *a, **k))
    changed = edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")
    assert session.quick([changed]) is not None
    assert compiled == []
