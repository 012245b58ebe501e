"""Progress by any date: expected against done, a status and its reason (uppföljning av läget).

:func:`progress` answers "where do we stand on our promise today, and why?".
It is pure: the same promise, date and rules always give the same result, and
nothing reads the clock. Every figure is computed from the promise alone, as
described, with worked numbers, in the explanation page *How progress is
computed*. The work is done by :class:`ProgressTracker`, the one path.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - the doctest below uses it
from typing import TYPE_CHECKING

from medborgarlofte._compute.tracker import ProgressTracker

if TYPE_CHECKING:
    from medborgarlofte._compute.results import PromiseProgress
    from medborgarlofte._compute.status import ProgressRules
    from medborgarlofte._model.promise import Promise

__all__ = ["progress"]


def progress(
    promise: Promise, *, as_of: dt.date, rules: ProgressRules | None = None
) -> PromiseProgress:
    """Return where *promise* stands at the end of *as_of* (läget vid ett datum).

    Pure: nothing reads the clock; the same arguments give an equal result,
    and nothing worked out for the call is kept after it returns. To ask about
    the same promises at many dates, keep a :class:`ProgressTracker` instead:
    it answers exactly as this function does and saves the work between dates.

    A report counts once the day it is about has passed: its ``date``, or,
    for a report covering a span, the span's last day (never pro rata within
    the span). A report with neither counts from the last day of the promise
    period. Only reports of kind done whose day lies inside the promise period
    count, and only those linked to an activity the promise has
    (``link`` :attr:`~medborgarlofte.ReportLink.ACTIVITY`); planned and
    not-done reports, unrestated and unpromised work count for nothing.

    An activity each responsible party carries out on its own
    (:attr:`~medborgarlofte.Responsibility.EACH`) is computed per party,
    from the reports naming it: ``ActivityProgress.parties`` holds a
    :class:`~medborgarlofte.PartyProgress` each, the activity's figures are
    their sums and its status the worst of theirs. An amount the source does
    not state (``Ongoing(amount_unstated=True)``, or a quota ``same_as`` an
    activity whose amount cannot be established) is not assessable.

    Roll-ups: the completion of a focus area or the promise is the weighted
    mean ``Σ wᵢ·completionᵢ ÷ Σ wᵢ`` over its activities that have a
    completion and are not cancelled, with ``wᵢ`` the activity's weight.

    Args:
        promise: The promise (medborgarlöfte).
        as_of: The date to compute progress for; its whole day counts as passed.
        rules: The thresholds; :class:`ProgressRules` defaults if not given.

    Returns:
        The progress of every activity, focus area and indicator, and of the
        promise as a whole.

    Raises:
        InvalidValueError: Never for a valid promise; only through
            :class:`ProgressRules` when building rules.

    >>> from medborgarlofte import Activity, Period, PeriodQuota, Promise, Report
    >>> p = Promise(id="x", title="X", period=Period.year(2024), activities=(
    ...     Activity(id="a", title="Trafikkontroller",
    ...              target=PeriodQuota(amount=12, unit="kontroller")),),
    ...     reports=(Report(activity="a", date=dt.date(2024, 3, 1), amount=2),))
    >>> a = progress(p, as_of=dt.date(2024, 6, 30)).activity("a")
    >>> round(a.expected, 2), a.done, a.status.label("en")
    (5.97, 2, 'at risk')
    """
    return ProgressTracker(promise).progress(as_of, rules=rules)
