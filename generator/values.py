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
import difflib
import functools
import re
import unicodedata

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Each way packs write a day of the week (Thurs 19 July 2018, an action log's Weds), Monday being 0 as in Python.
WEEKDAYS = {name: day for day, names in enumerate((
    ("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "weds", "wednesday"), ("thu", "thur", "thurs", "thursday"),
    ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday"))) for name in names}
_WEEKDAY = r"(?:([a-z]+)\.?,?\s+)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")  # one reading, but not the form the site keeps
# A year in two digits is matched to be refused with the date meant: action logs write "27 Jun 17".
_DMY = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)([a-z]+)\.?,?(?:\s+|-)(\d{{4}}|\d{{2}})$", re.I)
_MDY = re.compile(rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|\d{{2}})$", re.I)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.I)
# "30 June", "30th of June", "June 30", "June", "the end of March", "end March": as minutes write a date this year;
# with the day of the week before a day ("Thurs 5 March"), as a pack's list of dates writes it
_YEARLESS = re.compile(r"(?:the\s+)?(?:end\s+(?:of\s+)?)?"
                       r"(?:(?i:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+"
                       r"(?=\d|[A-Za-z]+\.?\s+\d))?"
                       r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
                       r"(?P<month>[A-Za-z]+)\.?(?(day)|(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?)")
# Notices write "12 noon", "10.00 a.m." and, in the 24-hour clock, "1400 hrs"
_TIME = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|noon|midday|hrs|hours)?$", re.I)

DATE_HINT = "write the date as YYYY-MM-DD, e.g. 2018-06-21"


def calendar_months() -> list[str]:
    """The months' full names, in lower case: what a mistyped month is matched against."""
    return [name.lower() for name in calendar.month_name if name]


class Invalid(ValueError):
    """A value a clerk wrote that does not fit; carries the hint to show. `written_as_date`: a date written in a
    form refused for what it leaves open (05/03/2020, 27 Jun 17, a day of the week that is another day's), where a
    due date, which may be any text, is kept as written with a warning rather than without a word. `impossible`: a
    date naming a day there is not (30 February 2020, 31 April, month 19), which `impossible_date` tells apart."""

    def __init__(self, message: str, hint: str = "", written_as_date: bool = False, impossible: bool = False):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.written_as_date = written_as_date
        self.impossible = impossible


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _make_date(year: int, month: int, day: int, written: str) -> dt.date:
    try:
        made = dt.date(year, month, day)
    except ValueError:
        swapped = _real_date(year, day, month) if month > 12 else None  # 2018-19-07: the day and the month swapped
        if swapped is not None:
            raise Invalid(f"'{written}' is not a real date: there is no month {month}", f"did you mean "
                          f"{swapped.isoformat()} ({spoken_date(swapped)})? YYYY-MM-DD puts the month before the "
                          "day", impossible=True) from None
        raise no_such_day(written, year, month, day) from None
    if year < 1000:  # 0019-06-20 for 2019: its pages' addresses and calendar dates would be /tb/19/ and 190620
        raise Invalid(f"'{written}' has the year {year}", "write the year in full, in four digits, e.g. "
                      f"{made.replace(year=2000 + year % 100).isoformat()}")
    return made


def _why_no_day(year: int | None, month: int, day: int) -> str:
    """Why there is no such day (`year` None: in no year), as the clerk is to be told it: a message that said only
    'not a real date' over '29 Feb 2019' left them to find that 2019 was no leap year."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return f"there is no day {day}"
    if day > 31:
        return f"no month has {day} days"
    name = calendar.month_name[month]
    if month != 2:
        return f"{name} has {calendar.monthrange(2000, month)[1]} days"
    if year is None:
        return "February has 28 days, 29 in a leap year"
    if day == 29:
        return f"{year} is not a leap year, so February {year} has 28 days"
    return f"February {year} has {calendar.monthrange(year, 2)[1]} days"


def no_such_day(written: str, year: int, month: int, day: int) -> Invalid:
    """A date whose month has no such day ('30 February 2020', '31/04/2020'), why, and what to write: the hint
    'write YYYY-MM-DD' alone had clerks write 2020-02-30, another day that is not."""
    if not 1 <= month <= 12:
        return Invalid(f"'{written}' is not a real date: {_why_no_day(year, month, day)}", "check the date in the "
                       "papers and write it as YYYY-MM-DD, e.g. 2018-06-21", impossible=True)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return Invalid(f"'{written}' is not a real date: {_why_no_day(year, month, day)}", "check the day in the papers "
                   f"and write it as YYYY-MM-DD, e.g. {last.isoformat()} if the month's last day is meant",
                   impossible=True)


def parse_date(text: str) -> dt.date:
    value = str(text).strip()
    m = _ISO.match(value)
    if m:
        return _make_date(int(m[1]), int(m[2]), int(m[3]), value)
    for pattern, day_at, month_at in ((_DMY, 2, 3), (_MDY, 3, 2)):
        m = pattern.match(value)
        if m and m[month_at].lower() in MONTHS and (m[1] is None or m[1].lower() in WEEKDAYS):
            return _named_month(value, m[1], m[4], MONTHS[m[month_at].lower()], int(m[day_at]))
        if m and (m[1] is None or m[1].lower() in WEEKDAYS):  # 19 Juky 2018: a month mistyped
            close = difflib.get_close_matches(m[month_at].lower(), calendar_months(), n=1, cutoff=0.6)
            if close:
                raise Invalid(f"'{value}' is not a date: '{m[month_at]}' is no month", f"did you mean "
                              f"{close[0].capitalize()}? Or write the date as YYYY-MM-DD, e.g. 2018-06-21", True)
    m = _YEAR_FIRST.match(value)
    if m:
        day = _make_date(int(m[1]), int(m[2]), int(m[3]), value)
        raise Invalid(f"'{value}' is not written as YYYY-MM-DD", f"write it as {day.isoformat()} ({spoken_date(day)})",
                      True)
    impossible = _yearless(value)  # "Feb 30": no year has it, which "has no year" would not say
    if impossible is not None:
        raise impossible
    yearless = _YEARLESS.fullmatch(value)
    if yearless and yearless["month"].lower() in MONTHS and (yearless["day"] or yearless["day2"]):
        # "12th March", as a clerk writes a date of the meeting's year: told only "not a date", they looked for
        # what was wrong with the day or the month
        month = calendar.month_name[MONTHS[yearless["month"].lower()]]
        raise Invalid(f"'{value}' has no year", f"write the date with its year, "
                      f"{int(yearless['day'] or yearless['day2'])} {month} YYYY, or as YYYY-MM-DD")
    raise numeric_date(value) or Invalid(f"'{value}' is not a date", DATE_HINT)


def _yearless(value: str) -> Invalid | None:
    """A day and month without a year that no year has ("Feb 30", "31 April"): told why, not only to write
    YYYY-MM-DD, which the clerk would fill in with the same day."""
    m = _MONTH_NUMBER.fullmatch(value)
    day, month = (m[2], m[1]) if m else (None, None)
    m = _DAY_OF.fullmatch(value)
    day, month = (m[1], m[2]) if m and not m[3] else (day, month)
    if month is None or month.lower() not in MONTHS or _in_some_year(MONTHS[month.lower()], int(day)):
        return None
    return Invalid(f"'{value}' is not a date: it has no year, and {_why_no_day(None, MONTHS[month.lower()], int(day))}",
                   "check the day in the papers and write it with its year as YYYY-MM-DD, e.g. 2018-06-21",
                   impossible=True)


def impossible_date(text: str) -> Invalid | None:
    """Why `text`, written as a date, names a day there is not ('30 February 2020', '29 Feb 2019', '31 April',
    '31/04/2020'), as a date field is told it; None for a date and for any other text. An action line in the
    minutes' text ending 'by 30 February 2020' kept the words as its text, and nothing said why."""
    try:
        parse_date(text)
    except Invalid as problem:
        return problem if problem.impossible else None
    return None


def _named_month(value: str, weekday: str | None, year: str, month: int, day_of_month: int) -> dt.date:
    """A date written with its month's name: refused when its year is in two digits or its day of the week is
    another day's, as a header copied from the meeting before and half corrected is: which part is right is not
    for the site to guess."""
    day = _make_date(int(year) + (2000 if len(year) == 2 else 0), month, day_of_month, value)
    if len(year) == 2:
        raise Invalid(f"'{value}' has a year in two digits", f"write it as {day.isoformat()} ({spoken_date(day)}) if "
                      f"{day.year} is meant", True)
    if weekday is not None and WEEKDAYS[weekday.lower()] != day.weekday():
        raise Invalid(f"'{value}' names a {calendar.day_name[WEEKDAYS[weekday.lower()]]}, but {spoken_date(day)} is a "
                      f"{calendar.day_name[day.weekday()]}", f"correct the day or the date; the date alone is "
                      f"enough, e.g. {day.isoformat()}", True)
    return day


def numeric_date(value: str) -> Invalid | None:
    """What is wrong with a date written in numbers alone (05/03/2020), which readers in different places take
    in different orders, with the date to write instead; None for any other text."""
    m = _NUMERIC.match(value)
    if m is None:
        return None
    first, second = int(m[1]), int(m[2])
    short = len(m[3]) == 2  # 21/6/18: the century is the site's guess, and said to be
    year = int(m[3]) + (2000 if short else 0)
    readings = numeric_readings(value)
    if not readings:  # told of as read day first, as UK minutes mean it, unless only the other order has a month
        day, month = (second, first) if first <= 12 < second else (first, second)
        return no_such_day(value, year, month, day)
    if short:
        meant = f" if {year} is meant"
        hint = f"write it as {readings[0].isoformat()} ({spoken_date(readings[0])}){meant}" if len(readings) == 1 \
            else (f"write {readings[0].isoformat()} for {spoken_date(readings[0])}, or {readings[1].isoformat()} for "
                  f"{spoken_date(readings[1])},{meant}")
        return Invalid(f"'{value}' is written in numbers alone, with a two-digit year", hint, True)
    if len(readings) == 1:
        return Invalid(f"'{value}' is written in numbers alone, which readers take in different orders",
                       f"write it as {readings[0].isoformat()} ({spoken_date(readings[0])})", True)
    return Invalid(f"'{value}' could be {spoken_date(readings[0])} or {spoken_date(readings[1])}",
                   f"write {readings[0].isoformat()} for {spoken_date(readings[0])}, or {readings[1].isoformat()} for "
                   f"{spoken_date(readings[1])}", True)


def numeric_readings(value: str) -> list[dt.date]:
    """The days a date in numbers alone (30/09/19, 05/03/2020) may be, day first, then month first where that is
    another; a two-digit year is of this century. [] for any other text, or numbers naming no day either way."""
    m = _NUMERIC.match(value)
    if m is None:
        return []
    first, second = int(m[1]), int(m[2])
    year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    readings = []
    for day, month in dict.fromkeys(((first, second), (second, first))):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    return readings


def spoken_date(day: dt.date) -> str:
    """'21 June 2018': a date as readers and clerks say it, in messages and in words the site makes up."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def without_year(written: str, meeting: dt.date | None) -> str:
    """A due date written without its year ("30 June", "the end of March") as `due:` is to have it: the first
    such day or month on or after the meeting's date, where minutes leave the year to the meeting's."""
    found = _YEARLESS.fullmatch(written.strip())
    if found is None or meeting is None or found["month"].lower() not in MONTHS:
        return ""
    month = MONTHS[found["month"].lower()]
    day_of_month = found["day"] or found["day2"]
    if day_of_month is None:  # a month, which `due:` counts as its last day
        year = meeting.year + (month < meeting.month)
        return f"{calendar.month_name[month]} {year}"
    for year in (meeting.year, meeting.year + 1):
        try:
            day = dt.date(year, month, int(day_of_month))
        except ValueError:
            return ""
        if day >= meeting:
            return spoken_date(day)
    return ""


@functools.lru_cache(maxsize=1 << 14)
def spoken_due(text: str, date: dt.date | None) -> tuple[str, str]:
    """(the words a page gives for a due date, the day or month they name as HTML's <time> writes it, or "" for
    words that name neither): a date or a month in the words the site says every date in, however `due:` wrote
    it, where a tracker listed '2018-07' and '19th July 2018' as written beside 'October 2018'; other words as
    written, with the day they resolve to where they do ('next meeting (20 June 2019)': a tracker counted it
    overdue from a day the reader was not told). Memoised: a tracker shows each due date twice."""
    if date is None:
        return text, ""
    try:
        if parse_month(text) == date:
            return f"{calendar.month_name[date.month]} {date.year}", f"{date.year:04d}-{date.month:02d}"
        if parse_date(text) == date:
            return spoken_date(date), date.isoformat()
    except Invalid:
        pass
    return f"{text} ({spoken_date(date)})", date.isoformat()


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


# A quarter of the financial year (April to March), as trusts' action logs give a due date: "Q3 2019/20"
_QUARTER = re.compile(r"^Q([1-4])\s*(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.I)
# A date or a month with a remark after it in brackets: "March 2020 (revised from Dec 2019)"
_REMARKED = re.compile(r"^([^()]+?)\s*\(([^()]*)\)$")
# A month as a spreadsheet's cell gives it, "Jun-20", "Apr-2020", or as notes abbreviate it, "March '20"
_SHEET_MONTH = re.compile(r"^([a-z]+)\.?(?:-|\s*')(\d{2}|\d{4})$", re.I)
# A date or a month among other words: "End of March 2020", "by 30 June 2020", "June 2020 board"
_INSIDE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]+\.?,?\s+\d{4}\b", re.I)
# A season, as plans give a due date: "Summer 2020". Each ends with its last month as the Met Office counts them
# (summer is June to August); winter runs into the next year, which the clerk is asked to choose.
_SEASON = re.compile(r"^(?:by\s+)?(?:the\s+)?(?:end\s+of\s+)?(spring|summer|autumn|fall|winter)\s+(\d{4})$", re.I)
SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
# The end of a year: "end of 2020", "by the end of 2020", "year end 2020"
_YEAR_END = re.compile(r"^(?:by\s+)?(?:the\s+)?(?:end\s+(?:of\s+)?|year[\s-]end\s+)(\d{4})$", re.I)
# A week by its first day, as action logs give one: "w/c 2 March 2020", "week commencing 2 March 2020"
_WEEK = re.compile(r"^(?:w/c|w\.c\.|week\s+(?:commencing|beginning|starting))\s+(.+)$", re.I)
# A month's short name and a number of one or two digits, "Mar 20": 20 March, or March 2020?
_MONTH_NUMBER = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})$", re.I)


def _other_forms(value: str) -> tuple[str, str] | None:
    """unread_due's (what, what to write) for a season, a year's end, a week commencing, or a month's name with a
    number that could be a day or a year ("Mar 20", which the site does not guess) or is neither ("Mar 45")."""
    m = _SEASON.match(value)
    if m and m[1].lower() == "winter":
        year = int(m[2])
        return ("a winter, which runs from December into the next year", f"write the month it is due by, e.g. `due: "
                f"February {year + 1}` for the winter from December {year}, or `due: February {year}`")
    if m:
        month = SEASON_ENDS[m[1].lower()]
        return (f"a season ({m[1].lower()} ends with {calendar.month_name[month]})", f"write its last month, `due: "
                f"{calendar.month_name[month]} {m[2]}`, for the tracker to show the action overdue after it")
    m = _YEAR_END.match(value)
    if m:
        return ("the end of a year", f"write its last month, `due: December {m[1]}`, for the tracker to show the "
                "action overdue after it")
    m = _WEEK.match(value)
    if m:
        try:
            first = parse_date(m[1])
        except Invalid:
            return None
        friday = first + dt.timedelta(days=(4 - first.weekday()) % 7)
        return ("a week given by the day it begins", f"write the day it is due by, e.g. `due: {friday.isoformat()}` "
                f"(Friday {spoken_date(friday)}, the end of that working week), for the tracker to show the action "
                "overdue after it")
    m = _MONTH_NUMBER.match(value)
    if m and m[1].lower() in MONTHS and 29 < int(m[2]) <= 31 and not _in_some_year(MONTHS[m[1].lower()], int(m[2])):
        month, number = MONTHS[m[1].lower()], int(m[2])  # "Feb 30": no day, so a year, or a slip
        name = calendar.month_name[month]
        return (f"a month and a number that is no day of {name} ({_why_no_day(None, month, number)})",
                f"write `due: {name} {2000 + number}` if that month is meant, or the day it is due by with its year, "
                f"`due: YYYY-{month:02d}-DD`, DD being a day {name} has")
    if m and m[1].lower() in MONTHS and 1 <= int(m[2]) <= 31:
        month, number = MONTHS[m[1].lower()], int(m[2])
        return (f"a month and a number that could be a day or a year ({number} {calendar.month_name[month]}, or "
                f"{calendar.month_name[month]} {2000 + number})", f"write `due: {calendar.month_name[month]} "
                f"{2000 + number}` for the month, or the day with its year, `due: YYYY-{month:02d}-{number:02d}`, "
                f"for {number} {calendar.month_name[month]}")
    if m and m[1].lower() in MONTHS:  # "Mar 45", "Sept 99": a slip, or a year in two digits the site will not guess
        name = calendar.month_name[MONTHS[m[1].lower()]]
        return (f"a month and a number that is neither a day nor a year in full ({m[2]})", f"write the month with its "
                f"year, `due: {name} YYYY`, or the day with its year, `due: YYYY-{MONTHS[m[1].lower()]:02d}-DD`")
    return None


def _in_some_year(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


# A day of a month among other words, with its year or not: "by 30 February 2020", "w/c 31 April", "30th Feb"
_DAY_OF = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)([a-z]+)\b\.?(?:,?(?:\s+|-)(\d{4})\b)?", re.I)


def _no_such_day(value: str) -> tuple[str, str] | None:
    """unread_due's (what, what to write) for a due date naming a day its month does not have, which every other
    reading passes over as no date: kept as written, it was never overdue, and nothing said why."""
    for found in _DAY_OF.finditer(value):
        if found[2].lower() not in MONTHS:
            continue
        month, day, year = MONTHS[found[2].lower()], int(found[1]), int(found[3]) if found[3] else None
        if _in_some_year(month, day) and (year is None or _real_date(year, month, day) is not None):
            continue
        if year is None:
            return (f"a day no year has ({_why_no_day(None, month, day)})", f"write the day it is due by, with "
                    f"its year, as `due: YYYY-{month:02d}-DD`, DD being a day {calendar.month_name[month]} has")
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return (f"a date that is not a real one ({_why_no_day(year, month, day)})", "check the day in the papers and "
                f"write it as `due: YYYY-MM-DD`, e.g. `due: {last.isoformat()}` if the month's last day is meant")
    return None


def unread_due(text: str) -> tuple[str, str] | None:
    """(what a due date is, what to write) where it names a date or a month that it is not read as, written
    as action logs write them: a quarter of the financial year, a date with a remark after it, a month as a
    spreadsheet writes it (Jun-20), a date among other words (by 30 June 2020); None otherwise.
    Kept as written, the action never counts as overdue, which nothing on its page says."""
    value = str(text).strip()
    other = _other_forms(value) or _no_such_day(value)
    if other:
        return other
    m = _QUARTER.match(value)
    if m:
        start = int(m[2])
        if int(m[3]) != ((start + 1) % 100 if len(m[3]) == 2 else start + 1):  # 2019/21 is no financial year
            return None
        year, month = (start + 1, 3) if m[1] == "4" else (start, 3 + 3 * int(m[1]))
        return (f"a quarter of the financial year {start}/{m[3]}", f"write the quarter's last month, `due: "
                f"{calendar.month_name[month]} {year}`, for the tracker to show the action overdue after it")
    m = _REMARKED.match(value)
    if m:
        try:
            meant, what = (m[1].strip(), "month") if parse_month(m[1]) is not None else \
                (parse_date(m[1]).isoformat(), "date")
        except Invalid:
            return None
        return (f"a {what} with a remark in brackets after it", f"write `due: {meant}` alone, for the tracker to show "
                "the action overdue after it, and the remark in the action's text or the update's progress")
    m = _SHEET_MONTH.match(value)
    if m and m[1].lower() in MONTHS:
        year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        return ("a month written as a spreadsheet writes it", f"write it as `due: "
                f"{calendar.month_name[MONTHS[m[1].lower()]]} {year}`" + (f" if {year} is meant" if len(m[2]) == 2
                                                                          else ""))
    named = set()
    for found in _INSIDE.finditer(value):
        try:
            month = parse_month(found[0])
            day = None if month else parse_date(found[0])
        except Invalid:
            continue
        named.add(("month", f"`due: {calendar.month_name[month.month]} {month.year}`") if month else
                  ("date", f"`due: {day.isoformat()}` ({spoken_date(day)})"))
    if len(named) == 1:  # two ("from March 2020 to June 2020") leave which is due to the clerk
        what, meant = named.pop()
        return (f"a {what} with other words around it", f"write {meant} alone, for the tracker to show the action "
                "overdue after it, and the other words in the action's text or the update's progress")
    return None


# "13:00 – 15:00", "1pm to 3pm": a pack's header gives the meeting's times as one range
_TIME_RANGE = re.compile(r"^(.+?)\s*(?:[-\u2013\u2014]|\bto\b|\buntil\b)\s*(.+)$", re.I)


def parse_time(text: str) -> str:
    value = str(text).strip()
    both = _TIME_RANGE.match(value)
    if both:
        try:
            start, end = parse_time(both[1]), parse_time(both[2])
        except Invalid:
            pass
        else:
            raise Invalid(f"'{value}' is two times, from {start} to {end}",
                          f"write one here, \"{start}\", and a meeting's end as `end: \"{end}\"`")
    if value.lower() in ("noon", "midday"):
        return "12:00"
    m = _TIME.match(value)
    if m and (m[2] is None or len(m[1]) == 2 or value[len(m[1])] in ":."):  # 1400 hrs, never 140 hrs
        hour, minute = int(m[1]), int(m[2] or 0)
        suffix = (m[3] or "").lower().replace(".", "")
        valid = True
        if suffix in ("am", "pm"):
            if 12 < hour < 24 and minute < 60:
                raise Invalid(f"'{value}' is a 24-hour time with {suffix}",
                              f"write {hour:02d}:{minute:02d}, or {hour - 12}:{minute:02d}pm")
            valid = 1 <= hour <= 12
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif suffix in ("noon", "midday"):
            valid = (hour, minute) == (12, 0)
        elif suffix == "" and (m[2] is None or value[len(m[1])] not in ":."):
            valid = False  # a bare number is ambiguous, 1400 a year as much as a time
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
    words = set(re.findall(r"[a-z]+", value))  # "Yes - closed at the meeting", as a log's column gives it
    # "Not quorate", "Inquorate", "Quorate", as the minutes say whether the meeting was: the word means no or yes.
    # "Not" means no beside "quorate" alone: `confidential: not sure` told "write no alone" would publish the item.
    negated = words & {"no", "false", "inquorate"} or {"not", "quorate"} <= words
    said = {"yes"} if words & {"yes", "true"} or ("quorate" in words and not negated) else set()
    said |= {"no"} if negated else set()
    raise Invalid(f"'{text}' is not yes or no", f"write {said.pop()} alone" if len(said) == 1 else "write yes or no")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; stable, for URLs and anchors. Letters with accents keep their
    letter (Môn is mon, Zoë zoe): Welsh and other names lost them, and a heading 'Ynys Môn' was #ynys-m-n."""
    return _slug(str(text))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that decomposing does not bring to ASCII.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i"})


@functools.lru_cache(maxsize=1 << 16)
def _slug(text: str) -> str:
    """Memoised: every page asks for the addresses of the items, papers and actions it links, again and again."""
    text = text.lower().replace("&", " and ")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", text).strip("-")
