import datetime as dt

import pytest
from dateutil import rrule

from medborgarlofte import InvalidValueError, Recurrence


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


def test_empty_window_has_no_dates():
    """A window that ends before it starts holds no occurrence."""
    rec = Recurrence(rule="FREQ=DAILY")
    assert () == rec.dates(start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 1))
