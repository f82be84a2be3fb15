"""Loading one meeting folder: meeting.md, its papers and its action log.

The minutes have their own module (`load_minutes`) because their Markdown body,
not their frontmatter, carries the items.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from generator import attachments, frontmatter, schema as s
from generator.diagnostics import Report, shortened
from generator.exclusion import in_private_sections
from generator.model import (ActionLog, ActionUpdate, AgendaItem, Appendix, Attendance, Attendee, Meeting,
                             Movement, Paper, PersonRef, Source)
from generator.numbering import printed, whole
from generator.schema import Context, Field, Schema
from generator.values import NO, Invalid, numeric_readings, parse_date, parse_month, spoken_date
from generator.yamltext import LStr, at_key, file_line, line_of, lines_of

def _roled_person(value, ctx: Context) -> PersonRef:
    """An attendance entry's `person:`, whose entry takes their `role:` (`Dr R.K.A.Feltham CC (Vice-Chair)`, as the
    pack writes it over the `person:` `new meeting` wrote, is told to put the role there)."""
    return s.person(value, ctx, roled=True)


ATTENDEE = Schema("an attendance entry", Field("person", _roled_person), Field("name", s.free_name),
                  Field("role", s.text, default=""), Field("organisation", s.text, default=""),
                  Field("for", s.texts, default=()), Field("note", s.text, default=""))
DEPUTY = Schema("a deputising entry", Field("person", _roled_person), Field("name", s.free_name),
                Field("role", s.text, default=""), Field("organisation", s.text, default=""),
                Field("for", s.person, required=True), Field("note", s.text, default=""))
MOVEMENT = Schema("a movement", Field("person", s.person), Field("name", s.free_name),
                  Field("event", s.choice("joined", "left"), required=True),
                  Field("item", s.text, default=""), Field("note", s.text, default=""))


def _who(fields, what: str, schema: Schema, value) -> PersonRef:
    if fields["person"] is not None:
        return fields["person"]
    if fields["name"]:
        return PersonRef(name=fields["name"])
    written = schema.written(value, "person")
    if written is not None:  # one the register does not know: reading `person:` said so, with a did-you-mean, and
        return PersonRef(name=str(written))  # the entry is not also said to need the `person:` it has
    raise s.Invalid(f"{what} needs `person:` (or `name:` for someone not in the register)", "add `person: <id>`")


def _attendee(value, ctx: Context) -> Attendee:
    if not isinstance(value, dict):
        return Attendee(s.person(value, ctx, roled=True), line=line_of(value))
    fields = ATTENDEE.read(value, ctx, line_of(value))
    return Attendee(_who(fields, "an attendance entry", ATTENDEE, value), fields["role"], fields["organisation"],
                    fields["for"], fields["note"], line=line_of(value))


def _deputy(value, ctx: Context) -> Attendee:
    fields = DEPUTY.read(value, ctx, line_of(value))
    if fields is None:
        raise s.Invalid("a deputising entry is written as `person:` and `for:`", "see docs/content-format.md")
    return Attendee(_who(fields, "a deputising entry", DEPUTY, value), fields["role"], fields["organisation"], (),
                    fields["note"], fields["for"], line=line_of(value))


def _movement(value, ctx: Context) -> Movement:
    fields = MOVEMENT.read(value, ctx, line_of(value))
    if fields is None:
        raise s.Invalid("a movement is written as `person:`, `event:` and `item:`", "see docs/content-format.md")
    return Movement(_who(fields, "a movement", MOVEMENT, value), fields["event"] or "joined", fields["item"],
                    fields["note"], line=line_of(value))


attendees = s.list_of(_attendee)
ATTENDANCE = Schema(
    "attendance",
    Field("present", attendees, default=()),
    Field("in_attendance", attendees, default=()),
    Field("apologies", attendees, default=()),
    Field("deputising", s.list_of(_deputy), default=()),
    Field("absent", attendees, default=()),
    Field("minutes", attendees, default=()),
    Field("public", s.text, default=""),
    Field("movements", s.list_of(_movement), default=()),
)


def _attendance(fields, ctx, raw) -> Attendance:
    if ctx.held is not None and ctx.held.chair == ():  # no `chair:`: the line to add, for `Chair` to be told
        chairs = [attendee.who for attendee in fields["present"] if s.is_chairs_role(attendee.role)]
        if len(chairs) == 1:
            ctx.held = dataclasses.replace(ctx.held, listed_chair=s.chair_line(chairs[0]))
            if not ctx.held.private:  # the page of a meeting held in private is never published
                ctx.report.warning(ctx.path, raw.line_of("present"), f"the attendance lists {chairs[0].name} present "
                                   "as the chair, but this meeting gives no `chair:`, so its page names no one as "
                                   "its chair", f"add `{ctx.held.listed_chair}` under `date:`")
    return Attendance(fields["present"], fields["in_attendance"], fields["apologies"], fields["deputising"],
                      fields["absent"], fields["minutes"], fields["public"], fields["movements"])


AGENDA_ITEM_CONFIDENTIAL = ("write `confidential: yes` in the agenda item, to publish only its title (and a "
                             "`public_title:` to publish in the title's place), or `confidential: no` if it may be "
                             "published")


def _agenda_item(value, ctx: Context) -> AgendaItem:
    item, marked = _agenda_entry(value, ctx)
    if ctx.held is not None and ctx.held.private:  # a meeting held in private publishes nothing of its agenda
        return item
    for ref, line, words, where in marked:
        if not where:
            ctx.report.error(ctx.path, line, f"agenda item {ref} is marked '{words}', but does not say whether it is "
                             "confidential: it would be published in full", AGENDA_ITEM_CONFIDENTIAL)
        else:  # as a minute's heading is told (validate._said_confidential)
            ctx.report.warning(ctx.path, line, f"agenda item {ref} says '{words}' in its {where}, as a mark of what "
                               "was taken in private would, but does not say whether it is confidential: it would be "
                               "published in full", f"{AGENDA_ITEM_CONFIDENTIAL} as it is; or reword the {where} "
                               "if it is not")
    return item


def _agenda_entry(value, ctx: Context) -> tuple[AgendaItem, tuple]:
    """The item, and (ref, line, words, where) of each mark of what was taken in private on it or its sub-items that
    do not say whether they are confidential (where: ""), or of the words that say so otherwise than with the mark
    in a title or a description's first line (where: "title" or "description", confidential_word): a sub-item is
    taken in private with a confidential item, and is not told."""
    fields = AGENDA_ITEM.read(value, ctx, line_of(value))
    if fields is None:
        raise s.Invalid("an agenda item is written as `ref:` and `title:` fields", "see docs/content-format.md")
    ref = (fields["ref"] or "").strip().rstrip(".")
    withheld = bool(fields["public_title"])
    if withheld and not fields["confidential"]:
        ctx.report.error(ctx.path, value.line_of("public_title"), f"agenda item {ref} has a public_title, but is "
                         "not confidential: its own title would be published", "write `confidential: yes` to "
                         "publish the public_title in its place, or take public_title out")
    marked = () if fields["confidential"] else tuple(mark for _, found in fields["items"] for mark in found)
    if fields["confidential"] is None and not withheld:  # (a public_title unsaid confidential is an error above)
        description = fields["description"]
        own = confidential_mark([(value.line_of("title"), fields["title"] or ""),
                                 *((file_line(lines_of(description), at), written)
                                   for at, written in enumerate(description.split("\n")))])
        if own:
            marked = ((ref, *own, ""), *marked)
        else:
            said = _said_on_agenda(value.line_of("title"), fields["title"] or "", description)
            marked = ((ref, *said), *marked) if said else marked
    # the title with its line: a reference in it that does not resolve is reported there (backlinks.py); where a
    # public_title is written, the real title is not kept, so that nothing can publish it
    key = "public_title" if withheld else "title"
    # the section with its line: the section heading the part taken in private is told there (exclusion.py)
    return AgendaItem(ref, at_key(fields[key] or "", value, key), at_key(fields["section"], value, "section"),
                      fields["purpose"], fields["presenter"], fields["paper"], fields["time"], fields["format"],
                      fields["description"], bool(fields["confidential"]), tuple(item for item, _ in fields["items"]),
                      Source(ctx.report._rel(ctx.path), line_of(value)), fields["status"], title_withheld=withheld,
                      minute=at_key((fields["minute"] or "").strip().rstrip("."), value, "minute"),
                      unsaid=fields["confidential"] is None), marked


def told_on_agenda(item: AgendaItem) -> bool:
    """Whether the agenda item that does not say `confidential:` is told to say so as it is loaded: it carries the
    mark, says it is confidential otherwise (_said_on_agenda), or has a public_title (an error)."""
    return item.title_withheld or confidential_mark([(0, item.title), *enumerate(item.description.split("\n"))]) \
        is not None or _said_on_agenda(0, item.title, item.description) is not None


def _said_on_agenda(line: int, title: str, description: str) -> tuple[int, str, str] | None:
    """(line, words, "title" or "description") where an agenda item's title, or its description's first line with
    words on it, says the item is confidential otherwise than with the mark: "Land sale (Confidential)", "(Part II)",
    "Exempt information: paragraph 3", which published the item in full without a word."""
    said = confidential_word([(line, title)])
    if said:
        return (*said, "title")
    first = next(((at, written) for at, written in enumerate(description.split("\n")) if written.strip()), None)
    if first and names_an_appendix(first[1]) and not names_an_appendix(title):  # its report's exempt appendix
        return None
    said = confidential_word([(file_line(lines_of(description), first[0]), first[1])]) if first else None
    return (*said, "description") if said else None


# An agenda item not taken at its meeting is marked so; where it went is said in its description, with a [[...]]
# reference to the meeting that took it (which then lists it under "Referenced from").
AGENDA_ITEM_STATUSES = ("deferred", "withdrawn")
AGENDA_ITEM_STATUS_HINTS = {
    **dict.fromkeys(("postponed", "carried-forward", "carried-over", "adjourned", "moved", "rescheduled"),
                    "write deferred, and say in `description:` where it went, e.g. To be taken at [[ccb/2019-09-19]]"),
    **dict.fromkeys(("removed", "dropped", "cancelled", "canceled", "not-taken", "not-considered"), "write withdrawn"),
    **dict.fromkeys(("taken", "held", "considered", "noted", "approved", "agreed", "discussed", "received"),
                    "leave status out for an item taken as planned: what was decided goes in the minutes"),
}


AGENDA_ITEM = Schema(
    "an agenda item",
    Field("ref", s.text, required=True),
    Field("title", s.text, required=True),
    Field("section", s.text, default=""),
    Field("purpose", s.text, default=""),
    Field("presenter", s.persons, default=()),
    Field("paper", s.lined_texts, default=()),
    Field("time", s.time, default=""),
    Field("format", s.text, default=""),
    Field("description", s.markdown, default=""),
    Field("confidential", s.yesno, default=None),
    Field("public_title", s.text, default=""),
    Field("items", s.list_of(_agenda_entry), default=()),
    Field("status", s.choice(*AGENDA_ITEM_STATUSES, hints=AGENDA_ITEM_STATUS_HINTS), default=""),
    Field("minute", s.text, default=""),
)

# The parts of an agenda councils name (Part 1 in public, Part 2 with the press and public excluded)
_PUBLIC, _PRIVATE = "write public: that part is held in public", "write private: it is never published"
SESSION_HINTS = {**dict.fromkeys(("part-1", "part-i", "part-a", "open"), _PUBLIC),
                 **dict.fromkeys(("part-2", "part-ii", "part-b", "closed", "confidential", "exempt"), _PRIVATE)}
_SESSION = s.choice("public", "private", hints=SESSION_HINTS)

# A meeting that did not take place keeps its page, marked with why not; one held as planned has no status.
MEETING_STATUSES = ("cancelled", "postponed")
_HELD = "leave status out for a meeting held, or to be held, as planned"
MEETING_STATUS_HINTS = {
    "canceled": "write cancelled", "adjourned": "an adjourned meeting was held: leave status out, and give the "
    "folder of the sitting at which it reconvened in adjourned_to", "rearranged": "write postponed, and give the "
    "meeting arranged instead in rearranged_to",
    "moved": "write postponed, and give the meeting arranged instead in rearranged_to",
    **dict.fromkeys(("held", "scheduled", "confirmed", "planned", "ordinary"), _HELD),
    **dict.fromkeys(("approved", "draft"), "the minutes' status goes in minutes.md; leave status out of meeting.md "
                    "for a meeting held, or to be held, as planned"),
}

def _meeting_body(value, ctx: Context) -> str:
    """The meeting's body, which an owner its later fields and its other files write as everyone ("All") is told
    to write as `{body: slug}`, and whose members' deputy chairs a post they write names (schema.Held)."""
    slug = s.text(value, ctx)
    body = (ctx.body_files or {}).get(slug.strip())
    ctx.held = dataclasses.replace(ctx.held, body=slug.strip(), deputies=s.deputies(body) if body else ())
    return slug


def _meeting_session(value, ctx: Context) -> str:
    """The meeting's session, which its agenda read after it is told the marks of what was taken in private on
    (schema.Held): not where the meeting is held in private, as none of it is published."""
    session = _SESSION(value, ctx)
    ctx.held = dataclasses.replace(ctx.held, private=session == "private")
    return session


def _meeting_date(value, ctx: Context):
    """The meeting's date, which the posts its later fields write are read on (schema.Held): MEETING reads its
    fields in the order it declares them."""
    day = s.date(value, ctx)
    ctx.held = dataclasses.replace(ctx.held, date=day)
    return day


def _meeting_chair(value, ctx: Context) -> tuple:
    """The meeting's chair, whom `Chair` written in its later fields and its other files names (schema.Held)."""
    reported = len(ctx.report.items)
    ctx.held = dataclasses.replace(ctx.held, chair=None, reading_chair=True)
    chair = s.persons(value, ctx)
    ctx.held = dataclasses.replace(ctx.held, chair=None if ctx.report.errors_since(reported) else chair,
                                   reading_chair=False)
    return chair


MEETING = Schema(
    "a meeting",
    Field("body", _meeting_body, required=True),
    Field("date", _meeting_date, required=True),
    Field("title", s.text, default=""),
    Field("kind", s.text, default=""),
    Field("session", _meeting_session, default="public"),
    Field("start", s.time, default=""),
    Field("end", s.time, default=""),
    Field("venue", s.text, default=""),
    Field("chair", _meeting_chair, default=()),
    Field("quorate", s.yesno),
    Field("webcast", s.url, default=""),
    Field("status", s.choice(*MEETING_STATUSES, hints=MEETING_STATUS_HINTS), default=""),
    Field("rearranged_to", s.text, default=""),
    Field("adjourned_to", s.text, default=""),
    Field("attendance", s.record(ATTENDANCE, _attendance), default=Attendance()),
    Field("agenda", s.list_of(_agenda_item), default=()),
    Field("language", s.language, default=""),
)

PURPOSES = ("decision", "approval", "discussion", "information", "assurance", "noting", "consultation",
            "endorsement")
APPENDIX = Schema("an appendix", Field("ref", s.text, required=True), Field("title", s.text, required=True),
                  Field("note", s.text, default=""), Field("file", attachments.read))


def _front_sheet(value, ctx: Context) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise s.Invalid("front_sheet must be a set of `label: text` lines", "see docs/content-format.md")
    return tuple((str(k), s.markdown(v, ctx)) for k, v in value.items() if v is not None)


PAPER = Schema(
    "a paper",
    Field("ref", s.text, required=True),
    Field("title", s.text, required=True),
    Field("label", s.text, default="Paper"),
    Field("item", s.text, default=""),
    Field("report_to", s.text, default=""),
    Field("date", s.date),
    Field("authors", s.persons, default=()),
    Field("contributors", s.persons, default=()),
    Field("sponsor", s.persons, default=()),
    Field("presenter", s.persons, default=()),
    Field("purpose", s.list_of(s.choice(*PURPOSES)), default=()),
    Field("decision_level", s.text, default=""),
    Field("summary", s.markdown, default=""),
    Field("recommendations", s.markdown, default=""),
    Field("risk", s.markdown, default=""),
    Field("equality_impact", s.markdown, default=""),
    Field("financial_implications", s.markdown, default=""),
    Field("patient_engagement", s.markdown, default=""),
    Field("next_steps", s.markdown, default=""),
    Field("authorised_by", s.text, default=""),
    Field("pages", s.text, default=""),
    Field("front_sheet", _front_sheet, default=()),
    Field("appendices", s.list_of(s.record(APPENDIX, lambda f, c, v: Appendix(f["ref"] or "", f["title"] or "",
                                                                              f["note"], f["file"]))), default=()),
    Field("confidential", s.yesno, default=None),
    Field("file", attachments.read),
    Field("language", s.language, default=""),
)

STATUSES = ("red", "amber", "green", "complete", "on-track", "no-progress", "not-started")
# Words action logs use that are none of the statuses, and what each of them most often means.
_CLOSING = "write complete, with `closed: yes` if this log closes the action"
STATUS_HINTS = {
    "blue": "blue is complete in a BRAG rating: " + _CLOSING, "done": _CLOSING, "finished": _CLOSING,
    "actioned": _CLOSING, "achieved": _CLOSING,
    "open": "write its rating (red, amber or green) or on-track: an action is open until an update closes it",
    "in-progress": "write on-track, or its rating: green, amber or red", "ongoing": "write on-track, or its rating: "
    "green, amber or red", "overdue": "write its rating (red, most often): a due date passed is shown as overdue "
    "by itself",  # amber/green, Amber - on track: _several in schema.choice names each status written
    # A RAG column's letters, as action logs in meeting packs write them
    "r": "did you mean 'red'?", "a": "did you mean 'amber'?", "g": "did you mean 'green'?",
    "b": "b is complete in a BRAG rating: " + _CLOSING, "c": _CLOSING,
}
# The words trusts' action logs close actions with, read as complete; shown so, as every complete action is.
STATUS_ALIASES = {"completed": "complete", "closed": "complete"}
_STATUS = s.choice(*STATUSES, hints=STATUS_HINTS, aliases=STATUS_ALIASES)
# A rating and the date the log revised the due date to, in one cell of a pack's log: "Amber – revised date
# 30/09/19", "Red (revised due date: 31 December 2019)", "Amber - revised to Dec 2019"
_REVISED = re.compile(r"(?P<status>[^–—:(,]+?)\s*(?:[-–—:,(]\s*)?revised\s+(?:(?:due\s+)?date|deadline|due)?\s*"
                      r"(?:to\s+|:\s*)?(?P<date>[^()]*\d[^()]*?)\s*\)?", re.I)


def _status(value, ctx: Context) -> str:
    """An update's status (_STATUS); a pack's log's rating and revised due date in one cell ("Amber – revised date
    30/09/19") is told to write the two apart, with the `due:` to write, where "write amber alone" lost the date,
    which the tracker judges "Overdue" by."""
    try:
        return _STATUS(value, ctx)
    except Invalid as problem:
        revised = _REVISED.fullmatch(str(value).strip()) if isinstance(value, str) else None
        try:
            status = _STATUS(revised["status"], ctx) if revised else None
        except Invalid:
            status = None
        if status is None:
            raise problem from None
        raise Invalid(f"'{value}' is a status and a revised due date in one",
                      f"write `status: {status}` and, on a line of its own, {_revised_due(revised['date'])}: the "
                      "action's page and the tracker show a revised due date, and count the action overdue from "
                      "it, only from `due:`") from None


def _revised_due(written: str) -> str:
    """The `due:` to write for the date a status gives (_status): in words where it is written in numbers alone,
    as packs do (30/09/19), read day first, as UK minutes mean it, where that is a day."""
    readings = numeric_readings(written)
    if readings:
        year = f", if {readings[0].year} is meant" if re.search(r"\D\d\d$", written) else ""  # 30/09/19
        return f"`due: {readings[0].isoformat()}` ({spoken_date(readings[0])}{year})"
    try:
        day = parse_date(written)
    except Invalid:
        month = parse_month(written)  # "Dec 2019"
        return f"`due: {month:%B %Y}`" if month else f"`due: {written}`"
    return f"`due: {day.isoformat()}` ({spoken_date(day)})"


# An update's fields under the names a log's columns give them (`ID`, `RAG`, `Update`, `Revised date`), and the
# log's updates as the minutes' `actions:`: each was told it was no field, and an update written with `id:` that
# its `action:` was missing too; read as the field meant (schema.Field.also), each is told the field's name once
UPDATE = Schema(
    "an action update",
    Field("action", s.text, required=True, also=("id", "ref", "action id", "action_id", "action no", "action ref")),
    Field("status", _status, required=True,
          missing=f"add `status: ` and one of {', '.join(STATUSES)}", also=("rag", "rag status", "rag_status")),
    Field("progress", s.markdown, default="", also=("update", "comments", "comment")),
    Field("due", s.due, also=("revised date", "revised_date", "revised due date", "new deadline", "deadline")),
    Field("closed", s.yesno, default=False),
)
ACTION_LOG = Schema(
    "an action log",
    Field("status", s.choice("draft", "final"), default="final"),
    Field("as_at", s.date),
    Field("updates", s.list_of(s.record(UPDATE, lambda f, c, v: _update(f, c, v))), default=(), also=("actions",)),
)


def _update(fields, ctx: Context, raw) -> ActionUpdate:
    # The status as written, under the name a pack's log gives its column too (`RAG: Closed`, told to write
    # `status:`): read as `status: Closed` is, it closes the action, where it was told both to write `status:` and,
    # on the update's first line, that the status was complete but the update did not close the action.
    said = UPDATE.key(raw, "status") if isinstance(raw, dict) else "status"
    if fields["status"] == "complete" and isinstance(raw, dict) and "closed" not in raw \
            and str(raw.get(said)).strip().lower() == "closed":
        fields["closed"] = True  # `status: Closed` says so itself; `closed: no` keeps it open, with the warning
    # `closed:` in error (`closed: Yes - closed`) is told on its own line: the update meant to close the action
    unread = isinstance(raw, dict) and raw.get("closed") is not None and not fields["closed"] \
        and str(raw["closed"]).strip().lower() not in NO
    if fields["status"] == "complete" and not fields["closed"] and not unread:  # logs rating actions write Complete
        ctx.report.warning(ctx.path, raw.line_of(said), "the status is complete, but the update does not close "
                           "the action, so it stays open on the tracker", "add `closed: yes`, or give the status it "
                           "has while it is still open")
    return ActionUpdate((fields["action"] or "").strip(), fields["status"] or "", fields["progress"], fields["due"],
                        bool(fields["closed"]), Source(ctx.report._rel(ctx.path), line_of(raw)))


# A pack's mark on what was taken in private, as text pasted from Word keeps it at the start of a line (after its
# emphasis, heading or list marks, and "PART II" or not): CONFIDENTIAL in capitals, or "not for publication" in
# any case; and an NHS body's protective marking, in capitals: "RESTRICTED" standing alone or before a dash or a
# colon ("RESTRICTED – MANAGEMENT"), "COMMERCIAL IN CONFIDENCE" (MANAGEMENT, STAFF), "OFFICIAL-SENSITIVE" (not
# "RESTRICTED PARKING ZONES", nor "Green (restricted)")
_MARK_START = r"[\s#>*_+-]*(?:\d+[.)]\s+)?(?:PART (?:II|2|B|TWO)\s*[-–—:.]*\s*)?"
_MARK = (r"(?:(?:(?:STRICTLY|PRIVATE (?:AND|&)) )?CONFIDENTIAL\b|(?i:not for publication)\b"
         r"|RESTRICTED(?=[\s*_]*(?:$|[-–—:(]))|(?:COMMERCIAL(?:LY)?|MANAGEMENT|STAFF|POLICY) IN CONFIDENCE\b"
         r"|OFFICIAL[- ]SENSITIVE\b)")
# a front sheet's field saying the paper is for the private part, as a board's reads ("Section:\tConfidential", the
# tab as pasted, beside "Section:\tPublic"; "| Section: | Private |" as a table): "Section: Private sector housing"
# is not it
_FRONT_SHEET = (r"[\s|*_]*(?i:section)[\s*_]*(?::[\s*_|]*|\|[\s*_]*)(?i:(?:strictly\s+)?confidential|private|exempt|"
                r"closed|restricted|part\s+(?:ii|2|b|two))(?i:\s+(?:session|business|part))?[\s*_|]*")
_CONFIDENTIAL_MARK = re.compile(rf"{_MARK_START}{_MARK}.*|{_FRONT_SHEET}")
# A paper's front sheet saying so in a sentence, on any of its lines, opening it or after the field's name: "This
# report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A", "Exempt information: The report
# and its appendices are not for publication", "| Reason | Not for publication: paragraph 1 |"; and so a minute's
# text or an agenda item's description ("This item is not for publication by virtue of ..."). Not prose that merely
# speaks of publication ("The decision is not for publication until Monday"), nor a public report's exempt appendix
# ("Appendix 2 to this report is not for publication"), nor the words "not for publication until" (an embargo).
_NOT_FOR_PUBLICATION = re.compile(
    r"(?i)[\s#>*_|+-]*(?:\d+[.)]\s+)?(?:[a-z][a-z ()/-]{0,40}?[:|][\s*_|]*)?(?:(?:this|the)\s+(report|paper|document|"
    r"briefing(?:\s+note)?|appendix|annexe?|item|minute|matter)(?:\s+and\s+(?:its|the)\s+appendi(?:x|ces))?\s+(?:is|are)\s+)?"
    r"not\s+for\s+publication\b(?!\s+(?:until|before|prior)\b)")


def confidential_mark(lines: list[tuple[int, str]], appendix: bool | None = None) -> tuple[int, str] | None:
    """(line, its words, shortened) of the first of `lines` (line, text) that carries the mark: a minute or paper
    that has it and does not say whether it is confidential would be published in full, the mark and all.

    `lines` are a heading or title, then the text: the text's first line naming an appendix after the mark
    ("CONFIDENTIAL APPENDIX 2", as a public report opens by listing its exempt appendix) is no mark of the report,
    unless the paper is the appendix (`appendix`: its title or name names one; by default, whether the title does).
    The same words below the first line are read as a mark still: most often the appendix itself, pasted below its
    report. A line saying it is not for publication in a sentence (_NOT_FOR_PUBLICATION), as a paper's front sheet
    does, is the mark on any line below the heading, of a minute's text and an agenda item's description as of a
    paper's: that is read only where a line has "ublication" in it, and not in a line excluding the press and
    public, whose resolution gives the same grounds."""
    first = True  # the text's first line with words on it is still to come
    for index, (at, written) in enumerate(lines):
        if _CONFIDENTIAL_MARK.fullmatch(written):
            if not (index and first and _names_its_appendix(written)) \
                    or (names_an_appendix(lines[0][1]) if appendix is None else appendix):
                return at, shortened(written.strip(" *_#>"), 60)
        elif index and ("ublication" in written or "UBLICATION" in written) \
                and (said := _NOT_FOR_PUBLICATION.match(written)) is not None and "xclu" not in written.lower() \
                and (not said[1] or said[1].lower()[:1] != "a"
                     or (names_an_appendix(lines[0][1]) if appendix is None else appendix)):
            return at, shortened(written.strip(" *_#>|"), 60)  # ("the appendix is": only where the paper is it)
        first = first and not (index and written.strip())
    return None


def _names_its_appendix(written: str) -> bool:
    """Whether a line with the mark names an appendix after it: "CONFIDENTIAL APPENDIX 2", "NOT FOR PUBLICATION –
    Appendix B", "PART II – STRICTLY CONFIDENTIAL APPENDIX 2 (Valuation)"."""
    lowered = written.lower()
    if not ("ppendi" in lowered or "nnex" in lowered):
        return False
    mark = _MARK_WORDS.match(written)
    return mark is not None and names_an_appendix(written[mark.end():])


# the mark's own words, which _names_its_appendix reads past
_MARK_WORDS = re.compile(rf"{_MARK_START}{_MARK}[\s*_:–—-]*")


# The word as a mark uses it elsewhere than at a line's start, which a heading or an item's first line says in
# place of the mark: "CONFIDENTIAL" in capitals anywhere ("Sale of the depot – CONFIDENTIAL"), "Confidential" in
# bold, in brackets ("(Confidential)") or set apart by a dash or colon ("Confidential: Land sale"), "this item is
# confidential", "not for publication" (not "not for publication until Monday", an embargo); "EXEMPT" in capitals,
# "(Exempt)" or "(Part II)" in brackets, "Exempt information:" opening the line, "PART II" or "PART 2" in capitals
# opening it ("PART II Land at Mill Lane"), as councils mark an item taken in private for its exempt information.
# Not "confidential" in a sentence's words ("the confidential waste contract"), nor "exempt" ("the likely disclosure
# of exempt information", which the public resolution excluding the public says), nor "Part 2 of the Local Plan",
# nor "PART 2 OF THE LOCAL PLAN".
_CONFIDENTIAL_WORD = re.compile(
    r"\bCONFIDENTIAL\b|\bEXEMPT\b|^[\s*_#>]*PART (?:II|2|TWO)\b(?! OF\b)"
    r"|(?i:[(\[]\s*(?:exempt(?:\s+information)?|part\s+(?:ii|2|b|two))\s*[)\]]"
    r"|^[\s*_#>]*exempt(?:\s+information)?[*_\s]*[–—:|-](?![*_\s]*(?:none|no|nil|n/?a|not\s+applicable)\b))"
    r"|(?i:\bnot\s+for\s+publication\b(?!\s+(?:until|before|prior)\b)"
    r"|\b(?:is|are|was|were|be|been|remains?|(?:treated|regarded|considered|kept|held)(?:\s+as)?)\s+"
    r"(?:strictly\s+|highly\s+)?confidential\b"
    r"|(?:\*\*|__|[(\[]|(?:^|[–—:|]|\s-)[\s*_#>]*)\s*(?:strictly\s+|private\s+(?:and|&)\s+)?"
    r"confidential\s*(?:\*\*|__|[)\]]|[*_\s]*(?:$|[–—:|]|-\s)))")


def confidential_word(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(line, its words, shortened) of the first of `lines` (a heading or title, and the first line of the text
    below it) that says the item is confidential otherwise than with the mark (confidential_mark): "(Confidential)"
    after a heading, "This item is CONFIDENTIAL" as its first line, which were published in full without a word."""
    for at, written in lines:
        # the pattern tried at every place of a paragraph took a fifth of the validate stage's time at 500 meetings;
        # the words it needs, looked for one by one with `or`, took a quarter less time than in a generator
        lowered = written.lower()
        if ("confidential" in lowered or "exempt" in lowered or "publication" in lowered or "part ii" in lowered
                or "part 2" in lowered or "part b" in lowered or "part two" in lowered) \
                and _CONFIDENTIAL_WORD.search(written) \
                and not ("exclu" in lowered and ("public" in lowered or "press" in lowered)):
            # (the heading of the public item excluding the press and public, "EXEMPT INFORMATION - EXCLUSION OF
            # THE PRESS AND PUBLIC", is no mark: that item is published, the items after it are taken in private)
            return at, shortened(written.strip(" *_#>"), 60)
    return None


# A line that says which of a report's appendices is exempt, opening with it ("Appendix 2 (Exempt)", "Exempt
# information: Appendix 2 is exempt under paragraph 3", "EXEMPT APPENDIX B", "Appendices 2 and 3 are confidential"):
# the report itself is public, its appendix kept out of it (its `appendices:` give a note: in its file's place)
_APPENDIX = re.compile(r"(?i)[\s*_#>]*(?:exempt(?:\s+information)?[*_\s]*[–—:|-]?[*_\s]*)?(?:(?:exempt|confidential|"
                       r"private)\s+)?(?:appendi(?:x|ces)|annex(?:es|e)?)\b")


def names_an_appendix(written: str) -> bool:
    """Whether the line opens by naming an appendix (or annex): said of a report's first line, that the appendix
    is exempt, not the report (which confidential_word would take it to say); said of a paper's title or name, that
    the paper is the appendix, whose first line saying it is exempt says so of the paper itself."""
    lowered = written.lower()
    return ("ppendi" in lowered or "nnex" in lowered) and _APPENDIX.match(written) is not None


def load_paper(path: Path, report: Report, ctx_people, bodies, known: dict | None = None,
               held: s.Held | None = None, private: bool = False, beside=None) -> Paper | None:
    """`known`: the digests of files read already (FileDigests.seen), so a paper's file is not read again;
    `held`: the meeting's, which posts written for people are read against; `private`: the meeting is held in
    private (`session: private`), whose papers are never published, the mark of what was taken in private or not;
    `beside`: told the files of papers/ the paper looks up (reload_parts.Beside)."""
    doc = frontmatter.read(path, report)
    if not doc.ok:
        return None
    ctx = Context(path, report, ctx_people, bodies, known, held, beside=beside)
    f = PAPER.read(doc.meta, ctx, 1)
    if f is None or not (f["ref"] and f["title"]):
        return None
    paper = Paper(at_key(f["ref"].strip(), doc.meta, "ref"), at_key(f["title"], doc.meta, "title"), f["label"],
                  at_key(f["item"].strip().rstrip("."), doc.meta, "item"), f["report_to"],
                  f["date"], f["authors"], f["contributors"], f["sponsor"], f["presenter"], f["purpose"],
                  f["decision_level"], f["summary"], f["recommendations"], f["risk"], f["equality_impact"],
                  f["financial_implications"], f["patient_engagement"], f["next_steps"], f["authorised_by"], f["pages"],
                  f["front_sheet"], f["appendices"], f["confidential"], LStr(doc.body, doc.body_line),
                  Source(report._rel(path), 1), f["file"], f["language"])
    if f["confidential"] is None and not private:
        marked = confidential_mark([(doc.meta.line_of("title"), f["title"]),
                                    *enumerate(doc.body.split("\n"), start=doc.body_line)],
                                   names_an_appendix(f["title"]) or names_an_appendix(paper.name))
        if marked:
            report.error(path, marked[0], f"{paper.label or 'Paper'} {paper.ref} is marked '{marked[1]}', but does "
                         "not say whether it is confidential: it would be published in full", "write `confidential: "
                         "yes` in the paper, or `confidential: no` if it may be published")
    attachments.check_names(paper, doc.meta, path, report)
    return paper


def load_action_log(path: Path, report: Report, meeting_date, ctx_people, bodies,
                    minutes_status: str = "") -> ActionLog | None:
    """`minutes_status`: that of the meeting's own minutes, if it has any. Approved, they say the meeting is
    over and its records settled: a log still a draft then (as `new meeting` writes it) keeps the updates it
    records off the site, unnoticed."""
    doc = frontmatter.read(path, report)
    if not doc.ok:
        return None
    # the meeting's date: a revised `due:` written without its year is told the year it most likely has
    f = ACTION_LOG.read(doc.meta, Context(path, report, ctx_people, bodies, held=s.Held(date=meeting_date)), 1)
    if f is None:
        return None
    if f["as_at"] and meeting_date and f["as_at"] > meeting_date:  # the actions' history would put it too late
        report.warning(path, doc.meta.line_of("as_at"), f"the log is dated as_at {spoken_date(f['as_at'])}, after "
                       f"the meeting it was presented at ({spoken_date(meeting_date)})", "correct the date: a log "
                       "gives the actions' state on or before its meeting; or remove as_at to date it by its meeting")
    if f["status"] == "draft" and minutes_status == "approved":
        report.warning(path, doc.meta.line_of("status"), "the log is a draft, but the minutes of its meeting are "
                       "approved: the updates it records are not published", "write `status: final` once the log "
                       "is as it was presented at the meeting")
    # the log's line: that of `updates:`, where an update it lacks would go (frontmatter left empty has none)
    return ActionLog(f["as_at"] or meeting_date, f["updates"], LStr(doc.body, doc.body_line),
                     Source(report._rel(path), doc.meta.line_of("updates") if doc.meta and "updates" in doc.meta
                            else 1),
                     f["status"] or "final",
                     doc.meta.line_of("as_at") if f["as_at"] else 0)


def load_meeting_file(path: Path, report: Report, ctx_people, bodies: frozenset, body_files: dict | None = None):
    """The fields of meeting.md, or None when they are too broken to place the meeting. `body_files`: the bodies by
    slug, whose members whose role is a chair's deputy's (schema.deputies) posts in the meeting's files name."""
    doc = frontmatter.read(path, report)
    if not doc.ok:
        return None, doc
    ctx = Context(path, report, ctx_people, bodies, held=s.Held(meeting_file=report._rel(path)),
                  body_files=body_files)
    fields = MEETING.read(doc.meta, ctx, 1)
    if fields is None or not fields["body"] or not fields["date"]:
        return None, doc
    fields["held"] = ctx.held  # for the minutes and papers, which read posts as this file's fields do
    return fields, doc


def build_meeting(fields, doc, folder: str, body_venue: str, default_title: str, minutes, papers, action_log,
                  report: Report) -> Meeting:
    path = report._rel(doc.path)
    return Meeting(
        body=fields["body"].strip(), folder=folder, date=fields["date"], title=fields["title"] or default_title,
        own_title=bool(fields["title"]),
        kind=fields["kind"], session=fields["session"], start=fields["start"],
        end=at_key(fields["end"], doc.meta, "end"),
        venue=fields["venue"] or body_venue, chair=fields["chair"], quorate=fields["quorate"],
        webcast=fields["webcast"], status=at_key(fields["status"], doc.meta, "status"),
        rearranged_to=at_key(meeting_key(fields["rearranged_to"], fields["body"]), doc.meta, "rearranged_to")
        if fields["status"] or "status" not in doc.meta else "",  # a status mistyped is reported once, on its line
        adjourned_to=at_key(meeting_key(fields["adjourned_to"], fields["body"]), doc.meta, "adjourned_to"),
        attendance=fields["attendance"], minutes=minutes,
        agenda=fields["agenda"] if fields["session"] == "private" else in_private_sections(fields["agenda"]),
        papers=tuple(papers), action_log=action_log, notes=LStr(doc.body, doc.body_line),
        source=Source(path, 1), dated=Source(path, doc.meta.line_of("date")), language=fields["language"])


_UNLIKE_THE_MINUTES = re.compile(r" |(?<![0-9])0[0-9]")  # a space, or a zero before a digit (TB/19/015, TB/09/5)


def numbered_agenda(items: tuple[AgendaItem, ...], numbering) -> tuple[AgendaItem, ...]:
    """The agenda with each ref that is one of the body's minute numbers written as the numbering writes it
    (`CCBP / 18/ 49`, as a PDF gives it, is CCBP/18/49; `CCBP/18/049` too), as the minutes' headings are read:
    the agenda links each item's minute, and references reach its row, by that number. The same tuple when
    nothing changed."""
    if numbering.per_meeting:
        return items
    written = []
    for item in items:
        # only a ref with a space or a leading zero in it (TB/19/015): reading every ref as a number would add
        # two pattern matches per agenda item to every cold build's loading; the agenda and the minutes are
        # matched regardless of case already. A body that prints zeros in front has every ref read, to be
        # shown as it prints them (C/2024/045 for C/2024/45)
        ref = (whole(numbering, item.ref) or item.ref) if numbering.width or _UNLIKE_THE_MINUTES.search(item.ref) \
            else item.ref
        shown = printed(numbering, ref) if numbering.width else ref
        minute = whole(numbering, item.minute) if item.minute else None
        minute = item.minute if minute is None or minute == item.minute else LStr(minute, line_of(item.minute))
        sub = numbered_agenda(item.items, numbering)
        same = ref == item.ref and sub is item.items and shown == ref and minute == item.minute
        written.append(item if same else dataclasses.replace(item, ref=ref, items=sub, minute=minute,
                                                             printed="" if shown == ref else shown))
    return tuple(written) if any(a is not b for a, b in zip(written, items)) else items


def numbered_papers(papers: tuple, numbering) -> tuple:
    """The papers with the item each is for written as the numbering writes it (`item: BoD/24/044` is for
    BoD/24/44), as the agenda's refs are (numbered_agenda): the paper is linked to its item by that number. The
    same tuple when nothing changed."""
    if numbering.per_meeting:
        return papers
    written = [dataclasses.replace(paper, item=LStr(whole(numbering, paper.item) or paper.item, line_of(paper.item)))
               if paper.item and _UNLIKE_THE_MINUTES.search(paper.item) else paper for paper in papers]
    return tuple(written) if any(a is not b for a, b in zip(written, papers)) else papers


def numbered_log(log: ActionLog | None, body: str, bodies: dict) -> ActionLog | None:
    """The action log with the minute number in each action written as its body's numbering writes it
    (`TB/19/013#2` is TB/19/13's action 2), as the agenda's refs are (numbered_agenda): the actions are known by
    that number. The same log when nothing changed."""
    if log is None:
        return log
    updates = []
    for update in log.updates:
        slug, colon, rest = update.action.partition(":") if ":" in update.action.split("/")[0] \
            else ("", "", update.action)
        ref, hash_, key = rest.rpartition("#")
        numbering = getattr(bodies.get(slug.strip() or body), "numbering", None)
        if hash_ and numbering is not None and not numbering.per_meeting and _UNLIKE_THE_MINUTES.search(ref):
            written = whole(numbering, ref)
            if written:
                update = dataclasses.replace(update, action=f"{slug}{colon}{written}#{key}")
        updates.append(update)
    changed = any(a is not b for a, b in zip(updates, log.updates))
    return dataclasses.replace(log, updates=tuple(updates)) if changed else log


def meeting_key(value: str, body: str) -> str:
    """`body/folder` as written, or a folder alone, of a meeting of the same body: as rearranged_to, adjourned_to
    and a minutes' approved_at name a meeting."""
    value = value.strip().strip("/")
    return value if not value or "/" in value else f"{body.strip()}/{value}"
