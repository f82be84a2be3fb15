"""Minute numbers: recognising them in a body's scheme and writing them canonically.

One grammar per body, compiled from its pattern (`CCBP/{yy}/{n}`), is shared by
the minutes loader and the reference linker, so both agree on what a number is.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from generator.model import Numbering, all_agenda_items
from generator.values import spoken_date

PER_MEETING_RE = re.compile(r"^(\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)\.?$", re.I)


@lru_cache(maxsize=None)
def _compile(pattern: str) -> tuple[re.Pattern, list[str]]:
    parts, names = [], []
    for piece in filter(None, re.split(r"(\{n\}|\{yy\}|\{yyyy\})", pattern)):
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
    return re.compile(r"\s*".join(part for part in parts if part), re.I), names  # spaces anywhere: text from a PDF


_PLACEHOLDERS = {"{yyyy}": r"\d{4}", "{yy}": r"\d{2}", "{n}": r"\d{1,5}"}  # tried in this order: longest first


def _tokens(pattern: str) -> list[str]:
    """`CCBP/{yy}/{n}` -> ['c', 'c', 'b', 'p', '/', '{yy}', '/', '{n}']: what `_compile` matches, piece by piece."""
    out: list[str] = []
    for piece in re.split(r"(\{n\}|\{yy\}|\{yyyy\})", pattern):
        if piece in _PLACEHOLDERS:
            out.append(piece)
        else:
            out += [ch.lower() for ch in piece if not ch.isspace()]
    return out


def shape(text: str) -> str:
    """What a pattern and the numbers it matches have in common: the letters and punctuation.

    `CCBP/{yy}/{n}` and `ccbp / 19/70` both give 'ccbp//', so a number found
    by `any_pattern` is matched back to its body with a dictionary lookup.
    """
    return re.sub(r"\{n\}|\{yy\}|\{yyyy\}|[\s\d]", "", text.lower())


def _literal(token: str) -> str:
    """A literal character of a pattern, matched without regard to case (spelled out: see NumberFinder)."""
    return f"[{re.escape(token.lower())}{re.escape(token.upper())}]" if token.isalpha() else re.escape(token)


def _trie(sequences: list[list[str]], first: dict | None = None) -> str:
    """One regex source for all `sequences` of tokens, sharing common prefixes like a trie.

    At each branch the longer continuations are tried first, as the longest
    match is the one that counts. `first` replaces the placeholders' regexes
    at the first level.
    """
    trie: dict = {}
    for tokens in sequences:
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}

    def emit(node: dict, first: bool, holders: dict) -> str:
        space = "" if first else r"\s*"  # between any two tokens, as text copied from a PDF has them: CCBP / 19 / 70
        branches = []
        for token in sorted(t for t in node if t and t not in _PLACEHOLDERS):
            branches.append(space + _literal(token) + emit(node[token], False, _PLACEHOLDERS))
        for token in (t for t in _PLACEHOLDERS if t in node):
            branches.append(space + holders[token] + emit(node[token], False, _PLACEHOLDERS))
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie, True, first or _PLACEHOLDERS)


class NumberFinder:
    """Finds minute numbers of every body's pattern in one pass over a text.

    A union of one regex per body tries every body at every position of every
    text, so with fifty bodies the reference scan took most of a build. But
    every number has digits, which prose has few of: this finds the part of a
    number from its first placeholder on (`19/70` of `CCBP/{yy}/{n}`) with a
    regex that starts with a digit, which the regex engine skips to directly,
    and only then looks just before it for the part in front (`CCBP/`). Case
    is spelled out (`[cC]`) rather than asked for with re.I, which would stop
    the engine skipping. The result is each match's (start, end); which body
    it belongs to is for the caller to say (`shape`, `canonical`).
    """

    def __init__(self, patterns: list[str], before: str = "", after: str = ""):
        """`before` and `after`: what must hold around a number (a word boundary, "no digit follows")."""
        heads, tails = [], []
        for pattern in patterns:
            tokens = _tokens(pattern)
            cut = next((n for n, t in enumerate(tokens) if t in _PLACEHOLDERS), None)
            if cut is not None:
                heads.append(tokens[:cut])
                tails.append(tokens[cut:])
        self.empty = not tails
        if self.empty:
            return
        # Every tail starts with a placeholder, so with one digit in front the regex starts with a digit.
        rest = {"{yyyy}": r"\d{3}", "{yy}": r"\d", "{n}": r"\d{0,4}"}
        self.tails = re.compile(r"\d" + _trie(tails, rest) + after)
        self.heads = re.compile(before + "(?:" + _trie(heads) + r")\s*\Z")
        # A head and a tail found apart may belong to different patterns ("JHSC/" of JHSC/{yyyy}/{n}
        # before the "19/12" of {yy}/{n}): each pair is checked against the patterns whole.
        self.whole = re.compile(_trie([h + t for h, t in zip(heads, tails)]), re.I)
        self.reach = 3 * max(len(h) for h in heads) + 8  # how far back a head can start (spaces allowed inside)

    def finditer(self, text: str):
        """(start, end) of each number in `text`, left to right, not overlapping."""
        if self.empty:
            return
        done = 0
        for tail in self.tails.finditer(text):
            start, end = tail.span()
            low = max(done, start - self.reach)
            while (head := self.heads.search(text, low, start)) is not None:
                if self.whole.fullmatch(text, head.start(), end):
                    yield head.start(), end
                    done = end
                    break
                low = head.start() + 1  # a shorter head, ending at the same place


def has_placeholder(pattern: str) -> bool:
    return any(holder in pattern for holder in _PLACEHOLDERS)


def any_pattern(patterns: list[str]) -> str | None:
    """One regex source (compile it with re.I) matching any of `patterns`; see _trie."""
    return _trie([_tokens(p) for p in patterns]) if patterns else None


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


def leading(numbering: Numbering, heading: str) -> tuple[str | None, str]:
    """The minute number a heading starts with, canonical, and the rest of the heading; (None, heading) when it
    starts with none. A scheme's number may have spaces inside it (`CCBP / 18/ 43`), as the references in the
    text may; a number ends where a letter or digit would run on from it (`TB/19/12a` is not `TB/19/12`)."""
    heading = heading.strip()
    if numbering.per_meeting:
        written, _, rest = heading.partition(" ")
        ref = canonical(numbering, written.rstrip(":;,.")) or canonical(numbering, written)  # "5:" or "5."
        return (ref, rest) if ref else (None, heading)
    m = _compile(numbering.pattern)[0].match(heading)
    if m is None or heading[m.end():m.end() + 1].isalnum():
        return None, heading
    return canonical(numbering, m.group()), heading[m.end():].lstrip(":;,.")


# A part of an item written right after its number, as bodies number them: 24/007(a), 24/007 (ii), CCBP/19/70.1
# and nothing after it of the same word: 24/007.5m, 24/007(a)b are no parts
_PART = re.compile(r"(?: ?\(([a-z]|[ivx]{1,5}|\d{1,2})\)|\.(\d{1,2})(?!\.\d))(?!\w)", re.I)


def part(text: str, at: int = 0) -> tuple[str, int] | None:
    """(the part, lower case, and where it ends) of a part of an item written at `at` in `text`, right after an
    item's number: ('a', ...) for the '(a)' of 24/007(a), ('1', ...) for the '.1' of CCBP/19/70.1; else None."""
    m = _PART.match(text, at)
    return ((m.group(1) or m.group(2)).lower(), m.end()) if m else None


def leading_part(numbering: Numbering, heading: str) -> tuple[str, str, str] | None:
    """(the item's number, canonical; the part; the rest of the heading) of a heading that numbers a part of an
    item (`24/007(a) Payments`); None for any other. A body numbering per meeting writes its parts as numbers of
    their own (7.1, 3a), which are not parts here."""
    if numbering.per_meeting:
        return None
    heading = heading.strip()
    m = _compile(numbering.pattern)[0].match(heading)
    found = part(heading, m.end()) if m else None
    if found is None or heading[found[1]:found[1] + 1].isalnum():
        return None
    return canonical(numbering, m.group()), found[0], heading[found[1]:].lstrip(":;,.")


def renumbered(numbering: Numbering, heading: str, ref: str) -> str:
    """`heading` starting with minute `ref`, as the body prints it, in place of the number it starts with: the
    rest kept as the clerk wrote it, a part's '.1' or ' (ii)' with it (leading's rest has lost such a '.')."""
    heading = heading.strip()
    m = None if numbering.per_meeting else _compile(numbering.pattern)[0].match(heading)
    return printed(numbering, ref) + heading[m.end():] if m else heading


def misprinted(numbering: Numbering, heading: str) -> str | None:
    """The number `heading` starts with, as written, where the body prints it otherwise: C/2024/45 of a body
    printing C/2024/045 (`C/{yyyy}/{nnn}`), or C/2024/045 of one printing C/2024/45; else None."""
    if numbering.per_meeting:
        return None
    regex, names = _compile(numbering.pattern)
    m = regex.match(heading.strip())
    if m is None:
        return None
    n = m.group(names.index("n") + 1)
    return None if n == str(int(n)).zfill(numbering.width) else m.group()


def whole(numbering: Numbering, text: str) -> str | None:
    """`text` as one of the scheme's numbers, canonical, when it is that and nothing more (spaces inside it
    allowed, as leading reads them); else None."""
    ref, rest = leading(numbering, text)
    return ref if ref and not rest.strip() else None


_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def unpadded(ref: str) -> str:
    """The number without zeros in front of its digits (`5` for `05`, `7.1` for `07.1`), lower case: a pack's
    agenda and front sheets print `05` where the minutes write `5`, which a body numbering per meeting keeps as
    written (a pattern's number is canonical already, `canonical`)."""
    return _LEADING_ZEROS.sub("", ref.strip().lower())


def sort_key(ref: str) -> tuple:
    """Numeric-aware ordering: 2 < 10, CCBP/18/9 < CCBP/18/10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", ref.lower()) if p)


def example(numbering: Numbering, year: int | None = None, after: str | None = None) -> str:
    """A number of the scheme for a message: the one after `after` (the item above the clerk's mistake) when
    there is one, else one of `year` (the meeting's), so that the clerk can copy it as it is."""
    if numbering.per_meeting:
        return "5 (or 5.1)"
    after = following(numbering, after) if after else None
    if after:
        return after
    year = year or 2019
    return compose(numbering, 70, year)


def following(numbering: Numbering, ref: str) -> str | None:
    """The number after `ref` as the body prints it, in the year `ref` is written with (TB/19/16 after TB/19/15,
    10 after 9 of a body numbering per meeting); None for one that has no single next (7.1, 3a)."""
    if numbering.per_meeting:
        return str(int(ref) + 1) if ref.isdigit() else None
    last = parts(numbering, ref)
    return None if last is None else compose(numbering, last["n"] + 1, last.get("yyyy", last.get("yy", 0)))


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
    """Number `n` of the scheme in `year` as the body prints it, e.g. CCBP/18/42, C/2024/045; the inverse of
    `parts`."""
    if numbering.per_meeting:
        return str(n)
    return (numbering.pattern.replace("{yyyy}", f"{year:04d}").replace("{yy}", f"{year % 100:02d}")
            .replace("{n}", str(n).zfill(numbering.width)))


def printed(numbering: Numbering, ref: str) -> str:
    """A canonical number (`canonical`, C/2024/45) as the body prints it (C/2024/045, for `C/{yyyy}/{nnn}`): what
    pages show and cite. The canonical number stays what addresses and lookups are made of, so that a body
    saying its width changes no address."""
    if not numbering.width or numbering.per_meeting:
        return ref
    values = parts(numbering, ref)
    if values is None:
        return ref
    return compose(numbering, values["n"], values.get("yyyy", values.get("yy", 0)))


def digits(numbering: Numbering, text: str) -> str | None:
    """The digits of `{n}` as `text`, one of the scheme's numbers, writes them (`045` of C/2024/045); None when it
    is not one."""
    if numbering.per_meeting:
        return None
    regex, names = _compile(numbering.pattern)
    m = regex.fullmatch(text.strip())
    return m.group(names.index("n") + 1) if m else None


ANNUAL = "annual"  # a meeting's `kind:` that begins its body's municipal year (annual_meetings)


def annual_meetings(numbering: Numbering, meetings) -> dict[int, dt.date]:
    """{municipal year: its annual meeting's date} of the body's `meetings` held with `kind: annual`, where its
    minutes run on through the year (`year_starts:`): the council's annual meeting begins its year, in mid-May
    where the first of the month `year_starts:` names is only when it is held at the earliest. Each is the year
    whose first of that month is nearest it (an annual meeting put back to June by an election begins the year
    from May). Empty for any other body."""
    if not numbering.restarts:
        return {}
    found: dict[int, dt.date] = {}
    for meeting in meetings:
        if meeting.kind.strip().lower() == ANNUAL and not meeting.status:
            day = meeting.date
            year = min((day.year - 1, day.year, day.year + 1),
                       key=lambda y: abs((dt.date(y, numbering.restarts, 1) - day).days))
            found[year] = min(found.get(year, day), day)
    return found


def file_of(body) -> str:
    """The body's file as messages name it (`content/bodies/jc.md`, its Source, which the command shows from the
    folder it runs in): `bodies/jc.md` sent a clerk outside the content folder to a folder of that name beside them.
    A body made in code, read from no file, by its place in the archive."""
    return body.source.path or f"bodies/{body.slug}.md"


def year_said(body, year: int, annual: dict[int, dt.date]) -> str:
    """"JC's municipal year from 1 May 2019 (year_starts in content/bodies/jc.md)", or from its annual meeting's day:
    for messages, saying where the clerk can change when it begins."""
    day = body.numbering.year_begins(year, annual)
    where = f"its annual meeting, `kind: {ANNUAL}`" if year in annual else f"year_starts in {file_of(body)}"
    return f"{body.short_name}'s municipal year from {spoken_date(day)} ({where})"


def minutes_of(meeting) -> set[int]:
    """The whole minute numbers a meeting of a body numbering per meeting has used: its minutes' and those its
    agenda's items name (`minute:`), as a meeting scaffolded earlier has them before its minutes are written."""
    written = [item.ref for item in meeting.minutes.items] if meeting.minutes else []
    written += [item.minute for item in all_agenda_items(meeting.agenda) if item.minute]
    return {int(ref) for ref in written if ref.isdigit()}


def runs(numbering: Numbering, meetings, annual: dict[int, dt.date]) -> dict[str, object]:
    """{meeting key: its run of minutes} of a body numbering per meeting, for its `meetings` held (no `status`), in
    date order: the meetings of one run number their minutes on from each other, so each number is one minute's in
    its run, and minute 4 of two runs is two minutes. A run is the municipal year (`year_starts:`, or its annual
    meeting, `kind: annual`: municipal_year). Without `year_starts:`, a meeting whose minutes start at 1 starts one
    (its key; "" before the first that does, as the archive may begin part way through a run), and so does one
    whose agenda names no minute (`minute:`): its minutes are numbered as they are, not on from the meeting before
    (minutes of a body numbering each meeting afresh that start at 5, the items before not minuted), where a
    council's minutes running on are named by its pack's items, numbered from 1. A reconvened sitting is in its
    first sitting's run, whatever its date or first number (adjourned_to)."""
    first = {m.adjourned_to: m.key for m in meetings if m.adjourned_to}
    found: dict[str, object] = {}
    current: object = ""
    for meeting in meetings:
        if first.get(meeting.key) in found:
            found[meeting.key] = found[first[meeting.key]]
            continue
        if numbering.restarts:
            current = numbering.municipal_year(meeting.date, annual)
        elif (numbers := minutes_of(meeting)) and (min(numbers) == 1 or not any(
                item.minute for item in all_agenda_items(meeting.agenda))):
            current = meeting.key
        found[meeting.key] = current
    return found
