"""The text of each page of a PDF that Chromium printed, for the print gates, which need no PDF tool installed.

pdftotext is not on the machines that run the suite, and the browser's print media, which the other print gates
look at, shows nothing of what prints in a sheet's margins (CSS `@page` margin boxes). Chromium's PDFs (Skia's)
are simple enough to read without one: each page's content a Flate stream of `/Fn size Tf` and `<glyphs> Tj`,
each font a Type0 font with Identity-H glyph codes and a ToUnicode CMap saying which characters they draw. Text
drawn with a new text matrix (`Tm`) or after `BT` starts a new line; no spacing is inferred within one.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_REF = rb"(\d+) 0 R"


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (its dictionary, its stream decompressed, or None)."""
    found = {}
    for match in _OBJECT.finditer(pdf):
        body = match.group(2)
        stream = _STREAM.search(body)
        if not stream:
            found[int(match.group(1))] = (body, None)
            continue
        head, data = body[:stream.start()], stream.group(1)
        length = _LENGTH.search(head)
        if length:  # a font's stream may end in a byte '\r', which the pattern takes for the line's end
            data = body[stream.start(1):stream.start(1) + int(length.group(1))]
        found[int(match.group(1))] = (head, zlib.decompress(data) if b"/FlateDecode" in head else data)
    return found


def _cmap(data: bytes) -> dict[bytes, str]:
    """A ToUnicode CMap's glyph codes (hex, as a page's content writes them) -> the characters they draw."""
    codes: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes[code.upper()] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for start, end, first in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = ord(bytes.fromhex(first.decode()).decode("utf-16-be"))
            for n in range(int(start, 16), int(end, 16) + 1):
                codes[f"{n:0{len(start)}X}".encode()] = chr(base + n - int(start, 16))
    return codes


def _pages(objects: dict, node: int) -> list[int]:
    """The pages below a node of the page tree, in order: Chromium groups a long document's pages 8 to a node."""
    head = objects[node][0]
    if not re.search(rb"/Type\s*/Pages\b", head):
        return [node]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", head, re.S).group(1)
    return [page for kid in re.findall(_REF, kids) for page in _pages(objects, int(kid))]


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, in page order, a line for each run of text the page draws from a new position."""
    objects = _objects(pdf)
    root = next(n for n, (head, _) in objects.items() if re.search(rb"/Type\s*/Pages\b", head)
                and not re.search(rb"/Parent\b", head))
    texts = []
    for page in _pages(objects, root):
        head = objects[page][0]
        fonts = {}
        for name, font in re.findall(rb"/(\w+) " + _REF, re.search(rb"/Font\s*<<(.*?)>>", head, re.S).group(1)):
            unicode = re.search(rb"/ToUnicode " + _REF, objects[int(font)][0])
            fonts[name] = _cmap(objects[int(unicode.group(1))][1]) if unicode else {}
        content = b"".join(objects[int(n)][1] or b"" for n in re.findall(
            _REF, re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", head, re.S).group(1)))
        lines, line, codes = [], [], {}
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(Tm|BT)\b", content):
            if token.group(1):
                codes = fonts.get(token.group(1), {})
            elif token.group(3):
                lines.append("".join(line))
                line = []
            else:
                hexes = token.group(2).upper()
                line += [codes.get(hexes[i:i + 4], "") for i in range(0, len(hexes), 4)]
        lines.append("".join(line))
        texts.append("\n".join(text for text in lines if text))
    return texts
