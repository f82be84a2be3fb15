"""What writing a site's files costs in Python and in the kernel: a full build writes each page into a folder of its
own (`/…/<page>/index.html`), some 130,000 files and folders at 2,000 meetings.

    python -m benchmarks.page_files [--files 20000] [--size 7500] [--turns 3] [--work DIR]

Each turn writes `--files` files of `--size` bytes, each in a folder of its
own, twenty folders to a parent, two ways in turn: with `write.write_new`, as
the build writes them, and with the calls pathlib makes for the same
(`Path.mkdir(parents=True, exist_ok=True)`, `Path.write_bytes`), as the build
wrote them before. Each way writes into a new folder, then again over the
files it wrote. Last, one tree is removed and a new one written at once with
`write_new`. For each it prints the process's user and system CPU time (from
`os.times`: the machine's other work does not count).

User time is Python's own; system time is the kernel's, which on a disk
whose ext4 has no journal grows when many inodes were freed in the last
minutes (docs/performance-history.md, "Where the time goes at 8ede5c4"): the
write right after a removal shows it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.write import write_new  # noqa: E402


def relatives(files: int) -> list[str]:
    return [f"body/{n // 20}/page-{n}/index.html" for n in range(files)]


def with_write_new(root: Path, names: list[str], data: bytes) -> None:
    for relative in names:
        write_new(f"{root}/{relative}", data)


def with_pathlib(root: Path, names: list[str], data: bytes) -> None:
    for relative in names:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


WAYS = {"write_new": with_write_new, "pathlib": with_pathlib}


def timed(write, root: Path, names: list[str], data: bytes) -> tuple[float, float]:
    """(user, system) CPU seconds of this process for one `write`."""
    before = os.times()
    write(root, names, data)
    after = os.times()
    return after.user - before.user, after.system - before.system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.page_files", description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--size", type=int, default=7500, help="bytes a file (a page is 4 to 50 KB)")
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--work", type=Path, help="a folder on the disk to measure (default: a temporary one)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="page-files-", dir=args.work))
    names, data = relatives(args.files), b"x" * args.size
    print(f"{args.files:,} files of {args.size:,} bytes, each in a folder of its own, in {work}")
    try:
        for turn in range(1, args.turns + 1):
            for name, write in WAYS.items():
                root = work / f"{name}-{turn}"
                fresh = timed(write, root, names, data)
                again = timed(write, root, names, data)
                print(f"  turn {turn}  {name:9}  new folder: user {fresh[0]:5.2f} s, system {fresh[1]:5.2f} s;  "
                      f"over its own files: user {again[0]:5.2f} s, system {again[1]:5.2f} s")
        shutil.rmtree(work / f"write_new-{args.turns}")
        after = timed(with_write_new, work / "after-removal", names, data)
        print(f"  write_new into a new folder right after removing a tree as large: "
              f"user {after[0]:5.2f} s, system {after[1]:5.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
