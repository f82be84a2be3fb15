"""Stage 3b, resolve: the lookups every page needs, built once in linear time.

Pages ask "which meeting holds CCBP/19/70?", "what happened to this action?",
"which meetings did this person attend?"; answering from dictionaries built
here keeps rendering free of searches over the whole archive.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from generator import callins
from generator.actions import NEXT_MEETING, Track, build_tracks, named
from generator.interrupt import check, never
from generator.memo import ByIdentity
from generator.model import (VOTE_SIDES, Action, ActionUpdate, Archive, Body, Meeting, MinuteItem, PersonRef,
                             all_agenda_items, archive_order)


def action_key(written: str, default_body: str) -> str:
    """`ccb:CCBP/18/49#1` stays; `CCBP/18/49#1` is taken in the meeting's own body."""
    written = written.strip()
    if ":" in written.split("/")[0]:
        return written
    return f"{default_body}:{written}"


@dataclass(frozen=True)
class Appearance:
    meeting: Meeting
    # present, in_attendance, apologies, deputising, absent, minutes, chair, co-chair; chaired, declared and
    # VOTE_ROLES (detail: the item)
    role: str
    detail: str = ""
    interest_type: str = ""  # of an interest declared, where the minutes give it: their feed says which

    def __digest__(self) -> tuple:
        """What a person's page and feed show of the meeting (fingerprint.Digests): a link, its title and date."""
        return named(self.meeting), self.role, self.detail, self.interest_type


@dataclass
class Index:
    archive: Archive
    by_body: dict[str, list[Meeting]] = field(default_factory=dict)
    by_year: dict[int, list[Meeting]] = field(default_factory=dict)
    by_key: dict[str, Meeting] = field(default_factory=dict)
    items: dict[tuple[str, str], tuple[Meeting, MinuteItem]] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    history: dict[str, list[tuple[Meeting, ActionUpdate]]] = field(default_factory=dict)
    tracks: dict[str, Track] = field(default_factory=dict)
    appearances: dict[str, list[Appearance]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)  # meeting key -> place in its body's list
    backlinks: dict[str, tuple] = field(default_factory=dict)  # filled by backlinks.scan
    moved: tuple[tuple[str, str], ...] = ()  # (old address, page it is now): filled by moved.check
    # (body, slug of the minute number first published) -> (body, the number now), from moved.yaml (moved.check)
    renumbered: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    replaced: dict[str, tuple[Meeting, ...]] = field(default_factory=dict)  # meeting key -> meetings rearranged to it
    continued: dict[str, Meeting] = field(default_factory=dict)  # meeting key -> the meeting adjourned to it
    # (body, minute) -> (meeting, item) of each published call-in naming it (callins.called_in)
    called_in: dict[tuple[str, str], tuple[tuple[Meeting, MinuteItem], ...]] = field(default_factory=dict)

    def body(self, slug: str) -> Body:
        return self.archive.bodies[slug]

    def item_key(self, meeting: Meeting, ref: str) -> tuple[str, str]:
        if self.body(meeting.body).numbering.per_meeting:
            return (meeting.body, f"{meeting.folder}/{ref}")
        return (meeting.body, ref)

    def previous(self, meeting: Meeting) -> Meeting | None:
        at = self.position[meeting.key]
        return self.by_body[meeting.body][at - 1] if at > 0 else None

    def next(self, meeting: Meeting) -> Meeting | None:
        meetings = self.by_body[meeting.body]
        at = self.position[meeting.key]
        return meetings[at + 1] if at + 1 < len(meetings) else None

    def instead(self, meeting: Meeting) -> Meeting | None:
        """The meeting arranged in place of one that did not take place (`rearranged_to`), if it is published: a
        private one is not, and no page or file names it."""
        return self.by_key.get(meeting.rearranged_to) if meeting.rearranged_to else None

    def replaces(self, meeting: Meeting) -> tuple[Meeting, ...]:
        """The published meetings that did not take place whose `rearranged_to` is this one: a reader who
        arrives at the meeting held learns which it was arranged in place of."""
        return self.replaced.get(meeting.key, ())

    def reconvened(self, meeting: Meeting) -> Meeting | None:
        """The sitting at which a meeting adjourned part-way reconvened (`adjourned_to`), if it is published."""
        return self.by_key.get(meeting.adjourned_to) if meeting.adjourned_to else None

    def sittings(self, meeting: Meeting) -> tuple[Meeting, ...]:
        """The later sittings of a meeting adjourned more than once, in turn: the one it reconvened at, the one that
        sitting adjourned to, and on, as far as they are published. An item not reached at the first may have been
        taken at any of them. A chain that comes back to a sitting met already ends there: validation reports the
        `adjourned_to` not after its meeting that makes it, but the preview renders what it has."""
        found: list[Meeting] = []
        seen = {meeting.key}
        later = self.reconvened(meeting)
        while later is not None and later.key not in seen:
            found.append(later)
            seen.add(later.key)
            later = self.reconvened(later)
        return tuple(found)

    def continues(self, meeting: Meeting) -> Meeting | None:
        """The published meeting whose reconvened sitting this is: its `adjourned_to` names this one, which the
        clerk does not write again (validate._reconvened_twice: one at most)."""
        return self.continued.get(meeting.key)


def _replaced(meetings) -> dict[str, tuple[Meeting, ...]]:
    """Index.replaced: the key each meeting is rearranged to -> those meetings, in archive order."""
    found: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.rearranged_to:
            found.setdefault(meeting.rearranged_to, []).append(meeting)
    return {key: tuple(called_off) for key, called_off in found.items()}


def _continued(meetings) -> dict[str, Meeting]:
    """Index.continued: the key each meeting is adjourned to -> that meeting."""
    return {meeting.adjourned_to: meeting for meeting in meetings if meeting.adjourned_to}


def _items(index: Index, meeting: Meeting) -> tuple:
    """(Index.items key, (meeting, item)) of each of the meeting's minute items."""
    return tuple((index.item_key(meeting, item.ref), (meeting, item))
                 for item in (meeting.minutes.items if meeting.minutes else ()))


# What each kind of appearance says of a person, on their page and in their feed
ROLES = {"chair": "Chair", "co-chair": "Co-chair", "chaired": "Chaired item", "present": "Present",
         "in_attendance": "In attendance", "apologies": "Apologies", "deputising": "Deputising", "absent": "Absent",
         "minutes": "Took the minutes", "joined": "Joined during item",
         "left": "Left during item", "presented": "Presented item", "led": "Lead responsible for item",
         "declared": "Declared an interest", "voted-for": "Voted for", "voted-against": "Voted against",
         "voted-abstained": "Abstained", "moved": "Moved a motion", "seconded": "Seconded a motion"}
# How a vote names a person (their detail: the item), which their page lists apart from the meetings: how they voted
# in a recorded vote, and moving or seconding a motion or amendment
VOTE_ROLES = ("voted-for", "voted-against", "voted-abstained", "moved", "seconded")
# What a paper names a person as: their page lists the paper apart from the meetings they attended
PAPER_ROLES = {"author": "Author", "contributor": "Contributor", "sponsor": "Sponsor", "paper-presenter": "Presenter"}
_NOT_AT_THE_MEETING = frozenset(("declared", *PAPER_ROLES, *VOTE_ROLES))


def at_the_meeting(appearance: Appearance) -> bool:
    """Whether the appearance records the person at the meeting, as a person's list of meetings and the people
    page's count give them: not an interest declared or a vote (they are recorded present besides), nor a paper."""
    return appearance.role not in _NOT_AT_THE_MEETING


_OF_AN_ITEM = ("joined", "left", "presented", "led", "chaired")  # their detail is an item's number: no brackets


def recorded_as(appearance: Appearance) -> str:
    """"Present (Director of Finance)", "Presented item CCBP/18/50", "Joined during item 5", "Declared an interest
    (CCBP/18/49, Financial interest)"."""
    label = ROLES.get(appearance.role, appearance.role)
    if appearance.interest_type:
        return f"{label} ({appearance.detail}, {appearance.interest_type})"
    if not appearance.detail:
        return label
    return f"{label} {appearance.detail}" if appearance.role in _OF_AN_ITEM else f"{label} ({appearance.detail})"


def _with_items(attendee) -> str:
    """"Head of Finance; for item CCBP/18/49": the role in which someone attended, and the items they attended
    for, as the meeting's page gives them."""
    items = ", ".join(attendee.for_items)
    items = f"for item{'s' if len(attendee.for_items) > 1 else ''} {items}" if items else ""
    return "; ".join(part for part in (attendee.role, items) if part)


def appearances_of(meeting: Meeting) -> list[tuple[str, Appearance]]:
    """(person id, appearance) of everyone the meeting records by id, in the order pages list them: who
    attended or sent apologies, who joined or left during an item, presented one on the agenda or led one in
    the minutes (an officer who came for one item is often recorded only so), who took the chair for one, who
    declared an interest, who wrote, contributed to, sponsored or presented one of its papers, how each member
    voted in a recorded vote."""
    made = []

    def attend(who: PersonRef, role: str, detail: str = "", interest_type: str = "") -> None:
        if who.id:
            made.append((who.id, Appearance(meeting, role, detail, interest_type)))

    att = meeting.attendance
    for who in meeting.chair:
        attend(who, meeting.chair_role)
    for role in ("present", "in_attendance", "apologies", "deputising", "absent"):
        for attendee in getattr(att, role):
            attend(attendee.who, role, _with_items(attendee))
    for attendee in att.minute_taker:
        attend(attendee.who, "minutes", attendee.role)
    for movement in att.movements:
        attend(movement.who, movement.event, movement.item)
    for agenda_item in all_agenda_items(meeting.agenda):
        for who in agenda_item.presenter:
            attend(who, "presented", agenda_item.number)
    for item in meeting.minutes.items if meeting.minutes else ():
        for who in item.leads:
            attend(who, "led", item.number)
    for item in meeting.minutes.items if meeting.minutes else ():
        if item.chair is not None:
            attend(item.chair, "chaired", item.number)
    for paper in meeting.papers:
        named = set()
        for role, people in (("author", paper.authors), ("contributor", paper.contributors),
                             ("sponsor", paper.sponsor), ("paper-presenter", paper.presenter)):
            for who in people:
                if (who.id, role) not in named:
                    named.add((who.id, role))
                    attend(who, role, paper.ref)
    for item in meeting.minutes.items if meeting.minutes else ():
        for declaration in item.declarations:
            attend(declaration.who, "declared", item.number, declaration.type)
    for item in meeting.minutes.items if meeting.minutes else ():
        voted = set()  # an amendment and the motion: "Voted for (TB/19/13)" once
        for vote in item.votes:
            for role, who in (("moved", vote.moved_by), ("seconded", vote.seconded_by)):
                if who is not None and (who.id, role) not in voted:
                    voted.add((who.id, role))
                    attend(who, role, item.number)
            for (side, _), names in zip(VOTE_SIDES, vote.named):
                for who in names:
                    if (who.id, side) not in voted:
                        voted.add((who.id, side))
                        attend(who, f"voted-{side}", item.number)
    return made


def resolve(archive: Archive, tracks_memo: dict | None = None, per_meeting: ByIdentity | None = None,
            stop=never) -> Index:
    """`tracks_memo`: see actions.build_tracks; `per_meeting` keeps what is made from each meeting alone (its
    Appearances, the actions it raises and updates) while the meeting is the very same object (the live
    preview keeps both), so a person's list, say, is made of the very same objects while their meetings
    are unchanged. `stop`: see interrupt.py."""
    index = Index(archive)
    by_body, by_year = defaultdict(list), defaultdict(list)
    calls: list[tuple[Meeting, tuple]] = []  # each meeting's items that call in a decision
    for meeting in archive.meetings:  # already in date order
        check(stop)
        index.position[meeting.key] = len(by_body[meeting.body])
        by_body[meeting.body].append(meeting)
        by_year[meeting.date.year].append(meeting)
        index.by_key[meeting.key] = meeting
        made = appearances_of(meeting) if per_meeting is None else \
            per_meeting.get("appearances", (meeting,), lambda m=meeting: appearances_of(m))
        for person, appearance in made:
            index.appearances.setdefault(person, []).append(appearance)
        index.items.update(_items(index, meeting) if per_meeting is None else per_meeting.get(
            "items", (meeting, index.body(meeting.body)), lambda m=meeting: _items(index, m)))
        calling = callins.calling(meeting) if per_meeting is None else \
            per_meeting.get("calls", (meeting,), lambda m=meeting: callins.calling(m))
        if calling:
            calls.append((meeting, calling))
    index.by_body = {slug: by_body.get(slug, []) for slug in sorted(archive.bodies)}
    index.by_year = dict(sorted(by_year.items()))
    index.called_in = callins.called_in(calls, archive.bodies)
    index.replaced = _replaced(archive.meetings)
    index.continued = _continued(archive.meetings)
    index.tracks, index.history = action_tracks(archive, index.by_body, tracks_memo, per_meeting, stop)
    index.actions = {key: track.action for key, track in index.tracks.items()}
    if per_meeting is not None:
        per_meeting.round()
    return index


def with_meeting(index: Index, old: Meeting, new: Meeting) -> Index | None:
    """resolve() of the same archive with `old` replaced by `new`, made from `index` in milliseconds rather than
    a pass over the whole archive: the live preview's fast path (quick.py) renders an edited meeting's own
    pages from it while the full rebuild is still to come. None when the edit moves the meeting's pages
    (another key or body, or a date in another year) or puts it on the day of another of its body's
    meetings, or when its minute numbers or actions clash with other meetings' (validate reports that): a
    number or action id another meeting has, or an action removed that another meeting's log updates; and
    when it changes what another meeting's pages show of a call-in (callins.view: the scrutiny item's outcome,
    the called-in minute's title, either meeting's date), which the full rebuild redraws.
    Backlinks are left as they were (backlinks.with_meeting patches them)."""
    if (new.key, new.body) != (old.key, old.body) or new.date.year != old.date.year or \
            (new.date != old.date and any(m.date == new.date for m in index.by_body[old.body] if m is not old)):
        return None
    if callins.view(index, old) != callins.view(index, new):  # the other meeting's pages show it
        return None
    meetings = list(index.archive.meetings)
    at = bisect.bisect_left(meetings, archive_order(old), key=archive_order)
    if at == len(meetings) or meetings[at] is not old:
        return None
    if new.date == old.date:
        meetings[at] = new
    else:  # a new date: its place among the archive's meetings, and its body's, found again
        del meetings[at]
        meetings.insert(bisect.bisect_left(meetings, archive_order(new), key=archive_order), new)
    raised_old, logged_old = _actions_of(old)
    raised_new, logged_new = _actions_of(new)
    removed = {key for key, _ in raised_old} - {key for key, _ in raised_new}
    if len(dict(raised_new)) != len(raised_new) or \
            any(index.tracks[key].raised is not old for key, _ in raised_new if key in index.tracks) or \
            any(step[0] is not old for key in removed for step in index.history.get(key, ())):
        return None
    items = dict(index.items)
    numbered = {index.item_key(new, item.ref): item for item in (new.minutes.items if new.minutes else ())}
    if len(numbered) != len(new.minutes.items if new.minutes else ()):  # a number twice
        return None
    for item in old.minutes.items if old.minutes else ():
        if index.item_key(old, item.ref) not in numbered:
            del items[index.item_key(old, item.ref)]
    for key, item in numbered.items():
        if key in items and items[key][0] is not old:  # another meeting's number
            return None
        items[key] = (new, item)
    swap = lambda meetings: [new if m is old else m for m in meetings]  # noqa: E731

    def placed(meetings: list[Meeting]) -> list[Meeting]:  # a list in archive order (a year's, the body's)
        if new.date == old.date:
            return swap(meetings)
        kept = [m for m in meetings if m is not old]
        kept.insert(bisect.bisect_left(kept, archive_order(new), key=archive_order), new)
        return kept
    appearances = dict(index.appearances)
    made: dict[str, list[Appearance]] = {}
    for person, appearance in appearances_of(new):
        made.setdefault(person, []).append(appearance)
    place = archive_order(new)
    for person in {person for person, _ in appearances_of(old)} | made.keys():
        kept = [a for a in appearances.pop(person, ()) if a.meeting is not old]
        # The rest are in archive order (resolve lists them so, and so does this): the new meeting's go after
        # those that sort before or with it, where sorting the list again, stable, put them. Sorting asked every
        # appearance of each of the meeting's people for its meeting's order (a regular attends most meetings).
        at = bisect.bisect_right(kept, place, key=lambda a: archive_order(a.meeting))
        kept[at:at] = made.get(person, [])
        if kept:  # resolve lists only people who appear
            appearances[person] = kept
    by_body = {slug: placed(ms) if slug == new.body else ms for slug, ms in index.by_body.items()}
    position = index.position
    logged = {key for key, _ in logged_old} | {key for key, _ in logged_new}
    if new.date != old.date:
        position = {**position, **{m.key: n for n, m in enumerate(by_body[new.body])}}
        # the actions raised due at "the next meeting" by the body's meeting before it, then and now
        now = position[new.key]
        before = {id(index.previous(old)), id(by_body[new.body][now - 1] if now else None)}
        logged |= {key for key, track in index.tracks.items() if id(track.raised) in before and track.action.due
                   and track.action.due.text.strip().lower() in NEXT_MEETING}
        # and those whose due date their logs revised to "the next meeting"
        logged |= {key for key, track in index.tracks.items() if any(
            id(step.meeting) in before and step.update.due and step.update.due.text.strip().lower() in NEXT_MEETING
            for step in track.steps)}
    affected = dict(raised_new)  # key -> (action, meeting, item): what build_tracks makes a track from
    for key in sorted(logged - affected.keys() - removed):
        track = index.tracks.get(key)
        if track is not None:  # an unknown action has no history (see action_tracks)
            action = next(a for a in track.item.actions if f"{track.raised.body}:{a.id}" == key)
            affected[key] = (action, track.raised, track.item)
    history = dict(index.history)
    for key in removed:
        history.pop(key, None)
    for key in affected:
        steps = [s for s in history.pop(key, ()) if s[0] is not old] + [s for k, s in logged_new if k == key]
        if steps:
            history[key] = sorted(steps, key=lambda s: archive_order(s[0]))  # stable: the log's own order
    made_tracks = build_tracks(affected, history, by_body)
    if [key for key, _ in raised_new] == [key for key, _ in raised_old] and new.date == old.date:  # all in place
        tracks = {**index.tracks, **made_tracks}
        actions = {**index.actions, **{key: track.action for key, track in made_tracks.items()}}
    else:
        tracks = _in_resolve_order(index.tracks, old, new, [key for key, _ in raised_new], made_tracks)
        actions = {key: track.action for key, track in tracks.items()}
    return dataclasses.replace(
        index, archive=dataclasses.replace(index.archive, meetings=tuple(meetings)), by_body=by_body, position=position,
        by_year={year: placed(ms) if year == new.date.year else ms for year, ms in index.by_year.items()},
        by_key={**index.by_key, new.key: new}, items=items, appearances=appearances, history=history, tracks=tracks,
        actions=actions, replaced=_replaced(meetings) if old.rearranged_to or new.rearranged_to else index.replaced,
        continued=_continued(meetings) if old.adjourned_to or new.adjourned_to else index.continued,
        called_in=callins.replaced(index.called_in, old, new))


def _in_resolve_order(tracks: dict[str, Track], old: Meeting, new: Meeting, raised: list[str],
                      made: dict[str, Track]) -> dict[str, Track]:
    """`tracks` with those `old` raised replaced by the `raised` keys' tracks of its new version, and the others
    `made` anew replaced, in the order resolve makes them: by the raising meeting's place in the archive, then
    the order the meeting raises them. Pages list a body's or a person's actions in that order (pages.sections),
    so an action added or removed must not move to the end, as updating the dict would put it."""
    place = archive_order(new)
    ordered: dict[str, Track] = {}
    pending, raiser = True, None
    for key, track in tracks.items():
        if track.raised is old:
            continue
        if pending and track.raised is not raiser:
            raiser = track.raised
            if archive_order(raiser) > place:
                ordered.update((k, made[k]) for k in raised)
                pending = False
        ordered[key] = made.get(key, track)
    if pending:
        ordered.update((k, made[k]) for k in raised)
    return ordered


def entries_of(meeting: Meeting) -> tuple:
    """The meeting's minute numbers and the actions it raises, in order: its own entries in an Index, which
    references anywhere may reach."""
    items = meeting.minutes.items if meeting.minutes else ()
    return tuple(item.ref for item in items), tuple(action.id for item in items for action in item.actions)


def meetings_by_body(archive: Archive) -> dict[str, list[Meeting]]:
    """Each body's meetings in date order (Index.by_body, without the rest of an Index)."""
    found: dict[str, list[Meeting]] = {slug: [] for slug in sorted(archive.bodies)}
    for meeting in archive.meetings:
        if meeting.body in found:
            found[meeting.body].append(meeting)
    return found


def action_tracks(archive: Archive, meetings_by_body: dict[str, list[Meeting]], tracks_memo: dict | None = None,
                  per_meeting: ByIdentity | None = None, stop=never
                  ) -> tuple[dict[str, Track], dict[str, list[tuple[Meeting, ActionUpdate]]]]:
    """Every action's Track, and the updates logged for it; validate needs these and nothing else of an Index.
    `per_meeting`: see resolve (the caller ends its round)."""
    raised: dict[str, tuple[Action, Meeting, MinuteItem]] = {}
    logged: list[tuple] = []
    for meeting in archive.meetings:
        check(stop)
        found = _actions_of(meeting) if per_meeting is None else \
            per_meeting.get("actions", (meeting,), lambda m=meeting: _actions_of(m))
        raised.update(found[0])
        logged.append(found[1])
    history: dict[str, list[tuple[Meeting, ActionUpdate]]] = {}
    for updates in logged:
        for key, step in updates:
            if key in raised:  # an unknown action is reported by validate, which sees the unredacted archive
                history.setdefault(key, []).append(step)
    return build_tracks(raised, history, meetings_by_body, tracks_memo, stop), history


def _actions_of(meeting: Meeting) -> tuple[tuple, tuple]:
    """(key, (action, meeting, item)) of each action the meeting raises, and (key, (meeting, update)) of each
    update its action log gives."""
    raised = tuple((f"{meeting.body}:{action.id}", (action, meeting, item))
                   for item in (meeting.minutes.items if meeting.minutes else ()) for action in item.actions)
    updates = tuple((action_key(update.action, meeting.body), (meeting, update))
                    for update in (meeting.action_log.updates if meeting.action_log else ()))
    return raised, updates
