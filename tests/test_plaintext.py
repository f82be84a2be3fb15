"""Plain text from clerk Markdown: the shortcut for plain lines gives exactly what markdown-it gives."""

import itertools
import random

import pytest

from generator import plaintext
from generator.plaintext import plain

parsed = plaintext._plain.__wrapped__  # the way through markdown-it, without its memo

# Markdown's own characters, the spaces it treats apart, and a few letters, digits and typographic marks.
ALPHABET = list("aZ9 0.1)(-+*_`[]<>&!#\\|~=:'\"\t\n\r") + ["\u00a0", "\u2028", "\u3000", "\x00", "\x0c", "\u201c",
                                                            "\u00a3", "\u00e9", "\u0661"]


def test_plain_lines_skip_the_parser_and_come_out_the_same():
    titles = ["Minutes of the previous meeting", "Covid-19 recovery plan: 2026/27 budget (revised)",
              "Item #3 - Tom's  report", "\u201cOpen\u201d consultation", "\u00a3 2.5m capital programme", "2026.27 plan"]
    for title in titles:
        assert plaintext._LITERAL.fullmatch(title), title
        assert plain(title) == parsed(title)


@pytest.mark.parametrize("text", ["1. Apologies", "1) Apologies", "12.", "- a list", "+ a list", "* a list",
                                  "# Heading", "> quoted", "    code", "\tcode", " Leading", "a *b*", "a_b_",
                                  "a `b`", "a [b](c)", "a <b>", "a &amp; b", "a\\*b", "one\n\ntwo", "", "a\x00b"])
def test_markdown_and_blocks_take_the_parser(text):
    assert not plaintext._LITERAL.fullmatch(text)
    assert plain(text) == parsed(text)


def test_every_short_mix_of_markdowns_characters_agrees():
    for length in (1, 2):
        for chars in itertools.product(ALPHABET, repeat=length):
            text = "".join(chars)
            assert plain(text) == parsed(text), repr(text)


def test_longer_random_lines_agree():
    rng = random.Random(7)
    words = ["Budget", "2026", "1.", "1)", "report", "-", "#", "'s", "(draft)", "\u00a3", "a", "9"]
    fast = 0
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) if rng.random() < 0.3 else rng.choice(words) + " "
                       for _ in range(rng.randint(1, 10)))
        fast += bool(plaintext._LITERAL.fullmatch(text))
        assert plain(text) == parsed(text), repr(text)
    assert fast > 400  # the comparison means something only if the shortcut was taken often
