"""Tests for the integrity rules: one violating promise and one valid neighbour per rule."""

import datetime as dt
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte import (
    PROBLEM_CODES,
    Activity,
    Assessment,
    Basis,
    Cadence,
    Contact,
    DatePrecision,
    Direction,
    FocusArea,
    FollowUp,
    FollowUpDocument,
    FollowUpRule,
    Indicator,
    IndicatorTarget,
    Inference,
    Interval,
    IntervalQuota,
    InvalidValueError,
    Measurement,
    Milestone,
    Ongoing,
    OpenPeriod,
    Origin,
    OriginKind,
    Party,
    PartyKind,
    PartyRole,
    Period,
    PeriodQuota,
    Place,
    PlaceSplit,
    Promise,
    PromiseRef,
    Quantity,
    Recurrence,
    Report,
    ReportKind,
    ReportLink,
    Responsibility,
    ReviewOccasion,
    Schedule,
    Severity,
    Share,
    Signatory,
    Source,
    SourceKind,
    SubTarget,
    ValidationError,
    Verdict,
    check,
    validate,
    validate_follow_up,
)
from medborgarlofte._rules import integrity as _rules
from medborgarlofte.testing import periods, promises

E, W = Severity.ERROR, Severity.WARNING
NEVER = ReportLink.UNPROMISED
D = dt.date

POLICE = Party(id="polisen", kind=PartyKind.POLICE, name="LPO Gästrikland", police_region="Mitt")
HOFORS = Party(id="hofors", kind=PartyKind.MUNICIPALITY, name="Hofors kommun", kommunkod="2104")
BASE = Promise(
    id="hofors-2023-2024",
    title="Medborgarlöfte Hofors 2023–2024",
    parties=(POLICE, HOFORS),
    period=Period(start=D(2023, 1, 1), end=D(2024, 12, 31)),
)


def _with(**changes):
    """Return BASE with *changes*."""
    return attrs.evolve(BASE, **changes)


def _party(party_id="bolaget", **changes):
    """Return a partner party with id *party_id*."""
    fields = {"kind": PartyKind.HOUSING_COMPANY, "name": "Hoforshus", "role": PartyRole.PARTNER}
    return Party(id=party_id, **(fields | changes))


def _activity(activity_id="a", target=None, **changes):
    """Return an ongoing activity with id *activity_id*."""
    return Activity(
        id=activity_id, title="Trygghetsvandring", target=target or Ongoing(), **changes
    )


def _target(target):
    """Return BASE with one activity that has *target*."""
    return _with(activities=(_activity(target=target),))


def _indicator(indicator_id="otrygga", **changes):
    """Return an indicator with id *indicator_id*."""
    fields = {"name": "Andel otrygga", "unit": "%", "direction": Direction.DECREASE}
    return Indicator(id=indicator_id, **(fields | changes))


def _source(source_id="ntu"):
    return Source(id=source_id, kind=SourceKind.SURVEY)


def _measure(day, **changes):
    return Measurement(date=day, value=12, **changes)


def _rule(rule_id="bra", **changes):
    return FollowUpRule(id=rule_id, **({"cadence": Cadence.TERTIAL} | changes))


def _follow_up(follow_up_id="f1", held_on=None, **changes):
    return FollowUp(id=follow_up_id, held_on=held_on or D(2023, 5, 10), **changes)


def _place(place_id="centrum", **changes):
    return Place(id=place_id, name="Centrum", **changes)


def _sub(**changes):
    return SubTarget(description="förstagångsanvändare", **changes)


def _quota(**changes):
    return PeriodQuota(**({"amount": 52, "unit": "narkotikabrott"} | changes))


def _assessments(*activities):
    return tuple(Assessment(activity=a, verdict=Verdict.DONE) for a in activities)


FA = FocusArea(id="narkotika", title="Narkotika")
WEEKLY = Recurrence(rule="FREQ=WEEKLY;BYDAY=MO")
THREE_MONTHS_2022 = Recurrence(rule="FREQ=MONTHLY;COUNT=3")

# Each case: a promise breaking one rule, the (path, code, severity) it must
# give, and its valid neighbour, which must give nothing.
CASES = [
    # -- duplicate ids, in every collection with ids ------------------------------
    pytest.param(
        _with(parties=(POLICE, HOFORS, _party("polisen"))),
        [("$.parties[2].id", "duplicate-id", E)],
        _with(parties=(POLICE, HOFORS, _party("bolaget"))),
        id="duplicate-party",
    ),
    pytest.param(
        _with(basis=Basis(sources=(_source("ntu"), _source("ntu")))),
        [("$.basis.sources[1].id", "duplicate-id", E)],
        _with(basis=Basis(sources=(_source("ntu"), _source("dialog")))),
        id="duplicate-source",
    ),
    pytest.param(
        _with(places=(_place("c"), _place("c"))),
        [("$.places[1].id", "duplicate-id", E)],
        _with(places=(_place("c"), _place("d"))),
        id="duplicate-place",
    ),
    pytest.param(
        _with(focus_areas=(FA, FA)),
        [("$.focus_areas[1].id", "duplicate-id", E)],
        _with(focus_areas=(FA, attrs.evolve(FA, id="trafik"))),
        id="duplicate-focus-area",
    ),
    pytest.param(
        _with(activities=(_activity("a"), _activity("b"), _activity("a"))),
        [("$.activities[2].id", "duplicate-id", E)],
        _with(activities=(_activity("a"), _activity("b"), _activity("c"))),
        id="duplicate-activity",
    ),
    pytest.param(
        _with(reports=(Report(id="r", link=NEVER), Report(id="r", link=NEVER))),
        [("$.reports[1].id", "duplicate-id", E)],
        _with(reports=(Report(link=NEVER), Report(link=NEVER))),
        id="duplicate-report",
    ),
    pytest.param(
        _with(indicators=(_indicator("i"), _indicator("i"))),
        [("$.indicators[1].id", "duplicate-id", E)],
        _with(indicators=(_indicator("i"), _indicator("j"))),
        id="duplicate-indicator",
    ),
    pytest.param(
        _with(follow_up_rules=(_rule("bra"), _rule("bra"))),
        [("$.follow_up_rules[1].id", "duplicate-id", E)],
        _with(follow_up_rules=(_rule("bra"), _rule("ks"))),
        id="duplicate-follow-up-rule",
    ),
    pytest.param(
        _with(follow_ups=(_follow_up("f"), _follow_up("f"))),
        [("$.follow_ups[1].id", "duplicate-id", E)],
        _with(follow_ups=(_follow_up("f"), _follow_up("g"))),
        id="duplicate-follow-up",
    ),
    # -- references -----------------------------------------------------------------
    pytest.param(
        _with(activities=(_activity(responsible=("polisen", "kommunen")),)),
        [("$.activities[0].responsible[1]", "unknown-party", E)],
        _with(activities=(_activity(responsible=("polisen", "hofors")),)),
        id="activity-responsible",
    ),
    pytest.param(
        _with(activities=(_activity(participants=("bolaget",)),)),
        [("$.activities[0].participants[0]", "unknown-party", E)],
        _with(
            parties=(POLICE, HOFORS, _party()), activities=(_activity(participants=("bolaget",)),)
        ),
        id="activity-participants",
    ),
    pytest.param(
        _with(focus_areas=(FA,), activities=(_activity(focus_areas=("trafik",)),)),
        [("$.activities[0].focus_areas[0]", "unknown-focus-area", E)],
        _with(focus_areas=(FA,), activities=(_activity(focus_areas=("narkotika",)),)),
        id="activity-focus-areas",
    ),
    pytest.param(
        _with(activities=(_activity(places=("centrum",)),)),
        [("$.activities[0].places[0]", "unknown-place", E)],
        _with(places=(_place(),), activities=(_activity(places=("centrum",)),)),
        id="activity-places",
    ),
    pytest.param(
        _target(_quota(sub_targets=(_sub(amount=800, place="a"),))),
        [("$.activities[0].target.sub_targets[0].place", "unknown-place", E)],
        attrs.evolve(
            _target(_quota(sub_targets=(_sub(amount=800, place="a"),))), places=(_place("a"),)
        ),
        id="sub-target-place",
    ),
    pytest.param(
        _with(focus_areas=(attrs.evolve(FA, places=("oxnehaga",)),)),
        [("$.focus_areas[0].places[0]", "unknown-place", E)],
        _with(focus_areas=(attrs.evolve(FA, places=("oxnehaga",)),), places=(_place("oxnehaga"),)),
        id="focus-area-places",
    ),
    pytest.param(
        _with(places=(_place("torget", within="centrum"),)),
        [("$.places[0].within", "unknown-place", E)],
        _with(places=(_place("torget", within="centrum"), _place("centrum"))),
        id="place-within",
    ),
    pytest.param(
        _with(
            parties=(POLICE, HOFORS, _party("soc", kind=PartyKind.MUNICIPALITY, parent="kommun"))
        ),
        [("$.parties[2].parent", "unknown-party", E)],
        _with(
            parties=(POLICE, HOFORS, _party("soc", kind=PartyKind.MUNICIPALITY, parent="hofors"))
        ),
        id="party-parent",
    ),
    pytest.param(
        _with(signatories=(Signatory(name="Kenneth Axling", party="kommun"),)),
        [("$.signatories[0].party", "unknown-party", E)],
        _with(signatories=(Signatory(name="Kenneth Axling", party="hofors"),)),
        id="signatory-party",
    ),
    pytest.param(
        _with(contacts=(Contact(name="Malin Lilliedahl", party="polis"),)),
        [("$.contacts[0].party", "unknown-party", E)],
        _with(contacts=(Contact(name="Malin Lilliedahl", party="polisen"),)),
        id="contact-party",
    ),
    pytest.param(
        _with(activities=(_activity("a"),), reports=(Report(activity="b"),)),
        [("$.reports[0].activity", "unknown-activity", E)],
        _with(activities=(_activity("a"),), reports=(Report(activity="a"), Report(link=NEVER))),
        id="report-activity",
    ),
    pytest.param(
        _with(reports=(Report(link=NEVER, party="kommunen"),)),
        [("$.reports[0].party", "unknown-party", E)],
        _with(reports=(Report(link=NEVER, party="hofors"),)),
        id="report-party",
    ),
    pytest.param(
        _with(indicators=(_indicator(focus_areas=("trafik",)),), focus_areas=(FA,)),
        [("$.indicators[0].focus_areas[0]", "unknown-focus-area", E)],
        _with(indicators=(_indicator(focus_areas=("narkotika",)),), focus_areas=(FA,)),
        id="indicator-focus-areas",
    ),
    pytest.param(
        _with(indicators=(_indicator(source="ntu"),)),
        [("$.indicators[0].source", "unknown-source", E)],
        _with(indicators=(_indicator(source="ntu"),), basis=Basis(sources=(_source(),))),
        id="indicator-source",
    ),
    pytest.param(
        _with(indicators=(_indicator(baseline=_measure(D(2022, 5, 1), source="ntu")),)),
        [("$.indicators[0].baseline.source", "unknown-source", E)],
        _with(
            indicators=(_indicator(baseline=_measure(D(2022, 5, 1), source="ntu")),),
            basis=Basis(sources=(_source(),)),
        ),
        id="baseline-source",
    ),
    pytest.param(
        _with(indicators=(_indicator(measurements=(_measure(D(2023, 5, 1), source="ntu"),)),)),
        [("$.indicators[0].measurements[0].source", "unknown-source", E)],
        _with(
            indicators=(_indicator(measurements=(_measure(D(2023, 5, 1), source="ntu"),)),),
            basis=Basis(sources=(_source(),)),
        ),
        id="measurement-source",
    ),
    pytest.param(
        _with(follow_up_rules=(_rule(responsible="kommunen"),)),
        [("$.follow_up_rules[0].responsible", "unknown-party", E)],
        _with(follow_up_rules=(_rule(responsible="hofors"),)),
        id="follow-up-rule-responsible",
    ),
    pytest.param(
        _with(follow_up_rules=(_rule(focus_areas=("narkotika",)),)),
        [("$.follow_up_rules[0].focus_areas[0]", "unknown-focus-area", E)],
        _with(follow_up_rules=(_rule(focus_areas=("narkotika",)),), focus_areas=(FA,)),
        id="follow-up-rule-focus-areas",
    ),
    pytest.param(
        _with(follow_up_rules=(_rule(activities=("a", "b")),), activities=(_activity("a"),)),
        [("$.follow_up_rules[0].activities[1]", "unknown-activity", E)],
        _with(follow_up_rules=(_rule(activities=("a",)),), activities=(_activity("a"),)),
        id="follow-up-rule-activities",
    ),
    pytest.param(
        _with(follow_ups=(_follow_up(rule="bra"),)),
        [("$.follow_ups[0].rule", "unknown-follow-up-rule", E)],
        _with(follow_ups=(_follow_up(rule="bra"),), follow_up_rules=(_rule("bra"),)),
        id="follow-up-rule",
    ),
    pytest.param(
        _with(
            activities=(_activity("a"),),
            follow_ups=(_follow_up(assessments=_assessments("a", "x")),),
        ),
        [("$.follow_ups[0].assessments[1].activity", "unknown-activity", E)],
        _with(
            activities=(_activity("a"),), follow_ups=(_follow_up(assessments=_assessments("a")),)
        ),
        id="assessment-activity",
    ),
    # -- hierarchies that loop -----------------------------------------------------
    pytest.param(
        _with(parties=(POLICE, HOFORS, _party("a", parent="b"), _party("b", parent="a"))),
        [
            ("$.parties[2].parent", "reference-cycle", E),
            ("$.parties[3].parent", "reference-cycle", E),
        ],
        _with(parties=(POLICE, HOFORS, _party("a", parent="b"), _party("b"))),
        id="party-parent-cycle",
    ),
    pytest.param(
        _with(places=(_place("a"), _place("b", within="b"))),
        [("$.places[1].within", "reference-cycle", E)],
        _with(places=(_place("a"), _place("b", within="a"))),
        id="place-within-self",
    ),
    # -- parties ---------------------------------------------------------------------
    pytest.param(
        _with(parties=()),
        [("$.parties", "no-parties", E)],
        _with(parties=(POLICE,)),
        id="no-parties",
    ),
    pytest.param(
        _with(parties=(HOFORS,)),
        [("$.parties", "no-police-party", W)],
        _with(parties=(HOFORS, attrs.evolve(POLICE, name="Polisen", police_region=None))),
        id="no-police-party",
    ),
    pytest.param(
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod="2199"))),
        [("$.parties[1].kommunkod", "unknown-kommunkod", E)],
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod="2104"))),
        id="unknown-kommunkod",
    ),
    pytest.param(
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod="Hofors"))),
        [("$.parties[1].kommunkod", "unknown-kommunkod", E)],
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod="2104"))),
        id="kommunkod-not-a-code",
    ),
    pytest.param(
        _with(parties=(POLICE, attrs.evolve(HOFORS, name="Sandvikens kommun"))),
        [("$.parties[1].kommunkod", "kommun-name-mismatch", W)],
        _with(parties=(POLICE, attrs.evolve(HOFORS, name="Kommunen i Hofors"))),
        id="kommun-name-mismatch",
    ),
    pytest.param(
        _with(parties=(POLICE, _party(kommunkod="2104"))),
        [("$.parties[1].kommunkod", "kommunkod-on-non-municipal-party", W)],
        _with(parties=(POLICE, _party())),
        id="kommunkod-on-housing-company",
    ),
    pytest.param(
        _with(
            parties=(
                POLICE,
                Party(id="r", kind=PartyKind.REGION, name="Region Gävleborg", kommunkod="2104"),
            )
        ),
        [("$.parties[1].kommunkod", "kommunkod-on-non-municipal-party", W)],
        _with(
            parties=(
                POLICE,
                Party(id="r", kind=PartyKind.REGION, name="Region Gotland", kommunkod="0980"),
            )
        ),
        id="kommunkod-on-region",
    ),
    pytest.param(
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod=None, name="Kommunen"))),
        [("$.parties[1].kommunkod", "missing-kommunkod", W)],
        _with(
            parties=(
                POLICE,
                Party(
                    id="sdf",
                    kind=PartyKind.MUNICIPALITY,
                    name="Stadsdelsförvaltningen",
                    role=PartyRole.CO_ACTOR,
                ),
            )
        ),
        id="missing-kommunkod-co-actor-unit",
    ),
    pytest.param(
        _with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod=None))),
        [("$.parties[1].kommunkod", "missing-kommunkod", W)],
        _with(
            parties=(
                POLICE,
                HOFORS,
                Party(
                    id="soc", kind=PartyKind.MUNICIPALITY, name="Socialtjänsten", parent="hofors"
                ),
            )
        ),
        id="missing-kommunkod",
    ),
    pytest.param(
        _with(parties=(attrs.evolve(POLICE, police_region="Gävleborg"), HOFORS)),
        [("$.parties[0].police_region", "unknown-police-region", W)],
        _with(parties=(attrs.evolve(POLICE, police_region="Polisregion Mitt"), HOFORS)),
        id="unknown-police-region",
    ),
    # -- places ----------------------------------------------------------------------
    pytest.param(
        _with(places=(_place(kommunkod="2199"),)),
        [("$.places[0].kommunkod", "unknown-kommunkod", E)],
        _with(places=(_place(kommunkod="2104"),)),
        id="place-unknown-kommunkod",
    ),
    pytest.param(
        _with(places=(_place(kommunkod="2181"),)),
        [("$.places[0].kommunkod", "place-outside-kommuner", W)],
        _with(parties=(POLICE,), places=(_place(kommunkod="2181"),)),
        id="place-outside-kommuner",
    ),
    # -- signing -----------------------------------------------------------------------
    pytest.param(
        _with(signed_on=D(2025, 1, 1)),
        [("$.signed_on", "signed-after-period", E)],
        _with(signed_on=D(2023, 2, 15)),
        id="signed-after-period",
    ),
    pytest.param(
        _with(
            signatories=(
                Signatory(name="Temo Allenbäck", party="polisen", signed_on=D(2025, 3, 1)),
            )
        ),
        [("$.signatories[0].signed_on", "signed-after-period", E)],
        _with(
            signatories=(
                Signatory(name="Temo Allenbäck", party="polisen", signed_on=D(2024, 12, 31)),
            )
        ),
        id="signatory-signed-after-period",
    ),
    pytest.param(
        _with(
            parties=(POLICE, HOFORS, _party(role=PartyRole.CO_ACTOR)),
            signatories=(Signatory(name="Anna Berg", party="bolaget"),),
        ),
        [("$.signatories[0].party", "signatory-for-co-actor", W)],
        _with(
            parties=(POLICE, HOFORS, _party(role=PartyRole.PARTNER)),
            signatories=(Signatory(name="Anna Berg", party="bolaget"),),
        ),
        id="signatory-for-co-actor",
    ),
    # -- targets -----------------------------------------------------------------------
    pytest.param(
        _target(_quota(sub_targets=(_sub(share=20),))),
        [("$.activities[0].target.sub_targets[0].share", "share-out-of-range", E)],
        _target(_quota(sub_targets=(_sub(share=0.2),))),
        id="share-out-of-range",
    ),
    pytest.param(
        _target(
            IntervalQuota(amount=2, unit="sök", per=Interval.YEAR, sub_targets=(_sub(share=-0.1),))
        ),
        [("$.activities[0].target.sub_targets[0].share", "share-out-of-range", E)],
        _target(
            IntervalQuota(amount=2, unit="sök", per=Interval.YEAR, sub_targets=(_sub(share=1),))
        ),
        id="interval-share-out-of-range",
    ),
    pytest.param(
        _target(Schedule(recurrence=THREE_MONTHS_2022, start=D(2022, 1, 1))),
        [("$.activities[0].target.recurrence", "schedule-without-occurrence", W)],
        _target(Schedule(recurrence=THREE_MONTHS_2022, start=D(2022, 11, 1))),
        id="schedule-without-occurrence",
    ),
    pytest.param(
        _target(Schedule(recurrence=WEEKLY, start=D(2025, 1, 1))),
        [("$.activities[0].target.recurrence", "schedule-without-occurrence", W)],
        _target(Schedule(recurrence=WEEKLY)),
        id="schedule-starts-after-period",
    ),
    pytest.param(
        _target(Schedule(recurrence=Recurrence(rule="FREQ=HOURLY;COUNT=5"), start=D(2022, 12, 31))),
        [("$.activities[0].target.recurrence", "schedule-without-occurrence", W)],
        _target(Schedule(recurrence=Recurrence(rule="FREQ=HOURLY"))),
        id="schedule-every-hour",
    ),
    pytest.param(
        _with(
            follow_up_rules=(
                _rule(
                    cadence=Cadence.SCHEDULE,
                    recurrence=Recurrence(rule="FREQ=DAILY;UNTIL=20221231"),
                ),
            )
        ),
        [("$.follow_up_rules[0].recurrence", "schedule-without-occurrence", W)],
        _with(follow_up_rules=(_rule(cadence=Cadence.SCHEDULE, recurrence=WEEKLY),)),
        id="follow-up-schedule-without-occurrence",
    ),
    pytest.param(
        _target(Milestone(due=D(2025, 3, 1))),
        [("$.activities[0].target.due", "milestone-outside-period", W)],
        _target(Milestone(due=D(2024, 12, 31))),
        id="milestone-outside-period",
    ),
    pytest.param(
        _with(
            period=Period(start=D(2023, 1, 1), end=D(2023, 6, 30)),
            activities=(
                _activity(target=IntervalQuota(amount=900, unit="timmar", per=Interval.YEAR)),
            ),
        ),
        [("$.activities[0].target.per", "interval-longer-than-period", W)],
        _with(
            period=Period(start=D(2023, 1, 1), end=D(2023, 6, 30)),
            activities=(
                _activity(target=IntervalQuota(amount=450, unit="timmar", per=Interval.HALF_YEAR)),
            ),
        ),
        id="interval-longer-than-period",
    ),
    # -- dates against the period ----------------------------------------------------
    pytest.param(
        _with(reports=(Report(link=NEVER, date=D(2022, 12, 31)),)),
        [("$.reports[0].date", "report-outside-period", W)],
        _with(reports=(Report(link=NEVER, date=D(2023, 1, 1)),)),
        id="report-date-outside-period",
    ),
    pytest.param(
        _with(reports=(Report(link=NEVER, period=Period.year(2025)),)),
        [("$.reports[0].period", "report-outside-period", W)],
        _with(
            reports=(Report(link=NEVER, period=Period(start=D(2022, 7, 1), end=D(2023, 6, 30))),)
        ),
        id="report-period-outside-period",
    ),
    pytest.param(
        _with(
            indicators=(
                _indicator(measurements=(_measure(D(2023, 5, 1)), _measure(D(2025, 5, 1)))),
            )
        ),
        [("$.indicators[0].measurements[1].date", "measurement-outside-period", W)],
        _with(
            indicators=(
                _indicator(
                    baseline=_measure(D(2022, 5, 1)), measurements=(_measure(D(2024, 5, 1)),)
                ),
            )
        ),
        id="measurement-outside-period",
    ),
    pytest.param(
        _with(indicators=(_indicator(target=IndicatorTarget(value=10, date=D(2022, 12, 31))),)),
        [("$.indicators[0].target.date", "indicator-target-before-period", W)],
        _with(indicators=(_indicator(target=IndicatorTarget(value=10, date=D(2026, 12, 31))),)),
        id="indicator-target-before-period",
    ),
    pytest.param(
        _with(follow_ups=(_follow_up(held_on=D(2022, 12, 1)),)),
        [("$.follow_ups[0].held_on", "follow-up-before-period", W)],
        _with(follow_ups=(_follow_up(held_on=D(2025, 2, 1)),)),
        id="follow-up-held-before-period",
    ),
    pytest.param(
        _with(follow_ups=(_follow_up(covers=Period.year(2022)),)),
        [("$.follow_ups[0].covers", "follow-up-before-period", W)],
        _with(follow_ups=(_follow_up(covers=Period(start=D(2023, 1, 1), end=D(2023, 4, 30))),)),
        id="follow-up-covers-before-period",
    ),
    pytest.param(
        _with(review_dates=(D(2023, 6, 1), D(2025, 6, 1))),
        [("$.review_dates[1]", "review-date-outside-period", W)],
        _with(review_dates=(D(2023, 6, 1), D(2024, 6, 1))),
        id="review-date-outside-period",
    ),
    pytest.param(
        _with(
            summary="<FYLL I: sammanfattning>",
            activities=(
                _activity("a", target=PeriodQuota(amount=5, unit="<FYLL I: vad som räknas>")),
            ),
        ),
        [
            ("$.summary", "draft-placeholder", W),
            ("$.activities[0].target.unit", "draft-placeholder", W),
        ],
        _with(summary="Sammanfattning <FYLL I> nämnd mitt i en text", activities=(_activity("a"),)),
        id="draft-placeholder",
    ),
    # -- what real documents say (#16) ----------------------------------------------
    pytest.param(
        _with(reports=(Report(work="fotpatruller"),)),
        [("$.reports[0].link", "report-link-without-activity", E)],
        _with(reports=(Report(work="fotpatruller", link=ReportLink.UNRESTATED),)),
        id="report-link-without-activity",
    ),
    pytest.param(
        _with(activities=(_activity("a"),), reports=(Report(activity="a", link=NEVER),)),
        [("$.reports[0].link", "report-link-conflict", E)],
        _with(activities=(_activity("a"),), reports=(Report(activity="a"),)),
        id="report-link-conflict",
    ),
    pytest.param(
        _with(places=(_place("c"),), reports=(Report(link=NEVER, places=("c", "d")),)),
        [("$.reports[0].places[1]", "unknown-place", E)],
        _with(places=(_place("c"),), reports=(Report(link=NEVER, places=("c",)),)),
        id="report-places",
    ),
    pytest.param(
        _with(reports=(Report(link=NEVER, parties=("polisen", "kommunen")),)),
        [("$.reports[0].parties[1]", "unknown-party", E)],
        _with(reports=(Report(link=NEVER, parties=("polisen", "hofors")),)),
        id="report-parties",
    ),
    pytest.param(
        _with(reports=(Report(link=NEVER, shares=(Share(share=50, place="byar"),)),)),
        [
            ("$.reports[0].shares[0].place", "unknown-place", E),
            ("$.reports[0].shares[0].share", "share-out-of-range", E),
        ],
        _with(
            places=(_place("byar"),),
            reports=(Report(link=NEVER, shares=(Share(share=0.5, place="byar"),)),),
        ),
        id="report-shares",
    ),
    pytest.param(
        _with(
            reports=(
                Report(
                    link=NEVER,
                    quantities=(Quantity(value=3, unit="besök", place="x", share=1.5),),
                ),
            )
        ),
        [
            ("$.reports[0].quantities[0].place", "unknown-place", E),
            ("$.reports[0].quantities[0].share", "share-out-of-range", E),
        ],
        _with(
            places=(_place("x"),),
            reports=(
                Report(
                    link=NEVER,
                    quantities=(Quantity(value=3, unit="besök", place="x", share=1.0),),
                ),
            ),
        ),
        id="quantity-place-and-share",
    ),
    pytest.param(
        _with(
            activities=(
                _activity("a", target=_quota()),
                _activity("b", target=_quota(amount=104, same_as="a")),
            )
        ),
        [("$.activities[1].target.same_as", "same-as-mismatch", W)],
        _with(
            activities=(
                _activity("a", target=_quota()),
                _activity("b", target=_quota(same_as="a")),
            )
        ),
        id="same-as-mismatch",
    ),
    pytest.param(
        _with(
            activities=(
                _activity(responsible=("polisen", "hofors"), responsibility=Responsibility.EACH),
            ),
            reports=(
                Report(activity="a", date=D(2023, 5, 1), party="hofors"),
                Report(activity="a", date=D(2023, 6, 1)),
                Report(activity="a", date=D(2023, 7, 1), kind=ReportKind.PLANNED),
            ),
        ),
        [("$.reports[1].party", "each-report-without-party", W)],
        _with(
            activities=(
                _activity(responsible=("polisen", "hofors"), responsibility=Responsibility.EACH),
            ),
            reports=(
                Report(activity="a", date=D(2023, 5, 1), party="hofors"),
                Report(activity="a", date=D(2023, 6, 1), parties=("polisen", "hofors")),
                Report(activity="a", date=D(2023, 7, 1), kind=ReportKind.PLANNED),
            ),
        ),
        id="each-report-without-party",
    ),
    pytest.param(
        _with(activities=(_activity("b", target=_quota(same_as="c")),)),
        [("$.activities[0].target.same_as", "unknown-activity", E)],
        _with(activities=(_activity("b", target=_quota()),)),
        id="same-as-unknown",
    ),
    pytest.param(
        _with(activities=(_activity("b", target=_quota(same_as="b")),)),
        [("$.activities[0].target.same_as", "reference-cycle", E)],
        _with(activities=(_activity("b", target=_quota()),)),
        id="same-as-itself",
    ),
    pytest.param(
        _with(
            places=(_place("c"), _place("d")),
            activities=(_activity("b", places=("c",), place_split=PlaceSplit.EACH),),
        ),
        [("$.activities[0].place_split", "place-split-without-places", W)],
        _with(
            places=(_place("c"), _place("d")),
            activities=(_activity("b", places=("c", "d"), place_split=PlaceSplit.EACH),),
        ),
        id="place-split-without-places",
    ),
    pytest.param(
        _with(
            activities=(_activity("b", target=Schedule(recurrence=WEEKLY, unit_plural="möten")),)
        ),
        [("$.activities[0].target.unit_plural", "unit-form-without-unit", W)],
        _with(
            activities=(
                _activity(
                    "b", target=Schedule(recurrence=WEEKLY, unit="möte", unit_plural="möten")
                ),
            )
        ),
        id="unit-form-without-unit",
    ),
    pytest.param(
        _with(
            signatories=(
                Signatory(
                    name="Temo Allenbäck",
                    party="polisen",
                    signed_on=D(2022, 12, 12),
                    signing_stated=False,
                ),
            )
        ),
        [("$.signatories[0].signed_on", "signing-not-stated-but-dated", E)],
        _with(
            signatories=(Signatory(name="Temo Allenbäck", party="polisen", signing_stated=False),)
        ),
        id="signing-not-stated-but-dated",
    ),
    pytest.param(
        _with(reviews=(ReviewOccasion(date=D(2025, 1, 1)), ReviewOccasion(condition="vid behov"))),
        [("$.reviews[0].date", "review-date-outside-period", W)],
        _with(reviews=(ReviewOccasion(date=D(2024, 1, 1)), ReviewOccasion(condition="vid behov"))),
        id="review-occasion-outside-period",
    ),
    pytest.param(
        _with(
            indicators=(
                _indicator(
                    measurements=(
                        _measure(D(2023, 6, 30), precision=DatePrecision.INTERVAL),
                        _measure(
                            D(2023, 6, 1),
                            precision=DatePrecision.INTERVAL,
                            covers=Period(start=D(2023, 3, 1), end=D(2023, 5, 31)),
                        ),
                        _measure(
                            D(2023, 5, 31), covers=Period(start=D(2023, 3, 1), end=D(2023, 5, 31))
                        ),
                    )
                ),
            )
        ),
        [
            ("$.indicators[0].measurements[0].date", "measurement-dating-mismatch", E),
            ("$.indicators[0].measurements[1].date", "measurement-dating-mismatch", E),
            ("$.indicators[0].measurements[2].date", "measurement-dating-mismatch", E),
        ],
        _with(
            indicators=(
                _indicator(
                    measurements=(
                        _measure(
                            D(2023, 5, 31),
                            precision=DatePrecision.INTERVAL,
                            covers=Period(start=D(2023, 3, 1), end=D(2023, 5, 31)),
                            date_text="våren 2023",
                        ),
                        _measure(D(2023, 12, 31), precision=DatePrecision.YEAR),
                    )
                ),
            )
        ),
        id="measurement-dating-mismatch",
    ),
    pytest.param(
        _with(
            origin=Origin(
                kind=OriginKind.PRESS_RELEASE,
                inferred=(Inference(path="$.signed_on"), Inference(path="$.period.start")),
            )
        ),
        [("$.origin.inferred[0].path", "inferred-path-not-a-date", E)],
        _with(
            signed_on=D(2022, 12, 12),
            origin=Origin(
                kind=OriginKind.PRESS_RELEASE,
                inferred=(
                    Inference(path="$.signed_on", reason="året taget från perioden"),
                    Inference(path="$.period.start"),
                ),
            ),
        ),
        id="inferred-path-not-a-date",
    ),
]


# Follow-up documents (#16): the document, the problems, a valid neighbour, checked
# beside BASE with one activity "a".
_FOLLOWED = _with(activities=(_activity("a"),))
_DOC = FollowUpDocument(id="u", promise=PromiseRef(id=BASE.id))


def _doc(**changes):
    return attrs.evolve(_DOC, **changes)


FOLLOW_UP_CASES = [
    pytest.param(
        _doc(promise=PromiseRef(id="hofors-2021")),
        [("$.promise.id", "follow-up-promise-not-found", W)],
        _doc(),
        id="follow-up-promise-not-found",
    ),
    pytest.param(
        _doc(promise=PromiseRef(id=BASE.id, kommunkoder=("2180",), period=Period.year(2023))),
        [
            ("$.promise.kommunkoder", "follow-up-promise-mismatch", W),
            ("$.promise.period", "follow-up-promise-mismatch", W),
        ],
        _doc(promise=PromiseRef(id=BASE.id, kommunkoder=("2104",), period=BASE.period)),
        id="follow-up-promise-mismatch",
    ),
    pytest.param(
        _doc(
            reports=(Report(activity="b"), Report(work="fotpatruller")),
            assessments=(Assessment(activity="c", verdict=Verdict.DONE),),
        ),
        [
            ("$.reports[1].link", "report-link-without-activity", E),
            ("$.reports[0].activity", "unknown-activity", E),
            ("$.assessments[0].activity", "unknown-activity", E),
        ],
        _doc(
            reports=(
                Report(activity="a"),
                Report(work="fotpatruller", link=ReportLink.UNRESTATED),
            ),
            assessments=(Assessment(activity="a", verdict=Verdict.DONE),),
        ),
        id="follow-up-activities",
    ),
    pytest.param(
        _doc(
            parties=(POLICE, POLICE),
            places=(_place("c", within="d"),),
            contacts=(Contact(name="Malin", party="kommunen"),),
            reports=(Report(link=NEVER, party="hofors", places=("d",)),),
        ),
        [
            ("$.parties[1].id", "duplicate-id", E),
            ("$.places[0].within", "unknown-place", E),
            ("$.contacts[0].party", "unknown-party", E),
            ("$.reports[0].party", "unknown-party", E),
            ("$.reports[0].places[0]", "unknown-place", E),
        ],
        _doc(
            parties=(POLICE, HOFORS),
            places=(_place("c"), _place("d", within="c")),
            contacts=(Contact(name="Malin", party="polisen"),),
            reports=(Report(link=NEVER, party="hofors", places=("d",)),),
        ),
        id="follow-up-references",
    ),
    pytest.param(
        _doc(
            covers=OpenPeriod(start=D(2023, 1, 1)),
            reports=(Report(link=NEVER, date=D(2022, 12, 1)),),
        ),
        [("$.reports[0]", "report-outside-period", W)],
        _doc(
            covers=OpenPeriod(start=D(2023, 1, 1)),
            reports=(Report(link=NEVER, date=D(2023, 12, 1)),),
        ),
        id="follow-up-report-before-covers",
    ),
]


@pytest.mark.parametrize(("bad", "expected", "good"), FOLLOW_UP_CASES)
def test_follow_up_rule(bad, expected, good):
    """A follow-up document breaking one rule gives exactly its problems; its neighbour none."""
    found = validate_follow_up(bad, promises=[_FOLLOWED])
    assert expected == [(p.path, p.code, p.severity) for p in found]
    assert () == validate_follow_up(good, promises=[_FOLLOWED])


def test_a_follow_up_document_alone_is_not_checked_against_a_promise():
    """Without promises, activity names and the promise reference are not checked."""
    document = _doc(promise=PromiseRef(id="okänd"), reports=(Report(activity="zz"),))
    assert () == validate_follow_up(document)


def _triples(promise):
    """Return (path, code, severity) of every problem in *promise*."""
    return [(p.path, p.code, p.severity) for p in validate(promise)]


def test_base_is_valid():
    """The promise every case starts from has no problem."""
    assert () == validate(BASE)


@pytest.mark.parametrize(("bad", "expected", "good"), CASES)
def test_rule(bad, expected, good):
    """A promise breaking one rule gives exactly its problem; its neighbour gives none."""
    assert expected == _triples(bad)
    assert [] == _triples(good)


def test_every_rules_code_has_a_case():
    """Every code of the rules area is shown by a case above, and no case uses another."""
    registered = {c.code for c in PROBLEM_CODES.values() if c.area == "rules"}
    shown = {code for case in [*CASES, *FOLLOW_UP_CASES] for _, code, _ in case.values[1]}
    assert registered == shown


@pytest.mark.parametrize("bad", [pytest.param(c.values[0], id=c.id) for c in CASES])
def test_problems_match_registry(bad):
    """Every problem has a registered code, its registered severity and two messages."""
    for problem in validate(bad):
        registered = PROBLEM_CODES[problem.code]
        assert registered.severity == problem.severity
        assert problem.message_sv.strip()
        assert problem.message_en.strip()
        assert problem.message_sv != problem.message_en


def test_no_period_skips_date_rules():
    """Without a period no date is outside it, and nothing else is flagged either."""
    promise = _with(
        period=None,
        period_text="hösten 2015",
        signed_on=D(2030, 1, 1),
        signatories=(Signatory(name="Temo Allenbäck", party="polisen", signed_on=D(2030, 1, 1)),),
        activities=(
            _activity("a", target=Milestone(due=D(1999, 1, 1))),
            _activity("b", target=Schedule(recurrence=THREE_MONTHS_2022, start=D(2022, 1, 1))),
            _activity("c", target=IntervalQuota(amount=1, unit="möte", per=Interval.YEAR)),
        ),
        reports=(Report(link=NEVER, date=D(1999, 1, 1), period=Period.year(1999)),),
        indicators=(
            _indicator(
                target=IndicatorTarget(value=1, date=D(1999, 1, 1)),
                measurements=(_measure(D(1999, 1, 1)),),
            ),
        ),
        follow_up_rules=(_rule(cadence=Cadence.SCHEDULE, recurrence=THREE_MONTHS_2022),),
        follow_ups=(_follow_up(held_on=D(1999, 1, 1), covers=Period.year(1998)),),
        review_dates=(D(1999, 1, 1),),
    )
    assert () == validate(promise)


def test_legitimate_shapes_are_valid():
    """Real shapes (MODELLING.md) give no problem: several kommuner, Region Gotland, units."""
    gastrikland = Promise(
        id="lpo-gastrikland",
        title="Medborgarlöfte",
        parties=(
            Party(id="lpo", kind=PartyKind.POLICE, name="Polisen"),
            Party(id="hofors", kind=PartyKind.MUNICIPALITY, name="Hofors", kommunkod="2104"),
            Party(
                id="ockelbo", kind=PartyKind.MUNICIPALITY, name="Ockelbo kommun", kommunkod="2101"
            ),
            Party(
                id="sandviken",
                kind=PartyKind.MUNICIPALITY,
                name="Sandvikens kommun",
                kommunkod="2181",
            ),
            Party(
                id="sdf",
                kind=PartyKind.MUNICIPALITY,
                name="Stadsdelsförvaltningen",
                role=PartyRole.CO_ACTOR,
                parent="sandviken",
            ),
            Party(id="bid", kind=PartyKind.BUSINESS, name="BID Centrum", role=PartyRole.PARTNER),
        ),
        places=(_place("torget", kommunkod="2181"),),
        activities=(_activity("a", responsible=("hofors", "ockelbo", "sandviken")), _activity("b")),
    )
    gotland = Promise(
        id="gotland",
        title="Medborgarlöfte Gotland",
        parties=(
            Party(
                id="polisen", kind=PartyKind.POLICE, name="LPO Gotland", police_region="Stockholm"
            ),
            Party(id="region", kind=PartyKind.REGION, name="Region Gotland", kommunkod="0980"),
        ),
    )
    falun = Promise(
        id="falun",
        title="Medborgarlöfte",
        parties=(
            Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),
            Party(id="falun", kind=PartyKind.MUNICIPALITY, name="Falu kommun", kommunkod="2080"),
        ),
    )
    assert ((), (), ()) == (validate(gastrikland), validate(gotland), validate(falun))


def test_signed_on_last_day_or_late_is_fine():
    """Signing on the last day of the period, or weeks after it began, is no problem."""
    assert () == validate(_with(signed_on=D(2024, 12, 31)))
    assert () == validate(_with(signed_on=D(2023, 3, 1)))


def test_reference_to_duplicated_id_resolves():
    """A reference to an id used twice resolves; only the duplicate is reported."""
    promise = _with(activities=(_activity("a"), _activity("a")), reports=(Report(activity="a"),))
    assert [("$.activities[1].id", "duplicate-id", E)] == _triples(promise)


def test_chain_into_cycle():
    """Only the members of a cycle are reported, not a party whose chain runs into it."""
    promise = _with(
        parties=(
            POLICE,
            HOFORS,
            _party("a", parent="b"),
            _party("b", parent="c"),
            _party("c", parent="b"),
        )
    )
    assert [
        ("$.parties[3].parent", "reference-cycle", E),
        ("$.parties[4].parent", "reference-cycle", E),
    ] == _triples(promise)


def test_problems_grouped_in_document_order():
    """Problems come in the order of the promise's keys, not the order of the rules."""
    promise = _with(
        parties=(POLICE, attrs.evolve(HOFORS, kommunkod="9999")),
        activities=(_activity(responsible=("x",)),),
        reports=(Report(link=NEVER, date=D(2020, 1, 1)),),
        review_dates=(D(2020, 1, 1),),
    )
    expected = [
        "$.parties[1].kommunkod",
        "$.activities[0].responsible[0]",
        "$.reports[0].date",
        "$.review_dates[0]",
    ]
    assert expected == [p.path for p in validate(promise)]


def test_missing_kommunkod_suggests_the_code():
    """A kommun without a code is told its code when its name gives it."""
    (problem,) = validate(_with(parties=(POLICE, attrs.evolve(HOFORS, kommunkod=None))))
    assert problem.message_sv.endswith("; Hofors har kommunkod 2104")
    assert problem.message_en.endswith("; Hofors has the kommunkod 2104")


def test_messages_name_what_is_wrong():
    """A message names the missing id in both languages and suggests a close one."""
    promise = _with(contacts=(Contact(name="Malin Lilliedahl", party="polis"),))
    (problem,) = validate(promise)
    assert "inget" not in problem.message_sv
    assert "ingen part har id 'polis'; menade du 'polisen'?" == problem.message_sv
    assert "no party has the id 'polis'; did you mean 'polisen'?" == problem.message_en


def test_neuter_kinds_read_as_swedish():
    """Focus areas and sources take "inget" in Swedish."""
    promise = _with(indicators=(_indicator(source="ntu", focus_areas=("trafik",)),))
    expected = [
        "inget fokusområde har id 'trafik'",
        "inget underlag i lägesbilden har id 'ntu'",
    ]
    assert expected == [p.message_sv for p in validate(promise)]


def test_check_raises_with_every_problem():
    """check raises ValidationError carrying errors and warnings alike."""
    promise = _with(parties=(HOFORS,), signed_on=D(2025, 1, 1))
    with pytest.raises(ValidationError) as info:
        check(promise)
    assert validate(promise) == info.value.problems
    assert [("$.signed_on", "signed-after-period")] == [(p.path, p.code) for p in info.value.errors]
    assert [("$.parties", "no-police-party")] == [(p.path, p.code) for p in info.value.warnings]


def test_check_returns_warnings():
    """check returns the warnings of a promise without errors."""
    promise = _with(parties=(HOFORS,))
    assert validate(promise) == check(promise)
    assert ["no-police-party"] == [p.code for p in check(promise)]


def test_check_valid():
    """check returns nothing for a valid promise."""
    assert () == check(BASE)


# -- invariants the constructors enforce; the serde layer turns them into problems --


@pytest.mark.parametrize(
    ("build", "code", "field"),
    [
        (
            lambda: Period(start=D(2024, 1, 1), end=D(2023, 12, 31)),
            "period-end-before-start",
            "end",
        ),
        (lambda: PeriodQuota(amount=0, unit="kontroller"), "not-positive", "amount"),
        (lambda: IntervalQuota(amount=-2, unit="sök", per=Interval.YEAR), "not-positive", "amount"),
        (lambda: Report(amount=-1), "negative", "amount"),
        (
            lambda: FollowUpRule(id="r", cadence=Cadence.SCHEDULE),
            "cadence-recurrence-mismatch",
            "recurrence",
        ),
        (lambda: Recurrence(rule="FREQ=SOMETIMES"), "invalid-rrule", "rule"),
    ],
)
def test_constructor_invariants(build, code, field):
    """Invariants of single objects raise InvalidValueError with a registered code and the field."""
    with pytest.raises(InvalidValueError) as info:
        build()
    assert (code, field) == (info.value.code, info.value.field)
    assert code in PROBLEM_CODES


# -- property: references resolve exactly when their ids exist -----------------------

_IDS = st.sampled_from(["a", "b", "c", "d"])


@given(
    party_ids=st.lists(_IDS, max_size=3),
    activity_ids=st.lists(_IDS, max_size=3),
    responsible=st.lists(_IDS, max_size=3),
    assessed=st.lists(_IDS, max_size=3),
)
def test_references_resolve_exactly(party_ids, activity_ids, responsible, assessed):
    """validate reports an unknown reference exactly when no object has that id."""
    promise = Promise(
        id="p",
        title="Löfte",
        parties=tuple(Party(id=i, kind=PartyKind.POLICE, name="Polisen") for i in party_ids),
        activities=tuple(_activity(i, responsible=tuple(responsible)) for i in activity_ids),
        follow_ups=(_follow_up(assessments=_assessments(*assessed)),),
    )
    problems = validate(promise)
    unknown_parties = {
        (p.path.split(".")[1], p.path.rsplit("[", 1)[1])
        for p in problems
        if p.code == "unknown-party"
    }
    expected_parties = {
        (f"activities[{i}]", f"{j}]")
        for i in range(len(activity_ids))
        for j, r in enumerate(responsible)
        if r not in party_ids
    }
    assert expected_parties == unknown_parties
    unknown_activities = [p.path for p in problems if p.code == "unknown-activity"]
    expected_activities = [
        f"$.follow_ups[0].assessments[{k}].activity"
        for k, a in enumerate(assessed)
        if a not in activity_ids
    ]
    assert expected_activities == unknown_activities
    duplicates = [p.path for p in problems if p.code == "duplicate-id"]
    assert len(party_ids) + len(activity_ids) - len(set(party_ids)) - len(set(activity_ids)) == len(
        duplicates
    )
    assert all(p.code in PROBLEM_CODES for p in problems)


# -- property: the checks in bulk agree with the checks one by one -------------------

_REPORT_IDS = st.sampled_from([None, "r1", "r2"])
_OTHER_DAYS = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def _reports_changed(draw: st.DrawFn) -> Promise:
    """Return a generated promise whose reports may refer to unknown ids, days or spans."""
    promise = draw(promises())
    activity_ids = [a.id for a in promise.activities] + ["ingen-aktivitet"]
    party_ids = [p.id for p in promise.parties] + ["ingen-part"]
    reports = []
    for report in promise.reports:
        changes = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "id": _REPORT_IDS,
                    "activity": st.sampled_from([None, *activity_ids]),
                    "party": st.sampled_from([None, *party_ids]),
                    "date": st.none() | _OTHER_DAYS,
                    "period": st.none() | periods(),
                },
            )
        )
        reports.append(attrs.evolve(report, **changes))
    return attrs.evolve(promise, reports=tuple(reports))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_reports_changed())
def test_bulk_checks_find_what_the_loops_find(promise):
    """The checks over sets (no id twice, reports all consistent) never hide a problem."""
    fast = validate(promise)
    with (
        mock.patch.object(_rules, "_distinct", return_value=False),
        mock.patch.object(_rules, "_reports_consistent", return_value=False),
    ):
        slow = validate(promise)
    assert fast == slow


def test_a_rule_dateutil_cannot_expand_in_the_period_is_reported():
    """A rule that cannot be expanded in the period is a problem at its path, not an exception."""
    rule = Recurrence(rule="FREQ=WEEKLY;INTERVAL=521722;BYDAY=MO,SA;BYSETPOS=1,-1")
    promise = _target(Schedule(recurrence=rule))
    with mock.patch.object(
        _rules.Limits,
        "count",
        side_effect=InvalidValueError(
            code="invalid-rrule", field="rule", message_sv="går inte", message_en="cannot"
        ),
    ):
        problems = [p for p in validate(promise) if p.path == "$.activities[0].target.recurrence"]
    assert [("invalid-rrule", E, "cannot")] == [
        (p.code, p.severity, p.message_en) for p in problems
    ]


def test_a_rule_in_a_period_past_the_limits_is_not_expanded():
    """In a period past the limits (the end of 9999) no rule is expanded; its dates are refused."""
    rule = Recurrence(rule="FREQ=WEEKLY;INTERVAL=521722;BYDAY=MO,SA;BYSETPOS=1,-1")
    promise = attrs.evolve(
        _target(Schedule(recurrence=rule)),
        period=Period(start=D(9999, 12, 20), end=D(9999, 12, 31)),
    )
    expected = [
        ("$.period.start", "date-out-of-range", E),
        ("$.period.end", "date-out-of-range", E),
    ]
    assert expected == _triples(promise)
