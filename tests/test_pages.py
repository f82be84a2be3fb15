"""The pages of the fixture site, one test per page type, read as a specification.

Every page is parsed (tests/helpers.py builds a small tree with html.parser) so
that structure is checked where it matters: which list a person is in, which
row of the agenda a paper is linked from, where focus goes first.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urldefrag

import pytest

import generator.render
from generator.model import (AgendaItem, Attendance, Meeting, MinuteItem, Minutes, Movement, Person, PersonRef,
                             Role)
from generator.namesakes import page_names
from generator.pages import in_meeting_order

from helpers import JC_MEETING as JC_MEETING_FILE
from helpers import ALL_CANARIES, edit, html_pages, in_welsh, page, parse_html, read_tree, tab_order, url_of

MEETING = "/tb/2019/2019-03-14/"
LATER_MEETING = "/tb/2019/2019-06-20/"
DRAFT_MEETING = "/tb/2020/2020-01-16/"
JC_MEETING = "/jc/2019/2019-11-05/"
ITEM = "/tb/2019/tb-19-13/"
JC_ITEM = "/jc/2019/2019-11-05/item-5/"
PAPER = "/tb/2019/2019-03-14/papers/a/"
WELSH_PAPER = "/tb/2019/2019-03-14/papers/b/"  # `language: cy`
SITE_TITLE = "Testshire Public Records"


def rows(table):
    """A table's body rows as lists of cell texts (th and td alike)."""
    body = table.find("tbody")
    return [[cell.text for cell in tr.children if not isinstance(cell, str) and cell.tag in ("th", "td")]
            for tr in body.find_all("tr")]


def records(table) -> list[dict[str, str]]:
    """A table's body rows as {column heading: cell text}, so added columns do not break a test."""
    headings = [th.text for th in table.find("thead").find_all("th")]
    return [dict(zip(headings, row)) for row in rows(table)]


def in_order(wanted: list, seen: list) -> bool:
    """`wanted` appears in `seen` in this order (other entries may come between)."""
    position = 0
    for entry in seen:
        if position < len(wanted) and entry == wanted[position]:
            position += 1
    return position == len(wanted)


def section(doc, heading_id: str):
    """The <section> labelled by the heading with this id."""
    return doc.one("section", aria_labelledby=heading_id)


def minute_item(doc, heading_id: str):
    """The minute item on a meeting's page headed by the heading with this id."""
    found = [s for s in doc.find_all("section", class_="minute-item") if s.find("h3").attrs.get("id") == heading_id]
    assert len(found) == 1, f"expected exactly one minute item headed #{heading_id}, found {len(found)}"
    return found[0]


def list_after(doc, heading_id: str):
    """The list that follows the heading with this id (attendance lists are h3 + ul)."""
    heading = doc.one(id=heading_id)
    siblings = [c for c in heading.parent.children if not isinstance(c, str)]
    following = siblings[siblings.index(heading) + 1]
    assert following.tag in ("ul", "p"), f"#{heading_id} is followed by <{following.tag}>"
    return following


def items_text(ul) -> list[str]:
    return [li.text for li in ul.find_all("li")]


# --- every page ---------------------------------------------------------------------------------

def _problems(doc, url: str) -> list[str]:
    problems = []
    html = doc.one("html")
    if html.attrs.get("lang") != "en-GB":
        problems.append(f"<html lang> is {html.attrs.get('lang')!r}, not the site's language en-GB")
    if doc.attrs["doctype"].lower() != "doctype html":
        problems.append("no <!DOCTYPE html>")
    title = doc.find_all("title")
    if len(title) != 1 or not title[0].text.endswith(f"| {SITE_TITLE}") or title[0].text == f"| {SITE_TITLE}":
        problems.append(f"<title> should be 'page | site', is {[t.text for t in title]}")
    h1s = doc.find_all("h1")
    if len(h1s) != 1 or not h1s[0].text:
        problems.append(f"{len(h1s)} <h1> elements (exactly one, with text, is required)")
    focusable = tab_order(doc)
    first = focusable[0] if focusable else None
    if first is None or first.tag != "a" or first.attrs.get("href") != "#main":
        problems.append(f"the first focusable element is {first and (first.tag, first.attrs)}, not the skip link")
    elif "skip" not in first.text.lower():
        problems.append(f"the skip link says {first.text!r}")
    mains = doc.find_all("main")
    if len(mains) != 1 or mains[0].attrs.get("id") != "main":
        problems.append("there must be exactly one <main id=\"main\">")
    for table in doc.find_all("table"):
        elements = [c for c in table.children if not isinstance(c, str)]
        if not elements or elements[0].tag != "caption" or not elements[0].text:
            problems.append(f"a table (line {table.line}) has no caption as its first child")
        for th in table.find_all("th"):
            in_head = any(a.tag == "thead" for a in th.ancestors())
            scope = th.attrs.get("scope")
            if (in_head and scope != "col") or (not in_head and scope not in ("row", "rowgroup")):
                problems.append(f"<th> {th.text!r} (line {th.line}) has scope={scope!r}")
    ids = [n.attrs["id"] for n in doc.iter() if "id" in n.attrs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"ids used more than once: {duplicates}")
    levels = [int(n.tag[1]) for n in doc.iter() if n.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"heading levels skip from h{before} to h{after}")
            break
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}, not the h1")
    for img in doc.find_all("img"):
        if "alt" not in img.attrs:
            problems.append(f"<img src={img.attrs.get('src')!r}> has no alt")
    return [f"{url}: {p}" for p in problems]


def test_every_page_has_the_accessible_page_structure(site):
    """lang, one h1, the skip link first, <main id=main>, captioned tables, unique ids, no skipped heading levels."""
    pages = html_pages(site)
    assert len(pages) >= 35, f"only {len(pages)} pages were written"
    problems = []
    for path in pages:
        problems += _problems(parse_html(path.read_text(encoding="utf-8")), url_of(site, path))
    assert problems == []


def test_the_structure_check_catches_a_broken_layout(archive, build, tmp_path):
    """Control for the test above: a site whose base template lost its skip link, lang and <main id> fails it."""
    base = (Path(generator.render.DEFAULT_TEMPLATES) / "base.html").read_text(encoding="utf-8")
    broken = base.replace('<a class="skip-link" href="#main">Skip to main content</a>', "")
    broken = broken.replace('<html lang="{{ site.language }}">', "<html>").replace('<main id="main"', "<main")
    assert broken != base
    (archive / "templates").mkdir()
    (archive / "templates" / "base.html").write_text(broken, encoding="utf-8")
    assert build(archive, tmp_path / "out").ok
    problems = " ".join(_problems(page(tmp_path / "out", MEETING), MEETING))
    for expected in ("<html lang>", "not the skip link", '<main id="main">'):
        assert expected in problems


def titles_used_twice(site: Path) -> dict[str, list[str]]:
    """Each <title> given to more than one page of the site, with those pages' addresses."""
    seen: dict[str, list[str]] = {}
    for path in html_pages(site):
        seen.setdefault(parse_html(path.read_text(encoding="utf-8")).one("title").text, []).append(url_of(site, path))
    return {title: urls for title, urls in seen.items() if len(urls) > 1}


def test_every_page_has_a_title_of_its_own_where_a_body_numbers_its_items_afresh_at_each_meeting(archive, build,
                                                                                                   tmp_path):
    """WCAG 2.4.2: a page's title says which page it is, in a tab, a bookmark or a history list. The joint
    committee numbers its items from 1 at each meeting, so a second meeting has an item 1 and an Item 05 paper as
    well: their titles were '1 Welcome and apologies' and 'Item 05: Joint public health commissioning' at every
    meeting. A minute's and a paper's title name their meeting."""
    meeting = archive / "meetings" / "jc" / "2019-11-05"
    shutil.copytree(meeting, meeting.with_name("2019-12-03"))
    edit(archive, "meetings/jc/2019-12-03/meeting.md", "date: Tuesday 5th November 2019", "date: Tuesday 3rd December 2019")
    assert build(archive, tmp_path / "out").ok
    out = tmp_path / "out"
    assert titles_used_twice(out) == {}
    assert page(out, "/jc/2019/2019-12-03/item-1/").one("title").text == (
        f"1 Welcome and apologies – Joint Committee, 3 December 2019 | {SITE_TITLE}")
    assert page(out, "/jc/2019/2019-12-03/papers/05/").one("title").text == (
        f"Item 05: Joint public health commissioning – Joint Committee, 3 December 2019 | {SITE_TITLE}")


def test_the_title_check_finds_two_pages_of_one_title(tmp_path):
    """Control for the tests around it: pages that share a title are found, with their addresses."""
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        title = "Minutes" if folder != "c" else "Other"
        (tmp_path / folder / "index.html").write_text(f"<!DOCTYPE html><title>{title}</title>", encoding="utf-8")
    assert titles_used_twice(tmp_path) == {"Minutes": ["/a/", "/b/"]}


def test_the_example_archives_pages_have_titles_of_their_own(tmp_path, build):
    repo = Path(__file__).resolve().parent.parent
    assert build(repo / "content", tmp_path / "out", today=dt.date(2025, 1, 1)).ok
    assert len(html_pages(tmp_path / "out")) > 100
    assert titles_used_twice(tmp_path / "out") == {}


def test_the_fixture_sites_titles_are_all_different_and_name_a_body_where_an_id_alone_would_not(site):
    """An action's id names its meeting's date and item but not its body (2019-11-05/5#1), so two committees
    meeting the same day would share one: its title names the body, as the tracker's does ('JC actions')."""
    assert titles_used_twice(site) == {}
    assert page(site, "/jc/actions/2019-11-05-5-1/").one("title").text == f"JC action 2019-11-05/5#1 | {SITE_TITLE}"
    assert page(site, ITEM).one("title").text == (
        f"TB/19/13 Healthy Weight Strategy 2019 to 2024 – Health and Wellbeing Board, 14 March 2019 | {SITE_TITLE}")


def test_two_people_of_one_name_have_pages_titled_apart_by_their_organisations(archive, build, tmp_path):
    """WCAG 2.4.2: the register's two Councillor Turners given one first name had pages and year pages of one
    title, alike in a tab, a bookmark or a history list. Each names their organisation, as the register gives it;
    a name nobody shares is titled as before."""
    edit(archive, "people.yaml", "frank-turner:\n  name: Frank Turner", "frank-turner:\n  name: Eve Turner")
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "person: Councillor Frank Turner", "person: frank-turner")
    assert build(archive, tmp_path / "out").ok
    out = tmp_path / "out"
    assert titles_used_twice(out) == {}
    assert page(out, "/people/eve-turner/").one("title").text == (
        f"Councillor Eve Turner (Northvale District Council) | {SITE_TITLE}")
    assert page(out, "/people/frank-turner/").one("title").text == (
        f"Councillor Eve Turner (Southvale District Council) | {SITE_TITLE}")
    assert page(out, "/people/frank-turner/2019/").one("title").text == (
        f"Councillor Eve Turner (Southvale District Council) in 2019 | {SITE_TITLE}")
    assert page(out, "/people/frank-turner/").one("h1").text == "Councillor Eve Turner"
    assert page(out, "/people/ada-lovelace/").one("title").text == f"Councillor Ada Lovelace | {SITE_TITLE}"


def test_namesakes_of_one_organisation_are_told_apart_by_their_latest_roles_else_by_their_ids():
    """The first of organisation, latest role and id that differs for every one of them, so that one register
    always gives the same titles, in whatever order it lists them."""
    def smith(pid, *roles, organisation="NHS Testshire"):
        return Person(pid, "Jane Smith", "Dr", organisation=organisation, roles=roles)

    people = [smith("jane-smith", Role("Medical Director", start=dt.date(2019, 4, 1)),
                    Role("Clinical Lead", start=dt.date(2017, 1, 1))),
              smith("jane-smith-gp", Role("GP Lead")), Person("john-smith", "John Smith", "Dr")]
    names = page_names({p.id: p for p in people})
    assert names == {"jane-smith": "Dr Jane Smith (Medical Director)", "jane-smith-gp": "Dr Jane Smith (GP Lead)"}
    assert page_names({p.id: p for p in reversed(people)}) == names
    alike = [smith("jane-smith"), smith("jane-smith-2"), smith("jane-smith-3", organisation="Elsewhere")]
    assert page_names({p.id: p for p in alike}) == {"jane-smith": "Dr Jane Smith (jane-smith)",
                                                     "jane-smith-2": "Dr Jane Smith (jane-smith-2)",
                                                     "jane-smith-3": "Dr Jane Smith (jane-smith-3)"}


def pages_whose_help_differs(site: Path) -> list[str]:
    """The pages whose footer links ('About this archive': the accessibility statement, which says how to ask for
    help) are not those of the site's first page, in its order."""
    def links(path: Path) -> list[tuple[str, str]]:
        return parse_html(path.read_text(encoding="utf-8")).one("nav", aria_label="About this archive").links()

    pages = html_pages(site)
    return [url_of(site, path) for path in pages if links(path) != links(pages[0])]


def test_help_is_in_the_same_place_on_every_page(site):
    """WCAG 3.2.6 consistent help: the way to ask for help, the accessibility statement with its contact
    details, is in the same list in the footer, in the same order, on every page (the moved, not found and search
    pages included)."""
    assert ("/accessibility/", "Accessibility statement") in page(site, "/").one(
        "nav", aria_label="About this archive").links()
    assert pages_whose_help_differs(site) == []


def test_the_help_check_finds_a_page_whose_footer_links_are_in_another_order(tmp_path):
    footer = '<nav aria-label="About this archive"><ul>{}</ul></nav>'
    statement, data = '<li><a href="/accessibility/">Accessibility statement</a></li>', '<li><a href="/data/">Open data</a></li>'
    for folder, links in (("a", data + statement), ("b", data + statement), ("c", statement + data)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(footer.format(links), encoding="utf-8")
    assert pages_whose_help_differs(tmp_path) == ["/c/"]


def test_every_internal_link_leads_to_a_page_and_anchor_that_exist(site):
    """Citable pages must never link to a missing page or a missing #fragment."""
    ids_cache: dict[str, set[str]] = {}

    def ids(url: str) -> set[str] | None:
        if url not in ids_cache:
            path = site / url.strip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
            if not path.is_file():
                return None
            doc = parse_html(path.read_text(encoding="utf-8")) if path.suffix == ".html" else None
            ids_cache[url] = {n.attrs["id"] for n in doc.iter() if "id" in n.attrs} if doc else set()
        return ids_cache[url]

    broken = []
    for path in html_pages(site):
        here = url_of(site, path)
        for node in parse_html(path.read_text(encoding="utf-8")).iter():
            for attr in ("href", "src"):
                target = node.attrs.get(attr)
                if not target or target.startswith(("http://", "https://", "mailto:", "tel:")):
                    continue
                url, fragment = urldefrag(target)
                url = url or here
                assert url.startswith("/"), f"{here}: relative link {target!r} (the site uses root-relative links)"
                found = ids(url)
                if found is None:
                    broken.append(f"{here}: {target} (no such page)")
                elif fragment and fragment not in found:
                    broken.append(f"{here}: {target} (no id {fragment!r} on {url})")
    assert broken == []


def test_only_published_material_has_pages(site):
    """No page for the private meeting, the draft minutes' items or the confidential paper; a page for the rest."""
    urls = {url_of(site, p) for p in html_pages(site)}
    expected = {
        "/", "/archive/", "/archive/2019/", "/archive/2020/", "/search/", "/people/",
        "/tb/", "/tb/2019/", "/tb/2020/", "/jc/", "/jc/2019/",
        MEETING, LATER_MEETING, DRAFT_MEETING, JC_MEETING,
        "/tb/2019/tb-19-12/", ITEM, "/tb/2019/tb-19-14/", "/tb/2019/tb-19-15/",
        "/tb/2019/tb-19-20/", "/tb/2019/tb-19-21/", "/tb/2019/tb-19-22/",
        "/jc/2019/2019-11-05/item-1/", JC_ITEM, "/jc/2019/2019-11-05/item-5-1/",
        PAPER, "/jc/2019/2019-11-05/papers/05/",
        "/tb/actions/", "/tb/actions/tb-19-13-1/", "/tb/actions/tb-19-13-2/", "/tb/actions/tb-19-13-leaflet/",
        "/jc/actions/", "/jc/actions/2019-11-05-5-1/",
        *(f"/people/{p}/" for p in ("ada-lovelace", "brian-okafor", "carol-singh", "dev-patel", "eve-turner",
                                    "frank-turner")),
    }
    assert expected - urls == set(), "pages missing"
    unpublished = {u for u in urls if "private" in u or "tb-19-23" in u or "tb-20-1" in u or "papers/c/" in u
                   or "tb-19-14-1" in u or "tb-20-1-1" in u}
    assert unpublished == set()
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert not [c for c in ALL_CANARIES if c in text], url_of(site, path)


# --- home, archive, year, body, body year -------------------------------------------------------

def test_home_page_lists_bodies_and_recent_meetings_newest_first(site):
    doc = page(site, "/")
    assert doc.one("h1").text == SITE_TITLE
    assert doc.find("div", class_="lead").find("strong").text == "Testshire"  # site description is Markdown
    cards = section(doc, "bodies-heading").find_all("li", class_="card")
    assert [c.find("a").attrs["href"] for c in cards] == ["/jc/", "/tb/"]
    tb = cards[1].text
    assert "3 meetings in the archive, the latest on 16 January 2020" in tb  # the private meeting is not counted
    assert "No upcoming meetings" in section(doc, "upcoming-heading").text
    table = section(doc, "recent-heading").one("table")
    assert table.one("caption").text == "Recent meetings, newest first"
    assert [r[0] for r in rows(table)] == ["16 January 2020", "5 November 2019", "20 June 2019", "14 March 2019"]
    assert [tr.find_all("a")[1].attrs["href"] for tr in table.find("tbody").find_all("tr")] == [
        DRAFT_MEETING, JC_MEETING, LATER_MEETING, MEETING]
    assert records(table)[0]["Records"] == "Agenda"  # the draft minutes are not published, so not announced
    # its action log, which a reader following an action's updates looks for, as much as minutes: a meeting with
    # one and nothing else was "No records yet"
    assert records(table)[2]["Records"] == "Agenda, minutes, action log"
    assert records(table)[3]["Records"] == "Agenda, minutes, 2 papers"  # the confidential paper is not counted


def test_home_page_upcoming_meetings_are_measured_from_the_build_date(archive, build, tmp_path):
    result = build(archive, tmp_path / "out", today=dt.date(2019, 10, 1))
    assert result.ok
    doc = parse_html((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    upcoming = section(doc, "upcoming-heading").one("table")
    assert upcoming.one("caption").text == "Upcoming meetings, soonest first"
    assert [r[0] for r in rows(upcoming)] == ["5 November 2019", "16 January 2020"]
    recent = section(doc, "recent-heading").one("table")
    assert [r[0] for r in rows(recent)] == ["20 June 2019", "14 March 2019"]


def test_archive_page_counts_published_meetings_by_year(site):
    doc = page(site, "/archive/")
    assert doc.one("h1").text == "Archive"
    years = doc.one("ul", class_="year-list")
    assert items_text(years) == ["2020: 1 meeting", "2019: 3 meetings"]
    assert [href for href, _ in years.links()] == ["/archive/2020/", "/archive/2019/"]


def test_year_page_lists_every_body_meeting_in_date_order(site):
    doc = page(site, "/archive/2019/")
    assert doc.one("h1").text == "Meetings in 2019"
    table = doc.one("table")
    assert table.one("caption").text == "Meetings in 2019, in date order"
    assert [th.text for th in table.find("thead").find_all("th")] == ["Date", "Body", "Meeting", "Records"]
    assert [(r[0], r[1]) for r in rows(table)] == [("14 March 2019", "TB"), ("20 June 2019", "TB"),
                                                    ("5 November 2019", "JC")]
    assert [href for href, _ in table.links() if href.count("/") > 2] == [MEETING, LATER_MEETING, JC_MEETING]


def test_body_page_describes_the_body_and_lists_its_meetings_by_year(site):
    doc = page(site, "/tb/")
    assert doc.one("h1").text == "Testshire Health and Wellbeing Board"
    facts = doc.one("dl", class_="facts")
    pairs = dict(zip([dt_.text for dt_ in facts.find_all("dt")], [dd.text for dd in facts.find_all("dd")]))
    assert pairs["Short name"] == "TB"
    assert pairs["Type"] == "Board"
    assert pairs["Member organisations"] == "Testshire County Council; Testshire Clinical Commissioning Group"
    assert pairs["Usual venue"] == "Council Chamber, County Hall, Testshire, TS1 1AA"
    assert pairs["Minute numbers"] == "TB/YY/N"
    assert ("https://www.testshire.example/hwb/attend", "how to attend") in section(doc, "about-heading").links()
    members = section(doc, "members-heading").one("table")
    assert members.one("caption").text == ("Members of the TB, and their attendance at the meetings held while they "
                                           "were members whose minutes record attendance")
    # Two meetings record attendance; the private session, where both were present too, is not counted
    assert rows(members) == [
        ["Councillor Ada Lovelace", "Chair", "Testshire County Council", "from 1 May 2018", "Present at 2 of 2 meetings"],
        ["Dr Carol Singh", "Director of Public Health", "", "from 1 January 2017 to 31 December 2019",
         "Present at 2 of 2 meetings"],
        ["Harriet Quill", "Voluntary sector representative", "", "", "Not counted: not in the people register"],
    ]
    assert members.find("th", scope="row").find("a").attrs["href"] == "/people/ada-lovelace/"
    meetings = section(doc, "meetings-heading")
    assert [h.text for h in meetings.find_all("h3")] == ["2020", "2019"]
    assert [href for href, _ in meetings.links()] == [
        "/tb/2020/", DRAFT_MEETING, "/tb/2019/", LATER_MEETING, MEETING]
    assert ("/tb/actions/", "Actions tracker for TB") in doc.one("main").links()


def test_a_body_page_lists_its_latest_three_years_meetings_and_links_each_earlier_years_page(tmp_path):
    """Listing every meeting a body ever held made its page grow with the archive: 91 KB and 1,511 elements for
    590 meetings. The years before the latest three are a link each to the year's page, which lists them."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is run from the repository
    from benchmarks.synthetic import Spec, generate
    from generator.build import Options, run

    content, out = tmp_path / "content", tmp_path / "site"
    generate(content, Spec(meetings=60, bodies=1))
    assert run(Options(content=content, out=out, today=dt.date(2030, 1, 1), search=False)).ok
    slug = next((content / "meetings").iterdir()).name
    held = sorted(p.name for p in (content / "meetings" / slug).iterdir())
    years = sorted({folder[:4] for folder in held}, reverse=True)
    assert len(years) > 3, "control: the body met in more than three years"
    meetings = section(page(out, f"/{slug}/"), "meetings-heading")
    assert [h.text for h in meetings.find_all("h3")] == [*years[:3], "Earlier years"]
    listed = [href for href, _ in meetings.links() if href.count("/") > 3]
    assert listed == [f"/{slug}/{f[:4]}/{f}/" for f in reversed(held) if f[:4] in years[:3]]
    earlier = list_after(page(out, f"/{slug}/"), "earlier-years")
    assert [href for href, _ in earlier.links()] == [f"/{slug}/{year}/" for year in years[3:]]
    for year in years[3:]:
        assert f"{sum(f[:4] == year for f in held)} meeting" in earlier.text
        page(out, f"/{slug}/{year}/")


def test_a_persons_page_lists_their_latest_three_years_and_a_page_for_each_year_they_have_records_in(tmp_path):
    """Listing every meeting, paper, declaration and action of a person made their page grow with the archive
    (1.76 MB and 42,471 elements for one person at 10,000 meetings). Their page keeps who they are and every
    open action they own, lists each year they have records in with what it holds, linked to that year's page,
    and lists the records of the latest three years only; a year's page lists that year's records."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is run from the repository
    from benchmarks.synthetic import Spec, generate
    from generator.build import Options, run

    content, out = tmp_path / "content", tmp_path / "site"
    generate(content, Spec(meetings=60, bodies=1, close_rate=0.05))  # actions left open for years
    assert run(Options(content=content, out=out, today=dt.date(2030, 1, 1), search=False)).ok

    def table_rows(doc, heading_id):
        found = doc.find_all("section", aria_labelledby=heading_id)
        return [tuple(row) for row in rows(found[0].one("table"))] if found and found[0].find_all("table") else []

    seen = {"earlier meetings": 0, "papers": 0, "open actions of earlier years": 0, "closed actions": 0}
    for pid in sorted(p.name for p in (out / "people").iterdir() if p.is_dir()):
        years = sorted((p.name for p in (out / "people" / pid).iterdir() if p.is_dir()), reverse=True)
        doc = page(out, f"/people/{pid}/")
        by_year = {year: page(out, f"/people/{pid}/{year}/") for year in years}
        # each year's page holds that year's meetings, papers, declarations and actions, and says where it is
        for position, (year, year_doc) in enumerate(by_year.items()):
            assert year_doc.one("h1").text == f"{doc.one('h1').text} in {year}"
            crumbs = year_doc.one("nav", aria_label="Breadcrumb")
            assert crumbs.find_all("a")[-1].attrs.get("aria-current") == "page"
            assert (f"/people/{pid}/", doc.one("h1").text) in crumbs.links()
            # and leads to the years either side, and back to every year
            earlier = years[position + 1:position + 2]
            later = years[position - 1:position] if position else []
            assert [href for href, _ in year_doc.one("nav", class_="pager").links()] == \
                [f"/people/{pid}/{y}/" for y in earlier] + [f"/people/{pid}/#years"] + \
                [f"/people/{pid}/{y}/" for y in later]
            assert all(row[0].endswith(year) for row in table_rows(year_doc, "meetings"))
            assert any(table_rows(year_doc, kind) for kind in ("meetings", "papers", "declarations", "actions"))
        # their page lists every year, newest first, with what it holds, each linked to its page
        if years:
            listed = section(doc, "years").one("ul")
            assert [href for href, _ in listed.links()] == [f"/people/{pid}/{year}/" for year in years]
            for item, year in zip(listed.find_all("li"), years):
                for kind, word in (("meetings", "meeting"), ("papers", "paper"), ("actions", "action")):
                    count = len(table_rows(by_year[year], kind))
                    assert (f"{count} {word}" in item.text) == bool(count), (pid, item.text)
        # and the records of the latest three years only, as their pages list them
        for kind in ("meetings", "papers", "declarations"):
            assert table_rows(doc, kind) == [row for year in years[:3] for row in table_rows(by_year[year], kind)]
        seen["earlier meetings"] += sum(len(table_rows(by_year[year], "meetings")) for year in years[3:])
        seen["papers"] += len(table_rows(doc, "papers"))
        # every open action, whatever the year it was raised in, and those closed in the latest three years
        actions = {row for year in years for row in table_rows(by_year[year], "actions")}
        opened = set(table_rows(doc, "actions"))
        assert opened == {row for row in actions if "Closed" not in row[-1]}
        assert set(table_rows(doc, "closed-actions")) == {
            row for row in actions if "Closed" in row[-1] and row[-1][-4:] in years[:3]}
        seen["open actions of earlier years"] += sum(row[1][-4:] < years[2] for row in opened if len(years) > 3)
        seen["closed actions"] += len(table_rows(doc, "closed-actions"))
    assert all(seen.values()), f"control: the archive has each kind of record {seen}"


def test_a_members_attendance_counts_the_meetings_held_while_a_member_and_their_apologies(archive, build, tmp_path):
    edit(archive, "bodies/tb.md", "    to: 2019-12-31\n", "    to: 2019-04-30\n  - person: dev-patel\n"
         "  - person: eve-turner\n    from: 2019-04-01\n  - person: brian-okafor\n    from: 2020-01-01\n")
    assert build(archive, tmp_path / "site").ok
    members = section(page(tmp_path / "site", "/tb/"), "members-heading").one("table")
    assert {row[0]: row[-1] for row in rows(members)} == {
        "Councillor Ada Lovelace": "Present at 2 of 2 meetings",
        "Dr Carol Singh": "Present at 1 of 1 meeting",  # left before June
        "Mr Dev Patel": "Present at 0 of 2 meetings; apologies for 2; a substitute attended 1",
        "Councillor Eve Turner": "Present at 0 of 1 meeting; apologies for 1; a substitute attended 1",  # from April
        "Mr Brian Okafor": "No meeting recorded while a member",  # the January 2020 meeting records no attendance
        "Harriet Quill": "Not counted: not in the people register"}
    # and each member's own page, beside the membership
    assert items_text(section(page(tmp_path / "site", "/people/dev-patel/"), "memberships").find("ul")) == [
        "Testshire Health and Wellbeing Board. Present at 0 of 2 meetings; apologies for 2; a substitute attended 1"]


def test_a_substitute_member_is_counted_at_the_meetings_they_attended_not_as_absent_from_the_rest(archive, build,
                                                                                                 tmp_path):
    """A substitute stands in for a member who cannot come, and is expected at no meeting: their entry said
    "Present at 0 of 2 meetings" of one who stood in at both. A co-opted member, non-voting or not, is expected at
    each, as a member is, and is counted so."""
    edit(archive, "bodies/tb.md", "  - name: Harriet Quill\n", "  - person: frank-turner\n    role: Substitute member\n"
         "  - person: brian-okafor\n    role: Co-opted Member (non-voting)\n  - name: Harriet Quill\n")
    edit(archive, "meetings/tb/2019-06-20/meeting.md", "present: [ada-lovelace, carol-singh, frank-turner]",
         "present: [ada-lovelace, carol-singh]")
    edit(archive, "meetings/tb/2019-06-20/meeting.md", "    - name: Sam Rivers\n",
         "    - person: frank-turner\n")  # for eve-turner; present in March
    assert build(archive, tmp_path / "site").ok
    members = {row[0]: row[-1] for row in rows(section(page(tmp_path / "site", "/tb/"), "members-heading").one("table"))}
    assert members["Councillor Frank Turner"] == "Attended 2 meetings as a substitute"
    assert members["Mr Brian Okafor"] == "Present at 0 of 2 meetings"
    assert items_text(section(page(tmp_path / "site", "/people/frank-turner/"), "memberships").find("ul")) == [
        "Testshire Health and Wellbeing Board: Substitute member. Attended 2 meetings as a substitute"]


def test_a_body_whose_minutes_record_no_attendance_shows_no_attendance_column(archive, build, tmp_path):
    edit(archive, "bodies/jc.md", "organisations:", "members:\n  - person: eve-turner\norganisations:")
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "  present: [eve-turner, ada-lovelace, frank-turner]\n", "")
    assert build(archive, tmp_path / "site").ok
    members = section(page(tmp_path / "site", "/jc/"), "members-heading").one("table")
    assert members.one("caption").text == "Members of the JC"
    assert [th.text for th in members.find("thead").find_all("th")] == ["Name"]  # nor columns for what is not given


def test_members_given_no_dates_have_no_empty_dates_column(archive, build, tmp_path):
    """A synthetic archive's members, like the example's, are given a role and an organisation but no dates:
    every body page had a Dates column with nothing in it."""
    edit(archive, "bodies/jc.md", "organisations:",
         "members:\n  - person: eve-turner\n    role: Chair\n    organisation: Testshire County Council\norganisations:")
    assert build(archive, tmp_path / "site").ok
    members = section(page(tmp_path / "site", "/jc/"), "members-heading").one("table")
    assert [th.text for th in members.find("thead").find_all("th")] == ["Name", "Role", "Organisation", "Attendance"]
    assert rows(members) == [["Councillor Eve Turner", "Chair", "Testshire County Council", "Present at 1 of 1 meeting"]]


def test_per_meeting_body_page_says_how_it_numbers_minutes(site):
    doc = page(site, "/jc/")
    facts = doc.one("dl", class_="facts")
    assert "Numbered afresh at each meeting" in facts.text
    assert "Joint committee" in facts.text


def test_body_year_page_lists_that_years_meetings_of_the_body(site):
    doc = page(site, "/tb/2019/")
    assert doc.one("h1").text == "Testshire Health and Wellbeing Board: meetings in 2019"
    table = doc.one("table")
    assert table.one("caption").text == "TB meetings in 2019"
    assert [th.text for th in table.find("thead").find_all("th")] == ["Date", "Meeting", "Records"]
    assert [href for href, _ in table.links()] == [MEETING, LATER_MEETING]  # not the private session
    assert rows(table)[1][1] == "TB meeting on 20 June 2019"  # no title: "<short name> meeting"; the date hidden
    # The date is each row's header, and in each link too: the meetings of a body share a title (WCAG 2.4.4)
    assert [th.text for th in table.find("tbody").find_all("th")] == ["14 March 2019", "20 June 2019"]
    assert table.find("tbody").find_all("a")[0].one("span", class_="visually-hidden").text == "on 14 March 2019"


# --- meeting ------------------------------------------------------------------------------------

def test_meeting_page_heading_and_facts(site):
    doc = page(site, MEETING)
    assert doc.one("h1").text == ("Testshire Health and Wellbeing Board Health and Wellbeing Board, "
                                  "Thursday 14 March 2019")
    facts = doc.one("dl", class_="facts")
    pairs = dict(zip([d.text for d in facts.find_all("dt")], [d.text for d in facts.find_all("dd")]))
    assert pairs["Time"] == "14:00 to 16:30"  # end: 4.30pm
    assert pairs["Venue"] == "Council Chamber, County Hall, Testshire, TS1 1AA"  # the body's default
    assert pairs["Chair"] == "Councillor Ada Lovelace"
    assert pairs["Quorate"] == "Yes"
    assert pairs["Session"] == "Public"
    assert pairs["Type of meeting"] == "Ordinary"
    assert pairs["Minutes"] == "Approved at the TB meeting, 20 June 2019"
    assert ("/tb/2019/2019-06-20/", "TB meeting, 20 June 2019") in facts.links()
    webcast = "https://webcast.testshire.example/hwb/2019-03-14"
    assert (webcast, webcast) in facts.links()
    assert facts.find("time").attrs["datetime"] == "2019-03-14"
    later = dict(zip(*[[d.text for d in page(site, LATER_MEETING).one("dl", class_="facts").find_all(t)]
                       for t in ("dt", "dd")]))
    assert later["Venue"] == "Committee Room 1, County Hall"  # the meeting's own venue wins
    assert later["Quorate"] == "No"
    assert later["Time"] == "14:00"  # start: 2pm, no end
    assert later["Chair"] == "Councillor Ada Lovelace"  # written as "Councillor Lovelace"


def test_meeting_page_attendance_has_every_list(site):
    doc = page(site, MEETING)
    attendance = section(doc, "attendance")
    assert [h.text for h in attendance.find_all("h3")] == [
        "Present", "In attendance", "Deputising", "Apologies", "Absent", "Minutes taken by", "Public gallery",
        "Arrivals and departures"]
    present = list_after(doc, "present")
    assert items_text(present) == ["Councillor Ada Lovelace, Chair", "Dr Carol Singh, Director of Public Health",
                                   "Councillor Eve Turner", "Councillor Frank Turner, Southvale District Council"]
    # "Dr C Singh" (an alias) and "Councillor Frank Turner" (honorific + name) resolve to register entries
    assert [href for href, _ in present.links()] == [
        "/people/ada-lovelace/", "/people/carol-singh/", "/people/eve-turner/", "/people/frank-turner/"]
    in_attendance = list_after(doc, "in-attendance")
    assert items_text(in_attendance) == ["Mr Brian Okafor, Head of Commissioning (for item TB/19/13)"]
    assert in_attendance.links()[0] == ("/people/brian-okafor/", "Mr Brian Okafor")  # "Mr Okafor"
    assert items_text(list_after(doc, "deputising")) == [
        "Priya Shah, Healthwatch volunteer (deputising for Mr Dev Patel)"]
    assert list_after(doc, "deputising").links() == [("/people/dev-patel/", "Mr Dev Patel")]
    assert items_text(list_after(doc, "apologies")) == ["Mr Dev Patel"]
    assert items_text(list_after(doc, "absent")) == ["Oliver Quigley (no apologies received)"]
    assert list_after(doc, "absent").links() == []  # free text, not in the register
    assert items_text(list_after(doc, "minute-taker")) == ["Grace Hopper, Democratic Services Officer"]
    assert list_after(doc, "public-gallery").text == "Three members of the public"
    # in the order of the items they happened at, where meeting.md writes Councillor Turner's departure first
    assert items_text(list_after(doc, "arrivals-and-departures")) == [
        "Mr Brian Okafor joined the meeting during item TB/19/13.",
        "Councillor Eve Turner left the meeting during item TB/19/14 (to attend another meeting).",
    ]
    later = page(site, LATER_MEETING)
    assert items_text(list_after(later, "apologies")) == ["Councillor Eve Turner", "Mr Dev Patel (on leave)"]
    assert items_text(list_after(later, "deputising")) == ["Sam Rivers (deputising for Councillor Eve Turner)"]
    assert later.find_all(id="in-attendance") == [] and later.find_all(id="public-gallery") == []


def test_a_public_gallery_written_as_a_number_says_whom_it_counts(site):
    """`public: "2"` read "Public gallery 2" under its heading: a number, not what it counts."""
    assert list_after(page(site, JC_MEETING), "public-gallery").text == "2 members of the public"


@pytest.mark.parametrize("written, said", [("1", "1 member of the public"), ("0", "No members of the public"),
                                           (" 12 ", "12 members of the public"), ("About 20", "About 20")])
def test_a_public_gallery_of_one_or_none_is_said_in_words_and_text_as_written(written, said):
    assert Attendance(public=written).gallery == said


def test_arrivals_and_departures_are_listed_in_the_order_the_meeting_took_their_items():
    """Item 6 was taken after item 7, as the minutes record it; item 6.1, on the agenda alone, goes with item 6;
    a movement during no item of the meeting goes last; two during one item stay as written."""
    agenda = (AgendaItem("5", "Budget"), AgendaItem("6", "Plan", items=(AgendaItem("6.1", "Annex"),)),
              AgendaItem("7", "Report"))
    minutes = Minutes("approved", items=(MinuteItem("5", "Budget"), MinuteItem("7", "Report"), MinuteItem("6", "Plan")))
    written = [("Ann", "6.1"), ("Bob", ""), ("Cy", "7"), ("Di", "6."), ("Ed", "5"), ("Flo", "99"), ("Gus", "7")]
    meeting = Meeting("tb", "2019-03-14", dt.date(2019, 3, 14), "Board", agenda=agenda, minutes=minutes,
                      attendance=Attendance(movements=tuple(Movement(PersonRef(who), "left", item)
                                                            for who, item in written)))
    assert [move.who.name for move in in_meeting_order(meeting)] == ["Ed", "Cy", "Gus", "Di", "Ann", "Bob", "Flo"]


def test_meeting_page_agenda_table_with_sections_sub_items_and_papers(site):
    doc = page(site, MEETING)
    table = section(doc, "agenda").one("table")
    assert table.one("caption").text == "Agenda for Thursday 14 March 2019"
    head = table.find("thead").find_all("th")
    assert [th.text for th in head] == ["Item", "Time", "Business", "Presenter", "Paper"]
    assert {th.attrs.get("scope") for th in head} == {"col"}
    sections = [th.text for th in table.find_all("th", scope="rowgroup")]
    assert sections == ["Opening business", "Items for decision", "Closing business"]
    item_rows = [tr for tr in table.find("tbody").find_all("tr") if tr.find_all("th", scope="row")]
    assert [tr.find("th").text for tr in item_rows] == ["TB/19/12", "TB/19/13", "13.1", "13.2", "TB/19/14",
                                                        "TB/19/15"]
    assert [("agenda-sub" in tr.classes) for tr in item_rows] == [False, False, True, True, False, False]
    strategy = item_rows[1]
    cells = [c for c in strategy.children if not isinstance(c, str)]
    assert cells[1].text == "14:10"  # time: 2.10pm
    assert "To approve; Attached" in cells[2].text
    assert cells[2].find("strong").text == "approve"  # description is Markdown
    assert cells[3].links() == [("/people/carol-singh/", "Dr Carol Singh")]
    assert cells[4].links() == [(PAPER, "Paper A")]
    assert ("#item-tb-19-13", "Minute TB/19/13") in cells[2].links()
    private = [c for c in item_rows[4].children if not isinstance(c, str)]
    assert "Property matter" in private[2].text and "Considered in private" in private[2].text
    assert private[4].text == "" and private[4].links() == []  # its confidential paper is not shown


def test_an_agenda_without_times_presenters_or_papers_has_no_empty_columns(site):
    """Every agenda of a synthetic archive had a Presenter column with nothing in it, read out cell by cell."""
    table = section(page(site, LATER_MEETING), "agenda").one("table")
    assert [th.text for th in table.find("thead").find_all("th")] == ["Item", "Business"]
    assert {len([c for c in tr.children if not isinstance(c, str)]) for tr in table.find("tbody").find_all("tr")} == {2}


def test_a_meeting_without_a_title_is_cited_by_its_bodys_short_name_once(site):
    """Its title is the body's short name and "meeting", which the citation gave after the short name again:
    "TB: TB meeting"."""
    assert page(site, LATER_MEETING).one("p", class_="cite").text == (
        "Cite this meeting as: TB meeting, Thursday 20 June 2019, https://records.testshire.example/tb/2019/2019-06-20/")


def test_meeting_page_minutes_have_item_anchors_resolutions_leads_and_actions(site):
    doc = page(site, MEETING)
    # how to cite the meeting, as its items', papers' and actions' pages say how to cite them
    assert doc.one("p", class_="cite").text == (
        "Cite this meeting as: TB: Health and Wellbeing Board, Thursday 14 March 2019, "
        "https://records.testshire.example/tb/2019/2019-03-14/")
    minutes = section(doc, "minutes")
    items = minutes.find_all("section", class_="minute-item")
    anchors = [s.find("h3").attrs["id"] for s in items]
    assert anchors == ["item-tb-19-12", "item-tb-19-13", "item-tb-19-14", "item-tb-19-15"]
    # headed by their headings, but no landmarks each (test_browser.py: a meeting's landmarks are its parts)
    assert [s.attrs.get("aria-labelledby") for s in items] == [None] * 4
    assert [s.find("h3").text for s in items] == [
        "TB/19/12 Apologies and declarations of interest", "TB/19/13 Healthy Weight Strategy 2019 to 2024",
        "TB/19/14 Property matter", "TB/19/15 Any other business"]
    for item, url in zip(items, ["/tb/2019/tb-19-12/", ITEM, "/tb/2019/tb-19-14/", "/tb/2019/tb-19-15/"]):
        assert url in [href for href, _ in item.links()], f"no link from the meeting page to {url}"

    declarations = items[0].one("div", class_="declarations")
    # its type after the name, as the body's list of types spells it
    assert declarations.find("li").text.startswith("Councillor Ada Lovelace (Other registrable interest): Trustee of "
                                                   "Testshire Food Bank")
    assert "(Remained in the meeting and took part in the discussion)" in declarations.text

    strategy = items[1]
    assert strategy.one("p", class_="leads").text == "Lead responsible: Dr Carol Singh and Mr Brian Okafor"
    assert strategy.one("p", class_="item-papers").links() == [
        (PAPER, "Paper A: Healthy Weight Strategy 2019 to 2024")]
    assert [h.tag for h in strategy.find("div", class_="discussion").find_all("h4")] == ["h4"]  # ### -> h4
    resolved = strategy.one("div", class_="resolution")
    assert items_text(resolved.find("ul")) == ["APPROVE the Healthy Weight Strategy 2019 to 2024.",
                                               "NOTE the results of the public consultation."]
    actions = items_text(strategy.one("div", class_="actions-raised").find("ul"))
    assert actions == [
        "Action TB/19/13#1: Publish the approved strategy on the council website. "
        "Owner: Dr Carol Singh. Due: 30 April 2019.",
        "Action TB/19/13#2: Report progress on the school meals pilot to the board. Owners: Mr Brian Okafor and JC. "
        "Due: September 2019 (revised; originally June 2019).",
        "Action TB/19/13#leaflet: Produce an easy-read leaflet about the strategy. "
        "Owner: Healthwatch Testshire. Due: next meeting (20 June 2019).",
    ]
    action_links = strategy.one("div", class_="actions-raised").links()
    assert ("/tb/actions/tb-19-13-1/", "Action TB/19/13#1") in action_links
    assert ("/jc/", "JC") in action_links  # an action owned by a body links to the body
    assert strategy.find("time", datetime="2019-04-30").text == "30 April 2019"

    private = items[2]
    assert private.one("p", class_="private-note").text == (
        "Considered in private. Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972")
    assert private.find_all("div", class_="discussion") == []
    assert private.find_all("div", class_="resolution") == []
    assert private.find_all("p", class_="leads") == []


def test_meeting_page_lists_public_papers_notes_and_neighbouring_meetings(site):
    doc = page(site, MEETING)
    assert section(doc, "papers").links() == [(PAPER, "Paper A: Healthy Weight Strategy 2019 to 2024"),
                                              (WELSH_PAPER, "Paper B: Strategaeth Pwysau Iach 2019 i 2024")]
    assert "The next meeting will be held on 20 June 2019." in section(doc, "notes").text
    pager = doc.one("nav", class_="pager")
    assert pager.links() == [(LATER_MEETING, "Next meeting: 20 June 2019")]
    assert pager.find("a").attrs["rel"] == "next"
    later_pager = page(site, LATER_MEETING).one("nav", class_="pager")
    assert [a.attrs.get("rel") for a in later_pager.find_all("a")] == ["prev", "next"]
    assert [href for href, _ in later_pager.links()] == [MEETING, DRAFT_MEETING]  # the private session is skipped
    # the joint committee's only meeting: no empty navigation landmark
    assert page(site, "/jc/2019/2019-11-05/").find_all("nav", class_="pager") == []
    toc = [href for href, _ in doc.one("nav", class_="toc").links()]
    assert in_order(["#attendance", "#agenda", "#minutes", "#papers", "#notes"], toc), toc
    assert all(doc.find_all(id=href[1:]) for href in toc), "every contents entry has its target"


def test_meeting_page_action_log_shows_progress_revised_due_dates_and_closures(site):
    doc = page(site, LATER_MEETING)
    log = section(doc, "action-log")
    assert "Progress as at Thursday 13 June 2019." in log.text
    table = log.one("table")
    assert table.one("caption").text == "Action log presented on Thursday 20 June 2019"
    logged = {r["Action"].split(":")[0]: r for r in records(table)}
    assert sorted(logged) == ["TB/19/13#1", "TB/19/13#2", "TB/19/13#leaflet"]  # not the confidential action
    assert logged["TB/19/13#2"]["Due"] == "September 2019 (revised)"
    assert logged["TB/19/13#2"]["Progress"] == "The pilot is delayed until the autumn term."
    assert logged["TB/19/13#2"]["Status"] == "Amber"
    assert logged["TB/19/13#1"]["Status"] == "Green, Closed"
    assert logged["TB/19/13#1"]["Due"] == "30 April 2019"
    assert logged["TB/19/13#leaflet"]["Status"] == "Not started"
    assert logged["TB/19/13#2"]["Owner"] == "Mr Brian Okafor and JC"
    assert ("/tb/actions/tb-19-13-2/", "TB/19/13#2") in table.links()
    assert table.find("span", class_="status-amber").text == "Amber"


def test_meeting_with_draft_minutes_shows_its_agenda_but_not_the_minutes(site):
    doc = page(site, DRAFT_MEETING)
    facts = doc.one("dl", class_="facts")
    assert dict(zip([d.text for d in facts.find_all("dt")], [d.text for d in facts.find_all("dd")]))[
        "Minutes"] == "Not published"
    assert doc.find_all(id="minutes") == []
    assert [tr.find("th").text for tr in section(doc, "agenda").find("tbody").find_all("tr")] == ["TB/20/1"]
    assert doc.find_all(class_="draft-flag") == []


# --- minute items -------------------------------------------------------------------------------

def test_item_page_at_its_citable_address_links_back_to_the_meeting(site):
    doc = page(site, ITEM)
    assert doc.one("h1").text == "TB/19/13 Healthy Weight Strategy 2019 to 2024"
    context = doc.one("p", class_="context")
    assert (MEETING, "Health and Wellbeing Board, 14 March 2019") in context.links()
    all_minutes = [href for href, text in doc.one("nav", class_="pager").links() if text == "All minutes of this meeting"]
    assert all_minutes == [MEETING + "#item-tb-19-13"]
    assert page(site, MEETING).one(id="item-tb-19-13").tag == "h3"  # the anchor it links to exists
    assert ITEM in [href for href, _ in page(site, MEETING).links()]  # and the meeting links here
    assert doc.one("p", class_="leads").text == "Lead responsible: Dr Carol Singh and Mr Brian Okafor"
    assert items_text(doc.one("div", class_="resolution").find("ul"))[0] == (
        "APPROVE the Healthy Weight Strategy 2019 to 2024.")
    assert doc.one("div", class_="resolution").find("h2").text == "Resolved"  # one level below the h1
    assert doc.one("div", class_="discussion").find("h2").text == "Consultation"
    assert doc.one("p", class_="item-papers").links() == [(PAPER, "Paper A: Healthy Weight Strategy 2019 to 2024")]
    pager = doc.one("nav", class_="pager")
    assert [(a.attrs.get("rel"), a.attrs["href"]) for a in pager.find_all("a") if a.attrs.get("rel")] == [
        ("prev", "/tb/2019/tb-19-12/"), ("next", "/tb/2019/tb-19-14/")]
    canonical = doc.one("link", rel="canonical")
    assert canonical.attrs["href"] == "https://records.testshire.example/tb/2019/tb-19-13/"


def test_the_item_pager_goes_through_the_minutes_in_the_order_the_meetings_page_gives_them(archive, build, tmp_path):
    """Sub-items (5.1, 8.1), lettered items (3a) and items written out of number order (9 before 8, 8.2 before 8.1)
    all come in the order the minutes have them, on the meeting's page and from item to item alike."""
    with open(archive / "meetings/jc/2019-11-05/minutes.md", "a", encoding="utf-8") as minutes:
        minutes.write("".join(f"\n## {number} Item {number}\n\nNoted.\n" for number in
                              ("3a", "3b", "9", "8", "8.2", "8.1")))
    assert build(archive, tmp_path / "out").ok
    meeting = page(tmp_path / "out", JC_MEETING)
    listed = [(href, text.removeprefix("Page for item ")) for href, text in meeting.links()
              if text.startswith("Page for item ")]
    assert [number for _, number in listed] == ["1", "5", "5.1", "7", "3a", "3b", "9", "8", "8.2", "8.1"]
    hrefs = [href for href, _ in listed]
    for position, href in enumerate(hrefs):
        pager = page(tmp_path / "out", href).one("nav", class_="pager")
        assert [(a.attrs["rel"], a.attrs["href"]) for a in pager.find_all("a") if a.attrs.get("rel")] == \
            ([("prev", hrefs[position - 1])] if position else []) + \
            ([("next", hrefs[position + 1])] if position + 1 < len(hrefs) else []), href


def test_an_item_page_says_how_to_cite_the_minute_in_full_and_search_does_not_read_it(site):
    """As its meeting's and papers' pages do: a scrutiny officer of another body, citing the minute, had its
    body's short name and number alone, without the body's name or what the minute was about."""
    cite = page(site, ITEM).one("p", class_="cite")
    assert cite.text == (
        "Cite this item as: Testshire Health and Wellbeing Board (TB) minute TB/19/13, Healthy Weight Strategy 2019 "
        "to 2024, Thursday 14 March 2019, https://records.testshire.example/tb/2019/tb-19-13/")
    assert "data-pagefind-ignore" in cite.attrs
    assert page(site, JC_ITEM).one("p", class_="cite").text.startswith(
        "Cite this item as: Testshire and Northvale Joint Committee (JC) minute 5, Joint public health commissioning, ")


def under(root, text: str) -> str:
    """The text of the heading that `text` (the start of a paragraph) comes under, in document order."""
    heading = None
    for node in root.iter():
        if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            heading = node
        elif node.tag == "p" and node.text.startswith(text):
            return heading.text
    raise AssertionError(f"no paragraph starting {text!r}")


def test_a_minutes_opening_text_comes_under_the_minutes_own_heading_not_its_declarations_of_interest(site):
    """TB/19/12's declaration is listed before its text, as made when the item opened: the text is the minute's,
    in the outline a screen reader moves by, not a part of "Declarations of interest"."""
    opening = "Apologies were received from Mr Patel"
    assert under(page(site, MEETING).one("main"), opening) == "TB/19/12 Apologies and declarations of interest"
    item = page(site, "/tb/2019/tb-19-12/").one("main")
    assert under(item, opening) == "TB/19/12 Apologies and declarations of interest"
    declarations = item.one("div", class_="declarations")
    assert declarations.find_all("h2") == [] and declarations.one("p", id="declarations").text == (
        "Declarations of interest:")
    assert declarations.one("ul").attrs["aria-labelledby"] == "declarations"  # the list is named by it


def test_an_action_due_at_the_next_meeting_gives_that_meetings_date_where_its_minute_lists_it(site):
    """As the tracker and the action's page give it: a reader of the minute was told "next meeting" with no date,
    where the tracker counted it overdue from 20 June 2019."""
    # (the minute's own page says it is overdue at the build date; the meeting's "Actions raised" table does)
    for url, listed, overdue in ((ITEM, lambda doc: doc, ", Overdue"),
                                 (MEETING, lambda doc: minute_item(doc, "item-tb-19-13"), "")):
        actions = listed(page(site, url)).one("div", class_="actions-raised")
        assert items_text(actions.find("ul"))[2] == ("Action TB/19/13#leaflet: Produce an easy-read leaflet about the "
                                                     "strategy. Owner: Healthwatch Testshire. Due: next meeting "
                                                     f"(20 June 2019){overdue}.")
        assert actions.find("time", datetime="2019-06-20").text == "next meeting (20 June 2019)"


def test_per_meeting_item_page_lives_below_its_meeting(site):
    doc = page(site, JC_ITEM)
    assert doc.one("h1").text == "5 Joint public health commissioning"
    assert ("/jc/2019/2019-11-05/papers/05/", "Item 05: Joint public health commissioning") in doc.links()
    assert (JC_MEETING + "#item-5", "All minutes of this meeting") in doc.links()
    meeting = page(site, JC_MEETING)
    anchors = [s.find("h3").attrs["id"] for s in meeting.find_all("section", class_="minute-item")]
    assert anchors == ["item-1", "item-5", "item-5-1", "item-7"]  # "## 1." is minute 1; 5.1 becomes item-5-1
    assert {JC_ITEM, "/jc/2019/2019-11-05/item-1/", "/jc/2019/2019-11-05/item-5-1/"} <= {
        href for href, _ in meeting.links()}
    assert doc.one("p", class_="leads").links() == [("/people/carol-singh/", "Dr Carol Singh")]  # "Dr Singh"


def test_confidential_item_page_keeps_only_its_public_title_and_reason(site):
    doc = page(site, "/tb/2019/tb-19-14/")
    assert doc.one("h1").text == "TB/19/14 Property matter"
    assert doc.one("p", class_="private-note").text.startswith("Considered in private. Exempt under paragraph 3")
    main = doc.one("main")
    assert main.find_all("div", class_="discussion") == [] and main.find_all("div", class_="actions-raised") == []
    assert "Mill Lane" not in main.text


def test_a_confidential_agenda_items_purpose_and_format_are_not_published(site):
    """They are the clerk's words of the business, as its description is (the fixture's hold a canary, which the
    tests of every output file look for): its row on the agenda and the minute's link to it gave them."""
    row = page(site, "/tb/2019/2019-03-14/").one("tr", id="agenda-tb-19-14")
    assert row.one("span", class_="agenda-title").text == "Property matter"
    assert row.find_all("span", class_="agenda-purpose") == []
    assert page(site, "/tb/2019/tb-19-14/").one("p", class_="agenda-link").text == "Agenda item TB/19/14"


# --- papers -------------------------------------------------------------------------------------

def test_paper_page_shows_its_front_sheet_appendices_and_text(site):
    doc = page(site, PAPER)
    assert doc.one("h1").text == "Paper A Healthy Weight Strategy 2019 to 2024"
    context = doc.one("p", class_="context")
    assert (MEETING, "Health and Wellbeing Board, 14 March 2019") in context.links()
    assert (ITEM, "TB/19/13") in context.links()
    table = section(doc, "front-sheet").one("table")
    assert table.one("caption").text == "Summary of Paper A"
    front = {tr.find("th").text: tr.find("td").text for tr in table.find("tbody").find_all("tr")}
    assert front == {
        "Report to": "Testshire Health and Wellbeing Board",
        "Date": "Thursday 14 March 2019",
        "Author": "Dr Carol Singh",
        "Contributors": "Mr Brian Okafor",
        "Sponsor": "Councillor Ada Lovelace",
        "Presented by": "Dr Carol Singh",
        "Purpose": "For decision, information",
        "Decision level": "Board decision",
        "Executive summary": "The strategy sets out five priorities for healthy weight in Testshire.",
        "Recommendations": "The board is asked to approve the strategy.",
        "Risk": "Without an agreed strategy, bids for national funding are unlikely to succeed.",
        "Equality impact": "An equality impact assessment is at Appendix B.",
        "Financial implications": "Funded from the public health grant.",
        "Patient and public engagement": "1,200 residents responded to the consultation.",
        "Next steps": "Publish the strategy and report progress in a year.",
        "Alignment with other strategies": "Testshire Plan 2030",
        "Authorised by": "Carol Singh, Director of Public Health",
        "Pages in the pack": "5 - 18",
    }
    appendices = section(doc, "appendices")
    # Appendix A is published as a file too (tests/test_attachments.py)
    assert items_text(appendices.find("ul")) == ["Appendix A: Action plan (PDF, 641 bytes), also on this page",
                                                 "Appendix B: Equality impact assessment (Available on request)"]
    assert appendices.links() == [(f"{PAPER}appendix-a-action-plan.pdf", "Appendix A: Action plan (PDF, 641 bytes)"),
                                  ("#appendix-a", "on this page"), ("/accessibility/#feedback", "how to contact us")]
    text = section(doc, "paper-text")
    assert [(h.tag, h.attrs.get("id")) for h in text.find_all() if h.tag in ("h2", "h3", "h4")] == [
        ("h2", "paper-text"), ("h3", "introduction"), ("h3", "appendix-a")]
    # how to cite it, as a minute's page says: a journalist or a scrutiny committee citing the paper had to put
    # its body, meeting and address together themselves
    assert doc.one("p", class_="cite").text == (
        "Cite this paper as: TB Paper A, Healthy Weight Strategy 2019 to 2024, Thursday 14 March 2019, "
        "https://records.testshire.example/tb/2019/2019-03-14/papers/a/")


def test_per_meeting_body_paper_page_and_no_page_for_a_confidential_paper(site):
    doc = page(site, "/jc/2019/2019-11-05/papers/05/")
    assert doc.one("h1").text == "Item 05 Joint public health commissioning"
    assert (JC_ITEM, "5") in doc.one("p", class_="context").links()
    assert not (site / "tb/2019/2019-03-14/papers/c").exists()


# --- people -------------------------------------------------------------------------------------

def _appearances(doc) -> list[tuple[str, str, str]]:
    table = section(doc, "meetings").one("table")
    return [tuple(r) for r in rows(table)]


def test_person_page_lists_meetings_attended_and_apologies(site):
    doc = page(site, "/people/eve-turner/")
    assert doc.one("h1").text == "Councillor Eve Turner"
    assert doc.one("p", class_="lead").text == "Northvale District Council"
    table = section(doc, "meetings").one("table")
    assert table.one("caption").text == "Meetings at which Councillor Eve Turner is recorded in 2019, newest first"
    assert _appearances(doc) == [  # each meeting once, with all it records of her
        ("5 November 2019", "Joint Committee, 5 November 2019", "Chair; Present"),
        ("20 June 2019", "TB meeting, 20 June 2019", "Apologies"),
        ("14 March 2019", "Health and Wellbeing Board, 14 March 2019", "Present; Left during item TB/19/14"),
    ]
    assert {href for href, _ in table.links()} == {JC_MEETING, LATER_MEETING, MEETING}


def test_person_page_lists_the_items_they_presented_or_led_and_when_they_came_and_went(site):
    """An officer who came for one item is often recorded only so: their page says where, and the items they
    were in attendance for, as the meeting's does."""
    assert _appearances(page(site, "/people/brian-okafor/")) == [
        ("14 March 2019", "Health and Wellbeing Board, 14 March 2019",
         "In attendance (Head of Commissioning; for item TB/19/13); Joined during item TB/19/13; Lead responsible for item TB/19/13")]
    assert ("16 January 2020", "Health and Wellbeing Board, 16 January 2020", "Presented item TB/20/1") in \
        _appearances(page(site, "/people/carol-singh/"))  # an agenda's presenter, before the minutes



def test_person_page_lists_the_papers_that_name_them_apart_from_the_meetings(site):
    """Newest meeting first; a meeting's papers in the order the meeting lists them (it gave paper B before A)."""
    doc = page(site, "/people/carol-singh/")
    table = section(doc, "papers").one("table")
    assert rows(table) == [
        ["Item 05: Joint public health commissioning", "Joint Committee, 5 November 2019", "Author"],
        ["Paper A: Healthy Weight Strategy 2019 to 2024", "Health and Wellbeing Board, 14 March 2019",
         "Author, Presenter"],
        ["Paper B: Strategaeth Pwysau Iach 2019 i 2024", "Health and Wellbeing Board, 14 March 2019", "Author"]]
    assert list(dict.fromkeys(href for href, _ in section(page(site, MEETING), "papers").links())) == [
        PAPER, WELSH_PAPER]
    assert rows(section(page(site, "/people/carol-singh/2019/"), "papers").one("table")) == rows(table)
    assert ("/tb/2019/2019-03-14/papers/a/", "Paper A: Healthy Weight Strategy 2019 to 2024") in table.links()
    # a paper is not a meeting attended: the people page counts her meetings as before
    assert rows(section(page(site, "/people/brian-okafor/"), "papers").one("table")) == [
        ["Paper A: Healthy Weight Strategy 2019 to 2024", "Health and Wellbeing Board, 14 March 2019", "Contributor"]]
    assert page(site, "/people/frank-turner/").find_all(id="papers") == []  # his only paper is confidential


def test_person_page_shows_roles_memberships_and_owned_public_actions(site):
    doc = page(site, "/people/carol-singh/")
    assert items_text(section(doc, "roles").find("ul")) == [
        "Director of Public Health, Testshire County Council, from 1 January 2017 to 31 December 2019"]
    assert section(doc, "memberships").links() == [("/tb/", "Testshire Health and Wellbeing Board")]
    open_actions = {href for href, _ in section(doc, "actions").links() if "/actions/" in href}
    assert open_actions == {"/jc/actions/2019-11-05-5-1/"}  # not the draft minutes' action
    closed = {href for href, _ in section(doc, "closed-actions").links() if "/actions/" in href}
    assert closed == {"/tb/actions/tb-19-13-1/"}
    assert ("20 June 2019", "TB meeting, 20 June 2019", "Present") in _appearances(doc)
    assert ("5 November 2019", "Joint Committee, 5 November 2019",
            "In attendance (for item 5); Presented item 5; Lead responsible for item 5") in _appearances(doc)
    # Dr Singh was present at the private session too; it is not listed
    assert [r[0] for r in _appearances(doc)].count("20 June 2019") == 1
    patel = _appearances(page(site, "/people/dev-patel/"))
    assert [(r[0], r[2]) for r in patel] == [("20 June 2019", "Apologies"), ("14 March 2019", "Apologies")]
    assert page(site, "/people/frank-turner/").find_all(id="actions") == []  # his only action is confidential
    # a due date an action log revised says so, as on the tracker: the minutes that raised it give another
    okafor = section(page(site, "/people/brian-okafor/"), "actions").one("table")
    assert [(row["Action"].split(":")[0], row["Due"]) for row in records(okafor)] == [
        ("TB/19/13#2", "September 2019 (revised)")]


def test_a_bodys_register_lists_the_interests_declared_at_its_meetings_with_the_minute_and_who(site):
    """A scrutiny committee asks what a board's members declared, and when, without opening every meeting. Not
    the interest declared in the private session (Councillor Lovelace's too) nor the draft minutes' (Dr Singh's)."""
    doc = page(site, "/tb/declarations/")
    assert doc.one("h1").text == "Declarations of interest at the Testshire Health and Wellbeing Board"
    assert doc.one("nav", aria_label="Breadcrumb").links()[-2:] == [
        ("/tb/", "TB"), ("/tb/declarations/", "Declarations of interest")]
    assert doc.one("nav", aria_label="Years").links() == [("/tb/declarations/2019/", "2019")]
    table = doc.one("table")
    assert table.one("caption").text == "Interests declared at TB meetings in 2019, newest meeting first"
    assert [th.attrs.get("scope") for th in table.find("thead").find_all("th")] == ["col"] * 6
    assert records(table) == [{"Date": "14 March 2019", "Minute": "TB/19/12 Apologies and declarations of interest",
                               "Declared by": "Councillor Ada Lovelace", "Type": "Other registrable interest",
                               "Interest": "Trustee of Testshire Food Bank, named in Paper A.",
                               "Action taken": "Remained in the meeting and took part in the discussion"}]
    assert table.links() == [(MEETING, "14 March 2019"), ("/tb/2019/tb-19-12/", "TB/19/12"),
                             ("/people/ada-lovelace/", "Councillor Ada Lovelace"),
                             ("https://foodbank.testshire.example", "Testshire Food Bank"),
                             ("/tb/2019/2019-03-14/papers/a/", "Paper A")]
    year = page(site, "/tb/declarations/2019/")
    assert year.one("h1").text == "Declarations of interest at the Testshire Health and Wellbeing Board in 2019"
    assert rows(year.one("table")) == rows(table)
    assert year.one("nav", class_="pager").links() == [("/tb/declarations/", "Every year of the register")]
    # The body's page leads to it; a body whose minutes record no declaration has neither link nor register
    assert ("/tb/declarations/", "Declarations of interest at TB meetings") in page(site, "/tb/").one("main").links()
    assert not [href for href, _ in page(site, "/jc/").links() if "declarations" in href]
    assert not (site / "jc" / "declarations").exists() and not (site / "tb" / "declarations" / "2020").exists()


def test_a_bodys_register_lists_the_latest_years_and_a_page_for_each_and_names_namesakes_apart(
        archive, build, tmp_path):
    """Every interest a board ever declared on one page would grow with the archive, as its closed actions did:
    the register lists the latest year's and links each year's page, which links the years either side. Its
    Declared by column names two people of one name as their pages are titled."""
    edit(archive, "people.yaml", "frank-turner:\n  name: Frank Turner", "frank-turner:\n  name: Eve Turner")
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "person: Councillor Frank Turner", "person: frank-turner")
    edit(archive, "meetings/tb/2020-01-16/minutes.md", "status: draft", "status: approved")
    edit(archive, "meetings/tb/2019-06-20/minutes.md", "```item\n", "```item\ndeclarations:\n"
         "  - person: frank-turner\n    interest: Governor of a school\n    action: Left the room\n"
         "  - name: A member of the public\n    interest: Lives next to the site\n    action: Noted\n", 1)
    out = tmp_path / "site"
    assert build(archive, out).ok
    doc = page(out, "/tb/declarations/")
    assert doc.one("nav", aria_label="Years").links() == [("/tb/declarations/2020/", "2020"),
                                                          ("/tb/declarations/2019/", "2019")]
    assert doc.one("nav", aria_label="Years").text == "2020 (1 declaration) 2019 (3 declarations)"
    assert [row["Date"] for row in records(doc.one("table"))] == ["16 January 2020"]
    assert records(page(out, "/tb/declarations/2020/").one("table")) == records(doc.one("table"))
    year = page(out, "/tb/declarations/2019/")
    assert [(row["Date"], row["Declared by"], row["Type"]) for row in records(year.one("table"))] == [
        ("20 June 2019", "Councillor Eve Turner (Southvale District Council)", "Not recorded"),
        ("20 June 2019", "A member of the public", "Not recorded"),
        ("14 March 2019", "Councillor Ada Lovelace", "Other registrable interest")]
    assert ("/people/frank-turner/", "Councillor Eve Turner (Southvale District Council)") in year.one("table").links()
    assert [href for href, _ in page(out, "/tb/declarations/2020/").one("nav", class_="pager").links()] == [
        "/tb/declarations/2019/", "/tb/declarations/"]
    assert [href for href, _ in year.one("nav", class_="pager").links()] == [
        "/tb/declarations/", "/tb/declarations/2020/"]


def test_person_page_lists_the_interests_they_declared_with_the_minute_each_is_in(site):
    doc = page(site, "/people/ada-lovelace/")
    table = section(doc, "declarations").one("table")
    assert table.one("caption").text == \
        "Interests Councillor Ada Lovelace declared in 2020 and 2019, as minuted, newest first"
    assert records(table) == [{"Meeting": "Health and Wellbeing Board, 14 March 2019",
                               "Minute": "TB/19/12 Apologies and declarations of interest",
                               "Type": "Other registrable interest",
                               "Interest": "Trustee of Testshire Food Bank, named in Paper A.",
                               "Action taken": "Remained in the meeting and took part in the discussion"}]
    assert table.links() == [(MEETING, "Health and Wellbeing Board, 14 March 2019"), ("/tb/2019/tb-19-12/", "TB/19/12"),
                             ("https://foodbank.testshire.example", "Testshire Food Bank"),
                             ("/tb/2019/2019-03-14/papers/a/", "Paper A")]
    # The declaration is not a meeting of its own in the list of meetings
    assert [r[2] for r in _appearances(doc) if r[0] == "14 March 2019"] == ["Chair; Present (Chair)"]
    assert page(site, "/people/eve-turner/").find_all(id="declarations") == []


def test_an_interest_declared_in_a_confidential_item_is_not_on_the_persons_page_nor_in_the_register(
        archive, build, tmp_path):
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "```item\nconfidential: yes\n",
         "```item\nconfidential: yes\ndeclarations:\n  - person: eve-turner\n    interest: CANARY-DECLARED-8812\n")
    assert build(archive, tmp_path / "site").ok
    assert page(tmp_path / "site", "/people/eve-turner/").find_all(id="declarations") == []
    assert [row["Declared by"] for row in records(page(tmp_path / "site", "/tb/declarations/").one("table"))] == [
        "Councillor Ada Lovelace"]
    assert not any(b"CANARY-DECLARED-8812" in data for data in read_tree(tmp_path / "site").values())


def test_a_title_written_in_markdown_is_text_wherever_it_is_not_its_own_heading(archive, build, tmp_path):
    """The minute's heading shows `*Weight*` as emphasis; its page's title, the links to it (the items either
    side, the action it raised, the person who declared in it) and a paper's title, which no heading renders,
    showed the asterisks."""
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "## TB/19/13 Healthy Weight", "## TB/19/13 Healthy *Weight*")
    edit(archive, "meetings/tb/2019-03-14/meeting.md", "title: Healthy Weight", "title: Healthy *Weight*")
    edit(archive, "meetings/tb/2019-03-14/papers/paper-a.md", "title: Healthy Weight", "title: Healthy *Weight*")
    assert build(archive, tmp_path / "site").ok
    site = tmp_path / "site"
    assert page(site, ITEM).one("h1").text == "TB/19/13 Healthy Weight Strategy 2019 to 2024"
    assert page(site, ITEM).one("title").text.startswith("TB/19/13 Healthy Weight Strategy 2019 to 2024 – ")
    assert page(site, PAPER).one("title").text.startswith("Paper A: Healthy Weight Strategy 2019 to 2024 – ")
    shown = [url for url, data in read_tree(site).items() if url.endswith(".html") and b"*Weight*" in data]
    assert shown == []
    assert any(b"Healthy Weight Strategy" in data for url, data in read_tree(site).items()
               if url.startswith("tb/actions/") and url.endswith(".html"))


def spoken(node) -> list[tuple[str, str]]:
    """(lang, text) of each element below `node` marked with a language of its own."""
    return [(n.attrs["lang"], n.text) for n in node.find_all(lang=True)]


WELSH_TITLE = "Strategaeth Pwysau Iach 2019 i 2024"


def test_a_paper_in_another_language_has_its_title_and_text_marked_with_it_and_minutebooks_words_are_not(site):
    """WCAG 2.2, 3.1.2: a screen reader pronounces a part of a page by its `lang`. The Welsh paper's title and text
    are marked `lang="cy"` wherever they are shown; the page stays in the site's language (<html lang>, which
    Pagefind splits its index by), and so do the headings and labels Minutebook writes around them."""
    doc = page(site, WELSH_PAPER)
    assert doc.one("html").attrs["lang"] == "en-GB"
    h1 = doc.one("h1")
    assert spoken(h1) == [("cy", WELSH_TITLE)] and h1.one("span", class_="ref").text == "Paper B"
    assert ("cy", "Mae'r strategaeth yn nodi pum blaenoriaeth ar gyfer pwysau iach yn Testshire.") in spoken(
        doc.one("table", class_="front-sheet"))
    assert [th.attrs.get("lang") for th in doc.one("table", class_="front-sheet").find_all("th")] == [None] * 2
    text = section(doc, "paper-text")
    assert text.one("h2").attrs.get("lang") is None
    assert spoken(text)[0][0] == "cy" and spoken(text)[0][1].startswith("Y fersiwn Cymraeg o'r strategaeth")
    assert spoken(doc.one("p", class_="cite")) == [("cy", WELSH_TITLE)]
    # its title where other pages list it: the meeting's papers, the person's papers
    assert spoken(section(page(site, MEETING), "papers")) == [("cy", WELSH_TITLE)]
    assert spoken(section(page(site, "/people/carol-singh/"), "papers")) == [("cy", WELSH_TITLE)]
    # and where it says nothing of its language, nothing is marked: the English paper's page, the item's page
    assert spoken(page(site, PAPER).one("main")) == [] and spoken(page(site, ITEM).one("main")) == []
    # search results show its title in Welsh too (search.html): the page gives Pagefind its language and title
    meta = {n.attrs["data-pagefind-meta"]: n.text for n in doc.find_all(**{"data-pagefind-meta": True})}
    assert (meta["language"], meta["own_title"], meta["reference"]) == ("cy", WELSH_TITLE, "Paper B")


def test_minutes_and_an_agenda_in_another_language_have_their_titles_and_text_marked_with_it(archive, build,
                                                                                           tmp_path):
    """minutes.md's `language:` marks each item's title and text, its resolutions and actions, where the meeting's
    and the item's pages show them and where the trackers list the actions; meeting.md's marks the meeting's
    title, its agenda and its notes. Minutebook's own headings ("Resolved", "Actions") stay in the site's."""
    in_welsh(archive)
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "    title: Welcome and apologies\n",
         "    title: Croeso ac ymddiheuriadau\n")
    assert build(archive, tmp_path / "site").ok
    site = tmp_path / "site"
    doc = page(site, JC_MEETING)
    assert spoken(doc.one("h1")) == [("cy", "Cyd-bwyllgor")]
    # search results mark its title and its minutes (search.html): the page gives Pagefind their languages
    meta = {n.attrs["data-pagefind-meta"]: n.text for n in doc.find_all(**{"data-pagefind-meta": True})}
    assert (meta["title"], meta["language"], meta["own_title"], meta["minutes_language"]) == (
        "Cyd-bwyllgor, 5 November 2019", "cy", "Cyd-bwyllgor", "cy")
    assert not {"language", "own_title", "minutes_language"} & {
        n.attrs["data-pagefind-meta"] for n in page(site, MEETING).find_all(**{"data-pagefind-meta": True})}
    assert ("cy", "Croeso ac ymddiheuriadau") in spoken(section(doc, "agenda"))
    assert section(doc, "agenda").one("caption").attrs.get("lang") is None
    # of who attended, the role meeting.md gives is marked; the names and "2 members of the public" (`public: "2"`,
    # Minutebook's words) are not
    assert spoken(section(doc, "attendance")) == [("cy", "Cyfarwyddwr Iechyd y Cyhoedd")]
    assert "2 members of the public" in section(doc, "attendance").text
    # its caption, column heads and links to the minutes, Minutebook's words, are not indexed, so that the agenda's
    # excerpt in search results is the agenda's words, marked with its language (docs/search.md)
    assert [(n.tag, n.text[:10]) for n in section(doc, "agenda").find_all(**{"data-pagefind-ignore": True})] == [
        ("caption", "Agenda for"), ("thead", "ItemBusine"), ("a", "Minute 1"), ("a", "Minute 5"), ("a", "Minute 5.1"),
        ("a", "Minute 7")]
    assert [n.tag for n in section(page(site, MEETING), "agenda").find_all(**{"data-pagefind-ignore": True})] == [
        "thead"]  # in English, only the column heads, as every agenda's (test_search.py)
    assert section(doc, "minutes").one("h2").attrs.get("lang") is None
    item = page(site, JC_ITEM)
    assert [(lang, text[:40]) for lang, text in spoken(item.one("main"))] == [
        ("cy", "Joint public health commissioning"),  # the heading
        ("cy", "Cyd-bwyllgor"),  # the meeting it is a minute of
        ("cy", "Dr Singh introduced the report. The comm"),  # the discussion
        ("cy", "AGREE to commission sexual health servic"),  # a resolution
        ("cy", "Draft the joint commissioning agreement."),  # an action
        ("cy", "Joint public health commissioning"),  # how to cite it
        ("cy", "Welcome and apologies"), ("cy", "Sexual health services")]  # the items either side
    assert [h.text for h in item.find_all("h2")] == ["Resolved", "Actions"]
    assert all(h.attrs.get("lang") is None for h in item.find_all("h2"))
    assert ("cy", "Draft the joint commissioning agreement.") in spoken(page(site, "/jc/actions/").one("main"))
    assert spoken(page(site, "/jc/").one("main")) == [("cy", "Cyd-bwyllgor")]
    # and so do the other lists of meetings: the body's year, the archive's year, the home page's recent meetings
    for url in ("/jc/2019/", "/archive/2019/", "/"):
        assert spoken(page(site, url).one("main")) == [("cy", "Cyd-bwyllgor")], url
    # the breadcrumbs name the meeting by its date and the item by its number: no title of the record to mark
    assert [a.text for a in item.one("nav", class_="breadcrumbs").find_all("a")] == ["Home", "JC", "2019",
                                                                                    "5 November 2019", "5"]
    # the Board's meetings, in the site's language, have only their Welsh paper marked
    assert spoken(page(site, MEETING).one("main")) == [("cy", WELSH_TITLE)]
    # the feeds mark the summaries, the item titles, and not the titles, which are Minutebook's ("Minutes: ...")
    feed = ET.parse(site / "feeds/bodies/jc.xml").getroot()
    atom, xml_lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    assert {e.find(atom + "title").text.split(":")[0]: (e.get(xml_lang), e.find(atom + "summary").get(xml_lang))
            for e in feed.iter(atom + "entry")} == {"Agenda": (None, "cy"), "Minutes": (None, "cy"),
                                                     "Item 05": (None, None)}
    # and the open data gives each record's language, the site's where it gives none
    minutes = {m["meeting"]: m["language"] for m in json.loads((site / "data/minutes.json").read_text())["minutes"]}
    assert minutes == {"jc/2019-11-05": "cy", "tb/2019-03-14": "en-GB", "tb/2019-06-20": "en-GB"}
    events = json.loads((site / "data/meetings.json").read_text())["events"]
    assert {e["extras"]["meeting"]: e["extras"]["language"] for e in events}["jc/2019-11-05"] == "cy"


def test_what_a_meeting_in_another_language_says_of_who_attended_is_marked_with_it(archive, build, tmp_path):
    """meeting.md's `language:` covers what its clerk wrote of who attended: a role, an organisation, a note, the
    public gallery as written and an arrival's note are marked with it; the names, and Minutebook's words around
    them ("for item 5", "joined the meeting", a number of members of the public), are not."""
    in_welsh(archive)  # Dr Carol Singh's role: Cyfarwyddwr Iechyd y Cyhoedd
    edit(archive, JC_MEETING_FILE, "  present: [eve-turner, ada-lovelace, frank-turner]\n",
         "  present:\n    - eve-turner\n    - person: ada-lovelace\n      organisation: Cyngor Sir Testshire\n"
         "      note: ar gyfer eitem 5 yn unig\n    - frank-turner\n")
    edit(archive, JC_MEETING_FILE, '  public: "2"\n',
         "  public: Dau aelod o'r cyhoedd\n  movements:\n    - person: frank-turner\n      event: joined\n"
         "      item: \"5\"\n      note: ar ôl y cyfarfod arall\n")
    assert build(archive, tmp_path / "site").ok
    attendance = section(page(tmp_path / "site", JC_MEETING), "attendance")
    assert spoken(attendance) == [("cy", "Cyngor Sir Testshire"), ("cy", "ar gyfer eitem 5 yn unig"),
                                  ("cy", "Cyfarwyddwr Iechyd y Cyhoedd"), ("cy", "Dau aelod o'r cyhoedd"),
                                  ("cy", "ar ôl y cyfarfod arall")]
    assert list_after(page(tmp_path / "site", JC_MEETING), "in-attendance").text == (
        "Dr Carol Singh, Cyfarwyddwr Iechyd y Cyhoedd (for item 5)")


def test_a_meeting_in_another_language_without_a_title_is_named_in_the_sites(archive, build, tmp_path):
    """A meeting.md with `language: cy` and no `title:` is "JC meeting", Minutebook's words in the site's language:
    its agenda is marked Welsh, and the name is not, on its page, in the lists, in search results or the calendar."""
    in_welsh(archive)
    edit(archive, "meetings/jc/2019-11-05/meeting.md", "title: Cyd-bwyllgor\n", "")
    assert build(archive, tmp_path / "site").ok
    site = tmp_path / "site"
    doc = page(site, JC_MEETING)
    assert doc.one("h1").text.endswith("JC meeting, Tuesday 5 November 2019") and spoken(doc.one("h1")) == []
    assert ("cy", "Sexual health services") in spoken(section(doc, "agenda"))
    assert "own_title" not in {n.attrs["data-pagefind-meta"] for n in doc.find_all(**{"data-pagefind-meta": True})}
    for url in ("/jc/", "/jc/2019/", "/archive/2019/", "/"):
        assert spoken(page(site, url).one("main")) == [], url
    assert b"\r\nSUMMARY:JC meeting\r\n" in (site / "feeds/all.ics").read_bytes()


def test_people_index_lists_everyone_by_surname_with_meeting_counts(site):
    doc = page(site, "/people/")
    assert doc.one("h1").text == "People"
    table = doc.one("table")
    assert table.one("caption").text == "People in the archive"
    assert rows(table) == [
        ["Councillor Ada Lovelace", "Testshire County Council", "4"],
        ["Mr Brian Okafor", "Testshire Clinical Commissioning Group", "1"],
        ["Mr Dev Patel", "Healthwatch Testshire", "2"],
        ["Dr Carol Singh", "Testshire County Council", "4"],  # she presents an item in January 2020
        ["Councillor Eve Turner", "Northvale District Council", "3"],
        ["Councillor Frank Turner", "Southvale District Council", "3"],
    ]
    assert table.find("a").attrs["href"] == "/people/ada-lovelace/"


# --- actions ------------------------------------------------------------------------------------

def _tracked(doc) -> dict[str, dict[str, str]]:
    """Every action row of a tracker page (it may group actions in several tables), first row per action."""
    out: dict[str, dict[str, str]] = {}
    for table in doc.one("main").find_all("table"):
        for record in records(table):
            out.setdefault(record["Action"].split(":")[0], record)
    return out


def test_actions_tracker_lists_public_actions_with_their_latest_status(site):
    doc = page(site, "/tb/actions/")
    assert doc.one("h1").text == "Actions of the Testshire Health and Wellbeing Board"
    tracked = _tracked(doc)
    # not TB/19/14#1 (confidential item), TB/19/23#1 (private meeting) or TB/20/1#1 (draft minutes)
    assert sorted(tracked) == ["TB/19/13#1", "TB/19/13#2", "TB/19/13#leaflet"]
    assert "Amber" in tracked["TB/19/13#2"]["Latest status"]
    assert "Green" in tracked["TB/19/13#1"]["Latest status"] and "Closed" in tracked["TB/19/13#1"]["Latest status"]
    assert "Not started" in tracked["TB/19/13#leaflet"]["Latest status"]
    assert tracked["TB/19/13#2"]["Due"].startswith("September 2019")  # the revised due date, marked as such
    assert "revised" in tracked["TB/19/13#2"]["Due"]
    assert tracked["TB/19/13#leaflet"]["Due"] == "next meeting (20 June 2019)"  # and the day it is read as
    links = {href for href, _ in doc.one("main").links()}
    assert {"/tb/actions/tb-19-13-1/", "/tb/actions/tb-19-13-2/", "/tb/actions/tb-19-13-leaflet/"} <= links
    jc = _tracked(page(site, "/jc/actions/"))
    assert list(jc) == ["TB/19/13#2", "2019-11-05/5#1"]  # the TB's action the JC owns too, soonest due first
    assert jc["2019-11-05/5#1"]["Action"] == "2019-11-05/5#1: Draft the joint commissioning agreement."
    assert jc["TB/19/13#2"]["Raised"] == "14 March 2019, raised by the TB, minute TB/19/13"
    assert jc["2019-11-05/5#1"]["Raised"] == "5 November 2019"


def test_action_page_shows_owner_due_date_origin_and_history(site):
    doc = page(site, "/tb/actions/tb-19-13-2/")
    assert doc.one("h1").text == "Action TB/19/13#2"
    assert doc.one("div", class_="lead").text == "Report progress on the school meals pilot to the board."
    facts = doc.one("dl", class_="facts")
    pairs = dict(zip([d.text for d in facts.find_all("dt")], [d.text for d in facts.find_all("dd")]))
    # "Mr Brian Okafor, JC" under "Owner" read as his role: an action of his and the Joint Committee's
    assert pairs["Owners"] == "Mr Brian Okafor and JC; on the JC action tracker"
    assert ("/jc/actions/", "JC action tracker") in facts.links()
    assert pairs["Due"].startswith("September 2019") and "June 2019" in pairs["Due"]  # revised, and the original
    assert (ITEM, "TB/19/13 Healthy Weight Strategy 2019 to 2024") in facts.links()
    assert (MEETING, "Health and Wellbeing Board, 14 March 2019") in facts.links()
    history = doc.one("ol", class_="timeline")
    entries = [li.text for li in history.children if not isinstance(li, str) and li.tag == "li"]
    assert entries[0].startswith("Thursday 14 March 2019: raised")
    update = entries[1]
    assert update.startswith("Thursday 13 June 2019: Amber")  # as at the log's date
    assert "September 2019" in update and "The pilot is delayed until the autumn term." in update
    assert (LATER_MEETING, "TB meeting, 20 June 2019") in history.links()
    closed = page(site, "/tb/actions/tb-19-13-1/").one("ol", class_="timeline").text
    assert "Green" in closed and "closed" in closed.lower()
    assert doc.one("p", class_="cite").text == (
        "Cite this action as: TB action TB/19/13#2, raised Thursday 14 March 2019, "
        "https://records.testshire.example/tb/actions/tb-19-13-2/")
    jc = page(site, "/jc/actions/2019-11-05-5-1/")
    assert jc.one("h1").text == "Action 2019-11-05/5#1"
    assert (JC_ITEM, "5 Joint public health commissioning") in jc.one("dl", class_="facts").links()


# --- search -------------------------------------------------------------------------------------

def test_search_page_and_the_search_form_on_every_page(site):
    doc = page(site, "/search/")
    assert doc.one("h1").text == "Search the archive"
    assets = [n.attrs["src"] for n in doc.find_all("script") if "src" in n.attrs]
    assets += [n.attrs["href"] for n in doc.find_all("link", rel="stylesheet")]
    assert any("pagefind" in a or "search" in a for a in assets), f"the search page loads no search code: {assets}"
    missing = [a for a in assets if not (site / a.split("?")[0].lstrip("/")).is_file()]
    assert missing == [], "the search page loads files the build did not write"
    assert "archive" in doc.one("noscript").text and ("/archive/", "archive by year") in doc.one("noscript").links()
    for url in ("/", MEETING, "/people/"):
        form = page(site, url).one("form", role="search")
        assert form.attrs["action"] == "/search/" and form.attrs.get("method", "get") == "get"
        field = form.one("input", name="q")
        assert form.one("label").attrs["for"] == field.attrs["id"]


def test_without_javascript_the_search_page_lists_where_to_browse_to_every_record(site):
    """Without JavaScript the search page said that search needed it, and to browse 'the archive by year' or a body's
    page 'from the home page': a step away from each. It links each year, each body's page and the people."""
    links = page(site, "/search/").one("noscript").links()
    assert [link for link in links if link[0].startswith("/archive/")] == [
        ("/archive/", "archive by year"), ("/archive/2020/", "2020"), ("/archive/2019/", "2019")]
    assert ("/tb/", "Testshire Health and Wellbeing Board") in links
    assert ("/jc/", "Testshire and Northvale Joint Committee") in links
    assert ("/people/", "people") in links


# --- clerk headings and the page's own anchors --------------------------------------------------

def test_clerk_headings_never_duplicate_the_pages_own_ids(archive, build, tmp_path):
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "### Consultation",
         "### Actions\n\nThe actions below were agreed.\n\n### Resolved\n\nAs follows.\n\n### Consultation")
    edit(archive, "meetings/tb/2019-03-14/papers/paper-a.md", "## Introduction",
         "## Front sheet\n\nAs submitted.\n\n## Appendices\n\nTwo.\n\n## Introduction")
    out = tmp_path / "out"
    assert build(archive, out).ok
    duplicated = {}
    for url in (ITEM, MEETING, PAPER):
        ids = [n.attrs["id"] for n in page(out, url).iter() if "id" in n.attrs]
        duplicated[url] = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicated == {ITEM: [], MEETING: [], PAPER: []}


def test_the_accessibility_statement_gives_the_contact_details_and_dates_from_site_yaml(site):
    statement = page(site, "/accessibility/")
    text = " ".join(statement.text.split())
    assert "contact Testshire County Council:" in text
    links = {a.attrs["href"]: a.text for a in statement.find_all("a")}
    assert links["mailto:web.team@testshire.example"] == "web.team@testshire.example"
    assert links["tel:01164960000"] == "0116 496 0000"
    assert "This statement was prepared on 2 September 2024. It was last reviewed on 1 October 2025." in text


def test_without_contact_details_the_statement_names_the_publisher_and_gives_no_dates(archive, build, tmp_path):
    site_yaml = archive / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").split("accessibility:")[0], encoding="utf-8")
    assert build(archive, tmp_path / "out").ok
    text = " ".join(page(tmp_path / "out", "/accessibility/").text.split())
    assert "contact Testshire County Council. We will consider your request" in text
    assert "prepared on" not in text and "Preparation of this accessibility statement" not in text


def test_the_page_not_found_is_a_file_the_host_serves_with_links_from_the_sites_root(site):
    """Netlify, GitHub Pages and most static hosts serve 404.html at any address with no page, at any depth: every
    link on it must work from there. Search engines are told not to index it; search leaves it out."""
    shown = parse_html((site / "404.html").read_text(encoding="utf-8"))
    assert shown.one("h1").text == "Page not found"
    assert shown.find("meta", name="robots").attrs["content"] == "noindex"
    links = [href for href, _ in shown.links()]
    assert "/search/" in links and "/archive/" in links and "/" in links
    assert all(href.startswith(("/", "#", "https://", "http://", "mailto:")) for href in links), links
    assert shown.find_all("main", **{"data-pagefind-body": True}) == []



def test_a_heading_level_a_clerk_skipped_is_published_one_below_the_heading_above():
    """Minutes from Word keep its heading styles: Heading 1 over Heading 4 skipped two levels (h2 to h5), a page
    of sections missing to a screen reader's list of headings."""
    from generator.markdown import Renderer

    HEADINGS = {f"h{level}" for level in range(1, 7)}
    text = "# Discussion\n\n#### Concerns\n\n###### Detail\n\n### Next steps\n\n# Decision\n\n## Votes\n"
    shown = parse_html(Renderer().render(text, base_level=2).html)
    assert [(heading.tag, heading.text) for heading in shown.find_all() if heading.tag in HEADINGS] == [
        ("h2", "Discussion"), ("h3", "Concerns"), ("h4", "Detail"), ("h3", "Next steps"), ("h2", "Decision"),
        ("h3", "Votes")]


def test_a_table_written_in_a_text_is_a_scrolling_region_named_by_its_number_and_the_heading_above():
    """A paper from a PDF pack may hold twenty tables: a screen reader's list of regions, and a keyboard's Tab
    stops, told them apart only by position when each was called "Table"."""
    from generator.markdown import Renderer

    text = "| a |\n| - |\n| 1 |\n\n## 5.1 **Financial** overview\n\n| b |\n| - |\n| 2 |\n\n| c |\n| - |\n| 3 |\n"
    regions = [(div.attrs["aria-label"], div.attrs["tabindex"], div.attrs["role"])
               for div in parse_html(Renderer().render(text).html).find_all("div", class_="table-wrap")]
    assert regions == [("Table 1", "0", "region"), ("Table 2, under 5.1 Financial overview", "0", "region"),
                       ("Table 3, under 5.1 Financial overview", "0", "region")]


@pytest.mark.parametrize("text, marked", [
    ("[Testshire Food Bank](https://foodbank.testshire.example)", True),
    ("[email the clerk](mailto:clerk@testshire.example)", True),
    ("<https://www.testshire.example/a%20plan>", False),
    ("[www.testshire.example/hwb](https://www.testshire.example/hwb/)", False),
    ("[clerk@testshire.example](mailto:clerk@testshire.example)", False),
    ("[Paper A](/tb/2019/2019-03-14/papers/a/)", False),
])
def test_a_clerks_link_whose_words_do_not_show_its_address_is_marked_to_print_it(text, marked):
    """Printed minutes read 'Testshire Food Bank', with no address to find it by (style.css prints a
    .print-address link's address after it); a link that shows its address already prints it once, and one
    within the site prints its path whatever its words."""
    from generator.markdown import Renderer

    renderer = Renderer()
    for html in (renderer.render(text).html, renderer.render_inline(text).html):
        assert [a.attrs.get("class") == "print-address" for a in parse_html(html).find_all("a")] == [marked]


def test_a_tracker_sorts_an_organisation_written_as_a_name_by_its_name_not_its_last_word(site):
    """`owner: {name: Healthwatch Testshire}`, as action logs give actions to an organisation ("NHS England",
    "Leicestershire Partnership NHS Trust"): sorted as a person's name is, by its last word, NHS England came
    under E and two trusts under T, among the people's surnames."""
    rows = [tr for tr in page(site, "/tb/actions/").find_all("tr")
            if [href for href, _ in tr.links()][:1] == ["/tb/actions/tb-19-13-leaflet/"]]
    owner = [cell for cell in rows[0].children if not isinstance(cell, str)][1]
    assert (owner.text, owner.attrs["data-sort"]) == ("Healthwatch Testshire",
                                                      "1 Healthwatch Testshire Healthwatch Testshire; ")
