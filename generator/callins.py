"""Call-ins: a scrutiny committee's item that called in another body's decision (`calls_in:`), and what it
resolved (`call_in_outcome:`).

Scrutiny readers follow a decision from the executive's minute to the committee that called it in and back, so
both pages say so. Which minute a call-in names depends on every body's numbering, which the file that writes
it cannot know: it is found here, where the archive is whole, and checked where cross-references are (the
minute must be another body's, taken before the scrutiny meeting, and published for the pages to link it).
"""

from __future__ import annotations

from typing import NamedTuple

from generator.diagnostics import Report, did_you_mean
from generator.model import Archive, Body, Meeting, MinuteItem
from generator.numbering import canonical, example, printed
from generator.values import spoken_date
from generator.yamltext import line_of


class CalledIn(NamedTuple):
    """A published call-in of a minute, as the called-in minute's page names it."""

    meeting: Meeting  # the scrutiny committee's
    body: Body
    item: MinuteItem  # its item, whose `calls_in` gives the outcome


class CallInOf(NamedTuple):
    """The minute a scrutiny item called in, as its page names it: `meeting` and `item` None where that minute
    is not published (a private meeting's, or draft minutes), which the page names by `number` alone."""

    number: str  # as the decision maker prints it
    body: Body
    meeting: Meeting | None
    item: MinuteItem | None


def target(written: str, bodies: dict[str, Body]) -> tuple[str, str] | None:
    """(body, minute) of the minute a `calls_in:` names, keyed as Index.items keys it, or None where it names
    none: `cab:CAB/24/12`, `jc:2019-11-05/5` (a body numbering per meeting: its folder and item), or the number
    alone, in the first body whose numbering it fits, as a number in the text links (references._find)."""
    written = written.strip()
    slug, colon, rest = written.partition(":")
    slug = slug.strip()
    if colon and slug in bodies:
        numbering = bodies[slug].numbering
        if numbering.per_meeting:
            folder, _, number = rest.strip().rpartition("/")
            ref = canonical(numbering, number)
            return (slug, f"{folder.strip()}/{ref}") if folder.strip() and ref else None
        ref = canonical(numbering, rest)
        return (slug, ref) if ref else None
    for slug, body in sorted(bodies.items()):
        ref = None if body.numbering.per_meeting else canonical(body.numbering, written)
        if ref is not None:
            return slug, ref
    return None


def calling(meeting: Meeting) -> tuple[MinuteItem, ...]:
    """The meeting's items that call in a decision."""
    return tuple(item for item in (meeting.minutes.items if meeting.minutes else ()) if item.calls_in)


def called_in(calls, bodies: dict[str, Body]) -> dict[tuple[str, str], tuple]:
    """Index.called_in: (body, minute) -> (scrutiny meeting, item) of each call-in naming it, in archive order, of
    `calls`, (meeting, `calling` of it) of the published meetings (a private meeting's call-in, or one in draft
    minutes, is in none of them). Kept whether or not that minute is published, so that the preview's fast path
    knows the meetings a call-in ties together (resolve.with_meeting)."""
    found: dict[tuple[str, str], list] = {}
    for meeting, items in calls:
        for item in items:
            key = target(item.calls_in.minute, bodies)
            if key is not None:
                found.setdefault(key, []).append((meeting, item))
    return {key: tuple(entries) for key, entries in found.items()}


def shown_by(index, meeting: Meeting) -> dict[str, tuple[CalledIn, ...]]:
    """item ref -> the published call-ins of the meeting's items that were called in."""
    bodies = index.archive.bodies
    found = {}
    for item in meeting.minutes.items if meeting.minutes and index.called_in else ():
        entries = index.called_in.get(index.item_key(meeting, item.ref))
        if entries:
            found[item.ref] = tuple(CalledIn(m, bodies[m.body], i) for m, i in entries)
    return found


def shown_of(index, meeting: Meeting) -> dict[str, CallInOf]:
    """item ref -> the minute each of the meeting's items called in."""
    bodies = index.archive.bodies
    found = {}
    for item in calling(meeting):
        key = target(item.calls_in.minute, bodies)
        if key is None:
            continue
        at = index.items.get(key)
        body = bodies[key[0]]
        number = printed(body.numbering, key[1]) if not body.numbering.per_meeting else key[1].rpartition("/")[2]
        found[item.ref] = CallInOf(at[1].number if at else number, body, *(at or (None, None)))
    return found


def view(index, meeting: Meeting) -> tuple:
    """What other meetings' pages show of the meeting's part in call-ins (`deps` of theirs): the date and title
    of a scrutiny meeting and its items' call-ins; those of a meeting whose minutes a call-in names, and those
    minutes' numbers and titles (a minute added under a number a call-in named, or taken out, changes it)."""
    items = meeting.minutes.items if meeting.minutes else ()
    named = tuple((item.ref, item.number, item.title, item.confidential) for item in items
                  if index.item_key(meeting, item.ref) in index.called_in) if index.called_in else ()
    calls = tuple((item.ref, item.number, item.calls_in) for item in calling(meeting))
    language = meeting.minutes.language if meeting.minutes and named else ""  # the titles are marked with it
    return (meeting.date, meeting.title, calls, named, language) if calls or named else ()


def replaced(called: dict, old: Meeting, new: Meeting) -> dict:
    """Index.called_in with `old`'s call-ins those of `new`, its edited version, whose `view` is the same: the
    same items, by their numbers, call in the same minutes."""
    if not calling(old):
        return called
    items = {item.ref: item for item in calling(new)}
    return {key: tuple((new, items[item.ref]) if meeting is old else (meeting, item) for meeting, item in entries)
            for key, entries in called.items()}


def deps(index, meeting: Meeting, by: dict | None = None, of: dict | None = None) -> tuple:
    """What a meeting's pages show of the call-ins it takes part in: of those of its minutes called in, each
    calling meeting's address, date and item; of those its items call in, the minute's number, title and
    meeting. Not the rest of the other meeting, which a call-in does not show. `by`, `of`: `shown_by` and
    `shown_of` of the meeting, where made already."""
    by = shown_by(index, meeting) if by is None else by
    of = shown_of(index, meeting) if of is None else of
    if not by and not of:
        return ()
    called = tuple((ref, tuple((m.key, m.date, m.body, i.ref, i.number, i.calls_in) for m, _, i in entries))
                   for ref, entries in by.items())
    calling_ = tuple((ref, shown.number, shown.body.slug, shown.item and (shown.item.title, shown.item.confidential),
                      shown.meeting and (shown.meeting.key, shown.meeting.date, shown.meeting.title,
                                         shown.meeting.minutes.language if shown.meeting.minutes else ""))
                     for ref, shown in of.items())
    return called, calling_


def check(archive: Archive, linker, report: Report) -> None:
    """Each call-in's minute: one of a body's numbers, another body's than the scrutiny committee's, in the
    archive, taken before the scrutiny meeting (errors: the pages would say what did not happen); and published,
    for the pages to link it (warnings, as for a reference in the text: it is shown without a link)."""
    bodies = archive.bodies
    calls = [(meeting, item) for meeting in archive.meetings for item in calling(meeting)]
    if not calls:
        return
    folders = {meeting.body: meeting.folder for meeting in archive.meetings}  # each body's latest, for an example
    held = {(meeting.body, f"{meeting.folder}/{item.ref}" if bodies[meeting.body].numbering.per_meeting
             else item.ref): meeting for meeting in archive.meetings for item in
            (meeting.minutes.items if meeting.minutes else ())}
    for meeting, item in calls:
        written = item.calls_in.minute
        path, line = item.source.path, line_of(written, item.source.line)
        key = target(written, bodies)
        own = bodies[meeting.body]
        if key is None:
            report.error(path, line, f"calls_in '{written}' is not a minute number of any body", _forms(written,
                         bodies, meeting.body, folders))
            continue
        body = bodies[key[0]]
        shown = printed(body.numbering, key[1]) if not body.numbering.per_meeting else key[1]
        if key[0] == meeting.body:
            report.error(path, line, f"calls_in names minute {shown}, one of the {own.short_name}'s own: a call-in "
                         "is of another body's decision", "write the number of the decision called in, with its "
                         "body if two number alike, e.g. " + _forms(written, bodies, meeting.body, folders,
                                                                      example_only=True))
            continue
        taken = held.get(key)
        if taken is None:
            report.error(path, line, f"calls_in names minute {shown} of the {body.short_name}, which the archive does "
                         "not have", f"check the number; {linker.nearest(*key)}"
                         if not body.numbering.per_meeting else "check the meeting's folder and the item's number")
            continue
        if taken.date >= meeting.date:
            report.error(path, line, f"calls_in names minute {shown} of the {body.short_name}'s meeting of "
                         f"{spoken_date(taken.date)}, which is not before this meeting ({spoken_date(meeting.date)})",
                         "a call-in considers a decision taken before it: check the number, or the meetings' dates")
            continue
        withheld = linker.unpublished.get(key)
        if withheld is None or meeting.session == "private" or item.confidential:
            continue  # published; or the call-in is not, and shows nothing
        why, source = withheld
        if why == "private":  # publish.PRIVATE, which imports what imports this
            report.warning(path, line, f"calls_in names minute {shown}, which is in the minutes of a private "
                           f"meeting ({source.path}:{source.line}), which are never published",
                           "the item names it without a link, and no page says it was called in; check the "
                           "number if the decision was taken in public")
        else:
            report.warning(path, line, f"calls_in names minute {shown}, which is in draft minutes "
                           f"({source.path}:{source.line}), which are not published until they are approved",
                           "once a meeting has approved them, write `status: approved` in them, and the call-in "
                           "links and its page says it was called in; till then the item names it without a link")


def _forms(written: str, bodies: dict[str, Body], own: str, folders: dict[str, str],
           example_only: bool = False) -> str:
    """How to write a call-in's minute, with another body's number for an example (a body numbering per meeting:
    its latest meeting's folder, item 1), and the body most likely meant where one was named."""
    others = [(slug, body) for slug, body in sorted(bodies.items()) if slug != own]
    slug, body = next(((s, b) for s, b in others if not b.numbering.per_meeting), others[0] if others else
                      (own, bodies[own]))
    shown = f"{slug}:{example(body.numbering)}" if not body.numbering.per_meeting else \
        f"{slug}:{folders.get(slug, 'YYYY-MM-DD')}/1"
    if example_only:
        return shown
    named, colon, _ = written.partition(":")
    meant = did_you_mean(named.strip(), bodies, "bodies", list_known=False) if colon else ""
    return (f"{meant}; " if meant else "") + f"write the number of the decision called in, with its body, e.g. {shown}"
