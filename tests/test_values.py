"""How what clerks write is read: YAML as text, never guessed types; and every form of a date or a time that
meeting packs use and that has one reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.values import Invalid, parse_date, parse_time, slugify, spoken_due
from generator.yamltext import parse

JUNE_21 = dt.date(2018, 6, 21)


@pytest.mark.parametrize("written", ["2018-06-21", "21 June 2018", "21st June 2018", "Thursday 21 June 2018",
                                     "Thursday, 21st June 2018", "21 Jun 2018", "June 21, 2018", "June 21st 2018",
                                     "Thursday, June 21, 2018", "Thurs 21 June 2018", "Thu. 21 June 2018",
                                     "THURSDAY, 21 JUNE 2018", "21-Jun-2018", "Thurs June 21 2018"])
def test_a_date_with_one_reading_is_read(written):
    assert parse_date(written) == JUNE_21


@pytest.mark.parametrize("written, message, hint", [
    ("21/06/2018", "'21/06/2018' is written in numbers alone, which readers take in different orders",
     "write it as 2018-06-21 (21 June 2018)"),
    ("06.05.2018", "'06.05.2018' could be 6 May 2018 or 5 June 2018",
     "write 2018-05-06 for 6 May 2018, or 2018-06-05 for 5 June 2018"),
    ("05-05-2018", "'05-05-2018' is written in numbers alone, which readers take in different orders",
     "write it as 2018-05-05 (5 May 2018)"),
    ("21/6/18", "'21/6/18' is written in numbers alone, with a two-digit year",
     "write it as 2018-06-21 (21 June 2018) if 2018 is meant"),
    ("20-09-18", "'20-09-18' is written in numbers alone, with a two-digit year",
     "write it as 2018-09-20 (20 September 2018) if 2018 is meant"),
    ("05/06/18", "'05/06/18' is written in numbers alone, with a two-digit year",
     "write 2018-06-05 for 5 June 2018, or 2018-05-06 for 6 May 2018, if 2018 is meant"),
    ("31/31/18", "'31/31/18' is not a real date: there is no month 31",
     "check the date in the papers and write it as YYYY-MM-DD, e.g. 2018-06-21"),
    ("31/31/2018", "'31/31/2018' is not a real date: there is no month 31",
     "check the date in the papers and write it as YYYY-MM-DD, e.g. 2018-06-21"),
    ("31/04/2020", "'31/04/2020' is not a real date: April has 30 days",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-04-30 if the month's last day is meant"),
    ("04/31/2020", "'04/31/2020' is not a real date: April has 30 days",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-04-30 if the month's last day is meant"),
    ("2020-02-00", "'2020-02-00' is not a real date: there is no day 0",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-02-29 if the month's last day is meant"),
    ("32 March 2020", "'32 March 2020' is not a real date: no month has 32 days",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2020-03-31 if the month's last day is meant"),
    ("31 April", "'31 April' is not a date: it has no year, and April has 30 days",
     "check the day in the papers and write it with its year as YYYY-MM-DD, e.g. 2018-06-21"),
    ("June 31, 2018", "'June 31, 2018' is not a real date: June has 30 days",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2018-06-30 if the month's last day is meant"),
    ("Midsummer 2018", "'Midsummer 2018' is not a date", "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
    ("Wednesday 21 June 2018", "'Wednesday 21 June 2018' names a Wednesday, but 21 June 2018 is a Thursday",
     "correct the day or the date; the date alone is enough, e.g. 2018-06-21"),
    ("Weds, June 21, 2018", "'Weds, June 21, 2018' names a Wednesday, but 21 June 2018 is a Thursday",
     "correct the day or the date; the date alone is enough, e.g. 2018-06-21"),
    ("Someday 21 June 2018", "'Someday 21 June 2018' is not a date", "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
    ("12th March", "'12th March' has no year", "write the date with its year, 12 March YYYY, or as YYYY-MM-DD"),
    ("June 21", "'June 21' has no year", "write the date with its year, 21 June YYYY, or as YYYY-MM-DD"),
    ("Thurs 5 March", "'Thurs 5 March' has no year", "write the date with its year, 5 March YYYY, or as YYYY-MM-DD"),
    ("27 Jun 17", "'27 Jun 17' has a year in two digits", "write it as 2017-06-27 (27 June 2017) if 2017 is meant"),
    ("4 Sept 18", "'4 Sept 18' has a year in two digits",
     "write it as 2018-09-04 (4 September 2018) if 2018 is meant"),
    ("31 Jun 17", "'31 Jun 17' is not a real date: June has 30 days",
     "check the day in the papers and write it as YYYY-MM-DD, e.g. 2017-06-30 if the month's last day is meant"),
    ("2018/06/21", "'2018/06/21' is not written as YYYY-MM-DD", "write it as 2018-06-21 (21 June 2018)"),
    ("2018.6.21", "'2018.6.21' is not written as YYYY-MM-DD", "write it as 2018-06-21 (21 June 2018)"),
])
def test_a_date_without_one_reading_is_refused_with_the_date_to_write(written, message, hint):
    assert refusal(parse_date, written) == (message, hint)


def refusal(parse, written: str) -> tuple[str, str]:
    """The message and hint with which `parse` refuses `written`."""
    with pytest.raises(Invalid) as refused:
        parse(written)
    return refused.value.message, refused.value.hint


@pytest.mark.parametrize("written, read", [("13:00", "13:00"), ("1:00pm", "13:00"), ("2 pm", "14:00"),
                                           ("13.00", "13:00"), ("12am", "00:00"), ("9.30 a.m.", "09:30"),
                                           ("12 noon", "12:00"), ("12.00 noon", "12:00"), ("Midday", "12:00"),
                                           ("1400 hrs", "14:00"), ("19.00hrs", "19:00"), ("0930 hours", "09:30")])
def test_times(written, read):
    assert parse_time(written) == read


@pytest.mark.parametrize("written, message, hint", [
    ("13:00pm", "'13:00pm' is a 24-hour time with pm", "write 13:00, or 1:00pm"),
    ("25:00pm", "'25:00pm' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes"),
    ("1400", "'1400' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes"),
    ("140 hrs", "'140 hrs' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes"),
    ("12:30 noon", "'12:30 noon' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes"),
    ("2", "'2' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes"),
])
def test_a_time_without_one_reading_is_refused(written, message, hint):
    assert refusal(parse_time, written) == (message, hint)


def read(text: str) -> tuple[dict, list[str]]:
    """The values of `text`, as the frontmatter of a file whose line 2 it starts on, and the problems found."""
    report = Report(root=Path("/archive/content"))
    return parse(text, "/archive/content/meeting.md", report, first_line=2), [m.format() for m in report.items]


def test_yaml_values_stay_the_text_written():
    assert read("start: 19:00\nquorate: no\ndate: 2018-06-21\n") == (
        {"start": "19:00", "quorate": "no", "date": "2018-06-21"}, [])


def test_an_empty_value_a_tilde_and_null_are_no_value_unless_quoted():
    values, problems = read("a:\nb: ~\nc: null\nd: ''\ne: \"~\"\n")
    assert (values, problems) == ({"a": None, "b": None, "c": None, "d": "", "e": "~"}, [])


def test_a_hash_straight_after_a_space_cuts_a_value_short_and_says_so():
    values, problems = read("venue: Committee Room #4, County Hall\ntitle: Board  # the March meeting\n")
    assert values == {"venue": "Committee Room", "title": "Board"}  # YAML's rule, which the warning explains
    assert problems == ["content/meeting.md:2: warning: the text from '#' on is read as a comment and left out: the value "
                        "is 'Committee Room'; put the whole value in quotes: \"Committee Room #4, County Hall\""]


@pytest.mark.parametrize("text, slug", [
    ("CCBP/19/70", "ccbp-19-70"), ("Finance & Performance", "finance-and-performance"),
    ("Ynys Môn", "ynys-mon"), ("Zoë Brontë", "zoe-bronte"), ("Straße", "strasse"), ("Ærø", "aero"),
    ("Café – Rhan 2", "cafe-rhan-2"), ("日本", ""),
])
def test_a_slug_keeps_the_letters_of_accented_words(text, slug):
    """Addresses and anchors made of names: Welsh place names lost their accented letters ('ynys-m-n')."""
    assert slugify(text) == slug


@pytest.mark.parametrize("written, meant", [("19 Juky 2018", "July"), ("Thursday 19 Juyl 2018", "July"),
                                            ("Febuary 3, 2019", "February")])
def test_a_month_mistyped_is_named_with_the_month_it_is_closest_to(written, meant):
    with pytest.raises(Invalid) as caught:
        parse_date(written)
    assert caught.value.hint.startswith(f"did you mean {meant}? ")



@pytest.mark.parametrize("written, date, said", [
    ("2018-07", dt.date(2018, 7, 31), ("July 2018", "2018-07")),
    ("Oct 2018", dt.date(2018, 10, 31), ("October 2018", "2018-10")),
    ("19th July 2018", dt.date(2018, 7, 19), ("19 July 2018", "2018-07-19")),
    ("2018-07-19", dt.date(2018, 7, 19), ("19 July 2018", "2018-07-19")),
    ("next meeting", dt.date(2018, 7, 19), ("next meeting (19 July 2018)", "2018-07-19")),  # and the day it is
    ("not stated in the minutes", None, ("not stated in the minutes", "")),
    ("19/07/2018", None, ("19/07/2018", "")),  # kept as written, with a warning: never read as a date
])
def test_a_due_date_is_said_in_the_sites_words_and_words_as_written(written, date, said):
    assert spoken_due(written, date) == said
