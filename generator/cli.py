"""The `minutebook` command: build, check.

Exit codes: 0 success; 1 the content has errors (or warnings under --strict);
2 the command was used wrongly. Progress goes to stderr, results to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator import __version__
from generator.build import Options, run
from generator.diagnostics import Report

EPILOG = """examples:
  minutebook build                       build content/ into site/, with the search index
  minutebook build --content my-archive --out public
  minutebook check --strict              validate only; warnings count as errors
  minutebook check --format github       annotations for GitHub Actions

exit codes: 0 ok, 1 content errors, 2 usage errors"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2019-08-22") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minutebook", description="Static sites for public meeting archives.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"minutebook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,check}")

    def common(p):
        p.add_argument("--content", type=Path, default=Path("content"), help="the archive folder (default: content)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--drafts", action="store_true", help="include draft minutes, marked as drafts (preview only)")
        p.add_argument("--today", type=_date, help="date that 'upcoming' is measured from (default: "
                       "SOURCE_DATE_EPOCH or today)")
        p.add_argument("--templates", type=Path, help="a folder of templates that override the defaults")

    build = sub.add_parser("build", help="validate and build the site", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    common(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    build.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    check = sub.add_parser("check", help="validate only", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    common(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="how to print problems (default: text)")
    return parser


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
            print(d.format(), file=stream)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = Options(content=args.content, strict=args.strict, drafts=args.drafts, today=args.today,
                      templates=args.templates)
    progress = lambda message: print(f"minutebook: {message}", file=sys.stderr)  # noqa: E731
    if args.command == "check":
        result = run(options, write=False)
        print_report(result.report, args.format)
        summary = f"{len(result.report.errors)} errors, {len(result.report.warnings)} warnings"
        print(f"minutebook check: {summary}", file=sys.stderr)
        return 0 if result.ok else 1
    options.out = args.out
    options.search = not args.no_search
    result = run(options, write=True, progress=progress)
    print_report(result.report)
    if not result.ok:
        print(f"minutebook: build failed with {len(result.report.errors)} errors, "
              f"{len(result.report.warnings)} warnings; {args.out}/ was left as it was", file=sys.stderr)
        return 1
    stages = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result.timings.items())
    print(f"minutebook: {stages}", file=sys.stderr)
    search = f"; search: {result.search}" if result.search else ""
    print(f"Built {result.pages} pages into {args.out}/ in {result.seconds:.2f} s{search}")
    return 0
