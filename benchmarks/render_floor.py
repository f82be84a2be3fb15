"""What the site's pages cost in Jinja alone, against Hugo's whole build of the same archive: a floor under
any cold build made with these templates, however fast everything else became.

    python -m benchmarks.render_floor --content ARCHIVE [--turns 3] [--hugo]

Prepares ARCHIVE once in this process (loading, validating, resolving, as a
cold build does without the build cache), then renders every page once, so
that every template is compiled and every text's HTML is made and kept (the
Markdown filter's cache). Then, `--turns` times, it renders every page
again, timing each by its template: what that costs is Jinja alone, with no
Markdown, no reference scan, and nothing written. Each turn also renders, at
every page's address, an empty page on the site's layout (`base.html`: the
header, navigation, search form and footer every page has), the least any
page of this site costs. The figures are those of the fastest turn.

Rendering processes share the pages out, so no build can render them in less
than the fastest turn divided by the rendering processes a build starts (one
per core, `parallel.default_jobs`). With `--hugo`, Hugo builds the same
archive (`benchmarks.build_bench`'s Hugo site and minimal layout) once before
each turn, and the script prints that floor against Hugo's fastest build:
issue 7 asks for a cold build within 1.5 times Hugo's.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import jinja2  # noqa: E402

from benchmarks import build_bench  # noqa: E402
from generator import build  # noqa: E402
from generator.diagnostics import Report  # noqa: E402
from generator.pages import Page, all_pages  # noqa: E402
from generator.parallel import default_jobs  # noqa: E402

EMPTY = "(an empty page on base.html)"
_EMPTY_TEMPLATE = ('{% extends "base.html" %}{% block title %}Page{% endblock %}'
                   '{% block content %}<h1>Page</h1>{% endblock %}')


def render_pass(env, pages: list, report: Report) -> dict[str, list]:
    """Template -> [pages, seconds] for one rendering of `pages`, then the empty page at each of their addresses."""
    spent: dict[str, list] = defaultdict(lambda: [0, 0.0])
    clock = time.perf_counter
    for page in pages + [Page(page.url, "_render_floor_empty.html", {}) for page in pages]:
        started = clock()
        if build.render_page(env, page, report) is None:
            raise SystemExit(f"{page.url} did not render: {report.items[-1].format() if report.items else ''}")
        took = clock() - started
        row = spent[EMPTY if page.template == "_render_floor_empty.html" else page.template]
        row[0] += 1
        row[1] += took
    return dict(spent)


def hugo_command(content: Path, work: Path) -> list[str]:
    """The command that builds the Hugo site of `content`, written into `work`, cold."""
    build_bench.hugo_site(content, work / "hugo")
    return [str(build_bench.hugo_binary()), "--quiet", "--noBuildLock", "--source", str(work / "hugo"),
            "--destination", str(work / "public")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.render_floor", description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--hugo", action="store_true", help="build the same archive with Hugo before each turn")
    args = parser.parse_args(argv)
    content = args.content.resolve()
    gc.disable()  # as the build runs (build.without_cycle_collector)
    report = Report(root=content)
    started = time.perf_counter()
    options = build.Options(content=content)
    prepared = build.prepare(options, report, {}, {}, {}, {})
    if prepared is None:
        print(f"{content} has errors; `minutebook check --content {content}` lists them", file=sys.stderr)
        return 1
    env = build.make_environment(options, prepared, report)
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"_render_floor_empty.html": _EMPTY_TEMPLATE}), env.loader])
    pages = list(all_pages(prepared.index, prepared.today, prepared.refs))
    render_pass(env, pages, report)  # compiles the templates, fills the Markdown filter's cache
    print(f"{content}: {len(pages):,} pages, prepared and rendered once in {time.perf_counter() - started:.1f} s",
          flush=True)
    passes, hugo = [], []
    with tempfile.TemporaryDirectory(prefix="render-floor-") as work:
        command = hugo_command(content, Path(work)) if args.hugo else None
        for turn in range(1, args.turns + 1):
            if command:
                hugo.append(build_bench._check(build_bench.measure(command), "hugo").seconds)
            passes.append(render_pass(env, pages, report))
            line = f"  turn {turn}: the pages {sum(s for t, (_, s) in passes[-1].items() if t != EMPTY):.2f} s"
            print(line + (f";  Hugo's build {hugo[-1]:.2f} s" if hugo else ""), flush=True)
    best = min(passes, key=lambda spent: sum(s for t, (_, s) in spent.items() if t != EMPTY))
    total = sum(s for t, (_, s) in best.items() if t != EMPTY)
    print(f"\nThe fastest turn, by template ({len(pages):,} pages):")
    for template, (count, seconds) in sorted(best.items(), key=lambda kv: (kv[0] == EMPTY, -kv[1][1])):
        print(f"  {template:<32} {count:7,} pages  {seconds / count * 1e6:7.0f} us a page  {seconds:7.2f} s")
    jobs = default_jobs()
    print(f"\nJinja alone, every page: {total:.2f} s on one core; {total / jobs:.2f} s at best on {jobs} rendering "
          f"processes")
    if hugo:
        fastest = min(hugo)
        print(f"Hugo's whole cold build (fastest of {len(hugo)}): {fastest:.2f} s; issue 7's goal, 1.5 times it: "
              f"{1.5 * fastest:.2f} s; the floor is {total / jobs / fastest:.2f} times Hugo's build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
