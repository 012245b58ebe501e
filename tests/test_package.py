"""Tests for the public surface (__init__.py): the same names, imported on first use."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import medborgarlofte

INIT = Path(medborgarlofte.__file__)


def _type_checking_imports() -> dict[str, str]:
    """Return {name: module} of the imports a type checker sees in ``__init__.py``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
        for alias in node.names
    }


def test_lazy_table_matches_the_imports_a_type_checker_sees():
    """The names and modules imported on first use are the ones the type checker is shown."""
    assert _type_checking_imports() == medborgarlofte._MODULE_OF


def test_all_is_the_lazy_names_and_the_version():
    """__all__ lists exactly the names imported on first use, and __version__."""
    assert sorted([*medborgarlofte._MODULE_OF, "__version__"]) == sorted(medborgarlofte.__all__)


@pytest.mark.parametrize("name", sorted(medborgarlofte.__all__))
def test_every_public_name_is_the_object_of_its_module(name):
    """Each public name resolves to the very object its private module defines."""
    value = getattr(medborgarlofte, name)
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        assert version("medborgarlofte") == value
        return
    module = importlib.import_module(medborgarlofte._MODULE_OF[name])
    assert getattr(module, name) is value


def test_unknown_name_is_an_attribute_error():
    """A name the package does not have raises AttributeError, as any module would."""
    with pytest.raises(AttributeError, match="has no attribute 'Promsie'"):
        _ = medborgarlofte.Promsie  # type: ignore[attr-defined]


def test_dir_lists_every_public_name():
    """dir() shows the public names, also those not imported yet."""
    assert set(medborgarlofte.__all__) <= set(dir(medborgarlofte))


def test_import_alone_imports_nothing_else():
    """``import medborgarlofte`` imports none of its modules until a name is used."""
    code = (
        "import sys, medborgarlofte\n"
        "print(sorted(m for m in sys.modules if m.startswith('medborgarlofte')))\n"
        "medborgarlofte.Period\n"
        "print('medborgarlofte._model.period' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert ["['medborgarlofte']", "True"] == result.stdout.split("\n")[:2]


def test_star_import_gives_every_public_name():
    """``from medborgarlofte import *`` binds every name in __all__."""
    namespace: dict[str, object] = {}
    exec("from medborgarlofte import *", namespace)  # noqa: S102 - a fixed statement
    assert set(medborgarlofte.__all__) <= set(namespace)
