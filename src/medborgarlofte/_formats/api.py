"""Load and dump promises as JSON, TOML and YAML documents (läsa och skriva dokument)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from medborgarlofte._core import codes
from medborgarlofte._formats.converter import CONVERTER, JSON_CONVERTER
from medborgarlofte._formats.errors import problem, problems_from, sort_problems
from medborgarlofte._formats.files import write_file
from medborgarlofte._formats.msgspec_engine import decode_many, decode_promise
from medborgarlofte._formats.syntax import (
    check_format,
    format_for,
    has_orjson,
    json_line_orjson,
    json_line_stdlib,
    json_orjson,
    parse,
    write,
)
from medborgarlofte._formats.versioning import (
    FORMAT_VERSION,
    VERSION_KEY,
    document_type,
    upgrade,
)
from medborgarlofte._model.promise import Promise
from medborgarlofte._rules.integrity import validate
from medborgarlofte.exceptions import ValidationError

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Mapping

    from medborgarlofte._core.problems import Problem
    from medborgarlofte._formats.syntax import Format

__all__ = [
    "DEFAULT_MAX_SIZE",
    "dump",
    "dump_many",
    "dumps",
    "dumps_many",
    "from_dict",
    "load",
    "load_many",
    "load_with_warnings",
    "loads",
    "loads_many",
    "loads_many_with_warnings",
    "loads_with_warnings",
    "to_dict",
]

DEFAULT_MAX_SIZE: Final = 256 * 1024 * 1024
"""The largest input read by default: 256 MiB (bytes, or characters of a text)."""

PROMISES_KEY: Final = "promises"
"""The key of the list of promises in a collection document (samling)."""


@attrs.frozen(kw_only=True)
class _Collection:
    """The body of a collection document: several promises in one file."""

    promises: tuple[Promise, ...]


def _structure(body: dict[str, Any], cls: type[Any]) -> Any:
    """Return *body* structured as *cls*, or raise with every problem found in it."""
    try:
        return CONVERTER.structure(body, cls)
    except Exception as exc:  # noqa: BLE001 - turned into problems
        raise ValidationError(sort_problems(problems_from(exc))) from None


def _rules(promise: Promise) -> tuple[Problem, ...]:
    """Return the integrity problems of *promise*."""
    return tuple(validate(promise))


def _rebase(found: Iterable[Problem], prefix: str) -> list[Problem]:
    return [attrs.evolve(p, path=prefix + p.path[1:]) for p in found]


def _body(data: object) -> dict[str, Any]:
    """Return the upgraded body of a document: its top level checked first."""
    if type(data) is not dict:
        raise ValidationError(
            [
                problem(
                    "$",
                    codes.NOT_AN_OBJECT,
                    "dokumentets översta värde måste vara ett objekt (en tabell)",
                    "the top-level value of the document must be an object (a table)",
                )
            ]
        )
    document_type(data, wanted=None)  # a follow-up document is refused by name (#16)
    return upgrade(data)


def _check_size(size: int, max_size: int | None) -> None:
    if max_size is not None and size > max_size:
        raise ValidationError(
            [
                problem(
                    "$",
                    codes.DOCUMENT_TOO_LARGE,
                    f"dokumentet är större än tillåtet ({max_size} byte)",
                    f"the document is larger than allowed ({max_size} bytes)",
                )
            ]
        )


def _finish(promise: Promise) -> tuple[Promise, tuple[Problem, ...]]:
    found = _rules(promise)
    if any(p.is_error for p in found):
        raise ValidationError(found)
    return promise, found


def _from_data(data: object) -> tuple[Promise, tuple[Problem, ...]]:
    promise: Promise = _structure(_body(data), Promise)
    return _finish(promise)


def from_dict(data: Mapping[str, Any]) -> Promise:
    """Return the promise (medborgarlöfte) in a document given as plain data.

    Args:
        data: A document as :func:`to_dict` returns it, with its
            ``format_version`` key.

    Returns:
        The promise. Warnings are dropped; see :func:`loads_with_warnings`.

    Raises:
        ValidationError: With every problem found, structural and semantic.
    """
    return _from_data(dict(data) if type(data) is not dict else data)[0]


def to_dict(promise: Promise) -> dict[str, Any]:
    """Return *promise* as a document of plain data: dicts, lists, texts, numbers, booleans.

    Keys follow the attribute order, defaults are left out and the first key
    is ``format_version``.

    >>> from medborgarlofte import Promise
    >>> to_dict(Promise(id="p", title="Trygg kommun"))
    {'format_version': 2, 'id': 'p', 'title': 'Trygg kommun'}
    """
    return {VERSION_KEY: FORMAT_VERSION, **CONVERTER.unstructure(promise, Promise)}


def loads_with_warnings(
    data: str | bytes, *, format: Format = "json", max_size: int | None = DEFAULT_MAX_SIZE
) -> tuple[Promise, tuple[Problem, ...]]:
    """Return the promise in the text *data* and the warnings found in it.

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        max_size: The largest input accepted, in bytes (characters for a
            text); ``None`` for no limit.

    Returns:
        The promise and the problems of severity warning, in document order.

    Raises:
        ValidationError: With every problem found, if any of them is an error.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    _check_size(len(data), max_size)
    if fmt == "json":
        promise = decode_promise(data)
        if promise is not None:
            return _finish(promise)
    return _from_data(parse(data, fmt))


def loads(
    data: str | bytes, *, format: Format = "json", max_size: int | None = DEFAULT_MAX_SIZE
) -> Promise:
    """Return the promise (medborgarlöfte) in the text *data*.

    >>> police = '{"id": "polis", "kind": "police", "name": "Polisen"}'
    >>> text = f'{{"id": "p", "title": "Trygg kommun", "parties": [{police}]'
    >>> loads(text + ', "format_version": 2}').title
    'Trygg kommun'

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        max_size: The largest input accepted, in bytes (characters for a
            text); ``None`` for no limit.

    Returns:
        The promise. Warnings do not stop the load; see :func:`loads_with_warnings`.

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    return loads_with_warnings(data, format=format, max_size=max_size)[0]


def _read(path: Path, max_size: int | None) -> bytes:
    with path.open("rb") as stream:
        return stream.read() if max_size is None else stream.read(max_size + 1)


def load_with_warnings(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> tuple[Promise, tuple[Problem, ...]]:
    """Return the promise in the file *path* and the warnings found in it.

    The file is only read, never changed. See :func:`loads_with_warnings`.

    Raises:
        ValidationError: With every problem found, if any of them is an error.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        OSError: If the file cannot be read.
    """
    where = Path(path)
    fmt = format_for(where, format)
    return loads_with_warnings(_read(where, max_size), format=fmt, max_size=max_size)


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Promise:
    """Return the promise (medborgarlöfte) in the file *path*.

    Args:
        path: The file; its suffix (``.json``, ``.toml``, ``.yaml``, ``.yml``)
            gives the format unless *format* is given.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        max_size: The largest file accepted, in bytes; ``None`` for no limit.

    Returns:
        The promise. The file is only read, never changed.

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        OSError: If the file cannot be read.
    """
    return load_with_warnings(path, format=format, max_size=max_size)[0]


def dumps(promise: Promise, *, format: Format = "json") -> str:
    """Return *promise* as canonical document text: the same promise gives the same text.

    JSON is indented by two spaces; with the ``fast`` extra (orjson) installed
    it is written by orjson, with exactly the same text.

    Args:
        promise: The promise (medborgarlöfte).
        format: ``"json"``, ``"toml"`` or ``"yaml"``.

    Returns:
        The text, ending in a newline.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    if fmt == "json" and has_orjson():
        body = JSON_CONVERTER.unstructure(promise, Promise)
        return json_orjson({VERSION_KEY: FORMAT_VERSION, **body})
    return write(to_dict(promise), fmt)


def dump(promise: Promise, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write *promise* to the file *path* as a canonical document.

    The file is written safely: a failed write leaves the previous file as it
    was, the file keeps its mode, and a symbolic link stays a link while the
    file it points to is written. A link that points to nothing is refused.

    Args:
        promise: The promise (medborgarlöfte).
        path: The file; its suffix gives the format unless *format* is given.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        FileNotFoundError: If *path* is a symbolic link that points to nothing.
        OSError: If the file cannot be written; the previous file is unchanged.
    """
    where = Path(path)
    write_file(where, dumps(promise, format=format_for(where, format)))


# --- collections: a national data set in one document ----------------------------


def loads_many_with_warnings(
    data: str | bytes, *, format: Format = "json", max_size: int | None = DEFAULT_MAX_SIZE
) -> tuple[tuple[Promise, ...], tuple[Problem, ...]]:
    """Return the promises in a collection document and the warnings found in them.

    Raises:
        ValidationError: With every problem found, if any of them is an error;
            paths start ``$.promises[i]``.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    _check_size(len(data), max_size)
    promises = decode_many(data) if fmt == "json" else None
    if promises is None:
        collection: _Collection = _structure(_body(parse(data, fmt)), _Collection)
        promises = collection.promises
    found: list[Problem] = []
    for index, promise in enumerate(promises):
        found += _rebase(_rules(promise), f"$.{PROMISES_KEY}[{index}]")
    if any(p.is_error for p in found):
        raise ValidationError(found)
    return promises, tuple(found)


def loads_many(
    data: str | bytes, *, format: Format = "json", max_size: int | None = DEFAULT_MAX_SIZE
) -> tuple[Promise, ...]:
    """Return the promises in a collection document (samling), such as a national data set.

    A collection is an object with ``format_version`` and ``promises``, a list
    of promise documents without their own version key.

    >>> police = '{"id": "x", "kind": "police", "name": "P"}'
    >>> promise = f'{{"id": "p", "title": "T", "parties": [{police}]}}'
    >>> loads_many(f'{{"format_version": 2, "promises": [{promise}]}}')[0].id
    'p'

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        max_size: The largest input accepted, in bytes (characters for a
            text); ``None`` for no limit.

    Returns:
        The promises, in document order.

    Raises:
        ValidationError: With every problem found; paths start ``$.promises[i]``.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    return loads_many_with_warnings(data, format=format, max_size=max_size)[0]


def load_many(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> tuple[Promise, ...]:
    """Return the promises in the collection file *path*; see :func:`loads_many`.

    Raises:
        ValidationError: With every problem found; paths start ``$.promises[i]``.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        OSError: If the file cannot be read.
    """
    where = Path(path)
    fmt = format_for(where, format)
    return loads_many(_read(where, max_size), format=fmt, max_size=max_size)


def _many_dict(promises: Iterable[Promise], converter: Any) -> dict[str, Any]:
    return {
        VERSION_KEY: FORMAT_VERSION,
        PROMISES_KEY: [converter.unstructure(p, Promise) for p in promises],
    }


def dumps_many(promises: Iterable[Promise], *, format: Format = "json") -> str:
    """Return *promises* as one canonical collection document (samling).

    In JSON each promise is written compactly on a line of its own, so a
    national data set stays small and a change to one promise changes one line.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    if fmt == "json":
        if has_orjson():
            lines = [json_line_orjson(JSON_CONVERTER.unstructure(p, Promise)) for p in promises]
        else:
            lines = [json_line_stdlib(CONVERTER.unstructure(p, Promise)) for p in promises]
        head = f'{{"{VERSION_KEY}":{FORMAT_VERSION},"{PROMISES_KEY}":['
        return head + ("\n" if lines else "") + ",\n".join(lines) + "\n]}\n"
    return write(_many_dict(promises, CONVERTER), fmt)


def dump_many(
    promises: Iterable[Promise], path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write *promises* to the file *path* as one collection document, safely as :func:`dump` does.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        FileNotFoundError: If *path* is a symbolic link that points to nothing.
        OSError: If the file cannot be written; the previous file is unchanged.
    """
    where = Path(path)
    write_file(where, dumps_many(promises, format=format_for(where, format)))
