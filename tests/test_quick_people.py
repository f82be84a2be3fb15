"""The live preview's fast path for the people register (generator/quick_people.py): a person's organisation or
roles put right shows on their page and the people page with the save, as a full build makes them, and so
does someone added or removed whom no file names; anything else in the register is left to the full rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import urls
from generator.build import Options
from generator.incremental import Session
from generator.render import DEFAULT_TEMPLATES
from test_quick import AUGUST, FIXTURES, TODAY, assert_left_to_the_rebuild, edit, files, full_build, pages, started
from test_quick import references  # noqa: F401 - a fixture

ROLE = "sarah-prema:\n  name: Sarah Prema\n  honorific: Ms\n  initials: SP\n"
NEWCOMER = "yusuf-ali:\n  name: Yusuf Ali\n  honorific: Dr\n  initials: YA\n  organisation: NHS Leicester\n"


@pytest.mark.parametrize("new, shown", [
    (ROLE + "  organisation: Leicester City Council\n", {"/people/sarah-prema/", "/people/"}),
    (ROLE + "  roles:\n    - title: Director of Strategy\n      organisation: NHS Leicester\n      from: 2019-01-01\n",
     {"/people/sarah-prema/"}),  # the people page gives no roles
], ids=["organisation", "role"])
def test_what_only_the_peoples_pages_show_is_written_with_the_save_as_a_full_build_makes_it(
        references, tmp_path, new, shown):
    session, content, live = references
    outcome = session.quick([edit(content / "people.yaml", ROLE, new)])
    assert outcome is not None and set(outcome.written) == shown
    assert outcome.rendered == 2  # her page and the people page
    built = pages(full_build(content, tmp_path / "full"))
    assert {f: pages(live)[f] for f in ("people/sarah-prema/index.html", "people/index.html")} == \
        {f: built[f] for f in ("people/sarah-prema/index.html", "people/index.html")}
    after = session.rebuild()
    assert after.ok and after.written == []  # the people's open data aside, nothing left to write
    assert files(live) == files(tmp_path / "full")


@pytest.mark.parametrize("old, new", [
    ("  name: Sarah Prema\n", "  name: Sarah Prema-Jones\n"),  # every page that names her
    ("  initials: SP\n", "  initials: SPR\n"),  # what "SP" in minutes links to
    ("  honorific: Ms\n", "  honorific: Dr\n"),
    ("  initials: SP\n", "  initials: SP\n  aliases: [Sal Prema]\n"),  # a name the meetings may give her
    ("mark-lewis:\n", "ned-brown:\n  name: Ned Brown\n  aliases: [nora-brown]\nmark-lewis:\n"),  # a name given
    ("mark-lewis:\n  name: Mark Lewis\n  honorific: Mr\n  initials: ML\n", ""),  # someone who attended, removed
    ("  initials: SP\n", "  initials: SP\n  organisation: [a\n"),  # a mistake: the rebuild reports it
    ("  initials: SP\n", "  initials: SP\n  roles:\n    - title: Chair\n      from: 2019-02-30\n"),  # one more
], ids=["name", "initials", "honorific", "alias", "person-added-under-a-name-a-meeting-gives",
    "person-removed-whom-a-meeting-names", "broken-yaml", "impossible-date"])
def test_a_register_edit_other_pages_show_is_left_to_the_full_rebuild_with_nothing_written(
        references, tmp_path, old, new):
    session, content, live = references
    assert_left_to_the_rebuild(session, content, live, content / "people.yaml", old, new, tmp_path)


def test_an_organisation_put_right_and_back_before_the_rebuild_is_put_back_on_every_page(references, tmp_path):
    session, content, live = references
    built = pages(full_build(content, tmp_path / "full"))
    register = content / "people.yaml"
    original = register.read_text()
    assert session.quick([edit(register, ROLE, ROLE + "  organisation: Leicester City Council\n")]) is not None
    register.write_text(original)
    outcome = session.quick([register])
    assert outcome is not None and set(outcome.written) == {"/people/sarah-prema/", "/people/"}
    assert pages(live) == built


def test_a_meeting_saved_before_the_rebuild_after_a_register_save_is_left_to_that_rebuild(references, tmp_path):
    """Its fast path would make the people's pages it shows from the register before the save."""
    session, content, live = references
    assert session.quick([edit(content / "people.yaml", ROLE, ROLE + "  organisation: Leicester City Council\n")])
    minutes = edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are. Noted.")
    assert session.quick([minutes]) is None
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))
    assert session.quick([edit(minutes, "Noted.", "Noted again.")]) is not None  # after that rebuild, as before


def test_a_register_saved_before_the_rebuild_after_a_meetings_save_is_left_to_that_rebuild(references, tmp_path):
    session, content, live = references
    assert session.quick([edit(content / AUGUST / "minutes.md", "stay as they are.", "stay as they are. Noted.")])
    assert session.quick([edit(content / "people.yaml", ROLE, ROLE + "  organisation: Leicester City Council\n")]) \
        is None
    assert session.rebuild().ok
    assert files(live) == files(full_build(content, tmp_path / "full"))


def test_a_save_to_a_register_file_among_others_is_left_to_the_full_rebuild(references):
    session, content, live = references
    register = edit(content / "people.yaml", ROLE, ROLE + "  organisation: Leicester City Council\n")
    body = edit(content / "bodies" / "jhsc.md", "---\n", "---\n", )
    assert session.quick([register, body]) is None
    assert session.quick([Path(content / "site.yaml")]) is None


def test_a_register_in_several_files_is_read_again_only_where_saved(tmp_path):
    """The other files' people are the last rebuild's; an id given in two files is left to the rebuild's error."""
    session, content, live = started(tmp_path, "references")
    register = (content / "people.yaml").read_text()
    first, rest = register.split("nora-brown:\n", 1)
    (content / "people").mkdir()
    (content / "people" / "a.yaml").write_text(first)
    (content / "people" / "b.yaml").write_text("nora-brown:\n" + rest)
    (content / "people.yaml").unlink()
    assert session.rebuild().ok
    saved = edit(content / "people" / "b.yaml", "  initials: NB\n", "  initials: NB\n  organisation: NHS Leicester\n")
    outcome = session.quick([saved])
    assert outcome is not None and set(outcome.written) == {"/people/nora-brown/", "/people/"}
    assert session.rebuild().written == []
    assert files(live) == files(full_build(content, tmp_path / "full"))
    assert_left_to_the_rebuild(session, content, live, content / "people" / "b.yaml", "nora-brown:\n",
                               "sarah-prema:\n  name: Sarah Prema\nnora-brown:\n", tmp_path)


def assert_written_as_a_full_build_makes_them(session, content: Path, live: Path, tmp_path: Path) -> None:
    """The pages on disk are a full build's; the rebuild after the save finds none left to write, and leaves the
    files a full build writes."""
    assert pages(live) == pages(full_build(content, tmp_path / "full"))
    after = session.rebuild()
    assert after.ok and after.written == []
    assert files(live) == files(tmp_path / "full")


def test_someone_added_whom_no_file_names_gets_their_page_with_the_save_as_a_full_build_makes_it(
        references, tmp_path):
    """A clerk adds a new member to the register before the minutes that name them: their page, the people page
    and the open data page's count of people."""
    session, content, live = references
    outcome = session.quick([edit(content / "people.yaml", "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")])
    assert outcome is not None and set(outcome.written) == {urls.person("yusuf-ali"), urls.people(),
                                                            urls.open_data()}
    assert_written_as_a_full_build_makes_them(session, content, live, tmp_path)


def test_someone_added_whose_initials_no_action_in_the_minutes_text_names_gets_their_page_with_the_save(
        references, tmp_path):
    """An action in the minutes' text asks the register whose initials its owner's are (inline_actions.py): only
    someone of those initials added makes the minutes read otherwise."""
    session, content, live = references
    edit(content / AUGUST / "minutes.md", "Paper K was not circulated.", "Paper K was not circulated (Action: NB).")
    assert session.rebuild().ok
    outcome = session.quick([edit(content / "people.yaml", "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")])
    assert outcome is not None and set(outcome.written) == {urls.person("yusuf-ali"), urls.people(),
                                                            urls.open_data()}
    assert_written_as_a_full_build_makes_them(session, content, live, tmp_path)


def test_someone_added_whose_initials_an_action_in_the_minutes_text_names_is_left_to_the_rebuild(references):
    session, content, live = references
    edit(content / AUGUST / "minutes.md", "Paper K was not circulated.", "Paper K was not circulated (Action: YA).")
    before = session.rebuild()
    assert before.ok and [d.hint for d in before.report.items if "(Action: YA)" in d.message] == [
        "to track it, give the item an ```item block listing it under `actions:` as `- owner:` the id of YA, whom "
        "the people register does not know by that name or initials, `text: Paper C in August is the finance paper; "
        "Paper K was not circulated`"]
    assert session.quick([edit(content / "people.yaml", "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")]) is None
    after = session.rebuild()
    assert after.ok and [d.hint for d in after.report.items if "(Action: YA)" in d.message] == [
        "to track it, give the item an ```item block listing it under `actions:` as `- owner: yusuf-ali`, "
        "`text: Paper C in August is the finance paper; Paper K was not circulated`"]


def test_someone_removed_whom_no_file_names_has_their_page_taken_down_with_the_save(references, tmp_path):
    session, content, live = references
    register = edit(content / "people.yaml", "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")
    assert session.rebuild().ok and (live / "people/yusuf-ali/index.html").is_file()
    outcome = session.quick([edit(register, NEWCOMER, "")])
    assert outcome is not None and outcome.deleted == [urls.person("yusuf-ali")]
    assert set(outcome.written) == {urls.people(), urls.open_data()}
    assert_written_as_a_full_build_makes_them(session, content, live, tmp_path)


def test_someone_added_and_taken_out_again_before_the_rebuild_leaves_no_page_behind(references, tmp_path):
    session, content, live = references
    built = pages(live)
    register = content / "people.yaml"
    original = register.read_text()
    assert session.quick([edit(register, "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")]) is not None
    register.write_text(original)
    outcome = session.quick([register])
    assert outcome is not None and outcome.deleted == [urls.person("yusuf-ali")]
    assert pages(live) == built


@pytest.mark.parametrize("old, new", [
    ("mark-lewis:\n", NEWCOMER + "mark-lewis:\n"),
    (ROLE, ROLE + "  organisation: Leicester City Council\n"),
], ids=["person-added", "organisation"])
def test_a_register_edit_is_left_to_the_rebuild_where_the_sites_own_templates_may_show_the_register(
        tmp_path, old, new):
    """A template of the site's own that mentions `index` may show anything of the register on any page: here
    every page counts the people and names their organisations."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    (content / "templates").mkdir()
    base = (DEFAULT_TEMPLATES / "base.html").read_text()
    footer = ("<p>{{ index.archive.people|length }} people{% for person in index.archive.people.values() "
              "if person.organisation %}, {{ person.organisation }}{% endfor %}</p>")
    (content / "templates" / "base.html").write_text(base.replace("</main>", "</main>\n" + footer))
    session = Session(Options(content=content, out=tmp_path / "live", today=TODAY, search=False))
    assert session.rebuild().ok
    assert_left_to_the_rebuild(session, content, tmp_path / "live", content / "people.yaml", old, new, tmp_path)


def test_someone_removed_whom_a_bodys_file_names_is_left_to_the_full_rebuild(references, tmp_path):
    """Its members are read from the register as the meetings' attendance is: the rebuild reports the name."""
    session, content, live = references
    register = edit(content / "people.yaml", "mark-lewis:\n", NEWCOMER + "mark-lewis:\n")
    edit(content / "bodies" / "jhsc.md", "numbering: per-meeting\n",
         "numbering: per-meeting\nmembers:\n  - person: yusuf-ali\n    role: Member\n")
    assert session.rebuild().ok
    assert_left_to_the_rebuild(session, content, live, register, NEWCOMER, "", tmp_path)


NAMESAKE = "sarah-prema-nhs:\n  name: Sarah Prema\n  honorific: Ms\n  organisation: NHS Leicester\n"


def test_a_namesake_added_whom_no_file_names_is_left_to_the_rebuild_which_titles_both_apart(references, tmp_path):
    """The person who had the name alone is titled with their organisation once someone shares it
    (namesakes.page_names), on their page and every year page of theirs, which this path does not make."""
    session, content, live = references
    assert_left_to_the_rebuild(session, content, live, content / "people.yaml", "mark-lewis:\n",
                               NAMESAKE + "mark-lewis:\n", tmp_path)
    assert "<title>Ms Sarah Prema (sarah-prema) in 2019 |" in (live / "people/sarah-prema/2019/index.html").read_text()


def test_an_organisation_that_tells_namesakes_apart_put_right_is_left_to_the_rebuild(references, tmp_path):
    session, content, live = references
    register = edit(content / "people.yaml", "mark-lewis:\n", NAMESAKE + "mark-lewis:\n")
    edit(register, ROLE, ROLE + "  organisation: Leicester City Council\n")
    assert session.rebuild().ok
    assert "<title>Ms Sarah Prema (Leicester City Council) in 2019 |" in \
        (live / "people/sarah-prema/2019/index.html").read_text()
    assert_left_to_the_rebuild(session, content, live, register, "  organisation: Leicester City Council\n",
                               "  organisation: Leicester City Council (Public Health)\n", tmp_path)
    assert "<title>Ms Sarah Prema (Leicester City Council (Public Health)) in 2019 |" in \
        (live / "people/sarah-prema/2019/index.html").read_text()


def test_someone_added_whose_first_name_a_message_gave_as_another_s_is_a_person_a_file_may_name():
    """`owner: Carol` is told whose first name it is (schema.person): a Carol added to the register changes what
    the meeting is told, so she is no one "whom no file names", whose addition the fast path writes alone."""
    from generator.model import Person
    from generator.people import Asked, PeopleIndex, may_have_asked_about

    asked = Asked(PeopleIndex({"carol-singh": Person("carol-singh", "Carol Singh", "Dr")}))
    assert asked.with_first_name("Carol") == ["carol-singh"]
    assert may_have_asked_about([asked.record()], [Person("carol-ward", "Carol Ward")])
    assert not may_have_asked_about([asked.record()], [Person("ned-brown", "Ned Brown")])


def test_someone_added_whose_role_a_vice_chair_message_named_is_a_person_a_file_may_name():
    """`chair: Vice Chair` is told who holds a role titled with it and more (schema.post_holder): a person added with
    `Vice-Chair of the Board` changes what the meeting is told, as one added with `Vice-Chair` does."""
    import datetime as dt

    from generator.model import Person, Role
    from generator.people import Asked, PeopleIndex, may_have_asked_about

    asked = Asked(PeopleIndex({"carol-singh": Person("carol-singh", "Carol Singh", "Dr")}))
    assert asked.titled("Vice Chair", dt.date(2019, 3, 14)) == []
    added = Person("carol-ward", "Carol Ward", roles=(Role("Vice-Chair of the Board"),))
    assert may_have_asked_about([asked.record()], [added])
    assert not may_have_asked_about([asked.record()], [Person("ned-brown", "Ned Brown")])
