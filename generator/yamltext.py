"""YAML read as text with line numbers, never as guessed types.

PyYAML's resolvers turn `19:00` into 1140 and `no` into False; a clerk never
means that. We compose the node graph (the C parser when available) and keep
every scalar as a string that remembers its line, so the schema decides types
and every message can point at the line to fix.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re

import yaml

from generator.diagnostics import Report

try:  # the C parser is ~8x faster; the pure one gives identical nodes
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_NULLS = {"", "~", "null", "Null", "NULL"}


class LStr(str):
    """A scalar with the 1-based line it was written on."""

    line: int
    # (line of the text, lines of the file left out before it) of each place the text skips lines of its file:
    # a minute item's discussion is its section without its ```item block, and a message about a line below the
    # block names the file's line, not the text's (file_line). Almost every text skips none, and keeps no tuple.
    skipped: tuple[tuple[int, int], ...] = ()
    # (line of the text, column, lines of the file below `line`) of where each line of the file starts in a folded
    # block (`key: >`): YAML joins its lines with spaces, so a line of the text holds several of the file's, and a
    # message names the file's line by the column too (file_line). Only where a line was joined to another.
    folds: tuple[tuple[int, int, int], ...] = ()

    def __new__(cls, value: str, line: int = 1, skipped: tuple[tuple[int, int], ...] = (),
                folds: tuple[tuple[int, int, int], ...] = ()):
        obj = super().__new__(cls, value)
        obj.line = line
        if skipped:
            obj.skipped = skipped
        if folds:
            obj.folds = folds
        return obj

    def __reduce__(self):
        """Pickled as the text and its line. By default pickle made each (some 120,000 in the build cache at
        2,000 meetings) with the line of 1, then set it again from a dict of its own: a third more time to read
        (docs/performance-history.md)."""
        if self.folds:
            return LStr, (str(self), self.line, self.skipped, self.folds)
        return (LStr, (str(self), self.line, self.skipped)) if self.skipped else (LStr, (str(self), self.line))


def lines_of(text) -> int | tuple:
    """Where the lines of `text` are in its file, for `file_line`: its first line, and the lines it skips with
    it where it skips any (LStr.skipped), or where its folded lines start (LStr.folds). What the reference scan
    keeps of a text to place its messages by."""
    line = getattr(text, "line", 1)
    folds = getattr(text, "folds", ())
    if folds:
        return line, (), folds
    skipped = getattr(text, "skipped", ())
    return (line, skipped) if skipped else line


def file_line(lines, at: int | tuple[int, int]) -> int:
    """The file line of line `at` (0: its first) of a text whose `lines_of` is `lines`; `at` may be (line,
    column), which a folded text needs (LStr.folds): without a column, the file line its text line starts on."""
    line, column = at if isinstance(at, tuple) else (at, 0)
    if isinstance(lines, int):
        return lines + line
    if len(lines) == 3:
        first, _, folds = lines
        return first + folds[max(bisect.bisect_right(folds, (line, column, math.inf)) - 1, 0)][2]
    first, skipped = lines
    return first + line + sum(count for start, count in skipped if line >= start)


class LDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence that remembers the line of itself and of each item."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(value, default: int = 1) -> int:
    return getattr(value, "line", default)


def at_key(value: str, mapping: LDict, key: str) -> str:
    """`value`, read from `mapping[key]`, with the line of that key: for a check made later, against other
    records, to say where it was written. Fields read as interned text lose their line otherwise."""
    return LStr(value, mapping.line_of(key)) if value else value


# What the YAML parser was in the middle of (MarkedYAMLError.context) when it met a line it could not take, for
# mistakes made on an earlier line: (what was left open, what to do).
_UNCLOSED = {
    "while parsing a flow sequence": ("the list opened with '['", "close it with ']', or put "
                                      "the whole value in quotes if the '[' is part of the text"),
    "while parsing a flow mapping": ("the mapping opened with '{'", "close it with '}', or put "
                                     "the whole value in quotes if the '{' is part of the text"),
    "while scanning a quoted scalar": ("the quotation opened", "add the closing quotation mark; inside single "
                                       "quotes write an apostrophe as two ('')"),
}


# Characters YAML ends a line at, but that no editor shows as a line's end (text copied from a PDF or a web page
# brings them): a value with one in it was cut there, and each message below it named the line above the one meant.
_OTHER_LINE_ENDS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


def scalar(text: str, flow: bool = False) -> str:
    """`text` as a YAML value that reads back as exactly this text: plain when that is safe, else quoted. For
    the files `minutebook new` writes, and the lines a message asks the clerk to write. `flow`: inside braces,
    `{name: ...}`, where a comma ends the value ("Mr John Adler, Chief Executive" would be a name and a field)."""
    text = str(text)
    try:
        node = yaml.compose(f"{{k: {text}}}" if flow else f"k: {text}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    value = node.value[0][1] if isinstance(node, yaml.MappingNode) and len(node.value) == 1 else None
    if isinstance(value, yaml.ScalarNode) and value.style is None and value.value == text and text not in _NULLS:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar...
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\x{ord(m.group(0)):02x}", quoted)  # ...once these are escaped


def parse(text: str, path, report: Report, first_line: int = 1):
    """Parse YAML text; `first_line` is the file line the text starts on.

    Returns located values, or None (with an error reported) when the text is
    not well-formed YAML.
    """
    offset = first_line  # node marks are 0-based
    if not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text):
        text = text.translate(_OTHER_LINE_ENDS)  # a pass over the whole text: only where one is
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + offset) if mark else first_line
        problem = exc.problem or "the YAML cannot be read"
        opened = _UNCLOSED.get(exc.context or "")
        if opened is not None and exc.context_mark is not None and exc.context_mark.line < line - offset:
            # The parser notices only lines later (at the end of the file, for a quotation): the clerk's
            # mistake is where the bracket or quotation mark was opened.
            what, hint = opened
            report.error(path, exc.context_mark.line + offset, f"malformed YAML: {what} on this line is not "
                         f"closed (line {line}: {problem})", hint)
            return None
        if exc.context == "while scanning a simple key" and exc.context_mark is not None \
                and exc.context_mark.line < line - offset:
            # Words with no ': ' after them, where a field was expected: most often a long value carried on to the
            # next line without indenting it. The parser notices on the line after, which is not at fault.
            report.error(path, exc.context_mark.line + offset, "malformed YAML: this line is not a field (it has no "
                         "': '), nor indented to carry on the value above it", "indent it further than the field "
                         "whose value it carries on, or join it to that line; or write it as `name: value`")
            return None
        opened = _quotation_run_on(text, mark.line) if mark else None
        if opened is not None:
            report.error(path, opened + offset, "malformed YAML: the quotation opened on this line is not closed "
                         f"on it, so the value runs on to the next quotation mark, on line {line} ({problem})",
                         "add the closing quotation mark at the end of the value")
            return None
        lines = text.split("\n")
        written = lines[mark.line] if mark and mark.line < len(lines) else ""
        if "\t" in written[:len(written) - len(written.lstrip())]:  # an editor's Tab key: invisible, and refused
            report.error(path, line, "malformed YAML: this line is indented with a tab",
                         "indent with spaces only: YAML does not allow tabs")
            return None
        key, colon, value = written.partition(": ")
        inner = curly_quoted(value.strip())
        if problem.startswith("mapping values are not allowed") and colon and ": " in value and inner is not None:
            quoted = inner.replace('"', '\\"')
            report.error(path, line, "malformed YAML: the value has a ': ' in it, and its curly quotation marks, as "
                         "Word types them, are no quotes to YAML, which reads the ': ' as another field",
                         f'write straight quotes in their place: {key.strip()}: "{quoted}"')
            return None
        if problem.startswith("mapping values are not allowed") and colon and ": " in value \
                and not value.lstrip().startswith(('"', "'")):
            quoted = value.strip().replace('"', '\\"')
            report.error(path, line, "malformed YAML: the value has a ': ' in it, which YAML reads as another field",
                         f'put the value in quotes: {key.strip()}: "{quoted}"')
            return None
        alone = _entry_alone(lines, mark.line) if mark and problem.startswith("mapping values are not allowed") \
            else None
        if alone is not None:  # "- Councillor Dr Moore" written over "- person: moore", its fields left below it
            at, entry = alone
            report.error(path, at + offset, f"malformed YAML: the list entry on this line is a value alone, but the "
                         f"line below gives it a field ({key.strip()}:)", f"give the value its field too, e.g. "
                         f"`- person: {entry}` in attendance, with the other fields below it")
            return None
        left_out = _dash_left_out(lines, mark.line) if mark and problem == "did not find expected key" else None
        if left_out is not None:
            report.error(path, left_out + offset, f"malformed YAML: the list's first entry does not begin with "
                         f"`- `, as the one on line {line} does ({problem})",
                         "begin this line with `- `, indented as the list's other entries are")
            return None
        slip = _value_slip(written)
        if slip is not None:
            report.error(path, line, f"malformed YAML: {slip[0]}", slip[1])
            return None
        report.error(path, line, f"malformed YAML: {problem}",
                     "check the indentation and that text containing ': ' or '#' is in quotes")
        return None
    except yaml.reader.ReaderError as exc:
        # A control character pasted in with the text (from a PDF, a terminal), invisible in most editors. The
        # error has no line, only a position (in bytes, from the C parser): the character itself says where.
        at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line = first_line + (text.count("\n", 0, at) if at >= 0 else 0)
        what = f" (U+{exc.character:04X})" if at >= 0 else ""
        report.error(path, line, f"malformed YAML: this line has a control character{what} in it, which YAML does "
                     "not allow", "delete it: retype the value, as most editors do not show the character")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        report.error(path, first_line, f"malformed YAML: {exc}", "check the file's YAML")
        return None
    if node is None:
        return None
    if "*" in text and "&" in text and (_written_out(node) or 0) > MOST_WRITTEN_OUT:
        report.error(path, _first_alias_line(text) + offset, "malformed YAML: the aliases (*) from this line on stand "
                     f"for more than {MOST_WRITTEN_OUT:,} values once written out", "write the values out in full "
                     "instead of the aliases")
        return None
    try:
        # Lines to look at after a value for a '#' that cut it short, only in the rare text with a ' #' at all
        return _convert(node, path, report, offset, text.split("\n") if " #" in text else None, text=_Lines(text))
    except _TooDeep as deep:
        looped = _holds_itself(node)
        if looped is not None:
            report.error(path, looped.start_mark.line + offset, "malformed YAML: the value on this line holds "
                         "itself: an alias (*) inside it names its anchor (&)", "write the value out in full "
                         "instead of the alias")
        else:
            report.error(path, deep.node.start_mark.line + offset, "malformed YAML: lists and mappings are nested "
                         f"more than {DEEPEST} deep on this line", "check the indentation, and that text with '[' "
                         "or '{' in it is in quotes")
        return None


_CURLY = {"\u201c": "\u201d", "\u2018": "\u2019"}  # “ ” and ‘ ’, Word's quotation marks


def curly_quoted(value: str) -> str | None:
    """The text inside a value written wholly in Word's curly quotation marks (“13:00”, ‘Date of next meeting’),
    which YAML reads as part of the text where the clerk meant quotes; None for any other value, and for one with
    more of them inside (“A” and “B”)."""
    close = _CURLY.get(value[:1])
    if close is None or len(value) < 3 or value[-1] != close:
        return None
    inner = value[1:-1]
    return None if value[0] in inner or close in inner or not inner.strip() else inner.strip()


_ENTRY_ALONE = re.compile(r"( *)- +([^\s:#'\"\[{&*!|>][^:#]*?)\s*")
_FIELD = re.compile(r"( *)[\w-]+:(?: |$)")


def _entry_alone(lines: list[str], at: int) -> tuple[int, str] | None:
    """(the line, the value) of a list entry written as a value alone (`- Councillor Dr Moore`) above the line YAML
    could not read, a field indented as the entry's own (`  organisation: ...`): the clerk wrote a name over the
    entry's first field and kept the rest. YAML reads the two lines as one value with ': ' in it."""
    field = _FIELD.match(lines[at]) if at < len(lines) else None
    above = next((n for n in range(at - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                 None)
    entry = _ENTRY_ALONE.fullmatch(lines[above]) if field and above is not None else None
    if entry is None or len(field[1]) <= len(entry[1]):
        return None
    return above, entry[2]


# A value's first character that YAML reads as something other than text: the Markdown a clerk writes
# (**APPROVE**, `code`, [Draft]) or a handle (@name)
_MEANINGFUL = {"*": "reads as a reference to an anchor", "&": "reads as an anchor", "!": "reads as a tag",
               "@": "does not allow at the start of text", "`": "does not allow at the start of text",
               "[": "reads as the start of a list", "{": "reads as the start of a mapping"}
_VALUE = re.compile(r"(\s*(?:- +)*(?:[^\s'\"\[{#-][^:#]*?: +)?)(\S.*?)\s*$")


def _value_slip(written: str) -> tuple[str, str] | None:
    """(what is wrong, what to do) where the line YAML could not read has a value in the shape clerks write
    that YAML takes otherwise: one starting with a character YAML gives a meaning, or a quotation that closes
    before the value ends ('Waiting for the CCGs' figures'); None for any other line."""
    found = _VALUE.match(written)
    if found is None:
        return None
    lead, value = found.group(1), found.group(2)
    first = value[0]
    if first in _MEANINGFUL:
        if first in "[{" and value.rstrip().endswith("]}"[first == "{"]):
            return None  # a list or mapping written whole: the mistake is elsewhere
        quoted = value.replace('"', '\\"')
        return (f"the value starts with '{first}', which YAML {_MEANINGFUL[first]}",
                f'put the value in quotes: {lead.strip()} "{quoted}"'.replace('  "', ' "'))
    if first in "'\"":
        inner = value[1:].replace(first * 2, "") if first == "'" else value[1:]
        if first not in inner.rstrip(first) and not inner.endswith(first):
            return None
        if first == "'":
            fixed = "'" + value[1:-1].replace("'", "''") + "'" if value.endswith("'") else None
            return ("the quotation closes before the value ends: an apostrophe inside single quotes ends them",
                    "write each apostrophe inside single quotes as two ('')" +
                    (f": {lead.strip()} {fixed}" if fixed else ", or put the value in double quotes"))
        return ("the quotation closes before the value ends: a quotation mark inside double quotes ends them",
                "put the value in single quotes instead, writing each apostrophe in it as two (''), or write each "
                'quotation mark inside it as \\"')
    return None


def _dash_left_out(lines: list[str], error_line: int) -> int | None:
    """The line the list's first entry starts on, when its `- ` was left out: YAML reads that entry as a
    mapping and stumbles only on the next entry's `- `, lines later (did not find expected key)."""
    written = lines[error_line] if error_line < len(lines) else ""
    if not written.lstrip().startswith("- "):
        return None
    indent = len(written) - len(written.lstrip())
    first = None
    for number in range(error_line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        if len(above) - len(above.lstrip()) <= indent:
            break
        first = number
    if first is None or lines[first].lstrip().startswith("-"):
        return None
    return first


def _quotation_run_on(text: str, error_line: int) -> int | None:
    """The line (0-based) of a quotation left open that a quotation mark on `error_line` closed, where the parser
    failed: `start: "2pm` took in the lines after it as far as the next field's opening quotation mark, and the
    parser failed there, lines below the clerk's mistake. None when the error is not just after such a value."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and \
                    token.start_mark.line < token.end_mark.line == error_line:
                return token.start_mark.line
    except yaml.YAMLError:
        pass
    return None


# Lists and mappings inside one another, at most: the loaders and the pages' templates go down one level at a time,
# and Python stops some hundreds of levels down. No record needs a tenth of this.
DEEPEST = 50


class _TooDeep(Exception):
    def __init__(self, node):
        super().__init__()
        self.node = node


def _children(node) -> list:
    return node.value if isinstance(node, yaml.SequenceNode) else [child for pair in node.value for child in pair]


def _holds_itself(node):
    """A list or mapping that holds itself, through an alias (*a) inside the anchor (&a) it names, or None: asked
    only of values nested too deep to read, which such a one is, for ever."""
    stack, inside, done = [(node, False)], set(), set()
    while stack:
        current, leaving = stack.pop()
        if leaving:
            inside.discard(id(current))
            done.add(id(current))
        elif id(current) in inside:
            return current
        elif not isinstance(current, yaml.ScalarNode) and id(current) not in done:
            inside.add(id(current))
            stack.append((current, True))
            stack.extend((child, False) for child in _children(current))
    return None


# Values that aliases (*a) may stand for, all told, once each is written out where it stands: nested, a few
# multiply ("billion laughs": seven levels of ten took 53 s to read, and nine would fill the memory). A whole
# people register of two thousand is a fifth of this.
MOST_WRITTEN_OUT = 100_000


def _written_out(node) -> int | None:
    """How many values `node` stands for with every alias written out, counted to just past MOST_WRITTEN_OUT; None
    for a value that holds itself (_holds_itself), which is reported as nested too deep."""
    sizes: dict[int, int] = {}
    stack, inside = [(node, False)], set()
    while stack:
        current, leaving = stack.pop()
        if leaving:
            inside.discard(id(current))
            sizes[id(current)] = min(1 + sum(sizes[id(c)] for c in _children(current)), MOST_WRITTEN_OUT + 1)
        elif id(current) in sizes:
            continue
        elif id(current) in inside:
            return None
        elif isinstance(current, yaml.ScalarNode):
            sizes[id(current)] = 1
        else:
            inside.add(id(current))
            stack.append((current, True))
            stack.extend((child, False) for child in _children(current))
    return sizes[id(node)]


def _first_alias_line(text: str) -> int:
    """The 0-based line of the text's first alias (*a)."""
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, yaml.AliasToken):
            return token.start_mark.line
    return 0


class _Lines:
    """The YAML text's lines, split only for a value that needs them (a folded block: _folds)."""

    def __init__(self, text: str):
        self.text = text

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _folds(node, text: _Lines) -> tuple[tuple[int, int, int], ...]:
    """LStr.folds of a folded block scalar (`>`), or () where no line of the text holds more than one of the
    file's. Each line of the block is in the value as written, after its indentation, and only spaces and line
    breaks stand between two: each is found there in turn, after the one before."""
    value, found, cursor, line, line_start = node.value, [], 0, 0, 0
    lines = text.lines[node.start_mark.line + 1:node.end_mark.line + 1]  # its first is the `>` line's
    for below, written in enumerate(lines, start=1):
        if cursor >= len(value.rstrip()):  # the value's end: what follows is the next field
            break
        words = written.strip()
        if not words:
            continue
        at = value.find(words, cursor)
        if at < 0 or value[cursor:at].strip():  # not as YAML folds: none rather than wrong lines
            return ()
        line += value.count("\n", cursor, at)
        line_start = value.rfind("\n", 0, at) + 1
        found.append((line, at - line_start, below))
        cursor = at + len(words)
    if all(column == 0 and below == line + 1 for line, column, below in found):  # as `|`: _BELOW_ITS_HEADER
        return ()
    return tuple(found)


# LStr.skipped of a block scalar: its text starts on the line after its `|` or `>`, where its line is (kept so for
# the messages about the value as a whole), and a reference on the text's third line is on the file's fourth.
_BELOW_ITS_HEADER = ((0, 1),)
_CUT_SHORT = re.compile(r"\s+#\S")  # "Room #4": a comment by YAML's rules, though no one writes one so


def _convert(node, path, report: Report, offset: int, lines: list[str] | None = None, depth: int = 1,
             in_list: bool = False, text: _Lines | None = None):
    line = node.start_mark.line + offset
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain: None from the Python parser, '' from the C one
            return None
        if lines is not None and not node.style:
            end = node.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            if _CUT_SHORT.match(rest):
                report.warning(path, end.line + offset, f"the text from '#' on is read as a comment and left out: "
                               f"the value is '{node.value}'", "put the whole value in quotes: "
                               f"\"{node.value}{rest.rstrip()}\"")
        inner = None if node.style else curly_quoted(node.value)
        if inner is not None:
            shown = inner.replace('"', '\\"')
            report.warning(path, line, f"the value {node.value} is in curly quotation marks, as Word types them, "
                           f"which YAML does not read as quotes: it is read without them, as '{inner}'",
                           f'write straight quotes, "{shown}"; to publish the curly marks, put the value in straight '
                           "quotes as well")
            return LStr(inner, line)
        if node.style == ">" and node.end_mark.line - node.start_mark.line > 2:  # two lines or more below `>`
            folds = _folds(node, text)
            if folds:
                return LStr(node.value, line, (), folds)
        return LStr(node.value, line, _BELOW_ITS_HEADER if node.style in ("|", ">") else ())
    if depth > DEEPEST:
        raise _TooDeep(node)
    if isinstance(node, yaml.SequenceNode):
        out = LList(line)
        for child in node.value:
            out.append(_convert(child, path, report, offset, lines, depth + 1, in_list=True, text=text))
            out.item_lines.append(child.start_mark.line + offset)
        return out
    out = LDict(line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + offset
        if not isinstance(key_node, yaml.ScalarNode):
            report.error(path, key_line, "a field name must be plain text",
                         "write the field as `name: value`")
            continue
        key = key_node.value
        if key in out:
            if in_list and key == next(iter(out)):
                # The entry's first field again: the next entry of the list, its `- ` left out. Its other
                # fields would each be "given twice" too; one message says what happened.
                report.error(path, key_line, f"field '{key}' is given twice in one entry of the list (first on "
                             f"line {out.key_lines[key]})", f"if line {key_line} starts the next entry, begin it "
                             f"with `- ` as the others do (`- {key}: ...`); else keep one of them")
                break
            report.error(path, key_line, f"field '{key}' is given twice "
                         f"(first on line {out.key_lines[key]})", "keep one of them")
            continue
        whole = _action_id_cut_short(key, value_node, path, report, offset, lines)
        out[key] = whole or _convert(value_node, path, report, offset, lines, depth + 1, text=text)
        out.key_lines[key] = key_line
    return out


_ACTION_POSITION = re.compile(r"\s+(#[A-Za-z0-9]{1,100})\s*$")  # " #1", all that follows an action's minute number


def _action_id_cut_short(key: str, node, path, report: Report, offset: int, lines: list[str] | None) -> LStr | None:
    """An action log's `action: CCBP/18/49 #1`, as a log copied from a PDF spaces it: YAML reads ` #1` as a
    comment, and the update named the minute alone, an unknown action, besides the warning that the value was cut
    short. The id meant, with one message, saying to write it without the space."""
    if key != "action" or lines is None or node.style or not isinstance(node, yaml.ScalarNode) \
            or not str(path).endswith("actions.md"):
        return None
    end = node.end_mark
    found = _ACTION_POSITION.match(lines[end.line][end.column:]) if end.line < len(lines) else None
    if not found or not node.value:
        return None
    whole = f"{node.value}{found.group(1)}"
    report.warning(path, end.line + offset, f"the action '{node.value} {found.group(1)}' has a space before its '#', "
                   f"where YAML starts a comment; it is read as {whole}", "write it without the space")
    return LStr(whole, node.start_mark.line + offset)
