"""Integrity rules: when a promise is internally consistent (regler för ett löfte).

:func:`validate` walks a :class:`~medborgarlofte.Promise` once and returns every
:class:`~medborgarlofte.Problem` it finds, grouped by the part of the promise
they are in, in the order of its keys; :func:`check` raises a
:class:`~medborgarlofte.ValidationError` when one of them is an error.
Each problem names its place as a JSON path in the document's keys (the
attribute names), for example ``$.activities[2].responsible[0]``.

The rules never flag a legitimate shape as an error: a promise without a
period, signatories, places, focus areas or responsible parties is valid, and
so is a promise by the police alone. Rules about dates are skipped when the
promise has no period. What each code means is listed in the documentation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import operator
import re
from itertools import chain, repeat
from typing import TYPE_CHECKING, Protocol, cast

import attrs

from medborgarlofte._core import codes
from medborgarlofte._core.problems import Problem
from medborgarlofte._model.indicators import DatePrecision
from medborgarlofte._model.parties import PartyKind, PartyRole
from medborgarlofte._model.promise import Responsibility
from medborgarlofte._model.recurrence import _first_day as first_day
from medborgarlofte._model.reports import ReportKind, ReportLink
from medborgarlofte._model.sweden import (
    kommun_by_code,
    kommun_by_name,
    name_mentions,
    police_region_named,
)
from medborgarlofte._model.targets import Interval, IntervalQuota, Milestone, PeriodQuota, Schedule
from medborgarlofte._rules.limits import Limits, check_limits, date_fault, in_range
from medborgarlofte.exceptions import InvalidValueError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from medborgarlofte._model.document import FollowUpDocument
    from medborgarlofte._model.indicators import Measurement
    from medborgarlofte._model.origin import Origin
    from medborgarlofte._model.parties import Party
    from medborgarlofte._model.period import Period
    from medborgarlofte._model.promise import Activity, Promise
    from medborgarlofte._model.recurrence import Recurrence
    from medborgarlofte._model.reports import Report

__all__ = ["check", "validate", "validate_follow_up"]

PLACEHOLDER_PREFIX = "<FYLL I"
"""How every placeholder text in a draft begins (platshållare): ``<FYLL I: …>``."""

GOTLAND = "0980"
"""Gotland's kommunkod: Region Gotland is also Gotland's kommun."""

# The shortest each interval can be, in days: a period shorter than this cannot
# hold even one whole interval.
_SHORTEST_DAYS = {
    Interval.WEEK: 7,
    Interval.MONTH: 28,
    Interval.QUARTER: 90,
    Interval.TERTIAL: 120,
    Interval.HALF_YEAR: 181,
    Interval.YEAR: 365,
}
_INTERVAL_NAMES = {
    Interval.WEEK: ("vecka", "week"),
    Interval.MONTH: ("månad", "month"),
    Interval.QUARTER: ("kvartal", "quarter"),
    Interval.TERTIAL: ("tertial", "tertial"),
    Interval.HALF_YEAR: ("halvår", "half-year"),
    Interval.YEAR: ("år", "year"),
}


class _Found:
    """The problems found so far, in the order found, and the limits' budget for rules."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.problems: list[Problem] = []
        self.limits = limits if limits is not None else Limits()

    def add(self, path: str, code: str, message_sv: str, message_en: str) -> None:
        self.problems.append(
            Problem(
                path=path,
                code=code,
                severity=codes.PROBLEM_CODES[code].severity,
                message_sv=message_sv,
                message_en=message_en,
            )
        )


def _distinct(ids: list[str | None]) -> bool:
    """Return whether no id other than ``None`` occurs twice in *ids*."""
    named = len(ids) - ids.count(None)
    return len(set(ids)) - (named != len(ids)) == named


class _Identified(Protocol):
    """Anything with an ``id`` of its own."""

    @property
    def id(self) -> str | None: ...


def _duplicates(items: Sequence[_Identified], path: str, found: _Found) -> None:
    """Report every use of an id after its first among *items*, which have an ``id``.

    The common case, no id used twice, is settled by comparing the number of
    ids with the size of their set, without a check per item.
    """
    ids = [item.id for item in items]
    if _distinct(ids):
        return
    first: dict[str, int] = {}
    for i, item_id in enumerate(ids):
        if item_id is None:
            continue
        before = first.setdefault(item_id, i)
        if before != i:
            found.add(
                f"{path}[{i}].id",
                codes.DUPLICATE_ID,
                f"id {item_id!r} används redan vid {path}[{before}].id",
                f"the id {item_id!r} is already used at {path}[{before}].id",
            )


class _Kind:
    """What a kind of reference points at, with its code and names in both languages."""

    def __init__(self, code: str, sv: str, en: str, *, neuter: bool = False) -> None:
        self.code = code
        self.none_sv = f"{'inget' if neuter else 'ingen'} {sv}"
        self.en = en


_PARTY = _Kind(codes.UNKNOWN_PARTY, "part", "party")
_FOCUS_AREA = _Kind(codes.UNKNOWN_FOCUS_AREA, "fokusområde", "focus area", neuter=True)
_ACTIVITY = _Kind(codes.UNKNOWN_ACTIVITY, "aktivitet", "activity")
_PLACE = _Kind(codes.UNKNOWN_PLACE, "plats", "place")
_SOURCE = _Kind(codes.UNKNOWN_SOURCE, "underlag i lägesbilden", "source in the basis", neuter=True)
_RULE = _Kind(codes.UNKNOWN_FOLLOW_UP_RULE, "uppföljningsregel", "follow-up rule")


class _Refs:
    """Resolve references against the ids a promise defines.

    A path is given as a format string with a ``{}`` per index, and is only
    built for a reference that does not resolve: most do, and validating a
    national data set should not pay for paths it never shows.
    """

    def __init__(self, found: _Found, known: Mapping[_Kind, set[str]]) -> None:
        self.found = found
        self.known = known

    def one(self, ref: str | None, kind: _Kind, path: str, *index: int) -> None:
        """Report *ref* at *path* unless it is ``None`` or a known id of *kind*."""
        if ref is not None and ref not in self.known[kind]:
            self._unknown(ref, kind, path.format(*index))

    def many(self, refs: Sequence[str], kind: _Kind, path: str, *index: int) -> None:
        """Report every unknown id in *refs*, at ``path[j]``."""
        known = self.known[kind]
        if known.issuperset(refs):
            return
        for j, ref in enumerate(refs):
            if ref not in known:
                self._unknown(ref, kind, f"{path.format(*index)}[{j}]")

    def _unknown(self, ref: str, kind: _Kind, path: str) -> None:
        close = difflib.get_close_matches(ref, sorted(self.known[kind]), n=1)
        hint_sv = f"; menade du {close[0]!r}?" if close else ""
        hint_en = f"; did you mean {close[0]!r}?" if close else ""
        self.found.add(
            path,
            kind.code,
            f"{kind.none_sv} har id {ref!r}{hint_sv}",
            f"no {kind.en} has the id {ref!r}{hint_en}",
        )


def _cycles(links: Sequence[tuple[str, str | None]], path: str, found: _Found) -> None:
    """Report every item that lies, link by link, inside itself.

    *links* holds each item's id and the id it points to (parent, within), and
    *path* names the collection and the link, for example ``$.places[].within``.
    """
    by_id = dict(reversed(links))
    collection, field = path.split("[].")
    for i, (item_id, link) in enumerate(links):
        seen = {item_id}
        step = link
        while step is not None and step in by_id and step not in seen:
            seen.add(step)
            step = by_id[step]
        if step == item_id:
            found.add(
                f"{collection}[{i}].{field}",
                codes.REFERENCE_CYCLE,
                f"{item_id!r} ligger via {field} inuti sig själv",
                f"{item_id!r} lies, through {field}, inside itself",
            )


def _check_parties(promise: Promise, refs: _Refs, found: _Found) -> None:
    if not promise.parties:
        found.add(
            "$.parties",
            codes.NO_PARTIES,
            "löftet har inga parter",
            "the promise has no parties",
        )
    elif not any(p.kind is PartyKind.POLICE for p in promise.parties):
        found.add(
            "$.parties",
            codes.NO_POLICE_PARTY,
            "ingen av parterna är polisen; ett medborgarlöfte ges av polisen",
            "none of the parties is the police; a medborgarlöfte is given by the police",
        )
    for i, party in enumerate(promise.parties):
        here = f"$.parties[{i}]"
        if party.kommunkod is not None:
            _check_kommunkod(party, here, found)
        elif _gives_promise_as_kommun(party):
            named = kommun_by_name(party.name)
            hint_sv = f"; {named.name} har kommunkod {named.code}" if named else ""
            hint_en = f"; {named.name} has the kommunkod {named.code}" if named else ""
            found.add(
                f"{here}.kommunkod",
                codes.MISSING_KOMMUNKOD,
                f"kommunen {party.name!r} saknar kommunkod{hint_sv}",
                f"the municipality {party.name!r} has no kommunkod{hint_en}",
            )
        if party.police_region is not None and police_region_named(party.police_region) is None:
            found.add(
                f"{here}.police_region",
                codes.UNKNOWN_POLICE_REGION,
                f"{party.police_region!r} är ingen polisregion; de sju är Bergslagen, "
                "Mitt, Nord, Stockholm, Syd, Väst och Öst",
                f"{party.police_region!r} is not a police region; the seven are Bergslagen, "
                "Mitt, Nord, Stockholm, Syd, Väst and Öst",
            )
        refs.one(party.parent, _PARTY, "$.parties[{}].parent", i)
    _cycles([(p.id, p.parent) for p in promise.parties], "$.parties[].parent", found)


def _gives_promise_as_kommun(party: Party) -> bool:
    """Return whether *party* is a kommun giving the promise, not a unit or a co-actor."""
    return (
        party.kind is PartyKind.MUNICIPALITY
        and party.role is PartyRole.PRINCIPAL
        and party.parent is None
    )


def _unknown_kommunkod(code: str, path: str, found: _Found) -> None:
    found.add(
        path,
        codes.UNKNOWN_KOMMUNKOD,
        f"{code!r} är inte kommunkoden för någon av Sveriges 290 kommuner",
        f"{code!r} is not the kommunkod of any of Sweden's 290 municipalities",
    )


def _check_kommunkod(party: Party, here: str, found: _Found) -> None:
    code = party.kommunkod or ""
    known = kommun_by_code(code)
    if known is None:
        _unknown_kommunkod(code, f"{here}.kommunkod", found)
    elif party.kind is PartyKind.REGION and code != GOTLAND:
        found.add(
            f"{here}.kommunkod",
            codes.KOMMUNKOD_ON_NON_MUNICIPAL_PARTY,
            f"regionen {party.name!r} har kommunkod {code}; bara Region Gotland är också en kommun",
            f"the region {party.name!r} has the kommunkod {code}; only Region Gotland "
            "is also a municipality",
        )
    elif party.kind not in {PartyKind.MUNICIPALITY, PartyKind.REGION}:
        found.add(
            f"{here}.kommunkod",
            codes.KOMMUNKOD_ON_NON_MUNICIPAL_PARTY,
            f"{party.name!r} är inte en kommun men har kommunkod {code} och räknas "
            "därför som en av löftets kommuner",
            f"{party.name!r} is not a municipality but has the kommunkod {code}, so it "
            "counts as one of the promise's municipalities",
        )
    elif party.parent is None and not name_mentions(party.name, known):
        named = kommun_by_name(party.name)
        hint_sv = f"; {named.name} har kommunkod {named.code}" if named else ""
        hint_en = f"; {named.name} has the kommunkod {named.code}" if named else ""
        found.add(
            f"{here}.kommunkod",
            codes.KOMMUN_NAME_MISMATCH,
            f"kommunkod {code} är {known.name}, men parten heter {party.name!r}{hint_sv}",
            f"the kommunkod {code} is {known.name}, but the party is called "
            f"{party.name!r}{hint_en}",
        )


def _check_signing(promise: Promise, refs: _Refs, found: _Found) -> None:
    period = promise.period
    if period is not None and promise.signed_on is not None and promise.signed_on > period.end:
        found.add(
            "$.signed_on",
            codes.SIGNED_AFTER_PERIOD,
            f"löftet undertecknades {promise.signed_on}, efter att perioden {period} slutat",
            f"the promise was signed on {promise.signed_on}, after its period {period} ended",
        )
    roles = {p.id: p.role for p in promise.parties}
    for i, signatory in enumerate(promise.signatories):
        here = f"$.signatories[{i}]"
        refs.one(signatory.party, _PARTY, "$.signatories[{}].party", i)
        if roles.get(signatory.party) is PartyRole.CO_ACTOR:
            found.add(
                f"{here}.party",
                codes.SIGNATORY_FOR_CO_ACTOR,
                f"{signatory.name} undertecknar för {signatory.party!r}, som har rollen "
                "medaktör och inte undertecknar",
                f"{signatory.name} signs for {signatory.party!r}, whose role is co-actor, "
                "which signs nothing",
            )
        on = signatory.signed_on
        if period is not None and on is not None and on > period.end:
            found.add(
                f"{here}.signed_on",
                codes.SIGNED_AFTER_PERIOD,
                f"{signatory.name} undertecknade {on}, efter att perioden {period} slutat",
                f"{signatory.name} signed on {on}, after the period {period} ended",
            )
    for i, contact in enumerate(promise.contacts):
        refs.one(contact.party, _PARTY, "$.contacts[{}].party", i)


def _check_places(promise: Promise, refs: _Refs, found: _Found) -> None:
    kommuner = {p.kommunkod for p in promise.parties if p.kommunkod is not None}
    for i, place in enumerate(promise.places):
        here = f"$.places[{i}]"
        if place.kommunkod is not None:
            if kommun_by_code(place.kommunkod) is None:
                _unknown_kommunkod(place.kommunkod, f"{here}.kommunkod", found)
            elif kommuner and place.kommunkod not in kommuner:
                _place_outside(place.name, place.kommunkod, kommuner, f"{here}.kommunkod", found)
        refs.one(place.within, _PLACE, "$.places[{}].within", i)
    _cycles([(p.id, p.within) for p in promise.places], "$.places[].within", found)


def _place_outside(name: str, code: str, kommuner: set[str], path: str, found: _Found) -> None:
    def named(code: str) -> str:
        known = kommun_by_code(code)
        return f"{known.name} ({code})" if known is not None else code

    theirs = ", ".join(named(c) for c in sorted(kommuner))
    found.add(
        path,
        codes.PLACE_OUTSIDE_KOMMUNER,
        f"{name} ligger i {named(code)}, som inte är en av löftets kommuner: {theirs}",
        f"{name} lies in {named(code)}, which is not one of the promise's kommuner: {theirs}",
    )


@functools.lru_cache(maxsize=4096)
def _occurs(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> bool:
    """Return whether *rule*, counted from *dtstart*, occurs from *start* to *end*.

    Stops at the first occurrence from *start* on, so a rule such as
    ``FREQ=HOURLY`` is not expanded in full, and bounds dateutil's search
    for a rule that never occurs (see ``_recurrence._walk``).
    Cached, since a national data set repeats the same rules and periods.
    """
    return first_day(rule, dtstart, start, end) is not None


def _check_recurrence(
    recurrence: Recurrence,
    dtstart: dt.date | None,
    period: Period,
    path: str,
    found: _Found,
    *,
    follow_up: bool = False,
) -> None:
    """Check the rule against the limits (see ``limits.py``), then that it occurs at all.

    A rule past a limit of its own, or of the promise, is not expanded at all.
    """
    limits = found.limits
    if not limits.expand or path in limits.refused:
        return
    start = dtstart or period.start
    before = len(limits.faults)
    try:
        within = limits.count(path, recurrence.rule, start, period, follow_up=follow_up)
        occurs = within and _occurs(recurrence.rule, start, period.start, period.end)
    except InvalidValueError as exc:  # a rule dateutil cannot expand in this period
        found.add(path, exc.code, exc.message_sv, exc.message_en)
        return
    for fault in limits.faults[before:]:
        found.add(*fault)
    if not within:
        return
    if not occurs:
        found.add(
            path,
            codes.SCHEDULE_WITHOUT_OCCURRENCE,
            f"regeln {recurrence.rule!r} med start {start} ger inget tillfälle inom {period}",
            f"the rule {recurrence.rule!r} starting {start} gives no occurrence in {period}",
        )


def _check_unit_forms(target: Schedule, here: str, found: _Found) -> None:
    """Warn of a form of a unit that a schedule without a unit gives for nothing."""
    for name, form in (
        ("unit_singular", target.unit_singular),
        ("unit_plural", target.unit_plural),
    ):
        if form is not None:
            found.add(
                f"{here}.{name}",
                codes.UNIT_FORM_WITHOUT_UNIT,
                "schemat anger en form av enheten men ingen enhet (unit); formen används inte",
                "the schedule gives a form of its unit but no unit; the form is not used",
            )


def _check_target(activity: Activity, here: str, period: Period | None, found: _Found) -> None:
    target = activity.target
    if isinstance(target, PeriodQuota | IntervalQuota):
        for k, sub in enumerate(target.sub_targets):
            if sub.share is not None and not 0 <= sub.share <= 1:
                found.add(
                    f"{here}.sub_targets[{k}].share",
                    codes.SHARE_OUT_OF_RANGE,
                    f"andelen {sub.share} ligger inte mellan 0 och 1 (20 % skrivs 0.2)",
                    f"the share {sub.share} is not between 0 and 1 (20 % is written 0.2)",
                )
    if isinstance(target, Schedule) and target.unit is None:
        _check_unit_forms(target, here, found)
    if period is None:
        return
    if isinstance(target, Schedule):
        _check_recurrence(target.recurrence, target.start, period, f"{here}.recurrence", found)
    elif isinstance(target, Milestone):
        if target.due is not None and not period.contains(target.due):
            found.add(
                f"{here}.due",
                codes.MILESTONE_OUTSIDE_PERIOD,
                f"slutdatum {target.due} ligger utanför perioden {period}",
                f"the due date {target.due} lies outside the period {period}",
            )
    elif isinstance(target, IntervalQuota) and period.days < _SHORTEST_DAYS[target.per]:
        sv, en = _INTERVAL_NAMES[target.per]
        found.add(
            f"{here}.per",
            codes.INTERVAL_LONGER_THAN_PERIOD,
            f"kvoten gäller per {sv}, men perioden {period} har bara {period.days} dagar",
            f"the quota is per {en}, but the period {period} has only {period.days} days",
        )


def _check_activities(promise: Promise, refs: _Refs, found: _Found) -> None:
    parties, focus_areas, places = (refs.known[kind] for kind in (_PARTY, _FOCUS_AREA, _PLACE))
    for i, activity in enumerate(promise.activities):
        # One test for the common case, every reference known, before the calls
        # that report each unknown one with its path.
        if not (
            parties.issuperset(activity.responsible)
            and parties.issuperset(activity.participants)
            and focus_areas.issuperset(activity.focus_areas)
            and places.issuperset(activity.places)
        ):
            refs.many(activity.responsible, _PARTY, "$.activities[{}].responsible", i)
            refs.many(activity.participants, _PARTY, "$.activities[{}].participants", i)
            refs.many(activity.focus_areas, _FOCUS_AREA, "$.activities[{}].focus_areas", i)
            refs.many(activity.places, _PLACE, "$.activities[{}].places", i)
        if isinstance(activity.target, PeriodQuota | IntervalQuota):
            for k, sub in enumerate(activity.target.sub_targets):
                path = "$.activities[{}].target.sub_targets[{}].place"
                refs.one(sub.place, _PLACE, path, i, k)
        _check_target(activity, f"$.activities[{i}].target", promise.period, found)


def _reports_consistent(promise: Promise, known: Mapping[_Kind, set[str]]) -> bool:
    """Return whether no report of *promise* can have a problem, checked in bulk.

    A national data set holds hundreds of thousands of reports, nearly all of
    them fine: the distinct activities, parties, dates and periods they use are
    gathered into sets and checked as sets, without a check per report.
    ``False`` only means that the report-by-report check has to look.
    """
    # Set comprehensions, not map(attrgetter): reading a slot inline is about a
    # third faster than calling an attrgetter for each report.
    reports = promise.reports
    used = {report.activity for report in reports}
    used.discard(None)
    if not used <= known[_ACTIVITY]:
        return False
    used = {report.party for report in reports}
    used.discard(None)
    if not used <= known[_PARTY]:
        return False
    period = promise.period
    if period is None:
        return True
    days = {report.date for report in reports}
    days.discard(None)
    dated = cast("set[dt.date]", days)  # None discarded
    if dated and (min(dated) < period.start or max(dated) > period.end):
        return False
    spans = {report.period for report in reports}
    spans.discard(None)
    return all(
        period.overlaps(span) and in_range(span.start) and in_range(span.end)
        for span in cast("set[Period]", spans)
    )


def _check_reports(promise: Promise, refs: _Refs, found: _Found) -> None:
    if _reports_consistent(promise, refs.known):
        return
    period = promise.period
    for i, report in enumerate(promise.reports):
        refs.one(report.activity, _ACTIVITY, "$.reports[{}].activity", i)
        refs.one(report.party, _PARTY, "$.reports[{}].party", i)
        if period is None:
            continue
        if report.date is not None and not period.contains(report.date):
            found.add(
                f"$.reports[{i}].date",
                codes.REPORT_OUTSIDE_PERIOD,
                f"rapporten är daterad {report.date}, utanför perioden {period}",
                f"the report is dated {report.date}, outside the period {period}",
            )
        days = [(f"$.reports[{i}].date", report.date)]
        if report.period is not None:
            days += [
                (f"$.reports[{i}].period.start", report.period.start),
                (f"$.reports[{i}].period.end", report.period.end),
            ]
        for path, day in days:
            fault = date_fault(path, day) if day is not None else None
            if fault is not None:
                found.add(*fault)
        if report.period is not None and not period.overlaps(report.period):
            found.add(
                f"$.reports[{i}].period",
                codes.REPORT_OUTSIDE_PERIOD,
                f"rapporten täcker {report.period}, helt utanför perioden {period}",
                f"the report covers {report.period}, wholly outside the period {period}",
            )


def _check_indicators(promise: Promise, refs: _Refs, found: _Found) -> None:
    period = promise.period
    for i, indicator in enumerate(promise.indicators):
        here = f"$.indicators[{i}]"
        refs.many(indicator.focus_areas, _FOCUS_AREA, "$.indicators[{}].focus_areas", i)
        refs.one(indicator.source, _SOURCE, "$.indicators[{}].source", i)
        if indicator.baseline is not None:
            refs.one(indicator.baseline.source, _SOURCE, "$.indicators[{}].baseline.source", i)
        target_date = indicator.target.date if indicator.target is not None else None
        if period is not None and target_date is not None and target_date < period.start:
            found.add(
                f"{here}.target.date",
                codes.INDICATOR_TARGET_BEFORE_PERIOD,
                f"målvärdet ska nås {target_date}, före perioden {period} börjar",
                f"the target is due on {target_date}, before the period {period} starts",
            )
        for k, measurement in enumerate(indicator.measurements):
            path = "$.indicators[{}].measurements[{}].source"
            refs.one(measurement.source, _SOURCE, path, i, k)
            if period is not None and not period.contains(measurement.date):
                found.add(
                    f"{here}.measurements[{k}].date",
                    codes.MEASUREMENT_OUTSIDE_PERIOD,
                    f"mätvärdet är från {measurement.date}, utanför perioden {period}",
                    f"the measurement is from {measurement.date}, outside the period {period}",
                )


def _check_follow_up(promise: Promise, refs: _Refs, found: _Found) -> None:
    period = promise.period
    for i, rule in enumerate(promise.follow_up_rules):
        refs.one(rule.responsible, _PARTY, "$.follow_up_rules[{}].responsible", i)
        refs.many(rule.focus_areas, _FOCUS_AREA, "$.follow_up_rules[{}].focus_areas", i)
        refs.many(rule.activities, _ACTIVITY, "$.follow_up_rules[{}].activities", i)
        if period is not None and rule.recurrence is not None:
            path = f"$.follow_up_rules[{i}].recurrence"
            _check_recurrence(rule.recurrence, None, period, path, found, follow_up=True)
    for i, follow_up in enumerate(promise.follow_ups):
        here = f"$.follow_ups[{i}]"
        refs.one(follow_up.rule, _RULE, "$.follow_ups[{}].rule", i)
        if period is not None and follow_up.held_on < period.start:
            found.add(
                f"{here}.held_on",
                codes.FOLLOW_UP_BEFORE_PERIOD,
                f"uppföljningen hölls {follow_up.held_on}, före perioden {period} började",
                f"the follow-up was held on {follow_up.held_on}, before the period {period} began",
            )
        elif (
            period is not None
            and follow_up.covers is not None
            and follow_up.covers.end < period.start
        ):
            found.add(
                f"{here}.covers",
                codes.FOLLOW_UP_BEFORE_PERIOD,
                f"uppföljningen täcker {follow_up.covers}, helt före perioden {period}",
                f"the follow-up covers {follow_up.covers}, wholly before the period {period}",
            )
        for k, assessment in enumerate(follow_up.assessments):
            path = "$.follow_ups[{}].assessments[{}].activity"
            refs.one(assessment.activity, _ACTIVITY, path, i, k)


def _check_review_dates(promise: Promise, found: _Found) -> None:
    period = promise.period
    if period is None:
        return
    for i, day in enumerate(promise.review_dates):
        if not period.contains(day):
            found.add(
                f"$.review_dates[{i}]",
                codes.REVIEW_DATE_OUTSIDE_PERIOD,
                f"revideringsdagen {day} ligger utanför perioden {period}",
                f"the review date {day} lies outside the period {period}",
            )


def _placeholder(value: str | None, path: str, found: _Found) -> None:
    if value is not None and value.startswith(PLACEHOLDER_PREFIX):
        found.add(
            path,
            codes.DRAFT_PLACEHOLDER,
            f"platshållare att fylla i: {value}",
            f"a placeholder to fill in: {value}",
        )


_TITLE = operator.attrgetter("title")
_NAME = operator.attrgetter("name")
_TARGET = operator.attrgetter("target")
_MARK = "\x1f" + PLACEHOLDER_PREFIX
"""A placeholder at the start of one of the texts joined by ``\x1f``."""


def _joined(texts: Iterable[str | None]) -> str:
    return "\x1f" + "\x1f".join(filter(None, texts))


def _check_placeholders(promise: Promise, found: _Found) -> None:
    """Report the placeholders a draft leaves in the texts a drafter may leave open.

    Only the texts that :func:`medborgarlofte.draft` may leave as placeholders
    are read: the promise's title, period text and summary, the parties'
    names, the signatories' titles, and the activities' titles and units.
    The common case, no placeholder at all, is settled by one search of the
    texts joined together, without a check per activity.
    """
    activities = promise.activities
    units = map(getattr, map(_TARGET, activities), repeat("unit"), repeat(None))
    texts = _joined(
        chain(
            (promise.title, promise.period_text, promise.summary),
            map(_NAME, promise.parties),
            map(_TITLE, promise.signatories),
            map(_TITLE, activities),
            units,
        )
    )
    if _MARK not in texts:
        return
    _placeholder(promise.title, "$.title", found)
    _placeholder(promise.period_text, "$.period_text", found)
    _placeholder(promise.summary, "$.summary", found)
    for i, party in enumerate(promise.parties):
        _placeholder(party.name, f"$.parties[{i}].name", found)
    for i, signatory in enumerate(promise.signatories):
        _placeholder(signatory.title, f"$.signatories[{i}].title", found)
    for i, activity in enumerate(activities):
        _placeholder(activity.title, f"$.activities[{i}].title", found)
        target = activity.target
        if isinstance(target, PeriodQuota | IntervalQuota | Schedule):
            _placeholder(target.unit, f"$.activities[{i}].target.unit", found)


# --- What real documents say (#16) ------------------------------------------------
# Honest report links, places and shares, "the same amount as", signatories
# whose signing is not stated, undated reviews, measurements dated by a span,
# and inferred dates. Kept apart from the rules above, which the national
# data set's speed depends on: each check here first asks in bulk whether
# there is anything to look at.

_HONEST_LINKS = frozenset(
    {(False, ReportLink.ACTIVITY), (True, ReportLink.UNRESTATED), (True, ReportLink.UNPROMISED)}
)


def _links_plain(reports: Sequence[Report]) -> bool:
    """Return whether no report can have a problem of links, places, parties or shares.

    Checked in bulk for a national data set, in one pass that compares the
    link by identity and never hashes an enum member, which is slow;
    quantities are only looked into when some report has them. ``False``
    only means that the report-by-report check looks.
    """
    active = ReportLink.ACTIVITY
    if any(
        r.link is not active or r.activity is None or r.places or r.parties or r.shares
        for r in reports
    ):
        return False
    quantities = [r.quantities for r in reports]
    return quantities.count(()) == len(quantities) or all(
        q.place is None and q.share is None for items in quantities for q in items
    )


def _check_report_links(reports: Sequence[Report], refs: _Refs, found: _Found) -> None:
    """Report links that contradict ``activity``, and unknown places and parties."""
    if _links_plain(reports):
        return
    for i, report in enumerate(reports):
        here = f"$.reports[{i}]"
        if report.activity is None and report.link is ReportLink.ACTIVITY:
            found.add(
                f"{here}.link",
                codes.REPORT_LINK_WITHOUT_ACTIVITY,
                "rapporten är kopplad till en aktivitet men anger ingen; skriv link = "
                "'unrestated' för utlovat arbete som dokumentet inte återger, eller "
                "'unpromised' för arbete som inte utlovats",
                "the report is linked to an activity but names none; write link = "
                "'unrestated' for promised work the document does not restate, or "
                "'unpromised' for work that was never promised",
            )
        elif report.activity is not None and report.link is not ReportLink.ACTIVITY:
            found.add(
                f"{here}.link",
                codes.REPORT_LINK_CONFLICT,
                f"rapporten anger aktiviteten {report.activity!r} men har link = "
                f"{report.link.value!r}",
                f"the report names the activity {report.activity!r} but has link = "
                f"{report.link.value!r}",
            )
        refs.many(report.places, _PLACE, "$.reports[{}].places", i)
        refs.many(report.parties, _PARTY, "$.reports[{}].parties", i)
        for k, share in enumerate(report.shares):
            refs.one(share.place, _PLACE, "$.reports[{}].shares[{}].place", i, k)
            _share_in_range(share.share, f"{here}.shares[{k}].share", found)
        for k, quantity in enumerate(report.quantities):
            refs.one(quantity.place, _PLACE, "$.reports[{}].quantities[{}].place", i, k)
            if quantity.share is not None:
                _share_in_range(quantity.share, f"{here}.quantities[{k}].share", found)


def _share_in_range(share: float, path: str, found: _Found) -> None:
    if not 0 <= share <= 1:
        found.add(
            path,
            codes.SHARE_OUT_OF_RANGE,
            f"andelen {share} ligger inte mellan 0 och 1 (20 % skrivs 0.2)",
            f"the share {share} is not between 0 and 1 (20 % is written 0.2)",
        )


def _check_same_as(promise: Promise, refs: _Refs, found: _Found) -> None:
    """Check quotas that repeat another activity's amount ("motsvarande antal")."""
    for i, activity in enumerate(promise.activities):
        target = activity.target
        if not isinstance(target, PeriodQuota | IntervalQuota) or target.same_as is None:
            continue
        here = f"$.activities[{i}].target.same_as"
        if target.same_as == activity.id:
            found.add(
                here,
                codes.REFERENCE_CYCLE,
                f"{activity.id!r} har samma antal som sig själv",
                f"{activity.id!r} has the same amount as itself",
            )
            continue
        other = next((a for a in promise.activities if a.id == target.same_as), None)
        if other is None:
            refs.one(target.same_as, _ACTIVITY, here)
            continue
        theirs = other.target
        if not isinstance(theirs, PeriodQuota | IntervalQuota) or (
            theirs.amount,
            theirs.unit,
        ) != (target.amount, target.unit):
            found.add(
                here,
                codes.SAME_AS_MISMATCH,
                f"målet ska vara samma antal som i {other.id!r}, men {target.amount} "
                f"{target.unit} skiljer sig från dess mål",
                f"the target is meant as the same amount as {other.id!r}'s, but "
                f"{target.amount} {target.unit} differs from its target",
            )


def _check_place_splits(promise: Promise, found: _Found) -> None:
    for i, activity in enumerate(promise.activities):
        if activity.place_split is None:
            continue
        target = activity.target
        subs = target.sub_targets if isinstance(target, PeriodQuota | IntervalQuota) else ()
        places = set(activity.places) | {s.place for s in subs if s.place is not None}
        if len(places) < 2:  # noqa: PLR2004 - a split needs two places
            found.add(
                f"$.activities[{i}].place_split",
                codes.PLACE_SPLIT_WITHOUT_PLACES,
                "aktiviteten säger hur antalet fördelas på platser men har "
                f"{len(places)} plats(er)",
                f"the activity says how its amount is shared among places but has "
                f"{len(places)} place(s)",
            )


def _check_signing_stated(promise: Promise, found: _Found) -> None:
    for i, signatory in enumerate(promise.signatories):
        if not signatory.signing_stated and signatory.signed_on is not None:
            found.add(
                f"$.signatories[{i}].signed_on",
                codes.SIGNING_NOT_STATED_BUT_DATED,
                f"{signatory.name} har ett datum för undertecknandet, men signing_stated "
                "säger att det inte framgår",
                f"{signatory.name} has a signing date, but signing_stated says the signing "
                "is not stated",
            )


def _check_reviews(promise: Promise, found: _Found) -> None:
    period = promise.period
    if period is None:
        return
    for i, review in enumerate(promise.reviews):
        if review.date is not None and not period.contains(review.date):
            found.add(
                f"$.reviews[{i}].date",
                codes.REVIEW_DATE_OUTSIDE_PERIOD,
                f"revideringsdagen {review.date} ligger utanför perioden {period}",
                f"the review date {review.date} lies outside the period {period}",
            )


def _check_dating(measurement: Measurement, path: str, found: _Found) -> None:
    covers = measurement.covers
    by_interval = measurement.precision is DatePrecision.INTERVAL
    if by_interval and covers is None:
        sv = "mätvärdet är daterat med ett intervall men covers saknas"
        en = "the measurement is dated by an interval but covers is missing"
    elif covers is not None and not by_interval:
        sv = f"mätvärdet har covers men precision {measurement.precision.value!r}, inte 'interval'"
        en = (
            f"the measurement has covers but precision {measurement.precision.value!r}, "
            "not 'interval'"
        )
    elif covers is not None and covers.end != measurement.date:
        sv = f"datumet {measurement.date} är inte intervallets sista dag {covers.end}"
        en = f"the date {measurement.date} is not the interval's last day {covers.end}"
    else:
        return
    found.add(path, codes.MEASUREMENT_DATING_MISMATCH, sv, en)


def _check_measurement_dating(promise: Promise, found: _Found) -> None:
    for i, indicator in enumerate(promise.indicators):
        if indicator.baseline is not None:
            _check_dating(indicator.baseline, f"$.indicators[{i}].baseline.date", found)
        for k, measurement in enumerate(indicator.measurements):
            _check_dating(measurement, f"$.indicators[{i}].measurements[{k}].date", found)


_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")


def _resolve(document: object, path: str) -> object:
    """Return the value at the JSON path *path* of the model object *document*, or raise."""
    if not path.startswith("$"):
        raise LookupError(path)
    here, position = document, 1
    while position < len(path):
        step = _PATH_STEP.match(path, position)
        if step is None:
            raise LookupError(path)
        name, index = step.groups()
        cls = type(here)
        if name is not None:
            if not attrs.has(cls) or name not in attrs.fields_dict(cls):
                raise LookupError(path)
            here = getattr(here, name)
        elif type(here) is tuple and int(index) < len(here):
            here = here[int(index)]
        else:
            raise LookupError(path)
        position = step.end()
    return here


def _check_inferred(document: object, origin: Origin | None, found: _Found) -> None:
    """Check that each inferred date's path names a date in *document*."""
    if origin is None:
        return
    for i, inference in enumerate(origin.inferred):
        try:
            value = _resolve(document, inference.path)
        except LookupError:
            value = None
        if type(value) is not dt.date:
            found.add(
                f"$.origin.inferred[{i}].path",
                codes.INFERRED_PATH_NOT_A_DATE,
                f"sökvägen {inference.path!r} pekar inte på ett datum i dokumentet",
                f"the path {inference.path!r} does not point at a date in the document",
            )


def _check_each_parties(promise: Promise, found: _Found) -> None:
    """Warn about done reports on an activity each party carries out that name no party."""
    each = Responsibility.EACH
    ids = {a.id for a in promise.activities if a.responsibility is each and a.responsible}
    if not ids:
        return
    for i, report in enumerate(promise.reports):
        if (
            report.activity in ids
            and report.kind is ReportKind.DONE
            and report.party is None
            and not report.parties
        ):
            found.add(
                f"$.reports[{i}].party",
                codes.EACH_REPORT_WITHOUT_PARTY,
                f"aktiviteten {report.activity!r} utförs av varje ansvarig part för sig, men "
                "rapporten anger ingen part och räknas därför inte för någon av dem",
                f"the activity {report.activity!r} is carried out by each responsible party "
                "on its own, but the report names no party and so counts for none of them",
            )


def _check_document_facts(promise: Promise, refs: _Refs, found: _Found) -> None:
    """Check what #16 added to a promise document."""
    _check_report_links(promise.reports, refs, found)
    _check_each_parties(promise, found)
    _check_same_as(promise, refs, found)
    _check_place_splits(promise, found)
    _check_signing_stated(promise, found)
    _check_reviews(promise, found)
    _check_measurement_dating(promise, found)
    _check_inferred(promise, promise.origin, found)


def _check_follow_up_dates(document: FollowUpDocument, found: _Found) -> None:
    """Warn about reports dated before the span the follow-up document covers."""
    covers = document.covers
    if covers is None:
        return
    for i, report in enumerate(document.reports):
        day = report.day
        if day is not None and (
            day < covers.start or (covers.end is not None and day > covers.end)
        ):
            found.add(
                f"$.reports[{i}]",
                codes.REPORT_OUTSIDE_PERIOD,
                f"rapporten gäller {day}, utanför den period dokumentet omfattar",
                f"the report is for {day}, outside the span the document covers",
            )


def _match_promise(document: FollowUpDocument, promises: Iterable[Promise], found: _Found) -> None:
    """Check *document* against the promise it follows up, among *promises*."""
    ref = document.promise
    promise = next((p for p in promises if p.id == ref.id), None)
    if promise is None:
        found.add(
            "$.promise.id",
            codes.FOLLOW_UP_PROMISE_NOT_FOUND,
            f"inget av de givna löftena har id {ref.id!r}",
            f"none of the promises given has the id {ref.id!r}",
        )
        return
    theirs = {p.kommunkod for p in promise.municipalities if p.kommunkod is not None}
    if ref.kommunkoder and not set(ref.kommunkoder) <= theirs:
        found.add(
            "$.promise.kommunkoder",
            codes.FOLLOW_UP_PROMISE_MISMATCH,
            f"löftet {ref.id!r} har kommunkoderna {sorted(theirs)}, inte {list(ref.kommunkoder)}",
            f"the promise {ref.id!r} has the kommunkoder {sorted(theirs)}, not "
            f"{list(ref.kommunkoder)}",
        )
    if ref.period is not None and promise.period is not None and ref.period != promise.period:
        found.add(
            "$.promise.period",
            codes.FOLLOW_UP_PROMISE_MISMATCH,
            f"löftet {ref.id!r} gäller {promise.period}, inte {ref.period}",
            f"the promise {ref.id!r} runs {promise.period}, not {ref.period}",
        )
    activities = {a.id for a in promise.activities}
    refs = _Refs(found, {_ACTIVITY: activities})
    for i, report in enumerate(document.reports):
        refs.one(report.activity, _ACTIVITY, "$.reports[{}].activity", i)
    for i, assessment in enumerate(document.assessments):
        refs.one(assessment.activity, _ACTIVITY, "$.assessments[{}].activity", i)


def _check_follow_up_placeholders(document: FollowUpDocument, found: _Found) -> None:
    """Report the placeholders a draft leaves in a follow-up document, as for a promise.

    Read: the document's title and summary, the promise reference's id and
    title, the parties' names, and each report's work and note.
    """
    reports = document.reports
    texts = _joined(
        chain(
            (document.title, document.summary, document.promise.id, document.promise.title),
            map(_NAME, document.parties),
            (r.work for r in reports),
            (r.note for r in reports),
        )
    )
    if _MARK not in texts:
        return
    _placeholder(document.title, "$.title", found)
    _placeholder(document.summary, "$.summary", found)
    _placeholder(document.promise.id, "$.promise.id", found)
    _placeholder(document.promise.title, "$.promise.title", found)
    for i, party in enumerate(document.parties):
        _placeholder(party.name, f"$.parties[{i}].name", found)
    for i, report in enumerate(reports):
        _placeholder(report.work, f"$.reports[{i}].work", found)
        _placeholder(report.note, f"$.reports[{i}].note", found)


def validate_follow_up(
    document: FollowUpDocument, *, promises: Iterable[Promise] | None = None
) -> tuple[Problem, ...]:
    """Return every integrity problem in a follow-up document (uppföljningsdokument).

    Checks duplicate ids, honest report links, references to the document's
    own parties and places, shares, kommunkoder and inferred dates; a
    placeholder left by a draft (``<FYLL I: …>``) is a warning, as
    :func:`validate` reports it in a promise. Given
    *promises*, it also finds the promise followed up: none with its id is a
    warning (``follow-up-promise-not-found``), kommuner or a period that
    differ are warnings, and a report or assessment naming an activity the
    promise does not have is an error.

    Args:
        document: The follow-up document to check.
        promises: The promises to find the followed-up one among, if any.

    Returns:
        The problems found; empty when the document is consistent.
    """
    found = _Found()
    _check_follow_up_placeholders(document, found)
    known = {
        _PARTY: {p.id for p in document.parties},
        _PLACE: {p.id for p in document.places},
    }
    refs = _Refs(found, known)
    for k, code in enumerate(document.promise.kommunkoder):
        if kommun_by_code(code) is None:
            _unknown_kommunkod(code, f"$.promise.kommunkoder[{k}]", found)
    _duplicates(document.parties, "$.parties", found)
    for i, party in enumerate(document.parties):
        if party.kommunkod is not None:
            _check_kommunkod(party, f"$.parties[{i}]", found)
        refs.one(party.parent, _PARTY, "$.parties[{}].parent", i)
    _duplicates(document.places, "$.places", found)
    for i, place in enumerate(document.places):
        refs.one(place.within, _PLACE, "$.places[{}].within", i)
    for i, contact in enumerate(document.contacts):
        refs.one(contact.party, _PARTY, "$.contacts[{}].party", i)
    _duplicates(document.reports, "$.reports", found)
    for i, report in enumerate(document.reports):
        refs.one(report.party, _PARTY, "$.reports[{}].party", i)
    _check_report_links(document.reports, refs, found)
    _check_follow_up_dates(document, found)
    _check_inferred(document, document.origin, found)
    if promises is not None:
        _match_promise(document, promises, found)
    return tuple(found.problems)


def validate(promise: Promise) -> tuple[Problem, ...]:
    """Return every integrity problem in *promise*, errors and warnings.

    Checks duplicate ids, that every reference resolves, kommunkoder, dates
    against the period, and targets that cannot be met in it; a placeholder
    left by a draft (``<FYLL I: …>``) is a warning. The problems
    come grouped by the part of the promise they are in, in the order of its
    keys. Pure: it never raises for a :class:`~medborgarlofte.Promise`.

    >>> from medborgarlofte import Activity, Ongoing, Party, PartyKind, Promise
    >>> promise = Promise(
    ...     id="p", title="Medborgarlöfte",
    ...     parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
    ...     activities=(Activity(id="a", title="Trygghetsvandring",
    ...                          target=Ongoing(), responsible=("polis",)),),
    ... )
    >>> [(p.path, p.code, p.severity.value) for p in validate(promise)]
    [('$.activities[0].responsible[0]', 'unknown-party', 'error')]
    >>> print(validate(promise)[0].message("en"))
    no party has the id 'polis'; did you mean 'polisen'?

    Args:
        promise: The promise to check.

    Returns:
        The problems found; empty when the promise is consistent.
    """
    limits = check_limits(promise)
    found = _Found(limits)
    for fault in limits.faults:
        found.add(*fault)
    _check_placeholders(promise, found)
    known = {
        _PARTY: {p.id for p in promise.parties},
        _SOURCE: {s.id for s in promise.basis.sources},
        _PLACE: {p.id for p in promise.places},
        _FOCUS_AREA: {f.id for f in promise.focus_areas},
        _ACTIVITY: {a.id for a in promise.activities},
        _RULE: {r.id for r in promise.follow_up_rules},
    }
    refs = _Refs(found, known)
    _duplicates(promise.parties, "$.parties", found)
    _check_parties(promise, refs, found)
    _check_signing(promise, refs, found)
    _duplicates(promise.basis.sources, "$.basis.sources", found)
    _duplicates(promise.places, "$.places", found)
    _check_places(promise, refs, found)
    _duplicates(promise.focus_areas, "$.focus_areas", found)
    for i, focus_area in enumerate(promise.focus_areas):
        refs.many(focus_area.places, _PLACE, "$.focus_areas[{}].places", i)
    _duplicates(promise.activities, "$.activities", found)
    _check_activities(promise, refs, found)
    _duplicates(promise.reports, "$.reports", found)
    _check_reports(promise, refs, found)
    _duplicates(promise.indicators, "$.indicators", found)
    _check_indicators(promise, refs, found)
    _duplicates(promise.follow_up_rules, "$.follow_up_rules", found)
    _duplicates(promise.follow_ups, "$.follow_ups", found)
    _check_follow_up(promise, refs, found)
    _check_review_dates(promise, found)
    _check_document_facts(promise, refs, found)
    return tuple(found.problems)


def check(promise: Promise) -> tuple[Problem, ...]:
    """Return the warnings in *promise*, or raise if it has an error.

    Args:
        promise: The promise to check.

    Returns:
        The problems found, all of them warnings.

    Raises:
        ValidationError: If :func:`validate` finds an error; it carries every
            problem, warnings included.
    """
    problems = validate(promise)
    if any(p.is_error for p in problems):
        raise ValidationError(problems)
    return problems
