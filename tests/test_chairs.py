"""Who was in the chair (generator/chairs.py), read as a specification.

The fixture's meeting of 14 March 2019 is chaired by Ada Lovelace, and Carol Singh took the chair for minute
TB/19/13 (`chair: carol-singh` in its ```item block), for the confidential minute TB/19/14, and for the private
meeting's TB/19/23, for which Ada Lovelace, its chair, left the room: nothing publishes the last two. A meeting whose `chair:` names two people has co-chairs.
"""

from __future__ import annotations

import json

import pytest

from generator.chairs import left_the_room, names
from helpers import JC_MINUTES, council_numbered, edit, line_of, messages, page

MEETING = "meetings/tb/2019-03-14/meeting.md"
MINUTES = "meetings/tb/2019-03-14/minutes.md"
ITEM_CHAIR = "chair: carol-singh\nvotes:"  # TB/19/13's


def at(relative: str, line: int, text: str, severity: str = "error") -> str:
    return f"content/{relative}:{line}: {severity}: {text}"


def said_after(build, archive, severity: str) -> list[str]:
    return messages(build(archive), severity)


def test_the_items_page_and_its_place_on_the_meetings_page_say_who_was_in_the_chair_for_it(site):
    for url in ("/tb/2019/tb-19-13/", "/tb/2019/2019-03-14/"):
        said = page(site, url).one("p", class_="item-chair")
        assert said.text == "In the chair for this item: Dr Carol Singh"
        assert said.links() == [("/people/carol-singh/", "Dr Carol Singh")]
    # the other items were chaired by the meeting's chair, whom the meeting's facts name
    assert len(page(site, "/tb/2019/2019-03-14/").find_all("p", class_="item-chair")) == 1


def test_the_member_who_took_the_chair_for_an_item_has_it_on_their_pages_and_in_their_feed_with_the_same_count(site):
    """Chairing an item records them at the meeting, as presenting one does: the meeting counts once."""
    for url in ("/people/carol-singh/", "/people/carol-singh/2019/"):
        rows = [row.text for row in page(site, url).find_all("tr") if row.text.startswith("14 March 2019")]
        assert rows == ["14 March 2019 Health and Wellbeing Board, 14 March 2019 Present (Director of Public Health); "
                        "Presented item TB/19/13; Lead responsible for item TB/19/13; Chaired item TB/19/13"]
    feed = (site / "feeds" / "people" / "carol-singh.xml").read_text(encoding="utf-8")
    assert "Lead responsible for item TB/19/13; Chaired item TB/19/13; Abstained (TB/19/13)" in feed
    people = page(site, "/people/").find_all("tr")  # 4 meetings, as before she chaired an item of one of them
    assert [row.text for row in people if "/people/carol-singh/" in dict(row.links())] == [
        "Dr Carol Singh Testshire County Council 4"]


def test_the_open_data_gives_the_person_in_the_chair_for_each_item_and_null_for_the_rest(site):
    minutes = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    march = next(record for record in minutes["minutes"] if record["meeting"] == "tb/2019-03-14")
    assert {item["ref"]: item["chair"] for item in march["items"]} == {
        "TB/19/12": None, "TB/19/13": {"id": "carol-singh", "name": "Dr Carol Singh"},
        "TB/19/14": None, "TB/19/15": None}


def test_who_took_the_chair_for_a_confidential_item_or_at_a_private_meeting_is_published_nowhere(site):
    """Carol Singh chaired TB/19/14 (confidential) and the private meeting's TB/19/23 besides TB/19/13."""
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".ics", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert "Chaired item TB/19/14" not in text and "Chaired item TB/19/23" not in text, path
    assert page(site, "/tb/2019/tb-19-14/").find_all("p", class_="item-chair") == []


def test_a_meeting_whose_chair_names_two_people_shows_them_as_co_chairs(archive, build, tmp_path):
    edit(archive, MEETING, "chair: ada-lovelace\n", "chair: [ada-lovelace, eve-turner]\n")
    result = build(archive, tmp_path / "site")
    assert result.ok and messages(result) == []
    facts = page(tmp_path / "site", "/tb/2019/2019-03-14/").one("dl", class_="facts")
    terms = [term.text for term in facts.find_all("dt")]
    assert "Co-chairs" in terms and "Chair" not in terms
    assert facts.find_all("dd")[terms.index("Co-chairs")].text == "Councillor Ada Lovelace and Councillor Eve Turner"
    rows = [row.text for row in page(tmp_path / "site", "/people/eve-turner/").find_all("tr")
            if row.text.startswith("14 March 2019")]
    assert rows == ["14 March 2019 Health and Wellbeing Board, 14 March 2019 Co-chair; Present; Left during item "
                    "TB/19/14"]
    # and so do the open data's participants, as the schema published with them says
    meetings = json.loads((tmp_path / "site" / "data" / "meetings.json").read_text(encoding="utf-8"))
    march = next(event for event in meetings["events"] if event["extras"]["meeting"] == "tb/2019-03-14")
    assert [(entity["id"], entity["note"]) for entity in march["participants"] if "chair" in entity["note"]] == [
        ("ada-lovelace", "co-chair"), ("eve-turner", "co-chair")]
    schema = json.loads((tmp_path / "site" / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    assert "co-chair" in schema["$defs"]["entity"]["properties"]["note"]["description"]


def test_an_items_chair_the_attendance_lists_as_giving_apologies_is_an_error(archive, build):
    edit(archive, MINUTES, ITEM_CHAIR, "chair: dev-patel\nvotes:")
    assert said_after(build, archive, "error") == [at(MINUTES, line_of(archive, MINUTES, "chair: dev-patel"),
        "Mr Dev Patel is named as the chair on minute TB/19/13, but the meeting's attendance lists them as giving "
        "apologies; correct the name, or the attendance in meeting.md")]


def test_an_items_chair_the_attendance_does_not_list_is_an_error(archive, build):
    later = "meetings/tb/2019-06-20/minutes.md"
    edit(archive, later, "## TB/19/22 Pharmaceutical needs assessment\n",
         "## TB/19/22 Pharmaceutical needs assessment\n\n```item\nchair: brian-okafor\n```\n")
    assert said_after(build, archive, "error") == [at(later, line_of(archive, later, "chair: brian-okafor"),
        "Mr Brian Okafor is named as the chair on minute TB/19/22, but the meeting's attendance does not list them "
        "as present; add them to `present:` (or `deputising:`) in meeting.md, or correct the name")]


def test_an_items_chair_who_left_the_meeting_before_the_item_is_an_error(archive, build):
    edit(archive, MEETING, "event: left\n      item: TB/19/14\n", "event: left\n      item: TB/19/12\n")
    edit(archive, MINUTES, "      for: [ada-lovelace, eve-turner, {name: Priya Shah}]\n",
         "      for: [ada-lovelace, {name: Priya Shah}]\n")  # she did not vote on it either
    edit(archive, MINUTES, "    abstained: 1\n", "    abstained: 0\n")
    edit(archive, MINUTES, ITEM_CHAIR, "chair: eve-turner\nvotes:")
    assert said_after(build, archive, "error") == [at(MINUTES, line_of(archive, MINUTES, "chair: eve-turner"),
        "Councillor Eve Turner is named as the chair on minute TB/19/13, but the meeting's attendance says they left "
        f"during item TB/19/12, before it; correct the name, or their movement (content/{MEETING}:"
        f"{line_of(archive, MEETING, 'person: eve-turner')}); if they came back before the item, add that under "
        "`movements:` (`event: joined`, and the item)")]


def test_an_items_chair_whose_declaration_at_it_says_they_left_the_room_is_a_warning_naming_both_lines(archive,
                                                                                                       build):
    """Dr Singh cannot have taken the chair for TB/19/13 and left the room for it: one of the two is wrong, and the
    action is free text, which says so only by its words (as a vote naming her is told, which is the other)."""
    edit(archive, MINUTES, "paper: A\nlead:", "paper: A\ndeclarations:\n  - person: carol-singh\n    interest: "
         "Trustee of the charity\n    action: Left the room for the item\nlead:")
    chaired = [m for m in said_after(build, archive, "warning") if "as the chair" in m]
    assert chaired == [at(MINUTES, line_of(archive, MINUTES, ITEM_CHAIR.split("\n")[0]),
        "Dr Carol Singh is named as the chair on minute TB/19/13, but their declaration of interest on it (line "
        f"{line_of(archive, MINUTES, 'Left the room')}) says 'Left the room for the item'; name in `chair:` whoever "
        "took the chair while they were out of the room; if they came back and took it, say so in the declaration's "
        "action ('... and returned to take the chair')", "warning")]
    edit(archive, MINUTES, "Left the room for the item", "Left the room and returned to take the chair")
    assert [m for m in said_after(build, archive, "warning") if "as the chair" in m] == []


def test_an_item_naming_more_than_one_chair_is_an_error(archive, build):
    edit(archive, MINUTES, ITEM_CHAIR, "chair: [frank-turner, eve-turner]\nvotes:")
    assert said_after(build, archive, "error") == [at(MINUTES, line_of(archive, MINUTES, "chair: [frank"),
        "chair: an item has one chair, but this names 2; write who took the chair for the item alone; co-chairs of "
        "the whole meeting go in meeting.md's `chair:`")]


def test_a_body_named_as_an_items_chair_is_an_error(archive, build):
    edit(archive, MINUTES, ITEM_CHAIR, "chair: {body: jc}\nvotes:")
    assert said_after(build, archive, "error") == [at(MINUTES, line_of(archive, MINUTES, "chair: {body"),
        "chair: 'jc' is a body, and a body does not take the chair; write the person who took the chair for the "
        "item")]


def test_the_meetings_own_chair_named_as_an_items_chair_is_a_warning_as_it_records_nothing(archive, build):
    edit(archive, MINUTES, ITEM_CHAIR, "chair: Councillor Lovelace\nvotes:")
    assert said_after(build, archive, "warning") == [at(MINUTES, line_of(archive, MINUTES, "chair: Councillor"),
        "Councillor Ada Lovelace is named as the chair on minute TB/19/13, but is the meeting's chair (meeting.md's "
        "`chair:`), so there is nothing to record; take `chair:` out of the item, or name whoever took the chair for "
        "it in their place", "warning")]


def test_one_of_a_meetings_co_chairs_named_as_an_items_chair_says_which_of_them_took_it(archive, build, tmp_path):
    edit(archive, MEETING, "chair: ada-lovelace\n", "chair: [ada-lovelace, carol-singh]\n")
    result = build(archive, tmp_path / "site")
    assert result.ok and messages(result) == []
    assert page(tmp_path / "site", "/tb/2019/tb-19-13/").one("p", class_="item-chair").text == \
        "In the chair for this item: Dr Carol Singh"


AOB = "## TB/19/15 Any other business\n"


def test_an_item_the_meetings_chair_left_the_room_for_that_names_no_one_in_the_chair_is_a_warning(archive, build):
    edit(archive, MINUTES, AOB, AOB + "\n```item\ndeclarations:\n  - person: ada-lovelace\n    interest: A trustee of "
         "the charity raised\n    action: Left the room for the item\n```\n")
    assert said_after(build, archive, "warning") == [at(MINUTES, line_of(archive, MINUTES, "Left the room"),
        "Councillor Ada Lovelace, the meeting's chair, declared an interest on minute TB/19/15 with the action "
        "'Left the room for the item', but the item does not say who took the chair for it; add `chair:` to the "
        "item's ```item block, naming who took the chair (the vice-chair, say)", "warning")]
    # naming who did is all it asks
    edit(archive, MINUTES, "```item\ndeclarations:\n  - person: ada-lovelace\n",
         "```item\nchair: frank-turner\ndeclarations:\n  - person: ada-lovelace\n")
    assert said_after(build, archive, "warning") == []


def test_the_chair_leaving_the_room_declared_at_the_standing_item_for_declarations_is_no_warning(archive, build):
    """Declared at the start, under TB/19/12 "Apologies and declarations of interest": the action says what she
    did at the item she declared for, not at TB/19/12."""
    edit(archive, MINUTES, "    action: Remained in the meeting and took part in the discussion\n",
         "    action: Left the room for the item\n")
    assert said_after(build, archive, "warning") == []


STANDING_DECLARATION = "    action: Remained in the meeting and took part in the discussion\n"  # at TB/19/12


def _out_of_the_votes(archive) -> None:
    """TB/19/13's votes without Dr Singh, who left the room for it: else they count her, and name her abstaining,
    warnings of their own (test_errors.py)."""
    edit(archive, MINUTES, "    against: 3\n    abstained: 1\n", "    against: 3\n")
    edit(archive, MINUTES, "      abstained: [carol-singh]\n", "")


def test_an_items_chair_who_left_the_room_for_it_as_declared_at_the_standing_item_is_a_warning_naming_both_lines(
        archive, build):
    """Declared at the start, under TB/19/12, for the later item TB/19/13 by its number: Dr Singh cannot have taken
    the chair for it, as when she declares so at the item itself."""
    edit(archive, MINUTES, STANDING_DECLARATION, STANDING_DECLARATION + "  - person: carol-singh\n    interest: "
         "Trustee of the charity\n    action: Left the room for item TB/19/13\n")
    _out_of_the_votes(archive)
    assert said_after(build, archive, "warning") == [at(MINUTES, line_of(archive, MINUTES, ITEM_CHAIR.split("\n")[0]),
        "Dr Carol Singh is named as the chair on minute TB/19/13, but their declaration of interest at minute "
        f"TB/19/12 (line {line_of(archive, MINUTES, 'Left the room')}) says 'Left the room for item TB/19/13'; name "
        "in `chair:` whoever took the chair while they were out of the room; if they came back and took it, say so "
        "in the declaration's action ('... and returned to take the chair')", "warning")]
    edit(archive, MINUTES, "Left the room for item TB/19/13", "Left the room for item TB/19/15")  # not the one she chaired
    assert said_after(build, archive, "warning") == []


@pytest.mark.parametrize("named", ["item 13", "agenda item 13", "minute 13", "Item No. 13"])
def test_a_standing_declaration_naming_the_later_item_by_the_last_part_of_its_number_is_read_against_it(
        archive, build, named):
    """Minutes name an item of their own meeting by its number's last part as often as in full: Dr Singh's
    declaration at TB/19/12 for "item 13" is for TB/19/13, whose chair she is named as."""
    edit(archive, MINUTES, STANDING_DECLARATION, STANDING_DECLARATION + "  - person: carol-singh\n    interest: "
         f"Trustee of the charity\n    action: Left the room for {named}\n")
    _out_of_the_votes(archive)
    assert said_after(build, archive, "warning") == [at(MINUTES, line_of(archive, MINUTES, ITEM_CHAIR.split("\n")[0]),
        "Dr Carol Singh is named as the chair on minute TB/19/13, but their declaration of interest at minute "
        f"TB/19/12 (line {line_of(archive, MINUTES, 'Left the room')}) says 'Left the room for {named}'; name "
        "in `chair:` whoever took the chair while they were out of the room; if they came back and took it, say so "
        "in the declaration's action ('... and returned to take the chair')", "warning")]


@pytest.mark.parametrize(("action", "shown", "named"), [
    ("Left the room for item 13", "TB/19/13", True), ("Left the room for item 013", "TB/19/13", True),
    ("Left the room for minute 45", "C/2024/045", True), ("Left the room for item 7.1", "7.1", True),
    ("Left the room for item 3", "TB/19/13", False), ("Left the room for item 13", "TB/19/3", False),
    ("Left the room for item 1", "7.1", False),  # part 1 of item 7, of a body numbering per meeting
    ("Left the room as 13 members remained", "TB/19/13", False), ("Left the room for the item", "TB/19/13", False),
    ("Left the room during the item 13 March 2019", "TB/19/13", False),  # a date
    ("Left the room for item TB/19/14", "TB/19/14", True), ("Left the room for item TB/19/14", "TB/19/13", False),
    # every item of a list or range after "items", not the first alone
    ("Left the room for items 12 and 13", "TB/19/13", True), ("Left the room for items 12, 13 and 14", "TB/19/14",
                                                              True),
    ("Left the room for items 12 & 13", "TB/19/13", True), ("Left the room for items TB/19/12 and TB/19/13",
                                                            "TB/19/13", True),
    ("Left the room for items 12-14", "TB/19/13", True), ("Left the room for items 12 to 14", "TB/19/14", True),
    ("Left the room for items 12–14", "TB/19/15", False), ("Left the room for items 12 and 14", "TB/19/13", False),
    ("Left the room for item 12 and 14 members stayed", "TB/19/14", False),  # "item": no list
    ("Left the room during items 12 to 13 March", "TB/19/13", False),  # a date
])
def test_which_minute_a_declarations_action_names_by_its_number(action, shown, named):
    assert names(action, shown) is named


@pytest.mark.parametrize(("action", "shown", "named"), [
    ("Left the room for item 7", "CCBP/19/75", True), ("Left the room for items 6 and 7", "CCBP/19/75", True),
    ("Left the room for item 7", "CCBP/19/7", False),  # the pack's item 7 is minute 75, not minute 7
    ("Left the room for item CCBP/19/75", "CCBP/19/75", True), ("Left the room for item 75", "CCBP/19/75", True),
    ("Left the room for item 07", "CCBP/19/75", True),
])
def test_a_declarations_action_names_an_item_by_the_packs_number_where_the_minutes_number_it_otherwise(action, shown,
                                                                                                     named):
    """A declaration names the item by the agenda the members had before them: the pack's item 7, CCBP/19/75."""
    assert names(action, shown, {"6": "CCBP/19/74", "7": "CCBP/19/75"}) is named


def test_an_items_chair_who_left_the_room_for_it_by_the_packs_number_is_a_warning(archive, build):
    """The pack's item 5 is minute 42: Dr Singh's declaration at it says she left the room for item 5, yet she is
    named in its chair, which was read as no warning, the declaration naming another item (5, not 42)."""
    council_numbered(archive)
    edit(archive, JC_MINUTES, 'paper: "05"\n', 'paper: "05"\nchair: carol-singh\ndeclarations:\n  - person: '
         'carol-singh\n    interest: Trustee of the provider\n    action: Left the room for item 5\n')
    assert said_after(build, archive, "warning") == [at(JC_MINUTES, line_of(archive, JC_MINUTES, "chair: carol"),
        "Dr Carol Singh is named as the chair on minute 42, but their declaration of interest on it (line "
        f"{line_of(archive, JC_MINUTES, 'Left the room')}) says 'Left the room for item 5'; name in `chair:` whoever "
        "took the chair while they were out of the room; if they came back and took it, say so in the declaration's "
        "action ('... and returned to take the chair')", "warning")]


def test_the_meetings_chair_leaving_the_room_for_a_later_item_declared_at_the_standing_item_asks_who_took_it(
        archive, build):
    """Ada Lovelace, the meeting's chair, declared at TB/19/12 that she left the room for TB/19/15, which names no
    one in the chair: the page would leave the reader to think she chaired it."""
    edit(archive, MINUTES, STANDING_DECLARATION, "    action: Left the room for item TB/19/15\n")
    assert said_after(build, archive, "warning") == [at(MINUTES, line_of(archive, MINUTES, "Left the room"),
        "Councillor Ada Lovelace, the meeting's chair, declared an interest at minute TB/19/12 with the action 'Left "
        "the room for item TB/19/15', but minute TB/19/15 does not say who took the chair for it; add `chair:` to "
        "minute TB/19/15's ```item block, naming who took the chair (the vice-chair, say)", "warning")]
    edit(archive, MINUTES, AOB, AOB + "\n```item\nchair: frank-turner\n```\n")  # naming who did is all it asks
    assert said_after(build, archive, "warning") == []


@pytest.mark.parametrize("action", ["Left the room for the item", "left the meeting", "Withdrew from the meeting",
                                    "Retired from the room", "Left the chamber during item TB/19/12.",
                                    "Left the room for item 12"])
def test_a_declarations_action_saying_the_member_left_says_they_could_not_chair_the_item(action):
    assert left_the_room(action, "TB/19/12")


@pytest.mark.parametrize("action", [
    "Remained in the meeting and took part in the discussion", "Did not vote",  # in the room, and may chair
    "Left the room for the discussion and returned for the vote", "Withdrew her question",
    "Left the room for item TB/19/13", "Left the room for item 13",  # declared at the standing item, for a later one
])
def test_a_declarations_action_that_does_not_say_the_member_left_for_this_item_is_not_read_so(action):
    assert not left_the_room(action, "TB/19/12")
