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
from helpers import FIXTURE, JC_MEETING, JC_MINUTES, TODAY, council_numbered, edit, page

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


# ---- a minute number used twice in one run of a council's minutes ------------------------------------------
# The actions fixture's JC numbers per meeting; its meeting of 1 August 2019 has minute 4, its agenda's item 1
# naming it (`minute: "4"`), as a council's pack numbers its items from 1.

ACTIONS = Path(__file__).resolve().parent / "fixtures" / "actions"


DECLARED = ('paper: "05"\n', 'paper: "05"\ndeclarations:\n  - person: carol-singh\n    interest: Trustee of the '
            'provider named in item 5 and items 5.1 and 7.\n    action: Stayed in the room\n')


def test_an_item_a_declaration_names_by_the_packs_number_links_the_minute_that_records_it(tmp_path):
    """Declarations name items by the agenda the members had before them: "item 5" is the pack's item 5, minute 42,
    which was linked to the agenda's row (and minute 5, where the meeting had one of another item)."""
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    council_numbered(content)
    text = (content / JC_MINUTES).read_text(encoding="utf-8").replace(*DECLARED)
    (content / JC_MINUTES).write_text(text, encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]
    declared = page(tmp_path / "site", PAGE + "item-42/").one("div", class_="declarations")
    assert [link for link in declared.links() if link[0].startswith(PAGE)] == [
        (PAGE + "item-42/", "5"), (PAGE + "item-43/", "5.1"), (PAGE + "item-44/", "7")]


def test_an_item_named_by_a_number_both_the_pack_and_the_minutes_give_another_item_is_a_warning(tmp_path):
    """The pack's item 7 is minuted as 5, and its item 5 as 42: "item 5" may be either, and is linked to neither."""
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    council_numbered(content)
    text = (content / JC_MINUTES).read_text(encoding="utf-8").replace(*DECLARED).replace("## 44 Call-in",
                                                                                         "## 5 Call-in")
    (content / JC_MINUTES).write_text(text, encoding="utf-8")
    meeting = (content / JC_MEETING).read_text(encoding="utf-8")
    (content / JC_MEETING).write_text(meeting.replace('minute: "44"', 'minute: "5"'), encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    line = text.split("\n").index("    interest: Trustee of the provider named in item 5 and items 5.1 and 7.") + 1
    assert [d.format() for d in result.report.items] == [
        f"content/{JC_MINUTES}:{line}: warning: reference 'item 5' does not resolve; the agenda's item 5 is minute "
        "42, and minute 5 is another item: write [[jc:2019-11-05/42]] for the one, or [[jc:2019-11-05/5]] for the "
        "other"]


def test_an_item_named_by_the_packs_number_in_a_body_numbering_by_a_pattern_links_the_minute_that_records_it(
        archive, build, tmp_path):
    """An NHS board's pack numbers its items 1, 2, 3 for minutes CCBP/19/74, 75, 76: "item 2" in a declaration is
    the pack's item 2, which was shown as text, as only a body numbering per meeting named items so. A number the
    agenda does not have is no item of the pack's, and is left as text without a warning."""
    minutes = "meetings/tb/2019-03-14/minutes.md"
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "  - ref: TB/19/13\n", '  - ref: "2"\n    minute: TB/19/13\n')
    edit(archive, minutes, "named in Paper A.", "named in Paper A, item 2 and item 9.")
    result = build(archive, tmp_path / "site")
    assert result.ok and result.report.items == [], [d.format() for d in result.report.items]
    declared = page(tmp_path / "site", "/tb/2019/tb-19-12/").one("div", class_="declarations")
    assert [link for link in declared.links() if "/tb/" in link[0]] == [
        ("/tb/2019/2019-03-14/papers/a/", "Paper A"), ("/tb/2019/tb-19-13/", "2")]


@pytest.fixture
def council(tmp_path) -> Path:
    content = Path(shutil.copytree(ACTIONS, tmp_path / "content"))
    august = content / "meetings/jc/2019-08-01/meeting.md"
    august.write_text(august.read_text(encoding="utf-8").replace(
        "date: 2019-08-01\n", 'date: 2019-08-01\nagenda:\n  - ref: "1"\n    minute: "4"\n    title: Pilot referral\n'),
        encoding="utf-8")
    return content


def _year_starts(content: Path) -> None:
    """JC's municipal year begins in May, where its minutes start again at 1."""
    path = content / "bodies/jc.md"
    path.write_text(path.read_text(encoding="utf-8").replace("numbering: per-meeting\n",
                                                             "numbering: per-meeting\nyear_starts: May\n"),
                    encoding="utf-8")


def _meeting(content: Path, day: str, numbers: range, more: str = "") -> str:
    """A meeting of JC on `day` whose pack numbers its items from 1, minuted as `numbers`; its minutes.md."""
    folder = content / "meetings/jc" / day
    folder.mkdir()
    agenda = "".join(f'  - ref: "{at}"\n    minute: "{n}"\n    title: Item {at}\n'
                     for at, n in enumerate(numbers, start=1))
    (folder / "meeting.md").write_text(f"---\nbody: jc\ndate: {day}\n{more}agenda:\n{agenda}---\n", encoding="utf-8")
    minutes = "".join(f"## {n} Item {at}\n\nNoted.\n\n" for at, n in enumerate(numbers, start=1))
    (folder / "minutes.md").write_text(f"---\nstatus: approved\n---\n{minutes}", encoding="utf-8")
    return f"content/meetings/jc/{day}/minutes.md"


def _errors(content: Path) -> list[str]:
    result = run(Options(content=content, today=dt.date.fromisoformat(TODAY), search=False), write=False)
    return [d.format() for d in result.report.sorted() if d.severity == "error"]


AUGUST = "content/meetings/jc/2019-08-01/minutes.md:4"


AFRESH = "; or, where this meeting's minutes are numbered afresh, number them from 1"


@pytest.mark.parametrize("year_starts, earlier, october, line, run, free, afresh", [
    (True, None, range(3, 5), 8, "JC's municipal year from 1 May 2019 (year_starts in content/bodies/jc.md)", 5, ""),
    (False, None, range(3, 5), 8, "JC's minutes numbered on from jc/2019-08-01's, its first meeting in the archive", 5,
     AFRESH),
    (False, range(1, 5), range(4, 6), 4, "JC's minutes numbered on from jc/2019-09-05's", 6,
     AFRESH),
], ids=["year_starts", "from-the-archives-first", "from-a-meeting-starting-at-1"])
def test_a_minute_number_two_meetings_of_a_councils_run_use_is_an_error_giving_the_next_the_run_has_not_used(
        council, year_starts, earlier, october, line, run, free, afresh):
    """October's minutes numbered from 3 after August's minute 4, or from 4 after September's 1 to 4: the year had
    two minute 4s, and check said nothing, as it compared such a body's numbers within a meeting only."""
    if year_starts:
        _year_starts(council)
    first = AUGUST
    if earlier is not None:
        first = _meeting(council, "2019-09-05", earlier) + ":16"
    minutes = _meeting(council, "2019-10-03", october)
    assert _errors(council) == [
        f"{minutes}:{line}: error: minute number 4 is used twice in {run}: jc/{first.split('/')[3]} has it already "
        f"(at {first}); each number is one minute's in a run of minutes: number it {free}, the next the run has not "
        f"used, and the agenda's `minute:` with it{afresh}"]


@pytest.mark.parametrize("kind, errors", [
    ("", ["content/meetings/jc/2020-06-11/minutes.md:{line}: error: minute number {n} is used twice in JC's "
          "municipal year from 1 May 2020 (year_starts in content/bodies/jc.md): jc/2020-05-07 has it already (at "
          "content/meetings/jc/2020-05-07/minutes.md:{first}); each number is one minute's in a run of minutes: "
          "number it {free}, the next the run has not used, and the agenda's `minute:` with it"]),
    ("kind: annual\n", []),
], ids=["not-said", "annual"])
def test_a_councils_annual_meeting_numbers_its_minutes_from_1_again_without_numbering_any_twice(council, kind,
                                                                                              errors):
    """The annual meeting put back to 11 June 2020 by an election begins the year: May's minutes 5 and 6 are the
    year before's, and the annual meeting's 1 to 6 are no number used twice."""
    _year_starts(council)
    _meeting(council, "2020-05-07", range(5, 7))
    _meeting(council, "2020-06-11", range(1, 7), kind)
    assert [e for e in _errors(council) if "used twice" in e] == [
        error.format(line=line, n=n, first=first, free=free) for error in errors
        for line, n, first, free in ((20, 5, 4, 7), (24, 6, 8, 8))]


@pytest.mark.parametrize("year_starts", [True, False], ids=["year_starts", "restarting-at-1"])
def test_minute_numbers_of_two_runs_of_a_councils_minutes_are_no_number_used_twice(council, year_starts):
    """August 2019's minute 4 and May 2020's, the next municipal year's; without `year_starts:`, minutes starting
    again at 1 start a run."""
    if year_starts:
        _year_starts(council)
    _meeting(council, "2020-05-21", range(1, 6))
    assert _errors(council) == []


def test_a_reconvened_sitting_numbers_on_in_its_first_sittings_run_into_a_new_municipal_year(council):
    """The meeting of 23 April 2020 reconvened on 14 May, in the new municipal year by its date: its minutes are the
    year 2019/20's still, and minute 6 was numbered at both sittings."""
    _year_starts(council)
    _meeting(council, "2020-04-23", range(5, 7), "adjourned_to: 2020-05-14\n")
    sitting = _meeting(council, "2020-05-14", range(6, 8))
    assert _errors(council) == [
        f"{sitting}:4: error: minute number 6 is used twice in JC's municipal year from 1 May 2019 (year_starts in "
        "content/bodies/jc.md): jc/2020-04-23 has it already (at content/meetings/jc/2020-04-23/minutes.md:8); each "
        "number is one minute's in a run of minutes: number it 8, the next the run has not used, and the agenda's "
        "`minute:` with it"]


def test_a_reference_to_minute_4_of_one_of_two_runs_links_the_minute_of_the_meeting_it_names(council, tmp_path):
    """August 2019's minute 4 and May 2020's: a reference names the meeting's folder, so the number is no guess."""
    _year_starts(council)
    minutes = council / _meeting(council, "2020-05-21", range(1, 6)).removeprefix("content/")
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(
        "## 5 Item 5\n\nNoted.", "## 5 Item 5\n\nAs [[jc:2019-08-01/4]] asked; see [[jc:2020-05-21/4]]."),
        encoding="utf-8")
    result = run(Options(content=council, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok, [d.format() for d in result.report.items]
    links = [(a.attrs["href"], a.text) for a in page(tmp_path / "site", "/jc/2020/2020-05-21/item-5/").find_all(
        "a", class_="xref") if a.text.startswith("item")]
    assert links == [("/jc/2019/2019-08-01/item-4/", "item 4 (JC meeting, 1 August 2019)"),
                     ("/jc/2020/2020-05-21/item-4/", "item 4")]


def _xrefs(site: Path, url: str) -> list[tuple[str, str]]:
    """The cross-references of a minute's page after its title's (_meeting titles the pack's item N "Item N")."""
    return [(a.attrs["href"], a.text) for a in page(site, url).find_all("a", class_="xref")][1:]


def test_minute_29_in_words_links_the_minute_of_that_number_its_meetings_run_has_published(council, tmp_path):
    """A council's minutes run on through the municipal year: "minute 4" in June 2020's minutes is that year's minute
    4, of 21 May 2020, not August 2019's (the year before), nor any meeting's after June's; it was left as text, as
    a body numbering each meeting afresh has its "minute 3" at every meeting. "minutes 3 to 5" is one link, and
    each minute in it lists the citing place."""
    _year_starts(council)
    _meeting(council, "2020-05-21", range(1, 6))
    june = council / _meeting(council, "2020-06-18", range(6, 8)).removeprefix("content/")
    _meeting(council, "2020-07-16", range(8, 10))
    june.write_text(june.read_text(encoding="utf-8").replace(
        "## 6 Item 1\n\nNoted.", "## 6 Item 1\n\nMinute 4 was recalled, as were minutes 3 to 5, minutes 1 and 2, "
        "minute 7 and minute 9, to come."), encoding="utf-8")
    result = run(Options(content=council, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok and not [d for d in result.report.items if "reference" in d.message], \
        [d.format() for d in result.report.items]
    may = "/jc/2020/2020-05-21/"
    assert _xrefs(tmp_path / "site", "/jc/2020/2020-06-18/item-6/") == [
        (may + "item-4/", "4"), (may + "item-3/", "3 to 5"), (may + "item-1/", "1"), (may + "item-2/", "2"),
        ("/jc/2020/2020-06-18/item-7/", "7")]
    for minute in ("item-3", "item-4", "item-5"):
        cited = page(tmp_path / "site", may + minute + "/").one("section", class_="backlinks").links()
        assert [href for href, _ in cited if href.startswith("/jc/2020/2020-06-18/item-6/")], (minute, cited)


def test_minute_4_in_words_at_the_years_first_meeting_is_its_own_not_last_years(council, tmp_path):
    """The year's first meeting numbers from 1 again: its "minute 4" is its own, not August 2019's."""
    _year_starts(council)
    may = council / _meeting(council, "2020-05-21", range(1, 6)).removeprefix("content/")
    may.write_text(may.read_text(encoding="utf-8").replace("## 5 Item 5\n\nNoted.", "## 5 Item 5\n\nAs minute 4."),
                   encoding="utf-8")
    result = run(Options(content=council, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert _xrefs(tmp_path / "site", "/jc/2020/2020-05-21/item-5/") == [("/jc/2020/2020-05-21/item-4/", "4")]


def test_a_range_of_minutes_in_words_taking_in_a_number_its_run_has_not_minuted_is_warned_naming_it(council, tmp_path):
    """August 2019's minute 4 and October's 6 and 7: "minutes 4 to 7" links August's 4, and names the 5 no meeting of
    the year has minuted."""
    _year_starts(council)
    october = council / _meeting(council, "2019-10-03", range(6, 8)).removeprefix("content/")
    october.write_text(october.read_text(encoding="utf-8").replace(
        "## 7 Item 2\n\nNoted.", "## 7 Item 2\n\nMinutes 4 to 7 were recalled."), encoding="utf-8")
    result = run(Options(content=council, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False))
    assert [d.format() for d in result.report.items if "reference" in d.message] == [
        "content/meetings/jc/2019-10-03/minutes.md:10: warning: reference 'Minutes 4 to 7' takes in minute 5, which "
        "no published minute numbered in the run of this meeting's minutes has, at this meeting or before it; check "
        "the numbers at its ends, or cite the minutes it means one by one"]
    assert _xrefs(tmp_path / "site", "/jc/2019/2019-10-03/item-7/") == [("/jc/2019/2019-08-01/item-4/", "4 to 7")]
