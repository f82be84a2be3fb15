"""A synthetic meeting archive in Minutebook's content format, for benchmarks.

Real archives are what the benchmarks must predict, so the generator writes what
clerks write (docs/content-format.md), at the rates of the example archive and of
typical English councils and NHS boards: boards meeting every five weeks or so,
twelve members present, ten to sixteen minute items of a few hundred words, a
handful of papers of one to two thousand words, a third of an action per item
followed through later action logs until closed, references to earlier minutes
and to the meeting's own papers, and a little confidential, private and draft
material that must never be published.

Everything comes from one seeded random generator, so the same arguments give the
same files byte for byte, and the archive validates without a warning.

    python -m benchmarks.synthetic OUT --meetings 2000 [--seed 1] [--bodies 50]
        [--items 10 25] [--words 4000] [--cross-references 0.25] [--cross-body 0.05] [--actions 0.35]

    from benchmarks.synthetic import Spec, generate
    stats = generate(Path("big"), Spec(meetings=2000))

To extend it (more kinds of content, other rates), add a field to `Spec` and use it
in the writer for that file; `Archive` holds the plan (bodies, people, meetings)
before anything is written.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

import yaml

# --- what to generate ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How big the archive is and the rates it is built at (per meeting unless said otherwise)."""

    meetings: int
    seed: int = 1
    bodies: int | None = None  # default: one body per 40 meetings, at least 1, at most 250
    start: dt.date = dt.date(2012, 1, 5)
    interval_days: tuple[int, int] = (28, 42)  # between a body's meetings
    members: tuple[int, int] = (9, 16)  # on a body
    items: tuple[int, int] = (10, 16)  # minute items
    item_words: tuple[int, int] = (60, 420)
    papers: tuple[int, int] = (2, 7)
    paper_words: tuple[int, int] = (400, 2200)
    actions_per_item: float = 0.35
    resolution_rate: float = 0.5
    cross_reference_rate: float = 0.25  # items citing an earlier minute of the same body
    close_rate: float = 0.4  # chance an open action is closed at each later log
    confidential_rate: float = 0.02  # minute items considered in private
    confidential_paper_rate: float = 0.03
    private_rate: float = 0.01  # whole meetings held in private
    draft_share: float = 0.2  # bodies whose latest minutes are still a draft
    per_meeting_share: float = 0.2  # bodies numbering items afresh at each meeting
    # Optional knobs (benchmarks/build_bench.py uses them); their defaults leave the output byte for byte as before.
    words: int | None = None  # about this many words of minutes and papers per meeting: scales item_words, paper_words
    cross_body_rate: float = 0.0  # items citing a minute of another body (bodies written earlier)

    @property
    def body_count(self) -> int:
        return self.bodies or max(1, min(250, self.meetings // 40))

    def word_ranges(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(item_words, paper_words): as given, or scaled so that a meeting has about `words` words.

        Words.paragraphs writes whole paragraphs (about 56 words each) until it
        reaches its target, so each text overshoots by about half a paragraph.
        """
        if self.words is None:
            return self.item_words, self.paper_words
        mean = lambda pair: (pair[0] + pair[1]) / 2  # noqa: E731
        items, papers = mean(self.items), mean(self.papers)
        base = items * mean(self.item_words) + papers * mean(self.paper_words)
        factor = max(0.02, (self.words - _OVERSHOOT * (items + papers)) / base)
        scale = lambda pair: (max(1, round(pair[0] * factor)), max(1, round(pair[1] * factor)))  # noqa: E731
        return scale(self.item_words), scale(self.paper_words)


_OVERSHOOT = 30  # words past its target that Words.paragraphs writes, on average


@dataclass
class Stats:
    bodies: int = 0
    people: int = 0
    meetings: int = 0
    items: int = 0
    papers: int = 0
    actions: int = 0
    updates: int = 0
    words: int = 0

    def line(self) -> str:
        return (f"{self.bodies} bodies, {self.people} people, {self.meetings} meetings, {self.items} minute items, "
                f"{self.papers} papers, {self.actions} actions ({self.updates} updates), {self.words:,} words")


# --- words ------------------------------------------------------------------------------------------

DOMAIN = """council board committee health care services patients residents budget finance report strategy
plan delivery performance quality safety risk assurance governance procurement contract commissioning
partnership community hospital primary secondary social housing planning transport highways education
schools children adults families workforce recruitment retention staff training capital revenue savings
efficiency pressures demand capacity waiting times targets outcomes inequalities prevention wellbeing
mental physical public consultation engagement survey feedback complaints audit inspection regulator
improvement transformation programme project pilot evaluation business case options appraisal approval
recommendation decision update progress position forecast variance overspend underspend reserves grant
funding allocation tariff pathway discharge admission referral clinic practice pharmacy dental maternity
urgent emergency ambulance winter resilience vaccination screening cancer diabetes stroke dementia frailty
carers disability access digital data information estates buildings maintenance energy climate carbon
environment waste recycling parks libraries leisure culture licensing enforcement trading standards
police fire safeguarding domestic abuse homelessness benefits poverty employment skills economy growth
regeneration investment infrastructure broadband rural urban neighbourhood ward parish district county
city borough region national guidance legislation policy framework protocol memorandum agreement""".split()
COMMON = """the of and to in a that is was for on with as by be it at from this were which are an
has have had not but their they will would been also there all its more other into than such
members noted agreed asked explained confirmed reported raised discussed welcomed thanked queried
further following regarding including within across between during before after next previous
current proposed existing additional significant particular overall key local joint""".split()
SYLLABLES = "ash bel cor dun el fen gar hol ing kel lan mor nor ock pen quin ros sel tam ven wick yar".split()
FIRST = """Aisha Alan Amelia Ben Carol Chris Claire David Deborah Emma Fatima Gareth Grace Hannah Imran
Jane John Karen Kevin Laura Liam Mark Mary Michael Nadia Neil Olivia Paul Priya Rachel Raj Ruth Sam
Sarah Simon Sophie Susan Tom Tracey Victoria William Yusuf Zoe""".split()
SURNAMES = """Adams Ahmed Baker Bennett Brown Campbell Carter Clarke Cooper Davies Edwards Evans Fisher
Green Hall Harris Hughes Jackson James Johnson Jones Khan King Lewis Martin Mitchell Moore Morgan Patel
Phillips Roberts Robinson Scott Shah Smith Taylor Thomas Thompson Turner Walker Ward Watson White Wilson
Wood Wright Young""".split()
HONORIFICS = ["Councillor", "Councillor", "Dr", "Mr", "Mrs", "Ms", "Professor"]
PLACES = """Ashford Barnwell Castleton Dunmore Elmbridge Fernhill Greystone Hollins Ivybridge Kingsmere
Lakeside Millbrook Northvale Oakfield Pendle Queensbury Riverside Stonehaven Thornbury Upton Westmoor
Yarrow""".split()
KINDS = [("Health and Wellbeing Board", "board"), ("Cabinet", "committee"), ("Scrutiny Committee", "committee"),
         ("Planning Committee", "committee"), ("Integrated Care Board", "board"),
         ("Joint Commissioning Committee", "joint committee"), ("Audit Committee", "committee")]
STATUSES = ["amber", "green", "red", "on-track", "no-progress", "not-started"]


class Words:
    """Sentences from a Zipf-distributed vocabulary, so the index sees a realistic spread of words."""

    def __init__(self, rng: random.Random, invented: int = 6000):
        made = set()
        while len(made) < invented:
            made.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocabulary = COMMON + DOMAIN + sorted(made)
        self.cumulative = list(accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))))
        self.rng = rng

    def word(self) -> str:
        return self.vocabulary[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def sentence(self, low: int = 8, high: int = 24) -> str:
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.15:
            words.insert(self.rng.randrange(len(words)), f"£{self.rng.randint(2, 950)}k")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraphs(self, words: int) -> list[str]:
        out, count = [], 0
        while count < words:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
            count += paragraph.count(" ") + 1
            out.append(paragraph)
        return out

    def title(self) -> str:
        picks = self.rng.sample(DOMAIN, 3)
        return f"{picks[0].capitalize()} {picks[1]} and {picks[2]}"


# --- the plan ---------------------------------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    honorific: str
    organisation: str

    @property
    def written(self) -> str:
        return f"{self.honorific} {self.name.split()[-1]}"


@dataclass
class Body:
    slug: str
    name: str
    short: str
    kind: str
    per_meeting: bool
    members: list[Person]
    officers: list[Person]
    clerk: Person
    dates: list[dt.date] = field(default_factory=list)

    def ref(self, date: dt.date, n: int) -> str:
        return str(n) if self.per_meeting else f"{self.short}/{date:%y}/{n}"


@dataclass
class Archive:
    bodies: list[Body]
    people: list[Person]


def plan(spec: Spec, rng: random.Random) -> Archive:
    people: list[Person] = []
    taken: set[str] = set()

    def person(organisation: str) -> Person:
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        base = f"{first}-{last}".lower()
        pid, n = base, 1
        while pid in taken:
            n += 1
            pid = f"{base}-{n}"
        taken.add(pid)
        people.append(Person(pid, f"{first} {last}", rng.choice(HONORIFICS), organisation))
        return people[-1]

    bodies, shorts = [], set()
    shared = [person("Shared services") for _ in range(max(3, spec.body_count // 2))]
    for number in range(spec.body_count):
        place = PLACES[number % len(PLACES)] + ("" if number < len(PLACES) else f" {number // len(PLACES) + 1}")
        kind, kind_word = KINDS[number % len(KINDS)]
        name = f"{place} {kind}"
        short = "".join(w[0] for w in name.split() if w[0].isupper()) or "B"
        while short in shorts:
            short += "X"
        shorts.add(short)
        organisation = f"{place} Council"
        members = [person(organisation) for _ in range(rng.randint(*spec.members))]
        officers = [person(organisation) for _ in range(3)] + rng.sample(shared, 2)
        bodies.append(Body(f"{place.lower().replace(' ', '-')}-{kind.split()[0].lower()}-{number + 1}", name, short,
                           kind_word, rng.random() < spec.per_meeting_share, members, officers, person(organisation)))
    for number in range(spec.meetings):  # round robin, so every body has its share of meetings
        body = bodies[number % len(bodies)]
        last = body.dates[-1] if body.dates else spec.start + dt.timedelta(days=(number % 28))
        body.dates.append(last + dt.timedelta(days=rng.randint(*spec.interval_days)) if body.dates else last)
    return Archive(bodies, people)


# --- writing ----------------------------------------------------------------------------------------


def _front(data: dict, text: str = "") -> str:
    head = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return f"---\n{head}---\n{text.rstrip()}\n" if text.strip() else f"---\n{head}---\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


class Writer:
    def __init__(self, out: Path, spec: Spec, rng: random.Random, words: Words, stats: Stats):
        self.out, self.spec, self.rng, self.words, self.stats = out, spec, rng, words, stats
        self.item_words, self.paper_words = spec.word_ranges()
        # (minute ref, body name) of bodies written so far, for cross_body_rate
        self.citable: list[tuple[str, str]] = []

    def site(self) -> None:
        _write(self.out / "site.yaml", yaml.safe_dump({
            "title": "Synthetic benchmark archive", "publisher": "Minutebook benchmarks",
            "base_url": "https://benchmark.example.org/", "language": "en-GB",
            "licence": {"name": "Open Government Licence v3.0",
                        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}},
            sort_keys=False))

    def people(self, people: list[Person]) -> None:
        for start in range(0, len(people), 500):  # several register files, as a large archive keeps them
            chunk = {p.id: {"name": p.name, "honorific": p.honorific, "organisation": p.organisation}
                     for p in people[start:start + 500]}
            _write(self.out / "people" / f"people-{start // 500 + 1:03d}.yaml",
                   yaml.safe_dump(chunk, sort_keys=False, allow_unicode=True))
        self.stats.people = len(people)

    def body(self, body: Body) -> None:
        pattern = "per-meeting" if body.per_meeting else f"{body.short}/{{yy}}/{{n}}"
        members = [{"person": p.id, "role": "Chair" if i == 0 else "Member", "organisation": p.organisation}
                   for i, p in enumerate(body.members)]
        about = " ".join(self.words.sentence() for _ in range(3))
        _write(self.out / "bodies" / f"{body.slug}.md", _front({
            "name": body.name, "short_name": body.short, "kind": body.kind, "numbering": pattern,
            "venue": f"Council Chamber, {body.name.split()[0]} Town Hall", "members": members}, about))
        self.stats.bodies += 1

    def meetings(self, body: Body) -> None:
        open_actions: list[tuple[str, dt.date]] = []  # (id, raised on), oldest first
        earlier_refs: list[str] = []
        numbers: dict[int, int] = {}
        drafts = self.rng.random() < self.spec.draft_share
        for position, date in enumerate(body.dates):
            private = position > 0 and self.rng.random() < self.spec.private_rate
            draft = drafts and position == len(body.dates) - 1
            start = 1 if body.per_meeting else numbers.get(date.year, 0) + 1
            items = self._items(body, date, start, private)
            if not body.per_meeting:
                numbers[date.year] = start + len(items) - 1
            papers = self._papers(body, date, items)
            raised = self._minutes(body, date, items, papers, earlier_refs, draft, private)
            previous = body.dates[position - 1] if position else None
            self._meeting(body, date, items, papers, previous, private)
            if open_actions and not private:
                open_actions = self._action_log(body, date, open_actions)
            open_actions += [(a, date) for a in raised]
            if not private and not draft:
                earlier_refs += [ref for ref, _, confidential in items if not confidential]
            self.stats.meetings += 1
        if self.spec.cross_body_rate and not body.per_meeting:
            self.citable += [(ref, body.name) for ref in earlier_refs]

    def _items(self, body: Body, date: dt.date, start: int, private: bool) -> list[tuple[str, str, bool]]:
        count = self.rng.randint(*self.spec.items)
        titles = ["Welcome and apologies", "Declarations of interest", "Minutes of the previous meeting"]
        titles += [self.words.title() for _ in range(count - 4)] + ["Any other business"]
        return [(body.ref(date, start + i), title,
                 not private and 3 <= i < count - 1 and self.rng.random() < self.spec.confidential_rate)
                for i, title in enumerate(titles)]

    def _papers(self, body: Body, date: dt.date, items) -> list[tuple[str, str, str, bool]]:
        """(ref, title, minute ref, confidential) for papers presented under substantive items."""
        substantive = [(ref, title) for ref, title, confidential in items[3:-1] if not confidential]
        chosen = self.rng.sample(substantive, min(len(substantive), self.rng.randint(*self.spec.papers)))
        chosen.sort(key=lambda pair: [ref for ref, _, _ in items].index(pair[0]))
        papers = []
        for n, (ref, title) in enumerate(chosen):
            letter = chr(ord("A") + n)
            confidential = self.rng.random() < self.spec.confidential_paper_rate
            papers.append((letter, title, ref, confidential))
            self._paper(body, date, letter, title, ref, confidential)
        return papers

    def _paper(self, body: Body, date: dt.date, letter: str, title: str, item: str, confidential: bool) -> None:
        author = self.rng.choice(body.officers)
        paragraphs = self.words.paragraphs(self.rng.randint(*self.paper_words))
        sections = ["Background", "Proposal", "Financial implications", "Risks", "Next steps"]
        text = []
        for n, paragraph in enumerate(paragraphs):
            if n % max(1, len(paragraphs) // len(sections)) == 0 and sections:
                text.append(f"## {sections.pop(0)}")
            text.append(paragraph)
        data = {"ref": letter, "title": title, "item": item, "report_to": body.name, "date": date.isoformat(),
                "authors": [author.id], "presenter": author.id,
                "purpose": [self.rng.choice(["decision", "discussion", "information", "assurance"])],
                "summary": self.words.sentence(), "recommendations": f"The {body.short} is asked to note the report."}
        if confidential:
            data["confidential"] = True
        folder = self.out / "meetings" / body.slug / date.isoformat() / "papers"
        _write(folder / f"paper-{letter.lower()}.md", _front(data, "\n\n".join(text)))
        self.stats.papers += 1
        self.stats.words += sum(p.count(" ") + 1 for p in paragraphs)

    def _minutes(self, body: Body, date: dt.date, items, papers, earlier: list[str], draft: bool,
                 private: bool) -> list[str]:
        """Write minutes.md; returns the ids of the actions raised."""
        by_item = {}
        for letter, _, ref, confidential in papers:
            if not confidential:
                by_item.setdefault(ref, []).append(letter)
        present = body.members[: max(3, len(body.members) - 2)]
        sections, raised = [], []
        for ref, title, confidential in items:
            block: dict = {}
            text = self.words.paragraphs(self.rng.randint(*self.item_words))
            if confidential:
                block = {"confidential": True, "reason": "Exempt under paragraph 3 of Schedule 12A",
                         "public_title": "Commercial matter"}
            elif title not in ("Welcome and apologies", "Declarations of interest", "Any other business"):
                lead = self.rng.choice(body.officers)
                text[0] = f"{lead.written} introduced the report. {text[0]}"
                if by_item.get(ref):
                    block["paper"] = by_item[ref]
                    text[0] += f" Paper {by_item[ref][0]} set out the detail."
                if earlier and self.rng.random() < self.spec.cross_reference_rate and not body.per_meeting:
                    text.append(f"Members recalled the discussion under minute {self.rng.choice(earlier)}.")
                if self.spec.cross_body_rate and self.citable and self.rng.random() < self.spec.cross_body_rate:
                    cited, name = self.rng.choice(self.citable)
                    text.append(f"The {name} had considered the matter under minute {cited}.")
                block["lead"] = [lead.id]
                if self.rng.random() < self.spec.resolution_rate:
                    block["resolutions"] = [f"**NOTE** the {self.words.title().lower()} update."]
                actions = []
                while self.rng.random() < self.spec.actions_per_item / (1 + len(actions)):
                    owner = self.rng.choice(present + body.officers)
                    due = date + dt.timedelta(days=self.rng.randint(30, 180))
                    actions.append({"owner": owner.id, "text": self.words.sentence(6, 14), "due": f"{due:%Y-%m}"})
                if actions:
                    block["actions"] = actions
                    raised += [self._action_id(body, date, ref, n + 1) for n in range(len(actions))]
            heading = f"## {ref} {title}"
            fenced = f"```item\n{yaml.safe_dump(block, sort_keys=False, width=100)}```\n\n" if block else ""
            sections.append(f"{heading}\n\n{fenced}" + "\n\n".join(text))
            self.stats.items += 1
            self.stats.words += sum(p.count(" ") + 1 for p in text)
        status = "draft" if draft else "approved"
        _write(self.out / "meetings" / body.slug / date.isoformat() / "minutes.md",
               _front({"status": status}, "\n\n".join(sections)))
        self.stats.actions += len(raised)
        return raised

    @staticmethod
    def _action_id(body: Body, date: dt.date, ref: str, n: int) -> str:
        return f"{date.isoformat()}/{ref}#{n}" if body.per_meeting else f"{ref}#{n}"

    def _meeting(self, body: Body, date: dt.date, items, papers, previous: dt.date | None, private: bool) -> None:
        present = body.members[: max(3, len(body.members) - 2)]
        absent = body.members[len(present):]
        agenda = []
        for ref, title, confidential in items:
            entry = {"ref": ref, "title": "Commercial matter" if confidential else title}
            attached = [letter for letter, _, item, secret in papers if item == ref and not secret]
            if attached:
                entry["paper"] = attached
            if confidential:
                entry["confidential"] = True
            agenda.append(entry)
        data = {"body": body.slug, "date": date.isoformat(), "title": f"{body.short} meeting",
                "session": "private" if private else "public", "start": "14:00", "end": "16:30",
                "chair": body.members[0].id,
                "attendance": {"present": [p.id for p in present], "in_attendance": [p.id for p in body.officers[:3]],
                               "apologies": [p.id for p in absent], "minutes": body.clerk.id},
                "agenda": agenda}
        notes = f"The previous meeting was held on {_long_date(previous)}." if previous else ""
        _write(self.out / "meetings" / body.slug / date.isoformat() / "meeting.md", _front(data, notes))

    def _action_log(self, body: Body, date: dt.date, open_actions: list[tuple[str, dt.date]]):
        updates, still_open = [], []
        for action, raised in open_actions:
            closed = self.rng.random() < self.spec.close_rate
            update = {"action": action, "status": "complete" if closed else self.rng.choice(STATUSES),
                      "progress": self.words.sentence(5, 12)}
            if closed:
                update["closed"] = True
            else:
                still_open.append((action, raised))
            updates.append(update)
        _write(self.out / "meetings" / body.slug / date.isoformat() / "actions.md", _front({"updates": updates}))
        self.stats.updates += len(updates)
        return still_open


def generate(out: Path, spec: Spec) -> Stats:
    """Write the archive into `out` (replaced if it exists); returns what was written."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(spec.seed)
    archive = plan(spec, rng)
    stats = Stats()
    writer = Writer(out, spec, rng, Words(rng), stats)
    writer.site()
    writer.people(archive.people)
    for body in archive.bodies:
        writer.body(body)
        writer.meetings(body)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the content into (replaced)")
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bodies", type=int, default=None, help="default: one per 40 meetings")
    parser.add_argument("--items", type=int, nargs=2, metavar=("LOW", "HIGH"), default=Spec.items,
                        help="minute items per meeting (default: %(default)s)")
    parser.add_argument("--words", type=int, default=None,
                        help="about this many words of minutes and papers per meeting (default: about 9,500)")
    parser.add_argument("--cross-references", type=float, default=Spec.cross_reference_rate, metavar="RATE",
                        help="share of items citing an earlier minute of the same body (default: %(default)s)")
    parser.add_argument("--cross-body", type=float, default=Spec.cross_body_rate, metavar="RATE",
                        help="share of items citing a minute of another body (default: %(default)s)")
    parser.add_argument("--actions", type=float, default=Spec.actions_per_item, metavar="RATE",
                        help="actions raised per substantive item, about (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.meetings < 1:
        parser.error("--meetings must be at least 1")
    if not 4 <= args.items[0] <= args.items[1]:
        parser.error("--items needs 4 <= LOW <= HIGH (the standing items take four)")
    stats = generate(args.out, Spec(meetings=args.meetings, seed=args.seed, bodies=args.bodies,
                                    items=tuple(args.items), words=args.words,
                                    cross_reference_rate=args.cross_references, cross_body_rate=args.cross_body,
                                    actions_per_item=args.actions))
    print(f"{args.out}: {stats.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
