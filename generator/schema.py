"""Declared fields for every kind of content record, and the coercions they use.

Like MkDocs' config options: each field says its type, whether it is required and
what it defaults to, so unknown fields, missing fields and wrong types all become
messages with a line number instead of surprises in a template.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable

from generator.diagnostics import Report, closest, did_you_mean, listed, listed as _listed, shortened
from generator.model import Due, PersonRef
from generator.people import HONORIFIC as _HONORIFIC
from generator.people import PeopleIndex, closest_person, held_on, names_in
from generator.values import Invalid, parse_date, parse_month, parse_time, parse_yesno, spoken_date, unread_due, \
    without_year
from generator.yamltext import LDict, LList, LStr, line_of, scalar


@dataclass(frozen=True)
class Held:
    """What a meeting's files read a post written where a person goes against ("Chair", "Director of Finance"):
    the meeting's date, which the register's dated roles tell the holder on, and its `chair:`."""

    date: dt.date | None = None
    chair: tuple | None = ()  # None: `chair:` is in error, said so on its line, or is the field being read
    reading_chair: bool = False
    meeting_file: str = "meeting.md"
    # Who took the chair for the minute item being read (its `chair:`, chairs.one), whom `Chair` in its fields
    # read after that names: the person in the chair then, not the meeting's chair, who had left the room
    item_chair: PersonRef | None = None
    body: str = ""  # the meeting's body's slug, which an owner written as everyone ("All") is told to write
    # `session: private`: the meeting publishes nothing, so its agenda's marks of what was taken in private, which
    # its pack carries on every item, are not told (load_meeting._agenda_item)
    private: bool = False
    # Where meeting.md gives no `chair:`: the line naming the one attendee present whose role is the chair
    # (chair_line), which `Chair` written for a person is told to add; a registered chair and one written by name
    # alone alike
    listed_chair: str = ""
    # The members of the meeting's body whose `role:` in its file is a chair's deputy's (`Vice-Chair`), each a
    # Membership: `owner: Vice-Chair` names the one on the meeting's day (post_holder), as the body's file says
    deputies: tuple = ()


@dataclass
class Context:
    """What a coercion needs to know besides the value: where it is, and the register."""

    path: Any
    report: Report
    people: PeopleIndex | None = None
    bodies: frozenset = frozenset()
    files: dict | None = None  # path -> (stat, digest) of files the loader read already (FileDigests.seen)
    held: Held | None = None  # in a meeting's files: posts are read as the people who held them
    # in minutes: the bodies by their short names and names (inline_actions.BodiesAsked), which a person field
    # naming a body so (`owner: CCB`) is told to write as `{body: slug}`
    named: Any = None
    # in a paper: told each file of papers/ its `file:`s look up, for the preview to know when to read it again
    # (reload_parts.Beside)
    beside: Any = None
    # in meeting.md: the bodies by slug (model.Body), whose members its `body:` gives Held the deputies of
    body_files: dict | None = None


Coerce = Callable[[Any, Context], Any]


@dataclass(frozen=True)
class Field:
    name: str
    coerce: Coerce
    required: bool = False
    default: Any = None
    missing: str = ""  # what to write when a required field is left out, where `name: ...` says too little
    # the names packs give what the field holds, which clerks write for it (an action log's `Action:` column for an
    # action's `text:`): read as the field, as a misspelling is, and told the field's name, which no spelling gives
    also: tuple[str, ...] = ()


class Schema:
    def __init__(self, what: str, *fields: Field):
        self.what = what
        self.fields = {f.name: f for f in fields}

    def read(self, data, ctx: Context, line: int = 1) -> dict[str, Any] | None:
        """Coerce a mapping; report every problem; None if it is not a mapping at all."""
        if data is None:
            data = LDict(line)
        if not isinstance(data, dict):
            ctx.report.error(ctx.path, line_of(data, line), f"{self.what} must be a set of `field: value` lines",
                             "see docs/content-format.md for the fields")
            return None
        out: dict[str, Any] = {}
        for key in data:
            if key not in self.fields:
                called = self._called(key)
                hint = f"write it as `{called}:`, the field {self.what} gives it" if called else \
                    did_you_mean(key, self.fields, "fields")
                ctx.report.error(ctx.path, data.line_of(key), f"unknown field '{key}' in {self.what}",
                                 hint or "remove it or check docs/content-format.md")
        meant = self._misspelt(data)
        for name, spec in self.fields.items():
            given = meant.get(name, name)  # `owners:` read as the `owner:` it means: its value is checked too,
            value = data.get(given)        # and no second message says that the owner or a required field is missing
            if value is None:
                if given != name:
                    pass  # the misspelling's error says enough
                elif spec.required and name in data:  # `date:` with nothing after it
                    ctx.report.error(ctx.path, data.line_of(name), f"'{name}' is given no value, and {self.what} "
                                     "needs one", f"write it after `{name}: ` on this line")
                elif spec.required:
                    ctx.report.error(ctx.path, data.line, f"the required field '{name}' is missing from {self.what}",
                                     spec.missing or f"add `{name}: ...`")
                out[name] = spec.default
                continue
            try:
                out[name] = spec.coerce(value, ctx)
            except Invalid as exc:
                ctx.report.error(ctx.path, line_of(value, data.line_of(given)), f"{given}: {exc.message}", exc.hint)
                out[name] = spec.default
        return out

    def _misspelt(self, data: dict) -> dict[str, str]:
        """Each field not given, by the unknown key most likely meant for it (`owners` for `owner`)."""
        meant: dict[str, str] = {}
        for key in data:
            close = self._called(key) or closest(key, self.fields) if key not in self.fields else None
            if close is not None and close not in data and close not in meant:
                meant[close] = key
        return meant

    def _called(self, key) -> str:
        """The field whose `also:` names `key` ("" where none does)."""
        if not isinstance(key, str):
            return ""
        return next((name for name, spec in self.fields.items() if key.strip().lower() in spec.also), "")

    def written(self, data: dict, name: str):
        """The value written for the field `name`, under its name or a misspelling of it, as `read` reads it."""
        return data.get(self.key(data, name))

    def key(self, data: dict, name: str) -> str:
        """The key the field `name` is written under in `data`: its name, a misspelling of it, or the name a pack
        gives it (`RAG:` for `status:`), as `read` reads it."""
        return self._misspelt(data).get(name, name)


def text(value, ctx: Context) -> str:
    """Interned: the same titles, statuses and names recur across an archive (half of its 425,000 such texts
    at 2,000 meetings), and the build cache writes, reads back and holds each distinct object once."""
    if isinstance(value, dict) and len(value) == 1:  # RESOLVED: to approve ..., its ': ' read as a field's
        (key, said), = value.items()
        if not isinstance(said, (dict, list)):
            whole = f"{key}: {'' if said is None else said}".strip().replace('"', '\\"')
            raise Invalid(f"the text has ': ' after '{shortened(str(key), 40)}', so YAML reads it as a field of that "
                          "name, not as text", f'put the whole text in quotes: "{whole}"')
    if isinstance(value, (dict, list)):
        raise Invalid("should be a single piece of text, not a list or mapping", "write it on one line, or quote it")
    return sys.intern(str(value))


def lined(value, ctx: Context) -> str:
    """Text, stripped, that keeps its line, not interned: a reference checked later against the rest of its meeting (a
    paper's ref on an agenda item) is then reported on the line it was written on, not its record's first."""
    return LStr(text(value, ctx).strip(), line_of(value))


def markdown(value, ctx: Context) -> str:
    """Kept as written, with its line, so a bad link inside can be reported where it is."""
    text(value, ctx)
    return value if isinstance(value, LStr) else LStr(str(value), line_of(value))


def date(value, ctx: Context):
    return parse_date(text(value, ctx))


def day(last: bool, attended: bool = False):
    """A date something began (a role's or a membership's `from`) or ended (`to`, `last`), where registers often
    give a month (`April 2018`): refused, as pages and open data show the day, a role's decide who held the post
    on a meeting's day (`Lead: Director of Finance`), and a member's (`attended`) which of the body's meetings
    count in their attendance; a month read as its first or last day could count or leave out a meeting that
    month wrongly (one holder's `to: 2019-04` and the next's `from: 2019-04` would both hold the post all April).
    The message gives the month's first (or last) day to write where the day is not known."""
    reason = "pages and open data show the day, and it decides " + (
        "which meetings that month count in their attendance" if attended
        else "who held the post at a meeting that month, as a pack's `Lead: Director of Finance` names them")

    def read(value, ctx: Context):
        written = text(value, ctx)
        try:
            return parse_date(written)
        except Invalid:
            month = parse_month(written)
            if month is None:
                raise
            meant = month if last else month.replace(day=1)
            raise Invalid(f"'{written.strip()}' is a month, but a day is needed: {reason}", "write the day, or, if it "
                          f"is not known, the month's {'last' if last else 'first'} day, {meant.isoformat()}") from None
    return read


def time(value, ctx: Context) -> str:
    return parse_time(text(value, ctx))


def yesno(value, ctx: Context) -> bool:
    return parse_yesno(text(value, ctx))


def url(value, ctx: Context) -> str:
    value = text(value, ctx).strip()
    if not value.startswith(("https://", "http://")):
        # "www.leicester.public-i.tv", as a pack prints an address: the one to write, not only how it starts
        host = _HOST.match(value)
        raise Invalid(f"'{value}' is not a web address", f"write it as https://{value} if that is the address" if host
                      else "write the full address starting with https://")
    return value


# An address without its https:// ("www.leicester.public-i.tv", "council.gov.uk/webcasts")
_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?$", re.I)


LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")  # BCP 47, as a `lang` attribute needs it
# The tags of the languages public bodies in Britain publish papers in, by the names clerks write instead (in
# English, and in the language itself): `lang="Welsh"` is no language, and a screen reader reads it as English.
LANGUAGE_NAMES = {
    "english": "en-GB", "saesneg": "en-GB", "welsh": "cy", "cymraeg": "cy", "irish": "ga", "gaeilge": "ga",
    "gaelic": "gd", "scottish gaelic": "gd", "gàidhlig": "gd", "cornish": "kw", "kernewek": "kw", "polish": "pl",
    "urdu": "ur", "punjabi": "pa", "bengali": "bn", "gujarati": "gu", "arabic": "ar", "somali": "so",
    "romanian": "ro", "portuguese": "pt", "french": "fr", "spanish": "es", "german": "de", "italian": "it",
    "lithuanian": "lt", "chinese": "zh", "tamil": "ta", "turkish": "tr", "ukrainian": "uk",
}


def language(value, ctx: Context) -> str:
    """A language tag (BCP 47): screen readers pronounce a page, or a part of one, by it (WCAG 2.2, 3.1.1 and
    3.1.2)."""
    written = text(value, ctx).strip()
    if not LANGUAGE_TAG.fullmatch(written):
        both = list(dict.fromkeys(LANGUAGE_NAMES[word] for word in re.findall(r"[^\W\d_]+", written.lower())
                                  if word in LANGUAGE_NAMES))
        if len(both) > 1:  # `Welsh/English`, a bilingual paper: the nearest spelling would name only one
            raise Invalid(f"'{written}' is not a language tag, and names {len(both)} languages",
                          f"write the tag of the one most of it is in: {' or '.join(both)}")
        named = closest(written.lower(), LANGUAGE_NAMES)
        tag = LANGUAGE_NAMES[named] if named else ""
        if not tag and LANGUAGE_TAG.fullmatch(written.replace("_", "-")):  # en_GB, as operating systems write it
            tag = written.replace("_", "-")
        raise Invalid(f"'{written}' is not a language tag",
                      f"did you mean '{tag}'?" if tag else "write it as a tag, e.g. en-GB, or cy for Welsh")
    return sys.intern(written)


def due(value, ctx: Context) -> Due | None:
    """None for `due: ''`, which sets no date: the action is warned of as having none."""
    raw = LStr(text(value, ctx).strip(), line_of(value))  # with its line, for checks against the action's track
    if not raw:
        return None
    try:
        return Due(raw, parse_date(raw))
    except Invalid as exc:
        if "real date" in exc.message:
            raise
        if exc.written_as_date:  # kept as written, as free text is; but the clerk meant a date the tracker can use
            ctx.report.warning(ctx.path, line_of(value), f"due: {exc.message}, so it is kept as written and never "
                               "counts as overdue", exc.hint)
            return Due(raw, None)
    month = parse_month(raw)
    unread = unread_due(raw) if month is None else None
    if unread:  # "Q3 2019/20", "March 2020 (revised from Dec 2019)": tracked as no date, never overdue, unsaid
        ctx.report.warning(ctx.path, line_of(value), f"due: '{raw}' is {unread[0]}, so it is kept as written and "
                           "never counts as overdue", unread[1])
    meeting = ctx.held.date if ctx.held is not None else None
    dated = without_year(raw, meeting) if month is None and not unread else ""
    if dated:  # "12th March", the meeting's year left unsaid as the minutes' text leaves it: never overdue, unsaid
        ctx.report.warning(ctx.path, line_of(value), f"due: '{raw}' has no year, so it is kept as written and never "
                           "counts as overdue", f"write `due: {dated}`, the first on or after the meeting's date "
                           f"({spoken_date(meeting)}), or the date with the year meant")
    return Due(raw, month)


def choice(*allowed: str, hints: dict[str, str] | None = None, aliases: dict[str, str] | None = None) -> Coerce:
    """One of `allowed`, in any case, spaces for hyphens (`On track` is on-track). `hints`: what to write for a
    word clerks use that is none of them, where the nearest spelling would mislead (`in progress` is not
    no-progress); `aliases`: words read as one of them, as meeting packs write it (an action log's `Completed`)."""
    def coerce(value, ctx: Context) -> str:
        word = "-".join(text(value, ctx).lower().replace("_", " ").split())
        word = (aliases or {}).get(word, word)
        if word not in allowed:
            raise Invalid(f"'{value}' is not one of: {', '.join(allowed)}", (hints or {}).get(word) or
                          _several(word, allowed) or did_you_mean(word, allowed, list_known=False) or
                          _among(word, allowed) or "write one of them")
        return allowed[allowed.index(word)]  # the very string the schema names: one for the whole archive
    return coerce


def _several(word: str, allowed: tuple[str, ...]) -> str:
    """'choose one: amber or on-track' for a value naming more than one of `allowed` (`Amber - on track`, an action
    log's RAG colour and its words; `Red/Amber`): the nearest spelling of the whole would name only one of them."""
    at = {}
    for choice in allowed:
        found = re.search(rf"(?<![a-z]){re.escape(choice)}(?![a-z])", word)
        if found:
            at[choice] = found.start()
    named = sorted(at, key=at.get)
    return f"choose one: {', '.join(named[:-1])} or {named[-1]}" if len(named) > 1 else ""


def _among(word: str, allowed: tuple[str, ...]) -> str:
    """'write carried alone' for a value naming one of `allowed` among other words (`CARRIED unanimously`, `For
    noting and comment`, as minutes and front sheets write them), unless they deny it (`not carried`)."""
    found = [choice for choice in allowed if re.search(rf"(?<![a-z]){re.escape(choice)}(?![a-z])", word)]
    if len(found) != 1 or re.search(r"(?<![a-z])(?:not|no|un)-", word):
        return ""
    return f"write {found[0]} alone"


def list_of(item: Coerce) -> Coerce:
    """A YAML list, or a single value taken as a list of one."""
    def coerce(value, ctx: Context) -> tuple:
        values = value if isinstance(value, list) else [value]
        out = []
        for index, entry in enumerate(values):
            if entry is None:
                continue
            try:
                out.append(item(entry, ctx))
            except Invalid as exc:
                where = value.line_of(index) if isinstance(value, LList) else line_of(entry)
                ctx.report.error(ctx.path, line_of(entry, where), exc.message, exc.hint)
        return tuple(out)
    return coerce


def record(schema: Schema, build: Callable[[dict, Context, Any], Any]) -> Coerce:
    """A mapping read by `schema`, then turned into a model object by `build`. Anything else is Invalid, and
    reported once, by whatever reads the record."""
    def coerce(value, ctx: Context):
        if value is not None and not isinstance(value, dict):
            raise Invalid(f"{schema.what} must be a set of `field: value` lines",
                          "see docs/content-format.md for the fields")
        return build(schema.read(value, ctx, line_of(value)), ctx, value)
    return coerce


def free_name(value, ctx: Context) -> str:
    """A person's name written as one not in the register (`{name: ...}`, an entry's `name:`), published as written.
    One the register knows as one person's (`name: Cllr Frank Turner`, `{name: Cllr Lovelace}`) is a warning: it
    was shown as written, unlinked, beside the register's "Councillor Ada Lovelace" in the same list, where a
    person is shown as the register writes them on every other page."""
    named = text(value, ctx)
    if ctx.people is not None and named.strip():
        person_id = ctx.people.lookup(named.strip())[0]
        if person_id:
            ctx.report.warning(ctx.path, line_of(value), f"'{named.strip()}' is written as a name not in the register, "
                               f"but the register has {ctx.people.ref(person_id).name} ({person_id}) by it: it is "
                               "published as written, without a link to their page",
                               f"write {person_id} in its place (`person: {person_id}` for a `name:` line), to show "
                               "them as the register names them; if it is someone else of that name, add them to the "
                               "register")
    return named


def person(value, ctx: Context, listed: bool = False, roled: bool = False) -> PersonRef:
    """A person named by id, name or alias; free text when there is no register. `listed`: in a field that takes
    a list of people (owner, lead, authors), which the message on two people written as one names; `roled`: an
    attendance entry, which may give the person's `role:`."""
    if isinstance(value, dict):
        if set(value) == {"name"}:
            named = free_name("" if value["name"] is None else value["name"], ctx)  # `{name: }`: YAML's null
            if not named.strip():
                raise Invalid("a person is written as `{name: ...}` with no name",
                              "write their name after `name:`, or take the empty entry out")
            return PersonRef(name=named)
        if set(value) == {"body"}:
            slug = text("" if value["body"] is None else value["body"], ctx)
            if not slug.strip():  # `{body: }`, YAML's null: it was "no body 'None'"
                raise Invalid("a body is written as `{body: ...}` with no body",
                              f"write the body's slug (its file's name in {ctx.report.in_archive('bodies')}/) after "
                              "`body:`, or take the empty entry out")
            if slug not in ctx.bodies:
                meant = _body_named(slug, ctx)
                if meant:  # `{body: CCB}`, its short name, as `owner: CCB` and "ACTION: CCB to ..." name it
                    raise Invalid(f"no body '{slug}': it names the body {meant}, whose file is "
                                  f"{ctx.report.in_archive('bodies', meant + '.md')}", f"write {{body: {meant}}}")
                raise Invalid(f"no body '{slug}'", did_you_mean(slug, ctx.bodies, "bodies")
                              or f"write the body as its file in {ctx.report.in_archive('bodies')}/ is named")
            return PersonRef(name=slug, body=slug)
        if set(value) == {"person"}:
            value = "" if value["person"] is None else value["person"]  # `{person: }`: left empty, not 'None'
        elif value.get("name") is not None and all(value[key] is None for key in value if key != "name"):
            # `{name: Mr John Adler, Chief Executive, UHL}`: YAML ends a value inside braces at each comma
            rest = [str(key) for key in value if key != "name"]
            raise Invalid(f"`{{name: ...}}` is read as the name '{value['name']}' and {len(rest)} unknown "
                          f"field{'s' if len(rest) > 1 else ''}, {_listed([repr(key) for key in rest])}: inside "
                          "braces a comma ends the name", f"put the name in quotes: "
                          f"{_free(', '.join([str(value['name'])] + rest))}")
        else:
            raise Invalid("a person is written as an id or name, `{name: ...}` for someone not in the register, "
                          "or `{body: slug}`", "see docs/content-format.md, people")
    written = text(value, ctx).strip()
    if not written:
        raise Invalid("a person is left empty", "write their id or name, or take the empty entry out")
    if ctx.people is None:
        return PersonRef(name=written)
    person_id, candidates = ctx.people.lookup(written)
    if person_id:
        return ctx.people.ref(person_id)
    if candidates:
        raise Invalid(f"'{written}' could be any of: {', '.join(sorted(candidates))}", "write the person's id instead")
    if written in ctx.bodies:
        return PersonRef(name=written, body=written)
    slug = _body_named(written, ctx)
    initialled = ctx.people.with_initials(written) if slug else []
    if initialled:  # "owner: JC": the text reads JC as the person (inline_actions, references.py); which is meant?
        raise Invalid(f"unknown person '{written}'", body_or_initials(written, slug, initialled, ctx.people))
    if slug:  # "owner: CCB", as an action line names a body: the tracker would list it as a person, unlinked
        raise Invalid(f"unknown person '{written}': it names the body {slug}, not a person",
                      f"write {{body: {slug}}}, as a body is written where a person goes")
    if ctx.held is not None:
        held = post_holder(written, ctx)
        if held is not None:
            return held
    folded = [part.strip() for part in written.split(" - ")]
    if len(folded) > 1 and all(ctx.people.lookup(part)[0] for part in folded):
        # "- karen-english" then "   - chris-west", indented further: YAML reads the second line as more of the first
        raise Invalid(f"unknown person '{written}': YAML read {len(folded)} lines of the list as one",
                      "indent each `- ` line of the list by the same number of spaces")
    joined = names_in(written)
    if len(joined) > 1 and all(ctx.people.lookup(part)[0] for part in joined):
        # "Professor Lakhani and Mr Sanders": {name: ...}, the advice below, would publish both unlinked
        raise Invalid(f"unknown person '{written}': it names {len(joined)} people as one",
                      f"write them as a list: [{', '.join(joined)}]" if listed else
                      f"give each of them an entry of their own: {', '.join(joined)}")
    standing_in = _STANDING_IN.fullmatch(written) if roled else None
    if standing_in:  # "Cllr Kitterick (substitute for Cllr Fonseca)", as the minutes' list of those present gives it
        deputy, absent = (standing_in[part].strip() for part in ("who", "for"))
        deputy_id, absent_id = ctx.people.lookup(deputy)[0], ctx.people.lookup(absent)[0]
        if deputy_id or absent_id:  # a name the register knows: not words that only look so
            entry = f"person: {deputy_id}" if deputy_id else f"name: {scalar(deputy)}"
            raise Invalid(f"unknown person '{written}': it is {deputy}, attending in place of {absent}",
                          f"list them under `deputising:`, as `- {entry}` with `for: {absent_id or scalar(absent)}` "
                          "on the line below it")
    named, rest = _name_then_more(written, ctx.people)
    if named:  # "Dr Jane Smith<tab>Director of Public Health": a row of a PDF's attendance table, pasted whole
        who = f"{ctx.people.ref(named).name} ({named})"
        raise Invalid(f"unknown person '{written}': it is {who} followed by '{rest}', which is not a name",
                      # a remark in lower case ("on holiday", "late") is the entry's note, not the post they hold
                      f"write `- person: {named}` with `{'note' if rest[:1].islower() else 'role'}: {rest}` on the "
                      "line below it" if roled else
                      f"write {named} alone (the people register gives their roles)")
    initialled = ctx.people.with_initials(written)
    if initialled:  # the minutes' text links initials (references.py); a field takes the person
        named = " or ".join(f"{ctx.people.ref(pid).name} ({pid})" for pid in initialled)
        raise Invalid(f"unknown person '{written}': initials are read as a person in the text, not in a field",
                      f"{written} are the initials of {named}: write "
                      + (initialled[0] if len(initialled) == 1 else "the id of the one meant"))
    first_named = ctx.people.with_first_name(written)
    if first_named:  # "owner: Priya", as colleagues name each other: told to add her, she would be in it twice
        named = " or ".join(f"{ctx.people.ref(pid).name} ({pid})" for pid in first_named)
        raise Invalid(f"unknown person '{written}': a first name alone is no name the people register finds a "
                      "person by", f"{written} is the first name of {named}: write "
                      + (first_named[0] if len(first_named) == 1 else "the id of the one meant")
                      + f", or {_free(written)} for someone not in the register")
    if ctx.people.is_organisation(written):  # "REPORT OF NHS WEST LEICESTERSHIRE CCG": the register's, not a person
        raise Invalid(f"unknown person '{written}': it is an organisation the people register's people work for, "
                      "not a person", f"name a person of it, or write {_free(written)} to give the organisation "
                      "as written")
    if " ".join(written.lower().split()) in _EVERYONE:  # an action log's "Owner: All": adding 'All' helps no one
        slug = ctx.held.body if ctx.held is not None and ctx.held.body in ctx.bodies else "<slug>"
        raise Invalid(f"'{written}' names everyone, not one person", f"write {{body: {slug}}} for the body as a whole, "
                      f"a list of the people meant, [id, id], or {_free(written)} to keep it as written")
    if _INITIALS.fullmatch(written) and written not in ("TBC", "TBA", "TBD"):
        # "owner: SP", as action logs name people: {name: SP}, the advice below, would publish two letters
        raise Invalid(f"unknown person '{written}': no one in the people register has the initials {written}",
                      f"write the person's id, or give them `initials: {written}` in the register (the minutes' text "
                      f"then links the initials to them too); {_free(written)} only for someone not in it")
    hint = did_you_mean(written, ctx.people.known_forms(), "people", meant=closest_person)
    advice = (f"add them to the people register ({ctx.report.in_archive('people.yaml')}, or a file in "
              f"{ctx.report.in_archive('people')}/), or write {_free(written)} for someone who is not in it")
    # "did you mean 'X'?" ends a sentence, and the advice is the next; "known people: ..." runs on into it
    joined = f"{hint} Otherwise {advice}" if hint.endswith("?") else f"{hint}; otherwise {advice}"
    raise Invalid(f"unknown person '{written}'", joined if hint else advice)


# A substitute as the minutes list them among those present: "Cllr Kitterick (substitute for Cllr Fonseca)",
# "Mr Smith - deputising for Mrs Jones", "Dr Lee (sub for Dr Khan)", "Cllr Ray, in place of Cllr Bell"
_STANDING_IN = re.compile(r"(?P<who>[^()\[\],]+?)\s*(?:[(\[]|,|\s[-\u2013\u2014])\s*(?:as\s+(?:a\s+)?)?"
                          r"(?:substitut\w*|sub|deputis\w*|deputiz\w*|in\s+place)\s*(?:for|of)?\s+"
                          r"(?P<for>[^()\[\]]+?)\s*[)\]]?", re.I)


# Initials, as action logs and the minutes' text name people ("SP", "S.P.", "JRH")
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,4}")


def _free(written: str) -> str:
    """`{name: ...}` giving `written` as it is: in quotes where YAML would read it otherwise, as a comma, which
    ends a value inside braces ("Mr John Adler, Chief Executive, UHL"), and a colon would."""
    return f"{{name: {scalar(written, flow=True)}}}"


# What action logs write as the owner of an action for every member ("Owner: All")
_EVERYONE = {"all", "all members", "everyone", "all present", "all board members", "all committee members",
             "all members of the board", "all members of the committee"}

# What packs write for whoever chaired the meeting ("Owner: Chair"): the meeting's `chair:`, however the register
# titles anyone's role
_CHAIR_WORDS = {"chair", "the chair", "chairman", "chairwoman", "chairperson"}


def is_chair(written: str) -> bool:
    """Whether a post written where a person goes is the meeting's chair, whoever the register gives it."""
    return " ".join(written.lower().split()) in _CHAIR_WORDS


# What a role adds after the post: "Chair of the Committee", "Chair of the Board"
_OF_THE = re.compile(r"\s+of\s+the\s+\w+$", re.I)


def is_chairs_role(role: str) -> bool:
    """Whether an attendee's or a member's `role:` is the body's chair (`Chair`, `Chairman`, `Chair of the
    Committee`; not a `Vice-Chair`, `Co-Chair` or `Clinical Chair`)."""
    return is_chair(_OF_THE.sub("", role.strip()))


def chair_line(who: PersonRef) -> str:
    """`chair:` naming `who` as meeting.md is to give them: by their id, else by their name as written, which a
    name alone in `chair:` is not where the archive has a people register (`{name: ...}`, as in attendance)."""
    return f"chair: {scalar(who.id)}" if who.id else f"chair: {_free(who.name)}"


def post_holder(written: str, ctx: Context) -> PersonRef | None:
    """The person a post written where a person goes names at the meeting: the meeting's chair for `Chair` (in
    a minute item that names its own `chair:`, that person), or the one person in the register whose role it is
    on the meeting's day; None where it is no post."""
    held, people = ctx.held, ctx.people
    if is_chair(written):
        if held.reading_chair:
            raise Invalid(f"'{written}' is read as the meeting's chair, which this field gives",
                          "write the person who chaired the meeting, by their id or name")
        if held.item_chair is not None:
            return dataclasses.replace(held.item_chair, post=written)
        if held.chair is None:  # `chair:` in error: its own line says so
            return PersonRef(name=written)
        if not held.chair:
            add = f"`{held.listed_chair}` (its attendance lists them as the chair)" if held.listed_chair else \
                "`chair: <id>`"
            raise Invalid(f"'{written}' is read as the meeting's chair, and {held.meeting_file} gives no `chair:`",
                          f"add {add} to {held.meeting_file}, or write the person's id here")
        if len(held.chair) > 1:
            named = " or ".join(_named(ref) for ref in held.chair)
            raise Invalid(f"'{written}' could be any of the meeting's {len(held.chair)} chairs: {named}",
                          "write the id of the one meant")
        return dataclasses.replace(held.chair[0], post=written)
    if held.date is None:
        return None
    ids, holdings = people.post(written, held.date)
    members = _deputies_on(written, held) if held.deputies else []
    if members:  # `owner: Vice-Chair`, the body's file giving a member that role that day
        return _deputy(written, held, members, ids, people, ctx.report.in_archive("bodies", f"{held.body}.md"))
    if len(ids) == 1:
        return dataclasses.replace(people.ref(ids[0]), post=written)
    on = spoken_date(held.date)
    if ids:
        roles = [(pid, next(role for who, role in holdings if who == pid and held_on(role, held.date))) for pid in ids]
        named = listed([f"{_named(people.ref(pid))}{_held(role)}" for pid, role in roles])
        forms = [f"{role.title}, {role.organisation}" for _, role in roles if role.organisation]
        if len(forms) == len(roles) and all(len(people.post(form, held.date)[0]) == 1 for form in forms):
            hint = (f"write the post with the organisation of the one meant ({' or '.join(f'`{f}`' for f in forms)}),"
                    " or their id")
        else:  # one organisation: an interim holder and the substantive one, say, whose dates overlap
            hint = ("write the id of the one meant; if only one of them held it that day, correct the dates of the "
                    "roles (`from`, `to`) in the people register")
        raise Invalid(f"'{written}' is a post more than one person in the register held on {on}: {named}", hint)
    if holdings:
        when = "; ".join(f"{_named(people.ref(pid))} {_span(role)}" for pid, role in holdings)
        raise Invalid(f"'{written}' is a post no one in the register held on {on}: {when}",
                      "write the person who held it that day, or correct the dates of the role (`from`, `to`) in "
                      "the people register")
    if _DEPUTY_CHAIR.fullmatch(" ".join(written.split())):  # else "add them to the register", or {name: Vice Chair}
        other_days = [member for member in held.deputies if _deputy_key(member.role) == _deputy_key(written)]
        if other_days:  # the body's file gives the role, but for other days than the meeting's
            when = "; ".join(f"{_named(member.who)} {_span(member)}" for member in other_days)
            file = ctx.report.in_archive("bodies", f"{held.body}.md")
            raise Invalid(f"'{written}' is a post the body's file, {file}, gives no member on {on}: {when}",
                          "write the person who held it that day, or correct the dates of the membership (`from`, "
                          "`to`) in the body's file")
        titled = people.titled(written, held.date)
        if titled:  # `Vice-Chair of the Health and Wellbeing Board`, as registers title a body's vice-chair
            named = listed([f"{_named(people.ref(pid))} holds '{role.title}'" for pid, role in titled])
            one = len({pid for pid, _ in titled}) == 1
            raise Invalid(f"'{written}' is read as a post, and no one in the people register has a role of that title "
                          f"alone: on {on}, {named}",
                          (f"if it is they, write {titled[0][0]}, or the role's whole title" if one else
                           "write the id of the one meant, or their role's whole title") +
                          ", which names its holder as a post does")
        raise Invalid(f"'{written}' is read as a post, and no one in the people register has a role of that title, "
                      f"or of a title beginning with it, on {on}",
                      "write the id of the person who held it; to name them by the post, give them the role in the "
                      f"register, under their `roles:` as `- title: {' '.join(written.split())}`, or, as a member of "
                      f"the meeting's body, `role: {' '.join(written.split())}` in the body's file, with the dates "
                      "they held it (`from`, `to`)")
    return None


def deputies(body) -> tuple:
    """The members of `body` whose `role:` is a chair's deputy's (`Vice-Chair`, `Deputy Chair`, `Co-Chair`): posts
    its meetings name them by, as packs do ("Owner: Vice-Chair"), where the clerk gives the role in the body's
    file and not in the people register. Other roles in the body's file (`Voluntary sector representative`,
    `Substitute member`) are what its page shows, not posts."""
    return tuple(member for member in body.members if member.role and _DEPUTY_CHAIR.fullmatch(" ".join(
        member.role.split())))


def _deputy_key(written: str) -> str:
    """A deputy's post however written: `the Vice Chair`, `Vice-Chair`, `vice-chair of the board` alike."""
    bare = _OF_THE.sub("", re.sub(r"^the\s+", "", " ".join(written.split()), flags=re.I))
    return re.sub(r"[\s-]+", "", bare.lower())


def _deputies_on(written: str, held: Held) -> list:
    """The members of the meeting's body (Held.deputies) whose role in its file is the post `written` on the
    meeting's day (between the membership's `from` and `to`)."""
    if not _DEPUTY_CHAIR.fullmatch(" ".join(written.split())):
        return []
    key, day = _deputy_key(written), held.date
    return [member for member in held.deputies if _deputy_key(member.role) == key
            and (member.start is None or member.start <= day) and (member.end is None or day <= member.end)]


def _deputy(written: str, held: Held, members: list, ids: list[str], people, file: str) -> PersonRef:
    """The one member the body's file gives the post `written` on the meeting's day, unless it gives two, or the
    people register gives it to someone else that day: which is meant is the clerk's to say. `file`: the body's
    file, as messages name it (Report.in_archive)."""
    on = spoken_date(held.date)
    if len(members) > 1:
        named = listed([_named(member.who) for member in members])
        raise Invalid(f"'{written}' is the role the body's file, {file}, gives {len(members)} members on "
                      f"{on}: {named}",
                      "write the id (or the name) of the one meant; if only one of them held it that day, correct the "
                      "dates of their membership (`from`, `to`) in the body's file")
    who = members[0].who
    if ids and ids != [who.id]:
        held_by = listed([_named(people.ref(pid)) for pid in ids])
        raise Invalid(f"'{written}' names {_named(who)}, whose role it is on {on} as a member in the body's file, "
                      f"{file}, and {held_by}, whose role it is that day in the people register",
                      "write the id of the one meant; if the register's role is another body's, give it its whole "
                      f"title there (`{' '.join(written.split())} of ...`)")
    return dataclasses.replace(people.ref(who.id) if who.id else who, post=written)


# The chair's deputies, as packs name them where a person goes ("Vice Chair", "Deputy Chairman", "the Co-Chair"):
# posts, which a clerk who gave the role only in the body's file was told to add to the register as a person
_DEPUTY_CHAIR = re.compile(r"(?:the\s+)?(?:vice|deputy|co)[\s-]*chair(?:man|woman|person)?(?:\s+of\s+the\s+\w+)?",
                           re.I)


def chair_post(written: str) -> bool:
    """Whether `written` names the chair's post or a deputy's (`Chair`, `Vice Chair`, `Deputy Chairman`), not a
    person: `new body --vice-chair "Vice Chair"` was told to add 'Vice Chair' to the people register."""
    return is_chair(written) or bool(_DEPUTY_CHAIR.fullmatch(" ".join(written.split())))


def _named(ref: PersonRef) -> str:
    return f"{ref.name} ({ref.id})" if ref.id else ref.name


def _held(role) -> str:
    """Where and when a holder of a post held it (" at NHS Leicester City CCG from 1 April 2018"), which tells two
    holders apart as their names alone do not."""
    where = f" at {role.organisation}" if role.organisation else ""
    if role.start and role.end:
        return f"{where} from {spoken_date(role.start)} to {spoken_date(role.end)}"
    return f"{where} from {spoken_date(role.start)}" if role.start else \
        f"{where} until {spoken_date(role.end)}" if role.end else where


def _span(role) -> str:
    if role.start and role.end:
        return f"held it from {spoken_date(role.start)} to {spoken_date(role.end)}"
    return f"held it from {spoken_date(role.start)}" if role.start else f"held it until {spoken_date(role.end)}"


# Where a name ends and what a PDF's table or a front sheet writes after it begins: a tab, a dash between spaces,
# a comma, a bracket
_AFTER_A_NAME = re.compile(r"\t+\s*|\s+[-\u2013\u2014]\s+|\s*,\s*|\s*\(")
# A part that starts with a title (_HONORIFIC) is another person (a misspelt one, as "Mr Pizzey, Ms Knigth"), not a
# role


def _name_then_more(written: str, people) -> tuple[str | None, str]:
    """(the id of the person `written` starts with, the rest) where it goes on, after a tab, a dash, a comma or a
    bracket, with what is no person (their role, as attendance lists and front sheets give it); (None, "")
    otherwise."""
    for cut in _AFTER_A_NAME.finditer(written):
        rest = written[cut.end():].strip()
        if cut.group().strip() == "(":
            rest = rest.removesuffix(")").strip()
        if not rest or _HONORIFIC.match(rest) or people.lookup(rest)[0]:
            continue
        person_id = people.lookup(written[:cut.start()].strip())[0]
        if person_id:
            return person_id, " ".join(rest.split())
    return None, ""


def body_or_initials(written: str, slug: str, initialled, people) -> str:
    """What an owner written as both a body's short name and someone's initials ("JC") is told, in a field and in
    an action line of the minutes' text alike: the minutes' text links initials to the person, a field reads a
    short name as the body, and the site does not guess which is meant."""
    named = " or ".join(f"{people.ref(pid).name} ({pid})" for pid in initialled)
    return f"{written} names the body {slug} and is the initials of {named}: write {{body: {slug}}} for the body, " \
        f"or {initialled[0] if len(initialled) == 1 else 'the id of the person meant'} for the person"


def _body_named(written: str, ctx: Context) -> str:
    """The slug of the body `written` names by its slug in another case, its short name or its name, as an action
    line in the minutes' text reads them (`ctx.named`, in minutes); "" where it names none."""
    said = " ".join(re.sub(r"^the\s+", "", written.strip(), flags=re.I).lower().split())
    if ctx.named is not None:
        return ctx.named.get(said, "")
    return said if said in ctx.bodies else ""


def _listed_person(value, ctx: Context) -> PersonRef:
    return person(value, ctx, listed=True)


persons = list_of(_listed_person)
texts = list_of(text)
lined_texts = list_of(lined)
