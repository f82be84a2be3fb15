"""A clerk's first hour: `minutebook new site` (generator/scaffold_site.py), what a new archive is told before it
has one, and the `new` commands' messages naming the archive given with `--content` rather than `content/`.

Archives are copies, under tmp_path, of `tests/fixtures/archive/` (TB numbered `TB/{yy}/{n}`, JC per meeting, a
people register), kept in a folder named `records`, run on from a folder beside it, `elsewhere`, as a clerk's
`--content ../records` is; or an empty folder, where the README's commands start a new archive.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import scaffold
from generator.build import Options, run
from generator.cli import main
from generator.diagnostics import Report
from generator.loader import load_archive
from generator.scaffold_body import plan_body
from generator.scaffold_site import plan_site
from helpers import FIXTURE

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 2, 1)
NEW_SITE = ["new", "site", "--title", "Testshire Council meetings", "--publisher", "Testshire County Council",
            "--base-url", "https://council.example.gov.uk/minutes/"]


def readme_commands() -> list[list[str]]:
    """The commands the README gives for starting an archive, each as its words."""
    text = (REPO / "README.md").read_text(encoding="utf-8").split("A new archive starts in an empty folder", 1)[1]
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith("minutebook ")]


def problems(content: Path) -> list[str]:
    """Every error and warning `minutebook check` gives the archive, as it prints them in the current folder."""
    result = run(Options(content=content, today=TODAY, search=False), write=False)
    return [result.report.format_here(d) for d in result.report.sorted()]


@pytest.fixture
def records(tmp_path, monkeypatch) -> Path:
    """The fixture archive at <tmp>/records, the command run from <tmp>/elsewhere."""
    target = tmp_path / "records"
    shutil.copytree(FIXTURE, target)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return target


def new(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    """`minutebook new ...` in this process: (exit code, lines on stdout, lines on stderr)."""
    code = main(["new", *args])
    said = capsys.readouterr()
    return code, said.out.splitlines(), said.err.splitlines()


# ---- a new archive ---------------------------------------------------------------------

def test_the_readmes_commands_from_an_empty_folder_make_an_archive_that_builds(tmp_path):
    """No command wrote site.yaml: a new archive wrote it by hand from the docs, four required fields and a licence,
    before `new body` would start. The README's commands, run as they are in an empty folder, make an archive that
    `check` finds nothing wrong with and that builds."""
    commands = readme_commands()
    assert [words[:2] for words in commands[:4]] == [["new", "site"], ["new", "body"], ["new", "meeting"],
                                                      ["new", "paper"]] and commands[4:] == [["check"], ["build"]]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("SOURCE_DATE_EPOCH", None)
    for words in commands:
        extra = ["--no-search", "--today", "2026-02-01"] if words == ["build"] else \
            ["--today", "2026-02-01"] if words == ["check"] else []  # the index is Pagefind's, tested elsewhere
        done = subprocess.run([sys.executable, "-m", "generator", *words, *extra], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{shlex.join(words)}:\n{done.stdout}{done.stderr}"
        if words == ["check"]:
            assert done.stderr.splitlines()[-1] == "minutebook check: 0 errors, 0 warnings", done.stderr
        if words == ["build"]:  # a first meeting told as one, where it said "rendering 1 meetings"
            assert "minutebook: rendering 1 meeting" in done.stderr.splitlines(), done.stderr
    assert (tmp_path / "site" / "hwb" / "2026" / "2026-01-15" / "index.html").is_file()


def test_new_site_writes_a_site_yaml_check_takes_and_says_what_to_do_next(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = new(capsys, *NEW_SITE[1:])
    assert (code, err) == (0, [])
    assert out == [
        "created content/site.yaml",
        "created .gitignore",
        "Its licence is the Open Government Licence v3.0: change it in content/site.yaml if the records are "
        "published under another, and give the accessibility statement's contacts there. .gitignore keeps site/ and "
        ".minutebook/ (the build cache and the preview, which hold draft and confidential records) out of git. Next, "
        "start the first board or committee: minutebook new body --slug hwb --name \"Health and Wellbeing Board\""]
    report = Report(root=tmp_path / "content")
    site = load_archive(tmp_path / "content", report)
    assert [d.message for d in report.errors] == ["there is no bodies/ folder"]  # the next command's
    assert site is None or site.site is not None


def test_new_site_keeps_what_builds_make_out_of_the_archives_repository(tmp_path, capsys, monkeypatch):
    """A clerk's `git add -A` after the first build committed .minutebook/ (the build cache and the preview, which
    hold draft minutes and confidential items) and site/ to the archive's repository, often a public one."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    assert new(capsys, *NEW_SITE[1:])[0] == 0
    for made in (".minutebook/cache/build.pickle", ".minutebook/preview/index.html", "site/index.html",
                 ".site.old-123-4/index.html"):
        (tmp_path / made).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / made).write_text("draft\n", encoding="utf-8")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert status == ["?? .gitignore", "?? content/site.yaml"]


def test_new_site_beside_a_gitignore_of_its_own_is_told_what_to_add_to_it(tmp_path, capsys, monkeypatch):
    (tmp_path / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = new(capsys, *NEW_SITE[1:])
    assert code == 0 and out[0] == "created content/site.yaml" and len(out) == 2
    assert " Add `/site/` and `.minutebook/` to .gitignore: the build cache and the preview there hold draft and " \
        "confidential records, never to be committed. Next," in out[1]
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"


def test_new_site_never_overwrites_the_site_yaml_there_is(records, capsys):
    before = (records / "site.yaml").read_bytes()
    assert new(capsys, *NEW_SITE[1:], "--content", "../records") == (1, [], [
        "../records/site.yaml:1: error: the file already exists; nothing is ever overwritten: edit that file, or "
        "move it away for a fresh scaffold", "minutebook new: nothing was written"])
    assert (records / "site.yaml").read_bytes() == before


def test_new_site_refuses_an_address_the_loader_would_refuse_with_the_one_to_give(tmp_path):
    with pytest.raises(scaffold.Refused) as refused:
        plan_site(tmp_path / "content", "T", "P", "council.example.gov.uk/minutes")
    assert refused.value.summary == ("--base-url council.example.gov.uk/minutes: 'council.example.gov.uk/minutes' "
                                     "is not a web address; write it as https://council.example.gov.uk/minutes if "
                                     "that is the address")
    assert not (tmp_path / "content").exists()


def test_a_content_folder_without_site_yaml_is_told_the_command_that_writes_it(records):
    (records / "site.yaml").unlink()
    assert problems(records)[0] == (
        "../records/site.yaml:1: error: there is no site.yaml; write it with `minutebook new site --title \"...\" "
        "--publisher \"...\" --base-url https://... --content ../records`, or by hand as ../records/site.yaml, with "
        "title, publisher, base_url and licence (see docs/content-format.md)")


def test_an_archive_without_bodies_is_told_the_command_that_starts_one(records):
    shutil.rmtree(records / "bodies")
    shutil.rmtree(records / "meetings")
    assert problems(records) == [
        "../records/bodies:1: error: there is no bodies/ folder; start the first board or committee's file, which "
        "makes the folder, with `minutebook new body --slug hwb --name \"...\" --content ../records`, or write one "
        "file per body by hand, e.g. ../records/bodies/hwb.md"]


def test_a_folder_with_no_archive_is_told_how_to_start_one(tmp_path, monkeypatch):
    """A clerk's first `minutebook check` or `new body`, in the empty folder of a new repository, was told where it
    looked for content/ and to pass --content, and nothing of how an archive is started."""
    monkeypatch.chdir(tmp_path)
    report = Report(root=Path("content"))
    assert load_archive(Path("content"), report) is None
    assert report.errors[0].hint.endswith("; to start a new archive there, run `minutebook new site --title \"...\" "
                                          "--publisher \"...\" --base-url https://...`")


# ---- the archive given with --content, named as it is --------------------------------------

def test_an_unknown_body_is_told_its_file_and_the_command_in_the_archive_given(records, capsys):
    assert new(capsys, "meeting", "--body", "hwb", "--date", "2024-06-13", "--content", "../records") == (1, [], [
        "minutebook new: --body hwb: there is no body 'hwb'; known bodies: jc, tb; for a new body, start its file, "
        "../records/bodies/hwb.md, with `minutebook new body --slug hwb --name \"...\" --content ../records`",
        "minutebook new: nothing was written"])


def test_a_new_meetings_summary_says_to_check_the_archive_given(records, capsys):
    code, out, err = new(capsys, "meeting", "--body", "jc", "--date", "2020-03-05", "--content", "../records")
    assert (code, err) == (0, [])
    assert out[-1].endswith("Replace the 'Clerk to complete' lines, then run `minutebook check --content "
                            "../records`.")


def test_a_new_bodys_summary_starts_its_meeting_in_the_archive_given(records, capsys):
    code, out, err = new(capsys, "body", "--slug", "hwb", "--name", "Health and Wellbeing Board", "--content",
                         "../records")
    assert (code, err) == (0, [])
    assert out[0] == "created ../records/bodies/hwb.md"
    assert out[-1].endswith("then start its first meeting: minutebook new meeting --body hwb --date YYYY-MM-DD "
                            "--content ../records")


def test_a_refusal_for_the_archives_errors_says_to_check_the_archive_given(records, capsys):
    (records / "site.yaml").write_text("title: T\n", encoding="utf-8")
    code, out, err = new(capsys, "paper", "--meeting", "tb/2019-03-14", "--ref", "Z", "--title", "T", "--content",
                         "../records")
    assert (code, out) == (1, [])
    assert err[-2:] == ["minutebook new: the archive has 3 errors (listed above), which `minutebook check --content "
                        "../records` also reports; fix them first, then run this again",
                        "minutebook new: nothing was written"]


def test_a_body_named_as_another_is_told_to_start_that_ones_meetings_in_the_archive_given(records, capsys):
    code, out, err = new(capsys, "body", "--slug", "tb", "--name", "Board", "--content", "../records")
    assert (code, out) == (1, [])
    assert err[0] == ("../records/bodies/tb.md:1: error: the body tb already exists (Testshire Health and Wellbeing "
                      "Board); start its meetings with `minutebook new meeting --body tb --date YYYY-MM-DD --content "
                      "../records`, or give another --slug for a new body")


def test_a_member_the_register_lacks_is_told_the_register_of_the_archive_given(records, capsys):
    code, out, err = new(capsys, "body", "--slug", "hwb", "--name", "Health and Wellbeing Board", "--member",
                         "Councillor Jane Okonjo", "--content", "../records")
    assert (code, out) == (1, [])
    assert err[0].endswith("add them to the people register (../records/people.yaml, or a file in ../records/people/) "
                           "first, e.g. `jane-okonjo: {name: Jane Okonjo, honorific: Councillor}`"), err[0]


def test_a_first_number_of_no_number_of_the_body_is_told_its_file_in_the_archive_given(records, capsys):
    code, out, err = new(capsys, "meeting", "--body", "tb", "--date", "2020-03-05", "--first-number", "TB-20-4",
                         "--content", "../records")
    assert (code, out) == (1, [])
    assert err[0].startswith("minutebook new: --first-number TB-20-4: 'TB-20-4' is not one of TB's minute numbers, "
                             "which ../records/bodies/tb.md gives as"), err[0]


def test_an_unknown_persons_hint_names_the_people_register_of_the_archive_given(records):
    """check told a clerk outside the content folder to add someone to `people.yaml`, a file beside them, where
    every other file it named was named from where they stood."""
    meeting = records / "meetings/tb/2019-06-20/meeting.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("frank-turner]", "frank-turner, Zed Quarry]"),
                       encoding="utf-8")
    said = problems(records)
    assert len(said) == 1 and said[0].startswith("../records/meetings/tb/2019-06-20/meeting.md:9: error: unknown "
                                                 "person 'Zed Quarry'; known people: ")
    assert said[0].endswith("; otherwise add them to the people register (../records/people.yaml, or a file in "
                            "../records/people/), or write {name: Zed Quarry} for someone who is not in it")


def test_a_municipal_years_start_is_told_in_the_body_file_of_the_archive_given(records):
    """A council's minutes starting again at 1 within its municipal year: the warning said the year begins by
    `year_starts in bodies/jc.md`, named from the content folder, where the clerk was not."""
    body = records / "bodies/jc.md"
    body.write_text(body.read_text(encoding="utf-8").replace("numbering: per-meeting\n",
                                                             "numbering: per-meeting\nyear_starts: May\n"),
                    encoding="utf-8")
    folder = records / "meetings/jc/2019-12-05"
    folder.mkdir()
    (folder / "meeting.md").write_text("---\nbody: jc\ndate: 2019-12-05\n---\n", encoding="utf-8")
    (folder / "minutes.md").write_text("---\nstatus: approved\n---\n## 1 Welcome\n\nNoted.\n", encoding="utf-8")
    said = [p for p in problems(records) if "start again at 1" in p]
    assert len(said) == 1 and "not the first meeting of JC's municipal year from 1 May 2019 (year_starts in " \
        "../records/bodies/jc.md)" in said[0], said


def test_a_new_meetings_members_are_said_to_come_from_the_body_file_named_from_the_archives_top(records, capsys,
                                                                                                 monkeypatch):
    """The comment above a new meeting's attendance named `bodies/tb.md`, from inside the content folder; it is
    in a file read later from anywhere, so it names the body's file from the archive's top folder, as a message
    does before the command shows it from where it runs, whichever folder that is."""
    assert new(capsys, "meeting", "--body", "tb", "--date", "2020-03-12", "--content", "../records")[0] == 0
    text = (records / "meetings/tb/2020-03-12/meeting.md").read_text(encoding="utf-8")
    assert "  # the members of TB on 12 March 2020 (records/bodies/tb.md): move anyone absent" in text
    monkeypatch.chdir(records / "meetings")
    assert new(capsys, "meeting", "--body", "tb", "--date", "2020-05-14", "--content", "..")[0] == 0
    text = (records / "meetings/tb/2020-05-14/meeting.md").read_text(encoding="utf-8")
    assert "  # the members of TB on 14 May 2020 (records/bodies/tb.md): move anyone absent" in text


def _edit(records: Path, relative: str, old: str, new: str) -> None:
    path = records / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, relative
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _many_bodies(records: Path) -> None:
    """More bodies than a hint lists, so that it says how a body is written instead."""
    for n in range(1, 13):
        (records / f"bodies/c{n}.md").write_text(f"---\nname: Committee {n}\nshort_name: C{n}\nnumbering: "
                                                 f"\"C{n}/{{yy}}/{{n}}\"\n---\n", encoding="utf-8")


MARCH = "meetings/tb/2019-03-14/minutes.md"


@pytest.mark.parametrize("change, said", [
    (lambda r: _edit(r, "site.yaml", "language: en-GB\n", "language: en-GB\ninterest_types: [Financial interest]\n"),
     "add 'Other registrable interest' to `interest_types:` in ../records/site.yaml, or list TB's own in "
     "../records/bodies/tb.md"),
    (lambda r: _edit(r, "site.yaml", "language: en-GB\n", "language: en-GB\ninterest_types: []\n"),
     "declares interests by no type (`interest_types: []` in ../records/site.yaml)"),
    (lambda r: _edit(r, MARCH, "type: Other registrable interest", "type: Pecuniary thing"),
     "under `interest_types:` in ../records/bodies/tb.md (in ../records/site.yaml, for every body)"),
    (lambda r: (r / "bodies/notes.txt").write_text("Notes\n", encoding="utf-8"),
     "../records/bodies/notes.txt:1: warning: notes.txt is not read: each board or committee is a Markdown file "
     "with frontmatter; rename it to notes.md if it is one, or move it out of ../records/bodies/"),
    (lambda r: (r / "meetings/tb/agenda-template.md").write_text("# Agenda\n", encoding="utf-8"),
     "move it into a meeting's folder (beside its meeting.md), or out of ../records/meetings/"),
    (lambda r: ((r / "meetings/tb/2019-03-14/drafts").mkdir(),
                (r / "meetings/tb/2019-03-14/drafts/minutes.md").write_text("Draft.\n", encoding="utf-8")),
     "move a paper into papers/ itself (its subfolders are not read), or the file out of ../records/meetings/"),
    (lambda r: ((r / "meetings/jc/2019-06-20").mkdir(),
                (r / "meetings/jc/2019-06-20/meeting.md").write_text(
                    (r / "meetings/tb/2019-06-20/meeting.md").read_text(encoding="utf-8"), encoding="utf-8")),
     "or move the folder into ../records/meetings/tb/"),
    (lambda r: _edit(r, MARCH, "{body: jc}", "{body: JC}"),
     "no body 'JC': it names the body jc, whose file is ../records/bodies/jc.md; write {body: jc}"),
    (lambda r: _edit(r, MARCH, "{body: jc}", "{body: }"),
     "write the body's slug (its file's name in ../records/bodies/) after `body:`"),
    (lambda r: (_many_bodies(r), _edit(r, MARCH, "{body: jc}", "{body: planning}")),
     "no body 'planning'; write the body as its file in ../records/bodies/ is named"),
    (lambda r: (_many_bodies(r), _edit(r, MARCH, "approved_at: tb/2019-06-20", "approved_at: planning/2019-06-20")),
     "there is no body 'planning'; write the body as its file in ../records/bodies/ is named"),
    (lambda r: _edit(r, "meetings/tb/2019-03-14/meeting.md", "    paper: A\n", "    paper: Z\n"),
     "add it with `minutebook new paper --meeting tb/2019-03-14 --ref Z --title ... --content ../records` (or "
     "../records/meetings/tb/2019-03-14/papers/<name>.md with `ref: Z`)"),
])
def test_a_file_or_folder_a_message_names_is_named_in_the_archive_given(records, change, said):
    """Each of these named `site.yaml`, `bodies/` or `meetings/` from inside the content folder, where the clerk
    was not: told to add a type to site.yaml, they opened (or made) one beside them."""
    change(records)
    found = [p for p in problems(records) if said in p]
    assert len(found) == 1, problems(records)


# ---- a body's first meeting ----------------------------------------------------------------

def test_a_bodys_first_meeting_is_given_a_start_time_to_fill_in(tmp_path, monkeypatch):
    """A body's first meeting was given no `start:` line, where the meetings after it copy the last one's: the
    clerk was not shown that the meeting has a start time to give. It is given one commented out, which check
    takes as it is, and as a time once the # is taken out."""
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    scaffold.write_all(plan_body(content, "hwb", "Health and Wellbeing Board").files, content)
    scaffold.write_all(scaffold.plan_meeting(content, "hwb", dt.date(2026, 1, 15)).files, content)
    path = content / "meetings" / "hwb" / "2026-01-15" / "meeting.md"
    text = path.read_text(encoding="utf-8")
    given = next(line for line in text.splitlines() if line.startswith("# start: "))
    assert given.startswith('# start: "14:00"  # the time it begins') and "date: 2026-01-15\n" + given in text
    assert problems(content) == []
    path.write_text(text.replace(given, 'start: "14:00"'), encoding="utf-8")
    assert problems(content) == []
    assert "\nstart: 14:00\n" in scaffold.plan_meeting(content, "hwb", dt.date(2026, 3, 12)).files[
        content / "meetings" / "hwb" / "2026-03-12" / "meeting.md"]


def test_a_meeting_with_no_one_to_list_as_present_says_where_they_go(records, capsys):
    """A body started without members, whose first meeting lists no one: the command said "0 attendees listed as
    present", and nothing of where members or those present are written."""
    assert new(capsys, "body", "--slug", "aud", "--name", "Audit Committee", "--content", "../records")[0] == 0
    code, out, err = new(capsys, "meeting", "--body", "aud", "--date", "2026-01-15", "--content", "../records")
    assert (code, err) == (0, [])
    assert out[-1].startswith("standing items 1 to 4, the body's first meeting in the archive; no one listed as "
                              "present, as ../records/bodies/aud.md lists no members (add them there under "
                              "`members:`, or those present under `attendance:` in meeting.md), no open action"), out
