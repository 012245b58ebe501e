"""Periods of validity and coverage (period, giltighetstid)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from medborgarlofte._core import codes
from medborgarlofte._model.checks import date, optional_date
from medborgarlofte.exceptions import InvalidValueError

__all__ = ["OpenPeriod", "Period"]


def _end_not_before_start(instance: Period, attribute: attrs.Attribute[Any], end: dt.date) -> None:
    date(instance, attribute, end)
    if end < instance.start:
        raise InvalidValueError(
            code=codes.PERIOD_END_BEFORE_START,
            field="end",
            message_sv=f"perioden slutar ({end}) före den börjar ({instance.start})",
            message_en=f"the period ends ({end}) before it starts ({instance.start})",
        )


@attrs.frozen(kw_only=True, order=True)
class Period:
    """A span of whole days, both ends included (period, giltighetstid).

    Used for the validity of a promise, for the interval a report or a
    follow-up covers, and for reporting intervals such as a tertial.

    >>> p = Period(start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31))
    >>> p.days
    731
    >>> p.contains(dt.date(2024, 2, 29))
    True
    >>> p.elapsed_fraction(dt.date(2023, 12, 31))
    0.4993160054719562

    Raises:
        InvalidTypeError: ``wrong-type`` when *start* or *end* is not a
            :class:`datetime.date` (a text such as ``"2025-01-01"`` is not).
        InvalidValueError: ``period-end-before-start`` when *end* is before *start*.
    """

    start: dt.date = attrs.field(validator=date)
    end: dt.date = attrs.field(validator=_end_not_before_start)

    @classmethod
    def year(cls, year: int) -> Period:
        """Return the calendar year *year* (kalenderår)."""
        return cls(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))

    @property
    def days(self) -> int:
        """Return the number of days in the period, both ends counted."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Return whether *day* lies inside the period (ends included)."""
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """Return whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def covers(self, other: Period) -> bool:
        """Return whether *other* lies wholly inside this period."""
        return self.start <= other.start and other.end <= self.end

    def intersection(self, other: Period) -> Period | None:
        """Return the days both periods share, or ``None`` if they share none."""
        if not self.overlaps(other):
            return None
        return Period(start=max(self.start, other.start), end=min(self.end, other.end))

    def days_elapsed(self, as_of: dt.date) -> int:
        """Return how many days of the period have passed by the end of *as_of*.

        Zero before the start, :attr:`days` from the last day on.
        """
        if as_of < self.start:
            return 0
        if as_of >= self.end:
            return self.days
        return (as_of - self.start).days + 1

    def elapsed_fraction(self, as_of: dt.date) -> float:
        """Return the share of the period that has passed by the end of *as_of*.

        0.0 before the first day, 1.0 from the last day on; each day counts
        once it has ended.
        """
        return self.days_elapsed(as_of) / self.days

    def __str__(self) -> str:
        """Return ``start–end`` in ISO 8601."""
        return f"{self.start.isoformat()}–{self.end.isoformat()}"


def _open_end_not_before_start(
    instance: OpenPeriod, _attribute: attrs.Attribute[Any], end: dt.date | None
) -> None:
    if end is not None and end < instance.start:
        raise InvalidValueError(
            code=codes.PERIOD_END_BEFORE_START,
            field="end",
            message_sv=f"perioden slutar ({end}) före den börjar ({instance.start})",
            message_en=f"the period ends ({end}) before it starts ({instance.start})",
        )


@attrs.frozen(kw_only=True)
class OpenPeriod:
    """A span of whole days whose end may be unknown (period med bara startdag).

    A follow-up report that says only when the time it covers began ("sedan
    januari") has a start and no end; with both days it is a closed
    :class:`Period`.

    >>> OpenPeriod(start=dt.date(2020, 1, 1)).closed() is None
    True
    >>> str(OpenPeriod(start=dt.date(2020, 1, 1), end=dt.date(2020, 8, 31)).closed())
    '2020-01-01–2020-08-31'

    Attributes:
        start: The first day.
        end: The last day, if the source says.

    Raises:
        InvalidValueError: ``period-end-before-start`` when *end* is before *start*.
    """

    start: dt.date = attrs.field(validator=date)
    end: dt.date | None = attrs.field(
        default=None, validator=[optional_date, _open_end_not_before_start]
    )

    def closed(self) -> Period | None:
        """Return the span as a :class:`Period`, or ``None`` when its end is unknown."""
        if self.end is None:
            return None
        return Period(start=self.start, end=self.end)
