"""`minutebook new meeting` and `minutebook new paper`: start the files a clerk fills in (`new body`, a new
body's file, is scaffold_body.py's).

Every meeting begins with the same typing: the venue, the members, the standing
items under the next minute numbers, and a line for every action still open.
The archive already knows all of it, so it is read with the real loader (what
the scaffold is built from is exactly what `minutebook check` sees) and the
functions below return the text of each file. Only `write_all` touches the
disk, and it writes every file or none: a clerk must never find half a meeting,
nor lose a file to an overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator import attachments
from generator.actions import NEXT_MEETING, Track
from generator.diagnostics import Diagnostic, Report, closest, content_option, did_you_mean, listed
from generator.load_meeting import STATUSES
from generator.load_minutes import PLACEHOLDER
from generator.load_registers import ID_RE
from generator.loader import load_archive
from generator.meeting_kinds import called, no_kind
from generator.model import AgendaItem, Archive, Body, Meeting, PersonRef, all_agenda_items, substitute_role
from generator.numbering import (ANNUAL, annual_meetings, canonical, compose, example, file_of, following, minutes_of,
                                 parts, runs, sort_key, unpadded, year_said)
from generator.publish import unreached as not_reached
from generator.resolve import Index, resolve
from generator.schema import chair_line, is_chairs_role
from generator.validate import aside, label_and_ref, nearest_folders, taken_in_private, validate
from generator.values import Invalid, parse_date, slugify, spoken_due
from generator.yamltext import line_of, scalar

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
UNREPORTED_STATUS = "not-started"  # what an action no log has reported on yet is pre-filled with
FOLDER_RE = ID_RE  # like a body slug: it becomes part of URLs


class Refused(Exception):
    """Why nothing was written, as clerk-facing problems (file, what is wrong, what to do)."""

    def __init__(self, problems: list[Diagnostic], summary: str = ""):
        super().__init__(summary or (problems[0].message if problems else "refused"))
        self.problems = problems
        self.summary = summary


def refuse(report: Report, path, message: str, hint: str) -> Refused:
    report.error(path, 1, message, hint)
    return Refused(report.errors)


def refuse_option(option: str, value, message: str, hint: str) -> Refused:
    """A refusal of what the command was given, not of a file: naming `bodies/cbb.md:1` for
    `--body cbb` would send the clerk to open a file that does not exist."""
    return Refused([], f"{option} {value}: {message}; {hint}")


def _located(content: Path, source_path: str) -> Path:
    """A loaded record's file (kept relative to the content folder's parent) as a real path."""
    return Path(content).resolve().parent / source_path


# ---- reading the archive ------------------------------------------------------------

def load(content: Path, waived=None) -> Index:
    """The archive as `minutebook check` sees it; refused when check would fail.

    A scaffold built on an archive with errors would inherit them (a body that
    did not load has no numbering to continue), so errors are shown first; all
    but those `waived` (a list) takes, the ones the new file is to put right.
    """
    report = Report(root=Path(content))
    archive = load_archive(Path(content), report)
    if archive is not None:
        validate(archive, report)
    errors = [d for d in report.errors if waived is None or not _waive(waived, d)]
    if archive is None or errors:
        # only what the clerk is to fix first: a new archive, with neither site.yaml nor bodies/, was told of both
        # by `new body`, which writes bodies/ itself, and told to fix that first
        shown = errors or report.errors
        raise Refused(shown, fix_first(len(shown), content))
    return resolve(archive)


def fix_first(count: int, content: Path) -> str:
    """Why a `new` command wrote nothing while the archive has errors, naming the check that lists them as the
    clerk is to run it, with their `--content`: `minutebook check` alone looked in another folder."""
    return f"the archive has {_count(count, 'error')} (listed above), which `minutebook check" \
        f"{content_option(content)}` also reports; fix them first, then run this again"


def in_archive(content: Path, *parts: str) -> str:
    """A file of the archive as messages name it, from the content folder's parent (`content/bodies/hwb.md`,
    `x/bodies/hwb.md` for `--content /tmp/x`), which the command shows from the current folder (named_here): a
    message saying `bodies/hwb.md` sent the clerk to a folder of that name beside them."""
    return Report(root=Path(content)).in_archive(*parts)


class Waived(list):
    """The errors a new file puts right, by message (lower case) or by a `pattern` the whole message matches, and
    those load() waived: a paper's agenda or minutes name it before `new paper` writes it, a postponed meeting's
    `rearranged_to` (or an adjourned one's `adjourned_to`) the meeting `new meeting` starts, and "fix them first"
    left no way to put that right."""

    def __init__(self, *messages: str, pattern: str = ""):
        super().__init__()
        self.messages = {m.lower() for m in messages}
        self.pattern = re.compile(pattern, re.IGNORECASE) if pattern else None


def _waive(waived: Waived, d: Diagnostic) -> bool:
    if d.message.lower() not in waived.messages and not (waived.pattern and waived.pattern.fullmatch(d.message)):
        return False
    waived.append(d)
    return True


def find_body(index: Index, slug: str, content: Path) -> Body:
    bodies = index.archive.bodies
    if slug in bodies:
        return bodies[slug]
    if slug.lower() in bodies:  # a slug is its file's name, which is in lower case
        raise refuse_option("--body", slug, f"there is no body '{slug}'", f"did you mean '{slug.lower()}'?")
    hint = did_you_mean(slug, bodies, "bodies")
    # the clerk's first meeting of a body the archive does not have yet, whose slug may well be like another's
    # (`pcc` beside `ccb`): told only "did you mean 'ccb'?", nothing said the new body needs its file first, which
    # `new body` writes (scaffold_body.py)
    new = f"start its file, {in_archive(content, 'bodies', slug.lower() + '.md')}, with `minutebook new body --slug " \
        f'{slug.lower()} --name "..."{content_option(content)}`'
    hint = f"{hint} If it is a new body, {new}" if hint.startswith("did you mean") else \
        "; ".join(filter(None, [hint, f"for a new body, {new}"]))
    raise refuse_option("--body", slug, f"there is no body '{slug}'", hint)


def previous_meeting(index: Index, slug: str, day: dt.date) -> Meeting | None:
    """The body's last meeting held before `day`: the one whose minutes and actions come up next. One called
    off since (`status: cancelled` or `postponed`) has no minutes to approve: the clerk was told to approve them,
    in a `minutes.md` that such a meeting may not have."""
    earlier = [m for m in index.by_body.get(slug, []) if m.date < day and not m.status]
    return earlier[-1] if earlier else None




def last_ordinary(index: Index, slug: str, previous: Meeting | None) -> Meeting | None:
    """The body's last meeting held up to `previous` that was not called for a purpose (meeting_kinds.called): an
    extraordinary meeting takes no matters arising and defers nothing, so the next meeting takes those of the
    meeting before it, where it was given matters arising from the extraordinary meeting and lost the items the
    ordinary one deferred. `previous` itself where none is ordinary."""
    if previous is None or not called(previous.kind):
        return previous
    earlier = [m for m in index.by_body.get(slug, []) if m.date <= previous.date and not m.status
               and not called(m.kind)]
    return earlier[-1] if earlier else previous


def unapproved_before(index: Index, slug: str, previous: Meeting | None) -> list[Meeting]:
    """The body's meetings before `previous` whose minutes are still draft, back to the last whose minutes are
    approved: those of an ordinary meeting followed by an extraordinary one, which its next meeting approves with
    the extraordinary meeting's. Told only of the previous meeting's, the clerk left them draft, and so unpublished."""
    if previous is None:
        return []
    found = []
    for meeting in reversed([m for m in index.by_body.get(slug, []) if m.date < previous.date and not m.status]):
        minutes = meeting.minutes
        if minutes is None or minutes.status != "draft" or minutes.approved_at:
            break
        found.append(meeting)
    return found[::-1]


def used_numbers(index: Index, slug: str) -> set[str]:
    """Every number the body has used, in minutes or agendas, at any meeting (private ones too).

    Agendas count because a meeting scaffolded earlier has numbers before it
    has minutes; private meetings count because numbers are unique in the body
    whether or not the meeting is published.
    """
    body = index.body(slug)
    return set().union(*(_numbers_of(body, meeting) for meeting in index.by_body.get(slug, [])))


def _numbers_of(body: Body, meeting: Meeting) -> set[str]:
    """The numbers one meeting's minutes and agenda use, written canonically."""
    written = {item.ref for item in meeting.minutes.items} if meeting.minutes else set()
    written |= {item.ref for item in all_agenda_items(meeting.agenda)}
    return {ref for ref in (canonical(body.numbering, r) for r in written) if ref}


def _in_year(values: dict[str, int], year: int) -> bool:
    """Whether a number counts towards `year`: its written year is that year (always so without one)."""
    return values.get("yyyy", year) == year and values.get("yy", year % 100) == year % 100


def next_numbers(body: Body, used: set[str], year: int, count: int) -> list[str]:
    """The next `count` minute numbers of a meeting held in `year`.

    Per-meeting bodies start at 1. A pattern carries on from the highest `{n}`
    the body has used with the same year written in the number: numbering runs
    on across meetings and starts again at 1 in a year with no numbers yet
    (`CCBP/19/1` after `CCBP/18/98`). A pattern without a year never restarts.
    """
    if body.numbering.per_meeting:
        return [str(n) for n in range(1, count + 1)]
    values = (parts(body.numbering, ref) for ref in used)
    highest = max((v["n"] for v in values if v is not None and _in_year(v, year)), default=0)
    return [compose(body.numbering, highest + n, year) for n in range(1, count + 1)]


def minutes_run_on(body: Body, previous: Meeting | None, count: int, day: dt.date, annual: dict | None = None
                   ) -> list[str]:
    """The `count` minute numbers after the previous meeting's, for a body numbering per meeting whose minutes run
    on through the municipal year while each agenda numbers its items from 1 (minutes 29 to 38 for the pack's
    items 1 to 10): its file says when its year begins (`year_starts:`), or its agenda's items name their minutes
    (`minute:`), or its minutes are numbered above its agenda. Empty for any other body: its minutes number the
    agenda's items. The year's first meeting starts again at 1, where the body's file says when that is; else the
    clerk renumbers it. `annual`: the days the body's annual meetings begin its years (annual_meetings)."""
    numbering = body.numbering
    if not numbering.per_meeting:
        return []
    if numbering.restarts and (previous is None or numbering.municipal_year(previous.date, annual)
                               != numbering.municipal_year(day, annual)):
        return [str(n) for n in range(1, count + 1)]
    if previous is None:
        return []
    agenda = list(all_agenda_items(previous.agenda))
    named = [item.minute for item in agenda if item.minute]
    minuted = [item.ref for item in previous.minutes.items] if previous.minutes else []
    if not named and not numbering.restarts:
        on_agenda = [int(item.ref) for item in previous.agenda if item.ref.isdigit()]
        numbered = [int(ref) for ref in minuted if ref.isdigit()]
        if not on_agenda or not numbered or min(numbered) <= max(on_agenda):
            return []
    highest = max((int(ref) for ref in named + minuted if ref.isdigit()), default=0 if numbering.restarts else None)
    return [] if highest is None else [str(highest + n) for n in range(1, count + 1)]


def run_from(index: Index, body: Body, first: str, day: dt.date, count: int, annual: dict) -> list[str]:
    """The `count` minute numbers from `first` on (`--first-number`) of a body numbering per meeting: its minutes
    run on from there, as a council's do through the municipal year, while the agenda numbers its items from 1 and
    names each one's minute (`minute:`), which the meetings after it carry on from. Refused unless it is a whole
    number, and while a meeting of the same run of minutes (_run_of) has any of the numbers already: the build
    cannot tell two meetings' minute 29 apart from the council's numbering twice."""
    written = first.strip().rstrip(".")
    if not written.isdigit() or int(written) < 1:
        raise refuse_option("--first-number", first, f"{body.short_name} numbers its minutes 1, 2, 3, ... "
                            f"(numbering: per-meeting in {body.source.path}), and '{first}' is not such a number",
                            "give the number of the meeting's first minute, e.g. 29 where the minutes of the "
                            "municipal year have got to 28")
    numbers = [int(written) + n for n in range(count)]
    run = _run_of(index, body, day, annual)
    used = {n: meeting for meeting in run for n in minutes_of(meeting)}
    taken = next((n for n in numbers if n in used), None)
    if taken is not None:
        free = next(n for n in range(numbers[0], numbers[0] + max(used) + 2)
                    if not used.keys() & set(range(n, n + count)))
        year = f" of {year_said(body, body.numbering.municipal_year(day, annual), annual)}" \
            if body.numbering.restarts else ""
        raise refuse_option("--first-number", first, f"the meeting's {_count(count, 'minute')} would be numbered "
                            f"{numbers[0]} to {numbers[-1]}, and {used[taken].key} already has minute {taken}{year}",
                            f"each number is one minute's in the year's run of minutes: give --first-number {free}, "
                            f"the next from which {count} numbers are unused")
    return [str(n) for n in numbers]


def _run_of(index: Index, body: Body, day: dt.date, annual: dict) -> list[Meeting]:
    """The body's meetings whose minutes are of the same run (numbering.runs) as a meeting on `day`: of its
    municipal year, where its file says when that begins (`year_starts:`); else the run of the last meeting before
    `day` that is no reconvened sitting."""
    numbering, meetings = body.numbering, [m for m in index.by_body.get(body.slug, []) if not m.status]
    found = runs(numbering, meetings, annual)
    if numbering.restarts:
        run = numbering.municipal_year(day, annual)
    else:
        sittings = {m.adjourned_to for m in meetings if m.adjourned_to}
        run = next((found[m.key] for m in reversed(meetings) if m.date < day and m.key not in sittings), "")
    return [m for m in meetings if found[m.key] == run]


def numbers_from(index: Index, body: Body, first: str, day: dt.date, count: int) -> list[str]:
    """The `count` numbers from `first` on (`--first-number`): where the body's numbering does not carry on from
    what the archive holds, as at its first meeting in an archive begun mid-year, the clerk renumbered every item
    by hand. Refused unless it is one of the body's numbers, of the meeting's year (or one either side: a body
    numbering by financial year), and it and the rest are numbers the body has not used."""
    numbering, option = body.numbering, "--first-number"
    ref = canonical(numbering, first)
    values = parts(numbering, ref) if ref else None
    if values is None:
        raise refuse_option(option, first, f"'{first}' is not one of {body.short_name}'s minute numbers, which "
                            f"{body.source.path} gives as {numbering.pattern}", "give the number the meeting's "
                            f"first item is to have, e.g. {example(numbering, day.year)}")
    year = _written_year(values, day.year)
    if year is not None and abs(year - day.year) > 1:
        raise refuse_option(option, first, f"{ref} is a number of {year}, and the meeting is on {long_date(day)}",
                            f"give a number of {day.year} (or of the year before or after, for a body numbering by "
                            f"financial year), e.g. {compose(numbering, values['n'], day.year)}")
    numbers = [compose(numbering, values["n"] + k, values.get("yyyy", values.get("yy", 0))) for k in range(count)]
    used = used_numbers(index, body.slug)
    taken = next((n for n in numbers if canonical(numbering, n) in used), None)
    if taken is not None:
        meeting = next(m for m in index.by_body[body.slug] if canonical(numbering, taken) in _numbers_of(body, m))
        raise refuse_option(option, first, f"the meeting's {_count(count, 'item')} would be numbered {numbers[0]} to "
                            f"{numbers[-1]}, and {meeting.key} already uses {taken}", "a body uses each number "
                            f"once: give a first number followed by {count - 1} it has not used, or leave out "
                            f"--first-number to carry on from {next_numbers(body, used, day.year, 1)[0]}, after the "
                            "highest it has used")
    return numbers


def _written_year(values: dict[str, int], near: int) -> int | None:
    """The year a number is written with, in full; a two-digit year taken in the century that puts it nearest
    `near`. None for a pattern without a year."""
    if "yyyy" in values:
        return values["yyyy"]
    if "yy" not in values:
        return None
    return min((near // 100 * 100 + century + values["yy"] for century in (-100, 0, 100)),
               key=lambda year: abs(year - near))


def _later(index: Index, body: Body, day: dt.date) -> tuple[str, ...]:
    """The keys of the body's meetings after `day` that use numbers of its year. A meeting added after them (the
    back catalogue entered by hand) gets numbers after theirs, though its minutes were numbered before: the
    command's summary says so."""
    if body.numbering.per_meeting:
        return ()
    found = []
    for meeting in index.by_body.get(body.slug, []):
        values = (parts(body.numbering, ref) for ref in _numbers_of(body, meeting))
        if meeting.date > day and any(v is not None and _in_year(v, day.year) for v in values):
            found.append(meeting.key)
    return tuple(found)


@dataclass(frozen=True)
class Member:
    """One line of the expected attendance: from the body's membership or the last meeting's."""

    who: PersonRef
    role: str = ""
    organisation: str = ""


def _covers(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def members_on(body: Body, previous: Meeting | None, day: dt.date) -> tuple[list[Member], str]:
    """Who is expected, and where that came from (for the comment above the list).

    The body's membership on the day is the authority; a body that keeps no
    membership (or none covering the day) is best guessed from who was present
    last time.
    """
    current = [Member(m.who, m.role, m.organisation) for m in body.members if _covers(m.start, m.end, day)]
    if current:
        return current, f"the members of {body.short_name} on {long_date(day)} ({file_of(body)})"
    if previous is not None and previous.attendance.present:
        return ([Member(a.who, a.role, a.organisation) for a in previous.attendance.present],
                f"those present at the meeting on {long_date(previous.date)}")
    return [], ""


def open_actions(index: Index, slug: str, day: dt.date) -> list[Track]:
    """The body's actions raised before `day` and not closed by then, each as it stood on `day`."""
    tracks = (t.as_at(day) for t in index.tracks.values() if t.raised.body == slug and t.raised.date < day)
    return sorted((t for t in tracks if not t.closed), key=lambda t: (t.raised.date, sort_key(t.action.id)))


# ---- the standing items -------------------------------------------------------------

def long_date(day: dt.date) -> str:
    """`21 June 2018`: the form the cross-reference linker recognises, whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Standing:
    """An item every meeting has, with what the draft minutes ask the clerk to write."""

    title: str
    instruction: str  # an italic line in the draft minutes, to be replaced
    fields: str = ""  # YAML for the item's ```item block, where such items usually record fields
    description: str = ""  # on the agenda (markdown)
    presenter: tuple[PersonRef, ...] = ()  # on the agenda
    confidential: bool = False  # on the agenda and in the minutes: an item deferred in private stays private


def _todo(text: str) -> str:
    return f"*{PLACEHOLDER} {text}*"


def standing_items(body: Body, previous: Meeting | None, folder: str, open_count: int,
                   kind: str = "", unapproved: list[Meeting] = (), arising: Meeting | None = None) -> list[Standing]:
    """Apologies, declarations, the previous minutes and matters arising (when there was a previous
    meeting), any other business and the date of the next meeting, in the usual order; an annual meeting
    (`kind`) elects its chair and appoints its vice-chair for the year first (_annual_items). A meeting called for
    a purpose (an extraordinary or special meeting, meeting_kinds.called) takes the apologies and declarations
    only, before the business it was called for: it was given the previous minutes, matters arising and any other
    business, which its standing orders do not let it take. `arising`: the meeting whose matters arising and
    deferred items come up (last_ordinary), where not the previous meeting."""
    items = _annual_items() if kind.strip().lower() == ANNUAL else []
    items += [
        Standing("Apologies for absence", _todo("summarise the apologies, which are listed under `apologies` in "
                                                "`meeting.md`, or write \"None were received.\"")),
        Standing("Declarations of interest", _todo("note each declaration in the block above, or write \"No "
                                                   "interests were declared.\""), _declarations(body)),
    ]
    if called(kind):
        return items
    if previous is not None:
        items += _previous_items(body, previous, folder, open_count, list(unapproved), arising or previous)
    items += [
        Standing("Any other business", _todo("record any other business, or write \"There was no other "
                                             "business.\"")),
        Standing("Date of next meeting", _todo("give the date, time and venue of the next meeting.")),
    ]
    return items


def _annual_items() -> list[Standing]:
    """A council's annual meeting, and many a committee's, opens with the election of its chair for the year (the
    Mayor, in a council that has one) and the appointment of its vice-chair, under the outgoing chair: the
    business of every annual meeting, which the clerk wrote in by hand and renumbered the rest for."""
    return [
        Standing("Election of Chair",
                 _todo("record who was elected Chair for the year, and who moved and seconded it; in a council with a "
                       "Mayor, retitle this item \"Election of Mayor\" here and in `meeting.md`."),
                 'resolutions: []  # e.g. "**ELECT** Councillor Jane Smith as Chair for the year"\n'
                 "# chair: person-id  # the outgoing Chair, where they presided over the election and the meeting's "
                 "`chair:` is the new one"),
        Standing("Appointment of Vice-Chair",
                 _todo("record who was appointed Vice-Chair for the year (Deputy Mayor, in a council with a Mayor)."),
                 'resolutions: []  # e.g. "**APPOINT** Councillor John Brown as Vice-Chair for the year"'),
    ]


def _declarations(body: Body) -> str:
    """The declarations block, with the types of interest the body declares by (a declaration's `type` must be
    one of them) and what `action` records, as minutes of declarations must give both."""
    lines = ["declarations: []  # one {person: id, type: ..., interest: ..., action: ...} per declaration"]
    names = body.interest_types.names
    if names:
        line = "# type: one of"
        for n, name in enumerate(names):  # lines of 100 characters or so, a type never split between two
            said = f" {name}{',' if n + 1 < len(names) else ''}"
            if len(line) + len(said) > 100:
                lines.append(line)
                line = "#  "
            line += said
        lines.append(line)
    return "\n".join(lines + ["# action: what the chair decided, e.g. left the room for the item, or stayed but "
                              "did not vote"])


# How a vote is minuted, under the item where minutes are most often moved and seconded, commented out: a clerk
# copies it to any item where a motion was put to the vote (docs/content-format.md, Votes)
VOTE_EXAMPLE = """\
# votes:  # where a motion or amendment was put to the vote, here or under any item, e.g.
#   - kind: motion                  # or amendment (with amends: what it amends), or substantive motion
#     motion: That the minutes be approved as a correct record.
#     moved_by: person-id           # the mover, and seconded_by: the seconder, as in attendance
#     seconded_by: person-id
#     outcome: carried              # or lost
#     for: 9                        # the figures the minutes give, against: and abstained: too; or, for a
#     against: 0                    # recorded vote, recorded: {for: [ids], against: [ids], abstained: [ids]}
#     abstained: 1"""


def _previous_items(body: Body, previous: Meeting, folder: str, open_count: int,
                    unapproved: list[Meeting] = (), arising: Meeting | None = None) -> list[Standing]:
    """`unapproved`: earlier meetings whose minutes are still draft (unapproved_before), approved with the
    previous meeting's under one item. `arising`: the meeting whose matters arise and whose deferred items come
    up, the previous one unless that was called for a purpose (last_ordinary)."""
    arising = arising or previous
    held = f"the meeting held on {long_date(previous.date)}"
    arose = f"the meeting held on {long_date(arising.date)}"
    progress = f", and progress on the {_count(open_count, 'open action')} in the action log" if open_count else ""
    if unapproved and previous.minutes is not None:
        days = [long_date(m.date) for m in [*unapproved, previous]]
        # each file by its path from the archive's top, as the previous meeting's alone is: "each meeting's
        # `minutes.md`" left the clerk to work out which meetings' and where
        files = listed([f"`{m.minutes.source.path}`" for m in [*unapproved, previous]])
        return [Standing(f"Minutes of the meetings held on {', '.join(days[:-1])} and {days[-1]}",
                         _todo("record whether the minutes of each were approved as a correct record, with any "
                               f"corrections; then set `status: approved` and `approved_at: {body.slug}/{folder}` in "
                               f"each one's minutes.md: {files}."),
                         'resolutions: []  # e.g. "**APPROVE** the minutes as a correct record"\n' + VOTE_EXAMPLE),
                *_previous_items(body, previous, folder, open_count, arising=arising)[1:]]
    return [
        Standing(f"Minutes of {held}",
                 _todo(f"record whether the minutes were approved as a correct record, with any corrections; "
                       f"then set `status: approved` and `approved_at: {body.slug}/{folder}` in "
                       f"`{previous.minutes.source.path}`." if previous.minutes is not None else
                       # an archive begun from an agenda pack: there is no minutes.md to set it in
                       f"record whether the minutes were approved as a correct record, with any corrections; "
                       f"the archive has no minutes of that meeting: to publish them, add them as "
                       f"`{PurePosixPath(previous.source.path).with_name('minutes.md')}` with `status: approved` and "
                       f"`approved_at: {body.slug}/{folder}`."),
                 'resolutions: []  # e.g. "**APPROVE** the minutes as a correct record"\n' + VOTE_EXAMPLE),
        # "and action log" only when there is one: with no action open, no actions.md is written to update
        Standing("Matters arising and action log" if open_count else "Matters arising",
                 _todo(f"record matters arising from {arose}"
                       + ("; progress on open actions goes in `actions.md`." if open_count else ".")),
                 "actions: []  # actions raised under this item; earlier actions are updated in actions.md",
                 f"Matters arising from {arose}{progress}."),
        *deferred_items(arising),
    ]


def deferred_items(previous: Meeting) -> list[Standing]:
    """The items the previous meeting deferred (`status: deferred` on its agenda), the first of the new
    meeting's business: each says where it came from with a reference, which links that meeting and puts the
    item among its "Referenced from"."""
    held = f"the meeting held on {long_date(previous.date)}"
    return [Standing(item.title, _todo(f"record this item, deferred from {held}."),
                     "confidential: yes  # as on the agenda: only the title is published" if item.confidential
                     else "", description=f"Deferred from [[{previous.key}]]{_papers_of(item, previous)}.",
                     presenter=item.presenter, confidential=item.confidential)
            for item in all_agenda_items(previous.agenda) if item.status == "deferred"]


def _papers_of(item: AgendaItem, previous: Meeting) -> str:
    """`, with its paper [[ccb/2019-11-21/papers/C]]`: a deferred item's papers stay in the meeting they were
    published for (`paper:` names this meeting's own), and the reference links them from the new agenda. A
    confidential paper is left out, as a reference could not show it."""
    papers = {paper.ref.lower(): paper for paper in previous.papers}
    refs = [f"[[{previous.key}/papers/{paper.ref}]]" for ref in item.papers
            if (paper := papers.get(ref.lower())) is not None and not paper.confidential]
    if not refs:
        return ""
    return f", with its paper{'s' if len(refs) > 1 else ''} " + (" and ".join(refs) if len(refs) < 3 else
                                                                 ", ".join(refs[:-1]) + " and " + refs[-1])


# ---- the files ----------------------------------------------------------------------

def _person_lines(member: Member, indent: str) -> list[str]:
    who = member.who
    head = f"{indent}- person: {scalar(who.id)}" if who.id else f"{indent}- name: {scalar(who.name)}"
    lines = [head]
    for key, value in (("role", member.role), ("organisation", member.organisation)):
        if value:
            lines.append(f"{indent}  {key}: {scalar(value)}")
    return lines


def _person(who: PersonRef) -> str:
    """As schema.person reads it back: an id, a body, or a name not in the register; a person named by their post
    ("Chair") by the post, which names its holder at the next meeting."""
    if who.post:
        return scalar(who.post)
    if who.id:
        return scalar(who.id)
    if who.body:
        return f"{{body: {scalar(who.body)}}}"
    return f"{{name: {json.dumps(who.name, ensure_ascii=False)}}}"


def as_before(body: Body, previous: Meeting | None) -> list[tuple[str, str]]:
    """(field, value) of what a body's meetings mostly keep from one to the next, as its last meeting held had
    them: its own title ("Meeting of the ... Committee"), start and end, and the venue where the body's file
    gives none. A body that keeps no venue in its file was given a meeting without one, every time."""
    if previous is None:
        return []
    fields = [("title", previous.title if previous.own_title else ""),
              ("start", previous.start), ("end", previous.end), ("venue", "" if body.venue else previous.venue)]
    return [(name, value) for name, value in fields if value]


def _chair_among(members: list[Member]) -> Member | None:
    """The one member whose role is the body's chair (schema.is_chairs_role), whom the meeting's `chair:` names
    unless another chaired it: a body's first meeting had no `chair:`, and `Chair` written for a person in its files
    was an error. One written by name alone (`- name: Councillor Jo Bloggs`, not in the people register) too, where
    only a registered one was given the line."""
    chairs = [m for m in members if (m.who.id or m.who.name) and is_chairs_role(m.role)]
    return chairs[0] if len(chairs) == 1 else None


def _substitute(member: Member) -> bool:
    """A substitute member attends only in place of a member who cannot, so is no one expected present."""
    return substitute_role(member.role)


# The start time a meeting with none to keep from the last is given to fill in (a body's first, or one after a meeting
# that gave none), where it was given no line for it: commented out, as a made-up time would be published as the
# meeting's, while a meeting without one is no error
START_TO_GIVE = '# start: "14:00"  # the time it begins, as the notice gives it, and end: when it closed: remove the #'


def meeting_md(body: Body, day: dt.date, members: list[Member], members_from: str,
               agenda: list[tuple[str, Standing]], previous: Meeting | None = None, minutes: list[str] = (),
               heading: str = "", kind: str = "") -> str:
    """`previous`: the meeting whose title, times and venue the new one keeps (as_before): the last ordinary
    meeting (last_ordinary), or the first sitting of the meeting a reconvened sitting continues.
    `minutes`: each item's minute number (`minute:`), where the minutes number them otherwise (minutes_run_on).
    `heading`: the comment over the agenda, where its items are not the standing items (a reconvened sitting's).
    `kind`: `--kind`'s (annual, special, ...), not the previous meeting's: most meetings are of no kind."""
    lines = ["---", f"body: {body.slug}", f"date: {day.isoformat()}"] + ([f"kind: {scalar(kind)}"] if kind else [])
    if body.venue:  # the body's, above the comment that says what was kept from the meeting before
        lines.append(f"venue: {scalar(body.venue)}")
    kept = as_before(body, previous)
    if kept:
        lines.append(f"# as at the meeting of {long_date(previous.date)}: check them")
        lines += [f"{name}: {scalar(value)}" for name, value in kept]
    if not any(name == "start" for name, _ in kept):
        lines.append(START_TO_GIVE)
    chair = _chair_among(members)
    if chair is not None:
        lines.append(f"{chair_line(chair.who)}  # the {chair.role}: write who chaired it, if another")
    substitutes = [member for member in members if _substitute(member)]
    members = [member for member in members if not _substitute(member)]
    if members:
        lines += ["attendance:", f"  # {members_from}: move anyone absent to apologies or absent",
                  "  present:"]
        for member in members:
            lines += _person_lines(member, "    ")
    if substitutes:
        named = ", ".join(member.who.id or member.who.name for member in substitutes)
        lines.append(f"  # substitutes ({named}): one who came goes under `deputising:`, as `- person: <id>` with "
                     "`for: <id>` of the member they stood in for")
    # The business goes before the last two, whatever comes before them: a body's first meeting has no matters
    # arising, and the comment told the clerk to add the business after them.
    renumber = "renumber the last two and their `minute:` (in minutes.md too)" if minutes else \
        "renumber the last two (in minutes.md too)"
    lines += ["agenda:", f"  # {heading}" if heading else f"  # standing items; add the meeting's business before "
                                                          f"'{agenda[-2][1].title}' and {renumber}"]
    for position, (ref, item) in enumerate(agenda):
        lines += [f"  - ref: {scalar(ref)}"] + ([f"    minute: {scalar(minutes[position])}"] if minutes else []) + [
            f"    title: {scalar(item.title)}"]
        if item.presenter:
            lines += ["    presenter:"] + [f"      - {_person(who)}" for who in item.presenter]
        if item.description:
            lines.append(f"    description: {scalar(item.description)}")
        if item.confidential:
            lines.append("    confidential: yes")
    return "\n".join(lines + ["---", ""])


def minutes_md(agenda: list[tuple[str, Standing]]) -> str:
    lines = ["---", "status: draft  # published only with --drafts until approved at the next meeting", "---"]
    for ref, item in agenda:
        lines += ["", f"## {ref} {item.title}", ""]
        if item.fields:
            lines += ["```item", item.fields, "```", ""]
        lines.append(item.instruction)
    return "\n".join(lines + [""])


def _owner(ref: PersonRef, archive: Archive) -> str:
    if ref.body and ref.body in archive.bodies:
        return archive.bodies[ref.body].short_name
    return ref.name


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def actions_md(archive: Archive, body: Body, day: dt.date, tracks: list[Track]) -> str:
    """One update per open action: its latest status to revise, empty progress to write."""
    lines = ["---",
             f"# Every {body.short_name} action open on {long_date(day)}, one update each: bring the status up to",
             "# date, write the progress, and add `closed: yes` where the meeting closes the action.",
             f"# Statuses: {', '.join(STATUSES)}",
             f"# (an action no log has reported on yet starts as {UNREPORTED_STATUS}).",
             "# `status: draft` keeps this log off the public site until you change it to final.",
             "status: draft",
             "updates:"]
    for track in tracks:
        owners = ", ".join(_owner(o, archive) for o in track.action.owners) or "no owner"
        due = _due_words(track, day)
        status = track.status if track.status in STATUSES else UNREPORTED_STATUS
        lines += [f"  # {track.action.id} ({owners}; {due}): {_one_line(track.action.text)}",
                  f"  - action: {scalar(track.action.id)}", f"    status: {status}", '    progress: ""']
    return "\n".join(lines + ["---", ""])


def _due_words(track: Track, day: dt.date) -> str:
    """An open action's due date as the log's comment gives it, in the site's words; "the next meeting" as a clerk
    would say it here. "due next meeting" read as the meeting after this one, and its date came in brackets inside
    the comment's own. It is this meeting where the archive has no meeting between the one that set it and this
    one (it then dates it on or after this one's day, or not at all), else the one on the date it gives."""
    due = track.due
    if due is None:
        return "no due date"
    if due.text.strip().lower() in NEXT_MEETING:
        if due.date is None or due.date >= day:
            return "due at this meeting"
        return f"due at the meeting of {long_date(due.date)}"
    return f"due {spoken_due(due.text, due.date)[0]}"  # as pages say


def paper_md(ref: str, title: str, label: str, item: str, day: dt.date, file: str = "", withheld: str = "") -> str:
    """`withheld`: how the paper's item is withheld ("agenda item 5 is confidential"), "" where it is not."""
    lines = ["---", f"ref: {scalar(ref)}", f"label: {scalar(label)}", f"title: {scalar(title)}"]
    if item:
        lines.append(f"item: {scalar(item)}")
    if withheld:
        lines.append(f"confidential: yes  # {withheld}: the paper is not published; write no if it may be")
    lines.append(f"date: {day.isoformat()}")
    if file:
        lines.append(f"file: {scalar(file)}")
    lines += ["---", ""]
    return "\n".join(lines)


# ---- plans: what to write where -------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """The files to create, and what was found, for the summary the command prints."""

    files: dict[Path, str | bytes]  # bytes: a file copied as it is (a paper's PDF)
    numbers: tuple[str, ...] = ()
    previous: Meeting | None = None
    open_actions: int = 0
    members: int = 0
    later: tuple[str, ...] = ()  # the keys of the body's meetings after this one that use numbers of its year
    deferred: int = 0  # items the previous meeting deferred, on this one's agenda
    first_in_archive: bool = False  # numbered from 1, with no earlier meeting of the body to carry on from
    minutes: tuple[str, ...] = ()  # the minutes' numbers, where they run on from the previous meeting's
    minutes_said: str = ""  # how they were numbered, for the summary (_minutes_said)
    # A reconvened sitting's (--reconvenes): the meeting it continues, the meeting.md to add its adjourned_to to
    # and what to add ("" where it names the sitting already), and whether its items are those not reached
    reconvenes: Meeting | None = None
    first_sitting: Path | None = None
    adjourned_to: str = ""
    unreached: bool = False
    # A meeting called for a purpose (--kind extraordinary, special): only the apologies and declarations, and the
    # body's open actions (`held_over`) left to the next meeting that takes the action log
    called: bool = False
    held_over: int = 0
    # The body's file, where it lists no members and no meeting before lists anyone present: the meeting has no one
    # listed as present, which "0 attendees listed as present" told the clerk without saying where they go
    unlisted: str = ""
    # A new paper's (new paper): the line that lists it under its item, which the command says and does not write
    listed: str = ""


def _check_free(index: Index, slug: str, day: dt.date, folder: str, folder_given: bool, content: Path) -> None:
    """A meeting key must be new; a second meeting on one day needs a folder name of its own."""
    report = Report(root=Path(content))
    existing = index.by_key.get(f"{slug}/{folder}")
    if existing is not None:
        raise refuse(report, _located(content, existing.source.path), f"the meeting {existing.key} already exists",
                     f"edit its files, or pass --folder {day.isoformat()}-special for another meeting that day")
    same_day = [m for m in index.by_body.get(slug, []) if m.date == day]
    if same_day and not folder_given:
        other = same_day[0]
        raise refuse(report, _located(content, other.source.path),
                     f"{slug} already meets on {day.isoformat()} (folder {other.folder})",
                     f"pass --folder {day.isoformat()}-special for a second meeting that day")


_UNMINUTED = r"agenda item .* names minute .*, which .* does not have"  # validate._minutes_named


def plan_meeting(content: Path, slug: str, day: dt.date, folder: str | None = None, first: str | None = None,
                 reconvenes: str | None = None, kind: str = "") -> Plan:
    """`first`: the number of the first item (`--first-number`); else the body's numbering carried on.
    `reconvenes`: the folder of the meeting adjourned part-way that this sitting continues (plan_sitting).
    `kind`: the meeting's `kind:` (`--kind`); a council's annual meeting begins its municipal year here too."""
    name = folder or day.isoformat()
    if kind and reconvenes is not None:
        raise refuse_option("--kind", kind, "a reconvened sitting is of the kind of the meeting it continues, which "
                            "its meeting.md says", "leave --kind out with --reconvenes")
    if no_kind(kind):
        raise refuse_option("--kind", kind, *no_kind(kind))
    # and, for a reconvened sitting, a council's agenda items naming (`minute:`) the minutes the sitting is to take,
    # which its first sitting's minutes have not got: those of the meeting it continues (checked below)
    waived = Waived(*(f"{field} names no meeting '{slug}/{name}'"  # this is the meeting it names
                      for field in ("rearranged_to", "adjourned_to")), pattern=_UNMINUTED if reconvenes else "")
    index = load(content, waived)
    body = find_body(index, slug, content)
    _check_free(index, slug, day, name, folder is not None, content)
    if reconvenes is not None:
        meeting = adjourned(index, body, day, name, reconvenes)
        elsewhere = [d for d in waived if re.fullmatch(_UNMINUTED, d.message) and d.path != meeting.source.path]
        if elsewhere:  # another meeting's: this sitting does not put it right
            raise Refused(elsewhere, fix_first(len(elsewhere), content))
        return plan_sitting(content, index, body, day, name, meeting)
    previous = previous_meeting(index, slug, day)
    tracks = open_actions(index, slug, day)
    held_over = len(tracks) if called(kind) else 0  # updated at the next meeting that takes the action log
    tracks = [] if held_over else tracks
    arising = last_ordinary(index, slug, previous)
    deferred = len(deferred_items(arising)) if arising is not None and not called(kind) else 0
    standing = standing_items(body, previous, name, len(tracks), kind, unapproved_before(index, slug, previous),
                              arising)
    annual = annual_meetings(body.numbering, [*index.by_body.get(slug, []), Meeting(slug, name, day, "", kind=kind)])
    minuted = run_from(index, body, first, day, len(standing), annual) if first is not None and \
        body.numbering.per_meeting else minutes_run_on(body, previous, len(standing), day, annual)
    if first is not None and not body.numbering.per_meeting:
        numbers = numbers_from(index, body, first, day, len(standing))
    else:
        numbers = next_numbers(body, used_numbers(index, slug), day.year, len(standing))
    # A pattern numbered from 1 at the body's first meeting in the archive may be one whose numbers ran on before
    # the archive begins: the summary says how to start from where they had got to.
    from_one = numbers[0] == compose(body.numbering, 1, day.year)
    first_in_archive = (first is None and not body.numbering.per_meeting and from_one
                        and not any(m.date < day for m in index.by_body.get(slug, [])))
    agenda = list(zip(numbers, standing))
    # An extraordinary meeting, held at another time and place, perhaps as a meeting of its own title ("Extraordinary
    # Meeting of ..."), with those who could come: the new meeting was given its title, times, venue and those
    # present, where a clerk expects the pattern of the body's ordinary meetings
    members, members_from = members_on(body, arising, day)
    target = Path(content) / "meetings" / slug / name
    files = {target / "meeting.md": meeting_md(body, day, members, members_from, agenda, arising, minuted,
                                               heading=_CALLED_HEADING if called(kind) else "", kind=kind),
             target / "minutes.md": minutes_md(list(zip(minuted, standing)) if minuted else agenda)}
    if tracks:
        files[target / "actions.md"] = actions_md(index.archive, body, day, tracks)
    return Plan(files, tuple(numbers), previous, len(tracks), len([m for m in members if not _substitute(m)]),
                _later(index, body, day) if first is None else (), deferred,
                first_in_archive, tuple(minuted), _minutes_said(body, previous, day, first, minuted, annual),
                called=called(kind), held_over=held_over,
                unlisted=body.source.path if not members and not body.members else "")


# The comment over a called meeting's agenda, where its business goes (meeting_kinds.called)
_CALLED_HEADING = ("the apologies and declarations; add the business the meeting was called for after them, as "
                   "its notice gives it: it takes no other business")


def _minutes_said(body: Body, previous: Meeting | None, day: dt.date, first: str | None, minuted: list[str],
                  annual: dict) -> str:
    """What the summary says of how the minutes were numbered, where they run on through the municipal year."""
    numbering = body.numbering
    if not minuted:
        return ""
    if first is not None:
        return f"Its minutes are numbered from {minuted[0]}, as --first-number gives, and the meetings after it " \
               "carry on from there."
    if not numbering.restarts:
        return ("Its minutes are numbered on from the previous meeting's: at the first meeting of a municipal year, "
                "number them from 1, and the agenda's `minute:` with them, or say in "
                f"{body.source.path} when the year begins (`year_starts: May`) for `minutebook new meeting` to "
                "do so.")
    this = numbering.municipal_year(day, annual)
    year = year_said(body, this, annual)
    if previous is not None and numbering.municipal_year(previous.date, annual) == this:
        return f"Its minutes are numbered on from the previous meeting's, in {year}."
    if previous is not None:
        return f"Its minutes start again at 1, as the first meeting of {year}."
    return (f"Its minutes start at 1, as the first meeting in the archive of {year}: where the year's minutes had "
            "got further before the archive begins, remove the meeting's folder and start it again with "
            "--first-number and its first minute's number.")


def adjourned(index: Index, body: Body, day: dt.date, name: str, written: str) -> Meeting:
    """The meeting `--reconvenes` names (its folder, or body/folder), which the sitting on `day` in the folder
    `name` can continue: of the same body, held, before it, and adjourned to no other sitting. Else refused,
    with the meeting of the body before `day` nearest the date the folder is named with, where it names none."""
    key = written.strip().strip("/") if "/" in written.strip().strip("/") else f"{body.slug}/{written.strip()}"
    meeting, option = index.by_key.get(key), "--reconvenes"
    if meeting is None:
        earlier = tuple((m.folder, m.date, m.session == "private") for m in index.by_body.get(body.slug, [])
                        if m.date < day and not m.status)
        nearest = nearest_folders(earlier, key.partition("/")[2], day)
        # one held in private said so, as validate says it of adjourned_to's (_private_named)
        private = [when for folder, when, held in earlier if held and folder == nearest[0]] if nearest else []
        raise refuse_option(option, written, f"there is no meeting '{key}'", f"did you mean '{nearest[0]}'?"
                            f"{aside(not_reached([], private))}"
                            if nearest else f"{body.short_name} has no meeting before {long_date(day)} for this "
                            "sitting to continue")
    if meeting.body != body.slug:
        raise refuse_option(option, written, f"{key} is a meeting of another body", "a meeting reconvenes as the same "
                            f"body: give the folder of the meeting of {body.slug} that adjourned")
    if meeting.date >= day:
        raise refuse_option(option, written, f"{key} is on {long_date(meeting.date)}, not before this sitting "
                            f"({long_date(day)})", "give the meeting that adjourned, and the sitting's own date in "
                            "--date")
    if meeting.status:
        raise refuse_option(option, written, f"{key} did not take place (its meeting.md says `status: "
                            f"{meeting.status}`)", "give the meeting that adjourned")
    if meeting.adjourned_to and meeting.adjourned_to != f"{body.slug}/{name}":
        sitting = meeting.adjourned_to.partition("/")[2]
        raise refuse_option(option, written, f"{key} is adjourned to {meeting.adjourned_to} already (at "
                            f"{meeting.source.path}:{line_of(meeting.adjourned_to)})", "a meeting adjourned again at "
                            f"its reconvened sitting continues there: give --reconvenes {sitting}, "
                            "or correct that adjourned_to")
    return meeting


def unreached(meeting: Meeting) -> list[AgendaItem]:
    """The items of an adjourned meeting's agenda its minutes do not take, nor say were not taken (`status:`):
    those it did not reach, which its reconvened sitting takes under the numbers they had. None while it has no
    minutes to tell them by."""
    if not meeting.minutes:
        return []
    minuted = {item.ref.lower() for item in meeting.minutes.items}
    return [item for item in meeting.agenda if item.minute_ref.lower() not in minuted and not item.status]


def plan_sitting(content: Path, index: Index, body: Body, day: dt.date, name: str, meeting: Meeting) -> Plan:
    """A reconvened sitting of `meeting`, adjourned part-way: the same meeting continued, so none of the standing
    items a meeting opens and closes with (apologies, the last meeting's minutes, matters arising, the date of
    the next), no action log, and minute numbers that run on from the first sitting's. Its business is the first
    sitting's agenda items not reached (unreached), under their numbers, which the first sitting's agenda links
    at this sitting; without them (its minutes not written yet), one item numbered after its last.

    A council's agenda numbering its items from 1 and naming each one's minute (`minute:`) keeps the pack's
    numbers, each item naming its minute: the sitting's agenda gave item 7 as item 44, its minute's number.

    The first sitting's meeting.md is not written to: the command writes new files only, every one or none, and
    adding `adjourned_to` there would mean rewriting a file the clerk keeps, its comments and layout with it.
    The summary says the line to add (Plan.adjourned_to)."""
    held = f"the meeting of {long_date(meeting.date)}"
    packed = any(item.minute for item in all_agenda_items(meeting.agenda))  # the agenda names its minutes
    left = unreached(meeting)
    refs = [item.ref for item in left]
    items = [(canonical(body.numbering, item.minute_ref) or item.minute_ref,
              Standing(item.title, _todo(f"record this item, not reached before {held} adjourned."),
                       "confidential: yes  # as on the agenda: only the title is published" if item.confidential
                       else "", description=f"Not reached at [[{meeting.key}]]{_papers_of(item, meeting)}.",
                       presenter=item.presenter, confidential=item.confidential))
             for item in left]
    if not items:
        used = [item.ref for item in meeting.minutes.items] if meeting.minutes else \
            [item.minute_ref for item in meeting.agenda]
        last = max(used, key=sort_key, default=None)
        number = (following(body.numbering, canonical(body.numbering, last) or last) if last else None) or \
            next_numbers(body, used_numbers(index, body.slug), day.year, 1)[0]
        items = [(number, Standing(f"Business of {held}", _todo(f"record the business not reached before {held} "
                                                                "adjourned, numbering each item on from this one.")))]
        pack = max((item.ref for item in meeting.agenda), key=sort_key, default="0") if packed else ""
        refs = [following(body.numbering, pack) or "1"] if packed else []
    members, members_from = members_on(body, meeting, day)
    target = Path(content) / "meetings" / body.slug / name
    heading = f"the items of {held} not reached before it adjourned, under their numbers; take out any not " \
        "taken" if items[0][1].description else f"the business of {held}: number each item on from the last of its " \
        "minutes"
    minuted = [number for number, _ in items] if packed else []
    agenda = list(zip(refs, (standing for _, standing in items))) if packed else items
    files = {target / "meeting.md": meeting_md(body, day, members, members_from, agenda, meeting, minuted,
                                               heading=heading),
             target / "minutes.md": minutes_md(items)}
    expected = len([m for m in members if not _substitute(m)])
    return Plan(files, tuple(n for n, _ in agenda), meeting, 0, expected, minutes=tuple(minuted),
                reconvenes=meeting,
                first_sitting=_located(content, meeting.source.path),
                adjourned_to="" if meeting.adjourned_to == f"{body.slug}/{name}" else f"adjourned_to: {name}",
                unreached=bool(items[0][1].description))


def paper_file_name(ref: str, label: str, meeting: Meeting) -> str:
    """`paper-c.md` for Paper C and `appendix-a.md` for Appendix A, as packs name them; `c.md` where the
    meeting's papers are already named by their refs alone, so that one folder keeps one way of naming."""
    paper = label.strip().lower() == "paper"
    bare = paper and any(
        PurePosixPath(p.source.path).stem == slugify(p.ref) for p in meeting.papers if p.label.lower() == "paper")
    return f"{slugify(ref) if bare else slugify(f'{label} {ref}')}.md"


def _paper_item(index: Index, meeting: Meeting, item: str, report: Report) -> str:
    """The item written canonically; refused when the meeting has items and this is not one of them."""
    body = index.body(meeting.body)
    ref = canonical(body.numbering, item) or item.strip()
    known = {i.ref.lower(): i.ref for i in all_agenda_items(meeting.agenda)}
    known |= {i.ref.lower(): i.ref for i in meeting.minutes.items} if meeting.minutes else {}
    alike = [written for written in known.values() if unpadded(written) == unpadded(ref)]
    if ref.lower() not in known and len(alike) == 1:  # `--item 05`, as the front sheet prints item 5
        return alike[0]
    if known and ref.lower() not in known:
        listing = ", ".join(sorted(known.values(), key=sort_key))
        raise refuse(report, _located(report.root, meeting.source.path), f"{meeting.key} has no item '{item}'",
                     f"its items are {listing}; give one of them, or add the item to the agenda first")
    return ref


def _files_of(meeting: Meeting) -> set[str]:
    """The files whose items may name a paper of the meeting, as messages name them."""
    return {meeting.source.path} | ({meeting.minutes.source.path} if meeting.minutes else set())


def _meeting(index: Index, meeting_key: str) -> Meeting:
    meeting = index.by_key.get(meeting_key)
    if meeting is None:
        close = closest(meeting_key, index.by_key)  # what did_you_mean names: the closest, else up to 12 listed
        named = [close] if close else sorted(index.by_key) if len(index.by_key) <= 12 else []
        meant = did_you_mean(meeting_key, index.by_key, "meetings")
        raise refuse_option("--meeting", meeting_key, f"there is no meeting '{meeting_key}'",
                            _on_the_day(index, meeting_key) or meant and meant + _private_among(index, named) or
                            "name it as body/folder, e.g. ccb/2018-06-21; `minutebook new meeting` starts one")
    return meeting


def _private_among(index: Index, keys: list[str]) -> str:
    """What a hint naming meetings by `keys` says of those held in private, whose pages are never published, lest
    the clerk start a sitting or add a paper there and look for it on the site: " (tb/2019-06-20-private was held
    in private, which no link reaches)", as the reference hints and validate's say it (publish.unreached); "" for
    none. By key, as the hint names them: a body's public and private meetings may share a day."""
    return aside(not_reached([], [key for key in keys if index.by_key[key].session == "private"]))


def _on_the_day(index: Index, meeting_key: str) -> str:
    """'did you mean jhsc/2019-03-04 (4 March 2019)?' for `--meeting "jhsc/4 March 2019"`: the body's meetings on
    the date its folder is written as, as `new meeting --date` takes a date in words."""
    slug, _, written = meeting_key.partition("/")
    try:
        day = parse_date(written)
    except Invalid:
        return ""
    held = [m.key for m in index.by_body.get(slug, []) if m.date == day]
    return f"did you mean {' or '.join(held)} ({long_date(day)})?{_private_among(index, held)}" if held else ""


def _published(name: str) -> bool:
    """Whether a file so named may be published with a paper (attachments.published_name)."""
    try:
        attachments.published_name(name)
    except Invalid:
        return False
    return True


def _paper_file(source: Path, papers: Path, report: Report) -> tuple[str, bytes | None]:
    """(the name `file:` gives, the bytes to copy into papers/, or None when the very file is there already) for
    `new paper --file`: the PDF or spreadsheet the paper went out as. A path in quotes, as one with a space in it
    is given (`--file "~/Downloads/Paper D.pdf"`), keeps its `~`, which the shell expands only outside them: it
    was told there was no such file. A folder (the pack's, downloaded) was told so too."""
    written, source = source, source.expanduser()
    if source.is_dir():
        held = sorted(path.name for path in source.iterdir() if path.is_file() and _published(path.name))
        shown = ", ".join(held[:5]) + (f" and {len(held) - 5} more" if len(held) > 5 else "")
        raise refuse_option("--file", written, "it is a folder, not a file", "give the path of the paper's own file "
                            + (f"in it ({shown}), e.g. --file {shlex.quote(str(source / held[0]))}" if held else
                               "(its PDF, say), e.g. --file ~/Downloads/paper-c.pdf"))
    if not source.is_file():
        raise refuse_option("--file", written, "there is no such file to publish with the paper",
                            "give the path of the paper's PDF (or other file), e.g. --file ~/Downloads/paper-c.pdf")
    try:
        attachments.published_name(source.name)
    except Invalid as exc:
        raise refuse_option("--file", source, exc.message, exc.hint) from None
    data = source.read_bytes()
    target = papers / source.name
    if target.is_file():
        if target.read_bytes() == data:
            return source.name, None
        raise refuse(report, target, f"papers/ already holds another file named '{source.name}'",
                     "rename one of the two files, or name that one in the paper's `file:` yourself")
    return source.name, data


def plan_paper(content: Path, meeting_key: str, ref: str, title: str, label: str = "Paper",
               item: str = "", file: Path | None = None) -> Plan:
    """papers/<name>.md for an existing meeting, and nothing else: the agenda is the clerk's to link. With
    `file`, the file the paper went out as, copied into papers/ (attachments.py)."""
    # Every paper the meeting names and has not got yet, not only this one: with `paper: [C, D]` written first,
    # `new paper --ref C` refused for want of D, and `--ref D` for want of C, though each error said to run it.
    written_label, alone = label_and_ref(ref)
    if written_label:  # "Appendix A", as the pack prints it: the page would be "Paper Appendix A", at appendix-a/
        raise refuse_option("--ref", shlex.quote(ref), "a ref is the paper's letter or number alone, and its label "
                            "goes in --label", f"give --label {written_label} --ref {alone}")
    waived = Waived(pattern="paper '.*' is referenced but missing")
    index = load(content, waived)
    report = Report(root=Path(content))
    meeting = _meeting(index, meeting_key)
    elsewhere = [d for d in waived if d.path not in _files_of(meeting)]
    if elsewhere:  # another meeting's: this paper does not put it right
        raise Refused(elsewhere, fix_first(len(elsewhere), content))
    taken = meeting.paper(ref)
    if taken is not None:
        raise refuse(report, _located(content, taken.source.path),
                     f"{meeting.key} already has a paper with ref '{ref}' ({taken.name})",
                     "choose another --ref, or edit that file")
    written_item = _paper_item(index, meeting, item, report) if item else ""
    papers = _located(content, meeting.source.path).parent / "papers"
    name, data = _paper_file(Path(file), papers, report) if file is not None else ("", None)
    path = papers / paper_file_name(ref, label, meeting)
    withheld = _item_withheld(meeting, written_item) if written_item else ""
    files: dict[Path, str | bytes] = {path: paper_md(ref, title, label, written_item, meeting.date, name, withheld)}
    if data is not None:
        files[papers / name] = data
    return Plan(files, listed=_paper_listed(meeting, ref, written_item, report._rel(path)))


def _item_withheld(meeting: Meeting, item: str) -> str:
    """How the paper's item is withheld, "" where it is not: a paper for an item the agenda marks confidential (or
    takes in private, after the press and public are excluded), or for a confidential minute, must say whether it is
    confidential itself (validate._confidential_together), and one written without it was refused at once. It is
    written `confidential: yes`, which publishes nothing the clerk has not looked at; `no` is theirs to write. A
    meeting held in private publishes none of its papers: nothing to say."""
    if meeting.session == "private":
        return ""
    owner = taken_in_private(meeting.agenda).get(item.lower(), (None, None))[1]
    if owner is not None:
        return f"as agenda item {owner.ref} is {'taken in private' if owner.unsaid else 'confidential'}"
    minute = next((m for m in meeting.minutes.items if m.ref.lower() == item.lower()), None) \
        if meeting.minutes else None
    return f"as minute {minute.number} is confidential" if minute is not None and minute.confidential else ""


def _paper_listed(meeting: Meeting, ref: str, item: str, written: str) -> str:
    """What `new paper` says of the item that is to list the paper: an item's papers are those its `paper:` names,
    and the paper's `item:` links the item from the paper's page, not the paper from the item, so a clerk told
    nothing found the new paper missing from its item on the agenda. The line is said, not written: meeting.md and
    minutes.md are the clerk's, with their own comments and layout, and no `new` command changes a file there is.
    `written`: the paper's file, as messages name it."""
    def lists(found) -> bool:
        return any(p.lower() == ref.lower() for p in found.papers)

    def add(found, what: str, where: str, to: str = "the item") -> str:
        if lists(found):
            return f"{what[0].upper()}{what[1:]} lists it already ({where}:{found.source.line})."
        if not found.papers:
            return f"To list it under {what}, add `paper: {scalar(ref)}` to {to} ({where}:{found.source.line})."
        now = found.papers[0] if len(found.papers) == 1 else f"[{', '.join(found.papers)}]"
        return (f"To list it under {what}, make its `paper: {now}` `paper: [{', '.join(found.papers)}, "
                f"{scalar(ref, flow=True)}]` ({where}:{line_of(found.papers[0], found.source.line)}).")

    agenda = all_agenda_items(meeting.agenda)
    minutes = meeting.minutes.items if meeting.minutes else ()
    if item:
        key = item.lower()
        found = next((i for i in agenda if key in (i.ref.lower(), i.minute.lower())), None)
        if found is not None:
            return add(found, f"agenda item {found.ref}", meeting.source.path)
        minute = next((m for m in minutes if m.ref.lower() == key), None)
        if minute is not None:  # an item added at the meeting: its minute lists it, in its ```item block
            return add(minute, f"minute {minute.ref}", meeting.minutes.source.path, "its ```item block")
        return ""
    listing = next((i for i in agenda if lists(i)), None)
    if listing is not None:
        return (f"Agenda item {listing.ref} lists it ({meeting.source.path}:{listing.source.line}): give the paper "
                f"`item: {scalar(listing.ref)}` in {written}, for its page to link the item.")
    if not agenda:
        return (f"To list it on the agenda, add `paper: {scalar(ref)}` to its item once {meeting.source.path} has "
                f"one, and the item's number as `item:` in {written}.")
    return (f"To list it on the agenda, add `paper: {scalar(ref)}` to its item in {meeting.source.path}, and the "
            f"item's number as `item:` in {written}, for the paper's page to link the item.")


# ---- writing ------------------------------------------------------------------------

def write_all(files: dict[Path, str | bytes], content: Path) -> list[Path]:
    """Create every file or none: all targets are checked before the first is written, and a
    failure part way (a full disk, a file that appeared meanwhile) removes what was written."""
    report = Report(root=Path(content))
    for path in files:
        if path.exists():
            report.error(path, 1, "the file already exists",
                         "nothing is ever overwritten: edit that file, or move it away for a fresh scaffold")
    if report.errors:
        raise Refused(report.errors)
    written: list[Path] = []
    made: list[Path] = []
    try:
        for path, text in files.items():
            made += _make_dirs(path.parent)
            with (open(path, "xb") if isinstance(text, bytes) else
                  open(path, "x", encoding="utf-8", newline="\n")) as handle:
                written.append(path)
                handle.write(text)
    except OSError as exc:
        _undo(written, made)
        raise refuse(report, exc.filename or next(iter(files)), f"could not write the file ({exc.strerror})",
                     "check the folder's permissions and free space") from None
    return written


def _make_dirs(folder: Path) -> list[Path]:
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing  # deepest first


def _undo(written: list[Path], made: list[Path]) -> None:
    for path in written:
        path.unlink(missing_ok=True)
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            pass


# ---- the command ----------------------------------------------------------------------

def command(args, out=None, err=None) -> int:
    """`minutebook new site|body|meeting|paper`: 0 written, 1 refused (the reasons on stderr)."""
    out, err = out or sys.stdout, err or sys.stderr
    content = Path(args.content)
    try:
        if args.new == "site":
            from generator.scaffold_site import plan_site  # which builds on this module
            plan = plan_site(content, args.title, args.publisher, args.base_url)
        elif args.new == "body":
            from generator.scaffold_body import plan_body  # which builds on this module
            plan = plan_body(content, args.slug, args.name, args.numbering or "", args.short_name or "",
                             args.kind or "", args.member, args.chair or "", args.vice_chair or "", args.venue or "")
        elif args.new == "meeting":
            plan = plan_meeting(content, args.body, args.date, args.folder, args.first_number,
                                getattr(args, "reconvenes", None), getattr(args, "kind", None) or "")
        else:
            plan = plan_paper(content, args.meeting, args.ref, args.title, args.label, args.item or "",
                              args.file)
        written = write_all(plan.files, content)
    except Refused as refusal:
        shown = Report(root=content)
        for problem in refusal.problems:
            print(shown.format_here(problem), file=err)
        for line in refusal.summary.splitlines():  # one line for each option that was wrong
            print(f"minutebook new: {shown.named_here(line)}", file=err)
        print("minutebook new: nothing was written", file=err)
        return 1
    report = Report(root=content)
    for path in written:
        print(f"created {report.from_here(report._rel(path))}", file=out)
    # the files and commands a summary names, as the clerk's --content has them (content_option, named_here)
    if args.new in ("site", "body"):
        print(report.named_here(plan.summary), file=out)
    elif args.new == "meeting":
        print(report.named_here(_sitting_summary(plan, report) if plan.reconvenes else _meeting_summary(plan, content)),
              file=out)
    elif plan.listed:
        print(report.named_here(plan.listed), file=out)
    return 0


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _sitting_summary(plan: Plan, report: Report) -> str:
    """What `new meeting --reconvenes` wrote, and the line the first sitting's meeting.md needs, which it does not
    write (plan_sitting)."""
    first = plan.reconvenes
    numbers = plan.numbers[0] if len(plan.numbers) == 1 else f"{plan.numbers[0]} to {plan.numbers[-1]}"
    if plan.minutes:  # a council's pack numbers, each item naming its minute
        numbers += f" (minute {plan.minutes[0]})" if len(plan.minutes) == 1 else \
            f" (minutes {plan.minutes[0]} to {plan.minutes[-1]})"
    items = f"{_count(len(plan.numbers), 'item')} {numbers}, those {first.key} did not reach" if plan.unreached \
        else f"item {numbers}, after the last of {first.key}'s minutes, which do not tell which items it did not reach"
    where = report.from_here(report._rel(plan.first_sitting))
    link = f" Add `{plan.adjourned_to}` to {where}, after its date, so that its pages link this sitting and its " \
        "agenda the minutes taken here." if plan.adjourned_to else f" {where} is adjourned to this sitting already."
    return (f"Reconvened sitting of {first.key}: {items}, with no standing items; "
            f"{_count(plan.members, 'attendee')} listed as present.{link} Replace the 'Clerk to complete' lines, "
            f"then run `minutebook check{content_option(report.root)}`.")


def _meeting_summary(plan: Plan, content: Path = Path("content")) -> str:
    numbers = f"standing items {plan.numbers[0]} to {plan.numbers[-1]}"
    previous = f"after {plan.previous.key}" if plan.previous else "the body's first meeting in the archive"
    if plan.deferred:
        numbers = f"items {plan.numbers[0]} to {plan.numbers[-1]}"
        previous += f" ({_count(plan.deferred, 'item')} it deferred among them)"
    later = ""
    if plan.later:
        more = f" and {_count(len(plan.later) - 1, 'meeting')} more" if len(plan.later) > 1 else ""
        use, theirs = ("uses", "its") if len(plan.later) == 1 else ("use", "theirs")
        later = (f" {plan.later[0]}{more}, later than this meeting, already {use} numbers of its year, so these "
                 f"follow {theirs}: number the items as this meeting's minutes were numbered, or remove the "
                 "meeting's folder and start it again with --first-number and its first item's number.")
    elif plan.first_in_archive:
        later = (f" Its numbers start at {plan.numbers[0]}: where the body's numbering ran on before this meeting, "
                 "which the archive does not hold, remove the meeting's folder and start it again with "
                 "--first-number and its first item's number.")
    if plan.minutes:
        numbers += f" recorded in minutes {plan.minutes[0]} to {plan.minutes[-1]}"
        later += f" {plan.minutes_said}"
    logged = f"{_count(plan.open_actions, 'open action')} in the action log" if plan.open_actions else \
        "no open action, so no action log"
    if plan.called:
        numbers = f"standing items {plan.numbers[0]} and {plan.numbers[-1]} (apologies and declarations)"
        held = f" ({_count(plan.held_over, 'open action')} {'is' if plan.held_over == 1 else 'are'} updated at the " \
            "next meeting that takes the action log)" if plan.held_over else ""
        logged = f"no action log, as it takes only the business it was called for{held}"
        later += " Add that business to the agenda after the declarations, and to the minutes."
    present = f"{_count(plan.members, 'attendee')} listed as present" if not plan.unlisted else \
        f"no one listed as present, as {plan.unlisted} lists no members (add them there under `members:`, or those " \
        "present under `attendance:` in meeting.md)"
    return (f"{numbers}, {previous}; {present}, "
            f"{logged}.{later} Replace the 'Clerk to complete' "
            f"lines, then run `minutebook check{content_option(content)}`.")
