"""Make a Pagefind bundle byte-identical from one build to the next, and from one machine to the next.

Pagefind 1.5 writes each filter's values in hash-map order, which changes on
every run (upstream issue #638); the filter files' content-hash names change
with it, and so do the meta file that lists them and the entry file that names
the meta file. And it numbers a bundle's pages in the order its walk of the
site's folders meets them, unsorted: the file system's order (on ext4, a hash
with a seed of each file system's own), so the same site indexed on a laptop
and on a CI runner gave other bytes in the meta file, every index chunk, filter
and sort. Here the pages are numbered again in address order, the filter
values sorted, and each file re-encoded and renamed after its new content, so
the same content always gives the same bundle. Fragments, named by their
content, hold no page number.

The files are gzip-compressed CBOR behind a "pagefind_dcd" signature. The meta
file is `[version, [[fragment, words], ...], [[from, to, index chunk], ...],
[[filter, file], ...], [[sort, [page, ...]], ...], ...]`; an index chunk
`[[word, [[page step, locations, meta locations], ...], [[variant, pages], ...]],
...]`, each word's pages given as the step from the one before; a filter file
`[name, [[value, [page, ...]], ...]]`. Each is decoded and re-encoded; a file
that does not decode and re-encode to the same bytes is refused rather than
guessed at.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
_HASHED = re.compile(r"^(?P<lang>[a-z0-9-]+)_(?P<hash>[0-9a-f]+)$")


class UnexpectedFormat(ValueError):
    """The bundle is not shaped as Pagefind 1.5 writes it; it is left as it is."""


# ---- the CBOR subset Pagefind's filter files use (RFC 8949: ints, text, arrays) ----

def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise UnexpectedFormat(f"integer too large: {value}")


def encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise UnexpectedFormat(f"unexpected value {value!r}")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    raise UnexpectedFormat(f"unexpected value {value!r}")


def decode(data: bytes, at: int = 0):
    """(value, next position) for ints, text and arrays; anything else is UnexpectedFormat."""
    first = data[at]
    major, info = first >> 5, first & 31
    at += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise UnexpectedFormat(f"unsupported CBOR item {first:#x}")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major == 3:
        return data[at:at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise UnexpectedFormat(f"unsupported CBOR major type {major}")


def _read(path: Path) -> bytes:
    """EOFError for a file left empty (Pagefind on a disk that filled up): search_index says so."""
    data = gzip.decompress(path.read_bytes())
    if not data:
        raise EOFError(f"{path.name} is empty")
    if not data.startswith(SIGNATURE):
        raise UnexpectedFormat(f"{path.name} has no Pagefind signature")
    return data[len(SIGNATURE):]


def _write(path: Path, payload: bytes) -> None:
    """At zlib's usual level, as Pagefind compresses its own: at 9, the index chunks took longer to compress than
    to number again, for files a few per cent smaller."""
    path.write_bytes(gzip.compress(SIGNATURE + payload, compresslevel=6, mtime=0))


def _content_name(lang: str, payload: bytes, length: int) -> str:
    return f"{lang}_{hashlib.sha256(payload).hexdigest()[:length]}"


def _renamed(fields: list, renames: dict[str, str]) -> list:
    """The meta fields with filter hashes renamed and the filter list in name order."""
    out = []
    for field in fields:
        is_filter_list = (isinstance(field, list) and field and all(
            isinstance(f, list) and len(f) == 2 and isinstance(f[1], str) and f[1] in renames for f in field))
        if is_filter_list:
            field = sorted(([name, renames[old]] for name, old in field), key=lambda pair: pair[0])
        out.append(field)
    return out


def _decoded(path: Path):
    """A file's CBOR value, refused unless it encodes back to the very bytes read."""
    payload = _read(path)
    value, end = decode(payload)
    if end != len(payload) or encode(value) != payload:
        raise UnexpectedFormat(f"{path.name} does not round-trip")
    return value


def _fragment(bundle: Path, fragment_hash: str) -> tuple[str, dict]:
    """A page's address and its metadata, from its fragment (JSON after the signature)."""
    data = json.loads(_read(bundle / "fragment" / f"{fragment_hash}.pf_fragment"))
    return data.get("url") or "", data.get("meta") or {}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass
class Renumbering:
    """Each page's number in address order (`new[old]`), and the sorts made again with those numbers.

    Pagefind numbers a bundle's pages in the order its walk of the site's folders meets them, which is the file
    system's: on ext4 a hash of each name with a seed of the file system's own, on tmpfs the order the files
    were made in. The numbers are in the meta file's page list, every word of every index chunk, every filter
    value and every sort, so the same site indexed on two machines gave other bytes in all of them."""

    new: list[int]
    order: list[int]  # the old numbers, in address order
    sorts: list


def _renumbering(bundle: Path, fields: list) -> Renumbering | None:
    """None where a sort cannot be made again. Pagefind keeps no sort's values and breaks ties by page number,
    so each is made from the page's metadata of the same name (Minutebook's templates give the date both ways),
    which must first give Pagefind's own list with the old numbers."""
    pages, sorts = fields[1], fields[4]
    seen = [_fragment(bundle, page[0]) for page in pages]
    order = sorted(range(len(pages)), key=lambda old: (seen[old][0], pages[old][0]))
    new = [0] * len(pages)
    for number, old in enumerate(order):
        new[old] = number
    remade = []
    for name, listed in sorts:
        values = {old: seen[old][1].get(name) for old in listed}
        if not all(isinstance(value, str) for value in values.values()):
            return None
        numeric = all(_is_number(value) for value in values.values())  # as Pagefind parses a sort's values

        def key(old, values=values, numeric=numeric):
            return float(values[old]) if numeric else values[old]

        if sorted(listed, key=lambda old: (key(old), old)) != listed:
            return None
        remade.append([name, sorted((new[old] for old in listed), key=lambda n: (key(order[n]), n))])
    return Renumbering(new, order, remade)


# One CBOR integer (RFC 8949 major types 0 and 1): its first byte says how many follow. The locations make up
# most of an index chunk, a million numbers in a large body's bundle, and are copied as they are, so they are
# stepped over by the regex engine rather than decoded and encoded again one by one in Python (seconds a bundle).
_INT = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\s\S]|[\x19\x39][\s\S]{2}|[\x1a\x3a][\s\S]{4}|[\x1b\x3b][\s\S]{8})"


@lru_cache(maxsize=None)
def _ints(count: int) -> re.Pattern:
    return re.compile(_INT + b"{%d}" % count)


# A page of a word, `[page step, locations, meta locations]`, whose two lists hold fewer than 24 numbers each (a
# one-byte head), as nearly all do: matched whole by the regex engine, the step and the rest apart.
_SHORT_LIST = rb"(?:\x80|" + b"|".join(rb"\x%02x" % (0x80 + n) + _INT + b"{%d}" % n for n in range(1, 24)) + b")"
_PAGE = re.compile(rb"\x83([\x00-\x17]|\x18[\s\S]|\x19[\s\S]{2}|\x1a[\s\S]{4}|\x1b[\s\S]{8})(" + _SHORT_LIST
                   + _SHORT_LIST + b")")
_STEPS = [bytes([n]) for n in range(24)]  # a step of under 24, nearly every one, is its own byte


def _item_head(data: bytes, at: int, major: int) -> tuple[int, int]:
    """The argument of the item at `at`, which must be of `major` type, and where what follows it starts."""
    first = data[at]
    if first >> 5 != major:
        raise UnexpectedFormat(f"an index chunk has a CBOR item of type {first >> 5} where {major} belongs")
    info, at = first & 31, at + 1
    if info < 24:
        return info, at
    if info > 27:
        raise UnexpectedFormat(f"unsupported CBOR item {first:#x}")
    size = 1 << (info - 24)
    return int.from_bytes(data[at:at + size], "big"), at + size


def _past_numbers(data: bytes, at: int) -> int:
    count, at = _item_head(data, at, 4)
    found = _ints(count).match(data, at) if count else None
    if count and found is None:
        raise UnexpectedFormat("an index chunk's locations are not whole numbers")
    return found.end() if found else at


def _renumbered_pages(data: bytes, at: int, new: list[int]) -> tuple[bytes, int]:
    """A word's pages, `[[page step, locations, meta locations], ...]` (each page given as the step from the one
    before, as Pagefind writes them), with the new numbers, in order, as steps again; and where they end. The
    one-byte heads, nearly all of them, are read here rather than by _item_head: a large bundle has hundreds of
    thousands of pages in its words: each is matched whole by one regex (_PAGE) where it can be."""
    count, at = _item_head(data, at, 4)
    pages, number = [], 0
    match = _PAGE.match
    for _ in range(count):
        page = match(data, at)
        if page is not None:
            step = page[1]
            number += step[0] if len(step) == 1 else int.from_bytes(step[1:], "big")
            pages.append((new[number], page[2]))
            at = page.end()
            continue
        if data[at] != 0x83:  # an array of three
            raise UnexpectedFormat("a page of an index chunk is not [page, locations, meta locations]")
        step, at = _item_head(data, at + 1, 0)
        number += step
        rest = at
        at = _past_numbers(data, _past_numbers(data, at))
        pages.append((new[number], data[rest:at]))
    pages.sort(key=lambda page: page[0])
    out, last = [_head(4, count)], 0
    for number, rest in pages:
        step = number - last
        out += [b"\x83", _STEPS[step] if step < 24 else _head(0, step), rest]
        last = number
    return b"".join(out), at


def _renumbered_entry(data: bytes, at: int, fields: int, new: list[int], out: list) -> int:
    """A word (`[word, pages, variants]`) or a variant (`[form, pages]`) at `at`: its head and text copied to `out`,
    then its pages with the new numbers; where what follows its pages starts."""
    count, start = _item_head(data, at, 4)
    size, after = _item_head(data, start, 3)
    if count != fields:
        raise UnexpectedFormat("a word of an index chunk is not [word, pages, variants], or a variant [form, pages]")
    out.append(data[at:after + size])
    pages, at = _renumbered_pages(data, after + size, new)
    out.append(pages)
    return at


def _renumbered_chunk(data: bytes, new: list[int]) -> bytes:
    """An index chunk, `[[[word, pages, [[variant, pages], ...]], ...]]`, with the new page numbers."""
    out = []
    count, at = _item_head(data, 0, 4)
    if count != 1:
        raise UnexpectedFormat("an index chunk is not [words]")
    words, at = _item_head(data, at, 4)
    out.append(data[:at])
    for _ in range(words):
        at = _renumbered_entry(data, at, 3, new, out)
        variants, start = _item_head(data, at, 4)
        out.append(data[at:start])
        at = start
        for _ in range(variants):
            at = _renumbered_entry(data, at, 2, new, out)
    if at != len(data):
        raise UnexpectedFormat("an index chunk goes on after its words")
    return b"".join(out)


def stabilise(bundle: Path) -> None:
    """Rewrite `bundle` (a folder holding pagefind-entry.json) so it depends on neither hash-map order nor the
    order the file system lists the site's folders in: filter values in order, pages numbered in address order
    (Renumbering), and each file renamed after its new content."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    metas, plans = {}, {}
    for lang, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        fields = _decoded(meta_path)
        if not (isinstance(fields, list) and len(fields) >= 5 and all(isinstance(f, list) for f in fields[1:5])):
            raise UnexpectedFormat(f"{meta_path.name} is not [version, pages, index chunks, filters, sorts, ...]")
        name = _HASHED.match(info["hash"])
        if not name:
            raise UnexpectedFormat(f"unexpected meta file name {meta_path.name}")
        metas[lang] = (meta_path, fields, name["lang"], len(name["hash"]))
        plans[name["lang"]] = _renumbering(bundle, fields)
    renames: dict[str, str] = {}
    # The filter files the meta files name: a folder indexed again in place (the preview's) holds the last run's
    # too, already numbered again, which prune() removes after.
    named = sorted({pair[1] for _, fields, _, _ in metas.values() for pair in fields[3]})
    for path in (bundle / "filter" / f"{stem}.pf_filter" for stem in named):
        name = _HASHED.match(path.stem)
        if not name:
            raise UnexpectedFormat(f"unexpected filter file name {path.name}")
        value = _decoded(path)
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
            raise UnexpectedFormat(f"{path.name} is not [name, values]")
        plan = plans.get(name["lang"])
        if plan is not None:
            value[1] = [[filtered, sorted(plan.new[page] for page in pages)] for filtered, pages in value[1]]
        value[1].sort(key=lambda pair: pair[0])
        payload = encode(value)
        new = _content_name(name["lang"], payload, len(name["hash"]))
        renames[path.stem] = new
        path.unlink()
        _write(bundle / "filter" / f"{new}.pf_filter", payload)
    for lang, (meta_path, fields, language, length) in metas.items():
        plan = plans[language]
        if plan is not None:
            for chunk in fields[2]:
                path = bundle / "index" / f"{chunk[-1]}.pf_index"
                payload = _renumbered_chunk(_read(path), plan.new)
                chunk[-1] = _content_name(language, payload, len(chunk[-1]) - len(language) - 1)
                path.unlink()
                _write(bundle / "index" / f"{chunk[-1]}.pf_index", payload)
            fields[1] = [fields[1][old] for old in plan.order]
            fields[4] = plan.sorts
        meta = encode(_renamed(fields, renames))
        new_hash = _content_name(language, meta, length)
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_hash}.pf_meta", meta)
        entry["languages"][lang]["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def prune(bundle: Path) -> list[str]:
    """Remove the files of `bundle` its meta file no longer names; the names removed.

    Pagefind writes into a folder that already holds a bundle (the live preview re-indexes its folder in place)
    without removing what its run did not write again: the fragments of pages since changed or gone, index
    chunks and filters since renamed, the meta file before. The search never asks for them, but a build into the
    same folder kept them, and the date table listed the old fragments. The meta file is
    `[version, [[fragment hash, words], ...], [[first, last, index hash], ...], [[filter, hash], ...], ...]`."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    named: set[str] = set()
    for info in entry.get("languages", {}).values():
        meta = f"pagefind.{info['hash']}.pf_meta"
        named.add(meta)
        fields, _ = decode(_read(bundle / meta))
        if not (isinstance(fields, list) and len(fields) >= 4 and all(isinstance(f, list) for f in fields[1:4])):
            raise UnexpectedFormat(f"{meta} is not [version, pages, index chunks, filters, ...]")
        named.update(f"fragment/{page[0]}.pf_fragment" for page in fields[1])
        named.update(f"index/{chunk[-1]}.pf_index" for chunk in fields[2])
        named.update(f"filter/{pair[1]}.pf_filter" for pair in fields[3])
    gone = []
    for pattern in ("*.pf_meta", "fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter"):
        for path in sorted(bundle.glob(pattern)):
            relative = path.relative_to(bundle).as_posix()
            if relative not in named:
                path.unlink()
                gone.append(relative)
    return gone
