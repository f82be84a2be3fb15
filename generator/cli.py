"""The `minutebook` command: build, check, serve (generator/serve.py) and new (generator/scaffold.py,
generator/scaffold_body.py).

Exit codes: 0 success; 1 the content has errors (or warnings under --strict);
2 the command was used wrongly. Progress goes to stderr, results to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import signal
import sys
from pathlib import Path

from generator import __version__
from generator.build import Options, check_archive, run, source_date_epoch_problem
from generator.cache import cache_file
from generator.diagnostics import Report, plural
from generator.parallel import ended_by, took
from generator.values import Invalid, parse_date
from generator.write import unsafe_output

EPILOG = """examples:
  minutebook build                       build content/ into site/, with the search index
  minutebook build --content my-archive --out public
  minutebook check --strict              validate only; warnings count as errors
  minutebook check --format github       annotations for GitHub Actions

exit codes: 0 ok, 1 content errors, 2 usage errors"""


def _port(text: str) -> int:
    """A TCP port, 0 to 65535: a larger one was a traceback from the socket once the whole site was built. One
    below 1024 is taken too (root in a container may listen on 80); if the system refuses it, serve says why."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give a number from 1 to 65535, or 0 for any "
                                         "free one")
    return int(text)


def _date(text: str) -> dt.date:
    """A date in any form the content files take (values.parse_date): a clerk who writes `date: 3rd March 2019`
    in meeting.md may give it so here too, and is told why an impossible one is refused."""
    try:
        return parse_date(text)
    except Invalid as refused:
        raise argparse.ArgumentTypeError(f"{refused.message}; {refused.hint}" if refused.hint else refused.message) \
            from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minutebook", description="Static sites for public meeting archives.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"minutebook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,check,serve,new}")

    def common(p, drafts="publish draft minutes and action logs too, every page saying it is a preview with "
               "drafts: never for the public site"):
        p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                       help="the archive folder (default: content)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--drafts", action="store_true", help=drafts)
        p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="the build's date: which meetings are "
                       "upcoming or passed and which actions overdue (default: SOURCE_DATE_EPOCH, else today in "
                       "the UK)")
        p.add_argument("--templates", type=Path, metavar="DIR",
                       help="a folder of templates that override the defaults")

    build = sub.add_parser("build", help="validate and build the site", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    common(build)
    build.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="output folder (default: site)")
    build.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    build.add_argument("--jobs", type=int, default=0, metavar="N",
                       help="processes that load, scan and render the archive (default: one per core)")
    build.add_argument("--no-cache", action="store_true",
                       help="build everything afresh: ignore (and do not update) the build cache in "
                            ".minutebook/cache/, and replace the output folder whole")
    check = sub.add_parser("check", help="validate only", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    # check reads draft minutes and action logs whole either way (build.check_archive)
    common(check, "check the archive as `build --drafts` publishes it (draft minutes and action logs are checked "
           "whole either way)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="how to print problems (default: text)")
    _add_serve_parser(sub, common)  # listed in the order of the usage line and the README
    _add_new_parser(sub)
    return parser


# ---- `minutebook serve` (issue 6): live preview, in generator/serve.py ----

SERVE_EPILOG = """examples:
  minutebook serve                        preview content/ at http://127.0.0.1:8000/
  minutebook serve --port 8100 --drafts   include draft minutes, marked as drafts
  minutebook serve --port 0 --url-json    any free port; the address as JSON on stdout, for tools

The preview is written to .minutebook/preview/ (not site/), rebuilt on every save
to content/ or templates/, and open pages reload by themselves. A content error
is shown in the browser until it is fixed; the server keeps running."""


def _add_serve_parser(sub, common) -> None:
    serve = sub.add_parser("serve", help="live preview that rebuilds on every save", epilog=SERVE_EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    common(serve)
    serve.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve.add_argument("--out", type=Path, default=Path(".minutebook/preview"), metavar="DIR",
                       help="preview folder (default: .minutebook/preview)")
    serve.add_argument("--no-search", action="store_true", help="make no search index: the preview's search "
                       "finds nothing, or only what an earlier preview indexed")
    serve.add_argument("--url-json", action="store_true",
                       help='for tools that start the preview: once it is ready, print its address on stdout as '
                            'one line of JSON, {"url": "http://127.0.0.1:PORT/"}, instead of a sentence')


def _serve(args) -> int:
    from generator.serve import serve
    if _unsafe_output(args):
        return 2
    options = Options(content=args.content, out=args.out, strict=args.strict, drafts=args.drafts, today=args.today,
                      templates=args.templates, search=not args.no_search)
    return serve(options, port=args.port, search=not args.no_search, url_json=args.url_json)


# ---- `minutebook new site|body|meeting|paper` (issue 6): scaffolding, in generator/scaffold*.py ----

NEW_EPILOG = """examples:
  minutebook new site --title "Testshire Council meetings" --publisher "Testshire County Council" \\
      --base-url https://council.example.gov.uk/minutes/
  minutebook new body --slug hwb --name "Health and Wellbeing Board" --numbering "HWB/{yy}/{n}" --kind board
  minutebook new body --slug hwb --name "Health and Wellbeing Board" --member ann-smith --member bob-jones
  minutebook new body --slug hwb --name "..." --chair ann-smith --vice-chair bob-jones --venue "County Hall, Testshire"
  minutebook new meeting --body ccb --date 2018-07-19
  minutebook new meeting --body ccb --date 2018-09-28 --folder 2018-09-28-special
  minutebook new meeting --body ccb --date 2018-06-21 --first-number CCBP/18/40
  minutebook new meeting --body ccb --date 2018-07-02 --folder 2018-07-02-reconvened --reconvenes 2018-06-21
  minutebook new meeting --body ccb --date 2019-05-16 --kind annual
  minutebook new paper --meeting ccb/2018-07-19 --ref C --title "Second Primary Care Blood Collection"
  minutebook new paper --meeting ccb/2018-07-19 --ref D --title "Finance report" --file ~/Downloads/paper-d.pdf

Existing files are never overwritten: if any target exists, nothing is written.
exit codes: 0 files written, 1 content problems (nothing written), 2 usage errors"""


def _folder(text: str) -> str:
    from generator.scaffold import FOLDER_RE
    if not FOLDER_RE.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a folder name like 2018-09-28-special "
                                         "(lower-case letters, digits, hyphens)")
    return text


def _meeting_key(text: str) -> str:
    body, _, folder = text.strip().strip("/").partition("/")
    if not body or not folder or "/" in folder:
        raise argparse.ArgumentTypeError(f"'{text}' is not a meeting like ccb/2018-07-19 (body/folder)")
    return f"{body}/{folder}"


def _text(text: str) -> str:
    if not any(ch.isalnum() for ch in text):
        raise argparse.ArgumentTypeError(f"'{text}' has no letters or digits; write e.g. C, or \"Finance report\"")
    return text.strip()


def _add_new_parser(sub) -> None:
    new = sub.add_parser("new", help="start an archive, a body, a meeting or a paper (never overwrites)",
                         epilog=NEW_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    kinds = new.add_subparsers(dest="new", required=True, metavar="{site,body,meeting,paper}")
    site = kinds.add_parser("site", help="site.yaml for a new archive, the content folder with it: its title, "
                            "publisher, address and licence", epilog=NEW_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    site.add_argument("--title", required=True, type=_text, help='the site\'s name, e.g. "Testshire Council '
                      'meetings"')
    site.add_argument("--publisher", required=True, type=_text, help='who publishes the archive, e.g. "Testshire '
                      'County Council"')
    site.add_argument("--base-url", required=True, metavar="URL", help="the address the site's home page is to be "
                      "published at, e.g. https://council.example.gov.uk/minutes/ (pages, feeds and citations are "
                      "made of it; change it in site.yaml before the site is first published)")
    body = kinds.add_parser("body", help="bodies/<slug>.md for a body the archive does not have yet, which `new "
                            "meeting --body` then starts meetings of", epilog=NEW_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    body.add_argument("--slug", required=True, help="the body's slug: its file's name and the first part "
                      "of its pages' addresses, e.g. hwb (lower-case letters, digits, hyphens)")
    body.add_argument("--name", required=True, type=_text, help='its full name, e.g. "Health and Wellbeing Board"')
    body.add_argument("--short-name", type=_text, metavar="TEXT", help="the name titles and breadcrumbs give it "
                      "(default: the slug in capitals, HWB for hwb; the name, for a slug of several words)")
    body.add_argument("--numbering", metavar="PATTERN",
                      help='how its minutes are numbered: a pattern such as "HWB/{yy}/{n}" for HWB/24/7, or '
                           "per-meeting for items numbered 1, 2, 3 afresh at each meeting (default: per-meeting)")
    body.add_argument("--kind", type=_text, metavar="KIND", help="board, committee, joint committee, sub-committee, "
                      "... (default: none)")
    body.add_argument("--member", action="append", default=[], metavar="PERSON",
                      help="a member, by their id in the people register (once for each member)")
    body.add_argument("--chair", metavar="PERSON", help="its chair, by their id in the people register: listed first "
                      "among the members, with role: Chair")
    body.add_argument("--vice-chair", metavar="PERSON", help="its vice-chair, listed next, with role: Vice-Chair")
    body.add_argument("--venue", type=_text, metavar="TEXT", help="where it usually meets, which each new "
                      "meeting.md is given")
    meeting = kinds.add_parser("meeting", help="meeting.md and draft minutes.md with the standing items and the "
                               "next minute numbers, and a draft actions.md with every open action, if any",
                               epilog=NEW_EPILOG,
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    meeting.add_argument("--body", required=True, help="the body's slug (its file name in bodies/)")
    meeting.add_argument("--date", required=True, type=_date,
                         help="the meeting's date, e.g. 2019-08-22 or '22 August 2019'")
    meeting.add_argument("--folder", type=_folder, metavar="NAME", help="folder name (default: the date)")
    meeting.add_argument("--kind", type=_text, metavar="KIND",
                         help="the meeting's `kind:` in meeting.md: special, extraordinary, annual, ... (default: "
                              "none); annual, a council's annual meeting, opens with the election of the Chair and the "
                              "appointment of the Vice-Chair, and begins its municipal year, so its minutes start "
                              "again at 1 where its body's file has year_starts:; extraordinary or special, a meeting "
                              "called for a purpose, takes only the apologies and declarations before its business")
    numbered = meeting.add_mutually_exclusive_group()
    numbered.add_argument("--first-number", metavar="NUMBER",
                          help="the minute number of the meeting's first item, e.g. CCBP/18/40 (29 for a body "
                               "numbering per-meeting whose minutes run on through the year), the rest following "
                               "it: for a body's first meeting in an archive begun part way through a year (default: "
                               "after the highest number the body has used in the meeting's year)")
    numbered.add_argument("--reconvenes", metavar="FOLDER",
                          help="the folder of the meeting, adjourned part-way, that this sitting continues: no "
                               "standing items, the items it did not reach under their numbers, and the line to add "
                               "to its meeting.md")
    paper = kinds.add_parser("paper", help="papers/<label>-<ref>.md for a meeting", epilog=NEW_EPILOG,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    paper.add_argument("--meeting", required=True, type=_meeting_key, help="body/folder, e.g. ccb/2018-07-19")
    paper.add_argument("--ref", required=True, type=_text, help="the paper's letter or number in the pack, e.g. C")
    paper.add_argument("--title", required=True, type=_text, help="the paper's title")
    paper.add_argument("--label", default="Paper", type=_text, metavar="TEXT",
                       help="Paper (default), Appendix, Report, ...")
    paper.add_argument("--item", metavar="REF", help="the agenda or minute item the paper belongs to, e.g. CCBP/18/49")
    paper.add_argument("--file", type=Path, help="the file the paper went out as (a PDF, say): copied into "
                       "papers/ and named in the paper's `file:`, to be published beside its page")
    for p in (site, body, meeting, paper):
        p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                       help="the archive folder (default: content)")


def _new(args) -> int:
    from generator.scaffold import command
    return command(args)


# ---- end of `minutebook new` ----


def _end_cleanly_on_signals() -> None:
    """SIGTERM (a CI job cancelled, `timeout`) and Ctrl+C end the command through the build's cleanup, with the
    exit status of the signal and no traceback: by default SIGTERM ended the process at once, leaving the staged
    site (`write.StagedOutput`) on disk, and Ctrl+C printed Python's KeyboardInterrupt with its traceback. The
    build's forked processes, which inherit this, end at once: their parent cleans up. Where the build forks, the
    signal waits for the fork (parallel.signals_held). Ctrl+C ignored when the command started (a background job
    of a shell without job control) stays ignored."""
    owner = os.getpid()
    unraisable = sys.unraisablehook

    def ended(signum, frame):
        if os.getpid() != owner:
            os._exit(128 + signum)
        took(signum)  # in case the SystemExit is lost (parallel.end_if_taken)
        raise SystemExit(128 + signum)

    def lost(what) -> None:
        """A SystemExit raised by `ended` inside a finalizer (a pipe's Connection.__del__, say) is lost there, and
        Python printed it with a traceback: the command still ends by the signal taken (parallel.end_if_taken)."""
        if not (isinstance(what.exc_value, SystemExit) and ended_by() is not None):
            unraisable(what)

    sys.unraisablehook = lost
    signal.signal(signal.SIGTERM, ended)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, ended)


def _stop_preview_on_sigterm() -> None:
    """SIGTERM (`kill`, a supervisor, an editor closing the tool that started it) stops the preview as Ctrl+C does:
    the watcher and the server closed, `minutebook: stopped` said, exit status 0, where it ended the process at
    once, by the signal (143), saying nothing. Stopping is how a preview ends, as `hugo server` and `python -m
    http.server` take Ctrl+C and Hugo SIGTERM too: a build stopped is a build not done (130, 143), a preview stopped
    is not. Processes a rebuild forked end at once: the preview cleans up."""
    owner = os.getpid()

    def stopped(signum, frame):
        if os.getpid() != owner:
            os._exit(128 + signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stopped)


def _unsafe_output(args) -> bool:
    """Whether `--out` names a folder the build must not replace (write.unsafe_output), said as a usage error."""
    cache = None if getattr(args, "no_cache", False) else cache_file(args.content, args.drafts).parent
    problem = unsafe_output(args.out, args.content, args.templates, cache)
    if problem:
        print(f"minutebook {args.command}: error: {problem}", file=sys.stderr)
    return problem is not None


def print_report(report: Report, fmt: str = "text", stream=sys.stderr) -> None:
    items = report.sorted()
    if fmt == "json":
        print(report.to_json(), file=sys.stdout)
        return
    for d in items:
        if fmt == "github":
            kind = "error" if d.severity == "error" else "warning"
            text = (d.message + (f"; {d.hint}" if d.hint else "")).replace("%", "%25").replace("\n", "%0A")
            print(f"::{kind} file={d.path},line={d.line}::{text}", file=sys.stdout)
        else:
            print(report.format_here(d), file=stream)


def command() -> None:
    """The `minutebook` command (and `python -m generator`)."""
    try:
        code = main(exit_now=True)
    except SystemExit:
        if ended_by() == signal.SIGINT:  # the clerk pressed Ctrl+C: the shell's prompt comes back with a word
            print("minutebook: stopped", file=sys.stderr, flush=True)
        raise
    except BrokenPipeError:  # the reader of our output went away (`minutebook check --format json | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that exiting does not complain again
        code = 1
    sys.exit(code)


def _finish(code: int, exit_now: bool) -> int:
    """With `exit_now`, leave the process here, while the caller still holds what the build made.

    Freeing a large archive's records one by one took two to three seconds
    after a build at 2,000 meetings, as long as some warm builds' own work;
    the operating system takes the whole process back at once. Everything is
    written and flushed by then. Code that calls `main` itself (the tests)
    frees as usual.
    """
    if exit_now:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:  # a reader that went away (`minutebook check | head -1`): nothing more to tell it
                pass
        os._exit(128 + taken if (taken := ended_by()) else code)
    return code


def main(argv: list[str] | None = None, exit_now: bool = False) -> int:
    """`exit_now`: the command's own, see `_finish`."""
    args = _parser().parse_args(argv)
    if args.command == "new":
        return _new(args)
    problem = None if args.today else source_date_epoch_problem()
    if problem:
        print(f"minutebook {args.command}: error: {problem}", file=sys.stderr)
        return 2
    # The content folder as an absolute path: the build cache keys the files it read by their paths, so a
    # folder named as `content` by one build and as /srv/archive/content by the next would be read afresh.
    options = Options(content=Path(os.path.abspath(args.content)), strict=args.strict, drafts=args.drafts,
                      today=args.today, templates=args.templates)
    progress = lambda message: print(f"minutebook: {message}", file=sys.stderr)  # noqa: E731
    if args.command == "serve":
        if exit_now:
            _stop_preview_on_sigterm()
        return _serve(args)
    if exit_now:
        _end_cleanly_on_signals()
        # The build turns the cycle collector off while it runs and back on at the end, when the next few
        # allocations would make it look through every object the build made (seconds, for nothing: the
        # process is about to end, see _finish).
        gc.disable()
    if args.command == "check":
        result = check_archive(options)
        print_report(result.report, args.format)
        if result.report.not_run_note():
            print(f"minutebook check: {result.report.not_run_note()}", file=sys.stderr)
        summary = f"{plural(len(result.report.errors), 'error')}, {plural(len(result.report.warnings), 'warning')}"
        print(f"minutebook check: {summary}", file=sys.stderr)
        return _finish(0 if result.ok else 1, exit_now)
    if _unsafe_output(args):
        return _finish(2, exit_now)
    options.out = args.out
    options.search = not args.no_search
    options.jobs = args.jobs
    options.cache = not args.no_cache
    result = run(options, write=True, progress=progress)
    print_report(result.report)
    if result.report.not_run_note():
        print(f"minutebook: {result.report.not_run_note()}", file=sys.stderr)
    if not result.ok:
        print(f"minutebook: build failed with {plural(len(result.report.errors), 'error')}, "
              f"{plural(len(result.report.warnings), 'warning')}; {args.out}/ was left as it was", file=sys.stderr)
        return _finish(1, exit_now)
    stages = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result.timings.items())
    print(f"minutebook: {stages}", file=sys.stderr)
    search = f"; search: {result.search}" if result.search else ""
    updated = f" ({result.rendered} rendered, the rest unchanged)" if result.rendered is not None else ""
    print(f"Built {result.pages} pages{updated} into {args.out}/ in {result.seconds:.2f} s{search}")
    return _finish(0, exit_now)
