"""The name a person's pages are titled with: their display name, and, where someone else in the register has the
same one, what tells them apart.

A page's title says which page it is in a tab, a bookmark or a history list (WCAG 2.4.2): two people of one name,
a councillor and a trust's director both Dr Jane Smith, had pages and year pages titled alike. Their titles now
name their organisation, or where that does not tell them apart their latest role, or failing both their id:
the first that differs for every one of them, so that the same register always gives the same titles. A name
nobody shares is left as it is.
"""

from __future__ import annotations

import datetime as dt

from generator.model import Person


def _latest_role(person: Person) -> str:
    """The title of the role the register dates latest (the last of those undated, or dated alike)."""
    roles = sorted(person.roles, key=lambda role: role.start or dt.date.min)
    return roles[-1].title if roles else ""


# What may tell namesakes apart, in the order tried: what the register says of them, before their id.
_TOLD_APART_BY = (lambda person: person.organisation, _latest_role, lambda person: person.id)


def _same(name: str) -> str:
    """A name as a reader sees it in a list of tabs: letter case and spacing aside."""
    return " ".join(name.split()).casefold()


def page_names(people: dict[str, Person]) -> dict[str, str]:
    """The name each person with a namesake in the register is titled with, by id ('Dr Jane Smith (Testshire
    County Council)'); anyone else's is their display name, and not in it."""
    namesakes: dict[str, list[Person]] = {}
    for person in people.values():
        namesakes.setdefault(_same(person.display_name), []).append(person)
    names: dict[str, str] = {}
    for group in namesakes.values():
        if len(group) < 2:
            continue
        for told_apart_by in _TOLD_APART_BY:
            told = [" ".join(told_apart_by(person).split()) for person in group]
            if all(told) and len({_same(text) for text in told}) == len(group):
                break
        names.update((person.id, f"{person.display_name} ({text})") for person, text in zip(group, told))
    return names
