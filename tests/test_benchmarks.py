"""The synthetic archive behind the benchmarks: deterministic, valid, and at the rates it promises.

A benchmark over content the real pipeline rejects, or that changes between runs,
would measure nothing; these tests keep benchmarks/synthetic.py honest.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is run from the repository, not installed
    sys.path.insert(0, str(REPO))

from benchmarks.synthetic import Spec, generate, main  # noqa: E402
from generator.build import Options, run  # noqa: E402
from helpers import read_tree  # noqa: E402


@pytest.fixture(autouse=True)
def cycle_collector_as_it_was():
    """Several scripts turn the cycle collector off, as the build does; run in this process, they must not leave it
    off for the tests after them."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def test_the_same_spec_writes_the_same_files_byte_for_byte(tmp_path):
    spec = Spec(meetings=24, bodies=3, seed=7)
    generate(tmp_path / "one", spec)
    generate(tmp_path / "two", spec)
    one, two = read_tree(tmp_path / "one"), read_tree(tmp_path / "two")
    assert len(one) > 24 * 3 and one == two
    generate(tmp_path / "three", Spec(meetings=24, bodies=3, seed=8))
    assert read_tree(tmp_path / "three") != one


def test_the_archive_builds_without_an_error_or_a_warning(tmp_path):
    content = tmp_path / "content"
    generate(content, Spec(meetings=30, bodies=3, private_rate=0.1, confidential_rate=0.1,
                           confidential_paper_rate=0.1, draft_share=1.0, per_meeting_share=0.34))
    result = run(Options(content=content, today=dt.date(2026, 1, 1), search=False), write=False)
    assert [d.format() for d in result.report.sorted()] == []
    assert result.ok and result.pages > 30 * 10


def test_the_archive_has_the_promised_shape(tmp_path):
    content = tmp_path / "content"
    spec = Spec(meetings=60, bodies=4, private_rate=0.2, draft_share=1.0, per_meeting_share=0.5)
    stats = generate(content, spec)
    assert (stats.bodies, stats.meetings) == (4, 60)
    assert spec.items[0] * 60 <= stats.items <= spec.items[1] * 60
    assert spec.papers[0] * 60 <= stats.papers <= spec.papers[1] * 60
    assert 0.2 < stats.actions / stats.items < 0.5 and stats.updates > stats.actions
    assert stats.words > 60 * 3000, "meetings are long: minutes and papers of realistic length"
    minutes = [p.read_text(encoding="utf-8") for p in sorted(content.glob("meetings/*/*/minutes.md"))]
    assert sum("status: draft" in m for m in minutes) == 4  # the latest minutes of each body
    assert any("confidential: true" in m for m in minutes)
    assert any("under minute " in m for m in minutes), "cross-references to earlier minutes"
    meetings = [p.read_text(encoding="utf-8") for p in content.glob("meetings/*/*/meeting.md")]
    assert any("session: private" in m for m in meetings)
    numbering = {p.read_text(encoding="utf-8").split("numbering: ")[1].split("\n")[0]
                 for p in content.glob("bodies/*.md")}
    assert "per-meeting" in numbering and any(n.endswith("/{yy}/{n}") for n in numbering)


def test_the_command_line_writes_an_archive_and_says_what_it_wrote(tmp_path, capsys):
    assert main([str(tmp_path / "out"), "--meetings", "5", "--bodies", "1"]) == 0
    assert "1 bodies, " in capsys.readouterr().out and (tmp_path / "out" / "site.yaml").is_file()


# ---- benchmarks/build_bench.py (issue 7): the build benchmark runs end to end ----------------------------

def test_the_build_benchmark_runs_end_to_end_on_a_tiny_archive(tmp_path, capsys):
    """No timings are asserted (the machine is shared): only that every measurement is taken and reported."""
    import json

    from benchmarks import build_bench

    assert build_bench.main(["--meetings", "5", "--repeat", "1", "--no-hugo", "--no-serve", "--edits", "1",
                             "--bodies", "1", "--work", str(tmp_path / "work"), "--json", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    for heading in ("Build time", "Peak memory", "Stages of the builds", "One edit"):
        assert heading in out
    [size] = json.loads((tmp_path / "r.json").read_text())
    assert size["meetings"] == 5 and size["pages"] > 5 * 10
    assert size["ours_cold"][0]["seconds"] > 0 and size["ours_cold"][0]["max_rss_mb"] > 10
    assert size["ours_warm"] and {"load", "validate", "resolve", "render"} <= set(size["stages"][0])
    [edit] = size["session"]["edits"]
    # a sentence of discussion: the fast path writes the meeting's pages, and the full rebuild finds them right
    assert edit["quick_ms"] > 0 and edit["quick_written"] >= 1, "the edit reached the pages on disk"
    assert edit["ms"] > 0 and edit["written"] == 0
    [retitled] = size["session"]["retitles"]
    # an item's title: shown beyond the meeting, yet the fast path writes the meeting's own pages first
    assert retitled["quick_ms"] > 0 and retitled["quick_written"] >= 2, "the meeting's page and the item's"
    assert 0 < retitled["quick_own_ms"] <= retitled["quick_ms"], "its own pages were on disk first"
    [paper] = size["session"]["new_papers"]
    assert paper["quick_ms"] > 0 and paper["quick_written"] >= 2, "the paper's page and its meeting's page"
    [pdf] = size["session"]["new_pdfs"]
    # a PDF no paper names yet: the fast path takes it, and no page shows it
    assert pdf["quick_ms"] > 0 and pdf["quick_written"] == 0 and pdf["written"] == 0
    assert "Session PDF added fast path" in out
    [added] = size["session"]["new_items"]
    # a new minute number: the fast path writes the new item's page and its meeting's, the rebuild none of them
    assert added["quick_ms"] > 0 and added["quick_written"] >= 2, "the new item's page and its meeting's page"
    assert not (tmp_path / "work" / "n5").exists(), "the work folder is cleaned up"
    assert not (tmp_path / "work" / build_bench.SET_ASIDE).exists(), "and what was set aside, once it ended"


def test_a_folder_the_benchmark_is_done_with_is_set_aside_whole_not_removed(tmp_path):
    """Removed at once, a site's inodes would slow the next cold build on a journal-less ext4 (set_aside)."""
    from benchmarks.build_bench import SET_ASIDE, set_aside

    site = tmp_path / "n5" / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "a" / "b" / "index.html").write_text("page", encoding="utf-8")
    inode = (site / "a" / "b" / "index.html").stat().st_ino
    set_aside(site, tmp_path)
    set_aside(site, tmp_path)  # gone already: nothing to do
    assert not site.exists()
    [kept] = (tmp_path / SET_ASIDE).glob("*/site/a/b/index.html")
    assert kept.stat().st_ino == inode and kept.read_text(encoding="utf-8") == "page"
    (site / "a").mkdir(parents=True)  # the same name again, set aside beside the first
    set_aside(site, tmp_path)
    assert len(list((tmp_path / SET_ASIDE).glob("*/site"))) == 2


def test_the_hugo_copy_holds_the_same_markdown(tmp_path):
    from benchmarks.build_bench import add_item, edit, hugo_site, pick_target, retitle

    content = tmp_path / "content"
    generate(content, Spec(meetings=6, bodies=2, private_rate=0.0, draft_share=0.0, confidential_paper_rate=0.0,
                           items=(10, 12), words=1500))
    pages = hugo_site(content, tmp_path / "hugo")
    papers = len(list(content.glob("meetings/*/*/papers/*.md")))
    assert pages == 6 + papers
    target = pick_target(content, tmp_path / "hugo")
    minutes = target.minutes.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert minutes.strip() in target.hugo_file.read_text(encoding="utf-8")
    marker = edit(target.minutes, 7)
    assert marker in target.minutes.read_text(encoding="utf-8")
    for copy in (target.minutes, target.hugo_file):  # the other edits both servers are timed with
        assert add_item(copy, 3) in copy.read_text(encoding="utf-8")
        assert retitle(copy, 8) in copy.read_text(encoding="utf-8")
        assert retitle(copy, 9) in copy.read_text(encoding="utf-8") and "retitled 8" not in copy.read_text()
    assert (tmp_path / "hugo" / "layouts" / "single.html").is_file()


def test_an_item_added_by_the_benchmarks_is_one_the_build_accepts_whichever_way_its_body_numbers_minutes(tmp_path):
    """The preview benchmarks' "new item" edit is followed by a rebuild that must succeed: an item numbered 5917 in a
    body numbering its minutes afresh at each meeting was refused, and quick_phases stopped."""
    from benchmarks.build_bench import add_item

    content = tmp_path / "content"
    generate(content, Spec(meetings=8, bodies=3, private_rate=0.0, draft_share=0.0, per_meeting_share=0.34,
                           items=(3, 4), words=300))
    headings = []
    for number, minutes in enumerate(sorted(content.glob("meetings/*/*/minutes.md")), start=901):
        add_item(minutes, number)
        add_item(minutes, number + 100)  # as quick_phases adds one after another to one meeting
        headings += re.findall(r"^## (\S+) Benchmark item", minutes.read_text(encoding="utf-8"), re.M)
    assert any("/" in ref for ref in headings) and any("/" not in ref for ref in headings)  # both ways of numbering
    result = run(Options(content=content, today=dt.date(2026, 1, 1), search=False), write=False)
    assert [d.format() for d in result.report.sorted() if d.severity == "error"] == [] and result.ok


def test_the_session_memory_script_prints_memory_as_the_edits_go(tmp_path, capsys):
    from benchmarks import session_memory

    assert session_memory.main(["--meetings", "4", "--edits", "2", "--every", "1", "--work", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("4 meetings: first build") and "MB resident" in lines[0]
    assert [line.split(":")[0] for line in lines[1:]] == ["after    1 edits", "after    2 edits"]
    assert all("records in the digests' memo" in line for line in lines[1:])


def test_the_build_memory_script_names_each_process_with_its_peak_and_leaves_the_archive_as_it_was(tmp_path,
                                                                                                     capsys):
    from benchmarks import build_memory

    content = tmp_path / "content"
    generate(content, Spec(meetings=4, seed=3))
    before = read_tree(content)
    for warm in ((), ("--warm",)):
        args = ["--content", str(content), "--every", "0.01", "--step", "1", "--jobs", "2", "--work",
                str(tmp_path / "work"), *(warm or ("--shared",))]
        assert build_memory.main(args) == 0
        out = capsys.readouterr().out
        kind = "warm" if warm else "cold"
        if not warm:  # --shared: each process's PSS and USS, which cannot exceed what it has resident
            shares = re.findall(r"^  (?:build|process \d+) +(\d+) MB at .*; PSS +(\d+) MB, USS +(\d+) MB$", out, re.M)
            assert shares and all(int(uss) <= int(pss) <= int(rss) + 2 for rss, pss, uss in shares)
            assert re.search(r"the tree's PSS \d+ MB", out)
        assert out.startswith(f"{kind} build of {content}")
        assert "| Built " in out, "the build's own output is shown as it comes"
        largest = int(re.search(rf"{kind} build: [\d.]+ s; largest process (\d+) MB", out).group(1))
        peaks = dict(re.findall(r"^  (build|process \d+) +(\d+) MB at", out, re.M))
        assert "build" in peaks and largest > 0
        assert all(int(mb) <= largest + 2 for mb in peaks.values()), "a sampled peak above the kernel's count"
    assert read_tree(content) == before, "the warm build's edit was not taken out again"


def _a_check_added() -> None:
    """A check that takes 50 ms a meeting, which the profiled comparison must find (four meetings: 0.2 s)."""
    time.sleep(0.05)


def test_the_comparison_with_another_commit_runs_and_tells_a_changed_output(tmp_path, capsys, monkeypatch):
    from benchmarks import compare
    import generator.build
    import generator.validate

    content = tmp_path / "archive"
    generate(content, Spec(meetings=4, bodies=1, items=(3, 4), words=300))
    args = ["--base", "HEAD", "--content", str(content), "--repeat", "1", "--work", str(tmp_path / "work")]
    assert compare.main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[2:9]] == ["load", "validate", "resolve", "render", "page", "data", "all"]
    assert out[-1] == "output: 0 pages differ, 0 page digests differ, data files are the same"

    (tmp_path / "work" / "site-this").mkdir()  # a site a build before left: set aside, not removed, before a cold build
    (tmp_path / "work" / "site-this" / "left.html").write_text("from a build before", encoding="utf-8")
    set_aside, moved = compare.set_aside, []
    monkeypatch.setattr(compare, "set_aside", lambda path, work: (
        moved.append((path.name, sorted(p.name for p in path.iterdir()) if path.exists() else None)),
        set_aside(path, work)))
    assert compare.main(args + ["--builds", "1"]) == 0  # the same work folder again, and real builds
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[-3:-1]] == ["base", "this"]
    assert ("site-this", ["left.html"]) in moved
    assert not (tmp_path / "work" / ".set-aside").exists(), "the site set aside, removed once the builds ended"
    monkeypatch.setattr(compare, "set_aside", set_aside)
    assert all("wall" in line and "largest process" in line for line in out[-3:-1])
    assert out[-1] == "  the two sites are the same byte for byte"

    assert compare.main(args + ["--over", "1", "--no-stages"]) == 0  # cold builds, each replacing a site
    out = capsys.readouterr().out.splitlines()
    assert "replacing the site" in out[1] and [line.split()[0] for line in out[2:4]] == ["base", "this"]
    assert out[-1] == "  the two sites are the same byte for byte" and len(out) == 5

    assert compare.main(args + ["--warm", "2", "--no-stages"]) == 0  # warm builds in turns, each from its own cache
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(" against this checkout") and len(out) == 7
    assert [line.split()[0] for line in out[-5:-1]] == ["base", "this", "base", "this"]
    assert all("wall" in line and "stages: cache " in line and " ms, load " in line for line in out[-5:-1])
    assert out[-1] == "  the two sites are the same byte for byte"

    assert compare.main(args + ["--restored", "1", "--no-stages"]) == 0  # a CI job: fresh checkout, cache restored
    out = capsys.readouterr().out.splitlines()
    assert "a CI job" in out[1] and [line.split()[0] for line in out[2:4]] == ["base", "this"]
    assert "stages: cache " in out[3] and out[-1] == "  the two sites are the same byte for byte"

    assert compare.main(args + ["--later", "1", "--no-stages"]) == 0  # a day's deploy: a day later, with search
    out = capsys.readouterr().out.splitlines()
    assert "a day after the last" in out[1] and [line.split()[0] for line in out[2:4]] == ["base", "this"]
    assert " ms, index " in out[3] and out[-1] == "  the two sites are the same byte for byte"

    assert compare.main(args + ["--people", "1", "--no-stages"]) == 0  # after an edit to the people register
    out = capsys.readouterr().out.splitlines()
    assert "people register" in out[1] and [line.split()[0] for line in out[2:4]] == ["base", "this"]
    assert "stages: cache " in out[3] and out[-1] == "  the two sites are the same byte for byte"
    register = sorted((tmp_path / "work" / "people-this" / "content" / "people").glob("*.yaml"))[0].read_text()
    assert ", round 1\n" in register
    assert compare.main(args + ["--body", "1", "--no-stages"]) == 0  # after an edit to a body's file
    out = capsys.readouterr().out.splitlines()
    assert "body's description" in out[1] and out[-1] == "  the two sites are the same byte for byte"
    assert compare.main(args + ["--unchanged", "1", "--no-stages"]) == 0  # nothing changed
    out = capsys.readouterr().out.splitlines()
    assert "nothing changed" in out[1] and out[-1] == "  the two sites are the same byte for byte"
    assert compare.main(args + ["--spread", "2", "--no-stages"]) == 0  # each round another meeting's minutes
    out = capsys.readouterr().out.splitlines()
    assert "another meeting's minutes" in out[1] and out[-1] == "  the two sites are the same byte for byte"
    edited = [p for p in (tmp_path / "work" / "spread-this" / "content").glob("meetings/**/minutes.md")
              if "A line added before warm build" in p.read_text()]
    assert len(edited) == 2 and [line.split()[0] for line in out[2:6]] == ["base", "this"] * 2

    check_meeting = generator.validate.check_meeting
    monkeypatch.setattr(generator.validate, "check_meeting", lambda *given: (_a_check_added(), check_meeting(*given)))
    assert compare.main(args + ["--no-stages", "--profile-validate", "12"]) == 0  # where validate's time went
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("validate under cProfile, least of 1 runs each") and len(out) == 16
    whole, *rows = (re.fullmatch(r"(.+?) +(\d+\.\d{3})s +(\d+\.\d{3})s +([+-]\d+\.\d{3})s", line).groups()
                    for line in out[3:])
    assert whole[0] == "the whole stage" and float(whole[2]) - float(whole[1]) >= 0.1
    added = {name: (float(before), float(after)) for name, before, after, _ in rows}
    assert len(added) == 12 and added["test_benchmarks.py:_a_check_added"][0] == 0
    assert added["test_benchmarks.py:_a_check_added"][1] >= 0.2
    monkeypatch.setattr(generator.validate, "check_meeting", check_meeting)

    render_page = generator.build.render_page
    monkeypatch.setattr(generator.build, "render_page", lambda env, page, report: render_page(env, page, report) + " ")
    assert compare.main(args[:-2] + ["--work", str(tmp_path / "again")]) == 1
    assert capsys.readouterr().out.splitlines()[-1].endswith("<- NOT THE SAME")


def test_the_preview_waits_script_prints_the_longest_waits_for_each_kind_of_edit(tmp_path, capsys):
    from benchmarks import preview_waits

    assert preview_waits.main(["--meetings", "4", "--edits", "1", "--work", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("4 meetings; first build")
    assert [line.split()[0] for line in lines[1:]] == ["sentence", "sentence", "retitle", "retitle", "new", "new",
                                                      "new", "new"]
    assert [line.split()[1 if line.startswith(("sentence", "retitle")) else 2] for line in lines[1:]] == \
        ["rebuild", "data"] * 4
    assert all("longest waits" in line and " ms (" in line for line in lines[1:])
    # the rebuild's waits say between which checks, as module.function:line
    assert all(re.search(r" ms \(\S+:\d+ to ", line) for line in lines[1::2])
    assert all(re.search(r"reference map \d+ ms made whole, \d+ ms from what the preview kept$", line)
               for line in lines[2::2])


def test_the_preview_benchmarks_first_build_is_a_cold_one_in_a_work_folder_a_run_before_used(tmp_path):
    """`first build N s` is the same measure in each run: with --work, the run before left the preview's build cache
    and site there, and the next run's first build started warm from them."""
    import gc

    from benchmarks.build_bench import archive_copy
    from benchmarks.preview_waits import preview_session

    try:
        _, first = preview_session(archive_copy(tmp_path, None, 4), tmp_path)
        _, again = preview_session(archive_copy(tmp_path, None, 4), tmp_path)
    finally:
        gc.enable()
    assert again.rendered == first.rendered > 0


def test_the_fast_path_steps_script_times_each_step_of_each_kind_of_edit_and_they_add_up(tmp_path, capsys):
    from benchmarks import quick_phases
    from generator import quick
    from generator.fingerprint import Digests

    before = (quick.reload_meeting, quick.rendered_pages, Digests.of)
    assert quick_phases.main(["--meetings", "4", "--edits", "1", "--work", str(tmp_path)]) == 0
    assert (quick.reload_meeting, quick.rendered_pages, Digests.of) == before, "the wrapped functions put back"
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("4 meetings; first build") and lines[0].endswith("; medians, ms")
    assert lines[1].split()[:3] == ["whole", "pages", "reload"]
    assert [line[:10].strip() for line in lines[2:]] == ["sentence", "retitle", "new item", "new paper", "PDF added"]
    for line in lines[2:-1]:
        whole, pages, *steps = (float(figure) for figure in line[10:].split())
        named = dict(zip(("reload", "entries", "index", "environment", "digests", "lists", "own render", "own write",
                          "other render", "other write", "rest"), steps, strict=True))
        assert pages >= 1 and abs(sum(steps) - whole) < 0.1 * len(steps), line  # one edit each: the steps add up
        # each step the fast path always takes was timed where it happens
        assert min(named["reload"], named["entries"], named["digests"], named["own render"], named["own write"]) > 0
    # a new paper file is a new link target: the index is patched and pages beyond the meeting's own are made
    paper = dict(zip(("whole", "pages", "reload", "entries", "index"), map(float, lines[5][10:].split())))
    assert paper["index"] > 0
    # a PDF no paper names yet: the folder read again and no page made, the steps adding up all the same
    whole, pages, *steps = (float(figure) for figure in lines[6][10:].split())
    assert pages == 0 and steps[0] > 0 and abs(sum(steps) - whole) < 0.1 * len(steps), lines[6]
    # one step function by function: each its own column, which still add up to the whole
    assert quick_phases.main(["--meetings", "4", "--edits", "1", "--work", str(tmp_path), "--split", "lists"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[7:15] == ["meeting_pages", "action_page", "_cited", "_related", "_people", "_lists",
                                      "_counts", "holdings"]
    for line in lines[2:]:
        whole, pages, *steps = (float(figure) for figure in line[10:].split())
        assert len(steps) == 18 and abs(sum(steps) - whole) < 0.1 * len(steps), line
    assert all(float(line[10:].split()[7]) > 0 for line in lines[2:]), "the meeting's own pages listed, every time"


def test_the_autosave_script_times_saves_in_quick_succession_through_a_real_server(tmp_path, capsys):
    from benchmarks import autosave

    kinds = ("sentence", "meeting-title", "action-text", "new-action", "date", "organisation",
             "person-added", "body-description")
    assert autosave.main(["--meetings", "4", "--gaps", "0.2", "--rounds", "2", "--kinds", *kinds,
                          "--settle", "1", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 meetings; server ready in ")
    for kind in kinds:  # the first, not counted, and two more
        assert len(re.findall(kind + r" +gap 0\.20 s: +\d+ ms", out)) == 3, out
    rows = out.splitlines()[-len(kinds):]
    for kind, row in zip(kinds, rows):
        assert re.fullmatch(rf"\| {kind} \| 0\.2 s \| \d+ \| \d+ \| \d+, \d+ \|", row), rows


def test_the_autosave_script_can_keep_the_previews_search_index_up_to_date(tmp_path, capsys):
    from benchmarks import autosave

    log = tmp_path / "server.log"
    assert autosave.main(["--meetings", "4", "--gaps", "0.2", "--rounds", "1", "--kinds", "retitle", "--settle",
                          "0.5", "--search", "--log", str(log), "--work", str(tmp_path)]) == 0
    assert re.fullmatch(r"\| retitle \| 0\.2 s \| \d+ \| \d+ \| \d+ \|", capsys.readouterr().out.splitlines()[-1])
    assert (tmp_path / "preview" / "pagefind" / "pagefind-entry.json").is_file()
    saves = log.read_text(encoding="utf-8").split("=== save ")  # what the server said, then each save's figure
    assert "search index updated" in saves[0] and len(saves) == 3
    assert all(re.match(r"\d+:  retitle  gap 0\.20 s: +\d+ ms", part) for part in saves[1:])


def test_the_preview_registers_script_times_each_kind_of_edit_and_says_which_rendered_every_page(tmp_path, capsys):
    from benchmarks import preview_registers

    assert preview_registers.main(["--meetings", "4", "--rounds", "1", "--work", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("4 meetings; first build")
    rows = {line[:24].strip(): line for line in lines[1:]}
    assert list(rows) == ["a meeting's minutes", "a person's organisation", "a body's description", "a template"]
    assert [row.endswith("every page") for row in rows.values()] == [False, False, False, True]
    assert all(" pages rendered, " in row for row in rows.values())


def test_the_cache_census_counts_every_object_of_the_cache_once_by_the_part_that_holds_it(tmp_path, capsys):
    import io
    import pickle

    from benchmarks import cache_census
    from generator.build import Options, run
    from generator.cache import cache_file, value_of

    content = tmp_path / "archive"
    generate(content, Spec(meetings=4, bodies=2, items=(3, 4), words=300))
    assert run(Options(content=content, out=tmp_path / "site", search=False)).ok
    assert cache_census.main([str(cache_file(content, False)), "--repeat", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert " MB pickled, " in out[0] and out[1].startswith("whole cache: write ")
    assert [line.split("  ")[1].strip() for line in out[2:4]] == ["loaded meetings and registers", "reference scan"]
    assert out[-1].startswith(cache_file(content, False).stem + ".site.pickle: ") and " objects, write " in out[-1]
    counted = sum(int(re.search(r"([\d,]+) objects", line)[1].replace(",", "")) for line in out[2:-1])
    # Pickled in one piece, the cache's memo holds each object once, as the census must count it; besides the
    # parts' objects it holds their wrappers (the cache object, its state, the memos' state, field names).
    cache = value_of(cache_file(content, False).read_bytes())
    pickler = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(cache)
    whole = len(pickler.memo.copy())
    assert whole - 30 <= counted < whole and counted > 1000


def test_the_cache_in_parts_script_measures_both_ways_and_checks_identity_survived(tmp_path, capsys, monkeypatch):
    from benchmarks import cache_parts
    from generator.build import Options, run
    from generator.cache import cache_file

    content = tmp_path / "archive"
    generate(content, Spec(meetings=4, bodies=2, items=(3, 4), words=300))
    assert run(Options(content=content, out=tmp_path / "site", search=False)).ok
    assert cache_parts.main([str(cache_file(content, False))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("whole:    write ") and out[2].startswith("in parts: write ")
    assert " in 4 parts and a main part" in out[2]  # two bodies' meetings, the registers, the reference scan
    assert out[3] == "the memos hold the loader's very meetings: 4 read whole, 4 read in parts"
    monkeypatch.setattr(cache_parts, "_shared", lambda items: [])  # no shared memo: the main part holds copies
    assert cache_parts.main([str(cache_file(content, False))]) == 1
    assert capsys.readouterr().out.splitlines()[3].endswith("0 read in parts  <- NOT THE SAME")


def test_the_stale_cache_script_measures_both_costs_and_leaves_the_cache_file_when_told(tmp_path, capsys):
    from benchmarks import stale_cache
    from generator.cache import cache_file, site_file

    content = tmp_path / "archive"
    generate(content, Spec(meetings=6, bodies=2, items=(3, 4), words=300))
    work = tmp_path / "work"
    assert stale_cache.main(["--content", str(content), "--edits", "2", "--repeat", "1", "--work", str(work)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("6 meetings; each build a fresh process, its cache file written or not")
    rendered = [int(re.search(r"rendered (\S+)", line)[1]) for line in out[1:5]]
    assert rendered[0] == 0 and rendered[1] == 0 and rendered[2] > 0 and rendered[3] == 0
    assert "2 meetings edited, file left" in out[3] and "file lacking 2 meetings" in out[4]
    assert out[5].startswith("writing the cache file: ") and " ms a meeting" in out[5]
    assert out[6].startswith("a meeting folder the file lacks: ") and "(of 2: " in out[6]
    cache = cache_file(work / "archive" / "content", False, folder=work / "archive" / ".minutebook" / "cache")
    # The builds told to leave the file did, and still wrote the site record after the edit.
    assert cache.stat().st_mtime_ns < site_file(cache).stat().st_mtime_ns


def test_the_page_files_script_times_both_ways_and_the_write_after_a_removal_and_cleans_up(tmp_path, capsys):
    from benchmarks import page_files

    assert page_files.main(["--files", "40", "--size", "100", "--turns", "2", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"turn \d +(write_new|pathlib) +new folder: user +[\d.]+ s, system +[\d.]+ s;  "
                          r"over its own files: user +[\d.]+ s", out)) == 4
    assert re.search(r"right after removing a tree as large: user +[\d.]+ s, system +[\d.]+ s", out)
    assert list(tmp_path.iterdir()) == [], "the files it wrote were left behind"


def test_the_shard_listing_script_counts_every_page_and_each_processs_share(tmp_path, capsys):
    from benchmarks import shard_listing

    content = tmp_path / "content"
    generate(content, Spec(meetings=6, seed=3))
    assert shard_listing.main(["--content", str(content), "--jobs", "2", "--turns", "1"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    every, first, second = (int(n.replace(",", "")) for n in re.findall(r"([\d,]+) in [\d.]+ s", line))
    assert first and second and first + second == every


def test_the_render_floor_script_times_every_page_of_the_site_by_template_and_the_empty_layout(tmp_path, capsys):
    from benchmarks import render_floor

    content = tmp_path / "content"
    generate(content, Spec(meetings=6, seed=3))
    assert render_floor.main(["--content", str(content), "--turns", "2"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"turn \d: the pages [\d.]+ s", out)) == 2
    rows = {name: int(count.replace(",", "")) for name, count in
            re.findall(r"^  (\S+(?: \S+)*?) +([\d,]+) pages +\d+ us a page +[\d.]+ s$", out, re.M)}
    pages = run(Options(content=content, search=False), write=False).pages
    assert rows.pop(render_floor.EMPTY) == pages, "the empty page at every page's address"
    assert {"meeting.html", "item.html", "paper.html", "action.html", "person.html"} <= set(rows)
    assert sum(rows.values()) == pages, "every page of the site, once"
    assert re.search(r"Jinja alone, every page: [\d.]+ s on one core; [\d.]+ s at best on \d+ rendering processes", out)


def test_the_search_latency_script_times_each_search_page_in_turns_and_shows_the_checked_count(site, capsys):
    """On the fixture site, whose people pages Pagefind alone returns for "allotments" (they have "A:"), in a
    real browser; the search page compared is this commit's own, so every one marks checked results, and with
    one bundle per check instance the check leaves out the same pages."""
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("CI is set but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (./dev test installs it)")
    from benchmarks import search_latency

    assert search_latency.main([str(site), "--queries", "allotments", "--after", "minibus", "--rounds", "1",
                                "--before", "HEAD", "--group", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{site}: milliseconds from the last key, medians of 1"
    row = r"(.+?) +allotments +(first query|after another) +(\d+) +(\d+)  (.+)$"
    rows = [re.match(row, line) for line in lines[2:]]
    assert all(rows) and len(rows) == 6, lines
    assert [(row[1], row[2]) for row in rows] == [(page, way) for page in ("before (HEAD)", "this", "this, GROUP = 1")
                                                  for way in ("first query", "after another")]
    assert all(int(row[3]) <= int(row[4]) for row in rows), "the checked results come with or after the first"
    assert {row[5] for row in rows} == {"2 results for allotments"}  # the paper and the meeting, not the people


def test_the_yaml_reading_script_times_both_versions_in_turns_over_the_same_texts(capsys):
    from benchmarks import yaml_parse
    from helpers import FIXTURE

    assert yaml_parse.main([str(FIXTURE), "--base", "HEAD", "--turns", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    texts = len(yaml_parse.frontmatters(FIXTURE, 3000))
    assert texts > 10 and out[0].startswith(f"{FIXTURE}: the frontmatter of {texts} files")
    assert [line.split(":")[0] for line in out[1:3]] == ["turn 1", "turn 2"]
    assert all(re.search(r"base \w+ \d+\.\d{3} s, this \d+\.\d{3} s$", line) for line in out[1:3])
    assert re.fullmatch(r"this/base, fastest turn against fastest turn: \d+\.\d\dx", out[3])
    assert re.fullmatch(r"texts not ASCII: \d+; holding both '\*' and '&': \d+", out[4])


def test_the_stabilise_script_times_both_versions_on_copies_of_the_same_bundles(tmp_path, capsys):
    """A copy each time: `stabilise` rewrites the folder it is given, and the site must be left as it was."""
    from benchmarks import stabilise_cost
    from helpers import FIXTURE

    example = tmp_path / "site"
    assert run(Options(content=FIXTURE, out=example, today=dt.date(2026, 1, 1), search=True, cache=False)).ok
    before = read_tree(example / "pagefind")
    assert stabilise_cost.main([str(example), "--base", "HEAD", "--bundles", "2", "--turns", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(rf"{re.escape(str(example))}: 2 bundles of \d+ to \d+ pages, 1 turns", out[0])
    assert re.fullmatch(r"base \w+ \d+\.\d{3} s, this \d+\.\d{3} s a bundle", out[1])
    assert read_tree(example / "pagefind") == before


def test_the_page_weight_script_weighs_every_page_of_each_kind_and_names_the_heaviest(tmp_path, capsys):
    from benchmarks import page_weight
    from helpers import FIXTURE

    site = tmp_path / "site"
    assert run(Options(content=FIXTURE, out=site, today=dt.date(2026, 1, 1), search=False, cache=False)).ok
    assert page_weight.main([str(site)]) == 0
    rows = {line[:20].strip(): line[20:].split() for line in capsys.readouterr().out.splitlines()[1:]}
    people = sorted(site.glob("people/*/index.html"))
    heaviest = max(people, key=lambda p: p.stat().st_size)
    pages, total, _, _, largest, _, address = rows["person"]
    assert int(pages) == len(people) and int(total.replace(",", "")) == sum(p.stat().st_size for p in people)
    assert int(largest.replace(",", "")) == heaviest.stat().st_size and address == f"/people/{heaviest.parent.name}/"
    assert int(rows["body"][0]) == len(list((FIXTURE / "bodies").glob("*.md")))
    assert int(rows["meeting"][0]) == len(list(site.glob("*/[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9]-*/index.html")))
    (tmp_path / "page.html").write_text("<!doctype html><p>a<br>b &lt;i&gt;</p><!-- <b> -->", encoding="utf-8")
    assert page_weight.weight(tmp_path / "page.html") == (50, 2)  # start tags only: not text, comments, ends
