"""Stage 3a, publish: the public view of the archive, before anything renders.

Everything downstream (pages, search index, backlinks, exports) sees only what
this returns, so confidential and draft material cannot leak through a template
or an index that forgot to check a flag: it is simply not there.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import AgendaItem, Archive, Meeting, MinuteItem
from generator.resolve import action_key

PRIVATE_NOTE = "Considered in private"


def _agenda(item: AgendaItem) -> AgendaItem:
    if item.confidential:
        return replace(item, description="", presenter=(), papers=(), items=())
    return replace(item, items=tuple(_agenda(i) for i in item.items))


def _minute(item: MinuteItem) -> MinuteItem:
    if not item.confidential:
        return item
    return replace(item, body="", papers=(), leads=(), resolutions=(), declarations=(), actions=())


def _meeting(meeting: Meeting, drafts: bool) -> Meeting:
    minutes = meeting.minutes
    if minutes is not None and minutes.status == "draft" and not drafts:
        minutes = None
    log = meeting.action_log
    if log is not None and log.status == "draft" and not drafts:
        log = None
    if minutes is not None:
        minutes = replace(minutes, items=tuple(_minute(i) for i in minutes.items))
    return replace(meeting, minutes=minutes, action_log=log, agenda=tuple(_agenda(a) for a in meeting.agenda),
                   papers=tuple(p for p in meeting.papers if not p.confidential))


def public_view(archive: Archive, drafts: bool = False) -> Archive:
    meetings = tuple(_meeting(m, drafts) for m in archive.meetings if m.session != "private")
    public_actions = {f"{m.body}:{a.id}" for m in meetings if m.minutes for i in m.minutes.items for a in i.actions}
    cleaned = []
    for meeting in meetings:
        log = meeting.action_log
        if log is not None:
            updates = tuple(u for u in log.updates if action_key(u.action, meeting.body) in public_actions)
            log = replace(log, updates=updates)
        cleaned.append(replace(meeting, action_log=log))
    return replace(archive, meetings=tuple(cleaned))
