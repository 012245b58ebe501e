"""Exceptions raised by medborgarlofte (undantag).

Every exception the library raises on purpose derives from
:class:`MedborgarlofteError`. Leaves also subclass the builtin whose meaning
fits, so ``except ValueError`` keeps working for callers who do not know this
library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from medborgarlofte._core.problems import Problem

__all__ = [
    "InvalidTypeError",
    "InvalidValueError",
    "MedborgarlofteError",
    "MissingExtraError",
    "PromiseMismatchError",
    "UnknownKommunError",
    "UnsupportedFormatError",
    "ValidationError",
]


class MedborgarlofteError(Exception):
    """Root of every exception raised on purpose by this library."""


class InvalidValueError(MedborgarlofteError, ValueError):
    """Refuse a value that breaks an invariant of one model object (ogiltigt värde).

    Raised by model constructors, for example a period that ends before it
    starts. Loading a document turns it into a :class:`Problem` whose path ends
    in :attr:`field`.

    Attributes:
        code: The stable problem code, for example ``"period-end-before-start"``.
        field: The name of the attribute (and document key) that is wrong.
        message_sv: What is wrong, in Swedish.
        message_en: What is wrong, in English.
    """

    def __init__(self, *, code: str, field: str, message_sv: str, message_en: str) -> None:
        super().__init__(f"{field}: {message_en} [{code}]")
        self.code = code
        self.field = field
        self.message_sv = message_sv
        self.message_en = message_en


class InvalidTypeError(InvalidValueError, TypeError):
    """Refuse a value of the wrong type given to a model constructor (fel typ).

    For example ``Period(start="2025-01-01", ...)``: the start must be a
    :class:`datetime.date`. It is an :class:`InvalidValueError` (so code that
    catches that catches both) and a :class:`TypeError`; its ``code`` is
    ``"wrong-type"`` and its message says which field, what was expected and
    what was given.
    """


class ValidationError(MedborgarlofteError, ValueError):
    """Carry every problem found in a promise or a document (valideringsfel).

    Attributes:
        problems: Every problem found, errors and warnings, in document order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        shown = errors or list(self.problems)
        lines = [f"{len(errors)} error(s), {len(self.problems) - len(errors)} warning(s)"]
        lines += [f"  {p.format('en')}" for p in shown[:20]]
        if len(shown) > 20:  # noqa: PLR2004 - keep the message readable
            lines.append(f"  ... and {len(shown) - 20} more")
        super().__init__("\n".join(lines))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Return the problems of severity error."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the problems of severity warning."""
        return tuple(p for p in self.problems if not p.is_error)


class MissingExtraError(MedborgarlofteError, ImportError):
    """Report that a feature needs an optional extra that is not installed (saknat tillägg).

    Attributes:
        extra: The extra to install, for example ``"ical"``.
        purpose: What it is needed for, for example ``"iCalendar export"``.
    """

    def __init__(self, *, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the optional extra {extra!r}: pip install 'medborgarlofte[{extra}]'"
        )
        self.extra = extra
        self.purpose = purpose


class PromiseMismatchError(MedborgarlofteError, ValueError):
    """Refuse a follow-up document read beside a promise it does not follow up (fel löfte).

    Attributes:
        promise: The id of the promise given.
        followed_up: The id of the promise the follow-up document follows up.
        document: The id of the follow-up document.
    """

    def __init__(self, *, promise: str, followed_up: str, document: str) -> None:
        super().__init__(
            f"the follow-up document {document!r} follows up the promise {followed_up!r}, "
            f"not {promise!r}"
        )
        self.promise = promise
        self.followed_up = followed_up
        self.document = document


class UnknownKommunError(MedborgarlofteError, LookupError):
    """Report that no Swedish municipality (kommun) matches a code or a name.

    Attributes:
        query: The code or name that was looked up.
        suggestions: Names of kommuner that are close to the query.
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no kommun matches {query!r}{hint}")
        self.query = query
        self.suggestions = suggestions


class UnsupportedFormatError(MedborgarlofteError, ValueError):
    """Refuse a document format that is unknown (okänt format).

    Attributes:
        format: The format asked for, or the file suffix it was guessed from.
    """

    def __init__(self, message: str, *, format: str) -> None:  # noqa: A002 - the API's word
        super().__init__(message)
        self.format = format
