"""Quality gate: a scrutiny officer's walk across bodies, keyboard only, in a real browser.

From a minute of the joint committee, a citation of the board's minute TB/19/13, that minute's "Referenced from"
link back, the action the first minute raised, its owner's page, and Back through them all: after each step the
reader starts at the top of the new page, the skip link the first Tab stop; each page's <title> says whose minute
it is; each link followed says where it goes out of its sentence (WCAG 2.4.2, 2.4.4).

The fixture archive, with the JC's minute 5 citing TB/19/13 and the JC's meeting titled "Extraordinary meeting",
a title that names no body, is built once for the module (without its search index) and served.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from gate_fixtures import browser  # noqa: F401 - fixture
from gate_tools import serve
from generator.build import Options, run
from helpers import FIXTURE, TODAY, edit

JC_MINUTE = "/jc/2019/2019-11-05/item-5/"
TB_MINUTE = "/tb/2019/tb-19-13/"
ACTION = "/jc/actions/2019-11-05-5-1/"
PERSON = "/people/carol-singh/"
SITE = " | Testshire Public Records"


@pytest.fixture(scope="module")
def walk_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("walk") / "content"
    shutil.copytree(FIXTURE, content)
    edit(content, "meetings/jc/2019-11-05/minutes.md", "Dr Singh introduced the report.",
         "Dr Singh introduced the report, which builds on the Board's TB/19/13.")
    edit(content, "meetings/jc/2019-11-05/meeting.md", "title: Joint Committee", "title: Extraordinary meeting")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok, [d.format() for d in result.report.sorted()]
    with serve(out) as address:
        yield address


@pytest.fixture
def page(browser, walk_site):  # noqa: F811 - the imported fixture
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.set_default_timeout(15_000)
    yield tab
    tab.close()


def _focused(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'),
                text: el.textContent.replace(/\\s+/g, ' ').trim()}; }""")


def _tab_to(page, name: str, limit: int = 200) -> None:
    """Tab, as a reader does, until the link named `name` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused(page)["text"] == name:
            return
    pytest.fail(f"no link named {name!r} on {page.url} in {limit} Tab stops")


def _follow(page, name: str, walk_site: str, to: str) -> None:
    """Tab to the link named `name`, press Enter, and check the reader starts at the top of the page it opens."""
    _tab_to(page, name)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == walk_site + to
    assert _focused(page)["tag"] == "body", "focus starts at the top of the new page"
    page.keyboard.press("Tab")
    first = _focused(page)
    assert (first["tag"], first["href"]) == ("a", "#main"), f"the first Tab stop is the skip link, not {first}"


def test_a_keyboard_reader_follows_a_citation_to_another_bodys_minute_and_its_backlink_home(page, walk_site):
    """The link back under "Referenced from" was named "Minute 5", whose minute 5 a list of links did not say, and
    the JC's pages were titled "Extraordinary meeting", whose meeting the tab did not say."""
    page.goto(walk_site + JC_MINUTE)
    assert page.title() == "5 Joint public health commissioning – JC: Extraordinary meeting, 5 November 2019" + SITE
    _follow(page, "TB/19/13", walk_site, TB_MINUTE)
    assert page.title() == ("TB/19/13 Healthy Weight Strategy 2019 to 2024 – Health and Wellbeing Board, "
                            "14 March 2019" + SITE)
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main", "the skip link moves focus to the minute"
    _follow(page, "Minute 5, JC meeting of 5 November 2019", walk_site, JC_MINUTE)
    _follow(page, "Action 2019-11-05/5#1", walk_site, ACTION)
    assert page.title() == "JC action 2019-11-05/5#1" + SITE
    _follow(page, "Dr Carol Singh", walk_site, PERSON)
    assert page.title() == "Dr Carol Singh" + SITE
    titles = {ACTION: "JC action 2019-11-05/5#1", JC_MINUTE: "5 Joint public health commissioning – JC: ",
              TB_MINUTE: "TB/19/13 Healthy Weight Strategy"}
    # The skip link, followed on TB/19/13, is a step in the tab's history too, as any link within a page is.
    for back in (ACTION, JC_MINUTE, TB_MINUTE + "#main", TB_MINUTE, JC_MINUTE):
        page.go_back()
        assert (page.url, page.title().startswith(titles[back.removesuffix("#main")])) == (walk_site + back, True)


def test_each_referenced_from_link_names_the_body_and_meeting_of_the_place_that_cites(page, walk_site):
    """A screen reader's list of links read "Minute 5" and "Paper B": every body has a minute 5."""
    page.goto(walk_site + TB_MINUTE)
    cited = page.get_by_role("region", name="Referenced from").get_by_role("link")
    assert cited.evaluate_all("links => links.map(a => [a.textContent, a.getAttribute('href')])") == [
        ["Minute 5, JC meeting of 5 November 2019", JC_MINUTE],
        ["Paper B, TB meeting of 14 March 2019", "/tb/2019/2019-03-14/papers/b/"]]


def test_an_actions_history_links_the_minute_it_was_raised_under_by_more_than_its_number(page, walk_site):
    """"Raised under minute 5" linked its "5" alone, a link named by a number."""
    page.goto(walk_site + ACTION)
    history = page.locator("#raised")
    assert history.get_by_role("link", name="minute 5", exact=True).get_attribute("href") == JC_MINUTE


@pytest.mark.parametrize("url, title", [
    ("/jc/2019/2019-11-05/", "JC: Extraordinary meeting, 5 November 2019"),
    ("/jc/2019/2019-11-05/papers/05/", "Item 05: Joint public health commissioning – JC: Extraordinary meeting, "
                                        "5 November 2019"),
    ("/tb/2019/2019-03-14/", "Health and Wellbeing Board, 14 March 2019"),  # names its body already
    ("/tb/2019/2019-06-20/", "TB meeting, 20 June 2019"),  # no title of its own: its body's
])
def test_the_pages_of_a_meeting_whose_title_names_no_body_are_titled_with_its_body(page, walk_site, url, title):
    page.goto(walk_site + url)
    assert page.title() == title + SITE
