"""An agenda item not taken at its meeting: `status: deferred` or `status: withdrawn` on the item.

Agendas are published before the meeting and items come off them: a report not
ready is deferred to a later meeting, one no longer needed is withdrawn. The
published agenda keeps the item, marked so a reader does not look for its
minute; where a deferred item went is said in its description with a `[[...]]`
reference, which links the later meeting and is listed there as "Referenced
from". The clerk's mistakes with the field are in tests/test_errors.py.

The archive here is the fixture archive with the board's March item 13.2
deferred to its June meeting and item TB/19/15 withdrawn.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from gate_tools import vnu
from generator.build import Options, run
from helpers import FIXTURE, TODAY, edit, page

MEETING = "meetings/tb/2019-03-14/meeting.md"
PAGE, LATER_PAGE = "/tb/2019/2019-03-14/", "/tb/2019/2019-06-20/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("agenda-status")
    content = Path(shutil.copytree(FIXTURE, root / "content"))
    edit(content, MEETING, '        title: Equality impact assessment\n',
         '        title: Equality impact assessment\n        status: deferred\n'
         '        description: To be taken at [[tb/2019-06-20]].\n')
    edit(content, MEETING, "    title: Any other business\n", "    title: Any other business\n    status: withdrawn\n")
    result = run(Options(content=content, out=root / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]
    return root / "site"


def _row(doc, ref: str):
    table = page_table(doc)
    return next(tr for tr in table.find_all("tr") if tr.find("th") is not None and tr.find("th").text == ref)


def page_table(doc):
    return next(t for t in doc.find_all("table") if "agenda" in t.classes)


def test_the_agenda_marks_an_item_not_taken_in_words_and_keeps_the_rest_of_it(site):
    doc = page(site, PAGE)
    deferred, withdrawn, taken = _row(doc, "13.2"), _row(doc, "TB/19/15"), _row(doc, "TB/19/13")
    assert deferred.find("strong", class_="agenda-status").text == "Deferred: not taken at this meeting"
    assert (LATER_PAGE, "TB meeting, 20 June 2019") in deferred.links()  # where it went, from its description
    assert "Equality impact assessment" in deferred.text
    assert withdrawn.find("strong", class_="agenda-status").text == "Withdrawn: not taken at this meeting"
    assert taken.find_all("strong", class_="agenda-status") == []


def test_the_meeting_it_was_deferred_to_lists_it_as_referenced_from(site):
    backlinks = page(site, LATER_PAGE).one("section", class_="backlinks")
    assert [href for href, _ in backlinks.links()] == [PAGE + "#agenda-13-2"]  # the agenda item itself


def test_a_number_cited_that_has_no_minute_but_an_agenda_row_leads_to_that_row(tmp_path):
    """Every minute number is a link: one given to an item deferred or withdrawn, which no minutes have, leads
    to the agenda that says what became of it, and that meeting's page lists the citation."""
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    edit(content, MEETING, "    title: Any other business\n", "    title: Any other business\n"
         "  - ref: TB/19/16\n    title: Estates strategy\n    status: deferred\n")
    heading = "## TB/19/20 Minutes of the meeting held on 14 March 2019\n"
    edit(content, "meetings/tb/2019-06-20/minutes.md", heading,
         heading + "\nThe estates strategy (TB/19/16) is to come in September.\n")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]
    later = page(tmp_path / "site", LATER_PAGE)
    assert (PAGE + "#agenda-tb-19-16", "TB/19/16") in later.links()
    assert _row(page(tmp_path / "site", PAGE), "TB/19/16").attrs["id"] == "agenda-tb-19-16"
    backlinks = page(tmp_path / "site", PAGE).one("section", class_="backlinks")
    assert any(href.startswith(LATER_PAGE) for href, _ in backlinks.links())


@pytest.mark.parametrize("written", ["TB / 19/ 15", "TB/19/015"])
def test_an_agenda_number_written_with_spaces_or_a_leading_zero_is_the_minutes_number(tmp_path, written):
    """Agendas copied from a PDF have `TB / 19/ 15`, and some pad numbers (`TB/19/015`): read as the minutes'
    headings are, it is TB/19/15, and the agenda shows it so and links that minute (with no warning that the two
    differ)."""
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    edit(content, MEETING, "  - ref: TB/19/15\n", f'  - ref: "{written}"\n')
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]
    row = _row(page(tmp_path / "site", PAGE), "TB/19/15")
    assert row.attrs["id"] == "agenda-tb-19-15" and ("#item-tb-19-15", "Minute TB/19/15") in row.links()


def test_open_data_gives_each_agenda_items_status_and_is_valid_against_its_schema(site):
    document = json.loads((site / "data" / "meetings.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(checker.iter_errors(document)) == []
    march = next(e for e in document["events"] if e["extras"]["meeting"] == "tb/2019-03-14")
    statuses = {a["extras"]["ref"]: a["extras"]["status"] for a in march["agenda"]}
    assert statuses == {"TB/19/12": None, "TB/19/13": None, "TB/19/14": None, "TB/19/15": "withdrawn"}
    strategy = next(a for a in march["agenda"] if a["extras"]["ref"] == "TB/19/13")
    assert [(s["extras"]["ref"], s["extras"]["status"]) for s in strategy["extras"]["items"]] == [
        ("13.1", None), ("13.2", "deferred")]


def test_the_marked_agenda_is_valid_html(site, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(site / PAGE.strip("/") / "index.html", folder / "meeting.html")
    result = vnu(folder)
    assert len(result.checked) == 1 and result.errors == []
