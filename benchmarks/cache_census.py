"""What a build cache holds and what it costs: the figures behind "What would meet the goals" in
docs/performance.md, on why a warm build cannot get below the time it takes to read and write its cache.

    python -m benchmarks.cache_census CACHE_FILE [--repeat 3]

CACHE_FILE is a build cache a build of a large archive left
(`.minutebook/cache/build-*.pickle`). The script reads it as generator/cache.py
does and prints:

- the process's resident memory before and after reading it, and its size on disk;
- the fastest of `--repeat` writes (to memory) and reads of the whole cache;
- how many objects pickle keeps in its memo for each part of the cache (the
  objects a part shares with a part before it are counted with the earlier
  one), with the commonest kinds, and each part's share of the objects, the
  figure the time to write and read goes with;
- the same figures for the site record, a file of its own beside the cache.
"""

from __future__ import annotations

import argparse
import collections
import gc
import io
import os
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def parts(cache) -> list[tuple[str, object]]:
    """The cache's parts in the order pickle meets them (cache.BuildCache's fields), the memos one by one."""
    found = [("loaded meetings and registers", cache.loader), ("reference scan", cache.scan)]
    memos = cache.memos.__getstate__() if cache.memos is not None else {}
    found += [(f"memos: {name}", value) for name, value in memos.items()]
    return found + [("handed-down digests", cache.digests)]


def census(cache) -> list[tuple[str, int, collections.Counter]]:
    """(part, objects new to pickle's memo, their kinds) of each part, pickled one after the other by one pickler."""
    pickler = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
    seen: set[int] = set()
    rows = []
    for name, value in parts(cache):
        pickler.dump(value)
        memo = pickler.memo.copy()
        fresh = [obj for key, (_, obj) in memo.items() if key not in seen]
        seen.update(memo)
        rows.append((name, len(fresh), collections.Counter(type(obj).__name__ for obj in fresh)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cache_census", description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", type=Path, help="a build cache (.minutebook/cache/build-*.pickle)")
    parser.add_argument("--repeat", type=int, default=3, help="writes and reads of the whole cache (default 3)")
    args = parser.parse_args(argv)
    gc.disable()  # as the build does (build.without_cycle_collector)
    import generator.build  # noqa: F401  (the classes the cache holds, imported before measuring)
    from generator.cache import site_file, value_of

    before = resident_mb()
    data = args.cache.read_bytes()
    cache = value_of(data)
    after = resident_mb() - len(data) / 1e6
    print(f"{args.cache.name}: {len(data) / 1e6:.1f} MB pickled, {after - before:.0f} MB resident once read")
    write = read = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        again = pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL)
        write = min(write, time.perf_counter() - started)
        started = time.perf_counter()
        copy = pickle.loads(again)
        read = min(read, time.perf_counter() - started)
        del copy  # freeing it is not reading it
    rows = census(cache)
    total = sum(count for _, count, _ in rows)
    print(f"whole cache: write {write:.2f} s, read {read:.2f} s (fastest of {args.repeat}); {total:,} objects, "
          f"{write / total * 1e6:.2f} and {read / total * 1e6:.2f} µs an object")
    for name, count, kinds in rows:
        common = ", ".join(f"{kind} {n:,}" for kind, n in kinds.most_common(4))
        print(f"  {name:32s} {count:>10,} objects {count / total:6.1%}  {common}")
    site_record(site_file(args.cache), args.repeat)
    return 0


def site_record(path: Path, repeat: int) -> None:
    """The site record, a file of its own beside the cache (generator/cache.py), written after every build
    that changed the site."""
    if not path.exists():
        print(f"{path.name}: none")
        return
    from generator.cache import value_of

    data = path.read_bytes()
    record = value_of(data)
    write = read = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        again = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        write = min(write, time.perf_counter() - started)
        started = time.perf_counter()
        pickle.loads(again)
        read = min(read, time.perf_counter() - started)
    pickler = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(record)
    print(f"{path.name}: {len(data) / 1e6:.1f} MB pickled, {len(pickler.memo.copy()):,} objects, "
          f"write {write:.2f} s, read {read:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
