"""Open data: the archive as JSON and CSV that others can reuse without scraping.

- `meetings.json`: meetings as Open Civic Data events, agenda items included.
- `minutes.json`: minute items, a documented extension (OCD has no minutes).
- `actions.json`: actions with their update histories, a documented extension.
- `people.json`: people, bodies and memberships, Popolo-style (`popolo.py`).
- `actions/<body>.csv`: one body's actions as a spreadsheet.
- `meetings/<body>/<year>.json`, `minutes/<body>/<year>.json`, `actions/<body>.json`: the same documents cut into
  files of a size a reuser can fetch, open and fetch again (`index.json` lists them).

Each JSON file names its JSON Schema (`generator/schemas/`, published under
/data/schemas/) and carries the publisher and licence, so a copy found on its
own still says where it came from and how it may be reused. Everything is
built from the public `Index` (what `publish.py` let through), sorted, and
dated from the content, so the bytes are the same for the same content and
build date. docs/open-data.md describes every field.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from generator import callins, urls
from generator.actions import Track, holders
from generator.ical import LONDON, TZID
from generator.interrupt import check, never
from generator.memo import ByIdentity
from generator.model import VOTE_SIDES, AgendaItem, Declaration, Due, Meeting, MinuteItem, PersonRef, Vote, agenda_of
from generator.plaintext import one_line, plain, plain_title
from generator.popolo import people_document
from generator.resolve import Index

DATASETS = ("meetings", "minutes", "actions", "people")
CSV_COLUMNS = ("id", "reference", "body", "raised_on", "minute", "text", "owners", "due", "due_date",
               "latest_status", "latest_status_on", "closed", "current_due", "current_due_date", "url", "overdue")


class Exporter:
    """Builds each data document from one public Index; `today` only decides an event's past or future status
    and whether an action is overdue.

    With `memo` (the live preview's), each meeting's and action's record is
    kept as JSON text by the identity of what it was made from, and a document
    is those texts joined: an edit to one meeting re-encodes that meeting's
    records, not the archive's (the bytes are those of encoding it whole).
    """

    def __init__(self, index: Index, today: dt.date, memo: ByIdentity | None = None, stop=never):
        self.index = index
        self.site = index.archive.site
        self.today = today
        self.memo = memo
        self.stop = stop  # see interrupt.py

    def kept(self, kind: str, records: tuple, make):
        check(self.stop)
        return make() if self.memo is None else self.memo.get(kind, records, make)

    def encoded(self, name: str, key: str, texts: list[bytes], part: str = "") -> bytes:
        """The document `name` with its list `key` made of the encoded JSON `texts`, as `dump` would write it
        whole. Joining bytes is one copy; joining the texts as str, then encoding, took a third of a second at
        2,000 meetings, in one piece that a save in the live preview had to wait for. `part`: what a file of part
        of the records holds, for its title ("Testshire Board, 2019"); a warm build takes records from the
        whole-archive files alone."""
        head = json.dumps(self.document(name, {key: _HOLE}, part), ensure_ascii=False)
        before, hole, after = head.rpartition(json.dumps(_HOLE))  # the list comes last (document)
        pieces = [before.encode("utf-8") + b"["]
        for text in texts:  # one join, one copy of the whole: tens of megabytes in a large archive
            pieces += (text, b", ")
        if texts:
            pieces.pop()
        pieces.append(b"]" + after.encode("utf-8") + b"\n")
        if isinstance(self.memo, Reused) and not part:
            self.memo.placed(name, len(pieces[0]), texts)
        return b"".join(pieces)

    def ref(self, who: PersonRef) -> dict:
        return ref(who, self.index.archive.bodies)

    def url(self, address: str) -> str:
        return urls.absolute(self.site.base_url, address)

    def event_id(self, meeting: Meeting) -> str:
        """OCD's `ocd-event/<uuid>`, the UUID derived from the meeting's address on the site its ids are made
        from (Site.id_base), so that it stays the same when the archive moves."""
        address = urls.absolute(self.site.id_base, urls.meeting(meeting))
        return "ocd-event/" + str(uuid.uuid5(uuid.NAMESPACE_URL, address))

    def document(self, name: str, content: dict, part: str = "") -> dict:
        """`content` under a header naming the schema, publisher and licence."""
        title = f"{self.site.title}: {name}" + (f", {part}" if part else "")
        return {"$schema": self.url(urls.schema(name)), "title": title,
                "publisher": self.site.publisher, "source": self.site.base_url,
                "licence": {"name": self.site.licence.name, "url": self.site.licence.url}, **content}

    # --- meetings: Open Civic Data events -------------------------------------------------

    def events(self) -> list[tuple[Meeting, bytes]]:
        """Each meeting with its event's JSON text, in the order of meetings.json."""
        return [
            # whether the meeting has passed, not the date itself: a later day re-encodes only the meetings it passed
            (m, self.kept("event", (m, self.index.body(m.body), self.site, m.date < self.today, self.index.instead(m),
                                    self.index.sittings(m), self.index.continues(m)),
                          lambda m=m: _encoded(self.event(m))))
            for m in self.index.archive.meetings]

    def _files(self, meeting: Meeting, paper, attachment) -> list:
        return [] if attachment is None else [{"media_type": attachment.media_type,
                                               "url": self.url(urls.attachment(meeting, paper, attachment))}]

    def event(self, meeting: Meeting) -> dict:
        body = self.index.body(meeting.body)
        page = self.url(urls.meeting(meeting))
        att = meeting.attendance
        people = [(meeting.chair_role, who) for who in meeting.chair]
        for note, entries in (("present", att.present), ("in attendance", att.in_attendance),
                              ("deputising", att.deputising), ("minutes", att.minute_taker)):
            people += [(note, a.who) for a in entries]
        participants = [{"entity_type": "organization", "id": body.slug, "name": body.name, "note": "host"}]
        participants += [_entity(who, note) for note, who in people]
        documents = []
        for p in meeting.papers:
            date = (p.date or meeting.date).isoformat()
            links = [{"media_type": "text/html", "url": self.url(urls.paper(meeting, p))}]
            language = p.language or self.site.language
            documents.append({"note": f"{p.name}: {plain_title(p.title)}", "date": date,
                              "classification": p.label.lower(), "links": links + self._files(meeting, p, p.file),
                              "language": language})
            documents += [{"note": f"{p.name}, Appendix {a.ref}: {plain_title(a.title)}", "date": date,
                           "classification": "appendix", "links": self._files(meeting, p, a.file),
                           "language": language}
                          for a in p.appendices if a.file is not None]
        minutes = meeting.minutes
        return {
            "_type": "event",
            "id": self.event_id(meeting),
            "name": meeting.title,
            "description": plain(meeting.notes),
            "classification": "committee-meeting",
            "start_date": self.moment(meeting.date, meeting.start),
            # as the calendar's DTEND: an end before the start (`check` warns of it) is no moment of the meeting
            "end_date": self.moment(meeting.date, meeting.end) if meeting.start and meeting.end > meeting.start else "",
            "timezone": TZID,
            "all_day": not meeting.start,
            "status": "cancelled" if meeting.status else "passed" if meeting.date < self.today else "confirmed",
            "location": {"name": meeting.venue or body.venue, "note": "", "coordinates": None},
            "participants": participants,
            "documents": documents,
            "links": [{"note": "Meeting page", "url": page}],
            "media": [{"note": "Webcast", "links": [{"media_type": "text/html", "url": meeting.webcast}]}]
            if meeting.webcast else [],
            "sources": [{"url": page, "note": "Published by " + self.site.publisher}],
            "agenda": [self.agenda_item(meeting, item, str(n)) for n, item in enumerate(meeting.agenda, start=1)],
            "extras": {
                "body": body.slug, "meeting": meeting.key, "kind": meeting.kind, "quorate": meeting.quorate,
                "not_held": meeting.status or None, "rearranged_to": self.rearranged(meeting),
                "adjourned_to": self.linked(self.index.reconvened(meeting)),
                # adjourned_to names the next sitting alone, and stays one object for those who read it so
                "sittings": [self.linked(s) for s in self.index.sittings(meeting)],
                "continues": self.linked(self.index.continues(meeting)),
                "apologies": [self.ref(a.who) for a in meeting.attendance.apologies],
                "absent": [self.ref(a.who) for a in meeting.attendance.absent],
                "minutes": {"status": minutes.status, "url": page + "#minutes"} if minutes else None,
                "language": meeting.language or self.site.language,
            },
        }

    def rearranged(self, meeting: Meeting) -> dict | None:
        return self.linked(self.index.instead(meeting))

    def linked(self, other: Meeting | None) -> dict | None:
        """Another meeting an event names (arranged in its place, or a sitting of the same meeting), if published."""
        return None if other is None else {"meeting": other.key, "date": other.date.isoformat(),
                                           "url": self.url(urls.meeting(other))}

    def moment(self, day: dt.date, time: str) -> str:
        """ISO 8601 with the UK offset of that day ("2018-06-21T13:00:00+01:00"), or the date alone."""
        if not time:
            return day.isoformat()
        hour, minute = (int(p) for p in time.split(":"))
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).isoformat()

    def agenda_item(self, meeting: Meeting, item: AgendaItem, order: str) -> dict:
        minute, sitting = self.index.items.get(self.index.item_key(meeting, item.minute_ref)), meeting
        minute = minute if minute and minute[0] is meeting else None
        for later in self.index.sittings(meeting) if minute is None else ():  # where an item not reached before
            found = self.index.items.get(self.index.item_key(later, item.minute_ref))  # it adjourned was minuted
            if found and found[0] is later:
                minute, sitting = found, later
                break
        papers = [meeting.paper(r) for r in item.papers]
        return {
            "description": plain_title(item.title),
            "order": order,
            "subjects": [item.section] if item.section else [],
            "classification": [item.purpose] if item.purpose else [],
            "notes": [plain(item.description)] if item.description else [],
            "related_entities": [_entity(p, "presenter") for p in item.presenter],
            "media": [],
            "extras": {
                "ref": item.number, "time": item.time, "format": item.format, "confidential": item.confidential,
                "status": item.status or None,
                "papers": [self.url(urls.paper(meeting, p)) for p in papers if p is not None],
                "minute": self.url(urls.item(sitting, self.index.body(meeting.body), minute[1])) if minute else None,
                "minute_ref": minute[1].number if minute else None,
                "items": [self.agenda_item(meeting, sub, f"{order}.{n}") for n, sub in enumerate(item.items, 1)],
            },
        }

    # --- minutes: the documented extension -----------------------------------------------

    def minutes_texts(self) -> list[tuple[Meeting, bytes]]:
        """Each meeting with minutes, with their record's JSON text, in the order of minutes.json."""
        texts = []
        for meeting in self.index.archive.meetings:
            if not meeting.minutes:
                continue
            approver = self.index.by_key.get(meeting.minutes.approved_at)
            texts.append((meeting, self.kept("minutes", (meeting, approver, self.index.body(meeting.body), self.site,
                                                         callins.deps(self.index, meeting)),
                                             lambda m=meeting, a=approver: _encoded(self.minutes_record(m, a)))))
        return texts

    def minutes_record(self, meeting: Meeting, approver: Meeting | None) -> dict:
        by, of = callins.shown_by(self.index, meeting), callins.shown_of(self.index, meeting)
        agenda = agenda_of(meeting)
        return {
            "event_id": self.event_id(meeting), "meeting": meeting.key, "body": meeting.body,
            "date": meeting.date.isoformat(), "url": self.url(urls.meeting(meeting)) + "#minutes",
            "status": meeting.minutes.status, "language": meeting.minutes.language or self.site.language,
            "approved_at": {"meeting": approver.key, "date": approver.date.isoformat(),
                            "url": self.url(urls.meeting(approver))} if approver else None,
            "items": [self.minute_item(meeting, item, by, of, agenda) for item in meeting.minutes.items],
        }

    def minute_item(self, meeting: Meeting, item: MinuteItem, by: dict, of: dict, agenda: dict) -> dict:
        """`by`, `of`: callins.shown_by and shown_of of the meeting; `agenda`: model.agenda_of of it, the agenda
        item each minute records, which meetings.json gives the minute of (its `minute_ref`)."""
        body = self.index.body(meeting.body)
        call_in = of.get(item.ref)
        listed = agenda.get(item.ref.lower())
        papers = [(r, meeting.paper(r)) for r in item.papers]
        return {
            "ref": item.number, "title": plain_title(item.title), "url": self.url(urls.item(meeting, body, item)),
            "agenda_item": {"ref": listed.number, "url": self.url(urls.agenda_item(meeting, listed.ref))}
            if listed is not None else None,
            "confidential": bool(item.confidential), "reason": item.reason,
            "discussion": item.body, "resolutions": list(item.resolutions),
            "papers": [{"ref": r, "name": p.name if p else r, "title": plain_title(p.title) if p else "",
                        "url": self.url(urls.paper(meeting, p)) if p else None,
                        "language": (p.language if p else "") or self.site.language} for r, p in papers],
            "leads": [self.ref(p) for p in item.leads],
            "chair": self.ref(item.chair) if item.chair else None,
            "declarations": [declaration(self.ref(d.who), d) for d in item.declarations],
            "actions": [f"{meeting.body}:{a.id}" for a in item.actions],
            "votes": [self.vote(v) for v in item.votes],
            "calls_in": {"body": call_in.body.slug, "minute": call_in.number, "outcome": item.calls_in.outcome,
                         "url": self.url(urls.item(call_in.meeting, call_in.body, call_in.item))
                         if call_in.item else None} if call_in else None,
            "called_in_by": [{"body": b.body.slug, "meeting": b.meeting.key, "date": b.meeting.date.isoformat(),
                              "minute": b.item.number, "outcome": b.item.calls_in.outcome,
                              "url": self.url(urls.item(b.meeting, b.body, b.item))} for b in by.get(item.ref, ())],
        }

    def vote(self, vote: Vote) -> dict:
        """A vote as data: its figures where the minutes give them (null where not), and for a recorded vote
        the members who voted each way (null for a vote by numbers alone)."""
        return {"kind": vote.kind or None, "amends": vote.amends or None, "motion": vote.motion,
                "moved_by": self.ref(vote.moved_by) if vote.moved_by else None,
                "seconded_by": self.ref(vote.seconded_by) if vote.seconded_by else None, "outcome": vote.outcome,
                **{side: number for (side, _), number in zip(VOTE_SIDES, vote.counts)},
                "casting_vote": vote.casting_vote or None, "majority": vote.majority or None,
                "recorded": {side: [self.ref(p) for p in names] for (side, _), names in zip(VOTE_SIDES, vote.named)}
                if vote.recorded else None}

    # --- actions: the documented extension -----------------------------------------------

    def actions(self, tracks: list[Track]) -> list[tuple[dict | None, bytes]]:
        """Each action's record and its JSON text, encoded; the record is None when the text was taken from
        the last build's file (Reused): only a body's CSV made again needs it, decoded from the text."""
        return [self.kept("action", (track, self.index.body(track.action.body), self.site, self.overdue(track)),
                          lambda t=track: _record_and_json(self.action(t)))
                for track in tracks]

    def overdue(self, track: Track) -> bool:
        """Whether the action is open and past its due date at the build date, as its page, the page of the
        meeting that raised it and its tracker's "Overdue today" say: of an action's record, all the build date
        decides, so a later day encodes again only the actions it made overdue."""
        return track.overdue(self.today)

    def action(self, track: Track) -> dict:
        """One action and its history, from the same fold (`actions.Track`) the trackers show."""
        action, meeting = track.action, track.raised
        # A draft (in a --drafts preview) says so, as minutes.json's `status` does; a published record has no `draft`
        updates = [{"date": step.as_at.isoformat(), "meeting": step.meeting.key,
                    "meeting_url": self.url(urls.meeting(step.meeting)), "status": step.update.status,
                    "progress": step.update.progress, "due": due(step.update.due), "closed": step.update.closed,
                    **({"draft": True} if step.drafted else {})}
                   for step in track.steps]
        latest = updates[-1] if updates else None
        closing = track.closed_step
        return {
            "id": track.key, "reference": action.number, "body": action.body, "url": self.url(urls.action(action)),
            "text": action.text, "owners": [self.ref(o) for o in action.owners], "due": due(action.due),
            "raised": {"meeting": meeting.key, "date": meeting.date.isoformat(), "event_id": self.event_id(meeting),
                       "item": track.item.number,
                       "item_url": self.url(urls.item(meeting, self.index.body(action.body), track.item))},
            "updates": updates,
            "latest_status": {"status": latest["status"], "date": latest["date"], "closed": latest["closed"]}
            if latest else None,
            "closed": track.closed,
            "closed_on": closing.as_at.isoformat() if closing else None,
            "current_due": due(track.due),
            "overdue": self.overdue(track),
            **({"draft": True} if track.drafted else {}),
        }


def actions_csv(records: list[dict], drafts: bool = False) -> bytes:
    """RFC 4180 CSV (UTF-8 with a byte order mark, CRLF) of action records (`Exporter.action`), one row each, in
    the order given; a `--drafts` preview's has a last column, `draft`, which a published one leaves out, as it has
    none. The mark is for Excel on Windows, where most clerks and councillors open a spreadsheet: it reads a CSV
    without one as Windows-1252, and "Ms Siân O'Neill" and "£" came out garbled. pandas, csvkit and a browser's
    TextDecoder drop it; Python's csv module reads it with `encoding="utf-8-sig"` (docs/open-data.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + (("draft",) if drafts else ()))
    for record in records:
        latest, raised = record["latest_status"] or {}, record["raised"]
        original, current = record["due"] or {}, record["current_due"] or {}
        writer.writerow([_cell(value) for value in (
            record["id"], record["reference"], record["body"], raised["date"], raised["item"],
            one_line(record["text"]), "; ".join(o["name"] for o in record["owners"]), original.get("text", ""),
            original.get("date") or "", latest.get("status", ""), latest.get("date", ""),
            "yes" if record["closed"] else "no", current.get("text", ""), current.get("date") or "", record["url"],
            "yes" if record["overdue"] else "no")] + (["yes" if drafted(record) else "no"] if drafts else []))
    return out.getvalue().encode("utf-8-sig")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A text a spreadsheet would take for a formula (`=HYPERLINK(...)`, a minute quoting a member of the public)
    behind an apostrophe, which Excel and LibreOffice show the text after, as OWASP's advice on CSV injection has it:
    the CSV is for opening in a spreadsheet, and the JSON keeps every text as written."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def ref(who: PersonRef, bodies: dict | None = None) -> dict:
    """A person (or body, or free-text name) as data: the register id when there is one, a body by its name; the
    post the clerk named them by, where they did, as the pages show it."""
    if who.body:
        body = (bodies or {}).get(who.body)
        return {"id": None, "name": body.name if body else who.name, "body": who.body}
    return {"id": who.id, "name": who.name, "post": who.post} if who.post else {"id": who.id, "name": who.name}


def _entity(who: PersonRef, note: str) -> dict:
    """A person taking part in a meeting, as Open Civic Data's events list them, with the post the clerk named
    them by where they did."""
    entity = {"entity_type": "person", "id": who.id, "name": who.name, "note": note}
    return {**entity, "post": who.post} if who.post else entity


def declaration(person: dict, declared: Declaration) -> dict:
    """A declaration of interest as data: its `type` only where the minutes give one, so that the records of an
    archive whose minutes give none read as they did before types were recorded."""
    typed = {"type": declared.type} if declared.type else {}
    return {"person": person, **typed, "interest": declared.interest, "action": declared.action}


def due(value: Due | None) -> dict | None:
    if value is None:
        return None
    return {"text": value.text, "date": value.date.isoformat() if value.date else None}


_HOLE = "\x00records\x00"  # where Exporter.encoded puts the records' texts

# The records a warm build takes from the documents the last build wrote (Reused): kind -> (document, the value
# `Exporter.kept` gives, made from the record's text).
_REUSABLE = {"event": ("meetings", lambda text: text), "minutes": ("minutes", lambda text: text),
             "action": ("actions", lambda text: (None, text))}


class Reused:
    """The Exporter's memo in a warm build: each record's JSON text as the last build wrote it, found in the
    file it wrote by the digest of what the record is made from.

    A warm build runs in a new process, without the texts the live preview
    keeps by identity (memo.ByIdentity); and any edit changes the site-wide
    documents, whose records took seconds to encode again at 2,000 meetings.
    So the build cache keeps where each record's text lies in its document
    (`spans`, made by `placed` and `settle`), with the file's size and
    modification time, which must be found unchanged for the file to be read.
    `digests`: the build's fingerprint.Digests; `folder`: the site as the last
    build left it; `previous`: the `spans` that build made.
    """

    def __init__(self, digests, folder: Path | None = None, previous: dict | None = None):
        self.digests, self.folder, self.previous = digests, folder, previous or {}
        self.asked: dict[str, list[bytes]] = {}  # kind -> the digest of each record asked for, in order
        self.placing: dict[str, dict[bytes, tuple[int, int]]] = {}  # document -> digest -> (start, end)
        self.spans: dict[str, tuple] = {}  # document -> (file, size, modified, {digest: (start, end)}), by settle
        self._old: dict[str, dict[bytes, bytes]] = {}

    def get(self, kind: str, records: tuple, make):
        reusable = _REUSABLE.get(kind)
        if reusable is None:  # feeds and calendars ask too (atom_feeds, calendars)
            return make()
        document, value = reusable
        digest = self.digests.of(records)
        self.asked.setdefault(kind, []).append(digest)
        text = self._texts(document).get(digest)
        return make() if text is None else value(text)

    def _texts(self, document: str) -> dict[bytes, bytes]:
        found = self._old.get(document)
        if found is None:
            found = self._old[document] = {}
            known = self.previous.get(document)
            if known is not None and self.folder is not None:
                relative, size, modified, spans = known
                try:
                    status = (self.folder / relative).stat()
                    data = (self.folder / relative).read_bytes()
                except OSError:
                    return found
                if status.st_size == size == len(data) and status.st_mtime_ns == modified:
                    found.update((digest, data[start:end]) for digest, (start, end) in spans.items())
        return found

    def placed(self, document: str, start: int, texts: list[bytes]) -> None:
        """Exporter.encoded made `document` with the `texts` of the records asked for, in order, from `start`."""
        kind = next((kind for kind, (name, _) in _REUSABLE.items() if name == document), None)
        if kind is None:  # a document whose records are not taken from the last build's file
            return
        spans = self.placing[document] = {}
        for digest, text in zip(self.asked.get(kind, ()), texts):
            spans[digest] = (start, start + len(text))
            start += len(text) + 2  # the ", " between records
        self.asked[kind] = []
        # The last build's texts of this document are asked for no more: those not in the new one go now, the
        # rest with the pieces of the new one, not beside the next document (42 MB for minutes.json at 2,000).
        self._old.pop(document, None)

    def settle(self, folder: Path) -> None:
        """The documents are in place in `folder`: note each one's size and modification time with its spans."""
        for document, spans in self.placing.items():
            relative = urls.data_file(f"{document}.json").lstrip("/")
            try:
                status = (Path(folder) / relative).stat()
            except OSError:
                continue
            self.spans[document] = (relative, status.st_size, status.st_mtime_ns, spans)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _encoded(value) -> bytes:
    return _json(value).encode("utf-8")


def _record_and_json(record: dict) -> tuple[dict, bytes]:
    return record, _encoded(record)


def dump(document: dict) -> bytes:
    """Compact JSON: Python's C encoder only serves unindented output, and these files hold every minute."""
    return (_json(document) + "\n").encode("utf-8")


def drafted(record: dict) -> bool:
    """Whether an action's record holds anything of a draft: the minutes that raised it, or a log's update."""
    return record.get("draft", False) or any(update.get("draft", False) for update in record["updates"])


def exports(index: Index, today: dt.date, memo: ByIdentity | None = None, stop=never, unchanged=None,
            drafts: bool = False) -> Iterator[tuple[str, bytes]]:
    """(address, bytes) of every data file; `memo`, `stop`: see Exporter. `unchanged`: an update.Outputs, asked
    as feeds.atom_feeds asks it about each body's actions CSV with what its rows are made from. An edit reaches
    one body's actions at most, and making the other CSVs again (decoding each action's record from the last
    build's file, then writing its row) made files that came out the same: with this, a warm build's data stage
    went from 1.62 s to 1.13 s at 2,000 meetings (docs/performance-history.md, "Warm builds on both cores"). A
    CSV kept is listed in index.json with the size and SHA-256 the build that made it noted (Outputs.noted).

    Beside each whole-archive file, the same records cut by body and calendar year (meetings, minutes) or by
    body (actions, as its CSV), listed in index.json: minutes.json was 12 MB at 500 synthetic meetings, and grows
    with the archive, where one body's year stays the size of a year's meetings. The parts are joined from the
    records' texts already encoded for the whole files, so that cutting them encodes nothing again."""
    exporter = Exporter(index, today, memo, stop)
    tracks = [track for _, track in sorted(index.tracks.items())]
    actions = exporter.actions(tracks)
    listing: list[tuple[str, dict]] = []
    sums: dict[str, tuple[int, str]] = {}  # address -> the size and SHA-256 of each file made or kept

    def listed(address: str, dataset: str, records: int, body: str | None = None, year: int | None = None) -> str:
        kind = "text/csv" if address.endswith(".csv") else "application/json"
        listing.append((address, {"url": exporter.url(address), "dataset": dataset, "media_type": kind, "body": body,
                                  "year": year, "records": records}))
        return address

    def summing(files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
        for address, data in files:
            sums[address] = summed(data)
            yield address, data

    by_year: dict[tuple[str, int], list] = {}  # (body, year) -> how many records its files hold, as _parts made them
    years: dict[str, list[int]] = {}
    for meeting in index.archive.meetings:  # in date order: each body's years oldest first
        if (meeting.body, meeting.date.year) not in by_year:
            by_year[meeting.body, meeting.date.year] = []
            years.setdefault(meeting.body, []).append(meeting.date.year)
    people = people_document(index)
    wholes = (("meetings", len(index.archive.meetings)), ("minutes", sum(1 for m in index.archive.meetings
                                                                          if m.minutes)),
              ("actions", len(tracks)), ("people", len(people["persons"])))
    for name, records in wholes:
        listed(urls.data_file(f"{name}.json"), name, records)
    events = exporter.events()
    yield from summing([(urls.data_file("meetings.json"),
                      exporter.encoded("meetings", "events", [text for _, text in events]))])
    yield from summing(_parts(exporter, "meetings", "events", events, by_year))
    del events  # the texts of every event: tens of megabytes in a large archive, not kept beside the minutes'
    minutes = exporter.minutes_texts()
    yield from summing([(urls.data_file("minutes.json"),
                      exporter.encoded("minutes", "minutes", [text for _, text in minutes]))])
    yield from summing(_parts(exporter, "minutes", "minutes", minutes, by_year))
    del minutes
    yield from summing([(urls.data_file("actions.json"),
                      exporter.encoded("actions", "actions", [text for _, text in actions])),
                     (urls.data_file("people.json"), dump(exporter.document("people", people)))])
    by_body: dict[str, list[tuple[Track, tuple]]] = {slug: [] for slug in index.by_body}
    for track, made in zip(tracks, actions):
        for slug in holders(track):  # a body's CSV is its tracker's: an action another body gave it is in it too
            by_body[slug].append((track, made))
    names = tuple((body.slug, body.name) for body in index.archive.bodies.values())  # an owner may be a body
    for slug, mine in by_body.items():
        check(stop)
        yield from summing([(listed(urls.actions_json(slug), "actions", len(mine), slug), exporter.encoded(
            "actions", "actions", [text for _, (_, text) in mine], index.body(slug).name))])
        address = listed(urls.actions_csv(slug), "actions", len(mine), slug)
        for year in years.get(slug, ()):
            for dataset, records in zip(("meetings", "minutes"), by_year[slug, year]):
                listed(urls.data_part(dataset, slug, year), dataset, records, slug, year)
        if unchanged is not None and unchanged(address, (exporter.site, names, index.body(slug), tuple(
                track for track, _ in mine), tuple(exporter.overdue(track) for track, _ in mine))):
            kept = unchanged.noted(address)
            if kept is not None:
                sums[address] = kept
                continue
        yield from summing([(address, actions_csv([json.loads(text) if record is None else record
                                                for _, (record, text) in mine], drafts))])
        if unchanged is not None:
            unchanged.note(address, sums[address])
    files = [{**entry, "bytes": sums[address][0], "sha256": sums[address][1]} for address, entry in listing]
    yield urls.data_file("index.json"), dump(exporter.document("index", {"files": files}))


def summed(data: bytes) -> tuple[int, str]:
    """A file's size in bytes and its SHA-256 in hex, as index.json lists them: a reuser fetches again only the
    files whose checksum changed, and checks that a download arrived whole."""
    return len(data), hashlib.sha256(data).hexdigest()


def _parts(exporter: Exporter, name: str, key: str, texts: list[tuple[Meeting, bytes]],
           by_year: dict[tuple[str, int], list]) -> Iterator[tuple[str, bytes]]:
    """The document `name` of each body's meetings of each calendar year (`by_year`'s keys, every year a body
    has a meeting in, so that a year with meetings has a file of minutes too, if an empty one); notes in
    `by_year` how many records each holds."""
    grouped: dict[tuple[str, int], list[bytes]] = {place: [] for place in by_year}
    for meeting, text in texts:
        grouped[meeting.body, meeting.date.year].append(text)
    for (slug, year), mine in grouped.items():
        check(exporter.stop)
        by_year[slug, year].append(len(mine))
        yield urls.data_part(name, slug, year), exporter.encoded(name, key, mine,
                                                                 f"{exporter.index.body(slug).name}, {year}")
