"""Files published as they are beside a paper's page: the paper as printed in the pack, an appendix.

Clerks often hold a paper or an appendix only as the PDF, spreadsheet or scan
that went out with the agenda pack. A paper's `file:` and an appendix's
`file:` name such a file in the paper's folder (papers/); the build copies it
to the paper's address under a name made of its letters and digits, so its
address is as stable and readable as the page's. Only files of the kinds below
are published: an HTML or SVG file would run in the site's own origin, and
Pagefind would index an HTML one as a page. A confidential paper's files go
where the paper goes, nowhere public (publish.py drops the paper).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from generator import schema as s
from generator.diagnostics import Report, did_you_mean
from generator.filedigest import digest_file
from generator.model import Attachment, Paper
from generator.schema import Context
from generator import urls
from generator.values import Invalid, slugify
from generator.yamltext import LStr, line_of

_WORD = "application/vnd.openxmlformats-officedocument."
KINDS = {  # extension -> (what the reader is told, media type)
    "pdf": ("PDF", "application/pdf"),
    "doc": ("Word document", "application/msword"),
    "docx": ("Word document", _WORD + "wordprocessingml.document"),
    "odt": ("OpenDocument text", "application/vnd.oasis.opendocument.text"),
    "rtf": ("Rich Text Format document", "application/rtf"),
    "txt": ("plain text", "text/plain"),
    "xls": ("Excel spreadsheet", "application/vnd.ms-excel"),
    "xlsx": ("Excel spreadsheet", _WORD + "spreadsheetml.sheet"),
    "ods": ("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
    "csv": ("CSV", "text/csv"),
    "ppt": ("PowerPoint presentation", "application/vnd.ms-powerpoint"),
    "pptx": ("PowerPoint presentation", _WORD + "presentationml.presentation"),
    "odp": ("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation"),
    "png": ("PNG image", "image/png"),
    "jpg": ("JPEG image", "image/jpeg"),
    "jpeg": ("JPEG image", "image/jpeg"),
}
KINDS_HINT = "publish PDF, Word, Excel, PowerPoint, OpenDocument, RTF, CSV, text, PNG or JPEG files"
# What systems leave in folders by themselves: never a clerk's file to publish.
_LITTER = {"thumbs.db", "desktop.ini"}


def read(value, ctx: Context) -> Attachment | None:
    """The `file:` coercion of a paper and of an appendix: a file beside the paper, of a kind published here.
    Left empty (`file: ""`), no file, as `file:` with nothing after it."""
    name = s.text(value, ctx).strip()
    if not name:
        return None
    folder = Path(ctx.path).parent
    published = published_name(name, folder.name)
    path = folder / name
    if ctx.beside is not None:
        ctx.beside.look(name)
    if not path.is_file():
        if ctx.beside is not None:
            ctx.beside.missed()  # the hint lists the files there are
        raise Invalid(f"there is no file '{name}' in {folder.name}/", _which_file(name, folder))
    if path.is_symlink() or folder.is_symlink():
        # The link's target is what would be published: a file anywhere the build can read (/etc/passwd, the
        # build's environment in /proc), or the file of a private meeting or a confidential paper.
        raise Invalid(f"'{name}' is a link to a file elsewhere, which is not published",
                      f"put the file itself in {folder.name}/, rather than a link to it")
    noted = ctx.files.get(str(path)) if ctx.files is not None else None
    digest = noted[1] if noted is not None else digest_file(path)  # read once: a pack's PDFs run to gigabytes
    if not digest:
        raise Invalid(f"'{name}' could not be read", "check the file's permissions")
    kind, media_type = KINDS[published.rpartition(".")[2]]
    return Attachment(LStr(name, line_of(value)), published, kind, media_type, path.stat().st_size, digest,
                      os.path.abspath(path))


def published_name(name: str, folder: str = "papers") -> str:
    """The name the file `name` in a paper's `folder` is published under; Invalid, saying why, when no file so
    named is (`minutebook new paper --file` asks this too)."""
    if "/" in name or "\\" in name:
        base = name.replace("\\", "/").rstrip("/").rpartition("/")[2]
        raise Invalid(f"'{name}' is a path; a paper's files are beside it, in {folder}/",
                      f"move the file into {folder}/ and give its name alone: file: {base}")
    stem, dot, extension = name.rpartition(".")
    extension = extension.lower()
    if extension == "md":
        raise Invalid(f"'{name}' is Markdown: a Markdown file in {folder}/ is a paper of its own, with a page",
                      f"name the file the paper was published as (a PDF, say), or give {name} its own `ref:` and "
                      "`title:`")
    if not dot or not stem:
        raise Invalid(f"'{name}' has no extension, which says what kind of file it is",
                      f"write the file's whole name, as it is in {folder}/, e.g. {name.strip('.') or 'paper'}.pdf")
    if extension not in KINDS:
        raise Invalid(f"'{name}' is not a kind of file published here", KINDS_HINT)
    published = slugify(stem)
    if not published:
        raise Invalid(f"'{name}' has no letter or digit in its name, which makes its address",
                      f"rename it, e.g. paper.{extension}")
    return f"{published}.{extension}"


def _which_file(name: str, folder: Path) -> str:
    present = [n for n in files_in(folder) if not n.lower().endswith(".md")]
    same = [n for n in present if n.lower() == name.lower()]
    if same:
        return f"the file is named '{same[0]}': names are case-sensitive"
    return did_you_mean(name, present, "files") or f"put the file in {folder.name}/, beside the paper"


def files_in(folder: Path) -> list[str]:
    """The names of the files in `folder`, by os.scandir, which knows a file from a folder without a stat: the
    loader asks this of every meeting folder it reads."""
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if _is_file(e))
    except OSError:
        return []


def _is_file(entry: os.DirEntry) -> bool:
    """A link that leads round in a loop is no file, as a broken one is: asked whole, is_file() raised for it, and the
    folder's papers were all left out as if it had none."""
    try:
        return entry.is_file()
    except OSError:
        return False


def check_names(paper: Paper, meta, path, report: Report) -> None:
    """Two different files of one paper published under one name would overwrite each other."""
    taken: dict[str, str] = {}
    raw = meta.get("appendices") if isinstance(meta.get("appendices"), list) else []
    lines = {str(a.get("file", "")).strip(): line_of(a.get("file"), line_of(a)) for a in raw if isinstance(a, dict)}
    if paper.file is not None:
        lines.setdefault(paper.file.name, meta.line_of("file"))
    for attachment in paper.attachments:
        first = taken.setdefault(attachment.published, attachment.name)
        if first != attachment.name:
            report.error(path, lines.get(attachment.name, 1), f"'{attachment.name}' and '{first}' would be "
                         f"published under one name, {attachment.published}", "rename one of the two files")


def unnamed(folder: Path, names: list[str], papers: list[Paper]) -> list[Path]:
    """The files in a meeting's papers/ folder (`names`) that no paper names, so the site leaves them out. Not a
    link: it is never published (`read`), and to be told to name it in its paper is to be sent to that error."""
    named = {a.name for paper in papers for a in paper.attachments}
    return [p for p in stray_files(folder, names) if p.name not in named and not p.is_symlink()]


def stray_files(folder: Path, names: list[str]) -> list[Path]:
    """The files among `names` (files_in) that are not Markdown, nor litter (`litter`)."""
    return [folder / n for n in names if not n.lower().endswith(".md") and not litter(n)]


def litter(name: str) -> bool:
    """Whether a file is one the system or an editor leaves, never content: hidden (Vim's swap file
    `.minutes.md.swp`, Emacs's lock `.#minutes.md`), left by the system (Thumbs.db, `~$` locks) or an editor
    (`editors`)."""
    return name.startswith((".", "~$")) or name.lower() in _LITTER or editors(name)


# GNU sed -i writes the edited text to `sed` and six letters or digits beside the file, then renames it over
_SED = re.compile(r"sed[A-Za-z0-9]{6}")


def editors(name: str) -> bool:
    """Whether a file is one an editor keeps beside the file it edits: never a clerk's to publish, nor to be told
    about on every save. A backup, `minutes.md~` (Emacs leaves one at the first save of every file, Vim with
    `backup` set); an autosave, `#minutes.md#` (Emacs, while there are unsaved changes); the copies JetBrains
    editors write while they save, `minutes.md___jb_tmp___` and `___jb_old___`; a temporary file, `*.tmp`, or
    sed -i's `sedZYMfl7`; and the file Vim writes to see whether it may write in the folder, `4913` (then 5036,
    5159, ... while that one is there)."""
    return name.endswith(("~", "___jb_tmp___", "___jb_old___")) or name.lower().endswith(".tmp") or (
        len(name) > 2 and name.startswith("#") and name.endswith("#")) or bool(_SED.fullmatch(name)) or (
        name.isascii() and name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0)


def published(index) -> Iterator[tuple[str, Attachment]]:
    """(path relative to the output folder, attachment) of every file published beside a public paper."""
    for meeting in index.archive.meetings:
        for paper in meeting.papers:
            done = set()
            for attachment in paper.attachments:
                if attachment.published not in done:
                    done.add(attachment.published)
                    yield urls.attachment(meeting, paper, attachment).lstrip("/"), attachment
