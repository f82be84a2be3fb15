"""Clerk-facing errors: one test per mistake a clerk can make, with its exact message.

Each test breaks a private copy of the fixture archive (at <tmp>/content, so
reported paths start with `content/`) and asserts the whole message as the CLI
prints it, `path:line: severity: what is wrong; what to do`. Lines are looked up
in the edited file rather than hard-coded, so the tests say *which* line is
meant ("the line with `venu:`") and still fail if the message points elsewhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil

import pytest

from generator import inline_resolutions
from generator.build import Options
from generator.diagnostics import Report
from generator.incremental import Session
from generator.loader import load_archive
from helpers import (JC_MEETING, JC_MINUTES, TODAY, council_numbered, edit, html_pages, line_of, messages, page,
                     pagefind_plaintext, read_tree, url_of)

MEETING = "meetings/tb/2019-03-14/meeting.md"
MINUTES = "meetings/tb/2019-03-14/minutes.md"
# The June meeting raises no actions, so breaking its meeting.md drops nothing that others refer to.
LATER = "meetings/tb/2019-06-20/meeting.md"
LATER_MINUTES = "meetings/tb/2019-06-20/minutes.md"
LOG = "meetings/tb/2019-06-20/actions.md"
PRIVATE_MEETING = "meetings/tb/2019-06-20-private/meeting.md"
PRIVATE_MINUTES = "meetings/tb/2019-06-20-private/minutes.md"
DRAFT_MINUTES = "meetings/tb/2020-01-16/minutes.md"
UNSAFE_HINT = ("links must be web addresses (https://...), mailto: or relative; javascript: and data: links "
               "are not allowed")


def errors_after(build, archive) -> list[str]:
    result = build(archive)
    assert not result.ok
    return messages(result, "error")


def warnings_after(build, archive) -> list[str]:
    result = build(archive)
    assert result.ok
    return messages(result)


def at(relative: str, line: int, text: str, severity: str = "error") -> str:
    return f"content/{relative}:{line}: {severity}: {text}"


def agenda_item(archive, relative: str, needle: str, said: str) -> str:
    """An agenda item as the messages name it (validate.named_item): `said`, "agenda item 5, 'Title'", and where
    it is written, its line the one holding `needle` (its `ref:`)."""
    return f"{said} (content/{relative}:{line_of(archive, relative, needle)})"


# --- the file itself ----------------------------------------------------------------------------

def test_malformed_yaml_frontmatter(archive, build):
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "  venue: Committee Room 1, County Hall")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "venue:"),
        "malformed YAML: mapping values are not allowed in this context; check the indentation and that text "
        "containing ': ' or '#' is in quotes")]


@pytest.mark.parametrize("relative, old, new, message", [
    (MINUTES, '- "**AGREE** the offer CANARY-CONFIDENTIAL-7731"', "- **AGREE** the offer",
     "the value starts with '*', which YAML reads as a reference to an anchor; put the value in quotes: - "
     '"**AGREE** the offer"'),
    (MINUTES, "text: Produce an easy-read leaflet", "text: [Draft] Produce an easy-read leaflet",
     "the value starts with '[', which YAML reads as the start of a list; put the value in quotes: text: "
     '"[Draft] Produce an easy-read leaflet about the strategy."'),
    (LOG, "progress: The pilot is delayed until the autumn term.", "progress: 'The pilot's delayed until the autumn.'",
     "the quotation closes before the value ends: an apostrophe inside single quotes ends them; write each "
     "apostrophe inside single quotes as two (''): progress: 'The pilot''s delayed until the autumn.'"),
    (LOG, "progress: The pilot is delayed until the autumn term.", 'progress: "Delayed" said the lead officer',
     "the quotation closes before the value ends: a quotation mark inside double quotes ends them; put the value in "
     "single quotes instead, writing each apostrophe in it as two (''), or write each quotation mark inside it as "
     '\\"'),
])
def test_a_value_yaml_reads_otherwise_than_as_text_is_named_with_the_quoting_it_needs(archive, build, relative, old,
                                                                                        new, message):
    """Markdown at the start of a value (**bold**, [brackets]) and quotation marks inside a quoted value are
    what clerks write; YAML's own words for them ("did not find expected key") say nothing of quotes."""
    edit(archive, relative, old, new)
    assert errors_after(build, archive) == [at(relative, line_of(archive, relative, new),
                                               f"malformed YAML: {message}")]


def test_a_resolution_with_a_colon_in_it_is_named_as_text_to_quote(archive, build):
    """`- RESOLVED: to approve` is good YAML, but a field named RESOLVED, not text."""
    edit(archive, MINUTES, '- "**APPROVE** the Healthy Weight Strategy 2019 to 2024."',
         "- RESOLVED: to approve the strategy")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- RESOLVED:"),
        "the text has ': ' after 'RESOLVED', so YAML reads it as a field of that name, not as text; put the whole "
        'text in quotes: "RESOLVED: to approve the strategy"')]


def test_a_meeting_that_cannot_be_loaded_is_the_one_problem_reported_of_it(archive, build):
    """March's minutes are approved at this meeting (approved_at): that it names no meeting follows from the
    error, and is not reported besides."""
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "  venue: Committee Room 1, County Hall")
    assert messages(build(archive)) == [at(LATER, line_of(archive, LATER, "venue:"),
        "malformed YAML: mapping values are not allowed in this context; check the indentation and that text "
        "containing ': ' or '#' is in quotes")]


JC = "meetings/jc/2019-11-05/meeting.md"
JC_MINUTES = "meetings/jc/2019-11-05/minutes.md"
NOT_RUN = "cross-references, moved.yaml, links in the text, templates"  # the fixture has a moved.yaml, no root/


@pytest.mark.parametrize("moved, root, said", [
    (False, False, "cross-references, links in the text, templates"),
    (True, True, "cross-references, moved.yaml, root/ files, links in the text, templates")])
def test_the_checks_not_run_name_moved_yaml_and_root_files_only_where_the_archive_has_them(archive, build, moved,
                                                                                              root, said):
    """A new clerk's first check with an error said `moved.yaml, root/ files` were not checked, files their archive
    had not, which they went to the docs to find out about."""
    if not moved:
        (archive / "moved.yaml").unlink()
    if root:
        (archive / "root").mkdir()
    edit(archive, LATER, "quorate: no", "quorate: maybe")
    assert build(archive).report.not_run == said


def _items_only_the_minutes_have(archive) -> None:
    """The joint committee's item 8, which its agenda does not list: a paper, an officer in attendance for it and a
    member who left during it name it, as a pack's papers name the items its minutes number."""
    (archive / JC_MINUTES).write_text((archive / JC_MINUTES).read_text(encoding="utf-8")
                                      + "\n\n## 8 Urgent business\n\nThe committee noted the report.\n",
                                      encoding="utf-8")
    (archive / "meetings/jc/2019-11-05/papers/item-08.md").write_text(
        '---\nref: "08"\nlabel: Item\ntitle: Urgent report\nitem: "8"\n---\nThe report.\n', encoding="utf-8")
    edit(archive, JC, '      for: ["5"]\n', '      for: ["5"]\n    - person: brian-okafor\n      for: ["8"]\n'
         '  movements:\n    - person: frank-turner\n      event: left\n      item: "8"\n')


@pytest.mark.parametrize("old, new, line, message", [
    ("status: approved", "status: [approved", "status:", "malformed YAML: the list opened with '[' on this line is "
     "not closed (line 3: did not find expected ',' or ']'); close it with ']', or put the whole value in quotes if "
     "the '[' is part of the text"),
    ("status: approved", "\tstatus: approved", "status:",
     "malformed YAML: this line is indented with a tab; indent with spaces only: YAML does not allow tabs"),
    ("---\nstatus: approved\n---\n", "status: approved\n\n", "status:", "the file does not start with "
     "frontmatter; start it with a line '---', the YAML fields, and another line '---'"),
])
def test_minutes_that_cannot_be_loaded_are_the_one_problem_reported_of_the_items_they_number(archive, build, old,
                                                                                               new, line, message):
    """A paper, an attendee and a movement for item 8 are checked against the agenda and the minutes: while the
    minutes do not load, item 8 is in what did not, and each would be told the meeting has no item 8. The check
    waits, and the note after the error says so."""
    _items_only_the_minutes_have(archive)
    assert warnings_after(build, archive) == []
    edit(archive, JC_MINUTES, old, new)
    result = build(archive)
    assert messages(result) == [at(JC_MINUTES, line_of(archive, JC_MINUTES, line), message)]
    assert result.report.not_run_note() == (
        f"further checks (the items named by the papers and attendance of jc/2019-11-05, {NOT_RUN}) were not run: "
        "they run once the errors above are fixed, and may report more")


def test_minutes_that_cannot_be_loaded_hide_no_other_meetings_item_a_paper_names_wrongly(archive, build):
    """Only the meeting whose minutes did not load waits: a paper of another meeting, of another body or of the
    same, for an item neither its agenda nor its minutes have, is reported as ever."""
    _items_only_the_minutes_have(archive)
    edit(archive, JC_MINUTES, "status: approved", "status: [approved")
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "item: TB/19/13", "item: TB/19/19")
    assert messages(build(archive)) == [
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "status:"), "malformed YAML: the list opened with '[' on this "
           "line is not closed (line 3: did not find expected ',' or ']'); close it with ']', or put the whole value "
           "in quotes if the '[' is part of the text"),
        at(paper, line_of(archive, paper, "item:"), "Paper A says `item: TB/19/19`, which names no item of this "
           "meeting; its items are 13.1, 13.2, TB/19/12, TB/19/13, TB/19/14, TB/19/15: write the one it is for, or take "
           "`item:` out", "warning")]


def test_minutes_that_cannot_be_loaded_in_the_preview_are_the_one_problem_it_shows_of_their_items(archive, tmp_path):
    """The live preview rebuilds from what it kept of the last rebuild: the minutes broken after a rebuild that
    loaded them, item 8's paper and attendance are not told of an item the meeting lacks either."""
    _items_only_the_minutes_have(archive)
    session = Session(Options(content=archive, out=tmp_path / "live", today=dt.date.fromisoformat(TODAY),
                              search=False))
    assert session.rebuild().report.items == []
    edit(archive, JC_MINUTES, "status: approved", "status: [approved")
    broken = session.rebuild()
    assert messages(broken) == [at(JC_MINUTES, line_of(archive, JC_MINUTES, "status:"), "malformed YAML: the list "
                                   "opened with '[' on this line is not closed (line 3: did not find expected ',' or "
                                   "']'); close it with ']', or put the whole value in quotes if the '[' is part of "
                                   "the text")]
    assert broken.report.not_run_note().startswith(
        "further checks (the items named by the papers and attendance of jc/2019-11-05, cross-references")
    edit(archive, JC_MINUTES, "status: [approved", "status: approved")
    assert session.rebuild().report.items == []


def test_value_with_a_colon_and_a_space_in_it_is_shown_quoted(archive, build):
    edit(archive, MEETING, "title: Health and Wellbeing Board", "title: Health and Wellbeing Board: March")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "title:"),
        "malformed YAML: the value has a ': ' in it, which YAML reads as another field; put the value in quotes: "
        'title: "Health and Wellbeing Board: March"')]


def test_a_value_with_a_colon_in_word_s_curly_quotes_is_told_to_have_straight_ones(archive, build):
    """Straight quotes around the curly ones, as the message above would give, would publish the curly marks."""
    edit(archive, MEETING, "title: Health and Wellbeing Board", "title: \u201cHealth and Wellbeing Board: March\u201d")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "title:"),
        "malformed YAML: the value has a ': ' in it, and its curly quotation marks, as Word types them, are no quotes "
        'to YAML, which reads the \': \' as another field; write straight quotes in their place: title: "Health and '
        'Wellbeing Board: March"')]


def test_a_value_in_word_s_curly_quotes_is_read_without_them_and_warned_of(archive, build):
    """YAML keeps them as part of the text: a time in them was "not a time; ... in quotes", and a resolution
    was published between the marks."""
    edit(archive, MEETING, 'start: "14:00"', "start: \u201c14:00\u201d")
    result = build(archive)
    assert messages(result) == [at(MEETING, line_of(archive, MEETING, "start:"),
        "the value \u201c14:00\u201d is in curly quotation marks, as Word types them, which YAML does not read as "
        "quotes: it is read without them, as '14:00'; write straight quotes, \"14:00\"; to publish the curly marks, "
        "put the value in straight quotes as well", "warning")]
    assert result.ok


@pytest.mark.parametrize("before, after", [("  present:", "\tpresent:"), ("    - person: ada-lovelace",
                                                                         "  \t- person: ada-lovelace")])
def test_indentation_with_a_tab(archive, build, before, after):
    edit(archive, MEETING, before, after)
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, after),
        "malformed YAML: this line is indented with a tab; indent with spaces only: YAML does not allow tabs")]


@pytest.mark.parametrize("title, fix", [
    ("Healthy Weight Strategy 2019 to 2024", "write `ref: TB/19/13`, the number of its minute"),
    ("Allotments update", "give it a number of its own"),  # an item added, with no minute of its title
])
def test_two_agenda_items_of_one_number_are_an_error_on_the_second(archive, build, title, fix):
    """An item added to a scaffolded agenda above others not renumbered, or a number copied with its row: the
    meeting's page gave both rows one anchor and linked both to the one minute of that number, without a word."""
    edit(archive, MEETING, "  - ref: TB/19/13\n    title: Healthy Weight Strategy 2019 to 2024",
         f"  - ref: TB/19/12\n    title: {title}")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, f"title: {title}") - 1,
        f"agenda item TB/19/12 ({title}) has the number of agenda item TB/19/12 (Apologies and declarations of "
        f"interest) above it, line {line_of(archive, MEETING, 'ref: TB/19/12')}: the agenda would link both to one "
        f"minute; {fix}")]


@pytest.mark.parametrize("minute, message", [
    ("44", 'agenda item 1 (Call-in: Healthy Weight Strategy) has the number of agenda item 1 (Welcome and apologies) '
     'above it, line {line}: the agenda would link both to one minute; give it a number of its own'),
    ("41", "agenda items 1 and 1 both name minute 41, so the minute is linked from two items; in item 1, write "
     '`minute: "44"`, the minute with its title, or take `minute:` out if it has no minute'),  # one message, not two
])
def test_two_agenda_items_of_one_number_naming_minutes_with_minute_are_told_once(archive, build, minute, message):
    council_numbered(archive)
    edit(archive, JC_MEETING, 'ref: "7"\n    minute: "44"', f'ref: "1"\n    minute: "{minute}"')
    line = line_of(archive, JC_MEETING, 'ref: "1"')
    assert errors_after(build, archive) == [at(JC_MEETING, line_of(archive, JC_MEETING, 'ref: "1"', 2)
                                               + (minute == "41"), message.format(line=line))]


def test_a_tab_in_an_item_block_is_the_one_error_not_also_a_confidential_item_s_paper(archive, build):
    """An item block that does not load is taken for confidential, so as to publish none of it; its paper, which
    says nothing of being confidential, was told too that it is for a confidential item and would be published,
    which sent a clerk who had typed a tab to look for a confidential mark that is not there."""
    edit(archive, "meetings/tb/2019-03-14/papers/paper-a.md", "confidential: no\n", "")
    edit(archive, MINUTES, "  - owner: carol-singh", "\t- owner: carol-singh")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "\t- owner: carol-singh"),
        "malformed YAML: this line is indented with a tab; indent with spaces only: YAML does not allow tabs")]


def test_a_control_character_in_yaml_is_reported_on_its_line(archive, build):
    """YAML refuses it with a position in the text, not a line, and in words of its own ("unacceptable character
    #x001b ... in "<unicode string>", position 112") over two lines."""
    edit(archive, LATER, "venue: Committee Room 1", "venue: Committee\x1b Room 1")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "venue:"),
        "malformed YAML: this line has a control character (U+001B) in it, which YAML does not allow; delete it: "
        "retype the value, as most editors do not show the character")]


def test_an_alias_inside_its_own_anchor_is_reported_on_its_line(archive, build):
    """Such a value holds itself for ever: reading it was a RecursionError's traceback."""
    edit(archive, LATER, "quorate: no", "quorate: &answer [*answer]")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "quorate:"),
        "malformed YAML: the value on this line holds itself: an alias (*) inside it names its anchor (&); write the "
        "value out in full instead of the alias")]


def test_aliases_that_multiply_are_reported_on_the_first(archive, build):
    """Each of seven lists names the one before ten times: ten million values once written out ("billion laughs"),
    which took a minute to read, and two levels more would fill the memory. The file is not read."""
    lists = ["&a0 [" + ", ".join(["x"] * 10) + "]"]
    lists += [f"&a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 8)]
    edit(archive, LATER, "quorate: no", "quorate:\n  - " + "\n  - ".join(lists))
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "*a0"),
        "malformed YAML: the aliases (*) from this line on stand for more than 100,000 values once written out; "
        "write the values out in full instead of the aliases")]


def test_lists_nested_too_deep_are_reported_on_their_line(archive, build):
    """Some hundreds of levels down (YAML allows a thousand), reading them was a RecursionError's traceback."""
    edit(archive, LATER, "quorate: no", "quorate: " + "[" * 999 + "]" * 999)
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "quorate:"),
        "malformed YAML: lists and mappings are nested more than 50 deep on this line; check the indentation, and "
        "that text with '[' or '{' in it is in quotes")]


def test_a_value_carried_on_to_an_unindented_line_is_reported_on_that_line(archive, build):
    """YAML notices on the line after ("could not find expected ':'"), a field with nothing wrong in it."""
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "venue: Committee Room 1,\nCounty Hall")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "County Hall"),
        "malformed YAML: this line is not a field (it has no ': '), nor indented to carry on the value above it; "
        "indent it further than the field whose value it carries on, or join it to that line; or write it as "
        "`name: value`")]


def test_list_bracket_not_closed_is_reported_where_it_was_opened(archive, build):
    """The parser notices on a later line; the clerk's mistake is on the line with the '['."""
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "venue: [Committee Room 1, County Hall")
    venue = line_of(archive, LATER, "venue:")
    assert errors_after(build, archive) == [at(LATER, venue,
        f"malformed YAML: the list opened with '[' on this line is not closed (line {venue + 1}: did not find "
        "expected ',' or ']'); close it with ']', or put the whole value in quotes if the '[' is part of the "
        "text")]


def test_quotation_not_closed_is_reported_where_it_was_opened(archive, build):
    edit(archive, LATER, "venue: Committee Room 1, County Hall", 'venue: "Committee Room 1, County Hall')
    venue = line_of(archive, LATER, "venue:")
    found = errors_after(build, archive)
    assert len(found) == 1 and found[0].startswith(at(LATER, venue,
        "malformed YAML: the quotation opened on this line is not closed (line "))
    assert found[0].endswith("add the closing quotation mark; inside single quotes write an apostrophe as "
                             "two ('')")


def test_quotation_not_closed_before_another_quoted_value_is_reported_where_it_was_opened(archive, build):
    """The next field's opening quotation mark closes it, and the parser fails lines below the mistake."""
    edit(archive, LATER, "start: 2pm\nvenue: Committee Room 1, County Hall\nchair: Councillor Lovelace",
         'start: "2pm\nvenue: Committee Room 1, County Hall\nchair: "Councillor Lovelace"')
    start, chair = line_of(archive, LATER, "start:"), line_of(archive, LATER, "chair:")
    assert errors_after(build, archive) == [at(LATER, start, "malformed YAML: the quotation opened on this line is "
        f"not closed on it, so the value runs on to the next quotation mark, on line {chair} (did not find expected "
        "key); add the closing quotation mark at the end of the value")]


def test_a_file_with_old_mac_line_ends_is_read_by_its_lines(archive, build):
    """Lines ended by a carriage return alone (old Mac editors, some exports) were one line: the file was said
    not to start with frontmatter, which the clerk could see it did."""
    path = archive / LATER
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r").replace(b"quorate: no", b"quorate: perhaps"))
    assert errors_after(build, archive) == [at(LATER, path.read_bytes().split(b"\r").index(b"quorate: perhaps") + 1,
        "quorate: 'perhaps' is not yes or no; write yes or no")]


def test_a_line_separator_pasted_into_a_value_neither_cuts_it_nor_moves_the_lines_below(archive, build):
    """YAML ends a line at U+2028 (text copied from a PDF or a web page brings it), which no editor shows: the
    venue was cut in two, and YAML's error named a line below, where nothing was wrong."""
    edit(archive, LATER, "venue: Committee Room 1", "venue: Committee\u2028Room 1")
    edit(archive, LATER, "quorate: no", "quorate: perhaps")
    line = (archive / LATER).read_text(encoding="utf-8").split("\n").index("quorate: perhaps") + 1  # not splitlines()
    assert errors_after(build, archive) == [at(LATER, line, "quorate: 'perhaps' is not yes or no; write yes or no")]


def test_an_action_log_with_its_frontmatter_left_empty_is_a_log_of_no_updates(archive, build):
    """`---` then `---` again, the updates not yet written: reading it was a TypeError's traceback."""
    (archive / LOG).write_text("---\n---\nUpdates to follow.\n", encoding="utf-8")
    assert warnings_after(build, archive) == [at(LOG, 1, f"action {action} is open but missing from this action log; "
        "held over? add an update for it (status and progress), or close it", "warning")
        for action in ("TB/19/13#1", "TB/19/13#2", "TB/19/13#leaflet")]  # not confidential TB/19/14#1: no public log


def test_frontmatter_not_closed(archive, build):
    edit(archive, LATER, "---\nThe next meeting", "The next meeting")
    assert errors_after(build, archive) == [at(LATER, 1,
        "the frontmatter is not closed; add a line '---' after the last YAML field")]


def test_duplicate_yaml_key(archive, build):
    edit(archive, LATER, "start: 2pm", "start: 2pm\nstart: 3pm")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "start:", occurrence=2),
        f"field 'start' is given twice (first on line {line_of(archive, LATER, 'start:')}); keep one of them")]


def test_a_list_entry_without_its_dash_is_one_error_on_its_line(archive, build):
    """Read as more fields of the entry above: each would be "given twice"; the first says what happened."""
    edit(archive, MEETING, "    - person: Dr C Singh", "      person: Dr C Singh")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "person: Dr C Singh"),
        "field 'person' is given twice in one entry of the list (first on line "
        f"{line_of(archive, MEETING, 'person: ada-lovelace')}); if line {line_of(archive, MEETING, 'Dr C Singh')} "
        "starts the next entry, begin it with `- ` as the others do (`- person: ...`); else keep one of them")]


def test_a_list_whose_first_entry_has_no_dash_is_reported_on_that_entry(archive, build):
    """YAML stumbles only at the next entry's `- `, lines below the clerk's mistake."""
    edit(archive, MEETING, "    - person: ada-lovelace", "      person: ada-lovelace")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "person: ada-lovelace"),
        "malformed YAML: the list's first entry does not begin with `- `, as the one on line "
        f"{line_of(archive, MEETING, 'person: Dr C Singh')} does (did not find expected key); begin this line "
        "with `- `, indented as the list's other entries are")]


def test_a_list_entry_written_as_a_name_over_its_first_field_is_told_to_give_the_name_its_field(archive, build):
    """`new meeting` lists members as `- person: moore` over an `organisation:` line; the clerk writes over it the
    name as the pack prints it, `- Councillor Dr Moore`, and YAML, reading the two lines as one value, said only
    that mapping values are not allowed there, on the line below."""
    edit(archive, MEETING, "    - person: ada-lovelace\n", "    - Councillor Ada Lovelace\n      organisation: Testshire\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "- Councillor Ada Lovelace"),
        "malformed YAML: the list entry on this line is a value alone, but the line below gives it a field "
        "(organisation:); give the value its field too, e.g. `- person: Councillor Ada Lovelace` in attendance, with "
        "the other fields below it")]


# --- fields -------------------------------------------------------------------------------------

def test_unknown_field_suggests_the_field_meant(archive, build):
    edit(archive, MEETING, "webcast:", "venu: Town Hall\nwebcast:")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "venu:"),
        "unknown field 'venu' in a meeting; did you mean 'venue'?")]


def test_unknown_field_inside_a_nested_mapping(archive, build):
    edit(archive, MEETING, "      role: Head of Commissioning", "      rol: Head of Commissioning")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "rol: Head"),
        "unknown field 'rol' in an attendance entry; did you mean 'role'?")]


def test_unknown_field_in_a_minute_items_item_block(archive, build):
    edit(archive, MINUTES, "lead: frank-turner", "leed: frank-turner")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "leed:"),
        "unknown field 'leed' in a minute item's ```item block; did you mean 'lead'?")]


def test_a_misspelt_field_is_read_as_the_field_it_means_and_is_the_one_message(archive, build):
    """`owners:` gets its error and nothing besides about a missing owner; its value is still checked."""
    edit(archive, MINUTES, "  - owner: carol-singh", "  - owners: carol-sing")
    line = line_of(archive, MINUTES, "owners:")
    assert messages(build(archive)) == [
        at(MINUTES, line, "unknown field 'owners' in an action; did you mean 'owner'?"),
        at(MINUTES, line, "unknown person 'carol-sing'; did you mean 'carol-singh'? Otherwise add them to the people "
           "register (content/people.yaml, or a file in content/people/), or write {name: carol-sing} for someone who is not in it")]


def test_an_actions_text_under_the_action_logs_column_names_is_told_the_field_and_is_the_one_message(archive, build):
    """An action written as a log's columns name its parts (`action:`, `deadline:`) was told that `text` was
    missing as well as that `action` was unknown, with every field but the one meant: it is told the field, once,
    and the value is read as that field's (the date still checked)."""
    edit(archive, MINUTES, "    text: Publish the approved strategy on the council website.\n    due: 2019-04-30",
         "    action: Publish the approved strategy on the council website.\n    deadline: 31st April 2019")
    assert messages(build(archive)) == [
        at(MINUTES, line_of(archive, MINUTES, "action: Publish"),
           "unknown field 'action' in an action; write it as `text:`, the field an action gives it"),
        at(MINUTES, line_of(archive, MINUTES, "deadline:"),
           "deadline: '31st April 2019' is not a real date: April has 30 days; check the day in the papers and write "
           "it as YYYY-MM-DD, e.g. 2019-04-30 if the month's last day is meant"),
        at(MINUTES, line_of(archive, MINUTES, "deadline:"),
           "unknown field 'deadline' in an action; write it as `due:`, the field an action gives it")]


def test_a_vice_chair_written_where_a_person_goes_with_no_one_holding_the_role_is_told_it_is_a_post(archive, build):
    """`chair: Vice Chair`, for the vice-chair who chaired in the chair's absence, whose role the clerk gave only in
    the body's file: it was told to add 'Vice Chair' to the register as a person, or write {name: Vice Chair}."""
    edit(archive, MEETING, "chair: ada-lovelace", "chair: Vice Chair")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair: Vice Chair"),
        "'Vice Chair' is read as a post, and no one in the people register has a role of that title, or of a title "
        "beginning with it, on 14 March 2019; write the id of the person who held it; to name them by the post, give them the role in the register, under their `roles:` "
        "as `- title: Vice Chair`, or, as a member of the meeting's body, `role: Vice Chair` in the body's file, with "
        "the dates they held it (`from`, `to`)")]


def test_a_vice_chair_written_where_a_person_goes_is_told_who_holds_a_role_titled_with_it_and_more(archive, build):
    """`chair: Vice Chair`, where the register titles the vice-chair's role as registers title a body's post, `Vice-Chair
    of the Health and Wellbeing Board`: it was told no one had a role of that title, not who held that role."""
    edit(archive, "people.yaml", "  initials: FT\n",
         "  initials: FT\n  roles:\n    - title: Vice-Chair of the Health and Wellbeing Board\n      from: 2018-05-01\n")
    edit(archive, MEETING, "chair: ada-lovelace", "chair: Vice Chair")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair: Vice Chair"),
        "'Vice Chair' is read as a post, and no one in the people register has a role of that title alone: on 14 "
        "March 2019, Councillor Frank Turner (frank-turner) holds 'Vice-Chair of the Health and Wellbeing Board'; if "
        "it is they, write frank-turner, or the role's whole title, which names its holder as a post does")]


@pytest.mark.parametrize("written, field, meant", [
    ("  - action: TB/19/13#2\n", "  - ID: TB/19/13#2\n", "action"),
    ("    status: amber\n", "    RAG: amber\n", "status"),
    ("    progress: The pilot", "    update: The pilot", "progress"),
    ("    due: September 2019\n", "    revised date: September 2019\n", "due"),
])
def test_an_updates_field_written_as_a_logs_column_names_it_is_told_the_field_once(archive, build, written, field,
                                                                                   meant):
    """An update written as a pack's action log heads its columns: `ID:` for `action:` was told it was no field and
    that the update's `action:` was missing, and `RAG:`, `Update:` or `Revised date:` that it was no field."""
    edit(archive, LOG, written, field)
    key = field.strip(" -").split(":")[0]
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, field.strip("\n")),
        f"unknown field '{key}' in an action update; write it as `{meant}:`, the field an action update gives it")]


def test_an_update_closed_in_its_logs_rag_column_is_told_the_field_alone_and_closes_the_action(archive, build):
    """`RAG: Closed`, as a pack's log closes an action in its status column: told to write `status:`, it was also
    told, on the update's first line, that the status was complete but the update did not close the action, and it
    was read as open, where `status: Closed` closes it. It is read as closing it, and told the field alone."""
    edit(archive, LOG, "    status: amber\n", "    RAG: Closed\n")
    result = build(archive)
    assert messages(result) == [at(LOG, line_of(archive, LOG, "RAG: Closed"),
        "unknown field 'RAG' in an action update; write it as `status:`, the field an action update gives it")]
    loaded = load_archive(archive, Report(root=archive))
    log = next(m.action_log for m in loaded.meetings if m.key == "tb/2019-06-20")
    assert [(u.action, u.status, u.closed) for u in log.updates][0] == ("TB/19/13#2", "complete", True)


def test_an_action_logs_updates_written_as_the_minutes_actions_are_told_the_field_once(archive, build):
    edit(archive, LOG, "updates:", "actions:")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "actions:"),
        "unknown field 'actions' in an action log; write it as `updates:`, the field an action log gives it")]


def test_a_misspelt_required_field_is_not_reported_missing_as_well(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "dat: 20 June 2019")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "dat:"),
        "unknown field 'dat' in a meeting; did you mean 'date'?")]


def test_missing_required_field(archive, build):
    edit(archive, LATER, "date: 20 June 2019\n", "")
    assert errors_after(build, archive) == [at(LATER, 2,  # the first line of the frontmatter's fields
        "the required field 'date' is missing from a meeting; add `date: ...`")]


@pytest.mark.parametrize("relative, removed, line, missing", [
    ("bodies/tb.md", 'numbering: "TB/{yy}/{n}"\n', 2,
     "the required field 'numbering' is missing from a body; add the pattern of its minute numbers, "
     '`numbering: "CCBP/{yy}/{n}"` for CCBP/18/42 ({n} the number, {yy} or {yyyy} the year), or '
     "`numbering: per-meeting` for items numbered 1, 2, 3 afresh at each meeting (docs/content-format.md, Minute "
     "numbering)"),
    (MINUTES, "status: approved\n", 2, "the required field 'status' is missing from the minutes; add "
     "`status: draft`, or `status: approved` once a meeting has approved them"),
    (LOG, "    status: amber\n", 4, "the required field 'status' is missing from an action update; add `status: ` "
     "and one of red, amber, green, complete, on-track, no-progress, not-started"),
])
def test_a_missing_field_whose_value_is_one_of_a_few_forms_says_what_they_are(archive, build, relative, removed,
                                                                               line, missing):
    """A clerk writing a new body's file from a page of the docs left `numbering:` out, and was told to "add
    `numbering: ...`", which says nothing of what goes there."""
    edit(archive, relative, removed, "")
    assert errors_after(build, archive) == [at(relative, line, missing)]


@pytest.mark.parametrize("body, after, written, message", [
    ("jc", "numbering: per-meeting\n", "Mya", "year_starts: 'Mya' is not a month; write the month the body's "
     "municipal year begins in, the month of its annual meeting, e.g. May"),
    # TB/19/13's run starts again with the year written in it: a month would say another place for it
    ("tb", "kind: board\n", "April", "year_starts: TB's minute numbers follow the pattern TB/{yy}/{n}, which starts "
     "them again with the year written in them, not in a month; take year_starts out: it is for a body numbering "
     "per-meeting whose minutes run on through the municipal year (29, 30, ...), to start them again at 1"),
])
def test_a_year_start_that_is_no_month_or_is_for_a_body_numbering_by_a_pattern_is_an_error(archive, build, body,
                                                                                          after, written, message):
    """`year_starts:` says when a council's minutes, numbered on through the municipal year, start again at 1."""
    edit(archive, f"bodies/{body}.md", after, f"{after}year_starts: {written}\n")
    assert errors_after(build, archive) == [at(f"bodies/{body}.md", line_of(archive, f"bodies/{body}.md",
                                                                             "year_starts:"), message)]


def test_malformed_yaml_in_site_settings_is_the_one_error_reported_of_them(archive, build):
    """Its fields are most likely all there: none is reported missing besides."""
    edit(archive, "site.yaml", "\ntitle: ", "\ntitle: Archive: ")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "title:"),
        "malformed YAML: the value has a ': ' in it, which YAML reads as another field; put the value in quotes: "
        'title: "Archive: Testshire Public Records"')]


def test_required_field_given_no_value_is_reported_on_its_line(archive, build):
    """`date:` with nothing after it: the field is there, so "missing ... add `date: ...`" on the record's first
    line sent the clerk looking for it."""
    edit(archive, LATER, "date: 20 June 2019\n", "date:\n")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "'date' is given no value, and a meeting needs one; write it after `date: ` on this line")]


def test_accessibility_contact_that_is_not_an_email_address(archive, build):
    edit(archive, "site.yaml", "email: web.team@testshire.example", "email: web team at testshire")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "email:"),
        "email: 'web team at testshire' is not an email address; write it as name@example.org")]


def test_accessibility_statement_reviewed_before_it_was_prepared(archive, build):
    edit(archive, "site.yaml", "reviewed: 2025-10-01", "reviewed: 2023-10-01")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "reviewed:"),
        "reviewed: the accessibility statement cannot be reviewed before it was prepared; check the `prepared` "
        "and `reviewed` dates")]


def test_date_that_does_not_exist(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 2019-02-30")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '2019-02-30' is not a real date: February 2019 has 28 days; check the day in the papers and write "
        "it as YYYY-MM-DD, e.g. 2019-02-28 if the month's last day is meant")]


@pytest.mark.parametrize("relative, old, new, message", [
    (MEETING, "date: 2019-03-14", "date: 30 February 2020", "date: '30 February 2020' is not a real date: February "
     "2020 has 29 days; check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-02-29 if the month's last "
     "day is meant"),
    (MINUTES, "due: 2019-04-30", "due: 31/04/2020", "due: '31/04/2020' is not a real date: April has 30 days; check "
     "the day in the papers and write it as YYYY-MM-DD, e.g. 2020-04-30 if the month's last day is meant"),
    (LOG, "due: September 2019", "due: 29 Feb 2019", "due: '29 Feb 2019' is not a real date: 2019 is not a leap "
     "year, so February 2019 has 28 days; check the day in the papers and write it as YYYY-MM-DD, e.g. 2019-02-28 if "
     "the month's last day is meant"),
    ("people.yaml", "to: 2019-12-31", "to: Feb 30", "to: 'Feb 30' is not a date: it has no year, and February has "
     "28 days, 29 in a leap year; check the day in the papers and write it with its year as YYYY-MM-DD, e.g. "
     "2018-06-21"),
])
def test_a_day_its_month_does_not_have_is_refused_saying_why_and_a_day_to_write(archive, build, relative, old, new,
                                                                                 message):
    """'not a real date; write YYYY-MM-DD' over '29 Feb 2019' left the clerk to find 2019 was no leap year, and
    written so, 2019-02-29, it was refused again: the month's days are said, and its last day offered."""
    edit(archive, relative, old, new)
    assert errors_after(build, archive) == [at(relative, line_of(archive, relative, new), message)]


@pytest.mark.parametrize("new, message", [
    ("due: by 30 February 2020", "due: 'by 30 February 2020' is a date that is not a real one (February 2020 has 29 "
     "days), so it is kept as written and never counts as overdue; check the day in the papers and write it as "
     "`due: YYYY-MM-DD`, e.g. `due: 2020-02-29` if the month's last day is meant"),
    ("due: 31st April", "due: '31st April' is a day no year has (April has 30 days), so it is kept as written and "
     "never counts as overdue; write the day it is due by, with its year, as `due: YYYY-04-DD`, DD being a day "
     "April has"),
    ("due: Feb 30", "due: 'Feb 30' is a month and a number that is no day of February (February has 28 days, 29 in "
     "a leap year), so it is kept as written and never counts as overdue; write `due: February 2030` if that month "
     "is meant, or the day it is due by with its year, `due: YYYY-02-DD`, DD being a day February has"),
])
def test_a_due_date_in_words_naming_a_day_its_month_does_not_have_is_kept_as_written_with_a_warning(archive, build,
                                                                                                    new, message):
    """Kept as text, as due dates in words are, without a word: the action never showed as overdue. 'Feb 30' was
    offered as the day `due: YYYY-02-30`, which is none."""
    edit(archive, MINUTES, "due: 2019-05-31", new)
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, new), message, "warning")]


def test_date_with_the_day_and_the_month_swapped(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 2019-20-06")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '2019-20-06' is not a real date: there is no month 20; did you mean 2019-06-20 (20 June 2019)? "
        "YYYY-MM-DD puts the month before the day")]


def test_a_value_with_a_line_break_is_quoted_on_the_messages_one_line(archive, cli):
    """Editors and CI read one message a line: the second half of the value would be read as a message."""
    edit(archive, LATER, "quorate: no", 'quorate: "no\\nyes"')
    done = cli("check")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (f"content/{LATER}:{line_of(archive, LATER, 'quorate:')}: error: "
                                           "quorate: 'no\\nyes' is not yes or no; write yes or no")


def test_a_build_or_check_stopped_by_an_error_says_which_checks_were_not_run(archive, cli):
    """No stage runs on data that failed the one before it, so a reference that does not resolve is reported
    only once the error is fixed: a clerk who fixed the one error was surprised by the warning seen only then."""
    edit(archive, LATER, "quorate: no", "quorate: maybe")
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed, as TB/19/99 notes.")
    error = (f"content/{LATER}:{line_of(archive, LATER, 'quorate:')}: error: quorate: 'maybe' is not yes or no; "
             "write yes or no")
    not_run = ("further checks (cross-references, moved.yaml, links in the text, templates) were not "
               "run: they run once the errors above are fixed, and may report more")
    assert cli("check", "--today", TODAY).stderr.splitlines() == [
        error, f"minutebook check: {not_run}", "minutebook check: 1 error, 0 warnings"]
    assert cli("build", "--today", TODAY, "--no-search").stderr.splitlines() == [
        error, f"minutebook: {not_run}", "minutebook: build failed with 1 error, 0 warnings; site/ was left as it was"]
    edit(archive, LATER, "quorate: maybe", "quorate: no")
    assert cli("check", "--today", TODAY).stderr.splitlines() == [
        f"content/{LATER_MINUTES}:{line_of(archive, LATER_MINUTES, 'TB/19/99')}: warning: reference 'TB/19/99' does "
        "not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22", "minutebook check: 0 errors, 1 warning"]


def test_a_values_control_characters_are_shown_in_the_message_not_sent_to_the_terminal(archive, cli):
    """A terminal acts on a carriage return and an escape: `\\e[2K\\r` in a quoted value erased the message from the
    clerk's screen, and what followed it took its place."""
    edit(archive, LATER, "quorate: no", 'quorate: "\\e[2K\\rall good\\e[8m"')
    done = cli("check")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (f"content/{LATER}:{line_of(archive, LATER, 'quorate:')}: error: "
                                           "quorate: '\\x1b[2K\\rall good\\x1b[8m' is not yes or no; write yes or no")


def test_date_with_a_year_short_of_four_digits(archive, build):
    """A real date to Python, but its pages would be at /tb/19/ and its calendar's date 190620, which is none."""
    edit(archive, LATER, "date: 20 June 2019", "date: 0019-06-20")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '0019-06-20' has the year 19; write the year in full, in four digits, e.g. 2019-06-20")]


def test_date_in_an_ambiguous_format(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 05/03/2020")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '05/03/2020' could be 5 March 2020 or 3 May 2020; write 2020-03-05 for 5 March 2020, or 2020-05-03 "
        "for 3 May 2020")]


def test_date_in_numbers_that_only_one_order_fits_names_the_date_to_write(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 20/06/2019")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '20/06/2019' is written in numbers alone, which readers take in different orders; write it as "
        "2019-06-20 (20 June 2019)")]


def test_due_date_in_numbers_alone_is_kept_as_written_with_a_warning(archive, build):
    edit(archive, MINUTES, "due: 2019-05-31", "due: 31/05/2019")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: 31/05/2019"),
        "due: '31/05/2019' is written in numbers alone, which readers take in different orders, so it is kept as "
        "written and never counts as overdue; write it as 2019-05-31 (31 May 2019)", "warning")]


def test_due_date_as_an_action_log_writes_it_with_a_two_digit_year_is_kept_as_written_with_a_warning(archive, build):
    edit(archive, MINUTES, "due: 2019-05-31", "due: 31 May 19")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: 31 May 19"),
        "due: '31 May 19' has a year in two digits, so it is kept as written and never counts as overdue; write it "
        "as 2019-05-31 (31 May 2019) if 2019 is meant", "warning")]


def test_due_date_with_its_month_mistyped_is_kept_as_written_with_a_warning(archive, build):
    """`date: 3 Octobr 2019` is an error saying October; a due date so written was kept as text without a word, and
    the action never showed as overdue."""
    edit(archive, MINUTES, "due: 2019-05-31", "due: Friday 31st Mya 2019")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: Friday 31st Mya 2019"),
        "due: 'Friday 31st Mya 2019' is not a date: 'Mya' is no month, so it is kept as written and never counts as "
        "overdue; did you mean May? Or write the date as YYYY-MM-DD, e.g. 2018-06-21", "warning")]


@pytest.mark.parametrize("relative, old, written, meant, meeting", [
    (MINUTES, "due: 2019-05-31", "12th March", "12 March 2020", "14 March 2019"),
    (LOG, "due: September 2019", "end of September", "September 2019", "20 June 2019"),  # revised in a log
    (MINUTES, "due: 2019-05-31", "Thurs 5 September", "5 September 2019", "14 March 2019"),  # as packs list dates
])
def test_due_date_without_its_year_is_kept_as_written_with_a_warning_giving_the_date_it_most_likely_is(
        archive, build, relative, old, written, meant, meeting):
    """`due: 12th March`, as a clerk writes a date of the meeting's year: kept as text without a word, the action
    never showed as overdue. The date to write is the first such day on or after the meeting (the log's, for a
    revised due date), as an `ACTION:` line's is."""
    edit(archive, relative, old, f"due: {written}")
    assert warnings_after(build, archive) == [at(relative, line_of(archive, relative, f"due: {written}"),
        f"due: '{written}' has no year, so it is kept as written and never counts as overdue; write `due: {meant}`, "
        f"the first on or after the meeting's date ({meeting}), or the date with the year meant", "warning")]


def test_meeting_date_without_its_year_is_told_to_have_one(archive, build):
    """Told only that '20th June' "is not a date", the clerk looked for what was wrong with the day or the month."""
    edit(archive, LATER, "date: 20 June 2019", "date: 20th June")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '20th June' has no year; write the date with its year, 20 June YYYY, or as YYYY-MM-DD")]


def test_due_date_given_as_a_quarter_of_the_financial_year_is_kept_as_written_with_a_warning(archive, build):
    """`Q3 2019/20`, as trusts' action logs give a due date: kept as text without a word, the action never showed
    as overdue."""
    edit(archive, MINUTES, "due: 2019-05-31", "due: Q1 2019/20")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: Q1 2019/20"),
        "due: 'Q1 2019/20' is a quarter of the financial year 2019/20, so it is kept as written and never counts as "
        "overdue; write the quarter's last month, `due: June 2019`, for the tracker to show the action overdue after "
        "it", "warning")]


def test_revised_due_date_with_a_remark_in_brackets_is_kept_as_written_with_a_warning(archive, build):
    """`March 2020 (revised from Dec 2019)`, as action logs note a revision in the due date's cell: the log's
    `due:` records the revision, and the remark kept the date from being read."""
    edit(archive, LOG, "due: September 2019", "due: September 2019 (revised from July)")
    assert warnings_after(build, archive) == [at(LOG, line_of(archive, LOG, "due: September 2019"),
        "due: 'September 2019 (revised from July)' is a month with a remark in brackets after it, so it is kept as "
        "written and never counts as overdue; write `due: September 2019` alone, for the tracker to show the action "
        "overdue after it, and the remark in the action's text or the update's progress", "warning")]


def test_due_date_as_a_spreadsheet_gives_a_month_is_kept_as_written_with_a_warning(archive, build):
    """`Sep-19`, a month as an action log kept in a spreadsheet gives it: kept as text without a word, the revised
    due date never counted as overdue."""
    edit(archive, LOG, "due: September 2019", "due: Sep-19")
    assert warnings_after(build, archive) == [at(LOG, line_of(archive, LOG, "due: Sep-19"),
        "due: 'Sep-19' is a month written as a spreadsheet writes it, so it is kept as written and never counts as "
        "overdue; write it as `due: September 2019` if 2019 is meant", "warning")]


def test_due_date_with_other_words_around_it_is_kept_as_written_with_a_warning(archive, build):
    """`by 31 May 2019`, as minutes say when: kept as text without a word, the action never showed as overdue."""
    edit(archive, MINUTES, "due: 2019-05-31", "due: by 31 May 2019")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: by 31 May 2019"),
        "due: 'by 31 May 2019' is a date with other words around it, so it is kept as written and never counts as "
        "overdue; write `due: 2019-05-31` (31 May 2019) alone, for the tracker to show the action overdue after it, "
        "and the other words in the action's text or the update's progress", "warning")]


@pytest.mark.parametrize("written", ["13:00 \u2013 15:00", "1pm to 3pm"])
def test_a_meetings_times_written_as_one_range_are_told_to_be_its_start_and_end(archive, build, written):
    """The pack's header, "05 March 2020 13:00 – 15:00", copied into `start:`: it was 'not a time', with the advice
    to write HH:MM, which it was, twice."""
    edit(archive, MEETING, 'start: "14:00"', f"start: {written}")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "start:"),
        f"start: '{written}' is two times, from 13:00 to 15:00; write one here, \"13:00\", and a meeting's end as "
        "`end: \"15:00\"`")]


def test_time_that_does_not_exist(archive, build):
    edit(archive, MEETING, 'start: "14:00"', 'start: "25:00"')
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "start:"),
        "start: '25:00' is not a time; write the time as HH:MM (24-hour) or like 1:00pm, in quotes")]


def test_yes_no_field_given_something_else(archive, build):
    edit(archive, MEETING, "quorate: yes", "quorate: maybe")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "quorate:"),
        "quorate: 'maybe' is not yes or no; write yes or no")]


def test_a_final_log_with_an_update_whose_progress_is_left_empty(archive, build):
    """As `new meeting` writes each open action into the log, for the clerk to fill in. The message said the
    update "says no progress", which a clerk who had given it `status: no-progress` read as about the status."""
    edit(archive, LOG, "progress: Waiting for the final text of the strategy.", 'progress: ""')
    assert [m for m in warnings_after(build, archive) if "progress" in m] == [at(LOG, line_of(
        archive, LOG, "action: TB/19/13#leaflet"), "the log is final, but its update of TB/19/13#leaflet has "
        "nothing written in `progress:`; write what the meeting heard there, or take the update out if the action "
        "was not reported on", "warning")]
    edit(archive, LOG, "as_at: 2019-06-13", "as_at: 2019-06-13\nstatus: draft")  # a draft is being written
    assert [m for m in warnings_after(build, archive) if "progress" in m] == []


def test_action_status_not_in_the_list(archive, build):
    edit(archive, LOG, "status: amber", "status: yellow")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "status: yellow"),
        "status: 'yellow' is not one of: red, amber, green, complete, on-track, no-progress, not-started; "
        "write one of them")]  # listed once, not again as known values


@pytest.mark.parametrize("written, named", [("Amber - on track", "amber or on-track"), ("Red/Amber", "red or amber"),
                                            ("On track (green)", "on-track or green")])
def test_action_status_naming_two_statuses_names_both(archive, build, written, named):
    """Action logs give the RAG colour and words for it in one column: the nearest spelling of the whole was the
    words' alone ('did you mean on-track?'), as if the colour the clerk wrote were a mistake."""
    edit(archive, LOG, "status: amber", f"status: {written}")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, f"status: {written}"),
        f"status: '{written}' is not one of: red, amber, green, complete, on-track, no-progress, not-started; "
        f"choose one: {named}")]


@pytest.mark.parametrize("written, fields", [
    ("Amber – revised date 30/09/19", "`status: amber` and, on a line of its own, `due: 2019-09-30` (30 September "
     "2019, if 2019 is meant)"),
    ("Red (revised to Dec 2019)", "`status: red` and, on a line of its own, `due: December 2019`")])
def test_action_status_giving_a_revised_due_date_is_told_the_status_and_the_due_to_write(
        archive, build, written, fields):
    """A pack's log gives the rating and the date it revised the action's due date to in one cell: it was told to
    write amber alone, and the revised date, which the tracker counts the action overdue from, was lost."""
    edit(archive, LOG, "status: amber", f"status: {written}")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, f"status: {written}"),
        f"status: '{written}' is a status and a revised due date in one; write {fields}: the action's page and the "
        "tracker show a revised due date, and count the action overdue from it, only from `due:`")]


def test_action_status_written_in_words_is_read_and_a_misleading_one_gets_what_it_means(archive, build):
    edit(archive, LOG, "status: amber", "status: On track")
    assert build(archive).ok
    edit(archive, LOG, "status: On track", "status: In progress")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "status: In progress"),
        "status: 'In progress' is not one of: red, amber, green, complete, on-track, no-progress, not-started; "
        "write on-track, or its rating: green, amber or red")]
    edit(archive, LOG, "status: In progress", "status: Blue")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "status: Blue"),
        "status: 'Blue' is not one of: red, amber, green, complete, on-track, no-progress, not-started; blue is "
        "complete in a BRAG rating: write complete, with `closed: yes` if this log closes the action")]
    edit(archive, LOG, "status: Blue", "status: G")  # a RAG column's letter
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "status: G"),
        "status: 'G' is not one of: red, amber, green, complete, on-track, no-progress, not-started; did you mean "
        "'green'?")]


@pytest.mark.parametrize("written, hint", [
    ("postponed", "write deferred, and say in `description:` where it went, e.g. To be taken at [[ccb/2019-09-19]]"),
    ("removed", "write withdrawn"),
    ("approved", "leave status out for an item taken as planned: what was decided goes in the minutes"),
    ("defered", "did you mean 'deferred'?")])
def test_an_agenda_items_status_other_than_deferred_or_withdrawn_gets_the_word_to_write(archive, build, written,
                                                                                       hint):
    edit(archive, MEETING, "    title: Any other business\n", f"    title: Any other business\n    status: {written}\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, f"status: {written}"),
        f"status: '{written}' is not one of: deferred, withdrawn; {hint}")]


def test_a_session_named_as_a_part_of_the_agenda_gets_the_word_to_write(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 20 June 2019\nsession: Part 2")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "session:"),
        "session: 'Part 2' is not one of: public, private; write private: it is never published")]


DEFAULT_TYPES = ("Financial interest, Non-financial professional interest, Non-financial personal interest, "
                 "Indirect interest, Disclosable pecuniary interest, Other registrable interest, "
                 "Non-registrable interest")
DECLARED_TYPE = "    type: Other registrable interest"


@pytest.mark.parametrize("written, hint", [
    ("Other registerable interest", "did you mean 'Other registrable interest'? If not, "),
    ("DPI", "did you mean 'Disclosable pecuniary interest'? If not, "),  # as councils write it
    ("pecuniary", "did you mean 'Disclosable pecuniary interest'? If not, "),
    ("Non-pecuniary interest", "write one of them, or "),  # not the pecuniary, its opposite
    ("Registrable interest", "write one of them, or "),  # as near the other registrable as the non-registrable
    ("Prejudicial interest", "write one of them, or ")])  # the 2007 code's, which no type of 2011 is
def test_a_declarations_type_not_among_its_bodys_types_names_them_and_where_to_list_its_own(archive, build,
                                                                                          written, hint):
    """A type mistyped would be published as a type of its own, and a reader looking for every pecuniary interest
    would miss it. A body that lists none has Minutebook's: the NHS's four and the council code's three."""
    edit(archive, MINUTES, DECLARED_TYPE, f"    type: {written}")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"type: {written}"),
        f"type: '{written}' is not one of TB's types of interest: {DEFAULT_TYPES}; {hint}list the types TB declares "
        "by under `interest_types:` in content/bodies/tb.md (in content/site.yaml, for every body)")]


def test_a_declarations_type_not_among_those_its_body_lists_says_to_add_it_there(archive, build):
    edit(archive, "bodies/tb.md", "kind: board\n", "kind: board\ninterest_types: [Pecuniary, Non-pecuniary]\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "type: Other registrable"),
        "type: 'Other registrable interest' is not one of TB's types of interest: Pecuniary, Non-pecuniary; write "
        "one of them, or add 'Other registrable interest' to `interest_types:` in content/bodies/tb.md")]


def test_a_declarations_type_not_among_the_sites_types_says_to_add_it_there_or_list_the_bodys_own(archive, build):
    edit(archive, "site.yaml", "language: en-GB\n", "language: en-GB\ninterest_types: [Pecuniary, Non-pecuniary]\n")
    edit(archive, MINUTES, DECLARED_TYPE, "    type: NON PECUNIARY")  # Non-pecuniary, in other words: no error
    edit(archive, "meetings/jc/2019-11-05/minutes.md", "## 5 ", "```item\ndeclarations:\n  - name: A member\n"
         "    type: Other registrable interest\n```\n\n## 5 ")
    assert errors_after(build, archive) == [at("meetings/jc/2019-11-05/minutes.md", line_of(
        archive, "meetings/jc/2019-11-05/minutes.md", "type: Other registrable"),
        "type: 'Other registrable interest' is not one of JC's types of interest: Pecuniary, Non-pecuniary; write "
        "one of them, or add 'Other registrable interest' to `interest_types:` in content/site.yaml, or list JC's own "
        "in "
        "content/bodies/jc.md")]


def test_a_type_listed_twice_in_other_words_is_named_with_the_first(archive, build):
    """Types are matched whatever their case, hyphens or plural s: the page could show either spelling."""
    edit(archive, "bodies/tb.md", "kind: board\n",
         "kind: board\ninterest_types:\n  - Other registrable interest\n  - Other Registrable Interests\n")
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "  - Other Registrable"),
        "interest_types: 'Other Registrable Interests' is the type 'Other registrable interest' again, as "
        "declarations are matched to types whatever their case, hyphens or plural s; keep one of them")]


# The fixture minutes a lost amendment with its figures and the carried motion by a recorded vote, at a meeting
# with four members present, a substitute deputising and one in attendance, and another giving apologies.
AMENDMENT = "    outcome: lost\n    for: 1\n    against: 3\n    abstained: 1\n"
RECORDED_FOR = "      for: [ada-lovelace, eve-turner, {name: Priya Shah}]\n"


def _amendment(outcome: str, ayes: int, noes: int, rest: str = "") -> str:
    return f"    outcome: {outcome}\n    for: {ayes}\n    against: {noes}\n    abstained: 1\n{rest}"


def test_a_member_named_twice_among_those_voting_one_way_is_an_error(archive, build):
    edit(archive, MINUTES, RECORDED_FOR, "      for:\n        - ada-lovelace\n        - eve-turner\n"
         "        - {name: Priya Shah}\n        - Cllr Lovelace\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- Cllr Lovelace"),
        "Councillor Ada Lovelace is named twice among those voting for on minute TB/19/13 (first on line "
        f"{line_of(archive, MINUTES, '- ada-lovelace')}); take one of them out")]


def test_a_member_named_as_voting_two_ways_is_an_error(archive, build):
    edit(archive, MINUTES, "abstained: [carol-singh]", "abstained: [carol-singh, eve-turner]")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "abstained: [carol-singh"),
        "Councillor Eve Turner is named as abstaining on minute TB/19/13, and as voting for on line "
        f"{line_of(archive, MINUTES, RECORDED_FOR.strip())}: a member has one vote; keep the way they voted, and take "
        "the other out")]


def test_a_figure_that_is_not_the_number_of_members_a_recorded_vote_names_is_an_error(archive, build):
    edit(archive, MINUTES, "    outcome: carried\n    recorded:", "    outcome: carried\n    for: 4\n    recorded:")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "for: 4"),
        "`for: 4` on minute TB/19/13, but the recorded vote names 3 members voting for; write `for: 3`, or name "
        "every member voting for under `recorded:`")]


@pytest.mark.parametrize("outcome, ayes, noes, gives, special", [
    ("carried", 1, 3, "loses", ""),
    ("lost", 3, 1, "carries", "; if standing orders required more than a simple majority, say which, e.g. "
     "`majority: two thirds of those voting`")])
def test_an_outcome_the_figures_do_not_give_is_an_error(archive, build, outcome, ayes, noes, gives, special):
    edit(archive, MINUTES, AMENDMENT, _amendment(outcome, ayes, noes))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"outcome: {outcome}"),
        f"the vote on minute TB/19/13 is minuted as {outcome}, but For {ayes}, Against {noes}, Abstained 1 {gives} "
        f"it; correct the outcome or the figures{special}")]


def test_a_special_majority_lets_more_votes_for_than_against_lose_a_motion_but_not_fewer_carry_it(archive, build):
    """Standing orders may need two thirds of the members present to suspend a standing order: 3 of the 5 voting
    for lose it."""
    edit(archive, MINUTES, AMENDMENT, _amendment("lost", 3, 1, "    majority: two thirds of the members present\n"))
    assert messages(build(archive), "error") == []
    edit(archive, MINUTES, "    outcome: lost\n    for: 3\n    against: 1", "    outcome: carried\n    for: 1\n"
         "    against: 3")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "outcome: carried"),
        "the vote on minute TB/19/13 is minuted as carried, but For 1, Against 3, Abstained 1 loses it; correct the "
        "outcome or the figures")]


def test_equal_votes_minuted_as_carrying_a_motion_without_a_casting_vote_is_an_error(archive, build):
    """Equal votes lose a motion unless the chair gives a casting vote; minuted as lost, they are no mistake."""
    edit(archive, MINUTES, AMENDMENT, _amendment("carried", 2, 2))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "outcome: carried"),
        "the vote on minute TB/19/13 is minuted as carried, but the votes are equal (For 2, Against 2, Abstained 1): "
        "equal votes carry a motion only on the chair's casting vote; write `casting_vote: for` if the chair's "
        "casting vote carried it; else `outcome: lost`")]


def test_a_casting_vote_where_the_votes_are_not_equal_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    casting_vote: against\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "casting_vote:"),
        "minute TB/19/13 gives the chair's casting vote, but the votes are not equal (For 1, Against 3, Abstained 1); "
        "take casting_vote out, as only equal votes have one, or correct the figures")]


def test_a_casting_vote_that_does_not_give_the_outcome_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, _amendment("lost", 2, 2, "    casting_vote: for\n"))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "outcome: lost"),
        "the vote on minute TB/19/13 is minuted as lost, but the chair's casting vote was for; write "
        "`outcome: carried`, or correct casting_vote")]


def test_more_votes_than_members_present_who_may_vote_is_an_error(archive, build):
    """Four members present, a substitute: the officer in attendance does not vote. Fewer votes are no mistake."""
    edit(archive, MINUTES, AMENDMENT, _amendment("lost", 2, 3))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- motion: \"Amendment"),
        "the vote on minute TB/19/13 counts 6 votes (For 2, Against 3, Abstained 1), but the meeting's attendance "
        "lists 5 members present who may vote; correct the figures, or list the members missing under `present:` "
        "(or `deputising:`) in meeting.md")]


def test_a_member_named_in_a_recorded_vote_whom_the_attendance_does_not_list_is_an_error(archive, build):
    """A name in free text is not checked: `Cllr Turner` in attendance could be `Frank Turner` in the vote."""
    edit(archive, MEETING, "    - eve-turner\n", "")
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("    abstained: 1\n", ""))  # four votes, four members
    edit(archive, MINUTES, "against: [frank-turner]", "against: [frank-turner, {name: Harriet Quill}]")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, RECORDED_FOR.strip()),
        "Councillor Eve Turner is named as voting for on minute TB/19/13, but the meeting's attendance does not list "
        "them as present; add them to `present:` (or `deputising:`) in meeting.md, or correct the name")]


def test_a_recorded_vote_at_a_meeting_whose_attendance_lists_no_one_is_not_checked_against_its_chair_alone(
        archive, build):
    """The meeting of January 2020 records its `chair:` and no attendance: whom it names as voting, or how many
    votes it counts, cannot be checked against members present no one listed. The chair was taken for the whole
    attendance, and every other member named was said not to be listed as present."""
    january = "meetings/tb/2020-01-16/minutes.md"
    edit(archive, january, "lead: carol-singh\n", "lead: carol-singh\nvotes:\n  - motion: That the report be "
         "received.\n    outcome: carried\n    recorded:\n      for: [frank-turner, eve-turner, ada-lovelace]\n"
         "      against: [dev-patel]\n")
    assert warnings_after(build, archive) == []


@pytest.mark.parametrize("who, name, listed", [
    ("dev-patel", "Mr Dev Patel", "giving apologies"),
    ("brian-okafor", "Mr Brian Okafor", "in attendance, not as a member present")])
def test_a_member_named_in_a_recorded_vote_whom_the_attendance_lists_as_not_there_is_an_error(archive, build, who,
                                                                                                name, listed):
    edit(archive, MINUTES, "against: [frank-turner]", f"against: [frank-turner, {who}]")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "against: [frank-turner"),
        f"{name} is named as voting against on minute TB/19/13, but the meeting's attendance lists them as {listed}; "
        "correct the name, or the attendance in meeting.md")]


# The fixture's attendance has Eve Turner leave during TB/19/14, after voting on TB/19/13
EVE_LEFT = "    - person: eve-turner\n      event: left\n      item: TB/19/14\n"
CAROL_DECLARES = "```item\npaper: A\n"


def test_a_member_named_in_a_recorded_vote_who_left_before_the_item_is_an_error(archive, build):
    """The one message: the recorded vote's five names, more than the four still there, follow from it."""
    edit(archive, MEETING, EVE_LEFT, EVE_LEFT.replace("TB/19/14", "TB/19/12"))
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("    abstained: 1\n", ""))  # four votes, four members
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, RECORDED_FOR.strip()),
        "Councillor Eve Turner is named as voting for on minute TB/19/13, but the meeting's attendance says they "
        "left during item TB/19/12, before it; correct the name, or their movement (content/"
        f"{MEETING}:{line_of(archive, MEETING, 'person: eve-turner')}); if they came back before the vote, add that "
        "under `movements:` (`event: joined`, and the item)")]


def test_a_member_named_in_a_recorded_vote_who_joined_only_after_the_item_is_an_error(archive, build):
    edit(archive, MEETING, EVE_LEFT, EVE_LEFT + "    - person: frank-turner\n      event: joined\n      item: TB/19/14\n")
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("    abstained: 1\n", ""))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "against: [frank-turner]"),
        "Councillor Frank Turner is named as voting against on minute TB/19/13, but the meeting's attendance says "
        "they joined during item TB/19/14, after it; correct the name, or their movement (content/"
        f"{MEETING}:{line_of(archive, MEETING, 'person: frank-turner')})")]


def test_more_votes_than_members_present_for_the_item_is_an_error(archive, build):
    """Five members at the meeting, but Eve Turner left before the item: the amendment's five votes are one too
    many for the four there."""
    edit(archive, MEETING, EVE_LEFT, EVE_LEFT.replace("TB/19/14", "TB/19/12"))
    edit(archive, MINUTES, RECORDED_FOR, RECORDED_FOR.replace(" eve-turner,", ""))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- motion: \"Amendment"),
        "the vote on minute TB/19/13 counts 5 votes (For 1, Against 3, Abstained 1), but 4 members were present for "
        "it who may vote: the meeting's attendance lists 5, of whom Councillor Eve Turner left before it; correct "
        "the figures, or the movements in meeting.md")]


@pytest.mark.parametrize("movements", [
    EVE_LEFT.replace("TB/19/14", "TB/19/13"),  # during the item: before its votes or after them, the minutes say not
    EVE_LEFT.replace("TB/19/14", "TB/19/12") + "    - person: eve-turner\n      event: joined\n      item: TB/19/12\n",
    EVE_LEFT.replace("TB/19/14", "TB/19/12") + "    - person: eve-turner\n      event: joined\n      item: TB/19/13\n",
    EVE_LEFT.replace("      item: TB/19/14\n", ""),  # when, the minutes do not say
    "    - person: frank-turner\n      event: left\n      item: TB/19/15\n",
    "    - person: frank-turner\n      event: joined\n      item: TB/19/12\n"])
def test_movements_that_leave_a_member_there_for_the_vote_or_do_not_say_give_no_message(archive, build, movements):
    """A member who left and came back is there for what follows; one who left or joined during the item, or
    at a time the minutes do not give, may have voted."""
    edit(archive, MEETING, EVE_LEFT, movements)
    assert messages(build(archive)) == []


def test_a_member_named_in_a_recorded_vote_whose_declaration_says_they_took_no_part_is_a_warning(archive, build):
    """The declaration's action is free text: which of the two is wrong, the minutes' words cannot tell for sure."""
    edit(archive, MINUTES, CAROL_DECLARES, CAROL_DECLARES + "declarations:\n  - person: carol-singh\n"
         "    interest: Governor of a school in the pilot\n    action: Left the room for the item\n")
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("    abstained: 1\n", ""))  # four votes, for four members
    edit(archive, MINUTES, "chair: carol-singh\nvotes:", "votes:")  # in the chair for it, a warning of its own
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "abstained: [carol-singh]"),
        "Dr Carol Singh is named as abstaining on minute TB/19/13, but their declaration of interest on it (line "
        f"{line_of(archive, MINUTES, 'action: Left the room for the item')}) says 'Left the room for the item'; "
        "take them out of the recorded vote if they took no part in it; if they did vote, correct the declaration's "
        "action", "warning")]


def test_a_declaration_that_does_not_say_the_member_took_no_part_in_the_vote_gives_no_message(archive, build):
    """Ada Lovelace declared at TB/19/12 and voted on TB/19/13: a declaration is read for its own item's votes."""
    edit(archive, MINUTES, CAROL_DECLARES, CAROL_DECLARES + "declarations:\n  - person: carol-singh\n"
         "    action: Left the room for the discussion and returned for the vote\n")
    edit(archive, MINUTES, "action: Remained in the meeting and took part in the discussion",
         "action: Left the room")
    assert messages(build(archive)) == []


EVE_DECLARES = "  - person: eve-turner\n    interest: Member of the food partnership\n    action: {}\n"


@pytest.mark.parametrize("minute, action, made_at", [
    (CAROL_DECLARES, "Left the room for the item", ""),
    ("    action: Remained in the meeting and took part in the discussion\n", "Left the room for item TB/19/13",
     "at minute TB/19/12, ")])
def test_more_votes_than_members_there_less_one_whose_declaration_says_they_left_the_room_is_a_warning(
        archive, build, minute, action, made_at):
    """Five members present; Eve Turner, no longer in the recorded vote, declared an interest at the item, or at the
    standing item naming it, and left the room: the amendment's figures, five votes, are one more than the four
    left. A vote by figures names no one the declaration could be checked against, and the action is free text."""
    declarations = "declarations:\n" if minute == CAROL_DECLARES else ""
    edit(archive, MINUTES, minute, minute + declarations + EVE_DECLARES.format(action))
    edit(archive, MINUTES, RECORDED_FOR, RECORDED_FOR.replace(" eve-turner,", ""))
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- motion: \"Amendment"),
        "the vote on minute TB/19/13 counts 5 votes (For 1, Against 3, Abstained 1), but 4 members were present for "
        "it who may vote: the meeting's attendance lists 5, of whom Councillor Eve Turner "
        f"({made_at}line {line_of(archive, MINUTES, 'action: ' + action)}) declared an interest and left the room "
        "for it; correct the figures; if Councillor Eve Turner came back for the vote, say so in the declaration's "
        "action ('... and returned for the vote')", "warning")]


@pytest.mark.parametrize("action", [
    "Left the room for the discussion and returned for the vote", "Left the room for item TB/19/14",
    "Did not vote"])
def test_a_declaration_that_does_not_say_the_member_was_out_of_the_room_for_the_vote_leaves_its_figures_unchecked(
        archive, build, action):
    """Back for the vote, out for another item, or in the room without voting (an abstention, some minutes count
    it): the five votes may all have been cast."""
    edit(archive, MINUTES, CAROL_DECLARES, CAROL_DECLARES + "declarations:\n" + EVE_DECLARES.format(action))
    edit(archive, MINUTES, RECORDED_FOR, RECORDED_FOR.replace(" eve-turner,", ""))
    assert messages(build(archive)) == []


def test_a_member_named_in_a_recorded_vote_who_left_the_room_by_the_standing_items_declaration_is_a_warning(
        archive, build):
    """Declared at the start, with the item named by its number, as the chair's check reads it (test_chairs.py)."""
    edit(archive, MINUTES, "    action: Remained in the meeting and took part in the discussion\n",
         "    action: Remained in the meeting and took part in the discussion\n" + EVE_DECLARES.format(
             "Left the room for item TB/19/13"))
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("    abstained: 1\n", ""))  # four votes, for four members
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, RECORDED_FOR.strip()),
        "Councillor Eve Turner is named as voting for on minute TB/19/13, but their declaration of interest at minute "
        f"TB/19/12 (line {line_of(archive, MINUTES, 'action: Left the room for item TB/19/13')}) says 'Left the room "
        "for item TB/19/13'; take them out of the recorded vote if they took no part in it; if they did vote, correct "
        "the declaration's action", "warning")]


def test_a_web_address_without_its_https_is_given_the_address_to_write(archive, build):
    """`webcast: www.leicester.public-i.tv`, as a pack prints the address."""
    edit(archive, MEETING, "webcast: https://webcast.testshire.example/hwb/2019-03-14",
         "webcast: webcast.testshire.example/hwb/2019-03-14")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "webcast:"),
        "webcast: 'webcast.testshire.example/hwb/2019-03-14' is not a web address; write it as "
        "https://webcast.testshire.example/hwb/2019-03-14 if that is the address")]


def test_a_declaration_written_as_the_minutes_sentence_is_given_its_fields_with_the_person_it_names(archive, build):
    """`- Cllr Dr Sangster declared a personal interest in item 6 as a practising GP`, as the minutes word it: told
    only that a declaration "must be a set of `field: value` lines"."""
    edit(archive, MINUTES, "declarations:\n", "declarations:\n  - Dr Singh declared an interest as a trustee of the "
         "allotments trust\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "  - Dr Singh declared"),
        "a declaration of interest is written as a sentence, not as its fields; write it as `- person: carol-singh`, "
        "with `interest:` (its nature), `type:` where the minutes give it and `action:` (what the chair decided) on "
        "the lines below it")]


def test_a_figure_in_words_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("for: 1", "for: one"))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "for: one"),
        "for: 'one' is not a number of votes; write it in figures, e.g. 12, or 0 for none")]


@pytest.mark.parametrize("written, meant", [("defeated", "lost"), ("agreed", "carried")])
def test_an_outcome_in_other_words_says_which_to_write(archive, build, written, meant):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("outcome: lost", f"outcome: {written}"))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"outcome: {written}"),
        f"outcome: '{written}' is not one of: carried, lost; write {meant}")]


@pytest.mark.parametrize("written, meant", [("CARRIED unanimously", "carried"), ("Lost on the chair's casting vote",
                                                                                 "lost")])
def test_an_outcome_with_more_words_says_to_write_it_alone(archive, build, written, meant):
    """`outcome: CARRIED unanimously`, as the minutes word it: the clerk was told only to write one of carried or
    lost, which they thought they had."""
    edit(archive, MINUTES, AMENDMENT, AMENDMENT.replace("outcome: lost", f"outcome: {written}"))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"outcome: {written}"),
        f"outcome: '{written}' is not one of: carried, lost; write {meant} alone")]


def test_a_vote_without_its_motion_is_an_error(archive, build):
    edit(archive, MINUTES, '  - motion: "Amendment moved by Councillor Frank Turner: to add a target for adult '
         'obesity."\n    outcome: lost\n', "  - outcome: lost\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "  - outcome: lost"),
        "the required field 'motion' is missing from a vote; add `motion: ...`, what was put to the vote, as minuted")]


@pytest.mark.parametrize("written, hint", [
    ("ammendment", "did you mean 'amendment'?"),
    ("amended motion", "write substantive motion: the motion as amended"),
    ("motion on notice", "write motion")])
def test_a_kind_of_vote_that_is_none_of_motion_amendment_or_substantive_motion_says_which_to_write(archive, build,
                                                                                                  written, hint):
    """'Amended motion' is nearest 'amendment' in spelling, but is the motion as amended: the substantive motion."""
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + f"    kind: {written}\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"kind: {written}"),
        f"kind: '{written}' is not one of: motion, amendment, substantive motion; {hint}")]


def test_a_motion_that_says_what_it_amends_is_an_error(archive, build):
    """`amends:` alone makes the vote an amendment; with another kind, one of the two is wrong."""
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    kind: substantive motion\n    amends: the motion\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "amends: the motion"),
        "the substantive motion on minute TB/19/13 says what it amends, but only an amendment amends; write "
        "`kind: amendment`, or take `amends:` out")]


def test_a_vote_seconded_by_its_mover_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    kind: amendment\n    moved_by: frank-turner\n"
         "    seconded_by: Cllr Frank Turner\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "seconded_by: Cllr Frank"),
        "Councillor Frank Turner is named as both moving and seconding the amendment on minute TB/19/13: a seconder "
        "is a member other than the mover; correct `moved_by:` or `seconded_by:`")]


def test_a_mover_the_people_register_does_not_know_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    moved_by: Frank Tuner\n")
    assert errors_after(build, archive)[0].startswith(at(MINUTES, line_of(archive, MINUTES, "moved_by: Frank Tuner"),
        "moved_by: unknown person 'Frank Tuner'; did you mean"))


def test_a_vote_moved_by_several_members_is_an_error(archive, build):
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    moved_by: [frank-turner, eve-turner]\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "moved_by: [frank-turner"),
        "moved_by: a vote has one mover, but this names 2; write the member the minutes give as moving it, alone")]


def test_a_seconder_whom_the_attendance_lists_in_attendance_not_as_a_member_present_is_an_error(archive, build):
    """An officer in attendance neither votes nor moves or seconds a motion."""
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    moved_by: frank-turner\n    seconded_by: brian-okafor\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "seconded_by: brian-okafor"),
        "Mr Brian Okafor is named as seconding the motion on minute TB/19/13, but the meeting's attendance lists them "
        "as in attendance, not as a member present; correct the name, or the attendance in meeting.md")]


def test_a_mover_who_left_before_the_item_is_an_error(archive, build):
    """The one message: the amendment's five votes, more than the four still there, follow from it."""
    edit(archive, MEETING, EVE_LEFT, EVE_LEFT.replace("TB/19/14", "TB/19/12"))
    edit(archive, MINUTES, RECORDED_FOR, RECORDED_FOR.replace(" eve-turner,", ""))
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    kind: amendment\n    moved_by: eve-turner\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "moved_by: eve-turner"),
        "Councillor Eve Turner is named as moving the amendment on minute TB/19/13, but the meeting's attendance says "
        "they left during item TB/19/12, before it; correct the name, or their movement (content/"
        f"{MEETING}:{line_of(archive, MEETING, 'person: eve-turner')}); if they came back before the vote, add that "
        "under `movements:` (`event: joined`, and the item)")]


def test_a_mover_whose_declaration_says_they_took_no_part_is_a_warning(archive, build):
    """Dr Singh moved the amendment and abstained on the motion: each vote naming her is warned of."""
    edit(archive, MINUTES, CAROL_DECLARES, CAROL_DECLARES + "declarations:\n  - person: carol-singh\n"
         "    action: Did not take part in the vote\n")
    edit(archive, MINUTES, AMENDMENT, AMENDMENT + "    kind: amendment\n    moved_by: carol-singh\n")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "moved_by: carol-singh"),
        "Dr Carol Singh is named as moving the amendment on minute TB/19/13, but their declaration of interest on it "
        f"(line {line_of(archive, MINUTES, 'action: Did not take part')}) says 'Did not take part in the vote'; "
        "correct `moved_by:` if they took no part in it; if they did, correct the declaration's action", "warning"),
        at(MINUTES, line_of(archive, MINUTES, "abstained: [carol-singh]"), "Dr Carol Singh is named as abstaining on "
           f"minute TB/19/13, but their declaration of interest on it (line {line_of(archive, MINUTES, 'action: Did')}) "
           "says 'Did not take part in the vote'; take them out of the recorded vote if they took no part in it; if "
           "they did vote, correct the declaration's action", "warning")]


def test_a_minute_number_heading_that_does_not_start_an_item_is_a_warning(archive, build):
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical needs assessment",
         "### TB/19/22 Pharmaceutical needs assessment")
    line = line_of(archive, LATER_MINUTES, "### TB/19/22")
    assert warnings_after(build, archive) == [  # the number in it no longer has a minute: the agenda says so
        at(LATER, line_of(archive, LATER, "ref: TB/19/22"), "agenda item TB/19/22 (Pharmaceutical needs "
           "assessment) has no minute in the approved minutes; if it was not taken, add `status: deferred` or "
           "`status: withdrawn` to it; if it was, add its heading, `## TB/19/22 ...`, to "
           f"content/{LATER_MINUTES}", "warning"),
        at(LATER_MINUTES, line, "the heading 'TB/19/22 Pharmaceutical needs assessment' starts with minute number "
           "TB/19/22, but only a '## ' heading at the start of a line starts an item, so it is read as part of "
           "TB/19/21; write '## TB/19/22 Pharmaceutical needs assessment' if it is an item of its own", "warning")]


@pytest.mark.parametrize("written", ["TB/19/013#2", "tb:TB / 19/013#2"])
def test_an_update_naming_its_minute_padded_with_zeros_is_for_that_minutes_action(archive, build, written):
    """Trust boards write their minutes' numbers as TB/19/013, as the heading and the agenda may; an action log
    naming TB/19/013#2 was told there is no minute TB/19/013 ("is the year right?"), and the action held over."""
    edit(archive, LOG, "action: TB/19/13#2", f"action: {written}")
    assert warnings_after(build, archive) == []


@pytest.mark.parametrize("heading", ["### TB/19/13(a) Consultation", "### TB/19/13 (i) Consultation",
                                     "#### TB/19/013(b) Consultation"])
def test_a_heading_numbered_as_a_part_of_its_own_item_is_no_warning(archive, build, heading):
    """`### 24/007(a) Payments` inside `## 24/007 Finance` is the sub-item a clerk means. It was warned of as a
    heading that does not start an item, and following the warning (`## 24/007(a)`) made 24/007 twice, an error."""
    edit(archive, MINUTES, "### Consultation", heading)
    assert warnings_after(build, archive) == []


def test_a_minute_heading_without_the_zeros_its_body_prints_is_a_warning(archive, build):
    """A body printing TB/19/013 says so in its pattern (TB/{yy}/{nnn}); the page shows its number so whatever the
    heading writes, and a heading written otherwise is told how the page shows it."""
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB/{yy}/{nnn}"')
    line = line_of(archive, MINUTES, "## TB/19/13 ")
    assert [m for m in warnings_after(build, archive) if m.startswith(f"content/{MINUTES}:{line}:")] == [
        at(MINUTES, line, "minute number TB/19/13 is not written as TB prints its numbers (TB/{yy}/{nnn} in "
           "content/bodies/tb.md: 3 digits at least, zeros in front), so the page shows TB/19/013; write '## TB/19/013 "
           "Healthy Weight Strategy 2019 to 2024'", "warning")]


def test_a_minute_heading_with_a_zero_its_body_does_not_print_is_a_warning(archive, build):
    """`## TB/19/013` of a body numbering TB/{yy}/{n}: the page shows TB/19/13, which the clerk may not mean."""
    edit(archive, MINUTES, "## TB/19/13 ", "## TB/19/013 ")
    line = line_of(archive, MINUTES, "## TB/19/013 ")
    assert warnings_after(build, archive) == [
        at(MINUTES, line, "minute number TB/19/013 has a zero in front, which TB's numbering (TB/{yy}/{n} in "
           "content/bodies/tb.md) does not print, so the page shows TB/19/13; write '## TB/19/13 Healthy Weight "
           "Strategy 2019 to 2024', or, if TB prints its numbers so, the pattern TB/{yy}/{nnn} in content/bodies/tb.md",
           "warning")]


def test_a_level_two_heading_numbering_a_part_of_the_item_above_is_an_error(archive, build):
    """`## 24/007(a)` under `## 24/007`: read as an item, it was 24/007 again (an error saying to renumber one), or
    where the item above was another, an item 24/007 titled '(a) ...'."""
    edit(archive, MINUTES, "### Consultation", "## TB/19/13(a) Consultation")
    line = line_of(archive, MINUTES, "## TB/19/13(a)")
    assert errors_after(build, archive) == [
        at(MINUTES, line, "minute heading 'TB/19/13(a) Consultation' numbers a part of TB/19/13, the item above it, "
           "but a '## ' heading starts an item of its own, numbered TB/19/13 again; write '### TB/19/13(a) "
           "Consultation', a heading inside TB/19/13")]


def test_a_level_two_heading_numbering_a_part_of_another_item_is_an_error(archive, build):
    edit(archive, MINUTES, "### Consultation", "## TB/19/16(a) Consultation")
    line = line_of(archive, MINUTES, "## TB/19/16(a)")
    assert errors_after(build, archive) == [
        at(MINUTES, line, "minute heading 'TB/19/16(a) Consultation' numbers a part of minute TB/19/16, which is not "
           "the item above it; write '## TB/19/16 Title' above it, and '### TB/19/16(a) Consultation' for the "
           "part; or correct its number")]


def test_a_level_two_heading_numbering_a_part_of_an_item_further_up_is_told_to_move_under_it(archive, build):
    """`## TB/19/13(a)` below TB/19/14: it was told to write '## TB/19/13 Title' above it, which made TB/19/13
    twice."""
    edit(archive, MINUTES, "## TB/19/15 Any other business",
         "## TB/19/13(a) Consultation\n\nMore.\n\n## TB/19/15 Any other business")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/13(a)"),
        "minute heading 'TB/19/13(a) Consultation' numbers a part of minute TB/19/13, which is not the item above "
        f"it; move it under the heading of TB/19/13 (line {line_of(archive, MINUTES, '## TB/19/13 ')}), as '### "
        "TB/19/13(a) Consultation'; or correct its number")]


def test_a_heading_numbering_a_part_of_another_item_than_its_own_is_a_warning(archive, build):
    """`### TB/19/14(a)` inside TB/19/13 was told to be written `## TB/19/14(a)`: an item numbered TB/19/14 twice."""
    edit(archive, MINUTES, "### Consultation", "### TB/19/14(a) Consultation")
    line = line_of(archive, MINUTES, "### TB/19/14(a)")
    assert warnings_after(build, archive) == [
        at(MINUTES, line, "the heading 'TB/19/14(a) Consultation' numbers a part of minute TB/19/14, but it is inside "
           "TB/19/13, so it is read as part of TB/19/13; move it under the heading of TB/19/14, or correct its "
           "number", "warning")]


def test_a_heading_numbering_a_part_of_a_minute_the_archive_lacks_is_told_once_to_take_its_items_number(
        archive, build):
    """`### TB/19/99(a)` inside TB/19/13, and no TB/19/99 anywhere: it was told twice on one line, that the reference
    'TB/19/99(a)' does not resolve, and to move the heading under TB/19/99, a heading there is none of."""
    edit(archive, MINUTES, "### Consultation", "### TB/19/99(a) Consultation")
    line = line_of(archive, MINUTES, "### TB/19/99(a)")
    assert warnings_after(build, archive) == [
        at(MINUTES, line, "the heading 'TB/19/99(a) Consultation' numbers a part of minute TB/19/99, which the archive "
           "does not have, and it is inside TB/19/13, so it is read as part of TB/19/13; correct its number to this "
           "item's, '### TB/19/13(a) Consultation', or make it a heading without a number, '### Consultation'",
           "warning")]


def test_a_heading_numbering_a_part_of_a_minute_the_archive_lacks_keeps_its_other_references_reported(
        archive, build):
    """Only the heading's own number is left to its message: another number in it, and a heading that names a
    minute in its words, are references like any other, each reported where it does not resolve."""
    edit(archive, MINUTES, "### Consultation", "#### TB/19/99.1 after TB/19/98\n\n### Update on TB/19/97")
    line = line_of(archive, MINUTES, "#### TB/19/99.1")
    assert warnings_after(build, archive) == [
        at(MINUTES, line, "reference 'TB/19/98' does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22",
           "warning"),
        at(MINUTES, line, "the heading 'TB/19/99.1 after TB/19/98' numbers a part of minute TB/19/99, which the "
           "archive does not have, and it is inside TB/19/13, so it is read as part of TB/19/13; correct its number "
           "to this item's, '#### TB/19/13.1 after TB/19/98', or make it a heading without a number, '#### after "
           "TB/19/98'", "warning"),
        at(MINUTES, line + 2, "reference 'TB/19/97' does not resolve; nearest existing: TB/19/20, TB/19/21, "
           "TB/19/22", "warning")]


# An item's discussion is its section without its ```item block; with text above the block, each message about a
# line below it was told as many lines up as the block is long (TB/19/99 on line 42 told on line 24).
ABOVE_THE_BLOCK = ("```item\npaper: A", "Dr Singh introduced the item.\n\n```item\npaper: A")


def test_a_reference_below_an_item_block_with_text_above_it_is_reported_on_its_own_line(archive, build):
    edit(archive, MINUTES, *ABOVE_THE_BLOCK)
    edit(archive, MINUTES, "childhood obesity by 2030.", "childhood obesity by 2030 (TB/19/99).")
    edit(archive, MINUTES, "schools be involved from the start.", "schools be involved from the start, as TB/19/98 "
         "asked.")
    said = "reference '{}' does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22"
    assert warnings_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "(TB/19/99)"), said.format("TB/19/99"), "warning"),
        at(MINUTES, line_of(archive, MINUTES, "as TB/19/98 asked"), said.format("TB/19/98"), "warning")]


def test_a_part_heading_below_an_item_block_with_text_above_it_is_told_once(archive, build):
    """The heading's own number is left to its message by its line: told on another, it was told twice."""
    edit(archive, MINUTES, *ABOVE_THE_BLOCK)
    edit(archive, MINUTES, "### Consultation", "### TB/19/99(a) Consultation")
    assert warnings_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "### TB/19/99(a)"), "the heading 'TB/19/99(a) Consultation' numbers a "
           "part of minute TB/19/99, which the archive does not have, and it is inside TB/19/13, so it is read as "
           "part of TB/19/13; correct its number to this item's, '### TB/19/13(a) Consultation', or make it a "
           "heading without a number, '### Consultation'", "warning")]


def test_a_reference_in_a_block_of_text_in_a_field_is_reported_on_its_own_line(archive, build):
    """A `|` block's text starts on the line after the `|`: a reference on its second line was told one line up."""
    edit(archive, MINUTES, '  - "**NOTE** the results of the public consultation."',
         "  - |\n    **NOTE** the results of the public consultation,\n    as TB/19/99 asked.")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "as TB/19/99 asked"),
        "reference 'TB/19/99' does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22", "warning")]


@pytest.mark.parametrize("relative, old, new", [
    (MINUTES, '  - "**NOTE** the results of the public consultation."',
     "  - >\n    **NOTE** the results of the public consultation,\n    which the board had asked for\n"
     "    under TB/19/99 and [[tb:TB/19/98]]."),
    (MEETING, "      [council website](https://www.testshire.example/consult).",
     "      [council website](https://www.testshire.example/consult),\n      under TB/19/99 and [[tb:TB/19/98]]."),
])
def test_a_reference_in_a_folded_block_of_text_in_a_field_is_reported_on_its_own_line(archive, build, relative, old,
                                                                                        new):
    """A `>` block's lines are joined with spaces as YAML reads it, one line of text: a reference on its third
    line was told on its first, where the clerk would not find it."""
    edit(archive, relative, old, new)
    line = line_of(archive, relative, "under TB/19/99")
    said = "does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22"
    assert warnings_after(build, archive) == [at(relative, line, f"reference 'TB/19/99' {said}", "warning"),
                                              at(relative, line, f"reference 'tb:TB/19/98' {said}", "warning")]


def test_a_heading_numbering_a_minute_the_archive_lacks_inside_an_item_is_told_once_to_be_an_item(archive, build):
    """`### TB/19/99 Consultation` inside TB/19/13, and no TB/19/99 anywhere: it was told twice on one line, that the
    reference 'TB/19/99' does not resolve, and to write '## ': written so, TB/19/99 is there and resolves."""
    edit(archive, MINUTES, "### Consultation", "### TB/19/99 Consultation")
    assert warnings_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "### TB/19/99"), "the heading 'TB/19/99 Consultation' starts with "
           "minute number TB/19/99, but only a '## ' heading at the start of a line starts an item, so it is read "
           "as part of TB/19/13; write '## TB/19/99 Consultation' if it is an item of its own", "warning")]


@pytest.mark.parametrize("written, named, minute", [
    ("### TB/19/13 Healthy Weight Strategy", "### Healthy Weight Strategy (TB/19/13)", (MINUTES, "## TB/19/13 ")),
    ("#### TB/19/20: Minutes", "#### Minutes (TB/19/20)", (LATER_MINUTES, "## TB/19/20 ")),
    ("### TB/19/13", "### Minute TB/19/13", (MINUTES, "## TB/19/13 "))])
def test_a_heading_numbering_a_minute_the_archive_has_inside_an_item_is_told_how_to_name_it(archive, build, written,
                                                                                             named, minute):
    """`### TB/19/13 Healthy Weight Strategy` under June's action log names March's minute: it was told to write
    '## TB/19/13 ...' if it is an item of its own, which made TB/19/13 twice, an error. So too a minute of its
    own minutes (TB/19/20). Written as told, its number is a reference to the minute, and nothing is said."""
    edit(archive, LATER_MINUTES, "The board reviewed the action log.",
         f"The board reviewed the action log.\n\n{written}\n\nThe leaflet is in hand.")
    heading, hashes = written.lstrip("#").strip(), written.split()[0]
    number = heading.split()[0].rstrip(":")
    assert warnings_after(build, archive) == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, written), f"the heading '{heading}' starts with minute "
           f"number {number}, but only a '## ' heading at the start of a line starts an item, so it is read as part "
           f"of TB/19/21, and minute {number} is at content/{minute[0]}:{line_of(archive, *minute)}; if it names "
           f"that minute, write '{named}', which links to it; if it is an item of its own, write '## ' and its own "
           "number", "warning")]
    assert hashes == named.split()[0]
    edit(archive, LATER_MINUTES, written, named)
    assert warnings_after(build, archive) == []


def test_a_line_numbering_a_minute_the_archive_has_without_a_space_after_its_hashes_is_told_how_to_name_it(
        archive, build):
    """`##TB/19/12 Apologies` was told to write '## TB/19/12 Apologies': TB/19/12 twice, an error."""
    edit(archive, LATER_MINUTES, "The board reviewed the action log.",
         "The board reviewed the action log.\n\n##TB/19/12 Apologies")
    assert warnings_after(build, archive) == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "##TB/19/12"), "the line '##TB/19/12 Apologies' starts "
           "with minute number TB/19/12, but without a space after '##' it is no heading, so it is read as part of "
           f"TB/19/21, and minute TB/19/12 is at content/{MINUTES}:{line_of(archive, MINUTES, '## TB/19/12 ')}; if it "
           "names that minute, write '### Apologies (TB/19/12)', which links to it; if it is an item of its own, "
           "write '## ' and its own number", "warning")]


def test_a_line_numbering_its_own_item_without_a_space_after_its_hashes_is_told_to_be_a_heading_inside_it(
        archive, build):
    """`##TB/19/13 Consultation` inside TB/19/13 was told to write '## TB/19/13 Consultation': TB/19/13 twice."""
    edit(archive, MINUTES, "### Consultation", "##TB/19/13 Consultation")
    assert warnings_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "##TB/19/13"), "the line '##TB/19/13 Consultation' starts with minute "
           "number TB/19/13, but without a space after '##' it is no heading, so it is read as part of TB/19/13; "
           "write '### TB/19/13 Consultation'", "warning")]


def test_a_line_numbering_a_minute_the_archive_lacks_without_a_space_after_its_hashes_is_told_once(archive, build):
    """`##TB/19/99 Consultation`, no heading at all: told to write '## ', and not also that TB/19/99 does not
    resolve."""
    edit(archive, MINUTES, "### Consultation", "##TB/19/99 Consultation")
    assert warnings_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "##TB/19/99"), "the line '##TB/19/99 Consultation' starts with minute "
           "number TB/19/99, but without a space after '##' it is no heading, so it is read as part of TB/19/13; "
           "write '## TB/19/99 Consultation'", "warning")]


def test_a_heading_numbering_a_minute_the_archive_lacks_keeps_its_other_references_reported(archive, build):
    """Only the heading's own leading number is left to its message: the same number again in its words, another
    number, and a number in the text under it are references like any other, each reported."""
    edit(archive, MINUTES, "### Consultation", "### TB/19/99 after TB/19/98 and TB/19/99\n\nSee TB/19/99.")
    line = line_of(archive, MINUTES, "### TB/19/99")
    dangling = "does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22"
    assert warnings_after(build, archive) == [
        at(MINUTES, line, f"reference 'TB/19/98' {dangling}", "warning"),
        at(MINUTES, line, f"reference 'TB/19/99' {dangling}", "warning"),
        at(MINUTES, line, "the heading 'TB/19/99 after TB/19/98 and TB/19/99' starts with minute number TB/19/99, "
           "but only a '## ' heading at the start of a line starts an item, so it is read as part of TB/19/13; "
           "write '## TB/19/99 after TB/19/98 and TB/19/99' if it is an item of its own", "warning"),
        at(MINUTES, line + 2, f"reference 'TB/19/99' {dangling}", "warning")]


def test_a_heading_numbering_a_part_above_the_first_item_is_told_to_move_under_its_item(archive, build):
    """One message for the one mistake, an error as the text before the first item is: it was told so twice,
    'text before the first minute item belongs to no item' (and that who attended goes in meeting.md) and, as a
    warning on the same line, where the part goes; before that, to write '## TB/19/12(a) ...', a heading that is
    itself an error (a part is no item)."""
    edit(archive, MINUTES, "## TB/19/12 Apologies", "### TB/19/12(a) Apologies received\n\n## TB/19/12 Apologies")
    line = line_of(archive, MINUTES, "### TB/19/12(a)")
    assert messages(build(archive)) == [
        at(MINUTES, line, "the heading 'TB/19/12(a) Apologies received' numbers a part of minute TB/19/12, but it "
           f"is before the first item, so it and the text after it, up to the first item on line {line + 2}, belong "
           "to no item; move it under the heading of TB/19/12, or correct its number")]


def test_a_heading_numbering_an_item_above_the_first_item_is_told_once_to_be_an_item_of_its_own(archive, build):
    """The file alone is read here: whether an earlier meeting has minute TB/19/11 is not known, and '## ' would
    number it twice if one has, so the message says what to do either way."""
    edit(archive, MINUTES, "## TB/19/12 Apologies", "### TB/19/11 Matters arising\n\nNone.\n\n## TB/19/12 Apologies")
    line = line_of(archive, MINUTES, "### TB/19/11")
    assert messages(build(archive)) == [
        at(MINUTES, line, "the heading 'TB/19/11 Matters arising' starts with minute number TB/19/11, but only a "
           f"'## ' heading at the start of a line starts an item, so it and the text after it, up to the first item "
           f"on line {line + 4}, belong to no item; write '## TB/19/11 Matters arising' if it is an item of its own; "
           "if it names minute TB/19/11 of an earlier meeting, move it under the item it belongs to, written '### "
           "Matters arising (TB/19/11)', which links to it")]


def test_a_heading_above_the_first_item_numbering_an_item_of_the_same_minutes_is_not_told_to_be_an_item(archive,
                                                                                                     build):
    """`### TB/19/13 Healthy weight` above TB/19/12 was told to write '## TB/19/13 ...': TB/19/13 twice."""
    edit(archive, MINUTES, "## TB/19/12 Apologies", "### TB/19/13 Healthy weight\n\nSee below.\n\n## TB/19/12 "
         "Apologies")
    line = line_of(archive, MINUTES, "### TB/19/13")
    assert messages(build(archive)) == [
        at(MINUTES, line, "the heading 'TB/19/13 Healthy weight' starts with minute number TB/19/13, but only a "
           f"'## ' heading at the start of a line starts an item, so it and the text after it, up to the first item "
           f"on line {line + 4}, belong to no item; minute TB/19/13 is on line "
           f"{line_of(archive, MINUTES, '## TB/19/13 Healthy Weight')}: if the heading names it, move it under the "
           "item it belongs to, written '### Healthy weight (TB/19/13)', which links to it; else correct its number")]


def test_a_part_heading_after_other_text_above_the_first_item_leaves_that_text_its_own_error(archive, build):
    """Two mistakes, each told on its own line: the text says where it goes, the heading where it goes."""
    edit(archive, MINUTES, "## TB/19/12 Apologies",
         "Present: all.\n\n### TB/19/12(a) Apologies received\n\n## TB/19/12 Apologies")
    found = messages(build(archive))
    assert len(found) == 2, found
    assert found[0].startswith(at(MINUTES, line_of(archive, MINUTES, "Present: all."),
                                  "text before the first minute item belongs to no item; "))
    assert found[1] == at(MINUTES, line_of(archive, MINUTES, "### TB/19/12(a)"), "the heading 'TB/19/12(a) "
                          "Apologies received' numbers a part of minute TB/19/12, but it is before the first item, so "
                          "it is read as text before the first item; move it under the heading of TB/19/12, or "
                          "correct its number", "warning")


def test_a_part_heading_without_a_space_after_its_hashes_is_told_to_write_a_part_heading(archive, build):
    """'##TB/19/13(a)' was told to write '## TB/19/13(a) ...', which is an error: a part's heading is ###."""
    edit(archive, MINUTES, "### Consultation", "##TB/19/13(a) Consultation")
    assert [m for m in warnings_after(build, archive) if "TB/19/13(a)" in m] == [
        at(MINUTES, line_of(archive, MINUTES, "##TB/19/13(a)"), "the line '##TB/19/13(a) Consultation' starts with "
           "minute number TB/19/13, but without a space after '##' it is no heading, so it is read as part of "
           "TB/19/13; write '### TB/19/13(a) Consultation'", "warning")]


@pytest.mark.parametrize("written, named", [("TB/19/99(a)", "TB/19/99(a)"),
                                             ("[[tb:TB/19/99(a)]]", "tb:TB/19/99(a)")])  # as another body's text names it
def test_a_reference_to_a_part_of_a_minute_the_archive_lacks_names_the_minute(archive, build, written, named):
    edit(archive, MINUTES, "There was no other business.", f"See {written}.")
    line = line_of(archive, MINUTES, f"See {written}")
    assert warnings_after(build, archive) == [
        at(MINUTES, line, f"reference '{named}' does not resolve; it is a part of minute TB/19/99, which the "
           "archive does not have; nearest existing: TB/19/20, TB/19/21, TB/19/22", "warning")]


def test_a_minute_number_heading_without_a_space_after_its_hashes_is_a_warning(archive, build):
    """`##TB/19/22` is no heading in Markdown, but a paragraph of the item above: with no agenda item to miss
    its minute, nothing else would say so."""
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical needs assessment",
         "##TB/19/22 Pharmaceutical needs assessment")
    line = line_of(archive, LATER_MINUTES, "##TB/19/22")
    assert [m for m in warnings_after(build, archive) if f":{line}:" in m] == [
        at(LATER_MINUTES, line, "the line '##TB/19/22 Pharmaceutical needs assessment' starts with minute number "
           "TB/19/22, but without a space after '##' it is no heading, so it is read as part of TB/19/21; write "
           "'## TB/19/22 Pharmaceutical needs assessment'", "warning")]


def test_a_range_or_list_ending_in_a_number_the_archive_lacks_names_that_number_in_full(archive, build):
    """`TB/19/12 to 99`: the warning names TB/19/99, which the clerk can look for, not '99'."""
    edit(archive, MINUTES, "There was no other business.", "See TB/19/12 to 99, and TB/19/13 and /98.")
    line = line_of(archive, MINUTES, "See TB/19/12 to 99")
    said = "reference '{}' does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22"
    assert warnings_after(build, archive) == [at(MINUTES, line, said.format("TB/19/98"), "warning"),
                                              at(MINUTES, line, said.format("TB/19/99"), "warning")]


@pytest.mark.parametrize("numbering, word, incomplete", [
    ("CAB {n}/{yy}", "Cabinet", "CAB"), ("P{n}/{yy}", "Parish", "P"), ("Min {n}", "Minutes", "Min")])
def test_a_word_starting_as_a_bodys_minute_numbers_do_is_no_incomplete_number(archive, build, numbering, word,
                                                                              incomplete):
    """A body numbering `CAB 12/24` had every "Cabinet" in the archive warned of as an incomplete number 'Cab', and
    one numbering `P12/24` every word starting with a P; a number's letters alone, standing as a word, still are."""
    (archive / "bodies/cab.md").write_text(f'---\nname: Cabinet\nshort_name: Cabinet\nnumbering: "{numbering}"\n'
                                           "---\n", encoding="utf-8")
    edit(archive, MINUTES, "There was no other business.",
         f"There was no other business for the {word}, nor for {incomplete.lower()}.")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"the {word}"),
        f"reference '{incomplete.lower()}' does not resolve; the minute number is incomplete; the archive has no "
        "minutes of that body", "warning")]


def test_a_reference_in_a_minutes_heading_or_an_agenda_title_is_reported_on_its_line(archive, build):
    """Not on line 1 of the file, where titles were reported, having no line of their own."""
    edit(archive, MINUTES, "## TB/19/13 Healthy Weight Strategy 2019 to 2024",
         "## TB/19/13 Healthy Weight Strategy 2019 to 2024 (TB/19/99)")
    edit(archive, MEETING, "    title: Healthy Weight Strategy 2019 to 2024",
         "    title: Healthy Weight Strategy 2019 to 2024 (Paper Q)")
    assert warnings_after(build, archive) == [
        at(MEETING, line_of(archive, MEETING, "(Paper Q)"),
           "reference 'Paper Q' does not resolve; this meeting's papers are: Paper A, Paper B; for another meeting's "
           "paper, write [[tb/<its folder>/papers/Q]]", "warning"),
        at(MINUTES, line_of(archive, MINUTES, "(TB/19/99)"),
           "reference 'TB/19/99' does not resolve; nearest existing: TB/19/20, TB/19/21, TB/19/22", "warning")]


def test_a_block_left_open_in_the_minutes_is_an_error_where_it_opens(archive, build):
    # without its closing line, the block would take the two items after it out of the minutes without a word
    edit(archive, LATER_MINUTES, "The minutes were agreed.\n", "The minutes were agreed.\n\n```\nPrinted copy:\n")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "Printed copy:") - 1,
        "the block opened here with ``` is not closed, so the rest of the file, items and all, is read as part of "
        "it; close it with a line ``` after its last line")]


def test_an_item_block_left_open_before_the_next_item_is_an_error_where_it_opens(archive, build):
    """The next block's closing line closes it: not the end of the file, and its fields then fail as YAML."""
    edit(archive, MINUTES, "took part in the discussion\n```\n", "took part in the discussion\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "```item"),
        f"the block opened here with ```item is not closed before line {line_of(archive, MINUTES, '## TB/19/13')} "
        "('## TB/19/13 Healthy Weight Strategy 2019…'): it runs on to a later block's closing line, taking in the "
        "items between; close it with a line ``` after its last line")]


def test_a_block_in_a_quotation_or_a_list_is_no_error_closed_or_not(archive, build):
    edit(archive, LATER_MINUTES, "The minutes were agreed.\n", "The minutes were agreed.\n\n> ```\n> quoted\n> ```\n"
         "\n- listed\n\n  ```\n  left open, it ends with the list\n")
    assert warnings_after(build, archive) == []


def test_an_items_fields_in_a_block_marked_otherwise_are_a_warning_and_item_in_capitals_is_read(archive, build):
    """The block's `resolutions:` unread, the minutes' approval in the text ("The minutes were agreed.") is
    recorded nowhere either, and is told as any decision in the text alone is."""
    edit(archive, LATER_MINUTES, "```item\nresolutions:", "```yaml\nresolutions:")
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "```yaml"),
        "this block holds a minute item's fields, but is marked ```yaml, so it is shown as code; write ```item on "
        "the line that opens it", "warning"), at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "The minutes were "
        "agreed."), UNRECORDED.format("The minutes were agreed.", "TB/19/20") + NO_RESOLUTIONS_BLOCK
        + '`- "**AGREE** the minutes."`', "warning")]
    edit(archive, LATER_MINUTES, "```yaml\nresolutions:", "```Item\nresolutions:")
    assert warnings_after(build, archive) == []


def test_confidential_yes_in_a_block_marked_otherwise_is_an_error_as_the_minute_would_be_published(archive, build):
    """The warning above would let the build publish the item whole, the text it was to keep private included."""
    edit(archive, LATER_MINUTES, "The board noted that every ward", "```yaml\nconfidential: yes\nreason: Exempt under "
         "paragraph 3\n```\n\nThe board noted that every ward")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "```yaml"),
        "this block says `confidential: yes`, but is marked ```yaml, so it is shown as code and the minute is "
        "published in full, block and all; write ```item on the line that opens it")]


@pytest.mark.parametrize("mark, shown", [
    ("**PART II – CONFIDENTIAL – NOT FOR PUBLICATION**", "PART II – CONFIDENTIAL – NOT FOR PUBLICATION"),
    ("Not for publication by virtue of paragraph 3 of Schedule 12A",
     "Not for publication by virtue of paragraph 3 of Schedule 12A"),
])
def test_a_minute_marked_confidential_in_its_text_must_say_whether_it_is(archive, build, mark, shown):
    """Minutes pasted from Word keep the pack's mark on an item taken in private; without `confidential:` in its
    block the item is published in full. Saying `confidential: no` publishes it as it is."""
    edit(archive, LATER_MINUTES, "The board noted that every ward", f"{mark}\n\nThe board noted that every ward")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, mark),
        f"minute item TB/19/22 is marked '{shown}', but does not say whether it is confidential: it would be "
        "published in full; write `confidential: yes` (and a `reason:`) in its ```item block, to publish only its "
        "title, or `confidential: no` if it may be published")]
    edit(archive, LATER_MINUTES, f"{mark}\n", f"```item\nconfidential: no\n```\n\n{mark}\n")
    assert warnings_after(build, archive) == []


SAID_CONFIDENTIAL = ("minute item TB/19/22 says '{}' in its {}, as a mark of what was taken in private would, but "
                     "does not say whether it is confidential: it would be published in full; write `confidential: "
                     "yes` (and a `reason:`) in its ```item block, to publish only its title, or `confidential: no` if "
                     "it may be published as it is; or reword the {} if it is not")


@pytest.mark.parametrize("old, new, on, shown, where", [
    ("## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 Pharmaceutical needs assessment (Confidential)",
     "## TB/19/22", "Pharmaceutical needs assessment (Confidential)", "heading"),
    ("## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 Pharmacy contract – CONFIDENTIAL", "## TB/19/22",
     "Pharmacy contract – CONFIDENTIAL", "heading"),
    ("The board noted that every ward", "This item is confidential and was taken in private.\nThe board noted that "
     "every ward", "This item is", "This item is confidential and was taken in private.", "first line"),
    ("The board noted that every ward", "**Confidential**\n\nThe board noted that every ward", "**Confidential**",
     "Confidential", "first line"),
    # a council's marks for an item taken in private for its exempt information (Part II of its agenda)
    ("## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 Pharmacy premises (Exempt)", "## TB/19/22",
     "Pharmacy premises (Exempt)", "heading"),
    ("## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 Pharmacy premises (Part II)", "## TB/19/22",
     "Pharmacy premises (Part II)", "heading"),
    ("The board noted that every ward", "Exempt information: paragraph 3\nThe board noted that every ward",
     "Exempt information: paragraph 3", "Exempt information: paragraph 3", "first line"),
    # the heading of the agenda's Part II in capitals, opening the item's own (not the mark: "PART 2" heads other
    # parts of other papers)
    ("## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 PART II Pharmacy premises", "## TB/19/22",
     "PART II Pharmacy premises", "heading"),
    ("The board noted that every ward", "PART 2 – Pharmacy premises\nThe board noted that every ward",
     "PART 2 – Pharmacy", "PART 2 – Pharmacy premises", "first line"),
], ids=["heading-in-brackets", "heading-after-a-dash", "first-line-says-so", "first-line-in-bold", "heading-exempt",
        "heading-part-ii", "first-line-exempt-information", "heading-part-ii-in-capitals",
        "first-line-part-2-in-capitals"])
def test_a_minute_that_says_it_is_confidential_otherwise_than_with_the_mark_is_a_warning(archive, build, old, new, on,
                                                                                         shown, where):
    """The mark is read only at a line's start: "(Confidential)" after the heading, or "This item is confidential"
    as the minute's first line, and the minute was published in full without a word."""
    edit(archive, LATER_MINUTES, old, new)
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, on),
                                                 SAID_CONFIDENTIAL.format(shown, where, where), "warning")]
    heading = new if where == "heading" else old if old.startswith("## ") else "## TB/19/22 Pharmaceutical needs "\
        "assessment"
    edit(archive, LATER_MINUTES, f"{heading}\n", f"{heading}\n\n```item\nconfidential: no\n```\n")
    assert warnings_after(build, archive) == []  # said not to be: published as it is


def test_confidential_in_the_words_of_a_minutes_first_line_or_in_a_private_meeting_is_no_warning(archive, build):
    """"the confidential waste contract" is what council minutes often say, of a public item; and a private meeting
    publishes nothing of its minutes, whatever their headings say."""
    edit(archive, LATER_MINUTES, "The board noted that every ward", "The board noted the award of the confidential "
         "waste contract, and that the likely disclosure of exempt information was not in question for the Local "
         "Plan Part 2.\nThe board noted that every ward")
    edit(archive, PRIVATE_MINUTES, "## TB/19/23 Staffing matter", "## TB/19/23 Staffing matter (Confidential)")
    assert warnings_after(build, archive) == []


def test_part_2_of_a_plan_in_capitals_or_the_heading_excluding_the_press_and_public_is_no_warning(archive, build):
    """"PART 2 OF THE LOCAL PLAN" is a title, not the agenda's Part II; and the public item that excludes the press
    and public, which many agendas head "EXEMPT INFORMATION - EXCLUSION OF THE PRESS AND PUBLIC", is published: it
    was told to say whether it is confidential, as if it were the exempt item. (Taken last: the items after it
    are told to say, below.)"""
    edit(archive, LATER_MINUTES, "## TB/19/21 Action log", "## TB/19/21 PART 2 OF THE LOCAL PLAN")
    edit(archive, LATER, "    title: Action log", "    title: PART 2 OF THE LOCAL PLAN")
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical needs assessment", "## TB/19/22 EXEMPT INFORMATION - "
         "EXCLUSION OF THE PRESS AND PUBLIC")
    edit(archive, LATER, "    title: Pharmaceutical needs assessment", "    title: Exclusion of the press and public "
         "(Exempt information)")
    assert warnings_after(build, archive) == []


@pytest.mark.parametrize("said", ["Exempt information: None", "**Exempt information:** No", "Exempt information – N/A",
                                  "Exempt information: not applicable"])
def test_a_front_sheet_saying_it_has_no_exempt_information_is_no_warning(archive, build, said):
    """A council's public report opens its front sheet with "Exempt information: None": it was told to say whether
    it is confidential, as "Exempt information: paragraph 3" is."""
    edit(archive, LATER_MINUTES, "The board noted that every ward", f"{said}\nThe board noted that every ward")
    assert warnings_after(build, archive) == []


EXCLUDED = ("minute item TB/19/22 follows {}, so it was taken in private, but does not say whether it is "
            "confidential: only its title is published; write `confidential: yes` (and a `reason:`) in its ```item "
            "block to say so, or `confidential: no` if it may be published as it is (a summary that gives none of the "
            "exempt information); if the press and public were readmitted before it, say so in the minutes: 'The "
            "press and public were readmitted.'")


@pytest.mark.parametrize("old, new, on, follows", [
    ("The board reviewed the action log.\n", "The board reviewed the action log.\n\nThe press and public were "
     "excluded from the meeting for the following item, as it involved the likely disclosure of exempt information "
     "(paragraph 3 of Part 1 of Schedule 12A).\n", "The press and public were excluded",
     "the resolution excluding the press and public (line {})"),
    ("## TB/19/21 Action log\n", "## TB/19/21 Action log\n\n```item\nresolutions:\n  - That representatives of the "
     "press and other members of the public be excluded from the remainder of this meeting, having regard to the "
     "confidential nature of the business to be transacted.\n```\n", "That representatives of the press",
     "the resolution excluding the press and public (line {})"),
    ("The board reviewed the action log.\n", "The board reviewed the action log.\n\n**PART II – EXEMPT ITEMS**\n",
     "PART II", "'PART II – EXEMPT ITEMS' (line {}), which heads the items taken in private"),
    # in the text of the item above, not its last line: the note of what follows under it
    ("The board reviewed the action log.\n", "The board reviewed the action log.\n\nPART II\n\nThe remaining item "
     "was considered in private.\n", "PART II", "'PART II' (line {}), which heads the items taken in private"),
], ids=["council-resolution-in-the-text", "board-resolution-in-the-item-block", "part-ii-line",
        "part-ii-line-in-the-text"])
def test_an_item_after_the_press_and_public_are_excluded_that_does_not_say_whether_it_is_confidential_is_a_warning(
        archive, build, old, new, on, follows):
    """The items a council takes after resolving to exclude the press and public are taken in private: pasted with
    the resolution, or the "PART II" line above them, they were published in full without a word. They are withheld,
    with a warning: a council's public minutes often give a summary of an exempt item that may be published
    (`confidential: no`)."""
    edit(archive, LATER_MINUTES, old, new)
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/22"),
        EXCLUDED.format(follows.format(line_of(archive, LATER_MINUTES, on))), "warning")]
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical needs assessment\n", "## TB/19/22 Pharmaceutical needs "
         "assessment\n\n```item\nconfidential: no\n```\n")
    assert warnings_after(build, archive) == []  # said, either way


def test_the_items_taken_in_private_end_where_the_press_and_public_are_readmitted(archive, build):
    """Every item after the resolution is told at the first, until the minutes say the press and public came back;
    an item that says `confidential:` is not told, nor are minutes that only say the public need not be excluded."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.\n", "The minutes were agreed. It was not necessary to "
         "exclude the press and public.\n")
    assert warnings_after(build, archive) == []
    edit(archive, LATER_MINUTES, "It was not necessary to exclude the press and public.", "RESOLVED that the press "
         "and public be excluded from the meeting for the following items of business under Schedule 12A.")
    resolution = line_of(archive, LATER_MINUTES, "RESOLVED that the press")
    told = ("minute item TB/19/21 follows the resolution excluding the press and public (line {}), so it was taken "
            "in private, but does not say whether it is confidential{}: only its title is published")
    found = [m for m in warnings_after(build, archive) if "excluding the press" in m]  # (and the decision unrecorded)
    assert len(found) == 1 and found[0].startswith(at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/21"),
                                                      told.format(resolution, " (nor does TB/19/22, after it)"),
                                                      "warning"))
    edit(archive, LATER_MINUTES, "The board noted that every ward", "The press and public were readmitted to the "
         "meeting.\n\nThe board noted that every ward")
    found = [m for m in warnings_after(build, archive) if "excluding the press" in m]
    assert len(found) == 1 and found[0].startswith(at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/21"),
                                                      told.format(resolution, ""), "warning"))
    edit(archive, LATER_MINUTES, "## TB/19/21 Action log\n", "## TB/19/21 Action log\n\n```item\nconfidential: yes\n"
         "reason: Exempt under paragraph 3\n```\n")
    assert [m for m in warnings_after(build, archive) if "excluding the press" in m] == []


@pytest.mark.parametrize("old, new, on, follows", [
    ("The board reviewed the action log.\n", "The board reviewed the action log.\n\nRESOLVED – THAT THE PRESS AND "
     "PUBLIC BE EXCLUDED FROM THE MEETING FOR THE FOLLOWING ITEM OF BUSINESS ON THE GROUNDS THAT IT INVOLVES THE "
     "LIKELY DISCLOSURE OF EXEMPT INFORMATION.\n", "RESOLVED – THAT", "follows the resolution excluding the press and "
     "public (line {})"),
    ("The board reviewed the action log.\n", "The board reviewed the action log.\n\nRESOLVED that the press and "
     "public\nbe excluded from the meeting for the following\nitem of business.\n", "RESOLVED that the press",
     "follows the resolution excluding the press and public (line {})"),
    # "this item" on the line below: the resolution covered the items after it (none), not its own
    ("The board noted that every ward", "RESOLVED that the press and public be excluded from the meeting\nduring "
     "consideration of this item.\n\nThe board noted that every ward", "RESOLVED that the press",
     "resolves to exclude the press and public for itself (line {})"),
], ids=["in-capitals", "hard-wrapped", "hard-wrapped-for-this-item"])
def test_a_resolution_excluding_the_press_and_public_in_capitals_or_over_lines_is_read(archive, build, old, new, on,
                                                                                      follows):
    """Councils' packs print the resolution in capitals, and text pasted from a PDF keeps its page's line ends: the
    items taken in private after either were published in full without a word."""
    edit(archive, LATER_MINUTES, old, new)
    told = EXCLUDED.replace("follows {}", follows).format(line_of(archive, LATER_MINUTES, on))
    assert [m for m in warnings_after(build, archive) if "press and public" in m and "excluded" not in m] == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/22"), told, "warning")]


AGENDA_EXCLUDED = ("agenda item 5 {}, so it is taken in private, but does not say whether it is confidential{}: "
                   "only its title is published, and its minute and papers must say whether they are; write "
                   "`confidential: yes` in the agenda item to say so (and a `public_title:` to publish in the title's "
                   "place), or `confidential: no` if it may be published as it is (a summary that gives none of the "
                   "exempt information); if the press and public are readmitted before it, say so in its description "
                   "('The press and public are readmitted.'), or give it the section of the public part (`section: "
                   "Part I`)")
JC_PAPER = "meetings/jc/2019-11-05/papers/item-05.md"


def _excluded_before_item_5(archive, title: str = "Exclusion of the press and public", description: str = "") -> None:
    said = f"\n    description: {description}" if description else ""
    edit(archive, JC_MEETING, "    title: Welcome and apologies\n", f"    title: Welcome and apologies\n  - ref: \"4\"\n"
         f"    title: {title}{said}\n    status: withdrawn\n")


def _minutes_and_paper_say_confidential(archive) -> None:
    """Items 5 (with 5.1) and 7's minutes, and 5's paper, say `confidential: yes`, as the clerk writes them."""
    edit(archive, JC_MINUTES, '```item\npaper: "05"\n', '```item\nconfidential: yes\nreason: Exempt under paragraph 3\n'
         'paper: "05"\n')
    edit(archive, JC_MINUTES, "## 5.1 Sexual health services\n", "## 5.1 Sexual health services\n\n```item\n"
         "confidential: yes\nreason: Exempt under paragraph 3\n```\n")
    edit(archive, JC_MINUTES, "```item\ncalls_in:", "```item\nconfidential: yes\nreason: Exempt under paragraph 3\n"
         "calls_in:")
    edit(archive, JC_PAPER, 'item: "5"\n', 'item: "5"\nconfidential: yes\n')


@pytest.mark.parametrize("title, description, on, follows, also", [
    ("Exclusion of the press and public", "", "Exclusion of the press", "follows the item excluding the press and "
     "public (line {})", " (nor does 7, after it)"),
    ("Exempt business", "To resolve that the press and public be excluded from the meeting for the following item "
     "of business, as it involves the likely disclosure of exempt information.", "To resolve that",
     "follows the item excluding the press and public (line {})", ""),
    ("PART II – EXEMPT ITEMS", "", "PART II", "follows 'PART II – EXEMPT ITEMS' (line {}), which heads the items "
     "taken in private", " (nor does 7, after it)"),
], ids=["item-titled-so", "resolution-in-the-description", "part-ii-item"])
def test_an_agenda_item_after_the_item_excluding_the_press_and_public_is_withheld_with_a_warning(
        archive, build, title, description, on, follows, also):
    """The agenda and its papers are published, most often before the meeting: an item after "Exclusion of the press
    and public" that does not say `confidential:` was published in full, its paper with it. It is withheld, as an
    item under a "Part II" section is, with a warning: a council may publish a summary of the item that gives none
    of the exempt information (`confidential: no`)."""
    _excluded_before_item_5(archive, title, description)
    _minutes_and_paper_say_confidential(archive)
    line = line_of(archive, JC_MEETING, on)  # (the "PART II" item is told of its own title, as it was)
    assert [m for m in warnings_after(build, archive) if "so it is taken in private" in m] == [
        at(JC_MEETING, line_of(archive, JC_MEETING, 'ref: "5"'), AGENDA_EXCLUDED.format(follows.format(line), also),
           "warning")]
    edit(archive, JC_MEETING, "    title: Joint public health commissioning\n", "    title: Joint public health "
         "commissioning\n    confidential: no\n")
    edit(archive, JC_MEETING, '    title: "Call-in: Healthy Weight Strategy"\n', '    title: "Call-in: Healthy Weight '
         'Strategy"\n    confidential: no\n')
    assert [m for m in warnings_after(build, archive) if "so it is taken in private" in m] == []  # said, either way


def test_the_minute_and_paper_of_an_agenda_item_withheld_after_the_exclusion_that_do_not_say_are_errors(archive,
                                                                                                         build):
    """The agenda withholds the item, but its minute and paper, unsaid, would be published in full: they must say,
    as those of an item under a "Part II" section must."""
    _excluded_before_item_5(archive, description="To resolve that the press and public be excluded from the "
                            "meeting for the following item of business.")
    # named as the pack's readers know it, and where: it was "the agenda withholds 5", and "Item 05 is for 5"
    item_5 = agenda_item(archive, JC_MEETING, 'ref: "5"', "agenda item 5, 'Joint public health commissioning'")
    assert errors_after(build, archive) == [
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 5 Joint"), f"{item_5} is withheld as taken in private, but "
           "its minute does not say whether it is confidential: the minute would be published in full; write "
           "`confidential: yes` in the minute's ```item block, or `confidential: no` if it may be published"),
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 5.1 Sexual"), f"{item_5} is withheld as taken in private, "
           "and 5.1 with it, but its minute does not say whether it is confidential: the minute would be published "
           "in full; write `confidential: yes` in the minute's ```item block, or `confidential: no` if it may be "
           "published"),
        at(JC_PAPER, line_of(archive, JC_PAPER, "item:"), f"Item 05 is for {item_5}, which is withheld as taken in "
           "private, but the paper does not say whether it is confidential: it would be published; write "
           "`confidential: yes` in the paper, or `confidential: no` if it may be published")]


def test_the_minute_an_agenda_withholds_that_the_minutes_withhold_too_is_told_it_is_withheld_while_they_say_so(
        archive, build):
    """A minute after the minutes' own resolution excluding the press and public is withheld (its title alone
    published) though it does not say whether it is confidential: where the agenda withholds its item too, the error
    says so, and that it is withheld only while those words say so, where it said the minute would be published in
    full. Its sub-item, which the resolution ("the following item") does not cover, would be."""
    _excluded_before_item_5(archive, description="To resolve that the press and public be excluded from the "
                            "meeting for the following item of business.")
    edit(archive, JC_MINUTES, "The Chair welcomed everyone to the meeting.", "The Chair welcomed everyone to the "
         "meeting.\n\nRESOLVED that the press and public be excluded from the meeting for the following item of "
         "business.")
    item_5 = agenda_item(archive, JC_MEETING, 'ref: "5"', "agenda item 5, 'Joint public health commissioning'")
    errors = [m for m in errors_after(build, archive) if JC_MINUTES in m]
    assert errors == [
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 5 Joint"), f"{item_5} is withheld as taken in private, but "
           "its minute does not say whether it is confidential: it is withheld for now, its title alone published, "
           "as it follows the resolution excluding the press and public (line "
           f"{line_of(archive, JC_MINUTES, 'RESOLVED that')}), but only while they say so; write `confidential: yes` "
           "in the minute's ```item block, or `confidential: no` if it may be published"),
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 5.1 Sexual"), f"{item_5} is withheld as taken in private, "
           "and 5.1 with it, but its minute does not say whether it is confidential: the minute would be published "
           "in full; write `confidential: yes` in the minute's ```item block, or `confidential: no` if it may be "
           "published")]


def test_an_agenda_item_excluding_the_press_and_public_for_nothing_is_no_warning(archive, build):
    edit(archive, JC_MEETING, "    title: Welcome and apologies\n", "    title: Welcome and apologies\n  - ref: \"4\"\n"
         "    title: Exclusion of the press and public\n    description: There are no items of exempt business.\n"
         "    status: withdrawn\n")
    assert warnings_after(build, archive) == []


def test_a_report_naming_its_exempt_appendix_in_its_first_line_is_no_warning_but_the_appendix_is(archive, build):
    """"Appendix 2 (Exempt)" opening a public report says which of its appendices is kept out of it: the report was
    told to say whether it is confidential, as if it were the exempt item. A paper that is the appendix (its title or
    label names it) is told still."""
    edit(archive, JC_PAPER, "file: item-05.pdf\n", "file: item-05.pdf\nappendices:\n  - ref: \"2\"\n    title: "
         "Valuation\n    note: Exempt under paragraph 3\n")
    edit(archive, JC_PAPER, "The two councils propose", "Appendix 2 (Exempt)\n\nThe two councils propose")
    assert warnings_after(build, archive) == []
    edit(archive, JC_PAPER, "title: Joint public health commissioning", "title: Appendix 2 – valuation of the clinic")
    assert warnings_after(build, archive) == [at(JC_PAPER, line_of(archive, JC_PAPER, "Appendix 2 (Exempt)"),
        "Item 05 says 'Appendix 2 (Exempt)' in its first line, as a mark of what was taken in private would, but does "
        "not say whether it is confidential: it would be published in full; write `confidential: yes` in the paper, "
        "or `confidential: no` if it may be published as it is; or reword the first line if it is not", "warning")]


def test_the_mark_on_a_private_meetings_minute_or_paper_is_no_error(archive, build):
    """A meeting held in private publishes none of its minutes and papers: the mark its pack carries on every page
    was an error saying the minute or paper "would be published in full", which stopped the build."""
    edit(archive, PRIVATE_MINUTES, "The board discussed CANARY-PRIVATE-9090.", "PRIVATE AND CONFIDENTIAL\n\nThe "
         "board discussed CANARY-PRIVATE-9090.")
    edit(archive, "meetings/tb/2019-06-20-private/papers/paper-a.md", "CANARY-PRIVATE-9090 briefing.",
         "**STRICTLY CONFIDENTIAL**\n\nCANARY-PRIVATE-9090 briefing.")
    assert warnings_after(build, archive) == []


def test_a_paper_that_says_it_is_confidential_in_its_title_is_a_warning(archive, build):
    paper = "meetings/jc/2019-11-05/papers/item-05.md"
    edit(archive, paper, "title: Joint public health commissioning", "title: Joint public health commissioning "
         "(Private and Confidential)")
    assert warnings_after(build, archive) == [at(paper, line_of(archive, paper, "title:"), "Item 05 says 'Joint "
        "public health commissioning (Private and Confidential)' in its title, as a mark of what was taken in private "
        "would, but does not say whether it is confidential: it would be published in full; write `confidential: "
        "yes` in the paper, or `confidential: no` if it may be published as it is; or reword the title if it is not",
        "warning")]


def test_blank_lines_above_the_frontmatter_are_read_past_and_lines_stay_true(archive, build):
    path = archive / LATER
    path.write_text("\n\n" + path.read_text(encoding="utf-8").replace("date: 20 June 2019", "date: 31 June 2019"),
                    encoding="utf-8")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"),
        "date: '31 June 2019' is not a real date: June has 30 days; check the day in the papers and write it as "
        "YYYY-MM-DD, e.g. 2019-06-30 if the month's last day is meant")]


def test_a_site_address_whose_path_would_need_escaping_is_an_error(archive, build):
    edit(archive, "site.yaml", "base_url: https://records.testshire.example/",
         "base_url: https://www.testshire.example/council records/")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "base_url:"),
        "base_url: 'https://www.testshire.example/council records/' has a path (/council records/) that is not a "
        "plain one: each part between slashes may hold only letters, digits, '-', '.', '_' and '~'; publish the "
        "site at a path such as /minutes/ or /democracy/meetings/ and write that")]


def test_a_site_address_with_a_query_is_an_error(archive, build):
    edit(archive, "site.yaml", "base_url: https://records.testshire.example/",
         "base_url: https://www.testshire.example/records/?page=minutes")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "base_url:"),
        "base_url: 'https://www.testshire.example/records/?page=minutes' has a query (?) or a fragment (#), which "
        "a site's address cannot have; write the address the site's home page will be at, ending with /")]


@pytest.mark.parametrize("written", [r'"https://records.testshire.example\nDisallow: /\n/"',
                                     r'"https://records.testshire.example\nX-INJECTED:yes\n/"',
                                     "https://records.test shire.example/"], ids=["robots", "calendar", "space"])
def test_a_site_address_with_a_line_break_or_a_space_in_it_is_an_error(archive, build, written):
    """The address goes into robots.txt's Sitemap line and the calendars' URL lines as it is: a line break in it,
    which urlsplit reads past, added a `Disallow: /` to robots.txt or a property to every event."""
    edit(archive, "site.yaml", "base_url: https://records.testshire.example/", f"base_url: {written}")
    shown = written.strip('"')  # a line break shown as \\n, as every message shows one
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "base_url:"),
        f"base_url: '{shown}' has a space, tab or line break in it, which no address has; write the address the "
        "site's home page will be at on one line, without spaces")]


@pytest.mark.parametrize("written, message", [
    ("https://www.testshire.example/records/?page=minutes",
     "has a query (?) or a fragment (#), which a site's address cannot have; write the base_url the archive had "
     "when its records were first published, ending with /"),
    ("https://www.testshire.example/council records/",
     "has a path (/council records/) that is not a plain one: each part between slashes may hold only letters, "
     "digits, '-', '.', '_' and '~'; write the base_url the archive had when its records were first published"),
    ("https:///records/", "has no domain; write the base_url the archive had when its records were first "
                          "published, such as https://meetings.example.gov.uk/"),
], ids=["query", "path", "no domain"])
def test_an_address_ids_are_made_from_that_is_no_sites_address_is_an_error(archive, build, written, message):
    """`ids_from` is the base_url an archive that moved had (docs/open-data.md), so it is checked as one."""
    edit(archive, "site.yaml", "base_url: https://records.testshire.example/",
         f"base_url: https://records.testshire.example/\nids_from: {written}")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "ids_from:"),
                                               f"ids_from: '{written}' {message}")]


# --- moved.yaml: addresses pages had before a correction --------------------------------------------

MOVED = "moved.yaml"
MOVED_ENTRY = "/jc/2019/2019-11-04/: /jc/2019/2019-11-05/"


def _moved_error(archive, build, entry: str) -> list:
    edit(archive, MOVED, MOVED_ENTRY, entry)
    return errors_after(build, archive)


@pytest.mark.parametrize("entry, written", [("/tb/2019/tb-19-20/: /tb/2019/tb-19-21/", ""),
                                            ("TB/19/20: TB/19/21", " (minute TB/19/20)")])
def test_a_moved_address_that_is_a_page_now_is_an_error(archive, build, entry, written):
    assert _moved_error(archive, build, entry) == [at(MOVED, 3,
        f"/tb/2019/tb-19-20/{written} is the address of a page now, so no page can be kept there for "
        f"/tb/2019/tb-19-21/; take the line out, or correct the old {'number' if written else 'address'}")]


def test_a_move_to_no_page_is_an_error_naming_the_nearest_page(archive, build):
    assert _moved_error(archive, build, "/tb/2019/tb-19-02/: /tb/2019/tb-19-2/") == [at(MOVED, 3,
        "there is no page at /tb/2019/tb-19-2/ to send /tb/2019/tb-19-02/ on to; did you mean /tb/2019/tb-19-22/?")]


def test_a_move_to_an_address_moved_itself_is_an_error_naming_where_it_went(archive, build):
    (archive / MOVED).write_text("/tb/2019/tb-19-02/: /tb/2019/tb-19-20/\n/tb/2019/tb-19-01/: /tb/2019/tb-19-02/\n",
                                 encoding="utf-8")
    assert errors_after(build, archive) == [at(MOVED, 2,
        "there is no page at /tb/2019/tb-19-02/ to send /tb/2019/tb-19-01/ on to; /tb/2019/tb-19-02/ has moved "
        "itself, to /tb/2019/tb-19-20/: send the old address there")]


def test_a_moved_address_where_the_site_keeps_its_files_is_an_error(archive, build):
    assert _moved_error(archive, build, "/static/minutes/: /tb/") == [at(MOVED, 3,
        "/static/minutes/ is where the site keeps its own files; take the line out, or correct the old address")]


def test_a_moved_address_where_the_site_publishes_a_file_is_an_error_not_a_crash(archive, build):
    """A page there would need a folder where the file is (robots.txt, a paper's PDF)."""
    paper_file = "/tb/2019/2019-03-14/papers/a/appendix-a-action-plan.pdf"
    (archive / MOVED).write_text(f"/robots.txt/: /tb/\n{paper_file}/: /tb/\n/404.html: /tb/\n", encoding="utf-8")
    assert errors_after(build, archive) == [
        at(MOVED, 1, "/robots.txt/ would stand where the site publishes the file /robots.txt; take the line out, "
           "or correct the old address"),
        at(MOVED, 2, f"{paper_file}/ would stand where the site publishes the file {paper_file}; take the line "
           "out, or correct the old address"),
        at(MOVED, 3, "/404.html/ would stand where the site publishes the file /404.html; take the line out, "
           "or correct the old address")]


def test_a_moved_address_naming_a_pages_file_is_an_error_not_a_crash(archive, build):
    """An old site's /joint/index.html: a page there would need a folder where a page's own file is."""
    (archive / MOVED).write_text("/tb/index.html: /tb/\n/joint/index.html/minutes/: /jc/\n", encoding="utf-8")
    assert errors_after(build, archive) == [
        at(MOVED, 1, "/tb/index.html/ names the file a page is published as (index.html), not a page; write the "
           "page's address, the folder the file is in: /tb/"),
        at(MOVED, 2, "/joint/index.html/minutes/ names the file a page is published as (index.html), not a page; "
           "write the page's address, the folder the file is in: /joint/")]


def test_a_moved_address_not_from_the_site_root_is_an_error(archive, build):
    assert _moved_error(archive, build, "jc/2019/2019-11-04/: /jc/2019/2019-11-05/") == [at(MOVED, 3,
        "'jc/2019/2019-11-04/' is not the address of a page on this site; write each address from the / after "
        "the domain, in letters, digits and - . _ ~ between slashes, such as "
        "`/ccb/2019/ccbp-19-07/: /ccb/2019/ccbp-19-70/`")]


def test_a_moved_address_with_a_fragment_is_an_error(archive, build):
    assert _moved_error(archive, build, "/jc/2019/2019-11-04/: '/jc/2019/2019-11-05/#item-5'") == [at(MOVED, 3,
        "'/jc/2019/2019-11-05/#item-5' names part of a page (after ? or #), not a page; write the page's address "
        "alone, from the / after the domain")]


def test_a_moved_entry_that_is_no_address_is_an_error(archive, build):
    assert _moved_error(archive, build, "/jc/2019/2019-11-04/: [/jc/2019/2019-11-05/]") == [at(MOVED, 3,
        "each side of the colon must be a page's address, and one of them is a list; write one address on each "
        "side, such as `/ccb/2019/ccbp-19-07/: /ccb/2019/ccbp-19-70/`")]


@pytest.mark.parametrize("entry, message", [
    ("TB/19/02: TB/19/99", "'TB/19/99' is no minute number of this archive; write the number the minute has now (for "
     "a body that numbers its minutes across meetings), or each page's address from the / after the domain, such "
     "as `/ccb/2019/ccbp-19-07/: /ccb/2019/ccbp-19-70/`"),
    ("TB/19/02: /tb/2019/tb-19-20/", "'TB/19/02' is a minute number, and the page it moved to is given by its "
     "address; write the number the minute has now after the colon, or the old page's address before it"),
    ("TB/19/20: TB/19/20", "'TB/19/20' is the number the minute has now, on both sides; write the number the minute "
     "was first published with, as TB numbers them (like TB/19/20), then the number it has now"),
    ("CCBP/19/20: TB/19/20", "'CCBP/19/20' is not another TB minute number; write the number the minute was first "
     "published with, as TB numbers them (like TB/19/20), then the number it has now"),
])
def test_a_moved_minute_number_that_names_no_page_is_an_error_saying_how_to_write_it(archive, build, entry, message):
    assert _moved_error(archive, build, entry) == [at(MOVED, 3, message)]


def test_a_moved_yaml_that_is_no_mapping_is_an_error(archive, build):
    (archive / MOVED).write_text("- /jc/2019/2019-11-04/\n", encoding="utf-8")
    assert errors_after(build, archive) == [at(MOVED, 1,
        "moved.yaml must map each old address to the page it is now; write one line for each page, such as "
        "`/ccb/2019/ccbp-19-07/: /ccb/2019/ccbp-19-70/`")]


@pytest.mark.parametrize("written", ["eve-turner", "Councillor Eve Turner"])
def test_a_member_written_as_a_name_alone_is_one_error_saying_how_to_write_one(archive, build, written):
    """As attendance takes a name alone, a clerk listing a new body's members wrote them so; the message said only
    that a member 'must be a set of `field: value` lines', and to see the docs."""
    edit(archive, "bodies/jc.md", "organisations:", f"members: [{written}]\norganisations:")
    assert errors_after(build, archive) == [at("bodies/jc.md", 6,
        "a member is written as `field: value` lines, not as a name alone; write `- person: eve-turner`, with their "
        "`role:` and the days of their membership, `from:` and `to:`, on the lines below it")]


def test_a_site_language_that_is_no_language_tag_is_an_error(archive, build):
    edit(archive, "site.yaml", "language: en-GB", "language: Klingon")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "language:"),
        "language: 'Klingon' is not a language tag; write it as a tag, e.g. en-GB, or cy for Welsh")]


def test_a_site_language_written_as_its_name_is_told_its_tag(archive, build):
    edit(archive, "site.yaml", "language: en-GB", "language: English")
    assert errors_after(build, archive) == [at("site.yaml", line_of(archive, "site.yaml", "language:"),
        "language: 'English' is not a language tag; did you mean 'en-GB'?")]


WELSH_PAPER = "meetings/tb/2019-03-14/papers/paper-b.md"


def test_a_papers_language_written_as_its_name_is_told_its_tag(archive, build):
    """A clerk writes the language as a word: `lang="welsh"` is no language, and a screen reader would read the
    paper with English sounds."""
    edit(archive, WELSH_PAPER, "language: cy", "language: welsh")
    assert errors_after(build, archive) == [at(WELSH_PAPER, line_of(archive, WELSH_PAPER, "language:"),
        "language: 'welsh' is not a language tag; did you mean 'cy'?")]


def test_a_language_written_as_two_is_told_to_give_the_one_most_of_it_is_in(archive, build):
    """A bilingual paper: the nearest spelling of `Welsh/English` would name one of them as if it were meant."""
    edit(archive, LATER_MINUTES, "status: approved", "status: approved\nlanguage: Welsh/English")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "language:"),
        "language: 'Welsh/English' is not a language tag, and names 2 languages; write the tag of the one most of "
        "it is in: cy or en-GB")]


def test_an_agendas_language_that_is_no_language_tag_is_an_error(archive, build):
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "body: jc", "body: jc\nlanguage: en_GB")
    assert errors_after(build, archive) == [at("meetings/jc/2019-11-05/meeting.md", 3,
        "language: 'en_GB' is not a language tag; did you mean 'en-GB'?")]


def test_an_explicit_reference_to_nothing_published_names_what_is_and_a_private_meeting_as_private(archive, build):
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed. See [[action:TB/19/13#9]], "
         "[[tb/2019-03-14/papers/Z]], [[tb:TB/19/99]], [[person:ada-lovelase]], [[jc:2019-11-05/9]] and "
         "[[tb/2019-06-20-private]].")
    line = line_of(archive, LATER_MINUTES, "[[action:")
    said = "warning: reference '{}' does not resolve; {}"
    assert sorted(m.split(":", 2)[2].strip() for m in warnings_after(build, archive)) == sorted([
        said.format("action:TB/19/13#9", "its minute's actions are TB/19/13#1, TB/19/13#2, TB/19/13#leaflet"),
        said.format("tb/2019-03-14/papers/Z", "tb/2019-03-14's papers are A, B"),  # not C, which is confidential
        said.format("tb:TB/19/99", "nearest existing: TB/19/20, TB/19/21, TB/19/22"),
        said.format("person:ada-lovelase", "did you mean 'ada-lovelace'?"),
        said.format("jc:2019-11-05/9", "jc/2019-11-05 has no item 9"),
        "warning: reference 'tb/2019-06-20-private' does not resolve: tb/2019-06-20-private is a private meeting "
        f"(content/{PRIVATE_MEETING}:1), which is never published; it is shown as text, without a link; to cite the "
        "meeting without this warning, name it in words, without [[...]]"])
    assert all(m.startswith(f"content/{LATER_MINUTES}:{line}:") for m in warnings_after(build, archive))


@pytest.mark.parametrize("written, shown, said, what, code", [
    ("TB/19/23", "TB/19/23", "TB/19/23", "minute TB/19/23", "TB/19/23"),
    ("TB/19/23(a)", "TB/19/23(a)", "TB/19/23(a)", "minute TB/19/23", "TB/19/23(a)"),
    ("TB/19/22 to 23", '<a href="/tb/2019/tb-19-22/" class="xref">TB/19/22</a> to 23', "TB/19/23", "minute TB/19/23",
     "TB/19/23"),
    ("[[tb:TB/19/23]]", "TB/19/23", "tb:TB/19/23", "minute TB/19/23", "TB/19/23"),
    ("[[action:TB/19/23#1]]", "action TB/19/23#1", "action:TB/19/23#1", "action TB/19/23#1", "TB/19/23#1")])
def test_a_reference_to_a_private_meetings_minute_says_it_is_never_published(archive, build, tmp_path, written,
                                                                              shown, said, what, code):
    """'Does not resolve; nearest existing: TB/19/20, ...' sent the clerk looking for a mistake in a number that
    is right. The page shows the reference as text, as any that does not resolve: nothing of the private minute,
    its meeting or its file reaches the site."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", f"The minutes were agreed, as {written} notes.")
    out = tmp_path / "site"
    result = build(archive, out)
    assert messages(result) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "notes."),
        f"reference '{said}' does not resolve: {what} is in the minutes of a private meeting (content/"
        f"{PRIVATE_MINUTES}:{line_of(archive, PRIVATE_MINUTES, '## TB/19/23')}), which are never published; it is "
        f"shown as text, without a link; to cite it so without this warning, write it as code, `{code}`, or leave the "
        "number out", "warning")]
    page = (out / "tb/2019/tb-19-20/index.html").read_text(encoding="utf-8")
    assert f"as {shown} notes." in page  # as text, without a link
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes()
            assert b"CANARY-PRIVATE" not in text and b"2019-06-20-private" not in text and b"Staffing" not in text, path


def test_a_reference_to_a_minute_of_draft_minutes_says_they_are_published_once_approved(archive, build):
    """Off the agenda, TB/20/1 leads nowhere until its minutes are approved; `--drafts` publishes them."""
    edit(archive, "meetings/tb/2020-01-16/meeting.md", "agenda:\n  - ref: TB/20/1\n    title: Director of Public "
         "Health annual report\n    presenter: carol-singh\n", "")
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed, as TB/20/1 notes.")
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "TB/20/1 notes"),
        f"reference 'TB/20/1' does not resolve: minute TB/20/1 is in draft minutes (content/{DRAFT_MINUTES}:"
        f"{line_of(archive, DRAFT_MINUTES, '## TB/20/1')}), which are not published until they are approved; once a "
        "meeting has approved them, write `status: approved` in them, and the reference links; till then it is "
        "shown as text, without a link", "warning")]
    assert messages(build(archive, drafts=True)) == []


@pytest.mark.parametrize("written", ["item 6", "[[jc:2019-11-05/6]]"])
def test_a_reference_to_an_item_of_draft_minutes_of_a_body_numbering_per_meeting_says_so(archive, build, written):
    """Item 6 of the joint committee's draft minutes, which its agenda does not list, cited in the meeting's notes:
    'this meeting has no such item', of an item the clerk can see in the minutes."""
    jc_meeting = "meetings/jc/2019-11-05/meeting.md"
    edit(archive, JC_MINUTES, "status: approved", "status: draft")
    (archive / JC_MINUTES).write_text((archive / JC_MINUTES).read_text(encoding="utf-8") + "\n## 6 Any other business"
                                      "\n\nNone.\n", encoding="utf-8")
    (archive / jc_meeting).write_text((archive / jc_meeting).read_text(encoding="utf-8") + f"As {written} says.\n",
                                      encoding="utf-8")
    said = "item 6" if written == "item 6" else "jc:2019-11-05/6"
    what = "item 6" if written == "item 6" else "item 6 of jc/2019-11-05"
    assert warnings_after(build, archive) == [at(jc_meeting, line_of(archive, jc_meeting, "says."),
        f"reference '{said}' does not resolve: {what} is in draft minutes (content/{JC_MINUTES}:"
        f"{line_of(archive, JC_MINUTES, '## 6 ')}), which are not published until they are approved; once a meeting "
        "has approved them, write `status: approved` in them, and the reference links; till then it is shown as text, "
        "without a link", "warning")]


def test_an_explicit_reference_to_a_confidential_paper_says_it_is_confidential(archive, build):
    """It was told "tb/2019-03-14's papers are A", as if paper C, which the clerk can see in the folder, were
    misnamed."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed; see [[tb/2019-03-14/papers/C]].")
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "[[tb/"),
        "reference 'tb/2019-03-14/papers/C' does not resolve; paper C of tb/2019-03-14 is confidential, so it is not "
        "published: it is shown as text, without a link; to cite it without this warning, name it in words, without "
        "[[...]]", "warning")]


def test_an_action_owned_by_a_body_the_archive_lacks_says_what_to_write_among_many_bodies(archive, build):
    """With more bodies than a message lists, and none spelt like it, 'no body' was all it said."""
    for n in range(1, 13):
        (archive / f"bodies/committee-{n}.md").write_text(f"---\nname: Committee {n}\nshort_name: C{n}\n"
                                                          f"numbering: \"C{n}/{{yy}}/{{n}}\"\n---\n", encoding="utf-8")
    edit(archive, MINUTES, "{body: jc}", "{body: planning}")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "{body: planning}"),
        "no body 'planning'; write the body as its file in content/bodies/ is named")]


@pytest.mark.parametrize("written", ["JC", "the Testshire and Northvale Joint Committee"])
def test_an_action_owned_by_a_body_written_by_its_short_name_or_name_is_told_to_write_it_as_a_body(archive, build,
                                                                                                  written):
    """`owner: CCB`, as an `ACTION: CCB to ...` line names a body: told to add CCB to the people register or write
    {name: CCB}, which would publish the owner as unlinked text, off the body's tracker."""
    edit(archive, MINUTES, "{body: jc}", written)
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"brian-okafor, {written}]"),
        f"unknown person '{written}': it names the body jc, not a person; write {{body: jc}}, as a body is written "
        "where a person goes")]


def test_closed_written_with_more_words_is_told_to_be_yes_alone_and_is_the_one_message(archive, build):
    """`closed: Yes - closed`, as a log's column gives it: told to write "yes or no", and, with `status: complete`,
    warned that the update does not close the action, which it was written to do."""
    edit(archive, LOG, "    status: green\n    progress: Published", "    status: complete\n    progress: Published")
    edit(archive, LOG, "    closed: yes\n  - action: TB/19/13#leaflet", "    closed: Yes - closed\n  - action: "
         "TB/19/13#leaflet")
    assert [m for m in messages(build(archive)) if ":" + str(line_of(archive, LOG, "status: complete")) + ":" in m
            or "closed:" in m] == [at(LOG, line_of(archive, LOG, "closed: Yes"),
                                      "closed: 'Yes - closed' is not yes or no; write yes alone")]


@pytest.mark.parametrize("written, meant", [("Not quorate", "no"), ("Inquorate", "no"), ("Quorate", "yes")])
def test_quorate_written_as_the_minutes_say_it_is_told_the_yes_or_no_it_means(archive, build, written, meant):
    """`quorate: Not quorate`, as the minutes of an inquorate meeting say it, was told to write yes or no, which
    of them left to the clerk where the words said it."""
    edit(archive, MEETING, "quorate: yes", f"quorate: {written}")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "quorate:"),
        f"quorate: '{written}' is not yes or no; write {meant} alone")]


@pytest.mark.parametrize("written", ["not sure", "Not yet decided"])
def test_confidential_written_as_a_doubt_is_not_told_to_write_no(archive, build, written):
    """'Not' means no beside 'quorate' alone: an item whose confidentiality the clerk doubts, told to write no,
    would be published in full."""
    edit(archive, MINUTES, "confidential: yes", f"confidential: {written}")
    assert f"confidential: '{written}' is not yes or no; write yes or no" in " ".join(errors_after(build, archive))


def test_an_update_with_status_complete_that_does_not_close_its_action_is_a_warning(archive, build):
    edit(archive, LOG, "    status: amber\n", "    status: complete\n")
    assert warnings_after(build, archive) == [at(LOG, line_of(archive, LOG, "status: complete"), "the status is "
        "complete, but the update does not close the action, so it stays open on the tracker; add `closed: yes`, or "
        "give the status it has while it is still open", "warning")]


def test_files_with_a_byte_order_mark_and_windows_line_endings_report_true_lines(archive, build):
    path = archive / MEETING
    text = path.read_text(encoding="utf-8").replace("quorate: yes", "quorate: maybe")
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "quorate:"),
        "quorate: 'maybe' is not yes or no; write yes or no")]


# --- content/root/: files published at the site's top as they are --------------------------------------

def test_a_file_at_the_top_where_the_site_writes_its_own(archive, build):
    (archive / "root").mkdir()
    (archive / "root/robots.txt").write_text("User-agent: *\n")
    assert errors_after(build, archive) == [at("root/robots.txt", 1,
        "the site writes /robots.txt itself, so content/root/robots.txt cannot be published there; take "
        "content/root/robots.txt out")]


@pytest.mark.parametrize("folder", ["tb", "people", "data", "static"])
def test_a_file_in_a_folder_of_the_sites_own(archive, build, folder):
    """A body's folder, a page's, or one the site keeps files in: the site's file would replace it, or it the
    site's, on a later build, even where nothing stands there today."""
    (archive / "root" / folder).mkdir(parents=True)
    (archive / "root" / folder / "notes.txt").write_text("notes\n")
    assert errors_after(build, archive) == [at(f"root/{folder}/notes.txt", 1,
        f"/{folder}/ is a folder of the site's own, so content/root/{folder}/notes.txt cannot be published in it; "
        "move it to the top of content/root/, or to a folder of its own there")]


def test_a_link_in_the_files_published_at_the_top(archive, build, tmp_path):
    """It could publish what was never meant to be: a file outside the content."""
    (tmp_path / "private.txt").write_text("not for publication\n")
    (archive / "root").mkdir()
    (archive / "root/security.txt").symlink_to(tmp_path / "private.txt")
    assert errors_after(build, archive) == [at("root/security.txt", 1,
        "security.txt in content/root/ is a link to another file, which is not published; put the file itself "
        "there, or take the link out")]


# --- bodies and numbering -----------------------------------------------------------------------

def test_meeting_of_an_unknown_body(archive, build):
    edit(archive, LATER, "body: tb", "body: tbb")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "body:"),
        "meeting of an unknown body 'tbb'; did you mean 'tb'?")]


def test_meeting_of_a_body_with_no_file_says_which_file_to_add(archive, build):
    edit(archive, LATER, "body: tb", "body: scrutiny")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "body:"),
        "meeting of an unknown body 'scrutiny'; add content/bodies/scrutiny.md, or use one of the bodies there are: "
        "jc, tb")]


def test_a_body_file_saved_under_another_extension_is_named_as_not_read(archive, build):
    (archive / "bodies" / "tb.md").rename(archive / "bodies" / "tb.yaml")
    result = build(archive)
    assert not result.ok
    assert at("bodies/tb.yaml", 1, "tb.yaml is not read: each board or committee is a Markdown file with "
              "frontmatter; rename it to tb.md if it is one, or move it out of content/bodies/", "warning") \
        in messages(result)
    assert at(LATER, line_of(archive, LATER, "body:"), "meeting of an unknown body 'tb'; add content/bodies/tb.md, "
              "or use one of the bodies there are: jc") in messages(result)


@pytest.mark.parametrize("make", [os.mkfifo, lambda path: path.symlink_to("/dev/zero")], ids=["pipe", "device"])
def test_a_pipe_or_a_device_named_as_a_content_file_is_reported_not_waited_on(archive, cli, make):
    """A named pipe would be waited on for ever, and /dev/zero read for ever: the check never ended."""
    make(archive / "bodies/zz.md")
    done = cli("check")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == ("content/bodies/zz.md:1: error: this is a pipe, a socket or a device, "
                                           "not a file; remove it, or put the text file it stands for in its place")


def test_an_editors_lock_beside_a_bodys_file_or_a_register_is_not_read(archive, build):
    """Emacs keeps a lock, `.#tb.md`, beside a file while it has unsaved changes: a link to nowhere, named like
    the file. Read as a body's file, or a part of the people register, it failed every build the clerk ran with
    the file open ("'.#tb' is not a valid body slug", "the file cannot be read")."""
    (archive / "bodies/.#tb.md").symlink_to("clerk@laptop.4242:1717171717")
    (archive / "people").mkdir()
    (archive / "people/.#board.yaml").symlink_to("clerk@laptop.4242:1717171717")
    assert warnings_after(build, archive) == []


def test_an_editors_backups_and_autosaves_are_not_called_stray_files(archive, build):
    """Emacs leaves `minutes.md~` at the first save of every file it opens, and keeps `#minutes.md#` while there
    are unsaved changes; JetBrains editors write `minutes.md___jb_tmp___` and `___jb_old___` as they save. Each
    was a warning telling the clerk to publish it as a paper, or to rename `ccb.md~` a body's file: a build with
    --strict failed for having edited a file."""
    meeting, papers = archive / "meetings/tb/2019-03-14", archive / "meetings/tb/2019-03-14/papers"
    for folder, name in ((meeting, "minutes.md"), (meeting, "meeting.md"), (papers, "paper-a.md"),
                         (archive / "bodies", "tb.md")):
        for litter in (f"{name}~", f"#{name}#", f"{name}___jb_tmp___", f"{name}___jb_old___"):
            shutil.copy(folder / name, folder / litter)
    assert warnings_after(build, archive) == []


def test_the_temporary_files_an_editor_stopped_mid_save_leaves_are_not_called_stray_files(archive, build):
    """sed -i writes the new text to `sedZYMfl7` beside the file, Vim writes `4913` to see whether it may write
    the folder, and many editors a `.tmp` file, each taken away once the save is done: one left behind by an
    editor stopped half way was a warning telling the clerk to publish it as a paper."""
    meeting, papers = archive / "meetings/tb/2019-03-14", archive / "meetings/tb/2019-03-14/papers"
    for folder, name in ((meeting, "minutes.md"), (papers, "paper-a.md"), (archive / "bodies", "tb.md")):
        for litter in ("sedZYMfl7", "4913", "5036", f"{name}.tmp", "Notes.TMP"):
            shutil.copy(folder / name, folder / litter)
    assert warnings_after(build, archive) == []


def test_invalid_numbering_pattern(archive, build):
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB/{y}/{n}"')
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "numbering:"),
        "numbering: numbering 'TB/{y}/{n}' uses an unknown placeholder; use only {n}, {yy} and {yyyy}; {nnn} for "
        "numbers printed with three digits at least (045)")]


def test_numbering_pattern_without_a_number(archive, build):
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB/{yy}"')
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "numbering:"),
        "numbering: numbering 'TB/{yy}' has no {n}; write a pattern such as CCBP/{yy}/{n}, or per-meeting")]


def test_numbering_pattern_of_a_number_alone(archive, build):
    """`{n}`, for minutes numbered 45., 46.: every number in every text (a date, a sum, a paragraph of an Act) was
    read as one of the body's minutes and warned of, and a line with none of them as an empty one ('')."""
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "{n}"')
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "numbering:"),
        "numbering: numbering '{n}' is a number and nothing else, so every number in every text (a date, a sum) "
        "would be read as one of its minutes; write per-meeting for items numbered 1, 2, 3 or 45, 46 with "
        "nothing around them, or the letters the minutes put with the number, e.g. PC/{n}")]


def test_numbering_pattern_with_two_years(archive, build):
    """`TB {yy}/{yy} ({n})`, a financial year: every number was published with the second year twice, TB 19/19 (5)
    for TB 18/19 (5)."""
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB {yy}/{yy} ({n})"')
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "numbering:"),
        "numbering: numbering 'TB {yy}/{yy} ({n})' has {yy} twice, and a number is written with one value for each "
        "(19/19 for 18/19); use each of {n}, {yy} and {yyyy} once")]


def test_body_slug_the_site_uses_itself(archive, build):
    (archive / "bodies" / "search.md").write_text("---\nname: Search Panel\nshort_name: SP\n"
                                                 "numbering: per-meeting\n---\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("bodies/search.md", 1,
        "'search' cannot be a body slug: the site uses /search/ itself; rename the file, e.g. "
        "search-committee.md")]


def test_duplicate_minute_number_within_a_body(archive, build):
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical", "## TB/19/13 Pharmaceutical")
    first = line_of(archive, MINUTES, "## TB/19/13")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/13"),
        f"minute number TB/19/13 is used twice in TB (first at content/{MINUTES}:{first}); renumber one of "
        "them; numbers must be unique within the body")]


def test_duplicate_minute_number_of_a_body_printing_zeros_is_named_as_printed(archive, build):
    """The clerk wrote TB/19/013 twice and searches the minutes for that: a message naming TB/19/13, the number
    without its zeros that addresses are made of, would not be found in either file."""
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB/{yy}/{nnn}"')
    edit(archive, MINUTES, "## TB/19/13 ", "## TB/19/013 ")
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical", "## TB/19/013 Pharmaceutical")
    first = line_of(archive, MINUTES, "## TB/19/013")
    assert [m for m in errors_after(build, archive) if "used twice" in m] == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/013"),
           f"minute number TB/19/013 is used twice in TB (first at content/{MINUTES}:{first}); renumber one of "
           "them; numbers must be unique within the body")]


def test_same_per_meeting_number_at_two_meetings_is_not_an_error(archive, build, tmp_path):
    folder = archive / "meetings" / "jc" / "2019-12-03"
    folder.mkdir()
    (folder / "meeting.md").write_text("---\nbody: jc\ndate: 2019-12-03\n---\n", encoding="utf-8")
    (folder / "minutes.md").write_text("---\nstatus: approved\n---\n## 5 Matters arising\n\nNone.\n",
                                       encoding="utf-8")
    result = build(archive, tmp_path / "out")
    assert result.ok and messages(result) == []
    for url in ("jc/2019/2019-11-05/item-5", "jc/2019/2019-12-03/item-5"):
        assert (tmp_path / "out" / url / "index.html").is_file(), url
    assert "Matters arising" in (tmp_path / "out/jc/2019/2019-12-03/item-5/index.html").read_text(encoding="utf-8")


# --- people -------------------------------------------------------------------------------------

def test_unknown_person_where_a_register_exists(archive, build):
    edit(archive, MEETING, "chair: ada-lovelace", "chair: Ada Lovelase")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair:"),
        "unknown person 'Ada Lovelase'; did you mean 'ada-lovelace'? Otherwise add them to the people register "
        "(content/people.yaml, or a file in content/people/), or write {name: Ada Lovelase} for someone who is not in it")]


@pytest.mark.parametrize("written, hint", [
    ("Mr Tim Sacks", ""),  # the register's Mrs A Hack shares an honorific's letters and `ack`, not a name
    ("Mr Tim Okafor", "did you mean 'Mr Brian Okafor'? Otherwise "),  # the surname, the first name mistaken
])
def test_an_unknown_person_is_offered_only_someone_whose_name_resembles_theirs(archive, build, written, hint):
    """A clerk transcribing `Mr Tim Sacks`, whom the register did not have yet, was asked whether they meant
    `Mrs A Hack`; the question is there to catch a misspelling of someone in the register."""
    edit(archive, "people.yaml", "frank-turner:", "a-hack:\n  name: A Hack\n  honorific: Mrs\nfrank-turner:")
    edit(archive, MEETING, "chair: ada-lovelace", f"chair: {written}")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair:"),
        f"unknown person '{written}'; {hint}add them to the people register (content/people.yaml, or a "
        f"file in content/people/), or write {{name: {written}}} for someone who is not in it")]


def test_a_table_pasted_from_word_with_tabs_between_its_cells_is_a_warning_giving_its_first_row_as_markdown(archive,
                                                                                                       build):
    """A front sheet's table pasted from Word, "Meeting<tab>Health and Wellbeing Board" a row a line: Markdown showed
    its rows as one paragraph, "Meeting Health and Wellbeing Board Date 14 March 2019 ...", without a word. A tab in
    a fenced block, or in one line alone, is no such table."""
    edit(archive, PAPER_A, "## Introduction\n", "## Introduction\n\nMeeting\tHealth and Wellbeing Board\nDate\t"
         "14 March 2019\nPurpose\tFor decision\n\n```\nkept\tas\nwritten\there\n```\n\nOne line\talone.\n")
    assert warnings_after(build, archive) == [at(PAPER_A, line_of(archive, PAPER_A, "Meeting\tHealth"),
        "these 3 lines have their words in columns separated by tabs, as a table copied from Word or a PDF does, "
        "which Markdown runs together into one paragraph; write it as a Markdown table, a row a line (`| Meeting | "
        "Health and Wellbeing Board |`), with a line `| --- | --- |` under its first row, or as a list", "warning")]


def test_initials_no_one_in_the_register_has_are_told_to_be_given_there_or_written_as_the_id(archive, build):
    """`owner: SP`, as action logs name people, where the register gives no one those initials: the clerk was told
    to add 'SP' to the register or write {name: SP}, which would publish the owner as two letters, on no one's
    page."""
    edit(archive, MINUTES, "owner: [brian-okafor, {body: jc}]", "owner: [brian-okafor, BK]")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: [brian-okafor, BK]"),
        "unknown person 'BK': no one in the people register has the initials BK; write the person's id, or give "
        "them `initials: BK` in the register (the minutes' text then links the initials to them too); {name: BK} "
        "only for someone not in it")]


@pytest.mark.parametrize("written, entry", [
    ("Priya Shah (substitute for Mr Patel)", "name: Priya Shah"),  # someone the register does not have
    ("Mr Okafor - deputising for Mr Patel", "person: brian-okafor"),
])
def test_a_substitute_listed_as_present_is_told_to_be_listed_as_deputising_for_the_member(archive, build, written,
                                                                                          entry):
    """The minutes list a substitute among those present, "Cllr Kitterick (substitute for Cllr Fonseca)": the clerk
    was asked whether they meant the member they stood in for, or to publish the whole line as a name."""
    edit(archive, MEETING, "    - eve-turner\n", f"    - eve-turner\n    - {written}\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, written),
        f"unknown person '{written}': it is {written.split(' (')[0].split(' - ')[0]}, attending in place of Mr Patel; "
        f"list them under `deputising:`, as `- {entry}` with `for: dev-patel` on the line below it")]


PAPER_A = "meetings/tb/2019-03-14/papers/paper-a.md"


def test_an_unknown_person_written_with_a_comma_is_offered_the_name_in_quotes(archive, build):
    """A front sheet's "Presenter: Mr John Adler, Chief Executive, UHL", copied whole: the clerk was told to write
    {name: Mr John Adler, Chief Executive, UHL}, which YAML reads as a name and two fields, and did."""
    edit(archive, PAPER_A, "presenter: Dr C Singh", "presenter: Mr John Adler, Chief Executive, UHL")
    assert errors_after(build, archive) == [at(PAPER_A, line_of(archive, PAPER_A, "presenter:"),
        "unknown person 'Mr John Adler, Chief Executive, UHL'; known people: Councillor Ada Lovelace, Councillor Eve "
        "Turner, Councillor Frank Turner, Dr Carol Singh, Mr Brian Okafor, Mr Dev Patel, ada-lovelace, brian-okafor, "
        "carol-singh, dev-patel, eve-turner, frank-turner; otherwise add them to the people register (content/people.yaml, or "
        'a file in content/people/), or write {name: "Mr John Adler, Chief Executive, UHL"} for someone who is not in it')]


def test_a_name_with_a_comma_in_braces_is_told_yaml_read_fields_and_offered_it_in_quotes(archive, build):
    """`{name: Mr John Adler, Chief Executive, UHL}` is a name and two fields to YAML: the clerk was told only how a
    person is written, which is what they thought they had written."""
    edit(archive, PAPER_A, "presenter: Dr C Singh", "presenter: {name: Mr John Adler, Chief Executive, UHL}")
    assert errors_after(build, archive) == [at(PAPER_A, line_of(archive, PAPER_A, "presenter:"),
        "`{name: ...}` is read as the name 'Mr John Adler' and 2 unknown fields, 'Chief Executive' and 'UHL': "
        'inside braces a comma ends the name; put the name in quotes: {name: "Mr John Adler, Chief Executive, UHL"}')]


@pytest.mark.parametrize("relative, old, new, hint", [
    (MINUTES, "  - owner: carol-singh\n", "  - owner: Dr Singh and Mr Okafor\n",  # a field that takes a list
     "write them as a list: [Dr Singh, Mr Okafor]"),
    (MINUTES, "  - owner: carol-singh\n", "  - owner: Dr Singh/Mr Okafor\n",  # as action lines in the text join them
     "write them as a list: [Dr Singh, Mr Okafor]"),
    (MEETING, "    - eve-turner\n", "    - eve-turner & Councillor Frank Turner\n",  # an attendance entry: one person
     "give each of them an entry of their own: eve-turner, Councillor Frank Turner"),
])
def test_two_people_written_as_one_are_named_as_a_list_or_entries_not_as_someone_to_add(archive, build, relative,
                                                                                       old, new, hint):
    """`owner: Professor Lakhani and Mr Sanders`, as minutes write it: the advice for an unknown person, to write
    `{name: Professor Lakhani and Mr Sanders}`, published both unlinked and off their pages."""
    edit(archive, relative, old, new)
    written = new.strip().split(": ")[-1].lstrip("- ")
    assert errors_after(build, archive) == [at(relative, line_of(archive, relative, new.strip()),
        f"unknown person '{written}': it names 2 people as one; {hint}")]


def test_an_owner_written_as_everyone_is_told_to_name_the_body_or_the_people_not_to_add_all_to_the_register(
        archive, build):
    """`Owner: All`, as trusts' action logs give an action for every member: the advice for an unknown person, to
    add 'All' to the people register or write {name: All}, would publish an action no one's page lists."""
    edit(archive, MINUTES, "  - owner: carol-singh\n", "  - owner: All\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: All"),
        "'All' names everyone, not one person; write {body: tb} for the body as a whole, a list of the people "
        "meant, [id, id], or {name: All} to keep it as written")]


@pytest.mark.parametrize("entry", [
    "Dr Carol Singh\tConsultant in Public Health",  # a row of the pack's attendance table, name and role
    "Dr Carol Singh \u2013 Consultant in Public Health",
    "Dr Carol Singh (Consultant in Public Health)",
])
def test_an_attendee_written_with_their_role_is_told_to_give_the_role_its_field(archive, build, entry):
    """Pasted from the PDF's attendance table, `- Dr Carol Singh<tab>Consultant in Public Health` was an unknown
    person, with the advice to add her to the register she is in."""
    edit(archive, MEETING, "    - eve-turner\n", f"    - {entry}\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, entry),
        f"unknown person '{entry}': it is Dr Carol Singh (carol-singh) followed by 'Consultant in Public Health', "
        "which is not a name; write `- person: carol-singh` with `role: Consultant in Public Health` on the line "
        "below it")]


def test_an_apology_written_with_a_remark_is_told_to_give_the_remark_as_the_entrys_note(archive, build):
    """`- Councillor Miss G Waller (on holiday)`, as apologies are minuted: told to write `role: on holiday`, as if
    it were the post she held."""
    edit(archive, MEETING, "  apologies:\n    - dev-patel\n", "  apologies:\n    - Mr Dev Patel (on leave)\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "Mr Dev Patel (on leave)"),
        "unknown person 'Mr Dev Patel (on leave)': it is Mr Dev Patel (dev-patel) followed by 'on leave', which is not "
        "a name; write `- person: dev-patel` with `note: on leave` on the line below it")]


def test_an_attendee_entry_whose_person_is_written_with_their_role_is_told_to_give_the_role_its_field(archive, build):
    """`new meeting` writes `- person: rka-feltham` over `role:` and `organisation:` lines; the clerk writes over the
    id what the pack prints, `Dr R.K.A.Feltham CC (Vice-Chair)`, and was told the register gives their roles."""
    edit(archive, MEETING, "    - eve-turner\n", "    - person: Dr Carol Singh (Consultant in Public Health)\n"
         "      organisation: Testshire County Council\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "- person: Dr Carol Singh"),
        "person: unknown person 'Dr Carol Singh (Consultant in Public Health)': it is Dr Carol Singh (carol-singh) "
        "followed by 'Consultant in Public Health', which is not a name; write `- person: carol-singh` with "
        "`role: Consultant in Public Health` on the line below it")]


def test_an_organisation_written_as_an_author_is_told_it_is_no_person(archive, build):
    """A council report is "REPORT OF NHS WEST LEICESTERSHIRE CCG ...": written as the paper's authors, each was an
    unknown person to add to the people register, which lists the organisation as the one its people work for."""
    paper = "meetings/tb/2019-03-14/papers/paper-c.md"
    edit(archive, paper, "authors: [frank-turner]", "authors: [TESTSHIRE COUNTY COUNCIL]")
    assert errors_after(build, archive) == [at(paper, line_of(archive, paper, "authors:"),
        "unknown person 'TESTSHIRE COUNTY COUNCIL': it is an organisation the people register's people work for, not "
        "a person; name a person of it, or write {name: TESTSHIRE COUNTY COUNCIL} to give the organisation as "
        "written")]


# Packs name people by their post ("Owner: Chair", "Lead: Director of Finance"): the meeting's chair, or whoever
# the register's dated roles say held the post that day (tests/test_posts.py shows how each is read)
ACTION_OWNER = "  - owner: carol-singh\n"
# TB/19/13's own chair, whom `Chair` in its fields names: taken out where they are to name the meeting's
ITEM_CHAIR = ("chair: carol-singh\nvotes:", "votes:")


def test_chair_written_for_a_person_at_a_meeting_that_gives_no_chair_asks_for_one(archive, build):
    edit(archive, MEETING, "chair: ada-lovelace\n", "")
    edit(archive, MINUTES, *ITEM_CHAIR)
    edit(archive, MINUTES, ACTION_OWNER, "  - owner: Chair\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: Chair"),
        f"'Chair' is read as the meeting's chair, and content/{MEETING} gives no `chair:`; add `chair: ada-lovelace` "
        f"(its attendance lists them as the chair) to content/{MEETING}, or write the person's id here")]


def test_chair_written_for_a_person_where_the_chair_present_is_named_alone_is_told_the_line_naming_them(archive,
                                                                                                     build):
    """A chair whom the people register does not have, listed present by name with `role: Chair`: `Chair` was told
    to add `chair: <id>`, and they have no id; the line that names them is `chair: {name: ...}`."""
    edit(archive, MEETING, "chair: ada-lovelace\n", "")
    edit(archive, MEETING, "    - person: ada-lovelace\n      role: Chair\n",
         "    - name: Councillor Jo Bloggs\n      role: Chair of the Board\n    - person: ada-lovelace\n")
    edit(archive, MINUTES, *ITEM_CHAIR)
    edit(archive, MINUTES, ACTION_OWNER, "  - owner: Chair\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: Chair"),
        f"'Chair' is read as the meeting's chair, and content/{MEETING} gives no `chair:`; add `chair: {{name: "
        f"Councillor Jo Bloggs}}` (its attendance lists them as the chair) to content/{MEETING}, or write the "
        "person's id here")]


def test_a_chair_listed_present_where_the_meeting_gives_no_chair_is_told_the_line_naming_them(archive, build):
    """`role: Chair` in the attendance, and no `chair:`: the meeting's page named no one as its chair, and nothing
    was said."""
    edit(archive, MEETING, "chair: ada-lovelace\n", "")
    edit(archive, MEETING, "    - person: ada-lovelace\n      role: Chair\n",
         "    - name: Councillor Jo Bloggs\n      role: Chair of the Board\n    - person: ada-lovelace\n")
    assert [w for w in warnings_after(build, archive) if "chair" in w] == [at(MEETING, line_of(
        archive, MEETING, "  present:"), "the attendance lists Councillor Jo Bloggs present as the chair, but this "
        "meeting gives no `chair:`, so its page names no one as its chair; add `chair: {name: Councillor Jo Bloggs}` "
        "under `date:`", "warning")]


def test_chair_written_for_a_person_at_a_meeting_of_two_chairs_names_both(archive, build):
    edit(archive, MEETING, "chair: ada-lovelace", "chair: [ada-lovelace, eve-turner]")
    edit(archive, MINUTES, *ITEM_CHAIR)
    edit(archive, MINUTES, ACTION_OWNER, "  - owner: the chair\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: the chair"),
        "'the chair' could be any of the meeting's 2 chairs: Councillor Ada Lovelace (ada-lovelace) or Councillor "
        "Eve Turner (eve-turner); write the id of the one meant")]


def test_chair_written_as_the_meetings_chair_asks_for_the_person(archive, build):
    edit(archive, MEETING, "chair: ada-lovelace", "chair: Chair")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair: Chair"),
        "'Chair' is read as the meeting's chair, which this field gives; write the person who chaired the meeting, "
        "by their id or name")]


HWB_CHAIR = "Chair of the Health and Wellbeing Board"


def chairs_too(archive, role: str) -> None:
    """Frank Turner given the board's chair as well (`role`: that role's lines after its title), and the minutes'
    action given to the post."""
    edit(archive, "people.yaml", "  initials: FT\n", f"  initials: FT\n  roles:\n    - title: {HWB_CHAIR}\n{role}")
    edit(archive, MINUTES, ACTION_OWNER, f"  - owner: {HWB_CHAIR}\n")


def test_a_post_two_people_held_on_the_meetings_day_names_both_where_and_since_when_and_the_post_to_write(
        archive, build):
    """Two organisations' holders of one post (a register keeping several areas' people): named alone, as the
    message named them, the clerk could not tell which was the board's; the post with its organisation tells."""
    chairs_too(archive, "      from: 2019-01-01\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"owner: {HWB_CHAIR}"),
        f"'{HWB_CHAIR}' is a post more than one person in the register held on 14 March 2019: Councillor Ada "
        "Lovelace (ada-lovelace) at Testshire County Council from 1 May 2018 and Councillor Frank Turner "
        "(frank-turner) at Southvale District Council from 1 January 2019; write the post with the organisation of "
        f"the one meant (`{HWB_CHAIR}, Testshire County Council` or `{HWB_CHAIR}, Southvale District Council`), or "
        "their id")]
    edit(archive, MINUTES, f"  - owner: {HWB_CHAIR}\n", f"  - owner: {HWB_CHAIR}, Southvale District Council\n")
    assert build(archive).ok


def test_a_post_an_interim_and_a_substantive_holder_held_on_the_meetings_day_says_to_write_the_id_or_correct_dates(
        archive, build):
    """One organisation's two holders: its post with the organisation would name both again."""
    chairs_too(archive, "      organisation: Testshire County Council\n      from: 2018-11-01\n      to: 2019-04-30\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"owner: {HWB_CHAIR}"),
        f"'{HWB_CHAIR}' is a post more than one person in the register held on 14 March 2019: Councillor Ada "
        "Lovelace (ada-lovelace) at Testshire County Council from 1 May 2018 and Councillor Frank Turner "
        "(frank-turner) at Testshire County Council from 1 November 2018 to 30 April 2019; write the id of the one "
        "meant; if only one of them held it that day, correct the dates of the roles (`from`, `to`) in the people "
        "register")]


def test_a_post_no_one_held_on_the_meetings_day_names_who_held_it_when(archive, build):
    edit(archive, "people.yaml", "      from: 2018-05-01\n", "      from: 2019-04-01\n")
    edit(archive, "people.yaml", "  initials: FT\n", f"  initials: FT\n  roles:\n    - title: {HWB_CHAIR}\n"
         "      to: 2019-03-13\n")
    edit(archive, MINUTES, ACTION_OWNER, f"  - owner: {HWB_CHAIR}\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"owner: {HWB_CHAIR}"),
        f"'{HWB_CHAIR}' is a post no one in the register held on 14 March 2019: Councillor Ada Lovelace "
        "(ada-lovelace) held it from 1 April 2019; Councillor Frank Turner (frank-turner) held it until 13 March "
        "2019; write the person who held it that day, or correct the dates of the role (`from`, `to`) in the people "
        "register")]


def test_a_post_whose_only_holder_holds_it_at_another_bodys_organisation_names_them_and_the_organisation(
        archive, build):
    """One register keeps the people of several areas' bodies: a joint committee's `owner: Director of Finance` was
    read as the only one it had, another area's CCG's, and published as the action's owner without a word."""
    with (archive / "people.yaml").open("a", encoding="utf-8") as register:
        register.write("hana-ito:\n  name: Hana Ito\n  organisation: Eastvale CCG\n  roles:\n"
                       "    - title: Director of Finance\n")
    edit(archive, MINUTES, ACTION_OWNER, "  - owner: Director of Finance\n")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: Director of Finance"),
        "the owner of action TB/19/13#1, 'Director of Finance', is read as Hana Ito (hana-ito), the one person the "
        "people register gives that post on 14 March 2019, but as Director of Finance of Eastvale CCG, which is not "
        "one of TB's organisations; write the id of the person meant (adding them to the people register, with the "
        "role, if they are not in it), or `Director of Finance, Eastvale CCG` if it is Hana Ito", "warning")]


def test_an_author_written_with_their_role_is_told_to_write_the_person_alone(archive, build):
    """A front sheet's "Lead Author: Jerry Hawker – Chair of the Programme Board & Chief Officer", copied whole."""
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "authors: [carol-singh]", "authors: Dr Carol Singh \u2013 Consultant in Public Health & Lead")
    assert errors_after(build, archive) == [at(paper, line_of(archive, paper, "authors:"),
        "unknown person 'Dr Carol Singh \u2013 Consultant in Public Health & Lead': it is Dr Carol Singh (carol-singh) "
        "followed by 'Consultant in Public Health & Lead', which is not a name; write carol-singh alone (the people "
        "register gives their roles)")]


def test_a_misspelt_second_person_after_a_comma_is_not_taken_for_a_role(archive, build):
    """`Dr Singh, Mr Okafer`: the second is a person misspelt, whom the message asks about, not a role."""
    edit(archive, MEETING, "    - eve-turner\n", "    - Dr Singh, Mr Okafer\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "Dr Singh, Mr Okafer"),
        "unknown person 'Dr Singh, Mr Okafer'; did you mean 'Mr Brian Okafor'? Otherwise add them to the people register "
        "(content/people.yaml, or a file in content/people/), or write {name: \"Dr Singh, Mr Okafer\"} for someone who is not in it")]


@pytest.mark.parametrize("written, meant", [("Cllr Ada Lovelace", "ada-lovelace"),
                                            ("Cllr Frank Turner", "frank-turner")])
def test_an_honorific_written_short_names_the_person_the_register_gives_it_long(archive, build, written, meant):
    """A council's pack writes "Cllr" where the register says Councillor: `chair: Cllr Ada Lovelace` was an
    unknown person, with the advice to add her to the register she is in."""
    from generator.diagnostics import Report
    from generator.loader import load_archive

    edit(archive, MEETING, "chair: ada-lovelace", f"chair: {written}")
    assert messages(build(archive)) == []
    meeting = next(m for m in load_archive(archive, Report(root=archive)).meetings if m.key == "tb/2019-03-14")
    assert [who.id for who in meeting.chair] == [meant]


@pytest.mark.parametrize("register, hint", [
    ("", "AL are the initials of Councillor Ada Lovelace (ada-lovelace): write ada-lovelace"),
    ("  initials: BO\n", "AL are the initials of Councillor Ada Lovelace (ada-lovelace) or Mr Brian Okafor "
     "(brian-okafor): write the id of the one meant"),
])
def test_initials_in_a_field_name_the_person_they_are_the_initials_of(archive, build, register, hint):
    """Minutes say "AL agreed to ..." and link the initials; a clerk then writes `chair: AL`, which the register's
    forms of names do not include: the message named nobody, and said to add them to the register."""
    if register:
        edit(archive, "people.yaml", register, "  initials: AL\n")
    edit(archive, MEETING, "chair: ada-lovelace", "chair: AL")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "chair: AL"),
        f"unknown person 'AL': initials are read as a person in the text, not in a field; {hint}")]


@pytest.mark.parametrize("register, hint", [
    ("", "Carol is the first name of Dr Carol Singh (carol-singh): write carol-singh, or {name: Carol} for someone "
     "not in the register"),
    ("carol-ward:\n  name: Carol Ward\n", "Carol is the first name of Dr Carol Singh (carol-singh) or Carol Ward "
     "(carol-ward): write the id of the one meant, or {name: Carol} for someone not in the register"),
])
def test_a_first_name_alone_names_the_people_it_is_the_first_name_of(archive, build, register, hint):
    """`owner: Carol`, as colleagues name each other: it is no form a name is found by (nor the surname alone), and
    the message said to add her to the register she is in, where she would have been twice."""
    edit(archive, "people.yaml", "carol-singh:", f"{register}carol-singh:")
    edit(archive, MINUTES, "  - owner: carol-singh", "  - owner: Carol")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "owner: Carol"),
        f"unknown person 'Carol': a first name alone is no name the people register finds a person by; {hint}")]


@pytest.mark.parametrize("old, new", [
    ("    - person: Mr Okafor\n", "    - person: Mr Okafer\n"),  # in attendance
    ("    - name: Priya Shah\n", "    - person: Mr Okafer\n"),  # deputising: someone not in the register
    ("    - person: brian-okafor\n      event: joined", "    - person: Mr Okafer\n      event: joined"),  # a movement
    ("  - name: Harriet Quill\n", "  - person: Mr Okafer\n"),  # a member, in the body's file
])
def test_an_unknown_person_in_an_attendance_or_member_mapping_is_one_error_not_also_a_missing_person(archive, build,
                                                                                                     old, new):
    """`person: Mr Okafer` gives a person, one the register does not know: that is the error, with its did-you-mean.
    A second error on the same line said the entry "needs `person:`" and to add one, which it has."""
    relative = "bodies/tb.md" if new.startswith("  - person") else MEETING
    edit(archive, relative, old, new)
    line = line_of(archive, relative, "person: Mr Okafer")
    assert errors_after(build, archive) == [at(relative, line,
        "person: unknown person 'Mr Okafer'; did you mean 'Mr Brian Okafor'? Otherwise add them to the people register "
        "(content/people.yaml, or a file in content/people/), or write {name: Mr Okafer} for someone who is not in it")]


def test_a_list_line_indented_further_than_the_one_above_says_so_not_that_nobody_is_known(archive, build):
    """YAML reads "   - carol-singh" under "  - eve-turner" as more of the line above: "eve-turner - carol-singh"."""
    edit(archive, LATER, "  apologies:\n    - eve-turner\n", "  apologies:\n    - eve-turner\n      - carol-singh\n")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "- eve-turner"),
        "unknown person 'eve-turner - carol-singh': YAML read 2 lines of the list as one; indent each `- ` line of "
        "the list by the same number of spaces")]


def test_ambiguous_person_alias(archive, build):
    edit(archive, MEETING, "    - eve-turner\n", "    - Councillor Turner\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "- Councillor Turner"),
        "'Councillor Turner' could be any of: eve-turner, frank-turner; write the person's id instead")]


def test_unknown_person_inside_an_item_block_points_at_its_line_in_minutes_md(archive, build):
    edit(archive, MINUTES, "  - owner: carol-singh\n    text: Publish", "  - owner: Dr Nobody\n    text: Publish")
    found = errors_after(build, archive)
    assert len(found) == 1
    assert found[0].startswith(at(MINUTES, line_of(archive, MINUTES, "owner: Dr Nobody"), "unknown person 'Dr Nobody'; "))
    assert found[0].endswith("add them to the people register (content/people.yaml, or a file in content/people/), or write "
                             "{name: Dr Nobody} for someone who is not in it")


def test_unknown_person_hint_separates_the_known_people_from_the_instruction(archive, build):
    edit(archive, MINUTES, "  - owner: carol-singh\n    text: Publish", "  - owner: Dr Nobody\n    text: Publish")
    (message,) = errors_after(build, archive)
    assert "frank-turner add them" not in message, message


def test_person_id_given_twice_across_register_files(archive, build):
    (archive / "people").mkdir()
    (archive / "people" / "extra.yaml").write_text("ada-lovelace:\n  name: Ada Lovelace\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("people/extra.yaml", 1,
        "person 'ada-lovelace' is already in the register (content/people.yaml:1); keep one entry, or give one "
        "of them another id")]


def test_a_persons_role_written_as_a_body_member_s_is_told_once_to_list_it_under_roles_with_its_title(
        archive, build):
    """`role: Director of Finance` in the register, as a body's file writes a member's: it was told that 'role' is
    no field of a person's (did you mean 'roles'?) and, read as `roles:`, that a role must be a set of `field:
    value` lines, as if what was written were wrong twice."""
    edit(archive, "people.yaml", "  initials: FT\n", "  initials: FT\n  role: Director of  Finance\n")
    assert errors_after(build, archive) == [at("people.yaml", line_of(archive, "people.yaml", "  role: Director"),
        "unknown field 'role' in a person: the register lists a person's posts under `roles:`, each with its "
        "`title:`; write `roles:` and, on the line below it, `  - title: Director of Finance`, with the role's "
        "`organisation:`, `from:` and `to:` on the lines below that where they are known")]


def test_a_role_written_as_its_title_alone_is_told_the_entry_to_write(archive, build):
    """`roles: [Director of Finance]`: told only that a role must be a set of `field: value` lines."""
    edit(archive, "people.yaml", "  initials: FT\n", "  initials: FT\n  roles:\n    - Director of Finance\n")
    assert errors_after(build, archive) == [at("people.yaml", line_of(archive, "people.yaml", "    - Director of F"),
        "'Director of Finance' is written as a role's title alone, where a role is a set of `field: value` lines; "
        "write it as `- title: Director of Finance`, with the role's `organisation:`, `from:` and `to:` on the lines "
        "below it where they are known")]


def test_a_person_id_too_long_for_an_address_is_an_error(archive, build):
    written = "ada-lovelace-" * 8 + "countess-of-lovelace"
    (archive / "people").mkdir()
    (archive / "people" / "extra.yaml").write_text(f"{written}:\n  name: Ada Lovelace\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("people/extra.yaml", 1,
        f"the person id 'ada-lovelace-ada-lovelace-ada-lovelace-a…' is {len(written)} characters long, and their "
        "page's address is made of it; use a short id made of their name, e.g. mayur-lakhani; the name goes in "
        "`name:`")]


def test_people_are_free_text_when_there_is_no_register(archive, build, tmp_path):
    (archive / "people.yaml").unlink()
    edit(archive, MEETING, "chair: ada-lovelace", "chair: Somebody Unregistered")
    result = build(archive, tmp_path / "out")
    assert result.ok and messages(result) == []
    html = (tmp_path / "out/tb/2019/2019-03-14/index.html").read_text(encoding="utf-8")
    assert "Somebody Unregistered" in html and "/people/" not in html


def test_membership_that_ends_before_it_starts(archive, build):
    edit(archive, "bodies/tb.md", "    from: 2017-01-01\n    to: 2019-12-31", "    from: 2019-12-31\n    to: 2017-01-01")
    assert errors_after(build, archive) == [at("bodies/tb.md", line_of(archive, "bodies/tb.md", "- person: carol-singh"),
        "membership ends before it starts; check the `from` and `to` dates")]


@pytest.mark.parametrize("relative, old, new, reason", [
    ("people.yaml", "      from: 2018-05-01", "      from: April 2018", "pages and open data show the day, and it "
     "decides who held the post at a meeting that month, as a pack's `Lead: Director of Finance` names them; write "
     "the day, or, if it is not known, the month's first day, 2018-04-01"),
    ("people.yaml", "      to: 2019-12-31", "      to: 2019-02", "pages and open data show the day, and it decides who "
     "held the post at a meeting that month, as a pack's `Lead: Director of Finance` names them; write the day, or, "
     "if it is not known, the month's last day, 2019-02-28"),
    ("bodies/tb.md", "    to: 2019-12-31", "    to: 2019-12", "pages and open data show the day, and it decides which "
     "meetings that month count in their attendance; write the day, or, if it is not known, the month's last day, "
     "2019-12-31"),
])
def test_a_role_or_membership_dated_by_a_month_is_told_why_a_day_is_needed_and_the_day_to_write(archive, build,
                                                                                              relative, old, new,
                                                                                              reason):
    """Registers often give a month, which was told only that it "is not a date", to be written as YYYY-MM-DD. Read
    as its first or last day, one holder's `to: 2019-04` and the next's `from: 2019-04` would both hold the post,
    and a member's attendance count or leave out a meeting held that month: the clerk gives the day."""
    edit(archive, relative, old, new)
    key, written = new.strip().split(": ")
    assert errors_after(build, archive) == [at(relative, line_of(archive, relative, new),
        f"{key}: '{written}' is a month, but a day is needed: {reason}")]


# --- papers -------------------------------------------------------------------------------------

def test_agenda_paper_referenced_but_missing_is_reported_on_its_paper_line(archive, build, monkeypatch):
    monkeypatch.chdir(archive.parent)  # as a clerk runs check from the archive's top: the command needs no --content
    edit(archive, MEETING, "    paper: A\n    time", "    paper: Z\n    time")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "    paper: Z"),
        "paper 'Z' is referenced but missing; add it with `minutebook new paper --meeting tb/2019-03-14 --ref Z "
        "--title ...` (or content/meetings/tb/2019-03-14/papers/<name>.md with `ref: Z`), or correct the reference "
        "(this meeting's papers are "
        "A, B, C)")]


def test_minute_item_paper_referenced_but_missing_is_reported_on_its_paper_line(archive, build, monkeypatch):
    monkeypatch.chdir(archive.parent)
    edit(archive, MINUTES, "paper: A\nlead", "paper: [A, Q]\nlead")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "paper: [A, Q]"),
        "paper 'Q' is referenced but missing; add it with `minutebook new paper --meeting tb/2019-03-14 --ref Q "
        "--title ...` (or content/meetings/tb/2019-03-14/papers/<name>.md with `ref: Q`), or correct the reference "
        "(this meeting's papers are "
        "A, B, C)")]


@pytest.mark.parametrize("relative, old, new, which", [
    (MINUTES, "paper: C\nlead", "paper: [C, Q]\nlead", "minute TB/19/14, which is confidential"),
    (MEETING, "    paper: C\n", "    paper: [C, Q]\n", "agenda item TB/19/14, which is confidential"),
    ("meetings/tb/2019-06-20/minutes.md", "## TB/19/22 Pharmaceutical needs assessment\n",
     "## TB/19/22 Pharmaceutical needs assessment\n\n```item\npaper: Q\n```\n", "minute TB/19/22, which is withheld "
     "as taken in private"),
], ids=["confidential-minute", "confidential-agenda-item", "minute-after-the-exclusion"])
def test_a_missing_paper_of_an_item_taken_in_private_is_told_to_be_added_saying_it_is_confidential(
        archive, build, relative, old, new, which, monkeypatch):
    """Added as told, without `confidential:`, the paper of an item taken in private was refused next, for want of
    saying whether it is confidential: the error says so the first time."""
    monkeypatch.chdir(archive.parent)
    edit(archive, "meetings/tb/2019-06-20/minutes.md", "The board reviewed the action log.", "The board reviewed "
         "the action log.\n\nThe press and public were excluded from the meeting for the following item of business.")
    edit(archive, relative, old, new)
    meeting = relative.split("/")[2]
    papers = "this meeting's papers are A, B, C" if meeting == "2019-03-14" else "this meeting has no papers"
    assert errors_after(build, archive) == [at(relative, line_of(archive, relative, "Q]" if "[" in new else "paper: Q"),
        f"paper 'Q' is referenced but missing; add it with `minutebook new paper --meeting tb/{meeting} --ref Q "
        f"--title ...` (or content/meetings/tb/{meeting}/papers/<name>.md with `ref: Q`) and write `confidential: "
        f"yes` in it, as a paper for "
        f"{which}, must say whether it is, or correct the reference ({papers})")]


def test_a_paper_named_with_its_label_as_the_pack_prints_it_is_told_the_ref_to_write(archive, build):
    """A council's agenda prints "Appendix A (Pages 1 - 24)" beside the item: written so, the paper was said to be
    missing, and the clerk was told to add it (a second Appendix A) with a command the shell split in two."""
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "ref: A\n", "ref: A\nlabel: Appendix\n")
    edit(archive, MEETING, "    paper: A\n", "    paper: Appendix A\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "    paper: Appendix A"),
        "paper 'Appendix A' is referenced but missing: a paper is named by its ref alone, without its label; "
        "write A, the ref of Appendix A (paper-a.md)")]


def test_a_missing_paper_named_with_its_label_is_told_to_be_added_with_the_label_apart(archive, build,
                                                                                     monkeypatch):
    monkeypatch.chdir(archive.parent)
    edit(archive, MEETING, "    paper: A\n", "    paper: Appendix Q\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "    paper: Appendix Q"),
        "paper 'Appendix Q' is referenced but missing; add it with `minutebook new paper --meeting tb/2019-03-14 "
        "--label Appendix --ref Q --title ...` (or content/meetings/tb/2019-03-14/papers/<name>.md with `ref: Q`, "
        "`label: Appendix`), and write Q "
        "here, or correct the reference (this meeting's papers are A, B, C)")]


def test_a_paper_whose_file_is_in_error_is_not_also_reported_missing_where_it_is_referenced(archive, build):
    """Its file's frontmatter lost its fences: the one error is there; the agenda's and the minutes' references
    to it are not each reported as a paper missing, with advice to add a file that is there."""
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    (archive / paper).write_text((archive / paper).read_text(encoding="utf-8").replace("---\n", ""), encoding="utf-8")
    assert errors_after(build, archive) == [at(paper, 1, "the file does not start with frontmatter; start it with a "
                                               "line '---', the YAML fields, and another line '---'")]


def test_paper_without_frontmatter(archive, build):
    (archive / "meetings/tb/2019-03-14/papers/paper-b.md").write_text("Paper B\n\nJust text.\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("meetings/tb/2019-03-14/papers/paper-b.md", 1,
        "the file does not start with frontmatter; start it with a line '---', the YAML fields, and another "
        "line '---'")]


def test_duplicate_paper_ref(archive, build):
    (archive / "meetings/tb/2019-03-14/papers/paper-a2.md").write_text(
        "---\nref: a\ntitle: Another paper\n---\nText.\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("meetings/tb/2019-03-14/papers/paper-a2.md", 2,
        "Paper a is given twice in this meeting (also content/meetings/tb/2019-03-14/papers/paper-a.md); "
        "give each paper its own ref")]


def test_papers_whose_refs_would_name_one_page_or_none_are_errors(archive, build):
    papers = "meetings/tb/2019-03-14/papers"
    (archive / papers / "paper-a2.md").write_text("---\nref: A.\ntitle: Another paper\n---\nText.\n", encoding="utf-8")
    (archive / papers / "paper-hash.md").write_text('---\nref: "#"\ntitle: A third\n---\nText.\n', encoding="utf-8")
    assert errors_after(build, archive) == [
        at(f"{papers}/paper-a2.md", 2, f"Paper A. and Paper A (content/{papers}/paper-a.md) would have one page "
           "between them, papers/a/; give one of them another ref"),
        at(f"{papers}/paper-hash.md", 2, "the ref '#' has no letter from A to Z or digit, of which its page's address "
           "is made; write the letter or number the pack uses, e.g. C or 5")]


def test_a_paper_whose_ref_is_its_title_is_an_error(archive, build):
    """A title pasted as the ref made an address longer than a file name may be, and the build failed writing it."""
    paper = "meetings/tb/2019-03-14/papers/paper-long.md"
    ref = "Healthy Weight Strategy 2019 to 2024: the Director of Public Health's report on what the board has " \
          "agreed, and on what each partner will do next"
    (archive / paper).write_text(f'---\nref: "{ref}"\ntitle: Another paper\n---\nText.\n', encoding="utf-8")
    assert errors_after(build, archive) == [at(paper, 2, f"the ref 'Healthy Weight Strategy 2019 to 2024: th…' is "
        f"{len(ref)} characters long, and its page's address is made of it; write the letter or number the pack "
        "gives the paper, e.g. C or 5.1; its name goes in `title:`")]


def test_paper_for_an_item_the_meeting_does_not_have_is_a_warning_on_its_item_line(archive, build):
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "item: TB/19/13", "item: TB/19/99")
    assert [m for m in warnings_after(build, archive) if "names no item" in m] == [at(
        paper, line_of(archive, paper, "item:"), "Paper A says `item: TB/19/99`, which names no item of this meeting; "
        "its items are 13.1, 13.2, TB/19/12, TB/19/13, TB/19/14, TB/19/15: write the one it is for, or take `item:` "
        "out", "warning")]


def test_attending_for_or_moving_during_an_item_the_meeting_does_not_have_is_a_warning_on_its_entry(archive, build):
    """The line of the person's entry, where the clerk finds whom it is about."""
    meeting = "meetings/tb/2019-03-14/meeting.md"
    edit(archive, meeting, "for: [TB/19/13]", "for: [TB/19/93]")
    edit(archive, meeting, "item: TB/19/14", "item: TB/19/94")
    items = "its items are 13.1, 13.2, TB/19/12, TB/19/13, TB/19/14, TB/19/15"
    assert [m for m in warnings_after(build, archive) if "which this meeting does not have" in m] == [
        at(meeting, line_of(archive, meeting, "person: Mr Okafor"),
           f"Mr Brian Okafor attended for item 'TB/19/93', which this meeting does not have; {items}", "warning"),
        at(meeting, line_of(archive, meeting, "person: eve-turner"),
           f"Councillor Eve Turner left during item 'TB/19/94', which this meeting does not have; {items}", "warning")]


def test_paper_for_its_item_written_with_leading_zeros_is_for_that_item(archive, build, tmp_path):
    """As the agenda and the minutes may write it (TB/19/013): it was 'which this meeting does not have'."""
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "item: TB/19/13", "item: TB/19/013")
    result = build(archive, tmp_path / "site")
    assert result.ok and [m for m in messages(result) if "names no item" in m] == []
    assert 'href="/tb/2019/tb-19-13/"' in (tmp_path / "site/tb/2019/2019-03-14/papers/a/index.html").read_text()


def test_paper_for_an_item_printed_with_a_zero_in_front_is_told_the_number_the_meeting_gives_it(archive, build):
    """A body numbering per meeting keeps its numbers as written, and the pack's front sheet prints "Agenda Item 05"
    for the agenda's item 5: the warning listed every item of the meeting, then named the item by its bare number
    ("Item 05 is for item '05', ...; write '5'"), neither its title nor the file it is in, nor the field to write."""
    paper = "meetings/jc/2019-11-05/papers/item-05.md"
    edit(archive, paper, 'item: "5"', 'item: "05"')
    five = agenda_item(archive, "meetings/jc/2019-11-05/meeting.md", 'ref: "5"',
                       "agenda item 5, 'Joint public health commissioning'")
    assert [m for m in warnings_after(build, archive) if "item: 05" in m] == [at(
        paper, line_of(archive, paper, "item:"), f"Item 05 says `item: 05`, which names no item of this meeting; it is "
        f"{five}, as this meeting numbers it: write `item: 5`", "warning")]


def test_a_minute_numbered_with_a_zero_in_front_of_its_agenda_items_number_is_a_warning_on_its_heading(archive,
                                                                                                      build):
    """`## 05` in the minutes of agenda item 5 (or the other way round), as a pack prints its numbers: the agenda
    did not link the minute, and nothing said so, the two numbers having none in common."""
    edit(archive, JC_MINUTES, "## 5 Joint public health commissioning", "## 05 Joint public health commissioning")
    five = 'ref: "5"'  # the agenda's item 5
    assert warnings_after(build, archive) == [at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 05 Joint"),
        "minute 05 and agenda item 5 (Joint public health commissioning) are numbered alike but for zeros in front, "
        "so the agenda does not link the minute; give them one number, here (`## 5 Joint public health "
        "commissioning`) or in content/meetings/jc/2019-11-05/meeting.md (line "
        f"{line_of(archive, 'meetings/jc/2019-11-05/meeting.md', five)})", "warning")]


@pytest.mark.parametrize("status", ["approved", "draft"])
def test_a_minute_heading_pasted_without_its_hashes_is_a_warning_on_its_line_and_the_one_message(archive, build,
                                                                                                 status):
    """`TB/19/15<tab>Any other business`, as a PDF's table of minutes gives its rows: the item ran on into the one
    above it, and nothing said so of draft minutes; of approved ones, only that the agenda item had no minute."""
    edit(archive, MINUTES, "status: approved", f"status: {status}")
    edit(archive, MINUTES, "## TB/19/15 Any other business", "TB/19/15\tAny other business")
    # of these minutes: draft, the joint committee's call-in of TB/19/13 is told it does not link yet
    assert [m for m in warnings_after(build, archive) if m.startswith(f"content/{MINUTES}:")] == [
        at(MINUTES, line_of(archive, MINUTES, "TB/19/15\tAny"),
        "this line starts with agenda item TB/19/15's number and title, but is no heading, so the item is minuted as "
        "part of TB/19/14; if it is the item's heading, put `## ` before it", "warning")]


def test_paper_for_another_item_than_the_one_that_lists_it_is_a_warning_naming_both(archive, build):
    """The paper's page and the agenda would each link it to a different item."""
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "item: TB/19/13", "item: TB/19/15")
    assert [m for m in warnings_after(build, archive) if "is for item" in m] == [at(
        paper, line_of(archive, paper, "item:"), "Paper A is for item 'TB/19/15', but it is listed under item "
        f"TB/19/13; correct `item:` here, or the item that lists it (content/{MEETING}:"
        f"{line_of(archive, MEETING, 'ref: TB/19/13')})", "warning")]


def test_paper_for_a_part_of_the_item_that_lists_it_is_not_a_contradiction(archive, build):
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "item: TB/19/13", 'item: "13.1"')
    assert [m for m in warnings_after(build, archive) if "is for item" in m] == []

# --- minutes ------------------------------------------------------------------------------------

def test_minute_numbered_otherwise_than_its_agenda_item_is_a_warning_naming_both(archive, build):
    """The agenda links an item's minute by its number: this one would lose the link without a word."""
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/51 Any other business")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(MINUTES, line_of(
        archive, MINUTES, "## TB/19/51"), "minute TB/19/51 is not on the agenda, and agenda item TB/19/15 (Any "
        "other business) has no minute; if they are the same item, give them one number, here or in "
        f"content/{MEETING} (line {line_of(archive, MEETING, 'ref: TB/19/15')}): the agenda links an item's "
        "minute by its number", "warning")]


def test_minutes_numbered_on_through_the_year_apart_from_the_agenda_are_a_warning_naming_the_number_to_give(
        archive, build):
    """A council numbers its minutes on through the municipal year (41, 42, ...) while each agenda numbers its
    items from 1: with no number in common, the agenda linked none of its items to its minute, and nothing said so."""
    jc, jc_minutes = "meetings/jc/2019-11-05/meeting.md", "meetings/jc/2019-11-05/minutes.md"
    for old, new in [("## 1. Welcome", "## 41. Welcome"), ("## 5 Joint", "## 42 Joint"), ("## 5.1 Sexual", "## 43 Sexual"),
                     ("## 7 Call-in", "## 44 Call-in")]:
        edit(archive, jc_minutes, old, new)
    first_item = line_of(archive, jc, 'ref: "1"')
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(jc_minutes, line_of(
        archive, jc_minutes, "## 41. Welcome"), "minutes 41 to 44 share no number with the agenda's items 1 to 7, "
        "though they have its items' titles (minute 41 is agenda item 1, Welcome and apologies), so the agenda links "
        f"none of its items to its minute; name each agenda item's minute in content/{jc}, as `minute: \"41\"` under "
        f"`ref: \"1\"` (line {first_item}), keeping the pack's numbers", "warning")]


def test_an_agenda_items_minute_that_the_minutes_do_not_have_is_told_the_minute_with_its_title(archive, build):
    """`minute: "24"` for 42: the agenda would link no minute for the item, and the minute no agenda item."""
    council_numbered(archive)
    edit(archive, JC_MEETING, 'minute: "42"', 'minute: "24"')
    assert errors_after(build, archive) == [at(JC_MEETING, line_of(archive, JC_MEETING, 'minute: "24"'), "agenda "
        f"item 5 (Joint public health commissioning) names minute 24, which content/{JC_MINUTES} does not have; "
        'write `minute: "42"`, the minute with its title, or take `minute:` out if the item has no minute')]


def test_an_agenda_items_minute_that_the_minutes_do_not_have_is_told_the_nearest_number_where_no_title_matches(
        archive, build):
    council_numbered(archive)
    edit(archive, JC_MEETING, 'minute: "44"', 'minute: "45"')
    edit(archive, JC_MINUTES, "## 44 Call-in: Healthy Weight Strategy", "## 44 Scrutiny of a decision")
    assert errors_after(build, archive) == [at(JC_MEETING, line_of(archive, JC_MEETING, 'minute: "45"'), "agenda "
        f"item 7 (Call-in: Healthy Weight Strategy) names minute 45, which content/{JC_MINUTES} does not have; write "
        'the number of its minute (`minute: "44"` is the nearest no item names), or take `minute:` out if the item '
        "has no minute")]


def test_two_agenda_items_naming_one_minute_is_an_error_on_the_second(archive, build):
    """The minute would be linked from both, and its page name only the first."""
    council_numbered(archive)
    edit(archive, JC_MEETING, 'minute: "42"', 'minute: "41"')
    assert errors_after(build, archive) == [at(JC_MEETING, line_of(archive, JC_MEETING, 'minute: "41"', 2), "agenda "
        "items 1 and 5 both name minute 41, so the minute is linked from two items; in item 5, write "
        '`minute: "42"`, the minute with its title, or take `minute:` out if it has no minute')]


@pytest.mark.parametrize("added", [False, True])
def test_two_agenda_items_naming_each_others_minutes_are_one_warning_naming_both(archive, build, added):
    """Items 5.1 and 7 name minutes 44 and 43, which the minutes have in order with each other's titles: every
    minute had an item and every item a minute, so nothing was said, and each minute's page named the other item.
    With business added at the meeting (a minute 45 the agenda does not have), it was a warning on each minute."""
    council_numbered(archive)
    if added:
        edit(archive, JC_MINUTES, "## 44 Call-in", "## 45 Urgent business\n\nNoted.\n\n## 44 Call-in")
    edit(archive, JC_MEETING, 'minute: "43"', 'minute: "44"')
    edit(archive, JC_MEETING, 'minute: "44"\n    title: "Call-in', 'minute: "43"\n    title: "Call-in')
    item_7 = line_of(archive, JC_MEETING, 'minute: "43"')
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(JC_MEETING, line_of(
        archive, JC_MEETING, 'minute: "44"'), "agenda items 5.1 (Sexual health services) and 7 (Call-in: Healthy "
        "Weight Strategy) name each other's minutes: minute 44, which item 5.1 names, has the title of item 7, and "
        "minute 43 that of item 5.1; swap their `minute:`, `minute: \"43\"` for item 5.1 and `minute: \"44\"` for "
        f"item 7 (line {item_7})", "warning")]


def test_a_minute_of_an_item_the_agenda_marks_confidential_is_found_by_the_minute_the_item_names(archive, build):
    """The pack's item 5, taken in private, is minute 42: unsaid, that minute would be published in full."""
    council_numbered(archive)
    edit(archive, JC_MEETING, '    minute: "42"\n', '    minute: "42"\n    confidential: true\n')
    item_5 = agenda_item(archive, JC_MEETING, 'ref: "5"', "agenda item 5, 'Joint public health commissioning'")
    assert [m for m in errors_after(build, archive) if JC_MINUTES in m] == [at(JC_MINUTES, line_of(
        archive, JC_MINUTES, "## 42 Joint"), f"{item_5} is marked confidential, but its minute does not say whether "
        "it is: the minute would be published in full; write `confidential: yes` in the minute's ```item block, or "
        "`confidential: no` if it may be published"),
        at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 43 Sexual"), f"{item_5} is marked confidential, and 5.1 with "
        "it, but its minute does not say whether it is: the minute would be published in full; write "
        "`confidential: yes` in the minute's ```item block, or `confidential: no` if it may be published")]


def test_approved_minutes_lacking_an_item_are_told_of_that_item_alone_among_items_naming_their_minutes(archive,
                                                                                                      build):
    """Once approved, an agenda item without a minute is a warning; those whose `minute:` names theirs are
    minuted, though no minute has their number."""
    council_numbered(archive)
    edit(archive, JC_MINUTES, "## 44 Call-in: Healthy Weight Strategy", "### Call-in: Healthy Weight Strategy")
    edit(archive, JC_MEETING, '    minute: "44"\n', "")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(JC_MEETING, line_of(
        archive, JC_MEETING, 'ref: "7"'), "agenda item 7 (Call-in: Healthy Weight Strategy) has no minute in the "
        "approved minutes; if it was not taken, add `status: deferred` or `status: withdrawn` to it; if it was, add "
        f"its heading, `## 7 ...`, to content/{JC_MINUTES}", "warning")]


NEXT_MEETING_ITEM = "  - ref: TB/19/15\n    title: Any other business\n    section: Closing business\n"


@pytest.mark.parametrize("status", ["approved", "draft"])
def test_minutes_not_renumbered_with_the_agenda_are_a_warning_naming_the_number_to_give(archive, build, status):
    """An item added to the agenda above any other business renumbers it; the minutes, written from the agenda
    before, still give any other business the old number, which is now the new item's. Approved, the clerk was
    told to add a heading for the agenda's any other business: a second one."""
    edit(archive, MINUTES, "status: approved", f"status: {status}")
    edit(archive, MEETING, NEXT_MEETING_ITEM, "  - ref: TB/19/15\n    title: Community transport review\n"
         + NEXT_MEETING_ITEM.replace("TB/19/15", "TB/19/16"))
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(MINUTES, line_of(
        archive, MINUTES, "## TB/19/15"), "minute TB/19/15 (Any other business) has the number of agenda item "
        "TB/19/15 (Community transport review), but the title of agenda item TB/19/16, which has no minute; if the "
        "agenda was renumbered, renumber the minutes to match (`## TB/19/16 Any other business`): the agenda links "
        "an item's minute by its number", "warning")]


def test_minutes_not_renumbered_with_the_agenda_are_a_warning_on_each_minute_under_another_items_number(archive,
                                                                                                       build):
    """With two items after the one added, any other business and the date of the next meeting, only the last
    minute was warned of: any other business's agenda number has a minute, the date of the next meeting."""
    edit(archive, MEETING, NEXT_MEETING_ITEM, "  - ref: TB/19/15\n    title: Community transport review\n"
         + NEXT_MEETING_ITEM.replace("TB/19/15", "TB/19/16") + "  - ref: TB/19/17\n    title: Date of next meeting\n")
    edit(archive, MINUTES, "There was no other business.\n", "There was no other business.\n\n## TB/19/16 Date of "
         "next meeting\n\nThe next meeting will be held on 20 June 2019.\n")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [
        at(MINUTES, line_of(archive, MINUTES, "## TB/19/15"), "minute TB/19/15 (Any other business) has the number "
           "of agenda item TB/19/15 (Community transport review), but the title of agenda item TB/19/16, whose number "
           "the minutes give to 'Date of next meeting'; if the agenda was renumbered, renumber the minutes to match "
           "(`## TB/19/16 Any other business`): the agenda links an item's minute by its number", "warning"),
        at(MINUTES, line_of(archive, MINUTES, "## TB/19/16"), "minute TB/19/16 (Date of next meeting) has the number "
           "of agenda item TB/19/16 (Any other business), but the title of agenda item TB/19/17, which has no minute; "
           "if the agenda was renumbered, renumber the minutes to match (`## TB/19/17 Date of next meeting`): the "
           "agenda links an item's minute by its number", "warning")]


def test_a_minute_is_not_taken_for_an_agenda_item_whose_title_is_like_its_own_letter_for_letter_only(archive,
                                                                                                      build):
    """`new meeting` minutes a body's first meeting 1 Apologies, 2 Declarations, 3 Any other business, 4 Date of next
    meeting; the clerk writes the pack's agenda first. "Date of next meeting" was taken for the agenda's "Minutes of
    previous meeting", as close letter for letter, and the clerk told to renumber the minute to that item's number."""
    edit(archive, MINUTES, "status: approved", "status: draft")
    edit(archive, MEETING, NEXT_MEETING_ITEM, "  - ref: TB/19/15\n    title: Petitions\n"
         "  - ref: TB/19/16\n    title: Minutes of previous meeting\n")
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/15 Date of next meeting")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == []


def test_agenda_item_without_a_minute_in_approved_minutes_is_a_warning_on_the_item(archive, build):
    edit(archive, MEETING, NEXT_MEETING_ITEM, NEXT_MEETING_ITEM + "  - ref: TB/19/16\n    title: Date of next meeting\n")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == [at(MEETING, line_of(
        archive, MEETING, "ref: TB/19/16"), "agenda item TB/19/16 (Date of next meeting) has no minute in the "
        "approved minutes; if it was not taken, add `status: deferred` or `status: withdrawn` to it; if it was, "
        f"add its heading, `## TB/19/16 ...`, to content/{MINUTES}", "warning")]


@pytest.mark.parametrize("change", ["deferred", "draft minutes", "other numbering", "added at the meeting"])
def test_agenda_and_minutes_that_differ_as_minutes_do_are_not_warned_about(archive, build, change):
    """An item not taken and marked so; minutes still being written; an agenda numbered 1, 2, 3 for minutes
    numbered TB/19/12 on; a minute for business raised on the day."""
    if change in ("deferred", "draft minutes"):
        edit(archive, MEETING, NEXT_MEETING_ITEM, NEXT_MEETING_ITEM + "  - ref: TB/19/16\n    title: Date of next "
             "meeting\n" + "    status: deferred\n" * (change == "deferred"))
    if change == "draft minutes":
        edit(archive, MINUTES, "status: approved", "status: draft")
    if change == "other numbering":
        for number, ref in enumerate(("TB/19/12", "TB/19/13", "TB/19/14", "TB/19/15"), start=1):
            edit(archive, MEETING, f"ref: {ref}\n", f'ref: "{number}"\n')
    if change == "added at the meeting":
        (archive / MINUTES).write_text((archive / MINUTES).read_text(encoding="utf-8")
                                       + "\n## TB/19/16 Urgent business\n\nNone.\n", encoding="utf-8")
    assert [m for m in warnings_after(build, archive) if "agenda" in m] == []


def test_control_characters_in_the_markdown_are_an_error_on_each_line_with_one(archive, build):
    """A bell and a Windows apostrophe mis-converted (U+0092), pasted in: they went into the pages and the search
    index, where the YAML's were an error. A form feed, which PDF text has between pages, is white space."""
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/15 Any other business\n\nThe\x07 Chair\x07 "
         "noted the thanks\nof the Board\u0092s members.\x0c")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, text), f"this line has a control "
        f"character ({code}) in it, which a browser cannot show; delete it: retype the text around it, as most "
        "editors do not show the character") for text, code in (("The\x07 Chair", "U+0007"), ("Board\u0092s",
                                                                                              "U+0092"))]


def test_a_list_pasted_from_a_pdf_with_its_bullets_is_a_warning_at_its_first_line(archive, build):
    """Markdown reads '• ' as text: the list's items ran together into one paragraph, without a word."""
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/15 Any other business\n\nThe Board noted:\n"
         "• the leaflet\n• the survey\n\n\u25aa and a third")
    assert [m for m in warnings_after(build, archive) if "starts with" in m] == [at(MINUTES, line_of(
        archive, MINUTES, text), f"this line starts with '{bullet}', as a list copied from a PDF does, which "
        "Markdown does not read as a list: the lines run together into one paragraph; write '- ' in place of each "
        f"'{bullet}'", "warning") for text, bullet in (("• the leaflet", "•"), ("\u25aa and a third", "\u25aa"))]


def test_minute_heading_without_a_valid_number(archive, build):
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## Other matters")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## Other matters"),
        "minute heading 'Other matters' does not start with a minute number; TB numbers items like "
        "'TB/19/15': write '## TB/19/15 Title'")]  # the number after the item above


def test_a_minute_heading_without_a_number_after_the_last_item_is_not_told_another_meetings_number(archive, build):
    """`## Date of next meeting` after June's last item, TB/19/22: it was told to write '## TB/19/23 Title', the
    number of the private session's minute that day, which made TB/19/23 twice, an error."""
    edit(archive, LATER_MINUTES, "within a mile.", "within a mile.\n\n## Date of next meeting\n\n16 January 2020.")
    private = "meetings/tb/2019-06-20-private/minutes.md"
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## Date of next"),
        "minute heading 'Date of next meeting' does not start with a minute number; TB numbers items like "
        f"'TB/19/23', minute TB/19/23 at content/{private}:{line_of(archive, private, '## TB/19/23')}: if it is part "
        "of TB/19/22, write '### Date of next meeting'; if it is an item of its own, write '## ' and the number its "
        "minutes give it")]
    edit(archive, LATER_MINUTES, "## Date of next meeting", "### Date of next meeting")
    assert messages(build(archive)) == []


def test_a_level_two_heading_numbering_a_part_of_another_meetings_minute_is_told_how_to_name_it(archive, build):
    """`## TB/19/13(a) Consultation` under June's action log, TB/19/13 being March's: it was told to write
    '## TB/19/13 Title' above it, which made TB/19/13 twice, an error. Written as told, it is a reference."""
    edit(archive, LATER_MINUTES, "The board reviewed the action log.",
         "The board reviewed the action log.\n\n## TB/19/13(a) Consultation\n\nThe leaflet is late.")
    assert errors_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "## TB/19/13(a)"),
        "minute heading 'TB/19/13(a) Consultation' numbers a part of minute TB/19/13, which is not the item above "
        f"it; minute TB/19/13 is at content/{MINUTES}:{line_of(archive, MINUTES, '## TB/19/13 ')}: if the heading "
        "names that part of it, make it a heading inside the item it belongs to: write '### Consultation "
        "(TB/19/13(a))', which links to it; else correct its number")]
    edit(archive, LATER_MINUTES, "## TB/19/13(a) Consultation", "### Consultation (TB/19/13(a))")
    assert messages(build(archive)) == []


@pytest.mark.parametrize("written, minutes, told, on_agenda", [
    ("### TB/19/23 Staffing", "meetings/tb/2019-06-20-private/minutes.md", "write '### Staffing', without the "
     "number: a private meeting's minutes are never published, and the number would link to nothing", True),
    ("### TB/20/1 Annual report", "meetings/tb/2020-01-16/minutes.md", "write '### Annual report (TB/20/1)', which "
     "links to the agenda's row for it until those minutes, a draft, are approved, and then to it", True),
    ("### TB/20/1 Annual report", "meetings/tb/2020-01-16/minutes.md", "write '### Annual report (TB/20/1)', which "
     "links to it once those minutes, a draft, are approved (until then the number links to nothing, a warning)",
     False)])
def test_a_heading_naming_a_minute_not_published_is_told_how_the_name_it_is_told_to_write_links(
        archive, build, written, minutes, told, on_agenda):
    """It was told to write '### Staffing (TB/19/23)', 'which links to it', of a private meeting's minute: the
    public site has no page for it, and the number was then a reference that does not resolve, a new warning. So
    too a minute of draft minutes, until they are approved, but where an agenda lists it."""
    if not on_agenda:
        edit(archive, "meetings/tb/2020-01-16/meeting.md", "agenda:\n  - ref: TB/20/1\n    title: Director of Public "
             "Health annual report\n    presenter: carol-singh\n", "")
    edit(archive, LATER_MINUTES, "The board reviewed the action log.",
         f"The board reviewed the action log.\n\n{written}\n\nNoted.")
    heading, number = written.lstrip("#").strip(), written.split()[1]
    assert warnings_after(build, archive) == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, written), f"the heading '{heading}' starts with minute "
           f"number {number}, but only a '## ' heading at the start of a line starts an item, so it is read as part "
           f"of TB/19/21, and minute {number} is at content/{minutes}:{line_of(archive, minutes, '## ' + number)}; "
           f"if it names that minute, {told}; if it is an item of its own, write '## ' and its own number", "warning")]
    edit(archive, LATER_MINUTES, written, told.split("'")[1])
    assert warnings_after(build, archive) == ([] if on_agenda else [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "### Annual report"), "reference 'TB/20/1' does not "
           f"resolve: minute TB/20/1 is in draft minutes (content/{minutes}:{line_of(archive, minutes, '## TB/20/1')})"
           ", which are not published until they are approved; once a meeting has approved them, write `status: "
           "approved` in them, and the reference links; till then it is shown as text, without a link", "warning")])


@pytest.mark.parametrize("written, minutes, told", [
    ("### TB/19/23 Staffing", PRIVATE_MINUTES, "write '### Staffing', without the number: a private meeting's "
     "minutes are never published, and the number would link to nothing"),
    ("### TB/20/1 Annual report", DRAFT_MINUTES, "write '### Annual report (TB/20/1)', which links to the agenda's "
     "row for it until those minutes, a draft, are approved, and then to it"),
    ("### TB/19/13 Healthy weight", MINUTES, "write '### Healthy weight (TB/19/13)', which links to it")])
def test_a_heading_above_the_first_item_naming_another_meetings_minute_is_told_how_the_name_it_is_told_to_write_links(
        archive, build, written, minutes, told):
    """`### TB/19/23 Staffing` above June's first item was told to write '## TB/19/23 Staffing' (TB/19/23 twice, an
    error), or '### Staffing (TB/19/23)', 'which links to it', of a private meeting's minute that no page shows:
    the file alone was read, which cannot tell. Told as a heading inside an item is, knowing the archive."""
    edit(archive, LATER_MINUTES, "## TB/19/20 Minutes", f"{written}\n\nNoted.\n\n## TB/19/20 Minutes")
    heading, number = written.lstrip("#").strip(), written.split()[1]
    line = line_of(archive, LATER_MINUTES, written)
    assert messages(build(archive)) == [
        at(LATER_MINUTES, line, f"the heading '{heading}' starts with minute number {number}, but only a '## ' "
           f"heading at the start of a line starts an item, so it and the text after it, up to the first item on line "
           f"{line + 4}, belong to no item; minute {number} is at content/{minutes}:"
           f"{line_of(archive, minutes, '## ' + number)}: if the heading names it, move it under the item it belongs "
           f"to and {told}; if it is an item of its own, write '## ' and its own number")]


def test_a_minute_heading_without_a_number_where_the_next_number_is_the_item_below_is_told_no_number(archive,
                                                                                                   build):
    """`## Matters arising` between TB/19/12 and TB/19/13: it was told to write '## TB/19/13 Title', which made
    TB/19/13 twice. With no number free for it, it is most likely a heading inside the item above."""
    edit(archive, MINUTES, "## TB/19/13 Healthy", "## Matters arising\n\nNone.\n\n## TB/19/13 Healthy")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## Matters arising"),
        "minute heading 'Matters arising' does not start with a minute number; TB numbers items like 'TB/19/13', "
        f"the item's on line {line_of(archive, MINUTES, '## TB/19/13 ')}: if it is part of TB/19/12, write '### "
        "Matters arising'; if it is an item of its own, write '## ' and the number its minutes give it")]
    edit(archive, MINUTES, "## Matters arising", "### Matters arising")
    assert messages(build(archive)) == []


def test_a_minute_heading_in_error_is_not_also_warned_of_as_an_agenda_item_without_a_minute(archive, build):
    """The item is left out of the minutes while the error stands; the agenda's check would only repeat it."""
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## Other matters")
    result = build(archive)
    assert [m for m in messages(result) if MINUTES in m or MEETING in m] == [at(MINUTES, line_of(
        archive, MINUTES, "## Other matters"),
        "minute heading 'Other matters' does not start with a minute number; TB numbers items like 'TB/19/15': "
        "write '## TB/19/15 Title'")]


JC_MINUTES = "meetings/jc/2019-11-05/minutes.md"


@pytest.mark.parametrize("relative, old, written, meant", [
    (JC_MINUTES, "5 Joint public health commissioning", "Item 5 Joint public health commissioning",
     "5 Joint public health commissioning"),
    (JC_MINUTES, "5.1 Sexual health services", "5(a) Sexual health services", "5a Sexual health services"),
    (MINUTES, "TB/19/15 Any other business", "Min. No. TB/19/15 Any other business", "TB/19/15 Any other business"),
    # as Word's numbered lists write the number: told only "JC numbers items like '5 (or 5.1)'"
    (JC_MINUTES, "7 Call-in: Healthy Weight Strategy", "7) Call-in: Healthy Weight Strategy",
     "7 Call-in: Healthy Weight Strategy"),
    (JC_MINUTES, "7 Call-in: Healthy Weight Strategy", "(7) Call-in: Healthy Weight Strategy",
     "7 Call-in: Healthy Weight Strategy")])
def test_minute_heading_with_its_number_written_as_other_bodies_packs_write_it(archive, build, relative, old,
                                                                               written, meant):
    """"Item 5", "Min. No. 45", "3(a)": given the heading as the body's numbering writes it, not a template."""
    edit(archive, relative, f"## {old}", f"## {written}")
    assert [m for m in errors_after(build, archive) if "minute heading" in m] == [at(relative, line_of(
        archive, relative, f"## {written}"), f"minute heading '{written}' does not start with a minute number; "
        f"write '## {meant}'")]


def test_minute_heading_without_a_number_is_given_the_agendas_number_for_its_title(archive, build):
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## Any  Other Business")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## Any  Other Business"),
        "minute heading 'Any  Other Business' does not start with a minute number; the agenda numbers it: write "
        "'## TB/19/15 Any other business'")]


def test_first_minute_heading_without_a_number_is_shown_one_of_its_meetings_year(archive, build):
    minutes = "meetings/tb/2020-01-16/minutes.md"
    edit(archive, minutes, "## TB/20/1 Director", "## The Director")  # a title the agenda does not give
    assert [m for m in errors_after(build, archive) if "minute heading" in m] == [at(minutes, line_of(
        archive, minutes, "## The Director"), "minute heading 'The Director of Public Health annual report' does not "
        "start with a minute number; TB numbers items like 'TB/20/70': write '## TB/20/70 Title'")]


def test_minute_heading_with_a_character_that_shows_as_nothing_in_its_number(archive, build):
    """Pasted from a PDF or a web page: the heading looked right, and the message quoted it as it looked."""
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/\u200b15 Any other business")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/\u200b15"),
        "minute heading 'TB/19/\\u200b15 Any other business' has a character in it that shows as nothing, pasted "
        "with the text, so it does not start with a minute number; type the heading again: '## TB/19/15 Any other "
        "business'")]


def test_minute_number_run_on_into_a_word_is_not_a_number(archive, build):
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/15a Any other business")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/15a"),
        "minute heading 'TB/19/15a Any other business' does not start with a minute number; TB numbers items like "
        "'TB/19/15': write '## TB/19/15 Title'")]


@pytest.mark.parametrize("number", ["TB/19/15:", "TB/19/15.", "TB/19/15 -", "TB/19/15 –",
                                    "TB / 19/ 15:"])  # spaces inside the number, as a PDF gives it
def test_minute_number_followed_by_a_colon_full_stop_or_dash_is_read_as_the_number(archive, build, tmp_path,
                                                                                      number):
    edit(archive, MINUTES, "## TB/19/15 Any other business", f"## {number} Any other business")
    result = build(archive, tmp_path / "out")
    assert result.ok and messages(result) == []
    page = (tmp_path / "out/tb/2019/tb-19-15/index.html").read_text(encoding="utf-8")
    assert '<h1><span class="ref">TB/19/15</span> Any other business</h1>' in page


def test_minute_heading_without_a_title(archive, build):
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/15")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/15"),
        "minute item TB/19/15 has no title; write '## TB/19/15 Title'")]


def _printing_zeros(archive) -> None:
    """TB printing its numbers TB/19/012, and the March minutes written so."""
    edit(archive, "bodies/tb.md", 'numbering: "TB/{yy}/{n}"', 'numbering: "TB/{yy}/{nnn}"')
    for n in (12, 13, 14, 15):
        edit(archive, MINUTES, f"## TB/19/{n} ", f"## TB/19/0{n} ")


def test_a_minute_heading_without_a_title_is_told_the_number_as_its_body_prints_it(archive, build):
    """Told to write '## TB/19/15 Title', the clerk of a body printing TB/19/015 got a warning for that too."""
    _printing_zeros(archive)
    edit(archive, MINUTES, "## TB/19/015 Any other business", "## TB/19/015")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/015"),
        "minute item TB/19/015 has no title; write '## TB/19/015 Title'")]


def test_a_heading_written_with_a_word_before_the_number_is_given_as_its_body_prints_it(archive, build):
    _printing_zeros(archive)
    edit(archive, MINUTES, "## TB/19/015 Any other business", "## Min. No. TB/19/015 Any other business")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## Min. No."),
        "minute heading 'Min. No. TB/19/015 Any other business' does not start with a minute number; write "
        "'## TB/19/015 Any other business'")]


def test_headings_read_as_part_of_an_item_name_the_numbers_as_their_body_prints_them(archive, build):
    """The clerk wrote TB/19/012 and TB/19/016: the warnings said TB/19/12 and TB/19/16, found in neither file."""
    _printing_zeros(archive)
    edit(archive, MINUTES, "## TB/19/013 ", "### TB/19/016 Not an item\n\n##TB/19/017 Nor this\n\n## TB/19/013 ")
    assert [m for m in warnings_after(build, archive) if "starts with minute number" in m] == [
        at(MINUTES, line_of(archive, MINUTES, "### TB/19/016"), "the heading 'TB/19/016 Not an item' starts with "
           "minute number TB/19/016, but only a '## ' heading at the start of a line starts an item, so it is read "
           "as part of TB/19/012; write '## TB/19/016 Not an item' if it is an item of its own", "warning"),
        at(MINUTES, line_of(archive, MINUTES, "##TB/19/017"), "the line '##TB/19/017 Nor this' starts with minute "
           "number TB/19/017, but without a space after '##' it is no heading, so it is read as part of TB/19/012; "
           "write '## TB/19/017 Nor this'", "warning")]


def test_text_before_the_first_minute_item(archive, build):
    """Minutes copied from a PDF begin with who was there: the message says where that goes."""
    edit(archive, MINUTES, "approved_at: tb/2019-06-20\n---\n", "approved_at: tb/2019-06-20\n---\n\nPresent: all.\n\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "Present: all."),
        "text before the first minute item belongs to no item; move it under the heading of the item it belongs to "
        "(the first, '## TB/19/12 Apologies and declarations of i…', is on line "
        f"{line_of(archive, MINUTES, '## TB/19/12')}); who attended goes in meeting.md, under `attendance:`")]

def test_minutes_with_text_and_no_minute_heading_are_shown_how_an_item_starts(archive, build):
    (archive / LATER_MINUTES).write_text("---\nstatus: approved\n---\n\nThe board noted the reports.\n",
                                         encoding="utf-8")
    assert [m for m in errors_after(build, archive) if "first minute item" in m] == [at(LATER_MINUTES, 5,
        "text before the first minute item belongs to no item; start each item with a heading such as "
        "'## TB/19/20 Minutes of the meeting held on 14 March 2019'")]  # the agenda's first item


def test_minutes_with_text_no_minute_heading_and_no_agenda_are_shown_a_number_of_the_meetings_year(archive, build):
    edit(archive, "meetings/tb/2019-06-20/meeting.md", "agenda:", "not_an_agenda_any_more:")
    (archive / LATER_MINUTES).write_text("---\nstatus: approved\n---\n\nThe board noted the reports.\n",
                                         encoding="utf-8")
    assert at(LATER_MINUTES, 5, "text before the first minute item belongs to no item; start each item with a "
              "heading such as '## TB/19/70 Title'") in errors_after(build, archive)


def test_two_item_blocks_in_one_item(archive, build):
    edit(archive, MINUTES, "There was no other business.",
         "```item\nlead: ada-lovelace\n```\n\n```item\nlead: carol-singh\n```\n\nThere was no other business.")
    second = line_of(archive, MINUTES, "```item", occurrence=5)  # items 12, 13 and 14 have one each
    assert errors_after(build, archive) == [at(MINUTES, second,
        "minute item TB/19/15 has more than one ```item block; merge them into one")]


@pytest.mark.parametrize("written", ["tb/2019-06-21", "2019-06-21"], ids=["body-folder", "folder-alone"])
def test_approved_at_naming_no_meeting_is_a_warning_on_its_line_naming_the_bodys_nearest_meetings(archive, build,
                                                                                                   written):
    """Written as body/folder already: the message said to write it as body/folder, and the folder was what the
    clerk had to look at. The folder alone is the body's, as adjourned_to's is: told the same. The private session
    among them is said to be one, which the minutes' page would not name as approving them: it was listed as any
    other."""
    edit(archive, MINUTES, "approved_at: tb/2019-06-20", f"approved_at: {written}")
    assert warnings_after(build, archive) == [at(
        MINUTES, line_of(archive, MINUTES, "approved_at:"), "approved_at names no meeting 'tb/2019-06-21': no meeting "
        "of tb is in the folder 2019-06-21 (yet); tb's nearest later meetings are in 2019-06-20, 2019-06-20-private "
        "and 2020-01-16; its meeting of 20 June 2019 was held in private, which no link reaches: write the one meant, "
        "or add the meeting (`minutebook new meeting --body tb --date 2019-06-21`), or leave approved_at out until it "
        "is added", "warning")]


def test_approved_at_naming_a_meeting_yet_to_be_added_after_the_bodys_last_is_a_warning_saying_to_add_it(archive,
                                                                                                         build):
    """A clerk transcribing a body's meetings in turn writes the approving meeting before adding it: the message
    gave an unrelated meeting (22 August 2019) as an example of what they had written."""
    minutes = "meetings/tb/2020-01-16/minutes.md"
    edit(archive, minutes, "status: draft", "status: draft\napproved_at: tb/2020-02-20")
    assert warnings_after(build, archive) == [at(
        minutes, line_of(archive, minutes, "approved_at:"), "approved_at names no meeting 'tb/2020-02-20': no meeting "
        "of tb is in the folder 2020-02-20 (yet); tb has no later meeting in the archive: add the meeting (`minutebook "
        "new meeting --body tb --date 2020-02-20`), or leave approved_at out until it is added", "warning")]


@pytest.mark.parametrize("written, said", [
    ("tbb/2019-06-20", ": there is no body 'tbb'; did you mean 'tb'?"),  # the body misspelt
    ("20 June 2019", "; write it as body/folder, e.g. tb/2019-06-20 (tb's next meeting), or leave it out"),
])
def test_approved_at_naming_no_body_or_not_written_as_body_folder_is_a_warning_saying_so(archive, build, written,
                                                                                          said):
    edit(archive, MINUTES, "approved_at: tb/2019-06-20", f"approved_at: {written}")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "approved_at:"),
                                                 f"approved_at names no meeting '{written}'{said}", "warning")]


def test_approved_at_naming_a_folder_of_the_body_without_the_body_is_that_meeting(archive, build, tmp_path):
    """`approved_at: 2020-01-16`, the folder alone, as rearranged_to and adjourned_to take one: it was a warning
    saying to write tb/2020-01-16, and the page said "Approved" without the meeting that approved them."""
    edit(archive, MINUTES, "approved_at: tb/2019-06-20", "approved_at: 2020-01-16")
    assert build(archive, tmp_path / "site").report.items == []
    assert ("/tb/2020/2020-01-16/", "Health and Wellbeing Board, 16 January 2020") in \
        page(tmp_path / "site", "/tb/2019/2019-03-14/").links()


@pytest.mark.parametrize("written, entry", [
    ("    - name: Priya Shah\n", "    - name: Cllr Frank Turner\n"),  # deputising, as the pack lists them
    ("    - name: Oliver Quigley\n", "    - name: Cllr Lovelace\n"),  # absent, by the register's alias
])
def test_a_person_of_the_register_written_as_a_name_not_in_it_is_a_warning_naming_them(archive, build, written,
                                                                                       entry):
    """`name:` publishes a name as written, unlinked: 'Cllr Frank Turner' was shown so beside the register's
    'Councillor Ada Lovelace' in one list, where every other page shows him as the register writes him."""
    edit(archive, MEETING, written, entry)
    name = entry.split("name: ")[1].strip()
    person, shown = ("frank-turner", "Councillor Frank Turner") if "Turner" in name else \
        ("ada-lovelace", "Councillor Ada Lovelace")
    assert warnings_after(build, archive) == [at(
        MEETING, line_of(archive, MEETING, entry.strip()), f"'{name}' is written as a name not in the register, but "
        f"the register has {shown} ({person}) by it: it is published as written, without a link to their page; write "
        f"{person} in its place (`person: {person}` for a `name:` line), to show them as the register names them; if "
        "it is someone else of that name, add them to the register", "warning")]


def test_a_person_of_the_register_written_in_braces_as_a_name_not_in_it_is_a_warning(archive, build):
    edit(archive, MINUTES, "    moved_by: ada-lovelace", "    moved_by: {name: Councillor Ada Lovelace}")
    assert [m for m in warnings_after(build, archive) if "not in the register" in m] == [at(
        MINUTES, line_of(archive, MINUTES, "moved_by: {name:"), "'Councillor Ada Lovelace' is written as a name not in "
        "the register, but the register has Councillor Ada Lovelace (ada-lovelace) by it: it is published as written, "
        "without a link to their page; write ada-lovelace in its place (`person: ada-lovelace` for a `name:` line), "
        "to show them as the register names them; if it is someone else of that name, add them to the register",
        "warning")]


def test_approved_at_naming_a_private_meeting_is_a_warning_and_the_page_says_approved_naming_no_meeting(archive,
                                                                                                        build,
                                                                                                        tmp_path):
    """The private session of the day the board met in public, named for the public one: nothing was said, and the
    page said "Approved" without the meeting, the clerk never told why. It names nothing of the private meeting
    still: neither a link, its title nor its date."""
    edit(archive, MINUTES, "approved_at: tb/2019-06-20", "approved_at: tb/2019-06-20-private")
    result = build(archive, tmp_path / "site")
    assert messages(result) == [at(
        MINUTES, line_of(archive, MINUTES, "approved_at:"), "approved_at names tb/2019-06-20-private, a meeting held "
        "in private (content/meetings/tb/2019-06-20-private/meeting.md), which is never published: this meeting's page "
        "says 'Approved', without naming the meeting; if they were approved at tb/2019-06-20, the public meeting that "
        "day, write `approved_at: tb/2019-06-20`; if the minutes were approved in private, take approved_at out, as "
        "the page says nothing of a private meeting either way", "warning")]
    html = (tmp_path / "site/tb/2019/2019-03-14/index.html").read_text(encoding="utf-8")
    facts = html.split("<dt>Minutes</dt>", 1)[1].split("</dd>", 1)[0]
    assert " ".join(re.sub(r"<[^>]+>", " ", facts).split()) == "Approved"
    assert "CANARY-PRIVATE" not in html and "20 June 2019" not in facts


def test_minutes_approved_at_their_own_meeting_is_an_error_on_the_approved_at_line(archive, build):
    edit(archive, MINUTES, "approved_at: tb/2019-06-20", "approved_at: tb/2019-03-14")
    assert errors_after(build, archive) == [at(
        MINUTES, line_of(archive, MINUTES, "approved_at:"), "the minutes are approved at their own meeting: minutes "
        "are approved at a later one; write the meeting that approved them, or leave approved_at out until they are")]


def test_the_chair_among_the_apologies_is_a_warning_on_their_line(archive, build):
    edit(archive, MEETING, "chair: ada-lovelace", "chair: dev-patel")
    assert warnings_after(build, archive) == [at(
        MEETING, line_of(archive, MEETING, "    - dev-patel"), "Mr Dev Patel is listed as giving apologies, but "
        "is named as the meeting's chair; correct `chair:` (whoever chaired in their place), or take them out of "
        "apologies", "warning")]


def test_minutes_approved_before_their_meeting_is_an_error_on_the_approved_at_line(archive, build):
    edit(archive, LATER_MINUTES, "status: approved", "status: approved\napproved_at: tb/2019-03-14")
    assert errors_after(build, archive) == [at(
        LATER_MINUTES, line_of(archive, LATER_MINUTES, "approved_at:"), "the minutes are approved at tb/2019-03-14, "
        "which is before the meeting itself; check approved_at")]


# --- meetings that did not take place -----------------------------------------------------------------

CALLED_OFF = "meetings/tb/2019-04-11/meeting.md"


def _called_off(archive, fields: str) -> None:
    """A meeting of the board on 11 April 2019, with an agenda only, and `fields` in its meeting.md."""
    path = archive / CALLED_OFF
    path.parent.mkdir(parents=True)
    path.write_text(f"---\nbody: tb\ndate: 2019-04-11\n{fields}agenda:\n  - ref: TB/19/16\n    title: Budget\n---\n",
                    encoding="utf-8")


def test_minutes_a_log_or_attendance_of_a_meeting_that_did_not_take_place_are_errors(archive, build):
    edit(archive, LATER, "start: 2pm", "start: 2pm\nstatus: cancelled")
    fix = f"if the meeting was held, take `status: cancelled` out of meeting.md (line {line_of(archive, LATER, 'status:')}); if it was not, remove "
    assert errors_after(build, archive) == [
        at(LOG, 1, "an action log presented at a meeting that did not take place (meeting.md says `status: "
           f"cancelled`); {fix}this file, or move it to the meeting that considered it"),
        at(LATER, line_of(archive, LATER, "present:"), "attendance recorded for a meeting that did not take place "
           f"(this file says `status: cancelled`); {fix}its attendance"),
        at(LATER_MINUTES, 1, "minutes of a meeting that did not take place (meeting.md says `status: cancelled`); "
           f"{fix}this file")]


@pytest.mark.parametrize("written, rearranged, hint", [
    # misspelt: what to write, and nothing else (the rearranged_to of a status mistyped is not reported too)
    ("canceled", "rearranged_to: tb/2020-01-16\n", "write cancelled"),
    ("held", "", "leave status out for a meeting held, or to be held, as planned"),
    # the minutes' status written in meeting.md: where it goes
    ("approved", "", "the minutes' status goes in minutes.md; leave status out of meeting.md for a meeting held, "
                     "or to be held, as planned")])
def test_a_meeting_status_other_than_cancelled_or_postponed_is_an_error_with_what_to_write(archive, build, written,
                                                                                          rearranged, hint):
    _called_off(archive, f"status: {written}\n{rearranged}")
    assert errors_after(build, archive) == [at(CALLED_OFF, 4, f"status: '{written}' is not one of: cancelled, "
                                                              f"postponed; {hint}")]


def test_rearranged_to_without_a_status_is_an_error(archive, build):
    _called_off(archive, "rearranged_to: tb/2020-01-16\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 4, "rearranged_to is for a meeting that did not take "
                                               "place, but this one has no status; add `status: postponed` (or "
                                               "`status: cancelled`), or take rearranged_to out")]


@pytest.mark.parametrize("written, message", [
    ("2020-01-61", "rearranged_to names no meeting 'tb/2020-01-61'; did you mean 'tb/2020-01-16'?"),  # a folder
    # alone: of the same body
    ("tb/2019-04-11", "rearranged_to names this meeting itself (tb/2019-04-11); name the meeting arranged instead, "
                      "as body/folder")])
def test_rearranged_to_naming_no_meeting_or_the_meeting_itself_is_an_error(archive, build, written, message):
    _called_off(archive, f"status: postponed\nrearranged_to: {written}\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 5, message)]


def test_rearranged_to_naming_no_meeting_suggests_the_bodys_meeting_nearest_its_date(archive, build):
    """2019-04-52 for 2019-04-25-rearranged: two digits swapped, and the rearranged meeting's folder longer than
    the date alone, so that by letters the folder of June's meeting was nearer."""
    _sitting(archive, "2019-04-25-rearranged")
    _called_off(archive, "status: postponed\nrearranged_to: 2019-04-52\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 5, "rearranged_to names no meeting 'tb/2019-04-52'; did "
                                                              "you mean 'tb/2019-04-25-rearranged'?")]


def test_rearranged_to_naming_no_meeting_nearest_a_private_one_says_the_suggestion_is_private(archive, build):
    """'tb/2019-06-20-privat' for the private session: suggested as any meeting, which no link from the public
    meeting's page would reach."""
    _called_off(archive, "status: postponed\nrearranged_to: tb/2019-06-20-privat\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 5, "rearranged_to names no meeting 'tb/2019-06-20-privat'; "
                                                              "did you mean 'tb/2019-06-20-private'? (its meeting of 20 "
                                                              "June 2019 was held in private, which no link reaches)")]


def test_rearranged_to_naming_a_meeting_that_cannot_be_loaded_is_not_reported_besides_its_error(archive, build):
    _called_off(archive, "status: postponed\nrearranged_to: tb/2019-06-20\n")
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "  venue: Committee Room 1, County Hall")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "venue:"),
        "malformed YAML: mapping values are not allowed in this context; check the indentation and that text "
        "containing ': ' or '#' is in quotes")]


# --- adjourned meetings ---------------------------------------------------------------------------

def _adjourned(archive, meeting: str, written: str) -> int:
    """`adjourned_to: written` in the meeting.md `meeting`, after its date; its line."""
    text = (archive / meeting).read_text(encoding="utf-8")
    date = re.search(r"^date: .*$", text, re.M).group(0)
    (archive / meeting).write_text(text.replace(date, f"{date}\nadjourned_to: {written}", 1), encoding="utf-8")
    return line_of(archive, meeting, "adjourned_to:")


def test_status_adjourned_is_an_error_saying_to_give_the_sitting_it_reconvened_at(archive, build):
    _called_off(archive, "status: adjourned\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 4, "status: 'adjourned' is not one of: cancelled, "
                                               "postponed; an adjourned meeting was held: leave status out, and give "
                                               "the folder of the sitting at which it reconvened in adjourned_to")]


def test_adjourned_to_naming_no_meeting_is_an_error_naming_the_nearest_folder(archive, build):
    line = _adjourned(archive, MEETING, "2019-06-21")
    assert errors_after(build, archive) == [at(MEETING, line, "adjourned_to names no meeting 'tb/2019-06-21'; did "
                                                              "you mean 'tb/2019-06-20'?")]


def test_adjourned_to_naming_a_sitting_yet_to_be_added_after_the_bodys_last_meeting_gives_the_command(archive,
                                                                                                       build):
    """The docs say adjourned_to may be written before the sitting is started: the clerk who did so was told to
    write a folder named with the first sitting's date, where the sitting is one `new meeting --reconvenes` adds."""
    meeting = "meetings/tb/2020-01-16/meeting.md"
    line = _adjourned(archive, meeting, "2020-01-23-reconvened")
    assert errors_after(build, archive) == [at(meeting, line, "adjourned_to names no meeting "
        "'tb/2020-01-23-reconvened'; add the sitting (`minutebook new meeting --body tb --date 2020-01-23 --folder "
        "2020-01-23-reconvened --reconvenes 2020-01-16`), or take adjourned_to out")]


def _sitting(archive, folder: str, minutes: str = "") -> None:
    """A sitting of the board in `folder` (named with its date), with approved `minutes` if any."""
    sitting = archive / "meetings/tb" / folder
    sitting.mkdir()
    (sitting / "meeting.md").write_text(f"---\nbody: tb\ndate: {folder[:10]}\n---\n", encoding="utf-8")
    if minutes:
        (sitting / "minutes.md").write_text(f"---\nstatus: approved\n---\n{minutes}", encoding="utf-8")


def test_adjourned_to_naming_no_meeting_suggests_the_bodys_later_meeting_nearest_its_date(archive, build):
    """2019-03-12 for 2019-03-21-reconvened: two digits swapped, and the reconvened sitting's folder longer than
    the date alone, so that by letters the folder of June's meeting was nearer."""
    _sitting(archive, "2019-03-21-reconvened")
    line = _adjourned(archive, MEETING, "2019-03-12")
    assert errors_after(build, archive) == [at(MEETING, line, "adjourned_to names no meeting 'tb/2019-03-12'; did "
                                                              "you mean 'tb/2019-03-21-reconvened'?")]


def test_a_reconvened_sitting_whose_minutes_do_not_run_on_from_the_first_sittings_is_a_warning(archive, build):
    """The board's meeting of 14 March 2019, minuted to TB/19/15, reconvened on 21 March with its minutes
    numbered afresh from the standing items on, as a meeting of its own would be."""
    line = _adjourned(archive, MEETING, "2019-03-21-reconvened")
    _sitting(archive, "2019-03-21-reconvened", "## TB/19/24 Pharmacy\n\nNoted.\n")
    assert warnings_after(build, archive) == [at(
        "meetings/tb/2019-03-21-reconvened/minutes.md", 4, "minute TB/19/24 is the first of this reconvened "
        "sitting, but the last minute of the sitting it continues (tb/2019-03-14, 14 March 2019) is TB/19/15; an "
        "adjourned meeting's minutes are numbered on from sitting to sitting: number this sitting's minutes from "
        f"TB/19/16, or correct the adjourned_to at content/{MEETING}:{line}", "warning")]


def test_a_meeting_adjourned_to_a_sitting_that_is_adjourned_back_to_it_is_the_error_of_that_sitting_alone(
        archive, build):
    """A cycle of adjournments cannot be, as each sitting is after the one before: the one that breaks the order
    is the error, and following the sittings from the first stops there, with no other message."""
    _adjourned(archive, MEETING, "2019-03-21-reconvened")
    _sitting(archive, "2019-03-21-reconvened", "## TB/19/16 Pharmacy\n\nNoted.\n")
    back = _adjourned(archive, "meetings/tb/2019-03-21-reconvened/meeting.md", "2019-03-14")
    assert errors_after(build, archive) == [at(
        "meetings/tb/2019-03-21-reconvened/meeting.md", back, "adjourned_to names tb/2019-03-14, of 14 March 2019, "
        "not after this meeting (21 March 2019); name the sitting at which the meeting reconvened, on a later day (a "
        "meeting resumed the same day is one sitting: take adjourned_to out)")]


def test_adjourned_to_naming_the_meeting_itself_is_an_error(archive, build):
    line = _adjourned(archive, MEETING, "tb/2019-03-14")
    assert errors_after(build, archive) == [at(MEETING, line, "adjourned_to names this meeting itself "
                                                              "(tb/2019-03-14); name the folder of the sitting at "
                                                              "which the meeting reconvened")]


@pytest.mark.parametrize("written, said", [("2019-03-14", "tb/2019-03-14, of 14 March 2019"),  # earlier
                                           ("2019-06-20-private", "tb/2019-06-20-private, of 20 June 2019")],  # same day
                         ids=["earlier", "same-day"])
def test_adjourned_to_naming_a_meeting_not_after_it_is_an_error(archive, build, written, said):
    line = _adjourned(archive, LATER, written)
    assert errors_after(build, archive) == [at(LATER, line, f"adjourned_to names {said}, not after this meeting (20 "
                                                            "June 2019); name the sitting at which the meeting "
                                                            "reconvened, on a later day (a meeting resumed the same "
                                                            "day is one sitting: take adjourned_to out)")]


def test_adjourned_to_naming_another_bodys_meeting_is_an_error(archive, build):
    line = _adjourned(archive, MEETING, "jc/2019-11-05")
    assert errors_after(build, archive) == [at(MEETING, line, "adjourned_to names jc/2019-11-05, a meeting of another "
                                                              "body; an adjourned meeting reconvenes as the same body: "
                                                              "name a sitting of tb, or take adjourned_to out")]


def test_adjourned_to_naming_a_meeting_that_did_not_take_place_is_an_error(archive, build):
    _called_off(archive, "status: postponed\n")
    line = _adjourned(archive, MEETING, "2019-04-11")
    assert errors_after(build, archive) == [at(MEETING, line, "adjourned_to names tb/2019-04-11, which did not take "
                                                              "place (its meeting.md says `status: postponed`); name "
                                                              "the sitting at which the meeting reconvened, or take "
                                                              "status out of that meeting.md if it was held")]


def test_adjourned_to_on_a_meeting_that_did_not_take_place_is_an_error(archive, build):
    _called_off(archive, "status: cancelled\nadjourned_to: 2019-06-20\n")
    assert errors_after(build, archive) == [at(CALLED_OFF, 5, "adjourned_to is for a meeting that was held, but this "
                                               "one says `status: cancelled`; take adjourned_to out (a meeting called "
                                               "off names the one arranged in its place in rearranged_to), or take "
                                               "status out if the meeting was held")]


def test_two_meetings_adjourned_to_one_sitting_is_an_error_on_the_second(archive, build):
    _called_off(archive, "adjourned_to: 2019-06-20\n")
    first = _adjourned(archive, MEETING, "2019-06-20")
    assert errors_after(build, archive) == [at(CALLED_OFF, 4, "adjourned_to names tb/2019-06-20, which tb/2019-03-14 "
                                               f"is adjourned to too (at content/{MEETING}:{first}); a sitting "
                                               "continues one meeting: correct the adjourned_to of one of them")]


def test_a_number_of_the_first_sitting_used_again_at_the_reconvened_one_is_used_twice(archive, build):
    """The minute numbers run on across the sittings of an adjourned meeting, unique in the body as any others."""
    _adjourned(archive, MEETING, "2019-03-21")
    sitting = archive / "meetings/tb/2019-03-21"
    sitting.mkdir()
    (sitting / "meeting.md").write_text("---\nbody: tb\ndate: 2019-03-21\n---\n", encoding="utf-8")
    (sitting / "minutes.md").write_text("---\nstatus: approved\n---\n## TB/19/16 Pharmacy\n\nNoted.\n\n"
                                        "## TB/19/15 Any other business\n\nNone.\n", encoding="utf-8")
    assert errors_after(build, archive) == [at("meetings/tb/2019-03-21/minutes.md", 8, "minute number TB/19/15 is "
                                               "used twice in TB (first at content/meetings/tb/2019-03-14/minutes.md:"
                                               f"{line_of(archive, MINUTES, '## TB/19/15')}); renumber one of them; numbers must be "
                                               "unique within the body")]


def test_adjourned_to_naming_a_meeting_that_cannot_be_loaded_is_not_reported_besides_its_error(archive, build):
    _adjourned(archive, MEETING, "2019-06-20")
    edit(archive, LATER, "venue: Committee Room 1, County Hall", "  venue: Committee Room 1, County Hall")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "venue:"),
        "malformed YAML: mapping values are not allowed in this context; check the indentation and that text "
        "containing ': ' or '#' is in quotes")]


# --- actions ------------------------------------------------------------------------------------

def test_action_ids_that_would_name_one_page_or_none_are_errors(archive, build):
    edit(archive, MINUTES, "    due: next meeting\n", "    due: next meeting\n  - id: Leaflet\n    owner: carol-singh\n"
         "    text: Print the leaflet.\n    due: 2019-05-31\n  - id: '?'\n    owner: carol-singh\n"
         "    text: Post the leaflet.\n    due: 2019-05-31\n")
    assert errors_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "  - id: Leaflet"), "action id 'TB/19/13#Leaflet' and 'TB/19/13#leaflet' "
           f"(line {line_of(archive, MINUTES, '  - id: leaflet')}) would have one page between them; give each "
           "action its own `id:`"),
        at(MINUTES, line_of(archive, MINUTES, "  - id: '?'"), "the action id '?' has no letter from A to Z or digit, "
           "of which its page's address is made; give it an id of letters and digits, e.g. leaflet, or leave `id:` "
           "out to number it")]


def test_an_action_id_too_long_for_an_address_is_an_error(archive, build):
    written = "print-the-leaflet-" * 6
    edit(archive, MINUTES, "    due: next meeting\n", f"    due: next meeting\n  - id: {written}\n    owner: "
         "carol-singh\n    text: Print the leaflet.\n    due: 2019-05-31\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"  - id: {written}"),
        f"the action id 'print-the-leaflet-print-the-leaflet-prin…' is {len(written)} characters long, and its page's "
        "address is made of it; give it a short id, e.g. leaflet; what is to be done goes in `text:`")]


def test_duplicate_action_id(archive, build):
    edit(archive, MINUTES, "  - id: leaflet", '  - id: "1"')
    # the action log no longer has a TB/19/13#leaflet to update
    edit(archive, LOG, "  - action: TB/19/13#leaflet\n    status: not-started\n"
                       "    progress: Waiting for the final text of the strategy.\n", "")
    first = line_of(archive, MINUTES, "  - owner: carol-singh")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, '  - id: "1"'),
        f"action id 'TB/19/13#1' is used twice in this item (first on line {first}); give each action its "
        "own `id:`")]


# --- an action written in the minutes' text alone -------------------------------------------------

UNTRACKED = ("'{}' records an action in the text of minute {} only, not under `actions:`, so it is not tracked: it has "
             "no id, page or place on the action tracker; to track it, ")
NO_BLOCK = "give the item an ```item block listing it under `actions:` as "
UNRECORDED = ("'{}' records a decision in the text of minute {} only, not under `resolutions:`, so the minute's page "
              "shows no decision and the open data has none; to record it, ")
NO_RESOLUTIONS_BLOCK = "give the item an ```item block listing it under `resolutions:` as "


@pytest.mark.parametrize("written, quoted, fields", [
    ("ACTION: CS to circulate the revised plan by 30 June 2019", "ACTION: CS to circulate the revised plan by 30 June "
     "2019", "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019`"),
    ("Action – Dev Patel to report back to the next meeting", "Action – Dev Patel to report back to the next meeting",
     "`- owner: dev-patel`, `text: Report back`, `due: next meeting`"),
    ("The board asked that schools be told of the allotments (Action: FT)", "(Action: FT)",
     "`- owner: frank-turner`, `text: The board asked that schools be told of the allotments`"),
    ("The board asked for a report on school meals.\n\n**Action:** ET", "Action: ET",
     "`- owner: eve-turner`, `text: The board asked for a report on school meals.`"),
    ("The board asked for a map of the sites. ACTION: AL/DP", "ACTION: AL/DP",
     "`- owner: [ada-lovelace, dev-patel]`, `text: The board asked for a map of the sites.`"),
    ("- Actions - BO to write to the schools by June 2019", "Actions - BO to write to the schools by June 2019",
     "`- owner: brian-okafor`, `text: Write to the schools`, `due: June 2019`"),
    # the owner's column of a PDF's table, run on after the sentence: what is to be done is the sentence's, without
    # its owner and due date, as the line's own would be (it was the whole sentence, "Dr Singh to ... 2019.")
    ("Dr Singh to circulate the revised plan by 30 June 2019.\tACTION: CS", "ACTION: CS",
     "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019`"),
])
def test_an_action_written_in_the_text_alone_is_a_warning_naming_the_entry_to_write(archive, build, written, quoted,
                                                                                     fields):
    """Minutes pasted from a Word or PDF pack record actions where they were agreed, in the text: the tracker has
    only those an item's ```item block lists, and an action in the text alone was lost without a word. The owner
    is the person the register knows by the name or initials written, the due date one `due:` reads."""
    edit(archive, MINUTES, "There was no other business.", written)
    line = line_of(archive, MINUTES, written.split("\n")[-1].lstrip("- "))
    assert warnings_after(build, archive) == [at(MINUTES, line, UNTRACKED.format(quoted, "TB/19/15") + NO_BLOCK
                                                 + fields, "warning")]


@pytest.mark.parametrize("written, problem, field, entry", [
    ("Action: Dev Patel to send the board his declaration by 2019-04-01.", UNTRACKED.format(
        "Action: Dev Patel to send the board his declaration by 2019-…", "TB/19/12"), "actions",
     "`- owner: dev-patel`, `text: Send the board his declaration`, `due: 2019-04-01` (1 April 2019)"),
    ("It was RESOLVED: That Priya Shah's declaration be noted.", UNRECORDED.format(
        "RESOLVED: That Priya Shah's declaration be noted.", "TB/19/12"), "resolutions",
     "`- That Priya Shah's declaration be noted.`"),
], ids=["action", "decision"])
def test_an_action_or_decision_in_the_text_of_an_item_whose_block_lists_none_is_told_to_go_in_the_block(
        archive, build, written, problem, field, entry):
    edit(archive, MINUTES, "Priya Shah attended as his deputy.", f"Priya Shah attended as his deputy.\n\n{written}")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written[:15]), problem
        + f"list it under `{field}:` in the item's ```item block (line {line_of(archive, MINUTES, '```item')}) as "
        + entry, "warning")]


@pytest.mark.parametrize("written, owner", [
    ("Action: XY to circulate the minutes", "`- owner:` the id of XY, whom the people register does not know by that "
     "name or initials"),
    ("Action: Finance Team to circulate the minutes", "`- owner:` who is to do it"),
])
def test_an_action_in_the_text_whose_owner_the_register_does_not_know_says_what_owner_is_for(archive, build, written,
                                                                                            owner):
    """Initials no one in the register has, or words that name no one (the action's text then, all of it)."""
    edit(archive, MINUTES, "There was no other business.", written)
    text = "Circulate the minutes" if "XY" in written else "Finance Team to circulate the minutes"
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        written, "TB/19/15") + NO_BLOCK + f"{owner}, `text: {text}`", "warning")]


def test_an_action_in_the_text_for_a_post_is_recorded_by_the_action_its_holder_owns_without_the_post(archive, build):
    """Council minutes name officers by post ("ACTION: Scrutiny Support Manager to add ..."): listed under
    `actions:` as the warning asked, owned by the post's holder and worded without the post, it was still said to be
    in the text only, its words the post's as much as the action's."""
    edit(archive, MINUTES, "There was no other business.", "ACTION: Finance Team to circulate the minutes.\n\n"
         "```item\nactions:\n  - owner: carol-singh\n    text: Circulate the minutes.\n    due: 2019-04-30\n```")
    assert [m for m in warnings_after(build, archive) if "records an action" in m] == []


FINANCE = ("  initials: FT\n", "  initials: FT\n  roles:\n    - title: Director of Finance\n")
TO_THE_MINISTER = "There was no other business."


def untracked(archive, build) -> list[str]:
    return [m for m in warnings_after(build, archive) if "records an action" in m]


def test_an_action_in_the_text_for_a_post_is_recorded_by_an_action_its_holder_owns(archive, build):
    """'ACTION: Director of Finance to ...' names whoever held the post that day, as `owner: Director of Finance`
    does: an action of theirs in the item records it, however it is worded."""
    edit(archive, "people.yaml", *FINANCE)
    edit(archive, MINUTES, TO_THE_MINISTER, "ACTION: Director of Finance to write to the minister.\n\n```item\n"
         "actions:\n  - owner: frank-turner\n    text: Send the letter agreed.\n    due: 2019-04-30\n```")
    assert untracked(archive, build) == []


@pytest.mark.parametrize("written, owner", [
    ("ACTION: Chair to write to the minister.", "ada-lovelace"),  # the meeting's chair
    ("ACTION: director of finance to write to the minister.", "frank-turner"),  # the register's holder that day
])
def test_an_action_in_the_text_for_a_post_is_told_to_be_owned_by_its_holder(archive, build, written, owner):
    edit(archive, "people.yaml", *FINANCE)
    edit(archive, MINUTES, TO_THE_MINISTER, written)
    assert untracked(archive, build) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        written, "TB/19/15") + NO_BLOCK + f"`- owner: {owner}`, `text: Write to the minister.`", "warning")]


@pytest.mark.parametrize("written, change, problem", [
    ("Chair", (MEETING, "chair: ada-lovelace\n", ""),
     f"'Chair' is read as the meeting's chair, and content/{MEETING} gives no `chair:`: add `chair: ada-lovelace` "
     f"(its attendance lists them as the chair) to content/{MEETING}, or write the person's id here"),
    ("The Chair", (MEETING, "chair: ada-lovelace", "chair: [ada-lovelace, eve-turner]"),
     "'The Chair' could be any of the meeting's 2 chairs: Councillor Ada Lovelace (ada-lovelace) or Councillor Eve "
     "Turner (eve-turner): write the id of the one meant"),
    (HWB_CHAIR, ("people.yaml", "  initials: FT\n", f"  initials: FT\n  roles:\n    - title: {HWB_CHAIR}\n"),
     f"'{HWB_CHAIR}' is a post more than one person in the register held on 14 March 2019: Councillor Ada "
     "Lovelace (ada-lovelace) at Testshire County Council from 1 May 2018 and Councillor Frank Turner "
     "(frank-turner) at Southvale District Council: write the post with the organisation of the one meant "
     f"(`{HWB_CHAIR}, Testshire County Council` or `{HWB_CHAIR}, Southvale District Council`), or their id"),
    (HWB_CHAIR, ("people.yaml", "      from: 2018-05-01\n", "      from: 2019-04-01\n"),
     f"'{HWB_CHAIR}' is a post no one in the register held on 14 March 2019: Councillor Ada Lovelace "
     "(ada-lovelace) held it from 1 April 2019: write the person who held it that day, or correct the dates of the "
     "role (`from`, `to`) in the people register"),
], ids=["no chair", "two chairs", "two holders", "no holder"])
def test_an_action_in_the_text_for_a_post_that_names_no_one_or_several_says_why_as_the_owners_field_would(
        archive, build, written, change, problem):
    """The line names no one to track the action for: the warning asks for the owner, saying what the owner's
    field would of the post, in its words."""
    edit(archive, *change)
    line = f"ACTION: {written} to reply."
    edit(archive, MINUTES, TO_THE_MINISTER, line)
    assert untracked(archive, build) == [at(MINUTES, line_of(archive, MINUTES, line), UNTRACKED.format(
        line, "TB/19/15") + NO_BLOCK + f"`- owner:` the person meant by '{written}' ({problem}), `text: Reply.`",
        "warning")]


@pytest.mark.parametrize("initials, owner", [
    ("DP", "`- owner: eve-turner`"),  # Dev Patel sent apologies: the ET at the meeting, as the text's ET links
    ("FT", "`- owner:` the id of the ET meant, eve-turner or frank-turner"),  # both at the meeting
])
def test_an_action_in_the_text_for_initials_two_people_share_names_the_one_at_the_meeting(archive, build, initials,
                                                                                          owner):
    edit(archive, "people.yaml", f"initials: {initials}", "initials: ET")
    edit(archive, MINUTES, "There was no other business.", "Action: ET to visit the allotments")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "Action: ET"), UNTRACKED.format(
        "Action: ET to visit the allotments", "TB/19/15") + NO_BLOCK + f"{owner}, `text: Visit the allotments`",
        "warning")]


@pytest.mark.parametrize("written, fields", [
    ("ACTION: Carol to circulate the revised plan by 30 June 2019", "`- owner: carol-singh`, `text: Circulate the "
     "revised plan`, `due: 30 June 2019`"),
    ("Action: Brian – write to the schools", "`- owner: brian-okafor`, `text: Write to the schools`"),  # attending
], ids=["present", "in-attendance"])
def test_an_action_in_the_text_for_a_first_name_names_the_one_person_at_the_meeting_who_has_it(archive, build,
                                                                                              written, fields):
    """"ACTION: Carol to ...", as colleagues name each other: the owner was left for the clerk to fill in, and
    'Carol' kept as words of the action's text, though one person at the meeting has that first name."""
    edit(archive, MINUTES, "There was no other business.", written)
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        written, "TB/19/15") + NO_BLOCK + fields, "warning")]


@pytest.mark.parametrize("first, change, problem", [
    ("Dev", None, "Mr Dev Patel (dev-patel, not at the meeting)"),  # he sent apologies
    ("Eve", ("eve-turner:\n", "eve-hart:\n  name: Eve Hart\neve-turner:\n"),
     "Eve Hart (eve-hart, at the meeting) and Councillor Eve Turner (eve-turner, at the meeting)"),
    ("Priya", ("eve-turner:\n", "priya-patel:\n  name: Priya Patel\neve-turner:\n"),
     "Priya Patel (priya-patel, not at the meeting) and Priya Shah (at the meeting, not in the people register)"),
], ids=["not-at-the-meeting", "two-at-the-meeting", "one-at-the-meeting-whom-the-register-does-not-know"])
def test_an_action_in_the_text_for_a_first_name_no_one_or_two_at_the_meeting_have_asks_for_the_person_meant(
        archive, build, first, change, problem):
    """Not read as a person's: "Will", "Mark", "Grace" and "May" are words as much as names, and a Will of the
    register whom the meeting never saw, or one of two there, is not for the site to guess."""
    if change:
        edit(archive, "people.yaml", *change)
        edit(archive, MEETING, "    - eve-turner\n", "    - eve-turner\n    - eve-hart\n") if first == "Eve" else None
    line = f"ACTION: {first} to write to the schools"
    edit(archive, MINUTES, "There was no other business.", line)
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, line), UNTRACKED.format(
        line, "TB/19/15") + NO_BLOCK + f"`- owner:` the person meant by '{first}' ({first} is the first name of "
        f"{problem}), `text: Write to the schools`", "warning")]


def test_an_action_in_the_text_without_a_people_register_names_its_owner_as_written(archive, build):
    (archive / "people.yaml").unlink()
    edit(archive, MINUTES, "There was no other business.", "Action: Carol Singh to visit the allotments")
    assert [m for m in warnings_after(build, archive) if "records an action" in m] == [at(MINUTES, line_of(
        archive, MINUTES, "Action: Carol"), UNTRACKED.format("Action: Carol Singh to visit the allotments", "TB/19/15")
        + NO_BLOCK + "`- owner: Carol Singh`, `text: Visit the allotments`", "warning")]


def test_an_action_in_the_text_that_its_item_also_lists_is_no_warning(archive, build):
    """The clerk kept the minutes as written and recorded the action too: by its owner, or by its words."""
    edit(archive, MINUTES, "Dr Singh presented the strategy", "ACTION: CS to publish the strategy online.\n\n"
         "Action: Healthwatch to produce an easy-read leaflet of the strategy\n\n(Action: BO)\n\n"
         "Dr Singh presented the strategy")
    assert warnings_after(build, archive) == []


@pytest.mark.parametrize("written", [
    "No further action was required.",
    "The Action Plan was noted.",
    "Action plan - the board noted it.",
    "### Actions arising",
    "Actions arising from the last meeting were reviewed on the actions tracker.",
    "| Item | Discussion | Lead responsible |\n| --- | --- | --- |\n| TB/19/15 | Action: write to the schools | CS |",
    "`Action: CS` is how the old minutes wrote it.",
    "```\nAction: CS to circulate the plan\n```",
    "Action: none",
    "ACTION: For information",
    "ACTION: No further action required.",
    "An action-oriented plan was agreed.",
])
def test_prose_about_actions_is_no_action_written_in_the_text(archive, build, written):
    edit(archive, MINUTES, "There was no other business.", written)
    assert warnings_after(build, archive) == []


def test_prose_about_actions_is_no_action_written_in_the_text_in_lists_links_and_tables(archive, build):
    """A list is of actions only under a line that is "ACTIONS:" alone, a heading "Actions" or a sentence saying
    the actions agreed, and then not an item that speaks of them; brackets are a link's, or an action's reference,
    when a link's or a reference's brackets follow; a table is of actions only with an "Action" column and one of
    who is to do it, and then not a row whose action is an agenda's purpose (once for each paper of the item, as a
    pack's agenda gives it for an item of several policies). The tables are those of real packs: an agenda's, minutes
    set out as a table, a plan's, a work programme's. (One build for all: any of them warned of would be a message on
    its line.)"""
    edit(archive, MINUTES, "There was no other business.", "\n\n".join([
        "| Time | Item | Description | Owner | Action | Format |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 13:00 | 1. | Welcome and apologies | Chair | Information | Verbal |\n"
        "| | 3. | Notes of the meeting held on 09 January 2020 | Chair | Approval | Attached |\n"
        "| | 7. | Commissioning Policies | A Bennett | Endorse | Attached |\n"
        "| | 10. | Medicine Management Policies | R Higgs (to follow) | Endorse  Endorse Endorse Endorse | Attached |",
        "| ITEM | DISCUSSION | LEAD RESPONSIBLE |\n| --- | --- | --- |\n"
        "| TB/19/15 | Mr Sanders to circulate the feedback. | Mr Gay |",
        "| Performance Management Framework Actions 2020/21 | Action Implemented | Expected Impact |\n"
        "| --- | --- | --- |\n| Resolve D2A issue | Q1 - 2020/21 | Release of 100 sessions |",
        "| Critical Performance KPI | Actions Required |\n| --- | --- |\n| Reduce overdue reviews | Scheduling |",
        "| Meeting Date | Topic | Actions arising |\n| --- | --- | --- |\n| 4 Sept 18 | Update on the STP | 1) Further "
        "meeting to be arranged. 2) A further report come back to the committee. |",
        "The action plan:\n\n- CS to write to the schools",
        "The action plan covers:\n\n- CS to write to the schools",
        "The board noted the actions agreed at the last meeting.\n\n- CS to write to the schools",
        "Actions arising:\n\n- CS to write to the schools",
        "### Actions arising\n\n- CS to write to the schools",
        "ACTIONS:\n\n- None\n- All actions from the last meeting were completed",
        "See [Action: the plan](https://www.testshire.example/plan) and [[action:TB/19/13#1]]."]))
    assert warnings_after(build, archive) == []


ASKED_FOR_A_MAP = "The board asked for a map of the sites."


@pytest.mark.parametrize("written, quoted, fields", [
    (f"{ASKED_FOR_A_MAP}\nAction by: ET", "Action by: ET",
     f"`- owner: eve-turner`, `text: {ASKED_FOR_A_MAP}`"),
    (f"{ASKED_FOR_A_MAP}\nAction: ET", "Action: ET", f"`- owner: eve-turner`, `text: {ASKED_FOR_A_MAP}`"),
    (f"{ASKED_FOR_A_MAP}\n**ACTION BY:** AL/DP, 30 June 2019", "ACTION BY: AL/DP, 30 June 2019",
     f"`- owner: [ada-lovelace, dev-patel]`, `text: {ASKED_FOR_A_MAP}`, `due: 30 June 2019`"),
    (f"{ASKED_FOR_A_MAP}\nAction by: Finance Team", "Action by: Finance Team",
     f"`- owner: {{name: Finance Team}}`, `text: {ASKED_FOR_A_MAP}`"),
    ("The board asked that schools be told of the allotments [Action: FT].", "[Action: FT]",
     "`- owner: frank-turner`, `text: The board asked that schools be told of the allotments`"),
    ("Action: CS to circulate the revised plan by 30 June", "Action: CS to circulate the revised plan by 30 June",
     "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019` (the line's '30 June' has no "
     "year: read as the first on or after the meeting's date, 14 March 2019)"),
    ("Action: CS to circulate the revised plan by 10 March", "Action: CS to circulate the revised plan by 10 March",
     "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 10 March 2020` (the line's '10 March' has no "
     "year: read as the first on or after the meeting's date, 14 March 2019)"),
    ("Action: BO to write to the schools by the end of March", "Action: BO to write to the schools by the end of "
     "March", "`- owner: brian-okafor`, `text: Write to the schools`, `due: March 2019` (the line's 'the end of "
     "March' has no year: read as the first on or after the meeting's date, 14 March 2019)"),
    ("Action: JC to review the allotments", "Action: JC to review the allotments",
     "`- owner: {body: jc}`, `text: Review the allotments`"),
    ("ACTION: TB to review the allotments by next meeting", "ACTION: TB to review the allotments by next meeting",
     "`- owner: {body: tb}`, `text: Review the allotments`, `due: next meeting`"),
    (f"{ASKED_FOR_A_MAP}\nAction: CS, 30 June 2019", "Action: CS, 30 June 2019",
     f"`- owner: carol-singh`, `text: {ASKED_FOR_A_MAP}`, `due: 30 June 2019`"),
    (f"{ASKED_FOR_A_MAP}\nAction: CS – by 30 June 2019", "Action: CS – by 30 June 2019",
     f"`- owner: carol-singh`, `text: {ASKED_FOR_A_MAP}`, `due: 30 June 2019`"),
], ids=["action-by", "action-under", "action-by-with-date", "action-by-someone-unknown", "square-brackets",
        "day-without-year", "day-before-the-meeting-without-year", "end-of-month", "body", "own-body",
        "action-under-with-date", "action-under-with-dash-and-date"])
def test_an_action_written_in_the_text_in_the_other_shapes_minutes_write_is_a_warning_naming_the_entry(
        archive, build, written, quoted, fields):
    """Who is to do it on a line of its own under what ("Action by: ET", "Action: CS, 30 June 2019"); in square
    brackets; a due date without its year, which minutes leave to the meeting's (the first such date on or after
    it, said to be so read); a body of the archive as the owner, which `owner:` names as `{body: slug}`, and anyone
    the register does not know on an "Action by" line, which names only owners, as `{name: ...}`."""
    edit(archive, MINUTES, "There was no other business.", written)
    line = line_of(archive, MINUTES, written.split("\n")[-1].strip("*"))
    assert warnings_after(build, archive) == [at(MINUTES, line, UNTRACKED.format(quoted, "TB/19/15") + NO_BLOCK
                                                 + fields, "warning")]


def test_an_action_in_the_text_naming_a_body_by_its_short_name_names_the_body(archive, build):
    edit(archive, "bodies/tb.md", "short_name: TB", "short_name: HWB")
    edit(archive, MINUTES, "There was no other business.", "Action: HWB to review the allotments")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "Action: HWB"), UNTRACKED.format(
        "Action: HWB to review the allotments", "TB/19/15") + NO_BLOCK + "`- owner: {body: tb}`, "
        "`text: Review the allotments`", "warning")]


@pytest.mark.parametrize("written, quoted", [
    ("Action: JHSC to review the allotments", "Action: JHSC to review the allotments"),
    ("Action: Testshire and Northvale Joint Committee to review the allotments",
     "Action: Testshire and Northvale Joint Committee to review th…"),
], ids=["short-name", "name"])
def test_an_action_in_the_text_naming_another_body_by_its_short_name_or_name_names_the_body(archive, build, written,
                                                                                            quoted):
    """A CCG board's minutes give the joint committee's actions by its short name or its name: the joint
    committee is the owner, as for the meeting's own body."""
    edit(archive, "bodies/jc.md", "short_name: JC", "short_name: JHSC")
    edit(archive, MINUTES, "There was no other business.", written)
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        quoted, "TB/19/15") + NO_BLOCK + "`- owner: {body: jc}`, `text: Review the allotments`",
        "warning")]


LISTED = (f"{ASKED_FOR_A_MAP}\n**ACTIONS:**\n\n- CS to circulate the revised plan by 30 June 2019\n"
          "- Write to the schools (BO)\n  - the primary schools first\n- AL/DP")


def test_each_item_of_a_list_under_actions_is_an_action_written_in_the_text(archive, build):
    """`ACTIONS:` on a line of its own, the actions listed under it, one an item: an item's own list is part of
    it, and an item that names only who is to do it is for what the text above says."""
    edit(archive, MINUTES, "There was no other business.", LISTED)
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        written, "TB/19/15") + NO_BLOCK + fields, "warning") for written, fields in [
        ("CS to circulate the revised plan by 30 June 2019",
         "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019`"),
        ("Write to the schools (BO)", "`- owner: brian-okafor`, `text: Write to the schools`"),
        ("AL/DP", f"`- owner: [ada-lovelace, dev-patel]`, `text: {ASKED_FOR_A_MAP}`")]]


@pytest.mark.parametrize("header", ["### Actions", "**Actions**", "#### Actions agreed"])
def test_each_item_of_a_list_under_a_heading_of_actions_is_an_action_written_in_the_text(archive, build, header):
    """A heading over the actions, as a Word pack's "Actions" heading is pasted, is read as `ACTIONS:` is."""
    edit(archive, MINUTES, "There was no other business.", f"{ASKED_FOR_A_MAP}\n\n{header}\n\n"
         "- CS to circulate the revised plan by 30 June 2019\n- AL/DP")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNTRACKED.format(
        written, "TB/19/15") + NO_BLOCK + fields, "warning") for written, fields in [
        ("CS to circulate the revised plan by 30 June 2019",
         "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019`"),
        ("AL/DP", f"`- owner: [ada-lovelace, dev-patel]`, `text: {ASKED_FOR_A_MAP}`")]]


@pytest.mark.parametrize("sentence", ["The board agreed the following actions:", "Actions agreed:",
                                      "The following actions were agreed:"])
def test_each_item_of_a_list_under_a_sentence_saying_the_actions_agreed_is_an_action_written_in_the_text(
        archive, build, sentence):
    """A sentence ending in a colon that says the list under it is of the actions agreed is read as `ACTIONS:` is
    ("The action plan covers:" is not: see the test of prose about actions)."""
    edit(archive, MINUTES, "There was no other business.", f"{sentence}\n\n- Write to the schools (BO)")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- Write to the schools"),
        UNTRACKED.format("Write to the schools (BO)", "TB/19/15") + NO_BLOCK + "`- owner: brian-okafor`, "
        "`text: Write to the schools`", "warning")]


def test_a_list_under_actions_agreed_in_capitals_is_of_actions_not_decisions(archive, build):
    """"AGREED" in capitals before a colon is over decisions ("It was AGREED:"), but not "ACTIONS AGREED:"."""
    edit(archive, MINUTES, "There was no other business.", "ACTIONS AGREED:\n\n- Write to the schools (BO)")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "- Write to the schools"),
        UNTRACKED.format("Write to the schools (BO)", "TB/19/15") + NO_BLOCK + "`- owner: brian-okafor`, "
        "`text: Write to the schools`", "warning")]


def test_each_row_of_a_table_of_actions_is_an_action_written_in_the_text(archive, build):
    """A PDF's action table pasted as a Markdown table: its "Action" column says what, its "Lead" (or "Owner",
    "By") column who, as an `Action by:` line names them (someone the register does not know as `{name: ...}`),
    and its "By when" (or "Due") column when, where `due:` reads it as a date (a "By" column giving a date, when
    too); a row of an agenda's purpose ("Information") is none."""
    edit(archive, MINUTES, "There was no other business.", "| Action | Lead | By when |\n| --- | --- | --- |\n"
         "| Circulate the revised plan | CS | 30 June 2019 |\n| Write to the schools by June 2019 | Finance Team | "
         "Ongoing |\n| Visit the allotments | AL/DP | by 30 June |\n| For information | CS | |\n\n"
         "| Action | By |\n| --- | --- |\n| Print the leaflet | 30 June 2019 |")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"| {written.split(' | ')[0]}"),
        UNTRACKED.format(written, "TB/19/15") + NO_BLOCK + fields, "warning") for written, fields in [
        ("Circulate the revised plan | CS | 30 June 2019",
         "`- owner: carol-singh`, `text: Circulate the revised plan`, `due: 30 June 2019`"),
        ("Write to the schools by June 2019 | Finance Team | Ongoing",
         "`- owner: {name: Finance Team}`, `text: Write to the schools`, `due: June 2019`"),
        ("Visit the allotments | AL/DP | by 30 June", "`- owner: [ada-lovelace, dev-patel]`, `text: Visit the "
         "allotments`, `due: 30 June 2019` (the line's '30 June' has no year: read as the first on or after the "
         "meeting's date, 14 March 2019)"),
        ("Print the leaflet | 30 June 2019", "`- owner:` who is to do it, `text: Print the leaflet`, "
         "`due: 30 June 2019`")]]


@pytest.mark.parametrize("written", [
    "ACTION: CS to circulate the revised plan (Action: CS)",
    f"{ASKED_FOR_A_MAP[:-1]} (Action: CS).\nAction by: CS",
], ids=["in-brackets-in-its-line", "in-brackets-and-on-a-line-below"])
def test_an_action_written_twice_in_the_text_is_one_warning(archive, build, written):
    edit(archive, MINUTES, "There was no other business.", written)
    assert len([m for m in warnings_after(build, archive) if "records an action" in m]) == 1


@pytest.mark.parametrize("written, quoted, due", [
    ("ACTION: CS to circulate the revised plan by 30 February 2020", "ACTION: CS to circulate the revised plan by 30 "
     "February 2020", "'30 February 2020' is not a real date: February 2020 has 29 days; check the day in the papers "
     "and write it as YYYY-MM-DD, e.g. 2020-02-29 if the month's last day is meant"),
    (f"{ASKED_FOR_A_MAP}\nAction: CS, 29 Feb 2019", "Action: CS, 29 Feb 2019", "'29 Feb 2019' is not a real date: 2019 "
     "is not a leap year, so February 2019 has 28 days; check the day in the papers and write it as YYYY-MM-DD, e.g. "
     "2019-02-28 if the month's last day is meant"),
    ("ACTION: CS to circulate the revised plan by 31 April", "ACTION: CS to circulate the revised plan by 31 April",
     "'31 April' is not a date: it has no year, and April has 30 days; check the day in the papers and write it with "
     "its year as YYYY-MM-DD, e.g. 2018-06-21"),
], ids=["by-a-day-february-lacks", "a-leap-day-in-no-leap-year-after-the-owner", "without-its-year"])
def test_an_action_in_the_text_due_on_a_day_its_month_does_not_have_is_told_why_as_a_due_field_is(archive, build,
                                                                                                 written, quoted, due):
    """'by 30 February 2020' was kept in the action's text, as words that are no date are, and the warning offered
    it as what is to be done, without a due date or a word of why: it is told as `due:` would tell it."""
    edit(archive, MINUTES, "There was no other business.", written)
    text = ASKED_FOR_A_MAP if "map" in written else "Circulate the revised plan"
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, quoted), UNTRACKED.format(
        quoted, "TB/19/15") + NO_BLOCK + f"`- owner: carol-singh`, `text: {text}`, `due:` the day it is due by (the "
        f"line's {due})", "warning")]


@pytest.mark.parametrize("written, actions", [
    (LISTED, 3),
    (f"{ASKED_FOR_A_MAP}\nAction by: Finance Team – by the end of April\n\nAction: JC to review the allotments "
     "[Action: JC]\n\nAction: CS to circulate the revised plan by 10 March", 3),
    (f"{ASKED_FOR_A_MAP}\nAction: CS, 30 June 2019\n\n### Actions agreed\n\n- Write to the schools (BO)\n\n"
     "| Action | Owner | Due |\n| --- | --- | --- |\n| Visit the allotments | Finance Team | 30 June |", 3),
], ids=["list", "lines", "heading-line-and-table"])
def test_an_action_in_the_text_listed_as_its_warning_says_is_no_warning(archive, build, written, actions):
    """What each warning says to write, written under the item's `actions:`, records its action."""
    edit(archive, MINUTES, "There was no other business.", written)
    entries = []
    for message in warnings_after(build, archive):
        fields = dict(re.findall(r"`-? ?(owner|text|due): ([^`]*)`", message))
        entries.append("".join(f"    {key}: {value}\n" for key, value in fields.items()).replace("    owner", "  - owner"))
    assert len(entries) == actions
    edit(archive, MINUTES, "## TB/19/15 Any other business\n", "## TB/19/15 Any other business\n\n```item\nactions:\n"
         + "".join(entries) + "```\n")
    assert [m for m in warnings_after(build, archive) if "records an action" in m] == []


# --- a decision written in the minutes' text alone -----------------------------------------------



@pytest.mark.parametrize("written, quoted, entry", [
    ("It was RESOLVED: That the report be received.", "RESOLVED: That the report be received.",
     "That the report be received."),
    ("RESOLVED – that the Board approves the revised plan. The chair thanked Dr Singh.",
     "RESOLVED – that the Board approves the revised plan.", "That the Board approves the revised plan."),
    ("The Committee RESOLVED to note the report.", "RESOLVED to note the report.", "Note the report."),
    ("Resolved: That the minutes be approved.", "Resolved: That the minutes be approved.",
     "That the minutes be approved."),
    ("It was AGREED that the item be deferred.", "AGREED that the item be deferred.", "That the item be deferred."),
    ("It was RESOLVED:\n\nThat the allotments open in May.", "RESOLVED: That the allotments open in May.",
     "That the allotments open in May."),
    ("It was **RESOLVED** to:\n\n- **RECEIVE** the report", "RECEIVE the report", '"**RECEIVE** the report"'),
    ("RESOLVED that:\n\n- the report be received", "the report be received", "That the report be received"),
    ("The Board:\n\n- APPROVED the allotments plan", "APPROVED the allotments plan",
     '"**APPROVE** the allotments plan"'),
    ("The Board:\n\n- **DEFERRED** the allotments plan", "DEFERRED the allotments plan",
     '"**DEFER** the allotments plan"'),
    ("It was resolved that the report be noted.", "It was resolved that the report be noted.",
     "That the report be noted."),
    ("The Committee agreed that the allotments open in May.", "The Committee agreed that the allotments open in May.",
     "That the allotments open in May."),
    ("The board resolved to look again at the allotments.", "The board resolved to look again at the allotments.",
     "Look again at the allotments."),
    ("Members discussed the plan. It was also agreed to meet again on 5 June.",
     "It was also agreed to meet again on 5 June.", "Meet again on 5 June."),
    ("4.3 The Health and Wellbeing Board unanimously agreed to defer the plan.",
     "The Health and Wellbeing Board unanimously agreed to defer t…", "Defer the plan."),
    ("The Board discussed the plan. It was agreed\nthat the allotments open in May.",
     "It was agreed that the allotments open in May.", "That the allotments open in May."),
    ("The Board agreed the revised terms of reference.", "The Board agreed the revised terms of reference.",
     '"**AGREE** the revised terms of reference."'),
    ("The Committee approved the budget.", "The Committee approved the budget.", '"**APPROVE** the budget."'),
    ("The **Committee** **approved** the budget.", "The Committee approved the budget.", '"**APPROVE** the budget."'),
    ("4.2 Members endorsed the allotments strategy, subject to one change.",
     "Members endorsed the allotments strategy, subject to one cha…",
     '"**ENDORSE** the allotments strategy, subject to one change."'),
], ids=["it-was-resolved", "resolved-dash-that", "body-resolved-to", "title-case", "agreed", "words-below",
        "list-under-resolved-to", "list-under-resolved-that", "list-under-the-board", "list-under-the-board-emphasis",
        "it-was-resolved-that", "committee-agreed-that", "board-resolved-to", "it-was-also-agreed-to",
        "numbered-paragraph", "wrapped", "board-agreed-the", "committee-approved-the", "emphasis",
        "members-endorsed-the"])
def test_a_decision_written_in_the_text_alone_is_a_warning_naming_the_resolution_to_write(archive, build, written,
                                                                                          quoted, entry):
    """Minutes pasted from a Word or PDF pack record what was RESOLVED in the text: the item's page and
    minutes.json have only what its `resolutions:` lists, and a decision in the text alone was in neither,
    without a word. The entry is the decision's words: after "to", or from "That"; a list's item as written; after
    "agreed", "approved" or "endorsed" without "that" or "to" ("The Board agreed the revised terms of reference."),
    the verb as resolutions write it, then what was decided."""
    edit(archive, MINUTES, "There was no other business.", written)
    line = line_of(archive, MINUTES, written.split("\n")[-1].lstrip("- ") if "\n- " in written else written[:15])
    assert warnings_after(build, archive) == [at(MINUTES, line, UNRECORDED.format(quoted, "TB/19/15")
                                                 + NO_RESOLUTIONS_BLOCK + f"`- {entry}`", "warning")]


def test_decisions_listed_one_to_a_line_joined_by_and_are_told_each_without_the_and(archive, build):
    """A council numbers the decisions under "RESOLVED:", each but the last ending "; and": the entry to write kept
    the "; and", which the item's page would show after each decision."""
    edit(archive, MINUTES, "There was no other business.", "RESOLVED:\n\n1) that the report be noted; and\n"
         "2) that an update be brought to the next meeting.")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNRECORDED.format(
        written, "TB/19/15") + NO_RESOLUTIONS_BLOCK + f"`- {entry}`", "warning") for written, entry in [
        ("that the report be noted; and", "That the report be noted"),
        ("that an update be brought to the next meeting.", "That an update be brought to the next meeting.")]]


def test_each_decision_of_a_list_under_the_board_is_a_warning_and_its_other_items_are_not(archive, build):
    """"The Board:" over a list is of decisions only where each opens with its verb in capitals, as minutes
    write them ("RECEIVED the report"); an item that does not (who was there, say) is no decision."""
    edit(archive, MINUTES, "There was no other business.", "The Board:\n\n- RECEIVED the allotments report\n"
         "- NOTED the risks to the school meals pilot\n- Dr Singh answered questions")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNRECORDED.format(
        written, "TB/19/15") + NO_RESOLUTIONS_BLOCK + f"`- {entry}`", "warning") for written, entry in [
        ("RECEIVED the allotments report", '"**RECEIVE** the allotments report"'),
        ("NOTED the risks to the school meals pilot", '"**NOTE** the risks to the school meals pilot"')]]


@pytest.mark.parametrize("verb, written", [
    ("APPROVED", "APPROVE"), ("NOTED", "NOTE"), ("RECEIVED", "RECEIVE"), ("AGREED", "AGREE"), ("ENDORSED", "ENDORSE"),
    ("SUPPORTED", "SUPPORT"), ("RATIFIED", "RATIFY"), ("DEFERRED", "DEFER"), ("SUBMITTED", "SUBMIT"),
    ("CANCELLED", "CANCEL"), ("CALLED", "CALL"), ("CONSIDERED", "CONSIDER"), ("DISCUSSED", "DISCUSS"),
    ("COMMISSIONED", "COMMISSION"), ("DECLINED", "DECLINE"), ("REQUIRED", "REQUIRE"), ("DELEGATED", "DELEGATE"),
    ("WELCOMED", "WELCOME"), ("ACKNOWLEDGED", "ACKNOWLEDGE"), ("AUTHORISED", "AUTHORISE"), ("REVIEWED", "REVIEW"),
    ("CONTINUED", "CONTINUE"), ("EXCLUDED", "EXCLUDE"), ("COMPLETED", "COMPLETE"), ("INVITED", "INVITE"),
    ("POSTPONED", "POSTPONE"), ("MONITORED", "MONITOR"), ("DELAYED", "DELAY"), ("ADDED", "ADD")])
def test_a_verb_a_list_under_the_board_writes_is_offered_as_resolutions_write_it(verb, written):
    """Resolutions write the verb as an instruction ("**APPROVE** the plan"), where "The Board:" lists what it
    did ("APPROVED the plan"): the entry offered is the resolution's."""
    assert inline_resolutions.present(verb) == written


def test_the_entry_offered_bolds_its_verb_not_a_bodys_initials_in_capitals(archive, build):
    """Any words in capitals an entry opened with were bolded as its verb: the initials of the body the decision
    names ("**HSCP** to report back"), those after the verb ("**NOTE NHS** Tayside's report"), and most of a decision
    written wholly in capitals; a verb before a colon was not bolded at all."""
    edit(archive, MINUTES, "There was no other business.", "AGREED: HSCP to report back to the next meeting.\n\n"
         "The Board:\n\n- NOTED NHS Tayside's report on waiting times\n\nIt was RESOLVED to:\n\n"
         "- RECEIVE THE ANNUAL REPORT OF THE NHS BOARD\n- APPROVE: the allotments plan, as amended")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, written), UNRECORDED.format(
        written, "TB/19/15") + NO_RESOLUTIONS_BLOCK + f"`- {entry}`", "warning") for written, entry in [
        ("AGREED: HSCP to report back to the next meeting.", "HSCP to report back to the next meeting."),
        ("NOTED NHS Tayside's report on waiting times", '"**NOTE** NHS Tayside\'s report on waiting times"'),
        ("RECEIVE THE ANNUAL REPORT OF THE NHS BOARD", '"**RECEIVE** THE ANNUAL REPORT OF THE NHS BOARD"'),
        ("APPROVE: the allotments plan, as amended", '"**APPROVE**: the allotments plan, as amended"')]]


@pytest.mark.parametrize("entry, offered", [
    ("NOT APPROVE the paper", "**NOT APPROVE** the paper"), ("NOTE AND ENDORSE the plan", "**NOTE AND ENDORSE** the plan"),
    ("PRIORITISE the CAMHS waiting list", "**PRIORITISE** the CAMHS waiting list"),
    ("NHS Board to APPROVE the plan", "NHS Board to APPROVE the plan"), ("THAT THE REPORT BE NOTED",
                                                                       "THAT THE REPORT BE NOTED")])
def test_the_verb_an_entry_opens_with_is_bolded_with_not_and_the_verbs_joined_to_it(entry, offered):
    assert inline_resolutions._in_bold(entry) == offered


def test_each_decision_of_a_paragraph_is_a_warning_on_its_line(archive, build):
    """Minutes write one decision after another in a paragraph; each is a decision to record, not the first alone."""
    edit(archive, MINUTES, "There was no other business.", "It was RESOLVED: That the report be received. It was "
         "further RESOLVED: That the allotments plan be approved.\nThe Committee agreed to defer the school meals "
         "pilot.\nResolved: That the chair sign the minutes.")
    first, below = line_of(archive, MINUTES, "It was RESOLVED"), line_of(archive, MINUTES, "The Committee agreed")
    assert below == first + 1 and line_of(archive, MINUTES, "Resolved: That the chair") == first + 2
    assert sorted(warnings_after(build, archive)) == sorted(at(MINUTES, line, UNRECORDED.format(quoted, "TB/19/15")
                                                               + NO_RESOLUTIONS_BLOCK + f"`- {entry}`", "warning")
                                                            for line, quoted, entry in [
        (first, "RESOLVED: That the report be received.", "That the report be received."),
        (first, "RESOLVED: That the allotments plan be approved.", "That the allotments plan be approved."),
        (below, "The Committee agreed to defer the school meals pilot.", "Defer the school meals pilot."),
        (first + 2, "Resolved: That the chair sign the minutes.", "That the chair sign the minutes.")])


def test_a_decision_in_the_text_its_item_records_as_an_action_is_no_warning(archive, build):
    """"It was agreed that an update be given at the next meeting" is recorded as the action it is: the item's
    `actions:` listing it in other words has it recorded, as its `resolutions:` would."""
    edit(archive, MINUTES, "## TB/19/15 Any other business\n\nThere was no other business.",
         "## TB/19/15 Any other business\n\n```item\nactions:\n  - owner: dev-patel\n    text: Send the board the "
         "allotments figures.\n    due: 2019-04-01\n```\n\nIt was RESOLVED: That Dev Patel send the board the "
         "allotments figures.")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == []


def test_a_decision_in_the_text_that_its_resolutions_record_in_other_words_is_no_warning(archive, build):
    """The clerk kept the minutes as written and recorded the decisions too, worded as resolutions are: "NOTED
    the consultation" is the item's "**NOTE** the results of the public consultation."."""
    edit(archive, MINUTES, "Dr Singh presented the strategy", "It was RESOLVED: That the Healthy Weight Strategy "
         "2019 to 2024 be approved.\n\nThe Board:\n\n- NOTED the consultation\n- APPROVED the strategy\n\n"
         "Dr Singh presented the strategy")
    assert warnings_after(build, archive) == []


def test_a_decision_in_the_text_recorded_as_its_warning_says_is_no_warning(archive, build):
    """What each warning says to write, written under the item's `resolutions:`, records its decision."""
    edit(archive, MINUTES, "There was no other business.", "It was RESOLVED: That the report be received.\n\n"
         "It was **RESOLVED** to:\n\n- **RECEIVE** the allotments report\n- APPROVE: the plan, as amended\n\n"
         "The Committee RESOLVED to note the risks.")
    entries = [re.search(r"as `(- .*)`$", message)[1] for message in warnings_after(build, archive)]
    assert len(entries) == 4
    edit(archive, MINUTES, "## TB/19/15 Any other business\n", "## TB/19/15 Any other business\n\n```item\n"
         "resolutions:\n" + "".join(f"  {entry}\n" for entry in entries) + "```\n")
    assert warnings_after(build, archive) == []


def test_a_decision_in_the_text_of_a_confidential_minute_is_no_warning(archive, build):
    """A confidential minute publishes neither its text nor its `resolutions:`: a decision written in its text alone
    is missing from nothing, and telling the clerk that the minute's page and the open data have none of it was
    telling them to publish what is not published."""
    edit(archive, MINUTES, "The board considered the offer for the land, CANARY-CONFIDENTIAL-7731.",
         "The board considered the offer for the land, CANARY-CONFIDENTIAL-7731.\n\nThe Board approved the sale of "
         "the land.")
    assert warnings_after(build, archive) == []


def test_a_decision_in_the_text_of_a_private_meetings_minutes_is_no_warning(archive, build):
    """A meeting held in private (`session: private`) publishes nothing of its minutes, as a confidential minute
    does not: the minutes' loader, not knowing the meeting's session, told the clerk the minute's page and the open
    data had no decision, which neither is to have."""
    edit(archive, PRIVATE_MINUTES, "The board discussed CANARY-PRIVATE-9090.", "The board discussed "
         "CANARY-PRIVATE-9090.\n\nIt was RESOLVED: That the settlement be approved.\n\nThe Board agreed the revised "
         "terms of the settlement.")
    assert warnings_after(build, archive) == []


@pytest.mark.parametrize("minutes, after, why", [
    (MINUTES, "The board considered the offer for the land, CANARY-CONFIDENTIAL-7731.", "the minute is confidential"),
    (PRIVATE_MINUTES, "The board discussed CANARY-PRIVATE-9090.", "its meeting is private"),
], ids=["confidential-minute", "private-meeting"])
def test_an_action_in_the_text_of_a_minute_not_published_is_told_without_asking_to_publish_it(archive, build, minutes,
                                                                                             after, why):
    """An action written only in the text of a confidential minute, or of a private meeting's, was told it "has no
    id, page or place on the action tracker", as if listing it would publish it: nothing of such a minute is. It is
    told still, as a private session's action log is asked to follow up the actions its `actions:` lists."""
    edit(archive, minutes, after, f"{after}\n\nACTION: DP to report the outcome by 31 July 2019")
    block = next(n for n in range(line_of(archive, minutes, "ACTION: DP"), 0, -1)
                 if (archive / minutes).read_text().split("\n")[n - 1] == "```item")
    assert warnings_after(build, archive) == [at(minutes, line_of(archive, minutes, "ACTION: DP"),
        "'ACTION: DP to report the outcome by 31 July 2019' records an action in the text of minute "
        f"{'TB/19/14' if minutes == MINUTES else 'TB/19/23'} only, not under `actions:`, so it is not tracked: no "
        f"private session's action log is asked for its progress (listed or not, it is not published, as {why}); to "
        f"follow it up in private, list it under `actions:` in the item's ```item block (line {block}) as "
        "`- owner: dev-patel`, `text: Report the outcome`, `due: 31 July 2019`", "warning")]


def test_the_minutes_approved_in_the_text_are_a_decision_the_minutes_items_resolution_records(archive, build):
    """Approving the minutes is a decision as any other: the minutes item's "**APPROVE** the minutes ... as a
    correct record" records it, and written alone it is a warning."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "It was agreed that the minutes were a correct record.")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == []
    edit(archive, LATER_MINUTES, '  - "**APPROVE** the minutes of the meeting held on 14 March 2019 as a correct '
         'record."\n', "")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "It was agreed"), UNRECORDED.format(
            "It was agreed that the minutes were a correct record.", "TB/19/20")
           + "list it under `resolutions:` in the item's ```item block (line "
           f"{line_of(archive, LATER_MINUTES, '```item')}) as `- That the minutes were a correct record.`", "warning")]


@pytest.mark.parametrize("written, quoted, entry", [
    ("The minutes of the meeting held on 14 March 2019 were approved as an accurate record of the meeting.",
     "The minutes of the meeting held on 14 March 2019 were approv…",
     '"**APPROVE** the minutes of the meeting held on 14 March 2019 as an accurate record of the meeting."'),
    ("1.1 The minutes of the last meeting were confirmed as a correct record and signed by the Chair.",
     "The minutes of the last meeting were confirmed as a correct…", '"**CONFIRM** the minutes of the last meeting '
     'as a correct record."'),
    ("The minutes were agreed.", "The minutes were agreed.", '"**AGREE** the minutes."'),
    ("The minutes of the meeting held on 14 March 2019 were agreed.",
     "The minutes of the meeting held on 14 March 2019 were agreed…",
     '"**AGREE** the minutes of the meeting held on 14 March 2019."'),
    ("The minutes of the meeting held on 14 March 2019 were approved, subject to the correction of a date, and "
     "signed by the Chair.", "The minutes of the meeting held on 14 March 2019 were approv…",
     '"**APPROVE** the minutes of the meeting held on 14 March 2019, subject to the correction of a date."'),
    ("The minutes of the last meeting were accepted as a true record.",
     "The minutes of the last meeting were accepted as a true reco…",
     '"**ACCEPT** the minutes of the last meeting as a true record."'),
    ("The minutes of the last meeting were agreed as a true and accurate record.",
     "The minutes of the last meeting were agreed as a true and ac…",
     '"**AGREE** the minutes of the last meeting as a true and accurate record."'),
    ("The Board approved the minutes of the meeting held on 14 March 2019.",
     "The Board approved the minutes of the meeting held on 14 Mar…",
     '"**APPROVE** the minutes of the meeting held on 14 March 2019."'),
], ids=["approved", "confirmed-and-signed", "agreed", "agreed-naming-the-meeting", "approved-subject-to",
        "accepted-as-a-true-record", "true-and-accurate", "board-approved-the-minutes"])
def test_the_minutes_approved_as_a_record_in_the_text_are_a_decision_any_approval_of_the_minutes_records(
        archive, build, written, quoted, entry):
    """Minutes taken from a pack say it in the passive (the CCB's of 21 June 2018: "The minutes of the Public
    Commissioning Collaborative Board meeting held in April 2018 were approved as an accurate record of the
    meeting."), and as often without "as a record" (the fixture's June minutes: "The minutes were agreed."), or "as
    a true and accurate record": written alone, it was in neither the item's page nor minutes.json, without a word.
    An entry approving the minutes records it, in whatever words it names the meeting ("the last meeting"); the
    entry offered is the approval without the chair's signing it."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", written)
    edit(archive, LATER_MINUTES, "the minutes of the meeting held on 14 March 2019 as a correct record.",
         "the minutes of the last meeting.")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == []
    edit(archive, LATER_MINUTES, '  - "**APPROVE** the minutes of the last meeting."\n', "")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == [
        at(LATER_MINUTES, line_of(archive, LATER_MINUTES, written), UNRECORDED.format(quoted, "TB/19/20")
           + "list it under `resolutions:` in the item's ```item block (line "
           f"{line_of(archive, LATER_MINUTES, '```item')}) as `- {entry}`", "warning")]


def test_a_resolution_confirming_the_minutes_in_the_text_is_recorded_by_any_entry_approving_them(archive, build):
    """A council's minutes resolve on the minutes as on any report ("RESOLVED: that the minutes of the meeting held
    on 14 March 2019 be confirmed as a correct record."): the item's "**APPROVE** the minutes of the last meeting."
    records it, as it records "The minutes were approved as a correct record.", where the clerk was told to list
    the resolution again in its own words."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.",
         "RESOLVED: that the minutes of the meeting held on 14 March 2019 be confirmed as a correct record.")
    edit(archive, LATER_MINUTES, "the minutes of the meeting held on 14 March 2019 as a correct record.",
         "the minutes of the last meeting.")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == []


def test_the_minutes_approved_in_the_text_are_recorded_by_an_entry_accepting_them(archive, build):
    """"ACCEPT the minutes" is an approval of them as "APPROVE" and "AGREE" are, whatever the text's verb."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were approved as a correct record.")
    edit(archive, LATER_MINUTES, "**APPROVE** the minutes of the meeting held on 14 March 2019 as a correct record.",
         "**ACCEPT** the minutes of the last meeting.")
    assert [m for m in warnings_after(build, archive) if "records a decision" in m] == []


def test_prose_that_speaks_of_decisions_is_no_decision_written_in_the_text(archive, build):
    """Only "RESOLVED" or "AGREED" in capitals followed by a colon, dash, "that" or "to", "Resolved:" opening a
    sentence, "resolved"/"agreed" then "that" or "to" and a verb after who decided ("It was", the meeting,
    "Members") opening a sentence, "agreed", "approved" or "endorsed" then what after the meeting where the sentence
    says no more, and the minutes' approval are read: not a person's undertaking, another's decision reported (as
    the seed packs' papers report the CCGs' and the LSCMMG's), a decision of another day ("in March 2018", "at its
    last meeting", "had agreed"), agreement with a statement ("agreed the figures were not"), a sentence saying more
    than the decision ("and asked", "which had"), another body's approval of its minutes, "agreed" about the
    minutes' being published or about the actions, agreement in the discussion mid-sentence, "noted" (the CCB
    minutes' "It was noted that", "The following apologies were noted:"), the "APPROVED" those minutes end with for
    the chair's signature, "AGREED actions". (One build for all: any warned of would be a message.)"""
    edit(archive, MINUTES, "There was no other business.", "\n\n".join([
        "Members noted the resolution of the previous meeting.",
        "The plan was as resolved at minute TB/19/13.",
        "The complaint had been resolved to the satisfaction of the family.",
        "The issue was resolved: the road reopened.",
        "Dr Singh resolved the issue with the contractor.",
        "As RESOLVED at the last meeting, the plan went ahead.",
        "As agreed at the last meeting, the plan went ahead.",
        "It was agreed the minutes were accurate.",
        "Members asked whether the minutes were approved as an accurate record.",
        "The minutes of the Audit Committee held on 2 May 2019 were approved as a correct record by that committee.",
        "The minutes of the Audit Committee were approved by that committee.",
        "The minutes were agreed to be published on the website.",
        "The minutes of the last meeting were approved, including the appendix on the allotments.",
        "The minutes of the last meeting were circulated and the actions were agreed.",
        "The Board approved the strategy in March 2018.",
        "The Committee approved the budget at its last meeting.",
        "The Board agreed the figures were not a true reflection of the pilot.",
        "The Board agreed the plan and asked officers to report back.",
        "The Board approved the recommendations, which had been circulated.",
        "The Board agreed the following:",
        "The Board had agreed the terms of reference.",
        "The Chair agreed the date of the next meeting.",
        "It was agreed the date of the next meeting.",
        "All three Governing Bodies agreed a proposal to conduct a piece of work.",
        "The notes of the last meeting were agreed.",
        "The report noted that demand rose.",
        "It was noted that there was one member of the public present at the meeting.",
        "The following apologies were noted:\n\n- Mrs Karen English",
        "In December, the three CCGs agreed proposals to appoint a joint accountable officer.",
        "The LSCMMG agreed a Black RAG rating for both preparations.",
        "The pilot had only one practice and therefore it was agreed that the figures were not a true reflection.",
        "Ms Adams agreed to email the University.",
        "The Chair agreed to write to the Secretary of State.",
        "Following the decision it is agreed that the three CCGs will continue to work together.",
        "The Governing Bodies each agreed to the continuation of conversations.",
        "The Committee agreed to the recommendations.",
        "However, the CCGs have also agreed to consider a merger.",
        "For this reason, it was agreed that uptake would be assessed at 6 months.",
        "The CPDIG therefore agreed that it would be helpful to develop a policy.",
        "It was agreed for the committee response to be collated.",
        "AGREED actions are on the tracker.",
        "**AGREED ACTIONS**\n\nThe tracker lists them.",  # a list under it is of actions: see the actions tests
        "### AGREED actions",
        "The Board:\n\n- Dr Singh\n- Ms Shah",
        "| RESOLVED: to approve | CS |\n| --- | --- |\n| yes | no |",
        "`RESOLVED: That` is how the old minutes wrote it.",
        "### RESOLVED: to approve the plan",
        "APPROVED"]))  # the last line of minutes from a pack, for the chair's signature
    assert warnings_after(build, archive) == []


# The example is the body's own last minute's number (the January draft's TB/20/1), not another archive's id
HOW_ACTIONS = "write the action's id as minute number#position, e.g. TB/20/1#1 (see docs/content-format.md)"


def test_action_due_before_it_was_raised_is_a_warning_on_its_due_line(archive, build):
    edit(archive, MINUTES, "due: 2019-04-30", "due: 2018-04-30")
    assert warnings_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "due: 2018-04-30"),
        "action TB/19/13#1 is due 30 April 2018, before it was raised on 14 March 2019; check the year in `due:`",
        "warning")]


def test_a_revised_due_date_before_the_action_was_raised_is_a_warning_on_its_line(archive, build):
    """Left, the action would be listed as overdue, its page saying so since before it was raised."""
    edit(archive, LOG, "due: September 2019", "due: 2018-09")  # said as pages say it, for the clerk to check
    assert warnings_after(build, archive) == [at(LOG, line_of(archive, LOG, "due: 2018-09"),
        "the update of action TB/19/13#2 revises its due date to September 2018, before it was raised on 14 March "
        "2019; check the year in `due:`", "warning")]


def test_a_revised_due_date_already_past_at_the_logs_date_is_a_warning_on_its_line(archive, build):
    """Most often a year typed as last year's, in a January log: the tracker would list the action as overdue from
    the day its log revised it. The log is dated as_at 13 June 2019, a week before its meeting."""
    edit(archive, LOG, "due: September 2019", "due: 2019-05")
    assert warnings_after(build, archive) == [at(LOG, line_of(archive, LOG, "due: 2019-05"),
        "the update of action TB/19/13#2 revises its due date to May 2019, already past at the date of this log, "
        "13 June 2019, so the action is overdue as soon as revised; check the year in `due:`", "warning")]


def test_a_due_date_revised_to_come_sooner_but_not_yet_passed_is_no_warning(archive, build):
    """Due in June 2019 when raised, brought forward to 14 June by the log of 13 June: a decision, not a typo."""
    edit(archive, LOG, "due: September 2019", "due: 2019-06-14")
    assert warnings_after(build, archive) == []


def test_an_update_after_the_action_was_closed_names_the_meeting_that_closed_it_by_its_date(archive, build):
    """Not by the date its log is dated as_at (13 June 2019), which is no meeting's."""
    (archive / "meetings/tb/2020-01-16/actions.md").write_text(
        "---\nupdates:\n  - action: TB/19/13#1\n    status: green\n    progress: Still published.\n---\n",
        encoding="utf-8")
    assert errors_after(build, archive) == [at("meetings/tb/2020-01-16/actions.md", 3, "action TB/19/13#1 was "
        "closed at the meeting of 20 June 2019 but is updated again; remove this update, or reopen the action by "
        f"removing `closed: yes` from the update that closed it (content/{LOG}:{line_of(archive, LOG, '#1')})")]


def test_an_action_id_spaced_before_its_hash_is_read_whole_with_one_warning(archive, build):
    """`action: TB/19/13 #2`, spaced as a log copied from a PDF is: YAML reads ` #2` as a comment, and the clerk was
    told both that the value was cut short and that the update named an unknown action, 'TB/19/13'."""
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/19/13 #2")
    result = build(archive)
    assert messages(result) == [at(LOG, line_of(archive, LOG, "action: TB/19/13 #2"), "the action 'TB/19/13 #2' "
        "has a space before its '#', where YAML starts a comment; it is read as TB/19/13#2; write it without the "
        "space", "warning")]
    assert result.ok


def test_update_for_an_unknown_action_lists_the_actions_of_its_minute(archive, build):
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/19/13#9")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "action: TB/19/13#9"),
        "update for an unknown action 'TB/19/13#9'; the actions raised under TB/19/13 are TB/19/13#1, TB/19/13#2, "
        f"TB/19/13#leaflet. Otherwise {HOW_ACTIONS}")]


def test_update_for_an_unknown_action_of_a_body_printing_zeros_names_the_actions_as_printed(archive, build):
    """The clerk wrote TB/19/013#9 and was told of 'TB/19/13#9' and of TB/19/13#1, TB/19/13#2: ids in no minutes."""
    _printing_zeros(archive)
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/19/013#9")
    edit(archive, LOG, "action: TB/19/14#1", "action: TB/19/015#1")
    assert errors_after(build, archive) == [
        at(LOG, line_of(archive, LOG, "action: TB/19/013#9"), "update for an unknown action 'TB/19/013#9'; the "
           "actions raised under TB/19/013 are TB/19/013#1, TB/19/013#2, TB/19/013#leaflet. Otherwise "
           + HOW_ACTIONS.replace("TB/20/1#1", "TB/20/001#1")),
        at(LOG, line_of(archive, LOG, "action: TB/19/015#1"), "update for an unknown action 'TB/19/015#1'; did you "
           "mean 'TB/19/014#1', an open action this log leaves out? If not, minute TB/19/015 raised no actions: check "
           "the minute number, or add the action under `actions:` in that minute's ```item block")]


@pytest.mark.parametrize("written, meant", [("tb/19/13#2", "TB/19/13#2"), ("TB/19/13#leaflt", "TB/19/13#leaflet"),
                                            ("13#2", "TB/19/13#2"), ("013#leaflet", "TB/19/13#leaflet"),
                                            ("Leaflet", "TB/19/13#leaflet")])
def test_update_for_an_action_in_another_case_or_misspelt_names_the_action_meant(archive, build, written, meant):
    """So too one named by its minute's count alone (13#2), as an action column copied from a PDF numbers it: it
    was told there is no minute 13, and to check whether the year is right, which it does not write; and one named
    by the id alone that the minutes gave it, as trusts' logs name their actions (A23)."""
    edit(archive, LOG, f"action: {meant}", f"action: {written}")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, f"action: {written}"),
        f"update for an unknown action '{written}'; did you mean '{meant}'? Otherwise {HOW_ACTIONS}")]


def test_update_naming_its_action_by_a_count_no_action_has_is_told_to_write_the_number_whole(archive, build):
    edit(archive, LOG, "action: TB/19/13#2", "action: 14#2")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "action: 14#2"),
        "update for an unknown action '14#2'; did you mean 'TB/19/13#2', an open action this log leaves out? If not, "
        "'14' is not a minute number as TB writes them (TB/{yy}/{n}): write the minute's number whole, as its heading "
        "does")]


def test_update_for_a_minute_that_raised_no_action(archive, build):
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/19/15#2")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "action: TB/19/15#2"),
        "update for an unknown action 'TB/19/15#2'; did you mean 'TB/19/13#2', an open action this log leaves out? "
        "If not, minute TB/19/15 raised no actions: check the minute number, or add the action under `actions:` in "
        "that minute's ```item block")]


def test_update_for_a_minute_that_is_not_in_the_archive(archive, build):
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/18/13#2")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "action: TB/18/13#2"),
        "update for an unknown action 'TB/18/13#2'; did you mean 'TB/19/13#2', an open action this log leaves out? "
        "If not, there is no minute TB/18/13 in tb's minutes: check the minute number (is the year right?)")]


@pytest.mark.parametrize("written", ["TB/19/13#5", "TB/19/13#2x", "TB/19/15#2"])
def test_an_update_naming_the_wrong_action_is_one_error_not_also_the_action_meant_held_over(archive, build, written):
    """The update meant for TB/19/13#2 names another: its error names TB/19/13#2 (among the actions of its minute,
    as the one meant, or as the action the log leaves out), and the log was also warned of leaving TB/19/13#2 out,
    held over: two messages for one mistake."""
    edit(archive, LOG, "action: TB/19/13#2", f"action: {written}")
    hint = {"TB/19/13#5": "the actions raised under TB/19/13 are TB/19/13#1, TB/19/13#2, TB/19/13#leaflet. "
                          f"Otherwise {HOW_ACTIONS}",
            "TB/19/13#2x": f"did you mean 'TB/19/13#2'? Otherwise {HOW_ACTIONS}",
            "TB/19/15#2": "did you mean 'TB/19/13#2', an open action this log leaves out? If not, minute TB/19/15 "
                          "raised no actions: check the minute number, or add the action under `actions:` in that "
                          "minute's ```item block"}[written]
    assert messages(build(archive)) == [at(LOG, line_of(archive, LOG, f"action: {written}"),
                                           f"update for an unknown action '{written}'; {hint}")]


def test_an_update_naming_no_action_leaves_the_actions_it_may_not_mean_held_over(archive, build):
    """Two actions left out, and an update naming one of its minute's actions wrongly: which it meant is not
    known, so each is warned of, as either may be held over."""
    edit(archive, LOG, "action: TB/19/13#leaflet", "action: TB/19/13#9")
    edit(archive, LOG, "  - action: TB/19/14#1\n    status: green\n    progress: CANARY-CONFIDENTIAL-7731 agents "
         "instructed.\n    closed: yes\n", "")
    edit(archive, LOG, "action: TB/19/13#2", "action: TB/19/13#3")
    assert messages(build(archive)) == [
        at(LOG, 3, f"action {action} is open but missing from this action log; held over? add an update for it "
           "(status and progress), or close it", "warning") for action in ("TB/19/13#2", "TB/19/13#leaflet")] + [
        at(LOG, line_of(archive, LOG, f"action: {written}"), f"update for an unknown action '{written}'; the "
           "actions raised under TB/19/13 are TB/19/13#1, TB/19/13#2, TB/19/13#leaflet. Otherwise "
           f"{HOW_ACTIONS}") for written in ("TB/19/13#3", "TB/19/13#9")]


def test_a_body_that_keeps_no_action_log_is_told_once_of_the_actions_due_that_none_updated(archive, build):
    """"Held over?" looks only at action logs: a body keeping none was never told that its actions, due by a
    meeting whose minutes are approved, were never updated, while its tracker shows them open and overdue. Said
    once, on the latest approved minutes (the public session's, not the private one's the same day); TB/19/13#2,
    due June 2019, was not due by 20 June, and the staffing action was raised that day. Not the confidential
    minute's TB/19/14#1 either: it is on no tracker, and an update of it in the public meeting's log is not
    published."""
    (archive / LOG).unlink()
    assert warnings_after(build, archive) == [at(LATER_MINUTES, 1, "TB keeps no action log, so 2 actions due by this "
        "meeting (TB/19/13#1 and TB/19/13#leaflet) were never updated: its action tracker shows them as "
        "open and overdue until a log does; add actions.md to this meeting with an update for each (status and "
        "progress, and `closed: yes` for those done), or keep a log from the next meeting on: `minutebook new "
        "meeting` starts one with every open action", "warning")]


def test_a_body_whose_only_action_log_is_a_private_sessions_is_told_of_the_public_actions_due_that_none_updated(
        archive, build):
    """A private session's log is asked "held over?" of the private and confidential actions alone, the public ones
    being the public log's; a body keeping a private log and no public one had any log, so it was not told either
    that its public actions due by its latest approved public minutes were never updated, while its tracker shows
    them open and overdue. It is, as a body keeping no log is; its private log is still asked of the confidential
    minute's TB/19/14#1."""
    (archive / LOG).unlink()
    private_log = PRIVATE_MEETING.replace("meeting.md", "actions.md")
    (archive / private_log).write_text("---\nupdates: []\n---\n", encoding="utf-8")
    assert warnings_after(build, archive) == [
        at(private_log, 2, "action TB/19/14#1 is open but missing from this action log; held over? add an update for "
           "it (status and progress), or close it", "warning"),
        at(LATER_MINUTES, 1, "TB keeps no public action log (its logs are private sessions', which are not asked of "
           "public actions), so 2 actions due by this meeting (TB/19/13#1 and TB/19/13#leaflet) were never updated: "
           "its action tracker shows them as open and overdue until a log does; add actions.md to this meeting with "
           "an update for each (status and progress, and `closed: yes` for those done), or keep a log from the next "
           "meeting on: `minutebook new meeting` starts one with every open action", "warning")]


def test_an_owner_or_due_date_left_empty_is_named_as_empty_or_missing(archive, build):
    edit(archive, MINUTES, "  - owner: carol-singh\n", "  - owner: ''\n")
    edit(archive, MINUTES, "    due: 2019-04-30\n", "    due: ''\n")
    result = build(archive)
    assert messages(result) == [
        at(MINUTES, line_of(archive, MINUTES, "  - owner: ''"), "a person is left empty; write their id or name, or "
           "take the empty entry out"),
        at(MINUTES, line_of(archive, MINUTES, "  - owner: ''"), "action TB/19/13#1 has no due date; add `due:` (a "
           "date, a month such as 2019-10, or text such as 'next meeting')", "warning")]


def test_a_person_written_as_a_name_left_empty_is_an_error_not_a_person_called_none(archive, build):
    edit(archive, MINUTES, "  - owner: carol-singh\n", "  - owner: {name: }\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "  - owner: {name: }"),
        "a person is written as `{name: ...}` with no name; write their name after `name:`, or take the empty "
        "entry out")]


@pytest.mark.parametrize("written, message", [
    ("{body: }", "a body is written as `{body: ...}` with no body; write the body's slug (its file's name in "
                 "content/bodies/) after `body:`, or take the empty entry out"),
    ("{person: }", "a person is left empty; write their id or name, or take the empty entry out")])
def test_a_body_or_person_field_left_empty_is_said_to_be_empty_not_to_name_none(archive, build, written, message):
    """YAML reads the empty value as null: it was "no body 'None'" and "unknown person 'None'"."""
    edit(archive, MINUTES, "  - owner: carol-singh\n", f"  - owner: {written}\n")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, f"  - owner: {written}"), message)]


def test_update_for_an_action_of_a_body_that_does_not_exist_says_so(archive, build):
    edit(archive, LOG, "action: TB/19/13#2", "action: jcc:TB/19/13#2")
    assert errors_after(build, archive) == [at(LOG, line_of(archive, LOG, "action: jcc:TB/19/13#2"),
        "update for an unknown action 'jcc:TB/19/13#2'; there is no body 'jcc' (did you mean 'jc'?): write another "
        "body's action as body:id, e.g. jc:2019-11-05/7#1, or the id alone for one of this meeting's body")]


@pytest.mark.parametrize("field, written", [("owner", "Dr Nobody"), ("due", "31/02/2019")])
def test_an_owner_or_due_date_that_cannot_be_read_is_one_error_not_also_a_warning_that_there_is_none(
        archive, build, field, written):
    old = {"owner": "  - owner: carol-singh\n", "due": "    due: 2019-04-30\n"}[field]
    edit(archive, MINUTES, old, old.replace(old.split(": ", 1)[1].strip(), written))
    result = build(archive)
    assert not result.ok
    found = messages(result)
    assert len(found) == 1 and found[0].startswith(at(MINUTES, line_of(archive, MINUTES, f"{field}: {written}"), "")), \
        found


# --- confidential material ---------------------------------------------------------------------

PAPER_C = "meetings/tb/2019-03-14/papers/paper-c.md"
PAPER_D = "meetings/tb/2019-03-14/papers/paper-d.md"


def _property_matter(archive, titled: bool = True) -> str:
    """The board's confidential agenda item TB/19/14 as the messages name it, by the title the agenda publishes."""
    return agenda_item(archive, MEETING, "ref: TB/19/14", "agenda item TB/19/14" + (", 'Property matter'" if titled
                                                                                     else ""))


def test_a_minute_of_an_item_the_agenda_marks_confidential_must_say_whether_it_is(archive, build):
    """Unsaid, it would be published in full: the build stops, and nothing is published."""
    edit(archive, MINUTES, "confidential: yes\nreason:", "reason:")
    edit(archive, MINUTES, "public_title: Property matter\n", "")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/14"),
        f"{_property_matter(archive)} is marked confidential, but its minute does not say whether it is: the minute "
        "would be published in full; write `confidential: yes` in the minute's ```item block, or `confidential: no` if it "
        "may be published")]
    assert not (archive.parent / "site").exists()


def test_a_minute_under_the_number_of_a_confidential_agenda_item_with_another_title_names_both(archive, build):
    """Minutes not renumbered with the agenda: told only to mark the minute confidential, the clerk would have
    withheld any other business, and published the confidential item's minute under its new number."""
    edit(archive, MEETING, NEXT_MEETING_ITEM, "  - ref: TB/19/15\n    title: Staffing matter\n    confidential: yes\n"
         + NEXT_MEETING_ITEM.replace("TB/19/15", "TB/19/16"))
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/15"),
        agenda_item(archive, MEETING, "ref: TB/19/15", "agenda item TB/19/15, 'Staffing matter'") + " is marked "
        "confidential, but its minute, Any other business, does not say whether it is: the minute would be published in full; if the agenda was renumbered, renumber the "
        "minutes to match; if this minute is that item, write `confidential: yes` in the minute's ```item block, "
        "or `confidential: no` if it may be published")]


def test_a_minute_with_a_public_title_must_say_it_is_confidential(archive, build):
    """The public_title is published in place of the title only for a confidential item: unsaid, the minute
    and its own title would be published."""
    edit(archive, MINUTES, "confidential: yes\nreason:", "reason:")
    assert errors_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "## TB/19/14"), f"{_property_matter(archive)} is marked confidential, "
           "but its minute does not say whether it is: the minute would be published in full; write `confidential: yes` in "
           "the minute's ```item block, or `confidential: no` if it may be published"),
        at(MINUTES, line_of(archive, MINUTES, "public_title:"), "minute item TB/19/14 has a public_title, but does "
           "not say it is confidential: its own title would be published; write `confidential: yes` (and a "
           "`reason:`) to publish the public_title in its place, or take public_title out")]


def test_an_agenda_item_with_a_public_title_must_be_confidential(archive, build):
    edit(archive, MEETING, "    paper: C\n    confidential: yes\n", "    paper: C\n")
    edit(archive, MEETING, "    description: CANARY-CONFIDENTIAL-7731 agenda description of the private item.\n", "")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "public_title:"),
        "agenda item TB/19/14 has a public_title, but is not confidential: its own title would be published; "
        "write `confidential: yes` to publish the public_title in its place, or take public_title out")]
    assert not (archive.parent / "site").exists()


def test_an_agenda_item_marked_confidential_in_its_title_must_say_whether_it_is(archive, build):
    """An agenda pasted from a pack keeps its mark on an item taken in private; unsaid, the item, its description
    and its title were published, with only a warning that it had no minute."""
    title = '"CONFIDENTIAL: Purchase of 12 Charles Street from Mr Smith"'
    edit(archive, MEETING, NEXT_MEETING_ITEM, f"{NEXT_MEETING_ITEM}  - ref: TB/19/16\n    title: {title}\n")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "CONFIDENTIAL: Purchase"),
        "agenda item TB/19/16 is marked 'CONFIDENTIAL: Purchase of 12 Charles Street from Mr Smith', but does not "
        "say whether it is confidential: it would be published in full; write `confidential: yes` in the agenda "
        "item, to publish only its title (and a `public_title:` to publish in the title's place), or "
        "`confidential: no` if it may be published")]
    edit(archive, MEETING, f"title: {title}\n", f"title: {title}\n    confidential: yes\n"
         "    items:\n      - ref: TB/19/17\n        title: CONFIDENTIAL Price\n")
    assert build(archive).ok  # a sub-item is taken in private with its item, and says nothing of its own


@pytest.mark.parametrize("old, new, on, shown, where", [
    ("    title: Pharmaceutical needs assessment", "    title: Pharmacy premises (Confidential)", "Pharmacy premises",
     "Pharmacy premises (Confidential)", "title"),
    ("    title: Pharmaceutical needs assessment", "    title: Pharmacy premises (Part II)", "Pharmacy premises",
     "Pharmacy premises (Part II)", "title"),
    ("    title: Pharmaceutical needs assessment", "    title: Pharmaceutical needs assessment\n    description: "
     "'Exempt information: paragraph 3'", "Exempt information", "Exempt information: paragraph 3", "description"),
], ids=["title-in-brackets", "title-part-ii", "description-exempt-information"])
def test_an_agenda_item_that_says_it_is_confidential_otherwise_than_with_the_mark_is_a_warning(archive, build, old,
                                                                                               new, on, shown, where):
    """As a minute's heading is told: unsaid, the agenda item, its description, purpose, presenters and papers were
    published in full without a word."""
    edit(archive, LATER, old, new)
    edit(archive, LATER_MINUTES, "## TB/19/22 Pharmaceutical needs assessment\n", "## TB/19/22 Pharmaceutical needs "
         "assessment\n\n```item\nconfidential: no\n```\n")  # the minute says; not the agenda item
    assert warnings_after(build, archive) == [at(LATER, line_of(archive, LATER, on), f"agenda item TB/19/22 says "
        f"'{shown}' in its {where}, as a mark of what was taken in private would, but does not say whether it is "
        "confidential: it would be published in full; write `confidential: yes` in the agenda item, to publish only "
        "its title (and a `public_title:` to publish in the title's place), or `confidential: no` if it may be "
        f"published as it is; or reword the {where} if it is not", "warning")]
    edit(archive, LATER, new, f"{new}\n    confidential: no")
    assert warnings_after(build, archive) == []  # said not to be: published as it is


def test_the_mark_on_a_private_meetings_agenda_is_no_error(archive, build):
    """A meeting held in private publishes nothing, its agenda neither: the mark its pack carries on every item
    was an error saying the item "would be published in full", which stopped the build."""
    edit(archive, PRIVATE_MEETING, "  present: [ada-lovelace, carol-singh]\n", "  present: [ada-lovelace, "
         "carol-singh]\nagenda:\n  - ref: TB/19/23\n    title: CONFIDENTIAL Staffing matter\n  - ref: TB/19/24\n"
         "    title: Pharmacy premises (Exempt)\n    status: deferred\n")
    assert warnings_after(build, archive) == []


def test_a_title_the_minute_withholds_is_not_published_by_the_agenda(archive, build):
    """The minute publishes its public_title; the agenda item, confidential but without one of its own, would
    publish the real title on the meeting's page, in its feeds, calendars, open data and search index."""
    edit(archive, MEETING, "    public_title: Property matter\n", "")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "CANARY-TITLE-4402"),
        "the minute of TB/19/14 publishes 'Property matter' in place of its title, but the agenda publishes the "
        "item's own title; write `public_title: Property matter` in the agenda item, with `confidential: yes`, or "
        "take public_title out of the minute if the title may be published")]
    assert not (archive.parent / "site").exists()


def test_a_title_the_agenda_withholds_is_not_published_by_the_minute(archive, build):
    """The agenda publishes its public_title; the minute, confidential but without one of its own, published the
    real title on its page, the meeting's, in the feeds, open data and search index, without a word from check."""
    edit(archive, MINUTES, "public_title: Property matter\n", "")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/14"),
        f"the agenda publishes 'Property matter' in place of the title of {_property_matter(archive, False)}, but "
        "minute TB/19/14 publishes its own title; write `public_title: Property matter` in the minute's ```item block, or take public_title "
        "out of the agenda item if the title may be published")]
    assert not (archive.parent / "site").exists()


def test_a_minute_titled_as_the_agendas_public_title_needs_none_of_its_own(archive, build):
    edit(archive, MINUTES, "public_title: Property matter\n", "")
    edit(archive, MINUTES, "## TB/19/14 Disposal of land at Mill Lane CANARY-TITLE-4402\n", "## TB/19/14 Property  matter\n")
    result = build(archive)
    assert result.ok and messages(result) == []


def test_an_agenda_item_titled_as_the_minutes_public_title_needs_none_of_its_own(archive, build):
    edit(archive, MEETING, "    title: Disposal of land at Mill Lane CANARY-TITLE-4402\n"
         "    public_title: Property matter\n", "    title: property  matter\n")
    result = build(archive)
    assert result.ok and messages(result) == []


def test_a_paper_for_a_confidential_item_must_say_whether_it_is(archive, build):
    edit(archive, PAPER_C, "confidential: yes\n", "")
    assert errors_after(build, archive) == [at(PAPER_C, line_of(archive, PAPER_C, "item: TB/19/14"),
        f"Paper C is for {_property_matter(archive)}, which is confidential, but the paper does not say whether it "
        "is: it would be published; write `confidential: yes` in the paper, or `confidential: no` if it may be published")]


@pytest.mark.parametrize("old, new, on, shown", [
    ("The two councils propose", "**PRIVATE AND CONFIDENTIAL**\n\nThe two councils propose", "**PRIVATE",
     "PRIVATE AND CONFIDENTIAL"),
    ("title: Joint public", "title: CONFIDENTIAL Joint public", "title:",
     "CONFIDENTIAL Joint public health commissioning"),
])
def test_a_paper_marked_confidential_in_its_text_must_say_whether_it_is(archive, build, old, new, on, shown):
    """A paper pasted from Word keeps the front sheet's mark; without `confidential:` it was published in full. The
    message is on the mark's line, the title's too (it named the file's first line)."""
    paper = "meetings/jc/2019-11-05/papers/item-05.md"
    edit(archive, paper, old, new)
    assert errors_after(build, archive) == [at(paper, line_of(archive, paper, on),
        f"Item 05 is marked '{shown}', but does not say whether it is confidential: it would be published in full; "
        "write `confidential: yes` in the paper, or `confidential: no` if it may be published")]
    edit(archive, paper, "label: Item\n", "label: Item\nconfidential: no\n")
    assert warnings_after(build, archive) == []


def test_a_paper_or_minute_of_a_confidential_item_marked_confidential_itself_is_told_so_once(archive, build):
    """One mistake, one error: the mark's, which says what to do as the confidential item's would."""
    edit(archive, PAPER_C, "confidential: yes\n", "")
    edit(archive, PAPER_C, "The valuation is", "**STRICTLY CONFIDENTIAL**\n\nThe valuation is")
    edit(archive, MINUTES, "confidential: yes\nreason:", "reason:")
    edit(archive, MINUTES, "public_title: Property matter\n", "")
    edit(archive, MINUTES, "## TB/19/14 Disposal of land at Mill Lane CANARY-TITLE-4402\n",
         "## TB/19/14 Disposal of land at Mill Lane CANARY-TITLE-4402\n\nPART II - CONFIDENTIAL\n")
    assert errors_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "PART II"), "minute item TB/19/14 is marked 'PART II - CONFIDENTIAL', "
           "but does not say whether it is confidential: it would be published in full; write `confidential: yes` "
           "(and a `reason:`) in its ```item block, to publish only its title, or `confidential: no` if it may be "
           "published"),
        at(PAPER_C, line_of(archive, PAPER_C, "STRICTLY"), "Paper C is marked 'STRICTLY CONFIDENTIAL', but does "
           "not say whether it is confidential: it would be published in full; write `confidential: yes` in the "
           "paper, or `confidential: no` if it may be published")]


def test_the_minute_and_paper_of_a_sub_item_of_a_confidential_item_must_say_whether_they_are(archive, build):
    """A sub-item is taken in private with its item, and left off the agenda with it: its minute and its paper,
    unsaid, were published in full, without a word from check."""
    edit(archive, MEETING, "    description: CANARY-CONFIDENTIAL-7731 agenda description of the private item.\n",
         "    description: CANARY-CONFIDENTIAL-7731 agenda description of the private item.\n"
         "    items:\n      - ref: TB/19/16\n        title: Price\n")
    edit(archive, MINUTES, "## TB/19/15 Any other business", "## TB/19/16 Price\n\nThe price was agreed.\n\n"
         "## TB/19/15 Any other business")
    (archive / PAPER_D).write_text("---\nref: D\ntitle: Price\nitem: TB/19/16\n---\nThe price.\n", encoding="utf-8")
    assert errors_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "## TB/19/16"), f"{_property_matter(archive)} is marked confidential, "
           "and TB/19/16 with it, but its minute does not say whether it is: the minute would be published in full; write "
           "`confidential: yes` in the minute's ```item block, or `confidential: no` if it may be published"),
        at(PAPER_D, 4, f"Paper D is for TB/19/16, part of {_property_matter(archive)}, which "
           "is confidential, but the paper does not say whether it is: it would be published; write `confidential: "
           "yes` in the paper, or `confidential: no` if it may be published")]


SUB_ITEM_TITLE = "Valuation of the land CANARY-SUB-ITEM-6120"


def _a_sub_item_of_the_withheld_item(archive) -> None:
    """TB/19/16, a sub-item of TB/19/14 (whose title the agenda withholds), minuted in private with its own title."""
    edit(archive, MEETING, "    description: CANARY-CONFIDENTIAL-7731 agenda description of the private item.\n",
         "    description: CANARY-CONFIDENTIAL-7731 agenda description of the private item.\n"
         f"    items:\n      - ref: TB/19/16\n        title: {SUB_ITEM_TITLE}\n")
    edit(archive, MINUTES, "## TB/19/15 Any other business", f"## TB/19/16 {SUB_ITEM_TITLE}\n\n```item\n"
         "confidential: yes\n```\n\nThe valuation was noted.\n\n## TB/19/15 Any other business")


def test_the_minute_of_a_sub_item_of_an_item_whose_title_the_agenda_withholds_must_withhold_its_own(archive, build):
    """The agenda publishes 'Property matter' for TB/19/14; the minute of its sub-item, confidential but with no
    public_title, published its own title (the valuation of the land withheld) on its page, the meeting's, the
    feeds, minutes.json and the search index, without a word from check."""
    _a_sub_item_of_the_withheld_item(archive)
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/16"),
        f"the agenda publishes 'Property matter' in place of the title of {_property_matter(archive, False)}, and "
        "minute TB/19/16 is part of it, but publishes its own title; write a `public_title:` to publish in its place in the minute's ```item "
        f"block (`public_title: Property matter`, say), or `public_title: {SUB_ITEM_TITLE}` if its title may be "
        "published")]
    assert not (archive.parent / "site").exists()


def test_a_sub_item_of_an_item_whose_title_the_agenda_withholds_publishes_its_public_title_only(archive, build,
                                                                                               tmp_path):
    _a_sub_item_of_the_withheld_item(archive)
    edit(archive, MINUTES, "confidential: yes\n```\n\nThe valuation", "confidential: yes\npublic_title: Property "
         "matter (valuation)\n```\n\nThe valuation")
    site = tmp_path / "site"
    result = build(archive, site, search=True)
    assert result.ok and messages(result) == []
    assert "Property matter (valuation)" in page(site, "/tb/2019/tb-19-16/").one("h1").text
    assert [name for name, data in read_tree(site).items() if b"CANARY-SUB-ITEM" in data] == []
    assert [name for name, data in pagefind_plaintext(site).items() if b"canary-sub-item" in data.lower()] == []
    indexed = [main.text for path in html_pages(site) for main in page(site, url_of(site, path)).find_all("main")
               if "data-pagefind-body" in main.attrs]
    assert indexed and [text for text in indexed if "CANARY-SUB-ITEM" in text] == []


def test_a_minute_said_to_be_public_of_an_item_whose_title_the_agenda_withholds_must_not_publish_it(archive, build):
    """`confidential: no`, written for the report discussed in private that may be published, published the
    minute under the title the agenda withholds, without a word from check."""
    edit(archive, MINUTES, "confidential: yes\nreason:", "confidential: no\nreason:")
    edit(archive, MINUTES, "public_title: Property matter\n", "")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "## TB/19/14"),
        f"the agenda publishes 'Property matter' in place of the title of {_property_matter(archive, False)}, but "
        "minute TB/19/14 says `confidential: no`, so it is published in full with its own title; head the minute `## TB/19/14 Property "
        "matter` if the rest of it may be published, write `confidential: yes` and `public_title: Property matter` "
        "in its ```item block if it may not, or take public_title out of the agenda item if the title may be "
        "published")]
    assert not (archive.parent / "site").exists()
    edit(archive, MINUTES, "## TB/19/14 Disposal of land at Mill Lane CANARY-TITLE-4402\n", "## TB/19/14 Property "
         "matter\n")
    assert build(archive).ok


def test_a_minute_or_paper_of_a_confidential_item_said_to_be_public_is_published(archive, build, tmp_path):
    edit(archive, MEETING, "    public_title: Property matter\n", "")  # (the title the agenda withholds: above)
    edit(archive, MINUTES, "confidential: yes\nreason:", "confidential: no\nreason:")
    edit(archive, PAPER_C, "confidential: yes\n", "confidential: no\n")
    site = tmp_path / "site"
    result = build(archive, site)
    assert result.ok and messages(result) == [at(MINUTES, line_of(archive, MINUTES, "public_title:"),
        "minute item TB/19/14 says `confidential: no`, so it is published in full with its own title, and its "
        "public_title is not used; take public_title out, or write `confidential: yes` if the item is confidential",
        "warning")]
    assert "CANARY-TITLE-4402" in (site / "tb/2019/tb-19-14/index.html").read_text(encoding="utf-8")
    assert "CANARY-PAPER-2468" in (site / "tb/2019/2019-03-14/papers/c/index.html").read_text(encoding="utf-8")


def test_another_meetings_paper_named_as_this_ones_says_how_to_name_it(archive, build):
    """The June minutes cite "Paper C" of the March meeting, as minutes cite the last meeting's papers: `Paper C`
    is always a paper of the meeting the text is in, and the warning said only that June has none."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed; Paper C was noted.")
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "Paper C was"),
        "reference 'Paper C' does not resolve; this meeting's papers are: none; for another meeting's paper, write "
        "[[tb/<its folder>/papers/C]]", "warning")]


def test_the_one_paper_of_the_body_by_the_ref_is_named_with_the_link_to_write(archive, build):
    """`Paper A` cited at the next meeting: the body has one published paper A, March's (the private meeting's is
    never published), and the warning gives the link to it rather than `<its folder>` to fill in."""
    edit(archive, LATER_MINUTES, "The minutes were agreed.", "The minutes were agreed; Paper A was noted.")
    assert warnings_after(build, archive) == [at(LATER_MINUTES, line_of(archive, LATER_MINUTES, "Paper A was"),
        "reference 'Paper A' does not resolve; this meeting's papers are: none; for Paper A of the meeting of 14 "
        "March 2019, write [[tb/2019-03-14/papers/A]]", "warning")]
    edit(archive, LATER_MINUTES, "Paper A was", "[[tb/2019-03-14/papers/A]] was")
    assert warnings_after(build, archive) == []


def test_a_confidential_paper_the_minutes_name_is_shown_as_text_and_no_mistake(archive, build, tmp_path):
    """It has no page to link to; "Paper A does not resolve, this meeting's papers are: none" was wrong."""
    edit(archive, "meetings/tb/2019-03-14/papers/paper-a.md", "confidential: no", "confidential: yes")
    result = build(archive, tmp_path / "site")
    assert result.ok and messages(result) == []
    page = (tmp_path / "site/tb/2019/2019-03-14/index.html").read_text(encoding="utf-8")
    assert "named in Paper A." in page and "/papers/a/" not in page


# --- unsafe links -------------------------------------------------------------------------------

@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4="])
def test_unsafe_link_in_markdown_is_an_error_and_the_site_is_not_written(archive, build, tmp_path, href):
    edit(archive, MINUTES, "There was no other business.", f"There was [no other business]({href}).")
    out = tmp_path / "out"
    result = build(archive, out)
    assert not result.ok
    assert messages(result, "error") == [at(MINUTES, line_of(archive, MINUTES, href),
                                            f"unsafe link '{href[:40]}'; {UNSAFE_HINT}")]
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]  # no temporary folder left behind


def test_unsafe_link_in_a_resolution_and_in_a_paper(archive, build):
    edit(archive, MINUTES, '"**NOTE** the results', '"**NOTE** the [results](javascript:void(0))')
    paper = "meetings/tb/2019-03-14/papers/paper-a.md"
    edit(archive, paper, "One in five children", "One in [five](data:text/plain,x) children")
    assert errors_after(build, archive) == [
        at(MINUTES, line_of(archive, MINUTES, "javascript:void(0)"), f"unsafe link 'javascript:void(0)'; {UNSAFE_HINT}"),
        at(paper, line_of(archive, paper, "data:text/plain"), f"unsafe link 'data:text/plain,x'; {UNSAFE_HINT}"),
    ]


def test_unsafe_link_below_an_item_block_with_text_above_it_is_an_error_on_its_own_line(archive, build):
    edit(archive, MINUTES, *ABOVE_THE_BLOCK)
    edit(archive, MINUTES, "schools be involved", "[schools](javascript:alert(1)) be involved")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "javascript:alert(1)"),
                                               f"unsafe link 'javascript:alert(1)'; {UNSAFE_HINT}")]


def test_unsafe_link_on_a_later_line_of_a_resolution_is_an_error_on_its_own_line(archive, build):
    """A resolution is shown as one line of text, but may be written over several (`- |`): the link was told on
    the first line of the text."""
    edit(archive, MINUTES, '  - "**NOTE** the results of the public consultation."',
         "  - |\n    **NOTE** the results of the\n    [public consultation](javascript:alert(1)).")
    assert errors_after(build, archive) == [at(MINUTES, line_of(archive, MINUTES, "javascript:alert(1)"),
                                               f"unsafe link 'javascript:alert(1)'; {UNSAFE_HINT}")]


def test_unsafe_link_in_the_sites_description_names_site_yaml_in_the_content_folder_as_it_is_named(archive, build):
    """`--content archive`: the home page's template names the file `content/site.yaml`, and so did the message,
    which sent the clerk to a file that does not exist."""
    folder = archive.parent / "archive"
    archive.rename(folder)
    edit(folder, "site.yaml", "  Minutes, agendas and papers", "  [Minutes](javascript:alert(1)), agendas and papers")
    result = build(folder)
    assert not result.ok and messages(result, "error") == [
        f"archive/site.yaml:{line_of(folder, 'site.yaml', 'javascript:')}: error: unsafe link 'javascript:alert(1)'; "
        f"{UNSAFE_HINT}"]


# --- warnings -----------------------------------------------------------------------------------

def test_a_draft_action_log_of_a_meeting_whose_minutes_are_approved_is_a_warning(archive, build, tmp_path):
    """`new meeting` writes the log as a draft; left so once the minutes are approved, its updates are missing
    from the public action pages, and nothing would say why."""
    edit(archive, LOG, "as_at: 2019-06-13\n", "status: draft\nas_at: 2019-06-13\n")
    site = tmp_path / "site"
    assert warnings_after(lambda content: build(content, site), archive) == [at(LOG, line_of(archive, LOG, "status:"),
        "the log is a draft, but the minutes of its meeting are approved: the updates it records are not published; "
        "write `status: final` once the log is as it was presented at the meeting", "warning")]
    assert "amber" not in (site / "tb/actions/tb-19-13-2/index.html").read_text(encoding="utf-8").lower()
    edit(archive, LATER_MINUTES, "status: approved", "status: draft")  # the meeting's records not yet settled
    assert [m for m in warnings_after(build, archive) if "the log is a draft" in m] == []


def test_stray_markdown_file_in_a_meeting_folder_is_a_warning_and_fails_under_strict(archive, build):
    (archive / "meetings/tb/2019-03-14/notes.md").write_text("Some notes.\n", encoding="utf-8")
    warning = at("meetings/tb/2019-03-14/notes.md", 1, "'notes.md' is not a meeting file and is ignored; name it "
                 "meeting.md, minutes.md or actions.md, or move papers into papers/", "warning")
    relaxed = build(archive)
    assert relaxed.ok and messages(relaxed) == [warning]
    strict = build(archive, strict=True)
    assert not strict.ok and messages(strict) == [warning]


def test_a_paper_saved_with_an_upper_case_extension_is_read_and_a_stray_one_reported(archive, build, tmp_path):
    papers = archive / "meetings/tb/2019-03-14/papers"
    (papers / "paper-a.md").rename(papers / "paper-a.MD")
    (archive / "meetings/tb/2019-03-14/Notes.MD").write_text("Some notes.\n", encoding="utf-8")
    result = build(archive, tmp_path / "out")
    assert result.ok and messages(result) == [at("meetings/tb/2019-03-14/Notes.MD", 1, "'Notes.MD' is not a "
        "meeting file and is ignored; name it meeting.md, minutes.md or actions.md, or move papers into papers/",
        "warning")]
    assert (tmp_path / "out/tb/2019/2019-03-14/papers/a/index.html").is_file()


def test_a_link_in_a_loop_among_the_papers_leaves_the_papers_read(archive, build):
    """A link that leads to itself in papers/: asking whether it was a file raised, and the meeting's papers were
    all left out, each reference to one an error saying the meeting has no papers."""
    os.symlink("loop.pdf", archive / "meetings/tb/2019-03-14/papers/loop.pdf")
    assert messages(build(archive)) == []


def test_stray_markdown_file_outside_any_meeting_folder_is_a_warning_and_fails_under_strict(archive, build):
    (archive / "meetings/tb/agenda-template.md").write_text("# Agenda\n", encoding="utf-8")
    (archive / "meetings/tb/2019-03-14/drafts").mkdir()
    (archive / "meetings/tb/2019-03-14/drafts/minutes.md").write_text("Draft.\n", encoding="utf-8")
    (archive / "meetings/tb/2019-03-14/papers/late").mkdir()
    (archive / "meetings/tb/2019-03-14/papers/late/paper-d.md").write_text("---\nref: D\ntitle: Late paper\n---\n",
                                                                         encoding="utf-8")
    hint = "move it into a meeting's folder (beside its meeting.md), or out of content/meetings/"
    below = ("a subfolder of its meeting's folder, and is ignored; move a paper into papers/ itself (its subfolders "
             "are not read), or the file out of content/meetings/")
    warnings = [at("meetings/tb/2019-03-14/drafts/minutes.md", 1, f"'minutes.md' is in drafts/, {below}", "warning"),
                at("meetings/tb/2019-03-14/papers/late/paper-d.md", 1, f"'paper-d.md' is in papers/late/, {below}",
                   "warning"),
                at("meetings/tb/agenda-template.md", 1,
                   f"'agenda-template.md' is not in a meeting folder and is ignored; {hint}", "warning")]
    relaxed = build(archive)
    assert relaxed.ok and messages(relaxed) == warnings
    strict = build(archive, strict=True)
    assert not strict.ok and messages(strict) == warnings


def test_a_person_in_two_attendance_lists_or_twice_in_one_is_a_warning(archive, build):
    edit(archive, MEETING, "  apologies:\n    - dev-patel\n", "  apologies:\n    - dev-patel\n    - ada-lovelace\n"
         "    - dev-patel\n")
    present = line_of(archive, MEETING, "- person: ada-lovelace")
    first, second = line_of(archive, MEETING, "- dev-patel"), line_of(archive, MEETING, "- dev-patel", occurrence=2)
    assert warnings_after(build, archive) == [
        at(MEETING, line_of(archive, MEETING, "    - ada-lovelace"), f"Councillor Ada Lovelace is listed as giving apologies and already as present (line "
           f"{present}); keep them in one list of the attendance", "warning"),
        at(MEETING, second, f"Mr Dev Patel is listed as giving apologies and already as giving apologies (line "
           f"{first}); remove one of them", "warning")]


def test_a_copied_meeting_folder_whose_date_was_not_changed_is_a_warning_on_its_date_line(archive, build):
    copy = "meetings/tb/2019-09-19/meeting.md"
    (archive / copy).parent.mkdir()
    (archive / copy).write_text((archive / LATER).read_text(encoding="utf-8"), encoding="utf-8")
    assert warnings_after(build, archive) == [at(copy, line_of(archive, copy, "date:"), "the folder is named "
        "2019-09-19, but the meeting is dated 2019-06-20, as tb/2019-06-20 and tb/2019-06-20-private are; correct "
        "`date:`: a folder copied "
        "from another meeting keeps that meeting's date", "warning")]


def test_a_meeting_folder_whose_name_cannot_be_part_of_an_address_is_an_error(archive, build):
    (archive / "meetings/jc/2019-11-05").rename(archive / "meetings/jc/2019-11-05 Extraordinary")
    assert errors_after(build, archive) == [at("meetings/jc/2019-11-05 Extraordinary/meeting.md", 1, "the folder's "
        "name '2019-11-05 Extraordinary' is part of the meeting's address, which takes lower-case letters, digits "
        "and hyphens; rename the folder 2019-11-05-extraordinary")]


def test_a_name_ending_in_a_line_break_is_no_part_of_an_address(archive, build):
    """A folder, a body's file or a person's id is part of addresses and of the calendars' UIDs: a line break at its
    end, which a pattern's $ lets through, broke the UID's line of every calendar holding the meeting."""
    (archive / "meetings/tb/2019-06-20").rename(archive / "meetings/tb/2019-06-20\n")
    (archive / "people.yaml").write_text((archive / "people.yaml").read_text(encoding="utf-8") +
                                         '"zed-evans\\n":\n  name: Zed Evans\n', encoding="utf-8")
    assert errors_after(build, archive) == [
        at("meetings/tb/2019-06-20\\n/meeting.md", 1, "the folder's name '2019-06-20\\n' is part of the meeting's "
           "address, which takes lower-case letters, digits and hyphens; rename the folder 2019-06-20"),
        at("people.yaml", line_of(archive, "people.yaml", "zed-evans"), "'zed-evans\\n' is not a valid person id; "
           "use lower-case letters, digits and hyphens, e.g. mayur-lakhani")]


def test_a_meeting_folder_named_as_a_minutes_page_is_an_error(archive, build):
    """/tb/2019/tb-19-13/ would be both the meeting's page and minute TB/19/13's."""
    (archive / "meetings/tb/tb-19-13").mkdir()
    (archive / "meetings/tb/tb-19-13/meeting.md").write_text("---\nbody: tb\ndate: 2019-12-05\n---\n",
                                                             encoding="utf-8")
    assert errors_after(build, archive) == [at("meetings/tb/tb-19-13/meeting.md", 1, "the folder's name 'tb-19-13' "
        f"is also the address of minute TB/19/13's page (content/{MINUTES}:{line_of(archive, MINUTES, '## TB/19/13')}"
        "): one page would replace the other; rename the folder for the meeting's date, e.g. 2019-12-05")]


def test_two_pages_at_one_address_fail_the_build_however_they_came_about(tmp_path):
    """The last resort behind the checks above (build._one_page_an_address): a page no check foresaw."""
    from generator.build import Options, _one_page_an_address
    from generator.diagnostics import Report

    report = Report(root=tmp_path)
    _one_page_an_address(["/", "/tb/2019/tb-19-13/", "/tb/", "/tb/2019/tb-19-13/"], Options(content=tmp_path), report)
    assert [d.format().split(": error: ")[1] for d in report.errors] == [
        "two pages would be written to /tb/2019/tb-19-13/, one replacing the other; rename the meeting folder or "
        "the ref this address is made from; if neither is, this is a fault in Minutebook: please report it"]


def test_a_meeting_folder_among_another_bodys_meetings_is_a_warning_on_its_body_line(archive, build):
    (archive / "meetings/jc/2019-11-05").rename(archive / "meetings/tb/2019-11-05")
    moved = "meetings/tb/2019-11-05/meeting.md"
    assert warnings_after(build, archive) == [at(moved, line_of(archive, moved, "body:"), "the meeting's folder is "
        "inside tb/, but its body is jc: it is published among jc's meetings, as jc/2019-11-05; correct `body:` (a "
        "folder copied from one of tb's meetings keeps its body), or move the folder into content/meetings/jc/",
        "warning")]


def test_meetings_filed_in_folders_other_than_their_bodies_are_no_mistake(archive, build):
    (archive / "meetings/2019").mkdir()
    (archive / "meetings/jc/2019-11-05").rename(archive / "meetings/2019/2019-11-05")
    assert warnings_after(build, archive) == []


def test_a_date_whose_day_of_the_week_is_another_days_is_an_error_on_its_line(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: Wednesday 20 June 2019")
    assert errors_after(build, archive) == [at(LATER, line_of(archive, LATER, "date:"), "date: 'Wednesday 20 June "
        "2019' names a Wednesday, but 20 June 2019 is a Thursday; correct the day or the date; the date alone is "
        "enough, e.g. 2019-06-20")]


def test_a_meeting_moved_after_its_page_was_published_keeps_its_folder_without_a_warning(archive, build):
    edit(archive, LATER, "date: 20 June 2019", "date: 27 June 2019")
    assert warnings_after(build, archive) == []


def test_meeting_that_ends_before_it_starts_is_a_warning_on_its_end_line(archive, build):
    edit(archive, MEETING, "end: 4.30pm", "end: 1.30pm")
    assert warnings_after(build, archive) == [at(
        MEETING, line_of(archive, MEETING, "end:"), "the meeting ends (13:30) before it starts (14:00); check start "
        "and end (24-hour times, or am/pm)", "warning")]


# --- files that would silently not be published ---------------------------------------------------

HINT_NO_MEETING = "add meeting.md with the meeting's body and date, or move the files into their meeting's folder"


@pytest.mark.parametrize("name", ["minutes.md", "actions.md"])
def test_meeting_file_in_a_folder_without_meeting_md_is_an_error_and_the_site_is_not_written(
        archive, build, tmp_path, name):
    folder = archive / "meetings/tb/2019-09-19"
    folder.mkdir()
    (folder / name).write_text("---\nstatus: approved\n---\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(archive, out)
    assert not result.ok
    assert messages(result, "error") == [at(
        f"meetings/tb/2019-09-19/{name}", 1, f"the folder '2019-09-19' has {name} but no meeting.md, so none of it "
        f"is published; {HINT_NO_MEETING}")]
    assert not out.exists()


def test_a_folder_without_meeting_md_is_one_error_naming_what_it_holds(archive, build):
    (archive / "meetings/tb/2019-09-19/papers").mkdir(parents=True)
    for name in ("minutes.md", "actions.md", "papers/paper-a.md", "papers/paper-b.md"):
        (archive / "meetings/tb/2019-09-19" / name).write_text("---\nref: A\n---\n", encoding="utf-8")
    (archive / "meetings/tb/2019-10-17/papers").mkdir(parents=True)
    (archive / "meetings/tb/2019-10-17/papers/paper-a.md").write_text("---\nref: A\n---\n", encoding="utf-8")
    assert errors_after(build, archive) == [
        at("meetings/tb/2019-09-19/actions.md", 1, "the folder '2019-09-19' has actions.md, minutes.md and 2 papers "
           f"in papers/ but no meeting.md, so none of it is published; {HINT_NO_MEETING}"),
        at("meetings/tb/2019-10-17/papers/paper-a.md", 1, "the folder '2019-10-17' has 1 paper in papers/ but no "
           f"meeting.md, so none of it is published; {HINT_NO_MEETING}")]


def test_minutes_md_named_in_capitals_is_one_error_and_the_actions_it_raised_are_not_missed(archive, build):
    """Only a warning, the minutes would drop off the site unseen; and the June log's updates of the actions
    they raise would each be reported as an update of an unknown action."""
    (archive / MINUTES).rename(archive / "meetings/tb/2019-03-14/Minutes.md")
    assert errors_after(build, archive) == [at("meetings/tb/2019-03-14/Minutes.md", 1, "'Minutes.md' is not read "
        "as the meeting's minutes, so they are not published; rename it minutes.md, in lower case")]


def test_minutes_md_in_capitals_that_is_the_file_read_is_no_error(archive, build):
    """On a file system that ignores case (macOS, Windows), Minutes.md is what minutes.md opens: the minutes are
    read, and published. A second name for the same file stands in for it here."""
    os.link(archive / MINUTES, archive / "meetings/tb/2019-03-14/Minutes.md")
    result = build(archive)
    assert result.ok and messages(result) == []


def test_actions_md_named_in_capitals_is_an_error(archive, build):
    (archive / LOG).rename(archive / "meetings/tb/2019-06-20/ACTIONS.md")
    assert errors_after(build, archive) == [at("meetings/tb/2019-06-20/ACTIONS.md", 1, "'ACTIONS.md' is not read "
        "as the meeting's action log, so it is not published; rename it actions.md, in lower case")]


def test_meeting_md_named_in_capitals_is_one_error_and_what_its_meeting_held_is_not_missed(archive, build):
    (archive / MEETING).rename(archive / "meetings/tb/2019-03-14/Meeting.md")
    # the June meeting's action log updates actions this meeting raised: those checks wait, as for a meeting
    # whose meeting.md does not load (test_one_mistake_in_meeting_md_is_reported_once)
    assert errors_after(build, archive) == [at(
        "meetings/tb/2019-03-14/Meeting.md", 1, "'Meeting.md' is not read as the meeting's file, so the meeting is "
        "not published; rename it meeting.md, in lower case")]


# --- known bugs ---------------------------------------------------------------------------------

def test_one_mistake_in_meeting_md_is_reported_once(archive, build):
    edit(archive, MEETING, "date: 2019-03-14", "date: 2019-02-30")
    assert errors_after(build, archive) == [at(MEETING, line_of(archive, MEETING, "date:"),
        "date: '2019-02-30' is not a real date: February 2019 has 28 days; check the day in the papers and write "
        "it as YYYY-MM-DD, e.g. 2019-02-28 if the month's last day is meant")]


# --- through the command line -------------------------------------------------------------------

CLI_CASES = {
    "unknown field": (MEETING, "webcast:", "venu: Town Hall\nwebcast:", "venu:",
                      "error: unknown field 'venu' in a meeting; did you mean 'venue'?"),
    "malformed YAML": (LATER, "venue: Committee Room 1, County Hall", "venue: Committee: Room [1", "venue:",
                       "error: malformed YAML: the value has a ': ' in it"),
    "ambiguous person": (MEETING, "    - eve-turner\n", "    - Councillor Turner\n", "- Councillor Turner",
                         "error: 'Councillor Turner' could be any of: eve-turner, frank-turner"),
    "unsafe link": (MINUTES, "There was no other business.", "[x](javascript:alert(1))", "javascript:",
                    "error: unsafe link 'javascript:alert(1)'"),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_reports_content_errors_without_a_traceback_and_exits_1(archive, cli, case, command):
    relative, old, new, needle, text = CLI_CASES[case]
    edit(archive, relative, old, new)
    extra = ["--no-search", "--today", "2026-01-01"] if command == "build" else []
    done = cli(command, *extra)  # run in <tmp>, so the default --content is the broken copy
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"content/{relative}:{line_of(archive, relative, needle)}: {text}" in done.stderr
    assert not (archive.parent / "site").exists()


@pytest.mark.parametrize("relative", ["people.yaml", "site.yaml"])
def test_cli_reports_a_file_that_is_not_utf8_without_a_traceback(archive, cli, relative):
    path = archive / relative
    path.write_bytes(path.read_text(encoding="utf-8").replace("Testshire", "Tëstshire – Démocratie").encode("cp1252"))
    done = cli("check")
    assert "Traceback" not in done.stderr, done.stderr[-400:]
    assert done.returncode == 1
    assert re.search(rf"content/{re.escape(relative)}:\d+: error: the file is not UTF-8 text", done.stderr), \
        done.stderr[-400:]
    assert len([line for line in done.stderr.splitlines() if ": error: " in line]) == 1, done.stderr[-800:]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"], ids=["with its byte-order mark", "without"])
def test_a_file_saved_as_utf16_is_named_as_such_on_its_first_line(archive, build, encoding):
    """Without a byte-order mark, it was refused at its first accented letter as 'not UTF-8', if it had one."""
    path = archive / LATER
    path.write_bytes(path.read_text(encoding="utf-8").replace("Committee Room", "Comité Room").encode(encoding))
    assert [m for m in errors_after(build, archive) if LATER in m] == [at(LATER, 1,
        "the file is UTF-16 text (what Word and Notepad call Unicode), not UTF-8; save it with UTF-8 encoding (in "
        "most editors: Save As, Encoding: UTF-8)")]


def test_cli_error_count_matches_the_errors_printed(archive, cli):
    edit(archive, MINUTES, "There was no other business.", "There was [x](javascript:alert(1)).")
    done = cli("build", "--no-search", "--today", "2026-01-01")
    printed = [line for line in done.stderr.splitlines() if ": error: " in line]
    summary = re.search(r"build failed with (\d+) errors?", done.stderr)
    assert len(printed) == 1 and summary, done.stderr
    assert int(summary.group(1)) == len(printed), done.stderr


def test_cli_strict_turns_warnings_into_a_failure(archive, cli):
    (archive / "meetings/tb/2019-03-14/notes.md").write_text("Some notes.\n", encoding="utf-8")
    relaxed = cli("check")
    assert relaxed.returncode == 0, relaxed.stderr
    assert "content/meetings/tb/2019-03-14/notes.md:1: warning: 'notes.md' is not a meeting file" in relaxed.stderr
    strict = cli("check", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert "content/meetings/tb/2019-03-14/notes.md:1: warning: 'notes.md' is not a meeting file" in strict.stderr


@pytest.mark.parametrize("args", [
    [],  # no command
    ["publish"],  # no such command
    ["build", "--today", "2019-13-45"],  # not a date
    ["build", "--frobnicate"],  # no such option
    ["check", "--format", "xml"],  # no such format
])
def test_cli_usage_errors_exit_2(cli, args):
    done = cli(*args)
    assert done.returncode == 2, (args, done.returncode, done.stderr)
    assert "usage: minutebook" in done.stderr
    assert "Traceback" not in done.stderr


_DESTROYED = [
    ("content", "the output folder {tmp}/content is the content folder, and a build replaces its output folder "
                "whole, which would delete the content; choose another, e.g. --out site"),
    (".", "the output folder {tmp} holds the content folder {tmp}/content, and a build replaces its output folder "
          "whole, which would delete the content; choose another, e.g. --out site"),
    ("papers", "the output folder {tmp}/papers holds files, but not a site Minutebook built (it has no "
               "data/meetings.json), and a build replaces its output folder whole; choose another folder, or "
               "empty this one first"),
    ("notes.txt", "the output folder {tmp}/notes.txt is a file; choose a folder, e.g. --out site"),
    ("content/site", "the output folder {tmp}/content/site is inside the content folder {tmp}/content, where the "
                     "site would be kept with what it is built from; choose a folder outside it, e.g. --out site"),
]


# The preview replaces its folder as a build does; two cases suffice, as a preview not refused serves until stopped
@pytest.mark.parametrize("command, out, said", [("build", *case) for case in _DESTROYED]
                         + [("serve", *case) for case in _DESTROYED[::2]])
def test_an_output_folder_the_build_would_destroy_is_refused_and_left_as_it_was(archive, cli, tmp_path, command, out,
                                                                                said):
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers/board-report.docx").write_bytes(b"a clerk's own file")
    (tmp_path / "notes.txt").write_text("notes\n", encoding="utf-8")
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    done = cli(command, "--no-search", "--out", out)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"minutebook {command}: error: " + said.format(tmp=tmp_path.resolve())
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "papers/board-report.docx").read_bytes() == b"a clerk's own file"


@pytest.mark.parametrize("command", ["build", "serve"])
@pytest.mark.parametrize("out, cache", [("site", "site/cache"), (".minutebook", "")])
def test_an_output_folder_that_holds_the_build_cache_is_refused(archive, cli, tmp_path, command, out, cache):
    """The cache holds the records as read, private meetings, confidential items and draft minutes among them: in
    the output folder it was published with the site."""
    done = cli(command, "--no-search", "--out", out, env={"MINUTEBOOK_CACHE_DIR": cache})
    assert done.returncode == 2, done.stderr
    folder = tmp_path / (cache or ".minutebook/cache")
    assert done.stderr.strip() == (
        f"minutebook {command}: error: the output folder {tmp_path / out} holds the build cache folder {folder}, "
        "whose files hold every record the build reads, unpublished ones too, and would be published with the "
        "site; choose another output folder, e.g. --out site, or another cache folder (MINUTEBOOK_CACHE_DIR)")
    assert not (tmp_path / out).exists()
    assert cli("build", "--no-search", "--no-cache", "--out", out, env={"MINUTEBOOK_CACHE_DIR": cache}) \
        .returncode == 0  # which writes no cache


def test_a_site_minutebook_built_is_replaced_by_the_next_build_into_it(archive, cli, tmp_path):
    first = cli("build", "--no-search", "--no-cache", "--out", "public")
    (tmp_path / "public/stale.html").write_text("left by hand\n", encoding="utf-8")
    again = cli("build", "--no-search", "--no-cache", "--out", "public")
    assert first.returncode == again.returncode == 0, again.stderr
    assert (tmp_path / "public/data/meetings.json").is_file() and not (tmp_path / "public/stale.html").exists()


def test_cli_missing_content_folder_is_a_content_error(cli, tmp_path):
    done = cli("check", "--content", str(tmp_path / "nowhere"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert (f"error: the content folder does not exist; there is no folder {tmp_path.resolve()}/nowhere: check the "
            "folder given with --content") in done.stderr


def test_cli_run_in_the_wrong_folder_is_told_where_it_looked(cli, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    done = cli("check", cwd=tmp_path / "elsewhere")
    assert done.returncode == 1
    assert ("error: the content folder does not exist; run minutebook in the folder that holds content/ (it looked "
            f"in {(tmp_path / 'elsewhere').resolve()}), or pass --content with your archive's folder") in done.stderr
