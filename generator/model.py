"""The content model: plain, frozen data built by the loader.

Templates and later stages read these objects only; nothing here touches files.
Every record keeps `source` (file and line) so that any stage can report a
problem where the clerk will look for it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit


_COUNT = re.compile(r"[0-9]+")  # `public: 2`, the number of members of the public at a meeting
_APPENDIX_HEADING = re.compile(r"^#{1,6}\s*\**\s*appendix\s+([a-z0-9]{1,3})\b", re.I | re.M)


@dataclass(frozen=True)
class Source:
    path: str
    line: int = 1

    def __digest__(self) -> tuple:
        """What pages show of it (fingerprint.Digests): nothing of the line, which only messages give, so a
        line added above a record changes no page made from it."""
        return (self.path,)


@dataclass(frozen=True)
class Licence:
    name: str
    url: str = ""


@dataclass(frozen=True)
class StatementDetails:
    """What the accessibility statement must say besides what Minutebook knows: who to contact about a
    problem, and when the statement was prepared and last reviewed (the 2018 accessibility regulations)."""

    email: str = ""
    web: str = ""  # a contact form's address
    phone: str = ""
    prepared: dt.date | None = None
    reviewed: dt.date | None = None


# The types of interest Minutebook knows when neither a body's file nor site.yaml lists its own: the four of NHS
# England's conflicts of interest guidance (2017), which NHS boards ask members to declare by, and the three a
# council's code of conduct uses (the Localism Act 2011's disclosable pecuniary interests, and the other registrable
# and non-registrable interests of the LGA's model code), so that an archive of either kind needs no list to start.
INTEREST_TYPES = ("Financial interest", "Non-financial professional interest", "Non-financial personal interest",
                  "Indirect interest", "Disclosable pecuniary interest", "Other registrable interest",
                  "Non-registrable interest")


@dataclass(frozen=True)
class InterestTypes:
    """The types of interest a body's members declare by, in its own words, which a declaration's `type` must be
    one of (interests.py): a type mistyped would be published as a type of its own, and a reader looking for every
    pecuniary interest declared would miss it."""

    names: tuple[str, ...] = INTEREST_TYPES
    # the file listing them as messages name it ("content/bodies/tb.md", "content/site.yaml"); "": Minutebook's own
    declared_in: str = ""


@dataclass(frozen=True)
class Site:
    title: str
    publisher: str
    base_url: str
    licence: Licence
    language: str = "en-GB"
    description: str = ""
    accessibility: StatementDetails = StatementDetails()
    ids_from: str = ""  # site.yaml's `ids_from`, the base_url the archive's ids were first made from; "": base_url
    interest_types: InterestTypes | None = None  # site.yaml's, for the bodies that list none; None: Minutebook's

    def other(self, language: str) -> str:
        """`language` where it is not the site's, else "": the `lang` a record's title and text need where it
        shows them (WCAG 2.2, 3.1.2, language of parts). Pages keep the site's in <html lang>, which Pagefind
        splits its index by (docs/search.md). Tags are compared regardless of case, as BCP 47 has them."""
        return language if language and language.lower() != self.language.lower() else ""

    @property
    def id_base(self) -> str:
        """The address the archive's identifiers are made from (Atom ids, event ids, calendar UIDs), which is not
        always where it is read: an id names a record, and must stay the same when the archive moves (RFC 4287
        4.2.6), so an archive that moved names the base_url its ids were first made from in `ids_from`."""
        return self.ids_from or self.base_url

    @property
    def path(self) -> str:
        """The path below its domain the site is published at ("/minutes" for https://council.example/minutes/;
        "" at the domain's root). Pages are made with links from the root (/ccb/...) and rendering puts this
        before them (urls.below), so a page's address, its file and its deps stay the same wherever it is
        published."""
        return urlsplit(self.base_url).path.rstrip("/")


@dataclass(frozen=True)
class Role:
    title: str
    organisation: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    honorific: str = ""
    aliases: tuple[str, ...] = ()
    initials: str = ""
    organisation: str = ""
    roles: tuple[Role, ...] = ()
    source: Source = Source("")

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""


@dataclass(frozen=True)
class PersonRef:
    """Somebody named in content: a register entry (`id`) or free text."""

    name: str
    id: str | None = None
    body: str | None = None  # set when an action is owned by a body, not a person
    # The post the clerk wrote for them ("Chair", "Director of Finance"), as packs name people; shown with them
    post: str = ""

    @property
    def is_person(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class Membership:
    who: PersonRef
    role: str = ""
    organisation: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def substitute(self) -> bool:
        """A substitute member (`role: Substitute member`) attends only in place of a member who cannot: no one
        expected at every meeting, whom `new meeting` lists as present, nor the body's page counts as absent."""
        return substitute_role(self.role)


def substitute_role(role: str) -> bool:
    """Whether a member's role is a substitute's (`Substitute member`, `Substitute for Cllr Smith`)."""
    return "substitute" in role.lower()


@dataclass(frozen=True)
class Numbering:
    """How a body numbers its minutes: a pattern such as `CCBP/{yy}/{n}`, or per meeting."""

    pattern: str | None  # None means numbered afresh at each meeting; `{n}` however many digits it is printed with
    # The digits the body prints `{n}` with at least, zeros in front (`C/{yyyy}/{nnn}`: C/2024/045); 0, none. A
    # minute's address is made of its number without them (c-2024-45), as it was before bodies could say so.
    width: int = 0
    # The month (1 to 12) a per-meeting body's municipal year begins, where its minutes run on through the year and
    # start again at 1 at the year's first meeting (the annual meeting): the body's `year_starts:`; 0, not said.
    restarts: int = 0

    @property
    def per_meeting(self) -> bool:
        return self.pattern is None

    @property
    def written(self) -> str | None:
        """The pattern as the body's file gives it (`C/{yyyy}/{nnn}`), for messages and the body's page."""
        return self.pattern.replace("{n}", "{" + "n" * self.width + "}") if self.pattern and self.width else \
            self.pattern

    def municipal_year(self, day: dt.date, annual: dict[int, dt.date] | None = None) -> int:
        """The year (2019 for 2019/20) whose run of minutes a meeting on `day` is in, by `restarts`; `annual`: the
        day each year begins where the body's annual meeting begins it (numbering.annual_meetings), not the first
        of the month, as a council's annual meeting in mid-May does: its meetings before that day in May are of
        the year before."""
        year = day.year if day.month >= self.restarts else day.year - 1
        if annual and day < self.year_begins(year, annual):
            return year - 1
        if annual and day >= self.year_begins(year + 1, annual):
            return year + 1
        return year

    def year_begins(self, year: int, annual: dict[int, dt.date] | None = None) -> dt.date:
        """The day municipal year `year`'s run of minutes begins: its annual meeting's, else the first of the
        month `year_starts:` names."""
        return (annual or {}).get(year) or dt.date(year, self.restarts, 1)

    @property
    def described(self) -> str:
        """The pattern as a body's page gives it to readers: C/YYYY/NNN."""
        return re.sub(r"\{(\w+)\}", lambda m: m.group(1).upper(), self.written or "")


@dataclass(frozen=True)
class Body:
    slug: str
    name: str
    short_name: str
    numbering: Numbering
    kind: str = ""
    organisations: tuple[str, ...] = ()
    venue: str = ""
    website: str = ""
    members: tuple[Membership, ...] = ()
    about: str = ""  # markdown
    source: Source = Source("")
    interest_types: InterestTypes = InterestTypes()  # its own, else site.yaml's, else Minutebook's


@dataclass(frozen=True)
class Attendee:
    who: PersonRef
    role: str = ""
    organisation: str = ""
    for_items: tuple[str, ...] = ()
    note: str = ""
    deputising_for: PersonRef | None = None
    line: int = 1  # in the meeting's file


@dataclass(frozen=True)
class Movement:
    who: PersonRef
    event: str  # "joined" or "left"
    item: str = ""
    note: str = ""
    line: int = 1  # in the meeting's file


@dataclass(frozen=True)
class Attendance:
    present: tuple[Attendee, ...] = ()
    in_attendance: tuple[Attendee, ...] = ()
    apologies: tuple[Attendee, ...] = ()
    deputising: tuple[Attendee, ...] = ()
    absent: tuple[Attendee, ...] = ()
    minute_taker: tuple[Attendee, ...] = ()
    public: str = ""
    movements: tuple[Movement, ...] = ()

    @property
    def gallery(self) -> str:
        """What a meeting's page says of the public gallery: a number written alone (`public: 2`) as the people
        it counts, where the page read "Public gallery 2"; anything else as written."""
        if not self.counted:
            return self.public
        number = int(self.public.strip())
        if number == 0:
            return "No members of the public"
        return f"{number} {'member' if number == 1 else 'members'} of the public"

    @property
    def counted(self) -> bool:
        """Whether `gallery` is Minutebook's words for a number (in the site's language, whatever the meeting's),
        not the clerk's as written (in meeting.md's)."""
        return bool(_COUNT.fullmatch(self.public.strip()))

    @property
    def is_empty(self) -> bool:
        return not (self.present or self.in_attendance or self.apologies or self.deputising
                    or self.absent or self.minute_taker or self.public or self.movements)

    @property
    def in_the_room(self) -> tuple[Attendee, ...]:
        """Those at the meeting (present, in attendance, deputising, the minute-taker): whom initials in the
        minutes' text name (references.py), not those who sent apologies or were absent."""
        return self.present + self.in_attendance + self.deputising + self.minute_taker


@dataclass(frozen=True)
class AgendaItem:
    ref: str
    title: str
    section: str = ""
    purpose: str = ""
    presenter: tuple[PersonRef, ...] = ()
    papers: tuple[str, ...] = ()
    time: str = ""
    format: str = ""
    description: str = ""  # markdown
    confidential: bool = False
    items: tuple["AgendaItem", ...] = ()
    source: Source = Source("")
    status: str = ""  # "deferred" or "withdrawn": not taken at this meeting; "" for an item taken as planned
    # True where `title` is the public_title written for a confidential item: the real title is never loaded
    title_withheld: bool = False
    printed: str = ""  # the ref as the body prints its numbers (C/2024/045), where that is not `ref` (see Numbering)
    # the minute that records the item, where the minutes number it otherwise than the agenda: a council numbers its
    # minutes on through the year (29, 30, ...) while each agenda, as printed in the pack, numbers its items from 1
    minute: str = ""
    # True where the item does not say `confidential:` either way (`confidential` is then False: published, unless
    # the item is under a section heading the private part, "Part II – Exempt", or after the agenda's item excluding
    # the press and public, which withhold it, and it is told to say: exclusion.in_private_sections)
    unsaid: bool = False

    @property
    def minute_ref(self) -> str:
        """The ref of the minute that records the item: the one `minute:` names, else the item's own number."""
        return self.minute or self.ref

    @property
    def number(self) -> str:
        """The number pages show and cite: as the body prints it. `ref`, without the zeros, is what the minute's
        address and every lookup are made of."""
        return self.printed or self.ref


def archive_order(meeting: "Meeting") -> tuple:
    """Where a meeting sits in Archive.meetings: by date, then body, then folder."""
    return (meeting.date, meeting.body, meeting.folder)


def named_with_body(meeting: "Meeting", short_name: str, joiner: str = " ") -> str:
    """The meeting as feeds and calendars name it among other bodies' meetings: its title after its body's short
    name ("TB: Health and Wellbeing Board"), or the title alone when it starts with it already (a meeting without
    a title of its own is "TB meeting", which was "TB TB meeting")."""
    if meeting.title.split(" ", 1)[0] == short_name:
        return meeting.title
    return f"{short_name}{joiner}{meeting.title}"


def titled_with_body(meeting: "Meeting", body: "Body") -> str:
    """The meeting as its own pages' <title>s name it (WCAG 2.4.2): its title where that names its body, else after
    its body's short name ("JC: Extraordinary meeting"), as feeds name it. A reader with tabs open on several
    bodies' minutes could not tell whose an "Extraordinary meeting, 5 November 2019" was. A title names its body
    where it has the short name as a word or ends the way the body's name does, in its last two words ("Health
    and Wellbeing Board" of the Testshire Health and Wellbeing Board), as clerks shorten it."""
    title = meeting.title
    if body.short_name in title.replace(",", " ").split():
        return title
    ending = " ".join(body.name.split()[-2:]).lower()
    return title if ending in title.lower() else f"{body.short_name}: {title}"


def all_agenda_items(items: tuple["AgendaItem", ...]):
    """Agenda items and their sub-items, depth first, in agenda order."""
    for item in items:
        yield item
        yield from all_agenda_items(item.items)


def agenda_of(meeting: "Meeting") -> dict:
    """minute ref (lower case) -> the agenda item it records: the item whose `minute:` names it, else the item of
    its number. A council's minute 29 records the pack's item 1, whose number its page and minutes.json give."""
    found = {}
    for agenda_item in all_agenda_items(meeting.agenda):
        found.setdefault(agenda_item.minute_ref.lower(), agenda_item)
    return found


@dataclass(frozen=True)
class Due:
    """A due date as written, and as a date where it can be resolved."""

    text: str
    date: dt.date | None = None  # a month resolves to its last day


@dataclass(frozen=True)
class Action:
    id: str            # e.g. "CCBP/18/49#1"; per-meeting bodies: "2020-03-05/5#1"
    key: str           # the part after '#'
    owners: tuple[PersonRef, ...]
    text: str          # markdown
    due: Due | None
    body: str          # body slug
    meeting: str       # meeting key "body/folder"
    item: str          # minute reference that raised it
    source: Source = Source("")
    printed: str = ""  # the id with its minute's number as the body prints it (C/2024/046#1), where not `id`

    @property
    def number(self) -> str:
        """The id pages, feeds, open data and search show: `id` with its minute's number printed as the body
        prints it. `id` is what the action's address and every lookup are made of."""
        return self.printed or self.id


@dataclass(frozen=True)
class ActionUpdate:
    action: str        # action id as written (may be prefixed "body:")
    status: str
    progress: str = ""  # markdown
    due: Due | None = None
    closed: bool = False
    source: Source = Source("")


@dataclass(frozen=True)
class ActionLog:
    as_at: dt.date
    updates: tuple[ActionUpdate, ...] = ()
    notes: str = ""
    source: Source = Source("")
    status: str = "final"  # a "draft" log is published only with --drafts
    as_at_line: int = 0  # the line of `as_at:`; 0 when the log is dated by its meeting


@dataclass(frozen=True)
class Declaration:
    who: PersonRef
    interest: str = ""
    action: str = ""  # what the chair decided and what was done: left the room for the item, stayed but did not vote
    type: str = ""  # one of its body's interest types, spelt as the body's list spells it; "": not recorded


# What was put to the vote, as standing orders name it: a motion; an amendment to it; the substantive motion, the
# motion as amended, put once an amendment is carried
VOTE_KINDS = ("motion", "amendment", "substantive motion")


# How each member's vote is minuted: the words a minute uses for each count, in the order minutes give them
VOTE_SIDES = (("for", "For"), ("against", "Against"), ("abstained", "Abstained"))


def tally(counts) -> str:
    return ", ".join(f"{said} {number}" for (_, said), number in zip(VOTE_SIDES, counts) if number is not None)


@dataclass(frozen=True)
class Vote:
    """A motion or amendment put to the vote, as minuted: its outcome, the numbers where the minutes give them,
    and, for a recorded (named) vote, how each member voted, which a reader of a member's page looks for."""

    motion: str  # markdown: what was put, as the minutes word it
    outcome: str  # "carried" or "lost"
    counts: tuple[int | None, int | None, int | None] = (None, None, None)  # for, against, abstained; None: not given
    # the names of a recorded vote, for, against and abstained (VOTE_SIDES); all empty for a vote by numbers alone
    named: tuple[tuple[PersonRef, ...], tuple[PersonRef, ...], tuple[PersonRef, ...]] = ((), (), ())
    casting_vote: str = ""  # "for" or "against": the chair's, on equal votes; "" for none
    # the majority standing orders required, where more than a simple one ("two thirds of those voting"); "" for
    # a simple majority
    majority: str = ""
    kind: str = ""  # "motion", "amendment" or "substantive motion" (VOTE_KINDS); "": the minutes do not say
    amends: str = ""  # markdown: what an amendment amends, as the minutes word it ("the substantive motion")
    # who moved and who seconded it, as council minutes give them; None: not minuted
    moved_by: PersonRef | None = None
    seconded_by: PersonRef | None = None

    @property
    def recorded(self) -> bool:
        return any(self.named)

    @property
    def result(self) -> str:
        """The outcome in words, as pages give it (never by colour alone)."""
        said = "Carried" if self.outcome == "carried" else "Lost"
        said = f"{said} on the chair's casting vote" if self.casting_vote else said
        return f"{said}: a majority of {self.majority} was needed" if self.majority else said

    @property
    def moved(self) -> tuple[tuple[str, PersonRef], ...]:
        """("Moved by", who), ("Seconded by", who): those the minutes give."""
        return tuple((said, who) for said, who in (("Moved by", self.moved_by), ("Seconded by", self.seconded_by))
                     if who is not None)

    def part_of(self, person_id: str) -> str:
        """"Moved" or "Seconded": the person's part in putting it, where the minutes name them so; else ""."""
        return next((said for said, who in (("Moved", self.moved_by), ("Seconded", self.seconded_by))
                     if who is not None and who.id and who.id == person_id), "")

    @property
    def tally(self) -> str:
        """"For 30, Against 12, Abstained 2": the figures the minutes give, in their order."""
        return tally(self.counts)

    @property
    def sides(self) -> tuple[tuple[str, int | None, tuple[PersonRef, ...]], ...]:
        """(how, number, names) of each way of voting the minutes give a number or names for."""
        return tuple((said, number, names) for (_, said), number, names in zip(VOTE_SIDES, self.counts, self.named)
                     if number is not None or names)

    def side_of(self, person_id: str) -> str:
        """"for", "against" or "abstained": how the person voted in a recorded vote; "" where it names them not."""
        return next((side for (side, _), names in zip(VOTE_SIDES, self.named)
                     if any(who.id == person_id for who in names)), "")


# What a scrutiny committee may resolve on a decision it called in, and how pages word each
CALL_IN_OUTCOMES = {"no-further-action": "no further action", "referred-back": "referred back to the decision maker",
                    "referred-to-council": "referred to full council"}


@dataclass(frozen=True)
class CallIn:
    """A scrutiny committee's call-in of another body's decision, minuted on the scrutiny item: the decision
    maker's minute it names, as written (`cab:CAB/24/12`, or the number alone), and what the committee resolved.
    Which minute that is depends on every body's numbering, so it is found where the archive is whole
    (callins.target), not where the minutes are read."""

    minute: str  # as written; its line is kept for messages (yamltext.LStr)
    outcome: str  # a key of CALL_IN_OUTCOMES

    @property
    def result(self) -> str:
        """The outcome in words, as pages give it."""
        return CALL_IN_OUTCOMES[self.outcome]


@dataclass(frozen=True)
class MinuteItem:
    ref: str
    title: str
    body: str = ""  # markdown discussion
    papers: tuple[str, ...] = ()
    leads: tuple[PersonRef, ...] = ()
    resolutions: tuple[str, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    actions: tuple[Action, ...] = ()
    # None where the minutes do not say: published (unless withheld after the press and public are excluded:
    # `unsaid`), and an error where the agenda marks the item confidential (validate.py), as False, said, is not
    confidential: bool | None = False
    reason: str = ""
    source: Source = Source("")
    # True where `title` is the public_title written for a confidential item: the real title is never loaded
    title_withheld: bool = False
    printed: str = ""  # the ref as the body prints its numbers (C/2024/045), where that is not `ref` (see Numbering)
    # (part, the id of its heading on the item's page) of each part of the item numbered in a heading of its own
    # (### 24/007(a) Payments: 'a'), where a reference to the part (24/007(a)) leads; none for a confidential item
    parts: tuple[tuple[str, str], ...] = ()
    votes: tuple[Vote, ...] = ()
    calls_in: CallIn | None = None  # a scrutiny committee's item that called in another body's decision
    # who took the chair for the item in place of the meeting's chair (a vice-chair while the chair, who declared
    # an interest, was out of the room); None: the meeting's chair, or not minuted
    chair: PersonRef | None = None
    # True where the item does not say `confidential:` but follows the minutes' resolution excluding the press and
    # public: withheld (`confidential` True) all the same, and told to say (exclusion.withheld_minutes)
    unsaid: bool = False

    @property
    def number(self) -> str:
        """The number pages, feeds, open data and the search index show and cite: as the body prints it. `ref`,
        without the zeros, is what the minute's address and every lookup are made of."""
        return self.printed or self.ref


@dataclass(frozen=True)
class MisplacedHeading:
    """A heading inside an item that starts with another minute's number, or a part of one (### TB/19/99 or
    ### TB/19/99(a) in TB/19/13), or a line meant as one (##TB/19/99). One message tells the clerk what to do
    about it, and the reference scan leaves the heading's own number to that message: 'does not resolve' would
    be a second for the one mistake. For a part, whether that minute is elsewhere in the archive or nowhere
    decides what to do, which the file alone cannot tell: validate.py says it. So for an item's number: where the
    archive has no such minute, the clerk most likely meant an item ('## '); where it has, '## ' would number that
    minute twice, and the heading most likely names it. A line meant as a heading of a part or of the item it is
    in (##24/007(a)) is told what to write where the file is read, load_minutes (`told`)."""

    line: int  # of the heading, in the minutes file
    heading: str  # as written, without its hashes
    hashes: str  # '###'
    ref: str  # the minute it numbers, or a part of, canonical
    inside: str  # the item it is read as part of, canonical
    told: bool = False  # its message said already, where the file was read (load_minutes), not by validate.py
    unspaced: bool = False  # a line with no space after its hashes (##24/008), no heading at all

    def __digest__(self) -> tuple:
        """Nothing: no page shows it, only a message (fingerprint.Digests)."""
        return ()


@dataclass(frozen=True)
class AdvisedNumber:
    """A minute heading in error whose advice is to write a '## ' heading numbered `ref`, a number these minutes
    lack: '## 24/007(a)' away from any 24/007, told to write '## 24/007 Title' above it; a heading without a number
    after the last item, told the number after that item's; and a heading numbered `ref` above the first item,
    told to be '## ' if it is an item of its own, else to go under its item as a reference, '### Words (ref)'.
    Where another meeting has minute `ref`, following that would number it twice, an error, and a reference to
    it links to nothing while those minutes are private or a draft: validate.py, knowing the archive, gives the
    message the advice for that in place of `hint` (Report.retell). The message stays the loader's, where the
    file is read: the live preview's fast path renders no meeting with an error."""

    line: int  # of the heading, in the minutes file
    message: str  # the error's, as reported
    hint: str  # the advice reported with it, right where no meeting has minute `ref`
    heading: str  # as written, without its hashes
    ref: str  # canonical
    above: str = ""  # the item above the heading, canonical, where it is an item's heading without a number
    # where it is a heading numbered `ref` above the first item ('### 24/006 Matters arising'): its hashes; its
    # message is a warning where the minutes have no item (nothing below it to belong to)
    hashes: str = ""
    severity: str = "error"

    def __digest__(self) -> tuple:
        """Nothing: no page shows it, only a message (fingerprint.Digests)."""
        return ()


@dataclass(frozen=True)
class Minutes:
    status: str  # "draft" or "approved"
    approved_at: str = ""  # meeting key "body/folder"
    items: tuple[MinuteItem, ...] = ()
    source: Source = Source("")
    misplaced_headings: tuple[MisplacedHeading, ...] = ()
    advised_numbers: tuple[AdvisedNumber, ...] = ()
    language: str = ""  # the minutes' `language:` (their items' titles and text), a tag; "": the site's


@dataclass(frozen=True)
class Attachment:
    """A file published as it is beside a paper's page: the paper as printed in the pack, or an appendix that is
    a spreadsheet or a scan. Clerks often hold nothing else for them."""
    name: str  # as in the paper's folder, for messages
    published: str  # its name on the site: the name's letters and digits, and its extension (attachments.py)
    kind: str  # "PDF", "Excel spreadsheet": shown beside the link, as GOV.UK does
    media_type: str
    size: int
    digest: bytes  # of its bytes: a warm build copies it again only when this changed
    path: str  # the file, absolute, to copy from

    def __digest__(self) -> tuple:
        """What pages show of it and what decides copying it again; not where it lies."""
        return (self.published, self.kind, self.media_type, self.size, self.digest)

    @property
    def facts(self) -> str:
        """'PDF, 245 KB': the kind and size a reader needs before downloading."""
        return f"{self.kind}, {file_size(self.size)}"


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} byte" + ("" if size == 1 else "s")
    if size < 1000 * 1024:  # not '1024 KB'
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass(frozen=True)
class Appendix:
    ref: str
    title: str
    note: str = ""
    file: Attachment | None = None


@dataclass(frozen=True)
class Paper:
    ref: str
    title: str
    label: str = "Paper"
    item: str = ""
    report_to: str = ""
    date: dt.date | None = None
    authors: tuple[PersonRef, ...] = ()
    contributors: tuple[PersonRef, ...] = ()
    sponsor: tuple[PersonRef, ...] = ()
    presenter: tuple[PersonRef, ...] = ()
    purpose: tuple[str, ...] = ()
    decision_level: str = ""
    summary: str = ""
    recommendations: str = ""
    risk: str = ""
    equality_impact: str = ""
    financial_implications: str = ""
    patient_engagement: str = ""
    next_steps: str = ""
    authorised_by: str = ""
    pages: str = ""
    front_sheet: tuple[tuple[str, str], ...] = ()
    appendices: tuple[Appendix, ...] = ()
    # None where the paper does not say: published, and an error where its item is confidential (validate.py)
    confidential: bool | None = False
    body: str = ""  # markdown
    source: Source = Source("")
    file: Attachment | None = None  # the paper as printed in the pack
    language: str = ""  # the paper's `language:` (its title and text), a tag; "": the site's

    @property
    def name(self) -> str:
        return f"{self.label} {self.ref}"

    @property
    def has_front_sheet(self) -> bool:
        """Whether the paper says anything its front sheet shows: a paper given by its title alone has none, and
        its page had an empty table under the heading."""
        return any((self.report_to, self.date, self.authors, self.contributors, self.sponsor, self.presenter,
                    self.purpose, self.decision_level, self.summary, self.recommendations, self.risk,
                    self.equality_impact, self.financial_implications, self.patient_engagement, self.next_steps,
                    self.front_sheet, self.authorised_by, self.pages))

    @property
    def attachments(self) -> tuple[Attachment, ...]:
        """Every file published beside the paper's page, its own first, then its appendices' in order."""
        files = (self.file,) + tuple(a.file for a in self.appendices)
        return tuple(f for f in files if f is not None)

    def appendix_anchor(self, ref: str) -> str:
        """`appendix-b` when the text has a heading for it, else the appendices list."""
        return f"appendix-{ref.lower()}" if ref.lower() in self.appendix_anchors else "appendices"

    @cached_property
    def appendix_anchors(self) -> frozenset:
        """Appendix refs that have a heading ("## Appendix B ...") in the paper's text."""
        return frozenset(m.lower() for m in _APPENDIX_HEADING.findall(self.body))


@dataclass(frozen=True)
class Meeting:
    body: str
    folder: str
    date: dt.date
    title: str
    kind: str = ""
    session: str = "public"
    start: str = ""
    end: str = ""
    venue: str = ""
    chair: tuple[PersonRef, ...] = ()
    quorate: bool | None = None
    webcast: str = ""
    # "" for a meeting held (or to be held) as planned; "cancelled" or "postponed" for one that did not take place,
    # which keeps its page: a reader who follows a link to it, or the calendar, learns it did not happen, and where
    # the meeting arranged instead (`rearranged_to`, a meeting key "body/folder") is.
    status: str = ""
    rearranged_to: str = ""
    # The sitting at which a meeting adjourned part-way (time ran out, the quorum was lost) reconvened, on a later
    # day: a meeting key "body/folder" of the same body. Only the first sitting says so; the reconvened one learns
    # which meeting it continues from the index (resolve.Index.continues), so that the two cannot disagree.
    adjourned_to: str = ""
    attendance: Attendance = Attendance()
    agenda: tuple[AgendaItem, ...] = ()
    minutes: Minutes | None = None
    papers: tuple[Paper, ...] = ()
    action_log: ActionLog | None = None
    notes: str = ""  # markdown
    source: Source = Source("")
    dated: Source = Source("")  # the `date:` line of meeting.md, for messages (a Source: no page shows the line)
    # The refs of the confidential papers the public view left out (publish.py): a reference to one is shown as
    # text, as any to a paper without a page, but is no mistake to warn of
    withheld_papers: tuple[str, ...] = ()
    language: str = ""  # meeting.md's `language:` (its title, notes and agenda), a tag; "": the site's
    # False where meeting.md gives no title and the meeting is called by its body ("JC meeting"): Minutebook's words,
    # in the site's language whatever the meeting's, and no title for a new meeting to carry over
    own_title: bool = True

    @property
    def title_language(self) -> str:
        """The language of the title as shown: meeting.md's, unless the title is Minutebook's ("JC meeting")."""
        return self.language if self.own_title else ""

    @cached_property
    def key(self) -> str:
        """`body/folder`: asked hundreds of thousands of times in a large archive's build, made once."""
        return f"{self.body}/{self.folder}"

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def chair_role(self) -> str:
        """What each person its `chair:` names was: "co-chair" where it names several, as the person's pages and
        the open data say."""
        return "chair" if len(self.chair) == 1 else "co-chair"

    def paper(self, ref: str) -> Paper | None:
        for paper in self.papers:
            if paper.ref.lower() == ref.lower():
                return paper
        return None


@dataclass(frozen=True)
class Archive:
    """Everything loaded from one content folder."""

    site: Site
    bodies: dict[str, Body] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    meetings: tuple[Meeting, ...] = ()
    has_register: bool = False
    # Bodies with a meeting that failed to load, or loaded in part (its minutes did not, say); "*": a meeting of
    # an unknown body; and the key of each meeting whose minutes have errors. What other meetings' checks (or
    # the meeting's own, of its minutes) find missing may be in what did not load.
    incomplete: frozenset = frozenset()
