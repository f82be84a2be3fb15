"""Incremental rebuilds for the live preview: re-render only the pages whose inputs changed.

A `Session` keeps, between rebuilds, the loaded meeting folders (reused while
their files are unchanged), the reference scan and the rendered Markdown (reused
while the set of link targets is unchanged), and a digest of each page's `deps`
(see pages.py, fingerprint.py). After an edit the whole archive is resolved
again, and a page is rendered again only when its deps differ from last time, so an
edit to one meeting re-renders that meeting's pages plus whatever lists,
backlinks or action histories it changes. Tests check the result is
byte-identical to a full build after every edit.
"""

from __future__ import annotations

import gc
import os
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from generator import cache as build_cache
from generator.build import (Memos, Options, make_environment, prepare, render_page, run,
                             site_fingerprint, static_files, without_cycle_collector)
from generator.diagnostics import Report
from generator.fingerprint import Digests
from generator.interrupt import Interrupted, check, never
from generator.memo import ByIdentity, same
from generator.memory import give_back_freed
from generator.outputs import extra_outputs
from generator.pages import Holdings, MeetingGroup, holdings, meeting_inputs, meeting_pages, sections
from generator.quick import meeting_folder, quick_rebuild
from generator.quick_bodies import body_quick
from generator.quick_people import people_quick
from generator.reload_parts import Parts
from generator.render import CompiledTemplates, forget_links
from generator.update import Outputs
from generator.urls import output_file

_MISSING = object()


@dataclass
class Outcome:
    ok: bool
    report: Report
    rendered: int = 0
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    milliseconds: float = 0.0
    full: bool = False
    files: list[str] = field(default_factory=list)  # feeds, data and other non-page files rewritten
    interrupted: bool = False  # given up for a save that came meanwhile (interrupt.py): nothing was written
    # A save's fast path (Session.quick): when the edited meeting's own pages were on disk, the first it writes
    # and those the clerk is looking at (issue 7's measure of a save: from the write to its pages on disk)
    own_milliseconds: float | None = None


class _Folder:
    """Writes files in place, only when their bytes change, so unchanged pages keep their mtimes."""

    CHUNK = 1 << 22  # 4 MB: the open data of a large archive is tens of megabytes, compared and written in parts

    def __init__(self, root: Path, note=lambda relative: None):
        self.root = root
        self.note = note  # told of each file before it is written or removed (cache.Touched)

    def write_bytes(self, relative: str, data: bytes, stop=never) -> bool:
        """Whether the file changed. `stop` (interrupt.py) is asked between parts of a large file; when it
        stops, the file is as it was."""
        path = self.root / relative
        if self._holds(path, data, stop):
            return False
        self.note(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        try:
            with tmp.open("wb") as handle:
                for start in range(0, len(data), self.CHUNK):
                    check(stop)
                    handle.write(memoryview(data)[start:start + self.CHUNK])
        except Interrupted:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, path)
        return True

    def _holds(self, path: Path, data: bytes, stop) -> bool:
        try:
            if path.stat().st_size != len(data):
                return False
            with path.open("rb") as handle:
                for start in range(0, len(data), self.CHUNK):
                    check(stop)
                    if handle.read(self.CHUNK) != memoryview(data)[start:start + self.CHUNK]:
                        return False
            return True
        except OSError:
            return False

    def delete(self, relative: str) -> None:
        path = self.root / relative
        if path.exists():
            self.note(relative)
            path.unlink()
        parent = path.parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def _changed(before: tuple[dict, dict], after: tuple[dict, dict], stop=never) -> set:
    """The addresses (and meeting keys) whose backlinks or references differ: backlinks.scan hands back
    the very same tuple for an unchanged list, so comparing identities is enough, and a false "changed"
    only costs a page digest."""
    out = set()
    for old, new in zip(before, after):
        keys = list(old.keys() | new.keys())
        for start in range(0, len(keys), 2000):
            check(stop)
            out.update(key for key in keys[start:start + 2000] if old.get(key) is not new.get(key))
    return out


class Session:
    """One live-preview session over one content folder and one output folder."""

    def __init__(self, options: Options):
        self.options = options
        # What the session writes after its first build, which recorded the folder, a preview started later
        # must take as changed (cache.touched_file).
        self.out = _Folder(Path(options.out), build_cache.Touched(build_cache.cache_file(
            Path(options.content), options.drafts, purpose="preview")) if options.cache else lambda relative: None)
        self.loader_cache: dict = {}
        self.reload_parts = Parts()  # what the fast path's last read of a meeting folder made of each file (quick.py)
        self.scan_cache: dict = {}
        self.markdown_cache: dict = {}
        self.compiled = CompiledTemplates()  # templates compiled once per session, again only when edited
        self.memos = Memos()  # each stage's output by the identity of its input records (build.Memos)
        self.pages: dict[str, bytes] | None = None  # address -> digest of its deps at the last successful rebuild
        self.extra_files: set[str] = set()  # feeds, calendars, open data, sitemaps: what write_files() wrote
        self.as_is: set[str] = set()  # the static files and content/root's: what _copy_as_is wrote
        self.fingerprint: tuple | None = None  # what forces a full re-render when it changes
        self.index = None  # the resolved Index of the last successful rebuild (for the search index)
        self.prepared = None  # what the last rebuild rendered from, while it succeeded (quick.py starts from it)
        # What the last rebuild that succeeded rendered from, kept while the rebuilds since fail (a clerk's mistake
        # shown, then put right), and every file given to `quick` since it: see `quick`
        self.good = None
        self.saved: set[str] = set()
        # What the loader read for that rebuild: the registers' signature, and each meeting folder's record
        self.good_read: tuple = (None, {})
        self.holdings: Holdings | None = None  # pages.holdings of the last index rendered: the next is made from it
        self.outputs: dict = {}  # feed address -> digest of its inputs (update.Outputs)
        self.sums: dict = {}  # file -> its size and SHA-256, of the files a rebuild may keep (update.Outputs.note)
        self.digests: Digests | None = None  # the last successful rebuild's memo of record digests
        self._files_for: tuple | None = None  # what write_files() needs, until it has run
        # meeting key -> (digest of meeting_inputs, {address: digest of deps}, meeting_inputs)
        self.groups: dict[str, tuple] = {}
        self.read: tuple = ({}, {})  # the backlinks and references the last successful rebuild's pages showed
        self.deps: dict[str, tuple] = {}  # address -> (deps, digest) of each page outside the meetings' groups
        self.relative: dict = {}  # file -> its path as messages show it (diagnostics.Report), for every rebuild
        self.records = ByIdentity()  # feed entries and open-data records, by the identity of their records
        self.output_inputs: dict = {}  # file -> (inputs, digest) of each file update.Outputs was asked about
        # Pages the fast path wrote or deleted since the last rebuild that finished: `pages` does not describe them
        self.unsettled: set[str] = set()
        # meeting key -> the addresses of its items, papers and actions when the fast path last wrote its pages
        # since that rebuild (backlinks.addresses): the fast path deletes those an edit taken back leaves behind
        self.reached: dict[str, set[str]] = {}
        # address -> the digest of the deps the fast path made a page from, for those it made since that rebuild
        # beyond a meeting's own (quick.py): a page already made for a save before need not be made again
        self.drawn: dict[str, bytes] = {}
        # Which register's fast path (quick_people.py, quick_bodies.py) wrote pages since that rebuild, if one did
        # ("the people register"): the meetings' would make those pages again from the register the rebuild had
        self.register_saved = ""

    def rebuild(self, files: bool = True, stop=never) -> Outcome:
        """Bring the output folder up to date with the content.

        With `files=False` the pages are written but the feeds, calendars, open
        data and sitemaps wait for `write_files()`: the live preview shows a
        saved edit as soon as its pages are on disk, and writes the rest while
        the reader looks at it. `stop` (interrupt.py): asked along the way, after
        the first rebuild; when it says another save is waiting, the rebuild is
        given up with nothing written (`Outcome.interrupted`), and the fast path
        (`quick`) can still start from the last rebuild that finished.
        """
        with without_cycle_collector():  # see build.py: the same millions of objects, the same wasted traversals
            first = self.pages is None
            outcome = self._first() if first and self.options.cache else self._rebuild(stop=stop)
            if first and outcome.ok:
                # The archive the first build loaded lives as long as the session, mostly unchanged: moved out of
                # the collector's sight, it is not traversed again by each full collection between saves. What
                # that build left in reference cycles (a template environment that loaded templates holds its
                # Index) is collected first, once: frozen, it would be kept for good.
                gc.collect()
                gc.freeze()
            if files and outcome.ok:
                started = time.perf_counter()
                outcome.files = self.write_files()
                self.tidy()
                outcome.milliseconds += (time.perf_counter() - started) * 1000
            return outcome

    def tidy(self) -> None:
        """Let go of records the archive no longer holds, which the memo of digests keeps alive (a long session
        need not keep every version of every record): a pass over the memo, a few hundred milliseconds in a
        large archive once it has grown by a quarter. `rebuild(files=True)` does it at its end; the live
        preview, which writes the files apart, does it while nobody saves (serve.py)."""
        if self.digests is not None:
            self.digests.forget_unused()

    def between_saves(self) -> None:
        """What the live preview does once nobody has saved for half a second (serve.py), with the cycle
        collector off the rest of the time: tidy the memos, collect reference cycles, and freeze what survives
        (move it out of the collector's sight), so that the next collection looks only at what the saves since
        made. Without freezing, each collection at 2,000 meetings took longer than the one before (0.8 to 1.3
        s over six saves). A frozen object is still freed when nothing holds it; only a reference cycle among
        frozen objects would stay for good, and the session keeps none that outlives a rebuild (its Markdown
        parser is one for the session, build.Memos; tests/test_incremental.py checks). Then what the rebuilds
        freed goes back to the system (memory.give_back_freed): over 60 edits at 500 meetings, 240 MB resident
        (medians) against 261 MB (`python -m benchmarks.session_memory --between-saves`)."""
        self.tidy()
        gc.collect()
        gc.freeze()
        give_back_freed()

    def quick(self, paths) -> Outcome | None:
        """The meeting's pages when the files `paths` are all in one meeting's folder (quick.py), the people's
        when they are the people register (quick_people.py), a body's when it is its file (quick_bodies.py);
        None, having written nothing, when `rebuild` must decide. `rebuild` must follow either way: it alone
        reports messages, writes the feeds and data files, and records what the pages were made from."""
        started = time.perf_counter()
        own: list[float] = []
        self.saved.update(str(path) for path in paths)
        with without_cycle_collector():
            if self.prepared is None:
                done = self._recovering(lambda: own.append(time.perf_counter()))
            else:
                done = None if self.register_saved else quick_rebuild(self, paths,
                                                                      lambda: own.append(time.perf_counter()))
                if done is None:
                    done = people_quick(self, paths)
                if done is None:
                    done = body_quick(self, paths)
        if done is None:
            return None
        self.unsettled.update(done[1], done[2])
        return Outcome(True, Report(root=Path(self.options.content)), done[0], done[1], done[2],
                       milliseconds=(time.perf_counter() - started) * 1000,
                       own_milliseconds=(own[0] - started) * 1000 if own else None)

    def _recovering(self, written_own) -> tuple | None:
        """The fast path after a rebuild that failed (`prepared` None): from the last rebuild that succeeded, with
        every file saved since it (`saved`: the save that made the mistake, those while it showed, this one) read
        again. Only where those files are all in one meeting's folder: then that folder read again over that
        rebuild's index is the archive as it is now, as on any save, and quick.py gives the pages a full build
        gives. A register, a body's file, a template or two folders saved since are left to the rebuild, as is a
        save after a first build that failed (nothing to start from). Without this, the save that put a mistake
        right waited for the full rebuild (seconds in a large archive), however small."""
        if self.good is None or self.pages is None:
            return None
        # Nor where the loader found another change since (a file saved that `quick` was not told of): each folder's
        # record as that rebuild read it, the very same object, but for the one folder saved
        registers, read = self.good_read
        folder = meeting_folder(Path(self.options.content), sorted(self.saved))
        now = {key: entry[1] for key, entry in self.loader_cache.items() if isinstance(key, Path)}
        if folder is None or self.loader_cache.get("registers") != registers or \
                any(now.get(key) is not read.get(key) for key in now.keys() | read.keys() if key != folder):
            return None
        self.prepared = self.good
        try:
            return quick_rebuild(self, sorted(self.saved), written_own)
        finally:
            self.prepared = None

    def write_files(self, stop=never) -> list[str]:
        """Write the files besides pages for the last successful rebuild, if not yet written; those changed.

        `stop()` is asked along the way (interrupt.py): when it says so (another
        save is waiting), the rest waits for the next rebuild, whose files
        supersede these. Each file written is whole and matches the pages on disk.
        """
        if self._files_for is None:
            return []
        index, today, addresses, memo, full = self._files_for
        with without_cycle_collector():
            extra, files = set(), []
            made = Outputs(memo, None if full else self.outputs, self.output_inputs, None if full else self.sums)
            try:
                for relative, data in extra_outputs(index, today, addresses, self.options.drafts, made, self.records,
                                                    stop):
                    extra.add(relative)
                    if self.out.write_bytes(relative, data, stop):
                        files.append(relative)
                    check(stop)
            except Interrupted:
                return files  # nothing noted as written: the next call makes everything it must again
            self._files_for = None
            self.records.round()
            extra.update(made.kept)
            self.outputs, self.output_inputs, self.sums = made.digests, made.inputs, made.sums
            for relative in sorted(self.extra_files - extra):
                self.out.delete(relative)
            self.extra_files = extra
        return files

    def _first(self) -> Outcome:
        """The first rebuild is a build into the preview folder (build.run), on every core, and warm when a
        previous preview left its build cache: a restarted preview renders only what changed meanwhile.
        The session then carries on from what that build recorded, as if it had rendered the pages itself."""
        started = time.perf_counter()
        out = Path(self.options.out)
        index, aside = out / "pagefind", out.with_name(out.name + ".search-aside")
        shutil.rmtree(aside, ignore_errors=True)
        if index.is_dir():  # the preview indexes for search itself (serve.py): the build must not see it
            os.replace(index, aside)
        try:
            result = run(replace(self.options, search=False), cache_name="preview", memos=self.memos)
        finally:
            if aside.is_dir() and out.is_dir() and not index.exists():
                os.replace(aside, index)  # searchable at once; re-indexed once this rebuild is done
            shutil.rmtree(aside, ignore_errors=True)
        handed = result.handover if result.ok else None
        record = handed.cache.site if handed is not None else None
        if record is None:
            return Outcome(False, result.report, milliseconds=(time.perf_counter() - started) * 1000)
        self.loader_cache, self.scan_cache, self.markdown_cache = handed.cache.loader, handed.cache.scan, \
            handed.markdown
        self.pages, self.fingerprint, self.outputs = dict(record.pages), record.fingerprint, dict(record.outputs)
        self.sums = dict(record.sums)
        self.as_is = set(static_files(self.options))
        self.extra_files = set(record.files) - self.as_is
        # The build's own archive and index, so nothing is loaded or resolved twice; this lists and digests
        # the pages (noting the session's state) and renders none, as the build's record says they are current.
        outcome = self._rebuild(handed.prepared, result.report)
        if outcome.ok:
            self._compile_templates(handed.prepared)
            self.digests.baseline()
        outcome.full = True
        outcome.rendered += result.pages if result.rendered is None else result.rendered
        # Pages the build wrote, besides any the session itself wrote just now (content changed meanwhile).
        by_build = record.pages if result.rendered is None else result.changed
        outcome.written = sorted(set(by_build) | set(outcome.written))
        outcome.deleted = sorted(set(result.deleted) | set(outcome.deleted))  # a restart's log said "0 removed"
        outcome.milliseconds = (time.perf_counter() - started) * 1000
        return outcome

    def _copy_as_is(self) -> None:
        """The static files and content/root's, on every rebuild: a change to one changes no page, and so no
        fingerprint, but shows at once; one taken out is taken out of the preview. Each is written only where
        its bytes changed."""
        files = static_files(self.options)
        for relative, source in files.items():
            self.out.write_bytes(relative, source.read_bytes())
        for relative in sorted(self.as_is - set(files)):
            self.out.delete(relative)
        self.as_is = set(files)

    def _compile_templates(self, prepared) -> None:
        """The first build compiled the templates in its own processes: compiled into the session's cache too,
        the first save's pages (quick.py) do not wait a quarter of a second for it. A template that does not
        compile is left for the rebuild that uses it to report."""
        env = make_environment(self.options, prepared, Report(root=Path(self.options.content)), self.compiled)
        for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
            try:
                env.get_template(name)
            except jinja2.TemplateError:
                continue

    def _rebuild(self, prepared=None, report: Report | None = None, stop=never) -> Outcome:
        """One rebuild; with `prepared` (and its `report`), from an archive already loaded and resolved."""
        started = time.perf_counter()
        if prepared is None:
            report = Report(root=Path(self.options.content), _relative=self.relative)
            try:
                prepared = prepare(self.options, report, {}, self.loader_cache, self.scan_cache, self.markdown_cache,
                                   self.memos, stop)
            except Interrupted:
                # The fast path carries on from the last rebuild that finished. The Markdown cache must then hold
                # only HTML that rebuild's linker makes: HTML with links may be this one's.
                last = self.prepared or self.good  # or, after a rebuild that failed, the last that succeeded
                if last is not None:
                    forget_links(self.markdown_cache, last.linker.signature)
                return self._interrupted(started)
        self.prepared = None
        if prepared is None:
            self._failed()
            return Outcome(False, report, milliseconds=(time.perf_counter() - started) * 1000)
        try:
            outcome = self._pages(prepared, report, started, stop)
            if not outcome.ok:
                self._failed()
            return outcome
        except Interrupted:
            # The caches and memos the fast path reads agree with this archive, as after a rebuild that finished;
            # the pages do not, and the next rebuild compares them with the last one that finished.
            self.prepared = prepared
            return self._interrupted(started)

    def _failed(self) -> None:
        """After a rebuild that failed: the Markdown cache holds only HTML the last good rebuild's linker makes, as
        after one given up (see _rebuild), for the fast path that starts from it (`_recovering`)."""
        if self.good is not None:
            forget_links(self.markdown_cache, self.good.linker.signature)

    def _interrupted(self, started: float) -> Outcome:
        return Outcome(False, Report(root=Path(self.options.content)), interrupted=True,
                       milliseconds=(time.perf_counter() - started) * 1000)

    def _pages(self, prepared, report: Report, started: float, stop) -> Outcome:
        """The pages whose deps changed since the last rebuild that finished, rendered and written."""
        fingerprint = site_fingerprint(self.options, self.loader_cache, prepared)
        full = self.pages is None or fingerprint != self.fingerprint
        env = make_environment(self.options, prepared, report, self.compiled)
        env.filters["markdown"].__self__.cache = self.markdown_cache  # emptied by prepare() when links changed
        previous = self.pages or {}
        # What the fast path wrote since the last rebuild that finished is rendered again, whatever its deps say:
        # an edit made and undone between two rebuilds leaves the deps as they were, but not the page on disk.
        unsettled = self.unsettled
        current: dict[str, bytes] = {}
        pending: list[tuple[str, str]] = []
        # Comparing digests, not the records themselves: == on records compares all their text. Records
        # unchanged since the last rebuild are the same objects, whose digests that rebuild's memo knows.
        memo = Digests(self.digests)
        index = prepared.index
        changed = set() if full else _changed(self.read, (index.backlinks, prepared.refs), stop) | unsettled
        groups: dict[str, tuple] = {}

        kept_deps: dict[str, tuple] = {}

        def visit(page, alone: bool = False) -> bool:
            """`alone`: a page outside any meeting's group, whose deps are kept to compare with the next time."""
            if alone:
                before = self.deps.get(page.url)
                if before is None or not same(before[0], page.deps):  # else the old pair: see memo.ByIdentity
                    before = (page.deps, memo.of(page.deps))
                kept_deps[page.url] = before
                current[page.url] = before[1]
            else:
                current[page.url] = memo.of(page.deps)
            if full or previous.get(page.url, _MISSING) != current[page.url] or page.url in unsettled:
                html = render_page(env, page, report)
                if html is None:
                    return False
                pending.append((page.url, html))
            return True

        self.holdings = holdings(index, self.holdings)
        for section in sections(index, prepared.today, prepared.refs, self.holdings):
            check(stop)
            if not isinstance(section, MeetingGroup):
                if not visit(section, alone=True):
                    break
                continue
            meeting = section.meeting
            records = meeting_inputs(index, meeting, prepared.today, prepared.refs)
            known = self.groups.get(meeting.key)
            inputs = known[0] if known is not None and same(known[2], records) else memo.of(records)
            if not full and known is not None and known[0] == inputs and ("meeting", meeting.key) not in changed \
                    and known[1].keys().isdisjoint(changed):  # the fewer looked up in the other
                current.update(known[1])  # the same records, backlinks and references: the same pages
                groups[meeting.key] = known
                continue
            made, failed = {}, False
            for page in meeting_pages(index, meeting, prepared.today, section.refs):
                check(stop)
                failed = not visit(page)
                if failed:
                    break
                made[page.url] = current[page.url]
            if failed:  # a template error, reported
                break
            groups[meeting.key] = (inputs, made, records)
        if report.failed(self.options.strict):
            return Outcome(False, report, milliseconds=(time.perf_counter() - started) * 1000)
        written = [url for url, html in pending if self.out.write_bytes(output_file(url), html.encode("utf-8"))]
        gone = {url for url in previous if url not in current}
        gone.update(url for url in unsettled if url not in current)
        deleted = sorted(gone)
        for url in deleted:
            self.out.delete(output_file(url))
        self._copy_as_is()
        unwritten_full = self._files_for is not None and self._files_for[4]  # a full rebuild's files not yet written
        self._files_for = (prepared.index, prepared.today, list(current), memo, full or unwritten_full)
        self.pages, self.fingerprint = current, fingerprint
        self.groups, self.read = groups, (index.backlinks, prepared.refs)
        self.deps = kept_deps
        self.unsettled, self.reached, self.drawn, self.register_saved = set(), {}, {}, ""
        self.digests = memo
        self.index, self.prepared, self.good, self.saved = prepared.index, prepared, prepared, set()
        self.good_read = (self.loader_cache.get("registers"),
                          {key: entry[1] for key, entry in self.loader_cache.items() if isinstance(key, Path)})
        return Outcome(True, report, len(pending), written, deleted, (time.perf_counter() - started) * 1000, full)
