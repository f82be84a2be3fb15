"""Votes minuted under an item: a motion or amendment put to the vote, its outcome and numbers, and for a
recorded (named) vote how each member voted.

Councils minute "Upon being put to the vote the motion was carried (For 30, Against 12, Abstentions 2)", and a
recorded vote member by member; scrutiny and the public look up how a member voted. A vote's figures are
published as facts about the meeting, so one that cannot be true (more votes than members present, a member
counted twice or named who was not there, an outcome the figures do not give) is an error on its line, told
where the minutes are read: the meeting's attendance is loaded with them, and the live preview reloads both
on any save in the meeting's folder.
"""

from __future__ import annotations

from generator import schema as s
from generator.model import VOTE_SIDES, Attendance, PersonRef, Vote, tally
from generator.schema import Context, Field, Schema
from generator.values import Invalid
from generator.yamltext import LDict, LList, line_of


def _count(value, ctx: Context) -> int:
    written = s.text(value, ctx).strip()
    if not written.isdigit():
        raise Invalid(f"'{written}' is not a number of votes", "write it in figures, e.g. 12, or 0 for none")
    return int(written)


RECORDED = Schema("a recorded vote", *(Field(side, s.persons, default=()) for side, _ in VOTE_SIDES))
VOTE = Schema(
    "a vote",
    Field("motion", s.markdown, required=True, missing="add `motion: ...`, what was put to the vote, as minuted"),
    Field("outcome", s.choice("carried", "lost", hints={
        word: "write carried" for word in ("agreed", "passed", "approved", "accepted", "won")} | {
        word: "write lost" for word in ("defeated", "fell", "failed", "rejected", "not-carried", "negatived")}),
        required=True, missing="add `outcome: carried` or `outcome: lost`"),
    *(Field(side, _count) for side, _ in VOTE_SIDES),
    Field("casting_vote", s.choice("for", "against"), default=""),
    Field("majority", s.text, default=""),
    Field("recorded", lambda value, ctx: value),
)


def read(raw_votes, shown: str, ctx: Context, present: tuple | None) -> tuple[Vote, ...]:
    """The item's `votes:` (raw YAML), each checked in itself and against `present`, the meeting's attendance and
    chair (None: not known whole, as meeting.md has an error, and not checked against): `shown`, the item's
    number as messages give it."""
    entries = raw_votes if isinstance(raw_votes, list) else [raw_votes]
    out = []
    for index, raw in enumerate(entries):
        if raw is None:
            continue
        line = line_of(raw, raw_votes.line_of(index) if isinstance(raw_votes, LList) else line_of(raw_votes))
        fields = VOTE.read(raw, ctx, line)
        if fields is None:
            continue
        named = _named(fields["recorded"], ctx, line)
        if fields["motion"] is None or fields["outcome"] is None:
            continue  # reported: what is left cannot be checked or shown
        counts = tuple(fields[side] for side, _ in VOTE_SIDES)
        vote = Vote(fields["motion"], fields["outcome"], counts, named, fields["casting_vote"], fields["majority"])
        vote = _checked(vote, raw, line, shown, ctx, *(present or (Attendance(), ())))
        out.append(vote)
    return tuple(out)


def _named(recorded, ctx: Context, line: int) -> tuple:
    if recorded is None:
        return (), (), ()
    fields = RECORDED.read(recorded, ctx, line_of(recorded, line))
    if fields is None:
        return (), (), ()
    return tuple(fields[side] for side, _ in VOTE_SIDES)


# How messages say each way of voting: "named twice among those voting for", "among those abstaining"
_AS = {"for": "voting for", "against": "voting against", "abstained": "abstaining"}


def _key(who: PersonRef) -> str:
    return who.id or " ".join(who.name.lower().split())


def _where(raw, side: str, index: int, line: int) -> int:
    """The line of the `index`th name voting `side` in the recorded vote of `raw`."""
    recorded = raw.get("recorded") if isinstance(raw, dict) else None
    names = recorded.get(side) if isinstance(recorded, dict) else None
    if isinstance(names, LList):
        return line_of(names[index], names.line_of(index)) if index < len(names) else names.line
    return recorded.line_of(side) if isinstance(recorded, LDict) else line


def _checked(vote: Vote, raw, line: int, shown: str, ctx: Context, attendance: Attendance, chair: tuple) -> Vote:
    """The vote, its counts made of its names where a recorded vote gives names but no number; every
    contradiction in it, or with the attendance, reported."""
    at = (lambda key: raw.line_of(key)) if isinstance(raw, LDict) else (lambda key: line)
    error = lambda where, message, hint: ctx.report.error(ctx.path, where, message, hint)  # noqa: E731
    counts = list(vote.counts)
    reported = len(ctx.report.items)
    if vote.recorded:
        seen: dict[str, tuple[str, int]] = {}
        for position, ((side, _), names) in enumerate(zip(VOTE_SIDES, vote.named)):
            for index, who in enumerate(names):
                where = _where(raw, side, index, line)
                first = seen.get(_key(who))
                if first is None:
                    seen[_key(who)] = (side, where)
                elif first[0] == side:
                    error(where, f"{who.name} is named twice among those {_AS[side]} on minute {shown}"
                          + (f" (first on line {first[1]})" if first[1] != where else ""), "take one of them out")
                else:
                    error(where, f"{who.name} is named as {_AS[side]} on minute {shown}, and as {_AS[first[0]]} "
                          f"on line {first[1]}: a member has one vote", "keep the way they voted, and take the "
                          "other out")
            given = counts[position]
            if given is None:  # a recorded vote names every vote: its figures are the names
                counts[position] = len(names)
            elif given != len(names):
                error(at(side), f"`{side}: {given}` on minute {shown}, but the recorded vote names {len(names)} "
                      f"member{'' if len(names) == 1 else 's'} {_AS[side]}", f"write `{side}: {len(names)}`, or "
                      f"name every member {_AS[side]} under `recorded:`")
        _not_present(vote, raw, line, shown, ctx, attendance, chair)
    ayes, noes = counts[0], counts[1]
    outcome, casting = vote.outcome, vote.casting_vote
    if ayes is not None and noes is not None:
        said = tally(counts)
        if casting and ayes != noes:
            error(at("casting_vote"), f"minute {shown} gives the chair's casting vote, but the votes are not equal "
                  f"({said})", "take casting_vote out, as only equal votes have one, or correct the figures")
        elif casting and (casting == "for") != (outcome == "carried"):
            error(at("outcome"), f"the vote on minute {shown} is minuted as {outcome}, but the chair's casting vote "
                  f"was {casting}", f"write `outcome: {'carried' if casting == 'for' else 'lost'}`, or correct "
                  "casting_vote")
        elif not casting and ayes == noes and outcome == "carried":
            error(at("outcome"), f"the vote on minute {shown} is minuted as carried, but the votes are equal "
                  f"({said}): equal votes carry a motion only on the chair's casting vote",
                  "write `casting_vote: for` if the chair's casting vote carried it; else `outcome: lost`")
        elif ayes != noes and (ayes > noes) != (outcome == "carried") and not (vote.majority and ayes > noes):
            # more for than against and lost: only where standing orders required more than a simple majority
            error(at("outcome"), f"the vote on minute {shown} is minuted as {outcome}, but {said} "
                  f"{'carries' if ayes > noes else 'loses'} it", "correct the outcome or the figures" + (
                      "; if standing orders required more than a simple majority, say which, e.g. `majority: two "
                      "thirds of those voting`" if ayes > noes else ""))
    voting = _members_present(attendance, chair)
    total = sum(number for number in counts if number is not None)
    # a name counted twice or not present makes the figures too many: its own message says what to put right
    if voting and total > len(voting) and not ctx.report.errors_since(reported):
        error(line, f"the vote on minute {shown} counts {total} votes ({tally(counts)}), but the meeting's "
              f"attendance lists {len(voting)} member{'' if len(voting) == 1 else 's'} present who may vote",
              "correct the figures, or list the members missing under `present:` (or `deputising:`) in meeting.md")
    return Vote(vote.motion, vote.outcome, tuple(counts), vote.named, vote.casting_vote, vote.majority)


def _members_present(attendance: Attendance, chair: tuple) -> dict[str, PersonRef]:
    """Those who may vote: the members present, their substitutes and the chair; not those in attendance
    (officers, advisers), who do not vote."""
    return {_key(who): who for who in (*(a.who for a in attendance.present + attendance.deputising), *chair)}


_NOT_THERE = (("in_attendance", "in attendance, not as a member present"), ("apologies", "giving apologies"),
              ("absent", "absent"))


def _not_present(vote: Vote, raw, line: int, shown: str, ctx: Context, attendance: Attendance, chair: tuple) -> None:
    """Each member of the people register named in the recorded vote whom the attendance does not list as
    present, where it lists anyone: a vote published for someone the minutes say was not there. A name in free
    text is not checked, as it cannot be matched for sure (`Cllr Turner` in attendance, `Frank Turner` here)."""
    voting = _members_present(attendance, chair)
    if not voting:
        return
    listed = {_key(a.who): said for field, said in _NOT_THERE for a in getattr(attendance, field)}
    for side, names in zip((side for side, _ in VOTE_SIDES), vote.named):
        for index, who in enumerate(names):
            if not who.id or _key(who) in voting:
                continue
            where = _where(raw, side, index, line)
            said = listed.get(_key(who))
            ctx.report.error(ctx.path, where, f"{who.name} is named as {_AS[side]} on minute {shown}, but the "
                             + (f"meeting's attendance lists them as {said}" if said else
                                "meeting's attendance does not list them as present"),
                             "correct the name, or the attendance in meeting.md" if said else
                             "add them to `present:` (or `deputising:`) in meeting.md, or correct the name")
