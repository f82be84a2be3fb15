"""Quality gate: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any kind of page.

axe runs inside Debian's Chromium (Playwright), on one page of every kind from
both built sites, at 1280 and at 320 CSS px wide (WCAG's reflow width, where
breadcrumbs wrap and tables scroll), and at 1280 in the dark colour scheme too (style.css's
prefers-color-scheme: dark, emulated), served over HTTP so that the search page really searches:
its test waits for Pagefind's results, then checks the page with them shown; the search page is
checked dark at 320 as well, with its filters, which a narrow screen closes, opened.
The gate's own test puts known violations into a real page and expects axe to
name them.
"""

from __future__ import annotations

import pytest

from gate_tools import MAY_LACK, PAGE_TYPES, REPO, axe_violations, dark_with_the_filters_open, open_page, serve, welsh_site

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

ARCHIVES = ("example", "fixture")
WELSH_MINUTES = "/jc/2019/2019-11-05/"  # gate_tools.welsh_site: the meeting's title, agenda and minutes in Welsh
WELSH_PAPER = "/tb/2019/2019-03-14/papers/b/"  # and paper B, with a heading in its text


def test_every_kind_of_page_is_covered(sites):
    """A template added later that renders a page of its own must join PAGE_TYPES."""
    own_pages = {p.name for p in (REPO / "templates").glob("*.html") if not p.name.startswith("_")} - {"base.html"}
    assert own_pages == set(PAGE_TYPES)
    for name, built in sites.items():
        lacks = [t for t in PAGE_TYPES if t not in built.pages and t not in MAY_LACK.get(name, {})]
        assert lacks == [], f"the {name} site lacks a kind of page"
    assert all(any(t in built.pages for built in sites.values()) for t in PAGE_TYPES), "every kind is checked"


@pytest.mark.parametrize("template", PAGE_TYPES)
@pytest.mark.parametrize("name", ARCHIVES)
def test_no_wcag_violations(sites, served, browser, name, template):
    """At a desktop's width and at 320 CSS px, WCAG's reflow width, where targets crowd and tables scroll; and in
    the dark scheme, whose every colour axe's contrast rule checks again, at the desktop's width, where the search
    page's filters are open (narrow, they are closed)."""
    url, results = sites[name].url(served[name], template)
    page = open_page(browser, url, results_under=results)
    try:
        assert in_every_scheme_and_width(page) == {"light 1280": [], "dark 1280": [], "light 320": []}
    finally:
        page.close()


@pytest.mark.parametrize("name", ARCHIVES)
def test_no_wcag_violations_on_the_search_page_in_the_dark_scheme_at_320_css_pixels_with_its_filters_open(
        sites, served, browser, name):
    """Narrow, search.js closes the filters, which axe had seen open only at a desktop's width, and in the dark
    scheme at that width alone: a phone's reader in the dark scheme opens them, each group of them (Pagefind leaves
    some closed), and finds their checkboxes, counts and headings, 44px apart or not, among the results."""
    url, results = sites[name].url(served[name], "search.html")
    page = open_page(browser, url, width=320, results_under=results)
    try:
        dark_with_the_filters_open(page)
        assert axe_violations(page) == []
    finally:
        page.close()


def in_every_scheme_and_width(page) -> dict[str, list]:
    """axe's violations on `page` at a desktop's width, light and dark, and at 320 CSS px."""
    found = {}
    for width, scheme in ((1280, "light"), (1280, "dark"), (320, "light")):
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": width, "height": 900})
        found[f"{scheme} {width}"] = axe_violations(page)
    return found


@pytest.fixture(scope="module")
def welsh(tmp_path_factory):
    with serve(welsh_site(tmp_path_factory)) as base:
        yield base


@pytest.mark.parametrize("url, parts", [(WELSH_MINUTES, 5), (WELSH_PAPER, 3)])
def test_no_wcag_violations_on_a_record_in_another_language(welsh, browser, url, parts):
    """The page of the joint committee's meeting with its title, agenda, attendance and minutes in Welsh, and that
    of a Welsh paper, marked lang="cy" in an English page (WCAG 2.2, 3.1.2): axe checks each part's lang
    (valid-lang) as well as the page's."""
    page = open_page(browser, welsh + url)
    try:
        assert page.locator("main [lang=cy]").count() >= parts, "control: the record is marked Welsh"
        assert in_every_scheme_and_width(page) == {"light 1280": [], "dark 1280": [], "light 320": []}
    finally:
        page.close()


def test_axe_reports_missing_alt_text_and_labels(sites, served, browser):
    """A real meeting page with an unlabelled image and form field added, and a passage marked with a language
    written as its name, not its tag."""
    built = sites["example"]
    page = open_page(browser, served["example"] + built.pages["meeting.html"])
    try:
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('afterbegin',
            '<img src="/static/none.png"><input type="text" name="q2"><p style="color:#bbb">Faint text</p>' +
            '<p lang="welsh">Cofnodion</p>')""")
        found = {v["id"] for v in axe_violations(page)}
        assert {"image-alt", "label", "color-contrast", "valid-lang"} <= found
    finally:
        page.close()
