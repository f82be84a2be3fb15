"""People, bodies and memberships in the Popolo data specification's shapes.

Popolo (https://www.popoloproject.com/) is what parliamentary monitoring sites
and OCD already share for who sits where. Bodies are `organizations` with their
slug as id; the other organisations named in the register (where a member comes
from, where a person holds a role) become organizations with the id
`org:<slug of the name>`, so that a membership "on behalf of" an organisation
can point at it. People named as free text rather than from the register have
no id: a body membership for one carries `person_name` instead of `person_id`.
"""

from __future__ import annotations

from generator import urls
from generator.resolve import Index
from generator.values import slugify


def organisation_id(name: str) -> str:
    return "org:" + (slugify(name) or "unnamed")


def people_document(index: Index) -> dict:
    archive = index.archive
    base = archive.site.base_url
    persons, memberships = [], []
    outside: dict[str, str] = {}  # id -> name, organisations that are not bodies

    def outside_org(name: str) -> str | None:
        if not name:
            return None
        key = organisation_id(name)
        outside.setdefault(key, name)
        return key

    for person_id in sorted(archive.people):
        person = archive.people[person_id]
        record = {"id": person.id, "name": person.name}
        if person.honorific:
            record["honorific_prefix"] = person.honorific
        if person.aliases:
            record["other_names"] = [{"name": alias, "note": "alias"} for alias in person.aliases]
        if person.initials:
            record["identifiers"] = [{"scheme": "initials", "identifier": person.initials}]
        record["links"] = [{"url": urls.absolute(base, urls.person(person.id)), "note": "Page in this archive"}]
        persons.append(record)
        for role in person.roles:
            memberships.append(_dated({"person_id": person.id, "organization_id": outside_org(role.organisation),
                                       "role": role.title}, role.start, role.end))
        current = outside_org(person.organisation)
        if current and not any(organisation_id(r.organisation) == current for r in person.roles if r.organisation):
            memberships.append({"person_id": person.id, "organization_id": current, "role": ""})

    organizations = []
    for slug in sorted(archive.bodies):
        body = archive.bodies[slug]
        org = {"id": slug, "name": body.name, "other_names": [{"name": body.short_name, "note": "short name"}],
               "links": [{"url": urls.absolute(base, urls.body(slug)), "note": "Page in this archive"}]}
        if body.kind:
            org["classification"] = body.kind
        if body.website:
            org["links"].append({"url": body.website, "note": "Website"})
        organizations.append(org)
        for member in body.members:
            who = {"person_id": member.who.id} if member.who.id else {"person_id": None,
                                                                     "person_name": member.who.name}
            record = {**who, "organization_id": slug, "role": member.role}
            on_behalf = outside_org(member.organisation)
            if on_behalf:
                record["on_behalf_of_id"] = on_behalf
            memberships.append(_dated(record, member.start, member.end))
        for name in body.organisations:
            outside_org(name)
    organizations += [{"id": key, "name": outside[key]} for key in sorted(outside)]
    return {"persons": persons, "organizations": organizations, "memberships": memberships}


def _dated(record: dict, start, end) -> dict:
    if start:
        record["start_date"] = start.isoformat()
    if end:
        record["end_date"] = end.isoformat()
    return record
