"""Reports grouped by activity, once per promise (rapporter per aktivitet).

:func:`group_reports` reads a promise's reports in one pass and keeps, per
activity, the done reports that count towards progress (``link``
``activity``, an activity of the promise), sorted by day, with running
totals, so the reports that count by any date are found by one binary
search (:class:`ActivityReports`); for an activity that each responsible
party carries out on its own, the same per party.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from medborgarlofte._model.promise import Responsibility
from medborgarlofte._model.reports import ReportKind, ReportLink
from medborgarlofte._model.targets import IntervalQuota, PeriodQuota

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from medborgarlofte._model.period import Period
    from medborgarlofte._model.promise import Activity
    from medborgarlofte._model.reports import Report
    from medborgarlofte._model.targets import Number

__all__ = [
    "NO_REPORTS",
    "ActivityReports",
    "GroupedReports",
    "group_reports",
    "unresolved_same_as",
]


class ActivityReports:
    """An activity's done reports inside the period, sorted by the day they count from.

    ``totals[k]`` is the sum of the first *k* amounts (a missing amount as 0)
    and ``occurrences[k]`` the same with a missing amount as 1, so the sum by
    any date is one binary search in ``days``.
    """

    __slots__ = ("amounts", "days", "occurrences", "totals")

    def __init__(self, days: Sequence[dt.date], amounts: Sequence[Number | None]) -> None:
        self.days = tuple(days)
        self.amounts = tuple(amounts)
        if None in self.amounts:  # work reported done without a number
            self.totals: tuple[Number, ...] = tuple(
                itertools.accumulate((0 if a is None else a for a in amounts), initial=0)
            )
            self.occurrences: tuple[Number, ...] = tuple(
                itertools.accumulate((1 if a is None else a for a in amounts), initial=0)
            )
        else:
            self.totals = self.occurrences = tuple(
                itertools.accumulate(self.amounts, initial=0)  # type: ignore[arg-type] # no None
            )


NO_REPORTS = ActivityReports([], [])
"""The reports of an activity nobody has reported on."""


class GroupedReports:
    """A promise's done reports that count, per activity and, where it matters, per party.

    ``index`` holds each activity's reports; ``by_party`` holds, for an
    activity each responsible party carries out on its own, the reports of
    each of those parties, keyed by ``(activity id, party id)``; ``outside``
    says how many reports were left out because their day lies outside the
    period.
    """

    __slots__ = ("by_party", "index", "outside")

    def __init__(
        self,
        index: dict[str, ActivityReports],
        by_party: dict[tuple[str, str], ActivityReports],
        outside: int,
    ) -> None:
        self.index = index
        self.by_party = by_party
        self.outside = outside


_Columns = tuple[list["dt.date"], list["Number | None"]]
"""The days and amounts of a group of reports, in the order they were read."""


def _in_order(days: list[dt.date], amounts: list[Number | None]) -> ActivityReports:
    """Return the reports sorted by day; equal days keep their order."""
    if days != sorted(days):
        order = sorted(range(len(days)), key=days.__getitem__)  # stable: equal days keep order
        days = [days[i] for i in order]
        amounts = [amounts[i] for i in order]
    return ActivityReports(days, amounts)


def _parties_of(report: Report, responsible: tuple[str, ...]) -> list[str]:
    """Return the responsible parties a report names, as ``party`` or among ``parties``."""
    named = (report.party, *report.parties)
    return [party for party in responsible if party in named]


def group_reports(  # noqa: C901, PLR0912 - one pass over every report, kept inline for speed
    reports: Sequence[Report], period: Period, activities: Sequence[Activity]
) -> GroupedReports:
    """Group the done reports that count by activity, sorted by the day they count from.

    A report counts from its ``date``, or from the last day of its span, or,
    with neither, from the last day of *period*; it counts only if that day
    lies inside *period*. Only reports linked to an activity of *activities*
    count (``link`` :attr:`~medborgarlofte.ReportLink.ACTIVITY`): work that
    was never promised, promised work the document does not restate and
    reports naming an activity that does not exist are left out. Equal days
    keep the reports' order. For an activity each of its responsible parties
    carries out, the reports are also grouped per party they name.

    Returns:
        The reports per activity id (and per party), and how many done
        reports of an activity were left out because their day lies outside
        *period*.
    """
    first, last = period.start, period.end
    done = ReportKind.DONE  # read once: an enum member read through its class is slow
    linked = ReportLink.ACTIVITY
    each = Responsibility.EACH
    known: dict[str, tuple[str, ...]] = {
        a.id: a.responsible if a.responsibility is each else () for a in activities
    }
    grouped: dict[str, _Columns] = {}
    per_party: dict[tuple[str, str], _Columns] = {}
    outside = 0
    current = None  # reports mostly come activity by activity: look the columns up per run
    columns: _Columns | None = None
    responsible: tuple[str, ...] | None = ()
    shared: dict[str | None, _Columns] = {}  # each responsible party's columns, for "each"
    for report in reports:
        activity = report.activity
        if report.kind is not done or activity is None or report.link is not linked:
            continue
        if activity != current:
            current = activity
            responsible = known.get(activity)
            if responsible is None:
                columns = None
            else:
                columns = grouped.get(activity)
                if columns is None:
                    columns = grouped[activity] = ([], [])
                shared = {
                    party: per_party.setdefault((activity, party), ([], []))
                    for party in responsible
                }
        if columns is None:  # an activity that does not exist
            continue
        day = report.date
        if day is None:
            span = report.period
            day = last if span is None else span.end
        if not first <= day <= last:
            outside += 1
            continue
        amount = report.amount
        columns[0].append(day)
        columns[1].append(amount)
        if shared:
            if report.parties:  # done together: once for each party named
                for party in _parties_of(report, responsible or ()):
                    shared[party][0].append(day)
                    shared[party][1].append(amount)
            else:
                party_columns = shared.get(report.party)
                if party_columns is not None:
                    party_columns[0].append(day)
                    party_columns[1].append(amount)
    index = {activity: _in_order(*columns) for activity, columns in grouped.items()}
    by_party = {key: _in_order(*columns) for key, columns in per_party.items() if columns[0]}
    return GroupedReports(index, by_party, outside)


def unresolved_same_as(activities: Sequence[Activity]) -> frozenset[str]:
    """Return the ids of the quotas whose "same amount as" cannot be resolved.

    A quota that repeats another activity's amount (``same_as``) is resolved
    when, step by step, the activity it names exists, has a quota of the
    same amount and unit, and is itself resolved. A name that leads nowhere,
    to work without a number, to another number or round in a circle leaves
    the amount unknown.
    """
    quotas = {
        a.id: a.target for a in activities if isinstance(a.target, PeriodQuota | IntervalQuota)
    }
    if not any(target.same_as is not None for target in quotas.values()):
        return frozenset()
    unresolved = set()
    for activity_id, target in quotas.items():
        seen = {activity_id}
        here = target
        while here.same_as is not None:
            there = quotas.get(here.same_as)
            if (
                there is None
                or here.same_as in seen
                or (there.amount, there.unit) != (here.amount, here.unit)
            ):
                unresolved.add(activity_id)
                break
            seen.add(here.same_as)
            here = there
    return frozenset(unresolved)
