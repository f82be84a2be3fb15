"""A site published below a path of its domain (base_url https://council.example/minutes/), as a council's
web team or a GitHub Pages project site publishes it: every link of every page leads into the site there, and
the site is otherwise the one published at a domain's root.

The search page under a path is tried in a real browser in tests/test_search_browser.py, the preview in
tests/test_serve.py, and a base_url whose path would need escaping in tests/test_errors.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import Options, run
from generator.exports import DATASETS
from generator.linkcheck import Checker, check_site
from generator.urls import below
from helpers import FIXTURE, TODAY, edit, html_pages, index_disagrees

ROOT = "https://records.testshire.example/"
BELOW = "https://records.testshire.example/minutes/"
# An attribute holding an address from the domain's root, quoted either way.
FROM_ROOT = re.compile(r"""\s(?:href|src|action|poster|data)=["'](/[^"']*)""")


def test_links_from_the_root_are_put_below_the_path_and_nothing_else_is():
    html = ("""<a href="/ccb/">x</a><img src='/static/a.png' alt=""><form action="/search/"></form>"""
            """<a href="//cdn.example/x">x</a><a href="https://elsewhere.example/">x</a><a href="#item-1">x</a>"""
            """<a href="papers/a/">x</a><p>write href=&#34;/ccb/&#34; and data-base="/" stays</p>""")
    assert below("/minutes", html) == (
        """<a href="/minutes/ccb/">x</a><img src='/minutes/static/a.png' alt=""><form action="/minutes/search/">"""
        """</form><a href="//cdn.example/x">x</a><a href="https://elsewhere.example/">x</a><a href="#item-1">x</a>"""
        """<a href="papers/a/">x</a><p>write href=&#34;/ccb/&#34; and data-base="/" stays</p>""")
    assert below("", html) is html


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The fixture archive built twice: published at its domain's root, and below /minutes/."""
    sites = {}
    for name, base_url in (("root", ROOT), ("below", BELOW)):
        folder = tmp_path_factory.mktemp(name)
        content = folder / "content"
        shutil.copytree(FIXTURE, content)
        edit(content, "site.yaml", f"base_url: {ROOT}", f"base_url: {base_url}")
        result = run(Options(content=content, out=folder / "site", today=dt.date.fromisoformat(TODAY)))
        assert result.ok and not result.report.sorted(), [d.format() for d in result.report.sorted()]
        sites[name] = folder / "site"
    return sites


def test_every_link_from_the_root_on_every_page_stays_below_the_path(built):
    pages = html_pages(built["below"])
    links = [(page, href) for page in pages for href in FROM_ROOT.findall(page.read_text(encoding="utf-8"))]
    assert len(links) > 20 * len(pages)
    assert [(p.name, href) for p, href in links if not href.startswith("/minutes/")] == []


def test_the_site_below_a_path_is_the_site_at_the_root_with_its_addresses_moved(built):
    """The same files but robots.txt, and the same bytes once the path is taken out of each address again. The
    open data's event ids are made from each meeting's address (exports.py), and a calendar UID names the path
    (ical.uid), so those differ too, and so do the sizes and checksums of the data files holding them (index.json);
    the data page writes the files' addresses with the path."""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    def taken_out(data: bytes) -> bytes:
        data = data.replace(BELOW.rstrip("/").encode(), ROOT.rstrip("/").encode()).replace(b"\r\n ", b"")
        data = re.sub(rb"""(\s(?:href|src|action|data-base)=["']|content="0; url=)/minutes/""", rb"\1/", data)
        data = re.sub(rb"^/minutes(/\S*) /minutes/", rb"\1 /", data, flags=re.M)  # _redirects (moved.py)
        data = re.sub(rb"^UID:minutes/", b"UID:", data, flags=re.M)
        data = data.replace(b"<code>/minutes/data/", b"<code>/data/")
        data = re.sub(rb'"bytes": \d+, "sha256": "[0-9a-f]{64}"', b'"bytes": 0, "sha256": ""', data)
        return re.sub(rb"ocd-event/[0-9a-f-]{36}", b"ocd-event/ID", data)

    root, below_ = files(built["root"]), files(built["below"])
    assert sorted(set(root) - {"robots.txt"}) == sorted(below_)  # crawlers ask for it at the domain's root only
    assert [name for name in below_ if taken_out(root[name]) != taken_out(below_[name])] == []
    assert [name for name in below_ if root[name] != below_[name]], "the two builds were not published apart"


# An address from the domain's root into the data (/data/...), not below the path (/minutes/data/) nor in another
# address (https://docs.opencivicdata.org/en/latest/data/event.html)
DATA_FROM_ROOT = re.compile(r".{0,30}(?<![\w.-])/data/.{0,30}")


def test_the_open_data_page_index_and_schemas_give_the_data_files_addresses_below_the_path(built):
    """A reuser of a site below /minutes/ copies the addresses the data page, index.json and the schemas give:
    the page gave /data/minutes/<body>/<year>.json, and the meetings schema said to see /data/ on the site, both
    at the domain's root, where the council's own site answers."""
    site = built["below"]
    index = json.loads((site / "data" / "index.json").read_text(encoding="utf-8"))
    assert index["files"] and all(f["url"].startswith(f"{BELOW}data/") for f in index["files"])
    assert index_disagrees(site) == []
    texts = {name: (site / name).read_text(encoding="utf-8") for name in
             ["data/index.html", *(f"data/schemas/{s}.schema.json" for s in ("index", *DATASETS))]}
    assert [(name, found) for name, text in texts.items() for found in DATA_FROM_ROOT.findall(text)] == []
    assert "<code>/minutes/data/minutes/&lt;body&gt;/&lt;year&gt;.json</code>" in texts["data/index.html"]


def test_no_link_is_broken_when_the_site_is_served_below_its_path(built):
    result = check_site(built["below"], BELOW)
    assert result.pages > 20 and result.links > 10 * result.pages
    assert [b.format() for b in result.broken] == []


def test_the_link_checker_finds_a_link_that_leaves_the_path(built, tmp_path):
    """The gate above would pass a site whose links all missed the path, if the checker did not look."""
    html = (built["below"] / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(html.replace('href="/minutes/static/style.css"', 'href="/static/style.css"'),
                                         encoding="utf-8")
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "style.css").write_text("")
    broken = Checker(tmp_path, BELOW).check_page(tmp_path / "index.html")[0]
    assert [(b.href, b.reason) for b in broken if b.href == "/static/style.css"] == [
        ("/static/style.css", "it leaves the site, which is published below /minutes/")]
