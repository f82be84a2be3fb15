"""The live preview against full builds, over random edits: whatever a clerk saves, the preview's site after the
save is the one a full build of the same content makes, and a save with a mistake in it raises nothing.

The hand-written cases of tests/test_quick.py and tests/test_incremental.py say what each kind of edit must do;
these edits are the ones nobody thought of: a line deleted, doubled, moved or indented, a value replaced by an
odd one (`[`, `yes`, a date that does not exist, an emoji, 300 letters), in any Markdown file of any meeting,
several saves piled up before the content builds again; and saves that take the last of something away (a year's
last meeting moved or deleted, an action reopened), after which what the preview wrote for it must be gone, the
search index's bundles and reference shards included. The random generator is seeded, so every run makes the
same edits and a failure is repeatable.

Each save's preview is compared with a full build of the content as it then is. Saves often bring back content
seen before (the clerk puts everything back, an edit that changes nothing); a full build of the same content
writes the same bytes, so each content, file for file and byte for byte, is built once (FullBuilds).
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from generator import serve
from generator.build import Options, run
from generator.incremental import Session
from helpers import read_tree
from test_quick import FIXTURES, TODAY

ODD_VALUES = ["", "[", "{}", "null", "yes", "0", "-1", "99999999999999999999", "2019-02-30", "2019-13-01",
              "31/12/2019", "'", '"', "|", "&a", "*a", "x" * 300, "é🙂", "- a", "a: b", "TB/19/13", "CCBP/19/60#1",
              "#", "[[x]]", "[[tb/2019-06-20]]", "status: deferred", "2019-06-20", "person: nobody", "<b>"]


class FullBuilds:
    """The sites full builds make of the content, by the content: each path below it with its bytes (None for a
    folder), compared whole, so that only content identical to one built before is not built again."""

    def __init__(self, folder: Path, search: bool):
        self.folder, self.search, self.made = folder, search, {}

    def __call__(self, content: Path, save: int) -> dict[str, bytes]:
        key = tuple(sorted((p.relative_to(content).as_posix(), p.read_bytes() if p.is_file() else None)
                           for p in content.rglob("*")))
        if key not in self.made:
            fresh = self.folder / f"full-{save}"
            assert run(Options(content=content, out=fresh, today=TODAY, search=self.search, cache=False)).ok, \
                f"save {save}: the preview built content a full build refuses"
            self.made[key] = read_tree(fresh)
            shutil.rmtree(fresh)
        return self.made[key]


def mutated(text: str, rng: random.Random) -> str:
    """`text` with one line deleted, doubled, swapped with another, indented, unindented, given an odd value or
    an odd value inserted before it."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    line, kind = lines[at], rng.randrange(7)
    if kind == 0:
        del lines[at]
    elif kind == 1:
        lines.insert(at, line)
    elif kind == 2:
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == 3:
        lines[at] = " " * rng.randrange(1, 5) + line
    elif kind == 4:
        lines[at] = line.lstrip()
    elif kind == 5 and ":" in line:
        lines[at] = f"{line.partition(':')[0]}: {rng.choice(ODD_VALUES)}"
    else:
        lines.insert(at, rng.choice(ODD_VALUES))
    return "\n".join(lines)


def put_right(path: Path, text: str, rng: random.Random, save: int) -> str:
    """`text` of a register file with an edit of the kinds the registers' fast paths take: someone new added to
    the people register or one added before taken out, an organisation given; a sentence added to a body's
    description or its website given."""
    if path.name == "people.yaml":
        added = [line for line in text.split("\n") if line.startswith("newcomer-")]
        kind = rng.randrange(3)
        if kind == 0 or (kind == 1 and not added):
            return text.rstrip("\n") + f"\nnewcomer-{save}:\n  name: Newcomer {save}\n"
        if kind == 1:
            gone = rng.choice(added)
            return text.replace(f"{gone}\n  name: Newcomer {gone[len('newcomer-'):-1]}\n", "")
        return re.sub(r"^  organisation: .*$", f"  organisation: Organisation {save}", text, count=1, flags=re.M)
    if rng.randrange(2):
        return text.rstrip("\n") + f"\n\nA sentence added at save {save}.\n"
    return text.replace("\n---\n", f"\nwebsite: https://example.org/{save}\n---\n", 1) if "website:" not in text \
        else text


@pytest.mark.parametrize("fixture, seed, with_registers", [("archive", 22, False), ("actions", 23, False),
                                                          ("archive", 24, True)])
def test_after_every_random_save_the_preview_is_the_site_a_full_build_makes(tmp_path, fixture, seed,
                                                                             with_registers):
    """`with_registers`: the people register and the bodies' files are edited too, which have fast paths of
    their own (quick_people.py, quick_bodies.py)."""
    rng = random.Random(seed)
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / fixture, content)
    session = Session(Options(content=content, out=live, today=TODAY, search=False))
    assert session.rebuild().ok
    full_build = FullBuilds(tmp_path, search=False)
    files = sorted((content / "meetings").rglob("*.md"))
    registers = [content / "people.yaml", *sorted((content / "bodies").glob("*.md"))] if with_registers else []
    files += registers
    originals = {path: path.read_text(encoding="utf-8") for path in files}
    dirty: set[Path] = set()
    compared = taken = 0
    for save in range(60):
        saved = []
        if dirty and rng.random() < 0.6:  # the clerk puts right what was broken
            for path in sorted(dirty):
                path.write_text(originals[path], encoding="utf-8")
            saved, dirty = sorted(dirty), set()
        # on content that builds, now and then an edit of the kind the registers' fast paths take, saved on its own
        plausible = bool(registers) and not dirty and rng.random() < 0.4
        if plausible and saved:
            session.quick(saved)
            session.rebuild()
            saved = []
        path = rng.choice(registers if plausible else files)
        text = path.read_text(encoding="utf-8")
        path.write_text(put_right(path, text, rng, save) if plausible else mutated(text, rng), encoding="utf-8")
        if not plausible:
            dirty.add(path)
        quick = session.quick(saved + [path])  # as serve does: the fast path, then the rebuild
        taken += bool(plausible and quick is not None)
        if not session.rebuild().ok:
            continue  # a mistake: reported, and the previous site kept (tests/test_serve.py)
        preview, full = read_tree(live), full_build(content, save)
        differ = sorted(name for name in preview.keys() | full.keys() if preview.get(name) != full.get(name))
        assert differ == [], f"save {save} ({path.relative_to(content)}): the preview differs from a full build"
        compared += 1
    assert compared >= 10, f"only {compared} of the 60 saves built: the edits say too little about the preview"
    assert taken >= 3 or not with_registers, f"only {taken} register saves took a fast path: too few to tell"


class Meetings:
    """A fixture's meeting folders as random saves move, delete and put them back: where each one is now (None:
    deleted), so that it can be put back as it was."""

    def __init__(self, content: Path, fixture: str):
        self.content, self.fixture = content, fixture
        self.originals = sorted(p.parent.relative_to(content).as_posix()
                                for p in (content / "meetings").glob("*/*/meeting.md"))
        self.now: dict[str, str | None] = {folder: folder for folder in self.originals}

    def present(self) -> list[str]:
        return sorted(now for now in self.now.values() if now is not None)

    def moved(self, rng: random.Random) -> list[Path]:
        """A meeting moved to the same day of another year: its `date:` changed, and its folder renamed with it
        or not (a folder named for another date is no mistake)."""
        original = rng.choice([o for o in self.originals if self.now[o] is not None])
        folder = self.content / self.now[original]
        meeting = folder / "meeting.md"
        text = meeting.read_text(encoding="utf-8")
        day = re.search(r"^date: (\d{4})-(\d\d-\d\d)", text, re.M)
        if day is None:  # its date taken out by another save, or never a plain one
            return []
        year = rng.choice([y for y in ("2018", "2019", "2020") if y != day[1]])
        meeting.write_text(text.replace(day[0], f"date: {year}-{day[2]}", 1), encoding="utf-8")
        saved = [meeting]
        named = re.fullmatch(r"\d{4}(-\d\d-\d\d.*)", folder.name)
        if named and rng.random() < 0.5 and not (target := folder.with_name(year + named[1])).exists():
            saved = [folder, *sorted(folder.rglob("*"))]
            folder.rename(target)
            self.now[original] = target.relative_to(self.content).as_posix()
            saved += [target, *sorted(target.rglob("*"))]
        return saved

    def deleted(self, rng: random.Random) -> list[Path]:
        """One file of a meeting deleted, or the meeting's whole folder."""
        original = rng.choice([o for o in self.originals if self.now[o] is not None])
        folder = self.content / self.now[original]
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        if rng.random() < 0.3 or not files:
            shutil.rmtree(folder)
            self.now[original] = None
            return [folder, *files]
        gone = rng.choice(files)
        gone.unlink()
        return [gone]

    def reopened(self, rng: random.Random) -> list[Path]:
        """An action log's `closed: yes` taken out (the action reopened), or the log dated in another year."""
        logs = [self.content / now / "actions.md" for now in self.present()
                if (self.content / now / "actions.md").is_file()]
        if not logs:
            return []
        log = rng.choice(logs)
        text = log.read_text(encoding="utf-8")
        closings = [m.start() for m in re.finditer(r"^ *closed: yes\n", text, re.M)]
        if closings and rng.random() < 0.7:
            at = rng.choice(closings)
            text = text[:at] + text[text.index("\n", at) + 1:]
        else:
            text = re.sub(r"^as_at: 2019", "as_at: 2020", text, count=1, flags=re.M)
        log.write_text(text, encoding="utf-8")
        return [log]

    def put_back(self) -> list[Path]:
        """Every meeting as the fixture has it, where the fixture has it."""
        saved = []
        for original, now in self.now.items():
            if now is not None:
                saved += [self.content / now, *sorted((self.content / now).rglob("*"))]
                shutil.rmtree(self.content / now)
            shutil.copytree(FIXTURES / self.fixture / original, self.content / original)
            saved += [self.content / original, *sorted((self.content / original).rglob("*"))]
            self.now[original] = original
        return saved


@pytest.mark.parametrize("fixture, seed, search, saves", [("actions", 31, False, 30), ("archive", 32, False, 30),
                                                         ("references", 33, True, 12)])
def test_after_every_save_that_moves_deletes_or_reopens_the_preview_is_the_site_a_full_build_makes(
        tmp_path, fixture, seed, search, saves):
    """Saves that make pages stop existing: a year's last meeting moved to another year (its folder renamed with
    it or not), a meeting's file or whole folder deleted, an action reopened or its closing log dated in another
    year, which leave a year's pages, a closed-actions year page, a paper's or an action's page with nothing to
    show; and the clerk putting it all back. Whatever the preview wrote for what is gone must go too. Driven
    through serve.Preview, as `minutebook serve` saves; `search`: with the search index, made at once after each
    save (serve.py makes it half a second later), its bundles and reference shards compared too."""
    rng = random.Random(seed)
    content, live = tmp_path / "content", tmp_path / "live"
    shutil.copytree(FIXTURES / fixture, content)
    preview = serve.Preview(Options(content=content, out=live, today=TODAY), log=lambda *said: None, search=search)

    def indexed() -> None:
        if preview._index_timer is not None:
            preview._index_timer.cancel()
            preview._index()

    assert preview.rebuild().ok
    indexed()
    full_build = FullBuilds(tmp_path, search)
    meetings = Meetings(content, fixture)
    compared, gone = 0, set()
    before = set(read_tree(live))
    for save in range(saves):
        kind = rng.random()
        if kind < 0.25 or not meetings.present():
            saved = meetings.put_back()
        elif kind < 0.55:
            saved = meetings.moved(rng)
        elif kind < 0.8:
            saved = meetings.deleted(rng)
        else:
            saved = meetings.reopened(rng)
        preview.quick([str(path) for path in saved], "save")  # with the paths serve's watcher reports
        if not preview.rebuild("save").ok:
            continue
        indexed()
        now, full = read_tree(live), full_build(content, save)
        differ = sorted(name for name in now.keys() | full.keys() if now.get(name) != full.get(name))
        assert differ == [], f"save {save}: the preview differs from a full build"
        gone |= before - set(now)
        before = set(now)
        compared += 1
    assert compared >= saves // 3, f"only {compared} of the {saves} saves built: they say too little"
    years = {name for name in gone if re.fullmatch(r"([a-z]+/)?(archive/)?20\d\d/index\.html", name)}
    assert years, "no year's page went: the saves never took the last meeting of a year away"
    if search:
        assert any(name.startswith("search/references/") for name in gone), "no reference shard went"
    else:
        assert any("/actions/closed/" in name for name in gone), "no closed-actions year page went"
