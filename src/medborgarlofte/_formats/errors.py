"""Turn what goes wrong while structuring a document into Problems with paths.

The detailed converter collects every failure as cattrs exception groups whose
notes name the attribute or index that failed. :func:`problems_from` walks
such a group and returns one :class:`~medborgarlofte.Problem` per failure, with
the path in the document's own keys (they equal the attribute names).
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from medborgarlofte._core import codes
from medborgarlofte._core.problems import Problem, Severity
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DocumentValueError", "join_path", "problem", "problems_from", "type_name"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class DocumentValueError(ValueError):
    """A value in a document that cannot be structured; internal to the serde package.

    Hooks raise it; :func:`problems_from` turns it into a Problem at the key
    the hook was structuring, extended by *subpath*.
    """

    def __init__(
        self,
        *,
        code: str,
        message_sv: str,
        message_en: str,
        subpath: tuple[str | int, ...] = (),
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_sv = message_sv
        self.message_en = message_en
        self.subpath = subpath


def join_path(path: str, step: str | int) -> str:
    """Return *path* extended by a key or an index, in JSON path notation.

    >>> join_path(join_path("$", "activities"), 2)
    '$.activities[2]'
    >>> join_path("$", "två ord")
    "$['två ord']"
    """
    if isinstance(step, int):
        return f"{path}[{step}]"
    if _IDENTIFIER.match(step):
        return f"{path}.{step}"
    return f"{path}[{step!r}]"


def problem(path: str, code: str, message_sv: str, message_en: str) -> Problem:
    """Return an error Problem; every structural problem is an error."""
    return Problem(
        path=path,
        code=code,
        severity=Severity.ERROR,
        message_sv=message_sv,
        message_en=message_en,
    )


_TYPE_NAMES: dict[type, tuple[str, str]] = {
    str: ("en text", "a text"),
    bool: ("ett sanningsvärde (true/false)", "a boolean (true/false)"),
    int: ("ett heltal", "an integer"),
    float: ("ett decimaltal", "a decimal number"),
    type(None): ("null", "null"),
    list: ("en lista", "a list"),
    dict: ("ett objekt", "an object"),
}


def type_name(value: object) -> tuple[str, str]:
    """Return how a value's type is called in Swedish and English, in document terms."""
    for kind, names in _TYPE_NAMES.items():
        if type(value) is kind:
            return names
    name = type(value).__name__
    return (f"ett värde av typen {name}", f"a value of type {name}")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004 - readable


def wrong_type(value: object, expected_sv: str, expected_en: str) -> DocumentValueError:
    """Return the error for a value of the wrong type."""
    got_sv, got_en = type_name(value)
    shown = _show(value)
    return DocumentValueError(
        code=codes.WRONG_TYPE,
        message_sv=f"fel typ: väntade {expected_sv}, fick {got_sv} ({shown})",
        message_en=f"wrong type: expected {expected_en}, got {got_en} ({shown})",
    )


def _unknown_keys(path: str, error: ForbiddenExtraKeysError) -> list[Problem]:
    cl: Any = error.cl
    allowed = [a.name for a in attrs.fields(cl) if a.init] if attrs.has(cl) else []
    found = []
    for key in sorted(error.extra_fields, key=str):
        guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint_sv = f"; menade du {guess[0]!r}?" if guess else ""
        hint_en = f"; did you mean {guess[0]!r}?" if guess else ""
        found.append(
            problem(
                join_path(path, str(key)),
                codes.UNKNOWN_KEY,
                f"okänd nyckel {key!r}{hint_sv}",
                f"unknown key {key!r}{hint_en}",
            )
        )
    return found


def _step_of(error: BaseException) -> str | int | None:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
        if isinstance(note, IterableValidationNote):
            index: Any = note.index
            return index  # type: ignore[no-any-return]
    return None


def problems_from(error: BaseException, path: str = "$") -> list[Problem]:
    """Return the Problems an exception raised while structuring stands for.

    Args:
        error: What the detailed converter raised.
        path: The path of the value that was being structured.

    Returns:
        One Problem per failure, in document order.
    """
    if isinstance(error, BaseExceptionGroup):
        found: list[Problem] = []
        for sub in error.exceptions:
            step = _step_of(sub)
            found += problems_from(sub, path if step is None else join_path(path, step))
        return found
    if isinstance(error, DocumentValueError):
        for step in error.subpath:
            path = join_path(path, step)
        return [problem(path, error.code, error.message_sv, error.message_en)]
    if isinstance(error, InvalidValueError):
        return [
            Problem(
                path=join_path(path, error.field),
                code=error.code,
                severity=Severity.ERROR,
                message_sv=error.message_sv,
                message_en=error.message_en,
            )
        ]
    if isinstance(error, ForbiddenExtraKeysError):
        return _unknown_keys(path, error)
    if isinstance(error, KeyError):
        return [
            problem(path, codes.MISSING_KEY, "nyckeln krävs men saknas", "required key is missing")
        ]
    return [  # pragma: no cover - every hook raises one of the errors above
        problem(path, codes.INVALID_VALUE, f"ogiltigt värde: {error}", f"invalid value: {error}")
    ]


def sort_problems(found: Iterable[Problem]) -> tuple[Problem, ...]:
    """Return *found* without duplicates, in the order first seen."""
    return tuple(dict.fromkeys(found))
