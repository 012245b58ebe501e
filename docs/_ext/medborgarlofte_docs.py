"""A small Sphinx helper for the medborgarlofte documentation.

Napoleon reads the first line of an attribute's docstring as ``type:
description``, so the enum member docstring ``"Minst: the number is a
floor"`` would document a type called "Minst". The docstrings of attributes,
data and properties in our package are protected from that reading: their
types come from the annotations instead.

(Type hints that name a private module, ``medborgarlofte._period.Period``,
need no help: autodoc records that path as the canonical name of the public
``medborgarlofte.Period`` it documents.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_PACKAGE = "medborgarlofte"


_ORIGINAL: dict[str, list[str]] = {}


def _is_ours(what: str, name: str) -> bool:
    return what in {"attribute", "data", "property"} and name.startswith(_PACKAGE)


def _keep_attribute_docstring(
    _app: Sphinx, what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    if _is_ours(what, name):
        _ORIGINAL[name] = list(lines)


def _restore_attribute_docstring(
    _app: Sphinx, _what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    original = _ORIGINAL.pop(name, None)
    if original is not None and any(line.startswith(":type:") for line in lines):
        # Napoleon took the words before the first colon for a type: undo it.
        lines[:] = original


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the helpers with Sphinx."""
    # Around napoleon, which listens with the default priority of 500.
    app.connect("autodoc-process-docstring", _keep_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
