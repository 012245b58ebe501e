"""What progress returns: figures and statuses per activity, focus area, indicator, promise.

Plain frozen attrs values, built through their constructors. Their texts
come from :mod:`medborgarlofte._compute.status`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._compute.calendar import ReportingInterval, intervals, spans
from medborgarlofte._compute.status import EPS, PartialIntervals, Status, StatusReason
from medborgarlofte._model.followup import Assessment, Verdict
from medborgarlofte._model.indicators import Indicator, Measurement
from medborgarlofte._model.promise import Activity, FocusArea, Promise
from medborgarlofte._model.targets import Interval, Number, TargetKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from medborgarlofte._model.period import Period

__all__ = [
    "ActivityProgress",
    "AssessmentAt",
    "FocusAreaProgress",
    "IndicatorProgress",
    "IntervalData",
    "IntervalPlan",
    "IntervalProgress",
    "PartyProgress",
    "PromiseProgress",
    "StatusCounts",
]


@attrs.frozen(kw_only=True)
class AssessmentAt:
    """A person's assessment of an activity, with the follow-up it was made at (bedömning).

    Attributes:
        follow_up: The id of the follow-up.
        held_on: When the follow-up was held.
        assessment: The assessment as recorded.
    """

    follow_up: str
    held_on: dt.date
    assessment: Assessment

    @property
    def verdict(self) -> Verdict:
        """Return the verdict of the assessment."""
        return self.assessment.verdict


@attrs.frozen(kw_only=True)
class IntervalProgress:
    """Progress of a quota per interval within one interval (läge per intervall).

    Attributes:
        interval: The interval, clipped to the promise period.
        planned: What the interval asks for (pro rata if it is cut short).
        expected: What was expected in it by the date.
        done: What was done in it by the date.
        counted: The part of ``done`` that counts: at most ``planned``.
        ended: Whether the interval is over by the date.
    """

    interval: ReportingInterval
    planned: float
    expected: float
    done: Number
    counted: float
    ended: bool

    @property
    def short(self) -> bool:
        """Return whether the interval is over with less done than it asked for."""
        return self.ended and self.counted + EPS < self.planned


@attrs.frozen(kw_only=True)
class PartyProgress:
    """Where one responsible party stands on an activity it carries out on its own (partens läge).

    An activity that each of its responsible parties carries out
    (:attr:`~medborgarlofte.Responsibility.EACH`, "kommunerna" meaning every
    one of them) is computed once per party, from the reports that name the
    party (as ``party`` or among ``parties``), against the whole target.

    Attributes:
        party: The party's id.
        name: The party's name, or its id when the promise has no such party.
        planned: What is promised in total over the period, for this party.
        expected: What this party should have done by the date.
        done: What this party did by the date.
        counted: The part of ``done`` that counts towards the target.
        completion: ``counted ÷ planned``, from 0 to 1.
        pace: ``done ÷ expected``; ``None`` while nothing is expected.
        status: This party's status.
        reason: Why.
        reports: How many of this party's reports of kind done count by the date.
    """

    party: str
    name: str
    planned: Number | None
    expected: Number | None
    done: Number
    counted: Number
    completion: float | None
    pace: float | None
    status: Status
    reason: StatusReason
    reports: int = 0


@attrs.frozen(kw_only=True)
class ActivityProgress:
    """Where one activity stands at a date (aktivitetens läge).

    Figures that do not apply to the target kind are ``None``: an ongoing
    activity has no planned amount, a period quota no due date.

    Attributes:
        activity: The activity.
        kind: Its target kind.
        unit: What is counted, if anything.
        planned: What is promised in total over the period.
        expected: What should be done by the date.
        done: What was done by the date: the sum of ``amount`` of the reports
            of kind done that count by then.
        counted: The part of ``done`` that counts towards the target: at most
            ``planned``, and for a quota per interval at most each interval's
            amount.
        surplus: Done beyond what counts (over-achievement): ``done − counted``.
        completion: ``counted ÷ planned``, from 0 to 1.
        pace: ``done ÷ expected`` (for a quota per interval ``counted ÷
            expected``); ``None`` while nothing is expected.
        forecast: The total at the end of the period at the current pace.
        status: The computed status.
        reason: Why.
        assessment: The latest assessment at a follow-up held by the date,
            kept beside the computed status and never merged into it (for an
            ongoing activity it is the status's source).
        reports: How many reports of kind done count by the date.
        due: For a milestone, its due date (the period's end if none is given).
        met_on: For a milestone, the day the first report of it done counts from.
        late: For a milestone, whether it was done after its due date or is
            not done with the due date passed.
        parties: For an activity each responsible party carries out on its
            own, one result per party in the order of ``responsible``; the
            activity's figures are then their sums and its status the worst
            of theirs (a quota per interval then has no per-interval rows).
            Empty for every other activity, and for ongoing work.
    """

    activity: Activity
    kind: TargetKind
    unit: str | None
    planned: Number | None
    expected: Number | None
    done: Number
    counted: Number
    surplus: Number
    completion: float | None
    pace: float | None
    forecast: float | None
    status: Status
    reason: StatusReason
    assessment: AssessmentAt | None = None
    reports: int = 0
    due: dt.date | None = None
    met_on: dt.date | None = None
    late: bool | None = None
    parties: tuple[PartyProgress, ...] = ()
    # Typed ``object`` so the reference documentation names no private class.
    _interval_data: object = attrs.field(default=None, repr=False, alias="interval_data")

    @property
    def intervals(self) -> tuple[IntervalProgress, ...]:
        """Return the per-interval figures of a quota per interval; empty for other kinds.

        Built when asked for, from what :func:`progress` kept, so a national
        data set does not pay for rows nobody reads.
        """
        data = self._interval_data
        return data.rows() if isinstance(data, IntervalData) else ()

    @property
    def id(self) -> str:
        """Return the activity's id."""
        return self.activity.id

    @property
    def weight(self) -> float:
        """Return the activity's weight in roll-ups."""
        return self.activity.weight

    @property
    def expected_share(self) -> float | None:
        """Return ``expected ÷ planned``: the completion the date calls for."""
        if self.planned is None or self.expected is None or self.planned <= 0:
            return None
        return min(self.expected / self.planned, 1.0)


@attrs.frozen(kw_only=True)
class StatusCounts:
    """How many activities have each status (antal per status).

    >>> c = StatusCounts.of([Status.BEHIND, Status.BEHIND, Status.ACHIEVED])
    >>> c[Status.BEHIND], c.total
    (2, 3)
    """

    counts: tuple[int, ...]

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> StatusCounts:
        """Count *statuses*."""
        seen = list(statuses)
        return cls(counts=tuple(map(seen.count, _STATUSES)))

    def __getitem__(self, status: Status) -> int:
        """Return how many have *status*."""
        return self.counts[_STATUS_INDEX[status]]

    def __iter__(self) -> Iterator[tuple[Status, int]]:
        """Yield each status with its count, in the order of :class:`Status`."""
        return zip(Status, self.counts, strict=True)

    def __add__(self, other: StatusCounts) -> StatusCounts:
        """Return the counts of both."""
        return StatusCounts(
            counts=tuple(a + b for a, b in zip(self.counts, other.counts, strict=True))
        )

    @property
    def total(self) -> int:
        """Return the number counted."""
        return sum(self.counts)


_STATUS_INDEX = {status: i for i, status in enumerate(Status)}
_STATUSES = tuple(Status)


@attrs.frozen(kw_only=True)
class FocusAreaProgress:
    """Where one focus area stands at a date (fokusområdets läge).

    Attributes:
        focus_area: The focus area.
        activities: The progress of each activity serving it.
        completion: The weighted mean completion of those activities (see
            :func:`progress`); ``None`` if none has a completion.
        expected_completion: The weighted mean of what the date calls for.
        counts: Activities per status.
    """

    focus_area: FocusArea
    activities: tuple[ActivityProgress, ...]
    completion: float | None
    expected_completion: float | None
    counts: StatusCounts

    @property
    def id(self) -> str:
        """Return the focus area's id."""
        return self.focus_area.id


@attrs.frozen(kw_only=True)
class IndicatorProgress:
    """Where one indicator stands at a date (indikatorns läge).

    "No data" is kept apart from zero: without a measurement by the date,
    ``latest`` is ``None`` and so is every figure computed from it.

    Attributes:
        indicator: The indicator.
        latest: The latest measurement on or before the date.
        change: ``latest − baseline``, in the indicator's unit.
        improvement: The change signed so that positive is better (the
            change itself for an increasing indicator, its negation for one
            where lower is better).
        share_of_way: ``(latest − baseline) ÷ (target − baseline)``: 0 at the
            baseline, 1 at the target, negative when worse than the baseline.
        trajectory: The value on the straight line from baseline to target at
            the latest measurement's date.
        on_trajectory: Whether the latest value is at least as good as
            ``trajectory``.
        target_reached: Whether the latest value is at least as good as the
            target.
        status: The computed status.
        reason: Why.
    """

    indicator: Indicator
    latest: Measurement | None
    change: float | None
    improvement: float | None
    share_of_way: float | None
    trajectory: float | None
    on_trajectory: bool | None
    target_reached: bool | None
    status: Status
    reason: StatusReason

    @property
    def id(self) -> str:
        """Return the indicator's id."""
        return self.indicator.id

    @property
    def has_data(self) -> bool:
        """Return whether there is a measurement by the date."""
        return self.latest is not None


@attrs.frozen(kw_only=True)
class PromiseProgress:
    """Where a whole promise stands at a date (löftets läge).

    Attributes:
        promise: The promise.
        as_of: The date progress is computed for.
        elapsed: The share of the period that has passed, from 0 to 1.
        completion: The weighted mean completion of all activities.
        expected_completion: The weighted mean of what the date calls for.
        counts: Activities per status.
        activities: Each activity's progress, in the promise's order.
        focus_areas: Each focus area's progress, in the promise's order.
        indicators: Each indicator's progress, in the promise's order.
        reason: Why the promise as a whole cannot be assessed, if it cannot.
        reports_outside_period: How many reports of kind done, linked to an
            activity of the promise, were left out because the day they count
            from lies outside the promise period.
    """

    promise: Promise
    as_of: dt.date
    elapsed: float | None
    completion: float | None
    expected_completion: float | None
    counts: StatusCounts
    activities: tuple[ActivityProgress, ...]
    focus_areas: tuple[FocusAreaProgress, ...]
    indicators: tuple[IndicatorProgress, ...]
    reason: StatusReason | None = None
    reports_outside_period: int = 0

    @property
    def period(self) -> Period | None:
        """Return the promise's period."""
        return self.promise.period

    def activity(self, activity_id: str) -> ActivityProgress:
        """Return the progress of the activity *activity_id*.

        Raises:
            KeyError: If the promise has no such activity.
        """
        for item in self.activities:
            if item.activity.id == activity_id:
                return item
        msg = f"no activity with id {activity_id!r}"
        raise KeyError(msg)

    def focus_area(self, focus_area_id: str) -> FocusAreaProgress:
        """Return the progress of the focus area *focus_area_id*.

        Raises:
            KeyError: If the promise has no such focus area.
        """
        for item in self.focus_areas:
            if item.focus_area.id == focus_area_id:
                return item
        msg = f"no focus area with id {focus_area_id!r}"
        raise KeyError(msg)

    def indicator(self, indicator_id: str) -> IndicatorProgress:
        """Return the progress of the indicator *indicator_id*.

        Raises:
            KeyError: If the promise has no such indicator.
        """
        for item in self.indicators:
            if item.indicator.id == indicator_id:
                return item
        msg = f"no indicator with id {indicator_id!r}"
        raise KeyError(msg)


class IntervalPlan:
    """The intervals of a quota per interval within a period, with what each asks for.

    Kept as day ordinals; the :class:`~medborgarlofte.ReportingInterval` of
    each is built only when the rows are asked for.
    """

    __slots__ = ("cumulative", "firsts", "kind", "lasts", "period", "planned", "starts")

    def __init__(
        self, period: Period, kind: Interval, amount: Number, partial: PartialIntervals
    ) -> None:
        self.period, self.kind = period, kind
        bounds = spans(period, kind)
        pro_rata = partial is PartialIntervals.PRO_RATA
        self.planned = tuple(
            amount * (end - start + 1) / (full_end - full_start + 1)
            if pro_rata and (start, end) != (full_start, full_end)
            else float(amount)
            for full_start, full_end, start, end in bounds
        )
        self.starts = tuple(start for _, _, start, _ in bounds)
        self.firsts = tuple(map(dt.date.fromordinal, self.starts))
        self.lasts = tuple(end for _, _, _, end in bounds)
        self.cumulative = tuple(itertools.accumulate(self.planned, initial=0.0))

    def expected(self, i: int, as_of_ord: int) -> float:
        """Return what interval *i* expects by the end of the day *as_of_ord*."""
        first, last = self.starts[i], self.lasts[i]
        if as_of_ord >= last:
            return self.planned[i]
        if as_of_ord < first:
            return 0.0
        return self.planned[i] * (as_of_ord - first + 1) / (last - first + 1)


@attrs.frozen
class IntervalData:
    """What a quota per interval's rows are built from: the plan, the date, done per interval."""

    plan: IntervalPlan = attrs.field(eq=False)
    as_of_ord: int
    done: tuple[tuple[int, Number], ...]

    def rows(self) -> tuple[IntervalProgress, ...]:
        """Return one row per interval of the plan."""
        plan = self.plan
        done = dict(self.done)
        rows = intervals(plan.period, plan.kind)
        return tuple(
            IntervalProgress(
                interval=interval,
                planned=plan.planned[i],
                expected=plan.expected(i, self.as_of_ord),
                done=done.get(i, 0),
                counted=min(float(done.get(i, 0)), plan.planned[i]),
                ended=self.as_of_ord >= plan.lasts[i],
            )
            for i, interval in enumerate(rows)
        )
