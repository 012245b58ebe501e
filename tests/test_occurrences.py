"""Each closed form of a schedule's dates gives dateutil's dates, shape by shape."""

import datetime as dt

import pytest
from dateutil import rrule
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import Period, Recurrence
from medborgarlofte._compute.occurrences import closed_form, occurrence_ordinals

D = dt.date
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

WINDOWS = st.builds(
    lambda start, days: Period(start=start, end=start + dt.timedelta(days=days)),
    st.dates(D(2019, 1, 1), D(2025, 12, 31)),
    st.integers(0, 800),
)


def dateutil_ordinals(rule, dtstart, window):
    """Return dateutil's dates of *rule* from *dtstart* inside *window*, as ordinals."""
    based = rrule.rrulestr(rule, dtstart=dt.datetime.combine(dtstart, dt.time()))
    bounds = (
        dt.datetime.combine(window.start, dt.time()),
        dt.datetime.combine(window.end, dt.time()),
    )
    return [day.toordinal() for day in based.between(*bounds, inc=True)]


@st.composite
def endings(draw):
    """Draw the parts every shape may have: INTERVAL and UNTIL."""
    parts = []
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    if draw(st.booleans()):
        until = draw(st.dates(D(2019, 1, 1), D(2028, 1, 1))).strftime("%Y%m%d")
        parts.append(f"UNTIL={until}{draw(st.sampled_from(['', 'T000000', 'T235959']))}")
    return parts


@st.composite
def daily(draw):
    """Draw a daily rule without BY parts."""
    return ";".join(["FREQ=DAILY", *draw(endings())])


@st.composite
def weekly(draw):
    """Draw a weekly rule on plain weekdays (or DTSTART's), with any week start."""
    parts = ["FREQ=WEEKLY", *draw(endings())]
    days = draw(st.lists(st.sampled_from(DAYS), max_size=4, unique=True))
    if days:
        parts.append("BYDAY=" + ",".join(days))
    if draw(st.booleans()):
        parts.append(f"WKST={draw(st.sampled_from(DAYS))}")
    return ";".join(parts)


@st.composite
def monthly_by_day_of_month(draw):
    """Draw a monthly rule on days of the month (or DTSTART's), the 29th to 31st and -1 too."""
    parts = ["FREQ=MONTHLY", *draw(endings())]
    choices = [1, 5, 15, 28, 29, 30, 31, -1, -3]
    days = draw(st.lists(st.sampled_from(choices), max_size=3, unique=True))
    if days:
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    return ";".join(parts)


@st.composite
def monthly_by_weekday(draw):
    """Draw a monthly rule on weekdays: every one, or the first to fifth, or from the end."""
    parts = ["FREQ=MONTHLY", *draw(endings())]
    days = draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):  # ordinal weekdays: all of them, or none (see the next test)
        ordinals = st.sampled_from(["1", "2", "4", "5", "-1", "-2", "-5", "+3"])
        days = [draw(ordinals) + day for day in days]
    parts.append("BYDAY=" + ",".join(days))
    return ";".join(parts)


@st.composite
def yearly(draw):
    """Draw a yearly rule by months and days of the month (or DTSTART's)."""
    parts = ["FREQ=YEARLY", *draw(endings())]
    if draw(st.booleans()):
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    if draw(st.booleans()):
        days = draw(st.lists(st.sampled_from([1, 5, 15, 28, -1]), min_size=1, max_size=2))
        parts.append("BYMONTHDAY=" + ",".join(map(str, sorted(set(days)))))
    return ";".join(parts)


SHAPES = {
    "daily": daily(),
    "weekly": weekly(),
    "monthly by day of month": monthly_by_day_of_month(),
    "monthly by weekday": monthly_by_weekday(),
    "yearly": yearly(),
}


@pytest.mark.parametrize("shape", list(SHAPES))
@given(data=st.data(), window=WINDOWS, shift=st.integers(-400, 60))
def test_each_closed_form_gives_dateutils_dates(shape, data, window, shift):
    """Every rule of each shape has a closed form, and it gives exactly dateutil's dates."""
    rule = data.draw(SHAPES[shape], label="rule")
    dtstart = window.start + dt.timedelta(days=shift)
    fast = closed_form(rule, dtstart, window.start, window.end)
    assert fast is not None
    assert dateutil_ordinals(rule, dtstart, window) == list(fast)


@pytest.mark.parametrize(
    ("rule", "dtstart"),
    [
        ("FREQ=MONTHLY;BYDAY=MO,TH", D(2023, 1, 1)),
        ("FREQ=MONTHLY;BYDAY=5FR,-5MO", D(2023, 1, 1)),
        ("FREQ=MONTHLY", D(2023, 1, 31)),
        ("FREQ=YEARLY;BYMONTH=3,9", D(2023, 1, 15)),
        ("FREQ=YEARLY;INTERVAL=2", D(2020, 2, 29)),
        ("FREQ=WEEKLY;INTERVAL=3;WKST=SU", D(2023, 1, 4)),
        ("FREQ=DAILY;INTERVAL=10;UNTIL=20231120T120000", D(2022, 12, 25)),
    ],
)
def test_closed_form_edge_shapes_match_dateutil(rule, dtstart):
    """Plain weekdays in a month, missing fifth weekdays, short months, leap days, WKST, UNTIL."""
    window = Period(start=D(2023, 1, 1), end=D(2025, 12, 31))
    expected = dateutil_ordinals(rule, dtstart, window)
    assert expected == list(closed_form(rule, dtstart, window.start, window.end))


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYDAY=MO",
        "FREQ=WEEKLY;BYDAY=1MO",
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1",
        "FREQ=MONTHLY;BYMONTH=3",
        "FREQ=YEARLY;BYDAY=MO",
        "FREQ=MONTHLY;UNTIL=20240101T000000Z",
        "FREQ=MONTHLY;INTERVAL=0",
        "FREQ=HOURLY",
        "FREQ=MONTHLY;BYDAY=XX",
        "FREQ=WEEKLY;COUNT=3",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
        "FREQ=MONTHLY;BYDAY=1MO,TU",
    ],
)
def test_rules_without_a_closed_form_go_to_dateutil(rule):
    """Shapes the closed forms do not cover are left to dateutil.

    Among them plain and ordinal weekdays in one monthly rule, which dateutil
    reads as days matching both.
    """
    assert None is closed_form(rule, D(2023, 1, 1), D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    "rule", ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;COUNT=3", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1"]
)
def test_occurrence_ordinals_are_the_rules_dates(rule):
    """With or without a closed form, the ordinals are the recurrence's own dates."""
    window = Period(start=D(2024, 1, 1), end=D(2024, 6, 30))
    dates = Recurrence(rule=rule).dates(start=window.start, end=window.end, dtstart=D(2023, 12, 20))
    expected = [day.toordinal() for day in dates]
    actual = occurrence_ordinals(Recurrence(rule=rule), D(2023, 12, 20), window.start, window.end)
    assert expected == list(actual)
