"""Hypothesis strategies for valid medborgarlöften, for tests of tools built on the library.

``medborgarlofte.testing`` needs `Hypothesis <https://hypothesis.readthedocs.io/>`_,
which is not a runtime dependency: install it with the extra
``pip install "medborgarlofte[testing]"``. Without it, importing the module
raises :class:`~medborgarlofte.MissingExtraError` naming that extra.

Every strategy here builds objects that are valid on their own and, for
:func:`promises`, a promise whose references all resolve, whose ids are unique
within each collection and whose kommuner carry real kommunkoder with names
that match them, so :func:`medborgarlofte.validate` finds no error in it. The
only warnings it can find are reports and measurements dated outside the
period: they lie mostly inside it, now and then outside, as in real follow-ups.

The text is deliberately varied: Swedish names with å, ä and ö beside any
Unicode that JSON, TOML and YAML can carry (no surrogates, no control
characters). Numbers are ``int`` or finite ``float``, never ``-0.0``, NaN,
infinity or subnormal, so they survive every format unchanged.

A downstream tool uses them like this::

    from hypothesis import given
    from medborgarlofte.testing import promises

    @given(promises(min_activities=1, with_period=True))
    def test_my_report_never_crashes(promise):
        my_report(promise)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar

import attrs

from medborgarlofte.exceptions import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    from hypothesis import strategies as st
except ImportError as error:  # Hypothesis is a test dependency, not a runtime one
    raise MissingExtraError(extra="testing", purpose="medborgarlofte.testing") from error

from medborgarlofte._model.document import FollowUpDocument, PromiseRef
from medborgarlofte._model.followup import (
    Assessment,
    Cadence,
    FollowUp,
    FollowUpRule,
    ReasonCode,
    Verdict,
)
from medborgarlofte._model.indicators import (
    DatePrecision,
    Direction,
    Indicator,
    IndicatorTarget,
    Measurement,
)
from medborgarlofte._model.origin import Inference, Origin, OriginKind
from medborgarlofte._model.parties import (
    Contact,
    Party,
    PartyKind,
    PartyRole,
    Place,
    PlaceKind,
    Signatory,
)
from medborgarlofte._model.period import OpenPeriod, Period
from medborgarlofte._model.promise import (
    Activity,
    Basis,
    Cancellation,
    FocusArea,
    PlaceSplit,
    Promise,
    RelatedDocument,
    Responsibility,
    ReviewOccasion,
    Source,
    SourceKind,
)
from medborgarlofte._model.recurrence import Recurrence
from medborgarlofte._model.reports import (
    Quantity,
    QuantityKind,
    Report,
    ReportKind,
    ReportLink,
    Share,
)
from medborgarlofte._model.sweden import Kommun, PoliceRegion, kommuner, kommuner_in
from medborgarlofte._model.targets import (
    Bound,
    Interval,
    IntervalQuota,
    Milestone,
    Number,
    Ongoing,
    PeriodQuota,
    Schedule,
    SubTarget,
    Target,
)
from medborgarlofte._rules.integrity import _SHORTEST_DAYS

__all__ = [
    "PartyShape",
    "activities",
    "dates",
    "follow_up_documents",
    "follow_up_rules",
    "follow_ups",
    "indicators",
    "numbers",
    "origins",
    "parties",
    "periods",
    "places",
    "promises",
    "recurrences",
    "reports",
    "targets",
    "texts",
]

_T = TypeVar("_T")

PartyShape: TypeAlias = Literal["one_kommun", "several_kommuner", "police_only", "gotland"]
"""The shapes of party sets :func:`parties` draws from.

``one_kommun``: one lokalpolisområde and one kommun; ``several_kommuner``: one
lokalpolisområde and two to four kommuner of its police region;
``police_only``: a police promise without a municipal party; ``gotland``:
Region Gotland as the municipality.
"""

_SHAPES: tuple[PartyShape, ...] = ("one_kommun", "several_kommuner", "police_only", "gotland")

_FIRST_YEAR = 2015
_LAST_YEAR = 2030
_EARLIEST = dt.date(_FIRST_YEAR, 1, 1)
_LATEST = dt.date(_LAST_YEAR, 12, 31)

# Building a strategy costs far more than drawing from one, so the composites
# below draw from strategies built once: cached integer ranges, index picks
# and module-level constants.
_BOOL = st.booleans()


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def _int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(_ints(low, high))


def _one(draw: st.DrawFn, items: tuple[_T, ...]) -> _T:
    """Draw one of *items*; shrinks towards the first."""
    return items[_int(draw, 0, len(items) - 1)]


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[_T]) -> _T | None:
    """Draw from *strategy* or give ``None``; shrinks towards ``None``."""
    return draw(strategy) if draw(_BOOL) else None


def _maybe_one(draw: st.DrawFn, items: tuple[_T, ...]) -> _T | None:
    """Draw one of *items* or ``None``; ``None`` when there are none."""
    if not items or not draw(_BOOL):
        return None
    return _one(draw, items)


def _subset(draw: st.DrawFn, ids: tuple[str, ...], *, max_size: int = 3) -> tuple[str, ...]:
    """Draw up to *max_size* of *ids*, in their order, each at most once."""
    chosen: list[str] = []
    for item in ids:
        if len(chosen) < max_size and draw(_BOOL):
            chosen.append(item)
    return tuple(chosen)


def _day(draw: st.DrawFn, start: dt.date, end: dt.date) -> dt.date:
    """Draw a day from *start* to *end*, both included."""
    return start + dt.timedelta(days=_int(draw, 0, (end - start).days))


def _day_in(draw: st.DrawFn, period: Period | None) -> dt.date:
    """Draw a day inside *period*, or between 2015 and 2030 when there is none."""
    if period is None:
        return _day(draw, _EARLIEST, _LATEST)
    return _day(draw, period.start, period.end)


# Text: characters that JSON, TOML and YAML all carry unchanged.
_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_VISIBLE = _CHARACTERS.filter(lambda c: not c.isspace())
_WORDS = (
    "trygghet", "narkotika", "trafik", "Råslätt", "Öxnehaga", "Ängelholm",
    "trygghetsvandring", "föräldravandring", "Östermalm", "Åre", "Gällivare",
    "skolgården", "resecentrum", "kvällstid", "helger och riskkvällar",
    "förstagångsanvändare", "Säkerhetssamordnare", "Björn Ärlig", "Åsa Öberg",
    "Zoë", "Ægir", "Ñandú", "北京", "Σωκράτης", "مرحبا", "🚓", "😀 trygg",
)  # fmt: skip
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö0123456789-_"
_ID_TAIL = st.text(_ID_ALPHABET, max_size=6)


@st.composite
def _drawn(draw: st.DrawFn, build: Callable[..., _T], /, *args: object, **kwargs: object) -> _T:
    """Draw a value with *build*, which takes ``draw`` first: the one composite strategy.

    The public strategies below hand their arguments to a plain function that
    draws; the same functions draw the parts of a promise inside
    :func:`promises`.
    """
    return build(draw, *args, **kwargs)


@functools.cache
def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Return a strategy for non-empty text (text): Swedish words or any printable Unicode.

    Every text has at least one character that is not white space, so it is
    accepted wherever the model refuses empty text. No text contains a
    surrogate or a control character.

    Args:
        max_size: The most characters a free-form text has.

    Returns:
        A strategy for ``str``.
    """
    free = st.tuples(_VISIBLE, st.text(_CHARACTERS, max_size=max(0, max_size - 1))).map("".join)
    return st.one_of(st.sampled_from(_WORDS), free)


@functools.cache
def _free_text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(_CHARACTERS, min_size=1, max_size=max_size)


def _text(draw: st.DrawFn, max_size: int = 40) -> str:
    """Draw what :func:`texts` gives, with fewer draws: a word, or free text made visible."""
    if draw(_BOOL):
        free = draw(_free_text(max_size))
        # Blank text is refused by the model: put a visible character first.
        return free if not free.isspace() else "·" + free[1:]
    return _one(draw, _WORDS)


def _maybe_text(draw: st.DrawFn, max_size: int = 40) -> str | None:
    return _text(draw, max_size) if draw(_BOOL) else None


def _ids(draw: st.DrawFn, prefix: str, count: int) -> tuple[str, ...]:
    """Draw *count* ids unique by construction: the prefix, a counter and a random tail."""
    tails = (draw(_ID_TAIL) for _ in range(count))
    return tuple(f"{prefix}{i}{'-' + tail if tail else ''}" for i, tail in enumerate(tails, 1))


def _plus_zero(value: float) -> float:
    """Turn ``-0.0`` into ``0.0``; leave every other number alone."""
    return value + 0.0


@functools.cache
def numbers(
    *, min_value: float = 0, max_value: float = 100_000, positive: bool = False
) -> st.SearchStrategy[Number]:
    """Return a strategy for a count or an amount (antal): an ``int`` or a finite ``float``.

    Floats are never NaN, infinite, subnormal or ``-0.0``.

    Args:
        min_value: The smallest number.
        max_value: The largest number.
        positive: Whether zero is excluded.

    Returns:
        A strategy for :data:`~medborgarlofte.Number`.
    """
    low = max(int(min_value), 1) if positive else int(min_value)
    ints = st.integers(min_value=low, max_value=int(max_value))
    floats = st.floats(
        min_value=min_value,
        max_value=max_value,
        exclude_min=positive,
        allow_nan=False,
        allow_infinity=False,
        allow_subnormal=False,
    ).map(_plus_zero)
    return st.one_of(ints, floats)


def dates(within: Period | None = None) -> st.SearchStrategy[dt.date]:
    """Return a strategy for a day inside *within*, or between 2015 and 2030.

    Args:
        within: The period the days lie in, both ends included.

    Returns:
        A strategy for :class:`datetime.date`.
    """
    if within is None:
        return st.dates(_EARLIEST, _LATEST)
    return st.dates(within.start, within.end)


def periods() -> st.SearchStrategy[Period]:
    """Return a strategy for a period of validity (period) of a shape real promises have.

    A calendar year, two to four calendar years, 1 July to 30 June, a half
    year, or any span of a week to four years, starting between 2015 and 2030.

    Returns:
        A strategy for :class:`~medborgarlofte.Period`.
    """
    return _drawn(_period)


_PERIOD_SHAPES = ("years", "split_year", "half_year", "any")


def _period(draw: st.DrawFn) -> Period:
    year = _int(draw, _FIRST_YEAR, _LAST_YEAR)
    shape = _one(draw, _PERIOD_SHAPES)
    if shape == "years":
        last = year + _int(draw, 0, 3)
        return Period(start=dt.date(year, 1, 1), end=dt.date(last, 12, 31))
    if shape == "split_year":
        return Period(start=dt.date(year, 7, 1), end=dt.date(year + 1, 6, 30))
    if shape == "half_year":
        if draw(_BOOL):
            return Period(start=dt.date(year, 7, 1), end=dt.date(year, 12, 31))
        return Period(start=dt.date(year, 1, 1), end=dt.date(year, 6, 30))
    start = _day(draw, _EARLIEST, _LATEST)
    return Period(start=start, end=start + dt.timedelta(days=_int(draw, 6, 4 * 366)))


_MONTHS = {Interval.MONTH: 1, Interval.QUARTER: 3, Interval.TERTIAL: 4}
_SPANS = tuple(_MONTHS)


def _sub_period(draw: st.DrawFn, period: Period) -> Period:
    """Draw a span inside *period*: a reporting interval clipped to it, or any span."""
    if draw(_BOOL):
        size = _MONTHS[_one(draw, _SPANS)]
        day = _day_in(draw, period)
        first = (day.month - 1) // size * size + 1
        last = first + size - 1
        full_end = dt.date(day.year, last, calendar.monthrange(day.year, last)[1])
        return Period(
            start=max(dt.date(day.year, first, 1), period.start), end=min(full_end, period.end)
        )
    start = _day_in(draw, period)
    return Period(start=start, end=_day(draw, start, period.end))


# Recurrence rules.
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# Follow-up meetings: a few a month at most, so a promise stays inside the limit
# of follow-up occasions (medborgarlofte._rules.limits, #13).
_MEETING_FREQS = ("MONTHLY", "YEARLY")
_ENDINGS = ("none", "count", "until")
_MONTHLY = ("plain", "monthday", "nth", "setpos")
_YEARLY = ("plain", "month_day", "nth")


def recurrences(*, anchor: dt.date | None = None) -> st.SearchStrategy[Recurrence]:
    """Return a strategy for an RFC 5545 recurrence rule (upprepningsregel) that occurs on *anchor*.

    Counted from *anchor* (its DTSTART), the rule's first occurrence is
    *anchor* itself, so a schedule that starts inside a period always occurs in
    it. The rules use FREQ DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL,
    BYDAY (plain and numbered), BYMONTHDAY, BYMONTH, BYSETPOS, WKST, COUNT and
    UNTIL.

    Args:
        anchor: The day the rule starts counting from; any day from 2015 to
            2030 if not given.

    Returns:
        A strategy for :class:`~medborgarlofte.Recurrence`.
    """
    return _recurrences(anchor=anchor)


@st.composite
def _recurrences(draw: st.DrawFn, *, anchor: dt.date | None = None) -> Recurrence:
    return _recurrence(draw, anchor if anchor is not None else _day_in(draw, None))


def _weekdays_with(draw: st.DrawFn, day: dt.date) -> list[int]:
    """Draw a set of weekdays (0 is Monday) that includes *day*'s, in week order."""
    return [w for w in range(7) if w == day.weekday() or draw(_BOOL)]


def _byday(weekdays: list[int]) -> str:
    return "BYDAY=" + ",".join(_WEEKDAYS[w] for w in weekdays)


def _recurrence(draw: st.DrawFn, day: dt.date, freqs: tuple[str, ...] = _FREQS) -> Recurrence:
    freq = _one(draw, freqs)
    parts = [f"FREQ={freq}"]
    if draw(_BOOL):
        parts.append(f"INTERVAL={_int(draw, 1, 4)}")
    if freq == "DAILY" and draw(_BOOL):
        parts.append(_byday(_weekdays_with(draw, day)))
    elif freq == "WEEKLY":
        parts.append(_byday(_weekdays_with(draw, day)))
        if draw(_BOOL):
            parts.append(f"WKST={_one(draw, ('MO', 'SU'))}")
    elif freq == "MONTHLY":
        parts.extend(_monthly_parts(draw, day))
    elif freq == "YEARLY":
        parts.extend(_yearly_parts(draw, day))
    ending = _one(draw, _ENDINGS)
    if ending == "count":
        parts.append(f"COUNT={_int(draw, 1, 30)}")
    elif ending == "until":
        parts.append(f"UNTIL={_day(draw, day, day + dt.timedelta(days=3 * 366)):%Y%m%d}")
    return Recurrence(rule=";".join(parts))


def _monthly_parts(draw: st.DrawFn, day: dt.date) -> list[str]:
    how = _one(draw, _MONTHLY)
    if how == "monthday":
        extra = {_int(draw, 1, 28) for _ in range(_int(draw, 0, 3))}
        return ["BYMONTHDAY=" + ",".join(str(d) for d in sorted({day.day, *extra}))]
    if how == "nth":
        size = calendar.monthrange(day.year, day.month)[1]
        from_end = -((size - day.day) // 7 + 1)
        nth = from_end if draw(_BOOL) else (day.day - 1) // 7 + 1
        return [f"BYDAY={nth}{_WEEKDAYS[day.weekday()]}"]
    if how == "setpos":
        weekdays = _weekdays_with(draw, day)
        size = calendar.monthrange(day.year, day.month)[1]
        hits = [
            d for d in range(1, size + 1) if dt.date(day.year, day.month, d).weekday() in weekdays
        ]
        index = hits.index(day.day)
        position = index - len(hits) if draw(_BOOL) else index + 1
        return [_byday(weekdays), f"BYSETPOS={position}"]
    return []


def _yearly_parts(draw: st.DrawFn, day: dt.date) -> list[str]:
    how = _one(draw, _YEARLY)
    if how == "month_day":
        months = sorted({day.month, *(_int(draw, 1, 12) for _ in range(_int(draw, 0, 3)))})
        return [f"BYMONTH={','.join(map(str, months))}", f"BYMONTHDAY={day.day}"]
    if how == "nth":
        nth = (day.day - 1) // 7 + 1
        return [f"BYMONTH={day.month}", f"BYDAY={nth}{_WEEKDAYS[day.weekday()]}"]
    return []


# Targets.
_UNITS = (
    "trafikkontroller", "timmar", "trygghetsvandringar", "narkotikabrott",
    "hundsök", "möten", "föräldravandringar", "besök på skolor", "insatser",
)  # fmt: skip
_SINGULARS = ("trafikkontroll", "timme", "medborgardialog", "brott", "elev- och föräldramöte")
_TARGET_KINDS = ("period_quota", "interval_quota", "schedule", "milestone", "ongoing")
_BOUNDS = tuple(Bound)
_AMOUNTS = numbers(max_value=10_000, positive=True)
_SUB_AMOUNTS = numbers(max_value=1_000, positive=True)
_SHARES = st.floats(0, 1, allow_subnormal=False).map(_plus_zero)


def _intervals_within(period: Period | None) -> tuple[Interval, ...]:
    """Return the intervals a quota in *period* may count per; all when there is none."""
    fitting = tuple(i for i in Interval if period is None or _SHORTEST_DAYS[i] <= period.days)
    return fitting or (Interval.WEEK,)


def _sub_target(draw: st.DrawFn, place_ids: tuple[str, ...]) -> SubTarget:
    by_share = draw(_BOOL)
    return SubTarget(
        description=_text(draw, 20),
        amount=None if by_share else draw(_SUB_AMOUNTS),
        share=draw(_SHARES) if by_share else None,
        bound=_one(draw, _BOUNDS),
        place=_maybe_one(draw, place_ids),
    )


def targets(
    period: Period | None = None, *, place_ids: tuple[str, ...] = ()
) -> st.SearchStrategy[Target]:
    """Return a strategy for a target (mål) of any kind that fits *period*.

    Quotas over the period and per interval (with sub-targets by share or by
    place), schedules whose rule occurs inside *period*, milestones due
    inside it, and ongoing work; a quota or a schedule with a unit may give
    its unit's other form (``unit_singular``, ``unit_plural``).

    Args:
        period: The promise period; when ``None`` a schedule names its start
            and a milestone's due date may be any day.
        place_ids: Ids of places a sub-target may concern.

    Returns:
        A strategy for :class:`~medborgarlofte.PeriodQuota`,
        :class:`~medborgarlofte.IntervalQuota`, :class:`~medborgarlofte.Schedule`,
        :class:`~medborgarlofte.Milestone` or :class:`~medborgarlofte.Ongoing`.
    """
    return _drawn(_target, period, place_ids)


def _unit_forms(draw: st.DrawFn) -> tuple[str | None, str | None]:
    """Draw the forms of a unit a document may give: none, the singular or the plural, or both."""
    if not draw(_BOOL):
        return None, None
    singular = _one(draw, _SINGULARS) if draw(_BOOL) else None
    plural = _text(draw, 15) if draw(_BOOL) else None
    return singular, plural


def _target(draw: st.DrawFn, period: Period | None, place_ids: tuple[str, ...]) -> Target:
    kind = _one(draw, _TARGET_KINDS)
    wording = _maybe_text(draw)
    if kind in {"period_quota", "interval_quota"}:
        amount = draw(_AMOUNTS)
        unit = _one(draw, _UNITS) if draw(_BOOL) else _text(draw, 15)
        bound = _one(draw, _BOUNDS)
        subs = tuple(_sub_target(draw, place_ids) for _ in range(_int(draw, 0, 2)))
        singular, plural = _unit_forms(draw)
        if kind == "period_quota":
            return PeriodQuota(
                amount=amount,
                unit=unit,
                unit_singular=singular,
                unit_plural=plural,
                bound=bound,
                sub_targets=subs,
                interval_unclear=draw(_BOOL),
                wording=wording,
                unit_truncated=draw(_BOOL),
            )
        return IntervalQuota(
            amount=amount,
            unit=unit,
            unit_singular=singular,
            unit_plural=plural,
            per=_one(draw, _intervals_within(period)),
            bound=bound,
            sub_targets=subs,
            wording=wording,
            unit_truncated=draw(_BOOL),
        )
    if kind == "schedule":
        # Without a period the schedule must say where it starts.
        named_start = period is None or draw(_BOOL)
        anchor = _day_in(draw, period) if named_start or period is None else period.start
        unit_or_none = _maybe_one(draw, _UNITS)
        singular, plural = _unit_forms(draw) if unit_or_none is not None else (None, None)
        return Schedule(
            recurrence=_recurrence(draw, anchor),
            start=anchor if named_start else None,
            unit=unit_or_none,
            wording=wording,
            unit_singular=singular,
            unit_plural=plural,
        )
    if kind == "milestone":
        return Milestone(due=_day_in(draw, period) if draw(_BOOL) else None, wording=wording)
    unstated = draw(_BOOL)
    return Ongoing(
        wording=wording,
        unit=_one(draw, _UNITS) if unstated or draw(_BOOL) else None,
        amount_unstated=unstated,
    )


# Parties.
_POLICE_NAMES = ("Polisen", "Lokalpolisområde {lpo}", "Polisen i {lpo}", "LPO {lpo}")
_KOMMUN_NAMES = ("{name} kommun", "{name}", "{name}s kommun", "{name} stad")
_OTHERS = (
    (PartyKind.HOUSING_COMPANY, "Bostadsbolaget"),
    (PartyKind.RESCUE_SERVICE, "Räddningstjänsten"),
    (PartyKind.BUSINESS, "BID Centrum"),
    (PartyKind.ASSOCIATION, "Föreningen Nattvandrarna"),
    (PartyKind.SCHOOL, "Skolan"),
    (PartyKind.COUNTY_BOARD, "Länsstyrelsen"),
    (PartyKind.OTHER, "Fastighetsägarna"),
)
_REGIONS = tuple(PoliceRegion)
_SIDE_ROLES = (PartyRole.PARTNER, PartyRole.CO_ACTOR)
_GOTLAND = "0980"


def _kommun_name(draw: st.DrawFn, kommun: Kommun) -> str:
    pattern = _one(draw, _KOMMUN_NAMES)
    if pattern == "{name}s kommun" and kommun.name.endswith("s"):
        pattern = "{name} kommun"
    return pattern.format(name=kommun.name)


def parties(*, shape: PartyShape | None = None) -> st.SearchStrategy[tuple[Party, ...]]:
    """Return a strategy for the parties of one promise (parter): police, kommuner, others.

    The first party is always the police. Kommuner are real, with their
    kommunkod and a name that matches it, all from the police region the
    police party names. Partners and co-actors (housing companies, a BID,
    räddningstjänsten, a stadsdelsförvaltning with its kommun as ``parent``)
    may follow. Ids are unique.

    Args:
        shape: Which set of parties to draw; any of :data:`PartyShape` if not given.

    Returns:
        A strategy for a tuple of :class:`~medborgarlofte.Party`, never empty.
    """
    return _drawn(_party_set, shape)


def _party_set(draw: st.DrawFn, shape: PartyShape | None) -> tuple[Party, ...]:
    chosen = shape if shape is not None else _one(draw, _SHAPES)
    if chosen == "gotland":
        region = PoliceRegion.STOCKHOLM
        picked = [k for k in kommuner() if k.code == _GOTLAND]
    else:
        region = _one(draw, _REGIONS)
        pool = list(kommuner_in(region))
        size = {"one_kommun": 1, "several_kommuner": _int(draw, 2, 4), "police_only": 0}[chosen]
        # Take each kommun out of the pool, so none is picked twice.
        picked = [pool.pop(_int(draw, 0, len(pool) - 1)) for _ in range(size)]
    names = tuple(k.name for k in picked) or ("Centrum",)
    lpo = _one(draw, names) if draw(_BOOL) else _text(draw, 15)
    out = [
        Party(
            id="polisen",
            kind=PartyKind.POLICE,
            name=_one(draw, _POLICE_NAMES).format(lpo=lpo),
            police_region=_maybe_one(draw, (region.value, f"polisregion {region.value}")),
            police_area=_maybe_text(draw, 15),
            local_police_area=lpo if draw(_BOOL) else None,
        )
    ]
    for kommun in picked:
        if kommun.code == _GOTLAND:
            name = "Region Gotland"
            kind = PartyKind.REGION
        else:
            name = _kommun_name(draw, kommun)
            kind = PartyKind.MUNICIPALITY
        out.append(Party(id=f"k{kommun.code}", kind=kind, name=name, kommunkod=kommun.code))
    others = [_one(draw, _OTHERS) for _ in range(_int(draw, 0, 3))]
    for party_id, (kind, name) in zip(_ids(draw, "x", len(others)), others, strict=True):
        out.append(
            Party(
                id=party_id,
                kind=kind,
                name=name if draw(_BOOL) else _text(draw, 20),
                role=_one(draw, _SIDE_ROLES),
            )
        )
    if draw(_BOOL):
        parent = _maybe_one(draw, tuple(p.id for p in out if p.kommunkod is not None))
        out.append(
            Party(
                id="stadsdel",
                # A unit of a kommun names it as parent; without one it is just an actor.
                kind=PartyKind.MUNICIPALITY if parent is not None else PartyKind.OTHER,
                name="Stadsdelsförvaltningen" if draw(_BOOL) else _text(draw, 20),
                role=PartyRole.CO_ACTOR,
                parent=parent,
            )
        )
    return tuple(out)


_PLACE_KINDS = tuple(PlaceKind)


def places(*, kommunkoder: tuple[str, ...] = ()) -> st.SearchStrategy[tuple[Place, ...]]:
    """Return a strategy for the places of one promise (platser): up to four, unique ids.

    A place may lie in one of *kommunkoder* and inside an earlier place
    (``within``), so the nesting never loops.

    Args:
        kommunkoder: The kommunkoder of the promise's kommuner.

    Returns:
        A strategy for a tuple of :class:`~medborgarlofte.Place`, possibly empty.
    """
    return _drawn(_place_set, kommunkoder)


def _place_set(draw: st.DrawFn, kommunkoder: tuple[str, ...]) -> tuple[Place, ...]:
    ids = _ids(draw, "pl", _int(draw, 0, 4))
    return tuple(
        Place(
            id=place_id,
            name=_text(draw, 20),
            kind=_one(draw, _PLACE_KINDS),
            kommunkod=_maybe_one(draw, kommunkoder),
            within=_maybe_one(draw, ids[:i]),
        )
        for i, place_id in enumerate(ids)
    )


# Activities.
_RESPONSIBILITIES = tuple(Responsibility)
_WEIGHTS = st.one_of(st.sampled_from((1.0, 0.5, 2.0)), st.floats(0.1, 10, allow_subnormal=False))
_CONDITIONS = ("om lägesbilden tillåter", "vid behov")
_TIMINGS = ("kvällstid", "under hösten", "helger och riskkvällar")
_METHODS = ("20-minutersmetoden", "EST", "SSPF")
_TARGET_GROUPS = ("vårdnadshavare", "unga 13–17 år", "äldre", "företagare")
_PLACE_SPLITS = tuple(PlaceSplit)


def activities(
    *,
    activity_id: str = "a1",
    period: Period | None = None,
    party_ids: tuple[str, ...] = (),
    focus_area_ids: tuple[str, ...] = (),
    place_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[Activity]:
    """Return a strategy for an activity (aktivitet) whose references are among the ids given.

    Args:
        activity_id: The activity's id.
        period: The promise period the target and any cancellation fit.
        party_ids: Ids of parties it may name as responsible or participating.
        focus_area_ids: Ids of focus areas it may serve.
        place_ids: Ids of places it and its sub-targets may concern.

    Returns:
        A strategy for :class:`~medborgarlofte.Activity`.
    """
    return _drawn(
        _activity,
        activity_id,
        period=period,
        party_ids=party_ids,
        focus_area_ids=focus_area_ids,
        place_ids=place_ids,
    )


def _activity(
    draw: st.DrawFn,
    activity_id: str,
    *,
    period: Period | None,
    party_ids: tuple[str, ...],
    focus_area_ids: tuple[str, ...],
    place_ids: tuple[str, ...],
) -> Activity:
    cancelled = None
    if _int(draw, 0, 9) == 0:
        cancelled = Cancellation(
            date=_day_in(draw, period) if draw(_BOOL) else None, reason=_maybe_text(draw)
        )
    target = _target(draw, period, place_ids)
    responsible = _subset(draw, party_ids)
    responsibility = _one(draw, _RESPONSIBILITIES)
    participants = _subset(draw, party_ids, max_size=2)
    focus_areas = _subset(draw, focus_area_ids)
    places = _subset(draw, place_ids, max_size=2)
    return Activity(
        id=activity_id,
        title=_text(draw),
        target=target,
        responsible=responsible,
        responsibility=responsibility,
        participants=participants,
        focus_areas=focus_areas,
        places=places,
        weight=draw(_WEIGHTS),
        measure=_maybe_text(draw, 20),
        description=_maybe_text(draw),
        condition=_maybe_one(draw, _CONDITIONS),
        timing=_maybe_one(draw, _TIMINGS),
        method=_maybe_one(draw, _METHODS),
        cancelled=cancelled,
        target_group=_maybe_one(draw, _TARGET_GROUPS),
        purpose=_maybe_text(draw),
        examples=tuple(_text(draw, 20) for _ in range(_int(draw, 0, 2))),
        place_split=_maybe_one(draw, _PLACE_SPLITS) if len(places) > 1 else None,
    )


# Reports.
_REPORT_KINDS = tuple(ReportKind)
_QUANTITY_KINDS = tuple(QuantityKind)
_REPORT_AMOUNTS = numbers(max_value=1_000)
_ROUGHLY = ("drygt femtio", "ett hundratal", "20-talet")
_DATE_TEXTS = ("12 maj", "vecka 7", "i början av juni")
_SHARE_WORDS = ("nästan hälften", "en tredjedel", "de flesta")
_WORKS = ("fotpatruller", "trafikkontroller", "besök i skolorna", "medborgardialoger")
_UNLINKED = (ReportLink.UNRESTATED, ReportLink.UNPROMISED)


def _report_day(draw: st.DrawFn, period: Period | None) -> dt.date:
    """Draw a day mostly inside *period*, now and then anywhere from 2015 to 2030."""
    if period is not None and _int(draw, 0, 9) > 0:
        return _day_in(draw, period)
    return _day_in(draw, None)


def reports(
    *,
    period: Period | None = None,
    activity_ids: tuple[str, ...] = (),
    party_ids: tuple[str, ...] = (),
    report_id: str | None = None,
    place_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[Report]:
    """Return a strategy for a report of work done (rapport), dated or covering a span.

    Reports lie mostly inside *period*. A report names one of *activity_ids*
    (``link`` ``activity``), or none and says whether the work was promised
    but not restated or never promised; it may name places, several parties
    and shares of places.

    Args:
        period: The promise period.
        activity_ids: Ids of activities it may report on.
        party_ids: Ids of parties that may report.
        report_id: The report's id, if it has one.
        place_ids: Ids of places it may name.

    Returns:
        A strategy for :class:`~medborgarlofte.Report`.
    """
    return _drawn(_report, period, activity_ids, party_ids, report_id, place_ids=place_ids)


def _quantity(draw: st.DrawFn, place_ids: tuple[str, ...]) -> Quantity:
    singular, plural = _unit_forms(draw)
    return Quantity(
        unit_singular=singular,
        unit_plural=plural,
        value=draw(_REPORT_AMOUNTS),
        unit=_one(draw, _UNITS) if draw(_BOOL) else _text(draw, 15),
        kind=_one(draw, _QUANTITY_KINDS),
        approximate=draw(_BOOL),
        wording=_maybe_one(draw, _ROUGHLY),
        place=_maybe_one(draw, place_ids),
        share=_maybe(draw, _SHARES),
    )


def _share(draw: st.DrawFn, place_ids: tuple[str, ...]) -> Share:
    return Share(
        share=draw(_SHARES),
        place=_maybe_one(draw, place_ids),
        description=_maybe_text(draw, 20),
        approximate=draw(_BOOL),
        wording=_maybe_one(draw, _SHARE_WORDS),
    )


def _with_party(draw: st.DrawFn, report: Report, activities: tuple[Activity, ...]) -> Report:
    """Return *report* naming a party, if its activity is carried out by each party on its own."""
    if report.party is not None or report.parties:
        return report
    activity = next((a for a in activities if a.id == report.activity), None)
    if activity is None or activity.responsibility is not Responsibility.EACH:
        return report
    if not activity.responsible:
        return report
    return attrs.evolve(report, party=_one(draw, activity.responsible))


def _report(
    draw: st.DrawFn,
    period: Period | None,
    activity_ids: tuple[str, ...],
    party_ids: tuple[str, ...],
    report_id: str | None,
    *,
    place_ids: tuple[str, ...] = (),
) -> Report:
    day = None
    covers = None
    if draw(_BOOL):
        day = _report_day(draw, period)
    elif period is not None and _int(draw, 0, 9) > 0:
        covers = _sub_period(draw, period)
    else:
        start = _day_in(draw, None)
        covers = Period(start=start, end=_day(draw, start, start + dt.timedelta(days=400)))
    activity = _maybe_one(draw, activity_ids)
    return Report(
        activity=activity,
        id=report_id,
        kind=_one(draw, _REPORT_KINDS),
        date=day,
        period=covers,
        date_text=_maybe_one(draw, _DATE_TEXTS),
        amount=_maybe(draw, _REPORT_AMOUNTS),
        approximate=draw(_BOOL),
        wording=_maybe_one(draw, _ROUGHLY),
        quantities=tuple(_quantity(draw, place_ids) for _ in range(_int(draw, 0, 2))),
        party=_maybe_one(draw, party_ids),
        note=_maybe_text(draw),
        reason=_maybe_text(draw),
        source=_maybe_text(draw, 20),
        link=ReportLink.ACTIVITY if activity is not None else _one(draw, _UNLINKED),
        work=_maybe_one(draw, _WORKS),
        places=_subset(draw, place_ids, max_size=2),
        parties=_subset(draw, party_ids, max_size=2),
        shares=tuple(_share(draw, place_ids) for _ in range(_int(draw, 0, 2))),
    )


# Indicators.
_DIRECTIONS = tuple(Direction)
_INDICATOR_UNITS = ("%", "anmälda brott", "antal", "index")
_VALUES = numbers(max_value=1_000)
_STEPS = numbers(max_value=100, positive=True)
_PRECISIONS = tuple(DatePrecision)
_MEASURED_TEXTS = ("våren 2021", "2020", "mars 2022", "hösten 2019")
_KPIS = st.from_regex(r"[NU][0-9]{5}", fullmatch=True)


def indicators(
    *,
    indicator_id: str = "i1",
    period: Period | None = None,
    focus_area_ids: tuple[str, ...] = (),
    source_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[Indicator]:
    """Return a strategy for an indicator of effect (indikator) with values over time.

    The target lies in the indicator's direction from the baseline; the
    baseline is measured before *period* starts, measurements mostly inside it.

    Args:
        indicator_id: The indicator's id.
        period: The promise period.
        focus_area_ids: Ids of focus areas it may follow.
        source_ids: Ids of basis sources its values may come from.

    Returns:
        A strategy for :class:`~medborgarlofte.Indicator`.
    """
    return _drawn(_indicator, indicator_id, period, focus_area_ids, source_ids)


def _measurement(draw: st.DrawFn, day: dt.date, source_ids: tuple[str, ...]) -> Measurement:
    precision = _one(draw, _PRECISIONS)
    covers = None
    if precision is DatePrecision.INTERVAL:
        covers = Period(start=day - dt.timedelta(days=_int(draw, 0, 400)), end=day)
    return Measurement(
        date=day,
        value=draw(_VALUES),
        respondents=_int(draw, 1, 5_000) if draw(_BOOL) else None,
        source=_maybe_one(draw, source_ids),
        note=_maybe_text(draw),
        precision=precision,
        covers=covers,
        date_text=_maybe_one(draw, _MEASURED_TEXTS),
    )


def _indicator(
    draw: st.DrawFn,
    indicator_id: str,
    period: Period | None,
    focus_area_ids: tuple[str, ...],
    source_ids: tuple[str, ...],
) -> Indicator:
    direction = _one(draw, _DIRECTIONS)
    first = period.start if period is not None else _LATEST
    baseline = None
    if draw(_BOOL):
        day = _day(draw, dt.date(_FIRST_YEAR - 3, 1, 1), first)
        baseline = _measurement(draw, day, source_ids)
    target = None
    if draw(_BOOL):
        step = draw(_STEPS)
        base = baseline.value if baseline is not None else draw(_VALUES)
        goal = base + step if direction is Direction.INCREASE else max(base - step, 0)
        target = IndicatorTarget(value=goal, date=_day_in(draw, period) if draw(_BOOL) else None)
    measurements = tuple(
        _measurement(draw, _report_day(draw, period), source_ids) for _ in range(_int(draw, 0, 3))
    )
    return Indicator(
        id=indicator_id,
        name=_text(draw),
        unit=_one(draw, _INDICATOR_UNITS),
        direction=direction,
        baseline=baseline,
        target=target,
        measurements=measurements,
        focus_areas=_subset(draw, focus_area_ids, max_size=2),
        kolada_kpi=_maybe(draw, _KPIS),
        source=_maybe_one(draw, source_ids),
        description=_maybe_text(draw),
    )


# Follow-up.
_CADENCES = tuple(Cadence)
_FORUMS = ("BRÅ", "styrgrupp", "kommunstyrelsen", "Trygghetsrådet i Örebro")
_DUE_DAYS = st.one_of(st.sampled_from((0, 14, 30)), st.integers(0, 120))
_PUBLISHED = ("kommunens webbplats", "polisen.se", "Facebook")
_VERDICTS = tuple(Verdict)
_REASONS = tuple(ReasonCode)


def follow_up_rules(
    *,
    rule_id: str = "u1",
    period: Period | None = None,
    party_ids: tuple[str, ...] = (),
    focus_area_ids: tuple[str, ...] = (),
    activity_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[FollowUpRule]:
    """Return a strategy for a follow-up rule (uppföljningsregel).

    A rule has a cadence, a forum, a deadline and a scope; one with the
    cadence ``schedule`` has a recurrence that occurs inside *period*, monthly
    or yearly (meetings), so a promise stays inside the limits of follow-up
    occasions.

    Args:
        rule_id: The rule's id.
        period: The promise period.
        party_ids: Ids of parties that may be responsible.
        focus_area_ids: Ids of focus areas the rule may cover.
        activity_ids: Ids of activities the rule may cover.

    Returns:
        A strategy for :class:`~medborgarlofte.FollowUpRule`.
    """
    return _drawn(
        _follow_up_rule,
        rule_id,
        period=period,
        party_ids=party_ids,
        focus_area_ids=focus_area_ids,
        activity_ids=activity_ids,
    )


def _follow_up_rule(
    draw: st.DrawFn,
    rule_id: str,
    *,
    period: Period | None,
    party_ids: tuple[str, ...],
    focus_area_ids: tuple[str, ...],
    activity_ids: tuple[str, ...],
) -> FollowUpRule:
    cadence = _one(draw, _CADENCES)
    recurrence = None
    if cadence is Cadence.SCHEDULE:
        # The rule counts from the period's start, so it must occur on that day.
        anchor = period.start if period is not None else _day_in(draw, None)
        recurrence = _recurrence(draw, anchor, _MEETING_FREQS)
    return FollowUpRule(
        id=rule_id,
        cadence=cadence,
        recurrence=recurrence,
        forum=_maybe_one(draw, _FORUMS),
        responsible=_maybe_one(draw, party_ids),
        report_due_days=draw(_DUE_DAYS),
        focus_areas=_subset(draw, focus_area_ids, max_size=2),
        activities=_subset(draw, activity_ids, max_size=2),
        published=_subset(draw, _PUBLISHED),
        by_indicators=draw(_BOOL),
        description=_maybe_text(draw),
    )


def follow_ups(
    *,
    follow_up_id: str = "f1",
    period: Period | None = None,
    rule_ids: tuple[str, ...] = (),
    activity_ids: tuple[str, ...] = (),
    party_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[FollowUp]:
    """Return a strategy for a held follow-up (genomförd uppföljning) with assessments.

    A follow-up is held inside *period* or within 45 days of the span it
    covers; each activity it assesses (bedömning) is assessed once.

    Args:
        follow_up_id: The follow-up's id.
        period: The promise period.
        rule_ids: Ids of follow-up rules it may fulfil.
        activity_ids: Ids of activities it may assess.
        party_ids: Ids of parties that may take part.

    Returns:
        A strategy for :class:`~medborgarlofte.FollowUp`.
    """
    return _drawn(
        _follow_up,
        follow_up_id,
        period=period,
        rule_ids=rule_ids,
        activity_ids=activity_ids,
        party_ids=party_ids,
    )


def _follow_up(
    draw: st.DrawFn,
    follow_up_id: str,
    *,
    period: Period | None,
    rule_ids: tuple[str, ...],
    activity_ids: tuple[str, ...],
    party_ids: tuple[str, ...],
) -> FollowUp:
    covers = _sub_period(draw, period) if period is not None and draw(_BOOL) else None
    held = covers.end if covers is not None else _day_in(draw, period)
    assessments = tuple(
        Assessment(
            activity=activity,
            verdict=_one(draw, _VERDICTS),
            reason=_maybe_one(draw, _REASONS),
            note=_maybe_text(draw),
            assessed_by=_maybe_text(draw, 20),
        )
        for activity in _subset(draw, activity_ids)
    )
    named = (_text(draw, 20),) if draw(_BOOL) else ()
    return FollowUp(
        id=follow_up_id,
        held_on=held + dt.timedelta(days=_int(draw, 0, 45)),
        rule=_maybe_one(draw, rule_ids),
        covers=covers,
        forum=_maybe_one(draw, _FORUMS),
        participants=_subset(draw, party_ids) + named,
        summary=_maybe_text(draw),
        assessments=assessments,
        published=_subset(draw, _PUBLISHED),
    )


# The promise.
_SOURCE_KINDS = tuple(SourceKind)
_TITLES = (
    "lokalpolisområdeschef",
    "kommunstyrelsens ordförande",
    "kommundirektör",
    "polisområdeschef",
    "regiondirektör",
)
_POLITICAL_PARTIES = ("S", "M", "C", "V", "KD", "L", "MP", "SD")
_CONTACT_TITLES = ("kommunpolis", "säkerhetssamordnare", "brottsförebyggande samordnare")
_PERIOD_TEXTS = ("2023–2024", "hösten 2015", "april 2021 till april 2022", "tills vidare")
_PROMISE_IDS = st.text(_ID_ALPHABET, min_size=1, max_size=20).filter(lambda s: s.strip("-_"))


def _basis(draw: st.DrawFn) -> Basis:
    sources = tuple(
        Source(
            id=source_id,
            kind=_one(draw, _SOURCE_KINDS),
            description=_maybe_text(draw),
            year=_int(draw, _FIRST_YEAR - 3, _LAST_YEAR) if draw(_BOOL) else None,
            respondents=_int(draw, 1, 5_000) if draw(_BOOL) else None,
            url="https://example.se/lägesbild" if draw(_BOOL) else None,
        )
        for source_id in _ids(draw, "s", _int(draw, 0, 4))
    )
    return Basis(
        sources=sources,
        problems=tuple(_text(draw, 20) for _ in range(_int(draw, 0, 3))),
        summary=_maybe_text(draw),
    )


def _signing_day(draw: st.DrawFn, period: Period | None) -> dt.date | None:
    """Draw a signing day no later than the period's end, or none."""
    if not draw(_BOOL):
        return None
    if period is None:
        return _day_in(draw, None)
    return _day(draw, period.start - dt.timedelta(days=90), period.end)


def promises(
    *,
    min_activities: int = 0,
    max_activities: int = 6,
    with_period: bool | None = None,
    party_shape: PartyShape | None = None,
) -> st.SearchStrategy[Promise]:
    """Return a strategy for a whole, valid medborgarlöfte.

    Every reference resolves, ids are unique within each collection, kommuner
    carry real kommunkoder with matching names, signing days fall no later
    than the period's end, and every schedule occurs inside the period, so
    :func:`medborgarlofte.validate` finds no error. Reports and measurements
    lie mostly inside the period, so those two warnings are possible.

    Args:
        min_activities: The fewest activities.
        max_activities: The most activities.
        with_period: ``True`` for a promise with a period, ``False`` for one
            without (the period is unknown); either if ``None``.
        party_shape: Which set of parties; any if ``None``.

    Returns:
        A strategy for :class:`~medborgarlofte.Promise`.

    Raises:
        ValueError: If *min_activities* is negative or above *max_activities*.
    """
    if not 0 <= min_activities <= max_activities:
        msg = f"need 0 <= min_activities <= max_activities, not {min_activities}, {max_activities}"
        raise ValueError(msg)
    return _promises(
        min_activities=min_activities,
        max_activities=max_activities,
        with_period=with_period,
        party_shape=party_shape,
    )


@st.composite
def _promises(
    draw: st.DrawFn,
    *,
    min_activities: int,
    max_activities: int,
    with_period: bool | None,
    party_shape: PartyShape | None,
) -> Promise:
    has_period = draw(_BOOL) if with_period is None else with_period
    period = _period(draw) if has_period else None
    the_parties = _party_set(draw, party_shape)
    party_ids = tuple(p.id for p in the_parties)
    principals = tuple(p.id for p in the_parties if p.role is PartyRole.PRINCIPAL)
    kommunkoder = tuple(p.kommunkod for p in the_parties if p.kommunkod is not None)
    the_places = _place_set(draw, kommunkoder)
    place_ids = tuple(p.id for p in the_places)
    basis = _basis(draw)
    source_ids = tuple(s.id for s in basis.sources)
    focus_ids = _ids(draw, "fa", _int(draw, 0, 4))
    focus_areas = tuple(
        FocusArea(
            id=focus_id,
            title=_text(draw, 25),
            description=_maybe_text(draw),
            places=_subset(draw, place_ids, max_size=2),
        )
        for focus_id in focus_ids
    )
    activity_ids = _ids(draw, "a", _int(draw, min_activities, max_activities))
    the_activities = tuple(
        _activity(
            draw,
            activity_id,
            period=period,
            party_ids=party_ids,
            focus_area_ids=focus_ids,
            place_ids=place_ids,
        )
        for activity_id in activity_ids
    )
    the_activities = _same_as(draw, the_activities)
    the_reports = tuple(
        _with_party(
            draw,
            _report(
                draw,
                period,
                activity_ids,
                party_ids,
                report_id if draw(_BOOL) else None,
                place_ids=place_ids,
            ),
            the_activities,
        )
        for report_id in _ids(draw, "r", _int(draw, 0, 8))
    )
    the_indicators = tuple(
        _indicator(draw, indicator_id, period, focus_ids, source_ids)
        for indicator_id in _ids(draw, "i", _int(draw, 0, 2))
    )
    rule_ids = _ids(draw, "u", _int(draw, 0, 2))
    rules = tuple(
        _follow_up_rule(
            draw,
            rule_id,
            period=period,
            party_ids=party_ids,
            focus_area_ids=focus_ids,
            activity_ids=activity_ids,
        )
        for rule_id in rule_ids
    )
    held = tuple(
        _follow_up(
            draw,
            follow_up_id,
            period=period,
            rule_ids=rule_ids,
            activity_ids=activity_ids,
            party_ids=party_ids,
        )
        for follow_up_id in _ids(draw, "f", _int(draw, 0, 3))
    )
    signatories = tuple(
        Signatory(
            name=_text(draw, 25),
            party=_one(draw, principals),
            title=_maybe_one(draw, _TITLES),
            acting=draw(_BOOL),
            political_party=_maybe_one(draw, _POLITICAL_PARTIES),
            signed_on=_signing_day(draw, period),
        )
        for _ in range(_int(draw, 0, 3))
    )
    signatories = tuple(
        s if s.signed_on is not None or draw(_BOOL) else attrs.evolve(s, signing_stated=False)
        for s in signatories
    )
    contacts = tuple(
        Contact(
            name=_text(draw, 25),
            party=_one(draw, party_ids),
            title=_maybe_one(draw, _CONTACT_TITLES),
            email="kontakt@example.se" if draw(_BOOL) else None,
            phone="114 14" if draw(_BOOL) else None,
        )
        for _ in range(_int(draw, 0, 2))
    )
    related = tuple(
        RelatedDocument(
            title=_text(draw),
            kind="samverkansöverenskommelse" if draw(_BOOL) else None,
            period=_period(draw) if draw(_BOOL) else None,
            url="https://example.se/överenskommelse" if draw(_BOOL) else None,
        )
        for _ in range(_int(draw, 0, 1))
    )
    review_dates: tuple[dt.date, ...] = ()
    if period is not None:
        review_dates = tuple(sorted({_day_in(draw, period) for _ in range(_int(draw, 0, 2))}))
    reviews = tuple(
        ReviewOccasion(
            date=_day_in(draw, period) if period is not None and draw(_BOOL) else None,
            condition=_maybe_one(draw, _REVIEW_CONDITIONS),
            note=_maybe_text(draw),
        )
        for _ in range(_int(draw, 0, 2))
    )
    promise = Promise(
        id=draw(_PROMISE_IDS),
        title=_text(draw),
        parties=the_parties,
        period=period,
        period_text=_maybe_one(draw, _PERIOD_TEXTS),
        signed_on=_signing_day(draw, period),
        signatories=signatories,
        contacts=contacts,
        basis=basis,
        places=the_places,
        focus_areas=focus_areas,
        activities=the_activities,
        reports=the_reports,
        indicators=the_indicators,
        follow_up_rules=rules,
        follow_ups=held,
        renews=draw(_PROMISE_IDS) if draw(_BOOL) else None,
        review_dates=review_dates,
        related=related,
        summary=_maybe_text(draw, 80),
        url="https://polisen.se/medborgarlöfte" if draw(_BOOL) else None,
        reviews=reviews,
    )
    return attrs.evolve(promise, origin=_maybe(draw, origins(promise)))


_REVIEW_CONDITIONS = ("om behov uppstår", "vid årsskiftet", "när lägesbilden ändras")
_ORIGIN_KINDS = tuple(OriginKind)
_PUBLISHERS = ("Polisen", "Hofors kommun", "Region Gotland")
_INFERENCE_REASONS = ("året taget från perioden", "dagen saknas i källan")


def _same_as(draw: st.DrawFn, activities: tuple[Activity, ...]) -> tuple[Activity, ...]:
    """Now and then make a quota repeat an earlier quota's amount ("motsvarande antal")."""
    out = list(activities)
    for i, activity in enumerate(out):
        target = activity.target
        earlier = [a for a in out[:i] if isinstance(a.target, PeriodQuota | IntervalQuota)]
        if isinstance(target, PeriodQuota | IntervalQuota) and earlier and draw(_BOOL):
            other = _one(draw, tuple(earlier))
            theirs = other.target
            assert isinstance(theirs, PeriodQuota | IntervalQuota)  # noqa: S101 - filtered
            repeated = attrs.evolve(
                target, amount=theirs.amount, unit=theirs.unit, same_as=other.id
            )
            out[i] = attrs.evolve(activity, target=repeated)
    return tuple(out)


def _date_paths(document: object, path: str = "$") -> list[str]:
    """Return the JSON paths of every date in the model object *document*."""
    if type(document) is dt.date:
        return [path]
    if type(document) is tuple:
        return [p for i, item in enumerate(document) for p in _date_paths(item, f"{path}[{i}]")]
    cls = type(document)
    if attrs.has(cls):
        return [
            p
            for field in attrs.fields(cls)
            for p in _date_paths(getattr(document, field.name), f"{path}.{field.name}")
        ]
    return []


def origins(document: Promise | FollowUpDocument | None = None) -> st.SearchStrategy[Origin]:
    """Return a strategy for the source metadata of a document (källa).

    Args:
        document: The document the origin belongs to; inferred dates then
            point at dates in it. Without one, nothing is marked inferred.

    Returns:
        A strategy for :class:`~medborgarlofte.Origin`.
    """
    paths = tuple(_date_paths(document)) if document is not None else ()
    return _drawn(_origin, paths)


def _origin(draw: st.DrawFn, paths: tuple[str, ...]) -> Origin:
    return Origin(
        kind=_one(draw, _ORIGIN_KINDS),
        url="https://polisen.se/aktuellt/löfte" if draw(_BOOL) else None,
        title=_maybe_text(draw),
        publisher=_maybe_one(draw, _PUBLISHERS),
        published_on=_day_in(draw, None) if draw(_BOOL) else None,
        retrieved_on=_day_in(draw, None) if draw(_BOOL) else None,
        truncated=draw(_BOOL),
        activities_examples_only=draw(_BOOL),
        inferred=tuple(
            Inference(path=path, reason=_maybe_one(draw, _INFERENCE_REASONS))
            for path in _subset(draw, paths, max_size=2)
        ),
        note=_maybe_text(draw),
    )


def follow_up_documents(promise: Promise | None = None) -> st.SearchStrategy[FollowUpDocument]:
    """Return a strategy for a valid follow-up document (uppföljningsdokument).

    With *promise*, the document follows it up: it names its id, may name its
    kommuner and period, and its reports and assessments name its
    activities, so :func:`medborgarlofte.validate_follow_up` finds no error
    against it. Without one it follows up a promise of its own invented id
    and its reports name no activity.

    Args:
        promise: The promise followed up, if any.

    Returns:
        A strategy for :class:`~medborgarlofte.FollowUpDocument`.
    """
    return _drawn(_follow_up_document, promise)


def _follow_up_document(draw: st.DrawFn, promise: Promise | None) -> FollowUpDocument:
    activity_ids = tuple(a.id for a in promise.activities) if promise is not None else ()
    period = promise.period if promise is not None else None
    the_parties = _party_set(draw, None)
    party_ids = tuple(p.id for p in the_parties)
    kommunkoder = tuple(p.kommunkod for p in the_parties if p.kommunkod is not None)
    the_places = _place_set(draw, kommunkoder)
    place_ids = tuple(p.id for p in the_places)
    if promise is not None:
        ref = PromiseRef(
            id=promise.id,
            kommunkoder=tuple(p.kommunkod for p in promise.municipalities if p.kommunkod)
            if draw(_BOOL)
            else (),
            period=promise.period if draw(_BOOL) else None,
            title=promise.title if draw(_BOOL) else None,
        )
    else:
        ref = PromiseRef(
            id=draw(_PROMISE_IDS),
            kommunkoder=kommunkoder if draw(_BOOL) else (),
            period=_period(draw) if draw(_BOOL) else None,
            title=_maybe_text(draw),
        )
    start = _day_in(draw, period)
    covers = None
    if draw(_BOOL):
        end = _day(draw, start, start + dt.timedelta(days=400)) if draw(_BOOL) else None
        covers = OpenPeriod(start=start, end=end)
    the_reports = []
    for report_id in _ids(draw, "r", _int(draw, 0, 6)):
        report = _report(
            draw,
            period,
            activity_ids,
            party_ids,
            report_id if draw(_BOOL) else None,
            place_ids=place_ids,
        )
        if covers is not None:  # keep its day inside what the document covers
            last = covers.end if covers.end is not None else covers.start + dt.timedelta(400)
            report = attrs.evolve(report, date=_day(draw, covers.start, last), period=None)
        the_reports.append(report)
    assessments = tuple(
        Assessment(
            activity=activity,
            verdict=_one(draw, _VERDICTS),
            reason=_maybe_one(draw, _REASONS),
            note=_maybe_text(draw),
        )
        for activity in _subset(draw, activity_ids)
    )
    document = FollowUpDocument(
        id=draw(_PROMISE_IDS),
        promise=ref,
        title=_maybe_text(draw),
        published_on=_day_in(draw, None) if draw(_BOOL) else None,
        meeting_on=_day_in(draw, period) if draw(_BOOL) else None,
        covers=covers,
        forum=_maybe_one(draw, _FORUMS),
        parties=the_parties,
        places=the_places,
        contacts=tuple(
            Contact(name=_text(draw, 25), party=_one(draw, party_ids), title="kommunpolis")
            for _ in range(_int(draw, 0, 1))
        ),
        reports=tuple(the_reports),
        assessments=assessments,
        reason=_maybe_one(draw, ("pandemin", "personalbrist")),
        reason_code=_maybe_one(draw, _REASONS),
        summary=_maybe_text(draw),
    )
    return attrs.evolve(document, origin=_maybe(draw, origins(document)))
