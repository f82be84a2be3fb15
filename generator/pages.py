"""Which pages the site has, what each template is given, and what each depends on.

A page is (address, template, context, deps). Listing them lazily keeps memory
flat however large the archive is: each is rendered and written before the
next. `deps` holds the data the page shows, as plain values that compare
cheaply (unchanged records are the very same objects between rebuilds), so the
live preview re-renders exactly the pages whose deps changed (incremental.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from generator.model import agenda_of, all_agenda_items, archive_order
from generator import callins, urls
from generator.actions import groups, holders, named
from generator.namesakes import page_names
from generator.resolve import PAPER_ROLES, VOTE_ROLES, Index, action_key, at_the_meeting, recorded_as


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    context: dict
    deps: tuple = ()


def summary(meeting) -> tuple:
    """What lists of meetings show of one: enough to know when a listing changes."""
    minutes = meeting.minutes.status if meeting.minutes else None
    log = meeting.action_log.status if meeting.action_log else None
    return (meeting.key, meeting.date, meeting.title, bool(meeting.agenda), minutes, len(meeting.papers),
            meeting.status, log, bool(meeting.adjourned_to), meeting.language)


def neighbour(meeting) -> tuple | None:
    """What a meeting's page shows of the body's meeting before or after it: a link, its date, and whether it was
    held. Its summary, which its deps held, changed with a paper added to it, and both neighbours' pages were made
    again to find them the same."""
    return (meeting.key, meeting.body, meeting.folder, meeting.date, meeting.status) if meeting is not None else None


def _summaries(meetings) -> tuple:
    return tuple(summary(m) for m in meetings)


def _sittings(index: Index, meetings) -> tuple:
    """Which of the listed meetings are reconvened sittings (Index.continues), which lists say: the meeting
    adjourned to one may be in another year's list, or past the home page's ten, so their summaries do not show
    it changed."""
    continued = index.continued
    return tuple(m.key for m in meetings if m.key in continued) if continued else ()


def _linked(refs: dict, meetings) -> tuple:
    """What the texts of these meetings link to (backlinks.scan): a page that shows an action's text or an
    update's progress away from its own meeting links what they link, which changes when an item, paper or
    meeting is added anywhere, though no record of theirs does."""
    return tuple(refs.get(("meeting", key)) for key in dict.fromkeys(m.key for m in meetings))


def _raised_at(tracks) -> list:
    return [t.raised for t in tracks]


def in_meeting_order(meeting) -> tuple:
    """The meeting's arrivals and departures in the order of the items they name, which clerks write in any
    order: as the minutes took the items (one taken out of its numbered place too), an item only the agenda has
    right after the one before it there, and last those that name no item of the meeting; equals as written."""
    moves = meeting.attendance.movements
    if len(moves) < 2:
        return moves
    order: dict[str, tuple[int, int]] = {}
    for position, item in enumerate(meeting.minutes.items if meeting.minutes else ()):
        order.setdefault(item.ref.lower(), (position, 0))
    before = (-1, 0)
    for agenda_item in all_agenda_items(meeting.agenda):
        before = order.setdefault(agenda_item.ref.lower(), (before[0], before[1] + 1))

    def at(move) -> tuple:
        ref = move.item.strip().rstrip(".").lower()
        return (0, order[ref]) if ref in order else (1,)
    return tuple(sorted(moves, key=at))


def _taken_later(sittings) -> tuple[dict, dict]:
    """minute ref (lower case) -> the minute, and -> the sitting that took it, of each minute of the later
    sittings of an adjourned meeting (Index.sittings), the earliest sitting's where two have one: what its agenda
    links for an item not reached at it, at whichever sitting took it. Apart, as `taken_later` gave the minutes
    alone before a meeting could be adjourned twice, and a site's own `_agenda.html` may read it so."""
    minutes: dict = {}
    at: dict = {}
    for sitting in sittings:
        for item in sitting.minutes.items if sitting.minutes else ():
            if item.ref.lower() not in minutes:
                minutes[item.ref.lower()], at[item.ref.lower()] = item, sitting
    return minutes, at


def _meeting_context(index: Index, meeting) -> dict:
    body = index.body(meeting.body)
    items = meeting.minutes.items if meeting.minutes else ()
    updates = meeting.action_log.updates if meeting.action_log else ()
    log = [(u, index.tracks[_key(u.action, meeting.body)].as_logged_by(meeting)) for u in updates
           if _key(u.action, meeting.body) in index.tracks]
    raised = [index.tracks[f"{meeting.body}:{a.id}"] for i in items for a in i.actions]
    sittings = index.sittings(meeting)
    taken_later, taken_at = _taken_later(sittings)
    return dict(meeting=meeting, body=body, items=items, action_log=log, actions_raised=raised,
                tracked={t.action.id: t for t in raised},
                items_by_ref={i.ref.lower(): i for i in items}, movements=in_meeting_order(meeting),
                agenda_refs={a.ref.lower(): a for a in all_agenda_items(meeting.agenda)},
                agenda_of=agenda_of(meeting),
                previous=index.previous(meeting), next=index.next(meeting), instead=index.instead(meeting),
                replaces=index.replaces(meeting), reconvened=sittings[0] if sittings else None,
                continues=index.continues(meeting), sittings=sittings, taken_later=taken_later, taken_at=taken_at,
                called_in=callins.shown_by(index, meeting),
                calls_in=callins.shown_of(index, meeting))


@dataclass(frozen=True)
class MeetingGroup:
    """A meeting's page with its items' and papers' pages, not yet listed."""

    meeting: object
    refs: dict


def meeting_inputs(index: Index, meeting, today: dt.date, refs: dict) -> tuple:
    """What a meeting's pages are made from, besides the backlinks and references on each page.

    Every record the deps of those pages hold is here, or is reached from
    here by a pure function (a track as the meeting's log left it, a meeting's
    summary). So the live preview can tell that none of the pages changed
    by looking at these few records (incremental.py), without listing them.
    Of the build date, only which of the actions raised are overdue by then
    (`_overdue`): a build on a later day makes again just the meetings' and
    items' pages that say an action became overdue.
    """
    log = meeting.action_log
    updates = tuple(index.tracks.get(_key(u.action, meeting.body)) for u in log.updates) if log else ()
    items = meeting.minutes.items if meeting.minutes else ()
    raised = tuple(index.tracks.get(f"{meeting.body}:{a.id}") for i in items for a in i.actions)
    approver = index.by_key.get(meeting.minutes.approved_at) if meeting.minutes else None
    return (meeting, index.body(meeting.body), updates, raised, named(approver) if approver else None,
            neighbour(index.previous(meeting)), neighbour(index.next(meeting)),
            _linked(refs, _raised_at(t for t in updates if t is not None)), index.instead(meeting),
            index.replaces(meeting), callins.deps(index, meeting), index.sittings(meeting), index.continues(meeting),
            _overdue(raised, today))


def _overdue(tracks, today: dt.date) -> tuple:
    """Which of these actions a page says are overdue at the build date (an action's own page, a meeting's
    "Actions raised" table, a minute item's list of its actions, a person's tables of the actions they own): all
    those pages show of the build date, so all their deps need hold of it, for a build on a later day to make
    again just the pages that say an action became overdue. Not of one closed, even in the log of a meeting yet
    to be held: those pages say "Closed" of it, whatever the date, and are not made again when the date passes."""
    return tuple(track is not None and track.overdue(today) for track in tracks)


def action_page(index: Index, track, today: dt.date, refs: dict) -> Page:
    """An action's page: its history from the meeting that raised it through every log that updated it."""
    url = urls.action(track.action)
    return Page(url, "action.html", dict(
        track=track, action=track.action, body=index.archive.bodies[track.raised.body], meeting=track.raised,
        item=track.item), (track, _overdue((track,), today), index.backlinks.get(url),  # not the date: shown only so
                           _linked(refs, [track.raised] + [step.meeting for step in track.steps])))


# A body's page lists the meetings of its latest years and links each earlier year's page: listing every meeting
# made it grow with the archive (23 KB and 452 elements at 118 meetings in 12 years, 91 KB and 1,511 at 590 in 57).
# A person's page lists the records of their latest years likewise, and links a page for each year: listing every
# meeting, paper, declaration and action made it grow with the archive (1.76 MB and 42,471 elements for one person
# at 10,000 meetings of a synthetic archive, 11.8 s to load on a 3G phone); their open actions are listed whatever
# their year, as they are what people look for.
YEARS_LISTED = 3


def person_page(index: Index, person, owned: tuple, member_of: tuple, today: dt.date, refs: dict,
                attended: dict | None = None, names: dict | None = None) -> Page:
    """A person's own page, the first of `person_pages`: the year pages are not made."""
    return next(person_pages(index, person, owned, member_of, today, refs, attended, names))


def person_pages(index: Index, person, owned: tuple, member_of: tuple, today: dt.date, refs: dict,
                 attended: dict | None = None, names: dict | None = None, years=None,
                 by_year: dict | None = None) -> Iterator[Page]:
    """A person's page, then a page for each year they have records in (of `years` only, if given), newest first.

    Their page: the bodies they sit on (`member_of`) with their attendance at each (`attended`: body_attendance
    of each body, made once for all the people's pages; else made here), every open action they own (`owned`,
    in the order of index.tracks), each year with what it records of them, and the records of the latest
    years. A year's page: the meetings that record them that year and in what role, the papers that name
    them, the interests they declared, and the actions they own raised or closed that year. Both are titled
    with the name `names` gives them (namesakes.page_names of the register, made once for all the people's
    pages; else made here). Both say which of the actions they list are overdue at `today`, the build date, as
    the action's page does (_person_records.html), and their deps hold which (`_overdue`). `by_year`: their
    records_by_year, if the caller has made them (the preview's fast path, finding the years an edit changes)."""
    url = urls.person(person.id)
    names = page_names(index.archive.people) if names is None else names
    name = names.get(person.id, person.display_name)
    by_year = by_year if by_year is not None else records_by_year(index.appearances.get(person.id, []), owned)
    listed = {year: _listed(person.id, appearances) for year, (appearances, _) in by_year.items()}
    counts = {year: (len(recorded), len(papers), len(declared), len(by_year[year][1]), len(voted))
              for year, (recorded, papers, declared, voted) in listed.items()}
    shown = list(by_year)[:YEARS_LISTED]
    recorded = [row for year in shown for row in listed[year][0]]
    papers = [row for year in shown for row in listed[year][1]]
    declared = [row for year in reversed(shown) for row in listed[year][2]]
    voted = [row for year in shown for row in listed[year][3]]
    opened = tuple(track for track in owned if not track.closed)
    closed = tuple(sorted((track for year in shown for track in by_year[year][1]
                           if track.closed and track.closed_step.as_at.year == year),
                          key=lambda track: track.closed_step.as_at, reverse=True))
    attendance = {b.slug: attended[b.slug] if attended is not None else body_attendance(index, b.slug)
                  for b in member_of}
    yield Page(url, "person.html", dict(person=person, page_name=name, recorded=recorded, papers=papers,
                                        declared=declared, voted=voted, owned=owned, open_actions=opened,
                                        closed_actions=closed, attendance=attendance, years=counts,
                                        shown_years=shown), (
        person, name, tuple(a for year in shown for a in by_year[year][0]), opened, closed, member_of,
        index.backlinks.get(url), _linked(refs, _raised_at(opened + closed)), tuple(item for _, item, _ in declared),
        _linked(refs, [meeting for meeting, _, _ in declared]), tuple(attendance.items()), tuple(counts.items()),
        _named(papers), _voted(refs, voted, person.id), _overdue(opened, today)))
    # A year's page links the years either side, not every year: each would list them all, which grew as the
    # square of the years a person sat (2.4 KB more a page at 40 years), and a record of a new year would make
    # every one of their year pages again.
    every = list(by_year)
    for position, (year, (appearances, tracks)) in enumerate(by_year.items()):
        if years is not None and year not in years:
            continue
        recorded, papers, declared, voted = listed[year]
        later = every[position - 1] if position else None
        earlier = every[position + 1] if position + 1 < len(every) else None
        yield Page(urls.person_year(person.id, year), "person_year.html", dict(
            person=person, page_name=name, year=year, recorded=recorded, papers=papers, declared=declared,
            voted=voted, actions=tracks, previous_year=earlier, next_year=later), (
            person.id, name, year, tuple(appearances), tuple(tracks), _linked(refs, _raised_at(tracks)),
            tuple(item for _, item, _ in declared), _linked(refs, [meeting for meeting, _, _ in declared]), earlier,
            later, _named(papers), _voted(refs, voted, person.id), _overdue(tracks, today)))


def _voted(refs: dict, voted: list, person_id: str) -> tuple:
    """What a person's pages show of their votes besides their meetings: each vote's item (its number and
    title), its kind, motion, outcome and figures, how they voted, whether they moved or seconded it, and what the
    motion's references link to; not the rest of the item, nor how the others voted, which an action added to the
    item or another member renamed would otherwise make every voter's pages again for."""
    return tuple((item.ref, item.number, item.title, item.source.path, vote.kind, vote.motion, vote.result,
                  vote.tally, how, vote.part_of(person_id)) for _, item, vote, how in voted), _linked(
        refs, [meeting for meeting, _, _, _ in voted])


def _named(papers) -> tuple:
    """What a person's pages show of the papers that name them besides their meetings (which the appearances'
    digests hold): each paper's name and title, which a retitled paper left as they were after a warm build."""
    return tuple((paper.name, paper.title, paper.language) for _, paper, _ in papers)


def records_by_year(appearances, owned) -> dict[int, tuple[list, list]]:
    """Each year a person has records in, newest first: (their appearances at that year's meetings, in archive
    order; the tracks of the actions they own (`owned`) raised or closed that year, in the order of `owned`).
    An action raised in one year and closed in another is a record of both."""
    by_year: dict[int, tuple[list, list]] = {}
    for a in appearances:
        by_year.setdefault(a.meeting.date.year, ([], []))[0].append(a)
    for track in owned:
        raised = track.raised.date.year
        by_year.setdefault(raised, ([], []))[1].append(track)
        if track.closed and track.closed_step.as_at.year != raised:
            by_year.setdefault(track.closed_step.as_at.year, ([], []))[1].append(track)
    return dict(sorted(by_year.items(), reverse=True))


def _listed(person_id: str, appearances) -> tuple[list, list, list, list]:
    """(recorded, papers, declared, voted) of these appearances, as a person's pages list them: each meeting
    once, newest first, with everything it records of them in the order it does; each paper once, newest meeting
    first, a meeting's papers in the order it lists them, with what it names them as; each interest declared, in
    archive order (declarations_of); each recorded vote, newest first (votes_of)."""
    recorded: dict[str, tuple] = {}
    papers: dict[tuple, tuple] = {}
    for a in appearances:
        if at_the_meeting(a):
            recorded.setdefault(a.meeting.key, (a.meeting, []))[1].append(recorded_as(a))
        elif a.role in PAPER_ROLES:
            papers.setdefault((a.meeting.key, a.detail), (a.meeting, a.meeting.paper(a.detail), []))[2].append(
                PAPER_ROLES[a.role])
    # newest meeting first, each meeting's papers in the order of its own list and its votes in the order of its
    # minutes (a stable sort keeps them so): reversed whole, the list gave a meeting's paper B before its paper A
    newest = lambda row: archive_order(row[0])  # noqa: E731
    voted = sorted(votes_of(person_id, appearances), key=newest, reverse=True)
    return (list(recorded.values())[::-1], sorted(papers.values(), key=newest, reverse=True),
            declarations_of(person_id, appearances), voted)


def declarations_of(person_id: str, appearances) -> list[tuple]:
    """(meeting, item, declaration) of each interest the person declared, in archive order: a scrutiny
    committee asks of a member what they declared, and where, without reading every set of minutes."""
    found, seen = [], set()
    for a in appearances:
        if a.role == "declared" and (a.meeting.key, a.detail) not in seen:
            seen.add((a.meeting.key, a.detail))
            item = next(i for i in a.meeting.minutes.items if i.number == a.detail)
            found += [(a.meeting, item, d) for d in item.declarations if d.who.id == person_id]
    return found


def votes_of(person_id: str, appearances) -> list[tuple]:
    """(meeting, item, vote, how they voted: "" where the vote does not record it) of each vote that names the
    person, in a recorded vote or as its mover or seconder (Vote.part_of), in archive order, an item's votes in
    the order its minutes give them: how a member voted, and what they moved, is what scrutiny asks of them."""
    found, seen = [], set()
    for a in appearances:
        if a.role in VOTE_ROLES and (a.meeting.key, a.detail) not in seen:
            seen.add((a.meeting.key, a.detail))
            item = next(i for i in a.meeting.minutes.items if i.number == a.detail)
            found += [(a.meeting, item, vote, vote.side_of(person_id)) for vote in item.votes
                      if vote.side_of(person_id) or vote.part_of(person_id)]
    return found


def meeting_urls(index: Index, meeting) -> list[str]:
    """The addresses of `meeting_pages`, in the same order, without making the pages."""
    body = index.body(meeting.body)
    items = meeting.minutes.items if meeting.minutes else ()
    return [urls.meeting(meeting)] + [urls.item(meeting, body, item) for item in items] \
        + [urls.paper(meeting, paper) for paper in meeting.papers]


def meeting_pages(index: Index, meeting, today: dt.date, refs: dict) -> Iterator[Page]:
    """The meeting's page, then its items' and papers' pages. `today`: the build date, as of which the meeting's
    page says which actions it raised are overdue, and an item's page which of its own; papers' pages do not
    show it."""
    backlinks = index.backlinks
    ctx = _meeting_context(index, meeting)
    page_url = urls.meeting(meeting)
    approver = index.by_key.get(meeting.minutes.approved_at) if meeting.minutes else None
    calls = callins.deps(index, meeting, ctx["called_in"], ctx["calls_in"])
    shared = (meeting, ctx["body"], tuple(ctx["action_log"]), tuple(ctx["actions_raised"]),
              named(approver) if approver else None, summary(ctx["instead"]) if ctx["instead"] else None, calls)
    within = refs.get(("meeting", meeting.key))
    yield Page(page_url, "meeting.html", ctx, shared + (
        neighbour(ctx["previous"]), neighbour(ctx["next"]),
        _summaries(ctx["replaces"]), _summaries(m for m in (*ctx["sittings"], ctx["continues"]) if m),
        tuple((ref, i.number, ctx["taken_at"][ref].key) for ref, i in ctx["taken_later"].items()),
        backlinks.get(page_url), within, _linked(refs, _raised_at(t for _, t in ctx["action_log"])),
        _overdue(ctx["actions_raised"], today)))
    items, tracked, body = ctx["items"], ctx["tracked"], ctx["body"]
    # An item's or a paper's page shows of the rest of its meeting only how it is named, not its other items and
    # papers: held whole in their deps, every item's page was made again for a paper added to the meeting.
    head = (named(meeting), meeting.title_language, meeting.minutes.status if meeting.minutes else None, body)
    for position, item in enumerate(items):
        url = urls.item(meeting, body, item)
        before = items[position - 1] if position else None
        after = items[position + 1] if position + 1 < len(items) else None
        own = tuple(tracked[action.id] for action in item.actions)
        yield Page(url, "item.html", dict(ctx, item=item, prev_item=before, next_item=after), head + (
            item, ctx["agenda_of"].get(item.ref.lower()), _papers_listed(meeting, item), calls, own, _pager(before),
            _pager(after), backlinks.get(url), refs.get(url), _overdue(own, today)))
    for paper in meeting.papers:
        url = urls.paper(meeting, paper)
        yield Page(url, "paper.html", dict(ctx, paper=paper),
                   head + (paper, _for_item(ctx, paper), backlinks.get(url), refs.get(url)))


def _papers_listed(meeting, item) -> tuple:
    """What an item's page shows of the papers it lists: their names and titles, and where they are."""
    return tuple((ref, (paper.ref, paper.name, paper.title, paper.language) if paper else None)
                 for ref in item.papers for paper in (meeting.paper(ref),))


def _pager(item) -> tuple | None:
    """What an item's page shows of the item before or after it: a link with its number and title."""
    return (item.ref, item.number, item.title) if item is not None else None


def _for_item(ctx: dict, paper) -> tuple | None:
    """What a paper's page shows of the item it is for: the minute's number and link, else the agenda's number."""
    if not paper.item:
        return None
    minute = ctx["items_by_ref"].get(paper.item.lower())
    if minute is not None:
        return ("minute", minute.ref, minute.number)
    found = ctx["agenda_refs"].get(paper.item.lower())
    return ("agenda", found.number if found else None)


def _key(written: str, body: str) -> str:
    return action_key(written, body)


def all_pages(index: Index, today: dt.date, refs: dict | None = None) -> Iterator[Page]:
    """Every page; `refs` maps a page address to the references resolved on it (backlinks.scan)."""
    for section in sections(index, today, refs):
        if isinstance(section, MeetingGroup):
            yield from meeting_pages(index, section.meeting, today, section.refs)
        else:
            yield section


def search_page(index: Index) -> Page:
    """With a minute number to show as one the search box goes straight to: the archive's first, of a body that
    numbers minutes across meetings. In the deps: an edit that moves or renumbers a meeting may change it. With the
    years and bodies a reader without JavaScript, who cannot search, browses instead: a meeting of a new year, or
    a body's new name, changes them."""
    example = next((item.ref for meeting in index.archive.meetings if meeting.minutes
                    and not index.body(meeting.body).numbering.per_meeting for item in meeting.minutes.items
                    if index.items.get(index.item_key(meeting, item.ref), (None,))[0] is meeting), "")
    years = sorted(index.by_year, reverse=True)
    bodies = [index.archive.bodies[slug] for slug in index.by_body]
    return Page(urls.search(), "search.html", {"example": example, "years": years, "bodies": bodies},
                (example, tuple(years), tuple((body.slug, body.name) for body in bodies)))


def listings(index: Index, today: dt.date, years=None) -> Iterator[Page]:
    """The home page, the archive's page and the year pages (of `years` only, if given)."""
    archive = index.archive
    recent = [m for m in archive.meetings if m.date <= today][-10:][::-1]
    upcoming = [m for m in archive.meetings if m.date > today][:10]
    bodies = [archive.bodies[s] for s in index.by_body]
    counts = tuple((s, len(ms), summary(ms[-1]) if ms else None) for s, ms in index.by_body.items())
    yield Page(urls.home(), "home.html", dict(recent=recent, upcoming=upcoming, bodies=bodies),
               (tuple(bodies), counts, _summaries(recent), _summaries(upcoming), _sittings(index, recent + upcoming)))
    yield Page(urls.archive(), "archive.html", dict(years=index.by_year),
               tuple((y, len(ms)) for y, ms in index.by_year.items()))
    for year, meetings in index.by_year.items():
        if years is None or year in years:
            yield Page(urls.year(year), "year.html", dict(year=year, meetings=meetings),
                       (_summaries(meetings), _sittings(index, meetings)))


def body_pages(index: Index, slug: str, tracks: list, today: dt.date, refs: dict, years=None,
               attended: dict | None = None, names: dict | None = None) -> Iterator[Page]:
    """A body's page, its year pages (of `years` only, if given), its action tracker and its register of
    declarations of interest; `tracks`: the actions it holds (actions_held), in the order of index.tracks;
    `attended`: as for person_page; `names`: as for person_pages."""
    body = index.archive.bodies[slug]
    meetings = index.by_body[slug]
    declared = declarations_by_year(meetings)
    by_year: dict[int, list] = {}
    for meeting in meetings:
        by_year.setdefault(meeting.date.year, []).append(meeting)
    by_year = dict(sorted(by_year.items(), reverse=True))
    attendance = attended[slug] if attended is not None else body_attendance(index, slug)
    shown = dict(list(by_year.items())[:YEARS_LISTED])
    earlier = {year: len(in_year) for year, in_year in by_year.items() if year not in shown}
    # Of the meetings of earlier years the page shows how many each year had, not what they hold: a paper added to
    # a meeting of ten years ago made the page again, to find it the same
    listed = [meeting for in_year in shown.values() for meeting in in_year]
    yield Page(urls.body(slug), "body.html", dict(body=body, years=by_year, meetings=meetings, actions=tracks,
                                                  attendance=attendance, shown_years=shown, earlier_years=earlier,
                                                  declarations=bool(declared)),
               (body, _summaries(listed), tuple(earlier.items()), bool(tracks), refs.get(urls.body(slug)),
                attendance, bool(declared), _sittings(index, listed)))
    for year, in_year in by_year.items():
        if years is None or year in years:
            yield Page(urls.body_year(slug, year), "body_year.html", dict(body=body, year=year, meetings=in_year),
                       (body, _summaries(in_year), _sittings(index, in_year)))
    if tracks:
        held = [m for m in meetings if m.date <= today]
        last = held[-1].date if held else None
        tracker = groups(tracks, last, today)
        closed = closed_by_year(tracker["closed"])
        counts = {year: len(in_year) for year, in_year in closed.items()}
        latest = next(iter(closed), None)
        yield Page(urls.actions(slug), "actions.html", dict(body=body, groups=tracker,
                                                           last_meeting=held[-1] if held else None,
                                                           closed_year=latest, closed_shown=closed.get(latest, []),
                                                           closed_years=counts),
                   (body, tuple(tracks), named(held[-1]) if held else None, today,
                    _linked(refs, _raised_at(tracks))))
        for year, in_year in closed.items():
            yield Page(urls.actions_closed(slug, year), "actions_closed.html",
                       dict(body=body, year=year, tracks=in_year, closed_years=counts),
                       (body, tuple(in_year), tuple(counts.items()), _linked(refs, _raised_at(in_year))))
    if declared:
        yield from register_pages(index, body, declared, refs, names)


def closed_by_year(closed: list) -> dict[int, list]:
    """The closed actions (in order of closing) by the year they were closed, newest year first. The tracker
    shows the latest year's and links a page for each year: every action a body ever closed, on one page,
    made its tracker grow with the archive (523 rows, 315 KB and 5,600 elements at a body's 118th meeting of a
    synthetic archive; a long-lived committee closes thousands)."""
    by_year: dict[int, list] = {}
    for track in closed:
        by_year.setdefault(track.closed_step.as_at.year, []).append(track)
    return dict(sorted(by_year.items(), reverse=True))


def declarations_by_year(meetings) -> dict[int, list]:
    """(meeting, item, declaration) of each interest declared at these meetings (a body's, in archive order), by
    the year of the meeting, newest year first; newest meeting first within a year, each meeting's in the order
    its minutes give them. The meetings are the public view's (publish.py): a confidential minute's
    declarations, a private meeting's and draft minutes' are not there to list."""
    by_year: dict[int, list] = {}
    for meeting in reversed(meetings):
        rows = [(meeting, item, d) for item in (meeting.minutes.items if meeting.minutes else ())
                for d in item.declarations]
        if rows:
            by_year.setdefault(meeting.date.year, []).extend(rows)
    return by_year


def register_pages(index: Index, body, declared: dict, refs: dict, names: dict | None = None) -> Iterator[Page]:
    """A body's register of declarations of interest: its page, listing those of the latest year and linking
    every year's page, then a page for each year, newest first (`declared`: declarations_by_year of its
    meetings). The tracker's closed actions are split so, for the same reason: every interest a board's members
    ever declared, on one page, would grow with the archive; and a year's page links the years either side, as
    a person's does, not every year. The person who declared each is named as their pages are titled
    (namesakes.page_names of the register: `names`, else made here)."""
    names = page_names(index.archive.people) if names is None else names
    counts = {year: len(rows) for year, rows in declared.items()}
    latest = next(iter(declared))
    yield Page(urls.declarations(body.slug), "declarations.html", dict(
        body=body, year=latest, declared=declared[latest], years=counts, names=names),
        (body, latest, tuple(counts.items())) + _register_deps(refs, declared[latest], names))
    years = list(declared)
    for position, (year, rows) in enumerate(declared.items()):
        later = years[position - 1] if position else None
        earlier = years[position + 1] if position + 1 < len(years) else None
        yield Page(urls.declarations_year(body.slug, year), "declarations_year.html", dict(
            body=body, year=year, declared=rows, names=names, previous_year=earlier, next_year=later),
            (body, year, earlier, later) + _register_deps(refs, rows, names))


def _register_deps(refs: dict, rows: list, names: dict) -> tuple:
    """What a register's rows show: each meeting's summary, the minute's number and title (not its discussion,
    which only the meeting's own pages show), the declaration, the name the person's pages are titled with,
    and what its interest's words link to."""
    return (tuple((summary(meeting), item.ref, item.number, item.title, meeting.minutes.language, item.source, d,
                   names.get(d.who.id))
                  for meeting, item, d in rows), _linked(refs, [meeting for meeting, _, _ in rows]))


def body_attendance(index: Index, slug: str) -> tuple | None:
    """attendance_record of the body's meetings that record attendance; None when it has no members or none
    of its meetings records attendance (its pages then say nothing of attendance)."""
    body = index.archive.bodies[slug]
    recorded = [m for m in index.by_body.get(slug, ()) if records_attendance(m)] if body.members else []
    return attendance_record(body, recorded) if recorded else None


def records_attendance(meeting) -> bool:
    att = meeting.attendance
    return bool(att.present or att.apologies or att.absent)


class Attended(NamedTuple):
    """A member's attendance, as the body's page and their own give it (attendance_record). A tuple, so that a
    site's own template indexing it (`record[1]`) reads what it did."""

    meetings: int  # the meetings recording attendance held while they were a member
    present: int  # those they were present at or chaired; a substitute member's, those they attended at all
    apologies: int
    substituted: int  # those a substitute attended for them
    substitute: bool = False  # a substitute member, expected at none: "Attended 2 meetings as a substitute"


def attendance_record(body, recorded: list) -> tuple[Attended | None, ...]:
    """For each row of the body's members, their Attended: the meetings whose minutes record attendance
    (`recorded`) held while they were a member, those they were present at (or chaired), those they sent apologies
    for and those a substitute attended for them (`deputising: ... for`); None for a member not in the people
    register, whom minutes cannot name for sure. A substitute member (Membership.substitute) is counted at the
    meetings they attended, present or `deputising:` for another: they are expected at none, and their page said
    "Present at 0 of 5 meetings" of one who stood in twice, as if they had missed five.
    The public and scrutiny committees ask this of members, and councils publish it."""
    seen = [(m.date, {a.who.id for a in m.attendance.present} | {c.id for c in m.chair},
             {a.who.id for a in m.attendance.apologies},
             {a.deputising_for.id for a in m.attendance.deputising if a.deputising_for},
             {a.who.id for a in m.attendance.deputising}) for m in recorded]
    rows = []
    for member in body.members:
        pid = member.who.id
        if not pid:
            rows.append(None)
            continue
        held = [sets for date, *sets in seen
                if (member.start is None or date >= member.start) and (member.end is None or date <= member.end)]
        if member.substitute:
            rows.append(Attended(len(held), sum(pid in sets[0] or pid in sets[3] for sets in held), 0, 0, True))
        else:
            rows.append(Attended(len(held), *(sum(pid in sets[kind] for sets in held) for kind in range(3))))
    return tuple(rows)


@dataclass(frozen=True)
class Holdings:
    """Each body's actions (actions_held) and each person's (actions_owned), of one index.tracks: the lists a
    body's tracker and a person's pages give. Each is a pass over every action (8,337 at 2,000 synthetic
    meetings), and the two were more than a quarter of the live preview's save for a retitled item (holdings)."""

    tracks: dict  # the index.tracks they are of
    held: dict[str, list]
    owned: dict[str, list]


def holdings(index: Index, before: Holdings | None = None) -> Holdings:
    """The Holdings of `index`, made from `before` (those of an index a save or a rebuild changed) where it has
    them: only the lists that held or now hold an action the change made anew, added or took out are made
    again, from what they held and the new versions, in the order of index.tracks. Else, or where the change
    made most actions anew (another archive), two passes over every action."""
    tracks = index.tracks
    if before is None:
        return Holdings(tracks, actions_held(index), actions_owned(index))
    if before.tracks is tracks:
        return before
    old = before.tracks
    made = [track for key, track in tracks.items() if old.get(key) is not track]
    if len(made) > max(64, len(tracks) // 4):  # sorting each list again would cost more than the passes
        return Holdings(tracks, actions_held(index), actions_owned(index))
    out = [track for key, track in old.items() if tracks.get(key) is not track]
    if not made and not out:
        return Holdings(tracks, before.held, before.owned)
    # new versions of the same actions in the same order (an edit within a meeting): no order to work out
    if len(made) == len(out) and len(tracks) == len(old) and list(tracks) == list(old):
        patched = _in_place(before, {track.key: track for track in made}, out)
        if patched is not None:
            return Holdings(tracks, *patched)
    place = {key: n for n, key in enumerate(tracks)}
    gone = {id(track) for track in out}
    lists = []
    for had, of in ((before.held, holders), (before.owned, _owner_ids)):
        has, added = dict(had), {}
        for track in made:
            for slug in of(track):
                added.setdefault(slug, []).append(track)
        for slug in added.keys() | {slug for track in out for slug in of(track)}:
            kept = [track for track in had.get(slug, ()) if id(track) not in gone] + added.get(slug, [])
            kept.sort(key=lambda track: place[track.key])
            if kept:
                has[slug] = kept
            else:
                has.pop(slug, None)
        lists.append(has)
    return Holdings(tracks, *lists)


def _in_place(before: Holdings, new: dict, out: list) -> tuple[dict, dict] | None:
    """`before`'s lists with each action in `out` replaced by its new version in `new` where it stands, when each
    is held by the same bodies and owned by the same people as before; else None. The lists keep index.tracks'
    order, which new versions of the same actions, in a dict with the same keys, leave as it was."""
    lists = []
    for had, of in ((before.held, holders), (before.owned, _owner_ids)):
        touched: set[str] = set()
        for track in out:
            slugs = of(track)
            if slugs != of(new[track.key]):
                return None
            touched.update(slugs)
        has = dict(had)
        for slug in touched:
            has[slug] = [new.get(track.key, track) for track in had[slug]]
        lists.append(has)
    return lists[0], lists[1]


def _owner_ids(track) -> list[str]:
    return list(dict.fromkeys(owner.id for owner in track.action.owners if owner.id))


def actions_held(index: Index) -> dict[str, list]:
    """Each body's actions, in the order of index.tracks (one pass, not one a body), each once: those it raised,
    and those another body raised that it owns (`owner: {body: slug}`). Its tracker lists them: an action a board
    gave a scrutiny committee was on the board's tracker alone, and the committee's readers never saw it."""
    held: dict[str, list] = {}
    for track in index.tracks.values():
        for slug in holders(track):
            held.setdefault(slug, []).append(track)
    return held


def actions_owned(index: Index, ids=None) -> dict[str, list]:
    """Each person's actions (of the people `ids` only, if given), in the order of index.tracks, each once
    however often its owners name the person: their pages list them."""
    owned: dict[str, list] = {pid: [] for pid in ids} if ids is not None else {}
    for track in index.tracks.values():
        for owner in track.action.owners:
            if not owner.id:
                continue
            tracks = owned.setdefault(owner.id, []) if ids is None else owned.get(owner.id)
            if tracks is not None and (not tracks or tracks[-1] is not track):
                tracks.append(track)
    return owned


def bodies_sat_on(index: Index, ids=None) -> dict[str, list]:
    """The bodies each person is a member of (of the people `ids` only, if given), in the order of the bodies."""
    found: dict[str, list] = {}
    for body in (index.archive.bodies[slug] for slug in index.by_body):
        for pid in dict.fromkeys(m.who.id for m in body.members if m.who.id and (ids is None or m.who.id in ids)):
            found.setdefault(pid, []).append(body)
    return found


def by_surname(people: dict) -> list:
    """The register's people in the order the people page lists them, and their pages come."""
    return sorted(people.values(), key=lambda p: (p.surname.lower(), p.name.lower()))


def people_index(index: Index, people: list, attended: dict[str, int] | None = None) -> Page:
    """The people page: everyone in the register (`people`, in surname order), with how many meetings each
    attended (counted here, not in the template: Jinja's filters took a third of a second at 2,000 meetings;
    `attended`: those counts, as this page's deps last held them)."""
    if attended is None or attended.keys() != {p.id for p in people}:
        attended = {p.id: len({a.meeting.key for a in index.appearances.get(p.id, []) if at_the_meeting(a)})
                    for p in people}
    return Page(urls.people(), "people.html", dict(people=people, attended=attended),
                (tuple(people), tuple(attended.items())))


def tracker_addresses(slug: str, tracks) -> list[str]:
    """The addresses of the tracker pages body_pages makes for a body holding these actions (actions_held), in the
    same order: none when it holds none."""
    years = sorted({track.closed_step.as_at.year for track in tracks if track.closed}, reverse=True)
    return [urls.actions(slug)] + [urls.actions_closed(slug, year) for year in years] if tracks else []


def register_addresses(slug: str, meetings) -> list[str]:
    """The addresses of the register_pages of a body with these meetings, in the same order: none when no
    meeting records a declaration."""
    years = list(declarations_by_year(meetings))
    return [urls.declarations(slug)] + [urls.declarations_year(slug, year) for year in years] if years else []


def open_data_page(index: Index) -> Page:
    """The open data page, which counts the bodies, meetings, actions, minutes and people it offers."""
    archive = index.archive
    return Page(urls.open_data(), "data.html", {}, (
        tuple(archive.bodies[s] for s in index.by_body), len(archive.meetings), len(index.tracks),
        sum(1 for m in archive.meetings if m.minutes), len(archive.people)))


def sections(index: Index, today: dt.date, refs: dict | None = None,
             known: Holdings | None = None) -> Iterator["Page | MeetingGroup"]:
    """Every page in site order, with each meeting's pages as one MeetingGroup (see meeting_inputs); `known`:
    the index's Holdings, if the caller has them."""
    archive = index.archive
    refs = refs if refs is not None else {}
    yield from listings(index, today)
    known = known or holdings(index)
    held, owners = known.held, known.owned
    attended = {slug: body_attendance(index, slug) for slug in index.by_body}
    names = page_names(archive.people)
    for slug in index.by_body:
        yield from body_pages(index, slug, held.get(slug, []), today, refs, attended=attended, names=names)
    for meeting in archive.meetings:
        yield MeetingGroup(meeting, refs)
    for key, track in sorted(index.tracks.items()):
        yield action_page(index, track, today, refs)
    people = by_surname(archive.people)
    if people:
        yield people_index(index, people)
    member_of = bodies_sat_on(index)
    for person in people:
        yield from person_pages(index, person, tuple(owners.get(person.id, ())), tuple(member_of.get(person.id, ())),
                                today, refs, attended, names)
    yield open_data_page(index)
    files = any(paper.attachments for meeting in archive.meetings for paper in meeting.papers)
    yield Page(urls.accessibility(), "accessibility.html", {"files": files}, (files,))
    yield search_page(index)
    yield Page(urls.not_found(), "not_found.html", {}, ())
    for old, new in index.moved:
        yield Page(old, "moved.html", {"new": new}, (new,))


def addresses(index: Index) -> Iterator[str]:
    """The address of every page `sections` lists but the moved ones, in the same order, without making the
    pages (a tenth of the time at 2,000 meetings): what moved.yaml is checked against."""
    yield urls.home()
    yield urls.archive()
    yield from (urls.year(year) for year in index.by_year)
    held = actions_held(index)
    for slug, meetings in index.by_body.items():
        yield urls.body(slug)
        yield from (urls.body_year(slug, year) for year in sorted({m.date.year for m in meetings}, reverse=True))
        yield from tracker_addresses(slug, held.get(slug, ()))
        yield from register_addresses(slug, meetings)
    for meeting in index.archive.meetings:
        yield from meeting_urls(index, meeting)
    yield from (urls.action(track.action) for _, track in sorted(index.tracks.items()))
    if index.archive.people:
        yield urls.people()
        owners = actions_owned(index)
        for person in by_surname(index.archive.people):
            yield urls.person(person.id)
            yield from (urls.person_year(person.id, year) for year in records_by_year(
                index.appearances.get(person.id, []), owners.get(person.id, ())))
    yield from (urls.open_data(), urls.accessibility(), urls.search(), urls.not_found())


