"""Files published with papers (generator/attachments.py): a paper or an appendix held only as the PDF,
spreadsheet or scan that went out with the agenda pack.

The fixture archive publishes one appendix (Paper A's Appendix A, a PDF whose
name has capitals and spaces) and one paper's own file (Item 05 of the joint
committee); confidential Paper C and the private meeting's paper name files
that must never be published. The clerk-facing messages for `file:` are here
too, one test per mistake, in the form tests/test_errors.py uses.
"""

from __future__ import annotations

import json
import shutil

import pytest

from generator.model import file_size
from helpers import FIXTURE, edit, line_of, messages, page, read_tree
from test_errors import at, errors_after, warnings_after
from test_update import _from_scratch

PAPERS = "meetings/tb/2019-03-14/papers"
PAPER_A = f"{PAPERS}/paper-a.md"
ITEM_05 = "meetings/jc/2019-11-05/papers/item-05.md"
APPENDIX_FILE = "Appendix A - Action plan.pdf"
APPENDIX_URL = "/tb/2019/2019-03-14/papers/a/appendix-a-action-plan.pdf"
ITEM_05_URL = "/jc/2019/2019-11-05/papers/05/item-05.pdf"


def _published(site, url: str) -> bytes:
    return (site / url.lstrip("/")).read_bytes()


# --- what the public sees -----------------------------------------------------------------------

def test_an_appendix_file_is_published_byte_for_byte_at_an_address_made_of_its_name(site):
    assert _published(site, APPENDIX_URL) == (FIXTURE / PAPERS / APPENDIX_FILE).read_bytes()
    appendices = page(site, "/tb/2019/2019-03-14/papers/a/").one("section", aria_labelledby="appendices")
    size = (FIXTURE / PAPERS / APPENDIX_FILE).stat().st_size
    assert appendices.links()[:2] == [(APPENDIX_URL, f"Appendix A: Action plan (PDF, {size} bytes)"),
                                       ("#appendix-a", "on this page")]
    assert "Appendix B: Equality impact assessment (Available on request)" in appendices.text


def test_a_papers_own_file_is_offered_for_download_from_its_page(site):
    source = FIXTURE / ITEM_05.replace(".md", ".pdf")
    assert _published(site, ITEM_05_URL) == source.read_bytes()
    download = page(site, "/jc/2019/2019-11-05/papers/05/").one("p", class_="attachment")
    assert download.links() == [(ITEM_05_URL, f"Download Item 05 as published (PDF, {source.stat().st_size} bytes)")]


def test_a_page_with_files_says_how_to_ask_for_them_in_another_format(site, archive, build, tmp_path):
    """Files are published as the pack had them; the 2018 accessibility regulations ask for a way to request an
    accessible format. Said once a page, where the files are; not on a page without any."""
    ask = ("Files are published as they went out with the meeting pack, and may not work with assistive technology. "
           "To ask for one in another format, see how to contact us.")
    for url in ("/tb/2019/2019-03-14/papers/a/", "/jc/2019/2019-11-05/papers/05/"):
        notes = page(site, url).find_all("p", class_="attachment-help")
        assert [n.text for n in notes] == [ask], url
        assert notes[0].links() == [("/accessibility/#feedback", "how to contact us")]
    edit(archive, PAPER_A, f"    file: {APPENDIX_FILE}\n", "")
    (archive / PAPERS / APPENDIX_FILE).unlink()
    out = tmp_path / "out"
    assert build(archive, out).ok
    assert page(out, "/tb/2019/2019-03-14/papers/a/").find_all("p", class_="attachment-help") == []


def test_the_meeting_page_offers_each_papers_own_file_beside_it(site):
    papers = page(site, "/jc/2019/2019-11-05/").one("ul", class_="paper-list")
    size = (FIXTURE / ITEM_05.replace(".md", ".pdf")).stat().st_size
    assert papers.links() == [("/jc/2019/2019-11-05/papers/05/", "Item 05: Joint public health commissioning"),
                              (ITEM_05_URL, f"Item 05 as published (PDF, {size} bytes)")]


def test_files_of_confidential_papers_and_private_meetings_are_not_published(site):
    """Both are in the fixture, named by their papers' `file:`; canaries inside them are checked by
    test_build's search of every file of the site as well."""
    names = [name for name in read_tree(site) if name.endswith(".pdf")]
    kept = ITEM_05_URL.replace("2019-11-05", "2019-11-04")  # its meeting moved (moved.yaml): kept where it was too
    assert sorted(names) == [kept.lstrip("/"), ITEM_05_URL.lstrip("/"), APPENDIX_URL.lstrip("/")]


def test_the_open_data_lists_each_file_with_its_media_type(site):
    meetings = json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))
    documents = {d["note"]: d for event in meetings["events"] for d in event["documents"]}
    base = "https://records.testshire.example"
    assert documents["Paper A, Appendix A: Action plan"] == {
        "note": "Paper A, Appendix A: Action plan", "date": "2019-03-14", "classification": "appendix",
        "links": [{"media_type": "application/pdf", "url": base + APPENDIX_URL}], "language": "en-GB"}
    assert documents["Item 05: Joint public health commissioning"]["links"] == [
        {"media_type": "text/html", "url": base + "/jc/2019/2019-11-05/papers/05/"},
        {"media_type": "application/pdf", "url": base + ITEM_05_URL}]
    assert [d["links"] for d in documents.values() if "Appendix B" in d["note"]] == []  # held on request only


def test_the_accessibility_statement_warns_of_files_only_where_the_archive_publishes_some(site, archive, build,
                                                                                          tmp_path):
    limit = "files published with papers (PDFs, spreadsheets and other documents"
    assert limit in page(site, "/accessibility/").one("main").text
    edit(archive, PAPER_A, f"    file: {APPENDIX_FILE}\n", "")
    edit(archive, ITEM_05, "file: item-05.pdf\n", "")
    (archive / PAPERS / APPENDIX_FILE).unlink()
    (archive / ITEM_05.replace(".md", ".pdf")).unlink()
    out = tmp_path / "out"
    assert build(archive, out).ok
    assert limit not in page(out, "/accessibility/").one("main").text


def test_a_paper_held_only_as_a_file_says_its_text_is_in_the_file(archive, build, tmp_path):
    edit(archive, ITEM_05, "The two councils propose to commission sexual health services together.\n", "")
    out = tmp_path / "out"
    assert build(archive, out).ok
    text = page(out, "/jc/2019/2019-11-05/papers/05/").one("section", class_="paper-text")
    assert text.text.startswith("Text of the paper The text of this paper is published only as a file: "
                                "Item 05 as published (PDF,")
    assert text.links()[0][0] == ITEM_05_URL


def test_file_sizes_are_given_as_a_reader_expects():
    assert [file_size(n) for n in (0, 1, 1023, 1024, 250_000, 1000 * 1024 - 1, 1000 * 1024, 5_500_000)] == [
        "0 bytes", "1 byte", "1023 bytes", "1 KB", "244 KB", "1000 KB", "1.0 MB", "5.2 MB"]


# --- warm builds --------------------------------------------------------------------------------

def test_a_warm_build_copies_a_changed_file_again_and_takes_down_one_no_longer_named(archive, build, tmp_path):
    out = tmp_path / "site"
    assert build(archive, out).ok
    published = out / APPENDIX_URL.lstrip("/")
    stamp = published.stat().st_mtime_ns
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "There was no other business.", "No other business.")
    assert build(archive, out).ok and published.stat().st_mtime_ns == stamp  # unchanged: not copied again
    (archive / PAPERS / APPENDIX_FILE).write_bytes(b"%PDF-1.4\n% a revised appendix\n")
    warm = build(archive, out)
    assert warm.ok and published.read_bytes() == b"%PDF-1.4\n% a revised appendix\n"
    assert "(PDF, 30 bytes)" in page(out, "/tb/2019/2019-03-14/papers/a/").one("main").text
    edit(archive, PAPER_A, f"    file: {APPENDIX_FILE}\n", "")
    (archive / PAPERS / APPENDIX_FILE).rename(tmp_path / APPENDIX_FILE)  # kept outside the content folder
    assert build(archive, out).ok and not published.exists()
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)


def test_a_file_gone_while_the_site_was_written_is_copied_by_the_build_after(archive, build, tmp_path, monkeypatch):
    """Removed between the loader's reading and its copying (a clerk tidying papers/ mid-build): left out of that
    build, and not noted as made, so the next build copies it even though its bytes are those of the first."""
    import pathlib

    out = tmp_path / "site"
    assert build(archive, out).ok
    published = out / APPENDIX_URL.lstrip("/")
    (archive / PAPERS / APPENDIX_FILE).write_bytes(b"%PDF-1.4\n% revised\n")
    read_bytes = pathlib.Path.read_bytes

    def vanished(path):
        if path.name == APPENDIX_FILE:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return read_bytes(path)

    with monkeypatch.context() as patch:
        patch.setattr(pathlib.Path, "read_bytes", vanished)
        assert build(archive, out).ok and not published.exists()
    again = build(archive, out)  # the file is there again, unchanged since the loader read it
    assert again.ok and published.read_bytes() == b"%PDF-1.4\n% revised\n"
    assert read_tree(out) == _from_scratch(build, archive, tmp_path, search=False)


def test_the_loader_reads_each_file_once_to_know_it(archive, build, monkeypatch, tmp_path):
    """The digest of every file in a meeting folder is taken as the folders are walked (filedigest.py); a pack's
    PDFs run to gigabytes, and reading each again for its paper's `file:` doubled that."""
    import generator.attachments
    import generator.filedigest

    read, digest = [], generator.filedigest.digest_file
    monkeypatch.setattr(generator.filedigest, "digest_file", lambda path: read.append(str(path)) or digest(path))
    monkeypatch.setattr(generator.attachments, "digest_file", generator.filedigest.digest_file)
    assert build(archive, tmp_path / "out", cache=False).ok
    pdfs = sorted(name for name in read if name.endswith(".pdf"))
    assert len(pdfs) == 4 and len(set(pdfs)) == 4, pdfs  # Appendix A, Item 05's, and two never published


# --- what the clerk is told ---------------------------------------------------------------------

def _name_file(archive, name: str):
    edit(archive, PAPER_A, f"    file: {APPENDIX_FILE}", f"    file: {name}")
    return line_of(archive, PAPER_A, f"    file: {name}")


def test_a_file_that_is_not_there(archive, build):
    line = _name_file(archive, "Appendix A - Action Plan.pdf")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: there is no file 'Appendix A - Action "
        "Plan.pdf' in papers/; the file is named 'Appendix A - Action plan.pdf': names are case-sensitive")


def test_a_file_name_with_a_nul_in_it_is_a_file_that_is_not_there(archive, build):
    """YAML writes any character in double quotes, "\\0" too, which no file's name holds: looked up as it was
    read (reload_parts.Beside, for the preview), it raised ValueError, a traceback where the clerk is told."""
    line = _name_file(archive, '"Appendix A\\0.pdf"')
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: there is no file 'Appendix A\\x00.pdf' in "
        "papers/; did you mean 'Appendix A - Action plan.pdf'?")


def test_a_misspelt_file_name(archive, build):
    line = _name_file(archive, "Apendix A - Action plan.pdf")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: there is no file 'Apendix A - Action "
        "plan.pdf' in papers/; did you mean 'Appendix A - Action plan.pdf'?")


def test_a_file_named_with_a_path(archive, build):
    line = _name_file(archive, "../appendix.pdf")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: '../appendix.pdf' is a path; a paper's "
        "files are beside it, in papers/; move the file into papers/ and give its name alone: file: appendix.pdf")


@pytest.mark.parametrize("name", ["map.svg", "slides.html", "pack.zip"])
def test_a_kind_of_file_not_published(archive, build, name):
    (archive / PAPERS / name).write_text("<svg/>", encoding="utf-8")
    line = _name_file(archive, name)
    assert errors_after(build, archive)[0] == at(PAPER_A, line, f"file: '{name}' is not a kind of file published "
        "here; publish PDF, Word, Excel, PowerPoint, OpenDocument, RTF, CSV, text, PNG or JPEG files")


def test_a_file_named_without_its_extension(archive, build):
    line = _name_file(archive, "Appendix A - Action plan")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: 'Appendix A - Action plan' has no extension, "
        "which says what kind of file it is; write the file's whole name, as it is in papers/, e.g. Appendix A - "
        "Action plan.pdf")


@pytest.mark.parametrize("target", ["/etc/passwd", "../../2019-06-20-private/papers/briefing.pdf"],
                         ids=["outside the content", "a private meetings file"])
def test_a_link_to_a_file_elsewhere_is_not_published(archive, build, tmp_path, target):
    """What a link leads to is what would be copied: any file the build can read, or one never to be published."""
    (archive / PAPERS / "linked.pdf").symlink_to(target)
    line = _name_file(archive, "linked.pdf")
    result = build(archive)
    assert messages(result, "error")[0] == at(PAPER_A, line, "file: 'linked.pdf' is a link to a file elsewhere, "
        "which is not published; put the file itself in papers/, rather than a link to it")
    assert not [m for m in messages(result, None) if "'linked.pdf' is not published" in m]  # nor "name it"


def test_a_papers_folder_that_is_a_link_publishes_none_of_its_files(archive, build):
    elsewhere = archive.parent / "elsewhere"
    (archive / PAPERS).rename(elsewhere)
    (archive / PAPERS).symlink_to(elsewhere)
    assert errors_after(build, archive)[0] == at(PAPER_A, line_of(archive, PAPER_A, f"    file: {APPENDIX_FILE}"),
        f"file: '{APPENDIX_FILE}' is a link to a file elsewhere, which is not published; put the file itself in "
        "papers/, rather than a link to it")


def test_a_confidential_papers_file_named_by_a_published_paper_is_an_error(archive, build):
    """The exempt appendix listed among the public report's appendices too: the file went out with the report."""
    edit(archive, PAPER_A, "    note: Available on request\n",
         "    note: Available on request\n  - ref: C\n    title: Valuation\n    file: valuation.pdf\n")
    assert errors_after(build, archive) == [at(PAPER_A, line_of(archive, PAPER_A, "    file: valuation.pdf"),
        "'valuation.pdf' is the file of Paper C, which is confidential: it would be published with Paper A; take it "
        "out of this paper (give an exempt appendix a `note:` instead of its `file:`), or mark the paper "
        "`confidential: yes`")]


def test_a_copy_of_a_private_meetings_file_named_by_a_published_paper_is_an_error(archive, build):
    shutil.copy(archive / "meetings/tb/2019-06-20-private/papers/briefing.pdf", archive / PAPERS / "Briefing.pdf")
    line = _name_file(archive, "Briefing.pdf")
    assert errors_after(build, archive) == [at(PAPER_A, line, "'Briefing.pdf' is the file of Paper A of "
        "tb/2019-06-20-private, a private meeting: it would be published with Paper A; take it out of this paper "
        "(give an exempt appendix a `note:` instead of its `file:`), or mark the paper `confidential: yes`")]


def test_a_file_left_empty_is_no_file(archive, build):
    _name_file(archive, '""')
    assert warnings_after(build, archive) == [at(f"{PAPERS}/{APPENDIX_FILE}", 1, f"'{APPENDIX_FILE}' is not "
        "published: no paper names it as its `file:` or an appendix's; name it in the paper it belongs to "
        f"(`file: {APPENDIX_FILE}`, or under `appendices:`), or keep it outside the content folder", "warning")]


def test_a_markdown_file_named_as_a_file(archive, build):
    line = _name_file(archive, "paper-c.md")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: 'paper-c.md' is Markdown: a Markdown file "
        "in papers/ is a paper of its own, with a page; name the file the paper was published as (a PDF, say), or "
        "give paper-c.md its own `ref:` and `title:`")


def test_a_file_name_with_no_letter_or_digit(archive, build):
    shutil.copy(archive / PAPERS / APPENDIX_FILE, archive / PAPERS / "-.pdf")
    line = _name_file(archive, "-.pdf")
    assert errors_after(build, archive)[0] == at(PAPER_A, line, "file: '-.pdf' has no letter or digit in its name, "
        "which makes its address; rename it, e.g. paper.pdf")


def test_two_files_of_one_paper_published_under_one_name(archive, build):
    shutil.copy(archive / PAPERS / APPENDIX_FILE, archive / PAPERS / "appendix-a-action-plan.pdf")
    edit(archive, PAPER_A, "    note: Available on request\n",
         "    note: Available on request\n    file: appendix-a-action-plan.pdf\n")
    assert errors_after(build, archive) == [at(PAPER_A, line_of(archive, PAPER_A, "file: appendix-a-action-plan"),
        "'appendix-a-action-plan.pdf' and 'Appendix A - Action plan.pdf' would be published under one name, "
        "appendix-a-action-plan.pdf; rename one of the two files")]


def test_a_file_in_papers_that_no_paper_names_is_left_out_with_a_warning(archive, build):
    (archive / PAPERS / "budget.xlsx").write_bytes(b"PK")
    for litter in (".DS_Store", "Thumbs.db", "~$paper-a.docx"):
        (archive / PAPERS / litter).write_bytes(b"")
    assert warnings_after(build, archive) == [at(f"{PAPERS}/budget.xlsx", 1, "'budget.xlsx' is not published: no "
        "paper names it as its `file:` or an appendix's; name it in the paper it belongs to (`file: budget.xlsx`, "
        "or under `appendices:`), or keep it outside the content folder", "warning")]


def test_a_file_beside_meeting_md_is_left_out_with_a_warning(archive, build):
    (archive / "meetings/tb/2019-03-14/agenda pack.pdf").write_bytes(b"%PDF-1.4\n")
    assert warnings_after(build, archive) == [at("meetings/tb/2019-03-14/agenda pack.pdf", 1, "'agenda pack.pdf' is "
        "not published: only the files in papers/ that a paper names are; move it into papers/ and name it in its "
        "paper (`file: agenda pack.pdf`), or keep it outside the content folder", "warning")]


def test_a_file_named_by_a_paper_that_failed_to_load_is_not_called_unnamed(archive, build):
    """The broken paper is the error to fix; its file is not a second problem."""
    edit(archive, PAPER_A, "title: Healthy Weight Strategy 2019 to 2024", "title: [Healthy Weight")
    assert [m for m in messages(build(archive), None) if "not published" in m] == []
