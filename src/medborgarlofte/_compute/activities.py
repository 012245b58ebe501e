"""Where one activity stands at a date, computed per kind of target (aktivitetens läge).

Each kind of target has its own function: a quota over the period, a quota
per interval, a schedule, a milestone, ongoing work. They share the
classification of a target with a number (:func:`classify`), and read the
activity's reports from its ``ActivityReports`` (see
:mod:`medborgarlofte._compute.grouping`). What is worth keeping between
as-of dates (a schedule's dates, an interval plan) comes from an :class:`Expansions`, which
the caller owns; see :mod:`medborgarlofte._compute.tracker`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

import attrs

from medborgarlofte._compute.occurrences import occurrence_ordinals
from medborgarlofte._compute.results import (
    ActivityProgress,
    IntervalData,
    IntervalPlan,
    PartyProgress,
)
from medborgarlofte._compute.status import (
    EPS,
    PartialIntervals,
    ProgressRules,
    Status,
    StatusReason,
    StatusRule,
)
from medborgarlofte._model.followup import Verdict
from medborgarlofte._model.targets import (
    Bound,
    IntervalQuota,
    Milestone,
    Ongoing,
    PeriodQuota,
    Schedule,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from medborgarlofte._compute.grouping import ActivityReports
    from medborgarlofte._compute.results import AssessmentAt
    from medborgarlofte._model.period import Period
    from medborgarlofte._model.promise import Activity
    from medborgarlofte._model.recurrence import Recurrence
    from medborgarlofte._model.targets import Interval, Number

__all__ = [
    "Expansions",
    "activity_progress",
    "unassessable",
]


# --------------------------------------------------------------------------- kept work


class Expansions:
    """A schedule's dates and an interval quota's plan, worked out once per owner.

    Whoever holds this object keeps what it has worked out, and nothing else
    does: a :class:`~medborgarlofte.ProgressTracker` holds one for its
    promises, and a plain :func:`~medborgarlofte.progress` call drops its own
    when it returns. Activities with the same rule, start and period share one
    expansion.
    """

    __slots__ = ("_plans", "_schedules")

    def __init__(self) -> None:
        self._schedules: dict[tuple[str, dt.date, dt.date, dt.date], tuple[int, ...]] = {}
        self._plans: dict[
            tuple[dt.date, dt.date, Interval, Number, PartialIntervals], IntervalPlan
        ] = {}

    def schedule(self, recurrence: Recurrence, dtstart: dt.date, period: Period) -> tuple[int, ...]:
        """Return the ordinals of the rule's dates inside *period*, counted from *dtstart*."""
        key = (recurrence.rule, dtstart, period.start, period.end)
        found = self._schedules.get(key)
        if found is None:
            found = occurrence_ordinals(recurrence, dtstart, period.start, period.end)
            self._schedules[key] = found
        return found

    def plan(
        self, period: Period, per: Interval, amount: Number, partial: PartialIntervals
    ) -> IntervalPlan:
        """Return the intervals of *per* within *period* with the amount each asks for."""
        key = (period.start, period.end, per, amount, partial)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = IntervalPlan(period, per, amount, partial)
        return found


# --------------------------------------------------------------------------- per activity


def unit_of(activity: Activity) -> str | None:
    """Return what the activity's target counts, if anything."""
    target = activity.target
    if isinstance(target, PeriodQuota | IntervalQuota | Schedule):
        return target.unit
    return None


def unassessable(
    activity: Activity, reason: StatusReason, assessment: AssessmentAt | None
) -> ActivityProgress:
    """Return the progress of an activity that cannot be assessed, for *reason*."""
    return ActivityProgress(
        activity=activity,
        kind=activity.target.kind,
        unit=unit_of(activity),
        planned=None,
        expected=None,
        done=0,
        counted=0,
        surplus=0,
        completion=None,
        pace=None,
        forecast=None,
        status=Status.NOT_ASSESSABLE,
        reason=reason,
        assessment=assessment,
    )


class _At(NamedTuple):
    """What every kind of target is computed from, besides the target itself."""

    activity: Activity
    period: Period
    as_of: dt.date
    elapsed: float
    rules: ProgressRules
    reports: ActivityReports
    counting: int
    """How many of the activity's reports count by the as-of date."""


def activity_progress(
    activity: Activity,
    *,
    period: Period,
    as_of: dt.date,
    elapsed: float,
    rules: ProgressRules,
    reports: ActivityReports,
    assessment: AssessmentAt | None,
    expansions: Expansions,
    parties: Sequence[tuple[str, str, ActivityReports]] = (),
    same_as_resolved: bool = True,
) -> ActivityProgress:
    """Return where *activity* stands at the end of *as_of*.

    Args:
        activity: The activity.
        period: The promise period.
        as_of: The date.
        elapsed: The share of *period* passed by *as_of*.
        rules: The thresholds.
        reports: The activity's done reports that count.
        assessment: The latest assessment of the activity by *as_of*.
        expansions: Where schedules and interval plans are worked out and kept.
        parties: For an activity each responsible party carries out on its
            own: each party's id, name and reports, in order.
        same_as_resolved: Whether a quota that repeats another activity's
            amount could be resolved (see :func:`unresolved_same_as`).
    """
    at = _At(
        activity, period, as_of, elapsed, rules, reports, bisect.bisect_right(reports.days, as_of)
    )
    target = activity.target
    if isinstance(target, Ongoing) and target.amount_unstated:
        reason = StatusReason(rule=StatusRule.AMOUNT_UNSTATED, unit=target.unit)
        result = _not_assessable(at, reason)
    elif not same_as_resolved and isinstance(target, PeriodQuota | IntervalQuota):
        reason = StatusReason(rule=StatusRule.SAME_AS_UNRESOLVED, same_as=target.same_as)
        result = _not_assessable(at, reason)
    elif parties and not isinstance(target, Ongoing):
        result = _each(at, parties, expansions)
    else:
        result = _by_kind(at, assessment, expansions)
    cancelled = activity.cancelled
    if cancelled is not None and (cancelled.date is None or cancelled.date <= as_of):
        result = attrs.evolve(
            result,
            status=Status.CANCELLED,
            reason=StatusReason(rule=StatusRule.CANCELLED, date=cancelled.date),
        )
    if assessment is not None:
        result = attrs.evolve(result, assessment=assessment)
    return result


def _by_kind(at: _At, assessment: AssessmentAt | None, expansions: Expansions) -> ActivityProgress:
    """Return the progress of the activity of *at* by the kind of its target."""
    target = at.activity.target
    if isinstance(target, PeriodQuota):
        return _period_quota(at, target)
    if isinstance(target, IntervalQuota):
        return _interval_quota(at, target, expansions)
    if isinstance(target, Schedule):
        return _schedule(at, target, expansions)
    if isinstance(target, Milestone):
        return _milestone(at, target)
    return _ongoing(at, target, assessment)


def _not_assessable(at: _At, reason: StatusReason) -> ActivityProgress:
    """Return the progress of an activity with nothing to count against, its reports summed."""
    done = at.reports.totals[at.counting]
    return attrs.evolve(
        unassessable(at.activity, reason, None), done=done, counted=done, reports=at.counting
    )


def _sum(values: Sequence[Number | None]) -> Number | None:
    """Return the sum of *values*, or ``None`` if any of them is ``None``."""
    total: Number = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _each(
    at: _At,
    parties: Sequence[tuple[str, str, ActivityReports]],
    expansions: Expansions,
) -> ActivityProgress:
    """Return the progress of an activity each responsible party carries out on its own.

    Each party is computed from its own reports against the whole target;
    the activity's figures are the sums of theirs, its status the worst of
    theirs (the lowest rank, the first of equals) with the reason naming that
    party. A party's figures count its reports done together with others in
    full.
    """
    activity, period, as_of, elapsed, rules = at.activity, at.period, at.as_of, at.elapsed, at.rules
    rows: list[ActivityProgress] = []
    results: list[PartyProgress] = []
    worst, worst_rank = -1, 6
    for party, name, reports in parties:
        counting = bisect.bisect_right(reports.days, as_of)
        row = _by_kind(
            _At(activity, period, as_of, elapsed, rules, reports, counting), None, expansions
        )
        rank = row.status.rank
        if rank is not None and rank < worst_rank:
            worst, worst_rank = len(rows), rank
        rows.append(row)
        results.append(
            PartyProgress(
                party=party,
                name=name,
                planned=row.planned,
                expected=row.expected,
                done=row.done,
                counted=row.counted,
                completion=row.completion,
                pace=row.pace,
                status=row.status,
                reason=row.reason,
                reports=row.reports,
            )
        )
    if worst < 0:  # nothing to assess for any party: as for the whole
        return attrs.evolve(_by_kind(at, None, expansions), parties=tuple(results))
    target = activity.target
    first = rows[0]
    planned = _sum([row.planned for row in rows])
    expected = _sum([row.expected for row in rows])
    done: Number = 0
    counted: Number = 0
    surplus: Number = 0
    for row in rows:
        done += row.done
        counted += row.counted
        surplus += row.surplus
    forecast = _sum([row.forecast for row in rows])
    paced = counted if isinstance(target, IntervalQuota) else done
    behind = rows[worst].reason
    return ActivityProgress(
        activity=activity,
        kind=target.kind,
        unit=first.unit,
        planned=planned,
        expected=expected,
        done=done,
        counted=counted,
        surplus=surplus,
        completion=min(counted / planned, 1.0) if planned else None,
        pace=paced / expected if expected else None,
        forecast=forecast,
        status=rows[worst].status,
        reason=StatusReason(
            rule=behind.rule,
            done=behind.done,
            expected=behind.expected,
            planned=behind.planned,
            pace=behind.pace,
            threshold=behind.threshold,
            unit=behind.unit,
            date=behind.date,
            due=behind.due,
            party=results[worst].name,
            unit_forms=behind.unit_forms,
        ),
        reports=at.counting,
        due=first.due,
        met_on=_sum_dates([row.met_on for row in rows]),
        late=None if first.late is None else any(row.late for row in rows),
        parties=tuple(results),
    )


def _sum_dates(days: Sequence[dt.date | None]) -> dt.date | None:
    """Return the last of *days*, the day all were met; ``None`` if any is not."""
    if not days or None in days:
        return None
    return max(day for day in days if day is not None)


def classify(  # noqa: PLR0917 - by position: runs once per activity and date
    done: Number,
    counted: Number,
    expected: Number,
    planned: Number,
    pace: float | None,
    need: Number,
    period: Period,
    as_of: dt.date,
    rules: ProgressRules,
    unit: str | None,
    *,
    forms: tuple[str, str] | None = None,
) -> tuple[Status, StatusReason]:
    """Classify a quota or a schedule; see the explanation page for the branches.

    *forms* are the singular and plural of *unit* the document states; the
    reason words its amounts with them.
    """
    threshold: Number
    shown = None  # the pace, for the rules that judge by it
    if counted + EPS >= need:
        status, rule, threshold = Status.ACHIEVED, StatusRule.TARGET_REACHED, need
    elif as_of >= period.end:
        status, rule, threshold = Status.MISSED, StatusRule.PERIOD_ENDED_SHORT, need
    elif as_of < period.start and counted == 0:
        return Status.NOT_STARTED, StatusReason(rule=StatusRule.BEFORE_PERIOD, date=period.start)
    elif counted == 0 and expected < rules.min_shortfall:
        status, rule = Status.NOT_STARTED, StatusRule.NOTHING_EXPECTED_YET
        threshold = rules.min_shortfall
    elif pace is not None and counted > expected + EPS and pace + EPS >= rules.on_track_pace:
        # More done than expected: say so by the pace, not by a shortfall of less than one.
        status, rule, threshold = Status.ON_TRACK, StatusRule.PACE_ON_TRACK, rules.on_track_pace
        shown = pace
    elif pace is None or expected - counted < rules.min_shortfall:
        status, rule, threshold = Status.ON_TRACK, StatusRule.WITHIN_SHORTFALL, rules.min_shortfall
        shown = pace
    elif pace + EPS >= rules.on_track_pace:
        status, rule, threshold = Status.ON_TRACK, StatusRule.PACE_ON_TRACK, rules.on_track_pace
        shown = pace
    elif pace + EPS >= rules.at_risk_pace:
        status, rule, threshold = Status.BEHIND, StatusRule.PACE_BEHIND, rules.on_track_pace
        shown = pace
    else:
        status, rule, threshold = Status.AT_RISK, StatusRule.PACE_AT_RISK, rules.at_risk_pace
        shown = pace
    reason = StatusReason(
        rule=rule,
        done=done,
        expected=expected,
        planned=planned,
        pace=shown,
        threshold=threshold,
        unit=unit,
        unit_forms=forms if unit is not None else None,
    )
    return status, reason


def _need(planned: Number, bound: Bound, rules: ProgressRules) -> Number:
    """Return how much must be done to reach *planned* worded with *bound*."""
    if bound is Bound.ABOUT:
        return planned * (1 - rules.about_tolerance)
    return planned


def _numbered(  # noqa: PLR0917 - by position: runs once per activity and date
    at: _At,
    target: PeriodQuota | IntervalQuota | Schedule,
    planned: Number,
    expected: Number,
    done: Number,
    counted: Number,
    paced: Number,
    need: Number,
    interval_data: IntervalData | None = None,
) -> ActivityProgress:
    """Classify a target with a number and build its result.

    *paced* is what the pace is computed from: what was done, or for a quota
    per interval what counts (no interval's surplus makes up for another's
    shortfall). A plan of nothing (a schedule with no occurrence in the
    period) cannot be assessed.
    """
    pace = paced / expected if expected > 0 else None
    unit = target.unit
    completion: float | None
    forecast: float | None
    if planned == 0:
        status, reason = Status.NOT_ASSESSABLE, StatusReason(rule=StatusRule.NO_OCCURRENCES)
        completion = forecast = None
    else:
        status, reason = classify(
            done,
            counted,
            expected,
            planned,
            pace,
            need,
            at.period,
            at.as_of,
            at.rules,
            unit,
            forms=target.unit_forms,
        )
        completion = min(counted / planned, 1.0)
        if at.as_of >= at.period.end:
            forecast = float(done)
        else:
            forecast = done * planned / expected if expected > 0 else None
    return ActivityProgress(
        activity=at.activity,
        kind=target.kind,
        unit=unit,
        planned=planned,
        expected=expected,
        done=done,
        counted=counted,
        surplus=done - counted,
        completion=completion,
        pace=pace,
        forecast=forecast,
        status=status,
        reason=reason,
        reports=at.counting,
        interval_data=interval_data,
    )


def _period_quota(at: _At, target: PeriodQuota) -> ActivityProgress:
    planned = target.amount
    done = at.reports.totals[at.counting]
    need = _need(planned, target.bound, at.rules)
    return _numbered(
        at, target, planned, planned * at.elapsed, done, min(done, planned), done, need
    )


def _per_interval(
    plan: IntervalPlan, reports: ActivityReports, count: int
) -> tuple[tuple[int, Number], ...]:
    """Return (interval, sum of its amounts) for each interval with an amount, in order.

    Only the first *count* reports are summed: those that count by the date.
    """
    per_interval: dict[int, Number] = {}
    for day, amount in zip(reports.days[:count], reports.amounts[:count], strict=True):
        if amount is not None:
            i = bisect.bisect_right(plan.firsts, day) - 1
            per_interval[i] = per_interval.get(i, 0) + amount
    return tuple(sorted(per_interval.items()))


def _interval_quota(at: _At, target: IntervalQuota, expansions: Expansions) -> ActivityProgress:
    plan = expansions.plan(at.period, target.per, target.amount, at.rules.partial_intervals)
    as_of_ord = at.as_of.toordinal()
    in_order = _per_interval(plan, at.reports, at.counting)
    done: Number = 0
    counted = 0.0
    for i, i_done in in_order:
        done += i_done
        counted += min(float(i_done), plan.planned[i])
    ended = bisect.bisect_right(plan.lasts, as_of_ord)
    expected = plan.cumulative[ended]
    if ended < len(plan.starts):
        expected += plan.expected(ended, as_of_ord)
    planned = plan.cumulative[-1]
    need = _need(planned, target.bound, at.rules)
    data = IntervalData(plan, as_of_ord, in_order)
    return _numbered(at, target, planned, expected, done, counted, counted, need, data)


def _schedule(at: _At, target: Schedule, expansions: Expansions) -> ActivityProgress:
    ordinals = expansions.schedule(target.recurrence, target.start or at.period.start, at.period)
    planned = len(ordinals)
    done = at.reports.occurrences[at.counting]
    expected = bisect.bisect_right(ordinals, at.as_of.toordinal())
    return _numbered(at, target, planned, expected, done, min(done, planned), done, planned)


def _milestone(at: _At, target: Milestone) -> ActivityProgress:
    period, as_of = at.period, at.as_of
    due = target.due or period.end
    met_on = at.reports.days[0] if at.counting else None
    is_due = as_of >= due
    expected = 1 if is_due else 0
    done = 1 if met_on is not None else 0
    if met_on is not None:
        late = met_on > due
        status = Status.ACHIEVED
        rule = StatusRule.MILESTONE_MET_LATE if late else StatusRule.MILESTONE_MET
    elif as_of >= period.end:
        late, status, rule = True, Status.MISSED, StatusRule.MILESTONE_MISSED
    elif is_due:
        late, status, rule = True, Status.OVERDUE, StatusRule.MILESTONE_OVERDUE
    else:
        late, status, rule = False, Status.NOT_STARTED, StatusRule.MILESTONE_NOT_DUE
    if as_of < period.start and met_on is None:
        rule = StatusRule.BEFORE_PERIOD
    return ActivityProgress(
        activity=at.activity,
        kind=target.kind,
        unit=None,
        planned=1,
        expected=expected,
        done=done,
        counted=done,
        surplus=0,
        completion=float(done),
        pace=done / expected if expected else None,
        forecast=None,
        status=status,
        reason=StatusReason(rule=rule, date=met_on or period.start, due=due),
        reports=at.counting,
        due=due,
        met_on=met_on,
        late=late,
    )


_VERDICT_STATUS = {
    Verdict.DONE: Status.ACHIEVED,
    Verdict.ONGOING: Status.ON_TRACK,
    Verdict.PARTLY_DONE: Status.BEHIND,
    Verdict.NOT_DONE: Status.AT_RISK,
    Verdict.NOT_ASSESSABLE: Status.NOT_ASSESSABLE,
}


def _ongoing(at: _At, target: Ongoing, assessment: AssessmentAt | None) -> ActivityProgress:
    period, as_of = at.period, at.as_of
    if assessment is not None:
        status = _VERDICT_STATUS[assessment.verdict]
        if status is Status.AT_RISK and as_of >= period.end:
            status = Status.MISSED
        reason = StatusReason(
            rule=StatusRule.ASSESSMENT, date=assessment.held_on, verdict=assessment.verdict
        )
    elif as_of < period.start:
        status = Status.NOT_STARTED
        reason = StatusReason(rule=StatusRule.BEFORE_PERIOD, date=period.start)
    else:
        status, reason = Status.NOT_ASSESSABLE, StatusReason(rule=StatusRule.NO_ASSESSMENT)
    done = at.reports.totals[at.counting]
    return ActivityProgress(
        activity=at.activity,
        kind=target.kind,
        unit=None,
        planned=None,
        expected=None,
        done=done,
        counted=done,
        surplus=0,
        completion=None,
        pace=None,
        forecast=None,
        status=status,
        reason=reason,
        reports=at.counting,
    )
