"""Cross-references (issue 3): what clerks write links to the page it names.

The fixture `tests/fixtures/references/` holds two CCB meetings (numbering
CCBP/{yy}/{n}, July and August 2019, each with its own "Paper C") and one JHSC
meeting (numbered per meeting) that cites CCB minutes across bodies.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import Options, run
from helpers import edit, page

FIXTURE = Path(__file__).parent / "fixtures" / "references"


class _Links(HTMLParser):
    """Collects (href, text) of the cross-reference links (class="xref") in <main>."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("class") == "xref":
            self._href, self._text = attrs["href"], ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def xrefs(site: Path, url: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("refs") / "site"
    result = run(Options(content=FIXTURE, out=out, today=dt.date(2026, 1, 1), search=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out, result.report


def test_minute_number_in_prose_links_to_its_item_page(built):
    site, _ = built
    assert ("/ccb/2019/ccbp-19-60/", "CCBP/19/60") in xrefs(site, "/ccb/2019/ccbp-19-70/")


def test_a_range_is_one_link_to_its_first_minute(built):
    site, _ = built
    links = xrefs(site, "/ccb/2019/ccbp-19-70/")
    assert ("/ccb/2019/ccbp-19-60/", "CCBP/19/60–62") in links
    assert not [link for link in links if link[1] == "62"]


def test_a_list_with_a_slash_links_the_second_number(built):
    site, _ = built
    assert ("/ccb/2019/ccbp-19-61/", "/61") in xrefs(site, "/ccb/2019/ccbp-19-70/")


def test_the_same_paper_letter_resolves_within_its_own_meeting(built):
    site, _ = built
    july = xrefs(site, "/ccb/2019/ccbp-19-61/")
    august = xrefs(site, "/ccb/2019/ccbp-19-71/")
    assert ("/ccb/2019/2019-07-18/papers/c/", "Paper C") in july
    assert ("/ccb/2019/2019-08-22/papers/c/", "Paper C") in august
    assert not any(href.startswith("/ccb/2019/2019-08-22/") for href, _ in july)


def test_items_keep_the_order_they_were_taken_in(built):
    site, _ = built
    html = (site / "ccb/2019/2019-07-18/index.html").read_text()
    positions = [html.index(f'id="item-ccbp-19-{n}"') for n in (62, 60, 61)]
    assert positions == sorted(positions)


def test_a_meeting_date_links_to_that_meeting_of_the_same_body(built):
    site, _ = built
    assert ("/ccb/2019/2019-07-18/", "18 July 2019") in xrefs(site, "/ccb/2019/ccbp-19-70/")


def test_incomplete_and_missing_numbers_are_plain_text_and_warned(built):
    site, report = built
    links = xrefs(site, "/ccb/2019/ccbp-19-71/")
    assert not any("99" in text or text == "CCBP/19/" for _, text in links)
    messages = [d.format() for d in report.warnings]
    assert ("references/meetings/ccb/2019-08-22/minutes.md:13: warning: reference 'CCBP/19/' does not resolve; "
            "the minute number is incomplete; nearest existing: CCBP/19/60, CCBP/19/61, CCBP/19/62") in messages
    assert ("references/meetings/ccb/2019-08-22/minutes.md:13: warning: reference 'CCBP/19/99' does not resolve; "
            "nearest existing: CCBP/19/70, CCBP/19/71, CCBP/19/72") in messages


def test_a_paper_letter_the_pack_lacks_is_warned(built):
    _, report = built
    assert ("references/meetings/ccb/2019-08-22/minutes.md:12: warning: reference 'Paper K' does not resolve; "
            "this meeting's papers are: Paper C; for another meeting's paper, write [[ccb/<its folder>/papers/K]]") in [
                d.format() for d in report.warnings]


def test_initials_link_within_the_meeting_that_defines_them(built):
    site, _ = built
    links = xrefs(site, "/ccb/2019/ccbp-19-70/")
    assert ("/people/sarah-prema/", "SP") in links
    assert ("/people/mark-lewis/", "ML") in links  # in attendance in August


def test_a_postcode_never_links_as_initials(built):
    site, _ = built
    assert ("/people/nora-brown/", "NB") not in xrefs(site, "/ccb/2019/ccbp-19-70/")  # "LE1 6NB"


def test_initials_do_not_leak_into_a_meeting_where_they_mean_something_else(built):
    site, _ = built
    assert not any(href == "/people/mark-lewis/" for href, _ in xrefs(site, "/ccb/2019/ccbp-19-62/"))


def test_code_existing_links_and_urls_are_left_alone(built):
    site, _ = built
    assert xrefs(site, "/ccb/2019/ccbp-19-72/") == []
    html = (site / "ccb/2019/ccbp-19-72/index.html").read_text()
    assert "<code>CCBP/19/70</code>" in html
    assert 'href="https://example.org/"' in html


def test_references_across_bodies_resolve_by_numbering_and_by_explicit_syntax(built):
    site, _ = built
    links = xrefs(site, "/jhsc/2019/2019-09-02/item-3/")
    assert ("/ccb/2019/ccbp-19-72/", "CCBP/19/72") in links
    assert ("/ccb/2019/ccbp-19-61/", "the July decision") in links
    assert ("/ccb/2019/2019-08-22/", "CCB meeting, 22 August 2019") in links


def test_an_explicit_reference_without_words_is_shown_as_what_it_names(archive, build, tmp_path):
    """`[[person:ada-lovelace]]` reads as the person's name, not as the target the clerk wrote; words given
    after a `|` are kept."""
    edit(archive, "meetings/tb/2019-03-14/minutes.md", "There was no other business.",
         "See [[person:ada-lovelace]], [[action:TB/19/13#1]], [[tb/2019-06-20]], [[tb/2019-03-14/papers/a]], "
         "[[jc/2019-11-05/papers/05]], [[jc:2019-11-05/5.1]], [[tb:TB/19/12]] and [[tb/2019-06-20|June]].")
    out = tmp_path / "out"
    assert build(archive, out).ok
    assert xrefs(out, "/tb/2019/tb-19-15/") == [
        ("/people/ada-lovelace/", "Ada Lovelace"),
        ("/tb/actions/tb-19-13-1/", "action TB/19/13#1"),
        ("/tb/2019/2019-06-20/", "TB meeting, 20 June 2019"),  # its title (here the body's default) and date
        ("/tb/2019/2019-03-14/papers/a/", "Paper A"),  # the text's own meeting's paper
        ("/jc/2019/2019-11-05/papers/05/", "Item 05 (Joint Committee, 5 November 2019)"),  # another meeting's
        ("/jc/2019/2019-11-05/item-5-1/", "item 5.1 (Joint Committee, 5 November 2019)"),
        ("/tb/2019/tb-19-12/", "TB/19/12"),
        ("/tb/2019/2019-06-20/", "June"),
    ]


def test_an_unknown_explicit_target_is_warned_and_shown_as_the_number_alone(built):
    site, report = built
    assert any(d.path.endswith("jhsc/2019-09-02/minutes.md") and d.line == 11 and "ccb:CCBP/19/98" in d.message
               for d in report.warnings)
    text = " ".join(page(site, "/jhsc/2019/2019-09-02/item-3/").one("main").text.split())
    assert "and CCBP/19/98." in text and "ccb:" not in text, "a reader is not shown the clerk's [[body:...]] syntax"


def test_a_paper_given_by_its_title_alone_has_no_empty_front_sheet(built):
    site, _ = built
    doc = page(site, "/ccb/2019/2019-07-18/papers/c/")
    assert doc.one("h1").text.startswith("Paper C") and doc.find_all("table", class_="front-sheet") == []
    assert "Front sheet" not in doc.one("main").text


def test_plain_numbered_items_resolve_within_their_meeting(built):
    site, report = built
    assert ("/jhsc/2019/2019-09-02/item-3/", "3") in xrefs(site, "/jhsc/2019/2019-09-02/item-1/")
    assert ("references/meetings/jhsc/2019-09-02/minutes.md:6: warning: reference 'item 9' does not resolve; "
            "this meeting has no such item") in [d.format() for d in report.warnings]


def test_appendix_names_a_paper_labelled_appendix(built):
    site, _ = built
    assert ("/jhsc/2019/2019-09-02/papers/a/", "Appendix A") in xrefs(site, "/jhsc/2019/2019-09-02/item-3/")


def test_agenda_and_minutes_link_to_each_other(built):
    site, _ = built
    meeting = (site / "ccb/2019/2019-07-18/index.html").read_text()
    assert 'id="agenda-ccbp-19-60"' in meeting
    assert 'href="#item-ccbp-19-60"' in meeting  # agenda row -> minute
    assert 'href="#agenda-ccbp-19-60"' in meeting  # minute -> agenda row
    item = (site / "ccb/2019/ccbp-19-60/index.html").read_text()
    assert 'href="/ccb/2019/2019-07-18/#agenda-ccbp-19-60"' in item


def _referenced_from(site: Path, url: str) -> list[str]:
    html = (site / url.strip("/") / "index.html").read_text()
    if 'id="referenced-from"' not in html:
        return []
    section = html.split('id="referenced-from"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="([^"]+)"', section)


def test_backlinks_list_every_citing_place_newest_first(built):
    site, _ = built
    places = _referenced_from(site, "/ccb/2019/ccbp-19-61/")
    assert places == ["/jhsc/2019/2019-09-02/item-3/", "/ccb/2019/ccbp-19-70/"]


def test_meeting_and_person_pages_have_backlinks(built):
    site, _ = built
    assert "/ccb/2019/ccbp-19-70/" in _referenced_from(site, "/ccb/2019/2019-07-18/")
    assert "/ccb/2019/ccbp-19-70/" in _referenced_from(site, "/people/sarah-prema/")
    assert _referenced_from(site, "/ccb/2019/2019-08-22/papers/c/") == ["/ccb/2019/ccbp-19-71/"]


def test_dangling_references_fail_the_build_under_strict(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    result = run(Options(content=content, out=tmp_path / "site", strict=True, search=False,
                         today=dt.date(2026, 1, 1)))
    assert not result.ok
    assert not (tmp_path / "site").exists()


def test_a_number_is_not_read_as_another_bodys_from_the_end_of_the_word_before(tmp_path):
    """"minute CCBP/19/72" is CCB's minute even when another body numbers "ECCBP/{yy}/{n}": the "e" ending
    "minute" does not begin a number (spaces inside numbers are allowed, for text from PDFs)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies" / "eccb.md").write_text('---\nname: East Commissioning Board\nshort_name: ECCB\n'
                                                 'numbering: "ECCBP/{yy}/{n}"\n---\n', encoding="utf-8")
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert ("/ccb/2019/ccbp-19-72/", "CCBP/19/72") in xrefs(out, "/jhsc/2019/2019-09-02/")
    assert not any("ECCBP" in d.message or "e CCBP" in d.message for d in result.report.items)


def test_a_code_with_a_minute_number_inside_it_is_not_that_minute(tmp_path):
    """Every parish council's minutes cite planning applications (UTT/24/0876/HHF, 24/00876/FUL), which hold
    what a body numbering {yy}/{n} writes its minutes as: no link to minute 24/876, nor a warning of one."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies" / "parish.md").write_text('---\nname: Northvale Parish Council\nshort_name: NPC\n'
                                                   'numbering: "{yy}/{n}"\n---\n', encoding="utf-8")
    meeting = content / "meetings" / "parish" / "2024-05-13"
    meeting.mkdir(parents=True)
    (meeting / "meeting.md").write_text("---\nbody: parish\ndate: 2024-05-13\n---\n", encoding="utf-8")
    (meeting / "minutes.md").write_text(
        "---\nstatus: approved\n---\n## 24/876 Planning\n\nApplications UTT/24/0876/HHF, 24/00876/FUL and "
        "S62A/24/0876 were noted.\n\n## 24/877 Footpaths\n\nAs minute 24/876 said.\n", encoding="utf-8")
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert xrefs(out, "/parish/2024/24-877/") == [("/parish/2024/24-876/", "24/876")]
    assert [link for link in xrefs(out, "/parish/2024/24-876/") if "24-87" in link[0]] == []
    assert not any("24/" in d.message for d in result.report.items if "parish" in d.path)


def test_a_number_with_spaces_anywhere_inside_it_as_text_from_a_pdf_has_them_links(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    minutes = content / "meetings" / "ccb" / "2019-08-22" / "minutes.md"
    spaced = ["CCBP / 19/61", "CCBP/ 19/61", "CCBP/19 /61", "CCBP /19/ 61", "CCBP / 19 / 62"]
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(
        "stay as they are.", "stay as they are. Copied from the pack: " + "; ".join(spaced) + ".", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    found = xrefs(out, "/ccb/2019/2019-08-22/")
    assert [(f"/ccb/2019/ccbp-19-6{n[-1]}/", n) for n in spaced] == [link for link in found if link[1] in spaced]


def test_every_attendance_role_links_its_references_including_the_minute_takers(tmp_path):
    """The minute-taker's role is published like any attendee's, so what it cites links and is a backlink."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    meeting = content / "meetings" / "ccb" / "2019-08-22" / "meeting.md"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("  in_attendance:\n", "  minutes:\n    - name: Ann Clerk\n"
                                    "      role: Clerk (see CCBP/19/61)\n  in_attendance:\n", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert ("/ccb/2019/ccbp-19-61/", "CCBP/19/61") in xrefs(out, "/ccb/2019/2019-08-22/")
    assert "/ccb/2019/2019-08-22/#attendance" in _referenced_from(out, "/ccb/2019/ccbp-19-61/")


def test_a_number_written_with_another_scripts_digits_is_still_looked_for(tmp_path):
    """The scan looks for digits before it runs the regexes that find numbers (references._may_hold_digits), and
    the regexes' \\d matches any script's digits: a text whose only digits are such is read as before."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    minutes = content / "meetings" / "ccb" / "2019-08-22" / "minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nNoted CCBP/١٩/٩٩ too.\n", encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2026, 1, 1), search=False,
                         cache=False))
    assert result.ok
    assert any("reference 'CCBP/١٩/٩٩' does not resolve" in d.format() for d in result.report.warnings)


@pytest.fixture(scope="module")
def cited_later(tmp_path_factory):
    """The fixture with a later meeting of each body whose minutes cite the earlier meetings' items and papers as
    minutes do: by a list of numbers, and by the date of the meeting they were at; and a cabinet numbering its
    minutes `Minute 23/19`, its number before its year."""
    content = tmp_path_factory.mktemp("later") / "content"
    shutil.copytree(FIXTURE, content)
    for folder, meeting, minutes in (
            ("ccb/2019-09-19", "body: ccb\ndate: 2019-09-19\n",
             "## CCBP/19/80 Matters arising\n\nMinutes CCBP/19/60, 61 and 62 were recalled, as were CCBP/19/70 and 3 "
             "other items.\nPaper C of 18 July 2019 and Paper C to the meeting held on 22 August 2019 were noted;\n"
             "Paper D of 18 July 2019 was not. The meeting of 22 August approved them.\n"
             "Minute CCBP/19/71 (Paper C) and CCBP/19/61 (Paper D) were recalled too.\n"
             "The next meeting on 18 July is to be confirmed. CCBP/19/61 (Paper E) and Paper E of 18 July 2019 "
             "were not published.\n\n## CCBP/19/81 Ranges\n\nMinutes CCBP/19/70 to 72 were recalled, as were "
             "CCBP/19/62–70 and CCBP/19/90 to 92.\n\n## CCBP/19/82 Minutes in words\n\nMinutes 70 to 72 were "
             "recalled, as were minutes 60-62, minute 71 and minutes 60 and 61; minute 7.1 and minutes 5 to 7 March "
             "were not.\nMinutes 70 to 74 were recalled, and minute 90, and minute 70 of 22 August 2019.\n\n"
             "## CCBP/19/83 Actions\n\n```item\nactions:\n  - owner: {name: The clerk}\n    text: Write.\n"
             "    due: 2019-12-01\n    id: 2019/45\n```\n\nSee CCBP/19/83#2019/45.\n"),
            ("jhsc/2019-10-07", "body: jhsc\ndate: 2019-10-07\n",
             "## 1. Matters arising\n\nItem 3 of the meeting of 2 September was noted,\n"
             "and item 9 of the meeting of 2 September 2019.\n\n## 2. Work programme\n\nItems 1 and 3 of the "
             "meeting of 2 September 2019 were recalled, as were items 1 and 2 of this meeting.\n\n## 3. Ranges\n\n"
             "Items 1 to 2 were recalled, as were items 1 to 4.\n\n## 5. Minutes\n\nMinute 3 of 2 September 2019 "
             "was recalled, and minute 1 of the meeting held on 2 September 2019,\nbut not minute 9 of 2 September "
             "2019; minute 3 and minute 7.1 alone are any meeting's.\n"),
            ("cab/2019-05-02", "body: cab\ndate: 2019-05-02\n", "## Minute 23/19 Budget\n\nA.\n\n"
             "## Minute 24/19 Rents\n\nB.\n"),
            ("cab/2019-06-06", "body: cab\ndate: 2019-06-06\n", "## Minute 30/19 Matters arising\n\nMinute 23/19 "
             "to 24 was recalled, as were minutes 23 to 24, minute 24 and the minute book.\n"),
            ("cab/2024-05-02", "body: cab\ndate: 2024-05-02\n", "## Minute 23/24 Budget\n\nC.\n")):
        (content / "meetings" / folder).mkdir(parents=True)
        (content / "meetings" / folder / "meeting.md").write_text(f"---\n{meeting}---\n", encoding="utf-8")
        (content / "meetings" / folder / "minutes.md").write_text(f"---\nstatus: approved\n---\n{minutes}",
                                                                   encoding="utf-8")
    (content / "bodies" / "cab.md").write_text('---\nname: Cabinet\nshort_name: Cabinet\nnumbering: "Minute {n}/{yy}"\n'
                                               '---\n', encoding="utf-8")
    (content / "meetings" / "ccb/2019-07-18/papers/e.md").write_text(
        "---\nref: E\ntitle: Estates disposal\nconfidential: yes\n---\n", encoding="utf-8")
    (content / "meetings" / "ccb/2019-09-19/papers").mkdir()
    (content / "meetings" / "ccb/2019-09-19/papers/c.md").write_text("---\nref: C\ntitle: Estates\n---\n",
                                                                     encoding="utf-8")
    out = tmp_path_factory.mktemp("later") / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out, [d.format() for d in result.report.warnings]


def test_a_list_of_numbers_after_a_minute_number_links_each_minute_it_lists(cited_later):
    site, warnings = cited_later
    links = xrefs(site, "/ccb/2019/ccbp-19-80/")
    assert [link for link in links if "ccbp-19-6" in link[0]][:3] == [
        ("/ccb/2019/ccbp-19-60/", "CCBP/19/60"), ("/ccb/2019/ccbp-19-61/", "61"), ("/ccb/2019/ccbp-19-62/", "62")]
    # "CCBP/19/70 and 3 other items" counts items: 3 is below 70, so no minute CCBP/19/3 is looked for
    assert not [text for _, text in links if text == "3"]
    assert not [w for w in warnings if "CCBP/19/3'" in w]


def test_a_paper_named_with_its_meetings_date_links_to_that_meetings_paper(cited_later):
    site, _ = cited_later
    links = xrefs(site, "/ccb/2019/ccbp-19-80/")
    assert ("/ccb/2019/2019-07-18/papers/c/", "Paper C") in links
    assert ("/ccb/2019/2019-08-22/papers/c/", "Paper C") in links


def test_a_paper_the_dated_meeting_lacks_is_warned_with_that_meetings_papers(cited_later):
    _, warnings = cited_later
    assert ("content/meetings/ccb/2019-09-19/minutes.md:8: warning: reference 'Paper D of 18 July 2019' does not "
            "resolve; the meeting of 18 July 2019 has no paper D; its papers are: Paper A, Paper C") in warnings


def test_the_meeting_of_a_date_without_its_year_links_to_the_last_such_meeting(cited_later):
    site, _ = cited_later
    links = xrefs(site, "/ccb/2019/ccbp-19-80/")
    assert ("/ccb/2019/2019-08-22/", "22 August") in links
    # the next meeting's day is one to come, not last 18 July, whose meeting the archive has
    assert ("/ccb/2019/2019-07-18/", "18 July") not in links


def test_an_item_of_the_meeting_of_a_date_links_to_that_meetings_item(cited_later):
    site, warnings = cited_later
    assert ("/jhsc/2019/2019-09-02/item-3/", "3") in xrefs(site, "/jhsc/2019/2019-10-07/item-1/")
    assert not [w for w in warnings if "'Item 3'" in w]


def test_an_item_the_dated_meeting_lacks_is_warned_of_as_that_meetings(cited_later):
    _, warnings = cited_later
    assert ("content/meetings/jhsc/2019-10-07/minutes.md:7: warning: reference 'item 9 of the meeting of "
            "2 September 2019' does not resolve; the meeting of 2 September 2019 has no such item; its minutes are "
            "numbered 1, 3") in warnings


def test_a_paper_named_after_another_meetings_minute_links_to_that_meetings_paper(cited_later):
    """"CCBP/19/71 (Paper C)" names the paper minute CCBP/19/71 considered, at August's meeting, not the citing
    meeting's own paper C."""
    site, _ = cited_later
    links = xrefs(site, "/ccb/2019/ccbp-19-80/")
    after = links[links.index(("/ccb/2019/ccbp-19-71/", "CCBP/19/71")) + 1]
    assert after == ("/ccb/2019/2019-08-22/papers/c/", "Paper C")


def test_a_confidential_paper_of_another_meeting_is_named_without_a_link_or_a_warning(cited_later):
    site, warnings = cited_later
    assert not [link for link in xrefs(site, "/ccb/2019/ccbp-19-80/") if link[1] == "Paper E"]
    assert not [w for w in warnings if "Paper E" in w]


def test_a_paper_the_cited_minutes_meeting_lacks_is_warned_with_that_meetings_papers(cited_later):
    _, warnings = cited_later
    assert ("content/meetings/ccb/2019-09-19/minutes.md:9: warning: reference 'CCBP/19/61 (Paper D)' does not "
            "resolve; minute CCBP/19/61 of 18 July 2019 has no paper D; its meeting's papers are: Paper A, Paper C"
            ) in warnings


def test_a_list_of_items_links_each_item_of_the_meeting_it_names(cited_later):
    site, _ = cited_later
    assert xrefs(site, "/jhsc/2019/2019-10-07/item-2/") == [
        ("/jhsc/2019/2019-09-02/item-1/", "1"), ("/jhsc/2019/2019-09-02/item-3/", "3"),
        ("/jhsc/2019/2019-09-02/", "2 September 2019"),
        ("/jhsc/2019/2019-10-07/item-1/", "1"), ("/jhsc/2019/2019-10-07/item-2/", "2")]


def test_every_minute_in_a_range_lists_the_place_that_cites_the_range(cited_later):
    """Scrutiny officers follow "Minutes CCBP/19/70 to 72" to minute 71 too: it was linked from neither end."""
    site, _ = cited_later
    for minute in ("/ccb/2019/ccbp-19-70/", "/ccb/2019/ccbp-19-71/", "/ccb/2019/ccbp-19-72/",
                   "/ccb/2019/ccbp-19-62/"):
        assert "/ccb/2019/ccbp-19-81/" in _referenced_from(site, minute), minute
    assert ("/ccb/2019/ccbp-19-70/", "CCBP/19/70 to 72") in xrefs(site, "/ccb/2019/ccbp-19-81/")


def test_a_range_over_minutes_no_published_minutes_have_links_its_first_and_is_warned_naming_them(cited_later):
    """It links, to its first minute: "does not resolve" sent the clerk looking for a reference that was broken."""
    site, warnings = cited_later
    assert ("/ccb/2019/ccbp-19-62/", "CCBP/19/62–70") in xrefs(site, "/ccb/2019/ccbp-19-81/")
    assert ("content/meetings/ccb/2019-09-19/minutes.md:14: warning: reference 'CCBP/19/62–70' takes in CCBP/19/63 "
            "to 69, which no published minute (or agenda) has; check the numbers at its ends, or cite the minutes "
            "it means one by one") in warnings


def test_a_range_none_of_whose_minutes_are_published_does_not_resolve(cited_later):
    site, warnings = cited_later
    assert not [text for _, text in xrefs(site, "/ccb/2019/ccbp-19-81/") if "90" in text]
    assert ("content/meetings/ccb/2019-09-19/minutes.md:14: warning: reference 'CCBP/19/90 to 92' does not resolve; "
            "it takes in CCBP/19/90 to 92, which no published minute (or agenda) has; check the numbers at its "
            "ends, or cite the minutes it means one by one") in warnings


def test_a_range_of_items_of_a_body_numbering_per_meeting_links_its_first_and_cites_every_item_in_it(cited_later):
    site, warnings = cited_later
    assert xrefs(site, "/jhsc/2019/2019-10-07/item-3/") == [
        ("/jhsc/2019/2019-10-07/item-1/", "1 to 2"), ("/jhsc/2019/2019-10-07/item-1/", "1 to 4")]
    assert "/jhsc/2019/2019-10-07/item-3/" in _referenced_from(site, "/jhsc/2019/2019-10-07/item-2/")
    assert ("content/meetings/jhsc/2019-10-07/minutes.md:15: warning: reference 'items 1 to 4' takes in item 4, "
            "which this meeting has none of; check the numbers at its ends, or cite the items it means one by one"
            ) in warnings


def test_minutes_in_words_link_the_bodys_minutes_of_the_year_the_meeting_numbers_in(cited_later):
    """"Minutes 70 to 72" in minutes numbered CCBP/19/...: one link for the range, as CCBP/19/70 to 72 has, a list
    and a single number each to their own; a number with a part ("7.1") and a day of a month ("5 to 7 March") are
    no such numbers."""
    site, _ = cited_later
    assert xrefs(site, "/ccb/2019/ccbp-19-82/") == [
        ("/ccb/2019/ccbp-19-70/", "70 to 72"), ("/ccb/2019/ccbp-19-60/", "60-62"), ("/ccb/2019/ccbp-19-71/", "71"),
        ("/ccb/2019/ccbp-19-60/", "60"), ("/ccb/2019/ccbp-19-61/", "61"), ("/ccb/2019/ccbp-19-70/", "70 to 74"),
        ("/ccb/2019/ccbp-19-70/", "70")]
    for minute in ("/ccb/2019/ccbp-19-70/", "/ccb/2019/ccbp-19-71/", "/ccb/2019/ccbp-19-72/",
                   "/ccb/2019/ccbp-19-61/", "/ccb/2019/ccbp-19-62/"):
        assert "/ccb/2019/ccbp-19-82/" in _referenced_from(site, minute), minute


def test_a_range_in_words_over_minutes_no_published_minutes_have_is_warned_naming_them(cited_later):
    """Not "minute 90", on the same line: the words "minute 5" are not always a minute's number, so one no minute
    has is left as text, without a warning."""
    _, warnings = cited_later
    assert [w for w in warnings if "ccb/2019-09-19/minutes.md:19:" in w] == [
        "content/meetings/ccb/2019-09-19/minutes.md:19: warning: reference 'Minutes 70 to 74' takes in CCBP/19/73 "
        "to 74, which no published minute (or agenda) has; check the numbers at its ends, or cite the minutes it "
        "means one by one"]


def test_a_minute_numbered_per_meeting_links_with_its_meetings_date_and_never_alone(cited_later):
    """"Minute 3" alone, in a body numbering each meeting's minutes afresh, may be this meeting's or any other's:
    it is left as text. With the meeting's date it is that meeting's."""
    site, warnings = cited_later
    assert xrefs(site, "/jhsc/2019/2019-10-07/item-5/") == [
        ("/jhsc/2019/2019-09-02/item-3/", "3"), ("/jhsc/2019/2019-09-02/item-1/", "1"),
        ("/jhsc/2019/2019-09-02/", "2 September 2019")]
    assert not [text for _, text in xrefs(site, "/ccb/2019/ccbp-19-82/") if "7.1" in text]


def test_a_minute_the_dated_meeting_lacks_is_warned_of_as_that_meetings(cited_later):
    _, warnings = cited_later
    assert ("content/meetings/jhsc/2019-10-07/minutes.md:20: warning: reference 'minute 9 of 2 September 2019' does "
            "not resolve; the meeting of 2 September 2019 has no such minute; its minutes are numbered 1, 3") in warnings


def test_a_number_after_a_number_whose_year_comes_last_is_no_minute_of_another_year(cited_later):
    """"Minute 23/19 to 24" of a body numbering `Minute {n}/{yy}` was read as Minute 23/19 and Minute 23/24, a
    minute of 2024 it does not name."""
    site, _ = cited_later
    links = xrefs(site, "/cab/2019/minute-30-19/")
    assert ("/cab/2019/minute-23-19/", "Minute 23/19") in links
    assert not [link for link in links if "2024" in link[0]]


def test_a_bodys_minutes_in_words_link_whatever_its_pattern(cited_later):
    site, _ = cited_later
    assert xrefs(site, "/cab/2019/minute-30-19/")[1:] == [
        ("/cab/2019/minute-23-19/", "23"), ("/cab/2019/minute-24-19/", "24"), ("/cab/2019/minute-24-19/", "24")]


def test_the_word_a_bodys_numbers_start_with_is_no_incomplete_number(cited_later):
    """A body numbering `Minute 23/19` had every "minute" in the archive warned of as an incomplete number."""
    _, warnings = cited_later
    assert not [w for w in warnings if "reference 'minute'" in w.lower()]


def test_an_action_whose_id_has_a_slash_as_a_trusts_own_numbering_links_from_the_text(cited_later):
    """`id: 2019/45` is taken, and its page is made; "CCBP/19/83#2019/45" in the text was read as the action
    CCBP/19/83#2019, which the minute did not raise, and warned of."""
    site, warnings = cited_later
    assert xrefs(site, "/ccb/2019/ccbp-19-83/") == [("/ccb/actions/ccbp-19-83-2019-45/", "CCBP/19/83#2019/45")]
    assert not [w for w in warnings if "'CCBP/19/83#" in w]


@pytest.fixture(scope="module")
def items_cited(tmp_path_factory):
    """The joint committee's meeting (numbered per meeting: items 1, 3 and 3a) naming its items in words, as lists,
    and as a pack's parts of an item: 3(a), 3a."""
    content = tmp_path_factory.mktemp("items") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "meetings/jhsc/2019-09-02/minutes.md").write_text(
        "---\nstatus: approved\n---\n## 1. Apologies\n\nItems 5 and 6 were deferred.\nItems 3, 4 and 5 were taken "
        "together.\n\n## 3. Community services redesign\n\nItem 3a, item 3(a) and item 1(b) were noted.\n"
        "Item 1b was not.\n\n## 3a. Community services: the pilot\n\nNoted.\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("items") / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out, [d.format() for d in result.report.warnings if "jhsc" in d.format()]


JHSC = "/jhsc/2019/2019-09-02/"
JHSC_MINUTES = "content/meetings/jhsc/2019-09-02/minutes.md"


def test_a_list_of_items_the_meeting_has_none_of_is_one_warning_naming_the_list_as_written(items_cited):
    """"Items 5 and 6" was told as two references, 'Items 5' and 'item 6', neither of which the clerk wrote."""
    _, warnings = items_cited
    assert f"{JHSC_MINUTES}:6: warning: reference 'Items 5 and 6' does not resolve; this meeting has no item 5 or 6" \
        in warnings
    assert not [w for w in warnings if "'Items 5'" in w or "'item 6'" in w]


def test_a_list_of_items_the_meeting_has_some_of_links_them_and_is_one_warning_naming_those_it_lacks(items_cited):
    site, warnings = items_cited
    assert (JHSC + "item-3/", "3") in xrefs(site, JHSC + "item-1/")
    assert f"{JHSC_MINUTES}:7: warning: reference 'Items 3, 4 and 5' names items 4 and 5, which this meeting has " \
        "none of; check their numbers" in warnings
    assert not [w for w in warnings if "'item 4'" in w or "'item 5'" in w]


def test_an_item_numbered_with_a_letter_links_the_meetings_item_of_that_number(items_cited):
    """"Item 3a" was left as text without a word, the letter not read as part of the number."""
    site, _ = items_cited
    assert (JHSC + "item-3a/", "3a") in xrefs(site, JHSC + "item-3/")


def test_an_item_with_a_part_in_brackets_links_the_item_the_minutes_number_so_else_the_item_with_its_part(
        items_cited):
    """"item 3(a)" linked its 3 to item 3, though the minutes head the pack's item 3(a) `## 3a.`; item 1 has no
    such heading, so "item 1(b)" is item 1's, the part linked with its number, as `24/007(a)` is."""
    site, _ = items_cited
    links = xrefs(site, JHSC + "item-3/")
    assert (JHSC + "item-3a/", "3(a)") in links
    assert (JHSC + "item-1/", "1(b)") in links
    assert not [link for link in links if link[1] in ("3", "1")]


def test_an_item_numbered_with_a_letter_the_meeting_has_only_the_number_of_is_told_how_to_name_its_part(
        items_cited):
    _, warnings = items_cited
    assert f"{JHSC_MINUTES}:12: warning: reference 'Item 1b' does not resolve; this meeting has no item 1b, but has " \
        "an item 1: for its part (b), write item 1(b)" in warnings


def _built_with(content: Path, meetings) -> tuple[Path, list[str]]:
    """(site, warnings) of `content` built with each (body/date folder, approved minutes) added as a meeting, or
    (folder, more of the minutes' frontmatter, minutes)."""
    for folder, *front, minutes in meetings:
        front = front[0] if front else ""
        (content / "meetings" / folder).mkdir(parents=True, exist_ok=True)  # its papers/ may be there
        body, day = folder.split("/")
        (content / "meetings" / folder / "meeting.md").write_text(f"---\nbody: {body}\ndate: {day}\n---\n",
                                                                  encoding="utf-8")
        (content / "meetings" / folder / "minutes.md").write_text(f"---\nstatus: approved\n{front}---\n{minutes}",
                                                                   encoding="utf-8")
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date(2026, 1, 1), search=False, cache=False))
    assert result.ok, [d.format() for d in result.report.items]
    return out, [d.format() for d in result.report.warnings]


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory):
    """A cabinet numbering `Minute {n}/{yy}` (Minute 23/19, 2019's 23rd) and a parish council numbering `{yy}/{n}`
    (23/19, 2023's 19th): each number of one is a number of the other with the word "Minute" before or without it;
    each body's minutes cite their own minutes so."""
    content = tmp_path_factory.mktemp("overlapping") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies/cab.md").write_text('---\nname: Cabinet\nshort_name: Cabinet\nnumbering: "Minute {n}/{yy}"\n---\n',
                                           encoding="utf-8")
    (content / "bodies/pc.md").write_text('---\nname: Parish Council\nshort_name: PC\nnumbering: "{yy}/{n}"\n---\n',
                                          encoding="utf-8")
    return _built_with(content, (
            ("cab/2019-05-02", "## Minute 23/19 Budget\n\nA.\n\n## Minute 24/19 Rents\n\nB.\n"),
            ("cab/2019-06-06", "## Minute 30/19 Matters arising\n\nAs 23/19 resolved; 23/20 is the parish's.\n"),
            ("pc/2023-05-04", "## 23/19 Budget\n\nA.\n\n## 23/20 Grants\n\nB.\n"),
            ("pc/2023-06-01", "## 23/30 Matters arising\n\nMinute 23/19 was recalled; Minute 24/19 is the cabinet's.\n"
                              "Minute 23/21 is no minute.\n")))


@pytest.fixture(scope="module")
def actions_in_words(tmp_path_factory):
    """The fixture with a CCB meeting raising actions a trust's way, numbered A23, CCB-A30 (its short name before
    the number) and A40 (again at a later meeting, numbering afresh), and later minutes of each body naming them
    in words, as "minute 71" is named."""
    content = tmp_path_factory.mktemp("actions") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies/jc.md").write_text("---\nname: Joint Committee\nshort_name: JC\nnumbering: per-meeting\n---\n",
                                          encoding="utf-8")
    with (content / "people.yaml").open("a", encoding="utf-8") as people:
        people.write("dan-fox:\n  name: Dan Fox\n  roles:\n    - title: Director of Finance\n")
    action = "  - owner: {{name: The clerk}}\n    text: {}\n    due: 2020-03-01\n    id: {}\n"
    return _built_with(content, (
            ("ccb/2019-09-19", "## CCBP/19/80 Estates\n\n```item\nactions:\n"
             + action.format("Write.", "A23") + action.format("Visit.", "CCB-A30") + action.format("Ask.", "A40")
             + "```\n\nDiscussed.\n"),
            ("ccb/2019-10-17", "## CCBP/19/90 Action log\n\nAction A23 remains open; see action CCB-A23, action A30 "
             "and action A40.\nAction A24 was not raised.\n"),
            ("ccb/2019-11-21", "## CCBP/19/95 Action log\n\nAction A40 was closed; action 2 and the action plan "
             "were not.\n\n## CCBP/19/96 Later\n\n```item\nactions:\n" + action.format("Ask again.", "A40")
             + "```\n\nDiscussed.\n"),
            ("jhsc/2019-10-07", "## 1. Matters arising\n\nThe committee noted action CCB-A23, and action B7 of the "
             "recovery plan.\n"),
            ("ccb/2019-12-05", "## CCBP/19/97 Action log\n\nActions A23 and A30 remain open; actions A23, CCB-A30 and "
             "A40 were noted.\n\nActions A39–A41 were closed.\n\nActions A23 and A24 were noted.\n\nActions A24 and "
             "A25 were noted.\n\nAction A41: JS to circulate the report by 1 March 2020.\n\n"
             "Action A42: jc to write to the parents by 1 March 2020.\n\n"
             "Action A43: Director of Finance to circulate the budget by 1 March 2020.\n\n"
             "Action A44: director of finance to circulate the accounts.\n\n"
             "Action A45: Director of Fnance to circulate the plan by 1 March 2020.\n")))


def test_minute_and_a_number_of_a_body_numbering_yy_n_in_its_own_minutes_links_its_own_minute(overlapping):
    """"Minute 23/19" in the parish council's minutes is its own 23/19 after the word "Minute": it linked the
    cabinet's Minute 23/19, the longer pattern's, whichever body's minutes it was in."""
    site, _ = overlapping
    assert xrefs(site, "/pc/2023/23-30/")[0] == ("/pc/2023/23-19/", "23/19")


def test_a_number_written_without_the_word_beginning_its_bodys_pattern_in_its_own_minutes_links_its_own(
        overlapping):
    """"23/19" in the cabinet's minutes of June 2019 is its own Minute 23/19: it linked the parish council's minute
    of 2023."""
    site, _ = overlapping
    assert xrefs(site, "/cab/2019/minute-30-19/")[0] == ("/cab/2019/minute-23-19/", "23/19")


def test_a_number_of_the_other_body_alone_links_the_other_bodys_minute(overlapping):
    """Where only the other body has the minute, the text cites that body's: the cabinet has no Minute 23/20 and the
    parish council no 24/19. (Each linked so before.)"""
    site, _ = overlapping
    assert ("/pc/2023/23-20/", "23/20") in xrefs(site, "/cab/2019/minute-30-19/")
    assert ("/cab/2019/minute-24-19/", "Minute 24/19") in xrefs(site, "/pc/2023/23-30/")


def test_a_number_neither_body_has_is_warned_of_as_a_number_of_the_texts_own_body(overlapping):
    """"Minute 23/21" in the parish council's minutes was warned of as the cabinet's, with its numbers nearest."""
    _, warnings = overlapping
    assert "content/meetings/pc/2023-06-01/minutes.md:7: warning: reference '23/21' does not resolve; nearest " \
        "existing: 23/19, 23/20, 23/30" in warnings
    assert not [w for w in warnings if "'Minute 23/21'" in w]


def test_an_action_named_in_words_by_its_id_links_to_its_page_with_its_bodys_name_before_it_or_not(actions_in_words):
    """"Action A23 remains open", as a trust's minutes name the action its log numbers A23 (`id: A23`): it was text,
    where "minute 71" links. Written with the body's short name (CCB-A23), or given it in `id:` (CCB-A30) and
    named without it, it is the same action; of two A40s, the one raised at the text's meeting or before it."""
    site, _ = actions_in_words
    assert xrefs(site, "/ccb/2019/ccbp-19-90/") == [
        ("/ccb/actions/ccbp-19-80-a23/", "A23"), ("/ccb/actions/ccbp-19-80-a23/", "CCB-A23"),
        ("/ccb/actions/ccbp-19-80-ccb-a30/", "A30"), ("/ccb/actions/ccbp-19-80-a40/", "A40")]
    assert xrefs(site, "/ccb/2019/ccbp-19-95/") == [("/ccb/actions/ccbp-19-96-a40/", "A40")]
    assert "/ccb/2019/ccbp-19-90/" in _referenced_from(site, "/ccb/actions/ccbp-19-80-a23/")


def test_another_bodys_action_named_in_words_with_its_bodys_name_links_to_its_page(actions_in_words):
    site, _ = actions_in_words
    assert xrefs(site, "/jhsc/2019/2019-10-07/item-1/") == [("/ccb/actions/ccbp-19-80-a23/", "CCB-A23")]


def test_an_action_named_in_words_by_an_id_its_body_gave_no_action_is_warned_of_with_the_nearest(actions_in_words):
    """In a body that numbers its actions so; "action B7 of the recovery plan", in a body naming none of its
    actions by letters and digits, is a plan's, and left as text without a warning, as "action 2" is."""
    _, warnings = actions_in_words
    assert [w for w in warnings if "action" in w.lower() and "2019-12-05" not in w] == [
        "content/meetings/ccb/2019-10-17/minutes.md:7: warning: reference 'Action A24' does not resolve; no published "
        "action of CCB has the id A24 (nearest existing: CCBP/19/80#A23, CCBP/19/80#CCB-A30, CCBP/19/80#A40): give "
        "the action `id: A24` under `actions:` in the ```item block of the minute that raised it, or name the one "
        "meant"]


@pytest.fixture(scope="module")
def met_that_day(tmp_path_factory):
    """Three bodies that met on 5 March 2020 (the joint committee, a Health Scrutiny Committee, both numbering per
    meeting, and CCB numbering CCBP/{yy}/{n}), and later minutes citing their minutes by the meeting's date, with
    the body named or not; meetings whose minutes say which meeting approved them, and minutes approving them by
    'the last meeting', by a date, and by 'the Special Meeting held on ...'."""
    content = tmp_path_factory.mktemp("met") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "bodies/hsc.md").write_text("---\nname: Health Scrutiny Committee\nshort_name: HSC\n"
                                           "numbering: per-meeting\n---\n", encoding="utf-8")
    jhsc = content / "meetings/jhsc/2019-09-02/minutes.md"
    jhsc.write_text(jhsc.read_text(encoding="utf-8").replace("status: approved\n", "status: approved\n"
                                                             "approved_at: jhsc/2019-10-21\n"), encoding="utf-8")
    approved = "approved_at: {}\n"
    return _built_with(content, (
            ("hsc/2020-03-05", "", "## 1. Welcome\n\nA.\n\n## 12. Stroke services\n\nB.\n"),
            ("jhsc/2020-03-05", "", "## 1. Welcome\n\nA.\n\n## 5. Budget\n\nB.\n"),
            ("ccb/2020-03-05", "", "## CCBP/20/10 Welcome\n\nA.\n\n## CCBP/20/11 Budget\n\nB.\n"),
            ("jhsc/2020-04-02", "", "## 1. Matters arising\n\n"
             "Minute 5 of 5 March 2020 was recalled, and minute 12 of the Health Scrutiny Committee on 5 March 2020.\n"
             "Minute 11 of the CCB meeting of 5 March 2020 was noted, and item 5 of the Joint Health Scrutiny "
             "Committee's meeting of 5 March 2020.\n"
             "Minute 12 of 5 March 2020 is the other committee's.\n"
             "Minute 3 of 6 March 2020 was not held, nor minute 13 of the Health Scrutiny Committee on 5 March 2020.\n"
             "Item 4 of the Local Plan on 5 March 2020 and minute 1 of the Governing Body on 5 March 2020 are not "
             "ours.\nMinute 1 of the Scrutiny Committee on 5 March 2020 is ours.\n\n## 4. Any other business\n\nNone.\n"),
            ("ccb/2020-04-02", "", "## CCBP/20/20 Matters arising\n\n"
             "Minute 12 of the Health Scrutiny Committee on 5 March 2020 was noted, and minute 11 of 5 March 2020.\n"
             "Minute 15 of 5 March 2020 was not, nor minute 11 of 6 March 2020.\n"
             "Minute 10 of the Scrutiny Committee on 5 March 2020 is not ours.\n"),
            ("ccb/2019-09-19", approved.format("ccb/2019-10-17"), "## CCBP/19/80 Estates\n\nNoted.\n"),
            ("ccb/2019-10-17", "", "## CCBP/19/90 Minutes of the last meeting\n\n"
             "The minutes of the previous meeting were approved, and progress since the last meeting was noted.\n"
             "The last meeting of the year is on 12 December; the last meeting in March was cancelled.\n"),
            ("jhsc/2019-09-16", approved.format("jhsc/2019-10-21"), "## 1. Special business\n\nA.\n"),
            ("jhsc/2019-10-21", "", "## 1. Minutes of the previous meetings\n\n"
             "The minutes of the meeting held on 2 September 2019 and the Special Meeting held on 16 September 2019 "
             "were approved;\nthose of the last meeting were signed. The CCB meeting of 22 August 2019 was noted.\n"
             "Minute 1 of the Special Meeting held on 16 September 2019 was recalled.\n")))


JHSC_APRIL, CCB_APRIL = "/jhsc/2020/2020-04-02/item-1/", "/ccb/2020/ccbp-20-20/"


def test_a_minute_of_another_body_named_with_its_meetings_date_links_to_that_bodys_minute(met_that_day):
    """"minute 12 of the Health Scrutiny Committee on 5 March 2020": the committee's minute 12, and its meeting's
    page for the date; the date of "the CCB meeting of 5 March 2020" linked the joint committee's meeting of that
    day, the body whose minutes it was in, and the minute was not read."""
    site, _ = met_that_day
    assert xrefs(site, JHSC_APRIL)[1:7] == [
        ("/hsc/2020/2020-03-05/item-12/", "12"), ("/hsc/2020/2020-03-05/", "5 March 2020"),
        ("/ccb/2020/ccbp-20-11/", "11"), ("/ccb/2020/2020-03-05/", "5 March 2020"),
        ("/jhsc/2020/2020-03-05/item-5/", "5"), ("/jhsc/2020/2020-03-05/", "5 March 2020")]
    assert xrefs(site, CCB_APRIL)[:2] == [("/hsc/2020/2020-03-05/item-12/", "12"),
                                          ("/hsc/2020/2020-03-05/", "5 March 2020")]


def test_a_minute_cited_by_its_date_alone_is_the_texts_own_bodys_where_several_bodies_met_that_day(met_that_day):
    site, _ = met_that_day
    assert xrefs(site, JHSC_APRIL)[0] == ("/jhsc/2020/2020-03-05/item-5/", "5")
    assert ("/ccb/2020/ccbp-20-11/", "11") in xrefs(site, CCB_APRIL)


def test_words_naming_no_body_of_the_archive_or_several_are_no_minute_of_the_texts_body_nor_item_of_its_meeting(
        met_that_day):
    """"Item 4 of the Local Plan on 5 March 2020" linked the meeting's own item 4, and "Minute 10 of the Scrutiny
    Committee on 5 March 2020" (two committees' names end so) CCB's own minute 10; words that could be the text's
    own body's are its own."""
    site, warnings = met_that_day
    assert xrefs(site, "/jhsc/2020/2020-04-02/item-4/") == []
    assert not [link for link in xrefs(site, CCB_APRIL) if link[1] == "10"]
    assert xrefs(site, JHSC_APRIL)[8:] == [("/jhsc/2020/2020-03-05/item-1/", "1"),
                                           ("/jhsc/2020/2020-03-05/", "5 March 2020")]
    assert not [w for w in warnings if "Local Plan" in w or "Governing Body" in w or "Scrutiny Committee on" in w
                and "minute 13" not in w]


def test_a_day_the_body_held_no_meeting_on_is_warned_of_with_its_meetings_nearest_it(met_that_day):
    _, warnings = met_that_day
    assert ("content/meetings/jhsc/2020-04-02/minutes.md:9: warning: reference 'minute 3 of 6 March 2020' does not "
            "resolve; JHSC held no meeting on 6 March 2020 (its meetings nearest it: 5 March 2020 and 2 April 2020)"
            ) in warnings
    assert ("content/meetings/ccb/2020-04-02/minutes.md:7: warning: reference 'minute 11 of 6 March 2020' does not "
            "resolve; CCB held no meeting on 6 March 2020 (its meetings nearest it: 5 March 2020 and 2 April 2020)"
            ) in warnings


def test_the_meetings_nearest_a_day_of_no_meeting_say_which_a_minutes_link_would_not_reach(tmp_path):
    """The hint named a meeting whose minutes are a draft as one to cite, which would be warned of again, and said
    nothing of the private meeting beside the day, likely the one meant, whose minutes no link reaches either."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    private = content / "meetings/ccb/2019-10-01-private"
    private.mkdir(parents=True)
    (private / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-10-01\nsession: private\n---\n", encoding="utf-8")
    (private / "minutes.md").write_text("---\nstatus: approved\n---\n## CCBP/19/80 Estates\n\nA.\n", encoding="utf-8")
    draft = content / "meetings/ccb/2019-10-10"
    draft.mkdir(parents=True)
    (draft / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-10-10\n---\n", encoding="utf-8")
    (draft / "minutes.md").write_text("---\nstatus: draft\n---\n## CCBP/19/85 Estates\n\nA.\n", encoding="utf-8")
    _, warnings = _built_with(content, (
        ("ccb/2019-11-21", "## CCBP/19/100 Matters arising\n\nMinute 5 of 3 October 2019 was noted.\n"),))
    assert [w for w in warnings if "2019-11-21/minutes.md" in w] == [
        "content/meetings/ccb/2019-11-21/minutes.md:6: warning: reference 'Minute 5 of 3 October 2019' does not "
        "resolve; CCB held no meeting on 3 October 2019 (its meetings nearest it: 22 August 2019 and 10 October 2019; "
        "the minutes of 10 October 2019 are a draft, which no link reaches until approved; its meeting of 1 October "
        "2019 was held in private, which no link reaches)"]


def test_a_number_the_dated_meeting_lacks_is_warned_of_with_its_numbers_and_the_body_whose_meeting_has_it(
        met_that_day):
    _, warnings = met_that_day
    assert ("content/meetings/jhsc/2020-04-02/minutes.md:8: warning: reference 'minute 12 of 5 March 2020' does not "
            "resolve; the meeting of 5 March 2020 has no such minute; its minutes are numbered 1, 5; HSC's meeting "
            "that day has a minute 12: to cite it, name the body, 'minute 12 of the HSC meeting of 5 March 2020'"
            ) in warnings
    assert ("content/meetings/jhsc/2020-04-02/minutes.md:9: warning: reference 'minute 13 of the Health Scrutiny "
            "Committee on 5 March 2020' does not resolve; the HSC meeting of 5 March 2020 has no such minute; its "
            "minutes are numbered 1, 12") in warnings
    assert ("content/meetings/ccb/2020-04-02/minutes.md:7: warning: reference 'Minute 15 of 5 March 2020' does not "
            "resolve; the meeting of 5 March 2020 has no such minute; its minutes are numbered CCBP/20/10 to 11"
            ) in warnings


def test_the_last_meeting_links_the_meeting_whose_minutes_the_texts_meeting_approved(met_that_day):
    """Not "the last meeting of the year" nor "the last meeting in March", which are no meeting before this one."""
    site, _ = met_that_day
    assert xrefs(site, "/ccb/2019/ccbp-19-90/") == [
        ("/ccb/2019/2019-09-19/", "last meeting"), ("/ccb/2019/2019-09-19/", "previous meeting"),
        ("/ccb/2019/2019-09-19/", "last meeting")]


def test_a_special_meeting_and_another_bodys_meeting_named_by_their_dates_link_to_those_meetings(met_that_day):
    """"the Special Meeting held on 16 September 2019", as an agenda's item approving minutes writes it, was not
    read for its capital; "the CCB meeting of 22 August 2019" was looked for among the committee's own meetings.
    "The last meeting" of a meeting that approved two meetings' minutes is neither's. A minute of the Special
    Meeting is of that meeting of the text's own body."""
    site, _ = met_that_day
    assert xrefs(site, "/jhsc/2019/2019-10-21/item-1/") == [
        ("/jhsc/2019/2019-09-02/", "2 September 2019"), ("/jhsc/2019/2019-09-16/", "16 September 2019"),
        ("/ccb/2019/2019-08-22/", "22 August 2019"), ("/jhsc/2019/2019-09-16/item-1/", "1"),
        ("/jhsc/2019/2019-09-16/", "16 September 2019")]


def test_actions_listed_in_words_each_link_their_action(actions_in_words):
    """"Actions A23 and A30", "actions A23, CCB-A30 and A40": each id links its action, as "items 5 and 6" link
    each item; "Actions" was not read at all, and "action A23 and A24" linked A23 alone."""
    site, _ = actions_in_words
    assert xrefs(site, "/ccb/2019/ccbp-19-97/")[:5] == [
        ("/ccb/actions/ccbp-19-80-a23/", "A23"), ("/ccb/actions/ccbp-19-80-ccb-a30/", "A30"),
        ("/ccb/actions/ccbp-19-80-a23/", "A23"), ("/ccb/actions/ccbp-19-80-ccb-a30/", "CCB-A30"),
        ("/ccb/actions/ccbp-19-96-a40/", "A40")]


def test_a_range_of_action_ids_links_once_cites_each_action_in_it_and_warns_of_the_ids_no_action_has(
        actions_in_words):
    """"Actions A39–A41", as "CCBP/19/70–72" is read: one link, to the first action in it, each action in it
    cited, and one warning naming the ids no action has."""
    site, warnings = actions_in_words
    assert ("/ccb/actions/ccbp-19-96-a40/", "A39–A41") in xrefs(site, "/ccb/2019/ccbp-19-97/")
    assert "/ccb/2019/ccbp-19-97/" in _referenced_from(site, "/ccb/actions/ccbp-19-96-a40/")
    assert "content/meetings/ccb/2019-12-05/minutes.md:8: warning: reference 'Actions A39–A41' takes in A39 and " \
        "A41, which no published action of CCB has; check the ids at its ends, or name the actions it means one by " \
        "one" in warnings


NEAREST = "nearest existing: CCBP/19/80#A23, CCBP/19/80#CCB-A30, CCBP/19/80#A40"


def test_a_list_of_action_ids_naming_one_no_action_has_links_the_others_and_warns_once_of_it(actions_in_words):
    site, warnings = actions_in_words
    assert ("/ccb/actions/ccbp-19-80-a23/", "A23") in xrefs(site, "/ccb/2019/ccbp-19-97/")[6:]
    assert "content/meetings/ccb/2019-12-05/minutes.md:10: warning: reference 'Actions A23 and A24' names A24, which " \
        "no published action of CCB has; give the action `id: A24` under `actions:` in the ```item block of the " \
        f"minute that raised it, or name the one meant ({NEAREST})" in warnings


def test_a_list_of_action_ids_no_action_has_is_one_warning_naming_the_words_written(actions_in_words):
    """As "items 5 and 6" of a meeting with neither is one warning, not one for "A24" and another for "A25"."""
    _, warnings = actions_in_words
    assert [w for w in warnings if "2019-12-05/minutes.md:12:" in w] == [
        "content/meetings/ccb/2019-12-05/minutes.md:12: warning: reference 'Actions A24 and A25' does not resolve; no "
        "published action of CCB has the id A24 or A25: give each action its `id:` under `actions:` in the ```item "
        f"block of the minute that raised it, or name the one meant ({NEAREST})"]


def test_an_action_line_giving_an_id_no_action_has_yet_is_not_also_warned_of_as_a_reference(actions_in_words):
    """"Action A41: JS to circulate the report", a line raising the action with its id: the action line's warning
    gives the `id:` to write with its owner and due date (test_action_lines); "reference 'Action A41' does not
    resolve" said the same of it again."""
    _, warnings = actions_in_words
    assert [w.split(": warning: ")[1][:50] for w in warnings if "2019-12-05/minutes.md:14:" in w] == [
        "'Action A41: JS to circulate the report by 1 March"]


def test_an_action_line_naming_a_body_by_its_slug_with_an_id_no_action_has_yet_is_one_warning(actions_in_words):
    """"Action A42: jc to write to the parents", its owner the joint committee by its file's name in lower case:
    it was told twice, as an action line and as "reference 'Action A42' does not resolve"."""
    _, warnings = actions_in_words
    assert [w.split(": warning: ")[1][:50] for w in warnings if "2019-12-05/minutes.md:16:" in w] == [
        "'Action A42: jc to write to the parents by 1 March"]


def test_an_action_line_naming_its_owner_by_a_post_with_an_id_no_action_has_yet_is_one_warning(actions_in_words):
    """"Action A43: Director of Finance to circulate the budget", its owner a post the register gives (in lower
    case too), and "Action A45: Director of Fnance ... by 1 March 2020", told as an action line for its due date:
    each was told twice, as an action line and as "reference 'Action A43' does not resolve"."""
    _, warnings = actions_in_words
    assert [w.split(": warning: ")[1][:49] for w in warnings
            if any(f"2019-12-05/minutes.md:{line}:" in w for line in (18, 20, 22))] == [
        "'Action A43: Director of Finance to circulate the", "'Action A44: director of finance to circulate the",
        "'Action A45: Director of Fnance to circulate the "]


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    """CCB's meetings of 2019 (March, May, two in June of which one private, July, August, October, November, two in
    December; the joint committee's in September), and the minutes of November's citing meetings by their month,
    the last meeting in capitals, and papers whose titles cite minutes and meetings; January 2020's citing
    meetings held by their month ("the last meeting in December", "at its meeting in March 2019")."""
    content = tmp_path_factory.mktemp("months") / "content"
    shutil.copytree(FIXTURE, content)
    private = content / "meetings/ccb/2019-06-20"
    private.mkdir(parents=True)
    (private / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-06-20\nsession: private\n---\n", encoding="utf-8")
    papers = content / "meetings/ccb/2019-11-21/papers"
    papers.mkdir(parents=True)
    (papers / "d.md").write_text("---\nref: D\ntitle: Response to minute CCBP/19/70 and the July 2019 meeting\n---\n"
                                 "The response.\n", encoding="utf-8")
    (papers / "e.md").write_text("---\nref: E\ntitle: Update on CCBP/19/97\n---\nThe update.\n", encoding="utf-8")
    (papers / "appendix-2.md").write_text('---\nref: "2"\nlabel: Appendix\ntitle: Appendix 2 to Paper D\n---\n'
                                          "The appendix.\n", encoding="utf-8")
    return _built_with(content, (
        ("ccb/2019-03-21", "## CCBP/19/20 Estates\n\nA.\n"),
        ("ccb/2019-05-16", "## CCBP/19/40 Estates\n\nA.\n"),
        ("ccb/2019-06-06", "## CCBP/19/50 Estates\n\nA.\n"),
        ("ccb/2019-10-17", "approved_at: ccb/2019-11-21\n", "## CCBP/19/90 Estates\n\nA.\n"),
        ("ccb/2019-11-21", "", "## CCBP/19/100 MINUTES OF PREVIOUS MEETING\n\n"
         "The MINUTES OF THE PREVIOUS MEETING were approved. THE LAST MEETING OF THE YEAR is in December.\n\n"
         "## CCBP/19/101 Matters arising\n\n"
         "As agreed at the July 2019 meeting, the meeting held in August 2019, the May 2019 meeting, the July meeting, "
         "the Public Commissioning Collaborative Board meeting held in October and the JHSC meeting in September.\n\n"
         "### MINUTES OF PREVIOUS MEETING\n\nSigned.\n\n"
         "## CCBP/19/102 Months of several meetings or none\n\n"
         "The June meeting, the December meeting, the meeting in September, the November meeting, the meeting in "
         "March and the May meeting.\n\n"
         "## CCBP/19/103 Months of no meeting of the body\n\n"
         "Governing Bodies in July 2019; the next meeting in July; the Provider Board meeting in July; the meeting in "
         "July of the Health and Wellbeing Board; the July meeting with NHS England; a meeting in July.\n"),
        ("ccb/2019-12-05", "## CCBP/19/110 Estates\n\nA.\n"),
        ("ccb/2019-12-19", "## CCBP/19/120 Estates\n\nA.\n"),
        ("ccb/2020-01-16", "## CCBP/20/1 Months held\n\n"
         "The last meeting in December was noted. The Board, at its meeting in March 2019, agreed it; the Joint Health "
         "Scrutiny Committee at its meeting in September noted it.\nNHS England at its meeting in July 2019 noted it; "
         "our previous meeting in June was private.\n\n"
         "## CCBP/20/2 Months not held\n\nThe last meeting in April was noted.\n")))


def test_a_meeting_named_by_its_month_links_the_bodys_one_meeting_that_month(months):
    """"the July 2019 meeting", "the meeting held in August 2019", "the July meeting": the month's one meeting of
    the text's own body, or of the body named before "meeting" (with "Public" before its name, as a board's minutes
    name its meetings in public), where such words were not read."""
    site, _ = months
    assert xrefs(site, "/ccb/2019/ccbp-19-101/")[:6] == [
        ("/ccb/2019/2019-07-18/", "July 2019 meeting"), ("/ccb/2019/2019-08-22/", "August 2019"),
        ("/ccb/2019/2019-05-16/", "May 2019 meeting"), ("/ccb/2019/2019-07-18/", "July meeting"),
        ("/ccb/2019/2019-10-17/", "October"), ("/jhsc/2019/2019-09-02/", "September")]


def test_a_month_the_body_held_several_meetings_or_none_in_or_six_months_either_way_links_nothing_unwarned(months):
    """Two in June (one private) and in December; none of CCB's in September, whatever the joint committee held;
    November the text's own; "the meeting in March" next March's, not last March's (the month nearest the
    meeting's); "the May meeting" six months before November and after it."""
    site, warnings = months
    assert xrefs(site, "/ccb/2019/ccbp-19-102/") == []
    assert not [warning for warning in warnings if "2019-11-21/minutes.md" in warning]


def test_a_meeting_held_named_by_its_month_links_the_bodys_last_meeting_that_month_before_the_text(months):
    """"the last meeting in December" (two were held: the later), "The Board, at its meeting in March 2019", "the
    Joint Health Scrutiny Committee at its meeting in September" (the body "its" follows): not read, as "last
    meeting in" and "its meeting" are not "the meeting in". "NHS England at its meeting in July 2019" names no
    body of the archive, and "our previous meeting in June" may be June's private one: left as text."""
    site, _ = months
    assert xrefs(site, "/ccb/2020/ccbp-20-1/") == [
        ("/ccb/2019/2019-12-19/", "December"), ("/ccb/2019/2019-03-21/", "March 2019"),
        ("/jhsc/2019/2019-09-02/", "September")]
    assert "/ccb/2020/ccbp-20-1/" in _referenced_from(site, "/ccb/2019/2019-03-21/")


def test_a_meeting_held_in_a_month_the_body_held_none_in_is_warned_of_with_its_meetings_nearest_it(months):
    site, warnings = months
    assert xrefs(site, "/ccb/2020/ccbp-20-2/") == []
    assert [w for w in warnings if "2020-01-16/minutes.md" in w] == [
        "content/meetings/ccb/2020-01-16/minutes.md:11: warning: reference 'The last meeting in April' does not "
        "resolve; CCB held no meeting in April 2019 (its meetings nearest it: 21 March 2019 and 16 May 2019): check "
        "the month, or name the meeting by its date"]


def test_words_of_a_month_naming_no_meeting_of_the_body_are_left_as_text(months):
    site, _ = months
    assert xrefs(site, "/ccb/2019/ccbp-19-103/") == []


def test_the_previous_meeting_in_capitals_links_as_in_lower_case_and_leaves_its_headings_id(months):
    """"MINUTES OF PREVIOUS MEETING", as packs head the item, and in a text's heading, whose id is its words as
    before; not "THE LAST MEETING OF THE YEAR"."""
    site, _ = months
    assert xrefs(site, "/ccb/2019/ccbp-19-100/") == [("/ccb/2019/2019-10-17/", "PREVIOUS MEETING")] * 2
    html = (site / "ccb/2019/ccbp-19-101/index.html").read_text(encoding="utf-8")
    assert '<h2 id="minutes-of-previous-meeting">MINUTES OF <a href="/ccb/2019/2019-10-17/" class="xref">' \
        'PREVIOUS MEETING</a></h2>' in html


def test_a_papers_title_citing_a_minute_and_a_meeting_links_them_under_its_heading_and_is_listed_on_their_pages(
        months):
    """Paper titles were not read for references: "Response to minute CCBP/19/70" neither linked the minute nor
    was listed on its page. The heading keeps the title as text, as every other place that shows it."""
    site, _ = months
    html = (site / "ccb/2019/2019-11-21/papers/d/index.html").read_text(encoding="utf-8")
    assert '<span class="ref">Paper D</span> Response to minute CCBP/19/70 and the July 2019 meeting</h1>' in html
    assert xrefs(site, "/ccb/2019/2019-11-21/papers/d/") == [("/ccb/2019/ccbp-19-70/", "CCBP/19/70"),
                                                             ("/ccb/2019/2019-07-18/", "July 2019 meeting")]
    assert "/ccb/2019/2019-11-21/papers/d/" in _referenced_from(site, "/ccb/2019/ccbp-19-70/")
    assert "/ccb/2019/2019-11-21/papers/d/" in _referenced_from(site, "/ccb/2019/2019-07-18/")


def test_a_reference_in_a_papers_title_that_does_not_resolve_is_warned_of_at_the_title(months):
    _, warnings = months
    assert ("content/meetings/ccb/2019-11-21/papers/e.md:3: warning: reference 'CCBP/19/97' does not resolve; "
            "nearest existing: CCBP/19/100, CCBP/19/101, CCBP/19/102") in warnings


def test_a_paper_named_in_its_own_title_is_no_reference(months):
    """"Appendix 2 to Paper D", the title of Appendix 2: Paper D is cited, and the appendix named as itself, where
    it linked the page it is on or, in an appendix listing no appendix 2 of its own, was warned of."""
    site, warnings = months
    assert xrefs(site, "/ccb/2019/2019-11-21/papers/2/") == [("/ccb/2019/2019-11-21/papers/d/", "Paper D")]
    assert not [warning for warning in warnings if "appendix-2.md" in warning]


@pytest.fixture(scope="module")
def action_ranges(tmp_path_factory):
    """The fixture with a CCB meeting raising actions numbered A3, A5 to A7, A9 and A23 to A27, and a later meeting's
    minutes citing them by lists that hold ranges, as trusts' minutes do, and by ranges with a typo at one end."""
    content = tmp_path_factory.mktemp("ranges") / "content"
    shutil.copytree(FIXTURE, content)
    action = "  - owner: {{name: The clerk}}\n    text: Do {0}.\n    due: 2020-03-01\n    id: {0}\n"
    ids = ["A3", "A5", "A6", "A7", "A9", "A23", "A24", "A25", "A26", "A27"]
    return _built_with(content, (
            ("ccb/2019-09-19", "## CCBP/19/80 Estates\n\n```item\nactions:\n"
             + "".join(action.format(named) for named in ids) + "```\n\nDiscussed.\n"),
            ("ccb/2019-12-05", "## CCBP/19/97 Action log\n\nActions A23-A25 and A24-A27 were noted.\n\n"
             "Actions A3, A5-A7 and A9 were closed.\n\nActions A3–A7, A9 and A23 were noted.\n\n"
             "## CCBP/19/98 Typing\n\nActions A27-A23 were noted.\n\nActions A3-A90 were noted.\n")))


def _ranges_place(site, url: str) -> list[tuple[str, str]]:
    return [(href.split("/")[-2], words) for href, words in xrefs(site, url)]


def test_two_ranges_of_action_ids_in_one_citation_each_link_their_actions(action_ranges):
    """"Actions A23-A25 and A24-A27": the second range was not read, and A26 and A27 not cited."""
    site, _ = action_ranges
    assert _ranges_place(site, "/ccb/2019/ccbp-19-97/")[:2] == [("ccbp-19-80-a23", "A23-A25"),
                                                               ("ccbp-19-80-a24", "A24-A27")]
    assert "/ccb/2019/ccbp-19-97/" in _referenced_from(site, "/ccb/actions/ccbp-19-80-a27/")


def test_a_list_of_action_ids_holding_a_range_links_each_id_and_range(action_ranges):
    """"Actions A3, A5-A7 and A9": A5-A7 was read as one id, warned of as no action's, and A6 was not cited."""
    site, warnings = action_ranges
    assert _ranges_place(site, "/ccb/2019/ccbp-19-97/")[2:5] == [
        ("ccbp-19-80-a3", "A3"), ("ccbp-19-80-a5", "A5-A7"), ("ccbp-19-80-a9", "A9")]
    assert "/ccb/2019/ccbp-19-97/" in _referenced_from(site, "/ccb/actions/ccbp-19-80-a6/")
    assert not [w for w in warnings if "2019-12-05/minutes.md:8:" in w]


def test_a_list_after_a_range_of_action_ids_links_its_ids_and_the_range_is_warned_of_its_gap(action_ranges):
    """"Actions A3–A7, A9 and A23": only the range was read, and A9 and A23 were left as text."""
    site, warnings = action_ranges
    assert _ranges_place(site, "/ccb/2019/ccbp-19-97/")[5:] == [
        ("ccbp-19-80-a3", "A3–A7"), ("ccbp-19-80-a9", "A9"), ("ccbp-19-80-a23", "A23")]
    assert [w for w in warnings if "2019-12-05/minutes.md:10:" in w] == [
        "content/meetings/ccb/2019-12-05/minutes.md:10: warning: reference 'Actions A3–A7, A9 and A23' takes in A4, "
        "which no published action of CCB has; check the ids at its ends, or name the actions it means one by one"]


def test_a_range_of_action_ids_written_backwards_is_warned_of_with_the_range_to_write(action_ranges):
    """It was warned of as an id, 'A27-A23', that no action has."""
    _, warnings = action_ranges
    assert [w for w in warnings if "2019-12-05/minutes.md:14:" in w] == [
        "content/meetings/ccb/2019-12-05/minutes.md:14: warning: reference 'Actions A27-A23' runs backwards, from A27 "
        "down to A23; write it lowest first, A23–A27, or name the actions it means one by one"]


def test_a_range_of_action_ids_of_more_than_fifty_is_warned_of_as_a_likely_typo(action_ranges):
    """"Actions A3-A90" (A3 to A9, or A30?): it was warned of as an id no action has."""
    _, warnings = action_ranges
    assert [w for w in warnings if "2019-12-05/minutes.md:16:" in w] == [
        "content/meetings/ccb/2019-12-05/minutes.md:16: warning: reference 'Actions A3-A90' takes in 88 ids, A3 to "
        "A90, more than the 50 a range of actions is read as; check the ids at its ends (a typo at one of them?), or "
        "name the actions it means one by one"]


@pytest.fixture(scope="module")
def pack_shapes(tmp_path_factory):
    """Citations as packs write them: a CCB meeting with a paper numbered by its agenda item ("Paper 4.2") and one
    labelled Enclosure, whose text heads its appendix ("## Appendix 1 Costs") without listing it in `appendices:`;
    its minutes cite them and a part of an earlier minute in words, and the joint committee's minutes an item of an
    earlier meeting's agenda."""
    content = tmp_path_factory.mktemp("shapes") / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "meetings/ccb/2019-10-17/papers"
    papers.mkdir(parents=True)
    (papers / "4-2.md").write_text('---\nref: "4.2"\ntitle: Quality report\n---\nThe report.\n', encoding="utf-8")
    (papers / "e.md").write_text("---\nref: E\nlabel: Enclosure\ntitle: Finance\n---\nThe costs are in Appendix 1."
                                 "\n\n## Appendix 1 Costs\n\nThe costs.\n", encoding="utf-8")
    return _built_with(content, (
        ("ccb/2019-09-19", "## CCBP/19/75 Estates\n\nA.\n\n### CCBP/19/75(b) Leases\n\nB.\n"),
        ("ccb/2019-10-17", "## CCBP/19/90 Quality and finance\n\nPaper 4.2 and Enclosure E were noted; minute 75(b) was "
         "recalled.\n"),
        ("jhsc/2019-05-03", "## 5. Budget\n\nA.\n\n## 7. Estates\n\nB.\n"),
        ("jhsc/2019-06-03", "## 1. Matters arising\n\nItem 7 of the agenda of 3 May was recalled.\n")))


def test_a_paper_numbered_by_its_agenda_item_links_to_that_paper(pack_shapes):
    """"Paper 4.2" was read as Paper 4, and warned of as a paper the meeting lacks."""
    site, warnings = pack_shapes
    assert ("/ccb/2019/2019-10-17/papers/4-2/", "Paper 4.2") in xrefs(site, "/ccb/2019/ccbp-19-90/")
    assert "/ccb/2019/ccbp-19-90/" in _referenced_from(site, "/ccb/2019/2019-10-17/papers/4-2/")
    assert not [w for w in warnings if "'Paper 4'" in w]


def test_an_enclosure_links_to_the_meetings_paper_of_that_ref(pack_shapes):
    """"Enclosure E", as packs number what they enclose: not read."""
    site, _ = pack_shapes
    assert ("/ccb/2019/2019-10-17/papers/e/", "Enclosure E") in xrefs(site, "/ccb/2019/ccbp-19-90/")
    assert "/ccb/2019/ccbp-19-90/" in _referenced_from(site, "/ccb/2019/2019-10-17/papers/e/")


def test_an_appendix_headed_in_a_papers_text_links_to_its_heading_which_is_no_reference(pack_shapes):
    """"Appendix 1" in the paper's text, its appendix headed "## Appendix 1 Costs" (which the page anchors) but not
    listed in `appendices:`: it and the heading itself were each warned of as 'Enclosure E lists no appendix 1'."""
    site, warnings = pack_shapes
    assert xrefs(site, "/ccb/2019/2019-10-17/papers/e/") == [("/ccb/2019/2019-10-17/papers/e/#appendix-1",
                                                             "Appendix 1")]
    assert not [w for w in warnings if "papers/e.md" in w]


def test_an_item_of_an_earlier_meetings_agenda_named_by_its_date_links_to_that_item(pack_shapes):
    """"Item 7 of the agenda of 3 May", as "item 7 of the meeting of 3 May" is read: it was warned of as this
    meeting's item 7."""
    site, warnings = pack_shapes
    assert xrefs(site, "/jhsc/2019/2019-06-03/item-1/") == [("/jhsc/2019/2019-05-03/item-7/", "7")]
    assert "/jhsc/2019/2019-06-03/item-1/" in _referenced_from(site, "/jhsc/2019/2019-05-03/item-7/")
    assert not [w for w in warnings if "2019-06-03/minutes.md" in w]


def test_a_part_of_a_minute_named_in_words_links_to_the_parts_heading(pack_shapes):
    """"minute 75(b)", as "CCBP/19/75(b)" links the heading of its part: it linked the minute's page, "(b)" left
    out of the link."""
    site, _ = pack_shapes
    assert ("/ccb/2019/ccbp-19-75/#ccbp-19-75-b-leases", "75(b)") in xrefs(site, "/ccb/2019/ccbp-19-90/")
    assert "/ccb/2019/ccbp-19-90/" in _referenced_from(site, "/ccb/2019/ccbp-19-75/")


@pytest.fixture(scope="module")
def appendices_to(tmp_path_factory):
    """Appendices named by what they are appended to, as minutes and papers cite them: a CCB meeting's Paper 4.2
    listing appendices A and B, and Paper D for minute CCBP/19/91 heading its Appendix 1 in its text, citing
    "Appendix A to Paper 4.2"; the minutes cite Paper 4.2's appendices A and C (which it has not). A JHSC meeting's
    papers for its items 5 (no appendices written out) and 9 (its Appendix 1 headed in its text), and its minutes
    citing "appendix 2 to item 5", "appendix 1 to item 9" and "appendix 1 to minute CCBP/19/91", the CCB's."""
    content = tmp_path_factory.mktemp("appendices") / "content"
    shutil.copytree(FIXTURE, content)
    ccb, jhsc = content / "meetings/ccb/2019-10-17/papers", content / "meetings/jhsc/2019-10-07/papers"
    ccb.mkdir(parents=True)
    jhsc.mkdir(parents=True)
    (ccb / "4-2.md").write_text('---\nref: "4.2"\ntitle: Quality report\nappendices:\n  - ref: A\n    title: Dashboard\n'
                                "  - ref: B\n    title: Audit\n---\nThe report.\n", encoding="utf-8")
    (ccb / "d.md").write_text("---\nref: D\ntitle: Estates\nitem: CCBP/19/91\n---\nSee Appendix A to Paper 4.2.\n\n"
                              "## Appendix 1 Sites\n\nThe sites.\n", encoding="utf-8")
    (jhsc / "item-05.md").write_text('---\nref: "5"\nlabel: Item\ntitle: Budget\nitem: "5"\n---\nThe budget.\n',
                                     encoding="utf-8")
    (jhsc / "item-09.md").write_text('---\nref: "9"\nlabel: Item\ntitle: Estates\nitem: "9"\n---\nThe estates.\n\n'
                                     "## Appendix 1 Costs\n\nThe costs.\n", encoding="utf-8")
    return _built_with(content, (
        ("ccb/2019-10-17", "## CCBP/19/90 Quality\n\nAppendix A to Paper 4.2 and Appendix C to Paper 4.2 were noted."
         "\n\n## CCBP/19/91 Estates\n\nNoted.\n"),
        ("jhsc/2019-10-07", "## 5. Budget\n\nSee appendix 2 to item 5.\n\n## 9. Estates\n\nA.\n\n## 10. Other\n\n"
         "See appendix 1 to item 9 and appendix 1 to minute CCBP/19/91.\n")))


def test_an_appendix_to_an_item_links_the_heading_of_the_appendix_in_its_paper(appendices_to):
    """"appendix 1 to item 9": not read, "item 9" alone linked to the item."""
    site, _ = appendices_to
    assert ("/jhsc/2019/2019-10-07/papers/9/#appendix-1", "appendix 1 to item 9") in \
        xrefs(site, "/jhsc/2019/2019-10-07/item-10/")
    assert "/jhsc/2019/2019-10-07/item-10/" in _referenced_from(site, "/jhsc/2019/2019-10-07/papers/9/")


def test_an_appendix_to_another_bodys_minute_links_the_appendix_in_that_minutes_paper(appendices_to):
    """"appendix 1 to minute CCBP/19/91": only the minute was linked."""
    site, _ = appendices_to
    assert ("/ccb/2019/2019-10-17/papers/d/#appendix-1", "appendix 1 to minute CCBP/19/91") in \
        xrefs(site, "/jhsc/2019/2019-10-07/item-10/")
    assert "/jhsc/2019/2019-10-07/item-10/" in _referenced_from(site, "/ccb/2019/2019-10-17/papers/d/")


def test_an_appendix_to_a_paper_in_another_papers_text_links_that_papers_appendix(appendices_to):
    """"Appendix A to Paper 4.2" in Paper D's text: 'Appendix A' was read as Paper D's own, and warned of as
    'Paper D lists no appendix A'."""
    site, warnings = appendices_to
    assert xrefs(site, "/ccb/2019/2019-10-17/papers/d/") == [("/ccb/2019/2019-10-17/papers/4-2/#appendices",
                                                             "Appendix A to Paper 4.2")]
    assert "/ccb/2019/2019-10-17/papers/d/" in _referenced_from(site, "/ccb/2019/2019-10-17/papers/4-2/")
    assert not [w for w in warnings if "papers/d.md" in w]


def test_an_appendix_to_an_item_whose_paper_writes_out_none_links_the_paper(appendices_to):
    """"appendix 2 to item 5", whose paper's appendices are in the pack alone: not read, "item 5" linked to the
    page it is on."""
    site, warnings = appendices_to
    assert xrefs(site, "/jhsc/2019/2019-10-07/item-5/") == [("/jhsc/2019/2019-10-07/papers/5/",
                                                            "appendix 2 to item 5")]
    assert not [w for w in warnings if "jhsc/2019-10-07/minutes.md" in w]


def test_an_appendix_a_paper_does_not_have_is_warned_of_and_links_the_paper(appendices_to):
    """"Appendix C to Paper 4.2", whose appendices are A and B: not read, and nothing said."""
    site, warnings = appendices_to
    assert ("/ccb/2019/2019-10-17/papers/4-2/", "Appendix C to Paper 4.2") in xrefs(site, "/ccb/2019/ccbp-19-90/")
    assert [w for w in warnings if "ccb/2019-10-17/minutes.md" in w] == [
        "content/meetings/ccb/2019-10-17/minutes.md:6: warning: reference 'Appendix C to Paper 4.2' names an appendix "
        "C that Paper 4.2 does not have (its appendices: A and B), and links to Paper 4.2; check its number or "
        "letter, or list the appendix under the paper's `appendices:`"]


@pytest.fixture(scope="module")
def own_appendices(tmp_path_factory):
    """A paper's own appendices as its text names them: Paper D listing appendix A and heading its Appendix 1,
    citing "Appendix 1 to this report", "appendix 1 of this paper", "Appendix A (attached)" and appendix 2 and C,
    which it has not; Paper E, writing out no appendix, citing "Appendix 3 to this report"."""
    content = tmp_path_factory.mktemp("own") / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "meetings/ccb/2019-10-17/papers"
    papers.mkdir(parents=True)
    (papers / "d.md").write_text("---\nref: D\ntitle: Estates\nappendices:\n  - ref: A\n    title: Dashboard\n---\n"
                                 "See Appendix 1 to this report and appendix 1 of this paper.\n\nThe dashboard is "
                                 "Appendix A (attached).\n\nThe audit is in appendix 2 of this paper.\n\nThe leases are "
                                 "in Appendix C to this report.\n\n## Appendix 1 Sites\n\nThe sites.\n",
                                 encoding="utf-8")
    (papers / "e.md").write_text("---\nref: E\ntitle: Finance\n---\nThe costs are in Appendix 3 to this report.\n",
                                 encoding="utf-8")
    (papers / "f.md").write_text("---\nref: F\ntitle: Leases\nappendices:\n  - ref: A\n    title: Schedule\n---\n"
                                 "The rents are at Appendix B.\n", encoding="utf-8")
    return _built_with(content, (("ccb/2019-10-17", "## CCBP/19/90 Estates\n\nPapers D and E were noted.\n"),))


def test_an_appendix_to_this_report_links_the_papers_own_appendix_whole(own_appendices):
    """"Appendix 1 to this report": "Appendix 1" alone was linked; "appendix 1 of this paper", in lower case, was
    not read; "Appendix A (attached)" linked without "(attached)"."""
    site, _ = own_appendices
    d = "/ccb/2019/2019-10-17/papers/d/"
    assert xrefs(site, d) == [(f"{d}#appendix-1", "Appendix 1 to this report"),
                              (f"{d}#appendix-1", "appendix 1 of this paper"),
                              (f"{d}#appendices", "Appendix A (attached)")]


def test_an_appendix_to_this_report_the_paper_does_not_have_is_text_and_warned_of_naming_those_it_has(
        own_appendices):
    """"appendix 2 of this paper" was not read, and "Appendix C to this report" warned of as 'Appendix C', 'Paper D
    lists no appendix C', without the appendices it has."""
    site, warnings = own_appendices
    assert [w for w in warnings if "papers/d.md" in w] == [
        f"content/meetings/ccb/2019-10-17/papers/d.md:{line}: warning: reference '{written}' names an appendix {ref} "
        "that Paper D does not have (its appendices: 1 and A); it is shown as text, without a link; check its number "
        "or letter, or list the appendix under the paper's `appendices:` (with `note: Available on request` where it "
        "is not published)" for line, written, ref in ((12, "appendix 2 of this paper", "2"),
                                                       (14, "Appendix C to this report", "C"))]
    html = (site / "ccb/2019/2019-10-17/papers/d/index.html").read_text(encoding="utf-8")
    assert "The leases are in Appendix C to this report." in html


def test_an_appendix_named_alone_that_the_paper_does_not_have_is_warned_of_naming_those_it_has(own_appendices):
    """'Appendix B' alone, in a paper listing appendix A only: 'Paper F lists no appendix B', without the
    appendices it has, left the clerk to open the front matter to see whether the number or the list was wrong."""
    _, warnings = own_appendices
    assert [w for w in warnings if "papers/f.md" in w] == [
        "content/meetings/ccb/2019-10-17/papers/f.md:8: warning: reference 'Appendix B' does not resolve; Paper F "
        "lists no appendix B (its appendices: A)"]


def test_an_appendix_to_this_report_of_a_paper_writing_out_none_is_warned_of_as_such(own_appendices):
    """'Paper E lists no appendix 3', of 'Appendix 3' alone: the appendix, in the pack alone, is listed with a
    `note:`."""
    _, warnings = own_appendices
    assert [w for w in warnings if "papers/e.md" in w] == [
        "content/meetings/ccb/2019-10-17/papers/e.md:5: warning: reference 'Appendix 3 to this report' names an "
        "appendix 3 that Paper E does not have (it lists none in `appendices:` and heads none in its text); it is "
        "shown as text, without a link; check its number or letter, or list the appendix under the paper's "
        "`appendices:` (with `note: Available on request` where it is not published)"]


@pytest.fixture(scope="module")
def private_between(tmp_path_factory):
    """CCB's meetings of July and August 2019 (the fixture's), a private one in September, and November's whose
    minutes name "the last meeting in October", which it held none in."""
    content = tmp_path_factory.mktemp("between") / "content"
    shutil.copytree(FIXTURE, content)
    private = content / "meetings/ccb/2019-09-05-private"
    private.mkdir(parents=True)
    (private / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-09-05\nsession: private\n---\n", encoding="utf-8")
    return _built_with(content, (("ccb/2019-11-21", "## CCBP/19/100 Matters arising\n\nThe last meeting in October "
                                                    "was noted.\n"),))


def test_a_month_of_no_meeting_is_warned_of_saying_which_meeting_between_its_nearest_was_private(private_between):
    """Its meetings nearest it were named, and nothing said of the private one between them."""
    _, warnings = private_between
    assert [w for w in warnings if "2019-11-21/minutes.md" in w] == [
        "content/meetings/ccb/2019-11-21/minutes.md:6: warning: reference 'The last meeting in October' does not "
        "resolve; CCB held no meeting in October 2019 (its meetings nearest it: 22 August 2019 and 21 November 2019; "
        "its meeting of 5 September 2019 was held in private, which no link reaches): check the month, or name the "
        "meeting by its date"]
