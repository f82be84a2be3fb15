"""Action histories: an action raised in one minute, followed through later action logs.

An action's state at any date is a fold over its updates in meeting order:
the latest status, the latest revised due date, and whether (and where) it was
closed. The same fold serves the pages, the trackers, the exports and the
clerk-facing checks, so they can never disagree about an action.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from generator.interrupt import check, never
from generator.model import Action, ActionUpdate, Due, Meeting, MinuteItem

OPEN_STATUS = "open"
NEXT_MEETING = ("next meeting", "the next meeting", "by the next meeting", "next")
_WORDS = re.compile(r"\d+|[^\W\d_]+")  # the numbers and words of an id, without what is between them


@dataclass(frozen=True)
class Step:
    """One update of an action, as presented in a meeting's action log."""

    meeting: Meeting
    update: ActionUpdate

    @property
    def as_at(self) -> dt.date:
        return self.meeting.action_log.as_at

    @property
    def drafted(self) -> bool:
        """Whether the log that gave it is a draft (`--drafts` previews only), as Track.drafted."""
        return self.meeting.action_log.status == "draft"


@dataclass(frozen=True)
class Track:
    """An action and everything that happened to it, in order."""

    key: str  # "<body>:<id>", unique across the archive
    action: Action  # its `due` is as raised, with "next meeting" resolved where possible
    raised: Meeting
    item: MinuteItem
    steps: tuple[Step, ...] = ()

    @property
    def due(self) -> Due | None:
        """The current due date: the latest revision, else as raised."""
        for step in reversed(self.steps):
            if step.update.due is not None:
                return step.update.due
        return self.action.due

    @property
    def closed_step(self) -> Step | None:
        return next((s for s in self.steps if s.update.closed), None)

    @property
    def closed(self) -> bool:
        return self.closed_step is not None

    @property
    def status(self) -> str:
        return self.steps[-1].update.status if self.steps else OPEN_STATUS

    @property
    def raised_order(self) -> str:
        """Where the action comes in the order actions were raised, as text a tracker's Action column sorts by
        (tracker.js compares text in the reader's language, numbers in it as numbers): its meeting's date and
        folder, its minute's number and its key, each as its numbers and words alone, and kept apart by a '|',
        which sorts before any number or word. Its id put item 5.1's action before item 5's (a full stop sorts
        before '#'), and would put 1/20#1 before 45/19#1, numbered {n}/{yy}, and C/00/3#1 before C/99/5#1."""
        return " | ".join(" ".join(_WORDS.findall(text.lower())) for text in (
            self.raised.date.isoformat(), self.raised.folder, self.action.item, self.action.key))

    def __digest__(self) -> tuple:
        """What a page, feed or export made from a track can show of it (fingerprint.Digests): its own records,
        of the minute item that raised it only its number and title, and of each meeting only how it is named
        and linked. An edit to one meeting's minutes makes new Tracks of every action that meeting raised or
        updated; their pages need not change with them, nor with another action added to the same item."""
        return (self.key, self.action, self.item.number, self.item.title, named(self.raised), self.drafted,
                tuple((named(step.meeting), step.update, step.drafted) for step in self.steps))

    @property
    def drafted(self) -> bool:
        """Whether the minutes that raised it are a draft, which only a `--drafts` preview publishes: its page,
        feed entry and record say so, as the minutes' own page does."""
        return self.raised.minutes is not None and self.raised.minutes.status == "draft"

    def as_at(self, date: dt.date) -> "Track":
        """The action as it stood on `date`: later updates are not yet known."""
        # The steps are in date order (build_tracks): when the last is dated by then, so are all, which is so of
        # nearly every action at a body's last meeting (overdue_on, for its tracker, on every build), and nothing
        # is copied or compared.
        if not self.steps or self.steps[-1].as_at <= date:
            return self
        steps = tuple(s for s in self.steps if s.as_at <= date)
        return self if len(steps) == len(self.steps) else replace(self, steps=steps)

    def as_logged_by(self, meeting: Meeting) -> "Track":
        """The action as `meeting`'s action log left it: the steps before that log's and its own, so the log shows
        the due date it gave, else the one it stood at. The state at the log's date took in another log of that
        date (a second meeting that day, a log whose `as_at:` dates it back), and the log showed its revision."""
        for position, step in enumerate(self.steps):
            if step.meeting.key == meeting.key:
                return self if position + 1 == len(self.steps) else replace(self, steps=self.steps[:position + 1])
        return self.as_at(meeting.action_log.as_at)

    def overdue_on(self, date: dt.date) -> bool:
        """Open and past its due date as the action stood on `date` (the tracker's "at the last meeting")."""
        state = self.as_at(date)
        due = state.due
        return not state.closed and due is not None and due.date is not None and due.date < date

    def overdue(self, today: dt.date) -> bool:
        """Open and past its due date at the build date, judged by every log published, a log of a meeting yet to
        be held included: a pack goes out ahead of its meeting, and what its log says (closed, or due later) is
        the clerk's view now. Every page shows the action's status and due date so; judged as at the build date,
        without that log, a page said "Overdue" beside a revised due date still to come."""
        due = self.due
        return not self.closed and due is not None and due.date is not None and due.date < today


def holders(track: Track) -> list[str]:
    """The bodies whose trackers (and action spreadsheets) list the action: the one that raised it, then each body
    among its owners (`owner: {body: slug}`), each once."""
    return list(dict.fromkeys([track.raised.body] + [owner.body for owner in track.action.owners if owner.body]))


def named(meeting: Meeting) -> tuple:
    """What a page that links to a meeting shows of it: its address, title and dates (fingerprint.Digests), the
    languages its title and its minutes' titles and action texts are marked with (`lang`), and whether it was
    held (the `meeting_link` macro says "(cancelled)" after the link)."""
    return (meeting.key, meeting.body, meeting.folder, meeting.date, meeting.title,
            meeting.action_log.as_at if meeting.action_log else None, meeting.language,
            meeting.minutes.language if meeting.minutes else "", meeting.status)


def resolve_due(due: Due | None, later: list[Meeting]) -> Due | None:
    """'next meeting' becomes a date once the archive knows the next meeting."""
    if due is None or due.date is not None:
        return due
    if due.text.strip().lower() in NEXT_MEETING and later:
        return Due(due.text, later[0].date)
    return due


def build_tracks(raised: dict[str, tuple[Action, Meeting, MinuteItem]],
                 history: dict[str, list[tuple[Meeting, ActionUpdate]]],
                 meetings_by_body: dict[str, list[Meeting]], memo: dict | None = None, stop=never
                 ) -> dict[str, Track]:
    """Every action's Track. With `memo` (the live preview's), an action whose inputs are the very same
    objects as at the last rebuild gets the very same Track back, so nothing downstream sees it as changed.
    `stop`: see interrupt.py; `memo` changes only once every track is made."""
    tracks: dict[str, Track] = {}
    dates = {slug: [m.date for m in meetings] for slug, meetings in meetings_by_body.items()}
    seen: dict[str, tuple] = {}

    def after(due: Due | None, meeting: Meeting) -> Due | None:  # "next meeting": the body's first after this one
        if due is None or due.date is not None:
            return due
        body_meetings = meetings_by_body.get(meeting.body, [])
        return resolve_due(due, body_meetings[bisect.bisect_right(dates.get(meeting.body, []), meeting.date):])
    for key, (action, meeting, item) in raised.items():
        check(stop)
        due = after(action.due, meeting)
        updates = tuple(history.get(key, ()))
        # a revision to "next meeting" in a meeting's log: its body's first meeting after that one
        revised = tuple(after(u.due, m) for m, u in updates)
        known = memo.get(key) if memo is not None else None
        if not (known is not None and known[0] is action and known[1] is meeting and known[2] is item
                and known[3] == due and _same_pairs(known[4], updates)
                and known[5] == revised):  # else the old entry: see memo.ByIdentity
            steps = sorted((Step(m, u if d is u.due else replace(u, due=d)) for (m, u), d in zip(updates, revised)),
                           key=lambda s: (s.as_at, s.meeting.key))
            known = (action, meeting, item, due, updates, revised, Track(
                key, action if due is action.due else replace(action, due=due), meeting, item, tuple(steps)))
        seen[key] = known
        tracks[key] = known[6]
    if memo is not None:
        memo.clear()
        memo.update(seen)
    return tracks


def _same_pairs(old: tuple, new: tuple) -> bool:
    return len(old) == len(new) and all(a is c and b is d for (a, b), (c, d) in zip(old, new))


def groups(tracks: list[Track], last_meeting: dt.date | None, today: dt.date) -> dict[str, list[Track]]:
    """What a tracker shows: open, overdue at the last meeting and today, closed."""
    open_ = [t for t in tracks if not t.closed]
    by_due = lambda t: (t.due.date if t.due and t.due.date else dt.date.max, t.key)  # noqa: E731
    return {
        "open": sorted(open_, key=by_due),
        "overdue_at_last_meeting": sorted((t for t in open_ if last_meeting and t.overdue_on(last_meeting)),
                                          key=by_due),
        "overdue_today": sorted((t for t in open_ if t.overdue(today)), key=by_due),
        "closed": sorted((t for t in tracks if t.closed), key=lambda t: (t.closed_step.as_at, t.key)),
    }
