"""The project's own documentation: every relative link between its Markdown files reaches a file, and a
heading in it where the link names one.

The performance figures live in two files (docs/performance.md, where things
stand; docs/performance-history.md, the record) that link into each other by
heading, and a heading renamed in one would otherwise break the other silently.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import shutil
from pathlib import Path

from generator.build import Options, run
from generator.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
HEADING = re.compile(r"^#{1,6} (.+?)\s*$", re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """The fragment GitHub gives a heading: lower case, punctuation dropped, spaces made hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@functools.cache
def _text(path: Path) -> str:
    return FENCE.sub("", path.read_text(encoding="utf-8"))


@functools.cache
def _anchors(path: Path) -> frozenset:
    return frozenset(map(anchor, HEADING.findall(_text(path))))


def broken_links(files: list[Path]) -> tuple[int, list[str]]:
    """(how many relative links were followed, each that reaches no file or no heading)."""
    followed, broken = 0, []
    for path in files:
        for target in LINK.findall(_text(path.resolve())):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            followed += 1
            name, _, fragment = target.partition("#")
            reached = (path.parent / name) if name else path
            if not reached.exists():
                broken.append(f"{path.name}: {target}: no such file")
            elif fragment and reached.suffix == ".md" and fragment not in _anchors(reached.resolve()):
                broken.append(f"{path.name}: {target}: no such heading")
    return followed, broken


def test_links_between_the_docs_reach_their_files_and_headings():
    followed, broken = broken_links(sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"])
    assert followed > 30, "the check followed too few links to be looking"
    assert broken == []


def test_the_check_finds_a_missing_file_and_a_missing_heading(tmp_path):
    (tmp_path / "a.md").write_text("# A page\n\n## Where things stand\n\n[fine](b.md#the-record), "
                                   "[fine](#where-things-stand), [gone](c.md), [renamed](b.md#old-name)\n\n"
                                   "```\n[in a code block](nowhere.md)\n```\n")
    (tmp_path / "b.md").write_text("# The record\n")
    followed, broken = broken_links([tmp_path / "a.md", tmp_path / "b.md"])
    assert followed == 4
    assert broken == ["a.md: c.md: no such file", "a.md: b.md#old-name: no such heading"]


def test_the_goals_table_calls_only_the_newest_set_of_measurements_the_newest():
    """Each row of the record's goals table cites the set its figures come from; a row whose newest figures are
    older than another's still called its set 'the newest', which a reader took for the latest run."""
    history = _text(ROOT / "docs" / "performance-history.md")
    table, sets = history.split("## Every measurement of the goals", 1)[1].split("\n## ", 1)
    newest = anchor(sets.split("\n", 1)[0])
    assert re.findall(r"\[the newest set\]\(#([^)]+)\)", table) == [newest]


def _commands(parser, words=()) -> dict[tuple, list[str]]:
    """Each command (`("new", "paper")`) with the options it takes, from the CLI's own parser."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_commands(sub, words + (name,)))
    if words and not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions):
        found[words] = [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    return found


def test_the_readme_lists_every_command_and_every_option_it_takes():
    block = (ROOT / "README.md").read_text(encoding="utf-8").split("Every command and option:", 1)[1]
    block = block.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = {line.split("minutebook ", 1)[1]: line for line in block.splitlines() if "bin/minutebook " in line}
    commands = _commands(_parser())
    assert len(commands) == 7 and len(lines) == len(commands)
    for words, options in commands.items():
        line = next(text for start, text in lines.items() if start.startswith(" ".join(words) + " "))
        assert [o for o in options if not re.search(rf"{o}\b", line)] == [], line


def _subparser(parser, words: tuple):
    for word in words:
        parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[word]
    return parser


def test_the_help_names_each_options_value_as_the_readme_does():
    """`minutebook build --help` gave `[--content CONTENT]`, `[--today TODAY]`, `[--jobs JOBS]` where the README
    gives `[--content DIR]`, `[--today YYYY-MM-DD]`, `[--jobs N]`: a clerk reading both was not told the same
    thing. Each value the README names by a placeholder (capitals) is named so by the help."""
    block = (ROOT / "README.md").read_text(encoding="utf-8").split("Every command and option:", 1)[1]
    block = block.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = _commands(_parser())
    differ, compared = [], 0
    for line in block.splitlines():
        if "bin/minutebook " not in line:
            continue
        words = next(w for w in commands if line.split("minutebook ", 1)[1].startswith(" ".join(w) + " "))
        usage = " ".join(_subparser(_parser(), words).format_usage().split())
        for option, value in re.findall(r"\[(--[a-z-]+) ([A-Z][A-Z-]*)\]", line):
            compared += 1
            if f"[{option} {value}]" not in usage:
                differ.append(f"{' '.join(words)} {option}: the README says {value}, the help {usage}")
    assert compared >= 12, "too few options compared to be looking"
    assert differ == []


def test_the_help_says_what_each_command_does_with_drafts_jobs_and_search():
    """Read as a new clerk reads it, the help said `check --drafts` would "include draft minutes" (check reads
    them whole either way), `build --jobs` set "rendering processes" (they load and scan too), `serve --no-search`
    did "not rebuild" an index it never makes, and `new meeting` wrote an actions.md it writes only with an
    action open; and it listed `new` before `serve`, against its usage line."""
    said = {(words, action.dest): action.help for words in (("build",), ("check",), ("serve",))
            for action in _subparser(_parser(), words)._actions}
    assert said[("build",), "drafts"] == said[("serve",), "drafts"] == (
        "publish draft minutes and action logs too, every page saying it is a preview with drafts: never for the "
        "public site")
    assert said[("check",), "drafts"] == ("check the archive as `build --drafts` publishes it (draft minutes and "
                                          "action logs are checked whole either way)")
    assert said[("build",), "jobs"] == "processes that load, scan and render the archive (default: one per core)"
    assert said[("serve",), "no_search"] == ("make no search index: the preview's search finds nothing, or only "
                                             "what an earlier preview indexed")
    new = next(a for a in _subparser(_parser(), ("new",))._actions if isinstance(a, argparse._SubParsersAction))
    assert [a.help for a in new._choices_actions if a.dest == "meeting"] == [
        "meeting.md and draft minutes.md with the standing items and the next minute numbers, and a draft "
        "actions.md with every open action, if any"]
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert [a.dest for a in commands._choices_actions] == ["build", "check", "serve", "new"] == list(commands.choices)


def test_the_readme_says_check_warns_of_an_action_or_decision_in_the_text_alone_as_it_does(tmp_path):
    """The README's account of `minutebook check` left these warnings out (docs/content-format.md gives them): a
    clerk pasting minutes from a Word pack was not told the tracker and the minute's page would miss what the
    text alone recorded. Its examples are lines `check` does warn of."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = readme.split("4. `.venv/bin/minutebook check` before committing:", 1)[1].split(" 5. ", 1)[0]
    examples = [re.search(rf"an? {what} \(`([^`]+)`\)", said) for what in ("action", "decision")]
    assert all(examples), "step 4 of the README says nothing of an action or decision written in the text alone"
    action, decision = (example[1] for example in examples)
    assert (action, decision) == ("ACTION: CS to circulate the plan by 30 June 2019",
                                  "It was RESOLVED: That the report be received.")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "actions", content)
    minutes = content / "meetings" / "ccb" / "2019-07-18" / "minutes.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text + f"\n{action}\n\n{decision}\n", encoding="utf-8")
    lines = len(text.splitlines())
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2020, 1, 1), search=False),
                 write=False)
    warned = [d.format() for d in result.report.items]
    named = "content/meetings/ccb/2019-07-18/minutes.md"  # a message names a file from the content folder's parent
    assert [message.split("; to ")[0] for message in warned] == [
        f"{named}:{lines + 2}: warning: 'ACTION: CS to circulate the plan by 30 June 2019' records an action in the "
        "text of minute CCBP/19/60 only, not under `actions:`, so it is not tracked: it has no id, page or place on "
        "the action tracker",
        f"{named}:{lines + 4}: warning: 'RESOLVED: That the report be received.' records a decision in the text of "
        "minute CCBP/19/60 only, not under `resolutions:`, so the minute's page shows no decision and the open data "
        "has none"]


def test_the_ccb_minutes_table_written_as_the_docs_show_has_its_actions_read_with_their_owners(tmp_path):
    """The CCB's minutes of 21 June 2018 set each minute out as a row "ITEM | DISCUSSION | LEAD RESPONSIBLE", which
    is not read as actions (which owner goes with which of the discussion's sentences is the clerk's to say);
    docs/content-format.md shows minute CCBP/18/49 written as an item with its actions as a table "Action | Lead
    responsible | By when", and the warnings `check` gives for it. Here the example replaces that minute in the
    bundled minutes (the CCB's meeting alone), and `check` gives the warnings the docs show."""
    docs = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert "**Minutes set out as a table**" in docs, "docs/content-format.md no longer shows the CCB's table written"
    said = docs.split("**Minutes set out as a table**", 1)[1]
    example = re.search(r"^````markdown\n(.*?)^````$", said, re.M | re.S)[1]
    shown = re.search(r"^```text\n(.*?)^```$", said, re.M | re.S)[1].splitlines()
    content = tmp_path / "content"
    for part in ("bodies", "people", "site.yaml", "meetings/ccb"):
        (shutil.copytree if (ROOT / "content" / part).is_dir() else shutil.copy)(ROOT / "content" / part,
                                                                                  content / part)
    minutes = content / "meetings" / "ccb" / "2018-06-21" / "minutes.md"
    text = minutes.read_text(encoding="utf-8")
    start = text.index("## CCBP/18/49 ")
    minutes.write_text(text[:start] + example + "\n" + text[text.index("\n## ", start) + 1:], encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2018, 12, 1), search=False),
                 write=False)
    assert len(shown) == 2 and [d.format() for d in result.report.items] == shown


def test_another_bodys_item_cited_in_words_is_text_and_with_the_docs_brackets_links_to_that_item(tmp_path):
    """Scrutiny officers cite another body's item as "JCCCG item 5 of 5 March 2020", which is not read (no pack
    Minutebook was made from cites one so, and a body's names vary): docs/content-format.md says so and gives the
    `[[...]]` that links it. Both, from the docs, in a CCB minute of the bundled content."""
    docs = " ".join((ROOT / "docs" / "content-format.md").read_text(encoding="utf-8").split())
    assert "**Another body's item numbered per meeting**" in docs, "docs/content-format.md no longer says it"
    said = docs.split("**Another body's item numbered per meeting**", 1)[1].split("\n\n", 1)[0]
    words, bracketed = re.findall(r"`([^`]+)`", said)[0], re.findall(r"`(\[\[[^`|]+\|[^`]+\]\])`", said)[0]
    content = tmp_path / "content"
    for part in ("bodies", "people", "site.yaml", "meetings/ccb", "meetings/jcccg"):
        (shutil.copytree if (ROOT / "content" / part).is_dir() else shutil.copy)(ROOT / "content" / part,
                                                                                  content / part)
    minutes = content / "meetings" / "ccb" / "2018-06-21" / "minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(  # in minute CCBP/18/43, before the next
        "\n## CCBP/18/44 ", f"\nAs {words} asked, and as {bracketed} agreed.\n\n## CCBP/18/44 ", 1), encoding="utf-8")
    result = run(Options(content=content, out=tmp_path / "site", today=dt.date(2020, 12, 1), search=False))
    assert result.ok and not [d for d in result.report.items if "item 5" in d.format()]
    html = (tmp_path / "site" / "ccb/2018/ccbp-18-43/index.html").read_text(encoding="utf-8")
    assert f"As {words} asked" in html  # as text
    assert '<a href="/jcccg/2020/2020-03-05/#agenda-5" class="xref">JCCCG item 5 of 5 March 2020</a>' in html
