"""The live preview's fast path: a save that changes only a meeting's prose re-renders that meeting's pages alone.

Most saves while a clerk writes up minutes change a sentence of discussion. The
whole-archive rebuild (incremental.Session.rebuild) still walks every folder,
checks every action and lists every page to find that out: about a second and a
half at 2,000 meetings, however small the edit. This path answers a narrower
question first, from the one folder the watcher saw change: is everything that
any other page shows of this meeting (its numbers, titles, dates, attendance,
actions, papers, and what its texts link to) exactly as before? Then no other
page, no message of a check across meetings and no link target can have changed,
and the meeting's own pages are rendered from the previous rebuild's index with
the new meeting in its place.

Anything else (another folder, a register, a template, a new error, a changed
title or reference) gets None, and the full rebuild does the work. The full
rebuild follows this path every time anyway (serve.py): it reports messages,
writes the feeds, data files and search index, and would correct any page this
path got wrong; tests check that it finds nothing to correct.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.backlinks import known_links, meeting_links
from generator.build import make_environment, render_page
from generator.diagnostics import Report
from generator.loader import reload_meeting
from generator.model import AgendaItem, Attendee, Meeting, MinuteItem, Movement, Paper, Source
from generator.pages import meeting_pages
from generator.publish import public_meeting
from generator.urls import output_file

# Prose that only the meeting's own pages show (and the feeds, data files and search index, which the full
# rebuild writes). Everything else a meeting holds is shown, or checked, beyond them.
_PROSE = {
    Meeting: ("notes",),
    AgendaItem: ("description",),
    MinuteItem: ("body", "resolutions"),
    Paper: ("summary", "recommendations", "risk", "equality_impact", "financial_implications",
            "patient_engagement", "next_steps", "body", "front_sheet"),
}
_LINES = {Source: ("line",), Attendee: ("line",), Movement: ("line",)}  # only messages show a line


def outline(value):
    """The value with its prose and line numbers left out: what the rest of the site may show of it."""
    kind = type(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        skip = _PROSE.get(kind, ()) + _LINES.get(kind, ())
        fields = tuple(outline(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in skip)
        if kind is Paper:  # a link to "Appendix B" of it lands on a heading of its text, when it has one
            fields += (value.appendix_anchors,)
        return (kind.__name__,) + fields
    if kind is tuple or kind is list:
        return tuple(outline(v) for v in value)
    return value


def meeting_folder(content: Path, paths) -> Path | None:
    """The one meeting folder (as the loader names it, below `content`) holding every changed path, or None."""
    meetings = (content / "meetings").resolve()  # the watcher reports paths below the resolved folder
    found = None
    for changed in paths:
        changed = Path(changed).resolve()
        try:
            parts = changed.relative_to(meetings).parts
        except ValueError:
            return None
        # a meeting folder is the deepest folder above the file with a meeting.md in it; papers/ sits inside one
        folder = None
        for depth in range(len(parts) - 1, 0, -1):
            if (meetings.joinpath(*parts[:depth]) / "meeting.md").is_file():
                folder = parts[:depth]
                break
        if folder is None or (found is not None and folder != found):
            return None
        found = folder
    return content.joinpath("meetings", *found) if found is not None else None


def quick_rebuild(session, paths) -> tuple[int, list[str]] | None:
    """Write the pages of the one meeting `paths` (files the watcher saw change) belong to, when only its prose
    changed: (pages rendered, addresses written). None, having written nothing, when the full rebuild must
    decide. `session` is the preview's incremental.Session, whose last successful rebuild this starts from."""
    prepared = session.prepared
    if prepared is None or not paths:
        return None
    folder = meeting_folder(Path(session.options.content), paths)
    cached = session.loader_cache.get(folder) if folder is not None else None
    if cached is None or not isinstance(cached[1], Meeting):
        return None
    content = Path(session.options.content)
    report = Report(root=content, _relative=session.relative)
    loaded = reload_meeting(content, folder, session.loader_cache, report)
    index = prepared.index
    before = index.by_key.get(cached[1].key)
    if report.errors or not isinstance(loaded, Meeting) or before is None or loaded.key != before.key \
            or loaded.session == "private":
        return None
    meeting = public_meeting(loaded, session.options.drafts)
    if outline(meeting) != outline(before):
        return None
    memo = session.memos.scan
    links = meeting_links(index, meeting, prepared.linker, prepared.renderer, session.scan_cache,
                          session.markdown_cache)
    if links != known_links(memo, index, before):
        return None
    env = make_environment(session.options, prepared, report, session.compiled)
    env.filters["markdown"].__self__.cache = session.markdown_cache
    rendered = []
    for page in meeting_pages(index, meeting, prepared.refs):
        html = render_page(env, page, report)
        if html is None or report.errors:  # an unsafe link, say: the full rebuild reports it
            return None
        rendered.append((page.url, html))
    written = [url for url, html in rendered if session.out.write_bytes(output_file(url), html.encode("utf-8"))]
    return len(rendered), written
