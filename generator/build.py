"""The whole pipeline, top to bottom: load -> validate -> publish/resolve -> render -> index -> write."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import os
import multiprocessing
import time
import traceback
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from generator import cache as build_cache, callins
from generator.actions import Track
from generator.attachments import litter
from generator.backlinks import prefill, scan
from generator.diagnostics import Report, listed, plural
from generator.filedigest import digest_file
from generator.exports import Reused
from generator.fingerprint import Digests, Known, Shared
from generator.ical import LONDON
from generator.interrupt import Interrupted, check, never
from generator.markdown import Renderer
from generator.memo import ByIdentity, rekeyed
from generator.memory import collect_in_worker, give_back_freed
from generator.model import Archive, Body, Membership, Numbering, Person, Site
from generator.references import Linker, Place
from generator.loader import DIGESTED, FILE_DIGESTS, cached_digests, load_archive, meetings_folder, walk
from generator.outputs import record_outputs, sitemap_outputs
from generator.parallel import (PARALLEL_FROM, Forked, WorkerFailed, default_jobs, end_if_taken, signals_held,
                                signals_let_through)
from generator.pages import MeetingGroup, all_pages, meeting_inputs, meeting_pages, meeting_urls, sections
from generator.publish import public_view, unpublished
from generator.render import (DEFAULT_TEMPLATES, LEVEL_FREE, PLACEABLE, CompiledOnDisk, environment, forget_links,
                              table_regions, template_dirs)
from generator.resolve import Appearance, Index, resolve
from generator.search_index import IndexError_, build_index, folders_to_index, holding, update_index
from generator.urls import below, output_file
from generator.validate import Checked, validate
from generator.write import StagedOutput
from generator import intact, moved, root_files, update


PARALLEL_PAGES_FROM = 300  # pages to re-render in a warm build; likewise
# Records whose digests the build cache keeps besides those the loader's entries carry (loader.DIGESTED): what
# the stages derive and keep in their memos (Memos), the public view's copies of redacted meetings, the registers.
HANDED_DOWN = (Track, Appearance, Shared, Place, *DIGESTED, Site, Person, Membership, Body, Numbering)


@dataclass
class Options:
    content: Path = Path("content")
    out: Path = Path("site")
    strict: bool = False
    drafts: bool = False
    today: dt.date | None = None
    search: bool = True
    templates: Path | None = None
    jobs: int = 0  # rendering processes; 0 = one per core
    cache: bool = True  # reuse what the previous build parsed (generator/cache.py)


@dataclass
class Result:
    ok: bool
    report: Report
    pages: int = 0
    seconds: float = 0.0
    search: str = ""
    timings: dict = field(default_factory=dict)
    rendered: int | None = None  # pages rendered, when a warm build reused the rest of the previous site
    changed: list = field(default_factory=list)  # a warm build: the addresses of the pages it rendered
    deleted: list = field(default_factory=list)  # a warm build: the addresses of the pages it removed
    drafts: dict = field(default_factory=dict)  # a check (write=False): draft minutes' and logs' paths -> meetings
    handover: "Handover | None" = None  # for the live preview, which carries on from this build
    # What the build made, still alive: freeing millions of records one by one took seconds at the end of a
    # large build, which a command about to exit need not spend (cli.command).
    made: tuple = ()


@dataclass
class Handover:
    """What a build leaves for the live preview to carry on from (incremental.py), so it does not
    load, check and resolve the archive a second time."""

    cache: object  # the build cache as the build left it
    prepared: "Prepared"
    markdown: dict  # the Markdown filter's cache (render.py)


def source_date_epoch_problem() -> str | None:
    """What is wrong with SOURCE_DATE_EPOCH, if it is set and is not a number of seconds: reproducible-builds.org's
    specification asks a build to fail then, not to fall back on the clock unseen."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch.strip().isdigit():
        return None
    return (f"SOURCE_DATE_EPOCH is '{epoch}', which is not a number of seconds since 1970; set it to one (`git log "
            "-1 --format=%ct`), or unset it and give the date with --today YYYY-MM-DD")


def build_date(today: dt.date | None) -> dt.date:
    """The date 'upcoming' and 'overdue' are measured from: --today, else SOURCE_DATE_EPOCH, else the clock, each
    as a day in the UK (ical.LONDON), where the meetings are held: not the build machine's time zone, so that
    a host building in UTC between midnight and one in the morning in summer does not date the site the day
    before, and two machines building at the same moment agree."""
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = int(epoch) if epoch and epoch.strip().isdigit() else time.time()
    return dt.datetime.fromtimestamp(moment, LONDON).date()


@dataclass
class Prepared:
    """Everything rendering needs, from one pass of load -> validate -> publish -> resolve -> scan."""

    archive: object
    index: object
    linker: Linker
    renderer: Renderer
    refs: dict
    today: dt.date


@dataclass
class Memos:
    """What the live preview remembers between rebuilds by the identity of records (incremental.py).

    The loader hands back the very same Meeting for a folder whose files did
    not change; each stage keeps what it made from each such record, so that
    its output is the very same object too, and the next stage, down to the
    page digests, can recognise it without looking inside.
    """

    published: dict = field(default_factory=dict)  # publish.public_view
    tracks: dict = field(default_factory=dict)  # actions.build_tracks
    per_meeting: ByIdentity = field(default_factory=ByIdentity)  # resolve.resolve
    checked: Checked = field(default_factory=Checked)  # validate.validate
    scan: dict = field(default_factory=dict)  # backlinks.scan (emptied with the scan cache)
    # One Markdown parser for the session (`render` is pure): markdown-it's renderer holds itself through its
    # rules, a cycle each rebuild's own parser would leave for the cycle collector (serve.py freezes what
    # survives a collection, and a parser frozen while in use would never be collected).
    renderer: Renderer = field(default_factory=Renderer)

    # A build keeps its memos in the build cache (cache.py), pickled with the loader's records they are keyed
    # by, so that a warm build in a new process recognises unchanged records as the preview does.
    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "renderer"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, published=rekeyed(state["published"]), scan=rekeyed(state["scan"]),
                             renderer=Renderer())


# The checks of the stages after validation and after resolving, which a build stopped there did not run
# (Report.not_run): the reference scan, moved.yaml and root/ (resolve); rendering (render.py's unsafe links,
# templates, two pages at one address).
NOT_RUN_AFTER_RESOLVE = "links in the text, templates"


def not_run_after_validate(archive: Archive | None, content: Path) -> str:
    """The checks after validation, after the check of each meeting whose minutes have errors that validate did not
    run (check_meeting's `items_known`): told it was not run, a clerk knows to look for more once the minutes load.
    moved.yaml's and root/'s only where the archive has them: a new clerk's first check named both, which their
    archive had not and which they went to the docs to find out about."""
    checks = ", ".join(["cross-references", *(["moved.yaml"] if (content / "moved.yaml").is_file() else []),
                        *(["root/ files"] if (content / "root").is_dir() else []), NOT_RUN_AFTER_RESOLVE])
    held = sorted(key for key in archive.incomplete if "/" in key) if archive is not None else []
    if not held:
        return checks
    meetings = listed(held) if len(held) <= 3 else f"{len(held)} meetings whose minutes have errors"
    return f"the items named by the papers and attendance of {meetings}, {checks}"


def prepare(options: Options, report: Report, timings: dict, loader_cache: dict | None = None,
            scan_cache: dict | None = None, markdown_cache: dict | None = None,
            memos: Memos | None = None, stop=never, walked: list | None = None) -> Prepared | None:
    """The stages before rendering; None when the content has errors (reported). `walked`: see load_archive.

    `markdown_cache` (the Markdown filter's, render.py) is emptied when the
    link targets changed, then receives what the reference scan rendered.
    `stop`: the live preview's; when it says another save is waiting, this
    raises interrupt.Interrupted, leaving the caches and memos valid.
    """
    t = time.perf_counter()

    def stage(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = now - t
        t = now

    archive = load_archive(Path(options.content), report, loader_cache, default_jobs(options.jobs), stop, walked)
    stage("load")
    check(stop)
    if archive is not None:
        validate(archive, report, memos.checked if memos else None, stop)
    stage("validate")
    if archive is None or report.failed(options.strict):
        report.not_run = not_run_after_validate(archive, Path(options.content))
        return None
    check(stop)
    index = resolve(public_view(archive, options.drafts, memos.published if memos else None, stop),
                    memos.tracks if memos else None, memos.per_meeting if memos else None, stop)
    index.moved, index.renumbered = moved.check(moved.load(Path(options.content), report), index, report,
                                                Path(options.content))
    root_files.check(Path(options.content), index, report)
    check(stop)
    renderer = memos.renderer if memos else Renderer()
    linker = Linker(index, stop, unpublished(archive, options.drafts))
    callins.check(archive, linker, report)
    check(stop)
    # Each cached result knows whether the linker's targets can change it (backlinks.scan); what finds a
    # reference at all (the bodies' numbering) changes every result.
    if scan_cache is not None and scan_cache.get("finders") != linker.finders:
        scan_cache.clear()
        scan_cache["finders"] = linker.finders
        if memos is not None:
            memos.scan.clear()
    if markdown_cache is not None:
        if markdown_cache.get("finders") != linker.finders:
            markdown_cache.clear()
            markdown_cache["finders"] = linker.finders
        forget_links(markdown_cache, linker.signature, stop)
    scan_cache = scan_cache if scan_cache is not None else {}
    scan_memo = memos.scan if memos else None
    prefill(index, linker, renderer, scan_cache, markdown_cache, default_jobs(options.jobs), scan_memo)
    check(stop)
    index.backlinks, refs = scan(index, linker, renderer, report, scan_cache, markdown_cache, scan_memo, stop)
    stage("resolve")
    if report.failed(options.strict):
        report.not_run = NOT_RUN_AFTER_RESOLVE
        return None
    return Prepared(archive, index, linker, renderer, refs, build_date(options.today))


def make_environment(options: Options, prepared: Prepared, report: Report, compiled=None):
    return environment(template_dirs(Path(options.content), options.templates), report, prepared.archive.site,
                       prepared.index, prepared.today, options.drafts, prepared.renderer, prepared.linker,
                       prepared.index.backlinks, compiled)


def render_page(env, page, report: Report) -> str | None:
    """A page's HTML, or None with a template error reported against the template file. The templates write
    addresses from the site's root; a site published below a path gets them below it here (urls.below)."""
    try:
        return below(env.globals["site"].path,
                     table_regions(env.get_template(page.template).render(page.context, page_url=page.url)))
    except jinja2.TemplateSyntaxError as exc:
        report.error(exc.filename or page.template, exc.lineno or 1, f"template error: {exc.message}",
                     "fix the template's Jinja syntax")
    except jinja2.TemplateError as exc:
        path, line = _template_frame(exc, page.template)
        report.error(path, line, f"template error while rendering {page.url}: {exc}",
                     "check the variables the template uses against docs/templates.md")
    except Interrupted:
        raise
    except Exception as exc:  # `{{ year + 'th' }}`, `{{ urls.meeting() }}` in a site's own template
        path, line = _template_frame(exc, "")
        if not path or Path(path).resolve().is_relative_to(DEFAULT_TEMPLATES):
            raise  # no template of the site's own: a fault of Minutebook's, with its traceback
        report.error(path, line, f"template error while rendering {page.url}: {type(exc).__name__}: {exc}",
                     "fix the expression on this line of the template")
    return None


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int]:
    """The template file and line that failed (the innermost): Jinja puts template frames into the traceback."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2")):
            return frame.filename, frame.lineno or 1
    return fallback, 1


def _render_pages(env, pages, sink, report: Report, digests: dict | None = None, memo: Digests | None = None) -> int:
    """Render and hand each page to `sink`; with `digests`, also note each page's input digest (`memo`: the
    digests known already)."""
    count = 0
    memo = memo if memo is not None else Digests()
    for page in pages:
        html = render_page(env, page, report)
        if html is None:
            return count
        sink(page.url, html)
        if digests is not None:
            digests[page.url] = memo.of(page.deps)
        count += 1
    return count


def _shard(prepared: Prepared, jobs: int, shard: int):
    """(position in site order, page) of the pages rendering process `shard` of `jobs` renders. All pages of one
    meeting, and the pages of the actions it raised, go to one process, so each text is parsed once: the
    meetings in turn (`_shard_of`), and the other pages in turn apart from them.

    The pages of the other processes' meetings are counted, not made: at 2,000 meetings making all 58,269
    pages' contexts and deps took 0.83 to 0.93 s, one process's half of them so 0.55 to 0.69 s (`python -m
    benchmarks.shard_listing`, three turns).
    """
    owners = _shard_of(prepared, jobs)
    others = itertools.count()
    position, index = 0, prepared.index
    for section in sections(index, prepared.today, prepared.refs):
        if isinstance(section, MeetingGroup):
            meeting = section.meeting
            if owners[meeting.key] != shard:
                position += len(meeting_urls(index, meeting))
                continue
            for page in meeting_pages(index, meeting, prepared.today, section.refs):
                yield position, page
                position += 1
            continue
        meeting = section.context.get("meeting")
        if (owners[meeting.key] if meeting is not None else next(others) % jobs) == shard:
            yield position, section
        position += 1


def _shard_of(prepared: Prepared, jobs: int) -> dict[str, int]:
    """The rendering process of each meeting (by key), of `jobs`: known before any page is listed, so that each
    process can let go of the other meetings' HTML first (`_own_markdown`)."""
    return {meeting.key: number % jobs for number, meeting in enumerate(prepared.index.archive.meetings)}


BLOCKS = (LEVEL_FREE, PLACEABLE)  # the markdown cache's keys of a text's block HTML (render.MarkdownFilter)


def _own_markdown(cache: dict, owners: dict[str, int], shard: int, tracks=()) -> None:
    """In rendering process `shard`: let go of the HTML of texts published in the other processes' meetings (the
    reference scan rendered every text; each process renders about 1/jobs of them), and give the memory back.

    Forked, each process holds the whole cache the build held, about 150 MB at 2,000 meetings, where its pages
    show its own meetings' texts and, of the others', their titles and the updates at later meetings of the
    actions its meetings raised (`tracks`: an action's page goes with the meeting that raised it), which are
    kept: let go, each process parsed about 750 of them again at 200 meetings. Only texts with a meeting are let
    go, and of those only the blocks: a title (render.INLINE) shows on lists and people's pages, which every
    process renders."""
    shown = {(step.update.progress, step.meeting.key) for track in tracks if owners.get(track.raised.key) == shard
             for step in track.steps if step.update.progress}
    gone = [key for key in cache if type(key) is tuple and len(key) == 3 and key[1] in BLOCKS
            and owners.get(key[2][0], shard) != shard and (key[0], key[2][0]) not in shown]
    for key in gone:
        del cache[key]
    del gone
    give_back_freed()


def _render_parallel(options: Options, prepared: Prepared, out: "StagedOutput", report: Report, jobs: int,
                     markdown_cache: dict, digests: dict | None = None, wanted: set | None = None,
                     meanwhile=lambda: None, keep_markdown: bool = True, memo: Digests | None = None,
                     compiled=None) -> int:
    """Render on `jobs` forked processes, each writing its own pages into the staged folder.

    Forking shares the prepared archive without pickling it. Each worker sends
    back the addresses it wrote (with their place in page order, so the sitemap
    is the same as a serial build's), its messages and, with `digests`, each
    page's input digest. With `wanted`, only those pages are rendered. The parent
    calls `meanwhile()` while the workers render; unless `keep_markdown`, it
    first lets go of the rendered Markdown, which only the workers' copies need
    now, so that what `meanwhile` makes does not come on top of it. `memo`: the
    digests known already (each worker adds to its own copy). `compiled`: the environment's bytecode cache.
    """
    context = multiprocessing.get_context("fork")
    workers = []
    collected = []
    # A signal held over a fork lands once it is done: the processes started by then stop with the build.
    try:
        for shard in range(jobs):
            receive, send = context.Pipe(duplex=False)

            def work(shard=shard, send=send):
                collect_in_worker()
                local = Report(root=report.root)
                env = make_environment(options, prepared, local, compiled)
                if wanted is None:  # a full build: the process renders its own meetings' pages alone
                    _own_markdown(markdown_cache, _shard_of(prepared, jobs), shard, prepared.index.tracks.values())
                env.filters["markdown"].__self__.cache = markdown_cache  # the fork's copy of what the scan rendered
                written, digested = [], memo if memo is not None else Digests()
                try:
                    for position, page in _shard(prepared, jobs, shard):
                        if wanted is not None and page.url not in wanted:
                            continue
                        html = render_page(env, page, local)
                        if html is None:
                            break
                        out.write(page.url, html)
                        written.append((position, page.url, digested.of(page.deps) if digests is not None else None))
                except OSError as exc:  # else the process ends with a traceback, and the parent says only that it did
                    _unwritable(options, local, exc)
                send.send((written, local.items))
                send.close()

            process = context.Process(target=lambda work=work: (signals_let_through(), work()), daemon=True)
            with signals_held():
                process.start()
                workers.append((process, receive))  # stopped below if the signal held over the fork lands next
            send.close()
        if not keep_markdown:
            markdown_cache.clear()
            give_back_freed()
        meanwhile()
        for process, receive in workers:
            try:
                written, items = receive.recv()
            except EOFError:
                report.error(options.out, 1, "a rendering process stopped unexpectedly", "run the build again")
                written, items = [], []
            process.join()
            collected += written
            report.items.extend(items)
    except BaseException:  # Ctrl+C, SIGTERM: the staged folder is removed next, so nothing may still write there
        for process, _ in workers:
            process.terminate()
            process.join()
        raise
    collected.sort()
    out.urls[:] = [url for _, url, _ in collected]
    out.pages = len(collected)
    if digests is not None:
        digests.update((url, digest) for _, url, digest in collected)
    return len(collected)


def static_sources(options: Options) -> list[Path]:
    """Where static files come from, each overriding those before it, in the order templates do (render.py's
    template_dirs, the other way round): the `--templates` folder's over the site's over the defaults."""
    sources = [DEFAULT_TEMPLATES / "static", Path(options.content) / "templates" / "static"]
    if options.templates is not None:
        sources.append(Path(options.templates) / "static")
    return sources


def copy_static(options: Options, out) -> None:
    for relative, path in static_files(options).items():
        out.write_file(relative, path.read_bytes())


def static_files(options: Options) -> dict[str, Path]:
    """relative path -> source file of every file copied as it is: the static files, the site's own overriding
    the defaults, and the files published at the site's top (root_files.py)."""
    files: dict[str, Path] = {}
    for source in static_sources(options):
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file() and not _litter(path, source):
                    files[f"static/{path.relative_to(source).as_posix()}"] = path
    files.update(root_files.listed(Path(options.content)))
    return files


def template_signature(options: Options) -> tuple:
    """The template files, by the digest of their bytes (filedigest.py): an edit may change every page."""
    out = []
    for folder in template_dirs(Path(options.content), options.templates):
        if folder.is_dir():
            out.extend((str(path), digest_file(path)) for path in sorted(folder.rglob("*"))
                       if path.is_file() and not _litter(path, folder))
    return tuple(out)


def _litter(path: Path, folder: Path) -> bool:
    """Whether a file in a templates or static folder is one an editor or the system leaves (attachments.litter),
    or inside a hidden folder: Vim's `.print.css.swp` beside a site's own print.css was published in site/static/,
    and each save of it, a change to the templates, rendered every page again."""
    return any(litter(part) for part in path.relative_to(folder).parts)


def site_fingerprint(options: Options, loader_cache: dict, prepared: Prepared) -> tuple:
    """What every page may depend on besides its own deps (pages.py).

    The build date only when a site's own templates mention it: any template
    may show `today`, and a page whose deps do not hold it would then be left
    as it was on a later day. The default templates show it only on the action
    lists, whose deps hold it, on the action pages, whose deps hold whether
    the action is overdue, on the meetings' and minutes' pages, whose deps (and
    pages.meeting_inputs) hold whether each action raised there is, and on
    people's pages, whose deps hold whether each action they list is
    (tests/test_update.py checks which templates those are), so a build on a
    later day renders just those again, not every page.

    Likewise the registers. The pages that show a person, or a body's
    members, venue or description, hold those records in their deps. Through
    the `index` global the default templates show only whether the people
    register has anyone (the navigation's link to it) and each body's address,
    names and numbering (an action's page, a year's list, "Referenced from"),
    and those are here. A site's own templates that mention `index` may show
    anything of the registers, so for those the registers' files are here
    whole. The site's settings always are: every page shows the site. update.why_not_reusable names the four
    parts, in this order, in the line a build says when one changed."""
    mentioned = site_templates_mention(options, (b"today", b"index"))
    today = prepared.today if b"today" in mentioned else None
    registers = loader_cache.get("registers") or ()
    if b"index" not in mentioned:
        archive = prepared.index.archive
        registers = (tuple(entry for entry in registers if entry[0] == str(Path(options.content) / "site.yaml")),
                     bool(archive.people),
                     tuple((b.slug, b.name, b.short_name, b.numbering) for b in archive.bodies.values()))
    return (registers, template_signature(options), today, options.drafts)


def site_templates_mention(options: Options, words: tuple[bytes, ...]) -> set[bytes]:
    """Which of `words` the site's own templates mention, each file read once (the preview asks on every save).
    Not its static files, which are copied and never rendered: a style sheet's `z-index` is no `index`."""
    found: set[bytes] = set()
    for folder in template_dirs(Path(options.content), options.templates):
        if folder != DEFAULT_TEMPLATES and folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and (folder / "static") not in path.parents:
                    data = path.read_bytes()
                    found.update(word for word in words if word in data)
    return found


@contextmanager
def without_cycle_collector():
    """A build allocates millions of objects that live until it ends, and frees them by reference
    counting: Python's cycle collector would traverse them all, again and again, for nothing (a
    large share of loading and resolving a big archive, in profiles). Forked workers inherit this,
    which also keeps the collector from copying the pages they share with the parent."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run(options: Options, write: bool = True, progress=lambda message: None, cache_name: str = "build",
        memos: Memos | None = None, rendered: frozenset | None = None, kept=None) -> Result:
    """`cache_name` and `memos`: the live preview's (incremental.py); a build has no use for them. `rendered`:
    with `write=False`, render only the pages of these meetings (keys), not every page; `kept`: with
    `write=False`, a BuildCache to parse and scan into, and from (check_archive's two runs)."""
    with without_cycle_collector():
        return _run(options, write, progress, cache_name, memos, rendered, kept)


def check_archive(options: Options) -> Result:
    """`minutebook check`: the archive as a build checks it, and its draft minutes and action logs whole, as
    `--drafts` publishes them (the clerk checks drafts to approve and publish them). Without `--drafts` only what
    is read of every file was checked in drafts: a misspelt reference or an unsafe link in draft minutes was
    found only once they were approved, by the build that was to publish them."""
    kept = build_cache.BuildCache()  # what the first run parsed and scanned, for the second
    result = run(options, write=False, kept=kept)
    if options.drafts or not result.drafts:
        return result
    # Only the drafts' meetings' pages are rendered again (what their text says when rendered, an unsafe link),
    # from the files as the run above read them: the rest was checked by it.
    drafted = run(replace(options, drafts=True), write=False, rendered=frozenset(result.drafts.values()), kept=kept)
    result.report.items.extend(d for d in drafted.report.items if d.path in result.drafts)
    result.report.not_run = drafted.report.not_run  # stopped before rendering the drafts' pages, say
    result.ok = not result.report.failed(options.strict)
    return result


def _draft_files(archive: Archive) -> dict:
    return {record.source.path: meeting.key for meeting in archive.meetings
            for record in (meeting.minutes, meeting.action_log) if record is not None and record.status == "draft"}


def _pages_of(index: Index, today: dt.date, refs: dict, keys: frozenset):
    """The pages of the meetings `keys` names: a meeting's own, its items' and its papers'."""
    for section in sections(index, today, refs):
        if isinstance(section, MeetingGroup) and section.meeting.key in keys:
            yield from meeting_pages(index, section.meeting, today, section.refs)


def compiled_templates(options: Options, cache_at: Path, damaged: list) -> CompiledOnDisk | None:
    """The compiled templates kept beside the build cache at `cache_at`; none for a build without its cache
    (--no-cache), which compiles every template afresh."""
    return CompiledOnDisk(cache_at.parent / "templates", build_cache.FORMAT, damaged) if options.cache else None


def _run(options: Options, write: bool, progress, cache_name: str, memos: Memos | None,
         rendered: frozenset | None = None, kept=None) -> Result:
    started = time.perf_counter()
    report = Report(root=Path(options.content))
    timings: dict[str, float] = {}
    use_cache = options.cache and write
    cache_path = build_cache.cache_file(Path(options.content), options.drafts, purpose=cache_name) if use_cache \
        else None
    out_dir = Path(options.out).resolve()
    # Reading the cache keeps one core busy (a second and a half at 2,000 meetings): the meetings folder is
    # walked, and the output folder's files compared with the site record's notes of them (intact.py), on the
    # other meanwhile, when the cache is large enough for that to pay for the fork. The forked process reads
    # the site record for itself: read here first, it stayed alive under the cache's own peak as that was read,
    # and the build's largest process grew by 38 MB at 2,000 meetings.
    walking = Forked(lambda: (walk(meetings_folder(options.content)),
                              _changed_files(build_cache.load_site(cache_path), out_dir))) \
        if use_cache and _walk_apart(options, cache_path) else None
    damaged: list[Path] = []  # cache files there but unreadable
    other: list[Path] = []  # cache files another version wrote
    cache = build_cache.load(cache_path, damaged, other) if use_cache else kept or build_cache.BuildCache()
    # A check (write=False) keeps no build cache, but compiles the templates as a build does: most of a small
    # archive's check went on compiling them, and `check` renders twice (check_archive), so it keeps them too.
    cache_at = cache_path or build_cache.cache_file(Path(options.content), options.drafts)
    compiled = compiled_templates(options, cache_at, damaged)
    walked, changed = None, None
    if walking is not None:
        try:
            walked, changed = walking.result()
        except WorkerFailed:  # walked again by the loader
            pass
    if changed is None:
        changed = _changed_files(cache.site, out_dir)
    for line in _damaged_cache(damaged, cache_at):
        progress(line)
    if use_cache and build_cache.site_file(cache_path) in other:
        # Said, as update.why_not_reusable's reasons are: a build after an upgrade (or from another checkout
        # sharing the cache) took a cold build's time with no word of why, and looked like a warm build gone wrong.
        progress(f"every page is built again: {OTHER_CODE}")
    timings["cache"] = time.perf_counter() - started
    # Rendered Markdown is kept for this build only: the scan renders most texts, the pages reuse that.
    # Saved in the build cache it would cost more to read and write than a warm build saves by it.
    markdown_cache: dict = {}
    # The preview's memos are its own; a build carries its memos from one build to the next in the cache.
    carried = memos if memos is not None else (cache.memos or Memos()) if use_cache else None
    # What the build cache held, to tell how much of it this build made anew (`_made_anew`); the preview's cache
    # is written whole, as its own session goes on from it.
    loaded = (dict(cache.loader), dict(cache.scan)) if use_cache and memos is None else None
    touched = build_cache.read_touched(cache_path) if use_cache else set()  # by a live preview since its record
    if touched and cache.site is not None:
        update.forget_touched(cache.site, touched)
    # The record as read, to tell whether the build changed it (the build replaces its fields, not their contents).
    recorded = replace(cache.site) if cache.site is not None and not touched and not changed else None
    prepared = prepare(options, report, timings, cache.loader, cache.scan, markdown_cache, carried, walked=walked)
    if prepared is None:
        return Result(False, report, timings=timings)
    env = make_environment(options, prepared, report, compiled)
    env.filters["markdown"].__self__.cache = markdown_cache
    if not write:
        t = time.perf_counter()
        urls: list[str] = []
        pages = _render_pages(env, all_pages(prepared.index, prepared.today, prepared.refs) if rendered is None
                              else _pages_of(prepared.index, prepared.today, prepared.refs, rendered),
                              lambda url, html: urls.append(url), report)
        _one_page_an_address(urls, options, report)
        timings["render"] = time.perf_counter() - t
        return Result(not report.failed(options.strict), report, pages, time.perf_counter() - started,
                      timings=timings, drafts=_draft_files(prepared.archive))
    fingerprint = site_fingerprint(options, cache.loader, prepared)
    digests = Digests()  # of page and file inputs; the loaded meetings' come with them from the cache
    for known in cached_digests(cache.loader):
        digests.seed(known)
    digests.seed(cache.digests)
    cache.digests = Known()  # held by the memo alone now, those no longer in use can be told (Digests.in_use)
    result, forgotten = None, False

    def forget() -> None:  # the output folder is about to change: no record may describe it as it was
        if use_cache:
            build_cache.forget_site(cache_path)
    try:
        why_not = update.why_not_reusable(cache.site, out_dir, fingerprint, options.search) if use_cache else ""
        if why_not:
            progress(f"every page is built again: {why_not}")
        if use_cache and why_not is None:
            result = _update(options, prepared, env, cache, report, progress, timings, digests, forget, changed)
            forgotten = cache.site is None  # it failed half way through: the record must not be trusted again
        if result is None:
            result = _full(options, prepared, env, cache if use_cache else None, report, progress, timings, forget,
                           keep_markdown=memos is not None, memo=digests)
    except OSError as exc:
        result = Result(False, _unwritable(options, report, exc), timings=timings)
    if use_cache and (result.ok or forgotten):
        if cache.site is not None:
            cache.site.out, cache.site.folder = str(out_dir), update.folder_stamp(out_dir)
            cache.site.fingerprint, cache.site.search = fingerprint, options.search
        t = time.perf_counter()
        if cache.site is None or cache.site != recorded:
            build_cache.save_site(cache_path, cache.site)
        made_anew = _made_anew(cache, *loaded) if loaded is not None else None
        if made_anew is None or worth_writing(made_anew, len(prepared.archive.meetings)):
            cache.memos = carried if memos is None else None
            # With the memos, the records the stages derive come back as the very same objects: their digests too.
            cache.digests = digests.in_use(HANDED_DOWN, besides=cached_digests(cache.loader)) if memos is None \
                else Known()
            give_back_freed()  # what the pages and data files left, before pickling's tables come on top
            build_cache.save(cache_path, cache)
        elif made_anew:
            progress(f"the build cache is left as it was: what this build made anew ({made_anew:.1f} meeting "
                     "folders' worth) costs the next build less to make again than writing the cache")
        timings["cache"] += time.perf_counter() - t
    result.seconds = time.perf_counter() - started
    # Only the live preview (which passes `memos`) carries on from a build.
    result.handover = Handover(cache, prepared, markdown_cache) if use_cache and memos is not None else None
    result.made = (cache, prepared, markdown_cache, digests, env)
    return result


def _changed_files(record, out_dir: Path) -> set[str]:
    """The files of the output folder deleted or altered since the build `record` describes wrote them, by hand
    (or a full disk, a copy stopped half way): a warm build makes them again (intact.py)."""
    if record is None or record.out != str(out_dir):
        return set()
    return intact.changed_since(out_dir, record.stats)


OTHER_CODE = ("the build cache was written by other code (another version of Minutebook, Python or a library it "
              "uses), so this build reads every file afresh and writes the cache anew")


def _damaged_cache(damaged: list[Path], cache_path: Path) -> list[str]:
    """The one line a build says when a cache file was there but could not be read back (cache._read), the
    compiled templates' among them (render.CompiledOnDisk): it goes on as without that file, and writes it anew.
    A directory holding files in a file's place (cache.blocked) cannot be written over, nor removed safely: its
    own line says so, and what to do, where 'writes it anew' was said on every build, and never done."""
    here = Path.cwd()

    def shown(path: Path) -> str:
        return str(path.relative_to(here) if path.is_relative_to(here) else path)

    def named(paths: list[Path]) -> tuple[str, str]:
        site = build_cache.site_file(cache_path)
        templates = [path for path in paths if path not in (cache_path, site)]
        names = [shown(path) for path in paths if path not in templates] + (
            [shown(path) for path in templates] if len(templates) < 3
            else [f"{len(templates)} compiled templates in {shown(templates[0].parent)}"])
        does = " and ".join((["reads every file"] if cache_path in paths else [])
                            + (["renders every page"] if site in paths else [])
                            + ([f"compiles {'its template' if len(templates) == 1 else 'their templates'}"]
                               if templates else []))
        return " and ".join(names), does

    blocked = [path for path in damaged if build_cache.blocked(path)]
    damaged = [path for path in damaged if path not in blocked]
    lines = []
    if damaged:
        names, does = named(damaged)
        lines.append(f"the build cache {names} could not be read back (cut short, or changed since it was "
                     f"written): this build {does} afresh, and writes {'it' if len(damaged) == 1 else 'them'} anew")
    if blocked:
        names, does = named(blocked)
        one = len(blocked) == 1
        lines.append(f"the build cache {names} {'is a folder' if one else 'are folders'} with files in "
                     f"{'it' if one else 'them'}, where the build writes a file: this build {does} afresh, as "
                     f"every build will until {'it is' if one else 'they are'} moved or removed (the build "
                     "removes no files it did not write)")
    return lines


def _unwritable(options: Options, report: Report, exc: OSError) -> Report:
    """A full disk, or a folder the build may not write to, met while staging the site: the operator's to put
    right, said as such and not as a traceback. The staged folder is removed on the way out (write.StagedOutput),
    so the site is as it was."""
    report.error(options.out, 1, f"could not write the site: {exc}",
                 "free space on its disk or fix the permission, then build again; the previous site was kept")
    return report


def _made_anew(cache, loader: dict, scan: dict) -> float:
    """What of the loader's and the scan's entries in `cache` is not what the cache file holds (`loader` and
    `scan`, as read), in meeting folders' worth: the work a next build would do again if the file were left
    as it is (the cache only ever spares work). A folder loaded afresh goes through every stage again; a text
    scanned afresh only has its Markdown parsed, taken as a twentieth of that; a file digested afresh (read
    and hashed) as a four-hundredth."""
    folders = len(cache.loader.keys() ^ loader.keys())
    files = 0
    for key, entry in cache.loader.items():
        old = loader.get(key)
        if key == FILE_DIGESTS and old is not None:
            files = len(entry.keys() ^ old.keys()) + sum(noted is not old[path] for path, noted in entry.items()
                                                        if path in old)
        elif old is not None and entry is not old:
            folders += 1
    texts = len(cache.scan.keys() ^ scan.keys()) + sum(entry is not scan[key] for key, entry in cache.scan.items()
                                                       if key in scan)
    return folders + texts / 20 + files / 400


def worth_writing(made_anew: float, folders: int) -> bool:
    """Whether a build should write the cache file again, having made `made_anew` of it (`_made_anew`) in an
    archive of `folders` meetings.

    Measured at 2,000 meetings (`python -m benchmarks.stale_cache`, twice;
    docs/performance-history.md, "A build cache written only when worth it"): writing
    the file cost 1.7 and 2.1 ms a meeting; a build from a file that lacked
    60 or 200 edited meeting folders took 11.7 and 12.7 ms a folder more than
    one from a file just written. Taking 1.9 and 12 ms: an edit a build, the
    file written every L builds, costs 1.9 ms x folders / L + 12 ms x L / 2 a
    build, least at L = sqrt(folders / 3.2): every 26 edited folders at 2,000
    meetings (0.3 s a build, against 3.8 s when written every time); after
    every edit at 3 meetings or fewer."""
    return made_anew > 0 and made_anew * made_anew * 3 >= folders


def _one_page_an_address(urls: list[str], options: Options, report: Report) -> None:
    """Two records whose pages share an address would have one replace the other without a word: the checks of
    the content (paper refs, action ids, folder names) keep that from happening; this says so if one is missed."""
    seen: set[str] = set()
    for url in urls:
        if url in seen:
            report.error(options.out, 1, f"two pages would be written to {url}, one replacing the other",
                         "rename the meeting folder or the ref this address is made from; if neither is, this is "
                         "a fault in Minutebook: please report it")
            return
        seen.add(url)


def _full(options: Options, prepared: Prepared, env, cache, report: Report, progress, timings: dict, forget,
          keep_markdown: bool = True, memo: Digests | None = None) -> Result:
    """Render every page into a staged folder that replaces the output folder (write.py). `keep_markdown`:
    whether the rendered Markdown is wanted after the build (the live preview's Handover). `memo`: the
    digests known already."""
    memo = memo if memo is not None else Digests()
    digests: dict | None = {} if cache is not None else None
    t = time.perf_counter()
    with StagedOutput(Path(options.out)) as out:
        jobs = default_jobs(options.jobs)
        parallel = _parallel(options, prepared)
        progress(f"rendering {plural(len(prepared.archive.meetings), 'meeting')}"
                 + (f" on {jobs} processes" if parallel else ""))
        markdown_cache = env.filters["markdown"].__self__.cache
        files, made = [], update.Outputs(memo) if cache is not None else None
        reused = Reused(memo)  # notes where each record lies in the open data, for the next build

        def data() -> None:
            """Feeds, calendars and open data: made by this process while the workers render."""
            started = time.perf_counter()
            progress("writing feeds, calendars and open data")
            for relative, content in record_outputs(prepared.index, prepared.today, options.drafts, made, reused):
                out.write_file(relative, content)
                files.append(relative)
            timings["data"] = time.perf_counter() - started

        if parallel:
            pages = _render_parallel(options, prepared, out, report, jobs, markdown_cache, digests, meanwhile=data,
                                     keep_markdown=keep_markdown, memo=memo, compiled=env.bytecode_cache)
        else:
            pages = _render_pages(env, all_pages(prepared.index, prepared.today, prepared.refs), out.write, report,
                                  digests, memo)
            if not report.failed(options.strict):
                data()
        copy_static(options, out)
        _one_page_an_address(out.urls, options, report)
        if report.failed(options.strict):
            return Result(False, report, pages, timings=timings)
        for relative, content in sitemap_outputs(prepared.index, out.urls, made):
            out.write_file(relative, content)
            files.append(relative)
        timings["render"] = time.perf_counter() - t
        t = time.perf_counter()
        summary = ""
        if options.search:
            progress("indexing for search (Pagefind)")
            try:
                summary = build_index(out.tmp, prepared.index)
            except IndexError_ as exc:
                report.error(options.out, 1, str(exc), "the previous site was kept; run the build again")
                return Result(False, report, pages, timings=timings)
            timings["index"] = time.perf_counter() - t
            t = time.perf_counter()
        if cache is not None:
            files += list(static_files(options))
            cache.site = update.SiteRecord(pages={url: digests[url] for url in out.urls},
                                           files=tuple(sorted(set(files))), tops=_tops(out.urls, files),
                                           outputs=made.digests, sums=made.sums,
                                           groups=_groups(memo, prepared, digests),
                                           stats=intact.pack(intact.stat_tree(out.tmp)))
        forget()
        out.commit()
        if cache is not None:
            reused.settle(Path(options.out))
            cache.site.spans = reused.spans
        timings["write"] = time.perf_counter() - t
    return Result(True, report, pages, search=summary, timings=timings)


def _parallel(options: Options, prepared: Prepared) -> bool:
    """Whether to fork: not for a small archive, where starting processes costs more than it saves, unless
    asked to (--jobs)."""
    return default_jobs(options.jobs) > 1 and (options.jobs > 1 or len(prepared.archive.meetings) >= PARALLEL_FROM)


WALK_APART_FROM = 4_000_000  # bytes of build cache: about 60 meetings (PARALLEL_FROM)


def _walk_apart(options: Options, cache_path: Path) -> bool:
    """Whether to walk the meetings folder in a forked process while the build cache is read (_run)."""
    try:
        size = cache_path.stat().st_size
    except OSError:
        return False
    return default_jobs(options.jobs) > 1 and (options.jobs > 1 or size >= WALK_APART_FROM)


def _record_files(options: Options, prepared: Prepared, out: StagedOutput, out_dir: Path, made, reused):
    """The feeds, calendars, open data, schemas and robots.txt (outputs.record_outputs), those that changed
    staged in `out`: (every file made, those staged, and what the next build needs of `made` and `reused`)."""
    files, staged = [], []
    for relative, data in record_outputs(prepared.index, prepared.today, options.drafts, made, reused):
        files.append(relative)
        if not update.same_bytes(out_dir / relative, data):
            out.write_file(relative, data)
            staged.append(relative)
    return files, staged, made.digests, made.kept, made.sums, reused.placing


def _tops(page_urls, files) -> frozenset:
    """The top-level entries of the output folder, search index aside."""
    return frozenset(update.top_of(output_file(u)) for u in page_urls) | frozenset(update.top_of(f) for f in files)


def _group_inputs(memo: Digests, prepared: Prepared, meeting) -> bytes:
    """The digest of what a meeting's pages are made from, their own backlinks and references aside (_update)."""
    refs = prepared.refs
    return memo.of((meeting_inputs(prepared.index, meeting, prepared.today, refs), refs.get(("meeting", meeting.key))))


def _links(memo: Digests, prepared: Prepared, url: str) -> bytes:
    """What identifies a page's backlinks and references."""
    return memo.of_record(prepared.index.backlinks.get(url)) + memo.of_record(prepared.refs.get(url))


def _groups(memo: Digests, prepared: Prepared, digests: dict) -> dict:
    """SiteRecord.groups for a full build, whose pages' `digests` the rendering processes made."""
    groups = {}
    for meeting in prepared.index.archive.meetings:
        made = {url: (digests.get(url), _links(memo, prepared, url)) for url in meeting_urls(prepared.index, meeting)}
        if all(digest is not None for digest, _ in made.values()):
            groups[meeting.key] = (_group_inputs(memo, prepared, meeting), made)
    return groups


def _update(options: Options, prepared: Prepared, env, cache, report: Report, progress, timings: dict,
            memo: Digests, forget, changed: set[str] = frozenset()):
    """Bring the previous site up to date in place (update.py); None when a full build is needed instead.
    `memo`: the digests known already. `changed`: the files deleted or altered since the last build
    (_changed_files), which are made again, and the search bundles holding them."""
    record = cache.site
    out_dir = Path(options.out).resolve()
    index_files = update.forget_changed(record, changed) if changed else set()
    if changed:
        shown = ", ".join(sorted(changed)[:3]) + (", ..." if len(changed) > 3 else "")
        progress(f"{len(changed)} files of {out_dir.name}/ deleted or altered since the last build ({shown}): "
                 "made again")
    t = time.perf_counter()
    with StagedOutput(out_dir) as out:
        made = update.Outputs(memo, record.outputs, sums=record.sums)
        reused = Reused(memo, out_dir, record.spans)
        # The data files need only the records, not the pages: on two cores they are made while this process
        # lists and renders the pages (about a second each at 2,000 meetings), as a full build makes them
        # while its workers render. What the next build needs of `made` and `reused` comes back with them.
        # On leaving early (an exception) the forked process is stopped: it must not write on into a folder
        # StagedOutput removes.
        with Forked(lambda: _record_files(options, prepared, out, out_dir, made, reused)) \
                if _parallel(options, prepared) else nullcontext() as data:
            pages, wanted, chosen, groups = _list_pages(prepared, record, memo)
            deleted = [url for url in record.pages if url not in pages]
            progress(f"updating {out_dir.name}/: {len(wanted)} of {len(pages)} pages changed, "
                     f"{len(deleted)} removed")
            jobs = default_jobs(options.jobs)
            markdown_cache = env.filters["markdown"].__self__.cache
            if jobs > 1 and len(wanted) >= PARALLEL_PAGES_FROM:
                rendered = _render_parallel(options, prepared, out, report, jobs, markdown_cache, wanted=wanted,
                                            compiled=env.bytecode_cache)
            else:  # the pages kept while listing, or, when there were too many to keep, the list again
                pages_to_render = chosen if len(chosen) == len(wanted) else (
                    page for page in all_pages(prepared.index, prepared.today, prepared.refs) if page.url in wanted)
                rendered = _render_pages(env, pages_to_render, out.write, report)
            timings["render"] = time.perf_counter() - t
            t = time.perf_counter()
            made_apart = None
            if data is not None:
                try:
                    made_apart = data.result()
                except WorkerFailed:  # made here instead, where a failure has its traceback
                    pass
            if report.failed(options.strict):
                return Result(False, report, rendered, timings=timings)
            if made_apart is None:
                files, staged_data, *_ = _record_files(options, prepared, out, out_dir, made, reused)
            else:
                files, staged_data, digests, kept, sums, reused.placing = made_apart
                made.digests.update(digests)
                made.kept += kept
                made.sums.update(sums)
            # A page rendered again to the very bytes it has (its inputs changed, not what it shows) is left as it is.
            staged = [relative for relative in map(output_file, wanted)
                      if not update.drop_if_unchanged(out.tmp / relative, out_dir / relative)]
            pages_staged = list(staged)
            staged += staged_data
            for relative, content in list(sitemap_outputs(prepared.index, list(pages), made)) + [
                    (relative, source.read_bytes()) for relative, source in static_files(options).items()]:
                files.append(relative)
                if not update.same_bytes(out_dir / relative, content):
                    out.write_file(relative, content)
                    staged.append(relative)
            files += made.kept
            tops = _tops(pages, files)
            if tops != record.tops:
                return None  # a new top-level folder changes the search bundles: build afresh
            timings["data"] = time.perf_counter() - t
            t = time.perf_counter()
            gone = sorted(set(record.files) - set(files))
            summary, folders, keep = "", [], {}
            if options.search:
                progress("indexing changed bodies for search (Pagefind)")
                folders_changed = {update.top_of(url) for url in deleted} | folders_to_index(
                    out_dir, out.tmp, pages_staged, prepared.index) | holding(out_dir, prepared.index, index_files)
                try:
                    indexed = update_index(out.tmp, out_dir, prepared.index, folders_changed,
                                           [output_file(u) for u in pages], set(staged))
                except IndexError_ as exc:
                    report.error(options.out, 1, str(exc), "the previous site was kept; run the build again")
                    return Result(False, report, rendered, timings=timings)
                summary, folders, keep = indexed.summary, indexed.folders, indexed.keep
                staged, gone = staged + indexed.files, gone + indexed.gone
                timings["index"] = time.perf_counter() - t
                t = time.perf_counter()
            if staged or deleted or gone or folders:
                forget()
            removed = [output_file(u) for u in deleted] + gone
            try:
                with signals_held():  # a site half updated is served until the next build: Ctrl+C waits for it
                    end_if_taken()
                    update.commit(out.tmp, out_dir, staged, removed, folders, keep)
            except OSError as exc:  # a full disk, a permission: the folder is part old, part new
                cache.site = None  # so the next build rebuilds it whole
                report.error(options.out, 1, f"could not update the site in place: {exc}",
                             "free the disk or fix the permission, then build again: the next build rebuilds it whole")
                return Result(False, report, rendered, timings=timings)
            timings["write"] = time.perf_counter() - t
    reused.settle(out_dir)
    record.pages, record.files, record.tops, record.outputs = pages, tuple(sorted(set(files))), tops, made.digests
    record.spans, record.groups, record.sums = reused.spans, groups, made.sums
    record.stats = intact.after_update(record.stats, out_dir, [*staged, *changed], removed, folders, keep)
    return Result(True, report, len(pages), search=summary, timings=timings, rendered=rendered,
                  changed=sorted(wanted), deleted=sorted(deleted))


def _list_pages(prepared: Prepared, record, memo: Digests) -> tuple[dict, set, list, dict]:
    """(address -> digest of every page, the addresses whose digest the last build did not record, the first
    PARALLEL_PAGES_FROM of those pages, SiteRecord.groups) for a warm build."""
    pages, wanted, chosen, groups = {}, set(), [], {}

    def visit(page) -> bytes:
        digest = pages[page.url] = memo.of(page.deps)
        if record.pages.get(page.url) != digest:
            wanted.add(page.url)
            if len(chosen) < PARALLEL_PAGES_FROM:
                chosen.append(page)
        return digest

    index, refs = prepared.index, prepared.refs
    for section in sections(index, prepared.today, refs):
        if not isinstance(section, MeetingGroup):
            visit(section)
            continue
        # A meeting's pages are made from these records and from their own backlinks and references alone
        # (pages.meeting_inputs): when none of them changed since the last build, neither did the pages, which
        # need not even be listed. The preview does the same by identity (incremental.py).
        meeting = section.meeting
        inputs = _group_inputs(memo, prepared, meeting)
        known = record.groups.get(meeting.key)
        if known is not None and known[0] == inputs and all(
                _links(memo, prepared, url) == links for url, (_, links) in known[1].items()):
            pages.update((url, digest) for url, (digest, _) in known[1].items())
            groups[meeting.key] = known
            continue
        groups[meeting.key] = (inputs, {page.url: (visit(page), _links(memo, prepared, page.url))
                                        for page in meeting_pages(index, meeting, prepared.today, refs)})
    return pages, wanted, chosen, groups
