"""Making a built site's search bundles stable (generator/pagefind_stable.py), at another commit and at this
checkout, in turns in one process: what numbering a bundle's pages again costs beside Pagefind's run.

    python -m benchmarks.stabilise_cost SITE --base REV [--bundles 4] [--turns 3]

SITE is a site a build indexed (its `pagefind/bodies/` holds a bundle per body). For each turn and each of the
first `--bundles` body bundles (in name order), a fresh copy of the bundle is stabilised by the base and then
by this checkout; the figures are the mean seconds a bundle of each, and the pages the bundles hold. A copy
each time, as `stabilise` rewrites the folder it is given.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.compare import BASE, base_package  # noqa: E402


def versions(rev: str, work: Path) -> list[tuple[str, object]]:
    """(name, pagefind_stable) of `rev` and of this checkout."""
    commit = base_package(rev, work)
    for name in [name for name in sys.modules if name == BASE or name.startswith(BASE + ".")]:
        del sys.modules[name]  # another work folder's, imported before in this process
    sys.path.insert(0, str(work))
    try:
        base = importlib.import_module(f"{BASE}.pagefind_stable")
    finally:
        sys.path.remove(str(work))
    return [(f"base {commit}", base), ("this", importlib.import_module("generator.pagefind_stable"))]


def timed(module, bundle: Path, scratch: Path) -> float:
    copy = scratch / bundle.name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(bundle, copy)
    started = time.perf_counter()
    module.stabilise(copy)
    seconds = time.perf_counter() - started
    shutil.rmtree(copy)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stabilise_cost", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site, search index included")
    parser.add_argument("--base", required=True, metavar="REV", help="the commit to compare with")
    parser.add_argument("--bundles", type=int, default=4, help="body bundles timed (default 4)")
    parser.add_argument("--turns", type=int, default=3, help="turns of the two versions (default 3)")
    args = parser.parse_args(argv)
    bundles = sorted(p for p in (args.site / "pagefind" / "bodies").iterdir() if p.is_dir())[:args.bundles]
    if not bundles:
        parser.error(f"{args.site}/pagefind/bodies/ holds no bundle: build the site with search")
    pages = [sum(1 for _ in (b / "fragment").glob("*.pf_fragment")) for b in bundles]
    with tempfile.TemporaryDirectory(prefix="minutebook-stabilise-") as work:
        found = versions(args.base, Path(work) / "base")
        scratch = Path(work) / "scratch"
        scratch.mkdir()
        totals = {name: 0.0 for name, _ in found}
        for _ in range(args.turns):
            for bundle in bundles:
                for name, module in found:
                    totals[name] += timed(module, bundle, scratch)
    runs = args.turns * len(bundles)
    print(f"{args.site}: {len(bundles)} bundles of {min(pages)} to {max(pages)} pages, {args.turns} turns")
    print(", ".join(f"{name} {seconds / runs:.3f} s" for name, seconds in totals.items()) + " a bundle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
