"""Progress of promises at many dates, with the work worth keeping held by the caller.

:class:`ProgressTracker` is the one way progress is computed: a plain
:func:`~medborgarlofte.progress` call builds a tracker, asks it once and
drops it. A tracker keeps, for as long as the caller keeps it, each
promise's reports grouped by activity and each schedule's dates and interval
plan; nothing is kept anywhere else, so a promise and everything worked out
for it go away with the last object that holds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from medborgarlofte._compute.activities import Expansions, activity_progress, unassessable
from medborgarlofte._compute.grouping import (
    NO_REPORTS,
    ActivityReports,
    GroupedReports,
    group_reports,
    unresolved_same_as,
)
from medborgarlofte._compute.indicators import indicator_progress
from medborgarlofte._compute.results import (
    ActivityProgress,
    AssessmentAt,
    FocusAreaProgress,
    PromiseProgress,
    StatusCounts,
)
from medborgarlofte._compute.status import ProgressRules, Status, StatusReason, StatusRule
from medborgarlofte._model.promise import Promise, Responsibility

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["ProgressTracker"]

_Result = TypeVar("_Result", PromiseProgress, tuple[PromiseProgress, ...])

_DEFAULT_RULES = ProgressRules()
"""The default thresholds: frozen, so one object serves every call."""

_Parties = tuple[tuple[str, str, ActivityReports], ...]
"""Each responsible party's id, name and reports, for an activity each carries out."""

_Grouped = tuple[GroupedReports, frozenset[str], dict[str, _Parties]]
"""A promise's done reports grouped, its unresolved "same as" quotas, its "each" parties."""


def _each_parties(promise: Promise, reports: GroupedReports) -> dict[str, _Parties]:
    """Return, per activity each responsible party carries out, its parties and their reports."""
    each = Responsibility.EACH
    names = {party.id: party.name for party in promise.parties}
    by_party = reports.by_party
    return {
        activity.id: tuple(
            (party, names.get(party, party), by_party.get((activity.id, party), NO_REPORTS))
            for party in activity.responsible
        )
        for activity in promise.activities
        if activity.responsibility is each and activity.responsible
    }


class ProgressTracker(Generic[_Result]):
    """Follows one promise, or many, over time (uppföljning över tid).

    Made from a promise, :meth:`progress` returns its
    :class:`~medborgarlofte.PromiseProgress`; made from a sequence of
    promises, a tuple of them in the same order. Every answer equals what
    :func:`~medborgarlofte.progress` gives for the same promise, date and
    rules; the tracker only saves work between dates. It keeps each
    promise's reports grouped by activity (on the first question) and each
    schedule's dates and interval plan, and all of that goes away with the
    tracker: make one for as long as you ask, and drop it.

    Several threads may ask one tracker at once; at worst two of them work
    out the same thing once each.

    >>> import datetime as dt
    >>> from medborgarlofte import Activity, Period, PeriodQuota, Promise
    >>> p = Promise(id="x", title="X", period=Period.year(2024), activities=(
    ...     Activity(id="a", title="Trafikkontroller",
    ...              target=PeriodQuota(amount=12, unit="kontroller")),))
    >>> tracker = ProgressTracker(p)
    >>> [tracker.progress(dt.date(2024, m, 28)).activity("a").status.label("en")
    ...  for m in (1, 6)]
    ['not started', 'at risk']

    Args:
        promises: A promise (medborgarlöfte), or several.

    Raises:
        TypeError: If *promises* is neither a promise nor an iterable of
            promises.
    """

    __slots__ = ("_expansions", "_grouped", "_promises", "_single")

    @overload
    def __init__(self: ProgressTracker[PromiseProgress], promises: Promise) -> None: ...

    @overload
    def __init__(
        self: ProgressTracker[tuple[PromiseProgress, ...]], promises: Iterable[Promise]
    ) -> None: ...

    def __init__(self, promises: Promise | Iterable[Promise]) -> None:
        self._single = isinstance(promises, Promise)
        if isinstance(promises, Promise):
            self._promises: tuple[Promise, ...] = (promises,)
        elif isinstance(promises, Iterable):
            self._promises = tuple(promises)
        else:
            kind = type(promises).__name__
            msg = f"a ProgressTracker follows a Promise or promises, not {kind}"
            raise TypeError(msg)
        for promise in self._promises:
            if not isinstance(promise, Promise):
                msg = f"a ProgressTracker follows promises, not {type(promise).__name__}"
                raise TypeError(msg)
        self._grouped: list[_Grouped | None] = [None] * len(self._promises)
        self._expansions = Expansions()

    @property
    def promises(self) -> tuple[Promise, ...]:
        """Return the promises followed, in order."""
        return self._promises

    @overload
    def progress(
        self: ProgressTracker[PromiseProgress],
        as_of: dt.date,
        *,
        rules: ProgressRules | None = None,
    ) -> PromiseProgress: ...

    @overload
    def progress(
        self: ProgressTracker[tuple[PromiseProgress, ...]],
        as_of: dt.date,
        *,
        rules: ProgressRules | None = None,
    ) -> tuple[PromiseProgress, ...]: ...

    def progress(
        self, as_of: dt.date, *, rules: ProgressRules | None = None
    ) -> PromiseProgress | tuple[PromiseProgress, ...]:
        """Return where the promise (or each promise) stands at the end of *as_of*.

        Args:
            as_of: The date to compute progress for; its whole day counts as passed.
            rules: The thresholds; :class:`~medborgarlofte.ProgressRules`
                defaults if not given.

        Returns:
            A :class:`~medborgarlofte.PromiseProgress` for a tracker made from
            one promise; for one made from several, a tuple of them in order.

        Raises:
            InvalidValueError: Never for valid promises; see
                :func:`~medborgarlofte.progress`.
        """
        chosen = rules or _DEFAULT_RULES
        results = tuple(self._one(i, as_of, chosen) for i in range(len(self._promises)))
        return results[0] if self._single else results

    def _one(self, i: int, as_of: dt.date, rules: ProgressRules) -> PromiseProgress:
        promise = self._promises[i]
        period = promise.period
        assessments = _latest_assessments(promise, as_of)
        outside = 0
        elapsed = None
        reason = None
        if period is None:
            reason = StatusReason(rule=StatusRule.NO_PERIOD)
            activities = tuple(
                unassessable(activity, reason, assessments.get(activity.id))
                for activity in promise.activities
            )
        else:
            grouped = self._grouped[i]
            if grouped is None:
                reports = group_reports(promise.reports, period, promise.activities)
                grouped = self._grouped[i] = (
                    reports,
                    unresolved_same_as(promise.activities),
                    _each_parties(promise, reports),
                )
            reports, unresolved, each = grouped
            index, outside = reports.index, reports.outside
            elapsed = period.elapsed_fraction(as_of)
            activities = tuple(
                activity_progress(
                    activity,
                    period=period,
                    as_of=as_of,
                    elapsed=elapsed,
                    rules=rules,
                    reports=index.get(activity.id, NO_REPORTS),
                    assessment=assessments.get(activity.id) if assessments else None,
                    expansions=self._expansions,
                    parties=each.get(activity.id, ()) if each else (),
                    same_as_resolved=not unresolved or activity.id not in unresolved,
                )
                for activity in promise.activities
            )
        focus_areas, (completion, expected_completion) = _rollups(promise, activities)
        return PromiseProgress(
            promise=promise,
            as_of=as_of,
            elapsed=elapsed,
            completion=completion,
            expected_completion=expected_completion,
            counts=StatusCounts.of(item.status for item in activities),
            activities=activities,
            focus_areas=focus_areas,
            indicators=tuple(
                indicator_progress(indicator, as_of=as_of, period=period)
                for indicator in promise.indicators
            ),
            reason=reason,
            reports_outside_period=outside,
        )


def _latest_assessments(promise: Promise, as_of: dt.date) -> dict[str, AssessmentAt]:
    """Return, per activity, the latest assessment at a follow-up held by *as_of*."""
    out: dict[str, AssessmentAt] = {}
    for follow_up in promise.follow_ups:
        if follow_up.held_on > as_of:
            continue
        for assessment in follow_up.assessments:
            known = out.get(assessment.activity)
            if known is None or known.held_on <= follow_up.held_on:
                out[assessment.activity] = AssessmentAt(
                    follow_up=follow_up.id, held_on=follow_up.held_on, assessment=assessment
                )
    return out


class _Sums:
    """Running sums for the weighted means of one focus area, or of the promise."""

    __slots__ = ("done", "expected", "items", "total")

    def __init__(self) -> None:
        self.total = self.done = self.expected = 0.0
        self.items: list[ActivityProgress] = []

    def add(self, weight: float, done: float, expected: float) -> None:
        """Add one activity's weight and weighted shares."""
        self.total += weight
        self.done += done
        self.expected += expected

    def means(self) -> tuple[float | None, float | None]:
        """Return the weighted mean completion and expected share; ``None`` for no weight."""
        if self.total <= 0:
            return None, None
        return self.done / self.total, self.expected / self.total


def _rollups(
    promise: Promise, activities: tuple[ActivityProgress, ...]
) -> tuple[tuple[FocusAreaProgress, ...], tuple[float | None, float | None]]:
    """Return each focus area's progress and the promise's weighted means, in one pass.

    ``Σ wᵢ·completionᵢ ÷ Σ wᵢ`` over the activities with a completion that are
    not cancelled, and the same mean of ``min(expectedᵢ ÷ plannedᵢ, 1)`` (0
    where that is not a number). An activity that names a focus area twice
    counts once in it.
    """
    areas = {area.id: _Sums() for area in promise.focus_areas}
    whole = _Sums()
    for item in activities:
        completion = item.completion
        counts = completion is not None and item.status is not Status.CANCELLED
        if counts:
            weight = item.activity.weight
            planned, expected = item.planned, item.expected
            share = 0.0
            if planned is not None and expected is not None and planned > 0:
                share = min(expected / planned, 1.0)
            weighted, weighted_share = weight * completion, weight * share  # type: ignore[operator] # counts: a number
            whole.add(weight, weighted, weighted_share)
        for area_id in item.activity.focus_areas:
            sums = areas.get(area_id)
            if sums is not None and not (sums.items and sums.items[-1] is item):
                sums.items.append(item)
                if counts:
                    sums.add(weight, weighted, weighted_share)
    focus_areas = []
    for area in promise.focus_areas:
        sums = areas[area.id]
        completion, expected_completion = sums.means()
        focus_areas.append(
            FocusAreaProgress(
                focus_area=area,
                activities=tuple(sums.items),
                completion=completion,
                expected_completion=expected_completion,
                counts=StatusCounts.of(item.status for item in sums.items),
            )
        )
    return tuple(focus_areas), whole.means()
