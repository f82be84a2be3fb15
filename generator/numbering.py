"""Minute numbers: recognising them in a body's scheme and writing them canonically.

One grammar per body, compiled from its pattern (`CCBP/{yy}/{n}`), is shared by
the minutes loader and the reference linker, so both agree on what a number is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model import Numbering
from generator.values import slugify

PER_MEETING_RE = re.compile(r"^(\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)\.?$", re.I)


@lru_cache(maxsize=None)
def _compile(pattern: str) -> tuple[re.Pattern, list[str]]:
    parts, names = [], []
    for piece in re.split(r"(\{n\}|\{yy\}|\{yyyy\})", pattern):
        if piece == "{n}":
            parts.append(r"(\d{1,5})")
            names.append("n")
        elif piece == "{yy}":
            parts.append(r"(\d{2})")
            names.append("yy")
        elif piece == "{yyyy}":
            parts.append(r"(\d{4})")
            names.append("yyyy")
        else:
            parts.append(r"\s*".join(re.escape(ch) for ch in piece if not ch.isspace()))
    return re.compile("".join(parts), re.I), names


def pattern_regex(numbering: Numbering) -> re.Pattern:
    """A regex (no anchors) matching one minute number of this scheme."""
    return _compile(numbering.pattern)[0] if numbering.pattern else re.compile(r"\d{1,3}(?:\.\d{1,3})*")


def canonical(numbering: Numbering, text: str) -> str | None:
    """The number as the scheme writes it, or None when `text` is not one."""
    text = text.strip()
    if numbering.per_meeting:
        m = PER_MEETING_RE.match(text)
        return m.group(1).lower() if m else None
    regex, names = _compile(numbering.pattern)
    m = regex.fullmatch(text)
    if not m:
        return None
    values = dict(zip(names, m.groups()))
    out = numbering.pattern
    out = out.replace("{n}", str(int(values["n"])))
    if "yy" in values:
        out = out.replace("{yy}", values["yy"])
    if "yyyy" in values:
        out = out.replace("{yyyy}", values["yyyy"])
    return out


def sort_key(ref: str) -> tuple:
    """Numeric-aware ordering: 2 < 10, CCBP/18/9 < CCBP/18/10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", ref.lower()) if p)


def example(numbering: Numbering) -> str:
    if numbering.per_meeting:
        return "5 (or 5.1)"
    return numbering.pattern.replace("{yy}", "19").replace("{yyyy}", "2019").replace("{n}", "70")


def ref_slug(ref: str) -> str:
    return slugify(ref)


def parts(numbering: Numbering, text: str) -> dict[str, int] | None:
    """The values in a pattern number, e.g. {'yy': 18, 'n': 42} for CCBP/18/42; None when it is not one.

    The scaffolder needs the count and the year separately to continue a body's
    numbering; per-meeting numbers have no such parts, so they give None too.
    """
    if numbering.per_meeting:
        return None
    regex, names = _compile(numbering.pattern)
    m = regex.fullmatch(text.strip())
    return {name: int(value) for name, value in zip(names, m.groups())} if m else None


def compose(numbering: Numbering, n: int, year: int) -> str:
    """Number `n` of the scheme in `year`, e.g. CCBP/18/42; the inverse of `parts`."""
    if numbering.per_meeting:
        return str(n)
    return (numbering.pattern.replace("{yyyy}", f"{year:04d}").replace("{yy}", f"{year % 100:02d}")
            .replace("{n}", str(n)))
