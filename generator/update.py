"""The write stage of a warm build: update the previous site in place, changing only what changed.

A full build stages every file and swaps the folder in (write.py). At 60,000
pages that swap means creating and deleting 60,000 files, which on an ordinary
disk takes longer than rendering the one meeting that changed. So when the
build cache says what the site in the output folder was built from, a build
renders only the pages whose inputs changed (fingerprint.py), stages just
those, re-indexes just the search bundles holding them, and then commits:

1. changed files are moved over their old versions (`os.replace`, atomic per file);
2. pages and files the site no longer has are deleted;
3. rebuilt folders (search bundles, the search tables) replace the old ones.

Every check, rendering and Pagefind run happens before step 1, so a failed
build still leaves the previous site exactly as it was. The result is the
same, byte for byte, as a full build of the same content (tests/test_update.py
checks it).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.intact import Noted
from generator.memo import same
from generator.urls import output_file


@dataclass
class SiteRecord:
    """What the site in one output folder was built from, kept in the build cache."""

    out: str = ""  # the output folder, resolved
    folder: tuple = ()  # the folder's inode and modification time, as the build left it (folder_stamp)
    fingerprint: tuple = ()  # registers, templates, drafts (build.site_fingerprint): any page may change with it
    search: bool = False  # whether the site has a search index
    pages: dict = field(default_factory=dict)  # address -> digest of the page's inputs, in page order
    files: tuple = ()  # feeds, data, static files: everything besides pages and the search index
    outputs: dict = field(default_factory=dict)  # address -> digest of the inputs of a file made from records
    tops: frozenset = frozenset()  # the site's top-level entries (they decide the search bundles)
    spans: dict = field(default_factory=dict)  # where each record lies in the open data (exports.Reused)
    sums: dict = field(default_factory=dict)  # address -> (size, SHA-256) of each file a build may keep (Outputs.note)
    # meeting key -> (digest of its pages' inputs, {address: (page digest, digest of its backlinks and references)})
    groups: dict = field(default_factory=dict)
    stats: Noted = field(default_factory=Noted)  # every file's size and time as the build left it (intact.py)


class Outputs:
    """Answers feeds.atom_feeds' `unchanged` question against the previous build's digests, noting the new ones.

    `seen` (the live preview's): each file's inputs and their digest the last
    time; inputs made of the very same objects are not digested again.
    `sums`: the previous build's `sums` (`note`).
    """

    def __init__(self, memo, previous: dict | None = None, seen: dict | None = None, sums: dict | None = None):
        self.memo, self.previous = memo, previous if previous is not None else {}
        self.digests: dict[str, bytes] = {}
        self.kept: list[str] = []
        self.seen = seen
        self.inputs: dict[str, tuple] = {}  # what `seen` is for the next time
        self.previous_sums = sums if sums is not None else {}
        self.sums: dict[str, tuple[int, str]] = {}

    def __call__(self, address: str, inputs) -> bool:
        relative = address.lstrip("/")
        known = self.seen.get(relative) if self.seen is not None else None
        if known is None or not same(known[0], inputs):  # else the old pair kept: see memo.ByIdentity
            known = (inputs, self.memo.of(inputs))
        digest = self.digests[relative] = known[1]
        if self.seen is not None:
            self.inputs[relative] = known
        if self.previous.get(relative) == digest:
            self.kept.append(relative)
            return True
        return False

    def note(self, address: str, sums: tuple[int, str]) -> None:
        """The size and SHA-256 of the file made at `address`, which /data/index.json lists (exports.py): a later
        build that keeps the file, as this one made it, lists them without making it again (`noted`)."""
        self.sums[address.lstrip("/")] = sums

    def noted(self, address: str) -> tuple[int, str] | None:
        """The size and SHA-256 of the file at `address` that this build keeps (it said so), as the build that made
        it noted them, noted again for the next; None where none were."""
        relative = address.lstrip("/")
        sums = self.previous_sums.get(relative)
        if sums is not None:
            self.sums[relative] = sums
        return sums

    def forget(self, address: str) -> None:
        """Note nothing of a file that was not made after all, so that the next build makes it."""
        relative = address.lstrip("/")
        self.digests.pop(relative, None)
        self.inputs.pop(relative, None)
        self.sums.pop(relative, None)


def forget_touched(record: SiteRecord, touched: set[str]) -> None:
    """Make `record` say nothing of the output files in `touched` (cache.touched_file), as if each had changed:
    the next warm build renders those pages, makes those files again, and removes those that are no longer
    part of the site (pages and files it had not recorded included)."""
    pages = {output_file(url): url for url in record.pages}
    urls = set()
    for relative in touched:
        url = pages.get(relative)
        if url is None and (relative == "index.html" or relative.endswith("/index.html")) \
                and relative not in record.files:
            url = "/" + relative.removesuffix("index.html")
        if url is not None:
            urls.add(url)
    record.pages = {**record.pages, **{url: b"" for url in urls}}
    record.outputs = {address: digest for address, digest in record.outputs.items() if address not in touched}
    record.files = tuple(sorted(set(record.files) | (touched - {output_file(url) for url in urls})))
    record.groups = {key: group for key, group in record.groups.items() if not urls & group[1].keys()}


def forget_changed(record: SiteRecord, changed: set[str]) -> set[str]:
    """Make `record` say nothing of the pages and files in `changed` (intact.changed_since: deleted or altered
    since the record was written), as of those the live preview touched, so that the next warm build makes them
    again; the rest of `changed`, the search index's files, is returned: its bundles are made again instead
    (search_index.holding), and its tables every warm build with search makes anew."""
    pages = {output_file(url) for url in record.pages}
    files = set(record.files)
    made = {relative for relative in changed if relative in pages or relative in files}
    if made:
        forget_touched(record, made)
    return changed - made


def folder_stamp(out: Path) -> tuple:
    """What tells the output folder the last build left from another: its inode and its modification time.
    A full build swaps in a new folder, and a deletion leaves none: both change. The live preview writes into
    its folder after its build recorded it, which changes the time but not the inode; a copy that keeps
    times (a CI job's cache restored, `cp -a`) has a new inode but the same time. See `same_folder`."""
    try:
        st = os.stat(out)
    except OSError:
        return ()
    return st.st_ino, st.st_mtime_ns


def same_folder(recorded: tuple, now: tuple) -> bool:
    """The folder the record describes, or a copy of it, by its inode or by its modification time."""
    return bool(recorded and now) and (recorded[0] == now[0] or recorded[1] == now[1])


def reusable(record: SiteRecord | None, out: Path, fingerprint: tuple, search: bool) -> bool:
    """Whether the output folder still holds the site the record describes.

    Files deleted or altered since are made again (intact.py, forget_changed); files added by hand below the
    top level go unnoticed by a warm build; `minutebook build --no-cache` always builds the whole folder afresh.
    """
    return why_not_reusable(record, out, fingerprint, search) is None


def why_not_reusable(record: SiteRecord | None, out: Path, fingerprint: tuple, search: bool) -> str | None:
    """None where the output folder still holds the site the record describes (`reusable`); else why every page
    must be built, for the line the build says: an operator whose CI job restored site/ without its files'
    times, or who edited a template, saw a build of every page and no word of why. "" where no build is on
    record (the first, or one stopped half way), which needs no saying."""
    if record is None or not record.pages:
        return ""
    if record.out != str(out):
        return f"the build cache describes the site in {record.out}"
    if not same_folder(record.folder, folder_stamp(out)):
        return (f"{out.name}/ is not the folder the last build left (removed, replaced by a build with other "
                "options such as --drafts, or copied or restored without its modification times)")
    if record.fingerprint != fingerprint:
        # build.site_fingerprint's four parts, in its order
        parts = ("what every page shows of site.yaml, the people register and the bodies' files",
                 "a template", "the build date, which the site's own templates show", "--drafts")
        changed = [part for part, was, now in zip(parts, record.fingerprint, fingerprint) if was != now]
        if parts[1] in changed:  # the first part then holds the registers whole if the templates mention `index`
            changed = [part for part in changed if part != parts[0]]
        return " and ".join(changed or parts[:1]) + " changed"
    if record.search != search:
        return f"search indexing is {'on' if search else 'off'}, and was {'off' if search else 'on'} in the last build"
    # Something put into the folder by hand is noticed at its top level (cheaply) and a full build removes it.
    expected, found = set(record.tops) | ({"pagefind"} if search else set()), set(os.listdir(out))
    if found != expected:
        added, gone = sorted(found - expected), sorted(expected - found)
        return "; ".join(([f"{', '.join(added)} put into {out.name}/ since the last build, which this build clears "
                           "out"] if added else [])
                         + ([f"{', '.join(gone)} taken out of {out.name}/"] if gone else []))
    return None


def top_of(relative: str) -> str:
    """The top-level entry a page address or a relative file path lives under ('' for the home page)."""
    return relative.strip("/").split("/", 1)[0]


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds `data`, read a megabyte at a time: the open-data files are tens of
    megabytes in a large archive, and each read whole beside the new one added its size to the warm build's
    largest process, the one making the data files."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size != len(data):
                return False
            view, at = memoryview(data), 0
            while chunk := handle.read(1 << 20):
                if view[at:at + len(chunk)] != chunk:
                    return False
                at += len(chunk)
            return at == len(data)
    except OSError:
        return False


def drop_if_unchanged(staged: Path, live: Path) -> bool:
    """Remove `staged` when `live` holds the same bytes, so that `live` stays as it is; whether it did."""
    try:
        if staged.stat().st_size != live.stat().st_size or staged.read_bytes() != live.read_bytes():
            return False
    except OSError:
        return False
    staged.unlink()
    return True


def commit(staged: Path, live: Path, files: list[str], delete: list[str], folders: list[str],
           keep: dict[str, tuple] | None = None) -> None:
    """Apply a staged update: `files` moved over, `delete` removed, each of `folders` swapped for its staged copy.

    A folder swap replaces the folder's entries, except those named in
    `keep[folder]` (the primary search bundle holds the body bundles).
    """
    keep = keep or {}
    trash = live.parent / f".{live.name}.old-{os.getpid()}"
    for relative in files:
        target = live / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged / relative, target)
    for relative in delete:
        target = live / relative
        target.unlink(missing_ok=True)
        prune_empty(target.parent, live)
    for number, relative in enumerate(folders):
        source, target = staged / relative, live / relative
        target.mkdir(parents=True, exist_ok=True)
        kept = set(keep.get(relative, ()))
        old = trash / str(number)
        for entry in sorted(target.iterdir()):
            if entry.name not in kept:
                old.mkdir(parents=True, exist_ok=True)
                entry.rename(old / entry.name)
        if source.is_dir():
            for entry in sorted(source.iterdir()):
                if entry.name not in kept:
                    entry.rename(target / entry.name)
    shutil.rmtree(trash, ignore_errors=True)


def prune_empty(folder: Path, root: Path) -> None:
    """Remove folders left empty by deleting a page (or a search file), up to `root`, the site root."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
