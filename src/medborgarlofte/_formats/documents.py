"""Load and dump follow-up documents, and read either kind of document (#16).

A follow-up document (uppföljningsdokument) has the top-level keys
``format_version`` and ``document_type = "follow_up"`` beside the fields of
:class:`~medborgarlofte.FollowUpDocument`. A promise document has no
``document_type``. :func:`loads` and :func:`load` keep returning a
:class:`~medborgarlofte.Promise` and refuse a follow-up document by name;
the functions here read follow-up documents, and :func:`loads_document`
reads either kind and returns a union.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from medborgarlofte._core import codes
from medborgarlofte._formats.api import (
    DEFAULT_MAX_SIZE,
    _check_size,
    _read,
    _structure,
    loads_with_warnings,
)
from medborgarlofte._formats.converter import CONVERTER
from medborgarlofte._formats.errors import problem
from medborgarlofte._formats.files import write_file
from medborgarlofte._formats.syntax import check_format, format_for, parse, write
from medborgarlofte._formats.versioning import (
    DOCUMENT_TYPE_KEY,
    FOLLOW_UP_TYPE,
    FORMAT_VERSION,
    VERSION_KEY,
    document_type,
    upgrade,
)
from medborgarlofte._model.document import FollowUpDocument
from medborgarlofte._model.promise import Promise
from medborgarlofte._rules.integrity import validate_follow_up
from medborgarlofte.exceptions import ValidationError

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Mapping

    from medborgarlofte._core.problems import Problem
    from medborgarlofte._formats.syntax import Format

__all__ = [
    "Document",
    "dump_follow_up",
    "dumps_follow_up",
    "follow_up_from_dict",
    "follow_up_to_dict",
    "load_document",
    "load_follow_up",
    "loads_document",
    "loads_follow_up",
    "loads_follow_up_with_warnings",
]

Document: TypeAlias = Promise | FollowUpDocument
"""Either kind of document: a promise or a follow-up document (dokument)."""


def _top(data: object) -> dict[str, Any]:
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
    return data


def _follow_up_from_data(
    data: object, promises: Iterable[Promise] | None
) -> tuple[FollowUpDocument, tuple[Problem, ...]]:
    top = _top(data)
    document_type(top, wanted=FOLLOW_UP_TYPE)
    body = upgrade({k: v for k, v in top.items() if k != DOCUMENT_TYPE_KEY})
    document: FollowUpDocument = _structure(body, FollowUpDocument)
    found = validate_follow_up(document, promises=promises)
    if any(p.is_error for p in found):
        raise ValidationError(found)
    return document, found


def follow_up_from_dict(
    data: Mapping[str, Any], *, promises: Iterable[Promise] | None = None
) -> FollowUpDocument:
    """Return the follow-up document in *data*, plain data as :func:`follow_up_to_dict` gives.

    Args:
        data: The document, with its ``format_version`` and ``document_type`` keys.
        promises: Promises to check the document against; see
            :func:`~medborgarlofte.validate_follow_up`.

    Returns:
        The follow-up document. Warnings are dropped.

    Raises:
        ValidationError: With every problem found, structural and semantic.
    """
    return _follow_up_from_data(dict(data), promises)[0]


def follow_up_to_dict(document: FollowUpDocument) -> dict[str, Any]:
    """Return *document* as plain data, its version and type first, defaults left out.

    >>> from medborgarlofte import FollowUpDocument, PromiseRef
    >>> follow_up_to_dict(FollowUpDocument(id="u", promise=PromiseRef(id="p")))
    {'format_version': 2, 'document_type': 'follow_up', 'id': 'u', 'promise': {'id': 'p'}}
    """
    body = CONVERTER.unstructure(document, FollowUpDocument)
    return {VERSION_KEY: FORMAT_VERSION, DOCUMENT_TYPE_KEY: FOLLOW_UP_TYPE, **body}


def loads_follow_up_with_warnings(
    data: str | bytes,
    *,
    format: Format = "json",
    max_size: int | None = DEFAULT_MAX_SIZE,
    promises: Iterable[Promise] | None = None,
) -> tuple[FollowUpDocument, tuple[Problem, ...]]:
    """Return the follow-up document in the text *data* and the warnings found in it.

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        max_size: The largest input accepted; ``None`` for no limit.
        promises: Promises to check the document against: the one it follows
            up missing is a warning, an activity it names that the promise
            lacks is an error.

    Returns:
        The document and the problems of severity warning.

    Raises:
        ValidationError: With every problem found, if any of them is an error;
            ``wrong-document-type`` for a promise document.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    _check_size(len(data), max_size)
    return _follow_up_from_data(parse(data, fmt), promises)


def loads_follow_up(
    data: str | bytes,
    *,
    format: Format = "json",
    max_size: int | None = DEFAULT_MAX_SIZE,
    promises: Iterable[Promise] | None = None,
) -> FollowUpDocument:
    """Return the follow-up document (uppföljningsdokument) in the text *data*.

    >>> text = '''{"format_version": 2, "document_type": "follow_up",
    ...   "id": "u", "promise": {"id": "p"}}'''
    >>> loads_follow_up(text).promise.id
    'p'

    See :func:`loads_follow_up_with_warnings` for the arguments.

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    return loads_follow_up_with_warnings(data, format=format, max_size=max_size, promises=promises)[
        0
    ]


def load_follow_up(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
    promises: Iterable[Promise] | None = None,
) -> FollowUpDocument:
    """Return the follow-up document in the file *path*; its suffix gives the format.

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        OSError: If the file cannot be read.
    """
    where = Path(path)
    fmt = format_for(where, format)
    return loads_follow_up(_read(where, max_size), format=fmt, max_size=max_size, promises=promises)


def dumps_follow_up(document: FollowUpDocument, *, format: Format = "json") -> str:
    """Return *document* as canonical text: the same document gives the same text.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    return write(follow_up_to_dict(document), check_format(format))


def dump_follow_up(
    document: FollowUpDocument, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write *document* to the file *path*; its suffix gives the format.

    The file is written safely, as :func:`~medborgarlofte.dump` writes a promise.

    Raises:
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        FileNotFoundError: If *path* is a symbolic link that points to nothing.
        OSError: If the file cannot be written; the previous file is unchanged.
    """
    where = Path(path)
    write_file(where, dumps_follow_up(document, format=format_for(where, format)))


def loads_document(
    data: str | bytes, *, format: Format = "json", max_size: int | None = DEFAULT_MAX_SIZE
) -> Document:
    """Return the promise or follow-up document in the text *data*, by its ``document_type``.

    >>> type(loads_document('{"format_version": 2, "id": "p", "title": "T",'
    ...     ' "parties": [{"id": "x", "kind": "police", "name": "P"}]}')).__name__
    'Promise'

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
    """
    fmt = check_format(format)
    _check_size(len(data), max_size)
    parsed = parse(data, fmt)
    if type(parsed) is dict and DOCUMENT_TYPE_KEY in parsed:
        return _follow_up_from_data(parsed, None)[0]
    return loads_with_warnings(data, format=fmt, max_size=max_size)[0]


def load_document(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Document:
    """Return the promise or follow-up document in the file *path*; see :func:`loads_document`.

    Raises:
        ValidationError: With every problem found, structural and semantic.
        UnsupportedFormatError: If the format is unknown.
        MissingExtraError: If the format's extra (``toml``, ``yaml``) is not installed.
        OSError: If the file cannot be read.
    """
    where = Path(path)
    fmt = format_for(where, format)
    return loads_document(_read(where, max_size), format=fmt, max_size=max_size)
