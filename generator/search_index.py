"""Stage 5, index: the real Pagefind binary indexes the rendered pages.

We run the CLI over the whole staged folder (one process, its own threads)
rather than feeding pages through the Python API, which sleeps per page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class IndexError_(RuntimeError):
    pass


def build_index(site_dir: Path) -> str:
    """Index `site_dir` in place; returns Pagefind's summary lines."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    except FileNotFoundError as exc:  # pragma: no cover - the package is a dependency
        raise IndexError_(f"Pagefind could not be started: {exc}") from exc
    if done.returncode != 0:
        raise IndexError_("Pagefind failed:\n" + (done.stderr or done.stdout)[-2000:])
    lines = [line.strip() for line in done.stdout.splitlines() if "Indexed" in line or "Total" in line]
    return "; ".join(lines)
