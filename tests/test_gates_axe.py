"""Quality gate: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any kind of page.

axe runs inside Debian's Chromium (Playwright), on one page of every kind from
both built sites, at 1280 and at 320 CSS px wide (WCAG's reflow width, where
breadcrumbs wrap and tables scroll), and at 1280 in the dark colour scheme too (style.css's
prefers-color-scheme: dark, emulated), served over HTTP so that the search page really searches:
its test waits for Pagefind's results, then checks the page with them shown.
The gate's own test puts known violations into a real page and expects axe to
name them.
"""

from __future__ import annotations

import pytest

from gate_tools import MAY_LACK, PAGE_TYPES, REPO, axe_violations, open_page

from gate_fixtures import browser, served, sites  # noqa: F401 - fixtures

ARCHIVES = ("example", "fixture")



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
        found = {}
        for width, scheme in ((1280, "light"), (1280, "dark"), (320, "light")):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": width, "height": 900})
            found[f"{scheme} {width}"] = axe_violations(page)
        assert found == {"light 1280": [], "dark 1280": [], "light 320": []}
    finally:
        page.close()


def test_axe_reports_missing_alt_text_and_labels(sites, served, browser):
    """A real meeting page with an unlabelled image and form field added."""
    built = sites["example"]
    page = open_page(browser, served["example"] + built.pages["meeting.html"])
    try:
        page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('afterbegin',
            '<img src="/static/none.png"><input type="text" name="q2"><p style="color:#bbb">Faint text</p>')""")
        found = {v["id"] for v in axe_violations(page)}
        assert {"image-alt", "label", "color-contrast"} <= found
    finally:
        page.close()
