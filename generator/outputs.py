"""Everything the build writes besides the HTML pages: feeds, calendars, data, schemas, sitemap, papers' files.

`build.py` calls `extra_outputs` once the pages are rendered into the staged
folder, so these files are swapped in (or thrown away) together with the pages.
All of it comes from the same public `Index` the pages are rendered from.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Iterable, Iterator

from generator import urls
from generator.attachments import published
from generator.exports import DATASETS, exports
from generator.feeds import atom_feeds
from generator.ical import calendars
from generator.interrupt import never
from generator.memo import ByIdentity
from generator.moved import moved_files, redirects
from generator.resolve import Index
from generator.sitemap import robots, sitemaps

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def schema_files(base_url: str) -> Iterator[tuple[str, bytes]]:
    """The JSON Schemas, each with its published address as `$id`."""
    for name in DATASETS + ("index",):
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        schema["$id"] = urls.absolute(base_url, urls.schema(name))
        yield urls.schema(name), (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def extra_outputs(index: Index, today: dt.date, page_urls: Iterable[str], drafts: bool = False,
                  unchanged=None, memo: ByIdentity | None = None, stop=never) -> Iterator[tuple[str, bytes]]:
    """(path relative to the output folder, bytes) of every file that is not a page.

    With `unchanged` (see feeds.atom_feeds), files it reports unchanged are
    left out: a warm build keeps them as they are. `memo` and `stop`: the live
    preview's (see exports.Exporter, feeds.atom_feeds; interrupt.py).
    """
    yield from record_outputs(index, today, drafts, unchanged, memo, stop)
    yield from sitemap_outputs(index, page_urls, unchanged, stop)


def record_outputs(index: Index, today: dt.date, drafts: bool = False, unchanged=None,
                   memo: ByIdentity | None = None, stop=never) -> Iterator[tuple[str, bytes]]:
    """Everything but the sitemaps: these need only the records, not the rendered pages."""
    base = index.archive.site.base_url
    for address, data in itertools.chain(atom_feeds(index, today, unchanged, memo, stop),
                                         calendars(index, today, unchanged, memo, stop),
                                         exports(index, today, memo, stop, unchanged, drafts),
                                         schema_files(base)):
        yield address.lstrip("/"), data
    if not index.archive.site.path:  # crawlers read robots.txt at a domain's root only (docs/open-data.md)
        yield "robots.txt", robots(base, drafts)
    if index.moved:
        yield "_redirects", redirects(index, index.archive.site.path)
    yield from attachment_outputs(index, unchanged)


def attachment_outputs(index: Index, unchanged=None) -> Iterator[tuple[str, bytes]]:
    """The files published beside papers (attachments.py), each read only when `unchanged` does not know it;
    and a copy of each at the old address of its paper's page, where moved.yaml moved it (moved.moved_files),
    for hosts that do not read `_redirects`."""
    copies = ((old.lstrip("/"), attachment) for old, _, attachment in moved_files(index))
    for relative, attachment in itertools.chain(published(index), copies):
        if unchanged is not None and unchanged(relative, attachment):
            continue
        try:
            data = Path(attachment.path).read_bytes()
        except OSError:  # gone since the loader read it; the next build's loader says so where it is named
            if unchanged is not None:  # and once it is back, even as it was, the build after copies it
                unchanged.forget(relative)
            continue
        yield relative, data


def sitemap_outputs(index: Index, page_urls: Iterable[str], unchanged=None, stop=never
                    ) -> Iterator[tuple[str, bytes]]:
    # pages that only send the reader on, and the one the host serves where there is no page
    left_out = {old for old, _ in index.moved} | {urls.not_found()}
    page_urls = [url for url in page_urls if url not in left_out]
    for address, data in sitemaps(index.archive.site.base_url, page_urls, unchanged=unchanged, stop=stop):
        yield address.lstrip("/"), data
