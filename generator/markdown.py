"""Markdown to HTML for everything clerks write, safely and with anchors.

Raw HTML is off, so a pasted `<script>` shows as text. Links are checked in a
token pass rather than by markdown-it's silent validateLink, so that a
`javascript:` or `data:` link becomes an error the clerk is told about instead
of text that quietly stops being a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from generator.references import reference_rule
from generator.values import slugify

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# A text with headings is parsed once and placed at any heading level and id prefix (`place`): rendered
# `placeable`, each heading's tag holds LEVEL and its depth below the text's top heading (render), and its id
# starts with PREFIX. A text that holds either character itself is never rendered placeable.
LEVEL, PREFIX = "\x02", "\x03"
_LEVELS = re.compile("\x02([0-5])")
_WRAP = "data-table-wrap"  # a table's label, put on its <div class="table-wrap"> (render)
_WRAPPED = re.compile(f'<table {_WRAP}="([^"]*)">')
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_APPENDIX = re.compile(r"^appendix\s+([a-z0-9]{1,3})\b", re.I)
_ELSEWHERE = re.compile(r"^(?:https?://|mailto:)", re.I)  # an address outside the site, which a printout can name


def normalize(state) -> None:
    """markdown-it's first step (rules_core/normalize.py), to the same text, for every parser of the build.

    markdown-it rewrites every line ending of every text with a regex, each
    `\\n` to itself, and then looks for NULs with another: about 4% of the
    reference scan, which parses every text of the archive, in a profile.
    Only a carriage return or a NUL changes anything, and `str` tells whether
    a text holds one many times faster than a regex rewrites it.
    """
    text = state.src
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    state.src = text


def commonmark(options: dict) -> MarkdownIt:
    """markdown-it's CommonMark parser with `options`, normalising input the quicker way (`normalize`)."""
    md = MarkdownIt("commonmark", options)
    md.core.ruler.at("normalize", normalize)
    return md


def make_parser() -> MarkdownIt:
    md = commonmark({"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # checked, with a message, in `Renderer.render`
    md.core.ruler.push("references", reference_rule)
    md.core.ruler.push("print_addresses", print_address_rule)
    return md


def _as_written(address: str) -> str:
    """An address as words might give it: without its scheme, 'www.', a closing slash, %-escapes, case or spaces."""
    text = _ELSEWHERE.sub("", unquote(address).strip().lower())
    return re.sub(r"\s", "", text.removeprefix("www.").rstrip("/"))


def print_address_rule(state) -> None:
    """A clerk's link to another site or an email address whose words are not its address is marked `print-address`,
    which prints the address after the words (style.css): printed minutes named 'Testshire Food Bank' and no way
    to reach it. A link that shows its address already ('www.testshire.example/hwb') prints as it is."""
    for token in state.tokens:
        children = token.children or () if token.type == "inline" else ()
        for index, child in enumerate(children):
            href = str(child.attrGet("href") or "") if child.type == "link_open" else ""
            if not _ELSEWHERE.match(href):
                continue
            words = []
            for inner in children[index + 1:]:
                if inner.type == "link_close":
                    break
                words.append(inner.content if inner.type in ("text", "code_inline") else "")
            if _as_written(href) not in _as_written("".join(words)):
                child.attrSet("class", "print-address")


def make_block_parser() -> MarkdownIt:
    """The parser's block structure alone (headings, fences, tables), without parsing inside paragraphs: what
    the loader needs to find a file's sections (load_minutes.py), for half the work of a whole parse."""
    md = commonmark({"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.disable(["inline", "text_join"])
    return md


@dataclass
class LinkProblem:
    line: int  # 0-based line within the fragment
    href: str


@dataclass
class Rendered:
    html: str
    problems: list[LinkProblem] = field(default_factory=list)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, id, text


def _is_unsafe(href: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", href)
    m = _SCHEME.match(cleaned)
    return bool(m) and (m.group(0).lower() not in SAFE_SCHEMES)


# Ids the templates give their own sections; a clerk's "### Actions" must not take one.
def _words(inline: Token) -> str:
    """A heading's words without their Markdown: a screen reader reads a table's region by them."""
    words = [child.content if child.type in ("text", "code_inline") else " " if child.type.endswith("break") else ""
             for child in inline.children or ()]
    return " ".join("".join(words).split())


TEMPLATE_IDS = frozenset({
    "main", "contents", "attendance", "present", "in-attendance", "deputising", "apologies", "absent",
    "minute-taker", "public-gallery", "arrivals-and-departures", "agenda", "minutes", "actions-raised", "action-log",
    "papers", "notes", "resolved", "votes", "declarations", "actions", "referenced-from", "history", "front-sheet",
    "appendices", "paper-text", "roles", "memberships", "meetings", "open", "closed", "overdue-today",
    "overdue-last-meeting", "about-heading", "members-heading", "meetings-heading", "search", "not-held",
})


def heading_id(text: str, used: set[str]) -> str:
    m = _APPENDIX.match(text.strip())
    base = f"appendix-{m.group(1).lower()}" if m else (slugify(text)[:60].strip("-") or "section")
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


class Renderer:
    """One parser for the whole build; `render` is pure given its arguments."""

    def __init__(self):
        self.md = make_parser()

    def parse(self, text: str) -> list[Token]:
        return self.md.parse(text)

    def render(self, text: str, base_level: int = 2, used_ids: set[str] | None = None,
               id_prefix: str = "", env: dict | None = None, tokens: list[Token] | None = None,
               placeable: bool = False) -> Rendered:
        """Render `text` with its top heading level moved to `base_level`, and each heading below it one level
        below the heading it is under.

        `env` carries the reference linker and where the text is published
        (see references.py); without it no cross-references are made.
        `tokens`, when given, are `text` already parsed with the same `env`.
        `placeable`: headings marked for `place` instead (the caller checks `can_place` first).
        """
        if not text or not text.strip():
            return Rendered("")
        if tokens is None:
            tokens = self.md.parse(text, env if env is not None else {})
        used = used_ids if used_ids is not None else set(TEMPLATE_IDS)
        problems: list[LinkProblem] = []
        headings: list[tuple[int, str, str]] = []
        # Each heading one level below the nearest heading above it that is higher, whatever level it was written
        # at: a clerk's `#` then `####` (Word's Heading 1 and Heading 4) would skip two levels, which a screen
        # reader's list of headings reads as sections missing
        above: list[int] = []  # the written levels of the headings the one being rendered is under
        depth = 0
        last_line = tables = 0
        under = ""  # the words of the heading above, which name a table's scrolling region
        for index, token in enumerate(tokens):
            if token.map:
                last_line = token.map[0]
            if token.type in ("heading_open", "heading_close"):
                if token.type == "heading_open":
                    written = int(token.tag[1])
                    while above and above[-1] >= written:
                        above.pop()
                    depth = len(above)
                    above.append(written)
                level = min(base_level + depth, 6)
                token.tag = f"h{LEVEL}{depth}" if placeable else f"h{level}"
                if token.type == "heading_open":
                    title = tokens[index + 1].content
                    anchor = (PREFIX if placeable else id_prefix) + heading_id(title, used)
                    token.attrSet("id", anchor)
                    headings.append((level, anchor, title))
                    under = _words(tokens[index + 1])
            elif token.type == "th_open":
                token.attrSet("scope", "col")
            elif token.type == "table_open":
                tables += 1
                token.attrSet(_WRAP, f"Table {tables}, under {under}" if under else f"Table {tables}")
            elif token.type == "inline" and token.children:
                line = last_line
                for child in token.children:
                    if child.type in ("softbreak", "hardbreak"):
                        line += 1
                    attr = "href" if child.type == "link_open" else "src" if child.type == "image" else None
                    if attr and _is_unsafe(str(child.attrGet(attr) or "")):
                        problems.append(LinkProblem(line, str(child.attrGet(attr))))
                        child.attrSet(attr, "#unsafe-link-removed")
        html = self.md.renderer.render(tokens, self.md.options, {})
        html = _WRAPPED.sub(r'<div class="table-wrap" tabindex="0" role="region" aria-label="\1"><table>', html)
        return Rendered(html.replace("</table>", "</table></div>"), problems, headings)

    @staticmethod
    def can_place(text: str) -> bool:
        return LEVEL not in text and PREFIX not in text

    @staticmethod
    def place(html: str, base_level: int, id_prefix: str) -> str:
        """A `placeable` rendering at `base_level` with `id_prefix`: the very HTML `render` gives with them."""
        html = _LEVELS.sub(lambda m: str(min(base_level + int(m.group(1)), 6)), html)
        return html.replace(PREFIX, escapeHtml(id_prefix))

    def inline_of(self, text: str, tokens: list[Token]) -> str | None:
        """What `render_inline` gives `text`, from its block parse (`tokens`, rendered or not) when that is one
        paragraph holding the whole text as it is: the same inline tokens, resolved by the same rule, or None.
        The reference scan parses every text as a block; titles and resolutions are shown inline."""
        if len(tokens) != 3 or tokens[0].type != "paragraph_open" or tokens[1].content != text:
            return None
        if any(_is_unsafe(str(child.attrGet("href" if child.type == "link_open" else "src") or ""))
               for child in tokens[1].children or () if child.type in ("link_open", "image")):
            return None
        return self.md.renderer.render([tokens[1]], self.md.options, {})

    def render_inline(self, text: str, env: dict | None = None) -> Rendered:
        if not text:
            return Rendered("")
        tokens = self.md.parseInline(text, env if env is not None else {})
        problems = []
        for token in tokens:
            line = 0  # of the text, as `render` counts them: a resolution may run over lines (`- |`)
            for child in token.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                attr = "href" if child.type == "link_open" else "src" if child.type == "image" else None
                if attr and _is_unsafe(str(child.attrGet(attr) or "")):
                    problems.append(LinkProblem(line, str(child.attrGet(attr))))
                    child.attrSet(attr, "#unsafe-link-removed")
        return Rendered(self.md.renderer.render(tokens, self.md.options, {}), problems)
