"""Addresses pages had before a correction, kept working (content/moved.yaml).

A page's address is made from the content (urls.py): a minute number corrected, or a meeting's date put
right and its folder renamed, moves the page, and every citation of the old address (in another body's
minutes, a report, a bookmark, a search engine) would lead nowhere. moved.yaml names each old address and
the page it is now. The site keeps a page at the old address that sends the reader on (templates/moved.html:
a link, and a refresh for browsers), and Netlify answers the old address with a permanent redirect first
(`_redirects`).

A meeting's pages move with it: for an entry whose page is now a meeting's, the pages below the meeting's
address (its papers', and its items' where a body numbers minutes per meeting) move too, and the pages of the
actions such a body's meeting raised, whose ids are made of the meeting's folder (2019-11-04/5#1), as every page below
a body's address does for an entry whose page is now a body's (its slug put right), and a person's year pages
for an entry whose page is now a person's (their id put right); and so do the
files published beside a moved paper's page, kept as a copy at the old address and redirected on Netlify.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator import frontmatter, urls, yamltext
from generator.attachments import published
from generator.diagnostics import Report, shortened
from generator.model import Attachment
from generator.numbering import whole
from generator.pages import addresses, meeting_urls
from generator.values import slugify

FILE = "moved.yaml"
EXAMPLE = "/ccb/2019/ccbp-19-07/: /ccb/2019/ccbp-19-70/"
# Where the site keeps files of its own: a page there could stand where one of them is.
NOT_PAGES = ("/static/", "/pagefind/", "/data/", "/feeds/", "/search/")
# The files at the site's root (outputs.py, sitemap.py, and this module's _redirects).
ROOT_FILES = re.compile(r"robots\.txt|_redirects|sitemap(-\d+)?\.xml|404\.html")
PAGE_FILE = "index.html"  # a page's own file, in its folder (urls.output_file)


@dataclass(frozen=True)
class Move:
    old: str  # the address the page had, from the site's root
    new: str  # the address of the page it is now
    line: int  # in moved.yaml
    number: str = ""  # the old minute number, where the line gives one (CCBP/18/94: CCBP/18/49)
    now: tuple[str, str] | None = None  # (body, the number now), where the line gives the old one


def load(content: Path, report: Report) -> tuple[Move, ...]:
    """The entries of moved.yaml as written; () without the file. Each that is no address is reported."""
    path = Path(content) / FILE
    if not path.is_file():
        return ()
    text = frontmatter.read_text(path, report)
    data = yamltext.parse(text.lstrip("\ufeff"), path, report) if text is not None else None
    if data is None:
        return ()
    if not isinstance(data, dict):
        report.error(path, yamltext.line_of(data), "moved.yaml must map each old address to the page it is now",
                     f"write one line for each page, such as `{EXAMPLE}`")
        return ()
    moves = []
    for old, new in data.items():
        line = data.line_of(old)
        written = [_address(value, path, line, report) for value in (old, new)]
        if None not in written:
            moves.append(Move(written[0], written[1], line))
    return tuple(moves)


def _address(value, path: Path, line: int, report: Report) -> str | None:
    """`value` as a page's address (from the site's root, ending with /), or None, reported."""
    if not isinstance(value, str):
        kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else \
            "nothing" if value is None else "a number" if isinstance(value, (int, float)) else "no text"
        report.error(path, line, f"each side of the colon must be a page's address, and one of them is {kind}",
                     f"write one address on each side, such as `{EXAMPLE}`")
        return None
    text = value.strip()
    if "?" in text or "#" in text:
        report.error(path, line, f"'{shortened(text)}' names part of a page (after ? or #), not a page",
                     "write the page's address alone, from the / after the domain")
        return None
    if text and not text.startswith("/") and not text.endswith("/"):
        return text  # a minute number (CCBP/18/94): its page's address is found in check, with the archive
    if not text.startswith("/") or text.startswith("//") or not urls.plain_path(text):
        report.error(path, line, f"'{shortened(str(value))}' is not the address of a page on this site",
                     f"write each address from the / after the domain, in letters, digits and - . _ ~ between "
                     f"slashes, such as `{EXAMPLE}`")
        return None
    return text if text.endswith("/") else text + "/"


def check(moves: tuple[Move, ...], index, report: Report, content: Path) -> tuple[tuple, dict]:
    """(old address, new address) of each page kept at an old address, those below a moved meeting's
    included, in address order; and (body, the old minute number's slug) -> (body, number now) of each line
    that moves a minute's page, for the references that cite the old number (Index.renumbered). An entry whose
    old address is a page now, or whose new one is no page, is reported against its line and left out."""
    if not moves:
        return (), {}
    path = Path(content) / FILE
    moves = tuple(found for move in moves if (found := _numbered(move, index, path, report)) is not None)
    pages = set(addresses(index))
    files = {relative for relative, _ in published(index)}  # papers' files, beside their pages
    olds = {m.old: m.new for m in moves}
    kept: dict[str, str] = {}
    renumbered: dict[tuple[str, str], tuple[str, str]] = {}
    minutes: dict[str, tuple[str, str]] | None = None  # a minute's page -> (body, its number), made if needed
    for move in moves:
        parts = move.old.strip("/").split("/")
        file = next(("/" + "/".join(parts[:n]) for n in range(1, len(parts) + 1)
                     if "/".join(parts[:n]) in files or (n == 1 and ROOT_FILES.fullmatch(parts[0]))), None)
        if move.old in pages:
            what = f"{move.old} (minute {move.number})" if move.number else move.old
            report.error(path, move.line, f"{what} is the address of a page now, so no page can be kept there for "
                         f"{move.new}", "take the line out, or correct the old " +
                         ("number" if move.number else "address"))
        elif move.old.startswith(NOT_PAGES) or move.old == "/":
            report.error(path, move.line, f"{move.old} is where the site keeps its own files",
                         "take the line out, or correct the old address")
        elif file:
            report.error(path, move.line, f"{move.old} would stand where the site publishes the file {file}",
                         "take the line out, or correct the old address")
        elif PAGE_FILE in parts:  # its page's file would be a folder's name, where a page's index.html is
            folder = "/" + "".join(f"{part}/" for part in parts[:parts.index(PAGE_FILE)])
            report.error(path, move.line, f"{move.old} names the file a page is published as ({PAGE_FILE}), "
                         "not a page", f"write the page's address, the folder the file is in: {folder}")
        elif move.new not in pages:
            report.error(path, move.line, f"there is no page at {move.new} to send {move.old} on to",
                         _where_instead(move.new, olds, pages))
        else:
            kept[move.old] = move.new
            if move.now:
                renumbered[(move.now[0], slugify(move.number))] = move.now
            elif len(parts) == 3:  # /ccb/2018/ccbp-18-94/: the old page of a minute, if the new one is a minute's
                minutes = _minute_pages(index) if minutes is None else minutes
                if minutes.get(move.new, ("",))[0] == parts[0]:
                    renumbered[(parts[0], parts[2])] = minutes[move.new]
    meetings = {urls.meeting(m): m for m in index.archive.meetings}
    # a body's slug put right: every page below it, to the meetings' papers; a person's id: their year pages
    above = {urls.body(slug) for slug in index.by_body} | {urls.person(pid) for pid in index.archive.people}
    for old, new in list(kept.items()):
        if new in above:
            below = sorted(page for page in pages if page.startswith(new) and page != new)
        elif new in meetings:
            below = meeting_urls(index, meetings[new])[1:]
            for moved, page in _actions_named_by_folder(index, old, meetings[new]):
                if moved not in kept and moved not in pages:
                    kept[moved] = page
        else:
            continue
        for page in below:
            moved = old + page[len(new):]
            if page.startswith(new) and moved not in kept and moved not in pages:
                kept[moved] = page
    return tuple(sorted(kept.items())), renumbered


def _actions_named_by_folder(index, old: str, meeting) -> Iterator[tuple[str, str]]:
    """(old address, address) of the pages of the actions a meeting of a body numbering its minutes per meeting
    raised, whose ids, and so addresses, start with the meeting's folder (`2019-11-04/5#1`,
    `/jc/actions/2019-11-04-5-1/`): its folder renamed with its date put right, they moved with it, though not
    below its address. `old`: the meeting's old address, `/<body>/<year>/<folder>/`."""
    parts = old.strip("/").split("/")
    body = index.archive.bodies.get(meeting.body)
    if len(parts) != 3 or body is None or not body.numbering.per_meeting or not meeting.minutes:
        return
    slug, _, folder = parts
    for item in meeting.minutes.items:
        for action in item.actions:
            if action.id.startswith(meeting.folder + "/") and folder != meeting.folder:
                was = folder + action.id[len(meeting.folder):]
                yield f"/{slug}/actions/{slugify(was)}/", urls.action(action)


def _numbered(move: Move, index, path: Path, report: Report) -> Move | None:
    """`move` with the minute numbers it was written with (`CCBP/18/94: CCBP/18/49`, the number first
    published and the number now) as the addresses of their pages, or None, reported: a clerk knows the
    numbers, and the old one's page was at the new one's, in the same body and year. An old number needs the
    new one, which says where; numbers that restart at each meeting name no page alone."""
    if move.old.startswith("/") and move.new.startswith("/"):
        return move
    if move.new.startswith("/"):
        report.error(path, move.line, f"'{shortened(move.old)}' is a minute number, and the page it moved to is "
                     "given by its address", "write the number the minute has now after the colon, or the old "
                     "page's address before it")
        return None
    bodies = [index.body(slug) for slug in index.by_body if not index.body(slug).numbering.per_meeting]
    found = [(body, index.items[(body.slug, ref)]) for body in bodies
             if (ref := whole(body.numbering, move.new)) and (body.slug, ref) in index.items]
    if len(found) != 1:
        report.error(path, move.line, f"'{shortened(move.new)}' is no minute number of this archive"
                     if not found else f"'{move.new}' is a minute number of more than one body",
                     "write the number the minute has now (for a body that numbers its minutes across "
                     f"meetings), or each page's address from the / after the domain, such as `{EXAMPLE}`")
        return None
    body, (meeting, item) = found[0]
    new = urls.item(meeting, body, item)
    if move.old.startswith("/"):
        return Move(move.old, new, move.line)
    old = whole(body.numbering, move.old)
    if old is None or old == item.ref:
        report.error(path, move.line, f"'{shortened(move.old)}' is not another {body.short_name} minute number"
                     if old is None else f"'{move.old}' is the number the minute has now, on both sides",
                     f"write the number the minute was first published with, as {body.short_name} numbers them "
                     f"(like {item.number}), then the number it has now")
        return None
    return Move(f"/{meeting.body}/{meeting.date.year}/{slugify(old)}/", new, move.line, old,
                (meeting.body, item.ref))


def _minute_pages(index) -> dict[str, tuple[str, str]]:
    """The address of each page of a minute numbered across meetings (made of the number alone) -> (body,
    number): an old address there, written in moved.yaml, was made of the number the minute was published with."""
    across = {slug for slug in index.by_body if not index.body(slug).numbering.per_meeting}
    return {urls.item(meeting, index.body(body), item): (body, item.ref)
            for (body, _), (meeting, item) in index.items.items() if body in across}


def _where_instead(new: str, olds: dict[str, str], pages: set[str]) -> str:
    if new in olds:
        return f"{new} has moved itself, to {olds[new]}: send the old address there"
    section = "/" + new.strip("/").split("/", 1)[0] + "/"
    near = difflib.get_close_matches(new, [p for p in pages if p.startswith(section)], n=1)
    return f"did you mean {near[0]}?" if near else "write the address of a page the site has, as the browser shows it"


def moved_files(index) -> Iterator[tuple[str, str, Attachment]]:
    """(old address, address, attachment) of each file published beside a paper whose page moved (moved.check):
    a citation of the PDF is as likely as one of the page, and the file is where the page was."""
    olds: dict[str, list[str]] = {}
    for old, new in index.moved:
        olds.setdefault(new, []).append(old)
    if not olds:
        return
    for relative, attachment in published(index):
        page, _, name = relative.rpartition("/")
        for old in olds.get(f"/{page}/", ()):
            yield old + name, "/" + relative, attachment


def body_feeds(index) -> Iterator[tuple[str, str]]:
    """(old address, address) of the feeds, calendar and data files of each body whose slug moved.yaml put
    right (`/joint/: /jc/`): calendar and feed readers follow a permanent redirect and keep the new address.
    Netlify's only: a copy elsewhere would keep readers on the old address for good."""
    slugs = {urls.body(slug): slug for slug in index.by_body}
    for old, new in index.moved:
        was, slug = old.strip("/"), slugs.get(new)
        if slug and "/" not in was:
            yield from ((address(was), address(slug)) for address in (urls.body_feed, urls.body_calendar,
                                                                      urls.actions_csv, urls.actions_json))
            yield f"/feeds/actions/{was}/*", f"/feeds/actions/{slug}/:splat"  # each action's feed
            for dataset in ("meetings", "minutes"):  # the body's data of each year
                yield f"/data/{dataset}/{was}/*", f"/data/{dataset}/{slug}/:splat"


def action_feeds(index) -> Iterator[tuple[str, str]]:
    """(old address, address) of the feed of each action whose page moved (_actions_named_by_folder), for
    Netlify alone, as body_feeds."""
    moved = {new: old for old, new in index.moved if "/actions/" in old}
    if not moved:
        return
    for action in index.actions.values():
        old = moved.get(urls.action(action))
        if old is not None:
            yield f"/feeds/actions/{action.body}/{old.rstrip('/').rpartition('/')[2]}.xml", urls.action_feed(action)


def redirects(index, path: str) -> bytes:
    """Netlify's `_redirects`: each old address, a page's, a file's (moved_files), a body's feed's (body_feeds) or
    a moved action's feed's (action_feeds), answered with a permanent redirect, though a page or a copy of the file
    stands there (the `!`), for hosts that read the file; others serve what stands there. `path`: Site.path."""
    pairs = sorted([*index.moved, *((old, new) for old, new, _ in moved_files(index)), *body_feeds(index),
                    *action_feeds(index)])
    return "".join(f"{path}{old} {path}{new} 301!\n" for old, new in pairs).encode("utf-8")
