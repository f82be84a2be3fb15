"""JSON and CSV exports: valid against their published schemas, right in substance, public only.

The schemas are strict (`additionalProperties: false`), so a field added to an
export without its schema and documentation fails here; one test shows that a
schema rejects a record that drifted. The canary test reads every file this
module's features write and finds none of the strings the fixture plants in
private, confidential and draft material, and it proves it can find them: the
draft canary does appear in a --drafts preview.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import shutil
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import jsonschema
import pytest

from generator.build import Options, run
from helpers import (ALL_CANARIES, CANARY_DRAFT, FIXTURE, SECRET_CANARIES, TODAY, edit, index_disagrees, messages,
                     page)

REPO = Path(__file__).resolve().parent.parent
BASE = "https://records.testshire.example"
DATASETS = ("meetings", "minutes", "actions", "people")


def _build(content: Path, out: Path, **options) -> Path:
    result = run(Options(content=content, out=out, search=False, today=dt.date.fromisoformat(TODAY), **options))
    assert result.ok, "\n".join(d.format() for d in result.report.sorted())
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site):
    return {"fixture": site,
            "actions": _build(FIXTURE.parent / "actions", tmp_path_factory.mktemp("actions-data") / "site"),
            "example": _build(REPO / "content", tmp_path_factory.mktemp("example-data") / "site")}


def built(build, archive: Path, out: Path) -> Path:
    """The archive copy, edited by the test, built into `out`, as it must build."""
    result = build(archive, out)
    assert result.ok, messages(result)
    return out


def spreadsheet(site: Path, body: str) -> list[dict]:
    """A body's actions CSV, row by row, read as Python's csv module reads it (as docs/open-data.md says to)."""
    text = (site / "data" / "actions" / f"{body}.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def data(site: Path, name: str) -> dict:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((site / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("archive", ["fixture", "actions", "example"])
def test_export_is_valid_against_its_published_schema(sites, archive, name):
    site = sites[archive]
    document = data(site, name)
    errors = [f"{e.json_path}: {e.message}" for e in validator(site, name).iter_errors(document)]
    assert errors == []
    base = document["source"].rstrip("/")
    assert document["$schema"] == f"{base}/data/schemas/{name}.schema.json"
    schema = json.loads((site / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == document["$schema"]


def test_schemas_reject_a_record_that_drifted(sites):
    site = sites["fixture"]
    events = data(site, "meetings")
    broken = copy.deepcopy(events)
    broken["events"][0]["venue"] = "a field the schema does not document"
    del broken["events"][1]["start_date"]
    broken["events"][0]["agenda"][0]["extras"]["confidential"] = "no"
    messages = [e.message for e in validator(site, "meetings").iter_errors(broken)]
    assert len(messages) == 3, messages
    actions = copy.deepcopy(data(site, "actions"))
    next(a for a in actions["actions"] if a["updates"])["updates"][0]["status"] = "purple"
    assert not validator(site, "actions").is_valid(actions)


def test_meetings_are_open_civic_data_events(sites):
    events = {e["extras"]["meeting"]: e for e in data(sites["fixture"], "meetings")["events"]}
    assert sorted(events) == ["jc/2019-11-05", "tb/2019-03-14", "tb/2019-06-20", "tb/2020-01-16"]
    march = events["tb/2019-03-14"]
    assert march["id"] == "ocd-event/" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/tb/2019/2019-03-14/"))
    assert march["start_date"] == "2019-03-14T14:00:00+00:00" and march["end_date"] == "2019-03-14T16:30:00+00:00"
    assert events["tb/2019-06-20"]["start_date"] == "2019-06-20T14:00:00+01:00"  # British Summer Time
    assert events["tb/2020-01-16"]["status"] == "passed" and march["all_day"] is False
    assert march["participants"][0] == {"entity_type": "organization", "id": "tb",
                                        "name": "Testshire Health and Wellbeing Board", "note": "host"}
    assert {"entity_type": "person", "id": "ada-lovelace", "name": "Councillor Ada Lovelace",
            "note": "chair"} in march["participants"]
    agenda = {a["extras"]["ref"]: a for a in march["agenda"]}
    assert agenda["TB/19/13"]["extras"]["minute"] == f"{BASE}/tb/2019/tb-19-13/"
    assert agenda["TB/19/13"]["extras"]["papers"] == [f"{BASE}/tb/2019/2019-03-14/papers/a/"]
    private = next(a for a in march["agenda"] if a["extras"]["confidential"])
    assert private["notes"] == [] and private["related_entities"] == []
    # Confidential Paper C is not among them, nor the file it names; Paper A's Appendix A is published as a file
    assert [(d["note"], d["language"]) for d in march["documents"]] == [
        ("Paper A: Healthy Weight Strategy 2019 to 2024", "en-GB"), ("Paper A, Appendix A: Action plan", "en-GB"),
        ("Paper B: Strategaeth Pwysau Iach 2019 i 2024", "cy")]  # a paper's `language:`, else the site's


def test_a_meeting_that_ends_before_it_starts_has_no_end_in_the_data_as_in_the_calendar(archive, build, tmp_path):
    """meetings.json said the JC met from 18:30 to 00:15 the same day, ending before it began, where the calendar
    has no DTEND; an equal end is no duration either."""
    edit(archive, "meetings/jc/2019-11-05/meeting.md", 'start: "18:30"', 'start: "18:30"\nend: "00:15"')
    edit(archive, "meetings/tb/2020-01-16/meeting.md", 'end: "12:00"', 'end: "10:00"')
    built(build, archive, tmp_path / "out")
    events = {e["extras"]["meeting"]: e for e in data(tmp_path / "out", "meetings")["events"]}
    assert (events["jc/2019-11-05"]["start_date"], events["jc/2019-11-05"]["end_date"]) == (
        "2019-11-05T18:30:00+00:00", "")
    assert (events["tb/2020-01-16"]["start_date"], events["tb/2020-01-16"]["end_date"]) == (
        "2020-01-16T10:00:00+00:00", "")
    calendar = (tmp_path / "out/feeds/all.ics").read_text(encoding="utf-8")
    assert "DTEND;TZID=Europe/London:20191105" not in calendar and "DTEND;TZID=Europe/London:20200116" not in calendar


def test_minutes_extension_keeps_only_the_title_of_a_confidential_item(sites):
    minutes = {m["meeting"]: m for m in data(sites["fixture"], "minutes")["minutes"]}
    assert "tb/2020-01-16" not in minutes  # draft minutes are not published
    march = minutes["tb/2019-03-14"]
    assert march["approved_at"]["meeting"] == "tb/2019-06-20"
    items = {i["ref"]: i for i in march["items"]}
    private = items["TB/19/14"]
    assert (private["title"], private["confidential"], private["discussion"], private["resolutions"],
            private["actions"], private["papers"]) == ("Property matter", True, "", [], [], [])
    assert private["reason"].startswith("Exempt under paragraph 3")
    strategy = items["TB/19/13"]
    assert strategy["resolutions"][0] == "**APPROVE** the Healthy Weight Strategy 2019 to 2024."
    assert strategy["actions"] == ["tb:TB/19/13#1", "tb:TB/19/13#2", "tb:TB/19/13#leaflet"]
    assert strategy["url"] == f"{BASE}/tb/2019/tb-19-13/"


def test_minutes_extension_gives_a_declarations_type_where_the_minutes_give_one(sites):
    """`type` as the body's list of types spells it; left out where the minutes give none (the example archive's
    declarations), so that their records read as before types were recorded."""
    minutes = {m["meeting"]: m for m in data(sites["fixture"], "minutes")["minutes"]}
    declared = {i["ref"]: i for i in minutes["tb/2019-03-14"]["items"]}["TB/19/12"]["declarations"]
    assert declared == [{"person": {"id": "ada-lovelace", "name": "Councillor Ada Lovelace"},
                         "type": "Other registrable interest",
                         "interest": "Trustee of [Testshire Food Bank](https://foodbank.testshire.example), named in "
                                     "Paper A.",
                         "action": "Remained in the meeting and took part in the discussion"}]
    untyped = [d for m in data(sites["example"], "minutes")["minutes"] for i in m["items"] for d in i["declarations"]]
    assert untyped and all(list(d) == ["person", "interest", "action"] for d in untyped)


def test_actions_carry_their_history_and_latest_status(sites):
    actions = {a["id"]: a for a in data(sites["actions"], "actions")["actions"]}
    pilot = actions["ccb:CCBP/19/60#1"]
    assert [(u["date"], u["status"], u["closed"]) for u in pilot["updates"]] == [
        ("2019-09-19", "amber", False), ("2019-11-21", "green", True)]
    assert pilot["latest_status"] == {"status": "green", "date": "2019-11-21", "closed": True}
    assert (pilot["closed"], pilot["closed_on"]) == (True, "2019-11-21")
    assert pilot["due"] == {"text": "September 2019", "date": "2019-09-30"}
    assert pilot["current_due"] == {"text": "November 2019", "date": "2019-11-30"}
    untouched = [a for a in actions.values() if not a["updates"]]
    assert untouched and all(a["latest_status"] is None and a["closed"] is False for a in untouched)


def test_actions_spreadsheet_has_one_row_per_action_of_the_body(sites):
    site = sites["fixture"]
    rows = spreadsheet(site, "tb")
    expected = [a for a in data(site, "actions")["actions"] if a["body"] == "tb"]
    assert [r["id"] for r in rows] == [a["id"] for a in expected] == ["tb:TB/19/13#1", "tb:TB/19/13#2",
                                                                      "tb:TB/19/13#leaflet"]
    second = rows[1]
    assert second["text"] == "Report progress on the school meals pilot to the board."  # Markdown removed
    assert second["owners"] == "Mr Brian Okafor; Testshire and Northvale Joint Committee"
    assert (second["latest_status"], second["closed"], second["due"], second["current_due"]) == (
        "amber", "no", "June 2019", "September 2019")
    assert (second["due_date"], second["current_due_date"]) == ("2019-06-30", "2019-09-30"), "for sorting by"
    assert (site / "data" / "actions" / "tb.csv").read_bytes().count(b"\r\n") == 4
    # the JC's: those it raised, and the TB's it owns, as its tracker lists them
    assert [r["id"] for r in spreadsheet(site, "jc")] == [
        a["id"] for a in data(site, "actions")["actions"]
        if a["body"] == "jc" or any(owner.get("body") == "jc" for owner in a["owners"])
    ] == ["jc:2019-11-05/5#1", "tb:TB/19/13#2"]


def test_a_spreadsheet_begins_with_a_byte_order_mark_so_that_excel_reads_it_as_utf8(sites):
    """Excel on Windows opened the spreadsheet as Windows-1252 unless told otherwise: Siân came out as SiÃ¢n and
    £ as Â£. The byte order mark tells it the file is UTF-8; a reader that knows UTF-8 reads past it."""
    for body in ("tb", "jc"):
        raw = (sites["fixture"] / "data" / "actions" / f"{body}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbfid,reference,body,") and raw.count(b"\xef\xbb\xbf") == 1
    assert next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[0] == "id"


def test_the_data_say_which_actions_are_overdue_as_the_trackers_do(sites):
    """The trackers' "Overdue today", an action's page and the page of the meeting that raised it say which
    actions are open past their due date at the build date; the data gave the due date and whether an update
    closed it, and left a reader of a body's spreadsheet to work it out against a date the file does not give."""
    site = sites["fixture"]
    overdue = {a["id"]: a["overdue"] for a in data(site, "actions")["actions"]}
    assert overdue == {"jc:2019-11-05/5#1": True, "tb:TB/19/13#1": False, "tb:TB/19/13#2": True,
                       "tb:TB/19/13#leaflet": True}  # TB/19/13#1 is closed, the others past due on 1 January 2026
    listed = set()
    for body in ("tb", "jc"):
        tracker = (site / body / "actions" / "index.html").read_text(encoding="utf-8")
        today = tracker.split('id="overdue-today"')[1].split('id="closed"')[0]
        listed |= {a["id"] for a in data(site, "actions")["actions"] if f'href="{a["url"][len(BASE):]}"' in today}
    assert listed == {key for key, late in overdue.items() if late}
    for body in ("tb", "jc"):
        rows = spreadsheet(site, body)
        assert {r["id"]: r["overdue"] for r in rows} == {
            key: "yes" if late else "no" for key, late in overdue.items()
            if key.startswith(f"{body}:") or (body, key) == ("jc", "tb:TB/19/13#2")}


def test_a_spreadsheet_cell_that_would_be_a_formula_is_shown_as_text(archive, build, tmp_path):
    """OWASP's CSV injection: minutes quote the public, and Excel runs a cell beginning with = as a formula."""
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "text: Report progress on the *school meals* pilot to the board.",
         "text: '=HYPERLINK(\"http://evil.example\",\"Report progress\") on the pilot'")
    built(build, archive, tmp_path / "out")
    row = spreadsheet(tmp_path / "out", "tb")[1]
    assert row["text"] == "'=HYPERLINK(\"http://evil.example\",\"Report progress\") on the pilot"
    written = [a["text"] for a in data(tmp_path / "out", "actions")["actions"] if a["id"] == "tb:TB/19/13#2"]
    assert written == ["=HYPERLINK(\"http://evil.example\",\"Report progress\") on the pilot"], "as written in JSON"


def test_a_reference_in_double_brackets_reaches_plain_text_as_its_words(archive, build, tmp_path):
    """A spreadsheet cell and the plain-text fields showed the clerk's `[[...]]` markup; the Markdown keeps it."""
    text = "Publish the strategy ([[tb/2019-03-14/papers/A|the strategy paper]]) with [[person:carol-singh]]."
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "text: Publish the approved strategy on the council website.",
         f"text: '{text}'")
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "title: Welcome and apologies",
         "title: Welcome, and matters arising from [[tb:TB/19/13]]")
    built(build, archive, tmp_path / "out")
    row = spreadsheet(tmp_path / "out", "tb")[0]
    assert row["text"] == "Publish the strategy (the strategy paper) with carol-singh."
    assert [a["text"] for a in data(tmp_path / "out", "actions")["actions"] if a["id"] == "tb:TB/19/13#1"] == [text]
    jc = [e for e in data(tmp_path / "out", "meetings")["events"] if e["extras"]["meeting"] == "jc/2019-11-05"]
    assert jc[0]["agenda"][0]["description"] == "Welcome, and matters arising from TB/19/13"


def test_plain_text_keeps_a_lists_numbers_and_an_images_alt_text(archive, build, tmp_path):
    """An agenda item's notes lost "3." and "4." of the list the board is asked to agree, the nesting of the list
    under 4, and the chart, which only its alt text describes to a reader of the data; a spreadsheet cell too."""
    edit(archive, "meetings/tb/2019-03-14/meeting.md",
         "description: >-\n      The board is asked to **approve** the strategy. The consultation is on the\n"
         "      [council website](https://www.testshire.example/consult).",
         "description: |-\n      The board is asked:\n\n      3. to approve the strategy;\n      4. to note:\n"
         "         - the consultation;\n         - the costs.\n\n      ![Chart of obesity by ward](chart.png)")
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "text: Produce an easy-read leaflet about the strategy.",
         "text: \"Produce a leaflet:\\n\\n1. easy-read;\\n2. in Welsh.\"")
    built(build, archive, tmp_path / "out")
    tb = [e for e in data(tmp_path / "out", "meetings")["events"] if e["extras"]["meeting"] == "tb/2019-03-14"]
    item = [a for a in tb[0]["agenda"] if a["extras"]["ref"] == "TB/19/13"][0]
    assert item["notes"] == ["The board is asked:\n\n3. to approve the strategy;\n4. to note:\n   - the consultation;\n"
                             "   - the costs.\n\n[Image: Chart of obesity by ward]"]
    assert spreadsheet(tmp_path / "out", "tb")[2]["text"] == "Produce a leaflet: 1. easy-read; 2. in Welsh."


def test_people_are_popolo_persons_organizations_and_memberships(sites):
    people = data(sites["fixture"], "people")
    persons = {p["id"]: p for p in people["persons"]}
    organizations = {o["id"] for o in people["organizations"]}
    assert len(organizations) == len(people["organizations"])
    assert persons["ada-lovelace"]["honorific_prefix"] == "Councillor"
    for membership in people["memberships"]:
        assert membership["organization_id"] in organizations | {None}
        assert membership["person_id"] in persons or (membership["person_id"] is None and membership["person_name"])
    assert {"person_id": "ada-lovelace", "organization_id": "tb", "role": "Chair",
            "on_behalf_of_id": "org:testshire-county-council", "start_date": "2018-05-01"} in people["memberships"]
    assert {"person_id": None, "person_name": "Harriet Quill", "organization_id": "tb",
            "role": "Voluntary sector representative"} in people["memberships"]


def _open_data_files(site: Path) -> dict[str, bytes]:
    files = [p for pattern in ("feeds/**/*", "data/**/*", "sitemap*.xml", "robots.txt", "accessibility/index.html")
             for p in site.glob(pattern) if p.is_file()]
    assert len(files) > 20
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def test_no_private_confidential_or_draft_material_reaches_feeds_or_data(sites):
    files = _open_data_files(sites["fixture"])
    leaks = [(canary, name) for name, content in files.items() for canary in ALL_CANARIES
             if canary.encode() in content]
    assert leaks == []
    # the files of each body's year were read too, and the confidential item's public title is in them
    assert sorted(name for name, content in files.items() if b"Property matter" in content and name.startswith("data/")
                  ) == ["data/meetings.json", "data/meetings/tb/2019.json", "data/minutes.json", "data/minutes/tb/2019.json"]


def test_a_drafts_preview_exports_the_draft_marked_as_one_but_never_secrets(archive, tmp_path):
    """A clerk's preview publishes the draft minutes of 16 January 2020, and here a draft log of that meeting too,
    as its pages do: each record of them in the data and the feeds says it is a draft, as the minutes' page does,
    so that none is taken for a record the body approved. A published build has no such mark (the schemas' own
    test): it has no draft."""
    (archive / "meetings/tb/2020-01-16/actions.md").write_text(
        f"---\nstatus: draft\nupdates:\n  - action: TB/19/13#2\n    status: red\n    progress: {CANARY_DRAFT}\n---\n",
        encoding="utf-8")
    site = _build(archive, tmp_path / "site", drafts=True)
    files = _open_data_files(site)
    assert [(c, n) for n, content in files.items() for c in SECRET_CANARIES if c.encode() in content] == []
    holding = sorted(name for name, content in files.items() if CANARY_DRAFT.encode() in content)
    assert holding == ["data/actions.json", "data/actions/jc.json", "data/actions/tb.csv", "data/actions/tb.json",
                       "data/minutes.json",
                       "data/minutes/tb/2020.json", "feeds/actions/tb/tb-19-13-2.xml", "feeds/actions/tb/tb-20-1-1.xml",
                       "feeds/people/carol-singh.xml"]  # a person's feed: the actions raised, not their updates
    assert [(m["meeting"], m["status"]) for m in data(site, "minutes")["minutes"] if CANARY_DRAFT in json.dumps(m)] == [
        ("tb/2020-01-16", "draft")]
    assert [e.message for name in DATASETS for e in validator(site, name).iter_errors(data(site, name))] == []
    assert [e.message for e in validator(site, "minutes").iter_errors(data(site, "minutes/tb/2020"))] == []
    assert [m["status"] for m in data(site, "minutes/tb/2020")["minutes"]] == ["draft"]
    assert "draft" in data(site, "actions/tb")["actions"][-1]
    actions = {a["id"]: a for a in data(site, "actions")["actions"]}
    assert actions["tb:TB/20/1#1"]["draft"] is True
    assert [u.get("draft") for u in actions["tb:TB/19/13#2"]["updates"]] == [None, True]
    assert [k for k, a in actions.items() if "draft" in a] == ["tb:TB/20/1#1"]
    assert {(row["id"], row["draft"]) for row in spreadsheet(site, "tb")} == {
        ("tb:TB/19/13#1", "no"), ("tb:TB/19/13#2", "yes"), ("tb:TB/19/13#leaflet", "no"), ("tb:TB/20/1#1", "yes")}
    for name in holding:
        if name.startswith("feeds/"):
            entries = feedparser.parse(files[name]).entries
            marked = {(e.title, e.tags[0].term) for e in entries if CANARY_DRAFT in e.get("summary", "")}
            assert marked and all(term.startswith("draft-") and "draft" in title for title, term in marked), name
    raised = page(site, "/tb/actions/tb-20-1-1/").find("dl", class_="facts")
    assert "Draft minutes, not yet approved." in raised.one("strong", class_="draft-flag").text
    updated = page(site, "/tb/actions/tb-19-13-2/").find("li", id="update-tb/2020-01-16")
    assert updated.find("p").text.startswith("Reported in the draft action log of the")
    assert updated.one("strong", class_="draft-flag").text == "draft"
    said = "This preview's is not: it holds the drafts its pages show, each marked as a draft."
    assert said in page(site, "/data/").text


def test_minutes_approved_since_the_last_preview_lose_their_actions_draft_marks_in_the_next(archive, tmp_path):
    """The action's records are the same but for the status of the minutes that raised it, which the build that
    reuses the last one's files must see, as a full build does."""
    site = _build(archive, tmp_path / "site", drafts=True)
    edit(archive, "meetings/tb/2020-01-16/minutes.md", "status: draft", "status: approved")
    _build(archive, site, drafts=True)
    cold = _build(archive, tmp_path / "cold", drafts=True, cache=False)
    for name in ("data/actions.json", "data/actions/tb.csv", "feeds/actions/tb/tb-20-1-1.xml",
                 "feeds/people/carol-singh.xml", "tb/actions/tb-20-1-1/index.html"):
        assert (site / name).read_bytes() == (cold / name).read_bytes(), name
    assert "draft" not in {a["id"]: a for a in data(site, "actions")["actions"]}["tb:TB/20/1#1"]


def test_outputs_are_byte_identical_for_the_same_content_and_date(tmp_path):
    first = _open_data_files(_build(FIXTURE, tmp_path / "one"))
    second = _open_data_files(_build(FIXTURE, tmp_path / "two"))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_data_page_links_every_file_and_schema(sites):
    html = (sites["fixture"] / "data" / "index.html").read_text(encoding="utf-8")
    for name in DATASETS + ("index",):
        assert f'href="/data/{name}.json"' in html and f'href="/data/schemas/{name}.schema.json"' in html
    for slug in ("jc", "tb"):
        for address in (f"/feeds/bodies/{slug}.xml", f"/feeds/bodies/{slug}.ics", f"/data/actions/{slug}.csv"):
            assert f'href="{address}"' in html
            assert (sites["fixture"] / address.lstrip("/")).is_file()


def listing(site: Path) -> list[tuple]:
    """index.json's files as (address on the site, dataset, body, year, records)."""
    return [(urlsplit(f["url"]).path, f["dataset"], f["body"], f["year"], f["records"])
            for f in data(site, "index")["files"]]


def test_the_index_lists_each_bodys_meetings_and_minutes_of_each_year_and_its_actions(sites):
    """The fixture's TB met in 2019 and 2020 (the private meeting of June 2019 unpublished, so uncounted), the JC
    once in 2019; the JC owns two actions, one its own and one the TB gave it, as its tracker shows."""
    site = sites["fixture"]
    assert [e.message for e in validator(site, "index").iter_errors(data(site, "index"))] == []
    assert listing(site) == [
        ("/data/meetings.json", "meetings", None, None, 4), ("/data/minutes.json", "minutes", None, None, 3),
        ("/data/actions.json", "actions", None, None, 4), ("/data/people.json", "people", None, None, 6),
        ("/data/actions/jc.json", "actions", "jc", None, 2), ("/data/actions/jc.csv", "actions", "jc", None, 2),
        ("/data/meetings/jc/2019.json", "meetings", "jc", 2019, 1), ("/data/minutes/jc/2019.json", "minutes", "jc", 2019, 1),
        ("/data/actions/tb.json", "actions", "tb", None, 3), ("/data/actions/tb.csv", "actions", "tb", None, 3),
        ("/data/meetings/tb/2019.json", "meetings", "tb", 2019, 2), ("/data/minutes/tb/2019.json", "minutes", "tb", 2019, 2),
        ("/data/meetings/tb/2020.json", "meetings", "tb", 2020, 1), ("/data/minutes/tb/2020.json", "minutes", "tb", 2020, 0)]


@pytest.mark.parametrize("archive", ["fixture", "actions", "example"])
def test_the_index_gives_each_files_size_and_sha256_as_published(sites, archive):
    """So that a reuser fetches again only the files whose checksum changed (a record can change without the
    count changing), and checks that a download arrived whole: sha256sum's lower-case hexadecimal."""
    site = sites[archive]
    index = data(site, "index")
    assert [e.message for e in validator(site, "index").iter_errors(index)] == []
    assert len(index["files"]) > 8 and all(f["bytes"] > 0 and len(f["sha256"]) == 64 for f in index["files"])
    assert index_disagrees(site) == []


def test_a_councils_municipal_year_is_in_the_files_of_two_calendar_years_as_the_schema_and_data_page_say(tmp_path):
    """The files of a year hold the meetings of a calendar year whatever year the body counts: the joint committee,
    whose municipal year begins in May (year_starts), met in August 2019 and February 2020 (its year 2019/20) and
    at its annual meeting of June 2020 (2020/21). The index's schema and the data page say so, where a reuser
    would otherwise take a council's 2019 for its 2019/20."""
    content = Path(shutil.copytree(FIXTURE.parent / "actions", tmp_path / "content"))
    edit(content, "bodies/jc.md", "numbering: per-meeting\n", "numbering: per-meeting\nyear_starts: May\n")
    for day, kind in (("2020-02-06", ""), ("2020-06-11", "kind: annual\n")):
        (content / "meetings/jc" / day).mkdir()
        (content / "meetings/jc" / day / "meeting.md").write_text(f"---\nbody: jc\ndate: {day}\n{kind}---\n",
                                                                  encoding="utf-8")
    site = _build(content, tmp_path / "site")
    assert [(body, year, records) for _, dataset, body, year, records in listing(site)
            if body == "jc" and dataset == "meetings"] == [("jc", 2019, 1), ("jc", 2020, 2)]
    year = json.loads((site / "data/schemas/index.schema.json").read_text(encoding="utf-8"))["$defs"]["file"][
        "properties"]["year"]["description"]
    assert "calendar year, January to December" in year and "municipal" in year
    assert "2024 (May to December) and 2025 (January to April)" in year
    parts = page(site, "/data/").one("p", id="parts").text
    assert "each calendar year, January to December by the meeting's date" in parts
    assert "A body's municipal year, from May to May, is in two of them" in parts


@pytest.mark.parametrize("archive", ["fixture", "actions", "example"])
def test_each_file_of_a_bodys_year_or_actions_is_its_whole_archive_files_records_of_them(sites, archive):
    """Read in the index's order, a dataset's files of each body hold the records of its whole-archive file, each
    once (an action in both its raising body's file and its owning body's, as in their CSVs), valid against the
    same schema, each file under a title that says whose and which year's records it holds."""
    site = sites[archive]
    whole = {name: data(site, name) for name in ("meetings", "minutes", "actions")}
    key = {"meetings": "events", "minutes": "minutes", "actions": "actions"}
    parts: dict[str, list] = {name: [] for name in whole}
    for address, dataset, body, year, records in listing(site):
        if body is None or address.endswith(".csv"):
            continue
        document = data(site, address.removeprefix("/data/").removesuffix(".json"))
        assert [e.message for e in validator(site, dataset).iter_errors(document)] == [], address
        assert len(document[key[dataset]]) == records, address
        assert document["title"] == f"{whole[dataset]['title']}, {document_body_name(site, body)}" + (
            f", {year}" if year else ""), address
        if dataset == "meetings":
            assert {(e["extras"]["body"], e["start_date"][:4]) for e in document["events"]} == {(body, str(year))}
        elif dataset == "minutes":
            assert {(m["body"], m["date"][:4]) for m in document["minutes"]} <= {(body, str(year))}, address
        else:
            assert [r["id"] for r in document["actions"]] == [row["id"] for row in spreadsheet(site, body)]
        parts[dataset] += document[key[dataset]]
    for name in ("meetings", "minutes"):
        # by body and year: the same records, in another order
        order = {(r.get("meeting") or r["extras"]["meeting"]): n for n, r in enumerate(whole[name][key[name]])}
        assert sorted(parts[name], key=lambda r: order[r.get("meeting") or r["extras"]["meeting"]]) == whole[
            name][key[name]]
    assert {a["id"]: a for a in parts["actions"]} == {a["id"]: a for a in whole["actions"]["actions"]}


def document_body_name(site: Path, slug: str) -> str:
    return next(o["name"] for o in data(site, "people")["organizations"] if o["id"] == slug)
