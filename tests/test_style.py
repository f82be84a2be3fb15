"""The code's own checks, by ruff with the rules in pyproject.toml: a name imported and never used, or used
and never defined, and a line of the package or the benchmarks past 120 characters.

A name used and never defined is a NameError waiting on the one path no test takes; an unused import hides
which module a function really comes from. The line length is the project's; a reviewer reading diffs side by
side relies on it, and nothing else kept it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           *arguments], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_the_code_passes_its_own_checks():
    result = _ruff()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_find_what_they_are_there_to_find(tmp_path):
    """The project's rules, run on a module with one of each mistake: were the configuration not read, or a
    rule dropped, the test above would pass on anything."""
    package = tmp_path / "generator"
    package.mkdir()
    (package / "bad.py").write_text(
        "import os\n\n\n"
        "def told():\n"
        "    return undefined_name\n\n\n"
        f"LONG = {'x' * 120!r}\n", encoding="utf-8")
    result = _ruff("--config", str(ROOT / "pyproject.toml"), ".", cwd=tmp_path)
    found = sorted(line.split(": ")[1].split(" ")[0] for line in result.stdout.splitlines() if ": " in line
                   and line.startswith("generator"))
    assert found == ["E501", "F401", "F821"], result.stdout + result.stderr
    assert result.returncode == 1


def test_the_sites_scripts_and_the_search_browser_tests_keep_lines_within_120_characters():
    """Ruff reads neither the scripts the site serves nor the tests (whose messages quoted whole run longer); the
    scripts and the browser tests of search, which are read beside them, keep the project's line length."""
    files = sorted((ROOT / "templates" / "static").glob("*.js")) + [ROOT / "tests" / "test_search_browser.py"]
    long = [f"{path.relative_to(ROOT)}:{number}" for path in files
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if len(line) > 120]
    assert long == []
