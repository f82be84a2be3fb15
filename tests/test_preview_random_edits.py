"""The live preview against full builds, over random edits: whatever a clerk saves, the preview's site after the
save is the one a full build of the same content makes, and a save with a mistake in it raises nothing.

The hand-written cases of tests/test_quick.py and tests/test_incremental.py say what each kind of edit must do;
these edits are the ones nobody thought of: a line deleted, doubled, moved or indented, a value replaced by an
odd one (`[`, `yes`, a date that does not exist, an emoji, 300 letters), in any Markdown file of any meeting,
several saves piled up before the content builds again. The random generator is seeded, so every run makes the
same edits and a failure is repeatable.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from generator.build import Options, run
from generator.incremental import Session
from helpers import read_tree
from test_quick import FIXTURES, TODAY

ODD_VALUES = ["", "[", "{}", "null", "yes", "0", "-1", "99999999999999999999", "2019-02-30", "2019-13-01",
              "31/12/2019", "'", '"', "|", "&a", "*a", "x" * 300, "é🙂", "- a", "a: b", "TB/19/13", "CCBP/19/60#1",
              "#", "[[x]]", "[[tb/2019-06-20]]", "status: deferred", "2019-06-20", "person: nobody", "<b>"]


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
        fresh = tmp_path / f"full-{save}"
        assert run(Options(content=content, out=fresh, today=TODAY, search=False, cache=False)).ok, \
            f"save {save}: the preview built content a full build refuses"
        preview, full = read_tree(live), read_tree(fresh)
        differ = sorted(name for name in preview.keys() | full.keys() if preview.get(name) != full.get(name))
        assert differ == [], f"save {save} ({path.relative_to(content)}): the preview differs from a full build"
        shutil.rmtree(fresh)
        compared += 1
    assert compared >= 10, f"only {compared} of the 60 saves built: the edits say too little about the preview"
    assert taken >= 3 or not with_registers, f"only {taken} register saves took a fast path: too few to tell"
