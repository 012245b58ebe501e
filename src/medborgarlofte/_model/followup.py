"""Follow-up as data: rules, held follow-ups and assessments (uppföljning)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._core import codes, texts
from medborgarlofte._model.checks import (
    boolean,
    date,
    line,
    lines,
    non_negative_integer,
    of,
    optional_of,
    optional_one_line,
    optional_text,
    tuple_of,
)
from medborgarlofte._model.period import Period
from medborgarlofte._model.recurrence import Recurrence
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

__all__ = [
    "Assessment",
    "Cadence",
    "FollowUp",
    "FollowUpRule",
    "ReasonCode",
    "Verdict",
]


class Cadence(enum.Enum):
    """How often a promise is followed up (uppföljningsintervall)."""

    MONTHLY = "monthly"
    """Varje månad."""
    QUARTERLY = "quarterly"
    """Varje kvartal."""
    TERTIAL = "tertial"
    """Varje tertial: var fjärde månad, tre gånger per år."""
    HALF_YEARLY = "half_yearly"
    """Varje halvår."""
    YEARLY = "yearly"
    """Varje år."""
    END_OF_PERIOD = "end_of_period"
    """Once, when the promise period ends (vid periodens slut)."""
    SCHEDULE = "schedule"
    """On the dates of a recurrence rule, for example fixed meeting days."""

    def label(self, lang: Language = "sv") -> str:
        """Return the cadence in words in *lang* (Swedish by default).

        >>> Cadence.TERTIAL.label(), Cadence.TERTIAL.label("en")
        ('varje tertial', 'every tertial')
        """
        return texts.pick(texts.CADENCES[self.value], lang)


_optional_recurrence = optional_of(Recurrence)


def _schedule_needs_rule(
    instance: FollowUpRule, attribute: attrs.Attribute[Any], value: Recurrence | None
) -> None:
    _optional_recurrence(instance, attribute, value)
    if (instance.cadence is Cadence.SCHEDULE) != (value is not None):
        raise InvalidValueError(
            code=codes.CADENCE_RECURRENCE_MISMATCH,
            field="recurrence",
            message_sv="en upprepningsregel anges när, och bara när, kadensen är 'schedule'",
            message_en="a recurrence is given when, and only when, the cadence is 'schedule'",
        )


@attrs.frozen(kw_only=True)
class FollowUpRule:
    """When, where and by whom a promise is followed up (uppföljningsregel).

    Attributes:
        id: Unique within the promise.
        cadence: How often.
        recurrence: The meeting dates, when ``cadence`` is ``schedule``.
        forum: Where, for example ``"BRÅ"``, ``"styrgrupp"``, ``"kommunstyrelsen"``.
        responsible: The id of the party that convenes or reports.
        report_due_days: Days after a covered interval ends by which the
            follow-up is due.
        focus_areas: Ids of the focus areas covered; none means all.
        activities: Ids of the activities covered; none means all.
        published: Where results are published, for example ``"kommunens webbplats"``.
        by_indicators: Whether the follow-up looks at indicators, not only outputs.
        description: The rule in words.
    """

    id: str = attrs.field(validator=line)
    cadence: Cadence = attrs.field(validator=of(Cadence))
    recurrence: Recurrence | None = attrs.field(default=None, validator=_schedule_needs_rule)
    forum: str | None = attrs.field(default=None, validator=optional_one_line)
    responsible: str | None = attrs.field(default=None, validator=optional_one_line)
    report_due_days: int = attrs.field(default=0, validator=non_negative_integer)
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=lines)
    activities: tuple[str, ...] = attrs.field(default=(), validator=lines)
    published: tuple[str, ...] = attrs.field(default=(), validator=lines)
    by_indicators: bool = attrs.field(default=False, validator=boolean)
    description: str | None = attrs.field(default=None, validator=optional_text)


class Verdict(enum.Enum):
    """A person's verdict on an activity at a follow-up (bedömning)."""

    DONE = "done"
    """Genomförd."""
    PARTLY_DONE = "partly_done"
    """Delvis genomförd."""
    NOT_DONE = "not_done"
    """Ej genomförd."""
    ONGOING = "ongoing"
    """Pågående, enligt plan."""
    NOT_ASSESSABLE = "not_assessable"
    """Går inte att bedöma."""

    def label(self, lang: Language = "sv") -> str:
        """Return the verdict in words in *lang* (Swedish by default).

        >>> Verdict.PARTLY_DONE.label(), Verdict.PARTLY_DONE.label("en")
        ('delvis genomförd', 'partly done')
        """
        return texts.pick(texts.VERDICTS[self.value], lang)


class ReasonCode(enum.Enum):
    """Why an activity was not done as promised (orsak)."""

    RESOURCES = "resources"
    """Brist på resurser."""
    PRIORITIES_CHANGED = "priorities_changed"
    """Ändrade prioriteringar."""
    EXTERNAL_EVENT = "external_event"
    """Yttre händelse, till exempel en pandemi."""
    PARTNER_MISSING = "partner_missing"
    """En samverkanspart saknades."""
    OTHER = "other"
    """Annan orsak."""

    def label(self, lang: Language = "sv") -> str:
        """Return the reason in words in *lang* (Swedish by default).

        >>> ReasonCode.EXTERNAL_EVENT.label(), ReasonCode.EXTERNAL_EVENT.label("en")
        ('yttre händelse', 'external event')
        """
        return texts.pick(texts.REASON_CODES[self.value], lang)


@attrs.frozen(kw_only=True)
class Assessment:
    """A verdict on one activity at a follow-up (bedömning).

    Attributes:
        activity: The id of the activity assessed.
        verdict: The verdict.
        reason: Why it was not done as promised.
        note: The assessment in words.
        assessed_by: Who made the assessment.
    """

    activity: str = attrs.field(validator=line)
    verdict: Verdict = attrs.field(validator=of(Verdict))
    reason: ReasonCode | None = attrs.field(default=None, validator=optional_of(ReasonCode))
    note: str | None = attrs.field(default=None, validator=optional_text)
    assessed_by: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class FollowUp:
    """A follow-up that was held (genomförd uppföljning).

    Attributes:
        id: Unique within the promise.
        held_on: The day it was held.
        rule: The id of the follow-up rule it fulfils, if any.
        covers: The span it covers.
        forum: Where it was held.
        participants: Who took part, in words or as party ids.
        summary: What was concluded.
        assessments: Verdicts per activity.
        published: Where the result was published.
    """

    id: str = attrs.field(validator=line)
    held_on: dt.date = attrs.field(validator=date)
    rule: str | None = attrs.field(default=None, validator=optional_one_line)
    covers: Period | None = attrs.field(default=None, validator=optional_of(Period))
    forum: str | None = attrs.field(default=None, validator=optional_one_line)
    participants: tuple[str, ...] = attrs.field(default=(), validator=lines)
    summary: str | None = attrs.field(default=None, validator=optional_text)
    assessments: tuple[Assessment, ...] = attrs.field(default=(), validator=tuple_of(Assessment))
    published: tuple[str, ...] = attrs.field(default=(), validator=lines)
