"""Pagefind bundles made stable (generator/pagefind_stable.py).

The end-to-end guarantee (two builds give identical bytes, search index
included) is in test_build.py; these pin the pieces it relies on.
"""

from __future__ import annotations

import gzip
import json

import pytest

from generator.pagefind_stable import SIGNATURE, UnexpectedFormat, decode, encode, stabilise


@pytest.mark.parametrize("value", [0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "", "CCB", "é" * 30,
                                   [], [1, [2, ["x", [3, 4]]]], list(range(300))])
def test_cbor_subset_round_trips(value):
    data = encode(value)
    assert decode(data) == (value, len(data))


def test_known_encodings_match_rfc_8949():
    assert encode(10) == b"\x0a" and encode(100) == b"\x18\x64" and encode(1000) == b"\x19\x03\xe8"
    assert encode("a") == b"\x61a" and encode([1, 2]) == b"\x82\x01\x02" and encode(-10) == b"\x29"


def _write(path, value_bytes):
    path.write_bytes(gzip.compress(SIGNATURE + value_bytes, mtime=0))


def _bundle(tmp_path, values):
    bundle = tmp_path / "bundle"
    (bundle / "filter").mkdir(parents=True)
    _write(bundle / "filter" / "en_aaaaaaa.pf_filter", encode(["body", values]))
    _write(bundle / "pagefind.en_bbbbbbbbbbbbb.pf_meta", encode(["1.5.2", [["en_ccccccc", 3]], [["body", "en_aaaaaaa"]]]))
    (bundle / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {
        "en": {"hash": "en_bbbbbbbbbbbbb", "wasm": "en", "page_count": 3}}}))
    return bundle


def test_the_same_filters_in_any_order_give_the_same_bundle(tmp_path):
    one = _bundle(tmp_path / "1", [["JHSC", [2]], ["CCB", [0, 1]]])
    two = _bundle(tmp_path / "2", [["CCB", [0, 1]], ["JHSC", [2]]])
    stabilise(one)
    stabilise(two)
    files = lambda b: {p.relative_to(b).as_posix(): p.read_bytes() for p in sorted(b.rglob("*")) if p.is_file()}  # noqa: E731
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    meta = one / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    fields, _ = decode(gzip.decompress(meta.read_bytes())[len(SIGNATURE):])
    filter_name = fields[2][0][1]
    assert (one / "filter" / f"{filter_name}.pf_filter").is_file()  # the meta names the renamed file


def test_a_bundle_in_an_unknown_shape_is_refused_not_guessed(tmp_path):
    bundle = _bundle(tmp_path, [["CCB", [0]]])
    _write(next((bundle / "filter").iterdir()), b"\xa1\x61a\x01")  # a CBOR map: not what Pagefind 1.5 writes
    with pytest.raises(UnexpectedFormat):
        stabilise(bundle)
