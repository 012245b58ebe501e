import datetime as dt
import doctest
import importlib.util
import re
from pathlib import Path

import attrs
import pytest
from dateutil import rrule
from hypothesis import assume, example, given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Assessment,
    Bound,
    Cancellation,
    Direction,
    FocusArea,
    FollowUp,
    Indicator,
    IndicatorTarget,
    Interval,
    IntervalQuota,
    InvalidValueError,
    Measurement,
    Milestone,
    Ongoing,
    PartialIntervals,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    ProgressRules,
    Promise,
    Recurrence,
    Report,
    ReportKind,
    ReportLink,
    Responsibility,
    Schedule,
    Status,
    StatusCounts,
    StatusReason,
    StatusRule,
    Verdict,
    progress,
    testing,
)

D = dt.date
YEAR_2023 = Period.year(2023)
TWO_YEARS = Period(start=D(2023, 1, 1), end=D(2024, 12, 31))
DOCS = Path(__file__).parent.parent / "docs"


def promise_with(*activities, reports=(), follow_ups=(), period=YEAR_2023, **kw):
    return Promise(
        id="p",
        title="P",
        period=period,
        activities=activities,
        reports=tuple(reports),
        follow_ups=tuple(follow_ups),
        **kw,
    )


def quota(amount=50, *, activity_id="a", bound=Bound.TARGET, **kw):
    return Activity(
        id=activity_id,
        title="Trafikkontroller",
        target=PeriodQuota(amount=amount, unit="kontroller", bound=bound),
        **kw,
    )


def done(day, amount=1, activity="a", **kw):
    return Report(activity=activity, date=day, amount=amount, **kw)


# --------------------------------------------------------------------------- the docs


def run_markdown_examples(path: Path) -> doctest.TestResults:
    blocks = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_worked_examples_in_the_explanation_hold():
    """Every worked example on the explanation page returns the figures it shows."""
    result = run_markdown_examples(DOCS / "explanation" / "progress.md")
    assert (0, True) == (result.failed, result.attempted > 40)


# --------------------------------------------------------------------------- period quota


def test_period_quota_expected_grows_linearly_with_elapsed_days():
    """Expected is the amount times the elapsed share of the period."""
    p = promise_with(quota(365))
    assert 100.0 == progress(p, as_of=D(2023, 4, 10)).activity("a").expected


def test_period_quota_figures_by_hand():
    """Done, completion, pace and forecast are the documented quotients."""
    p = promise_with(quota(365), reports=[done(D(2023, 2, 1), 40), done(D(2023, 3, 1), 40)])
    a = progress(p, as_of=D(2023, 4, 10)).activity("a")
    assert (80, 80 / 365, 0.8, 80 * 365 / 100) == (a.done, a.completion, a.pace, a.forecast)


def test_over_achievement_is_kept_apart_from_completion():
    """Doing more than planned caps completion at 1 and keeps the rest as surplus."""
    p = promise_with(quota(10), reports=[done(D(2023, 3, 1), 14)])
    a = progress(p, as_of=D(2023, 6, 30)).activity("a")
    assert (1.0, 10, 4, Status.ACHIEVED) == (a.completion, a.counted, a.surplus, a.status)


def test_report_covering_a_span_counts_once_the_span_has_ended():
    """A report for a quarter counts nothing on its last day but one and all of it on its last."""
    quarter = Period(start=D(2023, 1, 1), end=D(2023, 3, 31))
    p = promise_with(quota(), reports=[Report(activity="a", period=quarter, amount=7)])
    assert (0, 7) == (
        progress(p, as_of=D(2023, 3, 30)).activity("a").done,
        progress(p, as_of=D(2023, 3, 31)).activity("a").done,
    )


def test_undated_report_counts_from_the_end_of_the_period():
    """A report with neither date nor span counts only from the period's last day."""
    p = promise_with(quota(), reports=[Report(activity="a", date_text="i våras", amount=5)])
    assert (0, 5) == (
        progress(p, as_of=D(2023, 12, 30)).activity("a").done,
        progress(p, as_of=D(2023, 12, 31)).activity("a").done,
    )


def test_reports_outside_the_period_and_not_done_do_not_count():
    """Reports before the period, planned or not done, or on no activity count for nothing."""
    reports = [
        done(D(2022, 12, 31), 5),
        done(D(2023, 2, 1), 5, kind=ReportKind.PLANNED),
        done(D(2023, 2, 1), 5, kind=ReportKind.NOT_DONE),
        Report(date=D(2023, 2, 1), amount=5),
        done(D(2023, 2, 1), 2),
    ]
    result = progress(promise_with(quota(), reports=reports), as_of=D(2023, 12, 31))
    assert (2, 1, 1) == (
        result.activity("a").done,
        result.activity("a").reports,
        result.reports_outside_period,
    )


def test_report_without_amount_counts_zero_towards_a_quota():
    """A done report with no amount adds nothing to a quota."""
    p = promise_with(quota(), reports=[Report(activity="a", date=D(2023, 2, 1))])
    a = progress(p, as_of=D(2023, 3, 1)).activity("a")
    assert (0, 1) == (a.done, a.reports)


@pytest.mark.parametrize(
    ("done_by_april_10", "status", "rule"),
    [
        (90, Status.ON_TRACK, StatusRule.PACE_ON_TRACK),
        (89, Status.BEHIND, StatusRule.PACE_BEHIND),
        (50, Status.BEHIND, StatusRule.PACE_BEHIND),
        (49, Status.AT_RISK, StatusRule.PACE_AT_RISK),
        (0, Status.AT_RISK, StatusRule.PACE_AT_RISK),
        (365, Status.ACHIEVED, StatusRule.TARGET_REACHED),
    ],
)
def test_status_thresholds_by_pace(done_by_april_10, status, rule):
    """With 100 expected, 90 is on track, 50 behind and 49 at risk."""
    reports = [done(D(2023, 2, 1), done_by_april_10)] if done_by_april_10 else []
    a = progress(promise_with(quota(365), reports=reports), as_of=D(2023, 4, 10)).activity("a")
    assert (status, rule) == (a.status, a.reason.rule)


def test_shortfall_below_one_unit_is_on_track():
    """A shortfall of less than one unit is no shortfall."""
    p = promise_with(quota(365), reports=[done(D(2023, 1, 2), 2)])
    a = progress(p, as_of=D(2023, 1, 3)).activity("a")
    assert (Status.ON_TRACK, StatusRule.WITHIN_SHORTFALL) == (a.status, a.reason.rule)


def test_nothing_expected_and_nothing_done_is_not_started():
    """Early in the period, with less than one unit expected and none done, nothing has started."""
    a = progress(promise_with(quota(50)), as_of=D(2023, 1, 3)).activity("a")
    assert (Status.NOT_STARTED, StatusRule.NOTHING_EXPECTED_YET) == (a.status, a.reason.rule)


def test_before_the_period_is_not_started():
    """Before the period begins, the activity has not started and the reason gives the start."""
    a = progress(promise_with(quota()), as_of=D(2022, 6, 1)).activity("a")
    assert (Status.NOT_STARTED, D(2023, 1, 1), 0.0) == (a.status, a.reason.date, a.expected)


def test_period_over_short_of_target_is_missed():
    """At the end a quota short of its amount is missed; the forecast is what was done."""
    p = promise_with(quota(10), reports=[done(D(2023, 5, 1), 9)])
    a = progress(p, as_of=D(2023, 12, 31)).activity("a")
    assert (Status.MISSED, StatusRule.PERIOD_ENDED_SHORT, 9.0) == (
        a.status,
        a.reason.rule,
        a.forecast,
    )


def test_about_bound_is_achieved_within_tolerance():
    """ "Cirka 50" counts as achieved from 45 by default."""
    p = promise_with(quota(50, bound=Bound.ABOUT), reports=[done(D(2023, 5, 1), 45)])
    a = progress(p, as_of=D(2023, 12, 31)).activity("a")
    assert (Status.ACHIEVED, 45.0, 0.9) == (a.status, a.reason.threshold, a.completion)


# --------------------------------------------------------------------------- interval quota


def per_year(amount=2):
    return Activity(
        id="a",
        title="Hundsök",
        target=IntervalQuota(amount=amount, unit="hundsök", per=Interval.YEAR),
    )


MID_YEAR = Period(start=D(2023, 7, 1), end=D(2025, 6, 30))


def test_partial_intervals_are_pro_rata_by_days():
    """A half-year at each end of the period asks for its share of the yearly amount."""
    a = progress(promise_with(per_year(365), period=MID_YEAR), as_of=D(2023, 6, 1)).activity("a")
    assert [184.0, 365.0, 181.0] == [i.planned for i in a.intervals]


def test_partial_intervals_can_ask_for_the_full_amount():
    """With PartialIntervals.FULL every interval asks for the whole amount."""
    rules = ProgressRules(partial_intervals=PartialIntervals.FULL)
    result = progress(promise_with(per_year(), period=MID_YEAR), as_of=D(2023, 6, 1), rules=rules)
    assert 6.0 == result.activity("a").planned


def test_interval_expected_is_linear_within_the_current_interval():
    """Expected counts finished intervals in full and the current one by elapsed days."""
    a = progress(promise_with(per_year(366), period=MID_YEAR), as_of=D(2024, 1, 31)).activity("a")
    first = 366 * 184 / 365
    assert (first + 31.0, [first, 31.0, 0.0]) == (a.expected, [i.expected for i in a.intervals])


def test_surplus_in_one_interval_does_not_cover_another():
    """Four searches in 2024 and none in 2023 count for two, with two as surplus."""
    reports = [done(D(2024, m, 1)) for m in (2, 3, 4, 5)]
    p = promise_with(per_year(), reports=reports, period=TWO_YEARS)
    a = progress(p, as_of=D(2024, 12, 31)).activity("a")
    assert (4, 2.0, 2.0, 0.5, Status.MISSED) == (
        a.done,
        a.counted,
        a.surplus,
        a.completion,
        a.status,
    )
    assert [True, False] == [i.short for i in a.intervals]


def test_interval_quota_reached_in_every_interval_is_achieved():
    """Two searches in each year of a two-year period achieve the target."""
    reports = [done(D(y, m, 1)) for y in (2023, 2024) for m in (3, 9)]
    a = progress(promise_with(per_year(), reports=reports, period=TWO_YEARS), as_of=D(2024, 12, 31))
    assert Status.ACHIEVED == a.activity("a").status


# --------------------------------------------------------------------------- schedule


def weekly(rule="FREQ=WEEKLY;BYDAY=MO", start=None):
    return Activity(
        id="a",
        title="Lägesbild",
        target=Schedule(recurrence=Recurrence(rule=rule), start=start, unit="möten"),
    )


def test_schedule_counts_occurrences_up_to_the_date():
    """2023 has 52 Mondays, 13 of them by the end of March."""
    a = progress(promise_with(weekly()), as_of=D(2023, 3, 31)).activity("a")
    assert (52, 13) == (a.planned, a.expected)


def test_schedule_report_without_amount_is_one_occurrence():
    """Each done report with no amount counts as one meeting."""
    reports = [Report(activity="a", date=D(2023, 1, 2)), done(D(2023, 1, 9), 2)]
    a = progress(promise_with(weekly(), reports=reports), as_of=D(2023, 1, 9)).activity("a")
    assert (3, Status.ON_TRACK, 1.5) == (a.done, a.status, a.pace)


def test_schedule_start_sets_dtstart_and_dates_before_the_period_do_not_count():
    """A rule starting before the period counts COUNT from its own start, inside the period only."""
    rule = weekly("FREQ=WEEKLY;COUNT=4", start=D(2022, 12, 20))
    a = progress(promise_with(rule), as_of=D(2023, 12, 31)).activity("a")
    assert 2 == a.planned


def test_schedule_mixing_plain_and_ordinal_weekdays_counts_dateutils_dates():
    """BYDAY=1MO,MO is the first Monday of each month, as dateutil and the calendar read it."""
    rule = weekly("FREQ=MONTHLY;BYDAY=1MO,MO")
    a = progress(promise_with(rule), as_of=D(2023, 3, 31)).activity("a")
    assert (12, 3) == (a.planned, a.expected)


def test_schedule_without_dates_in_the_period_is_not_assessable():
    """A rule whose dates all fall before the period gives nothing to expect."""
    rule = weekly("FREQ=DAILY;COUNT=3", start=D(2022, 1, 1))
    a = progress(promise_with(rule), as_of=D(2023, 6, 1)).activity("a")
    assert (Status.NOT_ASSESSABLE, StatusRule.NO_OCCURRENCES, None) == (
        a.status,
        a.reason.rule,
        a.completion,
    )


# --------------------------------------------------------------------------- milestone


JUNE_30 = D(2023, 6, 30)
SEPT_20 = D(2023, 9, 20)


def milestone(due=JUNE_30):
    return Activity(id="a", title="Handlingsplan", target=Milestone(due=due))


@pytest.mark.parametrize(
    ("as_of", "reports", "status", "late", "rule"),
    [
        (D(2023, 6, 1), [], Status.NOT_STARTED, False, StatusRule.MILESTONE_NOT_DUE),
        (D(2023, 6, 30), [], Status.OVERDUE, True, StatusRule.MILESTONE_OVERDUE),
        (D(2023, 12, 31), [], Status.MISSED, True, StatusRule.MILESTONE_MISSED),
        (D(2023, 6, 1), [D(2023, 5, 1)], Status.ACHIEVED, False, StatusRule.MILESTONE_MET),
        (D(2023, 9, 1), [D(2023, 8, 1)], Status.ACHIEVED, True, StatusRule.MILESTONE_MET_LATE),
        (D(2022, 9, 1), [], Status.NOT_STARTED, False, StatusRule.BEFORE_PERIOD),
    ],
)
def test_milestone_due_met_and_late(as_of, reports, status, late, rule):
    """A milestone is not started, overdue, missed or achieved on time or late."""
    p = promise_with(milestone(), reports=[Report(activity="a", date=d) for d in reports])
    a = progress(p, as_of=as_of).activity("a")
    assert (status, late, rule) == (a.status, a.late, a.reason.rule)


def test_milestone_without_due_date_is_due_at_the_period_end():
    """With no due date, a milestone is due on the period's last day."""
    a = progress(promise_with(milestone(None)), as_of=D(2023, 7, 1)).activity("a")
    assert (D(2023, 12, 31), Status.NOT_STARTED, 0) == (a.due, a.status, a.expected)


def test_milestone_met_on_is_the_first_done_report():
    """Of several done reports, the earliest sets the day the milestone was met."""
    reports = [Report(activity="a", date=D(2023, 5, 3)), Report(activity="a", date=D(2023, 4, 1))]
    a = progress(promise_with(milestone(), reports=reports), as_of=D(2023, 12, 1)).activity("a")
    assert (D(2023, 4, 1), 1, 1.0) == (a.met_on, a.done, a.completion)


# --------------------------------------------------------------------------- ongoing, assessments


def assessed(verdict, held_on=SEPT_20, activity="a", follow_up="f"):
    return FollowUp(
        id=follow_up,
        held_on=held_on,
        assessments=(Assessment(activity=activity, verdict=verdict),),
    )


ONGOING = Activity(id="a", title="Stöd", target=Ongoing())


@pytest.mark.parametrize(
    ("verdict", "as_of", "status"),
    [
        (Verdict.DONE, D(2023, 10, 1), Status.ACHIEVED),
        (Verdict.ONGOING, D(2023, 10, 1), Status.ON_TRACK),
        (Verdict.PARTLY_DONE, D(2023, 10, 1), Status.BEHIND),
        (Verdict.NOT_DONE, D(2023, 10, 1), Status.AT_RISK),
        (Verdict.NOT_DONE, D(2023, 12, 31), Status.MISSED),
        (Verdict.NOT_ASSESSABLE, D(2023, 10, 1), Status.NOT_ASSESSABLE),
    ],
)
def test_ongoing_status_comes_from_the_latest_assessment(verdict, as_of, status):
    """An ongoing activity takes its status from a person's verdict."""
    p = promise_with(ONGOING, follow_ups=[assessed(verdict)])
    a = progress(p, as_of=as_of).activity("a")
    assert (status, StatusRule.ASSESSMENT, verdict) == (a.status, a.reason.rule, a.reason.verdict)


def test_ongoing_without_assessment_is_not_assessable_and_before_the_period_not_started():
    """No assessment leaves ongoing work unassessable; before the period it has not started."""
    p = promise_with(ONGOING, follow_ups=[assessed(Verdict.DONE)])
    assert (Status.NOT_ASSESSABLE, StatusRule.NO_ASSESSMENT, Status.NOT_STARTED) == (
        progress(p, as_of=D(2023, 9, 19)).activity("a").status,
        progress(p, as_of=D(2023, 9, 19)).activity("a").reason.rule,
        progress(p, as_of=D(2022, 9, 19)).activity("a").status,
    )


def test_latest_assessment_wins_and_later_follow_ups_are_not_seen():
    """The latest follow-up held by the date gives the assessment; later ones are ignored."""
    follow_ups = [
        assessed(Verdict.PARTLY_DONE, D(2023, 4, 1), follow_up="f1"),
        assessed(Verdict.DONE, D(2023, 9, 1), follow_up="f2"),
        assessed(Verdict.NOT_DONE, D(2023, 5, 1), follow_up="f3"),
    ]
    p = promise_with(ONGOING, follow_ups=follow_ups)
    assert ("f3", "f2") == (
        progress(p, as_of=D(2023, 8, 1)).activity("a").assessment.follow_up,
        progress(p, as_of=D(2023, 9, 1)).activity("a").assessment.follow_up,
    )


def test_assessment_is_kept_beside_a_computed_status():
    """A verdict of done does not lift a quota that the figures say is behind."""
    p = promise_with(quota(365), follow_ups=[assessed(Verdict.DONE, D(2023, 4, 1))])
    a = progress(p, as_of=D(2023, 4, 10)).activity("a")
    assert (Status.AT_RISK, Verdict.DONE) == (a.status, a.assessment.verdict)


# --------------------------------------------------------------------------- cancelled, no period


def test_cancelled_activity_is_cancelled_from_its_date():
    """Before the cancellation date the activity is assessed; from it, it is cancelled."""
    activity = quota(365, cancelled=Cancellation(date=D(2023, 5, 1), reason="omprioritering"))
    p = promise_with(activity)
    before = progress(p, as_of=D(2023, 4, 30)).activity("a")
    after = progress(p, as_of=D(2023, 5, 1)).activity("a")
    assert (Status.AT_RISK, Status.CANCELLED, D(2023, 5, 1)) == (
        before.status,
        after.status,
        after.reason.date,
    )


def test_cancelled_without_date_is_cancelled_always_and_left_out_of_roll_ups():
    """A cancelled activity does not weigh on the promise's completion."""
    p = promise_with(
        quota(10, cancelled=Cancellation()),
        quota(10, activity_id="b"),
        reports=[done(D(2023, 2, 1), 5, activity="b")],
    )
    result = progress(p, as_of=D(2023, 6, 30))
    assert (Status.CANCELLED, 0.5, 1) == (
        result.activity("a").status,
        result.completion,
        result.counts[Status.CANCELLED],
    )


def test_promise_without_period_is_not_assessable_with_a_reason():
    """An unknown period makes every activity unassessable, with the reason given."""
    p = promise_with(quota(), milestone(), period=None, period_text="hösten 2015")
    p = attrs.evolve(p, activities=(quota(), attrs.evolve(milestone(), id="m")))
    result = progress(p, as_of=D(2016, 1, 1))
    assert (
        [Status.NOT_ASSESSABLE] * 2,
        StatusRule.NO_PERIOD,
        None,
        None,
    ) == (
        [a.status for a in result.activities],
        result.reason.rule,
        result.elapsed,
        result.completion,
    )


# --------------------------------------------------------------------------- roll-ups


def test_roll_up_is_the_weighted_mean_of_completions():
    """Focus area and promise completion weigh each activity by its weight."""
    areas = (FocusArea(id="trafik", title="Trafik"), FocusArea(id="narkotika", title="Narkotika"))
    p = promise_with(
        quota(10, focus_areas=("trafik",)),
        quota(8, activity_id="b", weight=3, focus_areas=("trafik", "narkotika")),
        Activity(id="c", title="Stöd", target=Ongoing(), focus_areas=("narkotika",)),
        reports=[done(D(2023, 2, 1), 10), done(D(2023, 2, 1), 2, activity="b")],
        focus_areas=areas,
    )
    result = progress(p, as_of=D(2023, 6, 30))
    trafik, narkotika = result.focus_areas
    assert (
        (1 * 1.0 + 3 * 0.25) / 4,
        (1 * 1.0 + 3 * 0.25) / 4,
        0.25,
        ("a", "b"),
        2,
    ) == (
        result.completion,
        trafik.completion,
        narkotika.completion,
        tuple(a.id for a in trafik.activities),
        narkotika.counts.total,
    )
    assert result.focus_area("narkotika") is narkotika


def test_roll_up_with_nothing_to_average_is_none():
    """A focus area of ongoing work only has no completion."""
    ongoing = attrs.evolve(ONGOING, focus_areas=("f",))
    p = promise_with(ongoing, focus_areas=(FocusArea(id="f", title="F"),))
    area = progress(p, as_of=D(2023, 3, 1)).focus_areas[0]
    assert (None, None, 1) == (area.completion, area.expected_completion, area.counts.total)


def test_elapsed_share_and_counts_per_status():
    """The promise reports the elapsed share of its period and how many activities per status."""
    result = progress(promise_with(quota(365), milestone()), as_of=D(2023, 4, 10))
    assert (100 / 365, 1, 1, 2) == (
        result.elapsed,
        result.counts[Status.AT_RISK],
        result.counts[Status.NOT_STARTED],
        result.counts.total,
    )


def test_status_counts_add_and_iterate_in_enum_order():
    """Counts add up per status and iterate over every status."""
    total = StatusCounts.of([Status.BEHIND]) + StatusCounts.of([Status.BEHIND, Status.MISSED])
    assert ({Status.BEHIND: 2, Status.MISSED: 1}, list(Status)) == (
        {s: n for s, n in total if n},
        [s for s, _ in total],
    )


def test_lookup_of_unknown_ids_raises_key_error():
    """Asking a result for an unknown activity, focus area or indicator raises KeyError."""
    result = progress(promise_with(quota()), as_of=D(2023, 3, 1))
    for lookup in (result.activity, result.focus_area, result.indicator):
        with pytest.raises(KeyError):
            lookup("nope")


# --------------------------------------------------------------------------- indicators


def indicator(direction=Direction.DECREASE, measurements=(), baseline=40, target=30, **kw):
    return Indicator(
        id="i",
        name="Andel otrygga",
        unit="%",
        direction=direction,
        baseline=None if baseline is None else Measurement(date=D(2023, 1, 1), value=baseline),
        target=None if target is None else IndicatorTarget(value=target, date=kw.pop("by", None)),
        measurements=tuple(Measurement(date=d, value=v) for d, v in measurements),
        **kw,
    )


def indicator_at(ind, as_of, period=TWO_YEARS):
    return progress(promise_with(indicators=(ind,), period=period), as_of=as_of).indicator("i")


def test_indicator_no_data_is_distinct_from_zero():
    """Without a measurement the figures are None; a measured zero is a value."""
    none = indicator_at(indicator(), D(2023, 6, 1))
    zero = indicator_at(indicator(measurements=[(D(2023, 5, 1), 0)]), D(2023, 6, 1))
    assert (False, None, StatusRule.NO_DATA) == (none.has_data, none.change, none.reason.rule)
    assert (True, -40, Status.ACHIEVED) == (zero.has_data, zero.change, zero.status)


def test_indicator_share_of_way_respects_direction():
    """Lower is better: from 40 to 35 towards 30 is half-way and an improvement of 5."""
    i = indicator_at(indicator(measurements=[(D(2023, 7, 1), 35)]), D(2023, 8, 1))
    assert (-5, 5, 0.5) == (i.change, i.improvement, i.share_of_way)


def test_indicator_trajectory_on_straight_line_to_target_date():
    """Half-way in time the line stands half-way in value; at or better than it is on track."""
    ind = indicator(
        Direction.INCREASE, [(D(2024, 1, 1), 54)], baseline=50, target=60, by=D(2024, 12, 31)
    )
    i = indicator_at(ind, D(2024, 2, 1))
    assert (50 + 10 * 365 / 730, False, Status.BEHIND) == (i.trajectory, i.on_trajectory, i.status)
    better = indicator_at(
        attrs.evolve(ind, measurements=(Measurement(date=D(2024, 1, 1), value=55),)), D(2024, 2, 1)
    )
    assert (True, Status.ON_TRACK) == (better.on_trajectory, better.status)


def test_indicator_latest_is_the_latest_measurement_by_the_date():
    """Measurements after the date are not seen, and their order in the document does not matter."""
    ind = indicator(measurements=[(D(2023, 9, 1), 38), (D(2023, 3, 1), 39), (D(2024, 3, 1), 20)])
    assert 38 == indicator_at(ind, D(2023, 12, 31)).latest.value


@pytest.mark.parametrize(
    ("value", "as_of", "status", "rule"),
    [
        (45, D(2023, 6, 1), Status.AT_RISK, StatusRule.WORSENED),
        (35, D(2024, 12, 31), Status.MISSED, StatusRule.INDICATOR_TARGET_DATE_PASSED),
        (30, D(2023, 6, 1), Status.ACHIEVED, StatusRule.INDICATOR_TARGET_REACHED),
    ],
)
def test_indicator_statuses(value, as_of, status, rule):
    """Worse than baseline is at risk, past the target date missed, at the target achieved."""
    i = indicator_at(indicator(measurements=[(D(2023, 5, 1), value)]), as_of)
    assert (status, rule) == (i.status, i.reason.rule)


def test_indicator_without_baseline_or_target_date_is_not_assessable():
    """No baseline, or no target date and no period, leaves the indicator unassessable."""
    no_base = indicator_at(
        indicator(baseline=None, measurements=[(D(2023, 5, 1), 35)]), D(2023, 6, 1)
    )
    no_date = indicator_at(
        indicator(measurements=[(D(2023, 5, 1), 38)]), D(2023, 6, 1), period=None
    )
    assert (StatusRule.NO_BASELINE_OR_TARGET, None, StatusRule.NO_TARGET_DATE) == (
        no_base.reason.rule,
        no_base.change,
        no_date.reason.rule,
    )
    no_target = indicator_at(
        indicator(target=None, measurements=[(D(2023, 5, 1), 35)]), D(2023, 6, 1)
    )
    assert (-5, 5, Status.NOT_ASSESSABLE) == (
        no_target.change,
        no_target.improvement,
        no_target.status,
    )


# ------------------------------------------------------------------ statuses, reasons, rules


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_labels_and_definitions_in_both_languages(status):
    """Each status has a distinct Swedish and English label and a one-line definition."""
    texts = (status.label(), status.label("en"), status.definition(), status.definition("en"))
    assert (True, False) == (all(texts), any("\n" in t for t in texts))


def test_status_labels_are_unique():
    """No two statuses share a label in either language."""
    assert (len(Status), len(Status)) == (
        len({s.label() for s in Status}),
        len({s.label("en") for s in Status}),
    )


@pytest.mark.parametrize("rule", list(StatusRule))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_reason_renders_without_placeholders(rule, lang):
    """Every rule's reason renders in Swedish and English with its figures filled in."""
    reason = StatusReason(
        rule=rule,
        done=3,
        expected=4.25,
        planned=10,
        pace=0.75,
        threshold=0.9,
        unit="möten",
        date=D(2023, 3, 1),
        due=D(2023, 6, 30),
        verdict=Verdict.PARTLY_DONE,
        value=36,
        baseline=40,
    )
    text = reason.text(lang)
    assert (False, True) == ("{" in text or "}" in text, len(text) > 5)


def test_reason_renders_numbers_for_the_language():
    """Swedish uses a decimal comma and a no-break space before the percent sign; English not."""
    reason = StatusReason(
        rule=StatusRule.PACE_BEHIND, done=2.5, expected=4, pace=0.625, threshold=0.9
    )
    assert (
        (
            "2,5 har genomförts mot 4 väntade hittills, 62\N{NO-BREAK SPACE}% av det väntade; "
            "under 90\N{NO-BREAK SPACE}%, gränsen för enligt plan"
        ),
        (
            "2.5 done against 4 expected so far, 62% of what was expected; "
            "below the 90% needed to be on track"
        ),
    ) == (str(reason), reason.text("en"))


def test_reason_without_figures_renders_dashes():
    """A figure that is missing shows as a dash, not as None."""
    assert (
        "– har genomförts mot – väntade hittills, – av det väntade; minst – räknas som enligt plan"
        == StatusReason(rule=StatusRule.PACE_ON_TRACK).text()
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"on_track_pace": -0.1},
        {"at_risk_pace": 0.95},
        {"min_shortfall": -1},
        {"about_tolerance": 1.0},
    ],
)
def test_progress_rules_refuse_impossible_thresholds(kwargs):
    """Negative thresholds, an inverted pace pair or a tolerance of 1 are refused with a code."""
    with pytest.raises(InvalidValueError) as info:
        ProgressRules(**kwargs)
    assert "invalid-progress-rules" == info.value.code


def test_progress_is_pure():
    """The same promise and date give equal results, twice."""
    p = promise_with(quota(), attrs.evolve(milestone(), id="m"), reports=[done(D(2023, 2, 1))])
    assert progress(p, as_of=D(2023, 5, 1)) == progress(p, as_of=D(2023, 5, 1))


# --------------------------------------------------------------------------- properties

PERIODS = st.builds(
    lambda start, days: Period(start=start, end=start + dt.timedelta(days=days)),
    st.dates(D(2019, 1, 1), D(2025, 12, 31)),
    st.integers(0, 900),
)


@st.composite
def targets(draw):
    kind = draw(st.sampled_from(["period", "interval", "schedule", "milestone"]))
    amount = draw(st.integers(1, 60) | st.floats(0.5, 60, allow_nan=False))
    if kind == "period":
        return PeriodQuota(amount=amount, unit="u", bound=draw(st.sampled_from(Bound)))
    if kind == "interval":
        return IntervalQuota(amount=amount, unit="u", per=draw(st.sampled_from(Interval)))
    if kind == "schedule":
        rule = draw(
            st.sampled_from(
                [
                    "FREQ=WEEKLY;BYDAY=MO",
                    "FREQ=MONTHLY;BYMONTHDAY=15",
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
                    "FREQ=MONTHLY;BYDAY=-1FR",
                    "FREQ=DAILY;COUNT=5",
                ]
            )
        )
        return Schedule(recurrence=Recurrence(rule=rule))
    return Milestone(due=draw(st.none() | st.dates(D(2019, 1, 1), D(2026, 12, 31))))


@st.composite
def cases(draw):
    period = draw(PERIODS)
    activity = Activity(id="a", title="A", target=draw(targets()))
    days = st.dates(period.start - dt.timedelta(days=30), period.end + dt.timedelta(days=30))
    report = st.builds(
        lambda day, amount, span: Report(
            activity="a",
            date=None if span else day,
            period=Period(start=day - dt.timedelta(days=40), end=day) if span else None,
            amount=amount,
        ),
        days,
        st.none() | st.integers(0, 20) | st.floats(0, 20, allow_nan=False),
        st.booleans(),
    )
    reports = draw(st.lists(report, max_size=6))
    promise = Promise(
        id="p", title="P", period=period, activities=(activity,), reports=tuple(reports)
    )
    return promise, draw(days), draw(report)


@given(cases())
def test_completion_is_always_between_zero_and_one(case):
    """Completion never leaves [0, 1], however much is reported."""
    promise, as_of, _ = case
    completion = progress(promise, as_of=as_of).activity("a").completion
    assert completion is None or 0.0 <= completion <= 1.0


@given(cases())
def test_adding_a_report_never_lowers_done_completion_or_rank(case):
    """One more report never lowers done, completion or the status rank."""
    promise, as_of, extra = case
    before = progress(promise, as_of=as_of).activity("a")
    after = progress(promise.with_reports(extra), as_of=as_of).activity("a")
    assert after.done >= before.done
    assert (after.completion or 0) >= (before.completion or 0) - 1e-12
    assert (after.status.rank or 0) >= (before.status.rank or 0)


@given(cases(), st.integers(1, 400))
def test_done_and_expected_never_decrease_as_the_date_moves_forward(case, step):
    """Moving as_of forward never lowers done or expected."""
    promise, as_of, _ = case
    earlier = progress(promise, as_of=as_of).activity("a")
    later = progress(promise, as_of=as_of + dt.timedelta(days=step)).activity("a")
    assert later.done >= earlier.done
    assert (later.expected or 0) >= (earlier.expected or 0) - 1e-9


_FREQS = {
    "DAILY": rrule.DAILY,
    "WEEKLY": rrule.WEEKLY,
    "MONTHLY": rrule.MONTHLY,
    "YEARLY": rrule.YEARLY,
}
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def rrules(draw):
    freq = draw(st.sampled_from(list(_FREQS)))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    end = draw(st.sampled_from(["none", "count", "until"]))
    if end == "count":
        parts.append(f"COUNT={draw(st.integers(1, 40))}")
    elif end == "until":
        until = draw(st.dates(D(2022, 1, 1), D(2026, 1, 1))).strftime("%Y%m%d")
        parts.append(f"UNTIL={until}{draw(st.sampled_from(['', 'T000000', 'T235959']))}")
    byday = draw(st.lists(st.sampled_from(_DAYS), min_size=0, max_size=3, unique=True))
    if byday and freq in {"MONTHLY", "YEARLY"} and draw(st.booleans()):
        byday = [f"{draw(st.sampled_from([1, 2, -1]))}{d}" for d in byday]
    if byday:
        parts.append("BYDAY=" + ",".join(byday))
    if freq == "WEEKLY" and draw(st.booleans()):
        parts.append(f"WKST={draw(st.sampled_from(_DAYS))}")
    monthdays = []
    if freq in {"MONTHLY", "YEARLY"} and not byday and draw(st.booleans()):
        # Days 29-31 only monthly: a yearly rule on 31 June would never occur.
        choices = [1, 5, 15, 28, -1] + ([29, 30, 31] if freq == "MONTHLY" else [])
        monthdays = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTHDAY=" + ",".join(map(str, monthdays)))
    if freq == "YEARLY" and draw(st.booleans()):
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    if (byday or monthdays) and draw(st.booleans()):
        # Position 2 exists in every set only when a weekday recurs within it.
        positions = [1, -1, 2] if byday and freq != "DAILY" else [1, -1]
        parts.append(f"BYSETPOS={draw(st.sampled_from(positions))}")
    return ";".join(parts)


@given(rrules(), PERIODS, st.integers(-60, 60), st.integers(-30, 1000))
@example(  # dateutil counts BYSETPOS in DTSTART's week from DTSTART on
    rule="FREQ=WEEKLY;INTERVAL=1;UNTIL=20220208;BYDAY=SU,MO,SA;BYSETPOS=2",
    period=Period(start=D(2021, 2, 8), end=D(2021, 2, 27)),
    shift=19,
    offset=19,
)
@example(
    rule="FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
    period=Period(start=D(2023, 1, 1), end=D(2024, 12, 31)),
    shift=45,
    offset=400,
)
def test_schedule_expected_equals_a_brute_force_count_with_dateutil(rule, period, shift, offset):
    """Expected for a schedule is the number of the RRULE's dates in the period up to the date."""
    dtstart = period.start + dt.timedelta(days=shift)
    as_of = period.start + dt.timedelta(days=offset)
    try:
        recurrence = Recurrence(rule=rule)
    except InvalidValueError:  # pragma: no cover - the generator builds valid rules
        assume(False)
        raise
    activity = Activity(id="a", title="A", target=Schedule(recurrence=recurrence, start=dtstart))
    promise = Promise(id="p", title="P", period=period, activities=(activity,))
    expected = progress(promise, as_of=as_of).activity("a").expected

    brute = 0
    hi = min(as_of, period.end)
    for occurrence in rrule.rrulestr(rule, dtstart=dt.datetime.combine(dtstart, dt.time())):
        day = occurrence.date()
        if day > hi:
            break
        brute += day >= period.start
    assert brute == expected


def test_result_objects_name_what_they_are_about():
    """Results give the ids, weight and period of what they describe, and find indicators by id."""
    ind = indicator(measurements=[(D(2023, 5, 1), 35)])
    other = attrs.evolve(ind, id="j")
    p = promise_with(
        quota(activity_id="a", weight=2, focus_areas=("f",)),
        focus_areas=(FocusArea(id="f", title="F"),),
        indicators=(ind, other),
    )
    result = progress(p, as_of=D(2023, 6, 1))
    assert ("a", 2, "f", "j", YEAR_2023) == (
        result.activities[0].id,
        result.activities[0].weight,
        result.focus_areas[0].id,
        result.indicator("j").id,
        result.period,
    )


def test_ongoing_work_has_no_expected_share():
    """Without planned or expected figures there is no share the date calls for."""
    assert None is progress(promise_with(ONGOING), as_of=D(2023, 6, 1)).activity("a").expected_share


def test_interval_quota_report_without_amount_counts_for_nothing():
    """A done report with no amount adds nothing to its interval."""
    reports = [Report(activity="a", date=D(2023, 3, 1)), done(D(2023, 4, 1))]
    a = progress(promise_with(per_year(), reports=reports), as_of=D(2023, 6, 1)).activity("a")
    assert (1, 2, [1]) == (a.done, a.reports, [i.done for i in a.intervals])


# --------------------------------------------------------------------------- the Hofors example

EXAMPLES = Path(__file__).parent.parent / "examples"


def run_hofors_example(argv, capsys):
    spec = importlib.util.spec_from_file_location(
        "hofors_progress", EXAMPLES / "hofors_progress.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert 0 == module.main(argv)
    return module, capsys.readouterr().out


def test_hofors_example_prints_progress_at_three_dates(capsys):
    """The example prints each date's progress, with each activity's computed status."""
    module, out = run_hofors_example([], capsys)
    promise = module.build_promise()
    for as_of in (D(2023, 6, 30), D(2023, 12, 31), D(2024, 12, 31)):
        section = out.split(f"läget per {as_of.isoformat()}")[1].split("läget per")[0]
        result = progress(promise, as_of=as_of)
        for item in result.activities:
            assert f"- {item.activity.title}: {item.status.label()}\n" in section
            assert item.reason.text() in section


def test_hofors_example_in_english_at_a_chosen_date(capsys):
    """With --lang en and --as-of, the example prints that one date in English."""
    module, out = run_hofors_example(["--as-of", "2024-06-30", "--lang", "en"], capsys)
    result = progress(module.build_promise(), as_of=D(2024, 6, 30))
    assert (1, True) == (
        out.count("progress at "),
        all(f": {a.status.label('en')}\n" in out for a in result.activities),
    )


# --------------------------------------------------------------------------- whole promises

AS_OF_DATES = st.dates(D(2014, 1, 1), D(2032, 12, 31))


@given(testing.promises(), AS_OF_DATES)
def test_every_completion_of_a_generated_promise_is_between_zero_and_one(promise, as_of):
    """Activity, focus-area and promise completions stay in [0, 1]; counts cover every activity."""
    result = progress(promise, as_of=as_of)
    shares = [a.completion for a in result.activities]
    shares += [f.completion for f in result.focus_areas] + [result.completion]
    assert all(s is None or 0.0 <= s <= 1.0 + 1e-12 for s in shares)
    assert len(promise.activities) == result.counts.total


@given(st.data())
def test_adding_a_report_to_a_generated_promise_never_lowers_progress(data):
    """For every activity of any promise, one more report never lowers done, completion or rank."""
    promise = data.draw(testing.promises(min_activities=1, with_period=True))
    ids = tuple(a.id for a in promise.activities)
    extra = data.draw(testing.reports(period=promise.period, activity_ids=ids))
    as_of = data.draw(AS_OF_DATES)
    before = progress(promise, as_of=as_of)
    after = progress(promise.with_reports(extra), as_of=as_of)
    for old, new in zip(before.activities, after.activities, strict=True):
        assert new.done >= old.done
        assert (new.completion or 0) >= (old.completion or 0) - 1e-12
        assert (new.status.rank or 0) >= (old.status.rank or 0)


@given(testing.promises(with_period=True), AS_OF_DATES, st.integers(1, 800))
def test_done_and_expected_of_a_generated_promise_never_decrease_with_time(promise, as_of, step):
    """Moving the date forward never lowers any activity's done or expected."""
    earlier = progress(promise, as_of=as_of)
    later = progress(promise, as_of=as_of + dt.timedelta(days=step))
    for old, new in zip(earlier.activities, later.activities, strict=True):
        assert new.done >= old.done
        assert (new.expected or 0) >= (old.expected or 0) - 1e-9


def test_more_done_than_expected_is_explained_by_the_pace():
    """Ahead of plan, the reason gives the pace; level with the plan, the shortfall rule."""
    ahead = promise_with(quota(365), reports=[done(D(2023, 1, 2), 5)])
    level = promise_with(quota(365), reports=[done(D(2023, 1, 2), 3)])
    assert (StatusRule.PACE_ON_TRACK, StatusRule.WITHIN_SHORTFALL) == (
        progress(ahead, as_of=D(2023, 1, 3)).activity("a").reason.rule,
        progress(level, as_of=D(2023, 1, 3)).activity("a").reason.rule,
    )


def test_focus_area_named_twice_or_unknown_counts_once_or_not_at_all():
    """An activity counts once in each known focus area it names, and in the promise."""
    p = promise_with(
        quota(8, focus_areas=("f", "f", "missing")),
        reports=[done(D(2023, 2, 1), 2)],
        focus_areas=(FocusArea(id="f", title="F"),),
    )
    result = progress(p, as_of=D(2023, 6, 1))
    assert (1, 0.25, 0.25) == (
        len(result.focus_areas[0].activities),
        result.focus_areas[0].completion,
        result.completion,
    )


# --------------------------------------------------------------------------- #16


def each(target=None, *, responsible=("flen", "vingaker"), activity_id="a"):
    """Return an activity that each of *responsible* carries out on its own."""
    return Activity(
        id=activity_id,
        title="Trygghetsvandringar",
        target=target or PeriodQuota(amount=4, unit="vandringar"),
        responsible=responsible,
        responsibility=Responsibility.EACH,
    )


KOMMUNER = (
    Party(id="flen", kind=PartyKind.MUNICIPALITY, name="Flens kommun", kommunkod="0482"),
    Party(id="vingaker", kind=PartyKind.MUNICIPALITY, name="Vingåkers kommun", kommunkod="0428"),
)


def test_only_reports_linked_to_an_existing_activity_count():
    """Unlinked work, a contradictory link and an unknown activity count for nothing, anywhere."""
    reports = [
        done(D(2023, 2, 1), 2),
        Report(link=ReportLink.UNRESTATED, work="fotpatruller", date=D(2023, 2, 1), amount=5),
        Report(activity="a", link=ReportLink.UNPROMISED, date=D(2023, 2, 1), amount=7),
        done(D(2023, 2, 1), 11, activity="okänd"),
        done(D(2024, 2, 1), 13, activity="okänd"),
    ]
    result = progress(promise_with(quota(8), reports=reports), as_of=D(2023, 12, 31))
    assert (2, 0) == (result.activity("a").done, result.reports_outside_period)


def test_an_unstated_amount_is_not_assessable_with_that_reason():
    """ "Ett antal insatser" is not assessable and says why; what was reported is still summed."""
    activity = Activity(
        id="a", title="Insatser", target=Ongoing(unit="insatser", amount_unstated=True)
    )
    follow_up = FollowUp(
        id="f",
        held_on=D(2023, 5, 1),
        assessments=(Assessment(activity="a", verdict=Verdict.DONE),),
    )
    p = promise_with(activity, reports=[done(D(2023, 3, 1), 3)], follow_ups=[follow_up])
    a = progress(p, as_of=D(2023, 6, 30)).activity("a")
    assert (Status.NOT_ASSESSABLE, StatusRule.AMOUNT_UNSTATED, 3) == (
        a.status,
        a.reason.rule,
        a.done,
    )
    assert "f" == a.assessment.follow_up
    expected = (
        "the promise does not state how many insatser it promises, so there is nothing to "
        "count against"
    )
    assert expected == a.reason.text("en")


def _same_as(amount, same_as, unit="kontroller"):
    return Activity(
        id="b",
        title="Motsvarande antal",
        target=PeriodQuota(amount=amount, unit=unit, same_as=same_as),
    )


@pytest.mark.parametrize(
    ("others", "resolved"),
    [
        pytest.param((quota(8), _same_as(8, "a")), True, id="resolved"),
        pytest.param((quota(8), _same_as(8, "x")), False, id="unknown"),
        pytest.param((quota(8), _same_as(9, "a")), False, id="other-amount"),
        pytest.param((quota(8), _same_as(8, "a", unit="timmar")), False, id="other-unit"),
        pytest.param((_same_as(8, "b"),), False, id="itself"),
        pytest.param(
            (
                Activity(
                    id="a", title="A", target=PeriodQuota(amount=8, unit="kontroller", same_as="b")
                ),
                _same_as(8, "a"),
            ),
            False,
            id="circle",
        ),
        pytest.param(
            (Activity(id="a", title="A", target=Ongoing()), _same_as(8, "a")), False, id="no-number"
        ),
    ],
)
def test_a_same_as_quota_is_assessed_only_when_it_resolves(others, resolved):
    """A quota "the same as" another is computed when that amount is there, else not assessable."""
    p = promise_with(*others, reports=[done(D(2023, 3, 1), 2, activity="b")])
    b = progress(p, as_of=D(2023, 6, 30)).activity("b")
    if resolved:
        assert (8, 2) == (b.planned, b.done)
        assert Status.NOT_ASSESSABLE is not b.status
    else:
        assert (Status.NOT_ASSESSABLE, StatusRule.SAME_AS_UNRESOLVED, None, 2) == (
            b.status,
            b.reason.rule,
            b.planned,
            b.done,
        )
        assert b.reason.text().startswith("målet ska vara samma antal som aktiviteten ")


def test_each_party_gets_its_own_result_and_the_worst_decides():
    """Flen on track, Vingåker behind: the activity is behind, naming Vingåker, figures summed."""
    reports = [
        done(D(2023, 2, 1), party="flen"),
        done(D(2023, 4, 1), party="flen"),
        done(D(2023, 6, 1), party="flen"),
        done(D(2023, 3, 1), party="vingaker"),
        done(D(2023, 5, 1), party="vingaker"),
    ]
    p = promise_with(each(), reports=reports, parties=KOMMUNER)
    a = progress(p, as_of=D(2023, 10, 31)).activity("a")
    rows = [(x.party, x.name, x.planned, x.done, x.status) for x in a.parties]
    assert [
        ("flen", "Flens kommun", 4, 3, Status.ON_TRACK),
        ("vingaker", "Vingåkers kommun", 4, 2, Status.BEHIND),
    ] == rows
    assert (8, 5, 5, Status.BEHIND) == (a.planned, a.done, a.counted, a.status)
    assert a.expected == pytest.approx(sum(x.expected for x in a.parties))
    assert a.completion == pytest.approx(5 / 8)
    assert "Vingåkers kommun" == a.reason.party
    assert a.reason.text("en").startswith(
        "Vingåkers kommun: 2 done against 3.33\N{NO-BREAK SPACE}vandringar"
    )


def test_each_counts_a_joint_report_for_every_party_and_an_anonymous_one_for_none():
    """A report naming both parties counts for both; one naming no party counts for neither."""
    reports = [
        done(D(2023, 2, 1), parties=("flen", "vingaker")),
        done(D(2023, 3, 1), party="polisen", parties=("vingaker",)),
        done(D(2023, 4, 1)),
    ]
    p = promise_with(each(), reports=reports, parties=KOMMUNER)
    a = progress(p, as_of=D(2023, 12, 31)).activity("a")
    assert [("flen", 1), ("vingaker", 2)] == [(x.party, x.done) for x in a.parties]
    assert (3, 3) == (a.done, a.reports)


def test_each_party_without_a_party_in_the_promise_is_named_by_id():
    """A responsible id the promise has no party for is shown by its id."""
    p = promise_with(each(responsible=("x", "y")), reports=[done(D(2023, 2, 1), party="y")])
    a = progress(p, as_of=D(2023, 12, 31)).activity("a")
    assert ["x", "y"] == [x.name for x in a.parties]
    assert (Status.MISSED, "x") == (a.status, a.reason.party)


def test_each_milestone_is_met_when_every_party_has_met_it():
    """A milestone each party must reach is met on the day the last one reached it."""
    target = Milestone(due=D(2023, 6, 30))
    reports = [done(D(2023, 3, 1), party="flen"), done(D(2023, 8, 1), party="vingaker")]
    p = promise_with(each(target), reports=reports, parties=KOMMUNER)
    july = progress(p, as_of=D(2023, 7, 31)).activity("a")
    assert (Status.OVERDUE, None, True, "Vingåkers kommun") == (
        july.status,
        july.met_on,
        july.late,
        july.reason.party,
    )
    autumn = progress(p, as_of=D(2023, 9, 30)).activity("a")
    assert (Status.ACHIEVED, D(2023, 8, 1), True, 2, 2) == (
        autumn.status,
        autumn.met_on,
        autumn.late,
        autumn.planned,
        autumn.done,
    )


def test_each_ongoing_work_and_joint_work_have_no_party_rows():
    """Ongoing work is assessed as a whole; work done jointly is not split by party."""
    ongoing = each(Ongoing(), activity_id="o")
    joint = attrs.evolve(each(activity_id="j"), responsibility=Responsibility.JOINT)
    p = promise_with(ongoing, joint, parties=KOMMUNER)
    result = progress(p, as_of=D(2023, 6, 30))
    assert [(), ()] == [result.activity("o").parties, result.activity("j").parties]


def test_each_cancelled_activity_keeps_its_party_rows():
    """A cancelled each activity is cancelled as a whole; its parties' figures stay readable."""
    activity = attrs.evolve(each(), cancelled=Cancellation(date=D(2023, 3, 1)))
    p = promise_with(activity, reports=[done(D(2023, 2, 1), party="flen")], parties=KOMMUNER)
    a = progress(p, as_of=D(2023, 6, 30)).activity("a")
    assert (Status.CANCELLED, [1, 0]) == (a.status, [x.done for x in a.parties])


@given(testing.promises(with_period=True), AS_OF_DATES)
def test_each_activity_sums_its_parties_and_takes_the_worst_status(promise, as_of):
    """An each activity's figures are its parties' sums, its status the lowest-ranked of theirs."""
    result = progress(promise, as_of=as_of)
    for item in result.activities:
        ranked = [x for x in item.parties if x.status.rank is not None]
        if not ranked or item.status is Status.CANCELLED:
            continue
        assert item.done == pytest.approx(sum(x.done for x in item.parties))
        assert item.counted == pytest.approx(sum(x.counted for x in item.parties))
        worst = min(ranked, key=lambda x: x.status.rank)
        assert (worst.status, worst.name) == (item.status, item.reason.party)


# --------------------------------------------------------------------------- #15

TILLSYN = PeriodQuota(amount=1, unit="krogtillsyner", unit_singular="krogtillsyn")


def test_a_reason_bends_the_unit_by_the_forms_the_target_states():
    """The reason of a quota whose unit the catalogue does not know uses the stated singular."""
    activity = Activity(id="a", title="Krogtillsyn", target=TILLSYN)
    reached = progress(promise_with(activity, reports=[done(D(2023, 3, 1))]), as_of=D(2023, 6, 1))
    bare = Activity(id="a", title="Krogtillsyn", target=attrs.evolve(TILLSYN, unit_singular=None))
    plain = progress(promise_with(bare, reports=[done(D(2023, 3, 1))]), as_of=D(2023, 6, 1))
    assert (
        "1 av 1\N{NO-BREAK SPACE}krogtillsyn har genomförts; minst 1 krävs",
        "krogtillsyner: 1 av 1 har genomförts; minst 1 krävs",
    ) == (reached.activity("a").reason.text(), plain.activity("a").reason.text())


def test_each_party_reason_keeps_the_stated_forms():
    """For an activity each party carries out, the deciding party's reason keeps the forms."""
    target = attrs.evolve(TILLSYN, amount=4)
    p = promise_with(each(target), reports=[done(D(2023, 2, 1), party="flen")], parties=KOMMUNER)
    a = progress(p, as_of=D(2023, 10, 31)).activity("a")
    assert (
        ("krogtillsyn", "krogtillsyner"),
        (
            "Flens kommun: 1 done against 3.33\N{NO-BREAK SPACE}krogtillsyner expected so far, "
            "30% of what was "
            "expected; below the risk threshold of 50%"
        ),
    ) == (a.reason.unit_forms, a.reason.text("en"))
