"""A meeting that did not take place keeps its page: `status: cancelled` or `status: postponed` in meeting.md.

Councils and boards publish the dates of their meetings ahead, and people act
on them: a member of the public plans to attend, a calendar holds the event, a
scrutiny committee cites the agenda. When a meeting is called off, its page
says so, and names the meeting arranged in its place (`rearranged_to`); every
list, the calendars and the open data say so too. The clerk's mistakes with
these fields are in tests/test_errors.py.

The archive here is the fixture archive with one more meeting of the Testshire
board, 11 April 2019: postponed, with its agenda and a paper published
before it was called off, rearranged to the board's meeting of 16 January 2020.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.build import Options, run
from generator.incremental import Session
from gate_tools import vnu
from helpers import FIXTURE, TODAY, edit, page, read_tree
from generator.urls import output_file
from test_quick import TODAY as PREVIEW_TODAY, files, full_build, own_pages

POSTPONED, INSTEAD = "tb/2019-04-11", "tb/2020-01-16"
PAGE, INSTEAD_PAGE = "/tb/2019/2019-04-11/", "/tb/2020/2020-01-16/"
MEETING = f"meetings/{POSTPONED}/meeting.md"
NOT_HELD = f"""---
body: tb
date: 2019-04-11
title: Health and Wellbeing Board
start: "10:00"
status: postponed
rearranged_to: {INSTEAD}
agenda:
  - ref: TB/19/30
    title: Pharmaceutical needs assessment
    paper: D
---
Postponed: the assessment was not ready.
"""
PAPER = """---
ref: D
title: Pharmaceutical needs assessment, draft
---
The draft assessment.
"""


def with_postponed_meeting(content: Path) -> Path:
    (content / MEETING).parent.joinpath("papers").mkdir(parents=True)
    (content / MEETING).write_text(NOT_HELD, encoding="utf-8")
    (content / MEETING).parent.joinpath("papers", "d.md").write_text(PAPER, encoding="utf-8")
    return content


def built(content: Path, out: Path, **options) -> Path:
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=False, **options))
    assert result.ok, [d.format() for d in result.report.sorted()]
    assert [d.format() for d in result.report.sorted()] == []
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = with_postponed_meeting(Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("not-held") / "content")))
    return built(content, content.parent / "site")


def test_the_meetings_page_says_it_did_not_take_place_and_links_the_meeting_arranged_instead(site):
    shown = page(site, PAGE)
    notice = shown.one("p", class_="not-held")
    assert notice.text == ("This meeting was postponed. The meeting arranged in its place: Health and Wellbeing "
                           "Board, 16 January 2020.")
    assert notice.links() == [(INSTEAD_PAGE, "Health and Wellbeing Board, 16 January 2020")]
    assert shown.one("title").text.startswith("Health and Wellbeing Board, 11 April 2019 (postponed) |")
    facts = dict(zip([dt_.text for dt_ in shown.find_all("dt")], [dd.text for dd in shown.find_all("dd")]))
    assert facts["Status"] == "Postponed: the meeting did not take place"
    assert facts["Minutes"] == "None: the meeting did not take place"
    assert "Postponed: the assessment was not ready." in shown.find("main").text
    assert shown.one("p", class_="cite").text == ("Cite this meeting as: TB: Health and Wellbeing Board (postponed), "
                                                  "Thursday 11 April 2019, https://records.testshire.example" + PAGE)
    # its agenda and paper, published before it was called off, stay published
    assert shown.find("a", href=f"{PAGE}papers/d/") is not None
    paper = page(site, f"{PAGE}papers/d/").one("p", class_="context")
    assert paper.text.startswith("Prepared for the Health and Wellbeing Board, 11 April 2019 (postponed)")


def test_the_meeting_arranged_instead_says_which_meeting_it_replaces(site):
    shown = page(site, INSTEAD_PAGE).one("p", class_="in-place-of")
    assert shown.text == "This meeting was arranged in place of the Health and Wellbeing Board, 11 April 2019 (postponed)."
    assert shown.links() == [(PAGE, "Health and Wellbeing Board, 11 April 2019")]
    assert page(site, "/tb/2019/2019-06-20/").find_all("p", class_="in-place-of") == []


def test_every_list_and_the_neighbouring_meetings_say_it_did_not_take_place(site):
    for url in ("/tb/", "/tb/2019/", "/archive/2019/", "/"):
        shown = page(site, url)
        rows = [row.text for tag in ("li", "tr") for row in shown.find_all(tag) if row.find_all("a", href=PAGE)]
        assert len(rows) == 1 and "Postponed: agenda, 1 paper" in rows[0], (url, rows)
    assert page(site, "/tb/2019/2019-03-14/").one("a", rel="next").text == "Next meeting: 11 April 2019 (postponed)"
    assert page(site, "/tb/2019/2019-06-20/").one("a", rel="prev").text == \
        "Previous meeting: 11 April 2019 (postponed)"
    held = page(site, "/tb/2019/2019-06-20/").one("title").text
    assert "(" not in held.split("|")[0]  # a meeting held is not marked


def test_calendars_cancel_the_event_and_say_where_the_meeting_went(site):
    for calendar in ("feeds/all.ics", "feeds/bodies/tb.ics"):
        text = (site / calendar).read_bytes().decode("utf-8").replace("\r\n ", "")
        event = text.split("UID:tb/2019-04-11@", 1)[1].split("END:VEVENT", 1)[0]
        assert "\r\nSTATUS:CANCELLED\r\nSEQUENCE:1\r\n" in event
        assert "\r\nSUMMARY:Postponed: TB: Health and Wellbeing Board\r\n" in event
        assert ("The meeting was postponed. The meeting arranged in its place\\, on 16 January 2020: "
                "https://records.testshire.example/tb/2020/2020-01-16/") in event
        held = text.split("UID:tb/2020-01-16@", 1)[1].split("END:VEVENT", 1)[0]
        assert "STATUS" not in held and "SUMMARY:TB: " in held


def feed_entry(site: Path, feed: str, title: str) -> str:
    """The rest of the entry of `feed` titled `title`, after its title."""
    text = (site / feed).read_text(encoding="utf-8")
    return text.split(f"<title>{title}</title>", 1)[1].split("</entry>", 1)[0]


def test_the_feeds_tell_subscribers_it_did_not_take_place(site):
    """A feed reader saw its agenda and paper; without an entry of its own it would never learn of the change."""
    for feed in ("feeds/all.xml", "feeds/bodies/tb.xml"):
        entry = feed_entry(site, feed, "Postponed: TB Health and Wellbeing Board, 11 April 2019")
        assert 'href="https://records.testshire.example/tb/2019/2019-04-11/#not-held"' in entry
        assert '<summary type="text">This meeting was postponed.\nPostponed: the assessment was not ready.' in entry
        assert '<category term="postponed" />' in entry and "<updated>2019-04-11T00:00:00Z</updated>" in entry
    assert 'id="not-held"' in (site / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")


def test_open_data_marks_the_event_cancelled_and_is_valid_against_its_schema(site):
    document = json.loads((site / "data" / "meetings.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in checker.iter_errors(document)] == []
    events = {e["extras"]["meeting"]: e for e in document["events"]}
    assert events[POSTPONED]["status"] == "cancelled"
    assert events[POSTPONED]["extras"]["not_held"] == "postponed"
    assert events[POSTPONED]["extras"]["rearranged_to"] == {
        "meeting": INSTEAD, "date": "2020-01-16", "url": "https://records.testshire.example" + INSTEAD_PAGE}
    assert events[INSTEAD]["status"] == "passed" and events[INSTEAD]["extras"]["not_held"] is None


def test_the_notice_is_valid_html(site, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, url in (("meeting.html", PAGE), ("paper.html", f"{PAGE}papers/d/"), ("body.html", "/tb/")):
        shutil.copy(site / url.strip("/") / "index.html", folder / name)
    result = vnu(folder)
    assert len(result.checked) == 3 and result.errors == []


def test_a_meeting_rearranged_to_a_private_one_names_no_address(tmp_path):
    """A private meeting is never published: the page cannot link it, nor the data name its key."""
    content = with_postponed_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    edit(content, MEETING, f"rearranged_to: {INSTEAD}", "rearranged_to: 2019-06-20-private")
    out = built(content, tmp_path / "site")
    assert page(out, PAGE).one("p", class_="not-held").text == (
        "This meeting was postponed. The meeting arranged in its place: not published.")
    assert b"2019-06-20-private" not in b"".join(read_tree(out).values())
    event = next(e for e in json.loads((out / "data" / "meetings.json").read_text())["events"]
                 if e["extras"]["meeting"] == POSTPONED)
    assert event["extras"]["rearranged_to"] is None


@pytest.mark.parametrize("fields", ["status: cancelled\n", "status: postponed\nrearranged_to: 2020-01-16\n"])
def test_a_warm_build_that_calls_a_meeting_off_makes_the_site_a_build_from_scratch_makes(tmp_path, fields):
    content = with_postponed_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    edit(content, MEETING, "status: postponed\nrearranged_to: tb/2020-01-16\n", "")
    site = built(content, tmp_path / "site")
    edit(content, MEETING, "start:", fields + "start:")
    warm = run(Options(content=content, out=site, today=dt.date.fromisoformat(TODAY), search=False))
    assert warm.ok and warm.rendered is not None
    assert read_tree(site) == read_tree(built(content, tmp_path / "fresh", cache=False))
    assert f"{fields.split()[1].capitalize()}: agenda" in page(site, "/tb/").text


def test_a_warm_build_after_the_meeting_arranged_instead_moves_remakes_the_other_bodys_calendar(tmp_path):
    """The board's calendar gives the date of the joint committee's meeting arranged in place of its own: when that
    date moves, the board's calendar is made again, though no meeting of the board changed."""
    content = with_postponed_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    edit(content, MEETING, f"rearranged_to: {INSTEAD}", "rearranged_to: jc/2019-11-05")
    site = built(content, tmp_path / "site")
    calendar = site / "feeds" / "bodies" / "tb.ics"
    assert b"on 5 November 2019: https://records.testshire.example/jc/" in calendar.read_bytes().replace(b"\r\n ", b"")
    edit(content, "meetings/jc/2019-11-05/meeting.md", "date: Tuesday 5th November 2019", "date: 2019-11-06")
    warm = run(Options(content=content, out=site, today=dt.date.fromisoformat(TODAY), search=False))
    assert warm.ok and warm.rendered is not None
    assert b"on 6 November 2019" in calendar.read_bytes().replace(b"\r\n ", b"")
    assert read_tree(site) == read_tree(built(content, tmp_path / "fresh", cache=False))


@pytest.mark.parametrize("where, old, new, shown", [
    (MEETING, "start:", "status: cancelled\nstart:", "tb/index.html"),  # called off: every list, the neighbours
    (MEETING, "start:", "status: postponed\nrearranged_to: 2020-01-16\nstart:",
     "tb/2020/2020-01-16/index.html"),  # the meeting arranged instead says which it replaces
    ("meetings/tb/2020-01-16/meeting.md", "title: Health and Wellbeing Board", "title: Board (rearranged)",
     "tb/2019/2019-04-11/index.html"),  # the postponed meeting's link to it
], ids=["called-off", "rearranged", "instead-retitled"])
def test_under_the_preview_the_save_reaches_every_page_that_shows_it_as_a_full_build_makes_them(
        tmp_path, where, old, new, shown):
    content = with_postponed_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    if where == MEETING:
        edit(content, MEETING, "status: postponed\nrearranged_to: tb/2020-01-16\n", "")
    live = tmp_path / "live"
    session = Session(Options(content=content, out=live, today=PREVIEW_TODAY, search=False))
    assert session.rebuild().ok
    changed = edit(content, where, old, new)
    outcome = session.quick([changed])
    assert outcome is not None
    full = files(full_build(content, tmp_path / "full"))
    written = {output_file(url) for url in outcome.written}
    key = Path(where).parent.relative_to("meetings").as_posix()
    assert own_pages(session, key) <= written
    assert {f: files(live)[f] for f in written} == {f: full[f] for f in written}
    assert shown in written  # a page that shows it beyond the meeting's own
    assert session.rebuild().ok
    assert files(live) == full
