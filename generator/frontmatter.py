"""Splitting a Markdown file into its YAML frontmatter and its body, with lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator.filedigest import NotAFile, read_file
from generator import yamltext


@dataclass(frozen=True)
class Document:
    path: Path
    meta: object  # located YAML values (LDict), or None
    body: str
    body_line: int  # file line on which `body` starts
    ok: bool = True


def read_text(path: Path, report: Report) -> str | None:
    """The file's text, or None (reported) when it is not UTF-8: Word and old editors save Windows-1252."""
    try:
        data = read_file(path)
    except NotAFile as exc:
        report.error(path, 1, f"this is {exc.strerror}", "remove it, or put the text file it stands for in its place")
        return None
    except OSError as exc:
        report.error(path, 1, f"the file cannot be read ({exc.strerror})", "check that it exists and is readable")
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (data and data.count(0) * 3 >= len(data)):
        # Word's and Notepad's "Unicode": its byte-order mark is no UTF-8, and without one a text in English
        # reads as UTF-8 with a NUL after every letter, refused only at its first accented letter, if any
        report.error(path, 1, "the file is UTF-16 text (what Word and Notepad call Unicode), not UTF-8",
                     "save it with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        report.error(path, line, f"the file is not UTF-8 text ({exc.reason})",
                     "save it with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)")
        return None


# Control characters a browser will not show (HTML allows tab, line feed, form feed and carriage return among
# them), pasted in with text from a PDF, a terminal or a mis-converted file (U+0092 for a Windows apostrophe).
# In the YAML they are an error (yamltext.py); in the Markdown they went into the pages and the search index.
# And the bullets a PDF's lists come out with (•), which Markdown does not read as a list: the items ran together
# into one paragraph. One pass over the text finds both.
_PASTED = re.compile("(?P<control>[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f])"
                     "|^[ \t]*(?P<bullet>[\u2022\u25aa\u25cf\u25e6])[ \t]", re.MULTILINE)


def _pasted(body: str, first_line: int, path: Path, report: Report) -> None:
    """Each line with a control character, an error, once; each list of lines starting with a PDF's bullet, a
    warning, at its first."""
    said, listed = set(), -2
    for found in _PASTED.finditer(body):
        line = first_line + body.count("\n", 0, found.start())
        if found["bullet"]:
            if line != listed + 1:
                report.warning(path, line, f"this line starts with '{found['bullet']}', as a list copied from a "
                               "PDF does, which Markdown does not read as a list: the lines run together into one "
                               "paragraph", f"write '- ' in place of each '{found['bullet']}'")
            listed = line
        elif line not in said:
            said.add(line)
            report.error(path, line, f"this line has a control character (U+{ord(found['control']):04X}) in it, "
                         "which a browser cannot show",
                         "delete it: retype the text around it, as most editors do not show the character")


# A row of a table copied from Word or a PDF: its cells separated by tabs, which Markdown shows as spaces, the rows
# run together into one paragraph (a front sheet's "Meeting<tab>Joint Health Scrutiny Committee"). Not an indented
# line (code), nor a Markdown table's row
_TABBED = re.compile(r"[^\s|][^\t\n|]*\t[\t ]*[^\s|][^\n|]*")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")


def _tabbed(body: str, first_line: int, path: Path, report: Report) -> None:
    """A warning at the first of two or more lines running together whose words are separated by tabs, outside a
    fenced block: a table copied from Word, published as one paragraph. Looked for only where the text has a tab."""
    fence, run = "", []
    for n, line in enumerate(body.split("\n") + [""]):
        opened = _FENCE.match(line)
        if opened and (not fence or opened[1].startswith(fence)):
            fence = "" if fence else opened[1][0] * 3
        if not fence and not opened and _TABBED.fullmatch(line):
            run.append(line)
            continue
        if len(run) > 1:
            cells = " | ".join(cell.strip() for cell in run[0].split("\t") if cell.strip())
            report.warning(path, first_line + n - len(run), f"these {len(run)} lines have their words in columns "
                           "separated by tabs, as a table copied from Word or a PDF does, which Markdown runs "
                           "together into one paragraph", f"write it as a Markdown table, a row a line (`| {cells} "
                           "|`), with a line `| --- | --- |` under its first row, or as a list")
        run = []


def read(path: Path, report: Report, require_frontmatter: bool = True) -> Document:
    text = read_text(path, report)
    if text is None:
        return Document(path, None, "", 1, ok=False)
    # Line ends of Windows (CR LF), and of old Mac editors and some exports (CR alone), as YAML and Markdown read them
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # Blank lines above the opening '---' (an editor's, or a paste's) are no reason to refuse the file
    start = next((n for n, line in enumerate(lines) if line.strip()), 0)
    if lines[start].strip() != "---":
        if require_frontmatter:
            report.error(path, 1, "the file does not start with frontmatter",
                         "start it with a line '---', the YAML fields, and another line '---'")
            return Document(path, None, text, 1, ok=False)
        _pasted(text, 1, path, report)
        if "\t" in text:
            _tabbed(text, 1, path, report)
        return Document(path, None, text, 1)
    for index in range(start + 1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            meta_text = "\n".join(lines[start + 1:index])
            errors_before = len(report.errors)
            meta = yamltext.parse(meta_text, path, report, first_line=start + 2)
            body = "\n".join(lines[index + 1:])
            _pasted(body, index + 2, path, report)
            if "\t" in body:
                _tabbed(body, index + 2, path, report)
            return Document(path, meta, body, index + 2, ok=len(report.errors) == errors_before)
    report.error(path, start + 1, "the frontmatter is not closed", "add a line '---' after the last YAML field")
    return Document(path, None, "", 1, ok=False)
