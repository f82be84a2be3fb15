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
interrupts: its time is printed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, add_item, add_paper, archive_copy, edit, retitle  # noqa: E402
from generator.build import Options  # noqa: E402
from generator.incremental import Session  # noqa: E402


def waits(session: Session, minutes: Path, change, number: int) -> tuple[float, list, float, list, float]:
    """After `change`: (seconds the rebuild took, [(seconds since its previous check, the function checking)],
    seconds write_files took, [(seconds since the previous check, the file made before it)], seconds of the
    collection the preview makes once nobody has saved for half a second, which nothing interrupts)."""
    change(minutes, number)
    session.quick([minutes])
    checks, last, where = [], [time.perf_counter()], ["(the start)"]

    def checked() -> bool:
        now = time.perf_counter()
        frame = sys._getframe(2)  # check() asks this; its caller is where the rebuild is
        here = f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}"
        checks.append((now - last[0], f"{where[0]} to {here}"))
        last[0], where[0] = now, here
        return False

    started = time.perf_counter()
    outcome = session.rebuild(files=False, stop=checked)
    rebuild = time.perf_counter() - started
    checks.append((time.perf_counter() - last[0], f"{where[0]} to the rebuild's end"))
    if not outcome.ok:
        raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
    made, gaps = [], []
    last[0] = time.perf_counter()
    write = session.out.write_bytes

    def noting(relative, data, stop=None):
        made.append(relative)
        return write(relative, data, stop) if stop is not None else write(relative, data)

    def stop() -> bool:
        now = time.perf_counter()
        gaps.append((now - last[0], made[-1] if made else "(before the first file)"))
        last[0] = now
        return False

    session.out.write_bytes = noting
    try:
        started = time.perf_counter()
        session.write_files(stop=stop)
        files = time.perf_counter() - started
    finally:
        session.out.write_bytes = write
    started = time.perf_counter()
    session.between_saves()  # as the preview does while nobody saves (serve.py)
    return rebuild, checks, files, gaps, time.perf_counter() - started


def _longest(gaps: list) -> str:
    return ", ".join(f"{gap * 1000:.0f} ms ({name})" for gap, name in sorted(gaps, reverse=True)[:3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview_waits", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=500, help="size of the synthetic archive (default 500)")
    parser.add_argument("--content", type=Path, default=None, help="an archive to copy and use instead")
    parser.add_argument("--edits", type=int, default=2, help="edits of each kind (default 2)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minutebook-waits-") as scratch:
        work = args.work or Path(scratch)
        content = archive_copy(work, args.content, args.meetings)
        minutes = sorted(content.glob("meetings/*/*/minutes.md"))[-1]  # the newest meeting of the last body
        session = Session(Options(content=content, out=work / "preview", search=False,
                                  today=dt.date.fromisoformat(TODAY)))
        gc.disable()  # as in the preview (serve.py): collections only between saves, above
        first = session.rebuild()
        if not first.ok:
            raise SystemExit("\n".join(d.format() for d in first.report.sorted()))
        meetings = len(list(content.glob("meetings/*/*/meeting.md")))
        print(f"{meetings} meetings; first build {first.milliseconds / 1000:.1f} s; edits to {minutes.parent.name} "
              f"of {minutes.parent.parent.name}")
        number = 900
        for _ in range(args.edits):
            for kind, change in (("sentence", edit), ("retitle", retitle), ("new item", add_item),
                                 ("new paper", add_paper)):
                number += 1
                rebuild, checks, seconds, gaps, collection = waits(session, minutes, change, number)
                print(f"{kind:10s} rebuild {rebuild * 1000:5.0f} ms, {len(checks)} checks; longest waits "
                      f"{_longest(checks)}", flush=True)
                print(f"{kind:10s} data files {seconds * 1000:5.0f} ms, {len(gaps)} checks; longest waits "
                      f"{_longest(gaps)}; then the collection between saves {collection * 1000:.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
