"""Which process of a build holds the most memory, and when: every process's resident memory through one build.

    python -m benchmarks.build_memory --content ARCHIVE [--warm] [--every 0.05] [--step 50] [--work DIR] [--shared]

Runs `minutebook build --no-search` over ARCHIVE in a fresh process, with an
empty build cache (a cold build) or, with `--warm`, after a cold build and a
line added to one meeting's minutes (the line is taken out again at the end).
Every `--every` seconds it reads the resident memory (VmRSS, from Linux's
/proc) of the build and of each process it forked, and prints a line when one
of them has moved by `--step` MB since the last line, with the build's own
progress messages as they come. At the end: each process's peak and when it
came, and the kernel's count of the largest process (ru_maxrss from wait4,
which a peak between two samples cannot escape). build_bench.py reports the peaks alone;
this says which process reached them, which is where to look.

With `--shared`, every fifth sample also reads each process's
/proc/PID/smaps_rollup (a walk of its page tables, a few milliseconds for a
process of 800 MB, so not every sample) and the peaks say, besides the
resident memory, its proportional share (PSS: each page shared by n processes
counted 1/n in each) and what it holds alone (USS: its private pages, what
ending it would give back), and the whole tree's summed PSS: a rendering
process's resident memory counts in full the pages it shares with the build it
was forked from, and these say how much of it is its own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, _descendants, bench_env  # noqa: E402


def resident_mb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None


def shares_mb(pid: int) -> tuple[int, int] | None:
    """(PSS, USS) of `pid` in MB, from /proc/PID/smaps_rollup: its share of the pages it uses, each page shared by
    n processes counted 1/n, and the pages it alone uses (Private_Clean + Private_Dirty)."""
    pss = private = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                    private += int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pss // 1024, private // 1024


class Timeline:
    """Each process's resident memory over one build: the lines worth printing, and each one's peak; with
    `shared`, every fifth sample also each process's PSS and USS (shares_mb), their peaks and the tree's."""

    def __init__(self, step: int, shared: bool = False):
        self.step, self.started, self.shared, self.samples = step, time.perf_counter(), shared, 0
        self.names: dict[int, str] = {}  # pid -> "build", "process 1", ... in the order they were first seen
        self.peaks: dict[int, tuple[int, float]] = {}  # pid -> (MB, seconds)
        self.pss: dict[int, int] = {}  # pid -> peak PSS, MB
        self.uss: dict[int, int] = {}  # pid -> peak USS, MB
        self.tree_pss = 0  # peak of the summed PSS of every process at one sample, MB
        self.last: dict[int, int] = {}
        self.lines: list[str] = []
        self.lock = threading.Lock()

    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def sample(self, root: int) -> None:
        now, moved, alive = self.seconds(), False, {}
        for pid in _descendants(root):
            mb = resident_mb(pid)
            if mb is None:
                continue
            self.names.setdefault(pid, "build" if pid == root else f"process {len(self.names)}")
            alive[pid] = mb
            if mb > self.peaks.get(pid, (-1, 0.0))[0]:
                self.peaks[pid] = (mb, now)
            moved = moved or abs(mb - self.last.get(pid, 0)) >= self.step
        self.samples += 1
        if self.shared and self.samples % 5 == 1:
            tree = 0
            for pid in alive:
                shares = shares_mb(pid)
                if shares is not None:
                    tree += shares[0]
                    self.pss[pid] = max(self.pss.get(pid, 0), shares[0])
                    self.uss[pid] = max(self.uss.get(pid, 0), shares[1])
            self.tree_pss = max(self.tree_pss, tree)
        if moved or alive.keys() != self.last.keys():
            self.note(", ".join(f"{self.names[pid]} {mb} MB" for pid, mb in alive.items()) or "every process ended")
            self.last = alive

    def note(self, text: str) -> None:
        with self.lock:
            self.lines.append(f"{self.seconds():7.2f} s  {text}")
            print(self.lines[-1], flush=True)


def measure(command: list[str], env: dict, every: float, step: int, shared: bool = False
            ) -> tuple[Timeline, float, int]:
    """(timeline, wall seconds, the kernel's largest process in MB) of `command`, which must succeed."""
    timeline = Timeline(step, shared)
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)

    def read() -> None:
        for line in process.stdout:
            if line.strip():
                timeline.note("| " + line.rstrip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while True:  # waited for with wait4, which alone tells the kernel's count of its largest process
        timeline.sample(process.pid)
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(every)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = timeline.seconds()
    reader.join()
    if process.returncode:
        raise SystemExit(f"the build failed (exit {process.returncode})")
    return timeline, seconds, usage.ru_maxrss // 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True, help="the archive to build")
    parser.add_argument("--warm", action="store_true", help="measure a warm build after a one-line edit")
    parser.add_argument("--every", type=float, default=0.05, help="seconds between samples (default 0.05)")
    parser.add_argument("--step", type=int, default=50, help="MB a process must move by for a line (default 50)")
    parser.add_argument("--jobs", type=int, default=0, help="rendering processes (default: one per core)")
    parser.add_argument("--work", type=Path, help="folder for the site and the build cache (default: a temporary one)")
    parser.add_argument("--shared", action="store_true", help="each process's peak PSS and USS too, and the tree's PSS")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="minutebook-build-memory-")) if args.work is None else args.work
    out, cache = work / "site", work / "cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    env = bench_env(MINUTEBOOK_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "generator", "build", "--content", str(args.content.resolve()), "--out", str(out),
               "--no-search", "--today", TODAY, *(("--jobs", str(args.jobs)) if args.jobs else ())]
    minutes = sorted(args.content.glob("meetings/*/*/minutes.md"))
    before = minutes[0].read_bytes() if args.warm and minutes else None
    try:
        if args.warm:
            if before is None:
                raise SystemExit(f"{args.content}: no minutes to edit for a warm build")
            subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
            minutes[0].write_bytes(before + b"\nA line added for benchmarks.build_memory.\n")
        kind = "warm" if args.warm else "cold"
        print(f"{kind} build of {args.content}, resident memory every {args.every * 1000:.0f} ms "
              f"(a line when a process moves by {args.step} MB):", flush=True)
        timeline, seconds, largest = measure(command, env, args.every, args.step, args.shared)
    finally:
        if before is not None:
            minutes[0].write_bytes(before)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{kind} build: {seconds:.2f} s; largest process {largest} MB (the kernel's count)")
    print("peaks, sampled:" + (f" (PSS and USS every fifth sample; the tree's PSS {timeline.tree_pss} MB)"
                               if args.shared else ""))
    for pid, name in timeline.names.items():
        mb, at = timeline.peaks[pid]
        shares = f"; PSS {timeline.pss.get(pid, 0):6d} MB, USS {timeline.uss.get(pid, 0):6d} MB" if args.shared else ""
        print(f"  {name:<11} {mb:6d} MB at {at:7.2f} s{shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
