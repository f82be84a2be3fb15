"""Incremental rebuilds (issue 6): after any sequence of edits, the live preview's
output is byte-identical to a full build of the same content, and an edit
re-renders only the pages that depend on it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import cache as build_cache
from generator import incremental
from generator.build import Options, run
from generator.incremental import Session

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2020, 1, 1)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "pagefind" not in p.relative_to(root).parts}


def assert_same_as_full_build(content: Path, live: Path, tmp: Path, outcome=None) -> None:
    """The live folder equals a full build's; with the rebuild's `outcome`, so do its messages."""
    full = tmp / f"full-{len(list(tmp.iterdir()))}"
    result = run(Options(content=content, out=full, today=TODAY, search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    if outcome is not None:
        assert sorted(d.format() for d in outcome.report.items) == sorted(d.format() for d in result.report.items)
    live_tree, full_tree = tree(live), tree(full)
    assert sorted(live_tree) == sorted(full_tree)
    differing = [name for name in full_tree if live_tree[name] != full_tree[name]]
    assert differing == []


def _started(tmp_path: Path, fixture: str) -> tuple:
    """(session, content, live folder, folder for comparison builds) after the session's first rebuild."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / fixture, content)
    live = tmp_path / "live"
    s = Session(Options(content=content, out=live, today=TODAY, search=False))
    first = s.rebuild()
    assert first.ok and first.full
    (tmp_path / "builds").mkdir()
    return s, content, live, tmp_path / "builds"


@pytest.fixture
def session(tmp_path):
    return _started(tmp_path, "references")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_first_rebuild_equals_a_full_build(session):
    s, content, live, builds = session
    assert_same_as_full_build(content, live, builds)


def test_editing_discussion_rerenders_only_that_meetings_pages(session):
    s, content, live, builds = session
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    outcome = s.rebuild()
    assert outcome.ok and not outcome.full
    assert outcome.written == ["/ccb/2019/2019-08-22/", "/ccb/2019/ccbp-19-71/"]
    assert_same_as_full_build(content, live, builds)


def test_a_paper_added_to_a_meeting_does_not_make_its_neighbours_pages_again(session, monkeypatch):
    """A meeting's page shows of the body's meetings before and after it a link, the date and whether it was held:
    a paper added to July's meeting changes none of that on August's page, which is not made again (it was, for
    July's count of papers, on every such save), while the lists that count July's papers are."""
    s, content, live, builds = session
    made = []
    real = incremental.render_page
    monkeypatch.setattr(incremental, "render_page", lambda env, page, report: made.append(page.url) or real(
        env, page, report))
    (content / "meetings/ccb/2019-07-18/papers/late.md").write_text("---\nref: Z\ntitle: A late paper\n---\n")
    outcome = s.rebuild()
    assert outcome.ok and "/ccb/2019/2019-07-18/papers/z/" in outcome.written
    assert "/ccb/2019/2019-07-18/" in made and "/ccb/2019/" in made
    assert "/ccb/2019/2019-08-22/" not in made
    assert_same_as_full_build(content, live, builds)


def test_a_paper_added_to_a_meeting_makes_again_none_of_the_pages_that_only_link_to_it(tmp_path, monkeypatch):
    """A body's page lists the meetings of its latest three years, and of the years before only how many each had;
    its action tracker, and the minutes the meeting approved, link to it by its title and date: a paper added to
    the board's meeting of June 2019, when it has met in 2020, 2021 and 2022, changes what the year's page lists
    (its count of papers), but none of those, which are not made again (their deps held the meeting's summary,
    its count of papers among it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "archive", content)
    for year in (2021, 2022):
        (content / f"meetings/tb/{year}-03-10").mkdir()
        (content / f"meetings/tb/{year}-03-10/meeting.md").write_text(f"---\nbody: tb\ndate: {year}-03-10\n---\n")
    s = Session(Options(content=content, out=tmp_path / "live", today=TODAY, search=False))
    assert s.rebuild().ok
    made = []
    real = incremental.render_page
    monkeypatch.setattr(incremental, "render_page", lambda env, page, report: made.append(page.url) or real(
        env, page, report))
    (content / "meetings/tb/2019-06-20/papers").mkdir()
    (content / "meetings/tb/2019-06-20/papers/late.md").write_text("---\nref: Z\ntitle: A late paper\n---\n")
    outcome = s.rebuild()
    assert outcome.ok and "/tb/2019/" in outcome.written
    assert [url for url in made if url in ("/tb/", "/tb/actions/") or url.startswith("/tb/2019/2019-03-14/")] == []
    (tmp_path / "builds").mkdir()
    assert_same_as_full_build(content, tmp_path / "live", tmp_path / "builds")


def test_a_new_reference_updates_the_targets_backlinks(session):
    s, content, live, builds = session
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Code `CCBP/19/70`", "Code `CCBP/19/70` (see CCBP/19/62)")
    outcome = s.rebuild()
    assert "/ccb/2019/ccbp-19-62/" in outcome.written  # its "Referenced from" list grew
    assert_same_as_full_build(content, live, builds)


def test_adding_an_item_resolves_a_dangling_reference_elsewhere(session):
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added later\n\nNew item.\n")
    outcome = s.rebuild()
    assert "/ccb/2019/ccbp-19-99/" in outcome.written
    assert "/ccb/2019/ccbp-19-71/" in outcome.written  # "CCBP/19/99" there is now a link
    assert_same_as_full_build(content, live, builds)


def test_a_paper_the_meeting_lacks_is_told_as_the_body_s_other_papers_come_and_go(session):
    """August's "Paper K" is none of August's: the message names the link to the body's one paper K, which another
    meeting's folder decides, and the preview does not scan August's texts again when only July's is saved."""
    s, content, live, builds = session
    july, august = content / "meetings/ccb/2019-07-18/papers", content / "meetings/ccb/2019-08-22/papers"
    paper = "---\nref: K\ntitle: Workforce plan\n---\n"
    generic = ("reference 'Paper K' does not resolve; this meeting's papers are: Paper C; for another meeting's "
               "paper, write [[ccb/<its folder>/papers/K]]")
    named = ("reference 'Paper K' does not resolve; this meeting's papers are: Paper C; for Paper K of the meeting "
             "of 18 July 2019, write [[ccb/2019-07-18/papers/K]]")
    told = []
    for change in (lambda: None, lambda: (july / "k.md").write_text(paper),
                   lambda: (august / "k.md").write_text(paper), lambda: (august / "k.md").unlink(),
                   lambda: (july / "k.md").unlink()):
        change()
        outcome = s.rebuild()
        told.append([f"{d.message}; {d.hint}" for d in outcome.report.items if "Paper K" in d.message])
        assert_same_as_full_build(content, live, builds, outcome)
    assert told == [[generic], [named], [], [named], [generic]]


def _told_while_ccbp_19_88_comes_and_goes(session, heading: str) -> list[list[str]]:
    """What the preview says on the line of `heading`, put into July's minutes under CCBP/19/61, as it is, then with
    an item CCBP/19/88 added to August's minutes, then with it taken away again: a message that depends on another
    meeting's minutes, which the preview does not load or scan again when the heading's file is not saved. Each
    time, the preview must equal a full build."""
    s, content, live, builds = session
    july, august = content / "meetings/ccb/2019-07-18/minutes.md", content / "meetings/ccb/2019-08-22/minutes.md"
    edit(july, "Paper C in July is the community services paper.",
         f"Paper C in July is the community services paper.\n\n### {heading}")
    line = july.read_text().split("\n").index(f"### {heading}") + 1
    item = "\n## CCBP/19/88 Outreach plan\n\nAgreed.\n"
    told = []
    for change in (lambda: None, lambda: august.write_text(august.read_text() + item), lambda: edit(august, item, "")):
        change()
        outcome = s.rebuild()
        told.append([d.message for d in outcome.report.items
                     if d.path.endswith("2019-07-18/minutes.md") and d.line == line])
        assert_same_as_full_build(content, live, builds, outcome)
    return told


def test_a_part_heading_of_a_minute_the_archive_lacks_is_told_once_and_its_message_follows_the_archive(session):
    """One message, whichever it is now: the minute lacking, then there to move the heading under, then lacking."""
    lacking = ["the heading 'CCBP/19/88(a) Outreach' numbers a part of minute CCBP/19/88, which the archive does not "
               "have, and it is inside CCBP/19/61, so it is read as part of CCBP/19/61"]
    elsewhere = ["the heading 'CCBP/19/88(a) Outreach' numbers a part of minute CCBP/19/88, but it is inside "
                 "CCBP/19/61, so it is read as part of CCBP/19/61"]
    assert _told_while_ccbp_19_88_comes_and_goes(session, "CCBP/19/88(a) Outreach") == [lacking, elsewhere, lacking]


def test_a_reference_below_an_item_block_is_told_on_its_line_as_the_block_grows(session):
    """An item's discussion is its text without its ```item block: with text above the block, a reference below
    was told as many lines up as the block is long. A save that lengthens the block leaves the discussion's text
    as it was, which the preview has resolved before: its message moves down with the line all the same."""
    s, content, live, builds = session
    august = content / "meetings/ccb/2019-08-22/minutes.md"
    edit(august, "Paper K was not circulated.\n", "Paper K was not circulated.\n\n```item\nresolutions:\n"
         "  - Noted.\n```\n\n")

    def told(outcome) -> list[tuple[int, str]]:
        return [(d.line, d.message) for d in outcome.report.items
                if d.path.endswith("2019-08-22/minutes.md") and "CCBP/19/99" in d.message]

    for _ in range(2):
        outcome = s.rebuild()
        assert outcome.ok and not outcome.full  # the preview's fast path, from what it has resolved before
        line = august.read_text().split("\n").index("See item (CCBP/19/) and CCBP/19/99.") + 1
        assert told(outcome) == [(line, "reference 'CCBP/19/99' does not resolve")]
        assert_same_as_full_build(content, live, builds, outcome)
        edit(august, "  - Noted.\n", "  - Noted.\n  - Agreed.\n")


def test_a_heading_numbering_a_minute_the_archive_lacks_is_told_once_and_its_message_follows_the_archive(session):
    """The preview reloads the saved file and scans its references again: the heading's number is left to its
    message there too. When another meeting's minutes add that minute, the one message names it, as '## ' would
    number it twice; when they take it away, the message is as it was."""
    lacking = ["the heading 'CCBP/19/88 Outreach' starts with minute number CCBP/19/88, but only a '## ' heading at "
               "the start of a line starts an item, so it is read as part of CCBP/19/61"]
    august = session[1] / "meetings/ccb/2019-08-22/minutes.md"
    line = (august.read_text() + "\n## CCBP/19/88 Outreach plan").split("\n").index("## CCBP/19/88 Outreach plan") + 1
    elsewhere = [lacking[0] + f", and minute CCBP/19/88 is at content/meetings/ccb/2019-08-22/minutes.md:{line}"]
    assert _told_while_ccbp_19_88_comes_and_goes(session, "CCBP/19/88 Outreach") == [lacking, elsewhere, lacking]


def test_an_action_written_in_the_text_alone_is_told_until_the_item_lists_it(session):
    """A minutes warning like the others: the preview's fast path reloads the saved minutes and says it at once,
    and says nothing of it once the clerk lists the action under `actions:`."""
    s, content, live, builds = session
    august = content / "meetings/ccb/2019-08-22/minutes.md"

    def told(outcome) -> list[str]:
        return [d.format() for d in outcome.report.items if "records an action" in d.message]

    edit(august, "Paper C in August is the finance paper;", "ACTION: SP to circulate Paper C by next meeting\n\n"
         "Paper C in August is the finance paper;")
    outcome = s.rebuild()
    assert outcome.ok and not outcome.full
    line = august.read_text().split("\n").index("ACTION: SP to circulate Paper C by next meeting") + 1
    assert told(outcome) == [f"content/meetings/ccb/2019-08-22/minutes.md:{line}: warning: 'ACTION: SP to "
                             "circulate Paper C by next meeting' records an action in the text of minute CCBP/19/71 "
                             "only, not under `actions:`, so it is not tracked: it has no id, page or place on the "
                             "action tracker; to track it, give the item an ```item block listing it under `actions:` "
                             "as `- owner: sarah-prema`, `text: Circulate Paper C`, `due: next meeting`"]
    assert_same_as_full_build(content, live, builds, outcome)
    edit(august, "ACTION: SP to circulate Paper C by next meeting\n", "ACTION: SP to circulate Paper C by next "
         "meeting\n\n```item\nactions:\n  - owner: sarah-prema\n    text: Circulate Paper C.\n    due: next meeting\n"
         "```\n")
    outcome = s.rebuild()
    assert outcome.ok and not outcome.full and told(outcome) == []
    assert "/ccb/actions/ccbp-19-71-1/" in outcome.written
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_new_item_elsewhere_relinks_every_page_that_cited_it(session):
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added to the July minutes\n\nNew item.\n")
    outcome = s.rebuild()
    assert {"/ccb/2019/ccbp-19-71/", "/ccb/2019/2019-08-22/"} <= set(outcome.written)  # both show "CCBP/19/99"
    assert_same_as_full_build(content, live, builds)


def test_renaming_and_deleting_remove_stale_pages(session):
    s, content, live, builds = session
    (content / "meetings/ccb/2019-08-22/papers/c.md").unlink()
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "## CCBP/19/71 Finance (Paper C)", "## CCBP/19/71 Finance")
    (content / "meetings/jhsc/2019-09-02").rename(content / "meetings/jhsc/2019-09-03")
    edit(content / "meetings/jhsc/2019-09-03/meeting.md", "date: 2019-09-02", "date: 2019-09-03")
    outcome = s.rebuild()
    assert outcome.ok, [d.format() for d in outcome.report.items]
    assert "/ccb/2019/2019-08-22/papers/c/" in outcome.deleted
    assert "/jhsc/2019/2019-09-02/" in outcome.deleted
    assert not (live / "jhsc/2019/2019-09-02").exists()
    assert_same_as_full_build(content, live, builds)


def test_a_sequence_of_edits_stays_identical_to_full_builds(session):
    s, content, live, builds = session
    steps = [
        ("meetings/ccb/2019-07-18/minutes.md", "Approved.", "Approved as a correct record."),
        ("people.yaml", "initials: SP", "initials: SPR"),
        ("meetings/jhsc/2019-09-02/minutes.md", "None. See Item 3", "None. See Item 1 and Item 3"),
        ("bodies/ccb.md", "short_name: CCB", "short_name: CCBoard"),
    ]
    for path, old, new in steps:
        edit(content / path, old, new)
        outcome = s.rebuild()
        assert outcome.ok
        assert_same_as_full_build(content, live, builds, outcome)


def test_a_role_handed_over_in_the_register_moves_a_post_a_meeting_names_to_its_new_holder(session):
    """`lead: Director of Strategy` is read as whoever held the role on the meeting's day (people.Asked notes the
    question): the rebuild reads the meeting again when new dates give the role to someone else, where it kept
    the meeting read as before since its files and the names it asked about were unchanged."""
    s, content, live, builds = session
    edit(content / "people.yaml", "  initials: SP\n",
         "  initials: SP\n  roles:\n    - title: Director of Strategy\n      to: 2019-12-31\n")
    edit(content / "people.yaml", "  initials: ML\n",
         "  initials: ML\n  roles:\n    - title: Director of Strategy\n      from: 2020-01-01\n")
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "## CCBP/19/71 Finance (Paper C)\n",
         "## CCBP/19/71 Finance (Paper C)\n\n```item\nlead: Director of Strategy\n```\n")
    assert s.rebuild().ok
    edit(content / "people.yaml", "      to: 2019-12-31\n", "      to: 2019-07-31\n")
    edit(content / "people.yaml", "      from: 2020-01-01\n", "      from: 2019-08-01\n")
    outcome = s.rebuild()
    assert outcome.ok
    assert "/people/mark-lewis/" in (live / "ccb/2019/ccbp-19-71/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_content_error_writes_nothing_and_the_next_fix_recovers(session):
    s, content, live, builds = session
    before = tree(live)
    edit(content / "meetings/ccb/2019-07-18/meeting.md", "date: 2019-07-18", "date: 2019-07-32")
    outcome = s.rebuild()
    assert not outcome.ok
    assert any("is not a real date" in d.message for d in outcome.report.errors)
    assert tree(live) == before
    edit(content / "meetings/ccb/2019-07-18/meeting.md", "date: 2019-07-32", "date: 2019-07-19")
    assert s.rebuild().ok
    assert_same_as_full_build(content, live, builds)


def test_a_bodys_types_of_interest_edited_are_checked_and_spelt_as_a_full_build_does(tmp_path):
    """Its meetings are read again against them (loader._as_meetings_read): a type the list no longer has is an
    error on the declaration's line, and one it spells anew is published so."""
    s, content, live, builds = _started(tmp_path, "archive")
    edit(content / "bodies/tb.md", "kind: board\n", "kind: board\ninterest_types: [Pecuniary]\n")
    outcome = s.rebuild()
    minutes = "meetings/tb/2019-03-14/minutes.md"
    line = (content / minutes).read_text().split("\n").index("    type: Other registrable interest") + 1
    assert [(d.path, d.line) for d in outcome.report.errors] == [(f"content/{minutes}", line)]
    edit(content / "bodies/tb.md", "[Pecuniary]", "[Pecuniary, OTHER REGISTRABLE INTEREST]")
    outcome = s.rebuild()
    assert outcome.ok and not outcome.full and "/tb/2019/tb-19-12/" in outcome.written
    assert b"(OTHER REGISTRABLE INTEREST)" in (live / "tb/2019/tb-19-12/index.html").read_bytes()
    assert_same_as_full_build(content, live, builds, outcome)


def test_nothing_changed_renders_nothing(session):
    s, *_ = session
    outcome = s.rebuild()
    assert outcome.ok and outcome.rendered == 0 and outcome.written == []


@pytest.mark.parametrize("fixture", ["references", "actions"])
def test_parallel_rendering_writes_the_same_site_as_one_process(tmp_path, fixture):
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        result = run(Options(content=FIXTURES / fixture, out=out, today=TODAY, search=False, jobs=jobs))
        assert result.ok and result.pages > 10
        outputs.append(tree(out))
    assert outputs[0] == outputs[1]


def test_a_build_with_the_cache_equals_one_without(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    cold = run(Options(content=content, out=tmp_path / "cold", today=TODAY, search=False, cache=False))
    first = run(Options(content=content, out=tmp_path / "first", today=TODAY, search=False))
    assert cold.ok and first.ok
    saved = build_cache.cache_file(content, False)
    stored = build_cache.load(saved)
    # 3 meetings, the registers' signature, the registers as loaded and the digests of the meetings' files
    assert len(stored.loader) == 6 and len(stored.scan) > 10 and len(stored.site.pages) > 10
    warm = run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False))
    assert warm.ok
    assert tree(tmp_path / "cold") == tree(tmp_path / "first") == tree(tmp_path / "warm")
    assert sorted(d.format() for d in warm.report.items) == sorted(d.format() for d in cold.report.items)


def test_an_edit_after_a_cached_build_gives_what_a_cold_build_gives(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    assert run(Options(content=content, out=tmp_path / "first", today=TODAY, search=False)).ok
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper K was not circulated", "Paper C was circulated")
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added later\n\nNew item.\n")
    warm = run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False))
    cold = run(Options(content=content, out=tmp_path / "cold", today=TODAY, search=False, cache=False))
    assert warm.ok and cold.ok
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
    assert sorted(d.format() for d in warm.report.items) == sorted(d.format() for d in cold.report.items)


def test_a_meeting_called_off_after_a_cached_build_is_said_to_be_so_wherever_it_is_linked(tmp_path):
    """A link to a meeting that did not take place says so, "(cancelled)", on the pages of the people it names:
    what their deps hold of the meeting (actions.named) held its title and date, not whether it was held, and a
    build with the cache kept their pages without it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "archive", content)
    meeting = content / "meetings/tb/2020-03-19/meeting.md"
    meeting.parent.mkdir()
    meeting.write_text("---\nbody: tb\ndate: 2020-03-19\nagenda:\n  - ref: TB/20/9\n    title: Budget\n"
                       "    presenter: carol-singh\n---\n")
    assert run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False)).ok
    edit(meeting, "date: 2020-03-19\n", "date: 2020-03-19\nstatus: cancelled\n")
    warm = run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False))
    cold = run(Options(content=content, out=tmp_path / "cold", today=TODAY, search=False, cache=False))
    assert warm.ok and cold.ok
    assert "19 March 2020</a> (cancelled)" in (tmp_path / "cold/people/carol-singh/index.html").read_text()
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")


def test_a_damaged_cache_is_ignored(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    assert run(Options(content=content, out=tmp_path / "first", today=TODAY, search=False)).ok
    build_cache.cache_file(content, False).write_bytes(b"not a pickle")
    again = run(Options(content=content, out=tmp_path / "again", today=TODAY, search=False))
    assert again.ok and tree(tmp_path / "again") == tree(tmp_path / "first")


# ---- what an edit costs: records the edit did not touch are recognised, not re-examined ----------------


@pytest.fixture
def actions_session(tmp_path):
    return _started(tmp_path, "actions")


def test_records_an_edit_did_not_touch_stay_the_same_objects(actions_session):
    s, content, live, builds = actions_session
    before = s.index
    edit(content / "meetings/ccb/2019-11-21/actions.md", "status:", "status:  ")  # a whitespace-only edit
    outcome = s.rebuild()
    assert outcome.ok
    after = s.index
    old = {m.key: m for m in before.archive.meetings}
    for meeting in after.archive.meetings:
        assert (meeting is old[meeting.key]) == (meeting.key != "ccb/2019-11-21"), meeting.key
    # Actions whose history holds no update from the edited log keep their very Track; the others get a new one.
    edited = {k for k, t in after.tracks.items() if any(st.meeting.key == "ccb/2019-11-21" for st in t.steps)}
    assert edited and set(after.tracks) - edited
    for key, track in after.tracks.items():
        assert (track is before.tracks[key]) == (key not in edited), key
    assert_same_as_full_build(content, live, builds, outcome)


def test_an_edit_to_one_meeting_lists_only_that_meetings_texts_for_the_reference_scan(session, monkeypatch):
    import generator.backlinks as backlinks
    s, content, live, builds = session
    listed = []
    real = backlinks._meeting_texts
    monkeypatch.setattr(backlinks, "_meeting_texts", lambda index, meeting: listed.append(meeting.key) or
                        real(index, meeting))
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    outcome = s.rebuild()
    assert outcome.ok and set(listed) == {"ccb/2019-08-22"}
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_new_item_parses_only_its_own_meetings_texts_and_relinks_the_rest(session, monkeypatch):
    """Adding a minute changes what other meetings' references resolve to, but not their Markdown: only
    the texts in which something looks like a reference are resolved again, none of them parsed again."""
    import generator.backlinks as backlinks
    s, content, live, builds = session
    parsed, listed = [], []
    real_parse, real_texts = backlinks._parse, backlinks._meeting_texts
    monkeypatch.setattr(backlinks, "_parse", lambda text, where, *rest: parsed.append(where.meeting.key) or
                        real_parse(text, where, *rest))
    monkeypatch.setattr(backlinks, "_meeting_texts", lambda index, meeting: listed.append(meeting.key) or
                        real_texts(index, meeting))
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added to the July minutes\n\nNew item.\n")
    outcome = s.rebuild()
    assert outcome.ok and set(listed) == {"ccb/2019-07-18"} and set(parsed) == {"ccb/2019-07-18"}
    assert "/ccb/2019/ccbp-19-71/" in outcome.written  # resolved again: "CCBP/19/99" there is now a link
    assert_same_as_full_build(content, live, builds, outcome)


def test_checks_of_records_an_edit_did_not_touch_are_not_run_again_but_still_reported(actions_session,
                                                                                      monkeypatch):
    import generator.validate as validate
    s, content, live, builds = actions_session
    edit(content / "meetings/ccb/2019-07-18/minutes.md", "status: approved", "status: approved\napproved_at: ccb/2099-01-01")
    assert s.rebuild().ok
    checked = []
    real = validate.check_meeting
    monkeypatch.setattr(validate, "check_meeting", lambda meeting, *rest: checked.append(meeting.key) or
                        real(meeting, *rest))
    edit(content / "meetings/ccb/2019-11-21/actions.md", "Pilot report received at this meeting.",
         "Pilot report received at this meeting, with thanks.")
    outcome = s.rebuild()
    assert outcome.ok and checked == ["ccb/2019-11-21"]
    assert any("approved_at names no meeting" in d.message for d in outcome.report.items)  # found before, kept
    assert_same_as_full_build(content, live, builds, outcome)  # the same messages as a full build


def test_a_long_session_lets_replaced_records_go(session):
    """The digests of records carry over from rebuild to rebuild, but not the records an edit replaced."""
    import gc
    import weakref
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August is the revised finance paper")
    assert s.rebuild().ok
    old = weakref.ref(next(m for m in s.index.archive.meetings if m.key == "ccb/2019-08-22"))
    for n in range(3):  # as the preview rebuilds, which tidies the memo only while nobody saves (Session.tidy)
        edit(minutes, "revised finance paper", f"revised finance paper ({n})" if n == 0 else "revised finance paper")
        assert s.rebuild(files=False).ok
        s.write_files()
    gc.collect()
    assert old() is not None, "still held by the digests' memo"
    s.digests.forget_unused(now=True)
    gc.collect()
    assert old() is None
    assert_same_as_full_build(content, live, builds)


def test_the_data_files_after_an_edit_encode_only_the_edited_meetings_records(session, monkeypatch):
    from generator.exports import Exporter
    s, content, live, builds = session
    encoded = []
    real = Exporter.minutes_record
    monkeypatch.setattr(Exporter, "minutes_record", lambda self, meeting, approver: encoded.append(meeting.key) or
                        real(self, meeting, approver))
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    outcome = s.rebuild()
    assert outcome.ok and "data/minutes.json" in outcome.files and encoded == ["ccb/2019-08-22"]
    assert_same_as_full_build(content, live, builds, outcome)  # minutes.json byte for byte as a full build's


def test_the_calendars_after_an_edit_write_out_only_the_edited_meetings_event(session, monkeypatch):
    import generator.ical
    s, content, live, builds = session
    made = []
    real = generator.ical.event
    monkeypatch.setattr(generator.ical, "event", lambda index, meeting, stamp: made.append(meeting.key) or
                        real(index, meeting, stamp))
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August is the revised finance paper")
    assert s.rebuild().ok  # the first calendars the session itself makes: every meeting's event
    made.clear()
    edit(minutes, "the revised finance paper", "the finance paper, revised again")
    outcome = s.rebuild()
    # The edited meeting is a new record, so the site's calendar and its body's are made again (with the same
    # bytes: a discussion is not in a calendar); its event is made once, for both, and no other meeting's is.
    assert outcome.ok and made == ["ccb/2019-08-22"]
    assert_same_as_full_build(content, live, builds, outcome)  # the calendars byte for byte as a full build's


def test_a_revised_update_in_a_later_log_changes_the_actions_history_everywhere(actions_session):
    s, content, live, builds = actions_session
    edit(content / "meetings/ccb/2019-09-19/actions.md", "due: November 2019", "due: December 2019")
    outcome = s.rebuild()
    assert outcome.ok and any(url.startswith("/ccb/actions/") for url in outcome.written)
    assert_same_as_full_build(content, live, builds, outcome)
    edit(content / "meetings/ccb/2019-09-19/actions.md", "    closed: yes\n", "")  # reopened
    outcome = s.rebuild()
    assert outcome.ok
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_preview_open_past_an_actions_due_date_says_on_its_meetings_page_that_it_is_overdue(tmp_path, monkeypatch):
    """The preview dates the site by the clock at each rebuild: the JC's action due 31 August, on the first rebuild
    of 1 September, is overdue on the page of the meeting that raised it (its "Actions raised" table), its minute's
    page and its owner's pages, as on a full build that day, though no file changed and the meeting's records are
    the very same objects."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "actions", content)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1567252800")  # noon on 31 August 2019
    s = Session(Options(content=content, out=live, search=False))
    assert s.rebuild().ok
    raised_at = live / "jc/2019/2019-08-01/index.html"
    assert "Overdue" not in raised_at.read_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1567339200")  # noon on 1 September
    outcome = s.rebuild()
    assert outcome.ok and "/jc/2019/2019-08-01/" in outcome.written
    assert '<strong class="overdue">Overdue</strong></td>' in raised_at.read_text()
    assert {"/jc/2019/2019-08-01/item-4/", "/people/bob-jones/", "/people/bob-jones/2019/"} <= set(outcome.written)
    assert "/people/ann-smith/" not in outcome.written  # whose action is closed
    full = run(Options(content=content, out=tmp_path / "full", today=dt.date(2019, 9, 1), search=False, cache=False))
    assert full.ok and tree(live) == tree(tmp_path / "full")


def test_a_new_item_relinks_an_action_history_that_cites_it(actions_session):
    """An update's progress shows on the action's page, the body's tracker and the owner's page, none of them
    the page of the meeting whose log holds it; a minute added elsewhere must still turn its reference
    into a link there."""
    s, content, live, builds = actions_session
    edit(content / "meetings/ccb/2019-11-21/actions.md", "Pilot report received at this meeting.",
         "Pilot report received at this meeting; see CCBP/19/95.")
    assert s.rebuild().ok
    (content / "meetings/ccb/2019-09-19/minutes.md").write_text(
        "---\nstatus: approved\n---\n## CCBP/19/95 Pilot evaluation\n\nNoted.\n")
    outcome = s.rebuild()
    assert outcome.ok and "/ccb/actions/ccbp-19-60-1/" in outcome.written
    assert_same_as_full_build(content, live, builds, outcome)


def test_the_preview_writes_pages_first_and_the_data_files_after(session):
    s, content, live, builds = session
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    minutes_data = (live / "data/minutes.json").read_bytes()
    outcome = s.rebuild(files=False)
    assert outcome.ok and "/ccb/2019/ccbp-19-71/" in outcome.written
    assert "revised finance paper" in (live / "ccb/2019/ccbp-19-71/index.html").read_text()
    assert (live / "data/minutes.json").read_bytes() == minutes_data  # not yet
    assert s.write_files() == ["data/minutes.json", "data/minutes/ccb/2019.json", "data/index.json"]  # and their sums
    assert s.write_files() == []  # written once
    assert_same_as_full_build(content, live, builds)


def test_a_full_rebuilds_files_are_written_even_when_another_rebuild_comes_first(session):
    s, content, live, builds = session
    edit(content / "site.yaml", "title:", "title: New")  # the site's title is on every page and in every feed
    assert s.rebuild(files=False).ok
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    assert s.rebuild(files=False).ok
    s.write_files()
    assert_same_as_full_build(content, live, builds)


# ---- starting the preview: a build that reuses the preview's own build cache ----------------------------


def test_a_restarted_preview_renders_only_what_changed_while_it_was_stopped(session):
    s, content, live, builds = session
    (live / "pagefind").mkdir()
    (live / "pagefind" / "pagefind.js").write_text("// the preview's own search index")
    again = Session(Options(content=content, out=live, today=TODAY, search=False))
    first = again.rebuild()
    assert first.ok and first.full and first.rendered == 0
    assert (live / "pagefind" / "pagefind.js").read_text() == "// the preview's own search index"  # kept
    s.rebuild()  # nothing to do
    edit(content / "meetings/ccb/2019-08-22/minutes.md", "Paper C in August is the finance paper",
         "Paper C in August is the revised finance paper")
    restarted = Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild()
    pages = len(list(live.rglob("index.html")))
    assert restarted.ok and 0 < restarted.rendered < pages / 2  # the edited meeting's pages and what lists it
    assert "/ccb/2019/ccbp-19-71/" in restarted.written and len(restarted.written) == restarted.rendered
    (live / "pagefind" / "pagefind.js").unlink()
    (live / "pagefind").rmdir()
    assert_same_as_full_build(content, live, builds)


def test_a_preview_started_after_the_content_went_back_shows_the_content_not_what_the_last_session_wrote(
        session):
    """The session writes into its folder after its first build recorded it; a preview started later must
    not take the pages the session wrote for the record's (cache.touched_file). Here a clerk's edits are
    undone while the preview is stopped (a branch checked out again): the wording, and an item the session
    added, whose page must go."""
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    original = minutes.read_text()
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August is the revised finance paper")
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added in the session\n\nA new item.\n")
    assert s.rebuild().ok and (live / "ccb/2019/ccbp-19-99/index.html").is_file()
    minutes.write_text(original)
    restarted = Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild()
    assert restarted.ok and 0 < restarted.rendered < len(list(live.rglob("index.html"))) / 2
    assert not (live / "ccb/2019/ccbp-19-99").exists()
    assert "/ccb/2019/ccbp-19-99/" in restarted.deleted  # serve's log counts it among the pages removed
    assert "revised" not in (live / "ccb/2019/ccbp-19-71/index.html").read_text()
    assert_same_as_full_build(content, live, builds)
    assert not build_cache.touched_file(build_cache.cache_file(content, False, purpose="preview")).exists()
    assert Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild().rendered == 0


def test_a_preview_started_after_a_session_that_added_an_item_keeps_its_page(session):
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    minutes.write_text(minutes.read_text() + "\n## CCBP/19/99 Added in the session\n\nA new item.\n")
    assert s.rebuild().ok
    restarted = Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild()
    assert restarted.ok and "/ccb/2019/ccbp-19-99/" in restarted.written
    assert (live / "ccb/2019/ccbp-19-99/index.html").is_file()
    assert_same_as_full_build(content, live, builds)


def test_the_preview_and_the_build_keep_separate_caches(session, tmp_path):
    s, content, live, builds = session
    site = tmp_path / "site"
    assert run(Options(content=content, out=site, today=TODAY, search=False)).rendered is None  # the first: whole
    assert Session(Options(content=content, out=live, today=TODAY, search=False)).rebuild().rendered == 0
    again = run(Options(content=content, out=site, today=TODAY, search=False))
    assert again.ok and again.rendered == 0  # still warm: the preview did not take the build's record over
    caches = build_cache.cache_file(content, False, purpose="preview"), build_cache.cache_file(content, False)
    assert caches[0] != caches[1] and all(cache.is_file() for cache in caches)


def test_writing_the_data_files_stops_for_the_next_save_and_finishes_later(session):
    s, content, live, builds = session
    edit(content / "site.yaml", "title:", "title: New")  # every feed, calendar and data file changes
    assert s.rebuild(files=False).ok
    asked = []
    first = s.write_files(stop=lambda: asked.append(1) or True)  # another save is waiting
    assert len(asked) == 1 and len(first) <= 1
    rest = s.write_files()
    assert len(rest) >= 5 and s.write_files() == []
    assert_same_as_full_build(content, live, builds)


def test_a_template_error_in_a_meetings_pages_writes_nothing_and_its_fix_recovers(session):
    s, content, live, builds = session
    before = tree(live)
    (content / "templates").mkdir()
    broken = (Path(__file__).parent.parent / "templates" / "item.html").read_text().replace(
        "{% block content %}", "{% block content %}{{ no_such_variable }}", 1)
    assert "no_such_variable" in broken
    (content / "templates" / "item.html").write_text(broken)
    outcome = s.rebuild()
    assert not outcome.ok and tree(live) == before
    assert any("template error" in d.message and "no_such_variable" in d.message for d in outcome.report.errors)
    (content / "templates" / "item.html").unlink()
    outcome = s.rebuild()
    assert outcome.ok
    assert_same_as_full_build(content, live, builds, outcome)


FREEZE_PROBE = r'''
import collections, datetime as dt, gc, sys
from pathlib import Path
from generator.build import Options
from generator import incremental
from generator.incremental import Session
content, out = Path(sys.argv[1]), Path(sys.argv[2])
gc.disable()  # as the preview does (serve.py)
s = Session(Options(content=content, out=out, today=dt.date(2020, 1, 1), search=False))
assert s.rebuild().ok
minutes = content / "meetings/ccb/2019-08-22/minutes.md"
edits = [("stay as they are.", "stay as they are. Noted."), (" Noted.", "\n\n## CCBP/19/80 New\n\nNoted."),
         ("## CCBP/19/71 Finance", "## CCBP/19/71 Money"), ("\n\n## CCBP/19/80 New\n\nNoted.", "")]
for old, new in edits:
    minutes.write_text(minutes.read_text().replace(old, new))
    s.quick([minutes])
    assert s.rebuild(files=False).ok
    s.write_files()
    s.between_saves()  # what serve.Preview._collect does while nobody saves
gc.unfreeze()
gc.set_debug(gc.DEBUG_SAVEALL)
gc.collect()
print(dict(collections.Counter(type(o).__qualname__ for o in gc.garbage)))
'''


def test_what_the_preview_freezes_between_saves_never_becomes_a_reference_cycle(tmp_path):
    """The preview freezes what survives each collection (serve.Preview._collect), so the next one looks only
    at what the saves since made; a reference cycle among frozen objects would never be collected. After edits
    of every kind, nothing that was frozen turns out to be such a cycle. In its own process: the test runner's
    own objects would be frozen too."""
    import subprocess
    import sys

    shutil.copytree(FIXTURES / "references", tmp_path / "content")
    done = subprocess.run([sys.executable, "-c", FREEZE_PROBE, str(tmp_path / "content"), str(tmp_path / "live")],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{}"


def test_a_build_after_a_preview_into_its_folder_renders_the_whole_site(tmp_path):
    """`minutebook serve --out site`: the preview writes into a folder whose pages `minutebook build`'s site
    record describes. Its first build swaps in a folder of its own (its own record does not describe the
    build's folder), so the build's record no longer matches the folder (update.same_folder), and the next
    build renders the whole site instead of keeping a page the preview changed."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    site = tmp_path / "site"
    assert run(Options(content=content, out=site, today=TODAY, search=False)).ok
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    original = minutes.read_text()
    edit(minutes, "Paper C in August is the finance paper", "Paper C in August is the revised finance paper")
    assert Session(Options(content=content, out=site, today=TODAY, search=False)).rebuild().ok
    assert "revised" in (site / "ccb/2019/ccbp-19-71/index.html").read_text()
    minutes.write_text(original)  # the clerk's edit undone, the preview stopped
    again = run(Options(content=content, out=site, today=TODAY, search=False))
    assert again.ok and again.rendered is None  # the whole site: the record no longer describes the folder
    assert "revised" not in (site / "ccb/2019/ccbp-19-71/index.html").read_text()
    assert_same_as_full_build(content, site, tmp_path)


def test_a_persons_year_page_without_records_left_is_removed_by_a_rebuild_and_by_a_build(session, tmp_path):
    """A person's page for a year (pages.person_pages) is there while the archive records them that year: the
    preview's rebuild and a build with the cache take it away with the last of their records, as a build
    from scratch does not make it."""
    s, content, live, builds = session
    assert (live / "people/mark-lewis/2019/index.html").is_file()  # his one record: in attendance in August
    assert run(Options(content=content, out=tmp_path / "site", today=TODAY, search=False)).ok
    assert (tmp_path / "site/people/mark-lewis/2019/index.html").is_file()
    edit(content / "meetings/ccb/2019-08-22/meeting.md",
         "  in_attendance:\n    - person: mark-lewis\n      for: [CCBP/19/71]\n", "")
    outcome = s.rebuild()
    assert outcome.ok and "/people/mark-lewis/2019/" in outcome.deleted
    assert not (live / "people/mark-lewis/2019").exists()
    assert_same_as_full_build(content, live, builds)
    warm = run(Options(content=content, out=tmp_path / "site", today=TODAY, search=False))
    assert warm.ok and not (tmp_path / "site/people/mark-lewis/2019").exists()
    assert (tmp_path / "site/people/mark-lewis/index.html").is_file()


def test_a_bodys_register_of_declarations_follows_a_declaration_added_changed_and_taken_out(session):
    """The register (pages.register_pages) shows each declaration the minutes record: the preview's rebuild
    writes it with the first, again when one is put right, and takes it away, and the body page's link to it,
    with the last, as a full build makes them."""
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    heading = "## CCBP/19/61 Community services (Paper C)\n"
    assert not (live / "ccb/declarations").exists()
    edit(minutes, heading, heading + "\n```item\ndeclarations:\n  - person: nora-brown\n"
         "    interest: A governor of the trust Paper C names\n    action: Left the room\n```\n")
    outcome = s.rebuild()
    assert outcome.ok and {"/ccb/", "/ccb/declarations/", "/ccb/declarations/2019/"} <= set(outcome.written)
    assert "A governor of the trust" in (live / "ccb/declarations/2019/index.html").read_text()
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "    action: Left the room\n", "    action: Stayed but did not vote\n")
    outcome = s.rebuild()
    assert outcome.ok and {"/ccb/declarations/", "/ccb/declarations/2019/"} <= set(outcome.written)
    assert "/ccb/" not in outcome.written
    assert "Stayed but did not vote" in (live / "ccb/declarations/index.html").read_text()
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "declarations:\n  - person: nora-brown\n", "declarations:\n  - name: Nora Brown\n")
    outcome = s.rebuild()
    assert outcome.ok and "/ccb/declarations/" in outcome.written
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "```item\ndeclarations:\n  - name: Nora Brown\n    interest: A governor of the trust Paper C names\n"
         "    action: Stayed but did not vote\n```\n", "")
    outcome = s.rebuild()
    assert outcome.ok and {"/ccb/declarations/", "/ccb/declarations/2019/"} <= set(outcome.deleted)
    assert "/ccb/" in outcome.written and not (live / "ccb/declarations").exists()
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_members_pages_follow_a_recorded_vote_added_changed_and_taken_out(session):
    """A recorded vote is on the pages of each member it names (pages.votes_of): the preview's rebuild writes
    them with the vote, again when how they voted or the motion is put right, and takes the vote off them with
    it, as a full build makes them."""
    s, content, live, builds = session
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    heading = "## CCBP/19/61 Community services (Paper C)\n"
    pages = {"/people/nora-brown/", "/people/nora-brown/2019/"}
    edit(minutes, heading, heading + "\n```item\nvotes:\n  - motion: That the plan be approved.\n"
         "    outcome: carried\n    recorded:\n      for: [nora-brown]\n```\n")
    outcome = s.rebuild()
    assert outcome.ok and pages <= set(outcome.written)
    assert "That the plan be approved." in (live / "people/nora-brown/index.html").read_text()
    assert_same_as_full_build(content, live, builds, outcome)
    # Who was there for the vote is in meeting.md, the vote in minutes.md: a save of either is checked again.
    # CCBP/19/62 was taken first: leaving during it is leaving before the vote on CCBP/19/61.
    meeting, present = content / "meetings/ccb/2019-07-18/meeting.md", "  present: [nora-brown]\n"
    edit(meeting, present, present + "  movements:\n    - person: nora-brown\n      event: left\n"
         "      item: CCBP/19/62\n")
    outcome = s.rebuild()
    full = run(Options(content=content, out=builds / "failed", today=TODAY, search=False, cache=False))
    assert not outcome.ok and [d.format() for d in outcome.report.errors] == [d.format() for d in full.report.errors]
    assert [d.message for d in outcome.report.errors] == ["Mrs Nora Brown is named as voting for on minute "
                                                          "CCBP/19/61, but the meeting's attendance says they left "
                                                          "during item CCBP/19/62, before it"]
    edit(meeting, "item: CCBP/19/62", "item: CCBP/19/61")  # during the item: before or after its vote
    outcome = s.rebuild()
    assert outcome.ok
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, heading + "\n```item\n", heading + "\n```item\ndeclarations:\n  - person: nora-brown\n"
         "    action: Left the room\n")
    outcome = s.rebuild()
    assert [d.message[:30] for d in outcome.report.items if d.path.endswith("2019-07-18/minutes.md")] == [
        "Mrs Nora Brown is named as vot"]
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "declarations:\n  - person: nora-brown\n    action: Left the room\n", "")
    edit(minutes, "    outcome: carried\n    recorded:\n      for:", "    outcome: lost\n    recorded:\n      against:")
    outcome = s.rebuild()
    assert outcome.ok and pages <= set(outcome.written)
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "That the plan be approved.", "That the revised plan be approved.")
    outcome = s.rebuild()
    assert outcome.ok and pages <= set(outcome.written)
    assert_same_as_full_build(content, live, builds, outcome)
    edit(minutes, "\n```item\nvotes:\n  - motion: That the revised plan be approved.\n    outcome: lost\n"
         "    recorded:\n      against: [nora-brown]\n```\n", "")
    outcome = s.rebuild()
    assert outcome.ok and pages <= set(outcome.written)
    assert "That the revised plan" not in (live / "people/nora-brown/index.html").read_text()
    assert_same_as_full_build(content, live, builds, outcome)


def test_a_vote_put_right_after_a_cached_build_gives_what_a_cold_build_gives(tmp_path):
    """A build in a new process knows a member's pages changed by the digests of what they show (the votes'
    items, fingerprint.py), not by comparing records: the motion reworded and the member's vote put right."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "archive", content)
    assert run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False)).ok
    edit(content / "meetings/tb/2019-03-14/minutes.md", "That the Healthy Weight Strategy 2019 to 2024 be approved.\n"
         "    outcome: carried\n    recorded:\n      for: [ada-lovelace, eve-turner, {name: Priya Shah}]\n"
         "      against: [frank-turner]\n      abstained: [carol-singh]",
         "That the Healthy Weight Strategy be approved as amended.\n    outcome: carried\n    recorded:\n"
         "      for: [ada-lovelace, eve-turner, {name: Priya Shah}, frank-turner]\n      abstained: [carol-singh]")
    warm = run(Options(content=content, out=tmp_path / "warm", today=TODAY, search=False))
    cold = run(Options(content=content, out=tmp_path / "cold", today=TODAY, search=False, cache=False))
    assert warm.ok and cold.ok
    assert "be approved as amended" in (tmp_path / "warm/people/frank-turner/index.html").read_text()
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
