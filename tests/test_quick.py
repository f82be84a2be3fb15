"""The live preview's fast path (generator/quick.py): a save within one meeting's folder writes that meeting's
own pages at once, then the pages of its actions, of the pages whose backlinks it changed, of the meetings that
show something of it, of the people it lists or cites, the lists and the pages that count, exactly as a full build
writes them; the full
rebuild that follows writes only the other pages the edit shows on. A save that moves link targets, breaks a
check across meetings or reaches beyond one meeting is left to the full rebuild, with nothing written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import incremental, quick
from generator.build import Options, run
from generator.incremental import Session
from generator.pages import holdings, meeting_pages
from generator.quick import meeting_folder, meeting_tracks
from generator.urls import action, output_file
from helpers import JC_MEETING, council_numbered, index_disagrees

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


def settled(session, content: Path, live: Path, tmp_path: Path) -> None:
    """The rebuild after the fast path finds nothing left to write: the site is the one a full build makes."""
    built = full_build(content, tmp_path / "full")
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)


def started(tmp_path: Path, fixture: str, *edits: tuple[str, str, str]) -> tuple[Session, Path, Path]:
    """A session after its first rebuild of a copy of `fixture`, with `edits` (file, old, new) made before it."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / fixture, content)
    for where, old, new in edits:
        edit(content / where, old, new)
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    return session, content, live


def edit(path: Path, old: str | None, new: str | None) -> Path:
    """`old` None: a new file of `new`; `new` None: the file deleted."""
    if new is None:
        path.unlink()
        return path
    text = path.read_text() if old is not None else ""
    assert old is None or old in text
    path.write_text(text.replace(old, new) if old is not None else new)
    return path


@pytest.fixture
def references(tmp_path):
    return started(tmp_path, "references")


@pytest.fixture
def actions(tmp_path):
    return started(tmp_path, "actions")


@pytest.fixture
def archive(tmp_path):
    return started(tmp_path, "archive")


AUGUST = "meetings/ccb/2019-08-22"


def test_a_sentence_added_to_a_discussion_writes_that_meetings_pages_as_a_full_build_does(references, tmp_path):
    session, content, live = references
    changed = edit(content / AUGUST / "minutes.md", "Paper C in August is the finance paper",
                   "Paper C in August is the revised finance paper")
    outcome = session.quick([changed])
    assert outcome is not None and outcome.ok
    assert outcome.written == ["/ccb/2019/2019-08-22/", "/ccb/2019/ccbp-19-71/"]
    # the meeting and the item: its two other items' pages and its paper's show nothing of the sentence
    assert outcome.rendered == 2
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def made_pages(monkeypatch, module) -> list[str]:
    """The addresses of the pages `module` (quick or incremental) renders from now on, in order."""
    made: list[str] = []
    render = module.render_page

    def recorded(env, page, report):
        made.append(page.url)
        return render(env, page, report)
    monkeypatch.setattr(module, "render_page", recorded)
    return made


ITEMS = ["/ccb/2019/ccbp-19-70/", "/ccb/2019/ccbp-19-71/", "/ccb/2019/ccbp-19-72/"]


def test_a_paper_added_makes_the_meetings_page_and_its_own_but_not_its_items_pages(references, tmp_path, monkeypatch):
    """An item's page shows only the papers its minute lists; with the whole meeting in its deps, every item's page
    was made again for a paper added, in the fast path and in the rebuild after it, to be found unchanged."""
    session, content, live = references
    made = made_pages(monkeypatch, quick)
    added = edit(content / AUGUST / "papers" / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    outcome = session.quick([added])
    assert outcome is not None and outcome.ok
    assert made[:2] == ["/ccb/2019/2019-08-22/", "/ccb/2019/2019-08-22/papers/d/"]
    assert not set(made) & {*ITEMS, "/ccb/2019/2019-08-22/papers/c/"}
    rebuilt = made_pages(monkeypatch, incremental)
    settled(session, content, live, tmp_path)
    assert not set(rebuilt) & {*ITEMS, "/ccb/2019/2019-08-22/papers/c/"}


def test_a_paper_added_neither_makes_nor_compares_the_pages_of_the_meeting_its_minutes_cite(references, tmp_path,
                                                                                           monkeypatch):
    """August's minutes cite July's items. A paper added leaves what their "Referenced from" shows of August's
    minutes as it was (each place's address, label, meeting key and date): the places are new objects, with the
    new meeting in them, but July's pages are not made again to be compared; they were, for every page the
    meeting's texts link to. (The JHSC's are: its minutes link to August's, and a paper is a new link target.)"""
    session, content, live = references
    asked: list[str] = []
    listed = quick.meeting_pages

    def listing(index, meeting, *rest):
        asked.append(meeting.key)
        return listed(index, meeting, *rest)
    monkeypatch.setattr(quick, "meeting_pages", listing)
    added = edit(content / AUGUST / "papers" / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    outcome = session.quick([added])
    assert outcome is not None and outcome.ok
    assert asked[0] == "ccb/2019-08-22" and "ccb/2019-07-18" not in asked  # (the JHSC's minutes link to August's)
    settled(session, content, live, tmp_path)


def test_a_papers_new_title_makes_again_the_page_of_the_item_that_lists_it_and_no_other(tmp_path, monkeypatch):
    session, content, live = started(tmp_path, "references", (
        f"{AUGUST}/minutes.md", "## CCBP/19/71 Finance (Paper C)\n", "## CCBP/19/71 Finance (Paper C)\n\n"
        "```item\npaper: C\n```\n"))
    made = made_pages(monkeypatch, quick)
    outcome = session.quick([edit(content / AUGUST / "papers" / "c.md", "Finance report", "Finance and estates")])
    assert outcome is not None and outcome.ok
    assert "/ccb/2019/ccbp-19-71/" in outcome.written
    assert "Paper C: Finance and estates" in (live / "ccb/2019/ccbp-19-71/index.html").read_text()
    assert not set(made) & {ITEMS[0], ITEMS[2]}
    settled(session, content, live, tmp_path)


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


def own_pages(session: Session, key: str) -> set[str]:
    """The output files of a meeting's own pages (its page, its items' and papers'), as the last rebuild had them."""
    index = session.prepared.index
    return {output_file(page.url) for page in meeting_pages(index, index.by_key[key], TODAY, {})}


def action_pages(session: Session, key: str) -> set[str]:
    """The output files of the pages of the actions a meeting raises or updates, as the last rebuild had them."""
    index = session.prepared.index
    return {output_file(action(track.action)) for track in meeting_tracks(index, index.by_key[key])}


JULY = "meetings/ccb/2019-07-18"
SEPTEMBER_LOG = "meetings/ccb/2019-09-19"


@pytest.mark.parametrize("fixture, where, old, new", [
    ("references", f"{AUGUST}/minutes.md", "## CCBP/19/71 Finance (Paper C)",
     "## CCBP/19/71 Finance and budget (Paper C)"),  # an item's title: its neighbours' pages show it too
    ("references", f"{AUGUST}/minutes.md", "is the finance paper",
     "is the finance paper, as CCBP/19/62 asked"),  # a new reference: a backlink on another meeting's page
    ("references", f"{AUGUST}/minutes.md", "stay as they are.",
     "stay as they are, as CCBP/19/71 said."),  # a backlink on one of the meeting's own pages
    ("references", f"{AUGUST}/meeting.md", "date:", "title: Extraordinary meeting\ndate:"),  # in every list
    ("references", f"{AUGUST}/meeting.md", "Director of Strategy", "Director of Planning"),  # on a person's page
    ("actions", f"{JULY}/minutes.md", "Run the three-month pilot", "Run the four-month pilot"),  # an action's text
    ("actions", f"{JULY}/minutes.md", "owner: ann-smith", "owner: bob-jones"),  # an action's owner
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "status: amber", "status: red"),  # an update, on the action's page
    ("references", f"{AUGUST}/minutes.md", "stay as they are.",
     "stay as they are.\n\n## CCBP/19/73 A new item\n\nNoted, as CCBP/19/70 said."),  # a new minute number
    ("references", f"{JULY}/minutes.md", "community services paper.",
     "community services paper.\n\n## CCBP/19/99 Added\n\nNoted."),  # cited in August before it existed
    ("references", f"{JULY}/meeting.md", "    paper: C\n",
     "    paper: C\n  - ref: CCBP/19/99\n    title: Estates\n    status: deferred\n"),  # August's CCBP/19/99: its row
    ("references", f"{AUGUST}/minutes.md", "stay as they are.",
     "stay as they are.\n\n## CCBP/19/99 Added\n\nNoted."),  # its own unchanged text cites it: now a link
    ("references", f"{AUGUST}/minutes.md", "## CCBP/19/72 Literal text",
     "## CCBP/19/74 Literal text"),  # a number gone: August's own "CCBP/19/72" no longer links
    ("actions", f"{JULY}/minutes.md", "    id: jc-referral\n",
     "    id: jc-referral\n  - owner: ann-smith\n    text: A third action.\n    due: 2019-12-01\n"),  # new action
    ("actions", f"{JULY}/minutes.md", "    id: jc-referral\n",
     "    id: jc-referral\n  - owner: bob-jones\n    text: A third action.\n    due: 2019-12-01\n"),  # before his jc one
    ("references", f"{AUGUST}/papers/k.md", None,
     "---\nref: K\ntitle: Workforce report\n---\n\nThe workforce paper.\n"),  # "Paper K" in its minutes: a link
    ("references", f"{AUGUST}/papers/c.md", "", None),  # a paper removed: "Paper C" no longer links
    ("references", f"{AUGUST}/meeting.md", "  in_attendance:\n    - person: mark-lewis\n      for: [CCBP/19/71]\n",
     ""),  # "ML" in its minutes no longer a link
    ("actions", "meetings/jc/2019-08-01/minutes.md", "    due: 2019-08-31\n```\n",
     "    due: 2019-08-31\n```\n\nAs [[action:ccb:CCBP/19/60#1]] asked.\n"),  # a backlink on an action's page
    ("references", f"{JULY}/minutes.md", "Approved.",
     "Approved, as [[person:sarah-prema]] proposed."),  # a backlink on the page of someone not at the meeting
    ("references", f"{JULY}/minutes.md", "## CCBP/19/61 Community services (Paper C)\n",
     "## CCBP/19/61 Community services (Paper C)\n\n```item\ndeclarations:\n  - person: nora-brown\n"
     "    interest: A governor of the trust Paper C names\n```\n"),  # on the declarer's page
    ("references", f"{JULY}/minutes.md", "## CCBP/19/61 Community services (Paper C)\n",
     "## CCBP/19/61 Community services (Paper C)\n\n```item\ndeclarations:\n  - person: nora-brown\n"
     "    type: non-financial professional interests\n    interest: A governor of the trust Paper C names\n```\n"),
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-08-23"),  # a date in its place
    ("references", f"{JULY}/meeting.md", "date: 2019-07-18", "date: 2019-07-17"),  # "held on 18 July" no more
    ("actions", f"{SEPTEMBER_LOG}/meeting.md", "date: 2019-09-19", "date: 2019-09-20"),  # July's "next meeting"
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-09-03"),  # after the JHSC's 2 September
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-07-01"),  # before July's: its neighbour
    ("actions", f"{JULY}/meeting.md", "date: 2019-07-18", "date: 2019-08-02"),  # its actions after the JC's
    ("references", f"{AUGUST}/papers/c.md", "title: Finance report\n",
     "title: Finance report\nauthors: [sarah-prema]\n"),  # on the page of its author, not at the meeting
    # on the tracker of the body that owns it, which another body raised
    ("actions", f"{JULY}/minutes.md", "consider the pilot.", "consider the extended pilot."),
    ("actions", f"{JULY}/minutes.md", "  - owner: ann-smith\n", "  - owner: {body: jc}\n"),  # given to the JC
    ("actions", f"{JULY}/minutes.md", "  - owner: {body: jc}\n", "  - owner: bob-jones\n"),  # taken from it
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "    progress: Referred to the Joint Committee.\n    closed: yes\n",
     "    progress: Referred to the Joint Committee.\n"),  # reopened by the log of the body that raised it
    # in November's log, which gives no date of its own, the due date as it stood before
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "due: November 2019", "due: December 2019"),
    ("references", f"{JULY}/meeting.md", "date: 2019-07-18\n",
     "date: 2019-07-18\nadjourned_to: 2019-08-22\n"),  # August's page says it continues July's meeting
], ids=["item-title", "reference", "own-backlink", "meeting-title", "attendee-role", "action-text", "action-owner",
        "update-status", "new-item", "item-cited-before", "agenda-item-cited-before", "item-cited-in-its-meeting",
        "item-renumbered", "new-action", "new-action-listed-before", "new-paper", "paper-removed", "initials",
        "action-reference", "person-reference", "declaration", "declaration-type", "date", "date-cited", "date-next-meeting",
        "date-past-another-body", "date-before-its-body's-last", "date-raising-past-another-body",
        "paper-author", "body-owned-action-text", "action-given-to-a-body", "action-taken-from-a-body",
        "body-owned-action-reopened", "update-due", "adjourned"])
def test_an_edit_other_pages_show_writes_the_meetings_own_pages_first_as_a_full_build_makes_them(
        request, tmp_path, fixture, where, old, new):
    session, content, live = request.getfixturevalue(fixture)
    changed = edit(content / where, old, new)
    outcome = session.quick([changed])
    assert outcome is not None
    built = full_build(content, tmp_path / "full")
    quick, full = pages(live), pages(built)
    after = session.rebuild()  # the rest: other pages that show the edit, then feeds and data files
    assert after.ok
    folder = Path(where).parent
    key = (folder.parent if folder.name == "papers" else folder).relative_to("meetings").as_posix()
    own = own_pages(session, key) | action_pages(session, key)
    assert {f: quick.get(f) for f in own} == {f: full[f] for f in own}
    assert not own & {output_file(url) for url in after.written}
    fast = {output_file(url) for url in outcome.written}  # and any other meeting's or action's page it wrote
    assert {f: quick.get(f) for f in fast} == {f: full.get(f) for f in fast}
    assert not fast & {output_file(url) for url in after.written}
    shown = {"reference": {"ccb/2019/ccbp-19-62/index.html"},
             "action-reference": {"ccb/actions/ccbp-19-60-1/index.html"},
             "attendee-role": {"people/sarah-prema/index.html"}, "action-owner": {"people/bob-jones/index.html"},
             "meeting-title": {"people/sarah-prema/index.html", "index.html", "ccb/index.html", "ccb/2019/index.html",
                               "archive/2019/index.html",  # and the pages whose [[...]] links name it by title:
                               "jhsc/2019/2019-09-02/index.html", "jhsc/2019/2019-09-02/item-3/index.html"},
             "action-text": {"ccb/2019/2019-11-21/index.html", "ccb/actions/index.html"},
             # an action added: its owner's page, the body's tracker and the open data page count it
             "new-action": {"people/ann-smith/index.html", "ccb/actions/index.html", "data/index.html"},
             "new-action-listed-before": {"people/bob-jones/index.html", "ccb/actions/index.html"},
             "initials": {"people/index.html", "people/mark-lewis/index.html"},  # one attendance fewer
             "person-reference": {"people/sarah-prema/index.html"},
             # and the body's register of declarations, new with it, which its page now links
             "declaration": {"people/nora-brown/index.html", "ccb/index.html", "ccb/declarations/index.html",
                             "ccb/declarations/2019/index.html"},
             "paper-author": {"people/sarah-prema/index.html"},  # her page lists the paper
             # its neighbour's link to it, and a [[...]] link to it elsewhere, name it by its date
             "date": {"ccb/2019/2019-07-18/index.html", "jhsc/2019/2019-09-02/index.html", "ccb/2019/index.html"},
             "date-cited": {"ccb/2019/2019-08-22/index.html", "ccb/2019/ccbp-19-70/index.html"},
             # July's action due at the next meeting is due on its new date, which its minute gives too
             "date-next-meeting": {"ccb/actions/ccbp-19-60-jc-referral/index.html", "ccb/actions/index.html",
                                   "ccb/2019/ccbp-19-60/index.html", "ccb/2019/2019-07-18/index.html"},
             # the tracker of the body the action is given to, and its page of those closed in 2019
             "body-owned-action-text": {"jc/actions/index.html", "jc/actions/closed/2019/index.html"},
             "action-given-to-a-body": {"jc/actions/index.html", "jc/actions/closed/2019/index.html"},
             "action-taken-from-a-body": {"jc/actions/index.html"},
             "body-owned-action-reopened": {"jc/actions/index.html"},
             # the sitting it reconvened at links back to it, and the lists say which is which
             "adjourned": {"ccb/2019/2019-08-22/index.html", "ccb/index.html", "ccb/2019/index.html",
                           "archive/2019/index.html"}}
    # The page it cites, a meeting's whose log shows its action, a person's it lists, the lists: each shows the
    # edit at once.
    assert shown.get(request.node.callspec.id, set()) <= fast
    assert files(live) == files(built)
    # and so does every page showing it that a meeting's text is on: the full rebuild has no page to correct
    assert after.written == []


def test_a_minute_added_inside_a_range_another_meeting_cites_lists_that_meeting_with_the_save(tmp_path):
    """August's "CCBP/19/62–64" takes in 63, which no minute had: July's new minute 63 is cited by it at once, as a
    full build cites it, and the warning of it goes with the rebuild."""
    session, content, live = started(tmp_path, "references", (f"{AUGUST}/minutes.md", "stay as they are.",
                                                              "stay as they are. CCBP/19/62–64 were noted."))
    changed = edit(content / JULY / "minutes.md", "community services paper.",
                   "community services paper.\n\n## CCBP/19/63 Added\n\nNoted.")
    assert session.quick([changed]) is not None
    cited = (live / "ccb/2019/ccbp-19-63/index.html").read_text(encoding="utf-8")
    assert 'id="referenced-from"' in cited and '<a href="/ccb/2019/ccbp-19-72/">' in cited.split(
        'id="referenced-from"', 1)[1]
    settled(session, content, live, tmp_path)


def test_a_saves_own_pages_are_timed_once_on_disk_before_the_pages_elsewhere_that_show_the_edit(references):
    """Issue 7's measure of a save is from the file written to its pages on disk: Outcome.own_milliseconds is
    taken when the edited meeting's own pages are written, and the pages of the lists and of the people that
    show its new title come after it."""
    session, content, live = references
    changed = edit(content / AUGUST / "meeting.md", "date:", "title: Extraordinary meeting\ndate:")
    written, marks = [], []
    write = session.out.write_bytes
    session.out.write_bytes = lambda relative, data, *rest: written.append(relative) or write(relative, data, *rest)
    assert quick.quick_rebuild(session, [changed], lambda: marks.append(len(written))) is not None
    [mark] = marks
    assert set(written[:mark]) == own_pages(session, "ccb/2019-08-22")
    assert {"index.html", "ccb/index.html", "people/sarah-prema/index.html"} <= set(written[mark:])


def test_the_outcome_of_a_save_gives_when_its_own_pages_were_on_disk_within_the_whole(references):
    session, content, _ = references
    outcome = session.quick([edit(content / AUGUST / "meeting.md", "date:", "title: Extraordinary meeting\ndate:")])
    assert 0 < outcome.own_milliseconds <= outcome.milliseconds


def test_an_action_taken_from_a_body_takes_its_trackers_page_of_a_year_it_no_longer_closed_any_in_with_the_save(
        actions, tmp_path):
    """The CCB's referral to the JC, closed in 2019, was the only action of the JC's closed that year: given to
    someone else, the JC's page of the actions it closed in 2019 goes at once, not when the rebuild comes."""
    session, content, live = actions
    assert (live / "jc/actions/closed/2019/index.html").is_file()
    outcome = session.quick([edit(content / JULY / "minutes.md", "  - owner: {body: jc}\n", "  - owner: bob-jones\n")])
    assert outcome is not None and outcome.deleted == ["/jc/actions/closed/2019/"]
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


@pytest.mark.parametrize("fixture, where, old, new", [
    ("references", f"{AUGUST}/meeting.md", "date:", "title: Extraordinary meeting\ndate:"),  # in every list
    ("references", f"{AUGUST}/minutes.md", "is the finance paper",
     "is the finance paper, as CCBP/19/62 asked"),  # a backlink on another meeting's page
    ("references", f"{AUGUST}/meeting.md", "Director of Strategy", "Director of Planning"),  # on a person's page
    ("actions", f"{JULY}/minutes.md", "    id: jc-referral\n",
     "    id: jc-referral\n  - owner: bob-jones\n    text: A third action.\n    due: 2019-12-01\n"),  # an action
    ("references", f"{AUGUST}/meeting.md", "  in_attendance:\n    - person: mark-lewis\n      for: [CCBP/19/71]\n",
     ""),  # an attendee: the people page counts one meeting fewer
    ("references", f"{JULY}/minutes.md", "## CCBP/19/61 Community services (Paper C)\n",
     "## CCBP/19/61 Community services (Paper C)\n\n```item\ndeclarations:\n  - person: nora-brown\n"
     "    interest: A governor of the trust Paper C names\n```\n"),  # the body's register, made and taken away
    # their pages of 2019 link 2020 no longer, and now: one year page of each changed, though none of its records
    ("archive", "meetings/tb/2020-01-16/meeting.md", "presenter: carol-singh", "presenter: brian-okafor"),
], ids=["meeting-title", "reference", "attendee-role", "new-action", "attendee-removed", "declaration",
        "year-gained-and-lost"])
def test_an_edit_taken_back_before_the_rebuild_is_taken_back_from_every_page_it_reached(
        request, tmp_path, fixture, where, old, new):
    """Two saves, the second undoing the first, with no rebuild between (the next save stops it): the pages
    the first wrote show the meeting as it is again, though they match what the last rebuild rendered."""
    session, content, live = request.getfixturevalue(fixture)
    built = pages(full_build(content, tmp_path / "full"))
    original = (content / where).read_text()
    changed = edit(content / where, old, new)
    first = session.quick([changed])
    folder = Path(where).parent
    assert first is not None and {output_file(url) for url in first.written} - own_pages(session, folder.relative_to(
        "meetings").as_posix())  # pages beyond the meeting's own
    changed.write_text(original)
    assert session.quick([changed]) is not None
    assert pages(live) == built


def test_saves_after_one_that_reached_other_pages_do_not_make_those_pages_again(references):
    """The rebuild gives way to each save, so saves can follow one another with none between: the pages a retitled
    meeting showed on are made once, not again with each sentence typed after it."""
    session, content, live = references
    first = session.quick([edit(content / AUGUST / "meeting.md", "date:", "title: Extraordinary meeting\ndate:")])
    assert first is not None and first.rendered > 5
    for sentence in ("A first sentence.", "A second sentence."):
        minutes = content / AUGUST / "minutes.md"
        outcome = session.quick([edit(minutes, "stay as they are.", f"stay as they are. {sentence}")])
        assert outcome is not None and outcome.rendered == 2  # the meeting and the item the sentence is in


def test_an_action_added_taken_out_and_added_again_before_the_rebuild_has_its_page(actions, tmp_path):
    session, content, live = actions
    minutes = content / JULY / "minutes.md"
    original = minutes.read_text()
    added = original.replace("    id: jc-referral\n",
                             "    id: jc-referral\n  - owner: ann-smith\n    text: A third action.\n    due: 2019-12-01\n")
    for text in (added, original, added):
        minutes.write_text(text)
        assert session.quick([minutes]) is not None
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_an_action_reopened_in_a_later_log_is_overdue_at_once_on_the_page_of_the_meeting_that_raised_it(
        actions, tmp_path):
    """November's log no longer closes CCBP/19/60#1, due that month: July's "Actions raised" table says it is
    overdue with the save, as a full build does, and so do its minute's page and its owner's pages (the fast path
    makes them with the build date the rebuild had); the rebuild after has nothing to correct."""
    session, content, live = actions
    outcome = session.quick([edit(content / "meetings/ccb/2019-11-21/actions.md", "    closed: yes\n", "")])
    assert outcome is not None and "/ccb/2019/2019-07-18/" in outcome.written
    overdue = '<span class="status status-green">Green</span>, <strong class="overdue">Overdue</strong></td>'
    assert overdue in (live / "ccb/2019/2019-07-18/index.html").read_text()
    assert {"/ccb/2019/ccbp-19-60/", "/people/ann-smith/", "/people/ann-smith/2019/"} <= set(outcome.written)
    assert overdue in (live / "people/ann-smith/index.html").read_text()
    assert overdue in (live / "people/ann-smith/2019/index.html").read_text()
    assert '<strong class="overdue">Overdue</strong>.</span></li>' in (live / "ccb/2019/ccbp-19-60/index.html").read_text()
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    assert session.rebuild().written == []


@pytest.mark.parametrize("fixture, where, old, new", [
    ("references", f"{AUGUST}/minutes.md", "stay as they are.",
     "stay as they are.\n\n## CCBP/19/60 Again\n\nNoted."),  # July's number
    ("references", f"{AUGUST}/minutes.md", "stay as they are.",
     "stay as they are.\n\n## CCBP/19/71 Twice\n\nNoted."),  # the meeting's own number twice
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-07-18"),  # its body's other meeting's day
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2020-08-22"),  # its address
    ("actions", f"{JULY}/minutes.md", "    id: jc-referral\n", ""),  # an action's id: a later log updates it
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "action: CCBP/19/60#1", "action: CCBP/19/99#1"),  # unknown
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "action: CCBP/19/60#jc-referral",
     "action: CCBP/19/60#1"),  # the same action updated twice in one log
    ("actions", f"{SEPTEMBER_LOG}/meeting.md", "date: 2019-09-19", "date: 2019-07-10"),  # updates before raised
], ids=["number-of-another-meeting", "number-twice", "date-shared", "year", "updates-before-raised", "action-id",
        "unknown-action", "updated-twice"])
def test_an_edit_that_moves_link_targets_or_breaks_a_check_is_left_to_the_full_rebuild_with_nothing_written(
        request, tmp_path, fixture, where, old, new):
    session, content, live = request.getfixturevalue(fixture)
    assert_left_to_the_rebuild(session, content, live, content / where, old, new, tmp_path)


def _adjourned(tmp_path: Path, again: bool = False) -> tuple[Session, Path, Path]:
    """The references archive with July's meeting adjourned to August's, whose minute CCBP/19/72 takes July's
    agenda item of that number, not reached before it adjourned; and a meeting of the board between them, so
    that neither sitting's page shows the other as its neighbour. `again`: August's sitting adjourned in turn to
    5 September (SEPTEMBER), whose minute CCBP/19/73 takes July's agenda item of that number."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    (content / "meetings/ccb/2019-08-01").mkdir()
    edit(content / "meetings/ccb/2019-08-01/meeting.md", None, "---\nbody: ccb\ndate: 2019-08-01\n---\n")
    edit(content / JULY / "meeting.md", "date: 2019-07-18\n", "date: 2019-07-18\nadjourned_to: 2019-08-22\n")
    edit(content / JULY / "meeting.md", "agenda:\n", "agenda:\n  - ref: CCBP/19/72\n    title: Literal text\n")
    if again:
        edit(content / AUGUST / "meeting.md", "date: 2019-08-22\n", "date: 2019-08-22\nadjourned_to: 2019-09-05\n")
        edit(content / JULY / "meeting.md", "agenda:\n", "agenda:\n  - ref: CCBP/19/73\n    title: Estates\n")
        (content / SEPTEMBER).mkdir()
        edit(content / SEPTEMBER / "meeting.md", None, "---\nbody: ccb\ndate: 2019-09-05\n---\n")
        edit(content / SEPTEMBER / "minutes.md", None, "---\nstatus: approved\n---\n## CCBP/19/73 Estates\n\nNoted.\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    return session, content, live


@pytest.mark.parametrize("where, old, new, shown", [
    (f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-08-23", "ccb/2019/2019-07-18/index.html"),  # "reconvened
    # on 23 August 2019"
    (f"{JULY}/meeting.md", "date: 2019-07-18", "date: 2019-07-17", "ccb/2019/2019-08-22/index.html"),  # "the meeting
    # of 17 July 2019"
    (f"{AUGUST}/minutes.md", "## CCBP/19/72 Literal text", "## CCBP/19/74 Literal text",
     "ccb/2019/2019-07-18/index.html"),  # July's agenda no longer links a minute CCBP/19/72 at the reconvened sitting
    (f"{JULY}/meeting.md", "adjourned_to: 2019-08-22\n", "", "ccb/2019/2019-08-22/index.html"),  # no longer a
    # reconvened sitting
], ids=["reconvened-redated", "first-redated", "minute-taken-later-renumbered", "adjournment-taken-out"])
def test_a_save_to_one_sitting_of_an_adjourned_meeting_writes_the_others_page_as_a_full_build_makes_it(
        tmp_path, where, old, new, shown):
    session, content, live = _adjourned(tmp_path)
    outcome = session.quick([edit(content / where, old, new)])
    assert outcome is not None
    full = files(full_build(content, tmp_path / "full"))
    written = {output_file(url) for url in outcome.written}
    assert shown in written
    assert {f: files(live)[f] for f in written} == {f: full[f] for f in written}
    assert session.rebuild().written == []
    assert files(live) == full


SEPTEMBER = "meetings/ccb/2019-09-05"


def test_a_save_to_the_third_sitting_of_a_meeting_adjourned_twice_writes_the_first_sittings_page(tmp_path):
    """July's agenda links the minute taken at the sitting after August's: renumbered there, it is July's page
    that changes, though July's meeting names August's sitting only."""
    session, content, live = _adjourned(tmp_path, again=True)
    outcome = session.quick([edit(content / SEPTEMBER / "minutes.md", "## CCBP/19/73", "## CCBP/19/74")])
    assert outcome is not None
    full = files(full_build(content, tmp_path / "full"))
    written = {output_file(url) for url in outcome.written}
    assert "ccb/2019/2019-07-18/index.html" in written
    assert {f: files(live)[f] for f in written} == {f: full[f] for f in written}
    assert session.rebuild().written == []
    assert files(live) == full


def test_the_first_sittings_event_and_feed_entry_name_the_third_sitting_by_its_new_day_after_each_save(tmp_path):
    """July's meeting names August's sitting only, and stays the same record: the preview keeps its calendar event
    and feed entry while what they show is the same objects (memo.ByIdentity), September's sitting among them.
    Saved twice, as the first rebuild after the preview's first build has nothing kept to reuse."""
    session, content, live = _adjourned(tmp_path, again=True)
    for old, new in (("2019-09-05", "2019-09-06"), ("2019-09-06", "2019-09-07")):
        session.quick([edit(content / SEPTEMBER / "meeting.md", f"date: {old}", f"date: {new}")])
        assert session.rebuild().ok
        day = f"{int(new[-2:])} September 2019"
        calendar = (live / "feeds/bodies/ccb.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
        assert ("The meeting was adjourned\\, and reconvened on 22 August 2019: https://refs.example.org/ccb/2019/"
                f"2019-08-22/\\nthen on {day}: https://refs.example.org/ccb/2019/2019-09-05/\\n") in calendar
        feed = (live / "feeds/bodies/ccb.xml").read_text(encoding="utf-8")
        assert f"The meeting was adjourned, and reconvened on 22 August 2019, then on {day}.</summary>" in feed
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_a_reconvened_sitting_moved_to_the_day_of_the_meeting_it_continues_is_left_to_the_full_rebuild(tmp_path):
    session, content, live = _adjourned(tmp_path)
    assert_left_to_the_rebuild(session, content, live, content / AUGUST / "meeting.md", "date: 2019-08-22",
                               "date: 2019-07-18", tmp_path)


def assert_left_to_the_rebuild(session, content: Path, live: Path, where: Path, old, new, tmp_path: Path) -> None:
    """The edit takes no fast path and writes nothing; the rebuild builds what a full build does, or refuses it."""
    before = files(live)
    assert session.quick([edit(where, old, new)]) is None
    assert files(live) == before
    outcome = session.rebuild()
    if outcome.ok:
        assert files(live) == files(full_build(content, tmp_path / "full"))
    else:
        assert outcome.report.errors


@pytest.mark.parametrize("where, old, new", [
    (f"{AUGUST}/meeting.md", "date:", "title: Extraordinary meeting\ndate:"),  # how its [[...]] link names it
    (f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-08-23"),  # "22 August 2019" no longer its
    (f"{JULY}/minutes.md", "community services paper.",
     "community services paper.\n\n## CCBP/19/99 Added\n\nNoted."),  # a number it cited before there was one
], ids=["meeting-title", "date", "number-cited-before"])
def test_a_bodys_own_text_that_links_to_the_edited_meeting_is_written_by_the_fast_path(tmp_path, where, old, new):
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    with (content / "bodies/jhsc.md").open("a", encoding="utf-8") as about:
        about.write("\nSet up by [[ccb/2019-08-22]]; see the meeting held on 22 August 2019, and CCBP/19/99.\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    outcome = session.quick([edit(content / where, old, new)])
    assert outcome is not None and "/jhsc/" in outcome.written
    assert session.rebuild().written == []
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_a_new_date_before_a_meeting_whose_minutes_it_approves_is_left_to_the_full_rebuild_to_report(references):
    """The fast path leaves the cross-meeting checks to validate, but for those a new date can break."""
    session, content, live = references
    minutes = content / AUGUST / "minutes.md"
    edit(minutes, "status: approved\n", "status: approved\napproved_at: jhsc/2019-09-02\n")
    assert session.quick([minutes]) is not None and session.rebuild().ok
    before = files(live)
    changed = edit(content / "meetings/jhsc/2019-09-02/meeting.md", "date: 2019-09-02", "date: 2019-08-20")
    assert session.quick([changed]) is None
    assert files(live) == before
    assert any("before the meeting itself" in d.message for d in session.rebuild().report.errors)


def test_a_new_date_that_moves_the_meeting_between_those_held_and_those_to_come_is_left_to_the_full_rebuild(
        tmp_path):
    """The home page lists them apart, and a body's tracker counts what was overdue at its last meeting held."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    options = Options(content=content, out=live, today=__import__("datetime").date(2019, 8, 22), search=False)
    session = Session(options)
    assert session.rebuild().ok
    assert session.quick([edit(content / AUGUST / "meeting.md", "date: 2019-08-22", "date: 2019-08-23")]) is None
    assert session.quick([edit(content / AUGUST / "meeting.md", "date: 2019-08-23", "date: 2019-08-21")]) is not None


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


def test_a_file_published_with_a_paper_is_left_to_the_full_rebuild_to_copy_and_link(references, tmp_path):
    """Named, changed or no longer named: the fast path writes no page that links a file not yet copied, nor
    one that no longer links a file still there; the rebuild does both together (build._attachments)."""
    session, content, live = references
    papers = content / AUGUST / "papers"
    (papers / "finance.pdf").write_bytes(b"%PDF-1.4\n% the finance report\n")
    named = edit(papers / "c.md", "title: Finance report\n", "title: Finance report\nfile: finance.pdf\n")
    before = files(live)
    assert session.quick([named, papers / "finance.pdf"]) is None and files(live) == before
    assert session.rebuild().ok
    assert (live / "ccb/2019/2019-08-22/papers/c/finance.pdf").read_bytes() == b"%PDF-1.4\n% the finance report\n"
    (papers / "finance.pdf").write_bytes(b"%PDF-1.4\n% the finance report, revised\n")
    assert session.quick([papers / "finance.pdf"]) is None
    assert session.rebuild().ok and files(live) == files(full_build(content, tmp_path / "full"))
    assert session.quick([edit(papers / "c.md", "file: finance.pdf\n", "")]) is None
    (papers / "finance.pdf").unlink()
    assert session.rebuild().ok and not (live / "ccb/2019/2019-08-22/papers/c/finance.pdf").exists()
    assert files(live) == files(full_build(content, tmp_path / "again"))


def test_a_paper_added_after_a_save_to_the_minutes_does_not_read_the_minutes_again(references, tmp_path,
                                                                                   monkeypatch):
    """The minutes are the costliest file of a folder to read: a save to another file of the meeting reuses what
    the save before read them as (reload_parts.py), which is what a full build makes of them."""
    import generator.loader

    session, content, live = references
    read, real = [], generator.loader.load_minutes
    monkeypatch.setattr(generator.loader, "load_minutes", lambda *args, **kwargs: read.append(args[0]) or real(
        *args, **kwargs))
    assert session.quick([edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")])
    assert len(read) == 1
    added = edit(content / AUGUST / "papers" / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    outcome = session.quick([added])
    assert outcome is not None and outcome.ok and len(read) == 1
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_a_paper_added_or_taken_away_reads_no_other_paper_of_the_folder_again(references, tmp_path, monkeypatch):
    """A paper's record depends on its own text, meeting.md's and the files beside it it names, not on the
    papers/ folder's times, which change as a paper is added or taken away (reload_parts.Beside): the others
    are reused, where each was read again. A file added that no paper names has none read again. The pages are
    those a full build makes, byte for byte, and with the paper taken away those of the build before it."""
    import generator.loader

    session, content, live = references
    papers, before = content / AUGUST / "papers", pages(live)
    read, real = [], generator.loader.load_paper
    monkeypatch.setattr(generator.loader, "load_paper", lambda path, *args, **kwargs: read.append(path.name) or real(
        path, *args, **kwargs))
    added = edit(papers / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    outcome = session.quick([added])
    assert outcome is not None and outcome.ok and read == ["d.md"]
    assert pages(live) == pages(full_build(content, tmp_path / "added"))
    read.clear()
    outcome = session.quick([edit(added, "", None)])
    assert outcome is not None and outcome.ok and read == [] and pages(live) == before
    read.clear()
    (papers / "estates.pdf").write_bytes(b"%PDF-1.4\n% the estates report\n")  # named by none: told of, not published
    session.quick([papers / "estates.pdf"])
    assert read == []


TB_MARCH = "meetings/tb/2019-03-14"  # papers A (naming 'Appendix A - Action plan.pdf'), B (naming none), C (a file)


def papers_read(monkeypatch) -> list[str]:
    """The names of the papers the loader reads from now on, in order."""
    import generator.loader

    read, real = [], generator.loader.load_paper
    monkeypatch.setattr(generator.loader, "load_paper", lambda path, *args, **kwargs: read.append(path.name) or real(
        path, *args, **kwargs))
    return read


@pytest.mark.parametrize("after", ["the build", "a save to the minutes"])
def test_a_file_added_to_papers_or_taken_away_reads_again_only_the_paper_naming_it(archive, tmp_path, monkeypatch,
                                                                                 after):
    """A paper's record depends on the files of papers/ its `file:` and its appendices' name, not on the others: a
    PDF added that no paper names, or taken away, has no paper read again, where every paper of the folder was; a
    file a paper names, taken away, has that paper alone read again, to be told it is not there. The pages are
    those a full build makes, byte for byte."""
    session, content, live = archive
    papers = content / TB_MARCH / "papers"
    if after != "the build":
        assert session.quick([edit(content / TB_MARCH / "minutes.md", "Priya Shah attended as his deputy", "Priya Shah attended for him")])
    read = papers_read(monkeypatch)
    (papers / "impact.pdf").write_bytes(b"%PDF-1.4\n% the equality impact assessment\n")  # named by no paper
    outcome = session.quick([papers / "impact.pdf"])
    assert outcome is not None and outcome.ok and read == []
    settled(session, content, live, tmp_path)
    read.clear()
    (papers / "impact.pdf").unlink()
    outcome = session.quick([papers / "impact.pdf"])
    assert outcome is not None and outcome.ok and read == []
    (papers / "Appendix A - Action plan.pdf").unlink()  # paper A's appendix
    assert session.quick([papers / "Appendix A - Action plan.pdf"]) is None and read == ["paper-a.md"]


def test_a_file_added_that_a_paper_names_has_that_paper_alone_read_again_and_linked(archive, tmp_path,
                                                                                    monkeypatch):
    """A clerk names the PDF in the paper, then copies it in, the rebuild between given up for the second save: the
    paper was read naming a file not there, whose hint lists the files there are (reload_parts.Beside). A file
    added has it read again, and no other paper: named in another case, it is told the name the file has; named as
    it is, the paper has its file, which the rebuild copies and links, the site then a full build's, byte for
    byte."""
    from generator import quick as quick_module

    session, content, live = archive
    papers = content / TB_MARCH / "papers"
    reloaded, real = [], quick_module.reload_meeting
    monkeypatch.setattr(quick_module, "reload_meeting", lambda *args: reloaded.append((real(*args), args[3])) or
                        reloaded[-1][0])
    named = edit(papers / "paper-b.md", "language: cy\n", "language: cy\nfile: impact.pdf\n")
    assert session.quick([named]) is None  # no rebuild: the next save gave it up
    read = papers_read(monkeypatch)
    (papers / "Impact.pdf").write_bytes(b"%PDF-1.4\n% the impact assessment\n")
    assert session.quick([papers / "Impact.pdf"]) is None and read == ["paper-b.md"]
    assert any("the file is named 'Impact.pdf'" in m.format() for m in reloaded[-1][1].items)
    read.clear()
    (papers / "Impact.pdf").rename(papers / "impact.pdf")
    assert session.quick([papers / "Impact.pdf", papers / "impact.pdf"]) is None and read == ["paper-b.md"]
    meeting, report = reloaded[-1]
    assert not report.errors and [p.file.name for p in meeting.papers if p.ref == "B"] == ["impact.pdf"]
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))
    assert 'href="/tb/2019/2019-03-14/papers/b/impact.pdf"' in (live / "tb/2019/2019-03-14/papers/b/index.html"
                                                                ).read_text()


@pytest.mark.parametrize("how", ["one process", "forked processes", "build cache"])
def test_the_first_save_after_the_build_reuses_what_the_build_read_the_meetings_other_files_as(tmp_path, monkeypatch,
                                                                                               how):
    """The first save to a meeting has no save before it to reuse: it takes what the build read each unchanged file
    as (reload_parts.Seed), whether the build read the folder itself, in its loading processes, or had it from its
    cache (a preview started again). The pages are those a full build makes."""
    import generator.loader

    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    if how == "forked processes":
        monkeypatch.setattr(generator.loader, "PARALLEL_FROM", 1)
    if how == "build cache":
        assert Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild().ok
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    read, real = [], generator.loader.load_minutes
    monkeypatch.setattr(generator.loader, "load_minutes", lambda *args, **kwargs: read.append(args[0]) or real(
        *args, **kwargs))
    added = edit(content / AUGUST / "papers" / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    outcome = session.quick([added])
    assert outcome is not None and outcome.ok and read == []
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_a_meeting_the_build_kept_after_a_register_edit_is_read_again_against_the_new_register(references, tmp_path,
                                                                                             monkeypatch):
    """Someone added to the register changes nothing a meeting asked of it: the build keeps the meeting's record,
    but what it read the meeting's files as was read against the register before, and the first save after reads
    them again."""
    import generator.loader

    session, content, live = references
    edit(content / "people.yaml", "sarah-prema:\n", "zoe-quarry:\n  name: Zoe Quarry\nsarah-prema:\n")  # named nowhere
    assert session.rebuild().ok
    read, real = [], generator.loader.load_minutes
    monkeypatch.setattr(generator.loader, "load_minutes", lambda *args, **kwargs: read.append(args[0]) or real(
        *args, **kwargs))
    added = edit(content / AUGUST / "papers" / "d.md", None, "---\nref: D\ntitle: Estates report\n---\n\nLate.\n")
    if session.quick([added]) is None:
        assert session.rebuild().ok
    assert read == [content / AUGUST / "minutes.md"]
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


@pytest.mark.parametrize("where, old, new", [
    ("papers/c.md", "title: Finance report", "title: Finance and estates report"),
    ("papers/c.md", None, None),  # renamed: read as a paper of its own
    ("papers/c.md", "title: Finance report", None),  # deleted
])
def test_a_save_after_one_to_another_file_of_the_meeting_writes_the_pages_a_full_build_makes(references, tmp_path,
                                                                                             where, old, new):
    """Two files of one meeting saved one after the other, with no rebuild between (the second save stops it):
    the second save's pages are as a full build makes them, though the save before read the other files."""
    session, content, live = references
    assert session.quick([edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")])
    path = content / AUGUST / where
    if old is None:
        changed = path.rename(path.with_name("finance.md"))
    else:
        changed = edit(path, old, new)
    if session.quick([changed, path]) is None:  # what references reach moved: the rebuild's
        assert session.rebuild().ok
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_a_papers_file_unchanged_since_the_rebuild_is_not_read_again_with_each_save(references, tmp_path,
                                                                                    monkeypatch):
    """A pack's PDFs run to many megabytes: the fast path takes the digest the rebuild noted while the file's stat
    is unchanged. A file saved over since, even at the same size, is read again, and left to the rebuild to copy."""
    import generator.attachments

    session, content, live = references
    papers = content / AUGUST / "papers"
    (papers / "finance.pdf").write_bytes(b"%PDF-1.4\n% the finance report\n")
    edit(papers / "c.md", "title: Finance report\n", "title: Finance report\nfile: finance.pdf\n")
    assert session.rebuild().ok
    read, real = [], generator.attachments.digest_file
    monkeypatch.setattr(generator.attachments, "digest_file", lambda path: read.append(path) or real(path))
    outcome = session.quick([edit(papers / "c.md", "title: Finance report", "title: Finance and estates report")])
    assert outcome is not None and outcome.ok and read == []
    (papers / "finance.pdf").write_bytes(b"%PDF-1.4\n% the estates report\n")  # as long as the first
    assert session.quick([papers / "finance.pdf"]) is None  # c.md as the save before read it, but not its file
    assert read == [papers / "finance.pdf"]
    assert session.rebuild().ok and files(live) == files(full_build(content, tmp_path / "full"))


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


def test_two_meetings_are_told_alike_as_their_outlines_are_without_making_them():
    """quick.same_outline says what comparing the two outlines says: prose and line numbers aside, any difference
    (a title, an item, a paper's ref) makes the meeting's pages be listed beyond its own."""
    import dataclasses

    from generator.diagnostics import Report
    from generator.loader import load_archive

    meetings = [m for m in load_archive(FIXTURES / "archive", Report(root=FIXTURES / "archive")).meetings if m.minutes]
    meeting = meetings[0]
    first = meeting.minutes.items[0]
    variants = [dataclasses.replace(meeting, notes="Other notes."),  # prose: alike
                dataclasses.replace(meeting, minutes=dataclasses.replace(meeting.minutes, items=(
                    dataclasses.replace(first, body="Other words."), *meeting.minutes.items[1:]))),
                dataclasses.replace(meeting, minutes=dataclasses.replace(meeting.minutes, items=(
                    dataclasses.replace(first, title=first.title + " (revised)"), *meeting.minutes.items[1:]))),
                dataclasses.replace(meeting, minutes=dataclasses.replace(meeting.minutes,
                                                                         items=meeting.minutes.items[1:])),
                dataclasses.replace(meeting, papers=meeting.papers[1:] or (None,))]
    pairs = [(meeting, other) for other in variants + meetings[1:]]
    told = [quick.same_outline(one, other) for one, other in pairs]
    assert told == [quick.outline(one) == quick.outline(other) for one, other in pairs]
    assert told[:5] == [True, True, False, False, False]


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


def test_a_sites_template_edited_since_the_save_before_renders_the_next_saves_pages(references):
    """The session keeps each template's compiled code from one save to the next, checked against its source as
    each save reads it: a site's own template edited since the save before (its rebuild not yet come) is the one
    the next save's pages are rendered from."""
    session, content, live = references
    own = content / "templates" / "item.html"
    own.parent.mkdir()
    source = (Path(__file__).parent.parent / "templates" / "item.html").read_text()
    for was, word in (("finance paper", "first"), ("first", "second")):
        own.write_text(source.replace("{% block content %}", f"{{% block content %}}<p>The {word} wording</p>", 1))
        changed = edit(content / AUGUST / "minutes.md", was, word)  # item 71's own page, to be made again
        assert session.quick([changed]) is not None
        assert f"The {word} wording" in (live / "ccb/2019/ccbp-19-71/index.html").read_text()


@pytest.mark.parametrize("fixture, where, old, new", [
    ("actions", f"{JULY}/minutes.md", "Run the three-month pilot", "Run the four-month pilot"),
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "status: amber", "status: red"),
    ("actions", f"{SEPTEMBER_LOG}/actions.md", "    closed: yes\n", ""),
    ("references", f"{AUGUST}/meeting.md", "Director of Strategy", "Director of Planning"),
    ("references", f"{AUGUST}/minutes.md", "stay as they are.", "stay as they are, as CCBP/19/71 and /62 said."),
    ("references", f"{JULY}/minutes.md", "community services paper.",
     "community services paper.\n\n## CCBP/19/99 Added\n\nNoted."),
    ("references", f"{JULY}/meeting.md", "    paper: C\n",
     "    paper: C\n  - ref: CCBP/19/99\n    title: Estates\n    status: deferred\n"),
    ("references", f"{AUGUST}/minutes.md", "## CCBP/19/72 Literal text", "## CCBP/19/74 Literal text"),
    ("actions", f"{JULY}/minutes.md", "    id: jc-referral\n",
     "    id: jc-referral\n  - owner: ann-smith\n    text: A third action.\n    due: 2019-12-01\n"),
    ("actions", "meetings/jc/2019-08-01/minutes.md", "  - owner: bob-jones\n",
     "  - owner: bob-jones\n    text: Another.\n  - owner: bob-jones\n"),  # added before the meeting's other
    ("references", f"{AUGUST}/papers/c.md", "", None),
    ("references", f"{AUGUST}/papers/k.md", None, "---\nref: K\ntitle: Workforce report\n---\n"),
    ("references", f"{AUGUST}/meeting.md", "  in_attendance:\n    - person: mark-lewis\n      for: [CCBP/19/71]\n", ""),
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22\n",
     "date: 2019-08-22\nstatus: postponed\nrearranged_to: 2019-07-18\n"),  # Index.replaced (its minutes aside)
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-08-23"),
    ("actions", f"{SEPTEMBER_LOG}/meeting.md", "date: 2019-09-19", "date: 2019-09-20"),  # July's "next meeting"
    ("references", f"{AUGUST}/meeting.md", "date: 2019-08-22", "date: 2019-09-03"),  # after the JHSC's meeting
    ("actions", f"{SEPTEMBER_LOG}/meeting.md", "date: 2019-09-19", "date: 2019-07-31"),  # before the JC's
    ("actions", f"{SEPTEMBER_LOG}/meeting.md", "date: 2019-09-19", "date: 2019-12-01"),  # after November's
    ("actions", f"{JULY}/meeting.md", "date: 2019-07-18", "date: 2019-08-02"),  # its actions after the JC's
    ("references", f"{AUGUST}/papers/c.md", "title: Finance report\n",
     "title: Finance report\nauthors: [sarah-prema]\n"),  # on the page of its author, not at the meeting
    ("archive", "meetings/jc/2019-11-05/minutes.md", "## 5 Joint public health commissioning",
     "## 5 Joint commissioning"),  # its item 7's call-in, in Index.called_in, is the new meeting's
    ("archive", "meetings/tb/2019-03-14/minutes.md", "on the council website.",
     "on the website."),  # an action of the minute called in, whose call-in stays as it was
    ("references", f"{JULY}/meeting.md", "date: 2019-07-18\n",
     "date: 2019-07-18\nadjourned_to: 2019-08-22\n"),  # Index.continued
    ("actions", f"{JULY}/minutes.md", "owner: ann-smith", "owner: bob-jones"),  # on another's page
    ("actions", f"{JULY}/minutes.md", "owner: {body: jc}", "owner: ann-smith"),  # off the JC's tracker
], ids=["action-text", "update-status", "reopened", "attendee-role", "references", "new-item", "agenda-item",
        "renumbered",
        "new-action", "action-added-first", "paper-removed", "new-paper", "initials", "rearranged", "date",
        "date-next-meeting", "date-past-another-body", "date-before-another-body", "date-past-its-body's-next",
        "date-raising-past-another-body", "paper-author", "scrutiny-item-retitled", "called-in-meeting",
         "adjourned", "owner-changed", "body-owner-changed"])
def test_the_index_made_around_one_edited_meeting_is_the_index_a_full_resolve_makes(tmp_path, fixture, where, old,
                                                                                     new):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / fixture, content)
    assert_index_made_around(content, where, old, new)


def test_a_new_date_that_makes_another_meeting_the_next_one_makes_the_index_a_full_resolve_makes(tmp_path):
    """As test_a_new_date_that_makes_another_meeting_the_next_one_moves_a_due_date_revised_to_the_next_meeting:
    the track of the action September's log revised to "next meeting" is made again for the moved meeting."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "actions", content)
    edit(content / SEPTEMBER_LOG / "actions.md", "due: November 2019", "due: next meeting")
    (content / "meetings/ccb/2019-12-12").mkdir()
    edit(content / "meetings/ccb/2019-12-12/meeting.md", None, "---\nbody: ccb\ndate: 2019-12-12\n---\n")
    assert_index_made_around(content, "meetings/ccb/2019-12-12/meeting.md", "2019-12-12", "2019-10-10")


def test_a_paper_another_meeting_cites_leaves_the_index_with_its_meeting(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    minutes = next((content / "meetings/jhsc").glob("*/minutes.md"))
    minutes.write_text(minutes.read_text() + "\nAs [[ccb/2019-08-22/papers/C]] set out.\n")
    assert_index_made_around(content, f"{AUGUST}/papers/c.md", "", None)


def test_a_new_date_that_makes_another_meeting_the_next_one_moves_a_due_date_revised_to_the_next_meeting(tmp_path):
    """September's log revises CCBP/19/60#1 to "next meeting": 21 November. A meeting of 12 December moved to
    10 October comes between them and is the next meeting at once, on the tracker and the action's page."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "actions", content)
    edit(content / SEPTEMBER_LOG / "actions.md", "due: November 2019", "due: next meeting")
    (content / "meetings/ccb/2019-12-12").mkdir()
    edit(content / "meetings/ccb/2019-12-12/meeting.md", None, "---\nbody: ccb\ndate: 2019-12-12\n---\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    shown = ["ccb/actions/index.html", "ccb/actions/ccbp-19-60-1/index.html"]
    assert all(b"next meeting (21 November 2019)" in (live / page).read_bytes() for page in shown)
    outcome = session.quick([edit(content / "meetings/ccb/2019-12-12/meeting.md", "2019-12-12", "2019-10-10")])
    assert outcome is not None
    assert all(b"next meeting (10 October 2019)" in (live / page).read_bytes() for page in shown)
    full = pages(full_build(content, tmp_path / "full"))
    assert {page: pages(live)[page] for page in shown} == {page: full[page] for page in shown}
    assert session.rebuild().written == []


def assert_index_made_around(content: Path, where: str, old, new) -> None:
    """What quick.py does, on its own: the Index made around the meeting (with a linker made around it when
    what references reach changed), then its backlinks patched; equal to what a full resolve and scan make."""
    from generator.backlinks import changed as backlinks_changed
    from generator.backlinks import meeting_entries, relinked, scan
    from generator.backlinks import with_meeting as with_backlinks
    from generator.diagnostics import Report
    from generator.loader import load_archive
    from generator.markdown import Renderer
    from generator.publish import public_view
    from generator.references import Linker
    from generator.resolve import entries_of, resolve, with_meeting

    def resolved():
        index = resolve(public_view(load_archive(content, Report(root=content))))
        linker, renderer, cache, memo = Linker(index), Renderer(), {}, {}
        index.backlinks = scan(index, linker, renderer, Report(root=content), cache, None, memo)[0]
        return index, linker, renderer, cache, memo

    before, linker, renderer, cache, memo = resolved()
    edit(content / where, old, new)
    after = resolved()[0]
    folder = Path(where).parent
    key = (folder.parent if folder.name == "papers" else folder).relative_to("meetings").as_posix()
    was, now = before.by_key[key], after.by_key[key]
    patched = with_meeting(before, was, now)
    moved = entries_of(was) != entries_of(now) or linker.targets(was) != linker.targets(now, known=False)
    around = linker.around(patched, was, now) if moved else linker
    entries = [meeting_entries(before, was, linker, renderer, {}, None),
               meeting_entries(patched, now, around, renderer, {}, None)]
    patched.backlinks = with_backlinks(before.backlinks, was, entries[1], entries[0])
    if moved:
        patched.backlinks = relinked(patched.backlinks, memo, cache, around, was, now)
    assert patched == after
    # the addresses whose places the patch set again or took out, found from what it noted, are those a pass over
    # every address finds
    assert backlinks_changed(before.backlinks, patched.backlinks) == \
        backlinks_changed(before.backlinks, dict(patched.backlinks))
    # and in the same order, which pages list a body's and a person's actions in
    assert list(patched.tracks) == list(after.tracks) and list(patched.actions) == list(after.actions)
    # each body's and person's actions, made from the last rebuild's lists, are the very tracks a pass makes
    lists = lambda made: [{slug: [id(track) for track in tracks] for slug, tracks in groups.items()}  # noqa: E731
                          for groups in (made.held, made.owned)]
    assert lists(holdings(patched, holdings(before))) == lists(holdings(patched))


def _structural_edits(folder: Path, number: int) -> list[Path]:
    """Edits other pages show, to a synthetic meeting: its first item's title, an action's owner, a new item
    (every other meeting's), an update's status."""
    from benchmarks.build_bench import add_item, retitle

    changed = []
    minutes, log = folder / "minutes.md", folder / "actions.md"
    if minutes.is_file() and "\n## " in minutes.read_text():
        retitle(minutes, number)
        changed.append(minutes)
        text = minutes.read_text()
        minutes.write_text(re.sub(r"owner: \S+", "owner: {name: A Temporary Officer}", text, count=1))
        if number % 2:
            add_item(minutes, number)
    if log.is_file() and "status: green" in log.read_text():
        edit(log, "status: green", "status: amber")
        changed.append(log)
    return changed


def _date_edits(folder: Path, number: int) -> list[Path]:
    """The meeting's date a day later, or earlier for every other one: most keep the meeting's place."""
    meeting = folder / "meeting.md"
    text = meeting.read_text()
    found = re.search(r"^date: '?(\d{4}-\d\d-\d\d)'?$", text, re.M)
    day = __import__("datetime").date.fromisoformat(found.group(1))
    moved = day + __import__("datetime").timedelta(days=-1 if number % 2 else 1)
    if moved.year != day.year:
        return []
    meeting.write_text(text.replace(found.group(0), f"date: {moved.isoformat()}"))
    return [meeting]


@pytest.mark.parametrize("change, seed, step", [
    (lambda folder, number: _prose_edits(folder), 3, 3),
    (_structural_edits, 5, 2),
    (_date_edits, 7, 2),
], ids=["prose", "other-pages-show", "date"])
def test_edits_across_a_synthetic_archive_write_each_meetings_own_pages_as_the_full_rebuild_makes_them(
        tmp_path, change, seed, step):
    """Whatever the edit changes, and wherever it shows, the fast path writes it: the full rebuild after it
    writes no page at all."""
    from benchmarks.synthetic import Spec, generate

    content, live = tmp_path / "content", tmp_path / "live"
    generate(content, Spec(meetings=16, bodies=2, seed=seed, items=(4, 8), papers=(1, 3), cross_body_rate=0.2))
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    quick = 0
    for number, folder in enumerate(sorted(p.parent for p in content.glob("meetings/*/*/meeting.md"))[::step]):
        changed = change(folder, number)
        if not changed:
            continue
        outcome = session.quick(changed)
        key = folder.relative_to(content / "meetings").as_posix()
        own = own_pages(session, key) | action_pages(session, key) if key in session.prepared.index.by_key else set()
        after = session.rebuild()
        assert after.ok, [d.format() for d in after.report.errors]
        if outcome is not None:
            quick += 1
            assert not own & {output_file(url) for url in after.written}, folder  # already right
            assert not set(outcome.written) & set(after.written), folder  # and so is any other page it wrote
            assert after.written == [], folder
    assert quick >= 4, quick
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_dates_put_right_across_a_synthetic_archive_are_written_as_the_full_rebuild_makes_them_or_left_to_it(
        tmp_path):
    """Each meeting's date moved in turn by a day, a month or more either way, as a clerk puts a wrong one right:
    the fast path writes every page the new date shows on, or nothing, where the rebuild then reports what it
    broke (an action updated before it was raised, or after it was closed) or moves its pages (another year)."""
    from benchmarks.synthetic import Spec, generate

    content, live = tmp_path / "content", tmp_path / "live"
    generate(content, Spec(meetings=30, bodies=3, seed=21, items=(4, 8), papers=(1, 3), cross_body_rate=0.3))
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    outcomes = []
    for number, folder in enumerate(sorted(p.parent for p in content.glob("meetings/*/*/meeting.md"))):
        meeting = folder / "meeting.md"
        text = meeting.read_text()
        written = re.search(r"^date: '?(\d{4}-\d\d-\d\d)'?$", text, re.M)
        day = __import__("datetime").date.fromisoformat(written.group(1))
        moved = day + __import__("datetime").timedelta(days=(1, -1, 35, -40, 70)[number % 5])
        meeting.write_text(text.replace(written.group(0), f"date: {moved.isoformat()}"))
        outcome = session.quick([meeting])
        after = session.rebuild()
        if not after.ok:
            assert outcome is None, folder  # nothing written for a date the rebuild refuses
            meeting.write_text(text)
            assert session.rebuild().ok
        elif outcome is not None:
            assert after.written == [], (folder, moved)
        outcomes.append("refused" if not after.ok else "quick" if outcome else "rebuilt")
    assert outcomes.count("quick") >= 15, outcomes
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_an_item_marked_confidential_never_reaches_the_pages_the_fast_path_writes(references, tmp_path):
    """The fast path renders the meeting's public view, as the full build does: a minute item marked
    confidential keeps its number and title, and its discussion is on no page."""
    session, content, live = references
    changed = edit(content / AUGUST / "minutes.md", "## CCBP/19/71 Finance (Paper C)\n",
                   "## CCBP/19/71 Finance (Paper C)\n\n```item\nconfidential: yes\nreason: Commercially sensitive\n```\n")
    assert session.quick([changed]) is not None
    written = pages(live)
    assert not any(b"Paper K was not circulated" in html for html in written.values())
    assert any(b"Commercially sensitive" in html for html in written.values())
    full = pages(full_build(content, tmp_path / "full"))
    own = own_pages(session, "ccb/2019-08-22")
    assert {f: written[f] for f in own} == {f: full[f] for f in own}


def test_a_paper_marked_confidential_is_gone_from_the_preview_with_the_save(references, tmp_path):
    """Its page is deleted by the fast path itself, not a rebuild later; the meeting's page no longer lists it."""
    session, content, live = references
    page = live / output_file("/ccb/2019/2019-08-22/papers/c/")
    assert page.is_file()
    changed = edit(content / AUGUST / "papers/c.md", "ref: C\n", "ref: C\nconfidential: yes\n")
    outcome = session.quick([changed])
    assert outcome is not None and outcome.deleted == ["/ccb/2019/2019-08-22/papers/c/"]
    assert not page.exists()
    assert b"Finance report" not in (live / output_file("/ccb/2019/2019-08-22/")).read_bytes()
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_a_persons_year_page_goes_with_the_save_that_takes_their_last_record_of_the_year_and_comes_back(
        references, tmp_path):
    """A person's page for a year lists what the archive records of them that year (pages.person_pages): the
    save that takes away the last of it takes the page away, and the save that puts it back puts the page
    back, as a full build makes them, without waiting for the rebuild."""
    session, content, live = references
    meeting = content / AUGUST / "meeting.md"
    original = meeting.read_text()
    assert (live / "people/mark-lewis/2019/index.html").is_file()  # his one record: in attendance in August
    outcome = session.quick([edit(meeting, "  in_attendance:\n    - person: mark-lewis\n      for: [CCBP/19/71]\n",
                                  "")])
    assert outcome is not None and "/people/mark-lewis/2019/" in outcome.deleted
    assert pages(live) == pages(full_build(content, tmp_path / "without"))
    meeting.write_text(original)  # put back before the rebuild came
    outcome = session.quick([meeting])
    assert outcome is not None and "/people/mark-lewis/2019/" in outcome.written
    assert pages(live) == pages(full_build(content, tmp_path / "with"))
    after = session.rebuild()
    assert after.ok and after.written == [] and after.deleted == []


def test_a_save_makes_again_only_the_year_pages_of_its_people_that_it_can_change(tmp_path, monkeypatch):
    """A person's year page lists their records of that year alone: retitling a 2019 item changes no one's
    records of 2020, so the fast path does not make the 2020 pages of the meeting's people again to find them
    the same (at 2,000 meetings, making and comparing every year page of each attendee was most of its work
    for such an edit). Their 2019 pages it makes, and writes where one shows the title: Councillor Lovelace
    declared an interest under the item."""
    session, content, live = started(tmp_path, "archive")
    assert {"ada-lovelace/2020", "carol-singh/2020"} <= {p.parent.relative_to(live / "people").as_posix()
                                                          for p in live.glob("people/*/*/index.html")}
    made = []
    real = quick.person_pages
    monkeypatch.setattr(quick, "person_pages", lambda *a, **k: [made.append(p.url) or p for p in real(*a, **k)])
    outcome = session.quick([edit(content / "meetings/tb/2019-03-14/minutes.md",
                                  "## TB/19/12 Apologies and declarations of interest",
                                  "## TB/19/12 Apologies, and declarations of interest")])
    assert outcome is not None and "/people/ada-lovelace/2019/" in outcome.written
    assert {"/people/ada-lovelace/2019/", "/people/carol-singh/2019/"} <= set(made)
    assert not {"/people/ada-lovelace/2020/", "/people/carol-singh/2020/"} & set(made)
    built = full_build(content, tmp_path / "full")
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)


@pytest.mark.parametrize("where, old, new, shown", [
    # Dr Singh no longer presents at the 2020 meeting, and Mr Okafor does: her 2019 page no longer links a next
    # year, and his does
    ("2020-01-16/meeting.md", "presenter: carol-singh", "presenter: brian-okafor",
     {"/people/carol-singh/2019/", "/people/brian-okafor/2019/", "/people/brian-okafor/2020/"}),
    # the 2020 action log's status of an action raised in 2019, which his 2019 page lists
    ("2020-01-16/actions.md", "status: amber", "status: green", {"/people/brian-okafor/2019/"}),
], ids=["year-gained-and-lost", "action-of-another-year"])
def test_a_save_in_one_year_writes_the_pages_of_another_year_it_changes(tmp_path, where, old, new, shown):
    """A year page shows the years either side of it, and the actions raised or closed that year with their
    status now: a save to a meeting of 2020 can change a person's page of 2019, which it writes at once, as a
    full build makes it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "archive", content)
    (content / "meetings/tb/2020-01-16/actions.md").write_text(
        "---\nas_at: 2020-01-09\nupdates:\n  - action: TB/19/13#2\n    status: amber\n"
        "    progress: The pilot's report is due in February.\n---\n")
    session = Session(Options(content=content, out=tmp_path / "live", today=TODAY, search=False))
    assert session.rebuild().ok
    outcome = session.quick([edit(content / "meetings/tb" / where, old, new)])
    assert outcome is not None and shown <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(tmp_path / "live") == files(built)


@pytest.mark.parametrize("where, old, new", [
    ("minutes.md", "## TB/19/15 Any other business", "## TB/19/15 Any other business raised"),
    ("papers/paper-z.md", None, "---\nref: Z\ntitle: A late paper\n---\nA paper that names no one.\n"),
], ids=["retitle", "new-paper"])
def test_a_save_that_changes_nothing_a_persons_pages_show_of_the_meeting_makes_none_of_them(
        tmp_path, monkeypatch, where, old, new):
    """A person's pages show of a meeting how it is named, their part in it, the papers that name them, the items
    they declared an interest at or voted on, and the actions they own: a minute nobody declared an interest at
    or voted on retitled, or a paper naming no one, changes none of that, and the fast path does not make the
    pages of everyone the meeting records, and of the owners of its actions, to find them the same (a sixth of
    its work for a new paper at 2,000 meetings). The full rebuild after it finds nothing left to write."""
    session, content, live = started(tmp_path, "archive")
    made = []
    real = quick.person_pages
    monkeypatch.setattr(quick, "person_pages", lambda *a, **k: [made.append(p.url) or p for p in real(*a, **k)])
    outcome = session.quick([edit(content / "meetings/tb/2019-03-14" / where, old, new)])
    assert outcome is not None and made == []
    settled(session, content, live, tmp_path)


def test_attendance_recorded_for_the_first_time_is_counted_with_the_save_on_every_members_page(tmp_path):
    """A member's page counts the meetings whose minutes record attendance while they were a member: the first
    attendance recorded at a meeting counts it for every member, not only for those it names."""
    session, content, live = started(tmp_path, "archive", (
        "bodies/tb.md", "  - name: Harriet Quill", "  - person: dev-patel\n    from: 2019-01-01\n  - name: Harriet Quill"))
    outcome = session.quick([edit(content / "meetings/tb/2020-01-16/meeting.md", "chair: ada-lovelace\n",
                                  "chair: ada-lovelace\nattendance:\n  present: [frank-turner]\n")])
    assert outcome is not None and "/people/dev-patel/" in outcome.written
    settled(session, content, live, tmp_path)


def test_a_substitute_recorded_for_a_member_the_minutes_do_not_name_is_counted_with_the_save_on_their_page(
        tmp_path):
    """A member's page counts the meetings a substitute attended for them: a substitute recorded for a member the
    meeting does not otherwise name (no apologies recorded) changes their page, which the save writes."""
    session, content, live = started(
        tmp_path, "archive", ("people.yaml", "ada-lovelace:", "harriet-quill:\n  name: Harriet Quill\nada-lovelace:"),
        ("bodies/tb.md", "  - name: Harriet Quill", "  - person: harriet-quill"))
    outcome = session.quick([edit(content / "meetings/tb/2019-03-14/meeting.md", "      for: dev-patel",
                                  "      for: harriet-quill")])
    assert outcome is not None and "/people/harriet-quill/" in outcome.written
    settled(session, content, live, tmp_path)


def test_a_paper_retitled_is_retitled_with_the_save_on_the_pages_of_the_people_it_names(tmp_path):
    """A person's page and year page list the papers that name them by title: the save showed the old title
    there, and so did the rebuild after it, where a full build showed the new."""
    session, content, live = started(tmp_path, "archive")
    paper = edit(content / "meetings/tb/2019-03-14/papers/paper-a.md", "title: Healthy Weight Strategy 2019 to 2024",
                 "title: Healthy Weight Strategy 2019 to 2025")
    outcome = session.quick([paper])
    assert outcome is not None and {"/people/carol-singh/", "/people/carol-singh/2019/"} <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)


@pytest.mark.parametrize("where, old, new, shown", [
    ("tb/2019-03-14/papers/paper-a.md", "title: Healthy Weight Strategy 2019 to 2024\n",
     "title: Healthy Weight Strategy 2019 to 2024\nlanguage: cy\n", "/people/carol-singh/"),
    ("jc/2019-11-05/minutes.md", "status: approved\n", "status: approved\nlanguage: cy\n", "/jc/actions/"),
    ("tb/2019-03-14/meeting.md", "title: Health and Wellbeing Board\n",
     "title: Health and Wellbeing Board\nlanguage: cy\n", "/tb/"),
], ids=["paper", "minutes", "meeting"])
def test_a_language_given_is_marked_with_the_save_on_every_page_that_shows_the_record(tmp_path, where, old, new,
                                                                                      shown):
    """A paper's, minutes' or agenda's `language:` marks its title and text with `lang` wherever they are shown:
    the save writes its meeting's pages and the others that show them (a person's list of papers, the tracker's
    action texts, the body's list of meetings) as a full build makes them, and the rebuild after it has none
    to correct."""
    session, content, live = started(tmp_path, "archive")
    outcome = session.quick([edit(content / "meetings" / where, old, new)])
    meeting = where.split("/")[0] + "/" + where[3:7] + "/" + where.split("/")[1] + "/"
    assert outcome is not None and {"/" + meeting, shown} <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    assert 'lang="cy"' in (live / meeting / "index.html").read_text()
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)


def test_a_recorded_vote_put_right_is_put_right_with_the_save_on_the_pages_of_the_members_it_names(tmp_path):
    """How a member voted is on their page and year page (pages.votes_of): the save writes them, both the
    member's whose vote it moved and the others', as a full build makes them, and the rebuild after it has
    nothing left to write."""
    session, content, live = started(tmp_path, "archive")
    minutes = edit(content / "meetings/tb/2019-03-14/minutes.md",
                   "      for: [ada-lovelace, eve-turner, {name: Priya Shah}]\n      against: [frank-turner]\n",
                   "      for: [ada-lovelace, eve-turner, {name: Priya Shah}, frank-turner]\n")
    outcome = session.quick([minutes])
    assert outcome is not None and {"/people/frank-turner/", "/people/frank-turner/2019/",
                                    "/people/ada-lovelace/"} <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)
    # A save of meeting.md that has a member leave before the vote they are named in: the save writes nothing,
    # and the rebuild says what a full build says
    meeting, left = content / "meetings/tb/2019-03-14/meeting.md", "event: left\n      item: TB/19/14\n"
    assert session.quick([edit(meeting, left, left.replace("TB/19/14", "TB/19/12"))]) is None
    assert files(live) == files(built)
    failed = run(Options(content=content, out=tmp_path / "failed", today=TODAY, search=False, cache=False))
    after = session.rebuild()
    assert not after.ok and [d.format() for d in after.report.errors] == [d.format() for d in failed.report.errors]
    assert any("Councillor Eve Turner is named as voting for" in d.message for d in after.report.errors)
    session.quick([edit(meeting, left.replace("TB/19/14", "TB/19/12"), left)])
    assert session.rebuild().ok and files(live) == files(built)


def test_a_votes_mover_put_right_is_put_right_with_the_save_on_the_pages_of_both_members(tmp_path):
    """What a member moved is on their page and year page (pages.votes_of): the save writes those of the member
    it names now and of the one it named before, as a full build makes them; the rebuild has nothing left."""
    session, content, live = started(tmp_path, "archive")
    minutes = edit(content / "meetings/tb/2019-03-14/minutes.md", "    moved_by: ada-lovelace\n",
                   "    moved_by: frank-turner\n")
    outcome = session.quick([minutes])
    assert outcome is not None and {"/people/frank-turner/", "/people/frank-turner/2019/", "/people/ada-lovelace/",
                                    "/people/ada-lovelace/2019/"} <= set(outcome.written)
    assert session.rebuild().ok
    # Ada Lovelace moves the first and third votes and seconds the second, then moves the first two and seconds
    # the third: what she is recorded as at the meeting (moved, seconded) is the same both times, and only the
    # rows of her pages tell the two apart
    amendment = "    abstained: 1\n  - kind: motion"
    edit(minutes, amendment, amendment.replace("\n", "\n    moved_by: ada-lovelace\n", 1))
    edit(minutes, "    seconded_by: {name: Priya Shah}\n", "    seconded_by: ada-lovelace\n  - motion: That the "
         "strategy be reviewed in 2022.\n    outcome: carried\n    moved_by: ada-lovelace\n    seconded_by: eve-turner\n")
    assert session.quick([minutes]) is not None and session.rebuild().ok
    edit(minutes, "    moved_by: frank-turner\n    seconded_by: ada-lovelace\n",
         "    moved_by: ada-lovelace\n    seconded_by: frank-turner\n")
    edit(minutes, "    moved_by: ada-lovelace\n    seconded_by: eve-turner\n",
         "    moved_by: eve-turner\n    seconded_by: ada-lovelace\n")
    outcome = session.quick([minutes])
    assert outcome is not None and {"/people/ada-lovelace/", "/people/ada-lovelace/2019/"} <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    people = lambda tree: {path: page for path, page in files(tree).items() if path.startswith("people/")}  # noqa
    assert people(live) == people(built)  # the feeds and open data wait for the rebuild
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)


CALL_IN = "meetings/jc/2019-11-05/minutes.md"  # its item 7 calls in TB/19/13 of meetings/tb/2019-03-14


@pytest.mark.parametrize("where, old, new", [
    (CALL_IN, "call_in_outcome: referred back", "call_in_outcome: referred to council"),
    (CALL_IN, "calls_in: tb:TB/19/13", "calls_in: tb:TB/19/12"),
    ("meetings/tb/2019-03-14/minutes.md", "## TB/19/13 Healthy Weight Strategy 2019 to 2024",
     "## TB/19/13 Healthy Weight Strategy 2019 to 2025"),
    ("meetings/jc/2019-11-05/meeting.md", "date: Tuesday 5th November 2019", "date: Wednesday 6th November 2019"),
], ids=["outcome", "minute-called-in", "called-in-minute-retitled", "scrutiny-meeting-redated"])
def test_an_edit_to_what_the_other_meeting_of_a_call_in_shows_is_left_to_the_full_rebuild(tmp_path, where, old, new):
    """The called-in minute's pages say who called it in, when, and with what outcome; the scrutiny item's pages
    name the minute it called in and its title: an edit to any of these is redrawn on both by the full rebuild."""
    session, content, live = started(tmp_path, "archive")
    assert_left_to_the_rebuild(session, content, live, content / where, old, new, tmp_path)
    assert (live / "tb/2019/tb-19-13/index.html").read_bytes() == \
        (tmp_path / "full/tb/2019/tb-19-13/index.html").read_bytes()


def test_an_edit_to_a_meeting_of_a_call_in_that_the_other_does_not_show_takes_the_fast_path(tmp_path):
    session, content, live = started(tmp_path, "archive")
    changed = edit(content / CALL_IN, "## 5 Joint public health commissioning", "## 5 Joint commissioning")
    outcome = session.quick([changed])
    assert outcome is not None and "/jc/2019/2019-11-05/item-5/" in outcome.written
    assert "/tb/2019/tb-19-13/" not in outcome.written
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    assert session.rebuild().written == []


def test_a_register_edit_that_makes_another_person_the_holder_of_a_post_a_meeting_names_is_left_to_the_rebuild(
        tmp_path):
    """`lead: Director of Strategy` is whoever held the role on the meeting's day: new dates in the register make
    Mr Lewis its holder in August 2019 in place of Ms Prema, which the meeting's and the item's pages show, and which
    the register's fast path (quick_people.py), making the people's own pages only, would leave stale."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    edit(content / "people.yaml", "  initials: SP\n",
         "  initials: SP\n  roles:\n    - title: Director of Strategy\n      to: 2019-12-31\n")
    edit(content / f"{AUGUST}/minutes.md", "## CCBP/19/71 Finance (Paper C)\n",
         "## CCBP/19/71 Finance (Paper C)\n\n```item\nlead: Director of Strategy\n```\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    assert "/people/sarah-prema/" in (live / "ccb/2019/ccbp-19-71/index.html").read_text(encoding="utf-8")
    register = (content / "people.yaml").read_text()
    handed_over = register.replace("      to: 2019-12-31\n", "      to: 2019-07-31\n").replace(
        "  initials: ML\n", "  initials: ML\n  roles:\n    - title: Director of Strategy\n      from: 2019-08-01\n")
    assert_left_to_the_rebuild(session, content, live, content / "people.yaml", register, handed_over, tmp_path)
    assert "/people/mark-lewis/" in (live / "ccb/2019/ccbp-19-71/index.html").read_text(encoding="utf-8")


def test_a_new_chair_saved_moves_chair_written_in_the_minutes_to_them_on_every_page_as_a_full_build_does(tmp_path):
    """`lead: Chair` in the minutes is the `chair:` of meeting.md: a save of meeting.md alone changes it, though the
    save before, to the minutes, read them with the chair before (reload_parts.py)."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    edit(content / f"{AUGUST}/meeting.md", "date: 2019-08-22\n", "date: 2019-08-22\nchair: sarah-prema\n")
    edit(content / f"{AUGUST}/minutes.md", "## CCBP/19/71 Finance (Paper C)\n",
         "## CCBP/19/71 Finance (Paper C)\n\n```item\nlead: Chair\n```\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    assert session.quick([edit(content / AUGUST / "minutes.md", "is the finance paper", "is the finance report")])
    outcome = session.quick([edit(content / f"{AUGUST}/meeting.md", "chair: sarah-prema", "chair: nora-brown")])
    assert outcome is not None
    assert 'Chair (<a href="/people/nora-brown/">' in (live / "ccb/2019/ccbp-19-71/index.html").read_text("utf-8")
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_an_agenda_items_minute_changed_relinks_the_agenda_and_both_minutes_pages_as_a_full_build_does(tmp_path):
    """A council's agenda names each item's minute (`minute:`): two put right by swapping them move the agenda's
    links and what the two minutes' pages say of their agenda item, in the fast path's pages as in a full build's."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "archive", content)
    council_numbered(content)
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    meeting = content / JC_MEETING
    edit(meeting, 'minute: "42"', 'minute: "x"')
    edit(meeting, 'minute: "44"', 'minute: "42"')
    changed = edit(meeting, 'minute: "x"', 'minute: "44"')
    outcome = session.quick([changed])
    assert outcome is not None and outcome.ok
    assert {"/jc/2019/2019-11-05/", "/jc/2019/2019-11-05/item-42/", "/jc/2019/2019-11-05/item-44/"} <= set(
        outcome.written)
    assert 'href="/jc/2019/2019-11-05/#agenda-7">Agenda item 7' in (live / "jc/2019/2019-11-05/item-42/index.html"
                                                                     ).read_text()
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    assert session.rebuild().written == []


def test_who_took_the_chair_for_an_item_put_right_is_put_right_with_the_save_on_both_members_pages(tmp_path):
    """The item's pages say who was in the chair for it, and the pages of that member list it (resolve.ROLES
    "chaired"): the save writes the item's and the meeting's pages and both members', as a full build makes them,
    and the rebuild after it has nothing left to write; so for the chair taken out of the item."""
    session, content, live = started(tmp_path, "archive")
    minutes = edit(content / "meetings/tb/2019-03-14/minutes.md", "chair: carol-singh\nvotes:",
                   "chair: eve-turner\nvotes:")  # TB/19/13's
    outcome = session.quick([minutes])
    assert outcome is not None and {"/tb/2019/tb-19-13/", "/tb/2019/2019-03-14/", "/people/carol-singh/",
                                    "/people/eve-turner/", "/people/eve-turner/2019/"} <= set(outcome.written)
    built = full_build(content, tmp_path / "full")
    assert pages(live) == pages(built)  # the feeds and open data wait for the rebuild
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(built)
    outcome = session.quick([edit(minutes, "chair: eve-turner\nvotes:", "votes:")])
    assert outcome is not None and "/people/eve-turner/" in outcome.written
    built = full_build(content, tmp_path / "full-again")
    assert pages(live) == pages(built)
    after = session.rebuild()
    assert after.ok and after.written == [] and files(live) == files(built)


def test_a_save_giving_a_councils_minute_a_number_another_meeting_of_its_run_has_is_left_to_the_full_rebuild(
        tmp_path):
    """December's minute 45 renumbered 44, which November's minutes of the same run have: the full rebuild says so
    (validate._numbered_twice_in_a_run), as the number is another meeting's only within the run, not its address."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "archive", content)
    council_numbered(content)  # November's minutes 41 to 44
    december = content / "meetings/jc/2019-12-03"
    december.mkdir()
    edit(december / "meeting.md", None, '---\nbody: jc\ndate: 2019-12-03\nagenda:\n  - ref: "1"\n    minute: "45"\n'
                                        "    title: Matters arising\n---\n")
    edit(december / "minutes.md", None, "---\nstatus: approved\n---\n## 45 Matters arising\n\nNone.\n")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    before = files(live)
    saved = [edit(december / "meeting.md", 'minute: "45"', 'minute: "44"'),
             edit(december / "minutes.md", "## 45", "## 44")]
    assert session.quick(saved) is None
    assert files(live) == before
    assert [d.message for d in session.rebuild().report.errors] == [
        "minute number 44 is used twice in JC's minutes numbered on from jc/2019-11-05's, its first meeting in the "
        "archive: jc/2019-11-05 has it already (at content/meetings/jc/2019-11-05/minutes.md:28)"]


def test_each_bodys_and_persons_actions_patched_or_made_again_are_those_a_pass_makes():
    """pages.holdings: a few actions changed are put in place in the lists of the last rebuild; most changed
    (another archive) make the lists again; either way the lists a pass over every action makes."""
    from types import SimpleNamespace as Made

    from generator.pages import Holdings

    def tracks(n, owner_of, version):
        return {f"b{i % 3}:{i}": Made(key=f"b{i % 3}:{i}", version=version, raised=Made(body=f"b{i % 3}"),
                                      action=Made(owners=(Made(id=owner_of(i), body=None),)))
                for i in range(n)}

    def lists(made: Holdings):
        return [{slug: [(track.key, track.version) for track in listed] for slug, listed in groups.items()}
                for groups in (made.held, made.owned)]

    before = Made(tracks=tracks(200, lambda i: f"p{i % 7}", 0))
    last = holdings(before)
    few = dict(before.tracks)
    for i in (5, 50, 150):  # given to someone else
        few[f"b{i % 3}:{i}"] = tracks(200, lambda i: f"p{(i + 1) % 7}", 1)[f"b{i % 3}:{i}"]
    del few["b1:100"]
    every = Made(tracks=tracks(200, lambda i: f"p{i % 5}", 2))
    # new versions of the same actions, held and owned as before (an edit within a meeting): put in place where
    # they stand; and where they come last in index.tracks, as a meeting's tracks made again may, moved there
    same = {key: tracks(200, lambda i: f"p{i % 7}", 3)[key] if key in ("b2:5", "b2:50", "b0:150") else track
            for key, track in before.tracks.items()}
    moved = {**{key: track for key, track in same.items() if track.version != 3},
             **{key: track for key, track in same.items() if track.version == 3}}
    for after in (Made(tracks=few), every, Made(tracks=same), Made(tracks=moved)):
        assert lists(holdings(after, last)) == lists(holdings(after))


def test_after_a_quick_edit_and_the_rebuild_after_it_the_index_gives_each_data_files_size_and_sha256(
        actions, monkeypatch):
    """The preview keeps the CSV of a body whose actions an edit left alone, and lists it in index.json with the
    size and checksum noted when it was made (update.Outputs): the index describes each file as it is on disk after
    the fast path and the rebuild that writes the data files, save after save."""
    import generator.exports

    session, content, live = actions
    made = []
    real_csv = generator.exports.actions_csv
    monkeypatch.setattr(generator.exports, "actions_csv", lambda records, *rest: made.append(
        [r["id"] for r in records]) or real_csv(records, *rest))
    assert index_disagrees(live) == []
    for where, old, new, csv in (
            ("meetings/jc/2019-08-01/minutes.md", "Write to the board with the committee's view.",
             "Write to the board with the committee's considered view.",
             [["ccb:CCBP/19/60#jc-referral", "jc:2019-08-01/4#1"]]),  # the JC's CSV alone
            (f"{JULY}/minutes.md", "The board discussed the pilot.", "The board discussed the pilot at length.", []),
            (f"{JULY}/minutes.md", "The board discussed the pilot at length.", "The board discussed the pilot.", [])):
        made.clear()
        outcome = session.quick([edit(content / where, old, new)])
        assert outcome is not None and outcome.ok and index_disagrees(live) == []  # data files wait for the rebuild
        assert session.rebuild().ok and sorted(made) == sorted(csv)
        assert index_disagrees(live) == []


def previewing(tmp_path: Path):
    """A live preview (serve.Preview, without its server) after its first build of a copy of `references`."""
    from generator.serve import Preview

    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    preview = Preview(Options(content=content, out=live, today=TODAY, search=False), log=lambda message: None,
                      search=False)
    assert preview.rebuild().ok
    return preview, content, live


def saved(preview, path: Path) -> bool:
    """A save as the preview takes it: the fast path, then the rebuild; whether the fast path took it."""
    quick_took = preview.quick([str(path)], path.name)
    preview.rebuild(path.name, files=False, quietly=quick_took)
    return quick_took


@pytest.mark.parametrize("where, mistake", [
    ("minutes.md", ("\n---\n", "\nstatus: [draft\n---\n")),  # malformed YAML: the meeting loaded without its minutes
    ("meeting.md", ("date: 2019-08-22", "date: [2019-08-22")),  # no meeting at all: the folder could not be read
])
def test_the_save_that_puts_a_mistake_right_takes_the_fast_path_and_the_error_page_goes_with_it(tmp_path, where,
                                                                                                 mistake):
    """A clerk's malformed YAML fails the rebuild, and the preview shows the error page. The save that puts it right
    (with a sentence changed besides) writes the meeting's pages at once, as a full build makes them, and the error
    page goes; where it waited for the full rebuild (seconds in a large archive), and the next saves too."""
    preview, content, live = previewing(tmp_path)
    path = content / AUGUST / where
    good = path.read_text()
    path.write_text(good.replace(*mistake, 1))
    assert not saved(preview, path) and preview.report is not None  # the error page shows
    minutes = content / AUGUST / "minutes.md"
    path.write_text(good)
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August is the revised finance paper")
    paths = sorted({str(path), str(minutes)})
    assert preview.quick(paths, "put right") and preview.report is None  # the error page gone with the fast path
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    assert preview.rebuild("put right", files=False, quietly=True).ok and preview.report is None
    assert saved(preview, edit(minutes, "revised finance paper", "finance paper as revised"))
    assert pages(live) == pages(full_build(content, tmp_path / "full again"))
    settled(preview.session, content, live, tmp_path / "settled")


def test_after_a_mistake_two_meetings_saved_since_the_last_good_rebuild_are_left_to_the_rebuild(tmp_path):
    """The fast path after a failed rebuild starts from the last that succeeded: a meeting saved while the error
    showed would be missing from it, so the save that puts the mistake right in another is left to the rebuild."""
    preview, content, live = previewing(tmp_path)
    minutes = content / AUGUST / "minutes.md"
    good = minutes.read_text()
    minutes.write_text(good.replace("\n---\n", "\nstatus: [draft\n---\n", 1))
    assert not saved(preview, minutes)
    assert not saved(preview, edit(content / "meetings/jhsc/2019-09-02/minutes.md", "None. See",
                                   "None were given. See"))
    assert preview.report is not None
    minutes.write_text(good)
    assert not preview.quick([str(minutes)], "put right") and preview.report is not None
    assert preview.rebuild("put right").ok and preview.report is None
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
