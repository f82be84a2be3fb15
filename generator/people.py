"""Resolving the names clerks write to entries of the people register.

Minutes say "Professor Lakhani", "Mr Gay", "Sarah Prema"; the register says who
they are. Every form a person is known by maps to one id; a form shared by two
people is ambiguous and must be written as an id.
"""

from __future__ import annotations

from generator.model import Person, PersonRef


def _norm(text: str) -> str:
    return " ".join(str(text).replace(".", " ").split()).lower()


class PeopleIndex:
    def __init__(self, people: dict[str, Person]):
        self.people = people
        self.forms: dict[str, str] = {}
        self.ambiguous: dict[str, set[str]] = {}
        for person in people.values():
            for form in self._forms(person):
                self._add(form, person.id)

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
        """(id, set()) when resolved; (None, candidates) when ambiguous; (None, set()) unknown."""
        key = _norm(text)
        if key in self.forms:
            return self.forms[key], set()
        return None, self.ambiguous.get(key, set())

    def ref(self, person_id: str) -> PersonRef:
        return PersonRef(name=self.people[person_id].display_name, id=person_id)

    def known_forms(self) -> list[str]:
        return sorted({p.display_name for p in self.people.values()} | set(self.people))
