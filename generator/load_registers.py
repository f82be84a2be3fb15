"""Loading the archive-wide files: site.yaml, the people register and the bodies."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import urlsplit

from generator import attachments, frontmatter, interests, schema as s, yamltext
from generator.diagnostics import Report, content_option, shortened
from generator.model import Body, InterestTypes, Licence, Membership, Numbering, Person, Role, Site, Source, \
    StatementDetails
from generator.schema import Context, Field, Schema
from generator.urls import LONGEST_PART, RESERVED, plain_path
from generator.values import MONTHS
from generator.yamltext import LStr

# \Z, not $: $ matches before a line break at the end too, and a folder named "2019-03-14\n" broke the line of its
# event's UID in the calendars.
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")

LICENCE = Schema("the licence", Field("name", s.text, required=True), Field("url", s.url, default=""))
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value, ctx: Context) -> str:
    written = s.text(value, ctx).strip()
    if not EMAIL_RE.match(written):
        raise s.Invalid(f"'{written}' is not an email address", "write it as name@example.org")
    return written


# Whitespace and control characters: a line break in an address written out as it is (robots.txt's Sitemap
# line, a calendar's URL) would start a line of its own.
_BLANK = re.compile(r"[\s\x00-\x1f\x7f]")


def _root(value, ctx: Context, write: str, plain: str = "") -> str:
    """`value` as the address of a site's home page: a domain, then a path or none, and nothing after it; its
    path as written goes into links and ids, so it may hold only characters an address needs no escaping for.
    `write`: what to write instead, for the hints; `plain`: the hint for a path that is not plain."""
    written = s.url(value, ctx)
    parts = urlsplit(written)
    if not parts.netloc:
        raise s.Invalid(f"'{written}' has no domain", f"write {write}, such as https://meetings.example.gov.uk/")
    if parts.query or parts.fragment or written.endswith(("?", "#")):
        raise s.Invalid(f"'{written}' has a query (?) or a fragment (#), which a site's address cannot have",
                        f"write {write}, ending with /")
    if not plain_path(parts.path):
        raise s.Invalid(f"'{written}' has a path ({parts.path}) that is not a plain one: each part between "
                        "slashes may hold only letters, digits, '-', '.', '_' and '~'", plain or f"write {write}")
    if _BLANK.search(written):  # urlsplit reads past a line break, but robots.txt and the calendars' lines do not
        raise s.Invalid(f"'{written}' has a space, tab or line break in it, which no address has",
                        f"write {write} on one line, without spaces")
    return written


def _site_root(value, ctx: Context) -> str:
    """The site's address: the root of a domain, or a path below one (https://council.example/minutes/), which
    every page's links from the root are put below (urls.below)."""
    return _root(value, ctx, "the address the site's home page will be at",
                 "publish the site at a path such as /minutes/ or /democracy/meetings/ and write that")


def _ids_root(value, ctx: Context) -> str:
    """`ids_from`: the base_url an archive that moved was first published at, which its ids are made of
    (Site.id_base), so it is checked as one: an Atom id must be an IRI, which a path needing escaping is not."""
    return _root(value, ctx, "the base_url the archive had when its records were first published")


def _slashed(address: str) -> str:
    return address if address.endswith("/") else address + "/"


def _statement(fields, ctx: Context, raw) -> StatementDetails:
    if fields["prepared"] and fields["reviewed"] and fields["reviewed"] < fields["prepared"]:
        ctx.report.error(ctx.path, raw.line_of("reviewed"), "reviewed: the accessibility statement cannot be "
                         "reviewed before it was prepared", "check the `prepared` and `reviewed` dates")
    return StatementDetails(fields["email"], fields["web"], fields["phone"], fields["prepared"], fields["reviewed"])


STATEMENT = Schema("accessibility", Field("email", _email, default=""), Field("web", s.url, default=""),
                   Field("phone", s.text, default=""), Field("prepared", s.date), Field("reviewed", s.date))
SITE = Schema(
    "site.yaml",
    Field("title", s.text, required=True),
    Field("publisher", s.text, required=True),
    Field("base_url", _site_root, required=True),
    Field("licence", s.record(LICENCE, lambda f, c, v: Licence(f["name"] or "", f["url"])), required=True),
    Field("language", s.language, default="en-GB"),
    Field("description", s.markdown, default=""),
    Field("accessibility", s.record(STATEMENT, _statement), default=StatementDetails()),
    Field("ids_from", _ids_root, default=""),
    Field("interest_types", interests.listed),
)

ROLE = Schema("a role", Field("title", s.text, required=True), Field("organisation", s.text, default=""),
              Field("from", s.day(last=False)), Field("to", s.day(last=True)))
_ROLE = s.record(ROLE, lambda f, c, v: Role(f["title"] or "", f["organisation"], f["from"], f["to"]))


def _role(value, ctx: Context) -> Role:
    """A role of the register's. One written as its title alone (`roles: Director of Public Health`) was told
    that a role must be a set of `field: value` lines, and to see the docs for which."""
    if isinstance(value, str) and value.strip():
        raise s.Invalid(f"'{value.strip()}' is written as a role's title alone, where a role is a set of `field: "
                        "value` lines", _role_entry(value))
    return _ROLE(value, ctx)


def _role_entry(title: str) -> str:
    return f"write it as `- title: {' '.join(title.split())}`, with the role's `organisation:`, `from:` and `to:` " \
        "on the lines below it where they are known"


def _role_alone(raw, ctx: Context):
    """`raw` without a `role:` written as the body's file writes a member's (`role: Director of Public Health`),
    said once: it was told both that 'role' is no field of a person's (did you mean 'roles'?) and, read as
    `roles:`, that a role must be a set of `field: value` lines."""
    if not isinstance(raw, yamltext.LDict) or "roles" in raw or not isinstance(raw.get("role"), str):
        return raw
    ctx.report.error(ctx.path, raw.line_of("role"), "unknown field 'role' in a person: the register lists a person's "
                     "posts under `roles:`, each with its `title:`", f"write `roles:` and, on the line below it, "
                     f"`  - title: {' '.join(raw['role'].split())}`, with the role's `organisation:`, `from:` and "
                     "`to:` on the lines below that where they are known")
    rest = yamltext.LDict(raw.line)
    rest.update((key, value) for key, value in raw.items() if key != "role")
    rest.key_lines = {key: line for key, line in raw.key_lines.items() if key != "role"}
    return rest


PERSON = Schema(
    "a person",
    Field("name", s.text, required=True),
    Field("honorific", s.text, default=""),
    Field("aliases", s.texts, default=()),
    Field("initials", s.text, default=""),
    Field("organisation", s.text, default=""),
    Field("roles", s.list_of(_role), default=()),
)


def _numbering(value, ctx: Context) -> Numbering:
    return numbering_of(s.text(value, ctx))


def numbering_of(written: str) -> Numbering:
    """A body's `numbering:` as its file gives it, or Invalid saying what is wrong with it: `minutebook new body
    --numbering` is checked here too, so that it writes no file the loader would refuse."""
    written = written.strip()
    if written.lower() == "per-meeting":
        return Numbering(None)
    counts = re.findall(r"\{(n+)\}", written)
    if not counts:
        raise s.Invalid(f"numbering '{written}' has no {{n}}",
                        "write a pattern such as CCBP/{yy}/{n}, or per-meeting")
    leftover = re.sub(r"\{(n{1,5}|yy|yyyy)\}", "", written)
    if "{" in leftover or "}" in leftover:
        raise s.Invalid(f"numbering '{written}' uses an unknown placeholder", "use only {n}, {yy} and {yyyy}; "
                        "{nnn} for numbers printed with three digits at least (045)")
    if not leftover.strip():  # what the reference scan tells numbers from other digits by
        raise s.Invalid(f"numbering '{written}' is a number and nothing else, so every number in every text (a date, "
                        "a sum) would be read as one of its minutes", "write per-meeting for items numbered 1, 2, 3 "
                        "or 45, 46 with nothing around them, or the letters the minutes put with the number, "
                        "e.g. PC/{n}")
    twice = "{n}" if len(counts) > 1 else next((p for p in ("{yy}", "{yyyy}") if written.count(p) > 1), None)
    if twice:  # a number keeps one value of each (numbering.canonical): 18/19 would be published as 19/19
        raise s.Invalid(f"numbering '{written}' has {twice} twice, and a number is written with one value for each "
                        "(19/19 for 18/19)", "use each of {n}, {yy} and {yyyy} once")
    # {nnn}: printed with three digits at least (C/2024/045); the pattern keeps {n}, which every reader of it knows
    width = len(counts[0])
    return Numbering(written.replace("{" + counts[0] + "}", "{n}"), width if width > 1 else 0)


def _month(value, ctx: Context) -> int:
    """`year_starts: May`: a month by its name (or its first three letters) or its number."""
    written = s.text(value, ctx).strip()
    month = int(written) if written.isdigit() else MONTHS.get(written.lower().rstrip("."), 0)
    if not 1 <= month <= 12:
        raise s.Invalid(f"'{written}' is not a month", "write the month the body's municipal year begins in, the "
                        "month of its annual meeting, e.g. May")
    return month


MEMBER = Schema("a member", Field("person", s.person), Field("name", s.free_name), Field("role", s.text, default=""),
                Field("organisation", s.text, default=""), Field("from", s.day(last=False, attended=True)),
                Field("to", s.day(last=True, attended=True)))


def _member(fields, ctx: Context, raw) -> Membership:
    who = fields["person"]
    if who is None and MEMBER.written(raw, "person") is not None:  # one the register does not know, said once
        who = s.PersonRef(name=str(MEMBER.written(raw, "person")))
    if who is None:
        if not fields["name"]:
            raise s.Invalid("a member needs `person:` (or `name:` for someone not in the register)",
                            "add `person: <id>`")
        who = s.PersonRef(name=fields["name"])
    if fields["from"] and fields["to"] and fields["to"] < fields["from"]:
        raise s.Invalid("membership ends before it starts", "check the `from` and `to` dates")
    return Membership(who, fields["role"], fields["organisation"], fields["from"], fields["to"])


_MEMBER_RECORD = s.record(MEMBER, _member)


def _member_entry(value, ctx: Context) -> Membership:
    """A member: `- person: ...`, with their role and the days of their membership. A name alone, as attendance
    takes one, was told only that a member 'must be a set of `field: value` lines', and to see the docs."""
    if isinstance(value, str) and value.strip():
        s.person(value, ctx, roled=True)  # a name the register does not know is told so first
        written = ctx.people.lookup(value.strip())[0] if ctx.people is not None else None
        raise s.Invalid("a member is written as `field: value` lines, not as a name alone",
                        f"write `- person: {written or value.strip()}`, with their `role:` and the days of their "
                        "membership, `from:` and `to:`, on the lines below it")
    return _MEMBER_RECORD(value, ctx)


BODY = Schema(
    "a body",
    Field("name", s.text, required=True),
    Field("short_name", s.text, required=True),
    Field("numbering", _numbering, required=True,
          missing='add the pattern of its minute numbers, `numbering: "CCBP/{yy}/{n}"` for CCBP/18/42 ({n} the '
                  'number, {yy} or {yyyy} the year), or `numbering: per-meeting` for items numbered 1, 2, 3 afresh '
                  'at each meeting (docs/content-format.md, Minute numbering)'),
    Field("kind", s.text, default=""),
    Field("organisations", s.texts, default=()),
    Field("venue", s.text, default=""),
    Field("website", s.url, default=""),
    Field("members", s.list_of(_member_entry), default=()),
    Field("interest_types", interests.listed),
    Field("year_starts", _month, default=0),
)


# The command that writes a new archive's site.yaml (scaffold_site.py), as messages of an archive without one give it
NEW_SITE = 'minutebook new site --title "..." --publisher "..." --base-url https://...'


def load_site(content: Path, report: Report) -> Site | None:
    path = content / "site.yaml"
    if not path.is_file():
        report.error(path, 1, "there is no site.yaml", f"write it with `{NEW_SITE}{content_option(content)}`, or "
                     f"by hand as {report._rel(path)}, with title, publisher, base_url and licence (see "
                     "docs/content-format.md)")
        return None
    text = frontmatter.read_text(path, report)
    if text is None:
        return None
    before = len(report.items)
    data = yamltext.parse(text.lstrip("\ufeff"), path, report)
    if data is None and report.errors_since(before):  # its fields are all there, most likely: not missing
        return None
    fields = SITE.read(data, Context(path, report))
    if fields is None or not all(fields[k] for k in ("title", "publisher", "base_url", "licence")):
        return None
    return Site(fields["title"], fields["publisher"], _slashed(fields["base_url"]), fields["licence"],
                fields["language"], fields["description"], fields["accessibility"] or StatementDetails(),
                _slashed(fields["ids_from"]) if fields["ids_from"] else "",
                None if fields["interest_types"] is None else InterestTypes(fields["interest_types"],
                                                                                    report._rel(path)))


def register_files(content: Path) -> list[Path]:
    files = [content / "people.yaml"] if (content / "people.yaml").is_file() else []
    folder = content / "people"
    if folder.is_dir():
        files += sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not hidden(p))
    return files


def hidden(path: Path) -> bool:
    """A file whose name starts with a dot is an editor's or the system's, never a register's: Emacs keeps a lock
    `.#ccb.md` (a link to nowhere) beside a file while it has unsaved changes, and Vim a swap file `.ccb.md.swp`."""
    return path.name.startswith(".")


def load_people(content: Path, report: Report, unreadable: set | None = None) -> dict[str, Person]:
    """The register; files that cannot be read or parsed are added to `unreadable`."""
    people: dict[str, Person] = {}
    unreadable = unreadable if unreadable is not None else set()
    for path in register_files(content):
        if not people_in_file(path, report, people):
            unreadable.add(path)
    return people


def people_in_file(path: Path, report: Report, people: dict[str, Person]) -> bool:
    """The people of one file of the register added to `people` (those before it); False if it cannot be read
    or parsed."""
    text = frontmatter.read_text(path, report)
    data = yamltext.parse(text.lstrip("\ufeff"), path, report) if text is not None else None
    if data is None:
        return False
    if not isinstance(data, dict):
        report.error(path, yamltext.line_of(data), "the people register must map ids to people",
                     "write `person-id:` followed by indented fields")
        return True
    ctx = Context(path, report)
    for person_id, raw in data.items():
        line = data.line_of(person_id)
        if not ID_RE.match(person_id):
            report.error(path, line, f"'{person_id}' is not a valid person id",
                         "use lower-case letters, digits and hyphens, e.g. mayur-lakhani")
            continue
        if len(person_id) > LONGEST_PART:
            report.error(path, line, f"the person id '{shortened(person_id)}' is {len(person_id)} characters "
                         "long, and their page's address is made of it", "use a short id made of their name, "
                         "e.g. mayur-lakhani; the name goes in `name:`")
            continue
        if person_id in people:
            first = people[person_id].source
            report.error(path, line, f"person '{person_id}' is already in the register ({first.path}:"
                         f"{first.line})", "keep one entry, or give one of them another id")
            continue
        fields = PERSON.read(_role_alone(raw, ctx), ctx, line)
        if fields is None or not fields["name"]:
            continue
        people[person_id] = Person(
            person_id, fields["name"], fields["honorific"], fields["aliases"], fields["initials"],
            fields["organisation"], fields["roles"], Source(report._rel(path), line))
    return True


def load_bodies(content: Path, report: Report, ctx_people, site_types: InterestTypes = InterestTypes()
                ) -> dict[str, Body]:
    """`site_types`: the types of interest of the bodies whose files list none (interests.inherited)."""
    bodies: dict[str, Body] = {}
    folder = content / "bodies"
    if not folder.is_dir():
        report.error(folder, 1, "there is no bodies/ folder", "start the first board or committee's file, which "
                     "makes the folder, with `minutebook new body --slug hwb --name \"...\""
                     f"{content_option(content)}`, or write one file per body by hand, e.g. "
                     f"{report._rel(folder / 'hwb.md')}")
        return bodies
    paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and not hidden(p))
    for other in sorted(p for p in folder.iterdir() if p.suffix != ".md" and not hidden(p)
                        and not attachments.editors(p.name)):
        report.warning(other, 1, f"{other.name} is not read: each board or committee is a Markdown file "
                       "with frontmatter", f"rename it to {other.stem.lower()}.md if it is one, or move it out of "
                       f"{report.in_archive('bodies')}/")
    slugs = frozenset(p.stem for p in paths)
    for path in paths:
        body = body_in_file(path, report, ctx_people, slugs, site_types)
        if body is not None:
            bodies[path.stem] = body
    return bodies


def slug_problem(slug: str) -> str:
    """Why `slug` cannot be a body's (its file's name, and the first part of its pages' addresses), or "": the
    loader's check of a body's file, and `minutebook new body --slug`'s."""
    if not ID_RE.match(slug):
        return f"'{slug}' is not a valid body slug"
    if slug in RESERVED:
        return f"'{slug}' cannot be a body slug: the site uses /{slug}/ itself"
    return ""


def body_in_file(path: Path, report: Report, ctx_people, slugs: frozenset,
                 site_types: InterestTypes = InterestTypes()) -> Body | None:
    """One body's file (`slugs`: every body's, which its members' `body:` may name; `site_types`: as for
    load_bodies); None, reported, when it cannot be read."""
    problem = slug_problem(path.stem)
    if problem:
        report.error(path, 1, problem, "rename the file, e.g. " + path.stem + "-committee.md" if path.stem in RESERVED
                     else "rename the file using lower-case letters, digits and hyphens")
        return None
    doc = frontmatter.read(path, report)
    if not doc.ok:
        return None
    ctx = Context(path, report, ctx_people, slugs)
    fields = BODY.read(doc.meta, ctx, 1)
    if fields is None or not (fields["name"] and fields["short_name"] and fields["numbering"]):
        return None
    numbering = fields["numbering"]
    if fields["year_starts"] and numbering.per_meeting:
        numbering = dataclasses.replace(numbering, restarts=fields["year_starts"])
    elif fields["year_starts"]:  # a pattern's numbers start again where the year written in them changes
        report.error(path, doc.meta.line_of("year_starts"), f"year_starts: {fields['short_name']}'s minute numbers "
                     f"follow the pattern {numbering.written}, which starts them again with the year written in "
                     "them, not in a month", "take year_starts out: it is for a body numbering per-meeting whose "
                     "minutes run on through the municipal year (29, 30, ...), to start them again at 1")
    return Body(path.stem, fields["name"], fields["short_name"], numbering, fields["kind"],
                fields["organisations"], fields["venue"], fields["website"], fields["members"],
                LStr(doc.body, doc.body_line), Source(report._rel(path), 1),
                interests.of_body(fields["interest_types"], report._rel(path), site_types))
