"""Scaffolding (issue 6): `minutebook new meeting` and `minutebook new paper`.

Archives are copies, under tmp_path, of `tests/fixtures/actions/` (CCB numbered
`CCBP/{yy}/{n}` raises CCBP/19/60#1 and #jc-referral on 18 July 2019; the
19 September log leaves #1 amber and closes the referral; the 21 November log
closes #1; the per-meeting JC raises 2019-08-01/4#1, never updated) and of
`tests/fixtures/references/` (CCB has no members; its 22 August 2019 meeting
records who was present; its numbers run to CCBP/19/72).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from generator import scaffold
from generator.build import Options, run
from generator.diagnostics import Report
from generator.loader import load_archive
from generator.model import Body, Numbering
from generator.resolve import resolve
from generator.yamltext import parse
from helpers import JC_MEETING, JC_MINUTES, council_numbered, edit

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2020, 6, 1)
CCB_MEMBERS = """---
name: Commissioning Collaborative Board
short_name: CCB
numbering: "CCBP/{yy}/{n}"
venue: "Room 1: St John's House, Leicester"
members:
  - person: ann-smith
    role: Chair
    organisation: NHS West Leicestershire CCG
    from: 2019-01-01
  - person: bob-jones
    role: Lay Member
    to: 2019-12-31
  - name: Carol White
    role: Finance Director
    from: 2020-06-01
---
"""


def copy(tmp_path: Path, fixture: str) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / fixture, target)
    return target


@pytest.fixture
def actions(tmp_path) -> Path:
    """The actions fixture, with CCB given a venue and members, and CCBP/19/60#1 left open.

    The 21 November log (which closed #1) is removed, so after that meeting #1
    is open (amber) and the referral closed.
    """
    content = copy(tmp_path, "actions")
    (content / "bodies" / "ccb.md").write_text(CCB_MEMBERS, encoding="utf-8")
    (content / "meetings" / "ccb" / "2019-11-21" / "actions.md").unlink()
    return content


def problems(content: Path, drafts: bool = False) -> list[tuple[str, int, str, str]]:
    """What a build reports (with --drafts: on the draft minutes' text too), hints aside.

    Hints are left out because they list what exists ("nearest existing: ..."),
    which a new meeting rightly changes.
    """
    result = run(Options(content=content, today=TODAY, drafts=drafts, search=False), write=False)
    return [(d.path, d.line, d.severity, d.message) for d in result.report.sorted()]


def load(content: Path):
    report = Report(root=content)
    archive = load_archive(content, report)
    assert report.errors == [], [d.format() for d in report.errors]
    return resolve(archive)


def new_meeting(content: Path, body: str, date: str, folder: str | None = None, first: str | None = None,
                reconvenes: str | None = None) -> list[Path]:
    plan = scaffold.plan_meeting(content, body, dt.date.fromisoformat(date), folder, first, reconvenes)
    return scaffold.write_all(plan.files, content)


def minute_refs(meeting) -> list[tuple[str, str]]:
    return [(item.ref, item.title) for item in meeting.minutes.items]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def said(refusal: scaffold.Refused) -> list[str]:
    """What `minutebook new` prints for a refusal: each problem in a file, else what was wrong with an option."""
    return [d.format() for d in refusal.problems] or [refusal.summary]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


# ---- numbering ------------------------------------------------------------------------

def body(numbering: str | None) -> Body:
    return Body("b", "Board", "B", Numbering(numbering))


def test_pattern_numbers_continue_from_the_highest_of_the_same_year():
    used = {"CCBP/19/60", "CCBP/19/72", "CCBP/19/9", "CCBP/18/98"}
    assert scaffold.next_numbers(body("CCBP/{yy}/{n}"), used, 2019, 3) == ["CCBP/19/73", "CCBP/19/74", "CCBP/19/75"]


def test_pattern_numbers_start_again_at_1_in_a_year_with_no_numbers():
    used = {"CCBP/19/72", "CCBP/18/98"}
    assert scaffold.next_numbers(body("CCBP/{yy}/{n}"), used, 2020, 2) == ["CCBP/20/1", "CCBP/20/2"]
    assert scaffold.next_numbers(body("M{yyyy}-{n}"), {"M2019-4"}, 2020, 1) == ["M2020-1"]


def test_a_body_printing_zeros_in_front_gets_its_next_numbers_printed_so():
    """`new meeting` writes the headings the clerk would: C/2024/047 after C/2024/046, for C/{yyyy}/{nnn}."""
    printing = Body("b", "Board", "B", Numbering("C/{yyyy}/{n}", 3))
    assert scaffold.next_numbers(printing, {"C/2024/46", "C/2024/9"}, 2024, 2) == ["C/2024/047", "C/2024/048"]
    assert scaffold.next_numbers(printing, {"C/2024/999"}, 2024, 1) == ["C/2024/1000"]


def test_a_pattern_without_a_year_never_restarts():
    assert scaffold.next_numbers(body("M-{n}"), {"M-41", "M-7"}, 2031, 2) == ["M-42", "M-43"]


def test_per_meeting_numbers_start_at_1():
    assert scaffold.next_numbers(body(None), {"4", "12"}, 2019, 3) == ["1", "2", "3"]


def test_long_dates_are_the_form_the_linker_recognises_whatever_the_locale():
    assert scaffold.long_date(dt.date(2019, 8, 1)) == "1 August 2019"


def test_a_first_meeting_has_no_previous_minutes_or_matters_arising():
    titles = [s.title for s in scaffold.standing_items(body("B/{n}"), None, "2019-01-10", 0)]
    assert titles == ["Apologies for absence", "Declarations of interest", "Any other business",
                      "Date of next meeting"]


def test_the_agenda_comment_of_a_first_meeting_says_where_the_business_goes_among_what_is_written():
    """It said to add the business after matters arising, which a body's first meeting does not have."""
    standing = scaffold.standing_items(body("B/{n}"), None, "2019-01-10", 0)
    written = scaffold.meeting_md(body("B/{n}"), dt.date(2019, 1, 10), [], "",
                                  [(f"B/{n}", item) for n, item in enumerate(standing, 1)])
    lines = written.splitlines()
    assert lines[lines.index("agenda:") + 1] == (
        "  # standing items; add the meeting's business before 'Any other business' and renumber the last two (in "
        "minutes.md too)")


@pytest.mark.parametrize("text", ["no", "19:00", "a: b", "# not a comment", "", " lead", "it's", '"quoted"',
                                  "two\nlines", "[a, b]", "@home", "Room 1, 8th Floor", "café – 5", "x\x85y",
                                  "null", "- dash", "CCBP/19/60#1", "2019-08-01/4#1"])
def test_yaml_values_read_back_as_exactly_the_text_written(text):
    report = Report()
    data = parse(f"k: {scaffold.scalar(text)}\n", "x.yaml", report)
    assert report.items == [] and data["k"] == text


# ---- new meeting: a body numbered by pattern --------------------------------------------

def test_pattern_body_meeting_has_venue_members_and_standing_items_with_the_next_numbers(actions):
    written = new_meeting(actions, "ccb", "2020-01-16")
    folder = actions / "meetings" / "ccb" / "2020-01-16"
    assert written == [folder / "meeting.md", folder / "minutes.md", folder / "actions.md"]
    meeting = load(actions).by_key["ccb/2020-01-16"]
    assert meeting.venue == "Room 1: St John's House, Leicester"
    assert "venue:" in (folder / "meeting.md").read_text(encoding="utf-8")  # written out, not just the default
    present = [(a.who.id, a.role, a.organisation) for a in meeting.attendance.present]
    assert present == [("ann-smith", "Chair", "NHS West Leicestershire CCG")]  # Mr Jones left; Ms White not yet
    assert [(a.ref, a.title) for a in meeting.agenda] == [
        ("CCBP/20/1", "Apologies for absence"), ("CCBP/20/2", "Declarations of interest"),
        ("CCBP/20/3", "Minutes of the meeting held on 21 November 2019"),
        ("CCBP/20/4", "Matters arising and action log"), ("CCBP/20/5", "Any other business"),
        ("CCBP/20/6", "Date of next meeting")]
    assert meeting.agenda[3].description == ("Matters arising from the meeting held on 21 November 2019, and "
                                             "progress on the 1 open action in the action log.")
    assert meeting.minutes.status == "draft"
    assert minute_refs(meeting) == [(a.ref, a.title) for a in meeting.agenda]


def test_minutes_left_draft_before_the_previous_meetings_are_approved_under_one_item_with_them(actions):
    """An extraordinary meeting between two ordinary ones approves no minutes: the next meeting was given only the
    extraordinary meeting's to approve, and the clerk, told of no others, left the earlier meeting's minutes draft,
    never published. Its item names every meeting whose minutes are still draft, back to the last approved."""
    new_meeting(actions, "ccb", "2020-01-16")
    new_meeting(actions, "ccb", "2020-01-30")
    new_meeting(actions, "ccb", "2020-03-19")
    meeting = load(actions).by_key["ccb/2020-03-19"]
    assert [a.title for a in meeting.agenda][2] == "Minutes of the meetings held on 16 January 2020 and 30 January 2020"
    minutes = (actions / "meetings" / "ccb" / "2020-03-19" / "minutes.md").read_text(encoding="utf-8")
    assert ("*Clerk to complete: record whether the minutes of each were approved as a correct record, with any "
            "corrections; then set `status: approved` and `approved_at: ccb/2020-03-19` in each one's minutes.md: "
            "`content/meetings/ccb/2020-01-16/minutes.md` and `content/meetings/ccb/2020-01-30/minutes.md`.*") \
        in minutes
    for folder in ("2020-01-16", "2020-01-30"):  # approved in March
        approved = actions / "meetings" / "ccb" / folder / "minutes.md"
        text = re.sub(r"^\*Clerk to complete: .*\*$", "Noted.", approved.read_text(encoding="utf-8"), flags=re.M)
        approved.write_text(text.replace("status: draft", "status: approved"), encoding="utf-8")
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 5, 21))
    assert "title: Minutes of the meeting held on 19 March 2020\n" in next(iter(plan.files.values()))


def test_items_the_previous_meeting_deferred_come_first_among_the_business_saying_where_from(actions, tmp_path):
    edit(actions, "meetings/ccb/2019-11-21/meeting.md", "date: 2019-11-21\n",
         "date: 2019-11-21\nagenda:\n  - ref: CCBP/19/80\n    title: Estates strategy\n    status: deferred\n"
         "  - ref: CCBP/19/81\n    title: Finance report\n    status: withdrawn\n")
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 16))
    assert plan.deferred == 1
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["ccb/2020-01-16"]
    assert [(a.ref, a.title) for a in meeting.agenda][3:6] == [
        ("CCBP/20/4", "Matters arising and action log"), ("CCBP/20/5", "Estates strategy"),
        ("CCBP/20/6", "Any other business")]  # the withdrawn item is not carried forward
    assert meeting.agenda[4].description == "Deferred from [[ccb/2019-11-21]]."
    assert minute_refs(meeting)[4] == ("CCBP/20/5", "Estates strategy")
    assert problems(actions) == problems(actions, drafts=True) == []
    assert run(Options(content=actions, out=tmp_path / "site", today=TODAY, search=False)).ok
    earlier = (tmp_path / "site" / "ccb" / "2019" / "2019-11-21" / "index.html").read_text(encoding="utf-8")
    assert 'href="/ccb/2020/2020-01-16/#agenda-ccbp-20-5"' in earlier  # "Referenced from" the new agenda item


def test_a_deferred_item_keeps_its_presenters_and_links_its_papers_where_they_were_published(actions, tmp_path):
    """`paper:` names the new meeting's own papers; the deferred item's stay in the earlier meeting's folder."""
    edit(actions, "meetings/ccb/2019-11-21/meeting.md", "date: 2019-11-21\n",
         "date: 2019-11-21\nagenda:\n  - ref: CCBP/19/80\n    title: Estates strategy\n    status: deferred\n"
         "    presenter: [ann-smith, {name: \"Dr Q: Estates\"}]\n    paper: [c, D]\n"
         "  - ref: CCBP/19/81\n    title: Land valuation\n    status: deferred\n    confidential: yes\n"
         "    presenter: bob-jones\n    paper: E\n")
    papers = actions / "meetings/ccb/2019-11-21/papers"
    papers.mkdir()
    for ref, private in (("C", "no"), ("D", "no"), ("E", "yes")):
        (papers / f"paper-{ref.lower()}.md").write_text(
            f"---\nref: {ref}\ntitle: Paper {ref}\nconfidential: {private}\n---\nText.\n", encoding="utf-8")
    scaffold.write_all(scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 16)).files, actions)
    estates, land = load(actions).by_key["ccb/2020-01-16"].agenda[4:6]
    assert [p.id or p.name for p in estates.presenter] == ["ann-smith", "Dr Q: Estates"]
    assert estates.description == ("Deferred from [[ccb/2019-11-21]], with its papers [[ccb/2019-11-21/papers/C]] "
                                   "and [[ccb/2019-11-21/papers/D]].")
    assert (land.confidential, [p.id for p in land.presenter]) == (True, ["bob-jones"])
    assert load(actions).by_key["ccb/2020-01-16"].minutes.items[5].confidential  # its minute, as its agenda item
    assert land.description == "Deferred from [[ccb/2019-11-21]]."  # its paper is confidential
    assert problems(actions) == []
    assert run(Options(content=actions, out=tmp_path / "site", today=TODAY, search=False)).ok
    html = (tmp_path / "site/ccb/2020/2020-01-16/index.html").read_text(encoding="utf-8")
    assert 'href="/ccb/2019/2019-11-21/papers/c/"' in html and "Bob Jones" not in html


def test_a_deferred_item_presented_by_the_chair_is_presented_by_the_chair_of_the_new_meeting(actions):
    """`presenter: Chair` names the meeting's chair (docs/content-format.md, people register): written as the
    chair's id, it named the earlier meeting's chair at the next meeting too."""
    edit(actions, "meetings/ccb/2019-11-21/meeting.md", "date: 2019-11-21\n",
         "date: 2019-11-21\nchair: ann-smith\nagenda:\n  - ref: CCBP/19/80\n    title: Estates strategy\n"
         "    status: deferred\n    presenter: Chair\n")
    written = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 16)).files
    meeting = next(text for path, text in written.items() if path.name == "meeting.md")
    assert "    title: Estates strategy\n    presenter:\n      - Chair\n" in meeting


def test_draft_minutes_hold_item_blocks_only_where_useful_and_an_instruction_in_each_item(actions):
    new_meeting(actions, "ccb", "2020-01-16")
    items = {i.title: i for i in load(actions).by_key["ccb/2020-01-16"].minutes.items}
    text = (actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md").read_text(encoding="utf-8")
    assert text.count("```item") == 3  # declarations, previous minutes, matters arising
    assert "<!--" not in text  # raw HTML is off: it would be published as text
    for item in items.values():
        assert item.body.startswith("*Clerk to complete: ") and item.body.endswith("*")
        assert (item.declarations, item.resolutions, item.actions) == ((), (), ())
    assert "`approved_at: ccb/2020-01-16`" in items["Minutes of the meeting held on 21 November 2019"].body


@pytest.mark.parametrize("minutes, told", [
    (True, "then set `status: approved` and `approved_at: tb/2020-03-12` in "
     "`content/meetings/tb/2020-01-16/minutes.md`."),
    (False, "add them as `content/meetings/tb/2020-01-16/minutes.md` with `status: approved` and "
     "`approved_at: tb/2020-03-12`."),
], ids=["minutes", "no-minutes"])
def test_the_previous_minutes_item_names_the_file_to_approve_them_in_from_the_archives_top(tmp_path, minutes, told):
    """The minutes item said to approve them "in that meeting's `minutes.md`", naming no file, where every other
    file the new files name is named from the archive's top folder (`content/bodies/tb.md`)."""
    content = copy(tmp_path, "archive")
    if not minutes:
        (content / "meetings/tb/2020-01-16/minutes.md").unlink()
    plan = scaffold.plan_meeting(content, "tb", dt.date(2020, 3, 12))
    assert told in plan.files[content / "meetings/tb/2020-03-12/minutes.md"]


def test_the_previous_meeting_without_minutes_has_its_minutes_item_say_where_to_add_them(actions):
    """An archive begun from an agenda pack (the JHSC's of 21 January 2019) has no minutes of that meeting: the next
    meeting's minutes told the clerk to set `status: approved` in "that meeting's `minutes.md`", a file there was
    none of."""
    assert not (actions / "meetings" / "ccb" / "2019-11-21" / "minutes.md").exists()  # its pack had an action log
    new_meeting(actions, "ccb", "2020-01-16")
    items = {i.title: i for i in load(actions).by_key["ccb/2020-01-16"].minutes.items}
    assert ("the archive has no minutes of that meeting: to publish them, add them as "
            "`content/meetings/ccb/2019-11-21/minutes.md` with `status: approved` and `approved_at: ccb/2020-01-16`."
            in items["Minutes of the meeting held on 21 November 2019"].body)


def test_the_declarations_block_names_the_bodys_types_of_interest_and_what_action_records(actions):
    """A declaration's type must be one of the body's; the minutes record the chair's decision with it."""
    edit(actions, "bodies/ccb.md", "venue:", "interest_types: [Financial interest, Indirect interest]\nvenue:")
    new_meeting(actions, "ccb", "2020-01-16")
    minutes = actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md"
    assert ("```item\ndeclarations: []  # one {person: id, type: ..., interest: ..., action: ...} per declaration\n"
            "# type: one of Financial interest, Indirect interest\n"
            "# action: what the chair decided, e.g. left the room for the item, or stayed but did not vote\n```\n"
            ) in minutes.read_text(encoding="utf-8")
    edit(actions, "meetings/ccb/2020-01-16/minutes.md", "declarations: []", "declarations:\n  - person: ann-smith\n"
         "    type: indirect interests\n    interest: Her husband is a partner of the practice\n"
         "    action: Left the room for the item")
    assert problems(actions) == []
    declared = load(actions).by_key["ccb/2020-01-16"].minutes.items[1].declarations
    assert [(d.who.id, d.type, d.action) for d in declared] == [("ann-smith", "Indirect interest",
                                                                 "Left the room for the item")]


def test_the_declarations_block_of_a_body_listing_no_types_names_minutebooks_own(actions):
    new_meeting(actions, "ccb", "2020-01-16")
    text = (actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md").read_text(encoding="utf-8")
    assert ("# type: one of Financial interest, Non-financial professional interest,\n"
            "#   Non-financial personal interest, Indirect interest, Disclosable pecuniary interest,\n"
            "#   Other registrable interest, Non-registrable interest\n") in text  # a type never split


def test_the_previous_minutes_item_shows_how_to_minute_a_vote_in_comments_that_read_as_one_once_uncommented(actions):
    """Minutes are often approved on a motion moved and seconded; the example is there to copy to any item."""
    new_meeting(actions, "ccb", "2020-01-16")
    minutes = actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md"
    text = minutes.read_text(encoding="utf-8")
    assert ('resolutions: []  # e.g. "**APPROVE** the minutes as a correct record"\n'
            "# votes:  # where a motion or amendment was put to the vote, here or under any item, e.g.\n"
            "#   - kind: motion                  # or amendment (with amends: what it amends), or substantive motion\n"
            "#     motion: That the minutes be approved as a correct record.\n") in text
    assert problems(actions, drafts=True) == []
    # uncommented, with the meeting's one member present as mover, a seconder not in the register, and its figures
    example = re.search(r"(# votes:.*?)\n```", text, re.DOTALL).group(1)
    written = re.sub(r"^# ?", "", example, flags=re.MULTILINE).replace("moved_by: person-id", "moved_by: ann-smith")
    written = written.replace("seconded_by: person-id", "seconded_by: {name: Carol White}")
    minutes.write_text(text.replace(example, written.replace("for: 9", "for: 1").replace("abstained: 1",
                                                                                          "abstained: 0")))
    assert problems(actions, drafts=True) == []
    vote, = load(actions).by_key["ccb/2020-01-16"].minutes.items[2].votes
    assert (vote.kind, vote.motion, vote.moved_by.id, vote.seconded_by.name, vote.outcome, vote.counts) == (
        "motion", "That the minutes be approved as a correct record.", "ann-smith", "Carol White", "carried",
        (1, 0, 0))


def test_open_actions_are_prefilled_with_their_latest_status_and_closed_ones_left_out(actions):
    new_meeting(actions, "ccb", "2020-01-16")
    log = load(actions).by_key["ccb/2020-01-16"].action_log
    assert [(u.action, u.status, u.progress, u.closed) for u in log.updates] == [
        ("CCBP/19/60#1", "amber", "", False)]  # #jc-referral was closed on 19 September
    text = (actions / "meetings" / "ccb" / "2020-01-16" / "actions.md").read_text(encoding="utf-8")
    assert ("  # CCBP/19/60#1 (Ms Ann Smith; due November 2019): Run the three-month pilot and report back.\n"
            "  - action: CCBP/19/60#1\n") in text


def test_an_open_actions_comment_gives_its_due_date_in_the_words_pages_give_it(actions):
    """The clerk checks the log against the tracker, which says "November 2019" for `due: 2019-11`."""
    log = actions / "meetings" / "ccb" / "2019-09-19" / "actions.md"
    log.write_text(log.read_text(encoding="utf-8").replace("due: November 2019", "due: 2019-11"), encoding="utf-8")
    new_meeting(actions, "ccb", "2020-01-16")
    text = (actions / "meetings" / "ccb" / "2020-01-16" / "actions.md").read_text(encoding="utf-8")
    assert "  # CCBP/19/60#1 (Ms Ann Smith; due November 2019): Run the three-month pilot and report back.\n" in text


REFERRAL = "Ask the Joint Committee to consider the pilot.\n"


def test_an_action_due_at_the_next_meeting_is_said_due_at_this_meeting_where_this_is_the_next(actions):
    """The meeting the body holds next after the one that set "next meeting" is the new one where the archive has
    none between them (the comment said "due next meeting", the meeting after this one to a clerk reading it), or
    where the one it has is later than the new one (it gave that meeting's date in brackets within brackets)."""
    log = actions / "meetings" / "ccb" / "2019-09-19" / "actions.md"
    log.write_text(log.read_text(encoding="utf-8").split("  - action: CCBP/19/60#jc-referral")[0] + "---\n",
                   encoding="utf-8")  # the referral left open
    new_meeting(actions, "ccb", "2019-08-15")
    text = (actions / "meetings" / "ccb" / "2019-08-15" / "actions.md").read_text(encoding="utf-8")
    assert f"  # CCBP/19/60#jc-referral (JC; due at this meeting): {REFERRAL}" in text
    for later in ("2019-08-15", "2019-09-19", "2019-11-21"):
        shutil.rmtree(actions / "meetings" / "ccb" / later)
    new_meeting(actions, "ccb", "2019-09-19")
    text = (actions / "meetings" / "ccb" / "2019-09-19" / "actions.md").read_text(encoding="utf-8")
    assert f"  # CCBP/19/60#jc-referral (JC; due at this meeting): {REFERRAL}" in text


def test_an_action_due_at_a_meeting_before_the_new_one_is_said_due_at_the_meeting_of_its_date(actions):
    log = actions / "meetings" / "ccb" / "2019-09-19" / "actions.md"
    log.write_text(log.read_text(encoding="utf-8").split("  - action: CCBP/19/60#jc-referral")[0] + "---\n",
                   encoding="utf-8")  # the referral left open
    new_meeting(actions, "ccb", "2020-01-16")
    text = (actions / "meetings" / "ccb" / "2020-01-16" / "actions.md").read_text(encoding="utf-8")
    assert f"  # CCBP/19/60#jc-referral (JC; due at the meeting of 19 September 2019): {REFERRAL}" in text


def test_an_action_is_taken_as_it_stood_on_the_new_date(tmp_path):
    content = copy(tmp_path, "actions")  # unchanged: #1 is closed on 21 November, after the new date
    new_meeting(content, "ccb", "2019-10-17")
    meeting = load(content).by_key["ccb/2019-10-17"]
    assert [(u.action, u.status) for u in meeting.action_log.updates] == [("CCBP/19/60#1", "amber")]
    assert meeting.agenda[0].ref == "CCBP/19/61"
    assert meeting.agenda[2].title == "Minutes of the meeting held on 19 September 2019"


def test_no_action_log_is_written_when_no_action_is_open(tmp_path):
    """Nor named: the standing item is "Matters arising", and its line to complete sends the clerk to no
    `actions.md`."""
    content = copy(tmp_path, "actions")  # both CCB actions are closed by 21 November
    written = new_meeting(content, "ccb", "2020-01-16")
    assert [p.name for p in written] == ["meeting.md", "minutes.md"]
    item = load(content).by_key["ccb/2020-01-16"].agenda[3]
    assert (item.title, item.description) == ("Matters arising",
                                              "Matters arising from the meeting held on 21 November 2019.")
    minutes = (content / "meetings" / "ccb" / "2020-01-16" / "minutes.md").read_text(encoding="utf-8")
    assert "Matters arising\n" in minutes and "actions.md`" not in minutes.partition("Matters arising")[2].split("##")[0]


def test_numbers_reserved_by_an_agenda_without_minutes_are_not_reused(actions):
    new_meeting(actions, "ccb", "2020-01-16")
    (actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md").unlink()
    new_meeting(actions, "ccb", "2020-03-19")
    assert load(actions).by_key["ccb/2020-03-19"].agenda[0].ref == "CCBP/20/7"


def test_the_previous_minutes_are_those_of_the_last_meeting_held_not_of_one_cancelled_since(actions):
    """A meeting called off between two held ones has no minutes to approve nor matters arising: the new
    meeting's standing items are the last held meeting's, whose minutes it approves."""
    (actions / "meetings" / "ccb" / "2019-12-19").mkdir()
    (actions / "meetings" / "ccb" / "2019-12-19" / "meeting.md").write_text(
        "---\nbody: ccb\ndate: 2019-12-19\nstatus: cancelled\n---\nCancelled.\n", encoding="utf-8")
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 16))
    assert plan.previous.key == "ccb/2019-11-21"
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["ccb/2020-01-16"]
    assert [a.title for a in meeting.agenda][2:4] == ["Minutes of the meeting held on 21 November 2019",
                                                      "Matters arising and action log"]
    assert meeting.agenda[3].description.startswith("Matters arising from the meeting held on 21 November 2019")


def test_new_meeting_writes_the_meeting_a_postponed_one_was_rearranged_to(actions):
    """`rearranged_to: 2020-01-16` is written when the meeting is postponed, before the new one is started: that
    error, a meeting named that is not there, is what `new meeting` puts right, and "fix them first" refused it."""
    (actions / "meetings" / "ccb" / "2019-12-19").mkdir()
    (actions / "meetings" / "ccb" / "2019-12-19" / "meeting.md").write_text(
        "---\nbody: ccb\ndate: 2019-12-19\nstatus: postponed\nrearranged_to: 2020-01-16\n---\nPostponed.\n",
        encoding="utf-8")
    assert [m for _, _, _, m in problems(actions)] == ["rearranged_to names no meeting 'ccb/2020-01-16'"]
    with pytest.raises(scaffold.Refused):  # another date is not the meeting it names
        scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 23))
    new_meeting(actions, "ccb", "2020-01-16")
    assert problems(actions) == []


def test_new_meeting_writes_the_sitting_an_adjourned_meeting_was_adjourned_to(actions):
    """`adjourned_to: 2019-11-28-reconvened` is written in the minutes' week, before the reconvened sitting is
    started: `new meeting` puts that error right, as it does a postponed meeting's rearranged_to."""
    meeting = actions / "meetings" / "ccb" / "2019-11-21" / "meeting.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "date: 2019-11-21\n", "date: 2019-11-21\nadjourned_to: 2019-11-28-reconvened\n"), encoding="utf-8")
    assert [m for _, _, _, m in problems(actions)] == ["adjourned_to names no meeting 'ccb/2019-11-28-reconvened'"]
    new_meeting(actions, "ccb", "2019-11-28", folder="2019-11-28-reconvened")
    assert problems(actions) == []


def test_members_fall_back_to_those_present_at_the_previous_meeting(tmp_path):
    content = copy(tmp_path, "references")
    written = new_meeting(content, "ccb", "2019-09-19")
    meeting = load(content).by_key["ccb/2019-09-19"]
    assert [(a.who.id, a.role) for a in meeting.attendance.present] == [
        ("sarah-prema", "Director of Strategy"), ("nora-brown", "")]
    assert meeting.agenda[0].ref == "CCBP/19/73"  # after CCBP/19/72, the highest number of the body
    assert "actions.md" not in [p.name for p in written]


def test_title_times_and_venue_are_as_at_the_last_meeting_held_where_the_bodys_file_gives_none(tmp_path):
    """A body whose file keeps no venue (JHSC's, as its pack gives it meeting by meeting) had each new meeting
    start without one, and without its own title and start time."""
    content = copy(tmp_path, "references")
    edit(content, "meetings/jhsc/2019-09-02/meeting.md", "date: 2019-09-02\n",
         'date: 2019-09-02\ntitle: Meeting of the Joint Health Scrutiny Committee\nstart: "14:00"\n'
         "end: 4.30pm\nvenue: City Hall, Leicester\n")
    assert load(content).by_key["jhsc/2019-09-02"].venue == "City Hall, Leicester"
    new_meeting(content, "jhsc", "2019-10-07")
    meeting = load(content).by_key["jhsc/2019-10-07"]
    assert (meeting.title, meeting.start, meeting.end, meeting.venue) == (
        "Meeting of the Joint Health Scrutiny Committee", "14:00", "16:30", "City Hall, Leicester")
    assert "# as at the meeting of 2 September 2019: check them" in (
        content / "meetings/jhsc/2019-10-07/meeting.md").read_text(encoding="utf-8")


def test_title_times_venue_and_those_present_are_the_last_ordinary_meetings_not_an_extraordinary_ones(tmp_path):
    """An extraordinary meeting, held in the morning in another room as a meeting of its own title, with those who
    could come: the meeting after it was given its title, times, venue and those present, where the clerk expects
    the body's ordinary pattern, as at the meeting before it."""
    content = copy(tmp_path, "references")
    edit(content, "meetings/ccb/2019-08-22/meeting.md", "date: 2019-08-22\n",
         'date: 2019-08-22\nstart: "14:00"\nend: "16:00"\nvenue: Room 1, St John\'s House\n')
    (content / "meetings/ccb/2019-09-05").mkdir()
    (content / "meetings/ccb/2019-09-05/meeting.md").write_text(
        "---\nbody: ccb\ndate: 2019-09-05\nkind: extraordinary\n"
        "title: Extraordinary Meeting of the Commissioning Collaborative Board\nstart: \"09:30\"\nend: \"10:00\"\n"
        "venue: Meeting Room G.01, County Hall\nattendance:\n  present: [nora-brown]\n---\n", encoding="utf-8")
    new_meeting(content, "ccb", "2019-09-19")
    meeting = load(content).by_key["ccb/2019-09-19"]
    assert (meeting.own_title, meeting.start, meeting.end, meeting.venue) == (
        False, "14:00", "16:00", "Room 1, St John's House")
    assert [a.who.id for a in meeting.attendance.present] == ["sarah-prema", "nora-brown"]
    text = (content / "meetings/ccb/2019-09-19/meeting.md").read_text(encoding="utf-8")
    assert "# as at the meeting of 22 August 2019: check them" in text
    assert "# those present at the meeting on 22 August 2019: move anyone absent" in text


def test_a_body_with_a_venue_in_its_file_keeps_it_and_a_meeting_without_a_title_gives_none(actions):
    new_meeting(actions, "ccb", "2020-01-16")
    meeting = load(actions).by_key["ccb/2020-01-16"]
    assert meeting.venue == "Room 1: St John's House, Leicester" and meeting.title == "CCB meeting"


# ---- new meeting: a body numbered per meeting -------------------------------------------

def test_per_meeting_body_numbers_from_1_and_prefills_its_open_action(actions):
    new_meeting(actions, "jc", "2019-10-03")
    meeting = load(actions).by_key["jc/2019-10-03"]
    assert [a.ref for a in meeting.agenda] == ["1", "2", "3", "4", "5", "6"]
    assert minute_refs(meeting)[2] == ("3", "Minutes of the meeting held on 1 August 2019")
    assert meeting.venue == "" and meeting.attendance.present == ()  # JC keeps neither
    assert [(u.action, u.status) for u in meeting.action_log.updates] == [("2019-08-01/4#1", "not-started")]


@pytest.mark.parametrize("agenda", [
    '  - ref: "1"\n    minute: "4"\n    title: Pilot referral\n',  # its agenda names its minute
    '  - ref: "1"\n    title: Pilot referral\n',  # its minute numbered above its agenda
])
def test_a_council_whose_minutes_run_on_through_the_year_gets_the_next_minutes_and_an_agenda_from_1(actions, agenda):
    """JC's August item 1 is minute 4: October's agenda numbers its items from 1, as the pack does, each naming
    its minute, 5 on."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", f"date: 2019-08-01\nagenda:\n{agenda}")
    new_meeting(actions, "jc", "2019-10-03")
    meeting = load(actions).by_key["jc/2019-10-03"]
    assert [(a.ref, a.minute) for a in meeting.agenda] == [("1", "5"), ("2", "6"), ("3", "7"), ("4", "8"), ("5", "9"),
                                                          ("6", "10")]
    assert minute_refs(meeting)[:3] == [("5", "Apologies for absence"), ("6", "Declarations of interest"),
                                        ("7", "Minutes of the meeting held on 1 August 2019")]
    new_meeting(actions, "jc", "2019-12-05")  # and on from there
    assert [(a.ref, a.minute) for a in load(actions).by_key["jc/2019-12-05"].agenda][:2] == [("1", "11"), ("2", "12")]


def test_cli_a_council_meeting_says_its_minutes_run_on_and_passes_check(actions, tmp_path):
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n",
         'date: 2019-08-01\nagenda:\n  - ref: "1"\n    minute: "4"\n    title: Pilot referral\n')
    done = cli("new", "meeting", "--body", "jc", "--date", "2019-10-03", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == (
        "standing items 1 to 6 recorded in minutes 5 to 10, after jc/2019-08-01; no one listed as present, as content/bodies/jc.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), 1 "
        "open action in the action log. Its minutes are numbered on from the previous meeting's: at the first "
        "meeting of a municipal year, number them from 1, and the agenda's `minute:` with them, or say in "
        "content/bodies/jc.md when the year begins (`year_starts: May`) for `minutebook new meeting` to do so. Replace the "
        "'Clerk to complete' lines, then run `minutebook check`."), done.stderr
    checked = cli("check", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0 and "0 errors, 0 warnings" in checked.stderr, checked.stderr


COUNCIL_AUGUST = 'date: 2019-08-01\nagenda:\n  - ref: "1"\n    minute: "4"\n    title: Pilot referral\n'


def _year_starts(content: Path, slug: str = "jc") -> None:
    """The body's municipal year begins in May, where its minutes start again at 1."""
    path = content / "bodies" / f"{slug}.md"
    path.write_text(re.sub(r"^(numbering: .*\n)", r"\1year_starts: May\n", path.read_text(encoding="utf-8"),
                           count=1, flags=re.M), encoding="utf-8")


def test_a_council_whose_file_says_when_its_year_begins_starts_its_minutes_again_at_1_there_and_on_from_them(
        actions):
    """JC's minute 4 of August 2019 was carried on to 5 in May 2020, where the council's minutes start again."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    before = problems(actions, drafts=True)
    new_meeting(actions, "jc", "2020-05-21")
    new_meeting(actions, "jc", "2020-06-18")
    archive = load(actions)
    assert [(a.ref, a.minute) for a in archive.by_key["jc/2020-05-21"].agenda][:2] == [("1", "1"), ("2", "2")]
    assert minute_refs(archive.by_key["jc/2020-05-21"])[0] == ("1", "Apologies for absence")
    assert [(a.ref, a.minute) for a in archive.by_key["jc/2020-06-18"].agenda][:2] == [("1", "7"), ("2", "8")]
    assert problems(actions, drafts=True) == before


@pytest.mark.parametrize("body, date, said", [
    ("jc", "2019-10-03", "standing items 1 to 6 recorded in minutes 5 to 10, after jc/2019-08-01; "
                         "no one listed as present, as content/bodies/jc.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), 1 open action in the action log. Its minutes are numbered on from the "
                         "previous meeting's, in JC's municipal year from 1 May 2019 (year_starts in content/bodies/jc.md)."),
    ("jc", "2020-05-21", "standing items 1 to 6 recorded in minutes 1 to 6, after jc/2019-08-01; "
                         "no one listed as present, as content/bodies/jc.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), 1 open action in the action log. Its minutes start again at 1, as the first "
                         "meeting of JC's municipal year from 1 May 2020 (year_starts in content/bodies/jc.md)."),
    ("xb", "2019-06-13", "standing items 1 to 4 recorded in minutes 1 to 4, the body's first meeting in the archive; "
                         "no one listed as present, as content/bodies/xb.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), no open action, so no action log. Its minutes start at 1, as "
                         "the first meeting in the archive of XB's municipal year from 1 May 2019 (year_starts in "
                         "content/bodies/xb.md): where the year's minutes had got further before the archive begins, "
                         "remove the meeting's folder and start it again with --first-number and its first minute's "
                         "number."),
])
def test_new_meeting_says_where_a_councils_minutes_run_on_from_or_start_again(actions, body, date, said):
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _new_body(actions, "per-meeting")
    _year_starts(actions, body)
    plan = scaffold.plan_meeting(actions, body, dt.date.fromisoformat(date))
    assert scaffold._meeting_summary(plan) == said + " Replace the 'Clerk to complete' lines, then run `minutebook " \
                                                     "check`."


def test_minutes_run_on_into_a_new_municipal_year_are_a_warning_once_the_body_says_when_it_begins(actions):
    """May 2020's minutes numbered on from August 2019's, as `new meeting` numbered them before JC's file said
    when its year begins."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    new_meeting(actions, "jc", "2020-05-21")
    _year_starts(actions)
    minutes = "meetings/jc/2020-05-21/minutes.md"
    line = (actions / minutes).read_text(encoding="utf-8").splitlines().index("## 5 Apologies for absence") + 1
    result = run(Options(content=actions, today=TODAY, search=False), write=False)
    assert [d.format() for d in result.report.sorted()] == [
        f"content/{minutes}:{line}: warning: minutes 5 to 10 run on from jc/2019-08-01's, but jc/2020-05-21 is the "
        "first meeting of JC's municipal year from 1 May 2020 (year_starts in content/bodies/jc.md), where its minutes start "
        "again at 1; number them from 1, and the agenda's `minute:` with them"]


def test_a_single_minute_run_on_into_a_new_municipal_year_is_named_as_one(actions):
    """A meeting of one minute, numbered on from the year before: 'minute 5 runs on', where it said 'minutes 5 to 5
    run on'."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    minutes = _council_meeting(actions, "2020-05-21", 5, 1)
    result = run(Options(content=actions, today=TODAY, search=False), write=False)
    assert [d.format() for d in result.report.sorted() if "municipal year" in d.message] == [
        f"content/{minutes}:4: warning: minute 5 runs on from jc/2019-08-01's, but jc/2020-05-21 is the first meeting "
        "of JC's municipal year from 1 May 2020 (year_starts in content/bodies/jc.md), where its minutes start again "
        "at 1; number them from 1, and the agenda's `minute:` with them"]


def _council_meeting(content: Path, day: str, first: int, count: int, kind: str = "") -> str:
    """A meeting of JC on `day` whose pack numbers its items from 1 and whose minutes are `first` on; its
    minutes.md."""
    folder = content / "meetings/jc" / day
    folder.mkdir()
    agenda = "".join(f'  - ref: "{n + 1}"\n    minute: "{first + n}"\n    title: Item {n + 1}\n' for n in range(count))
    (folder / "meeting.md").write_text(f"---\nbody: jc\ndate: {day}\n{kind}agenda:\n{agenda}---\n", encoding="utf-8")
    minutes = "".join(f"## {first + n} Item {n + 1}\n\nNoted.\n\n" for n in range(count))
    (folder / "minutes.md").write_text(f"---\nstatus: approved\n---\n{minutes}", encoding="utf-8")
    return f"meetings/jc/{day}/minutes.md"


def test_minutes_starting_again_at_1_after_minutes_of_the_same_municipal_year_are_a_warning(actions):
    """October 2019's minutes numbered from 1 again, after August's minute 4: the year's minutes 1 to 4 twice."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    minutes = _council_meeting(actions, "2019-10-03", 1, 2)
    result = run(Options(content=actions, today=TODAY, search=False), write=False)
    assert [d.format() for d in result.report.sorted() if "municipal year" in d.message] == [
        f"content/{minutes}:4: warning: the minutes start again at 1, but jc/2019-10-03 is not the first meeting "
        "of JC's municipal year from 1 May 2019 (year_starts in content/bodies/jc.md): jc/2019-08-01's minutes run to 4 "
        "before it; number them on from 5, and the agenda's `minute:` with them; or, where the year begins at this "
        "meeting, the council's annual meeting, say so with `kind: annual` in its meeting.md"]


@pytest.mark.parametrize("kind, said", [
    ("", ["content/meetings/jc/2020-05-07/minutes.md:4: warning: minutes 5 to 6 run on from jc/2019-08-01's, but "
          "jc/2020-05-07 is the first meeting of JC's municipal year from 1 May 2020 (year_starts in content/bodies/jc.md), "
          "where its minutes start again at 1; number them from 1, and the agenda's `minute:` with them",
          "content/meetings/jc/2020-06-11/minutes.md:4: warning: the minutes start again at 1, but jc/2020-06-11 "
          "is not the first meeting of JC's municipal year from 1 May 2020 (year_starts in content/bodies/jc.md): "
          "jc/2020-05-07's minutes run to 6 before it; number them on from 7, and the agenda's `minute:` with them; "
          "or, where the year begins at this meeting, the council's annual meeting, say so with `kind: annual` in "
          "its meeting.md"]),
    ("kind: annual\n", []),
], ids=["not-said", "annual"])
def test_a_councils_annual_meeting_begins_its_municipal_year_where_its_meeting_md_says_kind_annual(actions, kind,
                                                                                                 said):
    """The annual meeting put back to 11 June 2020 by an election: May's meeting before it is the last of the
    year 2019/20, its minutes running on from August's, and the annual meeting's start again at 1."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    _council_meeting(actions, "2020-05-07", 5, 2)
    _council_meeting(actions, "2020-06-11", 1, 2, kind)
    result = run(Options(content=actions, today=TODAY, search=False), write=False)
    assert [d.format() for d in result.report.sorted() if "municipal year" in d.message] == said


def test_new_meeting_before_a_councils_annual_meeting_in_may_carries_its_minutes_on_from_the_year_before(actions):
    """The annual meeting of 21 May 2020 begins the municipal year, not the first of May: the meeting of 7 May
    was numbered from 1, as the year's first, and the annual meeting's minutes then numbered the same again."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    _council_meeting(actions, "2020-05-21", 1, 2, "kind: annual\n")
    plan = scaffold.plan_meeting(actions, "jc", dt.date(2020, 5, 7))
    assert plan.minutes == ("5", "6", "7", "8", "9", "10")
    assert plan.minutes_said == "Its minutes are numbered on from the previous meeting's, in JC's municipal year " \
                                "from 1 May 2019 (year_starts in content/bodies/jc.md)."
    _council_meeting(actions, "2020-09-10", 3, 1)
    later = scaffold.plan_meeting(actions, "jc", dt.date(2020, 10, 1))
    assert later.minutes_said == "Its minutes are numbered on from the previous meeting's, in JC's municipal year " \
                                 "from 21 May 2020 (its annual meeting, `kind: annual`)."


def test_new_meeting_kind_annual_writes_the_kind_and_begins_the_councils_municipal_year_there(actions):
    """The annual meeting of 21 May 2020, after a meeting of 7 May that carried the year 2019/20's minutes on:
    without --kind the scaffold numbered it on from 7 May's (and check warned, once `kind: annual` was written)."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    _year_starts(actions)
    _council_meeting(actions, "2020-05-07", 5, 2)
    plan = scaffold.plan_meeting(actions, "jc", dt.date(2020, 5, 21), kind="annual")
    assert plan.minutes == ("1", "2", "3", "4", "5", "6", "7", "8")  # with its election of the chair and vice-chair
    assert scaffold._meeting_summary(plan).endswith(
        "Its minutes start again at 1, as the first meeting of JC's municipal year from 21 May 2020 (its annual "
        "meeting, `kind: annual`). Replace the 'Clerk to complete' lines, then run `minutebook check`.")
    scaffold.write_all(plan.files, actions)
    meeting_md = (actions / "meetings/jc/2020-05-21/meeting.md").read_text(encoding="utf-8")
    assert meeting_md.startswith("---\nbody: jc\ndate: 2020-05-21\nkind: annual\n")
    assert [p for p in problems(actions) if "municipal year" in p[3]] == []


@pytest.mark.parametrize("kind", ["annual", "Annual"])
def test_new_meeting_kind_annual_opens_with_the_election_of_the_chair_and_the_appointment_of_the_vice_chair(
        actions, kind):
    """The business every annual meeting opens with, under the outgoing chair: the scaffold began with the
    apologies, and the clerk wrote these two in by hand and renumbered every item after them."""
    before = problems(actions, drafts=True)
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 5, 21), kind=kind)
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["ccb/2020-05-21"]
    assert [(a.ref, a.title) for a in meeting.agenda[:3]] == [
        ("CCBP/20/1", "Election of Chair"), ("CCBP/20/2", "Appointment of Vice-Chair"),
        ("CCBP/20/3", "Apologies for absence")]
    assert minute_refs(meeting) == [(a.ref, a.title) for a in meeting.agenda]
    minutes = (actions / "meetings/ccb/2020-05-21/minutes.md").read_text(encoding="utf-8")
    assert minutes.split("## CCBP/20/3 ")[0].endswith(
        "## CCBP/20/1 Election of Chair\n\n```item\n"
        'resolutions: []  # e.g. "**ELECT** Councillor Jane Smith as Chair for the year"\n'
        "# chair: person-id  # the outgoing Chair, where they presided over the election and the meeting's `chair:` "
        "is the new one\n```\n\n"
        "*Clerk to complete: record who was elected Chair for the year, and who moved and seconded it; in a council "
        'with a Mayor, retitle this item "Election of Mayor" here and in `meeting.md`.*\n\n'
        "## CCBP/20/2 Appointment of Vice-Chair\n\n```item\n"
        'resolutions: []  # e.g. "**APPOINT** Councillor John Brown as Vice-Chair for the year"\n```\n\n'
        "*Clerk to complete: record who was appointed Vice-Chair for the year (Deputy Mayor, in a council with a "
        "Mayor).*\n\n")
    assert problems(actions, drafts=True) == before  # the draft minutes' blocks read as written


def test_new_meeting_of_another_kind_elects_no_chair(actions):
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 5, 21), kind="special")
    assert "Election of Chair" not in plan.files[actions / "meetings/ccb/2020-05-21/meeting.md"]


def test_new_meeting_kind_is_written_as_given_and_is_no_kind_of_a_reconvened_sitting(tmp_path, actions):
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2019, 12, 12), folder="2019-12-12-special", kind="special")
    assert "\nkind: special\n" in plan.files[actions / "meetings/ccb/2019-12-12-special/meeting.md"]
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_meeting(actions, "ccb", dt.date(2019, 12, 12), reconvenes="2019-11-21", kind="annual")
    assert said(refused.value) == ["--kind annual: a reconvened sitting is of the kind of the meeting it continues, "
                                   "which its meeting.md says; leave --kind out with --reconvenes"]



@pytest.mark.parametrize("kind", ["extraordinary", "Special", "Extraordinary Meeting"])
def test_new_meeting_called_for_a_purpose_takes_only_the_apologies_and_declarations_before_its_business(
        actions, kind):
    """An extraordinary (special) meeting takes only the business it was called for: it was given the previous
    meeting's minutes, matters arising, the action log, any other business and the date of the next meeting,
    which its standing orders do not let it take, and a comment saying to add its business before the last two."""
    before = problems(actions, drafts=True)
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2019, 12, 12), kind=kind)
    folder = actions / "meetings/ccb/2019-12-12"
    assert sorted(plan.files) == [folder / "meeting.md", folder / "minutes.md"]  # no action log: #1 is open
    assert scaffold._meeting_summary(plan) == (
        "standing items CCBP/19/61 and CCBP/19/62 (apologies and declarations), after ccb/2019-11-21; 2 attendees "
        "listed as present, no action log, as it takes only the business it was called for (1 open action is "
        "updated at the next meeting that takes the action log). Add that business to the agenda after the "
        "declarations, and to the minutes. Replace the 'Clerk to complete' lines, then run `minutebook check`.")
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["ccb/2019-12-12"]
    assert [(a.ref, a.title) for a in meeting.agenda] == [
        ("CCBP/19/61", "Apologies for absence"), ("CCBP/19/62", "Declarations of interest")]
    assert minute_refs(meeting) == [(a.ref, a.title) for a in meeting.agenda]
    lines = plan.files[folder / "meeting.md"].splitlines()
    assert lines[lines.index("agenda:") + 1] == (
        "  # the apologies and declarations; add the business the meeting was called for after them, as its notice "
        "gives it: it takes no other business")
    assert problems(actions, drafts=True) == before


def test_the_meeting_after_an_extraordinary_one_takes_the_matters_arising_and_deferred_items_of_the_one_before(
        actions):
    """The extraordinary meeting of 12 December took only its own business: the next meeting was given matters
    arising from it, and not the item 21 November deferred, which was lost. It approves both meetings' minutes, and
    takes the action log the extraordinary meeting did not."""
    edit(actions, "meetings/ccb/2019-11-21/meeting.md", "date: 2019-11-21\n",
         "date: 2019-11-21\nagenda:\n  - ref: CCBP/19/80\n    title: Estates strategy\n    status: deferred\n")
    scaffold.write_all(scaffold.plan_meeting(actions, "ccb", dt.date(2019, 12, 12), kind="extraordinary").files,
                       actions)
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2020, 1, 16))
    assert (plan.open_actions, plan.deferred) == (1, 1)
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["ccb/2020-01-16"]
    assert [a.title for a in meeting.agenda][2:5] == [
        "Minutes of the meeting held on 12 December 2019", "Matters arising and action log", "Estates strategy"]
    assert meeting.agenda[3].description == ("Matters arising from the meeting held on 21 November 2019, and "
                                             "progress on the 1 open action in the action log.")
    assert meeting.agenda[4].description == "Deferred from [[ccb/2019-11-21]]."


@pytest.mark.parametrize("kind, message", [
    ("reconvened", "--kind reconvened: a reconvened sitting is of the meeting it continues, and is made from it; "
                   "leave --kind out and give --reconvenes with the folder of the meeting that adjourned: the sitting "
                   "then takes the items it did not reach, under their numbers"),
    ("Adjourned meeting", "--kind Adjourned meeting: a reconvened sitting is of the meeting it continues, and is made "
                          "from it; leave --kind out and give --reconvenes with the folder of the meeting that "
                          "adjourned: the sitting then takes the items it did not reach, under their numbers"),
    ("inquorate", "--kind inquorate: whether a meeting was quorate is said by `quorate:` in its meeting.md, not by "
                  "its kind; leave --kind out, and write `quorate: no` in the meeting.md once the meeting has been "
                  "held"),
])
def test_new_meeting_refuses_a_kind_that_is_a_reconvened_sitting_or_a_meeting_inquorate(actions, kind, message):
    """Given as a kind, each was scaffolded as an ordinary meeting with every standing item: a reconvened sitting
    takes the items its meeting did not reach (--reconvenes), and a meeting inquorate says `quorate: no`."""
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_meeting(actions, "ccb", dt.date(2019, 12, 12), kind=kind)
    assert said(refused.value) == [message]
    assert not (actions / "meetings/ccb/2019-12-12").exists()

# ---- --first-number: where an archive begun part way through a year starts a body's numbers -------------------

def _new_body(content: Path, numbering: str) -> None:
    """A body the archive has no meeting of yet: its first meeting in the archive is held mid-year."""
    (content / "bodies/xb.md").write_text(f'---\nname: Extra Board\nshort_name: XB\nnumbering: "{numbering}"\n---\n',
                                          encoding="utf-8")


@pytest.mark.parametrize("numbering, first, numbers, after", [
    ("XB/{yy}/{n}", "xb / 19/40", ["XB/19/40", "XB/19/41", "XB/19/42", "XB/19/43"], "XB/19/44"),
    ("XB/{yyyy}/{nnn}", "XB/2019/40", ["XB/2019/040", "XB/2019/041", "XB/2019/042", "XB/2019/043"], "XB/2019/044"),
])
def test_a_first_number_numbers_the_meeting_from_it_and_the_next_meeting_carries_on_from_there(
        actions, numbering, first, numbers, after):
    _new_body(actions, numbering)
    before = problems(actions, drafts=True)
    new_meeting(actions, "xb", "2019-06-13", first=first)
    new_meeting(actions, "xb", "2019-07-11")
    folder = actions / "meetings/xb"
    assert headings(folder / "2019-06-13/minutes.md") == numbers  # as the body prints them
    assert re.findall(r"^  - ref: (.+)$", (folder / "2019-06-13/meeting.md").read_text(), re.M) == numbers
    assert headings(folder / "2019-07-11/minutes.md")[0] == after
    assert problems(actions, drafts=True) == before


def headings(minutes: Path) -> list[str]:
    return re.findall(r"^## (\S+)", minutes.read_text(encoding="utf-8"), re.M)


def test_the_back_catalogue_numbered_from_a_first_number_is_not_told_its_numbers_follow_later_meetings(actions):
    """The note that May's numbers follow July's (and are to be renumbered) is not true of numbers given."""
    plan = scaffold.plan_meeting(actions, "ccb", dt.date(2019, 5, 16), first="CCBP/19/40")
    assert plan.numbers == ("CCBP/19/40", "CCBP/19/41", "CCBP/19/42", "CCBP/19/43")
    assert scaffold._meeting_summary(plan) == (
        "standing items CCBP/19/40 to CCBP/19/43, the body's first meeting in the archive; 2 attendees listed as "
        "present, no open action, so no action log. Replace the 'Clerk to complete' lines, then run `minutebook "
        "check`.")


def test_a_first_number_for_a_council_numbering_per_meeting_numbers_its_minutes_from_it_under_the_packs_items(
        actions):
    """An archive begun part way through a council's municipal year: its minutes had got to 28. `--first-number`
    was refused for a body numbering per meeting, which left the clerk to renumber every minute and write each
    agenda item's `minute:` by hand."""
    before = problems(actions, drafts=True)
    plan = scaffold.plan_meeting(actions, "jc", dt.date(2019, 10, 3), first="29")
    scaffold.write_all(plan.files, actions)
    meeting = load(actions).by_key["jc/2019-10-03"]
    assert [(a.ref, a.minute) for a in meeting.agenda] == [("1", "29"), ("2", "30"), ("3", "31"), ("4", "32"),
                                                          ("5", "33"), ("6", "34")]
    assert minute_refs(meeting)[0] == ("29", "Apologies for absence")
    assert scaffold._meeting_summary(plan) == (
        "standing items 1 to 6 recorded in minutes 29 to 34, after jc/2019-08-01; no one listed as present, as content/bodies/jc.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), 1 "
        "open action in the action log. Its minutes are numbered from 29, as --first-number gives, and the meetings "
        "after it carry on from there. Replace the 'Clerk to complete' lines, then run `minutebook check`.")
    new_meeting(actions, "jc", "2019-12-05")
    assert [(a.ref, a.minute) for a in load(actions).by_key["jc/2019-12-05"].agenda][:2] == [("1", "35"), ("2", "36")]
    assert problems(actions, drafts=True) == before


@pytest.mark.parametrize("year_starts, of_year", [
    (True, " of JC's municipal year from 1 May 2019 (year_starts in content/bodies/jc.md)"),
    (False, ""),  # its run of minutes from the last meeting starting at 1: here, the archive's first
])
def test_a_first_number_a_councils_meeting_of_the_same_run_has_used_is_refused_with_the_next_free(
        actions, year_starts, of_year):
    """August 2019's minute 4: October's `--first-number 3` gave minutes 3 to 8, and the year two minute 4s."""
    edit(actions, "meetings/jc/2019-08-01/meeting.md", "date: 2019-08-01\n", COUNCIL_AUGUST)
    if year_starts:
        _year_starts(actions)
    before = tree(actions)
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "jc", "2019-10-03", first="3")
    assert said(refused.value) == [
        f"--first-number 3: the meeting's 6 minutes would be numbered 3 to 8, and jc/2019-08-01 already has minute "
        f"4{of_year}; each number is one minute's in the year's run of minutes: give --first-number 5, the next from "
        "which 6 numbers are unused"]
    assert tree(actions) == before


@pytest.mark.parametrize("body, first, message", [
    ("ccb", "CCBP-19-40", "--first-number CCBP-19-40: 'CCBP-19-40' is not one of CCB's minute numbers, which "
                          "content/bodies/ccb.md gives as CCBP/{yy}/{n}; give the number the meeting's first item is to have, "
                          "e.g. CCBP/19/70"),
    ("ccb", "CCBP/17/40", "--first-number CCBP/17/40: CCBP/17/40 is a number of 2017, and the meeting is on 16 May "
                          "2019; give a number of 2019 (or of the year before or after, for a body numbering by "
                          "financial year), e.g. CCBP/19/40"),
    ("ccb", "CCBP/19/58", "--first-number CCBP/19/58: the meeting's 4 items would be numbered CCBP/19/58 to "
                          "CCBP/19/61, and ccb/2019-07-18 already uses CCBP/19/60; a body uses each number once: give "
                          "a first number followed by 3 it has not used, or leave out --first-number to carry on from "
                          "CCBP/19/61, after the highest it has used"),
    ("jc", "5.1", "--first-number 5.1: JC numbers its minutes 1, 2, 3, ... (numbering: per-meeting in "
                  "content/bodies/jc.md), and '5.1' is not such a number; give the number of the meeting's first minute, "
                  "e.g. 29 where the minutes of the municipal year have got to 28"),
])
def test_a_first_number_that_is_no_number_of_the_body_or_of_the_year_or_is_used_is_refused(actions, body, first,
                                                                                            message):
    before = tree(actions)
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, body, "2019-05-16", first=first)
    assert said(refused.value) == [message]
    assert tree(actions) == before


# ---- --reconvenes: the reconvened sitting of a meeting adjourned part-way ------------------------

JULY_MEETING = "meetings/ccb/2019-07-18/meeting.md"


def adjourned_in_july(tmp_path: Path) -> Path:
    """The references archive with two items on July's agenda after those its minutes take (to CCBP/19/62), the
    first with its paper C: not reached before the meeting adjourned."""
    content = copy(tmp_path, "references")
    edit(content, JULY_MEETING, "    paper: C\n", "    paper: C\n  - ref: CCBP/19/63\n    title: Estates strategy\n"
         "    paper: C\n  - ref: CCBP/19/64\n    title: Workforce\n")
    return content


def test_a_reconvened_sitting_takes_the_items_the_first_did_not_reach_under_their_numbers_and_no_standing_items(
        tmp_path):
    content = adjourned_in_july(tmp_path)
    written = new_meeting(content, "ccb", "2019-07-25", folder="2019-07-25-reconvened", reconvenes="2019-07-18")
    assert sorted(p.name for p in written) == ["meeting.md", "minutes.md"]  # no action log: the meeting goes on
    edit(content, JULY_MEETING, "date: 2019-07-18\n", "date: 2019-07-18\nadjourned_to: 2019-07-25-reconvened\n")
    sitting = load(content).by_key["ccb/2019-07-25-reconvened"]
    assert [(item.ref, item.title, item.description) for item in sitting.agenda] == [
        ("CCBP/19/63", "Estates strategy", "Not reached at [[ccb/2019-07-18]], with its paper "
                                           "[[ccb/2019-07-18/papers/C]]."),
        ("CCBP/19/64", "Workforce", "Not reached at [[ccb/2019-07-18]].")]
    assert minute_refs(sitting) == [("CCBP/19/63", "Estates strategy"), ("CCBP/19/64", "Workforce")]
    assert sitting.title == "CCB meeting" and [a.who.id for a in sitting.attendance.present] == ["nora-brown"]
    # the numbers run on, and July's agenda links them here: nothing said of either sitting (the fixture's
    # references to what no archive has are warned of elsewhere)
    assert [found for found in problems(content, drafts=True) if "ccb/2019-07" in found[0]] == []


def test_a_reconvened_sitting_of_a_meeting_whose_minutes_take_every_item_is_numbered_on_from_their_last(tmp_path):
    content = copy(tmp_path, "references")
    new_meeting(content, "ccb", "2019-07-25", reconvenes="2019-07-18")
    sitting = load(content).by_key["ccb/2019-07-25"]
    assert minute_refs(sitting) == [("CCBP/19/63", "Business of the meeting of 18 July 2019")]  # after CCBP/19/62


def test_a_councils_reconvened_sitting_keeps_the_packs_numbers_each_item_naming_its_minute(tmp_path):
    """The joint committee numbered as a council numbers it (the pack's items 1, 5, 5.1 and 7 are minutes 41 to
    44), adjourned before item 7: the sitting's agenda gave it as item 44, its minute's number, and item 7's
    `minute: "44"`, which the first sitting's minutes have not got, was an error that refused the command until
    the sitting was written."""
    content = copy(tmp_path, "archive")
    council_numbered(content)
    minutes = (content / JC_MINUTES).read_text(encoding="utf-8")
    (content / JC_MINUTES).write_text(minutes[:minutes.index("## 44 ")], encoding="utf-8")
    plan = scaffold.plan_meeting(content, "jc", dt.date(2019, 11, 12), reconvenes="2019-11-05")
    scaffold.write_all(plan.files, content)
    edit(content, JC_MEETING, "title: Joint Committee\n", "title: Joint Committee\nadjourned_to: 2019-11-12\n")
    sitting = load(content).by_key["jc/2019-11-12"]
    assert [(item.ref, item.minute) for item in sitting.agenda] == [("7", "44")]
    assert minute_refs(sitting) == [("44", "Call-in: Healthy Weight Strategy")]
    assert scaffold._sitting_summary(plan, Report(root=content)).startswith(
        "Reconvened sitting of jc/2019-11-05: 1 item 7 (minute 44), those jc/2019-11-05 did not reach, with no "
        "standing items;")
    assert [found for found in problems(content, drafts=True) if "meetings/jc/" in found[0]] == []


def test_a_councils_reconvened_sitting_whose_first_has_no_minutes_yet_takes_the_next_item_and_minute(tmp_path):
    content = copy(tmp_path, "archive")
    council_numbered(content)
    (content / JC_MINUTES).unlink()
    plan = scaffold.plan_meeting(content, "jc", dt.date(2019, 11, 12), reconvenes="2019-11-05")
    assert (plan.numbers, plan.minutes) == (("8",), ("45",))


def test_new_meeting_reconvenes_says_the_line_to_add_to_the_first_sittings_meeting_md(tmp_path, monkeypatch):
    """It does not write it: the command writes new files, every one or none, and never rewrites one."""
    content = adjourned_in_july(tmp_path)
    before = (content / JULY_MEETING).read_text(encoding="utf-8")
    monkeypatch.chdir(content.parent)
    out, err = io.StringIO(), io.StringIO()
    args = Namespace(content=Path("content"), new="meeting", body="ccb", date=dt.date(2019, 7, 25),
                     folder="2019-07-25-reconvened", first_number=None, reconvenes="2019-07-18")
    assert scaffold.command(args, out, err) == 0
    assert out.getvalue().splitlines()[-1] == (
        "Reconvened sitting of ccb/2019-07-18: 2 items CCBP/19/63 to CCBP/19/64, those ccb/2019-07-18 did not reach, "
        "with no standing items; 1 attendee listed as present. Add `adjourned_to: 2019-07-25-reconvened` to "
        "content/meetings/ccb/2019-07-18/meeting.md, after its date, so that its pages link this sitting and its "
        "agenda the minutes taken here. Replace the 'Clerk to complete' lines, then run `minutebook check`.")
    assert (content / JULY_MEETING).read_text(encoding="utf-8") == before


@pytest.mark.parametrize("written, day, message", [
    ("2019-07-19", "2019-07-25", "--reconvenes 2019-07-19: there is no meeting 'ccb/2019-07-19'; did you mean "
                                 "'2019-07-18'?"),
    ("jhsc/2019-09-02", "2019-09-10", "--reconvenes jhsc/2019-09-02: jhsc/2019-09-02 is a meeting of another body; a "
                                      "meeting reconvenes as the same body: give the folder of the meeting of ccb "
                                      "that adjourned"),
    ("2019-08-22", "2019-07-25", "--reconvenes 2019-08-22: ccb/2019-08-22 is on 22 August 2019, not before this "
                                 "sitting (25 July 2019); give the meeting that adjourned, and the sitting's own date "
                                 "in --date"),
], ids=["no-meeting", "another-body", "not-before"])
def test_new_meeting_reconvenes_refuses_a_meeting_the_sitting_cannot_continue(tmp_path, written, day, message):
    content = copy(tmp_path, "references")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_meeting(content, "ccb", dt.date.fromisoformat(day), reconvenes=written)
    assert said(refused.value) == [message]


@pytest.mark.parametrize("command, written, message", [
    ("meeting", "2019-08-02", "--reconvenes 2019-08-02: there is no meeting 'ccb/2019-08-02'; did you mean "
                              "'2019-08-01-private'? (its meeting of 1 August 2019 was held in private, which no link "
                              "reaches)"),
    ("paper", "ccb/2019-08-01-privat", "--meeting ccb/2019-08-01-privat: there is no meeting 'ccb/2019-08-01-privat'; "
                                       "did you mean 'ccb/2019-08-01-private'? (ccb/2019-08-01-private was held in "
                                       "private, which no link reaches)"),
    ("paper", "ccb/1 August 2019", "--meeting ccb/1 August 2019: there is no meeting 'ccb/1 August 2019'; did you "
                                   "mean ccb/2019-08-01 or ccb/2019-08-01-private (1 August 2019)? "
                                   "(ccb/2019-08-01-private was held in private, which no link reaches)"),
], ids=["reconvenes", "paper-folder", "paper-date"])
def test_a_meeting_offered_for_a_sitting_or_a_paper_is_said_to_be_held_in_private(tmp_path, command, written,
                                                                                  message):
    """CCB met in private on 1 August 2019 (and, for a paper named by that date, in public that day too): the
    private meeting was offered as any other, though a sitting continuing it links nothing to it, and a paper
    added to it is never published."""
    content = copy(tmp_path, "references")
    held = ("2019-08-01-private", "2019-08-01") if written.endswith("2019") else ("2019-08-01-private",)
    for folder in held:
        (content / "meetings/ccb" / folder).mkdir()
        session = "session: private\n" if folder.endswith("private") else ""
        (content / "meetings/ccb" / folder / "meeting.md").write_text(
            f"---\nbody: ccb\ndate: 2019-08-01\n{session}---\n", encoding="utf-8")
    with pytest.raises(scaffold.Refused) as refused:
        if command == "meeting":
            scaffold.plan_meeting(content, "ccb", dt.date(2019, 8, 10), reconvenes=written)
        else:
            scaffold.plan_paper(content, written, "D", "X")
    assert said(refused.value) == [message]


def test_new_meeting_reconvenes_refuses_a_meeting_that_did_not_take_place(tmp_path):
    content = copy(tmp_path, "references")
    edit(content, JULY_MEETING, "date: 2019-07-18\n", "date: 2019-07-18\nstatus: cancelled\n")
    edit(content, JULY_MEETING, "attendance:\n  present: [nora-brown]\n", "")
    (content / "meetings/ccb/2019-07-18/minutes.md").unlink()
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_meeting(content, "ccb", dt.date(2019, 7, 25), reconvenes="2019-07-18")
    assert said(refused.value) == ["--reconvenes 2019-07-18: ccb/2019-07-18 did not take place (its meeting.md says "
                                   "`status: cancelled`); give the meeting that adjourned"]


def test_new_meeting_reconvenes_refuses_a_meeting_adjourned_to_another_sitting(tmp_path):
    """Adjourned again at its reconvened sitting, the meeting continues from that sitting, the one to name."""
    content = copy(tmp_path, "references")
    edit(content, JULY_MEETING, "date: 2019-07-18\n", "date: 2019-07-18\nadjourned_to: 2019-08-22\n")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_meeting(content, "ccb", dt.date(2019, 9, 5), reconvenes="2019-07-18")
    assert said(refused.value) == ["--reconvenes 2019-07-18: ccb/2019-07-18 is adjourned to ccb/2019-08-22 already (at "
                                   "content/meetings/ccb/2019-07-18/meeting.md:4); a meeting adjourned again at its "
                                   "reconvened sitting continues there: give --reconvenes 2019-08-22, or correct that "
                                   "adjourned_to"]


# ---- the scaffold passes check and renders ------------------------------------------------

@pytest.mark.parametrize("fixture, body, date", [("actions", "ccb", "2020-01-16"), ("actions", "jc", "2019-10-03"),
                                                 ("references", "ccb", "2019-09-19"),
                                                 ("references", "jhsc", "2019-10-07")])
def test_the_scaffold_passes_check_with_and_without_drafts(tmp_path, fixture, body, date):
    content = copy(tmp_path, fixture)
    before = problems(content), problems(content, drafts=True)
    assert not any(severity == "error" for _, _, severity, _ in before[1])
    new_meeting(content, body, date)
    assert (problems(content), problems(content, drafts=True)) == before


def test_a_build_renders_the_new_meeting_page_linked_to_the_previous_one(actions, tmp_path):
    new_meeting(actions, "ccb", "2020-01-16")
    out = tmp_path / "site"
    result = run(Options(content=actions, out=out, today=TODAY, search=False, drafts=True))
    assert result.ok, [d.format() for d in result.report.sorted()]
    html = (out / "ccb" / "2020" / "2020-01-16" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/ccb/2019/2019-11-21/" class="xref">21 November 2019</a>' in html
    assert "Matters arising and action log" in html and "/ccb/actions/ccbp-19-60-1/" in html
    item = (out / "ccb" / "2020" / "ccbp-20-3" / "index.html").read_text(encoding="utf-8")
    assert "Clerk to complete" in item


def test_minutes_approved_with_an_instruction_of_the_scaffold_left_in_them_are_an_error_on_its_line(actions):
    """Marked approved, the minutes are published: the instruction would tell the public what the clerk was to do."""
    new_meeting(actions, "ccb", "2020-01-16")
    minutes = actions / "meetings" / "ccb" / "2020-01-16" / "minutes.md"
    lines = minutes.read_text(encoding="utf-8").replace("status: draft", "status: approved").split("\n")
    left = [n for n, line in enumerate(lines, start=1) if "Clerk to complete:" in line]
    assert len(left) == 6
    lines = [("Noted." if "Clerk to complete:" in line and n != left[-1] else line)
             for n, line in enumerate(lines, start=1)]
    minutes.write_text("\n".join(lines), encoding="utf-8")
    found = [p for p in problems(actions) if p[0].endswith("2020-01-16/minutes.md")]
    assert found == [(found[0][0], left[-1], "error", "the minutes are approved, but this line is still the "
                      "instruction `minutebook new meeting` left: 'Clerk to complete: give the date, time and venue of the next "
                      "meeting.'")]


# ---- refusals --------------------------------------------------------------------------

def test_a_meeting_folder_begun_without_its_meeting_md_is_refused_with_what_is_missing(actions):
    folder = actions / "meetings" / "ccb" / "2020-01-16"
    folder.mkdir(parents=True)
    (folder / "actions.md").write_text("keep me\n", encoding="utf-8")
    before = tree(actions)
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "ccb", "2020-01-16")
    assert [d.format() for d in refused.value.problems] == [
        "content/meetings/ccb/2020-01-16/actions.md:1: error: the folder '2020-01-16' has actions.md but no "
        "meeting.md, so none of it is published; add meeting.md with the meeting's body and date, or move the files "
        "into their meeting's folder"]
    assert tree(actions) == before


def test_nothing_is_written_when_any_target_exists(tmp_path):
    content = copy(tmp_path, "references")
    taken = content / "meetings" / "jhsc" / "2019-09-02" / "papers" / "report-b.md"
    taken.write_text("---\nref: C\nlabel: Report\ntitle: Kept\n---\nkeep me\n", encoding="utf-8")
    before = tree(content)
    plan = scaffold.plan_paper(content, "jhsc/2019-09-02", "B", "New", label="Report")
    assert list(plan.files) == [taken]  # ref B is free; the file name it would take is not
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.write_all(plan.files, content)
    assert [d.format() for d in refused.value.problems] == [
        "content/meetings/jhsc/2019-09-02/papers/report-b.md:1: error: the file already exists; nothing is ever "
        "overwritten: edit that file, or move it away for a fresh scaffold"]
    assert tree(content) == before


def test_a_write_that_fails_part_way_removes_the_files_and_folders_it_made(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    blocked = {content / "new" / "a.md": "a", content / "new" / "a.md" / "b.md": "b"}  # a.md cannot be a folder too
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.write_all(blocked, content)
    assert refused.value.problems[0].message.startswith("could not write the file")
    assert list(content.iterdir()) == []


def test_an_existing_meeting_and_a_second_meeting_on_one_day(actions):
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "ccb", "2019-09-19")
    assert refused.value.problems[0].format() == (
        "content/meetings/ccb/2019-09-19/meeting.md:1: error: the meeting ccb/2019-09-19 already exists; edit its "
        "files, or pass --folder 2019-09-19-special for another meeting that day")
    written = new_meeting(actions, "ccb", "2019-09-19", folder="2019-09-19-special")
    assert written[0] == actions / "meetings" / "ccb" / "2019-09-19-special" / "meeting.md"
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "ccb", "2019-07-18", folder="2019-07-18")
    assert "already exists" in refused.value.problems[0].message


def test_a_second_meeting_on_one_day_needs_its_own_folder_name(actions):
    meetings = actions / "meetings" / "ccb"
    (meetings / "2019-11-21").rename(meetings / "board-2019-11-21")
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "ccb", "2019-11-21")
    assert refused.value.problems[0].format() == (
        "content/meetings/ccb/board-2019-11-21/meeting.md:1: error: ccb already meets on 2019-11-21 (folder "
        "board-2019-11-21); pass --folder 2019-11-21-special for a second meeting that day")
    assert not (meetings / "2019-11-21").exists()


def test_an_archive_with_errors_is_refused_before_anything_is_written(actions):
    (actions / "meetings" / "ccb" / "2019-09-19" / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-09-31\n---\n")
    before = tree(actions)
    with pytest.raises(scaffold.Refused) as refused:
        new_meeting(actions, "ccb", "2020-01-16")
    assert "'2019-09-31' is not a real date" in refused.value.problems[0].message
    assert refused.value.summary.startswith("the archive has 1 error (listed above)")
    assert tree(actions) == before


# ---- the command, as a clerk runs it --------------------------------------------------------

def test_cli_new_meeting_then_check_passes(actions, tmp_path):
    done = cli("new", "meeting", "--body", "ccb", "--date", "2020-01-16", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:3] == [f"created content/meetings/ccb/2020-01-16/{name}"
                                            for name in ("meeting.md", "minutes.md", "actions.md")]
    assert "standing items CCBP/20/1 to CCBP/20/6, after ccb/2019-11-21" in done.stdout
    checked = cli("check", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0 and "0 errors, 0 warnings" in checked.stderr, checked.stderr
    again = cli("new", "meeting", "--body", "ccb", "--date", "2020-01-16", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_a_meeting_added_before_later_ones_of_its_year_says_its_numbers_follow_theirs(actions, tmp_path):
    """The back catalogue entered by hand: May's standing items get numbers after July's, which the clerk must
    change to those the May minutes were published with."""
    done = cli("new", "meeting", "--body", "ccb", "--date", "2019-05-16", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ("standing items CCBP/19/61 to CCBP/19/64, the body's first meeting in the archive" in done.stdout
            and "action log. ccb/2019-07-18, later than this meeting, already uses numbers of its year, so these "
            "follow its: number the items as this meeting's minutes were numbered, or remove the meeting's folder "
            "and start it again with --first-number and its first item's number. Replace" in done.stdout), done.stdout
    later = cli("new", "meeting", "--body", "ccb", "--date", "2020-01-16", cwd=tmp_path)
    assert "later than this meeting" not in later.stdout


def test_cli_a_bodys_first_meeting_numbered_from_1_says_how_to_number_it_from_where_its_numbering_had_got_to(
        actions, tmp_path):
    """An archive begun part way through a year: the body's numbering ran on before its first meeting here."""
    _new_body(actions, "XB/{yy}/{n}")
    done = cli("new", "meeting", "--body", "xb", "--date", "2019-06-13", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == (
        "standing items XB/19/1 to XB/19/4, the body's first meeting in the archive; no one listed as present, as content/bodies/xb.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), "
        "no open action, so no action log. Its numbers start at XB/19/1: where the body's numbering ran on before "
        "this meeting, which the archive does not hold, remove the meeting's folder and start it again with "
        "--first-number and its first item's number. Replace the 'Clerk to complete' lines, then run `minutebook "
        "check`."), done.stderr
    shutil.rmtree(actions / "meetings/xb")
    again = cli("new", "meeting", "--body", "xb", "--date", "2019-06-13", "--first-number", "XB/19/40", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.splitlines()[-1] == (
        "standing items XB/19/40 to XB/19/43, the body's first meeting in the archive; no one listed as present, as content/bodies/xb.md lists no members (add them there under `members:`, or those present under `attendance:` in meeting.md), "
        "no open action, so no action log. Replace the 'Clerk to complete' lines, then run `minutebook "
        "check`."), again.stderr


def test_cli_new_meeting_takes_a_date_as_the_content_files_take_it_and_says_why_one_is_refused(actions, tmp_path):
    done = cli("new", "meeting", "--body", "ccb", "--date", "16th January 2020", cwd=tmp_path)
    assert done.returncode == 0 and (actions / "meetings/ccb/2020-01-16/meeting.md").is_file(), done.stderr
    refused = cli("new", "meeting", "--body", "ccb", "--date", "2020-02-30", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.splitlines()[-1] == (
        "minutebook new meeting: error: argument --date: '2020-02-30' is not a real date: February 2020 has 29 days; "
        "check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-02-29 if the month's last day is meant")


def test_cli_new_meeting_kind_writes_the_meetings_kind(actions, tmp_path):
    done = cli("new", "meeting", "--body", "ccb", "--date", "2019-05-16", "--kind", "annual", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\nkind: annual\n" in (actions / "meetings/ccb/2019-05-16/meeting.md").read_text(encoding="utf-8")


def test_cli_new_meeting_of_a_body_with_no_open_action_says_it_wrote_no_action_log(tmp_path):
    content = copy(tmp_path, "references")
    done = cli("new", "meeting", "--body", "jhsc", "--date", "2019-10-07", cwd=tmp_path)
    assert done.returncode == 0 and "no open action, so no action log." in done.stdout, done.stdout
    assert not (content / "meetings/jhsc/2019-10-07/actions.md").exists()


def test_cli_unknown_body_names_the_option_and_the_nearest_body_not_a_file_that_is_not_there(actions, tmp_path):
    done = cli("new", "meeting", "--body", "cbb", "--date", "2020-01-16", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["minutebook new: --body cbb: there is no body 'cbb'; did you mean 'ccb'? If "
                                        "it is a new body, start its file, content/bodies/cbb.md, with `minutebook new body "
                                        '--slug cbb --name "..."`', "minutebook new: nothing was written"]
    assert not (actions / "meetings" / "cbb").exists()


@pytest.mark.parametrize("body, hint", [
    ("CCB", "did you mean 'ccb'?"),
    ("lpt", 'known bodies: ccb, jc; for a new body, start its file, content/bodies/lpt.md, with `minutebook new body --slug '
            'lpt --name "..."`'),
    ("pcc", "did you mean 'ccb'? If it is a new body, start its file, content/bodies/pcc.md, with `minutebook new body "
            '--slug pcc --name "..."`'),
])
def test_cli_unknown_body_says_how_to_start_a_new_one(actions, tmp_path, body, hint):
    """A clerk starting a body's first meeting was told only the bodies there are (`CCB` was not even taken for
    ccb): the README's round goes straight to `new meeting`, and nothing said a body needs its file first. A new
    body's slug like an existing one's (`pcc`, a primary care committee, beside `ccb`) was told only "did you mean
    'ccb'?". Each is told of `new body`, which writes the file."""
    done = cli("new", "meeting", "--body", body, "--date", "2020-01-16", cwd=tmp_path)
    assert (done.returncode, done.stderr.splitlines()) == (1, [
        f"minutebook new: --body {body}: there is no body '{body}'; {hint}", "minutebook new: nothing was written"])


@pytest.mark.parametrize("args", [["new", "meeting", "--body", "ccb", "--date", "2020-02-30"],
                                  ["new", "meeting", "--body", "ccb"],
                                  ["new", "meeting", "--body", "ccb", "--date", "2020-01-16", "--folder", "../x"],
                                  ["new", "paper", "--meeting", "ccb", "--ref", "C", "--title", "T"],
                                  ["new", "paper", "--meeting", "ccb/2019-07-18", "--ref", "-", "--title", "T"],
                                  ["new"]])
def test_cli_usage_errors_exit_2_without_a_traceback(actions, tmp_path, args):
    before = tree(tmp_path)
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "usage:" in done.stderr
    assert tree(tmp_path) == before


def test_command_reports_refusals_on_stderr_and_returns_1(actions, monkeypatch):
    monkeypatch.chdir(actions.parent)  # where messages name files from
    out, err = io.StringIO(), io.StringIO()
    args = Namespace(content=actions, new="paper", meeting="ccb/2019-07-18", ref="X", title="T", label="Paper",
                     item="CCBP/19/99", file=None)
    assert scaffold.command(args, out, err) == 1
    assert out.getvalue() == ""
    assert err.getvalue().splitlines() == [
        "content/meetings/ccb/2019-07-18/meeting.md:1: error: ccb/2019-07-18 has no item 'CCBP/19/99'; its items "
        "are CCBP/19/60; give one of them, or add the item to the agenda first", "minutebook new: nothing was written"]


# ---- new paper -------------------------------------------------------------------------

def test_new_paper_writes_only_the_paper_with_its_fields_and_an_empty_body(tmp_path):
    content = copy(tmp_path, "references")
    before = tree(content)
    plan = scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance: month 5", item="ccbp/19/71")
    written = scaffold.write_all(plan.files, content)
    path = content / "meetings" / "ccb" / "2019-08-22" / "papers" / "d.md"
    assert written == [path]
    assert set(tree(content)) - set(before) == {"meetings/ccb/2019-08-22/papers/d.md"}
    assert all(tree(content)[name] == data for name, data in before.items())
    paper = load(content).by_key["ccb/2019-08-22"].paper("D")
    assert (paper.ref, paper.label, paper.title, paper.item, paper.date, paper.body) == (
        "D", "Paper", "Finance: month 5", "CCBP/19/71", dt.date(2019, 8, 22), "")
    assert problems(content) == problems(copy(tmp_path / "fresh", "references"))


@pytest.mark.parametrize("meeting, named", [
    ("tb/2019-03-14", "paper-d.md"),  # beside paper-a.md and paper-c.md
    ("tb/2020-01-16", "paper-d.md"),  # the meeting's first paper: named as packs name them
    ("ccb/2019-08-22", "d.md"),  # beside c.md: one folder keeps one way of naming
])
def test_new_paper_is_named_as_the_meetings_other_papers_are(tmp_path, meeting, named):
    content = copy(tmp_path, "references" if meeting.startswith("ccb") else "archive")
    plan = scaffold.plan_paper(content, meeting, "D", "Finance report")
    assert list(plan.files) == [content / "meetings" / meeting / "papers" / named]


def test_new_paper_files_an_appendix_under_its_label(tmp_path):
    content = copy(tmp_path, "references")
    plan = scaffold.plan_paper(content, "ccb/2019-08-22", "A", "Detail", label="Appendix")
    assert list(plan.files) == [content / "meetings" / "ccb" / "2019-08-22" / "papers" / "appendix-a.md"]


def test_new_paper_writes_the_paper_the_agenda_or_minutes_already_name(tmp_path):
    """A clerk writes `paper: D` in the agenda, then runs `new paper --ref D`: the error, the paper named but
    missing, is what the command is asked to put right, and the refusal ("fix them first") left no way to."""
    content = copy(tmp_path, "references")
    before = problems(content)
    edit(content, "meetings/ccb/2019-08-22/meeting.md", "      for: [CCBP/19/71]\n",
         "      for: [CCBP/19/71]\nagenda:\n  - ref: CCBP/19/71\n    title: Finance\n    paper: [C, D]\n")
    edit(content, "meetings/ccb/2019-08-22/minutes.md", "## CCBP/19/72 Literal text\n",
         "## CCBP/19/72 Literal text\n\n```item\npaper: d\n```\n")
    assert [m for _, _, severity, m in problems(content) if severity == "error"] == [
        "paper 'D' is referenced but missing", "paper 'd' is referenced but missing"]
    plan = scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance: month 5", item="CCBP/19/71")
    scaffold.write_all(plan.files, content)
    assert [p for p in problems(content) if p[2] == "error"] == [p for p in before if p[2] == "error"] == []


def test_new_paper_writes_each_of_the_papers_the_agenda_names_one_at_a_time(tmp_path):
    """`paper: [D, E]` written in the agenda first, as the pack lists them: each paper missing is an error saying to
    run `new paper` for it, and `new paper --ref D` refused for want of E (and `--ref E` for want of D)."""
    content = copy(tmp_path, "references")
    edit(content, "meetings/ccb/2019-08-22/meeting.md", "      for: [CCBP/19/71]\n",
         "      for: [CCBP/19/71]\nagenda:\n  - ref: CCBP/19/71\n    title: Finance\n    paper: [C, D, E]\n")
    assert [m for _, _, severity, m in problems(content) if severity == "error"] == [
        "paper 'D' is referenced but missing", "paper 'E' is referenced but missing"]
    scaffold.write_all(scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance: month 5").files, content)
    assert [m for _, _, severity, m in problems(content) if severity == "error"] == [
        "paper 'E' is referenced but missing"]
    scaffold.write_all(scaffold.plan_paper(content, "ccb/2019-08-22", "E", "Finance: month 6").files, content)
    assert [p for p in problems(content) if p[2] == "error"] == []


def test_new_paper_refuses_while_another_meeting_names_that_ref_and_has_no_such_paper(tmp_path):
    content = copy(tmp_path, "references")
    edit(content, "meetings/ccb/2019-07-18/meeting.md", "    paper: A\n", "    paper: [A, D]\n")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance: month 5")
    assert [d.message for d in refused.value.problems] == ["paper 'D' is referenced but missing"]


def test_new_paper_refuses_a_taken_ref_an_unknown_meeting_and_an_unknown_item(tmp_path):
    content = copy(tmp_path, "references")
    cases = [(("ccb/2019-08-22", "c", "X"), {}, "content/meetings/ccb/2019-08-22/papers/c.md:1: error: "
              "ccb/2019-08-22 already has a paper with ref 'c' (Paper C); choose another --ref, or edit that file"),
             (("ccb/2019-08-23", "D", "X"), {}, "--meeting ccb/2019-08-23: there is no meeting "
              "'ccb/2019-08-23'; did you mean 'ccb/2019-08-22'?"),
             (("jhsc/2019-09-02", "B", "X"), {"item": "2"}, "content/meetings/jhsc/2019-09-02/meeting.md:1: error: "
              "jhsc/2019-09-02 has no item '2'; its items are 1, 3; give one of them, or add the item to the agenda "
              "first")]
    before = tree(content)
    for args, options, message in cases:
        with pytest.raises(scaffold.Refused) as refused:
            scaffold.plan_paper(content, *args, **options)
        assert said(refused.value) == [message]
    assert tree(content) == before


def test_new_paper_for_a_meeting_named_by_its_date_in_words_is_offered_the_meetings_folder(tmp_path):
    """`--meeting "ccb/22nd August 2019"`, as `new meeting --date` takes the date: offered the meeting whose folder
    was nearest in spelling, or none."""
    content = copy(tmp_path, "references")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_paper(content, "ccb/22nd August 2019", "D", "X")
    assert said(refused.value) == ["--meeting ccb/22nd August 2019: there is no meeting 'ccb/22nd August 2019'; did "
                                   "you mean ccb/2019-08-22 (22 August 2019)?"]


def test_new_paper_refuses_a_ref_written_with_its_label(tmp_path):
    """`--ref "Appendix A"`, as the pack prints it, wrote `ref: Appendix A` under `label: Paper`: a page titled
    "Paper Appendix A", which the agenda's `paper: A` did not name."""
    content = copy(tmp_path, "references")
    before = tree(content)
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_paper(content, "ccb/2019-08-22", "Appendix A", "Detail")
    assert said(refused.value) == ["--ref 'Appendix A': a ref is the paper's letter or number alone, and its label "
                                   "goes in --label; give --label Appendix --ref A"]
    assert tree(content) == before


@pytest.mark.parametrize("item, written", [("05", "5"), ("05.1", "5.1")])
def test_new_paper_takes_an_item_printed_with_a_zero_in_front_as_the_item_the_meeting_numbers_so(tmp_path, item,
                                                                                                written):
    """`--item 05`, as the pack's front sheet prints the agenda's item 5 of a body numbering per meeting: it was
    refused, the meeting having 'no item 05'."""
    content = copy(tmp_path, "archive")
    plan = scaffold.plan_paper(content, "jc/2019-11-05", "06", "Outreach minibus", item=item)
    assert [line for text in plan.files.values() for line in text.splitlines() if line.startswith("item:")] == [
        f"item: {written}"]


MEETING_0620 = "content/meetings/tb/2019-06-20/meeting.md"


@pytest.mark.parametrize("item, agenda, told", [
    ("TB/19/22", "", "To list it under agenda item TB/19/22, add `paper: D` to the item ("
     f"{MEETING_0620}:23)."),
    ("TB/19/22", "    paper: C\n", "To list it under agenda item TB/19/22, make its `paper: C` `paper: [C, D]` ("
     f"{MEETING_0620}:25)."),
    ("TB/19/22", "    paper: D\n", f"Agenda item TB/19/22 lists it already ({MEETING_0620}:23)."),
    ("", "    paper: D\n", f"Agenda item TB/19/22 lists it ({MEETING_0620}:23): give the paper `item: TB/19/22` in "
     "content/meetings/tb/2019-06-20/papers/paper-d.md, for its page to link the item."),
    ("", "", f"To list it on the agenda, add `paper: D` to its item in {MEETING_0620}, and the item's number as "
     "`item:` in content/meetings/tb/2019-06-20/papers/paper-d.md, for the paper's page to link the item."),
], ids=["item", "item-with-a-paper", "item-listing-it", "listed-without-item", "no-item"])
def test_new_paper_says_the_line_that_lists_it_under_its_agenda_item(tmp_path, item, agenda, told):
    """An agenda item lists the papers its `paper:` names; the paper's `item:` links the item from the paper's page
    only. `new paper --item TB/19/22` said nothing of it, and the paper was missing from the agenda. It says the
    line to write, and where, leaving meeting.md, the clerk's own, as it was."""
    content = copy(tmp_path, "archive")
    edit(content, "meetings/tb/2019-06-20/meeting.md", "    title: Pharmaceutical needs assessment\n",
         "    title: Pharmaceutical needs assessment\n" + agenda)
    if "paper: C" in agenda:
        scaffold.write_all(scaffold.plan_paper(content, "tb/2019-06-20", "C", "Needs").files, content)
    plan = scaffold.plan_paper(content, "tb/2019-06-20", "D", "Needs assessment", item=item)
    assert plan.listed == told
    assert list(plan.files) == [content / "meetings/tb/2019-06-20/papers/paper-d.md"]


@pytest.mark.parametrize("item, said", [
    ("TB/19/14", ["confidential: yes  # as agenda item TB/19/14 is confidential: the paper is not published; write no "
                  "if it may be"]),
    ("TB/19/15", []),
], ids=["confidential-item", "public-item"])
def test_new_paper_for_a_confidential_item_says_it_is_confidential_as_its_item_must(tmp_path, item, said):
    """A paper for an item the agenda marks confidential must say whether it is confidential itself: the one `new
    paper --item TB/19/14` wrote, without it, was refused by the next `check`. It says `confidential: yes`, which
    publishes nothing the clerk has not looked at; a public item's paper says nothing of it."""
    content = copy(tmp_path, "archive")
    plan = scaffold.plan_paper(content, "tb/2019-03-14", "E", "Valuation", item=item)
    assert [line for text in plan.files.values() for line in text.splitlines() if "confidential" in line] == said
    scaffold.write_all(plan.files, content)
    result = run(Options(content=content, today=TODAY, search=False), write=False)
    assert [d.format() for d in result.report.errors] == []


def test_new_paper_for_an_item_added_at_the_meeting_says_the_line_that_lists_it_under_its_minute(tmp_path):
    """A paper tabled under business added at the meeting, which its minute has and the agenda does not."""
    content = copy(tmp_path, "archive")
    edit(content, "meetings/tb/2020-01-16/minutes.md", "## TB/20/1 ", "## TB/20/9 Tabled item\n\nNoted.\n\n## TB/20/1 ")
    plan = scaffold.plan_paper(content, "tb/2020-01-16", "T", "Tabled", item="TB/20/9")
    assert plan.listed.startswith("To list it under minute TB/20/9, add `paper: T` to its ```item block "
                                  "(content/meetings/tb/2020-01-16/minutes.md:"), plan.listed


def test_cli_new_paper(tmp_path):
    copy(tmp_path, "references")
    done = cli("new", "paper", "--meeting", "jhsc/2019-09-02", "--ref", "B", "--title", "Scrutiny: next steps",
               "--label", "Report", "--item", "3.", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("created content/meetings/jhsc/2019-09-02/papers/report-b.md\n"
                           "To list it under agenda item 3, make its `paper: A` `paper: [A, B]` "
                           "(content/meetings/jhsc/2019-09-02/meeting.md:9).\n")
    text = (tmp_path / "content" / "meetings" / "jhsc" / "2019-09-02" / "papers" / "report-b.md").read_text()
    assert text == '---\nref: B\nlabel: Report\ntitle: "Scrutiny: next steps"\nitem: 3\ndate: 2019-09-02\n---\n'


def test_cli_new_paper_with_the_file_it_went_out_as(tmp_path):
    """The clerk's PDF is copied into papers/ and named in `file:`; the next build publishes it beside the page."""
    content = copy(tmp_path, "references")
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    (downloads / "Paper D - Finance.pdf").write_bytes(b"%PDF-1.4\n% month 5\n")
    done = cli("new", "paper", "--meeting", "ccb/2019-08-22", "--ref", "D", "--title", "Finance: month 5",
               "--file", str(downloads / "Paper D - Finance.pdf"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    papers = content / "meetings" / "ccb" / "2019-08-22" / "papers"
    assert done.stdout.splitlines()[:2] == ["created content/meetings/ccb/2019-08-22/papers/d.md",
                                            "created content/meetings/ccb/2019-08-22/papers/Paper D - Finance.pdf"]
    assert (papers / "d.md").read_text() == ('---\nref: D\nlabel: Paper\ntitle: "Finance: month 5"\n'
                                             'date: 2019-08-22\nfile: Paper D - Finance.pdf\n---\n')
    assert (papers / "Paper D - Finance.pdf").read_bytes() == b"%PDF-1.4\n% month 5\n"
    assert problems(content) == problems(copy(tmp_path / "fresh", "references"))
    paper = load(content).by_key["ccb/2019-08-22"].paper("D")
    assert (paper.file.name, paper.file.published) == ("Paper D - Finance.pdf", "paper-d-finance.pdf")


def test_new_paper_names_a_file_already_in_papers_and_refuses_one_it_cannot_publish(tmp_path):
    content = copy(tmp_path, "references")
    papers = content / "meetings" / "ccb" / "2019-08-22" / "papers"
    (papers / "d.pdf").write_bytes(b"%PDF-1.4\n")
    plan = scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance", file=papers / "d.pdf")
    assert list(plan.files) == [papers / "d.md"] and "\nfile: d.pdf\n" in plan.files[papers / "d.md"]
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4\n% another\n")
    (tmp_path / "map.svg").write_text("<svg/>")
    cases = [(tmp_path / "d.pdf", "content/meetings/ccb/2019-08-22/papers/d.pdf:1: error: papers/ already holds "
              "another file named 'd.pdf'; rename one of the two files, or name that one in the paper's `file:` "
              "yourself"),
             (tmp_path / "map.svg", f"--file {tmp_path / 'map.svg'}: 'map.svg' is not a kind of file published here; "
              "publish PDF, Word, Excel, PowerPoint, OpenDocument, RTF, CSV, text, PNG or JPEG files"),
             (tmp_path / "gone.pdf", f"--file {tmp_path / 'gone.pdf'}: there is no such file to publish with the "
              "paper; give the path of the paper's PDF (or other file), e.g. --file ~/Downloads/paper-c.pdf")]
    for file, message in cases:
        with pytest.raises(scaffold.Refused) as refused:
            scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance", file=file)
        assert said(refused.value) == [message]


def test_new_paper_file_given_a_folder_is_told_it_is_one_with_the_files_in_it_to_give(tmp_path):
    """The folder a pack was downloaded to, given for the paper's file: it was told there was no such file."""
    content = copy(tmp_path, "references")
    pack = tmp_path / "Pack June"
    pack.mkdir()
    for name in ("Paper D - Finance.pdf", "agenda.pdf", "map.svg"):
        (pack / name).write_bytes(b"%PDF-1.4\n")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance", file=pack)
    assert said(refused.value) == [
        f"--file {pack}: it is a folder, not a file; give the path of the paper's own file in it (Paper D - Finance.pdf, "
        f"agenda.pdf), e.g. --file '{pack}/Paper D - Finance.pdf'"]


def test_new_paper_file_given_in_quotes_from_the_home_folder_is_found_there(tmp_path, monkeypatch):
    """`--file "~/Downloads/Paper D.pdf"`, in quotes for its spaces, where the shell leaves `~` as it is: it was told
    there was no such file."""
    content = copy(tmp_path, "references")
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "Paper D.pdf").write_bytes(b"%PDF-1.4\n")
    plan = scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance", file=Path("~/Downloads/Paper D.pdf"))
    papers = content / "meetings" / "ccb" / "2019-08-22" / "papers"
    assert plan.files[papers / "Paper D.pdf"] == b"%PDF-1.4\n"


def test_new_paper_refuses_a_file_whose_name_makes_no_address(tmp_path):
    """As the build would refuse it (attachments.published_name): a name with no letter or digit."""
    content = copy(tmp_path, "references")
    (tmp_path / "-.pdf").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.plan_paper(content, "ccb/2019-08-22", "D", "Finance", file=tmp_path / "-.pdf")
    assert said(refused.value) == [f"--file {tmp_path / '-.pdf'}: '-.pdf' has no letter or digit in its "
                                   "name, which makes its address; rename it, e.g. paper.pdf"]
