"""How long each save waits in the live preview when saves come in quick succession, as an editor's autosave
makes them.

    python -m benchmarks.autosave [--meetings 500 | --content DIR] [--gaps 0.25 0.5 1 2 4] [--rounds 2]
        [--kinds sentence retitle meeting-title new-item new-paper action-text new-action date organisation
         person-added body-description]
        [--settle 8] [--search]
        [--log FILE] [--work DIR]

The build benchmark (benchmarks/build_bench.py) saves once the server has
finished with the save before, which is how a clerk who saves by hand now and
then works. An editor set to save a second after typing stops saves far more
often: the next save may come while the preview is still checking the rest of
the archive after the last one, or writing its feeds and open data. This runs a
real `minutebook serve --no-search` process over a copy of the archive and
edits one meeting's minutes, each save `gap` seconds after the previous one
showed on the page on disk, for each gap `--rounds` times. It prints, for each
save, the time from the start of the file's write to the edit showing on the
meeting's page on disk, and the medians and maxima per gap. The kind
`action-text` rewords the first action the minutes raise, and is timed to the
edit showing on that action's page instead; `meeting-title` renames the meeting
in its meeting.md, which every list of meetings shows; `new-action` adds an action to the
first item that raises any, timed to it showing on the body's action tracker; `date` moves the meeting a day
later and back, by turns; `organisation` changes the first organisation the people register gives a person,
timed to it showing on their page; `person-added` adds someone new at the end of the register, timed to them
showing on the people page; `body-description` puts the last sentence of the meeting's body's description right,
timed to it showing on the body's page.

With `--search` the preview also keeps its search index up to date, as it does
unless told `--no-search`: Pagefind runs after saves, beside the preview, on the
same two cores. The saves start once the first index is made.

`--log FILE` writes the server's log to FILE, each save's figure after what the
server said in the gap before it and while it was made: what a slow save met.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import (TODAY, Server, add_action, add_item, add_paper, add_person,  # noqa: E402
                                    archive_copy, describe, described_page, edit, first_action_page, people_page,
                                    pick_target, redate, reorganise, reorganised_page, retitle, retitle_meeting,
                                    reword_action, tracker_page)

KINDS = {"sentence": edit, "retitle": retitle, "meeting-title": retitle_meeting, "new-item": add_item,
         "new-paper": add_paper,
         "action-text": reword_action, "new-action": add_action, "date": redate, "organisation": reorganise,
         "person-added": add_person, "body-description": describe}
# The page each kind's save is seen on, when not the meeting's own: the output file, from the minutes edited.
PAGES = {"action-text": first_action_page, "new-action": tracker_page, "organisation": reorganised_page,
         "person-added": people_page, "body-description": described_page}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.autosave", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=500, help="size of the synthetic archive (default 500)")
    parser.add_argument("--content", type=Path, default=None, help="an archive to copy and use instead")
    parser.add_argument("--gaps", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0, 4.0],
                        help="seconds between a save showing and the next save (default 0.25 0.5 1 2 4)")
    parser.add_argument("--rounds", type=int, default=2, help="saves of each kind at each gap (default 2)")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=["sentence", "retitle"],
                        help="edits to make: a sentence added (the fast path renders the meeting's pages), an "
                             "item retitled (other pages show it too), the meeting renamed in meeting.md, a minute "
                             "item or a paper file added (a new "
                             "link target) (default: sentence retitle)")
    parser.add_argument("--settle", type=float, default=8.0,
                        help="seconds to let the server finish before each gap's run (default 8)")
    parser.add_argument("--search", action="store_true", help="with the preview's search index (see above)")
    parser.add_argument("--log", type=Path, default=None, help="write the server's log here, with each save's figure")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minutebook-autosave-") as scratch:
        work = args.work or Path(scratch)
        for stale in (".minutebook", "preview"):  # a work folder used before: the preview starts cold
            shutil.rmtree(work / stale, ignore_errors=True)
        content = archive_copy(work, args.content, args.meetings)
        target = pick_target(content, None)
        command = [sys.executable, "-m", "generator", "serve", "--port", "0", "--content", str(content), "--url-json",
                   "--out", str(work / "preview"), "--today", TODAY] + ([] if args.search else ["--no-search"])
        server = Server(command, re.compile(r'"url"'), re.compile(r"written, \d+ removed in (\d+) ms"),
                        work / "preview", target.ours_page, cwd=work)
        meetings = len(list(content.glob("meetings/*/*/meeting.md")))
        print(f"{meetings} meetings; server ready in {server.start_seconds:.1f} s; saving "
              f"{target.minutes.relative_to(content)}", flush=True)
        results: dict[tuple[str, float], list[float]] = {}
        number = 0
        log = args.log.open("w", encoding="utf-8") if args.log else None
        try:
            if args.search:
                server.wait_for_log(re.compile(r"search index updated"), timeout=3600)
            time.sleep(args.settle)  # the first build's data files and the collector's pass (serve.py) out of the way
            for kind in args.kinds:
                for gap in args.gaps:
                    for _ in range(args.rounds + 1):  # the first save of a run comes after a pause, not a gap
                        number += 1
                        page = PAGES[kind](target.minutes) if kind in PAGES else None
                        seconds = server.save_and_see(target.minutes, number, KINDS[kind], page=page)
                        first = (kind, gap) not in results
                        results.setdefault((kind, gap), [])
                        if not first:
                            results[(kind, gap)].append(seconds)
                        line = f"  {kind:8s} gap {gap:4.2f} s: {seconds * 1000:6.0f} ms" + (" (first, not counted)"
                                                                                             if first else "")
                        print(line, flush=True)
                        if log is not None:
                            log.write(server.new_log() + f"=== save {number}:{line}\n")
                        time.sleep(gap)
                    time.sleep(args.settle)  # the rebuild, data files and collection after the last save
        finally:
            if log is not None:
                log.write(server.new_log())
                log.close()
            server.stop()
        print("\nsave to page on disk, by the gap since the previous save showed (ms):")
        print("| edit | gap | median | max | saves |")
        print("| --- | --- | --- | --- | --- |")
        for (kind, gap), times in results.items():
            print(f"| {kind} | {gap:g} s | {statistics.median(times) * 1000:.0f} | {max(times) * 1000:.0f} | "
                  + ", ".join(f"{t * 1000:.0f}" for t in times) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
