"""Quality gate: a reader in forced colours (Windows' contrast themes) still sees what colour told others.

Forced colours replace the site's colours with the reader's few (text, links, buttons, a background), emulated
through Chromium's DevTools protocol. What the site said by colour alone is then lost, so on the pages that say
most by it (a tracker, a meeting's actions raised, an action, a person's actions, the search page with its
filters open, a list of closed actions by year) it must be said some other way as well:
- a status badge (RAG: Red, Amber, Green, Not started) carries its status in words, inside an edge;
- the link to the page the reader is on (the site's navigation, the end of the breadcrumbs, a list of years)
  differs from the links beside it in more than colour: weight, underline or an edge;
- each button, field and select has an edge or an underline to show it is one.
Focus in forced colours is tests/test_gates_focus.py's, at every Tab stop of a page of every kind.
"""

from __future__ import annotations

import pytest

from gate_tools import open_disclosures, open_page

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

# What colour alone says, found in the page as it is drawn in forced colours.
LOST_IN_FORCED_COLOURS = """() => {
    const found = [];
    const shown = el => el.checkVisibility();
    const named = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ?
        '.' + el.className.split(' ')[0] : '') + " '" + (el.textContent || el.value || '').trim().slice(0, 30) + "'";
    const edges = s => ['Top', 'Right', 'Bottom', 'Left'].filter(
        side => s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) >= 1).length;
    for (const badge of document.querySelectorAll('.status')) {
        if (!shown(badge)) continue;
        if (!badge.textContent.trim()) found.push(named(badge) + ': a status in colour alone, with no words');
        if (edges(getComputedStyle(badge)) < 4) found.push(named(badge) + ': a status badge with no edge');
    }
    const look = s => [s.fontWeight, s.textDecorationLine, s.textDecorationThickness, s.textDecorationStyle,
                       edges(s), s.fontStyle].join(' ');
    for (const current of document.querySelectorAll('a[aria-current="page"]')) {
        const list = current.closest('ul, ol');
        const other = list && [...list.querySelectorAll('a:not([aria-current])')].find(shown);
        if (shown(current) && other && look(getComputedStyle(current)) === look(getComputedStyle(other)))
            found.push(named(current) + ': the page the reader is on, marked as the other links of its list are');
    }
    for (const control of document.querySelectorAll(
            'button, select, input:not([type=checkbox], [type=radio], [type=hidden])')) {
        const s = getComputedStyle(control);
        if (shown(control) && !edges(s) && !s.textDecorationLine.includes('underline'))
            found.push(named(control) + ': a control with no edge or underline, its words like any text');
    }
    return found;
}"""

# The pages that say most by colour, on the fixture, which has each: statuses, years, breadcrumbs, filters.
PAGES = ("actions.html", "meeting.html", "action.html", "person.html", "actions_closed.html", "search.html")


def _lost(page) -> list[str]:
    return page.evaluate(LOST_IN_FORCED_COLOURS)


@pytest.fixture(scope="module")
def lost(sites, served, browser):
    """What each page of PAGES says by colour alone, in forced colours, looked at once for the tests below."""
    found = {}
    for template in PAGES:
        url, results = sites["fixture"].url(served["fixture"], template)
        page = open_page(browser, url, results_under=results)
        try:
            page.emulate_media(forced_colors="active")
            assert page.evaluate("() => matchMedia('(forced-colors: active)').matches"), "control: forced colours"
            open_disclosures(page)
            found[template] = _lost(page)
        finally:
            page.close()
    return found


@pytest.mark.parametrize("template", PAGES)
def test_in_forced_colours_statuses_current_pages_and_controls_are_told_by_more_than_colour(lost, template):
    """The end of the breadcrumbs ('Actions' on a tracker) and the year of closed actions shown were marked as the
    page the reader is on for a screen reader alone, looking as every other link; the search box's Clear button
    took the field's text colour, its word read as part of the search. RAG badges already carried their words."""
    assert lost[template] == []


def test_forced_colours_check_finds_a_status_in_colour_alone_and_a_current_page_marked_by_colour(sites, served,
                                                                                                  browser):
    """A status badge without its word or edge, the breadcrumbs' current page marked in colour, and a button with
    no edge: each is found."""
    page = open_page(browser, sites["fixture"].url(served["fixture"], "actions.html")[0])
    try:
        page.emulate_media(forced_colors="active")
        page.add_style_tag(content=""".status { font-size: 0 !important; border: none !important; }
            a[aria-current="page"] { font-weight: inherit !important; text-decoration-thickness: auto !important;
                                      color: red !important; }
            .site-search button { border: none !important; }""")
        page.evaluate("() => document.querySelectorAll('.status').forEach(b => { b.textContent = ''; })")
        found = _lost(page)
        assert any("a status in colour alone" in f for f in found), found
        assert any("a status badge with no edge" in f for f in found), found
        assert "a 'Actions': the page the reader is on, marked as the other links of its list are" in found, found
        assert "button 'Search': a control with no edge or underline, its words like any text" in found, found
    finally:
        page.close()
