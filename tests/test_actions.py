"""Action histories (issue 4): raised in a minute, updated in later logs, closed.

Fixture `tests/fixtures/actions/`: CCB raises CCBP/19/60#1 (owner Ms Smith, due
September 2019) and CCBP/19/60#jc-referral (owned by the Joint Committee, due
"next meeting") on 18 July 2019; the 19 September log marks #1 amber with a due
date revised to November 2019 and closes the referral green; the 21 November
log closes #1 green. The per-meeting JC raises 2019-08-01/4#1 (due 31 August).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import Options, run
from generator.diagnostics import Report
from generator.loader import load_archive
from generator.resolve import resolve
from helpers import page as parsed

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "actions"
TODAY = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("actions") / "site"
    result = run(Options(content=FIXTURE, out=out, today=TODAY, search=False))
    assert result.ok, [d.format() for d in result.report.items]
    assert result.report.items == []
    return out


@pytest.fixture(scope="module")
def index():
    report = Report(root=FIXTURE)
    archive = load_archive(FIXTURE, report)
    assert not report.items
    return resolve(archive)


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_ids_derive_from_the_raising_minute_and_position_or_explicit_id(index):
    assert set(index.tracks) == {"ccb:CCBP/19/60#1", "ccb:CCBP/19/60#jc-referral", "jc:2019-08-01/4#1"}


def test_a_chain_across_three_meetings_keeps_every_step_and_the_revised_due_date(index):
    track = index.tracks["ccb:CCBP/19/60#1"]
    assert [(s.as_at.isoformat(), s.update.status, s.update.closed) for s in track.steps] == [
        ("2019-09-19", "amber", False), ("2019-11-21", "green", True)]
    assert track.action.due.text == "September 2019"
    assert track.due.text == "November 2019" and track.due.date == dt.date(2019, 11, 30)
    assert track.closed and track.closed_step.meeting.key == "ccb/2019-11-21"


def test_state_as_at_a_date_ignores_later_updates(index):
    track = index.tracks["ccb:CCBP/19/60#1"].as_at(dt.date(2019, 10, 1))
    assert track.status == "amber" and not track.closed
    assert track.overdue_on(dt.date(2019, 10, 1)) is False  # revised to November
    assert index.tracks["ccb:CCBP/19/60#1"].as_at(dt.date(2019, 8, 1)).overdue_on(dt.date(2019, 8, 1)) is False


def test_next_meeting_resolves_to_the_bodys_next_meeting(index):
    due = index.tracks["ccb:CCBP/19/60#jc-referral"].action.due
    assert due.text == "next meeting" and due.date == dt.date(2019, 9, 19)


def test_a_due_date_revised_to_the_next_meeting_is_the_bodys_first_meeting_after_the_log_and_counts_overdue(
        tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    log = content / "meetings/ccb/2019-09-19/actions.md"
    log.write_text(log.read_text().replace("due: November 2019", "due: next meeting"))
    closing = content / "meetings/ccb/2019-11-21/actions.md"
    closing.write_text(closing.read_text().replace("    closed: yes\n", ""))
    report = Report(root=content)
    track = resolve(load_archive(content, report)).tracks["ccb:CCBP/19/60#1"]
    assert not report.items
    assert (track.due.text, track.due.date) == ("next meeting", dt.date(2019, 11, 21))
    assert not track.overdue_on(dt.date(2019, 11, 21)) and track.overdue_on(dt.date(2019, 11, 22))


def test_an_action_can_be_owned_by_a_body_and_its_page_links_that_bodys_tracker(site):
    html = page(site, "/ccb/actions/ccbp-19-60-jc-referral/")
    assert '<dt>Owner</dt> <dd><a href="/jc/">JC</a>; on the <a href="/jc/actions/">JC action tracker</a></dd>' in html


def _row(site: Path, url: str, action: str):
    """The row of a tracker (`url`) that lists the action whose page is `action`, and the text of each cell."""
    rows = [tr for tr in parsed(site, url).find_all("tr") if [href for href, _ in tr.links()][:1] == [action]]
    assert len(rows) == 1, f"{url} lists {action} {len(rows)} times"
    return rows[0], [cell.text for cell in rows[0].children if not isinstance(cell, str)]


def test_an_action_another_body_gave_a_body_is_on_its_tracker_marked_with_the_body_and_minute_that_raised_it(site):
    """A scrutiny committee's readers follow its tracker: an action a board gave it was on the board's tracker
    alone. It is listed where the committee's own are, with the same owner, due date and status."""
    action = "/ccb/actions/ccbp-19-60-jc-referral/"
    (_, own), (row, given) = _row(site, "/ccb/actions/", action), _row(site, "/jc/actions/", action)
    assert given[3] == "18 July 2019, raised by the CCB, minute CCBP/19/60"
    assert ("/ccb/", "CCB") in row.links() and ("/ccb/2019/ccbp-19-60/", "CCBP/19/60") in row.links()
    assert given[:3] + given[4:] == own[:3] + own[4:]
    tracker = page(site, "/jc/actions/")
    assert tracker.split('id="closed"')[1].count(f'href="{action}"') == 1  # closed by the CCB's September log
    assert "or given to the JC by another body" in parsed(site, "/jc/actions/").one("main").text
    assert "or given to" not in parsed(site, "/ccb/actions/").one("main").text


def test_a_tracker_sorts_a_body_that_owns_an_action_by_the_short_name_it_shows_then_its_name(site):
    """People sort by surname; the JC sorted by its slug, "jc", however it is named."""
    row, cells = _row(site, "/jc/actions/", "/ccb/actions/ccbp-19-60-jc-referral/")
    owner = [cell for cell in row.children if not isinstance(cell, str)][1]
    assert (cells[1], owner.attrs["data-sort"]) == ("JC", "1 JC Joint Committee; ")


def test_a_bodys_actions_spreadsheet_lists_the_actions_its_tracker_does(site):
    rows = (site / "data/actions/jc.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["ccb:CCBP/19/60#jc-referral", "jc:2019-08-01/4#1"]
    assert rows[0].split(",")[2] == "ccb"  # the body that raised it


def test_a_body_that_raised_no_action_but_was_given_one_has_a_tracker_its_page_links(tmp_path):
    content = _copy(tmp_path)
    minutes = content / "meetings/jc/2019-08-01/minutes.md"
    minutes.write_text(minutes.read_text().split("```item")[0])
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok
    assert ("/jc/actions/", "Actions tracker for JC") in parsed(out, "/jc/").links()
    assert "/ccb/actions/ccbp-19-60-jc-referral/" in [h for h, _ in parsed(out, "/jc/actions/").links()]


def test_action_page_shows_the_timeline_with_due_date_changes_and_closure(site):
    html = page(site, "/ccb/actions/ccbp-19-60-1/")
    raised, amber, green = (html.index("raised</h3>"), html.index("status-amber"), html.index("status-green\">Green</span>, closed"))
    assert raised < amber < green
    assert "Due date revised from September 2019 to November 2019." in [
        p.text for p in parsed(site, "/ccb/actions/ccbp-19-60-1/").find_all("p")]
    assert '<strong>Closed</strong> at the <a href="/ccb/2019/2019-11-21/">' in html
    for url in ("/ccb/2019/ccbp-19-60/", "/ccb/2019/2019-09-19/#action-log", "/ccb/2019/2019-11-21/#action-log"):
        assert f'href="{url}"' in html


def test_lists_of_meetings_say_a_meeting_has_an_action_log(site):
    """A meeting whose action log is all the archive has of it was listed as "No records yet": a reader following
    an action's updates passed over it."""
    assert "19 September 2019: CCB meeting</a> (Action log)" in page(site, "/ccb/")
    assert ('21 November 2019</span></a></td>\n      <td data-label="Records">Action log</td>' in page(site, "/ccb/2019/"))


def test_an_action_log_added_to_a_meeting_is_listed_by_a_warm_build_as_by_a_full_one(tmp_path):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    text = log.read_text()
    log.unlink()
    warm, full = tmp_path / "warm", tmp_path / "full"
    assert run(Options(content=content, out=warm, today=TODAY, search=False)).ok
    log.write_text(text)
    assert run(Options(content=content, out=warm, today=TODAY, search=False)).ok
    assert run(Options(content=content, out=full, today=TODAY, search=False, cache=False)).ok
    for url in ("/ccb/", "/ccb/2019/", "/archive/2019/"):
        assert page(warm, url) == page(full, url)
    assert "21 November 2019: CCB meeting</a> (Action log)" in page(warm, "/ccb/")


def test_status_is_given_in_words_not_only_colour(site):
    html = page(site, "/ccb/2019/2019-09-19/")
    assert '<span class="status status-amber">Amber</span>' in html
    assert '<span class="status status-green">Green</span>, <strong>Closed</strong>' in html


def test_tracker_groups_open_overdue_and_closed(site):
    html = page(site, "/jc/actions/")
    open_section = html.split('id="open"')[1].split('id="overdue-last-meeting"')[0]
    overdue_today = html.split('id="overdue-today"')[1].split('id="closed"')[0]
    assert "2019-08-01/4#1" in open_section and "2019-08-01/4#1" in overdue_today
    ccb = page(site, "/ccb/actions/")
    closed = ccb.split('id="closed"')[1]
    assert "CCBP/19/60#1" in closed and "CCBP/19/60#jc-referral" in closed
    assert "No open actions." in ccb


def _dues(site: Path, url: str) -> list[tuple[str, str]]:
    """(action, what its Due column says) of each row of every table of the page that has one."""
    found = []
    for table in parsed(site, url).find_all("table"):
        headings = [th.text for th in table.find("thead").find_all("th")]
        for row in table.find("tbody").find_all("tr"):
            cells = [cell.text for cell in row.children if not isinstance(cell, str)]
            if "Due" in headings:
                found.append((cells[0].split(":")[0], cells[headings.index("Due")]))
    return found


def test_a_due_date_is_said_as_every_date_is_however_due_wrote_it(tmp_path):
    """`due: 2019-09` was shown as '2019-09', `31st Aug 2019` as written, beside 'November 2019' and '21 June 2019'
    of other actions: each is given in the site's words wherever a due date is shown, the month as a month; the
    tracker still sorts by the date, and the open data keep what was written, as docs/open-data.md says."""
    content = _copy(tmp_path)
    for path, old, new in (("meetings/ccb/2019-07-18/minutes.md", "due: September 2019", "due: 2019-09"),
                           ("meetings/ccb/2019-09-19/actions.md", "due: November 2019", "due: 2019-11"),
                           ("meetings/jc/2019-08-01/minutes.md", "due: 2019-08-31", "due: 31st Aug 2019")):
        (content / path).write_text((content / path).read_text().replace(old, new))
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok

    action = parsed(out, "/ccb/actions/ccbp-19-60-1/")
    facts = dict(zip((term.text for term in action.find_all("dt")), (dd.text for dd in action.find_all("dd"))))
    assert facts["Due"] == "November 2019 (revised; originally September 2019)"
    history = [p.text for p in action.find_all("p")]
    assert "Raised under minute CCBP/19/60 at the CCB meeting, 18 July 2019, due September 2019." in history
    assert "Due date revised from September 2019 to November 2019." in history
    assert '<time datetime="2019-11">November 2019</time>' in page(out, "/ccb/actions/ccbp-19-60-1/")
    assert "Raised under minute 4 at the JC meeting, 1 August 2019, due 31 August 2019." in [
        p.text for p in parsed(out, "/jc/actions/2019-08-01-4-1/").find_all("p")]

    raised_at = parsed(out, "/ccb/2019/2019-07-18/")
    assert [li.text for li in raised_at.find_all("li") if li.text.startswith("Action CCBP/19/60#1:")] == [
        "Action CCBP/19/60#1: Run the three-month pilot and report back. Owner: Ms Ann Smith. Due: November 2019 "
        "(revised; originally September 2019)."]
    assert _dues(out, "/ccb/2019/2019-07-18/") == [("CCBP/19/60#1", "November 2019 (revised)"),
                                                   ("CCBP/19/60#jc-referral", "next meeting (19 September 2019)")]
    assert ("CCBP/19/60#1", "November 2019 (revised)") in _dues(out, "/ccb/actions/")
    assert _dues(out, "/jc/actions/")[0] == ("2019-08-01/4#1", "31 August 2019")
    assert _dues(out, "/people/bob-jones/") == [("2019-08-01/4#1", "31 August 2019")]
    assert _dues(out, "/people/ann-smith/2019/") == [("CCBP/19/60#1", "November 2019 (revised)")]

    feed = (out / "feeds/actions/ccb/ccbp-19-60-1.xml").read_text()
    assert "Owner: Ms Ann Smith. Due: September 2019.</summary>" in feed
    assert "Due date revised to November 2019.</summary>" in feed

    record = next(a for a in json.loads((out / "data/actions.json").read_text())["actions"]
                  if a["id"] == "ccb:CCBP/19/60#1")
    assert (record["due"], record["current_due"]) == ({"text": "2019-09", "date": "2019-09-30"},
                                                      {"text": "2019-11", "date": "2019-11-30"})


def test_an_action_log_shows_the_due_date_it_gave_not_one_a_later_log_of_the_same_day_revised(tmp_path):
    """A log showed each action as it stood at the log's date, a later log of that date included: an extraordinary
    meeting held the same day put its revision in the ordinary meeting's log, which had given another."""
    out = _built_with_log(tmp_path, "ccb/2019-09-19-extraordinary",
                          "body: ccb\ndate: 2019-09-19\ntitle: Extraordinary meeting\n",
                          "updates:\n  - action: CCBP/19/60#1\n    status: amber\n    progress: Pilot to run on.\n"
                          "    due: December 2019\n")
    assert _dues(out, "/ccb/2019/2019-09-19/") == [("CCBP/19/60#1", "November 2019 (revised)"),
                                                   ("CCBP/19/60#jc-referral", "next meeting (19 September 2019)")]
    assert _dues(out, "/ccb/2019/2019-09-19-extraordinary/") == [("CCBP/19/60#1", "December 2019 (revised)")]
    assert _dues(out, "/ccb/2019/2019-11-21/") == [("CCBP/19/60#1", "December 2019 (revised)")]


def test_a_later_action_log_says_the_due_date_an_earlier_log_revised_is_revised(site):
    """The 21 November log, which closes CCBP/19/60#1, gave its due date as November 2019 alone, as if minuted so,
    where the tracker, the action's page and the September log, which revised it, say "(revised)"."""
    assert _dues(site, "/ccb/2019/2019-11-21/") == [("CCBP/19/60#1", "November 2019 (revised)")]


def test_a_tracker_shows_the_latest_years_closed_actions_and_links_a_page_for_each_earlier_year(tmp_path):
    """Every action a body ever closed, on its tracker, made the tracker grow with the archive: 523 rows,
    315 KB and 5,600 elements at a body's 118th meeting of a synthetic archive. Closed actions are listed by
    the year they were closed: the latest year's on the tracker, each year's on a page of its own."""
    sys.path.insert(0, str(REPO))  # benchmarks/ is run from the repository, not installed
    from benchmarks.synthetic import Spec, generate

    content, out = tmp_path / "content", tmp_path / "site"
    generate(content, Spec(meetings=40, bodies=1))
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok
    closed: dict[str, set] = {}
    for action in json.loads((out / "data" / "actions.json").read_text(encoding="utf-8"))["actions"]:
        if action["closed"]:
            closed.setdefault(action["closed_on"][:4], set()).add(urlsplit(action["url"]).path)
    latest, *earlier = sorted(closed, reverse=True)
    assert earlier, "control: actions were closed in more than one year"
    slug = next(p.name for p in (content / "bodies").iterdir()).removesuffix(".md")

    def listed(html: str) -> set:
        return set(re.findall(rf'<th scope="row" data-label="Action" data-sort="[^"]*"><a href="(/{slug}/actions/[^"]+)"',
                              html))

    tracker = page(out, f"/{slug}/actions/")
    assert listed(tracker.split('id="closed"')[1]) == closed[latest]
    for year in earlier:
        assert f'href="/{slug}/actions/closed/{year}/"' in tracker
    for year, urls in closed.items():
        assert listed(page(out, f"/{slug}/actions/closed/{year}/")) == urls


def test_overdue_at_the_last_meeting_is_measured_at_that_meeting(site):
    html = page(site, "/jc/actions/")
    section = html.split('id="overdue-last-meeting"')[1].split('id="overdue-today"')[0]
    assert "None." in section  # the JC's last meeting (1 August) was before the due date


def test_meeting_page_shows_its_action_log_and_the_actions_raised(site):
    raised = page(site, "/ccb/2019/2019-07-18/")
    assert 'id="actions-raised"' in raised and "/ccb/actions/ccbp-19-60-1/" in raised
    log = page(site, "/ccb/2019/2019-09-19/")
    assert 'id="action-log"' in log and "Pilot extended to ten practices." in log


def _statuses(site: Path, url: str) -> list[tuple[str, str]]:
    """(action, what its Status cell says) of each row of a meeting page's "Actions raised" table."""
    table = parsed(site, url).one("section", **{"aria-labelledby": "actions-raised"}).one("table")
    return [(row.find("th").text.split(":")[0], row.find_all("td")[-1].text)
            for row in table.find("tbody").find_all("tr")]


def test_the_actions_raised_at_a_meeting_say_which_are_overdue_as_their_own_pages_do(site):
    """A reader following a meeting's actions from its page saw 'No update yet' of one months past its due date,
    which its own page and the tracker called overdue: the Status cell says so too, in the word and markup of the
    action's page (a word, not a colour), as at the build date; a closed action past its due date does not."""
    overdue = '<strong class="overdue">Overdue</strong>'
    assert _statuses(site, "/jc/2019/2019-08-01/") == [("2019-08-01/4#1", "No update yet, Overdue")]
    assert f'<span class="status status-open">No update yet</span>, {overdue}</td>' in page(site, "/jc/2019/2019-08-01/")
    assert f"</time>, {overdue}</dd>" in page(site, "/jc/actions/2019-08-01-4-1/")
    assert _statuses(site, "/ccb/2019/2019-07-18/") == [("CCBP/19/60#1", "Green, Closed"),
                                                         ("CCBP/19/60#jc-referral", "Green, Closed")]


def test_person_page_lists_actions_owned(site):
    html = page(site, "/people/bob-jones/")
    assert 'href="/jc/actions/2019-08-01-4-1/"' in html


def _owned(site: Path, url: str, section: str) -> list[tuple[str, str]]:
    """(action, what its Status cell says) of each row of a person's table of actions (`section`: its heading's
    id), on their page or a year's."""
    table = parsed(site, url).one("section", **{"aria-labelledby": section}).one("table")
    return [(row.find("th").text.split(":")[0], row.find_all("td")[-1].text)
            for row in table.find("tbody").find_all("tr")]


def test_a_persons_pages_say_which_of_the_actions_they_own_are_overdue(site):
    """A person's page lists the open actions they own, each with its latest status only: a councillor looking up
    what they still owe saw 'No update yet' of one months past its due date, which its own page called overdue.
    Their page and their year's page say so, in the word and markup of the action's page, as at the build date;
    a closed action past its due date does not."""
    overdue = '<strong class="overdue">Overdue</strong>'
    assert _owned(site, "/people/bob-jones/", "actions") == [("2019-08-01/4#1", "No update yet, Overdue")]
    assert f'<span class="status status-open">No update yet</span>, {overdue}</td>' in page(site, "/people/bob-jones/")
    assert _owned(site, "/people/bob-jones/2019/", "actions") == [("2019-08-01/4#1", "No update yet, Overdue")]
    assert _owned(site, "/people/ann-smith/", "closed-actions") == [("CCBP/19/60#1", "Green, Closed 21 November 2019")]
    assert "Overdue" not in page(site, "/people/ann-smith/2019/")


def test_every_status_cell_parts_the_status_from_what_follows_it_with_a_comma(site):
    """A status cell said "Amber Overdue" and "Green Closed": the status is a box on screen, but screen readers and
    copied text ran the two words together. In every table of actions a comma parts them, as one parts a due date
    from its "Overdue" ("Due: October 2018, Overdue")."""

    def cells(url: str, caption: str) -> list[tuple[str, str]]:
        table = next(t for t in parsed(site, url).find_all("table") if t.one("caption").text.startswith(caption))
        return [(row.find("th").text.split(":")[0], row.find_all("td")[-1].text) for row in table.find_all("tr")[1:]]

    assert cells("/jc/2019/2019-08-01/", "Actions raised") == [("2019-08-01/4#1", "No update yet, Overdue")]
    assert cells("/people/bob-jones/", "Open actions") == [("2019-08-01/4#1", "No update yet, Overdue")]
    assert cells("/ccb/2019/2019-11-21/", "Action log") == [("CCBP/19/60#1", "Green, Closed")]
    assert cells("/ccb/actions/", "Actions closed in") == [("CCBP/19/60#jc-referral", "Green, Closed 19 September 2019"),
                                                            ("CCBP/19/60#1", "Green, Closed 21 November 2019")]


def test_a_minutes_page_says_which_of_the_actions_it_raised_are_overdue(site):
    """A minute item's page lists the actions it raised with their owner and due date, and nothing of what
    became of them: it says 'Overdue' of one still open past its due date at the build date, as the action's page
    does; not of one closed. The meeting's page says so in its "Actions raised" table, not again in its minutes.
    A comma parts it from the due date: "Due: October 2018 Overdue" ran the two together, to the eye and read aloud,
    on the minute's page and the action's."""
    overdue = '<strong class="overdue">Overdue</strong>'
    due = '<time datetime="2019-08-31">31 August 2019</time>'
    assert f"Due: {due}, {overdue}.</span></li>" in page(site, "/jc/2019/2019-08-01/item-4/")
    assert f"Due: {due}.</span></li>" in page(site, "/jc/2019/2019-08-01/")
    closed = parsed(site, "/ccb/2019/ccbp-19-60/").one("div", class_="actions-raised").text
    assert "CCBP/19/60#1" in closed and "Overdue" not in closed


@pytest.mark.parametrize("revised, words, overdue", [("2019-11-30", "30 November 2019", True),
                                                      ("2020-03-31", "31 March 2020", False)])
def test_a_minutes_page_gives_the_due_date_overdue_is_judged_by_as_the_actions_other_pages_do(
        tmp_path, revised, words, overdue):
    """A minute's page gave an action's due date as minuted beside "Overdue" judged by the date a log revised it
    to: "Due: 31 August 2019" said nothing of a revision to 31 March 2020, and so of why it was not overdue. It
    gives the revised date and what was minuted, as the action's page does; its meeting's "Actions raised" table
    and its owner's pages give the same date, and all four say the same of whether it is overdue."""
    out = _built_with_log(tmp_path, "jc/2019-10-03", "body: jc\ndate: 2019-10-03\n",
                          f"updates:\n  - action: 2019-08-01/4#1\n    status: amber\n    due: {revised}\n")
    flag = ", Overdue" if overdue else ""
    minuted = (f"Action 2019-08-01/4#1: Write to the board with the committee's view. Owner: Mr Bob Jones. Due: {words} "
               f"(revised; originally 31 August 2019){flag}.")
    assert [li.text for li in parsed(out, "/jc/2019/2019-08-01/item-4/").one("div", class_="actions-raised")
            .find_all("li")] == [minuted]
    action = parsed(out, "/jc/actions/2019-08-01-4-1/")
    facts = dict(zip((term.text for term in action.find_all("dt")), (dd.text for dd in action.find_all("dd"))))
    assert facts["Due"] == f"{words} (revised; originally 31 August 2019){flag}"
    for url, section in (("/jc/2019/2019-08-01/", "actions-raised"), ("/people/bob-jones/", "actions"),
                         ("/people/bob-jones/2019/", "actions")):
        assert _dues(out, url) == [("2019-08-01/4#1", f"{words} (revised)")]
        assert _owned(out, url, section) == [("2019-08-01/4#1", "Amber, Overdue" if overdue else "Amber")]


def test_an_action_closed_in_the_log_of_a_meeting_yet_to_be_held_is_not_shown_overdue(tmp_path):
    """A log goes out with its meeting's agenda, dated the meeting's day unless it says `as_at:`: its page said
    the action was closed there and, in the same list, that it was overdue, which the tracker did not."""
    out = _built_with_log(tmp_path, "jc/2020-02-06", "body: jc\ndate: 2020-02-06\n",
                          "updates:\n  - action: 2019-08-01/4#1\n    status: complete\n    closed: yes\n")
    html = page(out, "/jc/actions/2019-08-01-4-1/")
    assert "<strong>Closed</strong> at the " in html and "Overdue" not in html
    assert _statuses(out, "/jc/2019/2019-08-01/") == [("2019-08-01/4#1", "Complete, Closed")]  # so its meeting's
    assert "Overdue" not in page(out, "/jc/2019/2019-08-01/item-4/")  # its minute's
    assert _owned(out, "/people/bob-jones/2019/", "actions") == [("2019-08-01/4#1", "Complete, Closed 6 February 2020")]
    tracker = page(out, "/jc/actions/")
    assert "2019-08-01/4#1" in tracker.split('id="closed"')[1]
    assert "2019-08-01/4#1" not in tracker.split('id="overdue-today"')[1].split('id="closed"')[0]
    record = {a["id"]: a for a in json.loads((out / "data/actions.json").read_text())["actions"]}["jc:2019-08-01/4#1"]
    assert (record["closed"], record["overdue"]) == (True, False)  # and so do the data


@pytest.mark.parametrize("revised, words, overdue", [("2020-03-31", "31 March 2020", False),
                                                      ("2019-12-13", "13 December 2019", True)])
def test_a_due_date_revised_in_the_log_of_a_meeting_yet_to_be_held_is_the_one_overdue_is_judged_by(
        tmp_path, revised, words, overdue):
    """A log goes out with its meeting's pack, ahead of the meeting, and what it says is the clerk's view now: every
    page gave the due date it revised, but "Overdue" was judged by the date before it, as at the build date (1
    January 2020), which that log was not, so a reader saw "31 March 2020 (revised) Overdue". Every page and the
    open data judge by the date they show: not overdue before it, overdue after it, as if it was brought forward."""
    out = _built_with_log(tmp_path, "jc/2020-02-06", "body: jc\ndate: 2020-02-06\n",
                          f"updates:\n  - action: 2019-08-01/4#1\n    status: amber\n    progress: Drafted.\n"
                          f"    due: {revised}\n")
    flag = ", Overdue" if overdue else ""  # after a due date; a status cell's is its own box
    action = parsed(out, "/jc/actions/2019-08-01-4-1/")
    facts = dict(zip((term.text for term in action.find_all("dt")), (dd.text for dd in action.find_all("dd"))))
    assert facts["Due"] == f"{words} (revised; originally 31 August 2019){flag}"
    assert [li.text for li in parsed(out, "/jc/2019/2019-08-01/item-4/").one("div", class_="actions-raised")
            .find_all("li")] == [f"Action 2019-08-01/4#1: Write to the board with the committee's view. Owner: Mr Bob "
                                 f"Jones. Due: {words} (revised; originally 31 August 2019){flag}."]
    for url, section in (("/jc/2019/2019-08-01/", "actions-raised"), ("/people/bob-jones/", "actions"),
                         ("/people/bob-jones/2019/", "actions")):
        assert _dues(out, url) == [("2019-08-01/4#1", f"{words} (revised)")]
        assert _owned(out, url, section) == [("2019-08-01/4#1", "Amber, Overdue" if overdue else "Amber")]
    tracker = page(out, "/jc/actions/")
    assert ("2019-08-01/4#1" in tracker.split('id="overdue-today"')[1].split('id="closed"')[0]) is overdue
    record = {a["id"]: a for a in json.loads((out / "data/actions.json").read_text())["actions"]}["jc:2019-08-01/4#1"]
    assert (record["current_due"]["date"], record["overdue"]) == (revised, overdue)


def test_an_action_closed_in_the_log_of_a_meeting_yet_to_be_held_is_not_rendered_again_as_its_due_date_passes(
        tmp_path):
    """Its page says "Closed" whatever the build date, but its deps held whether it was overdue as the updates
    dated by then left it (open), so a build on the day after its due date rendered the page again, to the same
    bytes. Only the lists that say "as at" the build date are."""
    content = _with_log(tmp_path, "jc/2020-02-06", "body: jc\ndate: 2020-02-06\n",
                        "updates:\n  - action: 2019-08-01/4#1\n    status: complete\n    closed: yes\n")
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=dt.date(2019, 8, 31), search=False)).ok  # due 31 August
    again = run(Options(content=content, out=out, today=dt.date(2019, 9, 1), search=False))
    assert again.ok and again.changed == ["/ccb/actions/", "/jc/actions/"]


def test_the_notes_below_an_action_logs_frontmatter_are_published_with_the_log(tmp_path):
    """They were read and then shown nowhere, their references cited from nowhere."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text() + "Actions not listed were not yet due; see CCBP/19/60.\n")
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok
    section = page(out, "/ccb/2019/2019-11-21/").split('id="action-log"')[1].split("</section>")[0]
    assert ('Actions not listed were not yet due; see <a href="/ccb/2019/ccbp-19-60/" class="xref">CCBP/19/60</a>.'
            in section)
    assert 'href="/ccb/2019/2019-11-21/#action-log"' in page(out, "/ccb/2019/ccbp-19-60/").split("Referenced from")[1]


def test_an_action_log_of_notes_alone_is_published(tmp_path):
    """A log that updates no action may still say why, and a reference in it leads to its section."""
    out = _built_with_log(tmp_path, "jc/2019-10-03", "body: jc\ndate: 2019-10-03\n",
                          "updates: []\n", "No action was due; CCBP/19/60 is reported to the CCB.\n")
    html = page(out, "/jc/2019/2019-10-03/")
    assert '<a href="#action-log">' in html
    assert "No action was due;" in html.split('id="action-log"')[1].split("</section>")[0]


def test_an_action_id_in_the_text_links_to_the_action_and_lists_the_place_on_its_page(tmp_path):
    """`CCBP/19/60#jc-referral`, as the action's page, the tracker and the logs name it, written in a log's progress
    or in minutes: its minute's number alone was linked, the `#jc-referral` left as text after it."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("Pilot report received at this meeting.",
                                           "Pilot report received, as CCBP/19/60#jc-referral asked."))
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=TODAY, search=False))
    assert result.ok and result.report.items == []
    log_section = page(out, "/ccb/2019/2019-11-21/").split('id="action-log"')[1].split("</section>")[0]
    assert ('as <a href="/ccb/actions/ccbp-19-60-jc-referral/" class="xref">CCBP/19/60#jc-referral</a> asked.'
            in log_section)
    assert 'href="/ccb/2019/2019-11-21/#action-log"' in \
        page(out, "/ccb/actions/ccbp-19-60-jc-referral/").split("Referenced from")[1]


def test_an_action_id_in_the_text_that_names_no_action_is_warned_with_the_minutes_actions(tmp_path):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("Pilot report received at this meeting.",
                                           "Pilot report received, as CCBP/19/60#3 asked."))
    assert _messages(content) == [
        "content/meetings/ccb/2019-11-21/actions.md:5: warning: reference 'CCBP/19/60#3' does not resolve; its "
        "minute's actions are CCBP/19/60#1, CCBP/19/60#jc-referral"]


# ---- clerk-facing checks -----------------------------------------------------------

def _copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def _with_log(tmp_path: Path, folder: str, meeting: str, log: str, notes: str = "") -> Path:
    """A copy of the fixture with one more meeting (its folder under meetings/, its frontmatter), with an action
    log (its frontmatter, then `notes`); the content folder."""
    content = _copy(tmp_path)
    added = content / "meetings" / folder
    added.mkdir()
    (added / "meeting.md").write_text(f"---\n{meeting}---\n")
    (added / "actions.md").write_text(f"---\n{log}---\n{notes}")
    return content


def _built_with_log(tmp_path: Path, folder: str, meeting: str, log: str, notes: str = "") -> Path:
    """The fixture built with one more meeting and its action log (_with_log); the site's folder."""
    content = _with_log(tmp_path, folder, meeting, log, notes)
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok
    return out


@pytest.fixture(scope="module")
def drafts_preview(tmp_path_factory) -> Path:
    """The fixture built as a `--drafts` preview, July's minutes, which raised both CCB actions, and November's log
    made drafts; the site's folder."""
    content = _copy(tmp_path_factory.mktemp("drafts"))
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text().replace("status: approved", "status: draft", 1))
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text("---\nstatus: draft\n" + log.read_text().removeprefix("---\n"))
    out = content.parent / "site"
    result = run(Options(content=content, out=out, today=TODAY, search=False, drafts=True))
    assert result.ok and [d.format() for d in result.report.items] == []
    return out


def _draft_marks(site: Path, url: str, caption: str) -> list[tuple[str, list[str], list[str]]]:
    """(action, the draft marks of its Action cell, of its Status cell) of each row of the table of `caption`."""
    table = next(t for t in parsed(site, url).find_all("table") if t.one("caption").text.startswith(caption))
    return [(row.find("th").find("a").text, [n.text for n in row.find("th").find_all("strong", class_="draft-flag")],
             [n.text for n in row.find_all("td")[-1].find_all("strong", class_="draft-flag")])
            for row in table.find_all("tr")[1:]]


def test_a_drafts_preview_marks_each_draft_row_of_a_tracker_and_an_action_log(drafts_preview):
    """A `--drafts` preview's trackers and action logs listed actions raised in draft minutes, and statuses from a
    draft log, as if approved, where the action's page and feed say they are drafts: each such row says so, in
    the action's page's mark."""
    raised = ["Raised in draft minutes"]
    assert _draft_marks(drafts_preview, "/ccb/actions/", "Actions closed in") == [
        ("CCBP/19/60#jc-referral", raised, []), ("CCBP/19/60#1", raised, ["from a draft log"])]
    assert _draft_marks(drafts_preview, "/ccb/2019/2019-09-19/", "Action log") == [
        ("CCBP/19/60#1", raised, []), ("CCBP/19/60#jc-referral", raised, [])]
    assert _draft_marks(drafts_preview, "/ccb/2019/2019-11-21/", "Action log") == [("CCBP/19/60#1", raised, ["draft"])]
    assert _draft_marks(drafts_preview, "/jc/actions/", "Open actions") == [("2019-08-01/4#1", [], [])]
    assert _draft_marks(drafts_preview, "/jc/actions/", "Actions closed in") == [
        ("CCBP/19/60#jc-referral", raised, [])]


def test_a_drafts_preview_marks_each_draft_row_of_a_meetings_and_a_persons_actions_as_the_tracker_does(
        drafts_preview):
    """The tables of the actions raised at a meeting and of the actions a person owns listed an action raised in
    draft minutes, and a status from a draft log, as if approved, where the tracker marked them: they mark them in
    the tracker's words."""
    raised, from_draft = ["Raised in draft minutes"], ["from a draft log"]
    assert _draft_marks(drafts_preview, "/ccb/2019/2019-07-18/", "Actions raised") == [
        ("CCBP/19/60#1", raised, from_draft), ("CCBP/19/60#jc-referral", raised, [])]
    assert _draft_marks(drafts_preview, "/people/ann-smith/", "Actions owned by") == [
        ("CCBP/19/60#1", raised, from_draft)]
    assert _draft_marks(drafts_preview, "/people/ann-smith/2019/", "Actions owned by") == [
        ("CCBP/19/60#1", raised, from_draft)]
    assert _draft_marks(drafts_preview, "/jc/2019/2019-08-01/", "Actions raised") == [("2019-08-01/4#1", [], [])]
    assert _draft_marks(drafts_preview, "/people/bob-jones/", "Open actions") == [("2019-08-01/4#1", [], [])]


def test_a_draft_action_logs_progress_line_says_the_log_is_a_draft(drafts_preview):
    """A draft log's "Progress as at" line, which introduces its progress, read as a final log's: it says the log
    is a draft, as a draft minute's page says its minutes are; a final log's says nothing more."""
    assert parsed(drafts_preview, "/ccb/2019/2019-11-21/").one("section", **{"aria-labelledby": "action-log"}).one(
        "p").text == "Progress as at Thursday 21 November 2019. Draft action log, not yet final."
    assert parsed(drafts_preview, "/ccb/2019/2019-09-19/").one("section", **{"aria-labelledby": "action-log"}).one(
        "p").text == "Progress as at Thursday 19 September 2019."


def test_a_committees_action_log_says_which_body_raised_an_action_as_its_tracker_does(tmp_path):
    """The joint committee's log of 5 September updates the action the board gave it: its Raised cell gave minute
    CCBP/19/60 and a date, and a reader of the committee's minutes could not tell it was the board's."""
    out = _built_with_log(tmp_path, "jc/2019-09-05", "body: jc\ndate: 2019-09-05\n",
                          "updates:\n  - action: ccb:CCBP/19/60#jc-referral\n    status: on-track\n"
                          "    progress: On the agenda.\n  - action: 2019-08-01/4#1\n    status: amber\n"
                          "    progress: Letter drafted.\n")
    log = parsed(out, "/jc/2019/2019-09-05/").one("table", class_="action-log")
    raised = {row.find("th").text.split(":")[0]: row.find_all("td")[0] for row in log.find("tbody").find_all("tr")}
    given = raised["CCBP/19/60#jc-referral"]
    assert given.text == "18 July 2019, raised by the CCB, minute CCBP/19/60"
    assert given.links() == [("/ccb/", "CCB"), ("/ccb/2019/ccbp-19-60/", "CCBP/19/60")]
    assert raised["2019-08-01/4#1"].text == "4, 1 August 2019"  # its own: the minute and the date, as before
    # in the words and markup of the committee's tracker
    _, on_tracker = _row(out, "/jc/actions/", "/ccb/actions/ccbp-19-60-jc-referral/")
    assert on_tracker[3] == given.text


def _messages(content: Path) -> list[str]:
    result = run(Options(content=content, out=content.parent / "site", today=TODAY, search=False), write=False)
    return [d.format() for d in result.report.items]


def test_update_for_an_unknown_action(tmp_path):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("CCBP/19/60#1", "CCBP/19/61#1"))
    assert ("content/meetings/ccb/2019-11-21/actions.md:3: error: update for an unknown action 'CCBP/19/61#1'; "
            "did you mean 'CCBP/19/60#1', an open action this log leaves out? If not, there is no minute CCBP/19/61 in "
            "ccb's minutes: check the minute number (is the year right?)") in _messages(content)


def test_update_in_the_log_of_a_meeting_before_the_action_was_raised(tmp_path):
    content = _with_log(tmp_path, "ccb/2019-07-01", "body: ccb\ndate: 2019-07-01\n",
                        "updates:\n  - action: CCBP/19/60#1\n    status: amber\n")
    assert ("content/meetings/ccb/2019-07-01/actions.md:3: error: the update of action CCBP/19/60#1 is dated "
            "1 July 2019, before the action was raised on 18 July 2019; check the action id, or the log's as_at date"
            ) in _messages(content)


@pytest.mark.parametrize("as_at, message", [
    # A mistyped as_at, not each of the log's updates, is what the clerk has to mend.
    ("2018-09-19", "error: the log is dated as_at 19 September 2018, before actions CCBP/19/60#1 and "
     "CCBP/19/60#jc-referral were raised on 18 July 2019; correct the date (is the year right?), or remove as_at to "
     "date the log by its meeting, 19 September 2019"),
    # The action's page orders its updates by as_at: one dated after its meeting could come after later logs.
    ("2019-10-19", "warning: the log is dated as_at 19 October 2019, after the meeting it was presented at "
     "(19 September 2019); correct the date: a log gives the actions' state on or before its meeting; or remove "
     "as_at to date it by its meeting")])
def test_log_dated_as_at_before_its_actions_were_raised_or_after_its_meeting_is_one_message_on_that_line(
        tmp_path, as_at, message):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-09-19/actions.md"
    log.write_text(log.read_text().replace("updates:", f"as_at: {as_at}\nupdates:"))
    assert _messages(content) == [f"content/meetings/ccb/2019-09-19/actions.md:2: {message}"]


@pytest.mark.parametrize("as_at", ["2019-09-12", "2019-09-19"])
def test_log_dated_as_at_on_or_before_an_earlier_meeting_s_log_is_a_warning_naming_both(tmp_path, as_at):
    """Updates are ordered by their log's date: the 21 November log's would come before the 19 September log's,
    and the tracker would give the September status as the latest."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("updates:", f"as_at: {as_at}\nupdates:"))
    day = dt.date.fromisoformat(as_at).day
    assert (f"content/meetings/ccb/2019-11-21/actions.md:2: warning: the log is dated as_at {day} September 2019, on "
            "or before the log of the earlier meeting of 19 September 2019 "
            "(content/meetings/ccb/2019-09-19/actions.md, dated 19 September 2019), so the actions' pages and "
            "trackers would put this log's updates before that log's; correct the date (is the year right?), or "
            "remove as_at to date the log by its meeting, 21 November 2019") in _messages(content)


def test_logs_of_meetings_held_the_same_day_are_in_no_order_to_keep(tmp_path):
    content = _with_log(tmp_path, "ccb/2019-11-21-extra", "body: ccb\ndate: 2019-11-21\n",
                        "as_at: 2019-11-21\nupdates: []\n")
    assert not [m for m in _messages(content) if "on or before the log" in m]


def test_update_after_closure_is_an_error_naming_the_update_that_closed_it(tmp_path):
    """The action's page would say it was closed, and give a later status: the clerk decides which is true."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("updates:\n", "updates:\n  - action: CCBP/19/60#jc-referral\n"
                                           "    status: green\n"))
    closing = content / "meetings/ccb/2019-09-19/actions.md"
    line = next(n for n, text in enumerate(closing.read_text().splitlines(), start=1) if "#jc-referral" in text)
    assert ("content/meetings/ccb/2019-11-21/actions.md:3: error: action CCBP/19/60#jc-referral was closed at "
            "the meeting of 19 September 2019 but is updated again; remove this update, or reopen the action by "
            f"removing `closed: yes` from the update that closed it (content/meetings/ccb/2019-09-19/actions.md:{line})"
            ) in _messages(content)


def test_action_without_owner_or_due_date_is_a_warning(tmp_path):
    content = _copy(tmp_path)
    minutes = content / "meetings/jc/2019-08-01/minutes.md"
    minutes.write_text(minutes.read_text().replace("  - owner: bob-jones\n", "  - ").replace("    due: 2019-08-31\n", ""))
    messages = _messages(content)
    assert ("content/meetings/jc/2019-08-01/minutes.md:8: warning: action 2019-08-01/4#1 has no owner; add `owner:` "
            "(a person, {body: slug} or {name: ...})") in messages
    assert ("content/meetings/jc/2019-08-01/minutes.md:8: warning: action 2019-08-01/4#1 has no due date; add `due:` "
            "(a date, a month such as 2019-10, or text such as 'next meeting')") in messages


def test_an_action_with_no_owner_says_so_where_its_minute_lists_it_and_in_its_feed(tmp_path):
    """Published with the warning above, it read "Owner: ." on its meeting's and item's pages and in its feed."""
    content = _copy(tmp_path)
    minutes = content / "meetings/jc/2019-08-01/minutes.md"
    minutes.write_text(minutes.read_text().replace("  - owner: bob-jones\n", "  - ").replace("    due: 2019-08-31\n", ""))
    out = tmp_path / "site"
    assert run(Options(content=content, out=out, today=TODAY, search=False)).ok
    for url in ("/jc/2019/2019-08-01/", "/jc/2019/2019-08-01/item-4/"):
        assert [li.text for li in parsed(out, url).find_all("li") if li.text.startswith("Action 2019-08-01/4#1")] == [
            "Action 2019-08-01/4#1: Write to the board with the committee's view. Owner: not recorded."], url
    feed = (out / "feeds/actions/jc/2019-08-01-4-1.xml").read_text()
    assert "Write to the board with the committee's view.\nOwner: not recorded.</summary>" in feed


def test_open_action_missing_from_a_later_log_is_held_over(tmp_path):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-09-19/actions.md"
    text = log.read_text()
    log.write_text(text[:text.index("  - action: CCBP/19/60#jc-referral")] + "---\n")
    assert ("content/meetings/ccb/2019-09-19/actions.md:2: warning: action CCBP/19/60#jc-referral is open but "
            "missing from this action log; held over? add an update for it (status and progress), or close it"
            ) in _messages(content)


def test_a_special_meetings_log_is_not_asked_held_over_of_the_actions_outside_its_business(tmp_path):
    """A meeting called for a purpose takes only the business it was called for, and its action log updates that
    business's actions alone: a joint committee's special meeting, its log updating one action, was asked "held
    over?" of each of the eight others open. The next ordinary meeting's log is asked of them still."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-09-19/actions.md"
    text = log.read_text()
    log.write_text(text[:text.index("  - action: CCBP/19/60#jc-referral")] + "---\n")
    meeting = content / "meetings/ccb/2019-09-19/meeting.md"
    meeting.write_text(meeting.read_text().replace("date: 2019-09-19\n", "date: 2019-09-19\nkind: Special meeting\n"))
    held_over = [m for m in _messages(content) if "CCBP/19/60#jc-referral is open but missing" in m]
    assert [m.split(":")[0] for m in held_over] == ["content/meetings/ccb/2019-11-21/actions.md"]


@pytest.mark.parametrize("folder, confidential", [("2019-07-18", "confidential: yes\n"),
                                                  ("2019-07-18-private", ""), ("2019-07-18", None)],
                         ids=["confidential", "private-meeting", "withheld-after-the-exclusion"])
def test_a_public_log_that_leaves_out_an_action_not_published_is_not_asked_held_over(tmp_path, folder, confidential):
    """An action of a confidential minute, of one withheld as taken after the press and public were excluded, or of a
    private meeting is on no tracker, and a public log that names it has the update left out of its page, progress
    and all (nothing of it leaks); but the next public log, leaving it out, was warned "held over? add an update for
    it", asking the clerk for an update no reader would see."""
    content = _copy(tmp_path)
    meeting = content / "meetings/ccb" / folder
    if not meeting.exists():
        meeting.mkdir()
        (meeting / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-07-18\nsession: private\n---\n")
        (meeting / "minutes.md").write_text("---\nstatus: approved\n---\n")
    excluded = confidential is None  # taken in private after the press and public were excluded, and not said
    if excluded:
        confidential = "reason: Exempt under paragraph 1\n"  # (its `confidential:` is all it does not say)
        with (meeting / "minutes.md").open("a") as minutes:
            minutes.write("\nThe press and public were excluded from the meeting for the remaining items.\n")
    with (meeting / "minutes.md").open("a") as minutes:
        minutes.write(f"\n## CCBP/19/61 Staffing matter\n\n```item\n{confidential}actions:\n  - owner: ann-smith\n"
                      "    text: Settle Mr X's claim.\n    due: October 2019\n```\n")
    log = content / "meetings/ccb/2019-09-19/actions.md"
    log.write_text(log.read_text().removesuffix("---\n") + "  - action: CCBP/19/61#1\n    status: amber\n"
                   "    progress: Settlement of 40,000 pounds offered.\n---\n")
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=TODAY, search=False))
    told = [d.message for d in result.report.items]
    assert result.ok and told == ([] if not excluded else [
        "minute item CCBP/19/61 follows the resolution excluding the press and public (line 19), so it was taken in "
        "private, but does not say whether it is confidential: only its title is published"])
    published = [path for path in out.rglob("*") if path.suffix in (".html", ".json", ".xml", ".csv", ".ics")]
    assert published and not [path for path in published if "40,000" in path.read_text() or "Mr X" in path.read_text()]


def test_a_public_action_closed_in_a_private_sessions_log_alone_is_warned_of_there(tmp_path):
    """The private session's log is not published: the action's page and tracker showed it open (and overdue) for
    good, as the public log before had it, and the public logs after it were not asked of it, as it was closed.
    Closed in the public log after it instead, as told, it is closed on its page, and nothing is said."""
    content = _copy(tmp_path)
    private = content / "meetings/ccb/2019-10-10-private"
    private.mkdir()
    (private / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-10-10\nsession: private\n---\n")
    (private / "actions.md").write_text("---\nupdates:\n  - action: CCBP/19/60#1\n    status: green\n"
                                        "    progress: Pilot report received.\n    closed: yes\n---\n")
    public = content / "meetings/ccb/2019-11-21/actions.md"
    closing = public.read_text()
    public.write_text("---\nupdates: []\n---\n")
    assert _messages(content) == [
        "content/meetings/ccb/2019-10-10-private/actions.md:3: warning: action CCBP/19/60#1, raised at the public "
        "meeting of 18 July 2019, is closed in this private session's log alone, which is not published: its page and "
        "tracker show it open, as the log of 19 September 2019 last had it, and no public log is asked of it again; "
        "close it in a public action log (`closed: yes`, with what may be published of its progress), dated as this "
        "one or after it, taking `closed: yes` out here if after"]
    (private / "actions.md").write_text((private / "actions.md").read_text().replace("    closed: yes\n", ""))
    public.write_text(closing)
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=TODAY, search=False))
    assert result.ok and result.report.items == []
    assert _owned(out, "/people/ann-smith/", "closed-actions") == [("CCBP/19/60#1", "Green, Closed 21 November 2019")]


def test_a_private_meetings_log_is_asked_held_over_of_the_private_actions_alone(tmp_path):
    """A private meeting's log that leaves out its open action is asked "held over?". It may keep the private
    business alone, the public log of the same day updating the public actions: it was asked of CCBP/19/60#1 as
    well, which the public log had updated."""
    content = _copy(tmp_path)
    for folder, date, text in (("2019-07-18-private", "2019-07-18", "---\nstatus: approved\n---\n## CCBP/19/61 "
                                "Staffing matter\n\n```item\nactions:\n  - owner: ann-smith\n    text: Settle the "
                                "claim.\n    due: October 2019\n```\n"),
                               ("2019-09-19-private", "2019-09-19", None)):
        (content / "meetings/ccb" / folder).mkdir()
        (content / "meetings/ccb" / folder / "meeting.md").write_text(f"---\nbody: ccb\ndate: {date}\nsession: "
                                                                      "private\n---\n")
        (content / "meetings/ccb" / folder / ("minutes.md" if text else "actions.md")).write_text(
            text or "---\nupdates: []\n---\n")
    assert _messages(content) == [
        "content/meetings/ccb/2019-09-19-private/actions.md:2: warning: action CCBP/19/61#1 is open but missing "
        "from this action log; held over? add an update for it (status and progress), or close it"]


@pytest.mark.parametrize("written", ["Completed\n    closed: yes", "Closed", "CLOSED"])
def test_the_words_trusts_logs_close_actions_with_are_read_as_complete(tmp_path, written):
    """Trusts' logs close an action as "Completed" or "Closed", each an error that the log's status is none of
    Minutebook's. Both are read as complete, and shown so, as every complete action is; "Closed" says itself that
    the log closes the action, as `closed: yes` does."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("    status: green\n    progress: Pilot report received at this meeting.\n"
                                           "    closed: yes\n", f"    status: {written}\n    progress: Pilot report "
                                           "received at this meeting.\n"))
    out = tmp_path / "site"
    result = run(Options(content=content, out=out, today=TODAY, search=False))
    assert result.ok and result.report.items == []
    assert _owned(out, "/people/ann-smith/", "closed-actions") == [("CCBP/19/60#1", "Complete, Closed 21 November 2019")]


@pytest.mark.parametrize("written, hint", [
    ("Finished", "write complete, with `closed: yes` if this log closes the action"),
    ("Open", "write its rating (red, amber or green) or on-track: an action is open until an update closes it")])
def test_a_status_trusts_logs_write_that_is_none_of_minutebooks_is_told_the_one_to_write(tmp_path, written, hint):
    """"Open" beside "Closed", as a log or risk register kept in a spreadsheet rates its rows, and "Finished": each
    was told only to write one of the statuses."""
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("status: green", f"status: {written}"))
    assert _messages(content) == [
        f"content/meetings/ccb/2019-11-21/actions.md:4: error: status: '{written}' is not one of: red, amber, green, "
        f"complete, on-track, no-progress, not-started; {hint}"]


@pytest.mark.parametrize("written, told", [
    ("Summer 2020", "is a season (summer ends with August), so it is kept as written and never counts as overdue; "
     "write its last month, `due: August 2020`, for the tracker to show the action overdue after it"),
    ("end of 2020", "is the end of a year, so it is kept as written and never counts as overdue; write its last "
     "month, `due: December 2020`, for the tracker to show the action overdue after it"),
    ("w/c 2 March 2020", "is a week given by the day it begins, so it is kept as written and never counts as overdue; "
     "write the day it is due by, e.g. `due: 2020-03-06` (Friday 6 March 2020, the end of that working week), for "
     "the tracker to show the action overdue after it"),
    ("Winter 2020", "is a winter, which runs from December into the next year, so it is kept as written and never "
     "counts as overdue; write the month it is due by, e.g. `due: February 2021` for the winter from December 2020, "
     "or `due: February 2020`"),
    ("Mar 20", "is a month and a number that could be a day or a year (20 March, or March 2020), so it is kept as "
     "written and never counts as overdue; write `due: March 2020` for the month, or the day with its year, `due: "
     "YYYY-03-20`, for 20 March"),
    ("Mar 45", "is a month and a number that is neither a day nor a year in full (45), so it is kept as written and "
     "never counts as overdue; write the month with its year, `due: March YYYY`, or the day with its year, `due: "
     "YYYY-03-DD`"),
    ("Sept 99", "is a month and a number that is neither a day nor a year in full (99), so it is kept as written and "
     "never counts as overdue; write the month with its year, `due: September YYYY`, or the day with its year, `due: "
     "YYYY-09-DD`")])
def test_a_due_date_given_as_a_season_a_years_end_a_week_or_a_month_and_a_number_says_what_to_write(
        tmp_path, written, told):
    """As action logs and plans write them, each was kept as text without a word, and the action never showed as
    overdue. Like a quarter, each is kept as written, and the clerk told the `due:` that is counted; "Mar 20" is
    20 March as much as March 2020, which the message leaves to the clerk; "Mar 45" and "Sept 99", neither a day
    nor a year in full, were kept as text without a word too."""
    content = _copy(tmp_path)
    minutes = content / "meetings/jc/2019-08-01/minutes.md"
    minutes.write_text(minutes.read_text().replace("due: 2019-08-31", f"due: {written}"))
    assert _messages(content) == [f"content/meetings/jc/2019-08-01/minutes.md:10: warning: due: '{written}' {told}"]


def test_the_same_action_twice_in_one_log(tmp_path):
    content = _copy(tmp_path)
    log = content / "meetings/ccb/2019-11-21/actions.md"
    log.write_text(log.read_text().replace("---\n", "", 1).replace("updates:\n", "---\nupdates:\n  - action: CCBP/19/60#1\n    status: amber\n", 1))
    assert any("action 'CCBP/19/60#1' is updated twice in this log" in m for m in _messages(content))


def test_a_meeting_that_fails_to_load_brings_no_held_over_warnings(tmp_path):
    """The broken meeting's action log may be where an action was closed: without it every later log of the
    body would be warned of that action, warnings that vanish once the clerk fixes the one error."""
    content = _copy(tmp_path)
    meeting = content / "meetings/ccb/2019-09-19/meeting.md"
    meeting.write_text(meeting.read_text().replace("---\n", "---\ntitle: [unclosed\n", 1))
    messages = _messages(content)
    assert [m for m in messages if ": error: " in m] == [m for m in messages if "2019-09-19/meeting.md" in m]
    assert len([m for m in messages if ": error: " in m]) == 1
    assert not [m for m in messages if "missing from this action log" in m]


def test_minutes_that_fail_to_load_bring_no_errors_for_the_actions_they_raised(tmp_path):
    """The meeting loads but its minutes do not: the later logs' updates of the actions raised there are not
    unknown, only unread until the clerk fixes the one error."""
    content = _copy(tmp_path)
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text().replace("status: approved", "status: [approved", 1))
    messages = _messages(content)
    assert [m for m in messages if ": error: " in m] == [
        "content/meetings/ccb/2019-07-18/minutes.md:2: error: malformed YAML: the list opened with '[' on this "
        "line is not closed (line 3: did not find expected ',' or ']'); close it with ']', or put the whole value "
        "in quotes if the '[' is part of the text"]
    assert not [m for m in messages if "unknown action" in m or "missing from this action log" in m]


def test_update_in_a_joint_bodys_log_naming_another_bodys_action_without_its_body(tmp_path):
    """A joint committee's log copies the id as the raising board's minutes print it (CCBP/19/60#1, not
    ccb:CCBP/19/60#1): the minute number is right, and 'is the year right?' sent the clerk to check it."""
    content = _with_log(tmp_path, "jc/2019-10-03", "body: jc\ndate: 2019-10-03\n",
                        "updates:\n  - action: 2019-08-01/4#1\n    status: amber\n    progress: Begun.\n"
                        "  - action: CCBP/19/60#1\n    status: amber\n    progress: Begun.\n")
    assert ("content/meetings/jc/2019-10-03/actions.md:6: error: update for an unknown action 'CCBP/19/60#1'; it "
            "is CCB's action, not JC's: write it as ccb:CCBP/19/60#1 (another body's action is written body:id)"
            ) in _messages(content)


def test_update_naming_a_per_meeting_bodys_action_without_its_meeting_is_told_the_action_meant(tmp_path):
    """`4#1`, as the minute's heading and the action's place under it give it: the joint committee numbers its
    minutes per meeting, and the log was told there is no minute 4 in its minutes and to check the year."""
    content = _with_log(tmp_path, "jc/2019-10-03", "body: jc\ndate: 2019-10-03\n",
                        "updates:\n  - action: 4#1\n    status: amber\n    progress: Begun.\n")
    assert _messages(content) == [
        "content/meetings/jc/2019-10-03/actions.md:3: error: update for an unknown action '4#1'; did you mean "
        "'2019-08-01/4#1'? Otherwise write the action's id as its meeting folder/minute number#position, e.g. "
        "2019-08-01/4#1 (see docs/content-format.md)"]


def test_update_naming_no_minute_is_told_the_open_action_its_log_leaves_out(tmp_path):
    """`4.1`, an action log's numbering of item 4's first action: the log leaves that action out, and was told
    only how ids are written, with the action's "held over?" warning dropped as the one mistake's."""
    content = _with_log(tmp_path, "jc/2019-10-03", "body: jc\ndate: 2019-10-03\n",
                        "updates:\n  - action: \"4.1\"\n    status: amber\n    progress: Begun.\n")
    assert _messages(content) == [
        "content/meetings/jc/2019-10-03/actions.md:3: error: update for an unknown action '4.1'; did you mean "
        "'2019-08-01/4#1', an open action this log leaves out? If not, write the action's id as its meeting "
        "folder/minute number#position, e.g. 2019-08-01/4#1 (see docs/content-format.md)"]
