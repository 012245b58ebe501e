"""Swedish reporting intervals: tertial, kvartal, halvår, år, månad, vecka, hela perioden.

Calendar intervals are aligned to the calendar (T1 is January–April whatever
the promise period) and clipped to the promise period, so a promise from
1 July 2018 gets a short first piece. The whole period is an interval of its
own, for follow-up at the end of the period (vid periodens slut).
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._core import texts
from medborgarlofte._model.period import Period
from medborgarlofte._model.targets import Interval

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

__all__ = ["ReportingInterval", "end_of_period", "interval_containing", "intervals", "spans"]

_MONTHS_PER = {
    Interval.MONTH: 1,
    Interval.QUARTER: 3,
    Interval.TERTIAL: 4,
    Interval.HALF_YEAR: 6,
    Interval.YEAR: 12,
}

_PREFIXES = {Interval.TERTIAL: "T", Interval.QUARTER: "Q", Interval.HALF_YEAR: "H"}


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
        kind: Tertial, kvartal, halvår, år, månad or vecka; ``None`` for the
            whole promise period (hela perioden), see :func:`end_of_period`.
        full: The whole calendar interval, for example all of T1 2024; for the
            whole period, the period itself.
        period: The part of it inside the promise period.
    """

    kind: Interval | None
    full: Period
    period: Period

    @property
    def partial(self) -> bool:
        """Return whether the promise period cuts this interval short."""
        return self.period != self.full

    @property
    def year(self) -> int:
        """Return the year the interval belongs to (the ISO year for a week).

        The whole period belongs to the year it starts in.
        """
        if self.kind is Interval.WEEK:
            return self.full.start.isocalendar().year
        return self.full.start.year

    @property
    def number(self) -> int:
        """Return the interval's number within its year: T2 is 2, Q4 is 4, week 5 is 5.

        The whole period is number 1.
        """
        if self.kind is None:
            return 1
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
        >>> end_of_period(Period(start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31))).label()
        'hela perioden 2023–2024'
        """
        if self.kind is None:
            return f"{texts.pick(texts.WORDS['whole_period'], lang)} {_span_label(self.full, lang)}"
        year = self.year
        if self.kind is Interval.YEAR:
            return str(year)
        if self.kind is Interval.MONTH:
            return f"{texts.MONTH_NAMES[lang][self.number - 1]} {year}"
        if self.kind is Interval.WEEK:
            return f"{texts.pick(texts.WORDS['week'], lang)} {self.number} {year}"
        return f"{_PREFIXES[self.kind]}{self.number} {year}"

    def __str__(self) -> str:
        """Return the Swedish label."""
        return self.label()


def _span_label(period: Period, lang: Language) -> str:
    """Return ``2023``/``2023–2024`` for whole calendar years, else the span in words."""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return texts.days(period.start, period.end, lang)


def end_of_period(period: Period) -> ReportingInterval:
    """Return the whole *period* as one reporting interval (hela perioden).

    What a follow-up at the end of the period (vid periodens slut) covers.

    >>> end_of_period(Period(start=dt.date(2018, 7, 1), end=dt.date(2020, 6, 30))).label("en")
    'whole period 1 July 2018 – 30 June 2020'
    """
    return ReportingInterval(kind=None, full=period, period=period)


def intervals(period: Period, kind: Interval | None) -> tuple[ReportingInterval, ...]:
    """Return the intervals of *kind* that overlap *period*, clipped to it.

    A promise from 1 July 2018 to 30 June 2020 has three year intervals: the
    second half of 2018, all of 2019 and the first half of 2020. The
    intervals follow each other without gap or overlap and together make up
    *period*. A *kind* of ``None`` gives the whole period as one interval
    (:func:`end_of_period`).

    >>> [str(i.period) for i in intervals(
    ...     Period(start=dt.date(2018, 7, 1), end=dt.date(2020, 6, 30)), Interval.YEAR)]
    ['2018-07-01–2018-12-31', '2019-01-01–2019-12-31', '2020-01-01–2020-06-30']
    """
    if kind is None:
        return (end_of_period(period),)
    day = dt.date.fromordinal
    out = []
    for full_start, full_end, start, end in spans(period, kind):
        full = Period(start=day(full_start), end=day(full_end))
        clipped = (
            full
            if (start, end) == (full_start, full_end)
            else Period(start=day(start), end=day(end))
        )
        out.append(ReportingInterval(kind=kind, full=full, period=clipped))
    return tuple(out)


def _month_start(month: int) -> int:
    """Return the ordinal of the first day of *month* (counted from year 0), or past the last."""
    if month >= _AFTER_LAST_MONTH:
        return dt.date.max.toordinal() + 1
    return dt.date(month // 12, month % 12 + 1, 1).toordinal()


_AFTER_LAST_MONTH = 10_000 * 12


def spans(period: Period, kind: Interval) -> list[tuple[int, int, int, int]]:
    """Return the intervals of *kind* that overlap *period* as day ordinals.

    Each is (first and last day of the whole interval, first and last day
    inside *period*), in order: what :func:`intervals` builds its intervals
    from, for callers that only compute with the days.

    >>> [tuple(map(dt.date.fromordinal, s))[2:] for s in spans(
    ...     Period(start=dt.date(2024, 2, 10), end=dt.date(2024, 3, 5)), Interval.MONTH)]
    [(datetime.date(2024, 2, 10), datetime.date(2024, 2, 29)), \
(datetime.date(2024, 3, 1), datetime.date(2024, 3, 5))]
    """
    first, last = period.start.toordinal(), period.end.toordinal()
    out = []
    if kind is Interval.WEEK:
        monday = first - period.start.weekday()
        while monday <= last:
            sunday = monday + 6
            out.append((monday, sunday, max(monday, first), min(sunday, last)))
            monday += 7
        return out
    size = _MONTHS_PER[kind]
    month = (period.start.year * 12 + period.start.month - 1) // size * size
    start = _month_start(month)
    while start <= last:
        month += size
        following = _month_start(month)
        out.append((start, following - 1, max(start, first), min(following - 1, last)))
        start = following
    return out
