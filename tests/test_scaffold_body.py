"""`minutebook new body`: the file of a body the archive does not have yet (generator/scaffold_body.py).

Archives are copies, under tmp_path, of `tests/fixtures/archive/` (TB, the Testshire Health and Wellbeing
Board, numbered `TB/{yy}/{n}`; JC, the Testshire and Northvale Joint Committee, numbered per meeting; a people
register of ada-lovelace, brian-okafor, carol-singh, dev-patel, eve-turner and frank-turner).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import scaffold
from generator.build import Options, run
from generator.scaffold_body import plan_body
from helpers import FIXTURE

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2024, 1, 1)


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    """The archive, in the folder the command runs in, as a clerk's is: the commands its messages give name no
    --content then (scaffold.content_option)."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def problems(content: Path) -> list[str]:
    """Every error and warning `minutebook check` gives the archive."""
    result = run(Options(content=content, today=TODAY, search=False), write=False)
    return [d.format() for d in result.report.sorted()]


def refused(content: Path, **given) -> list[str]:
    """What `minutebook new body` prints on refusing, one line each: the problems in files, then the options'."""
    with pytest.raises(scaffold.Refused) as refusal:
        plan_body(content, **given)
    return [d.format() for d in refusal.value.problems] + refusal.value.summary.splitlines()


# ---- what is written --------------------------------------------------------------------

def test_a_new_bodys_file_passes_check_and_new_meeting_starts_its_first_meeting_at_once(content, tmp_path):
    """A body the archive does not have needed its file written by hand from the docs before `new meeting` would
    start its first meeting. `new body` writes it, with the members found in the register (each with the
    organisation the register gives them), and the meeting `new meeting` starts next lists them present and
    numbers its items by the body's pattern."""
    done = cli("new", "body", "--slug", "hwb", "--name", "Health and Wellbeing Board", "--numbering", "HWB/{yy}/{n}",
               "--kind", "board", "--member", "ada-lovelace", "--member", "Dr C Singh", "--member", "ada-lovelace",
               cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "created content/bodies/hwb.md",
        "Health and Wellbeing Board (HWB in titles), its minutes numbered HWB/{yy}/{n}, 2 members. Add its venue "
        "and what its page is to say of it, then start its first meeting: minutebook new meeting --body hwb --date "
        "YYYY-MM-DD"]
    assert (content / "bodies" / "hwb.md").read_text(encoding="utf-8") == """\
---
name: Health and Wellbeing Board
short_name: HWB
kind: board
numbering: "HWB/{yy}/{n}"  # see docs/content-format.md, Minute numbering
# venue: ...  # where it usually meets: each new meeting.md is given it
# website: https://...
members:  # under each person: their role:, organisation:, and from: the day they joined
  - person: ada-lovelace
    organisation: Testshire County Council
  - person: carol-singh
    organisation: Testshire County Council
# Below the closing line: what the body's page says of it (markdown), its terms of reference, how to attend.
---
"""
    assert problems(content) == []
    started = cli("new", "meeting", "--body", "hwb", "--date", "2024-06-13", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    meeting = (content / "meetings" / "hwb" / "2024-06-13" / "meeting.md").read_text(encoding="utf-8")
    assert ("    - person: ada-lovelace\n      organisation: Testshire County Council\n"
            "    - person: carol-singh\n      organisation: Testshire County Council\n") in meeting
    assert "  - ref: HWB/24/1\n    title: Apologies for absence\n" in meeting
    assert problems(content) == []


def test_the_chair_vice_chair_and_venue_are_given_on_the_command_line(content, tmp_path):
    """`new body` gave no way to say who chairs the body or where it meets: the clerk wrote each role under its
    member, and the venue, by hand. `--chair` and `--vice-chair` list their members first with the role, and
    `--venue` is the body's usual venue, which the first meeting `new meeting` starts is given."""
    done = cli("new", "body", "--slug", "jhc", "--name", "Joint Health Committee", "--kind", "joint committee",
               "--chair", "Cllr Lovelace", "--vice-chair", "Dr C Singh", "--member", "brian-okafor", "--member",
               "ada-lovelace", "--venue", "Committee Room 2, County Hall, Testshire", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert ", 3 members. Change" in done.stdout and " Add what its page is to say of it, then" in done.stdout
    written = (content / "bodies" / "jhc.md").read_text(encoding="utf-8")
    assert """\
venue: Committee Room 2, County Hall, Testshire  # where it usually meets: each new meeting.md is given it
# website: https://...
members:  # under each person: their role:, organisation:, and from: the day they joined
  - person: ada-lovelace
    role: Chair
    organisation: Testshire County Council
  - person: carol-singh
    role: Vice-Chair
    organisation: Testshire County Council
  - person: brian-okafor
    organisation: Testshire Clinical Commissioning Group
# Below""" in written
    assert problems(content) == []
    assert cli("new", "meeting", "--body", "jhc", "--date", "2024-06-13", cwd=tmp_path).returncode == 0
    meeting = (content / "meetings" / "jhc" / "2024-06-13" / "meeting.md").read_text(encoding="utf-8")
    assert "venue: Committee Room 2, County Hall, Testshire\n" in meeting
    assert "    - person: ada-lovelace\n      role: Chair\n" in meeting


def test_a_new_meeting_is_chaired_by_the_bodys_chair_named_alone_as_one_in_the_register_is(content, tmp_path):
    """A body's Chair not in the people register, a member by name (`- name: Councillor Jo Bloggs`, `role:
    Chair`): the new meeting had no `chair:`, where a registered chair was given one, and `Chair` written for a
    person in its minutes was an error. It is given the line naming them as the attendance does."""
    scaffold.write_all(plan_body(content, "jhc", "Joint Health Committee", members=["brian-okafor"]).files, content)
    body = content / "bodies" / "jhc.md"
    body.write_text(body.read_text(encoding="utf-8").replace(
        "  - person: brian-okafor\n", "  - name: Councillor Jo Bloggs\n    role: Chair\n  - person: brian-okafor\n"),
        encoding="utf-8")
    scaffold.write_all(scaffold.plan_meeting(content, "jhc", dt.date(2024, 6, 13)).files, content)
    folder = content / "meetings" / "jhc" / "2024-06-13"
    meeting = (folder / "meeting.md").read_text(encoding="utf-8")
    assert "\nchair: {name: Councillor Jo Bloggs}  # the Chair: write who chaired it, if another\n" in meeting
    minutes = folder / "minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(
        "## 3 Any other business\n", "## 3 Any other business\n\n```item\nactions:\n  - owner: Chair\n    text: "
        "Write to the minister.\n    due: 2024-07-01\n```\n"),
        encoding="utf-8")
    assert "owner: Chair" in minutes.read_text(encoding="utf-8")
    assert problems(content) == []


def test_a_new_meeting_is_chaired_by_the_bodys_chair_and_lists_no_substitute_as_present(content, tmp_path):
    """The first meeting of a body whose file names its Chair had no `chair:` (and `Chair` written for a person in
    it was an error), and listed a substitute member as present, who comes only in a member's place. It names the
    member whose role is the chair, and the substitutes in a comment saying where one who came goes."""
    scaffold.write_all(plan_body(content, "jhc", "Joint Health Committee", chair="ada-lovelace",
                                 members=["brian-okafor", "dev-patel"]).files, content)
    edit = content / "bodies" / "jhc.md"
    edit.write_text(edit.read_text(encoding="utf-8").replace(
        "  - person: dev-patel\n", "  - person: dev-patel\n    role: Substitute member\n"), encoding="utf-8")
    assert cli("new", "meeting", "--body", "jhc", "--date", "2024-06-13", cwd=tmp_path).returncode == 0
    meeting = (content / "meetings" / "jhc" / "2024-06-13" / "meeting.md").read_text(encoding="utf-8")
    assert "\nchair: ada-lovelace  # the Chair: write who chaired it, if another\n" in meeting
    assert "person: dev-patel" not in meeting
    assert ("  # substitutes (dev-patel): one who came goes under `deputising:`, as `- person: <id>` with `for: <id>` "
            "of the member they stood in for\n") in meeting
    assert problems(content) == []


def test_a_chair_and_vice_chair_of_one_person_or_of_no_one_in_the_register_are_refused(content):
    assert refused(content, slug="jhc", name="Joint Health Committee", chair="ada-lovelace", vice_chair="Cllr Lovelace",
                   members=["zed"]) == [
        "--vice-chair 'Cllr Lovelace': ada-lovelace is the Chair already; give the Vice-Chair as another person, or "
        "leave --vice-chair out",
        "--member zed: unknown person 'zed'; known people: ada-lovelace, brian-okafor, carol-singh, dev-patel, "
        "eve-turner, frank-turner; otherwise add them to the people register (content/people.yaml, or a file in content/people/) "
        "first"]


def test_a_post_given_for_a_member_chair_or_vice_chair_is_told_to_give_the_member_who_holds_it(content):
    """`--vice-chair "Vice Chair"`, the post for the person, was told it was an unknown person, to be added to the
    people register as `vice-chair: {name: Vice Chair}`."""
    assert refused(content, slug="jhc", name="Joint Health Committee", chair="ada-lovelace", vice_chair="Vice Chair",
                   members=["Chair"]) == [
        "--vice-chair 'Vice Chair': 'Vice Chair' is a post, not a person; give --vice-chair the member who is the "
        "Vice-Chair, by their id or name in the people register (`--vice-chair <id>`): the body's file gives them "
        "`role: Vice-Chair`",
        "--member Chair: 'Chair' is a post, not a person; give --member the member who holds it, by their id or name "
        "in the people register, and the post with --chair or --vice-chair"]


def test_a_body_given_no_numbering_numbers_per_meeting_and_is_short_named_by_its_slug(content):
    """Left to itself, the file numbers items per meeting (items 1, 2, 3 at each), which the summary says to change
    before the first meeting is published, as its items' addresses are made of their numbers; the short name
    titles give it is the slug in capitals, and for a slug of several words the name itself."""
    plan = plan_body(content, "hwb", "Health and Wellbeing Board")
    assert plan.files == {content / "bodies" / "hwb.md": """\
---
name: Health and Wellbeing Board
short_name: HWB
# kind: board  # or committee, joint committee, sub-committee, ...
numbering: per-meeting  # items numbered 1, 2, 3 afresh at each meeting
# year_starts: May  # for minutes numbered on through the municipal year (29, 30, ...)
# venue: ...  # where it usually meets: each new meeting.md is given it
# website: https://...
# members:  # `- person: <id>` each, as in the people register (`- name: ...` if not in it), with role:, organisation:, from:
# Below the closing line: what the body's page says of it (markdown), its terms of reference, how to attend.
---
"""}
    assert plan.summary == (
        "Health and Wellbeing Board (HWB in titles), its items numbered 1, 2, 3 afresh at each meeting (per-meeting), "
        "no members listed. Change `numbering:` before its first meeting is published if its minutes are numbered "
        "otherwise: its items' addresses are made of their numbers. Add its venue and what its page is to say of "
        "it, then start its first meeting: minutebook new meeting --body hwb --date YYYY-MM-DD")
    written = plan_body(content, "audit-committee", "Audit Committee").files[content / "bodies" / "audit-committee.md"]
    assert "short_name: Audit Committee\n" in written


def test_a_slug_like_another_bodys_is_written_and_the_summary_names_that_body(content):
    """`new meeting --body pcc` beside ccb asks "did you mean 'ccb'?"; a new body's slug like another's (tb2
    beside tb) may as well be a typing slip for that body, whose meetings would then be started in a new one."""
    assert "Its slug is like tb's (TB): if that is the body meant, remove the file and use --body tb." in \
        plan_body(content, "tb2", "Testshire Board").summary


def test_an_archive_without_bodies_gets_its_first_body(content):
    """A new archive has no bodies/ folder, which check says is an error to put right by adding a body's file:
    `new body` refused while it stood."""
    for made in content.iterdir():
        if made.name not in ("site.yaml", "people.yaml"):
            shutil.rmtree(made) if made.is_dir() else made.unlink()
    plan = plan_body(content, "hwb", "Health and Wellbeing Board")
    scaffold.write_all(plan.files, content)
    assert problems(content) == []


def test_a_new_archive_without_site_yaml_is_told_of_site_yaml_alone_not_of_the_bodies_folder_new_body_writes(content):
    """A new organisation's first `new body`, in a content folder holding nothing yet: it was refused with two
    errors to fix first, the missing site.yaml and the missing bodies/ folder, the second being the one the
    command itself puts right. Only site.yaml's is given; once it is written, the body is."""
    for made in content.iterdir():
        shutil.rmtree(made) if made.is_dir() else made.unlink()
    assert refused(content, slug="hwb", name="Health and Wellbeing Board") == [
        "content/site.yaml:1: error: there is no site.yaml; write it with `minutebook new site --title \"...\" "
        "--publisher \"...\" --base-url https://...`, or by hand as content/site.yaml, with title, publisher, "
        "base_url and licence (see docs/content-format.md)",
        "the archive has 1 error (listed above), which `minutebook check` also reports; fix them first, then run "
        "this again"]
    shutil.copy(FIXTURE / "site.yaml", content / "site.yaml")
    scaffold.write_all(plan_body(content, "hwb", "Health and Wellbeing Board").files, content)
    assert (content / "bodies" / "hwb.md").is_file()


def test_a_meeting_written_before_its_body_does_not_stop_the_body_being_written(content):
    """A meeting.md naming a body that has no file yet is an error saying to add the file: `new body`, which adds
    it, is not refused for it (as `new meeting` is not for a `rearranged_to` naming the meeting it starts)."""
    folder = content / "meetings" / "hwb" / "2024-06-13"
    folder.mkdir(parents=True)
    (folder / "meeting.md").write_text("---\nbody: hwb\ndate: 2024-06-13\n---\n", encoding="utf-8")
    assert [p for p in problems(content) if "unknown body 'hwb'" in p]
    scaffold.write_all(plan_body(content, "hwb", "Health and Wellbeing Board").files, content)
    assert problems(content) == []


# ---- what is refused ----------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["tb", "TB"])
def test_a_body_the_archive_has_is_refused_on_its_file(content, slug):
    """`--slug TB` is tb's too, as `new meeting --body CCB` is told of ccb: the loader would refuse HWB.md's name,
    and told to give tb, the clerk would be refused again."""
    assert refused(content, slug=slug, name="Board") == [
        "content/bodies/tb.md:1: error: the body tb already exists (Testshire Health and Wellbeing Board); start its "
        "meetings with `minutebook new meeting --body tb --date YYYY-MM-DD`, or give another --slug for a new body"]


@pytest.mark.parametrize("given, option, theirs", [
    ({"name": "testshire  health and wellbeing board"}, "--name", "Testshire Health and Wellbeing Board"),
    ({"name": "Joint Board", "short_name": "jc"}, "--short-name", "JC"),
    ({"name": "JC"}, "--name", "JC"),
])
def test_a_name_or_short_name_another_body_has_is_refused(content, given, option, theirs):
    """Two bodies of one name are told apart by no page's title, and an action line naming the name ("ACTION: JC
    to ...") names neither of them (inline_actions.names_of_bodies)."""
    body = "tb" if "Testshire" in theirs else "jc"
    short = "TB" if body == "tb" else "JC"
    assert refused(content, slug="new", **given) == [
        f"content/bodies/{body}.md:1: error: the body {body} is named '{theirs}' already; two bodies of one name are "
        f"told apart in no title or action line: give the new body another {option}, or, if it is {short}, start "
        f"its meetings with `minutebook new meeting --body {body}`"]


def test_a_short_name_made_of_the_slug_says_so_when_another_body_has_it(content):
    """The clerk gave no --short-name, so the one another body has is the slug's in capitals, as the message says."""
    (content / "bodies" / "tb.md").rename(content / "bodies" / "thwb.md")
    shutil.rmtree(content / "meetings" / "tb")
    assert refused(content, slug="tb", name="Testshire Board") == [
        "content/bodies/thwb.md:1: error: the body thwb is named 'TB' already; two bodies of one name are told apart "
        "in no title or action line: give the new body another --short-name (the slug in capitals, as no "
        "--short-name was given), or, if it is TB, start its meetings with `minutebook new meeting --body thwb`"]


@pytest.mark.parametrize("slug, said", [
    ("HWB", "'HWB' is not a valid body slug; a slug is its file's name, in lower-case letters, digits and hyphens: "
            "give --slug hwb"),
    ("'h wb'", "'h wb' is not a valid body slug; a slug is its file's name, in lower-case letters, digits and "
               "hyphens: give --slug h-wb"),
    ("people", "'people' cannot be a body slug: the site uses /people/ itself; give another --slug, e.g. "
               "people-committee"),
])
def test_a_slug_the_loader_would_refuse_is_refused_with_the_slug_to_give(content, slug, said):
    assert refused(content, slug=slug.strip("'"), name="Health and Wellbeing Board") == [f"--slug {slug}: {said}"]


@pytest.mark.parametrize("numbering, said", [
    ("HWB/{yy}", "numbering 'HWB/{yy}' has no {n}; write a pattern such as CCBP/{yy}/{n}, or per-meeting"),
    ("HWB/{yy}/{n}/{yy}", "numbering 'HWB/{yy}/{n}/{yy}' has {yy} twice, and a number is written with one value "
                          "for each (19/19 for 18/19); use each of {n}, {yy} and {yyyy} once"),
])
def test_a_numbering_the_loader_would_refuse_is_refused_in_the_loaders_words(content, numbering, said):
    assert refused(content, slug="hwb", name="Health and Wellbeing Board", numbering=numbering) == [
        f"--numbering '{numbering}': {said}"]


def test_members_not_in_the_register_are_each_named_with_the_id_most_like_theirs(content):
    """Each member the register does not have is told, in one refusal, with the person meant where one is like
    them (people.closest_person), else the people there are; a first name, initials or an organisation are told
    as the loader tells them in a body's file."""
    assert refused(content, slug="hwb", name="Health and Wellbeing Board",
                   members=["ada-lovelace", "ada-lovelac", "zed", "AL"]) == [
        "--member ada-lovelac: unknown person 'ada-lovelac'; did you mean 'ada-lovelace'? Otherwise add them to "
        "the people register (content/people.yaml, or a file in content/people/) first",
        "--member zed: unknown person 'zed'; known people: ada-lovelace, brian-okafor, carol-singh, dev-patel, "
        "eve-turner, frank-turner; otherwise add them to the people register (content/people.yaml, or a file in content/people/) "
        "first",
        "--member AL: unknown person 'AL': initials are read as a person in the text, not in a field; AL are the "
        "initials of Councillor Ada Lovelace (ada-lovelace): write ada-lovelace"]


def test_a_member_written_as_a_name_the_register_lacks_is_given_the_entry_to_add(content):
    """A new member, as the clerk knows them (`Councillor Jane Okonjo`), was told only to add them to the register,
    which left a new clerk to find out from the docs how: the message gives the entry, which the register takes."""
    said = refused(content, slug="jhc", name="Joint Health Committee", members=["Councillor Jane Okonjo"])
    assert said == [
        "--member 'Councillor Jane Okonjo': unknown person 'Councillor Jane Okonjo'; known people: ada-lovelace, "
        "brian-okafor, carol-singh, dev-patel, eve-turner, frank-turner; otherwise add them to the people register "
        "(content/people.yaml, or a file in content/people/) first, e.g. `jane-okonjo: {name: Jane Okonjo, honorific: Councillor}`"]
    register = content / "people.yaml"
    register.write_text(register.read_text(encoding="utf-8") + said[0].split("`")[1] + "\n", encoding="utf-8")
    plan = plan_body(content, "jhc", "Joint Health Committee", members=["Councillor Jane Okonjo"])
    assert "  - person: jane-okonjo\n" in plan.files[content / "bodies" / "jhc.md"]


def test_a_member_of_an_archive_without_a_register_is_refused(content):
    (content / "people.yaml").unlink()
    shutil.rmtree(content / "meetings")
    assert refused(content, slug="hwb", name="Health and Wellbeing Board", members=["ada-lovelace"]) == [
        "--member ada-lovelace: the archive has no people register to find them in; add content/people.yaml with an "
        "entry for each member first, one a line, e.g. `ada-lovelace: {name: Ada Lovelace}` (docs/content-format.md, "
        "people), or leave --member out and list the members in the body's file as `- name: ...`"]


def test_a_member_given_by_name_in_an_archive_without_a_register_is_shown_the_entry_to_add(content):
    (content / "people.yaml").unlink()
    shutil.rmtree(content / "meetings")
    said = refused(content, slug="hwb", name="Health and Wellbeing Board", members=["Councillor Jane Okonjo"])
    assert "add content/people.yaml with an entry for each member first, one a line, e.g. `jane-okonjo: {name: " \
        "Jane Okonjo, honorific: Councillor}` (docs/content-format.md, people)" in said[0]


def test_the_command_tells_every_problem_at_once_and_writes_nothing(content, tmp_path):
    done = cli("new", "body", "--slug", "HWB", "--name", "Health and Wellbeing Board", "--numbering", "HWB/{yy}",
               "--member", "zed", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    lines = done.stderr.splitlines()
    assert [line.split(":", 2)[1] for line in lines] == [" --slug HWB", " --numbering 'HWB/{yy}'", " --member zed",
                                                         " nothing was written"]
    assert sorted(p.name for p in (content / "bodies").iterdir()) == ["jc.md", "tb.md"]
