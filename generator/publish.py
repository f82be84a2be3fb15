"""Stage 3a, publish: the public view of the archive, before anything renders.

Everything downstream (pages, search index, backlinks, exports) sees only what
this returns, so confidential and draft material cannot leak through a template
or an index that forgot to check a flag: it is simply not there.
"""

from __future__ import annotations

from dataclasses import replace

from generator.interrupt import check, never
from generator.model import AgendaItem, Archive, Meeting, MinuteItem
from generator.resolve import action_key
from generator.values import spoken_date


def _same(old: tuple, new: tuple) -> tuple:
    """`old` itself when nothing in it changed: unchanged records stay the very same objects between
    preview rebuilds, which is what lets fingerprint.Digests remember their digests (incremental.py)."""
    return old if len(old) == len(new) and all(a is b for a, b in zip(old, new)) else new


def _agenda(item: AgendaItem) -> AgendaItem:
    if item.confidential:
        # purpose and format are the clerk's words too ("To approve the sale of 12 Charles Street to Mr Smith"); its
        # number, title, section, time and status place it on the agenda and say nothing of the business
        return replace(item, description="", presenter=(), papers=(), items=(), purpose="", format="")
    items = _same(item.items, tuple(_agenda(i) for i in item.items))
    return item if items is item.items else replace(item, items=items)


def _minute(item: MinuteItem) -> MinuteItem:
    if not item.confidential:
        return item
    return replace(item, body="", papers=(), leads=(), resolutions=(), declarations=(), actions=(),
                   votes=(), calls_in=None, chair=None)


def _meeting(meeting: Meeting, drafts: bool) -> Meeting:
    minutes = meeting.minutes
    if minutes is not None and minutes.status == "draft" and not drafts:
        minutes = None
    log = meeting.action_log
    if log is not None and log.status == "draft" and not drafts:
        log = None
    if minutes is not None:
        items = _same(minutes.items, tuple(_minute(i) for i in minutes.items))
        minutes = minutes if items is minutes.items else replace(minutes, items=items)
    agenda = _same(meeting.agenda, tuple(_agenda(a) for a in meeting.agenda))
    papers = _same(meeting.papers, tuple(p for p in meeting.papers if not p.confidential))
    if minutes is meeting.minutes and log is meeting.action_log and agenda is meeting.agenda \
            and papers is meeting.papers:
        return meeting
    withheld = tuple(p.ref for p in meeting.papers if p.confidential)
    return replace(meeting, minutes=minutes, action_log=log, agenda=agenda, papers=papers, withheld_papers=withheld)


def public_meeting(meeting: Meeting, drafts: bool = False) -> Meeting:
    """One meeting's public view, but for the action-log updates of actions that are not public (which
    public_view also takes out, knowing the whole archive)."""
    return _meeting(meeting, drafts)


def public_view(archive: Archive, drafts: bool = False, memo: dict | None = None, stop=never) -> Archive:
    """The archive as the public may see it.

    `memo` (the live preview's) maps each meeting, by identity, to its public
    view: a meeting unchanged since the last rebuild gets the very same public
    object again, even where something had to be taken out of it. `stop`: see
    interrupt.py; `memo` changes only at the end.
    """
    memo = memo if memo is not None else {}
    seen: dict[int, tuple] = {}
    stage: list[tuple] = []
    for meeting in archive.meetings:
        check(stop)
        if meeting.session == "private":
            continue
        known = memo.get(id(meeting))
        if known is None or known[0] is not meeting or known[1] != drafts:
            known = (meeting, drafts, _meeting(meeting, drafts), None, None)
        seen[id(meeting)] = known
        stage.append(known)
    public_actions = set()
    for _, _, meeting, _, _ in stage:
        check(stop)
        public_actions.update(f"{meeting.body}:{a.id}" for i in (meeting.minutes.items if meeting.minutes else ())
                              for a in i.actions)
    cleaned = []
    for original, _, meeting, kept_before, cleaned_before in stage:
        check(stop)
        log = meeting.action_log
        kept = None
        if log is not None:
            kept = tuple(action_key(u.action, meeting.body) in public_actions for u in log.updates)
            if kept == kept_before:
                meeting = cleaned_before
            elif not all(kept):
                updates = tuple(u for u, keep in zip(log.updates, kept) if keep)
                meeting = replace(meeting, action_log=replace(log, updates=updates))
        entry = seen[id(original)]
        if entry[3] != kept or entry[4] is not meeting:  # else the old entry: see memo.ByIdentity
            seen[id(original)] = entry[:3] + (kept, meeting)
        cleaned.append(meeting)
    memo.clear()  # meetings gone from the archive are forgotten
    memo.update(seen)
    return replace(archive, meetings=tuple(cleaned))


PRIVATE, DRAFT = "private", "draft"


def unreached(drafts: list, private: list) -> str:
    """What a message naming a body's meetings (as one to cite, or to name in a field) says of those a link would
    not reach, lest the clerk write one and be warned again: of the meetings whose minutes are a draft (`drafts`,
    their dates), and of those held in private (`private`, their dates), which are never published: "; the minutes
    of 10 October 2019 are a draft, which no link reaches until approved; its meeting of 1 October 2019 was held in
    private, which no link reaches"; "" for neither. `private` may give the meetings' keys instead, where a hint names
    meetings by their folders and two of them may share a day (`new paper --meeting`'s: "...; tb/2019-06-20-private
    was held in private, which no link reaches")."""
    said = "" if not drafts else f"; the minutes of {' and '.join(spoken_date(day) for day in drafts)} " \
        f"{'are drafts' if len(drafts) > 1 else 'are a draft'}, which no link reaches until approved"
    if not private:
        return said
    were = 'were' if len(private) > 1 else 'was'
    if isinstance(private[0], str):
        return f"{said}; {' and '.join(private)} {were} held in private, which no link reaches"
    return f"{said}; its meeting{'s' if len(private) > 1 else ''} of {' and '.join(map(spoken_date, private))} " \
        f"{were} held in private, which no link reaches"


def unpublished(archive: Archive, drafts: bool = False) -> dict:
    """What the public view leaves out that a reference in published text can name: (body, minute number, or
    `folder/number` for a body numbering per meeting) -> (PRIVATE or DRAFT, the minute's Source), and a private
    meeting's key -> (PRIVATE, its Source). Only for messages (Linker.withheld): a reference to one of these
    links to nothing, and the clerk is told why, never the public."""
    found: dict = {}
    for meeting in archive.meetings:
        private = meeting.session == "private"
        if private:
            found[meeting.key] = (PRIVATE, meeting.source)
        minutes = meeting.minutes
        if minutes is None or not (private or minutes.status == "draft" and not drafts):
            continue
        body = archive.bodies.get(meeting.body)
        per_meeting = body is not None and body.numbering.per_meeting
        for item in minutes.items:
            key = (meeting.body, f"{meeting.folder}/{item.ref}" if per_meeting else item.ref)
            found.setdefault(key, (PRIVATE if private else DRAFT, item.source))
    return found
