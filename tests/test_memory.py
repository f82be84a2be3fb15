"""What the build does to keep its memory down does what it is for (generator/memory.py).

The build runs with the cycle collector off, and lets go of large texts it no
longer needs. These tests watch the two things that made that cost memory: a
rendering process that kept every reference cycle its pages left, and freed
memory the C library kept instead of giving back.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

import generator.build
import generator.render
from generator.build import Options, run
from generator.memory import _trim
from helpers import FIXTURE, TODAY

ROOT = Path(__file__).resolve().parent.parent


def test_a_rendering_process_frees_the_reference_cycles_its_pages_leave(tmp_path, monkeypatch):
    """Each page's template context is caught in a reference cycle once the page is rendered; a rendering
    process that kept them all would hold every page it rendered (2,000 meetings: 300 MB a process)."""
    contexts: list = []
    original_init, original_render = generator.render._Context.__init__, generator.build.render_page

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        contexts.append(weakref.ref(self))

    def render_page(env, page, report):
        html = original_render(env, page, report)
        # In the rendering process: how many pages so far, and how many of their contexts are still alive.
        alive = sum(ref() is not None for ref in contexts)
        (tmp_path / f"process-{os.getpid()}").write_text(f"{len(contexts)} {alive}")
        return html

    monkeypatch.setattr(generator.render._Context, "__init__", init)
    monkeypatch.setattr(generator.build, "render_page", render_page)
    result = run(Options(content=FIXTURE, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False,
                         cache=False, jobs=2))
    assert result.ok
    counts = [tuple(map(int, f.read_text().split())) for f in tmp_path.glob("process-*")]
    assert len(counts) == 2, "the pages were not rendered on two processes"
    for made, alive in counts:
        assert made >= 20
        # Kept, all would be alive; freed, those since the collector's last pass are. Its passes come by
        # allocations, and the fixture's moved pages (moved.html) make few, so more pages may fall between two.
        assert alive <= made // 3, f"{alive} of the {made} contexts a rendering process made are still alive"


# Run in a fresh process, whose resident memory is its own: many texts of a kilobyte each (as rendered Markdown)
# allocated among others that stay, then freed.
_FREE_AMONG_HELD = """
def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))

def free_among_held(kept):
    freed = []
    for n in range(100_000):
        freed.append(str(n).rjust(1000, "x"))
        if n % 100 == 0:
            kept.append(str(n).rjust(1000, "y"))
    held = rss()
    freed.clear()
    return held
"""


def _run(script: str) -> list[int]:
    out = subprocess.run([sys.executable, "-c", _FREE_AMONG_HELD + script], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return [int(n) for n in out.stdout.split()]


@pytest.mark.skipif(_trim() is None, reason="the C library cannot be asked to give memory back")
def test_memory_freed_between_memory_still_in_use_goes_back_to_the_system():
    """As when the build lets go of the reference scan's HTML while the records it keeps lie among it."""
    start, held, after_freeing, after = _run("""
from generator.memory import give_back_freed
start = rss()
kept = []
held = free_among_held(kept)
after_freeing = rss()
give_back_freed()
print(start, held, after_freeing, rss())
""")
    assert held - start >= 90, "the texts were not allocated"
    assert after_freeing >= held - 10, "freeing alone gave the memory back: nothing left for the test to see"
    assert after <= start + 15, f"{after - start} of {held - start} MB still held after giving back"


@pytest.mark.skipif(_trim() is None, reason="the C library cannot be asked to give memory back")
def test_the_live_preview_hands_freed_memory_back_while_nobody_saves(tmp_path):
    """Session.between_saves, which `minutebook serve` runs once nobody has saved for half a second: a long
    session's rebuilds free memory among memory the session keeps (500 meetings: 21 MB less resident over 60
    edits, docs/performance-history.md)."""
    before, after = _run(f"""
import datetime as dt
from pathlib import Path
from generator.build import Options
from generator.incremental import Session

session = Session(Options(content=Path({str(FIXTURE)!r}), out=Path({str(tmp_path / "preview")!r}), search=False,
                          today=dt.date.fromisoformat({TODAY!r})))
assert session.rebuild().ok
kept = []
free_among_held(kept)
before = rss()
session.between_saves()
print(before, rss())
""")
    assert before - after >= 60, f"{before} MB resident before, {after} MB after"


def _texts_cache(count: int = 400, size: int = 20_000):
    """A build cache holding `count` line-numbered texts of `size` characters, one of them held twice, and one of
    each kind pickled as before (skipping and folding lines of its file)."""
    from generator.cache import BuildCache
    from generator.yamltext import LStr

    texts = [LStr(f"{n:05d} " + "minuted " * (size // 8), n + 1) for n in range(count)]
    odd = [LStr("below its header", 7, ((0, 1),)), LStr("folded", 3, (), ((1, 4, 1),))]
    return BuildCache(loader={"texts": texts, "again": texts[0], "odd": odd}), texts


def test_writing_the_build_cache_copies_none_of_its_texts(tmp_path):
    """Pickle writes a str subclass (yamltext.LStr) by a copy of its text, and keeps every copy until the file is
    written: 90 MB on top of the build's largest process at 2,000 meetings, as it wrote the cache at the end."""
    import tracemalloc

    from generator import cache

    value, texts = _texts_cache()
    held = sum(len(text) for text in texts)
    tracemalloc.start()
    try:
        cache.save(tmp_path / "build.pickle", value)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < held / 4, f"{peak / 1e6:.1f} MB allocated at once writing {held / 1e6:.1f} MB of texts"


def test_the_build_cache_gives_its_texts_back_with_their_lines_and_shared_as_they_were(tmp_path):
    from generator import cache
    from generator.yamltext import LStr

    value, texts = _texts_cache(count=3, size=40)
    cache.save(tmp_path / "build.pickle", value)
    back = cache.load(tmp_path / "build.pickle").loader
    assert back["texts"] == texts and [text.line for text in back["texts"]] == [1, 2, 3]
    assert all(type(text) is LStr for text in back["texts"] + back["odd"])
    assert back["again"] is back["texts"][0]
    assert [(text.skipped, text.folds) for text in back["odd"]] == [(((0, 1),), ()), ((), ((1, 4, 1),))]
    assert cache.value_of((tmp_path / "build.pickle").read_bytes()).loader == back


def test_each_rendering_process_holds_the_html_of_its_own_meetings_texts_alone(tmp_path, monkeypatch):
    """The reference scan renders every text before the rendering processes fork, and each process inherited
    all of it (150 MB at 2,000 meetings) where its pages show its own meetings' texts: it lets go of the
    others' as it starts (build._own_markdown). Its first page says what it kept, each text by its place."""
    from generator.render import LEVEL_FREE, PLACEABLE

    original = generator.build.render_page

    def render_page(env, page, report):
        held = tmp_path / f"held-{os.getpid()}"
        if not held.exists():  # the process's first page: what it kept of the cache it inherited
            cache = env.filters["markdown"].__self__.cache
            held.write_text("\n".join(sorted({str(hash((key[0], key[2]))) for key in cache
                                              if isinstance(key, tuple) and len(key) == 3
                                              and key[1] in (LEVEL_FREE, PLACEABLE) and "/" in key[2][0]})))
        return original(env, page, report)

    monkeypatch.setattr(generator.build, "render_page", render_page)
    result = run(Options(content=FIXTURE, out=tmp_path / "site", today=dt.date.fromisoformat(TODAY), search=False,
                         cache=False, jobs=2))
    assert result.ok
    held = {path.name.split("-")[1]: set(path.read_text().split()) for path in tmp_path.glob("held-*")}
    assert len(held) == 2 and all(held.values()), "each of two processes holds its own meetings' texts"
    # the few both hold: the updates at one's meetings of actions the other's meetings raised, which its pages show
    first, second = held.values()
    assert len(first & second) < len(first | second) / 4, \
        f"both rendering processes hold {len(first & second)} of the {len(first | second)} meetings' texts"


def test_a_text_shown_on_a_page_is_kept_under_itself_not_under_a_copy():
    """A text with its line (yamltext.LStr) made into a plain string is a copy; the Markdown filter kept one for
    every text a rendering process showed, as its key, to the end (29% of what a process grew by at 200 meetings)."""
    from generator.diagnostics import Report
    from generator.markdown import Renderer
    from generator.render import LEVEL_FREE, MarkdownFilter
    from generator.yamltext import LStr

    markdown = MarkdownFilter(Report(), Renderer(), None)
    text = LStr("The committee *noted* the report.\n", 12)
    markdown.cache[(str(text), LEVEL_FREE, (None, None))] = "<p>The committee <em>noted</em> the report.</p>\n"
    assert markdown.block({}, text, base_level=3) == "<p>The committee <em>noted</em> the report.</p>\n"
    kept = [key for key in markdown.cache if isinstance(key, tuple) and key[1] == 3]
    assert len(kept) == 1 and kept[0][0] is text
