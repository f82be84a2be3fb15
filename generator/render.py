"""Stage 4, render: Jinja templates turn the resolved archive into HTML strings.

The site's own `content/templates/` come first on the search path, so a body
can restyle any page by copying one template; the defaults live in the
project's top-level `templates/`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2 import pass_context
from markupsafe import Markup

from generator import urls
from generator.diagnostics import Report
from generator.markdown import Renderer
from generator.references import Linker, Where

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def long_date(value: dt.date | None) -> str:
    """'Thursday 21 June 2018': how UK minutes write dates, unambiguous to every reader."""
    if value is None:
        return ""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


# A text without headings renders the same at any heading level and id prefix; its HTML is
# cached under this marker instead, so the meeting page and the item page (and the reference
# scan before them, backlinks.scan) share one parse.
LEVEL_FREE = "any level"
# The cache's keys of HTML in which something looks like a reference (references.Where.live): the only HTML
# that can change when items, papers, meetings or people are added or removed (forget_links).
LINKED = "linked"


def forget_links(cache: dict, signature: str) -> None:
    """Drop the HTML that may link differently now that the linker's targets are `signature`."""
    if cache.get("signature") == signature:
        return
    for key in cache.pop(LINKED, ()):
        cache.pop(key, None)
    cache["signature"] = signature


class MarkdownFilter:
    """Renders clerk Markdown once per distinct text and place, reporting unsafe links at their line.

    References in a text mean different things in different meetings ("Paper
    C"), so the meeting and paper come from the template's context (or are
    passed explicitly) and are part of the cache key.
    """

    def __init__(self, report: Report, renderer: Renderer, linker: Linker | None):
        self.renderer = renderer
        self.linker = linker
        self.report = report
        self.cache: dict[tuple, str] = {}

    def _env(self, context, meeting, paper) -> tuple[dict, tuple]:
        meeting = meeting if meeting is not None else _get(context, "meeting")
        paper = paper if paper is not None else _get(context, "paper")
        body = meeting.body if meeting is not None else getattr(_get(context, "body"), "slug", None)
        where = Where(body=body, meeting=meeting, paper=paper)
        key = (meeting.key if meeting is not None else body, paper.ref if paper is not None else None)
        return {"linker": self.linker, "where": where}, key

    @pass_context
    def block(self, context, text, path: str = "", base_level: int = 2, prefix: str = "", meeting=None,
              paper=None) -> Markup:
        if not text:
            return Markup("")
        env, place = self._env(context, meeting, paper)
        key = (str(text), base_level, prefix, place)
        html = self.cache.get(key)
        if html is None:
            level_free = (str(text), LEVEL_FREE, place)
            html = self.cache.get(level_free)
            if html is None:
                rendered = self.renderer.render(str(text), base_level=base_level, id_prefix=prefix, env=env)
                self._report(rendered, text, path)
                html = rendered.html
                linked = bool(env["where"].live)
                if not rendered.headings and not rendered.problems:
                    self._keep(level_free, html, linked)
            else:
                linked = level_free in self.cache.get(LINKED, ())
            self._keep(key, html, linked)
        return Markup(html)

    @pass_context
    def inline(self, context, text, path: str = "", meeting=None, paper=None) -> Markup:
        if not text:
            return Markup("")
        env, place = self._env(context, meeting, paper)
        key = (str(text), "inline", place)
        if key not in self.cache:
            rendered = self.renderer.render_inline(str(text), env=env)
            self._report(rendered, text, path)
            self._keep(key, rendered.html, bool(env["where"].live))
        return Markup(self.cache[key])

    def _keep(self, key: tuple, html: str, linked: bool) -> None:
        self.cache[key] = html
        if linked:
            self.cache.setdefault(LINKED, set()).add(key)

    def _report(self, rendered, text, path: str) -> None:
        for problem in rendered.problems:
            line = getattr(text, "line", 1) + problem.line
            self.report.error(path or "content", line, f"unsafe link '{problem.href[:40]}'",
                              "links must be web addresses (https://...), mailto: or relative; "
                              "javascript: and data: links are not allowed")


def _get(context, name: str):
    value = context.get(name)
    return None if value is None or isinstance(value, jinja2.Undefined) else value


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, so the live preview does not compile every template on every save.

    Jinja checks each entry against its template's source, so an edited
    template is compiled afresh.
    """

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def environment(template_dirs: list[Path], report: Report, site, index, today: dt.date, drafts: bool,
                renderer: Renderer | None = None, linker: Linker | None = None, backlinks: dict | None = None,
                compiled: CompiledTemplates | None = None):
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs if d.is_dir()])
    # auto_reload=False: an environment lives for one build or one preview rebuild, so asking the disk on
    # every page whether a template changed (each include and import, a stat() apiece) only costs time.
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=compiled, auto_reload=False)
    md = MarkdownFilter(report, renderer or Renderer(), linker)
    env.filters["markdown"] = md.block
    env.filters["markdown_inline"] = md.inline
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.globals.update(site=site, urls=urls, index=index, today=today, drafts=drafts, backlinks=backlinks or {})
    return env


def template_dirs(content: Path, extra: Path | None = None) -> list[Path]:
    dirs = [content / "templates"]
    if extra is not None:
        dirs.insert(0, extra)
    return dirs + [DEFAULT_TEMPLATES]
