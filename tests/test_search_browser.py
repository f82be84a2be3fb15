"""Search in a real browser: the built example archive served on 127.0.0.1, Debian's chromium driven by
Playwright, a reader typing queries, filtering, sorting and jumping to a reference.

Skipped only when /usr/bin/chromium is missing outside CI (`./dev test` and `.ci/run` install it).
Every wait is bounded by Playwright's own timeouts; nothing sleeps.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from gate_tools import TEXT_SPACING, axe_violations, example_site, serve, welsh_site
from generator.build import Options, run
from generator.search_refs import ref_key

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (./dev test installs it)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MEETING = "/ccb/2018/2018-06-21/"
ITEM = "/ccb/2018/ccbp-18-49/"
JHSC = "Leicestershire, Leicester and Rutland Joint Health Scrutiny Committee"
WAIT = 10_000  # ms: the longest any single step may take
expect.set_options(timeout=WAIT)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> str:
    """The example archive, built with its search index, on an ephemeral port of 127.0.0.1: the build the gates use,
    made once per test process (gate_tools.example_site), where this module built its own. It is dated 2025-01-01;
    built on a later day, the example differs only in the 'as at' date of the CCB's list of actions and in its
    calendars, none of which this module reads or search indexes."""
    with serve(example_site(tmp_path_factory).root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("CI is set but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"])
        yield chromium
        chromium.close()


# Records what reaches the page's live regions, and how politely, before the region is cleared again.
ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver((changes) => {
  for (const change of changes) {
    const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
    const region = node && node.closest("[aria-live]");
    const text = region && region.textContent.trim();
    if (text) window.__announced.push({ live: region.getAttribute("aria-live"), text });
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def context_on(browser, base: str):
    """A context for the site served at `base`, with one tab kept open on it (its 'not found' page) as long as the
    context: each test's tab shares that tab's renderer process, where a tab opened alone started one of its own,
    most of a test's cost in Chromium (gate_tools.Tabs). The site keeps nothing in cookies or storage."""
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    context.add_init_script(ANNOUNCEMENTS)
    context.new_page().goto("/.keeper-tab")
    return context


@contextmanager
def tab_in(context):
    """A tab of its own in `context`; a JavaScript error on its pages fails the test."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield tab
    finally:
        tab.close()
    assert errors == [], "JavaScript errors on the page"


@contextmanager
def tab_on(browser, base: str):
    """A tab in a context of its own on the site served at `base`; a JavaScript error on its pages fails the test."""
    context = context_on(browser, base)
    try:
        with tab_in(context) as tab:
            yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def served_context(browser, served):
    context = context_on(browser, served)
    yield context
    context.close()


@pytest.fixture
def page(served_context):
    with tab_in(served_context) as tab:
        yield tab


def search_box(page):
    return page.get_by_role("searchbox", name="Search words, names or minute numbers")


def search(page, query: str):
    page.goto("/search/")
    box = search_box(page)
    box.click()
    box.press_sequentially(query)
    # search.js shows Pagefind's results, checks them (see "words a body's index lacks" below), and marks
    # the page once the results shown are checked ones
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", query)
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(rf"^\d+ results? for {re.escape(query)}$"))
    return box


def results(page):
    return page.locator("li.search-result")


def open_filter(page, name: str) -> None:
    group = page.locator(f"details.pf-filter-group[data-filter-name='{name}']")
    if not group.evaluate("details => details.open"):
        group.locator("summary").click()


def count(page) -> int:
    return int(re.match(r"(\d+) results? for", page.locator("pagefind-summary").inner_text()).group(1))


# --- finding things ---------------------------------------------------------------------------

def test_typing_a_query_finds_the_paper_and_the_minute_item(page):
    search(page, "blood collection")
    expect(results(page).first).to_be_visible()
    expect(page.locator('li.search-result a[href="/ccb/2018/2018-06-21/papers/c/"]')).to_have_count(1)
    expect(page.locator(f'li.search-result a[href="{MEETING}#item-ccbp-18-49"]')).to_have_count(1)


@pytest.mark.parametrize("query", ["CCBP/18/49", "ccbp 18 49"])
def test_a_minute_number_puts_its_meeting_and_item_first_and_offers_a_jump(page, query):
    search(page, query)
    first = results(page).first
    expect(first.locator("h3 a")).to_have_attribute("href", MEETING)
    expect(first.locator(".search-result-sections a").first).to_have_attribute("href", f"{MEETING}#item-ccbp-18-49")
    expect(first.locator(".search-result-meta")).to_contain_text("21 June 2018")
    jump = page.locator("#reference-jump")
    expect(jump).to_be_visible()
    expect(jump.get_by_role("link")).to_have_attribute("href", ITEM)
    expect(jump).to_contain_text("Minute CCBP/18/49: To APPROVE Second Primary Care Blood Collection")


def test_a_screen_reader_reads_a_results_kind_body_date_and_reference_as_words_apart(page):
    """The dots drawn between them were read as part of the words either side, with no space: "Paper·Leicester,
    ...Board·21 June 2018·Paper D". Drawn as they were, they read as commas."""
    search(page, "blood collection")
    meta = page.locator('li.search-result:has(a[href="/ccb/2018/2018-06-21/papers/c/"]) .search-result-meta')
    assert meta.aria_snapshot() == "\n".join([
        "- paragraph:",
        "  - text: Paper, Leicester, Leicestershire and Rutland CCGs Commissioning Collaborative Board,",
        "  - time: 21 June 2018",
        '  - text: ", Paper C"'])
    assert meta.locator("span + span").evaluate_all(
        "all => all.map(s => getComputedStyle(s, '::before').content)") == ['"·" / ", "'] * 3  # still drawn


def test_words_typed_while_the_index_loads_do_not_show_their_results_as_the_whole_querys(page):
    """Pagefind numbers a search once its index has loaded, so that only the newest one's results are shown: a
    search begun while the index loaded ("ccbp 18") was numbered after one begun as it finished loading its filters
    ("ccbp 18 49"), and its 21 results were shown as the whole query's, "could not be checked" (a CI run on a busy
    machine). Here Pagefind's script is held until "ccbp 18" has waited for it, its filters until the whole query
    has begun, and the index's words until both searches are numbered."""
    held: dict[str, list | None] = {"pagefind.js": [], "pf_filter": [], "pf_index": []}
    loaded: list[str] = []

    def hold(kind):
        return lambda route: held[kind].append(route) if held[kind] is not None else route.continue_()

    def release(kind):
        waiting, held[kind] = held[kind], None
        for route in waiting:
            route.continue_()

    def until(done, what: str):
        for _ in range(WAIT // 50):
            if done():
                return
            page.wait_for_timeout(50)
        raise AssertionError(f"control: {what}")

    for kind in held:
        page.route(f"**/*{kind}", hold(kind))
    page.on("requestfinished",
            lambda request: loaded.append(request.url) if request.url.endswith("pf_filter") else None)
    page.goto("/search/")
    box = search_box(page)
    box.click()
    box.press_sequentially("ccbp 18")
    until(lambda: "q=ccbp" in page.url, "the search for 'ccbp 18' has begun (the page's address gives its query)")
    until(lambda: held["pagefind.js"], "the first search waits for Pagefind's script")
    release("pagefind.js")
    until(lambda: held["pf_filter"], "Pagefind loads its filters once its script has loaded")
    box.press_sequentially(" 49")
    until(lambda: held["pf_index"], "the whole query's search has begun, numbered at once, and waits for the words")
    filters = len(held["pf_filter"])
    release("pf_filter")
    until(lambda: len(loaded) >= filters, "the filters have loaded")
    page.wait_for_timeout(300)  # and the search begun while they loaded is numbered
    release("pf_index")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "ccbp 18 49")
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for ccbp 18 49$"))
    expect(results(page).first.locator("h3 a")).to_have_attribute("href", MEETING)
    shown = count(page)
    search(page, "ccbp 18 49")  # the same query, typed once the index has loaded
    assert count(page) == shown


def test_enter_on_a_known_reference_goes_straight_to_it(page):
    box = search(page, "ccbp 18 49")
    box.press("Enter")
    page.wait_for_url(f"**{ITEM}")
    expect(page.locator("h1")).to_contain_text("CCBP/18/49")


def test_a_minute_number_cited_without_its_letters_is_offered_and_enter_follows_it(page):
    """Papers cite "minute 18/49"; Pagefind alone finds nothing for it."""
    box = search(page, "18/49")
    jump = page.locator("#reference-jump")
    expect(jump).to_contain_text("Go straight to:Minute CCBP/18/49: To APPROVE Second Primary Care Blood Collection")
    box.press("Enter")
    page.wait_for_url(f"**{ITEM}")


def test_an_agenda_item_with_no_minute_is_offered_as_a_jump_to_its_agenda_row(page):
    """The joint committee's meeting has its agenda and papers published and no minutes yet: its item numbers
    lead to the agenda's rows, as they do when cited in text."""
    page.goto("/search/")
    box = search_box(page)
    box.click()
    box.press_sequentially("JCCCG 2020-03-05 5")
    jump = page.locator("#reference-jump")
    expect(jump).to_be_visible()
    expect(jump.get_by_role("link")).to_have_attribute("href", "/jcccg/2020/2020-03-05/#agenda-5")
    expect(jump).to_contain_text("Agenda item 5: IPA CHC Business Case")
    box.press("Enter")
    page.wait_for_url("**/jcccg/2020/2020-03-05/#agenda-5")


def test_an_ordinary_query_offers_no_jump_and_enter_stays_on_the_results(page):
    box = search(page, "health")
    box.press("Enter")
    expect(results(page).first).to_be_visible()
    assert page.url.endswith("/search/?q=health")
    expect(page.locator("#reference-jump")).to_be_hidden()


def test_a_body_filter_narrows_the_results_to_that_body(page):
    page.set_viewport_size({"width": 1280, "height": 8000})  # every result in view, so all of them load
    search(page, "health")
    expect(results(page).first).to_be_visible()
    before = count(page)
    open_filter(page, "body")
    page.evaluate("() => document.querySelectorAll('pagefind-results li').forEach(li => { li.dataset.before = '1'; })")
    page.locator("input.pf-checkbox-input[name='body'][value='JHSC']").check()
    after = page.wait_for_function(r"""before => {
        const m = /^(\d+) results? for health$/.exec(document.querySelector('pagefind-summary').textContent.trim());
        return m && +m[1] !== before && +m[1];
    }""", arg=before, timeout=WAIT).json_value()
    assert 0 < after < before
    fresh = page.locator("pagefind-results ul.pf-results > li:not([data-before])")
    expect(fresh).to_have_count(after)
    metas = fresh.locator(".search-result-meta")
    expect(metas).to_have_count(after)  # every result loaded: they all fit in the window
    for meta in metas.all():
        assert JHSC in meta.inner_text()


def test_newest_and_oldest_first_order_results_by_meeting_date(page):
    page.set_viewport_size({"width": 1280, "height": 20000})  # every result in view, so all of them load
    search(page, "health")
    total = count(page)
    # The dates of the results on screen, once every result has been re-rendered after the last change.
    rendered = """total => {
        const items = [...document.querySelectorAll('pagefind-results ul.pf-results > li')];
        if (items.length !== total || items.some(li => li.dataset.before || !li.matches('.search-result'))) return null;
        return items.map(li => (li.querySelector('time') || {getAttribute: () => ''}).getAttribute('datetime'));
    }"""
    mark = "() => document.querySelectorAll('pagefind-results li').forEach(li => { li.dataset.before = '1'; })"

    def dates_after(choice: str) -> list[str]:
        # The list on screen must be whole before it is marked: an item still being filled in would be
        # replaced by an unmarked one in the old order, which would pass for the new order's.
        page.wait_for_function(rendered, arg=total, timeout=WAIT)
        page.evaluate(mark)
        page.select_option("#search-sort", choice)
        return page.wait_for_function(rendered, arg=total, timeout=WAIT).json_value()

    newest = dates_after("desc")
    dated = [d for d in newest if d]
    assert dated == sorted(dated, reverse=True) and len(set(dated)) == 3
    assert newest[:len(dated)] == dated, "people, who have no date, come last"
    oldest = dates_after("asc")
    assert [d for d in oldest if d] == sorted(dated)


def test_the_search_box_on_every_page_leads_to_the_search_page(page):
    page.goto(MEETING)
    page.locator("#site-search-q").fill("Lakhani")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/search/?q=Lakhani")
    expect(search_box(page)).to_have_value("Lakhani")
    expect(page.locator('li.search-result a[href="/people/mayur-lakhani/"]')).to_have_count(1)


def test_long_result_lists_show_fifty_at_a_time(page):
    """50 results shown, each filled in with its data, and no more listed: counted as list items, the placeholders
    of results whose data never loaded passed for results."""
    search(page, "ccg")
    total = count(page)
    assert total > 50, "the example archive has more than 50 pages with 'CCG'"
    listed = page.locator("pagefind-results ul.pf-results > li")
    expect(results(page)).to_have_count(50)
    expect(listed).to_have_count(50)
    more = page.locator("[data-search-more]")
    expect(more).to_contain_text(f"Showing the first 50 of {total} results.")
    more.get_by_role("button", name="Show 50 more results").click()
    expect(results(page)).to_have_count(min(100, total))
    expect(listed).to_have_count(min(100, total))
    page.wait_for_function(f"window.__announced.some(a => a.text === 'Showing {min(100, total)} of {total} results')",
                           timeout=WAIT)
    search_box(page).fill("health")
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for health$"))
    expect(more).to_be_hidden()


# --- a search to read, keep and share ---------------------------------------------------------------

def open_search(page, address: str):
    """The search page at `address` ("?q=care&year=2019"), once its results are checked and counted."""
    page.goto(f"/search/{address}")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", re.compile(r"."))
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for "))
    return page


def ticked_counts(page) -> dict[str, str]:
    """The count the filter pane shows beside each ticked filter value, as name=value: count."""
    return page.evaluate("""Object.fromEntries([...document.querySelectorAll('input.pf-checkbox-input:checked')]
        .map(i => [i.name + '=' + i.value,
                   i.closest('label, li, div').querySelector('.pf-filter-checkbox-count').textContent.trim()]))""")


def test_every_result_shown_is_loaded_at_once_and_tab_goes_through_them_in_order(page):
    """Pagefind fills a result in only when it scrolls into view; a keyboard user does not scroll first, and Tab
    went from the seventh of 20 results to the footer. Every result shown is loaded without scrolling, and Tab
    and Shift+Tab go through all of them in order."""
    open_search(page, "?q=care")
    total = count(page)
    assert 10 < total <= 50, "control: 'care' has more results than fit in the window, and all are shown"
    expect(page.locator("pagefind-results ul.pf-results > li")).to_have_count(total)
    expect(results(page)).to_have_count(total)  # every one filled in, none scrolled to
    assert page.evaluate("window.scrollY") == 0
    where = """() => { const a = document.activeElement; const li = a.closest('ul.pf-results > li');
        return li ? [...li.parentElement.children].indexOf(li) : (a.closest('pagefind-results') ? -2 : -1); }"""
    results(page).first.locator("h3 a").focus()
    visited = [0]
    for _ in range(10 * total):
        page.keyboard.press("Tab")
        at = page.evaluate(where)
        if at < 0:
            break
        if at != visited[-1]:
            visited.append(at)
    assert visited == list(range(total)), "Tab reaches each result in turn and then leaves the list"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(where) == total - 1, "Shift+Tab from after the list comes back to its last result"


def test_filters_and_order_are_kept_in_the_address(page):
    """A filtered, ordered search can be bookmarked or shared: the address says what was ticked and chosen."""
    open_search(page, "?q=care")
    open_filter(page, "year")
    page.locator("input.pf-checkbox-input[name='year'][value='2019']").check()
    page.wait_for_url("**/search/?q=care&year=2019")
    open_filter(page, "type")
    page.locator("input.pf-checkbox-input[name='type'][value='paper']").check()
    page.wait_for_url("**/search/?q=care&type=paper&year=2019")
    page.select_option("#search-sort", "asc")
    page.wait_for_url("**/search/?q=care&type=paper&year=2019&sort=oldest")
    page.locator("input.pf-checkbox-input[name='type'][value='paper']").uncheck()
    page.wait_for_url("**/search/?q=care&year=2019&sort=oldest")
    page.select_option("#search-sort", "desc")
    page.wait_for_url("**/search/?q=care&year=2019&sort=newest")


def test_an_address_with_filters_and_order_opens_that_search(page):
    open_search(page, "?q=care&type=paper&year=2019&sort=oldest")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for care")
    expect(results(page)).to_have_count(4)
    for meta in results(page).locator(".search-result-meta").all():
        assert meta.inner_text().startswith("Paper") and "2019" in meta.inner_text()
    assert ticked_counts(page).keys() == {"type=paper", "year=2019"}
    expect(page.locator("#search-sort")).to_have_value("asc")
    assert page.url.endswith("/search/?q=care&type=paper&year=2019&sort=oldest")


def test_back_from_a_result_comes_back_to_the_same_filters_and_order(page):
    open_search(page, "?q=care")
    unfiltered = count(page)
    open_filter(page, "year")
    page.locator("input.pf-checkbox-input[name='year'][value='2019']").check()
    page.select_option("#search-sort", "asc")
    page.wait_for_url("**/search/?q=care&year=2019&sort=oldest")
    # the filtered count, checked: on the way, the summary may say something else ("Searching", or nothing)
    page.wait_for_function("""unfiltered => {
        const checked = document.querySelector('[data-search-app]').getAttribute('data-search-checked') === 'care';
        const m = /^(\\d+) results? for care$/.exec(document.querySelector('pagefind-summary').innerText.trim());
        return checked && m && Number(m[1]) !== unfiltered; }""", arg=unfiltered, timeout=WAIT)
    filtered = count(page)
    dates = page.wait_for_function(DATES_SHOWN, arg=filtered, timeout=WAIT).json_value()
    assert dates == sorted(dates) and {d[:4] for d in dates} == {"2019"}
    link = results(page).first.locator("h3 a")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    page.go_back()
    page.wait_for_url("**/search/?q=care&year=2019&sort=oldest")
    expect(page.locator("pagefind-summary")).to_have_text(f"{filtered} results for care")
    expect(page.locator("input.pf-checkbox-input[name='year'][value='2019']")).to_be_checked()
    expect(page.locator("#search-sort")).to_have_value("asc")
    assert page.wait_for_function(DATES_SHOWN, arg=filtered, timeout=WAIT).json_value() == dates


# The meeting dates of the results listed, once all `total` of them are filled in and in date order.
DATES_SHOWN = """total => {
    const items = [...document.querySelectorAll('pagefind-results ul.pf-results > li')];
    if (items.length !== total || items.some(li => !li.matches('.search-result'))) return null;
    const dates = items.map(li => li.querySelector('time').getAttribute('datetime'));
    return dates.every((d, i) => i === 0 || dates[i - 1] <= d) && dates;
}"""


def test_the_page_title_names_the_query_shown(page):
    """A tab, a bookmark and the browser's history list name the search, not just "Search"."""
    page.goto("/search/")
    expect(page).to_have_title("Search | Minutebook example archive")
    open_search(page, "?q=care")
    expect(page).to_have_title("care: Search | Minutebook example archive")
    search_box(page).fill("")
    expect(page).to_have_title("Search | Minutebook example archive")


def test_a_ticked_filters_count_is_the_number_of_results_it_shows(page):
    """Pagefind's pane showed a ticked value's count as if nothing were ticked ("paper 11", "2019 5" beside 4
    results); readers take these counts as facts."""
    open_search(page, "?q=care&type=paper&year=2019")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for care")
    assert ticked_counts(page) == {"type=paper": "4", "year=2019": "4"}
    open_search(page, "?q=care&type=action&type=paper")  # Pagefind asks for both: no page is both
    expect(page.locator("pagefind-summary")).to_have_text("0 results for care")
    assert ticked_counts(page) == {"type=action": "0", "type=paper": "0"}


def test_results_that_come_while_the_reader_is_scrolled_down_are_filled_in(page):
    """Pagefind fills a result in only once its placeholder is in view, and the page holds every placeholder in
    a corner of the window so that all are. Pagefind's stylesheet gave the list layout containment, which held
    them at the top of the list instead: a reader who had scrolled down the filters in a short window while the
    search loaded got a list that stayed empty until they scrolled back up to it (the gates, which scroll down
    while they wait, failed so on a busy machine). Here the search is held until the reader has scrolled."""
    page.set_viewport_size({"width": 1280, "height": 400})
    held: list = []
    page.route("**/*.pf_index", lambda route: held.append(route) if held is not None else route.continue_())
    with page.expect_request("**/*.pf_index", timeout=WAIT):  # the filters are in by then, and the page long
        page.goto("/search/?q=care")
    page.wait_for_function("() => document.documentElement.scrollHeight > 2 * innerHeight", timeout=WAIT)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("document.querySelector('pagefind-results').getBoundingClientRect().top") < -100, \
        "control: the top of the list is out of view"
    assert results(page).count() == 0 and held, "control: the search waits for its index (not the filters')"
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "care")
    total = count(page)
    assert total > 10, "control: 'care' has more results than fit in the window"
    expect(results(page)).to_have_count(total)
    expect(page.locator("li.search-result-loading")).to_have_count(0)


def fail_a_fragment(page, times: int | None) -> list[str]:
    """The requests for one result's data (the first fragment the page asks for) fail, as in a network blip: the first
    `times` of them, or all of them (None). Returns the fragment's address once asked for."""
    failing: list[str] = []
    failed: list[str] = []

    def handle(route):
        url = route.request.url
        if not failing:
            failing.append(url)
        if url == failing[0] and (times is None or len(failed) < times):
            failed.append(url)
            route.abort()
        else:
            route.continue_()

    page.route("**/fragment/*.pf_fragment", handle)
    return failing


def search_with_the_check_held(page, query: str) -> None:
    """`query` typed, its check held (until release()): the first fragment requested is then a shown result's."""
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    page.evaluate("window.MinutebookSearch.testing.checkDelayMs = 60000")
    search_box(page).press_sequentially(query)
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(rf"^\d+ results? for {query}$"))


def try_again_offline_then_online(page, retry, still: str, failing: str) -> None:
    """Enter on the "Try again" button `retry` while the requests `failing` still fail: it keeps focus and its label,
    and `still` is announced; then Enter again once the connection is back."""
    retry.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("text => window.__announced.some(a => a.text === text)", arg=still, timeout=WAIT)
    expect(retry).to_be_focused()
    expect(retry).to_have_text("Try again")
    page.unroute(failing)  # the connection is back
    page.keyboard.press("Enter")


def test_a_result_whose_data_failed_to_load_once_is_filled_in(page):
    """A network blip: the first request for one result's data fails. Pagefind keeps that failure (its cache holds it,
    for every later search too), and the result stayed an empty placeholder for good under "20 results for care"."""
    failing = fail_a_fragment(page, times=1)
    search_with_the_check_held(page, "care")
    page.wait_for_function("() => document.querySelector('pagefind-results li.search-result')", timeout=WAIT)
    assert failing, "control: a result's data was asked for, and its request failed"
    page.evaluate("window.MinutebookSearch.testing.release()")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "care")
    total = count(page)
    expect(results(page)).to_have_count(total)
    expect(page.locator("pagefind-results ul.pf-results > li")).to_have_count(total)
    expect(page.locator(".search-result-unavailable")).to_have_count(0)


def test_a_result_whose_data_never_loads_says_so_and_try_again_loads_it(page):
    """After a few tries, the result's place says it could not be loaded, with a button to try again, where it stayed
    empty. The button tries again, and says when that fails too; once the connection is back, it loads the result
    and focus goes to it."""
    failing = fail_a_fragment(page, times=None)
    search_with_the_check_held(page, "care")
    total = count(page)
    message = page.locator("pagefind-results ul.pf-results > li.search-result-unavailable")
    expect(message).to_have_count(1)
    expect(message.get_by_role("heading", level=3)).to_have_text("This result could not be loaded")
    expect(message).to_contain_text("The connection may have dropped while it loaded. Try again")
    expect(results(page)).to_have_count(total - 1)
    expect(page.locator("pagefind-summary")).to_have_text(f"{total} results for care")
    assert axe_violations(page) == []
    index = message.evaluate("li => [...li.parentElement.children].indexOf(li)")
    assert failing
    try_again_offline_then_online(page, message.get_by_role("button", name="Try again"),
                                  "The result still could not be loaded", "**/fragment/*.pf_fragment")
    expect(results(page)).to_have_count(total)
    expect(page.locator(".search-result-unavailable")).to_have_count(0)
    expect(page.locator("pagefind-results ul.pf-results > li").nth(index).locator("h3 a")).to_be_focused()


def test_the_search_fields_border_stands_out_and_its_focus_shows(page):
    """WCAG 1.4.11: the field's edge is at least 3:1 against the page (Pagefind's grey was 2.08:1)."""
    open_search(page, "?q=care")
    style = """() => { const s = getComputedStyle(document.querySelector('pagefind-input input'));
        return { color: s.borderTopColor, width: parseFloat(s.borderTopWidth), shadow: s.boxShadow }; }"""
    idle = page.evaluate(style)
    assert contrast(idle["color"], "rgb(255, 255, 255)") >= 3 and idle["width"] >= 2, idle
    search_box(page).focus()
    page.keyboard.press("End")  # focus from the keyboard, as :focus-visible needs
    focused = page.evaluate(style)
    assert focused["shadow"] != idle["shadow"] and "rgb(255, 221, 0)" in focused["shadow"], focused


def test_with_wider_text_spacing_the_page_fits_a_narrow_screen(page):
    """WCAG 1.4.12 with 1.4.10: a reader's own line, paragraph, letter and word spacing at 320px wide must not
    make the page scroll sideways (the order select stuck out by 4px)."""
    page.set_viewport_size({"width": 320, "height": 640})
    open_search(page, "?q=care")
    page.add_style_tag(content=TEXT_SPACING)
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


def test_the_filters_text_grows_with_the_readers_default_text_size(page):
    """Pagefind sizes it in pixels, which a browser's text-size setting (unlike zoom) does not reach: with the
    default doubled, every label, count and button of the search page doubles too."""
    open_search(page, "?q=care")
    shown = ".search-app :is(.pf-filter-checkbox, .pf-filter-checkbox-count, .pf-filter-group-title, .pf-input-clear)"
    sizes = f"""() => Object.fromEntries([...document.querySelectorAll('{shown}')]
        .filter(e => e.getClientRects().length).map(e => [e.className, parseFloat(getComputedStyle(e).fontSize)]))"""
    before = page.evaluate(sizes)  # each kind's size (the pane may be drawn again between the two readings)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    after = page.evaluate(sizes)
    assert len(before) == 4 and min(before.values()) >= 12, before
    assert {kind: after[kind] / size for kind, size in before.items()} == dict.fromkeys(before, 2.0), (before, after)


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two rgb() colours."""
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- words a body's index lacks ------------------------------------------------------------------

# Pagefind's own JS API over the archive's bundles, as the search page merges them: each result's address
# and indexed text.
PAGEFIND_ALONE = """async (term) => {
    const config = await (await fetch("/search/config.json")).json();
    const [primary, ...others] = config.bundles;
    const pagefind = await import(primary.path + "pagefind.js");
    await pagefind.options({ bundlePath: primary.path });
    for (const bundle of others) { await pagefind.mergeIndex(bundle.path); }
    const search = await pagefind.search(term);
    return await Promise.all(search.results.map(async (r) => { const d = await r.data(); return [d.url, d.content]; }));
}"""


def shown_results(page, query: str) -> list[str]:
    """The addresses of every result the search page shows for `query`, each loaded."""
    page.set_viewport_size({"width": 1280, "height": 20000})  # every result in view, so all of them load
    search(page, query)
    total = count(page)
    expect(results(page)).to_have_count(total)
    return results(page).locator("h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("word, has_it, lacking", [
    ("blood", r"blood", "/jhsc/2019/2019-01-21/papers/b/"),  # the JHSC's index has "B" (Appendix B), not "blood"
    ("phlebotomy", r"phlebotomy", "/jcccg/2020/2020-03-05/papers/05/"),  # the JCCCG's has "PHBs"
    ("lakhani", r"lakhani", "/jcccg/2020/2020-03-05/papers/05/"),  # and "LA"
    ("andrew", r"andrew", "/ccb/actions/ccbp-18-49-1/"),  # the CCB's has "and"
    ("mcgee", r"mcgee", None),  # "McGee", indexed as "mcgee" and as "mc" and "gee"
    ("coordination", r"co-?ordinat", None),  # "co-ordination" too, and "coordinate", stemmed alike
    ("children's", r"children", None),  # Pagefind searches "childrens", stemmed "children"
])
def test_a_word_one_body_lacks_shows_the_pages_that_have_it_and_none_of_that_bodys(page, word, has_it, lacking):
    """Pagefind 1.5 searches the longest word its index has that the query word begins with, where the
    index lacks the word itself, and each body's bundle decides that alone: so "blood", which only the CCB
    uses, brings the JHSC's Appendix B. The search page shows exactly the pages whose text has the word."""
    page.goto("/search/")
    alone = page.evaluate(PAGEFIND_ALONE, word)
    if lacking:
        assert lacking in [url for url, _ in alone], f"control: Pagefind alone returns {lacking} for {word!r}"
    having = {url for url, text in alone if re.search(has_it, text.lower())}
    assert having, "control: some page has the word"
    shown = shown_results(page, word)
    assert sorted(shown) == sorted(having)


def test_the_filters_count_only_the_results_shown(page):
    """A body whose pages lack the word counts none, and the count of one that has it is what ticking it
    then shows."""
    shown_results(page, "blood")
    open_filter(page, "body")
    offered = page.evaluate("""[...document.querySelectorAll("input.pf-checkbox-input[name='body']")].map(i =>
        [i.value, i.closest('label, li, div').querySelector('.pf-filter-checkbox-count').textContent.trim()])""")
    counts = dict(offered)
    assert {value: counts[value] for value in counts if value != "CCB"} == {"JCCCG": "0", "JHSC": "0"}
    page.locator("input.pf-checkbox-input[name='body'][value='CCB']").check()
    expect(page.locator("pagefind-summary")).to_have_text(f"{counts['CCB']} results for blood")


def test_with_a_filter_ticked_the_other_filters_count_only_the_results_shown(page):
    """Ticking "paper" for "blood" shows the CCB's one paper, and the body filter then counts no paper of
    the bodies whose indexes lack the word (Pagefind alone counts their papers with "B" or "PHBs")."""
    shown_results(page, "blood")
    open_filter(page, "type")
    page.locator("input.pf-checkbox-input[name='type'][value='paper']").check()
    expect(page.locator("pagefind-summary")).to_have_text("1 result for blood")
    paper = page.locator("input.pf-checkbox-input[name='type'][value='paper']")  # a ticked filter's count
    expect(paper.locator("xpath=ancestor::*[.//*[contains(@class, 'pf-filter-checkbox-count')]][1]")
           .locator(".pf-filter-checkbox-count")).to_have_text("1")
    open_filter(page, "body")
    counts = """() => JSON.stringify(Object.fromEntries([...document.querySelectorAll(
        "input.pf-checkbox-input[name='body']")].map(i =>
        [i.value, i.closest('label, li, div').querySelector('.pf-filter-checkbox-count').textContent.trim()])))"""
    expected = '{"CCB":"1","JCCCG":"0","JHSC":"0"}'
    try:  # the counts are corrected once the check with this filter is done
        page.wait_for_function(f"() => ({counts})() === {expected!r}", timeout=WAIT)
    except Exception:
        pytest.fail(f"the body filter counts {page.evaluate(counts)}, not {expected}")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")


def test_a_result_link_in_focus_keeps_it_when_the_checked_results_replace_the_first(page):
    """A keyboard user already in the results when the check leaves some out is not thrown back to the top
    of the page. Each check is held until the link has focus."""
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    page.evaluate("window.MinutebookSearch.testing.checkDelayMs = 60000")  # held until release()
    search_box(page).press_sequentially("lakhani")
    link = page.locator('li.search-result h3 a[href="/people/mayur-lakhani/"]')
    link.focus()
    assert page.locator("[data-search-app]").get_attribute("data-search-checked") is None, \
        "the check was done before the link had focus: nothing to test"
    page.evaluate("window.MinutebookSearch.testing.release()")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for lakhani")  # 5 before the check
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "lakhani")
    page.wait_for_function("document.activeElement.getAttribute('href') === '/people/mayur-lakhani/'", timeout=WAIT)


def test_a_filter_ticked_and_unticked_before_the_check_is_done_ends_with_the_checked_results(page):
    """The Component UI changes the object of ticked filters in place; the check must not take a later
    filter for the one its query had. Each check is held until the filter is ticked."""
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    page.evaluate("window.MinutebookSearch.testing.checkDelayMs = 60000")  # held until release()
    search_box(page).press_sequentially("blood")
    expect(page.locator("pagefind-summary")).to_have_text("10 results for blood")  # Pagefind's, unchecked
    assert page.locator("[data-search-app]").get_attribute("data-search-checked") is None, \
        "the check was done before the filter was ticked: nothing to test"
    open_filter(page, "body")
    jhsc = page.locator("input.pf-checkbox-input[name='body'][value='JHSC']")
    jhsc.check()
    # the check of the query alone ends with the filter ticked
    page.evaluate("window.MinutebookSearch.testing.release()")
    expect(page.locator("pagefind-summary")).to_have_text("0 results for blood")
    jhsc.uncheck()
    expect(page.locator("pagefind-summary")).to_have_text("4 results for blood")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for blood")


def test_a_query_changed_before_its_check_is_done_ends_with_the_new_querys_checked_results(page):
    """The check of the query the reader typed first ends after they typed another: it must neither show its
    results over the new ones nor stop the new query's own check, and the first query, typed again, is
    checked afresh. Each check is held until the query has changed."""
    expected = {word: sorted(shown_results(page, word)) for word in ("phlebotomy", "blood")}
    assert len(expected["blood"]) == 4 and expected["phlebotomy"], "control"
    warnings = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    page.evaluate("window.MinutebookSearch.testing.checkDelayMs = 60000")  # held until release()
    box = search_box(page)
    box.press_sequentially("blood")
    expect(page.locator("pagefind-summary")).to_have_text("10 results for blood")  # Pagefind's, unchecked
    assert page.locator("[data-search-app]").get_attribute("data-search-checked") is None, \
        "the check was done before the query changed: nothing to test"
    box.fill("phlebotomy")
    expect(page.locator("pagefind-summary")).to_contain_text("for phlebotomy")  # on screen before the check ends
    page.evaluate("window.MinutebookSearch.testing.release()")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "phlebotomy", timeout=WAIT)
    page.wait_for_function("window.MinutebookSearch.testing.checking === 0", timeout=WAIT)  # blood's has ended too
    # Pagefind's announcer puts a text in the live region 100 ms after it is asked to: a timer of the page's own,
    # longer and set after every check has ended, runs after each announcement those checks asked for, and the
    # observer has recorded them by then (its callbacks come before the next timer's). Not a wait for time to pass.
    page.evaluate("new Promise(done => setTimeout(done, 150))")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "phlebotomy")
    summary = f"{len(expected['phlebotomy'])} result{'s' if len(expected['phlebotomy']) > 1 else ''} for phlebotomy"
    expect(page.locator("pagefind-summary")).to_have_text(summary)
    expect(results(page)).to_have_count(len(expected["phlebotomy"]))
    assert sorted(results(page).locator("h3 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")) == expected["phlebotomy"]
    announced = [a["text"] for a in page.evaluate("window.__announced") if "for " in a["text"]]
    assert announced == [summary], "only the query on screen has its count announced"
    box.fill("blood")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood", timeout=WAIT)
    expect(page.locator("pagefind-summary")).to_have_text("4 results for blood")
    assert warnings == [], "a check overtaken by a newer query is no failure"


def test_a_number_no_page_has_finds_nothing_though_pagefind_alone_finds_its_first_digits(page):
    page.goto("/search/")
    assert page.evaluate(PAGEFIND_ALONE, "2468"), "control: Pagefind alone returns the pages with '24' or '2.4'"
    search(page, "2468")
    expect(page.locator("pagefind-summary")).to_have_text("0 results for 2468")
    page.wait_for_function("window.__announced.some(a => a.text === 'No results for 2468')", timeout=WAIT)


def test_a_query_word_is_matched_by_the_words_pagefind_finds_for_it_and_not_by_its_first_letters(page):
    """The test search.js applies to the words a bundle's best result matched."""
    cases = [  # (a word of the page, the query, a genuine match)
        ("blood", "blood", True), ("phlebotomy", "phleb", True),  # the word, or a word it begins
        ("policy", "policies", True), ("committee", "committees", True), ("meet", "meetings", True),
        ("happy", "happiness", True), ("run", "running", True),  # words sharing its stem
        ("McGee", "mcgee", True), ("Children's", "children's", True), ("co-ordination", "coordination", True),
        ("e-newsletter", "enewsletter", True), ("CCG's", "ccgs", True),  # compounds, run together or in parts
        ("24/7", "24", True), ("2.4", "24", True),  # Pagefind indexes "2.4" as "24"
        ("B", "blood", False), ("PHBs", "phlebotomy", False), ("LA", "lakhani", False),  # first letters
        ("and", "andrew", False), ("had", "hadwen", False), ("there", "thereafter", False),
        ("can", "cannot", False), ("system", "systemone", False), ("council", "councillors", False),
        ("24", "2468", False), ("CCBP/18/50", "18/49", False),  # numbers have no stems
    ]
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    verdicts = page.evaluate("""(cases) => cases.map(([word, query]) => {
        const m = window.MinutebookSearch;
        return m.queryWords(query).every(term => m.pageWords(word).some(w => m.genuine(w, term)));
    })""", cases)
    assert {case[:2]: verdict for case, verdict in zip(cases, verdicts)} == {case[:2]: case[2] for case in cases}
    assert page.evaluate("window.MinutebookSearch.queryWords(\"Children's co-ordination  18/49 Éire\")") == [
        "childrens", "coordination", "1849", "eire"]
    assert page.evaluate("window.MinutebookSearch.pageWords(\"McGee's\")") == ["mc", "gee", "s", "mcgees"]


# --- keyboard and screen reader -----------------------------------------------------------------

def test_keyboard_alone_reaches_the_box_searches_and_moves_into_the_results(page):
    page.goto("/search/")
    expect(search_box(page)).to_be_visible()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pf-input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("blood collection")
    # the results for "blood collection", checked: on a slow machine those for "blood" may be on screen still
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood collection")
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for blood collection$"))
    expect(results(page).first.locator("h3 a")).to_be_visible()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("""(() => { const a = document.activeElement; const s = getComputedStyle(a);
        return { tag: a.tagName, inResults: !!a.closest('pagefind-results'),
                 ring: s.outlineStyle !== 'none' || s.boxShadow !== 'none'
                       || s.backgroundColor !== 'rgba(0, 0, 0, 0)' }; })()""")
    assert focused == {"tag": "A", "inResults": True, "ring": True}


def _tab_to(page, wanted: str, limit: int = 60) -> None:
    """Tab until the element `wanted` (a JavaScript test of `e`, the focused element) has focus, opening each closed
    disclosure on the way with Enter, as a reader does to see what is in it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({wanted}); }}"):
            return
        if page.evaluate("() => document.activeElement.tagName === 'SUMMARY' && !document.activeElement"
                         ".parentElement.open"):
            page.keyboard.press("Enter")
    pytest.fail(f"Tab never reached {wanted}")


@pytest.mark.parametrize(("name", "value"), [("type", "paper"), ("year", "2019"), ("body", "JHSC")])
def test_at_320_css_pixels_the_keyboard_alone_opens_the_filters_and_ticks_and_unticks_one(page, name, value):
    """At 400% zoom (320 CSS px) the filters are closed under the search box (search.js), each group of them
    too where Pagefind leaves it so. Tab and Enter open them, Space ticks a body, a year or a type and narrows the
    results, Space again gives them all back, focus staying on the box ticked, and the page never scrolls
    sideways. Checked as a guard: it worked, but no gate had worked the filters by keyboard at that width."""
    page.set_viewport_size({"width": 320, "height": 640})
    search(page, "health")
    before = count(page)
    _tab_to(page, f"e.matches('input.pf-checkbox-input[name=\"{name}\"][value=\"{value}\"]')")
    for press, narrowed in (("tick", True), ("untick", False)):
        page.keyboard.press("Space")
        summary = page.locator("pagefind-summary")
        if narrowed:
            # the summary says "Searching for health..." between the two counts: wait for the narrowed count
            expect(summary).to_have_text(re.compile(rf"^(?!{before} )\d+ results? for health"))
            assert 0 < count(page) < before
        else:
            expect(summary).to_have_text(f"{before} results for health")
        focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value, "
                                "document.activeElement.checked]")
        assert focused == [name, value, narrowed], press
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_reader_in_the_results_keeps_a_place_when_the_whole_querys_results_replace_its_first_words(page):
    """Typed quickly, "blood collection" shows the results for "blood" first. A reader who has gone down into
    them is not thrown back to the top of the page when the whole query's results replace them: focus goes
    to the same result if it is still there, else to the first."""
    page.goto("/search/")
    box = search_box(page)
    box.press_sequentially("blood")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    # the check leaves some of Pagefind's results for "blood" out, and the list is drawn again: checked is said
    # as that begins, and the arrow goes to the first result once it is there (a CI run pressed it before)
    expect(results(page).first.locator("h3 a")).to_be_visible()
    box.press("ArrowDown")
    was = page.evaluate("document.activeElement.getAttribute('href')")
    assert was and page.evaluate("!!document.activeElement.closest('pagefind-results')")
    # the rest of the query reaches Pagefind while the reader is in the results, as its wait for typing ends
    page.evaluate("""() => { const input = document.querySelector('input.pf-input');
        input.value = 'blood collection'; input.dispatchEvent(new Event('input', { bubbles: true })); }""")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood collection")
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for blood collection$"))
    page.wait_for_function("document.activeElement.tagName === 'A' && !!document.activeElement.closest("
                           "'pagefind-results')", timeout=WAIT)
    now = page.evaluate("document.activeElement.getAttribute('href')")
    hrefs = results(page).locator("h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert now == (was if was in hrefs else hrefs[0])


def test_result_counts_are_announced_politely_even_when_there_are_none(page):
    search(page, "health")
    page.wait_for_function("window.__announced.some(a => / results? for health/.test(a.text))", timeout=WAIT)
    search(page, "zzqqxx")
    page.wait_for_function("window.__announced.some(a => a.text === 'No results for zzqqxx')", timeout=WAIT)
    announced = page.evaluate("window.__announced")
    assert {a["live"] for a in announced} == {"polite"}, announced


def test_the_count_is_announced_once_and_for_the_checked_results(page):
    """Pagefind's 10 results for "blood" are shown while the check runs (held here until they are seen), but only the
    checked count is announced."""
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    page.evaluate("window.MinutebookSearch.testing.checkDelayMs = 60000")  # held until release()
    search_box(page).press_sequentially("blood")
    expect(page.locator("pagefind-summary")).to_have_text("10 results for blood")
    page.evaluate("window.MinutebookSearch.testing.release()")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    page.wait_for_function("window.__announced.some(a => a.text === '4 results for blood')", timeout=WAIT)
    counts = [a["text"] for a in page.evaluate("window.__announced") if "for blood" in a["text"]]
    assert set(counts) == {"4 results for blood"}, counts


def fail_the_check(page, query: str, files: str, times: int | None) -> list[str]:
    """`query` typed, Pagefind's results shown and every one loaded while the check is held; then the JHSC bundle's
    requests for `files` fail, as in a network blip: the first `times` of them, or all of them (None). Only the check
    asks for them by then: it loads them in instances of its own. The check is let go; returns the addresses failed."""
    search_with_the_check_held(page, query)
    expect(results(page)).to_have_count(count(page))
    failed: list[str] = []

    def handle(route):
        if times is None or len(failed) < times:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route(f"**/pagefind/bodies/jhsc/{files}", handle)
    page.evaluate("window.MinutebookSearch.testing.release()")
    return failed


UNCHECKED = ("Some of these results may not contain the words you searched for: they could not be checked, as the "
             "connection may have dropped.")


@pytest.mark.parametrize("files", ["fragment/*.pf_fragment", "index/*.pf_index"])
def test_a_check_whose_request_failed_once_is_tried_again(page, files):
    """The check of "blood" reads the JHSC's best result (its Appendix B, found for "B"). When that result's data
    failed to load, the check gave up and left Pagefind's 10 results; when an index file of the JHSC's failed,
    Pagefind left it out of the check's index without a word, and the check kept the JHSC's pages as unchecked
    (7 results). Each request is tried again in new instances, and the JHSC's pages are left out."""
    failed = fail_the_check(page, "blood", files, times=1)
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for blood")
    assert failed, "control: a request of the check failed"
    expect(page.locator("[data-search-unchecked]")).to_be_hidden()
    page.wait_for_function("window.__announced.some(a => a.text === '4 results for blood')", timeout=WAIT)


def test_results_the_pages_own_search_found_fewer_of_are_checked_all_the_same(page):
    """An index file of the JHSC's that fails in the page's own Pagefind instance is left out of it for good, so
    the page's search finds fewer results than the check, whose instances load it. The check's verdicts still
    hold for the results shown: they are checked, and the page does not say they could not be, which no try
    could mend (it said so once in CI for a minute number, where no request was made to fail)."""
    failed: list[str] = []

    def handle(route):
        if not failed:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.goto("/search/")
    page.route("**/pagefind/bodies/jhsc/index/*.pf_index", handle)
    search_box(page).fill("blood")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    assert failed, "control: an index file of the page's own search failed"
    expect(page.locator("[data-search-unchecked]")).to_be_hidden()


def test_results_that_could_not_be_checked_say_so_and_try_again_checks_them(page):
    """A check that fails after every try leaves Pagefind's results, which may include pages found for a word's
    first letters: the page says so under the count, and announces it with the count, where it said so only in
    the browser's console. "Try again" checks them again while it keeps focus, says when that fails too, and once
    the connection is back shows the checked results with focus on the first."""
    failed = fail_the_check(page, "blood", "fragment/*.pf_fragment", times=None)
    message = page.locator("[data-search-unchecked]")
    expect(message).to_have_text(f"{UNCHECKED} Try again")
    expect(page.locator("pagefind-summary")).to_have_text("10 results for blood")
    page.wait_for_function("text => window.__announced.some(a => a.text === text)",
                           arg=f"10 results for blood. {UNCHECKED}", timeout=WAIT)
    assert page.locator("[data-search-app]").get_attribute("data-search-checked") is None
    assert failed, "control: the check's requests failed"
    assert axe_violations(page) == []
    try_again_offline_then_online(page, message.get_by_role("button", name="Try again"),
                                  "The results still could not be checked",
                                  "**/pagefind/bodies/jhsc/fragment/*.pf_fragment")
    expect(page.locator("[data-search-app]")).to_have_attribute("data-search-checked", "blood")
    expect(page.locator("pagefind-summary")).to_have_text("4 results for blood")
    expect(message).to_be_hidden()
    expect(results(page).first.locator("h3 a")).to_be_focused()
    page.wait_for_function("window.__announced.some(a => a.text === '4 results for blood')", timeout=WAIT)


def test_show_more_moves_focus_to_the_first_result_it_adds(page):
    search(page, "ccg")
    total = count(page)
    assert 50 < total <= 100, "the example archive has between 50 and 100 pages with 'CCG'"
    expect(results(page).first).to_be_visible()
    button = page.get_by_role("button", name="Show 50 more results")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_be_hidden()  # every result is shown, so the button goes
    page.wait_for_function("""() => {
        const items = [...document.querySelectorAll('pagefind-results ul.pf-results > li')];
        return items.length > 50 && items[50].contains(document.activeElement)
            && document.activeElement.tagName === 'A';
    }""", timeout=WAIT)


def test_every_control_has_a_label(page):
    search(page, "health")
    expect(page.get_by_role("combobox", name="Order results by")).to_be_visible()
    open_filter(page, "type")
    unlabelled = page.evaluate("""[...document.querySelectorAll('main input, main select, main button')]
        .filter(e => !e.closest('template') && e.type !== 'hidden' && !(e.labels && e.labels.length)
                     && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
        .map(e => e.outerHTML)""")
    assert unlabelled == []


def test_the_page_uses_the_same_reference_keys_as_the_build(page):
    samples = ["CCBP/19/70", "ccbp 19 70", "ccbp19-070", "CCBP/18/49#1", "JCCCG 2020-03-05 7.1", "Éire 007", " "]
    page.goto("/search/")
    page.wait_for_function("window.MinutebookSearch !== undefined", timeout=WAIT)
    in_browser = page.evaluate("(samples) => samples.map(window.MinutebookSearch.refKey)", samples)
    assert in_browser == [ref_key(s) for s in samples]


# --- records in another language ---------------------------------------------------------------

@pytest.fixture(scope="module")
def welsh(browser, tmp_path_factory):
    """A tab on the fixture archive whose joint committee's meeting, minutes and agenda are in Welsh and whose
    paper B is (gate_tools.welsh_site), served, in this module's browser."""
    with serve(welsh_site(tmp_path_factory)) as base, tab_on(browser, base) as tab:
        yield tab


def marked(locator) -> list[list[str]]:
    """[lang, text] of each element in `locator` marked with a language of its own, itself included."""
    return locator.evaluate_all("""found => found
        .flatMap(e => [...(e.lang ? [e] : []), ...e.querySelectorAll('[lang]')])
        .map(e => [e.lang, e.textContent])""")


def test_a_welsh_meetings_title_and_its_minutes_sub_results_are_marked_welsh_in_the_results(welsh):
    """WCAG 2.2, 3.1.2: the meeting's title (meeting.md's language) and each minute shown under it (minutes.md's)
    are marked lang="cy", as the meeting's page marks them; the date beside the title and the meeting's other
    sections (who attended) stay in the page's language."""
    search(welsh, "singh")  # Dr Carol Singh: in attendance, and named in minute 5
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/jc/2019/2019-11-05/"]'))
    expect(result.locator("h3 a")).to_have_text("Cyd-bwyllgor, 5 November 2019")
    assert marked(result.locator("h3 a")) == [["cy", "Cyd-bwyllgor"]]
    sections = result.locator(".search-result-sections > li").evaluate_all(
        "found => found.map(li => [li.querySelector('a').getAttribute('href'), li.lang])")
    assert ["/jc/2019/2019-11-05/#item-5", "cy"] in sections
    assert ["/jc/2019/2019-11-05/#in-attendance", ""] in sections  # "In attendance. Dr Carol Singh (for item 5)."


@pytest.mark.parametrize("query, language", [
    ("minibus", "cy"),  # "The committee praised the outreach minibus...", minute 5
    ("lovelace", ""),  # "Present. ... Councillor Ada Lovelace.", the attendance: names, and Minutebook's words
    ("standing", ""),  # "Standing items", the agenda's: its excerpt takes in the attendance above it
])
def test_a_welsh_meetings_excerpt_is_marked_welsh_where_it_is_of_its_minutes(welsh, query, language):
    search(welsh, query)
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/jc/2019/2019-11-05/"]'))
    expect(result.locator(":scope > .search-result-excerpt")).to_contain_text(re.compile(query, re.IGNORECASE))
    assert result.locator(":scope > .search-result-excerpt").evaluate("p => p.lang") == language


def test_a_welsh_papers_excerpts_are_marked_welsh_in_the_results(welsh):
    """Its title is marked (as test_browser.py checks), and so are the excerpts of its text, result and sections,
    which were read out with English sounds."""
    search(welsh, "rhandiroedd")
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/tb/2019/2019-03-14/papers/b/"]'))
    assert marked(result.locator("h3 a")) == [["cy", "Strategaeth Pwysau Iach 2019 i 2024"]]
    excerpts = result.locator(".search-result-excerpt").evaluate_all(
        "found => found.map(p => p.closest('.search-result [lang]')?.lang)")
    assert len(excerpts) >= 2 and set(excerpts) == {"cy"}  # the result's, and its sections' (the heading's too)


def sections_marked(result) -> dict[str, list]:
    """Each sub-result of `result` by its address's #id: [the language of its title, that of its excerpt]."""
    return dict(result.locator(".search-result-sections > li").evaluate_all("""found => found.map(li => [
        li.querySelector('a').getAttribute('href').split('#')[1],
        [li.querySelector('a').closest('.search-result [lang]')?.lang || '',
         li.querySelector('.search-result-excerpt').closest('.search-result [lang]')?.lang || '']])"""))


@pytest.mark.parametrize("query, expected", [
    # the agenda's words ("Standing items", meeting.md's): its heading, "Agenda", is the page's
    ("standing", {"agenda": ["", "cy"]}),
    # a minute, the minutes' language; the gallery ("2 members of the public", Minutebook's words) and the agenda
    ("public", {"item-5": ["cy", "cy"], "public-gallery": ["", ""], "agenda": ["", "cy"]}),
    # who attended: names and Minutebook's words around a Welsh role, left in the page's language
    ("cyfarwyddwr", {"in-attendance": ["", ""]}),
    # the notes (meeting.md's text): their heading, "Notes", is the page's; a heading in them is meeting.md's
    ("arbennig", {"notes": ["", "cy"]}),
    ("siambr", {"notes-trefniadau": ["cy", "cy"]}),
])
def test_a_welsh_meetings_agenda_and_notes_sub_results_are_marked_welsh_and_its_attendance_is_not(welsh, query,
                                                                                                   expected):
    """WCAG 2.2, 3.1.2: the agenda's excerpt is meeting.md's words (its caption, column heads and links to the
    minutes, the site's, are not indexed for it), marked lang="cy", as are its notes; who attended stays in the
    page's language, whatever the excerpt of the meeting is of."""
    search(welsh, query)
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/jc/2019/2019-11-05/"]'))
    expect(result.locator(".search-result-sections > li")).to_have_count(len(expected))
    assert sections_marked(result) == expected


def test_a_heading_in_a_welsh_papers_text_is_marked_welsh_in_the_results(welsh):
    """A sub-result's title that is a heading of the paper's own text is the paper's words; "Text of the paper" and
    "Front sheet", Minutebook's, are not marked, though their excerpts, of the paper, are."""
    search(welsh, "rhandiroedd")
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/tb/2019/2019-03-14/papers/b/"]'))
    expect(result.locator(".search-result-sections > li")).to_have_count(1)
    assert sections_marked(result) == {"rhandiroedd-cymunedol": ["cy", "cy"]}
    search(welsh, "strategaeth")
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/tb/2019/2019-03-14/papers/b/"]'))
    expect(result.locator(".search-result-sections > li").first).to_be_visible()
    marks = sections_marked(result)
    assert marks.get("front-sheet", ["", "cy"]) == ["", "cy"] and marks.get("paper-text", ["", "cy"]) == ["", "cy"]
    assert set(marks) & {"front-sheet", "paper-text"}, "control: a section of Minutebook's is shown"


def test_the_search_page_showing_welsh_results_passes_axe(welsh):
    """Titles, excerpts and sub-results marked lang="cy" among the page's English (axe's valid-lang among them)."""
    search(welsh, "public")
    result = results(welsh).filter(has=welsh.locator('h3 a[href="/jc/2019/2019-11-05/"]'))
    expect(result.locator(".search-result-sections [lang=cy]").first).to_be_visible()
    assert axe_violations(welsh) == []


@pytest.mark.parametrize("query, shown, title", [
    ("JC 2019-11-05 5", "Minute 5: Joint public health commissioning", "Joint public health commissioning"),
    ("TB 2019-03-14 Paper B", "Paper B: Strategaeth Pwysau Iach 2019 i 2024", "Strategaeth Pwysau Iach 2019 i 2024"),
    ("TB/19/13", "Minute TB/19/13: Healthy Weight Strategy 2019 to 2024", None),  # the site's language: unmarked
])
def test_the_reference_jump_marks_a_title_in_another_language(welsh, query, shown, title):
    """The link straight to a reference names its record's title in the record's language; "Minute 5: " is the
    page's."""
    search(welsh, query)
    link = welsh.locator("#reference-jump").get_by_role("link")
    expect(link).to_have_text(shown)
    assert marked(link) == ([["cy", title]] if title else [])


# --- a site published below a path -------------------------------------------------------------

@pytest.fixture(scope="module")
def served_below(tmp_path_factory) -> str:
    """The example archive with base_url https://minutebook.example.org/minutes/, published into the `minutes`
    folder of what the server serves, as a web team would publish it below the path."""
    folder = tmp_path_factory.mktemp("below")
    content = folder / "content"
    shutil.copytree(REPO / "content", content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "base_url: https://minutebook.example.org/", "base_url: https://minutebook.example.org/minutes/"),
        encoding="utf-8")
    result = run(Options(content=content, out=folder / "www" / "minutes", today=dt.date(2026, 1, 1), search=True))
    assert result.ok, [d.format() for d in result.report.sorted()]
    with serve(folder / "www") as url:
        yield url


def test_search_works_on_a_site_published_below_a_path(browser, served_below):
    """Pagefind's bundles, the date tables and the reference map are all fetched below the path, and every
    result and jump leads to a page below it."""
    context = browser.new_context(base_url=served_below, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    missing: list[str] = []
    tab.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    try:
        tab.goto("/minutes/search/")
        box = search_box(tab)
        box.click()
        box.press_sequentially("ccbp 18 49")
        # the checked results, which replace Pagefind's own: read before, the list was once empty as it was redrawn
        expect(tab.locator("[data-search-app]")).to_have_attribute("data-search-checked", "ccbp 18 49")
        expect(tab.locator("pagefind-summary")).to_have_text(re.compile(r"^\d+ results? for ccbp 18 49$"))
        first = results(tab).first
        expect(first.locator("h3 a")).to_have_attribute("href", "/minutes" + MEETING)
        expect(results(tab)).to_have_count(count(tab))  # every result's links, not those of the first to load
        hrefs = tab.locator("li.search-result a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs and [h for h in hrefs if not h.startswith("/minutes/")] == []
        tab.select_option("#search-sort", "desc")  # the date tables, fetched below the path
        expect(first.locator("h3 a")).to_have_attribute("href", re.compile(r"^/minutes/"))
        expect(tab.locator("#reference-jump").get_by_role("link")).to_have_attribute("href", "/minutes" + ITEM)
        box.press("Enter")
        tab.wait_for_url(f"**/minutes{ITEM}")
        expect(tab.locator("h1")).to_contain_text("CCBP/18/49")
    finally:
        context.close()
    assert errors == [] and missing == []
