"""Atom feeds, iCalendar calendars, sitemap and robots.txt: read back with real parsers.

feedparser and icalendar are what feed readers and calendar applications are
built on; a feed they flag as malformed (feedparser's `bozo`) or a calendar
they cannot read is a feed nobody sees. Expected entries are worked out from
the fixture content here, not read back from the generator.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest

from generator.build import Options, run
from generator.feeds import ATOM, paper_summary
from generator.ical import escape, fold
from generator.model import Meeting, Paper
from generator.plaintext import one_line, plain, plain_title
from generator.sitemap import sitemaps
from helpers import FIXTURE, TODAY, edit, html_pages, in_welsh, page, url_of

ACTIONS_FIXTURE = FIXTURE.parent / "actions"
BASE = "https://records.testshire.example"


def _build(content: Path, out: Path, **options) -> Path:
    options.setdefault("today", dt.date.fromisoformat(TODAY))
    result = run(Options(content=content, out=out, search=False, **options))
    assert result.ok, "\n".join(d.format() for d in result.report.sorted())
    return out


@pytest.fixture(scope="module")
def actions_site(tmp_path_factory) -> Path:
    return _build(ACTIONS_FIXTURE, tmp_path_factory.mktemp("actions-feeds") / "site")


def atom(site: Path, relative: str):
    data = (site / relative).read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo, f"{relative}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def titles(feed) -> list[str]:
    return [e.title for e in feed.entries]


def unanchored(site: Path, relative: str) -> list[str]:
    """The links and ids of a feed's entries, each the address of a place on a page, whose #fragment no element of
    that page has as its id (one followed lands at the top of the page, not at the entry's record)."""
    missing = []
    for entry in atom(site, relative).entries:
        for link in (entry.id, entry.link):
            address = urlsplit(link)
            ids = {node.attrs["id"] for node in page(site, address.path).find_all(id=True)}
            if address.fragment and address.fragment not in ids:
                missing.append(link)
    return missing


def test_every_feed_is_well_formed_atom(site):
    feeds = sorted((site / "feeds").rglob("*.xml"))
    assert len(feeds) >= 1 + 2 + 7  # the site, two bodies, the people of the register (and actions)
    for path in feeds:
        relative = path.relative_to(site).as_posix()
        feed = atom(site, relative)
        assert feed.feed.id == f"{BASE}/{relative}"
        assert {link.rel: link.href for link in feed.feed.links}["self"] == f"{BASE}/{relative}"
        assert feed.feed.updated and feed.feed.author == "Testshire County Council"
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), f"{relative}: entry ids repeat"
        for entry in feed.entries:
            assert entry.title and entry.updated and entry.link.startswith(BASE + "/")
        stamps = [e.updated for e in feed.entries]
        assert stamps == sorted(stamps, reverse=True), f"{relative}: entries not newest first"


def test_site_feed_lists_agendas_minutes_and_papers_of_public_meetings(site):
    feed = atom(site, "feeds/all.xml")
    assert titles(feed) == [
        "Agenda: TB Health and Wellbeing Board, 16 January 2020",
        "Agenda: JC Joint Committee, 5 November 2019",
        "Minutes: JC Joint Committee, 5 November 2019",
        "Item 05: Joint public health commissioning (JC Joint Committee, 5 November 2019)",
        # approved at the 20 June meeting, so dated then
        "Minutes: TB Health and Wellbeing Board, 14 March 2019",
        "Agenda: TB meeting, 20 June 2019",
        "Minutes: TB meeting, 20 June 2019",
        "Agenda: TB Health and Wellbeing Board, 14 March 2019",
        "Paper A: Healthy Weight Strategy 2019 to 2024 (TB Health and Wellbeing Board, 14 March 2019)",
        "Paper B: Strategaeth Pwysau Iach 2019 i 2024 (TB Health and Wellbeing Board, 14 March 2019)",
    ]
    minutes = next(e for e in feed.entries if e.title.startswith("Minutes: TB Health"))
    assert minutes.updated == "2019-06-20T00:00:00Z"
    assert minutes.link == f"{BASE}/tb/2019/2019-03-14/#minutes"
    assert "TB/19/14 Property matter" in minutes.summary
    assert [t.term for t in minutes.tags] == ["minutes"]


def test_an_agenda_published_before_its_meeting_is_dated_by_the_newest_meeting_held_until_its_day(archive, tmp_path):
    """Built on 1 December 2019, the agenda of 16 January 2020 is news that day: dated by the newest meeting held
    by then (the JC's of 5 November), as a feed with no entries is, and not by a day to come, which feed readers
    sort to the top of the feed until it comes; so are its chair's entry of it and the feeds' own dates. The
    build on the meeting's day dates it by that day, a build that reuses the last one's feeds as a full build
    does."""
    site = _build(archive, tmp_path / "site", today=dt.date(2019, 12, 1))
    for relative in ("feeds/all.xml", "feeds/bodies/tb.xml", "feeds/people/ada-lovelace.xml"):
        feed = atom(site, relative)
        entry = next(e for e in feed.entries if "16 January 2020" in e.title)
        assert (entry.updated, feed.feed.updated) == ("2019-11-05T00:00:00Z", "2019-11-05T00:00:00Z"), relative
    _build(archive, site, today=dt.date(2020, 1, 16))
    cold = _build(archive, tmp_path / "cold", today=dt.date(2020, 1, 16), cache=False)
    for relative in ("feeds/all.xml", "feeds/bodies/tb.xml", "feeds/people/ada-lovelace.xml"):
        assert (site / relative).read_bytes() == (cold / relative).read_bytes(), relative
        entry = next(e for e in atom(site, relative).entries if "16 January 2020" in e.title)
        assert entry.updated == "2020-01-16T00:00:00Z", relative


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_paper_in_another_language_is_an_entry_in_that_language_whose_summary_of_roles_is_the_sites(site):
    """The Welsh paper's entry carries xml:lang="cy" (its title and summary are the paper's); on a person's feed
    its summary, the person's roles, is Minutebook's words, in the site's language. No other entry has one."""
    def languages(relative: str) -> dict[str, tuple]:
        root = ET.parse(site / relative).getroot()
        entries = root.findall(f"{{{ATOM}}}entry")
        return {e.find(f"{{{ATOM}}}title").text: (e.get(XML_LANG), e.find(f"{{{ATOM}}}summary").get(XML_LANG))
                for e in entries if e.get(XML_LANG) or e.find(f"{{{ATOM}}}summary").get(XML_LANG)}
    assert ET.parse(site / "feeds/all.xml").getroot().get(XML_LANG) == "en-GB"
    assert languages("feeds/all.xml") == {
        "Paper B: Strategaeth Pwysau Iach 2019 i 2024 (TB Health and Wellbeing Board, 14 March 2019)": ("cy", None)}
    assert languages("feeds/people/carol-singh.xml") == {
        "Paper B: Strategaeth Pwysau Iach 2019 i 2024": ("cy", "en-GB")}


def test_a_papers_entry_says_what_it_is_for_when_the_paper_has_no_summary(site):
    """Its summary, else its recommendations, else its purpose and item: never an empty body in a feed reader."""
    entries = {e.title.split(" (")[0]: e.summary for e in atom(site, "feeds/all.xml").entries if e.tags[0].term == "paper"}
    assert entries == {
        "Item 05: Joint public health commissioning": "For decision. Item 5: Joint public health commissioning.",
        "Paper A: Healthy Weight Strategy 2019 to 2024":
            "The strategy sets out five priorities for healthy weight in Testshire.",
        "Paper B: Strategaeth Pwysau Iach 2019 i 2024":
            "Mae'r strategaeth yn nodi pum blaenoriaeth ar gyfer pwysau iach yn Testshire."}
    asked = Paper("B", "Budget", recommendations="The board is asked to **APPROVE** the budget.", purpose=("decision",))
    assert paper_summary(asked, Meeting("tb", "2019-03-14", dt.date(2019, 3, 14), "")) == \
        "The board is asked to APPROVE the budget."


def test_body_feed_holds_only_that_body(site):
    feed = atom(site, "feeds/bodies/jc.xml")
    assert titles(feed) == ["Agenda: JC Joint Committee, 5 November 2019",
                            "Minutes: JC Joint Committee, 5 November 2019",
                            "Item 05: Joint public health commissioning (JC Joint Committee, 5 November 2019)"]
    assert feed.feed.title == "Testshire and Northvale Joint Committee: new records"
    assert {link.rel: link.href for link in feed.feed.links}["alternate"] == f"{BASE}/jc/"


def test_person_feed_has_their_meetings_papers_and_actions(site):
    feed = atom(site, "feeds/people/carol-singh.xml")
    by_title = {e.title: e for e in feed.entries}
    assert by_title["TB meeting, 20 June 2019"].summary == "Recorded as: Present"
    assert "Paper A: Healthy Weight Strategy 2019 to 2024" in by_title
    assert "Author" in by_title["Paper A: Healthy Weight Strategy 2019 to 2024"].summary
    assert "Action TB/19/13#1 raised" in by_title
    assert not any("private" in t.lower() for t in by_title)


def test_a_persons_feed_is_titled_as_their_page_names_it_with_namesakes_told_apart(archive, tmp_path):
    """A feed reader lists subscriptions by the feed's own title: the feeds of two Councillor Eve Turners were
    both titled 'Councillor Eve Turner', where their pages' titles (and the feed links on them) name each one's
    organisation."""
    assert atom(_build(archive, tmp_path / "before"), "feeds/people/frank-turner.xml").feed.title == \
        "Councillor Frank Turner: new records"
    edit(archive, "people.yaml", "frank-turner:\n  name: Frank Turner", "frank-turner:\n  name: Eve Turner")
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "person: Councillor Frank Turner", "person: frank-turner")
    out = _build(archive, tmp_path / "after")
    assert {pid: atom(out, f"feeds/people/{pid}.xml").feed.title for pid in ("eve-turner", "frank-turner")} == {
        "eve-turner": "Councillor Eve Turner (Northvale District Council): new records",
        "frank-turner": "Councillor Eve Turner (Southvale District Council): new records"}
    assert "Councillor Eve Turner (Southvale District Council): new records" in [
        link.attrs["title"] for link in page(out, "/people/frank-turner/").find_all("link", type="application/atom+xml")]


def test_person_feed_says_where_they_declared_an_interest_and_of_what_type(site):
    by_title = {e.title: e for e in atom(site, "feeds/people/ada-lovelace.xml").entries}
    assert by_title["TB Health and Wellbeing Board, 14 March 2019"].summary == \
        "Recorded as: Chair; Present (Chair); Declared an interest (TB/19/12, Other registrable interest); Moved a " \
        "motion (TB/19/13); Voted for (TB/19/13)"


def test_action_feed_follows_the_action_through_its_logs(actions_site):
    feed = atom(actions_site, "feeds/actions/ccb/ccbp-19-60-1.xml")
    assert [(e.title, e.updated[:10]) for e in feed.entries] == [
        ("Action CCBP/19/60#1: Green, closed", "2019-11-21"),
        ("Action CCBP/19/60#1: Amber", "2019-09-19"),
        ("Action CCBP/19/60#1 raised", "2019-07-18"),
    ]
    assert feed.entries[1].summary == "Pilot extended to ten practices.\nDue date revised to November 2019."
    assert feed.entries[2].summary.startswith("Run the three-month pilot and report back.\nOwner: Ms Ann Smith.")


def test_an_updates_entry_keeps_its_id_and_link_when_a_log_is_entered_before_its_own(actions_site, tmp_path):
    """A meeting entered late, with a log before the ones a subscriber has read: their entries are the same
    entries, where ids by place in the list made each of them the next one's, and a feed reader showed one as
    new. Each entry links to its update on the action's page."""
    def updates(site: Path) -> dict[str, tuple[str, str]]:
        return {e.title: (e.id, e.link) for e in atom(site, "feeds/actions/ccb/ccbp-19-60-1.xml").entries
                if [t.term for t in e.tags] == ["action-update"]}

    before = updates(actions_site)
    action = "https://actions.example.org/ccb/actions/ccbp-19-60-1/"
    assert before == {
        "Action CCBP/19/60#1: Amber": (f"{action}#update-ccb/2019-09-19", f"{action}#update-ccb/2019-09-19"),
        "Action CCBP/19/60#1: Green, closed": (f"{action}#update-ccb/2019-11-21", f"{action}#update-ccb/2019-11-21"),
    }
    content = tmp_path / "content"
    shutil.copytree(ACTIONS_FIXTURE, content)
    late = content / "meetings" / "ccb" / "2019-08-15"
    late.mkdir()
    (late / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-08-15\n---\n", encoding="utf-8")
    (late / "actions.md").write_text("---\nupdates:\n  - action: CCBP/19/60#1\n    status: on-track\n"
                                     "    progress: Pilot begun in five practices.\n---\n", encoding="utf-8")
    after = updates(_build(content, tmp_path / "site"))
    assert after == {**before, "Action CCBP/19/60#1: On track": (f"{action}#update-ccb/2019-08-15",
                                                                 f"{action}#update-ccb/2019-08-15")}
    assert unanchored(tmp_path / "site", "feeds/actions/ccb/ccbp-19-60-1.xml") == []


def test_every_entry_of_an_actions_feed_is_the_address_of_its_record_on_the_actions_page(actions_site):
    """The entry for an action raised is `<page>#raised` (its id; it links to the page), which no element of the
    action's page had: that address, followed, landed at the top of the page. It is the history's first entry, the
    raising, as each update's is the history's entry for that update."""
    feeds = sorted(path.relative_to(actions_site).as_posix() for path in (actions_site / "feeds/actions").rglob("*.xml"))
    assert len(feeds) == 3 and {f: unanchored(actions_site, f) for f in feeds} == {f: [] for f in feeds}
    raised = page(actions_site, "/ccb/actions/ccbp-19-60-1/").one(id="raised")
    assert raised.tag == "li" and raised.one("h3").text == "Thursday 18 July 2019: raised"


def test_an_action_of_two_owners_names_both_as_its_pages_do(site):
    """"Owner: Mr Brian Okafor, JC" read as his role: the action is his and the Joint Committee's."""
    raised = atom(site, "feeds/actions/tb/tb-19-13-2.xml").entries[-1]
    assert raised.summary == ("Report progress on the school meals pilot to the board.\n"
                              "Owners: Mr Brian Okafor and JC. Due: June 2019.")


def calendar(site: Path, relative: str) -> icalendar.Calendar:
    data = (site / relative).read_bytes()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines), "lines must end with CRLF"
    assert max(len(line) for line in lines) <= 75, "lines must be folded at 75 octets"
    return icalendar.Calendar.from_ical(data)


def test_body_calendar_has_every_public_meeting(site):
    cal = calendar(site, "feeds/bodies/tb.ics")
    assert str(cal["X-WR-CALNAME"]) == "Testshire Health and Wellbeing Board: meetings"
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["tb/2019-03-14@records.testshire.example",
                                               "tb/2019-06-20@records.testshire.example",
                                               "tb/2020-01-16@records.testshire.example"]
    march, june, january = events
    london = march.decoded("DTSTART").tzinfo
    assert march.decoded("DTSTART") == dt.datetime(2019, 3, 14, 14, 0, tzinfo=london)
    assert march.decoded("DTSTART").utcoffset() == dt.timedelta(0)  # GMT in March
    assert june.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)  # BST in June
    assert march.decoded("DTEND").time() == dt.time(16, 30)
    assert "DTEND" not in june  # no end time given
    assert str(march["LOCATION"]) == "Council Chamber, County Hall, Testshire, TS1 1AA"
    assert str(march["URL"]) == f"{BASE}/tb/2019/2019-03-14/"
    assert march.decoded("DTSTAMP") == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    assert "Agenda:" in str(january["DESCRIPTION"]) and "TB/20/1 Director of Public Health annual report" in str(
        january["DESCRIPTION"])
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"


def test_site_calendar_has_all_public_meetings_and_no_private_one(site):
    events = calendar(site, "feeds/all.ics").walk("VEVENT")
    assert len(events) == 4
    assert not any("private" in str(e["SUMMARY"]).lower() for e in events)
    # a meeting without a title of its own is named for its body: "TB meeting", not "TB: TB meeting"
    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "JC: Joint Committee", "TB meeting", "TB: Health and Wellbeing Board", "TB: Health and Wellbeing Board"]


def uids(site: Path, relative: str) -> list[str]:
    return [str(e["UID"]).split("@")[0] for e in calendar(site, relative).walk("VEVENT")]


def test_a_calendar_holds_the_meetings_from_a_year_before_the_newest_held_on(archive, tmp_path):
    """The TB meets again on 16 January 2021. Built the day before, the newest meeting held is the TB's of 16
    January 2020, and the calendars reach back a year from it: the fixture's every public meeting, and the one
    to come. Built on the day, they reach back to 16 January 2020, that meeting included: the TB's of 2019 and
    the JC's only meeting are off them, as they are on no calendar application that reads them, and in the open
    data still. A build that reuses the last one's calendars gives a full build's."""
    meeting = archive / "meetings/tb/2021-01-16/meeting.md"
    meeting.parent.mkdir()
    meeting.write_text("---\nbody: tb\ndate: 16 January 2021\nstart: 2pm\n---\n", encoding="utf-8")
    site = _build(archive, tmp_path / "site", today=dt.date(2021, 1, 15))
    assert uids(site, "feeds/all.ics") == ["tb/2019-03-14", "tb/2019-06-20", "jc/2019-11-05", "tb/2020-01-16",
                                           "tb/2021-01-16"]
    assert uids(site, "feeds/bodies/jc.ics") == ["jc/2019-11-05"]
    _build(archive, site, today=dt.date(2021, 1, 16))
    assert uids(site, "feeds/all.ics") == uids(site, "feeds/bodies/tb.ics") == ["tb/2020-01-16", "tb/2021-01-16"]
    assert uids(site, "feeds/bodies/jc.ics") == []
    assert len(json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))["events"]) == 5
    cold = _build(archive, tmp_path / "cold", today=dt.date(2021, 1, 16), cache=False)
    for relative in ("feeds/all.ics", "feeds/bodies/tb.ics", "feeds/bodies/jc.ics"):
        assert (site / relative).read_bytes() == (cold / relative).read_bytes(), relative


def test_a_meetings_title_in_another_language_is_its_events_summary_in_that_language(tmp_path):
    """RFC 5545's LANGUAGE on SUMMARY, for the Welsh meeting's "JC: Cyd-bwyllgor" (meeting.md's `language: cy`), so
    that a calendar application does not read it out with English sounds; the description, Minutebook's words
    around the agenda, and the other meetings' summaries say nothing of a language."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    in_welsh(content)
    events = calendar(_build(content, tmp_path / "site"), "feeds/all.ics").walk("VEVENT")
    assert {str(e["SUMMARY"]): e["SUMMARY"].params.get("LANGUAGE") for e in events} == {
        "JC: Cyd-bwyllgor": "cy", "TB meeting": None, "TB: Health and Wellbeing Board": None}
    assert [e["DESCRIPTION"].params.get("LANGUAGE") for e in events] == [None] * 4


def test_meeting_without_a_time_is_an_all_day_event(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    edit(content, "meetings/tb/2019-06-20/meeting.md", "start: 2pm\n", "")
    event = calendar(_build(content, tmp_path / "site"), "feeds/bodies/tb.ics").walk("VEVENT")[1]
    assert event.decoded("DTSTART") == dt.date(2019, 6, 20)
    assert event.decoded("DTEND") == dt.date(2019, 6, 21)


@pytest.mark.parametrize("day, summer", [
    ("1995-10-25", False),  # BST ended on 22 October 1995; the rules since 1996 would put it on the 29th
    ("1995-10-20", True), ("1969-01-15", True),  # 1968 to 1971: British Standard Time all year
    ("1941-07-01", None),  # British Double Summer Time, two hours ahead
])
def test_a_meeting_before_1996_is_at_the_same_moment_in_the_calendar_as_in_the_open_data(tmp_path, day, summer):
    """The calendar's time zone describes the UK's clocks in the years its meetings were held: built on the
    meeting's day, when the calendars reach back a year from it (an archive of digitised minutes, say)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / f"meetings/tb/{day}").mkdir()
    (content / f"meetings/tb/{day}/meeting.md").write_text(f"---\nbody: tb\ndate: {day}\nstart: 2pm\n---\n",
                                                           encoding="utf-8")
    site = _build(content, tmp_path / "site", today=dt.date.fromisoformat(day))
    cal = calendar(site, "feeds/bodies/tb.ics")
    zone = cal.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)  # from its definition, not the TZID's name
    start = cal.walk("VEVENT")[0].decoded("DTSTART").replace(tzinfo=None)
    assert start == dt.datetime.fromisoformat(f"{day}T14:00")
    given = next(e for e in json.loads((site / "data/meetings.json").read_text())["events"]
                 if e["start_date"].startswith(day))
    offset = {False: "+00:00", True: "+01:00", None: "+02:00"}[summer]
    assert given["start_date"] == f"{day}T14:00:00{offset}"
    assert start.replace(tzinfo=zone).utcoffset() == dt.timedelta(hours={False: 0, True: 1, None: 2}[summer])
    ordinary = calendar(site, "feeds/bodies/jc.ics").walk("VTIMEZONE")[0]
    assert len(ordinary.subcomponents) == 2, "a calendar of meetings since 1996 has the two rules alone"


def test_a_meeting_dated_centuries_before_the_clocks_changed_is_built(tmp_path):
    """A placeholder date (0001-01-01, refused now for its year's digits) passed check, and the build stopped with
    a traceback: the calendar's time zone was walked back to five years before the meeting's, before year 1. The
    earliest year a date may have is built, its time zone from when London's clocks first changed (on a build
    date when the calendars reach back to it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "meetings/tb/placeholder").mkdir()
    (content / "meetings/tb/placeholder/meeting.md").write_text("---\nbody: tb\ndate: 1000-01-01\nstart: 2pm\n---\n",
                                                                encoding="utf-8")
    site = _build(content, tmp_path / "site", today=dt.date(1000, 1, 1))
    assert b"/tb/1000/placeholder/" in (site / "feeds/bodies/tb.ics").read_bytes()


def test_a_meeting_dated_on_the_last_day_there_is_is_built(tmp_path):
    """A placeholder date (9999-12-31) without a start time passed check, and the build stopped with a traceback:
    the all-day event ended on the next day, which no date is."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "meetings/tb/placeholder").mkdir()
    (content / "meetings/tb/placeholder/meeting.md").write_text("---\nbody: tb\ndate: 9999-12-31\n---\n",
                                                                encoding="utf-8")
    last = calendar(_build(content, tmp_path / "site"), "feeds/bodies/tb.ics").walk("VEVENT")[-1]
    assert last.decoded("DTSTART") == dt.date.max and "DTEND" not in last


def test_text_is_escaped_and_folded_by_the_rules():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "é" * 80)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "é" * 80


@pytest.mark.parametrize("text", ["", "x" * 75, "x" * 76, "x" * 149, "x" * 150, "a€" * 60, "é" * 37 + "x",
                                  "x" * 74 + "😀" * 30, "DESCRIPTION:" + "Ωx€😀" * 40])
def test_folding_fills_each_line_as_full_as_the_rules_allow(text):
    """RFC 5545: at most 75 octets a line, a continuation begins with one space, no character is split."""
    lines = fold(text).split("\r\n")
    assert "".join(line[1:] if n else line for n, line in enumerate(lines)) == text
    assert all(line.startswith(" ") for line in lines[1:])
    for n, line in enumerate(lines[:-1]):  # full: the next character would not have fitted
        following = lines[n + 1][1]
        assert len(line.encode()) <= 75 < len((line + following).encode())
    assert len(lines[-1].encode()) <= 75


def test_markdown_becomes_plain_text():
    assert plain("**RECEIVE** the [report](/x/) on `a*b*c`.\n\n- one\n- two") == \
        "RECEIVE the report on a*b*c.\n\n- one\n- two"
    assert one_line("A\x01B\n\nC") == "AB C"  # a control character would make the feed unreadable XML


def test_a_list_keeps_its_numbers_from_its_start_and_a_nested_list_its_indent_in_plain_text():
    """Resolutions are cited by their numbers: plain text gave "to approve the plan" and "to note" as bare lines,
    without the 3 and 4 the page shows, and the bullets under 4 as if they were resolutions of their own."""
    assert plain("The board resolved:\n\n3. to approve the plan;\n3. to note:\n   - the risks;\n   - the costs.\n\n"
                 "Then:\n\n1) a loose item\n\n   with a second paragraph\n\n2) and another") == (
        "The board resolved:\n\n3. to approve the plan;\n4. to note:\n   - the risks;\n   - the costs.\n\n"
        "Then:\n\n1. a loose item\n\n   with a second paragraph\n\n2. and another")
    assert one_line("RESOLVED:\n\n1. to approve\n2. to note") == "RESOLVED: 1. to approve 2. to note"
    assert plain("0. none\n0. one") == "0. none\n1. one"


def test_an_image_keeps_its_alt_text_in_plain_text():
    """The page gives an image's alt text to those who cannot see it; plain text gave nothing, and a paragraph that
    was only an image (a chart of the figures) was not there at all. An image without alt text is decoration."""
    assert plain("![Chart of **beds** by month](beds.png)\n\nSee ![](rule.png) the [![map](m.png)](https://m.example/)"
                 ) == "[Image: Chart of beds by month]\n\nSee the [Image: map] (https://m.example/)"


def test_text_indented_or_fenced_as_code_is_kept_in_plain_text():
    """A paragraph pasted from a PDF four spaces in is code to Markdown, which the page shows; the feeds, calendars
    and data left it out, and a meeting's notes lost the reason it was called off."""
    assert plain("The meeting was cancelled:\n\n    the venue\n    flooded.\n\n```\nSee the notice.\n```") == (
        "The meeting was cancelled:\n\nthe venue flooded.\n\nSee the notice.")


def test_a_link_off_the_site_keeps_its_address_in_plain_text():
    """Open data, calendars and feeds carry no links: "on the council website" alone lost where it led."""
    assert plain("It is on the [council website](https://c.example/consult), <https://a.example/>, "
                 "[by email](mailto:clerk@c.example) and [this page](/tb/).") == (
        "It is on the council website (https://c.example/consult), https://a.example/, by email (clerk@c.example) "
        "and this page.")


def test_a_title_that_begins_as_a_markdown_block_would_keeps_its_number_and_sign(tmp_path):
    """A title is inline Markdown, as its heading renders it: read as a block, "2. Joint public health" was a list
    item and lost its "2." in the feeds, the calendars and the data, and "# of beds" lost its sign."""
    assert [plain_title(t) for t in ("2. Minutes", "2019) Review", "# of beds", "- draft", "**Urgent** item")] == [
        "2. Minutes", "2019) Review", "# of beds", "- draft", "Urgent item"]
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    edit(content, "meetings/jc/2019-11-05/meeting.md", "title: Joint public health commissioning",
         "title: 2. Joint public health commissioning")
    edit(content, "meetings/jc/2019-11-05/papers/item-05.md", "title: Joint public health commissioning",
         "title: 2. Joint public health commissioning")
    site = _build(content, tmp_path / "site")
    entries = {e.category: e for e in atom(site, "feeds/bodies/jc.xml").entries}
    assert entries["paper"].title == (
        "Item 05: 2. Joint public health commissioning (JC Joint Committee, 5 November 2019)")
    assert "5 2. Joint public health commissioning" in entries["agenda"].summary.splitlines()
    event = calendar(site, "feeds/bodies/jc.ics").walk("VEVENT")[0]
    assert "5 2. Joint public health commissioning" in str(event["DESCRIPTION"]).splitlines()
    documents = [d["note"] for e in json.loads((site / "data/meetings.json").read_text())["events"]
                 for d in e["documents"]]
    assert "Item 05: 2. Joint public health commissioning" in documents
    html = (site / "jc/2019/2019-11-05/papers/05/index.html").read_text(encoding="utf-8")
    assert "<title>Item 05: 2. Joint public health commissioning – " in html


def test_a_reference_in_double_brackets_is_plain_text_without_its_markup():
    """Feed summaries, calendars and spreadsheet cells showed `[[person:carol-singh]]` as the clerk typed it."""
    assert plain("Report to [[tb/2019-03-14|the March board]] with [[tb/2019-03-14/papers/A]], as "
                 "[[tb:TB/19/13]] and [[jc:2019-11-05/5]] asked of [[person:carol-singh]] under "
                 "[[action:TB/19/13#1]] and [[action:tb:TB/19/13#2]]; `[[as code]]`.") == (
        "Report to the March board with tb/2019-03-14/papers/A, as TB/19/13 and item 5 asked of carol-singh under "
        "action TB/19/13#1 and action TB/19/13#2; [[as code]].")


def test_pages_link_to_their_feeds(site):
    for url, feed in (("/", "/feeds/all.xml"), ("/tb/", "/feeds/bodies/tb.xml"),
                      ("/tb/2019/2019-03-14/", "/feeds/bodies/tb.xml"), ("/people/carol-singh/",
                                                                        "/feeds/people/carol-singh.xml")):
        alternates = [n.attrs["href"] for n in page(site, url).find_all("link", rel="alternate")
                      if n.attrs.get("type") == "application/atom+xml"]
        assert feed in alternates, url
        assert (site / feed.lstrip("/")).is_file()
    calendars = [n.attrs["href"] for n in page(site, "/tb/").find_all("link", rel="alternate")
                 if n.attrs.get("type") == "text/calendar"]
    assert calendars == ["/feeds/bodies/tb.ics"]
    footer = {text: href for href, text in page(site, "/archive/").find("footer").links()}
    assert footer["Open data"] == "/data/" and footer["Accessibility statement"] == "/accessibility/"


def test_sitemap_lists_every_page_and_robots_points_to_it(site):
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert listed == sorted(listed)
    moved = {p for p in html_pages(site) if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")}
    assert len(moved) == 7  # the pages moved.yaml keeps at old addresses (a meeting's, its items', paper's and action's), which send the reader on
    not_found = site / "404.html"  # served by the host where there is no page
    assert not_found in html_pages(site)
    assert set(listed) == {BASE + url_of(site, p) for p in html_pages(site) if p not in moved and p != not_found}
    assert (site / "robots.txt").read_text() == ("User-agent: *\nDisallow: /pagefind/\nDisallow: /search/*.json\n"
                                                 "\nSitemap: https://records.testshire.example/sitemap.xml\n")
    search_files = [path.relative_to(site).as_posix() for path in (site / "search").rglob("*") if path.is_file()]
    assert "search/references.json" in search_files and "search/index.html" in search_files
    assert [name for name in search_files if name != "search/index.html" and not name.endswith(".json")] == [], \
        "a search file that robots.txt does not keep crawlers from"


def test_a_large_site_gets_a_sitemap_index():
    files = dict(sitemaps("https://x.example/", [f"/p{n}/" for n in range(5)], limit=2))
    assert sorted(files) == ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml", "/sitemap.xml"]
    index = ET.fromstring(files["/sitemap.xml"])
    assert index.tag.endswith("sitemapindex") and len(index) == 3
    assert b"https://x.example/p4/" in files["/sitemap-3.xml"]


def test_only_the_sitemaps_whose_pages_changed_are_remade():
    from generator.fingerprint import Digests
    from generator.update import Outputs
    memo, digests = Digests(), None

    def remade(count: int) -> list[str]:
        nonlocal digests
        made = Outputs(memo, digests)
        files = [address for address, _ in sitemaps("https://x.example/", [f"/p{n}/" for n in range(count)],
                                                    limit=2, unchanged=made)]
        digests = made.digests
        return sorted(files)

    assert remade(4) == ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap.xml"]
    assert remade(4) == []
    assert remade(5) == ["/sitemap-3.xml", "/sitemap.xml"]  # a third part, so the index lists it too
    assert remade(6) == ["/sitemap-3.xml"]


def test_a_drafts_preview_keeps_robots_out(tmp_path):
    """By robots.txt, and on each page too, which holds below a path, where crawlers do not ask for robots.txt."""
    out = _build(FIXTURE, tmp_path / "site", drafts=True)
    assert (out / "robots.txt").read_text().splitlines()[-1] == "Disallow: /"
    for name in ("index.html", "tb/index.html", "tb/2019/2019-03-14/index.html", "404.html"):
        assert (out / name).read_text().count('<meta name="robots" content="noindex">') == 1, name
    published = _build(FIXTURE, tmp_path / "published")
    assert 'name="robots"' not in (published / "index.html").read_text()


def _atom_by_elementtree(site_meta, feed_url, page_url, title, chosen, updated) -> bytes:
    """The same document built with ElementTree, as feeds.atom once was: the reference for its bytes."""
    from generator import __version__
    from generator.feeds import ATOM, _stamp
    from generator.plaintext import xml_safe

    def text(parent, tag, value, **attrs):
        element = ET.SubElement(parent, tag, attrs)
        element.text = xml_safe(value)

    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": site_meta.language})
    text(feed, "id", BASE + feed_url)
    text(feed, "title", title)
    text(feed, "subtitle", site_meta.title)
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=BASE + feed_url)
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=BASE + page_url)
    text(feed, "updated", _stamp(updated))
    text(ET.SubElement(feed, "author"), "name", site_meta.publisher)
    text(feed, "rights", f"{site_meta.licence.name} {site_meta.licence.url}".strip())
    text(feed, "generator", "Minutebook", version=__version__)
    for e in chosen:
        entry = ET.SubElement(feed, "entry")
        text(entry, "id", BASE + e.key)
        text(entry, "title", e.title)
        text(entry, "updated", _stamp(e.updated))
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=BASE + e.url)
        ET.SubElement(entry, "category", term=e.category)
        if e.summary:
            text(entry, "summary", e.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def test_feeds_are_written_byte_for_byte_as_elementtree_writes_them():
    """feeds.atom writes XML by hand, for speed; awkward text must come out exactly as ElementTree's."""
    from generator import feeds
    from generator.diagnostics import Report
    from generator.loader import load_archive
    from generator.resolve import resolve

    index = resolve(load_archive(FIXTURE, Report(root=FIXTURE)))
    site_meta = index.archive.site
    assert site_meta.base_url.rstrip("/") == BASE
    awkward = [
        feeds.Entry("/a/#x", 'Tom & Jerry <b> "quoted" \'single\'', dt.date(2019, 3, 14), "/a/?q=1&r=<2>",
                    "line one\nline two\twith a tab\r\nand \x0b a control character ]]> end", "paper"),
        feeds.Entry("/b/", "Empty summary", dt.date(2019, 1, 1), "/b/", "", "minutes"),
        feeds.Entry("/c/", "", dt.date(2018, 1, 1), "/c/", "Only a summary", "agenda"),
    ]
    for entries in (awkward, []):
        chosen = sorted(entries, key=lambda e: (-e.updated.toordinal(), e.key))
        updated = max((e.updated for e in chosen), default=dt.date.fromisoformat(TODAY))
        ours = feeds.atom(index, "/feeds/x.xml", "/x/", "A & B <feed>", entries, dt.date.fromisoformat(TODAY))
        assert ours == _atom_by_elementtree(site_meta, "/feeds/x.xml", "/x/", "A & B <feed>", chosen, updated)


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, 100])
def test_a_feed_made_from_the_newest_meetings_alone_is_the_feed_of_them_all(monkeypatch, limit):
    """The site's and each body's feed make the entries of just enough of the newest meetings to fill the feed
    (feeds.newest_entries); the feed must be the one all the entries give, whatever the feed's length."""
    from generator import feeds
    from generator.diagnostics import Report
    from generator.loader import load_archive
    from generator.resolve import resolve

    index = resolve(load_archive(FIXTURE, Report(root=FIXTURE)))
    meetings = index.archive.meetings
    for meeting in meetings:
        made = feeds.meeting_entries(index, meeting)
        assert feeds.latest_entry(index, meeting) == max((e.updated for e in made), default=None)
    monkeypatch.setattr(feeds, "MAX_ENTRIES", limit)
    today = dt.date.fromisoformat(TODAY)
    for group in [meetings, *index.by_body.values()]:
        every = [e for m in group for e in feeds.meeting_entries(index, m)]
        some = feeds.newest_entries(index, group, lambda m: feeds.meeting_entries(index, m))
        assert feeds.atom(index, "/f.xml", "/", "F", some, today) == feeds.atom(index, "/f.xml", "/", "F", every, today)
    if limit == 2:  # the fixture's newest meetings alone fill a feed this short
        made = []
        feeds.newest_entries(index, meetings, lambda m: made.append(m) or feeds.meeting_entries(index, m))
        assert 0 < len(made) < len(meetings)


def test_sitemaps_are_written_byte_for_byte_as_elementtree_writes_them():
    """sitemap.urlset writes XML by hand, for speed; awkward addresses must come out exactly as ElementTree's."""
    from generator import sitemap, urls

    def by_elementtree(base: str, addresses: list[str]) -> bytes:
        root = ET.Element("urlset", xmlns=sitemap.SITEMAPS)
        for address in addresses:
            ET.SubElement(ET.SubElement(root, "url"), "loc").text = urls.absolute(base, address)
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    awkward = ["/", "/a&b/", "/<tag>/", "/\"quoted\" 'single'/", "/caf\u00e9/\u4e2d/", "/tab\there/"]
    for base in ("https://x.example", "https://x.example/", "https://x.example/a&b/"):
        for addresses in (awkward, awkward[:1], []):
            assert sitemap.urlset(base, addresses) == by_elementtree(base, addresses)
