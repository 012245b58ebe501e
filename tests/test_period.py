import datetime as dt

import pytest

from medborgarlofte import InvalidValueError, Period


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
