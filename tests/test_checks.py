"""Tests for the checked constructors: each public model class checks its fields on building."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Assessment,
    Basis,
    Bound,
    Cadence,
    Cancellation,
    Contact,
    Direction,
    FocusArea,
    FollowUp,
    FollowUpRule,
    Indicator,
    IndicatorTarget,
    Interval,
    IntervalQuota,
    InvalidTypeError,
    InvalidValueError,
    Measurement,
    MedborgarlofteError,
    Milestone,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Place,
    Promise,
    Quantity,
    Recurrence,
    RelatedDocument,
    Report,
    Schedule,
    Signatory,
    Source,
    SourceKind,
    SubTarget,
    Verdict,
    kommun,
)
from medborgarlofte._model import checks
from medborgarlofte._model.document import FollowUpDocument, PromiseRef
from medborgarlofte._model.followup import ReasonCode
from medborgarlofte._model.origin import Inference, Origin, OriginKind
from medborgarlofte._model.period import OpenPeriod
from medborgarlofte._model.promise import ReviewOccasion
from medborgarlofte._model.reports import ReportLink, Share
from medborgarlofte._model.sweden import County, Kommun, PoliceRegion

D = dt.date(2025, 1, 1)
PERIOD = Period(start=D, end=dt.date(2025, 12, 31))

# One valid instance of every public model class, with every field that can be given.
EXAMPLES: list[Any] = [
    PERIOD,
    Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"),
    Party(
        id="hofors",
        kind=PartyKind.MUNICIPALITY,
        name="Hofors kommun",
        kommunkod="2104",
        police_region="Mitt",
        police_area="Gävleborg",
        local_police_area="Gästrikland",
        parent="x",
    ),
    Signatory(
        name="Kenneth Axling",
        party="hofors",
        title="KSO",
        acting=True,
        political_party="S",
        signed_on=D,
    ),
    Contact(name="Malin", party="polisen", title="kommunpolis", email="m@x.se", phone="114 14"),
    Place(id="centrum", name="Centrum", kommunkod="2104", within="hofors"),
    SubTarget(description="förstagångs", amount=10, share=0.2, bound=Bound.AT_LEAST, place="c"),
    PeriodQuota(
        amount=50,
        unit="kontroller",
        bound=Bound.AT_LEAST,
        sub_targets=(SubTarget(description="del"),),
        interval_unclear=True,
        wording="minst 50",
    ),
    IntervalQuota(amount=2, unit="vandringar", per=Interval.YEAR, wording="två per år"),
    Schedule(
        recurrence=Recurrence(rule="FREQ=WEEKLY"), start=D, unit="möte", wording="varje vecka"
    ),
    Milestone(due=D, wording="klart"),
    Ongoing(wording="löpande"),
    Quantity(value=9, unit="personer", approximate=True, wording="nio"),
    Report(
        activity="a",
        id="r1",
        date=D,
        period=PERIOD,
        date_text="i januari",
        amount=6,
        approximate=True,
        wording="sex",
        quantities=(Quantity(value=1, unit="st"),),
        party="polisen",
        note="gjort",
        reason="väder",
        source="protokoll",
    ),
    Measurement(date=D, value=71.5, respondents=1200, source="ntu", note="enkät"),
    IndicatorTarget(value=50, date=D),
    Indicator(
        id="otrygga",
        name="Andel otrygga",
        unit="%",
        direction=Direction.DECREASE,
        baseline=Measurement(date=D, value=71),
        target=IndicatorTarget(value=50),
        measurements=(Measurement(date=D, value=60),),
        focus_areas=("f",),
        kolada_kpi="N07403",
        source="ntu",
        description="trygghetsmätning",
    ),
    FollowUpRule(
        id="bra",
        cadence=Cadence.SCHEDULE,
        recurrence=Recurrence(rule="FREQ=MONTHLY"),
        forum="BRÅ",
        responsible="polisen",
        report_due_days=30,
        focus_areas=("f",),
        activities=("a",),
        published=("webben",),
        by_indicators=True,
        description="varje månad",
    ),
    Assessment(activity="a", verdict=Verdict.DONE, note="bra", assessed_by="BRÅ"),
    FollowUp(
        id="f1",
        held_on=D,
        rule="bra",
        covers=PERIOD,
        forum="BRÅ",
        participants=("polisen",),
        summary="bra",
        assessments=(Assessment(activity="a", verdict=Verdict.DONE),),
        published=("webben",),
    ),
    Source(id="ntu", kind=SourceKind.SURVEY, description="NTU", year=2024, respondents=9, url="u"),
    Basis(sources=(Source(id="s", kind=SourceKind.OTHER),), problems=("narkotika",), summary="s"),
    FocusArea(id="f", title="Trygghet", description="om", places=("centrum",)),
    Cancellation(date=D, reason="pandemin"),
    Activity(
        id="a",
        title="Trafikkontroller",
        target=Ongoing(),
        responsible=("polisen",),
        participants=("hofors",),
        focus_areas=("f",),
        places=("centrum",),
        weight=2,
        measure="Trafik",
        description="d",
        condition="om",
        timing="kvällstid",
        method="EST",
        cancelled=Cancellation(),
    ),
    RelatedDocument(title="Samverkansöverenskommelse", kind="avtal", period=PERIOD, url="u"),
    County(code="21", name="Gävleborgs län"),
    Kommun(
        code="2104",
        name="Hofors",
        county=County(code="21", name="Gävleborgs län"),
        police_region=PoliceRegion.MITT,
    ),
    Promise(
        id="p",
        title="Medborgarlöfte",
        parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
        period=PERIOD,
        period_text="2025",
        signed_on=D,
        signatories=(Signatory(name="A", party="polisen"),),
        contacts=(Contact(name="B", party="polisen"),),
        basis=Basis(),
        places=(Place(id="c", name="C"),),
        focus_areas=(FocusArea(id="f", title="F"),),
        activities=(Activity(id="a", title="A", target=Ongoing()),),
        reports=(Report(),),
        indicators=(Indicator(id="i", name="I", unit="%", direction=Direction.INCREASE),),
        follow_up_rules=(FollowUpRule(id="r", cadence=Cadence.YEARLY),),
        follow_ups=(FollowUp(id="u", held_on=D),),
        renews="q",
        review_dates=(D,),
        related=(RelatedDocument(title="R"),),
        summary="s",
        url="u",
    ),
    OpenPeriod(start=D, end=dt.date(2025, 6, 30)),
    ReviewOccasion(date=D, condition="om behov uppstår", note="n"),
    Share(share=0.5, place="byar", description="d", approximate=True, wording="hälften"),
    Inference(path="$.signed_on", reason="året från perioden"),
    Origin(
        kind=OriginKind.PRESS_RELEASE,
        url="u",
        title="T",
        publisher="Polisen",
        published_on=D,
        retrieved_on=D,
        truncated=True,
        activities_examples_only=True,
        inferred=(Inference(path="$.signed_on"),),
        note="n",
    ),
    PromiseRef(id="p", kommunkoder=("2104",), period=PERIOD, title="T"),
    FollowUpDocument(
        id="u",
        promise=PromiseRef(id="p"),
        title="T",
        published_on=D,
        meeting_on=D,
        covers=OpenPeriod(start=D),
        forum="BRÅ",
        parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
        places=(Place(id="c", name="C"),),
        contacts=(Contact(name="B", party="polisen"),),
        reports=(Report(link=ReportLink.UNPROMISED),),
        assessments=(Assessment(activity="a", verdict=Verdict.DONE),),
        reason="pandemin",
        reason_code=ReasonCode.EXTERNAL_EVENT,
        summary="s",
        origin=Origin(kind=OriginKind.FOLLOW_UP_REPORT),
    ),
]

_CASES = [
    pytest.param(example, field.name, id=f"{type(example).__name__}.{field.name}")
    for example in EXAMPLES
    for field in attrs.fields(type(example))
    if field.init
]


class _Alien:
    """A value of a type no field of the model takes."""


def test_the_examples_cover_every_public_model_class():
    """Every attrs class the package exports has an example above."""
    import medborgarlofte  # noqa: PLC0415 - the whole public surface

    exported = {
        value
        for name in medborgarlofte.__all__
        if attrs.has(value := getattr(medborgarlofte, name))
        and value.__module__.startswith("medborgarlofte._model")
    }
    assert exported == {type(example) for example in EXAMPLES}


@pytest.mark.parametrize(("example", "name"), _CASES)
def test_every_field_refuses_a_value_of_another_type(example, name):
    """Each field of each public class refuses a value of a foreign type, naming the field."""
    with pytest.raises(InvalidTypeError) as caught:
        attrs.evolve(example, **{name: _Alien()})
    assert (name, "wrong-type") == (caught.value.field, caught.value.code)
    assert "_Alien" in caught.value.message_en
    assert "_Alien" in caught.value.message_sv
    assert "expected" in caught.value.message_en
    assert "väntade" in caught.value.message_sv


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: type(e).__name__)
def test_every_example_is_valid(example):
    """The example of each class passes its own checks when built again from its fields."""
    fields = {a.name: getattr(example, a.name) for a in attrs.fields(type(example)) if a.init}
    assert example == type(example)(**fields)


def test_a_period_given_text_dates_says_which_field_and_what_it_got():
    """Period(start="2025-01-01") fails at once, naming start, a date and the str it got."""
    with pytest.raises(InvalidTypeError) as caught:
        Period(start="2025-01-01", end=dt.date(2025, 12, 31))  # type: ignore[arg-type]
    assert "start" == caught.value.field
    assert "expected a date (datetime.date), got str ('2025-01-01')" in caught.value.message_en
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, InvalidValueError)
    assert isinstance(caught.value, MedborgarlofteError)


def test_a_follow_up_rule_given_a_cadence_as_text_fails_at_construction():
    """FollowUpRule(cadence="tertial") fails at once, naming cadence and Cadence."""
    with pytest.raises(InvalidTypeError) as caught:
        FollowUpRule(id="bra", cadence="tertial")  # type: ignore[arg-type]
    assert "cadence" == caught.value.field
    assert "expected Cadence, got str ('tertial')" in caught.value.message_en


def test_a_party_given_a_police_region_object_fails_at_construction():
    """Party(police_region=kommun("Sala").police_region) fails at once, naming the field."""
    region = kommun("Sala").police_region
    with pytest.raises(InvalidTypeError) as caught:
        Party(id="p", kind=PartyKind.POLICE, name="Polisen", police_region=region)  # type: ignore[arg-type]
    assert "police_region" == caught.value.field
    assert f"got {type(region).__name__}" in caught.value.message_en


@pytest.mark.parametrize(
    ("build", "field", "code"),
    [
        (lambda: PeriodQuota(amount=True, unit="st"), "amount", "wrong-type"),
        (lambda: PeriodQuota(amount=2**53 + 1, unit="st"), "amount", "number-out-of-range"),
        (lambda: PeriodQuota(amount=float("inf"), unit="st"), "amount", "non-finite-number"),
        (lambda: PeriodQuota(amount=float("nan"), unit="st"), "amount", "non-finite-number"),
        (lambda: Quantity(value=-(10**400), unit="st"), "value", "number-out-of-range"),
        (lambda: Activity(id="a", title="A", target=Ongoing(), weight=-1), "weight", "negative"),
        (lambda: Source(id="s", kind=SourceKind.OTHER, year=10**20), "year", "number-out-of-range"),
        (
            lambda: FollowUpRule(id="r", cadence=Cadence.YEARLY, report_due_days=-1),
            "report_due_days",
            "negative",
        ),
        (
            lambda: FollowUpRule(id="r", cadence=Cadence.YEARLY, report_due_days=1.0),
            "report_due_days",
            "wrong-type",
        ),
        (lambda: Promise(id="p", title="A\nB"), "title", "line-break"),
        (lambda: Promise(id="p\t", title="A"), "id", "line-break"),
        (lambda: Promise(id="p", title="A\x1b[31m"), "title", "invalid-character"),
        (lambda: Promise(id="p", title="A", summary="a\ud800"), "summary", "invalid-character"),
        (lambda: Promise(id="p", title="  "), "title", "empty-text"),
        (
            lambda: Activity(id="a", title="A", target=Ongoing(), responsible=("x\n",)),
            "responsible",
            "line-break",
        ),
        (
            lambda: Activity(id="a", title="A", target=Ongoing(), responsible=["x"]),
            "responsible",
            "wrong-type",
        ),
        (lambda: Activity(id="a", title="A", target="ongoing"), "target", "wrong-type"),
        (lambda: Promise(id="p", title="A", reports=(Ongoing(),)), "reports", "wrong-type"),
        (lambda: Report(date=dt.datetime(2025, 1, 1)), "date", "wrong-type"),  # noqa: DTZ001
        (
            lambda: PeriodQuota(amount=3, unit="krogtillsyner", unit_singular="krog\x07tillsyn"),
            "unit_singular",
            "invalid-character",
        ),
        (
            lambda: IntervalQuota(amount=1, unit="x", per=Interval.YEAR, unit_plural="a\nb"),
            "unit_plural",
            "line-break",
        ),
        (
            lambda: Quantity(value=1, unit="personer", unit_singular=" "),
            "unit_singular",
            "empty-text",
        ),
        (
            lambda: Schedule(recurrence=Recurrence(rule="FREQ=YEARLY"), unit="x", unit_plural=""),
            "unit_plural",
            "empty-text",
        ),
        (lambda: Recurrence(rule="FREQ=DAILY\x00"), "rule", "invalid-rrule"),
        (lambda: Recurrence(rule=b"FREQ=DAILY"), "rule", "wrong-type"),
    ],
)
def test_a_bad_value_is_refused_with_its_field_and_code(build, field, code):
    """Each kind of bad value is refused at construction with the field and a stable code."""
    with pytest.raises(InvalidValueError) as caught:
        build()
    assert (field, code) == (caught.value.field, caught.value.code)


@pytest.mark.parametrize(
    ("unit", "singular", "plural", "expected"),
    [
        ("krogtillsyner", None, None, None),
        ("krogtillsyner", "krogtillsyn", None, ("krogtillsyn", "krogtillsyner")),
        (
            "trygghetsvandring",
            None,
            "trygghetsvandringar",
            ("trygghetsvandring", "trygghetsvandringar"),
        ),
        ("elev- och föräldramöte (UU)", "elevmöte", "elevmöten", ("elevmöte", "elevmöten")),
        ("hembesök", "hembesök", None, ("hembesök", "hembesök")),
    ],
)
def test_a_unit_takes_the_form_the_document_leaves_out_from_unit(unit, singular, plural, expected):
    """The forms are the stated singular and plural; the one not stated is ``unit`` as written."""
    quota = PeriodQuota(amount=2, unit=unit, unit_singular=singular, unit_plural=plural)
    quantity = Quantity(value=2, unit=unit, unit_singular=singular, unit_plural=plural)
    schedule = Schedule(
        recurrence=Recurrence(rule="FREQ=YEARLY"),
        unit=unit,
        unit_singular=singular,
        unit_plural=plural,
    )
    assert [expected] * 3 == [quota.unit_forms, quantity.unit_forms, schedule.unit_forms]


def test_a_schedule_without_a_unit_has_no_forms_to_bend():
    """Forms stated without a unit give nothing to bend; the integrity rules say so."""
    schedule = Schedule(recurrence=Recurrence(rule="FREQ=YEARLY"), unit_plural="möten")
    assert schedule.unit_forms is None


def test_a_huge_integer_is_shown_by_its_size():
    """An integer too long for repr() is shown by its size in the message, not a crash."""
    with pytest.raises(InvalidValueError) as caught:
        PeriodQuota(amount=10**5000, unit="st")
    assert "~10**5000" in caught.value.message_en


@pytest.mark.parametrize(
    ("text", "one_line", "code"),
    [
        ("Trygg\u00a0het", True, None),
        ("två\nrader", False, None),
        ("två\r\nrader\tmed tabb", False, None),
        ("två\nrader", True, "line-break"),
        ("\x7f", False, "invalid-character"),
        ("\x85", False, "invalid-character"),
        ("\udfff", False, "invalid-character"),
        ("\ufdd0\U0010ffff\u2028", True, None),
    ],
)
def test_text_fault_names_what_is_wrong(text, one_line, code):
    """A text's fault is its code, or None for a text that every writer can write."""
    fault = checks.text_fault(text, one_line=one_line)
    assert code == (fault[0] if fault is not None else None)


_TEXTS = st.text(st.sampled_from(" \t\n\r\x00\x1f\x7f\x85\u00a0\u200bax\ud800"), max_size=4)
_NUMBERS = st.one_of(
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([-0.0, 0, 2**53, 2**53 + 1, -(2**53) - 1]),
)
_INTEGERS = st.one_of(st.integers(min_value=-(2**60), max_value=2**60), st.sampled_from([2**53]))
_VALIDATED = [
    (checks.line, _TEXTS),
    (checks.text, _TEXTS),
    (checks.optional_line, st.none() | _TEXTS),
    (checks.one_line, _TEXTS),
    (checks.optional_one_line, st.none() | _TEXTS),
    (checks.optional_text, st.none() | _TEXTS),
    (checks.lines, st.lists(_TEXTS, max_size=3).map(tuple)),
    (checks.number, _NUMBERS),
    (checks.optional_number, st.none() | _NUMBERS),
    (checks.positive_number, _NUMBERS),
    (checks.non_negative_number, _NUMBERS),
    (checks.optional_non_negative_number, st.none() | _NUMBERS),
    (checks.integer, _INTEGERS),
    (checks.optional_integer, st.none() | _INTEGERS),
    (checks.non_negative_integer, _INTEGERS),
    (checks.boolean, st.booleans()),
    (checks.date, st.dates()),
    (checks.optional_date, st.none() | st.dates()),
]


@pytest.mark.parametrize(
    ("validator", "values"), _VALIDATED, ids=lambda c: getattr(c, "__name__", "")
)
@given(data=st.data())
def test_each_validator_passes_or_refuses_with_the_library_error(validator, values, data):
    """Given any value of its field's type, a validator passes it or raises InvalidValueError."""
    value = data.draw(values)
    field = attrs.fields(Report).note
    try:
        validator(None, field, value)
    except InvalidValueError as error:
        refused: InvalidValueError | None = error
    else:
        refused = None
    assert refused is None or ("note", True) == (refused.field, bool(refused.code))
