"""The live preview's rebuild after an edit to a register, beside one after an edit to a meeting and one after an
edit to a template (which renders every page), in one preview session.

    python -m benchmarks.preview_registers [--meetings 500 | --content DIR] [--rounds 2] [--work DIR]

A clerk adding a member or correcting a job title saves the people register or
a body's file while the preview runs (`minutebook serve`). The preview's
rebuild (generator.incremental.Session) does the work, which this times; a
person's organisation or roles are written first by a fast path of their own
(quick_people.py), timed through a real server by `python -m
benchmarks.autosave --kinds organisation`. This prints, for each kind of edit, `--rounds` times in turn,
the rebuild's time, the pages it rendered, the files it wrote, and whether it
rendered every page. The session's first build is not counted; the collection
between saves runs after each rebuild, as in the preview (serve.py), and is not
counted either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import reorganise  # noqa: E402
from benchmarks.preview_waits import archive_arguments, archive_in_work, preview_session  # noqa: E402


def edits(content: Path) -> dict:
    """Kind of edit -> a function making it, the nth time, in the archive at `content`."""
    body = sorted((content / "bodies").glob("*.md"))[0]
    minutes = sorted(content.glob("meetings/*/*/minutes.md"))[0]  # approved long ago: a body's latest may be a draft
    # A template file of the site's own that no page uses: any change to the templates renders every page. A copy of
    # a default template would mention `index`, which keeps the registers whole in the fingerprint (build.py).
    template = content / "templates" / "unused.html"

    def person(n: int) -> None:  # the first person's organisation
        reorganise(minutes, n)

    def append(path: Path, line: str):
        def make(n: int) -> None:
            path.parent.mkdir(exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write(line.format(n=n))
        return make

    return {"a meeting's minutes": append(minutes, "\nA sentence added in edit {n}.\n"),
            "a person's organisation": person,
            "a body's description": append(body, "\nA sentence added to the description in edit {n}.\n"),
            "a template": append(template, "<p>edit {n}</p>\n")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview_registers",
                                     description=__doc__.split("\n\n")[0])
    archive_arguments(parser)
    parser.add_argument("--rounds", type=int, default=2, help="edits of each kind (default 2)")
    args = parser.parse_args(argv)
    with archive_in_work(args, "minutebook-registers-") as (work, content):
        kinds = edits(content)
        session, first = preview_session(content, work)
        meetings = len(list(content.glob("meetings/*/*/meeting.md")))
        print(f"{meetings} meetings; first build {first.milliseconds / 1000:.1f} s, {first.rendered} pages")
        n = 0
        for _ in range(args.rounds):
            for kind, make in kinds.items():
                n += 1
                make(n)
                outcome = session.rebuild()
                if not outcome.ok:
                    raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
                print(f"{kind:24s} rebuild {outcome.milliseconds / 1000:6.2f} s, {outcome.rendered:6d} pages rendered, "
                      f"{len(outcome.written):6d} written{', every page' if outcome.full else ''}", flush=True)
                session.between_saves()
    return 0


if __name__ == "__main__":
    sys.exit(main())
