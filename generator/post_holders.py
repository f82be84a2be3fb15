"""Actions owned by a post held at an organisation outside the body.

A post written where a person goes (`owner: Director of Finance`, as trusts'
action logs name owners) is the one person the people register gives it on
the meeting's day (schema.post_holder), whatever organisation they hold it in.
An archive keeps the people of several areas' bodies in one register: a joint
committee's "Director of Finance" was read as the only one the register had,
another area's CCG's, and published as the action's owner on the tracker and
on that person's page, without a word.
"""

from __future__ import annotations

from generator.diagnostics import Report
from generator.model import Body, Meeting
from generator.people import role_written
from generator.schema import is_chair
from generator.values import spoken_date


def _folded(organisation: str) -> str:
    return " ".join(organisation.lower().split())


def posts_held_elsewhere(meeting: Meeting, body: Body | None, people: dict, report: Report) -> None:
    """A warning for each action owner of `meeting` written as a post alone whose holder holds it at an
    organisation the body does not list among its `organisations:`, and is neither a member of the body nor
    recorded in the meeting's attendance (a district council's officer at a county board). A body that lists
    none, a post written with its organisation (`Director of Finance, NHS Leicester City CCG`) and the chair are
    not told. `people`: the register (Archive.people)."""
    if body is None or not body.organisations or meeting.minutes is None:
        return
    posted = [(action, owner) for item in meeting.minutes.items for action in item.actions
              for owner in action.owners if owner.post and owner.id is not None and not is_chair(owner.post)]
    if posted:  # few meetings have any: who the body and the meeting know is asked of those alone
        _told(meeting, body, posted, people, report)


def _told(meeting, body, posted: list, people: dict, report: Report) -> None:
    theirs = {_folded(name) for name in body.organisations}
    attendance = meeting.attendance
    known = {member.who.id for member in body.members} | {
        attendee.who.id for group in (attendance.present, attendance.in_attendance, attendance.apologies,
                                      attendance.deputising, attendance.absent) for attendee in group}
    for action, owner in posted:
        person = people.get(owner.id)
        role = role_written(person, owner.post, meeting.date) if person is not None and owner.id not in known \
            else None
        organisation = role and (role.organisation or person.organisation)
        if not organisation or _folded(organisation) in theirs:
            continue
        report.warning(action.source.path, action.source.line, f"the owner of action {action.number}, "
                       f"'{owner.post}', is read as {owner.name} ({owner.id}), the one person the people register "
                       f"gives that post on {spoken_date(meeting.date)}, but as {role.title} of {organisation}, "
                       f"which is not one of {body.short_name}'s organisations", "write the id of the person meant "
                       "(adding them to the people register, with the role, if they are not in it), or "
                       f"`{owner.post}, {organisation}` if it is {owner.name}")
