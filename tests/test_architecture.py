"""The folders of the package and the one-way arrows between them.

model <- rules <- compute / formats <- render <- cli, with the core (problems,
codes, texts) and the exceptions below everything. A test here fails when an
import runs the wrong way, also one hidden inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "medborgarlofte"

# Which rooms each room may import (besides itself). Modules at the top of the
# package (``__init__``, ``testing``, ``__main__``) are the public surface and
# may import anything but the command line, which only ``__main__`` may import.
ALLOWED: dict[str, frozenset[str]] = {
    "exceptions": frozenset({"_core"}),
    "_core": frozenset({"exceptions"}),
    "_model": frozenset({"_core", "exceptions"}),
    "_rules": frozenset({"_core", "exceptions", "_model"}),
    "_compute": frozenset({"_core", "exceptions", "_model", "_rules"}),
    "_formats": frozenset({"_core", "exceptions", "_model", "_rules"}),
    "_draft": frozenset({"_core", "exceptions", "_model", "_rules", "_formats"}),
    "_render": frozenset({"_core", "exceptions", "_model", "_rules", "_compute", "_formats"}),
    "cli": frozenset(
        {"_core", "exceptions", "_model", "_rules", "_compute", "_formats", "_render", "_draft"}
    ),
}


def _room(module: str) -> str:
    """Return the room (first part below the package) of a dotted module name."""
    return module.split(".")[1] if "." in module else ""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, module) for every import of this package in *path*."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "medborgarlofte":
                found.extend((node.lineno, f"medborgarlofte.{alias.name}") for alias in node.names)
            elif node.module.startswith("medborgarlofte."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "<relative>"))
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, alias.name)
                for alias in node.names
                if alias.name.startswith("medborgarlofte")
            )
    return found


def _violations() -> list[str]:
    wrong: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _room(_module_name(path))
        for line, target in _imports(path):
            where = f"{path.relative_to(PACKAGE)}:{line}"
            if target == "<relative>":
                wrong.append(f"{where}: relative import (use absolute imports)")
                continue
            there = _room(target)
            if there == "cli" and here not in {"cli", "__main__"}:
                wrong.append(f"{where}: imports the command line ({target})")
            elif here in ALLOWED and there not in ALLOWED[here] | {here}:
                wrong.append(f"{where}: {here} may not import {target}")
    return wrong


def test_every_import_runs_the_allowed_way():
    """No module imports a room its own room may not import."""
    assert [] == _violations()


def test_every_module_lives_in_a_known_room():
    """Every private module sits in one of the rooms the arrows are defined for."""
    public = {"", "__main__", "testing", "exceptions", "cli"}
    rooms = {_room(_module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert set() == rooms - set(ALLOWED) - public


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from medborgarlofte._render import report\n", ["x.py:1: _model may not import"]),
        ("def f():\n    import medborgarlofte.cli\n", ["x.py:2: imports the command line"]),
        ("from medborgarlofte import _formats\n", ["x.py:1: _model may not import"]),
        ("from medborgarlofte._core import codes\n", []),
    ],
)
def test_the_check_finds_a_wrong_arrow(tmp_path, monkeypatch, source, expected):
    """The check itself finds an import that runs the wrong way, also inside a function."""
    room = tmp_path / "medborgarlofte" / "_model"
    room.mkdir(parents=True)
    (room / "x.py").write_text(source, "utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "medborgarlofte")
    found = _violations()
    assert len(expected) == len(found)
    for prefix, message in zip(expected, found, strict=True):
        assert message.startswith(prefix.replace("x.py", "_model/x.py"))
