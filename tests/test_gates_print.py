"""Quality gate: printing, on one page of every kind, in a real browser with print media.

Councillors and members of the public print minutes and papers. On paper a
page cannot scroll sideways, so a table wider than the printable width loses
its right-hand columns: at A4's printable width in Chromium (210 mm less its
default margins of about 10 mm a side: 718 CSS pixels) nothing may stick out,
the site's navigation and search are left off, and the page says its own
address, since the reader of a printout cannot click through to it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata

import pytest
from playwright.sync_api import expect

from gate_tools import PAGE_TYPES, open_page, overflow, serve
from generator.build import Options, run
from helpers import FIXTURE, TODAY

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

ARCHIVES = ("example", "fixture")
A4_WIDTH = 718  # CSS pixels: 793.7 for 210 mm, less Chromium's default print margins
CHROME = (".site-header", ".site-search", ".breadcrumbs", ".skip-link", ".site-footer nav")
# The example's paper whose tables came from its PDF: up to 30 columns, twice the page's width on screen
WIDE_TABLES = "/jcccg/2020/2020-03-05/papers/05/"


def _printed(browser, url: str):
    page = open_page(browser, url, width=A4_WIDTH, height=1000)
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("template", [t for t in PAGE_TYPES if t != "search.html"])
@pytest.mark.parametrize("name", ARCHIVES)
def test_a_printed_page_fits_the_paper_and_leaves_the_site_navigation_off(sites, served, browser, name, template):
    """Each link to a page of the site printed its address after its words: a meeting's attendance list read
    'Mr Toby Sanders (/people/toby-sanders/), Managing Director, ...' for every name, and its agenda each paper's.
    A reader of the paper finds them from the page's own address, which it prints once: in its "Cite this" line
    where it has one (which the footer's "This page is" printed again), else in the footer."""
    url, _ = sites[name].url(served[name], template)
    page = _printed(browser, url)
    try:
        assert overflow(page) is None
        shown = page.evaluate("""selectors => selectors.filter(s => [...document.querySelectorAll(s)].some(
            e => getComputedStyle(e).display !== 'none'))""", list(CHROME))
        assert shown == []
        internal = page.evaluate("""() => [...document.querySelectorAll('a[href]')].filter(a => a.origin ===
            location.origin && getComputedStyle(a, '::after').content !== 'none').map(a => a.getAttribute('href'))""")
        assert internal == []
        own = sites[name].base_url.rstrip("/") + sites[name].pages[template]
        printed = page.evaluate("() => document.body.innerText")
        assert len(re.findall(re.escape(own) + r"(?![\w/#?-])", printed)) == 1, own
    finally:
        page.close()


@pytest.mark.parametrize("template", ["accessibility.html", "data.html"])
@pytest.mark.parametrize("name", ARCHIVES)
def test_a_printed_link_to_another_site_says_its_address(sites, served, browser, name, template):
    """The reader of a printed accessibility statement had the words 'contact the Equality Advisory and Support
    Service (EASS)' and no address for it; every printed page had the licence's name and not its address."""
    url, _ = sites[name].url(served[name], template)
    page = _printed(browser, url)
    try:
        links = page.evaluate("""() => [...document.querySelectorAll('a[href^="http"]')].map(a => [a.href,
            a.textContent.trim(), getComputedStyle(a, '::after').content])""")
        assert any(text != href for href, text, _ in links), "control: the page links to another site by name"
        assert [(href, text) for href, text, after in links if href not in text and href not in after] == []
    finally:
        page.close()


# A page's own navigation, which does nothing on paper: a tracker's or a meeting's contents box, the links to the
# meetings before and after, a minute's links to its own page and its agenda item.
PAGE_NAVIGATION = (".toc", ".pager", ".permalink")


@pytest.mark.parametrize("template", ["meeting.html", "actions.html"])
@pytest.mark.parametrize("name", ARCHIVES)
def test_a_meeting_and_a_tracker_printed_from_a_dark_screen_print_black_on_white_without_their_navigation(
        sites, served, browser, name, template):
    """What readers print most, from a screen in the dark scheme, a tracker sorted by its reader first: on paper each
    is black on white, its own navigation is left off as the site's is, its tables fit, and a sorted tracker's
    column says that it is the one sorted by (its arrow), the others printing none."""
    url, _ = sites[name].url(served[name], template)
    page = open_page(browser, url, width=A4_WIDTH, height=1000)
    try:
        page.emulate_media(color_scheme="dark")
        if template == "actions.html":
            page.locator(".sort-button").nth(3).click()  # Raised, earliest first
        page.emulate_media(media="print")
        shown = page.evaluate("""selectors => selectors.filter(s => [...document.querySelectorAll(s)].some(
            e => getComputedStyle(e).display !== 'none'))""", list(PAGE_NAVIGATION + CHROME))
        assert shown == []
        colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
            getComputedStyle(document.body).color, getComputedStyle(document.querySelector('main a')).color]""")
        assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"]
        assert overflow(page) is None
        if template == "actions.html":
            arrows = page.evaluate("""() => [...document.querySelector('table.tracker').tHead.rows[0].cells].map(
                th => getComputedStyle(th.querySelector('.sort-button'), '::after').content)""")
            assert arrows == ["none", "none", "none", '"\u00a0\u2191" / ""', "none"], arrows
    finally:
        page.close()



@pytest.mark.parametrize("template", ["action.html", "meeting.html"])
def test_a_printed_pages_citation_is_black_and_its_statuses_thinly_boxed_at_full_width(sites, served, browser,
                                                                                      template):
    """At A4's width, as most print: the 'Cite this' line, grey on screen, prints black, as the rest of the page
    does, and a RAG status's box prints with a hairline, not the screen's 2 px. A rule for narrow prints (scaled up
    to 200%) once took both with it, so they printed as on screen."""
    url, _ = sites["fixture"].url(served["fixture"], template)
    page = _printed(browser, url)
    try:
        printed = page.evaluate("""() => ({
            cite: [...document.querySelectorAll('.cite')].map(e => getComputedStyle(e).color),
            status: [...document.querySelectorAll('.status')].map(e => getComputedStyle(e).borderTopWidth)})""")
        assert printed["cite"] == ["rgb(0, 0, 0)"]
        assert printed["status"] and set(printed["status"]) == {"1px"}, printed["status"]
    finally:
        page.close()

# A fixture meeting whose agenda and minutes link other sites by name: the council's consultation, the food bank.
CLERKS_LINKS = "/tb/2019/2019-03-14/"


def test_a_printed_link_a_clerk_wrote_to_another_site_says_its_address(served, browser):
    """Printed minutes read 'Testshire Food Bank' and 'council website', with no address for either; the webcast's
    link, whose words are its address, prints it once."""
    page = _printed(browser, served["fixture"] + CLERKS_LINKS)
    try:
        links = page.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')].map(a => [
            a.getAttribute('href'), a.textContent.trim(), getComputedStyle(a, '::after').content])""")
        assert links == [
            ["https://webcast.testshire.example/hwb/2019-03-14", "https://webcast.testshire.example/hwb/2019-03-14",
             "none"],
            ["https://www.testshire.example/consult", "council website", '" (https://www.testshire.example/consult)"'],
            ["https://foodbank.testshire.example", "Testshire Food Bank", '" (https://foodbank.testshire.example)"']]
        assert overflow(page) is None
    finally:
        page.close()


def test_a_printed_meeting_says_in_words_which_of_its_actions_are_overdue(served, browser):
    """On paper, often printed in black alone, a meeting's "Actions raised" table says each action's status, and
    which are overdue, in words: 'Overdue' prints in the text's own black, with no colour to read it by."""
    page = _printed(browser, served["fixture"] + CLERKS_LINKS)
    try:
        table = page.locator('section[aria-labelledby="actions-raised"] table')
        assert table.locator("tbody td:last-child").all_inner_texts() == [
            "Green, Closed", "Amber, Overdue", "Not started, Overdue"]
        assert table.locator(".overdue").evaluate_all("all => all.map(e => getComputedStyle(e).color)") == [
            "rgb(0, 0, 0)"] * 2
    finally:
        page.close()


def test_tables_wider_than_the_paper_on_screen_fit_it_in_print(sites, served, browser):
    """On screen, each scrolls in its own box; printed, the box cannot scroll."""
    url = served["example"] + WIDE_TABLES
    screen = open_page(browser, url, width=A4_WIDTH, height=1000)
    try:
        widest = screen.evaluate(
            "() => Math.max(...[...document.querySelectorAll('main table')].map(t => t.scrollWidth))")
        assert widest > 1.5 * A4_WIDTH, "control: the paper has a table much wider than the paper"
    finally:
        screen.close()
    page = _printed(browser, url)
    try:
        assert overflow(page) is None
        widths = page.evaluate(
            "() => [...document.querySelectorAll('main table')].map(t => t.getBoundingClientRect().right)")
        assert len(widths) > 20 and max(widths) <= A4_WIDTH
        assert page.pdf(format="A4").startswith(b"%PDF")  # and Chromium prints it
    finally:
        page.close()


# The search page's own controls, which do nothing on paper: the search box, the order and the filters; and the hint
# to type a minute number into the box ('Type a minute number, such as CCBP/18/42, to go straight to it.').
SEARCH_CONTROLS = ("pagefind-input", "#search-sort", "pagefind-filter-pane", ".search-more button", "[data-search-hint]")


def _printed_search(browser, url: str):
    """The search page at `url`, printed once its results are checked, without scrolling to any of them."""
    page = open_page(browser, url, width=A4_WIDTH, height=1000)
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "care", timeout=10_000)
    page.emulate_media(media="print")
    return page


def test_a_printed_search_lists_every_result_shown_and_leaves_its_controls_off(served, browser):
    """Results are filled in as they come into view; printing must not stop at those on screen (8 of 20)."""
    page = _printed_search(browser, served["example"] + "/search/?q=care")
    try:
        summary = page.locator("pagefind-summary")
        expect(summary).to_have_text("20 results for care")  # the query and its count are printed
        items = page.locator("pagefind-results ul.pf-results > li")
        expect(items).to_have_count(20)
        expect(page.locator("li.search-result h3 a")).to_have_count(20, timeout=10_000)
        assert all(item.is_visible() for item in items.all())
        shown = page.evaluate("""selectors => selectors.filter(
            s => [...document.querySelectorAll(s)].some(e => e.checkVisibility()))""", list(SEARCH_CONTROLS + CHROME))
        assert shown == []
        assert overflow(page) is None
        assert page.pdf(format="A4").startswith(b"%PDF")
    finally:
        page.close()


def test_a_printed_search_says_what_filtered_and_ordered_it(served, browser):
    """The filter pane and the order are left off paper, so the printout says what they were."""
    page = _printed_search(browser, served["example"] + "/search/?q=care&type=paper&year=2019&sort=oldest")
    try:
        expect(page.locator("pagefind-summary")).to_have_text("4 results for care")
        expect(page.locator(".search-printed")).to_be_visible()
        expect(page.locator(".search-printed")).to_have_text(
            "Filtered by type paper; year 2019. Ordered by meeting date, oldest first.")
        page.emulate_media(media="screen")
        expect(page.locator(".search-printed")).to_be_hidden()  # on screen the pane and the order say so
    finally:
        page.close()


def test_a_search_page_printed_without_javascript_leaves_off_that_search_needs_it(served, browser):
    """Printed from a browser without JavaScript, the search page said 'Search needs JavaScript, which is turned off
    or not available in this browser', and listed where to browse instead, links that go nowhere on paper."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": A4_WIDTH, "height": 1000})
    try:
        page = context.new_page()
        page.goto(served["fixture"] + "/search/?q=health")
        expect(page.locator(".search-noscript")).to_be_visible()  # control: on screen it says so
        page.emulate_media(media="print")
        expect(page.locator(".search-noscript")).to_be_hidden()
        expect(page.locator("h1")).to_have_text("Search the archive")
    finally:
        context.close()


# The printed page as pages, the browser's way: in print media, the body in columns of A4's printable width and
# height (about 1,047 CSS pixels less a little), one beside the next, which the browser breaks between as it breaks
# between printed pages, with the same rules (break-after, break-inside). For each of the main content's tables with
# column headings, pushed down the page a step at a time by a block put before it (or before the line introducing it):
# each place where its caption, its headings or that line (or, `introEnds`, that line's last line of text, a paper's
# rule) ends up on another page from its first row.
PAGE_HEIGHT = 1000
TABLES_SPLIT_FROM_THEIR_FIRST_ROW = """([width, height, introEnds, step]) => {
    const pages = document.createElement('style');
    pages.textContent = `body { height: ${height}px; column-width: ${width}px; column-gap: 100px; column-fill: auto;
                                margin: 0; }`;
    document.head.append(pages);
    const page = el => Math.floor((el.getBoundingClientRect().left + scrollX + 50) / (width + 100));
    const lastLine = el => ({getBoundingClientRect: () => {  // where the element's last line is laid out now
        const range = document.createRange();
        range.selectNodeContents(el);
        const rects = [...range.getClientRects()].filter(r => r.width && r.height);
        return rects.length ? rects[rects.length - 1] : el.getBoundingClientRect();
    }});
    const found = [];
    for (const table of document.querySelectorAll('main .table-wrap > table')) {
        if (!table.tHead || !table.tBodies.length || !table.tBodies[0].rows.length) continue;
        const before = table.parentElement.previousElementSibling;
        const intro = before && before.matches('p') ? before : null;
        const parts = {[introEnds ? "introduction's last line" : 'introduction']: intro && introEnds ? lastLine(intro) : intro,
                       caption: table.caption, headings: table.tHead};
        const spacer = document.createElement('div');
        (intro || table.parentElement).before(spacer);
        const name = (table.caption || table.parentElement).textContent.trim().slice(0, 40);
        for (let push = 0; push < height; push += step) {
            spacer.style.height = push + 'px';
            const first = page(table.tBodies[0].rows[0]);
            const apart = Object.entries(parts).filter(([, el]) => el && page(el) !== first).map(([what]) => what);
            if (!apart.length) continue;
            found.push(name + ': its ' + apart.join(' and ') + ' on a page before its first row');
            break;
        }
        spacer.remove();
    }
    pages.remove();
    return found;
}"""


# A person's page whose last table's caption is two lines long ('Papers of 2018 that name Ms Tamsin Hooton as author,
# contributor, sponsor or / presenter, newest first').
LONG_CAPTION = "/people/tamsin-hooton/"


@pytest.mark.parametrize(("name", "template"), [("example", "actions.html"), ("example", "meeting.html"),
                                                ("fixture", "actions.html"), ("example", LONG_CAPTION)])
def test_a_printed_table_starts_its_page_with_its_name_headings_and_introduction(sites, served, browser, name,
                                                                                  template):
    """A tracker's second table ('Overdue today') printed its caption and column headings at the foot of a page and
    its rows on the next, and the line introducing it ('As at Sunday 6 December 2026, ...') a page before them; a
    person's table of papers printed the first line of its caption of two at the foot of a page, and its second line
    on the next above the table."""
    url = served[name] + template if template.startswith("/") else sites[name].url(served[name], template)[0]
    page = _printed(browser, url)
    try:
        assert page.evaluate("() => document.querySelectorAll('main .table-wrap > table thead').length"), "control"
        assert page.evaluate(TABLES_SPLIT_FROM_THEIR_FIRST_ROW, [A4_WIDTH, PAGE_HEIGHT, False, 20]) == []
    finally:
        page.close()


# The example's papers with tables under column headings: the one whose tables came from its PDF (21 of them, each
# after a paragraph of up to 90 words), and one whose two tables are each introduced by a line in bold
# ('Table 1: An overview of the proposed amendment ...').
PAPERS_WITH_TABLES = (WIDE_TABLES, "/jcccg/2020/2020-03-05/papers/07/", "/jhsc/2019/2019-01-21/papers/a/")
# Pushed 40 pixels a step, where the site's pages are pushed 20: each step lays out the 21 tables' paper again (17 s
# in all at 20, 12 at 40), and with a line 22 pixels high every other step or so still puts a last line at a foot.
PAPER_STEP = 40


@pytest.mark.parametrize("path", PAPERS_WITH_TABLES)
def test_a_printed_papers_table_starts_its_page_with_its_headings_and_the_end_of_its_introduction(served, browser,
                                                                                                  path):
    """A paper's rule, where the site's pages keep a table's whole introduction on the sheet of its first row: a
    paper's paragraph before a table is often long (8 of the 21 in its tables' paper began a sheet before their
    table, however they fell), and a long paragraph goes over a sheet's foot as any text does. Its last line does
    not: it goes over with the table's caption, its headings and its first row, so that 'as set out below' is read
    with what it sets out. Its headings are checked whole and with what they head by the test above."""
    page = _printed(browser, served["example"] + path)
    try:
        assert page.evaluate("() => document.querySelectorAll('main .table-wrap > table thead').length"), "control"
        assert page.evaluate(TABLES_SPLIT_FROM_THEIR_FIRST_ROW, [A4_WIDTH, PAGE_HEIGHT, True, PAPER_STEP]) == []
    finally:
        page.close()


# Each heading of the main content, the page pushed down a step at a time (a block put at the top of the main
# content), laid out in A4's pages as above: each that ends up split over two pages, or at the foot of one with the
# first line of what it heads on the next.
HEADINGS_APART = """([width, height]) => {
    const pages = document.createElement('style');
    pages.textContent = `body { height: ${height}px; column-width: ${width}px; column-gap: 100px; column-fill: auto;
                                margin: 0; }`;
    document.head.append(pages);
    const page = rect => Math.floor((rect.left + scrollX + 50) / (width + 100));
    const lines = el => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return [...range.getClientRects()].filter(r => r.width && r.height);
    };
    const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].filter(
        h => h.checkVisibility());
    const after = headings.map(h => {
        let next = h.nextElementSibling;
        while (next && !next.checkVisibility()) next = next.nextElementSibling;
        return next;
    });
    const spacer = document.createElement('div');
    document.querySelector('main').prepend(spacer);
    const found = new Set();
    for (let push = 0; push < height; push += 10) {
        spacer.style.height = push + 'px';
        headings.forEach((heading, i) => {
            const own = lines(heading), first = after[i] ? lines(after[i]).slice(0, 1) : [];
            const name = heading.textContent.trim().slice(0, 40);
            if (new Set(own.map(page)).size > 1) found.add(name + ': split over two pages');
            else if (new Set([...own, ...first].map(page)).size > 1) found.add(name + ': a page before what it heads');
        });
    }
    spacer.remove();
    pages.remove();
    return [...found];
}"""


@pytest.mark.parametrize("path", [None, WIDE_TABLES])
def test_a_printed_heading_is_whole_and_on_the_page_of_what_it_heads(sites, served, browser, path):
    """A minute's heading of two lines ('CCBP/18/47 To APPROVE the minutes of the Public Commissioning...') printed
    its first line at the foot of a page and its second on the next, and a paper's headings below the third level
    ('1.3 A Transformed Model of Care', '3.4.1 Incomplete Referrals- CHC') and a minute's 'Actions' printed at the foot
    of a page, the words they head on the next: only h1 to h3 were kept with what follows, and none kept whole."""
    page = _printed(browser, served["example"] + (path or sites["example"].pages["meeting.html"]))
    try:
        assert page.evaluate("() => document.querySelectorAll('main :is(h4, h5)').length"), "control: deep headings"
        assert sorted(page.evaluate(HEADINGS_APART, [A4_WIDTH, PAGE_HEIGHT])) == []
    finally:
        page.close()


# A page's facts (.facts: a meeting's body, date, time and so on, an action's status, owner and due date), printed at
# twice the size, as a reader who needs larger print asks of the print dialog (Scale 200%: A4 is 359 CSS pixels wide,
# and each term stands above its value, as on a phone): the page cut after the list, which is pushed down a sheet a
# step at a time (a block put before it), each step printed, a step less than a line's height.
FACTS_AT_TWICE_THE_SIZE = {"format": "A4", "scale": 2}
FACTS_PUSHED = range(0, 520, 16)  # a sheet at this scale holds about 500 CSS pixels
CUT_AFTER_THE_FACTS = """() => {
    const facts = document.querySelector('main .facts');
    for (let el = facts; el.tagName !== 'MAIN'; el = el.parentElement)
        while (el.nextElementSibling) el.nextElementSibling.remove();
    const spacer = document.createElement('div');
    spacer.id = 'pushed';
    facts.before(spacer);
    return [...facts.querySelectorAll('dt')].map(dt => dt.textContent.trim());
}"""


@pytest.mark.parametrize("template", ["meeting.html", "action.html"])
def test_a_printed_fact_is_on_the_sheet_of_its_value(sites, served, browser, template):
    """Printed larger, a meeting's 'Date' and 'Chair', and an action's 'Owner', printed at the foot of a sheet and
    their values at the top of the next, the term read as the last line of the sheet with nothing to say."""
    from pdf_text import page_texts

    page = _printed(browser, sites["fixture"].url(served["fixture"], template)[0])
    try:
        terms = page.evaluate(CUT_AFTER_THE_FACTS)
        assert len(terms) > 3, "control: the page lists its facts"
        apart = set()
        for push in FACTS_PUSHED:
            page.evaluate("push => { document.getElementById('pushed').style.height = push + 'px'; }", push)
            sheets = page_texts(page.pdf(**FACTS_AT_TWICE_THE_SIZE))
            apart |= {sheet.split("\n")[-1] for sheet in sheets[:-1]} & set(terms)
        assert sorted(apart) == []
    finally:
        page.close()


def test_a_printed_trackers_column_headings_are_words_on_every_page(sites, served, browser):
    """Chromium repeats a table's column headings at the top of each page it runs on to, but draws no control there:
    a tracker's headings, sort buttons on screen (tracker.js), were left blank from its second page, its columns
    unnamed. Printed, each is its words, and the introduction no longer says that they sort the table."""
    page = _printed(browser, served["example"] + sites["example"].pages["actions.html"])
    try:
        introduction = page.locator("main p").first
        assert "Tables are ordered by due date." in introduction.inner_text()
        page.emulate_media(media="screen")
        assert "each column heading also sorts its table." in introduction.inner_text()
        page.emulate_media(media="print")
        controls = page.evaluate("""() => [...document.querySelectorAll('thead :is(button, input, select)')].map(
            c => [c.textContent.trim(), getComputedStyle(c).display])""")
        assert controls, "control: the tracker's headings are sort buttons"
        assert [heading for heading, drawn in controls if drawn != "contents"] == []
    finally:
        page.close()


@pytest.mark.parametrize("template", ["action.html", "body.html", "person.html"])
def test_a_printed_action_body_or_person_leaves_off_its_links_to_feeds(sites, served, browser, template):
    """'Follow this action: news feed (Atom) of its updates. More open data.' was printed under an action's history:
    links to follow on screen, which print no address, words with nowhere to go on paper, as the footer's are."""
    page = _printed(browser, sites["fixture"].url(served["fixture"], template)[0])
    try:
        assert page.locator("main .follow").count() == 1, "control: the page offers its feeds"
        assert page.locator("main .follow").is_hidden()
    finally:
        page.close()


# Each kind of page printed on several sheets, and what each sheet's margins must say: whose it is (the body and
# meeting), its own reference, where a page has one, and its address.
SHEETS = {
    ("fixture", "/tb/2019/2019-03-14/"): ("Testshire Health and Wellbeing Board, Thursday 14 March 2019", None),
    ("fixture", "/tb/2019/tb-19-12/"): (
        "Testshire Health and Wellbeing Board, Thursday 14 March 2019", "Minute TB/19/12"),
    ("example", WIDE_TABLES): ("Healthier Lancashire and South Cumbria Joint Committee of Clinical Commissioning "
                               "Groups, Thursday 5 March 2020", "Item 05"),
    ("fixture", "/jc/actions/2019-11-05-5-1/"): (
        "Testshire and Northvale Joint Committee, Tuesday 5 November 2019", "Action 2019-11-05/5#1"),
}


@pytest.fixture(scope="module")
def printed_sheets(sites, served, browser):
    """Each page of SHEETS printed to PDF by Chromium, as a reader prints it: the text of each sheet (pdf_text),
    margins and all, which print media in the page itself does not show."""
    from pdf_text import page_texts

    sheets = {}
    for name, path in SHEETS:
        page = open_page(browser, served[name] + path, width=A4_WIDTH, height=1000)
        try:
            sheets[name, path] = page_texts(page.pdf(format="A4"))
        finally:
            page.close()
    return sheets


@pytest.mark.parametrize(("name", "path"), list(SHEETS))
def test_every_printed_sheet_of_a_meeting_a_minute_a_paper_or_an_action_says_whose_it_is_and_its_address(
        sites, printed_sheets, name, path):
    """Only the first sheet named the body and meeting, under the page's heading: a loose third sheet of a meeting's
    minutes or of a paper said nothing of whose it was, nor where to find it. Each sheet's margins say the body and
    meeting, the minute, paper or action, its address, and which sheet of how many it is."""
    head, ref = SHEETS[name, path]
    address = sites[name].base_url.rstrip("/") + path
    sheets = printed_sheets[name, path]
    if path in ("/tb/2019/2019-03-14/", WIDE_TABLES):
        assert len(sheets) > 2, "control: the page prints on several sheets"
    missing = []
    for number, text in enumerate(sheets, 1):
        wanted = [head, address, f"Page {number} of {len(sheets)}"] + ([ref] if ref else [])
        missing += [f"sheet {number}: {words!r}" for words in wanted if words not in text.replace("\n", "")]
    assert missing == []


# A preview (--drafts) of the fixture archive whose meeting of 14 March 2019, six sheets printed, has draft minutes;
# its meeting of 20 June 2019, three sheets, approved ones.
DRAFT_MEETING, DRAFT_MINUTE, APPROVED_MEETING = "/tb/2019/2019-03-14/", "/tb/2019/tb-19-12/", "/tb/2019/2019-06-20/"
DRAFT_WORDS = "Draft minutes, not yet approved"


@pytest.fixture(scope="module")
def printed_preview(tmp_path_factory, browser):
    """Each sheet's text (pdf_text) of the preview's draft meeting, one of its minutes and an approved meeting."""
    from pdf_text import page_texts

    content = tmp_path_factory.mktemp("preview") / "content"
    shutil.copytree(FIXTURE, content)
    minutes = content / "meetings" / "tb" / "2019-03-14" / "minutes.md"
    minutes.write_text(minutes.read_text().replace("status: approved", "status: draft", 1))
    out = content.parent / "site"
    result = run(Options(content=content, out=out, drafts=True, today=dt.date.fromisoformat(TODAY), search=False))
    assert result.ok, "\n".join(d.format() for d in result.report.sorted())
    sheets = {}
    with serve(out) as host:
        for path in (DRAFT_MEETING, DRAFT_MINUTE, APPROVED_MEETING):
            page = open_page(browser, host + path, width=A4_WIDTH, height=1000)
            try:
                sheets[path] = page_texts(page.pdf(format="A4"))
            finally:
                page.close()
    return sheets


def test_every_printed_sheet_of_draft_minutes_says_they_are_a_draft(printed_preview):
    """A preview's draft minutes said so under their heading, on the first sheet alone: their second to sixth sheets,
    found loose, read as approved minutes. Each sheet's top right says so, under a minute's reference."""
    meeting, minute = printed_preview[DRAFT_MEETING], printed_preview[DRAFT_MINUTE]
    assert len(meeting) > 2, "control: the draft prints on several sheets"
    assert [number for number, text in enumerate(meeting, 1) if DRAFT_WORDS not in text.split("\n")] == []
    lines = minute[0].split("\n")
    assert lines.index(DRAFT_WORDS) == lines.index("Minute TB/19/12") + 1


def test_no_printed_sheet_of_approved_minutes_in_a_preview_says_they_are_a_draft(printed_preview):
    approved = printed_preview[APPROVED_MEETING]
    assert len(approved) > 1, "control: the approved minutes print on several sheets"
    assert [number for number, text in enumerate(approved, 1) if "not yet approved" in text] == []


# Printed larger, as a reader who needs larger print asks of the print dialog (Scale 200%: A4 is 359 CSS pixels wide):
# the example's pages with the site's tables of several columns, each at its widest there (a tracker 532 pixels, an
# agenda 408, a person's actions 397, the open data files 496).
AT_TWICE_THE_SIZE = 359
STACKED = {"actions.html": "the tracker", "meeting.html": "an agenda and its actions raised",
           LONG_CAPTION: "a person's actions", "body.html": "a body's members", "data.html": "the open data files",
           "declarations.html": "a register of interests", "/jcccg/2020/2020-03-05/papers/07/": "a front sheet"}
# Each of the site's own tables (not a table written in a paper's text, in a box named by its aria-label) as the page
# prints it: how far right it reaches, and each cell shown with its column's heading, where it has one (not a row
# spanning every column: an agenda's section).
SITE_TABLES = """() => [...document.querySelectorAll('main .table-wrap:not([aria-label]) > table')].map(table => ({
    right: table.getBoundingClientRect().right,
    cells: [...table.tBodies].flatMap(body => [...body.rows]).flatMap(row => [...row.cells].map((cell, i) => [
        table.tHead && cell.colSpan === 1 ? table.tHead.rows[0].cells[i].textContent.trim() : '', cell])).filter(
        ([, cell]) => cell.checkVisibility()).map(([heading, cell]) => [heading, cell.innerText]),
}))"""


def _url(sites, served, name, template):
    return served[name] + template if template.startswith("/") else sites[name].url(served[name], template)[0]


@pytest.mark.parametrize("template", list(STACKED))
def test_a_page_printed_at_twice_the_size_has_no_table_wider_than_the_sheet(sites, served, browser, template):
    """At Scale 200% a tracker printed 532 CSS pixels wide on a sheet of 359, an agenda 408 and a person's actions 397,
    and Chromium shrank each sheet to fit them, the larger print the reader asked for lost. Each row now prints as a
    block, its cells one under another."""
    page = open_page(browser, _url(sites, served, "example", template), width=AT_TWICE_THE_SIZE, height=1000)
    try:
        page.emulate_media(media="print")
        tables = page.evaluate(SITE_TABLES)
        assert tables, f"control: the page has {STACKED[template]}"
        assert overflow(page) is None
        assert [table["right"] for table in tables if table["right"] > AT_TWICE_THE_SIZE + 1] == []
    finally:
        page.close()


@pytest.mark.parametrize("template", ["actions.html", "meeting.html", LONG_CAPTION])
def test_a_table_printed_at_twice_the_size_prints_every_cell_under_its_columns_heading(sites, served, browser,
                                                                                       template):
    """Stacked, a row's cells have no column headings above them: each prints after its heading's words ('Owner:
    Ms Tamsin Hooton', 'Due: July 2018'), and no cell's words are lost from the sheets (the PDF's text). Shrunk to
    fit as a table, the sheets said each cell under its column's heading, not after it."""
    from pdf_text import page_texts

    page = open_page(browser, _url(sites, served, "example", template), width=AT_TWICE_THE_SIZE, height=1000)
    try:
        page.emulate_media(media="print")
        cells = [cell for table in page.evaluate(SITE_TABLES) for cell in table["cells"]]
        assert len(cells) > 4, "control: the tables have rows"
        # NFKC: the PDF draws 'fi' and 'fl' as one glyph, a ligature, which the font's map reads back as one character
        printed = "".join(unicodedata.normalize("NFKC", "".join(page_texts(page.pdf(format="A4", scale=2)))).split())
        missing = [f"{heading}: {text}" for heading, text in cells
                   if "".join(f"{heading + ':' if heading else ''}{text}".split()) not in printed]
        assert missing == []
    finally:
        page.close()


@pytest.mark.parametrize("template", ["actions.html", "meeting.html"])
def test_a_table_printed_at_full_size_is_a_table_as_before(sites, served, browser, template):
    """At 100% a tracker and an agenda fit the sheet as tables: their columns side by side under their headings, no
    cell named by its heading."""
    page = _printed(browser, _url(sites, served, "example", template))
    try:
        printed = page.evaluate("""() => [...document.querySelectorAll('main .table-wrap:not([aria-label]) > table')].map(t => [
            getComputedStyle(t).display, getComputedStyle(t.tHead).display,
            getComputedStyle(t.tBodies[0].rows[0].cells[1]).display,
            getComputedStyle(t.tBodies[0].rows[0].cells[1], '::before').content])""")
        assert printed and set(map(tuple, printed)) == {("table", "table-header-group", "table-cell", "none")}
    finally:
        page.close()
