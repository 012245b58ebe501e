"""The fast paths of progress give exactly what the simple paths give."""

import bisect
import datetime as dt
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    FocusArea,
    Interval,
    IntervalQuota,
    Period,
    PeriodQuota,
    Promise,
    Report,
    ReportKind,
    Verdict,
    progress,
    testing,
)
from medborgarlofte._compute import progress as _progress
from medborgarlofte._compute.progress import (
    ActivityProgress,
    AssessmentAt,
    FocusAreaProgress,
    PromiseProgress,
    Status,
    StatusCounts,
    StatusReason,
    StatusRule,
)

D = dt.date
TWO_YEARS = Period(start=D(2023, 1, 1), end=D(2024, 12, 31))
IDS = ("a", "b", "c")


def index_figures(index):
    """Return an index as plain data, activity by activity."""
    return {
        activity: (
            reports.days,
            reports.amounts,
            reports.totals,
            reports.occurrences,
            reports.whole,
        )
        for activity, reports in index.items()
    }


# --------------------------------------------------------------------------- builders


@pytest.mark.parametrize(
    "cls", [ActivityProgress, StatusReason, StatusCounts, FocusAreaProgress, PromiseProgress]
)
def test_built_classes_have_nothing_init_would_run(cls):
    """The builders skip __init__, so the classes must have no validators, converters or hooks."""
    assert [] == [
        a.name for a in attrs.fields(cls) if a.validator is not None or a.converter is not None
    ]
    assert not hasattr(cls, "__attrs_post_init__")
    assert not hasattr(cls, "__attrs_pre_init__")


def test_reason_builder_equals_init():
    """The reason builder sets every field as __init__ does, defaults included."""
    values = {
        "done": 1,
        "expected": 2.5,
        "planned": 3,
        "pace": 0.4,
        "threshold": 0.9,
        "unit": "kontroller",
        "date": D(2024, 1, 2),
        "due": D(2024, 3, 4),
        "verdict": Verdict.DONE,
        "value": 5.5,
        "baseline": 6,
    }
    built = _progress._reason(StatusRule.PACE_BEHIND, **values)
    expected = StatusReason(rule=StatusRule.PACE_BEHIND, **values)
    assert (expected, repr(expected), type(expected)) == (built, repr(built), type(built))
    assert StatusReason(rule=StatusRule.NO_DATA) == _progress._reason(StatusRule.NO_DATA)


def test_result_builder_equals_init():
    """The result builder sets every field as __init__ does, defaults included."""
    activity = Activity(id="a", title="A", target=PeriodQuota(amount=3, unit="u"))
    reason = StatusReason(rule=StatusRule.TARGET_REACHED)
    required = {
        "activity": activity,
        "kind": activity.target.kind,
        "unit": "u",
        "planned": 3,
        "expected": 1.5,
        "done": 2,
        "counted": 2,
        "surplus": 0,
        "completion": 0.66,
        "pace": 1.3,
        "forecast": 4.0,
        "status": Status.ON_TRACK,
        "reason": reason,
    }
    optional = {
        "assessment": AssessmentAt(follow_up="f", held_on=D(2024, 1, 1), assessment=None),
        "reports": 7,
        "due": D(2024, 5, 6),
        "met_on": D(2024, 4, 5),
        "late": True,
        "interval_data": ("anything",),
    }
    for fields in (required, required | optional):
        built = _progress._result(**fields)
        expected = ActivityProgress(**fields)
        assert (expected, repr(expected), type(expected)) == (built, repr(built), type(built))
        assert hash(expected) == hash(built)


def test_area_and_promise_builders_equal_init():
    """The focus area and promise builders set every field as __init__ does, defaults included."""
    area = FocusArea(id="f", title="F")
    counts = StatusCounts.of([Status.BEHIND])
    item = _progress._result(
        *(None, "period_quota", "u", 3, 1.5, 2, 2, 0, 0.66, 1.3, 4.0, Status.BEHIND),
        StatusReason(rule=StatusRule.PACE_BEHIND),
    )
    area_fields = {
        "focus_area": area,
        "activities": (item,),
        "completion": 0.25,
        "expected_completion": 0.5,
        "counts": counts,
    }
    built_area = _progress._area_result(**area_fields)
    expected_area = FocusAreaProgress(**area_fields)
    assert (expected_area, repr(expected_area), type(expected_area)) == (
        built_area,
        repr(built_area),
        type(built_area),
    )
    required = {
        "promise": Promise(id="p", title="P"),
        "as_of": D(2024, 1, 2),
        "elapsed": 0.5,
        "completion": 0.25,
        "expected_completion": 0.5,
        "counts": counts,
        "activities": (item,),
        "focus_areas": (built_area,),
        "indicators": (),
    }
    optional = {"reason": StatusReason(rule=StatusRule.NO_PERIOD), "reports_outside_period": 3}
    for fields in (required, required | optional):
        built = _progress._promise_result(**fields)
        expected = PromiseProgress(**fields)
        assert (expected, repr(expected), type(expected)) == (built, repr(built), type(built))


def test_built_results_are_frozen():
    """A built result refuses changes as one from __init__ does."""
    built = _progress._reason(StatusRule.NO_DATA)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.done = 1  # type: ignore[misc]


@given(st.lists(st.sampled_from(Status)))
def test_status_tally_equals_status_counts(statuses):
    """Counting results by their statuses' values gives what StatusCounts.of gives."""
    reason = StatusReason(rule=StatusRule.NO_DATA)
    activity = Activity(id="a", title="A", target=PeriodQuota(amount=3, unit="u"))
    items = [
        _progress._result(
            activity, activity.target.kind, None, None, None, 0, 0, 0, None, None, None, s, reason
        )
        for s in statuses
    ]
    assert StatusCounts.of(statuses) == _progress._counts(items)


# --------------------------------------------------------------------------- grouping

AMOUNTS = st.one_of(
    st.none(), st.integers(0, 20), st.floats(0, 20, allow_nan=False, allow_infinity=False)
)


@st.composite
def report_lists(draw, *, whole=False):
    """Draw reports of a few activities, in any order, some not done, some without amount."""
    amounts = st.integers(0, 20) if whole else AMOUNTS
    size = draw(st.integers(0, 30))
    out = []
    for _ in range(size):
        day = draw(st.dates(D(2022, 12, 1), D(2025, 1, 31)) | st.none())
        out.append(
            Report(
                activity=draw(st.sampled_from((*IDS, None))),
                kind=draw(st.sampled_from(ReportKind)),
                date=day,
                period=None if day is not None else draw(st.sampled_from((None, TWO_YEARS))),
                amount=draw(amounts),
            )
        )
    return tuple(out)


@given(report_lists())
def test_grouping_in_bulk_equals_grouping_one_by_one(reports):
    """Where the bulk grouping applies, it gives the same index as the loop, and nothing outside."""
    bulk = _progress._group_in_bulk(reports, TWO_YEARS)
    index, outside = _progress._group_each(reports, TWO_YEARS)
    if bulk is not None:
        assert (index_figures(index), outside) == (index_figures(bulk), 0)
    else:
        assert any(
            r.kind is ReportKind.DONE
            and r.activity is not None
            and (r.date is None or not TWO_YEARS.start <= r.date <= TWO_YEARS.end)
            for r in reports
        )


@given(testing.promises(min_activities=1))
def test_grouping_in_bulk_equals_grouping_one_by_one_for_promises(promise):
    """Over generated promises, the bulk grouping agrees with the loop wherever it applies."""
    if promise.period is None:
        return
    bulk = _progress._group_in_bulk(promise.reports, promise.period)
    index, outside = _progress._group_each(promise.reports, promise.period)
    if bulk is not None:
        assert (index_figures(index), outside) == (index_figures(bulk), 0)


@pytest.mark.parametrize(
    ("order", "bulk"),
    [
        ([("a", 1), ("a", 2), ("b", 1)], True),
        ([("b", 1), ("a", 2), ("a", 1), ("b", 0)], True),
        ([("a", 2), ("a", 2), ("a", 1)], True),
    ],
)
def test_grouping_in_bulk_sorts_as_the_loop_does(order, bulk):
    """Reports out of order by activity or by day come out in the loop's stable order."""
    reports = tuple(
        Report(activity=a, date=D(2023, 1, 10 + day), amount=n) for n, (a, day) in enumerate(order)
    )
    grouped = _progress._group_in_bulk(reports, TWO_YEARS)
    assert bulk == (grouped is not None)
    assert index_figures(_progress._group_each(reports, TWO_YEARS)[0]) == index_figures(grouped)


@pytest.mark.parametrize(
    "report",
    [
        Report(activity="a", period=TWO_YEARS, amount=1),
        Report(activity="a", date=D(2022, 1, 1), amount=1),
        Report(activity="a", date=D(2025, 1, 1), amount=1),
    ],
)
def test_grouping_in_bulk_leaves_reports_without_a_day_inside_to_the_loop(report):
    """A report without a day, or with one outside the period, is the loop's to count."""
    reports = (Report(activity="a", date=D(2023, 5, 1), amount=1), report)
    assert None is _progress._group_in_bulk(reports, TWO_YEARS)
    assert None is _progress._group_in_bulk(reports[1:], TWO_YEARS)


def test_grouping_in_bulk_skips_unpromised_work():
    """Reports that name no activity are left out, as the loop leaves them out."""
    reports = (
        Report(activity=None, date=D(2023, 5, 1), amount=1),
        Report(activity="a", date=D(2023, 5, 2), amount=2),
        Report(activity=None, date=D(2023, 5, 3), amount=4),
    )
    grouped = _progress._group_in_bulk(reports, TWO_YEARS)
    assert index_figures(_progress._group_each(reports, TWO_YEARS)[0]) == index_figures(grouped)


# --------------------------------------------------------------------------- per interval


@given(
    report_lists(whole=True),
    st.sampled_from(Interval),
    st.dates(D(2022, 12, 1), D(2025, 1, 31)),
)
def test_whole_sums_per_interval_equal_the_loop(reports, per, as_of):
    """For whole amounts, stepping by interval gives the sums the loop over reports gives."""
    index, _ = _progress._group_each(reports, TWO_YEARS)
    plan = _progress._interval_plan(TWO_YEARS, per, 2, _progress.PartialIntervals.PRO_RATA)
    for reports_of in index.values():
        count = bisect.bisect_right(reports_of.days, as_of)
        assert reports_of.whole
        in_order = _progress._per_interval(plan, reports_of, count)
        assert (in_order, *_progress._interval_sums(plan, in_order)) == (
            _progress._whole_per_interval(plan, reports_of, count)
        )


@given(report_lists(), st.dates(D(2022, 12, 1), D(2025, 1, 31)))
def test_interval_quota_keeps_the_loops_sums_whatever_the_amounts(reports, as_of):
    """A quota per interval keeps the loop's sums per interval, whole amounts or not."""
    activity = Activity(
        id="a", title="A", target=IntervalQuota(amount=3, unit="u", per=Interval.QUARTER)
    )
    promise = Promise(id="p", title="P", period=TWO_YEARS, activities=(activity,), reports=reports)
    result = progress(promise, as_of=as_of).activity("a")
    index, _ = _progress._group_each(reports, TWO_YEARS)
    reports_of = index.get("a") or _progress._NO_REPORTS
    count = bisect.bisect_right(reports_of.days, as_of)
    plan = _progress._interval_plan(
        TWO_YEARS, Interval.QUARTER, 3, _progress.PartialIntervals.PRO_RATA
    )
    assert _progress._per_interval(plan, reports_of, count) == result._interval_data.done


# --------------------------------------------------------------------------- end to end


def simple_per_interval(plan, reports, count):
    """Sum per interval by the loop over reports, as the simple path does."""
    in_order = _progress._per_interval(plan, reports, count)
    return (in_order, *_progress._interval_sums(plan, in_order))


@given(testing.promises(min_activities=1, with_period=True), st.dates(D(2015, 1, 1), D(2031, 1, 1)))
def test_progress_is_the_same_without_the_fast_paths(promise, as_of):
    """Progress with the bulk grouping and the interval steps equals progress without them."""
    _progress._INDEX_CACHE.clear()
    fast = progress(promise, as_of=as_of)
    _progress._INDEX_CACHE.clear()
    with (
        mock.patch.object(_progress, "_group_in_bulk", return_value=None),
        mock.patch.object(_progress, "_whole_per_interval", simple_per_interval),
    ):
        simple = progress(promise, as_of=as_of)
    _progress._INDEX_CACHE.clear()
    assert simple == fast
    assert [a.intervals for a in simple.activities] == [a.intervals for a in fast.activities]
