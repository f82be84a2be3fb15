"""What a rendering process spends listing its pages: every page of the site made, against its own share
(`build._shard`), which counts the other processes' meetings' pages without making them.

    python -m benchmarks.shard_listing --content ARCHIVE [--jobs 2] [--turns 3]

Prepares ARCHIVE once in this process (loading, validating, resolving: as a
cold build does, without the build cache), then, in turns, makes every page
of the site with its context and deps (`pages.all_pages`, what each rendering
process made before) and each process's share. Prints the wall time of each,
with the cycle collector off, as the build runs.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator import build  # noqa: E402
from generator.diagnostics import Report  # noqa: E402
from generator.pages import all_pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.shard_listing", description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2, help="rendering processes to share the pages out to")
    parser.add_argument("--turns", type=int, default=3)
    args = parser.parse_args(argv)
    content = args.content.resolve()
    gc.disable()
    report = Report(root=content)
    started = time.perf_counter()
    prepared = build.prepare(build.Options(content=content), report, {}, {}, {}, {})
    if prepared is None:
        print(f"{content} has errors; `minutebook check --content {content}` lists them", file=sys.stderr)
        return 1
    print(f"{content}: prepared in {time.perf_counter() - started:.1f} s")
    for turn in range(1, args.turns + 1):
        started = time.perf_counter()
        every = sum(1 for _ in all_pages(prepared.index, prepared.today, prepared.refs))
        line = [f"  turn {turn}  every page: {every:,} in {time.perf_counter() - started:.2f} s"]
        for shard in range(args.jobs):
            started = time.perf_counter()
            own = sum(1 for _ in build._shard(prepared, args.jobs, shard))
            line.append(f"process {shard + 1}'s: {own:,} in {time.perf_counter() - started:.2f} s")
        print(";  ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
