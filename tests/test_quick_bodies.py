"""The live preview's fast path for a body's file (generator/quick_bodies.py): its description, member
organisations or website put right show on its page with the save, as a full build makes them, and anything
else in the file is left to the full rebuild."""

from __future__ import annotations

import shutil

import pytest

from generator import urls
from generator.build import Options
from generator.incremental import Session
from test_quick import AUGUST, FIXTURES, TODAY, assert_left_to_the_rebuild, edit, files, full_build, pages
from test_quick import references  # noqa: F401 - a fixture

BODY = "bodies/ccb.md"
FENCE = 'numbering: "CCBP/{yy}/{n}"\n---\n'


@pytest.mark.parametrize("old, new", [
    (FENCE, FENCE + "\nThe board on which the three CCGs commission together.\n"),
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\nwebsite: https://www.leicestercityccg.nhs.uk/\n---\n'),
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\norganisations: [NHS Leicester City CCG, NHS West Leicestershire CCG]\n'
            '---\n'),
], ids=["description", "website", "organisations"])
def test_what_only_the_bodys_page_shows_is_written_with_the_save_as_a_full_build_makes_it(
        references, tmp_path, old, new):
    session, content, live = references
    outcome = session.quick([edit(content / BODY, old, new)])
    assert outcome is not None and outcome.written == [urls.body("ccb")]
    assert session.register_saved == "CCB's file"  # what the preview's log names
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    after = session.rebuild()
    assert after.ok and after.written == []  # its open data and search aside, nothing left to write
    assert files(live) == files(tmp_path / "full")


def test_a_description_put_right_takes_the_fast_path_where_the_site_lists_the_types_of_interest(tmp_path):
    """A body whose file lists no types of interest has site.yaml's: read again with Minutebook's own, it would
    differ from the body the preview holds, and each save of its description wait for the full rebuild."""
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / "references", content)
    edit(content / "site.yaml", "title:", "interest_types: [Pecuniary, Non-pecuniary]\ntitle:")
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    outcome = session.quick([edit(content / BODY, FENCE, FENCE + "\nThe board of the three CCGs.\n")])
    assert outcome is not None and outcome.written == [urls.body("ccb")]
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


def test_a_description_put_right_twice_before_the_rebuild_shows_the_second(references, tmp_path):
    session, content, live = references
    assert session.quick([edit(content / BODY, FENCE, FENCE + "\nA first description.\n")]) is not None
    outcome = session.quick([edit(content / BODY, "A first description.", "A second description.")])
    assert outcome is not None and outcome.written == [urls.body("ccb")]
    assert pages(live) == pages(full_build(content, tmp_path / "full"))


@pytest.mark.parametrize("old, new", [
    ("name: Commissioning Collaborative Board", "name: Commissioning Board"),  # every page of the body names it
    ("short_name: CCB", "short_name: CCBB"),
    ('numbering: "CCBP/{yy}/{n}"', 'numbering: "CCB/{yy}/{n}"'),  # every minute number
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\nkind: board\n---\n'),  # the home page gives it
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\nvenue: County Hall\n---\n'),  # its meetings' venue
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\nmembers:\n  - person: sarah-prema\n---\n'),  # her page, attendance
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\ninterest_types: [Pecuniary]\n---\n'),  # its declarations' types
    (FENCE, FENCE + "\nIts minutes begin at CCBP/19/60.\n"),  # "Referenced from" on the minute's page
    (FENCE, FENCE + "\nSee CCBP/19/99.\n"),  # a reference that does not resolve: the rebuild warns of it
    (FENCE, 'numbering: "CCBP/{yy}/{n}"\nwebsite: [a\n---\n'),  # a mistake: the rebuild reports it
], ids=["name", "short-name", "numbering", "kind", "venue", "members", "interest-types", "reference",
        "dangling-reference", "broken-yaml"])
def test_a_body_edit_other_pages_show_is_left_to_the_full_rebuild_with_nothing_written(
        references, tmp_path, old, new):
    session, content, live = references
    assert_left_to_the_rebuild(session, content, live, content / BODY, old, new, tmp_path)


def test_a_new_bodys_file_is_left_to_the_full_rebuild(references, tmp_path):
    session, content, live = references
    assert_left_to_the_rebuild(session, content, live, content / "bodies" / "hwb.md", None,
                               "---\nname: Health and Wellbeing Board\nshort_name: HWB\nnumbering: per-meeting\n---\n",
                               tmp_path)


def test_a_meeting_saved_before_the_rebuild_after_a_bodys_save_is_left_to_that_rebuild(references, tmp_path):
    """Its fast path would make the body's page from the body's file before the save."""
    session, content, live = references
    assert session.quick([edit(content / BODY, FENCE, FENCE + "\nA description.\n")]) is not None
    assert session.quick([edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are. Noted.")]) \
        is None
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))
