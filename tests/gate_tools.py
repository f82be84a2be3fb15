"""The machinery of the quality gates (tests/test_gates_*.py): built sites, a server, a browser, axe, vnu.

Each gate runs over the built example archive (content/) and the fixture
archive (tests/fixtures/archive), on one page of every kind (`PAGE_TYPES`),
found from the pages the build itself lists, so a new kind of page cannot
slip past unnoticed. The checks return what they found rather than asserting,
so that each gate's own test can show it finds a page broken on purpose.

The tools come from npm (package.json: axe-core, vnu-jar), installed by
`./dev test`; a missing tool fails the gate rather than skipping it, since a
gate that quietly does not run is no gate.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from generator.build import Options, prepare, run
from generator.diagnostics import Report
from generator.pages import all_pages
from generator.serve import Server
from helpers import FIXTURE, TODAY, in_welsh

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags its rules (axe has no wcag22a rule yet;
# the tag is listed so that one added in a later axe runs too).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
EXAMPLE_TODAY = dt.date(2025, 1, 1)

# One page of every kind: every template that renders a page of its own.
PAGE_TYPES = ("home.html", "archive.html", "year.html", "body.html", "body_year.html", "meeting.html", "item.html",
              "paper.html", "actions.html", "action.html", "people.html", "person.html", "search.html", "data.html",
              "accessibility.html", "moved.html", "not_found.html", "actions_closed.html", "person_year.html",
              "declarations.html", "declarations_year.html")
# Kinds of page an archive may lack, and why; the gates check them on the archive that has them.
MAY_LACK = {"example": {"actions_closed.html": "its three real meetings keep no action log, so close no action"}}


@dataclass(frozen=True)
class BuiltSite:
    name: str
    root: Path
    base_url: str
    pages: dict  # template -> the first address rendered with it
    query: str  # a word that search finds in this archive
    sections: tuple  # address prefixes of the pages search can find: /<body>/ and /people/

    def url(self, server: str, template: str) -> tuple[str, tuple]:
        """The address to open for one kind of page, and what search results to wait for (search page only)."""
        if template not in self.pages and template in MAY_LACK.get(self.name, {}):
            pytest.skip(f"the {self.name} archive has no {template} page: {MAY_LACK[self.name][template]}")
        if template == "search.html":
            return f"{server}{self.pages[template]}?q={self.query}", self.sections
        return server + self.pages[template], ()


def need(tool: Path) -> Path:
    if not tool.is_file():
        pytest.fail(f"{tool.relative_to(REPO)} is missing: run ./dev test, which installs the npm packages "
                    "(npm ci) before the tests")
    return tool


def describe(name: str, content: Path, root: Path, today: dt.date) -> BuiltSite:
    """The addresses of one page per template, from the build's own list of pages."""
    prepared = prepare(Options(content=content, today=today), Report(root=content), {})
    assert prepared is not None, f"{content} does not build"
    pages: dict[str, str] = {}
    for page in all_pages(prepared.index, today, prepared.refs):
        pages.setdefault(page.template, page.url)
    words = re.findall(r"[A-Za-z]{5,}", prepared.archive.meetings[0].title) or ["meeting"]
    sections = tuple(f"/{slug}/" for slug in prepared.index.by_body) + ("/people/",)
    return BuiltSite(name, root, prepared.archive.site.base_url, pages, max(words, key=len).lower(), sections)


_BUILT: dict[str, BuiltSite] = {}
_WELSH: dict[str, Path] = {}  # "site": welsh_site's folder


def example_site(tmp_path_factory) -> BuiltSite:
    """The example archive built once per test session (search index included), shared by all gates."""
    if "example" not in _BUILT:
        out = tmp_path_factory.mktemp("example-build") / "site"
        result = run(Options(content=REPO / "content", out=out, today=EXAMPLE_TODAY, search=True))
        assert result.ok, "the example archive does not build:\n" + "\n".join(d.format() for d in result.report.sorted())
        _BUILT["example"] = describe("example", REPO / "content", out, EXAMPLE_TODAY)
    return _BUILT["example"]


def welsh_site(tmp_path_factory) -> Path:
    """The fixture archive with the joint committee's meeting in Welsh (helpers.in_welsh), built once per test
    process with its search index (a second of building): a page of Welsh minutes for the gates, and Welsh
    results for the search page."""
    if "site" not in _WELSH:
        content = tmp_path_factory.mktemp("welsh") / "content"
        shutil.copytree(FIXTURE, content)
        in_welsh(content)
        out = content.parent / "site"
        result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=True))
        assert result.ok, [d.format() for d in result.report.sorted()]
        _WELSH["site"] = out
    return _WELSH["site"]


def fixture_site(site: Path) -> BuiltSite:
    """conftest's session-built fixture archive, described."""
    if "fixture" not in _BUILT:
        _BUILT["fixture"] = describe("fixture", FIXTURE, site, dt.date.fromisoformat(TODAY))
    return _BUILT["fixture"]


# --- serving and browsing ---------------------------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(root: Path):
    """A static server for `root` on a free localhost port; yields its address. The preview's Server, which passes
    over a browser gone before its answer came (a page closed while it loaded), as the preview does."""
    server = Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Tabs:
    """A Chromium whose tabs (`new_page`) open in one context, kept for a gate module, rather than each in a context
    of its own, as Playwright's Browser.new_page does; anything else is the browser's (`new_context`, `browser_type`).

    A tab in a new context started a renderer process of its own, and one in a shared context did too once the tab
    before was closed: 0.5 to 0.9 s of Chromium's CPU for each of the gates' hundreds of tabs, where loading the page
    itself takes 0.15 s. So one tab (`keeper`) stays open on the served sites' host for as long as the context, and
    the tests' tabs share its process. Each tab is still a page of its own: its viewport, emulated media, routes and
    history are its own, and what the gates serve does not change while a module runs, so the cache the tabs share
    holds nothing a page of another test could show differently. (The sites keep nothing in cookies or storage.)"""

    def __init__(self, browser):
        self.browser = browser
        self.context = browser.new_context()
        self.keeper = None

    def new_page(self, viewport: dict | None = None, keep_at: str = ""):
        """A tab; `keep_at`, an address on the served host, opens the keeper there first, if it is not yet open."""
        if keep_at and self.keeper is None:
            self.keeper = self.context.new_page()
            origin = re.match(r"https?://[^/]+", keep_at).group(0)
            self.keeper.goto(origin + "/.keeper-tab")  # a server's short 'not found' page: no script, nothing to load
        page = self.context.new_page()
        if viewport:
            page.set_viewport_size(viewport)
        return page

    def __getattr__(self, name):
        return getattr(self.browser, name)


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (never a downloaded browser), its tabs opened in one context (Tabs)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: ./dev test installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield Tabs(browser)
        finally:
            browser.close()


@contextmanager
def with_back_forward_cache(browser):
    """A second Chromium, launched by the Playwright that launched `browser` (a process runs one: a second one's
    start fails inside the first's event loop), with the back/forward cache on. Playwright turns the cache off, which
    a reader's browser has on: with it, Back restores a page as the reader had it (where they scrolled, the link they
    followed focused) rather than loading it again, its focus at the top."""
    kept = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                       ignore_default_args=["--disable-back-forward-cache"])
    try:
        yield kept
    finally:
        kept.close()


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=[^"]*">')


def without_refresh(route) -> None:
    """The page as served, but for its refresh (a moved page's, moved.html): the checks look at the page itself,
    where a browser would go straight on to the page it sends the reader to. tests/test_moved.py checks the
    refresh."""
    response = route.fetch()
    route.fulfill(response=response, body=REFRESH.sub("", response.text()))


def open_page(browser, url: str, width: int = 1280, height: int = 900, results_under: tuple[str, ...] = ()):
    """A new tab at `url`. For the search page, `results_under` lists address prefixes of the archive's
    pages: it waits until the main content links to one of them, i.e. until search results are shown,
    whatever the search interface's own markup, and, where the page marks the results it shows as checked
    (search.js's data-search-checked), until they are: Pagefind's own are shown first, and the checked
    ones may replace them while a gate is at work on the page."""
    viewport = {"width": width, "height": height}
    page = browser.new_page(viewport=viewport, keep_at=url) if isinstance(browser, Tabs) else browser.new_page(
        viewport=viewport)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.route(url, without_refresh)
    page.goto(url, wait_until="load")
    if results_under:
        # No scrolling while waiting: every result shown is filled in without it (search.css), as a reader who
        # does not scroll sees it. The wait used to scroll on down until a result showed; on a busy machine it was
        # past the top of the list when the search came, and the results, whose placeholders sat there, stayed empty.
        ready = """prefixes => {
            const shown = [...document.querySelectorAll('main a[href]')].some(
                a => prefixes.some(p => new URL(a.href, location.href).pathname.startsWith(p)));
            const app = document.querySelector('[data-search-app]');
            return shown && (!app || app.hasAttribute('data-search-checked'));
        }"""
        from playwright.sync_api import TimeoutError as Timeout

        try:
            # a bound for a page that never gets there, not a measure of speed: a quiet machine takes 1 to 2 s
            page.wait_for_function(ready, arg=list(results_under), timeout=90_000, polling=100)
        except Timeout:
            state = page.evaluate("""prefixes => ({
                results: [...document.querySelectorAll('main a[href]')].filter(
                    a => prefixes.some(p => new URL(a.href, location.href).pathname.startsWith(p))).length,
                listed: document.querySelectorAll('main ul.pf-results > li').length,
                unfilled: [...document.querySelectorAll('main ul.pf-results > li')].filter(
                    li => !li.querySelector('a[href]')).length,
                scrolled: scrollY,
                checked: document.querySelector('[data-search-app]')?.getAttribute('data-search-checked')})""",
                                  list(results_under))
            pytest.fail(f"the search page {url} showed no checked results: {state}; its console: {console}")
    return page


# --- the checks ---------------------------------------------------------------------------------------

def axe_violations(page) -> list[dict]:
    """axe-core's WCAG A/AA violations on the page as it is now: [{id, impact, help, targets}]."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(need(AXE)))
    result = page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                          resultTypes: ['violations']})""", WCAG_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [" ".join(map(str, n["target"])) for n in v["nodes"]][:5]} for v in result["violations"]]


def keyboard_problems(page) -> list[str]:
    """What is wrong with the first Tab stop: it must be a visible skip link that moves focus to <main>."""
    problems = []
    page.keyboard.press("Tab")
    first = page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: el.textContent.trim(),
                visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                         && r.left < innerWidth && r.top < innerHeight};
    }""")
    if first["tag"] != "a" or not (first["href"] or "").startswith("#"):
        return [f"the first Tab stop is <{first['tag']}> {first['href'] or ''} '{first['text'][:40]}', not a skip link"]
    if not first["visible"]:
        problems.append("the skip link stays off screen when it has focus")
    target = first["href"][1:]
    page.keyboard.press("Enter")
    landed = page.evaluate("() => document.activeElement.id")
    if landed != target:
        problems.append(f"activating the skip link left focus on '{landed}', not on #{target}")
    if page.evaluate("id => !document.getElementById(id) || document.getElementById(id).tagName !== 'MAIN'",
                     target):
        problems.append(f"the skip link's target #{target} is not the <main> element")
    return problems


# The text spacing WCAG 1.4.12 says content must bear without loss, as a reader's style sheet or bookmarklet
# sets it: line height 1.5, paragraphs 2em apart, letters 0.12em and words 0.16em.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


def overflow(page) -> dict | None:
    """None when nothing scrolls sideways; else how far, and the elements that stick out.

    Content inside a box that scrolls on its own (a wide table in `.table-wrap`)
    is allowed: WCAG 1.4.10 exempts data tables, and the page itself stays put.
    """
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const scroll = document.documentElement.scrollWidth;
        if (scroll <= width) return null;
        // Inside a box that clips or scrolls it? An absolutely positioned element escapes such a box
        // unless the box, or something between, is positioned (its containing block lies within).
        const inScroller = el => {
            const escapes = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
            let positioned = false;
            for (let p = el.parentElement; p; p = p.parentElement) {
                const style = getComputedStyle(p);
                positioned = positioned || style.position !== 'static';
                if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && (!escapes || positioned)) return true;
            }
            return false;
        };
        const culprits = [];
        for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > width + 1 && !inScroller(el)) {
                culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                              (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
                              ' (' + Math.round(r.right) + 'px)');
            }
            if (culprits.length >= 5) break;
        }
        return {scroll_width: scroll, viewport: width, culprits};
    }""")


# Each element that cuts off its own text (overflow hidden or clip, or an ellipsis) where the text is longer than the
# box: a reader's wider text spacing (WCAG 1.4.12) or a narrow screen (1.4.10) must lose nothing. Text hidden for
# the eye on purpose (.visually-hidden, Pagefind's own such labels: a box a pixel or two across) is left out.
CLIPPED_TEXT = """() => {
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (el.clientWidth <= 4 || el.clientHeight <= 4) continue;
        const wide = el.scrollWidth > el.clientWidth + 1, tall = el.scrollHeight > el.clientHeight + 1;
        if ((!wide && !tall) || !el.textContent.trim()) continue;
        const s = getComputedStyle(el);
        const cuts = axis => ['hidden', 'clip'].includes(axis === 'x' ? s.overflowX : s.overflowY);
        if (!((cuts('x') || s.textOverflow === 'ellipsis') && wide) && !(cuts('y') && tall)) continue;
        if (!el.checkVisibility() || el.closest('.visually-hidden')) continue;
        const words = el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
        found.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ?
            '.' + el.className.split(' ')[0] : '') + " '" + words + "'");
        if (found.length >= 5) break;
    }
    return found;
}"""


def clipped_text(page) -> list[str]:
    """Each element that cuts off text it holds (CLIPPED_TEXT)."""
    return page.evaluate(CLIPPED_TEXT)


def open_disclosures(page) -> None:
    """Opens every disclosure in the page's main content, as a reader does to see what is in it: the search page's
    filters, which search.js closes on a narrow screen so that the results start near the top, and each of
    Pagefind's groups of them, some of which it leaves closed."""
    page.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")


def dark_with_the_filters_open(page) -> None:
    """The search page as a phone's reader in the dark scheme sees it once they open its filters (open_disclosures),
    checked to be shown: a gate that looked at it with the filters still closed would pass on too little."""
    page.emulate_media(color_scheme="dark")
    open_disclosures(page)
    assert page.locator("main .pf-checkbox-input:visible").count() > 4, "control: the filters are shown"


# Each text field (a search box, a select) whose text would be drawn under something else: its content box, where
# what is typed or chosen is drawn, looked at from its start to its end at mid-height. Pagefind kept 36px at the
# end of its search box for a Clear button 44px wide or more, and a long search ran under the button.
FIELDS_COVERED = """() => {
    const found = [];
    for (const field of document.querySelectorAll(
            'input:not([type=checkbox], [type=radio], [type=hidden], [type=submit], [type=button]), textarea, select')) {
        if (!field.checkVisibility()) continue;
        field.scrollIntoView({block: 'center'});
        const r = field.getBoundingClientRect(), s = getComputedStyle(field);
        const start = r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
        const end = r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight);
        const over = new Set();
        for (const x of [start + 1, (start + end) / 2, end - 1]) {
            const hit = document.elementFromPoint(x, r.top + r.height / 2);
            if (hit && hit !== field && !field.contains(hit))
                over.add(hit.tagName.toLowerCase() + (hit.className && typeof hit.className === 'string' ?
                                                      '.' + hit.className.split(' ')[0] : ''));
        }
        if (over.size) found.push(field.tagName.toLowerCase() + (field.id ? '#' + field.id : '') +
            (field.className ? '.' + field.className.split(' ')[0] : '') + ': its text is drawn under ' +
            [...over].join(' and '));
    }
    scrollTo(0, 0);
    return found;
}"""


def covered_fields(page) -> list[str]:
    """Each text field whose text is drawn under another element (WCAG 1.4.10 and 1.4.12 ask that nothing
    overlaps what a reader must read)."""
    return page.evaluate(FIELDS_COVERED)


# --- HTML validity --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Validation:
    errors: list  # [{file, line, message}]
    checked: set  # every file vnu says it checked (its --verbose list)


def vnu(*folders: Path) -> Validation:
    """The Nu Html Checker over every HTML file below `folders`, in ONE Java run (the JVM starts once)."""
    cmd = ["java", "-jar", str(need(VNU)), "--errors-only", "--format", "json", "--skip-non-html", "--verbose",
           *(str(Path(f).resolve()) for f in folders)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError:
        raise AssertionError(f"vnu did not report (exit {done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
    errors = [{"file": m.get("url", "").removeprefix("file:"), "line": m.get("lastLine", 0), "message": m["message"]}
              for m in report["messages"] if m["type"] in ("error", "non-document-error")]
    return Validation(errors, {line.strip() for line in done.stdout.splitlines() if line.strip()})


# --- focus ----------------------------------------------------------------------------------------------

# Where focus is, measured on the element the Tab key reached: its indicator (an outline, or a box-shadow ring or
# underline; a checkbox's may be drawn on its label, as Pagefind's filters draw it), that indicator's contrast
# with what is behind the element (WCAG 1.4.11 asks 3:1 of one of its colours), and whether the element can be
# seen at all: on screen, and neither under something else (a sticky header) nor scrolled away inside a box that
# clips it, nor its indicator cut off at the edge of such a box while the element is in full view in it (WCAG
# 2.4.7 focus visible, 2.4.11 focus not obscured). Forced colours drop box-shadows and
# backgrounds, so there only an outline counts.
FOCUS_STOP = """() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + " '" +
                 (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + "'";
    const forced = matchMedia('(forced-colors: active)').matches;
    const rgba = text => { const f = text.match(/rgba?\\(([^)]*)\\)/); if (!f) return null;
                           const n = f[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
    const luminance = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                                       return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const behind = node => { for (let p = node.parentElement; p; p = p.parentElement) {
        const c = rgba(getComputedStyle(p).backgroundColor); if (c && c[3] > 0.9) return c; } return [255, 255, 255, 1]; };
    const marks = node => {  // the indicator's visible colours: outline and box-shadows that show
        const s = getComputedStyle(node), out = [];
        if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) { const c = rgba(s.outlineColor); if (c && c[3] > 0) out.push(c); }
        if (!forced && s.boxShadow !== 'none') for (const part of s.boxShadow.split(/,(?![^(]*\\))/)) {
            const c = rgba(part), px = (part.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || []).map(parseFloat);
            if (c && c[3] > 0 && px.some(v => v !== 0)) out.push(c); }
        return out;
    };
    const reach = node => {  // how far past each side of the node its indicator is drawn: outline, outer box-shadows
        const s = getComputedStyle(node), r = {left: 0, top: 0, right: 0, bottom: 0};
        const grow = (side, px) => { r[side] = Math.max(r[side], px); };
        const outline = rgba(s.outlineColor);
        if (s.outlineStyle !== 'none' && outline && outline[3] > 0)
            for (const side in r) grow(side, parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset));
        if (!forced && s.boxShadow !== 'none') for (const part of s.boxShadow.split(/,(?![^(]*\\))/)) {
            const c = rgba(part);
            if (!c || c[3] === 0 || /\\binset\\b/.test(part)) continue;
            const [x = 0, y = 0, blur = 0, spread = 0] = (part.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || []).map(parseFloat);
            grow('left', spread + blur - x); grow('right', spread + blur + x); grow('top', spread + blur - y); grow('bottom', spread + blur + y); }
        return r;
    };
    const named = node => node.tagName.toLowerCase() +
        (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ')[0] : '');
    const problems = [];
    const holders = [el, el.closest('label')].filter(Boolean);
    const found = holders.map(h => [h, marks(h)]).filter(([, m]) => m.length);
    if (!found.length) problems.push('no focus indicator (outline' + (forced ? '' : ' or box-shadow') + ')');
    else if (!forced && !found.some(([h, m]) => m.some(c => contrast(c, behind(h)) >= 3)))
        problems.push('its focus indicator contrasts less than 3:1 with what is behind it');
    // Each line of the element as far as the screen and every box that clips it let it show; seen where one
    // of those parts, at its middle, is the element itself and not something drawn over it. Minimum (2.4.11) asks
    // that focus be not entirely hidden: a link whose first words a table's box has scrolled away is seen.
    const rects = [...el.getClientRects()].filter(q => q.width > 0 && q.height > 0);
    const clips = [{left: 0, top: 0, right: innerWidth, bottom: innerHeight}];
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = p.getBoundingClientRect();
        clips.push({left: b.left + p.clientLeft, top: b.top + p.clientTop,
                    right: b.left + p.clientLeft + p.clientWidth, bottom: b.top + p.clientTop + p.clientHeight, box: p});
    }
    const label = el.closest('label');
    let shown = false, under = null;
    for (const q of rects) {
        const part = clips.reduce((a, c) => ({left: Math.max(a.left, c.left), top: Math.max(a.top, c.top),
                                              right: Math.min(a.right, c.right), bottom: Math.min(a.bottom, c.bottom)}),
                                  {left: q.left, top: q.top, right: q.right, bottom: q.bottom});
        if (part.right - part.left < 1 || part.bottom - part.top < 1) continue;
        const hit = document.elementFromPoint((part.left + part.right) / 2, (part.top + part.bottom) / 2);
        if (hit && (el.contains(hit) || (label && label.contains(hit)))) { shown = true; break; }
        under = under || hit;
    }
    if (!rects.length) problems.push('it is not drawn (no box)');
    else if (!shown && !under) problems.push('it is off screen or scrolled out of the box it is in');
    else if (!shown) problems.push('it is hidden under ' + named(under));
    // The whole indicator, not the element alone: a box that clips (a table's scrolling wrapper) cuts off the
    // part of a ring drawn past its edge, as it did a sort button's left side flush with that edge. A side the
    // box has scrolled part of the element itself away on is the reader's to scroll, as above.
    for (const [h] of shown ? found : []) {
        const b = h.getBoundingClientRect(), r = reach(h);
        for (const c of clips.filter(c => c.box && c.box !== h && c.box.contains(h))) {
            const cut = [b.left >= c.left - 0.5 && b.left - r.left < c.left - 0.5 && 'left',
                         b.top >= c.top - 0.5 && b.top - r.top < c.top - 0.5 && 'top',
                         b.right <= c.right + 0.5 && b.right + r.right > c.right + 0.5 && 'right',
                         b.bottom <= c.bottom + 0.5 && b.bottom + r.bottom > c.bottom + 0.5 && 'bottom'];
            if (cut.some(Boolean)) problems.push('its focus indicator is cut off on the ' +
                cut.filter(Boolean).join(' and ') + ' by ' + named(c.box) + ', which clips what overflows it');
        }
    }
    const r = rects[0];
    return {key: name + '@' + (r ? Math.round(r.left + scrollX) + ',' + Math.round(r.top + scrollY) : ''), name, problems};
}"""


def focus_problems(page, limit: int = 600) -> list[str]:
    """What hides focus, at each stop of the Tab key from the top of the page until it comes round again."""
    problems: list[str] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None or stop["key"] in seen:
            return problems
        seen.add(stop["key"])
        problems += [f"{stop['name']}: {problem}" for problem in stop["problems"]]
    return problems + [f"the Tab key had not come round after {limit} stops"]
