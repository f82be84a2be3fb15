"""Files a site publishes at its top as they are (content/root/).

Some files are looked for at a fixed address that no page has: `/.well-known/security.txt` (RFC 9116, which
the NCSC asks public bodies to publish), `/CNAME` (GitHub Pages' custom domain), `/favicon.ico`, a search
engine's verification file. A clerk puts each in content/root/ where it is to be published; the build
copies it byte for byte, as the site's static files are copied (build.static_files).

Each goes where the site writes nothing of its own: at the top, or in a folder of its own. A file in one of
the site's folders (a body's, `/people/`, `/data/`...) or at one of its root files' names would be replaced
by the site's, or replace it, on some later build: an error, however it stands today. Names that start with
a dot are an editor's or the system's (`.DS_Store`, Vim's swap files) and are left out, but for the
`.well-known` folder; so are editors' backups. A link to another file is an error, as for a paper's files:
it could publish what was never meant to be (a file outside the content, in a folder kept private).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

from generator import urls
from generator.attachments import editors
from generator.diagnostics import Report
from generator.moved import ROOT_FILES

FOLDER = "root"
WELL_KNOWN = ".well-known"  # RFC 8615: the one folder with a dot that is published


def _walk(content: Path) -> Iterator[tuple[str, Path, str]]:
    """(path from the site's top, file, what is wrong with it or "") of every entry content/root/ publishes,
    in name order."""
    top = Path(content) / FOLDER
    if not top.is_dir() or top.is_symlink():
        return
    for folder, names, files in os.walk(top):
        here = Path(folder)
        names[:] = sorted(n for n in names if not _left_out(here / n, top))
        for name in sorted(files):
            path = here / name
            if _left_out(path, top):
                continue
            relative = path.relative_to(top).as_posix()
            mode = os.lstat(path).st_mode
            problem = ("a link to another file" if stat.S_ISLNK(mode) else
                       "a pipe, a socket or a device, not a file" if not stat.S_ISREG(mode) else "")
            yield relative, path, problem
        for name in names:
            if (here / name).is_symlink():  # os.walk does not go into it
                yield (here / name).relative_to(top).as_posix(), here / name, "a link to another folder"


def _left_out(path: Path, top: Path) -> bool:
    name = path.name
    if editors(name):
        return True
    return name.startswith(".") and not (name == WELL_KNOWN and path.parent == top)


def listed(content: Path) -> dict[str, Path]:
    """Path from the site's top -> file, of every file content/root/ publishes; `check` reports the rest."""
    return {relative: path for relative, path, problem in _walk(content) if not problem}


def check(content: Path, index, report: Report) -> None:
    """Report each file of content/root/ that is no file, or that stands where the site writes its own."""
    entries = list(_walk(content))
    if not entries:
        return
    # Every page is below a body's folder or one of the names a body's slug may not take (urls.RESERVED), but
    # the home page and 404.html; tests/test_root_files.py holds this to the site as built.
    owned = urls.RESERVED | set(index.archive.bodies) | {old.strip("/").split("/")[0] for old, _ in index.moved}
    for relative, path, problem in entries:
        top = relative.split("/")[0]
        if problem:
            report.error(path, 1, f"{relative} in content/{FOLDER}/ is {problem}, which is not published",
                         "put the file itself there, or take the link out")
        elif "/" not in relative and (relative == "index.html" or ROOT_FILES.fullmatch(relative)):
            report.error(path, 1, f"the site writes /{relative} itself, so content/{FOLDER}/{relative} cannot "
                         "be published there", f"take content/{FOLDER}/{relative} out")
        elif top in owned:
            report.error(path, 1, f"/{top}/ is a folder of the site's own, so content/{FOLDER}/{relative} cannot "
                         "be published in it", f"move it to the top of content/{FOLDER}/, or to a folder of "
                         "its own there")
