"""The build's stages at another commit and at this checkout, measured side by side in one process.

    python -m benchmarks.compare --base REV [--meetings 500 | --content DIR] [--repeat 3] [--builds N]
        [--over N] [--warm N] [--spread N] [--later N] [--people N] [--body N] [--unchanged N] [--restored N]
        [--no-stages]
        [--work DIR]

Why in one process: this machine's speed changes by up to 1.7 times from one
second to the next (a loop of additions took 0.36 s, then 0.21 s, in one
run), so two builds run one after the other, or even alternately, differ by
more than most changes to the code do. Here both versions work on the same
archive in the same process, taking turns: each stage before rendering is run
`--repeat` times by each version in turn and the fastest run kept (a slow
spell only ever adds time); pages are rendered, and their input digests
computed, in alternating runs of 200 pages; the data files likewise, whole.
Everything runs on one core (`jobs=1`), so the figures are work, not how well
it spread over the cores.

The version at REV is `generator/` and `templates/` taken from git (git
archive) into a temporary package, `minutebook_base`, with its imports
renamed, so the two can be imported side by side. The script also checks that
both versions render every page byte for byte alike, make the same page
digests and the same data files, and says so: a speed-up that changes the output is a
bug, not a speed-up.

`--builds N` then also runs N real cold builds of each version, taking turns
(`python -m PACKAGE build --no-search`, a fresh process each, the build cache
beside the archive removed first and the last site set aside until the builds
end, `build_bench.set_aside`, on every core), and prints each one's wall
time, the CPU time of it and its rendering processes, and the largest
process's peak memory (all from wait4). Before each build it times a fixed
loop of additions, so the machine's own changes of speed show beside the
builds' times.

`--over N` runs N cold builds of each version as `--builds` does, but each
into the output folder the version's build before left, which it replaces,
as a full build after a template's edit or an upgrade does (one more build of
each comes first, not reported); before each build, the last one's old site
must be gone, however it was removed.

`--later N` runs N warm builds of each version as `--warm` does, but with the
search index, and each on the day after the one before (`--today`), as a site
deployed once a day after a clerk's commit is built; the first, cold, build
is on the build benchmark's date.

`--people N` runs N warm builds of each version as `--warm` does, but after
an edit to the people register (the first person's organisation) instead of
one to a meeting; `--body N`, after a sentence added to the description in
the first body's file; `--unchanged N`, with nothing changed; `--spread N`, as
`--warm` but each round in another meeting's minutes, as a clerk's commits
come, so that what the builds since the cache file was last written made anew
adds up until writing it is worth it (build.worth_writing).

`--restored N` runs N builds of each version as a CI job makes them, taking
turns: a fresh copy of the archive (new files, new times), with the build
cache and output folder of the version's previous build copied beside it
with their times kept, as a CI cache restores them; the same figures.

`--profile-validate N` also runs each version's validate stage under
cProfile, `--repeat` times in turns, and prints the N functions whose
cumulative times differ most between the two (each the least of its runs,
by module and name): where a slower validate stage spends what it added.
Profiling inflates each call's time, calls in tight loops most, so the
figures say where, not how much; the stage rows above say how much.

`--warm N` runs N warm builds of each version, taking turns: each version
builds its own copy of the archive once (cold, not reported), then, N times, a
line is added to the same meeting's minutes in both copies and each version
builds its copy again, in a fresh process, with the build cache and output
folder it left (generator/update.py). It prints the same figures as
`--builds` and the build's own stage timings ("cache", "load", ... as
`minutebook build` reports them), and checks that the two sites are the same.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import importlib
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.build_bench import SET_ASIDE, TODAY, bench_env, set_aside, spec_for  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402

BASE = "minutebook_base"
CHUNK = 200  # pages rendered by one version before the other takes its turn


def base_package(rev: str, into: Path) -> str:
    """Write the generator and templates of `rev` below `into` as the package BASE; return its commit."""
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=REPO, check=True, capture_output=True,
                            text=True).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "generator", "templates"], cwd=REPO,
                             check=True, capture_output=True).stdout
    shutil.rmtree(into, ignore_errors=True)  # a work folder used before
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (into / "generator").rename(into / BASE)
    for path in (into / BASE).rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b(from|import) generator\b", rf"\1 {BASE}", text), encoding="utf-8")
    return commit


class Version:
    """One version's modules and what it prepared from the archive."""

    def __init__(self, package: str, content: Path):
        self.name = package
        self.build = importlib.import_module(f"{package}.build")
        self.diagnostics = importlib.import_module(f"{package}.diagnostics")
        self.pages = importlib.import_module(f"{package}.pages")
        self.fingerprint = importlib.import_module(f"{package}.fingerprint")
        self.outputs = importlib.import_module(f"{package}.outputs")
        self.update = importlib.import_module(f"{package}.update")
        self.loader = importlib.import_module(f"{package}.loader")
        self.validate = importlib.import_module(f"{package}.validate")
        self.options = self.build.Options(content=content, out=content.parent / "unused", search=False, jobs=1,
                                          cache=False, today=dt.date.fromisoformat(TODAY))
        self.stages: dict[str, list[float]] = {}

    def prepare(self) -> None:
        report, timings, markdown = self.diagnostics.Report(root=self.options.content), {}, {}
        self.prepared = self.build.prepare(self.options, report, timings, None, None, markdown, None)
        if self.prepared is None:
            raise SystemExit(f"{self.name}: the archive does not build: {report.items[:3]}")
        for stage, seconds in timings.items():
            self.stages.setdefault(stage, []).append(seconds)
        self.env = self.build.make_environment(self.options, self.prepared, report)
        self.env.filters["markdown"].__self__.cache = markdown
        self.report = report

    def page_list(self) -> list:
        return list(self.pages.all_pages(self.prepared.index, self.prepared.today, self.prepared.refs))

    def data(self) -> dict:
        """Each data file's bytes. Their digests are of their inputs, which a change may rightly make differ."""
        made = self.update.Outputs(self.fingerprint.Digests())
        return dict(self.outputs.record_outputs(self.prepared.index, self.prepared.today, False, made))


def compare(base: Version, new: Version, repeat: int) -> dict:
    versions = (base, new)
    for _ in range(repeat):
        for version in versions:
            version.prepare()
    listed = {v.name: v.page_list() for v in versions}
    # A page only one version has (a kind of page added) is named, not rendered: the others are compared in turns.
    urls = {name: [p.url for p in pages] for name, pages in listed.items()}
    only = {name: sorted(set(urls[name]) - set(urls[other]))
            for name, other in ((base.name, new.name), (new.name, base.name))}
    both = set(urls[base.name]) & set(urls[new.name])
    pages = {name: [p for p in pages if p.url in both] for name, pages in listed.items()}
    if [p.url for p in pages[base.name]] != [p.url for p in pages[new.name]]:
        raise SystemExit("the two versions list the pages they share in different orders")
    render = {v.name: 0.0 for v in versions}
    digest = {v.name: 0.0 for v in versions}
    memos = {v.name: v.fingerprint.Digests() for v in versions}
    html_differs, digests_differ = 0, 0
    count = len(pages[new.name])
    for start in range(0, count, CHUNK):
        made, made_digests = {}, {}
        for version in versions:
            chunk = pages[version.name][start:start + CHUNK]
            t = time.perf_counter()
            made[version.name] = [version.build.render_page(version.env, page, version.report) for page in chunk]
            render[version.name] += time.perf_counter() - t
            t = time.perf_counter()
            made_digests[version.name] = [memos[version.name].of(page.deps) for page in chunk]
            digest[version.name] += time.perf_counter() - t
        html_differs += sum(a != b for a, b in zip(made[base.name], made[new.name]))
        digests_differ += sum(a != b for a, b in zip(made_digests[base.name], made_digests[new.name]))
    data = {v.name: [] for v in versions}
    outputs = {}
    for _ in range(repeat):
        for version in versions:
            t = time.perf_counter()
            outputs[version.name] = version.data()
            data[version.name].append(time.perf_counter() - t)
    rows = {stage: (min(base.stages[stage]), min(new.stages[stage])) for stage in ("load", "validate", "resolve")}
    rows["render pages"] = (render[base.name], render[new.name])
    rows["page digests"] = (digest[base.name], digest[new.name])
    rows["data files, with digests"] = (min(data[base.name]), min(data[new.name]))
    return dict(rows=rows, pages=count, html_differs=html_differs, digests_differ=digests_differ,
                data_differ=outputs[base.name] != outputs[new.name], only_base=only[base.name], only_new=only[new.name])


def profile_validate(base: Version, new: Version, repeat: int, top: int) -> tuple[tuple, list[tuple]]:
    """((base s, this s) of the whole stage profiled, [(function, base s, this s)]): the `top` functions whose
    cumulative times in the validate stage differ most, each the least of `repeat` profiled runs, the versions
    taking turns on an archive each loaded once. A function is known by its module's file and its name (its line
    moves between versions); functions of one name in one module (lambdas, generator expressions) are added up."""
    archives = {}
    for version in (base, new):
        report = version.diagnostics.Report(root=version.options.content)
        archives[version.name] = version.loader.load_archive(version.options.content, report, None, 1)
    least: dict[str, dict] = {base.name: {}, new.name: {}}
    for _ in range(repeat):
        for version in (base, new):
            report = version.diagnostics.Report(root=version.options.content)
            profile = cProfile.Profile()
            profile.enable()
            version.validate.validate(archives[version.name], report)
            profile.disable()
            times: dict[str, float] = {}
            for (filename, _, function), (_, _, _, cumulative, _) in pstats.Stats(profile).stats.items():
                name = f"{Path(filename).name}:{function}" if filename != "~" else function
                times[name] = times.get(name, 0.0) + cumulative
            kept = least[version.name]
            for name, seconds in times.items():
                kept[name] = min(kept.get(name, seconds), seconds)
    before, after = least[base.name], least[new.name]
    whole = "validate.py:validate"
    names = sorted((before.keys() | after.keys()) - {whole},
                   key=lambda name: (-abs(after.get(name, 0.0) - before.get(name, 0.0)), name))
    return (before.get(whole, 0.0), after.get(whole, 0.0)), [(name, before.get(name, 0.0), after.get(name, 0.0))
                                                       for name in names[:top]]


def _speed() -> float:
    """Seconds for a fixed loop of additions: how fast the machine is just now."""
    started, total = time.perf_counter(), 0
    for n in range(3_000_000):
        total += n
    return time.perf_counter() - started


def _wait_for_removal(work: Path, name: str, timeout: float = 900) -> None:
    """Until the old site the last build moved aside is gone, so that its removal slows no build after it; a
    removal that never ends stops the benchmark rather than hanging it."""
    deadline = time.monotonic() + timeout
    while any(work.glob(f".{name}.old-*")):
        if time.monotonic() > deadline:
            raise SystemExit(f"{work}: the old site .{name}.old-* was still there {timeout:.0f} s after the build")
        time.sleep(0.1)


def cold_builds(base_root: Path, content: Path, work: Path, rounds: int, over: bool = False) -> list[tuple]:
    """(version, speed probe s, wall s, CPU s, peak MB) of each cold build, the versions taking turns. `over`: each
    into the site the version's build before left, which it replaces (after a template's edit or an upgrade), the
    first of each not reported; the old site's removal, which the build may leave to a process of its own
    (write.remove_apart), is waited for before the next build starts, so that it slows no other build."""
    rows = []
    for turn in range(rounds + over):
        for name, package, root in (("base", BASE, base_root), ("this", "generator", REPO)):
            shutil.rmtree(content.parent / ".minutebook", ignore_errors=True)  # the build cache (cache.py)
            out = work / f"site-{name}"
            if not over:
                set_aside(out, work)
            row = _build(name, package, root, content, out)[:5]
            _wait_for_removal(work, out.name)
            if turn or not over:
                rows.append(row)
    same = _same_trees(work / "site-base", work / "site-this")
    rows.append(same)
    return rows


def _build(name: str, package: str, root: Path, content: Path, out: Path, today: str = TODAY,
           search: bool = False) -> tuple:
    """(version, speed probe s, wall s, CPU s, peak MB, the build's stage line) of one build in a fresh process."""
    speed = _speed()
    env = bench_env(PYTHONPATH=str(root))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", package, "build", "--content", str(content), "--out", str(out),
                                *(() if search else ("--no-search",)), "--today", today], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode(errors="replace")  # before waiting: a full pipe would stall the build
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the {name} build failed:\n{stderr[-2000:]}")
    stages = next((line.removeprefix("minutebook: ") for line in stderr.splitlines() if " ms, load " in line), "")
    return name, speed, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stages


def warm_builds(base_root: Path, content: Path, work: Path, rounds: int, kind: str = "warm") -> list:
    """The rows of `rounds` warm builds of each version (see `_build`), taking turns, and whether the sites agree.
    `kind`: "warm", after a line added to one meeting's minutes; "spread", the same but each round in another
    meeting's minutes; "later", the same as "warm" but each round a day after the
    one before, with the search index (a day's deploy); "people", after a person's organisation changed in the
    people register; "body", after a sentence added to a body's description (its file); "unchanged", with
    nothing changed (a CI job run again, a commit that touched no content)."""
    versions = (("base", BASE, base_root), ("this", "generator", REPO))
    search = kind == "later"
    for name, package, root in versions:
        copy = work / f"{kind}-{name}" / "content"
        shutil.rmtree(copy.parent, ignore_errors=True)
        shutil.copytree(content, copy)
        _build(name, package, root, copy, copy.parent / "site", search=search)  # cold: the cache and folder to start
    all_minutes = sorted(p.relative_to(content) for p in content.glob("meetings/**/minutes.md"))
    minutes = all_minutes[0]
    rows = []
    for round_ in range(rounds):
        today = (dt.date.fromisoformat(TODAY) + dt.timedelta(days=round_ + 1 if search else 0)).isoformat()
        for name, package, root in versions:
            copy = work / f"{kind}-{name}" / "content"
            if kind == "people":
                _edit_people(copy, round_)
            elif kind == "unchanged":
                pass
            elif kind == "body":
                with sorted((copy / "bodies").glob("*.md"))[0].open("a", encoding="utf-8") as handle:
                    handle.write(f"\nA sentence added to the body's description before build {round_ + 1}.\n")
            else:
                edited = all_minutes[round_ * 37 % len(all_minutes)] if kind == "spread" else minutes
                with (copy / edited).open("a", encoding="utf-8") as handle:
                    handle.write(f"\nA line added before warm build {round_ + 1}.\n")
            rows.append(_build(name, package, root, copy, copy.parent / "site", today, search=search))
    rows.append(_same_trees(work / f"{kind}-base" / "site", work / f"{kind}-this" / "site"))
    return rows


def _edit_people(content: Path, round_: int) -> None:
    """The first person's organisation in the first file of the people register, told apart by the round."""
    register = content / "people.yaml"
    if not register.is_file():
        register = sorted((content / "people").glob("*.yaml"))[0]
    text = register.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^(  organisation: .*?)(, round \d+)?$", lambda m: f"{m[1]}, round {round_ + 1}", text,
                    count=1)
    register.write_text(edited if edited != text else text + f"# round {round_ + 1}\n", encoding="utf-8")


def restored_builds(base_root: Path, content: Path, work: Path, rounds: int) -> list:
    """The rows of `rounds` builds of each version as a CI job makes them (see `_build`), taking turns, and whether
    the sites agree: a fresh checkout of the archive (every file new, with new times), with the build cache and
    the output folder of the version's previous job restored beside it, times kept (as a CI cache restores
    them); nothing in the archive changed."""
    versions = (("base", BASE, base_root), ("this", "generator", REPO))
    for name, package, root in versions:
        job = work / f"restored-{name}"
        shutil.rmtree(job, ignore_errors=True)
        shutil.copytree(content, job / "content")
        _build(name, package, root, job / "content", job / "site")  # the first job: cold, not reported
    rows = []
    for _ in range(rounds):
        for name, package, root in versions:
            job = work / f"restored-{name}"
            previous = job.with_name(job.name + "-previous")
            shutil.rmtree(previous, ignore_errors=True)
            job.rename(previous)
            shutil.copytree(content, job / "content", copy_function=shutil.copyfile)  # a checkout: new times
            for kept in (".minutebook", "site"):
                shutil.copytree(previous / kept, job / kept)  # copy2 and copystat: times kept
            shutil.rmtree(previous)
            rows.append(_build(name, package, root, job / "content", job / "site"))
    rows.append(_same_trees(work / "restored-base" / "site", work / "restored-this" / "site"))
    return rows


def _same_trees(one: Path, other: Path) -> bool:
    """The same files with the same bytes, read a file at a time: two sites read whole took over a gigabyte, which
    the builds this process starts next would count in their own peak memory (see `main`)."""
    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    names = files(one)
    return names == files(other) and all((one / name).read_bytes() == (other / name).read_bytes() for name in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the commit to compare with (e.g. HEAD~1, a tag)")
    parser.add_argument("--meetings", type=int, default=500, help="size of the synthetic archive (default 500)")
    parser.add_argument("--content", type=Path, default=None, help="an archive to use instead of a synthetic one")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage before rendering (default 3)")
    parser.add_argument("--builds", type=int, default=0, help="real cold builds of each version, in turns (default 0)")
    parser.add_argument("--over", type=int, default=0,
                        help="cold builds of each version, each replacing the site the one before left, in turns")
    parser.add_argument("--warm", type=int, default=0, help="warm builds of each version, in turns (default 0)")
    parser.add_argument("--spread", type=int, default=0,
                        help="warm builds of each version, each after an edit to another meeting, in turns")
    parser.add_argument("--later", type=int, default=0,
                        help="warm builds of each version with search, each a day after the last, in turns")
    parser.add_argument("--people", type=int, default=0,
                        help="warm builds of each version after an edit to the people register, in turns")
    parser.add_argument("--body", type=int, default=0,
                        help="warm builds of each version after an edit to a body's file, in turns")
    parser.add_argument("--unchanged", type=int, default=0,
                        help="warm builds of each version with nothing changed, in turns")
    parser.add_argument("--restored", type=int, default=0,
                        help="builds of each version in a fresh checkout with the cache and site restored, in turns")
    parser.add_argument("--no-stages", dest="stages", action="store_false",
                        help="only the real builds (--warm, --spread, --later, --people, --body, --unchanged, "
                             "--builds, --restored)")
    parser.add_argument("--profile-validate", type=int, default=0, metavar="N",
                        help="also profile each version's validate stage and print the N functions that differ most")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    gc.disable()  # as the build does (build.without_cycle_collector)
    with tempfile.TemporaryDirectory(prefix="minutebook-compare-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        commit = base_package(args.base, work / "base")
        sys.path.insert(0, str(work / "base"))
        content = args.content
        if content is None:
            content = work / f"archive-{args.meetings}"
            if not content.is_dir():
                generate(content, spec_for(args.meetings))
        # The builds first, while this process is small: a process forked from it starts with its memory, and
        # the kernel counts that in the peak it reports for the build the fork becomes.
        builds = cold_builds(work / "base", content.resolve(), work, args.builds) if args.builds else []
        over = cold_builds(work / "base", content.resolve(), work, args.over, over=True) if args.over else []
        warm = warm_builds(work / "base", content.resolve(), work, args.warm) if args.warm else []
        spread = warm_builds(work / "base", content.resolve(), work, args.spread, "spread") if args.spread else []
        restored = restored_builds(work / "base", content.resolve(), work, args.restored) if args.restored else []
        later = warm_builds(work / "base", content.resolve(), work, args.later, "later") if args.later else []
        people = warm_builds(work / "base", content.resolve(), work, args.people, "people") if args.people else []
        body = warm_builds(work / "base", content.resolve(), work, args.body, "body") if args.body else []
        idle = warm_builds(work / "base", content.resolve(), work, args.unchanged, "unchanged") if args.unchanged \
            else []
        shutil.rmtree(work / SET_ASIDE, ignore_errors=True)  # the cold builds' sites (set_aside), the builds done
        versions = (Version(BASE, content.resolve()), Version("generator", content.resolve()))
        result = compare(*versions, args.repeat) if args.stages else None
        profiled = profile_validate(*versions, args.repeat, args.profile_validate) if args.profile_validate else None
    same = True
    if result is not None:
        print(f"{content}: {result['pages']} pages, one core; base {commit} against this checkout "
              f"(fastest of {args.repeat} runs before rendering; pages in turns of {CHUNK})")
        print(f"{'stage':26s} {'base':>8s} {'this':>8s} {'this/base':>10s}")
        total = [0.0, 0.0]
        for stage, (before, after) in result["rows"].items():
            total[0] += before
            total[1] += after
            print(f"{stage:26s} {before:7.2f}s {after:7.2f}s {after / before:9.2f}x")
        print(f"{'all of these':26s} {total[0]:7.2f}s {total[1]:7.2f}s {total[1] / total[0]:9.2f}x")
        same = not (result["html_differs"] or result["digests_differ"] or result["data_differ"]
                    or result["only_base"] or result["only_new"])
        print(f"output: {result['html_differs']} pages differ, {result['digests_differ']} page digests differ, "
              f"data files {'differ' if result['data_differ'] else 'are the same'}"
              + ("" if same else "  <- NOT THE SAME"))
        for name, key in (("base", "only_base"), ("this checkout", "only_new")):
            if result[key]:
                shown = ", ".join(result[key][:5]) + (", ..." if len(result[key]) > 5 else "")
                print(f"pages only {name} has: {len(result[key])} ({shown}), left out of the rows above")
    else:
        print(f"{content}: base {commit} against this checkout")
    if profiled is not None:
        (whole_base, whole_this), rows = profiled
        print(f"validate under cProfile, least of {args.repeat} runs each (inflated by profiling: where, not how much)")
        print(f"{'function':48s} {'base':>8s} {'this':>8s} {'this-base':>10s}")
        print(f"{'the whole stage':48s} {whole_base:7.3f}s {whole_this:7.3f}s {whole_this - whole_base:+9.3f}s")
        for name, before, after in rows:
            print(f"{name[:48]:48s} {before:7.3f}s {after:7.3f}s {after - before:+9.3f}s")
    for title, made in (("cold builds on every core", builds),
                        ("cold builds on every core, each replacing the site the one before left", over)):
        if not made:
            continue
        *rows, sites_same = made
        print(f"{title}, in turns (speed probe: a fixed loop; a higher figure is a slower machine)")
        for name, speed, wall, cpu, peak in rows:
            print(f"  {name:4s} speed probe {speed:5.2f}s  wall {wall:7.1f}s  cpu {cpu:7.1f}s  "
                  f"largest process {peak:6.0f} MB")
        print("  the two sites are the same byte for byte" if sites_same else "  the two sites differ  <- NOT THE SAME")
        same = same and sites_same
    for title, made in (("warm builds after a line added to one meeting's minutes", warm),
                        ("warm builds, each after a line added to another meeting's minutes", spread),
                        ("builds in a fresh checkout with the build cache and site restored, times kept (a CI job)",
                         restored),
                        ("warm builds with search, each a day after the last and after a line added to one "
                         "meeting's minutes (a day's deploy)", later),
                        ("warm builds after a person's organisation changed in the people register", people),
                        ("warm builds after a sentence added to a body's description", body),
                        ("warm builds with nothing changed", idle)):
        if not made:
            continue
        *rows, sites_same = made
        print(f"{title}, in turns (a fresh process each, on every core)")
        for name, speed, wall, cpu, peak, stages in rows:
            print(f"  {name:4s} speed probe {speed:5.2f}s  wall {wall:7.1f}s  cpu {cpu:7.1f}s  "
                  f"largest process {peak:6.0f} MB  stages: {stages}")
        print("  the two sites are the same byte for byte" if sites_same else "  the two sites differ  <- NOT THE SAME")
        same = same and sites_same
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
