"""Generated structure hooks for the fast converter: the happy path, nothing else.

For each attrs class, :func:`make_fast_structure_fn` writes a small Python
function that checks every value's type inline (exact types, as the hooks of
the detailed converter do), looks enums up in a dict, and calls the class's
constructor once with keywords, so its validators run as always. It does not
say what is wrong: any failure raises, and the loader then asks the detailed
converter, which reports every problem. Both accept exactly the same
documents and build equal objects; the tests hold them to that.
"""

from __future__ import annotations

import datetime as dt
import enum
import linecache
import types
import typing
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["make_fast_structure_fn"]


class Reject(ValueError):  # noqa: N818 - not an error to report, a signal to the loader
    """Raised by a generated hook on any value it does not accept."""


_MISSING = object()
_NONE = type(None)


def _reject(*_args: object) -> None:
    raise Reject


def _union_args(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


_SIMPLE: dict[Any, str] = {
    str: "if type({n}) is not str: _reject()",
    bool: "if type({n}) is not bool: _reject()",
    int: "if type({n}) is not int: _reject()",
    float: "if type({n}) is not float: {n} = _float({n}, None)",
    dt.date: "{n} = _date({n}, None)",
    int | float: "if type({n}) is not int: {n} = _number({n}, None)",
    int | float | None: "if {n} is not None and type({n}) is not int: {n} = _number({n}, None)",
    tuple[str, ...]: (
        "if type({n}) is not list: _reject()\n"
        "for _item in {n}:\n"
        "    if type(_item) is not str: _reject()\n"
        "{n} = tuple({n})"
    ),
}


def _check_lines(name: str, tp: Any, conv: cattrs.Converter, env: dict[str, Any]) -> list[str]:
    """Return lines that check and convert the local *name* of type *tp* in place."""
    args = _union_args(tp)
    inner = [a for a in args if a is not _NONE]
    if _NONE in args and len(inner) == 1:
        body = _check_lines(name, inner[0], conv, env)
        return [f"if {name} is not None:", *(f"    {line}" for line in body)]
    simple = _SIMPLE.get(tp)
    if simple is not None:
        return simple.format(n=name).splitlines()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        table = f"_enum_{len(env)}"
        env[table] = {m.value: m for m in tp}
        return [f"if type({name}) is not str: _reject()", f"{name} = {table}[{name}]"]
    hook = f"_hook_{len(env)}"
    kind = f"_type_{len(env)}"
    env[hook] = conv.get_structure_hook(tp)
    env[kind] = tp
    return [f"{name} = {hook}({name}, {kind})"]


def make_fast_structure_fn(cl: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Return a generated hook that structures a dict into *cl*, or raises on anything wrong."""
    from medborgarlofte._serde import _converter  # noqa: PLC0415 - it imports this module

    hints = typing.get_type_hints(cl)
    fields = [a for a in attrs.fields(cl) if a.init]
    env: dict[str, Any] = {
        "_cl": cl,
        "_reject": _reject,
        "_MISSING": _MISSING,
        "_allowed": frozenset(a.name for a in fields),
        "_float": _converter.structure_float,
        "_number": _converter.structure_number,
        "_date": _converter.structure_date,
    }
    lines = [
        f"def structure_{cl.__name__}(o, _=None):",
        "    if not o.keys() <= _allowed: _reject()",
    ]
    for index, field in enumerate(fields):
        name = f"v{index}"
        check = _check_lines(name, hints[field.name], conv, env)
        if field.default is attrs.NOTHING:
            lines.append(f"    {name} = o[{field.name!r}]")
            lines += [f"    {line}" for line in check]
        elif field.default is None:
            lines.append(f"    {name} = o.get({field.name!r})")
            lines += [f"    {line}" for line in check]
        else:
            default = f"_default_{index}"
            env[default] = field.default
            lines.append(f"    {name} = o.get({field.name!r}, _MISSING)")
            lines.append(f"    if {name} is _MISSING:")
            lines.append(f"        {name} = {default}")
            lines.append("    else:")
            lines += [f"        {line}" for line in check]
    keywords = ", ".join(f"{a.name}=v{i}" for i, a in enumerate(fields))
    lines.append(f"    return _cl({keywords})")
    source = "\n".join(lines) + "\n"
    filename = f"<medborgarlofte fast structure {cl.__module__}.{cl.__qualname__}>"
    code = compile(source, filename, "exec")
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    namespace: dict[str, Any] = {}
    exec(code, env, namespace)  # noqa: S102 - code generated above from the model's own fields
    generated: Callable[[Any, Any], Any] = namespace[f"structure_{cl.__name__}"]
    return generated
