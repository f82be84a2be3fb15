"""The fixture site in a real browser: Debian's Chromium, headless, driven by Playwright's sync API.

The site is served by `python -m http.server` on 127.0.0.1 (a free port chosen by
the OS) because search needs HTTP. These tests are skipped only when
/usr/bin/chromium is missing *and* the environment variable CI is not set; under
CI a missing browser is a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from gate_tools import serve
from generator.actions import Track
from generator.build import Options, run
from generator.model import Action, Meeting, MinuteItem
from helpers import ALL_CANARIES, FIXTURE, TODAY, edit

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
MEETING = "/tb/2019/2019-03-14/"
ITEM = "/tb/2019/tb-19-13/"
PAPER = "/tb/2019/2019-03-14/papers/a/"
JC_MEETING = "/jc/2019/2019-11-05/"
JC_ITEM = "/jc/2019/2019-11-05/item-5/"
TRACKER = "/tb/actions/"  # statuses amber, green and more, and tracker.js's sort buttons
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing under CI: install Debian's chromium (./dev test does)")
        pytest.skip(f"{CHROMIUM} is not installed (run ./dev test, which installs it); set CI=1 to make this fail")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(site):
    """`python -m http.server` over the fixture site on 127.0.0.1; yields its base URL."""
    process = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                "--directory", str(site)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        line = process.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        match = re.search(r"port (\d+)", line)
        assert match, f"http.server did not start: {line!r}"
        base = f"http://127.0.0.1:{match.group(1)}"
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=1) as response:
                    assert response.status == 200
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    instance = playwright.chromium.launch(executable_path=str(chromium), args=ARGS, headless=True)
    try:
        yield instance
    finally:
        instance.close()
        playwright.stop()


# What a tab can be given by itself, as a context is given it: its viewport and the media it emulates.
OF_A_TAB = {"viewport", "color_scheme", "forced_colors"}


@pytest.fixture(scope="module")
def shared_context(browser, server):
    """One context for the module's tabs, with a tab kept open on the served host for as long as it: a tab in a
    context of its own started a renderer process of its own, most of a test's cost in Chromium, where the tabs of
    one context share the keeper's (gate_tools.Tabs). What is served does not change while the module runs, and the
    site keeps nothing in cookies or storage, so no tab sees what another did."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.new_page().goto(server + "/.keeper-tab")  # the server's short 'not found' page
    yield context
    context.close()


@pytest.fixture
def new_page(browser, shared_context):
    """`new_page(**context_options)`: a new tab, closed after the test; in the module's shared context, given its
    viewport and media itself, unless an option is one only a context takes (java_script_enabled), when the tab
    has a fresh context of its own."""
    tabs, contexts = [], []

    def _open(**options):
        if not set(options) <= OF_A_TAB:
            context = browser.new_context(**options)
            context.set_default_timeout(TIMEOUT_MS)
            contexts.append(context)
            return context.new_page()
        page = shared_context.new_page()
        tabs.append(page)
        if "viewport" in options:
            page.set_viewport_size(options["viewport"])
        media = {name: options[name] for name in ("color_scheme", "forced_colors") if name in options}
        if media:
            page.emulate_media(**media)
        return page

    yield _open
    for page in tabs:
        page.close()
    for context in contexts:
        context.close()


@pytest.mark.parametrize("url", ["/", MEETING, PAPER])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(server, new_page, url):
    page = new_page()
    page.goto(server + url)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.tagName, document.activeElement.getAttribute('href'),"
                            " document.activeElement.textContent.trim()]")
    assert focused == ["A", "#main", "Skip to main content"]
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'",
                           timeout=TIMEOUT_MS)
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    assert page.evaluate("() => location.hash") == "#main"


@pytest.mark.parametrize("url", [MEETING, PAPER, ITEM])  # the meeting page has a long webcast address
def test_no_horizontal_scrolling_at_320_css_pixels(server, new_page, url):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(server + url)
    page.wait_for_load_state("load")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"{url} is {width} CSS px wide at a 320 px viewport"
    assert page.evaluate("() => document.documentElement.clientWidth") == 320


def test_meeting_page_renders_its_minutes_without_javascript(server, new_page):
    page = new_page(java_script_enabled=False)
    page.set_content("<title>before</title><script>document.title = 'script ran'</script>")
    assert page.title() == "before"  # scripting is really off in this browser context
    page.goto(server + MEETING)
    items = page.locator("section.minute-item")
    assert items.count() == 4
    heading = page.locator("#item-tb-19-13")
    assert heading.is_visible()
    assert heading.inner_text() == "TB/19/13 Healthy Weight Strategy 2019 to 2024"
    resolution = page.locator("#item-tb-19-13 ~ .resolution")
    assert resolution.is_visible()
    assert "APPROVE the Healthy Weight Strategy 2019 to 2024." in resolution.inner_text()
    assert page.locator("table.agenda caption").inner_text() == "Agenda for Thursday 14 March 2019"


def test_without_javascript_the_search_page_offers_browsing_and_no_jump_it_cannot_make(server, new_page):
    """The search page had two search boxes, the header's and its own, to a reader with JavaScript: its own, which
    searches as they type, is the one it shows; without JavaScript, the header's, which has no other there."""
    page = new_page(java_script_enabled=False)
    page.goto(server + "/search/?q=TB/19/13")
    assert page.locator(".search-noscript").is_visible()
    assert page.get_by_role("link", name="archive by year").is_visible()
    assert not page.get_by_text("to go straight to it").is_visible()
    boxes = "() => [...document.querySelectorAll('input[type=search]')].filter(e => e.checkVisibility()).map(e => e.id)"
    assert page.evaluate(boxes) == ["site-search-q"]
    scripted = new_page()
    scripted.goto(server + "/search/")
    scripted.get_by_text("to go straight to it").wait_for(state="visible")
    scripted.locator("pagefind-input input").wait_for(state="visible")
    assert scripted.get_by_role("searchbox").evaluate_all("all => all.map(e => e.getAttribute('aria-label') ||"
                                                          " e.labels[0].textContent)") == [
        "Search words, names or minute numbers"]
    unindexed = new_page()  # the page's own box does not come: the header's is there again
    unindexed.route("**/search/config.json", lambda route: route.fulfill(status=404))
    unindexed.goto(server + "/search/")
    unindexed.get_by_text("Search is unavailable").wait_for(state="visible")
    assert unindexed.evaluate(boxes) == ["site-search-q"]


@pytest.mark.parametrize("query, item_page, on_meeting_page", [
    ("allotments", ITEM, MEETING + "#item-tb-19-13"),
    ("minibus", JC_ITEM, JC_MEETING + "#item-5"),
])
def test_search_page_finds_an_item_from_a_word_in_its_minutes(server, new_page, query, item_page, on_meeting_page):
    """`/search/?q=word` shows a result that links to the item: its own page, or its place on the meeting
    page (the item's anchor, or a heading inside the item, whose ids start with the item's anchor)."""
    page = new_page()
    page.goto(f"{server}/search/?q={query}")
    main = page.locator("#main")
    result = main.locator(f'a[href="{item_page}"], a[href="{on_meeting_page}"], a[href^="{on_meeting_page}-"]')
    try:
        # results arrive asynchronously, Pagefind's first and then, marked, those search.js has checked, which
        # may be drawn in their place: the excerpt is read from these
        page.locator(f'[data-search-app][data-search-checked="{query}"]').wait_for(state="attached")
        result.first.wait_for(state="visible", timeout=TIMEOUT_MS)
    except Exception:
        found = main.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        pytest.fail(f"no result links to item {item_page} within {TIMEOUT_MS} ms; links on the page: {found}")
    assert query in main.inner_text().lower()  # the excerpt shows the word searched for


def test_search_page_finds_a_welsh_paper_and_gives_its_title_as_welsh(server, new_page):
    """Pages keep the site's <html lang>, which Pagefind splits its index by, so a Welsh paper is found from the
    English search page; its result's title is marked `lang="cy"`, as its page marks it (docs/search.md)."""
    page = new_page()
    page.goto(f"{server}/search/?q=rhandiroedd")
    page.locator('[data-search-app][data-search-checked="rhandiroedd"]').wait_for(state="attached")
    link = page.locator('#main .search-result-title a[href="/tb/2019/2019-03-14/papers/b/"]')
    link.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert link.inner_text() == "Paper B: Strategaeth Pwysau Iach 2019 i 2024"
    assert link.locator("[lang]").evaluate_all("found => found.map(e => [e.lang, e.textContent])") == [
        ["cy", "Strategaeth Pwysau Iach 2019 i 2024"]]


PAGEFIND_SEARCH = """async (terms) => {
    // The archive's bundles, as the search page merges them (search/config.json).
    const config = await (await fetch("/search/config.json")).json();
    const [primary, ...others] = config.bundles;
    const pagefind = await import(primary.path + "pagefind.js");
    await pagefind.options({ bundlePath: primary.path });
    for (const bundle of others) { await pagefind.mergeIndex(bundle.path); }
    const found = {};
    for (const term of terms) {
        const search = await pagefind.search(term);
        found[term] = await Promise.all(search.results.map(async (r) => (await r.data()).url));
    }
    return found;
}"""


def test_pagefind_finds_no_unpublished_words(server, new_page):
    """Asked through Pagefind's own JS API over every bundle: published words are found, no canary, no word
    of the confidential item or paper is."""
    page = new_page()
    page.goto(server + "/search/")
    found = page.evaluate(PAGEFIND_SEARCH, ["allotments", "minibus", "canary", *ALL_CANARIES, "Mill Lane",
                                            "valuation"])
    # (not the canaries' numbers alone: Pagefind matches "2468" to a "2." in the public gallery)
    assert MEETING in found.pop("allotments"), "control: a published word is found on its page"
    assert JC_MEETING in found.pop("minibus"), "control: every body's bundle is searched"
    assert found == {term: [] for term in found}


def test_tracker_columns_sort_with_javascript_and_say_so(server, new_page):
    page = new_page()
    page.goto(server + "/tb/actions/")
    table = page.locator("table.tracker").first
    due = table.locator("thead th").nth(2)
    due.get_by_role("button").click()
    assert due.get_attribute("aria-sort") == "ascending"
    keys = table.locator("tbody tr td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")
    assert keys == sorted(keys)
    due.get_by_role("button").click()
    assert due.get_attribute("aria-sort") == "descending"
    keys = table.locator("tbody tr td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")
    assert keys == sorted(keys, reverse=True) and len(keys) >= 2


def test_a_screen_reader_hears_each_sort_buttons_heading_and_not_its_arrow(server, new_page):
    """The arrows that show which way a column is sorted were in the buttons' names, so a screen reader read
    "Due up down arrow, button", and the column's name with each of its cells; aria-sort says the order."""
    page = new_page()
    page.goto(server + TRACKER)
    table = page.locator("table.tracker").first
    names = ["Action", "Owner", "Due", "Raised", "Latest status"]
    assert [table.get_by_role("button", name=name, exact=True).count() for name in names] == [1] * 5
    assert table.locator(".sort-button").evaluate_all(
        "all => all.map(b => getComputedStyle(b, '::after').content)") == ['"\u00a0↕" / ""'] * 5  # still drawn
    table.get_by_role("button", name="Due", exact=True).click()
    assert table.get_by_role("columnheader", name="Due", exact=True).get_attribute("aria-sort") == "ascending"


def test_a_reader_who_sorts_a_tracker_by_keyboard_hears_how_it_is_sorted_and_its_caption_says_so(server, new_page):
    """The caption said "Open actions, soonest due first" of a table the reader had sorted by owner, and nothing
    was said when they sorted it: a screen reader does not read a changed aria-sort out. A status message, there
    before the first sort so that it is announced, names the table and its new order, as the caption does."""
    page = new_page()
    page.goto(server + TRACKER)
    table = page.locator("table.tracker").first
    status = page.get_by_role("status")
    assert status.count() == 1 and status.text_content() == ""
    assert table.locator("caption").text_content() == "Open actions, soonest due first"
    table.get_by_role("button", name="Owner", exact=True).focus()
    page.keyboard.press("Enter")
    assert table.locator("caption").text_content() == "Open actions, by owner, A to Z"
    page.wait_for_function("() => document.querySelector('[role=status]').textContent")
    assert status.text_content() == "Open actions sorted by owner, A to Z"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.endsWith('Z to A')")
    assert table.locator("caption").text_content() == "Open actions, by owner, Z to A"
    table.get_by_role("button", name="Due", exact=True).click()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.endsWith('due first')")
    assert (status.text_content(), table.locator("caption").text_content()) == (
        "Open actions sorted soonest due first", "Open actions, soonest due first")


def test_a_sort_buttons_arrow_stays_on_the_line_of_its_headings_last_word(server, new_page):
    """In a narrow column the arrow wrapped onto a line of its own, under "Raised" (the example's tracker at
    1280px): a mark with nothing beside it, in a heading a line taller than its words."""
    page = new_page()
    page.goto(server + TRACKER)
    page.locator(".sort-button").first.wait_for()
    alone = set()
    for width in range(320, 1300, 10):
        page.set_viewport_size({"width": width, "height": 640})
        alone |= set(page.evaluate("""() => [...document.querySelectorAll('.sort-button')].filter(b => {
            const words = document.createRange();
            words.selectNodeContents(b);
            const lines = [...words.getClientRects()];
            return b.getBoundingClientRect().bottom - lines[lines.length - 1].bottom > 4;
        }).map(b => b.textContent)"""))
    assert alone == set()


def test_a_sort_buttons_heading_starts_at_the_left_of_its_column_like_the_cells_below_it(server, new_page):
    """A button centres its words, and "Latest status", wrapped in its narrow column (at 320px, and at 1280px on
    the example's tracker), read as two centred lines over a column of words aligned left, as every other
    heading and cell is."""
    page = new_page()
    page.goto(server + TRACKER)
    page.locator(".sort-button").first.wait_for()
    wrapped, off = set(), set()
    for width in range(320, 1300, 40):
        page.set_viewport_size({"width": width, "height": 640})
        for heading, starts in page.evaluate("""() => [...document.querySelectorAll('.tracker thead th')].map(th => {
            const words = document.createRange();
            words.selectNodeContents(th.querySelector('.sort-button'));
            const left = th.getBoundingClientRect().left + parseFloat(getComputedStyle(th).paddingLeft);
            return [th.textContent, [...words.getClientRects()].map(line => Math.round(line.left - left))];
        })"""):
            wrapped |= {heading} if len(starts) > 1 else set()
            off |= {f"{heading} at {width}px: lines start {starts}px in"} if set(starts) != {0} else set()
    assert wrapped, "control: a heading wraps at some width"
    assert sorted(off) == []


def test_a_screen_reader_hears_the_breadcrumbs_links_and_not_the_marks_between_them(server, new_page):
    """The '›' drawn between the links was read out as a word of each item after the first."""
    page = new_page()
    page.goto(server + MEETING)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.aria_snapshot() == "\n".join([
        '- navigation "Breadcrumb":', "  - list:",
        '    - listitem:\n      - link "Home":\n        - /url: /',
        '    - listitem:\n      - link "TB":\n        - /url: /tb/',
        '    - listitem:\n      - link "2019":\n        - /url: /tb/2019/',
        '    - listitem:\n      - link "14 March 2019":\n        - /url: /tb/2019/2019-03-14/'])
    assert crumbs.get_by_role("listitem").evaluate_all(
        "all => all.map(li => getComputedStyle(li, '::before').content)")[1:] == ['"›" / ""'] * 3  # still drawn


def test_a_screen_reader_hears_a_minutes_two_links_and_not_the_dot_between_them(server, new_page):
    """The '·' between a minute's "Page for item" and "Agenda item" links on its meeting's page was text, read out
    as "middle dot"."""
    page = new_page()
    page.goto(server + MEETING)
    links = page.locator("#item-tb-19-13 ~ p.permalink")
    assert links.aria_snapshot() == "\n".join([
        "- paragraph:", '  - link "Page for item TB/19/13":', "    - /url: /tb/2019/tb-19-13/",
        '  - link "Agenda item TB/19/13":', "    - /url: \"#agenda-tb-19-13\""])
    assert links.locator("span").evaluate_all("all => all.map(s => getComputedStyle(s, '::before').content)") == [
        "none", '"·" / ""']  # still drawn
    assert links.inner_text() == "Page for item TB/19/13 Agenda item TB/19/13"  # copied, the words stay apart


def test_a_minutes_two_links_are_24_css_pixels_apart_at_320_css_pixels(server, new_page):
    """WCAG 2.5.8 (target size): "Page for item TB/19/12 · Agenda item TB/19/12" is no sentence, and at 320px the
    second link broke over two lines, its second line under the first link, the two 19px apart centre to centre
    where a finger needs 24. Each link stays whole, on a line of its own if need be, the lines spaced apart."""
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(server + MEETING)
    found = page.evaluate("""() => [...document.querySelectorAll('.permalink')].map(line => {
        const boxes = [...line.querySelectorAll('a')].map(a => [...a.getClientRects()]);
        const centre = box => [box.left + box.width / 2, box.top + box.height / 2];
        const [first, second] = boxes.map(rects => centre(rects[0]));
        return [boxes.map(rects => rects.length), Math.round(Math.hypot(first[0] - second[0], first[1] - second[1]))];
    })""")
    assert found, "control: the meeting's minutes each have a page and an agenda item"
    assert [(parts, apart) for parts, apart in found if parts != [1, 1] or apart < 24] == []


def test_a_links_hidden_words_are_read_and_copied_as_words_of_its_own(server, new_page):
    """Words hidden for a screen reader's list of links (a meeting's date in a table of meetings, whose body a
    feed is of) are out of the line, a block of their own, which a screen reader reads after a space and a copy
    takes with none: the home page's "Health and Wellbeing Board, 14 March 2019" was read "Health and Wellbeing
    Board , 14 March 2019", and a body's "news feed (Atom) of the TB" copied as "news feed (Atom)of the TB". An
    action's and a person's feed were read "news feed (Atom) of action TB/19/13#2", then "of its updates" outside
    the link, as if two things."""
    page = new_page()
    said, copied = {}, {}
    for url, part in (("/", "table.meetings >> nth=-1"), ("/tb/", "p.follow"), ("/tb/actions/tb-19-13-2/", "p.follow"),
                      ("/people/brian-okafor/", "p.follow")):
        page.goto(server + url)
        said[url] = [line.strip() for line in page.locator(part).aria_snapshot().splitlines() if "- link " in line]
        copied[url] = page.locator(part).evaluate("""e => { const r = document.createRange(); r.selectNodeContents(e);
            getSelection().removeAllRanges(); getSelection().addRange(r); return getSelection().toString(); }""")
    assert '- link "Health and Wellbeing Board on 14 March 2019":' in said["/"]
    assert [name for name in said["/"] + said["/tb/"] if " ," in name or "  " in name] == []
    assert "Health and Wellbeing Board\u00a0on 14 March 2019" in copied["/"]
    assert '- link "news feed (Atom) of the TB":' in said["/tb/"]
    assert "news feed (Atom)\u00a0of the TB" in copied["/tb/"]
    assert [name for name in said["/tb/actions/tb-19-13-2/"] if "news feed" in name] == [
        '- link "news feed (Atom) of its updates (action TB/19/13#2)":']
    assert [name for name in said["/people/brian-okafor/"] if "news feed" in name] == [
        '- link "news feed (Atom) of the records that name them (Mr Brian Okafor)":']


def test_a_meetings_landmarks_are_its_parts_and_not_each_of_its_minutes(server, new_page):
    """Each minute item was a region landmark of its own, named by its heading: a screen reader's list of the page's
    landmarks ran to 19 on the example's meeting of 14 items, and would to 50 on a council's; its items are found by
    their headings, as on the page of a minute's own."""
    page = new_page()
    page.goto(server + MEETING)
    assert page.locator("section.minute-item").count() == 4, "control: the meeting has minutes"
    regions = page.get_by_role("region").evaluate_all(
        "all => all.map(e => document.getElementById(e.getAttribute('aria-labelledby')).textContent.trim())")
    assert regions == ["Attendance", "Agenda", "Minutes", "Actions raised at this meeting", "Papers", "Notes",
                       "Referenced from"]
    assert page.get_by_role("heading", level=3).filter(has_text="TB/19/13").count() == 1


@pytest.mark.parametrize("url", ["/tb/", "/tb/actions/tb-19-13-2/", "/people/brian-okafor/", MEETING])
def test_no_two_links_of_a_page_have_the_same_words_and_go_to_different_places(server, new_page, url):
    """A screen reader's list of a page's links gives each by its words alone: the body's, the action's and the
    person's own "news feed (Atom)" and "meetings calendar (iCalendar)" were listed twice, beside the footer's for
    the whole archive, with nothing to tell them apart."""
    page = new_page()
    page.goto(server + url)
    targets = page.evaluate("""() => {
        const targets = {};
        for (const a of document.querySelectorAll('a[href]')) {
            const words = a.textContent.replace(/\\s+/g, ' ').trim().toLowerCase();
            (targets[words] = targets[words] || new Set()).add(a.href);
        }
        return Object.fromEntries(Object.entries(targets).map(([words, hrefs]) => [words, [...hrefs].sort()]));
    }""")
    assert {words: hrefs for words, hrefs in targets.items() if len(hrefs) > 1} == {}
    assert targets["news feed (atom)"] == [server + "/feeds/all.xml"]  # the footer's, for the whole archive


# Tables with a row for each action, other than the tracker's: a meeting's actions raised and its action log, and
# the actions a person owns.
ACTION_TABLES = [(MEETING, 'section[aria-labelledby="actions-raised"] table'),
                 ("/tb/2019/2019-06-20/", "table.action-log"),
                 ("/people/brian-okafor/2019/", 'table:has(caption:text("Actions owned by"))')]


@pytest.mark.parametrize("url, table", [(TRACKER, "table.tracker"), *ACTION_TABLES])
def test_an_actions_text_reads_as_text_and_its_number_stands_out(server, new_page, url, table):
    """The meeting's, the action log's and a person's tables printed each action's whole text in bold, as their
    row's heading, where the tracker's read as text: a long action (some run to 60 words) is harder to read in bold,
    and nothing in it stands out from the rest."""
    page = new_page()
    page.goto(server + url)
    weights = page.locator(table).first.locator("tbody th").evaluate_all("""all => all.map(th => [
        getComputedStyle(th).fontWeight, getComputedStyle(th.querySelector('a')).fontWeight])""")
    assert weights and set(map(tuple, weights)) == {("400", "700")}


@pytest.fixture(scope="module")
def parts_tracker(tmp_path_factory):
    """The fixture archive with an action raised under the joint committee's item 5.1 as well as under its item 5,
    whose owner the minutes do not record, built and served: the committee's tracker lists both."""
    content = tmp_path_factory.mktemp("tracker") / "content"
    shutil.copytree(FIXTURE, content)
    edit(content, "meetings/jc/2019-11-05/minutes.md", "The committee noted the service specification.",
         "```item\nactions:\n  - text: Publish the service specification.\n    due: 2020-01-31\n```\n\n"
         "The committee noted the service specification.")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok, [d.format() for d in result.report.sorted()]
    with serve(out) as base:
        yield base


def test_tracker_sorts_actions_in_the_order_they_were_raised_and_those_of_no_recorded_owner_after_the_rest(
        parts_tracker, new_page):
    """tracker.js compares the cells' data-sort as text, numbers in it as numbers, in the reader's language: by
    their ids, item 5.1's action came before item 5's ('2019-11-05/5.1#1' before '2019-11-05/5#1', as a full stop
    sorts before '#'), and an action whose owner is not recorded came before every owner, its '~' meant to sort
    after them."""
    page = new_page()
    page.goto(parts_tracker + "/jc/actions/")
    table = page.locator("table.tracker").first

    def column(n: int) -> list[str]:
        return table.locator(f"tbody tr > :nth-child({n})").evaluate_all("cells => cells.map(c => c.textContent)")

    # by due date; the board's TB/19/13#2, which it gave the committee, is due first
    assert [cell.split(":")[0] for cell in column(1)] == ["TB/19/13#2", "2019-11-05/5.1#1", "2019-11-05/5#1"]
    table.locator("thead th").nth(0).get_by_role("button").click()
    assert [cell.split(":")[0] for cell in column(1)] == ["TB/19/13#2", "2019-11-05/5#1", "2019-11-05/5.1#1"]
    table.locator("thead th").nth(1).get_by_role("button").click()
    assert column(2) == ["Mr Brian Okafor and JC", "Dr Carol Singh", "Not recorded"]  # by surname
    table.locator("thead th").nth(1).get_by_role("button").click()
    assert column(2) == ["Not recorded", "Dr Carol Singh", "Mr Brian Okafor and JC"]


def _raised(date: str, item: str, key: str = "1") -> Track:
    """A track of action `item#key`, raised at a meeting on `date` (only what its place in a tracker is made of)."""
    meeting = Meeting("pc", date, dt.date.fromisoformat(date), "Parish Council")
    action = Action(f"{item}#{key}", key, (), "Text.", None, "pc", f"pc/{date}", item)
    return Track(f"pc:{action.id}", action, meeting, MinuteItem(item, "Title", actions=(action,)))


@pytest.mark.parametrize("tracks", [
    [_raised("2019-11-14", "45/19"), _raised("2020-01-09", "1/20"), _raised("2020-01-09", "5/20")],  # {n}/{yy}
    [_raised("1999-12-09", "C/99/5"), _raised("2000-01-13", "C/00/3"), _raised("2000-01-13", "C/00/3", "2")],
    [_raised("2020-03-05", "7", "10"), _raised("2020-03-05", "7.1"), _raised("2020-03-05", "7a")],
], ids=["number-before-year", "years-either-side-of-2000", "parts-numbered-per-meeting"])
def test_the_order_actions_were_raised_in_sorts_in_a_browser_as_they_were_raised(new_page, tracks):
    """As tracker.js compares Track.raised_order, where the fixture's numberings have no such case: by their ids,
    1/20#1 came before 45/19#1, C/00/3#1 before C/99/5#1 and 7.1#1 before 7#10."""
    keys = [track.raised_order for track in tracks]
    page = new_page()
    assert page.evaluate("""keys => [...keys].reverse().sort((x, y) => x.localeCompare(y, "en-GB", {numeric: true}))""",
                         keys) == keys


def test_an_old_address_in_moved_yaml_takes_the_reader_to_the_page_it_is_now(server, new_page):
    """The fixture's moved.yaml: the joint committee's meeting of 5 November, first published under the 4th."""
    page = new_page()
    page.goto(server + "/jc/2019/2019-11-04/papers/05/")
    page.wait_for_url(server + "/jc/2019/2019-11-05/papers/05/", timeout=TIMEOUT_MS)
    assert "Joint public health commissioning" in page.locator("h1").inner_text()


def test_in_forced_colours_a_line_marks_the_header_off_from_the_page_below_it(server, new_page):
    """Forced colours (Windows' contrast themes) drop the header's background, and the header, the breadcrumbs
    and the page's heading ran together; a border the site gives it, transparent otherwise, is drawn there in
    the reader's own colours."""
    page = new_page()
    page.emulate_media(forced_colors="active")
    page.goto(server + MEETING)
    border, width, colour, background = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.site-header'));
        return [s.borderBottomStyle, s.borderBottomWidth, s.borderBottomColor, s.backgroundColor];
    }""")
    assert (border, width) == ("solid", "1px")
    assert colour not in ("transparent", "rgba(0, 0, 0, 0)", background), (colour, background)


# What a reader sees in colour on the tracker: the page, its text, links and contents box, the statuses, the sort
# buttons.
COLOURS = """() => {
    const style = selector => getComputedStyle(document.querySelector(selector));
    return {page: style('body').backgroundColor, text: style('body').color, link: style('main a').color,
            panel: style('.toc').backgroundColor, amber: style('.status-amber').color, green: style('.status-green').color,
            sort: style('.sort-button').color, scheme: style(':root').colorScheme};
}"""


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of a computed `rgb(r, g, b)`."""
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(int(n)) for n in re.findall(r"\d+", colour)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_a_reader_whose_system_is_set_to_dark_gets_light_text_on_a_dark_page(server, new_page):
    """The site had one colour scheme, and a reader whose system was set to dark got a bright page at night. Each
    colour changes in the dark scheme, the statuses' and sort buttons' too; axe checks their contrast in either
    (test_gates_axe.py)."""
    seen = {}
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        page.goto(server + TRACKER)
        seen[scheme] = page.evaluate(COLOURS)
    light, dark = seen["light"], seen["dark"]
    assert _luminance(light["page"]) > _luminance(light["text"]), light
    assert _luminance(dark["page"]) < _luminance(dark["text"]), dark
    assert [name for name in light if light[name] == dark[name]] == ["scheme"], (light, dark)
    assert dark["scheme"] == "light dark"  # the browser draws form controls and scroll bars in the reader's scheme


def test_a_page_printed_from_a_dark_screen_is_printed_black_on_white(server, new_page):
    """The dark scheme is for screens: on paper the page is as a light screen's reader prints it."""
    page = new_page(color_scheme="dark")
    page.goto(server + TRACKER)
    page.emulate_media(media="print")
    printed = page.evaluate(COLOURS)
    page.emulate_media(color_scheme="light")
    assert (printed["page"], printed["text"]) == ("rgb(255, 255, 255)", "rgb(0, 0, 0)")
    assert printed == page.evaluate(COLOURS)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_in_forced_colours_the_statuses_keep_their_border_and_focus_its_outline(server, new_page, theme):
    """Windows' contrast themes (forced colours, dark text on light or light on dark) replace the site's colours
    with the reader's own and drop backgrounds and box-shadows: a status shown by its colour, or a focus shown by
    a shadow, would be gone. Each status is a word in a border, and a focused sort button has an outline."""
    page = new_page(color_scheme=theme, forced_colors="active")
    page.goto(server + TRACKER)
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.sort-button:focus-visible')"):
            break
    else:
        pytest.fail("the Tab key reached no sort button")
    shown = page.evaluate("""() => {
        const canvas = getComputedStyle(document.body).backgroundColor;
        const line = (style, width, colour) =>
            `${style} ${width} ${colour === canvas || /^rgba\\(.*, 0\\)$/.test(colour) ? 'unseen' : 'seen'}`;
        const focused = getComputedStyle(document.activeElement);
        return {statuses: [...new Set([...document.querySelectorAll('.status')].map(e => getComputedStyle(e))
                                       .map(s => line(s.borderStyle, s.borderWidth, s.borderColor)))],
                focus: line(focused.outlineStyle, focused.outlineWidth, focused.outlineColor)};
    }""")
    assert shown == {"statuses": ["solid 2px seen"], "focus": "solid 3px seen"}


def test_in_forced_colours_a_line_marks_an_agenda_section_off_from_its_items(server, new_page):
    """The section's row ("Standing items") was marked off by its background alone, which forced colours drop: it
    looked like one more item, whose titles are as bold."""
    page = new_page(forced_colors="active")
    page.goto(server + MEETING)
    lines = page.evaluate("""() => [...document.querySelectorAll('.agenda tbody tr')].map(row => {
        const s = getComputedStyle(row.cells[0]);
        return [row.className || 'item', s.borderTopStyle + ' ' + s.borderTopWidth];
    })""")
    assert {kind: line for kind, line in lines} == {"agenda-section": "solid 3px", "item": "none 0px",
                                                   "agenda-sub": "none 0px"}, lines


@pytest.fixture(scope="module")
def drafts_preview(tmp_path_factory):
    """The fixture archive built and served as a `--drafts` preview, with a draft action log at the board's meeting
    of 16 January 2020, whose minutes are a draft: it updates TB/19/13#2, Mr Okafor's and the committee's."""
    content = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "meetings/tb/2020-01-16/actions.md").write_text(
        "---\nstatus: draft\nupdates:\n  - action: TB/19/13#2\n    status: amber\n"
        "    progress: The pilot is under way in six schools.\n---\n", encoding="utf-8")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), drafts=True, search=False))
    assert result.ok, [d.format() for d in result.report.sorted()]
    with serve(out) as base:
        yield base


def test_the_draft_flag_in_a_sentence_is_one_box_at_any_width(new_page, drafts_preview):
    """The preview's flag on a draft minute's page ("Draft minutes, not yet approved.") ends the sentence naming
    the meeting: where the line broke inside it, its box split in two, its coloured edge on the first half only."""
    page = new_page()
    page.goto(drafts_preview + "/tb/2020/tb-20-1/")
    split = []
    for width in range(320, 1000, 10):
        page.set_viewport_size({"width": width, "height": 640})
        if page.evaluate("() => document.querySelector('strong.draft-flag').getClientRects().length") != 1:
            split.append(width)
    assert split == []


def test_a_previews_banner_is_in_a_landmark_a_screen_reader_goes_to(new_page, drafts_preview):
    """'Preview: this build includes draft minutes. Do not publish it.' was the one line of a preview's page outside
    its landmarks (but for the skip link, which goes to the main content): a reader going from landmark to landmark
    passed it by. It is a region of its own, named Preview."""
    page = new_page(java_script_enabled=False)
    page.goto(drafts_preview + "/")
    outside = page.evaluate("""() => {
        const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = walker.currentNode, parent = text.parentElement;
            if (text.textContent.trim() && parent.checkVisibility() && !parent.closest(
                    'header, nav, main, footer, aside, [role="region"][aria-label], .skip-link')) {
                found.push(text.textContent.trim());
            }
        }
        return found;
    }""")
    assert outside == []
    assert page.get_by_role("region", name="Preview").inner_text() == (
        "Preview: this build includes draft minutes. Do not publish it.")


@pytest.mark.parametrize("url, flags", [
    ("/tb/2020/2020-01-16/", ["Raised in draft minutes", "Draft action log, not yet final.", "draft"]),
    ("/people/brian-okafor/", ["from a draft log"]),
    ("/people/carol-singh/", ["Raised in draft minutes"]),
    ("/tb/actions/", ["from a draft log", "Raised in draft minutes", "from a draft log", "from a draft log",
                      "Raised in draft minutes"]),  # open; overdue at the last meeting; overdue today
])
def test_a_tables_draft_flags_are_whole_in_their_cells_at_320_css_pixels(new_page, drafts_preview, url, flags):
    """Every table listing actions marks a draft's in a --drafts preview (the meeting's actions raised and action
    log, a person's actions, the trackers), and the log's progress line says it is a draft. At 320 px, where the
    cells are narrowest, each flag is one box, inside its cell (a table wider than the screen scrolls in its own
    frame), and the page does not scroll sideways."""
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(drafts_preview + url)
    found = page.evaluate("""() => [...document.querySelectorAll('main table strong.draft-flag, #action-log ~ p strong.draft-flag')].map(flag => {
        const box = flag.getBoundingClientRect(), cell = flag.parentElement.closest('td, th, p').getBoundingClientRect();
        return [flag.textContent, flag.getClientRects().length === 1
                && box.left >= cell.left && box.right <= cell.right + 0.5];
    })""")
    assert found == [[flag, True] for flag in flags]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
