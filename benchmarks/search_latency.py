"""How long a reader waits on the search page: from the last key of a query to its results.

    python -m benchmarks.search_latency SITE [--before REV] [--group N ...] [--queries the,alan] [--after council]
                                             [--rounds 2]

SITE is a built site with its search index (`minutebook build --out SITE`). Each
query is typed into `/search/` in a fresh page of Debian's chromium (headless,
driven by Playwright), served by Python's HTTP server on 127.0.0.1, in two ways:
as the page's first query, and after another one (`--after`) whose results were
shown. Two times are taken from the last key: the first results (the summary
says "N results for ...") and the checked results (search.js marks the page
once no bundle's part of the results matched only a shortened query word; see
docs/search.md, "Words a body's index lacks").

`--before REV` also measures the search page (search.js and search.css) of
commit REV, and `--group N ...` this one with N bundles per check instance
(GROUP in search.js): the same site, served with those files in place of its
own, in turns with it in the same run, so that they compare as ratios on a
noisy machine. A search.js that does not mark checked results has its checked
time left blank.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.serve import Server  # noqa: E402 - passes over a page closed while it still loaded

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
STATIC = ("search.js", "search.css")
WAIT_MS = 120_000

# The query's summary, once it names the query; and whether this page's search.js marks checked results.
SHOWN = """(term) => {
    const text = (document.querySelector('pagefind-summary') || {}).textContent || '';
    return /^[0-9,]+ results? for /.test(text.trim()) && text.trim().endsWith(' for ' + term) && text.trim();
}"""
CHECKED = "(term) => document.querySelector('[data-search-app]').getAttribute('data-search-checked') === term"
MARKS = "() => fetch('/static/search.js').then(r => r.text()).then(t => t.includes('data-search-checked'))"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site, with the search page's files in `replaced` (path -> bytes) served instead."""

    replaced: dict[str, bytes] = {}

    def do_GET(self) -> None:
        body = self.replaced.get(self.path.split("?")[0])
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path.split("?")[0]))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site: Path, replaced: dict[str, bytes] | None = None):
    """`site` over HTTP on an ephemeral port of 127.0.0.1, with `replaced` files; yields its base URL."""
    handler = type("_Handler", (_Quiet,), {"replaced": replaced or {}})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def search_page_of(rev: str) -> dict[str, bytes]:
    """The search page's script and style sheet of commit `rev`, by the paths the site serves them at."""
    return {f"/static/{name}": subprocess.run(["git", "show", f"{rev}:templates/static/{name}"], cwd=REPO,
                                              check=True, capture_output=True).stdout for name in STATIC}


def with_group(site: Path, group: int) -> dict[str, bytes]:
    """The site's own search script with GROUP, the bundles per check instance, set to `group`."""
    script = (site / "static" / "search.js").read_text(encoding="utf-8")
    changed, found = re.subn(r"var GROUP = \d+;", f"var GROUP = {group};", script)
    if found != 1:
        raise SystemExit(f"{site}/static/search.js sets no GROUP to change")
    return {"/static/search.js": changed.encode("utf-8")}


def type_query(page, query: str, marks: bool) -> tuple[float, float | None, str]:
    """Types `query` into the search box; milliseconds to the first results and to the checked ones."""
    box = page.locator("input.pf-input")
    box.press_sequentially(query)
    start = time.perf_counter()
    summary = page.wait_for_function(SHOWN, arg=query, timeout=WAIT_MS).json_value()
    first = (time.perf_counter() - start) * 1000
    if not marks:
        return first, None, summary
    page.wait_for_function(CHECKED, arg=query, timeout=WAIT_MS)
    checked = (time.perf_counter() - start) * 1000
    return first, checked, page.wait_for_function(SHOWN, arg=query, timeout=WAIT_MS).json_value()


def measure(browser, base: str, query: str, after: str | None) -> tuple[float, float | None, str]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "/search/")
        marks = page.evaluate(MARKS)
        if after:
            type_query(page, after, marks)
            page.locator("input.pf-input").fill("")
        return type_query(page, query, marks)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_latency", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site with its search index")
    parser.add_argument("--before", metavar="REV", help="also measure the search page of commit REV")
    parser.add_argument("--queries", default="the,alan", help="comma-separated (default: the,alan)")
    parser.add_argument("--after", default="council", help="the query typed first, for 'after another' (default: "
                                                             "council)")
    parser.add_argument("--rounds", type=int, default=2, help="fresh pages per query and way (default 2)")
    parser.add_argument("--group", type=int, nargs="+", metavar="N", default=[],
                        help="also measure this search page with N bundles per check instance (GROUP in search.js)")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "config.json").is_file():
        parser.error(f"{args.site} has no search index: build it with `minutebook build --out {args.site}`")
    from playwright.sync_api import sync_playwright

    queries = [q for q in args.queries.split(",") if q]
    pages = {f"before ({args.before})": search_page_of(args.before)} if args.before else {}
    pages["this"] = {}
    pages.update({f"this, GROUP = {n}": with_group(args.site, n) for n in args.group})
    times: dict[tuple, list] = {}
    shown: dict[tuple, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for _ in range(args.rounds):
                for label, replaced in pages.items():  # in turns, so that all meet the same noise
                    with served(args.site, replaced) as base:
                        for query in queries:
                            for way, after in (("first query", None), ("after another", args.after)):
                                first, checked, summary = measure(browser, base, query, after)
                                times.setdefault((label, query, way), []).append((first, checked))
                                shown[(label, query)] = summary
        finally:
            browser.close()
    print(f"{args.site}: milliseconds from the last key, medians of {args.rounds}")
    print(f"{'search page':24s} {'query':12s} {'typed':14s} {'first results':>14s} {'checked':>8s}  summary")
    for (label, query, way), runs in times.items():
        first = statistics.median(r[0] for r in runs)
        checked = [r[1] for r in runs if r[1] is not None]
        checked_text = f"{statistics.median(checked):8.0f}" if checked else f"{'-':>8s}"
        print(f"{label:24s} {query:12s} {way:14s} {first:14.0f} {checked_text}  {shown[(label, query)]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
