"""The whole pipeline, top to bottom: load -> validate -> publish/resolve -> render -> index -> write."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.backlinks import scan
from generator.diagnostics import Report
from generator.markdown import Renderer
from generator.references import Linker
from generator.loader import load_archive
from generator.pages import all_pages
from generator.publish import public_view
from generator.render import DEFAULT_TEMPLATES, environment, template_dirs
from generator.resolve import resolve
from generator.search_index import IndexError_, build_index
from generator.validate import validate
from generator.write import StagedOutput


@dataclass
class Options:
    content: Path = Path("content")
    out: Path = Path("site")
    strict: bool = False
    drafts: bool = False
    today: dt.date | None = None
    search: bool = True
    templates: Path | None = None


@dataclass
class Result:
    ok: bool
    report: Report
    pages: int = 0
    seconds: float = 0.0
    search: str = ""
    timings: dict = field(default_factory=dict)


def build_date(today: dt.date | None) -> dt.date:
    """The date 'upcoming' is measured from: --today, else SOURCE_DATE_EPOCH, else the clock."""
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def _render_pages(env, index, today, sink, report: Report) -> int:
    count = 0
    for page in all_pages(index, today):
        try:
            html = env.get_template(page.template).render(page.context, page_url=page.url)
        except jinja2.TemplateSyntaxError as exc:
            report.error(exc.filename or page.template, exc.lineno or 1, f"template error: {exc.message}",
                         "fix the template's Jinja syntax")
            return count
        except jinja2.TemplateError as exc:
            report.error(page.template, 1, f"template error while rendering {page.url}: {exc}",
                         "check the variables the template uses against docs/templates.md")
            return count
        sink(page.url, html)
        count += 1
    return count


def run(options: Options, write: bool = True, progress=lambda message: None) -> Result:
    started = time.perf_counter()
    report = Report(root=Path(options.content))
    timings: dict[str, float] = {}

    def stage(name: str, t0: float) -> float:
        now = time.perf_counter()
        timings[name] = now - t0
        return now

    t = time.perf_counter()
    archive = load_archive(Path(options.content), report)
    t = stage("load", t)
    if archive is not None:
        validate(archive, report)
    t = stage("validate", t)
    if archive is None or report.failed(options.strict):
        return Result(False, report, timings=timings)
    today = build_date(options.today)
    index = resolve(public_view(archive, options.drafts))
    renderer, linker = Renderer(), Linker(index)
    backlinks = scan(index, linker, renderer, report)
    t = stage("resolve", t)
    if report.failed(options.strict):
        return Result(False, report, timings=timings)
    env = environment(template_dirs(Path(options.content), options.templates), report, archive.site, index, today,
                      options.drafts, renderer, linker, backlinks)
    if not write:
        pages = _render_pages(env, index, today, lambda url, html: None, report)
        stage("render", t)
        return Result(not report.failed(options.strict), report, pages, time.perf_counter() - started,
                      timings=timings)
    with StagedOutput(Path(options.out)) as out:
        progress(f"rendering {len(archive.meetings)} meetings")
        pages = _render_pages(env, index, today, out.write, report)
        out.copy_tree(DEFAULT_TEMPLATES / "static", "static")
        out.copy_tree(Path(options.content) / "templates" / "static", "static")
        t = stage("render", t)
        if report.failed(options.strict):
            return Result(False, report, pages, timings=timings)
        summary = ""
        if options.search:
            progress("indexing for search (Pagefind)")
            try:
                summary = build_index(out.tmp)
            except IndexError_ as exc:
                report.error(options.out, 1, str(exc), "the previous site was kept; run the build again")
                return Result(False, report, pages, timings=timings)
            t = stage("index", t)
        out.commit()
        stage("write", t)
    return Result(True, report, pages, time.perf_counter() - started, summary, timings)
