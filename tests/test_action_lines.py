"""Actions written in the minutes' text as packs write them, and the owners they name (inline_actions.py).

One copy of the fixture archive, checked once for the module: the board's
minutes of 14 March 2019 (both Councillors Turner at the meeting, Mr Dev Patel
sending apologies) with items added after TB/19/15 whose lines give an action
its id ("Action A23: CS to ..."), name its owner by a title and a surname
("Dr Patel to ..."), or name the joint committee, JC, whose short name is also
the initials of Jane Cole, added to the register, or by its slug, jc, in lower
case; an item listing one action of Carol Singh's whose text has two lines for her; and the board's log of 20 June 2019 naming the committee's action by its
short name.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator.build import Options, run
from helpers import FIXTURE, TODAY, edit, line_of

MINUTES = "meetings/tb/2019-03-14/minutes.md"
LOG = "meetings/tb/2019-06-20/actions.md"
LINES = """

## TB/19/16 Actions given their ids

```item
actions:
  - owner: frank-turner
    text: Ask the schools for their menus.
    due: 2019-05-31
    id: A26
```

Action A23: CS to circulate the report by 1 March 2020

Action A24: complete

Mr Patel to circulate the leaflet [Action A25: DP]

ACTION A26 – Cllr Lovelace to write to the head teachers

## TB/19/17 Actions for people named by their titles

ACTION: Dr Patel to write to the bishop

ACTION: Councillor Turner to write to the heads

ACTION: Cllr Smith to write to the vicar

ACTION: JC to write to the schools

## TB/19/18 Actions for a body

```item
actions:
  - owner: JC
    text: Report on the pilot.
    due: 2019-05-31
  - owner: {body: JC}
    text: Report on the survey.
    due: 2019-05-31
```

Discussed.

## TB/19/19 Actions numbered as some bodies number theirs

Action 3: CS to circulate the paper

Action 5: complete

## TB/19/20 An action for a body named by its slug

ACTION: jc to write to the parents

## TB/19/21 Two actions for one owner, one of them listed

```item
actions:
  - owner: carol-singh
    text: Publish the menus on the council website.
    due: 2019-04-30
```

ACTION: CS to write to the minister about the sugar levy by 31 May 2019

ACTION: CS to publish the menus on the council website by 30 April 2019
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """(the content folder, the warnings and errors of checking it)."""
    content = tmp_path_factory.mktemp("action-lines") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "people.yaml").write_text((content / "people.yaml").read_text(encoding="utf-8")
                                         + "jane-cole:\n  name: Jane Cole\n  initials: JC\n", encoding="utf-8")
    (content / MINUTES).write_text((content / MINUTES).read_text(encoding="utf-8") + LINES, encoding="utf-8")
    edit(content, LOG, "action: TB/19/13#2", "action: JC:2019-11-05/7#1")
    result = run(Options(content=content, out=content.parent / "site", today=dt.date.fromisoformat(TODAY),
                         search=False, cache=False), write=False)
    return content, [d.format() for d in result.report.items]


def about(checked, needle: str) -> list[str]:
    """The messages on the line of MINUTES that holds `needle`."""
    content, messages = checked
    return [m for m in messages if m.startswith(f"content/{MINUTES}:{line_of(content, MINUTES, needle)}:")]


UNTRACKED = "warning: '{}' records an action in the text of minute {} only, not under `actions:`, so it is not " \
    "tracked: it has no id, page or place on the action tracker; to track it, give the item an ```item block " \
    "listing it under `actions:` as "


def test_an_action_line_giving_its_id_is_read_as_the_action_it_raises_with_that_id(checked):
    """"Action A23: CS to circulate the report by 1 March 2020", as a trust's minutes number the actions of its
    log: it was not read at all, and its owner and due date were lost. The reference 'Action A23', which no action
    has yet, is left to this message, which gives the `id:` to write (test_references)."""
    line = "Action A23: CS to circulate the report by 1 March 2020"
    assert about(checked, line) == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, line)}: warning: '{line}' records an action in the text of "
        "minute TB/19/16 only, not under `actions:`, so it is not tracked: it has no page or place on the action "
        "tracker, and the id A23 it gives is no action's until it is listed; to track it, list it under `actions:` "
        f"in the item's ```item block (line {line_of(checked[0], MINUTES, '```item', 4)}) as `- owner: carol-singh`, "
        "`text: Circulate the report`, `due: 1 March 2020`, `id: A23`"]


def test_an_action_in_square_brackets_giving_its_id_is_read_so_too(checked):
    """It was an error of the build, not a word to the clerk, once the id was read in round brackets."""
    assert [m.split(") as ")[1] for m in about(checked, "[Action A25: DP]")] == [
        "`- owner: dev-patel`, `text: Circulate the leaflet`, `id: A25`"]


def test_an_action_line_giving_an_id_and_no_owner_or_due_date_is_an_update_and_not_read_as_an_action(checked):
    """"Action A24: complete" says how an action stands, which is the log's to say (the reference to an id the
    body gave no action is warned of as before: test_references)."""
    assert about(checked, "Action A24: complete") == []


def test_an_action_line_giving_the_id_of_an_action_the_item_lists_is_recorded_by_it(checked):
    """Whoever it names and however it is worded: an item's two actions of one id would be a mistake."""
    assert about(checked, "ACTION A26") == []


@pytest.mark.parametrize("line, owner", [
    ("ACTION: Dr Patel to write to the bishop", "`- owner: dev-patel`, `text: Write to the bishop`"),
    ("ACTION: Councillor Turner to write to the heads", "`- owner:` the id of the Councillor Turner meant, "
     "eve-turner or frank-turner, `text: Write to the heads`"),
    ("ACTION: Cllr Smith to write to the vicar", "`- owner:` the person meant by 'Cllr Smith' (no one in the people "
     "register is known by that name: add them to it, or write {name: Cllr Smith} for someone not in it), `text: "
     "Write to the vicar`"),
], ids=["another title", "two of that surname", "no one of it"])
def test_an_action_line_naming_its_owner_by_a_title_and_a_surname_reads_the_register_without_the_title(
        checked, line, owner):
    """'Dr Patel' is the register's Mr Dev Patel, its one Patel; 'Councillor Turner' either of two councillors at the
    meeting; 'Cllr Smith' no one it knows. The owner was left for the clerk to fill in and the words kept in the
    action's text, as though they named no one."""
    assert about(checked, line) == [f"content/{MINUTES}:{line_of(checked[0], MINUTES, line)}: "
                                    + UNTRACKED.format(line, "TB/19/17") + owner]


BOTH = "JC names the body jc and is the initials of Jane Cole (jane-cole): write {body: jc} for the body, or " \
    "jane-cole for the person"


def test_a_body_s_short_name_that_is_someones_initials_asks_which_is_meant_in_a_line_and_in_a_field_alike(checked):
    """The line read JC as Jane Cole, as the text's initials link; `owner: JC` in a block as the body."""
    assert about(checked, "ACTION: JC") == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, 'ACTION: JC')}: "
        + UNTRACKED.format("ACTION: JC to write to the schools", "TB/19/17") + f"`- owner:` the person meant by 'JC' "
        f"({BOTH}), `text: Write to the schools`"]
    assert about(checked, "  - owner: JC") == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, '  - owner: JC')}: error: unknown person 'JC'; {BOTH}"]


def test_a_body_written_by_its_short_name_in_braces_is_told_its_slug(checked):
    """`{body: JC}`: it was "no body 'JC'", with the list of bodies, where `owner: JC` was told `{body: jc}`."""
    assert about(checked, "{body: JC}") == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, '{body: JC}')}: error: no body 'JC': it names the body jc, "
        "whose file is content/bodies/jc.md; write {body: jc}"]


def test_an_update_naming_another_bodys_action_with_its_short_name_is_told_its_slug(checked):
    """`JC:2019-11-05/7#1`, as the text's "action JC-A23" names it: it was told only that there is no body 'JC'."""
    content, messages = checked
    assert f"content/{LOG}:{line_of(content, LOG, 'action: JC:')}: error: update for an unknown action " \
        "'JC:2019-11-05/7#1'; there is no body 'JC': it names the body jc, whose file is content/bodies/jc.md: write " \
        "jc:2019-11-05/7#1" in messages


def test_an_action_line_giving_a_number_alone_is_read_as_the_action_it_raises_with_that_id(checked):
    """"Action 3: CS to circulate the paper", as bodies numbering their log's actions 1, 2, 3 ... write it: it was
    not read at all, where "Action A23: ..." was; "Action 5: complete" is an update still, the log's to record."""
    line = "Action 3: CS to circulate the paper"
    assert about(checked, line) == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, line)}: warning: '{line}' records an action in the text of "
        "minute TB/19/19 only, not under `actions:`, so it is not tracked: it has no page or place on the action "
        "tracker, and the id 3 it gives is no action's until it is listed; to track it, give the item an ```item "
        "block listing it under `actions:` as `- owner: carol-singh`, `text: Circulate the paper`, `id: 3`"]
    assert about(checked, "Action 5: complete") == []


def test_an_action_line_naming_a_body_by_its_slug_is_read_as_the_body_as_an_owner_field_naming_it_so_is(checked):
    """"ACTION: jc to write to the parents", as `owner: jc` names the joint committee: the owner was left for the
    clerk to fill in and 'Jc to write to the parents' kept as the action's text."""
    line = "ACTION: jc to write to the parents"
    assert about(checked, line) == [
        f"content/{MINUTES}:{line_of(checked[0], MINUTES, line)}: " + UNTRACKED.format(line, "TB/19/20")
        + "`- owner: {body: jc}`, `text: Write to the parents`"]


def test_an_action_line_whose_owners_one_listed_action_another_line_records_is_told_it_is_not_listed(checked):
    """An item listing an action of the line's owner was taken to record the line, whatever it said: the clerk who
    listed one of Dr Singh's two actions and forgot the other was told nothing. The listed action is the line's
    whose words it has (the later line here); the other line is told which that is, and what to write."""
    content, _ = checked
    line = "ACTION: CS to write to the minister about the sugar levy by 31 May 2019"
    listed_at = line_of(content, MINUTES, "text: Publish the menus") - 1
    other = line_of(content, MINUTES, "ACTION: CS to publish the menus")
    assert about(checked, "ACTION: CS to publish the menus") == []
    assert about(checked, line) == [
        f"content/{MINUTES}:{line_of(content, MINUTES, line)}: warning: '{line[:60].rstrip()}…' records an action in the text "
        "of minute TB/19/21 only, not under `actions:`, so it is not tracked: the action the item lists for its owner, "
        f"'Publish the menus on the council website.' (line {listed_at}), is the one line {other} records; it has no "
        "id, page or place on the action tracker; to track it, list it under `actions:` in the item's ```item block "
        f"(line {listed_at - 2}) as `- owner: carol-singh`, `text: Write to the minister "
        f"about the sugar levy`, `due: 31 May 2019`; or, if it is the action line {other} records, written twice, take "
        "one of the two lines out"]
