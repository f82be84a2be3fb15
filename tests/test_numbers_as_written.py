"""Minute numbers as the body prints them: zeros in front (C/2024/045) and parts of an item (24/007(a)).

A district council prints its minutes C/2024/045; citing one, a reader must
find that number on the page. A body says so in its pattern (`C/{yyyy}/{nnn}`:
three digits at least). The minute's address stays what it was before a body
could say so (`/dc/2024/c-2024-45/`), as addresses are cited too.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator import search_refs
from generator.build import Options, prepare, run
from generator.diagnostics import Report
from generator.linkcheck import check_site
from test_references import FIXTURE, _referenced_from, xrefs

COUNCIL = '---\nname: Northvale District Council\nshort_name: NDC\nnumbering: "C/{yyyy}/{nnn}"\n---\n'
MINUTES = """---
status: approved
---
## C/2024/045 Planning

Resolved as C/2024/046 says, and as C/2024/46 says. See [[dc:C/2024/46]].

## C/2024/046 Footpaths

```item
actions:
  - owner: {name: Clerk}
    text: Write to the county.
    due: 2024-06-30
```

As minute C/2024/045 said. Done by [[action:C/2024/046#1]], also [[action:C/2024/46#1]].
"""
AGENDA = """---
body: dc
date: 2024-05-13
agenda:
  - ref: C/2024/45
    title: Planning
  - ref: C/2024/046
    title: Footpaths
---
"""


def _council(tmp_path: Path, bodies: str = COUNCIL) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies" / "dc.md").write_text(bodies, encoding="utf-8")
    meeting = content / "meetings" / "dc" / "2024-05-13"
    meeting.mkdir(parents=True)
    (meeting / "meeting.md").write_text(AGENDA, encoding="utf-8")
    (meeting / "minutes.md").write_text(MINUTES, encoding="utf-8")
    return content


# Papers for a minute and for an item deferred, each naming its item without the zeros the body prints.
COUNCIL_PAPERS = {"a.md": "---\nref: A\ntitle: Planning report\nitem: C/2024/45\n---\n",
                  "b.md": "---\nref: B\ntitle: Allotments report\nitem: C/2024/47\n---\n"}
DEFERRED = "  - ref: C/2024/047\n    title: Allotments\n    status: deferred\n    paper: B\n"


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> Path:
    content = _council(tmp_path_factory.mktemp("council"))
    meeting = content / "meetings" / "dc" / "2024-05-13"
    (meeting / "meeting.md").write_text(AGENDA.replace("---\n", DEFERRED + "---\n", 2).replace(
        DEFERRED, "", 1), encoding="utf-8")
    (meeting / "papers").mkdir()
    for name, text in COUNCIL_PAPERS.items():
        (meeting / "papers" / name).write_text(text, encoding="utf-8")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert [d.format() for d in result.report.items if "/dc/" in d.path] == []
    return out


def _html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_a_minute_keeps_the_address_it_had_before_its_body_said_it_prints_zeros(council):
    """`/dc/2024/c-2024-45/`, as a body numbering C/{yyyy}/{n} with the same minutes had it: a citable address
    does not change when a body's pattern says how it prints its numbers."""
    assert sorted(p.parent.name for p in (council / "dc" / "2024").glob("*/index.html")) == [
        "2024-05-13", "c-2024-45", "c-2024-46"]


def test_the_item_page_shows_and_cites_the_number_as_the_body_prints_it(council):
    html = _html(council, "/dc/2024/c-2024-45/")
    assert '<h1><span class="ref">C/2024/045</span> Planning</h1>' in html
    assert "<title>C/2024/045 Planning" in html
    assert "minute C/2024/045, Planning, Monday 13 May 2024" in html  # the citation
    assert "Next item: C/2024/046 Footpaths" in html
    assert "C/2024/45<" not in html and "C/2024/45 " not in html


def test_the_meeting_page_shows_the_agenda_and_minutes_numbers_as_printed(council):
    html = _html(council, "/dc/2024/2024-05-13/")
    assert '<th scope="row" data-label="Item">C/2024/045</th>' in html  # the agenda wrote C/2024/45
    assert '<span class="ref">C/2024/045</span> Planning' in html
    assert "Page for item C/2024/045<" in html
    assert 'id="item-c-2024-45"' in html and 'id="agenda-c-2024-45"' in html  # the anchors as before


def test_a_paper_names_its_item_by_the_number_as_the_body_prints_it(council):
    """A paper for `item: C/2024/45`, or for an item the meeting deferred, was said to be for "item C/2024/45", a
    number the minutes and the agenda print nowhere, on its page and in its meeting's list of papers."""
    assert 'item <a href="/dc/2024/c-2024-45/">C/2024/045</a>.' in _html(council, "/dc/2024/2024-05-13/papers/a/")
    assert "item C/2024/047." in _html(council, "/dc/2024/2024-05-13/papers/b/")
    html = _html(council, "/dc/2024/2024-05-13/")
    assert "(item C/2024/045)" in html and "(item C/2024/047)" in html


def test_a_reference_written_with_or_without_the_zeros_links_the_same_minute(council):
    """Written in prose, the link keeps the clerk's words; `[[dc:...]]` without words shows the printed number."""
    assert xrefs(council, "/dc/2024/c-2024-45/") == [
        ("/dc/2024/c-2024-46/", "C/2024/046"), ("/dc/2024/c-2024-46/", "C/2024/46"),
        ("/dc/2024/c-2024-46/", "C/2024/046")]


def test_referenced_from_feeds_open_data_and_the_search_map_give_the_printed_number(council):
    assert "Minute C/2024/045" in _html(council, "/dc/2024/c-2024-46/").split('id="referenced-from"', 1)[1]
    assert "/dc/2024/c-2024-45/" in _referenced_from(council, "/dc/2024/c-2024-46/")
    feed = (council / "feeds" / "all.xml").read_text(encoding="utf-8")
    assert "C/2024/045 Planning" in feed and "C/2024/45 " not in feed
    minutes = json.loads((council / "data" / "minutes.json").read_text(encoding="utf-8"))
    refs = [item["ref"] for record in minutes["minutes"] if record["body"] == "dc" for item in record["items"]]
    assert refs == ["C/2024/045", "C/2024/046"]


def test_an_action_is_named_by_its_minutes_printed_number_at_the_address_it_had(council):
    """Action C/2024/046#1, as the minutes print its minute, at /dc/actions/c-2024-46-1/ as before; named either
    way in `[[action:...]]`, it is the same action."""
    html = _html(council, "/dc/actions/c-2024-46-1/")
    assert '<h1>Action <span class="ref">C/2024/046#1</span></h1>' in html
    assert xrefs(council, "/dc/2024/c-2024-46/") == [("/dc/2024/c-2024-45/", "C/2024/045"),
                                                     ("/dc/actions/c-2024-46-1/", "action C/2024/046#1"),
                                                     ("/dc/actions/c-2024-46-1/", "action C/2024/046#1")]
    actions = json.loads((council / "data" / "actions.json").read_text(encoding="utf-8"))["actions"]
    assert [(a["id"], a["reference"], a["raised"]["item"]) for a in actions if a["body"] == "dc"] == [
        ("dc:C/2024/46#1", "C/2024/046#1", "C/2024/046")]  # the id, which data users key on, as it was


def _council_told(tmp_path: Path, old: str, new: str) -> tuple[list[str], int]:
    """The messages on the council's files of a build with `old` in its minutes made `new`, and the line `new`
    starts on."""
    content = _council(tmp_path)
    minutes = content / "meetings" / "dc" / "2024-05-13" / "minutes.md"
    minutes.write_text(minutes.read_text().replace(old, new))
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2026, 1, 1), search=False,
                         cache=False))
    first = new.strip().splitlines()[0]
    line = next((n for n, text in enumerate(minutes.read_text().splitlines(), start=1) if first in text), 0)
    return [d.format() for d in result.report.items if "/dc/" in d.path], line


def test_a_reference_to_a_missing_minute_is_told_the_nearest_as_the_body_prints_them(tmp_path):
    """The clerk looks for the numbers the warning offers in the minutes, which print C/2024/045."""
    told, line = _council_told(tmp_path, "As minute C/2024/045 said.", "As minute C/2024/099 said.")
    assert told == [
        f"content/meetings/dc/2024-05-13/minutes.md:{line}: warning: reference 'C/2024/099' does not resolve; "
        "nearest existing: C/2024/045, C/2024/046"]


def test_an_action_reference_that_does_not_resolve_is_told_the_actions_as_the_body_prints_them(tmp_path):
    """Told 'its minute's actions are C/2024/46#1', or 'no action of C/2024/47', the clerk finds neither in
    minutes that print C/2024/046."""
    told, line = _council_told(tmp_path, "also [[action:C/2024/46#1]]",
                               "also [[action:C/2024/046#2]] and [[action:C/2024/047#1]]")
    assert told == [
        f"content/meetings/dc/2024-05-13/minutes.md:{line}: warning: reference 'action:C/2024/046#2' does not "
        "resolve; its minute's actions are C/2024/046#1",
        f"content/meetings/dc/2024-05-13/minutes.md:{line}: warning: reference 'action:C/2024/047#1' does not "
        "resolve; no action of C/2024/047 is published"]


def test_the_checks_of_an_action_name_it_as_the_body_prints_it(tmp_path):
    """'action C/2024/46#1 has no due date' named an action the clerk finds nowhere: the minutes print C/2024/046."""
    action = "  - owner: {name: Clerk}\n    text: Write to the county.\n"
    told, line = _council_told(tmp_path, action + "    due: 2024-06-30\n", action)
    assert told == [
        f"content/meetings/dc/2024-05-13/minutes.md:{line}: warning: action C/2024/046#1 has no due date; add "
        "`due:` (a date, a month such as 2019-10, or text such as 'next meeting')"]


def test_a_moved_number_written_wrongly_is_shown_one_as_the_body_prints_them(tmp_path):
    """moved.yaml's example number was C/2024/46, which the body does not print."""
    content = _council(tmp_path)
    (content / "moved.yaml").write_text("C/2024/046: C/2024/046\n", encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2026, 1, 1), search=False,
                         cache=False))
    assert [d.format() for d in result.report.items if "moved.yaml" in d.path] == [
        "content/moved.yaml:1: error: 'C/2024/046' is the number the minute has now, on both sides; write the number "
        "the minute was first published with, as NDC numbers them (like C/2024/046), then the number it has now"]


def test_the_body_page_gives_the_pattern_with_its_width(council):
    assert "<dt>Minute numbers</dt> <dd>C/YYYY/NNN</dd>" in _html(council, "/dc/")


def test_the_search_map_finds_the_minute_written_either_way_and_names_it_as_printed(tmp_path):
    """The search page's direct jump (search_refs): C/2024/45 and C/2024/045 are one key, offering the minute by
    its printed number."""
    content = _council(tmp_path)
    prepared = prepare(Options(content=content, today=dt.date(2026, 1, 1)), Report(root=content), {})
    found = search_refs.entries(prepared.index)
    assert found[search_refs.ref_key("C/2024/045")] == found[search_refs.ref_key("C/2024/45")]
    assert [entry["ref"] for entry in found[search_refs.ref_key("C/2024/45")]] == ["C/2024/045"]


# --- parts of an item: 24/007(a) --------------------------------------------------------------------------

PARISH = '---\nname: Northvale Parish Council\nshort_name: NPC\nnumbering: "{yy}/{nnn}"\n---\n'
PARISH_MINUTES = """---
status: approved
---
## 24/007 Finance

### 24-007 (a) Payments

Not a part's number, but the same words for an id: its heading's is taken first, and the part's is the next.

### 24/007(a) Payments

Paid.

### 24/007 (ii) Receipts

Received.

## 24/008 Other business

See 24/007(a), 24/007 (ii) and 24/007(c), and 24/008.1.

## 24/009 Named by the double-bracket syntax

As [[parish:24/007(a)]], [[parish:24/007 (ii)|the receipts]], [[parish:24/007(c)]] and [[parish:24/7(a)]] say.
"""


@pytest.fixture(scope="module")
def parish(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("parish") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies" / "parish.md").write_text(PARISH, encoding="utf-8")
    meeting = content / "meetings" / "parish" / "2024-05-14"
    meeting.mkdir(parents=True)
    (meeting / "meeting.md").write_text("---\nbody: parish\ndate: 2024-05-14\n---\n", encoding="utf-8")
    (meeting / "minutes.md").write_text(PARISH_MINUTES, encoding="utf-8")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert [d.format() for d in result.report.items if "parish" in d.path] == []
    return out


def test_a_reference_to_a_part_numbered_in_a_heading_links_that_heading_on_the_items_page(parish):
    """`24/007(a)` is part (a) of minute 24/007: the link, and its words, take the part in, and lead to the part's
    heading (whose id is the one the page gives it), not to 24/007's top with '(a)' left as text."""
    links = xrefs(parish, "/parish/2024/24-8/")
    assert links[:2] == [("/parish/2024/24-7/#24-007-a-payments-2", "24/007(a)"),
                         ("/parish/2024/24-7/#24-007-ii-receipts", "24/007 (ii)")]
    page = _html(parish, "/parish/2024/24-7/")
    assert 'id="24-007-a-payments-2"' in page and 'id="24-007-ii-receipts"' in page
    assert [b.format() for b in check_site(parish).broken if b.page.startswith("parish/")] == []


def test_a_reference_to_a_part_the_minute_has_no_heading_for_links_the_minute(parish):
    """Many minutes letter their parts in paragraphs, "(c) that the clerk...": the minute is what can be linked."""
    assert xrefs(parish, "/parish/2024/24-8/")[2:] == [("/parish/2024/24-7/", "24/007(c)"),
                                                       ("/parish/2024/24-8/", "24/008.1")]



def test_a_part_named_by_the_double_bracket_syntax_links_as_the_same_words_in_running_text_do(parish):
    """`[[parish:24/007(a)]]`, as a clerk writes a reference to another body's minute, names part (a) as `24/007(a)`
    does: it was a number the body does not have, shown as text with a warning that it numbers its minutes like
    19/070, as written. Shown with the number as the body prints it, the part as written."""
    assert xrefs(parish, "/parish/2024/24-9/") == [("/parish/2024/24-7/#24-007-a-payments-2", "24/007(a)"),
                                                   ("/parish/2024/24-7/#24-007-ii-receipts", "the receipts"),
                                                   ("/parish/2024/24-7/", "24/007(c)"),
                                                   ("/parish/2024/24-7/#24-007-a-payments-2", "24/007(a)")]


def _parish_meetings(tmp_path: Path, *meetings: tuple[str, str]) -> Path:
    """The references fixture with the parish and its meetings, (date, the minutes' items) of each."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies" / "parish.md").write_text(PARISH, encoding="utf-8")
    for day, minutes in meetings:
        meeting = content / "meetings" / "parish" / day
        meeting.mkdir(parents=True)
        (meeting / "meeting.md").write_text(f"---\nbody: parish\ndate: {day}\n---\n", encoding="utf-8")
        (meeting / "minutes.md").write_text(f"---\nstatus: approved\n---\n{minutes}", encoding="utf-8")
    return content


def test_a_number_run_on_into_a_word_or_a_sum_is_no_part(tmp_path):
    """`24/007.5m` and `24/007(a)b` are not a part of 24/007 written after its number: the link is the number's,
    and the rest stays text, where '.5' and '(a)' were linked and 'm' and 'b' left outside the link."""
    content = _parish_meetings(tmp_path, ("2024-05-14", "## 24/007 Finance\n\n### 24/007(a) Payments\n\nPaid.\n"),
                               ("2024-06-11", "## 24/020 Matters arising\n\nAs 24/007.5m, 24/007(a)b and "
                                              "24/007(a). said.\n"))
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False)).ok
    assert xrefs(out, "/parish/2024/24-20/") == [("/parish/2024/24-7/", "24/007"), ("/parish/2024/24-7/", "24/007"),
                                                 ("/parish/2024/24-7/#24-007-a-payments", "24/007(a)")]


def test_a_reference_to_a_part_of_a_minute_made_confidential_links_the_minute_after_a_warm_build(tmp_path):
    """A part's heading is not on the page of a minute that is confidential: a reference to the part from another
    meeting leads to the minute, in a warm build as in a build from scratch. The warm build kept
    `#24-007-a-payments` on the citing page, an id the minute's page no longer had, made of the words of a
    heading withheld since."""
    content = _parish_meetings(tmp_path, ("2024-05-14", "## 24/007 Finance\n\n### 24/007(a) Payments\n\nPaid.\n"),
                               ("2024-06-11", "## 24/020 Matters arising\n\nAs 24/007(a) said.\n"))
    warm, today = tmp_path / "warm", dt.date(2026, 1, 1)
    assert run(Options(content=content, out=warm, today=today, search=False)).ok
    assert xrefs(warm, "/parish/2024/24-20/") == [("/parish/2024/24-7/#24-007-a-payments", "24/007(a)")]
    minutes = content / "meetings" / "parish" / "2024-05-14" / "minutes.md"
    minutes.write_text(minutes.read_text().replace(
        "## 24/007 Finance\n", "## 24/007 Finance\n\n```item\nconfidential: yes\nreason: Exempt\n```\n"))
    assert run(Options(content=content, out=warm, today=today, search=False)).ok
    full = tmp_path / "full"
    assert run(Options(content=content, out=full, today=today, search=False, cache=False)).ok
    assert xrefs(full, "/parish/2024/24-20/") == [("/parish/2024/24-7/", "24/007(a)")]
    assert _html(warm, "/parish/2024/24-20/") == _html(full, "/parish/2024/24-20/")
