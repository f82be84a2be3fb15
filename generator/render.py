"""Stage 4, render: Jinja templates turn the resolved archive into HTML strings.

The site's own `content/templates/` come first on the search path, so a body
can restyle any page by copying one template; the defaults live in the
project's top-level `templates/`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import os
import re
import types
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2 import pass_context
from markupsafe import Markup

from generator import cache as build_cache
from generator import urls
from generator.diagnostics import Report
from generator.interrupt import check, never
from generator.markdown import Renderer
from generator.model import all_agenda_items, titled_with_body
from generator.parallel import has_ended
from generator.plaintext import plain_title
from generator.print_margins import css_string, printed_name
from generator.references import Linker, Where
from generator.values import spoken_date, spoken_due
from generator.yamltext import file_line, lines_of


# A cross-reference's link as the reference rule renders it (references._split): <a href="..." class="xref">words</a>
_XREF = re.compile(r'<a href="[^"<>]*" class="xref">[^<]*</a>')


def cross_references(html: str) -> list[Markup]:
    """The cross-references' links in a text rendered from Markdown (`markdown_inline`'s), each once, in order: a
    paper's page lists those of its title under its heading ("The title cites: CCBP/19/70"), as the heading shows
    the title as text, as everywhere else the title is shown, most often inside a link to the paper."""
    return [Markup(link) for link in dict.fromkeys(_XREF.findall(str(html)))]


def _default_templates() -> Path:
    """The checkout's templates/, or in an installed copy the same files carried inside the package (see
    pyproject.toml): a top-level templates/ in site-packages would be some other package's."""
    packaged = Path(__file__).resolve().parent / "default_templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"


DEFAULT_TEMPLATES = _default_templates()


# Memoised, as strftime is slow and an archive has few dates: every page of a meeting writes its date.
@functools.lru_cache(maxsize=1 << 14)
def long_date(value: dt.date | None) -> str:
    """'Thursday 21 June 2018': how UK minutes write dates, unambiguous to every reader."""
    if value is None:
        return ""
    return f"{value:%A} {value.day} {value:%B %Y}"


@functools.lru_cache(maxsize=1 << 14)
def short_date(value: dt.date | None) -> str:
    return spoken_date(value) if value else ""


def said_due(due) -> tuple[str, str]:
    """A `Due` as pages and feeds give it (values.spoken_due): its words, and what a <time> around them says."""
    return spoken_due(due.text, due.date)


# A text without headings renders the same at any heading level and id prefix; its HTML is
# cached under this marker instead, so the meeting page and the item page (and the reference
# scan before them, backlinks.scan) share one parse.
LEVEL_FREE = "any level"
# A text with headings is cached under this marker as its placeable rendering (markdown.Renderer.place),
# for the same reason: a meeting page and an item page show an item's text at different levels.
PLACEABLE = "placeable"
# A text shown inline (a title, a resolution) is cached under this marker; the scan fills it in for a text
# that parses as one paragraph (markdown.Renderer.inline_of).
INLINE = "inline"
# The cache's keys of HTML in which something looks like a reference (references.Where.live): the only HTML
# that can change when items, papers, meetings or people are added or removed (forget_links).
LINKED = "linked"


def forget_links(cache: dict, signature: str, stop=never) -> None:
    """Drop the HTML that may link differently now that the linker's targets are `signature`. `stop`: see
    interrupt.py; HTML not yet dropped stays listed as linked, and the cache keeps its old signature."""
    if cache.get("signature") == signature:
        return
    linked = cache.get(LINKED, set())
    keys = list(linked)
    for start in range(0, len(keys), 5000):
        check(stop)
        for key in keys[start:start + 5000]:
            cache.pop(key, None)
            linked.discard(key)
    cache.pop(LINKED, None)
    cache["signature"] = signature


def place_key(where: Where) -> tuple:
    """The part of a cache key that says where a text is published: its references depend on it."""
    return _place(where.body, where.meeting, where.paper)


def _place(body, meeting, paper) -> tuple:
    return (meeting.key if meeting is not None else body, paper.ref if paper is not None else None)


class MarkdownFilter:
    """Renders clerk Markdown once per distinct text and place, reporting unsafe links at their line.

    References in a text mean different things in different meetings ("Paper
    C"), so the meeting and paper come from the template's context (or are
    passed explicitly) and are part of the cache key. Most calls find their
    HTML in the cache (the reference scan rendered it), so the place is worked
    out before anything a parse would need.
    """

    def __init__(self, report: Report, renderer: Renderer, linker: Linker | None):
        self.renderer = renderer
        self.linker = linker
        self.report = report
        self.cache: dict[tuple, str] = {}

    @staticmethod
    def _where(context, meeting, paper) -> tuple:
        """(body, meeting, paper) the text is published in: the template's, unless passed explicitly."""
        meeting = meeting if meeting is not None else _get(context, "meeting")
        paper = paper if paper is not None else _get(context, "paper")
        body = meeting.body if meeting is not None else getattr(_get(context, "body"), "slug", None)
        return body, meeting, paper

    @pass_context
    def block(self, context, text, path: str = "", base_level: int = 2, prefix: str = "", meeting=None,
              paper=None) -> Markup:
        if not text:
            return Markup("")
        source, text = text, str(text)  # the source keeps its line, for messages
        where = self._where(context, meeting, paper)
        place = _place(*where)
        # Kept under the source itself, equal to its copy: `str(text)` copies a text with its line (yamltext.LStr),
        # and a key holding the copy kept it alive to the end, a copy of every text a rendering process showed
        # (29% of what one grew by at 200 meetings, by tracemalloc: docs/performance-history.md, session 62).
        kept = source if isinstance(source, str) else text
        key = (kept, base_level, prefix, place)
        cache = self.cache
        html = cache.get(key)
        if html is not None:
            return Markup(html)
        level_free = (kept, LEVEL_FREE, place)
        html = cache.get(level_free)
        if html is not None:
            self._keep(key, html, level_free in cache.get(LINKED, ()))
            return Markup(html)
        placeable = (kept, PLACEABLE, place)
        marked = cache.get(placeable)
        if marked is not None:
            html = self.renderer.place(marked, base_level, prefix)
            self._keep(key, html, placeable in cache.get(LINKED, ()))
            return Markup(html)
        where = Where(*where)
        env = {"linker": self.linker, "where": where}
        can_place = self.renderer.can_place(text)
        rendered = self.renderer.render(text, base_level=base_level, id_prefix=prefix, env=env,
                                        placeable=can_place)
        self._report(rendered, source, path)
        html, linked = rendered.html, bool(where.live)
        if not rendered.problems:
            if not rendered.headings:
                self._keep(level_free, html, linked)
            elif can_place:
                self._keep(placeable, html, linked)
        if rendered.headings and can_place:
            html = self.renderer.place(html, base_level, prefix)
        self._keep(key, html, linked)
        return Markup(html)

    @pass_context
    def inline(self, context, text, path: str = "", meeting=None, paper=None) -> Markup:
        if not text:
            return Markup("")
        where = self._where(context, meeting, paper)
        key = (str(text), INLINE, _place(*where))
        html = self.cache.get(key)
        if html is None:
            where = Where(*where)
            rendered = self.renderer.render_inline(str(text), env={"linker": self.linker, "where": where})
            self._report(rendered, text, path)
            self._keep(key, rendered.html, bool(where.live))
            html = rendered.html
        return Markup(html)

    def _keep(self, key: tuple, html: str, linked: bool) -> None:
        self.cache[key] = html
        if linked:
            self.cache.setdefault(LINKED, set()).add(key)

    def _report(self, rendered, text, path: str) -> None:
        root = self.report.root
        if root is not None and path.startswith("content/") and Path(root).name != "content":
            # a file of the content folder named by a template as `content/site.yaml` (home.html), which records'
            # paths never are unless the folder is so named: named as the folder is (`--content archive`)
            path = self.report._rel(Path(root) / path[len("content/"):])
        for problem in rendered.problems:
            line = file_line(lines_of(text), problem.line)
            self.report.error(path or "content", line, f"unsafe link '{problem.href[:40]}'",
                              "links must be web addresses (https://...), mailto: or relative; "
                              "javascript: and data: links are not allowed")


def _get(context, name: str):
    value = context.get(name)
    return None if value is None or isinstance(value, jinja2.Undefined) else value


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, so the live preview does not compile every template on every save.

    Each entry is checked, as Jinja checks a file, against the checksum of its
    template's source as read now, so an edited template is compiled afresh.
    Entries are Python code objects, not marshalled bytes: every save makes a
    new environment, whose templates were unmarshalled again each time (13
    templates into a fresh environment: 3.3 to 9.8 ms, against 0.4 ms without
    unmarshalling; docs/performance-history.md, session 57). A code
    object is immutable; each environment runs it into functions of its own
    (jinja2.Template.from_code), so nothing of one save's environment reaches
    another's.
    """

    def __init__(self):
        self.compiled: dict[str, tuple[str, types.CodeType]] = {}  # key -> (its source's checksum, its code)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)


# A compiled template half written by a build killed as it wrote: name.jinja.<pid>.tmp (cache.save_bytes), or
# name.jinja<random letters>.tmp (Jinja's own writing, before save_bytes). save_bytes removes its own as it writes the
# same file again, which after an upgrade (a new `code`, so new names) no build does, and Jinja's never.
_HALF_WRITTEN = re.compile(r"\.jinja(?:\.(\d+)|[^.]+)\.tmp\Z")


class CompiledOnDisk(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept beside the build cache, so that a warm build, which renders a few pages, does
    not first compile every template they use (with this, a warm build's render stage went from 1.45 s to
    1.26 s at 2,000 meetings: docs/performance-history.md, "Warm builds on both cores").

    Jinja checks each file against its template's source and the Python it
    was compiled by, but not against the environment's options or this code:
    `code` (the build cache's format, which names the generator's source
    digest) is part of each file's name, and files another code compiled are
    removed, so that they do not pile up with each upgrade. Nor does Jinja
    check a file's own bytes: each is kept as the build cache's files are, with
    a CRC-32 (cache.save_bytes), and all of this code's are read and checked
    here, before a build renders (or forks the processes that render), so that
    one cut short or changed by hand is said to be in the build cache's line
    (`damaged`), removed, and compiled afresh: Jinja ran such a file, and the
    build printed pages wrongly, or stopped with a traceback or a crash. Like
    the build cache, it only ever spares work: a folder that cannot be written
    is no cache.
    """

    def __init__(self, folder: Path, code: str, damaged: list | None = None):
        prefix = f"{hashlib.sha256(code.encode()).hexdigest()[:16]}-"
        super().__init__(str(folder), prefix + "%s.jinja")
        self.kept: dict[str, bytes] = {}  # by file name, checked
        try:
            entries = list(os.scandir(folder))
        except OSError:
            entries = []
        for entry in entries:
            half = _HALF_WRITTEN.search(entry.name)
            if half and (half.group(1) is None or has_ended(half.group(1))):  # not a build still writing it
                build_cache.remove(entry.path)
        for entry in (entry for entry in entries if entry.name.endswith(".jinja")):
            if not entry.name.startswith(prefix):
                build_cache.remove(entry.path)
                continue
            found: list = []
            data = build_cache.load_bytes(Path(entry.path), found)
            if data is not None:
                self.kept[entry.path] = data
            elif found:
                build_cache.remove(entry.path)
                if damaged is not None:
                    damaged += found

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.kept.get(self._get_cache_filename(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        build_cache.save_bytes(Path(self._get_cache_filename(bucket)), bucket.bytecode_to_string())


class _Context(jinja2.runtime.Context):
    """Jinja's context, calling plain functions and methods straight away.

    Jinja routes every call a template makes (`urls.item(...)`, `ref.strip()`)
    through `Context.call`, which asks each callable whether it wants the
    context passed: a tenth of the time of rendering a page, in profiles. A
    Python function or bound method that was not marked with `pass_context` or
    its kin, and a built-in, which cannot be, are called as they are; anything
    else (a macro, a marked filter) the way Jinja does it.
    """

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature, kept free for kwargs)
        kind = type(__obj)
        if kind is types.BuiltinFunctionType or (
                (kind is types.FunctionType or kind is types.MethodType) and not hasattr(__obj, "jinja_pass_arg")):
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a"
                                                    " StopIteration exception")
        return super().call(__obj, *args, **kwargs)


class Languages:
    """A record's own language where a page shows its title or text (a paper's, a meeting's or its minutes'
    `language:`), for WCAG 2.2's 3.1.2: a screen reader reads a Welsh title with Welsh sounds only when the element
    holding it says `lang="cy"`. Nothing where it is the site's, so that the pages of an archive written in one
    language are as they were."""

    def __init__(self, site):
        self.site = site

    def attribute(self, language: str) -> Markup:
        """` lang="cy"` for an element that holds the record's words alone (its text, a heading of its title)."""
        other = self.site.other(language)
        return Markup(' lang="%s"') % other if other else Markup("")

    def span(self, text, language: str) -> Markup:
        """`text` in a <span lang>, where it sits among the site's words ("Paper B: " before a title)."""
        other = self.site.other(language)
        return Markup('<span lang="%s">%s</span>') % (other, text) if other else Markup.escape(text)

    def div(self, html, language: str) -> Markup:
        """`html` (a text rendered from Markdown) in a <div lang>, where the heading above it is the site's."""
        other = self.site.other(language)
        return Markup('<div lang="%s">%s</div>') % (other, html) if other else Markup.escape(html)


# Words that make a name written as free text (`owner: {name: ...}`) an organisation's, as action logs give actions
# to one ("NHS England", "Thames Ambulance Services Ltd", "Leicestershire Partnership NHS Trust")
_ORGANISATION_WORDS = frozenset({
    "agency", "association", "authority", "board", "ccg", "ccgs", "commission", "committee", "council", "department",
    "directorate", "england", "forum", "foundation", "government", "group", "healthwatch", "hospital", "hospitals",
    "limited", "ltd", "ministry", "network", "nhs", "office", "panel", "partnership", "plc", "service", "services",
    "society", "team", "trust", "unit", "university"})


def sort_word(name: str) -> str:
    """What a tracker sorts a name written as free text by (its Owner column's data-sort): a person's surname, the
    last word, as a registered person's; an organisation's name as it is, where "NHS England" sorted under E,
    "Thames Ambulance Services Ltd" under L and two NHS trusts under T, among the people's surnames."""
    words = name.split()
    if not words:
        return ""
    if "," in name or any(word.strip("()&'’.").lower() in _ORGANISATION_WORDS for word in words):
        return name
    return words[-1]


def environment(template_dirs: list[Path], report: Report, site, index, today: dt.date, drafts: bool,
                renderer: Renderer | None = None, linker: Linker | None = None, backlinks: dict | None = None,
                compiled: CompiledTemplates | None = None):
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs if d.is_dir()])
    # auto_reload=False: an environment lives for one build or one preview rebuild, so asking the disk on
    # every page whether a template changed (each include and import, a stat() apiece) only costs time.
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=compiled, auto_reload=False)
    env.context_class = _Context
    md = MarkdownFilter(report, renderer or Renderer(), linker)
    env.filters["markdown"] = md.block
    env.filters["markdown_inline"] = md.inline
    # A title as text, where it cannot carry HTML (the page's <title>) or is already inside a link: clerks write
    # titles in Markdown, which the heading renders, and `*emphasis*` showed its asterisks everywhere else
    env.filters["plain"] = plain_title
    env.filters["cross_references"] = cross_references
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["spoken_due"] = said_due
    env.filters["every_item"] = all_agenda_items  # an agenda's items and their sub-items, in order
    env.filters["with_body"] = titled_with_body  # meeting|with_body(body): a <title>'s name of the meeting
    env.filters["printed_name"] = printed_name  # meeting|printed_name(body): a printed sheet's margin's name of it
    env.filters["css_string"] = css_string  # words for a <style>'s `content:`, the margins of a printed sheet
    env.filters["sort_word"] = sort_word  # a free-text owner's on a tracker: a person's surname, else the name
    languages = Languages(site)
    # Filters, not globals: Jinja's compiled code calls a filter directly and a global through Context.call, which
    # made rendering 1.09x slower at 500 synthetic meetings with these on every title and text (benchmarks.compare)
    env.filters.update(lang_attr=languages.attribute, in_lang=languages.span, in_lang_div=languages.div)
    env.globals.update(site=site, urls=urls, index=index, today=today, drafts=drafts, backlinks=backlinks or {})
    return env


# A table in <div class="table-wrap"> with a <caption> (docs/templates.md), a default template's or a site's own.
_TABLE_BOX = re.compile(r'<div class="table-wrap">(\s*<table\b[^>]*>\s*)<caption\b([^>]*)>')
_ID = re.compile(r'\sid="([^"]*)"')


def table_regions(html: str) -> str:
    """`html` with each table's box a Tab stop and a region named by the table's caption, in the page itself: at
    320px a tracker scrolls in its box, and without JavaScript (static/regions.js makes a box such a region only
    while it scrolls, and takes it off one that fits) its last columns, where it has no link, were out of the Tab
    key's reach, in a box a screen reader did not name. The caption's id is numbered in the page's order."""
    numbers = itertools.count(1)

    def mark(match: re.Match) -> str:
        table, attributes = match.groups()
        named = _ID.search(attributes)
        caption = named.group(1) if named else f"table-caption-{next(numbers)}"
        if not named:
            attributes = f' id="{caption}"' + attributes
        return (f'<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{caption}">{table}'
                f"<caption{attributes}>")

    return _TABLE_BOX.sub(mark, html)


def template_dirs(content: Path, extra: Path | None = None) -> list[Path]:
    dirs = [content / "templates"]
    if extra is not None:
        dirs.insert(0, extra)
    return dirs + [DEFAULT_TEMPLATES]
