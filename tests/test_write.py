"""The write stage: a full build's staged folder takes the site's name, and the old site goes in the background."""

import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

from benchmarks.build_bench import ctrl_c_heard
from benchmarks.synthetic import Spec, generate
from conftest import REPO
from generator import parallel, write
from generator.write import StagedOutput
from helpers import edit, old_sites_gone


def test_a_full_build_replaces_the_site_and_leaves_the_old_one_to_a_process_of_its_own(tmp_path, monkeypatch):
    out = tmp_path / "site"
    (out / "minutes").mkdir(parents=True)
    (out / "minutes" / "index.html").write_text("the old site")
    removers = tmp_path / "removers"
    removing = write.shutil.rmtree

    def rmtree(path, *args, **kwargs):  # notes which process removed what, then removes it
        with removers.open("a") as notes:
            notes.write(f"{os.getpid()} {os.path.basename(path)}\n")
        removing(path, *args, **kwargs)

    monkeypatch.setattr(write.shutil, "rmtree", rmtree)
    with StagedOutput(out) as staged:
        staged.write("/", "<p>the new site</p>")
        staged.commit()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["index.html"]
    assert old_sites_gone(tmp_path)
    pid, name = removers.read_text().split()
    assert name.startswith(".site.old-") and int(pid) != os.getpid()


def test_an_old_site_whose_removal_was_stopped_is_removed_by_the_next_build_unless_a_remover_holds_it(
        tmp_path, monkeypatch):
    out = tmp_path / "site"
    out.mkdir()
    for name in (".site.old-1-1", ".site.old-2-2"):
        (tmp_path / name / "minutes").mkdir(parents=True)
        (tmp_path / name / "minutes" / "index.html").write_text("left half removed")
    held = os.open(tmp_path / ".site.old-2-2", os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a remover still at work holds it
    started = []
    monkeypatch.setattr(write, "remove_apart", lambda folder, apart=write.remove_apart: (
        started.append(folder.name), apart(folder)))
    with StagedOutput(out):
        pass
    assert started == [".site.old-1-1"]
    assert old_sites_gone(tmp_path, ".site.old-1-*")  # its remover, done
    assert (tmp_path / ".site.old-2-2").exists()
    os.close(held)
    with StagedOutput(out):
        pass
    assert started == [".site.old-1-1", ".site.old-2-2"]
    assert old_sites_gone(tmp_path)


def test_a_staged_file_gets_its_folders_and_replaces_what_was_written_there_before(tmp_path):
    with StagedOutput(tmp_path / "site") as out:
        out.write("/ccbp/2019/", "<p>the meeting</p>")
        out.write("/ccbp/2019/ccbp-19-70/", "<p>an item, its folder within the meeting's</p>")
        out.write_file("data/minutes.json", b"[" + b"1," * 300_000 + b"1]")
        out.write_file("data/minutes.json", b"[]")  # shorter than what it replaces
        staged = out.tmp
        assert (staged / "ccbp/2019/index.html").read_text() == "<p>the meeting</p>"
        assert (staged / "ccbp/2019/ccbp-19-70/index.html").read_text().startswith("<p>an item")
        assert (staged / "data/minutes.json").read_bytes() == b"[]"
        assert out.pages == 2 and out.urls == ["/ccbp/2019/", "/ccbp/2019/ccbp-19-70/"]


def test_a_site_staged_by_a_build_that_was_killed_is_removed_by_the_next_unless_its_build_still_runs(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    ended = subprocess.Popen(["true"])
    ended.wait()
    for pid in (ended.pid, os.getppid()):  # a build killed (kill -9, a power cut), and one still at work
        (tmp_path / f".site.tmp-{pid}" / "minutes").mkdir(parents=True)
        (tmp_path / f".site.tmp-{pid}" / "minutes" / "index.html").write_text("staged")
    with StagedOutput(out):
        pass
    assert old_sites_gone(tmp_path)
    assert sorted(p.name for p in tmp_path.glob(".site.*")) == [f".site.tmp-{os.getppid()}"]


def test_an_output_folder_that_is_a_mount_point_is_refused_before_anything_is_built(tmp_path, monkeypatch):
    """A build stages the whole site beside the output folder and renames it into its place: a mount point (a
    Docker volume, say) cannot be renamed, and a build into one failed at its very end, every time."""
    out = tmp_path / "site"
    out.mkdir()
    real = os.path.ismount
    monkeypatch.setattr(write.os.path, "ismount", lambda path: os.fspath(path) == str(out) or real(path))
    assert write.unsafe_output(out, tmp_path / "content") == (
        f"the output folder {out} is a mount point, and a build puts a new output folder in the place of the old, "
        f"which a mount point cannot give up; choose a folder inside it, e.g. --out {out}/site")
    assert write.unsafe_output(out / "site", tmp_path / "content") is None


def _digest(folder) -> str:
    return hashlib.sha256(b"".join(p.relative_to(folder).as_posix().encode() + p.read_bytes()
                                   for p in sorted(folder.rglob("*")) if p.is_file())).hexdigest()


def test_sigterm_taken_inside_a_finalizer_ends_the_command_with_no_traceback():
    """The signal's SystemExit raised while a finalizer runs (a CI run at 3ad4250: a pipe's Connection.__del__,
    as the build wrote its data files) is lost there, and Python printed it with its traceback; the command ends
    by the signal all the same (parallel.end_if_taken), and says nothing of it."""
    code = """
import os, signal, time
from generator.cli import _end_cleanly_on_signals
from generator.parallel import end_if_taken
_end_cleanly_on_signals()
class Closing:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here, inside the finalizer
Closing()
print("carried on past the finalizer")
end_if_taken()
print("carried on past the signal")
"""
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (128 + signal.SIGTERM, "carried on past the finalizer\n", "")


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_a_build_stopped_by_sigterm_or_ctrl_c_removes_its_staged_site_and_leaves_the_site_as_it_was(tmp_path, stop):
    """SIGTERM as a CI job cancelled, or `timeout`, stops it: the build alone. Ctrl+C as a clerk's terminal sends
    it, to the build and the processes it forked: Python's KeyboardInterrupt printed its traceback."""
    content = tmp_path / "content"
    generate(content, Spec(meetings=60, bodies=3, seed=5))
    command = [sys.executable, "-m", "generator", "build", "--no-search", "--no-cache", "--today", "2026-01-01"]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = _digest(tmp_path / "site")
    build = subprocess.Popen(command, cwd=tmp_path, env=environment, stderr=subprocess.PIPE, text=True,
                             preexec_fn=ctrl_c_heard, start_new_session=True)
    deadline = time.monotonic() + 120
    while not any(tmp_path.glob(".site.tmp-*")) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    signum = getattr(signal, stop)
    if signum == signal.SIGTERM:
        build.send_signal(signum)
    else:
        os.killpg(build.pid, signum)
    _, errors = build.communicate(timeout=120)
    assert build.returncode == 128 + signum, errors
    assert "Traceback" not in errors
    assert errors.endswith("minutebook: stopped\n") == (signum == signal.SIGINT), errors
    assert not any(tmp_path.glob(".site.tmp-*"))
    assert _digest(tmp_path / "site") == before


def test_a_sigterm_that_lands_as_the_rendering_processes_start_stops_those_started_before_the_staged_site_goes(
        tmp_path, monkeypatch):
    """SIGTERM waits while a rendering process is forked (parallel.signals_held) and lands as the fork is done:
    there, after the first had started and before the build was watching them, the build left that process
    writing pages into the staged folder after removing it, and so left a staged site behind (the test above
    caught it on a busy machine, where the signal can be sent that soon after the staged folder appears)."""
    import contextlib
    import datetime as dt
    import multiprocessing

    import generator.build

    content = tmp_path / "content"
    generate(content, Spec(meetings=60, bodies=3, seed=5))
    held = generator.build.signals_held

    @contextlib.contextmanager
    def landing_after_the_first_fork():
        with held():
            yield
        raise SystemExit(128 + signal.SIGTERM)  # as cli's handler raises it once the signal lands

    monkeypatch.setattr(generator.build, "signals_held", landing_after_the_first_fork)
    with pytest.raises(SystemExit):
        generator.build.run(generator.build.Options(content=content, out=tmp_path / "site", today=dt.date(2026, 1, 1),
                                                    search=False, cache=False, jobs=2))
    for process in multiprocessing.active_children():  # any the build left: what they write is seen next
        process.join()
    assert not any(tmp_path.glob(".site.tmp-*"))


@pytest.mark.parametrize("cache", [False, True], ids=["full build", "warm build"])
def test_a_sigterm_whose_exit_was_lost_in_a_finalizer_ends_the_build_before_it_replaces_the_site(
        archive, build, tmp_path, monkeypatch, cache):
    """The handler's SystemExit, raised while Python ran a pipe's __del__, was only printed there: the build went
    on to replace the site and exit 0. What the handler noted (parallel.took) ends it before the site changes."""
    out = tmp_path / "site"
    assert build(archive, out, cache=cache).ok
    before = _digest(out)
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "Any other business", "Any other urgent business")
    monkeypatch.setattr(parallel, "_TAKEN", [signal.SIGTERM])  # noted by cli's handler; its SystemExit lost
    with pytest.raises(SystemExit) as ended:
        build(archive, out, cache=cache)
    assert ended.value.code == 128 + signal.SIGTERM
    assert _digest(out) == before and not any(tmp_path.glob(".site.tmp-*"))
