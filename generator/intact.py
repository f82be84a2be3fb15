"""Whether the output folder still holds the files the last build left there, as it left them.

A warm build renders only the pages whose inputs changed and trusts the rest
of the folder to be what the last build wrote. A page deleted from site/ by
hand, or cut short by a full disk or an interrupted copy, stayed so through
every later build, although the operator had built again. So the site record
notes every file's size and modification time as the build left it
(update.SiteRecord.stats), and the next build compares them with the folder's,
one os.stat a file, and makes again whatever is missing or differs: 0.4 s of
one core for the 99,846 files of a 2,000-meeting site, taken on the second
core while the build cache is read (build._run). The notes are kept packed
(`Noted`): as a dict of paths they took 18.4 MB of every warm build's memory
for the 74,709 files of such a site without search.

A file given other bytes of the same size with its time put back goes
unnoticed, as do files added by hand below the top level (update.reusable);
`minutebook build --no-cache` builds the whole folder afresh.
"""

from __future__ import annotations

import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path

Stats = dict[str, tuple[int, int]]  # path relative to the site -> (size, modification time in ns)


@dataclass
class Noted:
    """Stats as the site record keeps them: two objects, however many files."""

    names: bytes = b""  # the paths relative to the site, in order, each ended by a NUL (no name holds one)
    values: array = field(default_factory=lambda: array("q"))  # the size and time of each, in turn


def pack(stats: Stats) -> Noted:
    names = sorted(stats)
    values = array("q")
    for name in names:
        values.extend(stats[name])
    return Noted(b"".join(os.fsencode(name) + b"\0" for name in names), values)


def unpack(noted: Noted) -> Stats:
    values = noted.values
    return {os.fsdecode(name): (values[2 * at], values[2 * at + 1])
            for at, name in enumerate(noted.names.split(b"\0")[:-1])}


def stat_tree(root: Path, under: str = "", leave: frozenset[str] = frozenset()) -> Stats:
    """Every file below `root / under` (the whole folder when `under` is ''), but the entries of that folder
    named in `leave` (the body bundles, which a swap of the primary bundle's folder keeps: update.commit)."""
    stats: Stats = {}
    start = f"{root}/{under}" if under else str(root)
    cut = len(str(root)) + 1
    stack = [start]
    while stack:
        folder = stack.pop()
        try:
            entries = os.scandir(folder)
        except OSError:  # not there: nothing below it
            continue
        with entries:
            for entry in entries:
                if folder == start and entry.name in leave:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                try:
                    status = entry.stat()
                except OSError:
                    continue
                stats[entry.path[cut:]] = (status.st_size, status.st_mtime_ns)
    return stats


def changed_since(root: Path, noted: Noted) -> set[str]:
    """The files `noted` that `root` no longer holds, or holds with another size or modification time."""
    changed = []
    prefix, values = os.fsencode(f"{root}/"), noted.values
    for at, name in enumerate(noted.names.split(b"\0")[:-1]):
        try:
            status = os.stat(prefix + name)
        except OSError:
            changed.append(name)
            continue
        if status.st_size != values[2 * at] or status.st_mtime_ns != values[2 * at + 1]:
            changed.append(name)
    return {os.fsdecode(name) for name in changed}


def after_update(noted: Noted, root: Path, written, removed, folders, keep: dict[str, tuple]) -> Noted:
    """`noted` once a warm build's update.commit has moved `written` into `root`, removed `removed` and swapped
    each of `folders` (but the entries `keep` names) for a new one. `written` may name files the build found
    changed and left as they were (the same bytes, a new time): noted again, they count as the build's."""
    if not (written or removed or folders):
        return noted
    stats = unpack(noted)
    for relative in removed:
        stats.pop(relative, None)
    for folder in folders:
        below, kept = f"{folder}/", frozenset(keep.get(folder, ()))
        for relative in [r for r in stats if r.startswith(below) and r[len(below):].split("/", 1)[0] not in kept]:
            del stats[relative]
        stats.update(stat_tree(root, folder, kept))
    prefix = f"{root}/"
    for relative in written:
        try:
            status = os.stat(prefix + relative)
        except OSError:
            stats.pop(relative, None)
            continue
        stats[relative] = (status.st_size, status.st_mtime_ns)
    return pack(stats)
