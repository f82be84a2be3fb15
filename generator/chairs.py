"""Who took the chair for one item of a meeting, where that was not the meeting's chair.

A chair who declares an interest leaves the room, and the vice-chair takes the chair for that item ("Councillor
X, Vice-Chair, in the Chair for this item"); the meeting's `chair:` cannot say so, as it names who chaired the
meeting as a whole. An item's ```item block names them (`chair:`), and the item's page says it. What cannot be
true is told where the minutes are read, as votes are (votes.py), the meeting's attendance loaded with them: a
chair the attendance lists as not there is an error; one whose declaration of interest at the item says they
left the room, a warning, as a vote naming them is (the action is free text, read by its words); the meeting's
own chair named again, a warning, as it records nothing; and an item at which the meeting's chair declared an
interest and left the room, with no `chair:`, a warning, as the page would leave the reader to think they
chaired it.
"""

from __future__ import annotations

import dataclasses
import re

from generator import schema as s
from generator.diagnostics import shortened
from generator.model import PersonRef
from generator.numbering import unpadded
from generator.schema import Context
from generator.values import Invalid
from generator.votes import _THERE_AFTER_ALL, _away, _key, _not_present


def one(value, ctx: Context) -> PersonRef:
    """The one person who took the chair for the item: a list of several, or a body, chairs nothing. `Chair`
    written in the item's fields read after this one (schema.Held.item_chair) names them: `ctx` is the item's."""
    if isinstance(value, list) and len(value) != 1:
        raise Invalid(f"an item has one chair, but this names {len(value)}", "write who took the chair for the "
                      "item alone; co-chairs of the whole meeting go in meeting.md's `chair:`")
    who = s.person(value[0] if isinstance(value, list) else value, ctx)
    if who.body:
        raise Invalid(f"'{who.name}' is a body, and a body does not take the chair", "write the person who took "
                      "the chair for the item")
    if ctx.held is not None:
        ctx.held = dataclasses.replace(ctx.held, item_chair=who)
    return who


def in_the_chair(ctx: Context, chair: PersonRef | None) -> Context:
    """`ctx`, for what an item whose `chair:` names `chair` says outside its fields (an action line in its text):
    `Chair` there names the person in the chair for it, as in its fields."""
    if chair is None or ctx.held is None:
        return ctx
    return dataclasses.replace(ctx, held=dataclasses.replace(ctx.held, item_chair=chair))


# How a declaration's action (free text) says the member left the room for the item, and so could not chair it:
# left the room, meeting or chamber; withdrew, or retired from the room. Not "did not vote", which a chair who
# stayed in the chair may say, nor an action that says they came back (votes._THERE_AFTER_ALL).
_LEFT = re.compile(r"\b(?:left|leaves|leaving)\s+(?:the\s+)?(?:room|meeting|chamber)\b"
                   r"|\bretired\s+from\s+the\s+(?:room|meeting|chamber)\b"
                   r"|\bwithdr(?:ew|aws)\b(?!\s+(?:the|his|her|their|its|a|an|my)\b)", re.IGNORECASE)


# An item or minute named by its number in an action ("left the room for item 7"): a declaration made at the
# standing item at the start of the meeting may say which later item the member left the room for
_NAMED_ITEM = re.compile(r"\b(?:item|minute)s?\s+(?:no\.?\s*)?([\w/.()]*\d[\w/.()]*)", re.IGNORECASE)
# Minutes name an item of their own meeting by the last part of its number too ("item 13", "agenda item 13",
# "minute 13" for TB/19/13): that part follows a letter or "/", not a "." (part 1 of item 7.1 is no item 1); and a
# day of the month after "item" ("the item 13 March") names no item.
_LAST_PART = re.compile(r"(?<=[^\d.])(\d+)$")
_MONTH_AFTER = re.compile(r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
# The numbers after the first that "items" names ("items 12 and 13", "items 12, 13 and 14"), and the end of a range
# ("items 12-14", "items 12 to 14"), in group 2 (group 1: a range's dash or "to")
_MORE_ITEMS = re.compile(r"(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|(\s*[-–]\s*|\s+to\s+))([\w/()]*\d[\w/.()]*)",
                         re.IGNORECASE)
_LONGEST_RANGE = 50  # "items 12-14" is read as 12, 13 and 14; "items 3-2019" as no range


def left_the_room(action: str, shown: str = "", pack: dict | None = None) -> bool:
    """Whether a declaration's `action` says the member left the room for the item numbered `shown` and did not
    come back: not where it names another item by its number, which is the one they left the room for."""
    if not _LEFT.search(action) or _THERE_AFTER_ALL.search(action):
        return False
    return not _NAMED_ITEM.search(action) or names(action, shown, pack)


def _named(action: str):
    """(number, where it ends) of each item a declaration's `action` names: each of a list or range after "items"."""
    for found in _NAMED_ITEM.finditer(action):
        number = found[1].rstrip(".")
        yield number, found.end()
        if not found[0].split()[0].lower().endswith("s"):
            continue
        at = found.end() - (len(found[1]) - len(number))
        while (more := _MORE_ITEMS.match(action, at)) is not None:
            following = more[2].rstrip(".")
            low = number if number.isdigit() else (_LAST_PART.search(number) or [None, None])[1]
            if more[1] and low is not None and following.isdigit() \
                    and int(low) < int(following) <= int(low) + _LONGEST_RANGE:
                for between in range(int(low) + 1, int(following)):
                    yield str(between), more.end()
            yield following, more.end()
            number, at = following, more.end() - (len(more[2]) - len(following))


def names(action: str, shown: str, pack: dict | None = None) -> bool:
    """Whether a declaration's `action` names, by its number in full or by its last part, the minute numbered
    `shown` (as the body prints it) of the meeting whose minutes hold the declaration. `pack`: the minute (as
    printed) of each agenda item, by its number, that the minutes number otherwise (the pack's item 7, minute
    CCBP/19/75): a declaration names the item by the number of the agenda the members had before them."""
    last = _LAST_PART.search(shown)
    for number, end in _named(action):
        if pack and unpadded(number) in pack:
            if pack[unpadded(number)] == shown:
                return True
            continue
        if number == shown or (last is not None and number.isdigit() and int(number) == int(last[1])
                               and not _MONTH_AFTER.match(action, end)):
            return True
    return False


def standing_item(title: str) -> bool:
    """Whether an item is the standing item "Declarations of interest" at the start of the meeting, whose
    declarations say what the member did at the later item they declared for: leaving the room then is not
    leaving this one, but the one their action names by its number ("Left the room for item TB/19/13")."""
    return "declaration" in title.lower()


def check(chair: PersonRef | None, line: int, shown: str, ctx: Context, present: tuple | None, ref: str,
          declared: tuple, title: str = "", standing_declared: tuple = (), pack: dict | None = None) -> None:
    """The item's `chair` (None: not given) at `line`, against `present` (the meeting's attendance and chair,
    and its minutes' numbers in order; None where meeting.md had an error, and nothing is checked) and
    `declared` (the item's declarations of interest, each with the line of its action); `title`, the item's.
    `standing_declared`: the declarations made at the standing items above it, each with the line of its action
    and the number of the item it was minuted at, as shown."""
    if present is None:
        return
    attendance, chairs, order = present
    standing = standing_item(title)
    # each declaration for this item with the line of its action and the item it was made at (None: this one)
    made = [(declaration, at, None) for declaration, at in declared] + [
        entry for entry in standing_declared if names(entry[0].action, shown, pack)]
    if chair is None:
        if not standing:
            _unrecorded(shown, ctx, chairs, made, pack)
        return
    if not standing:
        _declared_out(chair, line, shown, ctx, made, pack)
    if len(chairs) == 1 and _key(chairs[0]) == _key(chair):
        ctx.report.warning(ctx.path, line, f"{chair.name} is named as the chair on minute {shown}, but is the "
                           "meeting's chair (meeting.md's `chair:`), so there is nothing to record", "take `chair:` "
                           "out of the item, or name whoever took the chair for it in their place")
        return
    if any(_key(who) == _key(chair) for who in chairs):  # one of the meeting's co-chairs: which of them, recorded
        return
    if not (attendance.present or attendance.deputising):  # the attendance lists no one there to check against
        return
    _not_present([(chair, line, "the chair", "chair")], shown, ctx, attendance, chairs,
                 _away(attendance.movements, order, ref), "the item")


def _declared_out(chair: PersonRef, line: int, shown: str, ctx: Context, declared: list,
                  pack: dict | None = None) -> None:
    """A warning where the item's `chair` at `line` declared an interest and left the room for it (`declared`, each
    with the line of its action and the standing item it was made at, naming this one, or None): they
    cannot have been in the chair, or the action leaves out that they came back to take it."""
    out = next(((declaration, at, where) for declaration, at, where in declared
                if _key(declaration.who) == _key(chair) and left_the_room(declaration.action, shown, pack)), None)
    if out is None:
        return
    declaration, at, made_at = out
    where = f"at minute {made_at}" if made_at else "on it"
    ctx.report.warning(ctx.path, line, f"{chair.name} is named as the chair on minute {shown}, but their declaration "
                       f"of interest {where} (line {at}) says '{shortened(declaration.action, 80)}'",
                       "name in `chair:` whoever took the chair while they were out of the room; if they came back and "
                       "took it, say so in the declaration's action ('... and returned to take the chair')")


def _unrecorded(shown: str, ctx: Context, chairs: tuple, declared: list, pack: dict | None = None) -> None:
    """A warning where every one of the meeting's chairs declared an interest and left the room for the item
    (`declared`, as _declared_out's), and the item names no one in the chair: someone else took it, and the page
    would not say who. The warning is on the declaration's action, at the standing item for one made there."""
    if not chairs:
        return
    left = {_key(declaration.who): (declaration, at, made_at) for declaration, at, made_at in reversed(declared)
            if left_the_room(declaration.action, shown, pack)}  # reversed: a member's first is kept, the item's own
    if not all(_key(who) in left for who in chairs):
        return
    declaration, at, made_at = left[_key(chairs[0])]
    named = f"{chairs[0].name}, the meeting's chair," if len(chairs) == 1 else \
        f"{' and '.join(who.name for who in chairs)}, the meeting's co-chairs,"
    where, item = (f"at minute {made_at}", f"minute {shown}") if made_at else (f"on minute {shown}", "the item")
    ctx.report.warning(ctx.path, at, f"{named} declared an interest {where} with the action "
                       f"'{shortened(declaration.action, 60)}', but {item} does not say who took the chair for it",
                       f"add `chair:` to {item}'s ```item block, naming who took the chair (the vice-chair, say)")
