"""A decoder in C for valid JSON documents: msgspec, when the ``fast`` extra is installed.

msgspec reads JSON text straight into *mirror* structs, one per model class,
generated here from the attrs classes: the same keys and defaults, unknown
keys forbidden, the target union tagged by ``kind``, a recurrence rule as
text and ``format_version`` fixed to the current version. Parsing, the exact
type checks (no ``"5"`` for 5, no ``true`` for a number), dates and enums all
happen in C. A small generated builder per class then calls the model class
itself with the mirror's fields, so every object is made by its own attrs
``__init__`` and its validators run.

This path only ever gives a promise or steps aside. Anything it does not
accept (a syntax error, a wrong type, an unknown key, an older or newer
format version, a value a validator refuses) makes it return ``None``, and the
reference path (the standard library's parser and the cattrs converter) reads
the document again and reports every problem with its path. So both paths
accept the same documents and build equal promises; the tests hold them to
that. It is kept because it pays: see ``benchmarks/README.md``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import linecache
import sys
import types
import typing
from typing import TYPE_CHECKING, Any, Literal

import attrs

from medborgarlofte._formats.converter import CONVERTER, TARGET_CLASSES
from medborgarlofte._formats.versioning import FORMAT_VERSION, VERSION_KEY
from medborgarlofte._model.promise import Promise
from medborgarlofte._model.recurrence import Recurrence

if TYPE_CHECKING:
    from collections.abc import Callable

_msgspec: Any
try:
    import msgspec as _msgspec
except ImportError:  # pragma: no cover - the fast extra is installed in the test run
    _msgspec = None

__all__ = ["decode_many", "decode_promise", "has_msgspec"]

_NONE = type(None)
_LEAVES = (str, int, float, bool, dt.date, _NONE)
_PROMISES_KEY = "promises"


def has_msgspec() -> bool:
    """Return whether the C decoder (msgspec, the ``fast`` extra) is installed."""
    return _msgspec is not None


def _define(source: str, filename: str, env: dict[str, Any], name: str) -> Callable[..., Any]:
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


def _union_args(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


class _Mirrors:
    """The mirror struct and the builder of each model class, made once."""

    def __init__(self) -> None:
        self.structs: dict[type[Any], type[Any]] = {}
        self.builders: dict[type[Any], Callable[[Any], Any]] = {}
        self.targets: dict[type[Any], Callable[[Any], Any]] = {}
        largest = sys.float_info.max
        self.finite_float = typing.Annotated[float, _msgspec.Meta(ge=-largest, le=largest)]

    def mirror_type(self, tp: Any) -> Any:
        """Return the type msgspec decodes a value of the model type *tp* into."""
        if tp is Recurrence:
            return str
        if attrs.has(tp):
            return self.struct(tp)
        args = _union_args(tp)
        if args:
            mirrored = [self.mirror_type(a) for a in args]
            if int in args and float in args:
                # Bare, msgspec reads an integer beyond 64 bits in ``int | float``
                # as a float; any constraint on the float keeps it an int, as
                # the reference path does.
                mirrored[args.index(float)] = self.finite_float
            return typing.Union[tuple(mirrored)]  # noqa: UP007
        if typing.get_origin(tp) is tuple:
            item, _more = typing.get_args(tp)
            return tuple[self.mirror_type(item), ...]  # type: ignore[misc]
        if tp in _LEAVES or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
            return tp
        msg = f"no mirror for the type {tp!r}"  # pragma: no cover - the model has none
        raise TypeError(msg)  # pragma: no cover

    def struct(self, cl: type[Any]) -> type[Any]:
        """Return the mirror struct of the attrs class *cl*, making it and its builder once."""
        if cl in self.structs:
            return self.structs[cl]
        hints = typing.get_type_hints(cl)
        fields: list[tuple[Any, ...]] = []
        for a in attrs.fields(cl):
            if not a.init:
                continue
            tp = self.mirror_type(hints[a.name])
            if a.default is attrs.NOTHING:
                fields.append((a.name, tp))
            elif attrs.has(type(a.default)):
                fields.append(
                    (a.name, tp, _msgspec.field(default_factory=self.struct(type(a.default))))
                )
            else:
                fields.append((a.name, tp, a.default))
        options: dict[str, Any] = {"kw_only": True, "forbid_unknown_fields": True, "gc": False}
        if cl in TARGET_CLASSES:
            options |= {"tag_field": "kind", "tag": attrs.fields(cl).kind.default}
        struct: type[Any] = _msgspec.defstruct(f"{cl.__name__}Mirror", fields, **options)
        self.structs[cl] = struct
        self.builders[cl] = self._builder(cl)
        if cl in TARGET_CLASSES:
            self.targets[struct] = self.builders[cl]
        return struct

    def _builder(self, cl: type[Any]) -> Callable[[Any], Any]:
        """Return a generated function that builds an instance of *cl* from its mirror.

        It reads each field of the mirror, turns nested mirrors into model
        objects, and calls ``cl`` with them by keyword.
        """
        hints = typing.get_type_hints(cl)
        every = attrs.fields(cl)
        env: dict[str, Any] = {"_cl": cl, "_tuple": tuple, "_map": map}
        local = {a.name: f"v{index}" for index, a in enumerate(every)}
        lines = [f"def build_{cl.__name__}(s):"]
        for a in every:
            if a.init:
                name = local[a.name]
                lines.append(f"    {name} = s.{a.name}")
                lines += [f"    {line}" for line in self._convert(name, hints[a.name], env)]
        keywords = ", ".join(f"{a.alias}={local[a.name]}" for a in every if a.init)
        lines.append(f"    return _cl({keywords})")
        source = "\n".join(lines) + "\n"
        filename = f"<medborgarlofte msgspec build {cl.__module__}.{cl.__qualname__}>"
        return _define(source, filename, env, f"build_{cl.__name__}")

    def _convert(self, name: str, tp: Any, env: dict[str, Any]) -> list[str]:
        """Return the lines that turn the local *name*, decoded as *tp*'s mirror, into *tp*."""
        if tp is Recurrence:
            env["_recurrence"] = CONVERTER.get_structure_hook(Recurrence)
            return [f"{name} = _recurrence({name}, None)"]
        if attrs.has(tp):
            return [f"{name} = {self._builder_name(tp, env)}({name})"]
        args = _union_args(tp)
        inner = [a for a in args if a is not _NONE]
        if len(inner) > 1 and all(attrs.has(a) for a in inner):
            for a in inner:
                self.struct(a)
            env["_targets"] = self.targets
            line = f"{name} = _targets[type({name})]({name})"
        elif len(inner) == 1 and (attrs.has(inner[0]) or inner[0] is Recurrence):
            line = self._convert(name, inner[0], env)[0]
        elif typing.get_origin(tp) is tuple and attrs.has(typing.get_args(tp)[0]):
            build = self._builder_name(typing.get_args(tp)[0], env)
            return [f"if {name}: {name} = _tuple(_map({build}, {name}))"]
        else:
            return []
        return [f"if {name} is not None: {line}"] if _NONE in args else [line]

    def _builder_name(self, cl: type[Any], env: dict[str, Any]) -> str:
        self.struct(cl)
        name = f"_build_{cl.__name__}"
        env[name] = self.builders[cl]
        return name


class _Engine:
    """The decoders of a promise document and of a collection document."""

    def __init__(self) -> None:
        mirrors = _Mirrors()
        promise = mirrors.struct(Promise)
        version = (VERSION_KEY, Literal[FORMAT_VERSION])
        options: dict[str, Any] = {"kw_only": True, "forbid_unknown_fields": True, "gc": False}
        document = _msgspec.defstruct("PromiseDocument", [version], bases=(promise,), **options)
        fields = [version, (_PROMISES_KEY, tuple[promise, ...])]  # type: ignore[valid-type]
        collection = _msgspec.defstruct("CollectionDocument", fields, **options)
        self.promise = _msgspec.json.Decoder(document)
        self.collection = _msgspec.json.Decoder(collection)
        self.build_promise = mirrors.builders[Promise]


@functools.cache
def _engine() -> _Engine:
    return _Engine()


def decode_promise(data: str | bytes) -> Promise | None:
    """Return the promise in the JSON document *data*, or ``None`` for the reference path to read.

    Raises nothing: every failure, whatever it is, is a ``None``.
    """
    if _msgspec is None:  # pragma: no cover - the fast extra is installed in the test run
        return None
    engine = _engine()
    try:
        promise: Promise = engine.build_promise(engine.promise.decode(data))
    except Exception:  # noqa: BLE001 - the reference path says what is wrong
        return None
    return promise


def decode_many(data: str | bytes) -> tuple[Promise, ...] | None:
    """Return the promises in the JSON collection *data*, or ``None`` as :func:`decode_promise`.

    Raises nothing: every failure, whatever it is, is a ``None``.
    """
    if _msgspec is None:  # pragma: no cover - the fast extra is installed in the test run
        return None
    engine = _engine()
    try:
        build = engine.build_promise
        return tuple(map(build, engine.collection.decode(data).promises))
    except Exception:  # noqa: BLE001 - the reference path says what is wrong
        return None
