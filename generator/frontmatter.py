"""Splitting a Markdown file into its YAML frontmatter and its body, with lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator import yamltext


@dataclass(frozen=True)
class Document:
    path: Path
    meta: object  # located YAML values (LDict), or None
    body: str
    body_line: int  # file line on which `body` starts
    ok: bool = True


def read(path: Path, report: Report, require_frontmatter: bool = True) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        report.error(path, 1, f"the file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        return Document(path, None, "", 1, ok=False)
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if require_frontmatter:
            report.error(path, 1, "the file does not start with frontmatter",
                         "start it with a line '---', the YAML fields, and another line '---'")
            return Document(path, None, text, 1, ok=False)
        return Document(path, None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            meta_text = "\n".join(lines[1:index])
            errors_before = len(report.errors)
            meta = yamltext.parse(meta_text, path, report, first_line=2)
            body = "\n".join(lines[index + 1:])
            return Document(path, meta, body, index + 2, ok=len(report.errors) == errors_before)
    report.error(path, 1, "the frontmatter is not closed", "add a line '---' after the last YAML field")
    return Document(path, None, "", 1, ok=False)
