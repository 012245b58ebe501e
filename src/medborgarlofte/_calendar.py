"""Swedish reporting intervals: tertial, kvartal, halvår, år, månad, vecka."""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._period import Period
from medborgarlofte._targets import Interval

if TYPE_CHECKING:
    from medborgarlofte._problems import Language

__all__ = ["ReportingInterval", "interval_containing", "intervals"]

_MONTHS_PER = {
    Interval.MONTH: 1,
    Interval.QUARTER: 3,
    Interval.TERTIAL: 4,
    Interval.HALF_YEAR: 6,
    Interval.YEAR: 12,
}

_MONTH_NAMES = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _stdcal.monthrange(year, month)[1])


def interval_containing(day: dt.date, kind: Interval) -> Period:
    """Return the whole calendar interval of *kind* that *day* falls in.

    >>> str(interval_containing(dt.date(2024, 6, 15), Interval.TERTIAL))
    '2024-05-01–2024-08-31'
    >>> str(interval_containing(dt.date(2024, 12, 31), Interval.WEEK))
    '2024-12-30–2025-01-05'
    """
    if kind is Interval.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return Period(start=monday, end=monday + dt.timedelta(days=6))
    size = _MONTHS_PER[kind]
    first = (day.month - 1) // size * size + 1
    return Period(start=dt.date(day.year, first, 1), end=_month_end(day.year, first + size - 1))


@attrs.frozen(kw_only=True)
class ReportingInterval:
    """One reporting interval, clipped to a promise period (redovisningsperiod).

    Attributes:
        kind: Tertial, kvartal, halvår, år, månad or vecka.
        full: The whole calendar interval, for example all of T1 2024.
        period: The part of it inside the promise period.
    """

    kind: Interval
    full: Period
    period: Period

    @property
    def partial(self) -> bool:
        """Return whether the promise period cuts this interval short."""
        return self.period != self.full

    @property
    def year(self) -> int:
        """Return the year the interval belongs to (the ISO year for a week)."""
        if self.kind is Interval.WEEK:
            return self.full.start.isocalendar().year
        return self.full.start.year

    @property
    def number(self) -> int:
        """Return the interval's number within its year: T2 is 2, Q4 is 4, week 5 is 5."""
        if self.kind is Interval.WEEK:
            return self.full.start.isocalendar().week
        return (self.full.start.month - 1) // _MONTHS_PER[self.kind] + 1

    def label(self, lang: Language = "sv") -> str:
        """Return the interval's name, for example ``"T1 2024"`` or ``"H2 2023"``.

        >>> ri = intervals(Period.year(2023), Interval.HALF_YEAR)[1]
        >>> ri.label(), ri.label("en")
        ('H2 2023', 'H2 2023')
        >>> intervals(Period.year(2023), Interval.MONTH)[0].label()
        'januari 2023'
        """
        year = self.year
        match self.kind:
            case Interval.TERTIAL:
                return f"T{self.number} {year}"
            case Interval.QUARTER:
                return f"Q{self.number} {year}"
            case Interval.HALF_YEAR:
                return f"H{self.number} {year}"
            case Interval.YEAR:
                return str(year)
            case Interval.MONTH:
                return f"{_MONTH_NAMES[lang][self.number - 1]} {year}"
            case Interval.WEEK:
                return f"{'vecka' if lang == 'sv' else 'week'} {self.number} {year}"

    def __str__(self) -> str:
        """Return the Swedish label."""
        return self.label()


def intervals(period: Period, kind: Interval) -> tuple[ReportingInterval, ...]:
    """Return the intervals of *kind* that overlap *period*, clipped to it.

    A promise from 1 July 2018 to 30 June 2020 has three year intervals: the
    second half of 2018, all of 2019 and the first half of 2020.

    >>> [str(i.period) for i in intervals(
    ...     Period(start=dt.date(2018, 7, 1), end=dt.date(2020, 6, 30)), Interval.YEAR)]
    ['2018-07-01–2018-12-31', '2019-01-01–2019-12-31', '2020-01-01–2020-06-30']
    """
    out: list[ReportingInterval] = []
    day = period.start
    while day <= period.end:
        full = interval_containing(day, kind)
        clipped = Period(start=max(full.start, period.start), end=min(full.end, period.end))
        out.append(ReportingInterval(kind=kind, full=full, period=clipped))
        day = full.end + dt.timedelta(days=1)
    return tuple(out)
