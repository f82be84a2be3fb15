"""The build cache: what one build hands the next in a new process, pickled together with the loaded records."""

import importlib
import pickle
import shutil
from pathlib import Path

import pytest

from generator.build import Memos
from generator.diagnostics import Report
from generator.fingerprint import WIDTH, Digests, handed_down
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
    # Kept compact: a meeting's records in one tuple, their digests side by side in one bytes object.
    assert all(len(kept.digests) == WIDTH * len(kept.records) for kept in pairs)
    again, pairs_again = pickle.loads(pickle.dumps((meetings, pairs)))
    seeded = Digests()
    for kept in pairs_again:
        seeded.seed(kept)
    for meeting in again:
        items = meeting.minutes.items if meeting.minutes else ()
        for value in (meeting, items, *meeting.papers, (meeting.date, meeting.title)):
            assert seeded.of(value) == Digests().of(value)
    assert all(id(meeting) in seeded._memo for meeting in again)  # known without looking inside


def test_a_named_tuples_digest_is_of_its_name_and_values_not_of_the_module_that_made_it():
    """A NamedTuple a page shows (pages.Attended, a member's attendance) was digested by its pickle, which names its
    module: the same page's digest differed between the checkout and the commit `benchmarks.compare` imports under
    another package name, which then said the output was not the same. Its values count, and its name."""
    from collections import namedtuple

    here, there = (namedtuple("Attended", "meetings present", module=module) for module in ("generator", "base"))
    assert Digests().of(here(5, 2)) == Digests().of(there(5, 2))
    assert Digests().of(here(5, 2)) != Digests().of(here(5, 3))
    assert Digests().of(here(5, 2)) != Digests().of(namedtuple("Other", "meetings present")(5, 2))
    assert Digests().of(here(5, 2)) != Digests().of((5, 2))


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


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "cut short":
        data = data[:len(data) // 2]
    elif how == "emptied":
        data = b""
    elif how == "a word changed":  # as an editor, or a disk, could: the pickle still reads back
        assert data.count(b"There was no other business.") + data.count(b"tb/2019/tb-19-15/") > 0
        data = data.replace(b"There was no other business.", b"There was an other business.")
        data = data.replace(b"tb/2019/tb-19-15/", b"tb/2019/tb-19-16/")
    else:
        data = bytes(range(256)) * 20
    path.write_bytes(data)


@pytest.mark.parametrize("how", ["cut short", "emptied", "a word changed", "garbage"])
@pytest.mark.parametrize("which", ["cache", "site record"])
def test_a_cache_file_damaged_by_hand_is_said_to_be_in_one_line_and_the_site_is_built_as_from_scratch(
        archive, build, tmp_path, how, which):
    """Whatever was done to a cache file, a build goes on as without it, never with a traceback and never with
    what it says: a word changed in the cached text was published in the minutes, unsaid."""
    import datetime as dt

    from helpers import TODAY, read_tree

    from generator import cache
    from generator.build import Options, run

    out = tmp_path / "site"
    assert build(archive, out).ok
    path = cache.cache_file(archive, False)
    damaged = path if which == "cache" else cache.site_file(path)
    _damage(damaged, how)
    shutil.rmtree(out)  # every page rendered again, from what the cache file held
    said = []
    again = run(Options(content=archive, out=out, today=dt.date.fromisoformat(TODAY), search=False),
                progress=said.append)
    assert again.ok
    notices = [line for line in said if "could not be read back" in line]
    assert len(notices) == 1 and str(damaged.name) in notices[0] and "\n" not in notices[0]
    assert read_tree(out) == read_tree(_fresh(build, archive, tmp_path))
    said.clear()
    assert run(Options(content=archive, out=out, today=dt.date.fromisoformat(TODAY), search=False),
               progress=said.append).rendered == 0  # written anew, and read back
    assert not [line for line in said if "could not be read back" in line]


def _fresh(build, archive, tmp_path):
    fresh = tmp_path / "fresh"
    assert build(archive, fresh, cache=False).ok
    return fresh


def _compiled_base(archive: Path) -> Path:
    """base.html's compiled file beside the build cache (render.CompiledOnDisk): the one holding its footer."""
    from generator import cache

    folder = cache.cache_file(archive, False).parent / "templates"
    return next(path for path in folder.glob("*.jinja") if b"<footer" in path.read_bytes())


def _damage_compiled(path: Path, how: str, patch) -> None:
    import builtins
    import io

    data = path.read_bytes()
    middle = len(data) // 2
    if how == "cut short":
        path.write_bytes(data[:middle])
    elif how == "cut short in its first bytes":  # Jinja's own header whole, the pickle of its checksum not
        path.write_bytes(data[:20])
    elif how == "a byte changed in its middle":
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x5A]) + data[middle + 1:])
    elif how == "a word changed":  # the compiled code still loads: Jinja ran it
        path.write_bytes(data.replace(b"<footer", b"<fooder"))
    elif how == "emptied":
        path.write_bytes(b"")
    elif how == "a directory":
        path.unlink()
        path.mkdir()
    else:  # unreadable: a file of another user, which root, running these tests in CI, reads all the same
        real = builtins.open

        def refused(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        patch.setattr(builtins, "open", refused)
        patch.setattr(io, "open", refused)


@pytest.mark.parametrize("how", ["cut short", "cut short in its first bytes", "a byte changed in its middle",
                                 "a word changed", "emptied", "a directory", "unreadable"])
def test_a_compiled_template_damaged_is_said_to_be_in_the_caches_line_and_compiled_afresh(
        archive, build, tmp_path, monkeypatch, how):
    """A compiled template cut short, changed or made unreadable is no cache, as a build cache file is: said in
    one line, compiled afresh and written anew. Jinja checked only its header and its template's source: a
    file cut short in its header stopped the build with a traceback, a changed byte ran other code (a crash of
    Python itself, an AttributeError, a page printed wrongly), a word changed was published on every page."""
    import datetime as dt

    import jinja2
    from helpers import TODAY, read_tree

    from generator.build import Options, run
    from generator.cache import CACHE_DIR

    monkeypatch.setenv(CACHE_DIR, str(tmp_path / "cache"))  # the session's is shared by the tests it runs
    out = tmp_path / "site"
    assert build(archive, out).ok
    compiled = _compiled_base(archive)
    out.rename(tmp_path / "from scratch")  # every page rendered again, through the compiled templates
    said = []
    with pytest.MonkeyPatch.context() as patch:
        _damage_compiled(compiled, how, patch)
        again = run(Options(content=archive, out=out, today=dt.date.fromisoformat(TODAY), search=False),
                    progress=said.append)
    assert again.ok
    notices = [line for line in said if "could not be read back" in line]
    assert len(notices) == 1 and compiled.name in notices[0] and "compiles its template afresh" in notices[0]
    assert read_tree(out) == read_tree(tmp_path / "from scratch")
    assert compiled.is_file()  # written anew, and read back whole by the next build, which compiles nothing
    compiles, real = [], jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *args, **kw: compiles.append(1) or real(
        self, *args, **kw))
    shutil.rmtree(out)
    said.clear()
    assert run(Options(content=archive, out=out, today=dt.date.fromisoformat(TODAY), search=False),
               progress=said.append).ok
    assert not [line for line in said if "could not be read back" in line] and compiles == []


@pytest.mark.compiles_templates
def test_a_check_compiles_the_templates_once_and_the_next_check_compiles_none(archive, tmp_path, monkeypatch):
    """`minutebook check` renders every page, and again its draft minutes' pages as published with --drafts
    (check_archive), but kept no compiled templates: a check of a small archive went mostly on compiling them,
    twice. It keeps them where a build does, and a check with no cache (--no-cache) compiles as before."""
    import datetime as dt
    from dataclasses import replace

    import jinja2
    from helpers import TODAY

    from generator.build import Options, check_archive
    from generator.cache import CACHE_DIR

    monkeypatch.setenv(CACHE_DIR, str(tmp_path / "cache"))
    compiles, real = [], jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, name=None, *args, **kw: compiles.append(
        name) or real(self, source, name, *args, **kw))
    options = Options(content=archive, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False)
    first = check_archive(options)
    assert first.ok and first.drafts  # the fixture has draft minutes: the second run renders their pages
    assert len(compiles) == len(set(compiles)) > 10  # each template compiled once over both runs
    assert _compiled_base(archive).is_file()
    compiles.clear()
    assert check_archive(options).ok and compiles == []
    assert check_archive(replace(options, cache=False)).ok and len(compiles) > 10
    assert not (tmp_path / "site").exists()  # a check writes no site


def test_every_compiled_template_cut_short_is_said_in_one_short_line(archive, build, tmp_path, monkeypatch):
    """A full disk may cut short all of them: the line counts them and names their folder, not 28 file names."""
    import datetime as dt

    from helpers import TODAY

    from generator import cache
    from generator.build import Options, run

    monkeypatch.setenv(cache.CACHE_DIR, str(tmp_path / "cache"))  # the session's is shared by the tests it runs
    assert build(archive, tmp_path / "site").ok
    folder = cache.cache_file(archive, False).parent / "templates"
    files = sorted(folder.glob("*.jinja"))
    for path in files:
        path.write_bytes(path.read_bytes()[:100])
    said = []
    assert run(Options(content=archive, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False),
               progress=said.append).ok
    notices = [line for line in said if "could not be read back" in line]
    assert len(notices) == 1 and f"{len(files)} compiled templates in {folder}" in notices[0]
    assert "compiles their templates afresh, and writes them anew" in notices[0] and len(notices[0]) < 300


def _said_of_the_cache(archive: Path, out: Path) -> list[str]:
    """What a build (in-process, the fixed date) says of the build cache: its lines naming a cache file."""
    import datetime as dt

    from helpers import TODAY

    from generator.build import Options, run

    said = []
    assert run(Options(content=archive, out=out, today=dt.date.fromisoformat(TODAY), search=False),
               progress=said.append).ok
    return [line for line in said if line.startswith("the build cache ")]


def test_an_empty_directory_in_the_build_caches_place_is_said_once_and_replaced(archive, tmp_path, monkeypatch):
    """A directory where the cache's pickle goes was said to be a cache that 'could not be read back', that the
    build 'writes it anew', on every build: it never could write it over. Now said once, then written."""
    from generator import cache

    monkeypatch.setenv(cache.CACHE_DIR, str(tmp_path / "cache"))  # the session's is shared by the tests it runs
    path = cache.cache_file(archive, False)
    path.mkdir(parents=True)
    said = _said_of_the_cache(archive, tmp_path / "site")
    assert len(said) == 1 and said[0].startswith(f"the build cache {path} could not be read back")
    assert path.is_file() and cache.load(path).loader  # written anew: the next build reads it
    assert _said_of_the_cache(archive, tmp_path / "site") == []


def test_a_directory_with_files_in_the_build_caches_place_is_said_to_be_moved_and_left(archive, tmp_path,
                                                                                       monkeypatch):
    """Files in it are not the build's to remove: each build says what it is and what to do, not that it 'could
    not be read back' and is written anew, which it never was; what is in it is kept."""
    from generator import cache

    monkeypatch.setenv(cache.CACHE_DIR, str(tmp_path / "cache"))
    path = cache.cache_file(archive, False)
    (path / "notes").mkdir(parents=True)
    (path / "notes" / "kept.txt").write_text("mine")
    for _ in range(2):
        assert _said_of_the_cache(archive, tmp_path / "site") == [
            f"the build cache {path} is a folder with files in it, where the build writes a file: this build reads "
            "every file afresh, as every build will until it is moved or removed (the build removes no files it "
            "did not write)"]
    assert (path / "notes" / "kept.txt").read_text() == "mine"


def test_an_empty_directory_in_a_compiled_templates_place_and_one_with_files_are_told_apart(archive, build,
                                                                                            tmp_path, monkeypatch):
    """The compiled templates' files go through the same writing (cache.save_bytes) and the same removal: an
    empty directory is replaced, unsaid again; one with files in it is said to be moved or removed."""
    from generator import cache

    monkeypatch.setenv(cache.CACHE_DIR, str(tmp_path / "cache"))
    assert build(archive, tmp_path / "site").ok
    compiled = _compiled_base(archive)
    compiled.unlink()
    (compiled / "notes").mkdir(parents=True)
    said = _said_of_the_cache(archive, tmp_path / "site 1")
    assert said == [f"the build cache {compiled} is a folder with files in it, where the build writes a file: this "
                    "build compiles its template afresh, as every build will until it is moved or removed (the build "
                    "removes no files it did not write)"]
    (compiled / "notes").rmdir()
    for rendered in ("site 2", "site 3"):  # every page rendered, through the compiled templates
        said = _said_of_the_cache(archive, tmp_path / rendered)
        if rendered == "site 2":
            assert len(said) == 1 and "could not be read back" in said[0] and compiled.is_file()
    assert said == []


def test_compiled_templates_left_half_written_by_builds_killed_are_removed(archive, build, tmp_path, monkeypatch):
    """A build killed as it wrote a compiled template left 'name.jinja.<pid>.tmp' (cache.save_bytes), or, before
    that, 'name.jinja<random letters>.tmp' (Jinja's own writing): the first was removed only when the same file was
    written again, never after an upgrade (the names change with the code), the second never. A build still
    writing its own is left be."""
    import os
    import subprocess
    import sys

    from generator import cache

    monkeypatch.setenv(cache.CACHE_DIR, str(tmp_path / "cache"))
    assert build(archive, tmp_path / "site").ok
    compiled = _compiled_base(archive)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    older = f"{'0' * 16}-{compiled.name.split('-', 1)[1]}"  # another code's name for the template
    left = [compiled.with_name(compiled.name + "k3j_x9q2.tmp"),
            compiled.with_name(f"{older}.{int(ended.stdout)}.tmp")]
    writing = compiled.with_name(f"{older}.{os.getppid()}.tmp")  # a process still running
    for path in left + [writing]:
        path.write_bytes(b"half")
    assert build(archive, tmp_path / "site").ok
    assert [path.exists() for path in left + [writing]] == [False, False, True] and compiled.is_file()


def test_a_cache_file_other_code_wrote_is_no_cache_and_no_damage(tmp_path):
    """After an upgrade each build finds files that the code before wrote, in its layout: nothing to say."""
    from generator import cache

    said = []
    path = tmp_path / "build.pickle"
    cache.save(path, cache.BuildCache(loader={"kept": 1}))
    assert cache.load(path, said).loader == {"kept": 1} and said == []
    path.write_bytes(path.read_bytes().replace(b"minutebook ", b"minutebook 0", 1))  # another version's stamp
    assert cache.load(path, said).loader == {} and said == []
    path.write_bytes(pickle.dumps(("minutebook 0.0.9", cache.BuildCache()), protocol=5))  # before the stamp line
    assert cache.load(path, said).loader == {} and said == []


def test_a_cache_file_the_disk_had_no_room_for_leaves_nothing_behind_and_the_last_one_as_it_was(tmp_path,
                                                                                                 monkeypatch):
    from generator import cache

    path = tmp_path / "build.pickle"
    cache.save(path, cache.BuildCache(loader={"kept": 1}))
    before = path.read_bytes()

    def full_disk(pickler, value):
        pickler.handle.write(b"\x80" * 100_000)  # as far as the disk had room for
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.pickled_texts.Pickler, "dump", full_disk)
    for _ in range(2):
        cache.save(path, cache.BuildCache(loader={"new": 2}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build.pickle"]
    assert path.read_bytes() == before


def test_a_cache_file_left_half_written_by_a_build_killed_as_it_wrote_is_removed_by_the_next(tmp_path):
    """kill -9, or the power, while the cache was being written: the file kept its space for ever."""
    import os
    import subprocess
    import sys

    from generator import cache

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    path = tmp_path / "build.pickle"
    killed = tmp_path / f"build.pickle.{int(ended.stdout)}.tmp"  # a process that has ended
    killed.write_bytes(b"\x80" * 1000)
    writing = tmp_path / f"build.pickle.{os.getppid()}.tmp"  # a process still running
    writing.write_bytes(b"\x80" * 1000)
    cache.save(path, cache.BuildCache(loader={"kept": 1}))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build.pickle", writing.name])


@pytest.mark.parametrize("library", ["markdown_it", "jinja2", "yaml"])
def test_a_cache_is_taken_only_with_the_versions_of_the_libraries_that_made_it(monkeypatch, library):
    """Pages are rendered by these; the requirements give only their lowest versions, so an upgrade comes unasked."""
    from generator import cache

    made_with = cache._libraries()
    assert made_with in cache.FORMAT
    monkeypatch.setattr(importlib.import_module(library), "__version__", "99.0")
    assert cache._libraries() != made_with


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


def test_the_tests_build_the_committed_fixtures_in_place_with_their_cache_elsewhere():
    """conftest.build_cache_elsewhere: a build of tests/fixtures/archive by hand leaves its cache in
    tests/fixtures/.minutebook/ (ignored by git), which a test building the fixture in place must not read."""
    from generator.cache import cache_file

    assert FIXTURE.parent not in cache_file(FIXTURE, False).parents


def test_a_stray_cache_beside_a_fixture_is_not_read_by_a_build_of_a_copy_of_it(tmp_path, monkeypatch):
    """A copy of a fixture, as the tests make, has a cache of its own: the one a build of the fixture by hand left
    is beside the fixture's folder, not in it, so the copy does not take it along, and it is named by the fixture's
    own path, which the copy's is not. Made unreadable here, the copy's build says nothing of it and renders every
    page, with the cache in its default place (not the session's, conftest.build_cache_elsewhere)."""
    import datetime as dt

    from generator.build import Options, run
    from generator.cache import CACHE_DIR

    fixture = tmp_path / "fixtures" / "references"
    shutil.copytree(FIXTURE.parent / "references", fixture)
    monkeypatch.delenv(CACHE_DIR, raising=False)
    options = dict(today=dt.date(2026, 1, 1), search=False)
    first = run(Options(content=fixture, out=tmp_path / "by-hand", **options))
    stray = sorted((tmp_path / "fixtures").rglob("*.pickle"))  # in .minutebook/cache/ beside the fixture
    assert first.ok and len(stray) == 2
    for path in stray:
        _damage(path, "garbage")
    content = tmp_path / "test" / "content"
    shutil.copytree(fixture, content)
    said = []
    copy = run(Options(content=content, out=tmp_path / "test" / "site", **options), progress=said.append)
    assert copy.ok and copy.rendered == first.rendered
    assert [line for line in said if "could not be read back" in line] == []
    assert all(path.read_bytes() == bytes(range(256)) * 20 for path in stray)


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


def test_a_person_named_again_and_again_is_one_record_which_the_cache_keeps_once():
    """A register's person named at every meeting (chair, present, apologies, an action's owner) is one PersonRef
    for the whole archive: at 2,000 meetings some 90,000 records fewer to write, read back and hold."""
    named: dict[str, list] = {}
    for meeting in _meetings():
        attendance = meeting.attendance
        for attendee in attendance.present + attendance.apologies + attendance.in_attendance:
            if attendee.who.id:
                named.setdefault(attendee.who.id, []).append(attendee.who)
    assert max(len(refs) for refs in named.values()) >= 3  # the fixture names people at several meetings
    assert all(ref is refs[0] for refs in named.values() for ref in refs)


def test_a_word_from_a_fixed_list_or_a_recurring_text_is_one_string_however_often_written():
    """Statuses and RAG ratings come from the schema's own list, and plain texts are interned: each is one object,
    however many logs and meetings write it."""
    from generator.schema import Context, choice, text
    from generator.yamltext import LStr

    statuses = [update.status for meeting in _meetings() if meeting.action_log for update in meeting.action_log.updates]
    assert len(statuses) > len(set(statuses))  # some written more than once
    assert all(status is next(s for s in statuses if s == status) for status in statuses)
    ctx = Context(Path("minutes.md"), Report())
    assert choice("open", "closed")(LStr(" Closed", 4), ctx) is choice("closed", "open")(LStr("closed", 9), ctx)
    assert text(LStr("Any other business", 3), ctx) is text(LStr("Any other business", 12), ctx)


def test_texts_that_reference_nothing_share_one_scan_result_under_keys_of_one_digest_each(tmp_path):
    """The reference scan's cache: three texts in four reference nothing, and all of those share one result; a
    text is known by one digest of its words and where it stands, so the same words elsewhere are another key."""
    import datetime as dt

    from generator.backlinks import _key
    from generator.build import Options, run
    from generator.cache import cache_file, load
    from generator.references import Where

    assert run(Options(content=FIXTURE, out=tmp_path / "site", today=dt.date(2026, 1, 1), search=False)).ok
    scan = load(cache_file(FIXTURE, False)).scan
    keys = [key for key in scan if key != "finders"]
    assert keys and all(type(key) is bytes and len(key) == 16 for key in keys)
    nothing = [entry for key, entry in scan.items() if key != "finders" and not any(entry)]
    assert len(nothing) > 10 and all(entry is nothing[0] for entry in nothing)
    assert _key("See minute TB/19/13.", Where(body="tb")) != _key("See minute TB/19/13.", Where(body="hwb"))


def test_the_bytes_of_a_cache_file_read_whole_are_checked_as_a_build_reads_them(archive, build, tmp_path):
    """benchmarks.cache_census and cache_parts weigh a cache read whole from its bytes: they read its value
    through cache.value_of, which refuses bytes a build would not trust, rather than unpickling them blind."""
    from generator.cache import BuildCache, cache_file, value_of

    assert build(archive, tmp_path / "site").ok
    data = cache_file(archive, False).read_bytes()
    assert isinstance(value_of(data), BuildCache)
    middle = len(data) // 2
    for damaged in (data[:middle], data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:], b"garbage"):
        with pytest.raises(ValueError):
            value_of(damaged)
