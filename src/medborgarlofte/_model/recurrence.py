"""A typed wrapper over dateutil's RFC 5545 recurrence rules (upprepningsregel)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from typing import TYPE_CHECKING, Any

import attrs
from dateutil import rrule as _rrule

from medborgarlofte._core import codes
from medborgarlofte._model.checks import one_line
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Recurrence"]

# Any fixed naive start will do to check a rule; the real start is given per use.
_PROBE_START = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - dates are naive by design


def _strip_prefix(text: str) -> str:
    body = text.strip()
    return body[len("RRULE:") :] if body.upper().startswith("RRULE:") else body


@functools.lru_cache(maxsize=256)
def _parse(text: str) -> _rrule.rrule:
    """Parse and check the body of one RRULE.

    The last few hundred rules read are kept, since a document repeats the
    same few rules in many schedules and each is checked when it is built. A
    parsed rule holds no dates (dateutil's own cache is off), about 1.2 kB
    each, so what is kept stays under half a megabyte whatever the documents.
    """
    body = _strip_prefix(text)
    if not body:
        msg = "the rule is empty"
        raise ValueError(msg)
    if "DTSTART" in body.upper():
        msg = "DTSTART does not belong in the rule; the start comes from the schedule"
        raise ValueError(msg)
    if ":" in body:
        # dateutil reads "RRULE:RRULE:FREQ=..." as one rule, which would get past
        # every check below (they read the parts after the first prefix only).
        msg = "write RRULE: at most once, before the parts (FREQ=...)"
        raise ValueError(msg)
    parsed = _rrule.rrulestr(body, dtstart=_PROBE_START, forceset=False)
    if not isinstance(parsed, _rrule.rrule):  # pragma: no cover - forceset=False and no EXRULE
        msg = "expected a single RRULE, not a rule set"
        raise TypeError(msg)
    _refuse_impossible(body)
    return parsed


# The most days each month can have (February in a leap year).
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _parts(text: str) -> dict[str, str]:
    """Return the rule's parts by upper-case name, such as ``{"FREQ": "DAILY"}``.

    *text* may start with ``RRULE:``. Values are upper-cased too.
    """
    body = _strip_prefix(text).upper()
    return dict(part.split("=", 1) for part in body.split(";") if "=" in part)


def _refuse_impossible(body: str) -> None:
    """Refuse rules that can never occur, such as the 31st of June, or that dateutil fails on.

    dateutil searches a rule that never occurs period by period up to year
    9999 before giving up. :func:`_walk` bounds that search for every rule, but
    an impossible date is the shape real documents produce, and naming the
    mistake helps the writer. The other shapes refused here (an ordinal
    weekday past the fifth in a month among them) are read by dateutil but
    make it fail, loop or give wrong days when it expands them (see
    :func:`_refuse_unexpandable`).
    """
    parts = _parts(body)
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    if "BYMONTHDAY" in parts:
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        if not any(abs(d) <= _LONGEST_MONTH[m - 1] for m in months for d in days):
            msg = "the rule never occurs: no month it names has the days it names"
            raise ValueError(msg)
    _refuse_unexpandable(parts)


# What dateutil's BYSETPOS chooses from: the days of one period, each at every
# time of day the rule gives (for an hourly rule, its times in one hour).
_DAYS_IN_PERIOD = {"YEARLY": 366, "MONTHLY": 31, "WEEKLY": 7, "DAILY": 1}
# A schedule counts occasions of work: at most hourly, at most 24 times a day.
_FINER_THAN_HOURLY = frozenset({"MINUTELY", "SECONDLY"})
_MOST_A_DAY = 24
# The hours, minutes and seconds of a day (Python has no leap second 60).
_CLOCK = {"BYHOUR": 23, "BYMINUTE": 59, "BYSECOND": 59}
# Easter falls from 22 March to 25 April: day 80 to 115 of its year, counted
# from 0. dateutil marks Easter's offsets in that year's days only, so an
# offset must stay inside the year whatever the date of Easter.
_EASTER_EARLIEST, _EASTER_LATEST = -80, 364 - 114


def _ints(parts: dict[str, str], name: str) -> list[int]:
    return [int(v) for v in parts[name].split(",")] if name in parts else []


def _refuse_unexpandable(parts: dict[str, str]) -> None:
    """Refuse the shapes dateutil reads but then fails on, loops on, or gets wrong.

    Found by trying every BY part at and beyond its limits: dateutil raises a
    bare IndexError for an ordinal weekday past the fifth of a month or the
    53rd of a year, and for BYEASTER past the end of Easter's year (before its
    start it silently gives days of the year's end); it never ends for
    INTERVAL=0 and fails for a negative one; it fails for a BYHOUR past 23
    (BYMINUTE, BYSECOND past 59) in a rule of that step; and it searches
    without end for a BYSETPOS past the times of an hourly period. Rules more
    frequent than hourly are refused too (:func:`_refuse_too_frequent`).
    """
    freq = parts.get("FREQ", "")
    if "INTERVAL" in parts and int(parts["INTERVAL"]) < 1:
        msg = f"INTERVAL={parts['INTERVAL']}: the interval must be a whole number from 1"
        raise ValueError(msg)
    for name, top in _CLOCK.items():
        for value in _ints(parts, name):
            if not 0 <= value <= top:
                msg = f"{name}={value}: a time of day has {name[2:].lower()}s from 0 to {top}"
                raise ValueError(msg)
    if freq in _FINER_THAN_HOURLY:
        msg = (
            f"FREQ={freq}: a schedule here occurs at most once an hour; "
            "use FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
        )
        raise ValueError(msg)
    in_month = freq == "MONTHLY" or (freq == "YEARLY" and "BYMONTH" in parts)
    most, within = (5, "month") if in_month else (53, "year")
    for day in parts.get("BYDAY", "").split(",") if freq in {"MONTHLY", "YEARLY"} else ():
        ordinal = day.rstrip("MOTUWEHFRSA")
        if ordinal and abs(int(ordinal)) > most:
            msg = f"BYDAY={day}: no {within} has more than {most} of a weekday"
            raise ValueError(msg)
    for offset in _ints(parts, "BYEASTER"):
        if not _EASTER_EARLIEST <= offset <= _EASTER_LATEST:
            msg = (
                f"BYEASTER={offset}: the day must fall in Easter's own year, "
                f"from {_EASTER_EARLIEST} to {_EASTER_LATEST} days from Easter"
            )
            raise ValueError(msg)
    _refuse_positions_past_the_set(freq, parts)
    _refuse_too_frequent(freq, parts)


def _refuse_positions_past_the_set(freq: str, parts: dict[str, str]) -> None:
    """Refuse a BYSETPOS that picks past every time a period can have."""
    positions = _ints(parts, "BYSETPOS")
    if positions:
        times = 1
        # An hourly period is one hour: its BYHOUR picks hours, not times within it.
        for name in ("BYMINUTE", "BYSECOND") if freq == "HOURLY" else tuple(_CLOCK):
            times *= len(set(_ints(parts, name))) or 1
        most = _DAYS_IN_PERIOD.get(freq, 1) * times
        if all(abs(n) > most for n in positions):
            msg = (
                f"the rule never occurs: BYSETPOS={parts['BYSETPOS']} picks past the "
                f"{most} time(s) a period can have"
            )
            raise ValueError(msg)


def _refuse_too_frequent(freq: str, parts: dict[str, str]) -> None:
    """Refuse a rule that can occur more than 24 times a day.

    A schedule counts occasions of work, and progress, the follow-up calendar
    and iCalendar export list every one of them: a rule that occurs every
    minute of a two-year period would give a million occasions, every second
    63 million. The start is always a midnight, so an hourly rule reaches at
    most ``ceil(24 / INTERVAL)`` hours a day, each at every combination of
    its BYMINUTE and BYSECOND; a rule of whole days occurs at every
    combination of its BYHOUR, BYMINUTE and BYSECOND.
    """
    hours = len(set(_ints(parts, "BYHOUR")))
    if freq == "HOURLY":
        steps = math.ceil(24 / int(parts.get("INTERVAL", "1")))
        hours = min(steps, hours) if hours else steps
    times = (
        (hours or 1)
        * (len(set(_ints(parts, "BYMINUTE"))) or 1)
        * (len(set(_ints(parts, "BYSECOND"))) or 1)
    )
    if times > _MOST_A_DAY:
        msg = (
            f"the rule can occur {times} times a day; a schedule here occurs at most "
            f"{_MOST_A_DAY} times a day"
        )
        raise ValueError(msg)


def _check_rule(instance: object, attribute: attrs.Attribute[Any], text: str) -> None:
    if type(text) is not str:
        one_line(instance, attribute, text)  # raises its wrong-type error
    try:
        _parse(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise InvalidValueError(
            code=codes.INVALID_RRULE,
            field=attribute.name,
            message_sv=f"ogiltig upprepningsregel (RFC 5545 RRULE) {text!r}: {exc}",
            message_en=f"invalid recurrence rule (RFC 5545 RRULE) {text!r}: {exc}",
        ) from None
    one_line(instance, attribute, text)


def _as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - naive by design


@attrs.frozen(kw_only=True)
class Recurrence:
    """An RFC 5545 recurrence rule without its start (upprepningsregel, RRULE).

    The text is kept exactly as written, so a document round-trips unchanged;
    the start date is supplied when the rule is expanded, since it normally
    comes from the promise period or the schedule.

    The Gregorian calendar repeats, every 400 years at the latest and mostly
    every 28, so a rule (other than one with BYEASTER) is expanded in the
    latest run of years whose calendar is the same as its own: a rule that
    never occurs again then costs dateutil a search of a few years for a
    promise of today (of up to 400 when the years hold a century year such as
    2100), not one up to year 9999.

    >>> weekly = Recurrence(rule="FREQ=WEEKLY;BYDAY=MO")
    >>> [d.day for d in weekly.dates(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 31))]
    [1, 8, 15, 22, 29]

    Raises:
        InvalidTypeError: ``wrong-type`` when the rule is not a text.
        InvalidValueError: ``invalid-character`` or ``line-break`` when the
            text is not one clean line; ``invalid-rrule`` when dateutil cannot read the rule,
            when it contains a DTSTART, when it is empty, when it names a
            day or time that never occurs (the 31st of June, a sixth Monday,
            BYSETPOS=2 in an hourly rule), when dateutil reads it but
            cannot expand it (INTERVAL=0, BYHOUR=24 in an hourly rule,
            BYEASTER past the end of Easter's year), or when it occurs more
            often than a schedule can (FREQ=MINUTELY or SECONDLY, or more
            than 24 times a day).
    """

    rule: str = attrs.field(validator=_check_rule)

    def dates(
        self, *, start: dt.date, end: dt.date, dtstart: dt.date | None = None
    ) -> tuple[dt.date, ...]:
        """Return the occurrence dates from *start* to *end*, both included.

        Args:
            start: The first day of the window.
            end: The last day of the window.
            dtstart: Where the rule starts counting (its DTSTART); *start* if
                not given. COUNT and INTERVAL are counted from here.

        Returns:
            The dates in increasing order.

        Raises:
            InvalidValueError: ``invalid-rrule`` in the one case dateutil cannot
                expand: a rule with BYSETPOS, a start before year 401 and a
                window in the last week of year 9999; and, rather than return
                some of the dates, if dateutil fails in any other way (no
                rule the constructor accepts is known to make it).
        """
        return _dates(self.rule, dtstart or start, start, end)

    def count(self, *, start: dt.date, end: dt.date, dtstart: dt.date | None = None) -> int:
        """Return how many times the rule occurs from *start* to *end*, both included."""
        return len(self.dates(start=start, end=end, dtstart=dtstart))

    def __str__(self) -> str:
        """Return the rule as written."""
        return self.rule


def _dates(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    # The whole last day: a rule with BYHOUR occurs after its midnight.
    last = dt.datetime.combine(end, dt.time.max)
    return tuple(hit.date() for hit in _walk(rule, dtstart, _as_datetime(start), last))


def _first_day(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> dt.date | None:
    """Return the first day from *start* to *end* on which the rule occurs at any time.

    Walks lazily, so a rule is not expanded past its first time in the window.
    """
    last = dt.datetime.combine(end, dt.time.max)
    hit = next(_walk(rule, dtstart, _as_datetime(start), last), None)
    return None if hit is None else hit.date()


# --------------------------------------------------------------------------- bounded walks
#
# dateutil tests UNTIL and COUNT only on days that pass the BY parts, so a rule
# with no occurrence after the window is searched period by period up to year
# 9999: seconds of work for a single rule. The Gregorian calendar repeats every
# 400 years (146,097 days, exactly 20,871 weeks): weekdays, leap years, month
# lengths, ISO week numbers and year days all come back. So a rule of whole
# days walked from DTSTART + 400k years gives, in the window + 400k years,
# exactly its dates shifted by k cycles; _walk moves the window as late as it
# can and shifts the dates back, which leaves dateutil less than 400 years of
# search after the window.
#
# Hourly rules shift the same way: DTSTART is always a midnight here, and
# dateutil steps their times by INTERVAL from DTSTART's time of day, so a shift
# of whole days keeps every time of day, the INTERVAL phase, BYHOUR (the hours
# reached depend only on DTSTART's time of day) and BYSETPOS (which picks
# within one hour); COUNT counts from DTSTART and UNTIL is shifted with it.
# Only BYEASTER does not repeat (Easter follows the moon).
#
# The move need not be whole cycles: what dateutil computes for the days from
# DTSTART to the end of the window depends only on the calendars of their
# years, and of the year on either side (ISO weeks near New Year). Two runs of
# years with the same lengths and the same weekday of 1 January are the same
# calendar day by day; such twins come every 28 years between the century
# years that are not leap years. So _walk moves the walk to the latest twin
# run that ends by 9998 (_twin_years), which leaves dateutil a search of a
# few decades after the window, not of up to 400 years; whole cycles remain
# for the runs that have no later twin.

_CYCLE = dt.timedelta(days=146_097)
# The latest year a run of twin years may end in: the window then ends by
# 9997, out of dateutil's last week.
_LAST_TWIN_YEAR = 9998
# Keep the moved window out of the last week of 9999: dateutil builds that week
# with the days of year 10000 and fails on them, and by then everything in the
# window has been given.
_LAST_SAFE = dt.datetime.combine(dt.date(9999, 12, 24), dt.time.max)


def _move(rule: str, start: dt.datetime, last: dt.datetime) -> dt.timedelta:
    """Return how far to move a walk from *start* to *last*; see the comment above."""
    if not _repeats_every_cycle(rule):
        return dt.timedelta(0)
    days = _twin_years(start.year - 1, last.year + 1)
    if days is not None:
        return dt.timedelta(days=days)
    cycles = (_LAST_SAFE - last).days // _CYCLE.days
    if cycles < 0 and start.toordinal() <= _CYCLE.days:
        # A window in the last week of 9999 is walked one cycle earlier, out
        # of dateutil's way; a start in the first 400 years cannot move back.
        cycles = 0
    return _CYCLE * cycles


def _same_calendar(year: int, other: int) -> bool:
    """Return whether two years have the same length and start on the same weekday."""
    return (
        calendar.isleap(year) == calendar.isleap(other)
        and dt.date(year, 1, 1).weekday() == dt.date(other, 1, 1).weekday()
    )


@functools.lru_cache(maxsize=1024)
def _twin_years(low: int, high: int) -> int | None:
    """Return the days from 1 January *low* to the latest run of years with the same calendars.

    The run ends by 9998, so the walk's window ends before dateutil's last
    week; ``None`` if no later run does (years reaching into 9999, or a
    first year before year 1). Kept for the last 1,024 pairs of years: a
    fact of the calendar, two small numbers each, nothing of a document.
    """
    if low < 1 or high > _LAST_TWIN_YEAR:
        return None
    span = high - low
    top = _LAST_TWIN_YEAR - span
    # 400 years on from any year is a twin, so the latest twin is among the
    # last 400 candidates whenever there is room for one.
    for twin in range(top, max(low, top - 400), -1):
        if all(_same_calendar(low + k, twin + k) for k in range(span + 1)):
            return (dt.date(twin, 1, 1) - dt.date(low, 1, 1)).days
    return None


def _repeats_every_cycle(text: str) -> bool:
    """Return whether the rule's dates repeat with the 400-year Gregorian cycle.

    Every rule does, at every FREQ, except one with dateutil's own BYEASTER:
    Easter follows the moon.
    """
    return "BYEASTER" not in _parts(text)


def _walk(
    rule: str, dtstart: dt.date, first: dt.datetime, last: dt.datetime
) -> Iterator[dt.datetime]:
    """Yield the rule's times from *first* to *last*, both included, lazily.

    The rule is counted from *dtstart*. Rules that repeat with the calendar are
    walked in the latest run of years with the same calendar (:func:`_move`),
    so a rule that never occurs again costs a few years of dateutil's search,
    or at most 400, instead of thousands; see the comment above.
    """
    start = _as_datetime(dtstart)
    parsed = _parse(rule)
    # UNTIL is naive, as DTSTART is (_parse refuses any other); it ends the
    # window, and the window then moves with DTSTART.
    until: dt.datetime | None = parsed._until  # type: ignore[attr-defined]  # noqa: SLF001 - dateutil keeps UNTIL only here
    first, last = max(first, start), last if until is None else min(last, until)
    if last < first:
        return
    shift = _move(rule, start, last)
    moved = parsed.replace(dtstart=start + shift, until=None if until is None else last + shift)
    walk = iter(moved)
    while True:
        try:
            hit = next(walk)
        except StopIteration:
            return
        except ValueError as exc:
            if "out of range" not in str(exc):
                # Not the stumble over year 10000 below: say so rather than
                # give the dates found so far as if they were all.
                raise InvalidValueError(
                    code=codes.INVALID_RRULE,
                    field="rule",
                    message_sv=f"upprepningsregeln {rule!r} går inte att räkna ut: {exc}",
                    message_en=f"the recurrence rule {rule!r} cannot be expanded: {exc}",
                ) from None
            # dateutil fails in the last week of 9999, on its days of year
            # 10000, after it has given every time of 9999 -- unless BYSETPOS
            # needs the whole week first. A window that ends before that week
            # has had all its times by then either way.
            if last + shift > _LAST_SAFE and parsed._bysetpos:  # type: ignore[attr-defined]  # noqa: SLF001
                raise InvalidValueError(
                    code=codes.INVALID_RRULE,
                    field="rule",
                    message_sv=(
                        f"upprepningsregeln {rule!r} med BYSETPOS kan inte räknas ut i "
                        f"sista veckan av år 9999 från en start före år 401 ({dtstart})"
                    ),
                    message_en=(
                        f"the recurrence rule {rule!r} with BYSETPOS cannot be expanded in "
                        f"the last week of year 9999 from a start before year 401 ({dtstart})"
                    ),
                ) from None
            return
        if hit > last + shift:
            return
        if hit >= first + shift:
            yield hit - shift
