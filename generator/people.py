"""Resolving the names clerks write to entries of the people register.

Minutes say "Professor Lakhani", "Mr Gay", "Sarah Prema"; the register says who
they are. Every form a person is known by maps to one id; a form shared by two
people is ambiguous and must be written as an id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import re

from generator.model import Person, PersonRef, Role


def _norm(text: str) -> str:
    return " ".join(str(text).replace(".", " ").split()).lower()


# The short and the long form of the honorifics packs write both ways
_HONORIFIC_FORMS = {"cllr": "councillor", "councillor": "cllr", "prof": "professor", "professor": "prof"}


class PeopleIndex:
    def __init__(self, people: dict[str, Person]):
        self.people = people
        self.forms: dict[str, str] = {}
        self.ambiguous: dict[str, set[str]] = {}
        self._refs: dict[str, PersonRef] = {}
        self._initials: dict[str, list[str]] = {}
        for person in people.values():
            for form in self._forms(person):
                self._add(form, person.id)
            if person.initials:
                self._initials.setdefault(_bare(person.initials), []).append(person.id)
        self._first_names: dict[str, list[str]] | None = None  # made when a message first asks (with_first_name)
        self._surnames: dict[str, list[str]] | None = None  # likewise (with_surname)
        self._organisations = {_norm(org) for person in people.values()
                               for org in (person.organisation, *(role.organisation for role in person.roles)) if org}
        self._posts: dict[str, list[tuple[str, Role]]] = {}
        for person in people.values():
            for role in person.roles:
                # with the person's organisation where the role gives none, which tells two holders apart
                held = role if role.organisation or not person.organisation else \
                    dataclasses.replace(role, organisation=person.organisation)
                for form in post_forms(person, role):
                    self._posts.setdefault(form, []).append((person.id, held))

    @staticmethod
    def _forms(person: Person):
        yield person.id
        yield person.name
        if person.honorific:
            yield f"{person.honorific} {person.name}"
            if len(person.name.split()) > 1:
                yield f"{person.honorific} {person.surname}"
        yield from person.aliases

    def _add(self, form: str, person_id: str) -> None:
        key = _norm(form)
        if key in self.ambiguous:
            self.ambiguous[key].add(person_id)
        elif key in self.forms and self.forms[key] != person_id:
            self.ambiguous[key] = {self.forms.pop(key), person_id}
        else:
            self.forms[key] = person_id

    def lookup(self, text: str) -> tuple[str | None, set[str]]:
        """(id, set()) when resolved; (None, candidates) when ambiguous; (None, set()) unknown. An honorific is
        the same written short or long (`Cllr Cutkelvin` for the register's Councillor Cutkelvin), as packs write
        both."""
        key = _norm(text)
        if key not in self.forms and key not in self.ambiguous:
            first, _, rest = key.partition(" ")
            if first in _HONORIFIC_FORMS and rest:
                key = f"{_HONORIFIC_FORMS[first]} {rest}"
        if key in self.forms:
            return self.forms[key], set()
        return None, self.ambiguous.get(key, set())

    def ref(self, person_id: str) -> PersonRef:
        """One PersonRef for each person, however often named: an archive names its people some 90,000 times at
        2,000 meetings, each a record the build cache would otherwise write, read back and hold apart."""
        found = self._refs.get(person_id)
        if found is None:
            found = self._refs[person_id] = PersonRef(name=self.people[person_id].display_name, id=person_id)
        return found

    def known_forms(self) -> list[str]:
        return sorted({p.display_name for p in self.people.values()} | set(self.people))

    def is_organisation(self, text: str) -> bool:
        """Whether `text` is an organisation the register's people work for (`NHS Leicester City CCG`, as a
        council report's "REPORT OF" line names its authors), which is no one's name."""
        return _norm(text) in self._organisations

    def post(self, text: str, day: dt.date) -> tuple[list[str], list[tuple[str, Role]]]:
        """(the ids of the people whose role `text` names on `day`, every (id, role) of that title): packs name
        people by their post ("Owner: Chair", "Lead: Director of Finance"), which the register's dated roles tell
        the holder of."""
        holdings = self._posts.get(_post_key(text), [])
        return sorted({pid for pid, role in holdings if held_on(role, day)}), holdings

    def titled(self, text: str, day: dt.date) -> list[tuple[str, Role]]:
        """(id, role) of each role held on `day` whose title is the post `text` and more (`Vice-Chair of the
        Health and Wellbeing Board` for `Vice Chair`), as registers title a body's vice-chair: no post `text`
        names (a post is its role's whole title), so that `chair: Vice Chair` was told no one had the role."""
        key = _post_key(text)
        if not key:
            return []
        found = {(pid, role) for form, holdings in self._posts.items()
                 if form.startswith(key) and len(form) > len(key) and not form[len(key)].isalnum()
                 for pid, role in holdings if held_on(role, day) and _post_key(role.title) != key}
        return sorted(found, key=lambda held: (held[0], held[1].title))

    def with_initials(self, text: str) -> list[str]:
        """The ids of the people whose `initials:` `text` is (`JH`, `J.H.`): a clerk's way of naming them in the
        minutes' text, where they link (references.py), written in a field, where they do not."""
        return sorted(self._initials.get(_bare(text), ())) if text.replace(".", "").strip().isupper() else []

    def with_first_name(self, text: str) -> list[str]:
        """The ids of the people whose first name `text` is (`Priya`), as colleagues name each other in an action
        log: no form a name is found by, and told only to add 'Priya' to the register, a clerk would have added
        the same person twice."""
        if not _ONE_NAME.fullmatch(text.strip()):
            return []
        if self._first_names is None:
            self._first_names = {}
            for person in self.people.values():
                first = _first_name(person.name)
                if first:
                    self._first_names.setdefault(first, []).append(person.id)
        return sorted(self._first_names.get(_norm(text), ()))


    def with_surname(self, text: str) -> list[str]:
        """The ids of the people whose surname `text` is (`Patel`), as a title and a surname name them in the
        minutes' text ("Dr Patel to ..."), the title not always the register's (`honorific: Mr`): a surname alone
        is no form a name is found by."""
        if not _ONE_NAME.fullmatch(text.strip()):
            return []
        if self._surnames is None:
            self._surnames = {}
            for person in self.people.values():
                if len(person.name.split()) > 1:
                    self._surnames.setdefault(_norm(person.surname), []).append(person.id)
        return sorted(self._surnames.get(_norm(text), ()))


_ONE_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A title before a name, as the minutes' text writes one ("Cllr Smith", "Dr Patel", "Councillor Dr Moore")
HONORIFIC = re.compile(r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|cllr|councillor|sir|dame|rev|lord|lady)\b\.?",
                       re.IGNORECASE)


def without_titles(written: str) -> str:
    """The name `written` is without the titles it starts with (`Councillor Dr Moore`: `Moore`); "" where it has
    none, or is nothing but them."""
    rest, titled = written.strip(), False
    while (title := HONORIFIC.match(rest)) is not None and rest[title.end():title.end() + 1].isspace():
        rest, titled = rest[title.end():].strip(), True
    return rest if titled else ""


def _first_name(name: str) -> str:
    """The first of a full name's words (`priya` of Priya Shah), as _norm writes it; "" for a name of one word,
    which is a form the person is found by already."""
    words = _norm(name).split(" ")
    return words[0] if len(words) > 1 else ""


_WORD = re.compile(r"[^\W\d_]+")


def _surname(text: str) -> str:
    """The last word of a name or an id (`Mr Brian Okafor`, `brian-okafor`): the register's people are told apart
    by their surnames, and clerks misspell them by a letter or two."""
    words = _WORD.findall(text.lower())
    return words[-1] if words else ""


# "A and B", "A & B", "A, B", "A/B": people written as one, in a field for a person or after "Action:"
_JOINED = re.compile(r"\s*(?:/|,|&|\band\b)\s*", re.IGNORECASE)


def names_in(written: str) -> list[str]:
    """The names a text written as one joins (one, where it joins none): a person's field and an action line in
    the minutes' text are read so alike."""
    return [part for part in _JOINED.split(written.strip()) if part]


def closest_person(written: str, forms) -> str | None:
    """The form of a name in the register (`known_forms`, or the ids) that `written` most likely means: one whose
    surname its surname resembles, or that resembles it closely as a whole. Closeness of the whole text alone
    suggested `Mrs A Hack` for `Mr Tim Sacks`, as the honorific and the letters `ack` made up most of it."""
    surname, whole = _surname(written), " ".join(_WORD.findall(written.lower()))

    def alike(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    resembling = [form for form in sorted(set(forms)) if alike(surname, _surname(form)) >= 0.75
                  or alike(whole, " ".join(_WORD.findall(form.lower()))) >= 0.85]
    close = difflib.get_close_matches(written, resembling, n=1, cutoff=0)
    return close[0] if close else None


def _post_key(text: str) -> str:
    """A post as written, read alike whatever its case, spacing or hyphens (`Vice-Chair`, `vice chair`)."""
    return _norm(str(text).replace("-", " ").replace("\u2013", " "))


def post_forms(person: Person, role: Role):
    """The forms a role is written by where a person goes: its title, and its title with its organisation
    ("Director of Finance, Leicester City CCG"), the person's where the role gives none."""
    yield _post_key(role.title)
    organisation = role.organisation or person.organisation
    if organisation:
        yield _post_key(f"{role.title}, {organisation}")


def role_written(person: Person, written: str, day: dt.date) -> Role | None:
    """The role of `person`'s that a post written alone, without its organisation (`Director of Finance`), names on
    `day`; None where it names none so (written with its organisation, or no role of theirs at all)."""
    key = _post_key(written)
    return next((role for role in person.roles if _post_key(role.title) == key and held_on(role, day)), None)


def held_on(role: Role, day: dt.date) -> bool:
    return (role.start is None or role.start <= day) and (role.end is None or day <= role.end)


def _bare(initials: str) -> str:
    return "".join(str(initials).replace(".", " ").split())


class Asked:
    """A PeopleIndex that notes each question a meeting's files ask of it, with the answer.

    A meeting's records depend on the people register only through these
    answers (schema.person). After an edit to the register, a meeting whose
    questions get the same answers from the new one reads the same, and the
    loader keeps what it made of it (`answers_hold`): a new member or a
    corrected job title no longer has every meeting of the archive read again.
    """

    def __init__(self, index: PeopleIndex):
        self._index = index
        self._answers: dict[tuple[str, str], str] = {}

    def lookup(self, text: str) -> tuple[str | None, set[str]]:
        self._note("lookup", text)
        return self._index.lookup(text)

    def ref(self, person_id: str) -> PersonRef:
        self._note("ref", person_id)
        return self._index.ref(person_id)

    def known_forms(self) -> list[str]:
        self._note("known_forms", "")
        return self._index.known_forms()

    def with_initials(self, text: str) -> list[str]:
        self._note("initials", text)
        return self._index.with_initials(text)

    def with_first_name(self, text: str) -> list[str]:
        self._note("first_name", text)
        return self._index.with_first_name(text)

    def with_surname(self, text: str) -> list[str]:
        self._note("surname", text)
        return self._index.with_surname(text)

    def post(self, text: str, day: dt.date) -> tuple[list[str], list[tuple[str, Role]]]:
        self._note("post", f"{day.isoformat()}\1{text}")
        return self._index.post(text, day)

    def titled(self, text: str, day: dt.date) -> list[tuple[str, Role]]:
        self._note("titled", f"{day.isoformat()}\1{text}")
        return self._index.titled(text, day)

    def is_organisation(self, text: str) -> bool:
        self._note("organisation", text)
        return self._index.is_organisation(text)

    def _note(self, question: str, argument: str) -> None:
        if (question, argument) not in self._answers:
            self._answers[question, argument] = _answer(self._index, question, argument)

    def record(self) -> tuple[str, bytes]:
        """The questions, and a digest of their answers: two objects a meeting in the build cache, where the
        questions and answers themselves were as many objects as the meeting's attendance."""
        questions = sorted(self._answers)
        return ("\0".join(f"{question}\1{argument}" for question, argument in questions),
                _digest(self._answers[key] for key in questions))


def _answer(index: PeopleIndex, question: str, argument: str) -> str:
    if question == "lookup":
        person_id, candidates = index.lookup(argument)
        return f"{person_id}\1{sorted(candidates)}"
    if question == "ref":
        if argument not in index.people:  # gone from the register since
            return ""
        ref = index.ref(argument)
        return f"{ref.name}\1{ref.id}\1{ref.body}"
    if question == "initials":
        return "\1".join(index.with_initials(argument))
    if question == "first_name":
        return "\1".join(index.with_first_name(argument))
    if question == "surname":
        return "\1".join(index.with_surname(argument))
    if question == "organisation":
        return "1" if index.is_organisation(argument) else ""
    if question == "post":
        day, text = argument.split("\1", 1)
        held, holdings = index.post(text, dt.date.fromisoformat(day))
        return repr((held, holdings))
    if question == "titled":
        day, text = argument.split("\1", 1)
        return repr(index.titled(text, dt.date.fromisoformat(day)))
    return "\1".join(index.known_forms())


def _digest(answers) -> bytes:
    return hashlib.blake2b("\0".join(answers).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def answers_hold(record: tuple[str, bytes], index: PeopleIndex) -> bool:
    """Whether `index` answers the questions of `record` (Asked.record) as the register they were asked of did."""
    questions, digest = record
    asked = [question.split("\1", 1) for question in questions.split("\0")] if questions else []
    return _digest(_answer(index, question, argument) for question, argument in asked) == digest


def may_have_asked_about(records: list[tuple[str, bytes]], people: list[Person]) -> bool:
    """Whether the files whose questions `records` hold (Asked.record) may have asked the register about any of
    `people`, so that adding or removing them could change what those files read as.

    The questions, run together and normalised as the register's forms are, are
    searched for each of the people's forms: a name some file wrote is found, and
    so are longer names that contain it (a "maybe" is always safe). A file that
    asked for the list of known names, to suggest one in a message, would read
    differently with any name added or removed; one that asked whose initials a
    text is (initials are no form a name is found by), with someone of those
    initials added or removed."""
    if asked_about_posts(records, people):
        return True
    text = "\0".join(questions for questions, _ in records)
    if "known_forms\1" in text or "organisation\1" in text:  # the second: whether anyone works for it
        return True
    if "initials\1" in text:
        initials = {_bare(person.initials) for person in people if person.initials}
        asked = {_bare(question[len("initials\1"):]) for questions, _ in records for question in questions.split("\0")
                 if question.startswith("initials\1")}
        if initials & asked:
            return True
    if "first_name\1" in text:  # a first name is no form either: someone of that first name added or removed
        firsts = {_first_name(person.name) for person in people}
        asked = {_norm(question[len("first_name\1"):]) for questions, _ in records
                 for question in questions.split("\0") if question.startswith("first_name\1")}
        if firsts & asked:
            return True
    if "surname\1" in text:  # nor is a surname: someone of that surname added or removed
        surnames = {_norm(person.surname) for person in people}
        asked = {_norm(question[len("surname\1"):]) for questions, _ in records
                 for question in questions.split("\0") if question.startswith("surname\1")}
        if surnames & asked:
            return True
    text = _norm(text)
    return any(_norm(form) in text for person in people for form in PeopleIndex._forms(person))


def asked_about_posts(records: list[tuple[str, bytes]], people: list[Person]) -> bool:
    """Whether the files whose questions `records` hold asked who held a post that one of `people` has a role of:
    adding or removing them, or changing their roles' dates, may change who held it that day."""
    posts = {question.rsplit("\1", 1)[1] for questions, _ in records if "post\1" in questions
             for question in questions.split("\0") if question.startswith("post\1")}
    # a post no role's whole title is, whose message names the roles titled with it and more (PeopleIndex.titled)
    titled = {_post_key(question.rsplit("\1", 1)[1]) for questions, _ in records if "titled\1" in questions
              for question in questions.split("\0") if question.startswith("titled\1")}
    if titled and any(form.startswith(key) for person in people for role in person.roles
                      for form in post_forms(person, role) for key in titled):
        return True
    if not posts:
        return False
    asked = {_post_key(text) for text in posts}
    return any(form in asked for person in people for role in person.roles for form in post_forms(person, role))
