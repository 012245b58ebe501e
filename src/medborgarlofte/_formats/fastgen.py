"""Generated structure hooks for the fast converter: the happy path, nothing else.

For each attrs class, :func:`make_fast_structure_fn` writes a small Python
function that checks every value's type inline (exact types, as the hooks of
the detailed converter do), looks enums up in a dict, parses dates after a
cheap shape check, and builds the instance. It does not say what is wrong:
any failure raises, and the loader then asks the detailed converter, which
reports every problem. Both accept exactly the same documents and build equal
objects; the tests hold them to that.

Building a frozen attrs instance through its ``__init__`` costs more than
reading and checking its values (each field is set through
``object.__setattr__``). A frozen slotted class is therefore built through a
mutable twin: a subclass with the same slots and plain attribute setting,
whose slots the interpreter fills directly; the instance's class is then
switched to the model class (same layout, so Python allows it), and the very
validators ``__init__`` would run are run, in the same order, on the finished
instance. A class whose ``__init__`` does more (converters, factories, hooks)
is built by calling it.
"""

from __future__ import annotations

import datetime as dt
import enum
import linecache
import types
import typing
from typing import TYPE_CHECKING, Any

import attrs
from cattrs.fns import identity

from medborgarlofte._model.twin import mutable_twin

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["define", "make_fast_structure_fn", "make_fast_unstructure_fn"]


class Reject(ValueError):  # noqa: N818 - not an error to report, a signal to the loader
    """Raised by a generated hook on any value it does not accept."""


_NONE = type(None)


def _reject(*_args: object) -> None:
    raise Reject


DATE_CACHE_SIZE = 4096
"""How many date texts the fast path remembers, read and their dates, at most."""


class _DateTexts(dict[dt.date, str]):
    """The ISO texts of dates written so far; a date not yet seen is written on lookup."""

    def __missing__(self, day: dt.date) -> str:
        return _write_date(day)


_dates: dict[str, dt.date] = {}
_texts = _DateTexts()


def _read_date(text: str) -> dt.date:
    """Return the date written exactly ``YYYY-MM-DD`` in *text*, remembered, or raise.

    Real documents repeat the same few hundred days over and over, so the
    generated hooks look a text up in :data:`_dates` first; only texts that
    passed the detailed path's own shape check and ``date.fromisoformat``
    are ever put there.
    """
    if len(text) != 10 or text[4] != "-" or text[7] != "-":  # noqa: PLR2004 - YYYY-MM-DD
        raise Reject
    day = dt.date.fromisoformat(text)
    if len(_dates) >= DATE_CACHE_SIZE:
        _dates.clear()
    _dates[text] = day
    return day


def _write_date(day: dt.date) -> str:
    """Return ``date.isoformat(day)``, as cattrs' hook does, remembered for a plain date."""
    text = dt.date.isoformat(day)
    if type(day) is dt.date:
        if len(_texts) >= DATE_CACHE_SIZE:
            _texts.clear()
        _texts[day] = text
    return text


def _union_args(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


_SIMPLE: dict[Any, str] = {
    str: "if type({n}) is not str: _reject()",
    bool: "if type({n}) is not bool: _reject()",
    int: "if type({n}) is not int: _reject()",
    float: "if type({n}) is not float: {n} = _float({n}, None)",
    dt.date: (
        "if type({n}) is not str: _reject()\n"
        "try:\n"
        "    {n} = _dates[{n}]\n"
        "except KeyError:\n"
        "    {n} = _read_date({n})"
    ),
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
    if typing.get_origin(tp) is tuple:
        elem_hook = f"_hook_{len(env)}"
        env[elem_hook] = conv.get_structure_hook(tp.__args__[0])
        elem = f"_type_{len(env)}"
        env[elem] = tp.__args__[0]
        return [
            f"if type({name}) is not list: _reject()",
            f"{name} = tuple([{elem_hook}(_item, {elem}) for _item in {name}])",
        ]
    hook = f"_hook_{len(env)}"
    kind = f"_type_{len(env)}"
    env[hook] = conv.get_structure_hook(tp)
    env[kind] = tp
    return [f"{name} = {hook}({name}, {kind})"]


def _buildable(cl: type[Any]) -> bool:
    """Return whether *cl* can be built without its ``__init__``.

    Only a slotted attrs class whose ``__init__`` does nothing but set its
    fields and then run their validators: no converters, factories, pre- or
    post-init hooks or hidden slots such as a cached hash.
    """
    fields = attrs.fields(cl)
    if (
        "__slots__" not in cl.__dict__
        or hasattr(cl, "__attrs_pre_init__")
        or hasattr(cl, "__attrs_post_init__")
        or any(a.converter is not None or isinstance(a.default, _FACTORY) for a in fields)
        or any(not a.init and a.default is attrs.NOTHING for a in fields)
        or any(a.alias != a.name for a in fields)
    ):
        return False
    slots = {
        name
        for klass in cl.__mro__
        for name in klass.__dict__.get("__slots__", ())
        if name != "__weakref__"
    }
    return slots == {a.name for a in fields}


_FACTORY: Any = attrs.Factory


def _builder(cl: type[Any]) -> type[Any] | None:
    """Return a mutable twin of the frozen slotted *cl* (see :mod:`.._twin`), or ``None``."""
    try:
        return mutable_twin(cl)
    except TypeError:  # pragma: no cover - a class that cannot be subclassed or switched
        return None


def _validator_guards() -> dict[Any, str]:
    """Return, for the model's shared validators, the condition under which each refuses.

    The generated hook calls the validator only when its condition holds, so
    the validator itself raises its error; the tests hold each condition to
    its validator.
    """
    from medborgarlofte._model import checks as _checks  # noqa: PLC0415 - keep the import graph shallow

    return {
        _checks.non_empty: "not {v}.strip()",
        _checks.optional_non_empty: "{v} is not None and not {v}.strip()",
        _checks.positive: "not {v} > 0",
        _checks.non_negative: "not {v} >= 0",
        _checks.optional_non_negative: "{v} is not None and not {v} >= 0",
        # The checked constructors (#14): their own guards, kept beside them.
        **_checks.FAST_GUARDS,
    }


def define(source: str, filename: str, env: dict[str, Any], name: str) -> Callable[..., Any]:
    """Compile the generated *source*, run it in *env* and return its function *name*.

    The source is registered with :mod:`linecache` under *filename*, so
    tracebacks and debuggers show the generated lines.
    """
    code = compile(source, filename, "exec")
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    namespace: dict[str, Any] = {}
    exec(code, env, namespace)  # noqa: S102 - code generated from the model's own fields
    function: Callable[..., Any] = namespace[name]
    return function


def make_fast_structure_fn(cl: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Return a generated hook that structures a dict into *cl*, or raises on anything wrong.

    A frozen slotted class is built without its ``__init__``, through its
    mutable twin (see the module docstring); the hook then runs the same
    attrs validators in the same order as ``__init__`` would (each shared
    validator of the model only when a cheap check says it will refuse).
    Other classes are built by calling the class.
    """
    from medborgarlofte._formats import converter as _converter  # noqa: PLC0415 - it imports this module

    hints = typing.get_type_hints(cl)
    every = attrs.fields(cl)
    fields = [a for a in every if a.init]
    env: dict[str, Any] = {
        "_cl": cl,
        "_reject": _reject,
        "_dict": dict,
        "_new": object.__new__,
        "_float": _converter.structure_float,
        "_number": _converter.structure_number,
        "_dates": _dates,
        "_read_date": _read_date,
    }
    required = sum(1 for a in fields if a.default is attrs.NOTHING)
    lines = [
        f"def structure_{cl.__name__}(o, _=None):",
        "    if type(o) is not _dict: _reject()",
        f"    n = {required}",
    ]
    local = {a.name: f"v{index}" for index, a in enumerate(every)}
    for field in fields:
        name = local[field.name]
        check = _check_lines(name, hints[field.name], conv, env)
        if field.default is attrs.NOTHING:
            lines.append(f"    {name} = o[{field.name!r}]")
            lines += [f"    {line}" for line in check]
            continue
        lines.append(f"    if {field.name!r} in o:")
        lines.append(f"        {name} = o[{field.name!r}]")
        lines += [f"        {line}" for line in check]
        lines.append("        n += 1")
        lines.append("    else:")
        lines.append(f"        {name} = {_constant(field, env)}")
    lines.append("    if len(o) != n: _reject()")
    lines += _build_lines(cl, local, env)
    source = "\n".join(lines) + "\n"
    filename = f"<medborgarlofte fast structure {cl.__module__}.{cl.__qualname__}>"
    return define(source, filename, env, f"structure_{cl.__name__}")


def _build_lines(cl: type[Any], local: dict[str, str], env: dict[str, Any]) -> list[str]:
    """Return the lines that build *cl* from the checked locals named in *local*."""
    every = attrs.fields(cl)
    fields = [a for a in every if a.init]
    lines: list[str] = []
    builder = _builder(cl) if _buildable(cl) else None
    guards = _validator_guards()
    if builder is None:
        keywords = ", ".join(f"{a.alias}={local[a.name]}" for a in fields)
        lines.append(f"    return _cl({keywords})")
    else:
        env["_builder"] = builder
        lines += [f"    {local[a.name]} = {_constant(a, env)}" for a in every if not a.init]
        lines.append("    i = _new(_builder)")
        lines += [f"    i.{a.name} = {local[a.name]}" for a in every]
        lines.append("    i.__class__ = _cl")
        for field in every:
            if field.validator is None:
                continue
            validator = f"_validator_{field.name}"
            attribute = f"_attribute_{field.name}"
            env[validator] = field.validator
            env[attribute] = field
            call = f"{validator}(i, {attribute}, {local[field.name]})"
            guard = guards.get(field.validator)
            if guard is None:
                lines.append(f"    {call}")
            else:
                lines.append(f"    if {guard.format(v=local[field.name])}: {call}")
        lines.append("    return i")
    return lines


def _constant(field: attrs.Attribute[Any], env: dict[str, Any]) -> str:
    """Return a name in *env* (or a literal) for the default of *field*."""
    default = field.default
    if default is None or type(default) in (bool, int) or default == ():
        return repr(default)
    name = f"_default_{field.name}"
    env[name] = default
    return name


def _value_expr(
    value: str, tp: Any, conv: cattrs.Converter, env: dict[str, Any], *, optional: bool = False
) -> str:
    """Return an expression for the plain data of the local *value* of type *tp*.

    The converter's own hook for *tp* decides; the common ones are written
    inline (pass-through, enum by value, date as ISO text, tuple as list).
    With *optional*, *value* is known not to be ``None``.
    """
    args = _union_args(tp)
    inner = [a for a in args if a is not _NONE]
    if optional and _NONE in args and len(inner) == 1:
        tp = inner[0]
    hook = conv.get_unstructure_hook(tp)
    if hook is identity:
        return value
    if tp is dt.date and hook is dt.date.isoformat:
        env["_texts"] = _texts
        return f"_texts[{value}]"
    table = getattr(hook, "__self__", None)
    if type(table) is dict and getattr(hook, "__name__", None) == "__getitem__":
        name = f"_table_{len(env)}"
        env[name] = table  # the very dict the hook looks values up in
        return f"{name}[{value}]"
    if typing.get_origin(tp) is tuple:
        item = _value_expr("_item", tp.__args__[0], conv, env)
        if item == "_item":
            return f"list({value})"
        return f"[{item} for _item in {value}]"
    name = f"_unstructure_{len(env)}"
    env[name] = hook
    return f"{name}({value})"


def make_fast_unstructure_fn(cl: type[Any], conv: cattrs.Converter) -> Callable[[Any], Any]:
    """Return a generated hook that turns an instance of *cl* into a dict, defaults left out.

    It writes what cattrs' generated function with ``omit_if_default`` writes,
    in the same key order (fields without a default first), but reads each
    attribute once, compares with ``is not`` where that is the same as
    ``!=`` (a default of ``None`` or an enum member), and writes the common
    conversions inline.
    """
    hints = typing.get_type_hints(cl)
    every = attrs.fields(cl)
    env: dict[str, Any] = {}
    required = [a for a in every if a.default is attrs.NOTHING]
    lines = [f"def unstructure_{cl.__name__}(i):"]
    items = [
        f"{a.name!r}: {_value_expr(f'i.{a.name}', hints[a.name], conv, env)}" for a in required
    ]
    lines.append(f"    res = {{{', '.join(items)}}}")
    for field in every:
        if field.default is attrs.NOTHING:
            continue
        default = field.default
        if default is None:
            test = "v is not None"
        elif isinstance(default, enum.Enum) and type(default).__eq__ is object.__eq__:
            env[f"_default_{field.name}"] = default
            test = f"v is not _default_{field.name}"
        else:
            env[f"_default_{field.name}"] = default
            test = f"v != _default_{field.name}"
        value = _value_expr("v", hints[field.name], conv, env, optional=default is None)
        lines.append(f"    v = i.{field.name}")
        lines.append(f"    if {test}: res[{field.name!r}] = {value}")
    lines.append("    return res")
    source = "\n".join(lines) + "\n"
    filename = f"<medborgarlofte fast unstructure {cl.__module__}.{cl.__qualname__}>"
    return define(source, filename, env, f"unstructure_{cl.__name__}")
