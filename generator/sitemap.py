"""`sitemap.xml` and `robots.txt`: how search engines find every page of the archive.

A sitemap holds at most 50,000 addresses (sitemaps.org); a larger archive gets
a sitemap index at /sitemap.xml pointing at /sitemap-1.xml, /sitemap-2.xml, ...
No `lastmod` is given: the archive has no honest modification date for a page,
and a wrong one teaches crawlers to ignore the field. A preview built with
--drafts asks robots to keep out altogether, in case it is put online.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable, Iterator

from generator import urls
from generator.interrupt import check, never

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"
LIMIT = 50_000


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def urlset(base_url: str, addresses: list[str], stop=never) -> bytes:
    """Written out directly, byte for byte what ElementTree gives (tests/test_feeds.py), which took a fifth of a
    second for 15,000 pages: the live preview remakes the sitemap whenever a page is added, and a save that
    comes meanwhile waits for it (serve.py); `stop` is asked every thousand addresses (interrupt.py)."""
    if not addresses:
        return _xml(ET.Element("urlset", xmlns=SITEMAPS))
    out = [f"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"{SITEMAPS}\">"]
    for start in range(0, len(addresses), 1000):
        check(stop)
        out += [f"\n  <url>\n    <loc>{_text(urls.absolute(base_url, address))}</loc>\n  </url>"
                for address in addresses[start:start + 1000]]
    out.append("\n</urlset>\n")
    return "".join(out).encode("utf-8")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sitemaps(base_url: str, page_urls: Iterable[str], limit: int = LIMIT,
             unchanged=None, stop=never) -> Iterator[tuple[str, bytes]]:
    """(address, bytes): one sitemap, or an index and its parts when there are more than `limit` pages;
    those `unchanged` (see feeds.atom_feeds) says are unchanged are left out. `stop`: see interrupt.py."""
    unchanged = unchanged or (lambda address, inputs: False)
    check(stop)
    addresses = tuple(sorted(set(page_urls)))
    if len(addresses) <= limit:
        if not unchanged(urls.sitemap(), (base_url, addresses)):
            yield urls.sitemap(), urlset(base_url, addresses, stop)
        return
    index = ET.Element("sitemapindex", xmlns=SITEMAPS)
    starts = range(0, len(addresses), limit)
    for n, start in enumerate(starts, start=1):
        check(stop)
        part = f"/sitemap-{n}.xml"
        ET.SubElement(ET.SubElement(index, "sitemap"), "loc").text = urls.absolute(base_url, part)
        if not unchanged(part, (base_url, addresses[start:start + limit])):
            yield part, urlset(base_url, addresses[start:start + limit], stop)
    if not unchanged(urls.sitemap(), (base_url, len(starts))):  # the index lists the parts, nothing more
        yield urls.sitemap(), _xml(index)


def robots(base_url: str, drafts: bool = False) -> bytes:
    if drafts:
        return b"# A preview with draft minutes: not for search engines.\nUser-agent: *\nDisallow: /\n"
    # Pagefind's index is the search page's own, and /search/*.json the reference map
    return (f"User-agent: *\nDisallow: /pagefind/\nDisallow: /search/*.json\n\n"
            f"Sitemap: {urls.absolute(base_url, urls.sitemap())}\n").encode("utf-8")
