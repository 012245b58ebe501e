"""The format version of documents and the migrations that upgrade old ones (formatversion).

Every document names its format version in the top-level key
``format_version``. The version is checked before anything else: a newer one
than :data:`FORMAT_VERSION` is refused, and an older one is upgraded one step
at a time by the migrations registered in :data:`MIGRATIONS`.

Version 2 (#16) says honestly what a report belongs to: in version 1 a report
without ``activity`` meant work that was never promised, so the migration
from version 1 writes ``link = "unpromised"`` on each such report; version 2
adds follow-up documents, marked by the top-level key ``document_type``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TypeAlias

from medborgarlofte._core import codes
from medborgarlofte._formats.errors import problem, type_name
from medborgarlofte.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DOCUMENT_TYPE_KEY",
    "FOLLOW_UP_TYPE",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "VERSION_KEY",
    "Migration",
    "document_type",
    "migration",
    "upgrade",
]

FORMAT_VERSION: Final = 2
"""The format version this library writes and reads (formatversion)."""

VERSION_KEY: Final = "format_version"
"""The top-level key that names a document's format version."""

DOCUMENT_TYPE_KEY: Final = "document_type"
"""The top-level key that names a document's type; a promise document has none."""

FOLLOW_UP_TYPE: Final = "follow_up"
"""The ``document_type`` of a follow-up document (uppföljningsdokument)."""

_FOLLOW_UP_SINCE: Final = 2

Migration: TypeAlias = "Callable[[dict[str, Any]], dict[str, Any]]"
"""A function that upgrades a document by one format version."""

MIGRATIONS: dict[int, Migration] = {}
"""Migrations by the version they upgrade from; each returns the next version's document."""


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the decorated function as the migration from *from_version* to the next.

    The function takes a document of version *from_version* (without its
    ``format_version`` key) and returns the same document in version
    ``from_version + 1``. It must not change its argument.

    Raises:
        ValueError: If a migration from that version is already registered.
    """

    def register(fn: Migration) -> Migration:
        if from_version in MIGRATIONS:
            msg = f"a migration from format version {from_version} is already registered"
            raise ValueError(msg)
        MIGRATIONS[from_version] = fn
        return fn

    return register


def _refuse(code: str, message_sv: str, message_en: str) -> ValidationError:
    return ValidationError([problem(f"$.{VERSION_KEY}", code, message_sv, message_en)])


def upgrade(document: dict[str, Any]) -> dict[str, Any]:
    """Return *document* without its version key, upgraded to :data:`FORMAT_VERSION`.

    Raises:
        ValidationError: If the version is missing, not an integer, newer than
            the library's, or older with no way to upgrade it.
    """
    if VERSION_KEY not in document:
        raise _refuse(
            codes.MISSING_KEY,
            f"nyckeln krävs men saknas; den anger formatversionen, nu {FORMAT_VERSION}",
            f"required key is missing; it gives the format version, now {FORMAT_VERSION}",
        )
    version = document[VERSION_KEY]
    if type(version) is not int:
        got_sv, got_en = type_name(version)
        raise _refuse(
            codes.WRONG_TYPE,
            f"fel typ: formatversionen är ett heltal, inte {got_sv} ({version!r})",
            f"wrong type: the format version is an integer, not {got_en} ({version!r})",
        )
    if version > FORMAT_VERSION:
        raise _refuse(
            codes.FORMAT_VERSION_TOO_NEW,
            f"dokumentet har formatversion {version}, men det här biblioteket läser bara "
            f"till och med version {FORMAT_VERSION}; uppdatera medborgarlofte",
            f"the document has format version {version}, but this library reads only up to "
            f"version {FORMAT_VERSION}; upgrade medborgarlofte",
        )
    body = {key: value for key, value in document.items() if key != VERSION_KEY}
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise _refuse(
                codes.UNKNOWN_FORMAT_VERSION,
                f"formatversion {version} är okänd; det här biblioteket läser version "
                f"{FORMAT_VERSION}",
                f"format version {version} is unknown; this library reads version {FORMAT_VERSION}",
            )
        try:
            body = step(body)
        except Exception as exc:  # noqa: BLE001 - old documents may be any shape
            raise _refuse(
                codes.MIGRATION_FAILED,
                f"kunde inte uppgradera från formatversion {version}: {exc}",
                f"could not upgrade from format version {version}: {exc}",
            ) from None
        version += 1
    return body


def document_type(document: dict[str, Any], *, wanted: str | None) -> None:
    """Check that *document* is of the type *wanted* (``None`` for a promise).

    Raises:
        ValidationError: ``wrong-document-type`` when it is of another type,
            ``unknown-document-type`` when its type is unknown, not a text, or
            newer than its format version.
    """
    given = document.get(DOCUMENT_TYPE_KEY)
    path = f"$.{DOCUMENT_TYPE_KEY}"
    if given is not None and given != FOLLOW_UP_TYPE:
        shown = repr(given)
        raise ValidationError(
            [
                problem(
                    path,
                    codes.UNKNOWN_DOCUMENT_TYPE,
                    f"okänd dokumenttyp {shown}; den enda är {FOLLOW_UP_TYPE!r} "
                    "(ett löfte har ingen dokumenttyp)",
                    f"unknown document type {shown}; the only one is {FOLLOW_UP_TYPE!r} "
                    "(a promise has no document type)",
                )
            ]
        )
    if given == wanted:
        version = document.get(VERSION_KEY)
        if given is not None and type(version) is int and version < _FOLLOW_UP_SINCE:
            raise ValidationError(
                [
                    problem(
                        path,
                        codes.UNKNOWN_DOCUMENT_TYPE,
                        f"uppföljningsdokument finns från formatversion {_FOLLOW_UP_SINCE}, "
                        f"men dokumentet har version {version}",
                        f"follow-up documents exist from format version {_FOLLOW_UP_SINCE}, "
                        f"but the document has version {version}",
                    )
                ]
            )
        return
    if given is None:
        sv, en = "ett löfte, inte ett uppföljningsdokument", "a promise, not a follow-up document"
        sv_hint, en_hint = "läs det med load eller loads", "read it with load or loads"
    else:
        sv, en = "ett uppföljningsdokument, inte ett löfte", "a follow-up document, not a promise"
        sv_hint = "läs det med load_follow_up eller load_document"
        en_hint = "read it with load_follow_up or load_document"
    raise ValidationError(
        [
            problem(
                "$" if given is None else path,
                codes.WRONG_DOCUMENT_TYPE,
                f"dokumentet är {sv}; {sv_hint}",
                f"the document is {en}; {en_hint}",
            )
        ]
    )


def _report_v1_to_v2(report: object) -> object:
    """Return a version 1 report in version 2: no activity meant never promised."""
    if type(report) is dict and report.get("activity") is None and "link" not in report:
        return {**report, "link": "unpromised"}
    return report


def _promise_v1_to_v2(body: object) -> object:
    if type(body) is not dict or type(body.get("reports")) is not list:
        return body
    return {**body, "reports": [_report_v1_to_v2(r) for r in body["reports"]]}


@migration(1)
def _v1_to_v2(body: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a promise or a collection from version 1 to 2: honest report links (#16).

    Version 1 read a report without ``activity`` as work never promised;
    version 2 says so with ``link = "unpromised"`` and refuses a report that
    names no activity and claims one. Nothing else changed.
    """
    promises = body.get("promises")
    if "id" not in body and type(promises) is list:  # a collection document
        return {**body, "promises": [_promise_v1_to_v2(p) for p in promises]}
    upgraded = _promise_v1_to_v2(body)
    assert type(upgraded) is dict  # noqa: S101 - a dict stays a dict
    return upgraded
