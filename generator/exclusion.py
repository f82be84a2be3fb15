"""The items a public meeting's minutes record after the press and public were excluded from it.

A council resolves, in public, "that the press and public be excluded from the meeting for the following item(s)
of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3
of Part 1 of Schedule 12A", and takes those items in private; an NHS board resolves that "representatives of the
press and other members of the public be excluded from the remainder of this meeting". Minutes pasted from the
pack keep the resolution, or the "PART II" line that heads the private part, with the items after it: where those
do not say `confidential:`, they are published in full. What is found here is told by validate.py, as a warning:
councils publish a summary of an exempt item that gives none of its exempt information in their public minutes,
which `confidential: no` says.

The check runs over every public minute of the archive: only a text that has "xclu" in it is read by a pattern,
and of the "PART II" line's, only the item's title and the last line of its text, where the line stands pasted
above the items it heads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import MinuteItem
from generator.yamltext import file_line, lines_of

# "the press and public be excluded", "members of the public were excluded", "RESOLVED to exclude the press and
# public"; "not excluded" and "no need to exclude" are read past (_NOT)
_EXCLUDED = re.compile(r"(?i)\b(?:press|public)\b[^.;\n]{0,80}?\b(?:be|were|was|are|is)\s+excluded\b"
                       r"|\bexclude\s+(?:the\s+)?(?:press|public|members\s+of\s+the\s+public)\b")
_NOT = re.compile(r"(?i)\b(?:not|never|no\s+need\s+to)\s+(?:(?:necessary|required|needed)\s+to\s+)?(?:be\s+)?exclud")
# "for this item", "during consideration of this item": the resolution heads the exempt item's own minute
_THIS_ITEM = re.compile(r"(?i)\bthis\s+(?:item|report)\b")
# "for the following item of business", "for the next item": one item, not the rest of the meeting's
_ONE_ITEM = re.compile(r"(?i)\b(?:following|next)\s+item\b(?!s|\(s\))")
# the line that heads the part of the agenda taken in private, standing alone: "PART II", "PART 2 – EXEMPT ITEMS",
# "EXEMPT ITEMS" (not "PART 2 OF THE REPORT", nor "PART 2 – PERFORMANCE")
_PART_II = re.compile(r"^[ \t#>*_]*(?:PART (?:II|2|TWO)|EXEMPT ITEMS?)[ \t*_]*(?:[-–—:.][ \t]*(?i:[^\n]*\b(?:exempt|"
                      r"private|confidential|publication|closed)\b[^\n]*))?$")
_LONGEST_PART_II = 80  # "**PART II – EXEMPT ITEMS – NOT FOR PUBLICATION**" and the like
# "The press and public were readmitted to the meeting": the items after it are public again
_READMITTED = re.compile(r"(?i)\b(?:press|public)\b[^.;\n]{0,80}?\b(?:re-?admitted|re-?joined|returned)\b")


@dataclass(frozen=True)
class Exclusion:
    """Where the minutes exclude the press and public (`line`, in `item`'s file, and its words, shortened by the
    message), and the items after it, taken in private, that do not say whether they are confidential."""

    item: MinuteItem
    line: int
    words: str
    resolved: bool  # the resolution itself; False: the "PART II" line that heads the items taken in private
    unsaid: tuple[MinuteItem, ...]


def exclusions(items: tuple[MinuteItem, ...]) -> list[Exclusion]:
    """Each resolution excluding the press and public (or line heading the items taken in private) in a public
    meeting's minute `items`, with the items it covers that say nothing of being confidential; none where every
    item it covers says `confidential:`, either way."""
    found = []
    for at, item in enumerate(items):
        start = _found(item)
        if start is None:
            continue
        line, words, resolved = start
        covered = _covered(items, at, item, words if resolved else "")
        unsaid = tuple(other for other in covered if other.confidential is None)
        if unsaid:
            found.append(Exclusion(item, line, words, resolved, unsaid))
    return found


def _found(item: MinuteItem) -> tuple[int, str, bool] | None:
    """(file line, its words, whether a resolution) of the item's resolution excluding the press and public, or of
    the line heading the part taken in private, in its heading or text."""
    body, title = item.body, item.title
    if ("PART" in title or "EXEMPT" in title) and _PART_II.fullmatch(title.strip()):
        return item.source.line, title.strip(), False
    for text in (*item.resolutions, body) if item.resolutions else (body,):  # its block's `resolutions:`, its text
        if "xclu" in text:  # one look through each text: a second, for "XCLU" in capitals, cost as much again
            for match in _EXCLUDED.finditer(text):
                start = text.rfind("\n", 0, match.start()) + 1
                if _NOT.search(text, start, match.end()):
                    continue
                end = text.find("\n", match.end())
                return file_line(lines_of(text), text.count("\n", 0, start)), \
                    text[start:end if end >= 0 else len(text)].strip(" *_#>"), True
    # the "PART II" line ends the text of the item above the items taken in private, as the pack's page is pasted:
    # its last line alone is read, where it is a short one, not the whole text again (nor its last paragraph)
    end = len(body)
    while end and body[end - 1].isspace():
        end -= 1
    start = body.rfind("\n", max(end - _LONGEST_PART_II, 0), end) + 1
    if start or end <= _LONGEST_PART_II:
        last = body[start:end]
        if ("PART" in last or "EXEMPT" in last) and _PART_II.fullmatch(last):
            return file_line(lines_of(body), body.count("\n", 0, start)), last.strip(" *_#>\t"), False
    return None


def _covered(items: tuple[MinuteItem, ...], at: int, item: MinuteItem, resolution: str) -> tuple[MinuteItem, ...]:
    """The items the resolution (or the "PART II" line: "") covers: the item itself only where it says "this item",
    the next where it says "the following item", else every item after it until one whose text says the press and
    public were readmitted (that item too, where it says so below its first line: taken before they came back), or
    that excludes them again."""
    if _THIS_ITEM.search(resolution) and not re.search(r"(?i)\bfollowing\b", resolution):
        return (item,)
    after = items[at + 1:]
    if _ONE_ITEM.search(resolution):
        return after[:1]
    covered = []
    for other in after:
        if _found(other) is not None:  # a resolution of its own covers what follows it
            break
        back = _READMITTED.search(other.body)
        if back is not None:
            if other.body[:other.body.rfind("\n", 0, back.start()) + 1].strip():  # not where its text starts
                covered.append(other)
            break
        covered.append(other)
    return tuple(covered)
