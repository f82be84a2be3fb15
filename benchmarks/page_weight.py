"""How heavy a built site's pages are, kind by kind: what a reader on a slow phone downloads and their browser
lays out. A page that lists everything of its kind grows with the archive (a person's page once listed every
meeting they attended: 1.76 MB at 10,000 meetings); this shows which do.

    python -m benchmarks.page_weight SITE [--kind NAME=GLOB ...]

For each kind of page (by default those that list an archive's records: people, their years, bodies, their
years, trackers, meetings), the number of pages, their total bytes, and the median and largest page in bytes and
in elements (start tags), with the largest page's address. `--kind` replaces the defaults, e.g.
`--kind person=people/*/index.html`. Build the site first, e.g. from `python -m benchmarks.synthetic ARCHIVE
--meetings 2000 --bodies 5` (bodies that meet for some 40 years) with `python -m generator build --content
ARCHIVE --out SITE --no-search --no-cache`.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path

KINDS = {
    "person": "people/*/index.html",
    "person year": "people/*/[0-9][0-9][0-9][0-9]/index.html",
    "body": "*/index.html",
    "body year": "*/[0-9][0-9][0-9][0-9]/index.html",
    "tracker": "*/actions/index.html",
    "closed actions year": "*/actions/closed/[0-9][0-9][0-9][0-9]/index.html",
    "meeting": "*/[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9]-*/index.html",
}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.count += 1


def weight(path: Path) -> tuple[int, int]:
    """(bytes, elements) of one page."""
    data = path.read_bytes()
    parser = _Elements()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return len(data), parser.count


def kind_weights(site: Path, pattern: str) -> list[tuple[int, int, str]]:
    """(bytes, elements, address) of each page matching `pattern` below `site`, lightest first. A pattern from
    the top level (`*/...`) keeps only the bodies' folders: those with a year's meetings below them, where the
    site's own (people, data, the archive's years) have none."""
    pages = []
    for path in site.glob(pattern):
        address = "/" + path.parent.relative_to(site).as_posix() + "/"
        top = site / address.split("/")[1]
        if pattern.startswith("*/") and not any(top.glob("[0-9][0-9][0-9][0-9]/*/index.html")):
            continue
        pages.append((*weight(path), address))
    return sorted(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.page_weight", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site's folder")
    parser.add_argument("--kind", action="append", default=[], metavar="NAME=GLOB",
                        help="a kind of page and the glob of its index.html files, below the site")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} is not a built site: it has no index.html", file=sys.stderr)
        return 2
    kinds = dict(k.split("=", 1) for k in args.kind) if args.kind else KINDS
    print(f"{'kind':<20} {'pages':>7} {'total':>12} {'median B':>10} {'elements':>9} {'largest B':>10} "
          f"{'elements':>9}  largest")
    for name, pattern in kinds.items():
        pages = kind_weights(args.site, pattern)
        if not pages:
            print(f"{name:<20} {0:>7}")
            continue
        median, largest = pages[len(pages) // 2], pages[-1]
        print(f"{name:<20} {len(pages):>7,} {sum(p[0] for p in pages):>12,} {median[0]:>10,} {median[1]:>9,} "
              f"{largest[0]:>10,} {largest[1]:>9,}  {largest[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
