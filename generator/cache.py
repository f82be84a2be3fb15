"""The build cache: what a previous build parsed, kept on disk for the next one.

Parsing Markdown is most of a build's time. A build saves the loaded meeting
folders (reused while their files hold the same bytes, filedigest.py) and
the reference scan (reused while the set of link targets is
unchanged), so a build after a one-file change parses one file. It also saves
a digest of each page's inputs and what the output folder holds, so the next
build renders only the pages that changed (update.py). The cache only ever
skips work: a missing, stale or unreadable cache gives the same site, just
more slowly.

Everything but the site record is pickled in one piece, so that an object
several parts hold comes back as one object: the loaded meetings, the digests
of their records (fingerprint.handed_down) and the memos each stage keeps by
the identity of those records (build.Memos) find each other again in the next
build's process.

The site record (update.SiteRecord) is a file of its own. It must describe the
output folder exactly, so it is removed before a build changes the folder and
written after every build that did. It holds only addresses and digests, so it
shares no object with the rest. The rest only ever spares work, so it may be
older than the site: a build that made little anew leaves it as it was
(build.worth_writing), and the next build does that little again, instead of
writing 140 MB at 2,000 meetings each time.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__, pickled_texts
from generator.fingerprint import Known
from generator.parallel import has_ended
from generator.update import SiteRecord



def _code_digest() -> str:
    """The generator's own source: cached objects are only valid for the code that made them."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _libraries() -> str:
    """The versions of what turns the content into pages and search index, which the requirements do not pin: after
    an upgrade of one (`pip install -U`, a CI job installing afresh beside the cache it restored), a warm build kept
    every page as the old version had rendered it, where a build from scratch renders it as the new one does.
    Pagefind's program by its size, which each release changes: asking it its version would cost every build."""
    import jinja2
    import markdown_it
    import yaml

    try:
        import pagefind_bin

        pagefind = os.stat(pagefind_bin.get_executable()).st_size
    except (ImportError, OSError):
        pagefind = None
    return f"markdown-it {markdown_it.__version__} jinja2 {jinja2.__version__} pyyaml {yaml.__version__} " \
           f"pagefind {pagefind}"


FORMAT = f"minutebook {__version__} python {sys.version_info[:2]} code {_code_digest()} {_libraries()}"
_STAMP = FORMAT.encode() + b"\n"  # the first line of each cache file: what made it


@dataclass
class BuildCache:
    loader: dict = field(default_factory=dict)
    scan: dict = field(default_factory=dict)
    site: SiteRecord | None = None  # the site the last build wrote (update.py)
    memos: object = None  # build.Memos, which a build carries to the next (not the preview's)
    digests: Known = field(default_factory=Known)  # of records in `memos` (fingerprint.Digests.in_use)


CACHE_DIR = "MINUTEBOOK_CACHE_DIR"  # where caches go instead of .minutebook/cache beside the content folder


def cache_file(content: Path, drafts: bool, folder: Path | None = None, purpose: str = "build") -> Path:
    """One cache per content folder (and per --drafts, whose public view differs), and per purpose: the
    live preview keeps its own (incremental.py), so that it and `minutebook build`, each recording the
    site in its own output folder, do not make each other build afresh.

    The folder is `.minutebook/cache` beside the content folder unless the environment names another
    (CACHE_DIR): a CI job caching one known folder, a read-only checkout, a test suite that must not
    write into its committed fixtures."""
    content = Path(content).resolve()
    if folder is None:
        folder = Path(os.environ[CACHE_DIR]) if os.environ.get(CACHE_DIR) else content.parent / ".minutebook" / "cache"
    key = hashlib.sha256(f"{content}|{drafts}".encode()).hexdigest()[:16]
    return folder / f"{purpose}-{key}.pickle"


def site_file(path: Path) -> Path:
    """The site record's file beside the cache file `path`."""
    return path.with_name(f"{path.stem}.site{path.suffix}")


def load(path: Path, damaged: list | None = None, other: list | None = None) -> BuildCache:
    """The cache at `path` with the site record beside it; either may be missing (then empty, or None).
    `damaged`: given the paths of those that were there but could not be read back (`_read`); `other`: of those
    other code wrote (`_other_code`)."""
    cache = _read(path, BuildCache, damaged, other)
    if not isinstance(cache, BuildCache):
        cache = BuildCache()
    cache.site = load_site(path, damaged, other)
    return cache


def load_site(path: Path, damaged: list | None = None, other: list | None = None) -> SiteRecord | None:
    """The site record beside the cache at `path`, if it can be read back (see `load`)."""
    site = _read(site_file(path), SiteRecord, damaged, other)
    return site if isinstance(site, SiteRecord) else None


def load_bytes(path: Path, damaged: list | None = None) -> bytes | None:
    """Bytes kept in a file of their own as the cache's files are kept (`save_bytes`), or None as `_read` says.
    For the compiled templates (render.CompiledOnDisk): Jinja checks a compiled file against its template's source,
    not against its own bytes, and ran a file cut short or changed by hand, to a traceback, a crash of the
    interpreter or a page printed wrongly."""
    return _read(path, bytes, damaged)


def save_bytes(path: Path, data: bytes) -> None:
    """`data` in the file `path`, written as the cache's files are: whole or not at all, with its CRC-32."""
    _write(path, data)


class _Damaged(ValueError):
    """A cache file cut short or changed since it was written (by hand, a full disk, a copy stopped half way)."""


def _other_code(stamp: bytes) -> bool:
    """Whether a first line that is not this code's was written whole by other code: another version's stamp,
    or the pickle that began a cache file before files had a stamp. Such a file is no cache, and no damage."""
    return stamp.startswith(b"minutebook ") and stamp.endswith(b"\n") or stamp.startswith(b"\x80")


def _read(path: Path, kind: type, damaged: list | None = None, other: list | None = None):
    """The value in the file `path`, or None: missing, written by other code (another FORMAT, said on its first
    line), which `other` is told of, or damaged, which `damaged` is told of. Each of the file's two pickles, the
    value's and the texts' (pickled_texts.py), is summed by a CRC-32 (`_write`): a byte changed inside a text
    still unpickles, and the build then published the changed text as the minutes' (34 ms for the 128 MB of a
    2,000-meeting archive's cache, read or written)."""
    try:
        with path.open("rb") as handle:
            stamp = handle.readline()
            if stamp != _STAMP:
                if _other_code(stamp):
                    if other is not None:
                        other.append(path)
                    return None
                raise _Damaged("no stamp")
            value = _value(handle, stamp)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a cache that cannot be read back, however it fails, is no cache
        if damaged is not None:
            damaged.append(path)
        return None
    return value if isinstance(value, kind) else None


_TAIL = 16  # where the texts start (8 bytes), then the CRC-32 of the stamp and the value's pickle, and of the rest


def _value(handle, stamp: bytes):
    """What a cache file holds, from `handle` just past its `stamp`: the texts' list first, from where the tail
    says it starts, then the value's pickle, which takes each text from it (pickled_texts.Unpickler)."""
    start = handle.tell()
    end = handle.seek(-_TAIL, os.SEEK_END)
    tail = handle.read(_TAIL)
    texts_at = int.from_bytes(tail[:8], "big")
    if not start <= texts_at <= end:
        raise _Damaged("tail")
    handle.seek(texts_at)
    summed = _Summed(handle)
    texts = pickle.load(summed)
    if handle.tell() != end or zlib.crc32(tail[:8], summed.crc).to_bytes(4, "big") != tail[12:]:
        raise _Damaged("checksum of the texts")
    handle.seek(start)
    summed = _Summed(handle, zlib.crc32(stamp))
    value = pickled_texts.Unpickler(summed, texts).load()
    if texts or handle.tell() != texts_at or summed.crc.to_bytes(4, "big") != tail[8:12]:
        raise _Damaged("checksum")
    return value


def value_of(data: bytes):
    """What the bytes of a cache file hold, checked as `_read` checks them; ValueError where they are not a whole
    cache file of this code. For the benchmarks that weigh a cache read whole (benchmarks.cache_census,
    benchmarks.cache_parts), which read its bytes first so as to time the unpickling alone."""
    if not data.startswith(_STAMP) or len(data) < len(_STAMP) + _TAIL:
        raise ValueError("not a cache file this code wrote")
    end = len(data) - _TAIL
    texts_at = int.from_bytes(data[end:end + 8], "big")
    if not len(_STAMP) <= texts_at <= end or zlib.crc32(memoryview(data)[:texts_at]).to_bytes(4, "big") != \
            data[end + 8:end + 12] or zlib.crc32(memoryview(data)[texts_at:end + 8]).to_bytes(4, "big") != data[-4:]:
        raise ValueError("cut short, or changed since it was written")
    handle = io.BytesIO(data)
    handle.seek(len(_STAMP))
    return _value(handle, _STAMP)


class _Summed:
    """A file whose bytes are summed (CRC-32) as pickle reads or writes them, a frame at a time."""

    def __init__(self, handle, crc: int = 0):
        self.handle, self.crc = handle, crc

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.crc = zlib.crc32(data, self.crc)
        return data

    def readline(self) -> bytes:
        data = self.handle.readline()
        self.crc = zlib.crc32(data, self.crc)
        return data

    def write(self, data) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.handle.write(data)


def save(path: Path, cache: BuildCache) -> None:
    """The cache without its site record (`save_site`)."""
    site, cache.site = cache.site, None
    try:
        _write(path, cache)
    finally:
        cache.site = site


def save_site(path: Path, site: SiteRecord | None) -> None:
    """The site record of the cache at `path`; None removes it, so the next build renders the whole site.
    Either way the files noted as touched since the last record (`touched_file`) are then accounted for."""
    if site is None:
        forget_site(path)
    else:
        _write(site_file(path), site)
        remove(touched_file(path))


def forget_site(path: Path) -> None:
    """Called before a build changes the output folder: if it stops half way, no record describes the folder
    as it was, and the next build renders the whole site."""
    remove(site_file(path))
    remove(touched_file(path))


def touched_file(path: Path) -> Path:
    """The output files the live preview wrote or removed since its first build wrote the site record beside
    the cache at `path`, one a line. The preview writes into its folder without writing the record again, so
    a preview started later takes these as changed (update.forget_touched): otherwise a page the last session
    rewrote, whose content went back meanwhile (a file checked out again), would match the record and stay
    as that session left it."""
    return path.with_name(f"{path.stem}.touched")


def read_touched(path: Path) -> set[str]:
    try:
        return set(touched_file(path).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return set()


class Touched:
    """Notes each output file, once, in `touched_file(path)` before the preview writes or removes it.

    The file stays open between notes: opened for each, the notes took 1.5 to 2.7 s of a rebuild that wrote
    all 58,269 pages of a 2,000-meeting archive (a template edited; docs/performance.md has the command), 0.3 s
    kept open. Each note is flushed before the file it names is written, and the file is opened again if a
    build removed it meanwhile (`save_site`, `forget_site`)."""

    def __init__(self, path: Path):
        self.cache, self.noted, self.handle = path, set(), None

    def __call__(self, relative: str) -> None:
        if relative in self.noted:
            return
        try:
            if self.handle is None or os.fstat(self.handle.fileno()).st_nlink == 0:
                if self.handle is not None:
                    self.handle.close()
                self.handle = touched_file(self.cache).open("a", encoding="utf-8")
            self.handle.write(relative + "\n")
            self.handle.flush()
        except OSError:  # then the next preview cannot be told what this one changed: it renders everything
            forget_site(self.cache)
        self.noted.add(relative)


def remove(path: Path | str) -> None:
    """A file of the cache, or a directory put in a file's place if it is empty: left, it is read as a damaged
    file and can never be replaced, so every build said so and wrote nothing. One holding files is left (a
    build removes nothing it did not write): `blocked` says so."""
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            os.rmdir(path)
        else:
            os.remove(path)
    except OSError:
        pass


def blocked(path: Path) -> bool:
    """Whether a directory holding files is where a file of the cache goes, which no build can replace."""
    if os.path.islink(path):
        return False
    try:
        with os.scandir(path) as entries:
            return any(True for _ in entries)
    except OSError:  # a file, or nothing
        return False


def _write(path: Path, value) -> None:
    """Atomically, so an interrupted build never leaves a half-written file. One that could not be written whole
    (a full disk) is removed: left, it kept the space it had taken, and each later build left another beside it."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for left in path.parent.glob(f"{path.name}.*.tmp"):  # by a build killed as it wrote (kill -9, power)
            if has_ended(left.name.rsplit(".", 2)[-2]):
                remove(left)
        with tmp.open("wb") as handle:
            handle.write(_STAMP)
            summed = _Summed(handle, zlib.crc32(_STAMP))
            pickler = pickled_texts.Pickler(summed)
            pickler.dump(value)
            crc, texts_at = summed.crc, handle.tell()
            summed = _Summed(handle)
            pickler.write_texts(summed)
            summed.write(texts_at.to_bytes(8, "big"))
            handle.write(crc.to_bytes(4, "big") + summed.crc.to_bytes(4, "big"))
        try:
            os.replace(tmp, path)
        except IsADirectoryError:  # a directory in the file's place: replaced if empty, else left (`blocked`)
            remove(path)
            os.replace(tmp, path)
    except OSError:  # a read-only checkout still builds; it just builds from scratch next time
        remove(tmp)
