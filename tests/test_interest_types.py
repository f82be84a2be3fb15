"""The type of each interest declared (generator/interests.py), read as a specification.

A clerk writes a declaration's `type` in the body's own words; it is read
whatever its case, hyphens or plural s, and published as the list of types
spells it: the body's own list (`interest_types:` in its file), else the
archive's (in site.yaml), else Minutebook's (the NHS's four types and the
council code's three). Minutes that give no type publish what they did before
types were recorded. The mistakes, and their messages, are in test_errors.py.
"""

from __future__ import annotations

import json

from helpers import built_cleanly as _built, edit, page

MINUTES = "meetings/tb/2019-03-14/minutes.md"
LATER_MINUTES = "meetings/tb/2019-06-20/minutes.md"
DECLARED = "    type: Other registrable interest\n"
ITEM = "/tb/2019/tb-19-12/"


def _declared(site) -> str:
    """The declaration as the minute's page words it."""
    return page(site, ITEM).one("div", class_="declarations").find("li").text


def _declarations_table(site, person: str) -> list[dict[str, str]]:
    table = page(site, f"/people/{person}/").one("section", aria_labelledby="declarations").one("table")
    headings = [th.text for th in table.one("thead").find_all("th")]
    return [dict(zip(headings, [td.text for td in tr.find_all("td")])) for tr in table.one("tbody").find_all("tr")]


def _minutes_declarations(site, meeting: str, ref: str) -> list[dict]:
    document = json.loads((site / "data" / "minutes.json").read_text(encoding="utf-8"))
    minutes = next(m for m in document["minutes"] if m["meeting"] == meeting)
    return next(i for i in minutes["items"] if i["ref"] == ref)["declarations"]


def test_a_type_written_in_other_words_for_the_same_type_is_published_as_the_list_spells_it(archive, build, tmp_path):
    edit(archive, MINUTES, DECLARED, "    type: other-registrable INTERESTS\n")
    site = _built(build, archive, tmp_path)
    assert _declared(site).startswith("Councillor Ada Lovelace (Other registrable interest): Trustee of")
    assert _minutes_declarations(site, "tb/2019-03-14", "TB/19/12")[0]["type"] == "Other registrable interest"


def test_a_body_that_lists_its_own_types_declares_by_them_in_its_words(archive, build, tmp_path):
    """A council still on the 2007 code's words, say; the site's list, where there is one, is not its."""
    edit(archive, "site.yaml", "language: en-GB\n", "language: en-GB\ninterest_types: [Financial interest]\n")
    edit(archive, "bodies/tb.md", "kind: board\n",
         "kind: board\ninterest_types: [Personal interest, Prejudicial interest]\n")
    edit(archive, MINUTES, DECLARED, "    type: personal interests\n")
    site = _built(build, archive, tmp_path)
    assert _declared(site).startswith("Councillor Ada Lovelace (Personal interest): Trustee of")


def test_the_sites_types_are_those_of_every_body_that_lists_none(archive, build, tmp_path):
    edit(archive, "site.yaml", "language: en-GB\n", "language: en-GB\ninterest_types:\n  - Pecuniary interest\n"
         "  - Non-pecuniary interest\n")
    edit(archive, MINUTES, DECLARED, "    type: Non-Pecuniary Interest\n")
    site = _built(build, archive, tmp_path)
    assert _declared(site).startswith("Councillor Ada Lovelace (Non-pecuniary interest): Trustee of")


def test_a_persons_declarations_give_the_type_of_each_and_say_where_the_minutes_give_none(archive, build, tmp_path):
    edit(archive, LATER_MINUTES, "## TB/19/22 ", "```item\ndeclarations:\n  - person: ada-lovelace\n"
         "    interest: Member of the pharmacy's patient group\n```\n\n## TB/19/22 ")
    site = _built(build, archive, tmp_path)
    assert [(row["Minute"][:8], row["Type"]) for row in _declarations_table(site, "ada-lovelace")] == [
        ("TB/19/21", "Not recorded"), ("TB/19/12", "Other registrable interest")]  # newest first


def test_minutes_that_give_no_type_publish_what_they_did_before_types_were_recorded(archive, build, tmp_path):
    """No Type column, nothing between the name and the interest, no `type` in the open data: an archive that
    records no types is published byte for byte as before."""
    edit(archive, MINUTES, DECLARED, "")
    site = _built(build, archive, tmp_path)
    assert _declared(site).startswith("Councillor Ada Lovelace: Trustee of Testshire Food Bank")
    assert list(_declarations_table(site, "ada-lovelace")[0]) == ["Meeting", "Minute", "Interest", "Action taken"]
    assert list(_minutes_declarations(site, "tb/2019-03-14", "TB/19/12")[0]) == ["person", "interest", "action"]
    feed = (site / "feeds/people/ada-lovelace.xml").read_text(encoding="utf-8")
    assert "Declared an interest (TB/19/12); Moved a motion (TB/19/13); Voted for (TB/19/13)</summary>" in feed
