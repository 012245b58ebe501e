"""What was done: reports of activities (genomförd insats, rapport)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from medborgarlofte._model.checks import (
    boolean,
    line,
    lines,
    non_negative_number,
    number,
    of,
    optional_date,
    optional_line,
    optional_non_negative_number,
    optional_number,
    optional_of,
    optional_one_line,
    optional_text,
    tuple_of,
)
from medborgarlofte._model.period import Period
from medborgarlofte._model.targets import Number, stated_forms

__all__ = ["Quantity", "QuantityKind", "Report", "ReportKind", "ReportLink", "Share"]


class ReportKind(enum.Enum):
    """What a report states (typ av rapport)."""

    DONE = "done"
    """Genomfört: work that was carried out."""
    PLANNED = "planned"
    """Planerat: a plan given instead of a result; counts for nothing."""
    NOT_DONE = "not_done"
    """Ej genomfört: work that was not carried out, usually with a reason."""


class QuantityKind(enum.Enum):
    """Whether a number counts work done or its effect (utfall eller effekt)."""

    OUTPUT = "output"
    """Prestation: what was done, for example training sessions held."""
    OUTCOME = "outcome"
    """Resultat: what came of it, for example nine people reported."""


class ReportLink(enum.Enum):
    """What promised work a report belongs to, honestly stated (koppling till löftet)."""

    ACTIVITY = "activity"
    """Aktivitet: an activity of the promise, named by id in ``activity``."""
    UNRESTATED = "unrestated"
    """Utlovad men inte återgiven: promised work the document does not restate."""
    UNPROMISED = "unpromised"
    """Inte utlovad: work that was never promised."""


@attrs.frozen(kw_only=True)
class Share:
    """A part of the reported work given as a share, often of a place (andel, varav).

    "Varav nästan hälften i byarna" is ``Share(share=0.5, place="byarna",
    approximate=True, wording="nästan hälften")``.

    Attributes:
        share: The share of the whole, from 0 to 1.
        place: The id of the place the part was done in.
        description: What the part is, when it is not a place.
        approximate: Whether the source gives the share only roughly.
        wording: The share as the source words it.
    """

    share: float = attrs.field(validator=number)
    place: str | None = attrs.field(default=None, validator=optional_line)
    description: str | None = attrs.field(default=None, validator=optional_text)
    approximate: bool = attrs.field(default=False, validator=boolean)
    wording: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class Quantity:
    """A further number reported for an activity, in a unit of its own (mängd).

    Attributes:
        value: The number; for an approximate wording, the number it stands for.
        unit: What is counted, for example ``"personer utbildade"``.
        kind: Output or outcome.
        approximate: Whether the source gives the number only roughly.
        wording: The number as the source words it, for example ``"drygt femtio"``.
        place: The id of the place the number was counted in.
        share: The share of the report's ``amount`` the number stands for,
            from 0 to 1, when the source gives it.
        unit_singular: The singular of ``unit`` when ``unit`` is written in
            the plural, for example ``"person utbildad"`` (enhet i singular).
        unit_plural: The plural of ``unit`` when ``unit`` is written in the
            singular (enhet i plural).
    """

    value: Number = attrs.field(validator=non_negative_number)
    unit: str = attrs.field(validator=line)
    kind: QuantityKind = attrs.field(default=QuantityKind.OUTPUT, validator=of(QuantityKind))
    approximate: bool = attrs.field(default=False, validator=boolean)
    wording: str | None = attrs.field(default=None, validator=optional_text)
    place: str | None = attrs.field(default=None, validator=optional_line)
    share: float | None = attrs.field(default=None, validator=optional_number)
    unit_singular: str | None = attrs.field(default=None, validator=optional_line)
    unit_plural: str | None = attrs.field(default=None, validator=optional_line)

    @property
    def unit_forms(self) -> tuple[str, str] | None:
        """The singular and plural of ``unit`` the document states, or ``None``."""
        return stated_forms(self.unit, self.unit_singular, self.unit_plural)


@attrs.frozen(kw_only=True)
class Report:
    """A report of what was done for an activity (genomförd insats, rapport).

    A report is dated (``date``) or covers a span (``period``); a source that
    gives a day without a year keeps that wording in ``date_text``. ``amount``
    is the number that counts towards the activity's target, in the target's
    unit; other numbers go in ``quantities``.

    ``link`` says honestly what promised work the report belongs to: an
    activity of the promise (``activity`` names it), promised work that the
    document does not restate (``work`` names it in the source's words), or
    work that was never promised. Only reports linked to an activity count
    towards progress.

    Attributes:
        activity: The id of the activity reported on, or ``None``.
        id: Optional id, unique within the promise.
        kind: Done, planned or not done.
        date: The day the work was done.
        period: The span the report covers.
        date_text: The date as the source writes it, when it is incomplete.
        amount: How much was done, in the target's unit.
        approximate: Whether ``amount`` is only rough.
        wording: ``amount`` as the source words it, for example ``"ett hundratal"``.
        quantities: Further numbers in other units, outputs or outcomes.
        party: The id of the party reporting.
        note: What was done, in words.
        reason: Why something was not done or fell short.
        source: Where the report comes from, for example a follow-up's minutes.
        link: What promised work the report belongs to; ``activity`` by default.
        work: The work in the report's own words, for example ``"fotpatruller"``.
        places: Ids of the places the work was done in.
        parties: Ids of the parties that did the work together, when several did.
        shares: Parts of the work given as shares, often of a place.
    """

    activity: str | None = attrs.field(default=None, validator=optional_one_line)
    id: str | None = attrs.field(default=None, validator=optional_one_line)
    kind: ReportKind = attrs.field(default=ReportKind.DONE, validator=of(ReportKind))
    date: dt.date | None = attrs.field(default=None, validator=optional_date)
    period: Period | None = attrs.field(default=None, validator=optional_of(Period))
    date_text: str | None = attrs.field(default=None, validator=optional_text)
    amount: Number | None = attrs.field(default=None, validator=optional_non_negative_number)
    approximate: bool = attrs.field(default=False, validator=boolean)
    wording: str | None = attrs.field(default=None, validator=optional_text)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), validator=tuple_of(Quantity))
    party: str | None = attrs.field(default=None, validator=optional_one_line)
    note: str | None = attrs.field(default=None, validator=optional_text)
    reason: str | None = attrs.field(default=None, validator=optional_text)
    source: str | None = attrs.field(default=None, validator=optional_text)
    link: ReportLink = attrs.field(default=ReportLink.ACTIVITY, validator=of(ReportLink))
    work: str | None = attrs.field(default=None, validator=optional_line)
    places: tuple[str, ...] = attrs.field(default=(), validator=lines)
    parties: tuple[str, ...] = attrs.field(default=(), validator=lines)
    shares: tuple[Share, ...] = attrs.field(default=(), validator=tuple_of(Share))

    @property
    def day(self) -> dt.date | None:
        """Return the day the report counts from: its date, else its period's end."""
        if self.date is not None:
            return self.date
        return self.period.end if self.period is not None else None
