"""Small Sphinx helpers for the medborgarlofte documentation.

1. Public names live in private modules (``medborgarlofte._period.Period``) and
   are documented where users import them (``medborgarlofte.Period``). Type
   hints still name the private module, so a reference that Sphinx cannot find
   is retried under the public name, but only when both names are bound to the
   very same object. Anything else stays unresolved and fails the ``-n`` build.
2. Napoleon reads the first line of an attribute's docstring as ``type:
   description``, so the enum member docstring ``"Minst: the number is a
   floor"`` would document a type called "Minst". The docstrings of attributes,
   data and properties in our package are protected from that reading: their
   types come from the annotations instead.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import medborgarlofte

if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_PACKAGE = "medborgarlofte"
_PUBLIC = frozenset(medborgarlofte.__all__)


def _lookup(dotted: str) -> object:
    """Return the object *dotted* names, importing the longest module prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)


def public_name(target: str) -> str | None:
    """Return the public name of *target* if it is a public object under another path.

    >>> public_name("medborgarlofte._period.Period")
    'medborgarlofte.Period'
    >>> public_name("medborgarlofte._targets.Interval.YEAR")
    'medborgarlofte.Interval.YEAR'
    >>> public_name("medborgarlofte._period.no_such_name") is None
    True
    """
    parts = target.split(".")
    if len(parts) < 3 or parts[0] != _PACKAGE:  # noqa: PLR2004 - package, module, name
        return None
    for i in range(1, len(parts)):
        if parts[i] not in _PUBLIC:
            continue
        public = ".".join([_PACKAGE, *parts[i:]])
        if public == target:
            return None
        try:
            same = _lookup(target) is _lookup(public)
        except (ImportError, AttributeError):
            return None
        return public if same else None
    return None


def _resolve_public(
    app: Sphinx, env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    if node.get("refdomain") != "py":
        return None
    public = public_name(node["reftarget"])
    if public is None:
        return None
    domain: Any = env.get_domain("py")
    return domain.resolve_xref(  # type: ignore[no-any-return]
        env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
    )


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
    app.connect("missing-reference", _resolve_public)
    # Around napoleon, which listens with the default priority of 500.
    app.connect("autodoc-process-docstring", _keep_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
