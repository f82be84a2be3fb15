"""Reading the YAML of every file's frontmatter, at another commit and at this checkout, in turns in one
process: what a change to generator/yamltext.py costs, which every content file read goes through.

    python -m benchmarks.yaml_parse ARCHIVE --base REV [--files 3000] [--turns 3] [--repeat 5]

For each turn, the fastest of `--repeat` passes of `yamltext.parse` over the frontmatter of the archive's
first `--files` Markdown files (in path order), for the base and for this checkout, and the two versions'
ratio; then how many of the texts are not ASCII, and how many hold both `*` and `&`, the texts the rarer
paths of the reader (line separators, aliases) look further into. The stages of a whole build are
benchmarks/compare.py's; this isolates the reader, whose share of the load stage is small beside the noise.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.compare import BASE, base_package  # noqa: E402


def frontmatters(archive: Path, files: int) -> list[tuple[Path, str]]:
    """(file, the YAML between its `---` lines) of the archive's first `files` Markdown files that have one."""
    found = []
    for path in sorted(archive.rglob("*.md"))[:files]:
        text = path.read_text(encoding="utf-8")
        end = text.find("\n---", 4)
        if text.startswith("---\n") and end > 0:
            found.append((path, text[4:end]))
    return found


def fastest(yamltext, diagnostics, archive: Path, texts: list[tuple[Path, str]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        report = diagnostics.Report(root=archive)
        started = time.perf_counter()
        for path, text in texts:
            yamltext.parse(text, path, report, 2)
        best = min(best, time.perf_counter() - started)
    return best


def versions(rev: str, work: Path) -> list[tuple[str, object, object]]:
    """(name, yamltext, diagnostics) of `rev` and of this checkout."""
    commit = base_package(rev, work)
    for name in [name for name in sys.modules if name == BASE or name.startswith(BASE + ".")]:
        del sys.modules[name]  # another work folder's, imported before in this process
    sys.path.insert(0, str(work))
    try:
        base = [importlib.import_module(f"{BASE}.{module}") for module in ("yamltext", "diagnostics")]
    finally:
        sys.path.remove(str(work))
    this = [importlib.import_module(f"generator.{module}") for module in ("yamltext", "diagnostics")]
    return [(f"base {commit}", *base), ("this", *this)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.yaml_parse", description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="a content folder, e.g. one benchmarks.synthetic made")
    parser.add_argument("--base", required=True, metavar="REV", help="the commit to compare with")
    parser.add_argument("--files", type=int, default=3000, help="Markdown files read (default 3000)")
    parser.add_argument("--turns", type=int, default=3, help="turns of the two versions (default 3)")
    parser.add_argument("--repeat", type=int, default=5, help="passes a turn, the fastest kept (default 5)")
    args = parser.parse_args(argv)
    texts = frontmatters(args.archive, args.files)
    size = sum(len(text) for _, text in texts)
    with tempfile.TemporaryDirectory(prefix="minutebook-yaml-") as work:
        found = versions(args.base, Path(work))
        print(f"{args.archive}: the frontmatter of {len(texts)} files, {size / 1e6:.2f} MB; fastest of "
              f"{args.repeat} passes a turn")
        times: dict[str, list[float]] = {name: [] for name, _, _ in found}
        for turn in range(1, args.turns + 1):
            for name, yamltext, diagnostics in found:
                times[name].append(fastest(yamltext, diagnostics, args.archive, texts, args.repeat))
            print(f"turn {turn}: " + ", ".join(f"{name} {seconds[-1]:.3f} s" for name, seconds in times.items()))
    (base, before), (_, after) = times.items()
    print(f"this/base, fastest turn against fastest turn: {min(after) / min(before):.2f}x")
    print(f"texts not ASCII: {sum(not text.isascii() for _, text in texts)}; holding both '*' and '&': "
          f"{sum('*' in text and '&' in text for _, text in texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
