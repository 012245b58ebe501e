"""Small Sphinx helpers for the medborgarlofte documentation.

1. Napoleon reads the first line of an attribute's docstring as ``type:
description``, so the enum member docstring ``"Minst: the number is a
floor"`` would document a type called "Minst". The docstrings of attributes,
data and properties in our package are protected from that reading: their
types come from the annotations instead.

2. The ``Attributes:`` section of an attrs class becomes one
``.. attribute::`` per field with its type as an option, so it reads
``name: type = default`` on one line, and the default comes from the class
itself rather than from prose that could go stale.

3. The code imports ``datetime as dt`` throughout. When autodoc cannot
evaluate a signature's annotations (a name imported only for type
checking), it shows them as written, and ``dt.date`` would not resolve; it
is looked up as ``datetime.date`` instead.

(Type hints that name a private module, ``medborgarlofte._model.period.Period``,
need no help: autodoc records that path as the canonical name of the public
``medborgarlofte.Period`` it documents.)
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Any

import attrs
from docutils.nodes import Text
from sphinx.ext.intersphinx import missing_reference

if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

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


_ATTRIBUTE = re.compile(r"^(?P<indent>\s*)\.\. attribute:: (?P<name>\w+)\s*$")


def _show_default(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def _defaults(cls: type) -> dict[str, str]:
    shown: dict[str, str] = {}
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING or not field.init:
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            continue
        shown[field.name] = _show_default(field.default)
    return shown


def _inline_attribute_types(
    _app: Sphinx, what: str, name: str, obj: object, _options: object, lines: list[str]
) -> None:
    """Move each attribute's ``:type:`` field into its directive, and add its default."""
    if what != "class" or not name.startswith(_PACKAGE) or not attrs.has(obj):  # type: ignore[arg-type]
        return
    defaults = _defaults(obj)  # type: ignore[arg-type]
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _ATTRIBUTE.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        indent, field = match["indent"], match["name"]
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(indent + " ")):
            end += 1
        body = lines[i + 1 : end]
        type_line = f"{indent}   :type: "
        types = [line[len(type_line) :] for line in body if line.startswith(type_line)]
        body = [line for line in body if not line.startswith(type_line)]
        out.append(lines[i])
        out.extend(f"{indent}   :type: {t}" for t in types)
        if field in defaults:
            out.append(f"{indent}   :value: {defaults[field]}")
        while body and not body[-1].strip():
            body.pop()
        out.extend([*body, ""])
        i = end
    lines[:] = out


def _datetime_alias(
    app: Sphinx, env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    """Resolve ``dt.X`` as ``datetime.X`` through the Python inventory."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("dt."):
        return None
    renamed = node.deepcopy()
    renamed["reftarget"] = "datetime." + target.removeprefix("dt.")
    shown = contnode.deepcopy()
    if shown.astext() == target:
        shown.children = [Text(target.removeprefix("dt."))]
    return missing_reference(app, env, renamed, shown)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the helpers with Sphinx."""
    app.add_css_file("medborgarlofte.css")
    app.connect("missing-reference", _datetime_alias)
    # Around napoleon, which listens with the default priority of 500.
    app.connect("autodoc-process-docstring", _keep_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    app.connect("autodoc-process-docstring", _inline_attribute_types, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
