import calendar
import datetime as dt

import pytest
from dateutil import rrule
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

from medborgarlofte import InvalidValueError, Recurrence
from medborgarlofte._model import recurrence as _recurrence
from medborgarlofte._model.recurrence import _first_day, _walk


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=FOO",
        "BYDAY=MO",
        "DTSTART:20240101\nRRULE:FREQ=DAILY",
        "FREQ=DAILY;COUNT=x",
        "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=6MO",
    ],
)
def test_unreadable_or_impossible_rules_are_refused(text):
    """A rule dateutil cannot read, or one that can never occur, is refused with its code."""
    with pytest.raises(InvalidValueError) as info:
        Recurrence(rule=text)
    assert ("invalid-rrule", "rule") == (info.value.code, info.value.field)


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=MONTHLY;BYMONTHDAY=-31",
        "FREQ=MONTHLY;BYDAY=5MO,-1FR",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
    ],
)
def test_rare_but_possible_rules_are_kept(text):
    """Rules that occur only in some years or months are valid and kept as written."""
    assert text == Recurrence(rule=text).rule


def test_dates_agree_with_dateutil_and_respect_dtstart():
    """Occurrences in a window match dateutil's own expansion from the given start."""
    rec = Recurrence(rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10")
    start, end, dtstart = dt.date(2024, 3, 1), dt.date(2024, 6, 30), dt.date(2024, 1, 1)
    expected = tuple(
        d.date()
        for d in rrule.rrulestr(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10",
            dtstart=dt.datetime(2024, 1, 1),  # noqa: DTZ001 - naive, as the library uses
        )
        if start <= d.date() <= end
    )
    assert expected == rec.dates(start=start, end=end, dtstart=dtstart)
    assert len(expected) == rec.count(start=start, end=end, dtstart=dtstart)


def test_str_is_the_rule_as_written():
    """A rule prints exactly as it was written, prefix and all."""
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO" == str(Recurrence(rule="RRULE:FREQ=WEEKLY;BYDAY=MO"))


def test_empty_window_has_no_dates():
    """A window that ends before it starts holds no occurrence."""
    rec = Recurrence(rule="FREQ=DAILY")
    assert () == rec.dates(start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 1))


D = dt.date


def _days(start, end):
    return [D.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1)]


def _week(day):
    return day.isocalendar().week


# The rules that made dateutil search up to year 9999 (seconds each), with a
# start on a Monday; they are now answered from the last 400-year cycle.
RUNAWAY = [
    "FREQ=DAILY;BYWEEKNO=1;BYMONTH=6",
    "FREQ=WEEKLY;BYWEEKNO=1;BYMONTH=6",
    "FREQ=DAILY;BYYEARDAY=366;BYMONTH=1",
    "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
]


@pytest.mark.parametrize("text", RUNAWAY)
def test_rules_that_never_occur_give_no_dates(text):
    """A rule with no date in or after the window gives none, and the schedule check agrees."""
    monday, end = D(2023, 1, 2), D(2024, 12, 31)
    assert () == Recurrence(rule=text).dates(start=monday, end=end)
    assert None is _first_day(text, monday, monday, end)


@pytest.mark.parametrize(
    ("text", "dtstart", "expected"),
    [
        (
            "FREQ=DAILY;BYWEEKNO=1;BYMONTH=1",
            D(2023, 1, 2),
            [d for d in _days(D(2023, 1, 2), D(2024, 12, 31)) if (d.month, _week(d)) == (1, 1)],
        ),
        (
            "FREQ=WEEKLY;BYWEEKNO=1;BYMONTH=12",
            D(2023, 1, 2),
            [D(2024, 12, 30), D(2024, 12, 31)],
        ),
        ("FREQ=DAILY;BYYEARDAY=366;BYMONTH=12", D(2023, 1, 2), [D(2024, 12, 31)]),
        (
            "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
            D(2023, 1, 3),
            [d for d in _days(D(2023, 1, 3), D(2024, 12, 31)) if d.weekday() == 1],
        ),
    ],
)
def test_rules_near_the_runaway_ones_give_their_dates(text, dtstart, expected):
    """Rules close to the runaway ones give the days the calendar says, from their start."""
    rec = Recurrence(rule=text)
    assert tuple(expected) == rec.dates(start=D(2023, 1, 1), end=D(2024, 12, 31), dtstart=dtstart)
    assert expected[0] == _first_day(text, dtstart, D(2023, 1, 1), D(2024, 12, 31))


def test_easter_is_walked_as_it_is():
    """BYEASTER does not repeat with the 400-year cycle and still gives dateutil's dates."""
    easter = Recurrence(rule="FREQ=YEARLY;BYEASTER=0")
    assert (D(2024, 3, 31),) == easter.dates(start=D(2024, 1, 1), end=D(2024, 12, 31))


@pytest.mark.parametrize(
    "text", ["FREQ=HOURLY;BYWEEKNO=1;BYMONTH=6", "FREQ=HOURLY;INTERVAL=7;BYWEEKNO=1;BYMONTH=6"]
)
def test_hourly_rules_that_never_occur_give_no_dates(text):
    """An hourly rule with no time in or after the window gives none, and quickly."""
    assert () == Recurrence(rule=text).dates(start=D(2024, 1, 1), end=D(2024, 12, 31))
    assert None is _first_day(text, D(2024, 1, 1), D(2024, 1, 1), D(2024, 12, 31))


def test_hourly_rules_keep_their_times_when_the_window_moves():
    """Times of day, the INTERVAL phase, COUNT and BYSETPOS survive the shift by whole cycles."""
    start, first, last = (
        dt.datetime(2024, 6, 1),  # noqa: DTZ001 - naive, as the library uses
        dt.datetime(2024, 6, 3, 5),  # noqa: DTZ001
        dt.datetime(2024, 6, 3, 23, 59),  # noqa: DTZ001
    )
    text = "FREQ=HOURLY;INTERVAL=5;BYDAY=MO;BYMINUTE=15;BYSETPOS=-1;COUNT=50"
    expected = rrule.rrulestr(text, dtstart=start).between(first, last, inc=True)
    assert expected == list(_walk(text, start.date(), first, last))
    assert D(2024, 6, 3) == _first_day(
        "FREQ=HOURLY;BYDAY=MO", D(2024, 6, 1), D(2024, 6, 1), D(2024, 6, 9)
    )


@settings(max_examples=min(settings.default.max_examples, 100))
@given(low=st.integers(1, 9998), span=st.integers(0, 40))
@example(low=2022, span=3)  # a promise of today
@example(low=1899, span=3)  # 1900 is no leap year: only whole cycles are twins
@example(low=9990, span=3)  # no later twin
def test_twin_years_are_the_latest_run_with_the_same_calendars(low, span):
    """The walk moves to the latest run of years ending by 9998 that is the same, day by day."""
    high = low + span
    assume(high <= 9998)
    days = _recurrence._twin_years(low, high)

    def same(twin):
        return all(
            calendar.isleap(low + k) == calendar.isleap(twin + k)
            and D(low + k, 1, 1).weekday() == D(twin + k, 1, 1).weekday()
            for k in range(span + 1)
        )

    later = [twin for twin in range(low + 1, 9998 - span + 1) if same(twin)]
    if days is None:
        assert [] == later
    else:
        twin = (D(low, 1, 1) + dt.timedelta(days=days)).year
        assert (twin, D(twin, 1, 1)) == (max(later), D(low, 1, 1) + dt.timedelta(days=days))


def test_a_window_of_today_is_walked_near_the_end_of_the_range():
    """A promise of today is walked within a few decades of year 9999, not up to 400 years."""
    start, last = dt.datetime(2023, 1, 1), dt.datetime(2024, 12, 31)  # noqa: DTZ001
    moved = start + _recurrence._move("FREQ=DAILY;BYWEEKNO=1;BYMONTH=6", start, last)
    assert 9960 <= moved.year
    assert (moved.month, moved.day, moved.weekday()) == (1, 1, start.weekday())


def test_until_is_kept_when_the_window_moves():
    """UNTIL still ends the rule, before, inside or after the window."""

    def dates(until):
        rec = Recurrence(rule=f"FREQ=MONTHLY;BYMONTHDAY=15;UNTIL={until}")
        return rec.dates(start=D(2024, 1, 1), end=D(2024, 4, 30), dtstart=D(2023, 1, 1))

    assert () == dates("20231231")
    assert (D(2024, 1, 15), D(2024, 2, 15)) == dates("20240215")
    assert (D(2024, 1, 15), D(2024, 2, 15), D(2024, 3, 15), D(2024, 4, 15)) == dates("99991231")


def test_a_time_of_day_on_the_last_day_of_the_window_counts():
    """The window ends at the end of its last day, not at its midnight."""
    fridays_at_six = Recurrence(rule="FREQ=WEEKLY;BYDAY=FR;BYHOUR=18")
    assert (D(2024, 1, 5),) == fridays_at_six.dates(start=D(2024, 1, 1), end=D(2024, 1, 5))
    assert 1 == fridays_at_six.count(start=D(2024, 1, 5), end=D(2024, 1, 5))


def test_a_start_after_the_window_gives_no_dates():
    """Nothing occurs before the rule's start, even for a rule that never occurs."""
    rec = Recurrence(rule="FREQ=DAILY;BYWEEKNO=1;BYMONTH=6")
    assert () == rec.dates(start=D(2024, 1, 1), end=D(2024, 1, 31), dtstart=D(2024, 2, 1))


def test_the_last_week_of_9999():
    """dateutil's failure on the days of year 10000 never cuts a window short."""
    saturdays_in_january = Recurrence(rule="FREQ=WEEKLY;BYDAY=SA;BYMONTH=1")
    assert () == saturdays_in_january.dates(start=D(9999, 12, 1), end=D(9999, 12, 20))
    saturdays = Recurrence(rule="FREQ=WEEKLY;BYDAY=SA")
    assert () == saturdays.dates(start=D(9999, 12, 26), end=D(9999, 12, 31))
    # From a start in the first 400 years, walked as it is: 521,722 weeks from
    # Monday 1 January 1 is Monday 27 December 9999, and Saturday is in 10000.
    mondays_and_saturdays = Recurrence(rule="FREQ=WEEKLY;INTERVAL=521722;BYDAY=MO,SA")
    assert (D(9999, 12, 27),) == mondays_and_saturdays.dates(
        start=D(9999, 12, 20), end=D(9999, 12, 31), dtstart=D(1, 1, 1)
    )
    # BYSETPOS needs the whole week, 1 January 10000 too: walked 400 years earlier.
    first_and_last = Recurrence(rule="FREQ=WEEKLY;BYDAY=MO,SA;BYSETPOS=1,-1")
    expected = (D(9999, 12, 20), D(9999, 12, 25), D(9999, 12, 27))
    assert expected == first_and_last.dates(
        start=D(9999, 12, 20), end=D(9999, 12, 31), dtstart=D(9999, 12, 6)
    )


def test_the_last_week_of_9999_from_the_first_400_years_is_an_error():
    """A start too early to walk 400 years earlier gives a clear error, not dateutil's."""
    # 521,722 weeks from Monday 1 January 1 is Monday 27 December 9999.
    rec = Recurrence(rule="FREQ=WEEKLY;INTERVAL=521722;BYDAY=MO,SA;BYSETPOS=1,-1")
    with pytest.raises(InvalidValueError, match="last week of year 9999") as info:
        rec.dates(start=D(9999, 12, 20), end=D(9999, 12, 31), dtstart=D(1, 1, 1))
    assert ("invalid-rrule", "rule") == (info.value.code, info.value.field)


def test_any_other_failure_of_dateutil_is_an_error_not_fewer_dates(monkeypatch):
    """A ValueError from dateutil other than its stumble over year 10000 is not swallowed."""

    class Failing:
        _until = None
        _bysetpos = None

        def replace(self, *, dtstart, until):  # noqa: ARG002 - the real signature
            self.start = dtstart  # moved by whole cycles, as the real rule would be
            return self

        def __iter__(self):
            yield self.start
            msg = "something else"
            raise ValueError(msg)

    monkeypatch.setattr(_recurrence, "_parse", lambda _rule: Failing())
    walk = _walk("FREQ=DAILY", D(2024, 1, 1), dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 9))  # noqa: DTZ001
    assert dt.datetime(2024, 1, 1) == next(walk)  # noqa: DTZ001
    with pytest.raises(InvalidValueError, match="cannot be expanded: something else") as info:
        next(walk)
    assert ("invalid-rrule", "rule") == (info.value.code, info.value.field)


# Rules dateutil reads but fails on (IndexError, ValueError), never finishes, or
# gets wrong, found by trying every BY part at and beyond its limits.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FREQ=YEARLY;BYDAY=MO,53MO;BYMONTH=12", "BYDAY=53MO: no month has more than 5"),
        ("FREQ=MONTHLY;BYDAY=MO,53MO", "BYDAY=53MO: no month has more than 5"),
        ("FREQ=MONTHLY;BYDAY=1MO,-6FR", "BYDAY=-6FR: no month has more than 5"),
        ("FREQ=YEARLY;BYDAY=56MO", "BYDAY=56MO: no year has more than 53"),
        ("FREQ=YEARLY;BYDAY=-54SU", "BYDAY=-54SU: no year has more than 53"),
        ("FREQ=YEARLY;BYEASTER=251", "BYEASTER=251: the day must fall in Easter's own year"),
        ("FREQ=DAILY;BYEASTER=-81", "BYEASTER=-81: the day must fall in Easter's own year"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0: the interval must be a whole number from 1"),
        ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL=-1: the interval must be a whole number from 1"),
        ("FREQ=HOURLY;BYHOUR=24", "BYHOUR=24: a time of day has hours from 0 to 23"),
        ("FREQ=HOURLY;BYHOUR=-1", "BYHOUR=-1: a time of day has hours from 0 to 23"),
        ("FREQ=HOURLY;BYMINUTE=60", "BYMINUTE=60: a time of day has minutes from 0 to 59"),
        ("FREQ=SECONDLY;BYSECOND=60", "BYSECOND=60: a time of day has seconds from 0 to 59"),
        ("FREQ=HOURLY;BYSETPOS=2", "BYSETPOS=2 picks past the 1 time(s) a period can have"),
        (
            "FREQ=HOURLY;BYMINUTE=0,30;BYSETPOS=3,-3",
            "BYSETPOS=3,-3 picks past the 2 time(s) a period can have",
        ),
        ("FREQ=DAILY;BYSETPOS=-2", "BYSETPOS=-2 picks past the 1 time(s) a period can have"),
        # A schedule counts occasions of work, and progress, the follow-up
        # calendar and iCalendar export list every one: at most hourly, and at
        # most 24 times a day.
        ("FREQ=MINUTELY", "FREQ=MINUTELY: a schedule here occurs at most once an hour"),
        # dateutil reads a second prefix as part of the rule, past the checks.
        ("RRULE:RRULE:FREQ=MINUTELY", "write RRULE: at most once"),
        ("RRULE: rrule:FREQ=HOURLY;BYSETPOS=30", "write RRULE: at most once"),
        ("FREQ=MINUTELY;INTERVAL=120;BYHOUR=1", "FREQ=MINUTELY: a schedule here"),
        ("FREQ=SECONDLY;INTERVAL=86400", "FREQ=SECONDLY: a schedule here"),
        ("FREQ=HOURLY;BYMINUTE=0,30", "the rule can occur 48 times a day"),
        ("FREQ=HOURLY;INTERVAL=5;BYSECOND=0,1,2,3,4,5", "the rule can occur 30 times a day"),
        ("FREQ=WEEKLY;BYHOUR=1,2,3,4,5;BYMINUTE=0,10,20,30,40", "the rule can occur 25 times"),
    ],
)
def test_rules_dateutil_cannot_expand_or_that_occur_too_often_are_refused(text, message):
    """Such a rule is refused when it is built, and the message names the mistake."""
    with pytest.raises(InvalidValueError) as info:
        Recurrence(rule=text)
    assert ("invalid-rrule", "rule") == (info.value.code, info.value.field)
    assert message in info.value.message_en


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYDAY=53MO,-53SU",
        "FREQ=MONTHLY;BYDAY=5MO,-5FR",
        "FREQ=WEEKLY;BYDAY=6MO",  # dateutil ignores ordinals in a week
        "FREQ=DAILY;BYMONTH=1;BYDAY=6MO",  # and in a day: every Monday in January
        "FREQ=YEARLY;BYEASTER=-80,0,250",
        "FREQ=HOURLY;INTERVAL=2;BYMINUTE=0,30;BYSETPOS=2,-3",
    ],
)
def test_rules_at_the_limits_are_kept(text):
    """Rules at the edge of what can occur are valid, and dateutil expands them."""
    rec = Recurrence(rule=text)
    assert rec.dates(start=D(2024, 1, 1), end=D(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("FREQ=HOURLY", 24),
        ("FREQ=HOURLY;INTERVAL=5", 5),
        ("FREQ=HOURLY;INTERVAL=7;BYMINUTE=0,30", 8),
        ("FREQ=HOURLY;BYHOUR=8,12,16", 3),
        ("FREQ=DAILY;BYHOUR=8,12,16;BYMINUTE=0,30", 6),
        ("FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0,15,30,45;BYSECOND=0,30,59", 24),
    ],
)
def test_rules_up_to_24_times_a_day_are_kept(text, per_day):
    """A rule that occurs at most 24 times a day is kept, and gives each time on its first day."""
    day = D(2024, 1, 2)
    assert per_day == Recurrence(rule=text).count(start=day, end=day, dtstart=day)


# ------------------------------------------------------------------ against dateutil

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Leap years, century years (1900 is not a leap year, 2000 is) and the end of the range.
_YEARS = st.one_of(
    st.sampled_from([1600, 1896, 1899, 1900, 1901, 1999, 2000, 2023, 2024, 2099, 2100, 2101]),
    st.sampled_from([9595, 9600, 9990, 9996, 9998, 9999]),
    st.integers(1, 9999),
)


def _some(*values):
    return st.lists(st.sampled_from(values), min_size=1, max_size=3)


_OPTIONAL = {
    "BYDAY": None,  # drawn per rule: which ordinals fit depends on FREQ and BYMONTH
    "BYMONTHDAY": _some(1, 2, 13, 15, 28, 29, 30, 31, -1, -2, -29),
    "BYMONTH": _some(*range(1, 13)),
    "BYWEEKNO": _some(1, 2, 10, 26, 52, 53, -1, -53),
    "BYYEARDAY": _some(1, 2, 59, 60, 100, 365, 366, -1, -365, -366),
    "BYSETPOS": _some(1, 2, 3, -1, -2),
    "WKST": _some(*_WEEKDAYS).map(lambda days: days[:1]),
}


@st.composite
def _rules(draw):
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}", f"INTERVAL={draw(st.integers(1, 5))}"]
    names = [n for n in _OPTIONAL if draw(st.integers(0, 3)) == 0]
    # Weekday ordinals count within the month (MONTHLY, or YEARLY with BYMONTH),
    # else within the year; dateutil ignores them for WEEKLY and DAILY.
    ordinals = {"MONTHLY": (1, 2, 5, -1, -2), "YEARLY": (1, 2, 5, -1, -5)}.get(freq, ())
    if freq == "YEARLY" and "BYMONTH" not in names:
        ordinals = (*ordinals, 20, 53, -53)
    byday = st.tuples(st.sampled_from((0, *ordinals)), st.sampled_from(_WEEKDAYS))
    values = {
        **_OPTIONAL,
        "BYDAY": st.lists(byday.map(lambda nd: f"{nd[0] or ''}{nd[1]}"), min_size=1, max_size=3),
    }
    parts.extend(f"{n}={','.join(map(str, dict.fromkeys(draw(values[n]))))}" for n in names)
    end = draw(st.sampled_from(["", "COUNT", "UNTIL"]))
    if end == "COUNT":
        parts.append(f"COUNT={draw(st.integers(1, 40))}")
    elif end == "UNTIL":
        until = draw(st.dates(D(1, 1, 1), D(9999, 12, 31)))
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


def _later(day, days):
    return D.fromordinal(min(max(day.toordinal() + days, 1), D.max.toordinal()))


@st.composite
def _windows(draw):
    year = draw(_YEARS)
    dtstart = draw(st.dates(D(year, 1, 1), D(year, 12, 31)))
    start = _later(dtstart, draw(st.integers(-30, 800)))
    end = _later(start, draw(st.integers(-1, 800)))
    return dtstart, start, end


def _reference(text, dtstart, start, end):
    """Return the window's dates from dateutil itself, the rule counted from *dtstart*."""
    rule = rrule.rrulestr(text, dtstart=dt.datetime.combine(dtstart, dt.time()))
    first, last = (dt.datetime.combine(d, dt.time()) for d in (start, end))
    return tuple(hit.date() for hit in rule.between(first, last, inc=True))


@settings(max_examples=min(settings.default.max_examples, 150))
@given(text=_rules(), window=_windows())
def test_dates_equal_dateutils_own(text, window):
    """The bounded walk gives exactly dateutil's dates, for rules and windows of every shape."""
    dtstart, start, end = window
    try:
        rec = Recurrence(rule=text)
    except InvalidValueError:
        assume(False)
    # Plain dateutil searches up to 9999 for a rule that does not occur after the
    # window: compare only rules that occur again within four years (or windows
    # near the end of the range, where that search is short).
    base = ";".join(p for p in text.split(";") if not p.startswith(("COUNT", "UNTIL")))
    horizon = _later(end, 4 * 366)
    assume(horizon == D.max or _first_day(base, dtstart, _later(end, 1), horizon) is not None)
    try:
        expected = _reference(text, dtstart, start, end)
    except ValueError:  # dateutil fails in the last week of 9999
        assume(False)
    assert expected == rec.dates(start=start, end=end, dtstart=dtstart)


# Steps of rules finer than a day. Only hourly ones are kept (the others are
# refused), and compared with dateutil; these steps meet or miss the hours of
# a day in different ways.
_FINER = {
    "HOURLY": st.integers(1, 50),
    "MINUTELY": st.sampled_from([5, 7, 45, 60, 90, 1440, 1441]),
    "SECONDLY": st.sampled_from([300, 450, 3600, 5400, 86400, 90000]),
}
# One minute and one second of the hour, so that no drawn rule has more than
# 24 times a day.
_TIMES = {
    "BYHOUR": _some(0, 1, 5, 12, 23),
    "BYMINUTE": st.sampled_from([0, 1, 30, 59]).map(lambda minute: [minute]),
    "BYSECOND": st.sampled_from([0, 1, 59]).map(lambda second: [second]),
}


@st.composite
def _finer_rules(draw):
    freq = "HOURLY"
    parts = [f"FREQ={freq}", f"INTERVAL={draw(_FINER[freq])}"]
    # The days are filtered as for the whole-day rules; fewer filters here keep
    # the rules that never occur again (a slow reference) rare.
    values = {
        **_TIMES,
        "BYDAY": st.lists(st.sampled_from(_WEEKDAYS), min_size=1, max_size=3),
        "BYMONTH": _OPTIONAL["BYMONTH"],
        "BYMONTHDAY": _OPTIONAL["BYMONTHDAY"],
        "BYSETPOS": _some(1, 2, -1),
        "WKST": _OPTIONAL["WKST"],
    }
    # A part is added on a draw away from 0, so the simplest rule has none: all
    # of them at once (1 January on a Monday at midnight) is rare and slow.
    names = [n for n in values if draw(st.integers(0, 4)) == 4]
    parts.extend(f"{n}={','.join(map(str, dict.fromkeys(draw(values[n]))))}" for n in names)
    end = draw(st.sampled_from(["", "COUNT", "UNTIL"]))
    if end == "COUNT":
        parts.append(f"COUNT={draw(st.integers(1, 60))}")
    elif end == "UNTIL":
        parts.append(f"UNTIL={draw(st.dates(D(1, 1, 1), D(9999, 12, 31))):%Y%m%d}")
    return ";".join(parts)


@st.composite
def _short_windows(draw):
    year = draw(_YEARS)
    dtstart = draw(st.dates(D(year, 1, 1), D(year, 12, 31)))
    first = dt.datetime.combine(_later(dtstart, draw(st.integers(-2, 20))), dt.time())
    room = dt.datetime.combine(D.max, dt.time(23, 59)) - first
    minutes = min(draw(st.integers(-1, 3 * 1440)), room // dt.timedelta(minutes=1))
    return dtstart, first, first + dt.timedelta(minutes=minutes)


@settings(max_examples=min(settings.default.max_examples, 60))
@given(text=_finer_rules(), window=_short_windows())
def test_hourly_times_equal_dateutils_own(text, window):
    """The bounded walk gives exactly dateutil's times for hourly rules."""
    dtstart, first, last = window
    try:
        Recurrence(rule=text)
    except InvalidValueError:
        assume(False)
    base = ";".join(p for p in text.split(";") if not p.startswith(("COUNT", "UNTIL")))
    after, horizon = _later(last.date(), 1), _later(last.date(), 4 * 366)
    assume(horizon == D.max or _first_day(base, dtstart, after, horizon) is not None)
    rule = rrule.rrulestr(text, dtstart=dt.datetime.combine(dtstart, dt.time()))
    try:
        expected = rule.between(first, last, inc=True)
    except ValueError:  # dateutil fails in the last week of 9999
        assume(False)
    assert expected == list(_walk(text, dtstart, first, last))


# ------------------------------------------------------------------ at and beyond the limits


def _around(limit):
    """Draw values near 0 and near *limit*, either sign, and now and then past it."""
    edge = st.sampled_from([0, 1, 2, limit - 1, limit, limit + 1, limit + 2])
    return st.tuples(st.sampled_from([1, -1]), st.one_of(edge, st.integers(0, limit + 3))).map(
        lambda sn: sn[0] * sn[1]
    )


_LIMITS = {
    "BYMONTHDAY": _around(31),
    "BYYEARDAY": _around(366),
    "BYWEEKNO": _around(53),
    "BYSETPOS": _around(366),
    "BYMONTH": st.integers(0, 13),
    "BYEASTER": _around(366),
    "BYHOUR": st.integers(0, 24),
    "BYMINUTE": st.integers(0, 60),
    "BYSECOND": st.integers(0, 60),
}
# Day filters that can leave an hourly rule without a time after the window
# make dateutil step through every hour of 400 years: leave them out. (Rules
# finer than hourly are refused before they are expanded.)
_NOT_FINER = frozenset({"BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYEASTER"})


@st.composite
def _rules_at_the_limits(draw):
    freq = draw(st.sampled_from(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", *_FINER]))
    finer = freq in _FINER
    parts = [f"FREQ={freq}"]
    interval = draw(st.one_of(st.integers(-1, 3), _FINER[freq] if finer else st.integers(1, 9)))
    parts.append(f"INTERVAL={interval}")
    day = st.tuples(_around(60), st.sampled_from(_WEEKDAYS)).map(lambda nd: f"{nd[0] or ''}{nd[1]}")
    values = {**_LIMITS, "BYDAY": day}
    names = [n for n in values if not (finer and n in _NOT_FINER) and draw(st.integers(0, 3)) == 0]
    for name in names:
        drawn = draw(st.lists(values[name], min_size=1, max_size=3))
        parts.append(f"{name}={','.join(map(str, dict.fromkeys(drawn)))}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(0, 3))}")
    return ";".join(parts)


@settings(max_examples=min(settings.default.max_examples, 60))
@given(text=_rules_at_the_limits(), year=st.integers(1, 9997))
def test_rules_at_and_beyond_the_limits_are_refused_or_expanded(text, year):
    """Every rule is either refused when it is built, or expanded without an error."""
    try:
        rec = Recurrence(rule=text)
    except InvalidValueError:
        event("refused")
        return
    event("expanded")
    days = 3 if any(freq in text for freq in _FINER) else 730
    start = D(year, 1, 1)
    assert isinstance(rec.dates(start=start, end=start + dt.timedelta(days=days)), tuple)
