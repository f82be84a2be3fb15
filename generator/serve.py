"""`minutebook serve`: a live preview that rebuilds on every save.

The same pipeline as `build` (through incremental.Session) writes into a
preview folder; a small HTTP server on 127.0.0.1 serves it, injects a
reload script into HTML responses (the files on disk stay exactly what a build
writes), and tells open pages to reload over server-sent events. A content
mistake never stops the server: every page shows the messages until the file
is fixed.
"""

from __future__ import annotations

import errno
import gc
import html
import json
import os
import sys
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.attachments import litter
from generator.build import Options
from generator.diagnostics import Diagnostic, Report, content_option, plural
from generator.incremental import Outcome, Session
from generator.interrupt import never
from generator.render import template_dirs
from generator.root_files import WELL_KNOWN
from generator import search_refs, urls
from generator.search_index import IndexError_, build_index
from generator.update import top_of
from generator.urls import output_file

IDLE_COLLECTION = 60.0  # seconds: see Preview._loop
PAGEFIND_NICENESS = 10  # the preview's search index gives the cores to the next save first
RELOAD_PATH = "/__minutebook/events"
RELOAD_SCRIPT = (
    "<script>(function(){var v=null,s=new EventSource('" + RELOAD_PATH + "');"
    "s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>"
)


class Preview:
    """The state shared by the watcher thread and the HTTP handlers."""

    def __init__(self, options: Options, log=print, search: bool = True, debounce: float = 0.05):
        self.options = options
        self.session = Session(options)
        self.log = log
        self.search = search
        self.debounce = debounce
        self.version = 0
        self.report: Report | None = None  # the failing report while the content has errors
        self.base = ""  # the path the site is published below (Site.path), as the last good build read it
        self.changed = threading.Event()
        self.lock = threading.Lock()
        self.condition = threading.Condition()
        self.stopping = False
        self._index_timer: threading.Timer | None = None
        self._last_messages: list[str] = []
        # Files changed since the last rebuild, each with whether its last event ended a write (see watch)
        self.paths: dict[str, bool] = {}
        self.saved_at: float | None = None  # when the first of those changes came (time.monotonic)
        # The top-level folders of pages written or deleted since the search index was last made: only their
        # bundles are made again (search_index.build_index); None: all of them.
        self._to_index: set[str] | None = None
        self._indexing = threading.Lock()  # one Pagefind run at a time over the preview folder
        self._refs = search_refs.Kept()  # what the reference map was last made from; used under _indexing
        self._drafts_told: set[str] = set()  # the draft files the log has said are left out (_say_drafts_unshown)

    # ---- rebuilding ------------------------------------------------------------------

    def quick(self, paths: list[str], why: str) -> bool:
        """A save within one meeting's folder, or to the people register: its pages at once (Session.quick,
        quick.py, quick_people.py), and open pages told to reload. The full rebuild must follow: it alone
        reports messages and writes the rest. While the preview shows errors, the save that puts the mistake right
        is no different (Session._recovering): its pages are shown, the error page gone with it, and the rebuild
        shows the errors again if there are still some."""
        with self.lock:
            try:
                outcome = self.session.quick(paths)
            except Exception as exc:  # noqa: BLE001 - the full rebuild that follows decides anyway
                self.log(f"[{why}] the fast path failed ({exc!r}); rebuilding in full")
                return False
            if outcome is None:
                return False
            self.report = None  # the pages are the archive's as it is now, which the rebuild checks next
            gone = f" and {len(outcome.deleted)} deleted" if outcome.deleted else ""
            edited = self.session.register_saved or "the edited meeting"
            own = f" (its own pages in {outcome.own_milliseconds:.0f} ms)" if outcome.own_milliseconds is not None \
                else ""
            self.log(f"[{why}] {outcome.rendered} pages rendered for {edited}, {len(outcome.written)} "
                     f"written{gone} in {outcome.milliseconds:.0f} ms{own}; checking the rest of the archive")
            if self.search and (outcome.written or outcome.deleted):
                self._schedule_index(outcome)
            self._changed()
            return True

    def _changed(self) -> None:
        with self.condition:
            self.version += 1
            self.condition.notify_all()

    def rebuild(self, why: str = "start", files: bool = True, quietly: bool = False, stop=never) -> Outcome:
        """With `files=False` (the watcher's rebuilds), feeds, data and sitemaps wait for `write_files`.
        `quietly`: open pages are told to reload only if a page changed (they already show the fast path's).
        `stop`: see Session.rebuild; a rebuild given up changes nothing here."""
        with self.lock:
            try:
                outcome = self.session.rebuild(files=files, stop=stop)
            except Exception as exc:  # noqa: BLE001 - the server must outlive any failure
                report = Report(root=Path(self.options.content))
                report.error("minutebook", 1, f"internal error while rebuilding: {exc!r}",
                             "please report this with the file you changed")
                outcome = Outcome(False, report)
            if outcome.interrupted:
                self.log(f"[{why}] another save came: the rest of the archive is checked after it "
                         f"(stopped after {outcome.milliseconds:.0f} ms)")
                return outcome
            messages = [outcome.report.format_here(d) for d in outcome.report.sorted()]
            if outcome.report.not_run_note():
                messages.append(outcome.report.not_run_note())
            if messages != self._last_messages:  # say each problem once, not on every save
                for message in messages:
                    self.log(message)
                self._last_messages = messages
            if outcome.ok:
                self.report = None
                if self.session.prepared is not None:
                    self.base = self.session.prepared.archive.site.path
                self.log(f"[{why}] {outcome.rendered} pages rendered, {len(outcome.written)} written, "
                         f"{len(outcome.deleted)} removed in {outcome.milliseconds:.0f} ms")
                if self.search and (outcome.written or outcome.deleted or outcome.full):
                    self._schedule_index(outcome)
            else:
                self.report = outcome.report
                stopping = len(_stopping(outcome.report))
                said = (plural(stopping, "error") if outcome.report.errors else
                        f"{plural(stopping, 'warning')}, which --strict counts as errors")
                self.log(f"[{why}] build failed: {said}; the preview shows {'it' if stopping == 1 else 'them'}")
            if not (quietly and outcome.ok and not outcome.written and not outcome.deleted):
                self._changed()
            return outcome

    def write_files(self) -> None:
        """The feeds, calendars, open data and sitemaps of the pages just written (see Session.rebuild)."""
        with self.lock:
            started = time.perf_counter()
            try:
                files = self.session.write_files(stop=self.changed.is_set)
            except Exception as exc:  # noqa: BLE001 - the server must outlive any failure
                self.log(f"feeds and data files not updated: internal error {exc!r}; please report this")
                return
            if files:
                self.log(f"{len(files)} feed, calendar, data or sitemap files updated in "
                         f"{(time.perf_counter() - started) * 1000:.0f} ms")

    def _schedule_index(self, outcome: Outcome) -> None:
        """Pagefind runs over the bundles of the pages `outcome` wrote or deleted (all of them after a full
        rebuild): coalesce a burst of saves into one run."""
        with self.condition:
            if outcome.full or self._to_index is None:
                self._to_index = None
            else:
                self._to_index.update(top_of(output_file(url)) for url in outcome.written + outcome.deleted)
        if self._index_timer is not None:
            self._index_timer.cancel()
        self._index_timer = threading.Timer(0.5, self._index)
        self._index_timer.daemon = True
        self._index_timer.start()

    def _index(self) -> None:
        """Not under the rebuild lock: a slow index must not delay the next page update."""
        with self._indexing:
            with self.condition:
                changed, self._to_index = self._to_index, set()
            if changed == set():  # a run that waited for this one has indexed its changes already
                return
            try:
                summary = build_index(Path(self.options.out), self.session.index, changed=changed,
                                      refs_kept=self._refs, niceness=PAGEFIND_NICENESS)
                self.log(f"search index updated: {summary}")
            except IndexError_ as exc:
                with self.condition:  # tried again with the next save's
                    self._to_index = None if changed is None or self._to_index is None else self._to_index | changed
                self.log(f"search index not updated: {exc}")

    def watch(self) -> Observer:
        preview = self

        class Handler(FileSystemEventHandler):
            def __init__(self, folder: Path):
                super().__init__()
                self.folder = folder

            # Reading files raises "opened"/"closed_no_write" events too: reacting to
            # those would make every rebuild trigger the next one. A file's permissions put right (chmod) raise
            # "attrib" alone: the file must be read again, or "the file cannot be read" stays.
            WRITES = {"created", "modified", "deleted", "moved", "closed", "attrib"}
            # A file closed after writing, moved into place (an editor's atomic save), deleted, or its
            # permissions changed, is whole: its save need not wait out the debounce. One created or modified may
            # still be being written.
            ENDS = {"deleted", "moved", "closed", "attrib"}

            def on_any_event(self, event):
                if event.event_type not in self.WRITES or (event.is_directory and event.event_type == "modified"):
                    return
                # A save renamed over the file (sed -i, most editors) is the file's; what an editor wrote to
                # rename over it, or moved it aside to (a backup), is no file of the content, nor a swap file or
                # a lock, and the log named them among the files changed.
                path = next((p for p in (getattr(event, "dest_path", ""), event.src_path)
                             if p and content_file(p, self.folder, event.is_directory)), "")
                if not path:
                    return
                with preview.condition:
                    preview.paths[path] = event.event_type in self.ENDS and not event.is_directory
                    preview.condition.notify_all()
                    if preview.saved_at is None:
                        preview.saved_at = time.monotonic()
                preview.changed.set()

        observer = Observer()
        folders = {Path(self.options.content).resolve()}
        folders |= {d.resolve() for d in template_dirs(Path(self.options.content), self.options.templates)
                    if d.is_dir()}
        for folder in sorted(folders):
            observer.schedule(Handler(folder), str(folder), recursive=True)
        observer.daemon = True
        observer.start()
        threading.Thread(target=self._loop, daemon=True).start()
        return observer

    def _loop(self) -> None:
        gc.disable()  # for the preview's whole life: see _collect
        collect, collected = False, time.monotonic()
        while not self.stopping:
            if not self.changed.wait(timeout=0.5):
                # Half a second without a save (see _collect); and, while nobody saves, now and then for what
                # serving pages leaves behind.
                if collect or time.monotonic() - collected > IDLE_COLLECTION:
                    self._collect()
                    collect, collected = False, time.monotonic()
                continue
            # Let an editor finish writing (a save is several events), counting from the first event: a save
            # that had to wait for a rebuild to give way has waited that long already. Files whose writing has
            # ended (see watch) need no wait at all.
            with self.condition:
                ends = (self.saved_at or time.monotonic()) + self.debounce
                self.condition.wait_for(lambda: all(self.paths.values()) or self.stopping,
                                        timeout=max(0.0, ends - time.monotonic()))
            self.changed.clear()
            with self.condition:
                paths, self.paths, self.saved_at = sorted(self.paths), {}, None
            why = ", ".join(_short(p) for p in paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5
                                                            else "") or "change"
            quick = self.quick(paths, why)
            # Once this save's own pages are on disk, another save may cut the rest short: the rebuild after it
            # covers both. Without them, the rebuild is the only way this save shows, and runs to the end.
            self.rebuild(why, files=False, quietly=quick, stop=self.changed.is_set if quick else never)
            self._say_drafts_unshown(paths)
            if not self.changed.is_set():  # another save already waiting: its rebuild comes first
                self.write_files()
            collect = True

    def _say_drafts_unshown(self, paths: list[str]) -> None:
        """A draft saved is no page of the preview without --drafts, as of the public site: a new clerk writing a
        new meeting's minutes (draft until approved) saw `0 pages rendered` after each save and the minute's page
        not found, and was told nowhere why. Said once for each file."""
        prepared = self.session.prepared
        if self.options.drafts or prepared is None:
            return
        saved = {os.path.abspath(p) for p in paths if p.endswith((os.sep + "minutes.md", os.sep + "actions.md"))}
        if not saved:
            return
        top = Path(os.path.abspath(self.options.content)).parent
        for meeting in prepared.archive.meetings:
            for part in (meeting.minutes, meeting.action_log):
                if part is None or part.status != "draft" or not part.source.path:
                    continue
                path = os.path.abspath(top / part.source.path)
                if path in saved and path not in self._drafts_told:
                    self._drafts_told.add(path)
                    self.log(f"{_short(path)} is a draft (`status: draft`): the preview leaves it out, as the "
                             "public site does; to see drafts too, each page marked as a preview, run `minutebook "
                             f"serve --drafts{content_option(self.options.content)}`")

    def _collect(self) -> None:
        """The preview runs with the cycle collector off, and collects only here, once half a second has
        passed without a save (Session.between_saves). A rebuild allocates millions of objects (build.py); the
        collector's passes over them would otherwise fall wherever the allocations took them past its
        thresholds: inside the next save's fast path, or at the end of a rebuild (when
        build.without_cycle_collector turned it back on), where the next save waits for it."""
        with self.lock:
            self.session.between_saves()

    # ---- serving ---------------------------------------------------------------------

    def error_page(self) -> bytes:
        """What stopped the build first, then the warnings that did not: listed in the order of their files, an
        archive's warnings (dozens, in a large one) put the one error a save made anywhere among them."""
        stopping = _stopping(self.report)
        rest = [d for d in self.report.sorted() if d not in stopping]

        def listed(problems: list[Diagnostic]) -> str:
            return "<ul class=\"build-errors\">" + "\n".join(
                f"<li><code>{html.escape(d.path)}:{d.line}</code> <strong>{d.severity}</strong>: "
                f"{html.escape(d.message)}{'; ' + html.escape(d.hint) if d.hint else ''}</li>"
                for d in problems) + "</ul>"
        warnings = (f"<h2>Warnings, which do not stop the build</h2>{listed(rest)}" if rest else "")
        note = self.report.not_run_note()
        not_run = f"<p class=\"not-run\">{html.escape(note[0].upper() + note[1:])}.</p>" if note else ""
        return (f"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Build failed | "
                f"Minutebook preview</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                f"<link rel=\"stylesheet\" href=\"{self.base}/static/style.css\"></head><body>"
                f"<main id=\"main\" class=\"wrap\">"
                f"<h1>The preview could not be rebuilt</h1><p>Fix these problems and save; this page reloads by "
                f"itself.</p>{listed(stopping)}{not_run}{warnings}</main>{RELOAD_SCRIPT}</body></html>"
                ).encode("utf-8")

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.version != seen or self.stopping, timeout=timeout)
            return self.version


def content_file(path: str, folder: Path, directory: bool = False) -> bool:
    """Whether a path the watcher reports below `folder` may be content: not in a hidden folder (save the
    published `.well-known`), and, for a file, not litter (attachments.litter: what the build passes over)."""
    try:
        parts = Path(path).relative_to(folder).parts
    except ValueError:
        return True
    if any(part.startswith(".") and part != WELL_KNOWN for part in parts[:-1 if not directory else None]):
        return False
    return bool(parts) and (directory or not litter(parts[-1]))


def _stopping(report: Report) -> list[Diagnostic]:
    """The problems that failed the build: its errors, or, with none, the warnings --strict counts as errors."""
    return report.errors or report.warnings


def _short(path: str) -> str:
    """The changed file as the log names it: by its own name, not what it links to (a paper's file linked from
    elsewhere; an Emacs lock, `.#ccb.md`, which the watcher now passes over, links to
    `clerk@laptop.4242:1717171717`, which is no file)."""
    try:
        return (Path(path).parent.resolve() / Path(path).name).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


# The types netlify.toml gives the feeds and calendars (tests/test_serve.py holds the two together): a feed
# reader expects Atom's own type, not the plain XML a `.xml` name gets.
FEED_TYPES = {".xml": "application/atom+xml; charset=utf-8", ".ics": "text/calendar; charset=utf-8"}


class Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format, *args):  # noqa: A002 - the server's per-request log is noise here
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == RELOAD_PATH:
            return self._events()
        if self._outside(path):
            return None
        if self.preview.report is not None and (path.endswith("/") or path.endswith(".html")):
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8",
                              self.preview.error_page())
        if path.endswith("/") or path.endswith(".html"):
            target = Path(self.translate_path(path))
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                body = target.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
                return self._send(HTTPStatus.OK, "text/html; charset=utf-8", body)
        return super().do_GET()

    def do_HEAD(self):  # noqa: N802
        if not self._outside(self.path.split("?", 1)[0]):
            super().do_HEAD()

    def _outside(self, path: str) -> bool:
        """A site published below a path (https://council.example/minutes/) is served below it, as it will be
        published, so a link that leaves it fails here too. The domain's root leads to the site's home page;
        anything else outside the path is not found. True when answered here."""
        base = self.preview.base
        if not base or path.startswith(base + "/"):
            return False
        if path in ("/", base):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", base + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(HTTPStatus.NOT_FOUND, f"Not found: this site is published below {base}/ (its base_url "
                            "in site.yaml), so the preview serves it there")
        return True

    def send_error(self, code, message=None, explain=None):
        """An address with no page gets the site's own "Page not found" (urls.not_found), as the host serves it
        once published; other errors, and those that explain the preview itself, http.server's page."""
        page = Path(self.directory) / urls.output_file(urls.not_found())
        if code == HTTPStatus.NOT_FOUND and message == "File not found" and self.command == "GET" and page.is_file():
            body = page.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
            return self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body)
        return super().send_error(code, message, explain)

    def translate_path(self, path: str) -> str:
        """The file for `path`, below the site's path if it has one (see _outside)."""
        base = self.preview.base
        if base and path.startswith(base + "/"):
            path = path[len(base):]
        return super().translate_path(path)

    def guess_type(self, path) -> str:
        request = self.path.split("?", 1)[0]
        base = self.preview.base
        if base and request.startswith(base + "/"):
            request = request[len(base):]
        suffix = Path(request).suffix
        if request.startswith("/feeds/") and suffix in FEED_TYPES:
            return FEED_TYPES[suffix]
        return super().guess_type(path)

    def _send(self, status, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the current build version now, and again whenever it changes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.preview.version
        try:
            self.wfile.write(f"data: {seen}\n\n".encode())
            self.wfile.flush()
            while not self.preview.stopping:
                now = self.preview.wait_for_change(seen, timeout=15)
                message = f"data: {now}\n\n" if now != seen else ": keep-alive\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            return


class Server(ThreadingHTTPServer):
    """A browser that leaves a page before it has loaded (a click on, a reload after a save) closes its connection
    while the page is sent: http.server printed that broken pipe's traceback in the clerk's terminal, with nothing
    wrong. A reader gone is no error of the preview's, and is passed over; any other error is still printed."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError, ...
            super().handle_error(request, client_address)


def make_server(preview: Preview, host: str, port: int) -> Server:
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    server = Server((host, port), partial(handler, directory=str(Path(preview.options.out))))
    server.daemon_threads = True
    return server


def serve(options: Options, host: str = "127.0.0.1", port: int = 8000, search: bool = True,
          ready=None, url_json: bool = False) -> int:
    """Build, watch and serve until interrupted; the exit code for the CLI.

    Once the first build is done, the address goes to stdout as a sentence for the clerk who ran the command; a
    tool that starts the preview (the tests, the benchmarks) asks for it as JSON (`url_json`), a line the clerk
    never sees by default, and the sentence goes to the log."""
    log = partial(print, file=sys.stderr, flush=True)
    preview = Preview(options, log=log, search=search)
    try:  # before the first build, which takes a while: a port in use is known at once
        server = make_server(preview, host, port)
    except OSError as exc:
        why = ("another program may be using the port: " if exc.errno == errno.EADDRINUSE else
               "ports below 1024 need administrator rights: " if exc.errno == errno.EACCES and 0 < port < 1024 else "")
        log(f"minutebook serve: error: cannot listen on {host}:{port}: {exc.strerror or exc}; "
            f"{why}choose another with --port, or --port 0 for any free one")
        return 2
    observer = None
    # Ctrl+C is the way to stop, whenever it comes: during the first build, or as the address is printed (a tool
    # that stops the preview as soon as it has the address), it ended the command with Python's traceback
    try:
        # Only once the port is ours: a refused start left an empty preview folder behind
        Path(options.out).mkdir(parents=True, exist_ok=True)
        preview.rebuild("start")
        observer = preview.watch()
        address = f"http://{host}:{server.server_address[1]}{preview.base}/"
        said = f"Preview of {options.content} at {address} (press Ctrl+C to stop)"
        if url_json:
            log(said)
            print(json.dumps({"url": address}), flush=True)
        else:
            print(said, flush=True)
        if ready is not None:
            ready(server)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        log("minutebook: stopped")
    finally:
        preview.stopping = True
        with preview.condition:
            preview.condition.notify_all()
        if observer is not None:
            observer.stop()
        server.server_close()
    return 0
