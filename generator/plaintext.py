"""Clerk Markdown reduced to plain text, for places that cannot carry HTML.

Feed summaries, calendar descriptions and CSV cells are read by programs that
show text as it is: `**RECEIVE** the report` must arrive as "RECEIVE the
report". Walking markdown-it's tokens (rather than stripping characters with
a regular expression) keeps literal asterisks in code spans and link text
intact and never leaves half a link behind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.markdown import commonmark
from generator.references import EXPLICIT

_PARSER = commonmark({"html": False})
# Characters XML 1.0 forbids; a stray one pasted from a PDF would make a feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ADDRESS = re.compile(r"(https?|mailto):", re.I)  # a link's target that means something off the page


# One line that markdown-it gives back as it is, but for its spaces: it neither opens a block (a list, a
# heading, a quote, code) nor holds a character that can start or end inline markup. Most titles are such
# lines, and a warm build summarises every title again for the feeds and open data: a parse each would be
# most of that (tests/test_plaintext.py compares the two ways on every mix of Markdown's characters).
_LITERAL = re.compile(r"(?![0-9]{1,9}[.)](?:[ \t]|$))(?:[^\W_]|[\"'(\u201c\u2018\u00a3$\u20ac])"
                      r"[^\x00-\x1f\x7f\\`*_\[\]<>&]*")


def plain(markdown: str) -> str:
    """The words of `markdown`, paragraphs separated by blank lines, the items of a list as the page numbers or
    bullets them, one a line where the list is tight, a nested list's indented under its item."""
    return _read(markdown, _plain)


def _read(markdown, parsed) -> str:
    """`markdown`'s words: a plain line's with its spaces made single, without the parser (`parsed`)."""
    markdown = str(markdown or "")
    return xml_safe(" ".join(markdown.split())) if _LITERAL.fullmatch(markdown) else parsed(markdown)


@lru_cache(maxsize=1 << 17)
def _plain(markdown: str) -> str:
    """Memoised: the same text is summarised for the site, body, person and action feeds (a
    smaller cache than the archive's count of texts would be emptied before its entries are reused)."""
    return xml_safe(_Lines().read(_PARSER.parse(markdown)))


class _Lines:
    """A text's blocks as lines. A list's items were bare lines: "RESOLVED: 1. to approve ... 2. to note ..." came
    out without its numbers, which the minutes cite the resolutions by, and a nested list lost which item it was
    under. An item keeps the number the page shows (from the list's start, whatever was typed: `3.` then `3.` is
    3 and 4) or a bullet ("- "), and what it holds is indented by its marker's width, as Markdown writes it."""

    def __init__(self):
        self.lists: list[list[int | None]] = []  # each open list's next number, None for a bullet list
        self.widths: list[int] = []  # the marker's width of each open list item
        self.marker = ""  # the markers of the items whose first block is still to come
        self.out: list[str] = []
        self.tight = False  # whether the last block written was a paragraph of a tight list

    def read(self, tokens) -> str:
        opener = None
        for token in tokens:
            kind = token.type
            if kind in ("ordered_list_open", "bullet_list_open"):
                start = token.attrGet("start")  # markdown-it gives none for 1
                self.lists.append([(1 if start is None else int(start)) if kind == "ordered_list_open" else None])
            elif kind in ("ordered_list_close", "bullet_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                number = self.lists[-1]
                marker = "- " if number[0] is None else f"{number[0]}. "
                number[0] = None if number[0] is None else number[0] + 1
                self.marker = (self.marker or " " * sum(self.widths)) + marker
                self.widths.append(len(marker))
            elif kind == "list_item_close":
                self.widths.pop()
                self.marker = ""  # an empty item
            elif kind in _BLOCKS:
                # markdown-it hides the paragraphs of a tight list, which has no blank lines between its items
                tight = kind == "inline" and opener is not None and opener.type == "paragraph_open" and opener.hidden
                self.block(" ".join((token.content if kind in _CODE else _plain_inline(token)).split()), tight)
            opener = token
        return "".join(self.out)

    def block(self, text: str, tight: bool) -> None:
        if not text:
            return
        if self.out:
            self.out.append("\n" if tight and self.tight else "\n\n")
        self.out.append((self.marker or " " * sum(self.widths)) + text)
        self.marker, self.tight = "", tight


# Code is shown on the page as it is written: lines indented four spaces (a paragraph pasted from a PDF or a
# Word document often is) or fenced. Only the inline tokens were read, and such text was left out of every feed,
# calendar and data file without a word.
_CODE = ("code_block", "fence")
_BLOCKS = ("inline", *_CODE)


def _plain_inline(token) -> str:
    """The words of one inline token (a paragraph, a heading, a title), the addresses of links off the page after
    theirs, spaces as written."""
    words, targets = [], []
    for child in token.children or ():
        if child.type == "text":
            words.append(EXPLICIT.sub(_shown, child.content) if "[[" in child.content else child.content)
        elif child.type == "code_inline":
            words.append(child.content)
        elif child.type == "image":
            # Its alt text, which the page gives those who cannot see it; an image with none is decorative
            alt = " ".join(_plain_inline(child).split())
            words.append(f"[Image: {alt}]" if alt else "")
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "link_open":
            targets.append((str(child.attrGet("href") or ""), len(words)))
        elif child.type == "link_close" and targets:
            # A link's address after its words, "the council website (https://...)": plain text has no link,
            # and a re-user of the open data or a calendar's reader would otherwise lose where it led.
            href, start = targets.pop()
            if _ADDRESS.match(href) and "".join(words[start:]).strip() not in (href, href.removeprefix("mailto:")):
                words.append(f" ({href.removeprefix('mailto:')})")
    return "".join(words)


def _shown(reference: re.Match) -> str:
    """A `[[...]]` reference in plain text, which has no link: its words (`[[target|words]]`), as the page shows
    them, else what of it the target says without the archive. A page names `[[person:sarah-prema]]` from the
    register, but a text's plain form is kept for as long as the text is unchanged, not for as long as the names
    it would take (a register's, a meeting's title) are (exports.Reused, feeds.atom_feeds): the register id, as
    people.json keys it, the minute's number, the action, the meeting or paper as written. The brackets and
    `person:` were the clerk's markup, left in spreadsheet cells, feed summaries and calendars."""
    target, words = reference.group(1).strip(), reference.group(2)
    if words and words.strip():
        return words.strip()
    kind, colon, rest = target.partition(":")
    if not colon or "/" in kind:  # a meeting or paper: ccb/2018-06-21, ccb/2018-06-21/papers/C
        return target
    if kind == "action":  # as the page names it: action CCBP/18/49#1, another body's too
        return "action " + rest.strip().rpartition(":")[2].strip()
    if kind == "person":
        return rest.strip()
    number = rest.strip()  # body:number, or an item of a body numbering afresh at each meeting: jc:2019-11-05/5
    return f"item {number.rpartition('/')[2]}" if _PER_MEETING.fullmatch(number) else number


_PER_MEETING = re.compile(r"\d{4}-\d\d-\d\d[^/]*/[^/]+")  # a meeting's folder, its item: 2019-11-05/5


def one_line(markdown: str) -> str:
    """`plain`, on a single line: for a table cell of Markdown written as paragraphs (an action's text)."""
    return " ".join(plain(markdown).split())


def plain_title(markdown: str) -> str:
    """A title (an item's, a paper's) in plain text, as its heading shows it: inline Markdown, which
    `markdown_inline` renders, not blocks; read as a block, "2. Minutes of the last meeting" was a list item
    and "# of beds" a heading, and their number and sign were lost in feeds, calendars, data and page titles."""
    return _read(markdown, _plain_title)


@lru_cache(maxsize=1 << 16)
def _plain_title(markdown: str) -> str:
    return xml_safe(" ".join(_plain_inline(_PARSER.parseInline(markdown)[0]).split()))


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", str(text))
