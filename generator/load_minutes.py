"""Reading minutes.md: one `## <number> <title>` section per minute item.

Sections are found from markdown-it's token stream (level-2 headings at the top
level), never by regex over lines, so a `##` inside a code block or a quote is
not mistaken for an item. Each item may carry one fenced ```item block of YAML
for what the minutes record as fields: leads, resolutions, actions.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from generator import (chairs, frontmatter, inline_actions, inline_resolutions, interests, schema as s, urls, votes,
                       yamltext)
from generator.diagnostics import INVISIBLE, Report, shortened
from generator.load_meeting import confidential_mark, meeting_key as key_of
from generator.exclusion import withheld_minutes
from generator.load_registers import ID_RE
from generator.model import (CALL_IN_OUTCOMES, Action, AdvisedNumber, Attendance, Body, CallIn, Declaration, Due,
                             MinuteItem, Minutes, MisplacedHeading, PersonRef, Source, all_agenda_items)
from generator.markdown import TEMPLATE_IDS, heading_id
from generator.numbering import (canonical, digits, example, file_of, leading, leading_part, misprinted, printed,
                                 unpadded, whole)
from generator.schema import Context, Field, Schema
from generator.values import slugify
from generator.yamltext import LStr, at_key, line_of

# What `minutebook new meeting` writes where the clerk is to write what was minuted (scaffold._todo): left in
# minutes marked approved, it would tell the public what the clerk was to do.
PLACEHOLDER = "Clerk to complete:"

MINUTES = Schema("the minutes", Field("status", s.choice("draft", "approved"), required=True,
                                      missing="add `status: draft`, or `status: approved` once a meeting has "
                                              "approved them"),
                 Field("approved_at", s.text, default=""), Field("language", s.language, default=""))

DECLARATION = Schema("a declaration of interest", Field("person", s.person), Field("name", s.free_name),
                     Field("type", s.lined, default=""), Field("interest", s.markdown, default=""),
                     Field("action", s.text, default=""))
_DECLARED = s.record(DECLARATION, lambda f, c, v: Declaration(
    f["person"] or PersonRef(name=f["name"] or "unnamed"), f["interest"], f["action"], f["type"]))


def _declaration(value, ctx: Context) -> Declaration:
    """A declaration of interest; one written as the minutes' sentence ("Cllr Dr Sangster declared a personal
    interest in item 6 as a practising GP") is told the fields to write, with the person it opens with."""
    if isinstance(value, str) and ctx.people is not None:
        words = value.split()
        for n in range(min(len(words), 5), 0, -1):  # the longest run of words opening it that names a person
            found = ctx.people.lookup(" ".join(words[:n]))[0]
            if found:
                raise s.Invalid("a declaration of interest is written as a sentence, not as its fields",
                                f"write it as `- person: {found}`, with `interest:` (its nature), `type:` where the "
                                "minutes give it and `action:` (what the chair decided) on the lines below it")
    return _DECLARED(value, ctx)


# An action log's columns ("Action", "Lead", "Deadline") name what an action's fields hold otherwise
ACTION = Schema("an action", Field("owner", s.persons, default=(), also=("lead", "responsible")),
                Field("text", s.markdown, required=True, also=("action", "description")),
                Field("due", s.due, also=("deadline", "by", "due date", "due_date")), Field("id", s.text))
# Read in this order: declarations before `chair:`, as they are made as the item opens, before the chair changes
# hands (`Chair` in them is the meeting's chair, who may then leave the room); the rest after it, as `Chair` in
# them names who took the chair for the item (chairs.one)
ITEM = Schema(
    "a minute item's ```item block",
    Field("paper", s.lined_texts, default=()),
    Field("declarations", s.list_of(lambda v, c: _declaration(v, c)), default=()),
    Field("chair", chairs.one),  # who took the chair for the item, where not the meeting's chair
    Field("lead", s.persons, default=()),
    Field("resolutions", s.list_of(s.markdown), default=()),
    Field("actions", s.list_of(lambda v, c: v), default=()),
    Field("votes", lambda v, c: v, default=()),  # read by votes.read, with the meeting's attendance
    Field("confidential", s.yesno, default=None),
    Field("reason", s.text, default=""),
    Field("public_title", s.text, default=""),
    Field("calls_in", s.lined, default=""),  # which minute it is, callins.target finds, knowing every body
    Field("call_in_outcome", s.choice(*CALL_IN_OUTCOMES, hints={
        word: "write no-further-action" for word in ("upheld", "no-action", "not-referred", "confirmed",
                                                      "decision-upheld", "noted")} | {
        word: "write referred-to-council" for word in ("referred-to-full-council", "full-council", "council")} | {
        word: "write referred-back" for word in ("referred-back-to-cabinet", "referred-to-cabinet",
                                                  "referred-back-to-the-decision-maker", "referred-to-decision-maker",
                                                  "referred-to-the-decision-maker")}), default=""),
)


def _actions(raw_actions, ref: str, body: Body, folder: str, meeting_key: str, ctx: Context) -> tuple[Action, ...]:
    prefix = f"{folder}/{ref}" if body.numbering.per_meeting else ref
    shown = _printed(body, ref)  # C/2024/046 of C/2024/46#1, shown as C/2024/046#1
    out, seen = [], {}
    for position, raw in enumerate(raw_actions, start=1):
        reported = len(ctx.report.items)
        fields = ACTION.read(raw, ctx, line_of(raw))
        if fields is None:
            continue
        key = (fields["id"] or str(position)).strip()
        line = line_of(raw)
        address = slugify(key)  # the action's page is named for its id: Leaflet and leaflet would share one
        if not address:
            ctx.report.error(ctx.path, raw.line_of("id"), f"the action id '{key}' has "
                             "no letter from A to Z or digit, of which its page's address is made", "give it an id of "
                             "letters and digits, e.g. leaflet, or leave `id:` out to number it")
            continue
        if len(address) > urls.LONGEST_PART:
            ctx.report.error(ctx.path, raw.line_of("id"), f"the action id '{shortened(key)}' is {len(key)} characters "
                             "long, and its page's address is made of it", "give it a short id, e.g. leaflet; what is "
                             "to be done goes in `text:`")
            continue
        if address in seen:
            first, written = seen[address]
            said = f"is used twice in this item (first on line {first})" if written == key else \
                f"and '{prefix}#{written}' (line {first}) would have one page between them"
            ctx.report.error(ctx.path, line, f"action id '{prefix}#{key}' {said}", "give each action its own `id:`")
            continue
        seen[address] = (line, key)
        owners, due = fields["owner"], fields["due"]
        # An owner or due date written but not read is an error on its line already, which stops the build: kept as
        # written, so that the checks after this one do not also warn that the action has none.
        if ctx.report.errors_since(reported):
            owner, written_due = ACTION.written(raw, "owner"), ACTION.written(raw, "due")
            if not owners and owner is not None:
                owners = (PersonRef(name=str(owner)),)
            if due is None and str(written_due or "").strip():  # `due: ''` sets none, without an error
                due = Due(str(written_due))
        out.append(Action(f"{prefix}#{key}", key, owners, fields["text"] or "", due, body.slug, meeting_key, ref,
                          Source(ctx.report._rel(ctx.path), line), f"{shown}#{key}" if shown else ""))
    return tuple(out)


def _agenda_headings(body: Body, agenda) -> dict[str, str]:
    """title (lower case) -> '## number title' of each agenda item numbered as the body numbers minutes, in
    agenda order: the heading a message asks for when minutes lack one, which the clerk can copy as it is."""
    headings: dict[str, str] = {}
    for item in all_agenda_items(agenda):
        ref = whole(body.numbering, item.ref)
        if ref and item.title:
            headings.setdefault(" ".join(item.title.lower().split()), f"## {ref} {item.title}")
    return headings


def load_minutes(path: Path, report: Report, body: Body, folder: str, meeting_key: str, parser,
                 ctx_people, bodies, agenda=(), attendance: Attendance | None = None, chair: tuple = (),
                 whole: bool = True, date=None, named=None, held=None, private: bool = False) -> Minutes | None:
    """`attendance`: the meeting's, whose initials name one of two people of the same initials (inline_actions),
    and who may vote, with the meeting's `chair` (votes.read), unless meeting.md had an error (not `whole`);
    `date`: the meeting's, which a due date written in the text without its year is read against; `named`: the
    bodies by the names an action line in the text may call them (inline_actions.names_of_bodies, BodiesAsked);
    `held`: meeting.md's, which posts written for people are read against (schema.Held); `private`: the meeting is
    held in private (`session: private`), whose minutes publish no decision to miss (inline_resolutions.check), nor
    a minute that carries the mark of what was taken in private (_marked_confidential); an action line's warning
    says they are never published."""
    doc = frontmatter.read(path, report)
    if not doc.ok:
        return None
    ctx = Context(path, report, ctx_people, bodies, held=held, named=named)
    fields = MINUTES.read(doc.meta, ctx, 1)
    if fields is None or not fields["status"]:
        return None
    year = int(folder[:4]) if folder[:4].isdigit() else None  # the meeting's, for the examples in messages

    def first_heading() -> str:  # made for a message only: minutes with headings need no agenda numbers read
        return next(iter(_agenda_headings(body, agenda).values()), f"## {example(body.numbering, year)} Title")
    lines = doc.body.split("\n")
    tokens = parser.parse(doc.body)
    starts = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2" and t.level == 0]
    first_item_line = starts[0][1].map[0] if starts else len(lines)
    opening = _numbered_opening(tokens, lines, starts, body)
    if any(line.strip() for line in lines[:first_item_line]) and opening is None:
        offset = next(n for n, line in enumerate(lines) if line.strip())
        if starts:  # a preamble above the first item, as minutes taken from a PDF begin ("Present: ...")
            first = tokens[starts[0][0] + 1].content.strip()
            hint = (f"move it under the heading of the item it belongs to (the first, '## {shortened(first)}', is "
                    f"on line {doc.body_line + starts[0][1].map[0]}); who attended goes in meeting.md, under "
                    "`attendance:`")
        else:
            hint = f"start each item with a heading such as '{first_heading()}'"
        report.error(path, doc.body_line + offset, "text before the first minute item belongs to no item", hint)
    def numbered() -> dict[str, int]:  # made for a message only: each item's number in the file, and its line
        found = {}
        for index, token in starts:
            words = tokens[index + 1].content
            if leading_part(body.numbering, words) is None and leading(body.numbering, words)[0]:
                found.setdefault(leading(body.numbering, words)[0], doc.body_line + token.map[0])
        return found
    fences = _item_fences(tokens, lines, doc.body_line, ctx)
    headings = _headings(tokens)
    prose = inline_actions.prose(tokens) if inline_actions.may_hold(doc.body) else []
    decided = inline_resolutions.prose(tokens) if not private and inline_resolutions.may_hold(doc.body) else []
    items, advised = [], []
    inline: list = []  # (index in items, its paragraphs of actions and of decisions, its block's line): told below
    standing_declared: list = []  # made at the standing items read so far (chairs.check)
    pack = None  # the minute of each agenda item the minutes number otherwise (_pack), made at the first item
    # the items' numbers as minuted, the order they were taken in, which places the attendance's movements for
    # the votes' checks (votes.read): only where there are movements to place
    order = tuple(leading(body.numbering, heading)[0] for heading in (tokens[index + 1].content.strip()
                                                                     for index, _ in starts)
                  if leading_part(body.numbering, heading) is None and leading(body.numbering, heading)[0]) \
        if whole and attendance is not None and attendance.movements else ()
    for n, (index, token) in enumerate(starts):
        start = token.map[0]
        end = starts[n + 1][1].map[0] if n + 1 < len(starts) else len(lines)
        heading = tokens[index + 1].content.strip()
        reported = len(report.items)
        item = _item(heading, start, end, lines, fences, doc.body_line, body, folder, meeting_key, ctx,
                     items[-1].ref if items else None, year, agenda,
                     [words for at, words in headings if start < at < end], numbered, advised,
                     (attendance or Attendance(), chair, order) if whole else None, standing_declared,
                     pack if pack is not None else (pack := _pack(body, agenda)), private)
        if item is None:
            continue
        items.append(item)
        own = [paragraph for paragraph in prose if start < paragraph.line < end]
        own_decided = [paragraph for paragraph in decided if start < paragraph.line < end]
        if (own or own_decided) and not report.errors_since(reported):  # its block may be why it lists none
            block = next((doc.body_line + f.map[0] for f in fences if start < f.map[0] < end), None)
            inline.append((len(items) - 1, own, own_decided, block))
    # an item after the resolution excluding the press and public that does not say is withheld (exclusion.py): its
    # text's decisions and actions are then told as a confidential minute's are, not as ones to publish
    kept = tuple(items) if private else withheld_minutes(tuple(items), agenda)
    for at, own, own_decided, block in inline:
        item = kept[at]
        if own:
            inline_actions.check(item, own, doc.body_line, block, chairs.in_the_chair(ctx, item.chair),
                                 attendance or Attendance(), date, named if named is not None else {},
                                 "its meeting is private" if private else "the minute is withheld as taken in "
                                 "private" if item.unsaid else "the minute is confidential" if item.confidential
                                 else "")
        inline_resolutions.check(item, own_decided, doc.body_line, block, ctx)
    if not starts:
        report.warning(path, doc.body_line, "the minutes have no items",
                       f"start each item with a heading such as '{first_heading()}'")
    misplaced = ()
    if not body.numbering.per_meeting:  # a per-meeting number (5) is as likely a section's
        misplaced = _numbered_headings(tokens, starts, items, doc.body_line, body, ctx, opening, advised)
    if fields["status"] == "approved":
        for n, line in enumerate(lines):
            if PLACEHOLDER in line:
                left = shortened(line.strip().strip("*"), 80)
                report.error(path, doc.body_line + n, "the minutes are approved, but this line is still the "
                             f"instruction `minutebook new meeting` left: '{left}'",
                             "replace it with what was minuted, or keep `status: draft` until it is")
    # a folder alone (`approved_at: 2019-09-20`) is the body's meeting in it, as adjourned_to takes one; other words
    # (`20 September 2019`) are left as written, for the check to say how to write them
    written = (fields["approved_at"] or "").strip()
    approved_at = at_key(key_of(written, body.slug) if ID_RE.match(written) else written, doc.meta, "approved_at")
    return Minutes(fields["status"], approved_at, kept,
                   Source(report._rel(path), 1), misplaced, tuple(advised), fields["language"])


def _item_fences(tokens, lines: list[str], body_line: int, ctx: Context) -> list:
    """The ```item blocks (```Item too), each closed. A block left open runs to the end of the file and takes
    the items after it with it, without a word from Markdown: an error, at the line that opened it. A block
    holding an item's fields under another info string (```yaml) is shown as code: a warning, and an error where it
    says `confidential: yes`, as the item is then published whole."""
    fences = []
    for token in tokens:
        if token.type != "fence":
            continue
        line, info = body_line + token.map[0], token.info.strip()
        last = lines[token.map[1] - 1].strip() if token.map[1] - 1 > token.map[0] else ""
        # One in a quotation or a list ends with it, taking nothing after it (and its closing line is "> ```")
        if token.level == 0 and not (len(last) >= len(token.markup) and set(last) == {token.markup[0]}):
            ctx.report.error(ctx.path, line, f"the block opened here with {token.markup}{info} is not closed, so "
                             "the rest of the file, items and all, is read as part of it",
                             f"close it with a line {token.markup} after its last line")
        elif info.lower() == "item":
            inside = _next_item_inside(token)
            if inside is None:
                fences.append(token)
                continue
            ctx.report.error(ctx.path, line, f"the block opened here with {token.markup}{info} is not closed before "
                             f"line {line + 1 + inside[0]} ('{shortened(inside[1], 40)}'): it runs on to a later "
                             "block's closing line, taking in the items between",
                             f"close it with a line {token.markup} after its last line")
        elif _SAYS_CONFIDENTIAL.search(token.content):  # a warning would leave the item published
            ctx.report.error(ctx.path, line, f"this block says `confidential: yes`, but is marked {token.markup}"
                             f"{info}, so it is shown as code and the minute is published in full, block and all",
                             f"write {token.markup}item on the line that opens it")
        elif token.content.partition(":")[0].strip() in ITEM.fields and "\n" not in token.content.partition(":")[0]:
            ctx.report.warning(ctx.path, line, f"this block holds a minute item's fields, but is marked "
                               f"{token.markup}{info}, so it is shown as code", f"write {token.markup}item on the line "
                               "that opens it")
    return fences


# `confidential: yes` as a line of a block: in a ```yaml block it is not read, and the item it was to keep off the
# site is published whole
_SAYS_CONFIDENTIAL = re.compile(r"^confidential[ \t]*:[ \t]*(['\"]?)(?:yes|true|y|on)\1[ \t]*(?:#.*)?$",
                                re.IGNORECASE | re.MULTILINE)
_OPENS_AN_ITEM = re.compile(r"(?:## |```|~~~)")


def _next_item_inside(token) -> tuple[int, str] | None:
    """(line within the block, the line) of a '## ' heading or another block's opening line inside an ```item
    block: the block was left open, and a later block's closing line closed it, items and all in between."""
    for number, text in enumerate(token.content.split("\n")):
        if _OPENS_AN_ITEM.match(text):
            return number, text.strip()
    return None


def _numbered_opening(tokens, lines: list[str], starts, body: Body):
    """The heading the text before the first item opens with, where it starts with a minute number (### 24/007(a)
    above ## 24/007): `_numbered_headings` tells the clerk where it goes, as the one message for the mistake, in
    place of 'text before the first minute item belongs to no item'. None for any other text, or none."""
    if not starts or body.numbering.per_meeting:
        return None
    first = next(n for n, line in enumerate(lines) if line.strip())  # there is a line: the first item's heading
    if first == starts[0][1].map[0]:
        return None
    index, token = next((index, token) for index, token in enumerate(tokens) if token.map and token.map[0] >= first)
    numbered = token.type == "heading_open" and token.level == 0 and token.map[0] == first
    return token if numbered and leading(body.numbering, tokens[index + 1].content)[0] else None


def _numbered_headings(tokens, starts, items: list[MinuteItem], body_line: int, body: Body, ctx: Context,
                       opening=None, advised: list | None = None) -> tuple[MisplacedHeading, ...]:
    """A heading that starts with a minute number but is not a `## ` heading of its own (### TB/19/23, or one
    in a list): read as part of the item above, where the clerk meant an item of its own. `opening`
    (_numbered_opening): the heading the text before the first item opens with, which this reports as that
    text's error: it and what follows it belong to no item. A heading numbering another minute, or a part of one,
    inside an item, or a line meant as such a heading (##24/008), is handed back, not reported: what to do depends
    on whether the archive has that minute (validate): '## ' would number it twice where it has. A line meant as a
    heading of a part, or of the item it is in, is reported and handed back told: the reference scan leaves its
    number to the one message (model.MisplacedHeading). A heading above the first item numbering a minute these
    minutes lack is reported here, and its AdvisedNumber added to `advised`: what it is told to write depends on
    whether another meeting has that minute, and publishes it (validate)."""
    items_start = {id(token) for _, token in starts}
    misplaced = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or id(token) in items_start:
            continue
        heading = tokens[index + 1].content.strip()
        ref, _ = leading(body.numbering, heading)
        if ref is None:
            continue
        line = body_line + token.map[0]
        above = [item for item in items if item.source.line < line]  # items come in the order of their lines
        if above and above[-1].ref == ref:  # ### 24/007(a) inside ## 24/007: a part of it, as the clerk meant
            continue
        numbered = leading_part(body.numbering, heading)
        if numbered is not None and above:  # ### 24/008(a) inside ## 24/007
            misplaced.append(MisplacedHeading(line, heading, "#" * int(token.tag[1]), ref, above[-1].ref))
            continue
        report, read_as = ctx.report.warning, f"so it is read as part of {above[-1].number}" if above else \
            "so it is read as text before the first item"
        if token is opening:  # the text before the first item's error, said of what the clerk got wrong
            report = ctx.report.error
            read_as = f"so it and the text after it, up to the first item on line {body_line + starts[0][1].map[0]}, " \
                "belong to no item"
        if numbered is not None:  # ### 24/008(a) above the first item: '## ' is an error for a part
            item = printed(body.numbering, ref)
            report(ctx.path, line, f"the heading '{heading}' numbers a part of minute {item}, but it is before the "
                   f"first item, {read_as}", f"move it under the heading of {item}, or correct its number")
            continue
        if above:  # '## ' makes an item of it, or the minute twice where the archive has it: validate says which
            misplaced.append(MisplacedHeading(line, heading, "#" * int(token.tag[1]), ref, above[-1].ref))
            continue
        # Above the first item, so the file alone tells it: the archive's other meetings are not known here
        item = printed(body.numbering, ref)
        words = leading(body.numbering, heading)[1].strip().lstrip("–—-:.").strip()
        hashes = "#" * int(token.tag[1])
        naming = f"'{hashes} {words} ({item})'" if words else f"'{hashes} Minute {item}'"
        below = next((other for other in items if other.ref == ref), None)
        message = f"the heading '{heading}' starts with minute number {item}, but only a '## ' heading at the " \
            f"start of a line starts an item, {read_as}"
        hint = f"minute {item} is on line {below.source.line}: if the heading names it, move it under the item it " \
            f"belongs to, written {naming}, which links to it; else correct its number" if below else \
            f"write '## {heading}' if it is an item of its own; if it names minute {item} of an earlier meeting, " \
            f"move it under the item it belongs to, written {naming}, which links to it"
        report(ctx.path, line, message, hint)
        if below is None and advised is not None:
            advised.append(AdvisedNumber(line, message, hint, heading, ref, hashes=hashes,
                                         severity="error" if token is opening else "warning"))
    for index, token in enumerate(tokens):  # ##CCBP/18/61: no heading at all without the space, but a paragraph
        if token.type != "inline" or index == 0 or tokens[index - 1].type != "paragraph_open":
            continue
        for offset, text in enumerate(token.content.split("\n")):
            hashes = _NO_SPACE.match(text)
            ref = hashes and leading(body.numbering, text[hashes.end():])[0]
            if not ref:
                continue
            line = body_line + tokens[index - 1].map[0] + offset
            above = [item for item in items if item.source.line < line]
            part_of = f"part of {above[-1].number}" if above else "text before the first item"
            written = text.strip()
            rest = written[hashes.end():].strip()
            own = above and above[-1].ref == ref  # ##24/007 inside ## 24/007: '## ' would number it twice
            if above and not own and not leading_part(body.numbering, rest):  # another item's number: validate's
                misplaced.append(MisplacedHeading(line, rest, hashes.group(0), ref, above[-1].ref, unspaced=True))
                continue
            # a part's heading is ### or below: '## 24/007(a)' is an error
            marks = "###" if len(hashes.group(0)) < 3 and (own or leading_part(body.numbering, rest)) \
                else hashes.group(0)
            ctx.report.warning(ctx.path, line, f"the line '{shortened(written, 60)}' starts with minute number "
                               f"{printed(body.numbering, ref)}, "
                               f"but without a space after '{hashes.group(0)}' it is no heading, so it is read as "
                               f"{part_of}", f"write '{marks} {rest}'")
            if above:
                misplaced.append(MisplacedHeading(line, rest, hashes.group(0), ref, above[-1].ref, told=True))
    return tuple(misplaced)


_NO_SPACE = re.compile(r"#{1,6}(?=[^#\s])")
# How minutes from other bodies' packs write a number: after a word ("Item 4", "Min. No. 45"), and a part of an
# item numbered per meeting in brackets ("3(a)", "3 (a)"), which Minutebook writes 3a.
_NUMBER_WORD = re.compile(r"(?:item|minute|min|no)\b\.?\s*(?:(?:no|number)\b\.?\s*)?", re.I)
_BRACKETED_PART = re.compile(r"(\d{1,3})\s*\(([a-z])\)", re.I)
# "8) Any other business", "(8) Any other business": a number as Word's numbered lists write it
_BRACKETED_NUMBER = re.compile(r"\(?(\d{1,3}(?:\.\d{1,3})?)\)\s*")


def _as_numbered(numbering, heading: str) -> str | None:
    """The heading as the body's numbering writes it, where it is one of those ways of writing it; else None."""
    written = _NUMBER_WORD.sub("", heading, count=1) if _NUMBER_WORD.match(heading) else heading
    bracketed = _BRACKETED_NUMBER.match(written)
    written = f"{bracketed[1]} {written[bracketed.end():]}" if bracketed else written
    if numbering.per_meeting:
        written = _BRACKETED_PART.sub(r"\1\2", written, count=1)
    if written == heading:
        return None
    ref, title = leading(numbering, written)
    return f"{printed(numbering, ref)} {title.strip()}".strip() if ref else None


def _headings(tokens) -> list[tuple[int, str]]:
    """(line, words) of each heading, its words as the renderer takes them for its id: an item's are those in its
    lines after its own."""
    return [(token.map[0], tokens[n + 1].content) for n, token in enumerate(tokens)
            if token.type == "heading_open" and token.map]


def _parts(body: Body, ref: str, headings: list[str]) -> tuple[tuple[str, str], ...]:
    """MinuteItem.parts: each part of item `ref` numbered in one of its `headings`, with the id the heading has on
    the item's page (markdown.heading_id, taken in the same order from the same ids)."""
    if body.numbering.per_meeting or not headings:
        return ()
    used, found = set(TEMPLATE_IDS), {}
    for words in headings:
        anchor = heading_id(words, used)
        numbered = leading_part(body.numbering, words)
        if numbered is not None and numbered[0] == ref:
            found.setdefault(numbered[1], anchor)
    return tuple(found.items())


def _item(heading: str, start: int, end: int, lines: list[str], fences, body_line: int, body: Body, folder: str,
          meeting_key: str, ctx: Context, above: str | None = None, year: int | None = None,
          agenda=(), headings: list[str] = (), numbered=dict, advised: list | None = None,
          present: tuple | None = (Attendance(), (), ()), standing_declared: list | None = None,
          pack: dict | None = None, private: bool = False) -> MinuteItem | None:
    """`present`: the meeting's attendance and chair, and its minutes' numbers in order, which its votes are
    checked against (votes.read); None where they are not known whole. `standing_declared`: the declarations made
    at the standing items above, which one of them adds its own to: an action there may name a later item.
    `numbered()`: each item's number in the file, and the line of its heading, for a message to name a number
    only where '## ' would not number that item twice. `advised`: where an error says to write a '## ' number the
    file lacks, its AdvisedNumber is added, for validate.py to say otherwise where another meeting has it."""
    ctx = dataclasses.replace(ctx)  # the item's own: its `chair:` is whom `Chair` in its later fields names
    def error(message: str, hint: str, ref: str, above: str = "") -> None:
        ctx.report.error(ctx.path, line, message, hint)
        if advised is not None:
            advised.append(AdvisedNumber(line, message, hint, heading, ref, above))

    line = body_line + start
    part = leading_part(body.numbering, heading)
    if part is not None:  # ## 24/007(a): a part of an item, not an item of its own
        item = printed(body.numbering, part[0])
        at = numbered().get(part[0]) if above != part[0] else None
        if above == part[0]:
            ctx.report.error(ctx.path, line, f"minute heading '{heading}' numbers a part of {item}, the item above "
                             f"it, but a '## ' heading starts an item of its own, numbered {item} again",
                             f"write '### {heading}', a heading inside {item}")
        elif at is not None:  # '## 24/007 Title' above it would be 24/007 twice
            ctx.report.error(ctx.path, line, f"minute heading '{heading}' numbers a part of minute {item}, which is "
                             "not the item above it", f"move it under the heading of {item} (line {at}), as "
                             f"'### {heading}'; or correct its number")
        else:
            error(f"minute heading '{heading}' numbers a part of minute {item}, which is not the item above it",
                  f"write '## {item} Title' above it, and '### {heading}' for the part; or correct its number", part[0])
        return None
    ref, title = leading(body.numbering, heading)
    if ref is None:
        visible = INVISIBLE.sub("", heading)
        if visible != heading and leading(body.numbering, visible)[0] is not None:
            ctx.report.error(ctx.path, line, f"minute heading '{heading}' has a character in it that shows as "
                             "nothing, pasted with the text, so it does not start with a minute number",
                             f"type the heading again: '## {visible}'")
            return None
        on_agenda = _agenda_headings(body, agenda).get(" ".join(heading.lower().split()))
        number = example(body.numbering, year, above)  # the next after the item above, which it likely is
        meant = _as_numbered(body.numbering, heading)
        taken = numbered().get(whole(body.numbering, number)) if above and not (on_agenda or meant) else None
        said = f"minute heading '{heading}' does not start with a minute number"
        if above and not (on_agenda or meant or taken or body.numbering.per_meeting):  # another meeting's, maybe
            error(said, f"{body.short_name} numbers items like '{number}': write '## {number} Title'",
                  whole(body.numbering, number), above)
            return None
        ctx.report.error(ctx.path, line, said,
                         f"the agenda numbers it: write '{on_agenda}'" if on_agenda else
                         f"write '## {meant}'" if meant else
                         # the number after the item above's is the item's below: no number is free for it
                         f"{body.short_name} numbers items like '{number}', the item's on line {taken}: if it is "
                         f"part of {printed(body.numbering, above)}, write '### {heading}'; if it is an item of its "
                         "own, write '## ' and the number its minutes give it" if taken else
                         f"{body.short_name} numbers items like '{number}': write '## {number} Title'")
        return None
    title = title.strip().lstrip("–—-:.").strip()
    _printed_otherwise(heading, ref, title, line, body, ctx)
    shown = printed(body.numbering, ref)  # in messages, as the clerk writes it where the body prints zeros
    if not title:
        ctx.report.error(ctx.path, line, f"minute item {shown} has no title", f"write '## {shown} Title'")
        title = ref
    own = [f for f in fences if start < f.map[0] < end]
    meta, skip = None, set()
    if len(own) > 1:
        ctx.report.error(ctx.path, body_line + own[1].map[0], f"minute item {shown} has more than one ```item block",
                         "merge them into one")
    if own:
        fence = own[0]
        meta = yamltext.parse(fence.content, ctx.path, ctx.report, first_line=body_line + fence.map[0] + 1)
        skip = set(range(fence.map[0], fence.map[1]))
    fields = ITEM.read(meta, ctx, body_line + own[0].map[0] if own else line)
    if fields is None:
        fields = ITEM.read(None, ctx, line)
    if own and own[0].content.strip() and not isinstance(meta, dict):  # its block unreadable (reported): whether
        fields["confidential"] = True  # it is confidential is not known, and saying so again would be a 2nd message
    kept = [i for i in range(start + 1, end) if i not in skip]
    while kept and not lines[kept[0]].strip():
        kept.pop(0)
    discussion = LStr("\n".join(lines[i] for i in kept).rstrip(), body_line + (kept[0] if kept else start),
                      _skipped(kept))
    if fields["confidential"] is None and not private:  # a private meeting's minutes are never published
        _marked_confidential(title, line, [(body_line + i, lines[i]) for i in kept], shown, ctx)
    actions = _actions(fields["actions"], ref, body, folder, meeting_key, ctx)
    withheld = bool(fields["public_title"])
    if withheld and not fields["confidential"]:
        at = meta.line_of("public_title") if isinstance(meta, yamltext.LDict) else line
        if fields["confidential"] is None:
            ctx.report.error(ctx.path, at, f"minute item {shown} has a public_title, but does not say it is "
                             "confidential: its own title would be published", "write `confidential: yes` (and "
                             "a `reason:`) to publish the public_title in its place, or take public_title out")
        else:
            ctx.report.warning(ctx.path, at, f"minute item {shown} says `confidential: no`, so it is published in "
                               "full with its own title, and its public_title is not used",
                               "take public_title out, or write `confidential: yes` if the item is confidential")
            withheld = False
    calls_in = _call_in(fields, meta, line, shown, ctx)
    declared = _declared(fields["declarations"], meta, line)
    if fields["chair"] is not None or (ITEM.written(meta, "chair") if isinstance(meta, dict) else None) is None:
        # (one written but not read is an error of its own already)
        chairs.check(fields["chair"], meta.line_of("chair") if isinstance(meta, yamltext.LDict) and "chair" in meta
                     else line, shown, ctx, present, ref, declared, title, tuple(standing_declared or ()), pack)
    standing = chairs.standing_item(title)
    made = left = ()
    if fields["votes"]:
        # the declarations for the item, each with the line of its action and the standing item it was made at
        # (None: this one), which its votes are checked against (votes.read): those made at the standing item
        # above that name it. Only for an item with votes: every item of every meeting is loaded
        made = tuple((declaration, at, None) for declaration, at in declared) + (() if standing else tuple(
            entry for entry in standing_declared or () if chairs.names(entry[0].action, shown, pack)))
        left = () if standing else tuple(entry for entry in made
                                         if chairs.left_the_room(entry[0].action, shown, pack))
    if standing_declared is not None and standing:
        standing_declared.extend((declaration, at, shown) for declaration, at in declared)
    return MinuteItem(ref, fields["public_title"] if withheld else title, discussion, fields["paper"],
                      fields["lead"], fields["resolutions"], interests.typed(fields["declarations"], body, ctx),
                      actions, fields["confidential"], fields["reason"], Source(ctx.report._rel(ctx.path), line),
                      title_withheld=withheld, printed=_printed(body, ref),
                      # a confidential item's page shows none of its headings, whose words its parts' ids are made of
                      parts=() if fields["confidential"] else _parts(body, ref, list(headings)),
                      votes=votes.read(fields["votes"], shown, ctx, present, ref, made, left)
                      if fields["votes"] else (),
                      calls_in=calls_in, chair=fields["chair"])


def _marked_confidential(title: str, line: int, text: list[tuple[int, str]], shown: str, ctx: Context) -> None:
    """A minute whose heading or text carries the mark of an item taken in private, and whose ```item block does
    not say whether it is confidential: unsaid, it is published in full, as the agenda's confidential items' minutes
    would be (validate.py), so an error, at the first such line."""
    marked = confidential_mark([(line, title), *text])
    if marked:
        ctx.report.error(ctx.path, marked[0], f"minute item {shown} is marked '{marked[1]}', but does not say "
                         "whether it is confidential: it would be published in full", "write `confidential: yes` (and "
                         "a `reason:`) in its ```item block, to publish only its title, or `confidential: no` if it "
                         "may be published")


def _call_in(fields: dict, meta, line: int, shown: str, ctx: Context) -> CallIn | None:
    """The item's call-in, where it gives both the minute called in and the outcome: a call-in without its
    outcome would tell the decision's readers it was called in and not what became of it."""
    minute, outcome = fields["calls_in"], fields["call_in_outcome"]
    if minute and not outcome:
        written = ITEM.written(meta, "call_in_outcome") if isinstance(meta, dict) else None
        if not str(written or "").strip():  # else one it does not know, which its own message names
            ctx.report.error(ctx.path, line_of(minute, line), f"minute item {shown} calls in {minute}, but does not "
                             "say what the committee resolved", "add `call_in_outcome: no-further-action`, "
                             "`referred-back` (to the decision maker) or `referred-to-council`")
        return None
    if outcome and not minute:
        at = meta.line_of("call_in_outcome") if isinstance(meta, yamltext.LDict) and "call_in_outcome" in meta \
            else line
        ctx.report.error(ctx.path, at, f"minute item {shown} gives a call_in_outcome, but no "
                         "decision it called in", "add `calls_in:` with the minute number of the decision called "
                         "in (another body's: body:number, e.g. cab:CAB/24/12), or take call_in_outcome out")
        return None
    return CallIn(minute, outcome) if minute else None


def _declared(declarations: tuple, meta, line: int) -> tuple:
    """Each declaration with the line of its action, which a vote's check quotes (votes.read): the item's line
    where the entries read are not the entries written (one was not a mapping, and is reported)."""
    raw = meta.get("declarations") if isinstance(meta, dict) else None
    written = [entry for entry in (raw if isinstance(raw, list) else [raw]) if entry is not None]
    if len(written) != len(declarations) or not all(isinstance(entry, dict) for entry in written):
        return tuple((declaration, line) for declaration in declarations)
    return tuple((declaration, entry.line_of("action") if isinstance(entry, yamltext.LDict) and "action" in entry
                  else line_of(entry, line)) for declaration, entry in zip(declarations, written))


def _skipped(kept: list[int]) -> tuple[tuple[int, int], ...]:
    """LStr.skipped of an item's discussion, made of its section's lines `kept`: where its ```item block was,
    with text above it, the lines below are that many further down the file than in the text."""
    return tuple((at, kept[at] - kept[at - 1] - 1) for at in range(1, len(kept)) if kept[at] - kept[at - 1] > 1)


def _pack(body: Body, agenda) -> dict:
    """The minute (as the body prints it) of each agenda item, by its number, whose `minute:` is another number (a
    council's minute 29 for the pack's item 1): declarations name the item by the number of the agenda before the
    members (chairs.names)."""
    found = {}
    for item in all_agenda_items(agenda):
        if item.minute and unpadded(item.minute) != unpadded(item.ref):
            ref = canonical(body.numbering, item.minute)
            found.setdefault(unpadded(item.ref), printed(body.numbering, ref) if ref else item.minute)
    return found


def _printed(body: Body, ref: str) -> str:
    """MinuteItem.printed: the number as the body prints it, where that is not `ref`."""
    shown = printed(body.numbering, ref)
    return "" if shown == ref else shown


def _printed_otherwise(heading: str, ref: str, title: str, line: int, body: Body, ctx: Context) -> None:
    """A heading whose number has more or fewer zeros in front than the body prints (C/2024/45 where the body's
    pattern says C/{yyyy}/{nnn}): the page shows the number as the pattern prints it, so the clerk is told which
    way to put it right, the heading or the pattern."""
    written = misprinted(body.numbering, heading)
    if written is None:
        return
    shown = printed(body.numbering, ref)
    file = file_of(body)
    if body.numbering.width:
        ctx.report.warning(ctx.path, line, f"minute number {written} is not written as {body.short_name} prints its "
                           f"numbers ({body.numbering.written} in {file}: {body.numbering.width} digits at least, "
                           f"zeros in front), so the page shows {shown}", f"write '## {shown} {title}'")
    else:
        ctx.report.warning(ctx.path, line, f"minute number {written} has a zero in front, which {body.short_name}'s "
                           f"numbering ({body.numbering.written} in {file}) does not print, so the page shows {shown}",
                           f"write '## {shown} {title}', or, if {body.short_name} prints its numbers so, the pattern "
                           f"{_widened(body.numbering, written)} in {file}")


def _widened(numbering, written: str) -> str:
    """The body's pattern printing as many digits as `written` has for {n}: C/{yyyy}/{nnn} for C/2024/045."""
    return numbering.pattern.replace("{n}", "{" + "n" * len(digits(numbering, written) or "n") + "}")
