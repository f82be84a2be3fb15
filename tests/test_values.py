"""How the dates, months and times clerks write are read: every form meeting packs use that has one reading."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.values import Invalid, parse_date, parse_time

JUNE_21 = dt.date(2018, 6, 21)


@pytest.mark.parametrize("written", ["2018-06-21", "21 June 2018", "21st June 2018", "Thursday 21 June 2018",
                                     "Thursday, 21st June 2018", "21 Jun 2018", "June 21, 2018", "June 21st 2018",
                                     "Thursday, June 21, 2018"])
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
     "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
    ("31/31/2018", "'31/31/2018' is not a real date", "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
    ("June 31, 2018", "'June 31, 2018' is not a real date", "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
    ("Midsummer 2018", "'Midsummer 2018' is not a date", "write the date as YYYY-MM-DD, e.g. 2018-06-21"),
])
def test_a_date_without_one_reading_is_refused_with_the_date_to_write(written, message, hint):
    with pytest.raises(Invalid) as refused:
        parse_date(written)
    assert (refused.value.message, refused.value.hint) == (message, hint)


@pytest.mark.parametrize("written, read", [("13:00", "13:00"), ("1:00pm", "13:00"), ("2 pm", "14:00"),
                                           ("13.00", "13:00"), ("12am", "00:00"), ("9.30 a.m.", "09:30")])
def test_times(written, read):
    assert parse_time(written) == read
