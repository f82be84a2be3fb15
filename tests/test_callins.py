"""Call-ins (generator/callins.py), read as a specification.

The fixture's joint committee, at its meeting of 5 November 2019, called in the Board's decision on the Healthy
Weight Strategy (minute TB/19/13 of 14 March 2019) and referred it back: its item 7 says `calls_in: tb:TB/19/13`
and `call_in_outcome: referred back`. The Board's minute says on its page, and on its meeting's, who called it
in, when and with what outcome, linking the committee's item; the committee's item names the minute it called
in, linked; the open data gives both. Each mistake a clerk can make in a call-in is one test below, with its
whole message.
"""

from __future__ import annotations

import json

from helpers import built_cleanly, edit, line_of, messages, page

CALL_IN = "meetings/jc/2019-11-05/minutes.md"
CALLED_IN = "/tb/2019/tb-19-13/"
SCRUTINY_ITEM = "/jc/2019/2019-11-05/item-7/"
NOTICE = ("Called in by Testshire and Northvale Joint Committee on 5 November 2019: referred back to the decision "
          "maker.")


def _items(site) -> dict[str, dict]:
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    return {f"{m['meeting']} {i['ref']}": i for m in document["minutes"] for i in m["items"]}


def test_the_called_in_minutes_page_and_its_meetings_page_say_who_called_it_in_when_and_with_what_outcome(site):
    for url in (CALLED_IN, "/tb/2019/2019-03-14/"):
        notice = page(site, url).one("p", class_="called-in")
        assert notice.text == NOTICE
        assert notice.one("a").attrs["href"] == SCRUTINY_ITEM


def test_the_scrutiny_item_names_the_minute_it_called_in_and_links_it(site):
    for url in (SCRUTINY_ITEM, "/jc/2019/2019-11-05/"):
        said = page(site, url).one("p", class_="call-in")
        assert said.text == ("Call-in of TB/19/13 Healthy Weight Strategy 2019 to 2024 (TB, 14 March 2019). Outcome: "
                             "Referred back to the decision maker.")
        assert said.one("a").attrs["href"] == CALLED_IN


def test_the_open_data_gives_the_call_in_on_both_minutes(site):
    items = _items(site)
    base = "https://records.testshire.example"
    assert items["jc/2019-11-05 7"]["calls_in"] == {"body": "tb", "minute": "TB/19/13", "outcome": "referred-back",
                                                    "url": base + CALLED_IN}
    assert items["tb/2019-03-14 TB/19/13"]["called_in_by"] == [
        {"body": "jc", "meeting": "jc/2019-11-05", "date": "2019-11-05", "minute": "7", "outcome": "referred-back",
         "url": base + SCRUTINY_ITEM}]
    assert items["tb/2019-03-14 TB/19/13"]["calls_in"] is None and items["jc/2019-11-05 7"]["called_in_by"] == []


def test_a_call_in_named_by_the_number_alone_is_of_the_body_whose_numbering_it_fits(archive, build, tmp_path):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: TB/19/13")
    assert page(built_cleanly(build, archive, tmp_path), CALLED_IN).one("p", class_="called-in").text == NOTICE


# --- a call-in that is not published shows nothing ---------------------------------------------------------

def _shows_no_call_in(site, url: str = CALLED_IN, minute: str = "tb/2019-03-14 TB/19/13") -> None:
    assert page(site, url).find_all("p", class_="called-in") == []
    assert _items(site)[minute]["called_in_by"] == []


def test_a_call_in_in_draft_minutes_shows_nothing_on_public_pages(archive, build, tmp_path):
    edit(archive, CALL_IN, "status: approved", "status: draft")
    _shows_no_call_in(built_cleanly(build, archive, tmp_path))


def test_a_call_in_in_a_private_meeting_shows_nothing_on_public_pages(archive, build, tmp_path):
    folder = archive / "meetings/jc/2019-12-10"
    folder.mkdir()
    (folder / "meeting.md").write_text("---\nbody: jc\ndate: 2019-12-10\nsession: private\n---\n", encoding="utf-8")
    (folder / "minutes.md").write_text(
        "---\nstatus: approved\n---\n## 1 Call-in: Pharmaceutical needs assessment CANARY-CALL-IN-5150\n\n"
        "```item\ncalls_in: TB/19/22\ncall_in_outcome: no further action\n```\n\nNo further action.\n",
        encoding="utf-8")
    site = built_cleanly(build, archive, tmp_path)
    _shows_no_call_in(site, "/tb/2019/tb-19-22/", "tb/2019-06-20 TB/19/22")
    assert not any("CANARY-CALL-IN-5150" in p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file())


def test_a_confidential_scrutiny_items_call_in_shows_nothing(archive, build, tmp_path):
    edit(archive, CALL_IN, "call_in_outcome: referred back\n",
         "call_in_outcome: referred back\nconfidential: yes\nreason: Exempt under paragraph 3 of Schedule 12A\n")
    site = built_cleanly(build, archive, tmp_path)
    _shows_no_call_in(site)
    assert page(site, SCRUTINY_ITEM).find_all("p", class_="call-in") == []
    assert _items(site)["jc/2019-11-05 7"]["calls_in"] is None


# --- mistakes: one message each ----------------------------------------------------------------------------

def _at(archive, written: str, text: str, severity: str = "error") -> str:
    return f"content/{CALL_IN}:{line_of(archive, CALL_IN, written)}: {severity}: {text}"


def _messages(build, archive, severity: str = "error") -> list[str]:
    result = build(archive)
    assert result.ok == (severity == "warning")
    return [m for m in messages(result, severity) if CALL_IN in m]


def test_an_outcome_that_is_none_of_the_three_is_an_error_naming_the_one_most_likely_meant(archive, build):
    edit(archive, CALL_IN, "call_in_outcome: referred back", "call_in_outcome: refered bak")
    assert _messages(build, archive) == [_at(archive, "call_in_outcome:", "call_in_outcome: 'refered bak' is not one "
                                             "of: no-further-action, referred-back, referred-to-council; did you mean "
                                             "'referred-back'?")]


def test_a_call_in_without_its_outcome_is_an_error(archive, build):
    edit(archive, CALL_IN, "call_in_outcome: referred back\n", "")
    assert _messages(build, archive) == [_at(archive, "calls_in:", "minute item 7 calls in tb:TB/19/13, but does not "
                                             "say what the committee resolved; add `call_in_outcome: "
                                             "no-further-action`, `referred-back` (to the decision maker) or "
                                             "`referred-to-council`")]


def test_an_outcome_without_the_decision_called_in_is_an_error(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13\n", "")
    assert _messages(build, archive) == [_at(archive, "call_in_outcome:", "minute item 7 gives a call_in_outcome, but "
                                             "no decision it called in; add `calls_in:` with the minute number of the "
                                             "decision called in (another body's: body:number, e.g. cab:CAB/24/12), "
                                             "or take call_in_outcome out")]


def test_a_call_in_of_what_is_no_bodys_minute_number_is_an_error_saying_how_to_write_one(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: CAB/24/12")
    assert _messages(build, archive) == [_at(archive, "calls_in:", "calls_in 'CAB/24/12' is not a minute number of "
                                             "any body; write the number of the decision called in, with its body, "
                                             "e.g. tb:TB/19/70")]


def test_a_call_in_by_a_body_whose_only_other_body_numbers_per_meeting_gives_that_bodys_own_meeting_for_example(
        archive, build):
    """The example names the other body's latest meeting by its folder, not a date of another archive."""
    board = "meetings/tb/2019-03-14/minutes.md"
    edit(archive, board, "```item\npaper: A\n", "```item\npaper: A\ncalls_in: XYZ/1\n"
         "call_in_outcome: no further action\n")
    result = build(archive)
    assert not result.ok
    assert [m for m in messages(result, "error") if "calls_in" in m] == [
        f"content/{board}:{line_of(archive, board, 'calls_in: XYZ/1')}: error: calls_in 'XYZ/1' is not a minute "
        "number of any body; write the number of the decision called in, with its body, e.g. jc:2019-11-05/1"]


def test_a_call_in_of_the_committees_own_minute_is_an_error(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: jc:2019-11-05/5")
    assert _messages(build, archive) == [_at(archive, "calls_in:", "calls_in names minute 2019-11-05/5, one of the "
                                             "JC's own: a call-in is of another body's decision; write the number of "
                                             "the decision called in, with its body if two number alike, e.g. "
                                             "tb:TB/19/70")]


def test_a_call_in_of_a_minute_the_archive_does_not_have_is_an_error_naming_the_nearest(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: tb:TB/19/31")
    assert _messages(build, archive) == [_at(archive, "calls_in:", "calls_in names minute TB/19/31 of the TB, which "
                                             "the archive does not have; check the number; nearest existing: "
                                             "TB/19/20, TB/19/21, TB/19/22")]


def test_a_call_in_of_a_decision_taken_after_the_scrutiny_meeting_is_an_error(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: TB/20/1")
    assert _messages(build, archive) == [_at(archive, "calls_in:", "calls_in names minute TB/20/1 of the TB's meeting "
                                             "of 16 January 2020, which is not before this meeting (5 November "
                                             "2019); a call-in considers a decision taken before it: check the "
                                             "number, or the meetings' dates")]


def test_a_call_in_of_a_private_meetings_minute_is_a_warning_and_names_it_without_a_link(archive, build, tmp_path):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: TB/19/23")
    assert _messages(build, archive, "warning") == [_at(
        archive, "calls_in:", "calls_in names minute TB/19/23, which is in the minutes of a private meeting "
        "(content/meetings/tb/2019-06-20-private/minutes.md:4), which are never published; the item names it "
        "without a link, and no page says it was called in; check the number if the decision was taken in public",
        "warning")]
    out = tmp_path / "site"
    assert build(archive, out).ok
    said = page(out, SCRUTINY_ITEM).one("p", class_="call-in")
    assert said.text == "Call-in of TB minute TB/19/23. Outcome: Referred back to the decision maker."
    assert said.find_all("a") == []


def test_a_call_in_of_a_minute_in_draft_minutes_is_a_warning_until_they_are_approved(archive, build):
    edit(archive, CALL_IN, "calls_in: tb:TB/19/13", "calls_in: TB/19/22")
    edit(archive, "meetings/tb/2019-06-20/minutes.md", "status: approved", "status: draft")
    assert _messages(build, archive, "warning") == [_at(
        archive, "calls_in:", "calls_in names minute TB/19/22, which is in draft minutes "
        "(content/meetings/tb/2019-06-20/minutes.md:17), which are not published until they are approved; once a "
        "meeting has approved them, write `status: approved` in them, and the call-in links and its page says it was "
        "called in; till then the item names it without a link", "warning")]
    assert [m for m in messages(build(archive, drafts=True)) if CALL_IN in m] == []  # published with --drafts
