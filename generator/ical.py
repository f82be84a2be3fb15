"""iCalendar (RFC 5545) calendars of meetings: one per body and one for the site.

Subscribing in a calendar application is how members of the public and
officers follow when a board meets next; the last year's meetings stay in the
calendar with a link to their papers and minutes (`since`), the full history
being in the open data and on the pages.

Times are UK local time (`Europe/London`, with its definition included, as
RFC 5545 requires for every TZID used): the archives Minutebook serves are UK
councils and NHS bodies, whose papers give wall-clock times. A meeting without
a start time is an all-day event. DTSTAMP is the build date, the only date that
says when the calendar was written, so the same content built on the same day
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from generator import __version__, urls
from generator.interrupt import check, never
from generator.memo import ByIdentity
from generator.model import Meeting, Site, named_with_body
from generator.plaintext import plain_title, xml_safe
from generator.render import short_date
from generator.resolve import Index

TZID = "Europe/London"
LONDON = ZoneInfo(TZID)


def _rules(spring: str, autumn: str) -> tuple[str, ...]:
    """UK rules since 1996: BST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC,
    from the days given (local time, as TZOFFSETFROM counts it), which must be such Sundays."""
    return ("BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", f"DTSTART:{spring}T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", f"DTSTART:{autumn}T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD")


# The rules alone, from 1970 as calendars have always had them: enough for every calendar of meetings since 1996.
VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}", *_rules("19700329", "19701025"), "END:VTIMEZONE")


RULES_FROM = 1996  # the first year VTIMEZONE's rules describe
# London kept its own mean time until 1 December 1847, and had changed its clocks never before: a walk back
# from the years before needs to begin no earlier (from the first years AD it could not, and was a traceback).
GMT_FROM = 1847


@lru_cache(maxsize=None)  # a few first years an archive: each a day-by-day walk back to them
def vtimezone(first_year: int) -> tuple[str, ...]:
    """VTIMEZONE as the calendar's meetings need it: the rules since 1996 and, for a calendar with timed meetings
    from before then (an archive of digitised minutes), each change of the clocks from `first_year` to 1995 as
    zoneinfo has it. The rules alone put a meeting of 25 October 1995 in summer time, an hour from its time in
    the open data (BST ended on 22 October that year); and 1968 to 1971 had no winter time at all."""
    if first_year >= RULES_FROM:
        return VTIMEZONE
    # the clocks' last change before the first meeting too
    found = list(_changes(max(first_year - 5, GMT_FROM - 1), RULES_FROM - 1))
    begun = dt.datetime(first_year, 1, 1, tzinfo=dt.timezone.utc)
    earlier = [n for n, (instant, *_) in enumerate(found) if instant < begun]
    changes = []
    for instant, before, after, name in found[earlier[-1] if earlier else 0:]:
        kind = "DAYLIGHT" if after > dt.timedelta(0) else "STANDARD"
        onset = (instant + before).replace(tzinfo=None)  # local time, as TZOFFSETFROM counts it (RFC 5545 3.6.5)
        changes += [f"BEGIN:{kind}", f"TZOFFSETFROM:{_offset(before)}", f"TZOFFSETTO:{_offset(after)}",
                    f"TZNAME:{name}", f"DTSTART:{onset:%Y%m%dT%H%M%S}", f"END:{kind}"]
    # 31 March and 27 October: the last Sundays of 1996's March and October
    return ("BEGIN:VTIMEZONE", f"TZID:{TZID}", *changes, *_rules("19960331", "19961027"), "END:VTIMEZONE")


def _changes(first_year: int, last_year: int) -> Iterator[tuple[dt.datetime, dt.timedelta, dt.timedelta, str]]:
    """(instant in UTC, offset before, offset after, name after) of each change of UK clocks in those years."""
    utc = dt.timezone.utc
    moment, end = dt.datetime(first_year, 1, 1, tzinfo=utc), dt.datetime(last_year + 1, 1, 1, tzinfo=utc)
    offset = moment.astimezone(LONDON).utcoffset()
    while moment < end:
        later = moment + dt.timedelta(days=1)
        if later.astimezone(LONDON).utcoffset() != offset:
            for step in (dt.timedelta(hours=1), dt.timedelta(minutes=1)):  # the hour of the change, then its minute
                later = moment + step
                while later.astimezone(LONDON).utcoffset() == offset:
                    moment, later = later, later + step
            after = later.astimezone(LONDON)
            yield later, offset, after.utcoffset(), after.tzname()
            offset = after.utcoffset()
        moment = later


def _offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    text = xml_safe(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, room = [], 0, 75  # a continuation line's leading space takes one octet of its 75
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation octet: the character began before `end`
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, 74
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _local(day: dt.date, time: str) -> str:
    hour, minute = time.split(":")
    return f"{day:%Y%m%d}T{int(hour):02d}{int(minute):02d}00"


def uid(site: Site, meeting: Meeting) -> str:
    """`<body>/<folder>@<host>`, with the site's path in front for a site below one (`minutes/ccb/2018-06-21@host`):
    UIDs must be globally unique (RFC 5545 3.8.4.7), and two archives may share a host, but the UID of a site at
    a domain's root is the one it always had. Made from Site.id_base, so that a calendar application knows each
    meeting again after the archive moves rather than showing it twice."""
    parts = urlsplit(site.id_base)
    path = parts.path.strip("/")
    return f"{path}/{meeting.key}@{parts.netloc}" if path else f"{meeting.key}@{parts.netloc}"


def event(index: Index, meeting: Meeting, stamp: dt.date) -> list[str]:
    site = index.archive.site
    body = index.body(meeting.body)
    page = urls.absolute(site.base_url, urls.meeting(meeting))
    lines = ["BEGIN:VEVENT", f"UID:{uid(site, meeting)}", f"DTSTAMP:{stamp:%Y%m%d}T000000Z"]
    if meeting.start:
        lines.append(f"DTSTART;TZID={TZID}:{_local(meeting.date, meeting.start)}")
        if meeting.end and meeting.end > meeting.start:  # "HH:MM" compares as text
            lines.append(f"DTEND;TZID={TZID}:{_local(meeting.date, meeting.end)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}")
        if meeting.date < dt.date.max:  # a placeholder 9999-12-31 has no next day; a day is what RFC 5545 3.6.1
            lines.append(f"DTEND;VALUE=DATE:{meeting.date + dt.timedelta(days=1):%Y%m%d}")  # takes without DTEND
    if meeting.status:  # a calendar that had the event takes it off, or shows it struck through (RFC 5545 3.8.1.11)
        lines += ["STATUS:CANCELLED", "SEQUENCE:1"]
    said = f"{meeting.status.capitalize()}: " if meeting.status else ""
    # A title in another language than the site's (meeting.md's `language:`) says so, for a calendar application
    # that reads it out (RFC 5545 3.2.10): a property has one language, and the summary is mostly the title (not
    # where the meeting has none and is "JC meeting", Minutebook's words). The description is Minutebook's words,
    # in the site's, around the agenda's titles.
    language = site.other(meeting.title_language)
    summary = f";LANGUAGE={language}" if language else ""
    lines.append(f"SUMMARY{summary}:{escape(said + named_with_body(meeting, body.short_name, ': '))}")
    venue = meeting.venue or body.venue
    if venue:
        lines.append(f"LOCATION:{escape(venue)}")
    lines.append(f"URL:{page}")
    description = [body.name, f"Agenda, papers and minutes: {page}"]
    instead = index.instead(meeting)
    if instead is not None:
        description += ["", f"The meeting was {meeting.status}. The meeting arranged in its place, on "
                            f"{short_date(instead.date)}: {urls.absolute(site.base_url, urls.meeting(instead))}"]
    if meeting.adjourned_to and not meeting.status:
        description += ["", adjourned(index, meeting)]
    if meeting.agenda:
        description += ["", "Agenda:"] + [f"{a.number} {plain_title(a.title)}" for a in meeting.agenda]
    lines.append(f"DESCRIPTION:{escape(chr(10).join(description))}")
    lines.append("END:VEVENT")
    return lines


def adjourned(index: Index, meeting: Meeting, linked: bool = True) -> str:
    """What an adjourned meeting's event and feed entry say of it, as its page does: each sitting it reconvened at
    (Index.sittings: "on 21 March 2019, then on 28 March 2019"), with its address (`linked`: a feed entry links the
    meeting's page, which links them), and whether a sitting is not published (a private one is never named). An
    address ends its line, no comma or full stop after it, which a calendar application linking it may take in.
    "Reconvened on" as the page says, whether that day is past or to come: the same content gives the same calendar
    on any day."""
    sittings = index.sittings(meeting)
    base = index.archive.site.base_url
    said = [f"on {short_date(s.date)}" + (f": {urls.absolute(base, urls.meeting(s))}" if linked else "")
            for s in sittings]
    unpublished = not sittings or bool(sittings[-1].adjourned_to)
    if unpublished:
        said.append("at a sitting that is not published")
    text = "The meeting was adjourned, and reconvened " + ("\nthen " if linked else ", then ").join(said)
    return text + ("." if unpublished or not linked else "")


def _rearranged(index: Index, meetings) -> tuple:
    """What the events of `meetings` show of other meetings, another body's included (the meeting arranged in the
    place of one, the sittings at which one reconvened): part of a calendar's inputs."""
    return tuple(index.instead(m) for m in meetings if m.rearranged_to) + tuple(
        index.sittings(m) for m in meetings if m.adjourned_to)


def calendar(index: Index, name: str, meetings: Iterable[Meeting], stamp: dt.date,
             memo: ByIdentity | None = None, stop=never) -> bytes:
    """`memo` (the live preview's) keeps each meeting's folded event while its records are the same objects:
    the site's calendar and its body's are remade after any edit. `stop`: see interrupt.py."""
    meetings = tuple(meetings)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Minutebook//Minutebook {__version__}//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"NAME:{escape(name)}", f"X-WR-CALNAME:{escape(name)}",
            f"X-WR-TIMEZONE:{TZID}", "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D",
            *vtimezone(min((m.date.year for m in meetings if m.start), default=RULES_FROM))]
    parts = ["\r\n".join(fold(line) for line in head)]

    def folded(meeting: Meeting) -> str:
        return "\r\n".join(fold(line) for line in event(index, meeting, stamp))

    for meeting in sorted(meetings, key=lambda m: (m.date, m.start, m.key)):
        check(stop)
        parts.append(folded(meeting) if memo is None else
                     memo.get("calendar event", (meeting, index.body(meeting.body), index.archive.site, stamp,
                                                 index.instead(meeting), index.sittings(meeting)),
                              lambda: folded(meeting)))
    parts.append("END:VCALENDAR\r\n")
    return "\r\n".join(parts).encode("utf-8")


def newest_held(meetings: Iterable[Meeting], today: dt.date) -> dt.date:
    """The date of the newest meeting held by the build date (the build date when none was): what a feed is dated
    by, and a calendar reaches back from, that changes only when a meeting is held, not with each day's build."""
    return max((meeting.date for meeting in meetings if meeting.date <= today), default=today)


def since(meetings: Iterable[Meeting], today: dt.date) -> dt.date:
    """The first day of the calendars: one year before the newest meeting held by the build date. A calendar of
    every meeting since the archive began grew by a meeting's event (about 1 KB) at each meeting, 600 KB for all
    bodies at 500 synthetic meetings, each read again by every subscribed application every day; what it shows
    is the meetings to come and the recent ones. Not a year before the build date: an archive no longer added
    to (a body wound up, the example's) would have empty calendars."""
    newest = newest_held(meetings, today)
    if newest.year == dt.MINYEAR:
        return dt.date.min
    try:
        return newest.replace(year=newest.year - 1)
    except ValueError:  # 29 February
        return newest.replace(year=newest.year - 1, day=28)


def calendars(index: Index, today: dt.date, unchanged=None, memo: ByIdentity | None = None, stop=never
              ) -> Iterator[tuple[str, bytes]]:
    """(address, bytes): the site's calendar, then one per body, each of the meetings from `since` on; those
    `unchanged` (see feeds.atom_feeds) left out. `memo`: see `calendar`."""
    archive = index.archive
    unchanged = unchanged or (lambda address, inputs: False)
    first = since(archive.meetings, today)
    fixed = (archive.site, today, tuple((b.slug, b.name, b.short_name, b.venue) for b in archive.bodies.values()))
    everything = [meeting for meeting in archive.meetings if meeting.date >= first]
    if not unchanged(urls.calendar(), (fixed, tuple(everything), _rearranged(index, everything))):
        yield urls.calendar(), calendar(index, f"{archive.site.title}: meetings", everything, today, memo, stop)
    for slug, meetings in index.by_body.items():
        check(stop)
        meetings = [meeting for meeting in meetings if meeting.date >= first]
        if not unchanged(urls.body_calendar(slug), (fixed, tuple(meetings), _rearranged(index, meetings))):
            yield urls.body_calendar(slug), calendar(index, f"{archive.bodies[slug].name}: meetings", meetings,
                                                     today, memo, stop)
