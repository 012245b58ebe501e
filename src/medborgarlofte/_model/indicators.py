"""Indicators of effect: baselines, targets and measurements (indikator, effektmått)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from medborgarlofte._model.checks import non_empty
from medborgarlofte._model.period import Period
from medborgarlofte._model.targets import Number

__all__ = ["DatePrecision", "Direction", "Indicator", "IndicatorTarget", "Measurement"]


class Direction(enum.Enum):
    """Which way an indicator should move (önskad riktning)."""

    INCREASE = "increase"
    """Högre är bättre, for example the share who feel safe."""
    DECREASE = "decrease"
    """Lägre är bättre, for example the share who feel unsafe."""


class DatePrecision(enum.Enum):
    """How exactly a measurement is dated (datumets noggrannhet).

    A survey reported for "våren 2021" is dated by season: its ``date`` is the
    last day of that season and ``date_text`` keeps the wording.
    """

    DAY = "day"
    """A day."""
    MONTH = "month"
    """A month: ``date`` is its last day."""
    SEASON = "season"
    """A season (vår, sommar, höst, vinter): ``date`` is its last day."""
    YEAR = "year"
    """A year: ``date`` is 31 December."""
    INTERVAL = "interval"
    """A span given by ``covers``: ``date`` is its last day."""


@attrs.frozen(kw_only=True)
class Measurement:
    """One value of an indicator at a date (mätvärde, mätning).

    Attributes:
        date: When the value was measured, or the last day it covers.
        value: The value, in the indicator's unit.
        respondents: How many answered, for a survey.
        source: The id of the basis source the value comes from, if any.
        note: Anything worth knowing about the value.
        precision: How exactly ``date`` is known: a day, or only a month,
            season, year or interval.
        covers: The span measured, for a value dated by interval.
        date_text: The date as the source words it, for example ``"våren 2021"``.
    """

    date: dt.date
    value: Number
    respondents: int | None = None
    source: str | None = None
    note: str | None = None
    precision: DatePrecision = DatePrecision.DAY
    covers: Period | None = None
    date_text: str | None = None


@attrs.frozen(kw_only=True)
class IndicatorTarget:
    """The value an indicator should reach, and by when (målvärde).

    Attributes:
        value: The value to reach.
        date: The day it should be reached by.
    """

    value: Number
    date: dt.date | None = None


@attrs.frozen(kw_only=True)
class Indicator:
    """A measure of effect with a baseline and a target (indikator, effektmått).

    For example the share who feel unsafe in the town centre at night
    (trygghetsmätning), reported crimes per 1,000 inhabitants, or a Kolada KPI.

    Attributes:
        id: Unique within the promise.
        name: What is measured.
        unit: The unit, for example ``"%"`` or ``"anmälda brott"``.
        direction: Whether higher or lower is better.
        baseline: The value before the promise (utgångsvärde).
        target: The value to reach.
        measurements: Values measured since, in any order.
        focus_areas: Ids of the focus areas the indicator follows.
        kolada_kpi: The Kolada key figure id, for example ``"N07403"``.
        source: The id of the basis source behind the baseline.
        description: How it is measured, in words.
    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    unit: str
    direction: Direction
    baseline: Measurement | None = None
    target: IndicatorTarget | None = None
    measurements: tuple[Measurement, ...] = ()
    focus_areas: tuple[str, ...] = ()
    kolada_kpi: str | None = None
    source: str | None = None
    description: str | None = None
