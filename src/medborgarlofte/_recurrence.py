"""A typed wrapper over dateutil's RFC 5545 recurrence rules (upprepningsregel)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs
from dateutil import rrule as _rrule

from medborgarlofte import _codes as codes
from medborgarlofte.exceptions import InvalidValueError

__all__ = ["Recurrence"]

# Any fixed naive start will do to check a rule; the real start is given per use.
_PROBE_START = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - dates are naive by design


def _strip_prefix(text: str) -> str:
    body = text.strip()
    return body[len("RRULE:") :] if body.upper().startswith("RRULE:") else body


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> _rrule.rrule:
    """Parse the body of one RRULE; cached, since real rules repeat a lot."""
    body = _strip_prefix(text)
    if not body:
        msg = "the rule is empty"
        raise ValueError(msg)
    if "DTSTART" in body.upper():
        msg = "DTSTART does not belong in the rule; the start comes from the schedule"
        raise ValueError(msg)
    parsed = _rrule.rrulestr(body, dtstart=_PROBE_START, forceset=False)
    if not isinstance(parsed, _rrule.rrule):  # pragma: no cover - forceset=False and no EXRULE
        msg = "expected a single RRULE, not a rule set"
        raise TypeError(msg)
    _refuse_impossible(body)
    return parsed


# The most days each month can have (February in a leap year).
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _refuse_impossible(body: str) -> None:
    """Refuse rules that can never occur, such as the 31st of June.

    dateutil searches such a rule year by year up to year 9999 before giving
    up, which takes many seconds; these shapes are caught here instead. They
    are the ones real documents produce (an impossible date, an ordinal weekday
    past the fifth in a month).
    """
    parts = dict(part.split("=", 1) for part in body.upper().split(";") if "=" in part)
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    if "BYMONTHDAY" in parts:
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        if not any(abs(d) <= _LONGEST_MONTH[m - 1] for m in months for d in days):
            msg = "the rule never occurs: no month it names has the days it names"
            raise ValueError(msg)
    if "BYDAY" in parts and (parts.get("FREQ") == "MONTHLY" or "BYMONTH" in parts):
        ordinals = [d.rstrip("MOTUWEHFRSA") for d in parts["BYDAY"].split(",")]
        if ordinals and all(o and abs(int(o)) > 5 for o in ordinals):  # noqa: PLR2004
            msg = "the rule never occurs: no month has more than five of a weekday"
            raise ValueError(msg)


def _check_rule(_instance: object, attribute: attrs.Attribute[Any], text: str) -> None:
    try:
        _parse(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise InvalidValueError(
            code=codes.INVALID_RRULE,
            field=attribute.name,
            message_sv=f"ogiltig upprepningsregel (RFC 5545 RRULE) {text!r}: {exc}",
            message_en=f"invalid recurrence rule (RFC 5545 RRULE) {text!r}: {exc}",
        ) from None


def _as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - naive by design


@attrs.frozen(kw_only=True)
class Recurrence:
    """An RFC 5545 recurrence rule without its start (upprepningsregel, RRULE).

    The text is kept exactly as written, so a document round-trips unchanged;
    the start date is supplied when the rule is expanded, since it normally
    comes from the promise period or the schedule.

    >>> weekly = Recurrence(rule="FREQ=WEEKLY;BYDAY=MO")
    >>> [d.day for d in weekly.dates(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 31))]
    [1, 8, 15, 22, 29]

    Raises:
        InvalidValueError: ``invalid-rrule`` when dateutil cannot read the rule,
            when it contains a DTSTART, or when it is empty.
    """

    rule: str = attrs.field(validator=_check_rule)

    def dates(
        self, *, start: dt.date, end: dt.date, dtstart: dt.date | None = None
    ) -> tuple[dt.date, ...]:
        """Return the occurrence dates from *start* to *end*, both included.

        Args:
            start: The first day of the window.
            end: The last day of the window.
            dtstart: Where the rule starts counting (its DTSTART); *start* if
                not given. COUNT and INTERVAL are counted from here.

        Returns:
            The dates in increasing order.
        """
        return _dates(self.rule, dtstart or start, start, end)

    def count(self, *, start: dt.date, end: dt.date, dtstart: dt.date | None = None) -> int:
        """Return how many times the rule occurs from *start* to *end*, both included."""
        return len(self.dates(start=start, end=end, dtstart=dtstart))

    def __str__(self) -> str:
        """Return the rule as written."""
        return self.rule


@functools.lru_cache(maxsize=16384)
def _dates(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    if end < start:
        return ()
    based = _parse(rule).replace(dtstart=_as_datetime(dtstart))
    hits = based.between(_as_datetime(start), _as_datetime(end), inc=True)
    return tuple(hit.date() for hit in hits)
