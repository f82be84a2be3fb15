"""What the margins of a printed sheet say (generator/print_margins.py); tests/test_gates_print.py prints them."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from generator.print_margins import css_string, printed_name

BODY = SimpleNamespace(name="Testshire Health and Wellbeing Board", short_name="HWB")


def _named(title: str) -> str:
    return printed_name(SimpleNamespace(title=title), BODY)


def test_a_sheet_names_the_body_in_full_and_the_meetings_title_where_it_says_more():
    assert _named("Health and Wellbeing Board") == "Testshire Health and Wellbeing Board"
    assert _named("HWB meeting") == "Testshire Health and Wellbeing Board"
    assert _named("Extraordinary meeting of the Testshire Health and Wellbeing Board") == (
        "Extraordinary meeting of the Testshire Health and Wellbeing Board")
    assert _named("Extraordinary meeting") == "Testshire Health and Wellbeing Board: Extraordinary meeting"


def test_a_title_with_quotes_ampersands_or_markup_cannot_end_the_style_it_is_written_in():
    """A clerk's title 'Parks & "Open Spaces" </style>' in a <style>: its entity read back, its quotes and its
    backslash escaped, its '<' escaped, so that the element holds to its end."""
    written = css_string(Markup.escape('Parks & "Open Spaces" \\ </style>\n next'))
    assert written == '"Parks & \\"Open Spaces\\" \\\\ \\3c /style> next"'
    assert "</" not in written and isinstance(written, Markup)
