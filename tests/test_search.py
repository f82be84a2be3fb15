"""Search without a browser: the per-body Pagefind bundles, what they hold, the reference map, and
Pagefind's own search API run from Node over the built example archive.

Pagefind's files are read directly (they are gzip: JSON fragments, CBOR indexes) so that these
tests say *what* was indexed; tests/test_search_browser.py says what a reader sees.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import generator.search_index as search_index
from generator.build import Options, prepare, run
from generator.diagnostics import Report
from generator.search_refs import MOST_UNPREFIXED, add_unprefixed, ref_key
from gate_tools import welsh_site
from helpers import ALL_CANARIES, CANARY_DRAFT, FIXTURE, SECRET_CANARIES, page, read_tree

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content"
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 1, 1)
MEETING = "/ccb/2018/2018-06-21/"
ITEM = "/ccb/2018/ccbp-18-49/"


def _build(content: Path, out: Path, **options) -> Path:
    result = run(Options(content=content, out=out, today=TODAY, search=True, **options))
    assert result.ok, [d.format() for d in result.report.sorted()]
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The bundled example archive (three real meeting packs), built with its search index."""
    return _build(EXAMPLE, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The test fixture archive, whose confidential, private and draft material carries canaries."""
    return _build(FIXTURE, tmp_path_factory.mktemp("fixture") / "site")


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page's Pagefind fragment, by page address, across all bundles."""
    pages = {}
    for path in sorted((site / "pagefind").rglob("*.pf_fragment")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        data = json.loads(text[text.index("{"):])
        data["bundle"] = path.parent.parent.relative_to(site).as_posix()
        data["id"] = path.stem
        pages[data["url"]] = data
    return pages


def config(site: Path) -> dict:
    return json.loads((site / "search" / "config.json").read_text(encoding="utf-8"))


# --- bundles ----------------------------------------------------------------------------------

def test_each_body_has_its_own_bundle_and_site_wide_pages_are_the_primary_one(example):
    bundles = config(example)["bundles"]
    assert [b["path"] for b in bundles] == ["/pagefind/", "/pagefind/bodies/ccb/", "/pagefind/bodies/jcccg/",
                                            "/pagefind/bodies/jhsc/"]
    for bundle in bundles:
        folder = example / bundle["path"].strip("/")
        assert (folder / "pagefind-entry.json").is_file() and list(folder.glob("*.pf_meta"))
        assert (folder / "dates.json").is_file()
    by_bundle = {}
    for url, data in fragments(example).items():
        by_bundle.setdefault(data["bundle"], set()).add(url.split("/")[1])
    assert by_bundle == {"pagefind": {"people"}, "pagefind/bodies/ccb": {"ccb"},
                         "pagefind/bodies/jcccg": {"jcccg"}, "pagefind/bodies/jhsc": {"jhsc"}}


def test_only_the_primary_bundle_carries_the_engine_and_the_component_ui(example):
    primary = example / "pagefind"
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-component-ui.js", "pagefind-component-ui.css"):
        assert (primary / name).is_file(), name
    assert list(primary.glob("wasm.*.pagefind"))
    assert not (primary / "pagefind-ui.js").exists(), "the Default UI fails axe's label rule and is not shipped"
    merged = example / "pagefind" / "bodies" / "ccb"
    assert sorted(p.name for p in merged.iterdir() if p.is_file())[:2] == ["dates.json", "pagefind-entry.json"]
    assert not list(merged.glob("*.js")) and not list(merged.glob("wasm.*"))


def test_plan_covers_every_body_folder_and_leaves_out_a_site_bundle_with_nothing_marked(tmp_path):
    for relative, html in {"index.html": "<main>home</main>", "archive/index.html": "<main>years</main>",
                           "ccb/2018/index.html": "<main data-pagefind-body>minutes</main>",
                           "jhsc/index.html": "<main>body</main>"}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(html, encoding="utf-8")
    plan = search_index.plan(tmp_path, ["jhsc", "ccb", "gone"])
    assert [(b.name, b.glob, b.path) for b in plan] == [("ccb", "ccb/**/*.html", "pagefind/bodies/ccb"),
                                                         ("jhsc", "jhsc/**/*.html", "pagefind/bodies/jhsc")]
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "index.html").write_text("<main data-pagefind-body>Ada</main>", encoding="utf-8")
    site = search_index.plan(tmp_path, ["ccb", "jhsc"])[0]
    assert (site.name, site.glob, site.path) == ("site", "{*.html,archive/**/*.html,people/**/*.html}", "pagefind")


def test_a_changed_page_sends_its_body_to_be_indexed_again_only_if_pagefind_reads_it(tmp_path):
    """Once a bundle has a page marked `data-pagefind-body`, Pagefind skips unmarked ones: a warm build does not
    re-index a body for them (an action list says the date it was built). A body with no marked page at all is
    indexed whole, so any change there counts; so does a page that was marked before or is marked now."""
    from types import SimpleNamespace

    live, staging = tmp_path / "live", tmp_path / "staging"
    pages = {"ccb/2018/index.html": ("<main data-pagefind-body>minutes</main>", "<main data-pagefind-body>new</main>"),
             "ccb/actions/index.html": ("<main>as at 1 May</main>", "<main>as at 2 May</main>"),
             "jhsc/actions/index.html": ("<main>as at 1 May</main>", "<main>as at 2 May</main>"),
             "jhsc/2019/index.html": ("<main data-pagefind-body>minutes</main>", None),
             "jc/index.html": ("<main>no mark anywhere</main>", "<main>none still</main>"),
             "tb/a/index.html": ("<main data-pagefind-body>kept</main>", None),
             "tb/b/index.html": ("<main>unmarked</main>", "<main data-pagefind-body>marked now</main>"),
             "index.html": ("<main>home, 1 May</main>", "<main>home, 2 May</main>")}
    for relative, versions in pages.items():
        for folder, html in zip((live, staging), versions):
            if html is not None:
                (folder / relative).parent.mkdir(parents=True, exist_ok=True)
                (folder / relative).write_text(html, encoding="utf-8")
    index = SimpleNamespace(by_body={"ccb": [1], "jhsc": [1], "jc": [1], "tb": [1]})
    assert search_index.folders_to_index(live, staging, ["ccb/actions/index.html"], index) == set()
    assert search_index.folders_to_index(live, staging, ["ccb/2018/index.html"], index) == {"ccb"}
    changed = [relative for relative, (_, new) in pages.items() if new is not None]
    assert search_index.folders_to_index(live, staging, changed, index) == {"ccb", "jc", "tb"}


def test_a_failing_pagefind_run_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch):
    out = _build(FIXTURE, tmp_path / "site")
    before = read_tree(out)

    real = search_index.run_pagefind

    def failing(site_dir, bundle, niceness=0):
        if bundle.name == "tb":
            raise search_index.IndexError_("Pagefind failed on tb: simulated")
        return real(site_dir, bundle, niceness)

    monkeypatch.setattr(search_index, "run_pagefind", failing)
    result = run(Options(content=FIXTURE, out=out, today=TODAY, search=True, cache=False))  # a full build
    assert not result.ok
    assert [d.format() for d in result.report.sorted()] == [
        f"{out}:1: error: Pagefind failed on tb: simulated; the previous site was kept; run the build again"]
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("cut", ["pagefind-entry.json", "fragment"])
def test_a_bundle_pagefind_left_cut_short_on_a_full_disk_fails_the_build_with_a_message(tmp_path, monkeypatch, cut):
    """Pagefind 1.5 ends with status 0 when the disk fills up as it writes, its files left empty: that was a
    traceback from reading them (json.decoder.JSONDecodeError), or a bundle that could not be read published."""
    out = _build(FIXTURE, tmp_path / "site")
    before = read_tree(out)
    real = search_index.run_pagefind

    def on_a_full_disk(site_dir, bundle, niceness=0):
        outcome = real(site_dir, bundle, niceness)
        if bundle.name == "tb":
            for path in (site_dir / bundle.path).rglob("*"):
                if path.is_file() and (cut in path.parts or path.name == cut):
                    path.write_bytes(b"")
        return outcome

    monkeypatch.setattr(search_index, "run_pagefind", on_a_full_disk)
    result = run(Options(content=FIXTURE, out=out, today=TODAY, search=True, cache=False))
    assert not result.ok
    [said] = [d.format() for d in result.report.sorted()]
    assert said.startswith(f"{out}:1: error: Pagefind's output for tb is cut short (")
    assert said.endswith("): Pagefind says nothing of a disk that fills up as it writes; free space on the disk; the "
                         "previous site was kept; run the build again")
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_pagefind_is_read_whatever_the_locale_of_the_build(archive, cli):
    """Python decodes a program's output in the locale's encoding: ASCII in the C locale taken as it is."""
    done = cli("build", "--today", "2026-01-01", env={"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "; search: Indexed " in done.stdout


def test_pagefind_not_installed_or_crashing_is_said_in_a_line_with_what_to_do(tmp_path, monkeypatch):
    """Not installed, it was the traceback of `python -m pagefind` run together on one line; a crash said nothing."""
    import sys

    shim = tmp_path / "shim" / "pagefind_bin"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("raise ImportError('pagefind installed without [bin]')\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # this process's import fails too
    monkeypatch.setenv("PYTHONPATH", str(shim.parent))
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    out = tmp_path / "site"
    result = run(Options(content=FIXTURE, out=out, today=TODAY, search=True, cache=False))
    assert [d.format() for d in result.report.sorted()] == [
        f"{out}:1: error: Pagefind is not installed (the pagefind_bin package, or a pagefind program on the PATH); "
        "install it with pip install 'pagefind[bin]', or build with --no-search; the previous site was kept; run the "
        "build again"]
    monkeypatch.setattr(search_index, "_executable", lambda: ["/bin/sh", "-c", "kill -SEGV $$"])
    result = run(Options(content=FIXTURE, out=out, today=TODAY, search=True, cache=False))
    assert {d.format() for d in result.report.sorted()} <= {
        f"{out}:1: error: Pagefind failed on {name}: it was stopped by SIGSEGV; the previous site was kept; run the "
        "build again" for name in ("site", "jc", "tb")}
    assert not result.ok and not out.exists()


def test_indexing_in_place_runs_pagefind_only_for_the_bundles_of_changed_folders(tmp_path, monkeypatch):
    """The live preview indexes its folder in place after saves (serve.py): a page changed in one body's folder
    makes that body's bundle again, a person's page the site-wide one, and leaves the others as they were."""
    out = _build(EXAMPLE, tmp_path / "site")
    before = read_tree(out)
    prepared = prepare(Options(content=EXAMPLE, today=TODAY), Report(root=EXAMPLE), {})
    ran = []
    real = search_index.run_pagefind
    monkeypatch.setattr(search_index, "run_pagefind", lambda site, b, *rest: ran.append(b.name) or real(site, b))
    summary = search_index.build_index(out, prepared.index, changed={"ccb"})
    assert ran == ["ccb"] and summary.startswith("Indexed 18 pages in 1 of 4 bundles (ccb 18)")
    assert read_tree(out) == before  # the same pages give the same bundle, byte for byte
    ran.clear()
    assert search_index.build_index(out, prepared.index, changed={"people", "jhsc"}) \
        .startswith("Indexed 69 pages in 2 of 4 bundles")
    assert sorted(ran) == ["jhsc", "site"]
    ran.clear()
    search_index.build_index(out, prepared.index, changed=set())
    assert ran == [] and read_tree(out) == before


def test_the_reference_map_the_preview_keeps_writes_only_shards_that_changed_and_the_same_bytes(tmp_path):
    """The live preview writes the reference map after every re-indexing (serve.py): from what it kept
    (search_refs.Kept), an unchanged shard is not written again, and what is written is what a build writes."""
    from generator import search_refs

    prepared = prepare(Options(content=EXAMPLE, today=TODAY), Report(root=EXAMPLE), {})
    kept, plain, preview = search_refs.Kept(), tmp_path / "plain", tmp_path / "preview"
    assert search_refs.write(preview, prepared.index, kept) == search_refs.write(plain, prepared.index) > 30
    assert read_tree(preview) == read_tree(plain)
    shard = preview / search_refs.SHARDS / "ccbp" / "18.json"
    shard.write_text("written by hand\n")  # so a rewrite would show
    search_refs.write(preview, prepared.index, kept)
    assert shard.read_text() == "written by hand\n"
    item = next(item for meeting, item in prepared.index.items.values() if item.ref == "CCBP/18/49")
    # A retitled item, as a rebuild gives: a new record (records never change), here the same one changed, with
    # the records kept forgotten for it.
    object.__setattr__(item, "title", "A retitled item")
    search_refs.write(preview, prepared.index, search_refs.Kept(shards=kept.shards))
    search_refs.write(plain, prepared.index)
    assert "A retitled item" in shard.read_text() and read_tree(preview) == read_tree(plain)


def test_the_people_register_taken_out_and_put_back_moves_the_engine_between_bundles_indexed_in_place(tmp_path):
    """Without people there is no site-wide bundle (plan), and the first body's bundle is the primary one, with
    Pagefind's engine. The preview, which re-indexes in place only the bundles of the folders whose pages changed
    (here people/ alone), kept the site bundle's index and engine in pagefind/, the body's bundle without the
    engine the search page then loads from it; with the register back, that body's bundle kept the engine."""
    from generator import search_refs

    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    register = (content / "people.yaml").read_text(encoding="utf-8")
    _build(content, live, cache=False)
    kept = search_refs.Kept()
    for step in ("taken out", "put back"):
        if step == "taken out":
            (content / "people.yaml").unlink()
        else:
            (content / "people.yaml").write_text(register, encoding="utf-8")
        pages = tmp_path / f"pages-{step}"
        assert run(Options(content=content, out=pages, today=TODAY, search=False, cache=False)).ok
        for path in sorted(live.rglob("*"), reverse=True):  # the preview's pages as the save leaves them
            relative = path.relative_to(live)
            if relative.parts[0] not in ("pagefind", "search") or relative.as_posix() == "search/index.html":
                if path.is_file() and not (pages / relative).is_file():
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
        shutil.copytree(pages, live, dirs_exist_ok=True)
        prepared = prepare(Options(content=content, today=TODAY), Report(root=content), {})
        search_index.build_index(live, prepared.index, changed={"people"}, refs_kept=kept)
        fresh = _build(content, tmp_path / f"fresh-{step}", cache=False)
        preview, full = read_tree(live), read_tree(fresh)
        assert sorted(name for name in preview.keys() | full.keys() if preview.get(name) != full.get(name)) == [], \
            f"the register {step}"


def test_the_previews_pagefind_runs_give_the_cores_to_the_next_save_first(tmp_path, monkeypatch):
    """serve.py indexes at a lower priority (nice), so a save's pages are not made to wait for Pagefind."""
    seen = []
    monkeypatch.setattr(search_index.subprocess, "run", lambda cmd, **kw: seen.append(cmd) or
                        subprocess.CompletedProcess(cmd, 0, "Indexed 1 page\nIndexed 2 words\n", ""))
    bundle = search_index.Bundle("ccb", "ccb/**/*.html", "pagefind/bodies/ccb")
    assert search_index.run_pagefind(tmp_path, bundle, niceness=10) == search_index.Outcome(bundle, 1, 2)
    assert search_index.run_pagefind(tmp_path, bundle) == search_index.Outcome(bundle, 1, 2)
    assert seen[0][:3] == ["nice", "-n", "10"] and seen[0][3:] == seen[1]


def test_our_search_files_are_byte_identical_across_builds(example, tmp_path):
    again = _build(EXAMPLE, tmp_path / "site")
    ours = lambda tree: {n: d for n, d in tree.items()  # noqa: E731
                         if n.startswith("search/") or n.endswith("/dates.json") or n.endswith(".pf_fragment")}
    first, second = ours(read_tree(example)), ours(read_tree(again))
    assert len(first) > 50 and first == second


# --- what is indexed --------------------------------------------------------------------------

def test_the_index_is_the_same_whatever_order_the_file_system_lists_the_pages_in(tmp_path):
    """Pagefind numbers pages in the order its walk meets them: on ext4 a hash with each file system's own seed,
    on tmpfs the order the files were made in. The same pages, made in one order and in the other on tmpfs, gave
    other bytes in every bundle's meta file, index chunks, filters and sorts; renumbered, the same."""
    shm = Path("/dev/shm")
    assert shm.is_dir(), "/dev/shm (tmpfs) is where this test makes the site in two orders"
    site = tmp_path / "site"
    assert run(Options(content=FIXTURE, out=site, today=dt.date(2025, 1, 1), search=False, cache=False)).ok
    prepared = prepare(Options(content=FIXTURE, today=dt.date(2025, 1, 1)), Report(root=FIXTURE), {})
    files = sorted(p for p in site.rglob("*") if p.is_file())
    indexes = []
    for order in (files, files[::-1]):
        root = Path(tempfile.mkdtemp(dir=shm))
        try:
            for path in order:
                target = root / path.relative_to(site)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
            search_index.build_index(root, prepared.index)
            indexes.append(read_tree(root / "pagefind"))
        finally:
            shutil.rmtree(root)
    assert indexes[0] == indexes[1]


def test_meetings_papers_actions_and_people_are_indexed_and_nothing_else(example):
    kinds = {}
    for url, data in fragments(example).items():
        kinds.setdefault(tuple(sorted(data["filters"].get("type", []))), []).append(url)
    assert MEETING in kinds[("agenda", "minutes")]
    assert "/ccb/2018/2018-06-21/papers/c/" in kinds[("paper",)]
    assert "/ccb/actions/ccbp-18-49-1/" in kinds[("action",)]
    assert "/people/mayur-lakhani/" in kinds[("person",)]
    assert kinds[("declarations",)] == ["/ccb/declarations/2018/"]
    assert set(kinds) <= {("agenda",), ("agenda", "minutes"), ("minutes",), ("meeting",), ("paper",), ("action",),
                          ("person",), ("declarations",)}
    urls = set(fragments(example))
    assert ITEM not in urls, "minute items are sub-results of their meeting, not pages of their own"
    assert not urls & {"/", "/archive/", "/ccb/", "/ccb/actions/", "/people/", "/search/", "/ccb/declarations/"}


def test_a_meeting_has_one_heading_anchor_per_minute_item_and_no_site_chrome(example):
    meeting = fragments(example)[MEETING]
    items = [a for a in meeting["anchors"] if a["element"] == "h3" and a["id"].startswith("item-ccbp-18-")]
    assert len(items) == 14 and items[0]["text"] == "CCBP/18/42 Welcome and Introduction"
    assert {"id": "item-ccbp-18-49", "element": "h3",
            "text": "CCBP/18/49 To APPROVE Second Primary Care Blood Collection (Paper C)"}.items() <= \
        next(a for a in items if a["id"] == "item-ccbp-18-49").items()
    content = meeting["content"]
    for chrome in ("Skip to main content", "Published by", "Open data", "Page for item", "Contents"):
        assert chrome not in content, chrome
    assert "Professor Lakhani welcomed" in content


def test_a_persons_page_is_indexed_for_who_they_are_and_not_for_the_pages_it_lists(example):
    """A person's page lists the meetings, papers and actions that name them; indexed, those titles made this
    short page a result above the papers themselves for the papers' own words ("report", "care")."""
    pages = fragments(example)
    assert pages["/people/spencer-gay/"]["content"] == ("Mr Spencer Gay. NHS West Leicestershire CCG. Chief Finance "
                                                        "Officer, NHS West Leicestershire CCG. Chief Finance Officer.")
    shown = (example / "people" / "spencer-gay" / "index.html").read_text(encoding="utf-8")
    assert "Paper E: Progress on QIPP Schemes Delivery" in shown and "Present at 1 of 1 meeting" in shown
    titles = {data["meta"]["title"] for url, data in pages.items() if not url.startswith("/people/")}
    people = [url for url in pages if url.startswith("/people/")]
    assert len(people) == 64
    assert [(url, title) for url in people for title in titles if title in pages[url]["content"]] == []
    assert not [url for url in people if "Meetings" in pages[url]["content"] or "Membership" in pages[url]["content"]]


def test_a_label_and_its_value_are_two_words_in_what_search_reads(fixture_site):
    """Pagefind runs a list's term and its description, or two table cells, together without a space between
    them ("StatusOpen", "Duenot stated"): the excerpts read so, and neither word is found alone."""
    action = fragments(fixture_site)["/tb/actions/tb-19-13-2/"]["content"]
    assert "Status Open" in action and "Owners Mr Brian Okafor and JC" in action, action[:300]
    meeting = fragments(fixture_site)["/tb/2019/2019-03-14/"]["content"]
    assert "Body Testshire Health and Wellbeing Board Date Thursday 14 March 2019" in meeting, meeting[:300]


def test_a_tables_column_heads_are_not_in_what_search_reads(fixture_site):
    """Pagefind runs a row of heads together as one word, no space between the cells: every agenda's excerpt began
    "ItemBusinessPresenterPaper", which no query finds. They are labels every meeting's tables share, so they are
    left out, and the caption runs on to the first row; a row's own head ("For 3.", "Status Open") stays."""
    pages = fragments(fixture_site)
    meeting = pages["/tb/2019/2019-03-14/"]["content"]
    assert "Agenda for Thursday 14 March 2019 Opening business TB/19/12 14:00." in meeting
    assert "Actions raised on Thursday 14 March 2019, with their status today TB/19/13#1: Publish" in meeting
    assert "to add a target for adult obesity. For 1. Against 3. Abstained 1. Outcome Lost." in meeting
    assert "Action log presented on Thursday 20 June 2019 TB/19/13#2: Report progress" in \
        pages["/tb/2019/2019-06-20/"]["content"]
    run_together = {(url, "".join(th.text for th in thead.find_all("th")))
                    for url in pages for thead in page(fixture_site, url).find_all("thead")}
    assert len(run_together) >= 5, "the agendas', votes', actions' and action log's heads"
    assert [(url, heads) for url, heads in run_together if heads in pages[url]["content"]] == []

def test_a_declarations_type_is_searched_with_the_declaration(fixture_site):
    """Its words are on the meeting's page, which the search reads: "registrable interest" finds the minute."""
    meeting = fragments(fixture_site)["/tb/2019/2019-03-14/"]["content"]
    assert "Councillor Ada Lovelace (Other registrable interest): Trustee of Testshire Food Bank" in meeting


def test_a_bodys_register_of_a_year_is_found_as_one_filtered_by_body_and_year_but_not_by_the_minutes_words(
        fixture_site):
    """The register of a year is a result of its own for what it is ("declarations of interest", ticked by type,
    body and year); its rows are the minutes' own words, which indexed here made this short page rank above the
    minute they come from, as a person's page did. The register's page, whose rows are the latest year's, is not
    indexed: it would be the same result twice."""
    pages = fragments(fixture_site)
    register = pages["/tb/declarations/2019/"]
    assert register["filters"] == {"body": ["TB"], "year": ["2019"], "type": ["declarations"]}
    assert register["meta"] == {"title": "TB declarations of interest in 2019",
                                "body": "Testshire Health and Wellbeing Board"}
    assert register["content"].startswith("Declarations of interest at the Testshire Health and Wellbeing Board "
                                          "in 2019. The register of the interests")
    for words in ("Food Bank", "Lovelace", "Remained in the meeting", "TB/19/12"):
        assert words not in register["content"] and words in pages["/tb/2019/2019-03-14/"]["content"], words
    assert "/tb/declarations/" not in pages


def test_titles_are_clean_and_results_carry_body_date_and_reference(example):
    pages = fragments(example)
    assert not [u for u, d in pages.items() if "___" in d["meta"]["title"] or "___" in json.dumps(d["anchors"])]
    paper = pages["/ccb/2018/2018-06-21/papers/c/"]
    assert paper["meta"] == {"title": "Paper C: Second Primary Care Blood Collection",
                             "body": "Leicester, Leicestershire and Rutland CCGs Commissioning Collaborative Board",
                             "date": "2018-06-21", "reference": "Paper C"}
    action = pages["/ccb/actions/ccbp-18-49-1/"]
    assert action["meta"]["reference"] == "CCBP/18/49#1" and action["meta"]["date"] == "2018-06-21"
    meeting = pages[MEETING]["meta"]
    assert meeting["title"] == "Public Commissioning Collaborative Board, 21 June 2018"
    assert sorted(meeting["minutes"].split()) == [f"CCBP/18/{n}" for n in range(42, 56)]  # in meeting order


def test_filters_cover_body_year_type_and_both_statuses(example):
    pages = fragments(example)
    assert pages[MEETING]["filters"] == {"body": ["CCB"], "year": ["2018"], "type": ["agenda", "minutes"],
                                         "minutes status": ["approved"]}
    assert pages["/jhsc/2019/2019-01-21/"]["filters"]["type"] == ["agenda"]
    action = pages["/ccb/actions/ccbp-18-49-1/"]["filters"]
    assert action["action status"] == ["open"] and action["type"] == ["action"] and action["year"] == ["2018"]
    assert pages["/people/mayur-lakhani/"]["filters"] == {"type": ["person"]}


def test_date_tables_list_every_dated_result_under_its_meeting_date(example):
    pages = fragments(example)
    table = {}
    for bundle in config(example)["bundles"]:
        for date, ids in json.loads((example / bundle["dates"].strip("/")).read_text()).items():
            table.update({i: date for i in ids})
    dated = {d["id"]: d["meta"]["date"] for d in pages.values() if "date" in d["meta"]}
    # all but the people's and the registers of declarations of a year, which no one meeting dates
    assert table == dated and len(dated) == len(pages) - len([u for u in pages if u.startswith("/people/")
                                                              or "/declarations/" in u])


# --- the reference map ------------------------------------------------------------------------

@pytest.mark.parametrize("written, key", [
    ("CCBP/19/70", "ccbp 19 70"), ("ccbp 19 70", "ccbp 19 70"), ("ccbp19-070", "ccbp 19 70"),
    ("CCBP/18/49#1", "ccbp 18 49 1"), ("JCCCG 2020-03-05 7.1", "jcccg 2020 3 5 7 1"), ("Paper C", "paper c"),
    ("  ", ""), ("Éire 007", "éire 7"), ("0", "0"),
])
def test_reference_keys_ignore_case_punctuation_spacing_and_leading_zeros(written, key):
    assert ref_key(written) == key


def _shard_read(site: Path, key: str) -> dict | None:
    """The shard the search page fetches for `key`, as search.js finds it from the manifest; None if none."""
    manifest = json.loads((site / "search" / "references.json").read_text(encoding="utf-8"))
    words = key.split(" ")
    shard = manifest["shards"].get(words[0])
    if shard and shard.endswith("/"):  # a body's folder: a file for each second word (its years)
        shard = f"{shard}{words[1]}.json" if len(words) > 1 else None
    path = site / shard.strip("/") if shard else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else None


def _lookup(site: Path, written: str) -> list[dict]:
    key = ref_key(written)
    return (_shard_read(site, key) or {}).get(key, [])


def _every_key(site: Path) -> dict[str, list[dict]]:
    return {key: records for path in (site / "search" / "references").rglob("*.json")
            for key, records in json.loads(path.read_text(encoding="utf-8")).items()}


def test_reference_map_sends_minutes_papers_and_actions_to_their_pages(example):
    assert _lookup(example, "ccbp 18 49") == [{
        "url": ITEM, "kind": "minute", "ref": "CCBP/18/49", "body": "CCB", "date": "2018-06-21",
        "title": "To APPROVE Second Primary Care Blood Collection (Paper C)"}]
    assert _lookup(example, "CCBP/18/49#1")[0]["url"] == "/ccb/actions/ccbp-18-49-1/"
    assert _lookup(example, "CCB 2018-06-21 Paper C")[0]["url"] == "/ccb/2018/2018-06-21/papers/c/"
    assert _lookup(example, "JHSC 2019-01-21 Appendix B")[0]["url"] == "/jhsc/2019/2019-01-21/papers/b/"
    assert _lookup(example, "CCBP/18/99") == [] and _lookup(example, "blood") == []
    # the number it was first published with (moved.yaml): a reader with an old citation is taken to it
    assert _lookup(example, "CCBP/18/94") == _lookup(example, "ccbp 18 49")
    for key, records in _every_key(example).items():
        assert key == ref_key(key) and records and _lookup(example, key) == records, "found where the page looks"
        for record in records:
            assert (example / record["url"].split("#")[0].strip("/") / "index.html").is_file(), record


def test_a_reference_fetches_a_shard_no_larger_in_a_long_archive_than_in_its_first_year(tmp_path):
    """A reader who types a minute number downloads the references of that body's year, not of its whole
    archive: the shard of the first word alone was 460 KB for a body of 118 meetings (ten years), and grew
    with every meeting."""
    sys.path.insert(0, str(REPO))  # benchmarks/ is run from the repository, not installed
    from benchmarks.synthetic import Spec, generate
    from generator import search_refs

    content, site = tmp_path / "content", tmp_path / "site"
    generate(content, Spec(meetings=40, bodies=2, per_meeting_share=0.5))
    prepared = prepare(Options(content=content, today=TODAY), Report(root=content), {})
    search_refs.write(site, prepared.index)
    keys = _every_key(site)
    years = {(key.split(" ")[0], record["date"][:4]) for key, found in keys.items() for record in found}
    assert len(years) > len({body for body, _ in years}), "control: a body's references span years"
    for key, records in keys.items():
        shard = _shard_read(site, key)
        assert shard is not None and shard[key] == records, key
        # one year of one body ("ccbp 19 ..."), or, for a number without letters ("19 70"), one year of all
        kept_with = {" ".join(other.split(" ")[:1 if other[0].isdigit() else 2]) for other in shard}
        assert len(kept_with) == 1, (key, sorted(kept_with))


def test_a_minute_number_without_its_letters_is_mapped_as_papers_cite_it(example):
    """"See minute 18/49": Pagefind reads 18/49 as the word 1849 and finds nothing, so the map takes it."""
    assert _lookup(example, "18/49") == _lookup(example, "CCBP/18/49") != []
    assert _lookup(example, "18/49#1") == _lookup(example, "CCBP/18/49#1") != []
    assert _lookup(example, "18/94") == _lookup(example, "CCBP/18/94"), "the number first published, moved.yaml"
    assert _lookup(example, "JCCCG 2020-03-05 5") != [] and _lookup(example, "2020-03-05 5") == [], "per meeting"
    assert _lookup(example, "18") == _lookup(example, "49") == [] and _lookup(example, "18/99") == []


def test_a_number_many_bodies_share_is_not_mapped_without_its_letters():
    records = [{"url": f"/b{n}/2019/b{n}-19-70/", "ref": f"B{n}/19/70"} for n in range(MOST_UNPREFIXED + 1)]
    few: dict = {}
    add_unprefixed(few, {"19 70": records[:MOST_UNPREFIXED]})
    assert few == {"19 70": records[:MOST_UNPREFIXED]}
    many: dict = {}
    add_unprefixed(many, {"19 70": records})
    assert many == {}, "the jump would list more records than a reader can choose between"
    assert add_unprefixed(few, {"19 70": records[:1]}) is None and len(few["19 70"]) == MOST_UNPREFIXED, \
        "a key of its own is kept"


def test_reference_map_of_a_per_meeting_body_names_the_meeting(fixture_site):
    item = _lookup(fixture_site, "JC 2019-11-05 5")
    assert [r["url"] for r in item] == ["/jc/2019/2019-11-05/item-5/"]
    # Item 5.1 and action 5#1 read the same once punctuation goes: the jump offers both.
    assert sorted(r["url"] for r in _lookup(fixture_site, "jc 2019-11-05/5#1")) == [
        "/jc/2019/2019-11-05/item-5-1/", "/jc/actions/2019-11-05-5-1/"]
    assert [r["url"] for r in _lookup(fixture_site, "2019-11-05/5#1")] == ["/jc/actions/2019-11-05-5-1/"]
    assert _lookup(fixture_site, "5") == []


def test_a_reference_whose_title_is_in_another_language_gives_that_language(fixture_site, tmp_path_factory):
    """The search page marks the title it offers to jump to with it (search.js): the fixture's Welsh paper B; with
    the joint committee's minutes in Welsh, its minute 5.1 and its action 5#1 (gate_tools.welsh_site). A record in
    the site's language gives none, so the map of an archive in one language is as it was."""
    assert [(r["kind"], r.get("language")) for r in _lookup(fixture_site, "TB 2019-03-14 Paper B")] == [("paper", "cy")]
    others = [r for records in _every_key(fixture_site).values() for r in records if r["ref"] != "Paper B"]
    assert others and [r for r in others if "language" in r] == []
    welsh = welsh_site(tmp_path_factory)
    assert [(r["kind"], r.get("language")) for r in _lookup(welsh, "jc 2019-11-05/5#1")] == [
        ("minute", "cy"), ("action", "cy")]


def test_reference_map_holds_no_private_confidential_or_draft_record(fixture_site):
    confidential = _lookup(fixture_site, "TB/19/14")
    assert [r["title"] for r in confidential] != [] and "CANARY" not in json.dumps(confidential)
    assert _lookup(fixture_site, "TB/19/23") == [], "minute of the private meeting"
    assert _lookup(fixture_site, "TB 2019-03-14 Paper C") == [], "confidential paper"
    drafts = [r for k in ("TB/20/1", "TB/20/2", "TB/20/3") for r in _lookup(fixture_site, k) if r["kind"] != "agenda"]
    assert drafts == [], "draft minutes"
    # The number of a draft minute leads, as its links do, to its published agenda's row, never to the minute.
    assert _lookup(fixture_site, "TB/20/1") == [{
        "url": "/tb/2020/2020-01-16/#agenda-tb-20-1", "kind": "agenda", "ref": "TB/20/1", "body": "TB",
        "date": "2020-01-16", "title": "Director of Public Health annual report"}]


# --- nothing unpublished reaches the index --------------------------------------------------------

def _plaintext(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(list((site / "pagefind").rglob("*")) + list((site / "search").rglob("*.json"))):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(site).as_posix()] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return out


def test_no_canary_reaches_any_bundle_the_reference_map_or_the_date_tables(fixture_site):
    files = _plaintext(fixture_site)
    assert any("/bodies/tb/fragment/" in name for name in files)
    assert any(b"allotments" in data for data in files.values()), "control: published words are there"
    leaks = [name for name, data in files.items() for canary in ALL_CANARIES
             if canary.lower().encode() in data.lower() or b"canary" in data.lower()]
    assert leaks == []


def test_the_canary_check_would_catch_a_leak(tmp_path):
    """Built as a preview (--drafts), the draft canary is indexed while the secret ones still are not."""
    site = _build(FIXTURE, tmp_path / "preview", drafts=True)
    preview = _plaintext(site)
    assert [n for n, d in preview.items() if CANARY_DRAFT.lower().encode() in d.lower()]
    assert [n for n, d in preview.items() for c in SECRET_CANARIES if c.lower().encode() in d.lower()] == []
    assert fragments(site)["/tb/2020/2020-01-16/"]["filters"]["minutes status"] == ["draft"]


def test_action_status_filter_has_open_or_closed_and_the_latest_logged_status(fixture_site):
    pages = fragments(fixture_site)
    assert sorted(pages["/tb/actions/tb-19-13-2/"]["filters"]["action status"]) == ["amber", "open"]
    assert sorted(pages["/tb/actions/tb-19-13-1/"]["filters"]["action status"]) == ["closed", "green"]
    draft = pages["/tb/2020/2020-01-16/"]["filters"]  # the meeting is public, its draft minutes are not
    assert "minutes status" not in draft and "minutes" not in draft.get("type", [])


# --- Pagefind's search API, from Node ---------------------------------------------------------------

NODE_SEARCH = r"""
// Runs Pagefind's own browser API (pagefind.js) in Node over a built site: fetch() reads files.
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
const [site, queriesJson] = process.argv.slice(2);
const browserFetch = globalThis.fetch;
globalThis.fetch = async (input) => {
  const url = String(input);
  if (!url.startsWith("file:")) return browserFetch(input);
  try { return new Response(await readFile(fileURLToPath(url.split("?")[0]))); }
  catch { return new Response("", { status: 404 }); }
};
const config = JSON.parse(await readFile(`${site}/search/config.json`, "utf8"));
const at = (path) => pathToFileURL(site + path).href;
const pagefind = await import(at(config.bundles[0].path + "pagefind.js"));
const options = { baseUrl: "/", ranking: config.ranking };
const instance = pagefind.createInstance(options);
for (const bundle of config.bundles.slice(1)) await instance.mergeIndex(at(bundle.path), options);
await instance.filters();  // loads every bundle's filter chunks, so results carry counts
const out = [];
for (const query of JSON.parse(queriesJson)) {
  const found = await instance.search(query.q, { filters: query.filters || {} });
  const top = [];
  for (const result of found.results.slice(0, query.top || 5)) {
    const data = await result.data();
    top.push({ url: data.url, meta: data.meta, filters: data.filters, content: data.content,
               sections: data.sub_results.map((s) => s.url) });
  }
  out.push({ count: found.results.length, filters: found.filters, top });
}
console.log(JSON.stringify(out));
await instance.destroy();
"""


def node_search(site: Path, tmp_path: Path, *queries: dict) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is needed for the search API test (it comes with the axe-core gate's npm)")
        pytest.skip("node is not installed")
    script = tmp_path / "search.mjs"
    script.write_text(NODE_SEARCH, encoding="utf-8")
    done = subprocess.run([node, str(script), str(site), json.dumps(list(queries))], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_pagefind_api_finds_a_minute_by_its_number_in_every_written_form(example, tmp_path):
    results = node_search(example, tmp_path, {"q": "CCBP/18/49"}, {"q": "ccbp 18 49"}, {"q": "CCBP/18/49#1"})
    for result in results[:2]:
        first = result["top"][0]
        assert first["url"] == MEETING and "CCBP/18/49" in first["meta"]["minutes"].split()
        assert f"{MEETING}#item-ccbp-18-49" in first["sections"]
    assert results[2]["top"][0]["url"] == "/ccb/actions/ccbp-18-49-1/"


def test_pagefind_api_merges_bundles_and_the_body_filter_narrows(example, tmp_path):
    everything, jhsc, people = node_search(example, tmp_path, {"q": "health", "top": 50},
                                           {"q": "health", "filters": {"body": "JHSC"}, "top": 50},
                                           {"q": "Lakhani", "filters": {"type": "person"}})
    bodies = {r["filters"].get("body", ["-"])[0] for r in everything["top"]}
    assert {"CCB", "JCCCG", "JHSC"} <= bodies
    assert everything["filters"]["body"]["JHSC"] == jhsc["count"] < everything["count"]
    assert {r["filters"]["body"][0] for r in jhsc["top"]} == {"JHSC"}
    assert [r["url"] for r in people["top"]] == ["/people/mayur-lakhani/"]


def test_pagefind_api_finds_no_canary_in_what_it_returns(fixture_site, tmp_path):
    queries = [{"q": canary, "top": 50} for canary in ALL_CANARIES] + [{"q": "canary", "top": 50}]
    for result in node_search(fixture_site, tmp_path, *queries):
        assert [r["url"] for r in result["top"] if "canary" in (r["content"] + json.dumps(r["meta"])).lower()] == []
