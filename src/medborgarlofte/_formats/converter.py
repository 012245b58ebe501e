"""The one cattrs converter of the document format, built by one factory.

Hooks are registered in a fixed order: primitives, leaf types (dates, enums,
recurrence rules, numbers), class policy (forbid extra keys, omit defaults),
and the tagged target union last, because factories capture the hooks that
exist when they run.

Every failure is collected with the attribute or index it happened at
(cattrs' detailed validation), so one pass both builds a valid document and
explains a broken one. Classes are structured and unstructured by cattrs' own
generated functions; the hooks below only decide the leaves and containers.

The leaf hooks for plain values are ``_structure_str``, ``_structure_int``,
``_structure_bool``, :func:`structure_float`, :func:`structure_number` and
:func:`structure_date`. The msgspec decoder of the ``fast`` extra
(:mod:`.msgspec_engine`) checks the same things in C without calling them, so
a check added to one of these hooks must be added there too; the tests that
hold both paths to the same result will fail until it is.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import operator
import re
import types
import typing
from typing import TYPE_CHECKING, Any, Final, get_args

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn

from medborgarlofte._core import codes
from medborgarlofte._formats import boundary
from medborgarlofte._formats.errors import DocumentValueError, wrong_type
from medborgarlofte._model.recurrence import Recurrence
from medborgarlofte._model.targets import IntervalQuota, Milestone, Ongoing, PeriodQuota, Schedule
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CONVERTER",
    "JSON_CONVERTER",
    "TARGET_CLASSES",
    "TARGET_KINDS",
    "SmallFloat",
    "make_converter",
]

TARGET_CLASSES: Final = (PeriodQuota, IntervalQuota, Schedule, Milestone, Ongoing)
"""The classes of the target union, in the order the documentation lists them."""

TARGET_KINDS: Final[dict[str, type[Any]]] = {
    attrs.fields(cls).kind.default: cls for cls in TARGET_CLASSES
}
"""Each target class by its ``kind`` tag; the tag is the class's default ``kind``."""

_NONE: Final = type(None)
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_SMALL: Final = 1e-4


class SmallFloat(float):
    """A float below 1e-4 in size, marked so every JSON backend writes it alike.

    The standard library writes ``1e-05`` where orjson writes ``0.00001``; the
    JSON writer hands these to orjson as text in the standard library's form.
    """

    __slots__ = ()


# --- primitives: exact types, no coercion -------------------------------------


def _structure_str(value: object, _: object) -> str:
    return boundary.check_text(value)  # the reading boundary (#14)


def _structure_int(value: object, _: object) -> int:
    return boundary.check_int(value)  # the reading boundary (#14)


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise wrong_type(value, "true eller false", "true or false")


def structure_float(value: object, _: object) -> float:
    return boundary.check_float(value)  # the reading boundary (#14)


def structure_number(value: object, _: object) -> int | float:
    """Structure a ``Number``: an int stays an int, a float stays a float."""
    return boundary.check_number(value)  # the reading boundary (#14)


def _structure_optional_number(value: object, _: object) -> int | float | None:
    if value is None:
        return None
    return structure_number(value, _)


def _unstructure_number(value: float) -> float:
    if type(value) is float and value and -_SMALL < value < _SMALL:
        return SmallFloat(value)
    return value


# --- leaf types -----------------------------------------------------------------


def _date_error(value: object) -> DocumentValueError:
    if type(value) is not str:
        return wrong_type(value, "ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)")
    if _DATE_TEXT.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            return DocumentValueError(
                code=codes.IMPOSSIBLE_DATE,
                message_sv=f"datumet {value!r} finns inte ({exc})",
                message_en=f"the date {value!r} does not exist ({exc})",
            )
    return DocumentValueError(
        code=codes.NOT_A_DATE,
        message_sv=f"{value!r} är inte ett datum på formen ÅÅÅÅ-MM-DD",
        message_en=f"{value!r} is not a date of the form YYYY-MM-DD",
    )


def structure_date(value: object, _: object) -> dt.date:
    """Structure an ISO 8601 calendar date, written exactly ``YYYY-MM-DD``."""
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":  # noqa: PLR2004
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _date_error(value)


def _structure_recurrence(value: object, _: object) -> Recurrence:
    if type(value) is not str:
        raise wrong_type(
            value, "en upprepningsregel (RRULE-text)", "a recurrence rule (RRULE text)"
        )
    try:
        return Recurrence(rule=value)
    except InvalidValueError as exc:
        raise DocumentValueError(
            code=exc.code, message_sv=exc.message_sv, message_en=exc.message_en
        ) from None


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _enum_structure_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members: dict[object, enum.Enum] = {m.value: m for m in cls}
    allowed = ", ".join(repr(v) for v in members)

    def structure_enum(value: object, _: object) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
            raise DocumentValueError(
                code=codes.UNKNOWN_ENUM_VALUE,
                message_sv=f"okänt värde {value!r}; tillåtna värden: {allowed}",
                message_en=f"unknown value {value!r}; allowed values: {allowed}",
            )
        raise wrong_type(value, "en text", "a text")

    return structure_enum


def _enum_unstructure_hook(cls: type[enum.Enum]) -> Callable[[enum.Enum], object]:
    values = {m: m.value for m in cls}
    return values.__getitem__


# --- containers and unions ------------------------------------------------------


def _is_tuple(t: Any) -> bool:
    args = get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _union_args(t: Any) -> tuple[Any, ...]:
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        return get_args(t)
    return ()


def _is_number(t: Any) -> bool:
    return set(_union_args(t)) == {int, float}


def _is_optional_number(t: Any) -> bool:
    return set(_union_args(t)) == {int, float, _NONE}


def _is_optional(t: Any) -> bool:
    args = _union_args(t)
    return len(args) == 2 and _NONE in args  # noqa: PLR2004


def _is_target(t: Any) -> bool:
    return set(_union_args(t)) == set(TARGET_CLASSES)


def _inner(t: Any) -> Any:
    return next(a for a in get_args(t) if a is not _NONE)


def _tuple_structure(conv: cattrs.Converter, t: Any) -> Callable[[object, object], Any]:
    elem = get_args(t)[0]
    hook = conv.get_structure_hook(elem)

    def structure_tuple(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise wrong_type(value, "en lista", "a list")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, elem))
            except Exception as exc:  # noqa: BLE001 - collected and reported
                exc.add_note(IterableValidationNote(f"item @ index {index}", index, elem))
                errors.append(exc)
        if errors:
            msg = f"While structuring {t!r}"
            raise IterableValidationError(msg, errors, t)
        return tuple(items)

    return structure_tuple


def _tuple_unstructure(conv: cattrs.Converter, t: Any) -> Callable[[Any], list[Any]]:
    elem = get_args(t)[0]
    if elem is str:
        return list
    hook = conv.get_unstructure_hook(elem)
    return lambda value: [hook(item) for item in value]


def _optional_structure(conv: cattrs.Converter, t: Any) -> Callable[[object, object], Any]:
    inner = _inner(t)
    hook = conv.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


def _optional_unstructure(
    conv: cattrs.Converter,
    json_floats: bool,  # noqa: FBT001 - bound by functools.partial
    t: Any,
) -> Callable[[Any], Any]:
    inner = _inner(t)
    if inner in (str, int, bool) or (inner is float and not json_floats):
        return identity
    hook = conv.get_unstructure_hook(inner)
    return lambda value: None if value is None else hook(value)


def _class_structure(conv: cattrs.Converter, cl: type[Any]) -> Callable[[object, object], Any]:
    generated: Callable[[object, object], Any] = make_dict_structure_fn(cl, conv)  # type: ignore[assignment]

    def structure_object(value: object, _: object) -> Any:
        if type(value) is not dict:
            raise wrong_type(value, "ett objekt", "an object")
        try:
            return generated(value, cl)
        except ClassValidationError as exc:
            more = _sibling_invariants(conv, cl, value, exc)
            if not more:
                raise
            raise ClassValidationError(exc.message, [*exc.exceptions, *more], cl) from None

    return structure_object


def _sibling_invariants(
    conv: cattrs.Converter, cl: type[Any], value: dict[str, Any], error: ClassValidationError
) -> list[InvalidValueError]:
    """Return the invariant errors of the fields that were read, when others were not.

    The constructor never runs when a field cannot be read, so its validators
    would not report, say, an empty title next to a target of the wrong type.
    Run each validator on its own, with the fields that were read.
    """
    failed = {
        note.name
        for sub in error.exceptions
        for note in getattr(sub, "__notes__", ())
        if isinstance(note, AttributeValidationNote)
    }
    if not failed:
        return []  # the constructor ran and reported already
    hints = typing.get_type_hints(cl)
    read: dict[str, Any] = {}
    for field in attrs.fields(cl):
        if field.init and field.name in value and field.name not in failed:
            read[field.name] = conv.structure(value[field.name], hints[field.name])
    defaults = {a.name: a.default for a in attrs.fields(cl) if a.default is not attrs.NOTHING}
    probe = types.SimpleNamespace(**{**defaults, **read})
    found = []
    for field in attrs.fields(cl):
        if field.validator is not None and field.name in read:
            try:
                field.validator(probe, field, read[field.name])
            except InvalidValueError as exc:
                found.append(exc)
            except Exception:  # noqa: BLE001, S112 - needs a field that could not be read
                continue
    return found


def _target_structure(conv: cattrs.Converter, _t: Any) -> Callable[[object, object], Any]:
    hooks = {kind: (cls, conv.get_structure_hook(cls)) for kind, cls in TARGET_KINDS.items()}
    return lambda value, _: _structure_target(value, hooks)


def _target_unstructure(conv: cattrs.Converter, _t: Any) -> Callable[[Any], dict[str, Any]]:
    hooks = {cls: conv.get_unstructure_hook(cls) for cls in TARGET_CLASSES}
    return lambda value: {"kind": value.kind, **hooks[type(value)](value)}


def make_converter(*, json_floats: bool = False) -> cattrs.Converter:
    """Return a new converter for the document format (dokumentformat).

    Args:
        json_floats: Mark floats below 1e-4 in size as :class:`SmallFloat` on
            output, for the orjson writer; plain data has plain floats.

    Returns:
        A converter whose ``structure``/``unstructure`` map a
        :class:`~medborgarlofte.Promise` (without the ``format_version`` key)
        to plain data and back.
    """
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True, omit_if_default=True)
    bind = functools.partial

    # 1. Primitives.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(float, structure_float)

    # 2. Leaf types.
    conv.register_structure_hook(dt.date, structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(Recurrence, _structure_recurrence)
    conv.register_unstructure_hook(Recurrence, operator.attrgetter("rule"))
    conv.register_structure_hook_factory(_is_enum, _enum_structure_hook)
    conv.register_unstructure_hook_factory(_is_enum, _enum_unstructure_hook)
    conv.register_structure_hook_func(_is_number, structure_number)
    conv.register_structure_hook_func(_is_optional_number, _structure_optional_number)
    number_out = _unstructure_number if json_floats else identity
    if json_floats:
        conv.register_unstructure_hook(float, _unstructure_number)
    conv.register_unstructure_hook_func(_is_number, number_out)
    conv.register_unstructure_hook_func(_is_optional_number, number_out)

    # 3. Containers and class policy.
    conv.register_structure_hook_factory(_is_tuple, bind(_tuple_structure, conv))
    conv.register_unstructure_hook_factory(_is_tuple, bind(_tuple_unstructure, conv))
    conv.register_structure_hook_factory(attrs.has, bind(_class_structure, conv))
    conv.register_structure_hook_factory(_is_optional, bind(_optional_structure, conv))
    conv.register_unstructure_hook_factory(
        _is_optional, bind(_optional_unstructure, conv, json_floats)
    )

    # 4. The tagged target union, last.
    conv.register_structure_hook_factory(_is_target, bind(_target_structure, conv))
    conv.register_unstructure_hook_factory(_is_target, bind(_target_unstructure, conv))
    return conv


_KIND_LIST = ", ".join(repr(kind) for kind in TARGET_KINDS)
_TARGET_KEYS: Final = sorted(
    {a.name for cls in TARGET_CLASSES for a in attrs.fields(cls) if a.init} | {"kind"}
)


def _unknown_target_key(key: object) -> DocumentValueError:
    """Return the error for a key no kind of target has, with the closest known key."""
    guess = difflib.get_close_matches(str(key), _TARGET_KEYS, n=1, cutoff=0.6)
    hint_sv = f"; menade du {guess[0]!r}?" if guess else ""
    hint_en = f"; did you mean {guess[0]!r}?" if guess else ""
    return DocumentValueError(
        code=codes.UNKNOWN_KEY,
        message_sv=f"okänd nyckel {key!r}{hint_sv}",
        message_en=f"unknown key {key!r}{hint_en}",
        subpath=(str(key),),
    )


def _structure_target(
    value: object, hooks: dict[str, tuple[type[Any], Callable[[object, object], Any]]]
) -> Any:
    """Structure a target: pick the class by its ``kind`` tag, then the rest."""
    if type(value) is not dict:
        raise wrong_type(value, "ett objekt med nyckeln 'kind'", "an object with the key 'kind'")
    kind = value.get("kind")
    entry = hooks.get(kind) if type(kind) is str else None
    if entry is None:
        error = _kind_error(kind, "kind" in value)
        unknown = [_unknown_target_key(key) for key in value if key not in _TARGET_KEYS]
        if unknown:
            msg = "While structuring a target"
            raise ExceptionGroup(msg, [error, *unknown])
        raise error
    body = value.copy()
    del body["kind"]
    cls, hook = entry
    return hook(body, cls)


def _kind_error(kind: object, present: bool) -> DocumentValueError:  # noqa: FBT001
    if not present:
        return DocumentValueError(
            code=codes.MISSING_KEY,
            message_sv=f"nyckeln krävs men saknas; den anger målets sort: {_KIND_LIST}",
            message_en=f"required key is missing; it gives the kind of target: {_KIND_LIST}",
            subpath=("kind",),
        )
    if type(kind) is not str:
        error = wrong_type(kind, "en text", "a text")
        error.subpath = ("kind",)
        return error
    return DocumentValueError(
        code=codes.UNKNOWN_TARGET_KIND,
        message_sv=f"okänd sorts mål {kind!r}; tillåtna: {_KIND_LIST}",
        message_en=f"unknown kind of target {kind!r}; allowed: {_KIND_LIST}",
        subpath=("kind",),
    )


CONVERTER: Final = make_converter()
"""The converter: builds a valid document, and collects every failure of a broken one."""

JSON_CONVERTER: Final = make_converter(json_floats=True)
"""The converter the orjson writer unstructures with; see :class:`SmallFloat`."""
