"""The write stage: a full build's staged folder takes the site's name, and the old site goes in the background."""

import fcntl
import os

from generator import write
from generator.write import StagedOutput
from helpers import old_sites_gone


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
