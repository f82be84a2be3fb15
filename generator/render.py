"""Stage 4, render: Jinja templates turn the resolved archive into HTML strings.

The site's own `content/templates/` come first on the search path, so a body
can restyle any page by copying one template; the defaults live in the
project's top-level `templates/`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import urls
from generator.diagnostics import Report
from generator.markdown import Renderer

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def long_date(value: dt.date | None) -> str:
    """'Thursday 21 June 2018': how UK minutes write dates, unambiguous to every reader."""
    if value is None:
        return ""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


class MarkdownFilter:
    """Renders clerk Markdown once per distinct text and reports unsafe links at their line."""

    def __init__(self, report: Report):
        self.renderer = Renderer()
        self.report = report
        self.cache: dict[tuple, str] = {}

    def block(self, text, path: str = "", base_level: int = 2, prefix: str = "") -> Markup:
        if not text:
            return Markup("")
        key = (str(text), base_level, prefix)
        if key not in self.cache:
            rendered = self.renderer.render(str(text), base_level=base_level, id_prefix=prefix)
            self._report(rendered, text, path)
            self.cache[key] = rendered.html
        return Markup(self.cache[key])

    def inline(self, text, path: str = "") -> Markup:
        if not text:
            return Markup("")
        key = (str(text), "inline")
        if key not in self.cache:
            rendered = self.renderer.render_inline(str(text))
            self._report(rendered, text, path)
            self.cache[key] = rendered.html
        return Markup(self.cache[key])

    def _report(self, rendered, text, path: str) -> None:
        for problem in rendered.problems:
            line = getattr(text, "line", 1) + problem.line
            self.report.error(path or "content", line, f"unsafe link '{problem.href[:40]}'",
                              "links must be web addresses (https://...), mailto: or relative; "
                              "javascript: and data: links are not allowed")


def environment(template_dirs: list[Path], report: Report, site, index, today: dt.date, drafts: bool):
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs if d.is_dir()])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    md = MarkdownFilter(report)
    env.filters["markdown"] = md.block
    env.filters["markdown_inline"] = md.inline
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.globals.update(site=site, urls=urls, index=index, today=today, drafts=drafts)
    return env


def template_dirs(content: Path, extra: Path | None = None) -> list[Path]:
    dirs = [content / "templates"]
    if extra is not None:
        dirs.insert(0, extra)
    return dirs + [DEFAULT_TEMPLATES]
