"""The live preview's fast path for a save to a body's file that changes only what the body's own page shows:
its description (the text below the frontmatter), its member organisations and its website.

A clerk writes the body's description once and puts it right now and then. The
full rebuild takes about two seconds at 2,000 meetings for such a save: every
meeting, item and paper page of the body names the body, so each is made again
to find it reads the same. Those three are on the body's page alone (and
in the open data and the search index, which the rebuild writes): this path
renders the body's pages from the last rebuild's index with the new body in it.

Anything else in the file (a name, short name or numbering, which every page
shows; its kind, which the home page gives; a usual venue, which its meetings
take; members, whose attendance its
pages and their people's count), a description whose references now reach
other records or no longer do (their "Referenced from"), a message, or a save
while another fast path's pages wait for the rebuild, gets None and the full
rebuild does the work. The rebuild follows every time anyway (serve.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import interests
from generator.backlinks import body_entries, links_of
from generator.build import make_environment, site_templates_mention
from generator.diagnostics import Report
from generator.load_registers import body_in_file
from generator.pages import body_pages, holdings
from generator.quick import rendered_pages
from generator.urls import output_file

_ON_ITS_PAGE = ("organisations", "website", "about")


def body_quick(session, paths) -> tuple[int, list[str], list[str]] | None:
    """Write the pages of the body whose file `paths` is, when the save changed only what its page shows:
    (pages rendered, addresses written, addresses deleted). None, having written nothing, when the full rebuild
    must decide, or has nothing to write either. `session`: as for quick.quick_rebuild."""
    prepared = session.prepared
    if prepared is None or len(paths) != 1 or "loaded registers" not in session.loader_cache:
        return None
    content = Path(session.options.content)
    path = Path(paths[0]).resolve()
    if path.parent != (content / "bodies").resolve() or path.suffix != ".md":
        return None
    index, slug = prepared.index, path.stem
    before = index.archive.bodies.get(slug)
    if before is None or site_templates_mention(session.options, (b"index",)):
        return None  # a new body; or the site's own templates may show anything of a body on any page
    report = Report(root=content, _relative=session.relative)
    _, _, people, bodies, _, _ = session.loader_cache["loaded registers"]
    body = body_in_file(path, report, people, frozenset(bodies), interests.inherited(index.archive.site))
    if body is None or report.items or body == before or \
            dataclasses.replace(body, **{name: getattr(before, name) for name in _ON_ITS_PAGE}) != before:
        return None
    linker, renderer = prepared.linker, prepared.renderer
    entries = body_entries(slug, body, linker, renderer, session.scan_cache, session.markdown_cache)
    if links_of(entries) != links_of(body_entries(slug, before, linker, renderer, session.scan_cache,
                                                  session.markdown_cache)) or any(e[1] for e in entries):
        return None  # "Referenced from" changes elsewhere, or a reference the rebuild will warn of
    archive = dataclasses.replace(index.archive, bodies={**index.archive.bodies, slug: body})
    index = dataclasses.replace(index, archive=archive)
    prepared = dataclasses.replace(prepared, index=index)
    env = make_environment(session.options, prepared, report, session.compiled)
    env.filters["markdown"].__self__.cache = session.markdown_cache
    held = holdings(index, session.holdings).held.get(slug, [])  # the rebuild's: the same actions
    pages = list(body_pages(index, slug, held, prepared.today, prepared.refs))
    if not session.unsettled <= {page.url for page in pages}:
        return None  # another fast path's pages wait for the rebuild, which this one would make without its edit
    rendered = rendered_pages(env, pages, report)
    if rendered is None:
        return None
    written = [url for url, html in rendered if session.out.write_bytes(output_file(url), html.encode("utf-8"))]
    session.register_saved = f"{before.short_name}'s file"  # the meetings' fast path would show the old body
    return len(rendered), written, []
