"""What an activity promises to do: the closed union of targets (mål, målvärde)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal, TypeAlias

import attrs

from medborgarlofte._model.checks import (
    boolean,
    line,
    of,
    optional_date,
    optional_line,
    optional_number,
    optional_one_line,
    optional_text,
    positive_number,
    text,
    tuple_of,
)
from medborgarlofte._model.recurrence import Recurrence

__all__ = [
    "Bound",
    "Interval",
    "IntervalQuota",
    "Milestone",
    "Number",
    "Ongoing",
    "PeriodQuota",
    "Schedule",
    "SubTarget",
    "Target",
    "TargetKind",
    "stated_forms",
]

Number: TypeAlias = int | float
"""A count or an amount: an ``int`` stays an ``int`` and a ``float`` a ``float``."""


def stated_forms(
    unit: str | None, singular: str | None, plural: str | None
) -> tuple[str, str] | None:
    """Return the singular and plural of *unit* that a document states, or ``None``.

    ``unit`` is written as the document writes it, in either form; a
    document gives the form it does not write in ``unit_singular`` or
    ``unit_plural``, and the form it leaves out is ``unit`` itself. ``None``
    when the document gives neither form, or no unit to bend.

    >>> stated_forms("trafikkontroller", "trafikkontroll", None)
    ('trafikkontroll', 'trafikkontroller')
    >>> stated_forms("medborgardialog", None, "medborgardialoger")
    ('medborgardialog', 'medborgardialoger')
    >>> stated_forms("trafikkontroller", None, None) is None
    True
    """
    if unit is None or (singular is None and plural is None):
        return None
    return (singular or unit, plural or unit)


class Bound(enum.Enum):
    """How a number in a target is meant (hur målvärdet ska läsas)."""

    AT_LEAST = "at_least"
    """Minst: the number is a floor; more is better."""
    TARGET = "target"
    """Målvärde: the number is stated without a qualifier."""
    ABOUT = "about"
    """Cirka, ungefär."""
    AT_MOST = "at_most"
    """Högst: the number is a ceiling."""


class Interval(enum.Enum):
    """A Swedish reporting or planning interval (intervall).

    Calendar-aligned: a tertial is January–April, May–August or
    September–December; a half-year is January–June or July–December.
    """

    WEEK = "week"
    """Vecka (ISO week, Monday to Sunday)."""
    MONTH = "month"
    """Månad."""
    QUARTER = "quarter"
    """Kvartal."""
    TERTIAL = "tertial"
    """Tertial: four months."""
    HALF_YEAR = "half_year"
    """Halvår."""
    YEAR = "year"
    """År, kalenderår."""


@attrs.frozen(kw_only=True)
class SubTarget:
    """A part of a quota, by share or by place (delmål).

    "Minst 52 narkotikabrott, varav minst 20 % förstagångsanvändare" is a
    quota of 52 with a sub-target of 20 % (``share=0.2``); "800 patrols in
    area A and as many in area B" are two sub-targets with ``place``.

    Attributes:
        description: What the part is, for example ``"förstagångsanvändare"``.
        amount: An absolute number for the part.
        share: A share of the whole, from 0 to 1.
        bound: How the number is meant.
        place: The id of the place the part concerns.
    """

    description: str = attrs.field(validator=text)
    amount: Number | None = attrs.field(default=None, validator=optional_number)
    share: float | None = attrs.field(default=None, validator=optional_number)
    bound: Bound = attrs.field(default=Bound.AT_LEAST, validator=of(Bound))
    place: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class PeriodQuota:
    """An amount to reach over the whole period (kvot för perioden).

    "Minst 50 trafikkontroller under 2023–2024."

    Attributes:
        amount: The number promised; must be positive.
        unit: What is counted, for example ``"trafikkontroller"``.
        bound: How the number is meant; "minst" is :attr:`Bound.AT_LEAST`.
        sub_targets: Parts of the amount, by share or by place.
        interval_unclear: Set when the source leaves it unclear whether the
            amount is for the period or per year.
        wording: The target as the source words it.
        same_as: The id of the activity whose amount this one repeats
            ("motsvarande antal"); ``amount`` then holds the same number.
        unit_truncated: Set when the source cuts the unit off ("traf…");
            ``unit`` keeps what survives.
        unit_singular: The singular of ``unit`` when ``unit`` is written in
            the plural, for example ``"trafikkontroll"`` (enhet i singular).
        unit_plural: The plural of ``unit`` when ``unit`` is written in the
            singular, for example ``"medborgardialoger"`` (enhet i plural).
    """

    kind: Literal["period_quota"] = attrs.field(default="period_quota", init=False)
    amount: Number = attrs.field(validator=positive_number)
    unit: str = attrs.field(validator=line)
    bound: Bound = attrs.field(default=Bound.TARGET, validator=of(Bound))
    sub_targets: tuple[SubTarget, ...] = attrs.field(default=(), validator=tuple_of(SubTarget))
    interval_unclear: bool = attrs.field(default=False, validator=boolean)
    wording: str | None = attrs.field(default=None, validator=optional_text)
    same_as: str | None = attrs.field(default=None, validator=optional_line)
    unit_truncated: bool = attrs.field(default=False, validator=boolean)
    unit_singular: str | None = attrs.field(default=None, validator=optional_line)
    unit_plural: str | None = attrs.field(default=None, validator=optional_line)

    @property
    def unit_forms(self) -> tuple[str, str] | None:
        """The singular and plural of ``unit`` the document states, or ``None``."""
        return stated_forms(self.unit, self.unit_singular, self.unit_plural)


@attrs.frozen(kw_only=True)
class IntervalQuota:
    """An amount to reach in every interval (kvot per intervall).

    "Två gånger per år", "minst 900 timmar per år".

    Attributes:
        amount: The number promised per interval; must be positive.
        unit: What is counted, for example ``"timmar"``.
        per: The interval, for example :attr:`Interval.YEAR`.
        bound: How the number is meant.
        sub_targets: Parts of the amount, by share or by place.
        wording: The target as the source words it.
        same_as: The id of the activity whose amount this one repeats.
        unit_truncated: Set when the source cuts the unit off.
        unit_singular: The singular of ``unit`` when ``unit`` is written in
            the plural (enhet i singular).
        unit_plural: The plural of ``unit`` when ``unit`` is written in the
            singular (enhet i plural).
    """

    kind: Literal["interval_quota"] = attrs.field(default="interval_quota", init=False)
    amount: Number = attrs.field(validator=positive_number)
    unit: str = attrs.field(validator=line)
    per: Interval = attrs.field(validator=of(Interval))
    bound: Bound = attrs.field(default=Bound.TARGET, validator=of(Bound))
    sub_targets: tuple[SubTarget, ...] = attrs.field(default=(), validator=tuple_of(SubTarget))
    wording: str | None = attrs.field(default=None, validator=optional_text)
    same_as: str | None = attrs.field(default=None, validator=optional_line)
    unit_truncated: bool = attrs.field(default=False, validator=boolean)
    unit_singular: str | None = attrs.field(default=None, validator=optional_line)
    unit_plural: str | None = attrs.field(default=None, validator=optional_line)

    @property
    def unit_forms(self) -> tuple[str, str] | None:
        """The singular and plural of ``unit`` the document states, or ``None``."""
        return stated_forms(self.unit, self.unit_singular, self.unit_plural)


@attrs.frozen(kw_only=True)
class Schedule:
    """Work on fixed dates given by a recurrence rule (schema).

    "Lägesbild varje måndag" is ``FREQ=WEEKLY;BYDAY=MO``. Each occurrence is
    one unit of work.

    Attributes:
        recurrence: The RFC 5545 RRULE.
        start: Where the rule starts counting (DTSTART); the promise period's
            start if not given.
        unit: What one occurrence is, for example ``"lägesbildsmöte"``.
        wording: The target as the source words it.
        unit_singular: The singular of ``unit`` when ``unit`` is written in
            the plural (enhet i singular).
        unit_plural: The plural of ``unit`` when ``unit`` is written in the
            singular, for example ``"lägesbildsmöten"`` (enhet i plural).
    """

    kind: Literal["schedule"] = attrs.field(default="schedule", init=False)
    recurrence: Recurrence = attrs.field(validator=of(Recurrence))
    start: dt.date | None = attrs.field(default=None, validator=optional_date)
    unit: str | None = attrs.field(default=None, validator=optional_one_line)
    wording: str | None = attrs.field(default=None, validator=optional_text)
    unit_singular: str | None = attrs.field(default=None, validator=optional_line)
    unit_plural: str | None = attrs.field(default=None, validator=optional_line)

    @property
    def unit_forms(self) -> tuple[str, str] | None:
        """The singular and plural of ``unit`` the document states, or ``None``."""
        return stated_forms(self.unit, self.unit_singular, self.unit_plural)


@attrs.frozen(kw_only=True)
class Milestone:
    """A one-off task to finish, possibly by a date (delmål med slutdatum).

    Attributes:
        due: When it must be done, if the source says.
        wording: The target as the source words it.
    """

    kind: Literal["milestone"] = attrs.field(default="milestone", init=False)
    due: dt.date | None = attrs.field(default=None, validator=optional_date)
    wording: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class Ongoing:
    """Continuing work without a number (löpande arbete).

    Also how to record "ett antal planerade insatser": a quota whose amount
    the source does not state. Set ``amount_unstated`` and name what would be
    counted in ``unit``, so that progress can say it cannot be assessed rather
    than count the work as open-ended.

    Attributes:
        wording: The target as the source words it.
        unit: What would be counted, for a quota whose amount is not stated.
        amount_unstated: Set when the source promises a countable amount but
            does not state it (ett antal).
    """

    kind: Literal["ongoing"] = attrs.field(default="ongoing", init=False)
    wording: str | None = attrs.field(default=None, validator=optional_text)
    unit: str | None = attrs.field(default=None, validator=optional_one_line)
    amount_unstated: bool = attrs.field(default=False, validator=boolean)


Target: TypeAlias = PeriodQuota | IntervalQuota | Schedule | Milestone | Ongoing
"""The closed union of target kinds (mål), tagged by ``kind`` in documents."""

TargetKind: TypeAlias = Literal[
    "period_quota", "interval_quota", "schedule", "milestone", "ongoing"
]
"""The ``kind`` tag of each target class."""
