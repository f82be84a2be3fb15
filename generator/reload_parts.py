"""What the live preview's last read of a meeting folder made of each of its files, for the next save to reuse.

A save changes one file of a meeting folder, most often, but the fast path
(quick.py, loader.reload_meeting) read the whole folder again: the minutes,
the most costly file to read, again for a paper added beside them, and each
paper again for a sentence in the minutes. `Parts` keeps, for the one folder
last read, what each file was read as (its record and the messages reading it
gave), with everything that reading depended on:

- its own bytes, and meeting.md's, whose fields the minutes, papers and action
  log are read against (the agenda, attendance, chair, date, whether private);
- for the minutes, whether meeting.md read without an error (`whole`); for the
  action log, the status the minutes read as;
- for a paper, the stat of each file in papers/ that is not Markdown, which
  its `file:` and `appendices:` may name (there, a link, its size, its digest);
- the registers it was read against (the loader cache's, the very same object)
  and the bodies there are.

A file is reused only when all of that is as it was: otherwise it is read as
if for the first time, so a folder reads as it would with no Parts at all.
Only one folder is kept (another folder's save replaces it), and only the files
read for the last save: a file taken away since is forgotten with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.diagnostics import Report


class Parts:
    """The files of the meeting folder read last, each with what reading it depended on, its record and messages."""

    def __init__(self):
        self.folder: Path | None = None
        self.registers = None  # the loader cache's "loaded registers" the files were read against: kept, to compare
        self.slugs: frozenset = frozenset()
        self.kept: dict[str, tuple] = {}  # file name -> (what it depended on, its record, its messages)
        self.fresh: dict[str, tuple] = {}  # the same, for the files read this time: the next time's `kept`

    def begin(self, folder: Path, registers, slugs: frozenset) -> None:
        """Start a read of `folder` against `registers` and the bodies `slugs`: what was read of another folder,
        or against other registers, is forgotten."""
        if folder != self.folder or registers is not self.registers or slugs != self.slugs:
            self.kept = {}
        self.folder, self.registers, self.slugs, self.fresh = folder, registers, slugs, {}

    def end(self) -> None:
        self.kept, self.fresh = self.fresh, {}

    def read(self, name: str, depends: tuple | None, path: Path, report: Report, make):
        """What `make()` gives for the file `path` (under `name`), reporting what it reported: the record of the
        last read when `depends` and the file's bytes are as they were then, else made now. `depends` None: what
        the file depends on is not known (meeting.md was saved again while it was read), so it is made, not kept."""
        if depends is None:
            return make()
        try:
            data = path.read_bytes()
        except OSError:
            return make()  # unreadable: `make` reports it, as the loader does
        key = (data, depends)
        noted = self.kept.get(name)
        if noted is not None and noted[0] == key:
            report.items.extend(noted[2])
            self.fresh[name] = noted
            return noted[1]
        before = len(report.items)
        made = make()
        try:
            unchanged = path.read_bytes() == data  # saved again while it was read: not kept, read next time
        except OSError:
            unchanged = False
        if unchanged:
            self.fresh[name] = (key, made, tuple(report.items[before:]))
        return made

    def bytes_of(self, name: str) -> bytes | None:
        """The bytes the file `name` was read from this time, None if it was not kept (unreadable, or saved again
        while it was read)."""
        noted = self.fresh.get(name)
        return noted[0][0] if noted is not None else None


class NoParts:
    """Every file read afresh: a build's, which reads each folder once."""

    def read(self, name: str, depends, path: Path, report: Report, make):
        return make()

    def bytes_of(self, name: str) -> None:
        return None


def data_files(folder: Path) -> tuple:
    """The stat of each entry of a papers/ folder that is not Markdown (a paper's `file:` may name it), and of the
    folder itself (a link, or not): what a paper's record depends on besides its own text."""
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, _stat(e.path)) for e in entries if not e.name.lower().endswith(".md"))
    except OSError:
        return ()
    return (_stat(str(folder)), tuple(found))


def _stat(path: str) -> tuple:
    try:
        st = os.lstat(path)
    except OSError:
        return ()
    linked = ()
    if os.path.islink(path):
        try:
            target = os.stat(path)
            linked = (target.st_ino, target.st_size, target.st_mtime_ns, target.st_ctime_ns)
        except OSError:
            linked = ("broken",)
    return st.st_mode, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, linked
