"""Each clerk text is parsed once, by the reference scan; the pages show what that parse made.

The scan (backlinks.py) parses every published text before rendering. What it
leaves in the Markdown filter's cache must be exactly what a parse at the page
would give: a text with headings at whatever level and id prefix the page asks
for (markdown.Renderer.place), a one-paragraph text inline as well as as a
block (Renderer.inline_of). These tests hold the reuse to that, and check that
rendering the fixture archive's pages parses nothing the scan parsed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import pytest

from generator.build import Options, make_environment, prepare, render_page
from generator.diagnostics import Report
from generator.markdown import Renderer
from generator.pages import all_pages
from generator.render import environment
from helpers import FIXTURE, TODAY

WITH_HEADINGS = [
    "## Background\n\nText.\n\n### Detail\n\nMore.\n\n## Background\n\nThe same title again.",
    "# Top\n\n###### Deepest\n\nA heading five levels down is clamped at h6 when moved down.",
    "### Appendix B: costs\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n#### Notes on *the* table",
    "#### Only a low heading\n\nStarts below the others; moved up to the level asked for.",
]


@pytest.mark.parametrize("text", WITH_HEADINGS)
@pytest.mark.parametrize("level", [1, 2, 3, 4, 6])
@pytest.mark.parametrize("prefix", ["", "item-ccbp-19-70-", 'odd"&<-'])
def test_a_text_with_headings_placed_at_a_level_and_prefix_is_the_html_rendered_there(text, level, prefix):
    renderer = Renderer()
    direct = renderer.render(text, base_level=level, id_prefix=prefix)
    marked = renderer.render(text, placeable=True)
    assert direct.headings, "the example must have headings"
    assert renderer.place(marked.html, level, prefix) == direct.html


def test_a_text_holding_the_marker_characters_is_never_placed_and_still_renders_right(tmp_path):
    text = "## Costs\n\nA stray \x02 and \x03 pasted from a PDF."
    assert not Renderer.can_place(text)
    env = environment([], Report(root=tmp_path), None, None, dt.date(2026, 1, 1), False)
    template = env.from_string("{{ text|markdown('x.md', 3, 'p-') }}|{{ text|markdown('x.md', 2) }}")
    renderer = Renderer()
    assert template.render(text=text) == (renderer.render(text, base_level=3, id_prefix="p-").html + "|"
                                           + renderer.render(text, base_level=2).html)


@pytest.mark.parametrize("text", [
    "Approve the budget",
    "RECEIVE the report on **winter pressures**, with `code` and a [link](https://example.org/)",
    "A title across\ntwo lines  \nwith a hard break",
    "Costs &amp; <b>tags</b> stay escaped",
])
def test_a_one_paragraph_text_is_inline_as_its_block_parse_gives_it(text):
    renderer = Renderer()
    assert renderer.inline_of(text, renderer.parse(text)) == renderer.render_inline(text).html


@pytest.mark.parametrize("text", [
    "Two\n\nparagraphs",
    "  Indented: the paragraph is not the whole text",
    "- a list item",
    "# A heading",
    "Click [here](javascript:alert(1))",  # an unsafe link is left to the page, which reports it
])
def test_a_text_that_is_not_one_plain_paragraph_is_left_to_the_page(text):
    renderer = Renderer()
    assert renderer.inline_of(text, renderer.parse(text)) is None


def test_rendering_the_pages_parses_no_text_the_scan_parsed(monkeypatch):
    options = Options(content=FIXTURE, out=Path("unused"), today=dt.date.fromisoformat(TODAY), search=False,
                      jobs=1, cache=False)
    report, markdown_cache = Report(root=FIXTURE), {}
    prepared = prepare(options, report, {}, None, None, markdown_cache)
    env = make_environment(options, prepared, report)
    env.filters["markdown"].__self__.cache = markdown_cache
    parsed = []
    render, render_inline = prepared.renderer.render, prepared.renderer.render_inline
    monkeypatch.setattr(prepared.renderer, "render", lambda text, **kw: parsed.append(text) or render(text, **kw))
    monkeypatch.setattr(prepared.renderer, "render_inline",
                        lambda text, **kw: parsed.append(text) or render_inline(text, **kw))
    pages = 0
    for page in all_pages(prepared.index, prepared.today, prepared.refs):
        assert render_page(env, page, report) is not None
        pages += 1
    assert pages > 30
    # The site's description (home page) is the one text the scan does not read: it cites nothing.
    assert parsed == [str(prepared.archive.site.description)]


def test_templates_call_functions_that_ask_for_the_context_with_it_and_others_as_they_are(tmp_path):
    env = environment([], Report(root=tmp_path), None, None, dt.date(2026, 1, 1), False)

    @jinja2.pass_context
    def who(context, greeting):
        return f"{greeting}, {context['name']}"

    def stops():
        raise StopIteration

    env.globals.update(who=who, double=lambda n: n * 2, stops=stops)
    template = env.from_string("{{ who('Hello') }} {{ double(21) }} {{ name.upper() }} "
                               "{% for n in [1] %}{{ who('Hi') }}{% endfor %} [{{ stops() is undefined }}]")
    assert template.render(name="clerk") == "Hello, clerk 42 CLERK Hi, clerk [True]"


@pytest.mark.parametrize("text", ["one\r\ntwo\rthree\n\nfour", "a\0b\r\n\r\n# c\0\r", "\r", "\r\r\n\n\0\0",
                                  "- item\r  more\r\n\r\n```\r\ncode\0\r\n```", "plain text"])
def test_the_builds_parsers_read_line_endings_and_nuls_as_markdown_it_does(text):
    """markdown.normalize, the quicker first step each of the build's parsers takes instead of markdown-it's
    own, leaves them making markdown-it's own tokens."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_core.normalize import normalize as normalize_own

    import generator.plaintext
    from generator.markdown import commonmark, make_block_parser, make_parser, normalize

    for parser in (make_parser(), make_block_parser(), generator.plaintext._PARSER):
        rules = parser.core.ruler.getRules("")  # the core chain, in order: normalising comes first
        assert rules[0] is normalize and normalize_own not in rules
    own, ours = MarkdownIt("commonmark", {"html": False}), commonmark({"html": False})
    assert [token.as_dict() for token in ours.parse(text)] == [token.as_dict() for token in own.parse(text)]
    assert ours.render(text) == own.render(text)
