"""The status vocabulary of progress and the rules that decide it (läge och bedömningsgränser).

:class:`Status` is where an activity or an indicator stands, :class:`StatusRule`
the branch of the classification that put it there, :class:`StatusReason` the
rule with its figures, and :class:`ProgressRules` the thresholds. Their
Swedish and English texts live in :mod:`medborgarlofte._core.texts`.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._core import codes, texts
from medborgarlofte._model.followup import Verdict
from medborgarlofte._model.targets import Number
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

__all__ = [
    "EPS",
    "PartialIntervals",
    "ProgressRules",
    "Status",
    "StatusReason",
    "StatusRule",
]

EPS = 1e-9
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
        return texts.pick(texts.STATUSES[self.value], lang)

    def definition(self, lang: Language = "sv") -> str:
        """Return the one-line definition of the status in *lang*."""
        return texts.pick(texts.STATUS_DEFINITIONS[self.value], lang)

    @property
    def rank(self) -> int | None:
        """Return the place on the scale from missed (0) to achieved (5).

        ``None`` for cancelled and not assessable, which are off the scale.
        Overdue and at risk share rank 1.
        """
        return _STATUS_RANK[self]


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
    AMOUNT_UNSTATED = "amount_unstated"
    SAME_AS_UNRESOLVED = "same_as_unresolved"
    NO_DATA = "no_data"
    NO_BASELINE_OR_TARGET = "no_baseline_or_target"
    INDICATOR_TARGET_REACHED = "indicator_target_reached"
    INDICATOR_TARGET_DATE_PASSED = "indicator_target_date_passed"
    NO_TARGET_DATE = "no_target_date"
    ON_TRAJECTORY = "on_trajectory"
    OFF_TRAJECTORY = "off_trajectory"
    WORSENED = "worsened"


_PACE_RULES = frozenset({StatusRule.PACE_ON_TRACK, StatusRule.PACE_BEHIND, StatusRule.PACE_AT_RISK})


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
        party: For an activity each responsible party carries out on its own
            (:attr:`~medborgarlofte.Responsibility.EACH`), the name of the
            party whose result decided the activity's status; the text then
            names it first.
        same_as: The id of the activity whose amount a target repeats, when
            that amount cannot be established.
        unit_forms: The singular and plural of ``unit`` that the document
            states (``unit_singular``, ``unit_plural``), used before the
            catalogue's forms.
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
    party: str | None = None
    same_as: str | None = None
    unit_forms: tuple[str, str] | None = None

    def text(self, lang: Language = "sv") -> str:
        """Return the reason as one sentence in *lang* (Swedish by default).

        >>> StatusReason(rule=StatusRule.TARGET_REACHED, done=1, planned=1,
        ...              threshold=1, unit="trygghetsvandringar").text().replace(texts.NBSP, "~")
        '1 av 1~trygghetsvandring har genomförts; minst 1 krävs'
        >>> StatusReason(rule=StatusRule.MILESTONE_NOT_DUE, due=dt.date(2023, 6, 30)).text("en")
        'due by 30 June 2023'
        >>> StatusReason(rule=StatusRule.MILESTONE_NOT_DUE, due=dt.date(2023, 6, 30),
        ...              party="Vingåkers kommun").text("en")
        'Vingåkers kommun: due by 30 June 2023'
        """
        if self.rule in _PACE_RULES:
            threshold = texts.percent(self.threshold, lang)
        else:
            threshold = texts.number(self.threshold, lang)
        on_date = ""
        if self.date is not None:
            on_date = texts.pick(texts.CANCELLED_ON, lang).format(date=texts.day(self.date, lang))
        verdict = "–"
        if self.verdict is not None:
            verdict = texts.pick(texts.REASON_VERDICTS[self.verdict.value], lang)
        text = texts.reason(
            self.rule.value,
            lang,
            done=self.done,
            expected=self.expected,
            planned=self.planned,
            pace=self.pace,
            threshold=threshold,
            unit=self.unit,
            value=self.value,
            baseline=self.baseline,
            date=texts.day(self.date, lang),
            on_date=on_date,
            due=texts.day(self.due, lang),
            verdict=verdict,
            same_as=self.same_as or "–",
            forms=self.unit_forms,
        )
        if self.party is None:
            return text
        return texts.pick(texts.PARTY_REASON, lang).format(party=self.party, reason=text)

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
