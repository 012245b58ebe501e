import datetime as dt
import importlib.util
import itertools
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Assessment,
    Cadence,
    Cancellation,
    FollowUp,
    FollowUpRule,
    Interval,
    IntervalQuota,
    Milestone,
    MissingExtraError,
    OccasionState,
    Ongoing,
    Period,
    PeriodQuota,
    Promise,
    ReasonCode,
    Recurrence,
    Report,
    ReportKind,
    Schedule,
    Verdict,
    expand_follow_up_rule,
    follow_up_coverage,
    follow_up_occasions,
    interval_table,
    intervals,
    is_working_day,
    next_working_day,
    progress,
)

D = dt.date
TWO_YEARS = Period(start=D(2023, 1, 1), end=D(2024, 12, 31))
BRA = FollowUpRule(
    id="bra", cadence=Cadence.TERTIAL, forum="BRÅ", responsible="kommun", report_due_days=30
)


def tertial(year: int, number: int) -> Period:
    """Return the whole tertial *number* of *year*."""
    return next(
        ri.full for ri in intervals(Period.year(year), Interval.TERTIAL) if ri.number == number
    )


def promise(*, rules=(BRA,), follow_ups=(), activities=(), reports=(), period=TWO_YEARS):
    return Promise(
        id="p",
        title="Löftet",
        period=period,
        follow_up_rules=rules,
        follow_ups=follow_ups,
        activities=activities,
        reports=reports,
    )


def held(fid: str, year: int, number: int, on: dt.date, **kw) -> FollowUp:
    return FollowUp(id=fid, held_on=on, rule="bra", covers=tertial(year, number), **kw)


# --- expansion -----------------------------------------------------------------


def test_tertial_rule_gives_six_occasions_due_thirty_days_after_each_tertial():
    """BRÅ each tertial, due 30 days after: the due dates are the tertial ends plus 30 days."""
    got = expand_follow_up_rule(BRA, TWO_YEARS)
    ends = [ri.period.end for ri in intervals(TWO_YEARS, Interval.TERTIAL)]
    assert [end + dt.timedelta(days=30) for end in ends] == [o.due for o in got]
    assert ["T1 2023", "T2 2023", "T3 2023", "T1 2024", "T2 2024", "T3 2024"] == [
        o.label() for o in got
    ]
    assert (D(2023, 5, 30), "BRÅ", "kommun", "bra") == (
        got[0].due,
        got[0].forum,
        got[0].responsible,
        got[0].rule,
    )


@pytest.mark.parametrize(
    ("cadence", "count"),
    [
        (Cadence.MONTHLY, 24),
        (Cadence.QUARTERLY, 8),
        (Cadence.TERTIAL, 6),
        (Cadence.HALF_YEARLY, 4),
        (Cadence.YEARLY, 2),
        (Cadence.END_OF_PERIOD, 1),
    ],
)
def test_each_interval_cadence_gives_one_occasion_per_interval(cadence, count):
    """A two-year promise has 24 months, 8 quarters, 6 tertials, 4 halves, 2 years, 1 end."""
    assert count == len(expand_follow_up_rule(FollowUpRule(id="r", cadence=cadence), TWO_YEARS))


def test_end_of_period_covers_the_whole_period():
    """The end-of-period occasion covers the period and is due after its last day."""
    (only,) = expand_follow_up_rule(
        FollowUpRule(id="slut", cadence=Cadence.END_OF_PERIOD, report_due_days=60), TWO_YEARS
    )
    assert (
        TWO_YEARS,
        D(2025, 3, 1),
        "hela perioden 2023–2024",
        "whole period 2023–2024",
        "end-of-period",
    ) == (only.covers, only.due, only.label(), only.label("en"), only.key)


def test_mid_year_promise_gets_clipped_first_and_last_occasions():
    """A promise from 1 July 2018 to 30 June 2020 has half-year pieces for 2018 and 2020."""
    period = Period(start=D(2018, 7, 1), end=D(2020, 6, 30))
    got = expand_follow_up_rule(FollowUpRule(id="år", cadence=Cadence.YEARLY), period)
    assert [
        Period(start=D(2018, 7, 1), end=D(2018, 12, 31)),
        Period.year(2019),
        Period(start=D(2020, 1, 1), end=D(2020, 6, 30)),
    ] == [o.covers for o in got]
    assert D(2020, 6, 30) == got[-1].due


FIRST_TUESDAY_OF_QUARTER = Recurrence(rule="FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1TU")


def test_schedule_meetings_cover_the_days_since_the_previous_meeting():
    """First Tuesday of every quarter: each meeting covers the days since the last one."""
    rule = FollowUpRule(
        id="styrgrupp", cadence=Cadence.SCHEDULE, recurrence=FIRST_TUESDAY_OF_QUARTER
    )
    got = expand_follow_up_rule(rule, Period.year(2023))
    meetings = [D(2023, 1, 3), D(2023, 4, 4), D(2023, 7, 4), D(2023, 10, 3)]
    assert meetings == [o.meeting for o in got]
    assert meetings == [o.due for o in got]
    assert [
        Period(start=D(2023, 1, 1), end=D(2023, 1, 3)),
        Period(start=D(2023, 1, 4), end=D(2023, 4, 4)),
        Period(start=D(2023, 4, 5), end=D(2023, 7, 4)),
        Period(start=D(2023, 7, 5), end=D(2023, 10, 3)),
    ] == [o.covers for o in got]
    assert ("möte 4 april 2023", "meeting 4 April 2023", None, "meeting-2023-04-04") == (
        got[1].label(),
        got[1].label("en"),
        got[1].interval,
        got[1].key,
    )


def test_occasion_keys_are_stable_when_the_period_grows():
    """Extending the period keeps the key of the last, growing occasion."""
    short = expand_follow_up_rule(BRA, Period(start=D(2023, 1, 1), end=D(2023, 6, 30)))
    longer = expand_follow_up_rule(BRA, Period.year(2023))
    assert [o.key for o in short] == [o.key for o in longer[:2]]
    assert "tertial-2023-05-01" == short[1].key


def test_occasions_of_a_promise_are_ordered_by_due_date_across_rules():
    """Two rules merge into one calendar ordered by due date."""
    yearly = FollowUpRule(id="ks", cadence=Cadence.YEARLY, forum="kommunstyrelsen")
    got = follow_up_occasions(promise(rules=(BRA, yearly)))
    dues = [o.due for o in got]
    assert sorted(dues) == dues
    assert 8 == len(got)


def test_promise_without_period_has_no_occasions():
    """Without a known period nothing can be expanded."""
    assert () == follow_up_occasions(promise(period=None))


# --- working days --------------------------------------------------------------


def test_due_date_on_a_saturday_moves_to_monday():
    """T2 2023 ends 31 August; 30 days later is Saturday 30 September, so Monday 2 October."""
    got = expand_follow_up_rule(BRA, TWO_YEARS, working_days=True)[1]
    assert (D(2023, 10, 2), D(2023, 9, 30)) == (got.due, got.moved_from)


def test_due_date_on_midsummer_eve_moves_past_the_weekend():
    """Due on midsommarafton 2024 (a Friday) moves to Monday 24 June."""
    rule = FollowUpRule(id="m", cadence=Cadence.MONTHLY, report_due_days=21)
    may = expand_follow_up_rule(rule, Period.year(2024), working_days=True)[4]
    assert (D(2024, 6, 24), D(2024, 6, 21)) == (may.due, may.moved_from)


def test_working_due_date_is_not_moved():
    """A due date on a working day stays where it is."""
    got = expand_follow_up_rule(BRA, TWO_YEARS, working_days=True)[0]
    assert (D(2023, 5, 30), None) == (got.due, got.moved_from)


def test_christmas_and_new_year():
    """Christmas Eve to Boxing Day and New Year's Eve and Day are not working days."""
    assert (D(2023, 12, 27), D(2024, 1, 2)) == (
        next_working_day(D(2023, 12, 24)),
        next_working_day(D(2023, 12, 31)),
    )
    assert [False, True] == [is_working_day(D(2024, 1, 6)), is_working_day(D(2024, 1, 8))]


def test_missing_holidays_extra_is_named(monkeypatch):
    """Without the holidays package the error names the extra to install."""
    monkeypatch.setitem(sys.modules, "holidays", None)
    with pytest.raises(MissingExtraError) as info:
        expand_follow_up_rule(BRA, TWO_YEARS, working_days=True)
    assert "holidays" == info.value.extra
    assert "medborgarlofte[holidays]" in str(info.value)
    assert isinstance(info.value, ImportError)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(dates)
    return Period(start=start, end=start + dt.timedelta(days=draw(st.integers(0, 1200))))


interval_cadences = st.sampled_from([c for c in Cadence if c is not Cadence.SCHEDULE])


@given(period=periods(), cadence=interval_cadences, due_days=st.integers(0, 90))
def test_interval_occasions_partition_the_period(period, cadence, due_days):
    """Occasions of an interval cadence cover the period without gap or overlap."""
    got = expand_follow_up_rule(
        FollowUpRule(id="r", cadence=cadence, report_due_days=due_days), period
    )
    assert period.start == got[0].covers.start
    assert period.end == got[-1].covers.end
    for before, after in itertools.pairwise(got):
        assert before.covers.end + dt.timedelta(days=1) == after.covers.start
    assert [o.covers.end + dt.timedelta(days=due_days) for o in got] == [o.due for o in got]


@given(period=periods(), due_days=st.integers(0, 40))
def test_working_due_dates_are_the_first_working_day_on_or_after(period, due_days):
    """A moved due date is a working day and every day skipped is not."""
    rule = FollowUpRule(id="r", cadence=Cadence.QUARTERLY, report_due_days=due_days)
    plain = expand_follow_up_rule(rule, period)
    moved = expand_follow_up_rule(rule, period, working_days=True)
    for before, after in zip(plain, moved, strict=True):
        assert is_working_day(after.due)
        skipped = (after.due - before.due).days
        assert skipped >= 0
        assert not any(is_working_day(before.due + dt.timedelta(days=i)) for i in range(skipped))


# --- coverage ------------------------------------------------------------------

A1 = Activity(id="a1", title="Trafikkontroller", target=Ongoing(), focus_areas=("trafik",))
A2 = Activity(id="a2", title="Trygghetsvandringar", target=Ongoing(), focus_areas=("trygghet",))
RECORDED = (
    held("u1", 2023, 1, D(2023, 5, 20)),
    held("u2", 2023, 2, D(2023, 9, 20)),
    held("u3", 2023, 3, D(2024, 1, 25)),
)


def test_states_at_the_end_of_june_2024():
    """T1–T3 2023 are held, T1 2024 is overdue, T2 and T3 2024 are upcoming."""
    cov = follow_up_coverage(promise(follow_ups=RECORDED), as_of=D(2024, 6, 30))
    assert [
        ("T1 2023", OccasionState.HELD),
        ("T2 2023", OccasionState.HELD),
        ("T3 2023", OccasionState.HELD),
        ("T1 2024", OccasionState.OVERDUE),
        ("T2 2024", OccasionState.UPCOMING),
        ("T3 2024", OccasionState.UPCOMING),
    ] == [(s.occasion.label(), s.state) for s in cov.statuses]
    assert ["T1 2024"] == [s.occasion.label() for s in cov.overdue]
    assert -31 == cov.overdue[0].days_left
    assert (3, 0, 2) == (len(cov.held), len(cov.due_soon), len(cov.upcoming))
    assert ("u1",) == tuple(f.id for f in cov.held[0].follow_ups)


def test_due_soon_window_includes_the_due_day():
    """An occasion due today or within the window is due soon; one day later is upcoming."""
    p = promise(follow_ups=RECORDED)
    due = D(2024, 5, 30)
    assert [OccasionState.DUE_SOON, OccasionState.DUE_SOON, OccasionState.UPCOMING] == [
        follow_up_coverage(p, as_of=as_of, within_days=10).statuses[3].state
        for as_of in (due, due - dt.timedelta(days=10), due - dt.timedelta(days=11))
    ]


def test_follow_ups_held_after_as_of_do_not_count():
    """A follow-up held after as_of holds nothing yet."""
    cov = follow_up_coverage(promise(follow_ups=RECORDED), as_of=D(2023, 9, 1))
    assert ["u1"] == [f.id for s in cov.held for f in s.follow_ups]


def test_a_late_follow_up_still_holds_the_occasion():
    """A follow-up held after the due date holds the occasion and is marked late."""
    late = held("u1", 2023, 1, D(2023, 6, 15))
    cov = follow_up_coverage(promise(follow_ups=(late,)), as_of=D(2023, 7, 1))
    assert (OccasionState.HELD, True) == (cov.statuses[0].state, cov.statuses[0].late)
    on_time = follow_up_coverage(promise(follow_ups=RECORDED[:1]), as_of=D(2023, 7, 1))
    assert not on_time.statuses[0].late


def test_a_follow_up_without_span_holds_the_latest_ended_interval():
    """Held on 20 September 2023 with no span recorded, it holds T2 2023 only."""
    bare = FollowUp(id="u", held_on=D(2023, 9, 20), rule="bra")
    cov = follow_up_coverage(promise(follow_ups=(bare,)), as_of=D(2023, 12, 1))
    assert ["T2 2023"] == [s.occasion.label() for s in cov.held]


def test_a_follow_up_covering_a_year_holds_each_tertial_and_no_rule_means_any():
    """One follow-up covering 2023 without naming a rule holds all three 2023 tertials."""
    year = FollowUp(id="år", held_on=D(2024, 1, 20), covers=Period.year(2023))
    cov = follow_up_coverage(promise(follow_ups=(year,)), as_of=D(2024, 2, 1))
    assert ["T1 2023", "T2 2023", "T3 2023"] == [s.occasion.label() for s in cov.held]


def test_a_follow_up_covering_part_of_an_interval_does_not_hold_it():
    """Covering only March–April does not hold T1, and the follow-up is unmatched."""
    part = FollowUp(
        id="del",
        held_on=D(2023, 5, 2),
        rule="bra",
        covers=Period(start=D(2023, 3, 1), end=D(2023, 4, 30)),
    )
    cov = follow_up_coverage(promise(follow_ups=(part,)), as_of=D(2023, 6, 30))
    assert ((), ("del",)) == (cov.held, tuple(f.id for f in cov.unmatched))


def test_a_follow_up_naming_another_rule_is_unmatched():
    """A follow-up under an unknown rule holds nothing and is reported as unmatched."""
    other = FollowUp(id="x", held_on=D(2023, 5, 20), rule="okänd", covers=tertial(2023, 1))
    cov = follow_up_coverage(promise(follow_ups=(other,)), as_of=D(2023, 6, 30))
    assert ((), ("x",)) == (cov.held, tuple(f.id for f in cov.unmatched))


def test_gaps_are_activities_without_a_report_in_a_held_interval():
    """a1 reported in T1 2023, a2 did not: a2 is the gap."""
    p = promise(
        follow_ups=(held("u1", 2023, 1, D(2023, 5, 20)),),
        activities=(A1, A2),
        reports=(Report(activity="a1", date=D(2023, 3, 10)),),
    )
    cov = follow_up_coverage(p, as_of=D(2023, 6, 30))
    assert [("a2", "T1 2023", "u1", None)] == [
        (g.activity, g.occasion.label(), g.follow_up, g.assessment) for g in cov.gaps
    ]


def test_an_activity_assessed_at_the_follow_up_is_no_gap():
    """The follow-up said how a2 went, so a2 is not an activity without a report."""
    verdict = Assessment(activity="a2", verdict=Verdict.NOT_DONE, reason=ReasonCode.RESOURCES)
    p = promise(
        follow_ups=(held("u1", 2023, 1, D(2023, 5, 20), assessments=(verdict,)),),
        activities=(A1, A2),
    )
    cov = follow_up_coverage(p, as_of=D(2023, 6, 30))
    assert ["a1"] == [g.activity for g in cov.gaps]


def test_an_interval_that_asks_for_less_than_one_unit_has_no_gap():
    """Twice a year asks for 2/3 in a tertial: no gap without a report; nine a year (3) is one."""
    twice = Activity(
        id="a1",
        title="Vandringar",
        target=IntervalQuota(amount=2, unit="vandringar", per=Interval.YEAR),
    )
    often = Activity(
        id="a2",
        title="Kontroller",
        target=IntervalQuota(amount=9, unit="kontroller", per=Interval.YEAR),
    )
    p = promise(follow_ups=RECORDED[:1], activities=(twice, often))
    assert ["a2"] == [g.activity for g in follow_up_coverage(p, as_of=D(2023, 6, 30)).gaps]


def test_a_report_for_a_period_counts_on_its_last_day():
    """A report covering January–April counts in T1; one ending in May counts in T2."""
    p = promise(
        follow_ups=RECORDED[:2],
        activities=(A1,),
        reports=(Report(activity="a1", period=Period(start=D(2023, 1, 1), end=D(2023, 5, 2))),),
    )
    cov = follow_up_coverage(p, as_of=D(2023, 12, 1))
    assert ["T1 2023"] == [g.occasion.label() for g in cov.gaps]


def test_a_rule_scoped_to_a_focus_area_only_looks_at_its_activities():
    """A rule covering the focus area 'trafik' finds no gap in a2, which serves 'trygghet'."""
    scoped = FollowUpRule(id="bra", cadence=Cadence.TERTIAL, focus_areas=("trafik",))
    listed = FollowUpRule(id="bra", cadence=Cadence.TERTIAL, activities=("a2",))
    found = [
        [
            g.activity
            for g in follow_up_coverage(
                promise(rules=(rule,), follow_ups=RECORDED[:1], activities=(A1, A2)),
                as_of=D(2023, 6, 30),
            ).gaps
        ]
        for rule in (scoped, listed)
    ]
    assert [["a1"], ["a2"]] == found


def test_dropped_and_finished_activities_are_not_gaps():
    """An activity dropped before T2, and a milestone done in T1, leave no gap in T2."""
    dropped = Activity(
        id="d", title="Nedlagd", target=Ongoing(), cancelled=Cancellation(date=D(2023, 4, 1))
    )
    task = Activity(id="m", title="Plan", target=Milestone(due=D(2023, 6, 1)))
    p = promise(
        follow_ups=RECORDED[:2],
        activities=(dropped, task),
        reports=(Report(activity="m", date=D(2023, 2, 1)),),
    )
    cov = follow_up_coverage(p, as_of=D(2023, 12, 1))
    assert [("d", "T1 2023")] == [(g.activity, g.occasion.label()) for g in cov.gaps]


# --- interval table ------------------------------------------------------------


MONDAYS = Schedule(recurrence=Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"), unit="lägesbild")
TABLE_ACTIVITIES = (
    Activity(id="q", title="Kontroller", target=PeriodQuota(amount=731, unit="kontroller")),
    Activity(
        id="y", title="Timmar", target=IntervalQuota(amount=900, unit="timmar", per=Interval.YEAR)
    ),
    Activity(id="s", title="Lägesbild", target=MONDAYS),
    Activity(id="m", title="Plan", target=Milestone(due=D(2023, 3, 1))),
    Activity(id="o", title="Stöd", target=Ongoing()),
)


def test_interval_table_expected_per_target_kind():
    """T1 2023 has 120 of 731 days, 120 of 365 days of 2023, 17 Mondays and the milestone."""
    table = interval_table(promise(activities=TABLE_ACTIVITIES), tertial(2023, 1))
    assert [
        ("q", "period_quota", "kontroller", 731 * 120 / 731),
        ("y", "interval_quota", "timmar", 900 * 120 / 365),
        ("s", "schedule", "lägesbild", 17),
        ("m", "milestone", None, 1.0),
        ("o", "ongoing", None, None),
    ] == [(r.activity, r.kind, r.unit, r.expected) for r in table.rows]


def test_interval_table_reported_counts_done_reports_in_the_interval():
    """Done amounts in the interval add up; a planned report is listed but not counted."""
    reports = (
        Report(activity="q", date=D(2023, 2, 1), amount=40),
        Report(activity="q", date=D(2023, 4, 30), amount=2),
        Report(activity="q", date=D(2023, 5, 1), amount=100),
        Report(activity="q", date=D(2023, 3, 1), amount=9, kind=ReportKind.PLANNED),
        Report(activity="s", date=D(2023, 1, 2)),
        Report(activity="s", date=D(2023, 1, 9)),
        Report(activity="o", date=D(2023, 1, 9)),
    )
    verdict = Assessment(activity="o", verdict=Verdict.ONGOING)
    p = promise(
        activities=TABLE_ACTIVITIES,
        reports=reports,
        follow_ups=(held("u1", 2023, 1, D(2023, 5, 20), assessments=(verdict,)),),
    )
    table = interval_table(p, tertial(2023, 1), activities=["q", "s", "o"])
    assert [("q", 42, 3), ("s", 2, 2), ("o", 0, 1)] == [
        (r.activity, r.reported, len(r.reports)) for r in table.rows
    ]
    assert (verdict,) == table.rows[2].assessments


def test_interval_table_without_period_expects_nothing():
    """Without a period, expected is unknown for every activity."""
    table = interval_table(promise(period=None, activities=TABLE_ACTIVITIES), tertial(2023, 1))
    assert [None] * 5 == [r.expected for r in table.rows]


@given(kind=st.sampled_from([*Interval, None]))
def test_expected_over_consecutive_intervals_adds_up_to_the_whole(kind):
    """Summed over any partition of the period, expected equals the whole period's."""
    p = promise(
        activities=TABLE_ACTIVITIES, period=Period(start=D(2023, 3, 15), end=D(2024, 8, 10))
    )
    assert p.period is not None
    whole = interval_table(p, p.period)
    parts = [interval_table(p, ri.period) for ri in intervals(p.period, kind)]
    for index, row in enumerate(whole.rows[:4]):
        assert row.expected == pytest.approx(sum(t.rows[index].expected for t in parts))


# --- labels --------------------------------------------------------------------


@pytest.mark.parametrize("enum", [Verdict, ReasonCode, Cadence, OccasionState])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_member_has_a_distinct_label(enum, lang):
    """Each verdict, reason, cadence and state has its own label in both languages."""
    labels = [member.label(lang) for member in enum]
    assert len(enum) == len(set(labels))
    assert all(labels)


def test_labels_default_to_swedish():
    """Labels are Swedish unless English is asked for."""
    assert ("ej genomförd", "not done", "annan orsak", "other reason") == (
        Verdict.NOT_DONE.label(),
        Verdict.NOT_DONE.label("en"),
        ReasonCode.OTHER.label(),
        ReasonCode.OTHER.label("en"),
    )


@given(
    start=st.dates(min_value=D(2022, 1, 1), max_value=D(2024, 12, 31)),
    length=st.integers(0, 800),
    kind=st.sampled_from([*Interval, None]),
)
def test_expected_agrees_with_progress(start, length, kind):
    """Expected in an interval is progress's expected at its end less that before its start."""
    period = Period(start=start, end=start + dt.timedelta(days=length))
    p = promise(activities=TABLE_ACTIVITIES, period=period)
    for ri in intervals(period, kind)[:3]:
        after = progress(p, as_of=ri.period.end)
        before = progress(p, as_of=ri.period.start - dt.timedelta(days=1))
        for row in interval_table(p, ri.period).rows:
            end = after.activity(row.activity).expected
            if end is None:
                assert row.expected is None
            else:
                began = before.activity(row.activity).expected or 0
                assert pytest.approx(end - began) == row.expected


# --- the Hofors example ----------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(capsys, *argv: str) -> str:
    """Run examples/hofors_followups.py with *argv* and return what it printed."""
    spec = importlib.util.spec_from_file_location(
        "hofors_followups", EXAMPLES / "hofors_followups.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert 0 == module.main(list(argv))
    return capsys.readouterr().out


def section(text: str, heading: str) -> list[str]:
    """Return the lines under *heading*, up to the next blank line."""
    return text.split(heading + "\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_hofors_example_shows_t1_2024_overdue_at_midsummer_2024(capsys):
    """At 2024-06-30 the only overdue follow-up is T1 2024, due 30 May, 31 days earlier."""
    out = run_example(capsys)
    assert [
        "  T1 2024 (2024-01-01–2024-04-30), BRÅ: skulle redovisas senast 2024-05-30, 31 dagar sedan"
    ] == section(out, "Försenade per 2024-06-30:")


def test_hofors_example_in_english_later_and_as_a_calendar(capsys, tmp_path):
    """In October 2024 T1 and T2 2024 are overdue; the calendar file is written too."""
    ics = tmp_path / "hofors.ics"
    out = run_example(capsys, "--as-of", "2024-10-15", "--lang", "en", "--ics", str(ics))
    assert [
        "  T1 2024 (2024-01-01–2024-04-30), BRÅ: was due 2024-05-30, 138 days ago",
        "  T2 2024 (2024-05-01–2024-08-31), BRÅ: was due 2024-09-30, 15 days ago",
    ] == section(out, "Overdue as of 2024-10-15:")
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
