"""What says a content file is unchanged: the digest of its bytes, read again only when its stat changed.

The build cache reuses a meeting folder while its files are unchanged. A stat
(inode, size, modification time) is cheap, but it also changes for a file
whose bytes did not: checked out again by git when switching branches, copied,
restored from a CI cache, touched. Keyed by stat alone, each such file was
parsed again. So a file's signature is its size and a digest of its bytes, and
a file is read to be digested only when its stat is not the one noted with its
digest by the previous build.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat


class NotAFile(OSError):
    """A pipe, a socket or a device where a content file was expected."""


def read_file(path: str | os.PathLike) -> bytes:
    """A content file's bytes; NotAFile for what is no file: a named pipe called minutes.md would be waited on for
    ever, and a link to a device (/dev/zero) read for ever, the build never ending."""
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotAFile(errno.EINVAL, "a pipe, a socket or a device, not a file")
        return handle.read()


def digest_file(path: str | os.PathLike) -> bytes:
    """The digest of a file's bytes; empty for a file that cannot be read (the loader then reports why)."""
    try:
        return hashlib.blake2b(read_file(path), digest_size=16).digest()
    except OSError:
        return b""


def stamp_of(st: os.stat_result) -> tuple:
    """What says a file is as it was when its digest was taken. The change time too: a file made readable again
    (chmod) keeps its modification time."""
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class StatChecked:
    """The digests a build noted (FileDigests.seen), each given only while its file's stat is the one noted with it:
    the live preview's fast path reads a meeting folder again on each save (loader.reload_meeting), where a paper's
    PDF, unchanged, was read and digested again each time. A file replaced since (a PDF saved over) has another
    stat, and is read again, as the next build reads it."""

    def __init__(self, seen: dict | None):
        self.seen = seen or {}

    def get(self, path: str):
        noted = self.seen.get(path)
        if noted is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        return noted if noted[0] == stamp_of(st) else None


class FileDigests:
    """Digests of files by path, taken from `known` (the previous build's `seen`) while their stat is unchanged."""

    def __init__(self, known: dict | None = None):
        self.known = known or {}  # path -> ((inode, size, modification and change times), digest)
        self.seen: dict[str, tuple] = {}  # the same, for the files asked about this time: what the cache keeps

    def signature(self, path: str, st: os.stat_result) -> tuple:
        stamp = stamp_of(st)
        noted = self.known.get(path)
        if noted is None or noted[0] != stamp:
            noted = (stamp, digest_file(path))
        if noted[1]:  # one that could not be read is read again next time
            self.seen[path] = noted
        return path, st.st_size, noted[1]
