"""Code shape: no function or method under service/ is longer than 60 lines (issue 10), so
that a long one is split into helpers with one job each before it is merged."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

SERVICE = Path(__file__).resolve().parent.parent / "service"
MAX_LINES = 60


def long_functions(root: Path, limit: int = MAX_LINES) -> list[str]:
    """`path:line name (N lines)` for every function under `root` longer than `limit` lines,
    counted from its `def` line (decorators left out) to its last line."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_in_service_is_longer_than_60_lines():
    assert long_functions(SERVICE) == []


def test_the_check_sees_a_long_function_and_a_long_method(tmp_path):
    body = "".join(f"x{i} = {i}\n" for i in range(MAX_LINES))  # with its `def`, one line too many
    source = (
        "def short():\n    return 1\n\n\n"
        + "def long():\n"
        + textwrap.indent(body, "    ")
        + "\n\nclass C:\n    async def method(self):\n"
        + textwrap.indent(body, "        ")
    )
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "module.py").write_text(source, encoding="utf-8")
    found = long_functions(tmp_path / "pkg")
    assert [entry.split()[1] for entry in found] == ["long", "method"]
    assert all(entry.endswith(f"({MAX_LINES + 1} lines)") for entry in found)
