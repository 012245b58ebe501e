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
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from medborgarlofte._recurrence import Recurrence

__all__ = ["count_until", "occurrence_ordinals", "occurrences", "start_free"]

# A rule with one of these parts takes no date from its DTSTART (RFC 5545 §3.3.10;
# dateutil fills BYMONTHDAY, BYMONTH or BYDAY from DTSTART only without all of them).
_DATE_PARTS = frozenset({"BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYEASTER"})
_CALENDAR_FREQS = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})


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
def start_free(rule: str) -> bool:
    """Return whether the rule's dates do not depend on its DTSTART beyond a cut-off.

    True for a rule without COUNT, with an INTERVAL of 1, of a calendar
    frequency, whose dates are fixed by its BY parts (or that is daily): its
    dates from any DTSTART are its dates from an earlier one, less those
    before the later start. Such rules are expanded once per period, however
    many different starts activities give them.

    >>> start_free("FREQ=WEEKLY;BYDAY=MO"), start_free("FREQ=WEEKLY")
    (True, False)
    >>> start_free("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6"), start_free("FREQ=DAILY;INTERVAL=2")
    (False, False)
    """
    body = rule.strip().upper().removeprefix("RRULE:")
    parts = dict(part.split("=", 1) for part in body.split(";") if "=" in part)
    if "COUNT" in parts or parts.get("INTERVAL", "1") != "1":
        return False
    freq = parts.get("FREQ")
    if freq not in _CALENDAR_FREQS:
        return False
    return freq == "DAILY" or not _DATE_PARTS.isdisjoint(parts)


def occurrences(
    recurrence: Recurrence, dtstart: dt.date, start: dt.date, end: dt.date
) -> tuple[tuple[int, ...], int]:
    """Return the ordinals of the rule's dates from *start* to *end*, and where they begin.

    The dates are ``ordinals[offset:]``. For a rule whose dates do not depend
    on its start (:func:`start_free`) and a DTSTART after *start*, the rule is
    expanded from *start* (shared by every such DTSTART) and *offset* skips
    the dates before DTSTART.

    >>> import datetime as dt
    >>> from medborgarlofte import Recurrence
    >>> ordinals, offset = occurrences(Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"),
    ...     dt.date(2024, 1, 10), dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    >>> [dt.date.fromordinal(o).day for o in ordinals[offset:]]
    [15, 22, 29]
    """
    if dtstart > start and start_free(recurrence.rule):
        ordinals = occurrence_ordinals(recurrence, start, start, end)
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
