"""Fixtures for the Minutebook test suite.

- `archive`: a private copy of tests/fixtures/archive in tmp_path, as `<tmp>/content`, so a
  test can break it; `helpers.edit(archive, "meetings/...", old, new)` changes one file.
- `build`: runs the pipeline in-process (generator.build.run) with the date fixed.
- `cli`: runs `python -m generator ...` as a subprocess, as a clerk would.
- `site`: the fixture archive built once per session, search index included (Pagefind runs).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Options, Result, run
from generator.cache import CACHE_DIR
from helpers import FIXTURE, TODAY

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def build_cache_elsewhere(tmp_path_factory):
    """Build caches go to a temporary folder, not `.minutebook/` beside the committed fixtures that many tests
    build in place (cache.CACHE_DIR); subprocesses inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR, str(tmp_path_factory.mktemp("build-cache")))
        yield


@pytest.fixture(autouse=True)
def templates_compiled_once(request, monkeypatch):
    """The suite's reference builds, made without their cache (`cache=False`) so that nothing an earlier build
    left can hide a difference, compiled every template afresh: most of a small archive's build, in more than
    a hundred builds. They share compiled templates here, which changes no page: Jinja checks each against its
    template's source (render.CompiledOnDisk). A `minutebook` run as a subprocess, and a test marked
    `compiles_templates` (of what --no-cache itself does), compile as a clerk's build does."""
    if request.node.get_closest_marker("compiles_templates"):
        return
    from generator import build as build_module
    from generator import cache as build_cache
    from generator.render import CompiledOnDisk

    kept = build_module.compiled_templates
    shared = Path(os.environ[CACHE_DIR]) / "templates-without-cache"
    monkeypatch.setattr(build_module, "compiled_templates", lambda options, cache_at, damaged: kept(
        options, cache_at, damaged) if options.cache else CompiledOnDisk(shared, build_cache.FORMAT, damaged))


@pytest.fixture
def archive(tmp_path) -> Path:
    """A copy of the fixture archive at <tmp>/content (reported paths start with `content/`)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def build():
    """`build(content, out=None, **options)`: the pipeline in-process; no search index unless search=True."""

    def _build(content: Path, out: Path | None = None, *, search: bool = False, **options) -> Result:
        options.setdefault("today", dt.date.fromisoformat(TODAY))
        write = out is not None
        return run(Options(content=Path(content), out=Path(out) if out else Path(content).parent / "site",
                           search=search, **options), write=write)

    return _build


def _cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
    environment.pop("SOURCE_DATE_EPOCH", None)
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def cli(tmp_path):
    """`cli(*args, cwd=tmp_path)`: `python -m generator` as a subprocess; returns the CompletedProcess."""

    def _run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        return _cli(*args, cwd=cwd or tmp_path, env=env)

    return _run


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The fixture archive built once, with the Pagefind index, as the CLI's `build` would."""
    out = tmp_path_factory.mktemp("fixture-build") / "site"
    result = run(Options(content=FIXTURE, out=out, today=dt.date.fromisoformat(TODAY), search=True))
    problems = [d.format() for d in result.report.sorted()]
    assert result.ok, "the fixture archive does not build:\n" + "\n".join(problems)
    assert problems == [], "the fixture archive must build without a single warning:\n" + "\n".join(problems)
    assert (out / "pagefind" / "pagefind.js").is_file(), "Pagefind did not run"
    return out
