"""A meeting adjourned part-way and reconvened on a later day: `adjourned_to` in the first sitting's meeting.md.

Time runs out, a fire alarm sounds, the quorum is lost: the meeting is
adjourned and reconvened on another day, as a sitting of its own folder whose
minutes run on from the first's. The first sitting names the folder of the
sitting at which it reconvened; the reconvened sitting learns which meeting it
continues from that, so the two cannot disagree. Each page links the other,
the lists and the open data say which is which, and the first sitting's agenda
items not reached before it adjourned link their minutes at the later sitting.
The clerk's mistakes with the field are in tests/test_errors.py; the preview's
fast path in tests/test_quick.py.

The archive here is the fixture archive with the board's meeting of 14 March
2019 adjourned before its agenda item TB/19/16, and reconvened on 21 March 2019
(folder 2019-03-21-reconvened), whose minute TB/19/16 takes it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.build import Options, run
from generator.model import Meeting
from generator.resolve import Index
from helpers import FIXTURE, TODAY, edit, page, read_tree
from test_meetings_not_held import built, feed_entry  # with no message: no agenda item said to have no minute

FIRST, RECONVENED = "tb/2019-03-14", "tb/2019-03-21-reconvened"
FIRST_PAGE, RECONVENED_PAGE = "/tb/2019/2019-03-14/", "/tb/2019/2019-03-21-reconvened/"
FIRST_MEETING = f"meetings/{FIRST}/meeting.md"
SITTING = """---
body: tb
date: 2019-03-21
title: Health and Wellbeing Board
start: "18:00"
---
"""
SITTING_MINUTES = """---
status: approved
---
## TB/19/16 Pharmacy services

The board noted the report.
"""


def with_adjourned_meeting(content: Path, reconvened: str = "2019-03-21-reconvened") -> Path:
    """The board's meeting of 14 March 2019 adjourned to `reconvened`, its agenda item TB/19/16 minuted there."""
    edit(content, FIRST_MEETING, 'start: "14:00"\n', f'start: "14:00"\nadjourned_to: {reconvened}\n')
    edit(content, FIRST_MEETING, "    title: Any other business\n",
         "    title: Any other business\n  - ref: TB/19/16\n    title: Pharmacy services\n")
    folder = content / "meetings" / RECONVENED
    folder.mkdir()
    (folder / "meeting.md").write_text(SITTING, encoding="utf-8")
    (folder / "minutes.md").write_text(SITTING_MINUTES, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = with_adjourned_meeting(Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("adjourned") / "content")))
    return built(content, content.parent / "site")


def test_the_first_sittings_page_says_it_adjourned_and_links_the_sitting_it_reconvened_at(site):
    notice = page(site, FIRST_PAGE).one("p", id="adjourned")
    assert notice.text == "Adjourned; reconvened on 21 March 2019."
    assert notice.links() == [(RECONVENED_PAGE, "21 March 2019")]


def test_the_reconvened_sittings_page_links_the_meeting_it_continues(site):
    shown = page(site, RECONVENED_PAGE)
    notice = shown.one("p", id="reconvened")
    assert notice.text == "Reconvened sitting of the meeting of 14 March 2019."
    assert notice.links() == [(FIRST_PAGE, "meeting of 14 March 2019")]
    assert shown.find_all("p", id="adjourned") == []
    assert page(site, FIRST_PAGE).find_all("p", id="reconvened") == []


def test_an_agenda_item_not_reached_before_the_adjournment_links_its_minute_at_the_reconvened_sitting(site):
    minutes = page(site, FIRST_PAGE).find_all("a", class_="agenda-minute")
    assert [(a.attrs["href"], a.text) for a in minutes][-2:] == [
        ("#item-tb-19-15", "Minute TB/19/15"), ("/tb/2019/tb-19-16/", "Minute TB/19/16, at the reconvened sitting")]
    # the minute numbers run on: the reconvened sitting's minute has its page among the body's numbers
    assert page(site, "/tb/2019/tb-19-16/").one("h1").text.startswith("TB/19/16")


def test_an_agenda_item_naming_its_minute_taken_at_the_reconvened_sitting_links_it_there_without_an_error(tmp_path):
    """An agenda numbered apart from its minutes names each item's minute (`minute:`): one not reached before the
    adjournment names a minute of the reconvened sitting, which its own minutes do not have, and is no mistake."""
    content = with_adjourned_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    edit(content, FIRST_MEETING, "  - ref: TB/19/16\n", '  - ref: "9"\n    minute: TB/19/16\n')
    out = built(content, tmp_path / "site")  # with no message: no minute said to be missing
    minutes = page(out, FIRST_PAGE).find_all("a", class_="agenda-minute")
    assert [(a.attrs["href"], a.text) for a in minutes][-1] == (
        "/tb/2019/tb-19-16/", "Minute TB/19/16, at the reconvened sitting")


THIRD = "tb/2019-03-28-reconvened"


def adjourned_again(content: Path) -> Path:
    """with_adjourned_meeting's, its reconvened sitting of 21 March adjourned in turn to 28 March, whose minute
    TB/19/17 takes the first sitting's agenda item of that number, reached at neither sitting before."""
    with_adjourned_meeting(content)
    edit(content, FIRST_MEETING, "    title: Pharmacy services\n", "    title: Pharmacy services\n"
         "  - ref: TB/19/17\n    title: Dental services\n")
    edit(content, f"meetings/{RECONVENED}/meeting.md", 'start: "18:00"\n',
         'start: "18:00"\nadjourned_to: 2019-03-28-reconvened\n')
    folder = content / "meetings" / THIRD
    folder.mkdir()
    (folder / "meeting.md").write_text(SITTING.replace("2019-03-21", "2019-03-28"), encoding="utf-8")
    (folder / "minutes.md").write_text(SITTING_MINUTES.replace("TB/19/16 Pharmacy", "TB/19/17 Dental"),
                                       encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def adjourned_twice(tmp_path_factory) -> Path:
    content = adjourned_again(Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("twice") / "content")))
    return built(content, content.parent / "site")  # with no message: TB/19/17 is not said to have no minute


def test_the_first_sitting_of_a_meeting_adjourned_twice_names_both_sittings_it_continued_at(adjourned_twice):
    notice = page(adjourned_twice, FIRST_PAGE).one("p", id="adjourned")
    assert notice.text == "Adjourned; reconvened on 21 March 2019, then on 28 March 2019."
    assert notice.links() == [(RECONVENED_PAGE, "21 March 2019"), ("/tb/2019/2019-03-28-reconvened/", "28 March 2019")]
    second = page(adjourned_twice, RECONVENED_PAGE)
    assert second.one("p", id="adjourned").text == "Adjourned; reconvened on 28 March 2019."
    assert second.one("p", id="reconvened").links() == [(FIRST_PAGE, "meeting of 14 March 2019")]


def test_the_first_sittings_calendar_event_and_feed_entry_name_both_sittings_it_continued_at(adjourned_twice):
    """As its page does; each address ends its line in the event, where a comma after it could be taken in."""
    base = "https://records.testshire.example"
    for calendar in ("feeds/all.ics", "feeds/bodies/tb.ics"):
        text = (adjourned_twice / calendar).read_bytes().decode("utf-8").replace("\r\n ", "")
        event = text.split(f"UID:{FIRST}@", 1)[1].split("END:VEVENT", 1)[0]
        assert (f"\\n\\nThe meeting was adjourned\\, and reconvened on 21 March 2019: {base}{RECONVENED_PAGE}\\n"
                f"then on 28 March 2019: {base}/tb/2019/2019-03-28-reconvened/\\n\\nAgenda:") in event, calendar
    for feed in ("feeds/all.xml", "feeds/bodies/tb.xml"):
        entry = feed_entry(adjourned_twice, feed, "Adjourned: TB Health and Wellbeing Board, 14 March 2019")
        assert ('<summary type="text">The meeting was adjourned, and reconvened on 21 March 2019, then on 28 March '
                "2019.</summary>") in entry, feed


def test_an_agenda_item_taken_at_the_sitting_after_the_reconvened_one_links_its_minute_there(adjourned_twice):
    """A meeting adjourned twice: its agenda links each item not reached to the sitting that took it, each by
    its date, as two sittings are "the reconvened sitting"; and no agenda item is said to have no minute."""
    out = adjourned_twice
    minutes = page(out, FIRST_PAGE).find_all("a", class_="agenda-minute")
    assert [(a.attrs["href"], a.text) for a in minutes][-2:] == [
        ("/tb/2019/tb-19-16/", "Minute TB/19/16, at the reconvened sitting of 21 March 2019"),
        ("/tb/2019/tb-19-17/", "Minute TB/19/17, at the reconvened sitting of 28 March 2019")]
    event = next(e for e in json.loads((out / "data" / "meetings.json").read_text())["events"]
                 if e["extras"]["meeting"] == FIRST)
    assert [a["extras"]["minute"] for a in event["agenda"]][-2:] == [
        "https://records.testshire.example/tb/2019/tb-19-16/", "https://records.testshire.example/tb/2019/tb-19-17/"]


def test_open_data_names_every_later_sitting_of_a_meeting_adjourned_twice_and_adjourned_to_still_the_next(
        adjourned_twice):
    """`adjourned_to` stays one object (the next sitting), as consumers read it; `sittings` lists the whole chain,
    as the first sitting's page does."""
    document = json.loads((adjourned_twice / "data" / "meetings.json").read_text(encoding="utf-8"))
    schema = json.loads((adjourned_twice / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in checker.iter_errors(document)] == []
    extras = {e["extras"]["meeting"]: e["extras"] for e in document["events"]}
    base = "https://records.testshire.example"
    second = {"meeting": RECONVENED, "date": "2019-03-21", "url": base + RECONVENED_PAGE}
    third = {"meeting": THIRD, "date": "2019-03-28", "url": base + "/tb/2019/2019-03-28-reconvened/"}
    assert (extras[FIRST]["adjourned_to"], extras[FIRST]["sittings"]) == (second, [second, third])
    assert (extras[RECONVENED]["adjourned_to"], extras[RECONVENED]["sittings"]) == (third, [third])
    assert (extras[THIRD]["adjourned_to"], extras[THIRD]["sittings"]) == (None, [])
    assert extras["tb/2019-06-20"]["sittings"] == []


def test_a_warm_build_after_the_third_sitting_moved_to_another_day_names_that_day_in_the_first_sittings_event(
        tmp_path):
    """The first sitting's meeting.md is unchanged; its event and feed entry show the third sitting's day."""
    content = adjourned_again(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    site = built(content, tmp_path / "site")
    edit(content, f"meetings/{THIRD}/meeting.md", "date: 2019-03-28", "date: 2019-03-29")
    built(content, site)
    assert "then on 29 March 2019: " in (site / "feeds/bodies/tb.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "then on 29 March 2019.</summary>" in (site / "feeds/bodies/tb.xml").read_text(encoding="utf-8")
    assert read_tree(site) == read_tree(built(content, tmp_path / "fresh", cache=False))


def test_the_sittings_after_a_meeting_end_where_they_come_round_to_one_met_already():
    """validate reports the adjourned_to that is not after its meeting; the preview may render before that."""
    first, second = (Meeting("tb", folder, dt.date(2019, 3, day), "Board", adjourned_to=f"tb/{other}")
                     for folder, day, other in (("a", 14, "b"), ("b", 21, "a")))
    index = Index(archive=None, by_key={"tb/a": first, "tb/b": second})
    assert index.sittings(first) == (second,)
    assert index.sittings(second) == (first,)


def test_the_first_sittings_calendar_event_says_it_adjourned_and_when_it_reconvened(site):
    for calendar in ("feeds/all.ics", "feeds/bodies/tb.ics"):
        text = (site / calendar).read_bytes().decode("utf-8").replace("\r\n ", "")
        event = text.split(f"UID:{FIRST}@", 1)[1].split("END:VEVENT", 1)[0]
        assert ("\\n\\nThe meeting was adjourned\\, and reconvened on 21 March 2019: "
                "https://records.testshire.example/tb/2019/2019-03-21-reconvened/\\n\\nAgenda:") in event
        assert "STATUS" not in event
        assert "adjourned" not in text.split(f"UID:{RECONVENED}@", 1)[1].split("END:VEVENT", 1)[0]


def test_the_feeds_tell_subscribers_the_first_sitting_adjourned_and_when_it_reconvened(site):
    """A feed reader who saw the agenda learns where the items not reached went."""
    for feed in ("feeds/all.xml", "feeds/bodies/tb.xml"):
        entry = feed_entry(site, feed, "Adjourned: TB Health and Wellbeing Board, 14 March 2019")
        assert 'href="https://records.testshire.example/tb/2019/2019-03-14/#adjourned"' in entry
        assert '<summary type="text">The meeting was adjourned, and reconvened on 21 March 2019.</summary>' in entry
        assert '<category term="adjourned" />' in entry and "<updated>2019-03-14T00:00:00Z</updated>" in entry
        text = (site / feed).read_text(encoding="utf-8")
        assert "Adjourned: TB Health and Wellbeing Board, 21 March 2019" not in text


def test_every_list_says_which_meeting_adjourned_and_which_is_its_reconvened_sitting(site):
    for url in ("/tb/", "/tb/2019/", "/archive/2019/"):
        shown = page(site, url)
        rows = {href: row.text for tag in ("li", "tr") for row in shown.find_all(tag)
                for href in (FIRST_PAGE, RECONVENED_PAGE) if row.find_all("a", href=href)}
        assert "Adjourned: agenda, minutes, 2 papers" in rows[FIRST_PAGE], url
        assert "Reconvened sitting: minutes" in rows[RECONVENED_PAGE], url


def test_open_data_links_the_two_sittings_and_is_valid_against_its_schema(site):
    document = json.loads((site / "data" / "meetings.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in checker.iter_errors(document)] == []
    events = {e["extras"]["meeting"]: e for e in document["events"]}
    base = "https://records.testshire.example"
    assert events[FIRST]["extras"]["adjourned_to"] == {"meeting": RECONVENED, "date": "2019-03-21",
                                                       "url": base + RECONVENED_PAGE}
    assert events[FIRST]["extras"]["continues"] is None
    assert events[RECONVENED]["extras"]["continues"] == {"meeting": FIRST, "date": "2019-03-14",
                                                         "url": base + FIRST_PAGE}
    assert events[RECONVENED]["extras"]["adjourned_to"] is None
    assert events[FIRST]["agenda"][-1]["extras"]["minute"] == base + "/tb/2019/tb-19-16/"
    assert events["tb/2019-06-20"]["extras"]["adjourned_to"] is None


def test_a_meeting_adjourned_to_a_private_sitting_names_no_address(tmp_path):
    """A private meeting is never published: the page cannot link it, nor the data name its key."""
    content = with_adjourned_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")),
                                     reconvened="2019-06-20-private")
    edit(content, FIRST_MEETING, "  - ref: TB/19/16\n    title: Pharmacy services\n", "")
    shutil.rmtree(content / "meetings" / RECONVENED)
    edit(content, "meetings/tb/2019-06-20-private/minutes.md", "## TB/19/23", "## TB/19/16")  # run on from TB/19/15
    out = built(content, tmp_path / "site")
    assert page(out, FIRST_PAGE).one("p", id="adjourned").text == (
        "Adjourned; reconvened at a sitting that is not published.")
    assert page(out, FIRST_PAGE).one("p", id="adjourned").links() == []
    assert b"2019-06-20-private" not in b"".join(read_tree(out).values())
    event = next(e for e in json.loads((out / "data" / "meetings.json").read_text())["events"]
                 if e["extras"]["meeting"] == FIRST)
    assert event["extras"]["adjourned_to"] is None
    calendar = (out / "feeds/bodies/tb.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "The meeting was adjourned\\, and reconvened at a sitting that is not published.\\n" in calendar


def test_a_meeting_adjourned_twice_the_second_time_to_a_private_sitting_says_so_on_its_first_sittings_page_and_feeds(
        tmp_path):
    content = with_adjourned_meeting(Path(shutil.copytree(FIXTURE, tmp_path / "content")))
    edit(content, f"meetings/{RECONVENED}/meeting.md", 'start: "18:00"\n',
         'start: "18:00"\nadjourned_to: 2019-06-20-private\n')
    edit(content, "meetings/tb/2019-06-20-private/minutes.md", "## TB/19/23", "## TB/19/17")  # run on from TB/19/16
    out = built(content, tmp_path / "site")
    notice = page(out, FIRST_PAGE).one("p", id="adjourned")
    assert notice.text == "Adjourned; reconvened on 21 March 2019, then at a sitting that is not published."
    assert notice.links() == [(RECONVENED_PAGE, "21 March 2019")]
    assert page(out, RECONVENED_PAGE).one("p", id="adjourned").text == (
        "Adjourned; reconvened at a sitting that is not published.")
    calendar = (out / "feeds/bodies/tb.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert ("The meeting was adjourned\\, and reconvened on 21 March 2019: https://records.testshire.example"
            f"{RECONVENED_PAGE}\\nthen at a sitting that is not published.\\n") in calendar
    assert ('<summary type="text">The meeting was adjourned, and reconvened on 21 March 2019, then at a sitting that '
            "is not published.</summary>") in feed_entry(out, "feeds/bodies/tb.xml", "Adjourned: TB Health and "
                                                          "Wellbeing Board, 14 March 2019")


def test_a_warm_build_that_adjourns_a_meeting_to_a_sitting_of_another_year_makes_the_site_a_build_from_scratch_makes(
        tmp_path):
    """The list of the board's meetings of 2020 says the meeting of 16 January is a reconvened sitting, though no
    meeting of 2020 changed: the one of 20 June 2019 was adjourned to it."""
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    site = built(content, tmp_path / "site")
    edit(content, "meetings/tb/2019-06-20/meeting.md", "date: 20 June 2019\n", "date: 20 June 2019\nadjourned_to: "
         "2020-01-16\n")
    warm = run(Options(content=content, out=site, today=dt.date.fromisoformat(TODAY), search=False))
    assert warm.ok and warm.rendered is not None
    assert "Reconvened sitting: agenda" in page(site, "/tb/2020/").text
    assert read_tree(site) == read_tree(built(content, tmp_path / "fresh", cache=False))
