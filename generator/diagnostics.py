"""Clerk-facing problems, collected rather than raised.

A clerk fixing an archive wants every mistake in one run, each with the file and
line to open and a hint about what to do, so loaders report here and carry on.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"
# Characters a terminal or an editor acts on: line breaks, escapes (ANSI colours, cursor moves), C1 controls;
# and those it shows as nothing, which text pasted from a PDF or a web page brings: a zero-width space in
# `CCBP/18/\u200b61` made a heading "not start with a minute number" that looked as if it did. The joiners
# some scripts write names with (U+200C, U+200D) are shown as they are.
_SHOWN_AS_NOTHING = "\xad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{_SHOWN_AS_NOTHING}]")
_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_SHOWN_AS_NOTHING}]")


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    severity: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """One line, as editors and CI read messages: a line break in a value it quotes is shown as \\n. So is any
        other character a terminal acts on rather than shows (\\r, \\x1b): a value quoted with `\\e[2K\\r` in it
        wiped the message off the clerk's screen and wrote what the value said in its place."""
        text = f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], f"{text}; {self.hint}" if self.hint else text)

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity,
                "message": self.message, "hint": self.hint}


def content_option(content) -> str:
    """` --content DIR` for a command a message tells the clerk to run, where their archive is not the default
    `content` folder of the current one: told `minutebook new body --slug hwb ...` after `--content /srv/archive`,
    they ran it on another folder, or on none. Named from the current folder as Report.from_here names its files:
    from there where one of the folder holding it and the current folder is inside the other, else whole."""
    if os.path.abspath(content) == os.path.join(os.getcwd(), "content"):
        return ""
    return " --content " + shlex.quote(named_from_here(content))


def named_from_here(path) -> str:
    """A file or folder as the clerk names it from the current folder: from there where one of the folder holding
    it and the current folder is inside the other, else whole (content_option, Report.from_here). For a file no
    Report names, as one that does not exist yet (`new site`'s .gitignore)."""
    full, here = os.path.abspath(path), os.getcwd()
    project = os.path.dirname(full)
    near = here == project or here.startswith(project + os.sep) or project.startswith(here.rstrip(os.sep) + os.sep)
    return Path(os.path.relpath(full, here)).as_posix() if near else full


@dataclass
class Report:
    """Everything found wrong in one run, in file order when printed."""

    root: Path | None = None
    items: list[Diagnostic] = field(default_factory=list)
    _relative: dict = field(default_factory=dict, repr=False, compare=False)
    # The checks a build did not run, as it stopped at errors before them (build.prepare): no stage runs on data
    # that failed the one before it, and a clerk who fixed the errors was surprised by warnings seen only then.
    not_run: str = ""

    def _rel(self, path: Path | str) -> str:
        """The path as messages show it; memoised, as every record loaded asks it of its file. A file's path
        is a Path (or an absolute text); a relative text is a path as messages show it already, a record's
        Source, and is kept: made relative again it would be taken from the current folder, which is not the
        content folder's parent when the clerk works inside content/ (`--content .`)."""
        if type(path) is str and not os.path.isabs(path):
            return path
        key = str(path)
        found = self._relative.get(key)
        if found is None:
            found = self._relative[key] = self._relative_path(Path(path))
        return found

    def from_here(self, shown: str, here: str | None = None) -> str:
        """A path as messages show it (from the content folder's parent), from the current folder (`here`)
        instead when that is below that parent (a clerk working inside content/) or above it: a terminal or an
        editor opens a path from the current folder. From a folder beside the project (`--content
        ../other/content`), the whole path, which opens from anywhere. What is no file of the project, as it
        is."""
        if self.root is None or os.path.isabs(shown):
            return shown
        project = os.path.dirname(os.path.abspath(self.root))
        here = here or os.getcwd()
        full = os.path.join(project, shown)
        if not (os.path.exists(full) or full.startswith(os.path.abspath(self.root) + os.sep)):
            return shown
        if not (here.startswith(project + os.sep) or project.startswith(here.rstrip(os.sep) + os.sep)):
            return full if here.rstrip(os.sep) != project else shown
        return Path(os.path.relpath(full, here)).as_posix()

    def format_here(self, d: Diagnostic, here: str | None = None) -> str:
        """d.format(), with its file and the content files its message and hint name (`content/...:121`) each
        shown from the current folder (from_here): one message names them all one way."""
        here = here or os.getcwd()
        if self.root is None:
            return d.format()
        return Diagnostic(self.from_here(d.path, here), d.line, d.severity, self.named_here(d.message, here),
                          self.named_here(d.hint, here)).format()

    def named_here(self, text: str, here: str | None = None) -> str:
        """`text` with each content file it names as messages do (`content/bodies/hwb.md`) shown from the current
        folder (from_here): a command's summary, which is no Diagnostic, names its files as its messages do."""
        if self.root is None:
            return text
        here = here or os.getcwd()
        named = re.compile(rf"(?<![\w./-]){re.escape(os.path.basename(os.path.abspath(self.root)))}/[^\s:;,()`'\"]+")

        def shown(written: str) -> str:  # a folder's slash kept (`content/people/`), which relpath drops
            path = self.from_here(written, here)
            return path + "/" if written.endswith("/") and not path.endswith("/") else path

        return named.sub(lambda m: shown(m.group(0)), text)

    def in_archive(self, *parts: str) -> str:
        """A file or folder of the archive as messages name it, from the content folder's parent
        (`content/people.yaml`), which format_here shows from the folder the command runs in: a hint saying
        `people.yaml` sent a clerk outside the content folder to a file of that name beside them. From the content
        folder where the report has no root."""
        return "/".join(parts) if self.root is None else self._rel(Path(self.root, *parts))

    def _relative_path(self, path: Path) -> str:
        if self.root is not None:
            # Paths the loader made are the root joined with more: no need to ask the disk (resolve() reads
            # every link on the way, which the live preview's rebuilds paid for every file with a warning).
            base = os.path.dirname(os.path.abspath(self.root))
            plain = os.path.abspath(path)
            if plain.startswith(base + os.sep) and ".." not in Path(plain).parts:
                return Path(plain[len(base) + 1:]).as_posix()
            try:
                return path.resolve().relative_to(self.root.resolve().parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def error(self, path, line: int, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(self._rel(path), max(int(line), 1), ERROR, message, hint))

    def warning(self, path, line: int, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(self._rel(path), max(int(line), 1), WARNING, message, hint))

    def retell(self, told: Diagnostic, hint: str) -> None:
        """`told`, reported already, with `hint` in place of its own: what to do about a mistake in one file may
        depend on others, which the loader that reported it where the file is read does not know (validate.py)."""
        self.items[:] = [Diagnostic(d.path, d.line, d.severity, d.message, hint) if d == told else d
                         for d in self.items]

    def not_run_note(self) -> str:
        """One line to say after the messages that stopped a build: which checks were not run, and when they
        are; '' when every check ran."""
        if not self.not_run:
            return ""
        stopping = "errors above are" if any(d.severity == ERROR for d in self.items) else \
            "warnings above (errors under --strict) are"
        return f"further checks ({self.not_run}) were not run: they run once the {stopping} fixed, " \
            "and may report more"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity == WARNING]

    def errors_since(self, count: int) -> bool:
        """Whether an error was reported after the first `count` messages: what a loader asks of the record it just
        read, without sorting every message."""
        return any(d.severity == ERROR for d in self.items[count:])

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity == ERROR or strict for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def to_json(self) -> str:
        return json.dumps([d.as_dict() for d in self.sorted()], indent=2)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def listed(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': for messages that name several things."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def shortened(text: str, limit: int = 40) -> str:
    """A long value quoted in a message by its start: a title pasted as a ref would fill the terminal."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def closest(word: str, candidates) -> str | None:
    """The known spelling `word` most likely means, if any is close."""
    close = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, candidates, what: str = "", list_known: bool = True, meant=closest) -> str:
    """A hint naming the closest known spelling (`meant(word, candidates)`: closeness as a kind of value has it),
    or the known values when few (and the message has not listed them already: `list_known`)."""
    candidates = sorted(set(candidates))
    close = meant(word, candidates)
    if close:
        return f"did you mean '{close}'?"
    if list_known and candidates and len(candidates) <= 12:
        known = ", ".join(candidates)
        return f"known {what or 'values'}: {known}"
    return ""
