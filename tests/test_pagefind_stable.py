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


def _read(path):
    return decode(gzip.decompress(path.read_bytes())[len(SIGNATURE):])[0]


def _files(bundle):
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


# (address, date, words, body) of each page, in the order Pagefind's walk of the folders met them
PAGES = [("/jhsc/2019/2019-09-02/", "2019-09-02", ["budget", "care"], "JHSC"),
         ("/ccb/2019/ccbp-19-70/", "2019-07-18", ["care"], "CCB"),
         ("/ccb/2019/2019-07-18/", "2019-07-18", ["budget", "care", "zebra"], "CCB")]


def _bundle(tmp_path, pages=PAGES, filter_values=None):
    """A bundle shaped as Pagefind 1.5.2 writes one: pages numbered in walk order; each word's pages given as
    steps from the one before; a filter; a sort by date, ties in page order."""
    bundle = tmp_path / "bundle"
    for folder in ("filter", "index", "fragment"):
        (bundle / folder).mkdir(parents=True)
    fragments = []
    for number, (url, date, words, _) in enumerate(pages):
        name = f"en_{sum(map(ord, url)):07x}"
        fragments.append([name, len(words)])
        _write(bundle / "fragment" / f"{name}.pf_fragment",
               json.dumps({"url": url, "content": " ".join(words), "meta": {"date": date}}).encode())
    words = []
    for word in sorted({w for _, _, ws, _ in pages for w in ws}):
        found, last = [], 0
        for number, (_, _, ws, _) in enumerate(pages):
            if word in ws:
                found.append([number - last, [ws.index(word)], []])
                last = number
        words.append([word, found, []])
    _write(bundle / "index" / "en_ddddddd.pf_index", encode([words]))
    bodies = filter_values or [[b, [n for n, page in enumerate(pages) if page[3] == b]]
                               for b in dict.fromkeys(page[3] for page in pages)]
    _write(bundle / "filter" / "en_aaaaaaa.pf_filter", encode(["body", bodies]))
    dates = sorted(range(len(pages)), key=lambda n: (pages[n][1], n))
    _write(bundle / "pagefind.en_bbbbbbbbbbbbb.pf_meta", encode([
        "1.5.2", fragments, [["budget", "zebra", "en_ddddddd"]], [["body", "en_aaaaaaa"]], [["date", dates]],
        ["date"]]))
    (bundle / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {
        "en": {"hash": "en_bbbbbbbbbbbbb", "wasm": "en", "page_count": len(pages)}}}))
    return bundle


def _meta(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return _read(bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")


def test_the_same_filters_in_any_order_give_the_same_bundle(tmp_path):
    one = _bundle(tmp_path / "1", filter_values=[["JHSC", [0]], ["CCB", [1, 2]]])
    two = _bundle(tmp_path / "2", filter_values=[["CCB", [1, 2]], ["JHSC", [0]]])
    stabilise(one)
    stabilise(two)
    assert _files(one) == _files(two)
    filter_name = _meta(one)[3][0][1]
    assert (one / "filter" / f"{filter_name}.pf_filter").is_file()  # the meta names the renamed file


def test_the_same_pages_met_in_another_order_give_the_same_bundle_numbered_in_address_order(tmp_path):
    """Pagefind numbers pages in the order its walk meets them, the file system's: on two machines the same
    site gave other bytes in the meta file, every index chunk, filter and sort."""
    one = _bundle(tmp_path / "1", PAGES)
    two = _bundle(tmp_path / "2", PAGES[::-1])
    assert _files(one) != _files(two)
    stabilise(one)
    stabilise(two)
    assert _files(one) == _files(two)
    meta = _meta(one)
    urls = [json.loads(gzip.decompress((one / "fragment" / f"{page[0]}.pf_fragment").read_bytes())[
        len(SIGNATURE):])["url"] for page in meta[1]]
    assert urls == sorted(url for url, *_ in PAGES)
    words = {}
    for word, found, _ in _read(one / "index" / f"{meta[2][0][2]}.pf_index")[0]:
        numbers = [sum(page[0] for page in found[:n + 1]) for n in range(len(found))]
        words[word] = [urls[n] for n in numbers]
    assert words == {"budget": ["/ccb/2019/2019-07-18/", "/jhsc/2019/2019-09-02/"],
                     "care": sorted(url for url, *_ in PAGES), "zebra": ["/ccb/2019/2019-07-18/"]}
    assert _read(one / "filter" / f"{meta[3][0][1]}.pf_filter") == ["body", [["CCB", [0, 1]], ["JHSC", [2]]]]
    assert meta[4] == [["date", [0, 1, 2]]]  # the two of 18 July in address order, then 2 September


def test_a_sort_the_pages_metadata_does_not_give_leaves_the_pages_numbered_as_pagefind_did(tmp_path):
    """Pagefind keeps no sort's values: without them its ties could not be put in the new order."""
    bundle = _bundle(tmp_path)
    for fragment in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(SIGNATURE):])
        data["meta"] = {}
        _write(fragment, json.dumps(data).encode())
    before = _meta(bundle)[1]
    stabilise(bundle)
    assert _meta(bundle)[1] == before


def test_a_bundle_in_an_unknown_shape_is_refused_not_guessed(tmp_path):
    bundle = _bundle(tmp_path)
    _write(next((bundle / "filter").iterdir()), b"\xa1\x61a\x01")  # a CBOR map: not what Pagefind 1.5 writes
    with pytest.raises(UnexpectedFormat):
        stabilise(bundle)
