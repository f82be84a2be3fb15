"""An installed copy (`pip install .`, not `-e`) builds a site as the checkout does.

The default templates live at the top of the repository, beside content/, not in the package; an
installed copy must carry them. setuptools' build_py lays out the package as a wheel gets it.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO
from helpers import FIXTURE


def test_an_installed_copy_carries_the_default_templates_and_builds_with_them(tmp_path):
    lib = tmp_path / "lib"
    laid_out = subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py",
                               "--build-lib", str(lib)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert laid_out.returncode == 0, laid_out.stderr
    shipped = {p.relative_to(lib / "generator" / "default_templates").as_posix()
               for p in (lib / "generator" / "default_templates").rglob("*") if p.is_file()}
    assert shipped == {p.relative_to(REPO / "templates").as_posix()
                       for p in (REPO / "templates").rglob("*") if p.is_file()}

    env = dict(os.environ, PYTHONPATH=str(lib))
    built = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(FIXTURE),
                            "--out", str(tmp_path / "site"), "--no-search", "--today", "2020-02-15"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "static" / "style.css").read_bytes() == (REPO / "templates/static/style.css").read_bytes()
