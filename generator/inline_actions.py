"""Actions written in the minutes' text, as minutes taken from a Word or PDF pack write them, and not recorded.

Minutes record an action where it was agreed: a line "ACTION: CS to circulate
the revised plan by 30 June 2019", "Action – Sarah Prema to report back to the
next meeting", or a sentence ending "(Action: TS)". Minutebook tracks only the
actions an item's ```item block lists under `actions:`; one pasted in the text
alone never reaches the tracker, and nothing would say so. Each such line is a
warning naming what to write there, with the owner the line names where the
register knows them (by name, or by initials as the minutes' text links them:
people.PeopleIndex.with_initials, the one who was at the meeting where two share
them) and the due date where it is written as a due date is read. An item that
lists an action of the line's owner or words has it recorded, and is no warning.

Only the shapes above are read: a capitalised "Action" or "Actions" (any case
of its letters), then a colon or a dash with a space after it, at the start of
a line or after a sentence's end, or inside brackets. Prose that speaks of
actions ("no further action was required", "the Action Plan", "Actions arising",
"the actions tracker"), headings, tables, code and "Action: none" are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.actions import NEXT_MEETING
from generator.diagnostics import listed, shortened
from generator.model import Attendance, MinuteItem
from generator.people import names_in
from generator.values import Invalid, parse_date, parse_month
from generator.yamltext import scalar

_WORD = r"(?:Actions?|ACTIONS?)"
_AFTER = r"\s*(?::|[–—]|-(?=\s))\s*"  # "Action:", "Action –", "Action - ": not "Action-oriented"
_LEADING = re.compile(rf"(?:^|(?<=[.!?])\s+){_WORD}{_AFTER}(?P<rest>\S.*)$")
_BRACKETED = re.compile(rf"\({_WORD}{_AFTER}(?P<rest>[^()]*[^()\s])\s*\)")
_CODE = re.compile(r"(`+).*?\1")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
# What a line says when no action was agreed, or an agenda's purpose copied with it ("Action: For information")
_NO_ACTION = re.compile(r"(?:none\b.*|nil|n/?a|nothing\b.*|no(?:\s+further)?\s+actions?\b.*|(?:for |to )?(?:"
                        r"information|note|noting|decision|approval|approve|discussion|assurance|receive|ratification|"
                        r"endorsement))\W*$", re.I)
# Where what the owner is to do starts: "CS to circulate ...", "JS – circulate ...", "JS: circulate ..."
_OWNER_ENDS = re.compile(r"\s+to\s+|\s*[:–—]\s*|\s+-\s+")
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,4}")
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}")
_NEXT_MEETING = re.compile(r"[,\s]*\b(?:by|at|to|for|before)\s+(?:the\s+)?next\s+meeting\W*$", re.I)
_BY = re.compile(r"[,\s]*\b(?:by|before|due(?:\s+by)?)\s+(?P<due>[^,;()]+?)\W*$", re.I)
_WORDS = re.compile(r"[^\W_]{3,}")
_COMMON = {"the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "will", "all", "its", "their",
           "back", "report", "action", "actions"}


def may_hold(text: str) -> bool:
    """Whether the minutes may hold such a line: most hold none, and need not be looked through."""
    return "Action" in text or "ACTION" in text


@dataclass(frozen=True)
class Prose:
    """A paragraph's lines (a list item's, a quotation's), `line` the first's index in the minutes' text."""

    line: int
    lines: tuple[str, ...]


def prose(tokens) -> list[Prose]:
    """Every paragraph of the minutes outside headings and tables (markdown.make_block_parser's tokens)."""
    found, skip = [], 0
    for token in tokens:
        if token.type in ("table_open", "heading_open"):
            skip += 1
        elif token.type in ("table_close", "heading_close"):
            skip -= 1
        elif token.type == "inline" and not skip and token.map:
            found.append(Prose(token.map[0], tuple(token.content.split("\n"))))
    return found


@dataclass(frozen=True)
class _Found:
    line: int  # index in the minutes' text
    written: str  # the words that record it, quoted in the message
    rest: str  # what follows "Action:"
    before: str  # the sentence before it, which is what is to be done where the line names only the owner


def _plain(line: str) -> str:
    """The line without code (nothing in it is an action) and emphasis (**Action:** JS)."""
    return _EMPHASIS.sub("", _CODE.sub(" ", line))


def _last_sentence(text: str) -> str:
    parts = [part for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    return parts[-1].strip() if parts else ""


def _matches(line: str) -> list[re.Match]:
    leading = _LEADING.search(line)
    return ([leading] if leading else []) + list(_BRACKETED.finditer(line))


def _found(paragraphs: list[Prose]) -> list[_Found]:
    found = []
    for n, paragraph in enumerate(paragraphs):
        for offset, line in enumerate(paragraph.lines):
            plain = _plain(line)
            for match in _matches(plain):
                bracketed = match.re is _BRACKETED
                rest = (match["rest"] if bracketed else _SENTENCE_END.split(match["rest"])[0]).strip()
                if _NO_ACTION.match(rest):
                    continue
                before = " ".join(paragraph.lines[:offset] + (plain[:match.start()],))
                if not before.strip() and n and not any(_matches(_plain(above)) for above in paragraphs[n - 1].lines):
                    before = " ".join(paragraphs[n - 1].lines)
                written = match.group(0) if bracketed else plain[match.start():match.start("rest")] + rest
                found.append(_Found(paragraph.line + offset, written.strip(), rest, _last_sentence(_plain(before))))
    return found


def _split(rest: str) -> tuple[str, str]:
    """(owner, what they are to do) of the words after "Action:": "CS to circulate the plan", "JS – circulate it"."""
    ends = _OWNER_ENDS.search(rest)
    owner, what = (rest[:ends.start()], rest[ends.end():]) if ends else (rest, "")
    return (owner.strip(), what) if _could_be_owners(owner) else ("", rest)


def _could_be_owners(written: str) -> bool:
    """Whether the words before "to" may name people: initials or names, each a capital's."""
    parts = names_in(written)
    return bool(parts) and all(_INITIALS.fullmatch(part) or _NAME.fullmatch(part) for part in parts)


def _what_and_due(what: str, before: str) -> tuple[str, str]:
    """(what is to be done, the due date written at its end as `due:` reads one, else "")."""
    due = ""
    for pattern in (_NEXT_MEETING, _BY):
        tail = pattern.search(what)
        if tail is None:
            continue
        said = "next meeting" if pattern is _NEXT_MEETING else tail["due"].strip()
        if said in NEXT_MEETING or _is_due_date(said):
            due, what = said, what[:tail.start()]
            break
    what = what.strip().rstrip(",;:–—-").strip()
    return (what[:1].upper() + what[1:] if what else before), due


def _is_due_date(written: str) -> bool:
    """Whether a due date so written is read as a date, as `due:` reads it (schema.due): not '30 June', say."""
    try:
        parse_date(written)
        return True
    except Invalid:
        try:
            return parse_month(written) is not None
        except Invalid:
            return False


@dataclass(frozen=True)
class _Owner:
    written: str
    ids: tuple[str, ...] = ()  # the person's id; several where initials name more than one; none where unknown


def _owners(written: str, people, attendance: Attendance) -> list[_Owner]:
    """Each person `written` names. `people`: the register's PeopleIndex (or people.Asked), None without one."""
    owners = []
    for part in names_in(written):
        if people is None:
            owners.append(_Owner(part))
            continue
        found, _ = people.lookup(part)
        ids = (found,) if found else tuple(people.with_initials(part))
        if len(ids) > 1:  # two people of those initials: the one at the meeting, as the text's initials link
            present = {entry.who.id for entry in attendance.in_the_room}
            ids = tuple(pid for pid in ids if pid in present) if sum(pid in present for pid in ids) == 1 else ids
        owners.append(_Owner(part, ids))
    return owners


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORDS.findall(text)} - _COMMON


def _recorded(owners: list[_Owner], text: str, item: MinuteItem) -> bool:
    """Whether the item lists an action of the line's owner, or one of its words: the clerk recorded it too."""
    ids = {pid for owner in owners for pid in owner.ids}
    names = {" ".join(owner.written.lower().split()) for owner in owners if not owner.ids}
    words = _words(text)
    for action in item.actions:
        if any(ref.id in ids if ref.id else " ".join(ref.name.lower().split()) in names for ref in action.owners):
            return True
        if words and len(words & _words(action.text)) * 3 >= len(words) * 2:
            return True
    return False


def _owner_field(owners: list[_Owner], register: bool) -> str:
    """The `owner:` to write, or what it is to say where the line does not tell."""
    if not owners:
        return "`- owner:` who is to do it"
    if not register or all(len(owner.ids) == 1 for owner in owners):
        values = [owner.ids[0] if register else scalar(owner.written) for owner in owners]
        return f"`- owner: {values[0] if len(values) == 1 else '[' + ', '.join(values) + ']'}`"
    said = [owner.ids[0] if len(owner.ids) == 1 else
            f"the id of the {owner.written} meant, {' or '.join(owner.ids)}" if owner.ids else
            f"the id of {owner.written}, whom the people register does not know by that name or initials"
            for owner in owners]
    return f"`- owner:` {listed(said)}"


def check(item: MinuteItem, paragraphs: list[Prose], body_line: int, block: int | None, ctx,
          attendance: Attendance) -> None:
    """Warn of each action `paragraphs` (the item's) record in the text that the item's ```item block does not
    list. `block`: the line of the item's block, None where it has none."""
    for found in _found(paragraphs):
        owner, what = _split(found.rest)
        owners = _owners(owner, ctx.people, attendance)
        if ctx.people is not None and not any(o.ids for o in owners) and \
                not all(_INITIALS.fullmatch(o.written) for o in owners):
            owners, what = [], found.rest  # "Action: Finance Team to review it": no one the register knows
        text, due = _what_and_due(what, found.before)
        if _recorded(owners, text, item):
            continue
        fields = [_owner_field(owners, ctx.people is not None),
                  f"`text: {scalar(text)}`" if text else "`text:` what is to be done"]
        if due:
            fields.append(f"`due: {scalar(due)}`")
        where = f"list it under `actions:` in the item's ```item block (line {block})" if block is not None else \
            "give the item an ```item block listing it under `actions:`"
        ctx.report.warning(ctx.path, body_line + found.line, f"'{shortened(found.written, 60)}' records an action "
                           f"in the text of minute {item.number} only, not under `actions:`, so it is not tracked: it "
                           "has no id, page or place on the action tracker", f"to track it, {where} as "
                           f"{', '.join(fields)}")
