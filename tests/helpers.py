"""Small helpers shared by the tests: an HTML tree, the fixture's canaries, Pagefind's files.

The HTML tree is built with the standard library's html.parser so that tests can
ask structural questions ("the first focusable element", "every table's caption")
instead of matching substrings.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


FIXTURE = Path(__file__).resolve().parent / "fixtures" / "archive"
TODAY = "2026-01-01"

# Strings planted in material that must never be published. Each is unique to
# where it was planted, so a failure names the leak. "canary" appears nowhere
# else in the fixture, so its absence from Pagefind's word index is meaningful.
CANARY_CONFIDENTIAL = "CANARY-CONFIDENTIAL-7731"  # confidential minute item, its agenda entry, its action log update
CANARY_TITLE = "CANARY-TITLE-4402"  # real title of the confidential item (public_title is published instead)
CANARY_PAPER = "CANARY-PAPER-2468"  # confidential paper C
CANARY_PRIVATE = "CANARY-PRIVATE-9090"  # the meeting with session: private
CANARY_DRAFT = "CANARY-DRAFT-3141"  # draft minutes of the 2020 meeting
SECRET_CANARIES = (CANARY_CONFIDENTIAL, CANARY_TITLE, CANARY_PAPER, CANARY_PRIVATE)
ALL_CANARIES = SECRET_CANARIES + (CANARY_DRAFT,)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)
    parent: "Node | None" = field(default=None, repr=False)
    line: int = 0

    def iter(self):
        """This node and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list["Node"]:
        """Elements with this tag (any when None) whose attributes equal the given ones.

        `class_="x"` matches elements having class x among their classes; an
        attribute given as True only has to be present.
        """
        found = []
        for node in self.iter():
            if node is self or (tag is not None and node.tag != tag):
                continue
            if all(_attr_matches(node, name, want) for name, want in attrs.items()):
                found.append(node)
        return found

    def find(self, tag: str | None = None, **attrs) -> "Node":
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}> in <{self.tag}>"
        return found[0]

    def one(self, tag: str | None = None, **attrs) -> "Node":
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected exactly one <{tag or '*'} {attrs}>, found {len(found)}"
        return found[0]

    @property
    def text(self) -> str:
        """The element's text, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)

        walk(self)
        return " ".join("".join(parts).split())

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every link below this element."""
        return [(a.attrs.get("href") or "", a.text) for a in self.find_all("a") if "href" in a.attrs]


def _attr_matches(node: Node, name: str, want) -> bool:
    name = name.rstrip("_").replace("_", "-")
    if name == "class":
        return want in node.classes
    if want is True:
        return name in node.attrs
    return node.attrs.get(name) == want


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.stack[-1], line=self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.stack[-1], line=self.getpos()[0])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        # a stray end tag: ignored, as browsers do

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    builder.root.attrs["doctype"] = builder.doctype
    return builder.root


def page(site: Path, url: str) -> Node:
    """The parsed page the site serves at `url` (e.g. "/tb/2019/", or "/404.html", a page that is a file)."""
    path = site / url.lstrip("/") if url.endswith(".html") else \
        site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    assert path.is_file(), f"the site has no page at {url} (looked for {path})"
    return parse_html(path.read_text(encoding="utf-8"))


def html_pages(site: Path) -> list[Path]:
    """Every HTML page the build wrote (Pagefind's own files excluded)."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return "/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel


FOCUSABLE = {"a": lambda n: "href" in n.attrs, "button": lambda n: True, "input": lambda n: n.attrs.get("type") != "hidden",
             "select": lambda n: True, "textarea": lambda n: True, "summary": lambda n: True}


def tab_order(root: Node) -> list[Node]:
    """Elements reachable with the Tab key, in document order (no positive tabindex is used)."""
    out = []
    for node in root.iter():
        tabindex = node.attrs.get("tabindex")
        if tabindex is not None:
            if int(tabindex) >= 0:
                out.append(node)
            continue
        if node.tag in FOCUSABLE and FOCUSABLE[node.tag](node) and "disabled" not in node.attrs:
            if not any("hidden" in a.attrs for a in [node, *node.ancestors()]):
                out.append(node)
    return out


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def index_disagrees(site: Path) -> list[str]:
    """The files /data/index.json lists whose `bytes` or `sha256` are not those of the file in `site` as it is
    (docs/open-data.md): [] when the index describes every file it lists."""
    index = json.loads((site / "data" / "index.json").read_bytes())
    wrong = []
    for listed in index["files"]:
        data = (site / listed["url"].removeprefix(index["source"])).read_bytes()
        if (listed["bytes"], listed["sha256"]) != (len(data), hashlib.sha256(data).hexdigest()):
            wrong.append(listed["url"].removeprefix(index["source"]))
    return wrong


def pagefind_plaintext(site: Path) -> dict[str, bytes]:
    """Pagefind's index files, decompressed where they are gzip (its fragments, indexes, filters, meta)."""
    out = {}
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data
    return out


# --- editing a copy of the fixture archive -------------------------------------------------------

def edit(content: Path, relative: str, old: str, new: str, count: int = 1) -> Path:
    """Replace `old` by `new` in one file of an archive copy; the text must be there."""
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} is not in {relative}: the fixture changed under this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(content: Path, relative: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`, so tests don't hard-code line numbers."""
    seen = 0
    for number, line in enumerate((content / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} is not in {relative}")


def messages(result, severity: str | None = None) -> list[str]:
    """The build's problems as the CLI prints them: `path:line: severity: message; hint`."""
    return [d.format() for d in result.report.sorted() if severity in (None, d.severity)]


def built_cleanly(build, archive: Path, tmp_path: Path) -> Path:
    """The archive built by the `build` fixture into `tmp_path/site`, which it must build without a message."""
    out = tmp_path / "site"
    result = build(archive, out)
    assert result.ok and messages(result) == []
    return out


def old_sites_gone(parent: Path, names: str = ".site.old-*", timeout: float = 60) -> bool:
    """Whether the old sites a full build moved aside in `parent` (those matching `names`) are all removed within
    `timeout` seconds: a process of their own removes them, which the build does not wait for
    (write.remove_apart). The bound is generous; it is not a measure of speed."""
    deadline = time.monotonic() + timeout
    while any(parent.glob(names)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(parent.glob(names))


JC_MEETING, JC_MINUTES = "meetings/jc/2019-11-05/meeting.md", "meetings/jc/2019-11-05/minutes.md"
# The joint committee's meeting numbered as a council numbers it: the pack's items 1, 5, 5.1 and 7 are minutes 41
# to 44 of the year. (agenda item, minute heading as written, the minute's number)
JC_COUNCIL_NUMBERS = (('ref: "1"', "## 1. Welcome", "41"), ('ref: "5"', "## 5 Joint", "42"),
                      ('ref: "5.1"', "## 5.1 Sexual", "43"), ('ref: "7"', "## 7 Call-in", "44"))


def council_numbered(content: Path, minute_fields: bool = True) -> None:
    """Renumber the joint committee's minutes 41 to 44, and (`minute_fields`) have each agenda item name its minute
    with `minute:`, keeping the pack's numbers."""
    for ref, heading, number in JC_COUNCIL_NUMBERS:
        edit(content, JC_MINUTES, heading, heading.replace(heading.split()[1].rstrip("."), number, 1))
        if minute_fields:
            text = (content / JC_MEETING).read_text(encoding="utf-8")
            at = text.index(ref)
            indent = text[text.rindex("\n", 0, at) + 1:at].replace("-", " ")
            (content / JC_MEETING).write_text(f'{text[:at]}{ref}\n{indent}minute: "{number}"{text[at + len(ref):]}',
                                              encoding="utf-8")


def in_welsh(content: Path) -> None:
    """The joint committee's meeting as a Welsh council publishes one on its English site: its title, agenda and
    minutes in Welsh (`language: cy` in meeting.md and minutes.md), its title Cyd-bwyllgor, with the role of the
    officer in attendance and notes with a heading in Welsh; and the fixture's own Welsh record, paper B, with a
    heading in its text."""
    edit(content, JC_MINUTES, "status: approved\n", "status: approved\nlanguage: cy\n")
    edit(content, JC_MEETING, "title: Joint Committee\n", "title: Cyd-bwyllgor\nlanguage: cy\n")
    edit(content, JC_MEETING, '      for: ["5"]\n', '      for: ["5"]\n      role: Cyfarwyddwr Iechyd y Cyhoedd\n')
    with (content / JC_MEETING).open("a", encoding="utf-8") as notes:
        notes.write("\nCyfarfod arbennig.\n\n## Trefniadau\n\nCynhaliwyd y cyfarfod yn y siambr newydd.\n")
    edit(content, "meetings/tb/2019-03-14/papers/paper-b.md", "Y fersiwn Cymraeg",
         "## Rhandiroedd cymunedol\n\nY fersiwn Cymraeg")
