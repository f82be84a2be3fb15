"""The live preview's fast path: a save within one meeting's folder writes that meeting's own pages first.

Most saves while a clerk writes up minutes change a sentence, a title, an
action or an attendee of one meeting. The whole-archive rebuild
(incremental.Session.rebuild) still walks every folder, checks every action and
lists every page to find out what that changed: two to three seconds at 2,000
meetings, however small the edit. This path starts from the one folder the
watcher saw change and the previous rebuild's index:

- if nothing any other page shows of the meeting changed (its numbers, titles,
  dates, attendance, actions, papers, and what its texts link to), the
  meeting's pages are rendered from that index with the new meeting in its
  place: they are then all the pages the edit changes;
- otherwise, if what references reach in it is as it was (so every
  reference in the archive still reaches what it reached), the index is made
  around the new meeting (resolve.with_meeting, backlinks.with_meeting) exactly
  as a full rebuild would resolve it, and the meeting's own pages are rendered
  from that;
- and if it adds or removes what references reach (a minute number, an action,
  a paper or appendix, an agenda item, an attendee's initials), so is the
  linker (Linker.around), the meeting's texts are resolved and rendered afresh
  by it, and other meetings' references that did not resolve before are
  resolved again (backlinks.relinked): one may cite the new item, and those
  that linked to the meeting: one may no longer reach it.

Either way the edit must keep the meeting's address (a new date in the same
year, on the same side of today, on no other of its body's meetings' days:
resolve.with_meeting puts it among the meetings again),
and break no check across meetings (a number or action id another
meeting has, an update of an unknown action). The other pages that show the
edit are written right after the meeting's own, in six kinds, each kind
before the next is made: the pages of the actions the meeting raises or
updates, which show each action's history; the pages of other meetings'
items, papers and actions whose "Referenced from" list the edit changed, and
those of other meetings and bodies whose texts' links to the meeting changed
(a number they cited before its minute was written, one it no longer has, its
title or date in a [[...]] link); the
pages of the meetings that show something of it (its neighbours, those whose
logs update its actions, those its minutes approve or that approve them), when
their inputs changed; the pages of the people the meeting lists or whose
actions it holds; the lists that show it (the home page, the archive's, its
year's, its body's pages, action tracker and register of declarations of
interest, whose pages it takes away with the last declaration of a year; and
the page and tracker of each other body it gives an action to, or gave one,
whose tracker's pages it takes away with the last action of a year); and
the pages that count what the archive holds (the people page, the open data
page). Only what a full
rebuild would make differently is written: a page whose deps are those the
last rebuild rendered it from is left as it is.

Anything else (another folder, a register (but see quick_people.py), a
template, a load error, a date that moves the meeting's pages, an edit to what
another meeting's pages show of a call-in: resolve.with_meeting) gets None, and
the full rebuild does the work. The full
rebuild follows this path every time anyway (serve.py): it reports messages,
writes the other pages, the feeds, data files and search index, and would
correct any page this path got wrong; tests check that it finds none to correct.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import ChainMap
from pathlib import Path

from generator import urls
from generator.actions import Track, holders, named
from generator.backlinks import addresses, known_entries, links_of, meeting_entries, meeting_refs, relinked
from generator.backlinks import changed as backlinks_changed
from generator.backlinks import with_meeting as with_backlinks
from generator.build import make_environment, render_page
from generator.diagnostics import Report
from generator.fingerprint import Digests
from generator.loader import reload_meeting
from generator.model import (AgendaItem, Attendee, Meeting, MinuteItem, MisplacedHeading, Movement, Paper, Source,
                            archive_order)
from generator.namesakes import page_names
from generator.pages import (Holdings, action_page, bodies_sat_on, body_attendance, body_pages, holdings,
                             by_surname, listings, meeting_inputs, meeting_pages, meeting_urls, open_data_page,
                             people_index, person_pages, records_attendance, records_by_year, register_addresses,
                             search_page, tracker_addresses)
from generator.publish import public_meeting
from generator.render import LINKED
from generator.resolve import PAPER_ROLES, action_key, appearances_of, entries_of, with_meeting
from generator.urls import action, output_file
from generator.validate import check_meeting, later_sittings, numbered_twice_in_a_run

# Prose that only the meeting's own pages show (and the feeds, data files and search index, which the full
# rebuild writes). Everything else a meeting holds is shown, or checked, beyond them.
_PROSE = {
    Meeting: ("notes",),
    AgendaItem: ("description",),
    MinuteItem: ("body", "resolutions"),
    Paper: ("summary", "recommendations", "risk", "equality_impact", "financial_implications",
            "patient_engagement", "next_steps", "body", "front_sheet"),
}
# only messages show a line
_LINES = {Source: ("line",), Attendee: ("line",), Movement: ("line",), MisplacedHeading: ("line",)}


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


def same_outline(one, other) -> bool:
    """`outline(one) == outline(other)`, found without making either outline: a record shared by both (a paper or
    action log the save did not read again) is the same at once, and the first field that differs ends the
    comparison (a retitled item, the first of its minutes' items). Each save compared the whole of the two
    meetings' outlines, 3.8 ms at 500 meetings on a shared machine."""
    if one is other:
        return True
    kind = type(one)
    if type(other) is not kind:
        return outline(one) == outline(other)
    if dataclasses.is_dataclass(one) and not isinstance(one, type):
        skip = _PROSE.get(kind, ()) + _LINES.get(kind, ())
        if not all(same_outline(getattr(one, f.name), getattr(other, f.name))
                   for f in dataclasses.fields(one) if f.name not in skip):
            return False
        return kind is not Paper or one.appendix_anchors == other.appendix_anchors
    if kind is tuple or kind is list:
        return len(one) == len(other) and all(same_outline(a, b) for a, b in zip(one, other))
    return one == other


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


def quick_rebuild(session, paths, written_own=lambda: None) -> tuple[int, list[str], list[str]] | None:
    """Write the pages of the one meeting `paths` (files the watcher saw change) belong to, and delete those of
    its items, papers and actions that are gone (one marked confidential, say): (pages rendered, addresses
    written, addresses deleted). None, having written nothing, when the full rebuild must decide. `session` is
    the preview's incremental.Session, whose last successful rebuild this starts from; `written_own` is called
    once the meeting's own pages are written, before the other pages that show something of it."""
    prepared = session.prepared
    if prepared is None or not paths:
        return None
    folder = meeting_folder(Path(session.options.content), paths)
    cached = session.loader_cache.get(folder) if folder is not None else None
    # A folder the rebuild since `prepared` could not read (a mistake, put right by this save: Session._recovering)
    # is the meeting `prepared` read there, if it was one
    if cached is None or not (isinstance(cached[1], Meeting) or prepared is session.good):
        return None
    content = Path(session.options.content)
    report = Report(root=content, _relative=session.relative)
    loaded = reload_meeting(content, folder, session.loader_cache, report, session.reload_parts)
    index, linker = prepared.index, prepared.linker
    if report.errors or not isinstance(loaded, Meeting):
        return None
    before = index.by_key.get(cached[1].key if isinstance(cached[1], Meeting) else loaded.key)
    if before is None or loaded.key != before.key or loaded.source != before.source \
            or loaded.session == "private" or _crosses_today(before, loaded, prepared.today):
        return None
    meeting = public_meeting(loaded, session.options.drafts)
    # A file to copy, or to take down: the rebuild's work (outputs.attachment_outputs).
    if _files(meeting) != _files(before):
        return None
    old_entries = known_entries(session.memos.scan, index, before)
    if old_entries is None:
        return None
    markdown, scanned = session.markdown_cache, session.scan_cache
    # A minute number, action, paper, appendix, agenda item or attendee's initials added or removed: a reference
    # anywhere may reach it now, or no longer.
    moved = entries_of(meeting) != entries_of(before) or linker.targets(meeting, known=False) != linker.targets(before)
    patched = _checked(with_meeting(index, before, meeting), loaded, prepared.archive) if moved else None
    if moved:
        if patched is None:
            return None
        linker = linker.around(patched, before, meeting)
        # What the session keeps was resolved by the old linker; this one's must not go there. HTML no link
        # decides (of a text with nothing that looks like a reference) is read through; so is every scan
        # result, which carries the signature of the linker that made it and is resolved again when it differs.
        markdown = _Unlinked(markdown, lambda key, _: key not in session.markdown_cache.get(LINKED, ()))
        scanned = _Unlinked(scanned, lambda key, entry: True)
    entries = meeting_entries(index, meeting, linker, prepared.renderer, scanned, markdown)
    if moved or not same_outline(meeting, before) or links_of(entries) != links_of(old_entries):
        patched = patched or _checked(with_meeting(index, before, meeting), loaded, prepared.archive)
        if patched is None:
            return None
        patched.backlinks = with_backlinks(index.backlinks, before, entries, old_entries)
        if moved:
            patched.backlinks = relinked(patched.backlinks, session.memos.scan, session.scan_cache, linker, before,
                                         meeting)
        index, prepared = patched, dataclasses.replace(prepared, index=patched, linker=linker)
    env = make_environment(session.options, prepared, report, session.compiled)
    env.filters["markdown"].__self__.cache = markdown
    # What the meeting's texts link to now, where the last rebuild's refs have what they linked to before the save
    refs = ChainMap(meeting_refs(meeting, entries, meeting_urls(index, meeting)), prepared.refs)
    # Compared as the full rebuild compares them, by the digests of their deps, with those the page on disk was
    # made from: the last rebuild's, or those of a save since (an edit undone must be undone on disk too, but
    # a page made for the save before need not be made again for each save after it).
    memo = Digests(session.digests)
    digests: dict[str, bytes] = {}
    naming: set[str] = set()  # see below
    reach = None

    def stale(page) -> bool:
        digest = digests[page.url] = memo.of((page.deps, reach) if page.url in naming else page.deps)
        if page.url in session.drawn:
            return session.drawn[page.url] != digest
        return page.url in session.unsettled or session.pages.get(page.url) != digest

    own = list(meeting_pages(index, meeting, prepared.today, refs))
    rendered = rendered_pages(env, [page for page in own if stale(page)], report)
    if rendered is None:
        return None
    written = [url for url, html in rendered if session.out.write_bytes(output_file(url), html.encode("utf-8"))]
    session.drawn.update((url, digests[url]) for url, _ in rendered)
    # Pages of items, papers or actions it no longer has: since the last rebuild, or since a save before this one
    # (an item added and taken out again before the rebuild came)
    reached = addresses(meeting, linker.bodies)
    gone = sorted(((addresses(before, linker.bodies) if moved else set()) | session.reached.get(meeting.key, set()))
                  - reached)
    for url in gone:
        session.out.delete(output_file(url))
        session.drawn.pop(url, None)
    written_own()
    # What the rest of the site shows of the meeting changed, or an earlier save since the last rebuild wrote
    # pages besides these, which this one may undo (an edit taken back before the rebuild came).
    if index is not session.prepared.index or not session.unsettled <= {page.url for page in own}:
        # Written next, after the meeting's own pages, which the clerk is most likely looking at: the pages of
        # the actions it raised or updated, which show their history; of other meetings' items, papers and
        # actions whose "Referenced from" the edit changed; of the meetings that show something of it (its
        # neighbours, those whose logs update its actions); of the people it lists; the lists; the pages that
        # count people, minutes and actions. Each kind is
        # written before the next is made: made together, an action's page waited for the people's, each of
        # which lists every meeting its person attended (docs/performance-history.md).
        today = prepared.today
        attended: dict = {}  # body_attendance of each body, worked out once for the people's pages and the lists
        # Pages of other meetings' texts whose links to the meeting are not as they were. Their deps (the last
        # rebuild's refs) do not say so: what references reach in the meeting is compared with their deps
        naming.update(_citing(session.prepared.index, index, before, meeting, linker.bodies) if moved else ())
        reach = (entries_of(meeting), linker.targets(meeting, known=False)) if naming else None
        # a new date: the actions the body's meeting before raised due at "the next meeting" are due then
        redated = _redated(session.prepared.index, index) if before.date != meeting.date else []
        listed = _listed_people(session, index, before, meeting, redated,
                                _relinked(entries, old_entries, before, meeting))
        holding = _holding(session, index, before, meeting, redated)
        # the last rebuild's Holdings, made as it rendered, and those after the edit, made from them
        had = holdings(session.prepared.index, session.holdings)
        has = holdings(index, had)
        held = has.held
        their_years = functools.cache(lambda: _their_years(session.prepared.index, index, had, has, listed))
        kinds = (lambda: [action_page(index, track, today, refs)
                          for track in {t.key: t for t in meeting_tracks(index, meeting) + redated}.values()],
                 lambda: _cited(session, memo, index, today, refs, naming),
                 lambda: _related(session, memo, index, before, meeting, today, refs, redated),
                 lambda: _people(index, listed, today, refs, attended, *their_years(), session.unsettled),
                 lambda: _lists(index, meeting, today, refs, attended, held, naming, holding,
                                _sitting_years(session.prepared.index, index, before, meeting)),
                 lambda: _counts(index, before, meeting, session.unsettled))
        done = {page.url for page in own}
        for pages in kinds:
            more = rendered_pages(env, [page for page in pages() if page.url not in done and stale(page)], report)
            if more is None:
                break
            done.update(url for url, _ in more)
            written += [url for url, html in more if session.out.write_bytes(output_file(url), html.encode("utf-8"))]
            session.drawn.update((url, digests[url]) for url, _ in more)
            rendered += more
        # A year page of a person's that the edit leaves without records, and a body's register's
        for url in (_years_gone(session, listed, their_years()[1]) + _registers_gone(session, index, meeting.body)
                    + _trackers_gone(session, before, [meeting.body, *holding], held)):
            session.out.delete(output_file(url))
            session.drawn.pop(url, None)
            gone.append(url)
    session.reached[meeting.key] = reached
    return len(rendered), written, gone


def _files(meeting: Meeting) -> list:
    return [(p.ref, a.published, a.digest) for p in meeting.papers for a in p.attachments]


def rendered_pages(env, pages, report: Report) -> list[tuple[str, str]] | None:
    """(address, HTML) of each page, or None if one fails (an unsafe link, say): the full rebuild reports it."""
    rendered = []
    for page in pages:
        html = render_page(env, page, report)
        if html is None or report.errors:
            return None
        rendered.append((page.url, html))
    return rendered


def _citing(old_index, index, before: Meeting, meeting: Meeting, bodies) -> set[str]:
    """The pages of other meetings' texts whose links to the meeting change with an edit that changes what
    references reach in it (Linker.targets): those that linked to what it no longer has (an item renumbered, a
    paper taken out: now plain text, reported), to its page (an agenda row gone), or to anything of it when its
    title or date changed (a [[...]] link is worded with both: references._meeting_words); and those that
    link to it now and did not (backlinks.relinked: a number cited before the minute was written). A body's
    text is on its body's page (_lists makes it)."""
    page, had, has = urls.meeting(before), addresses(before, bodies), addresses(meeting, bodies)
    reached = {page} | (had if (before.title, before.date) != (meeting.title, meeting.date) else had - has)
    places = [place for address in reached for place in old_index.backlinks.get(address, ())]
    for address in {page} | has:
        known = {(place.url, place.label) for place in old_index.backlinks.get(address, ())}
        places += [place for place in index.backlinks.get(address, ()) if (place.url, place.label) not in known]
    return {url for place in places if place.meeting is None or place.meeting.key != meeting.key
            for url in ((place.url.split("#")[0], urls.meeting(place.meeting)) if place.meeting else (place.url,))}


def _cited(session, memo: Digests, index, today, refs, naming: set[str] = frozenset()) -> list:
    """The pages of meetings' items, papers and actions whose backlinks in `index` do not show what those the last
    rebuild showed did (a reference added to the edited meeting or taken out of it), those a save since that
    rebuild wrote (whose reference may now be undone), and those in `naming` (_citing). A person's page is
    _people's; a body's, _lists'.

    Backlinks are compared as the pages' deps are (`memo`, by what each place shows: references.Place.__digest__),
    not with ==: the edited meeting is a new object in every place of its texts, so == found every page its texts
    link to changed (a new paper's save made and digested the pages of the four meetings the synthetic meeting
    cites, and rendered none of them)."""
    old, new = session.prepared.index.backlinks, index.backlinks
    changed = {url for url in backlinks_changed(old, new)
               if memo.of_record(old.get(url)) != memo.of_record(new.get(url))} | session.unsettled | naming
    if not changed:
        return []
    held: dict[str, set] = {}  # meeting key -> its pages among them
    pages = []
    for key, (_, addresses_made, _) in session.groups.items():
        found = addresses_made.keys() & changed  # a view and a set: the few changed looked up, not every page
        if found:
            held[key] = found
    for key, found in held.items():
        meeting = index.by_key.get(key)
        if meeting is not None:
            pages += [page for page in meeting_pages(index, meeting, today, refs) if page.url in found]
    for url in sorted(changed):
        deps = session.deps.get(url, ((),))[0]
        track = index.tracks.get(deps[0].key) if deps and isinstance(deps[0], Track) else None
        if track is not None and action(track.action) == url:
            pages.append(action_page(index, track, today, refs))
    return pages


def _related(session, memo: Digests, index, before: Meeting, meeting: Meeting, today, refs, redated=()) -> list:
    """The pages of the other meetings whose inputs (pages.meeting_inputs) are not those the last rebuild rendered
    them from: the meetings before and after it, those that raised or updated the actions it raises or updates
    (or `redated`, whose due dates a new date moved), and those whose minutes it approved or that approved its
    own. Their pages show only some of what those inputs hold (a neighbour's page, the meeting's title and
    date): the caller keeps those whose deps changed."""
    old_index = session.prepared.index
    related = {m.key for m in (old_index.previous(meeting), old_index.next(meeting), index.previous(meeting),
                               index.next(meeting)) if m is not None}  # a new date may give it new neighbours
    for track in meeting_tracks(index, meeting) + meeting_tracks(old_index, before) + list(redated):
        related.update([track.raised.key] + [step.meeting.key for step in track.steps])
    related.update(m.key for m in index.by_body[meeting.body] if m.minutes and m.minutes.approved_at == meeting.key)
    if meeting.minutes and meeting.minutes.approved_at:
        related.add(meeting.minutes.approved_at)
    related.update(m.key for m in index.archive.meetings if m.rearranged_to == meeting.key)  # they link to it
    related.update(key for key in (before.rearranged_to, meeting.rearranged_to) if key)  # and it to them
    # the sittings of an adjourned meeting link each other (its agenda, the minutes taken at a later one), the
    # first's agenda every later sitting's minutes
    related.update(key for key in (before.adjourned_to, meeting.adjourned_to) if key)
    related.update(m.key for m in (*_other_sittings(old_index, before), *_other_sittings(index, meeting)))
    pages = []
    for key in sorted(related - {meeting.key}):
        other, group = index.by_key.get(key), session.groups.get(key)
        if other is not None and group is not None and memo.of(meeting_inputs(index, other, today, refs)) != group[0]:
            pages += meeting_pages(index, other, today, refs)
    return pages


def _other_sittings(index, meeting: Meeting) -> tuple:
    """The published sittings of the meeting a sitting is one of, besides it: those before it (Index.continues,
    in turn) and those after it (Index.sittings)."""
    earlier, seen, at = [], {meeting.key}, index.continues(meeting)
    while at is not None and at.key not in seen:
        earlier.append(at)
        seen.add(at.key)
        at = index.continues(at)
    return (*earlier, *index.sittings(meeting))


def _listed_people(session, index, before: Meeting, meeting: Meeting, redated=(), relinked: bool = True) -> list[str]:
    """The ids of the people whose pages the edit can change: those the meeting records (before or after it), if
    what their pages show of it changed (_shown_to_people); the owners of the actions it raises or updates whose
    records changed (or `redated`); whom a reference it added or took out reaches (`[[person:...]]`), whose
    "Referenced from" lists its items. For a new date, or attendance recorded or no longer recorded, the body's
    members too, whose attendance is counted over the meetings their membership covers. And those whose pages a
    save since the last rebuild wrote or deleted, which this one may undo. `relinked`: whether a text of the
    meeting a person's page may show (a declaration, an action) links otherwise (_relinked); each of them is then
    made again. Made and compared, every attendee's and owner's pages were a sixth of the fast path's work for a
    new paper, and found unchanged."""
    ids: set[str] = set()
    if relinked or _shown_to_people(before) != _shown_to_people(meeting):
        for m in (before, meeting):  # and whom a substitute attended for, whose page counts it
            ids.update(pid for pid, _ in appearances_of(m))
            ids.update(a.deputising_for.id for a in m.attendance.deputising if a.deputising_for)
    old_tracks = {track.key: track for track in meeting_tracks(session.prepared.index, before)}
    for track in meeting_tracks(index, meeting) + list(redated):
        had = old_tracks.pop(track.key, None)
        if relinked or had is None or had.__digest__() != track.__digest__():
            ids.update(owner.id for owner in track.action.owners if owner.id)
            if had is not None:
                ids.update(owner.id for owner in had.action.owners if owner.id)
    for track in old_tracks.values():  # no longer raised or updated here
        ids.update(owner.id for owner in track.action.owners if owner.id)
    if before.date != meeting.date or records_attendance(before) != records_attendance(meeting):
        ids.update(member.who.id for member in index.archive.bodies[meeting.body].members if member.who.id)
    people = index.archive.people
    ids.update(pid for pid in _persons_in(backlinks_changed(session.prepared.index.backlinks, index.backlinks))
               if pid in people)
    ids |= _persons_in(session.unsettled)
    return sorted(pid for pid in ids if pid in people)


def _shown_to_people(meeting: Meeting) -> tuple:
    """What the pages of the people a meeting records show of it (pages.person_pages and their deps): how it is
    named and whether it was held (actions.named), who appears in what role, the papers that name them, the items
    an interest was declared or a vote recorded at, and who was present, sent apologies or was substituted for,
    which each member's attendance counts."""
    appeared = appearances_of(meeting)
    items = meeting.minutes.items if meeting.minutes else ()
    return (named(meeting), tuple((pid, a.role, a.detail, a.interest_type) for pid, a in appeared),
            tuple((p.ref, p.name, p.title, p.language) for _, a in appeared if a.role in PAPER_ROLES
                  for p in (meeting.paper(a.detail),) if p is not None),
            tuple(item for item in items if item.declarations or item.votes),
            tuple(a.deputising_for.id for a in meeting.attendance.deputising if a.deputising_for))


def _relinked(entries: list, old_entries: list, before: Meeting, meeting: Meeting) -> bool:
    """Whether a text of the meeting besides its papers' (which no person's page shows) links, or fails to,
    otherwise than before the edit: a declaration or an action naming a paper the edit added, say."""
    papers = {urls.paper(m, p) for m in (before, meeting) for p in m.papers}

    def found(of: list) -> list:
        return [(links, dangling) for links, dangling, place, _, _ in of if place.url.split("#")[0] not in papers]
    return found(entries) != found(old_entries)


def _their_years(old, index, had: Holdings, has: Holdings, listed: list[str]) -> tuple[dict, dict]:
    """(the actions each of the people `listed` owns after the edit; each one's records_by_year before it, as the
    last rebuild had them (`old`, its index; `had`, its Holdings), and after it)."""
    owned = {pid: has.owned.get(pid, []) for pid in listed}
    return owned, {pid: (records_by_year(old.appearances.get(pid, []), had.owned.get(pid, [])),
                         records_by_year(index.appearances.get(pid, []), owned[pid])) for pid in listed}


def _people(index, listed: list[str], today, refs, attended: dict, owned: dict, records: dict, unsettled: set) -> list:
    """The pages of the people `listed` (_listed_people): each one's page, and those of their year pages the
    edit can change (_years_changed); `owned` and `records`: _their_years."""
    if not listed:
        return []
    people = index.archive.people
    member_of = bodies_sat_on(index, set(listed))
    _attendance(index, {b.slug for bodies in member_of.values() for b in bodies}, attended)
    names = page_names(people)
    return [page for pid in listed
            for page in person_pages(index, people[pid], tuple(owned[pid]), tuple(member_of.get(pid, ())), today,
                                     refs, attended, names, _years_changed(unsettled, pid, *records[pid]),
                                     records[pid][1])]


def _years_changed(unsettled: set, pid: str, had: dict, has: dict) -> set[int]:
    """The years of the person's year pages (pages.person_pages) that the edit can change, of those it leaves
    them (`has`, records_by_year after the edit; `had`, before it): a year whose records are not the very ones
    the last rebuild listed (their appearances at the edited meeting, an action it raised or updated), a year
    they had no page for, one whose page links other years either side (a year gained or lost next to it), and
    one whose page a save since the last rebuild wrote (`unsettled`), which this one may undo. The others'
    pages are made of the same records, names and links as the last rebuild's: made and compared, they were
    most of the fast path's work for an edit that changed no one's records (a retitled item)."""
    before, after = list(had), list(has)
    where = {year: position for position, year in enumerate(before)}
    changed = set()
    for position, year in enumerate(after):
        was = where.get(year)
        if was is None or _either_side(after, position) != _either_side(before, was) \
                or not _same(had[year], has[year]) or urls.person_year(pid, year) in unsettled:
            changed.add(year)
    return changed


def _either_side(years: list[int], position: int) -> tuple:
    return years[position - 1] if position else None, years[position + 1] if position + 1 < len(years) else None


def _same(records: tuple[list, list], others: tuple[list, list]) -> bool:
    """Whether two years' (appearances, tracks) are the very same records, in the same order."""
    return all(len(mine) == len(theirs) and all(a is b for a, b in zip(mine, theirs))
               for mine, theirs in zip(records, others))


def _years_gone(session, listed: list[str], records: dict) -> list[str]:
    """The year pages of the people `listed` that they no longer have: the edit took away their last record of
    a year (an attendee taken out, an action given to someone else), or took back one a save since the last
    rebuild added, whose page that save wrote; `records`: _their_years."""
    gone = []
    for pid in listed:
        had, has = records[pid]
        before = {urls.person_year(pid, year) for year in had}
        before.update(url for url in session.unsettled if _persons_in([url]) == {pid} and url != urls.person(pid))
        gone += sorted(before - {urls.person_year(pid, year) for year in has})
    return gone


def _registers_gone(session, index, slug: str) -> list[str]:
    """The pages of the body's register of declarations of interest that the edit leaves with none to list (the
    last declaration of a year taken out, or the body's last), or that a save since the last rebuild wrote and
    this one takes back."""
    root = urls.declarations(slug)
    had = set(register_addresses(slug, session.prepared.index.by_body.get(slug, ())))
    had.update(url for url in session.unsettled if url.startswith(root))
    return sorted(had - set(register_addresses(slug, index.by_body.get(slug, ()))))


def _holding(session, index, before: Meeting, meeting: Meeting, redated=()) -> list[str]:
    """The other bodies whose trackers list an action the meeting raises or updates (or `redated`), before or after
    the edit: those it gives an action to (`owner: {body: slug}`), or gave one before it. And those whose tracker
    pages a save since the last rebuild wrote, which this one may undo."""
    slugs = {slug for track in meeting_tracks(session.prepared.index, before) + meeting_tracks(index, meeting)
             + list(redated) for slug in holders(track)}
    slugs.update(slug for slug in index.by_body if any(_tracker_page(url, slug) for url in session.unsettled))
    return sorted(slugs - {meeting.body})


def _tracker_page(url: str, slug: str) -> bool:
    """Whether `url` is one of the body's tracker pages (pages.tracker_addresses), not an action's page below it."""
    return url == urls.actions(slug) or url.startswith(urls.actions(slug) + "closed/")


def _trackers_gone(session, before: Meeting, slugs: list[str], held: dict) -> list[str]:
    """The tracker pages of the bodies `slugs` that the edit leaves with none to list (a body's last action, or
    the last it was given, taken out or given to someone else; the last closed in a year reopened), or that a
    save since the last rebuild wrote and this one takes back; `held`: actions_held after the edit. Only a page
    that listed an action of the meeting as it was can have lost its last."""
    was = meeting_tracks(session.prepared.index, before)
    gone = []
    for slug in slugs:
        had = set(tracker_addresses(slug, [track for track in was if slug in holders(track)]))
        had.update(url for url in session.unsettled if _tracker_page(url, slug))
        gone += sorted(had - set(tracker_addresses(slug, held.get(slug, ()))))
    return gone


def _persons_in(addresses) -> set[str]:
    """The ids of the people whose page or year page is among `addresses` (not the people page)."""
    root = urls.people()
    return {url[len(root):].split("/", 1)[0] for url in addresses if url.startswith(root) and url != root}


def _crosses_today(before: Meeting, meeting: Meeting, today) -> bool:
    """Whether a new date moves the meeting between those held and those to come, which every list shows apart
    (the home page's recent and upcoming, a body's last meeting): the full rebuild's work."""
    return (before.date <= today) != (meeting.date <= today)


def _redated(old_index, index) -> list:
    """The tracks with_meeting made again for the meeting's new date besides its own (its actions' and its
    log's): those the body's meeting before raised due at "the next meeting", or whose due date its log revised
    to it."""
    return [track for key, track in index.tracks.items()
            if (was := old_index.tracks.get(key)) is not None and was is not track
            and (was.action.due != track.action.due
                 or [s.update.due for s in was.steps] != [s.update.due for s in track.steps])]


def _sitting_years(old_index, index, before: Meeting, meeting: Meeting) -> set[int]:
    """The years of the sittings it was or is adjourned to, whose rows in the lists say they are reconvened
    sittings (pages._sittings): one adjourned in December may reconvene in January."""
    return {m.date.year for m in (old_index.reconvened(before), index.reconvened(meeting)) if m is not None}


def _lists(index, meeting: Meeting, today, refs, attended: dict, held: dict, naming: set[str] = frozenset(),
           holding: list[str] = (), sittings: set[int] = frozenset()) -> list:
    """The lists that show the meeting: the home page, the archive's, its year's, its body's pages, action
    tracker and register of declarations; the search page, whose example number may be its first minute's; the
    pages of other bodies whose own text links to it, in `naming` (_citing); and the pages and trackers of the
    bodies `holding` (_holding), which list actions it gives them; `held`: actions_held. `sittings`: the years
    of the sittings it is adjourned to (_sitting_years), whose lists show them so."""
    years = {meeting.date.year, *sittings}
    others = sorted(slug for slug in index.archive.bodies if slug != meeting.body and urls.body(slug) in naming
                    and slug not in holding)
    _attendance(index, {meeting.body, *others, *holding}, attended)
    return [*listings(index, today, years),
            *body_pages(index, meeting.body, held.get(meeting.body, []), today, refs, years, attended),
            search_page(index),
            *(next(body_pages(index, slug, held.get(slug, []), today, refs, set(), attended)) for slug in others),
            *(page for slug in holding for page in body_pages(index, slug, held.get(slug, []), today, refs, set(),
                                                              attended))]


def _attendance(index, slugs, attended: dict) -> None:
    """body_attendance of each of `slugs` not in `attended` yet, added to it: the body's page and its members'
    pages show the same record, counted over all its meetings."""
    for slug in slugs - attended.keys():
        attended[slug] = body_attendance(index, slug)


def _counts(index, before: Meeting, meeting: Meeting, unsettled: set) -> list:
    """The pages that count what the archive holds: the people page (the meetings each person attended; only
    someone the meeting records, before or after the edit, can have a new count, unless a save since the last
    rebuild wrote the page: `unsettled`) and the open data page (its minutes and actions among the archive's)."""
    pages = [open_data_page(index)]
    people = index.archive.people
    if people and (urls.people() in unsettled or
                   {pid for pid, _ in appearances_of(before)} != {pid for pid, _ in appearances_of(meeting)}):
        pages.append(people_index(index, by_surname(people)))
    return pages


def meeting_tracks(index, meeting: Meeting) -> list:
    """The tracks of the actions the meeting raises or its action log updates, in that order."""
    raised = [f"{meeting.body}:{a.id}" for i in (meeting.minutes.items if meeting.minutes else ()) for a in i.actions]
    logged = [action_key(u.action, meeting.body) for u in (meeting.action_log.updates if meeting.action_log else ())]
    return [index.tracks[key] for key in dict.fromkeys(raised + logged) if key in index.tracks]


def _checked(index, loaded: Meeting, archive):
    """`index` (resolve.with_meeting's), or None if the edit breaks a check across meetings that validate
    makes: the rebuild reports it, and the preview shows it rather than pages."""
    if index is None:
        return None
    checks = Report(root=Path("."))
    approval = loaded.minutes.approved_at if loaded.minutes else None
    instead, reconvened = loaded.rearranged_to, loaded.adjourned_to
    meetings = {m.key: m for m in archive.meetings} if reconvened else {}
    check_meeting(loaded, next((m for m in archive.meetings if m.key == approval), None) if approval else None,
                  checks, next((m for m in archive.meetings if m.key == instead), None) if instead else None,
                  reconvened=meetings.get(reconvened) if reconvened else None,
                  sittings=later_sittings(meetings, loaded) if reconvened else ())
    logged = [action_key(u.action, loaded.body) for u in (loaded.action_log.updates if loaded.action_log else ())]
    if checks.errors or len(set(logged)) != len(logged) or not set(logged) <= index.tracks.keys():
        return None
    body = archive.bodies.get(loaded.body)
    if body is not None and body.numbering.per_meeting:  # a number another meeting of its run has
        held = sorted((loaded if m.key == loaded.key else m for m in archive.meetings if m.body == loaded.body),
                      key=archive_order)
        numbered_twice_in_a_run(body, [m for m in held if not m.status], checks)
        if checks.errors:
            return None
    if any(m.minutes and m.minutes.approved_at == loaded.key and loaded.date < m.date for m in archive.meetings):
        return None  # minutes it approves, of a meeting after its new date
    if any(m.adjourned_to == loaded.key and (loaded.date <= m.date or loaded.status) for m in archive.meetings
           if m.key != loaded.key):
        return None  # the sitting a meeting reconvened at, now on its day or before, or not held
    if loaded.adjourned_to and any(m.adjourned_to == loaded.adjourned_to for m in archive.meetings
                                   if m.key != loaded.key):
        return None  # adjourned to a sitting another meeting was adjourned to (validate._reconvened_twice)
    for key in logged + [f"{loaded.body}:{a.id}" for i in (loaded.minutes.items if loaded.minutes else ())
                         for a in i.actions]:
        track = index.tracks.get(key)
        if track is not None and (any(step.as_at < track.raised.date for step in track.steps) or any(
                step.as_at > track.closed_step.as_at for step in track.steps if track.closed)):
            return None
    return index


_ABSENT = object()


class _Unlinked(dict):
    """A cache of its own that reads through to `base` wherever `independent(key, value)` says the value does
    not depend on what references resolve to."""

    def __init__(self, base: dict, independent):
        super().__init__()
        self.base, self.independent = base, independent

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        value = self.base.get(key, _ABSENT) if key != LINKED else _ABSENT
        return value if value is not _ABSENT and self.independent(key, value) else default

    def __contains__(self, key) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT

    def __missing__(self, key):
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value
