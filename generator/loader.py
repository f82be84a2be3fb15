"""Stage 1, load: a content folder becomes an Archive, with every problem reported.

Registers come first (site, people, bodies) because meetings are checked against
them; then each meeting folder with its minutes, papers and action log.
"""

from __future__ import annotations

import bisect
import functools
import os
import stat
from pathlib import Path

from generator import attachments, interests
from generator.diagnostics import Report, content_option, did_you_mean, listed
from generator.filedigest import FileDigests, StatChecked, digest_file
from generator.fingerprint import Known, handed_down
from generator.inline_actions import BodiesAsked, names_of_bodies
from generator.interrupt import check, never
from generator.load_meeting import build_meeting, load_action_log, load_meeting_file, load_paper, numbered_agenda, \
    numbered_log, numbered_papers
from generator.load_minutes import load_minutes
from generator.load_registers import ID_RE, NEW_SITE, hidden, load_bodies, load_people, load_site, register_files
from generator.markdown import make_block_parser
from generator.model import (ActionLog, ActionUpdate, AgendaItem, Archive, Attendance, Meeting, MinuteItem, Minutes,
                              Paper, archive_order)
from generator.parallel import PARALLEL_FROM, WorkerFailed, fork_map
from generator.people import Asked, PeopleIndex, answers_hold
from generator.reload_parts import Beside, Parts, Recorded, Seed, folder_kind
from generator.schema import deputies
from generator.values import slugify

KNOWN_FILES = {"meeting.md", "minutes.md", "actions.md"}
# A meeting's file named in capitals (Minutes.md) is not read, on a file system that tells case apart
MEANT = {"meeting.md": "the meeting's file, so the meeting is not", "minutes.md": "the meeting's minutes, so they "
         "are not", "actions.md": "the meeting's action log, so it is not"}
FILE_DIGESTS = "file digests"  # the loader cache's FileDigests.seen, for the next build


def _signature(paths) -> tuple:
    """What says the registers are unchanged: each file's name and the digest of its bytes (a few small files)."""
    return tuple((str(path), digest_file(path)) for path in paths if path.is_file())


def walk(folder: Path, stop=never) -> list[tuple[str, os.stat_result]]:
    """Every file below `folder`, with its status: one walk with os.stat. The live preview asks this on every
    save, and pathlib globbing each of thousands of folders took most of a second."""
    found = []
    for root, dirs, names in os.walk(folder):
        check(stop)
        for name in names:
            full = os.path.join(root, name)
            try:
                st = os.stat(full)
            except OSError:  # a broken link, or a file deleted meanwhile
                continue
            if stat.S_ISREG(st.st_mode):
                found.append((full, st))
    return found


def meetings_folder(content: Path) -> Path:
    return Path(content) / "meetings"


def _meeting_folders(folder: Path, digests: FileDigests, stop=never, walked: list | None = None
                     ) -> tuple[dict[Path, tuple], list[tuple[str, bool]]]:
    """Each meeting.md below `folder` (in path order), with the signature of every file in its meeting folder
    (filedigest.py); and the Markdown files no meeting folder holds (`_outside_meetings`). `walked`:
    `walk(folder)`, when the caller had it made meanwhile."""
    files = [digests.signature(full, st) for full, st in (walk(folder, stop) if walked is None else walked)]
    files.sort()
    paths = [f[0] for f in files]
    found = {}
    for path in sorted(Path(f) for f in paths if os.path.basename(f) == "meeting.md"):
        check(stop)
        prefix = str(path.parent) + os.sep  # a folder's files are together in sorted order
        start = bisect.bisect_left(paths, prefix)
        found[path] = tuple(files[start:bisect.bisect_left(paths, prefix[:-1] + chr(ord(os.sep) + 1), start)])
    return found, _outside_meetings(paths, {str(path.parent) for path in found})


def _outside_meetings(paths: list[str], homes: set[str]) -> list[tuple[str, bool, str]]:
    """The Markdown files below the meetings folder that are neither in a meeting folder nor in its papers/,
    each with whether it looks like a meeting's own file with no meeting folder around it (minutes.md or
    actions.md, or a paper, outside every meeting folder) and the meeting folder it is below, if any (a draft
    kept in a subfolder, a paper in one of papers/). A meeting is found by its meeting.md, so without this a
    folder whose meeting.md is missing or misnamed would drop its minutes from the site without a word."""
    held = homes | {os.path.join(home, "papers") for home in homes}

    def meeting_above(folder: str) -> str:
        while folder != os.path.dirname(folder):
            folder = os.path.dirname(folder)
            if folder in homes:
                return folder
        return ""

    strays = []
    for path in paths:  # every file of the archive's meetings, on every build and preview rebuild: kept lean
        folder = path.rpartition(os.sep)[0]
        if folder in held or path[-3:].lower() != ".md":  # Minutes.MD is Markdown too
            continue
        own = os.path.basename(path).lower() in KNOWN_FILES or os.path.basename(folder) == "papers"
        home = meeting_above(folder)
        strays.append((path, own and not home, home))
    return strays


def _report_outside_meetings(strays: list[tuple[str, bool, str]], report: Report) -> bool:
    """Whether any Markdown out of place is an error: a meeting's own files without their meeting.md, which
    the clerk meant to be published. Such a folder is one error, at its first file, naming what it holds;
    other Markdown out of place is a warning, as in a meeting folder (`_load_meeting`)."""
    folders: dict[str, list[str]] = {}
    for stray, meant, home in strays:
        name = os.path.basename(stray)
        if meant:
            folder = os.path.dirname(stray)
            folders.setdefault(os.path.dirname(folder) if os.path.basename(folder) == "papers" else folder,
                               []).append(stray)
        elif home:  # a paper one folder too deep reads as published to the clerk who put it there
            below = Path(os.path.relpath(os.path.dirname(stray), home)).as_posix()
            report.warning(Path(stray), 1, f"'{name}' is in {below}/, a subfolder of its meeting's folder, and is "
                           "ignored", "move a paper into papers/ itself (its subfolders are not read), or the "
                           f"file out of {report.in_archive('meetings')}/")
        else:
            report.warning(Path(stray), 1, f"'{name}' is not in a meeting folder and is ignored",
                           f"move it into a meeting's folder (beside its meeting.md), or out of "
                           f"{report.in_archive('meetings')}/")
    for folder, files in folders.items():
        misnamed = [f for f in files if os.path.basename(f).lower() == "meeting.md"]
        if misnamed:
            name = os.path.basename(misnamed[0])
            report.error(Path(misnamed[0]), 1, f"'{name}' is not read as the meeting's file, so the meeting is not "
                         "published", "rename it meeting.md, in lower case")
            continue
        names = [os.path.basename(f) for f in files if os.path.dirname(f) == folder]
        papers = len(files) - len(names)
        held = names + ([f"{papers} paper{'s' * (papers != 1)} in papers/"] if papers else [])
        report.error(Path(files[0]), 1, f"the folder '{os.path.basename(folder)}' has {listed(held)} but no "
                     "meeting.md, so none of it is published",
                     "add meeting.md with the meeting's body and date, or move the files into their meeting's folder")
    return bool(folders)


def _same_as(new, old):
    return old if new == old else new


def _same_in(new: dict, old: dict) -> dict:
    return {key: _same_as(value, old.get(key)) for key, value in new.items()}


def _as_meetings_read(body) -> tuple | None:
    """What loading a meeting reads of its body (`_load_meeting`, load_minutes): not its members or description.
    Its types of interest: a declaration's is checked against them, and published as they spell it; and its members
    whose role is a chair's deputy's (schema.deputies), whom `Vice-Chair` written where a person goes names."""
    return None if body is None else (body.slug, body.short_name, body.numbering, body.venue, body.interest_types,
                                      deputies(body))


def _site_settings(registers: tuple, content: Path) -> tuple:
    """The site settings' part of a registers signature (`_signature`)."""
    return tuple(entry for entry in registers if entry[0] == str(content / "site.yaml"))


def _body_files(registers: tuple, content: Path) -> tuple:
    """Which bodies' files a registers signature holds (not their digests): the bodies a meeting may name."""
    return tuple(name for name, _ in registers if Path(name).parent == content / "bodies")


def _register_paths(content: Path) -> list[Path]:
    bodies = content / "bodies"
    return ([content / "site.yaml"] + register_files(content)
            + (sorted(p for p in bodies.iterdir() if not hidden(p)) if bodies.is_dir() else []))


def load_archive(content: Path, report: Report, cache: dict | None = None, jobs: int = 1, stop=never,
                 walked: list | None = None) -> Archive | None:
    """Load everything under `content`.

    With a `cache` (kept by the live preview between rebuilds), a meeting folder
    whose files are all unchanged is not read again: its Meeting and its
    messages are reused, as long as the registers it was checked against are
    unchanged too, or only the people register or bodies' files changed and the
    meeting reads the same against them (`kept`). Many folders to read
    (a first build) are read on `jobs` processes. `stop`: see interrupt.py; the
    cache stays valid whenever it stops. `walked`: `walk` of the meetings
    folder, made meanwhile (build.py).
    """
    content = Path(content)
    if not content.is_dir():
        hint = (f"run minutebook in the folder that holds content/ (it looked in {content.resolve().parent}), or "
                "pass --content with your archive's folder") if content.name == "content" else \
            f"there is no folder {content.resolve()}: check the folder given with --content"
        # a clerk's first command, in a folder with no archive yet, was told where to look and not how to start one
        hint += f"; to start a new archive there, run `{NEW_SITE}{content_option(content)}`"
        report.error(content, 1, "the content folder does not exist", hint)
        return None
    cache = cache if cache is not None else {}
    digests = FileDigests(cache.get(FILE_DIGESTS))
    registers = _signature(_register_paths(content))
    # The people register or a body's file changed, not the site's settings nor which bodies there are: each kept
    # meeting is checked against the new registers (`kept`) instead of every meeting being read again.
    recheck, known = False, None
    if cache.get("registers") != registers:
        known = cache.get("loaded registers")
        recheck = known is not None and all(part(cache.get("registers") or (), content) == part(registers, content)
                                            for part in (_site_settings, _body_files))
        if recheck:
            del cache["loaded registers"]
        else:
            cache.clear()
        cache["registers"] = registers
    if "loaded registers" in cache:  # unchanged: the same objects, so records built from them stay the same too
        site, people, index, bodies, messages, _ = cache["loaded registers"]
        report.items.extend(messages)
    else:
        before = len(report.items)
        site = load_site(content, report)
        unreadable: set = set()
        people = load_people(content, report, unreadable)
        # An unreadable register is one error; checking every name against half a
        # register would add hundreds of false "unknown person" errors to it.
        index = PeopleIndex(people) if register_files(content) and not unreadable else None
        asked = Asked(index) if index is not None else None
        bodies = load_bodies(content, report, asked, interests.inherited(site))
        if recheck:  # what reads as before stays the very same object, as the kept meetings do (memos, digests)
            site, people, bodies = (_same_as(site, known[0]), _same_in(people, known[1]), _same_in(bodies, known[3]))
            index = PeopleIndex(people) if index is not None else None
        # with the questions the bodies' files asked of the register, as each meeting's entry has those its files
        # asked (quick_people.py: a person added whom no file names)
        cache["loaded registers"] = (site, people, index, bodies, report.items[before:],
                                     asked.record() if asked is not None else ("", b""))
    changed_bodies = {slug for slug in set(bodies) | set(known[3])
                      if _as_meetings_read(bodies.get(slug)) != _as_meetings_read(known[3].get(slug))} \
        if recheck else set()
    if recheck and (index is None) != (known[2] is None):  # names checked against a register, or no longer
        for key in [key for key in cache if isinstance(key, Path)]:
            del cache[key]
    slugs = _body_slugs(content, bodies)
    registers_read = cache["loaded registers"]  # what each meeting read now is read against (reload_parts.Seed)
    parser = make_block_parser()

    def kept(entry, signature) -> bool:
        """Whether a cached meeting stands: its files unchanged and, after a register changed, what it reads of
        its body unchanged (`_as_meetings_read`) and the people register answering what the meeting asked of it
        as before (people.Asked)."""
        if entry is None or entry[0] != signature:
            return False
        if not recheck:
            return True
        claimed = entry[1].body if isinstance(entry[1], Meeting) else entry[1]
        return claimed is not None and claimed not in changed_bodies and (
            index is None or answers_hold(entry[4], index)) and names_hold(entry[5], claimed)

    names: dict = {}

    def names_hold(asked: tuple, claimed: str) -> bool:
        """Whether the bodies' names answer the names the meeting's action lines asked about as before: "ACTION:
        JHSC" names another body once its short name is JHSC, or none once it is not (inline_actions.BodiesAsked)."""
        if not asked:
            return True
        if claimed not in names:
            names[claimed] = names_of_bodies(bodies[claimed], bodies, slugs) if claimed in bodies else {}
        return all(names[claimed].get(name, "") == answer for name, answer in asked)

    meetings, seen = [], {}
    folder = meetings_folder(content)
    signatures, strays = _meeting_folders(folder, digests, stop, walked) if folder.is_dir() else ({}, [])
    # A meeting without its meeting.md is not loaded: like one that failed to load, checks of what may be in it wait
    incomplete = {"*"} if _report_outside_meetings(strays, report) else set()
    cache[FILE_DIGESTS] = digests.seen
    paths = list(signatures)
    for gone in set(cache) - {p.parent for p in paths} - {"registers", "loaded registers", FILE_DIGESTS}:
        del cache[gone]
    stale = [path for path in paths if not kept(cache.get(path.parent), signatures[path])]
    fresh = set(paths) - set(stale)
    known = digests.seen  # the digest of every file in the meeting folders: papers' files are not read again
    loaded = _load_in_parallel(stale, report, index, slugs, bodies, jobs, known) \
        if jobs > 1 and len(stale) >= PARALLEL_FROM else {}
    for path in paths:
        check(stop)
        meeting_dir = path.parent
        signature = signatures[path]
        cached = cache.get(meeting_dir)
        if path in fresh:
            meeting, messages = cached[1], cached[2]
            report.items.extend(messages)
            if recheck and cached[6] is not None:  # read against the registers before: the first save reads it
                cache[meeting_dir] = cached[:6] + (None,)
        elif path in loaded:
            meeting, messages, digests, answers, asked, files = loaded[path]
            report.items.extend(messages)
            cache[meeting_dir] = (signature, meeting, messages, digests, answers, asked, _seed(registers_read,
                                                                                              slugs, files))
        else:
            before = len(report.items)
            meeting, answers, asked, files = _load_asked(path, report, index, slugs, bodies, parser, known)
            messages = report.items[before:]
            cache[meeting_dir] = (signature, meeting, messages, _digests(meeting), answers, asked,
                                  _seed(registers_read, slugs, files))
        if not isinstance(meeting, Meeting):
            incomplete.add(meeting or "*")  # the body whose meeting could not be loaded
            continue
        if any(m.severity == "error" for m in messages):  # loaded in part: its minutes, say, or an item of them
            incomplete.add(meeting.body)
            minutes = report._rel(meeting_dir / "minutes.md")
            if any(m.severity == "error" and m.path == minutes for m in messages):
                incomplete.add(meeting.key)  # the items its papers and attendance name may be in what did not load
        if meeting.key in seen:
            report.error(path, 1, f"a second meeting '{meeting.key}' (the first is {seen[meeting.key]})",
                         "give the folder a distinct name, e.g. " + meeting_dir.name + "-special")
            continue
        seen[meeting.key] = report._rel(path)
        meetings.append(meeting)
    if site is None:
        return None
    meetings.sort(key=archive_order)
    return Archive(site, bodies, people, tuple(meetings), has_register=index is not None,
                   incomplete=frozenset(incomplete))


# The records whose digests the cache keeps (fingerprint.handed_down): those holding clerks' text or many records.
DIGESTED = (Meeting, Minutes, MinuteItem, AgendaItem, Paper, Attendance, ActionLog, ActionUpdate)


def _seed(registers, slugs: frozenset, files: dict) -> Seed | None:
    """What the preview's first save to the folder reuses of this read of it (reload_parts.py)."""
    return Seed(registers, slugs, files) if files else None


def _digests(meeting) -> Known:
    """The digests a later build in a new process takes from the cache instead of working them out
    (fingerprint.handed_down)."""
    return handed_down(meeting, DIGESTED) if isinstance(meeting, Meeting) else Known()


def cached_digests(cache: dict):
    """The Known digests of each meeting folder's records the cache holds (see fingerprint.Digests.seed)."""
    for key, entry in cache.items():
        if isinstance(key, Path):
            yield entry[3]


def _body_slugs(content: Path, bodies: dict) -> frozenset:
    """Every body a meeting may name: those loaded, and those whose file failed to load (not unknown, then)."""
    return frozenset(bodies) | frozenset(p.stem for p in (content / "bodies").glob("*.md") if not hidden(p))


def reload_meeting(content: Path, folder: Path, cache: dict, report: Report, parts: Parts | None = None
                   ) -> Meeting | str | None:
    """One meeting folder read again, checked against the registers a previous `load_archive` kept in `cache`
    (the live preview's fast path, quick.py); None when it kept none. The cache itself is not changed. A paper's
    file is digested again only if its stat changed since that build noted its digest (filedigest.StatChecked);
    `parts`: what the last read of the folder made of each of its files, reused for those unchanged
    (reload_parts.py), and told what this read made."""
    if "loaded registers" not in cache:
        return None
    registers = cache["loaded registers"]
    _, _, people_index, bodies, _, _ = registers
    slugs = _body_slugs(Path(content), bodies)
    if parts is not None:
        entry = cache.get(folder)
        parts.begin(folder, registers, slugs, entry[6] if entry is not None else None)
    parser = parts.parser() if parts is not None else make_block_parser()
    meeting = _load_meeting(folder / "meeting.md", report, people_index, slugs, bodies, parser,
                            StatChecked(cache.get(FILE_DIGESTS)), parts=parts)
    if parts is not None:
        parts.end()
    return meeting


def _load_in_parallel(paths: list[Path], report: Report, index, slugs, bodies, jobs: int, known: dict) -> dict:
    """path -> (meeting, messages, digests) for each meeting folder, parsed on `jobs` forked processes.

    An empty answer (a process failed) makes the caller load serially, where
    the failure, if it is real, shows itself in the usual way.
    """

    def work(shard: int) -> list:
        parser, local = make_block_parser(), Report(root=report.root)
        out = []
        for path in paths[shard::jobs]:
            before = len(local.items)
            meeting, answers, asked, files = _load_asked(path, local, index, slugs, bodies, parser, known)
            out.append((path, meeting, local.items[before:], _digests(meeting), answers, asked, files))
        return out

    try:
        shards = fork_map(work, jobs)
    except WorkerFailed:
        return {}
    return {path: rest for shard in shards for path, *rest in shard}


def _load_asked(path: Path, report: Report, index, slugs, bodies, parser, known: dict | None = None) -> tuple:
    """(what `_load_meeting` gives, the questions it asked of the people register with their answers, the names
    of bodies its action lines asked about with their answers (inline_actions.BodiesAsked), what each of its files
    was read as (reload_parts.Recorded))."""
    asked, named, recorded = Asked(index) if index is not None else None, {}, Recorded(known)
    meeting = _load_meeting(path, report, asked, slugs, bodies, parser, known, named, recorded)
    return meeting, asked.record() if asked is not None else ("", b""), tuple(sorted(named.items())), recorded.files


def _markdown_in(folder: Path, names: list[str]) -> list[Path]:
    """The Markdown files among `names` (attachments.files_in), `.MD` as Windows may save them included (as
    `_outside_meetings` counts them): a paper so named was left out of the site without a word."""
    return [folder / name for name in names if name.lower().endswith(".md")]


def _load_meeting(path: Path, report: Report, index, slugs, bodies, parser, known: dict | None = None,
                  named: dict | None = None, parts: Parts | Recorded | None = None) -> Meeting | str | None:
    """One meeting folder: meeting.md, minutes.md, papers/, actions.md. `known`: FileDigests.seen, the digests
    of the files read already; `named`: where to note the names of bodies its action lines asked about; `parts`:
    the live preview's last read of the folder, file by file (reload_parts.py; not with `named`, which a file
    reused would not fill).

    When the meeting cannot be loaded, returns the body it claims (or None), so
    that later checks do not pile up follow-on errors about its missing items.
    """
    reported = len(report.items)
    if parts is None:
        parts = Recorded(None)  # notes nothing: every file read afresh
    fields, doc = parts.read("meeting.md", (), path, report,
                             lambda: load_meeting_file(path, report, index, slugs, bodies))
    as_read = parts.digest_of("meeting.md")  # what the files below are read against
    if fields is None:
        claimed = doc.meta.get("body") if isinstance(doc.meta, dict) else None
        return str(claimed).strip() if claimed else None
    slug = fields["body"].strip()
    body = bodies.get(slug)
    if body is None:
        if slug not in slugs:
            known = f", or use one of the bodies there are: {', '.join(sorted(slugs))}" if 0 < len(slugs) <= 12 else ""
            file = report.in_archive("bodies", f"{slug}.md")
            report.error(path, doc.meta.line_of("body"), f"meeting of an unknown body '{slug}'",
                         did_you_mean(slug, slugs, "bodies", list_known=False) or f"add {file}{known}")
        return slug
    meeting_dir = path.parent
    key = f"{slug}/{meeting_dir.name}"
    if not ID_RE.match(meeting_dir.name):  # `minutebook new meeting --folder` refuses such a name as well
        named = slugify(meeting_dir.name)
        report.error(path, 1, f"the folder's name '{meeting_dir.name}' is part of the meeting's address, which takes "
                     "lower-case letters, digits and hyphens", f"rename the folder {named}" if named else
                     "rename the folder for the meeting's date, e.g. 2019-06-20")
    filed = meeting_dir.parent.name
    if filed != slug and filed in slugs:  # any layout works, but a folder among another body's meetings was copied
        report.warning(path, doc.meta.line_of("body"), f"the meeting's folder is inside {filed}/, but its body is "
                       f"{slug}: it is published among {slug}'s meetings, as {key}", f"correct `body:` (a folder "
                       f"copied from one of {filed}'s meetings keeps its body), or move the folder into "
                       f"{report.in_archive('meetings', slug)}/")
    minutes = None
    if (meeting_dir / "minutes.md").is_file():
        whole = not report.errors_since(reported)
        minutes = parts.read("minutes.md", None if as_read is None else (as_read, whole), meeting_dir / "minutes.md",
                             report, lambda: load_minutes(
                                 meeting_dir / "minutes.md", report, body, meeting_dir.name, key, parser, index, slugs,
                                 fields["agenda"], fields["attendance"], fields["chair"],
                                 # an attendance entry or the chair in error is left out: checking votes against
                                 # what is left would say members were not there
                                 whole=whole, date=fields["date"],
                                 named=BodiesAsked(names_of_bodies(body, bodies, slugs),
                                                   {} if named is None else named),
                                 held=fields["held"], private=fields["session"] == "private"))
    papers = []
    if (meeting_dir / "papers").is_dir():
        names = attachments.files_in(meeting_dir / "papers")
        written = _markdown_in(meeting_dir / "papers", names)
        depends = None if as_read is None else (as_read, folder_kind(meeting_dir / "papers"))
        for paper_path in written:
            beside = Beside(meeting_dir / "papers")  # the files of papers/ the paper names, as it looks them up
            paper = parts.read(f"papers/{paper_path.name}", depends, paper_path, report, functools.partial(
                load_paper, paper_path, report, index, slugs, known, fields["held"], fields["session"] == "private",
                beside), beside)
            if paper is not None:
                papers.append(paper)
        if len(papers) == len(written):  # else the paper that failed may be the one naming a file
            for stray in attachments.unnamed(meeting_dir / "papers", names, papers):
                report.warning(stray, 1, f"'{stray.name}' is not published: no paper names it as its `file:` or an "
                               "appendix's", f"name it in the paper it belongs to (`file: {stray.name}`, or under "
                               "`appendices:`), or keep it outside the content folder")
    log = None
    if (meeting_dir / "actions.md").is_file():
        status = minutes.status if minutes is not None else ""
        log = parts.read("actions.md", None if as_read is None else (as_read, status), meeting_dir / "actions.md",
                         report, lambda: load_action_log(meeting_dir / "actions.md", report, fields["date"], index,
                                                         slugs, status))
    names = attachments.files_in(meeting_dir)
    for stray in _markdown_in(meeting_dir, names):
        if stray.name.lower() in MEANT and stray.name not in KNOWN_FILES:  # an error: the meeting loads in part
            meant = meeting_dir / stray.name.lower()
            if meant.is_file() and os.path.samefile(meant, stray):  # a file system that ignores case read it
                continue
            report.error(stray, 1, f"'{stray.name}' is not read as {MEANT[stray.name.lower()]} published",
                         f"rename it {stray.name.lower()}, in lower case")
        elif stray.name not in KNOWN_FILES:
            report.warning(stray, 1, f"'{stray.name}' is not a meeting file and is ignored",
                           "name it meeting.md, minutes.md or actions.md, or move papers into papers/")
    for stray in attachments.stray_files(meeting_dir, names):
        report.warning(stray, 1, f"'{stray.name}' is not published: only the files in papers/ that a paper names are",
                       f"move it into papers/ and name it in its paper (`file: {stray.name}`), or keep it outside the "
                       "content folder")
    fields = {**fields, "agenda": numbered_agenda(fields["agenda"], body.numbering)}  # the fields read stay as read
    log = numbered_log(log, slug, bodies)
    papers = numbered_papers(papers, body.numbering)
    return build_meeting(fields, doc, meeting_dir.name, body.venue, f"{body.short_name} meeting", minutes, papers,
                         log, report)
