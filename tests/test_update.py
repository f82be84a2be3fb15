"""Warm builds: with the build cache, a build updates the previous site in place (generator/update.py).

Each test builds the fixture archive once (cold: the whole site is staged and
swapped in), changes something, builds again into the same folder (warm), and
compares the result with a build of the same content from scratch into another
folder, search index included.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

import generator.loader
import generator.search_index
from generator import update
from helpers import TODAY, edit, index_disagrees, messages, pagefind_plaintext, read_tree

REPO = Path(__file__).resolve().parent.parent
MINUTES = "meetings/tb/2019-03-14/minutes.md"
JC_MINUTES = "meetings/jc/2019-11-05/minutes.md"


def _mtimes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


_SCRATCH: dict[bytes, dict[str, bytes]] = {}  # a digest of what a site was built from -> the site (_from_scratch)


def _from_scratch(build, archive, tmp_path, search=True):
    """The site a build from scratch (no cache) makes of the content as it now is, to compare a warm build's with.
    Built once for each content: many tests make the same edit, and a build from scratch of the same bytes makes
    the same site (tests/test_golden.py), so the second is taken from the first, as it came out of the build."""
    key = _digest(archive, search)
    if key not in _SCRATCH:
        fresh = tmp_path / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        result = build(archive, fresh, search=search, cache=False)
        assert result.ok and result.rendered is None
        _SCRATCH[key] = read_tree(fresh)
    return dict(_SCRATCH[key])


@pytest.fixture(scope="module", autouse=True)
def scratch_sites_let_go():
    """_from_scratch's sites (a megabyte or so each) are kept while this module runs, not for the rest of the worker's
    run; a module that imports _from_scratch keeps its few."""
    yield
    _SCRATCH.clear()


def _digest(archive: Path, search: bool) -> bytes:
    """What a build from scratch is made of: every file of the content folder, by its path and bytes, and whether
    search is indexed (the build date is the fixture's, TODAY, in every _from_scratch)."""
    digest = hashlib.sha256(b"search" if search else b"no search")
    for path in sorted(archive.rglob("*")):
        if path.is_file():
            digest.update(b"\0%s\0%d\0" % (path.relative_to(archive).as_posix().encode(), path.stat().st_size))
            digest.update(path.read_bytes())
    return digest.digest()


@pytest.fixture
def built(archive, build, tmp_path):
    out = tmp_path / "site"
    first = build(archive, out, search=True)
    assert first.ok and first.rendered is None  # nothing to reuse: a full build
    return out


def _cache_times(archive) -> tuple[int, int]:
    """The modification times of the build cache file and of the site record beside it."""
    from generator.cache import cache_file, site_file

    path = cache_file(archive, False)
    return path.stat().st_mtime_ns, site_file(path).stat().st_mtime_ns


def test_a_build_with_nothing_changed_renders_nothing_and_touches_no_file(archive, build, built, tmp_path):
    """Not even the build cache or the site record, which already hold what the next build needs."""
    before, times, cached = read_tree(built), _mtimes(built), _cache_times(archive)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == 0 and again.pages == len([n for n in before if n.endswith(".html")])
    assert "Re-indexed 0 pages in 0 of" in again.search
    assert read_tree(built) == before and _mtimes(built) == times
    assert _cache_times(archive) == cached
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, built, search=True)  # from the cache the build before left
    assert warm.ok and 0 < warm.rendered < warm.pages / 2 and read_tree(built) == _from_scratch(build, archive,
                                                                                                tmp_path)
    now = _cache_times(archive)
    # Five meetings: one edited is not yet worth writing the cache file for (build.worth_writing), two are.
    assert now[0] == cached[0] and now[1] != cached[1]
    edit(archive, JC_MINUTES, "welcomed everyone to the meeting.", "welcomed everyone.")
    assert build(archive, built, search=True).ok and _cache_times(archive)[0] != cached[0]
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_build_writes_the_cache_file_again_only_when_that_costs_less_than_doing_again_what_it_made_anew():
    """build.worth_writing: the cache file is written once what builds since made anew outweighs writing it."""
    from generator.build import worth_writing

    assert not worth_writing(25.8, 2000) and worth_writing(25.9, 2000)  # one edited meeting is about 1.05
    assert worth_writing(1.05, 3) and not worth_writing(1.05, 4) and worth_writing(2.1, 13)
    assert not worth_writing(0, 1) and not worth_writing(0, 0)


def test_a_one_meeting_edit_makes_about_one_meeting_folders_worth_of_the_cache_anew(archive, build, built,
                                                                                     monkeypatch):
    import generator.build

    asked = []
    monkeypatch.setattr(generator.build, "worth_writing", lambda made, folders: asked.append((made, folders)))
    assert build(archive, built).ok and asked == [(0, 5)]  # nothing changed
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    assert build(archive, built).ok
    # The meeting folder; its one changed text, scanned again; its one changed file, digested again.
    assert asked[1] == (1 + 1 / 20 + 1 / 400, 5)


def test_builds_from_a_cache_file_older_than_the_site_give_the_site_a_build_from_scratch_gives(
        archive, build, built, tmp_path, monkeypatch):
    """A large archive's builds leave the cache file as it was after a small edit (build.worth_writing), and
    write only the site record. The next builds do again what the file lacks. Reverting an edit the file does
    not know of must still render the pages again: the site record, not the file, says what the site holds."""
    import generator.build

    monkeypatch.setattr(generator.build, "worth_writing", lambda made, folders: False)
    cached = _cache_times(archive)
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    first = build(archive, built, search=True)
    assert first.ok and first.rendered and read_tree(built) == _from_scratch(build, archive, tmp_path)
    edit(archive, JC_MINUTES, "welcomed everyone to the meeting.", "welcomed everyone.")
    edit(archive, MINUTES, "There was no other business, said the Chair.", "There was no other business.")
    back = build(archive, built, search=True)
    assert back.ok and back.rendered and read_tree(built) == _from_scratch(build, archive, tmp_path)
    assert b"said the Chair" not in read_tree(built)["tb/2019/tb-19-15/index.html"]
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == 0
    now = _cache_times(archive)
    assert now[0] == cached[0] and now[1] != cached[1]


def test_a_build_stopped_after_changing_the_site_leaves_no_record_of_the_site_as_it_was(archive, build, built,
                                                                                       tmp_path, monkeypatch):
    """Stopped (Ctrl-C, a killed job) between changing the output folder and writing its record, a build
    leaves no record: the next build renders the whole site, which then matches its content even where that
    content went back to what the old record described."""
    import generator.update
    from generator.cache import cache_file, site_file

    commit = generator.update.commit

    def stopped(*args, **kwargs):
        commit(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.update, "commit", stopped)
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    with pytest.raises(KeyboardInterrupt):
        build(archive, built, search=True)
    monkeypatch.undo()
    assert b"said the Chair" in read_tree(built)["tb/2019/tb-19-15/index.html"]
    assert not site_file(cache_file(archive, False)).exists()
    edit(archive, MINUTES, "There was no other business, said the Chair.", "There was no other business.")
    after = build(archive, built, search=True)
    assert after.ok and after.rendered is None and read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_build_after_files_were_touched_renders_nothing_and_notes_their_new_times_when_worth_it(
        archive, build, built, monkeypatch):
    """Same bytes, new times: nothing to render. Digesting them again costs the next build little (a
    twentieth of a second for 1,000 files), so a small archive's build leaves the cache file as it was and
    the next build digests them again; once worth writing, the file notes their new times."""
    import generator.build
    import generator.filedigest

    cached = _cache_times(archive)
    for path in archive.rglob("*.md"):
        os.utime(path)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == 0 and _cache_times(archive) == cached
    digested, digest_file = [], generator.filedigest.digest_file
    monkeypatch.setattr(generator.filedigest, "digest_file", lambda path: digested.append(path) or digest_file(path))
    monkeypatch.setattr(generator.build, "worth_writing", lambda made, folders: made > 0)
    again = build(archive, built, search=True)
    assert again.rendered == 0 and len(digested) == len(list((archive / "meetings").rglob("*.md")))
    assert _cache_times(archive)[0] != cached[0]
    digested.clear()
    assert build(archive, built, search=True).rendered == 0 and digested == []


def test_an_edited_minute_updates_its_pages_and_only_its_bodys_search_bundle(archive, build, built, tmp_path):
    times = _mtimes(built)
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, built, search=True)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    assert re.search(r"[(,] ?tb \d+", warm.search) and "jc " not in warm.search
    after = read_tree(built)
    assert after == _from_scratch(build, archive, tmp_path)
    assert b"said the Chair" in after["tb/2019/tb-19-15/index.html"]
    now = _mtimes(built)
    assert any(now[n] != times.get(n) for n in now if n.startswith("pagefind/bodies/tb/"))
    assert all(now[n] == times[n] for n in now if n.startswith("pagefind/bodies/jc/"))
    assert now["jc/index.html"] == times["jc/index.html"]


def test_a_warm_build_remakes_only_the_calendars_and_sitemaps_whose_inputs_changed(archive, build, built, tmp_path,
                                                                                   monkeypatch):
    import generator.ical
    import generator.sitemap
    calendars, sitemaps = [], []
    real_calendar, real_urlset = generator.ical.calendar, generator.sitemap.urlset
    monkeypatch.setattr(generator.ical, "calendar", lambda index, name, meetings, stamp, *rest:
                        calendars.append(name) or real_calendar(index, name, meetings, stamp, *rest))
    monkeypatch.setattr(generator.sitemap, "urlset", lambda base, addresses, *rest: sitemaps.append(len(addresses))
                        or real_urlset(base, addresses, *rest))
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered
    assert len(calendars) == 2 and calendars[1].startswith("Testshire Health")  # the site's and the edited body's
    assert sitemaps == []  # the same pages as before
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_new_item_and_a_removed_meeting_give_what_a_full_build_gives(archive, build, built, tmp_path):
    minutes = archive / JC_MINUTES
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n## 9 Added later\n\nA new item.\n",
                       encoding="utf-8")
    shutil.rmtree(archive / "meetings/tb/2020-01-16")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered is not None, messages(warm)
    after = read_tree(built)
    assert after == _from_scratch(build, archive, tmp_path)
    assert not any(name.startswith("tb/2020/") for name in after)  # the removed meeting's pages are gone


def test_a_call_in_edited_is_redrawn_on_the_called_in_minutes_pages_and_the_minute_retitled_on_the_committees(
        archive, build, built, tmp_path):
    """Each side of a call-in shows the other (callins.deps): the Board's minute the joint committee's outcome, the
    committee's item the minute's title; an edit to one renders the other's pages in a warm build."""
    edit(archive, JC_MINUTES, "call_in_outcome: referred back", "call_in_outcome: no further action")
    assert build(archive, built, search=True).ok
    assert b": no further action.</p>" in (built / "tb/2019/tb-19-13/index.html").read_bytes()
    edit(archive, MINUTES, "## TB/19/13 Healthy Weight Strategy 2019 to 2024", "## TB/19/13 Healthy Weight Plan")
    assert build(archive, built, search=True).ok
    assert b"TB/19/13 Healthy Weight Plan</a>" in (built / "jc/2019/2019-11-05/item-7/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_an_item_made_confidential_leaves_the_site_and_its_search_index(archive, build, built, tmp_path):
    text = edit(archive, MINUTES, "There was no other business.", "There was no other business. Zebrafinch.").read_text(
        encoding="utf-8")
    assert build(archive, built, search=True).ok
    assert b"Zebrafinch" in b"".join(pagefind_plaintext(built).values())
    heading = "## TB/19/15 Any other business"
    (archive / MINUTES).write_text(text.replace(heading, heading + "\n\n```item\nconfidential: yes\n```", 1),
                                   encoding="utf-8")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered, messages(warm)
    after = read_tree(built)
    assert after == _from_scratch(build, archive, tmp_path)
    assert not any(b"Zebrafinch" in data for data in after.values())
    assert b"Zebrafinch" not in b"".join(pagefind_plaintext(built).values())


def test_a_data_file_counts_as_unchanged_only_when_every_byte_is_the_same(tmp_path):
    """update.same_bytes, which decides whether a warm build writes a data file again, reads the file a megabyte
    at a time: a difference past the first megabyte, or at the very end, still counts."""
    data = bytes(range(256)) * 20_000  # about 5 MB
    path = tmp_path / "minutes.json"
    path.write_bytes(data)
    assert update.same_bytes(path, data)
    assert update.same_bytes(path, bytearray(data))
    for at in (0, 3 * 2**20 + 17, len(data) - 1):
        changed = bytearray(data)
        changed[at] ^= 1
        assert not update.same_bytes(path, bytes(changed)), f"a byte changed at {at} went unseen"
    assert not update.same_bytes(path, data[:-1])
    assert not update.same_bytes(path, data + b"\n")
    assert not update.same_bytes(tmp_path / "missing.json", data)
    path.write_bytes(b"")
    assert update.same_bytes(path, b"")


def test_files_written_again_with_the_same_bytes_are_not_parsed_again(archive, build, built, monkeypatch):
    """As after switching git branches and back, copying the content folder or restoring it from a CI cache: every
    file has a new inode and modification time, and the build cache still knows them by their bytes."""
    before, times = read_tree(built), _mtimes(built)
    copy = archive.with_name("copy")
    shutil.copytree(archive, copy)
    shutil.rmtree(archive)
    copy.rename(archive)
    for path in archive.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    parsed = []
    monkeypatch.setattr(generator.loader, "load_meeting_file",
                        lambda path, *rest, real=generator.loader.load_meeting_file: parsed.append(path) or real(path,
                                                                                                             *rest))
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == 0 and parsed == []
    assert read_tree(built) == before and _mtimes(built) == times
    edit(archive, MINUTES, "as his deputy.", "as his deputy, by arrangement.")  # a change is still seen
    assert build(archive, built, search=True).rendered > 0 and len(parsed) == 1


def test_a_site_folder_copied_with_its_times_as_a_ci_cache_restores_it_is_updated_in_place(archive, build, built,
                                                                                         tmp_path):
    """A CI job restores the output folder and the build cache from the last job: a new inode, the same times."""
    before = read_tree(built)
    copy = built.with_name("restored")
    shutil.copytree(built, copy)  # copy2 and copystat: modification times kept
    shutil.rmtree(built)
    copy.rename(built)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == 0 and read_tree(built) == before
    edit(archive, MINUTES, "as his deputy.", "as his deputy, by arrangement.")
    shutil.copytree(built, copy)
    os.utime(copy, ns=(0, 0))  # a copy that did not keep the times: not known to be the same site
    shutil.rmtree(built)
    copy.rename(built)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered is None and read_tree(built) == _from_scratch(build, archive, tmp_path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_deleted_or_cut_short_in_the_site_since_the_last_build_are_made_again(archive, build, built, tmp_path,
                                                                                     jobs):
    """An operator deletes a page from site/ by hand, or a full disk or a copy stopped half way cuts files short,
    then builds again with no content changed: the site the build leaves is the one the content gives, pages,
    feeds, search files and static files alike. A warm build made only what the content changed, and left
    the rest of the folder as it found it, broken, build after build. On two cores the files are compared in
    the process that walks the meetings folder while the cache is read (build._run)."""
    fragment = sorted((built / "pagefind" / "bodies" / "tb" / "fragment").iterdir())[0]
    for gone in ("tb/2019/tb-19-15/index.html", "feeds/all.xml", fragment.relative_to(built).as_posix(),
                 "static/style.css"):
        (built / gone).unlink()
    shutil.rmtree(built / "jc" / "2019" / "2019-11-05")  # a meeting's folder of pages
    for cut in ("people/index.html", "pagefind/pagefind.js", "feeds/bodies/jc.xml", "data/minutes.json",
                "sitemap.xml", "search/config.json"):
        with (built / cut).open("r+b") as handle:
            handle.truncate(100)
    again = build(archive, built, search=True, jobs=jobs)
    assert again.ok and again.rendered is not None  # a warm build: the rest of the site was left as it was
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)
    record, times = _cache_times(archive)[1], _mtimes(built)
    after = build(archive, built, search=True, jobs=jobs)
    assert after.ok and after.rendered == 0 and "Re-indexed 0 pages" in after.search
    assert _mtimes(built) == times and _cache_times(archive)[1] == record  # what it put back, it noted as its own


def test_a_file_of_the_site_touched_since_is_compared_once_and_left_as_it_is(archive, build, built):
    """Its size and time are the build's way of telling it was altered: a file with the same bytes and a new
    time is made again once, found the same and left, and then taken as the build's own."""
    page = built / "tb" / "2019" / "tb-19-15" / "index.html"
    os.utime(page)
    before, times = read_tree(built), _mtimes(built)
    again = build(archive, built, search=True)
    assert again.ok and again.changed == ["/tb/2019/tb-19-15/"]
    assert read_tree(built) == before and _mtimes(built) == times
    assert build(archive, built, search=True).rendered == 0


def _copied_without_times(site: Path) -> None:
    """site/ as `cp -r` copies it, or a CI cache restores it that keeps no times: another folder, with new ones."""
    copy = site.with_name("copy")
    shutil.copytree(site, copy, copy_function=shutil.copyfile)
    shutil.rmtree(site)
    copy.rename(site)
    os.utime(site, ns=(1, 1))


def _other_code(archive: Path) -> None:
    """The build cache as another version of Minutebook (an upgrade, another checkout sharing the cache) left it."""
    from generator.cache import cache_file, site_file

    for path in (cache_file(archive, False), site_file(cache_file(archive, False))):
        data = path.read_bytes()
        path.write_bytes(b"minutebook 0.0 python (3, 11) code 0000000000000000\n" + data.split(b"\n", 1)[1])


def _own_template(archive: Path) -> None:
    (archive / "templates").mkdir()
    home = (REPO / "templates" / "home.html").read_text()
    (archive / "templates" / "home.html").write_text(home.replace("{% block content %}", "{% block content %}<p>Ours</p>", 1))


@pytest.mark.parametrize("change, said", [
    (_copied_without_times, "site/ is not the folder the last build left (removed, replaced by a build with other "
                            "options such as --drafts, or copied or restored without its modification times)"),
    (lambda site: (site / "notes.txt").write_text("mine"),
     "notes.txt put into site/ since the last build, which this build clears out"),
    (lambda site: shutil.rmtree(site / "people"), "people taken out of site/"),
    ("search off", "search indexing is off, and was on in the last build"),
    ("template", "a template changed"),
    ("site.yaml", "what every page shows of site.yaml, the people register and the bodies' files changed"),
    ("other code", "the build cache was written by other code (another version of Minutebook, Python or a library "
                   "it uses), so this build reads every file afresh and writes the cache anew"),
])
def test_a_build_that_cannot_update_the_site_in_place_says_why_it_builds_every_page(archive, built, change, said):
    """An operator whose CI job restored site/ without its files' times, or who put a file into it, saw a
    build of every page where a warm one was expected, with no word of why."""
    from generator.build import Options, run

    search = change != "search off"
    if change == "template":
        _own_template(archive)
    elif change == "site.yaml":
        edit(archive, "site.yaml", "title: ", "title: The ")
    elif change == "other code":
        _other_code(archive)
    elif callable(change):
        change(built)
    said_lines: list[str] = []
    result = run(Options(content=archive, out=built, search=search, today=dt.date.fromisoformat(TODAY)),
                 progress=said_lines.append)
    assert result.ok and result.rendered is None  # every page built
    assert f"every page is built again: {said}" in said_lines
    quiet: list[str] = []
    again = run(Options(content=archive, out=built, search=search, today=dt.date.fromisoformat(TODAY)),
                progress=quiet.append)
    assert again.rendered == 0 and not [line for line in quiet if "every page" in line]


def test_an_action_added_to_an_item_renders_the_pages_that_show_it_not_those_of_the_items_other_actions(
        archive, build, built, tmp_path):
    """A track counts the item that raised it by its number and title alone (Track.__digest__): the item's
    other actions' pages, and the log and people's pages that show them, stay as they are."""
    edit(archive, MINUTES, "    due: next meeting\n```", "    due: next meeting\n  - owner: carol-singh\n"
         "    text: Thank the consultees.\n    due: 2019-09-30\n```")
    again = build(archive, built, search=True)
    march = [url for url in again.changed if url.startswith(("/tb/2019/2019-03-14/", "/tb/2019/tb-19-1"))]
    assert again.ok and sorted(set(again.changed) - set(march)) == [
        "/data/", "/people/carol-singh/", "/people/carol-singh/2019/", "/tb/actions/",
        "/tb/actions/tb-19-13-4/"]  # no June log, no other action
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_build_on_a_later_day_renders_only_the_pages_that_show_the_date(archive, build, tmp_path):
    """Action pages and lists say what is overdue as at the build date, and so do the page of the meeting that
    raised an action, the page of its minute and its owners' pages; no other default template shows it, so a
    build on a later day (a CI deploy) renders the lists, the actions that became overdue and those pages of
    theirs, and leaves the rest."""
    import datetime as dt

    out, later = tmp_path / "site", dt.date(2020, 4, 15)  # the action due 2020-03-31 overdue by then
    assert build(archive, out, search=True, today=dt.date(2020, 2, 15)).ok
    times = _mtimes(out)
    again = build(archive, out, search=True, today=later)
    # the action now overdue, the meeting and the minute that raised it (its "Actions raised" table, the minute's
    # list of its actions), its owner's page and year's page (the tables of the actions they own) and the two
    # lists (which say "as at" the date); not the other actions, meetings or people, whose overdue flags did not
    # change
    assert again.ok and sorted(again.changed) == [
        "/jc/2019/2019-11-05/", "/jc/2019/2019-11-05/item-5/", "/jc/actions/", "/jc/actions/2019-11-05-5-1/",
        "/people/carol-singh/", "/people/carol-singh/2019/", "/tb/actions/"]
    # Only the bundles of the pages Pagefind reads that changed are indexed again: the body's of the action now
    # overdue and the site's, of its owner's page (people's pages are the site's; its table of actions is left
    # out of the index, but the page is read again whole); not the TB's, whose tracker alone changed: the lists,
    # the minute's page and a person's year page are not pages Pagefind reads (no data-pagefind-body). Besides
    # the search files, the pages above, the calendars (whose DTSTAMP is the build date) and the actions' data
    # that say the action is overdue (the JC's spreadsheet and JSON, not the TB's, and index.json, which gives their
    # sizes and checksums) are the only files written again: no feed, no other open data (no meeting passed meanwhile).
    assert again.search.startswith("Re-indexed 9 pages in 2 of 3 bundles (site 6, jc 3)")
    touched = sorted(n for n, t in _mtimes(out).items() if times.get(n) != t and not n.startswith("pagefind/"))
    assert touched == ["data/actions.json", "data/actions/jc.csv", "data/actions/jc.json", "data/index.json",
                       "feeds/all.ics",
                       "feeds/bodies/jc.ics",
                       "feeds/bodies/tb.ics", "jc/2019/2019-11-05/index.html", "jc/2019/2019-11-05/item-5/index.html",
                       "jc/actions/2019-11-05-5-1/index.html", "jc/actions/index.html",
                       "people/carol-singh/2019/index.html", "people/carol-singh/index.html", "tb/actions/index.html"]
    assert not any(n.startswith("pagefind/bodies/tb/") for n, t in _mtimes(out).items() if times.get(n) != t)
    scratch = build(archive, tmp_path / "scratch", search=True, today=later, cache=False)
    assert scratch.ok and read_tree(out) == read_tree(tmp_path / "scratch")
    templates = {p.name for p in (REPO / "templates").rglob("*.html") if "today" in p.read_text(encoding="utf-8")}
    assert templates == {"action.html", "actions.html", "meeting.html", "_minute_item.html", "_person_records.html"}
    # meeting.html: in a caption's words, and in whether an action it raised is overdue; _minute_item.html and
    # _person_records.html: in that alone (pages._overdue, which the pages' deps hold)
    shown = re.sub(r"<caption>[^<]*</caption>", "", (REPO / "templates" / "meeting.html").read_text())
    assert re.findall(r"\{[%{][^}]*today[^}]*[%}]\}", shown) == ["{% elif t.overdue(today) %}"]
    assert [re.findall(r"\{[%{][^}]*today[^}]*[%}]\}", (REPO / "templates" / name).read_text())
            for name in ("_minute_item.html", "_person_records.html")] == [
        ["{% if overdue is defined and overdue and tracked[action.id].overdue(today) %}"],
        ["{% elif t.overdue(today) %}"]]


def test_a_later_day_writes_again_the_feeds_with_no_entry_and_the_open_data_of_meetings_it_passed(
        archive, build, tmp_path, monkeypatch):
    """A feed with no entry is dated by the newest meeting held (feeds.atom_feeds), and so is an entry dated after
    the build date (the agenda of the board's meeting of 16 January 2020, and its chair's and presenter's entries
    of it); the open data says whether a meeting has passed.
    Each is made again on a later day only where that changes it."""
    import datetime as dt

    from generator.exports import Exporter

    import generator.feeds

    encoded, event = [], Exporter.event
    monkeypatch.setattr(Exporter, "event", lambda self, meeting: encoded.append(meeting.key) or event(self, meeting))
    made, atom = [], generator.feeds.atom
    monkeypatch.setattr(generator.feeds, "atom", lambda index, url, *rest: made.append(url) or atom(index, url, *rest))

    edit(archive, "people.yaml", "brian-okafor:", "zoe-quiet:\n  name: Zoe Quiet\nbrian-okafor:")
    out = tmp_path / "site"
    assert build(archive, out, today=dt.date(2020, 1, 10)).ok  # before the board's meeting of 2020-01-16
    times, feeds = _mtimes(out), sorted(p.relative_to(out).as_posix() for p in (out / "feeds").rglob("*.xml"))
    assert "feeds/people/zoe-quiet.xml" in feeds and "<entry>" not in (out / "feeds/people/zoe-quiet.xml").read_text()
    encoded.clear(), made.clear()
    assert build(archive, out, today=dt.date(2020, 1, 12)).ok  # no meeting held since, the agenda still ahead
    assert made == [], "the entry dated ahead is dated as it was: no feed changed"
    again = build(archive, out, today=dt.date(2020, 1, 20))  # the meeting has passed
    assert encoded == ["tb/2020-01-16"]  # the other meetings' events are as they were
    changed = ["/feeds/all.xml", "/feeds/bodies/tb.xml", "/feeds/people/ada-lovelace.xml",
               "/feeds/people/carol-singh.xml", "/feeds/people/zoe-quiet.xml"]
    assert made == changed  # the other feeds are not even made
    # dated by the newest meeting held by then: not the build's day, which would change it daily for nothing
    assert again.ok and "<updated>2020-01-16T00:00:00Z</updated>" in (out / "feeds/people/zoe-quiet.xml").read_text()
    rewritten = [name for name in feeds if _mtimes(out)[name] != times[name]]
    assert ["/" + name for name in rewritten] == sorted(changed)
    assert _mtimes(out)["data/meetings.json"] != times["data/meetings.json"]
    assert build(archive, tmp_path / "scratch", today=dt.date(2020, 1, 20), cache=False).ok
    assert read_tree(out) == read_tree(tmp_path / "scratch")
    made.clear()
    assert build(archive, out, today=dt.date(2020, 2, 2)).ok and made == [], "no meeting passed: no feed changed"


def test_a_later_day_renders_every_page_when_the_sites_own_templates_mention_the_date(archive, build, tmp_path):
    import datetime as dt

    (archive / "templates").mkdir()
    (archive / "templates" / "base.html").write_text(
        (REPO / "templates" / "base.html").read_text().replace("</body>", "<p>Built {{ today }}</p></body>"))
    out = tmp_path / "site"
    assert build(archive, out, today=dt.date(2020, 2, 15)).ok
    again = build(archive, out, today=dt.date(2020, 4, 15))
    assert again.ok and again.rendered is None  # whole: any page may show it


@pytest.mark.parametrize("changed", ["site.yaml", "bodies/tb.md", "templates/base.html"])
def test_a_template_the_site_settings_or_a_bodys_name_changed_rebuild_everything(archive, build, built, changed):
    """Every page shows the site; a body's names are shown through the `index` global on pages whose deps do not
    hold the body (an action's page shows its body's name, a year's list each body's short name)."""
    if changed.startswith("templates/"):
        (archive / "templates").mkdir()
        shutil.copy(REPO / changed, archive / changed)
        edit(archive, changed, "\n", "\n<!-- a comment -->\n")
    elif changed == "site.yaml":
        edit(archive, changed, "\n", "\n# a comment\n")
    else:
        edit(archive, changed, "short_name: TB", "short_name: THB")
    again = build(archive, built, search=True)
    assert again.ok and again.rendered is None


def test_a_warm_build_takes_its_compiled_templates_from_beside_the_cache_and_compiles_an_edited_one_afresh(
        archive, build, built, tmp_path, monkeypatch):
    """render.CompiledOnDisk: the first build left each template it used compiled beside the build cache; the
    next compiles none it already has. A template edited since is compiled again, and its edit shows."""
    import jinja2

    from generator.cache import cache_file

    compiled, real = [], jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, source, name=None, *rest, **kw: compiled.append(name) or real(self, source, name,
                                                                                                  *rest, **kw))
    assert len(list((cache_file(archive, False).parent / "templates").glob("*.jinja"))) >= 10  # base.html, the pages', macros
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    assert build(archive, built, search=True).rendered and compiled == []
    (archive / "templates").mkdir()
    shutil.copy(REPO / "templates" / "base.html", archive / "templates" / "base.html")
    edit(archive, "templates/base.html", "</body>", "<p>Edited base</p></body>")
    assert build(archive, built, search=True).ok and compiled == ["base.html"]
    assert "<p>Edited base</p>" in (built / "index.html").read_text(encoding="utf-8")
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_compiled_templates_are_only_taken_by_the_code_that_compiled_them_and_unwritable_is_no_cache(tmp_path):
    """Jinja's own check compares the template's source, not the environment's options: a change to the
    generator's code (the build cache's FORMAT) must not be handed templates compiled by the code before."""
    import jinja2

    from generator.render import CompiledOnDisk

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ 1 + 1 }}\n", encoding="utf-8")

    def compiles(folder, code) -> int:
        count = []
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t")),
                                 bytecode_cache=CompiledOnDisk(folder, code))
        real = env.compile
        env.compile = lambda *args, **kw: count.append(1) or real(*args, **kw)
        assert env.get_template("page.html").render() == "2"
        return len(count)

    assert compiles(tmp_path / "cache", "code A") == 1 and compiles(tmp_path / "cache", "code A") == 0
    assert compiles(tmp_path / "cache", "code B") == 1
    assert len(list((tmp_path / "cache").glob("*.jinja"))) == 1  # code A's removed: none pile up with upgrades
    (tmp_path / "a file").write_text("", encoding="utf-8")
    assert compiles(tmp_path / "a file" / "cache", "code A") == 1  # cannot be made: compiled, not kept


def _noting_its_process(real, pids: Path, fails_apart: bool):
    """`real`, noting in the file `pids` the process each call is made in; with `fails_apart`, failing when
    called in another process than this one (a bug in the forked process's work)."""
    parent = os.getpid()

    def noted(*args):
        with pids.open("a") as out:
            out.write(f"{os.getpid()}\n")
        if fails_apart and os.getpid() != parent:
            raise RuntimeError("a bug in the forked process's work")
        return real(*args)

    return noted


def _assert_made_apart(pids: Path, failed_apart: bool) -> None:
    """The work was first done in a forked process; again in this one only if it failed there."""
    made_by = [int(pid) for pid in pids.read_text().split()]
    assert made_by[0] != os.getpid() and made_by[1:] == ([os.getpid()] if failed_apart else [])


@pytest.mark.parametrize("child", ["makes them", "fails"])
def test_a_warm_build_on_two_cores_makes_the_data_files_in_a_forked_process_while_it_renders(
        archive, build, built, tmp_path, monkeypatch, child):
    """build._update: the feeds, calendars and open data come from a forked process, with what the next build
    needs of them (their digests, where each record lies in the open data, each actions CSV's size and SHA-256);
    if that process fails, this one makes them instead. Either way the site is the one a build from scratch makes, and so is the next."""
    import generator.build
    from generator.cache import cache_file, load

    pids = tmp_path / "pids"
    monkeypatch.setattr(generator.build, "_record_files",
                        _noting_its_process(generator.build._record_files, pids, child == "fails"))
    edit(archive, JC_MINUTES, "Draft the joint commissioning agreement.", "Draft and sign the joint agreement.")
    warm = build(archive, built, search=True, jobs=2)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    _assert_made_apart(pids, child == "fails")
    site = load(cache_file(archive, False)).site
    assert set(site.spans) == {"meetings", "minutes", "actions"} and {"data/actions/jc.csv", "feeds/all.xml"} <= set(
        site.outputs)
    assert set(site.sums) == {"data/actions/jc.csv", "data/actions/tb.csv"}  # the CSVs' size and SHA-256 (index.json)
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    again = build(archive, built, search=True, jobs=2)  # from the digests and spans that came back
    assert again.ok and again.rendered and read_tree(built) == _from_scratch(build, archive, tmp_path)


@pytest.mark.parametrize("child", ["walks", "fails"])
def test_a_warm_build_walks_the_meetings_folder_in_a_forked_process_while_it_reads_the_cache(
        archive, build, built, tmp_path, monkeypatch, child):
    """build._run: on two cores the files and their status come from a forked process while the cache is read;
    the loader finds the edit in them, or walks the folder itself if that process failed."""
    import generator.build
    import generator.loader

    pids = tmp_path / "pids"
    walk = _noting_its_process(generator.loader.walk, pids, child == "fails")
    monkeypatch.setattr(generator.build, "walk", walk)
    monkeypatch.setattr(generator.loader, "walk", walk)
    edit(archive, JC_MINUTES, "welcomed everyone to the meeting.", "welcomed everyone.")
    warm = build(archive, built, search=True, jobs=2)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    _assert_made_apart(pids, child == "fails")
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


BODY_EDITS = {  # a body's file: each renders only the pages whose deps hold the body
    "a member's role": ("role: Voluntary sector representative", "role: Community representative"),
    "a member added": ("  - name: Harriet Quill", "  - person: brian-okafor\n    role: Member\n  - name: Harriet Quill"),
    "another venue": ("venue: Council Chamber", "venue: Committee Room 1"),
    "its description": ("four times a year", "five times a year"),
    "its website": ("website: https://www.testshire.example/hwb", "website: https://www.testshire.example/board"),
}


@pytest.mark.parametrize("change", BODY_EDITS)
def test_an_edit_to_a_bodys_file_other_than_its_names_is_a_warm_build(archive, build, built, tmp_path, monkeypatch,
                                                                       change):
    """Feeds show a body's names, calendars its names and venue: no other edit to the body makes any of them
    again. (A new venue is copied into the body's meetings, whose feeds and calendars are then made again.)"""
    import generator.feeds
    import generator.ical

    made, atom, calendar = [], generator.feeds.atom, generator.ical.calendar
    monkeypatch.setattr(generator.feeds, "atom", lambda index, url, *rest: made.append(url) or atom(index, url, *rest))
    monkeypatch.setattr(generator.ical, "calendar", lambda index, name, *rest: made.append(name)
                        or calendar(index, name, *rest))
    old, new = BODY_EDITS[change]
    edit(archive, "bodies/tb.md", old, new)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered is not None and 0 < again.rendered < again.pages / 2
    calendars = ["Testshire Public Records: meetings", "Testshire Health and Wellbeing Board: meetings"]
    assert set(calendars) <= set(made) if change == "another venue" else made == []
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_paper_retitled_is_retitled_on_the_pages_of_the_people_it_names(archive, build, built, tmp_path):
    """A person's page and year page list the papers that name them by name and title: a warm build gave the
    old title there (the deps held the paper's meeting and ref alone), where a build from scratch gave the new."""
    edit(archive, "meetings/tb/2019-03-14/papers/paper-a.md", "title: Healthy Weight Strategy 2019 to 2024",
         "title: Healthy Weight Strategy 2019 to 2025")
    again = build(archive, built, search=True)
    assert again.ok and {"/people/carol-singh/", "/people/carol-singh/2019/"} <= set(again.changed)
    assert b"Strategy 2019 to 2025" in (built / "people/carol-singh/2019/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


PEOPLE_EDITS = {  # the people register (people.yaml): each renders only the pages that show the person
    "renamed, with the old name kept as an alias": (
        "name: Ada Lovelace\n  honorific: Councillor\n  aliases: [Cllr Lovelace]",
        "name: Ada King\n  honorific: Councillor\n  aliases: [Cllr Lovelace, Councillor Lovelace, Ada Lovelace]",
        27),  # with the page of the actions closed in 2019, whose actions' meetings she attended, as the tracker,
    # her pages of 2019 and 2020, which name her, and the TB's register of declarations and its 2019 page, which
    # name her as the one who declared an interest
    "added": ("brian-okafor:", "zoe-quiet:\n  name: Zoe Quiet\nbrian-okafor:", 3),
    "another organisation": ("organisation: Testshire Clinical Commissioning Group", "organisation: NHS Testshire", 2),
    "a role retitled": ("    - title: Chair of the Health and Wellbeing Board", "    - title: Chair of the Board", 2),
    "a comment": ("\n", "\n# a comment\n", 0),
}


@pytest.mark.parametrize("change", PEOPLE_EDITS)
def test_an_edit_to_the_people_register_renders_only_the_pages_that_show_the_person(archive, build, built, tmp_path,
                                                                                     change):
    """Pages that show a person hold the person's record in their deps (build.site_fingerprint), so a new
    member, a new job title or a corrected name is a warm build, not a full one, and gives the site a build
    from scratch gives."""
    old, new, pages = PEOPLE_EDITS[change]
    edit(archive, "people.yaml", old, new)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered == pages
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


@pytest.fixture
def loads(archive, monkeypatch):
    """(load, read): `load()` loads the archive with one loader cache throughout, giving (archive, report);
    `read` then lists the meeting folders that load read (the others it took from the cache)."""
    from generator.diagnostics import Report

    cache, read, load_meeting = {}, [], generator.loader._load_meeting
    monkeypatch.setattr(generator.loader, "_load_meeting",
                        lambda path, *rest: read.append(path.parent.relative_to(archive / "meetings").as_posix())
                        or load_meeting(path, *rest))

    def load():
        read.clear()
        report = Report(root=archive)
        return generator.loader.load_archive(archive, report, cache), report

    return load, read


def test_after_an_edit_to_the_people_register_only_meetings_that_read_differently_are_read_again(archive, loads):
    """A meeting depends on the register only through the names it looks up (people.Asked): an edit that
    answers them all as before keeps what the loader made of the meeting, the very same objects."""
    load, read = loads

    def naming(*forms: str) -> list[str]:  # the meetings whose files name someone in one of these forms
        return sorted(m.relative_to(archive / "meetings").as_posix() for body in (archive / "meetings").iterdir()
                      for m in body.iterdir() if any(form in f.read_text().lower() for f in m.rglob("*.md")
                                                     for form in forms))

    (first, _), naming_brian = load(), naming("okafor")
    assert len(read) == 5 and naming_brian == ["tb/2019-03-14"]
    edit(archive, "people.yaml", "organisation: Testshire Clinical Commissioning Group", "organisation: NHS Testshire")
    second, _ = load()
    assert read == [] and all(a is b for a, b in zip(first.meetings, second.meetings))
    assert second.people["brian-okafor"].organisation == "NHS Testshire"
    assert second.people["ada-lovelace"] is first.people["ada-lovelace"]  # what reads as before stays the same
    edit(archive, "people.yaml", "name: Brian Okafor", "name: Brian Okafor-Smith\n  aliases: [Mr Okafor]")
    third, _ = load()
    assert read == naming_brian  # the name its records carry changed; the other meetings' did not
    assert [a is b for a, b in zip(second.meetings, third.meetings)] == [m.key != "tb/2019-03-14"
                                                                         for m in second.meetings]
    edit(archive, MINUTES, "lead: [carol-singh, Mr Okafor]", "lead: [carol-singh, zoe-quiet]")
    _, report = load()
    assert read == ["tb/2019-03-14"] and "unknown person 'zoe-quiet'" in str([d.format() for d in report.errors])
    edit(archive, "people.yaml", "brian-okafor:", "zoe-quiet:\n  name: Zoe Quiet\nbrian-okafor:")
    _, report = load()
    assert read == ["tb/2019-03-14"] and not report.errors  # its error's hint listed the register's names
    edit(archive, "people.yaml", "frank-turner:\n  name: Frank Turner", "frank-gone:\n  name: Frank Gone")
    _, report = load()  # the meetings that named him now fail, with the usual message, not a traceback
    assert read == naming("frank-turner", "frank turner")
    assert "unknown person 'frank-turner'" in str([d.format() for d in report.errors])


def test_a_meeting_told_whose_first_name_it_gives_is_read_again_when_someone_of_that_first_name_joins_the_register(
        archive, loads):
    """`owner: Carol` is told the people whose first name it is (schema.person), an answer people.Asked notes: a
    Carol added to the register changes the message, and a warm build would keep the old one; someone of another
    name changes nothing the meeting reads."""
    load, read = loads
    edit(archive, MINUTES, "  - owner: carol-singh", "  - owner: Carol")

    def told(report) -> list[str]:
        return [d.hint for d in report.errors if "unknown person 'Carol'" in d.message]
    _, report = load()
    assert told(report) == ["Carol is the first name of Dr Carol Singh (carol-singh): write carol-singh, or "
                            "{name: Carol} for someone not in the register"]
    edit(archive, "people.yaml", "carol-singh:", "ned-brown:\n  name: Ned Brown\ncarol-singh:")
    _, report = load()
    assert read == [] and len(told(report)) == 1  # someone of another name: the message is the same
    edit(archive, "people.yaml", "carol-singh:", "carol-ward:\n  name: Carol Ward\ncarol-singh:")
    _, report = load()
    assert read == ["tb/2019-03-14"] and told(report) == [
        "Carol is the first name of Dr Carol Singh (carol-singh) or Carol Ward (carol-ward): write the id of the one "
        "meant, or {name: Carol} for someone not in the register"]


def test_after_an_edit_to_a_bodys_file_only_its_meetings_are_read_again_and_only_if_what_they_read_changed(
        archive, loads):
    """A meeting reads its body's address, short name, numbering and venue (loader._as_meetings_read), not its
    members or description."""
    load, read = loads
    load()
    edit(archive, "bodies/tb.md", "role: Voluntary sector representative", "role: Community representative")
    load()
    assert read == []
    edit(archive, "bodies/tb.md", "venue: Council Chamber", "venue: Committee Room 1")
    load()
    assert read == sorted(f"tb/{m.name}" for m in (archive / "meetings" / "tb").iterdir())


def test_an_action_line_naming_another_body_by_its_short_name_is_read_again_when_that_body_takes_or_drops_it(
        archive, loads):
    """An action line in the text may name any body by its short name ("ACTION: JHSC to ..." in the board's
    minutes): the meeting is read again when a body's file gives that name or takes it away
    (inline_actions.BodiesAsked), or a warm build would keep the message the old names gave; the board's other
    meetings, whose lines asked no body's name, are not."""
    load, read = loads
    edit(archive, MINUTES, "There was no other business.", "ACTION: JHSC to review the allotments")

    def owner(report) -> list[str]:
        return [re.search(r"as (`- owner[^`]*`[^`]*)`text", d.message + "; " + d.hint)[1].rstrip(", ")
                for d in report.items if "records an action" in d.message]
    _, report = load()
    assert owner(report) == ["`- owner:` the id of JHSC, whom the people register does not know by that name or "
                             "initials"]
    edit(archive, "bodies/jc.md", "short_name: JC", "short_name: JHSC")
    _, report = load()
    assert read == ["jc/2019-11-05", "tb/2019-03-14"] and owner(report) == ["`- owner: {body: jc}`"]
    edit(archive, "bodies/jc.md", "short_name: JHSC", "short_name: JC")
    _, report = load()
    assert read == ["jc/2019-11-05", "tb/2019-03-14"] and owner(report) == [
        "`- owner:` the id of JHSC, whom the people register does not know by that name or initials"]


def test_a_persons_new_initials_relink_the_minutes_that_write_them_in_a_warm_build(build, tmp_path):
    """Initials in minutes (SP) link to the attendee whose register entry has them, a link the reference scan
    makes, not the loader: an edit to them changes no meeting the loader reads, but the pages that show them."""
    archive = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "fixtures" / "references", archive)
    out = tmp_path / "site"
    assert build(archive, out).ok
    edit(archive, "people.yaml", "initials: SP", "initials: SPR")
    again = build(archive, out)
    assert again.ok and again.rendered is not None and again.rendered > 0
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)


def test_the_people_register_changes_every_page_when_it_gains_its_first_person_or_a_site_template_uses_index(
        archive, build, tmp_path):
    """Every page's navigation links to the register when it has anyone (base.html: the fingerprint holds whether
    it has, and the register's own pages are a new top-level folder); and a site's own template that mentions
    `index` may show anything of the register, so then any change to it renders every page."""
    register = (archive / "people.yaml").read_text()
    (archive / "people.yaml").unlink()  # no register: names are taken as written
    out = tmp_path / "site"
    assert build(archive, out).ok and 'href="/people/"' not in (out / "index.html").read_text()
    (archive / "people.yaml").write_text(register)
    again = build(archive, out)
    assert again.ok and again.rendered is None and 'href="/people/"' in (out / "index.html").read_text()
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)

    (archive / "templates").mkdir()
    (archive / "templates" / "base.html").write_text((REPO / "templates" / "base.html").read_text().replace(
        "</body>", "<p>{{ index.archive.people|length }} people</p></body>"))
    assert build(archive, out).ok
    edit(archive, "people.yaml", "brian-okafor:", "zoe-quiet:\n  name: Zoe Quiet\nbrian-okafor:")
    again = build(archive, out)
    assert again.ok and again.rendered is None and "<p>7 people</p>" in (out / "index.html").read_text()


def test_the_sites_own_static_files_do_not_count_as_templates_that_mention_index_or_today(archive, build, tmp_path):
    """Static files are copied, never rendered: the default style.css, copied into the site's templates/static/
    to restyle it as docs/templates.md says, has `z-index`, and with it an edit to the people register rendered
    every page (and a stylesheet comment saying `today`, every page on each new day)."""
    import datetime as dt

    (archive / "templates" / "static").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "static" / "style.css", archive / "templates" / "static" / "style.css")
    (archive / "templates" / "static" / "print.css").write_text("/* today's print rules */\n", encoding="utf-8")
    out = tmp_path / "site"
    assert build(archive, out, today=dt.date(2020, 2, 15)).ok
    edit(archive, "people.yaml", "organisation: Testshire Clinical Commissioning Group", "organisation: NHS Testshire")
    again = build(archive, out, today=dt.date(2020, 2, 15))
    assert again.ok and again.rendered == PEOPLE_EDITS["another organisation"][2]
    later = build(archive, out, today=dt.date(2020, 4, 15))
    assert later.ok and later.rendered is not None
    assert build(archive, tmp_path / "fresh", today=dt.date(2020, 4, 15), cache=False).ok
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_site_folder_replaced_or_removed_since_is_built_afresh(archive, build, built):
    shutil.rmtree(built)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered is None and (built / "index.html").is_file()


@pytest.mark.parametrize("breakage", ["content", "search"])
def test_a_failed_warm_build_leaves_the_previous_site_untouched(archive, build, built, tmp_path, monkeypatch,
                                                                breakage):
    before = read_tree(built)
    if breakage == "content":
        edit(archive, MINUTES, "There was no other business.", "[x](javascript:alert(1))")
    else:
        edit(archive, MINUTES, "There was no other business.", "There was no other business at all.")

        def broken(*args, **kwargs):
            raise generator.search_index.IndexError_("Pagefind failed: simulated")

        monkeypatch.setattr(generator.search_index, "run_pagefind", broken)
    failed = build(archive, built, search=True)
    assert not failed.ok
    assert read_tree(built) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".minutebook") == ["content", "site"]


def test_a_warm_build_on_one_process_renders_every_changed_page(archive, build, tmp_path, monkeypatch):
    """On one process the changed pages are rendered in the main process, however many there are."""
    import generator.build

    monkeypatch.setattr(generator.build, "PARALLEL_PAGES_FROM", 1)  # fewer than the pages this edit changes
    out = tmp_path / "site"
    assert build(archive, out, jobs=1).ok
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, out, jobs=1)
    assert warm.ok and warm.rendered is not None and warm.rendered > 1  # the meeting's page and the item's
    fresh = tmp_path / "fresh"
    assert build(archive, fresh, cache=False).ok
    assert read_tree(out) == read_tree(fresh)


def test_a_disk_error_while_updating_is_reported_and_the_next_build_rebuilds_whole(archive, build, built, tmp_path,
                                                                                  monkeypatch):
    import generator.update

    real = generator.update.commit

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    monkeypatch.setattr(generator.update, "commit", full_disk)
    failed = build(archive, built, search=True)
    assert not failed.ok
    assert messages(failed) == ["site:1: error: could not update the site in place: [Errno 28] No space left on "
                                "device; free the disk or fix the permission, then build again: the next build "
                                "rebuilds it whole"]
    monkeypatch.setattr(generator.update, "commit", real)
    again = build(archive, built, search=True)
    assert again.ok and again.rendered is None  # whole, not trusting the half-updated folder
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_warm_build_takes_what_it_knew_of_unchanged_meetings_from_the_cache(archive, build, built, monkeypatch):
    """The loaded records come back from the build cache with their digests and with what each stage made of
    them (build.Memos), as the very same objects: a warm build scans and digests the edited meeting only."""
    import generator.backlinks
    import generator.fingerprint

    scanned, digested = set(), []
    texts, record = generator.backlinks._meeting_texts, generator.fingerprint.Digests._record
    monkeypatch.setattr(generator.backlinks, "_meeting_texts",
                        lambda index, meeting: scanned.add(meeting.key) or texts(index, meeting))

    def digest(self, value):
        if type(value).__name__ in ("Meeting", "Person", "Body") and id(value) not in self._memo:
            digested.append(value)
        return record(self, value)

    monkeypatch.setattr(generator.fingerprint.Digests, "_record", digest)
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered
    assert scanned == {"tb/2019-03-14"}
    loaded = {id(meeting) for meeting in warm.made[1].archive.meetings}
    assert [m.key for m in digested if id(m) in loaded] == ["tb/2019-03-14"]  # by the loader, once
    # nor the public view's copies of other (redacted) meetings, nor the registers' people and bodies
    assert {getattr(record, "key", None) for record in digested} == {"tb/2019-03-14"}


def test_a_warm_build_takes_unchanged_records_of_the_open_data_from_the_files_it_wrote(archive, build, built,
                                                                                      tmp_path, monkeypatch):
    """exports.Reused: each meeting's, minutes' and action's JSON text comes from the documents the last build
    wrote, found by the digest of what it was made from; only the edited meeting's are encoded again."""
    import generator.exports

    made = []
    for kind in ("event", "minutes_record", "action"):
        real = getattr(generator.exports.Exporter, kind)
        monkeypatch.setattr(generator.exports.Exporter, kind,
                            lambda self, record, *rest, real=real, kind=kind: made.append(kind) or real(self, record, *rest))
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered
    assert sorted(made) == ["event", "minutes_record"]  # the edited meeting's; its actions are as they were
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_open_data_changed_by_hand_since_the_last_build_is_not_taken_from(archive, build, built, tmp_path):
    for name in ("minutes.json", "meetings.json", "actions.json"):
        (built / "data" / name).write_text('{"not": "what the build wrote"}\n', encoding="utf-8")
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    assert build(archive, built, search=True).ok
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)



def test_a_warm_build_makes_again_only_the_actions_csv_of_the_body_whose_actions_changed(archive, build, built,
                                                                                        tmp_path, monkeypatch):
    """exports.exports asks `unchanged` about each body's CSV: the others are kept as the last build wrote them,
    and none of their records is decoded from the last build's actions.json to make them again."""
    import generator.exports

    made, decoded = [], []
    real_csv, real_loads = generator.exports.actions_csv, generator.exports.json.loads
    monkeypatch.setattr(generator.exports, "actions_csv",
                        lambda records, *rest: made.append(sorted({r["body"] for r in records})) or
                        real_csv(records, *rest))
    monkeypatch.setattr(generator.exports.json, "loads", lambda text, *a, **k: decoded.append(text) or
                        real_loads(text, *a, **k))
    before = (built / "data" / "actions" / "tb.csv").read_bytes()
    edit(archive, JC_MINUTES, "Draft the joint commissioning agreement.", "Draft and sign the joint agreement.")
    assert build(archive, built, search=True).ok
    # jc's file alone, which lists TB/19/13#2 too, an action the board gave the committee
    assert made == [["jc", "tb"]] and b"Draft and sign the joint agreement." in (built / "data" / "actions" / "jc.csv"
                                                                            ).read_bytes()
    # the jc file's rows' records, at most: of the board's, only the one it gave the committee
    assert all('"TB/19/13#2"' in str(text) for text in decoded if '"body": "tb"' in str(text))
    assert (built / "data" / "actions" / "tb.csv").read_bytes() == before
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)
    made.clear()
    edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
    assert build(archive, built, search=True).ok and made == []  # prose: no action's record changed
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_after_warm_builds_that_keep_a_bodys_actions_csv_the_index_gives_each_files_size_and_sha256(
        archive, build, built, monkeypatch):
    """index.json lists the kept CSV with the size and checksum the build that made it noted (update.Outputs),
    carried from build to build, and every other file's from the bytes written: a warm build makes the board's
    CSV again only when its actions change, and the whole-archive files and the edited meeting's year every time."""
    import generator.exports

    made = []
    real_csv = generator.exports.actions_csv
    monkeypatch.setattr(generator.exports, "actions_csv", lambda records, *rest: made.append(
        sorted({r["body"] for r in records})) or real_csv(records, *rest))
    assert index_disagrees(built) == []
    before = (built / "data" / "index.json").read_bytes()
    edit(archive, JC_MINUTES, "Draft the joint commissioning agreement.", "Draft and sign the joint agreement.")
    assert build(archive, built, search=True).ok and made == [["jc", "tb"]]  # jc's alone; tb's kept
    assert index_disagrees(built) == [] and (built / "data" / "index.json").read_bytes() != before
    for old, new in (("There was no other business.", "There was no other business, said the Chair."),
                     ("There was no other business, said the Chair.", "There was no other business.")):
        edit(archive, MINUTES, old, new)
        assert build(archive, built, search=True).ok and made == [["jc", "tb"]]  # both kept, twice
        assert index_disagrees(built) == []

@pytest.mark.parametrize("before", ["a full build", "a warm build"])
def test_a_warm_build_lists_only_the_meetings_whose_pages_may_have_changed(archive, build, built, tmp_path,
                                                                           monkeypatch, before):
    """A meeting whose pages' inputs, backlinks and references are all as the last build found them is not even
    listed (build._update, SiteRecord.groups); one that an edit elsewhere now cites is."""
    import generator.build

    if before == "a warm build":
        edit(archive, MINUTES, "There was no other business.", "There was no other business, said the Chair.")
        assert build(archive, built, search=True).rendered
    listed = []
    real = generator.build.meeting_pages
    monkeypatch.setattr(generator.build, "meeting_pages",
                        lambda index, meeting, *rest: listed.append(meeting.key) or real(index, meeting, *rest))
    edit(archive, JC_MINUTES, "The Chair welcomed everyone to the meeting.",
         "The Chair welcomed everyone to the meeting, as minute TB/19/22 asked.")
    warm = build(archive, built, search=True)
    assert warm.ok and warm.rendered, messages(warm)
    assert sorted(listed) == ["jc/2019-11-05", "tb/2019-06-20"]  # the citing meeting, and the cited one's backlinks
    after = read_tree(built)
    assert after == _from_scratch(build, archive, tmp_path)
    assert b"/jc/" in after["tb/2019/tb-19-22/index.html"].split(b"Referenced from")[1]


def test_a_meetings_addresses_are_those_of_its_pages_in_order():
    """pages.meeting_urls, which a full build notes each meeting's pages by, lists what meeting_pages makes."""
    from generator.build import Options, prepare
    from generator.diagnostics import Report
    from generator.pages import meeting_pages, meeting_urls
    from helpers import FIXTURE, TODAY
    import datetime as dt

    prepared = prepare(Options(content=FIXTURE, today=dt.date.fromisoformat(TODAY)), Report(root=FIXTURE), {})
    assert prepared.index.archive.meetings
    for meeting in prepared.index.archive.meetings:
        assert meeting_urls(prepared.index, meeting) == [p.url for p in meeting_pages(prepared.index, meeting,
                                                                                      prepared.today, prepared.refs)]


@pytest.mark.parametrize("processes", [1, 2])
def test_pages_rendered_again_to_the_same_bytes_are_left_as_they_are(archive, build, built, monkeypatch, processes):
    """Markdown written differently that shows the same (an escaped full stop) changes a page's inputs, not the
    page: it is not written again, and its body is not indexed again for search. Rendered in this process or by
    two others (which more pages than PARALLEL_PAGES_FROM are)."""
    import generator.build

    monkeypatch.setattr(generator.build, "PARALLEL_PAGES_FROM", 1)  # fewer than the pages this edit changes
    forked, render_parallel = [], generator.build._render_parallel
    monkeypatch.setattr(generator.build, "_render_parallel", lambda *a, **k: forked.append(1) or render_parallel(*a, **k))
    times = _mtimes(built)
    edit(archive, MINUTES, "There was no other business.", r"There was no other business\.")
    again = build(archive, built, search=True, jobs=processes)
    assert len(forked) == (processes > 1)
    assert again.ok and again.rendered == 2 and "/tb/2019/2019-03-14/" in again.changed  # and the item's page
    assert again.search.startswith("Re-indexed 0 pages in 0 of 3 bundles")
    assert sorted(n for n, t in _mtimes(built).items() if times.get(n) != t) == [
        "data/index.json", "data/minutes.json", "data/minutes/tb/2019.json"]  # its text, in the archive's minutes
    # and its body's year's, and those files' sizes and checksums in the index


def test_a_declarations_new_wording_reaches_the_declarers_page_in_a_warm_build(archive, build, built, tmp_path):
    """The person's page shows the interest (pages.declarations_of); its deps must hold it, or the warm build
    would leave the old wording there."""
    edit(archive, MINUTES, "Trustee of [Testshire Food Bank]", "Chair of [Testshire Food Bank]")
    warm = build(archive, built, search=True)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    assert b"Chair of <a" in (built / "people/ada-lovelace/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_bodys_types_of_interest_respelt_reach_its_declarations_everywhere_in_a_warm_build(
        archive, build, built, tmp_path):
    """A declaration's type is published as its body's list spells it: the body's meetings are read again
    (loader._as_meetings_read), or the warm build would keep the old spelling on the minute's pages, the
    declarer's page and feed, and in the open data."""
    edit(archive, "bodies/tb.md", "kind: board\n",
         "kind: board\ninterest_types: [Disclosable Pecuniary Interest, Other Registrable Interest]\n")
    warm = build(archive, built, search=True)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    assert b"(Other Registrable Interest)" in (built / "tb/2019/tb-19-12/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_an_attendance_edit_reaches_the_members_attendance_on_the_body_page_in_a_warm_build(
        archive, build, built, tmp_path):
    edit(archive, "meetings/tb/2019-06-20/meeting.md", "  present: [ada-lovelace, carol-singh, frank-turner]\n",
         "  present: [ada-lovelace, frank-turner]\n")
    warm = build(archive, built, search=True)
    assert warm.ok and 0 < warm.rendered < warm.pages / 2
    assert b"Present at 1 of 2 meetings" in (built / "tb/index.html").read_bytes()
    assert b"Present at 1 of 2 meetings" in (built / "people/carol-singh/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_a_meeting_that_starts_recording_attendance_counts_on_every_members_page_in_a_warm_build(
        archive, build, built, tmp_path):
    """Apologies minuted for the January 2020 meeting, which recorded no attendance: every member of the board
    then has a meeting more to count, though the page of the chair, who is not among the apologies, shows
    nothing else new. Her page's deps hold her attendance (pages.person_page)."""
    edit(archive, "meetings/tb/2020-01-16/meeting.md", "chair: ada-lovelace\n",
         "chair: ada-lovelace\nattendance:\n  apologies: [dev-patel]\n")
    assert build(archive, built, search=True).ok
    assert b"Present at 3 of 3 meetings" in (built / "people/ada-lovelace/index.html").read_bytes()
    assert read_tree(built) == _from_scratch(build, archive, tmp_path)


def test_after_an_edit_to_a_bodys_vice_chair_its_meetings_naming_the_post_read_the_new_holder(archive, loads):
    """`owner: Vice-Chair` is the member the body's file gives that role (schema.deputies): a warm build or the
    preview kept the meeting as read against the old file, and the action's owner with it."""
    load, read = loads
    edit(archive, "bodies/tb.md", "  - name: Harriet Quill\n",
         "  - person: frank-turner\n    role: Vice-Chair\n  - name: Harriet Quill\n")
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "  - owner: carol-singh\n", "  - owner: Vice-Chair\n")

    def owner() -> str:
        loaded, _ = load()
        march = next(m for m in loaded.meetings if m.key == "tb/2019-03-14")
        return next(item for item in march.minutes.items if item.ref == "TB/19/13").actions[0].owners[0].id
    assert owner() == "frank-turner"
    edit(archive, "bodies/tb.md", "  - person: frank-turner\n    role: Vice-Chair\n",
         "  - person: eve-turner\n    role: Vice-Chair\n")
    assert owner() == "eve-turner" and "tb/2019-03-14" in read
