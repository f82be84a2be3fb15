"""Stage 5, index: the real Pagefind CLI builds one search bundle per body, plus one for site-wide pages.

Why one bundle per body: Pagefind's indexer holds a whole bundle in memory (one
Pagefind 1.5 index of 10,000 long meetings took 76 s and 8.1 GB), so a national
archive cannot be a single index. Each bundle comes from its own CLI run over
the same staged folder (`--glob` picks the body's folder, `--output-path` its
bundle folder); the runs go in parallel, one per core, and the search page
merges the bundles in the browser with Pagefind's `mergeIndex`. We never feed
pages through Pagefind's Python API page by page: it sleeps 0.1 s per page
(1.5.2), where the CLI reads a whole folder with its own threads.

Everything here runs on the staged folder before it replaces `site/`, so a
failed index leaves the published site untouched (see write.py). Output, below
the site root:

    pagefind/                   the primary bundle (site-wide pages: people) with
                                Pagefind's engine (pagefind.js, worker, WebAssembly)
                                and the Component UI script and stylesheet
    pagefind/bodies/<slug>/     one bundle per body with published meetings: index only
    <bundle>/dates.json         the meeting date of each result id, for "newest first"
    search/config.json          the bundles to merge and the ranking (read by search.js)
    search/references*.json     the reference -> URL map for the direct jump (search_refs.py)

The same content gives the same files, byte for byte: ours are written sorted,
and Pagefind's filter files, which it writes in a different order on every run
(upstream issue #638), are put in order by pagefind_stable.py.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.pagefind_stable import UnexpectedFormat, prune, stabilise
from generator import search_refs
from generator.update import prune_empty, top_of

OUTPUT = "pagefind"
BODIES = "bodies"
CONFIG = "search/config.json"
DATES = "dates.json"

# The minute numbers of a meeting are its `minutes` metadata (templates/meeting.html).
# Pagefind matches query words as prefixes, so "CCBP/19/70" also
# matches the action "CCBP/19/70#1", whose page is short and would outrank the
# long meeting page holding the minute itself. Boosting matches in `minutes`
# puts the meeting, and so the item, first.
RANKING = {"metaWeights": {"minutes": 20.0}}

# What the browser loads from a merged bundle: its index. The engine and the
# user interface come from the primary bundle only; the Default UI is not used
# at all (it fails axe's label rule), so it is not shipped.
ENGINE = ("pagefind.js", "pagefind-worker.js")
UI = ("pagefind-component-ui.js", "pagefind-component-ui.css")
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js")


class IndexError_(RuntimeError):
    pass


@dataclass(frozen=True)
class Bundle:
    """One Pagefind run: which pages it reads and where its index goes (both relative to the site)."""

    name: str  # "site" or a body slug
    glob: str
    path: str

    @property
    def url(self) -> str:
        return f"/{self.path}/"


@dataclass(frozen=True)
class Outcome:
    bundle: Bundle
    pages: int
    words: int


def plan(site_dir: Path, bodies: list[str]) -> list[Bundle]:
    """The bundles to build, the primary one first.

    The site-wide bundle covers every top-level entry that is not a body's
    folder. It is built only when one of its pages is marked `data-pagefind-body`:
    without that mark Pagefind would index whole pages, navigation and all.
    """
    bodies = sorted(slug for slug in set(bodies) if (site_dir / slug).is_dir())
    bundles = []
    others = sorted(p.name for p in site_dir.iterdir() if p.name not in bodies and p.name != OUTPUT)
    parts = [f"{name}/**/*.html" for name in others if (site_dir / name).is_dir()]
    if any(p.suffix == ".html" for p in site_dir.iterdir() if p.is_file()):
        parts.insert(0, "*.html")
    if parts and _has_indexable_page(site_dir, [n for n in others if (site_dir / n).is_dir()]):
        bundles.append(Bundle("site", "{" + ",".join(parts) + "}", OUTPUT))
    bundles += [Bundle(slug, f"{slug}/**/*.html", f"{OUTPUT}/{BODIES}/{slug}") for slug in bodies]
    return bundles


def stale_bundles(site_dir: Path, bundles: list[Bundle]) -> list[Path]:
    """The body bundle folders in `site_dir` that none of `bundles` writes: those of a body whose last meeting
    went (its pages are then the site bundle's, `_bodies`) or which went itself. Nothing removed them from the
    preview's folder, indexed in place, nor from a warm build's, which swaps in only the bundles it makes: the
    search config no longer named them, but their fragments, the deleted meetings' text, stayed published."""
    folder = site_dir / OUTPUT / BODIES
    made = {b.path for b in bundles}
    return sorted(p for p in folder.iterdir() if p.is_dir() and p.relative_to(site_dir).as_posix() not in made) \
        if folder.is_dir() else []


def stale_site_bundle(site_dir: Path, bundles: list[Bundle]) -> list[Path]:
    """The files of a site bundle in `site_dir` when `bundles` has none (the people register taken out, and with
    it every page outside the bodies' folders that Pagefind reads): all of the primary folder but the body
    bundles and the user interface, which is copied there from the primary body bundle (`build_index`)."""
    folder = site_dir / OUTPUT
    if any(b.path == OUTPUT for b in bundles) or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name not in (BODIES, *UI))


def roles_changed(site_dir: Path, bundles: list[Bundle]) -> set[str]:
    """The names of the bundles in `site_dir` made for another place in `bundles` than they have now: the primary
    one (the first), which carries Pagefind's engine, without it, or another with it. The site bundle coming or
    going (the people register put back or taken out) makes the first body's bundle primary or no longer,
    which the preview, re-indexing only the bundles of the folders whose pages changed, left as it was: with the
    engine where a build has none, or without the one the search page loads."""
    return {b.name for position, b in enumerate(bundles)
            if (site_dir / b.path).is_dir() and (site_dir / b.path / ENGINE[0]).is_file() != (position == 0)}


MARK = b"data-pagefind-body"


def _has_indexable_page(site_dir: Path, folders: list[str]) -> bool:
    for folder in folders:
        for page in (site_dir / folder).rglob("*.html"):
            if MARK in page.read_bytes():
                return True
    return False


def folders_to_index(live: Path, staging: Path, pages: list[str], index) -> set[str]:
    """The top-level folders, as `wanted` takes them, whose search bundles change with `pages`: files (relative
    to the site) rendered anew into `staging` over those in `live`.

    Once a bundle has a page marked `data-pagefind-body`, Pagefind reads no
    unmarked page of it, so a page unmarked before and after changes nothing
    there. The action lists are such pages, and say the date the site was
    built: without this, a build on a later day re-indexed every body. The
    site-wide bundle is only made when it has a marked page (`plan`); a
    body's is made regardless, so a body with no marked page at all is
    re-indexed for any change."""
    folders: set[str] = set()
    bodies, marked = set(_bodies(index)), {}
    for relative in pages:
        top = top_of(relative)
        if top in folders:
            continue
        if any(MARK in _bytes(folder / relative) for folder in (staging, live)):
            folders.add(top)
        elif top in bodies:
            if top not in marked:
                marked[top] = _has_indexable_page(live, [top])
            if not marked[top]:
                folders.add(top)
    return folders


def _bodies(index) -> list[str]:
    """The bodies with a bundle of their own: those with meetings (the folder of one without is the site's)."""
    return [slug for slug, meetings in index.by_body.items() if meetings]


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # a page new in this build has no file in the live site
        return b""


def _executable() -> list[str]:
    """The Pagefind binary from the `pagefind[bin]` package, without a Python process around each run."""
    try:
        import pagefind_bin

        return [str(pagefind_bin.get_executable())]
    except (ImportError, FileNotFoundError):  # pragma: no cover - e.g. PAGEFIND_BINARY_PATH set instead
        return [sys.executable, "-m", "pagefind"]


_COUNT = re.compile(r"Indexed (\d+) (pages?|words?)")
# What `python -m pagefind` (_executable's fallback) says when it finds no Pagefind binary, or is not there itself.
_NOT_INSTALLED = ("Could not find pagefind binary", "No module named pagefind")


def run_pagefind(site_dir: Path, bundle: Bundle, niceness: int = 0) -> Outcome:
    """`niceness`: run Pagefind at that lower priority (the live preview's, whose next save must not wait for
    the cores Pagefind takes), where the system's `nice` is there to do it."""
    cmd = [*_executable(), "--site", str(site_dir), "--glob", bundle.glob,
           "--output-path", str(site_dir / bundle.path)]
    if niceness and shutil.which("nice"):
        cmd = ["nice", "-n", str(niceness), *cmd]
    try:
        # In UTF-8 whatever the locale: Pagefind writes '↳', which an ASCII one (LC_ALL=C with PYTHONUTF8=0)
        # could not decode, a traceback after the whole site was rendered.
        done = subprocess.run(cmd, capture_output=True, encoding="utf-8", errors="replace", timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise IndexError_(f"Pagefind could not index {bundle.name}: {exc}") from exc
    if done.returncode != 0:
        if any(words in done.stderr for words in _NOT_INSTALLED):  # else its traceback, run together on one line
            raise IndexError_("Pagefind is not installed (the pagefind_bin package, or a pagefind program on the "
                              "PATH); install it with pip install 'pagefind[bin]', or build with --no-search")
        said = " / ".join(line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip())
        if done.returncode < 0:  # a crash, or the system's out-of-memory killer: Pagefind said nothing
            said = f"it was stopped by {signal.Signals(-done.returncode).name}" + (f": {said}" if said else "")
        raise IndexError_(f"Pagefind failed on {bundle.name}: {said[-2000:]}")  # one line, as every message is
    counts = {kind.rstrip("s"): int(n) for n, kind in _COUNT.findall(done.stdout)}
    return Outcome(bundle, counts.get("page", 0), counts.get("word", 0))


def date_table(bundle_dir: Path) -> dict[str, list[str]]:
    """Result ids by meeting date, read from the bundle's fragments.

    Pagefind can sort by `data-pagefind-sort="date"`, but only within one
    bundle: a merged search orders results by each bundle's own sort positions,
    which do not compare across bundles. With this table the search page sorts
    merged results by date without loading every result's fragment.
    """
    table: dict[str, list[str]] = {}
    for fragment in sorted((bundle_dir / "fragment").glob("*.pf_fragment")):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        date = json.loads(text[text.index("{"):]).get("meta", {}).get("date")
        if date:
            table.setdefault(date, []).append(fragment.stem)
    return dict(sorted(table.items()))


def _finished(site_dir: Path, outcome: Outcome, primary: bool) -> Outcome:
    """`outcome`, its bundle finished (_finish) in the thread that ran its Pagefind: numbering a bundle's pages
    again (pagefind_stable.py) is Python's work, a second a large body's bundle, done while the other thread's
    Pagefind runs rather than after them all."""
    _finish(site_dir, outcome, primary)
    return outcome


def _finish(site_dir: Path, outcome: Outcome, primary: bool) -> None:
    folder = site_dir / outcome.bundle.path
    try:
        stabilise(folder)  # Pagefind's filter files vary run to run; builds must not
        prune(folder)  # what an earlier run left in the folder (the preview's, re-indexed in place)
        dates = date_table(folder)
    except UnexpectedFormat as exc:
        raise IndexError_(f"Pagefind's output for {outcome.bundle.name} was not as expected: {exc}") from exc
    except (ValueError, EOFError, IndexError, zlib.error, gzip.BadGzipFile) as exc:
        # Pagefind 1.5 ends well on a disk that filled up as it wrote, leaving its files empty or cut short.
        raise IndexError_(f"Pagefind's output for {outcome.bundle.name} is cut short ({exc}): Pagefind says "
                          "nothing of a disk that fills up as it writes; free space on the disk") from exc
    keep = set(ENGINE + UI) if primary else set()
    for name in ENGINE + UI + UNUSED:
        if name not in keep:
            (folder / name).unlink(missing_ok=True)
    if not primary:
        for wasm in folder.glob("wasm.*.pagefind"):
            wasm.unlink()
    _write_json(folder / DATES, dates)


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")


def write_config(site_dir: Path, bundles: list[Bundle]) -> None:
    """What search.js needs to start: the primary bundle, the bundles to merge, the ranking."""
    config = {
        "bundles": [{"name": b.name, "path": b.url, "dates": f"{b.url}{DATES}"} for b in bundles],
        "ranking": RANKING,
        "references": f"/{search_refs.MANIFEST}",
    }
    _write_json(site_dir / CONFIG, config)


def wanted(bundles: list[Bundle], changed: set[str]) -> set[str]:
    """The names of the bundles holding pages below the top-level folders `changed` (a body's folder is its own
    bundle; everything else, the home page ('') included, is the site-wide one)."""
    bodies = {b.name for b in bundles if b.name != "site"}
    return {b.name for b in bundles if b.name in changed or (b.name == "site" and changed - bodies)}


def holding(site_dir: Path, index, files: set[str]) -> set[str]:
    """The names of the bundles in `site_dir` that hold `files` (relative to the site), as `update_index` takes
    the folders whose bundles to make again: those the site record says were deleted or altered since the
    last build (update.forget_changed). A file of the primary folder that is no body's (Pagefind's engine, the
    user interface) is the primary bundle's, which puts it there."""
    bundles = plan(site_dir, _bodies(index))
    names = set()
    for relative in files:
        if bundles and relative.startswith(f"{OUTPUT}/"):
            names.add(next((b.name for b in bundles[1:] if relative.startswith(f"{b.path}/")), bundles[0].name))
    return names


def build_index(site_dir: Path, index, jobs: int | None = None, changed: set[str] | None = None,
                refs_kept: search_refs.Kept | None = None, niceness: int = 0) -> str:
    """Index the staged site: bundles in parallel, then the tables search.js reads. Returns a summary.

    `changed` and `refs_kept` (the live preview's, which indexes its folder in
    place after saves): only the bundles of pages below these top-level folders
    are made again, the others being as the last run left them (at 2,000
    meetings all of them take both cores for most of a minute); the reference
    map is made from what `refs_kept` kept (search_refs.write); Pagefind runs
    at `niceness` (run_pagefind). A bundle made for another place than it now has
    (roles_changed) is made again, and what no bundle makes any more is removed
    (stale_bundles, stale_site_bundle): Pagefind removes nothing."""
    site_dir = Path(site_dir)
    bodies = _bodies(index)
    bundles = plan(site_dir, bodies)
    names = {b.name for b in bundles} if changed is None else \
        wanted(bundles, changed) | roles_changed(site_dir, bundles)
    chosen = [(position, b) for position, b in enumerate(bundles) if b.name in names]
    for folder in stale_bundles(site_dir, bundles):
        shutil.rmtree(folder)
        prune_empty(folder.parent, site_dir)
    for path in stale_site_bundle(site_dir, bundles):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    workers = max(1, min(len(chosen), jobs or os.cpu_count() or 1))
    outcomes: list[Outcome] = []
    if chosen:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(lambda pb: _finished(site_dir, run_pagefind(site_dir, pb[1], niceness),
                                                          primary=pb[0] == 0), chosen))
    if chosen and chosen[0][0] == 0 and bundles[0].path != OUTPUT:  # no site-wide bundle: the UI still lives at
        for name in UI:                                              # /pagefind/
            (site_dir / OUTPUT).mkdir(parents=True, exist_ok=True)
            shutil.copy2(site_dir / bundles[0].path / name, site_dir / OUTPUT / name)
    write_config(site_dir, bundles)
    references = search_refs.write(site_dir, index, refs_kept)
    pages = sum(o.pages for o in outcomes)
    detail = ", ".join(f"{o.bundle.name} {o.pages}" for o in outcomes)
    count = len(outcomes) if changed is None else len(bundles)
    of = "" if changed is None else f"{len(outcomes)} of "
    return (f"Indexed {pages} pages in {of}{count} bundle{'s' if count != 1 else ''}"
            f"{' (' + detail + ')' if detail else ''}; {references} references for the direct jump")


@dataclass
class Update:
    """What a warm build's re-indexing leaves to commit (update.commit)."""

    summary: str
    folders: list[str]  # bundle folders to swap in
    keep: dict[str, tuple]  # entries each swap keeps
    files: list[str]  # search tables that changed
    gone: list[str]  # search tables no longer made


def update_index(staging: Path, live: Path, index, changed: set[str], page_files: list[str], staged: set[str],
                 jobs: int | None = None) -> Update:
    """Re-index only the bundles whose pages changed, for a warm build (update.py).

    `changed` holds the top-level folders of the pages that changed or went;
    the caller has checked that the site's top-level entries, and so the plan,
    are as in `live`. Each re-indexed bundle reads the whole of its part of the
    new site from `staging`: changed pages are there already, and the others
    are hard-linked in from `live`.
    """
    bodies = _bodies(index)
    bundles = plan(live, bodies)
    body_names = {b.name for b in bundles if b.name != "site"}
    names = wanted(bundles, changed)
    for relative in page_files:
        top = top_of(relative)
        if (top if top in body_names else "site") in names and relative not in staged:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(live / relative, target)
    chosen = [(position, b) for position, b in enumerate(bundles) if b.name in names]
    outcomes = []
    if chosen:
        workers = max(1, min(len(chosen), jobs or os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(lambda pb: _finished(staging, run_pagefind(staging, pb[1]), primary=pb[0] == 0),
                                     chosen))
    folders = [b.path for _, b in chosen if b.path != OUTPUT]
    if chosen and chosen[0][0] == 0 and bundles[0].path != OUTPUT:
        for name in UI:
            (staging / OUTPUT).mkdir(parents=True, exist_ok=True)
            shutil.copy2(staging / bundles[0].path / name, staging / OUTPUT / name)
    if (staging / OUTPUT).is_dir() and any(p.name != BODIES for p in (staging / OUTPUT).iterdir()):
        folders.append(OUTPUT)
    write_config(staging, bundles)
    references = search_refs.write(staging, index)
    files, made = [], set()
    for path in sorted((staging / "search").rglob("*.json")):
        relative = path.relative_to(staging).as_posix()
        made.add(relative)
        live_file = live / relative
        if live_file.is_file() and live_file.read_bytes() == path.read_bytes():
            path.unlink()
        else:
            files.append(relative)
    gone = sorted(p.relative_to(live).as_posix() for p in (live / "search").rglob("*.json")
                  if p.relative_to(live).as_posix() not in made) if (live / "search").is_dir() else []
    gone += sorted(p.relative_to(live).as_posix() for folder in stale_bundles(live, bundles)
                   for p in folder.rglob("*") if p.is_file())
    pages = sum(o.pages for o in outcomes)
    detail = ", ".join(f"{o.bundle.name} {o.pages}" for o in outcomes)
    summary = (f"Re-indexed {pages} pages in {len(outcomes)} of {len(bundles)} bundles"
               f"{' (' + detail + ')' if detail else ''}; {references} references for the direct jump")
    return Update(summary, folders, {OUTPUT: (BODIES,)}, files, gone)
