"""Votes minuted under an item: a motion or amendment put to the vote, its outcome and numbers, and for a
recorded (named) vote how each member voted.

Councils minute "Upon being put to the vote the motion was carried (For 30, Against 12, Abstentions 2)", and a
recorded vote member by member; scrutiny and the public look up how a member voted. A vote's figures are
published as facts about the meeting, so one that cannot be true (more votes than members present, a member
counted twice or named who was not there, an outcome the figures do not give) is an error on its line, told
where the minutes are read: the meeting's attendance is loaded with them, and the live preview reloads both
on any save in the meeting's folder. Who was there is known item by item where the attendance's movements
place a member's leaving or joining; a member whose declaration of interest at the item says they took no
part in the vote, yet named in it, is a warning, as the declaration's action is free text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator import schema as s
from generator.diagnostics import did_you_mean, listed, shortened
from generator.model import VOTE_KINDS, VOTE_SIDES, Attendance, Declaration, Movement, PersonRef, Vote, tally
from generator.numbering import unpadded
from generator.schema import Context, Field, Schema
from generator.values import Invalid
from generator.yamltext import LDict, LList, line_of


def _count(value, ctx: Context) -> int:
    written = s.text(value, ctx).strip()
    if not written.isdigit():
        raise Invalid(f"'{written}' is not a number of votes", "write it in figures, e.g. 12, or 0 for none")
    return int(written)


# Words minutes use for what was put that are none of VOTE_KINDS, and the one each is, where the nearest spelling
# would mislead ('amended motion' is nearest 'amendment', but is the motion as amended)
_KIND_HINTS = {
    **{word: "write motion" for word in ("original motion", "main motion", "motion on notice", "notice of motion")},
    **{word: "write substantive motion: the motion as amended" for word in ("amended motion", "motion as amended")}}


def _kind(value, ctx: Context) -> str:
    written = s.text(value, ctx).strip()
    word = " ".join(written.lower().replace("-", " ").replace("_", " ").split())
    if word in VOTE_KINDS:
        return word
    raise Invalid(f"'{written}' is not one of: {', '.join(VOTE_KINDS)}", _KIND_HINTS.get(word) or did_you_mean(
        word, VOTE_KINDS, list_known=False) or "write one of them, or take kind out where the minutes do not say")


def _one(value, ctx: Context, who: str, doing: str) -> PersonRef:
    """The one person who moved, or seconded, what was put: a list of several is no motion's mover."""
    if isinstance(value, list) and len(value) != 1:
        raise Invalid(f"a vote has one {who}, but this names {len(value)}", f"write the member the minutes give as "
                      f"{doing} it, alone")
    return s.person(value[0] if isinstance(value, list) else value, ctx)


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
    Field("kind", _kind, default=""),
    Field("amends", s.markdown, default=""),
    Field("moved_by", lambda value, ctx: _one(value, ctx, "mover", "moving")),
    Field("seconded_by", lambda value, ctx: _one(value, ctx, "seconder", "seconding")),
)


def read(raw_votes, shown: str, ctx: Context, present: tuple | None, ref: str = "",
         declared: tuple[tuple[Declaration, int, str | None], ...] = (), left: tuple = ()) -> tuple[Vote, ...]:
    """The item's `votes:` (raw YAML), each checked in itself and against `present`, the meeting's attendance and
    chair, and the numbers of its minutes' items in the order minuted (None: not known whole, as meeting.md has
    an error, and not checked against): `ref`, the item's number, `shown`, as messages give it; `declared`, the
    declarations of interest for the item, each with the line of its action and the number of the standing item it
    was made at, naming this one (None: made at this one); `left`, those of them whose action says the member left
    the room for it (chairs.left_the_room)."""
    attendance, chair, order = present or (Attendance(), (), ())
    away = _away(attendance.movements, order, ref)
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
        kind = fields["kind"] or ("amendment" if fields["amends"] else "")
        vote = Vote(fields["motion"], fields["outcome"], counts, named, fields["casting_vote"], fields["majority"],
                    kind, fields["amends"], fields["moved_by"], fields["seconded_by"])
        vote = _checked(vote, raw, line, shown, ctx, attendance, chair, away, declared, left)
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


def _checked(vote: Vote, raw, line: int, shown: str, ctx: Context, attendance: Attendance, chair: tuple,
             away: dict[str, Movement], declared: tuple, left: tuple = ()) -> Vote:
    """The vote, its counts made of its names where a recorded vote gives names but no number; every
    contradiction in it, or with the attendance and `away` (_away), reported; a name `declared` says took no
    part in the vote, and figures more than the members there less those `left` says left the room, warned of."""
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
    what = vote.kind or "motion"
    if vote.moved_by and vote.seconded_by and _key(vote.moved_by) == _key(vote.seconded_by):
        error(at("seconded_by"), f"{vote.seconded_by.name} is named as both moving and seconding the {what} on "
              f"minute {shown}: a seconder is a member other than the mover", "correct `moved_by:` or "
              "`seconded_by:`")
    if vote.amends and vote.kind != "amendment":
        error(at("amends"), f"the {what} on minute {shown} says what it amends, but only an amendment amends",
              "write `kind: amendment`, or take `amends:` out")
    named = _named_in(vote, raw, line)
    told = _not_present(named, shown, ctx, attendance, chair, away)
    _declared_out(named, shown, ctx, declared, told)
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
    gone = [(key, move) for key, move in away.items() if key in voting]
    there = len(voting) - len(gone)
    total = sum(number for number in counts if number is not None)
    # a name counted twice or not present makes the figures too many: its own message says what to put right
    if voting and total > there and not ctx.report.errors_since(reported):
        if gone:
            named = [[voting[key].name for key, move in gone if move.event == event] for event in ("left", "joined")]
            said = " and ".join(f"{listed(names)} {what}" for names, what in zip(named, ("left before it",
                                                                                       "joined after it")) if names)
            error(line, f"the vote on minute {shown} counts {total} votes ({tally(counts)}), but {there} member"
                  f"{' was' if there == 1 else 's were'} present for it who may vote: the meeting's attendance lists "
                  f"{len(voting)}, of whom {said}", "correct the figures, or the movements in meeting.md"
                  if total <= len(voting) else "correct the figures, or the attendance in meeting.md")
        else:
            error(line, f"the vote on minute {shown} counts {total} votes ({tally(counts)}), but the meeting's "
                  f"attendance lists {len(voting)} member{'' if len(voting) == 1 else 's'} present who may vote",
                  "correct the figures, or list the members missing under `present:` (or `deputising:`) in "
                  "meeting.md")
    elif voting and len(ctx.report.items) == reported:
        _left_the_room(total, counts, line, shown, ctx, voting, gone, left)
    return replace(vote, counts=tuple(counts))


def _left_the_room(total: int, counts: list, line: int, shown: str, ctx: Context, voting: dict, gone: list,
                   left: tuple) -> None:
    """A warning where the vote's figures count more votes than the members there for it (`voting`, less those
    `gone` by their movements), less those whose declaration of interest says they left the room for it (`left`,
    as read() has them): a vote by figures alone names no one for the declaration to be checked against, and only
    the action's free text says they were out, so it is no error."""
    away = {key for key, _ in gone}
    out: dict[str, tuple] = {}
    for declaration, at, made_at in left:
        key = _key(declaration.who)
        if key in voting and key not in away:
            out.setdefault(key, (voting[key], at, made_at))
    there = len(voting) - len(away) - len(out)
    if not out or total <= there:
        return
    named = listed([f"{who.name} (line {at})" if made_at is None else f"{who.name} (at minute {made_at}, line {at})"
                    for who, at, made_at in out.values()])
    said = [f"{listed([voting[key].name for key, move in gone if move.event == event])} {what}"
            for event, what in (("left", "left before it"), ("joined", "joined after it"))
            if any(move.event == event for _, move in gone)]
    said.append(f"{named} declared an interest and left the room for it")
    they = "they" if len(out) > 1 else next(iter(out.values()))[0].name
    ctx.report.warning(ctx.path, line, f"the vote on minute {shown} counts {total} votes ({tally(counts)}), but "
                       f"{there} member{' was' if there == 1 else 's were'} present for it who may vote: the "
                       f"meeting's attendance lists {len(voting)}, of whom {listed(said)}",
                       f"correct the figures; if {they} came back for the vote, say so in the declaration's action "
                       "('... and returned for the vote')")


def _members_present(attendance: Attendance, chair: tuple) -> dict[str, PersonRef]:
    """Those who may vote: the members present, their substitutes and the chair; not those in attendance
    (officers, advisers), who do not vote. None where the attendance lists no member present: a meeting that
    records its `chair:` alone says nothing of who else was there, and the chair taken for everyone present made
    every other member a vote names "not listed as present"."""
    present = attendance.present + attendance.deputising
    return {_key(who): who for who in (*(a.who for a in present), *chair)} if present else {}


_NOT_THERE = (("in_attendance", "in attendance, not as a member present"), ("apologies", "giving apologies"),
              ("absent", "absent"))


def _named_in(vote: Vote, raw, line: int) -> list[tuple[PersonRef, int, str, str]]:
    """(who, the line naming them, what they are named as doing, the field naming them: "" for the recorded vote)
    of each member the vote names: its mover and seconder, then the recorded vote's names."""
    at = (lambda key: raw.line_of(key)) if isinstance(raw, LDict) else (lambda key: line)
    what = vote.kind or "motion"
    named = [(who, at(field), f"{doing} the {what}", field) for who, doing, field in (
        (vote.moved_by, "moving", "moved_by"), (vote.seconded_by, "seconding", "seconded_by")) if who is not None]
    return named + [(who, _where(raw, side, index, line), _AS[side], "")
                    for (side, _), names in zip(VOTE_SIDES, vote.named) for index, who in enumerate(names)]


def _not_present(named: list, shown: str, ctx: Context, attendance: Attendance, chair: tuple,
                 away: dict[str, Movement], what: str = "the vote") -> set[str]:
    """Each member of the people register `named` (_named_in) in the vote, as its mover, seconder or in the
    recorded vote, whom the attendance does not list as
    present, where it lists anyone, or whose movements have them gone before the item or come only after it
    (`away`): a vote published for someone the minutes say was not there. A name in free text is not checked
    against the lists, as it cannot be matched for sure (`Cllr Turner` in attendance, `Frank Turner` here); one
    that movements name as written is. The keys of those told of. `what`: what they were to be there for, as
    the advice on a movement names it."""
    voting = _members_present(attendance, chair)
    told: set[str] = set()
    if not voting:
        return told
    listed_as = {_key(a.who): said for field, said in _NOT_THERE for a in getattr(attendance, field)}
    meeting = ctx.report._rel(Path(ctx.path).with_name("meeting.md"))
    for who, where, doing, _ in named:
        key = _key(who)
        move = away.get(key) if key in voting else None
        if move is None and (not who.id or key in voting):
            continue
        told.add(key)
        said = f"{who.name} is named as {doing} on minute {shown}, but the meeting's attendance"
        if move is not None and move.event == "left":
            ctx.report.error(ctx.path, where, f"{said} says they left during item {move.item}, before it",
                             f"correct the name, or their movement ({meeting}:{move.line}); if they came back "
                             f"before {what}, add that under `movements:` (`event: joined`, and the item)")
        elif move is not None:
            ctx.report.error(ctx.path, where, f"{said} says they joined during item {move.item}, after it",
                             f"correct the name, or their movement ({meeting}:{move.line})")
        else:
            where_listed = listed_as.get(key)
            ctx.report.error(ctx.path, where, f"{said} " + (f"lists them as {where_listed}" if where_listed else
                                                            "does not list them as present"),
                             "correct the name, or the attendance in meeting.md" if where_listed else
                             "add them to `present:` (or `deputising:`) in meeting.md, or correct the name")
    return told


def _placed(ref: str) -> str:
    """An item's number as movements and minutes are matched by: `5.` and `05` are minute 5."""
    return unpadded(ref.strip().rstrip("."))


def _away(movements: tuple[Movement, ...], order: tuple[str, ...], ref: str) -> dict[str, Movement]:
    """person key -> the movement that has them out of the meeting for the whole of minute `ref`: the last before
    it, where that is their leaving, or the first after it, where that is their joining (a member who left
    during item 5 and joined again during item 7 was there for item 8). `order`: the minutes' items' numbers, as
    minuted, which is when they were taken. Where the minutes do not place each of a person's movements (one
    without `item:`, or with one the minutes do not have), or one is during this item, whether they were there
    for its votes is not known, and they are not counted away."""
    if not movements or not ref:
        return {}
    position: dict[str, int] = {}
    for n, number in enumerate(order):
        position.setdefault(_placed(number), n)
    here = position.get(_placed(ref))
    if here is None:
        return {}
    by_person: dict[str, list] = {}
    for move in movements:
        by_person.setdefault(_key(move.who), []).append((position.get(_placed(move.item)) if move.item else None,
                                                         move))
    away = {}
    for key, moves in by_person.items():
        if any(at is None or at == here for at, _ in moves):
            continue
        moves.sort(key=lambda placed: placed[0])  # stable: those during one item, in the order written
        before = [move for at, move in moves if at < here]
        move = before[-1] if before else moves[0][1]
        if move.event == ("left" if before else "joined"):
            away[key] = move
    return away


# How a declaration's action (free text: the chair's decision and what was done) says the member took no part in
# the vote: they left the room or withdrew, did not vote, took no part. Words that they were there for it or voted
# after all ("returned for the vote", "took no part in the discussion but voted") leave it unsaid. A member who
# abstained is named among those abstaining: that is no such word.
_NO_PART = re.compile(
    r"\b(?:did|does|could|can|may|might|would|will|should|was|were|is|must)\s*(?:not|n't)\s+"
    r"(?:vote|take\s+(?:any\s+)?part|participate)\b|\bcannot\s+(?:vote|take\s+part|participate)\b"
    r"|\bnot\s+voting\b|\b(?:took|take|takes|taking)\s+no\s+part\b|\bnot\s+present\b"
    r"|\b(?:left|leaves)\s+(?:the\s+)?(?:room|meeting|chamber)\b|\bretired\s+from\s+the\s+(?:room|meeting)\b"
    r"|\bwithdr(?:ew|aws)\b(?!\s+(?:the|his|her|their|its|a|an|my)\b)", re.IGNORECASE)
_THERE_AFTER_ALL = re.compile(r"\b(?:returned|rejoined|re-joined|came\s+back|re-entered|voted)\b", re.IGNORECASE)


def took_no_part(action: str) -> bool:
    """Whether a declaration's `action` says the member took no part in the item's vote (see _NO_PART)."""
    return bool(_NO_PART.search(action)) and not _THERE_AFTER_ALL.search(action)


def _declared_out(named: list, shown: str, ctx: Context, declared: tuple, told: set[str]) -> None:
    """A warning for each member `named` (_named_in) in the vote, as its mover, seconder or in the recorded vote,
    whose declaration of interest at the item, or at the standing item naming it, says they
    took no part in the vote: one of the two is wrong, and which the minutes' words cannot tell for sure. Not for
    a member told of already (not there), whose being named is that mistake."""
    out: dict[str, tuple] = {}
    for declaration, at, made_at in declared:  # the item's own first, where a member made both: nearer the vote
        if took_no_part(declaration.action):
            out.setdefault(_key(declaration.who), (declaration, at, made_at))
    if not out:
        return
    for who, where, doing, field in named:
        key = _key(who)
        if key not in out or key in told:
            continue
        told.add(key)
        declaration, at, made_at = out[key]
        made = f"at minute {made_at}" if made_at else "on it"
        ctx.report.warning(ctx.path, where, f"{who.name} is named as {doing} on minute {shown}, but their declaration "
                           f"of interest {made} (line {at}) says '{shortened(declaration.action, 80)}'",
                           f"correct `{field}:` if they took no part in it; if they did, correct the declaration's "
                           "action" if field else "take them out of the recorded vote if they took no part in it; if "
                           "they did vote, correct the declaration's action")
