"""Whether the build cache would be cheaper to read and write in parts: the measurement behind "a cache written in
parts" in docs/performance-history.md (tried, and not kept).

    python -m benchmarks.cache_parts CACHE_FILE

CACHE_FILE is a build cache a build of a large archive left
(`.minutebook/cache/build-*.pickle`). The script writes and reads it back whole,
as generator/cache.py does, then in parts:

- one part per body's meeting folders, one for the registers, one for the
  reference scan, each written alone, so that a warm build would write only
  the parts that changed;
- a main part for the rest (the memos, the digests), which
  hold records of every part. Pickled alone, the main part would hold copies of
  those records, and the cache's point is that they come back as the very
  same objects (cache.py). So the main part's pickler is given the parts'
  objects as its memo, and refers to them by number. On reading, a prelude
  puts them into the unpickler's memo under the same numbers, because
  `Unpickler.memo` does not take a dict.

It prints the time to write all the parts, the time to write the main part
alone (with its memo table), and the time to read everything back. It then
checks that identity survived: the memos read back in parts hold the loader's
very meetings, as many as the cache read back whole does (copies would hold
none). Everything runs in this one process, one after the other.
"""

from __future__ import annotations

import argparse
import array
import gc
import io
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Objects left out of the shared memo: plain values, which may be copied, and classes, which pickle by name.
_PLAIN = (str, bytes, int, float, type, dict)


def _shared(memo_items) -> list:
    """The objects of one part, in memo order, that the main part may refer to."""
    return [obj for _, obj in sorted(memo_items, key=lambda entry: entry[0]) if type(obj) not in _PLAIN]


def split(cache) -> dict:
    """Part name -> {key: entry}: the loader's meeting folders by body, the registers, the reference scan."""
    parts: dict[str, dict] = {}
    for key, entry in cache.loader.items():
        parts.setdefault(f"loader {key.parent}" if isinstance(key, Path) else "loader registers", {})[key] = entry
    parts["scan"] = dict(cache.scan)
    return parts


def write_parts(cache, parts: dict) -> tuple[dict, bytes, float, float]:
    """(part name -> bytes, the main part's bytes, seconds for everything, seconds for the main part alone)."""
    started = time.perf_counter()
    written, shared = {}, []
    for name, entries in parts.items():
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dump(entries)
        written[name] = out.getvalue()
        shared.extend(_shared(pickler.memo.copy().values()))
    main_started = time.perf_counter()
    out = io.BytesIO()
    # Protocol 3 numbers each memo entry explicitly (PUT n), which the memo given here needs: protocol 4's
    # MEMOIZE numbers entries by how many the unpickler holds.
    pickler = pickle.Pickler(out, protocol=3)
    pickler.memo = dict(zip(map(id, shared), zip(range(len(shared)), shared)))
    pickler.dump((list(cache.loader), cache.site, cache.memos, cache.digests))
    done = time.perf_counter()
    return written, out.getvalue(), done - started, done - main_started


def read_parts(written: dict, main: bytes):
    """The cache read back from its parts, with the objects the main part refers to the very ones of the parts."""
    from generator.cache import BuildCache

    parts, shared = {}, []
    for name, data in written.items():
        unpickler = pickle.Unpickler(io.BytesIO(data))
        parts[name] = unpickler.load()
        shared.extend(_shared((index, obj) for index, obj in unpickler.memo.copy().items()))
    # The prelude: for each shared object n, push n, fetch it through persistent_load (BINPERSID), store it in the
    # memo as n (LONG_BINPUT), pop it; then None and STOP. 12 bytes an object, laid out with slices.
    count, size = len(shared), 12
    numbers = array.array("I", range(count))
    if sys.byteorder != "little":
        numbers.byteswap()
    little = numbers.tobytes()
    prelude = bytearray(size * count + 2)
    prelude[0:size * count:size] = b"J" * count  # BININT n
    prelude[5:size * count:size] = b"Q" * count  # BINPERSID
    prelude[6:size * count:size] = b"r" * count  # LONG_BINPUT n
    prelude[11:size * count:size] = b"0" * count  # POP
    for byte in range(4):
        prelude[1 + byte:size * count:size] = little[byte::4]
        prelude[7 + byte:size * count:size] = little[byte::4]
    prelude[size * count:] = b"N."
    unpickler = pickle.Unpickler(io.BytesIO(bytes(prelude) + main))
    unpickler.persistent_load = shared.__getitem__
    unpickler.load()
    order, site, memos, digests = unpickler.load()
    scan = parts.pop("scan")
    entries = {key: entry for part in parts.values() for key, entry in part.items()}
    return BuildCache(loader={key: entries[key] for key in order}, scan=scan, site=site, memos=memos,
                      digests=digests)


def held_alike(cache) -> int:
    """How many of the memos' entries for meetings hold the very Meeting object the loader holds: pickled together
    (or in parts that keep identity) all of them; copies, none."""
    meetings = {id(entry[1]) for key, entry in cache.loader.items() if isinstance(key, Path)}
    return sum(id(entry[0]) in meetings for entry in cache.memos.published.values()) if cache.memos else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cache_parts", description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", type=Path, help="a build cache: .minutebook/cache/build-*.pickle")
    args = parser.parse_args(argv)
    gc.disable()  # as the build does (build.without_cycle_collector)
    from generator.cache import value_of

    data = args.cache.read_bytes()
    started = time.perf_counter()
    cache = value_of(data)
    read_whole = time.perf_counter() - started
    started = time.perf_counter()
    whole = pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL)
    write_whole = time.perf_counter() - started
    parts = split(cache)
    written, main_part, write_all, write_main = write_parts(cache, parts)
    started = time.perf_counter()
    again = read_parts(written, main_part)
    read_all = time.perf_counter() - started
    size = (sum(map(len, written.values())) + len(main_part)) / 2**20
    print(f"{args.cache}: {len(data) / 2**20:.1f} MB")
    print(f"whole:    write {write_whole:6.2f} s  read {read_whole:6.2f} s  {len(whole) / 2**20:7.1f} MB")
    print(f"in parts: write {write_all:6.2f} s  read {read_all:6.2f} s  {size:7.1f} MB in {len(written)} parts and "
          f"a main part; the main part alone: write {write_main:.2f} s")
    held, held_again = held_alike(cache), held_alike(again)
    same = held == held_again and len(again.loader) == len(cache.loader) and again.scan == cache.scan
    print(f"the memos hold the loader's very meetings: {held} read whole, {held_again} read in parts"
          + ("" if same else "  <- NOT THE SAME"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
