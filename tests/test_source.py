"""The generator's own source, read as Python rather than run."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def test_no_module_of_the_generator_binds_a_top_level_name_twice():
    """Two branches merged into one module each named a pattern of their own `_NUMBERED`: the later binding
    replaced the earlier for both, and "actions A39–A41" was no longer read as a range. Neither ruff (F811 is for
    imports and definitions left unused) nor the branches' own tests could see it."""
    twice = []
    for path in sorted(GENERATOR.glob("*.py")):
        bound: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                names = []
            for name in names:
                if name in bound:
                    twice.append(f"{path.name}:{node.lineno}: {name}, bound at line {bound[name]} already")
                bound[name] = node.lineno
    assert twice == []
