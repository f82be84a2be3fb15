"""Which pages the site has, and what each page's template is given.

A page is (address, template, context). Listing them lazily keeps memory flat
however large the archive is: each is rendered and written before the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from generator import urls
from generator.actions import groups
from generator.resolve import Index, action_key


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    context: dict


def _meeting_context(index: Index, meeting) -> dict:
    body = index.body(meeting.body)
    items = meeting.minutes.items if meeting.minutes else ()
    updates = meeting.action_log.updates if meeting.action_log else ()
    log = [(u, index.tracks[_key(u.action, meeting.body)].as_at(meeting.action_log.as_at)) for u in updates
           if _key(u.action, meeting.body) in index.tracks]
    raised = [index.tracks[f"{meeting.body}:{a.id}"] for i in items for a in i.actions]
    return dict(meeting=meeting, body=body, items=items, action_log=log, actions_raised=raised,
                items_by_ref={i.ref.lower(): i for i in items},
                agenda_refs={a.ref.lower(): a for a in _agenda(meeting.agenda)},
                previous=index.previous(meeting), next=index.next(meeting))


def _key(written: str, body: str) -> str:
    return action_key(written, body)


def all_pages(index: Index, today: dt.date) -> Iterator[Page]:
    archive = index.archive
    recent = [m for m in archive.meetings if m.date <= today][-10:][::-1]
    upcoming = [m for m in archive.meetings if m.date > today][:10]
    yield Page(urls.home(), "home.html", dict(recent=recent, upcoming=upcoming,
                                             bodies=[archive.bodies[s] for s in index.by_body]))
    yield Page(urls.archive(), "archive.html", dict(years=index.by_year))
    for year, meetings in index.by_year.items():
        yield Page(urls.year(year), "year.html", dict(year=year, meetings=meetings))
    for slug, meetings in index.by_body.items():
        body = archive.bodies[slug]
        years: dict[int, list] = {}
        for meeting in meetings:
            years.setdefault(meeting.date.year, []).append(meeting)
        years = dict(sorted(years.items(), reverse=True))
        tracks = [t for t in index.tracks.values() if t.raised.body == slug]
        yield Page(urls.body(slug), "body.html", dict(body=body, years=years, meetings=meetings, actions=tracks))
        for year, in_year in years.items():
            yield Page(urls.body_year(slug, year), "body_year.html", dict(body=body, year=year, meetings=in_year))
        if tracks:
            held = [m for m in meetings if m.date <= today]
            last = held[-1].date if held else None
            yield Page(urls.actions(slug), "actions.html", dict(body=body, groups=groups(tracks, last, today),
                                                               last_meeting=held[-1] if held else None))
    for meeting in archive.meetings:
        ctx = _meeting_context(index, meeting)
        yield Page(urls.meeting(meeting), "meeting.html", ctx)
        for position, item in enumerate(ctx["items"]):
            items = ctx["items"]
            yield Page(urls.item(meeting, ctx["body"], item), "item.html", dict(
                ctx, item=item, prev_item=items[position - 1] if position else None,
                next_item=items[position + 1] if position + 1 < len(items) else None))
        for paper in meeting.papers:
            yield Page(urls.paper(meeting, paper), "paper.html", dict(ctx, paper=paper))
    for key, track in sorted(index.tracks.items()):
        yield Page(urls.action(track.action), "action.html", dict(
            track=track, action=track.action, body=archive.bodies[track.raised.body], meeting=track.raised,
            item=track.item))
    people = sorted(archive.people.values(), key=lambda p: (p.surname.lower(), p.name.lower()))
    if people:
        yield Page(urls.people(), "people.html", dict(people=people))
    for person in people:
        appearances = index.appearances.get(person.id, [])
        yield Page(urls.person(person.id), "person.html", dict(person=person, appearances=appearances))
    yield Page(urls.search(), "search.html", {})


def _agenda(items):
    for item in items:
        yield item
        yield from _agenda(item.items)
