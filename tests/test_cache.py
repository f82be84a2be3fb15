"""The build cache: what one build hands the next in a new process, pickled together with the loaded records."""

import pickle
from pathlib import Path

from generator.build import Memos
from generator.diagnostics import Report
from generator.fingerprint import Digests, handed_down
from generator.loader import DIGESTED, load_archive

FIXTURE = Path(__file__).parent / "fixtures" / "archive"


def _meetings():
    return load_archive(FIXTURE, Report(root=FIXTURE)).meetings


def test_memos_come_back_keyed_by_the_records_they_were_read_back_with():
    meetings = _meetings()
    memos = Memos()
    memos.per_meeting.get("summary", (meetings[0], "x"), lambda: "made once")
    memos.published[id(meetings[1])] = (meetings[1], False, meetings[1], None, None)
    again, memos_again = pickle.loads(pickle.dumps((meetings, memos)))
    assert again[0] is not meetings[0]
    made = []
    assert memos_again.per_meeting.get("summary", (again[0], "x"), lambda: made.append(1)) == "made once"
    assert not made
    assert memos_again.published[id(again[1])][0] is again[1]


def test_digests_handed_down_with_their_records_are_the_digests_worked_out_afresh():
    meetings = _meetings()
    pairs = [handed_down(meeting, DIGESTED) for meeting in meetings]
    assert all(pairs) and all(record is not None for kept in pairs for record, _ in kept)
    again, pairs_again = pickle.loads(pickle.dumps((meetings, pairs)))
    seeded = Digests()
    for kept in pairs_again:
        seeded.seed(kept)
    for meeting in again:
        items = meeting.minutes.items if meeting.minutes else ()
        for value in (meeting, items, *meeting.papers, (meeting.date, meeting.title)):
            assert seeded.of(value) == Digests().of(value)
    assert all(id(meeting) in seeded._memo for meeting in again)  # known without looking inside


def test_a_cache_that_cannot_be_read_back_is_no_cache(tmp_path, monkeypatch):
    """Whatever fails while a cache is read back (here a memo whose pickled state lacks a part, as one written by
    other code would), the build starts without it rather than stopping."""
    from generator import cache

    broken = Memos()
    monkeypatch.setattr(Memos, "__getstate__", lambda self: {"published": {}})
    path = tmp_path / "build.pickle"
    cache.save(path, cache.BuildCache(memos=broken))
    monkeypatch.undo()
    loaded = cache.load(path)
    assert loaded.memos is None and loaded.loader == {}


def test_the_cache_lives_beside_the_content_folder_unless_the_environment_names_another(tmp_path, monkeypatch):
    import datetime as dt
    import shutil

    from generator.build import Options, run
    from generator.cache import CACHE_DIR

    for name in ("beside", "elsewhere"):
        shutil.copytree(FIXTURE.parent / "references", tmp_path / name / "content")
    monkeypatch.delenv(CACHE_DIR, raising=False)
    options = dict(today=dt.date(2026, 1, 1), search=False)
    assert run(Options(content=tmp_path / "beside" / "content", out=tmp_path / "beside" / "site", **options)).ok
    beside = sorted(p.name for p in (tmp_path / "beside" / ".minutebook" / "cache").iterdir())
    assert [name[:6] for name in beside] == ["build-", "build-", "templa"]  # and the compiled templates' folder
    assert beside[1] == beside[0].replace(".pickle", ".site.pickle")
    monkeypatch.setenv(CACHE_DIR, str(tmp_path / "caches"))
    assert run(Options(content=tmp_path / "elsewhere" / "content", out=tmp_path / "elsewhere" / "site", **options)).ok
    assert not (tmp_path / "elsewhere" / ".minutebook").exists()
    assert sorted(p.name[:6] for p in (tmp_path / "caches").iterdir()) == ["build-", "build-", "templa"]


def test_the_previews_notes_of_touched_files_survive_a_build_removing_them_and_are_flushed_at_once(tmp_path):
    """cache.Touched keeps its file open; each note must be on disk before the file it names is written, and
    a note made after a build removed the file (save_site, forget_site) goes into a new one."""
    from generator import cache

    path = tmp_path / "preview-key.pickle"
    touched = cache.Touched(path)
    touched("a/index.html")
    touched("a/index.html")  # once
    assert cache.read_touched(path) == {"a/index.html"}
    assert cache.touched_file(path).read_text() == "a/index.html\n"
    cache.forget_site(path)
    touched("b/index.html")
    assert cache.read_touched(path) == {"b/index.html"}
