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
- for a paper, what papers/ is (a link or not, its mode, its inode), not its
  times, and the entry of each name its `file:` and its appendices' looked up
  there (there or not, a link, its size, its times: `Beside`), and once one of
  them was not a file there, the stat of every file of papers/ that is not
  Markdown, which the hint lists: a paper or a file added or taken away beside
  it, that it does not name, leaves it as it was;
- the registers it was read against (the loader cache's, the very same object)
  and the bodies there are.

A file is reused only when all of that is as it was: otherwise it is read as
if for the first time, so a folder reads as it would with no Parts at all.
Only one folder is kept (another folder's save replaces it), and only the files
read for the last save: a file taken away since is forgotten with it.

A file's bytes are known by their digest (filedigest.py's), so that the build
can note the same of every folder it reads (`Recorded`, a `Seed` in each of the
loader cache's meeting entries) for the first save after it, which read the
whole folder again where nothing was kept yet. The build takes a file's digest
from the walk that signed its folder (FileDigests.seen), holding it only when
the file's stat was the one noted with it both before and after it was read;
a seed is used only against the very registers (the loader cache's object)
its folder was read against, and a meeting kept by a build after a register
changed keeps none (loader.load_archive).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator.filedigest import stamp_of
from generator.markdown import make_block_parser


def digest_of(data: bytes) -> bytes:
    """A file's bytes as filedigest.digest_file digests them: how a file is known unchanged."""
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True, eq=False)
class Seed:
    """What a build read each file of one meeting folder as (`Recorded.files`), for the preview's first save to it,
    with the registers (the loader cache's object) and the bodies it was read against."""

    registers: object
    slugs: frozenset
    files: dict


class Parts:
    """The files of the meeting folder read last, each with what reading it depended on, its record and messages."""

    def __init__(self):
        self.folder: Path | None = None
        self.registers = None  # the loader cache's "loaded registers" the files were read against: kept, to compare
        self.slugs: frozenset = frozenset()
        self.kept: dict[str, tuple] = {}  # file name -> (what it depended on, its record, its messages)
        self.seeded: dict[str, tuple] = {}  # the same, as the last build read the folder (Seed.files)
        self.fresh: dict[str, tuple] = {}  # the same, for the files read this time: the next time's `kept`
        self._parser = None  # see parser()

    def parser(self):
        """The Markdown block parser the folder's texts are read with (markdown.make_block_parser), made once for
        the session, as a build makes one for all its meetings: made for each save, it was 0.5 ms of every save's
        reading. It keeps nothing of what it parsed (each parse is given its own state)."""
        if self._parser is None:
            self._parser = make_block_parser()
        return self._parser

    def begin(self, folder: Path, registers, slugs: frozenset, seed: Seed | None = None) -> None:
        """Start a read of `folder` against `registers` and the bodies `slugs`: what was read of another folder,
        or against other registers, is forgotten. `seed`: what the last build read the folder's files as, looked
        at first: its records are those the session's index and memo of digests hold (the rebuild after each
        save reads the saved folder again), and the first save to a folder has nothing else."""
        if folder != self.folder or registers is not self.registers or slugs != self.slugs:
            self.kept = {}
        usable = seed is not None and seed.registers is registers and seed.slugs == slugs
        self.seeded = seed.files if usable else {}
        self.folder, self.registers, self.slugs, self.fresh = folder, registers, slugs, {}

    def end(self) -> None:
        self.kept, self.fresh, self.seeded = self.fresh, {}, {}

    def read(self, name: str, depends: tuple | None, path: Path, report: Report, make, beside: Beside | None = None):
        """What `make()` gives for the file `path` (under `name`), reporting what it reported: the record of the
        last read when `depends` and the file's bytes are as they were then, else made now. `depends` None: what
        the file depends on is not known (meeting.md was saved again while it was read), so it is made, not kept.
        `beside`: a paper's, which `make` tells the files of papers/ it looks up; kept while they are as they
        were (`Beside.holds`)."""
        if depends is None:
            return make()
        try:
            data = path.read_bytes()
        except OSError:
            return make()  # unreadable: `make` reports it, as the loader does
        key = (digest_of(data), depends)
        for noted in (self.seeded.get(name), self.kept.get(name)):
            if noted is not None and noted[0] == key and (noted[3] is None or Beside.holds(path.parent, noted[3])):
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
            self.fresh[name] = (key, made, tuple(report.items[before:]), beside.noted() if beside else None)
        return made

    def digest_of(self, name: str) -> bytes | None:
        """The digest of the bytes the file `name` was read from this time, None if it was not kept (unreadable,
        or saved again while it was read)."""
        noted = self.fresh.get(name)
        return noted[0][0] if noted is not None else None


class Recorded:
    """A build's read of one meeting folder, each file read once as ever, noting what it was read as for the
    preview's first save (`files`, as `Parts.kept`). `known`: FileDigests.seen, the digest of each file of the
    folder with the stat it was taken at; a file whose stat is another before or after it is read (saved
    meanwhile) is not noted. meeting.md's record is not kept (its own YAML, a small file read again), only its
    digest, which the other files depend on."""

    def __init__(self, known: dict | None):
        self.known = known or {}
        self.files: dict[str, tuple] = {}
        self.digests: dict[str, bytes] = {}

    def read(self, name: str, depends, path: Path, report: Report, make, beside: Beside | None = None):
        noted = self.known.get(str(path))
        if noted is None or depends is None:
            return make()
        try:
            stamp = stamp_of(os.stat(path))
        except OSError:
            return make()
        before = len(report.items)
        made = make()
        try:
            unchanged = stamp == noted[0] == stamp_of(os.stat(path))
        except OSError:
            unchanged = False
        if unchanged:
            self.digests[name] = noted[1]
            if name != "meeting.md":
                self.files[name] = ((noted[1], depends), made, tuple(report.items[before:]),
                                    beside.noted() if beside else None)
        return made

    def digest_of(self, name: str) -> bytes | None:
        return self.digests.get(name)


# the stat fields that change as a file is written, and those that say what a folder is, not what is in it
_TIMES = ("st_ino", "st_size", "st_mtime_ns", "st_ctime_ns")
_WHAT = ("st_mode", "st_dev", "st_ino")


class Beside:
    """The files of its papers/ folder one paper's reading looked up (attachments.read): the entry of each name its
    `file:` and its appendices' give, as it was before it was looked at, and, once a name was not a file there,
    every file of the folder that is not Markdown (`data_files`), which the message's hint lists. What the
    paper's record depends on in papers/ besides what the folder is (`folder_kind`): a PDF added that it does not
    name, or taken away, leaves it as it was, where every paper of the folder was read again for it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.looked: dict[str, tuple] = {}
        self.listed: tuple | None = None

    def look(self, name: str) -> None:
        """Note the entry `name` of the folder, before the paper's reading looks at it."""
        if name not in self.looked:
            self.looked[name] = _stat(os.path.join(self.folder, name))

    def missed(self) -> None:
        """Note every file of the folder, before the hint for a name that is not one there lists them."""
        if self.listed is None:
            self.listed = data_files(self.folder)

    def noted(self) -> tuple:
        return tuple(sorted(self.looked.items())), self.listed

    @staticmethod
    def holds(folder: Path, noted: tuple) -> bool:
        """Whether the files `noted` (`noted()`) of the papers/ folder `folder` are as they were."""
        looked, listed = noted
        return all(_stat(os.path.join(folder, name)) == stat for name, stat in looked) and (
            listed is None or data_files(folder) == listed)


def data_files(folder: Path) -> tuple:
    """The stat of each entry of a papers/ folder that is not Markdown, and what the folder itself is: what the
    hint for a name a paper's `file:` gives, not a file there, lists (attachments._which_file). Not the folder's
    times, which change as any file is added to it or taken away."""
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, _stat(e.path)) for e in entries if not e.name.lower().endswith(".md"))
    except OSError:
        return ()
    return (folder_kind(folder), tuple(found))


def folder_kind(folder: Path) -> tuple:
    """A folder as what it is and where it leads, not its times: its mode (its permissions too), its inode, and a
    link's target's. Every paper's record depends on what its papers/ folder is (attachments.read refuses a file
    of a folder that is a link)."""
    return _stat(str(folder), _WHAT, _WHAT)


def _stat(path: str, own: tuple = ("st_mode",) + _TIMES, target: tuple = _TIMES) -> tuple:
    """The `own` fields of the entry's lstat, and a link's target's `target` fields ("broken" where it leads
    nowhere); () where there is no such entry, or no entry can be so named (a NUL in a paper's `file:`)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return ()
    linked = ()
    if os.path.islink(path):
        try:
            led = os.stat(path)
            linked = tuple(getattr(led, name) for name in target)
        except OSError:
            linked = ("broken",)
    return tuple(getattr(st, name) for name in own) + (linked,)
