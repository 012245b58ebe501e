"""The reference documentation names every public name, so none can be forgotten."""

import importlib
import re
from pathlib import Path

import pytest

import medborgarlofte

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference"

# An autodoc directive, in eval-rst (``.. autoclass:: Name``) or MyST
# (```{autoclass} Name```) form; the name may be qualified.
_DIRECTIVE = re.compile(
    r"(?:\.\. |\{)auto(?:class|function|data|exception|attribute|method|module)(?:::|\})"
    r"\s+([\w.]+)"
)

# Public names that are not objects autodoc can document on their own.
_NOT_DOCUMENTED = {"__version__"}

# Public submodules, documented with their own members.
_SUBMODULES = ("exceptions", "testing")


# ``automodule`` with ``:members:`` documents every name in the module's ``__all__``.
_MODULE_WITH_MEMBERS = re.compile(
    r"(?:\.\. automodule::|\{automodule\})\s+medborgarlofte\.(\w+)\s*\n(?:\s+:[\w-]+:.*\n)*?"
    r"\s+:members:\s*\n"
)


def _documented() -> set[str]:
    """Return every name an autodoc directive in the reference documents."""
    names: set[str] = set()
    for page in REFERENCE.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for name in _DIRECTIVE.findall(text):
            names.add(name.removeprefix("medborgarlofte."))
        for module_name in _MODULE_WITH_MEMBERS.findall(text):
            module = importlib.import_module(f"medborgarlofte.{module_name}")
            names.update(f"{module_name}.{name}" for name in module.__all__)
    return names


def test_every_public_name_is_in_the_reference() -> None:
    """Every name in ``medborgarlofte.__all__`` has an autodoc directive in docs/reference."""
    public = set(medborgarlofte.__all__) - _NOT_DOCUMENTED
    assert set() == public - _documented()


def test_the_reference_documents_no_name_that_is_not_public() -> None:
    """Every top-level name the reference documents is in ``__all__`` (no stale entries)."""
    documented = {name for name in _documented() if "." not in name and name not in _SUBMODULES}
    assert set() == documented - set(medborgarlofte.__all__)


@pytest.mark.parametrize("module_name", _SUBMODULES)
def test_every_name_of_a_public_submodule_is_in_the_reference(module_name: str) -> None:
    """Every name a public submodule exports is documented, under the package or the module."""
    try:
        module = importlib.import_module(f"medborgarlofte.{module_name}")
    except ImportError:
        pytest.skip(f"medborgarlofte.{module_name} does not exist yet")
    documented = _documented()
    missing = {
        name
        for name in module.__all__
        if name not in documented and f"{module_name}.{name}" not in documented
    }
    assert set() == missing
