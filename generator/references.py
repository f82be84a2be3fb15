"""Cross-references: minute numbers, papers, meetings, items and initials become links.

This is a markdown-it core rule that runs after inline parsing, over `text`
tokens only. Code spans, existing links and autolinks are different token types,
so they are left alone by construction rather than by regex luck. What a
reference means depends on where it is written (the meeting, the paper), so the
rule reads a `Where` from the parser's env; every link it makes and every
reference it cannot resolve is recorded there for backlinks and warnings.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from generator import urls
from generator.body_names import BodyNames
from generator.diagnostics import did_you_mean
from generator.diagnostics import listed as said_list
from generator.inline_actions import opens_action_line
from generator.interrupt import check, never
from generator.model import Meeting, Paper, all_agenda_items, archive_order
from generator.numbering import (NumberFinder, annual_meetings, any_pattern, canonical, compose, example,
                                 has_placeholder, leading_part, part, parts, printed, renumbered, runs, shape, sort_key,
                                 unpadded)
from generator.people import PeopleIndex, closest_person
from generator.publish import DRAFT, PRIVATE, unreached
from generator.schema import is_chair
from generator.values import Invalid, parse_date, slugify, spoken_date

# A meeting's date as minutes cite it, its year left out where it is the meeting's last such day ("the meeting
# of 3 October", as the minutes of a meeting in November write it): see _cited_meeting
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# (and "the Special Meeting held on 28 September 2018", as an agenda's item approving minutes writes it)
_MEETING = re.compile(rf"\b[Mm]eeting\s+(?:held\s+)?(?:on|of)\s+{_WEEKDAY}({_DATE})")
_NEXT = re.compile(r"\b(?:next|following|forthcoming)\s+$", re.I)  # before "meeting", one still to come
# "Paper C", "Enclosure C" (a pack's word for its papers, whatever their `label:`), "Paper 4.2" (the pack's item 4.2's:
# not "Paper 4"), "Appendix B"
_PAPER = re.compile(r"\b(Paper|Enclosure|Appendix|Annex|Annexe)\s+([A-Z]{1,2}|\d{1,2}(?:\.\d{1,2})?)\b(?![/\w]|\.\d)")
_ANY_PAPER = ("Paper", "Enclosure")  # a meeting's paper of any label
# "appendix 1 to item 9", "Appendix A to Paper 4.2", "appendix 2 to minute CCBP/19/70", "Annex B of Enclosure E": an
# appendix named by what it is appended to, which is the paper (or item, or minute) whose appendix it is, not the
# text's (_appendix_to); a minute's number after "to" is found by Linker.numbers, where the last group begins
_APPENDIX_TO = re.compile(r"\b(?:[Aa]ppendix|APPENDIX|[Aa]nnexe?|ANNEXE?)\s+([A-Z]{1,2}|\d{1,2})\s+(?:to|of)\s+"
                          r"(?:the\s+)?(?:(?:[Pp]aper|[Ee]nclosure)\s+([A-Z]{1,2}|\d{1,2}(?:\.\d{1,2})?)\b(?![/\w]|\.\d)"
                          r"|(?:[Aa]genda\s+)?[Ii]tem\s+(\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?)\b(?![./]?\d)|(?:[Mm]inute\s+)?(?=\S))")
_APPENDIX_LABELS = ("appendix", "annex", "annexe")
# "see Appendix 1 to this report", "appendix 2 of this paper", "Appendix A (attached)": in a paper's text, an appendix
# the words say is the paper's own (_own_appendix), in any case, as "Appendix 1" alone is read in capitals only
_APPENDIX_HERE = re.compile(r"\b(?:[Aa]ppendix|APPENDIX|[Aa]nnexe?|ANNEXE?)\s+([A-Z]{1,2}|\d{1,2})"
                            r"(?:\s+(?:to|of)\s+this\s+(?:report|paper|document)\b|\s*\((?:attached|enclosed)\))")
_HERE = ("this report", "this paper", "this document", "attached)", "enclosed)")  # in every match of _APPENDIX_HERE
# What follows a paper or an item that is another meeting's: "Paper A of 14 March 2019", "Paper A to the meeting
# held on 14 March 2019", "item 7.1 of the meeting of 3 October"
_OF_MEETING = re.compile(rf"\s+(?:of|to)\s+(?:the\s+)?(?:meeting\s+(?:held\s+)?(?:on|of)\s+)?{_WEEKDAY}({_DATE})")
_ITEM = re.compile(r"\b[Ii]tems?\s+(\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?)\b(?![./]?\d)")  # 3a: a pack's item 3(a)
_ITEM_RANGE = re.compile(r"\s*(?:–|—|-|to)\s*(\d{1,3})(?![\w/]|\.\d)")  # "items 5 to 7": after _ITEM's "items 5"
_OF_A_MEETING = re.compile(r"\s+of\s+the\s+meeting\b")
_ITEM_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?\b")
# "items 5, 6 and 7": the numbers after the first of a list of items, as _LIST reads minute numbers
_ITEM_LIST = re.compile(r"(?:\s*,\s*\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?(?![\w/]|\.\d))*\s*,?\s*(?:and|&)\s*"
                        r"\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?(?![\w/]|\.\d)")
# "minute 7.1 of 12 March 2024": a body numbering per meeting names another meeting's minute so (the date alone
# is read for "minute" only, which with a number alone after it names no agenda's item)
_ITEM_OF = re.compile(r"\b(?:[Ii]tems?|([Mm])inutes?)\s+(\d{1,3}(?:\.\d{1,3})?(?:(?:\s*,\s*|\s*,?\s*(?:and|&)\s*)"
                      r"\d{1,3}(?:\.\d{1,3})?)*)"
                      rf"\s+of\s+(?:the\s+meeting\s+(?:held\s+)?(?:on|of)\s+|the\s+agenda\s+(?:of|for)\s+(?:the\s+meeting\s+"
                      rf"(?:held\s+)?(?:on|of)\s+)?|(?(1)|(?!)))"
                      rf"{_WEEKDAY}({_DATE})")
# `[[target]]` or `[[target|words]]`; plaintext.py reads them too, as their words
EXPLICIT = re.compile(r"\[\[([^\[\]|]+?)(?:\|([^\[\]]+?))?\]\]")
_INITIALS = re.compile(r"(?<![\w/&.-])([A-Z]{2,4})(?![\w/&-])")
_CONTINUE = re.compile(r"^(\s*(?:–|—|-|to)\s*)(\d{1,5})\b|^(\s*(?:,|and|&)\s*)/(\d{1,5})\b")
# "CCBP/19/70, 71 and 73": a list of the numbers alone, read only where it ends in "and"/"&" and a number (see
# _continuations)
_LIST = re.compile(r"((?:\s*,\s*\d{1,5}(?![\w/]|\.\d))*\s*,?\s*(?:and|&)\s*\d{1,5})(?![\w/]|\.\d)")
_LISTED = re.compile(r"(\s*(?:,\s*and|,|and|&)\s*)(\d{1,5})")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")  # in every match of _INITIALS
# After a minute's number, an action's id: CCBP/19/60#1, CCBP/19/60#jc-referral, CCBP/19/60#2019/45 (a trust's
# own numbering of its actions, which `id:` takes)
_ACTION_ID = re.compile(r"#([A-Za-z0-9](?:[\w/-]{0,98}[A-Za-z0-9])?)(?![\w-])")
_DIGITS = tuple("0123456789")
_PROSE_WORD = re.compile(r"([A-Za-z]+)[.:]?\s+")  # "Minute " before a number: see _reading
# Words that begin some bodies' numbers ("Minute {n}/{yy}", "Item {n}") and that clerks write in every text
_PROSE_WORDS = frozenset({"minute", "minutes", "item", "items", "resolution", "paper", "agenda"})
# "minute 70", "minutes 70 to 72", "minutes 70, 71 and 73" (_minute_words): a number of the body's own written
# without the rest of it, after the word; "70.1", "23/19" or "3a" are not such a number
_MINUTE_WORDS = re.compile(r"\b([Mm]inutes?)\s+(\d{1,5})(?![\w/]|\.\d)")
_WORD_RANGE = re.compile(rf"\s*(?:–|—|-|to)\s*(\d{{1,5}})(?![\w/]|\.\d|\s+(?:{_MONTHS})\b)")  # not "5 to 7 March"
# "action A23", "Action A23 remains open", "see action CCB-A23": an action named in words by the id its minute gave
# it (`id: A23`, as trusts number their actions), with its body's short name before it or not (_action_words). An
# id of letters and digits both: "action 2" is any minute's second action, "action plan" none
_ACTION_ID_WORD = r"[A-Za-z0-9](?:[\w-]{0,98}[A-Za-z0-9])?(?![\w/#-]|\.\w)"
_ACTION_WORDS = re.compile(rf"\b(?:[Aa]ctions?|ACTIONS?)\s+({_ACTION_ID_WORD})")
# "actions A23, A24 and A25": the ids after the first of a list, as _ITEM_LIST reads items; "actions A23–A25", a range;
# "actions A3, A5–A7 and A9", "actions A23–A25 and A27 to A29": a list whose ids may each be a range's first end
_ACTION_TO = r"\s*(?:–|—|-|to)\s*"
_ACTION_ELEMENT = rf"{_ACTION_ID_WORD}(?:{_ACTION_TO}{_ACTION_ID_WORD})?"
_ACTION_LIST = re.compile(rf"(?:\s*,\s*{_ACTION_ELEMENT})*\s*,?\s*(?:and|&)\s*{_ACTION_ELEMENT}")
_ACTION_LISTED = re.compile(rf"\s*(?:,\s*and|,|and|&)\s*({_ACTION_ID_WORD})(?:{_ACTION_TO}({_ACTION_ID_WORD}))?")
_ACTION_RANGE = re.compile(rf"{_ACTION_TO}({_ACTION_ID_WORD})")
_ID_NUMBER = re.compile(r"(\D*?)(\d+)")  # A23: its letters and its number, of an id that ends in one
_LETTER_AND_DIGIT = re.compile(r"(?=.*\d)(?=.*[^\W\d_])")
# What follows a minute or an item that is another meeting's: "minute 7.1 of 12 March 2024", "minutes 70 and 71 of
# the meeting held on 22 August 2019"
_OF_DATE = re.compile(rf"\s+of\s+(?:the\s+)?(?:meeting\s+(?:held\s+)?(?:on|of)\s+)?{_WEEKDAY}({_DATE})")
# "minute 12 of the Health Scrutiny Committee on 5 March 2020", "item 5 of the JCCCG meeting of 5 March 2020",
# "minutes 3 and 4 of the Special Meeting held on 28 September 2018": a meeting named by its body's name (words
# each beginning with a capital, BodyNames) or its kind, and its date (_named_minutes)
_NAME = r"[A-Z][\w&'’-]*(?:\s+(?:(?:and|of|for|on|&)\s+)?[A-Z][\w&'’-]*){0,8}"
_NAMED_OF = re.compile(r"\b(?:[Ii]tems?|([Mm])inutes?)\s+(\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?"
                       r"(?:(?:\s*,\s*|\s*,?\s*(?:and|&)\s*)\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?)*)"
                       rf"\s+of\s+(?:the\s+)?({_NAME})\s+(?:(?:[Mm]eeting|[Ss]itting)\s+)?(?:held\s+)?(?:on|of)\s+"
                       rf"{_WEEKDAY}({_DATE})")
_NUMBERED = re.compile(r"\d{1,3}(?:\.\d{1,3})?[a-zA-Z]?")
# "the CCB meeting of 5 March 2020": the body named before a meeting's date (_MEETING's), whose meeting it is
_NAME_BEFORE = re.compile(rf"({_NAME})\s+$")
# "the July 2018 meeting", "the June meeting", "the June Board meeting", "the meeting in July 2018", "the CCB meeting
# held in April 2018": a meeting named by its month alone, the body's one meeting that month (_month_meeting). "The"
# and "meeting" beside the month, and any words between them a body's name: "Governing Bodies in June 2018", "a
# meeting in July", "the next meeting in July", "the escalation meeting in July" are not read, nor "the meeting in
# July of the Health and Wellbeing Board", "the July meeting with NHS England", another's
_NOT_ITS_BODYS = r"(?![\w/-]|\s+(?:of|with|between)\b|\s+\d)"
_MONTH_MEETING = re.compile(rf"\b[Tt]he\s+(?:({_NAME})\s+)?[Mm]eeting\s+(?:held\s+)?in\s+(({_MONTHS})(?:\s+(\d{{4}}))?)"
                            rf"{_NOT_ITS_BODYS}|\b[Tt]he\s+(({_MONTHS})(?:\s+(\d{{4}}))?\s+(?:({_NAME})\s+)?[Mm]eeting)"
                            rf"{_NOT_ITS_BODYS}")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
# "the last meeting in March", "the previous Board meeting in March 2019", "at its meeting in March 2019", "our last
# meeting in May": a meeting held, named by its month (_past_month_meeting); "its" a body's named before it ("The
# Committee, at its meeting in March", _SUBJECT)
_PAST_MONTH_MEETING = re.compile(rf"\b(?:[Tt]he\s+(last|previous)|([Ii]ts|[Tt]heir|[Oo]ur)(?:\s+(last|previous))?)\s+"
                                 rf"(?:({_NAME})\s+)?[Mm]eeting\s+(?:held\s+)?in\s+(({_MONTHS})(?:\s+(\d{{4}}))?)"
                                 rf"{_NOT_ITS_BODYS}")
_SUBJECT = re.compile(rf"({_NAME})(?:'s|’s)?\s*,?\s+(?:at\s+|in\s+|during\s+)?$")
# "the minutes of the last meeting", "the previous meeting", "MINUTES OF PREVIOUS MEETING" (a pack's heading): the
# meeting before the text's, where the archive says which it was (_find). Not "the last meeting of the year",
# "... in March", "... before the election", in any case. Looked for only in a text holding the words as they are
# written, in lower case, with capitals or in capitals alone (_last_words).
_LAST_MEETING = re.compile(r"\b(?:last|previous)\s+(meeting)\b(?!\s+(?:of|in|before|after|on|held|for|to|at|"
                           r"with|this|that|each|every)\b|\s*\d|[-\w])", re.I)


def _matches(pattern: re.Pattern, text: str, *needles: str) -> list:
    """The matches of `pattern`, each of which holds one of `needles`: none are looked for in a text that holds
    none of them. str finds a needle several times faster than the regex engine tries every position, and most
    texts the reference scan reads hold none of what the regexes below look for (docs/performance-history.md)."""
    return list(pattern.finditer(text)) if any(needle in text for needle in needles) else []


def _last_words(text: str, meeting_word: bool) -> list:
    """_LAST_MEETING's matches in `text` (`meeting_word`: whether it holds "eeting"), looked for only where it holds
    the words in lower case, with capitals or in capitals alone: one text in a hundred holds "eeting", and asking
    every text for each way of writing the words first took four times as long (these, _MEETING's and
    _MONTH_MEETING's together: 0.17 s, against 0.69 s for the first two before, over the 107,000 paragraphs of a
    500-meeting synthetic archive)."""
    if meeting_word and ("ast meeting" in text or "revious meeting" in text or "ast Meeting" in text
                         or "revious Meeting" in text) or "EETING" in text and ("AST MEETING" in text
                                                                                or "REVIOUS MEETING" in text):
        return list(_LAST_MEETING.finditer(text))
    return []


def _may_hold_digits(text: str) -> bool:
    """Whether `\\d` may match: only 0-9 can in a text of ASCII alone (a flag str keeps, so asked for free); any
    other text may hold another script's digits, which `\\d` matches too."""
    return not text.isascii() or any(digit in text for digit in _DIGITS)


@dataclass(frozen=True)
class Place:
    """Where a piece of text is published: a page, and a label readers recognise."""

    url: str  # page (and fragment) that holds the text
    label: str  # e.g. "Minute CCBP/18/49"
    meeting: Meeting | None = None

    def __digest__(self) -> tuple:
        """What a "Referenced from" list shows of a place (fingerprint.Digests): not the whole meeting, so an
        edit to the citing meeting's minutes does not change every page it cites."""
        meeting = self.meeting
        return self.url, self.label, (meeting.key, meeting.body, meeting.date) if meeting is not None else None


@dataclass
class Where:
    """What a text's references are resolved against, and what they turned out to be."""

    body: str | None = None
    meeting: Meeting | None = None
    paper: Paper | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (target url, text)
    # (line in text, or (line, column) in a folded text's (reference_rule), written, hint, problem: what is wrong
    # with a reference that links all the same (_Match.problem), "" for one that does not resolve)
    dangling: list[tuple[int | tuple[int, int], str, str, str]] = field(default_factory=list)
    # (text, line, reach) of each run of plain text in which anything looks like a reference, resolved or not:
    # all that the links and warnings above depend on once the Markdown is parsed (see relink).
    live: list[tuple[str, int, int]] = field(default_factory=list)


# How far a run's references reach (Where.live): only into its own meeting (a paper, an item numbered within
# the meeting, initials from its attendance), or into the rest of the archive (a minute number, an explicit
# [[...]], a meeting by its date, a paper the meeting lacks, which the warning looks for among the body's other
# meetings' papers), which can change when any other meeting does.
NOWHERE, MEETING, ARCHIVE = 0, 1, 2


def _initials(meeting: Meeting, people: dict) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for entry in meeting.attendance.in_the_room:
        person = people.get(entry.who.id or "")
        if person and person.initials:
            seen.setdefault(person.initials, set()).add(person.id)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


class _RegisterPosts:
    """Which words are a post, as inline_actions._Posts reads them where a person goes, without a meeting's files:
    the chair, or a role's title that anyone in the register holds or held (one no one held that day is told as
    an owner all the same)."""

    def __init__(self, index: PeopleIndex):
        self._index = index

    def holder(self, written: str) -> bool | None:
        return True if is_chair(written) or self._index.post(written, dt.date.min)[1] else None


class Linker:
    """Resolves references against the published archive (the resolved Index)."""

    def __init__(self, index, stop=never, unpublished: dict | None = None):
        """`stop`: see interrupt.py. `unpublished`: publish.unpublished's, of the archive `index` is the public
        view of, for the messages of references to what it leaves out (withheld)."""
        self.index = index
        self.unpublished = unpublished or {}
        archive = index.archive
        self.bodies = archive.bodies
        # One pass over a text finds every body's numbers (numbering.any_pattern): a scan
        # per body would multiply the cost of every text by the number of bodies.
        schemes = [(slug, b.numbering) for slug, b in sorted(archive.bodies.items()) if not b.numbering.per_meeting]
        self.by_shape: dict[str, list] = {}
        for slug, numbering in schemes:
            self.by_shape.setdefault(shape(numbering.pattern), []).append((slug, numbering))
        heads = [numbering.pattern.split("{n}")[0] for _, numbering in schemes]
        self.by_head_shape: dict[str, list] = {}
        for (slug, numbering), head in zip(schemes, heads):
            self.by_head_shape.setdefault(shape(head), []).append(slug)
        # A number does not begin inside a word: the "e" ending "minute" is not the E of "ECCBP/{yy}/{n}"
        # in "minute CCBP/19/72" (spaces are allowed inside a number, for text extracted from PDFs). Nor is it
        # a part of a longer code, which every parish council's minutes cite: the 24/0876 of the planning
        # application UTT/24/0876/HHF is no minute 24/876 of a body numbering {yy}/{n}.
        self.numbers = NumberFinder([numbering.pattern for _, numbering in schemes],
                                    before=r"(?<![^\W_])(?<![^\W_]/)", after=r"(?!\d|/[^\W_])")
        # "CCBP/18/" with no number: found like a number when the part before {n} has digits of its own...
        self.incomplete = NumberFinder([h for h in heads if has_placeholder(h)], before=r"\b", after=r"(?!\d)")
        # ... and otherwise ("Min {n}") by a search of the whole text, as a word of its own: "Cabinet" starts as
        # CAB {n}/{yy} does, and "Parish" as P{n}/{yy}, but neither is a number with its digits left out.
        # A head that is a word of the minutes' prose ("Minute {n}/{yy}") stands alone in every text, as no
        # number with its digits left out: only an abbreviation ("Min") standing alone is one.
        plain = any_pattern([h for h in heads if not has_placeholder(h) and shape(h).strip(".:") not in _PROSE_WORDS])
        self.incomplete_plain = re.compile(r"\b" + plain + r"(?!\w)", re.I) if plain else None
        self._sorted_refs: dict[str, list[str]] = {}
        self._agenda: dict[tuple[str, str], list] | None = None  # see agenda_numbers
        self._papers: dict[tuple[str, str], list] | None = None  # see papers_named
        self._action_ids: dict[tuple[str, str], list[str]] | None = None  # see action_ids
        self._prefixes: dict[str, str] | None = None  # see action_ids
        self._named_ids: dict[str, dict[str, str]] = {}  # see named_ids
        self.by_date: dict[tuple[str, str], Meeting] = {}
        for meeting in archive.meetings:
            self.by_date.setdefault((meeting.body, meeting.date.isoformat()), meeting)
        self.names = BodyNames(self.bodies)  # "minute 12 of the Health Scrutiny Committee on ...": _named_minutes
        self._approved: dict[str, list[Meeting]] | None = None  # see approved_at
        self._posts: _RegisterPosts | None = None  # see posts
        self.people = archive.people
        self._initials: dict[str, dict[str, str]] = {}
        self.runs = _runs_on(index, self.bodies)
        # What finding references depends on (see relink): the bodies' numbering, from the registers.
        self.finders = hashlib.sha256(repr(schemes).encode("utf-8")).hexdigest()
        # A digest, not hash(): it is compared across processes (the build cache), and
        # str hashes are salted per process.
        targets = []
        for meeting in archive.meetings:
            check(stop)
            targets.append(self.targets(meeting))
        signature = hashlib.sha256()
        # The items and actions in archive order, which the content decides: sorting 35,000 minute numbers took
        # a twentieth of a second at 2,000 meetings, in one piece that the live preview's next save waited for.
        # The people's names and the meetings' titles are there for the words a [[...]] without any is shown as.
        # Their roles' titles, the posts an action line's owner is read as (posts).
        people = sorted((pid, person.name, tuple(role.title for role in person.roles))
                        for pid, person in self.people.items())
        numbered_on = sorted((key, tuple(m.key for m in run)) for key, run in self.runs.items())
        # The bodies' short names and names, for "action CCB-A23" (action_ids), "minute 12 of the Health Scrutiny
        # Committee on ..." (BodyNames) and the messages that name a body so.
        names = sorted((slug, body.short_name, body.name) for slug, body in self.bodies.items())
        for listed in (list(index.items), list(index.tracks), people, targets, sorted(index.renumbered.items()),
                       numbered_on, names):
            for start in range(0, len(listed), 1000):  # in parts: the live preview asks `stop` between them
                check(stop)
                signature.update(repr(listed[start:start + 1000]).encode("utf-8"))
            signature.update(b"\0")
        self.signature = signature.hexdigest()

    # ---- what a reference points at ------------------------------------------------

    def item_url(self, body: str, ref: str, part: str = "") -> str | None:
        """The minute's page, also by the number it was first published with where moved.yaml gives it; for a
        number the published minutes do not have but an agenda does (an item deferred or withdrawn, or minutes
        not published yet), that agenda's row, which says what became of it. `part` ('a' of 24/007(a)): the
        heading of that part on the minute's page, where the minute numbers it in one and publishes it."""
        found = self.index.items.get((body, ref))
        if found is None and self.index.renumbered:  # the number first published (moved.yaml)
            found = self.index.items.get(self.index.renumbered.get((body, slugify(ref)), ("", "")))
        if found is None:
            on_agenda = self.agenda_numbers().get((body, ref))
            if not on_agenda:
                return None
            _, meeting, written = min(on_agenda, key=lambda candidate: candidate[0])
            return urls.agenda_item(meeting, written)
        meeting, item = found
        anchor = dict(item.parts).get(part) if part and not item.confidential else None
        return urls.item(meeting, self.bodies[body], item) + (f"#{anchor}" if anchor else "")

    def agenda_numbers(self) -> dict[tuple[str, str], list]:
        """(body, minute number) -> [(archive_order of its meeting, meeting, ref as the agenda writes it)] for
        the numbers the agendas of the bodies that number minutes across meetings give and no published minute
        has; made at the first number that is no minute's, as most archives cite few such."""
        if self._agenda is None:
            self._agenda = {}
            for meeting in self.index.archive.meetings:
                self._add_agenda(meeting)
        return self._agenda

    def _add_agenda(self, meeting: Meeting) -> None:
        numbering = self.bodies[meeting.body].numbering
        if numbering.per_meeting or not meeting.agenda:
            return
        for item in all_agenda_items(meeting.agenda):
            ref = canonical(numbering, item.ref)
            if ref and (meeting.body, ref) not in self.index.items:
                self._agenda.setdefault((meeting.body, ref), []).append((archive_order(meeting), meeting, item.ref))

    def papers_named(self, body: str, ref: str) -> list[tuple[Meeting, Paper]]:
        """(meeting, paper) of each published paper of the body's meetings with the ref (in any case): the one a
        meeting's text names as its own when it cites the last meeting's (`Paper E`); made at the first such, as
        few texts have one."""
        if self._papers is None:
            self._papers = {}
            for meeting in self.index.archive.meetings:
                for paper in meeting.papers:
                    self._papers.setdefault((meeting.body, paper.ref.lower()), []).append((meeting, paper))
        return self._papers.get((body, ref.lower()), [])

    def action_ids(self) -> tuple[dict[tuple[str, str], list[str]], dict[str, str]]:
        """((body, an action's id after its '#', in lower case) -> the keys of the body's published actions with it,
        in the order they were raised; each body's slug and short name in lower case -> its slug): what "action A23"
        in the text is looked up in (_action_words). An id written with its body's short name (`id: CCB-A23`) is
        also found by the rest (A23), as the text may leave the name out or write it. Made at the first such
        words, as most archives' texts have none."""
        if self._action_ids is None:
            self._prefixes = {name.lower(): slug for slug, body in sorted(self.bodies.items())
                              for name in (slug, body.short_name) if name and " " not in name}
            self._action_ids, self._named_ids = {}, {}
            tracks = sorted(self.index.tracks.values(), key=lambda track: (archive_order(track.raised), track.key))
            for track in tracks:
                action = track.action
                own = action.key.lower()
                prefix, dash, rest = own.partition("-")
                for written in (own, rest) if dash and rest and self._prefixes.get(prefix) == action.body else (own,):
                    self._action_ids.setdefault((action.body, written), []).append(track.key)
                if _LETTER_AND_DIGIT.match(action.key):
                    self._named_ids.setdefault(action.body, {}).setdefault(action.key, track.key)
        return self._action_ids, self._prefixes

    def named_ids(self, body: str) -> dict[str, str]:
        """The ids of letters and digits that `body`'s published actions have (A23 -> its key): a body naming none
        so has "action A1" in its texts name something else (a plan's action), which is not warned of."""
        self.action_ids()
        return self._named_ids.get(body, {})

    def meeting_item_url(self, meeting: Meeting, ref: str) -> str | None:
        found = self.index.items.get(self.index.item_key(meeting, ref))
        if found is not None:
            return urls.item(meeting, self.bodies[meeting.body], found[1])
        for agenda in all_agenda_items(meeting.agenda):
            if agenda.ref.lower() == ref.lower():
                return urls.agenda_item(meeting, ref)
        return None

    def agenda_item_url(self, meeting: Meeting, ref: str) -> tuple[str | None, str]:
        """(address, "" or why none) of `item 7` in the text: the agenda's item 7, whose minute its `minute:` names
        where the minutes number it otherwise (the pack's item 7, minute CCBP/19/75), as a declaration names the
        item by the agenda the members had before them; else the meeting's item 7 (meeting_item_url). Where the
        meeting has a minute 7 of another item as well, which is meant is not known."""
        listed = next((item for item in all_agenda_items(meeting.agenda)
                       if item.minute and unpadded(item.ref) == unpadded(ref)), None)
        if listed is None or unpadded(listed.minute) == unpadded(listed.ref):
            return self.meeting_item_url(meeting, ref), ""
        body = self.bodies[meeting.body]
        minute = canonical(body.numbering, listed.minute) or listed.minute
        minuted = self.index.items.get(self.index.item_key(meeting, minute))
        other = self.index.items.get(self.index.item_key(meeting, ref))
        if minuted is None:  # its minute not published: the agenda's row, as for any item (or minute 7, if any)
            return self.meeting_item_url(meeting, ref), ""
        if other is not None and other[1] is not minuted[1]:
            number, shown = printed(body.numbering, minute), other[1].number
            named = f"{meeting.body}:{meeting.folder}/" if body.numbering.per_meeting else ""
            return None, (f"the agenda's item {listed.number} is minute {number}, and minute {shown} is another "
                          f"item: write [[{named}{number}]] for the one, or [[{named}{shown}]] for the other")
        return urls.item(meeting, body, minuted[1]), ""

    def approved_at(self, meeting: Meeting) -> list[Meeting]:
        """The meetings whose minutes say `approved_at:` `meeting`: "the last meeting" of its text where there is
        one (_last_meeting); made at the first such words, as few texts have any."""
        if self._approved is None:
            self._approved = {}
            for other in self.index.archive.meetings:
                if other.minutes and other.minutes.approved_at:
                    self._approved.setdefault(other.minutes.approved_at, []).append(other)
        return self._approved.get(meeting.key, [])

    def in_month(self, body: str, month: tuple[int, int]) -> list[Meeting]:
        """`body`'s meetings in `month` (year, month) that a text may name by its month alone (_month_meeting); none
        where the body held a meeting that month that is not published, as "the July meeting" may be that one."""
        prefix = f"{body}/{month[0]:04d}-{month[1]:02d}"
        if any(key.startswith(prefix) for key in self.unpublished if isinstance(key, str)):
            return []
        return [other for other in self.index.by_body.get(body, ()) if (other.date.year, other.date.month) == month]

    def no_meeting(self, body: str, day: dt.date, meeting: Meeting, word: str = "minute") -> str:
        """Why a minute (`word`: or item) of `body`'s meeting of `day`, cited in a text of `meeting`, links nowhere,
        and what to write, where the body's archive reaches over the day and holds no meeting of it (public or
        not): "" where it does not, as the archive then may not hold the meeting at all (_named_minutes). The
        meetings nearest it are the published ones; of those whose minutes are a draft, which a minute's link
        does not reach until they are approved, the message says so, lest the clerk cite one and be warned again."""
        held = self.index.by_body.get(body, ())
        iso = day.isoformat()
        if not held or not held[0].date <= day <= held[-1].date or \
                any(key.startswith(f"{body}/{iso}") for key in self.unpublished if isinstance(key, str)):
            return ""
        before = [other for other in held if other.date < day][-1:]
        after = [other for other in held if other.date > day][:1]
        nearest = " and ".join(spoken_date(other.date) for other in before + after) + \
            self._unlinked(body, before + after, word)
        others = sorted({self.bodies[other].short_name or other for other, at in self.by_date if at == iso})
        met = f"; {' and '.join(others)} met that day: to cite its minute, name the body ('of the {others[0]} " \
            f"meeting of {spoken_date(day)}')" if others else ""
        return f"{self.bodies[body].short_name or body} held no meeting on {spoken_date(day)} (its meetings " \
            f"nearest it: {nearest}){met}"

    def _unlinked(self, body: str, nearest: list[Meeting], word: str) -> str:
        """What a message naming `nearest`, `body`'s published meetings nearest a day, says of those a minute's link
        (`word`) would not reach, and of the private meetings between them, which none does: "; the minutes of 10
        October 2019 are a draft ...", lest the clerk cite one and be warned again."""
        drafts = [other.date for other in nearest if self._drafted(other, word)]
        low, high = nearest[0].date, nearest[-1].date
        private = sorted(day for day in (_folder_date(key.partition("/")[2]) for key in self.unpublished
                                         if isinstance(key, str) and key.partition("/")[0] == body)
                         if day is not None and low < day < high)
        return unreached(drafts, private)

    def _drafted(self, other: Meeting, word: str) -> bool:
        """Whether `other`'s minutes are unpublished as a draft and a `word` ("minute") of it would link to them
        alone, not to its agenda's row (as a body numbering per meeting's does)."""
        if word != "minute" or other.minutes is not None or \
                self.bodies[other.body].numbering.per_meeting and other.agenda:
            return False
        folder = other.source.path.rpartition("/")[0]
        return any(why == DRAFT and source.path.rpartition("/")[0] == folder
                   for why, source in self.unpublished.values())

    def no_meeting_in(self, body: str, month: tuple[int, int], meeting: Meeting) -> str:
        """Why a meeting of `body` in `month` (year, month) that a text of `meeting` says was held links nowhere,
        where the body's archive reaches over the month, before `meeting`, and holds none of its meetings in it,
        public or not: "" otherwise, as the archive may not hold the meeting (_past_month_meeting)."""
        held = self.index.by_body.get(body, ())
        first, last = dt.date(*month, 1), dt.date(month[0] + month[1] // 12, month[1] % 12 + 1, 1)
        if not held or not held[0].date < first or not last <= meeting.date or \
                any(key.startswith(f"{body}/{month[0]:04d}-{month[1]:02d}") for key in self.unpublished
                    if isinstance(key, str)):
            return ""
        before = [other for other in held if other.date < first][-1:]
        after = [other for other in held if other.date >= last][:1]
        nearest = " and ".join(spoken_date(other.date) for other in before + after) + \
            self._unlinked(body, before + after, "meeting")
        month_words = spoken_date(first).partition(" ")[2]
        return f"{self.bodies[body].short_name or body} held no meeting in {month_words} (its meetings nearest it: " \
            f"{nearest}): check the month, or name the meeting by its date"

    def nearest(self, body: str, ref: str) -> str:
        """A hint naming the existing numbers closest to a missing one."""
        if not self._sorted_refs:
            for (b, r) in self.index.items:
                self._sorted_refs.setdefault(b, []).append(r)
            for refs in self._sorted_refs.values():
                refs.sort(key=sort_key)
        refs = self._sorted_refs.get(body, [])
        if not refs:
            return "the archive has no minutes of that body"
        target = sort_key(ref)
        closest = sorted(refs, key=lambda r: _distance(sort_key(r), target))[:3]
        numbering = self.bodies[body].numbering  # named as the body prints them (C/2024/045), as the clerk looks
        return "nearest existing: " + ", ".join(printed(numbering, r) for r in sorted(closest, key=sort_key))

    def around(self, index, old: Meeting, new: Meeting) -> "Linker":
        """This linker for `index`: the archive with `old` replaced by `new` (resolve.with_meeting, which keeps
        its place among the meetings), whose date, minute numbers, actions, papers, agenda or attendance may
        differ. What the registers
        decide (the number patterns, the people) is shared. Its signature is one no linker of a whole archive
        has: what it resolves must not be cached as the full rebuild's (quick.py)."""
        derived = copy.copy(self)
        derived.index = index
        derived.by_date = {at: new if meeting is old else meeting for at, meeting in self.by_date.items()
                           if meeting is not old or new.date == old.date}
        derived.by_date.setdefault((new.body, new.date.isoformat()), new)  # no other meeting has its new day
        derived._initials = {key: found for key, found in self._initials.items() if key != new.key}
        if self.bodies[new.body].numbering.per_meeting:  # its runs of minutes, which its dates and numbers decide
            derived.runs = {key: run for key, run in self.runs.items() if run[0].body != new.body}
            derived.runs.update(_runs_on(index, {new.body: self.bodies[new.body]}))
        minuted = {item.ref for item in old.minutes.items} if old.minutes else set()
        if self._agenda is not None and minuted <= ({item.ref for item in new.minutes.items} if new.minutes else set()):
            # the edited meeting's agenda numbers taken out, and put in as they are now; a minute number gone
            # from it may be another agenda's now, which only a new map finds (at the next number no minute has)
            derived._agenda = {key: [c for c in candidates if c[1].key != old.key] if key[0] == old.body
                               else candidates for key, candidates in self._agenda.items()}
            derived._add_agenda(new)
            derived._agenda = {key: candidates for key, candidates in derived._agenda.items() if candidates}
        else:
            derived._agenda = None
        derived._sorted_refs = {}  # the hints' lists, not shared: only the edited body's differs
        derived._papers = None  # the edited meeting's papers may differ
        derived._approved = None  # and the meeting its minutes say approved them
        derived._action_ids, derived._named_ids = None, {}  # and its actions
        if self._sorted_refs:
            derived._sorted_refs = {**self._sorted_refs, new.body: sorted(
                (ref for body, ref in index.items if body == new.body), key=sort_key)}
        derived.signature = hashlib.sha256(f"{self.signature} around {new.key}".encode("utf-8")).hexdigest()
        return derived

    def targets(self, meeting: Meeting, known: bool = True) -> tuple:
        """What references can reach in the meeting besides its minute numbers (the signature's part for it):
        its date, the parts its minutes number in headings (24/007(a)), papers (and the items they are for, whose
        appendices "appendix 1 to item 9" names), appendices, agenda, the initials
        its attendance defines and the papers withheld as confidential. `known=False`: of an edited version of a
        meeting this linker knows by its key (quick.py), not from what it remembers."""
        initials = self.initials(meeting) if known else _initials(meeting, self.people)
        # what begins or continues a run of minutes "minute 29" is read in (_runs_on), besides its numbers and date
        run = (meeting.kind, meeting.adjourned_to, meeting.status, tuple(a.minute for a in all_agenda_items(
            meeting.agenda))) if self.bodies[meeting.body].numbering.per_meeting else ()
        return (meeting.key, meeting.date, meeting.title, run, meeting.minutes.approved_at if meeting.minutes else "",
                tuple((i.ref, i.parts) for i in meeting.minutes.items if i.parts) if meeting.minutes else (),
                tuple((p.ref, p.label, p.item, tuple(a.ref for a in p.appendices), tuple(sorted(p.appendix_anchors)))
                      for p in meeting.papers),
                tuple((a.ref, a.papers) for a in all_agenda_items(meeting.agenda)), tuple(sorted(initials.items())),
                meeting.withheld_papers)

    def run_minute(self, meeting: Meeting, number: str) -> str | None:
        """The page of minute `number` of the run of minutes `meeting`'s are numbered in (_runs_on), published at
        that meeting or before it; None where none is, or the meeting's minutes number on from no other's."""
        for other in self.runs.get(meeting.key, ()):
            if other.date > meeting.date:
                break
            found = self.index.items.get(self.index.item_key(other, number))
            if found is not None:
                return urls.item(other, self.bodies[other.body], found[1])
        return None

    def initials(self, meeting: Meeting) -> dict[str, str]:
        """Initials defined by this meeting's attendance, minus any two people share."""
        if meeting.key not in self._initials:
            self._initials[meeting.key] = _initials(meeting, self.people)
        return self._initials[meeting.key]

    def action_key(self, written: str, where: Where) -> str:
        """An action's key as `[[action:...]]` names it (_action_key), its minute's number canonical, as the action
        log reads it: C/2024/046#1 of a body printing C/2024/046 is C/2024/46#1."""
        key = _action_key(written, where)
        slug, colon, rest = key.partition(":")
        ref, hash_, n = rest.rpartition("#")
        body = self.bodies.get(slug) if colon and hash_ else None
        if body is None or body.numbering.per_meeting:
            return key
        return f"{slug}:{canonical(body.numbering, ref) or ref}#{n}"

    def posts(self) -> "_RegisterPosts":
        """The posts the people register gives (`Director of Finance`): "Action A27: Director of Finance to ..."
        is an action line, which inline_actions tells once with the fields to write; made at the first such line."""
        if self._posts is None:
            self._posts = _RegisterPosts(PeopleIndex(self.people))
        return self._posts

    def unresolved(self, target: str, where: Where) -> str:
        return _unresolved(self, target, where)

    def withheld(self, written: str, meeting: Meeting | None) -> tuple[str, str] | None:
        """(what is wrong, what to do) of a reference that does not resolve (`written` as the scan keeps it, in a
        text of `meeting`) because what it names is in the archive but not published: a private meeting, its
        minutes, or draft minutes. 'Does not resolve' alone sent the clerk looking for a typing mistake in a number
        that is right. The messages name the unpublished file; the page shows the reference as text, as it shows
        any that does not resolve, and nothing of what it names."""
        named = _withheld(self, written.strip(), meeting) if self.unpublished else None
        if named is None:
            return None
        what, key, code = named
        why, source = self.unpublished[key]
        said = f"reference '{written}' does not resolve: {what} is"
        at = f"({source.path}:{source.line})"
        if code is None:  # a private meeting, [[body/folder]]
            return f"{said} a private meeting {at}, which is never published", "it is shown as text, without a " \
                "link; to cite the meeting without this warning, name it in words, without [[...]]"
        if why == PRIVATE:
            return f"{said} in the minutes of a private meeting {at}, which are never published", \
                f"it is shown as text, without a link; to cite it so without this warning, write it as code, " \
                f"`{code}`, or leave the number out"
        return f"{said} in draft minutes {at}, which are not published until they are approved", \
            "once a meeting has approved them, write `status: approved` in them, and the reference links; till " \
            "then it is shown as text, without a link"

    def explicit(self, target: str, where: Where) -> tuple[str | None, str]:
        """The address `[[target]]` leads to (None: nothing published), and the words it is shown as when the
        clerk gave none (`[[target|words]]`): what the page it leads to is called, as a reader would name it,
        not the target as written (`person:sarah-prema`, `jhsc/2019-01-21`); without `body:` or `person:` when it
        leads nowhere, and is shown as text."""
        target = target.strip()
        if target.startswith("person:"):
            person = self.people.get(target[7:].strip())
            return (urls.person(person.id), person.name) if person else (None, target[7:].strip())
        if target.startswith("action:"):
            action = self.index.actions.get(self.action_key(target[7:].strip(), where))
            return (urls.action(action), f"action {action.number}") if action \
                else (None, f"action {target[7:].strip()}")
        body, sep, rest = target.partition(":")
        if sep and body in self.bodies and "/" not in body:
            b = self.bodies[body]
            if b.numbering.per_meeting:
                folder, _, ref = rest.strip().rpartition("/")
                meeting = self.index.by_key.get(f"{body}/{folder}")
                url = self.meeting_item_url(meeting, ref) if meeting else None
                return (url, f"item {ref}{_of(meeting, where)}") if url else (None, f"item {ref}")
            ref, sub = _number_and_part(b.numbering, rest)
            url = self.item_url(body, ref, sub) if ref else None
            # as the body prints it, C/2024/045, with the part as written: 24/007(a), 24/007 (ii)
            shown = renumbered(b.numbering, rest, ref) if sub else printed(b.numbering, ref) if ref else rest.strip()
            return (url, shown) if url else (None, shown)  # shown as text: the number, not `body:`
        parts = target.split("/")
        meeting = self.index.by_key.get(f"{parts[0]}/{parts[1]}") if len(parts) >= 2 else None
        if meeting is not None and len(parts) == 2:
            return urls.meeting(meeting), _meeting_words(meeting)
        if meeting is not None and len(parts) == 4 and parts[2] == "papers":
            paper = meeting.paper(parts[3])
            if paper is not None:
                return urls.paper(meeting, paper), f"{paper.name}{_of(meeting, where)}"
        return None, target


def _runs_on(index, bodies: dict) -> dict[str, tuple[Meeting, ...]]:
    """{meeting key: the meetings of its run of minutes, in date order} of the `bodies` numbering per meeting whose
    minutes run on from meeting to meeting, as a council's do through the municipal year (numbering.runs): there
    "minute 29" is one minute of the run, which the text's meeting's minutes number on from. A meeting of a body
    numbering each meeting afresh, its run its own (and not a year's, `year_starts:`), has none: its "minute 3" may
    cite the last meeting's as well as its own."""
    found: dict[str, tuple[Meeting, ...]] = {}
    for slug, body in sorted(bodies.items()):
        if not body.numbering.per_meeting:
            continue
        meetings = [meeting for meeting in index.by_body.get(slug, ()) if not meeting.status]
        run_of = runs(body.numbering, meetings, annual_meetings(body.numbering, meetings))
        members: dict[object, list[Meeting]] = {}
        for meeting in meetings:
            members.setdefault(run_of[meeting.key], []).append(meeting)
        for meeting in meetings:
            run = members[run_of[meeting.key]]
            if body.numbering.restarts or len(run) > 1:
                found[meeting.key] = tuple(run)
    return found


def _number_and_part(numbering, written: str) -> tuple[str | None, str]:
    """(the minute's number, canonical; the part, or "") that `[[body:...]]` names: `24/007(a)` names part (a)
    of 24/007, as the same words in running text do, where `canonical` knows no parts."""
    ref = canonical(numbering, written)
    if ref is not None:
        return ref, ""
    numbered = leading_part(numbering, written)
    return (numbered[0], numbered[1]) if numbered is not None and not numbered[2].strip() else (None, "")


def _folder_date(folder: str) -> dt.date | None:
    """The date a meeting's folder is named with (2019-10-01-private), else None."""
    try:
        return dt.date.fromisoformat(folder[:10])
    except ValueError:
        return None


def _meeting_words(meeting: Meeting) -> str:
    """A meeting as the site's links name it (the `meeting_link` macro): its title and date."""
    return f"{meeting.title}, {spoken_date(meeting.date)}"


def _of(meeting: Meeting, where: Where) -> str:
    """Which meeting a paper or item named by `[[...]]` is of, unless it is the text's own."""
    return "" if where.meeting is not None and where.meeting.key == meeting.key else \
        f" ({_meeting_words(meeting)})"


_EXPLICIT_FORMS = ("write [[body:number]], [[body/meeting-folder]], [[body/meeting-folder/papers/REF]], "
                   "[[person:id]] or [[action:id]]")


def _unresolved(linker: "Linker", target: str, where: Where) -> str:
    """What to do about an explicit reference that names nothing published: the nearest that is, where the
    reference is written rightly, and otherwise how such references are written. Only what is published is
    named: a private meeting's or a confidential item's address is never hinted at."""
    target = target.strip()
    kind, _, rest = target.partition(":")
    rest = rest.strip()
    if kind == "person" and rest:
        return (did_you_mean(rest, linker.people, "people", meant=closest_person)
                or "add them to the people register, or check the id")
    if kind == "action" and "#" in rest:
        key = linker.action_key(rest, where)
        minute = key.rpartition("#")[0]
        # named as the body prints them (C/2024/046#1), as the clerk finds them in the minutes
        listed = [_named_action(linker.index.actions[a], where) for a in sorted(linker.index.actions)
                  if a.rpartition("#")[0] == minute]
        slug, _, ref = minute.partition(":")
        body = linker.bodies.get(slug)
        shown = printed(body.numbering, ref) if body is not None else ref
        return f"its minute's actions are {', '.join(listed)}" if listed else \
            f"no action of {shown if slug == where.body else f'{slug}:{shown}'} is published"
    if rest and kind in linker.bodies and linker.bodies[kind].numbering.per_meeting:  # [[jc:2019-11-05/5]]
        folder, _, ref = rest.rpartition("/")
        meeting = linker.index.by_key.get(f"{kind}/{folder}")
        return f"{kind}/{folder} has no item {ref}" if meeting is not None else \
            f"no meeting {kind}/{folder} is published: check the folder's name (a private meeting is never linked)"
    if rest and kind in linker.bodies:
        numbering = linker.bodies[kind].numbering
        ref, sub = _number_and_part(numbering, rest)
        if ref and sub:  # as for the same words in running text (_find)
            return f"it is a part of minute {printed(numbering, ref)}, which the archive does not have; " \
                f"{linker.nearest(kind, ref)}"
        return linker.nearest(kind, ref) if ref else f"{linker.bodies[kind].short_name} numbers its minutes like " \
            f"{example(numbering)}"
    parts = target.split("/")
    if len(parts) in (2, 4) and parts[0] in linker.bodies:
        key = f"{parts[0]}/{parts[1]}"
        meeting = linker.index.by_key.get(key)
        if meeting is None:
            return f"no meeting {key} is published: check the folder's name (a private meeting is never linked)"
        if len(parts) == 4 and parts[2] == "papers":
            if parts[3].strip().lower() in {ref.lower() for ref in meeting.withheld_papers}:
                return f"paper {parts[3].strip()} of {key} is confidential, so it is not published: it is shown as " \
                    "text, without a link; to cite it without this warning, name it in words, without [[...]]"
            papers = ", ".join(sorted(p.ref for p in meeting.papers))
            return f"{key}'s papers are {papers}" if papers else f"{key} has no papers published"
    return _EXPLICIT_FORMS


def _withheld(linker: Linker, written: str, meeting: Meeting | None) -> tuple[str, object, str | None] | None:
    """(what a reference that does not resolve names, as a message says it; its key in Linker.unpublished; how to
    write it as code, None for a meeting) where that is unpublished; else None. `written` is read as the reference
    scan read it (_find), for each way of writing a reference that can name a minute or a meeting."""
    unpublished = linker.unpublished
    kind, colon, rest = written.partition(":")
    rest = rest.strip()
    if colon and kind == "action":  # [[action:TB/19/23#1]]: an action of an unpublished minute
        slug, _, key = linker.action_key(rest, Where(body=meeting.body if meeting else None)).partition(":")
        minute = (slug, key.rpartition("#")[0])
        return (f"action {rest}", minute, rest) if minute in unpublished else None
    if colon and kind in linker.bodies:  # [[tb:TB/19/23]], [[jc:2019-11-05/5]]
        numbering = linker.bodies[kind].numbering
        if numbering.per_meeting:
            folder, _, ref = rest.rpartition("/")
            found = (f"item {ref} of {kind}/{folder}", (kind, f"{folder}/{ref}"), ref)
        else:
            ref = canonical(numbering, rest)
            found = (f"minute {printed(numbering, ref)}", (kind, ref), printed(numbering, ref)) if ref else None
        return found if found is not None and found[1] in unpublished else None
    if colon:
        return None
    item = _ITEM.fullmatch(written) if meeting is not None else None
    if item is not None:  # `item 5` of a body numbering per meeting: this meeting's own
        key = (meeting.body, f"{meeting.folder}/{item.group(1).lower()}")
        return (f"item {item.group(1)}", key, item.group(1)) if key in unpublished else None
    parts = written.split("/")
    if len(parts) in (2, 4) and f"{parts[0]}/{parts[1]}" in unpublished:  # [[tb/folder]], [[tb/folder/papers/A]]
        return f"{parts[0]}/{parts[1]}", f"{parts[0]}/{parts[1]}", None
    for slug, body in sorted(linker.bodies.items()):  # a number, as _find matches it to the first body it fits
        if body.numbering.per_meeting:
            continue
        ref = canonical(body.numbering, written)
        numbered = leading_part(body.numbering, written) if ref is None else None  # TB/19/23(a)
        ref = numbered[0] if numbered is not None and not numbered[2].strip() else ref
        if ref is not None:
            return (f"minute {printed(body.numbering, ref)}", (slug, ref), written) if (slug, ref) in unpublished \
                else None
    return None


def _named_action(action, where: Where) -> str:
    """An action as a message names it: its id as the body prints it, with its body where the text is another's."""
    return action.number if action.body == where.body else f"{action.body}:{action.number}"


def _action_key(key: str, where: Where) -> str:
    """An action's id as `[[action:...]]` names it, with the body of the text it is in unless it names one."""
    return f"{where.body}:{key}" if ":" not in key.split("/")[0] and where.body else key


def _distance(a: tuple, b: tuple) -> tuple:
    nums_a = [p[1] for p in a if p[0] == 0]
    nums_b = [p[1] for p in b if p[0] == 0]
    return (0 if a[:-2] == b[:-2] else 1, abs((nums_a or [0])[-1] - (nums_b or [0])[-1]))




# ---- the markdown-it rule ---------------------------------------------------------

@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    url: str | None  # None: dangling, shown as text
    text: str
    hint: str = ""
    report: bool = True
    written: str = ""  # how a dangling reference is named in the warning, when not `text`
    also: tuple[str, ...] = ()  # further pages it cites, without a link of their own: a range's minutes (_range)
    gaps: bool = False  # it links, yet names something missing too, which `problem` says: a range (_range)
    problem: str = ""  # of a reference that links (gaps): "does not resolve" would be untrue


def _find(text: str, linker: Linker, where: Where) -> tuple[list[_Match], int]:
    """The references in one run of text, and how far what looks like one reaches (NOWHERE, MEETING, ARCHIVE).

    Looking like one depends only on the bodies' numbering (Linker.finders),
    never on which items, papers, meetings or people exist: a run in which
    nothing does has no references whatever the archive holds.
    """
    found: list[_Match] = []
    meeting = where.meeting
    per_meeting = meeting is not None and linker.bodies[meeting.body].numbering.per_meeting
    explicit = _matches(EXPLICIT, text, "[[")
    digits = _may_hold_digits(text)  # every minute number has one (NumberFinder)
    numbers = list(linker.numbers.finditer(text)) if digits else []
    incomplete = list(linker.incomplete.finditer(text)) if digits else []
    if linker.incomplete_plain is not None:
        incomplete += [m.span() for m in linker.incomplete_plain.finditer(text)]
    on_date, papers, items, items_of, capitals, words, bodies_named, last, months, held_in = ([] for _ in range(10))
    if meeting is not None:
        meeting_word = "eeting" in text  # in every match of _MEETING, _MONTH_MEETING and, in lower case, _LAST_MEETING
        on_date = list(_MEETING.finditer(text)) if meeting_word else []
        papers = _matches(_PAPER, text, "Paper", "Enclosure", "Appendix", "Annex")
        capitals = list(_INITIALS.finditer(text)) if _TWO_CAPITALS.search(text) else []
        # (a body numbering by a pattern names an item so only where its agenda numbers the pack's items: 7 for
        # CCBP/19/75)
        items = _matches(_ITEM, text, *(("tem",) if per_meeting else ("item ", "Item ", "items ", "Items ")))
        minute_of = per_meeting and digits and " of " in text  # "minute 7.1 of 12 March 2024": no "meeting"
        # ("item 7 of the agenda of 3 May", as an item of another meeting's agenda is cited, has no "meeting")
        agenda_of = digits and ("agenda of " in text or "agenda for " in text)
        items_of = _matches(_ITEM_OF, text, "tem", "inute") if on_date or minute_of or agenda_of else []
        if not per_meeting:
            items_of = [m for m in items_of if not m.group(1)]  # its minutes' numbers are its own (_minute_words)
        bodies_named = _matches(_NAMED_OF, text, "inute", "tem") if digits and " of " in text else []
        last = _last_words(text, meeting_word)
        months = _matches(_MONTH_MEETING, text, *_MONTH_NAMES) if meeting_word else []
        held_in = _matches(_PAST_MONTH_MEETING, text, "eeting in ", "eeting held in ") if meeting_word else []
        # (of a body numbering per meeting, read where its minutes run on from meeting to meeting: _run_words)
        words = _matches(_MINUTE_WORDS, text, "inute") if digits else []
    # (an appendix of another meeting's minute reaches into the archive: each is rare enough to be taken so)
    appendices = _matches(_APPENDIX_TO, text, "ppendi", "PPENDI", "nnex", "NNEX") if meeting is not None else []
    own = _matches(_APPENDIX_HERE, text, *_HERE) if meeting is not None and where.paper is not None else []
    action_words = [m for m in _matches(_ACTION_WORDS, text, "action", "Action", "ACTION")
                    if _LETTER_AND_DIGIT.match(m.group(1))] if digits and where.body else []
    archive = (explicit or numbers or incomplete or on_date or items_of or words or action_words or bodies_named
               or last or months or held_in or appendices)
    reach = ARCHIVE if archive else MEETING if papers or items or capitals or own else NOWHERE
    if reach == NOWHERE:
        return found, reach
    for m in explicit:
        url, named = linker.explicit(m.group(1), where)
        label = (m.group(2) or named).strip()
        found.append(_Match(m.start(), m.end(), url, label, "" if url else linker.unresolved(m.group(1), where),
                            written=m.group(1).strip()))
    cited: dict[int, tuple[Meeting, str]] = {}  # where a minute number ends: its meeting, and the number as printed
    for start, end in numbers:
        reading = _reading(text, start, end, linker, where.body)
        if reading is None:
            continue
        start, slug, numbering, ref = reading
        written = text[start:end]
        sub = part(text, end)  # 24/007(a): the item's part, linked with the number
        if sub is not None:
            url = linker.item_url(slug, ref, sub[0])
            hint = "" if url else f"it is a part of minute {printed(numbering, ref)}, which the archive does " \
                f"not have; {linker.nearest(slug, ref)}"
            found.append(_Match(start, sub[1], url, text[start:sub[1]], hint))
            continue
        action = _ACTION_ID.match(text, end)
        if action is not None:  # as the action's page, the tracker and the logs name it
            key = f"{slug}:{ref}#{action.group(1)}"
            named = linker.index.actions.get(key)
            hint = "" if named else linker.unresolved(f"action:{key}", where)
            found.append(_Match(start, action.end(), urls.action(named) if named else None,
                                text[start:action.end()], hint))
            continue
        url = linker.item_url(slug, ref)
        found.append(_Match(start, end, url, written, "" if url else linker.nearest(slug, ref)))
        minuted = linker.index.items.get((slug, ref)) if url else None
        if minuted is not None:
            cited[end] = minuted[0], printed(numbering, ref)
        _continuations(text, start, end, ref, numbering, slug, linker, found)
    for m in action_words:
        _action_words(m, linker, where, found)
    for start, end in incomplete:
        written = text[start:end]
        for slug in linker.by_head_shape.get(shape(written), ())[:1]:
            found.append(_Match(start, end, None, written,
                                f"the minute number is incomplete; {linker.nearest(slug, written)}"))
    if meeting is not None:
        spans = [(m.start(2), m.end()) for m in bodies_named]
        if spans:  # what the words naming another body's meeting hold is not this meeting's, nor this body's
            on_date, items_of, words, items, papers = (
                [m for m in matches if not any(start <= m.start() < end for start, end in spans)]
                for matches in (on_date, items_of, words, items, papers))
        for m in bodies_named:
            _named_minutes(m, meeting, linker, found)
        for m in on_date:
            if _NEXT.search(text, max(0, m.start() - 20), m.start()) and not m.group(1)[-1].isdigit():
                continue  # "the next meeting on 3 October": a day to come, not last year's 3 October
            target = _cited_meeting(linker, meeting, m.group(1), _body_before(linker, text, m.start(), meeting))
            if target is not None and target is not meeting:
                found.append(_Match(m.start(1), m.end(1), urls.meeting(target), m.group(1)))
        for m in months:
            _month_meeting(m, meeting, linker, found)
        for m in held_in:
            _past_month_meeting(m, meeting, linker, found)
        for m in last:
            before = linker.approved_at(meeting)
            if len(before) == 1 and before[0].date < meeting.date:
                found.append(_Match(m.start(), m.end(), urls.meeting(before[0]), m.group(0)))
        for m in papers:
            minute = cited.get(_number_before(text, m.start())) if cited and m.group(1) in _ANY_PAPER else None
            if minute is not None and minute[0] is not meeting:  # "TB/19/13 (Paper A)": the paper that minute had
                other, number = minute
                url, papers = _papers_of(other, m.group(2))
                hint = f"minute {number} of {spoken_date(other.date)} has no paper {m.group(2)}; its meeting's " \
                    f"papers are: {papers}" if papers else ""
                found.append(_Match(m.start(), m.end(), url, m.group(0), hint, report=bool(hint),
                                    written=f"{number} ({m.group(0)})"))
                reach = ARCHIVE
                continue
            of = _OF_MEETING.match(text, m.end())
            if of is not None and m.group(1) in _ANY_PAPER:  # another meeting's, which its date names
                reach = ARCHIVE
                other = _cited_meeting(linker, meeting, of.group(1))
                if other is not meeting:  # not of a meeting the archive has: no guess at which paper is meant
                    url, papers = _papers_of(other, m.group(2)) if other is not None else (None, "")
                    hint = f"the meeting of {spoken_date(other.date)} has no paper {m.group(2)}; its papers are: " \
                        f"{papers}" if papers else ""
                    found.append(_Match(m.start(), m.end(), url, m.group(0), hint, report=bool(hint),
                                        written=m.group(0) + of.group(0)))
                    continue
            itself = where.paper
            if itself is not None and (itself.label.lower(), itself.ref.lower()) == (m.group(1).lower(),
                                                                                     m.group(2).lower()):
                continue  # "Appendix 2: ..." in the title of Appendix 2: the page it is on
            url, hint, beyond = _paper(m.group(1), m.group(2), where, linker)
            found.append(_Match(m.start(), m.end(), url, m.group(0), hint, report=bool(url or hint)))
            reach = ARCHIVE if beyond else reach
        for m in appendices:
            _appendix_to(m, numbers, linker, where, found)
        for m in own:
            _own_appendix(m, where, found)
        for m in items_of:  # before this meeting's items, which the same words would otherwise be read as
            other = _cited_meeting(linker, meeting, m.group(3))
            day = _cited_day(meeting, m.group(3)) if other is None else None
            word = "minute" if m.group(1) else "item"
            absent = linker.no_meeting(meeting.body, day, meeting, word) if day is not None else ""
            for number in _ITEM_NUMBER.finditer(m.group(2)):
                url = linker.meeting_item_url(other, number.group(0)) if other is not None else None
                found.append(_Match(m.start(2) + number.start(), m.start(2) + number.end(), url, number.group(0),
                                    f"the meeting of {spoken_date(other.date)} has no such {word}"
                                    f"{_numbered(linker, other)}{_elsewhere(linker, other, number.group(0), word)}"
                                    if other else absent,
                                    report=other is not None or bool(absent),
                                    written=f"{word} {number.group(0)}{text[m.end(2):m.end()]}"))
        for m in words:
            (_run_words if per_meeting else _minute_words)(m, meeting, linker, found)
        for m in items:
            ranged = _ITEM_RANGE.match(text, m.end()) if per_meeting and m.group(0)[:5].lower() == "items" else None
            if ranged is not None and _item_range(m, ranged, meeting, linker, found):
                continue
            _items(m, meeting, linker, per_meeting, found)
        initials = linker.initials(meeting) if capitals else None
        if initials:
            for m in capitals:
                pid = initials.get(m.group(1))
                if pid:
                    found.append(_Match(m.start(), m.end(), urls.person(pid), m.group(1)))
    return _without_overlaps(found, text), reach


def _appendix_to(m: re.Match, numbers: list, linker: Linker, where: Where, found: list) -> None:
    """`appendix 1 to item 9`, `Appendix A to Paper 4.2`, `appendix 2 to minute CCBP/19/70` (`m`: _APPENDIX_TO's):
    the whole words link to the appendix's heading on the page of the paper it is appended to (as `Appendix 1` in
    that paper's own text does), else to that paper or item, whose appendix may be in the pack alone. Only where
    the paper lists or heads appendices of its own, none of them this one, did the clerk clearly mean one it does
    not have: a warning, the words still linking to the paper. "Appendix 1" alone was read as the text's own
    paper's appendix (a warning in another paper's text), and in the minutes not at all. Words naming no paper or
    item the meeting has are left to the scans of `Paper 4.2` and `item 9`, which say so; the appendix's words are
    then no reference of their own. "Appendix 2 to Paper D", the title of Appendix 2, is that paper's own name."""
    text, ref, meeting, itself = m.string, m.group(1), where.meeting, where.paper
    if itself is not None and itself.label.lower() in _APPENDIX_LABELS and itself.ref.lower() == ref.lower():
        return
    end = m.end()
    if (m.group(2) or m.group(3)) and _OF_MEETING.match(text, end):
        url = None  # "Appendix A to Paper C of 14 March 2019": another meeting's, which the words after it name
    elif m.group(2) is not None:  # Paper 4.2, Enclosure E: the meeting's paper of that ref, whatever its label
        paper = meeting.paper(m.group(2))
        url = urls.paper(meeting, paper) if paper is not None else None
        papers, named = [paper] if paper is not None else [], ""
    elif m.group(3) is not None:  # item 9: the papers for the agenda's item 9, or its minute's
        url, hint = linker.agenda_item_url(meeting, m.group(3).lower())
        if hint:  # which of two items is meant is not known: "item 9"'s own warning says so
            url = None
        papers, named = _item_papers(meeting, {unpadded(m.group(3))}, linker), f"item {m.group(3)}"
    else:  # minute CCBP/19/70: the papers of that minute's meeting for it
        at = next(((start, stop) for start, stop in numbers if start == end), None)
        reading = _reading(text, at[0], at[1], linker, where.body) if at is not None else None
        if reading is None or reading[0] != end or part(text, at[1]) is not None:
            return
        _, slug, numbering, number = reading
        minuted = linker.index.items.get((slug, number))
        url = linker.item_url(slug, number) if minuted is not None else None
        end, named = at[1], f"minute {printed(numbering, number)}"
        papers = _item_papers(minuted[0], {unpadded(number)}, linker) if minuted is not None else []
        meeting = minuted[0] if minuted is not None else meeting
    if url is None:  # no such paper or item: its own scan warns of it, and the appendix is no reference alone
        found.append(_Match(m.start(), m.start(1) + len(ref), None, text[m.start():m.start(1) + len(ref)],
                            report=False))
        return
    written = text[m.start():end]
    for paper in papers:
        if any(appendix.ref.lower() == ref.lower() for appendix in paper.appendices) or \
                ref.lower() in paper.appendix_anchors:
            found.append(_Match(m.start(), end, urls.paper(meeting, paper) + "#" + paper.appendix_anchor(ref),
                                written))
            return
    if len(papers) == 1:  # an item's one paper, whose pack the appendix is in: its page, not the item's
        url, named = urls.paper(meeting, papers[0]), papers[0].name
    listing = [paper for paper in papers if paper.appendices or paper.appendix_anchors]
    if len(listing) != len(papers) or not papers:  # one whose appendices are not transcribed may have it
        found.append(_Match(m.start(), end, url, written))
        return
    has = sorted({a.ref for paper in listing for a in paper.appendices} |
                 {anchor.upper() for paper in listing for anchor in paper.appendix_anchors}, key=sort_key)
    whose = said_list([paper.name for paper in listing])
    found.append(_Match(m.start(), end, url, written, "check its number or letter, or list the appendix under "
                        "the paper's `appendices:`", gaps=True,
                        problem=f"names an appendix {ref} that {whose} does not have (its appendices: "
                        f"{said_list(has)}), and links to {named}"))


def _appendices_had(paper) -> str:
    """What a warning of an appendix a paper does not have says of those it has: listed in `appendices:` or headed in
    its text, so the clerk sees at once whether the number or the list is wrong."""
    has = sorted({appendix.ref for appendix in paper.appendices} | {a.upper() for a in paper.appendix_anchors},
                 key=sort_key)
    return f"its appendices: {said_list(has)}" if has else "it lists none in `appendices:` and heads none in its text"


def _own_appendix(m: re.Match, where: Where, found: list) -> None:
    """`see Appendix 1 to this report`, `appendix 2 of this paper`, `Appendix A (attached)` in a paper's text
    (`m`: _APPENDIX_HERE's): the whole words link to the appendix's heading, or the list of its appendices, on the
    paper's own page, where "Appendix 1" alone linked without the words after it, and "appendix 2" in lower case
    not at all. The words say the clerk meant the paper's own appendix: one it does not have is text, and a warning
    names those it has, or says it writes out none (as "Appendix 3" alone is warned of), where the appendix, in the
    pack alone, is listed with a `note:`. In an appendix (a paper labelled Appendix or Annex) "this report" may be
    the report it is appended to: not read there."""
    paper, ref, written = where.paper, m.group(1), m.group(0)
    if paper.label.lower() in _APPENDIX_LABELS:
        return
    if any(appendix.ref.lower() == ref.lower() for appendix in paper.appendices) or \
            ref.lower() in paper.appendix_anchors:
        found.append(_Match(m.start(), m.end(), urls.paper(where.meeting, paper) + "#" + paper.appendix_anchor(ref),
                            written))
        return
    its = _appendices_had(paper)
    found.append(_Match(m.start(), m.end(), None, written, "check its number or letter, or list the appendix under "
                        "the paper's `appendices:` (with `note: Available on request` where it is not published)",
                        problem=f"names an appendix {ref} that {paper.name} does not have ({its}); it is shown as "
                        "text, without a link"))


def _item_papers(meeting: Meeting, numbers: set[str], linker: Linker) -> list[Paper]:
    """The published papers of `meeting` for its item of one of `numbers` (unpadded): those whose `item:` is it,
    and those its agenda item or its minute lists; an agenda item's minute (CCBP/19/75 of the pack's item 9) is
    the same item."""
    numbering = linker.bodies[meeting.body].numbering
    wanted = set(numbers)
    listed_refs: set[str] = set()

    def key(ref: str) -> str:  # CCBP/19/075 as CCBP/19/75, a pattern's number canonical; 05 as 5
        return unpadded(ref if numbering.per_meeting else canonical(numbering, ref) or ref)

    for agenda in all_agenda_items(meeting.agenda):
        if key(agenda.ref) in wanted or key(agenda.minute_ref) in wanted:
            wanted |= {key(agenda.ref), key(agenda.minute_ref)}
            listed_refs |= {ref.lower() for ref in agenda.papers}
    for item in meeting.minutes.items if meeting.minutes else ():
        if key(item.ref) in wanted:
            listed_refs |= {ref.lower() for ref in item.papers}

    def its(paper: Paper) -> bool:
        return bool(paper.item) and key(paper.item) in wanted

    return [paper for paper in meeting.papers if its(paper) or paper.ref.lower() in listed_refs]


def _items(m: re.Match, meeting: Meeting, linker: Linker, per_meeting: bool, found: list) -> None:
    """`item 5`, `item 3a`, `item 3(a)`, `items 5, 6 and 8` (`m`: _ITEM's "item 5"), of the meeting the text is
    in: each number its agenda's item, or its minute (Linker.agenda_item_url). `item 3(a)` is the meeting's item
    3a where it has one (a body numbering per meeting heads the pack's 3(a) `## 3a`), else item 3's page, the part
    linked with the number, as `24/007(a)` links its minute's. In a body numbering per meeting, the numbers the
    meeting has no item of are one warning naming the words the clerk wrote ('items 5 and 6', not 'items 5'), and
    the numbers it lacks; one whose item is unpublished keeps its own warning, which says why (Linker.withheld)."""
    text, number = m.string, m.group(1)
    listed = _ITEM_LIST.match(text, m.end()) if m.group(0)[:5].lower() == "items" else None
    sub = part(text, m.end()) if listed is None and "(" in text[m.end():m.end() + 3] else None
    if sub is not None and sub[0].isalpha() and len(sub[0]) == 1:  # item 3(a): its 3a, else its item 3's part
        url, hint = linker.agenda_item_url(meeting, f"{number}{sub[0]}".lower())
        if not (url or hint):
            url, hint = linker.agenda_item_url(meeting, number.lower())
        if url or hint or per_meeting:
            found.append(_Match(m.start(1), sub[1], url, text[m.start(1):sub[1]], hint or ("" if url else "this "
                                "meeting has no such item"), written=text[m.start():sub[1]]))
        return
    spans = [m.span(1)] + [(m.end() + n.start(), m.end() + n.end())
                           for n in (_ITEM_NUMBER.finditer(listed.group(0)) if listed is not None else ())]
    missing = []
    for start, end in spans:
        number = text[start:end]
        url, hint = linker.agenda_item_url(meeting, number.lower())
        single = f"item {number}" if listed is not None else m.group(0)
        if url or hint:
            found.append(_Match(start, end, url, number, hint, written=single))
        elif per_meeting and listed is not None and linker.withheld(single, meeting) is None:
            missing.append((start, end))
        elif per_meeting:
            whole = number[:-1] if number[-1].isalpha() else ""  # item 3a, of a meeting with an item 3 but no 3a
            hint = f"this meeting has no item {number}, but has an item {whole}: for its part ({number[-1]}), write " \
                f"item {whole}({number[-1]})" if whole and linker.agenda_item_url(meeting, whole)[0] else \
                "this meeting has no such item"
            found.append(_Match(start, end, None, number, hint, written=single))
    if not missing:
        return
    (start, end), numbers = missing[0], [text[s:e] for s, e in missing]
    said = f"{', '.join(numbers[:-1])} or {numbers[-1]}" if len(numbers) > 1 else numbers[0]
    written = text[m.start():listed.end()]
    if len(missing) == len(spans):
        found.append(_Match(start, end, None, text[start:end], f"this meeting has no item {said}", written=written))
    else:
        found.append(_Match(start, end, None, text[start:end], "check their numbers",
                            written=written, gaps=True, problem=f"names {'items' if len(numbers) > 1 else 'item'} "
                            f"{said.replace(' or ', ' and ')}, which this meeting has none of"))
    found.extend(_Match(start, end, None, text[start:end], report=False) for start, end in missing[1:])


def _reading(text: str, start: int, end: int, linker: Linker, body: str | None) -> tuple | None:
    """(where it starts, body, that body's numbering, the number canonical) of the minute number found at
    `text[start:end]`, in a text of `body`: the first body whose pattern it fits, as it is written whole; but where
    another body's pattern and the text's own body's overlap (`{yy}/{n}` and `Minute {n}/{yy}`), the text's own
    body's minute, as its clerk most likely means it, unless only the other's is in the archive: `Minute 23/19` in
    the minutes of a council numbering `{yy}/{n}` is its own minute 23/19 after the word "Minute", and `23/19` in a
    cabinet's numbering `Minute {n}/{yy}` its own Minute 23/19 without the word. Only a word of the minutes' prose
    is read so ("Minute", _PROSE_WORDS): `CCBP/19/70` says whose it is, and is CCB's in any body's text."""
    written = text[start:end]
    found = next(((start, slug, numbering, ref) for slug, numbering in linker.by_shape.get(shape(written), ())
                  if (ref := canonical(numbering, written)) is not None), None)
    own = linker.bodies.get(body) if body else None
    if own is None or own.numbering.per_meeting or (found is not None and found[1] == body):
        return found
    mine = None
    head = own.numbering.pattern.split("{", 1)[0]  # "Minute " of "Minute {n}/{yy}": 23/19 written without it
    if head.strip(" .:").lower() in _PROSE_WORDS and (ref := canonical(own.numbering, head + written)):
        mine = start, body, own.numbering, ref
    word = _PROSE_WORD.match(written)  # "Minute " before 23/19 of "{yy}/{n}"
    if mine is None and word is not None and word.group(1).lower() in _PROSE_WORDS and \
            (ref := canonical(own.numbering, written[word.end():])):
        mine = start + word.end(), body, own.numbering, ref
    if mine is None or found is None:
        return mine or found
    published = (body, mine[3]) in linker.unpublished or linker.item_url(body, mine[3]) is not None
    return found if not published and linker.item_url(found[1], found[3]) is not None else mine


def _papers_of(meeting: Meeting, ref: str) -> tuple[str | None, str]:
    """(the address of `meeting`'s paper `ref`, None without one; else the papers it has, for the warning, "" where
    the paper is one withheld as confidential, which its minutes may name and which has no page to link to)."""
    paper = meeting.paper(ref)
    if paper is not None:
        return urls.paper(meeting, paper), ""
    if ref.lower() in {withheld.lower() for withheld in meeting.withheld_papers}:
        return None, ""
    return None, ", ".join(sorted(p.name for p in meeting.papers)) or "none"


def _number_before(text: str, start: int) -> int:
    """Where a minute's number ends that the paper at `start` follows, as "TB/19/13 (Paper A)" names the paper of
    minute TB/19/13's meeting: back past spaces and an opening bracket."""
    before = text[:start].rstrip()
    return len(before[:-1].rstrip()) if before.endswith("(") else len(before)


def _cited_meeting(linker: Linker, meeting: Meeting, written: str, body: str = "") -> Meeting | None:
    """The meeting of `meeting`'s body (or of `body`) that a text of `meeting` names by its date (_DATE)."""
    day = _cited_day(meeting, written)
    return linker.by_date.get((body or meeting.body, day.isoformat())) if day is not None else None


def _cited_day(meeting: Meeting, written: str) -> dt.date | None:
    """The day a text of `meeting` names (_DATE): one without its year is the last such day on or before
    `meeting`'s ("the meeting of 3 October" in November's minutes); None for no day (30 February)."""
    words = written.split()
    if len(words) == 2:
        try:
            day = parse_date(f"{written} {meeting.date.year}")
        except Invalid:
            return None
        if day > meeting.date:
            try:
                day = parse_date(f"{written} {meeting.date.year - 1}")
            except Invalid:  # 29 February
                return None
    else:
        try:
            day = parse_date(written)
        except Invalid:
            return None
    return day


def _continuations(text, first, end, ref, numbering, slug, linker, found) -> None:
    """`CCBP/19/70–72` and `CCBP/19/70 and /71`: each further number links too; a range, `CCBP/19/70–72` or
    `CCBP/19/70 to 72`, as one link to its first minute that has a page, every minute in it cited (_range). Only
    where the number comes last: the 24 of `23/19 to 24` ({n}/{yy}) is no minute 23/24, of 2024."""
    if not numbering.pattern.endswith("/{n}"):
        return
    position = end
    while True:
        c = _CONTINUE.match(text[position:])
        if not c:
            break
        joiner, number = (c.group(1), c.group(2)) if c.group(2) else (c.group(3), c.group(4))
        start = position + len(joiner) + (0 if c.group(2) else 1)
        written = ref.rsplit("/", 1)[0] + "/" + str(int(number)) if "/" in ref else number
        other = canonical(numbering, written)
        if other is None:
            break
        if c.group(2) and position == end and _range(text, first, end + c.end(), ref, other, numbering, slug,
                                                     linker, found):
            position += c.end()
            continue
        url = linker.item_url(slug, other)
        found.append(_Match(start - (0 if c.group(2) else 1), position + c.end(), url, text[start - (0 if c.group(2)
                            else 1):position + c.end()], "" if url else linker.nearest(slug, other),
                            written=other))  # the warning names CCBP/19/99, not the '99' of 'CCBP/19/70 to 99'

        position += c.end()
    _listed(text, position, ref, numbering, slug, linker, found)


RANGE_MOST = 50  # minutes in a range read as one (_range); past it, as its two ends


def _range(text: str, start: int, end: int, ref: str, last: str, numbering, slug: str, linker: Linker,
           found: list, said: str = "") -> bool:
    """Whether `text[start:end]` (`CCBP/19/70–72`: minute `ref`, a dash or "to", and the number of minute `last`)
    is read as a range: one link, to its first minute that has a page, and a backlink on the page of every minute
    in it, as the minutes between its ends are cited as much as they are. One warning names the numbers in it
    that no published minute (or agenda) has, which may be a mistake in either end. Not a range: ends the wrong
    way round, more than RANGE_MOST minutes, a pattern whose number does not come last, one that takes in a
    minute of a private meeting or of draft minutes, which its own warning names (Linker.withheld) where "no
    published minute" sent the clerk looking for a mistake in numbers that are right. `said`: the range as the
    warning names it, where the words before the link are part of it ("minutes 70 to 72": _minute_words)."""
    low, high = parts(numbering, ref), parts(numbering, last)
    if not numbering.pattern.endswith("/{n}") or low is None or high is None or \
            not 0 < high["n"] - low["n"] < RANGE_MOST:
        return False
    year = low.get("yyyy", low.get("yy", 0))
    numbers = [canonical(numbering, compose(numbering, n, year)) for n in range(low["n"], high["n"] + 1)]
    pages = [(number, linker.item_url(slug, number)) for number in numbers]
    linked = [url for _, url in pages if url]
    missing = [number for number, url in pages if url is None]
    if any(linker.withheld(printed(numbering, number), None) for number in missing):
        return False  # its ends are read as before, each one that is not published said to be so, and why
    written = text[start:end]
    taken = f"takes in {_runs(missing, lambda ref: printed(numbering, ref))}, which no published minute (or agenda) " \
        "has" if missing else ""
    found.append(_gaps(start, end, linked, written, said or written, taken, "check the numbers at its ends, or cite "
                       "the minutes it means one by one"))
    return True


def _minute_words(m: re.Match, meeting: Meeting, linker: Linker, found: list) -> None:
    """`minute 70`, `minutes 70 to 72`, `minutes 70, 71 and 73` in a text of a meeting of a body numbering by a
    pattern (`m`: _MINUTE_WORDS's "minute 70"): the body's own minutes, of the year its meeting's minutes are
    numbered in (CCBP/19/70 in minutes numbered CCBP/19/...), published at that meeting or before it; followed by
    "of 22 August 2019", or "of the meeting held on ...", that meeting's minutes, of its year. A number read so
    links only where such a minute is published, without a warning where none is: the words "minute 5" are not
    always a reference, nor is the year they mean known where the meeting's minutes give none, or two (a body
    numbering by calendar year, in January: write the number in full). A range is read as a range of numbers
    written in full is (_range)."""
    text, slug = m.string, meeting.body
    numbering = linker.bodies[slug].numbering
    plural = m.group(1).lower() == "minutes"
    ranged = _WORD_RANGE.match(text, m.end()) if plural else None
    listed = _LIST.match(text, m.end()) if plural and ranged is None else None
    of = _OF_DATE.match(text, (ranged or listed or m).end())
    context = _cited_meeting(linker, meeting, of.group(1)) if of is not None else meeting
    if of is not None and ranged is None and listed is None:  # "minute 75 of 22 August 2019": warned of, dated
        _dated_minute(m, of, context, meeting, linker, found)
        return
    own = [parts(numbering, item.ref) for item in context.minutes.items] if context and context.minutes else []
    years = {number.get("yyyy", number.get("yy", 0)) for number in own if number is not None}
    if len(years) != 1:
        return
    year = years.pop()

    def minute(number: str) -> str | None:
        ref = canonical(numbering, compose(numbering, int(number), year))
        at = linker.index.items.get((slug, ref)) if ref else None
        if at is None or (at[0].key != context.key if of is not None else at[0].date > meeting.date):
            return None
        return ref

    first = minute(m.group(2))
    if ranged is not None:  # read as a range where its first minute is read (_range warns of the numbers it lacks)
        last = canonical(numbering, compose(numbering, int(ranged.group(1)), year))
        if first and last and _range(text, m.start(2), ranged.end(), first, last, numbering, slug, linker, found,
                                     said=text[m.start():ranged.end()]):
            return
        for (start, end), ref in ((m.span(2), first), (ranged.span(1), minute(ranged.group(1)))):  # each end
            if ref is not None:
                found.append(_Match(start, end, linker.item_url(slug, ref), text[start:end], written=ref))
        return
    if first is not None:  # "minute 75(b)": the heading of its part (b), as "CCBP/19/75(b)" links it, where it has one
        sub = part(text, m.end(2)) if not listed else None
        url = linker.item_url(slug, first)
        parted = linker.item_url(slug, first, sub[0]) if sub is not None else url
        end = sub[1] if parted != url else m.end(2)
        found.append(_Match(m.start(2), end, parted, text[m.start(2):end], written=first))
    before = int(m.group(2))
    for c in _LISTED.finditer(text, m.end(), listed.end()) if listed is not None else ():
        if int(c.group(2)) <= before:
            return
        before, ref = int(c.group(2)), minute(c.group(2))
        if ref is not None:
            found.append(_Match(c.start(2), c.end(2), linker.item_url(slug, ref), c.group(2), written=ref))


def _dated_minute(m: re.Match, of: re.Match, context: Meeting | None, meeting: Meeting, linker: Linker,
                  found: list) -> None:
    """`minute 70 of 22 August 2019` (`m` _MINUTE_WORDS's "minute 70", `of` the rest) in a text of a meeting of a
    body numbering by a pattern: the minute of that number, of the year its minutes are numbered in, of the
    body's meeting that day (`context`). With the day written, the words are a reference: a day the body held no
    meeting on (Linker.no_meeting), or a number its meeting has no minute of, is warned of, as a minute of a body
    numbering per meeting is (_find's items_of)."""
    written = m.group(0) + of.group(0)
    if context is None:
        day = _cited_day(meeting, of.group(1))
        hint = linker.no_meeting(meeting.body, day, meeting) if day is not None else ""
        found.append(_Match(m.start(2), m.end(2), None, m.group(2), hint, report=bool(hint), written=written))
        return
    url = _dated_url(linker, context, m.group(2), "minute")
    if url is not None or context.minutes:
        found.append(_Match(m.start(2), m.end(2), url, m.group(2), "" if url else f"the meeting of "
                            f"{spoken_date(context.date)} has no such minute{_numbered(linker, context)}"
                            f"{_elsewhere(linker, context, m.group(2), 'minute')}", written=written))


def _named_minutes(m: re.Match, meeting: Meeting, linker: Linker, found: list) -> None:
    """`minute 12 of the Health Scrutiny Committee on 5 March 2020`, `items 5 and 6 of the JCCCG meeting of 5 March
    2020` (`m`: _NAMED_OF's) in a text of `meeting`: the minutes (or items) of that number of the named body's
    meeting that day, as "minute 7.1 of 12 March 2024" is of the text's own body's; the date links to that meeting.
    Words naming a kind of meeting alone ("the Special Meeting held on ...") name the text's own body's. A day
    the body held no meeting on is warned of where the archive reaches over it (Linker.no_meeting), with the
    bodies that met that day; a number the meeting has no minute of is warned of with the numbers it has. Words
    naming no body of the archive ("minute 4 of the Governing Body on 11 December") are left as text, without a
    warning, and are not read as this meeting's item 4, nor as its body's minute 4."""
    text = m.string
    named = linker.names.find(m.group(3), meeting.body)
    numbers = [(m.start(2) + n.start(), m.start(2) + n.end()) for n in _NUMBERED.finditer(m.group(2))]
    if named is None:
        found.extend(_Match(start, end, None, text[start:end], report=False) for start, end in numbers)
        return
    slug, word, said = named or meeting.body, "minute" if m.group(1) else "item", text[m.end(2):m.end()]
    day = _cited_day(meeting, m.group(4))
    other = linker.by_date.get((slug, day.isoformat())) if day is not None else None
    if other is None:
        hint = linker.no_meeting(slug, day, meeting, word) if day is not None else ""
        found.extend(_Match(start, end, None, text[start:end], hint, report=bool(hint),
                            written=f"{word} {text[start:end]}{said}") for start, end in numbers)
        return
    if other is not meeting:
        found.append(_Match(m.start(4), m.end(4), urls.meeting(other), m.group(4)))
    for start, end in numbers:
        url = _dated_url(linker, other, text[start:end], word)
        hint = "" if url else f"the {linker.bodies[slug].short_name or slug} meeting of {spoken_date(other.date)} " \
            f"has no such {word}{_numbered(linker, other)}"
        found.append(_Match(start, end, url, text[start:end], hint, report=bool(url or other.minutes),
                            written=f"{word} {text[start:end]}{said}"))


def _month_meeting(m: re.Match, meeting: Meeting, linker: Linker, found: list) -> None:
    """`the July 2018 meeting`, `the meeting in July 2018`, `the June meeting` (`m`: _MONTH_MEETING's) in a text of
    `meeting`: the one meeting that month of the text's own body, or of the body named before "meeting", linked
    where there is exactly one, the text's own meeting aside. Nothing is said where there is none or several: the
    words are often of a meeting to come, not in the archive yet, and minutes are a record as approved, which no
    warning should ask to be reworded. A month without its year is the one nearest the text's meeting, before it or
    after it ("the July meeting" in June's minutes is next month's, in December's the last), none six months either
    way; words naming no body of the archive ("the Provider Board meeting in July") are left as text."""
    month_first = m.group(5) is not None
    span, month, year, named = (m.span(5), m.group(6), m.group(7), m.group(8)) if month_first else \
        (m.span(2), m.group(3), m.group(4), m.group(1))
    slug = linker.names.find(named, meeting.body) if named else meeting.body
    if slug is None:
        return
    at = _cited_month(meeting, month, year)
    held = linker.in_month(slug or meeting.body, at) if at is not None else []
    if len(held) == 1 and held[0] is not meeting:
        found.append(_Match(span[0], span[1], urls.meeting(held[0]), m.string[span[0]:span[1]]))


def _past_month_meeting(m: re.Match, meeting: Meeting, linker: Linker, found: list) -> None:
    """`the last meeting in March`, `at its meeting in March 2019`, `our previous meeting in May` (`m`:
    _PAST_MONTH_MEETING's) in a text of `meeting`: a meeting held before it, in the last such month (or that
    month of the year written), of the text's own body ("the", "our"), of the body named before "meeting", or,
    after "its" or "their", of the body the words just before name ("The Committee, at its meeting in ...", none
    else: "NHS England at its meeting in March" is left as text). Linked where the body held one meeting then,
    public, before the text's; "last" or "previous" names the later of several. The words say a meeting was held:
    where the body's archive reaches over the month and holds none of its meetings that month, public or not,
    they are warned of with its meetings nearest it; several (for "its meeting in"), a private one, or a month the
    archive does not reach are left as text, as "the July meeting" is."""
    text = m.string
    named, pronoun, latest = m.group(4), (m.group(2) or "").lower(), bool(m.group(1) or m.group(3))
    if named:
        slug = linker.names.find(named, meeting.body)
    elif pronoun in ("its", "their"):
        subject = _SUBJECT.search(text, max(0, m.start() - 120), m.start())
        slug = linker.names.find(subject.group(1), meeting.body) if subject is not None else None
    else:
        slug = ""
    if slug is None:
        return
    slug = slug or meeting.body
    number = _MONTH_NAMES.index(m.group(6)) + 1
    year = int(m.group(7)) if m.group(7) else meeting.date.year - (number > meeting.date.month)
    held = [other for other in linker.in_month(slug, (year, number)) if other.date < meeting.date]
    if len(held) == 1 or held and latest:
        found.append(_Match(m.start(5), m.end(5), urls.meeting(held[-1]), m.group(5)))
        return
    hint = linker.no_meeting_in(slug, (year, number), meeting) if not held else ""
    if hint:
        found.append(_Match(m.start(5), m.end(5), None, m.group(5), hint, written=text[m.start():m.end()]))


def _cited_month(meeting: Meeting, month: str, year: str | None) -> tuple[int, int] | None:
    """(year, month) that a text of `meeting` names by a month (_MONTH_MEETING): without its year, the one nearest
    `meeting`'s, before or after it; None where two are as near (six months before and after)."""
    number = _MONTH_NAMES.index(month) + 1
    if year is not None:
        return int(year), number
    here = meeting.date.year * 12 + meeting.date.month - 1
    nearest = sorted((abs(y * 12 + number - 1 - here), y) for y in range(meeting.date.year - 1, meeting.date.year + 2))
    return None if nearest[0][0] == nearest[1][0] else (nearest[0][1], number)


def _body_before(linker: Linker, text: str, start: int, meeting: Meeting) -> str:
    """The body another than `meeting`'s whose meeting the words before `start` name ("the CCB meeting of ...",
    `start` at "meeting"), else "": the text's own body's, as any meeting named by its date alone is."""
    name = _NAME_BEFORE.search(text, max(0, start - 120), start) if start and text[start - 1] == " " else None
    named = linker.names.find(name.group(1), meeting.body) if name is not None else None
    return named if named and named != meeting.body else ""


def _dated_url(linker: Linker, other: Meeting, number: str, word: str) -> str | None:
    """The page of minute (or item) `number` of `other`, a meeting a text names by its date: of a body numbering
    by a pattern, the minute of that number of the year its minutes are numbered in (CCBP/20/11 for "minute 11"),
    and its agenda's item of that number for "item"."""
    body = linker.bodies[other.body]
    numbering = body.numbering
    if numbering.per_meeting or word == "item":
        return linker.agenda_item_url(other, number.lower())[0]
    years = {found.get("yyyy", found.get("yy", 0)) for found in (parts(numbering, item.ref) for item in
                                                                  (other.minutes.items if other.minutes else ()))
             if found is not None}
    if len(years) != 1 or not number.isdigit():
        return None
    ref = canonical(numbering, compose(numbering, int(number), years.pop()))
    at = linker.index.items.get((other.body, ref)) if ref else None
    return urls.item(other, body, at[1]) if at is not None and at[0].key == other.key else None


def _elsewhere(linker: Linker, other: Meeting, number: str, word: str) -> str:
    """"; HSC's meeting that day has a minute 12: ...": the other bodies that met on `other`'s day with a minute (or
    item) `number`, which a clerk citing it by its date alone may have meant."""
    iso = other.date.isoformat()
    bodies = [linker.bodies[slug].short_name or slug for slug, at in sorted(linker.by_date) if at == iso and
              slug != other.body and _dated_url(linker, linker.by_date[(slug, at)], number, word) is not None]
    return f"; {' and '.join(bodies)}'s meeting that day has {'an' if word == 'item' else 'a'} {word} {number}: " \
        f"to cite it, name the body, '{word} {number} of the {bodies[0]} meeting of {spoken_date(other.date)}'" \
        if bodies else ""


def _numbered(linker: Linker, other: Meeting) -> str:
    """"; its minutes are numbered 1 to 3 and 12": what a message naming a number `other` lacks suggests."""
    refs = [item.ref for item in other.minutes.items] if other.minutes else []
    numbering = linker.bodies[other.body].numbering
    return f"; its minutes are numbered {_runs(refs, lambda ref: printed(numbering, ref))}" if refs else ""


def _run_words(m: re.Match, meeting: Meeting, linker: Linker, found: list) -> None:
    """`minute 29`, `minutes 29 to 31`, `minutes 29, 30 and 32` in a text of a meeting of a body numbering per meeting
    whose minutes run on from meeting to meeting, as a council's do through the municipal year (`m`: _MINUTE_WORDS's
    "minute 29"): the minute of that number of the run the meeting's minutes are numbered in, published at that
    meeting or before it (Linker.run_minute), as _minute_words reads a pattern's number of the meeting's year. It
    links only where there is one, without a warning where there is none; a range whose ends link is one link, its
    numbers no such minute has one warning. Followed by "of" and a date, it is that meeting's (items_of)."""
    text = m.string
    plural = m.group(1).lower() == "minutes"
    ranged = _WORD_RANGE.match(text, m.end()) if plural else None
    listed = _LIST.match(text, m.end()) if plural and ranged is None else None
    if _OF_DATE.match(text, (ranged or listed or m).end()) or meeting.key not in linker.runs:
        return
    first = linker.run_minute(meeting, m.group(2))
    if ranged is not None:
        low, high = int(m.group(2)), int(ranged.group(1))
        last = linker.run_minute(meeting, ranged.group(1))
        if first and last and 0 < high - low < RANGE_MOST:  # one link, and a backlink on each minute's page
            pages = [(str(n), linker.run_minute(meeting, str(n))) for n in range(low, high + 1)]
            missing = [number for number, url in pages if url is None]
            taken = f"takes in minute{'s' if len(missing) > 1 else ''} {_runs(missing)}, which no published minute " \
                "numbered in the run of this meeting's minutes has, at this meeting or before it" if missing else ""
            found.append(_gaps(m.start(2), ranged.end(), list(dict.fromkeys(url for _, url in pages if url)),
                               text[m.start(2):ranged.end()], text[m.start():ranged.end()], taken,
                               "check the numbers at its ends, or cite the minutes it means one by one"))
            return
        for (start, end), url in ((m.span(2), first), (ranged.span(1), last)):
            if url is not None:
                found.append(_Match(start, end, url, text[start:end]))
        return
    if first is not None:
        found.append(_Match(m.start(2), m.end(2), first, m.group(2)))
    before = int(m.group(2))
    for c in _LISTED.finditer(text, m.end(), listed.end()) if listed is not None else ():
        if int(c.group(2)) <= before:
            return
        before, url = int(c.group(2)), linker.run_minute(meeting, c.group(2))
        if url is not None:
            found.append(_Match(c.start(2), c.end(2), url, c.group(2)))


def _action_words(m: re.Match, linker: Linker, where: Where, found: list) -> None:
    """`action A23` (`m`: _ACTION_WORDS's) in a text of a body: the body's action whose id after its minute's
    number is A23 (`id: A23`, as trusts number their actions), linked as `minute 71` links its minute; `action
    CCB-A23`, the id with a body's short name or slug before it, that body's, where the text's body has no action
    so named. Where the body gave the id to several actions (numbering them afresh each year), the last raised at
    the text's meeting or before it, as "minute 71" is of the text's year; where none was, none is linked, and the
    warning names them. An id no published action of the body
    has is told, with the nearest it has, where the body names any of its actions by such an id: otherwise the
    words name something else ("action A1 of the recovery plan"), left as text as "minute 5" is. `actions A23 and
    A24` and `actions A23, A24 and A25` link each id, as `items 5 and 6` do, and `actions A23–A25` (or `A23 to
    A25`) is a range (_action_range), alone or in a list (`actions A3, A5–A7 and A9`, `actions A23–A25 and
    A24–A27`: _action_parts); the ids of a list that no action has are one warning (_listed_actions)."""
    text, written = m.string, m.group(1)
    parts = _action_parts(m, linker, where)
    if len(parts) > 1 or parts[0][3]:
        said = text[m.start():parts[-1][1]]
        singles = [(start, end, low) for start, end, low, high in parts if not high]
        for start, end, low, high in parts:
            if high:
                _action_range(text, start, end, low, high, said, linker, where, found)
        if singles:
            _listed_actions(singles, said, linker, where, found, alone=len(singles) == len(parts))
        return
    slug, keys = _action_keys(written, linker, where)
    said = m.group(0)
    if len(keys) == 1:
        found.append(_Match(m.start(1), m.end(1), urls.action(linker.index.actions[keys[0]]), written, written=said))
        return
    body = linker.bodies.get(slug)
    if body is None:
        return
    if keys:
        found.append(_Match(m.start(1), m.end(1), None, written, _several(keys, written, body, linker, where),
                            written=said))
        return
    nearest = _nearest_ids(slug, [written], linker, where)
    if nearest:  # "Action A23: CS to ...", a line raising it, is told with the fields to write (inline_actions)
        found.append(_Match(m.start(1), m.end(1), None, written, f"no published action of {body.short_name} has the "
                            f"id {written} (nearest existing: {nearest}): give the action `id: {written}` under "
                            "`actions:` in the ```item block of the minute that raised it, or name the one meant",
                            written=said, report=not opens_action_line(text, m.start(), linker.bodies,
                                                                       linker.posts(), where.meeting and
                                                                       where.meeting.date)))


def _action_parts(m: re.Match, linker: Linker, where: Where) -> list[tuple[int, int, str, str]]:
    """(start, end, id, the range's last id or "") of each id or range of ids that `action A23` (`m`:
    _ACTION_WORDS's) begins: itself and, where a list follows (`actions A23, A24 and A25`), each id of it, any of
    them a range (`A5–A7`, `A5 to A7`, or `A5-A7` where no action has that id). A list whose ids are not all of
    letters and digits (`action 2 and 3`) is its first alone."""
    text = m.string

    def part(start: int, end: int, low: str, high: str | None) -> tuple[int, int, str, str]:
        if high is None and "-" in low and not _action_keys(low, linker, where)[1]:
            first, _, last = low.rpartition("-")
            if _range_ends(first, last) is not None:
                return start, end, first, last
        return (start, end, low, high) if high and _range_ends(low, high) is not None else \
            (start, start + len(low), low, "")
    ranged = _ACTION_RANGE.match(text, m.end())
    parts = [part(m.start(1), ranged.end() if ranged else m.end(1), m.group(1), ranged and ranged.group(1))]
    listed = _ACTION_LIST.match(text, parts[0][1])
    if listed is None:
        return parts
    more = [part(c.start(1), c.end(), c.group(1), c.group(2)) for c in _ACTION_LISTED.finditer(text, parts[0][1],
                                                                                                 listed.end())]
    if not all(high or _LETTER_AND_DIGIT.match(low) for _, _, low, high in parts + more):
        return parts
    return parts + more


def _range_ends(low: str, high: str) -> tuple[str, int, int, int] | None:
    """(letters, first number, last number, digits to pad to) of the ends of a range of action ids, `A23` and
    `A25`, which share their letters and end in different numbers: None where they do not. Either may be the greater
    (_action_range warns of ends the wrong way round)."""
    ends = _ID_NUMBER.fullmatch(low), _ID_NUMBER.fullmatch(high)
    if None in ends or not ends[0][1] or ends[0][1].lower() != ends[1][1].lower() or int(ends[0][2]) == int(ends[1][2]):
        return None
    return ends[0][1], int(ends[0][2]), int(ends[1][2]), len(ends[0][2]) if ends[0][2].startswith("0") else 0


def _action_keys(written: str, linker: Linker, where: Where) -> tuple[str | None, list[str]]:
    """(the body, the keys of its published actions) that an id in words names (_action_words): the text's body's
    actions with it, else, written with a body's short name or slug before it (CCB-A23), that body's; of several,
    the last raised at the text's meeting or before it."""
    ids, prefixes = linker.action_ids()
    own = written.lower()
    prefix, dash, rest = own.partition("-")
    slug = where.body
    keys = ids.get((slug, own), [])
    other = prefixes.get(prefix) if dash and rest else None
    if not keys and other is not None:
        slug, keys = other, ids.get((other, rest), [])
    meeting = where.meeting
    if len(keys) > 1 and meeting is not None:
        keys = [key for key in keys if linker.index.tracks[key].raised.date <= meeting.date][-1:] or keys
    return slug, keys


def _several(keys: list[str], written: str, body, linker: Linker, where: Where) -> str:
    named = " or ".join(_named_action(linker.index.actions[key], where) for key in keys)
    return f"{len(keys)} of {body.short_name}'s actions have the id {written}: write the one meant by its full id, " \
        f"{named}"


def _nearest_ids(slug: str, written: list[str], linker: Linker, where: Where) -> str:
    """The three ids of the body's actions nearest the first of `written` (ids of letters and digits none of its
    published actions has), as a message names them; "" where the body names none of its actions so, and the
    words name something else ("action B7 of the recovery plan")."""
    named_ids = linker.named_ids(slug)
    if not named_ids:
        return ""
    _, prefixes = linker.action_ids()

    def bare(named: str) -> str:  # CCB-A30 as A30, where CCB is the body's
        head, dash, tail = named.lower().partition("-")
        return tail if dash and tail and prefixes.get(head) == slug else named
    target = sort_key(bare(written[0]))
    nearest = sorted(named_ids, key=lambda named: (_distance(sort_key(bare(named)), target), sort_key(named)))[:3]
    return ", ".join(_named_action(linker.index.actions[named_ids[named]], where)
                     for named in sorted(nearest, key=lambda named: sort_key(bare(named))))


def _listed_actions(ids: list[tuple[int, int, str]], said: str, linker: Linker, where: Where, found: list,
                    alone: bool = True) -> None:
    """`actions A23, A24 and A25` (each (start, end, id) of the list, `said` its words): each id an action has
    linked, as `action A23` alone is; the ids none has, of a body naming its actions so, one warning naming the
    words the clerk wrote and those ids, with the nearest the body has, as `items 5 and 6` are told. `alone`: the
    list has no range (_action_range) among its ids, which may link where these do not."""
    missing, slug = [], None
    for start, end, written in ids:
        body_slug, keys = _action_keys(written, linker, where)
        if len(keys) == 1:
            found.append(_Match(start, end, urls.action(linker.index.actions[keys[0]]), written,
                                written=f"action {written}"))
        elif keys and body_slug in linker.bodies:
            found.append(_Match(start, end, None, written, _several(keys, written, linker.bodies[body_slug], linker,
                                                                    where), written=f"action {written}"))
        elif not keys:
            missing.append((start, end, written))
            slug = slug or body_slug
    body = linker.bodies.get(slug) if missing else None
    nearest = _nearest_ids(slug, [written for _, _, written in missing], linker, where) if body is not None else ""
    if not nearest:
        return
    named = [written for _, _, written in missing]
    these = f"{', '.join(named[:-1])} or {named[-1]}" if len(named) > 1 else named[0]
    give = ("give the action `id: " + named[0] + "`" if len(named) == 1 else "give each action its `id:`") + \
        f" under `actions:` in the ```item block of the minute that raised it, or name the one meant (nearest " \
        f"existing: {nearest})"
    start, end, written = missing[0]
    if len(missing) == len(ids) and alone:
        found.append(_Match(start, end, None, written, f"no published action of {body.short_name} has the id "
                            f"{these}: {give}", written=said))
    else:
        found.append(_Match(start, end, None, written, give, written=said, gaps=True, problem=f"names "
                            f"{these.replace(' or ', ' and ')}, which no published action of {body.short_name} has"))
    found.extend(_Match(start, end, None, written, report=False) for start, end, written in missing[1:])


def _action_range(text: str, start: int, end: int, low: str, high: str, said: str, linker: Linker, where: Where,
                  found: list) -> None:
    """`A23–A25` (`text[start:end]`, its ends `low` and `high`, in `said`: `actions A23–A25`, or the list it is in)
    read as a range of ids, as `CCBP/19/70–72` is of minutes (_range): one link, to the first of its actions there
    is, a backlink on the page of each, and one warning naming the ids in it that no action has. Ends the wrong way
    round, or more than RANGE_MOST ids apart, are a warning saying so (a typo at one end, most often), and link
    nothing. In a body naming none of its actions so, the words are a plan's ("actions A1 to A5 of the recovery
    plan"), left as text."""
    letters, first, last, width = _range_ends(low, high)
    slug = _action_keys(low, linker, where)[0]
    named = slug in linker.bodies and linker.named_ids(slug)
    if not 0 < last - first < RANGE_MOST:
        if named and last < first:
            found.append(_Match(start, end, None, text[start:end], f"write it lowest first, {high}–{low}, or name the "
                                "actions it means one by one", written=said, gaps=True,
                                problem=f"runs backwards, from {low} down to {high}"))
        elif named:
            found.append(_Match(start, end, None, text[start:end], "check the ids at its ends (a typo at one of "
                                "them?), or name the actions it means one by one", written=said, gaps=True,
                                problem=f"takes in {last - first + 1} ids, {low} to {high}, more than the "
                                f"{RANGE_MOST} a range of actions is read as"))
        return
    pages, missing = [], []
    for number in range(first, last + 1):
        one = f"{letters}{number:0{width}d}"
        keys = _action_keys(one, linker, where)[1]
        if keys:
            pages.append(urls.action(linker.index.actions[keys[-1]]))
        else:
            missing.append(one)
    if not pages and not named:
        return
    these = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
    taken = f"takes in {these}, which no published action of {linker.bodies[slug].short_name} has" if missing else ""
    found.append(_gaps(start, end, list(dict.fromkeys(pages)), text[start:end], said, taken,
                       "check the ids at its ends, or name the actions it means one by one"))


def _gaps(start: int, end: int, linked: list[str], text: str, written: str, taken: str, what: str) -> _Match:
    """A range's match (_range, _item_range): one that links to its first page and takes in numbers that have none
    too is warned of as what it is, `reference '...' takes in ...`, not as a reference that does not resolve, which
    one whose every number has none is."""
    if linked and taken:
        return _Match(start, end, linked[0], text, what, written=written, also=tuple(linked[1:]), gaps=True,
                      problem=taken)
    return _Match(start, end, linked[0] if linked else None, text, f"it {taken}; {what}" if taken else "",
                  written=written, also=tuple(linked[1:]))


def _item_range(m: re.Match, ranged: re.Match, meeting: Meeting, linker: Linker, found: list) -> bool:
    """Whether "items 5 to 7" (`m` _ITEM's "items 5", `ranged` the rest) of a body numbering per meeting is read as a
    range of the meeting's items, as _range reads one of minute numbers: one link, to its first item there is, and
    a backlink on the page of every item in it (5, 5.1, 6, 7 and 7.1: the parts of an item are in it); one warning
    names the numbers this meeting has no item of."""
    low, high = m.group(1), ranged.group(1)
    if not low.isdigit() or not 0 < int(high) - int(low) < RANGE_MOST or _OF_A_MEETING.match(m.string, ranged.end()):
        return False  # "items 5 to 7 of the meeting of 3 October": another meeting's, which no range reads
    minuted = [item.ref for item in meeting.minutes.items] if meeting.minutes else []
    numbers = [str(n) for n in range(int(low), int(high) + 1)]
    refs = [ref for number in numbers for ref in [number] + [r for r in minuted if r.startswith(number + ".")]]
    pages = [(ref, linker.meeting_item_url(meeting, ref)) for ref in refs]
    linked = list(dict.fromkeys(url for _, url in pages if url))
    missing = [ref for ref, url in pages if url is None]
    written = m.group(0) + ranged.group(0)
    taken = f"takes in item{'s' if len(missing) > 1 else ''} {_runs(missing)}, which this meeting has none of" \
        if missing else ""
    found.append(_gaps(m.start(1), ranged.end(), linked, m.string[m.start(1):ranged.end()], written, taken,
                       "check the numbers at its ends, or cite the items it means one by one"))
    return True


def _runs(refs: list[str], shown=str) -> str:
    """Numbers in order (minutes of one body and year, or items), each run of them as its ends, `shown` as the body
    prints them: CCBP/19/61, CCBP/19/63 to 69."""
    runs: list[list[str]] = []
    for ref in refs:
        if runs and _last(ref) == _last(runs[-1][-1]) + 1:
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return ", ".join(shown(run[0]) + (f" to {shown(run[-1]).rsplit('/', 1)[-1]}" if len(run) > 1 else "")
                     for run in runs)


def _last(ref: str) -> int:
    """The number a ref ends in (69 of CCBP/19/69, 6 of 6), -1 for none (a part of an item: 5.1)."""
    last = ref.rsplit("/", 1)[-1]
    return int(last) if last.isdigit() else -1


def _listed(text: str, position: int, ref: str, numbering, slug: str, linker: Linker, found: list) -> None:
    """`CCBP/19/70, 71 and 73`: each further number links, as minutes list the items a decision spans. Read only
    as a list ending in "and" and a number, each number above the one before, and linked only where the minute is
    published, without a warning where it is not: "CCBP/19/70 and 3 other items" lists no minute 3, nor, unless
    the archive has one, "minute 4 and 12 members" a minute 12."""
    whole = _LIST.match(text, position) if numbering.pattern.endswith("/{n}") else None  # not 12/24 of {n}/{yy}
    head, _, last = ref.rpartition("/")
    if whole is None or not last.isdigit():
        return
    before = int(last)
    for c in _LISTED.finditer(text, position, whole.end()):
        number = int(c.group(2))
        if number <= before:
            return
        other = canonical(numbering, f"{head}/{number}")
        url = linker.item_url(slug, other) if other else None
        if url is not None:
            found.append(_Match(c.start(2), c.end(2), url, c.group(2), written=other))
        before = number


def _paper(label: str, ref: str, where: Where, linker: Linker) -> tuple[str | None, str, bool]:
    """(address, hint, whether the hint names another meeting's papers, which the run then reaches: see _find)."""
    meeting, paper = where.meeting, where.paper
    if label in ("Appendix", "Annex", "Annexe") and paper is not None:
        # listed in `appendices:`, or headed in the text ("## Appendix 1 Costs"), as the paper's page anchors it
        if any(appendix.ref.lower() == ref.lower() for appendix in paper.appendices) or \
                label == "Appendix" and ref.lower() in paper.appendix_anchors:
            return urls.paper(meeting, paper) + "#" + paper.appendix_anchor(ref), "", False
    candidates = [p for p in meeting.papers if p.ref.lower() == ref.lower()]
    for candidate in candidates:
        if candidate.label.lower() == label.lower() or label in _ANY_PAPER:
            return urls.paper(meeting, candidate), "", False
    if label not in _ANY_PAPER and paper is not None:
        said = f" ({_appendices_had(paper)})" if label in ("Appendix", "Annex", "Annexe") else ""
        return None, f"{paper.name} lists no {label.lower()} {ref}{said}", False
    if label not in _ANY_PAPER and not candidates:
        return None, "", False  # an appendix of something we do not hold: not worth a warning
    if not candidates and ref.lower() in {withheld.lower() for withheld in meeting.withheld_papers}:
        return None, "", False  # a confidential paper, which the minutes may name: it has no page to link to
    known = ", ".join(sorted(p.name for p in meeting.papers)) or "none"
    # The next meeting's minutes cite the last one's papers: `Paper C` is always this meeting's, and nothing said
    # how to name another's; where the body has one paper of that ref, the link to it
    others = [found for found in linker.papers_named(meeting.body, ref) if found[0] is not meeting]
    if len(others) == 1:
        other, named = others[0]
        return None, (f"this meeting's papers are: {known}; for {named.name} of the meeting of "
                      f"{spoken_date(other.date)}, write [[{other.key}/papers/{named.ref}]]"), True
    return None, (f"this meeting's papers are: {known}; for another meeting's paper, write "
                  f"[[{meeting.body}/<its folder>/papers/{ref}]]"), True


def _without_overlaps(found: list[_Match], text: str) -> list[_Match]:
    if not found:
        return found
    blocked = [(u.start(), u.end()) for u in _URL.finditer(text)]
    out: list[_Match] = []
    for match in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(s < match.end and match.start < e for s, e in blocked):
            continue
        if out and match.start < out[-1].end:
            continue
        out.append(match)
    return out


def reference_rule(state) -> None:
    """markdown-it core rule: split `text` tokens around references into links."""
    linker: Linker | None = state.env.get("linker")
    where: Where | None = state.env.get("where")
    if linker is None or where is None:
        return
    # A folded YAML text's line holds several of its file's (yamltext.LStr.folds): each run is placed by its
    # column too, found in its line of the source in turn, so that a message names the file's line.
    source = state.src.split("\n") if state.env.get("columns") else None
    for at_block, block in enumerate(state.tokens):
        if block.type != "inline" or not block.children:
            continue
        # "## Appendix 1 Costs" in a paper's text is the appendix's own heading, which "Appendix 1" names
        heading = where.paper is not None and at_block > 0 and state.tokens[at_block - 1].type == "heading_open"
        line = block.map[0] if block.map else 0
        children, depth, column = [], 0, 0
        for child in block.children:
            if child.type in ("softbreak", "hardbreak"):
                line, column = line + 1, 0
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            at = line
            if source is not None and child.type == "text" and line < len(source):
                found = source[line].find(child.content, column)
                if found >= 0:  # not found: a run with an escape (\*) in it, placed by its line alone
                    at, column = (line, found), found + len(child.content)
            if child.type != "text" or depth > 0:
                children.append(child)
                continue
            children.extend(_split(child, linker, where, at, heading and not children))
        block.children = children


def _split(token: Token, linker: Linker, where: Where, line: int | tuple[int, int], heading: bool = False
           ) -> list[Token]:
    """`token` split around the references in it; `heading`: it begins a heading of a paper's text, whose
    "Appendix 1" at its start names the appendix the heading begins, not a link to itself."""
    text = token.content
    matches = _resolve(text, linker, where, line)
    if heading and matches and matches[0].start == 0 and matches[0].url and \
            matches[0].url.startswith(urls.paper(where.meeting, where.paper) + "#appendix-"):
        matches = matches[1:]
    if not matches:
        return [token]
    out, position = [], 0
    for match in matches:
        if match.start > position:
            out.append(_text(text[position:match.start]))
        if match.url:
            link = Token("link_open", "a", 1)
            link.attrSet("href", match.url)
            link.attrSet("class", "xref")
            out += [link, _text(match.text), Token("link_close", "a", -1)]
        else:
            out.append(_text(match.text))
        position = match.end
    if position < len(text):
        out.append(_text(text[position:]))
    return out


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _resolve(text: str, linker: Linker, where: Where, line: int | tuple[int, int]) -> list[_Match]:
    """The references in one run of text, noted in `where` (links, warnings, and the run itself if live).
    `line`: the run's in the text, or (line, column) where the text wants columns (reference_rule)."""
    matches, reach = _find(text, linker, where)
    if reach != NOWHERE:
        where.live.append((text, line, reach))
    for match in matches:
        if match.url:
            where.links.append((match.url, match.text))
            where.links.extend((url, match.text) for url in match.also)
        if match.gaps or match.report and not match.url:
            at = (line[0], line[1] + match.start) if isinstance(line, tuple) else line
            where.dangling.append((at, match.written or match.text, match.hint, match.problem))
    return matches


def relink(live: tuple[tuple[str, int, int], ...], linker: Linker, where: Where) -> Where:
    """Resolve a text's references again, from its live runs (Where.live), without parsing its Markdown.

    When an item, paper, meeting or person is added or removed, only texts
    with live runs can link differently, and those runs are all the reference
    rule would look at: the live preview resolves them against the new archive
    instead of parsing every text again (backlinks.scan).
    """
    for text, line, _ in live:
        _resolve(text, linker, where, line)
    return where
