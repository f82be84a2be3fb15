"""Parsing of the scalar values clerks write: dates, months, times, yes/no.

Meeting packs write dates in many ways ("5th March 2020", "21 June 2018",
"2018-06-21"); we accept the unambiguous ones and refuse the rest with a hint,
because a silently misread date puts a meeting in the wrong year. A date in
numbers alone ("05/03/2020") is refused with the date to write for each way of
reading it: UK minutes mean the day first, a US template the month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{{4}})$", re.I)
_MDY = re.compile(rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.I)
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.I)

DATE_HINT = "write the date as YYYY-MM-DD, e.g. 2018-06-21"


class Invalid(ValueError):
    """A value a clerk wrote that does not fit; carries the hint to show."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


def _make_date(year: int, month: int, day: int, written: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid(f"'{written}' is not a real date", DATE_HINT) from None


def parse_date(text: str) -> dt.date:
    value = str(text).strip()
    m = _ISO.match(value)
    if m:
        return _make_date(int(m[1]), int(m[2]), int(m[3]), value)
    m = _DMY.match(value)
    if m and m[2].lower() in MONTHS:
        return _make_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]), value)
    m = _MDY.match(value)
    if m and m[1].lower() in MONTHS:
        return _make_date(int(m[3]), MONTHS[m[1].lower()], int(m[2]), value)
    raise numeric_date(value) or Invalid(f"'{value}' is not a date", DATE_HINT)


def is_numeric_date(value: str) -> bool:
    return _NUMERIC.match(value) is not None


def numeric_date(value: str) -> Invalid | None:
    """What is wrong with a date written in numbers alone (05/03/2020), which readers in different places take
    in different orders, with the date to write instead; None for any other text."""
    m = _NUMERIC.match(value)
    if m is None:
        return None
    first, second = int(m[1]), int(m[2])
    if len(m[3]) == 2:
        return Invalid(f"'{value}' is written in numbers alone, with a two-digit year", DATE_HINT)
    year = int(m[3])
    readings = []
    for day, month in dict.fromkeys(((first, second), (second, first))):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return Invalid(f"'{value}' is not a real date", DATE_HINT)
    if len(readings) == 1:
        return Invalid(f"'{value}' is written in numbers alone, which readers take in different orders",
                       f"write it as {readings[0].isoformat()} ({_spoken(readings[0])})")
    return Invalid(f"'{value}' could be {_spoken(readings[0])} or {_spoken(readings[1])}",
                   f"write {readings[0].isoformat()} for {_spoken(readings[0])}, or {readings[1].isoformat()} for "
                   f"{_spoken(readings[1])}")


def _spoken(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def parse_month(text: str) -> dt.date | None:
    """A month as its last day, or None when the text is not a month."""
    value = str(text).strip()
    m = _ISO_MONTH.match(value)
    if m:
        year, month = int(m[1]), int(m[2])
    else:
        m = _MONTH_YEAR.match(value)
        if not (m and m[1].lower() in MONTHS):
            return None
        year, month = int(m[2]), MONTHS[m[1].lower()]
    if not 1 <= month <= 12:
        raise Invalid(f"'{value}' is not a real month", "write the month as YYYY-MM, e.g. 2018-10")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_time(text: str) -> str:
    value = str(text).strip()
    m = _TIME.match(value)
    if m:
        hour, minute = int(m[1]), int(m[2] or 0)
        suffix = (m[3] or "").lower().replace(".", "")
        valid = True
        if suffix:
            valid = 1 <= hour <= 12  # "13pm" is not a time
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif m[2] is None:
            valid = False  # a bare number is ambiguous
        if valid and hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise Invalid(f"'{value}' is not a time", "write the time as HH:MM (24-hour) or like 1:00pm, in quotes")


YES = {"yes", "true", "y", "on"}
NO = {"no", "false", "n", "off"}


def parse_yesno(text: str) -> bool:
    value = str(text).strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise Invalid(f"'{text}' is not yes or no", "write yes or no")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; stable, for URLs and anchors."""
    return _slug(str(text))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def _slug(text: str) -> str:
    """Memoised: every page asks for the addresses of the items, papers and actions it links, again and again."""
    return _NOT_SLUG.sub("-", text.lower().replace("&", " and ")).strip("-")
