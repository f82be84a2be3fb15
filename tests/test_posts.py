"""People named by their post, as meeting packs name them: "Owner: Chair", "Lead: Director of Finance".

`Chair` in a person field of a meeting is the meeting's `chair:`; another post is
the one person the people register gives that role on the meeting's day. Pages
show the post as written with who held it, "Chair (Councillor Ada Lovelace)",
and the open data gives it as `post`. The messages for a post that names no
one, or more than one, are in test_errors.py.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.build import Options, run
from generator.diagnostics import Report
from generator.loader import load_archive
from helpers import FIXTURE, TODAY, edit, messages

MARCH, JUNE = "meetings/tb/2019-03-14", "meetings/tb/2019-06-20"
# Frank Turner was Director of Finance until the end of March 2019, Eve Turner after him
FINANCE = ("  initials: ET\n", "  initials: ET\n  roles:\n    - title: Director of Finance\n"
           "      organisation: Northvale District Council\n      from: 2019-04-01\n")
FINANCE_BEFORE = ("  initials: FT\n", "  initials: FT\n  roles:\n    - title: Director of Finance\n"
                  "      organisation: Northvale District Council\n      to: 2019-03-31\n")


def posted(content: Path) -> Path:
    """The fixture archive with people named by their posts: the March meeting's chair presents an item as `Chair`,
    and an action of TB/19/13, for which Dr Singh took the chair, is owned by `Chair`, she; the Director of Finance
    owns another; the June meeting's item is presented by whoever was
    Director of Finance then, written with the organisation."""
    edit(content, "people.yaml", *FINANCE)
    edit(content, "people.yaml", *FINANCE_BEFORE)
    edit(content, f"{MARCH}/meeting.md", "    presenter: carol-singh\n", "    presenter: Chair\n")
    edit(content, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", "  - owner: director of finance\n")
    edit(content, f"{MARCH}/minutes.md", "  - owner: [brian-okafor, {body: jc}]\n",
         "  - owner: [Chair, {body: jc}]\n")
    edit(content, f"{JUNE}/meeting.md", "    title: Pharmaceutical needs assessment\n",
         "    title: Pharmaceutical needs assessment\n    presenter: Director of Finance, Northvale District Council\n")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = posted(Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("posts") / "content")))
    out = content.parent / "site"
    result = run(Options(content=content, out=out, search=False, today=dt.date.fromisoformat(TODAY)))
    assert result.ok and messages(result) == [], messages(result)
    return out


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


CHAIR = 'Chair (<a href="/people/ada-lovelace/">Councillor Ada Lovelace</a>)'
ITEM_CHAIR = 'Chair (<a href="/people/carol-singh/">Dr Carol Singh</a>)'  # in the chair for TB/19/13
FRANK = 'director of finance (<a href="/people/frank-turner/">Councillor Frank Turner</a>)'


def test_chair_is_shown_as_written_with_the_chair_then_on_the_meeting_item_action_and_tracker_pages(site):
    assert CHAIR in page(site, "/tb/2019/2019-03-14/")  # the agenda's presenter: the meeting's chair
    for url in ("/tb/2019/tb-19-13/", "/tb/actions/tb-19-13-2/", "/tb/actions/"):  # the action's: the item's chair
        assert ITEM_CHAIR in page(site, url) and CHAIR not in page(site, url)


def test_a_post_is_its_holder_on_the_meetings_day(site):
    assert FRANK in page(site, "/tb/actions/tb-19-13-1/")
    assert FRANK in page(site, "/tb/actions/")
    assert 'Director of Finance, Northvale District Council (<a href="/people/eve-turner/">Councillor Eve Turner</a>)' \
        in page(site, "/tb/2019/2019-06-20/")


def test_the_holders_pages_list_what_they_own_and_present_as_a_name_would(site):
    assert "/tb/actions/tb-19-13-1/" in page(site, "/people/frank-turner/")
    assert "Presented item TB/19/13" in page(site, "/people/ada-lovelace/2019/")
    assert "Presented item TB/19/22" in page(site, "/people/eve-turner/2019/")


def test_the_open_data_gives_the_post_beside_the_person_and_keeps_to_its_schemas(site):
    actions = json.loads((site / "data/actions.json").read_text(encoding="utf-8"))
    owners = {a["id"]: a["owners"] for a in actions["actions"]}
    assert owners["tb:TB/19/13#1"] == [{"id": "frank-turner", "name": "Councillor Frank Turner",
                                        "post": "director of finance"}]
    assert owners["tb:TB/19/13#2"][0] == {"id": "carol-singh", "name": "Dr Carol Singh", "post": "Chair"}
    meetings = json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))
    march = next(e for e in meetings["events"] if e["start_date"].startswith("2019-03-14"))
    presenters = [entity for item in march["agenda"] for entity in item["related_entities"]]
    assert {"entity_type": "person", "id": "ada-lovelace", "name": "Councillor Ada Lovelace", "note": "presenter",
            "post": "Chair"} in presenters
    for name in ("meetings", "minutes", "actions"):
        schema = json.loads((site / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(
            json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8")))


def first_owner(content: Path):
    """The owner of the March meeting's first action, as the loader reads it."""
    report = Report(root=content)
    archive = load_archive(content, report)
    assert [m.format() for m in report.items if m.severity == "error"] == []
    march = next(m for m in archive.meetings if m.key == "tb/2019-03-14")
    return next(item for item in march.minutes.items if item.ref == "TB/19/13").actions[0].owners[0]


def test_a_name_or_alias_comes_before_a_post(archive):
    """Dr Singh's register entry gives `Director of Public Health` as an alias: it names her, though Councillor
    Turner holds a role of that title that day too."""
    edit(archive, "people.yaml", "  initials: FT\n", "  initials: FT\n  roles:\n    - title: Director of Public Health\n")
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", "  - owner: Director of Public Health\n")
    owner = first_owner(archive)
    assert (owner.id, owner.post) == ("carol-singh", "")


@pytest.mark.parametrize("written", ["Vice Chair", "vice-chair", "VICE-CHAIR"])
def test_a_post_is_read_whatever_its_case_and_hyphens(archive, written):
    edit(archive, "people.yaml", "  initials: FT\n", "  initials: FT\n  roles:\n    - title: Vice-Chair\n")
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", f"  - owner: {written}\n")
    owner = first_owner(archive)
    assert (owner.id, owner.post) == ("frank-turner", written)


def test_a_paper_of_the_meeting_reads_posts_as_its_meeting_does(archive):
    edit(archive, f"{MARCH}/papers/paper-a.md", "authors: [carol-singh]", "authors: [Chair]")
    report = Report(root=archive)
    march = next(m for m in load_archive(archive, report).meetings if m.key == "tb/2019-03-14")
    assert [m.format() for m in report.items if m.severity == "error"] == []
    author = next(paper for paper in march.papers if paper.ref == "A").authors[0]
    assert (author.id, author.post) == ("ada-lovelace", "Chair")


def march_item(content: Path, ref: str):
    """Minute `ref` of the March meeting, as the loader reads it, and the report's warnings."""
    report = Report(root=content)
    march = next(m for m in load_archive(content, report).meetings if m.key == "tb/2019-03-14")
    assert [m.format() for m in report.items if m.severity == "error"] == []
    return next(item for item in march.minutes.items if item.ref == ref), [m.format() for m in report.items]


def test_chair_in_an_item_with_its_own_chair_is_the_person_in_the_chair_for_it(archive):
    """Dr Singh took the chair for TB/19/13 (`chair: carol-singh`): 'Chair' in its lead, its actions and an action
    line in its text is she, as the minutes mean who was in the chair then, not Councillor Lovelace; her action in
    the item records the line."""
    edit(archive, f"{MARCH}/minutes.md", "lead: [carol-singh, Mr Okafor]", "lead: [Chair, Mr Okafor]")
    edit(archive, f"{MARCH}/minutes.md", "  - owner: [brian-okafor, {body: jc}]\n", "  - owner: [Chair, {body: jc}]\n")
    edit(archive, f"{MARCH}/minutes.md", "Dr Singh presented the strategy",
         "ACTION: Chair to write to the minister.\n\nDr Singh presented the strategy")
    item, said = march_item(archive, "TB/19/13")
    assert [(who.id, who.post) for who in (item.leads[0], item.actions[1].owners[0])] == [("carol-singh", "Chair")] * 2
    assert [m for m in said if "ACTION: Chair" in m] == []


def test_chair_in_the_declarations_of_an_item_with_its_own_chair_is_the_meetings_chair(archive):
    """A declaration is made as the item opens, before the chair changes hands: 'Chair' there is the meeting's
    chair, whose leaving the room is why another took the chair for the item; at the next item, the meeting's chair
    again."""
    edit(archive, f"{MARCH}/minutes.md", "paper: A\nlead:", "paper: A\ndeclarations:\n  - person: Chair\n"
         "    interest: A trustee of the charity named\n    action: Left the room for the item\nlead:")
    edit(archive, f"{MARCH}/minutes.md", "There was no other business.",
         "```item\nactions:\n  - owner: Chair\n    text: Close the meeting.\n```")
    item, _ = march_item(archive, "TB/19/13")
    assert (item.declarations[0].who.id, item.declarations[0].who.post) == ("ada-lovelace", "Chair")
    after, _ = march_item(archive, "TB/19/15")
    assert after.actions[0].owners[0].id == "ada-lovelace"


# The board's file gives Councillor Turner its vice-chair's role as a member, from May 2018, as bodies' files do;
# the people register gives him no such role
VICE_CHAIR = ("  - name: Harriet Quill\n", "  - person: frank-turner\n    role: Vice-Chair\n    from: 2018-05-01\n"
              "  - name: Harriet Quill\n")


def march_errors(content: Path) -> list[str]:
    """The errors of loading the archive, as the CLI prints them."""
    report = Report(root=content)
    load_archive(content, report)
    return [m.format() for m in report.items if m.severity == "error"]


@pytest.mark.parametrize("written", ["Vice-Chair", "the Vice Chair"])
def test_a_vice_chair_the_bodys_file_gives_a_member_is_the_post_in_its_meetings(archive, written):
    """`owner: Vice-Chair` was an error saying no one in the people register had the role, though the body's file
    said who its vice-chair was (a member's `role:` was only what the body's page showed): the member whose role it
    is on the meeting's day is its holder, in the fields and in an action line of the text, which the action then
    records."""
    edit(archive, "bodies/tb.md", *VICE_CHAIR)
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", f"  - owner: {written}\n")
    edit(archive, f"{MARCH}/minutes.md", "Dr Singh presented the strategy",
         f"ACTION: {written} to publish the strategy on the website.\n\nDr Singh presented the strategy")
    item, said = march_item(archive, "TB/19/13")
    assert (item.actions[0].owners[0].id, item.actions[0].owners[0].post) == ("frank-turner", written)
    assert [m for m in said if "ACTION:" in m] == []


def test_a_vice_chair_the_bodys_file_gives_two_members_that_day_is_an_error_naming_both(archive):
    edit(archive, "bodies/tb.md", *VICE_CHAIR)
    edit(archive, "bodies/tb.md", "    role: Voluntary sector representative\n", "    role: Vice-Chair\n")
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", "  - owner: Vice-Chair\n")
    assert march_errors(archive) == [
        f"content/{MARCH}/minutes.md:42: error: 'Vice-Chair' is the role the body's file, content/bodies/tb.md, gives 2 members "
        "on 14 March 2019: Councillor Frank Turner (frank-turner) and Harriet Quill; write the id (or the name) of the "
        "one meant; if only one of them held it that day, correct the dates of their membership (`from`, `to`) in the "
        "body's file"]


def test_a_vice_chair_the_bodys_file_and_the_register_give_two_people_that_day_is_an_error_naming_both(archive):
    """The register's `Vice-Chair` may be another body's, whose title it does not say: which is meant is not for
    the site to guess."""
    edit(archive, "bodies/tb.md", *VICE_CHAIR)
    edit(archive, "people.yaml", "  roles:\n    - title: Director of Public Health\n",
         "  roles:\n    - title: Vice-Chair\n    - title: Director of Public Health\n")
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", "  - owner: Vice-Chair\n")
    assert march_errors(archive) == [
        f"content/{MARCH}/minutes.md:42: error: 'Vice-Chair' names Councillor Frank Turner (frank-turner), whose role "
        "it is on 14 March 2019 as a member in the body's file, content/bodies/tb.md, and Dr Carol Singh (carol-singh), whose "
        "role it is that day in the people register; write the id of the one meant; if the register's role is another "
        "body's, give it its whole title there (`Vice-Chair of ...`)"]


def test_a_vice_chair_the_bodys_file_gives_a_member_on_other_days_only_is_an_error_naming_when(archive):
    edit(archive, "bodies/tb.md", VICE_CHAIR[0], VICE_CHAIR[1].replace("2018-05-01", "2019-05-01"))
    edit(archive, f"{MARCH}/minutes.md", "  - owner: carol-singh\n", "  - owner: Vice-Chair\n")
    assert march_errors(archive) == [
        f"content/{MARCH}/minutes.md:42: error: 'Vice-Chair' is a post the body's file, content/bodies/tb.md, gives no member "
        "on 14 March 2019: Councillor Frank Turner (frank-turner) held it from 1 May 2019; write the person who held it "
        "that day, or correct the dates of the membership (`from`, `to`) in the body's file"]
