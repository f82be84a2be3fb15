"""How long a save can wait, in the live preview, for the work the save before it set going.

    python -m benchmarks.preview_waits [--meetings 500 | --content DIR] [--edits 2] [--work DIR]

After each save the preview writes the edited meeting's pages (the fast path,
quick.py), then rebuilds the rest of the archive, then writes the feeds,
calendars, open data and sitemaps (Session.write_files). A save that comes
meanwhile stops the rebuild at its next check (interrupt.py) and the files
between two files: it waits for whatever runs until then. So the longest a
save can wait is the longest time between two such checks, which this prints,
with where it was (for the rebuild, the two checks, as function:line; for
the data files, the file made just before it), for each kind of edit the build benchmark
makes (benchmarks/build_bench.py: a sentence, a retitled item, a new item, a
new paper), `--edits` times each, in one `generator.incremental.Session` after
its first build. Once half a second passes without a save, the preview lets
go of replaced records and runs the cycle collector (serve.py), which nothing
interrupts: its time is printed too; and so is that of the reference map for
the search page's direct jump, which the preview's search index writes after
each save's re-indexing, beside the next save (made whole, as before ed2a1bc,
and from what the preview keeps, search_refs.Kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, add_item, add_paper, archive_copy, edit, retitle  # noqa: E402
from generator import cache as build_cache  # noqa: E402
from generator import search_refs  # noqa: E402
from generator.build import Options  # noqa: E402
from generator.incremental import Session  # noqa: E402


class Longest:
    """The three longest gaps between calls to `note`, each with what was noted at its two ends. It keeps little
    else, so that the collection timed after a save is the preview's own, not one over the benchmark's notes."""

    def __init__(self, start=None):
        self.top: list[tuple] = []
        self.count = 0
        self.last, self.at = time.perf_counter(), start

    def note(self, here) -> None:
        now = time.perf_counter()
        gap, self.count = now - self.last, self.count + 1
        if len(self.top) < 3 or gap > self.top[-1][0]:
            self.top = sorted(self.top + [(gap, self.at, here)], key=lambda entry: -entry[0])[:3]
        self.last, self.at = now, here

    def show(self, label) -> str:
        return ", ".join(f"{gap * 1000:.0f} ms ({label(before, after)})" for gap, before, after in self.top)


def _place(where) -> str:
    return where if isinstance(where, str) else f"{Path(where[0].co_filename).stem}.{where[0].co_name}:{where[1]}"


def waits(session: Session, minutes: Path, change, number: int, refs: tuple[Path, search_refs.Kept]
          ) -> tuple[float, str, int, float, str, int, float, float, float]:
    """After `change`: (seconds the rebuild took, its longest gaps between two checks, how many checks; the same
    for write_files, each gap with the file made before it; seconds of the collection the preview makes once
    nobody has saved for half a second, which nothing interrupts; seconds the reference map for the search
    page's direct jump takes made whole, and made from what `refs` kept, as the preview's search index makes
    it after each save's re-indexing, beside the next save)."""
    change(minutes, number)
    session.quick([minutes])
    checks = Longest("(the start)")

    def checked() -> bool:
        frame = sys._getframe(2)  # check() asks this; its caller is where the rebuild is
        checks.note((frame.f_code, frame.f_lineno))
        return False

    started = time.perf_counter()
    outcome = session.rebuild(files=False, stop=checked)
    rebuild = time.perf_counter() - started
    checks.note("the rebuild's end")
    if not outcome.ok:
        raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
    made, gaps = ["(before the first file)"], Longest()
    write = session.out.write_bytes

    def noting(relative, data, stop=None):
        made[0] = relative
        return write(relative, data, stop) if stop is not None else write(relative, data)

    def stop() -> bool:
        gaps.note(made[0])
        return False

    session.out.write_bytes = noting
    try:
        started = time.perf_counter()
        session.write_files(stop=stop)
        files = time.perf_counter() - started
    finally:
        session.out.write_bytes = write
    folder, kept = refs
    started = time.perf_counter()
    search_refs.write(folder / "whole", session.index)
    whole = time.perf_counter() - started
    search_refs.write(folder / "kept", session.index, kept)
    from_kept = time.perf_counter() - started - whole
    started = time.perf_counter()
    session.between_saves()  # as the preview does while nobody saves (serve.py)
    return (rebuild, checks.show(lambda before, after: f"{_place(before)} to {_place(after)}"), checks.count,
            files, gaps.show(lambda before, after: after), gaps.count, time.perf_counter() - started, whole,
            from_kept)


def archive_arguments(parser: argparse.ArgumentParser) -> None:
    """--meetings, --content and --work, as the preview's benchmarks take them."""
    parser.add_argument("--meetings", type=int, default=500, help="size of the synthetic archive (default 500)")
    parser.add_argument("--content", type=Path, default=None, help="an archive to copy and use instead")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")


@contextmanager
def archive_in_work(args, prefix: str):
    """(work folder, archive in it) for the arguments of `archive_arguments`: --work or a temporary folder."""
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        work = args.work or Path(scratch)
        yield work, archive_copy(work, args.content, args.meetings)


def preview_session(content: Path, work: Path):
    """(session, its first build's outcome): a preview session (generator.incremental.Session) on `content`
    after its first build, with the cycle collector off, as in the preview (serve.py): collections only between
    saves. The first build is a cold one whatever an earlier run left in `work` (--work): with the preview's build
    cache and site kept, a second run with the same --work started warm, its "first build" a fraction of the
    first run's, printed as if it were the same measure."""
    cache = build_cache.cache_file(content, False, purpose="preview")  # where MINUTEBOOK_CACHE_DIR says, if set
    for kept in cache.parent.glob(f"{cache.stem}*"):  # the cache, its site record, the pages noted as touched
        kept.unlink()
    shutil.rmtree(work / "preview", ignore_errors=True)
    session = Session(Options(content=content, out=work / "preview", search=False, today=dt.date.fromisoformat(TODAY)))
    gc.disable()
    first = session.rebuild()
    if not first.ok:
        raise SystemExit("\n".join(d.format() for d in first.report.sorted()))
    return session, first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview_waits", description=__doc__.split("\n\n")[0])
    archive_arguments(parser)
    parser.add_argument("--edits", type=int, default=2, help="edits of each kind (default 2)")
    args = parser.parse_args(argv)
    with archive_in_work(args, "minutebook-waits-") as (work, content):
        minutes = sorted(content.glob("meetings/*/*/minutes.md"))[-1]  # the newest meeting of the last body
        session, first = preview_session(content, work)
        meetings = len(list(content.glob("meetings/*/*/meeting.md")))
        print(f"{meetings} meetings; first build {first.milliseconds / 1000:.1f} s; edits to {minutes.parent.name} "
              f"of {minutes.parent.parent.name}")
        number, refs = 900, (work / "references", search_refs.Kept())
        search_refs.write(refs[0] / "kept", session.index, refs[1])  # as the preview's first index does
        for _ in range(args.edits):
            for kind, change in (("sentence", edit), ("retitle", retitle), ("new item", add_item),
                                 ("new paper", add_paper)):
                number += 1
                rebuild, checks, asked, seconds, gaps, files, collection, whole, kept = waits(
                    session, minutes, change, number, refs)
                print(f"{kind:10s} rebuild {rebuild * 1000:5.0f} ms, {asked} checks; longest waits {checks}",
                      flush=True)
                print(f"{kind:10s} data files {seconds * 1000:5.0f} ms, {files} checks; longest waits {gaps}; then "
                      f"the collection between saves {collection * 1000:.0f} ms; the search index's reference map "
                      f"{whole * 1000:.0f} ms made whole, {kept * 1000:.0f} ms from what the preview kept",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
