"""`minutebook new body`: the file of a body the archive does not have yet, `bodies/<slug>.md`.

A body's first meeting needs its file first, and the clerk wrote it by hand from the docs: its required fields,
a numbering the loader takes, its members by their ids in the people register. The command writes it from what
it is given, each value checked by the loader's own functions (load_registers.slug_problem, numbering_of,
schema.person), so that the file it writes is one `minutebook check` and `minutebook new meeting --body` take
as it is; and against the bodies there are, whose slug, name or short name a second body sharing would be
told apart from by nothing. Like `new meeting`, it writes through scaffold.write_all: never over a file.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from generator import schema as s
from generator.diagnostics import Report, closest, content_option, did_you_mean
from generator.load_registers import RESERVED, numbering_of, slug_problem
from generator.model import Body, Numbering
from generator.people import HONORIFIC, PeopleIndex, closest_person
from generator.scaffold import Refused, Waived, _located, in_archive, load
from generator.values import slugify
from generator.yamltext import scalar

PER_MEETING = "per-meeting"


@dataclass(frozen=True)
class BodyPlan:
    """The file to create, and what the command says of it once written."""

    files: dict[Path, str]
    summary: str


def default_short_name(slug: str, name: str) -> str:
    """The short name titles and breadcrumbs use where `--short-name` gives none: the slug in capitals (HWB for
    hwb), as bodies are slugged by their initials; the name itself for a slug of several words (audit-committee),
    which in capitals would be no one's name for the body."""
    return name if "-" in slug else slug.upper()


def unfit_slug(slug: str) -> str:
    """Why the loader would refuse `slug` as a body's file name, and which to give; "" where it takes it."""
    problem = slug_problem(slug)
    if not problem:
        return ""
    if slug in RESERVED:
        return f"{problem}; give another --slug, e.g. {slug}-committee"
    fixed = slugify(slug)
    return f"{problem}; a slug is its file's name, in lower-case letters, digits and hyphens: " + (
        f"give --slug {fixed}" if fixed else "give the body's initials, e.g. --slug hwb")


def unfit_numbering(written: str) -> str:
    """Why the loader would refuse `written` as a body's `numbering:`, in its own words; "" where it takes it."""
    try:
        numbering_of(written)
    except s.Invalid as exc:
        return f"{exc.message}; {exc.hint}"
    return ""


def _key(name: str) -> str:
    """A name as an action line names a body by it (inline_actions.names_of_bodies): case and spacing aside."""
    return " ".join(name.lower().split())


def _clashes(bodies: dict[str, Body], slug: str, name: str, short_name: str, short_given: bool, content: Path,
             report: Report) -> bool:
    """Each existing body the new one could not be told from, reported on that body's file: by its slug (also
    written otherwise, `--slug HWB` for hwb, as `new meeting --body HWB` is told of hwb), which a second file
    cannot have, or by its name or short name, by which "ACTION: HWB to ..." names a body and, shared, names
    neither. Whether the slug is the existing body's."""
    same = bodies.get(slug) or bodies.get(slugify(slug))
    if same is not None:
        report.error(_located(content, same.source.path), 1, f"the body {same.slug} already exists ({same.name})",
                     f"start its meetings with `minutebook new meeting --body {same.slug} --date YYYY-MM-DD"
                     f"{content_option(content)}`, or give another --slug for a new body")
        return True
    for other in bodies.values():
        said = [(option, theirs) for option, value in (("--name", name), ("--short-name", short_name)) if value
                for theirs in (other.name, other.short_name) if _key(value) == _key(theirs)]
        if not said:
            continue
        option, theirs = said[0]
        default = "" if option == "--name" or short_given else " (the slug in capitals, as no --short-name was given)"
        report.error(_located(content, other.source.path), 1, f"the body {other.slug} is named '{theirs}' already",
                     f"two bodies of one name are told apart in no title or action line: give the new body another "
                     f"{option}{default}, or, if it is {other.short_name}, start its meetings with "
                     f"`minutebook new meeting --body {other.slug}{content_option(content)}`")
    return False


ID_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")  # an id as the register's are made (ada-lovelace)


def register_entry(written: str) -> str:
    """The people register's entry for someone written as a name (`Councillor Jane Okonjo`), its honorifics apart,
    as `jane-okonjo: {name: Jane Okonjo, honorific: Councillor}`; "" for what is written as an id, one word."""
    words = written.split()
    if len(words) < 2:
        return ""
    titles = []
    while len(words) > 1 and HONORIFIC.fullmatch(words[0]):
        titles.append(words.pop(0))
    name = " ".join(words)
    fields = [f"name: {scalar(name)}"] + ([f"honorific: {scalar(' '.join(titles))}"] if titles else [])
    return f"{slugify(name)}: {{{', '.join(fields)}}}"


def _unknown_hint(written: str, people: PeopleIndex, content: Path) -> str:
    """What to do for a member the register does not have: the id most like it, and how to add them, with the
    entry to add where they are written as a name: "add them to the people register" left a new clerk to find
    out from the docs how an entry is written."""
    hint = did_you_mean(written, people.people, "people", meant=closest_person)
    entry = register_entry(written)
    add = f"add them to the people register ({_register(content)}) first" + (
        f", e.g. `{entry}`" if entry else "")
    if hint.endswith("?"):
        return f"{hint} Otherwise {add}"
    return f"{hint}; otherwise {add}" if hint else add


def _register(content: Path) -> str:
    """The people register's files as messages name them (scaffold.in_archive): where the clerk's archive keeps
    them, not `people.yaml` beside the command."""
    return f"{in_archive(content, 'people.yaml')}, or a file in {in_archive(content, 'people')}/"


# The roles `--chair` and `--vice-chair` give, as the docs write the posts (`Vice-Chair`, not `Vice Chair`)
CHAIR, VICE_CHAIR = "Chair", "Vice-Chair"


@dataclass(frozen=True)
class Member:
    """One entry of the file's `members:`: the person's id (or a body's slug), the role an option gave them,
    and the organisation the people register gives them, which the body's page shows beside them."""

    id: str
    role: str = ""
    organisation: str = ""


def _members(given: list[tuple[str, str, str]], people: PeopleIndex | None, bodies: dict[str, Body], path: Path,
             report: Report) -> tuple[list[Member], list[str]]:
    """(each member as `- person:` is to give them, in the order given and once each; what is wrong with the
    others, one line each). `given`: (option, what was written, role) of each member, `--chair` and
    `--vice-chair` first. A member is found as the loader finds one (schema.person): by id, name or alias, so
    `--member "Ann Smith"` is written as ann-smith."""
    if given and people is None:
        written = " ".join(f"{option} {shlex.quote(w)}" for option, w, _ in given)
        options = " and ".join(dict.fromkeys(option for option, _, _ in given))
        first = given[0][1].strip()
        # the entry as a register writes it, as for a member the register lacks: "an entry for each member" left a
        # new clerk to find out from the docs how one is written
        entry = register_entry(first) or (f"{first}: {{name: {' '.join(w.capitalize() for w in first.split('-'))}}}"
                                          if ID_WORD.fullmatch(first) else "")
        return [], [f"{written}: the archive has no people register to find them in; add "
                    f"{in_archive(path.parent.parent, 'people.yaml')} with an entry "
                    f"for each member first{f', one a line, e.g. `{entry}`' if entry else ''} (docs/content-format.md, "
                    f"people), or leave {options} out and list the members in the body's file as `- name: ...`"]
    ctx = s.Context(path, report, people, frozenset(bodies))
    found: dict[str, Member] = {}
    problems = []
    for option, member, role in given:
        if s.chair_post(member) and people.lookup(member.strip())[0] is None:
            problems.append(f"{option} {shlex.quote(member)}: '{member.strip()}' is a post, not a person; give "
                            + (f"{option} the member who is the {role}, by their id or name in the people register "
                               f"(`{option} <id>`): the body's file gives them `role: {role}`" if role else
                               f"{option} the member who holds it, by their id or name in the people register, and "
                               "the post with --chair or --vice-chair"))
            continue
        try:
            ref = s.person(member, ctx)
        except s.Invalid as exc:
            plain = exc.message == f"unknown person '{member.strip()}'"  # else the loader's own, more telling hint
            hint = _unknown_hint(member.strip(), people, path.parent.parent) if plain else exc.hint
            problems.append(f"{option} {shlex.quote(member)}: {exc.message}; {hint}")
            continue
        key = ref.id or ref.body
        if key in found:
            if role and found[key].role:  # --chair and --vice-chair naming one person
                problems.append(f"{option} {shlex.quote(member)}: {key} is the {found[key].role} already; give the "
                                f"{role} as another person, or leave {option} out")
            continue
        person = people.people.get(ref.id) if ref.id else None
        found[key] = Member(key, role, person.organisation if person is not None else "")
    return list(found.values()), problems


def body_md(name: str, short_name: str, numbering: Numbering, kind: str, members: list[Member],
            venue: str = "") -> str:
    """The body's file: its fields, what it may add commented out, and no text below it, which its page would
    publish as it is. Each member is written with the role an option gave them and the organisation the register
    gives them; their other roles and the day they joined are the clerk's to add."""
    per_meeting = numbering.per_meeting
    lines = ["---", f"name: {scalar(name)}", f"short_name: {scalar(short_name)}",
             f"kind: {scalar(kind)}" if kind else "# kind: board  # or committee, joint committee, sub-committee, ...",
             f"numbering: {PER_MEETING}  # items numbered 1, 2, 3 afresh at each meeting" if per_meeting else
             f"numbering: {json.dumps(numbering.written)}  # see docs/content-format.md, Minute numbering"]
    if per_meeting:
        lines.append("# year_starts: May  # for minutes numbered on through the municipal year (29, 30, ...)")
    lines += [f"venue: {scalar(venue)}  # where it usually meets: each new meeting.md is given it" if venue else
              "# venue: ...  # where it usually meets: each new meeting.md is given it",
              "# website: https://..."]
    if members:
        lines.append("members:  # under each person: their role:, organisation:, and from: the day they joined")
        for member in members:
            lines.append(f"  - person: {scalar(member.id)}")
            lines += [f"    {key}: {scalar(value)}" for key, value in (("role", member.role),
                                                                        ("organisation", member.organisation)) if value]
    else:
        # someone not in the register (a new archive has none) is a member by name, as attendance lists them
        lines.append("# members:  # `- person: <id>` each, as in the people register (`- name: ...` if not in it), "
                     "with role:, organisation:, from:")
    lines += ["# Below the closing line: what the body's page says of it (markdown), its terms of reference, how to "
              "attend.", "---", ""]
    return "\n".join(lines)


def plan_body(content: Path, slug: str, name: str, numbering: str = "", short_name: str = "", kind: str = "",
              members: list[str] | None = None, chair: str = "", vice_chair: str = "", venue: str = "") -> BodyPlan:
    """bodies/<slug>.md, or refused with every problem of what was given at once (the archive's own errors first,
    as `new meeting` refuses them, save those the new file puts right: no bodies/ folder yet, a meeting of the
    body written before it). `chair`, `vice_chair`: members given the role, listed first, which a clerk setting up
    a body knows from its first meeting and wrote in by hand under each; `venue`: where it usually meets."""
    index = load(content, Waived("there is no bodies/ folder", f"meeting of an unknown body '{slug}'"))
    bodies, name = index.archive.bodies, name.strip()
    report = Report(root=Path(content))
    unfit = unfit_slug(slug)
    short = short_name.strip() or ("" if unfit else default_short_name(slug, name))
    taken = _clashes(bodies, slug, name, short, bool(short_name.strip()), content, report)
    written = numbering.strip() or PER_MEETING
    problems = [f"{option} {shlex.quote(value)}: {said}" for option, value, said in (
        ("--slug", slug, "" if taken else unfit), ("--numbering", written, unfit_numbering(written))) if said]
    path = Path(content) / "bodies" / f"{slug}.md"
    people = PeopleIndex(index.archive.people) if index.archive.has_register else None
    given = [(option, who, role) for option, who, role in (("--chair", chair, CHAIR),
                                                          ("--vice-chair", vice_chair, VICE_CHAIR)) if who.strip()]
    given += [("--member", member, "") for member in members or ()]
    listed, unknown = _members(given, people, bodies, path, Report(root=Path(content)))
    if report.errors or problems or unknown:
        raise Refused(report.errors, "\n".join(problems + unknown))
    text = body_md(name, short, numbering_of(written), kind.strip(), listed, venue.strip())
    return BodyPlan({path: text}, _summary(slug, name, short, numbering_of(written), len(listed), bodies,
                                           bool(venue.strip()), content))


def _summary(slug: str, name: str, short: str, numbering: Numbering, members: int, bodies: dict[str, Body],
             venue: bool = False, content: Path = Path("content")) -> str:
    numbered = "its items numbered 1, 2, 3 afresh at each meeting (per-meeting)" if numbering.per_meeting else \
        f"its minutes numbered {numbering.written}"
    listed = f"{members} member{'' if members == 1 else 's'}" if members else "no members listed"
    like = closest(slug, bodies)
    note = f" Its slug is like {like}'s ({bodies[like].short_name}): if that is the body meant, remove the file " \
        f"and use --body {like}." if like else ""
    change = " Change `numbering:` before its first meeting is published if its minutes are numbered otherwise: " \
        "its items' addresses are made of their numbers." if numbering.per_meeting else ""
    add = "what its page is to say of it" if venue else "its venue and what its page is to say of it"
    return (f"{name} ({short} in titles), {numbered}, {listed}.{change}{note} Add {add}, then start its first "
            f"meeting: minutebook new meeting --body {slug} --date YYYY-MM-DD{content_option(content)}")
