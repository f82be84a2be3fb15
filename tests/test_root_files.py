"""Files published at the site's top as they are (content/root/, generator/root_files.py).

`/.well-known/security.txt`, `/CNAME`, a search engine's verification file: copied byte for byte, by a cold
build, a warm one and the preview alike; never where the site writes files of its own.
"""

from __future__ import annotations

import shutil

from helpers import messages, read_tree

SECURITY = b"Contact: mailto:security@example.gov.uk\r\nExpires: 2027-12-31T00:00:00.000Z\r\n"


def _root(archive):
    root = archive / "root"
    (root / ".well-known").mkdir(parents=True)
    (root / ".well-known/security.txt").write_bytes(SECURITY)
    (root / "CNAME").write_bytes(b"minutes.example.gov.uk\n")
    (root / "verify").mkdir()
    (root / "verify/google1234.html").write_bytes(b"google-site-verification: google1234.html")
    return root


def test_files_of_content_root_are_published_at_the_top_byte_for_byte(archive, build, tmp_path):
    root = _root(archive)
    (root / ".DS_Store").write_bytes(b"\0")  # the system's
    (root / "CNAME~").write_bytes(b"old\n")  # an editor's backup
    (root / "verify/.google1234.html.swp").write_bytes(b"\0")
    result = build(archive, tmp_path / "site")
    assert result.ok, messages(result)
    site = tmp_path / "site"
    assert (site / ".well-known/security.txt").read_bytes() == SECURITY
    assert (site / "CNAME").read_bytes() == b"minutes.example.gov.uk\n"
    assert (site / "verify/google1234.html").is_file()
    for left_out in (".DS_Store", "CNAME~", "verify/.google1234.html.swp"):
        assert not (site / left_out).exists()
    assert "CNAME" not in (site / "sitemap.xml").read_text()  # a file, not a page


def test_a_warm_build_after_root_files_changed_gives_what_a_full_build_gives(archive, build, tmp_path):
    root = _root(archive)
    (root / "verify/BingSiteAuth.xml").write_bytes(b"<users><user>1234</user></users>")
    site = tmp_path / "site"
    assert build(archive, site).ok
    (root / "CNAME").write_bytes(b"archive.example.gov.uk\n")
    (root / "verify/BingSiteAuth.xml").unlink()
    warm = build(archive, site)
    assert warm.ok and warm.rendered is not None, messages(warm)  # warm: the site's top holds the same names
    fresh = tmp_path / "fresh"
    assert build(archive, fresh, cache=False).ok
    assert read_tree(site) == read_tree(fresh)
    assert (site / "CNAME").read_bytes() == b"archive.example.gov.uk\n"
    assert not (site / "verify/BingSiteAuth.xml").exists()


def test_every_name_the_site_writes_at_its_top_is_refused_in_content_root(archive, build, tmp_path):
    """The site's own list of what it writes at its top (root_files.check) is the site as built: each name there,
    as a file or as a folder holding one, is an error; a name the site does not write is published."""
    site = tmp_path / "site"
    assert build(archive, site, search=True).ok
    tops = sorted(entry.name for entry in site.iterdir() if not entry.name.startswith("."))
    assert {"index.html", "robots.txt", "tb", "people", "pagefind", "static"} <= set(tops)
    root = archive / "root"
    for name in tops:
        root.mkdir()
        target = root / name if (site / name).is_file() else root / name / "file.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("mine\n")
        result = build(archive, tmp_path / "again")
        assert not result.ok and [m for m in messages(result, "error") if "content/root/" in m], name
        shutil.rmtree(root)
    (root / "elsewhere").mkdir(parents=True)
    (root / "elsewhere/file.txt").write_text("mine\n")
    assert build(archive, tmp_path / "again").ok
