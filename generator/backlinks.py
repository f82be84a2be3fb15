"""The reference scan: every published text parsed once before rendering.

Backlinks ("Referenced from") must be known before the target page renders, and
the target may come before the text that cites it, so all references are
resolved here first. The same rule, linker and contexts are used again when the
text is rendered, so what the scan records is exactly what the pages link.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict

from generator.model import all_agenda_items
from generator.numbering import leading, leading_part
from generator import urls
from generator.diagnostics import Report
from generator.fingerprint import Shared
from generator.interrupt import check, never
from generator.markdown import Renderer
from generator.parallel import WorkerFailed, fork_map
from generator.references import ARCHIVE, Linker, Place, Where, relink
from generator.render import INLINE, LEVEL_FREE, LINKED, PLACEABLE, place_key
from generator.resolve import Index
from generator.yamltext import LStr, file_line, lines_of

_UNRESOLVED = "unresolved"  # the scan memo's list of texts for relinked


# The published clerk text, as (text, where, place, path): the bodies' own, then each meeting's.

def _body_texts(index: Index):
    for slug, body in index.archive.bodies.items():
        yield _body_text(slug, body)


def _body_text(slug: str, body) -> tuple:
    return body.about, Where(body=slug), Place(urls.body(slug), f"About the {body.short_name}"), body.source.path


def _meeting_texts(index: Index, meeting):
    archive = index.archive
    body = archive.bodies[meeting.body]
    page = urls.meeting(meeting)
    here = lambda paper=None: Where(body=meeting.body, meeting=meeting, paper=paper)  # noqa: E731
    path = meeting.source.path
    yield meeting.notes, here(), Place(page + "#notes", "Meeting notes", meeting), path
    att = meeting.attendance
    for entry in att.present + att.in_attendance + att.apologies + att.deputising + att.absent + att.minute_taker:
        for text in (entry.role, entry.note):
            yield text, here(), Place(page + "#attendance", "Attendance", meeting), path
    for item in all_agenda_items(meeting.agenda):
        place = Place(page + "#" + urls.agenda_anchor(item.ref), f"Agenda item {item.number}", meeting)
        yield item.title, here(), place, item.source.path  # with its line (load_meeting.py)
        yield item.description, here(), place, item.source.path
    for item in meeting.minutes.items if meeting.minutes else ():
        place = Place(urls.item(meeting, body, item), f"Minute {item.number}", meeting)
        yield _on_line(item.title, item.source.line), here(), place, item.source.path
        yield item.body, here(), place, item.source.path
        for text in item.resolutions:
            yield text, here(), place, item.source.path
        for declaration in item.declarations:
            yield declaration.interest, here(), place, item.source.path
        for vote in item.votes:
            yield vote.motion, here(), place, item.source.path
        for action in item.actions:
            yield action.text, here(), place, action.source.path
    for paper in meeting.papers:
        place = Place(urls.paper(meeting, paper), paper.name, meeting)
        yield paper.title, here(paper), place, paper.source.path  # on its line (load_meeting.py): "Response to ..."
        for text in (paper.summary, paper.recommendations, paper.risk, paper.equality_impact,
                     paper.financial_implications, paper.patient_engagement, paper.next_steps, paper.body):
            yield text, here(paper), place, paper.source.path
        for _, text in paper.front_sheet:
            yield text, here(paper), place, paper.source.path
    if meeting.action_log:
        place = Place(page + "#action-log", "Action log", meeting)
        for update in meeting.action_log.updates:
            yield update.progress, here(), place, update.source.path
        yield meeting.action_log.notes, here(), place, meeting.action_log.source.path


def _on_line(title: str, line: int) -> LStr:
    """A minute's title (kept without its line, interned: the same titles recur across an archive) on the line
    of its heading: a reference in it that does not resolve is reported there, not on the file's first line."""
    return LStr(title, line)


def scan(index: Index, linker: Linker, renderer: Renderer, report: Report, cache: dict | None = None,
         html: dict | None = None, memo: dict | None = None, stop=never
         ) -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple]]:
    """(backlinks, refs): target address -> places linking to it, newest meeting first;
    and page address -> what its texts resolved to, which the page's rendering depends on.

    `cache` maps (text, context) to a previous scan's result, which stays
    valid while the bodies' numbering is unchanged (Linker.finders): when the
    archive's items, papers, meetings or people change, a text is resolved again
    from its live runs (references.relink), not parsed again, and a result
    that came out the same is handed back as the very same tuples. With
    `html` (the Markdown filter's cache, render.py), each text without headings
    that had to be parsed is rendered too, so rendering the pages need not parse
    it again. `memo` (the live preview's) keeps what each meeting's texts
    resolved to, by the meeting's identity: the loader and publish.py hand back
    the very same object for a meeting whose files did not change, so its texts
    need not even be listed and hashed again unless they have live runs and the
    linker's targets changed. `stop`: see interrupt.py; `memo` changes only
    once the scan is done.
    """
    found: dict[str, dict[tuple, Place]] = defaultdict(dict)
    refs: dict[str, list] = defaultdict(list)
    cache = cache if cache is not None else {}

    def resolved(texts) -> tuple[list[tuple], list[tuple]]:
        return _resolved(texts, linker, renderer, cache, html)

    def relinked(live: list[tuple]) -> list[tuple] | None:
        """`resolved` for the texts of a meeting that is the very same object as before, resolved again from
        their live runs alone, and only those reaching beyond the meeting: the rest it alone decides."""
        entries = []
        for key, where, place, path, line, beyond in live:
            entry = cache.get(key)
            if entry is None:
                return None
            if beyond:
                cache[key] = entry = _current(entry, where, linker)
            if entry[0] or entry[1]:
                entries.append((entry[0], entry[1], place, path, line))
        return entries

    def gather(entries: list[tuple]) -> None:
        _gather_refs(refs, entries)
        for links, dangling, place, path, lines in entries:
            for target in _targets(links, place.url.split("#")[0]):
                found[target][(place.url, place.label)] = place
            told = set()
            for at, written, hint, problem in dangling:
                line = file_line(lines, at)
                if _told_already(place, path, line, written, linker, told):
                    continue
                withheld = linker.withheld(written, place.meeting)
                if withheld is not None:  # a minute (or meeting) there is, but not published: said so
                    report.warning(path, line, *withheld)
                    continue
                report.warning(path, line, f"reference '{written}' {problem or 'does not resolve'}",
                               hint or "check the reference, or write it with the [[...]] syntax "
                               "(docs/content-format.md, Cross-references)")

    gather(resolved(_body_texts(index))[0])
    kept: dict[int, tuple] = {}
    for meeting in index.archive.meetings:
        check(stop)
        body = index.archive.bodies[meeting.body]
        entries = None
        known = memo[id(meeting)] if _known(memo, index, meeting) else None
        if known is not None:
            live = known[4]
            if not live or known[3] == linker.signature:
                entries = known[2]
            else:  # the same texts, some live, and the targets changed: the same list if they resolve the same
                entries = relinked(live)
                entries = known[2] if entries == known[2] else entries
        if entries is None:
            entries, live = resolved(_meeting_texts(index, meeting))
        if memo is not None:  # the old entry when nothing in it changed: see memo.ByIdentity
            same_entry = known is not None and known[2] is entries and known[3] == linker.signature \
                and known[4] is live
            kept[id(meeting)] = known if same_entry else (meeting, body, entries, linker.signature, live)
        gather(entries)
    backlinks = {}
    for target, places in found.items():
        check(stop)
        backlinks[target] = Shared(sorted(places.values(), key=_newest_first))
    refs = {page: Shared(links) for page, links in refs.items()}
    if memo is not None:
        before = memo.get("results", ({}, {}))
        # A list made of the very same entries as last time is handed back as the very same tuple, which the
        # page digests recognise without looking inside (fingerprint.Digests).
        backlinks, refs = (_same_as_before(new, old, stop) for new, old in zip((backlinks, refs), before))
        unresolved = _unresolved(kept, cache)  # for the preview's next save (relinked), made now
        memo.clear()  # meetings gone from the archive are dropped
        memo.update(kept)
        memo["results"] = (backlinks, refs)
        memo[_UNRESOLVED] = unresolved
    return backlinks, refs


def _told_already(place: Place, path: str, line: int, written: str, linker: Linker, told: set) -> bool:
    """Whether a reference that does not resolve is a heading's own number, that of another minute or a part of
    one than the item the heading is inside (model.MisplacedHeading): one message tells the clerk what to do about
    the heading (validate.py's, or load_minutes' where it was read), and 'does not resolve' would be a second for
    the one mistake. Only its leading number, once (`told`: the headings whose number has been): any other
    reference in it is reported."""
    minutes = place.meeting.minutes if place.meeting is not None else None
    if minutes is None or not minutes.misplaced_headings or path != minutes.source.path:
        return False
    numbering = linker.bodies[place.meeting.body].numbering
    numbered = leading_part(numbering, written)  # (ref, part, rest); an item's number has no part
    if numbered is None:
        ref, rest = leading(numbering, written)
        numbered = ref, "", rest
    for heading in minutes.misplaced_headings:
        if heading.line == line and heading not in told and heading.heading.startswith(written) \
                and numbered[0] == heading.ref and not numbered[2]:
            told.add(heading)
            return True
    return False


def _resolved(texts, linker: Linker, renderer: Renderer, cache: dict, html: dict | None
              ) -> tuple[list[tuple], list[tuple]]:
    """(links, dangling, place, path, lines) of each text that links or fails to, `lines` its yamltext.lines_of;
    and the live texts."""
    entries, live = [], []
    for text, where, place, path in texts:
        if not text or not str(text).strip():
            continue
        key = _key(text, where)
        entry = cache.get(key)
        entry = _parse(text, where, linker, renderer, html) if entry is None else _current(entry, where, linker)
        cache[key] = entry
        links, dangling, runs, _ = entry
        line = lines_of(text)
        if runs:
            live.append((key, where, place, path, line, any(reach == ARCHIVE for _, _, reach in runs)))
        if links or dangling:
            entries.append((links, dangling, place, path, line))
    return entries, live


def meeting_entries(index: Index, meeting, linker: Linker, renderer: Renderer, cache: dict, html: dict | None
                    ) -> list[tuple]:
    """(links, dangling, place, path, line) of each of one meeting's texts that links or fails to: all that
    the meeting adds to the archive's backlinks, references and messages (scan). The live preview's fast
    path (quick.py) compares them before and after an edit."""
    return _resolved(_meeting_texts(index, meeting), linker, renderer, cache, html)[0]


def body_entries(slug: str, body, linker: Linker, renderer: Renderer, cache: dict, html: dict | None) -> list[tuple]:
    """`meeting_entries` of a body's own text (its page's "About"): what a save to its file adds to the
    archive's backlinks (quick_bodies.py compares them before and after)."""
    return _resolved([_body_text(slug, body)], linker, renderer, cache, html)[0]


def known_entries(memo: dict | None, index: Index, meeting) -> list[tuple] | None:
    """`meeting_entries` of a meeting as the last scan found them (its `memo`), or None if it did not keep them."""
    return memo[id(meeting)][2] if _known(memo, index, meeting) else None


def _gather_refs(refs: defaultdict, entries: list[tuple]) -> None:
    """Each text's links under the page it is on, and its meeting's, whose page shows every text of the meeting."""
    for links, _, place, _, _ in entries:
        if links:
            refs[place.url.split("#")[0]].append(links)
            if place.meeting is not None:
                refs[("meeting", place.meeting.key)].append(links)


def meeting_refs(meeting, entries: list[tuple], pages) -> dict:
    """`scan`'s refs of one meeting's `pages` (addresses) and of the meeting, made from its `meeting_entries`
    alone: None for a page no text on which links, as `scan` has none for it. The live preview's fast path
    (quick.py) tells by them which of the meeting's pages a save leaves as they were; those of the last scan are
    the meeting's before the save."""
    gathered: defaultdict = defaultdict(list)
    _gather_refs(gathered, entries)
    refs: dict = dict.fromkeys([*pages, ("meeting", meeting.key)])
    refs.update((key, Shared(links)) for key, links in gathered.items() if key in refs)
    return refs


def links_of(entries: list[tuple]) -> list[tuple]:
    """What the entries link to, and from where: (links, place address, place label) of each that links."""
    return [(links, place.url, place.label) for links, _, place, _, _ in entries if links]


class Patched(dict):
    """A copy of the scan's backlinks (`base`) that a save patches (with_meeting, then relinked), noting each
    address it sets or takes out (`touched`): those whose places may differ from the base's, found without a
    pass over every address of the archive (`changed`). Each change to it goes through a method below."""

    def __init__(self, base: dict):
        super().__init__(base)
        self.base = base
        self.touched: set[str] = set()

    def __setitem__(self, key, value) -> None:
        self.touched.add(key)
        super().__setitem__(key, value)

    def __delitem__(self, key) -> None:
        self.touched.add(key)
        super().__delitem__(key)

    def pop(self, key, *default):
        self.touched.add(key)
        return super().pop(key, *default)

    def setdefault(self, key, default=None):
        self.touched.add(key)
        return super().setdefault(key, default)

    def update(self, *args, **kwargs) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def popitem(self):
        raise TypeError("Patched backlinks: take an address out by pop(), which notes it")

    def clear(self) -> None:
        raise TypeError("Patched backlinks: take an address out by pop(), which notes it")


def changed(old: dict, new: dict) -> set[str]:
    """The addresses whose places are not the very ones they were (set again, added or taken out) from backlinks
    `old` to `new`: from what `new` noted, when it is a Patched copy of `old`, else by a pass over both (every
    address of the archive, 5 to 6 ms of a save at 2,000 meetings)."""
    if new is old:
        return set()
    if isinstance(new, Patched) and new.base is old:
        return {url for url in new.touched if old.get(url) is not new.get(url)}
    return {url for url, places in new.items() if old.get(url) is not places} | (old.keys() - new.keys())


def with_meeting(backlinks: dict, old, entries: list[tuple], old_entries: list[tuple]) -> Patched:
    """`scan`'s backlinks with the places of meeting `old` (which found `old_entries`) replaced by those of
    its new version's `entries`: what a scan of the archive with the new version would find."""
    found: dict[str, dict[tuple, Place]] = defaultdict(dict)
    for links, _, place, _, _ in entries:
        for target in _targets(links, place.url.split("#")[0]):
            found[target][(place.url, place.label)] = place
    touched = set(found).union(*(_targets(links, place.url.split("#")[0]) for links, _, place, _, _ in old_entries))
    patched = Patched(backlinks)
    for target in touched:
        places = {(p.url, p.label): p for p in backlinks.get(target, ()) if p.meeting is not old}
        places.update(found.get(target, {}))
        if places:
            patched[target] = Shared(sorted(places.values(), key=_newest_first))
        else:
            patched.pop(target, None)
    return patched


def relinked(backlinks: Patched, memo: dict, cache: dict, linker: Linker, old, new) -> Patched:
    """`backlinks` (of an archive in which meeting `old` was replaced by `new`) once other meetings' texts are
    resolved by `linker` (Linker.around), which knows the minute numbers, actions and papers `new` added or
    removed: a reference that did not resolve may reach a new one now, and nothing links to one that is gone. Only a
    text with a reference that did not resolve can link to more (every number a text cites either links or
    is reported), so only those are resolved again, from their live runs as the last scan (`memo`, `cache`)
    kept them. `backlinks` (with_meeting's, a copy) is changed in place. Nothing is written to `cache`;
    `memo` keeps the list of those texts until the next scan."""
    patched = backlinks  # with_meeting's copy: patched in place
    citing = _citing(patched, old, linker.bodies)
    for url in addresses(old, linker.bodies) - addresses(new, linker.bodies):
        patched.pop(url, None)
    added: dict[str, dict[tuple, Place]] = defaultdict(dict)
    unresolved = memo.get(_UNRESOLVED)
    if unresolved is None:
        unresolved = memo[_UNRESOLVED] = _unresolved(memo, cache)
    for key, where, place, entry in unresolved:
        if where.meeting is old:
            continue
        source_page = place.url.split("#")[0]
        fresh = relink(entry[2], linker, Where(body=where.body, meeting=where.meeting, paper=where.paper))
        for target in set(_targets(fresh.links, source_page)) - set(_targets(entry[0], source_page)):
            added[target][(place.url, place.label)] = place
    # The texts that linked to the meeting, resolved again: one may link to it no more (its date changed, an
    # agenda row gone), and its place is taken out of what it no longer reaches. And the bodies' own texts
    # (a few, not in `memo`), whether they linked to it or did not resolve.
    for key, where, place, entry in _texts_at(citing, memo, cache) + _body_texts_live(linker.index, cache):
        source_page = place.url.split("#")[0]
        fresh = relink(entry[2], linker, Where(body=where.body, meeting=where.meeting, paper=where.paper))
        was, now = set(_targets(entry[0], source_page)), set(_targets(fresh.links, source_page))
        for target in now - was:
            added[target][(place.url, place.label)] = place
        for target in was - now:
            kept = tuple(p for p in patched.get(target, ()) if (p.url, p.label) != (place.url, place.label))
            if kept:
                patched[target] = Shared(kept)
            else:
                patched.pop(target, None)
    for target, places in added.items():
        places = {**{(p.url, p.label): p for p in patched.get(target, ())}, **places}
        patched[target] = Shared(sorted(places.values(), key=_newest_first))
    return patched


def _citing(backlinks: dict, meeting, bodies: dict) -> dict[tuple, Place]:
    """(address, label) -> place, of each place in another meeting whose text links to the meeting or to what
    it holds (a body's text: _body_texts_live)."""
    return {(place.url, place.label): place for address in {urls.meeting(meeting)} | addresses(meeting, bodies)
            for place in backlinks.get(address, ()) if place.meeting is not None and place.meeting.key != meeting.key}


def _body_texts_live(index: Index, cache: dict) -> list[tuple]:
    """(key, where, place, scan result) of each body's text with a reference that reaches beyond it, as the
    last scan kept it (relinked)."""
    found = []
    for text, where, place, _ in _body_texts(index):
        key = _key(text, where) if text and str(text).strip() else None
        entry = cache.get(key) if key is not None else None
        if entry is not None and any(reach == ARCHIVE for _, _, reach in entry[2]):
            found.append((key, where, place, entry))
    return found


def _texts_at(places: dict[tuple, Place], memo: dict, cache: dict) -> list[tuple]:
    """(key, where, place, scan result) of each text at `places` that the last scan kept (relinked): of their
    meetings' texts, those reaching beyond their meeting, the only ones that can link to another."""
    found = []
    for meeting in {id(place.meeting): place.meeting for place in places.values()}.values():
        known = memo.get(id(meeting))
        if known is None or known[0] is not meeting:
            continue
        found += [(key, where, place, entry) for key, where, place, _, _, beyond in known[4]
                  if beyond and (place.url, place.label) in places
                  for entry in (cache.get(key),) if entry is not None]
    return found


def _unresolved(memo: dict, cache: dict) -> list[tuple]:
    """(key, where, place, scan result) of each text in which a reference reaching beyond its meeting did not
    resolve, as the scan kept them (relinked); `memo` is the scan's, or what it is about to hold."""
    return [(key, where, place, entry) for kept, known in memo.items() if type(kept) is int  # a meeting's
            for key, where, place, _, _, beyond in known[4] if beyond
            for entry in (cache.get(key),) if entry is not None and entry[1]]


def addresses(meeting, bodies: dict) -> set[str]:
    """The pages of a meeting's minute items and papers, and of the actions it raises: what a reference
    elsewhere can reach in it besides the meeting's own page."""
    items = meeting.minutes.items if meeting.minutes else ()
    body = bodies[meeting.body]
    return {urls.item(meeting, body, item) for item in items} | {urls.action(a) for i in items for a in i.actions} \
        | {urls.paper(meeting, paper) for paper in meeting.papers}


def _targets(links, source_page: str) -> list[str]:
    """The pages a text's links make a backlink on, in order: any but the page the text is on."""
    return [target for target in dict.fromkeys(url.split("#")[0] for url, _ in links) if target != source_page]


def _same_as_before(new: dict, old: dict, stop=never) -> dict:
    for key, value in new.items():
        check(stop)
        was = old.get(key)
        if was is not None and len(was) == len(value) and all(a is b for a, b in zip(was, value)):
            new[key] = was
    return new


def _known(memo: dict | None, index: Index, meeting) -> bool:
    """Whether scan has the meeting's texts from the last time, so none of them needs parsing."""
    known = memo.get(id(meeting)) if memo is not None else None
    return known is not None and known[0] is meeting and known[1] is index.archive.bodies[meeting.body]


def _key(text, where: Where) -> bytes:
    """The text and where it stands (what its references resolve against), by one digest: the build cache
    keeps this key, and the texts themselves are already there. One bytes object, not a tuple of the text's
    digest and the context's names: 150,000 fewer objects to write and read back at 2,000 meetings."""
    data = str(text).encode("utf-8", "surrogatepass")
    digest = hashlib.blake2b(b"%d:" % len(data), digest_size=16)  # the length: no text runs into its context
    digest.update(data)
    digest.update(repr((where.body, where.meeting.key if where.meeting else None,
                        where.paper.ref if where.paper else None)).encode("utf-8", "surrogatepass"))
    if getattr(text, "folds", ()):  # its result places its references by their columns too (reference_rule)
        digest.update(b"columns")
    return digest.digest()


def _parse(text, where: Where, linker: Linker, renderer: Renderer, html: dict | None) -> tuple:
    """(links, dangling, live runs, signature) of one text; its HTML goes into `html` (see scan), placeable
    when it has headings, which the pages show at different levels (render.PLACEABLE). The signature is the
    linker's when the text has live runs, None when no archive could give it a reference."""
    env = {"linker": linker, "where": where, "columns": bool(getattr(text, "folds", ()))}
    text = str(text)
    tokens = renderer.md.parse(text, env)
    headings = any(t.type == "heading_open" for t in tokens)
    if html is not None:
        place = place_key(where)
        inline = renderer.inline_of(text, tokens)
        if inline is not None:
            _keep(html, (text, INLINE, place), inline, where)
        if not headings or renderer.can_place(text):
            rendered = renderer.render(text, env=env, tokens=tokens, placeable=headings)
            if not rendered.problems:
                _keep(html, (text, PLACEABLE if headings else LEVEL_FREE, place), rendered.html, where)
    return _entry(where, linker)


def _keep(html: dict, key: tuple, value: str, where: Where) -> None:
    html[key] = value
    if where.live:
        html.setdefault(LINKED, set()).add(key)


_NOTHING = ((), (), (), None)  # most texts' entry: nothing that links, fails to, or might


def _entry(where: Where, linker: Linker) -> tuple:
    """One text's result; all texts without a reference share one (three in four at 2,000 meetings, each a
    tuple the build cache would otherwise write and read back)."""
    live = tuple(where.live)
    entry = tuple(where.links), tuple(where.dangling), live, linker.signature if live else None
    return _NOTHING if entry == _NOTHING else entry


def _current(entry: tuple, where: Where, linker: Linker) -> tuple:
    """A cached result, resolved again from its live runs if the linker's targets changed since. The runs' reach
    too: a paper this meeting no longer has is looked for among the others' (references._paper)."""
    links, dangling, live, signature = entry
    if signature is None or signature == linker.signature:
        return entry
    fresh = _entry(relink(live, linker, Where(body=where.body, meeting=where.meeting, paper=where.paper)), linker)
    return (links if fresh[0] == links else fresh[0], dangling if fresh[1] == dangling else fresh[1],
            live if fresh[2] == live else fresh[2], fresh[3])


PARALLEL_TEXTS = 2000  # texts to parse; below this, starting processes costs more than it saves


def prefill(index: Index, linker: Linker, renderer: Renderer, cache: dict, html: dict | None, jobs: int,
            memo: dict | None = None) -> None:
    """Parse, on `jobs` forked processes, the texts `cache` lacks, so that `scan` finds every one there.

    A first build of a large archive spends much of its time here; split by
    meeting, the texts parse independently. The results are the same as
    `scan` would compute itself.
    """
    texts = itertools.chain(_body_texts(index), *(_meeting_texts(index, m) for m in index.archive.meetings
                                                  if not _known(memo, index, m)))
    missing = [(text, where) for text, where, _, _ in texts
               if text and str(text).strip() and _key(text, where) not in cache]
    if jobs < 2 or len(missing) < PARALLEL_TEXTS:
        return
    position = {m.key: n for n, m in enumerate(index.archive.meetings)}

    def work(shard: int) -> tuple[dict, dict]:
        found, made = {}, {}
        for text, where in missing:
            if (position[where.meeting.key] if where.meeting else 0) % jobs == shard:
                key = _key(text, where)
                if key not in found:
                    found[key] = _parse(text, where, linker, renderer, made if html is not None else None)
        return found, made

    try:
        shards = fork_map(work, jobs)
    except WorkerFailed:
        return  # scan() parses them itself
    for found, made in shards:
        cache.update(found)
        if html is not None:
            linked = made.pop(LINKED, set())
            html.update(made)
            html.setdefault(LINKED, set()).update(linked)


def _newest_first(place: Place):
    date = place.meeting.date.toordinal() if place.meeting else 0
    return (-date, place.meeting.key if place.meeting else "", place.label, place.url)
