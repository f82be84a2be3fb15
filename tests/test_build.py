"""The build as a whole: deterministic output, safe failures, nothing unpublished leaks, the CLI's contract."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.build
from generator.build import Options, run
from generator.build import build_date
from generator.diagnostics import Report
from helpers import (ALL_CANARIES, CANARY_DRAFT, FIXTURE, SECRET_CANARIES, TODAY, edit, html_pages, line_of, messages,
                     old_sites_gone, page, pagefind_plaintext, read_tree, url_of)

MEETING = "meetings/tb/2019-03-14/meeting.md"
MINUTES = "meetings/tb/2019-03-14/minutes.md"
UNSAFE_HINT = ("links must be web addresses (https://...), mailto: or relative; javascript: and data: links "
               "are not allowed")


# --- determinism --------------------------------------------------------------------------------

def _two_cli_builds(cli, tmp_path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two CLI builds of the same content in different processes: different hash seeds, and the date
    given once as --today and once as SOURCE_DATE_EPOCH."""
    first = cli("build", "--out", "one", "--today", TODAY, env={"PYTHONHASHSEED": "1"})
    assert first.returncode == 0, first.stderr
    epoch = "1767225600"  # 2026-01-01T00:00:00Z
    second = cli("build", "--out", "two", env={"PYTHONHASHSEED": "2", "SOURCE_DATE_EPOCH": epoch})
    assert second.returncode == 0, second.stderr
    one, two = read_tree(tmp_path / "one"), read_tree(tmp_path / "two")
    assert any(name.startswith("pagefind/fragment/") for name in one), "the search index was not built"
    return one, two


def test_the_build_date_is_the_day_in_the_uk_whatever_the_machines_time_zone(monkeypatch):
    """A host that builds in UTC at half past midnight in a British summer is already on the next day's date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782862200")  # 2026-06-30T23:30:00Z, 00:30 on 1 July in London
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert build_date(None) == dt.date(2026, 7, 1)
        assert build_date(dt.date(2020, 1, 1)) == dt.date(2020, 1, 1), "--today wins"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_source_date_epoch_that_is_not_a_number_is_a_usage_error_not_the_clock_unseen(archive, cli):
    done = cli("check", env={"SOURCE_DATE_EPOCH": "2026-01-01"})
    assert (done.returncode, done.stderr) == (2, (
        "minutebook check: error: SOURCE_DATE_EPOCH is '2026-01-01', which is not a number of seconds since 1970; "
        "set it to one (`git log -1 --format=%ct`), or unset it and give the date with --today YYYY-MM-DD\n"))
    assert cli("check", "--today", "2026-01-01", env={"SOURCE_DATE_EPOCH": "2026-01-01"}).returncode == 0


def _differences(one: dict[str, bytes], two: dict[str, bytes], ignore=lambda name: False) -> list[str]:
    names = sorted({n for n in one.keys() | two.keys() if not ignore(n)})
    return [n for n in names if one.get(n) != two.get(n)]


def _pagefind_order_dependent(name: str) -> bool:
    """Pagefind 1.5's filter and meta indexes (and the entry file naming them) number pages in the order its
    workers finished them; its fragments, word indexes and assets are stable."""
    return name.startswith("pagefind/") and ("/filter/" in name or name.endswith(".pf_meta")
                                             or name.endswith("pagefind-entry.json"))


def test_same_content_and_date_give_byte_identical_pages_and_search_fragments(archive, cli, site, tmp_path):
    """Every page, asset, Pagefind fragment and word index is the same, byte for byte, across processes,
    across ways of giving the date, and wherever the content folder is (the session built the original)."""
    one, two = _two_cli_builds(cli, tmp_path)
    assert _differences(one, two, _pagefind_order_dependent) == []
    assert _differences(one, read_tree(site), _pagefind_order_dependent) == []
    assert len([n for n in one if n.endswith(".pf_fragment")]) >= 10


def test_same_content_and_date_give_byte_identical_sites_search_index_included(archive, cli, tmp_path):
    one, two = _two_cli_builds(cli, tmp_path)
    assert _differences(one, two) == []


# --- failures leave the site alone --------------------------------------------------------------

BREAKAGES = {
    "load": (MEETING, "quorate: yes", "quorate: maybe"),  # found while loading
    "render": (MINUTES, "There was no other business.", "[x](javascript:alert(1))"),  # found while rendering
}


@pytest.mark.parametrize("stage", sorted(BREAKAGES))
def test_failed_build_leaves_the_previous_site_untouched(archive, cli, tmp_path, stage):
    built = cli("build", "--today", TODAY)
    assert built.returncode == 0, built.stderr
    before = read_tree(tmp_path / "site")
    assert "index.html" in before and any(n.startswith("pagefind/") for n in before)
    edit(archive, *BREAKAGES[stage])
    failed = cli("build", "--today", TODAY)
    assert failed.returncode == 1
    assert "site/ was left as it was" in failed.stderr
    assert read_tree(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".minutebook") == ["content", "site"]  # no .site.tmp-* or .site.old-*


def test_failed_search_indexing_leaves_the_previous_site_untouched(archive, build, tmp_path, monkeypatch):
    out = tmp_path / "site"
    assert build(archive, out).ok
    before = read_tree(out)

    def broken_pagefind(*args, **kwargs):
        raise generator.build.IndexError_("Pagefind failed: simulated")

    monkeypatch.setattr(generator.build, "build_index", broken_pagefind)
    edit(archive, MINUTES, "There was no other business.", "There was no other business at all.")
    result = build(archive, out, search=True)
    assert not result.ok
    assert messages(result) == ["site:1: error: Pagefind failed: simulated; the previous site was kept; run the "
                                "build again"]
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".minutebook") == ["content", "site"]


@pytest.mark.parametrize("jobs, where", [(1, "page"), (2, "page"), (1, "static file")])
def test_a_disk_that_fills_up_while_the_site_is_staged_is_said_and_the_site_kept(archive, build, tmp_path, monkeypatch,
                                                                                  jobs, where):
    """A full disk is no content mistake: it was a traceback, from a rendering process on two cores."""
    import generator.write

    out = tmp_path / "site"
    assert build(archive, out).ok
    before = read_tree(out)

    def full_disk(path, data, write_new=generator.write.write_new):
        # the pages alone (on two cores, those the rendering processes write), or the static files alone
        if path.endswith(".html") if where == "page" else "/static/" in path:
            raise OSError(28, "No space left on device")
        write_new(path, data)

    monkeypatch.setattr(generator.write, "write_new", full_disk)
    failed = build(archive, out, jobs=jobs, cache=False)
    assert not failed.ok
    assert messages(failed) == ["site:1: error: could not write the site: [Errno 28] No space left on device; free "
                                "space on its disk or fix the permission, then build again; the previous site was kept"]
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".minutebook") == ["content", "site"]


def test_successful_rebuild_replaces_the_site_and_cleans_up(archive, cli, tmp_path):
    assert cli("build", "--today", TODAY, "--no-search").returncode == 0
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    (tmp_path / "site" / "stale.html").write_text("left over from an old build", encoding="utf-8")
    again = cli("build", "--today", TODAY, "--no-search")
    assert again.returncode == 0, again.stderr
    assert re.search(r"^Built \d+ pages into site/", again.stdout, re.M)
    assert "said the Chair" in (tmp_path / "site/tb/2019/tb-19-15/index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site" / "stale.html").exists()
    assert not (tmp_path / "site" / "pagefind").exists()  # --no-search
    assert old_sites_gone(tmp_path)  # the replaced site, removed by a process the build does not wait for
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".minutebook") == ["content", "site"]


def test_the_content_folder_named_another_way_is_the_same_folder_to_the_build_cache(archive, cli, tmp_path):
    """The cache keys what it read by path: `content`, ./content/ and its absolute path are one folder, so the
    build after one named another way renders nothing, and reports the same paths."""
    assert cli("build", "--today", TODAY, "--no-search").returncode == 0
    for named in ("./content/", str(tmp_path / "content")):
        again = cli("build", "--today", TODAY, "--no-search", "--content", named)
        assert again.returncode == 0, again.stderr
        assert re.search(r"^Built \d+ pages \(0 rendered, the rest unchanged\)", again.stdout, re.M), again.stdout
    edit(archive, MINUTES, "There was no other business.", "[[TB/19/99]] There was no other business.")
    warned = cli("build", "--today", TODAY, "--no-search", "--content", str(tmp_path / "content"))
    assert f"content/{MINUTES}:" in warned.stderr and str(tmp_path) not in warned.stderr


# --- nothing unpublished reaches the output -----------------------------------------------------

@pytest.fixture(scope="module")
def withheld_site(tmp_path_factory) -> Path:
    """The fixture archive with a canary in what else a withheld item carries, built once with its search index:
    the confidential minute's declaration, an owner named nowhere else and a confidential paper whose file's name
    is a canary; a minute withheld as taken after the press and public were excluded (its text, decision, vote,
    declaration, action and action line); an agenda item under a private section (its description, purpose,
    format and presenter); and a draft action log. The fixture itself carries none of these, as it builds without
    a warning."""
    content = tmp_path_factory.mktemp("withheld") / "content"
    shutil.copytree(FIXTURE, content)
    edit(content, MINUTES, "paper: C\nlead: frank-turner\n", "paper: [C, D]\nlead: frank-turner\ndeclarations:\n"
         "  - person: eve-turner\n    type: Other registrable interest\n    interest: CANARY-WITHHELD-5101 trustee\n"
         "    action: Left the room CANARY-WITHHELD-5101\n")
    edit(content, MINUTES, "actions:\n  - owner: frank-turner\n", "actions:\n  - owner: {name: CANARY-WITHHELD-5102}"
         "\n    text: Tell the agents\n    due: 2019-05-31\n  - owner: frank-turner\n")
    papers = content / "meetings/tb/2019-03-14/papers"
    shutil.copyfile(papers / "valuation.pdf", papers / "CANARY-WITHHELD-5103.pdf")
    (papers / "paper-d.md").write_text("---\nref: D\ntitle: Heads of terms\nitem: TB/19/14\nconfidential: yes\n"
                                       "file: CANARY-WITHHELD-5103.pdf\n---\nThe heads of terms.\n", encoding="utf-8")
    withheld = "meetings/tb/2019-06-20/minutes.md"
    edit(content, withheld, "The board reviewed the action log.", "The board reviewed the action log.\n\nRESOLVED "
         "that the press and public be excluded from the meeting for the remaining items of business.")
    edit(content, withheld, "The board noted that every ward has a pharmacy within a mile.", (
        "```item\nlead: frank-turner\nresolutions:\n  - AGREE CANARY-WITHHELD-5104\ndeclarations:\n"
        "  - person: carol-singh\n    type: Other registrable interest\n    interest: CANARY-WITHHELD-5104 owner\n"
        "    action: Remained in the meeting\nvotes:\n  - motion: CANARY-WITHHELD-5104 motion\n    outcome: carried\n"
        "    recorded:\n      for: [ada-lovelace, carol-singh]\n      against: [frank-turner]\nactions:\n"
        "  - owner: {name: CANARY-WITHHELD-5105}\n    text: Write CANARY-WITHHELD-5104\n    due: 2019-09-30\n```\n\n"
        "The board noted CANARY-WITHHELD-5104.\n\nACTION: FT to report CANARY-WITHHELD-5104 by 31 July 2019"))
    edit(content, "meetings/tb/2020-01-16/meeting.md", "    presenter: carol-singh\n", (
        "    presenter: carol-singh\n  - ref: TB/20/2\n    title: Pharmacy contract\n    section: Part II – Exempt\n"
        "    purpose: CANARY-WITHHELD-5106 purpose\n    format: CANARY-WITHHELD-5106 format\n"
        "    presenter: {name: CANARY-WITHHELD-5107}\n    description: CANARY-WITHHELD-5106 description\n"))
    (content / "meetings/tb/2020-01-16/actions.md").write_text(
        "---\nas_at: 2020-01-09\nstatus: draft\nupdates:\n  - action: TB/19/13#leaflet\n    status: amber\n"
        "    progress: CANARY-WITHHELD-5108\n---\nCANARY-WITHHELD-5108 notes\n", encoding="utf-8")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=True))
    assert result.ok, messages(result)
    said = "\n".join(d.format() for d in result.report.sorted())
    assert "TB/19/22 follows the resolution excluding the press and public" in said  # control: withheld so
    assert "TB/20/2 is under the section 'Part II – Exempt'" in said  # and so
    return out


@pytest.mark.parametrize("built", ["site", "withheld_site"])
def test_canaries_appear_in_no_file_or_file_name_of_the_output_tree(built, request):
    """Confidential items and papers, the private meeting and draft minutes (and, in `withheld_site`, items withheld
    as taken in private and a draft action log): in no page, asset, open data, feed, index file or file's name."""
    site = request.getfixturevalue(built)
    tree = read_tree(site)
    leaks = [(name, canary) for name, data in tree.items() for canary in ALL_CANARIES if canary.encode() in data]
    assert leaks == []
    assert [name for name, data in tree.items() if b"canary" in name.lower().encode() + data.lower()] == []
    assert [name for name in tree if "valuation" in name.lower()] == []  # the confidential paper's own file


@pytest.mark.parametrize("built", ["site", "withheld_site"])
def test_canaries_are_not_in_the_decompressed_search_index(built, request):
    """Pagefind's fragments and word index are gzip: look inside them, lower-cased as Pagefind stores words."""
    index = pagefind_plaintext(request.getfixturevalue(built))
    assert any(name.endswith(".pf_index") for name in index) and any(name.endswith(".pf_fragment") for name in index)
    assert any(b"allotments" in data for data in index.values()), "control: a published word is findable"
    assert [name for name, data in index.items() if b"canary" in data.lower()] == []


def test_canaries_are_not_in_the_html_that_was_indexed(site):
    """What Pagefind indexes is the <main data-pagefind-body> of each page; none of it holds a canary."""
    indexed = 0
    for path in html_pages(site):
        doc = page(site, url_of(site, path))
        for main in doc.find_all("main"):
            if "data-pagefind-body" in main.attrs:
                indexed += 1
                assert [c for c in ALL_CANARIES if c in main.text] == [], url_of(site, path)
    assert indexed >= 10  # meetings, papers, actions and people at least


def test_drafts_are_published_only_with_drafts_and_then_marked_on_every_page(archive, build, tmp_path):
    out = tmp_path / "preview"
    result = build(archive, out, search=True, drafts=True)
    assert result.ok, messages(result)
    draft_item = page(out, "/tb/2020/tb-20-1/")
    assert CANARY_DRAFT in draft_item.one("main").text
    assert "Draft minutes, not yet approved." in draft_item.one("p", class_="context").text
    meeting = page(out, "/tb/2020/2020-01-16/")
    assert "These minutes are a draft." in meeting.one("p", class_="draft-flag").text
    assert meeting.one(id="item-tb-20-1").tag == "h3"
    for path in html_pages(out):
        doc = page(out, url_of(out, path))
        assert doc.find_all("p", class_="draft-banner"), f"{url_of(out, path)} has no preview banner"
    tree = read_tree(out)
    assert [(n, c) for n, data in tree.items() for c in SECRET_CANARIES if c.encode() in data] == []
    index = pagefind_plaintext(out)
    assert any(CANARY_DRAFT.lower().encode() in d.lower() for d in index.values()), "the draft is indexed"
    assert [n for n, d in index.items() for c in SECRET_CANARIES if c.lower().encode() in d.lower()] == []


def test_actions_given_to_another_body_in_private_draft_or_confidential_minutes_are_not_on_its_tracker(
        archive, build, tmp_path):
    """The JC's tracker lists actions other bodies gave it: not one raised in a private meeting, in draft minutes
    (but with --drafts) or in a confidential item, which the TB's own tracker does not list either."""
    for minutes, owner in (("meetings/tb/2019-06-20-private/minutes.md", "ada-lovelace"),
                           ("meetings/tb/2020-01-16/minutes.md", "carol-singh"), (MINUTES, "frank-turner")):
        edit(archive, minutes, f"  - owner: {owner}\n    text: ", "  - owner: {body: jc}\n    text: ")
    out = tmp_path / "site"
    assert build(archive, out).ok
    tracker = (out / "jc/actions/index.html").read_text(encoding="utf-8")
    assert "/tb/actions/tb-19-13-2/" in tracker  # control: the public one the TB gave it
    assert [c for c in ALL_CANARIES if c in tracker] == []
    assert [(n, c) for n, data in read_tree(out).items() for c in ALL_CANARIES if c.encode() in data] == []
    drafts = tmp_path / "drafts"
    assert build(archive, drafts, drafts=True).ok
    tracker = (drafts / "jc/actions/index.html").read_text(encoding="utf-8")
    assert CANARY_DRAFT in tracker and [c for c in SECRET_CANARIES if c in tracker] == []


def test_without_drafts_no_page_is_marked_as_a_preview(site):
    assert [url_of(site, p) for p in html_pages(site) if "draft-banner" in p.read_text(encoding="utf-8")] == []


# --- templates ----------------------------------------------------------------------------------

def test_a_site_overrides_templates_and_static_files_from_content_templates(archive, build, tmp_path):
    templates = archive / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "year.html").write_text(
        '{% extends "base.html" %}\n{% block title %}Year {{ year }}{% endblock %}\n'
        '{% block content %}<h1>Our {{ year }}</h1>{% endblock %}\n', encoding="utf-8")
    (templates / "static" / "style.css").write_text("body { color: black; }\n", encoding="utf-8")
    result = build(archive, tmp_path / "out")
    assert result.ok, messages(result)
    assert page(tmp_path / "out", "/archive/2019/").one("h1").text == "Our 2019"
    assert page(tmp_path / "out", "/archive/").one("h1").text == "Archive"  # the others stay the defaults
    assert (tmp_path / "out/static/style.css").read_text(encoding="utf-8") == "body { color: black; }\n"


def test_template_syntax_error_names_the_template_and_line(archive, build):
    (archive / "templates").mkdir()
    (archive / "templates" / "year.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n<h1>Year</h1>\n{% if %}\n{% endblock %}\n', encoding="utf-8")
    result = build(archive)
    assert messages(result, "error") == [
        "content/templates/year.html:4: error: template error: Expected an expression, got 'end of statement "
        "block'; fix the template's Jinja syntax"]


def test_a_templates_folder_given_overrides_the_sites_templates_and_static_files(archive, build, tmp_path):
    """`--templates DIR` comes first, for static files as for templates: DIR/static/style.css is published."""
    theme = tmp_path / "theme"
    (theme / "static").mkdir(parents=True)
    (archive / "templates" / "static").mkdir(parents=True)
    (theme / "year.html").write_text('{% extends "base.html" %}\n{% block content %}<h1>Theme year</h1>'
                                     '{% endblock %}\n', encoding="utf-8")
    (theme / "static" / "style.css").write_text("/* the theme's */\n", encoding="utf-8")
    (archive / "templates" / "static" / "style.css").write_text("/* the site's */\n", encoding="utf-8")
    (archive / "templates" / "static" / "print.css").write_text("/* the site's print */\n", encoding="utf-8")
    out = tmp_path / "site"
    assert build(archive, out, templates=theme).ok
    assert "<h1>Theme year</h1>" in (out / "archive" / "2019" / "index.html").read_text(encoding="utf-8")
    assert (out / "static" / "style.css").read_text(encoding="utf-8") == "/* the theme's */\n"
    assert (out / "static" / "print.css").read_text(encoding="utf-8") == "/* the site's print */\n"
    assert (out / "static" / "search.js").is_file()  # the defaults' own, where neither has one


def test_what_editors_leave_in_the_templates_folders_is_not_published_and_changes_no_page(archive, build, tmp_path):
    """Vim's swap file beside the site's own print.css, Emacs's backup, the Mac's .DS_Store: not the site's to
    publish, and a save of one is no change to the templates, which would render every page again."""
    static = archive / "templates" / "static"
    static.mkdir(parents=True)
    (static / "print.css").write_text("/* the site's print */\n", encoding="utf-8")
    litter = [static / ".print.css.swp", static / "print.css~", static / ".DS_Store", archive / "templates" /
              ".year.html.swp", archive / "templates" / "year.html~"]
    for path in litter:
        path.write_bytes(b"\0")
    out = tmp_path / "site"
    assert build(archive, out).ok
    assert sorted(p.name for p in (out / "static").iterdir() if p.name.startswith(".") or p.name.endswith("~")) \
        == []
    assert (out / "static" / "print.css").read_text(encoding="utf-8") == "/* the site's print */\n"
    for path in litter:
        path.write_bytes(b"\1 saved again")
    again = build(archive, out)
    assert again.ok and again.rendered == 0


def test_template_rendering_error_names_the_template_file_and_line(archive, build):
    (archive / "templates").mkdir()
    (archive / "templates" / "year.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n<h1>Year</h1>\n{{ nothing.here }}\n{% endblock %}\n',
        encoding="utf-8")
    result = build(archive)
    assert not result.ok
    assert [m.split(": error: ")[0] for m in messages(result, "error")] == ["content/templates/year.html:4"]


@pytest.mark.parametrize("expression, said", [("{{ year + 'th' }}", "TypeError: unsupported operand"),
                                               ("{{ urls.meeting() }}", "TypeError: meeting() missing"),
                                               ("{{ 1 // 0 }}", "ZeroDivisionError")])
def test_an_exception_in_a_sites_own_template_names_the_template_file_and_line(archive, build, expression, said):
    """Not only Jinja's own errors: an expression that raises (a sum of a number and a text, a function called
    without its argument) was a Python traceback from the build, or, in a rendering process, "a rendering
    process stopped unexpectedly; run the build again", naming no template."""
    (archive / "templates").mkdir()
    (archive / "templates" / "year.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n<h1>Year</h1>\n' + expression + '\n{% endblock %}\n',
        encoding="utf-8")
    result = build(archive)
    assert not result.ok
    [message] = messages(result, "error")
    assert message.startswith("content/templates/year.html:4: error: template error while rendering /archive/")
    assert said in message


# --- the command line ---------------------------------------------------------------------------

def test_python_m_generator_help(cli):
    done = cli("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: minutebook")
    for word in ("build", "check", "exit codes: 0 ok, 1 content errors, 2 usage errors"):
        assert word in done.stdout
    build_help = cli("build", "--help")
    assert build_help.returncode == 0
    for option in ("--content", "--out", "--strict", "--drafts", "--today", "--no-search"):
        assert option in build_help.stdout
    version = cli("--version")
    assert version.returncode == 0 and re.fullmatch(r"minutebook \d+\.\d+\.\d+\n", version.stdout)


def test_check_format_json_is_parseable_and_locates_each_problem(archive, cli):
    edit(archive, MEETING, "quorate: yes", "quorate: maybe")
    (archive / "meetings/tb/2019-03-14/notes.md").write_text("Notes.\n", encoding="utf-8")
    done = cli("check", "--format", "json")
    assert done.returncode == 1
    problems = json.loads(done.stdout)  # stdout holds the JSON and nothing else
    assert problems == [
        {"path": "content/meetings/tb/2019-03-14/meeting.md", "line": line_of(archive, MEETING, "quorate:"),
         "severity": "error", "message": "quorate: 'maybe' is not yes or no", "hint": "write yes or no"},
        {"path": "content/meetings/tb/2019-03-14/notes.md", "line": 1, "severity": "warning",
         "message": "'notes.md' is not a meeting file and is ignored",
         "hint": "name it meeting.md, minutes.md or actions.md, or move papers into papers/"},
    ]
    clean = cli("check", "--format", "json", "--content", str(archive.parent / "clean"))
    assert clean.returncode == 1  # no such folder: still JSON
    assert json.loads(clean.stdout)[0]["message"] == "the content folder does not exist"


@pytest.mark.parametrize("where", ["content", "a meeting's folder", "above the project", "beside the project"])
def test_messages_name_files_from_the_folder_the_command_runs_in(archive, cli, where):
    """A clerk working inside content/, or in a meeting's folder, can open the file from the terminal as the
    message names it: the loader's messages and those of the checks made later, from the records it read,
    alike; from a folder beside the project, by the whole path. JSON, for tools, names them from the content folder's parent wherever it runs."""
    edit(archive, MEETING, "quorate: yes", "quorate: maybe")
    edit(archive, MINUTES, "due: 2019-04-30", "due: 2018-04-30")
    above = f"{archive.parent.name}/content"
    beside = archive.parent.parent / f"{archive.parent.name}-beside"
    beside.mkdir()
    here, content, meeting, minutes = {
        "content": (archive, ".", MEETING, MINUTES),
        "a meeting's folder": (archive / "meetings/tb/2019-03-14", "../../..", "meeting.md", "minutes.md"),
        "above the project": (archive.parent.parent, above, f"{above}/{MEETING}", f"{above}/{MINUTES}"),
        "beside the project": (beside, str(archive), str(archive / MEETING), str(archive / MINUTES))}[where]
    done = cli("check", "--content", content, cwd=here)
    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == [
        f"{meeting}:{line_of(archive, MEETING, 'quorate:')}: error: quorate: 'maybe' is not yes or "
        "no; write yes or no",
        f"{minutes}:{line_of(archive, MINUTES, 'due: 2018-04-30')}: warning: action TB/19/13#1 is "
        "due 30 April 2018, before it was raised on 14 March 2019; check the year in `due:`",
    ]
    as_json = cli("check", "--format", "json", "--content", content, cwd=here)
    assert [d["path"] for d in json.loads(as_json.stdout)][:2] == [f"content/{MEETING}", f"content/{MINUTES}"]


def test_a_message_names_every_content_file_in_it_from_the_folder_the_command_runs_in(archive):
    """Its hint too ("first at content/...:121"), and only the content folder's files: other text is left."""
    report = Report(root=archive)
    report.error(archive / MINUTES, 9, "minute number TB/19/13 is used twice in TB (first at "
                 f"content/{MINUTES}:5)", f"renumber one of them, in content/{MINUTES} or content/{MEETING}; "
                 "see docs/content-format.md, not content/nothing-here.md")
    inside = str(archive / "meetings/tb")
    assert report.format_here(report.items[0], inside) == (
        "2019-03-14/minutes.md:9: error: minute number TB/19/13 is used twice in TB (first at "
        "2019-03-14/minutes.md:5); renumber one of them, in 2019-03-14/minutes.md or 2019-03-14/meeting.md; "
        "see docs/content-format.md, not ../../nothing-here.md")
    assert report.format_here(report.items[0], str(archive.parent)) == report.items[0].format()


def test_check_checks_draft_minutes_whole_as_drafts_publishes_them(archive, cli):
    """The clerk checks draft minutes to approve and publish them: without --drafts, check reported what is read
    of every file (a due date), but not a reference that does not resolve or an unsafe link in a draft, which
    the build that published them once approved then failed on. The build and the preview publish no drafts
    without --drafts, and do not check what they do not publish."""
    draft = "meetings/tb/2020-01-16/minutes.md"
    edit(archive, draft, "the draft annual report, CANARY-DRAFT-3141.", "the draft annual report, CANARY-DRAFT-3141, "
         "with Paper Z and [the plan](javascript:alert(1)).")
    line = line_of(archive, draft, "Paper Z")
    said = [f"content/{draft}:{line}: error: unsafe link 'javascript:alert(1)'; {UNSAFE_HINT}",
            f"content/{draft}:{line}: warning: reference 'Paper Z' does not resolve; this meeting's papers are: none; "
            "for another meeting's paper, write [[tb/<its folder>/papers/Z]]",
            "minutebook check: 1 error, 1 warning"]
    for drafts in ((), ("--drafts",)):
        done = cli("check", *drafts, "--today", TODAY)
        assert (done.returncode, done.stderr.splitlines()) == (1, said)
    built = cli("build", "--today", TODAY, "--no-search")
    assert built.returncode == 0 and "Paper Z" not in built.stderr


def test_check_format_json_on_a_clean_archive_is_an_empty_list(archive, cli):
    done = cli("check", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_reader_that_goes_away_gets_no_traceback(archive, tmp_path):
    """`minutebook check --format json | head`: the command stops quietly when its reader is gone."""
    read, write = os.pipe()
    os.close(read)  # gone before the first line
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    try:
        done = subprocess.run([sys.executable, "-m", "generator", "check", "--format", "json"], cwd=tmp_path,
                              stdout=write, stderr=subprocess.PIPE, text=True, env=env, timeout=300)
    finally:
        os.close(write)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr


def test_check_format_github_prints_workflow_commands(archive, cli):
    edit(archive, MEETING, "webcast:", "venue%: Town Hall\nwebcast:")
    (archive / "meetings/tb/2019-03-14/notes.md").write_text("Notes.\n", encoding="utf-8")
    done = cli("check", "--format", "github")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"::error file=content/meetings/tb/2019-03-14/meeting.md,line={line_of(archive, MEETING, 'venue%')}::"
        "unknown field 'venue%25' in a meeting; did you mean 'venue'?",  # % is escaped as GitHub requires
        "::warning file=content/meetings/tb/2019-03-14/notes.md,line=1::'notes.md' is not a meeting file and is "
        "ignored; name it meeting.md, minutes.md or actions.md, or move papers into papers/",
    ]


def test_build_reports_what_it_did_on_stdout_and_progress_on_stderr(archive, cli, tmp_path):
    done = cli("build", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    match = re.fullmatch(r"Built (\d+) pages into site/ in [\d.]+ s; search: .*Indexed \d+ pages.*\n", done.stdout)
    assert match, done.stdout
    assert int(match.group(1)) == len(html_pages(tmp_path / "site"))  # every page counted, no other HTML
    assert "minutebook: indexing for search (Pagefind)" in done.stderr


def test_references_from_public_text_to_unpublished_material_publish_nothing_of_it(archive, build, tmp_path):
    """Public minutes that mention the confidential paper, the private session's minute and the draft minute
    neither link to them nor carry any of their text."""
    edit(archive, MINUTES, "There was no other business.",
         "There was no other business. See Paper C, minute TB/19/14, minute TB/19/23, minute TB/20/1, "
         "[[TB/19/23]], [[TB/20/1]] and [[tb/2019-06-20-private]].")
    out = tmp_path / "out"
    result = build(archive, out, search=True)
    assert result.ok, messages(result)
    leaks = [(name, c) for name, data in read_tree(out).items() for c in ALL_CANARIES if c.encode() in data]
    assert leaks == []
    item = page(out, "/tb/2019/tb-19-15/").one("div", class_="discussion")
    targets = [href for href, _ in item.links()]
    assert "/tb/2019/tb-19-14/" in targets  # the confidential item's public page may be linked
    assert [t for t in targets if "papers/c" in t or "private" in t or "tb-19-23" in t or "/tb-20-1/" in t] == []
    assert "/tb/2020/2020-01-16/#agenda-tb-20-1" in targets  # the draft minute's number: its published agenda row
