"""The reference -> address map behind the search page's direct jump.

Someone who types `CCBP/19/70` wants that minute, not a list of pages that
mention it. The search page looks the query up in this map and, when it is
exactly a known reference, offers a link straight to the record.

Keys are normalised the same way here and in search.js (`refKey`): lower case,
split into runs of letters and runs of digits, leading zeros dropped, joined by
single spaces. "CCBP/19/70", "ccbp 19 70" and "ccbp19-070" all become
"ccbp 19 70"; the action "CCBP/19/70#1" becomes "ccbp 19 70 1".

What is mapped, from the resolved (public) index only, so nothing confidential
or draft can be reached through it:

- minutes: the minute number (`CCBP/19/70`); for a body numbered afresh at each
  meeting, `<short name> <meeting folder> <number>`, e.g. `JCCCG 2020-03-05 5`;
- agenda items whose number no published minute has (deferred, withdrawn, or
  their minutes still a draft), likewise, to their row on the meeting's page, as
  the number's links lead (references.Linker.item_url);
- papers: `<short name> <meeting folder> <paper name>`, e.g. `CCB 2018-06-21 Paper C`;
- actions: the action id (`CCBP/18/49#1`), and with the body's short name in
  front for a per-meeting body (`JCCCG 2020-03-05/5#1`);
- a minute number first published otherwise, which `moved.yaml` gives, to the
  minute as it is numbered now;
- a number without the letters in front of it (`19/70`, `18/49#1`), as papers cite
  minutes ("see minute 19/70"), to every record whose key it ends, if no more than
  `MOST_UNPREFIXED` share it: beyond that the number says too little to jump on, and
  the search results serve. Pagefind itself finds nothing for `19/70`, which it
  reads as the word `1970`.

Each record gives its url, kind, ref, title, body and date, and `language` where its
title is in another language than the site's (a paper's `language:`, a minute's or
an action's minutes', an agenda item's meeting's): the search page marks the title
it shows with it (WCAG 2.2, 3.1.2), as the record's own page does.

The map is sharded, so that a query fetches one small file however long the
archive runs (`shard_of`): a key beginning with a body's letters by its first
two words, `search/references/ccbp/19.json`, the body's references of one year;
a key beginning with a number (`19 70`) by that number, the year's, across
bodies: `search/references/19.json`. `search/references.json` names, for each
first word, the file or (ending in `/`) the folder of files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import urls
from generator.memo import ByIdentity
from generator.model import all_agenda_items
from generator.numbering import canonical
from generator.plaintext import plain_title
from generator.update import prune_empty

MANIFEST = "search/references.json"
SHARDS = "search/references"

_WORDS = re.compile(r"[^\W\d_]+|\d+")
MOST_UNPREFIXED = 8


def ref_key(text: str) -> str:
    words = [w.lstrip("0") or "0" if w.isdigit() else w for w in _WORDS.findall(text.lower())]
    return " ".join(words)


def shard_of(key: str) -> str | None:
    """The shard a key is kept in, below SHARDS and without `.json`; None for a key of letters alone, which the
    search page never looks up (a reference has a number). Sharded by the first word only, a body's shard held
    every reference of its whole archive: 460 KB for a minute number of a body of 118 meetings, fetched to
    offer one link, and five times that at 590. By the second word too, a shard holds a year of a body
    (`ccbp 19 70` and `ccbp 19 70 1` in `ccbp/19`; `jcccg 2020 3 5 7` in `jcccg/2020`); in a scheme without the
    year, one minute's. A key of numbers first (a minute number without its letters, `19 70`) is already one
    year's, across bodies, by its first word."""
    words = key.split(" ")
    if words[0].isdigit():
        return words[0]
    return f"{words[0]}/{words[1]}" if len(words) > 1 else None


def _entry(url: str, kind: str, ref: str, title: str, body, meeting, language: str = "") -> dict:
    """`language`: the title's, where it is not the site's (Site.other); left out otherwise, so that the map of
    an archive in one language is as it was."""
    entry = {"url": url, "kind": kind, "ref": ref, "title": plain_title(title), "body": body.short_name,
             "date": meeting.date.isoformat()}
    if language:
        entry["language"] = language
    return entry


def _meeting_keys(meeting, body, site) -> tuple:
    """(key, record) of each of a meeting's minute items and papers."""
    found = []
    minutes = site.other(meeting.minutes.language) if meeting.minutes else ""
    for item in meeting.minutes.items if meeting.minutes else ():
        entry = _entry(urls.item(meeting, body, item), "minute", item.number, item.title, body, meeting, minutes)
        found.append((ref_key(f"{body.short_name} {meeting.folder} {item.ref}" if body.numbering.per_meeting
                              else item.ref), entry))
    for paper in meeting.papers:
        found.append((ref_key(f"{body.short_name} {meeting.folder} {paper.name}"),
                      _entry(urls.paper(meeting, paper), "paper", paper.name, paper.title, body, meeting,
                             site.other(paper.language))))
    minuted = {item.ref.lower() for item in meeting.minutes.items} if meeting.minutes else set()
    for agenda in all_agenda_items(meeting.agenda):  # a number with no published minute: its row, as links go
        ref = canonical(body.numbering, agenda.ref)
        if ref and ref.lower() not in minuted:
            entry = _entry(urls.agenda_item(meeting, agenda.ref), "agenda", agenda.number, agenda.title, body, meeting,
                           site.other(meeting.language))
            found.append((ref_key(f"{body.short_name} {meeting.folder} {ref}" if body.numbering.per_meeting
                                  else ref), entry))
    return tuple(found)


def _action_keys(track, body, site) -> tuple:
    """(key, record) of an action, by its id (and the body's short name for a body numbered per meeting)."""
    action = track.action
    raised = track.raised.minutes
    entry = _entry(urls.action(action), "action", action.number, action.text, body, track.raised,
                   site.other(raised.language) if raised else "")
    found = [(ref_key(action.id), entry)]
    if body.numbering.per_meeting:
        found.append((ref_key(f"{body.short_name} {action.id}"), entry))
    return tuple(found)


def _renumbered_keys(index) -> tuple:
    """(key, record) of each minute number first published otherwise (moved.yaml, Index.renumbered), to the
    minute as it is numbered now: a reader with an old citation is taken where its links go."""
    found = []
    for (slug, old), now in sorted(index.renumbered.items()):
        body, held = index.archive.bodies.get(slug), index.items.get(now)
        if body is not None and held is not None and not body.numbering.per_meeting:
            meeting, item = held
            found.append((ref_key(old), _entry(urls.item(meeting, body, item), "minute", item.number, item.title, body,
                                               meeting, index.archive.site.other(meeting.minutes.language))))
    return tuple(found)


def entries(index, memo: ByIdentity | None = None) -> dict[str, list[dict]]:
    """Every key with the records it names (usually one; two bodies may share a numbering). `memo` (the live
    preview's, which writes the map after every save's re-indexing): each meeting's and action's keys are
    kept by the identity of their records, as the pages' and open data's are; making them all again took
    one and a half seconds at 2,000 meetings, on the cores the next save needs."""
    found: dict[str, list[dict]] = {}
    unprefixed: dict[str, list[dict]] = {}  # records by their numbers alone (add_unprefixed)

    def kept(kind: str, records: tuple, make) -> tuple:
        return make() if memo is None else memo.get(kind, records, make)

    site = index.archive.site
    made = [kept("references of a meeting", (meeting, index.body(meeting.body), site),
                 lambda m=meeting: _unprefixed(_meeting_keys(m, index.body(m.body), site), index.body(m.body)))
            for meeting in index.archive.meetings]
    made += [kept("references of an action", (track, index.body(track.raised.body), site),
                  lambda t=track: _unprefixed(_action_keys(t, index.body(t.raised.body), site),
                                              index.body(t.raised.body)))
             for track in index.tracks.values()]
    made.append(tuple((key, entry, _numbers(key)) for key, entry in _renumbered_keys(index)))
    for triples in made:
        for key, entry, numbers in triples:
            if key and entry not in found.setdefault(key, []):
                found[key].append(entry)
            if numbers and len(unprefixed.setdefault(numbers, [])) <= MOST_UNPREFIXED \
                    and entry not in unprefixed[numbers]:
                unprefixed[numbers].append(entry)
    add_unprefixed(found, unprefixed)
    for records in found.values():
        records.sort(key=lambda e: (e["date"], e["body"], e["url"]))
    if memo is not None:
        memo.round()
    return found


def _numbers(key: str) -> str:
    """The numbers of a key of letters then two or more numbers (`ccbp 19 70` -> `19 70`), '' of any other."""
    words = key.split(" ")
    if len(words) >= 3 and not words[0].isdigit() and all(word.isdigit() for word in words[1:]):
        return " ".join(words[1:])
    return ""


def _unprefixed(pairs: tuple, body) -> tuple:
    """(key, record, numbers) of each pair: `numbers` (see _numbers) is '' for a body numbered per meeting, whose
    keys begin with its short name and its meeting's date (`jc 2019 11 5 5`): the reader would have to write
    the date, and a shard of every such number with a date in a year would be fetched for any query that
    begins with the year."""
    return tuple((key, entry, "" if body.numbering.per_meeting else _numbers(key)) for key, entry in pairs)


def add_unprefixed(found: dict[str, list[dict]], unprefixed: dict[str, list[dict]]) -> None:
    """Add to `found` each minute number or action id by its numbers alone (`19 70`, `19 70 1`), unless that is a
    key already or more than MOST_UNPREFIXED records share it."""
    for numbers, records in unprefixed.items():
        if numbers not in found and len(records) <= MOST_UNPREFIXED:
            found[numbers] = records


@dataclass
class Kept:
    """What the live preview keeps from one writing of the map to the next (serve.py)."""

    records: ByIdentity = field(default_factory=ByIdentity)  # each meeting's and action's keys (entries)
    shards: dict = field(default_factory=dict)  # each shard as last written: encoding them all took half a second


def write(site_dir: Path, index, kept: Kept | None = None) -> int:
    """Write the manifest and the shards (`shard_of`); returns how many keys were written. With `kept` (the
    live preview's), the keys come from its memo (`entries`), and a shard that holds what it held when it was
    last written is not encoded and written again."""
    shards: dict[str, dict[str, list[dict]]] = {}
    for key, records in entries(index, kept.records if kept else None).items():
        name = shard_of(key)
        if name is not None:
            shards.setdefault(name, {})[key] = records
    folder = Path(site_dir) / SHARDS
    for name, shard in shards.items():
        path = folder / f"{name}.json"
        if kept is None or kept.shards.get(name) != shard or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(path, shard)
    _remove_others(folder, shards)
    if kept is not None:
        kept.shards = shards
    # the manifest stays as small as the list of bodies: a folder per body, not a line per year
    listed = {name.split("/")[0]: f"/{SHARDS}/{name.split('/')[0]}/" if "/" in name else f"/{SHARDS}/{name}.json"
              for name in shards}
    _write(Path(site_dir) / MANIFEST, {"shards": listed})
    return sum(len(shard) for shard in shards.values())


def _remove_others(folder: Path, shards: dict) -> None:
    """Remove the shards in `folder` that are not among `shards`: the live preview writes the map into the
    same folder after each save, and a body's year whose last reference went (its last meeting of that year
    deleted or moved to another) kept its shard, which a build from scratch does not have."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.json")):
        if path.relative_to(folder).as_posix().removesuffix(".json") not in shards:
            path.unlink()
            prune_empty(path.parent, folder)


def _write(path: Path, data) -> None:
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
