"""The format version of documents and the migrations that upgrade old ones (formatversion).

Every document names its format version in the top-level key
``format_version``. The version is checked before anything else: a newer one
than :data:`FORMAT_VERSION` is refused, and an older one is upgraded one step
at a time by the migrations registered in :data:`MIGRATIONS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TypeAlias

from medborgarlofte._core import codes
from medborgarlofte._formats.errors import problem, type_name
from medborgarlofte.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["FORMAT_VERSION", "MIGRATIONS", "VERSION_KEY", "Migration", "migration", "upgrade"]

FORMAT_VERSION: Final = 1
"""The format version this library writes and reads (formatversion)."""

VERSION_KEY: Final = "format_version"
"""The top-level key that names a document's format version."""

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
