"""The live preview's fast path for a save to the people register that changes what only the people's own pages
show of them: their organisation and their dated roles, and who is in the register when no file names them.

A clerk keeps the register up to date as people change jobs (a new
organisation, a role that ended) and as members and officers come and go,
often adding someone before the minutes that name them are written. The full
rebuild takes up to two seconds at 2,000 meetings for such a save (it loads the
register and asks every meeting whether it reads the same, quick.py's
counterpart for meetings). An organisation and roles are shown on the person's
page and the people page only (and in the open data, which the rebuild writes);
someone added or removed whom no meeting's or body's file names, on their own
page, the people page and the open data page's count. This path renders exactly
those pages from the last rebuild's index with the new register in it.

Anything else in the register (a name, honorific, alias or initials, which the
meetings' records and references are made from; a person added or removed whom
a file names, or might), a message, a site whose own templates may show the
register anywhere, or a save while another fast path's pages wait for the
rebuild, gets None and the full rebuild does the work. The rebuild follows
every time anyway (serve.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import urls
from generator.build import make_environment, site_templates_mention
from generator.diagnostics import Report
from generator.load_registers import people_in_file, register_files
from generator.model import Person
from generator.namesakes import page_names
from generator.pages import (bodies_sat_on, body_attendance, by_surname, holdings, open_data_page, people_index,
                             person_page)
from generator.people import asked_about_posts, may_have_asked_about
from generator.quick import rendered_pages
from generator.urls import output_file


def _named(person: Person) -> tuple:
    """What the meetings' records and references are made from (schema.person, Linker initials)."""
    return person.name, person.honorific, person.aliases, person.initials


def _shown(person: Person) -> tuple:
    """What only the person's page and the people page show."""
    return person.organisation, person.roles


def _register(content: Path, saved: set[Path], before: dict[str, Person], report: Report) -> dict | None:
    """The people register with the `saved` files read again and the others' people as `before` has them (from
    the last rebuild), in the register's order; None if an id is in two files."""
    people: dict[str, Person] = {}
    for path in register_files(content):
        if path.resolve() in saved:
            people_in_file(path, report, people)
            continue
        written = report._rel(path)
        for pid, person in before.items():
            if person.source.path == written:
                if pid in people:
                    return None
                people[pid] = person
    return people


def people_quick(session, paths) -> tuple[int, list[str], list[str]] | None:
    """Write the pages of the people a save to the register added, or whose organisation or roles it changed,
    and the people page; delete those of the people it removed: (pages rendered, addresses written, addresses
    deleted). None, having written nothing, when the full rebuild must decide, or has nothing to write either.
    `session`: as for quick.quick_rebuild."""
    prepared = session.prepared
    if prepared is None or not paths or (session.unsettled and not session.register_saved):
        return None  # a meeting's fast path wrote pages that this one would make from the index without its edit
    content = Path(session.options.content)
    saved = {Path(path).resolve() for path in paths}
    if not saved <= {path.resolve() for path in register_files(content)}:
        return None
    report = Report(root=content, _relative=session.relative)
    index = prepared.index
    before = index.archive.people
    people = _register(content, saved, before, report)
    if people is None or report.items or not people or not before or \
            any(_named(people[pid]) != _named(before[pid]) for pid in people.keys() & before.keys()):
        return None  # with nobody left, or nobody before, every page's menu changes (base.html)
    comings_and_goings = [people[pid] for pid in people.keys() - before.keys()] + \
        [before[pid] for pid in before.keys() - people.keys()]
    if comings_and_goings and not _unnamed(session, comings_and_goings):
        return None
    reroled = [version for pid in people.keys() & before.keys() if _shown(people[pid]) != _shown(before[pid])
               for version in (people[pid], before[pid])]  # a role's organisation may be the person's
    if reroled and _holds_a_post_asked(session, reroled):
        return None  # who held a post a meeting names its holder by ("Director of Finance") may have changed
    names, named_before = page_names(people), page_names(before)
    if any(names.get(pid) != named_before.get(pid) for pid in people.keys() & before.keys()):
        return None  # a namesake came, went or changed organisation: titles change, year pages' too, unmade here
    if site_templates_mention(session.options, (b"index",)):
        return None  # the site's own templates may show anything of the register on any page
    shown = {urls.person(pid) for pid in people}
    # and those a save since the rebuild wrote, which this one may undo
    changed = sorted(pid for pid in people if pid not in before or _shown(people[pid]) != _shown(before[pid])
                     or urls.person(pid) in session.unsettled)
    gone = sorted({urls.person(pid) for pid in before if pid not in people} |
                  {url for url in session.unsettled if _is_persons(url) and url not in shown})
    counted = len(people) != len(before) or urls.open_data() in session.unsettled
    if not changed and not gone and not session.register_saved:
        return None  # nothing a page shows (a comment, the order of the entries): the rebuild is quick
    index = dataclasses.replace(index, archive=dataclasses.replace(index.archive, people=people))
    env = make_environment(session.options, dataclasses.replace(prepared, index=index), report, session.compiled)
    env.filters["markdown"].__self__.cache = session.markdown_cache
    owned, member_of = holdings(index, session.holdings).owned, bodies_sat_on(index, set(changed))
    attended = {slug: body_attendance(index, slug) for slug in sorted({b.slug for bs in member_of.values()
                                                                        for b in bs})}
    pages = [person_page(index, people[pid], tuple(owned.get(pid, ())), tuple(member_of.get(pid, ())), prepared.today,
                         prepared.refs, attended, names) for pid in changed]
    # Each person's count of meetings, as the last rebuild made it for the people page: only a meeting's save
    # changes it, and none has been made since that rebuild (see the first check above); someone new, whom no
    # meeting names (`_unnamed`), attended none
    known = session.deps.get(urls.people())
    counts = dict(known[0][1]) if known else None
    pages.append(people_index(index, by_surname(people), counts and {pid: counts.get(pid, 0) for pid in people}))
    if counted:
        pages.append(open_data_page(index))
    rendered = rendered_pages(env, pages, report)
    if rendered is None:
        return None
    written = [url for url, html in rendered if session.out.write_bytes(output_file(url), html.encode("utf-8"))]
    for url in gone:
        session.out.delete(output_file(url))
    session.register_saved = "the people register"  # the meetings' fast path would make them from the old one
    return len(rendered), written, gone


def _is_persons(url: str) -> bool:
    """Whether `url` is a person's page (urls.person): not the people page, nor a year of a person's
    (urls.person_year), which shows nothing this path changes."""
    return url.startswith(urls.people()) and url.count("/") == urls.people().count("/") + 1


def _records(session) -> list | None:
    """The questions each meeting's files and the bodies' files asked the register when the last rebuild read them
    (people.Asked); None where it kept none."""
    loaded = session.loader_cache
    if "loaded registers" not in loaded:
        return None
    return [entry[4] for key, entry in loaded.items() if isinstance(key, Path)] + [loaded["loaded registers"][5]]


def _holds_a_post_asked(session, people: list[Person]) -> bool:
    """Whether a file asked who held a post that one of `people` has a role of (people.asked_about_posts): a role's
    dates or title changed makes another person its holder at some meeting, whose pages this path does not make."""
    records = _records(session)
    return records is None or asked_about_posts(records, people)


def _unnamed(session, people: list[Person]) -> bool:
    """Whether no meeting's file nor body's file asked the register about any of `people` when the last rebuild
    read them (people.Asked): then adding or removing them changes no meeting's record, nor any body's, and the
    pages that show them are their own, the people page and the open data page's count."""
    records = _records(session)
    return records is not None and not may_have_asked_about(records, people)
