"""Follow-up as a calendar: occasions, what is held or overdue, and what was missed.

A :class:`~medborgarlofte.FollowUpRule` (uppföljningsregel) expands into
:class:`FollowUpOccasion` values (uppföljningstillfällen): which interval each
one covers, when its report is due, in which forum and who is responsible.
:func:`follow_up_coverage` sets the occasions against the follow-ups a promise
records, at an explicit ``as_of``; :func:`interval_table` sets, for one covered
interval, what each activity was expected to do against what was reported.

How a rule expands:

- Interval cadences (month, quarter, tertial, half-year, year) give one
  occasion per calendar interval, clipped to the promise period.
- ``end_of_period`` gives one occasion covering the whole period.
- ``schedule`` gives one occasion per meeting date of the rule's recurrence
  inside the period (DTSTART is the period's start). A meeting covers the days
  since the previous meeting, up to and including its own day; the first
  covers from the period's start. Work after the last meeting in the period is
  covered by no meeting: pair such a rule with an ``end_of_period`` rule.

The due date is the end of the covered interval plus the rule's
``report_due_days``; with ``working_days=True`` a due date on a Saturday,
Sunday or Swedish holiday moves to the next working day.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable  # noqa: TC003 - autodoc resolves public annotations
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._compute.calendar import ReportingInterval, intervals
from medborgarlofte._core import texts
from medborgarlofte._core.problems import Language  # noqa: TC001 - for autodoc, as above
from medborgarlofte._model.followup import Assessment, Cadence, FollowUp, FollowUpRule
from medborgarlofte._model.period import Period
from medborgarlofte._model.promise import Activity, Promise  # noqa: TC001 - for autodoc, as above
from medborgarlofte._model.reports import Report, ReportKind
from medborgarlofte._model.targets import (
    Interval,
    IntervalQuota,
    Milestone,
    Ongoing,
    PeriodQuota,
    Schedule,
    Target,
    TargetKind,
)
from medborgarlofte.exceptions import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CoverageGap",
    "FollowUpCoverage",
    "FollowUpOccasion",
    "IntervalRow",
    "IntervalTable",
    "OccasionState",
    "OccasionStatus",
    "activity_dates",
    "expand_follow_up_rule",
    "follow_up_coverage",
    "follow_up_occasions",
    "interval_table",
    "is_working_day",
    "next_working_day",
    "scheduled_dates",
]

_CADENCE_INTERVAL: dict[Cadence, Interval | None] = {
    Cadence.MONTHLY: Interval.MONTH,
    Cadence.QUARTERLY: Interval.QUARTER,
    Cadence.TERTIAL: Interval.TERTIAL,
    Cadence.HALF_YEARLY: Interval.HALF_YEAR,
    Cadence.YEARLY: Interval.YEAR,
    Cadence.END_OF_PERIOD: None,
}


@attrs.frozen(kw_only=True)
class FollowUpOccasion:
    """One time a promise is due to be followed up under a rule (uppföljningstillfälle).

    Attributes:
        rule: The id of the follow-up rule it comes from.
        cadence: The rule's cadence.
        covers: The days it covers (the promise period clipped).
        interval: The reporting interval it covers; ``None`` for a meeting of
            a ``schedule`` rule, whose span runs from the previous meeting.
        meeting: The meeting day, for a ``schedule`` rule.
        due: The day by which the follow-up is to be reported (senast).
        moved_from: The due date before it was moved to a working day, if it was.
        forum: Where it is held, for example ``"BRÅ"``.
        responsible: The id of the party that convenes or reports.
        focus_areas: The focus areas the rule covers; none means all.
        activities: The activities the rule covers; none means all.
    """

    rule: str
    cadence: Cadence
    covers: Period
    interval: ReportingInterval | None = None
    meeting: dt.date | None = None
    due: dt.date
    moved_from: dt.date | None = None
    forum: str | None = None
    responsible: str | None = None
    focus_areas: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()

    def label(self, lang: Language = "sv") -> str:
        """Return what it covers in words: ``"T1 2024"``, ``"möte 2 april 2024"``."""
        if self.interval is not None:
            return self.interval.label(lang)
        return f"{texts.pick(texts.WORDS['meeting'], lang)} {texts.day(self.covers.end, lang)}"

    @property
    def key(self) -> str:
        """Return a stable key for the occasion within its rule, for example ``tertial-2024-01-01``.

        It names the whole calendar interval (or the meeting day), so it stays the
        same when the promise period is extended and the last piece grows.
        """
        if self.interval is None:
            return f"meeting-{self.covers.end.isoformat()}"
        if self.interval.kind is None:
            return "end-of-period"
        return f"{self.interval.kind.value}-{self.interval.full.start.isoformat()}"


def _holidays() -> Callable[[dt.date], bool]:
    try:
        import holidays  # noqa: PLC0415 - an optional extra, imported when asked for
    except ImportError:
        raise MissingExtraError(extra="holidays", purpose="working-day due dates") from None
    return _swedish_holidays(holidays)


@functools.cache
def _swedish_holidays(module: Any) -> Callable[[dt.date], bool]:  # noqa: ANN401 - the module
    """Return a membership test for Swedish non-working days, built once."""
    # Public holidays plus midsommarafton, julafton and nyårsafton, which are
    # not working days in practice (the package's "de_facto" category).
    calendar = module.country_holidays("SE", categories=("public", "de_facto"))
    contains: Callable[[dt.date], bool] = calendar.__contains__
    return contains


def is_working_day(day: dt.date) -> bool:
    """Return whether *day* is a Swedish working day (arbetsdag).

    Saturdays, Sundays, public holidays (helgdagar) and midsommarafton,
    julafton and nyårsafton are not. Needs the ``holidays`` extra.

    >>> is_working_day(dt.date(2024, 6, 21)), is_working_day(dt.date(2024, 6, 24))
    (False, True)

    Raises:
        MissingExtraError: If the ``holidays`` package is not installed.
    """
    saturday = 5
    return day.weekday() < saturday and not _holidays()(day)


def next_working_day(day: dt.date) -> dt.date:
    """Return *day* if it is a working day, else the next working day.

    >>> next_working_day(dt.date(2023, 12, 23))  # a Saturday before Christmas
    datetime.date(2023, 12, 27)

    Raises:
        MissingExtraError: If the ``holidays`` package is not installed.
    """
    is_holiday = _holidays()
    saturday = 5
    while day.weekday() >= saturday or is_holiday(day):
        day += dt.timedelta(days=1)
    return day


def scheduled_dates(target: Schedule, period: Period) -> tuple[dt.date, ...]:
    """Return the dates of a schedule target inside *period* (schemalagda tillfällen).

    The rule counts from the target's ``start``, or from the period's start.

    >>> from medborgarlofte import Recurrence
    >>> weekly = Schedule(recurrence=Recurrence(rule="FREQ=MONTHLY;BYDAY=1MO"))
    >>> [d.isoformat() for d in scheduled_dates(weekly, Period(
    ...     start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31)))]
    ['2024-01-01', '2024-02-05', '2024-03-04']
    """
    dtstart = target.start or period.start
    return target.recurrence.dates(start=period.start, end=period.end, dtstart=dtstart)


def activity_dates(promise: Promise, activity: Activity) -> tuple[dt.date, ...]:
    """Return the calendar dates of a scheduled activity inside the promise period.

    An activity that is not a schedule, or a promise without a period, has
    none; a dropped activity keeps the dates before it was dropped (none if
    the day it was dropped is unknown).
    """
    target = activity.target
    if not isinstance(target, Schedule) or promise.period is None:
        return ()
    dates = scheduled_dates(target, promise.period)
    if activity.cancelled is not None:
        stop = activity.cancelled.date
        return () if stop is None else tuple(d for d in dates if d < stop)
    return dates


def expand_follow_up_rule(
    rule: FollowUpRule, period: Period, *, working_days: bool = False
) -> tuple[FollowUpOccasion, ...]:
    """Expand one follow-up rule over a promise period into its occasions.

    Args:
        rule: The rule (uppföljningsregel).
        period: The promise period.
        working_days: Move a due date on a weekend or Swedish holiday to the
            next working day (needs the ``holidays`` extra).

    Returns:
        The occasions in time order.

    Raises:
        MissingExtraError: If *working_days* is set and ``holidays`` is not installed.

    >>> from medborgarlofte import Cadence, FollowUpRule
    >>> rule = FollowUpRule(id="bra", cadence=Cadence.TERTIAL, forum="BRÅ", report_due_days=30)
    >>> [(o.label(), o.due.isoformat()) for o in expand_follow_up_rule(rule, Period.year(2023))]
    [('T1 2023', '2023-05-30'), ('T2 2023', '2023-09-30'), ('T3 2023', '2024-01-30')]
    """
    spans: list[tuple[Period, ReportingInterval | None, dt.date | None]] = []
    if rule.cadence is Cadence.SCHEDULE:
        assert rule.recurrence is not None  # noqa: S101 - the rule's validator ensures it
        start = period.start
        for day in rule.recurrence.dates(start=period.start, end=period.end):
            spans.append((Period(start=start, end=day), None, day))
            start = day + dt.timedelta(days=1)
    else:
        spans.extend(
            (ri.period, ri, None) for ri in intervals(period, _CADENCE_INTERVAL[rule.cadence])
        )
    move = next_working_day if working_days else None
    out: list[FollowUpOccasion] = []
    for covers, interval, meeting in spans:
        due = covers.end + dt.timedelta(days=rule.report_due_days)
        moved = move(due) if move is not None else due
        out.append(
            FollowUpOccasion(
                rule=rule.id,
                cadence=rule.cadence,
                covers=covers,
                interval=interval,
                meeting=meeting,
                due=moved,
                moved_from=due if moved != due else None,
                forum=rule.forum,
                responsible=rule.responsible,
                focus_areas=rule.focus_areas,
                activities=rule.activities,
            )
        )
    return tuple(out)


def follow_up_occasions(
    promise: Promise, *, working_days: bool = False
) -> tuple[FollowUpOccasion, ...]:
    """Return every follow-up occasion of a promise, by due date (uppföljningskalender).

    A promise without a known period has none.

    Args:
        promise: The promise.
        working_days: Move due dates on weekends and Swedish holidays to the
            next working day (needs the ``holidays`` extra).

    Returns:
        The occasions of all its rules, ordered by due date, then by rule order.

    Raises:
        MissingExtraError: If *working_days* is set and ``holidays`` is not installed.
    """
    if promise.period is None:
        return ()
    period = promise.period
    found = [
        (occasion.due, index, occasion)
        for index, rule in enumerate(promise.follow_up_rules)
        for occasion in expand_follow_up_rule(rule, period, working_days=working_days)
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(occasion for _due, _index, occasion in found)


class OccasionState(enum.Enum):
    """Where a follow-up occasion stands at a date (läge)."""

    HELD = "held"
    """Genomförd: a recorded follow-up holds it."""
    OVERDUE = "overdue"
    """Försenad: not held, and its due date has passed."""
    DUE_SOON = "due_soon"
    """Snart: not held, due within the look-ahead window (due today included)."""
    UPCOMING = "upcoming"
    """Kommande: not held, due later than the window."""

    def label(self, lang: Language = "sv") -> str:
        """Return the state in words in *lang* (Swedish by default).

        >>> OccasionState.OVERDUE.label(), OccasionState.OVERDUE.label("en")
        ('försenad', 'overdue')
        """
        return texts.pick(texts.OCCASION_STATES[self.value], lang)


@attrs.frozen(kw_only=True)
class OccasionStatus:
    """A follow-up occasion and where it stands at a date (uppföljningsläge).

    Attributes:
        occasion: The occasion.
        state: Held, overdue, due soon or upcoming.
        follow_ups: The recorded follow-ups that hold it, by the day held.
        days_left: Days from ``as_of`` to the due date; negative when past.
    """

    occasion: FollowUpOccasion
    state: OccasionState
    follow_ups: tuple[FollowUp, ...] = ()
    days_left: int

    @property
    def late(self) -> bool:
        """Return whether it was held, but only after its due date."""
        return bool(self.follow_ups) and self.follow_ups[0].held_on > self.occasion.due


@attrs.frozen(kw_only=True)
class CoverageGap:
    """An activity with no report in an interval a held follow-up covered (lucka).

    Attributes:
        activity: The id of the activity.
        occasion: The held occasion whose interval had no report on it.
        follow_up: The id of the follow-up that held the occasion.
        assessment: The follow-up's assessment of the activity, if it made one.
    """

    activity: str
    occasion: FollowUpOccasion
    follow_up: str
    assessment: Assessment | None = None


@attrs.frozen(kw_only=True)
class FollowUpCoverage:
    """Which follow-ups were held, are due or overdue, and what they missed (uppföljningsläge).

    Attributes:
        as_of: The day the coverage is computed for.
        within_days: How many days ahead counts as due soon.
        statuses: Every occasion with its state, by due date.
        gaps: Activities with no report in an interval a held follow-up covered.
        unmatched: Follow-ups held by ``as_of`` that hold no occasion, for
            example one naming an unknown rule.
    """

    as_of: dt.date
    within_days: int
    statuses: tuple[OccasionStatus, ...] = ()
    gaps: tuple[CoverageGap, ...] = ()
    unmatched: tuple[FollowUp, ...] = ()

    def _in(self, state: OccasionState) -> tuple[OccasionStatus, ...]:
        return tuple(s for s in self.statuses if s.state is state)

    @property
    def held(self) -> tuple[OccasionStatus, ...]:
        """Return the occasions that were held."""
        return self._in(OccasionState.HELD)

    @property
    def overdue(self) -> tuple[OccasionStatus, ...]:
        """Return the occasions past their due date and not held."""
        return self._in(OccasionState.OVERDUE)

    @property
    def due_soon(self) -> tuple[OccasionStatus, ...]:
        """Return the occasions due within the window and not held."""
        return self._in(OccasionState.DUE_SOON)

    @property
    def upcoming(self) -> tuple[OccasionStatus, ...]:
        """Return the occasions due after the window and not held."""
        return self._in(OccasionState.UPCOMING)


def _holds(follow_up: FollowUp, occasion: FollowUpOccasion, later: FollowUpOccasion | None) -> bool:
    """Return whether *follow_up* holds *occasion* (see :func:`follow_up_coverage`)."""
    if follow_up.rule is not None and follow_up.rule != occasion.rule:
        return False
    if follow_up.covers is not None:
        return follow_up.covers.covers(occasion.covers)
    # No span recorded: it holds the latest occasion whose interval had ended by then.
    ended = occasion.covers.end <= follow_up.held_on
    return ended and (later is None or later.covers.end > follow_up.held_on)


def _counts_in(report: Report, span: Period) -> bool:
    day = report.day
    return day is not None and span.contains(day)


def _in_scope(activity: Activity, occasion: FollowUpOccasion) -> bool:
    if not occasion.activities and not occasion.focus_areas:
        return True
    return activity.id in occasion.activities or any(
        f in occasion.focus_areas for f in activity.focus_areas
    )


def _finished_before(promise: Promise, activity: Activity, day: dt.date) -> bool:
    """Return whether a one-off task or a dropped activity was over before *day*."""
    cancelled = activity.cancelled
    if cancelled is not None and cancelled.date is not None and cancelled.date < day:
        return True
    if isinstance(activity.target, Milestone):
        return any(
            r.kind is ReportKind.DONE and r.day is not None and r.day < day
            for r in promise.reports_for(activity.id)
        )
    return False


def follow_up_coverage(
    promise: Promise, *, as_of: dt.date, within_days: int = 30, working_days: bool = False
) -> FollowUpCoverage:
    """Set the follow-up occasions of a promise against the follow-ups it records.

    Only follow-ups held on or before *as_of* count. A follow-up holds an
    occasion when:

    - it names the occasion's rule, or names no rule at all; and
    - its ``covers`` span covers the occasion's whole interval, or, when it
      records no span, the occasion is the latest of the rule whose interval
      had ended by the day the follow-up was held.

    An occasion not held is overdue once its due date has passed, due soon
    when due within *within_days* of *as_of* (today included), and upcoming
    otherwise. For each held occasion, every activity in the rule's scope with
    no report on a day inside the covered interval is a gap, where its target
    asked for at least one unit in that interval (or sets no number, as
    ongoing work) and the follow-up made no assessment of it; dropped
    activities and one-off tasks already done before the interval are left
    out. A report counts on its date, or on the last day of its period.

    Args:
        promise: The promise.
        as_of: The day to compute for.
        within_days: How many days ahead counts as due soon.
        working_days: Move due dates to working days (needs ``holidays``).

    Returns:
        The coverage.

    Raises:
        MissingExtraError: If *working_days* is set and ``holidays`` is not installed.
    """
    all_occasions = follow_up_occasions(promise, working_days=working_days)
    recorded = sorted(
        (f for f in promise.follow_ups if f.held_on <= as_of), key=lambda f: f.held_on
    )
    following = _following(all_occasions)
    used: set[int] = set()
    statuses: list[OccasionStatus] = []
    for occasion in all_occasions:
        holding = tuple(f for f in recorded if _holds(f, occasion, following[id(occasion)]))
        used.update(id(f) for f in holding)
        days_left = (occasion.due - as_of).days
        statuses.append(
            OccasionStatus(
                occasion=occasion,
                state=_state(held=bool(holding), days_left=days_left, within_days=within_days),
                follow_ups=holding,
                days_left=days_left,
            )
        )
    return FollowUpCoverage(
        as_of=as_of,
        within_days=within_days,
        statuses=tuple(statuses),
        gaps=tuple(
            gap
            for status in statuses
            if status.state is OccasionState.HELD
            for gap in _gaps(promise, status)
        ),
        unmatched=tuple(f for f in recorded if id(f) not in used),
    )


def _following(found: Iterable[FollowUpOccasion]) -> dict[int, FollowUpOccasion | None]:
    """Map each occasion (by identity) to the next occasion of the same rule."""
    by_rule: dict[str, list[FollowUpOccasion]] = {}
    for occasion in found:
        by_rule.setdefault(occasion.rule, []).append(occasion)
    following: dict[int, FollowUpOccasion | None] = {}
    for series in by_rule.values():
        series.sort(key=lambda o: o.covers.start)
        nexts: list[FollowUpOccasion | None] = [*series[1:], None]
        following.update((id(o), n) for o, n in zip(series, nexts, strict=True))
    return following


def _state(*, held: bool, days_left: int, within_days: int) -> OccasionState:
    if held:
        return OccasionState.HELD
    if days_left < 0:
        return OccasionState.OVERDUE
    if days_left <= within_days:
        return OccasionState.DUE_SOON
    return OccasionState.UPCOMING


_EPS = 1e-9
"""Tolerance for comparing an expected amount with one whole unit."""


def _gaps(promise: Promise, status: OccasionStatus) -> list[CoverageGap]:
    """Return the activities in scope with no report in a held occasion's interval.

    Only where something was to be done: an activity whose target asks for
    less than one unit in the interval (twice a year seen from one tertial)
    is no gap, and neither is one the follow-up assessed.
    """
    occasion = status.occasion
    period = promise.period
    out: list[CoverageGap] = []
    for activity in promise.activities:
        if not _in_scope(activity, occasion) or _finished_before(
            promise, activity, occasion.covers.start
        ):
            continue
        if any(_counts_in(r, occasion.covers) for r in promise.reports_for(activity.id)):
            continue
        if period is not None:
            expected = _expected(activity.target, period, occasion.covers)
            if expected is not None and expected < 1 - _EPS:
                continue
        assessment = next(
            (a for f in status.follow_ups for a in f.assessments if a.activity == activity.id),
            None,
        )
        if assessment is not None:
            continue
        out.append(
            CoverageGap(
                activity=activity.id,
                occasion=occasion,
                follow_up=status.follow_ups[0].id,
                assessment=assessment,
            )
        )
    return out


@attrs.frozen(kw_only=True)
class IntervalRow:
    """One activity in an interval table: expected against reported (rad).

    Attributes:
        activity: The id of the activity.
        title: Its title.
        kind: The kind of its target.
        unit: What is counted, when the target says.
        expected: What the target asked for in the interval; ``None`` when it
            sets no number for it (ongoing work, a milestone without a date).
        reported: The amounts of the done reports counted in the interval.
        reports: Every report on the activity counted in the interval, of any kind.
        assessments: Assessments of the activity by follow-ups covering the interval.
    """

    activity: str
    title: str
    kind: TargetKind
    unit: str | None = None
    expected: float | None
    reported: float
    reports: tuple[Report, ...] = ()
    assessments: tuple[Assessment, ...] = ()


@attrs.frozen(kw_only=True)
class IntervalTable:
    """For one covered interval, per activity, what was expected and what was reported.

    (intervalltabell)

    Attributes:
        covers: The interval.
        rows: One row per activity, in the promise's order.
    """

    covers: Period
    rows: tuple[IntervalRow, ...] = ()


def _unit(target: Target) -> str | None:
    if isinstance(target, (PeriodQuota, IntervalQuota)):
        return target.unit
    if isinstance(target, Schedule):
        return target.unit
    return None


def _overlap_days(a: Period, b: Period) -> int:
    shared = a.intersection(b)
    return shared.days if shared is not None else 0


def _expected(target: Target, period: Period, covers: Period) -> float | None:
    """Return what *target* asks for inside *covers*; see :func:`interval_table`."""
    if isinstance(target, PeriodQuota):
        return target.amount * _overlap_days(covers, period) / period.days
    if isinstance(target, IntervalQuota):
        return sum(
            target.amount * _overlap_days(covers, ri.period) / ri.full.days
            for ri in intervals(period, target.per)
        )
    if isinstance(target, Schedule):
        return sum(1 for d in scheduled_dates(target, period) if covers.contains(d))
    if isinstance(target, Milestone):
        return None if target.due is None else float(covers.contains(target.due))
    assert isinstance(target, Ongoing)  # noqa: S101 - the target union is closed
    return None


def _amount(report: Report, target: Target) -> float:
    if report.amount is not None:
        return report.amount
    return 1 if isinstance(target, (Schedule, Milestone)) else 0


def interval_table(
    promise: Promise, covers: Period, *, activities: Iterable[str] | None = None
) -> IntervalTable:
    """Return, per activity, what was expected in *covers* and what was reported in it.

    Expected, by target kind (all pro rata by days, so the figures add up
    over consecutive intervals):

    - quota over the period: the amount times the share of the period's days
      inside *covers*;
    - quota per interval: for each reporting interval, the amount times the
      share of that interval's calendar days inside *covers* (a clipped first
      or last interval asks for its share only);
    - schedule: the number of scheduled dates inside *covers*;
    - milestone: 1 when its due date lies inside *covers*, else 0; ``None``
      without a due date;
    - ongoing: ``None``.

    Reported is the sum of the amounts of done reports whose day (date, or
    end of period) lies inside *covers*; a done report without an amount
    counts 1 for a schedule or a milestone and 0 otherwise.

    A promise without a known period expects nothing that can be counted:
    every ``expected`` is then ``None``.

    The function raises nothing of its own.

    Args:
        promise: The promise.
        covers: The interval, for example an occasion's ``covers``.
        activities: Ids of the activities to include; all if not given.

    Returns:
        The table.
    """
    period = promise.period
    wanted = None if activities is None else set(activities)
    held = [f for f in promise.follow_ups if f.covers is not None and f.covers.overlaps(covers)]
    rows = []
    for activity in promise.activities:
        if wanted is not None and activity.id not in wanted:
            continue
        counted = tuple(r for r in promise.reports_for(activity.id) if _counts_in(r, covers))
        rows.append(
            IntervalRow(
                activity=activity.id,
                title=activity.title,
                kind=activity.target.kind,
                unit=_unit(activity.target),
                expected=None if period is None else _expected(activity.target, period, covers),
                reported=sum(
                    _amount(r, activity.target) for r in counted if r.kind is ReportKind.DONE
                ),
                reports=counted,
                assessments=tuple(
                    a for f in held for a in f.assessments if a.activity == activity.id
                ),
            )
        )
    return IntervalTable(covers=covers, rows=tuple(rows))
