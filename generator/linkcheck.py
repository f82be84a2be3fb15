"""Offline link checker for a built site: every internal link and fragment must lead somewhere.

A citable archive lives by its links: a minute that says "see Paper C" and
leads nowhere, or a contents entry whose `#anchor` names no heading, fails the
reader silently. This walks the output folder itself (no server, no network):
each `href`/`src` that stays on the site must name a file that exists, and
each `#fragment` must name an `id` (or `<a name>`) on the page it points to.
Absolute links that start with the site's own `base_url` (canonical links,
feeds) are checked as internal ones. Links to other sites are not fetched.
A site published below a path (`base_url` https://council.example/minutes/)
is checked as served there: its pages are at /minutes/..., and a link from the
domain's root that leaves that path is broken.

    python -m generator.linkcheck site/ [--base-url https://example.org/]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that point at another resource, by element.
LINK_ATTRS = {"a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",), "script": ("src",),
              "iframe": ("src",), "source": ("src",), "audio": ("src",), "video": ("src", "poster"),
              "track": ("src",), "form": ("action",), "embed": ("src",), "object": ("data",)}
ALWAYS_THERE = {"", "top"}  # "#" and "#top" scroll to the top of any page (HTML's "indicated part")


@dataclass(frozen=True)
class Broken:
    page: str  # file below the site folder, e.g. "ccb/index.html"
    line: int
    href: str
    reason: str

    def format(self) -> str:
        return f"{self.page}:{self.line}: broken link '{self.href}': {self.reason}"


class _Scan(HTMLParser):
    """Collects a page's ids and its outgoing links (with line numbers)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attr in LINK_ATTRS.get(tag, ()):
            if values.get(attr) is not None:
                self.links.append((self.getpos()[0], values[attr].strip()))

    handle_startendtag = handle_starttag


def scan(path: Path) -> _Scan:
    parser = _Scan()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def page_url(root: Path, path: Path) -> str:
    """The address a file is served at: `a/b/index.html` -> `/a/b/`."""
    rel = path.relative_to(root).as_posix()
    return "/" + rel.removesuffix("index.html")


def target_file(root: Path, path: str) -> Path | None:
    """The file a static host serves for `path` (already percent-decoded), or None."""
    if ".." in Path(path).parts:
        return None
    candidate = root / path.lstrip("/")
    if path.endswith("/") or path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


class Checker:
    """Checks links against one built site; page ids are read once and kept."""

    def __init__(self, root: Path, base_url: str = ""):
        self.root = Path(root)
        self.base = urlsplit(base_url) if base_url else None
        self.prefix = self.base.path.rstrip("/") if self.base else ""  # the path the site is published below
        self._ids: dict[Path, set[str]] = {}

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            self._ids[path] = scan(path).ids
        return self._ids[path]

    def internal_path(self, href: str, from_url: str) -> tuple[str | None, str] | None:
        """(path from the site folder's root, fragment) when `href` stays on this site, else None. The path is
        None for a link from the domain's root that leaves the path the site is published below."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            if self.base is None or (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
                return None
            if self._below(parts.path) is None:  # another part of the same domain, not this site
                return None
            return self._below(parts.path), parts.fragment
        if not parts.path:  # "#fragment" or "?query" on the same page
            return self._below(from_url), parts.fragment
        return self._below(urlsplit(urljoin(from_url, href)).path), parts.fragment

    def _below(self, path: str) -> str | None:
        """`path` as served, from the site folder's root; None when it is not below the site's path."""
        if path == self.prefix:
            return "/"
        return path[len(self.prefix):] if path.startswith(self.prefix + "/") else None

    def check(self, href: str, from_url: str) -> str | None:
        """Why `href` (found on the page at `from_url`, as served) is broken, or None when it is fine."""
        found = self.internal_path(href, from_url)
        if found is None:
            return None
        path, fragment = found
        if path is None:
            return f"it leaves the site, which is published below {self.prefix}/"
        target = target_file(self.root, unquote(path))
        if target is None:
            return f"no page or file at {path}"
        fragment = unquote(fragment)
        if target.suffix == ".html" and fragment not in ALWAYS_THERE and fragment not in self.ids(target):
            return f"{path} has no element with id '{fragment}'"
        return None

    def check_page(self, path: Path) -> tuple[list[Broken], int]:
        """The page's broken links, and how many internal links it has."""
        page = scan(path)
        self._ids[path] = page.ids
        here = self.prefix + page_url(self.root, path)
        rel = path.relative_to(self.root).as_posix()
        problems, internal = [], 0
        for line, href in page.links:
            internal += self.internal_path(href, here) is not None
            reason = self.check(href, here)
            if reason:
                problems.append(Broken(rel, line, href, reason))
        return problems, internal


@dataclass
class Result:
    broken: list[Broken]
    pages: int  # HTML files read
    links: int  # internal links checked (links to other sites are counted out)


def check_site(root: Path, base_url: str = "") -> Result:
    """Every broken internal link of every HTML page below `root`, in file order."""
    checker = Checker(root, base_url)
    result = Result([], 0, 0)
    for path in sorted(Path(root).rglob("*.html")):
        broken, links = checker.check_page(path)
        result.broken += broken
        result.pages += 1
        result.links += links
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.linkcheck", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--base-url", default="", help="the site's own address; absolute links to it are checked")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a folder")
    result = check_site(args.site, args.base_url)
    for problem in result.broken:
        print(problem.format())
    print(f"{result.pages} pages, {result.links} internal links, {len(result.broken)} broken", file=sys.stderr)
    return 1 if result.broken else 0


if __name__ == "__main__":
    sys.exit(main())
