"""Quality gate: wherever the Tab key goes, the reader can see where focus is, on one page of every kind.

At each Tab stop, from the skip link round to the end of the page (the search page with its results, filters
and Pagefind's controls included), the focused element must
- have a focus indicator: an outline, or a box-shadow ring or underline (on a checkbox's label, where Pagefind
  draws it), one of whose colours contrasts 3:1 with what is behind it (WCAG 2.4.7 focus visible, 1.4.11);
- be seen: on screen, and not under anything else, such as a sticky header, nor scrolled away inside a box
  that clips it (WCAG 2.4.11 focus not obscured);
- show its whole indicator where it is in full view: a box that clips (a table's, which scrolls sideways) must
  not cut off the ring drawn past its edge, as it did a sort button's left side (WCAG 2.4.7).
Back from a page a link led to, focus is on that link again, the page restored as the reader left it (the
back/forward cache, which Playwright turns off and a reader's browser has on), so that the Tab key goes on from there.
In forced colours (Windows' contrast themes, emulated through Chromium's DevTools protocol), box-shadows and
backgrounds are dropped, so there an outline must show on its own: the site's links draw one, transparent
until the reader's colours replace it. The dark colour scheme is checked on the tracker and the search page.

The check is also run on real pages broken on purpose (focus styles removed, a pale indicator, a sticky
header that covers what the Tab key reaches, a table's box without room for the ring), so that it cannot quietly
stop finding such problems.
"""

from __future__ import annotations

import pytest

from gate_tools import PAGE_TYPES, dark_with_the_filters_open, focus_problems, open_page, with_back_forward_cache

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

ARCHIVES = ("example", "fixture")


def _open(sites, served, browser, name, template, width=1280):
    url, results = sites[name].url(served[name], template)
    return open_page(browser, url, width=width, height=640, results_under=results)


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_every_tab_stop_shows_where_focus_is(sites, served, browser, name, template):
    page = _open(sites, served, browser, name, template)
    try:
        assert focus_problems(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ["fixture"])
def test_every_tab_stop_shows_where_focus_is_in_forced_colours_at_320_css_pixels(sites, served, browser, name,
                                                                                  template):
    """Narrow as well, where the header, the search filters and the tables wrap or scroll. On the fixture alone,
    which has a page of every kind: what forced colours change is the stylesheet's, the same on either archive,
    and each page costs a browser round trip a Tab stop."""
    page = _open(sites, served, browser, name, template, width=320)
    try:
        page.emulate_media(forced_colors="active")
        assert focus_problems(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("template", ["actions.html", "search.html"])
def test_every_tab_stop_shows_where_focus_is_in_the_dark_colour_scheme(sites, served, browser, template):
    """style.css's dark scheme redraws every indicator on a dark page: its header and links on every page, the
    tracker's sort buttons, and on the search page Pagefind's controls and the results. Those two pages, on the
    fixture, as each Tab stop costs a browser round trip; axe checks the dark scheme's text on every page."""
    page = _open(sites, served, browser, "fixture", template)
    try:
        page.emulate_media(color_scheme="dark")
        assert focus_problems(page) == []
    finally:
        page.close()


def test_every_tab_stop_on_the_search_page_shows_where_focus_is_in_the_dark_colour_scheme_at_320_css_pixels(
        sites, served, browser):
    """With the filters, which search.js closes on a narrow screen, opened, and each group of them: the Tab key
    goes through every checkbox, Clear button and result a phone's reader reaches."""
    page = _open(sites, served, browser, "fixture", "search.html", width=320)
    try:
        dark_with_the_filters_open(page)
        assert focus_problems(page) == []
    finally:
        page.close()


def test_every_tab_stop_on_a_tracker_shows_where_focus_is_at_320_css_pixels(sites, served, browser):
    """In the default colours too, where a sort button's ring is a 6px shadow past its outline: at 320 px each of the
    example's tables scrolls sideways, and the browser scrolled its box to the sort button the Tab key reached only
    as far as the button's own edge, its ring cut off there ('Raised', flush with the box's right edge)."""
    page = _open(sites, served, browser, "example", "actions.html", width=320)
    try:
        assert page.evaluate("() => [...document.querySelectorAll('.table-wrap')].some(b => b.scrollWidth > "
                             "b.clientWidth)"), "control: a table's box scrolls"
        assert focus_problems(page) == []
    finally:
        page.close()


def _with_style(page, css: str) -> None:
    page.add_style_tag(content=css)


def test_focus_check_finds_controls_without_a_focus_indicator(sites, served, browser):
    page = _open(sites, served, browser, "fixture", "search.html")
    try:
        page.evaluate("() => { document.querySelector('form.site-search').hidden = false; }")  # search.js hides it
        _with_style(page, "*:focus, *:focus-visible, label { outline: none !important; box-shadow: none !important; }")
        problems = focus_problems(page)
        assert any(p.startswith("a ") and "no focus indicator" in p for p in problems), problems
        assert any(p.startswith("input#site-search-q") and "no focus indicator" in p for p in problems), problems
        assert any(p.startswith("input#pf-filter-") and "no focus indicator" in p for p in problems), problems
    finally:
        page.close()


def test_focus_check_finds_an_indicator_too_pale_to_see(sites, served, browser):
    page = _open(sites, served, browser, "example", "home.html")
    try:
        _with_style(page, "a:focus-visible { background: none !important; box-shadow: 0 4px #d8d8d8 !important; }")
        problems = focus_problems(page)
        assert problems and all("contrasts less than 3:1" in p for p in problems if p.startswith("a ")), problems
    finally:
        page.close()


def test_focus_check_finds_links_under_a_sticky_header(sites, served, browser):
    """The header made sticky and tall: the browser scrolls a link just into view, under it."""
    page = _open(sites, served, browser, "example", "paper.html")
    try:
        _with_style(page, ".site-header { position: sticky; top: 0; z-index: 5; min-height: 400px; }")
        problems = focus_problems(page)
        assert any("hidden under header.site-header" in p or "hidden under div.wrap" in p for p in problems), problems
    finally:
        page.close()


def test_focus_check_finds_outlines_that_forced_colours_would_not_show(sites, served, browser):
    """Links drawing their focus with a box-shadow only have none in forced colours."""
    page = _open(sites, served, browser, "example", "home.html")
    try:
        page.emulate_media(forced_colors="active")
        assert focus_problems(page) == []  # control: the site's transparent outline shows in forced colours
        _with_style(page, "a:focus-visible { outline: none !important; }")
        problems = focus_problems(page)
        assert any(p.startswith("a ") and "no focus indicator (outline)" in p for p in problems), problems
    finally:
        page.close()


def test_focus_check_finds_links_cut_off_by_the_box_they_are_in(sites, served, browser):
    """overflow: clip, unlike hidden, is no scrolling box: the browser cannot bring a link inside into view."""
    page = _open(sites, served, browser, "fixture", "meeting.html")
    try:
        _with_style(page, ".footer-links { max-height: 0; overflow: clip; }")
        problems = focus_problems(page)
        assert "a 'Accessibility statement': it is off screen or scrolled out of the box it is in" in problems, problems
    finally:
        page.close()


def test_focus_check_finds_a_ring_cut_off_by_the_scrolling_box_of_a_table(sites, served, browser):
    """A table's box scrolls, so it clips what is drawn past its edges: a sort button flush with its left edge
    shows its ring on three sides only, though the button itself is in full view."""
    page = _open(sites, served, browser, "fixture", "actions.html")
    try:
        _with_style(page, ".table-wrap { margin: 1rem 0 !important; padding: 0 !important; scroll-padding: 0 !important; }")
        problems = focus_problems(page)
        assert ("button 'Action': its focus indicator is cut off on the left by div.table-wrap, which clips what "
                "overflows it") in problems, problems
    finally:
        page.close()


@pytest.fixture(scope="module")
def readers_browser(browser):
    """A Chromium with its back/forward cache on, as a reader's is (gate_tools.with_back_forward_cache)."""
    with with_back_forward_cache(browser) as b:
        yield b


# The last link of the page's main content to another of the site's pages, focused as the Tab key leaves it: a
# tracker's last action, a meeting's last paper, the last search result.
FOCUS_LAST_LINK_AWAY = """() => {
    const away = [...document.querySelectorAll('main a[href]')].filter(
        a => a.origin === location.origin && a.pathname !== location.pathname && a.checkVisibility()).at(-1);
    away.focus();
    return away.getAttribute('href');
}"""
FOCUSED = "() => document.activeElement.getAttribute('href') || document.activeElement.tagName.toLowerCase()"


def _followed_and_back(page) -> tuple[str, str]:
    """The link followed from the page with Enter, and what has focus once Back has brought the reader to it again."""
    from playwright.sync_api import TimeoutError as Timeout

    followed = page.evaluate(FOCUS_LAST_LINK_AWAY)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.go_back(wait_until="commit")  # a page the cache restores fires no load event
    try:
        page.wait_for_function("href => document.readyState === 'complete' && "
                               "document.activeElement.getAttribute('href') === href", arg=followed, timeout=3000)
    except Timeout:
        pass
    return followed, page.evaluate(FOCUSED)


@pytest.mark.parametrize("template", ["actions.html", "meeting.html", "search.html"])
def test_back_from_a_link_followed_focus_is_on_that_link_again(sites, served, readers_browser, template):
    """A reader who follows a tracker's action, a meeting's paper or a search result, and comes back, goes on from
    the link they followed, not from the top of the page. No script of the site's does it: the browser restores the
    page from its back/forward cache, focus and all, where nothing on the page (an unload handler) stops it. Under
    Playwright, which turns the cache off, focus came back to the top and the Tab key to the skip link."""
    url, results = sites["example"].url(served["example"], template)
    page = open_page(readers_browser, url, height=640, results_under=results)
    try:
        followed, focused = _followed_and_back(page)
        assert focused == followed
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED) != "#main"  # on from the link, not from the skip link
    finally:
        page.close()


def test_back_check_finds_a_page_the_browser_loads_again(sites, served, readers_browser):
    """A page with an unload handler is kept out of the back/forward cache: Back loads it again, focus at its top."""
    page = open_page(readers_browser, served["example"] + sites["example"].pages["actions.html"], height=640)
    try:
        page.evaluate("() => addEventListener('unload', () => {})")
        followed, focused = _followed_and_back(page)
        assert followed.startswith("/") and focused == "body"
    finally:
        page.close()
