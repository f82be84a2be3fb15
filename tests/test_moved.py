"""Addresses pages had before a correction keep working (content/moved.yaml, generator/moved.py).

The fixture archive's moved.yaml moves the joint committee's meeting of 5 November 2019 from the 4th, where it
was first published: the meeting's page and the pages below it are kept at their old addresses, sending the
reader on. The clerk's mistakes in moved.yaml are in tests/test_errors.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.build import Options, prepare
from generator.diagnostics import Report
from generator.pages import addresses, all_pages
from helpers import FIXTURE, TODAY, edit, page, read_tree
from test_update import _from_scratch

FIXTURES = Path(__file__).parent / "fixtures"
OLD, NEW = "/jc/2019/2019-11-04/", "/jc/2019/2019-11-05/"
BELOW = ["", "item-1/", "item-5-1/", "item-5/", "item-7/", "papers/05/"]  # the meeting's page and those below it
FILE = "papers/05/item-05.pdf"  # published beside paper 05
# The action raised at the meeting: a body numbering per meeting names it by the meeting's folder (2019-11-05/5#1)
OLD_ACTION, NEW_ACTION = "/jc/actions/2019-11-04-5-1/", "/jc/actions/2019-11-05-5-1/"


@pytest.mark.parametrize("name", ["archive", "references", "actions"])
def test_the_addresses_moved_yaml_is_checked_against_are_every_page_the_site_has(name):
    """pages.addresses lists them without making the pages; it must not drift from what is rendered."""
    content = FIXTURES / name
    prepared = prepare(Options(content=content, today=dt.date.fromisoformat(TODAY)), Report(root=content), {})
    listed = [p.url for p in all_pages(prepared.index, prepared.today, prepared.refs)]
    moved = [old for old, _ in prepared.index.moved]
    assert list(addresses(prepared.index)) + moved == listed
    assert len(listed) > 20


def test_a_moved_meeting_and_the_pages_below_it_send_the_reader_on_from_their_old_addresses(site):
    for rest in BELOW:
        moved = page(site, OLD + rest)
        refresh = moved.find("meta", http_equiv="refresh")
        assert refresh.attrs["content"] == f"0; url={NEW}{rest}"
        assert moved.find("link", rel="canonical").attrs["href"] == f"https://records.testshire.example{NEW}{rest}"
        assert moved.find("meta", name="robots").attrs["content"] == "noindex"
        link = moved.find("main").find("a")
        assert link.attrs["href"] == NEW + rest and link.text == f"https://records.testshire.example{NEW}{rest}"
    assert (site / "_redirects").read_text(encoding="utf-8") == "".join(
        ["/feeds/actions/jc/2019-11-04-5-1.xml /feeds/actions/jc/2019-11-05-5-1.xml 301!\n",
         *(f"{OLD}{rest} {NEW}{rest} 301!\n" for rest in [*BELOW, FILE]), f"{OLD_ACTION} {NEW_ACTION} 301!\n"])


def test_the_actions_raised_at_a_moved_meeting_named_by_its_folder_keep_their_old_addresses(site):
    """A body numbering per meeting names an action by the meeting's folder, `2019-11-05/5#1` at
    /jc/actions/2019-11-05-5-1/: renamed with the meeting's date put right, the action's page moved with the
    meeting, though not below its address, and its old address, cited as the meeting's pages are, was no page."""
    moved = page(site, OLD_ACTION)
    assert moved.find("meta", http_equiv="refresh").attrs["content"] == f"0; url={NEW_ACTION}"
    assert moved.find("main").find("a").attrs["href"] == NEW_ACTION
    assert OLD_ACTION not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_moved_papers_file_is_kept_at_its_old_address_too(site):
    """Cited as often as the page; on Netlify `_redirects` sends it on, elsewhere the copy is served."""
    kept, published = site / (OLD + FILE).strip("/"), site / (NEW + FILE).strip("/")
    assert kept.read_bytes() == published.read_bytes() == (
        FIXTURES / "archive/meetings/jc/2019-11-05/papers/item-05.pdf").read_bytes()
    assert f"{OLD}{FILE}" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_search_and_the_sitemap_leave_moved_pages_out(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert NEW in sitemap and OLD not in sitemap
    indexed = b"".join(read_tree(site / "pagefind").values())
    assert b"This page has moved" not in indexed and b"2019-11-04" not in indexed
    assert b"2019-11-05" in indexed  # the check would see a moved page that was indexed


def test_on_a_site_below_a_path_the_moved_pages_and_redirects_are_below_it(archive, build, tmp_path):
    edit(archive, "site.yaml", "base_url: https://records.testshire.example/",
         "base_url: https://records.testshire.example/minutes/")
    assert build(archive, tmp_path / "site").ok
    moved = (tmp_path / "site" / OLD.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f'content="0; url=/minutes{NEW}"' in moved and f'<a href="/minutes{NEW}">' in moved
    redirects = (tmp_path / "site" / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/minutes{OLD} /minutes{NEW} 301!" in redirects
    assert f"/minutes{OLD_ACTION} /minutes{NEW_ACTION} 301!" in redirects


def test_an_entry_taken_out_takes_its_pages_out_and_a_paper_added_to_a_moved_meeting_is_moved_too(
        archive, build, tmp_path):
    out = tmp_path / "site"
    assert build(archive, out).ok
    (archive / "moved.yaml").unlink()
    assert build(archive, out).ok
    assert not (out / OLD.strip("/")).exists() and not (out / "_redirects").exists()
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)
    (archive / "moved.yaml").write_text(f"{OLD}: {NEW}\n", encoding="utf-8")
    papers = archive / "meetings/jc/2019-11-05/papers"
    (papers / "06.md").write_text('---\nref: "06"\ntitle: A second report\n---\nIts text.\n', encoding="utf-8")
    assert build(archive, out).ok
    assert page(out, OLD + "papers/06/").find("meta", http_equiv="refresh").attrs["content"] == \
        f"0; url={NEW}papers/06/"
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)


def test_a_body_whose_slug_was_put_right_moves_every_page_below_it_with_one_line(archive, build, tmp_path):
    """Its meetings, their items and papers, its years and action tracker: every citation of the old slug."""
    with (archive / "moved.yaml").open("a", encoding="utf-8") as moved_yaml:
        moved_yaml.write("/joint/: /jc/\n")
    out = tmp_path / "site"
    assert build(archive, out).ok
    below = sorted(url for url in (f"/{p.parent.relative_to(out).as_posix()}/" for p in (out / "jc").rglob("index.html"))
                   if not url.startswith(OLD) and url != OLD_ACTION)  # those kept at the old meeting's are not pages
    assert len(below) > 5 and "/jc/2019/2019-11-05/papers/05/" in below and "/jc/actions/" in below
    for url in below:
        old = "/joint/" + url[len("/jc/"):]
        assert page(out, old).find("meta", http_equiv="refresh").attrs["content"] == f"0; url={url}", old
    assert (out / "joint/2019/2019-11-05/papers/05/item-05.pdf").read_bytes() == \
        (out / "jc/2019/2019-11-05/papers/05/item-05.pdf").read_bytes()
    redirects = (out / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/joint/2019/2019-11-05/papers/05/item-05.pdf /jc/2019/2019-11-05/papers/05/item-05.pdf 301!" in redirects
    feeds = ["/feeds/bodies/joint.xml /feeds/bodies/jc.xml 301!", "/feeds/bodies/joint.ics /feeds/bodies/jc.ics 301!",
             "/data/actions/joint.csv /data/actions/jc.csv 301!", "/feeds/actions/joint/* /feeds/actions/jc/:splat 301!",
             "/data/actions/joint.json /data/actions/jc.json 301!",  # and the files of the body's data
             "/data/meetings/joint/* /data/meetings/jc/:splat 301!", "/data/minutes/joint/* /data/minutes/jc/:splat 301!"]
    assert set(feeds) <= set(redirects)  # calendar and feed readers follow it and keep the new address
    assert not (out / "feeds/bodies/joint.ics").exists()  # a copy would keep them on the old one
    # the body's pages and file, its feeds, the moved meeting's pages and file, its action's page and feed
    assert len(redirects) == len(below) + 1 + len(feeds) + len(BELOW) + 1 + 2


def test_a_person_whose_id_was_put_right_keeps_their_year_pages_at_the_old_ids_addresses(archive, build, tmp_path):
    """A person's year pages (/people/<id>/<year>/) are cited as their page is: their id put right with one
    line moves every one of them too."""
    with (archive / "moved.yaml").open("a", encoding="utf-8") as moved_yaml:
        moved_yaml.write("/people/ada-lovelac/: /people/ada-lovelace/\n")
    out = tmp_path / "site"
    assert build(archive, out).ok
    for url in ("/people/ada-lovelace/", "/people/ada-lovelace/2019/", "/people/ada-lovelace/2020/"):
        old = "/people/ada-lovelac/" + url[len("/people/ada-lovelace/"):]
        assert page(out, old).find("meta", http_equiv="refresh").attrs["content"] == f"0; url={url}", old
    redirects = (out / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/people/ada-lovelac/2019/ /people/ada-lovelace/2019/ 301!" in redirects


def test_a_minute_moved_by_its_numbers_keeps_its_page_at_the_old_numbers_address(archive, build, tmp_path):
    """The clerk knows the numbers (TB/19/02, first published, is TB/19/20 now), not the addresses."""
    with (archive / "moved.yaml").open("a", encoding="utf-8") as moved_yaml:
        moved_yaml.write("TB/19/02: TB/19/20\n/tb/2019/tb-19-3/: TB / 19/ 21\n")  # spaced, as a PDF gives it
    out = tmp_path / "site"
    assert build(archive, out).ok
    for old, new in (("/tb/2019/tb-19-2/", "/tb/2019/tb-19-20/"), ("/tb/2019/tb-19-3/", "/tb/2019/tb-19-21/")):
        assert page(out, old).find("meta", http_equiv="refresh").attrs["content"] == f"0; url={new}"
        assert f"{old} {new} 301!" in (out / "_redirects").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("line", ["TB/19/02: TB/19/20", "/tb/2019/tb-19-2/: /tb/2019/tb-19-20/"],
                         ids=["numbers", "addresses"])  # the old page's address was made of the old number
def test_a_text_citing_a_minutes_first_number_links_to_the_minute_by_its_number_now(archive, build, tmp_path, line):
    """Minutes written before the correction cite the number first published; moved.yaml says what it is now,
    so the citation links the minute's page (and is listed there) rather than being a broken reference."""
    with (archive / "moved.yaml").open("a", encoding="utf-8") as moved_yaml:
        moved_yaml.write(line + "\n")
    heading = "## TB/19/22 "
    edit(archive, "meetings/tb/2019-06-20/minutes.md", heading, "As minute TB/19/02 recorded.\n\n" + heading)
    out = tmp_path / "site"
    result = build(archive, out)
    assert result.ok and [d for d in result.report.items if "TB/19/02" in d.message] == []
    citing = page(out, "/tb/2019/tb-19-21/")
    assert ("/tb/2019/tb-19-20/", "TB/19/02") in citing.one("div", class_="discussion").links()
    cited = page(out, "/tb/2019/tb-19-20/").one("section", class_="backlinks")
    assert any(href.startswith("/tb/2019/tb-19-21/") for href, _ in cited.links())


def test_the_moved_page_refreshes_at_once_which_wcag_allows():
    """WCAG 2.2.1 and 3.2.5 leave out a redirect with no delay; the gates check the page without its refresh
    (gate_tools.REFRESH), so that pattern must match what the template writes."""
    from gate_tools import REFRESH

    html = (FIXTURE.parent.parent.parent / "templates" / "moved.html").read_text(encoding="utf-8")
    assert re.search(r'<meta http-equiv="refresh" content="0; url=\{\{ site.path \}\}\{\{ new \}\}">', html)
    assert REFRESH.fullmatch('<meta http-equiv="refresh" content="0; url=/jc/2019/2019-11-05/">')
