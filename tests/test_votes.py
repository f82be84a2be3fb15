"""Votes minuted under an item (generator/votes.py), read as a specification.

The fixture's minute TB/19/13 records an amendment lost on a show of hands
(For 1, Against 3, Abstained 1) and the motion (`kind: motion`), moved by Ada
Lovelace and seconded by Priya Shah (free text), carried on a recorded vote;
its confidential minute TB/19/14 records a recorded vote too, which nothing
publishes. A vote is shown on the minute's page as a table with the outcome in
words, on the page of each member a recorded vote names, and in the open
data. The mistakes, and their messages, are in test_errors.py.
"""

from __future__ import annotations

import json

import pytest

from generator.votes import took_no_part
from helpers import built_cleanly as _built, edit, page

MINUTES = "meetings/tb/2019-03-14/minutes.md"
ITEM = "/tb/2019/tb-19-13/"
AMENDMENT = "    outcome: lost\n    for: 1\n    against: 3\n    abstained: 1\n"


def _tables(site, url: str = ITEM) -> list[tuple[str, list[list[str]], str]]:
    """(caption, rows of cells, outcome) of each vote's table on the minute's page."""
    votes = page(site, url).one("div", class_="votes")
    return [(table.one("caption").text,
             [[cell.text for cell in row.find_all() if cell.tag in ("th", "td")]
              for row in table.one("tbody").find_all("tr")],
             table.one("tfoot").one("td").text) for table in votes.find_all("table")]


def _voted(site, url: str) -> list[dict[str, str]]:
    table = page(site, url).one("section", aria_labelledby="votes").one("table")
    headings = [th.text for th in table.one("thead").find_all("th")]
    return [dict(zip(headings, [td.text for td in tr.find_all("td")])) for tr in table.one("tbody").find_all("tr")]


def test_the_minutes_page_shows_each_vote_as_a_table_captioned_with_its_kind_motion_mover_and_seconder_and_its_outcome(
        site):
    assert _tables(site) == [
        ("Amendment moved by Councillor Frank Turner: to add a target for adult obesity.",
         [["For", "1"], ["Against", "3"], ["Abstained", "1"]], "Lost"),
        ("Motion: That the Healthy Weight Strategy 2019 to 2024 be approved. Moved by Councillor Ada Lovelace, "
         "seconded by Priya Shah.",
         [["For", "3", "Councillor Ada Lovelace, Councillor Eve Turner and Priya Shah"],
          ["Against", "1", "Councillor Frank Turner"], ["Abstained", "1", "Dr Carol Singh"]], "Carried")]
    assert page(site, ITEM).one("div", class_="votes").one("h2").text == "Votes"
    mover = page(site, ITEM).one("div", class_="votes").find_all("caption")[1].find_all("a")
    assert [a.attrs["href"] for a in mover] == ["/people/ada-lovelace/"]  # Priya Shah is not in the register


def test_each_member_a_recorded_vote_names_has_it_on_their_pages_with_how_they_voted(site):
    row = {"Meeting": "Health and Wellbeing Board, 14 March 2019",
           "Minute": "TB/19/13 Healthy Weight Strategy 2019 to 2024",
           "Motion": "Motion: That the Healthy Weight Strategy 2019 to 2024 be approved.", "Voted": "Against",
           "Outcome": "Carried (For 3, Against 1, Abstained 1)"}
    assert _voted(site, "/people/frank-turner/") == [row]
    assert _voted(site, "/people/frank-turner/2019/") == [row]
    assert _voted(site, "/people/carol-singh/") == [dict(row, Voted="Abstained")]
    link = page(site, "/people/frank-turner/").one("section", aria_labelledby="votes").find_all("a")[1]
    assert link.attrs["href"] == ITEM + "#votes"


def test_the_member_who_moved_a_vote_has_it_on_their_pages_and_in_their_feed(site):
    """A column says so only on the pages of those who moved or seconded one (Frank Turner's, above, has none)."""
    assert _voted(site, "/people/ada-lovelace/") == [{
        "Meeting": "Health and Wellbeing Board, 14 March 2019", "Minute": "TB/19/13 Healthy Weight Strategy 2019 to 2024",
        "Motion": "Motion: That the Healthy Weight Strategy 2019 to 2024 be approved.", "Moved or seconded": "Moved",
        "Voted": "For", "Outcome": "Carried (For 3, Against 1, Abstained 1)"}]
    feed = (site / "feeds" / "people" / "ada-lovelace.xml").read_text(encoding="utf-8")
    assert "Moved a motion (TB/19/13); Voted for (TB/19/13)" in feed


def test_a_members_pages_say_their_votes_are_how_they_voted_and_what_they_moved_or_seconded(site):
    """Their lists of votes hold the motions they moved or seconded as well as how they voted: the pages said they
    listed "recorded votes" alone."""
    assert page(site, "/people/ada-lovelace/").one("section", aria_labelledby="years").one("p").text == (
        "Each year's meetings, papers, declarations of interest, votes (how they voted, and the motions they moved or "
        "seconded) and actions have a page.")
    assert page(site, "/people/ada-lovelace/2019/").one("main").find("p").text.startswith(
        "The meetings that record Councillor Ada Lovelace in 2019, the papers that name them, the interests they "
        "declared, how they voted and the motions they moved or seconded, and the actions they own that were raised "
        "or closed that year.")


def test_a_member_whom_no_recorded_vote_names_has_no_list_of_votes(site):
    """Brian Okafor joined for the item in attendance; a vote by numbers alone names no one."""
    assert page(site, "/people/brian-okafor/").find_all("section", aria_labelledby="votes") == []


def test_the_open_data_gives_each_vote_with_its_figures_and_the_members_of_a_recorded_vote(site):
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    items = {i["ref"]: i for m in document["minutes"] if m["meeting"] == "tb/2019-03-14" for i in m["items"]}
    assert items["TB/19/13"]["votes"] == [
        {"kind": None, "amends": None, "motion": "Amendment moved by Councillor Frank Turner: to add a target for adult "
         "obesity.", "moved_by": None, "seconded_by": None, "outcome": "lost", "for": 1, "against": 3, "abstained": 1,
         "casting_vote": None, "majority": None, "recorded": None},
        {"kind": "motion", "amends": None, "motion": "That the Healthy Weight Strategy 2019 to 2024 be approved.",
         "moved_by": {"id": "ada-lovelace", "name": "Councillor Ada Lovelace"},
         "seconded_by": {"id": None, "name": "Priya Shah"}, "outcome": "carried",
         "for": 3, "against": 1, "abstained": 1, "casting_vote": None, "majority": None,
         "recorded": {"for": [{"id": "ada-lovelace", "name": "Councillor Ada Lovelace"},
                              {"id": "eve-turner", "name": "Councillor Eve Turner"},
                              {"id": None, "name": "Priya Shah"}],
                      "against": [{"id": "frank-turner", "name": "Councillor Frank Turner"}],
                      "abstained": [{"id": "carol-singh", "name": "Dr Carol Singh"}]}}]
    assert items["TB/19/12"]["votes"] == []


def test_a_confidential_minutes_recorded_vote_is_on_no_members_page(site):
    """Ada Lovelace voted on TB/19/13 and on the confidential TB/19/14: only the first is published (the motion
    of the second, and everything else of it, is a canary test_build.py looks for on every page)."""
    assert [row["Minute"][:8] for row in _voted(site, "/people/ada-lovelace/")] == ["TB/19/13"]


def test_equal_votes_carried_on_the_chairs_casting_vote_say_so(archive, build, tmp_path):
    edit(archive, MINUTES, AMENDMENT, "    outcome: carried\n    for: 2\n    against: 2\n    casting_vote: for\n")
    assert _tables(_built(build, archive, tmp_path))[0] == (
        "Amendment moved by Councillor Frank Turner: to add a target for adult obesity.",
        [["For", "2"], ["Against", "2"]], "Carried on the chair's casting vote")


def test_equal_votes_without_a_casting_vote_lose_the_motion_and_fewer_votes_than_members_present_are_no_mistake(
        archive, build, tmp_path):
    """Members need not vote: one who declared an interest may not."""
    edit(archive, MINUTES, AMENDMENT, "    outcome: lost\n    for: 1\n    against: 1\n")
    assert _tables(_built(build, archive, tmp_path))[0][1:] == ([["For", "1"], ["Against", "1"]], "Lost")


def test_a_motion_lost_for_want_of_a_special_majority_says_which_was_needed(archive, build, tmp_path):
    edit(archive, MINUTES, AMENDMENT, "    outcome: lost\n    for: 3\n    against: 1\n"
         "    majority: two thirds of the members present\n")
    site = _built(build, archive, tmp_path)
    assert _tables(site)[0][1:] == ([["For", "3"], ["Against", "1"]],
                                    "Lost: a majority of two thirds of the members present was needed")
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    vote = next(i for m in document["minutes"] for i in m["items"] if i["ref"] == "TB/19/13")["votes"][0]
    assert (vote["majority"], vote["outcome"], vote["for"]) == ("two thirds of the members present", "lost", 3)


def test_a_vote_the_minutes_give_no_figures_for_is_its_motion_and_outcome_in_words(archive, build, tmp_path):
    edit(archive, MINUTES, AMENDMENT, "    outcome: lost\n")
    votes = page(_built(build, archive, tmp_path), ITEM).one("div", class_="votes")
    assert votes.one("p").text == "Amendment moved by Councillor Frank Turner: to add a target for adult obesity. Lost."
    assert len(votes.find_all("table")) == 1  # the recorded vote's


def test_an_amendment_says_what_it_amends_and_who_moved_and_seconded_it_where_the_minutes_give_no_figures(
        archive, build, tmp_path):
    """Frank Turner's pages list the amendment he moved, whose vote names no one: how he voted is not recorded."""
    edit(archive, MINUTES, '  - motion: "Amendment moved by Councillor Frank Turner: to add a target for adult '
         'obesity."\n' + AMENDMENT, "  - kind: amendment\n    amends: the *substantive* motion\n"
         "    motion: To add a target for adult obesity.\n    moved_by: frank-turner\n    seconded_by: carol-singh\n"
         "    outcome: lost\n")
    site = _built(build, archive, tmp_path)
    votes = page(site, ITEM).one("div", class_="votes")
    assert votes.one("p").text == ("Amendment to the substantive motion: To add a target for adult obesity. Moved by "
                                   "Councillor Frank Turner, seconded by Dr Carol Singh. Lost.")
    assert votes.one("p").one("em").text == "substantive"
    assert [row["Moved or seconded"] + "/" + row["Voted"] for row in _voted(site, "/people/frank-turner/")] == [
        "Moved/Not recorded", "/Against"]
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    vote = next(i for m in document["minutes"] for i in m["items"] if i["ref"] == "TB/19/13")["votes"][0]
    assert {key: vote[key] for key in ("kind", "amends", "moved_by", "seconded_by", "for")} == {
        "kind": "amendment", "amends": "the *substantive* motion",
        "moved_by": {"id": "frank-turner", "name": "Councillor Frank Turner"},
        "seconded_by": {"id": "carol-singh", "name": "Dr Carol Singh"}, "for": None}


@pytest.mark.parametrize("action", [
    "Left the room for the item", "Presented the report and did not vote",
    "Stayed in the room and took part in the discussion, but did not vote",
    "Member leaves the room for that agenda item",
    "Members stays in the room, can participate in the discussion and make comments but cannot vote on any decision",
    "Withdrew from the meeting", "Took no part in the debate or vote", "Did not take part in the vote",
    "Left the meeting during the item"])
def test_a_declarations_action_saying_the_member_left_or_did_not_vote_says_they_took_no_part_in_the_vote(action):
    """The chair's options in a body's conflicts of interest policy, and minutes' wordings of them: a member so
    named in the item's recorded vote is warned of (test_errors.py)."""
    assert took_no_part(action)


@pytest.mark.parametrize("action", [
    "Remained in the meeting and took part in the discussion",
    "Member stays in the room, can participate in discussion and can vote on the decision",
    "Recorded; as a potential conflict, no further action was required.",
    "Item is deferred \u2013agenda amended to reflect this", "Stayed in the room and voted",
    "Left the room for the discussion and returned for the vote", "Was not required to leave the room",
    "Withdrew her question", "Abstained"])
def test_a_declarations_action_that_does_not_say_the_member_took_no_part_in_the_vote_is_not_read_so(action):
    """Where the member stayed, voted, came back, or the words do not say: one who abstained is named so."""
    assert not took_no_part(action)
