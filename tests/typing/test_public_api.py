"""The public API as a downstream tool uses it: type-checked by mypy --strict, run by pytest.

Everything here is imported from ``medborgarlofte`` (and the public
``medborgarlofte.testing``) only, fully annotated, so mypy proves that the
names a tool needs are exported and typed, and pytest proves they behave.
"""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import pytest
from hypothesis import given

import medborgarlofte
from medborgarlofte import (
    Activity,
    Bound,
    Cadence,
    Contact,
    FocusArea,
    FollowUpRule,
    Interval,
    IntervalQuota,
    Kommun,
    Milestone,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Problem,
    ProgressRules,
    ProgressTracker,
    Promise,
    PromiseProgress,
    Recurrence,
    Report,
    ReportingInterval,
    Schedule,
    Severity,
    Signatory,
    Status,
    Target,
    ValidationError,
    check,
    dumps,
    intervals,
    kommun,
    loads,
    progress,
    validate,
)
from medborgarlofte.testing import promises

YEAR = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
MIDSUMMER = dt.date(2024, 6, 30)


def build() -> Promise:
    """Build a small promise the way a tool that writes promises would."""
    hofors: Kommun = kommun("Hofors")
    targets: tuple[Target, ...] = (
        PeriodQuota(
            amount=12, unit="trafikkontroller", bound=Bound.AT_LEAST, unit_singular="trafikkontroll"
        ),
        IntervalQuota(amount=2, unit="trygghetsvandringar", per=Interval.HALF_YEAR),
        Schedule(recurrence=Recurrence(rule="FREQ=MONTHLY;BYMONTHDAY=15"), unit="möten"),
        Milestone(due=dt.date(2024, 9, 30)),
        Ongoing(wording="löpande stöd"),
    )
    return Promise(
        id="typad-2024",
        title="Typat medborgarlöfte",
        parties=(
            Party(id="polisen", kind=PartyKind.POLICE, name="Polisen", police_region="Mitt"),
            Party(
                id="kommunen",
                kind=PartyKind.MUNICIPALITY,
                name=f"{hofors.name} kommun",
                kommunkod=hofors.code,
            ),
        ),
        period=YEAR,
        signed_on=dt.date(2023, 12, 1),
        signatories=(Signatory(name="Åsa Öberg", party="kommunen", acting=True),),
        contacts=(Contact(name="Björn Ärlig", party="polisen", title="kommunpolis"),),
        focus_areas=(FocusArea(id="trygghet", title="Trygghet"),),
        activities=tuple(
            Activity(
                id=f"a{i}",
                title=f"Aktivitet {i}",
                target=target,
                responsible=("polisen",),
                focus_areas=("trygghet",),
            )
            for i, target in enumerate(targets, 1)
        ),
        follow_up_rules=(
            FollowUpRule(id="bra", cadence=Cadence.TERTIAL, forum="BRÅ", report_due_days=30),
        ),
    )


def test_periods() -> None:
    """Period helpers answer in plain types."""
    assert_type(YEAR.days, int)
    assert 366 == YEAR.days
    assert YEAR.contains(dt.date(2024, 2, 29))
    assert not YEAR.contains(dt.date(2025, 1, 1))
    fraction = YEAR.elapsed_fraction(MIDSUMMER)
    assert_type(fraction, float)
    assert 182 / 366 == fraction
    tertials = intervals(YEAR, Interval.TERTIAL)
    assert_type(tertials, tuple[ReportingInterval, ...])
    assert ["T1 2024", "T2 2024", "T3 2024"] == [t.label() for t in tertials]


def test_recurrence() -> None:
    """A recurrence expands to dates inside a window."""
    monthly = Recurrence(rule="FREQ=MONTHLY;BYMONTHDAY=15")
    days = monthly.dates(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31))
    assert_type(days, tuple[dt.date, ...])
    assert (dt.date(2024, 1, 15), dt.date(2024, 2, 15), dt.date(2024, 3, 15)) == days
    assert 12 == monthly.count(start=YEAR.start, end=YEAR.end)


def test_build_validate_and_report() -> None:
    """A built promise is valid; reports are added without changing the original."""
    promise = build()
    problems = validate(promise)
    assert_type(problems, tuple[Problem, ...])
    assert () == problems
    assert () == check(promise)
    assert ("kommunen",) == tuple(p.id for p in promise.municipalities)
    done = Report(activity="a1", date=dt.date(2024, 3, 1), amount=4)
    reported = promise.with_reports(done)
    assert_type(reported, Promise)
    assert (done,) == reported.reports_for("a1")
    assert () == promise.reports


def test_progress() -> None:
    """Progress is computed for a date and typed all the way down."""
    promise = build().with_reports(Report(activity="a1", date=dt.date(2024, 3, 1), amount=4))
    result = progress(promise, as_of=MIDSUMMER)
    assert_type(result, PromiseProgress)
    quota = result.activity("a1")
    assert_type(quota.status, Status)
    assert (4, Status.BEHIND) == (quota.done, quota.status)
    assert Status.NOT_STARTED is result.activity("a4").status


def test_a_tracker_types_its_answers_by_what_it_follows() -> None:
    """A tracker of one promise answers with one result, of several with a tuple of them."""
    promise = build()
    one = ProgressTracker(promise).progress(MIDSUMMER)
    many = ProgressTracker([promise, promise]).progress(MIDSUMMER, rules=ProgressRules())
    assert_type(one, PromiseProgress)
    assert_type(many, tuple[PromiseProgress, ...])
    assert (one, one) == many


def test_a_broken_promise_raises_with_every_problem() -> None:
    """check() raises ValidationError carrying each problem with its code and path."""
    broken = build().with_reports(Report(activity="nope", date=dt.date(2024, 3, 1)))
    with pytest.raises(ValidationError) as caught:
        check(broken)
    assert_type(caught.value.problems, tuple[Problem, ...])
    assert [("$.reports[0].activity", "unknown-activity", Severity.ERROR)] == [
        (p.path, p.code, p.severity) for p in caught.value.errors
    ]


def test_documents_round_trip() -> None:
    """A promise survives JSON and TOML text unchanged."""
    promise = build()
    for fmt in ("json", "toml"):
        text = dumps(promise, format=fmt)
        assert_type(text, str)
        assert promise == loads(text, format=fmt)


def test_version_is_a_string() -> None:
    """The package says which version it is."""
    assert_type(medborgarlofte.__version__, str)
    assert medborgarlofte.__version__


@given(promises(min_activities=1, with_period=True))
def test_strategies_give_valid_promises(promise: Promise) -> None:
    """medborgarlofte.testing gives promises a tool can compute progress for."""
    assert [] == [p for p in validate(promise) if p.is_error]
    assert len(promise.activities) == len(progress(promise, as_of=MIDSUMMER).activities)
