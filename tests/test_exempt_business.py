"""Exempt business as clerks' packs write it (generator/exclusion.py, load_meeting.confidential_mark), read as a
specification.

The fixture's joint committee, at its meeting of 5 November 2019, is given a private part as its printed agenda
heads one: `section: Part II – Exempt` on item 8, with item 9 under it (it gives no section of its own) and item 10
under "Closing business" after them. Neither 8 nor 9 says `confidential:`: they are withheld, and the clerk is told
once. The committee's report (item 05) opens by naming its confidential appendix, "CONFIDENTIAL APPENDIX 2", and is
published. That archive is built once, with its search index, and everything it writes is searched for the exempt
text; each mistake is then one test on a copy of the fixture, with its whole message.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator.build import Options, run
from generator.diagnostics import shortened
from generator.exclusion import private_section, public_section
from helpers import (FIXTURE, JC_MEETING, JC_MINUTES, TODAY, edit, line_of, messages, page, pagefind_plaintext,
                     read_tree)

JC_PAPER = "meetings/jc/2019-11-05/papers/item-05.md"
EXEMPT_PAPER = "meetings/jc/2019-11-05/papers/item-08.md"
EXEMPT = ("CANARY-WITHHELD-6101", "CANARY-WITHHELD-6102", "CANARY-WITHHELD-6104", "CANARY-WITHHELD-6105",
          "CANARY-WITHHELD-6106")
AFTER = "PUBLIC-AFTER-6103"  # item 10's description, under the next section: published

PRIVATE_PART = ('    section: Main business\n    purpose: Decision\n  - ref: "8"\n    title: Disposal of the clinic\n'
                '    section: Part II – Exempt\n    description: The offer of CANARY-WITHHELD-6101 for the clinic.\n'
                '    paper: "08"\n  - ref: "9"\n    title: Staff matter\n    description: The grievance of '
                'CANARY-WITHHELD-6102.\n  - ref: "10"\n    title: Any other business\n    section: Closing business\n'
                f'    description: {AFTER}\n---')
MINUTES = ("\n## 8 Disposal of the clinic\n\n```item\nconfidential: yes\nreason: Exempt under paragraph 3\n```\n\n"
           "The offer of CANARY-WITHHELD-6105 was accepted.\n\n## 9 Staff matter\n\n```item\nconfidential: yes\n"
           "reason: Exempt under paragraph 1\n```\n\nCANARY-WITHHELD-6106.\n\n## 10 Any other business\n\nThere was "
           "none.\n")
EXEMPT_PAPER_TEXT = ('---\nref: "08"\nlabel: Item\ntitle: Disposal of the clinic\nitem: "8"\nconfidential: yes\n---\n'
                     "The valuation, CANARY-WITHHELD-6104.\n")


def _with_private_part(content) -> None:
    edit(content, JC_MEETING, "    section: Main business\n    purpose: Decision\n---", PRIVATE_PART)
    (content / JC_MINUTES).write_text((content / JC_MINUTES).read_text(encoding="utf-8") + MINUTES, encoding="utf-8")
    (content / EXEMPT_PAPER).write_text(EXEMPT_PAPER_TEXT, encoding="utf-8")
    edit(content, JC_PAPER, "file: item-05.pdf\n", "file: item-05.pdf\nappendices:\n  - ref: \"2\"\n    title: "
         "Valuation\n    note: Exempt under paragraph 3\n")
    edit(content, JC_PAPER, "The two councils propose", "CONFIDENTIAL APPENDIX 2\n\nThe two councils propose")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The archive with the private part, built once with its search index: (content, result, site)."""
    content = tmp_path_factory.mktemp("exempt") / "content"
    shutil.copytree(FIXTURE, content)
    _with_private_part(content)
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=True))
    assert result.ok, messages(result)
    return content, result, out


def _at(relative: str, line: int, text: str, severity: str = "error") -> str:
    return f"content/{relative}:{line}: {severity}: {text}"


def _agenda_line(archive, ref: str) -> int:
    """The line of the joint committee's agenda item `ref`, which the messages of its minute and paper name."""
    return line_of(archive, JC_MEETING, f'ref: "{ref}"')


# --- an agenda's section heading its private part -------------------------------------------------------------------

SECTION_TOLD = ("agenda item 8 is under the section 'Part II – Exempt' (line {}), which heads the items taken in "
                "private, but does not say whether it is confidential (nor does 9, after it): only its title is "
                "published, and its minute and papers must say whether they are; write `confidential: yes` in the "
                "agenda item to say so (and a `public_title:` to publish in the title's place), or `confidential: no` "
                "if it may be published as it is (a summary that gives none of the exempt information)")


def test_the_items_under_a_part_ii_section_that_do_not_say_are_told_once_at_the_first(built):
    content, result, _ = built
    assert messages(result) == [_at(JC_MEETING, line_of(content, JC_MEETING, 'ref: "8"'), SECTION_TOLD.format(
        line_of(content, JC_MEETING, "section: Part II")), "warning")]


def test_nothing_under_a_part_ii_section_reaches_the_site_or_its_search_index(built):
    """The section was read as a heading and nothing more: items 8 and 9 were published in full, before the
    meeting, with the offer and the grievance. They are withheld as confidential items are: their titles, with
    "Considered in private"."""
    _, _, site = built
    assert [(name, c) for name, data in read_tree(site).items() for c in EXEMPT if c.encode() in data] == []
    assert [(name, c) for name, data in pagefind_plaintext(site).items() for c in EXEMPT
            if c.lower().encode() in data.lower()] == []
    agenda = page(site, "/jc/2019/2019-11-05/").one("main").text
    assert "Disposal of the clinic" in agenda and "Staff matter" in agenda and "Considered in private" in agenda
    assert AFTER in agenda  # the next section is public again


def test_a_paper_of_an_item_under_a_part_ii_section_that_does_not_say_is_an_error(archive, build):
    _with_private_part(archive)
    edit(archive, EXEMPT_PAPER, "confidential: yes\n", "")
    # (its minute, said public, is not what makes the paper one of a confidential item)
    edit(archive, JC_MINUTES, "confidential: yes\nreason: Exempt under paragraph 3\n", "confidential: no\n")
    result = build(archive, archive.parent / "site")
    item = f"agenda item 8, 'Disposal of the clinic' (content/{JC_MEETING}:{_agenda_line(archive, '8')})"
    assert messages(result, "error") == [_at(EXEMPT_PAPER, line_of(archive, EXEMPT_PAPER, "item:"), f"Item 08 is for "
        f"{item}, which is withheld as taken in private, but the paper does not say whether it is confidential: it "
        "would be published; write `confidential: yes` in the paper, or `confidential: no` if it may be published")]
    assert not (archive.parent / "site").exists()


def test_a_minute_of_an_item_under_a_part_ii_section_that_does_not_say_is_an_error(archive, build):
    _with_private_part(archive)
    edit(archive, JC_MINUTES, "```item\nconfidential: yes\nreason: Exempt under paragraph 1\n```\n\n", "")
    result = build(archive, archive.parent / "site")
    item = f"agenda item 9, 'Staff matter' (content/{JC_MEETING}:{_agenda_line(archive, '9')})"
    assert messages(result, "error") == [_at(JC_MINUTES, line_of(archive, JC_MINUTES, "## 9 Staff matter"), f"{item} "
        "is withheld as taken in private, but its minute does not say whether it is confidential: the minute "
        "would be published in full; write `confidential: yes` in the minute's ```item block, or `confidential: no` if it may be published")]
    assert not (archive.parent / "site").exists()


def test_an_item_under_a_part_ii_section_said_public_is_published_without_a_word(archive, build, tmp_path):
    """`confidential: no` is the clerk's say that the item, a summary giving none of the exempt information, may
    be published: it is, and the item after it, which says nothing, is told alone."""
    _with_private_part(archive)
    edit(archive, JC_MEETING, "    section: Part II – Exempt\n", "    section: Part II – Exempt\n    confidential: no\n")
    result = build(archive, tmp_path / "site")
    assert [m for m in messages(result) if "under the section" in m] == [_at(JC_MEETING, line_of(
        archive, JC_MEETING, 'ref: "9"'), SECTION_TOLD.replace("agenda item 8", "agenda item 9").replace(
        " (nor does 9, after it)", "").format(line_of(archive, JC_MEETING, "section: Part II")), "warning")]
    assert "CANARY-WITHHELD-6101" in page(tmp_path / "site", "/jc/2019/2019-11-05/").one("main").text


def test_the_item_excluding_the_press_and_public_under_a_part_ii_section_is_published_and_the_rest_told_once(
        archive, build):
    """A printed agenda most often opens its private part with the item that resolves to exclude the press and
    public: that item is taken in public, and the items after it are told once, of the section, not twice."""
    _with_private_part(archive)
    edit(archive, JC_MEETING, '  - ref: "8"\n', '  - ref: "7A"\n    title: Exclusion of the press and public\n'
         '    section: Part II – Exempt\n    description: To resolve that the press and public be excluded from the '
         'meeting for the following items of business.\n    status: withdrawn\n  - ref: "8"\n')
    edit(archive, JC_MEETING, f"description: {AFTER}", f"description: The press and public are readmitted. {AFTER}")
    told = [m for m in messages(build(archive)) if "taken in private" in m]
    assert told == [_at(JC_MEETING, line_of(archive, JC_MEETING, 'ref: "8"'), SECTION_TOLD.format(
        line_of(archive, JC_MEETING, "section: Part II")), "warning")]


@pytest.mark.parametrize("section", [
    "Part II – Exempt", "PART 2", "Part II", "Part B (Not for publication)", "Part 2: Private", "Private",
    "Private business", "Private session", "In private", "Exempt items", "Confidential items", "Closed session",
    "Items to be considered in private", "Items likely to be considered in the absence of the press and public",
])
def test_an_agenda_section_as_agendas_head_the_private_part_heads_it(section):
    assert private_section(section)


@pytest.mark.parametrize("section", [
    "Part 2 – Performance", "Part 1", "Private sector housing", "Items for information", "Main business",
    "Closing business", "Any Other Business", "Part 2 of the Local Plan",
])
def test_an_agenda_section_that_names_no_private_part_heads_none(section):
    assert not private_section(section)


# --- the items after the press and public are excluded ----------------------------------------------------------------

TB_MINUTES = "meetings/tb/2019-06-20/minutes.md"
TB_MEETING = "meetings/tb/2019-06-20/meeting.md"
EXCLUDED_WITHHELD = ("CANARY-EXCLUDED-6201", "CANARY-EXCLUDED-6202", "CANARY-EXCLUDED-6204", "CANARY-EXCLUDED-6206",
                     "CANARY-EXCLUDED-6209")
EXCLUDED_PUBLISHED = ("SAID-PUBLIC-6203", "SAID-PUBLIC-6207", "PART-I-AFTER-6205", "PART-I-AFTER-6208",
                      "PUBLISHED-PROSE-6210")
EXCLUSION_ITEM = ('    section: Main business\n    purpose: Decision\n  - ref: "7A"\n    title: Exclusion of the press '
                  'and public\n    description: To resolve that the press and public be excluded from the meeting for '
                  'the following items of business on the grounds that they involve the likely disclosure of exempt '
                  'information.\n  - ref: "8"\n    title: Disposal of the clinic\n    description: The offer of '
                  'CANARY-EXCLUDED-6201 for the clinic.\n    paper: "08"\n  - ref: "8A"\n    title: Lease of the '
                  'depot\n    description: The rent, CANARY-EXCLUDED-6202.\n  - ref: "9"\n    title: Staff matter\n'
                  '    confidential: no\n    description: SAID-PUBLIC-6203, a summary.\n  - ref: "10"\n    title: Any '
                  'other business\n    section: Part I\n    description: PART-I-AFTER-6205\n---')
EXCLUSION_MINUTES = ('\n## 7A Exclusion of the press and public\n\n```item\nresolutions:\n  - That the press and public be '
                     'excluded from the meeting for the following items of business.\n```\n\n## 8 Disposal of the '
                     'clinic\n\n```item\nconfidential: yes\nreason: Exempt under paragraph 3\n```\n\nThe offer of '
                     'CANARY-EXCLUDED-6206 was accepted.\n\n## 8A Lease of the depot\n\n```item\nconfidential: yes\n'
                     'reason: Exempt under paragraph 3\n```\n\nThe rent was agreed.\n\n## 9 Staff matter\n\n'
                     '```item\nconfidential: no\n```\n\nSAID-PUBLIC-6207.\n\n## 10 Any other business\n\n'
                     'PART-I-AFTER-6208.\n')


def _with_exclusion(content) -> None:
    """The joint committee's agenda excludes the press and public before items 8, 8A (neither says) and 9 (said
    public), and names its public part again at 10 (`section: Part I`); its minutes say of 8 and 8A, as the clerk
    must, and 8's paper says. The board's minutes of 20 June 2019 resolve to exclude them before TB/19/22, which
    says nothing, as its agenda does not; the committee's report speaks of publication in its prose."""
    edit(content, JC_MEETING, "    section: Main business\n    purpose: Decision\n---", EXCLUSION_ITEM)
    (content / JC_MINUTES).write_text((content / JC_MINUTES).read_text(encoding="utf-8") + EXCLUSION_MINUTES,
                                      encoding="utf-8")
    (content / EXEMPT_PAPER).write_text(EXEMPT_PAPER_TEXT.replace("CANARY-WITHHELD-6104", "CANARY-EXCLUDED-6204"),
                                        encoding="utf-8")
    edit(content, TB_MINUTES, "The board reviewed the action log.\n", "```item\nresolutions:\n  - That the press and "
         "public be excluded from the meeting for the following item of business.\n```\n\nThe board reviewed the "
         "action log.\n")
    edit(content, TB_MINUTES, "The board noted that every ward", "The board noted CANARY-EXCLUDED-6209. Every ward")
    edit(content, JC_PAPER, "The two councils propose", "The decision is not for publication until Monday, "
         "PUBLISHED-PROSE-6210.\n\nThe two councils propose")


@pytest.fixture(scope="module")
def built_excluded(tmp_path_factory):
    """The archive with the items after the press and public are excluded, built once with its search index:
    (content, result, site)."""
    content = tmp_path_factory.mktemp("excluded") / "content"
    shutil.copytree(FIXTURE, content)
    _with_exclusion(content)
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=dt.date.fromisoformat(TODAY), search=True))
    assert result.ok, messages(result)
    return content, result, out


AGENDA_EXCLUDED_TOLD = ("agenda item 8 follows the item excluding the press and public (line {}), so it is taken in "
                        "private, but does not say whether it is confidential (nor does 8A, after it): only its title "
                        "is published, and its minute and papers must say whether they are; write `confidential: yes` "
                        "in the agenda item to say so (and a `public_title:` to publish in the title's place), or "
                        "`confidential: no` if it may be published as it is (a summary that gives none of the exempt "
                        "information); if the press and public are readmitted before it, say so in its description "
                        "('The press and public are readmitted.'), or give it the section of the public part "
                        "(`section: Part I`)")
MINUTES_EXCLUDED_TOLD = ("minute item TB/19/22 follows the resolution excluding the press and public (line {}), so it "
                         "was taken in private, but does not say whether it is confidential: only its title is "
                         "published; write `confidential: yes` (and a `reason:`) in its ```item block to say so, or "
                         "`confidential: no` if it may be published as it is (a summary that gives none of the exempt "
                         "information); if the press and public were readmitted before it, say so in the minutes: "
                         "'The press and public were readmitted.'")


def test_the_items_after_the_exclusion_that_do_not_say_are_told_once_at_the_first(built_excluded):
    """Of the agenda: 9, said public, and 10, in the public part, are not told. Of the minutes: the board's item
    after its resolution."""
    content, result, _ = built_excluded
    assert [m for m in messages(result) if "taken in private" in m] == [
        _at(JC_MEETING, line_of(content, JC_MEETING, 'ref: "8"'), AGENDA_EXCLUDED_TOLD.format(
            line_of(content, JC_MEETING, "Exclusion of the press")), "warning"),
        _at(TB_MINUTES, line_of(content, TB_MINUTES, "## TB/19/22"), MINUTES_EXCLUDED_TOLD.format(
            line_of(content, TB_MINUTES, "That the press and public")), "warning")]


def test_nothing_after_the_exclusion_that_does_not_say_reaches_the_site_or_its_search_index(built_excluded):
    """Items 8 and 8A of the agenda, and TB/19/22 of the minutes, were published in full with a warning: a clerk
    who missed it published the offer and the rent before the meeting. They are withheld as confidential items are:
    their titles, with "Considered in private"."""
    _, _, site = built_excluded
    assert [(name, c) for name, data in read_tree(site).items() for c in EXCLUDED_WITHHELD if c.encode() in data] == []
    assert [(name, c) for name, data in pagefind_plaintext(site).items() for c in EXCLUDED_WITHHELD
            if c.lower().encode() in data.lower()] == []
    agenda = page(site, "/jc/2019/2019-11-05/").one("main").text
    assert "Disposal of the clinic" in agenda and "Lease of the depot" in agenda and "Considered in private" in agenda
    assert "Pharmaceutical needs assessment" in page(site, "/tb/2019/2019-06-20/").one("main").text


def test_an_item_after_the_exclusion_said_public_or_in_the_public_part_is_published(built_excluded):
    """`confidential: no` is the clerk's say that the item may be published; a section naming the public part
    ("Part I") ends the exclusion's reach on the agenda, and in the minutes of its items, which have no sections."""
    _, _, site = built_excluded
    tree, index = read_tree(site), b"".join(pagefind_plaintext(site).values()).lower()
    assert [c for c in EXCLUDED_PUBLISHED if not any(c.encode() in data for data in tree.values())] == []
    assert [c for c in EXCLUDED_PUBLISHED if c.lower().encode() not in index] == []


@pytest.mark.parametrize("section", ["Part I", "PART 1", "Part A", "Part 1 – Public business", "Public business",
                                     "Public items", "Items to be considered in public", "Open session"])
def test_an_agenda_section_naming_the_public_part_heads_it(section):
    assert public_section(section)


@pytest.mark.parametrize("section", ["Public health", "Part 1 of the Local Plan", "Part II – Exempt", "Main business",
                                     "Closing business", "Part 2"])
def test_an_agenda_section_that_names_no_public_part_heads_none(section):
    assert not public_section(section)


# --- where the minutes say the press and public are back ----------------------------------------------------------

BACK_WITHHELD = "CANARY-BACK-6301"  # TB/19/21's text, taken in private
BACK_PUBLISHED = "PUBLIC-BACK-6302"  # TB/19/22's, after the press and public are back


def _excluded_before_tb_19_21(content, line: str) -> None:
    """The board resolves at TB/19/20 to exclude the press and public for the remaining items; TB/19/21's text
    (citing TB/19/20) ends with `line`, and TB/19/22 follows it. Neither says `confidential:`."""
    edit(content, TB_MINUTES, "as a correct record.\"\n", "as a correct record.\"\n  - That the press and public be "
         "excluded from the meeting for the remaining items of business.\n")
    edit(content, TB_MINUTES, "The board reviewed the action log.\n", f"The board reviewed {BACK_WITHHELD}, as minute "
         f"TB/19/20 asked.\n\n{line}\n")
    edit(content, TB_MINUTES, "The board noted that every ward", f"The board noted {BACK_PUBLISHED}. Every ward")


def _withheld_told(content, also: str = "") -> str:
    return _at(TB_MINUTES, line_of(content, TB_MINUTES, "## TB/19/21"), MINUTES_EXCLUDED_TOLD.replace(
        "TB/19/22", "TB/19/21").replace("confidential: only", f"confidential{also}: only").format(
        line_of(content, TB_MINUTES, "That the press and public")), "warning")


BACK_TOLD = ("minute item TB/19/22 is published in full: the minutes say the press and public were back for it, at "
             "'{}' (line {}), which ends the private part from line {}; if they were not back for it, write "
             "`confidential: yes` (and a `reason:`) in its ```item block; if they were, write `confidential: no` "
             "there to publish it without this warning")


@pytest.mark.parametrize("line", ["PART I", "**PART 1**", "Part 1 – Public business", "Public part",
                                  "The public were readmitted.", "Members of the public rejoined the meeting.",
                                  "The press and public were readmitted to the meeting.",
                                  "The meeting returned to public session."])
def test_the_minutes_saying_the_press_and_public_are_back_end_the_private_part_there_with_a_warning(archive, build,
                                                                                                     line):
    """A "PART I" line pasted from the pack, as the "PART II" line is, ended nothing: every minute after it was
    withheld. Where the minutes say the press and public are back, the minutes after are published, and the first
    is told, naming the words and their line, as words read wrongly would publish what was taken in private."""
    _excluded_before_tb_19_21(archive, line)
    assert messages(build(archive)) == [
        _withheld_told(archive),
        _at(TB_MINUTES, line_of(archive, TB_MINUTES, "## TB/19/22"), BACK_TOLD.format(
            line.strip("*"), line_of(archive, TB_MINUTES, line), line_of(archive, TB_MINUTES, "That the press and "
                                                                         "public")), "warning")]
    edit(archive, TB_MINUTES, "## TB/19/22 Pharmaceutical needs assessment\n", "## TB/19/22 Pharmaceutical needs "
         "assessment\n\n```item\nconfidential: no\n```\n")
    assert messages(build(archive)) == [_withheld_told(archive)]  # said public: the clerk has looked


def test_after_the_part_i_line_the_minutes_are_published_and_nothing_before_it(archive, build, tmp_path):
    """Every file the build writes (pages, the minute's and its meeting's, the cited minute's backlinks, feeds,
    open data, the sitemap) has the public minute's words, and none of the private one's."""
    _excluded_before_tb_19_21(archive, "PART I")
    assert build(archive, tmp_path / "site").ok
    tree = read_tree(tmp_path / "site")
    assert [name for name, data in tree.items() if BACK_WITHHELD.encode() in data] == []
    assert BACK_PUBLISHED in page(tmp_path / "site", "/tb/2019/tb-19-22/").one("main").text


@pytest.mark.parametrize("line", ["Part 1", "The public were not readmitted.",
                                  "Members of the public returned questionnaires on the service."])
def test_words_that_may_not_say_the_press_and_public_are_back_end_nothing_and_the_warning_says_why(archive, build,
                                                                                                   line):
    """"Part 1" alone may be the part of a report pasted in the text, and the others say no return: the minutes
    after stay withheld, and the warning of those taken in private names the words, and what to write."""
    _excluded_before_tb_19_21(archive, line)
    vague = (f"; '{shortened(line, 60)}' (line {line_of(archive, TB_MINUTES, line)}) is not read as their return, so "
             "the items after it stay withheld: where they came back, write 'The press and public were readmitted.', "
             "or 'PART I' standing alone")
    assert messages(build(archive)) == [_withheld_told(archive, " (nor does TB/19/22, after it)") + vague]


AGENDA_BACK_TOLD = ("agenda item TB/19/22 is published in full: the agenda says the press and public are back for "
                    "it, at 'The press and public are readmitted.' (line {}), which ends the private part from line "
                    "{}; if they are not back for it, write `confidential: yes` in the agenda item; if they are, "
                    "write `confidential: no` there to publish it without this warning")


def test_an_agenda_saying_the_press_and_public_are_readmitted_is_told_which_item_it_publishes(archive, build):
    """As in the minutes: the agenda item the description says they are back for is published, and told."""
    edit(archive, TB_MEETING, "    title: Minutes of the meeting held on 14 March 2019\n", "    title: Minutes of the "
         "meeting held on 14 March 2019\n    description: To resolve that the press and public be excluded from the "
         "meeting for the remaining items of business.\n")
    edit(archive, TB_MEETING, "    title: Action log\n", "    title: Action log\n    confidential: yes\n")
    edit(archive, TB_MEETING, "    title: Pharmaceutical needs assessment\n", "    title: Pharmaceutical needs "
         "assessment\n    description: The press and public are readmitted. The assessment.\n")
    edit(archive, TB_MINUTES, "## TB/19/21 Action log\n", "## TB/19/21 Action log\n\n```item\nconfidential: yes\n"
         "reason: Exempt under paragraph 3\n```\n")
    assert messages(build(archive)) == [_at(TB_MEETING, line_of(archive, TB_MEETING, "ref: TB/19/22"),
                                            AGENDA_BACK_TOLD.format(line_of(archive, TB_MEETING, "The press and public "
                                                                            "are readmitted"),
                                                                    line_of(archive, TB_MEETING, "To resolve")),
                                            "warning")]


# --- a withheld minute's text is not asked to be published ---------------------------------------------------------

def test_a_decision_in_the_text_of_a_minute_withheld_as_taken_in_private_is_not_warned_of(archive, build):
    """"records a decision in the text ... to record it, list it under `resolutions:`" asked the clerk to publish
    the exempt decision, quoted, in the minute's block; its resolutions are published no more than its text."""
    _excluded_before_tb_19_21(archive, "RESOLVED that the offer of CANARY-BACK-6303 be accepted.")
    assert messages(build(archive)) == [_withheld_told(archive, " (nor does TB/19/22, after it)")]


def test_an_action_in_the_text_of_a_minute_withheld_as_taken_in_private_is_told_to_follow_it_up_in_private(
        archive, build):
    """"it has no id, page or place on the action tracker ... to track it" asked for a public action; it is told as
    a confidential minute's is."""
    _excluded_before_tb_19_21(archive, "ACTION: DP to report the outcome by 31 July 2019.")
    assert [m for m in messages(build(archive)) if "records an action" in m] == [_at(
        TB_MINUTES, line_of(archive, TB_MINUTES, "ACTION: DP"), "'ACTION: DP to report the outcome by 31 July 2019.' "
        "records an action in the text of minute TB/19/21 only, not under `actions:`, so it is not tracked: no "
        "private session's action log is asked for its progress (listed or not, it is not published, as the minute "
        "is withheld as taken in private); to follow it up in private, give the item an ```item block listing it "
        "under `actions:` as `- owner: dev-patel`, `text: Report the outcome`, `due: 31 July 2019`", "warning")]


# --- a minute or agenda item saying it is not for publication, in a sentence -------------------------------------

@pytest.mark.parametrize("line", [
    "This item is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A.",
    "Exempt information: The report is not for publication by virtue of paragraph 1.",
], ids=["sentence", "after-the-field"])
def test_a_minute_saying_below_its_first_line_that_it_is_not_for_publication_is_an_error(archive, build, line):
    """Read on the first line only, as a warning, the words below it were published with the minute in full."""
    edit(archive, TB_MINUTES, "The board noted that every ward", f"The board noted CANARY-NFP-6304.\n\n{line}\n\n"
         "Every ward")
    assert messages(build(archive), "error") == [_at(TB_MINUTES, line_of(archive, TB_MINUTES, line[:30]), "minute "
        f"item TB/19/22 is marked '{shortened(line, 60)}', but does not say whether it is confidential: it would be "
        "published in full; write `confidential: yes` (and a `reason:`) in its ```item block, to publish only its "
        "title, or `confidential: no` if it may be published")]


def test_an_agenda_item_whose_description_says_below_its_first_line_it_is_not_for_publication_is_an_error(archive,
                                                                                                           build):
    """As a minute's: the description was published with the agenda, most often before the meeting."""
    edit(archive, TB_MEETING, "    title: Pharmaceutical needs assessment\n", "    title: Pharmaceutical needs "
         "assessment\n    description: |\n      The offer of CANARY-NFP-6305.\n      This report is not for "
         "publication by virtue of paragraph 3.\n")
    assert messages(build(archive), "error") == [_at(TB_MEETING, line_of(archive, TB_MEETING, "This report is not"),
        "agenda item TB/19/22 is marked 'This report is not for publication by virtue of paragraph 3.', but does not "
        "say whether it is confidential: it would be published in full; write `confidential: yes` in the agenda item, "
        "to publish only its title (and a `public_title:` to publish in the title's place), or `confidential: no` if "
        "it may be published")]


# --- a report naming its confidential appendix -----------------------------------------------------------------------

def test_a_report_opening_by_naming_its_confidential_appendix_is_published_without_a_word(built):
    """"CONFIDENTIAL APPENDIX 2" opening a public report lists which of its appendices is kept out of it: read as
    the mark, it stopped the build with an error saying the report would be published in full."""
    _, result, site = built
    assert [m for m in messages(result) if JC_PAPER in m] == []
    assert "The two councils propose" in page(site, "/jc/2019/2019-11-05/papers/05/").one("main").text


APPENDIX_MARKED = ("Item 05 is marked 'CONFIDENTIAL APPENDIX 2', but does not say whether it is confidential: it "
                   "would be published in full; write `confidential: yes` in the paper, or `confidential: no` if it "
                   "may be published")


def test_a_paper_that_is_the_confidential_appendix_is_an_error_still(archive, build):
    """A paper that is the appendix (its title names one) carries the mark as its own: it is not published."""
    edit(archive, JC_PAPER, "title: Joint public health commissioning", "title: Appendix 2 – Valuation of the clinic")
    edit(archive, JC_PAPER, "The two councils propose", "CONFIDENTIAL APPENDIX 2\n\nThe two councils propose")
    result = build(archive, archive.parent / "site")
    assert messages(result, "error") == [_at(JC_PAPER, line_of(archive, JC_PAPER, "CONFIDENTIAL"), APPENDIX_MARKED)]
    assert not (archive.parent / "site").exists()


def test_a_confidential_appendix_pasted_below_its_report_is_an_error_still(archive, build):
    """The line below a report's first is most often the appendix itself, pasted below it, as packs print it."""
    edit(archive, JC_PAPER, "together.", "together.\n\nCONFIDENTIAL APPENDIX 2\n\nThe valuation, CANARY-WITHHELD-6107.")
    result = build(archive, archive.parent / "site")
    assert messages(result, "error") == [_at(JC_PAPER, line_of(archive, JC_PAPER, "CONFIDENTIAL"), APPENDIX_MARKED)]
    assert not (archive.parent / "site").exists()


def test_a_paper_labelled_as_an_appendix_carries_the_mark_as_its_own(archive, build):
    edit(archive, JC_PAPER, "label: Item", "label: Appendix")
    edit(archive, JC_PAPER, 'ref: "05"', 'ref: "2"')
    edit(archive, JC_PAPER, "The two councils propose", "CONFIDENTIAL APPENDIX 2\n\nThe two councils propose")
    assert messages(build(archive), "error") == [_at(JC_PAPER, line_of(archive, JC_PAPER, "CONFIDENTIAL"), "Appendix "
        "2 is marked 'CONFIDENTIAL APPENDIX 2', but does not say whether it is confidential: it would be published in "
        "full; write `confidential: yes` in the paper, or `confidential: no` if it may be published")]


# --- marks as NHS bodies' packs print them ---------------------------------------------------------------------------

@pytest.mark.parametrize("mark, said", [
    ("RESTRICTED", "RESTRICTED"),
    ("**RESTRICTED – MANAGEMENT IN CONFIDENCE**", "RESTRICTED – MANAGEMENT IN CONFIDENCE"),
    ("COMMERCIAL IN CONFIDENCE", "COMMERCIAL IN CONFIDENCE"),
    ("OFFICIAL-SENSITIVE: COMMERCIAL", "OFFICIAL-SENSITIVE: COMMERCIAL"),
    ("Title of the report:\tJoint public health commissioning\nSection:\tConfidential", "Section:\tConfidential"),
    ("| Section: | Private |", "| Section: | Private |"),
], ids=["restricted", "restricted-management", "commercial-in-confidence", "official-sensitive",
        "front-sheet-section", "front-sheet-section-table"])
def test_a_paper_with_a_protective_marking_or_its_front_sheet_saying_private_is_an_error(archive, build, mark, said):
    """A board's paper marked RESTRICTED, COMMERCIAL IN CONFIDENCE or OFFICIAL-SENSITIVE, or whose front sheet
    gives its section as Confidential (as a CCG's gives "Section:\tPublic"), was published in full without a
    word."""
    edit(archive, JC_PAPER, "The two councils propose", f"{mark}\n\nCANARY-WITHHELD-6108. The two councils propose")
    result = build(archive, archive.parent / "site")
    assert messages(result, "error") == [_at(JC_PAPER, line_of(archive, JC_PAPER, said.split("\t")[0].strip("| ")),
        f"Item 05 is marked '{said.strip(' *_#>')}', but does not say whether it is confidential: it would be "
        "published in full; write `confidential: yes` in the paper, or `confidential: no` if it may be published")]
    assert not (archive.parent / "site").exists()


@pytest.mark.parametrize("line", ["RESTRICTED PARKING ZONES", "Section:\tPublic", "Section: Private sector housing",
                                  "The CHC drug was given a Green (restricted) rating."])
def test_words_like_a_protective_marking_are_not_one(archive, build, line):
    """Controls: a heading about restricted parking, a front sheet's public section, a RAG rating."""
    edit(archive, JC_PAPER, "The two councils propose", f"{line}\n\nThe two councils propose")
    assert [m for m in messages(build(archive)) if "confidential" in m] == []


# --- a front sheet saying the paper is not for publication, in a sentence ---------------------------------------------

@pytest.mark.parametrize("line", [
    "This report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A",
    "Exempt information: This report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the "
    "Local Government Act 1972.",
    "| Exempt information | The report and its appendices are not for publication by virtue of paragraph 1 |",
    "**Reason:** Not for publication: paragraph 3",
], ids=["sentence", "after-the-field", "table-row", "field-then-words"])
def test_a_paper_whose_front_sheet_says_it_is_not_for_publication_below_its_first_line_is_an_error(archive, build,
                                                                                                   line):
    """A council's front sheet gives the report's title, its author and ward, then that it is not for publication
    and why: read at a line's start only, the words were published, paper and all, without a word (and on the
    first line with a warning only)."""
    edit(archive, JC_PAPER, "The two councils propose", f"Report of the Director of Public Health\n\n{line}\n\n"
         "CANARY-WITHHELD-6111. The two councils propose")
    result = build(archive, archive.parent / "site")
    said = shortened(line.strip(" *_#>|"), 60)
    assert messages(result, "error") == [_at(JC_PAPER, line_of(archive, JC_PAPER, line[:30]), f"Item 05 is marked "
        f"'{said}', but does not say whether it is confidential: it would be published in full; write "
        "`confidential: yes` in the paper, or `confidential: no` if it may be published")]
    assert not (archive.parent / "site").exists()


@pytest.mark.parametrize("line, first_too", [
    ("The decision is not for publication until Monday.", True),
    ("This report is not for publication until the Cabinet has met.", True),
    ("Appendix 2 to this report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A.", True),
    ("Exempt information: Appendix 2 is not for publication by virtue of paragraph 3", True),
    # (on the first line, "not for publication" anywhere is the warning it was: docs/content-format.md)
    ("Members noted that the report is not for publication by virtue of paragraph 3.", False),
], ids=["decision-embargoed", "report-embargoed", "its-appendix", "its-appendix-after-the-field", "prose"])
def test_prose_speaking_of_publication_is_no_mark(archive, build, line, first_too):
    """Controls: an embargo, a public report's exempt appendix (listed with a note: the report is published), and
    a sentence reporting it, not the front sheet's line, below the first line (and on it)."""
    edit(archive, JC_PAPER, "The two councils propose", f"Report of the Director of Public Health\n\n{line}\n\n"
         "The two councils propose")
    assert [m for m in messages(build(archive)) if "confidential" in m] == []
    if first_too:
        edit(archive, JC_PAPER, "Report of the Director of Public Health\n\n", "")
        assert [m for m in messages(build(archive)) if "confidential" in m] == []
