"""Quality gates: keyboard entry and reflow, on one page of every kind, in a real browser.

- Keyboard: the first Tab stop is the skip link, it is visible while focused,
  and Enter moves focus to <main> (WCAG 2.4.1 bypass blocks, 2.4.7 focus visible).
- Reflow: at 320 CSS pixels wide (1280 px zoomed to 400%) the page does not
  scroll sideways (WCAG 1.4.10); a wide table may scroll inside its own box.
  Nor does it with the text spacing of WCAG 1.4.12 as well, as a reader may set it,
  nor at the usual width with text at 200% (WCAG 1.4.4).
  The 320-pixel checks are made again with JavaScript off, as a reader whose browser runs none sees the page.

Each page is opened once for all four checks, as a reader would change its width and style in turn.
Each check is also run on a real page broken on purpose, and once on a page
that must pass (a wide table in its scrolling box), so that neither check can
quietly stop finding problems or start finding false ones.
"""

from __future__ import annotations

import pytest

from gate_tools import (PAGE_TYPES, TEXT_SPACING, clipped_text, covered_fields, dark_with_the_filters_open,
                        keyboard_problems, open_page, overflow, without_refresh)

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

ARCHIVES = ("example", "fixture")



def _open(sites, served, browser, name, template, width):
    url, results = sites[name].url(served[name], template)
    return open_page(browser, url, width=width, height=640, results_under=results)


# WCAG 1.4.4: text twice the size, as a reader's browser setting makes it (the site's sizes are in rem, and so
# are those it gives Pagefind's filters, which Pagefind sets in pixels), on a screen of the usual width.
TEXT_200 = "html { font-size: 200% !important; }"


def _overflow_with(page, css: str, check=overflow):
    """What scrolls sideways (or what `check` finds) with `css` added (a reader's own style), which is taken off
    again after. The style element is added by hand: Playwright's add_style_tag waits for a script of its own in
    the page, which never runs without JavaScript."""
    style = page.evaluate_handle("""css => document.head.appendChild(Object.assign(document.createElement('style'),
                                                                                 {textContent: css}))""", css)
    try:
        return check(page)
    finally:
        style.evaluate("style => style.remove()")


# A table's box that scrolls sideways, and is not a Tab stop named as a region, as the page is once it has
# settled: two frames on, the browser has told its observers of the sizes a reader's style changed. Without
# JavaScript there is nothing to wait for, as no script of the page's resizes or marks a box after it has loaded,
# and no frame would come: the browser runs no callback, not even this check's, and the wait never ended.
BOXES_NOT_STOPS = """async () => {
    if (!matchMedia('(scripting: none)').matches)
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    return [...document.querySelectorAll('.table-wrap')].filter(box => box.scrollWidth > box.clientWidth).map(box => {
        const by = box.getAttribute('aria-labelledby'), named = by && document.getElementById(by);
        const name = (box.getAttribute('aria-label') || (named ? named.textContent : '')).trim();
        const what = name || (box.querySelector('caption') || box).textContent.trim().slice(0, 40);
        return [box.getAttribute('tabindex') !== '0' && 'is no Tab stop', box.getAttribute('role') !== 'region' &&
                'is no region', !name && 'has no name'].filter(Boolean).map(problem => what + ': ' + problem);
    }).flat();
}"""


def boxes_not_stops(page) -> list[str]:
    return page.evaluate(BOXES_NOT_STOPS)


# The words of a page's headings, up to 15 characters long ('Leicestershire,'), that break across lines: a body's
# name in a heading 2rem high at 320 px, with a reader's text spacing, read 'Commissioni / ng'. A reference (.ref)
# may wrap where it must, and a longer word is a clerk's.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const heading of document.querySelectorAll('main h1, main h2')) {
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = walker.currentNode;
            if (text.parentElement.closest('.ref, .visually-hidden')) continue;
            for (const word of text.textContent.matchAll(/\\S{4,15}/g)) {
                const range = document.createRange();
                range.setStart(text, word.index);
                range.setEnd(text, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(word[0]);
            }
        }
    }
    return broken;
}"""


def broken_words(page) -> list[str]:
    return page.evaluate(BROKEN_WORDS)


def _look(sites, served, browser, name, template) -> dict:
    """Every check of this gate on one page, opened once as a reader would change its width and style in turn:
    a page load is most of a check's cost, and this gate's four checks on 37 pages were 148 loads."""
    page = _open(sites, served, browser, name, template, 320)
    try:
        found = {"320": overflow(page), "320 spaced": _overflow_with(page, TEXT_SPACING),
                 "320 boxes": boxes_not_stops(page), "320 spaced boxes": _overflow_with(page, TEXT_SPACING,
                                                                                        boxes_not_stops),
                 "320 spaced words": _overflow_with(page, TEXT_SPACING, broken_words),
                 "320 covered": covered_fields(page), "320 spaced covered": _overflow_with(page, TEXT_SPACING,
                                                                                           covered_fields),
                 "320 spaced clipped": _overflow_with(page, TEXT_SPACING, clipped_text)}
        if template == "search.html":
            # The search page in the dark scheme, its results shown, with its filters open, as a reader opens them
            dark_with_the_filters_open(page)
            found["320 dark open"] = overflow(page), _overflow_with(page, TEXT_SPACING)
            found["320 dark open covered"] = covered_fields(page), _overflow_with(page, TEXT_SPACING, covered_fields)
            found["320 dark open clipped"] = _overflow_with(page, TEXT_SPACING, clipped_text)
            page.emulate_media(color_scheme="light")
        page.set_viewport_size({"width": 1280, "height": 640})
        found["200%"] = _overflow_with(page, TEXT_200)
        found["200% covered"] = _overflow_with(page, TEXT_200, covered_fields)
        found["keyboard"] = keyboard_problems(page)  # last: it moves focus
        return found
    finally:
        page.close()


def _look_without_javascript(sites, served, context, name, template) -> dict:
    """The checks at 320 px on the page as a browser without JavaScript shows it: every table's box a Tab stop and a
    region, as the page marks it, the search page's message that search needs JavaScript."""
    url, _ = sites[name].url(served[name], template)
    page = context.new_page()
    try:
        page.route(url, without_refresh)  # a moved page's, which would go on to the page it sends the reader to
        page.goto(url)
        assert page.evaluate("() => matchMedia('(scripting: none)').matches"), "control: scripting is off"
        return {"320": overflow(page), "320 spaced": _overflow_with(page, TEXT_SPACING),
                "320 boxes": boxes_not_stops(page), "320 spaced boxes": _overflow_with(page, TEXT_SPACING,
                                                                                       boxes_not_stops)}
    finally:
        page.close()


@pytest.fixture(scope="module")
def findings(sites, served, browser):
    """findings(name, template, script=True): what `_look` found on that page (`_look_without_javascript`, with
    script false), looked at once for all the tests below."""
    seen: dict[tuple[str, str, bool], dict] = {}
    contexts: list = []

    def get(name: str, template: str, script: bool = True) -> dict:
        if (name, template, script) not in seen:
            if script:
                seen[name, template, script] = _look(sites, served, browser, name, template)
            else:
                if not contexts:
                    contexts.append(browser.new_context(java_script_enabled=False,
                                                        viewport={"width": 320, "height": 640}))
                seen[name, template, script] = _look_without_javascript(sites, served, contexts[0], name, template)
        return seen[name, template, script]

    yield get
    for context in contexts:
        context.close()


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_skip_link_is_the_first_tab_stop(findings, name, template):
    assert findings(name, template)["keyboard"] == []


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_horizontal_scroll_at_320_css_pixels(findings, name, template):
    assert findings(name, template)["320"] is None


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_horizontal_scroll_at_320_css_pixels_with_wider_text_spacing(findings, name, template):
    """The search page's order select stuck out 4px this way, though it fitted with the site's own spacing."""
    assert findings(name, template)["320 spaced"] is None


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_every_tables_box_that_scrolls_at_320_css_pixels_is_a_tab_stop_named_as_a_region(findings, name, template):
    """The site's own tables (an agenda, a tracker) scrolled at 320 px and were neither; a paper's table that fits
    until a reader widens the text spacing, after the page has loaded, scrolled and was no Tab stop."""
    assert findings(name, template)["320 boxes"] == []
    assert findings(name, template)["320 spaced boxes"] == []


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_without_javascript_no_horizontal_scroll_at_320_css_pixels_and_every_tables_box_that_scrolls_is_a_tab_stop(
        findings, name, template):
    """The page as a reader without JavaScript has it, which the checks above never saw: this gate's check of the
    tables' boxes waited for two frames of the page, which without JavaScript never came, and hung."""
    found = findings(name, template, script=False)
    assert (found["320"], found["320 spaced"]) == (None, None)
    assert (found["320 boxes"], found["320 spaced boxes"]) == ([], [])


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_headings_keep_their_words_whole_at_320_css_pixels_with_wider_text_spacing(findings, name, template):
    assert findings(name, template)["320 spaced words"] == []



@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_text_is_cut_off_at_320_css_pixels_with_wider_text_spacing(findings, name, template):
    """WCAG 1.4.12 asks that a reader's text spacing lose no content: no box that hides what overflows it (a long
    minute, a tracker, a body's page, the search page with its filters open) cuts off the words it holds."""
    assert findings(name, template)["320 spaced clipped"] == []
    if template == "search.html":
        assert findings(name, template)["320 dark open clipped"] == []


def test_clipped_text_check_finds_a_title_cut_off(sites, served, browser):
    """The site's name held to one line in a box that hides the rest: at 320 px with wider spacing it is cut off."""
    page = _open(sites, served, browser, "fixture", "meeting.html", 320)
    try:
        assert clipped_text(page) == []
        page.add_style_tag(content=".site-title { display: inline-block; white-space: nowrap; overflow: hidden; "
                                   "max-width: 10rem; }")
        assert _overflow_with(page, TEXT_SPACING, clipped_text) == ["a.site-title 'Testshire Public Records'"]
    finally:
        page.close()

@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_horizontal_scroll_with_text_at_200_percent(findings, name, template):
    assert findings(name, template)["200%"] is None


@pytest.mark.parametrize("name", ARCHIVES)
def test_the_search_page_in_the_dark_scheme_with_its_filters_open_does_not_scroll_sideways_at_320_css_pixels(
        findings, name):
    """With the site's text spacing and the wider spacing of WCAG 1.4.12. The gate looked at the search page at 320
    px only with its filters closed, as search.js closes them on a narrow screen, and in the light scheme alone."""
    assert findings(name, "search.html")["320 dark open"] == (None, None)


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_text_field_has_its_text_drawn_under_another_control(findings, name, template):
    """The search page's box kept 36px at its end for Pagefind's Clear button, which is 47px wide and more: a long
    search ('commissioning support unit midlands') ran under the button, at every width, and more so with a
    reader's text spacing (WCAG 1.4.12) or text size."""
    found = findings(name, template)
    assert (found["320 covered"], found["320 spaced covered"], found["200% covered"]) == ([], [], [])
    if template == "search.html":
        assert found["320 dark open covered"] == ([], [])


def test_field_check_finds_a_search_box_whose_text_runs_under_its_clear_button(sites, served, browser):
    """The search box with Pagefind's own room for its Clear button put back."""
    page = _open(sites, served, browser, "fixture", "search.html", 320)
    try:
        assert covered_fields(page) == []
        page.add_style_tag(content=".search-app .pf-input { padding-inline-end: 36px !important; }")
        assert [problem.split(".", 1)[1] for problem in covered_fields(page)] == [
            "pf-input: its text is drawn under button.pf-input-clear"]  # its id is Pagefind's, made anew each time
    finally:
        page.close()


def test_on_a_touch_screen_320_css_pixels_wide_the_footers_links_are_targets_44_pixels_square(sites, served, browser):
    """The link to the open data (/data/) and the footer's other three were 18px high, on rows 27px apart: WCAG
    2.5.8's 24px (AA), which axe checks, and not 2.5.5's 44px (AAA), which a finger needs more than a mouse. Each is
    named by what it leads to."""
    context = browser.new_context(has_touch=True, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(served["fixture"] + sites["fixture"].pages["meeting.html"])
        assert page.evaluate("() => matchMedia('(pointer: coarse)').matches"), "control: a touch screen"
        footer = page.get_by_role("navigation", name="About this archive")
        assert footer.get_by_role("link", name="Open data", exact=True).get_attribute("href") == "/data/"
        sizes = footer.get_by_role("link").evaluate_all(
            "links => links.map(a => [a.textContent, a.offsetWidth >= 44 && a.offsetHeight >= 44])")
        assert sizes == [["Open data", True], ["News feed (Atom)", True], ["Meetings calendar (iCalendar)", True],
                         ["Accessibility statement", True]]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


HEADER_TARGETS = """() => [...document.querySelectorAll(
    '.skip-link, .site-header a, .site-header input, .site-header button')].map(
    el => [el.textContent.trim() || el.getAttribute('type'), el.offsetWidth >= 44 && el.offsetHeight >= 44])"""


def test_on_a_touch_screen_320_css_pixels_wide_the_headers_links_and_search_are_targets_44_pixels_square(
        sites, served, browser):
    """The site's name was 30px high, Home, Archive and People 19px, on one row a finger covers, and the search
    box and its button 38px, the skip link 40px: WCAG 2.5.5 (AAA) asks 44px of a target, as the footer's links are made. The page
    still fits 320px, and with a mouse at 1280px the header is as it was, its links the height of their words."""
    context = browser.new_context(has_touch=True, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(served["fixture"] + sites["fixture"].pages["item.html"])
        assert page.evaluate("() => matchMedia('(pointer: coarse)').matches"), "control: a touch screen"
        assert page.evaluate(HEADER_TARGETS) == [["Skip to main content", True], ["Testshire Public Records", True],
                                                 ["Home", True],
                                                 ["Archive", True], ["People", True], ["search", True],
                                                 ["Search", True]]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
    page = open_page(browser, served["fixture"] + sites["fixture"].pages["item.html"], width=1280)
    try:
        assert page.evaluate("() => matchMedia('(pointer: fine)').matches"), "control: a mouse"
        assert page.evaluate(HEADER_TARGETS)[2] == ["Home", False]
    finally:
        page.close()


CRUMB_TARGETS = """() => [...document.querySelectorAll('.breadcrumbs a')].map(
    a => [a.textContent.trim(), a.offsetWidth >= 44 && a.offsetHeight >= 44])"""


def test_on_a_touch_screen_320_css_pixels_wide_the_breadcrumbs_links_are_targets_44_pixels_square(
        sites, served, browser):
    """Each link of the trail was 18px high, and a body's short name ('JC') under 44px wide, on rows a finger
    covers: the header's and footer's links were made 44px square (WCAG 2.5.5, AAA), and the trail between them was
    not. The page still fits 320px, and with a mouse at 1280px the trail is as it was, its links the height of their
    words."""
    address = sites["fixture"].pages["action.html"]
    context = browser.new_context(has_touch=True, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(served["fixture"] + address)
        assert page.evaluate("() => matchMedia('(pointer: coarse)').matches"), "control: a touch screen"
        crumbs = page.evaluate(CRUMB_TARGETS)
        assert [name for name, _ in crumbs][:3] == ["Home", "JC", "Actions"], crumbs
        assert all(big for _, big in crumbs), crumbs
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
    page = open_page(browser, served["fixture"] + address, width=1280)
    try:
        assert page.evaluate("() => matchMedia('(pointer: fine)').matches"), "control: a mouse"
        assert page.evaluate(CRUMB_TARGETS)[0] == ["Home", False]
        assert len({round(r["top"]) for r in page.locator(".breadcrumbs a").evaluate_all(
            "links => links.map(a => a.getBoundingClientRect().toJSON())")}) == 1  # one row
    finally:
        page.close()


def test_text_size_check_finds_words_that_do_not_wrap(sites, served, browser):
    """A line kept whole fits at the usual size and runs off the page at twice it."""
    page = _open(sites, served, browser, "example", "home.html", 1280)
    try:
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<p><span id="one-line" style="white-space: nowrap">' + 'Minutes of the meeting '.repeat(4) + '</span></p>')""")
        assert overflow(page) is None
        page.add_style_tag(content=TEXT_200)
        found = overflow(page)
        assert found is not None and any(c.startswith("span#one-line") for c in found["culprits"])
    finally:
        page.close()


TABLE_BOXES = """() => [...document.querySelectorAll('.table-wrap[role=region]')].map(
    box => [box.scrollWidth > box.clientWidth, box.getAttribute('tabindex')])"""
SETTLED = """() => [...document.querySelectorAll('.table-wrap[role=region]')].every(
    box => (box.scrollWidth > box.clientWidth) === (box.getAttribute('tabindex') === '0'))"""


def test_a_tables_box_is_a_tab_stop_only_while_it_scrolls(sites, served, browser):
    """Without JavaScript each table's box is a Tab stop, so that a keyboard can scroll it; with it, a box that
    fits the screen is not, being a Tab press for nothing. This paper's tables fit at 1280 px, not at 320."""
    address = "/jcccg/2020/2020-03-05/papers/08/"
    assert 'class="table-wrap" tabindex="0" role="region"' in (sites["example"].root / address[1:] / "index.html"
                                                                ).read_text()
    page = open_page(browser, served["example"] + address, width=1280, height=640)
    try:
        wide = page.evaluate(TABLE_BOXES)
        assert wide and all(not scrolls and stop is None for scrolls, stop in wide)
        page.set_viewport_size({"width": 320, "height": 640})
        page.wait_for_function(SETTLED)
        narrow = page.evaluate(TABLE_BOXES)
        assert any(scrolls for scrolls, _ in narrow)
        assert all((stop == "0") == scrolls for scrolls, stop in narrow)
    finally:
        page.close()


@pytest.mark.parametrize("template", ["actions.html", "body.html", "data.html", "meeting.html"])
def test_without_javascript_a_tables_box_that_scrolls_at_320_css_pixels_is_a_tab_stop_named_as_a_region(
        sites, served, browser, template):
    """The example's widest tables: a tracker, a body's attendance, the open data page's files, an agenda. Without
    JavaScript the site's own tables scrolled in boxes that were neither, and a tracker's last four columns, where
    its only links are in the first, were out of reach of the Tab key."""
    url, _ = sites["example"].url(served["example"], template)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(url)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        assert page.evaluate("() => [...document.querySelectorAll('.table-wrap')].some(b => b.scrollWidth > "
                             "b.clientWidth)"), "control: a table scrolls in its box"
        assert boxes_not_stops(page) == []
    finally:
        context.close()


# Each captioned table whose box scrolls, scrolled to its right-hand end: its caption (the table's own still, its name)
# and where it then is, from the box's left edge and right edge, in CSS pixels.
CAPTIONS_SCROLLED = """() => [...document.querySelectorAll('.table-wrap')].filter(
    box => box.scrollWidth > box.clientWidth && box.querySelector('table').caption).map(box => {
        box.scrollLeft = box.scrollWidth;
        const caption = box.querySelector('table').caption.getBoundingClientRect(), seen = box.getBoundingClientRect();
        return [box.querySelector('table').caption.textContent, box.scrollLeft > 0,
                Math.round(caption.left - seen.left), Math.round(seen.right - caption.right)];
    })"""


def test_a_wide_tables_caption_stays_in_view_above_it_as_its_box_scrolls(sites, served, browser):
    """It scrolled away with the table: at 320 px, a tracker scrolled to its last columns showed rows under no
    caption, and the region a screen reader announced by the caption had none in view."""
    page = _open(sites, served, browser, "fixture", "actions.html", 320)
    try:
        scrolled = page.evaluate(CAPTIONS_SCROLLED)
        assert scrolled and all(moved for _, moved, _, _ in scrolled)
        assert [(caption, left, right) for caption, _, left, right in scrolled] == [
            (caption, 6, 6) for caption, _, _, _ in scrolled]  # the box's padding either side
        assert boxes_not_stops(page) == []  # each still a region its caption names
    finally:
        page.close()


def test_table_box_check_finds_a_box_that_scrolls_and_is_no_tab_stop_named_as_a_region(sites, served, browser):
    page = _open(sites, served, browser, "example", "home.html", 320)
    try:
        assert boxes_not_stops(page) == []
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<div class="table-wrap"><table><caption>Wide</caption><tr><th scope="col" style="min-width: 900px">'
            + 'A very wide column</th></tr></table></div>')""")
        assert boxes_not_stops(page) == ["Wide: is no Tab stop", "Wide: is no region", "Wide: has no name"]
    finally:
        page.close()


def test_keyboard_check_finds_a_link_before_the_skip_link(sites, served, browser):
    page = _open(sites, served, browser, "example", "meeting.html", 1280)
    try:
        page.evaluate("""() => document.body.insertAdjacentHTML('afterbegin', '<a href="/archive/">Archive</a>')""")
        problems = keyboard_problems(page)
        assert len(problems) == 1 and "not a skip link" in problems[0]
    finally:
        page.close()


def test_keyboard_check_finds_a_skip_link_that_stays_hidden_or_goes_nowhere(sites, served, browser):
    page = _open(sites, served, browser, "example", "home.html", 1280)
    try:
        page.evaluate("""() => { const s = document.createElement('style');
            s.textContent = '.skip-link:focus, .skip-link:focus-visible { left: -9999px !important; }';
            document.head.append(s); document.querySelector('main').removeAttribute('id'); }""")
        problems = keyboard_problems(page)
        assert any("off screen" in p for p in problems)
        assert any("left focus on" in p for p in problems)
    finally:
        page.close()


def test_reflow_check_finds_a_page_wider_than_320_pixels(sites, served, browser):
    page = _open(sites, served, browser, "example", "paper.html", 320)
    try:
        assert overflow(page) is None
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<p id="too-wide" style="width: 600px">A fixed-width block</p>')""")
        found = overflow(page)
        assert found is not None and found["scroll_width"] > 320
        assert any(c.startswith("p#too-wide") for c in found["culprits"])
    finally:
        page.close()


def test_reflow_check_allows_a_wide_table_that_scrolls_in_its_own_box(sites, served, browser):
    page = _open(sites, served, browser, "example", "home.html", 320)
    try:
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<div class="table-wrap"><table><caption>Wide</caption><tr><th scope="col" style="min-width: 900px">'
            + 'A very wide column</th></tr></table></div>')""")
        assert overflow(page) is None
    finally:
        page.close()
