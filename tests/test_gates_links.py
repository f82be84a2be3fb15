"""Quality gate: no broken internal link or fragment anywhere in the built sites.

Covers every HTML page of the example and fixture archives, and every address
on the site named in the feeds, calendars, sitemap and data files, since those
are links too, only followed by programs. The checker's own test builds a
small site with known breakage, so a checker that stopped looking would fail.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from gate_tools import example_site, fixture_site
from generator.linkcheck import Checker, check_site

ADDRESS = re.compile(rb"https?://[^\s\"'<>\\]+")
# Identifiers that look like addresses but are names, not links: Atom ids, calendar UIDs.
NOT_LINKS = re.compile(rb"<id>[^<]*</id>|^UID:[^\r\n]*", re.M)


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site):
    return {"example": example_site(tmp_path_factory), "fixture": fixture_site(site)}


@pytest.mark.parametrize("name", ["example", "fixture"])
def test_no_broken_links_between_pages(sites, name):
    built = sites[name]
    result = check_site(built.root, built.base_url)
    assert result.pages > 20 and result.links > 10 * result.pages, "the checker saw too few pages or links"
    assert [b.format() for b in result.broken] == []


@pytest.mark.parametrize("name", ["example", "fixture"])
def test_every_site_address_in_feeds_sitemap_and_data_exists(sites, name):
    built = sites[name]
    checker = Checker(built.root, built.base_url)
    checked, broken = 0, []
    files = [p for pattern in ("feeds/**/*", "data/**/*", "sitemap*.xml", "robots.txt")
             for p in built.root.glob(pattern) if p.is_file()]
    for path in files:
        text = NOT_LINKS.sub(b"", path.read_bytes().replace(b"\r\n ", b""))  # calendar lines unfolded
        if path.suffix == ".csv":  # a cell each line: an address in the last but one column ran on into the last
            text = "\n".join(cell for row in csv.reader(io.StringIO(text.decode("utf-8"))) for cell in row).encode()
        for address in sorted(set(ADDRESS.findall(text))):
            href = address.decode("utf-8").rstrip(".,);")
            if checker.internal_path(href, "/") is None:
                continue  # another site: licences, schema.org, webcasts
            checked += 1
            reason = checker.check(href, "/")
            if reason:
                broken.append(f"{path.relative_to(built.root)}: {href}: {reason}")
    assert checked > len(files), "too few of the site's own addresses were found in its feeds and data"
    assert broken == []


def test_link_checker_finds_missing_pages_and_fragments(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<!DOCTYPE html><h2 id="yes">Yes</h2><a name="old">old</a>')
    (tmp_path / "data.json").write_text("{}")
    (tmp_path / "index.html").write_text("""<!DOCTYPE html>
<a href="/missing/">a page that is not there</a>
<a href="/b/#nope">a heading that is not there</a>
<a href="b/#yes">fine, relative</a>
<a href="/b/#old">fine, a named anchor</a>
<a href="#top">fine</a>
<a href="#gone">a fragment of this page that is not there</a>
<a href="/data.json">fine, a file</a>
<img src="/logo.png" alt="a missing image">
<a href="https://site.example/b/#yes">fine, our own address</a>
<a href="https://site.example/c/">our own address, missing</a>
<a href="https://elsewhere.example/c/">another site: not checked</a>
""")
    result = check_site(tmp_path, "https://site.example/")
    assert [(b.page, b.line, b.href) for b in result.broken] == [
        ("index.html", 2, "/missing/"), ("index.html", 3, "/b/#nope"), ("index.html", 7, "#gone"),
        ("index.html", 9, "/logo.png"), ("index.html", 11, "https://site.example/c/")]
    assert "has no element with id 'nope'" in result.broken[1].reason
    assert result.links == 10


def test_link_checker_finds_a_broken_fragment_in_a_real_page(sites, tmp_path):
    """The meeting page's own contents links, pointed at a heading that was renamed."""
    built = sites["example"]
    meeting = built.pages["meeting.html"].strip("/")
    html = (built.root / meeting / "index.html").read_text(encoding="utf-8")
    assert 'href="#agenda"' in html
    (tmp_path / meeting).mkdir(parents=True)
    (tmp_path / meeting / "index.html").write_text(html.replace('id="agenda"', 'id="business"'), encoding="utf-8")
    broken = Checker(tmp_path).check_page(tmp_path / meeting / "index.html")[0]
    assert "#agenda" in [b.href for b in broken]
