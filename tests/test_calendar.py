import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Interval,
    Period,
    ReportingInterval,
    end_of_period,
    interval_containing,
    intervals,
)

D = dt.date


def spans(kind: Interval | None, period: Period) -> list[tuple[str, str]]:
    """Return (label, clipped span) of each interval, for compact expectations."""
    return [(ri.label(), str(ri.period)) for ri in intervals(period, kind)]


def test_tertials_of_a_mid_year_promise_are_clipped_at_both_ends():
    """A promise from 1 July 2018 to 30 June 2020 starts inside T2 2018 and ends inside T2 2020."""
    period = Period(start=D(2018, 7, 1), end=D(2020, 6, 30))
    expected = [
        ("T2 2018", "2018-07-01–2018-08-31"),
        ("T3 2018", "2018-09-01–2018-12-31"),
        ("T1 2019", "2019-01-01–2019-04-30"),
        ("T2 2019", "2019-05-01–2019-08-31"),
        ("T3 2019", "2019-09-01–2019-12-31"),
        ("T1 2020", "2020-01-01–2020-04-30"),
        ("T2 2020", "2020-05-01–2020-06-30"),
    ]
    assert expected == spans(Interval.TERTIAL, period)


def test_first_and_last_pieces_know_they_are_partial():
    """Only the clipped intervals are partial, and they keep the whole calendar interval."""
    got = intervals(Period(start=D(2018, 7, 1), end=D(2020, 6, 30)), Interval.TERTIAL)
    assert [True, False, False, False, False, False, True] == [ri.partial for ri in got]
    assert Period(start=D(2018, 5, 1), end=D(2018, 8, 31)) == got[0].full


def test_leap_day_falls_in_february_q1_t1_and_h1():
    """29 February 2024 belongs to February, Q1, T1 and H1, whose ends are right."""
    day = D(2024, 2, 29)
    expected = [
        Period(start=D(2024, 2, 1), end=D(2024, 2, 29)),
        Period(start=D(2024, 1, 1), end=D(2024, 3, 31)),
        Period(start=D(2024, 1, 1), end=D(2024, 4, 30)),
        Period(start=D(2024, 1, 1), end=D(2024, 6, 30)),
        Period(start=D(2024, 1, 1), end=D(2024, 12, 31)),
    ]
    kinds = [Interval.MONTH, Interval.QUARTER, Interval.TERTIAL, Interval.HALF_YEAR, Interval.YEAR]
    assert expected == [interval_containing(day, kind) for kind in kinds]


def test_february_of_a_common_year_ends_on_the_28th():
    """February 2023 has 28 days and February 2024 has 29."""
    assert [28, 29] == [
        interval_containing(D(year, 2, 10), Interval.MONTH).days for year in (2023, 2024)
    ]


def test_leap_year_has_366_days_in_its_year_interval():
    """The year interval of 2024 is 366 days and of 2100 (not a leap year) 365."""
    assert [366, 365] == [
        interval_containing(D(year, 3, 1), Interval.YEAR).days for year in (2024, 2100)
    ]


def test_promise_starting_on_a_leap_day():
    """A promise from 29 February 2024 gets a one-day February and a short Q1."""
    period = Period(start=D(2024, 2, 29), end=D(2024, 4, 15))
    assert [
        ("februari 2024", "2024-02-29–2024-02-29"),
        ("mars 2024", "2024-03-01–2024-03-31"),
        ("april 2024", "2024-04-01–2024-04-15"),
    ] == spans(Interval.MONTH, period)
    assert [("Q1 2024", "2024-02-29–2024-03-31"), ("Q2 2024", "2024-04-01–2024-04-15")] == spans(
        Interval.QUARTER, period
    )


def test_one_day_period_is_one_interval_of_every_kind():
    """A one-day period gives exactly one interval of each kind, one day long."""
    day = D(2024, 5, 1)
    period = Period(start=day, end=day)
    for kind in (*Interval, None):
        (only,) = intervals(period, kind)
        assert (period, 1) == (only.period, only.period.days)


def test_one_day_period_on_new_years_eve_is_in_the_next_iso_year_week():
    """31 December 2024 is a Tuesday in ISO week 1 of 2025."""
    day = D(2024, 12, 31)
    (only,) = intervals(Period(start=day, end=day), Interval.WEEK)
    assert ("vecka 1 2025", "week 1 2025", 2025, 1) == (
        only.label(),
        only.label("en"),
        only.year,
        only.number,
    )


def test_weeks_across_a_year_end_use_iso_years():
    """The last days of 2020 are in week 53 of 2020 and the first of 2021 too."""
    period = Period(start=D(2020, 12, 25), end=D(2021, 1, 10))
    assert [
        ("vecka 52 2020", "2020-12-25–2020-12-27"),
        ("vecka 53 2020", "2020-12-28–2021-01-03"),
        ("vecka 1 2021", "2021-01-04–2021-01-10"),
    ] == spans(Interval.WEEK, period)


def test_period_across_a_year_end_splits_at_new_year():
    """A winter promise from November to February splits into T3 and T1 at new year."""
    period = Period(start=D(2023, 11, 15), end=D(2024, 2, 14))
    assert [("T3 2023", "2023-11-15–2023-12-31"), ("T1 2024", "2024-01-01–2024-02-14")] == spans(
        Interval.TERTIAL, period
    )
    assert [("H2 2023", "2023-11-15–2023-12-31"), ("H1 2024", "2024-01-01–2024-02-14")] == spans(
        Interval.HALF_YEAR, period
    )
    assert [("2023", "2023-11-15–2023-12-31"), ("2024", "2024-01-01–2024-02-14")] == spans(
        Interval.YEAR, period
    )


def test_labels_in_swedish_and_english():
    """Quarters, half-years and months read naturally in both languages."""
    period = Period(start=D(2023, 7, 1), end=D(2023, 9, 30))
    quarter = intervals(period, Interval.QUARTER)[0]
    half = intervals(period, Interval.HALF_YEAR)[0]
    month = intervals(period, Interval.MONTH)[2]
    assert ("Q3 2023", "Q3 2023", "H2 2023", "september 2023", "September 2023") == (
        quarter.label(),
        quarter.label("en"),
        half.label(),
        month.label(),
        month.label("en"),
    )
    assert "Q3 2023" == str(quarter)


def test_end_of_period_is_the_whole_period():
    """The end-of-period interval is the whole period, not partial, number 1."""
    period = Period(start=D(2018, 7, 1), end=D(2020, 6, 30))
    whole = end_of_period(period)
    assert (None, period, period, False, 1, 2018) == (
        whole.kind,
        whole.full,
        whole.period,
        whole.partial,
        whole.number,
        whole.year,
    )
    assert (whole,) == intervals(period, None)


def test_end_of_period_labels():
    """Whole calendar years are named by year; other periods by their dates."""
    assert [
        "hela perioden 2023–2024",
        "whole period 2023",
        "hela perioden 1 juli 2018 – 30 juni 2020",
    ] == [
        end_of_period(Period(start=D(2023, 1, 1), end=D(2024, 12, 31))).label(),
        end_of_period(Period.year(2023)).label("en"),
        end_of_period(Period(start=D(2018, 7, 1), end=D(2020, 6, 30))).label(),
    ]


def test_a_period_ending_on_the_first_day_of_an_interval_gets_a_one_day_last_piece():
    """A period ending on 1 May gets a one-day T2."""
    period = Period(start=D(2024, 1, 1), end=D(2024, 5, 1))
    assert [("T1 2024", "2024-01-01–2024-04-30"), ("T2 2024", "2024-05-01–2024-05-01")] == spans(
        Interval.TERTIAL, period
    )


dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(dates)
    length = draw(st.integers(min_value=0, max_value=1500))
    return Period(start=start, end=start + dt.timedelta(days=length))


kinds = st.sampled_from([*Interval, None])


@given(period=periods(), kind=kinds)
def test_intervals_partition_the_period(period, kind):
    """The clipped intervals follow each other without gap or overlap and make up the period."""
    got = intervals(period, kind)
    assert period.start == got[0].period.start
    assert period.end == got[-1].period.end
    for before, after in itertools.pairwise(got):
        assert before.period.end + dt.timedelta(days=1) == after.period.start
    assert period.days == sum(ri.period.days for ri in got)


@given(period=periods(), kind=st.sampled_from(list(Interval)))
def test_each_piece_lies_in_its_calendar_interval(period, kind):
    """Every piece lies in its whole interval, which is the one containing its first day."""
    for ri in intervals(period, kind):
        assert ri.full.covers(ri.period)
        assert ri.full == interval_containing(ri.period.start, kind)
        assert ri.partial == (ri.period != ri.full)


@given(day=dates, kind=st.sampled_from(list(Interval)))
def test_interval_containing_contains_the_day_and_is_aligned(day, kind):
    """The containing interval holds the day and starts on a Monday or a first of month."""
    full = interval_containing(day, kind)
    assert full.contains(day)
    if kind is Interval.WEEK:
        assert (0, 7) == (full.start.weekday(), full.days)
    else:
        assert (1, 1) == (full.start.day, (full.end + dt.timedelta(days=1)).day)


@given(day=dates)
def test_numbers_match_the_month(day):
    """The tertial, quarter and half-year numbers follow from the month."""
    month = day.month
    got = [
        ReportingInterval(
            kind=kind, full=interval_containing(day, kind), period=Period(start=day, end=day)
        ).number
        for kind in (Interval.TERTIAL, Interval.QUARTER, Interval.HALF_YEAR, Interval.MONTH)
    ]
    assert [(month - 1) // 4 + 1, (month - 1) // 3 + 1, (month - 1) // 6 + 1, month] == got
