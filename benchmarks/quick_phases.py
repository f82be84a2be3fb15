"""Where the live preview's fast path spends a save's time: each of its steps, for each kind of edit.

    python -m benchmarks.quick_phases [--meetings 500 | --content DIR] [--edits 5] [--work DIR] [--split STEP]

The fast path (generator/quick.py, `Session.quick`) writes the pages an edit
within one meeting shows on before the full rebuild that follows every save.
`benchmarks.build_bench` times it whole; this times its steps, for the kinds
of edit build_bench makes to one meeting (a sentence, a retitled item, a new
item, a new paper file, a PDF no paper names yet added to its papers/), each `--edits` times in one
`generator.incremental.Session` after its first build, each followed by the
rebuild as in the preview, and prints the medians in milliseconds of wall time:

- reload: the meeting's folder read and checked again (loader.reload_meeting);
- entries: its texts' links and HTML (backlinks.meeting_entries, known_entries);
- index: the archive's Index and backlinks patched with it (resolve.with_meeting,
  quick._checked, backlinks.with_meeting, relinked);
- environment: the Jinja environment over the patched Index (build.make_environment);
- digests: each page's deps digested to compare with the page on disk (Digests.of,
  called by the fast path itself; those called inside another step count there);
- lists: the pages each kind of page is made from listed (meeting_pages,
  action_page, quick._cited, _related, _people, _lists, _counts, holdings);
- own render / own write: the meeting's own pages, rendered and written;
- other render / other write: the other pages the edit shows on;
- rest: the fast path's time less all of the above (the comparisons that
  decide what moved, the session's bookkeeping).

`--split lists` (or `index`, `entries`) gives each function of that step a
column of its own. A step called inside another timed step counts as part of the
outer one, so the steps add up to the whole. The machine's noise moves every step alike; compare
steps within one run.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import add_item, add_paper, add_pdf, edit, pick_target, retitle  # noqa: E402
from benchmarks.preview_waits import archive_arguments, archive_in_work, preview_session  # noqa: E402
from generator import quick  # noqa: E402
from generator.fingerprint import Digests  # noqa: E402

STEPS = ("reload", "entries", "index", "environment", "digests", "lists", "own render", "own write", "other render",
         "other write", "rest")
# The functions quick.py calls, by the step each belongs to (names looked up in quick's namespace).
WRAPPED = {"reload": ("reload_meeting",), "entries": ("meeting_entries", "known_entries"),
           "index": ("with_meeting", "_checked", "with_backlinks", "relinked"), "environment": ("make_environment",),
           "lists": ("meeting_pages", "action_page", "_cited", "_related", "_people", "_lists", "_counts",
                     "holdings")}
KINDS = (("sentence", edit), ("retitle", retitle), ("new item", add_item), ("new paper", add_paper),
         ("PDF added", add_pdf))


class Steps:
    """Seconds spent in each step of one save, the outermost timed call taking the time of any inside it."""

    def __init__(self):
        self.spent: dict[str, float] = {}
        self.depth = 0
        self.renders = 0  # the meeting's own pages come first: the first rendered_pages call, and the writes
        # after it until the next, are theirs

    @property
    def own(self) -> bool:
        return self.renders <= 1

    def timed(self, step, function):
        def run(*args, **kwargs):
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            started = time.perf_counter()
            try:
                made = function(*args, **kwargs)
                # a generator's work is done as it is iterated: done here, to be timed (its callers only iterate)
                return list(made) if inspect.isgenerator(made) else made
            finally:
                self.depth -= 1
                name = step() if callable(step) else step
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - started
        return run


def steps_split(split: str | None) -> tuple[tuple[str, ...], dict[str, str]]:
    """(the steps, in the order printed; the step of each function in WRAPPED), `split`'s functions each a step."""
    order, of = [], {}
    for step in STEPS:
        names = WRAPPED.get(step, ())
        if step == split:
            order += names
            of.update((name, name) for name in names)
        else:
            order.append(step)
            of.update((name, step) for name in names)
    return tuple(order), of


def instrument(steps: Steps, session, of: dict[str, str]) -> None:
    """Wrap the fast path's steps in quick.py's namespace (`of`: the step of each function), and the session's page
    writes, to time them."""
    for name, step in of.items():
        setattr(quick, name, steps.timed(step, getattr(quick, name)))
    rendered_pages = quick.rendered_pages

    def rendering(*args):
        steps.renders += 1
        return timed(*args)

    timed = steps.timed(lambda: "own render" if steps.own else "other render", rendered_pages)
    quick.rendered_pages = rendering
    Digests.of = steps.timed("digests", Digests.of)
    session.out.write_bytes = steps.timed(lambda: "own write" if steps.own else "other write",
                                          session.out.write_bytes)


def one_save(session, steps: Steps, minutes: Path, change, number: int, order: tuple[str, ...]
             ) -> tuple[dict[str, float], int]:
    """(milliseconds of each step, pages rendered) of the fast path after `change`, then the rebuild."""
    gc.collect()  # as the preview does while nobody saves (serve.py)
    change(minutes, number)
    steps.spent.clear()
    steps.renders = 0
    started = time.perf_counter()
    outcome = session.quick([minutes])
    whole = time.perf_counter() - started
    if outcome is None:
        raise SystemExit(f"the fast path left the edit ({change.__name__}) to the rebuild")
    ms = {step: steps.spent.get(step, 0.0) * 1000 for step in order[:-1]}
    ms["rest"] = whole * 1000 - sum(ms.values())
    ms["whole"] = whole * 1000
    rebuilt = session.rebuild()
    if not rebuilt.ok:
        raise SystemExit("\n".join(d.format() for d in rebuilt.report.sorted()))
    return ms, outcome.rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quick_phases", description=__doc__.split("\n\n")[0])
    archive_arguments(parser)
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind (default 5)")
    parser.add_argument("--split", choices=[step for step in STEPS if len(WRAPPED.get(step, ())) > 1],
                        help="a step to time function by function")
    args = parser.parse_args(argv)
    order, of = steps_split(args.split)
    real_of = Digests.of
    real = {name: getattr(quick, name) for names in WRAPPED.values() for name in names}
    real["rendered_pages"] = quick.rendered_pages
    try:
        with archive_in_work(args, "minutebook-phases-") as (work, content):
            minutes = pick_target(content, None).minutes  # the meeting build_bench edits
            session, first = preview_session(content, work)
            meetings = len(list(content.glob("meetings/*/*/meeting.md")))
            print(f"{meetings} meetings; first build {first.milliseconds / 1000:.1f} s; {args.edits} edits of each "
                  f"kind to {minutes.parent.parent.name}/{minutes.parent.name}; medians, ms")
            steps = Steps()
            instrument(steps, session, of)
            print(f"{'':10s} {'whole':>6s} {'pages':>5s} " + " ".join(f"{step:>{max(len(step), 5)}s}"
                                                                     for step in order))
            number = 900
            for kind, change in KINDS:
                saves = []
                for _ in range(args.edits):
                    number += 1
                    saves.append(one_save(session, steps, minutes, change, number, order))
                median = {step: statistics.median(ms[step] for ms, _ in saves) for step in (*order, "whole")}
                pages = statistics.median(rendered for _, rendered in saves)
                print(f"{kind:10s} {median['whole']:6.1f} {pages:5.0f} " + " ".join(
                    f"{median[step]:{max(len(step), 5)}.1f}" for step in order), flush=True)
    finally:
        Digests.of = real_of
        for name, function in real.items():
            setattr(quick, name, function)
    return 0


if __name__ == "__main__":
    sys.exit(main())
