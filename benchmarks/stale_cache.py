"""The two costs `build.worth_writing` weighs: writing the build cache file, and what a build does again when the
file lacks what builds since it was written made anew. The figures behind "A build cache written only when worth
it" in docs/performance-history.md.

    python -m benchmarks.stale_cache --content ARCHIVE [--edits 60] [--repeat 2] [--work DIR]

It copies ARCHIVE into a work folder and builds it once (cold, not reported). Then, each build a fresh process
on every core, with `build.worth_writing` replaced in that process so that it writes the cache file always or
never:

1. a build with nothing changed that writes the file (the cost of writing it);
2. `--repeat` builds with nothing changed that do not (the same builds from a file just written);
3. a build after a line added to the minutes of `--edits` meetings, which does not write the file;
4. `--repeat` builds with nothing changed that do not: each loads and scans again the edited meetings, which
   the file lacks.

It prints each build's wall time and the build's own stage timings, then the cost of writing the file (1 against
the mean of 2) a meeting, and the cost of each meeting folder the file lacks (the mean of 4 against the mean of 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, bench_env  # noqa: E402


def child(mode: str, content: Path, out: Path) -> int:
    """One build, in this process, whose cache file is written always ("write") or never ("keep")."""
    import generator.build as build

    build.worth_writing = (lambda made_anew, folders: True) if mode == "write" else (lambda made_anew, folders: False)
    result = build.run(build.Options(content=content, out=out, search=False, today=dt.date.fromisoformat(TODAY)))
    print(json.dumps({"ok": result.ok, "rendered": result.rendered, "meetings": len(result.made[1].archive.meetings),
                      "timings": result.timings}))
    sys.stdout.flush()
    os._exit(0 if result.ok else 1)  # as the command does (cli._finish): freeing the archive is not the build's work


def _build(mode: str, content: Path, out: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "benchmarks.stale_cache", "--child", mode, str(content), str(out)],
                          cwd=REPO, env=bench_env(PYTHONPATH=str(REPO)), capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"a build failed:\n{done.stderr[-2000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    return figures


def _line(label: str, figures: dict) -> str:
    stages = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in figures["timings"].items())
    return f"  {label:44s} wall {figures['wall']:6.2f}s  rendered {figures['rendered']}  stages: {stages}"


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        return child(argv[1], Path(argv[2]), Path(argv[3]))
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stale_cache", description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True, help="the archive to build (copied first)")
    parser.add_argument("--edits", type=int, default=60, help="meetings edited before the stale builds (default 60)")
    parser.add_argument("--repeat", type=int, default=2, help="builds of steps 2 and 4 (default 2)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minutebook-stale-") as scratch:
        work = args.work or Path(scratch)
        content, out = work / "archive" / "content", work / "archive" / "site"
        shutil.rmtree(content.parent, ignore_errors=True)
        shutil.copytree(args.content, content)
        _build("write", content, out)  # cold
        written = _build("write", content, out)
        fresh = [_build("keep", content, out) for _ in range(args.repeat)]
        minutes = sorted(content.glob("meetings/**/minutes.md"))
        edited = minutes[::max(1, len(minutes) // args.edits)][:args.edits]
        for path in edited:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\nA line added while the build cache file was left as it was.\n")
        after = _build("keep", content, out)
        stale = [_build("keep", content, out) for _ in range(args.repeat)]
    meetings = written["meetings"]
    print(f"{args.content}: {meetings} meetings; each build a fresh process, its cache file written or not")
    print(_line("nothing changed, cache file written", written))
    for figures in fresh:
        print(_line("nothing changed, file just written", figures))
    print(_line(f"{len(edited)} meetings edited, file left", after))
    for figures in stale:
        print(_line(f"nothing changed, file lacking {len(edited)} meetings", figures))
    mean = lambda rows: sum(row["wall"] for row in rows) / len(rows)  # noqa: E731
    writing = written["wall"] - mean(fresh)
    redoing = mean(stale) - mean(fresh)
    print(f"writing the cache file: {writing:.2f} s, {writing / meetings * 1000:.2f} ms a meeting")
    print(f"a meeting folder the file lacks: {redoing / len(edited) * 1000:.1f} ms (of {len(edited)}: "
          f"{redoing:.2f} s a build)")
    return 0 if all(row["ok"] for row in (written, *fresh, after, *stale)) else 1


if __name__ == "__main__":
    sys.exit(main())
