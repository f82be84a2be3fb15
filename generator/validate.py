"""Stage 2, validate: checks that need more than one file.

Single-file problems (types, unknown fields) were reported while loading; here
live the rules about the archive as a whole: numbers unique within a body,
papers that exist, references between meetings.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator import urls
from generator.diagnostics import (Diagnostic, Report, closest, content_option, did_you_mean, listed, plural,
                                   shortened)
from generator.exclusion import agenda_exclusions, exclusions, private_section
from generator.interrupt import check as check_stop, never
from generator.load_meeting import confidential_mark, confidential_word, names_an_appendix, told_on_agenda
from generator.memo import ByIdentity
from generator.meeting_kinds import called
from generator.model import AgendaItem, Archive, Meeting, MinuteItem, Paper, all_agenda_items
from generator.post_holders import posts_held_elsewhere
from generator.numbering import (ANNUAL, annual_meetings, canonical, compose, digits, example, file_of, following,
                                 leading, leading_part, minutes_of, printed, renumbered, runs, sort_key, unpadded,
                                 whole, year_said)
from generator.publish import unreached
from generator.resolve import action_key, action_tracks, meetings_by_body
from generator.values import slugify, spoken_date, spoken_due
from generator.yamltext import file_line, line_of, lines_of


@dataclass
class Checked:
    """What validation keeps between the live preview's rebuilds (build.Memos), by the identity of records.

    A check that reads only records that are the very same objects as at the
    last rebuild finds what it found then; it is not run again.
    """

    tracks: dict = field(default_factory=dict)  # actions.build_tracks, for this unredacted archive
    per_meeting: ByIdentity = field(default_factory=ByIdentity)  # resolve.action_tracks, likewise
    findings: ByIdentity = field(default_factory=ByIdentity)  # each check's diagnostics
    logs: dict = field(default_factory=dict)  # body -> its meetings with an action log


def validate(archive: Archive, report: Report, memo: Checked | None = None, stop=never) -> None:
    """`memo`: the live preview's (see Checked). `stop`: see interrupt.py."""

    def check(name: str, records: tuple, run) -> None:
        if memo is None:
            run(report)
            return

        def findings() -> tuple:
            local = Report(root=report.root, _relative=report._relative)
            run(local)
            return tuple(local.items)

        report.items.extend(memo.findings.get(name, records, findings))

    _unique_minute_numbers(archive, report, stop)
    _numbered_twice_in_a_run(archive, report, stop)
    _runs_not_restarted(archive, report)
    _misplaced_headings(archive, report, stop)
    _copied_dates(archive, report, stop)
    _withheld_files(archive, report, stop)
    _action_updates(archive, report, check, memo, stop)
    meetings = {m.key: m for m in archive.meetings}
    check_stop(stop)
    for meeting in archive.meetings:
        check_stop(stop)
        body = archive.bodies.get(meeting.body)  # the register is the same object while unchanged (loader)
        check("posts", (meeting, body, archive.people), lambda found, meeting=meeting, body=body:
              posts_held_elsewhere(meeting, body, archive.people, found))
        approved_at = meeting.minutes.approved_at if meeting.minutes else None
        target = meetings.get(approved_at) if approved_at else None
        instead = meetings.get(meeting.rearranged_to) if meeting.rearranged_to else None
        nearby = _folders(archive, meeting) if meeting.rearranged_to and instead is None else ()
        reconvened = meetings.get(meeting.adjourned_to) if meeting.adjourned_to else None
        after = _later_meetings(archive, meeting.body, meeting.date) if meeting.adjourned_to and reconvened is None \
            else ()
        sittings = later_sittings(meetings, meeting) if reconvened is not None else ()
        whole = not archive.incomplete & {meeting.body, "*"}
        items_known = meeting.key not in archive.incomplete
        following = _following(archive, meeting) if approved_at and target is None else ""
        approvers = _approvers(archive, meeting, approved_at) if approved_at and target is None else ()
        if target is not None and target.session == "private" and meeting.session != "private":
            following = _public_that_day(archive, target)
        check("meeting", (meeting, target, instead, nearby, whole, following, approvers, items_known, reconvened,
                          sittings, after),
              lambda found, meeting=meeting, target=target, instead=instead, nearby=nearby, whole=whole,
              following=following, approvers=approvers, items_known=items_known, reconvened=reconvened,
              sittings=sittings, after=after:
              check_meeting(meeting, target, found, instead, nearby, whole, following, approvers, items_known,
                            reconvened, sittings, after))
    _reconvened_twice(archive, report)
    _run_on(archive, meetings, report)
    if memo is not None:
        memo.findings.round()


def check_meeting(meeting: Meeting, approval: Meeting | None, report: Report, instead: Meeting | None = None,
                  nearby: tuple = (), whole: bool = True, following: str = "", approvers: tuple = (),
                  items_known: bool = True, reconvened: Meeting | None = None, sittings: tuple | None = None,
                  after: tuple = ()) -> None:
    """The checks that need no record but the meeting's own, the meeting that approves its minutes, the one
    arranged `instead` of it and the sitting at which it `reconvened` (`nearby`: (folder, date) of the meetings of the
    body its rearranged_to names, when that names none, to suggest one; `after`: (folder, date) of its own body's
    later meetings, _later_meetings, when its adjourned_to names none). `whole`: False while a
    meeting of its body is loaded only in part (an error in its files, Archive.incomplete): an item dropped from
    its minutes would have the agenda warn of it too, a paper whose file is in error every reference to it be
    reported missing, and the meeting that could not be loaded every approved_at, rearranged_to and adjourned_to
    naming it. `following`: the key of the body's next meeting, where
    approved_at names none, to suggest it, or of the public meeting held the day of the private one it names
    (_public_that_day); `approvers`: what `_approvers` says of the meeting it names.
    `items_known`: False while the meeting's own minutes have errors (their frontmatter did not load, or an item
    of them did not): the item a paper, an attendee or a movement names may be among what did not load, and
    each would be reported as an item the meeting does not have. `sittings`: the later sittings of a meeting
    adjourned more than once (later_sittings); the one it `reconvened` at alone where not given."""
    _papers(meeting, report, whole)
    _confidential_together(meeting, report, items_known)
    if sittings is None:
        sittings = (reconvened,) if reconvened is not None and _continues(meeting, reconvened) else ()
    later = _taken_later(sittings)
    if items_known:
        _item_refs(meeting, report)
        _minutes_named(meeting, report, later)
    if whole:
        _agenda_against_minutes(meeting, report, later)
    _listed_twice(meeting, report)
    _agenda_numbered_twice(meeting, report, items_known)
    _progress_unwritten(meeting, report)
    _not_held(meeting, instead, nearby, report, whole)
    _adjourned(meeting, reconvened, after, report, whole)
    if meeting.minutes and meeting.minutes.approved_at:
        if approval is None:
            if whole:  # else it may name the meeting that could not be loaded
                _approved_at_no_meeting(meeting, following, approvers, report)
        elif approval is meeting:
            report.error(meeting.minutes.source.path, line_of(meeting.minutes.approved_at),
                         "the minutes are approved at their own meeting: minutes are approved at a later one",
                         "write the meeting that approved them, or leave approved_at out until they are")
        elif approval.date < meeting.date:
            report.error(meeting.minutes.source.path, line_of(meeting.minutes.approved_at),
                         f"the minutes are approved at {approval.key}, which is before the meeting itself",
                         "check approved_at")
        elif approval.session == "private" and meeting.session != "private":
            _approved_in_private(meeting, approval, following, report)
    if meeting.start and meeting.end and meeting.end < meeting.start:
        report.warning(meeting.source.path, line_of(meeting.end), f"the meeting ends ({meeting.end}) before it starts "
                       f"({meeting.start})", "check start and end (24-hour times, or am/pm)")


def _public_that_day(archive: Archive, private: Meeting) -> str:
    """The key of the public meeting of the private one's body held the same day, "" for none: a board meeting in
    public and in private on one day has two folders, and the private one is easily named for the other."""
    return next((m.key for m in archive.meetings if m.body == private.body and m.date == private.date
                 and m.session != "private"), "")


def _approved_in_private(meeting: Meeting, approval: Meeting, public: str, report: Report) -> None:
    """A public meeting's minutes whose approved_at names a private meeting: nothing of that meeting is published,
    so the page says "Approved" and no more, neither its title nor its date nor a link, which would lead nowhere;
    said to the clerk once, on the approved_at line, as no reader sees what was meant. `public`: the key of the
    public meeting that day (_public_that_day), most likely the one meant."""
    said = f"approved_at names {approval.key}, a meeting held in private ({approval.source.path}), which is never " \
        "published: this meeting's page says 'Approved', without naming the meeting"
    fix = "if the minutes were approved in private, take approved_at out, as the page says nothing of a private " \
        "meeting either way"
    report.warning(meeting.minutes.source.path, line_of(meeting.minutes.approved_at), said,
                   f"if they were approved at {public}, the public meeting that day, write `approved_at: {public}`; "
                   f"{fix}" if public else f"name the public meeting that approved them; {fix}")


def _following(archive: Archive, meeting: Meeting) -> str:
    """The meeting that most likely approved the minutes, for the hint of an approved_at naming none and written
    neither as body/folder nor as a folder (`20 September 2019`): the body's next meeting. (A folder alone is the
    body's meeting in it, as rearranged_to and adjourned_to take one: load_minutes reads it so.)"""
    return next((m.key for m in archive.meetings if m.body == meeting.body and m.date > meeting.date), "")


def _approvers(archive: Archive, meeting: Meeting, approved_at: str) -> tuple:
    """For an approved_at naming no meeting: when written as body/folder, ("body", (folder, date) of each of the
    body's meetings after this one) if there is such a body, else ("", the slugs of the bodies there are); ()
    when not written so. Plain values, which the preview's memo of the check compares."""
    body, slash, folder = approved_at.partition("/")
    if not (slash and body and folder):
        return ()
    if body not in archive.bodies:
        return ("", tuple(sorted(archive.bodies)))
    return (body, _later_meetings(archive, body, meeting.date))


def _later_meetings(archive: Archive, body: str, day: dt.date) -> tuple:
    """(folder, date, whether held in private) of each of the body's meetings after `day`: those a reference from
    a meeting of that day to a later one (approved_at, adjourned_to) may have meant, where it names none."""
    return tuple((m.folder, m.date, m.session == "private") for m in archive.meetings
                 if m.body == body and m.date > day)


def _private_named(meeting: Meeting, known: tuple, folders: list[str]) -> str:
    """What a hint naming `folders` of `known` (as _later_meetings gives them) for a field of a public `meeting`
    says of those held in private, whose page is never published, so that no link reaches them from its pages
    (publish.unreached, as a reference's hint says it): "; its meeting of 1 August 2019 was held in private, which
    no link reaches"; "" for none, and in a private meeting's files, which may well name another."""
    if meeting.session == "private":
        return ""
    return unreached([], sorted(day for folder, day, *private in known if folder in folders and private and private[0]))


def _named_date(folder: str) -> dt.date | None:
    """The date a folder is named with, as `minutebook new meeting` names them (2019-03-21-reconvened)."""
    try:
        return dt.date.fromisoformat(folder[:10]) if _DATED_FOLDER.match(folder) else None
    except ValueError:  # 2019-02-30
        return None


def nearest_folders(known: tuple, folder: str, near: dt.date) -> list[str]:
    """The folders of `known` ((folder, date, ...) of a body's meetings, as _later_meetings gives them) in order of
    nearness to the date `folder` is named with, else to `near`; of two as near, the one spelled more like it
    first. A meeting's folder mistyped is nearer in date than in letters to the folder meant; one whose day is
    mistyped into no date (2019-04-52 for 2019-04-25) is taken at the middle of the month it names."""
    day = _named_date(folder) or _named_date(folder[:8] + "15") or near
    return [f for f, *_ in sorted(known, key=lambda k: (abs((k[1] - day).days),
                                                       -difflib.SequenceMatcher(None, folder, k[0]).ratio(), k[0]))]


def _approved_at_no_meeting(meeting: Meeting, following: str, approvers: tuple, report: Report) -> None:
    """approved_at written as body/folder needs no telling how to write it: what is wrong is the body, or that
    the body has no meeting in that folder, often one the clerk is yet to add (transcribing meetings in turn)."""
    written = meeting.minutes.approved_at
    path, line = meeting.minutes.source.path, line_of(written)
    said = f"approved_at names no meeting '{written}'"
    if not approvers:
        report.warning(path, line, said, f"write it as body/folder, e.g. {following} ({meeting.body}'s next "
                       "meeting), or leave it out" if following else f"write it as body/folder, e.g. "
                       f"{meeting.body}/2019-08-22 for the meeting of 22 August 2019, or leave it out")
        return
    body, known = approvers
    slug, _, folder = written.partition("/")
    if not body:
        report.warning(path, line, f"{said}: there is no body '{slug}'",
                       did_you_mean(slug, known, "bodies")
                       or f"write the body as its file in {report.in_archive('bodies')}/ is named")
        return
    nearest = sorted(nearest_folders(known, folder, meeting.date)[:3])
    named = _named_date(folder)
    new = f"--date {folder}" if named and folder == named.isoformat() else f"--date YYYY-MM-DD --folder {folder}"
    add = f"add the meeting (`minutebook new meeting --body {body} {new}`), or leave approved_at out until it is added"
    report.warning(path, line, f"{said}: no meeting of {body} is in the folder {folder} (yet)",
                   f"{body}'s nearest later meetings are in {listed(nearest)}{_private_named(meeting, known, nearest)}"
                   f": write the one meant, or {add}"
                   if nearest else f"{body} has no later meeting in the archive: {add}")


def aside(said: str) -> str:
    """A note publish.unreached gives ("; its meeting of ... was held in private ...") after a question naming one
    meeting: " (its meeting of ...)"; "" for none."""
    return f" ({said.removeprefix('; ')})" if said else ""


def _folders(archive: Archive, meeting: Meeting) -> tuple:
    """(folder, date) of the meetings of the body the meeting's rearranged_to names, but the meeting itself: what
    a mistyped folder may have meant, the nearest in date first (nearest_folders)."""
    body = meeting.rearranged_to.split("/", 1)[0]
    return tuple((m.folder, m.date, m.session == "private") for m in archive.meetings
                 if m.body == body and m is not meeting)


def _not_held(meeting: Meeting, instead: Meeting | None, nearby: tuple, report: Report, whole: bool = True
              ) -> None:
    """A meeting that did not take place has no record of what happened at it: minutes, an action log or
    attendance there would tell the public it met. Its `rearranged_to` must name a meeting, or the page would
    promise a link it cannot give."""
    path, said = meeting.source.path, f"status: {meeting.status}"
    if meeting.status:
        fix = (f"if the meeting was held, take `{said}` out of meeting.md (line {line_of(meeting.status)}); "
               "if it was not, remove ")
        if meeting.minutes:
            report.error(meeting.minutes.source.path, 1, f"minutes of a meeting that did not take place (meeting.md "
                         f"says `{said}`)", fix + "this file")
        if meeting.action_log:
            report.error(meeting.action_log.source.path, 1, "an action log presented at a meeting that did not "
                         f"take place (meeting.md says `{said}`)", fix + "this file, or move it to the meeting "
                         "that considered it")
        attendees = [a for name, _ in _ATTENDANCE + (("minute_taker", ""),)
                     for a in getattr(meeting.attendance, name)]
        if attendees:
            report.error(path, attendees[0].line or line_of(meeting.status), "attendance recorded for a meeting that "
                         f"did not take place (this file says `{said}`)", fix + "its attendance")
    if not meeting.rearranged_to:
        return
    line = line_of(meeting.rearranged_to)
    if not meeting.status:
        report.error(path, line, "rearranged_to is for a meeting that did not take place, but this one has no "
                     "status", "add `status: postponed` (or `status: cancelled`), or take rearranged_to out")
    elif meeting.rearranged_to == meeting.key:
        report.error(path, line, f"rearranged_to names this meeting itself ({meeting.key})",
                     "name the meeting arranged instead, as body/folder")
    elif instead is None and whole:  # else it may name the meeting that could not be loaded
        body, _, folder = meeting.rearranged_to.partition("/")
        nearest = nearest_folders(nearby, folder, meeting.date)
        report.error(path, line, f"rearranged_to names no meeting '{meeting.rearranged_to}'",
                     f"did you mean '{body}/{nearest[0]}'?{aside(_private_named(meeting, nearby, nearest[:1]))}"
                     if nearest
                     else f"write it as body/folder, e.g. {meeting.body}/2019-08-22, the folder of the meeting "
                     "arranged instead, or take rearranged_to out")


def _adjourned(meeting: Meeting, reconvened: Meeting | None, after: tuple, report: Report, whole: bool = True
               ) -> None:
    """A meeting adjourned part-way was held, and reconvened as the same body on a later day, at a sitting held
    in turn: anything else names the wrong folder, and the pages would link a sitting that cannot continue it.
    One naming no meeting is told of the meeting of its body `after` it (_later_meetings) nearest the date it
    names: a sitting's folder mistyped (2019-03-12 for 2019-03-21-reconvened) is nearer in date than in letters
    to the folder meant, and a sitting of another body, or before the meeting, cannot be the one."""
    if not meeting.adjourned_to:
        return
    path, line, named = meeting.source.path, line_of(meeting.adjourned_to), meeting.adjourned_to
    if meeting.status:
        report.error(path, line, f"adjourned_to is for a meeting that was held, but this one says `status: "
                     f"{meeting.status}`", "take adjourned_to out (a meeting called off names the one arranged in "
                     "its place in rearranged_to), or take status out if the meeting was held")
    elif named == meeting.key:
        report.error(path, line, f"adjourned_to names this meeting itself ({meeting.key})",
                     "name the folder of the sitting at which the meeting reconvened")
    elif reconvened is None:
        if whole:  # else it may name the meeting that could not be loaded
            nearest = nearest_folders(after, named.partition("/")[2], meeting.date)
            report.error(path, line, f"adjourned_to names no meeting '{named}'",
                         f"did you mean '{meeting.body}/{nearest[0]}'?"
                         f"{aside(_private_named(meeting, after, nearest[:1]))}" if nearest
                         else _start_sitting(meeting, named))
    elif reconvened.body != meeting.body:
        report.error(path, line, f"adjourned_to names {named}, a meeting of another body",
                     f"an adjourned meeting reconvenes as the same body: name a sitting of {meeting.body}, or take "
                     "adjourned_to out")
    elif reconvened.date <= meeting.date:
        report.error(path, line, f"adjourned_to names {named}, of {spoken_date(reconvened.date)}, not after this "
                     f"meeting ({spoken_date(meeting.date)})", "name the sitting at which the meeting reconvened, "
                     "on a later day (a meeting resumed the same day is one sitting: take adjourned_to out)")
    elif reconvened.status:
        report.error(path, line, f"adjourned_to names {named}, which did not take place (its meeting.md says "
                     f"`status: {reconvened.status}`)", "name the sitting at which the meeting reconvened, or take "
                     "status out of that meeting.md if it was held")


def _start_sitting(meeting: Meeting, named: str) -> str:
    """What to do for an adjourned_to naming a sitting the archive does not have, where the body has no meeting
    after this one: the sitting is yet to be added (the docs say adjourned_to may be written first), and the
    command that adds it, with the date its folder is named with, was what the clerk needed, where they were given
    a folder named with this meeting's date as an example."""
    folder = named.partition("/")[2] or named
    day = _named_date(folder)
    if day is None or day <= meeting.date:
        return ("write the folder of the sitting at which the meeting reconvened, named with that sitting's date "
                f"(e.g. {meeting.date.year}-MM-DD-reconvened), or take adjourned_to out")
    dated = f"--date {day.isoformat()}" + ("" if folder == day.isoformat() else f" --folder {folder}")
    return (f"add the sitting (`minutebook new meeting --body {meeting.body} {dated} --reconvenes {meeting.folder}`), "
            "or take adjourned_to out")


def _reconvened_twice(archive: Archive, report: Report) -> None:
    """A sitting continues one meeting: two adjourned to it is a folder copied with its adjourned_to, or one
    mistyped, and the sitting's page could say only one."""
    first: dict[str, Meeting] = {}
    for meeting in archive.meetings:
        if not meeting.adjourned_to or meeting.status:
            continue
        earlier = first.setdefault(meeting.adjourned_to, meeting)
        if earlier is not meeting:
            report.error(meeting.source.path, line_of(meeting.adjourned_to), f"adjourned_to names "
                         f"{meeting.adjourned_to}, which {earlier.key} is adjourned to too "
                         f"(at {earlier.source.path}:{line_of(earlier.adjourned_to)})",
                         "a sitting continues one meeting: correct the adjourned_to of one of them")


def _run_on(archive: Archive, meetings: dict, report: Report) -> None:
    """The minutes of an adjourned meeting's sittings are one meeting's, numbered on from sitting to sitting: a
    reconvened sitting whose first minute does not follow the last of the sitting it continues was numbered as a
    meeting of its own (from the standing items on, say), and a reader counting on from the first sitting's
    minutes, or a reference to a minute by its number, finds another item. A sitting in a later year than the
    first may start the year's numbers instead (TB/20/1 after TB/19/22), as any meeting of a body numbering by
    year does (scaffold.next_numbers)."""
    for meeting in archive.meetings:
        sitting = meetings.get(meeting.adjourned_to) if meeting.adjourned_to else None
        if sitting is None or not _continues(meeting, sitting) or not (meeting.minutes and meeting.minutes.items) \
                or not (sitting.minutes and sitting.minutes.items) or archive.incomplete & {meeting.key, sitting.key}:
            continue
        numbering = archive.bodies[meeting.body].numbering
        last = max(meeting.minutes.items, key=lambda item: sort_key(item.ref))
        first = min(sitting.minutes.items, key=lambda item: sort_key(item.ref))
        after = following(numbering, last.ref)
        used = {item.ref.lower() for item in meeting.minutes.items}  # a number used at both is an error already
        new_year = compose(numbering, 1, sitting.date.year) if sitting.date.year != meeting.date.year \
            and "{y" in numbering.pattern and not numbering.per_meeting else None
        if after is None or first.ref in (canonical(numbering, after), new_year and canonical(numbering, new_year)) \
                or first.ref.lower() in used:
            continue
        report.warning(first.source.path, first.source.line, f"minute {first.number} is the first of this "
                       f"reconvened sitting, but the last minute of the sitting it continues ({meeting.key}, "
                       f"{spoken_date(meeting.date)}) is {last.number}", "an adjourned meeting's minutes are numbered "
                       f"on from sitting to sitting: number this sitting's minutes from {after}, or correct the "
                       f"adjourned_to at {meeting.source.path}:{line_of(meeting.adjourned_to)}")


_DATED_FOLDER = re.compile(r"^(\d{4}-\d{2}-\d{2})")  # how `minutebook new meeting` names a meeting's folder

# The attendance lists a person can be in only one of; the minute taker may be in attendance as well.
_ATTENDANCE = (("present", "present"), ("in_attendance", "in attendance"), ("deputising", "deputising"),
               ("apologies", "giving apologies"), ("absent", "absent"))


def _listed_twice(meeting: Meeting, report: Report) -> None:
    """A person in two attendance lists, or twice in one: the minutes would say both, as when last meeting's
    list is copied and someone is added to apologies without being taken out of those present; or the chair
    among those not there."""
    seen: dict = {}
    for field_name, said in _ATTENDANCE:
        for attendee in getattr(meeting.attendance, field_name):
            who = attendee.who
            key = who.id or who.name.strip().lower()
            if key in seen:
                first, line = seen[key]
                report.warning(meeting.source.path, attendee.line, f"{who.name} is listed as {said} and already "
                               f"as {first} (line {line})", "keep them in one list of the attendance"
                               if first != said else "remove one of them")
            else:
                seen[key] = (said, attendee.line)
    chairs = {key for who in meeting.chair if (key := who.id or who.name.strip().lower()) not in seen
              or seen[key][0] not in ("present", "in attendance", "deputising")}  # else it is said above
    for field_name, said in (("apologies", "giving apologies"), ("absent", "absent")):
        for attendee in getattr(meeting.attendance, field_name):
            if (attendee.who.id or attendee.who.name.strip().lower()) in chairs:
                report.warning(meeting.source.path, attendee.line, f"{attendee.who.name} is listed as {said}, but "
                               "is named as the meeting's chair", "correct `chair:` (whoever chaired in their "
                               f"place), or take them out of {field_name}")


def _unique_minute_numbers(archive: Archive, report: Report, stop=never) -> None:
    """Each number once in its body; and no meeting folder named as a minute's page is in the same year
    (/tb/2019/tb-19-13/ is both), where one page would replace the other. Only folders not named for a date are
    compared: slugging every number took 50 ms of a warm build at 2,000 meetings, and the last resort
    (build._one_page_an_address) still stands behind a number written like a date."""
    seen: dict[tuple, tuple[str, int]] = {}
    folders = {(m.body, m.date.year, m.folder): m for m in archive.meetings if not _DATED_FOLDER.match(m.folder)}
    years = {(body, year) for body, year, _ in folders}
    for meeting in archive.meetings:
        check_stop(stop)
        body = archive.bodies[meeting.body]
        if meeting.minutes is None:
            continue
        odd_folders = not body.numbering.per_meeting and (meeting.body, meeting.date.year) in years
        for item in meeting.minutes.items:
            scope = (meeting.body, meeting.folder if body.numbering.per_meeting else "", item.ref)
            if scope in seen:
                path, line = seen[scope]
                report.error(item.source.path, item.source.line, f"minute number {item.number} is used twice in "
                             f"{body.short_name} (first at {path}:{line})",
                             "renumber one of them; numbers must be unique within the body")
            else:
                seen[scope] = (item.source.path, item.source.line)
            named = folders.get((meeting.body, meeting.date.year, slugify(item.ref))) if odd_folders else None
            if named is not None:
                report.error(named.source.path, 1, f"the folder's name '{named.folder}' is also the address of "
                             f"minute {item.number}'s page ({item.source.path}:{item.source.line}): one page would "
                             "replace the other",
                             f"rename the folder for the meeting's date, e.g. {named.date.isoformat()}")


def _numbered_twice_in_a_run(archive: Archive, report: Report, stop=never) -> None:
    """A body numbering per meeting whose minutes run on from meeting to meeting, as a council's do through the
    municipal year (29, 30, ... while each agenda numbers its items from 1), uses each number once in a run of
    minutes (numbering.runs): two minute 4s of one year are one number for two minutes, which a reader citing
    "minute 4" of the year cannot tell apart (_unique_minute_numbers compares such a body's numbers within a meeting
    only; a body numbering by a pattern, TB/19/13, is checked across the archive there). The later heading is told
    the next number the run has not used. One pass over each such body's meetings, in date order."""
    by_body: dict[str, list[Meeting]] = {slug: [] for slug, body in sorted(archive.bodies.items())
                                         if body.numbering.per_meeting}
    if not by_body:
        return
    for meeting in archive.meetings:
        if meeting.body in by_body and not meeting.status:
            by_body[meeting.body].append(meeting)
    for slug, meetings in by_body.items():
        check_stop(stop)
        numbered_twice_in_a_run(archive.bodies[slug], meetings, report)


def numbered_twice_in_a_run(body, meetings: list[Meeting], report: Report) -> None:
    """_numbered_twice_in_a_run for one body numbering per meeting, of its `meetings` held, in date order (also
    the live preview's, for a save: quick._checked)."""
    annual = annual_meetings(body.numbering, meetings)
    run_of = runs(body.numbering, meetings, annual)
    shared = Counter(run_of.values())  # a body numbering each meeting from 1 has a run per meeting: none shared
    first: dict[tuple, tuple] = {}
    taken: set | None = None  # (run, number) of every number used, for the next free: made at the first repeat
    for meeting in meetings:
        run = run_of[meeting.key]
        for item in meeting.minutes.items if meeting.minutes and shared[run] > 1 else ():
            if not item.ref.isdigit():
                continue
            earlier, at = first.setdefault((run, int(item.ref)), (meeting, item))
            if earlier is meeting:  # twice in one meeting: _unique_minute_numbers says so
                continue
            if taken is None:
                taken = {(run_of[m.key], n) for m in meetings for n in minutes_of(m)}
            free = next(n for n in range(int(item.ref) + 1, int(item.ref) + len(taken) + 2)
                        if (run, n) not in taken)
            taken.add((run, free))
            report.error(item.source.path, item.source.line, f"minute number {item.number} is used twice in "
                         f"{_run_said(body, run, meetings, annual)}: {earlier.key} has it already "
                         f"(at {at.source.path}:{at.source.line})", f"each number is one minute's in a run "
                         f"of minutes: number it {free}, the next the run has not used, and the agenda's "
                         f"`minute:` with it" + ("" if body.numbering.restarts else "; or, where this meeting's "
                                                 "minutes are numbered afresh, number them from 1"))


def _run_said(body, run, meetings: list[Meeting], annual: dict) -> str:
    """A run of minutes (numbering.runs) as a message names it, saying where it begins."""
    if body.numbering.restarts:
        return year_said(body, run, annual)
    if run:
        return f"{body.short_name}'s minutes numbered on from {run}'s"
    return f"{body.short_name}'s minutes numbered on from {meetings[0].key}'s, its first meeting in the archive"


def _runs_not_restarted(archive: Archive, report: Report) -> None:
    """A body whose minutes run on through the municipal year starts them again at 1 at the year's first meeting,
    and its file says when that is (`year_starts:`), or its annual meeting (`kind: annual`) does: minutes numbered
    on from the last of the year before (88 after 87) were carried on where the run restarts, as `new meeting` did
    before the body said so; and minutes starting again at 1 at another meeting, after minutes of the same year,
    number twice what the year's minutes have numbered already."""
    bodies = {slug for slug, body in archive.bodies.items() if body.numbering.restarts}
    if not bodies:  # as good as always
        return
    reconvened = {m.adjourned_to for m in archive.meetings if m.adjourned_to}  # a sitting runs on from its first
    annual = {slug: annual_meetings(archive.bodies[slug].numbering, (m for m in archive.meetings if m.body == slug))
              for slug in bodies}
    last: dict = {}  # body -> (its last meeting with numbered minutes, their highest number)
    for meeting in sorted((m for m in archive.meetings if m.body in bodies), key=lambda m: (m.body, m.date)):
        numbers = [int(item.ref) for item in meeting.minutes.items if item.ref.isdigit()] if meeting.minutes else ()
        if meeting.status or not numbers:
            continue
        before, highest = last.get(meeting.body, (None, 0))
        last[meeting.body] = (meeting, max(numbers))
        body = archive.bodies[meeting.body]
        year = body.numbering.municipal_year(meeting.date, annual[meeting.body])
        if before is None or meeting.key in reconvened:
            continue
        first = meeting.minutes.items[0]
        said = year_said(body, year, annual[meeting.body])
        if body.numbering.municipal_year(before.date, annual[meeting.body]) == year:
            if min(numbers) == 1:
                report.warning(first.source.path, first.source.line, f"the minutes start again at 1, but "
                               f"{meeting.key} is not the first meeting of {said}: {before.key}'s minutes run to "
                               f"{highest} before it", f"number them on from {highest + 1}, and the agenda's "
                               f"`minute:` with them; or, where the year begins at this meeting, the council's "
                               f"annual meeting, say so with `kind: {ANNUAL}` in its meeting.md")
            continue
        if min(numbers) != highest + 1:
            continue
        which = f"minute {min(numbers)} runs" if len(numbers) == 1 else f"minutes {min(numbers)} to {max(numbers)} run"
        report.warning(first.source.path, first.source.line, f"{which} on from "
                       f"{before.key}'s, but {meeting.key} is the first meeting of {said}, where its minutes start "
                       "again at 1", "number them from 1, and the agenda's `minute:` with them")


def _misplaced_headings(archive: Archive, report: Report, stop=never) -> None:
    """A heading numbering another minute, or a part of one, inside an item (model.MisplacedHeading). A part is
    moved under that minute's heading where the archive has it; where it has none, no heading is there to move it
    under, and the number is most likely this item's mistyped, or no part's. A minute's own number is made an item
    with '## ' where the archive has no such minute; where it has, '## ' would number that minute twice, and the
    heading most likely names it, as a sub-heading about an earlier minute does: it is told how to write it so
    that its number is read as a reference. The one message for the heading: the reference scan says nothing of
    its number not resolving (backlinks._told_already). And a minute heading in error told to write a '## '
    number these minutes lack (model.AdvisedNumber): where another meeting has that minute, the error is told
    what to do instead."""
    misplaced = [(meeting, heading) for meeting in archive.meetings if meeting.minutes
                 for heading in meeting.minutes.misplaced_headings if not heading.told]
    advised = [(meeting, advice) for meeting in archive.meetings if meeting.minutes
               for advice in meeting.minutes.advised_numbers]
    if not misplaced and not advised:  # as good as always: no set of every minute number made on every save
        return
    check_stop(stop)
    minuted = {}
    for meeting in archive.meetings:
        for item in meeting.minutes.items if meeting.minutes else ():
            minuted.setdefault((meeting.body, item.ref), (item.source, meeting))
    for meeting, heading in misplaced:
        numbering = archive.bodies[meeting.body].numbering
        # a meeting of the body not loaded (an error in its files) may be the one with the minute
        unknown = bool(archive.incomplete & {meeting.body, "*"})
        found = minuted.get((meeting.body, heading.ref))
        if leading_part(numbering, heading.heading) is None:
            _misplaced_item(meeting, heading, numbering, found, unknown, report, archive)
        else:
            _misplaced_part(meeting.minutes.source.path, heading, numbering, found or unknown, report)
    for meeting, advice in advised:
        found = minuted.get((meeting.body, advice.ref))
        if found is not None:
            _advised_number(meeting, advice, found, report, archive)


def _misplaced_part(path: str, part, numbering, minuted: bool, report: Report) -> None:
    item, inside = printed(numbering, part.ref), printed(numbering, part.inside)
    said = f"the heading '{part.heading}' numbers a part of minute {item}"
    read_as = f"it is inside {inside}, so it is read as part of {inside}"
    if minuted:
        report.warning(path, part.line, f"{said}, but {read_as}", f"move it under the heading of {item}, or correct "
                       "its number")
        return
    words = (leading_part(numbering, part.heading) or ("", "", ""))[2].strip()
    renamed = renumbered(numbering, part.heading, part.inside)
    report.warning(path, part.line, f"{said}, which the archive does not have, and {read_as}",
                   f"correct its number to this item's, '{part.hashes} {renamed}', or make it a heading without a "
                   "number" + (f", '{part.hashes} {words}'" if words else ""))


def _misplaced_item(meeting: Meeting, heading, numbering, found, unknown: bool, report: Report,
                    archive: Archive) -> None:
    """`found`: (the Source of the minute the heading's number is, its meeting), where the archive has it;
    `unknown`: whether a meeting not loaded may have it."""
    path = meeting.minutes.source.path
    item, inside = printed(numbering, heading.ref), printed(numbering, heading.inside)
    if heading.unspaced:
        said = f"the line '{shortened(heading.hashes + heading.heading, 60)}' starts with minute number {item}, but " \
               f"without a space after '{heading.hashes}' it is no heading"
    else:
        said = f"the heading '{heading.heading}' starts with minute number {item}, but only a '## ' heading at the " \
               "start of a line starts an item"
    said += f", so it is read as part of {inside}"
    item_of_its_own = f"'## {heading.heading}'"
    if found is None and not unknown:
        report.warning(path, heading.line, said, f"write {item_of_its_own}" +
                       ("" if heading.unspaced else " if it is an item of its own"))
        return
    words = leading(numbering, heading.heading)[1].strip().lstrip("–—-:.").strip()
    hashes = heading.hashes if len(heading.hashes) > 2 else "###"  # a heading inside the item
    if found is None:
        naming = f"'{hashes} {words} ({item})'" if words else f"'{hashes} Minute {item}'"
        report.warning(path, heading.line, said, f"write {item_of_its_own} if it is an item of its own, or, if it "
                       f"names minute {item} of a meeting not read for its errors, {naming}")
        return
    report.warning(path, heading.line, f"{said}, and minute {item} is at {found[0].path}:{found[0].line}",
                   f"if it names that minute, {_naming(hashes, words, item, heading.ref, meeting, found[1], archive)}; "
                   "if it is an item of its own, write '## ' and its own number")


def _advised_number(meeting: Meeting, advice, found, report: Report, archive: Archive) -> None:
    """The advice for a minute heading in error (model.AdvisedNumber) whose number, or the one it was told to
    write, is another meeting's minute (`found`: its Source and meeting): '## ' with it would number it twice."""
    numbering = archive.bodies[meeting.body].numbering
    item, at = printed(numbering, advice.ref), f"{found[0].path}:{found[0].line}"
    part = leading_part(numbering, advice.heading)
    if advice.hashes:  # a heading numbered `ref` above the first item: told as one inside an item is (_misplaced_item)
        words = leading(numbering, advice.heading)[1].strip().lstrip("–—-:.").strip()
        hint = f"minute {item} is at {at}: if the heading names it, move it under the item it belongs to and " \
               f"{_naming(advice.hashes, words, item, advice.ref, meeting, found[1], archive)}; if it is an item of " \
               "its own, write '## ' and its own number"
    elif part is None:  # no number: the number after the item above's
        hint = f"{archive.bodies[meeting.body].short_name} numbers items like '{item}', minute {item} at {at}: if " \
               f"it is part of {printed(numbering, advice.above)}, write '### {advice.heading}'; if it is an item " \
               "of its own, write '## ' and the number its minutes give it"
    else:
        words = part[2].strip().lstrip("–—-:.").strip()
        written = advice.heading.strip()[:len(advice.heading.strip()) - len(part[2])].rstrip(" :;,.")
        hint = f"minute {item} is at {at}: if the heading names that part of it, make it a heading inside the " \
               f"item it belongs to: {_naming('###', words, written, advice.ref, meeting, found[1], archive)}; " \
               "else correct its number"
    told = Diagnostic(meeting.minutes.source.path, advice.line, advice.severity, advice.message, advice.hint)
    report.retell(told, hint)


def _naming(hashes: str, words: str, number: str, ref: str, meeting: Meeting, target: Meeting,
            archive: Archive) -> str:
    """'write '### Words (24/007)', which links to it': how a heading in `meeting`'s minutes names minute `ref` of
    `target`'s, said as the public site links it. A private meeting's minutes are never published, nor draft
    minutes until approved: the number links to an agenda's row for it, where a public agenda lists it, or to
    nothing, a warning that it does not resolve. Text that is itself unpublished (a private meeting's, a draft's
    of a draft's) is not told so."""
    named = f"'{hashes} {words} ({number})'" if words else f"'{hashes} Minute {number}'"
    private = target.session == "private" and meeting.session != "private"
    draft = target.minutes.status == "draft" and meeting.minutes.status != "draft" and meeting.session != "private"
    if target is meeting or not (private or draft):
        return f"write {named}, which links to it"
    numbering = archive.bodies[meeting.body].numbering
    on_agenda = any(canonical(numbering, agenda.ref) == ref for other in archive.meetings
                    if other.body == meeting.body and other.session != "private"
                    for agenda in all_agenda_items(other.agenda))
    if private:
        if on_agenda:
            return f"write {named}, which links to the agenda's row for it, as a private meeting's minutes are " \
                   "never published"
        bare = f"'{hashes} {words}'" if words else "it in words"
        return f"write {bare}, without the number: a private meeting's minutes are never published, and the " \
               "number would link to nothing"
    if on_agenda:
        return f"write {named}, which links to the agenda's row for it until those minutes, a draft, are " \
               "approved, and then to it"
    return f"write {named}, which links to it once those minutes, a draft, are approved (until then the number " \
           "links to nothing, a warning)"


def _withheld_files(archive: Archive, report: Report, stop=never) -> None:
    """A file a confidential paper or a private meeting's paper names is not published, as the paper is not; the
    same file (by its bytes) named by a published paper would be: the exempt appendix listed among the public
    report's appendices as well, or a copy of the private session's briefing put beside a public paper."""
    withheld: dict[bytes, tuple[Meeting, Paper]] = {}
    for meeting in archive.meetings:
        check_stop(stop)
        for paper in meeting.papers:
            if meeting.session == "private" or paper.confidential:
                withheld.update((attachment.digest, (meeting, paper)) for attachment in paper.attachments)
    if not withheld:
        return
    for meeting in archive.meetings:
        check_stop(stop)
        if meeting.session == "private":
            continue
        for paper in meeting.papers:
            for attachment in () if paper.confidential else paper.attachments:
                if attachment.digest not in withheld:
                    continue
                other_meeting, other = withheld[attachment.digest]
                whose = f"{other.name}, which is confidential" if other_meeting.session != "private" else \
                    f"{other.name} of {other_meeting.key}, a private meeting"
                report.error(paper.source.path, line_of(attachment.name, paper.source.line), f"'{attachment.name}' "
                             f"is the file of {whose}: it would be published with {paper.name}",
                             "take it out of this paper (give an exempt appendix a `note:` instead of its `file:`), "
                             "or mark the paper `confidential: yes`")


def _copied_dates(archive: Archive, report: Report, stop=never) -> None:
    """Two meetings of a body on one date, one of them in a folder named for another date: a folder copied
    from the meeting before, its `date:` left as it was. A folder named for another date alone is no mistake:
    a meeting moved after its page was published keeps its address."""
    by_day: dict[tuple, list[Meeting]] = {}
    for meeting in archive.meetings:
        by_day.setdefault((meeting.body, meeting.date), []).append(meeting)
    check_stop(stop)
    for (_, day), meetings in by_day.items():
        if len(meetings) < 2:
            continue
        for meeting in meetings:
            named = _DATED_FOLDER.match(meeting.folder)
            if named and named[1] != day.isoformat():
                others = [other.key for other in meetings if other is not meeting]
                report.warning(meeting.dated.path, meeting.dated.line, f"the folder is named {named[1]}, but the "
                               f"meeting is dated {day.isoformat()}, as {listed(others)} "
                               f"{'is' if len(others) == 1 else 'are'}",
                               "correct `date:`: a folder copied from another meeting keeps that meeting's date")


def _papers(meeting: Meeting, report: Report, whole: bool = True) -> None:
    refs: dict[str, str] = {}
    addresses: dict[str, Paper] = {}  # a paper's page is named for its ref: 5.1 and 5/1 would share one
    for paper in meeting.papers:
        key, address = paper.ref.lower(), slugify(paper.ref)
        if key in refs:
            report.error(paper.source.path, line_of(paper.ref),
                         f"{paper.name} is given twice in this meeting (also {refs[key]})",
                         "give each paper its own ref")
        elif not address:
            report.error(paper.source.path, line_of(paper.ref), f"the ref '{paper.ref}' has no letter from A to Z "
                         "or digit, of which its page's address is made", "write the letter or number the pack uses, "
                         "e.g. C or 5")
        elif len(address) > urls.LONGEST_PART:
            report.error(paper.source.path, line_of(paper.ref), f"the ref '{shortened(paper.ref)}' is "
                         f"{len(paper.ref)} characters long, and its page's address is made of it", "write the letter "
                         "or number the pack gives the paper, e.g. C or 5.1; its name goes in `title:`")
        elif address in addresses:
            other = addresses[address]
            report.error(paper.source.path, line_of(paper.ref), f"{paper.name} and {other.name} ({other.source.path}) "
                         f"would have one page between them, papers/{address}/", "give one of them another ref")
        refs[key] = paper.source.path
        addresses.setdefault(address, paper)
    known = sorted(p.ref for p in meeting.papers)
    hint = ("this meeting's papers are " + ", ".join(known)) if known else "this meeting has no papers"

    def check(ref: str, path: str, line: int, withheld: str = "") -> None:
        if ref.lower() in refs or not whole:
            return
        labelled = _labelled(ref, meeting.papers)
        if labelled is not None:  # "Appendix A", as the pack prints it beside the item
            report.error(path, line_of(ref, line), f"paper '{ref}' is referenced but missing: a paper is named by its "
                         f"ref alone, without its label", f"write {labelled.ref}, the ref of {labelled.name} "
                         f"({PurePosixPath(labelled.source.path).name})")
            return
        label, alone = label_and_ref(ref)
        command = f"--label {label} --ref {alone}" if label else f"--ref {shlex.quote(ref)}"
        # a paper for an item taken in private must say whether it is confidential (_confidential_together): told
        # here, or the paper written as told is refused next, for want of it
        said = f" and write `confidential: yes` in it, as a paper for {withheld}, must say whether it is" \
            if withheld and meeting.session != "private" else ""
        # the command and the folder as the clerk's --content has them: run from elsewhere as told, the command
        # wrote to a content/ beside them, or to none
        option = content_option(report.root) if report.root is not None else ""
        papers = PurePosixPath(meeting.source.path).parent / "papers"
        report.error(path, line_of(ref, line), f"paper '{ref}' is referenced but missing",
                     f"add it with `minutebook new paper --meeting {meeting.key} {command} --title ...{option}` (or "
                     f"{papers}/<name>.md with `ref: {alone}`{f', `label: {label}`' if label else ''}){said}"
                     f"{f', and write {alone} here' if label else ''}, or correct the reference ({hint})")

    private = taken_in_private(meeting.agenda)
    for item in all_agenda_items(meeting.agenda):
        owner = private.get(item.ref.lower(), (None, None))[1]
        for ref in item.papers:
            check(ref, item.source.path, item.source.line, "" if owner is None else
                  f"agenda item {owner.number}, which {_withheld_as(owner)}")
    if meeting.minutes:
        for item in meeting.minutes.items:
            for ref in item.papers:
                check(ref, item.source.path, item.source.line, f"minute {item.number}, which {_withheld_as(item)}"
                      if item.confidential else "")


def _withheld_as(item: AgendaItem | MinuteItem) -> str:
    """How a message says an item or minute is withheld: marked confidential, or withheld, not said, as taken in
    private (after the press and public were excluded, or under a private section)."""
    return "is withheld as taken in private" if item.unsaid else "is confidential"




# The words a pack prints before a paper's ref ("Appendix A (Pages 1 - 24)" beside the item), as references.py reads
# them in the text; a `paper:` names the paper by its ref alone.
_LABELLED = re.compile(r"(Paper|Appendix|Annexe?|Item|Report|Enclosure)\s+(\S+)", re.I)


def label_and_ref(ref: str) -> tuple[str, str]:
    """(label, ref) of a ref written with a label in front, as `new paper` takes them; ("", ref) of any other."""
    found = _LABELLED.fullmatch(ref.strip())
    return (found[1].capitalize(), found[2]) if found else ("", ref)


def _labelled(ref: str, papers) -> Paper | None:
    """The paper of the meeting a ref written with its label names ("Appendix A" for Appendix A, ref A)."""
    label, alone = label_and_ref(ref)
    if not label:
        return None
    return next((p for p in papers if p.ref.lower() == alone.lower() and p.label.lower() == label.lower()), None)


def _progress_unwritten(meeting: Meeting, report: Report) -> None:
    """`new meeting` writes every open action into the log with `progress: ""` for the clerk to fill in; a log
    made final with one left so publishes the action as reported on at the meeting, with nothing said."""
    log = meeting.action_log
    if log is None or log.status != "final":
        return
    for update in log.updates:
        if not update.progress.strip():
            # "says no progress" read as the status no-progress, which the clerk may well have given it
            report.warning(update.source.path, update.source.line, f"the log is final, but its update of "
                           f"{update.action} has nothing written in `progress:`", "write what the meeting heard "
                           "there, or take the update out if the action was not reported on")


def named_item(item: AgendaItem | MinuteItem, titled: bool = True) -> str:
    """An agenda item (or a minute) as a message names it for the reader and the clerk: "agenda item 5, 'Joint
    public health commissioning' (content/meetings/jc/2019-11-05/meeting.md:17)", its number as the body prints
    it, its title and where it is written, where the number alone ("Item 05 is for 5") had them look for which
    item it was, and in which file; `titled=False` where the message quotes the title it publishes already."""
    said = f"{'agenda item' if isinstance(item, AgendaItem) else 'minute'} {item.number}"
    return f"{said}{f', {chr(39)}{shortened(item.title)}{chr(39)}' if titled else ''} " \
        f"({item.source.path}:{item.source.line})"


def _confidential_together(meeting: Meeting, report: Report, items_known: bool = True) -> None:
    """A minute of an item the agenda marks confidential, or a paper for a confidential item, that does not say
    whether it is confidential itself would be published in full: nothing taken in private reaches the site
    unless the clerk says it may (`confidential: no`). Nor does a title the minute withholds (its public_title)
    reach it through the agenda, nor one the agenda withholds through the minute (but while the minutes have
    errors: an item block that could not be read is taken for confidential, its public_title unknown)."""
    private = taken_in_private(meeting.agenda, by_minute=True)
    minutes = meeting.minutes.items if meeting.minutes else ()
    told = _excluded(minutes, meeting.agenda, private, report) if meeting.session != "private" else set()
    for item in minutes:
        if item.confidential is None and item.ref.lower() not in private and meeting.session != "private" \
                and id(item) not in told:
            _said_confidential(f"minute item {item.number}", item.source.line, item.title, item.body, "write "
                               "`confidential: yes` (and a `reason:`) in its ```item block, to publish only its title, "
                               "or `confidential: no` if it may be published as it is", item.source.path, report)
        if (item.confidential is None or item.unsaid) and item.ref.lower() in private:
            part, owner = private[item.ref.lower()]
            ref, minute = part.number if part.minute else item.number, "its minute"  # the agenda's number
            hint = ("write `confidential: yes` in the minute's ```item block, or `confidential: no` if it may be "
                    "published")
            if not part.title_withheld and _same_item(item, [part], alone=False) is None:
                # Most likely the minutes were not renumbered with the agenda: told to mark "Any other business"
                # confidential, the clerk would have withheld the wrong minute.
                ref, minute = f"{item.number} ({shortened(part.title)})", f"its minute, {shortened(item.title)},"
                hint = ("if the agenda was renumbered, renumber the minutes to match; if this minute is that item, "
                        f"{hint}")
            elif _marked(item.title, item.body):
                continue
            # withheld, not said (exclusion.in_private_sections): its `confidential: yes` is not there
            state = "is withheld as taken in private" if owner.unsaid else "is marked confidential"
            what = f"{named_item(owner)} {state}" + ("" if part is owner else f", and {ref} with it")
            said = _unsaid_minute(item, minutes, meeting.agenda)
            report.error(item.source.path, item.source.line, f"{what}, but {minute} does not say whether it is"
                         f"{' confidential' if owner.unsaid else ''}: {said}", hint)
    agenda = {item.minute_ref.lower(): item for item in all_agenda_items(meeting.agenda)}
    withheld_above = _withheld_above(meeting.agenda)
    for item in minutes:
        listed = agenda.get(item.ref.lower())
        above = withheld_above.get(item.ref.lower())
        part, owner = private.get(item.ref.lower(), (None, None))
        # a sub-item of a confidential item is left off the agenda with it (publish.py): its title is not published
        if item.title_withheld and listed is not None and not listed.title_withheld and part is owner \
                and listed.title.casefold().split() != item.title.casefold().split():
            report.error(listed.source.path, line_of(listed.title, listed.source.line), f"the minute of {item.number} "
                         f"publishes '{item.title}' in place of its title, but the agenda publishes the item's own "
                         f"title", f"write `public_title: {item.title}` in the agenda item, with `confidential: yes`, "
                         "or take public_title out of the minute if the title may be published")
        elif items_known and item.confidential and not item.title_withheld and listed is not None \
                and listed.title_withheld and listed.title.casefold().split() != item.title.casefold().split():
            # The agenda's real title is never loaded, so the two cannot be compared: the clerk who withheld it
            # there meant it withheld, and the minute's own title is most likely the same words.
            report.error(item.source.path, item.source.line, f"the agenda publishes '{listed.title}' in place of "
                         f"the title of {named_item(listed, titled=False)}, but minute {item.number} publishes its "
                         "own title",
                         f"write `public_title: {listed.title}` in the minute's ```item block, or take "
                         "public_title out of the agenda item if the title may be published")
        elif item.confidential is False and listed is not None and listed.title_withheld \
                and listed.title.casefold().split() != item.title.casefold().split():
            # `confidential: no` is most often written for the report discussed in private that may be published:
            # the heading, pasted from the pack, is the title the agenda withholds all the same.
            report.error(item.source.path, item.source.line, f"the agenda publishes '{listed.title}' in place of "
                         f"the title of {named_item(listed, titled=False)}, but minute {item.number} says "
                         "`confidential: no`, so it is published in full with its own title",
                         f"head the minute `## {item.number} "
                         f"{listed.title}` if the rest of it may be published, write `confidential: yes` and "
                         f"`public_title: {listed.title}` in its ```item block if it may not, or take public_title "
                         "out of the agenda item if the title may be published")
        elif items_known and item.confidential and not item.title_withheld and above is not None \
                and above.title.casefold().split() != item.title.casefold().split():
            # A sub-item's title most often says what its item's does (the valuation of the land withheld).
            report.error(item.source.path, item.source.line, f"the agenda publishes '{above.title}' in place of "
                         f"the title of {named_item(above, titled=False)}, and minute {item.number} is part of it, "
                         "but publishes its own title",
                         f"write a `public_title:` to publish in its place in the minute's ```item "
                         f"block (`public_title: {above.title}`, say), or `public_title: {item.title}` if its "
                         "title may be published")
    private = taken_in_private(meeting.agenda)  # a paper's `item:` is the agenda's number, or the minute's
    private.update(taken_in_private(meeting.agenda, by_minute=True))
    # while the minutes have errors, an item whose block did not load is taken for confidential (load_minutes):
    # its paper is told once the block is put right, if the item is confidential indeed
    # (the agenda's item where it has one, which the paper's message names as the pack's readers know it)
    for item in minutes if items_known else ():
        if item.confidential:
            private.setdefault(item.ref.lower(), (item, item))
    if meeting.session != "private":
        _excluded_on_agenda(meeting, report)
    for paper in meeting.papers:
        if paper.confidential is not None:
            continue
        item, owner = private.get(paper.item.lower()) or next(
            ((item, owner) for item, owner in private.values()
             if paper.ref.lower() in {ref.lower() for ref in item.papers}), (None, None))
        if owner is None and meeting.session != "private":
            _said_confidential(paper.name, line_of(paper.title, paper.source.line), paper.title, paper.body,
                               "write `confidential: yes` in the paper, or `confidential: no` if it may be published "
                               "as it is", paper.source.path, report, "title")
        if owner is not None and not _marked(paper.title, paper.body, paper.name):
            what = named_item(owner) if item is owner else f"{item.number}, part of {named_item(owner)}"
            said = "is withheld as taken in private, but the paper does not say whether it is confidential" \
                if owner.unsaid else "is confidential, but the paper does not say whether it is"
            report.error(paper.source.path, line_of(paper.item, paper.source.line), f"{paper.name} is for "
                         f"{what}, which {said}: it would be published", "write `confidential: yes` in the paper, or "
                         "`confidential: no` if it may be published")


_WORDS = re.compile(r"\S")


def _unsaid_minute(item: MinuteItem, minutes: tuple, agenda: tuple) -> str:
    """What becomes of a minute the agenda withholds that does not say whether it is confidential, as its error
    says it: published in full; or, where it follows the minutes' own resolution excluding the press and public
    (exclusion.withheld_minutes), withheld already, its title alone published, but only while the words read as that
    resolution stay as they are, which the clerk is told of, lest the error read as if the minute were published."""
    if not item.unsaid:
        return "the minute would be published in full"
    found = next((found for found in exclusions(minutes, agenda) if any(other is item for other in found.unsaid)),
                 None)
    words = "the minutes' words excluding the press and public" if found is None else \
        f"the resolution excluding the press and public (line {found.line})" if found.resolved else \
        f"'{shortened(found.words, 60)}' (line {found.line}), which heads the items taken in private"
    return f"it is withheld for now, its title alone published, as it follows {words}, but only while they say so"


def _excluded(minutes: tuple, agenda: tuple, private: dict, report: Report) -> set[int]:
    """A public minute that excludes the press and public (or heads the part taken in private "PART II"), and the
    items after it, taken in private, that do not say whether they are confidential: they were published in full,
    and are withheld (exclusion.withheld_minutes). A warning, at the first, as a council publishes a summary of an
    exempt item that gives none of its exempt information; the ids of the items told (whose heading
    _said_confidential does not tell again). Not an item the agenda marks confidential, nor one with the mark: each
    is an error of its own."""
    told = set()
    for found in exclusions(minutes, agenda):
        _back_in_public(found, private, report)
        unsaid = [item for item in found.unsaid if item.ref.lower() not in private and not _marked(item.title,
                                                                                                      item.body)]
        if not unsaid:
            continue
        first, *rest = unsaid
        told.add(id(first))
        what = f"follows the resolution excluding the press and public (line {found.line})" if found.resolved \
            else f"follows '{shortened(found.words, 60)}' (line {found.line}), which heads the items taken in private"
        if first is found.item:  # "for this item": the resolution heads the exempt item's own minute
            what = f"resolves to exclude the press and public for itself (line {found.line})"
        also = _nor_after(rest)
        # the same file: the minutes hold the resolution and the items after it
        report.warning(first.source.path, first.source.line, f"minute item {first.number} {what}, so it was "
                       f"taken in private, but does not say whether it is confidential{also}: only its title is "
                       "published", "write `confidential: yes` (and a `reason:`) in its ```item block to say so, or "
                       "`confidential: no` if it may be published as it is (a summary that gives none of the exempt "
                       "information); if the press and public were readmitted before it, say so in the minutes: "
                       "'The press and public were readmitted.'" + _vague(found))
    return told


def _back_in_public(found, private: dict, report: Report) -> None:
    """The minute the press and public are back for, by the words of the minutes ("PART I", "The press and public
    were readmitted."), which is published in full where it does not say whether it is confidential: a warning
    naming the words and their line, as words read wrongly would publish what was taken in private. Not where it
    says, either way (the clerk has said), nor where the agenda withholds it (an error of its own)."""
    back = found.ended
    if back is None or back.first.confidential is not None or back.first.ref.lower() in private:
        return
    _published_in_full(found, report, minutes=True)


def _published_in_full(found, report: Report, minutes: bool) -> None:
    """The warning of the first item published after the minutes' (or the agenda's) words that the press and public
    are back, with the words and their line: the same for both, in the minutes' past tense or the agenda's present."""
    back, item = found.ended, found.ended.first
    were, said, where = ("were", "minutes say", "(and a `reason:`) in its ```item block") if minutes else \
        ("are", "agenda says", "in the agenda item")
    report.warning(item.source.path, item.source.line, f"{'minute' if minutes else 'agenda'} item {item.number} is "
                   f"published in full: the {said} the press and public {were} back for it, at '{back.words}' (line "
                   f"{back.line}), which ends the private part from line {found.line}", f"if they {were} not back "
                   f"for it, write `confidential: yes` {where}; if they {were}, write `confidential: no` there to "
                   "publish it without this warning")


def _vague(found) -> str:
    """What the warning of the items taken in private says of words in them that may say the press and public came
    back, but not clearly ("Part 1" not in capitals, "the public were not readmitted"): they were not read so."""
    if found.vague is None:
        return ""
    line, words = found.vague
    return f"; '{shortened(words, 60)}' (line {line}) is not read as their return, so the items after it stay " \
        "withheld: where they came back, write 'The press and public were readmitted.', or 'PART I' standing alone"


def _nor_after(rest: list) -> str:
    """The items after the first told that do not say either, as each warning of items taken in private names them:
    " (nor does 5, after it)", " (nor do 5 and 7, after it)"; nothing where there are none."""
    if not rest:
        return ""
    return f" (nor {'does' if len(rest) == 1 else 'do'} {listed([item.number for item in rest])}, after it)"


def _excluded_on_agenda(meeting: Meeting, report: Report) -> None:
    """A public meeting's agenda item excluding the press and public ("Exclusion of the press and public"), or its
    "PART II" item, and the items after it, to be taken in private, that do not say whether they are confidential:
    the agenda and its papers are published, most often before the meeting, and so were those items in full. They
    are withheld as confidential ones are (exclusion.in_private_sections): a warning, at the first, as for the
    minutes (_excluded); their minutes and papers must say whether they are, as those of any confidential item must
    (_confidential_together). Not an item told of its private section (_withheld_by_section), nor one told as it was
    loaded (the mark, or the word: told_on_agenda)."""
    by_section = _withheld_by_section(meeting.agenda, report)
    for found in agenda_exclusions(meeting.agenda):
        back = found.ended
        if back is not None and back.first.unsaid and not back.first.confidential and not told_on_agenda(back.first):
            _published_in_full(found, report, minutes=False)
        unsaid = [item for item in found.unsaid if id(item) not in by_section and not told_on_agenda(item)]
        if not unsaid:
            continue
        first, *rest = unsaid
        what = f"says the press and public are excluded for it (line {found.line})" if first is found.item \
            else f"follows the item excluding the press and public (line {found.line})" if found.resolved \
            else f"follows '{shortened(found.words, 60)}' (line {found.line}), which heads the items taken in private"
        also = _nor_after(rest)
        report.warning(first.source.path, first.source.line, f"agenda item {first.number} {what}, so it is taken in "
                       f"private, but does not say whether it is confidential{also}: only its title is published, "
                       "and its minute and papers must say whether they are", "write `confidential: yes` in the "
                       "agenda item to say so (and a `public_title:` to publish in the title's place), or "
                       "`confidential: no` if it may be published as it is (a summary that gives none of the exempt "
                       "information); if the press and public are readmitted before it, say so in its description "
                       "('The press and public are readmitted.'), or give it the section of the public part "
                       "(`section: Part I`)" + _vague(found))


def _withheld_by_section(agenda: tuple, report: Report) -> set[int]:
    """The agenda items under a section heading the part taken in private ("Part II – Exempt") that do not say
    whether they are confidential, withheld as confidential ones are (exclusion.in_private_sections): a warning at
    the first of each part, naming the others, as the clerk may have meant a summary to be published. Their minutes
    and papers are told as those of any confidential item are (_confidential_together). Not an item told as it was
    loaded (the mark, or the word: told_on_agenda). The ids of the items withheld by a section, which are not told
    again of the item excluding the press and public above them."""
    parts: dict[int, tuple] = {}
    heading, private, withheld = None, False, set()
    for item in agenda:
        if item.section and (heading is None or item.section != heading.section):  # each item may repeat it
            heading, private = item, private_section(item.section)
        if private and item.confidential and item.unsaid:
            withheld.add(id(item))
            if not told_on_agenda(item):
                parts.setdefault(id(heading), (heading, []))[1].append(item)
    for heading, (first, *rest) in parts.values():
        section = heading.section
        also = _nor_after(rest)
        report.warning(first.source.path, first.source.line, f"agenda item {first.number} is under the section "
                       f"'{shortened(section, 60)}' (line {line_of(section, heading.source.line)}), which heads the "
                       f"items taken in private, but does not say whether it is confidential{also}: only its title "
                       "is published, and its minute and papers must say whether they are", "write `confidential: "
                       "yes` in the agenda item to say so (and a `public_title:` to publish in the title's place), "
                       "or `confidential: no` if it may be published as it is (a summary that gives none of the "
                       "exempt information)")
    return withheld


def _said_confidential(what: str, line: int, title: str, text: str, hint: str, path: str, report: Report,
                       heading: str = "heading") -> None:
    """A public minute or paper that does not say whether it is confidential, and whose heading (title) or first
    line says it is otherwise than with the mark (load_meeting.confidential_word): "(Confidential)" after the
    heading, "This item is CONFIDENTIAL". A warning, as the word may be the clerk's own ("Land sale: confidential
    terms agreed"), where the mark is an error (the loader's, which is not told again)."""
    said, where = confidential_word([(line, title)]), heading
    # the first line with words on it, found without splitting (or copying) the whole text of every item
    words = _WORDS.search(text) if said is None else None
    if words is not None:
        start = text.rfind("\n", 0, words.start()) + 1
        end = text.find("\n", start)
        first = text[start:] if end < 0 else text[start:end]
        said = confidential_word([(0, first)])
        # "Appendix 2 (Exempt)": the report's appendix is exempt, not the report; unless the paper is that appendix
        # (its title, or its name, "Appendix 2", names one)
        if said is not None and names_an_appendix(first) and not names_an_appendix(title) \
                and not names_an_appendix(what):
            said = None
        if said is not None:
            said, where = (file_line(lines_of(text), text.count("\n", 0, start)), said[1]), "first line"
    if said and not _marked(title, text, what):
        report.warning(path, said[0], f"{what} says '{said[1]}' in its {where}, as a mark of what was taken in "
                       "private would, but does not say whether it is confidential: it would be published in full",
                       f"{hint}; or reword the {where} if it is not")


def _withheld_above(agenda: tuple, above=None) -> dict:
    """minute ref (lower case) -> the nearest agenda item above it whose title the agenda withholds, for each
    sub-item that withholds none of its own: the minutes give a sub-item a title of its own."""
    found = {}
    for item in agenda:
        if above is not None and not item.title_withheld:
            found.setdefault(item.minute_ref.lower(), above)
        found.update(_withheld_above(item.items, item if item.title_withheld else above))
    return found


def _marked(title: str, text: str, name: str = "") -> bool:
    """Whether a minute or paper carries a pack's mark of what was taken in private: the loader said so on the
    mark's line, with the same thing to do, and a second error for the one mistake had the clerk look for two.
    `name`: a paper's ("Appendix 2"), which says, as its title may, that the paper is an appendix."""
    return confidential_mark([(0, title), *enumerate(text.split("\n"))],
                             names_an_appendix(title) or names_an_appendix(name)) is not None


def taken_in_private(agenda: tuple, by_minute: bool = False) -> dict:
    """ref (lower case) -> (agenda item, the confidential item it is or is part of), for every item the agenda marks
    confidential and each of their sub-items, which are taken in private with them: publish.py leaves them off the
    agenda, but their minutes and papers, unsaid, were published in full. `by_minute`: by the ref of the minute
    that records each (its `minute:`), as a council's minute 33 records the pack's item 5."""
    found = {}
    for item in all_agenda_items(agenda):
        if item.confidential:
            for part in all_agenda_items((item,)):
                found.setdefault((part.minute_ref if by_minute else part.ref).lower(), (part, item))
    return found


def _item_refs(meeting: Meeting, report: Report) -> None:
    """A paper's `item:`, an attendee's `for:` and a movement's `item:` naming no item of the meeting. The item
    written so ("05", as the pack's front sheet prints agenda item 5) is named as named_item names it, its title
    and the line it is on, where its bare number had the clerk look for which item it was, and in which file."""
    # matched in any case, listed as written; the agenda's item, where the minutes have one of the number too
    items = {i.ref.lower(): i for i in meeting.minutes.items} if meeting.minutes else {}
    items.update((a.ref.lower(), a) for a in all_agenda_items(meeting.agenda))
    known = {ref: item.ref for ref, item in items.items()}
    if not known:
        return

    def listing(ref: str, field: str = "") -> str:  # only when there is something to say: sorting every
        # meeting's items adds up; `field`: the paper's, whose value the message quotes
        alike = [item for item in items.values() if unpadded(item.ref) == unpadded(ref)]
        if len(alike) == 1:  # "05", as the pack's front sheet prints item 5
            write = f"`{field}: {alike[0].ref}`" if field else f"'{alike[0].ref}'"
            return f"it is {named_item(alike[0])}, as this meeting numbers it: write {write}"
        refs = f"its items are {', '.join(sorted(known.values(), key=sort_key))}"
        return f"{refs}: write the one it is for, or take `{field}:` out" if field else refs

    att = meeting.attendance
    for attendee in att.in_attendance + att.present:
        for ref in attendee.for_items:
            if ref.strip().rstrip(".").lower() not in known:
                report.warning(meeting.source.path, attendee.line,
                               f"{attendee.who.name} attended for item '{ref}', which this meeting does not have",
                               listing(ref.strip().rstrip(".")))
    for move in att.movements:
        if move.item and move.item.strip().rstrip(".").lower() not in known:
            report.warning(meeting.source.path, move.line,
                           f"{move.who.name} {move.event} during item '{move.item}', which this meeting does not have",
                           listing(move.item.strip().rstrip(".")))
    listed_under = None
    for paper in meeting.papers:
        if not paper.item:
            continue
        if paper.item.lower() not in known:
            report.warning(paper.source.path, line_of(paper.item),
                           f"{paper.name} says `item: {paper.item}`, which names no item of this meeting",
                           listing(paper.item, "item"))
            continue
        listed_under = _papers_listed_under(meeting) if listed_under is None else listed_under
        under = listed_under.get(paper.ref.lower(), ())
        if under and not any(paper.item.lower() in family for _, family in under):
            where = under[0][0].source
            refs = list(dict.fromkeys(item.number for item, _ in under))
            report.warning(paper.source.path, line_of(paper.item), f"{paper.name} is for item '{paper.item}', but "
                           f"it is listed under item{'s' * (len(refs) > 1)} {listed(refs)}",
                           f"correct `item:` here, or the item that lists it ({where.path}:{where.line})")


def _agenda_numbered_twice(meeting: Meeting, report: Report, items_known: bool = True) -> None:
    """Two agenda items of one number, as an item added to a scaffolded agenda and the ones below it left
    unrenumbered: the meeting's page gave both rows one anchor, and linked each to the one minute of that number,
    without a word. (Two naming one minute with `minute:` are _minutes_named's to tell.)"""
    agenda = list(all_agenda_items(meeting.agenda))
    first: dict = {}
    for item in agenda:
        one = first.setdefault(item.ref.lower(), item)
        if one is item or (one.minute_ref.lower() == item.minute_ref.lower() and any(a.minute for a in agenda)):
            continue
        named = {a.minute_ref.lower() for a in agenda}  # (only once a number is found twice: every build checks)
        free = [m for m in meeting.minutes.items if m.ref.lower() not in named] \
            if meeting.minutes and items_known else []
        minute = _same_item(item, free, alone=False)
        fix = f"write `ref: {minute.number}`, the number of its minute" if minute is not None and not item.minute \
            else "give it a number of its own"
        report.error(item.source.path, line_of(item.ref, item.source.line), f"agenda item {item.number} "
                     f"({shortened(item.title)}) has the number of agenda item {item.number} ({shortened(one.title)}) "
                     f"above it, line {line_of(one.ref, one.source.line)}: the agenda would link both to one minute",
                     fix)


def _minutes_named(meeting: Meeting, report: Report, later: frozenset = frozenset()) -> None:
    """An agenda item's `minute:` names the minute that records it, where the minutes number it otherwise (a
    council's minute 29 for the pack's item 1): one naming no minute of the meeting would link none, and two items
    naming one minute would give it two agenda items, its page the first only. Drafts too: `new meeting` writes
    every minute the agenda names. `later`: the numbers minuted at the sitting an adjourned meeting reconvened at,
    where the items it did not reach are minuted (_taken_later)."""
    agenda = list(all_agenda_items(meeting.agenda))
    if not any(item.minute for item in agenda):
        return
    minutes = meeting.minutes.items if meeting.minutes else ()
    by_ref = {minute.ref.lower(): minute for minute in minutes}
    named = {item.minute_ref.lower() for item in agenda}
    free = [minute for minute in minutes if minute.ref.lower() not in named]

    def advice(item) -> str:  # the minute the item most likely means: its title's, else the nearest number
        found = _same_item(item, free, alone=False)
        if found is not None:
            return f"write `minute: \"{found.number}\"`, the minute with its title"
        numbered = [m for m in free if item.minute.isdigit() and m.ref.isdigit()]
        if numbered:
            near = min(numbered, key=lambda m: (abs(int(m.ref) - int(item.minute)), sort_key(m.ref)))
            return f"write the number of its minute (`minute: \"{near.number}\"` is the nearest no item names)"
        return "write the number of its minute"

    first: dict = {}
    for item in agenda:
        key = item.minute_ref.lower()
        if key not in first:
            first[key] = item
            continue
        one, other = first[key], item
        told = other if other.minute else one
        number = by_ref[key].number if key in by_ref else told.minute
        own = f" (item {one.number} by its own number)" if not one.minute else \
            f" (item {other.number} by its own number)" if not other.minute else ""
        fix = advice(told) if told.minute and free else "write the number of the minute that records it"
        report.error(told.source.path, line_of(told.minute, told.source.line), f"agenda items {one.number} and "
                     f"{other.number} both name minute {number}{own}, so the minute is linked from two items",
                     f"in item {told.number}, {fix}, or take `minute:` out if it has no minute")
    if not minutes:  # the agenda is published before the minutes are written
        return
    for item in agenda:
        if item.minute and item.minute_ref.lower() not in by_ref and item.minute_ref.lower() not in later:
            report.error(item.source.path, line_of(item.minute, item.source.line), f"agenda item {item.number} "
                         f"({shortened(item.title)}) names minute {item.minute}, which {meeting.minutes.source.path} "
                         "does not have", f"{advice(item)}, or take `minute:` out if the item has no minute")
    for one, other in _swapped(agenda, by_ref):
        mine, theirs = by_ref[one.minute.lower()], by_ref[other.minute.lower()]
        report.warning(one.source.path, line_of(one.minute, one.source.line), f"agenda items {one.number} "
                       f"({shortened(one.title)}) and {other.number} ({shortened(other.title)}) name each other's "
                       f"minutes: minute {mine.number}, which item {one.number} names, has the title of item "
                       f"{other.number}, and minute {theirs.number} that of item {one.number}",
                       f"swap their `minute:`, `minute: \"{theirs.number}\"` for item {one.number} and `minute: "
                       f"\"{mine.number}\"` for item {other.number} (line {line_of(other.minute, other.source.line)})")


def _swapped(agenda: list, by_ref: dict) -> list[tuple]:
    """Pairs of agenda items each naming (`minute:`) the minute with the other's title: minutes 44 and 45 for the
    pack's items 4 and 3. By their titles, not their order: an item taken out of its numbered place is minuted out
    of the agenda's order too, and names its minute rightly."""
    wrong = [item for item in agenda if item.minute and item.minute.lower() in by_ref and not item.title_withheld
             and not by_ref[item.minute.lower()].title_withheld
             and _same_item(by_ref[item.minute.lower()], [item], alone=False) is None]
    return [(one, other) for n, one in enumerate(wrong) for other in wrong[n + 1:]
            if _same_item(by_ref[one.minute.lower()], [other], alone=False) is other
            and _same_item(by_ref[other.minute.lower()], [one], alone=False) is one]


def _continues(meeting: Meeting, reconvened: Meeting) -> bool:
    """Whether `reconvened` can be the sitting at which `meeting` reconvened: what _adjourned does not report."""
    return reconvened.body == meeting.body and reconvened.date > meeting.date and not reconvened.status \
        and not meeting.status


def later_sittings(meetings: dict, meeting: Meeting) -> tuple:
    """The later sittings of an adjourned meeting, in turn (resolve.Index.sittings, over every meeting, private
    ones too): the one it reconvened at, the one that sitting adjourned to, and on, while each can continue the
    one before (_continues). Each later sitting is after the one before, so none comes round again; a chain that
    did would end where it did, not loop."""
    found, seen, at = [], {meeting.key}, meeting
    while at.adjourned_to and (later := meetings.get(at.adjourned_to)) is not None and later.key not in seen \
            and _continues(at, later):
        found.append(later)
        seen.add(later.key)
        at = later
    return tuple(found)


def _taken_later(sittings: tuple) -> frozenset:
    """The numbers (lower case) of the minutes of the later sittings of an adjourned meeting (later_sittings): the
    items of its agenda it did not reach before it adjourned, taken at one of them under the numbers they had."""
    return frozenset(item.ref.lower() for sitting in sittings for item in (sitting.minutes.items if sitting.minutes
                                                                           else ()))


def _agenda_against_minutes(meeting: Meeting, report: Report, later: frozenset = frozenset()) -> None:
    """An agenda item and its minute share a number, and the agenda links the minute by it: a minute numbered
    otherwise than its agenda item leaves the agenda without that link, and approved minutes with an agenda
    item neither minuted nor marked as not taken leave a reader looking for a minute that is not there.

    Only where the agenda and the minutes number items alike (a number in common): many agendas number their
    items 1, 2, 3 for minutes numbered CCBP/18/42 on. Minutes' headings the agenda does not have (any other
    business) are taken as items added at the meeting, unless an agenda item without a minute is the same
    item by its title, or is the only one. Drafts are written item by item: only the numbering is checked.
    `later`: the numbers minuted at the sitting it reconvened at, if it was adjourned (_taken_later)."""
    minutes = meeting.minutes
    if not minutes or not minutes.items or not meeting.agenda:
        return
    on_agenda = {item.minute_ref.lower() for item in all_agenda_items(meeting.agenda)}
    padded = _numbered_with_zeros(meeting)
    for minute in minutes.items:
        own = padded.get(minute.ref.lower())
        if own is not None:
            named = f"minute {own.minute}, which agenda item {own.number} names" if own.minute else \
                f"agenda item {own.number}"
            report.warning(minute.source.path, minute.source.line, f"minute {minute.number} and {named} "
                           f"({shortened(own.title)}) are numbered alike but for zeros in front, so the "
                           "agenda does not link the minute", f"give them one number, here (`## "
                           f"{own.minute or own.number} {shortened(minute.title)}`) or in {own.source.path} (line "
                           f"{line_of(own.minute, own.source.line)})")
    minuted = {padded[item.ref.lower()].minute_ref.lower() if item.ref.lower() in padded else item.ref.lower()
               for item in minutes.items} | later
    if minuted == on_agenda:  # as most meetings are, nothing to say
        return
    if not minuted & on_agenda:
        _numbered_apart(meeting, report)
        return
    unminuted: list = []

    def walk(items, covered: bool) -> None:  # a minute for item 7 covers 7.1; minutes for 7.1 and 7.2 cover 7
        for item in items:
            ref = item.minute_ref.lower()
            if item.status or covered or ref in minuted:
                walk(item.items, True)
            elif any(sub.minute_ref.lower() in minuted for sub in all_agenda_items(item.items)):
                walk(item.items, False)
            else:
                unminuted.append(item)

    walk(meeting.agenda, False)
    paired = set()
    for agenda_item in unminuted:  # "CCBP/18/46<tab>To RECEIVE questions ...": a heading pasted without its `## `
        found = _heading_in_the_text(agenda_item, minutes.items)
        if found is None:
            continue
        minute, line = found
        paired.add(id(agenda_item))
        report.warning(minute.source.path, line, f"this line starts with agenda item {agenda_item.number}'s number "
                       f"and title, but is no heading, so the item is minuted as part of {minute.number}",
                       "if it is the item's heading, put `## ` before it")
    extra = [item for item in minutes.items if item.ref.lower() not in on_agenda and item.ref.lower() not in padded]
    for item in extra:
        agenda_item = _same_item(item, [a for a in unminuted if id(a) not in paired], alone=len(extra) == 1)
        if agenda_item is None:
            continue
        paired.add(id(agenda_item))
        if agenda_item.minute:  # a `minute:` naming no minute: an error of its own (_minutes_named) says which
            continue
        report.warning(item.source.path, item.source.line, f"minute {item.number} is not on the agenda, and agenda "
                       f"item {agenda_item.number} ({shortened(agenda_item.title)}) has no minute",
                       f"if they are the same item, give them one number, here or in {agenda_item.source.path} (line "
                       f"{agenda_item.source.line}): the agenda links an item's minute by its number")
    # Minutes not renumbered with the agenda (items added above any other business): each minute has an agenda
    # item's number, but another's title. Drafts included: this is numbering, and approved, the one left over
    # would be said to have no minute, and its heading would be the second any other business.
    # The title may be that of an item whose number has a minute of another title in turn: with two items after
    # the one added (any other business, the date of the next meeting), only the last minute was warned of.
    agenda = {item.minute_ref.lower(): item for item in all_agenda_items(meeting.agenda)}
    by_ref = {padded[item.ref.lower()].minute_ref.lower() if item.ref.lower() in padded else item.ref.lower(): item
              for item in minutes.items}
    left = {id(a) for a in unminuted}
    mistitled = {id(a) for ref, a in agenda.items() if ref in by_ref and not a.title_withheld
                 and _same_item(by_ref[ref], [a], alone=False) is None}
    # two items naming each other's minutes are one warning of their own (_minutes_named), not one on each minute
    mistitled -= {id(item) for pair in _swapped(list(all_agenda_items(meeting.agenda)), by_ref) for item in pair}
    for item in minutes.items:
        own = agenda.get(item.ref.lower())
        if own is None or own.title_withheld or id(own) not in mistitled:
            continue
        other = _same_item(item, [a for a in all_agenda_items(meeting.agenda) if a is not own and id(a) not in paired
                                  and (id(a) in left or id(a) in mistitled)], alone=False)
        if other is None:
            continue
        paired.add(id(other))
        taken = "which has no minute" if id(other) in left else \
            f"whose number the minutes give to '{shortened(by_ref[other.minute_ref.lower()].title)}'"
        if own.minute or other.minute:  # the agenda names its items' minutes: `minute:` is what to correct
            report.warning(item.source.path, item.source.line, f"minute {item.number} ({shortened(item.title)}) "
                           f"is the minute agenda item {own.number} ({shortened(own.title)}) names, but has the title "
                           f"of agenda item {other.number}",
                           f"write each agenda item's minute in its `minute:`: `minute: \"{item.number}\"` for item "
                           f"{other.number} ({other.source.path}, line {other.source.line})")
            continue
        report.warning(item.source.path, item.source.line, f"minute {item.number} ({shortened(item.title)}) has the "
                       f"number of agenda item {own.number} ({shortened(own.title)}), but the title of agenda item "
                       f"{other.number}, {taken}",
                       f"if the agenda was renumbered, renumber the minutes to match (`## {other.number} "
                       f"{shortened(item.title)}`): the agenda links an item's minute by its number")
    if minutes.status != "approved":
        return
    for agenda_item in unminuted:
        if id(agenda_item) not in paired and not agenda_item.minute:  # else an error (_minutes_named)
            report.warning(agenda_item.source.path, agenda_item.source.line, f"agenda item {agenda_item.number} "
                           f"({shortened(agenda_item.title)}) has no minute in the approved minutes",
                           f"if it was not taken, add `status: deferred` or `status: withdrawn` to it; if it was, "
                           f"add its heading, `## {agenda_item.number} ...`, to {minutes.source.path}")


_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)*[a-z]?", re.I)  # a minute numbered per meeting: 29, 7.1, 3a


def _numbered_apart(meeting: Meeting, report: Report) -> None:
    """Minutes that share no number with the agenda yet record its items, title for title: a council numbers its
    minutes on through the year (29, 30, ...) while each agenda numbers its items from 1, and the agenda, which
    links an item's minute by its number, linked none of them without a word. Minutes numbered by a pattern
    (TB/19/12), which no reader takes for an agenda's 1, 2, 3, and minutes titled otherwise than the agenda are
    left alone, as they were."""
    if not all(_PLAIN_NUMBER.fullmatch(minute.ref) for minute in meeting.minutes.items):
        return
    agenda = [item for item in all_agenda_items(meeting.agenda) if not item.title_withheld]
    pairs = []
    for minute in meeting.minutes.items:
        words = _title_words(minute.title)
        found = next((item for item in agenda if words.strip() and _title_words(item.title).strip()
                      and (words in _title_words(item.title) or _title_words(item.title) in words)), None)
        if found is not None:
            pairs.append((minute, found))
    items = meeting.minutes.items
    if len(pairs) < 2 or len(pairs) * 2 < len(items):
        return
    minute, item = pairs[0]
    numbers = f"minutes {items[0].number} to {items[-1].number}" if len(items) > 1 else f"minute {items[0].number}"
    top = meeting.agenda
    on_agenda = f"items {top[0].number} to {top[-1].number}" if len(top) > 1 else f"item {top[0].number}"
    report.warning(items[0].source.path, items[0].source.line, f"{numbers} share no number with the agenda's "
                   f"{on_agenda}, though they have its items' titles (minute {minute.number} is agenda item "
                   f"{item.number}, {shortened(item.title)}), so the agenda links none of its items to its minute",
                   f"name each agenda item's minute in {item.source.path}, as `minute: \"{minute.number}\"` under "
                   f"`ref: \"{item.number}\"` (line {item.source.line}), keeping the pack's numbers")


_HEADING_MARKS = re.compile(r"^[*_\s]+|[*_\s]+$")


def _heading_in_the_text(agenda_item, minutes: tuple):
    """(the minute, the file's line) of a line of the minutes' text that is the agenda item's
    number and the start of its title, as a heading copied from a PDF without its `## ` is; None if there is none."""
    ref, title = agenda_item.minute_ref.lower(), agenda_item.title.lower().split()
    if not title:
        return None
    for minute in minutes:
        if ref not in minute.body.lower():
            continue
        for at, written in enumerate(minute.body.split("\n")):
            words = _HEADING_MARKS.sub("", written)
            if not words.lower().startswith(ref) or words[len(ref):len(ref) + 1] not in ("\t", " ", ".", ":"):
                continue
            rest = words[len(ref):].lstrip(" \t.:").lower().split()
            if rest and rest[:min(3, len(title))] == title[:min(3, len(title))]:
                return minute, file_line(lines_of(minute.body), at)
    return None


def _numbered_with_zeros(meeting: Meeting) -> dict:
    """minute ref (lower case) -> the agenda item whose number it is but for zeros in front (`## 05` for agenda item
    5, or `## 5` for `05`, as a pack prints them), each warned of: the agenda links a minute by its number, and the
    two differ. A body numbering by pattern writes both canonically (`canonical`): only one numbering per meeting
    has such minutes."""
    agenda = {}
    for item in all_agenda_items(meeting.agenda):
        agenda.setdefault(unpadded(item.minute_ref), []).append(item)
    on_agenda = {item.minute_ref.lower() for item in all_agenda_items(meeting.agenda)}
    found = {}
    for minute in meeting.minutes.items:
        alike = agenda.get(unpadded(minute.ref), ())
        if minute.ref.lower() in on_agenda or len(alike) != 1 or alike[0].minute_ref.lower() in found:
            continue
        found[minute.ref.lower()] = alike[0]
    return found


def _same_item(minute, candidates: list, alone: bool):
    """The agenda item among `candidates` a minute numbered otherwise most likely records: the one whose title
    is the minute's, within a few words ("To APPROVE ... (Paper C)"), or the only one left when the minute is
    the only heading off the agenda."""
    if not candidates:
        return None
    words = _title_words(minute.title)
    for item in candidates:
        title = _title_words(item.title)
        if title.strip() and words.strip() and (title in words or words in title):
            return item
    titles = {_title_words(item.title): item for item in reversed(candidates)}  # the first of a title's items
    for close in difflib.get_close_matches(words, list(titles), n=3, cutoff=0.6):
        if _words_alike(words, close):
            return titles[close]
    return candidates[0] if alone and len(candidates) == 1 else None


_LINKING_WORDS = frozenset(("a", "an", "and", "at", "for", "in", "of", "on", "the", "to"))


def _words_alike(one: str, other: str) -> bool:
    """Whether two titles close letter for letter are one title written two ways (a word misspelt, one left out):
    two thirds of the shorter's words are the other's, or nearly. "Date of next meeting" is as close to "Minutes of
    previous meeting" letter for letter, and was taken for it."""
    first, second = ([w for w in t.split() if w not in _LINKING_WORDS] for t in (one, other))
    shorter, longer = sorted((first, second), key=len)
    found = sum(1 for word in shorter if difflib.get_close_matches(word, longer, n=1, cutoff=0.8))
    return bool(shorter) and found * 3 >= len(shorter) * 2


def _title_words(title: str) -> str:
    """A title as its words between spaces, so that one title is found in another only as whole words."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", title.lower())) + " "


def _papers_listed_under(meeting: Meeting) -> dict:
    """Each paper's ref (lower case) and the agenda and minute items that list it, each with the refs that
    name it or the items around it: a paper listed under 7.1 is for item 7 too, and one under 7 for 7.1."""
    found: dict[str, list] = {}

    def walk(items, above: tuple) -> None:
        for item in items:
            family = {*above, item.ref.lower(), *(i.ref.lower() for i in all_agenda_items(item.items))}
            for ref in item.papers:
                found.setdefault(ref.lower(), []).append((item, family))
            walk(item.items, (*above, item.ref.lower()))

    walk(meeting.agenda, ())
    for item in meeting.minutes.items if meeting.minutes else ():
        for ref in item.papers:
            found.setdefault(ref.lower(), []).append((item, {item.ref.lower()}))
    return found


def _minute_numbers(archive: Archive) -> set[str]:
    """ "body:minute number", as an action id begins, of every minute in the archive, in lower case."""
    return {f"{m.body}:{m.folder + '/' if archive.bodies[m.body].numbering.per_meeting else ''}{i.ref}".lower()
            for m in archive.meetings if m.minutes for i in m.minutes.items}


def _printed_action(written: str, body: str, bodies) -> str:
    """An action's id as an update names it (`TB/19/13#2`, `ccb:CCBP/18/49#1`; numbered_log has taken the zeros
    out of its minute's number) with that number as the body prints it (`TB/19/013#2` for `TB/{yy}/{nnn}`)."""
    slug, colon, rest = written.partition(":") if ":" in written.split("/")[0] else ("", "", written)
    ref, hash_, key = rest.rpartition("#")
    found = bodies.get(slug.strip() or body)
    if not hash_ or found is None:
        return written
    return f"{slug}{colon}{printed(found.numbering, ref)}#{key}"


def _example_ids(archive: Archive) -> dict[str, str]:
    """body -> an action id for a message's example, as the clerk's own minutes number them: its last minute's
    number, #1 (`2019-11-05/5#1` for a body numbering per meeting). An id of another archive's (CCBP/18/49#1)
    looked like a number the clerk should have had."""
    found = {}
    for meeting in archive.meetings:  # in date order: the last meeting's last minute stays
        if meeting.minutes and meeting.minutes.items:
            numbering = archive.bodies[meeting.body].numbering
            ref = meeting.minutes.items[-1].ref
            found[meeting.body] = f"{meeting.folder}/{ref}#1" if numbering.per_meeting else \
                f"{printed(numbering, ref)}#1"
    for slug, body in archive.bodies.items():  # a body with no minutes yet: a number of its scheme
        found.setdefault(slug, "2019-11-05/5#1" if body.numbering.per_meeting else f"{example(body.numbering)}#1")
    return found


def _nearest_action(key: str, known: set[str], bodies, minutes: set[str], examples: dict[str, str],
                    left_out: str = "") -> tuple[str, tuple]:
    """The hint for an update naming no action: the body it names when there is no such body, else the action it
    most likely means (the same id in another case, or a misspelt name after the '#'), or the actions raised under
    its minute number, or that the minute raised none or is not in the archive; then how ids are written. With
    the actions it names ("body:id"). `minutes`: "body:minute number" (as action ids begin) of every minute in the
    archive, in lower case. `left_out`: the open action ("body:id") the log leaves out that the update most likely
    meant, where the hint would name no action (`_meant`). `examples`: _example_ids's, for how ids are written."""
    body, _, wanted = key.partition(":")
    named = next((slug for slug, other in bodies.items() if body.lower() in (slug, other.short_name.lower())), "") \
        if body not in bodies else ""
    if named:  # "CCB:CCBP/19/60#1": the body's short name, as "action CCB-A23" names it in the text
        return (f"there is no body '{body}': it names the body {named}, whose file is {file_of(bodies[named])}: "
                f"write {named}:{wanted}"), ()
    if body not in bodies:
        near = did_you_mean(body, bodies, "bodies", list_known=False)
        other = closest(body, bodies) or sorted(bodies)[0]
        return (f"there is no body '{body}'{' (' + near + ')' if near else ''}: write another body's action as "
                f"body:id, e.g. {other}:{examples[other]}, or the id alone for one of this meeting's body"), ()
    ids = sorted((k.partition(":")[2] for k in known if k.startswith(body + ":")), key=sort_key)
    item = wanted.partition("#")[0].strip().lower()
    under = [i for i in ids if i.partition("#")[0].lower() == item]
    same = [i for i in under if i.lower() == wanted.lower()]
    # named as the body prints them (C/2024/046#1), as the clerk finds them in the minutes
    shown, printed_ids = _printed_action(wanted, body, bodies), {_printed_action(i, body, bodies): i for i in under}
    close = closest(shown, printed_ids) if "#" in wanted and not wanted.rpartition("#")[2].isdigit() else None
    unprefixed = _unprefixed(wanted, ids, bodies[body].numbering) if not (same or close or under) else []
    named = same[:1] or [printed_ids[close]] if same or close else under or unprefixed
    nearest = "did you mean " + " or ".join(f"'{_printed_action(i, body, bodies)}'" for i in named) + "?" \
        if (same or close or unprefixed) else \
        f"the actions raised under {list(printed_ids)[0].partition('#')[0]} are {', '.join(printed_ids)}." \
        if under else ""
    named = tuple(f"{body}:{i}" for i in named)
    number = shown.partition("#")[0].strip()
    elsewhere = _of_other_bodies(wanted, body, known) if not nearest and "#" in wanted else []
    if elsewhere:  # a joint body's log copies the id as the raising body's minutes print it, without the body
        whose = " or ".join(f"{bodies[k.partition(':')[0]].short_name}'s" for k in elsewhere)
        write = " or ".join(f"{k.partition(':')[0]}:{_printed_action(k.partition(':')[2], k.partition(':')[0], bodies)}"
                            for k in elsewhere)
        return (f"it is {whose} action, not {bodies[body].short_name}'s: write it as {write} (another body's "
                "action is written body:id)"), tuple(elsewhere)
    if not nearest and "#" in wanted and number:  # written as an id is: the minute is what is wrong
        numbering = bodies[body].numbering
        meant = f"did you mean '{_printed_action(left_out.partition(':')[2], body, bodies)}', an open action this " \
            "log leaves out? If not, " if left_out else ""
        if not numbering.per_meeting and whole(numbering, number) is None:  # 14#2: no year to be wrong
            return (f"{meant}'{number}' is not a minute number as {bodies[body].short_name} writes them "
                    f"({numbering.written}): write the minute's number whole, as its heading does"), named
        if f"{body}:{wanted.partition('#')[0].strip().lower()}" in minutes:
            return (f"{meant}minute {number} raised no actions: check the minute number, or add the action under "
                    "`actions:` in that minute's ```item block"), named
        return (f"{meant}there is no minute {number} in {body}'s minutes: check the minute number (is the year "
                "right?)"), named
    how = f"the action's id as {'its meeting folder/' if bodies[body].numbering.per_meeting else ''}minute " \
        f"number#position, e.g. {examples[body]} (see docs/content-format.md)"
    if not nearest and left_out:  # 5.4 for 5#4: no minute number to be wrong, but the action it most likely means
        return (f"did you mean '{_printed_action(left_out.partition(':')[2], body, bodies)}', an open action this log "
                f"leaves out? If not, write {how}"), named
    return f"{nearest} Otherwise write {how}" if nearest else f"write {how}", named


def _of_other_bodies(wanted: str, body: str, known: set[str]) -> list[str]:
    """The actions ("body:id") of bodies other than `body` that an update naming no action of `body` names as
    their own id is: told 'is the year right?' of a minute number that is right, only not the log's body's."""
    return sorted(k for k in known if k.partition(":")[0] != body and k.partition(":")[2].lower() == wanted.lower())


def _unprefixed(wanted: str, ids: list[str], numbering) -> list[str]:
    """The actions an update naming its action by the count of its minute's number alone (13#2, as an action
    column copied from a PDF may) most likely means, where the body's actions raised under such a number with that
    position are few: the minute number is written whole (TB/19/13#2), as the minutes write it, not 'is the year
    right?'. For a body numbering per meeting, those of that minute and position at any meeting (2020-03-05/5#3
    for 5#3): the log left out the meeting's folder, and was told there is no minute 5. Named by the id alone that
    the minutes gave it (`A23`, as trusts' logs number their actions): the actions with that id."""
    if "#" not in wanted:
        meant = [i for i in ids if i.rpartition("#")[2].lower() == wanted.strip().lower()]
        return meant if len(meant) <= 3 else []
    bare, _, position = wanted.rpartition("#")
    if numbering.per_meeting:  # 5#3, as the minute's heading and the action's place in it give it: which meeting's?
        meant = [i for i in ids if i.partition("/")[2].lower() == wanted.strip().lower()]
        return meant if len(meant) <= 3 else []
    if not bare.strip().isdigit():
        return []
    meant = [i for i in ids if i.rpartition("#")[2] == position
             and (digits(numbering, i.rpartition("#")[0]) or "").lstrip("0") == bare.strip().lstrip("0")]
    return meant if len(meant) <= 3 else []


def _action_updates(archive: Archive, report: Report, check, memo: Checked | None, stop=never) -> None:
    """Unknown actions, impossible dates, updates after closure, and actions dropped from a log."""
    known = set()
    for meeting in archive.meetings:
        check_stop(stop)
        known.update(f"{meeting.body}:{a.id}" for i in (meeting.minutes.items if meeting.minutes else ())
                     for a in i.actions)
    minutes: set[str] | None = None  # made when an update names no action
    unknown = []  # (meeting, update, key) of each update naming no action
    for meeting in archive.meetings:
        check_stop(stop)
        seen: dict[str, int] = {}
        for update in meeting.action_log.updates if meeting.action_log else ():
            key = action_key(update.action, meeting.body)
            if key not in known and not archive.incomplete & {key.split(":")[0], "*"}:
                unknown.append((meeting, update, key))
            elif key in seen:
                report.error(update.source.path, update.source.line, f"action "
                             f"'{_printed_action(update.action, meeting.body, archive.bodies)}' is updated twice in "
                             f"this log (first on line {seen[key]})", "merge the two updates")
            seen.setdefault(key, update.source.line)
    by_body = meetings_by_body(archive)
    tracks, _ = action_tracks(archive, by_body, memo.tracks if memo is not None else None,
                              memo.per_meeting if memo is not None else None, stop)
    if memo is not None:
        memo.per_meeting.round()
    logs = {slug: tuple(m for m in meetings if m.action_log is not None) for slug, meetings in by_body.items()}
    if memo is not None:  # the very same tuple while made of the same meetings, so `check` knows it
        logs = {slug: _same_as(memo.logs.get(slug), found) for slug, found in logs.items()}
        memo.logs = logs
    excused: dict[str, tuple] = {}  # action -> the meetings whose log's update naming no action meant it
    if unknown:
        minutes, examples = _minute_numbers(archive), _example_ids(archive)
        hints = {id(update): _nearest_action(key, known, archive.bodies, minutes, examples)
                 for _, update, key in unknown}
        for meeting, update, key, meant in _meant(unknown, hints, tracks, logs):
            excused[meant] = excused.get(meant, ()) + (meeting.key,)
            if not hints[id(update)][1]:  # the hint names no action: it names this one
                hints[id(update)] = _nearest_action(key, known, archive.bodies, minutes, examples, meant)
        for meeting, update, key in unknown:
            report.error(update.source.path, update.source.line, f"update for an unknown action "
                         f"'{_printed_action(update.action, meeting.body, archive.bodies)}'", hints[id(update)][0])
    _as_at_before_raised(archive, tracks, report)
    _as_at_out_of_order(logs, report)
    _no_log_kept(archive, by_body, logs, tracks, report)
    for track in tracks.values():
        check_stop(stop)
        body_logs = logs.get(track.raised.body, ())
        # A meeting of the body that failed to load may hold the update that closed the action: every later log
        # would be warned of it, hundreds of warnings that go once its error is fixed.
        complete = not archive.incomplete & {track.raised.body, "*"}
        told = excused.get(track.key, ())
        check("track", (track, body_logs, complete, told), lambda found, track=track, body_logs=body_logs,
              complete=complete, told=told: _track(track, body_logs if complete else (), found, told))


def _no_log_kept(archive: Archive, by_body: dict, logs: dict, tracks: dict, report: Report) -> None:
    """A body that keeps no action log at all is never told of an action left out of one ("held over?" looks only
    at logs), and its actions stay open, and overdue once due, on its tracker for good. Said once per body, on the
    latest minutes approved (a draft's log may come with it), of the actions due by that meeting that no log
    has updated: a joint body's actions may be updated in another body's log. So is a body whose only logs are
    private sessions', which are not asked of its public actions (_track), of those, on its latest public minutes:
    the public log where they are kept is the one it does not keep."""
    latest, private_only = {}, set()
    for slug, meetings in by_body.items():
        kept = logs.get(slug, ())
        if any(m.session != "private" for m in kept) or archive.incomplete & {slug, "*"}:
            continue
        if kept:
            private_only.add(slug)
        approved = [m for m in meetings if m.minutes is not None and m.minutes.status == "approved"
                    and not (kept and m.session == "private")]
        if approved:  # a private session held the same day comes after the public one by its folder's name
            latest[slug] = max(approved, key=lambda m: (m.date, m.session == "public", m.folder))
    due: dict[str, list] = {}
    for track in tracks.values():
        meeting = latest.get(track.raised.body)
        if meeting is None or track.steps or track.raised.date >= meeting.date:
            continue
        if meeting.session != "private" and _withheld(track):  # on no tracker, and not for a public log (_track)
            continue
        if track.due is not None and track.due.date is not None and track.due.date <= meeting.date:
            due.setdefault(track.raised.body, []).append(track)
    for slug, found in sorted(due.items()):
        found.sort(key=lambda t: (t.raised.date, sort_key(t.action.id)))
        ids = [t.action.number for t in found]
        named = listed(ids) if len(ids) <= 3 else f"{', '.join(ids[:3])} and {len(ids) - 3} more"
        minutes = latest[slug].minutes
        many = len(ids) > 1
        keeps = "keeps no public action log (its logs are private sessions', which are not asked of public " \
            "actions)" if slug in private_only else "keeps no action log"
        report.warning(minutes.source.path, 1, f"{archive.bodies[slug].short_name} {keeps}, so "
                       f"{plural(len(ids), 'action')} due by this meeting ({named}) {'were' if many else 'was'} "
                       f"never updated: its action tracker shows {'them' if many else 'it'} as open and overdue "
                       "until a log does", "add actions.md to this meeting with an update for each (status and "
                       "progress, and `closed: yes` for those done), or keep a log from the next meeting on: "
                       "`minutebook new meeting` starts one with every open action")


def _meant(unknown: list, hints: dict, tracks: dict, logs: dict):
    """(meeting, update, key, the action it most likely meant) of each update naming no action (`unknown`) that
    most likely meant an open action its log leaves out, which would be warned of as held over: the one of those
    its hint names (_nearest_action), or, where it names none, the one its log leaves out, where the log has no
    other such update. The clerk made one mistake, and is told it once, by the update's error."""
    by_log: dict[str, list] = {}
    for meeting, update, key in unknown:
        by_log.setdefault(meeting.key, []).append((meeting, update, key))
    for entries in by_log.values():
        meeting = entries[0][0]
        body_logs = logs.get(meeting.body, ())
        left = {t.key for t in tracks.values() if t.raised.body == meeting.body
                and any(m.key == meeting.key for m in _leaving_out(t, body_logs))}
        loose = []
        for meeting, update, key in entries:
            named = [k for k in hints[id(update)][1] if k in left]
            if len(named) == 1:
                left.discard(named[0])
                yield meeting, update, key, named[0]
            elif not hints[id(update)][1] and key.partition(":")[0] == meeting.body:
                loose.append((meeting, update, key))
        if len(loose) == 1 and len(left) == 1:
            yield *loose[0], left.pop()


def _as_at_to_blame(step, track) -> bool:
    """Whether an update dated before its action was raised is so by the log's `as_at:` alone (the meeting is
    after the raising): one error on that line, for all such updates of the log (`_as_at_before_raised`)."""
    return bool(step.meeting.action_log.as_at_line) and step.meeting.date >= track.raised.date


def _as_at_before_raised(archive: Archive, tracks: dict, report: Report) -> None:
    for meeting in archive.meetings:
        log = meeting.action_log
        if log is None or not log.as_at_line:
            continue
        late = [t for t in (tracks.get(action_key(u.action, meeting.body)) for u in log.updates)
                if t is not None and log.as_at < t.raised.date <= meeting.date]
        if not late:
            continue
        ids = list(dict.fromkeys(t.action.number for t in late))
        days = listed([spoken_date(day) for day in sorted({t.raised.date for t in late})])
        said = f"action {ids[0]} was" if len(ids) == 1 else f"actions {listed(ids)} were"
        report.error(log.source.path, log.as_at_line, f"the log is dated as_at {spoken_date(log.as_at)}, before "
                     f"{said} raised on {days}", "correct the date (is the year right?), or remove as_at to date "
                     f"the log by its meeting, {spoken_date(meeting.date)}")


def _as_at_out_of_order(logs: dict, report: Report) -> None:
    """A log whose `as_at:` dates it on or before the log of an earlier meeting of its body: the action histories
    order updates by that date, so its updates would come before that log's, and an action's page and tracker
    would give the earlier log's status as the latest. Said of the later log's `as_at:`, the date written by hand
    (the earlier log's cannot be after its own meeting without a warning of its own); meetings held the same day
    are in no order to keep."""
    for meetings in logs.values():
        latest = None  # the earlier meeting whose log is dated latest
        for meeting in meetings:
            log = meeting.action_log
            if latest is not None and log.as_at_line and log.as_at <= latest.action_log.as_at \
                    and latest.date < meeting.date:
                earlier = latest.action_log
                report.warning(log.source.path, log.as_at_line, f"the log is dated as_at {spoken_date(log.as_at)}, "
                               f"on or before the log of the earlier meeting of {spoken_date(latest.date)} "
                               f"({earlier.source.path}, dated {spoken_date(earlier.as_at)}), so the actions' "
                               "pages and trackers would put this log's updates before that log's", "correct the date "
                               "(is the year right?), or remove as_at to date the log by its meeting, "
                               f"{spoken_date(meeting.date)}")
            if latest is None or log.as_at >= latest.action_log.as_at:
                latest = meeting


def _same_as(old: tuple | None, new: tuple) -> tuple:
    return old if old is not None and len(old) == len(new) and all(a is b for a, b in zip(old, new)) else new


def _track(track, logged_meetings: tuple, report: Report, told: tuple = ()) -> None:
    """`told`: the meetings whose log names the action wrongly (`_meant`): not warned of as held over there."""
    action = track.action
    if not action.owners:
        report.warning(action.source.path, action.source.line, f"action {action.number} has no owner",
                       "add `owner:` (a person, {body: slug} or {name: ...})")
    if action.due is None:
        report.warning(action.source.path, action.source.line, f"action {action.number} has no due date",
                       "add `due:` (a date, a month such as 2019-10, or text such as 'next meeting')")
    elif action.due.date is not None and action.due.date < track.raised.date:  # overdue from the day it was raised
        report.warning(action.source.path, line_of(action.due.text, action.source.line), f"action {action.number} is "
                       f"due {_said(action.due)}, before it was raised on {spoken_date(track.raised.date)}",
                       "check the year in `due:`")
    for step in track.steps:
        due = step.update.due
        if due is not None and due.date is not None and due.date < track.raised.date:  # overdue as soon as revised
            report.warning(step.update.source.path, line_of(due.text, step.update.source.line), f"the update of "
                           f"action {action.number} revises its due date to {_said(due)}, before it was raised on "
                           f"{spoken_date(track.raised.date)}", "check the year in `due:`")
        elif due is not None and due.date is not None and due.date < step.as_at and not step.update.closed:
            # overdue on the tracker from the log's own date: a year typed as last year's, in a January log. One
            # brought forward to a date still to come is not warned of: revising a date sooner is a decision.
            report.warning(step.update.source.path, line_of(due.text, step.update.source.line), f"the update of "
                           f"action {action.number} revises its due date to {_said(due)}, already past at the date "
                           f"of this log, {spoken_date(step.as_at)}, so the action is overdue as soon as revised",
                           "check the year in `due:`")
        if step.as_at < track.raised.date and not _as_at_to_blame(step, track):
            report.error(step.update.source.path, step.update.source.line, f"the update of action {action.number} "
                         f"is dated {spoken_date(step.as_at)}, before the action was raised on "
                         f"{spoken_date(track.raised.date)}", "check the action id, or the log's as_at date")
    if _withheld(track):
        # A public log may name it (publish.public_view leaves the update out of its page, progress and all), but
        # need not: "held over?" asked for an update there that no reader would see. A private meeting's log is
        # where its progress is kept, and is asked.
        logged_meetings = tuple(m for m in logged_meetings if m.session == "private")
    else:
        # A private meeting's log may keep the private business alone, the public actions being the public log's:
        # asked of every public action, it warned a log that was right to leave them out.
        logged_meetings = tuple(m for m in logged_meetings if m.session != "private")
    closed = track.closed_step
    if closed is not None and closed.meeting.session == "private" and not _withheld(track) and not any(
            step.update.closed and step.meeting.session != "private" for step in track.steps):
        _closed_in_private(track, closed, report)
    for step in track.steps:
        if closed is not None and step.as_at > closed.as_at:  # its page would say closed, with a later status
            where = closed.update.source
            report.error(step.update.source.path, step.update.source.line, f"action {action.number} was closed "
                         f"at the meeting of {spoken_date(closed.meeting.date)} but is updated again",
                         "remove this update, or reopen the action by removing `closed: yes` from the update that "
                         f"closed it ({where.path}:{where.line})")
    for meeting in _leaving_out(track, logged_meetings):
        if meeting.key not in told:
            _held_over(track, meeting, report)


def _closed_in_private(track, closed, report: Report) -> None:
    """A public action closed in a private session's log alone: that log is not published, so the action's page and
    the trackers show it open as the public logs last had it (and overdue once due), for good, and no public log is
    asked "held over?" of it, as it is closed. The public log is where a public action is closed (_track)."""
    update = closed.update
    public = [step for step in track.steps if step.meeting.session != "private"]
    stands = f"as the log of {spoken_date(public[-1].as_at)} last had it" if public else "as raised"
    report.warning(update.source.path, update.source.line, f"action {track.action.number}, raised at the public "
                   f"meeting of {spoken_date(track.raised.date)}, is closed in this private session's log alone, "
                   f"which is not published: its page and tracker show it open, {stands}, and no public log is asked "
                   "of it again", "close it in a public action log (`closed: yes`, with what may be published of its "
                   "progress), dated as this one or after it, taking `closed: yes` out here if after")


def _withheld(track) -> bool:
    """Whether the public view (publish.py) leaves the action out for good: raised at a private meeting or in a
    confidential item; not in draft minutes, which are published once approved."""
    return track.raised.session == "private" or bool(track.item.confidential)


def _said(due) -> str:
    """A due date as a message states it: in the words pages give it (values.spoken_due), '2018-07' as 'July 2018',
    so that the clerk reads the date the site took it for, where its digits hide a wrong year or month."""
    return spoken_due(due.text, due.date)[0]


def _leaving_out(track, logged_meetings: tuple):
    """The meetings whose action log leaves out the action while it is open. Not a meeting called for a purpose
    (`kind: Special`, meeting_kinds.called), which takes only the business it was called for: its log updating the
    one action of that business was asked "held over?" of every other action open, eight for one special meeting
    of a joint committee; the next ordinary meeting's log is asked of them."""
    logged = {step.meeting.key for step in track.steps}
    for meeting in logged_meetings:
        log = meeting.action_log
        if log.as_at <= track.raised.date or meeting.key in logged or called(meeting.kind):
            continue
        if track.as_at(log.as_at).closed:
            return
        yield meeting


def _held_over(track, meeting, report: Report) -> None:
    """An open action that a later action log leaves out has usually been forgotten: said on the `updates:` line."""
    log = meeting.action_log
    report.warning(log.source.path, log.source.line, f"action {track.action.number} is open but missing from this "
                   "action log", "held over? add an update for it (status and progress), or close it")
