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

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import (Options, copy_static, make_environment, prepare, render_page, site_fingerprint,
                             without_cycle_collector)
from generator.diagnostics import Report
from generator.fingerprint import Digests
from generator.outputs import extra_outputs
from generator.pages import all_pages
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


class _Folder:
    """Writes files in place, only when their bytes change, so unchanged pages keep their mtimes."""

    def __init__(self, root: Path):
        self.tmp = root  # the name StagedOutput uses, so copy_static works on both
        self.root = root

    def write_bytes(self, relative: str, data: bytes) -> bool:
        path = self.root / relative
        try:
            if path.read_bytes() == data:
                return False
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True

    def copy_tree(self, source: Path, relative: str) -> None:
        if not source.is_dir():
            return
        for path in sorted(source.rglob("*")):
            if path.is_file():
                self.write_bytes(f"{relative}/{path.relative_to(source).as_posix()}", path.read_bytes())

    def delete(self, relative: str) -> None:
        path = self.root / relative
        if path.exists():
            path.unlink()
        parent = path.parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


class Session:
    """One live-preview session over one content folder and one output folder."""

    def __init__(self, options: Options):
        self.options = options
        self.out = _Folder(Path(options.out))
        self.loader_cache: dict = {}
        self.scan_cache: dict = {}
        self.markdown_cache: dict = {}
        self.pages: dict[str, bytes] | None = None  # address -> digest of its deps at the last successful rebuild
        self.extra_files: set[str] = set()  # feeds, exports, sitemap: regenerated every time, cheap
        self.fingerprint: tuple | None = None  # what forces a full re-render when it changes
        self.index = None  # the resolved Index of the last successful rebuild (for the search index)
        self.outputs: dict = {}  # feed address -> digest of its inputs (update.Outputs)

    def rebuild(self) -> Outcome:
        with without_cycle_collector():  # see build.py: the same millions of objects, the same wasted traversals
            return self._rebuild()

    def _rebuild(self) -> Outcome:
        started = time.perf_counter()
        report = Report(root=Path(self.options.content))
        prepared = prepare(self.options, report, {}, self.loader_cache, self.scan_cache, self.markdown_cache)
        if prepared is None:
            return Outcome(False, report, milliseconds=(time.perf_counter() - started) * 1000)
        fingerprint = site_fingerprint(self.options, self.loader_cache, prepared)
        full = self.pages is None or fingerprint != self.fingerprint
        env = make_environment(self.options, prepared, report)
        env.filters["markdown"].__self__.cache = self.markdown_cache  # emptied by prepare() when links changed
        previous = self.pages or {}
        current: dict[str, bytes] = {}
        pending: list[tuple[str, str]] = []
        memo = Digests()  # comparing digests, not the records themselves: == on records compares all their text
        for page in all_pages(prepared.index, prepared.today, prepared.refs):
            current[page.url] = memo.of(page.deps)
            if full or previous.get(page.url, _MISSING) != current[page.url]:
                html = render_page(env, page, report)
                if html is None:
                    break
                pending.append((page.url, html))
        if report.failed(self.options.strict):
            return Outcome(False, report, milliseconds=(time.perf_counter() - started) * 1000)
        written = [url for url, html in pending if self.out.write_bytes(output_file(url), html.encode("utf-8"))]
        deleted = sorted(set(previous) - set(current))
        for url in deleted:
            self.out.delete(output_file(url))
        extra, files = set(), []
        made = Outputs(memo, None if full else self.outputs)
        for relative, data in extra_outputs(prepared.index, prepared.today, sorted(current), self.options.drafts,
                                            made):
            extra.add(relative)
            if self.out.write_bytes(relative, data):
                files.append(relative)
        extra.update(made.kept)
        self.outputs = made.digests
        for relative in sorted(self.extra_files - extra):
            self.out.delete(relative)
        self.extra_files = extra
        if full:
            copy_static(self.options, self.out)
        self.pages, self.fingerprint = current, fingerprint
        self.index = prepared.index
        return Outcome(True, report, len(pending), written, deleted, (time.perf_counter() - started) * 1000, full,
                       files)
