"""A schedule's dates as day ordinals, computed directly where a closed form exists (förekomster).

Walking a recurrence rule is by far the dearest step of progress: a weekly
rule over two years makes dateutil generate a hundred datetimes. For the
shapes follow-up work mostly uses, :func:`closed_form` computes the dates
directly; every other rule goes to dateutil through the typed wrapper
:class:`~medborgarlofte.Recurrence`. Nothing is kept here: whoever wants an
expansion again keeps it (see :class:`~medborgarlofte.ProgressTracker`).
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import re
from typing import TYPE_CHECKING

from medborgarlofte._model.recurrence import _parts as rule_parts

if TYPE_CHECKING:
    from medborgarlofte._model.recurrence import Recurrence

__all__ = ["closed_form", "occurrence_ordinals"]

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def occurrence_ordinals(
    recurrence: Recurrence, dtstart: dt.date, start: dt.date, end: dt.date
) -> tuple[int, ...]:
    """Return the ordinals of the rule's dates from *start* to *end*, in order.

    Args:
        recurrence: The rule.
        dtstart: Where the rule starts counting (its DTSTART).
        start: The first day of the window, included.
        end: The last day of the window, included.

    Returns:
        :meth:`datetime.date.toordinal` of each date, increasing.

    >>> import datetime as dt
    >>> from medborgarlofte import Recurrence
    >>> mondays = occurrence_ordinals(Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"),
    ...     dt.date(2024, 1, 1), dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    >>> [dt.date.fromordinal(o).day for o in mondays]
    [1, 8, 15, 22, 29]
    """
    fast = closed_form(recurrence.rule, dtstart, start, end)
    if fast is not None:
        return fast
    return tuple(day.toordinal() for day in recurrence.dates(start=start, end=end, dtstart=dtstart))


# --------------------------------------------------------------------------- closed forms
#
# dateutil generates a rule's dates one by one (a few microseconds each). For the
# shapes follow-up work mostly uses, the dates can be computed directly. Each
# shape below follows dateutil's reading of RFC 5545 §3.3.10: the INTERVAL-th
# day, week (from WKST), month or year counted from DTSTART's, the BY parts
# picking days within it, nothing before DTSTART, nothing after UNTIL; a
# missing BYDAY or BYMONTHDAY is taken from DTSTART. Any other rule goes to
# dateutil. tests/test_occurrences.py ties each shape to dateutil by a property
# test of its own.

_HANDLED = frozenset({"FREQ", "INTERVAL", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH"})
_BYDAY = re.compile(r"([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)")


def _parts(rule: str) -> dict[str, str] | None:
    parts = rule_parts(rule)
    if not _HANDLED.issuperset(parts):
        return None
    return parts


def _until(text: str | None) -> dt.date | None:
    """Return UNTIL's day; ``ValueError`` for a form left to dateutil (a time zone)."""
    if text is None:
        return None
    if not (len(text) == 8 or (len(text) == 15 and text[8] == "T")) or not text[:8].isdigit():  # noqa: PLR2004
        msg = f"UNTIL {text!r} is left to dateutil"
        raise ValueError(msg)
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _ints(text: str) -> list[int]:
    return [int(item) for item in text.split(",")]


def _weekdays(text: str) -> list[tuple[int | None, int]]:
    out = []
    for item in text.split(","):
        match = _BYDAY.fullmatch(item)
        if match is None:
            msg = f"BYDAY {item!r} is left to dateutil"
            raise ValueError(msg)
        out.append((int(match[1]) if match[1] else None, _WEEKDAYS.index(match[2])))
    return out


_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    if month == 2 and _stdcal.isleap(year):  # noqa: PLR2004 - February
        return 29
    return _MONTH_LENGTHS[month - 1]


def closed_form(
    rule: str, dtstart: dt.date, start: dt.date, end: dt.date
) -> tuple[int, ...] | None:
    """Return the ordinals of the rule's dates in the window, or ``None`` for dateutil to do.

    >>> import datetime as dt
    >>> days = closed_form("FREQ=MONTHLY;BYDAY=-1FR", dt.date(2024, 1, 1),
    ...     dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    >>> [str(dt.date.fromordinal(o)) for o in days]
    ['2024-01-26', '2024-02-23', '2024-03-29']
    >>> closed_form("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1", dt.date(2024, 1, 1),
    ...     dt.date(2024, 1, 1), dt.date(2024, 3, 31)) is None
    True
    """
    parts = _parts(rule)
    if parts is None:
        return None
    try:
        return _closed_form(parts, dtstart, start, end)
    except (ValueError, IndexError):
        return None


def _closed_form(
    parts: dict[str, str], dtstart: dt.date, start: dt.date, end: dt.date
) -> tuple[int, ...] | None:
    interval = int(parts.get("INTERVAL", "1"))
    until = _until(parts.get("UNTIL"))
    week_start = _WEEKDAYS.index(parts.get("WKST", "MO"))
    lo = max(dtstart, start)
    hi = end if until is None else min(end, until)
    if interval < 1:
        msg = "INTERVAL below 1 is left to dateutil"
        raise ValueError(msg)
    if hi < lo:
        return ()
    freq = parts.get("FREQ")
    byday = _weekdays(parts["BYDAY"]) if "BYDAY" in parts else None
    bymonthday = _ints(parts["BYMONTHDAY"]) if "BYMONTHDAY" in parts else None
    bymonth = _ints(parts["BYMONTH"]) if "BYMONTH" in parts else None
    if freq == "DAILY" and byday is None and bymonthday is None and bymonth is None:
        step = interval
        first = dtstart.toordinal() + -(-(lo - dtstart).days // step) * step
        return tuple(range(first, hi.toordinal() + 1, step))
    if freq == "WEEKLY" and bymonthday is None and bymonth is None:
        return _weekly(
            byday, dtstart=dtstart, interval=interval, week_start=week_start, lo=lo, hi=hi
        )
    if freq == "MONTHLY" and bymonth is None:
        return _monthly(
            byday, bymonthday=bymonthday, dtstart=dtstart, interval=interval, lo=lo, hi=hi
        )
    if freq == "YEARLY" and byday is None:
        return _yearly(
            bymonth, bymonthday=bymonthday, dtstart=dtstart, interval=interval, lo=lo, hi=hi
        )
    return None


def _weekly(
    byday: list[tuple[int | None, int]] | None,
    *,
    dtstart: dt.date,
    interval: int,
    week_start: int,
    lo: dt.date,
    hi: dt.date,
) -> tuple[int, ...] | None:
    if byday is None:
        days = [dtstart.weekday()]
    elif any(nth is not None for nth, _ in byday):
        return None
    else:
        days = [day for _, day in byday]
    offsets = sorted({(day - week_start) % 7 for day in days})
    first_week = dtstart.toordinal() - (dtstart.weekday() - week_start) % 7
    step = 7 * interval
    week = first_week + max(0, (lo.toordinal() - first_week) // step) * step
    low, high = lo.toordinal(), hi.toordinal()
    out: list[int] = []
    for offset in offsets:  # each weekday is every step-th day from its first in the lattice
        first = week + offset
        if first < low:
            first += -(-(low - first) // step) * step
        out.extend(range(first, high + 1, step))
    return tuple(sorted(out))


def _month_days(
    year: int,
    month: int,
    byday: list[tuple[int | None, int]] | None,
    bymonthday: list[int],
) -> list[int]:
    length = _month_length(year, month)
    if byday is None and len(bymonthday) == 1:  # one day of the month: the common case
        day = bymonthday[0] if bymonthday[0] > 0 else length + 1 + bymonthday[0]
        return [day] if 1 <= day <= length else []
    days = {d if d > 0 else length + 1 + d for d in bymonthday}
    if byday is not None:
        first_weekday = dt.date(year, month, 1).weekday()
        for nth, weekday in byday:
            first = 1 + (weekday - first_weekday) % 7
            if nth is None:
                days.update(range(first, length + 1, 7))
                continue
            count = (length - first) // 7 + 1  # how many of the weekday the month has
            if -count <= nth <= count and nth != 0:
                days.add(first + 7 * (nth - 1 if nth > 0 else count + nth))
    return sorted(d for d in days if 1 <= d <= length)


def _months(
    months: list[int], dtstart: dt.date, interval: int, lo: dt.date, hi: dt.date, *, yearly: bool
) -> list[tuple[int, int]]:
    """Return (year, month) of every month of the lattice that can hold a date in [lo, hi]."""
    out = []
    if yearly:
        year = dtstart.year + max(0, (lo.year - dtstart.year) // interval) * interval
        while year <= hi.year:
            out += [(year, month) for month in sorted(set(months))]
            year += interval
        return out
    first = dtstart.year * 12 + dtstart.month - 1
    low = lo.year * 12 + lo.month - 1
    index = first + max(0, (low - first) // interval) * interval
    while index <= hi.year * 12 + hi.month - 1:
        out.append((index // 12, index % 12 + 1))
        index += interval
    return out


def _dates_in(
    months: list[tuple[int, int]],
    byday: list[tuple[int | None, int]] | None,
    bymonthday: list[int],
    lo: dt.date,
    hi: dt.date,
) -> tuple[int, ...]:
    low, high = lo.toordinal(), hi.toordinal()
    out = []
    for year, month in months:
        base = dt.date(year, month, 1).toordinal() - 1
        out += [
            base + d for d in _month_days(year, month, byday, bymonthday) if low <= base + d <= high
        ]
    return tuple(out)


def _monthly(
    byday: list[tuple[int | None, int]] | None,
    *,
    bymonthday: list[int] | None,
    dtstart: dt.date,
    interval: int,
    lo: dt.date,
    hi: dt.date,
) -> tuple[int, ...] | None:
    if byday is not None and bymonthday is not None:
        return None
    if byday is not None and len({nth is None for nth, _ in byday}) > 1:
        # dateutil keeps only the days that match a plain weekday *and* an
        # ordinal one (BYDAY=1MO,TU gives nothing); left to dateutil.
        return None
    if byday is None and bymonthday is None:
        bymonthday = [dtstart.day]
    months = _months([], dtstart, interval, lo, hi, yearly=False)
    return _dates_in(months, byday, bymonthday or [], lo, hi)


def _yearly(
    bymonth: list[int] | None,
    *,
    bymonthday: list[int] | None,
    dtstart: dt.date,
    interval: int,
    lo: dt.date,
    hi: dt.date,
) -> tuple[int, ...] | None:
    if bymonthday is None:
        bymonthday = [dtstart.day]
        if bymonth is None:
            bymonth = [dtstart.month]
    months = _months(bymonth or list(range(1, 13)), dtstart, interval, lo, hi, yearly=True)
    return _dates_in(months, None, bymonthday, lo, hi)
