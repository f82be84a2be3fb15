"""Fixtures shared by the browser gates: both built sites, served on loopback, and one Chromium.

Module-scoped, so each gate module builds, serves and launches once, and its tests' tabs share one context and
renderer process (gate_tools.Tabs); a module uses them by importing the names (pytest registers imported fixtures).
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from gate_tools import chromium, example_site, fixture_site, serve


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site):
    return {"example": example_site(tmp_path_factory), "fixture": fixture_site(site)}


@pytest.fixture(scope="module")
def served(sites):
    with ExitStack() as stack:
        yield {name: stack.enter_context(serve(built.root)) for name, built in sites.items()}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b
