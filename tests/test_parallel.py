"""Work on forked processes gives exactly what the same work gives in one process.

Large archives are loaded, scanned for references and rendered on several
processes (generator/parallel.py). The fixture archives are small, below the
sizes where the build starts processes, so these tests lower the thresholds
and compare with the serial result: the same archive, the same messages, the
same files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

import generator.backlinks
import generator.build
import generator.loader
from generator.build import Options, prepare, run
from generator.diagnostics import Report
from generator.loader import load_archive
from generator import urls
from generator.numbering import NumberFinder, _compile, any_pattern
from generator.parallel import WorkerFailed, fork_map
from helpers import FIXTURE, TODAY, edit, read_tree

REFERENCES = FIXTURE.parent / "references"


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(generator.loader, "PARALLEL_FROM", 1)
    monkeypatch.setattr(generator.backlinks, "PARALLEL_TEXTS", 1)
    monkeypatch.setattr(generator.build, "PARALLEL_FROM", 1)


def _load(content: Path, jobs: int):
    report = Report(root=content)
    return load_archive(content, report, {}, jobs), [d.format() for d in report.items]


@pytest.mark.parametrize("fixture", [FIXTURE, REFERENCES], ids=["archive", "references"])
def test_loading_on_two_processes_gives_the_same_archive_and_messages(always_parallel, fixture):
    assert _load(fixture, 2) == _load(fixture, 1)


def test_messages_found_while_loading_in_parallel_come_in_the_serial_order(always_parallel, archive):
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "quorate: yes", "quorate: maybe")
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "\n", "\nfavourite_colour: blue\n")
    parallel, serial = _load(archive, 2), _load(archive, 1)
    assert len(serial[1]) >= 2
    assert parallel[1] == serial[1]


def test_the_reference_scan_on_two_processes_finds_the_same_links_and_html(always_parallel):
    results = []
    for jobs in (2, 1):
        markdown: dict = {}
        report = Report(root=REFERENCES)
        prepared = prepare(Options(content=REFERENCES, today=dt.date.fromisoformat(TODAY), jobs=jobs), report, {},
                           {}, {}, markdown)
        results.append((prepared.index.backlinks, prepared.refs, markdown, [d.format() for d in report.items]))
    assert results[0] == results[1]
    assert len(results[0][2]) > 10  # the scan rendered texts for the pages to reuse


@pytest.mark.parametrize("fixture", [FIXTURE, REFERENCES], ids=["archive", "references"])
def test_a_build_on_two_processes_is_byte_identical_to_one_on_one(always_parallel, fixture, tmp_path):
    for jobs in (2, 1):
        result = run(Options(content=fixture, out=tmp_path / f"jobs-{jobs}", today=dt.date.fromisoformat(TODAY),
                             search=False, jobs=jobs, cache=False))
        assert result.ok
    assert read_tree(tmp_path / "jobs-2") == read_tree(tmp_path / "jobs-1")


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_rendering_processes_share_out_every_page_once_at_its_place_in_site_order(jobs):
    """What the sitemap's order rests on (each process sends back each page's position), and what spares a
    process making the pages of meetings another renders: their pages are counted, not listed."""
    report = Report(root=FIXTURE)
    prepared = prepare(Options(content=FIXTURE, today=dt.date.fromisoformat(TODAY)), report, {})
    every = [page.url for page in generator.build.all_pages(prepared.index, prepared.today, prepared.refs)]
    shards = [list(generator.build._shard(prepared, jobs, shard)) for shard in range(jobs)]
    assert all(shards)
    assert sorted((position, page.url) for shard in shards for position, page in shard) == list(enumerate(every))
    owner = {page.url: n for n, shard in enumerate(shards) for _, page in shard}
    for track in prepared.index.tracks.values():  # an action's page goes where the meeting that raised it went
        assert owner[urls.action(track.action)] == owner[urls.meeting(track.raised)]


def test_a_failing_worker_is_reported_to_the_parent():
    def work(shard: int) -> int:
        if shard == 1:
            raise ValueError("shard one fails")
        return shard * 10

    assert fork_map(lambda shard: shard * 10, 3) == [0, 10, 20]
    with pytest.raises(WorkerFailed, match="shard one fails"):
        fork_map(work, 2)


def test_a_forked_process_whose_result_is_not_taken_is_stopped_on_leaving(tmp_path):
    """parallel.Forked as a context: build._update leaves it early on an exception, and the process, making
    files into the staged folder, must not write on into a folder that is being removed."""
    import time

    from generator.parallel import Forked

    marker = tmp_path / "written"

    def slow():
        time.sleep(30)
        marker.write_text("too late")

    started = time.monotonic()
    with pytest.raises(RuntimeError):
        with Forked(slow) as forked:
            raise RuntimeError("the build gave up")
    assert not forked._process.is_alive() and time.monotonic() - started < 10 and not marker.exists()
    with Forked(lambda: 42) as done:
        assert done.result() == 42  # a result taken: leaving is then a no-op


def test_a_forked_process_is_stopped_when_a_signal_lands_as_it_starts(monkeypatch):
    """SIGTERM waits while the process is forked (parallel.signals_held) and lands as the fork is done, inside
    Forked(): the caller never had the process to stop, and it went on, writing into a staged folder the build
    then removed (build.py's `with Forked(...)` of the files beside the pages)."""
    import contextlib
    import multiprocessing
    import signal
    import time

    from generator import parallel
    from generator.parallel import Forked

    held = parallel.signals_held

    @contextlib.contextmanager
    def landing_as_the_fork_ends():
        with held():
            yield
        raise SystemExit(128 + signal.SIGTERM)  # as cli's handler raises it once the signal lands

    running = set(multiprocessing.active_children())
    monkeypatch.setattr(parallel, "signals_held", landing_as_the_fork_ends)
    with pytest.raises(SystemExit):
        Forked(lambda: time.sleep(30))
    assert set(multiprocessing.active_children()) - running == set()


def test_loading_falls_back_to_one_process_when_a_worker_fails(always_parallel, monkeypatch):
    parent, real = os.getpid(), generator.loader._load_meeting

    def only_in_the_parent(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("a worker died")
        return real(*args, **kwargs)

    monkeypatch.setattr(generator.loader, "_load_meeting", only_in_the_parent)
    assert _load(FIXTURE, 2) == _load(FIXTURE, 1)


# --- finding minute numbers of many bodies in one pass ---------------------------------------------------

PATTERNS = ["CCBP/{yy}/{n}", "CB/{yy}/{n}", "JHSC/{yyyy}/{n}", "Min {n}", "{yy}/{n}", "HWB {n}.{yy}", "C2/{n}"]
TEXT = ("At CCBP/19/70 and ccbp / 18 / 5, not CCBP/1/2; CB/19/7 and XCB/19/8; JHSC/2019/12 but JHSC/19/12. "
        "Min 14 and min  15 were noted; 19/70 stands alone; HWB 4.19; C2/33 and C2 / 34; 12 June 2019.")


def _one_regex_per_pattern(text: str, patterns: list[str]) -> list[tuple[int, int]]:
    """What the scan found before: each pattern's own regex, then the longest at each start, no overlaps."""
    found = sorted({m.span() for p in patterns for m in _compile(p)[0].finditer(text)},
                   key=lambda span: (span[0], -(span[1] - span[0])))
    out = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def test_the_number_finder_finds_what_one_regex_per_body_finds():
    assert list(NumberFinder(PATTERNS).finditer(TEXT)) == _one_regex_per_pattern(TEXT, PATTERNS)
    for pattern in PATTERNS:
        assert list(NumberFinder([pattern]).finditer(TEXT)) == _one_regex_per_pattern(TEXT, [pattern]), pattern


def test_the_number_finder_agrees_with_the_union_of_patterns_on_generated_bodies():
    prefixes = [f"{a}{b}{c}" for a in "ABCDEFG" for b in "HKLMN" for c in ("", "P", "SC")]
    patterns = [f"{p}/{{yy}}/{{n}}" for p in prefixes]
    text = " ".join(f"{p}/{n % 30:02d}/{n} {p.lower()}/1{n % 9}/{n * 7} ZZ{p}/19/1 {p} 19/{n}"
                    for n, p in enumerate(prefixes))
    union = re.compile(any_pattern(patterns), re.I)
    assert list(NumberFinder(patterns).finditer(text)) == [m.span() for m in union.finditer(text)]
    assert len(list(NumberFinder(patterns).finditer(text))) == 3 * len(prefixes)


def test_incomplete_numbers_are_found_only_without_their_number():
    finder = NumberFinder(["CCBP/{yy}/"], before=r"\b", after=r"(?!\d)")
    assert [TEXT2[s:e] for s, e in finder.finditer(TEXT2)] == ["CCBP/18/", "ccbp/19/"]


TEXT2 = "See CCBP/18/ and ccbp/19/, but not CCBP/18/70 nor XCCBP/18/ inside a word."
