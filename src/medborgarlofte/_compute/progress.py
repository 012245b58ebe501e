"""Progress by any date: expected against done, a status and its reason (uppföljning av läget).

:func:`progress` answers "where do we stand on our promise today, and why?".
It is pure: the same promise, date and rules always give the same result, and
nothing reads the clock. Every figure is computed from the promise alone, as
described, with worked numbers, in the explanation page *How progress is
computed*.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import itertools
import operator
import weakref
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._compute.calendar import ReportingInterval, intervals
from medborgarlofte._compute.occurrences import count_until, occurrences
from medborgarlofte._core import codes
from medborgarlofte._model.followup import Assessment, Verdict
from medborgarlofte._model.indicators import Direction, Indicator, Measurement
from medborgarlofte._model.promise import Activity, FocusArea, Promise
from medborgarlofte._model.reports import Report, ReportKind
from medborgarlofte._model.targets import (
    Bound,
    Interval,
    IntervalQuota,
    Milestone,
    Number,
    Ongoing,
    PeriodQuota,
    Schedule,
    TargetKind,
)
from medborgarlofte._model.twin import mutable_twin
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.period import Period

__all__ = [
    "ActivityProgress",
    "AssessmentAt",
    "FocusAreaProgress",
    "IndicatorProgress",
    "IntervalProgress",
    "PartialIntervals",
    "ProgressRules",
    "PromiseProgress",
    "Status",
    "StatusCounts",
    "StatusReason",
    "StatusRule",
    "progress",
]

_EPS = 1e-9
"""Tolerance for comparing sums of floats with thresholds."""


class Status(enum.Enum):
    """Where an activity or an indicator stands at a date (status, läge).

    A closed set. Each status has a Swedish and an English label, a one-line
    definition and a :attr:`rank` that orders the statuses on the scale from
    missed to achieved.

    >>> Status.BEHIND.label(), Status.BEHIND.label("en"), Status.BEHIND.rank
    ('efter plan', 'behind', 2)
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NOT_STARTED = "not_started"
    BEHIND = "behind"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    MISSED = "missed"
    CANCELLED = "cancelled"
    NOT_ASSESSABLE = "not_assessable"

    def label(self, lang: Language = "sv") -> str:
        """Return the status as a short phrase in *lang* (Swedish by default)."""
        return _STATUS_TEXT[self][0 if lang == "sv" else 1]

    def definition(self, lang: Language = "sv") -> str:
        """Return the one-line definition of the status in *lang*."""
        return _STATUS_TEXT[self][2 if lang == "sv" else 3]

    @property
    def rank(self) -> int | None:
        """Return the place on the scale from missed (0) to achieved (5).

        ``None`` for cancelled and not assessable, which are off the scale.
        Overdue and at risk share rank 1.
        """
        return _STATUS_RANK[self]


_STATUS_TEXT: dict[Status, tuple[str, str, str, str]] = {
    Status.ACHIEVED: (
        "uppnådd",
        "achieved",
        "Allt som utlovats är gjort.",
        "Everything promised has been done.",
    ),
    Status.ON_TRACK: (
        "enligt plan",
        "on track",
        "Det som är gjort räcker för det som borde vara gjort vid datumet.",
        "What has been done is enough for what should have been done by the date.",
    ),
    Status.NOT_STARTED: (
        "ej påbörjad",
        "not started",
        "Inget är gjort, och inget hade ännu behövt vara gjort.",
        "Nothing has been done, and nothing had to be done yet.",
    ),
    Status.BEHIND: (
        "efter plan",
        "behind",
        "Mindre är gjort än det som borde vara gjort, men inte långt efter.",
        "Less has been done than should have been, but not far less.",
    ),
    Status.AT_RISK: (
        "i riskzonen",
        "at risk",
        "Så mycket mindre är gjort än planerat att målet är i fara.",
        "So much less has been done than planned that the target is in danger.",
    ),
    Status.OVERDUE: (
        "försenad",
        "overdue",
        "En engångsuppgift vars sista dag har passerat utan att den rapporterats som gjord.",
        "A one-off task whose due date has passed without a report that it is done.",
    ),
    Status.MISSED: (
        "ej uppnådd",
        "missed",
        "Perioden är slut och det som utlovats blev inte gjort.",
        "The period is over and what was promised was not done.",
    ),
    Status.CANCELLED: (
        "avbruten",
        "cancelled",
        "Aktiviteten har strukits och följs inte längre upp.",
        "The activity was dropped and is no longer followed up.",
    ),
    Status.NOT_ASSESSABLE: (
        "kan inte bedömas",
        "not assessable",
        "Det finns inget att räkna på: ingen period, inget tal eller ingen bedömning.",
        "There is nothing to compute from: no period, no number or no assessment.",
    ),
}

_STATUS_RANK: dict[Status, int | None] = {
    Status.ACHIEVED: 5,
    Status.ON_TRACK: 4,
    Status.NOT_STARTED: 3,
    Status.BEHIND: 2,
    Status.AT_RISK: 1,
    Status.OVERDUE: 1,
    Status.MISSED: 0,
    Status.CANCELLED: None,
    Status.NOT_ASSESSABLE: None,
}


class StatusRule(enum.Enum):
    """The rule that decided a status (grund för status).

    Each member names one branch of the classification described in the
    explanation page; :class:`StatusReason` carries it with its figures.
    """

    NO_PERIOD = "no_period"
    CANCELLED = "cancelled"
    BEFORE_PERIOD = "before_period"
    NO_OCCURRENCES = "no_occurrences"
    TARGET_REACHED = "target_reached"
    PERIOD_ENDED_SHORT = "period_ended_short"
    NOTHING_EXPECTED_YET = "nothing_expected_yet"
    WITHIN_SHORTFALL = "within_shortfall"
    PACE_ON_TRACK = "pace_on_track"
    PACE_BEHIND = "pace_behind"
    PACE_AT_RISK = "pace_at_risk"
    MILESTONE_MET = "milestone_met"
    MILESTONE_MET_LATE = "milestone_met_late"
    MILESTONE_NOT_DUE = "milestone_not_due"
    MILESTONE_OVERDUE = "milestone_overdue"
    MILESTONE_MISSED = "milestone_missed"
    ASSESSMENT = "assessment"
    NO_ASSESSMENT = "no_assessment"
    NO_DATA = "no_data"
    NO_BASELINE_OR_TARGET = "no_baseline_or_target"
    INDICATOR_TARGET_REACHED = "indicator_target_reached"
    INDICATOR_TARGET_DATE_PASSED = "indicator_target_date_passed"
    NO_TARGET_DATE = "no_target_date"
    ON_TRAJECTORY = "on_trajectory"
    OFF_TRAJECTORY = "off_trajectory"
    WORSENED = "worsened"


_PACE_RULES = frozenset({StatusRule.PACE_ON_TRACK, StatusRule.PACE_BEHIND, StatusRule.PACE_AT_RISK})

_REASON_TEXT: dict[StatusRule, tuple[str, str]] = {
    StatusRule.NO_PERIOD: (
        "löftet har ingen känd period, så inget kan förväntas vid ett visst datum",
        "the promise has no known period, so nothing can be expected by a given date",
    ),
    StatusRule.CANCELLED: ("aktiviteten ströks{on_date}", "the activity was dropped{on_date}"),
    StatusRule.BEFORE_PERIOD: ("perioden börjar {date}", "the period starts on {date}"),
    StatusRule.NO_OCCURRENCES: (
        "regeln ger inga datum inom perioden",
        "the rule gives no dates inside the period",
    ),
    StatusRule.TARGET_REACHED: (
        "{done} av {planned}{unit} gjort; minst {threshold} krävs",
        "{done} of {planned}{unit} done; at least {threshold} are needed",
    ),
    StatusRule.PERIOD_ENDED_SHORT: (
        "perioden är slut med {done} av {planned}{unit} gjort; minst {threshold} krävdes",
        "the period is over with {done} of {planned}{unit} done; at least {threshold} were needed",
    ),
    StatusRule.NOTHING_EXPECTED_YET: (
        "inget gjort, och hittills förväntas {expected}{unit}, mindre än {threshold}",
        "nothing done, and only {expected}{unit} expected so far, less than {threshold}",
    ),
    StatusRule.WITHIN_SHORTFALL: (
        "{done} gjort mot {expected}{unit} förväntat; underskottet är mindre än {threshold}",
        "{done} done against {expected}{unit} expected; the shortfall is less than {threshold}",
    ),
    StatusRule.PACE_ON_TRACK: (
        "{done} gjort mot {expected}{unit} förväntat: takten {pace} når gränsen {threshold}",
        "{done} done against {expected}{unit} expected: the pace of {pace} reaches {threshold}",
    ),
    StatusRule.PACE_BEHIND: (
        "{done} gjort mot {expected}{unit} förväntat: takten {pace} är under {threshold}",
        "{done} done against {expected}{unit} expected: the pace of {pace} is below {threshold}",
    ),
    StatusRule.PACE_AT_RISK: (
        (
            "{done} gjort mot {expected}{unit} förväntat: takten {pace} är under riskgränsen "
            "{threshold}"
        ),
        (
            "{done} done against {expected}{unit} expected: the pace of {pace} is below the risk "
            "threshold of {threshold}"
        ),
    ),
    StatusRule.MILESTONE_MET: ("klar {date}, senast {due}", "done on {date}, due by {due}"),
    StatusRule.MILESTONE_MET_LATE: (
        "klar {date}, efter sista dagen {due}",
        "done on {date}, after the due date {due}",
    ),
    StatusRule.MILESTONE_NOT_DUE: ("ska vara klar senast {due}", "due by {due}"),
    StatusRule.MILESTONE_OVERDUE: (
        "skulle ha varit klar senast {due}; ingen rapport säger att den är gjord",
        "was due by {due}; no report says it is done",
    ),
    StatusRule.MILESTONE_MISSED: (
        "perioden är slut och ingen rapport säger att den är gjord (sista dag {due})",
        "the period is over and no report says it is done (due by {due})",
    ),
    StatusRule.ASSESSMENT: (
        "bedömning vid uppföljningen {date}: {verdict}",
        "assessment at the follow-up on {date}: {verdict}",
    ),
    StatusRule.NO_ASSESSMENT: (
        "inget tal att räkna på och ingen bedömning vid någon uppföljning ännu",
        "no number to compute from and no assessment at any follow-up yet",
    ),
    StatusRule.NO_DATA: ("inga mätvärden ännu", "no measurements yet"),
    StatusRule.NO_BASELINE_OR_TARGET: (
        "senaste värdet är {value}{unit}, men utgångsvärde eller målvärde saknas",
        "the latest value is {value}{unit}, but the baseline or the target is missing",
    ),
    StatusRule.INDICATOR_TARGET_REACHED: (
        "senaste värdet {value}{unit} har nått målvärdet {planned}",
        "the latest value {value}{unit} has reached the target {planned}",
    ),
    StatusRule.INDICATOR_TARGET_DATE_PASSED: (
        (
            "måldatumet {due} har passerat och senaste värdet {value}{unit} når inte målvärdet "
            "{planned}"
        ),
        (
            "the target date {due} has passed and the latest value {value}{unit} falls short of "
            "the target {planned}"
        ),
    ),
    StatusRule.NO_TARGET_DATE: (
        "senaste värdet är {value}{unit}, men målvärdet har inget datum och löftet ingen period",
        "the latest value is {value}{unit}, but the target has no date and the promise no period",
    ),
    StatusRule.ON_TRAJECTORY: (
        (
            "senaste värdet {value}{unit} är minst lika bra som {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        (
            "the latest value {value}{unit} is at least as good as {expected} on the straight line "
            "from the baseline {baseline} to the target {planned}"
        ),
    ),
    StatusRule.OFF_TRAJECTORY: (
        (
            "senaste värdet {value}{unit} ligger efter {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        (
            "the latest value {value}{unit} lags {expected} on the straight line from the baseline "
            "{baseline} to the target {planned}"
        ),
    ),
    StatusRule.WORSENED: (
        "senaste värdet {value}{unit} är sämre än utgångsvärdet {baseline}",
        "the latest value {value}{unit} is worse than the baseline {baseline}",
    ),
}

_VERDICT_TEXT = {
    Verdict.DONE: ("genomförd", "done"),
    Verdict.PARTLY_DONE: ("delvis genomförd", "partly done"),
    Verdict.NOT_DONE: ("ej genomförd", "not done"),
    Verdict.ONGOING: ("pågående enligt plan", "ongoing as planned"),
    Verdict.NOT_ASSESSABLE: ("går inte att bedöma", "cannot be assessed"),
}


def _num(value: float | None, lang: Language) -> str:
    """Render a figure for people: whole numbers bare, others to one decimal."""
    if value is None:
        return "–"
    rounded = round(value, 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang == "sv" else text


def _pct(value: float | None, lang: Language) -> str:
    if value is None:
        return "–"
    return f"{round(value * 100)} %" if lang == "sv" else f"{round(value * 100)}%"


@attrs.frozen(kw_only=True)
class StatusReason:
    """Why a status was given: the rule and the figures that decided it (motivering).

    Only the figures the rule uses are set. :meth:`text` renders the reason
    as one sentence in Swedish or English.

    Attributes:
        rule: The branch of the classification that decided the status.
        done: What was done by the date.
        expected: What was expected by the date (for an indicator: the value
            on the straight line to the target).
        planned: What was promised in total (for an indicator: its target).
        pace: Done divided by expected.
        threshold: The threshold from :class:`ProgressRules` (or the amount
            needed) that the figures were compared with.
        unit: What is counted.
        date: The day that mattered: when the period starts, when a task was
            done, when an activity was dropped, when a follow-up was held.
        due: A due date or target date.
        verdict: A person's verdict at a follow-up.
        value: An indicator's latest value.
        baseline: An indicator's baseline value.
    """

    rule: StatusRule
    done: Number | None = None
    expected: Number | None = None
    planned: Number | None = None
    pace: float | None = None
    threshold: Number | None = None
    unit: str | None = None
    date: dt.date | None = None
    due: dt.date | None = None
    verdict: Verdict | None = None
    value: Number | None = None
    baseline: Number | None = None

    def text(self, lang: Language = "sv") -> str:
        """Return the reason as one sentence in *lang* (Swedish by default).

        >>> StatusReason(rule=StatusRule.PACE_BEHIND, done=18, expected=25.0,
        ...              pace=0.72, threshold=0.9, unit="trafikkontroller").text()
        '18 gjort mot 25 trafikkontroller förväntat: takten 72 % är under 90 %'
        >>> StatusReason(rule=StatusRule.MILESTONE_NOT_DUE, due=dt.date(2023, 6, 30)).text("en")
        'due by 2023-06-30'
        """
        i = 0 if lang == "sv" else 1
        if self.rule in _PACE_RULES:
            threshold = _pct(self.threshold, lang)
        else:
            threshold = _num(self.threshold, lang)
        on_date = ""
        if self.date is not None:
            on_date = f" {self.date.isoformat()}" if lang == "sv" else f" on {self.date}"
        verdict = _VERDICT_TEXT[self.verdict][i] if self.verdict is not None else "–"
        return _REASON_TEXT[self.rule][i].format(
            done=_num(self.done, lang),
            expected=_num(self.expected, lang),
            planned=_num(self.planned, lang),
            pace=_pct(self.pace, lang),
            threshold=threshold,
            unit=f" {self.unit}" if self.unit else "",
            date=self.date.isoformat() if self.date else "–",
            on_date=on_date,
            due=self.due.isoformat() if self.due else "–",
            verdict=verdict,
            value=_num(self.value, lang),
            baseline=_num(self.baseline, lang),
        )

    def __str__(self) -> str:
        """Return the Swedish text."""
        return self.text()


class PartialIntervals(enum.Enum):
    """How a quota per interval counts an interval the period cuts short (brutet intervall)."""

    PRO_RATA = "pro_rata"
    """In proportion to the days of the interval inside the period (the default)."""
    FULL = "full"
    """The full amount, however few of its days fall inside the period."""


def _check_rules(instance: ProgressRules, attribute: attrs.Attribute[Any], value: float) -> None:
    problem = None
    if value < 0:
        problem = ("får inte vara negativ", "must not be negative")
    elif attribute.name == "about_tolerance" and value >= 1:
        problem = ("måste vara mindre än 1", "must be less than 1")
    elif attribute.name == "on_track_pace" and value < instance.at_risk_pace:
        problem = ("får inte vara mindre än at_risk_pace", "must not be less than at_risk_pace")
    if problem is not None:
        raise InvalidValueError(
            code=codes.INVALID_PROGRESS_RULES,
            field=attribute.name,
            message_sv=f"{problem[0]}, inte {value}",
            message_en=f"{problem[1]}, not {value}",
        )


@attrs.frozen(kw_only=True)
class ProgressRules:
    """The thresholds that turn figures into a status (bedömningsgränser).

    The defaults suit most promises; a municipality with stricter follow-up
    may raise them. Every status names the threshold that decided it.

    Attributes:
        on_track_pace: Pace (done ÷ expected) from which an activity is on
            track: 0.9, that is 90 % of what was expected by the date.
        at_risk_pace: Pace below which an activity is at risk; between this
            and ``on_track_pace`` it is behind. 0.5 by default.
        min_shortfall: A shortfall (expected − done) smaller than this many
            units is on track whatever the pace, so a quota of 50 over two
            years is not behind on its second day. 1 by default.
        about_tolerance: For a target worded "cirka" (:attr:`Bound.ABOUT`),
            how far below the amount still counts as achieved: 0.1 means 90 %.
        partial_intervals: How a quota per interval counts an interval the
            period cuts short: pro rata by days (the default) or in full.

    Raises:
        InvalidValueError: ``invalid-progress-rules`` for a negative threshold,
            ``on_track_pace`` below ``at_risk_pace``, or ``about_tolerance`` of
            1 or more.

    >>> ProgressRules().on_track_pace
    0.9
    """

    on_track_pace: float = attrs.field(default=0.9, validator=_check_rules)
    at_risk_pace: float = attrs.field(default=0.5, validator=_check_rules)
    min_shortfall: float = attrs.field(default=1.0, validator=_check_rules)
    about_tolerance: float = attrs.field(default=0.1, validator=_check_rules)
    partial_intervals: PartialIntervals = PartialIntervals.PRO_RATA


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
        return self.ended and self.counted + _EPS < self.planned


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
    # Typed ``object`` so the reference documentation names no private class.
    _interval_data: object = attrs.field(default=None, repr=False, alias="interval_data")

    @property
    def intervals(self) -> tuple[IntervalProgress, ...]:
        """Return the per-interval figures of a quota per interval; empty for other kinds.

        Built when asked for, from what :func:`progress` kept, so a national
        data set does not pay for rows nobody reads.
        """
        data = self._interval_data
        return data.rows() if isinstance(data, _IntervalData) else ()

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
_NO_STATUSES = dict.fromkeys((status.value for status in Status), 0)


def _counts(items: Iterable[ActivityProgress]) -> StatusCounts:
    """Return ``StatusCounts.of(item.status for item in items)``, tallied by value.

    Counting each status with ``list.count`` compares every item with nine
    members, and members that are not the same object compare slowly; the
    status's value is a text with its hash kept.
    """
    tally = _NO_STATUSES.copy()
    for item in items:
        tally[item.status._value_] += 1
    built = _new(_BuildingStatusCounts)
    built.counts = tuple(tally.values())
    built.__class__ = StatusCounts
    return built  # type: ignore[no-any-return]


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
        reports_outside_period: How many reports of kind done were left out
            because the day they count from lies outside the promise period.
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


# --------------------------------------------------------------------------- building results
#
# progress() builds a result and a reason for every activity: tens of thousands of
# objects for a national data set. A frozen attrs class's ``__init__`` stores each
# field through ``object.__setattr__``. These builders instead store the fields
# straight into the slots of a *mutable twin* (a subclass that adds no slots and
# allows plain attribute setting), then switch the instance's class to the real
# one, whose layout is the same. Neither class has validators, converters or
# hooks, so the object is exactly the one ``__init__`` would build;
# tests/test_progress_fast.py holds both to that, field by field.


_new = object.__new__
_BuildingReason = mutable_twin(StatusReason)
_BuildingActivityProgress = mutable_twin(ActivityProgress)
_BuildingStatusCounts = mutable_twin(StatusCounts)
_BuildingFocusAreaProgress = mutable_twin(FocusAreaProgress)
_BuildingPromiseProgress = mutable_twin(PromiseProgress)


def _reason(  # noqa: PLR0917 - see the docstring
    rule: StatusRule,
    done: Number | None = None,
    expected: Number | None = None,
    planned: Number | None = None,
    pace: float | None = None,
    threshold: Number | None = None,
    unit: str | None = None,
    date: dt.date | None = None,
    due: dt.date | None = None,
    verdict: Verdict | None = None,
    value: Number | None = None,
    baseline: Number | None = None,
) -> StatusReason:
    """Return ``StatusReason(rule=rule, ...)``, built through its mutable twin.

    The arguments are not keyword-only, although callers name them: Python
    fills missing positional defaults from a tuple, but looks each missing
    keyword-only default up in a dict, which made this builder three times
    slower.
    """
    reason = _new(_BuildingReason)
    reason.rule = rule
    reason.done = done
    reason.expected = expected
    reason.planned = planned
    reason.pace = pace
    reason.threshold = threshold
    reason.unit = unit
    reason.date = date
    reason.due = due
    reason.verdict = verdict
    reason.value = value
    reason.baseline = baseline
    reason.__class__ = StatusReason
    return reason  # type: ignore[no-any-return]


def _result(  # noqa: PLR0917 - see _reason
    activity: Activity,
    kind: TargetKind,
    unit: str | None,
    planned: Number | None,
    expected: Number | None,
    done: Number,
    counted: Number,
    surplus: Number,
    completion: float | None,
    pace: float | None,
    forecast: float | None,
    status: Status,
    reason: StatusReason,
    assessment: AssessmentAt | None = None,
    reports: int = 0,
    due: dt.date | None = None,
    met_on: dt.date | None = None,
    late: bool | None = None,  # noqa: FBT001 - callers name it
    interval_data: object = None,
) -> ActivityProgress:
    """Return ``ActivityProgress(...)`` with these fields, built through its mutable twin.

    Not keyword-only, for the reason given at :func:`_reason`.
    """
    item = _new(_BuildingActivityProgress)
    item.activity = activity
    item.kind = kind
    item.unit = unit
    item.planned = planned
    item.expected = expected
    item.done = done
    item.counted = counted
    item.surplus = surplus
    item.completion = completion
    item.pace = pace
    item.forecast = forecast
    item.status = status
    item.reason = reason
    item.assessment = assessment
    item.reports = reports
    item.due = due
    item.met_on = met_on
    item.late = late
    item._interval_data = interval_data  # noqa: SLF001 - the field's own name
    item.__class__ = ActivityProgress
    return item  # type: ignore[no-any-return]


def _area_result(
    focus_area: FocusArea,
    activities: tuple[ActivityProgress, ...],
    completion: float | None,
    expected_completion: float | None,
    counts: StatusCounts,
) -> FocusAreaProgress:
    """Return ``FocusAreaProgress(...)`` with these fields, built through its mutable twin."""
    item = _new(_BuildingFocusAreaProgress)
    item.focus_area = focus_area
    item.activities = activities
    item.completion = completion
    item.expected_completion = expected_completion
    item.counts = counts
    item.__class__ = FocusAreaProgress
    return item  # type: ignore[no-any-return]


def _promise_result(  # noqa: PLR0917 - see _reason
    promise: Promise,
    as_of: dt.date,
    elapsed: float | None,
    completion: float | None,
    expected_completion: float | None,
    counts: StatusCounts,
    activities: tuple[ActivityProgress, ...],
    focus_areas: tuple[FocusAreaProgress, ...],
    indicators: tuple[IndicatorProgress, ...],
    reason: StatusReason | None = None,
    reports_outside_period: int = 0,
) -> PromiseProgress:
    """Return ``PromiseProgress(...)`` with these fields, built through its mutable twin."""
    item = _new(_BuildingPromiseProgress)
    item.promise = promise
    item.as_of = as_of
    item.elapsed = elapsed
    item.completion = completion
    item.expected_completion = expected_completion
    item.counts = counts
    item.activities = activities
    item.focus_areas = focus_areas
    item.indicators = indicators
    item.reason = reason
    item.reports_outside_period = reports_outside_period
    item.__class__ = PromiseProgress
    return item  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- computing


_Entry = tuple[dt.date, Number | None]
"""A counted report: the day it counts from, and its amount."""


def progress(
    promise: Promise, *, as_of: dt.date, rules: ProgressRules | None = None
) -> PromiseProgress:
    """Return where *promise* stands at the end of *as_of* (läget vid ett datum).

    Pure: nothing reads the clock; the same arguments give an equal result.

    A report counts once the day it is about has passed: its ``date``, or,
    for a report covering a span, the span's last day (never pro rata within
    the span). A report with neither counts from the last day of the promise
    period. Only reports of kind done whose day lies inside the promise period
    count; planned and not-done reports count for nothing.

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
    return _progress(promise, as_of=as_of, rules=rules or _DEFAULT_RULES)


_DEFAULT_RULES = ProgressRules()
"""The default thresholds, built once: the rules are frozen, so one object serves every call."""


def _progress(promise: Promise, *, as_of: dt.date, rules: ProgressRules) -> PromiseProgress:
    period = promise.period
    assessments = _latest_assessments(promise, as_of)
    outside = 0
    if period is None:
        reason = StatusReason(rule=StatusRule.NO_PERIOD)
        activities = tuple(
            _unassessable(activity, reason, assessments.get(activity.id))
            for activity in promise.activities
        )
        elapsed = None
    else:
        reports, outside = _index_reports(promise, period)
        elapsed = period.elapsed_fraction(as_of)
        activities = tuple(
            [
                _activity_progress(
                    activity,
                    period,
                    as_of,
                    elapsed,
                    rules,
                    reports.get(activity.id) or _NO_REPORTS,
                    assessments.get(activity.id) if assessments else None,
                )
                for activity in promise.activities
            ]
        )
        reason = None
    focus_areas, (completion, expected_completion) = _rollups(promise, activities)
    return _promise_result(
        promise=promise,
        as_of=as_of,
        elapsed=elapsed,
        completion=completion,
        expected_completion=expected_completion,
        counts=_counts(activities),
        activities=activities,
        focus_areas=focus_areas,
        indicators=tuple(
            _indicator_progress(indicator, as_of=as_of, period=period)
            for indicator in promise.indicators
        ),
        reason=reason,
        reports_outside_period=outside,
    )


_Index = dict[str, "_Reports"]
"""Per activity: its reports that count, sorted by day."""


class _Reports:
    """An activity's done reports inside the period, sorted by the day they count from.

    ``totals[k]`` is the sum of the first *k* amounts (a missing amount as 0)
    and ``occurrences[k]`` the same with a missing amount as 1, so the sum by
    any date is one binary search. ``whole`` says every amount is an ``int``,
    so that the difference of two running sums is exact.

    Everything is kept in tuples of dates and numbers, which the cyclic
    garbage collector stops tracking after one look: a national data set's
    index would otherwise add tens of thousands of lists to every full
    collection, and bring the next one closer.
    """

    __slots__ = ("amounts", "days", "occurrences", "totals", "whole")

    def __init__(self, days: Sequence[dt.date], amounts: Sequence[Number | None]) -> None:
        self.days = tuple(days)
        self.amounts = tuple(amounts)
        try:
            totals: tuple[Number, ...] = tuple(itertools.accumulate(amounts, initial=0))  # type: ignore[arg-type]
        except TypeError:  # a missing amount: a report of work done without a number
            self.totals: tuple[Number, ...] = tuple(
                itertools.accumulate((a or 0 for a in amounts), initial=0)
            )
            self.occurrences: tuple[Number, ...] = tuple(
                itertools.accumulate((1 if a is None else a for a in amounts), initial=0)
            )
            self.whole = False
        else:
            self.totals = self.occurrences = totals
            self.whole = type(totals[-1]) is int


_INDEX_CACHE: dict[int, tuple[weakref.ref[Promise], _Index, int]] = {}
_INDEX_CACHE_SIZE = 4096


def _index_reports(promise: Promise, period: Period) -> tuple[_Index, int]:
    """Group the done reports that count by activity, sorted by the day they count from.

    The index depends only on the promise's reports and period, which a
    frozen promise cannot change, so it is kept for the last few thousand
    promises seen: progress at twelve monthly dates groups each promise's
    reports once. An entry holds its promise only by a weak reference and is
    dropped when the promise is: the cache never keeps a promise or its
    reports alive, and keeps nothing of them but days and amounts.
    """
    key = id(promise)
    cached = _INDEX_CACHE.get(key)
    if cached is not None and cached[0]() is promise:
        return cached[1], cached[2]
    index, outside = _group_reports(promise.reports, period)
    if len(_INDEX_CACHE) >= _INDEX_CACHE_SIZE:
        _INDEX_CACHE.pop(next(iter(_INDEX_CACHE)), None)
    ref = weakref.ref(promise, functools.partial(_forget_index, key))
    _INDEX_CACHE[key] = (ref, index, outside)
    return index, outside


def _forget_index(key: int, ref: weakref.ref[Promise]) -> None:
    """Drop the index of a promise that is gone (called by its weak reference)."""
    cached = _INDEX_CACHE.get(key)
    if cached is not None and cached[0] is ref:
        _INDEX_CACHE.pop(key, None)  # another thread may have dropped it meanwhile


def _group_reports(reports: tuple[Report, ...], period: Period) -> tuple[_Index, int]:
    """Group the reports in bulk, column by column, or one by one where that cannot."""
    index = _group_in_bulk(reports, period)
    if index is not None:
        return index, 0
    return _group_each(reports, period)


def _group_in_bulk(reports: Sequence[Report], period: Period) -> _Index | None:
    """Group done reports that all have a day inside *period* by activity; else ``None``.

    The common case, with less work per report than :func:`_group_each`: the
    loop only appends each done report's day and amount to its activity's
    lists (reports usually come activity by activity, so the lists are looked
    up once per change of activity). Each activity's days are then sorted
    (stably, as :func:`_group_each` sorts) only if they are not in order
    already. A report without a day, or with one outside the period, sends
    the whole promise to :func:`_group_each`.
    """
    done = ReportKind.DONE
    grouped: dict[str | None, tuple[list[dt.date | None], list[Number | None]]] = {}
    current: str | None = None
    days: list[dt.date | None] | None = None
    amounts: list[Number | None] = []
    for report in reports:
        if report.kind is done:
            activity = report.activity
            if activity != current or days is None:
                current = activity
                columns = grouped.get(activity)
                if columns is None:
                    columns = grouped[activity] = ([], [])
                days, amounts = columns
            days.append(report.date)
            amounts.append(report.amount)
    grouped.pop(None, None)
    first, last = period.start, period.end
    index: _Index = {}
    try:
        for activity, (days, amounts) in grouped.items():
            if days != sorted(days):  # type: ignore[type-var]
                order = sorted(range(len(days)), key=days.__getitem__)  # type: ignore[arg-type]
                days[:] = [days[i] for i in order]
                amounts[:] = [amounts[i] for i in order]
            if days[0] < first or days[-1] > last:  # type: ignore[operator]
                return None
            # No None left among the activities (popped) or the days (compared above).
            index[activity] = _Reports(days, amounts)  # type: ignore[index,arg-type]
    except TypeError:  # a report without a day: it counts from the end of its span
        return None
    return index


def _group_each(reports: tuple[Report, ...], period: Period) -> tuple[_Index, int]:
    """Group the done reports one by one; the reference for :func:`_group_in_bulk`."""
    first, last = period.start, period.end
    grouped: dict[str, list[_Entry]] = {}
    outside = 0
    done = ReportKind.DONE
    for report in reports:  # plain attribute reads: twice as fast as an attrgetter here
        if report.kind is not done:
            continue
        activity = report.activity
        if activity is None:
            continue
        counts_from = report.date
        if counts_from is None:
            span = report.period
            counts_from = last if span is None else span.end
        if first <= counts_from <= last:
            entries = grouped.get(activity)
            if entries is None:
                grouped[activity] = [(counts_from, report.amount)]
            else:
                entries.append((counts_from, report.amount))
        else:
            outside += 1
    index: _Index = {}
    for activity, entries in grouped.items():
        entries.sort(key=_first)
        index[activity] = _Reports([day for day, _ in entries], [amount for _, amount in entries])
    return index, outside


_first = operator.itemgetter(0)
_NO_REPORTS = _Reports([], [])


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


def _unassessable(
    activity: Activity, reason: StatusReason, assessment: AssessmentAt | None
) -> ActivityProgress:
    return _result(
        activity=activity,
        kind=activity.target.kind,
        unit=_unit(activity),
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


def _unit(activity: Activity) -> str | None:
    target = activity.target
    if isinstance(target, PeriodQuota | IntervalQuota | Schedule):
        return target.unit
    return None


def _activity_progress(  # noqa: PLR0917 - called positionally once per activity
    activity: Activity,
    period: Period,
    as_of: dt.date,
    elapsed: float,
    rules: ProgressRules,
    reports: _Reports,
    assessment: AssessmentAt | None,
) -> ActivityProgress:
    # Positional calls all the way down: this runs once per activity, and
    # keyword arguments cost more to pass. *elapsed* is the share of the
    # period passed by the as-of date, *count* how many of the activity's
    # reports count by then.
    count = bisect.bisect_right(reports.days, as_of)
    target = activity.target
    if isinstance(target, PeriodQuota):
        result = _period_quota(activity, target, period, as_of, elapsed, rules, reports, count)
    elif isinstance(target, IntervalQuota):
        result = _interval_quota(activity, target, period, as_of, rules, reports, count)
    elif isinstance(target, Schedule):
        result = _schedule(activity, target, period, as_of, rules, reports, count)
    elif isinstance(target, Milestone):
        result = _milestone(activity, target, period, as_of, reports, count)
    else:
        result = _ongoing(activity, target, period, as_of, reports, count, assessment)
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


def _classify(  # noqa: PLR0917 - see _activity_progress
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
) -> tuple[Status, StatusReason]:
    """Classify a quota or a schedule; see the explanation page for the branches.

    The reasons are built by position: (rule, done, expected, planned, pace,
    threshold, unit), as :func:`_reason` takes them.
    """
    threshold: Number
    shown = None  # the pace, for the rules that judge by it
    if counted + _EPS >= need:
        (status, rule), threshold = _REACHED, need
    elif as_of >= period.end:
        (status, rule), threshold = _ENDED_SHORT, need
    elif as_of < period.start and counted == 0:
        return Status.NOT_STARTED, _reason(StatusRule.BEFORE_PERIOD, date=period.start)
    elif counted == 0 and expected < rules.min_shortfall:
        (status, rule), threshold = _NOTHING_YET, rules.min_shortfall
    elif pace is not None and counted > expected + _EPS and pace + _EPS >= rules.on_track_pace:
        # More done than expected: say so by the pace, not by a shortfall of less than one.
        (status, rule), threshold, shown = _PACE_ON_TRACK, rules.on_track_pace, pace
    elif pace is None or expected - counted < rules.min_shortfall:
        (status, rule), threshold, shown = _WITHIN_SHORTFALL, rules.min_shortfall, pace
    elif pace + _EPS >= rules.on_track_pace:
        (status, rule), threshold, shown = _PACE_ON_TRACK, rules.on_track_pace, pace
    elif pace + _EPS >= rules.at_risk_pace:
        (status, rule), threshold, shown = _PACE_BEHIND, rules.on_track_pace, pace
    else:
        (status, rule), threshold, shown = _PACE_AT_RISK, rules.at_risk_pace, pace
    return status, _reason(rule, done, expected, planned, shown, threshold, unit)


# The (status, rule) of each branch of _classify, and the bound it asks about, read
# once: on CPython 3.11 an enum member read through its class costs about 120 ns
# (EnumType defines __getattr__, which slows every lookup on the class), a module
# global about 10 ns, and these are read once per activity.
_REACHED = (Status.ACHIEVED, StatusRule.TARGET_REACHED)
_ENDED_SHORT = (Status.MISSED, StatusRule.PERIOD_ENDED_SHORT)
_NOTHING_YET = (Status.NOT_STARTED, StatusRule.NOTHING_EXPECTED_YET)
_PACE_ON_TRACK = (Status.ON_TRACK, StatusRule.PACE_ON_TRACK)
_WITHIN_SHORTFALL = (Status.ON_TRACK, StatusRule.WITHIN_SHORTFALL)
_PACE_BEHIND = (Status.BEHIND, StatusRule.PACE_BEHIND)
_PACE_AT_RISK = (Status.AT_RISK, StatusRule.PACE_AT_RISK)
_ABOUT = Bound.ABOUT


def _forecast(done: Number, expected: Number, planned: Number, ended: bool) -> float | None:  # noqa: FBT001
    if ended:
        return float(done)
    if expected <= 0:
        return None
    return done * planned / expected


def _need(planned: Number, bound: Bound, rules: ProgressRules) -> Number:
    if bound is _ABOUT:
        return planned * (1 - rules.about_tolerance)
    return planned


def _period_quota(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: PeriodQuota,
    period: Period,
    as_of: dt.date,
    elapsed: float,
    rules: ProgressRules,
    reports: _Reports,
    count: int,
) -> ActivityProgress:
    planned = target.amount
    done = reports.totals[count]
    return _numbered(
        activity,
        target,
        planned,
        planned * elapsed,
        done,
        min(done, planned),
        done,
        _need(planned, target.bound, rules),
        period,
        as_of,
        rules,
        count,
    )


def _numbered(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: PeriodQuota | IntervalQuota | Schedule,
    planned: Number,
    expected: Number,
    done: Number,
    counted: Number,
    paced: Number,
    need: Number,
    period: Period,
    as_of: dt.date,
    rules: ProgressRules,
    count: int,
    interval_data: _IntervalData | None = None,
) -> ActivityProgress:
    """Classify a target with a number and build its result.

    *paced* is what the pace is computed from: what was done, or for a quota
    per interval what counts (no interval's surplus makes up for another's
    shortfall). A plan of nothing (a schedule with no occurrence in the
    period) cannot be assessed. *count* is how many reports count.
    """
    pace = paced / expected if expected > 0 else None
    unit = target.unit
    if planned == 0:
        status, reason = Status.NOT_ASSESSABLE, _reason(StatusRule.NO_OCCURRENCES)
        completion = forecast = None
    else:
        status, reason = _classify(
            done, counted, expected, planned, pace, need, period, as_of, rules, unit
        )
        completion = min(counted / planned, 1.0)
        forecast = _forecast(done, expected, planned, as_of >= period.end)
    return _result(
        activity,
        target.kind,
        unit,
        planned,
        expected,
        done,
        counted,
        done - counted,
        completion,
        pace,
        forecast,
        status,
        reason,
        None,
        count,
        None,
        None,
        None,
        interval_data,
    )


class _Plan:
    """The intervals of a quota per interval within a period, with their amounts."""

    __slots__ = ("cumulative", "firsts", "lasts", "planned", "rows", "starts")

    def __init__(self, rows: list[tuple[ReportingInterval, float]]) -> None:
        self.rows = tuple(interval for interval, _ in rows)
        self.planned = tuple(planned for _, planned in rows)
        self.firsts = tuple(interval.period.start for interval in self.rows)
        self.starts = tuple(day.toordinal() for day in self.firsts)
        self.lasts = tuple(interval.period.end.toordinal() for interval in self.rows)
        self.cumulative = tuple(itertools.accumulate(self.planned, initial=0.0))

    def expected(self, i: int, as_of_ord: int) -> float:
        """Return what interval *i* expects by the end of the day *as_of_ord*."""
        first, last = self.starts[i], self.lasts[i]
        if as_of_ord >= last:
            return self.planned[i]
        if as_of_ord < first:
            return 0.0
        return self.planned[i] * (as_of_ord - first + 1) / (last - first + 1)


@functools.lru_cache(maxsize=4096)
def _interval_plan(
    period: Period, per: Interval, amount: Number, partial: PartialIntervals
) -> _Plan:
    """Return the intervals of *per* within *period* with the amount each asks for."""
    rows = []
    for interval in intervals(period, per):
        planned = float(amount)
        if partial is PartialIntervals.PRO_RATA and interval.partial:
            planned = amount * interval.period.days / interval.full.days
        rows.append((interval, planned))
    return _Plan(rows)


@attrs.frozen
class _IntervalData:
    """What a quota per interval's rows are built from: the plan, the date, done per interval."""

    plan: _Plan = attrs.field(eq=False)
    as_of_ord: int
    done: tuple[tuple[int, Number], ...]

    def rows(self) -> tuple[IntervalProgress, ...]:
        plan = self.plan
        done = dict(self.done)
        return tuple(
            IntervalProgress(
                interval=interval,
                planned=plan.planned[i],
                expected=plan.expected(i, self.as_of_ord),
                done=done.get(i, 0),
                counted=min(float(done.get(i, 0)), plan.planned[i]),
                ended=self.as_of_ord >= plan.lasts[i],
            )
            for i, interval in enumerate(plan.rows)
        )


def _per_interval(plan: _Plan, reports: _Reports, count: int) -> tuple[tuple[int, Number], ...]:
    """Return (interval, sum of its amounts) for each interval with an amount, in order.

    Only the first *count* reports are summed: those that count by the date.
    """
    per_interval: dict[int, Number] = {}
    for day, amount in zip(reports.days[:count], reports.amounts[:count], strict=True):
        if amount is not None:
            i = bisect.bisect_right(plan.firsts, day) - 1
            per_interval[i] = per_interval.get(i, 0) + amount
    return tuple(sorted(per_interval.items()))


def _whole_per_interval(
    plan: _Plan, reports: _Reports, count: int
) -> tuple[tuple[tuple[int, Number], ...], Number, float]:
    """Return what :func:`_per_interval` and :func:`_interval_sums` return, for whole amounts.

    Steps from interval to interval instead of from report to report: each
    step finds where the next interval's reports begin by a binary search and
    takes the interval's sum as a difference of running totals, which is
    exact for ``int`` amounts; what counts is added in the same order.
    """
    days, totals, firsts, planned = reports.days, reports.totals, plan.firsts, plan.planned
    last = len(firsts) - 1
    out = []
    counted = 0.0
    pos = 0
    while pos < count:
        i = bisect.bisect_right(firsts, days[pos]) - 1
        end = bisect.bisect_left(days, firsts[i + 1], pos, count) if i < last else count
        i_done = totals[end] - totals[pos]
        out.append((i, i_done))
        counted += min(float(i_done), planned[i])
        pos = end
    return tuple(out), totals[count], counted


def _interval_sums(plan: _Plan, in_order: tuple[tuple[int, Number], ...]) -> tuple[Number, float]:
    """Return what was done over all intervals, and what of it counts (each capped at its plan)."""
    done: Number = 0
    counted = 0.0
    for i, i_done in in_order:
        done += i_done
        counted += min(float(i_done), plan.planned[i])
    return done, counted


def _interval_quota(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: IntervalQuota,
    period: Period,
    as_of: dt.date,
    rules: ProgressRules,
    reports: _Reports,
    count: int,
) -> ActivityProgress:
    plan = _interval_plan(period, target.per, target.amount, rules.partial_intervals)
    as_of_ord = as_of.toordinal()
    if reports.whole:
        in_order, done, counted = _whole_per_interval(plan, reports, count)
    else:
        in_order = _per_interval(plan, reports, count)
        done, counted = _interval_sums(plan, in_order)
    ended = bisect.bisect_right(plan.lasts, as_of_ord)
    expected = plan.cumulative[ended]
    if ended < len(plan.rows):
        expected += plan.expected(ended, as_of_ord)
    planned = plan.cumulative[-1]
    return _numbered(
        activity,
        target,
        planned,
        expected,
        done,
        counted,
        counted,
        _need(planned, target.bound, rules),
        period,
        as_of,
        rules,
        count,
        _IntervalData(plan, as_of_ord, in_order),
    )


def _schedule(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: Schedule,
    period: Period,
    as_of: dt.date,
    rules: ProgressRules,
    reports: _Reports,
    count: int,
) -> ActivityProgress:
    ordinals, offset = occurrences(
        target.recurrence, target.start or period.start, period.start, period.end
    )
    planned = len(ordinals) - offset
    done = reports.occurrences[count]
    return _numbered(
        activity,
        target,
        planned,
        max(count_until(ordinals, as_of) - offset, 0),
        done,
        min(done, planned),
        done,
        planned,
        period,
        as_of,
        rules,
        count,
    )


def _milestone(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: Milestone,
    period: Period,
    as_of: dt.date,
    reports: _Reports,
    count: int,
) -> ActivityProgress:
    due = target.due or period.end
    met_on = reports.days[0] if count else None
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
    return _result(
        activity=activity,
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
        reason=_reason(rule, date=met_on or period.start, due=due),
        reports=count,
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


def _ongoing(  # noqa: PLR0917 - see _activity_progress
    activity: Activity,
    target: Ongoing,
    period: Period,
    as_of: dt.date,
    reports: _Reports,
    count: int,
    assessment: AssessmentAt | None,
) -> ActivityProgress:
    if assessment is not None:
        status = _VERDICT_STATUS[assessment.verdict]
        if status is Status.AT_RISK and as_of >= period.end:
            status = Status.MISSED
        reason = _reason(StatusRule.ASSESSMENT, date=assessment.held_on, verdict=assessment.verdict)
    elif as_of < period.start:
        status, reason = (
            Status.NOT_STARTED,
            _reason(StatusRule.BEFORE_PERIOD, date=period.start),
        )
    else:
        status, reason = Status.NOT_ASSESSABLE, _reason(StatusRule.NO_ASSESSMENT)
    done = reports.totals[count]
    return _result(
        activity=activity,
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
        reports=count,
    )


class _Sums:
    """Running sums for a weighted mean of completions (one focus area or the promise)."""

    __slots__ = ("done", "expected", "items", "total")

    def __init__(self) -> None:
        self.total = self.done = self.expected = 0.0
        self.items: list[ActivityProgress] = []

    def means(self) -> tuple[float | None, float | None]:
        if self.total <= 0:
            return None, None
        return self.done / self.total, self.expected / self.total


def _rollups(
    promise: Promise, activities: tuple[ActivityProgress, ...]
) -> tuple[tuple[FocusAreaProgress, ...], tuple[float | None, float | None]]:
    """Return each focus area's progress and the promise's weighted means, in one pass.

    ``Σ wᵢ·completionᵢ ÷ Σ wᵢ`` over the activities with a completion that are
    not cancelled, and the same mean of ``min(expectedᵢ ÷ plannedᵢ, 1)``.
    """
    areas = {area.id: _Sums() for area in promise.focus_areas}
    whole = _Sums()
    total = done = expected_total = 0.0
    cancelled = Status.CANCELLED
    for item in activities:
        activity = item.activity
        completion = item.completion
        counts = False
        if completion is not None and item.status is not cancelled:
            counts = True
            weight = activity.weight
            planned, expected = item.planned, item.expected
            # ActivityProgress.expected_share, inline: the property call cost a third.
            known = planned is not None and expected is not None and planned > 0
            share = min(expected / planned, 1.0) if known else 0.0  # type: ignore[operator] # known: numbers
            weighted = weight * completion
            weighted_expected = weight * (share or 0.0)
            total += weight
            done += weighted
            expected_total += weighted_expected
        for area_id in activity.focus_areas:
            sums = areas.get(area_id)
            if sums is not None and not (sums.items and sums.items[-1] is item):
                sums.items.append(item)
                if counts:
                    sums.total += weight
                    sums.done += weighted
                    sums.expected += weighted_expected
    whole.total, whole.done, whole.expected = total, done, expected_total
    focus_areas = []
    for area in promise.focus_areas:
        sums = areas[area.id]
        completion, expected_completion = sums.means()
        focus_areas.append(
            _area_result(
                focus_area=area,
                activities=tuple(sums.items),
                completion=completion,
                expected_completion=expected_completion,
                counts=_counts(sums.items),
            )
        )
    return tuple(focus_areas), whole.means()


def _indicator_progress(
    indicator: Indicator, *, as_of: dt.date, period: Period | None
) -> IndicatorProgress:
    latest = None
    for measurement in indicator.measurements:
        if measurement.date <= as_of and (latest is None or measurement.date >= latest.date):
            latest = measurement
    baseline, target = indicator.baseline, indicator.target
    unit = indicator.unit
    empty: dict[str, Any] = {
        "change": None,
        "improvement": None,
        "share_of_way": None,
        "trajectory": None,
        "on_trajectory": None,
        "target_reached": None,
    }
    if latest is None:
        return IndicatorProgress(
            indicator=indicator,
            latest=None,
            status=Status.NOT_ASSESSABLE,
            reason=StatusReason(rule=StatusRule.NO_DATA),
            **empty,
        )
    if baseline is None or target is None:
        change = None if baseline is None else latest.value - baseline.value
        sign = 1 if indicator.direction is Direction.INCREASE else -1
        empty.update(change=change, improvement=None if change is None else sign * change)
        return IndicatorProgress(
            indicator=indicator,
            latest=latest,
            status=Status.NOT_ASSESSABLE,
            reason=StatusReason(
                rule=StatusRule.NO_BASELINE_OR_TARGET, value=latest.value, unit=unit
            ),
            **empty,
        )
    sign = 1 if indicator.direction is Direction.INCREASE else -1
    change = latest.value - baseline.value
    improvement = sign * change
    span = target.value - baseline.value
    share = change / span if span != 0 else None
    target_reached = sign * (latest.value - target.value) >= -_EPS
    target_date = target.date or (period.end if period is not None else None)
    trajectory = None
    if target_date is not None and target_date > baseline.date:
        t = (latest.date - baseline.date).days / (target_date - baseline.date).days
        trajectory = baseline.value + span * min(max(t, 0.0), 1.0)
    on_trajectory = None if trajectory is None else sign * (latest.value - trajectory) >= -_EPS
    figures: dict[str, Any] = {
        "value": latest.value,
        "baseline": baseline.value,
        "planned": target.value,
        "expected": trajectory,
        "unit": unit,
        "due": target_date,
    }
    status, rule = _indicator_status(
        target_reached=target_reached,
        target_passed=target_date is not None and as_of >= target_date,
        improvement=improvement,
        on_trajectory=on_trajectory,
    )
    return IndicatorProgress(
        indicator=indicator,
        latest=latest,
        change=change,
        improvement=improvement,
        share_of_way=share,
        trajectory=trajectory,
        on_trajectory=on_trajectory,
        target_reached=target_reached,
        status=status,
        reason=StatusReason(rule=rule, **figures),
    )


def _indicator_status(
    *, target_reached: bool, target_passed: bool, improvement: float, on_trajectory: bool | None
) -> tuple[Status, StatusRule]:
    if target_reached:
        return Status.ACHIEVED, StatusRule.INDICATOR_TARGET_REACHED
    if target_passed:
        return Status.MISSED, StatusRule.INDICATOR_TARGET_DATE_PASSED
    if improvement < 0:
        return Status.AT_RISK, StatusRule.WORSENED
    if on_trajectory is None:
        return Status.NOT_ASSESSABLE, StatusRule.NO_TARGET_DATE
    if on_trajectory:
        return Status.ON_TRACK, StatusRule.ON_TRAJECTORY
    return Status.BEHIND, StatusRule.OFF_TRAJECTORY
