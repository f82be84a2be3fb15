"""The items a public meeting's minutes record after the press and public were excluded from it.

A council resolves, in public, "that the press and public be excluded from the meeting for the following item(s)
of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3
of Part 1 of Schedule 12A", and takes those items in private; an NHS board resolves that "representatives of the
press and other members of the public be excluded from the remainder of this meeting". Minutes pasted from the
pack keep the resolution, or the "PART II" line that heads the private part, with the items after it: where those
do not say `confidential:`, they are withheld as confidential ones are (withheld_minutes: their titles alone are
published), and validate.py tells the clerk to say, as a warning: councils publish a summary of an exempt item
that gives none of its exempt information in their public minutes, which `confidential: no` says.

An agenda is published too, with its papers, most often before the meeting: its item "Exclusion of the press and
public" (or one whose description resolves it, or a "PART II" item) heads the items to be taken in private, which
are found the same way (agenda_exclusions), and withheld as the items under a private section are (below), to the
item that names a public section ("Part I", "Public business"), which the press and public are back for.

An agenda may instead head its private part as a section (`section: Part II – Exempt`, "Items to be considered in
private"), as the pack's printed agenda does: a field the clerk wrote to say so, not words read in a text, so the
items under it that do not say `confidential:` are withheld as confidential ones are (in_private_sections), and
told to say so; their minutes and papers must say, as those of any confidential item must. So must those of the
items after the item excluding the press and public, withheld the same way: nothing taken in private is published
unless the clerk says it may be.

The private part ends where the minutes (or a description) say the press and public are back: a "PART I" line
standing alone, as the pack prints it above the public items, or "The press and public were readmitted." (_back).
The first item published after it that does not say `confidential:` is told (validate.py), as words read wrongly
would publish what was taken in private; words that may say so, but not clearly ("Part 1" not in capitals, "the
public were not readmitted"), end nothing, and the warning of the items withheld names them.

The check runs over every public minute and agenda item of the archive: only a text that has "xclu" (or "XCLU",
as councils' packs print the resolution in capitals) in it is read by a pattern, and for the "PART II" line only
the lines that have "PART" or "EXEMPT" in them, found without splitting the text. The words ending the private
part are looked for only in the items after an exclusion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from generator.diagnostics import shortened
from generator.model import AgendaItem, MinuteItem
from generator.yamltext import file_line, line_of, lines_of

# "the press and public be excluded", "members of the public were excluded", "RESOLVED to exclude the press and
# public", in any case ("THAT THE PRESS AND PUBLIC BE EXCLUDED"), across the lines of a paragraph hard-wrapped as
# the pack's page was ("the press and public\nbe excluded"), not across a blank line; "not excluded" and "no need to
# exclude" are read past (_NOT)
_SPACE = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # between two words of a paragraph: spaces, or one line's end
_EXCLUDED = re.compile(rf"(?i)\b(?:press|public)\b(?:[^.;\n]|\n(?![ \t]*\n)){{0,80}}?\b(?:be|were|was|are|is){_SPACE}"
                       rf"excluded\b|\bexclude{_SPACE}(?:the{_SPACE})?(?:press|public|members{_SPACE}of{_SPACE}the"
                       rf"{_SPACE}public)\b")
_NOT = re.compile(r"(?i)\b(?:not|never|no\s+need\s+to)\s+(?:(?:necessary|required|needed)\s+to\s+)?(?:be\s+)?exclud")
# an agenda's item "Exclusion of the press and public" ("EXEMPT INFORMATION - EXCLUSION OF THE PRESS AND PUBLIC",
# "Exclusion of the Public"), which resolves it at the meeting; not where its description says there is nothing to
# exclude them for ("There are no items of exempt business")
_EXCLUSION_TITLE = re.compile(r"(?i)\bexclusion\s+of\s+(?:the\s+)?(?:press|public|members\s+of\s+the\s+public)\b")
_NOTHING = re.compile(r"(?i)\bthere\s+(?:are|is|were|was)\s+no\b|\bno\s+(?:\w+\s+){0,2}(?:items?|business|reports?|"
                      r"matters?)\b|^[\s*_]*(?:none|nil|n/?a)\b")
# "for this item", "during consideration of this item": the resolution heads the exempt item's own minute
_THIS_ITEM = re.compile(r"(?i)\bthis\s+(?:item|report)\b")
# "for the following item of business", "for the next item": one item, not the rest of the meeting's
_ONE_ITEM = re.compile(r"(?i)\b(?:following|next)\s+item\b(?!s|\(s\))")
# the line that heads the part of the agenda taken in private, standing alone: "PART II", "PART 2 – EXEMPT ITEMS",
# "EXEMPT ITEMS" (not "PART 2 OF THE REPORT", nor "PART 2 – PERFORMANCE")
_PART_II = re.compile(r"^[ \t#>*_]*(?:PART (?:II|2|TWO)|EXEMPT ITEMS?)[ \t*_]*(?:[-–—:.][ \t]*(?i:[^\n]*\b(?:exempt|"
                      r"private|confidential|publication|closed)\b[^\n]*))?$")
_LONGEST_PART_II = 80  # "**PART II – EXEMPT ITEMS – NOT FOR PUBLICATION**" and the like
# an agenda's section heading its part taken in private, as councils' and boards' agendas head it: "Part II – Exempt",
# "PART 2", "Part B (Not for publication)", "Private", "Private business", "Confidential items", "Closed session",
# "Items to be considered in private", "Items likely to be taken in the absence of the press and public"; not "Part 2
# – Performance", "Private sector housing", "Items for information"
_PRIVATE_WORDS = r"(?:exempt|private|confidential|closed|restricted|not\s+for\s+publication)"
_PRIVATE_SECTION = re.compile(
    rf"(?i)[\s*_#]*(?:part\s+(?:ii|2|two|b)\b[\s*_]*(?:[-–—:.(][^\n]*\b{_PRIVATE_WORDS}\b[^\n]*)?"
    rf"|{_PRIVATE_WORDS}(?:\s+(?:business|items?|session|part|matters|agenda|reports?|information))?"
    rf"|(?:in\s+)?private(?:\s+session)?"
    rf"|(?:items?|business|matters|reports?)\b[^\n]*\b(?:in\s+private|in\s+closed\s+session|{_PRIVATE_WORDS}|"
    rf"(?:absence|exclusion)\s+of\s+(?:the\s+)?(?:press|public))\b[^\n]*)[\s*_.)]*")
# an agenda's section heading its part taken in public, which ends the reach of the item excluding the press and
# public before it: "Part I", "PART 1 – Public business", "Part A", "Public business", "Public items", "Items to be
# considered in public", "Open session"; not "Public health", "Part 1 of the Local Plan"
_PUBLIC_SECTION = re.compile(
    r"(?i)[\s*_#]*(?:part\s+(?:i|1|one|a)\b[\s*_]*(?:[-–—:.(][^\n]*\b(?:public|open)\b[^\n]*)?"
    r"|(?:public|open)(?:\s+(?:business|items?|session|part|matters|agenda|reports?|meeting))"
    r"|(?:items?|business|matters|reports?)\b[^\n]*\b(?:in\s+public|in\s+open\s+session)\b[^\n]*)[\s*_.)]*")
# The minutes' (or a description's) words that the press and public are back, which end the items taken in private
# there: "The press and public were readmitted to the meeting", "The public were readmitted", "Members of the public
# rejoined the meeting", "RESOLVED that the press and public be readmitted", "The meeting returned to public
# session": who came back, then (an auxiliary and) the verb, so that "were not readmitted", "the public health
# report returned" and "members of the public returned questionnaires" are not read as it (_VAGUE says why)
_WHO = r"(?:press\s+and\s+(?:the\s+)?public|public|members\s+of\s+the\s+public|press)"
_READMITTED = re.compile(
    rf"(?i)\b{_WHO}\s+(?:(?:were|was|are|is|be|been|have|has|had|then|duly|all)\s+){{0,3}}(?:re-?admitted|re-?joined|"
    r"returned\s+to\s+the\s+(?:meeting|room|chamber))\b|\bre-?admit\s+(?:the\s+)?" + _WHO + r"\b"
    r"|\b(?:returned|moved\s+back|reverted|reconvened)\s+(?:in|into|to)\s+(?:public|open)(?:\s+session)?\b")
# the line heading the part taken in public again, standing alone, as the pack's page leaves it: "PART I", "PART 1",
# "Part 1 – Public business", "Part I (Public)", "Public part", "Public business", "PUBLIC SESSION", "Open
# session"; "Part 1" or "Part I" alone not in capitals is not (the part of a report pasted in the text: _VAGUE)
_PART_I = re.compile(r"(?m)^[ \t#>*_]*(?:PART (?:I|1|ONE)\b(?:[ \t*_]*[-–—:.(][^\n]*\b(?i:public|open)\b[^\n]*)?"
                     r"|(?i:part[ \t]+(?:i|1|one|a)\b[ \t*_]*[-–—:.(][^\n]*\b(?:public|open)\b[^\n]*)"
                     r"|(?i:(?:public|open)[ \t]+(?:part|business|session|items|agenda)))[ \t*_.)]*$")
# words that may say the press and public are back, but not clearly: "Part 1" standing alone not in capitals, or
# "public" and a return in a sentence's words ("The public were not readmitted", "members of the public returned
# questionnaires"); the items after stay withheld, and the warning says why
_VAGUE = re.compile(r"(?im)^[ \t#>*_]*part[ \t]+(?:i|1|one|a)[ \t*_.:]*$|\b(?:press|public)\b[^.;\n]{0,80}?"
                    r"\b(?:re-?admit\w*|re-?join\w*|return\w*|back)\b")


@dataclass(frozen=True)
class Exclusion:
    """Where the minutes (or agenda) exclude the press and public (`line`, in `item`'s file, and its words, shortened
    by the message), and the items after it, taken in private, that do not say whether they are confidential."""

    item: MinuteItem | AgendaItem
    line: int
    words: str
    resolved: bool  # the resolution itself; False: the "PART II" line that heads the items taken in private
    unsaid: tuple[MinuteItem | AgendaItem, ...]
    # where the text says the press and public are back (_back): the item the public part starts at, published, the
    # line and its words; None where the items run to the end, another exclusion or a public section
    ended: Back | None = None
    # (line, words) of words that may say they are back, but not clearly, in the items covered: they stay withheld
    vague: tuple[int, str] | None = None


class Back(NamedTuple):
    """Where an item's text says the press and public are back ("PART I", "The press and public were readmitted."):
    `first`, the item published first after, which that item is where the words open its text."""

    first: MinuteItem | AgendaItem
    line: int
    words: str


class _Read(NamedTuple):
    """What of an item is read for the resolution: its heading (and its line), the texts the resolution is written
    in, and the text the "PART II" line and the press and public's return are written in; `titled`: an agenda's,
    whose title alone says the item excludes them ("Exclusion of the press and public"). A tuple: one is made for
    every public minute and agenda item of the archive, and a frozen dataclass took several times as long."""

    title: str
    line: int
    texts: tuple[str, ...]
    body: str
    titled: bool = False
    section: str = ""  # an agenda item's, which may name the public part that ends the items taken in private


def _minute(item: MinuteItem, section: str = "") -> _Read:
    # its block's `resolutions:`, and its text; `section`: its agenda item's, where that names a public part
    return _Read(item.title, item.source.line, (*item.resolutions, item.body) if item.resolutions else (item.body,),
                 item.body, section=section)


def _public_parts(agenda: tuple[AgendaItem, ...]) -> dict[str, str]:
    """minute ref (lower case) -> the section of each agenda item (of the top level) under a section naming the part
    taken in public ("Part I"), written with it or with none after it: the minutes carry no sections of their own,
    and their items after the press and public are excluded are public again from there, as the agenda's are."""
    found, section, public = {}, None, False
    for item in agenda:
        if item.section and item.section != section:
            section = item.section
            public = public_section(section)
        if public:
            found[item.minute_ref.lower()] = section
    return found


def _agenda_item(item: AgendaItem) -> _Read:
    return _Read(item.title, line_of(item.title, item.source.line), (item.description,), item.description, True,
                 item.section)


def exclusions(items: tuple[MinuteItem, ...], agenda: tuple[AgendaItem, ...] = ()) -> list[Exclusion]:
    """Each resolution excluding the press and public (or line heading the items taken in private) in a public
    meeting's minute `items`, with the items it covers that say nothing of being confidential (withheld or not yet:
    withheld_minutes); none where every item it covers says `confidential:`, either way. The items run to the
    first whose item on the meeting's `agenda` is under a section naming the public part ("Part I")."""
    public = _public_parts(agenda) if agenda else {}
    read = (lambda item: _minute(item, public.get(item.ref.lower(), ""))) if public else _minute
    return _exclusions(items, read, lambda item: item.confidential is None or item.unsaid)


def agenda_exclusions(items: tuple[AgendaItem, ...]) -> list[Exclusion]:
    """As `exclusions`, of a public meeting's agenda `items` (the top level: a sub-item is taken with its item): the
    item excluding the press and public, by its title or its description, or a "PART II" item, with the items after
    it that do not say `confidential:` (withheld or not yet: in_private_sections), which were published in full
    with their papers, most often before the meeting."""
    return _exclusions(items, _agenda_item, lambda item: item.unsaid)


def private_section(section: str) -> bool:
    """Whether an agenda's `section:` heads the part taken in private ("Part II – Exempt", "Items to be considered
    in private")."""
    return bool(section) and _PRIVATE_SECTION.fullmatch(section) is not None


def public_section(section: str) -> bool:
    """Whether an agenda's `section:` heads the part taken in public ("Part I", "Public business"), which the press
    and public excluded before it are back for."""
    return bool(section) and _PUBLIC_SECTION.fullmatch(section) is not None


def in_private_sections(agenda: tuple[AgendaItem, ...]) -> tuple[AgendaItem, ...]:
    """The agenda with each item (of the top level: a sub-item is taken with its item) under a section heading the
    part taken in private, or after the item excluding the press and public (agenda_exclusions), that does not say
    `confidential:` withheld as a confidential item is (still `unsaid`, so that validate.py tells the clerk to say):
    the clerk wrote where the pack puts it, and it was published in full. A section runs over the items after it
    that give none of their own (the agenda shows its heading once), to the next item that names another; not the
    item excluding the press and public, which is taken in public. The same tuple where nothing is withheld: the
    section is read once where it changes, not at every item."""
    private, section, withheld = False, None, []
    for item in agenda:
        if item.section and item.section != section:
            section = item.section
            private = private_section(section)
        if private and item.unsaid and not item.confidential and not item.title_withheld \
                and not ("xclu" in item.title.lower() and _EXCLUSION_TITLE.search(item.title)):
            withheld.append(item)
    withheld.extend(item for found in agenda_exclusions(agenda) for item in found.unsaid
                    if not item.confidential and not item.title_withheld)
    if not withheld:
        return agenda
    return tuple(replace(item, confidential=True) if any(item is other for other in withheld) else item
                 for item in agenda)


def withheld_minutes(items: tuple[MinuteItem, ...], agenda: tuple[AgendaItem, ...] = ()) -> tuple[MinuteItem, ...]:
    """The public meeting's minute `items` with each that the minutes record after excluding the press and public
    (exclusions) and that does not say `confidential:` withheld as a confidential minute is, its title alone
    published (still `unsaid`, so that validate.py tells the clerk to say): it was published in full. The same
    tuple where nothing is withheld."""
    withheld = [item for found in exclusions(items, agenda) for item in found.unsaid if item.confidential is None]
    if not withheld:
        return items
    return tuple(replace(item, confidential=True, unsaid=True, parts=())
                 if any(item is other for other in withheld) else item for item in items)


def _exclusions(items: tuple, read, unsaid_of) -> list[Exclusion]:
    found = []
    for at, item in enumerate(items):
        start = _found(read(item))
        if start is None:
            continue
        line, words, resolved = start
        covered, ended, vague = _covered(items, at, item, words if resolved else "", read)
        unsaid = tuple(other for other in covered if unsaid_of(other))
        if unsaid or ended is not None and unsaid_of(ended.first):
            found.append(Exclusion(item, line, words, resolved, unsaid, ended, vague))
    return found


def _found(item: _Read) -> tuple[int, str, bool] | None:
    """(file line, its words, whether a resolution) of the item's resolution excluding the press and public, or of
    the line heading the part taken in private, in its heading or text."""
    title = item.title
    if ("PART" in title or "EXEMPT" in title) and _PART_II.fullmatch(title.strip()):
        return item.line, title.strip(), False
    if item.titled and ("xclu" in title or "XCLU" in title) and _EXCLUSION_TITLE.search(title) \
            and not _NOTHING.search(item.body):
        return item.line, " ".join((title, *item.body.split())), True  # its description says which items
    for text in item.texts:
        # one look through each text for each case: a pattern in any case tried at every place cost far more
        if "xclu" in text or "XCLU" in text:
            for match in _EXCLUDED.finditer(text):
                start, end = _paragraph(text, match.start(), match.end())
                if _NOT.search(text, start, match.end()):
                    continue
                return file_line(lines_of(text), text.count("\n", 0, match.start())), \
                    " ".join(text[start:end].split()).strip(" *_#>"), True
    return _part_ii_line(item.body)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the paragraph of `text` that holds text[start:end] starts and ends: the resolution's words, which say
    which items it covers ("for the following\nitem of business"), hard-wrapped as the pack's page was."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return before + 2 if before >= 0 else 0, after if after >= 0 else len(text)


def _part_ii_line(body: str) -> tuple[int, str, bool] | None:
    """(file line, its words, False) of the first line of `body` that is the "PART II" line, standing alone where the
    pack's page leaves it: above the items it heads, the last line of the item before them, or in its text (above
    "The remaining items were considered in private"). Only the lines with "PART" or "EXEMPT" in capitals are read,
    found without splitting the text."""
    first = None
    for word in ("PART", "EXEMPT"):
        at = body.find(word)
        while at >= 0 and (first is None or at < first[0]):
            start = body.rfind("\n", 0, at) + 1
            end = body.find("\n", at)
            end = len(body) if end < 0 else end
            line = body[start:end] if end - start <= _LONGEST_PART_II else ""
            if line and _PART_II.fullmatch(line.rstrip()):
                first = start, line.strip(" *_#>\t")
                break
            at = body.find(word, end)
    if first is None:
        return None
    return file_line(lines_of(body), body.count("\n", 0, first[0])), first[1], False


def _covered(items: tuple, at: int, item, resolution: str, read) -> tuple[tuple, Back | None, tuple | None]:
    """The items the resolution (or the "PART II" line: "") covers: the item itself only where it says "this item",
    the next where it says "the following item", else every item after it until one whose text says the press and
    public are back (_back: that item too, where the words do not open its text: taken before they came back), that
    excludes them again, or that names a public section (an agenda's "Part I": not covered). With where the text
    said they are back, and the first words in the items covered that may say so, but not clearly (_VAGUE)."""
    if _THIS_ITEM.search(resolution) and not re.search(r"(?i)\bfollowing\b", resolution):
        return (item,), None, None
    after = items[at + 1:]
    if _ONE_ITEM.search(resolution):
        return after[:1], None, None
    covered, vague = [], None
    for n, other in enumerate(after):
        seen = read(other)
        if _found(seen) is not None or public_section(seen.section):  # a resolution of its own covers what follows
            break  # it; a public section is taken with the press and public back
        back = _back(seen.body)
        if back is not None:
            start, words = back
            opens = not seen.body[:start].strip()  # (`start`: its line's) the words open its text
            if not opens:
                covered.append(other)
            first = other if opens else after[n + 1] if n + 1 < len(after) else None
            line = file_line(lines_of(seen.body), seen.body.count("\n", 0, start))
            return tuple(covered), Back(first, line, words) if first is not None else None, vague
        if vague is None and ("ublic" in seen.body or "art" in seen.body or "ART" in seen.body) \
                and (loose := _VAGUE.search(seen.body)) is not None:
            vague = file_line(lines_of(seen.body), seen.body.count("\n", 0, loose.start())), \
                _sentence(seen.body, loose.start())
        covered.append(other)
    return tuple(covered), None, vague


# "not to readmit the press and public": a return that did not happen
_NOT_BACK = re.compile(r"(?i)\b(?:not|never|no)\s+(?:to\s+)?(?:be\s+)?$")


def _back(body: str) -> tuple[int, str] | None:
    """(where, its words) of the first line of an item's `body` that says the press and public are back: "PART I"
    standing alone (_PART_I), or a sentence saying they came back (_READMITTED). Only a text with "ublic", "PART",
    "art " or "pen " in it is read: the items after an exclusion only, but the words are looked for in each."""
    first = None
    if "ublic" in body or "PART" in body or "art " in body or "pen " in body:
        for pattern in (_PART_I, _READMITTED):
            for match in pattern.finditer(body):
                if pattern is _READMITTED and _NOT_BACK.search(body, max(0, match.start() - 20), match.start()):
                    continue
                if first is None or match.start() < first[0]:
                    first = match.start(), match.group()
                break
    return None if first is None else (body.rfind("\n", 0, first[0]) + 1, _sentence(body, first[0]))


def _sentence(body: str, at: int) -> str:
    """The sentence of `body` at `at`, within its line, as a message quotes it: not the rest of its line ("The press
    and public are readmitted. Any other business")."""
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    line = body[start:end if end >= 0 else len(body)]
    said = line[line.rfind(". ", 0, at - start) + 1:].lstrip()
    said = said[:said.find(". ") + 1] if ". " in said else said
    return shortened(" ".join(said.split()).strip(" *_#>"), 80)
