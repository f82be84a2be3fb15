"""Atom feeds: what is new in the archive, for feed readers and email alerts.

One feed for the whole site and one per body (agendas, minutes and papers),
one per person (meetings they are recorded at, papers they wrote or presented,
actions they own) and one per action (raised, then each progress update).

Feeds are built from the public `Index` only, like the pages. Every date comes
from the content, never from the clock, so the same content built on the same
date gives the same bytes: an agenda is dated by its meeting, minutes by the
meeting that approved them (when it is in the archive), a paper by its own date
or its meeting's, an action update by the `as_at` date of the log that carried
it. The build date is used only to choose the `updated` time of a feed with no
entries, and of an entry the content dates after the build date: the date of
the newest meeting held by then (atom_feeds). So no entry
says an action is overdue, as its page does: readers re-read feeds, and an entry
that changed on the day its action became overdue would show as new again (and
re-send an email alert) with nothing done (docs/open-data.md, Atom feeds).
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

from generator import __version__, urls
from generator.diagnostics import listed
from generator.ical import adjourned, newest_held
from generator.interrupt import check, never
from generator.memo import ByIdentity
from generator.model import Action, Meeting, Paper, Person, all_agenda_items, named_with_body
from generator.namesakes import page_names
from generator.plaintext import plain, plain_title, xml_safe
from generator.render import said_due, short_date
from generator.resolve import PAPER_ROLES, Index, recorded_as

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100  # a feed says what is new; the full record is in /data/


@dataclass(frozen=True)
class Entry:
    key: str  # site-relative address, with a fragment where one page holds several entries
    title: str
    updated: dt.date
    url: str  # the page to read it on
    summary: str
    category: str
    # A record's `language:` (a paper's, meeting.md's, the minutes'), given as xml:lang (RFC 4287 2, XML 2.12): on
    # the whole entry where its title and summary are the record's (a paper's), on its summary alone where the
    # title is Minutebook's words ("Agenda: ...") and the summary the record's item titles; "": the site's
    language: str = ""
    summary_language: str = ""  # "": the entry's


def minutes_date(index: Index, meeting: Meeting) -> dt.date:
    """Minutes become public record when approved: the approving meeting's date, else their own meeting's."""
    approver = index.by_key.get(meeting.minutes.approved_at) if meeting.minutes else None
    return approver.date if approver is not None else meeting.date


def meeting_entries(index: Index, meeting: Meeting) -> list[Entry]:
    body = index.body(meeting.body)
    page = urls.meeting(meeting)
    when = f"{named_with_body(meeting, body.short_name)}, {short_date(meeting.date)}"
    entries = []
    if meeting.agenda:
        lines = [f"{a.number} {plain_title(a.title)}" for a in meeting.agenda]
        entries.append(Entry(page + "#agenda", f"Agenda: {when}", meeting.date, page + "#agenda",
                             "\n".join(lines), "agenda", summary_language=meeting.language))
    if meeting.minutes:
        draft = meeting.minutes.status == "draft"
        lines = [f"{i.number} {plain_title(i.title)}" for i in meeting.minutes.items]
        entries.append(Entry(page + "#minutes", f"{'Draft minutes' if draft else 'Minutes'}: {when}",
                             minutes_date(index, meeting), page + "#minutes", "\n".join(lines),
                             "draft-minutes" if draft else "minutes", summary_language=meeting.minutes.language))
    for paper in meeting.papers:
        address = urls.paper(meeting, paper)
        entries.append(Entry(address, f"{paper.name}: {plain_title(paper.title)} ({when})", paper.date or meeting.date,
                             address, paper_summary(paper, meeting), "paper", paper.language))
    if meeting.status:  # called off: a subscriber who saw its agenda, or none, learns that it did not take place
        said = "\n".join(part for part in (f"This meeting was {meeting.status}.", plain(meeting.notes)) if part)
        entries.append(Entry(page + "#not-held", f"{meeting.status.capitalize()}: {when}", meeting.date,
                             page + "#not-held", said, meeting.status))
    elif meeting.adjourned_to:  # a subscriber who saw its agenda learns where the items it did not reach went
        entries.append(Entry(page + "#adjourned", f"Adjourned: {when}", meeting.date, page + "#adjourned",
                             adjourned(index, meeting, linked=False), "adjourned"))
    return entries


def paper_summary(paper: Paper, meeting: Meeting) -> str:
    """What a paper is for, in its entry: its summary, else its recommendations, else its purpose and the item it
    is for. A paper taken from a PDF pack often has neither of the first two, and a feed reader showed its entry
    with an empty body."""
    if paper.summary or paper.recommendations:
        return plain(paper.summary or paper.recommendations)
    said = [f"For {', '.join(paper.purpose)}."] if paper.purpose else []
    item = next((a for a in all_agenda_items(meeting.agenda) if paper.item and a.ref == paper.item), None)
    if item is not None:
        said.append(f"Item {item.number}: {plain_title(item.title)}.")
    return " ".join(said)


def has_entries(meeting: Meeting) -> bool:
    """Whether `meeting_entries` gives any, without making them."""
    return bool(meeting.agenda or meeting.minutes or meeting.papers or meeting.status or meeting.adjourned_to)


def entry_dates(index: Index, meeting: Meeting) -> list[dt.date]:
    """The date of each of `meeting_entries`, without making them."""
    dates = [paper.date or meeting.date for paper in meeting.papers]
    if meeting.agenda or meeting.status or meeting.adjourned_to:
        dates.append(meeting.date)
    if meeting.minutes:
        dates.append(minutes_date(index, meeting))
    return dates


def latest_entry(index: Index, meeting: Meeting, when: Callable[[dt.date], dt.date] = lambda day: day
                 ) -> dt.date | None:
    """The date of the newest of `meeting_entries`, without making them, each dated by `when` (atom_feeds'
    `as_of`); None when there are none."""
    return max(map(when, entry_dates(index, meeting)), default=None)


def newest_entries(index: Index, meetings, entries_of, when: Callable[[dt.date], dt.date] = lambda day: day
                   ) -> list[Entry]:
    """Enough of the meetings' entries (`entries_of`, `meeting_entries` or its memo) to hold the MAX_ENTRIES
    newest, which are all `atom` shows: meetings taken newest first by `latest_entry`, until no meeting left
    can have an entry as new as the MAX_ENTRIES-th newest found (an equal date may still rank before it).

    The site's feed made the entries of every meeting in the archive, and
    each body's those of every meeting of the body: most of the data files'
    time in a warm build at 2,000 meetings."""
    ranked = sorted(((day, n) for n, meeting in enumerate(meetings)
                     if (day := latest_entry(index, meeting, when)) is not None), key=lambda pair: pair[0],
                    reverse=True)
    found: list[Entry] = []
    newest: list[dt.date] = []  # a heap of the MAX_ENTRIES newest dates found: its first is the oldest of them
    for day, n in ranked:
        if len(newest) == MAX_ENTRIES and day < newest[0]:
            break
        for entry in entries_of(meetings[n]):
            found.append(entry)
            if len(newest) < MAX_ENTRIES:
                heapq.heappush(newest, entry.updated)
            elif entry.updated > newest[0]:
                heapq.heapreplace(newest, entry.updated)
    return found


def action_entries(index: Index, key: str, action: Action) -> list[Entry]:
    """Raised, then one entry per update, from the action's track (the fold the pages show)."""
    track = index.tracks[key]
    page = urls.action(action)
    due = f" Due: {said_due(track.action.due)[0]}." if track.action.due else ""
    raised = " (draft minutes)" if track.drafted else ""  # a --drafts preview's, as "Draft minutes: ..." is
    entries = [Entry(page + "#raised", f"Action {action.number} raised{raised}", track.raised.date, page,
                     f"{plain(action.text)}\n{owners(index, action)}.{due}",
                     "draft-action" if track.drafted else "action")]
    for step in track.steps:
        update = step.update
        status = update.status.replace("-", " ").capitalize() + (", closed" if update.closed else "")
        detail = [plain(update.progress)] if update.progress else []
        if update.due:
            detail.append(f"Due date revised to {said_due(update.due)[0]}.")
        anchor = f"{page}#{urls.update_anchor(step.meeting)}"
        title = f"Action {action.number}: {status}{' (draft action log)' if step.drafted else ''}"
        entries.append(Entry(anchor, title, step.as_at, anchor, "\n".join(detail),
                             "draft-action-update" if step.drafted else "action-update"))
    return entries


def owners(index: Index, action: Action) -> str:
    """'Owners: Mr Brian Okafor and JC', as the pages list them: 'Owner: Mr Brian Okafor, JC' read as his role."""
    bodies = index.archive.bodies
    names = [bodies[o.body].short_name if o.body in bodies else o.name for o in action.owners]
    if not names:
        return "Owner: not recorded"
    return f"Owner{'s' if len(names) > 1 else ''}: {listed(names)}"


def person_entries(index: Index, person: Person, papers: list, actions: list) -> list[Entry]:
    """Meetings a person is recorded at, papers they wrote or presented (`papers`: (meeting, paper, roles)),
    actions they own (`actions`: (key, action))."""
    page = urls.person(person.id)
    entries: list[Entry] = []
    roles: dict[str, list[str]] = {}
    meetings: dict[str, Meeting] = {}
    for a in index.appearances.get(person.id, []):
        if a.role in PAPER_ROLES:  # an entry of its own, below
            continue
        meetings[a.meeting.key] = a.meeting
        roles.setdefault(a.meeting.key, []).append(recorded_as(a))
    for key, meeting in meetings.items():
        body = index.body(meeting.body)
        entries.append(Entry(f"{page}#meeting-{key}", f"{named_with_body(meeting, body.short_name)}, "
                                                      f"{short_date(meeting.date)}",
                             meeting.date, urls.meeting(meeting), "Recorded as: " + "; ".join(roles[key]), "meeting"))
    for meeting, paper, parts in papers:
        address = urls.paper(meeting, paper)
        entries.append(Entry(f"{address}#{person.id}", f"{paper.name}: {plain_title(paper.title)}",
                             paper.date or meeting.date, address, ", ".join(parts), "paper", paper.language,
                             index.archive.site.language))  # the summary is the person's roles, in the site's words
    for key, action in actions:
        entries.extend(e for e in action_entries(index, key, action) if e.category in ("action", "draft-action"))
    return entries


def by_person(index: Index, stop=never) -> tuple[dict[str, list], dict[str, list]]:
    """Papers and actions of each person, gathered in one pass rather than one pass per person."""
    papers: dict[str, list] = {}
    actions: dict[str, list] = {}
    for meeting in index.archive.meetings:
        check(stop)
        for paper in meeting.papers:
            roles: dict[str, list[str]] = {}
            for label, refs in (("Author", paper.authors), ("Contributor", paper.contributors),
                                ("Sponsor", paper.sponsor), ("Presenter", paper.presenter)):
                for ref in refs:
                    if ref.id and label not in roles.setdefault(ref.id, []):
                        roles[ref.id].append(label)
            for person_id, labels in roles.items():
                papers.setdefault(person_id, []).append((meeting, paper, labels))
    for key, track in sorted(index.tracks.items()):
        for person_id in dict.fromkeys(o.id for o in track.action.owners if o.id):
            actions.setdefault(person_id, []).append((key, track.action))
    return papers, actions


def atom(index: Index, feed_url: str, page_url: str, title: str, entries: Iterable[Entry], quiet: dt.date) -> bytes:
    """One Atom 1.0 document (RFC 4287), newest entries first, at most MAX_ENTRIES; dated `quiet` if it has none.

    Written out directly rather than through ElementTree, which took most of the
    time of the data stage of a large archive (tens of thousands of feeds); the
    bytes are the same as `ET.indent` and `ET.tostring` give (tests/test_feeds.py).
    """
    site = index.archive.site
    ids = site.id_base  # not base_url, which the links are made of: an id stays when the archive moves (RFC 4287)
    chosen = sorted(entries, key=lambda e: (-e.updated.toordinal(), e.key))[:MAX_ENTRIES]
    out = ["<?xml version='1.0' encoding='utf-8'?>\n",
           f'<feed xmlns="{ATOM}" xml:lang="{_attr(site.language)}">']
    add = out.append
    add(_element(1, "id", urls.absolute(ids, feed_url)))
    add(_element(1, "title", title))
    add(_element(1, "subtitle", site.title))
    add(_empty(1, "link", rel="self", type="application/atom+xml", href=urls.absolute(site.base_url, feed_url)))
    add(_empty(1, "link", rel="alternate", type="text/html", href=urls.absolute(site.base_url, page_url)))
    add(_element(1, "updated", _stamp(max((e.updated for e in chosen), default=quiet))))
    add("\n  <author>" + _element(2, "name", site.publisher) + "\n  </author>")
    add(_element(1, "rights", f"{site.licence.name} {site.licence.url}".strip()))
    add(_element(1, "generator", "Minutebook", version=__version__))
    for e in chosen:
        language = site.other(e.language) or site.language
        add(f'\n  <entry xml:lang="{_attr(language)}">' if language != site.language else "\n  <entry>")
        add(_element(2, "id", urls.absolute(ids, e.key)))
        add(_element(2, "title", e.title))
        add(_element(2, "updated", _stamp(e.updated)))
        add(_empty(2, "link", rel="alternate", type="text/html", href=urls.absolute(site.base_url, e.url)))
        add(_empty(2, "category", term=e.category))
        if e.summary:
            said = site.other(e.summary_language or e.language) or site.language
            add(_element(2, "summary", e.summary, type="text", **({"xml:lang": said} if said != language else {})))
        add("\n  </entry>")
    add("\n</feed>\n")
    return "".join(out).encode("utf-8")


def _cdata(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return (_cdata(text).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))


def _attrs(attrs: dict) -> str:
    return "".join(f' {name}="{_attr(value)}"' for name, value in attrs.items())


def _element(depth: int, tag: str, text: str, **attrs) -> str:
    """An element on its own line, `depth` levels in; empty text makes an empty element, as in ElementTree."""
    text = xml_safe(text)
    if not text:
        return _empty(depth, tag, **attrs)
    return f"\n{'  ' * depth}<{tag}{_attrs(attrs)}>{_cdata(text)}</{tag}>"


def _empty(depth: int, tag: str, **attrs) -> str:
    return f"\n{'  ' * depth}<{tag}{_attrs(attrs)} />"


def atom_feeds(index: Index, today: dt.date, unchanged=None, memo: ByIdentity | None = None, stop=never
               ) -> Iterator[tuple[str, bytes]]:
    """(address, bytes) of every feed: site, bodies, people, actions.

    `unchanged(address, inputs)`, when given, is asked first about each feed
    with everything the feed is made from; a feed it says is unchanged is not
    made again (a warm build keeps the file it wrote last time). `memo` (the
    live preview's) keeps each meeting's entries while its records are the
    same objects, as the site's and its body's feeds are remade after any edit.
    `stop`: see interrupt.py.

    A feed with no entry (`undated`) is dated by the archive's newest meeting
    held by the build date (`quiet`), which is otherwise the newest entry's date:
    not the build date itself, which made such a feed (a person's who is named
    nowhere yet, 31 of the example's) change every day with nothing new in it.
    A build on a later day, a CI deploy, keeps the other feeds.

    An entry the content dates after the build date (the agenda, papers and
    attendees of a meeting yet to be held, an update in its log) is dated
    `quiet` too (`as_of`), until its day comes: it is news when it is
    published, and feed readers, which sort by date, kept one dated next month
    at the top of the feed until then. Not the build date, which would change
    the entry with every day's build: `quiet` changes only when a meeting is held.
    """
    archive = index.archive
    quiet = newest_held(archive.meetings, today)
    unchanged = unchanged or (lambda address, inputs: False)
    fixed = (archive.site, tuple((b.slug, b.name, b.short_name) for b in archive.bodies.values()))  # all they show

    def undated(any_entries: bool) -> dt.date | None:
        return None if any_entries else quiet

    def as_of(day: dt.date) -> dt.date:
        return day if day <= today else quiet

    def dated(entries: Iterable[Entry]) -> list[Entry]:
        return [e if e.updated <= today else replace(e, updated=quiet) for e in entries]

    def ahead(days: Iterable[dt.date]) -> tuple:
        """All the build date decides of a feed's entries (as_of): which are dated after it, and `quiet`. A later
        day on which no meeting was held and no such entry's day came leaves the feed as it was."""
        later = tuple(sorted({day for day in days if day > today}))
        return (later, quiet) if later else ()

    def ahead_of(meetings) -> tuple:
        return ahead(day for m in meetings for day in entry_dates(index, m))

    def meeting_entries_of(meeting: Meeting) -> list[Entry]:
        check(stop)
        if memo is None:
            return dated(meeting_entries(index, meeting))
        approver = index.by_key.get(meeting.minutes.approved_at) if meeting.minutes else None
        return dated(memo.get("entries", (meeting, index.body(meeting.body), approver, index.sittings(meeting)),
                              lambda: meeting_entries(index, meeting)))

    def approvers(meetings) -> tuple:  # and the sittings adjourned meetings reconvened at, which entries name
        return tuple(minutes_date(index, m) for m in meetings) + tuple(
            (m.key, tuple((s.key, s.date, s.adjourned_to) for s in index.sittings(m))) for m in meetings
            if m.adjourned_to)

    if not unchanged(urls.feed(), (fixed, tuple(archive.meetings), approvers(archive.meetings),
                                   undated(any(map(has_entries, archive.meetings))), ahead_of(archive.meetings))):
        yield urls.feed(), atom(index, urls.feed(), urls.home(), f"{archive.site.title}: new records",
                                newest_entries(index, archive.meetings, meeting_entries_of, as_of), quiet)
    for slug, meetings in index.by_body.items():
        check(stop)
        if unchanged(urls.body_feed(slug), (fixed, tuple(meetings), approvers(meetings),
                                            undated(any(map(has_entries, meetings))), ahead_of(meetings))):
            continue
        body = archive.bodies[slug]
        yield urls.body_feed(slug), atom(index, urls.body_feed(slug), urls.body(slug), f"{body.name}: new records",
                                         newest_entries(index, meetings, meeting_entries_of, as_of), quiet)
    papers, actions = by_person(index, stop)
    names = page_names(archive.people)  # a namesake's feed is titled apart, as their page is
    for person_id in sorted(archive.people):
        check(stop)
        person = archive.people[person_id]
        name = names.get(person_id, person.display_name)
        mine_papers, mine_actions = papers.get(person_id, []), actions.get(person_id, [])
        appearances = tuple(index.appearances.get(person_id, []))
        mine_tracks = tuple(index.tracks[key] for key, _ in mine_actions)
        inputs = (fixed, person, name, appearances, tuple(mine_papers), mine_tracks,
                  undated(bool(appearances or mine_papers or mine_actions)),  # an entry for each (person_entries)
                  ahead(itertools.chain((a.meeting.date for a in appearances if a.role not in PAPER_ROLES),
                                        (paper.date or meeting.date for meeting, paper, _ in mine_papers),
                                        (track.raised.date for track in mine_tracks))))
        if unchanged(urls.person_feed(person_id), inputs):
            continue
        entries = dated(person_entries(index, person, mine_papers, mine_actions))
        yield urls.person_feed(person_id), atom(index, urls.person_feed(person_id), urls.person(person_id),
                                                f"{name}: new records", entries, quiet)
    for key, track in sorted(index.tracks.items()):
        check(stop)
        action = track.action
        days = itertools.chain((track.raised.date,), (step.as_at for step in track.steps))
        if unchanged(urls.action_feed(action), (fixed, track, ahead(days))):  # never undated: it has its raising
            continue
        yield urls.action_feed(action), atom(index, urls.action_feed(action), urls.action(action),
                                             f"Action {action.number}", dated(action_entries(index, key, action)),
                                             quiet)


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
