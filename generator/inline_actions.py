"""Actions written in the minutes' text, as minutes taken from a Word or PDF pack write them, and not recorded.

Minutes record an action where it was agreed: a line "ACTION: CS to circulate
the revised plan by 30 June 2019", "Action – Sarah Prema to report back to the
next meeting", a sentence ending "(Action: TS)" or "[Action: TS]", a line
"Action by: TS" or "Action: TS, 30 June 2019" under the paragraph saying what, a
line "ACTIONS:", a heading "### Actions" or a sentence "The board agreed the
following actions:" over a list of them, or a PDF's action table ("Action | Lead
| By when"). Minutebook tracks only the actions an item's ```item block lists
under `actions:`; one pasted in the text alone never reaches the tracker, and
nothing would say so. Each such line is a warning naming what to write there,
with the owner the line names where the register knows them (by name, or by
initials as the minutes' text links them: people.PeopleIndex.with_initials, the
one who was at the meeting where two share them; by a first name alone, the one
person at the meeting who has it: _first_named) or where it names a body of
the archive (by slug, short name or name: names_of_bodies, whose answers the
build cache keeps with the meeting, BodiesAsked), and the due date where it is
written as a due date is read, or without its year, which minutes leave to the
meeting's (one naming a day there is not, "by 30 February 2020", told why, as a
due date field is). An item that lists an action of the line's owner or words has it
recorded, and is no warning.

Only the shapes above are read: a capitalised "Action" or "Actions" (any case
of its letters, "by" after it or not), then a colon or a dash with a space after
it, at the start of a line or after a sentence's end, or inside brackets; the
items of a list under a line that is "ACTIONS:" alone, a heading "Actions" or a
sentence ending in a colon that says the actions were agreed; and the rows of a
table with an "Action" column and one of who. Prose that speaks of actions ("no
further action was required", "the Action Plan", "Actions arising", "the actions
tracker", "The action plan covers:"), headings, other tables (an agenda's, whose
"Action" is its purpose, once or once for each of its papers), code and "Action: none" are not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator import schema as s
from generator.actions import NEXT_MEETING
from generator.diagnostics import listed, shortened
from generator.model import Attendance, MinuteItem
from generator.people import names_in, without_titles
from generator.values import Invalid, impossible_date, parse_date, parse_month, spoken_date, spoken_due, without_year
from generator.yamltext import scalar

_WORD = r"(?:Actions?|ACTIONS?)"
_AFTER = r"\s*(?::|[–—]|-(?=\s))\s*"  # "Action:", "Action –", "Action - ": not "Action-oriented"
# "Action by: CS" under a paragraph saying what: the words after it name only who
# "Action A23: JS to ...": the line gives the action the id a trust's log numbers it by (letters and digits both,
# as references._ACTION_WORDS reads "action A23" in words); "Action 3: JS to ...", a number alone, as some bodies'
# logs number their actions
_ID = r"(?:\s+(?P<id>(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[A-Za-z0-9][\w-]{0,98}[A-Za-z0-9]|\d{1,5}(?![\w-])))"
_LEADING = re.compile(rf"(?:^|(?<=[.!?])\s+){_WORD}(?:(?P<by>\s+(?:by|By|BY))|{_ID})?{_AFTER}(?P<rest>\S.*)$")
_BRACKETED = re.compile(rf"\({_WORD}{_ID}?{_AFTER}(?P<rest>[^()]*[^()\s])\s*\)")
_SQUARE = re.compile(rf"(?<!\[)\[{_WORD}{_ID}?{_AFTER}(?P<rest>[^\[\]]*[^\[\]\s])\s*\](?![\](])")  # not [[action:...]]
# A line that is "ACTIONS:" alone, a Markdown list of the actions under it
_HEADER = re.compile(rf"{_WORD}\s*:")
# A heading over such a list ("### Actions", "#### Actions agreed", "**Actions**" alone on its line)
_HEADING = re.compile(r"(?:agreed\s+)?actions?(?:\s+agreed)?\s*:?", re.I)
_BOLD = re.compile(r"(\*\*|__)[^*_]+\1")
# A sentence over such a list, saying the actions were agreed: "The board agreed the following actions:",
# "Actions agreed:", "The following actions were agreed:"
_AGREED = re.compile(r"(?:.*\bagreed\s+(?:the\s+)?(?:following\s+)?actions?"
                     r"|(?:the\s+)?(?:following\s+)?actions?\s+(?:(?:were|was)\s+)?agreed(?:\s+(?:by|at)\s+[^:]*)?)"
                     r"\s*:", re.I)
# The columns of a table of actions, as a PDF's action table heads them: "Action | Lead | By when"
_ACTION_COLUMN = {"action", "actions", "action agreed", "actions agreed", "agreed action", "agreed actions"}
_OWNER_COLUMN = {"lead", "lead responsible", "lead officer", "owner", "action owner", "responsible",
                 "responsible officer", "by", "by whom", "action by", "who"}
_DUE_COLUMN = {"by when", "due", "due by", "due date", "date due", "deadline", "target date", "timescale", "when",
               "date"}
_CODE = re.compile(r"(`+).*?\1")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
# What a line says when no action was agreed, or an agenda's purpose copied with it ("Action: For information"),
# once for each of the item's papers as an agenda may give it ("Endorse  Endorse Endorse" for three policies)
_NO_ACTION = re.compile(r"(?:none\b.*|nil|n/?a|nothing\b.*|no(?:\s+further)?\s+actions?\b.*|(?:(?:for |to )?(?:"
                        r"information|note|noting|decision|approval|approve|discussion|assurance|receive|ratify|"
                        r"ratification|endorse|endorsement)\b\W*)+)\W*$", re.I)
# Where what the owner is to do starts: "CS to circulate ...", "JS – circulate ...", "JS: circulate ..."
_OWNER_ENDS = re.compile(r"\s+to\s+|\s*[:–—]\s*|\s+-\s+")
# An item under "ACTIONS:" that is about them ("All actions were completed"), not one
_ABOUT_ACTIONS = re.compile(r"\bactions?\b", re.I)
# Where a due date may start after who is to do it: "CS, 30 June", "CS – 30 June", "CS (30 June)", "CS by June"
_DUE_CUT = re.compile(r"\s*[,;(–—]\s*(?:by\s+|due\s+)?|\s+-\s+(?:by\s+|due\s+)?|\s+(?:by|due|before)\s+|\s+(?=\d)",
                      re.I)
_OWNER_AFTER = re.compile(r"(?:\s+[–—-]\s+|\s*\()(?P<owner>[^()–—]+?)\)?\W*$")
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,4}")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # a body's file's name in bodies/: "ACTION: jc to ..." names the body
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}")
_NEXT_MEETING = re.compile(r"[,\s]*\b(?:by|at|to|for|before)\s+(?:the\s+)?next\s+meeting\W*$", re.I)
_BY = re.compile(r"[,\s]*\b(?:by|before|due(?:\s+by)?)\s+(?P<due>[^,;()]+?)\W*$", re.I)
_WORDS = re.compile(r"[^\W_]{3,}")
_COMMON = {"the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "will", "all", "its", "their",
           "back", "report", "action", "actions"}


def may_hold(text: str) -> bool:
    """Whether the minutes may hold such a line: most hold none, and need not be looked through."""
    return "Action" in text or "ACTION" in text or "actions" in text and "greed" in text and bool(
        _MAY_AGREE.search(text))  # "agreed the following actions:": "agreed" and "actions" alone are common


# What _AGREED reads in lower case, looked for in the whole text (in any other case it says "Action" or "ACTION"):
# a sentence over a list that says the actions were agreed. Case-sensitive, each branch starting with a word, which
# re looks for as such: with re.I, over every such text, it was a twentieth of loading the archive
_MAY_AGREE = re.compile(r"greed\s+(?:the\s+)?(?:following\s+)?actions?\s*:|actions?\s+(?:(?:were|was)\s+)?"
                        r"agreed[^\n:]*:")


@dataclass(frozen=True)
class Prose:
    """A paragraph's lines (a list item's, a quotation's), `line` the first's index in the minutes' text.
    `listed`: where the paragraph is an item of a list under a line "ACTIONS:", each item an action, the text
    above that line in its paragraph (what was agreed, where an item names only who is to do it); else None.
    `header`: that line, which inline_resolutions reads too ("The Board:" lists decisions only by their verbs).
    `row`: where the paragraph is a row of a table of actions, its action cell the one line, the row's owner and
    due date cells (either "" where the table has no such column); else None."""

    line: int
    lines: tuple[str, ...]
    listed: str | None = None
    header: str = ""
    row: tuple[str, str] | None = None


def _is_header(line: str) -> bool:
    """A line over a list of actions: "ACTIONS:", "**Actions agreed**", "The board agreed the following
    actions:". A sentence must end in its colon and say the actions were agreed: "The action plan covers:" and
    "Actions arising:" list no actions."""
    plain = _plain(line).strip()
    return bool(_HEADER.fullmatch(plain) or _AGREED.fullmatch(_last_sentence(plain))
                or _BOLD.fullmatch(line.strip()) and _HEADING.fullmatch(plain))


def _is_heading(tag: str, text: str) -> bool:
    """A heading within an item (### or lower: ## starts an item) over a list of actions: "### Actions"."""
    return tag not in ("h1", "h2") and bool(_HEADING.fullmatch(_plain(text).strip()))


def paragraphs(tokens, is_header, is_heading=None, tables: bool = False) -> list[Prose]:
    """Every paragraph of the minutes outside headings and tables (markdown.make_block_parser's tokens), those
    of a list under a line `is_header` reads as introducing one ("ACTIONS:"), or under a heading `is_heading`
    reads so, marked as its items; and, with `tables`, each row of a table of actions (`_table_rows`)."""
    found, skip, previous, item, since_heading = [], 0, None, False, 0
    under = []  # (level, text above the line, the line) of each list under an "ACTIONS:" line the token is in
    heading, above_heading = ("", ""), ""  # the last heading's tag and text; the paragraph above it in its item
    table, row = [], None  # the rows of the table the token is in, each (its line, its cells); the row's cells
    for token in tokens:
        if token.type in ("table_open", "heading_open"):
            skip += 1
            if token.type == "heading_open":
                above_heading = " ".join(found[-1].lines) if since_heading and found else ""
                heading, since_heading = (token.tag, ""), 0
            else:
                table = []
        elif token.type in ("table_close", "heading_close"):
            skip -= 1
            if token.type == "table_close" and tables:
                found.extend(_table_rows(table))
        elif token.type == "tr_open" and token.map:
            row = []
            table.append((token.map[0], row))
        elif token.type in ("bullet_list_open", "ordered_list_open") and previous is not None \
                and previous.type == "paragraph_close" and found and is_header(found[-1].lines[-1]):
            above = found[-1].lines[:-1] or (found[-2].lines if since_heading > 1 else ())  # the paragraph before
            under.append((token.level, " ".join(above), found[-1].lines[-1]))
        elif token.type in ("bullet_list_open", "ordered_list_open") and previous is not None \
                and previous.type == "heading_close" and is_heading is not None and is_heading(*heading):
            under.append((token.level, above_heading, heading[1]))
        elif token.type in ("bullet_list_close", "ordered_list_close") and under and token.level == under[-1][0]:
            under.pop()
        elif token.type == "list_item_open":
            item = token.level == under[-1][0] + 1 if under else False  # of that list, not of one inside it
        elif token.type == "inline" and skip:
            if previous is not None and previous.type == "heading_open":
                heading = (heading[0], token.content)
            elif previous is not None and previous.type in ("th_open", "td_open") and row is not None:
                row.append(token.content)
        elif token.type == "inline" and not skip and token.map:
            listed, header = under[-1][1:] if item else (None, "")  # the item's first paragraph only
            found.append(Prose(token.map[0], tuple(token.content.split("\n")), listed, header))
            since_heading += 1
            item = False
        previous = token
    return found


def prose(tokens) -> list[Prose]:
    """The paragraphs of the minutes as actions are looked for in them (`paragraphs`)."""
    return paragraphs(tokens, _is_header, _is_heading, tables=True)


def _column(cells: list[str], names: set[str]) -> int | None:
    """The index of the first of a table's header cells that is one of `names` (in lower case), else None."""
    for index, cell in enumerate(cells):
        if " ".join(_plain(cell).lower().replace("(s)", "s").split()).rstrip(":") in names:
            return index
    return None


def _table_rows(table: list[tuple[int, list[str]]]) -> list[Prose]:
    """Each row of a table of actions, as minutes taken from a PDF's action table have it: a column "Action"
    (or "Actions agreed") and one of who is to do it ("Lead", "Owner", "By"), and maybe one of when ("By
    when", "Due"). A table without both (minutes set out as "Item | Discussion | Lead responsible") holds none."""
    if len(table) < 2:
        return []
    header = table[0][1]
    action, owner, due = (_column(header, names) for names in (_ACTION_COLUMN, _OWNER_COLUMN, _DUE_COLUMN))
    if action is None or owner is None:
        return []

    def cell(cells: list[str], index: int | None) -> str:
        return " ".join(_plain(cells[index]).split()) if index is not None and index < len(cells) else ""
    return [Prose(line, (cell(cells, action),), row=(cell(cells, owner), cell(cells, due)))
            for line, cells in table[1:] if cell(cells, action)]


@dataclass(frozen=True)
class _Found:
    line: int  # index in the minutes' text
    written: str  # the words that record it, quoted in the message
    rest: str  # what follows "Action:"
    before: str  # the sentence before it, which is what is to be done where the line names only the owner
    by: bool = False  # "Action by: CS": `rest` names only who (and when)
    due: str | None = None  # a table's row: its due date cell ("" where none), `rest` its owner cell, `before` what
    id: str = ""  # "Action A23: CS to ...": the id the line gives the action


def _plain(line: str) -> str:
    """The line without code (nothing in it is an action) and emphasis (**Action:** JS)."""
    return _EMPHASIS.sub("", _CODE.sub(" ", line))


def _last_sentence(text: str) -> str:
    parts = [part for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    return parts[-1].strip() if parts else ""


def _matches(line: str) -> list[re.Match]:
    """The line's actions: "ACTION: ..." and each bracketed one, but for one in brackets within the first's
    sentence ("ACTION: CS to circulate it (Action: CS)"), which is that action again."""
    leading = _LEADING.search(line)
    ends = leading.start("rest") + len(_SENTENCE_END.split(leading["rest"])[0]) if leading else -1
    return ([leading] if leading else []) + sorted(
        (match for pattern in (_BRACKETED, _SQUARE) for match in pattern.finditer(line) if match.start() >= ends),
        key=re.Match.start)


def _found(paragraphs: list[Prose]) -> list[_Found]:
    found = []
    for n, paragraph in enumerate(paragraphs):
        if paragraph.row is not None:  # a row of a table of actions: "Circulate the plan | CS | 30 June 2019"
            (what,), (owner, due) = paragraph.lines, paragraph.row
            if not _NO_ACTION.match(what):  # an agenda's "Action" column: "Information", "Decision"
                found.append(_Found(paragraph.line, " | ".join(cell for cell in (what, owner, due) if cell), owner,
                                    what, by=True, due=due))
            continue
        matched = False
        for offset, line in enumerate(paragraph.lines):
            if "Action" not in line and "ACTION" not in line:  # what every pattern of _matches needs: most lines
                continue
            plain = _plain(line)
            for match in _matches(plain):
                matched = True
                bracketed = match.re is not _LEADING
                said = (match["rest"] if bracketed else _SENTENCE_END.split(match["rest"])[0]).strip()
                # "ACTION: CS to circulate it (Action: CS)": the owner again
                rest = re.sub(r"\s+(?=[.,;:!?]|$)", "", _SQUARE.sub("", _BRACKETED.sub("", said)))
                if _NO_ACTION.match(rest):
                    continue
                before = _SQUARE.sub("", _BRACKETED.sub("", " ".join(paragraph.lines[:offset]
                                                                  + (plain[:match.start()],))))
                if not before.strip() and n and paragraphs[n - 1].listed is None and paragraphs[n - 1].row is None and \
                        not any(_matches(_plain(above)) for above in paragraphs[n - 1].lines):
                    before = " ".join(paragraphs[n - 1].lines)
                written = match.group(0) if bracketed else plain[match.start():match.start("rest")] + said
                found.append(_Found(paragraph.line + offset, written.strip(), rest, _last_sentence(_plain(before)),
                                    not bracketed and bool(match["by"]), id=match["id"] or ""))
        if paragraph.listed is not None and not matched:  # an item of the list under "ACTIONS:", all of it
            rest = " ".join(_plain(line).strip() for line in paragraph.lines).strip()
            if rest and not _NO_ACTION.match(rest) and not _ABOUT_ACTIONS.search(rest):
                found.append(_Found(paragraph.line, rest, rest, _last_sentence(_plain(paragraph.listed))))
    return found


_OPENS = re.compile(rf"{_WORD}{_ID}{_AFTER}(?P<rest>[^()\[\]\n]*)")


def opens_action_line(text: str, start: int, bodies=None, posts=None, day: dt.date | None = None) -> bool:
    """Whether "Action A23" at `text[start:]` opens an action line giving its id ("Action A23: CS to circulate it",
    "(Action A23: CS)", "Action A23: jc to ...", `bodies` the archive's by slug; "Action A27: Director of Finance
    to ...", `posts` saying which words are a post, as _could_be_owners has them; "Action A28: circulate it by 1
    March 2020", a due date read against the meeting's `day`), which `check` reads, and whose message gives the
    `id:` to write: the id is no action's yet because the line raises it. "Action A23: complete", of an action the
    body has no such id for, is not one."""
    opened = _OPENS.match(text, start)
    if opened is None:
        return False
    rest = opened["rest"]
    if _split(rest, posts, bodies)[0] or _split_after(rest, posts, bodies)[0]:
        return True
    _, due, read = _what_and_due(rest, "", day)  # told by `check` for its due date, whoever it names
    return bool(due or read)


def _split(rest: str, posts=None, bodies=None) -> tuple[str, str]:
    """(owner, what they are to do) of the words after "Action:": "CS to circulate the plan", "JS – circulate it".
    `posts`, `bodies`: as `_could_be_owners` has them."""
    ends = _OWNER_ENDS.search(rest)
    owner, what = (rest[:ends.start()], rest[ends.end():]) if ends else (rest, "")
    return (owner.strip(), what) if _could_be_owners(owner, posts, bodies) else ("", rest)


def _split_after(rest: str, posts=None, bodies=None) -> tuple[str, str]:
    """(owner, what they are to do) of words that name the owner last, as an action log's columns copied in a
    line do: "Circulate the plan – CS", "Circulate the plan (CS)"; ("", rest) where they name none."""
    after = _OWNER_AFTER.search(rest)
    return (after["owner"].strip(), rest[:after.start()]) if after and _could_be_owners(after["owner"], posts, bodies) \
        else ("", rest)


def _could_be_owners(written: str, posts=None, bodies=None) -> bool:
    """Whether the words before "to" may name people: initials or names, each a capital's, or posts (`posts`, a
    _Posts; None where the meeting's files read none), which are written in lower case too ("Director of
    Finance", "director of public health"), or a body by its slug, in lower case as `owner: jc` names it
    (`ACTION: jc to ...`; `bodies`, as `_owners` has them)."""
    if posts is not None and posts.holder(written.strip()) is not None:  # "Director of Finance, Northvale Council"
        return True
    parts = names_in(written)
    return bool(parts) and all(_INITIALS.fullmatch(part) or _NAME.fullmatch(part)
                               or posts is not None and posts.holder(part) is not None
                               or bodies is not None and _SLUG.fullmatch(part) and bodies.get(part) for part in parts)


class _Posts:
    """Who a post an action line names its owner by ("ACTION: Director of Finance to ...", "ACTION: Chair")
    was at the meeting, read as a person's field reads it (schema.post_holder), so that the line and the action
    recorded for it name the same person, and a post that names no one, or several, is told in the same words."""

    def __init__(self, ctx):
        self._ctx, self._read = ctx, {}

    def holder(self, written: str):
        """The PersonRef the post names, the Invalid saying why it names no one, or None where it is no post."""
        if written not in self._read:
            try:
                self._read[written] = s.post_holder(written, self._ctx)
            except Invalid as problem:
                self._read[written] = problem
        return self._read[written]

    def owner(self, written: str) -> _Owner | None:
        """The line's owner, where `written` is a post; else None."""
        held = self.holder(written)
        if held is None:
            return None
        if isinstance(held, Invalid):
            return _Owner(written, problem=f"{held.message}: {held.hint}")
        if held.id:
            return _Owner(written, (held.id,))
        return _Owner(held.name, free=held.name != written)  # a chair written as `{name: ...}`, or in error


def _posts(ctx) -> _Posts | None:
    """A meeting's files read posts against its date and chair (schema.Held), with a people register."""
    return _Posts(ctx) if ctx.people is not None and ctx.held is not None else None


def _what_and_due(what: str, before: str, meeting: dt.date | None) -> tuple[str, str, str]:
    """(what is to be done, the due date written at its end as `due:` reads one, else "", and how it was read
    where its year is not written, else ""; or, where the date names a day there is not, "" and why: _unreal)."""
    due, read = "", ""
    for pattern in (_NEXT_MEETING, _BY):
        tail = pattern.search(what)
        if tail is None:
            continue
        said = "next meeting" if pattern is _NEXT_MEETING else tail["due"].strip()
        dated = without_year(said, meeting) if pattern is _BY else ""
        if said in NEXT_MEETING or _is_due_date(said) or dated:
            due, what = dated or said, what[:tail.start()]
            if dated:
                read = (f"the line's '{said}' has no year: read as the first on or after the meeting's date, "
                        f"{spoken_date(meeting)}")
            break
        read = _unreal(said) if pattern is _BY else ""
        if read:  # "by 30 February 2020": a due date, but of no day, kept out of the text as a real one would be
            what = what[:tail.start()]
            break
    what = what.strip().rstrip(",;:–—-").strip()
    return (what[:1].upper() + what[1:] if what else before), due, read


def _unreal(written: str) -> str:
    """Why a due date naming a day there is not ('30 February 2020', '29 Feb 2019', '31 April') is no date, in the
    words a date field is told it (values.impossible_date), for the clerk to check the day in the papers; "" for
    any other words. Kept in the action's text, it was said to be what is to be done, and nothing said why."""
    problem = impossible_date(written) if any(character.isdigit() for character in written) else None
    return f"the line's {problem.message}; {problem.hint}" if problem is not None else ""


def _is_due_date(written: str) -> bool:
    """Whether a due date so written is read as a date, as `due:` reads it (schema.due): not '30 June', say."""
    return _due_date(written) is not None


def _due_date(written: str) -> dt.date | None:
    """The day `due:` reads a due date so written as (a month's last day), or None."""
    try:
        return parse_date(written)
    except Invalid:
        try:
            return parse_month(written)
        except Invalid:
            return None


def _as_read(due: str) -> str:
    """A due date as the site will give it ('June 2019' for `2019-06`), for the clerk to check, where that is not
    how it is written; "" where it is, or it is no date."""
    day = _due_date(due)
    said = spoken_due(due, day)[0] if day is not None else due
    return "" if said == due else said


@dataclass(frozen=True)
class _Owner:
    written: str
    ids: tuple[str, ...] = ()  # the person's id; several where initials name more than one; none where unknown
    body: str = ""  # the slug of the body of the archive `written` names ("Action: JHSC"), which may own an action
    free: bool = False  # named as written, `{name: ...}`: "Action by: Finance Team", no one the register knows
    problem: str = ""  # a post naming no one at the meeting, or several, as a person's field is told (_Posts)

    def value(self, register: bool) -> str:
        """As `owner:` is to name them, where it can."""
        return f"{{body: {self.body}}}" if self.body else f"{{name: {scalar(self.written)}}}" if self.free else \
            self.ids[0] if register else scalar(self.written)


def names_of_bodies(own, bodies: dict, slugs) -> dict[str, str]:
    """The slug of each body of the archive by the names an action line may call it, in lower case: its slug, its
    short name and its name ("ACTION: JHSC to ...", in a CCG board's minutes). A short name or name two bodies
    share names neither, but the meeting's own body (`own`), which its minutes mean by it; a slug is one body's."""
    named: dict[str, set] = {}
    for body in bodies.values():
        for name in (body.short_name, body.name):
            named.setdefault(" ".join(name.lower().split()), set()).add(body.slug)
    names = {name: next(iter(found)) for name, found in named.items() if len(found) == 1 and name}
    return names | {slug.lower(): slug for slug in slugs} | {" ".join(own.short_name.lower().split()): own.slug,
                                                           " ".join(own.name.lower().split()): own.slug}


class BodiesAsked:
    """`names_of_bodies`, noting each name an action line asked it about, with the answer, in `asked`: a meeting's
    warnings depend on the bodies' names only through these, so the loader keeps what it made of the meeting
    after a body's file changed while they get the same answers (loader.load_archive)."""

    def __init__(self, names: dict[str, str], asked: dict[str, str]):
        self._names, self.asked = names, asked

    def get(self, name: str, default: str = "") -> str:
        self.asked[name] = found = self._names.get(name, default)
        return found


def _owners(written: str, people, attendance: Attendance, bodies, posts: _Posts | None = None) -> list[_Owner]:
    """Each person or body `written` names. `people`: the register's PeopleIndex (or people.Asked), None without
    one; `bodies`: `names_of_bodies` (or a BodiesAsked of them); `posts`: as `_could_be_owners` has them."""
    parts = names_in(written)
    if len(parts) > 1:  # a body's name that joins words as names are joined: "Health and Wellbeing Board"
        whole = bodies.get(" ".join(re.sub(r"^the\s+", "", written.strip(), flags=re.I).lower().split()), "")
        if whole:
            return [_Owner(written.strip(), body=whole)]
        held = posts.owner(written.strip()) if posts is not None else None  # a post with its organisation
        if held is not None:
            return [held]
    owners = []
    for part in parts:
        found, several = people.lookup(part) if people is not None else (None, set())
        ids = (found,) if found else tuple(sorted(several)) or tuple(people.with_initials(part)) \
            if people is not None else ()
        titled = _titled(part, people) if people is not None and not ids else None
        if titled is not None:  # "Cllr Smith to ...": a person, whom the register knows by the surname or not
            ids = titled.ids
            if not ids:
                owners.append(titled)
                continue
        body = bodies.get(" ".join(re.sub(r"^the\s+", "", part, flags=re.I).lower().split()), "")
        if not ids and body:  # a person's name or initials first: those are what an action line mostly names
            owners.append(_Owner(part, body=body))
            continue
        if body and not found and not several:  # "JC": a body's short name and someone's initials, as `owner: JC`
            owners.append(_Owner(part, problem=s.body_or_initials(part, body, ids, people)))
            continue
        held = posts.owner(part) if posts is not None and not ids else None  # after a body, as schema.person reads
        if held is not None:
            owners.append(held)
            continue
        if people is None:
            owners.append(_Owner(part))
            continue
        first = _first_named(part, people, attendance) if not ids else None
        if first is not None:  # "ACTION: Priya to ...", as colleagues name each other
            owners.append(first)
            continue
        if len(ids) > 1:  # two people of those initials: the one at the meeting, as the text's initials link
            present = {entry.who.id for entry in attendance.in_the_room}
            ids = tuple(pid for pid in ids if pid in present) if sum(pid in present for pid in ids) == 1 else ids
        owners.append(_Owner(part, ids))
    return owners


def _titled(written: str, people) -> _Owner | None:
    """The owner a title and a name name ("Dr Patel", "Councillor Turner", "Cllr Smith"), where the register knows
    no one by those words: the people it gives the surname after the title (the title dropped, as the minutes' may
    be another than the register's `honorific:`), several where it gives it to more than one (the one at the
    meeting, as initials are read); where it gives it no one, the person the words name, whom the message asks
    for. None where `written` has no title before a name."""
    name = without_titles(written)
    if not name or not _NAME.fullmatch(name):
        return None
    found, several = people.lookup(name)
    ids = (found,) if found else tuple(sorted(several)) or tuple(people.with_surname(name.split()[-1])) \
        if len(name.split()) == 1 else ()
    return _Owner(written, ids) if ids else _Owner(written, problem="no one in the people register is known by "
                                                   f"that name: add them to it, or write {{name: {scalar(written)}}} "
                                                   "for someone not in it")


def _first_named(written: str, people, attendance: Attendance) -> _Owner | None:
    """The owner a first name alone names ("ACTION: Priya to circulate it"): the one person the register gives
    that first name who was at the meeting, where no one else there has it (people.PeopleIndex.with_first_name,
    schema.person's reading of `owner: Priya`); None where the register gives it no one. Where none of them was
    at the meeting, or two people there have it, it is not read: "Will", "Mark", "Grace" and "May" are words as
    much as names, and an action for a Will the meeting never saw is no one's to guess; the message names them,
    for the id meant."""
    if not _FIRST_NAME.fullmatch(written):
        return None
    named = people.with_first_name(written)
    if not named:
        return None
    room = attendance.in_the_room
    present = [pid for pid in named if any(entry.who.id == pid for entry in room)]
    unlisted = sorted({entry.who.name for entry in room if not entry.who.id and len(entry.who.name.split()) > 1
                       and entry.who.name.split()[0].lower() == written.lower()})  # `name: Priya Shah`, deputising
    if len(present) == 1 and not unlisted:
        return _Owner(written, (present[0],))
    said = [f"{people.ref(pid).name} ({pid}, {'at' if pid in present else 'not at'} the meeting)" for pid in named] \
        + [f"{name} (at the meeting, not in the people register)" for name in unlisted]
    return _Owner(written, problem=f"{written} is the first name of {listed(said)}")


_FIRST_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*")  # "Priya", "Jo-Anne": not initials, not "PRIYA"


def _words(text: str, common: set[str] = _COMMON) -> set[str]:
    return {word.lower() for word in _WORDS.findall(text)} - common


def alike(words: set[str], recorded: set[str]) -> bool:
    """Whether a record of `recorded`'s words is of the line's `words`: two thirds of them, as a clerk recording
    it rewords it."""
    return bool(words) and len(words & recorded) * 3 >= len(words) * 2


def _owns(owners: list[_Owner], action) -> bool:
    """Whether `action` (listed under `actions:`) is one of the line's owners'."""
    ids = {pid for owner in owners for pid in owner.ids}
    bodies = {owner.body for owner in owners if owner.body}
    names = {" ".join(owner.written.lower().split()) for owner in owners if not owner.ids and not owner.body}
    return any(ref.id in ids if ref.id else ref.body in bodies if ref.body else
               " ".join(ref.name.lower().split()) in names for ref in action.owners)


def _in_words(text: str, item: MinuteItem) -> list:
    """The actions the item lists whose words are the line's (two thirds of them, `alike`): what records it,
    whoever owns it."""
    words = _words(text)
    return [action for action in item.actions if alike(words, _words(action.text))]


def _reworded(owners: list[_Owner], text: str, item: MinuteItem, taken: dict[str, int]) -> tuple[object | None, list]:
    """(the action of the line's owner that records it in other words, or None; the owner's actions the item lists).
    A clerk listing a line's action rewords it ("ACTION: Director of Finance to write to the minister", `text: Send
    the letter agreed`), so any action of that owner records it that no other line records, one sharing a word with
    it first; one `taken` (another line's, by its words or so) records no other: an owner's one action listed no
    longer hides another of theirs written in the text, as the clerk may have forgotten to list it."""
    if not owners:
        return None, []
    theirs = [action for action in item.actions if _owns(owners, action)]
    words, free = _words(text), [action for action in theirs if action.id not in taken]
    return next((action for action in free if words & _words(action.text)), free[0] if free else None), theirs


def _others(theirs: list, taken: dict[str, int]) -> str:
    """What the message says of the owner's actions the item lists, each another line's: its text, its line and
    the line that it records."""
    said = listed([f"'{shortened(action.text.strip(), 50)}' (line {action.source.line})" for action in theirs])
    lines = listed([str(n) for n in sorted({taken[action.id] for action in theirs})])
    return f"the action the item lists for its owner, {said}, is the one line {lines} records" if len(theirs) == 1 \
        else f"the actions the item lists for its owner, {said}, are those lines {lines} record"


def _or_twice(theirs: list, taken: dict[str, int]) -> str:
    """The other way to put it right: the line and another may be one action written twice, as minutes pasted
    from a pack give it in the paragraph and again in a list of the actions agreed."""
    lines = sorted({taken[action.id] for action in theirs})
    return f"; or, if it is the action line {' or '.join(str(n) for n in lines)} records, written twice, " \
        "take one of the two lines out"


def _given(written: str, item: MinuteItem) -> bool:
    """Whether the item lists an action with the id an action line gives ("Action A23: ..."), in any case: the
    line records it, whoever it names and however it is worded."""
    return any(action.key.lower() == written.lower() for action in item.actions)


def _owner_field(owners: list[_Owner], register: bool) -> str:
    """The `owner:` to write, or what it is to say where the line does not tell."""
    if not owners:
        return "`- owner:` who is to do it"
    if not register or all((len(owner.ids) == 1 or owner.body or owner.free) and not owner.problem
                           for owner in owners):
        values = [owner.value(register) for owner in owners]
        return f"`- owner: {values[0] if len(values) == 1 else '[' + ', '.join(values) + ']'}`"
    said = [f"the person meant by '{owner.written}' ({owner.problem})" if owner.problem else
            owner.value(register) if len(owner.ids) == 1 or owner.body or owner.free else
            f"the id of the {owner.written} meant, {' or '.join(owner.ids)}" if owner.ids else
            f"the id of {owner.written}, whom the people register does not know by that name or initials"
            for owner in owners]
    return f"`- owner:` {listed(said)}"


def _known(owners: list[_Owner], register: bool) -> bool:
    """Whether the words read as owners name them: people or bodies the archive knows, or initials (which the
    message says the register does not know); any words that may be names, without a register."""
    return bool(owners) and (not register or any(o.ids or o.body or o.problem for o in owners)
                             or all(_INITIALS.fullmatch(o.written) for o in owners))


def _due_after(written: str, meeting: dt.date | None) -> tuple[str, str, str]:
    """(the words before it, the due date that ends `written`, how it was read) of "CS, 30 June 2019", "CS – by
    June", "CS (30 June)": a line naming who is to do it names when after them; (written, "", "") where none.
    A date of no day ("CS, 30 February 2020") is one too, its due date "" and why it is none (_unreal)."""
    for cut in _DUE_CUT.finditer(written):
        due, read = _due(written[cut.end():].strip().rstrip(")").strip(), meeting)
        if due or read:
            return written[:cut.start()], due, read
    return written, "", ""


def _due(written: str, meeting: dt.date | None) -> tuple[str, str]:
    """(the due date `written` is as `due:` is to have it, how it was read where its year is not written) where
    it is a date, a month or the next meeting, which `due:` reads; ("", why) where it names a day there is not
    (_unreal); ("", "") where it is not ("ongoing")."""
    dated = without_year(written, meeting)
    if not written or not (_is_due_date(written) or dated or written in NEXT_MEETING):
        return "", _unreal(written) if written else ""
    return dated or written, f"the line's '{written}' has no year: read as the first on or after the meeting's " \
        f"date, {spoken_date(meeting)}" if dated else ""


def _reading(found: _Found, ctx, attendance: Attendance, meeting: dt.date | None, bodies: dict[str, str]
             ) -> tuple[list[_Owner], str, str, str]:
    """(owners, text, due, how a due date without its year was read) of an action in the text."""
    register, posts = ctx.people is not None, _posts(ctx)
    if found.by:  # "Action by: CS": the paragraph above says what; the line, who (and when)
        who, due, read = _due_after(found.rest, meeting)
        text = found.before
        if found.due is not None:  # a table's row: what, and maybe when, in its action cell; when in its due cell
            by = _due(found.rest, meeting)  # a "By" column that says when, not who
            who, due, read = ("", *by) if by[0] or by[1] else (who, due, read)
            text, due_in_text, read_in_text = _what_and_due(found.before, found.before, meeting)
            cell = _due(re.sub(r"^(?:by|due|before)\s+", "", found.due, flags=re.I), meeting)
            due, read = cell if cell[0] or cell[1] else (due, read) if due or read else (due_in_text, read_in_text)
        owners = [o if o.ids or o.body or o.problem or o.free or _INITIALS.fullmatch(o.written)
                  or not _could_be_owners(o.written) else
                  _Owner(o.written, free=True)  # "Action by: Finance Team": an owner, if no one the register knows
                  for o in _owners(who, ctx.people, attendance, bodies, posts)] if register else \
            _owners(who, None, attendance, bodies)
        return owners, text, due, read
    who, due, read = _due_after(found.rest, meeting)
    # "Action: CS, 30 June 2019": who and when, as "Action by:" gives them
    if (due or read) and _could_be_owners(who, posts, bodies):
        owners = _owners(who, ctx.people, attendance, bodies, posts)
        if _known(owners, register):
            return owners, found.before, due, read
    owner, what = _split(found.rest, posts, bodies)
    owners = _owners(owner, ctx.people, attendance, bodies, posts)
    if not _known(owners, register):
        owner, what = _split_after(found.rest, posts, bodies)  # "Circulate the plan (CS)"
        owners = _owners(owner, ctx.people, attendance, bodies, posts)
        if not _known(owners, register):
            owners, what = [], found.rest  # "Action: Finance Team to review it": no one the register knows
    said_before, what_before = _split(found.before, posts, bodies) if not what.strip() else ("", "")
    if said_before and what_before.strip():  # "Mr Sanders to circulate it by 5 July 2018. ACTION: TS"
        what = what_before
    text, due, read = _what_and_due(what, found.before, meeting)
    return owners, text, due, read


def check(item: MinuteItem, paragraphs: list[Prose], body_line: int, block: int | None, ctx,
          attendance: Attendance, meeting: dt.date | None = None, bodies=None, withheld: str = "") -> None:
    """Warn of each action `paragraphs` (the item's) record in the text that the item's ```item block does not
    list. `block`: the line of the item's block, None where it has none; `meeting`: the meeting's date, which
    a due date written without its year is read against; `bodies`: as `_owners` has them; `withheld`: why
    nothing of the item is published ("the minute is confidential"), or "". Such an action is warned of still,
    as a private session's action log is asked to follow up its actions (validate._track), but not in words
    ("no page or place on the action tracker") that would have the clerk publish it."""
    told, readings = set(), []
    for found in _found(paragraphs):
        owners, text, due, read = _reading(found, ctx, attendance, meeting, bodies or {})
        if found.id and (not (owners or due or read) or _given(found.id, item)):
            continue  # "Action A23: complete", an update of it, is the log's; "action A23" links it (references.py)
        readings.append((found, owners, text, due, read, _in_words(text, item) or (
            [] if owners else _in_words(_split(text)[1], item))))
    # One listed action records one line: those the lines' words record first, then each owner's others, in turn.
    taken = {action.id: body_line + found.line for found, *_, by_words in readings for action in by_words}
    recorded: set[tuple] = set()  # (owners, words) of a line recorded: the same action written twice is too
    for found, owners, text, due, read, by_words in readings:
        said = (tuple(sorted(pid for owner in owners for pid in owner.ids + ((owner.body,) if owner.body else ())
                             or (owner.written.lower(),))), frozenset(_words(text)))
        if by_words or said in recorded:
            continue
        action, theirs = _reworded(owners, text, item, taken)
        if action is not None:
            taken[action.id] = body_line + found.line
            recorded.add(said)
            continue
        fields = [_owner_field(owners, ctx.people is not None),
                  f"`text: {scalar(text)}`" if text else "`text:` what is to be done"]
        if due:
            read = read or _as_read(due)
            fields.append(f"`due: {scalar(due)}`" + (f" ({read})" if read else ""))
        elif read:  # a due date of no day (_unreal): which day is meant is in the papers
            fields.append(f"`due:` the day it is due by ({read})")
        if found.id:
            fields.append(f"`id: {scalar(found.id)}`")
        said = (fields[0], frozenset(_words(text)), due)
        if said in told:  # one action, written twice: in brackets and on a line of its own, say
            continue
        told.add(said)
        where = f"list it under `actions:` in the item's ```item block (line {block})" if block is not None else \
            "give the item an ```item block listing it under `actions:`"
        said = f"'{shortened(found.written, 60)}' records an action in the text of minute {item.number} only, not " \
            "under `actions:`, so it is not tracked"
        if theirs:  # the owner's action listed is another: the clerk forgot this one, or wrote one action twice
            said += f": {_others(theirs, taken)}"
        untracked = f"it has no page or place on the action tracker, and the id {found.id} it gives is no action's " \
            "until it is listed" if found.id else "it has no id, page or place on the action tracker"
        said += ";" if theirs else ":"
        twice = _or_twice(theirs, taken) if theirs else ""
        if withheld:
            ctx.report.warning(ctx.path, body_line + found.line, f"{said} no private session's action log is asked "
                               f"for its progress (listed or not, it is not published, as {withheld})",
                               f"to follow it up in private, {where} as {', '.join(fields)}{twice}")
        else:
            ctx.report.warning(ctx.path, body_line + found.line, f"{said} {untracked}",
                               f"to track it, {where} as {', '.join(fields)}{twice}")
