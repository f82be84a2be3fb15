"""Make a Pagefind bundle byte-identical from one build to the next.

Pagefind 1.5 writes each filter's values in hash-map order, which changes on
every run (upstream issue #638); the filter files' content-hash names change
with it, and so do the meta file that lists them and the entry file that names
the meta file. Pages, fragments and word indexes are already stable. Here the
filter files are re-encoded with their values sorted, renamed after their new
content, and the two files that refer to them are updated, so the same
content always gives the same bundle.

The files are gzip-compressed CBOR behind a "pagefind_dcd" signature. A filter
file is `[name, [[value, [page, ...]], ...]]`, and the meta file lists the
filters as `[name, file hash]` pairs, also in hash-map order. Both are decoded,
put in name order and re-encoded; a file that does not decode and re-encode to
the same bytes is refused rather than guessed at.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
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
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedFormat(f"{path.name} has no Pagefind signature")
    return data[len(SIGNATURE):]


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + payload, compresslevel=9, mtime=0))


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


def stabilise(bundle: Path) -> None:
    """Rewrite `bundle` (a folder holding pagefind-entry.json) so it no longer depends on hash-map order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renames: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name = _HASHED.match(path.stem)
        if not name:
            raise UnexpectedFormat(f"unexpected filter file name {path.name}")
        value, end = decode(_read(path))
        if end == 0 or not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
            raise UnexpectedFormat(f"{path.name} is not [name, values]")
        value[1].sort(key=lambda pair: pair[0])
        payload = encode(value)
        new = _content_name(name["lang"], payload, len(name["hash"]))
        renames[path.stem] = new
        path.unlink()
        _write(bundle / "filter" / f"{new}.pf_filter", payload)
    for lang, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        original = _read(meta_path)
        fields, end = decode(original)
        if end != len(original) or encode(fields) != original:
            raise UnexpectedFormat(f"{meta_path.name} does not round-trip")
        meta = encode(_renamed(fields, renames))
        name = _HASHED.match(info["hash"])
        new_hash = _content_name(name["lang"], meta, len(name["hash"]))
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_hash}.pf_meta", meta)
        info["hash"] = new_hash
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
