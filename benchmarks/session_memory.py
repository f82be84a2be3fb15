"""Whether a long live-preview session holds on to memory: many edits, each to a different meeting, in one session.

    python -m benchmarks.session_memory [--meetings 500] [--edits 110] [--every 10] [--work DIR]

Writes a synthetic archive at issue 7's rates (benchmarks/synthetic.py, as
build_bench does), starts a `generator.incremental.Session` over it, and makes
`--edits` one-line edits, each to the minutes of a different meeting, each
followed by a rebuild with its data files. Every `--every` edits it prints the
process's resident memory (VmRSS, from Linux's /proc) and how many records the memo of digests
holds: the session keeps what it made from records that did not change, and
must let go of what an edit replaced (fingerprint.Digests.forget_unused).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import TODAY, spec_for  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402


def resident_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.session_memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--edits", type=int, default=110)
    parser.add_argument("--every", type=int, default=10, help="print a line every this many edits (default 10)")
    parser.add_argument("--work", type=Path, help="folder for the archive and the preview (default: a temporary one)")
    parser.add_argument("--between-saves", action="store_true",
                        help="after each rebuild, do what `minutebook serve` does once nobody has saved for half a "
                        "second (Session.between_saves: collect, freeze, hand freed memory back)")
    args = parser.parse_args(argv)

    from generator.build import Options
    from generator.incremental import Session

    work = Path(tempfile.mkdtemp(prefix="minutebook-session-memory-")) if args.work is None else args.work
    try:
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        generate(content, spec_for(args.meetings))
        minutes = sorted(content.glob("meetings/*/*/minutes.md"))
        session = Session(Options(content=content, out=work / "preview", search=False,
                                  today=dt.date.fromisoformat(TODAY)))
        started = time.perf_counter()
        first = session.rebuild()
        if not first.ok:
            raise SystemExit("\n".join(d.format() for d in first.report.sorted()))
        print(f"{args.meetings} meetings: first build {time.perf_counter() - started:.1f} s, "
              f"{resident_mb()} MB resident", flush=True)
        for number in range(1, args.edits + 1):
            path = minutes[(number * 37) % len(minutes)]
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\n\n", f"\n\nMemory edit {number}.\n\n", 1), encoding="utf-8")
            outcome = session.rebuild()
            if not outcome.ok:
                raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
            if args.between_saves:
                session.between_saves()
            if number % args.every == 0 or number == args.edits:
                print(f"after {number:4d} edits: {resident_mb():5d} MB resident, "
                      f"{len(session.digests):7,d} records in the digests' memo, "
                      f"last rebuild {outcome.milliseconds:.0f} ms", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
