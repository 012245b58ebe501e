"""Indicators of effect: baselines, targets and measurements (indikator, effektmått)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from medborgarlofte._model.checks import date as _date
from medborgarlofte._model.checks import (
    line,
    number,
    of,
    one_line,
    optional_date,
    optional_integer,
    optional_of,
    optional_one_line,
    optional_text,
    tuple_of,
)
from medborgarlofte._model.checks import lines as _lines
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

    date: dt.date = attrs.field(validator=_date)
    value: Number = attrs.field(validator=number)
    respondents: int | None = attrs.field(default=None, validator=optional_integer)
    source: str | None = attrs.field(default=None, validator=optional_one_line)
    note: str | None = attrs.field(default=None, validator=optional_text)
    precision: DatePrecision = attrs.field(default=DatePrecision.DAY, validator=of(DatePrecision))
    covers: Period | None = attrs.field(default=None, validator=optional_of(Period))
    date_text: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class IndicatorTarget:
    """The value an indicator should reach, and by when (målvärde).

    Attributes:
        value: The value to reach.
        date: The day it should be reached by.
    """

    value: Number = attrs.field(validator=number)
    date: dt.date | None = attrs.field(default=None, validator=optional_date)


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

    id: str = attrs.field(validator=line)
    name: str = attrs.field(validator=line)
    unit: str = attrs.field(validator=one_line)
    direction: Direction = attrs.field(validator=of(Direction))
    baseline: Measurement | None = attrs.field(default=None, validator=optional_of(Measurement))
    target: IndicatorTarget | None = attrs.field(
        default=None, validator=optional_of(IndicatorTarget)
    )
    measurements: tuple[Measurement, ...] = attrs.field(default=(), validator=tuple_of(Measurement))
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    kolada_kpi: str | None = attrs.field(default=None, validator=optional_one_line)
    source: str | None = attrs.field(default=None, validator=optional_one_line)
    description: str | None = attrs.field(default=None, validator=optional_text)
