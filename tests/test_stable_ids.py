"""Identifiers stay when the archive moves: site.yaml's `ids_from` names the base_url they were first made from.

An Atom id must not change when the document is relocated (RFC 4287 4.2.6); a calendar application that sees a
new UID shows the meeting twice; the open data's event ids are documented as stable across builds. They are all
made of an address, and an archive moves (staging to production, a domain to a path, http to https): with
`ids_from` set to its old base_url, every id is the one it had there, and every link leads to where it is now.
The message for an `ids_from` that is no site's address is in tests/test_errors.py.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from generator import ical
from generator.diagnostics import Report
from generator.loader import load_archive
from helpers import FIXTURE, edit

ROOT = "https://records.testshire.example/"
ATOM = "{http://www.w3.org/2005/Atom}"


def _published(archive: Path, build, out: Path, base_url: str, ids_from: str = "") -> Path:
    """The fixture archive built at `base_url`, its ids made from `ids_from` when given."""
    line = f"base_url: {base_url}" + (f"\nids_from: {ids_from}" if ids_from else "")
    edit(archive, "site.yaml", f"base_url: {ROOT}", line)
    result = build(archive, out)
    assert result.ok, [d.format() for d in result.report.sorted()]
    edit(archive, "site.yaml", line, f"base_url: {ROOT}")
    return out


def ids(site: Path) -> dict[str, list[str]]:
    """Every identifier the site publishes, by the file it is in: event ids in the open data, each Atom feed's
    id and its entries', each calendar's UIDs."""
    found: dict[str, list[str]] = {}
    data = {name: json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("meetings", "minutes", "actions")}
    found["data/meetings.json"] = [event["id"] for event in data["meetings"]["events"]]
    found["data/minutes.json"] = [record["event_id"] for record in data["minutes"]["minutes"]]
    found["data/actions.json"] = [action["raised"]["event_id"] for action in data["actions"]["actions"]]
    for path in sorted((site / "feeds").rglob("*.xml")):
        feed = ET.parse(path).getroot()
        found[path.relative_to(site).as_posix()] = [e.text for e in feed.iter(f"{ATOM}id")]
    for path in sorted((site / "feeds").rglob("*.ics")):
        unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "")  # lines folded at 75 octets
        found[path.relative_to(site).as_posix()] = re.findall(r"^UID:(.*?)\r$", unfolded, re.M)
    assert all(found.values()), [name for name, found_there in found.items() if not found_there]
    return found


def links(site: Path) -> list[str]:
    """The addresses the feeds and the open data link to, which lead to where the archive is now."""
    events = json.loads((site / "data" / "meetings.json").read_text(encoding="utf-8"))["events"]
    hrefs = [link["url"] for event in events for link in event["links"]]
    for path in sorted((site / "feeds").rglob("*.xml")):
        hrefs += [link.attrib["href"] for link in ET.parse(path).getroot().iter(f"{ATOM}link")]
    return hrefs


@pytest.mark.parametrize("first, now", [
    ("https://records.testshire.example/", "https://www.testshire.example/records/"),
    ("http://records.testshire.example/", "https://records.testshire.example/"),
    ("https://staging.testshire.example/preview/", "https://records.testshire.example/"),
], ids=["a domain to a path", "http to https", "staging below a path to production"])
def test_an_archive_that_moved_keeps_every_id_it_was_first_published_with_and_links_to_where_it_is(
        archive, build, tmp_path, first, now):
    before = _published(archive, build, tmp_path / "before", first)
    after = _published(archive, build, tmp_path / "after", now, ids_from=first)
    assert ids(after) == ids(before)
    assert sum(map(len, ids(after).values())) > 50, "too few ids to be looking"
    assert links(before) and all(href.startswith(first) for href in links(before))
    assert [href.replace(now, first, 1) for href in links(after)] == links(before)


def test_without_ids_from_the_ids_are_made_from_base_url(archive, build, tmp_path):
    """`ids_from` is the base_url by default: naming it changes nothing, and a site first published with it
    keeps the ids a site without it has."""
    plain = _published(archive, build, tmp_path / "plain", ROOT)
    named = _published(archive, build, tmp_path / "named", ROOT, ids_from=ROOT)
    assert ids(named) == ids(plain)
    assert ids(plain)["feeds/all.xml"][0] == ROOT + "feeds/all.xml"


def test_calendar_uids_name_the_path_of_a_site_below_one_and_are_unchanged_at_a_domains_root():
    """A UID must be globally unique (RFC 5545 3.8.4.7), and two archives below paths of one host (minutes and
    planning) can have meetings of the same body on the same day; at a domain's root a meeting's UID is the one
    calendars subscribed before the path was added to it."""
    archive = load_archive(FIXTURE, Report(root=FIXTURE))
    march = next(m for m in archive.meetings if m.key == "tb/2019-03-14")
    uids = [ical.uid(replace(archive.site, base_url=base), march) for base in (
        "https://council.example.gov.uk/", "https://council.example.gov.uk/minutes/",
        "https://council.example.gov.uk/planning/", "https://council.example.gov.uk/democracy/meetings/")]
    assert uids == ["tb/2019-03-14@council.example.gov.uk", "minutes/tb/2019-03-14@council.example.gov.uk",
                    "planning/tb/2019-03-14@council.example.gov.uk",
                    "democracy/meetings/tb/2019-03-14@council.example.gov.uk"]


def test_a_calendar_published_below_a_path_gives_each_meeting_a_uid_naming_it(archive, build, tmp_path):
    below = _published(archive, build, tmp_path / "below", "https://records.testshire.example/minutes/")
    assert ids(below)["feeds/bodies/tb.ics"] == ["minutes/tb/2019-03-14@records.testshire.example",
                                                 "minutes/tb/2019-06-20@records.testshire.example",
                                                 "minutes/tb/2020-01-16@records.testshire.example"]
