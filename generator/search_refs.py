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
- papers: `<short name> <meeting folder> <paper name>`, e.g. `CCB 2018-06-21 Paper C`;
- actions: the action id (`CCBP/18/49#1`), and with the body's short name in
  front for a per-meeting body (`JCCCG 2020-03-05/5#1`).

The map is sharded by a key's first word: `search/references/<word>.json`,
listed in `search/references.json`. A query fetches at most one shard, so a
large archive's map is never downloaded whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator import urls
from generator.plaintext import one_line

MANIFEST = "search/references.json"
SHARDS = "search/references"

_WORDS = re.compile(r"[^\W\d_]+|\d+")


def ref_key(text: str) -> str:
    words = [w.lstrip("0") or "0" if w.isdigit() else w for w in _WORDS.findall(text.lower())]
    return " ".join(words)


def _entry(url: str, kind: str, ref: str, title: str, body, meeting) -> dict:
    return {"url": url, "kind": kind, "ref": ref, "title": one_line(title), "body": body.short_name,
            "date": meeting.date.isoformat()}


def entries(index) -> dict[str, list[dict]]:
    """Every key with the records it names (usually one; two bodies may share a numbering)."""
    found: dict[str, list[dict]] = {}

    def add(written: str, entry: dict) -> None:
        key = ref_key(written)
        if key and entry not in found.setdefault(key, []):
            found[key].append(entry)

    for meeting, item in index.items.values():
        body = index.body(meeting.body)
        entry = _entry(urls.item(meeting, body, item), "minute", item.ref, item.title, body, meeting)
        if body.numbering.per_meeting:
            add(f"{body.short_name} {meeting.folder} {item.ref}", entry)
        else:
            add(item.ref, entry)
    for meeting in index.archive.meetings:
        body = index.body(meeting.body)
        for paper in meeting.papers:
            add(f"{body.short_name} {meeting.folder} {paper.name}",
                _entry(urls.paper(meeting, paper), "paper", paper.name, paper.title, body, meeting))
    for track in index.tracks.values():
        body = index.body(track.raised.body)
        action = track.action
        entry = _entry(urls.action(action), "action", action.id, action.text, body, track.raised)
        add(action.id, entry)
        if body.numbering.per_meeting:
            add(f"{body.short_name} {action.id}", entry)
    for records in found.values():
        records.sort(key=lambda e: (e["date"], e["body"], e["url"]))
    return found


def write(site_dir: Path, index) -> int:
    """Write the manifest and one shard per first word; returns how many keys were written."""
    shards: dict[str, dict[str, list[dict]]] = {}
    for key, records in entries(index).items():
        shards.setdefault(key.split(" ")[0], {})[key] = records
    folder = Path(site_dir) / SHARDS
    folder.mkdir(parents=True, exist_ok=True)
    for word, shard in shards.items():
        _write(folder / f"{word}.json", shard)
    _write(Path(site_dir) / MANIFEST, {"shards": {word: f"/{SHARDS}/{word}.json" for word in shards}})
    return sum(len(shard) for shard in shards.values())


def _write(path: Path, data) -> None:
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
