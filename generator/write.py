"""Stage 6, write: pages go to a temporary folder that replaces the old site at the end.

A build that fails at any point removes its temporary folder and leaves the
previous `site/` exactly as it was, so a clerk's mistake never takes the
public site down or half-updates it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.urls import output_file


class StagedOutput:
    def __init__(self, out: Path):
        self.out = Path(out).resolve()
        self.tmp = self.out.parent / f".{self.out.name}.tmp-{os.getpid()}"
        self.pages = 0
        self.urls: list[str] = []  # every page written, for the sitemap

    def __enter__(self) -> "StagedOutput":
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        self.tmp.mkdir(parents=True)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp.exists():  # not committed: a failure, or an exception
            shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, url: str, html: str) -> None:
        path = self.tmp / output_file(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html.encode("utf-8"))
        self.pages += 1
        self.urls.append(url)

    def write_file(self, relative: str, data: bytes) -> None:
        path = self.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def copy_tree(self, source: Path, relative: str) -> None:
        if source.is_dir():
            shutil.copytree(source, self.tmp / relative, dirs_exist_ok=True)

    def commit(self) -> None:
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        if self.out.exists():
            self.out.rename(old)
        self.tmp.rename(self.out)
        if old.exists():
            shutil.rmtree(old)
