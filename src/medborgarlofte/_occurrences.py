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

__all__ = ["count_until", "occurrence_ordinals"]


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


def count_until(ordinals: tuple[int, ...], as_of: dt.date) -> int:
    """Return how many of the sorted *ordinals* fall on or before *as_of*.

    >>> import datetime as dt
    >>> days = (dt.date(2024, 1, 1).toordinal(), dt.date(2024, 1, 8).toordinal())
    >>> count_until(days, dt.date(2024, 1, 7)), count_until(days, dt.date(2024, 1, 8))
    (1, 2)
    """
    return bisect.bisect_right(ordinals, as_of.toordinal())
