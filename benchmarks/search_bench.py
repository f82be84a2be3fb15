"""How long search indexing takes and how much memory it needs, on the example archive and a large synthetic one.

    python -m benchmarks.search_bench [--meetings 2000] [--jobs N] [--no-single] [--no-warm] [--keep DIR]

For each archive the site is built without search (not timed), then indexed the
way `minutebook build` indexes it: one Pagefind run per body plus one for the
site-wide pages, in parallel (generator/search_index.py). For comparison the
synthetic site (issue 7's rates, as in build_bench) is also indexed as one
single Pagefind bundle, which is what the per-body split avoids. Last, a full
build with search, one edit and a warm build show what re-indexing one body
costs. Each measurement runs in a fresh process so that the
kernel's high-water mark of its Pagefind children (`ru_maxrss`) belongs to that
measurement alone; a sampler also adds up the resident memory of all Pagefind
processes running at once, which is what the machine must have free.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 1, 1)


@dataclass
class Measure:
    label: str
    meetings: int
    pages: int
    bundles: int
    seconds: float
    peak_all_mb: float  # all Pagefind processes running at the same moment (sum of their peaks)
    peak_one_mb: float  # the largest single Pagefind process, kernel high-water mark
    index_mb: float


class Sampler(threading.Thread):
    """The most memory this process's children held at once.

    Every few milliseconds it adds up the high-water mark (VmHWM) of each child
    still running. A high-water mark never misses a short peak, so the sum is a
    safe upper bound of what the machine needed at that moment.
    """

    def __init__(self, every: float = 0.02):
        super().__init__(daemon=True)
        self.every, self.peak, self.done = every, 0, threading.Event()

    def run(self) -> None:
        me = str(os.getpid())
        while not self.done.is_set():
            total = 0
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    stat = Path(entry.path, "stat").read_text()
                    if stat[stat.rindex(")") + 2:].split()[1] != me:
                        continue
                    for line in Path(entry.path, "status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            total += int(line.split()[1]) * 1024
                except (OSError, ValueError, IndexError):
                    continue
            self.peak = max(self.peak, total)
            self.done.wait(self.every)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _meetings(content: Path) -> int:
    return sum(1 for _ in (content / "meetings").glob("*/*/meeting.md"))


def _measure(label: str, work) -> tuple[float, float, float, object]:
    sampler = Sampler()
    sampler.start()
    started = time.perf_counter()
    outcome = work()
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return seconds, sampler.peak / 2**20, largest, outcome


def index_per_body(label: str, content: str, site: str, jobs: int | None) -> Measure:
    """Run in a fresh process: prepare the archive (not timed), then time generator.search_index.build_index."""
    sys.path.insert(0, str(REPO))
    from generator.build import Options, prepare
    from generator.diagnostics import Report
    from generator.search_index import build_index

    options = Options(content=Path(content), out=Path(site), today=TODAY)
    prepared = prepare(options, Report(root=Path(content)), {})
    seconds, peak_all, peak_one, summary = _measure(label, lambda: build_index(Path(site), prepared.index, jobs))
    pages = int(summary.split()[1])
    bundles = int(summary.split(" in ")[1].split()[0])
    return Measure(label, _meetings(Path(content)), pages, bundles, seconds, peak_all, peak_one,
                   _size(Path(site) / "pagefind") / 2**20)


def index_single(label: str, content: str, site: str, output: str) -> Measure:
    """Run in a fresh process: one Pagefind run over the whole site, as a single bundle."""
    sys.path.insert(0, str(REPO))
    from generator.search_index import _COUNT, _executable

    command = [*_executable(), "--site", site, "--output-path", output]
    seconds, peak_all, peak_one, done = _measure(label, lambda: subprocess.run(
        command, capture_output=True, text=True, check=True))
    counts = {kind.rstrip("s"): int(n) for n, kind in _COUNT.findall(done.stdout)}
    return Measure(label, _meetings(Path(content)), counts.get("page", 0), 1, seconds, peak_all, peak_one,
                   _size(Path(output)) / 2**20)


def build_site(content: Path, site: Path) -> float:
    sys.path.insert(0, str(REPO))
    from generator.build import Options, run

    started = time.perf_counter()
    result = run(Options(content=content, out=site, today=TODAY, search=False))
    if not result.ok:
        raise SystemExit(f"{content} does not build:\n" + "\n".join(d.format() for d in result.report.sorted()))
    return time.perf_counter() - started


def reindex_after_one_edit(content: str, site: str) -> dict:
    """Run in a fresh process: a full build with search (it leaves the build cache), one edit to one meeting's
    minutes, then the warm build, which re-indexes only the bundle of that meeting's body (generator/update.py)."""
    sys.path.insert(0, str(REPO))
    import shutil as _shutil

    from generator.build import Options, run
    from generator.cache import cache_file

    options = Options(content=Path(content), out=Path(site), today=TODAY, search=True)
    cache_file(Path(content), False).unlink(missing_ok=True)  # wherever MINUTEBOOK_CACHE_DIR puts it
    _shutil.rmtree(site, ignore_errors=True)
    full = run(options)
    if not full.ok:
        raise SystemExit("the full build failed:\n" + "\n".join(d.format() for d in full.report.sorted()))
    minutes = sorted(Path(content).glob("meetings/*/*/minutes.md"))[0]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nOne more sentence, added for the benchmark.\n",
                       encoding="utf-8")
    warm = run(options)
    if not warm.ok or warm.rendered is None:
        raise SystemExit("the warm build did not update the site in place")
    return {"full_index": full.timings.get("index", 0.0), "full_summary": full.search,
            "warm_index": warm.timings.get("index", 0.0), "warm_summary": warm.search, "warm_seconds": warm.seconds,
            "rendered": warm.rendered}


def in_fresh_process(function, *args):
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def table(rows: list[Measure]) -> str:
    head = ("archive", "meetings", "pages indexed", "bundles", "index time", "peak memory, all Pagefind processes",
            "largest Pagefind process", "index size")
    body = [(m.label, f"{m.meetings:,}", f"{m.pages:,}", str(m.bundles), f"{m.seconds:.1f} s",
             f"{m.peak_all_mb:,.0f} MB", f"{m.peak_one_mb:,.0f} MB", f"{m.index_mb:,.1f} MB") for m in rows]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in [head, *body]]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=2000, help="size of the synthetic archive (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="parallel Pagefind runs (default: one per core)")
    parser.add_argument("--no-single", action="store_true", help="skip the one-bundle comparison")
    parser.add_argument("--no-warm", action="store_true", help="skip the re-index after one edit")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: reuse the content and sites already there instead of generating and "
                             "building")
    args = parser.parse_args(argv)

    from benchmarks.build_bench import spec_for
    from benchmarks.synthetic import generate

    work = args.keep or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Pagefind indexing benchmark: {os.cpu_count()} cores, jobs={args.jobs or os.cpu_count()}, in {work}",
          flush=True)
    rows = []
    archives = [("example", REPO / "content")]
    reuse = args.reuse and args.keep is not None
    if args.meetings:
        synthetic = work / "synthetic-content"
        if not (reuse and synthetic.is_dir()):
            started = time.perf_counter()
            stats = generate(synthetic, spec_for(args.meetings, args.seed))
            print(f"generated {stats.line()} in {time.perf_counter() - started:.1f} s", flush=True)
        archives.append((f"synthetic, seed {args.seed}", synthetic))
    for label, content in archives:
        site = work / f"{label.split(',')[0]}-site"
        if reuse and (site / "index.html").is_file():
            print(f"{label}: reusing {site}", flush=True)
        else:
            print(f"{label}: built {site} without search in {build_site(content, site):.1f} s", flush=True)
        rows.append(in_fresh_process(index_per_body, f"{label}, one bundle per body", str(content), str(site),
                                     args.jobs))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
        if label != "example" and not args.no_single:
            rows.append(in_fresh_process(index_single, f"{label}, one single bundle", str(content), str(site),
                                         str(work / "single-bundle")))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(table(rows))
    if args.meetings and not args.no_warm:
        warm = in_fresh_process(reindex_after_one_edit, str(work / "synthetic-content"), str(work / "warm-site"))
        print(f"\nOne edit to one meeting's minutes, then a warm build (index = its search stage):\n"
              f"- full build with search: index {warm['full_index']:.1f} s; {warm['full_summary']}\n"
              f"- warm build after the edit: {warm['warm_seconds']:.1f} s in all, {warm['rendered']} pages rendered, "
              f"index {warm['warm_index']:.1f} s; {warm['warm_summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
