"""Stage 6, write: pages go to a temporary folder that replaces the old site at the end.

A build that fails at any point removes its temporary folder and leaves the
previous `site/` exactly as it was, so a clerk's mistake never takes the
public site down or half-updates it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

from generator.parallel import end_if_taken, has_ended, signals_held, signals_let_through
from generator.urls import data_file, output_file

# A file every build writes, and no other program: what says a folder is a site Minutebook built.
BUILT_MARK = data_file("meetings.json").lstrip("/")


def unsafe_output(out: Path, content: Path, templates: Path | None = None, cache: Path | None = None) -> str | None:
    """Why the site must not be written to `out`, if it must not. A build replaces its output folder whole
    (`StagedOutput.commit`), so `--out content`, `--out .` or `--out ~` would delete the archive, the
    repository or a home folder with everything in it. `cache`: the build cache's folder (cache.cache_file)."""
    out = Path(out).resolve()
    cache = Path(cache).resolve() if cache is not None else None
    if cache is not None and (cache == out or out in cache.parents):  # `--out .minutebook`, a CI job's one path
        return (f"the output folder {out} holds the build cache folder {cache}, whose files hold every record the "
                "build reads, unpublished ones too, and would be published with the site; choose another output "
                "folder, e.g. --out site, or another cache folder (MINUTEBOOK_CACHE_DIR)")
    for name, source in (("content", content), ("templates", templates)):
        source = Path(source).resolve() if source is not None else None
        if source is not None and (out == source or out in source.parents):
            said = f"is the {name} folder" if out == source else f"holds the {name} folder {source}"
            return (f"the output folder {out} {said}, and a build replaces its output folder whole, which would "
                    f"delete the {name}; choose another, e.g. --out site")
        if source is not None and source in out.parents:  # the preview would see its own writes as edits
            return (f"the output folder {out} is inside the {name} folder {source}, where the site would be "
                    f"kept with what it is built from; choose a folder outside it, e.g. --out site")
    if out.exists() and not out.is_dir():
        return f"the output folder {out} is a file; choose a folder, e.g. --out site"
    if os.path.ismount(out):  # a Docker volume, a disk of its own: the build staged it all, then failed (EBUSY)
        return (f"the output folder {out} is a mount point, and a build puts a new output folder in the place of "
                f"the old, which a mount point cannot give up; choose a folder inside it, e.g. --out {out / 'site'}")
    if out.is_dir() and not (out / BUILT_MARK).is_file() and any(out.iterdir()):
        return (f"the output folder {out} holds files, but not a site Minutebook built (it has no {BUILT_MARK}), "
                "and a build replaces its output folder whole; choose another folder, or empty this one first")
    return None


class StagedOutput:
    def __init__(self, out: Path):
        self.out = Path(out).resolve()
        self.tmp = self.out.parent / f".{self.out.name}.tmp-{os.getpid()}"
        self.pages = 0
        self.urls: list[str] = []  # every page written, for the sitemap

    def __enter__(self) -> "StagedOutput":
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        for left in self.out.parent.glob(f".{self.out.name}.tmp-*"):  # a build killed half way (kill -9, power)
            if left != self.tmp and _owner_gone(left):
                left.rename(self.out.parent / f".{self.out.name}.old-{left.name.rpartition('-')[2]}-{time.time_ns()}")
        for left in self.out.parent.glob(f".{self.out.name}.old-*"):  # a removal stopped half way (remove_apart)
            if not _being_removed(left):
                remove_apart(left)
        self.tmp.mkdir(parents=True)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp.exists():  # not committed: a failure, or an exception
            shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, url: str, html: str) -> None:
        write_new(f"{self.tmp}/{output_file(url)}", html.encode("utf-8"))
        self.pages += 1
        self.urls.append(url)

    def write_file(self, relative: str, data: bytes) -> None:
        write_new(f"{self.tmp}/{relative}", data)

    def commit(self) -> None:
        """The staged folder takes the site's name; the old site, moved aside whole, is removed apart."""
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}-{time.time_ns()}"
        with signals_held():  # between the two, the build's cleanup would remove the new site and leave none
            end_if_taken()
            if self.out.exists():
                self.out.rename(old)
            self.tmp.rename(self.out)
        if old.exists():
            remove_apart(old)


def _owner_gone(staged: Path) -> bool:
    """Whether the build that staged `staged` (`.site.tmp-PID`) has ended without removing it: a build stopped
    by SIGKILL leaves its pages there, a whole site's worth, which no later build would otherwise remove."""
    return has_ended(staged.name.rpartition("-")[2])


def write_new(path: str, data: bytes) -> None:
    """Write `data` to the file `path` in a staged folder, making its folder first: each page is a folder of its
    own. The calls pathlib makes for this (a Path, `mkdir(parents=True, exist_ok=True)`, `write_bytes`) took 20
    to 26 µs of Python a file besides the system's own work, these 3 to 7 (`python -m benchmarks.page_files`,
    20,000 files, three turns): about a second of a full build at 2,000 meetings, which writes 71,000 files."""
    folder = path.rpartition("/")[0]
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:  # its parent is not there yet either
        os.makedirs(folder, exist_ok=True)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def remove_apart(folder: Path) -> None:
    """Remove `folder` in a process of its own, which nothing waits for.

    A full build (after a template's edit, an upgrade, `--no-cache`) replaces
    the whole site, and the old one, moved aside at once, then has to go: at
    2,000 meetings 58,000 folders and their files, seconds of this disk's time
    that the build spent waiting before it could end (docs/performance-history.md). Its
    name (`.site.old-*`, which .gitignore lists, as it does for any output folder's) keeps it out of the way
    meanwhile. The process keeps nothing of the build open (a CI job reading the
    build's output would otherwise wait for it), and if it is stopped before it
    is done, the next build removes what is left (`StagedOutput.__enter__`).
    """
    try:
        with signals_held():
            pid = os.fork()
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    if pid == 0:  # forks the remover and leaves at once: the build reaps it now, and never waits for the remover
        try:
            if os.fork() == 0:
                signals_let_through()
                os.setsid()  # not stopped with the build's terminal
                devnull = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                os.closerange(3, _open_files_limit())
                held = os.open(folder, os.O_RDONLY)
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another remover at it: raises, and leaves
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _being_removed(folder: Path) -> bool:
    """Whether a remover (remove_apart) holds the folder: a build soon after the last finds it still at work."""
    try:
        held = os.open(folder, os.O_RDONLY)
    except OSError:
        return True  # gone meanwhile, or not ours to remove
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(held)  # and with it the lock


def _open_files_limit() -> int:
    try:
        return min(os.sysconf("SC_OPEN_MAX"), 65536)
    except (OSError, ValueError):
        return 1024
