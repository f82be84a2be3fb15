"""How long a save can wait, in the live preview, for the data files of the save before it.

    python -m benchmarks.preview_waits [--meetings 500 | --content DIR] [--edits 2] [--work DIR]

After each save the preview writes the pages, then the feeds, calendars, open
data and sitemaps (Session.write_files). A save that comes meanwhile stops that
writing, but only between two files: it waits for the file being made. So the
longest a save can wait is the longest time between two of write_files' checks
(its `stop` callback), which this prints, with the file made just before it,
for each kind of edit the build benchmark makes (benchmarks/build_bench.py: a
sentence, a retitled item, a new item, a new paper), `--edits` times each, in
one `generator.incremental.Session` after its first build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, add_item, add_paper, edit, retitle, spec_for  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402
from generator.build import Options  # noqa: E402
from generator.incremental import Session  # noqa: E402


def waits(session: Session, minutes: Path, change, number: int) -> tuple[float, list[tuple[float, str]]]:
    """(seconds write_files took, [(seconds since the previous check, the file made before it)]) after `change`."""
    change(minutes, number)
    gc.collect()  # as the preview does while nobody saves (serve.py)
    session.quick([minutes])
    outcome = session.rebuild(files=False)
    if not outcome.ok:
        raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
    made, gaps, last = [], [], [time.perf_counter()]
    write = session.out.write_bytes

    def noting(relative, data):
        made.append(relative)
        return write(relative, data)

    def stop() -> bool:
        now = time.perf_counter()
        gaps.append((now - last[0], made[-1] if made else "(before the first file)"))
        last[0] = now
        return False

    session.out.write_bytes = noting
    try:
        started = time.perf_counter()
        session.write_files(stop=stop)
        return time.perf_counter() - started, gaps
    finally:
        session.out.write_bytes = write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview_waits", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=500, help="size of the synthetic archive (default 500)")
    parser.add_argument("--content", type=Path, default=None, help="an archive to copy and use instead")
    parser.add_argument("--edits", type=int, default=2, help="edits of each kind (default 2)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minutebook-waits-") as scratch:
        work = args.work or Path(scratch)
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        if args.content is not None:
            shutil.copytree(args.content, content, ignore=shutil.ignore_patterns(".minutebook"))
        else:
            generate(content, spec_for(args.meetings))
        minutes = sorted(content.glob("meetings/*/*/minutes.md"))[-1]  # the newest meeting of the last body
        session = Session(Options(content=content, out=work / "preview", search=False,
                                  today=dt.date.fromisoformat(TODAY)))
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
                seconds, gaps = waits(session, minutes, change, number)
                worst = sorted(gaps, reverse=True)[:3]
                print(f"{kind:10s} data files {seconds * 1000:5.0f} ms, {len(gaps)} checks; longest waits "
                      + ", ".join(f"{gap * 1000:.0f} ms ({name})" for gap, name in worst), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
