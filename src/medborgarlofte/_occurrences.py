"""Fast counts of a schedule's occurrences up to a date (förekomster).

Walking a recurrence rule is by far the dearest step of progress: a weekly
rule over two years makes dateutil generate a hundred datetimes. So each
distinct (rule, DTSTART, window) is expanded once, through the typed wrapper
:class:`~medborgarlofte.Recurrence`, into a sorted tuple of day ordinals and
kept; any as-of date is then a binary search in that tuple. Two activities
with the same rule and start share one expansion, and twelve monthly as-of
dates cost twelve bisections, not twelve walks.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medborgarlofte._recurrence import Recurrence

__all__ = ["aligned_start", "count_until", "occurrence_ordinals", "occurrences", "start_free"]

# A rule with one of these parts takes no date from its DTSTART (RFC 5545 §3.3.10;
# dateutil fills BYMONTHDAY, BYMONTH or BYDAY from DTSTART only without all of them).
_DATE_PARTS = frozenset({"BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYEASTER"})
_CALENDAR_FREQS = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@functools.lru_cache(maxsize=32768)
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
    return tuple(day.toordinal() for day in recurrence.dates(start=start, end=end, dtstart=dtstart))


@functools.lru_cache(maxsize=8192)
def _shape(rule: str) -> tuple[str, int, bool, int] | None:
    """Return (FREQ, INTERVAL, whether BY parts fix the days, WKST) for a rule without COUNT.

    ``None`` also for a weekly rule with BYSETPOS: dateutil counts positions
    in DTSTART's week from DTSTART on, so its first week depends on DTSTART.
    """
    body = rule.strip().upper().removeprefix("RRULE:")
    parts = dict(part.split("=", 1) for part in body.split(";") if "=" in part)
    freq = parts.get("FREQ", "")
    interval = parts.get("INTERVAL", "1")
    week_start = parts.get("WKST", "MO")
    if (
        "COUNT" in parts
        or (freq == "WEEKLY" and "BYSETPOS" in parts)
        or freq not in _CALENDAR_FREQS
        or not interval.isdigit()
        or week_start not in _WEEKDAYS
    ):
        return None
    return freq, int(interval), not _DATE_PARTS.isdisjoint(parts), _WEEKDAYS.index(week_start)


def start_free(rule: str) -> bool:
    """Return whether the rule's dates do not depend on its DTSTART beyond a cut-off.

    True for a rule without COUNT, with an INTERVAL of 1, of a calendar
    frequency, whose dates are fixed by its BY parts (or that is daily): its
    dates from any DTSTART are its dates from an earlier one, less those
    before the later start.

    >>> start_free("FREQ=WEEKLY;BYDAY=MO"), start_free("FREQ=WEEKLY")
    (True, False)
    >>> start_free("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6"), start_free("FREQ=DAILY;INTERVAL=2")
    (False, False)
    """
    shape = _shape(rule)
    return shape is not None and shape[1] == 1 and (shape[2] or shape[0] == "DAILY")


def aligned_start(rule: str, dtstart: dt.date, start: dt.date) -> dt.date | None:
    """Return a DTSTART no later than *dtstart* that gives the same dates from *dtstart* on.

    Many activities start the same rule on different days. Without COUNT, a
    rule's dates form a lattice: every INTERVAL-th day, week, month or year
    counted from DTSTART's, filtered by the BY parts. Moving DTSTART back by
    whole steps of the lattice adds dates only before the old DTSTART, so the
    rule can be expanded once per *phase* (the step DTSTART falls in, counted
    from *start* modulo INTERVAL) and cut at each activity's own DTSTART.
    ``None`` when that does not hold: COUNT, a frequency finer than a day, or
    a monthly or yearly rule that takes its day of the month from DTSTART.

    >>> import datetime as dt
    >>> aligned_start("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", dt.date(2024, 1, 24), dt.date(2024, 1, 1))
    datetime.date(2024, 1, 8)
    >>> aligned_start("FREQ=MONTHLY", dt.date(2024, 3, 5), dt.date(2024, 1, 1)) is None
    True
    """
    shape = _shape(rule)
    if shape is None or dtstart <= start:
        return None
    freq, interval, fixed, week_start = shape
    if freq == "DAILY" or (freq == "WEEKLY" and not fixed):
        # A lattice of days: every INTERVAL days, or every INTERVAL weeks on DTSTART's weekday.
        step = interval if freq == "DAILY" else 7 * interval
        return start + dt.timedelta(days=(dtstart - start).days % step)
    if not fixed:
        return None
    if freq == "WEEKLY":
        first_week = start - dt.timedelta(days=(start.weekday() - week_start) % 7)
        weeks = (dtstart - first_week).days // 7
        return first_week + dt.timedelta(weeks=weeks % interval)
    if freq == "MONTHLY":
        first = start.year * 12 + start.month - 1
        month = first + (dtstart.year * 12 + dtstart.month - 1 - first) % interval
        return dt.date(month // 12, month % 12 + 1, 1)
    return dt.date(start.year + (dtstart.year - start.year) % interval, 1, 1)


def occurrences(
    recurrence: Recurrence, dtstart: dt.date, start: dt.date, end: dt.date
) -> tuple[tuple[int, ...], int]:
    """Return the ordinals of the rule's dates from *start* to *end*, and where they begin.

    The dates are ``ordinals[offset:]``. When :func:`aligned_start` finds an
    earlier start shared by many activities, the rule is expanded from there
    (once for all of them) and *offset* skips the dates before *dtstart*.

    >>> import datetime as dt
    >>> from medborgarlofte import Recurrence
    >>> ordinals, offset = occurrences(Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"),
    ...     dt.date(2024, 1, 10), dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    >>> [dt.date.fromordinal(o).day for o in ordinals[offset:]]
    [15, 22, 29]
    """
    aligned = aligned_start(recurrence.rule, dtstart, start)
    if aligned is not None:
        ordinals = occurrence_ordinals(recurrence, aligned, start, end)
        return ordinals, bisect.bisect_left(ordinals, dtstart.toordinal())
    return occurrence_ordinals(recurrence, dtstart, start, end), 0


def count_until(ordinals: tuple[int, ...], as_of: dt.date) -> int:
    """Return how many of the sorted *ordinals* fall on or before *as_of*.

    >>> import datetime as dt
    >>> days = (dt.date(2024, 1, 1).toordinal(), dt.date(2024, 1, 8).toordinal())
    >>> count_until(days, dt.date(2024, 1, 7)), count_until(days, dt.date(2024, 1, 8))
    (1, 2)
    """
    return bisect.bisect_right(ordinals, as_of.toordinal())
