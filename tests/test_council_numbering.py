"""A council's minutes numbered on through the municipal year: an agenda item names its minute with `minute:`.

The pack the public holds numbers each agenda's items from 1; the minutes go on
from the meeting before (the pack's item 1 is minute 41). The agenda keeps the
pack's numbers and links each item to the minute `minute:` names, and the minute's
page names the agenda item by the pack's number. The clerk's mistakes with the
field are in tests/test_errors.py; `new meeting` for such a body in
tests/test_scaffold.py; the preview in tests/test_quick.py.

The archive here is the fixture archive with the joint committee's November 2019
meeting numbered so (helpers.council_numbered).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.build import Options, run
from helpers import FIXTURE, TODAY, council_numbered, page

PAGE = "/jc/2019/2019-11-05/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("council-numbering")
    content = Path(shutil.copytree(FIXTURE, root / "content"))
    council_numbered(content)
    result = run(Options(content=content, out=root / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]  # no warning either
    return root / "site"


def _rows(doc) -> dict:
    table = next(t for t in doc.find_all("table") if "agenda" in t.classes)
    return {tr.find("th").text: tr for tr in table.find_all("tr") if tr.find("th") is not None
            and tr.find("th").attrs.get("scope") == "row"}


def test_the_agenda_keeps_the_packs_numbers_and_links_each_item_to_the_minute_it_names(site):
    rows = _rows(page(site, PAGE))
    assert list(rows) == ["1", "5", "5.1", "7"]
    assert [(number, [a for a in row.links() if a[1].startswith("Minute")]) for number, row in rows.items()] == [
        ("1", [("#item-41", "Minute 41")]), ("5", [("#item-42", "Minute 42")]), ("5.1", [("#item-43", "Minute 43")]),
        ("7", [("#item-44", "Minute 44")])]


def test_a_minutes_page_and_its_place_on_the_meeting_page_name_the_agenda_item_by_the_packs_number(site):
    item = page(site, PAGE + "item-42/").one("p", class_="agenda-link")
    assert item.links() == [(PAGE + "#agenda-5", "Agenda item 5 (Decision)")]
    meeting = page(site, PAGE)
    permalinks = [p.links() for p in meeting.find_all("p", class_="permalink")]
    assert [links[1] for links in permalinks] == [("#agenda-1", "Agenda item 1"), ("#agenda-5", "Agenda item 5"),
                                                  ("#agenda-5-1", "Agenda item 5.1"), ("#agenda-7", "Agenda item 7")]


def test_open_data_gives_each_agenda_items_minute_and_its_number(site):
    document = json.loads((site / "data" / "meetings.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "meetings.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(checker.iter_errors(document)) == []
    event = next(e for e in document["events"] if e["extras"]["meeting"] == "jc/2019-11-05")
    base = "https://records.testshire.example"  # the fixture's site.yaml
    found = [(a["extras"]["ref"], a["extras"]["minute_ref"], a["extras"]["minute"]) for a in event["agenda"]]
    found += [(s["extras"]["ref"], s["extras"]["minute_ref"], s["extras"]["minute"])
              for a in event["agenda"] for s in a["extras"]["items"]]
    assert found == [("1", "41", f"{base}{PAGE}item-41/"), ("5", "42", f"{base}{PAGE}item-42/"),
                     ("7", "44", f"{base}{PAGE}item-44/"), ("5.1", "43", f"{base}{PAGE}item-43/")]


def test_minutes_data_gives_each_minute_the_agenda_item_it_records_by_the_packs_number(site):
    """meetings.json gives an agenda item's minute (`minute_ref`); minutes.json gives a minute's agenda item back."""
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "minutes.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(checker.iter_errors(document)) == []
    record = next(m for m in document["minutes"] if m["meeting"] == "jc/2019-11-05")
    base = "https://records.testshire.example"
    assert [(item["ref"], item["agenda_item"]) for item in record["items"]] == [
        ("41", {"ref": "1", "url": f"{base}{PAGE}#agenda-1"}), ("42", {"ref": "5", "url": f"{base}{PAGE}#agenda-5"}),
        ("43", {"ref": "5.1", "url": f"{base}{PAGE}#agenda-5-1"}), ("44", {"ref": "7", "url": f"{base}{PAGE}#agenda-7"})]
