"""Stage 1, load: a content folder becomes an Archive, with every problem reported.

Registers come first (site, people, bodies) because meetings are checked against
them; then each meeting folder with its minutes, papers and action log.
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Report, did_you_mean
from generator.load_meeting import build_meeting, load_action_log, load_meeting_file, load_paper
from generator.load_minutes import load_minutes
from generator.load_registers import load_bodies, load_people, load_site, register_files
from generator.markdown import make_parser
from generator.model import Archive
from generator.people import PeopleIndex

KNOWN_FILES = {"meeting.md", "minutes.md", "actions.md"}


def load_archive(content: Path, report: Report) -> Archive | None:
    content = Path(content)
    if not content.is_dir():
        report.error(content, 1, "the content folder does not exist", "pass --content with your archive's folder")
        return None
    site = load_site(content, report)
    people = load_people(content, report)
    index = PeopleIndex(people) if register_files(content) else None
    bodies = load_bodies(content, report, index)
    slugs = frozenset(bodies) | frozenset(p.stem for p in (content / "bodies").glob("*.md"))
    parser = make_parser()
    meetings, seen = [], {}
    folder = content / "meetings"
    for path in sorted(folder.rglob("meeting.md")) if folder.is_dir() else []:
        fields, doc = load_meeting_file(path, report, index, slugs)
        if fields is None:
            continue
        slug = fields["body"].strip()
        body = bodies.get(slug)
        if body is None:
            if slug not in slugs:
                report.error(path, doc.meta.line_of("body"), f"meeting of an unknown body '{slug}'",
                             did_you_mean(slug, slugs, "bodies") or "add content/bodies/" + slug + ".md")
            continue
        meeting_dir = path.parent
        key = f"{slug}/{meeting_dir.name}"
        if key in seen:
            report.error(path, 1, f"a second meeting '{key}' (the first is {seen[key]})",
                         "give the folder a distinct name, e.g. " + meeting_dir.name + "-special")
            continue
        seen[key] = report._rel(path)
        minutes = None
        if (meeting_dir / "minutes.md").is_file():
            minutes = load_minutes(meeting_dir / "minutes.md", report, body, meeting_dir.name, key, parser,
                                   index, slugs)
        papers = []
        if (meeting_dir / "papers").is_dir():
            for paper_path in sorted((meeting_dir / "papers").glob("*.md")):
                paper = load_paper(paper_path, report, index, slugs)
                if paper is not None:
                    papers.append(paper)
        log = None
        if (meeting_dir / "actions.md").is_file():
            log = load_action_log(meeting_dir / "actions.md", report, fields["date"], index, slugs)
        for stray in sorted(meeting_dir.glob("*.md")):
            if stray.name not in KNOWN_FILES:
                report.warning(stray, 1, f"'{stray.name}' is not a meeting file and is ignored",
                               "name it meeting.md, minutes.md or actions.md, or move papers into papers/")
        meetings.append(build_meeting(fields, doc, meeting_dir.name, body.venue, f"{body.short_name} meeting",
                                      minutes, papers, log, report))
    if site is None:
        return None
    meetings.sort(key=lambda m: (m.date, m.body, m.folder))
    return Archive(site, bodies, people, tuple(meetings), has_register=index is not None)
