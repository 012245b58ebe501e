import datetime as dt

import pytest

from medborgarlofte import InvalidValueError, OpenPeriod, Period


def test_days_counts_both_ends():
    """A one-day period is one day long."""
    day = dt.date(2024, 2, 29)
    assert 1 == Period(start=day, end=day).days


def test_end_before_start_is_refused_with_code_and_field():
    """A period that ends before it starts names the field and the code."""
    with pytest.raises(InvalidValueError) as info:
        Period(start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 1))
    assert ("period-end-before-start", "end") == (info.value.code, info.value.field)


def test_elapsed_fraction_is_zero_before_and_one_after():
    """Elapsed share is clamped to the period."""
    p = Period.year(2023)
    assert (0.0, 1.0) == (
        p.elapsed_fraction(dt.date(2022, 12, 31)),
        p.elapsed_fraction(dt.date(2024, 1, 1)),
    )


def test_an_open_period_may_lack_its_end():
    """A span with only a start is valid and has no closed period (#16)."""
    span = OpenPeriod(start=dt.date(2020, 1, 1))
    assert span.closed() is None
    expected = Period(start=dt.date(2020, 1, 1), end=dt.date(2020, 8, 31))
    assert expected == OpenPeriod(start=dt.date(2020, 1, 1), end=dt.date(2020, 8, 31)).closed()


def test_an_open_period_refuses_an_end_before_its_start():
    """An end before the start is period-end-before-start, naming the field end."""
    with pytest.raises(InvalidValueError) as caught:
        OpenPeriod(start=dt.date(2020, 1, 2), end=dt.date(2020, 1, 1))
    assert ("period-end-before-start", "end") == (caught.value.code, caught.value.field)
