"""Stage 2, validate: checks that need more than one file.

Single-file problems (types, unknown fields) were reported while loading; here
live the rules about the archive as a whole: numbers unique within a body,
papers that exist, references between meetings.
"""

from __future__ import annotations

from generator.diagnostics import Report
from generator.model import Archive, Meeting
from generator.numbering import sort_key
from generator.resolve import action_key


def validate(archive: Archive, report: Report) -> None:
    _unique_minute_numbers(archive, report)
    _action_updates(archive, report)
    meetings = {m.key: m for m in archive.meetings}
    for meeting in archive.meetings:
        _papers(meeting, report)
        _item_refs(meeting, report)
        if meeting.minutes and meeting.minutes.approved_at:
            target = meetings.get(meeting.minutes.approved_at)
            if target is None:
                report.warning(meeting.minutes.source.path, 2, f"approved_at names no meeting "
                               f"'{meeting.minutes.approved_at}'", "write it as body/folder, e.g. "
                               f"{meeting.body}/2019-08-22, or leave it out")
            elif target.date < meeting.date:
                report.error(meeting.minutes.source.path, 2, f"the minutes are approved at {target.key}, which is "
                             "before the meeting itself", "check approved_at")
        if meeting.start and meeting.end and meeting.end < meeting.start:
            report.warning(meeting.source.path, 1, f"the meeting ends ({meeting.end}) before it starts "
                           f"({meeting.start})", "check start and end (24-hour times, or am/pm)")


def _unique_minute_numbers(archive: Archive, report: Report) -> None:
    seen: dict[tuple, tuple[str, int]] = {}
    for meeting in archive.meetings:
        body = archive.bodies[meeting.body]
        if meeting.minutes is None:
            continue
        for item in meeting.minutes.items:
            scope = (meeting.body, meeting.folder if body.numbering.per_meeting else "", item.ref)
            if scope in seen:
                path, line = seen[scope]
                report.error(item.source.path, item.source.line, f"minute number {item.ref} is used twice in "
                             f"{body.short_name} (first at {path}:{line})",
                             "renumber one of them; numbers must be unique within the body")
            else:
                seen[scope] = (item.source.path, item.source.line)


def _papers(meeting: Meeting, report: Report) -> None:
    refs: dict[str, str] = {}
    for paper in meeting.papers:
        key = paper.ref.lower()
        if key in refs:
            report.error(paper.source.path, 1, f"{paper.name} is given twice in this meeting (also {refs[key]})",
                         "give each paper its own ref")
        refs[key] = paper.source.path
    known = sorted(p.ref for p in meeting.papers)
    hint = ("this meeting's papers are " + ", ".join(known)) if known else "this meeting has no papers/ folder"

    def check(ref: str, path: str, line: int) -> None:
        if ref.lower() not in refs:
            report.error(path, line, f"paper '{ref}' is referenced but missing",
                         f"add papers/<name>.md with `ref: {ref}`, or correct the reference ({hint})")

    for item in _all_agenda(meeting.agenda):
        for ref in item.papers:
            check(ref, item.source.path, item.source.line)
    if meeting.minutes:
        for item in meeting.minutes.items:
            for ref in item.papers:
                check(ref, item.source.path, item.source.line)


def _all_agenda(items):
    for item in items:
        yield item
        yield from _all_agenda(item.items)


def _item_refs(meeting: Meeting, report: Report) -> None:
    known = {a.ref.lower() for a in _all_agenda(meeting.agenda)}
    if meeting.minutes:
        known |= {i.ref.lower() for i in meeting.minutes.items}
    if not known:
        return
    listing = ", ".join(sorted(known, key=sort_key))
    att = meeting.attendance
    for attendee in att.in_attendance + att.present:
        for ref in attendee.for_items:
            if ref.strip().rstrip(".").lower() not in known:
                report.warning(meeting.source.path, attendee.line, f"{attendee.who.name} attended for item '{ref}', which this "
                               "meeting does not have", f"its items are {listing}")
    for move in att.movements:
        if move.item and move.item.strip().rstrip(".").lower() not in known:
            report.warning(meeting.source.path, move.line, f"{move.who.name} {move.event} during item '{move.item}', which "
                           "this meeting does not have", f"its items are {listing}")
    for paper in meeting.papers:
        if paper.item and paper.item.lower() not in known:
            report.warning(paper.source.path, 1, f"{paper.name} is for item '{paper.item}', which this meeting "
                           "does not have", f"its items are {listing}")


def _action_updates(archive: Archive, report: Report) -> None:
    known = {f"{m.body}:{a.id}" for m in archive.meetings if m.minutes for i in m.minutes.items for a in i.actions}
    for meeting in archive.meetings:
        for update in meeting.action_log.updates if meeting.action_log else ():
            if action_key(update.action, meeting.body) not in known:
                report.error(update.source.path, update.source.line, f"update for an unknown action "
                             f"'{update.action}'", "write the action's id as minute number#position, "
                             "e.g. CCBP/18/49#1 (see docs/content-format.md)")
