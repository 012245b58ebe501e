"""A typed wrapper over dateutil's RFC 5545 recurrence rules (upprepningsregel)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import attrs
from dateutil import rrule as _rrule

from medborgarlofte import _codes as codes
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Recurrence"]

# Any fixed naive start will do to check a rule; the real start is given per use.
_PROBE_START = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - dates are naive by design


def _strip_prefix(text: str) -> str:
    body = text.strip()
    return body[len("RRULE:") :] if body.upper().startswith("RRULE:") else body


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> _rrule.rrule:
    """Parse the body of one RRULE; cached, since real rules repeat a lot."""
    body = _strip_prefix(text)
    if not body:
        msg = "the rule is empty"
        raise ValueError(msg)
    if "DTSTART" in body.upper():
        msg = "DTSTART does not belong in the rule; the start comes from the schedule"
        raise ValueError(msg)
    parsed = _rrule.rrulestr(body, dtstart=_PROBE_START, forceset=False)
    if not isinstance(parsed, _rrule.rrule):  # pragma: no cover - forceset=False and no EXRULE
        msg = "expected a single RRULE, not a rule set"
        raise TypeError(msg)
    _refuse_impossible(body)
    return parsed


# The most days each month can have (February in a leap year).
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _parts(body: str) -> dict[str, str]:
    """Return the rule's parts by upper-case name, such as ``{"FREQ": "DAILY"}``."""
    return dict(part.split("=", 1) for part in body.upper().split(";") if "=" in part)


def _refuse_impossible(body: str) -> None:
    """Refuse rules that can never occur, such as the 31st of June.

    dateutil searches such a rule period by period up to year 9999 before
    giving up. :func:`_walk` bounds that search for every rule, but these
    shapes are the ones real documents produce (an impossible date, an ordinal
    weekday past the fifth in a month), and naming the mistake helps the writer.
    """
    parts = _parts(body)
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    if "BYMONTHDAY" in parts:
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        if not any(abs(d) <= _LONGEST_MONTH[m - 1] for m in months for d in days):
            msg = "the rule never occurs: no month it names has the days it names"
            raise ValueError(msg)
    if "BYDAY" in parts and (parts.get("FREQ") == "MONTHLY" or "BYMONTH" in parts):
        ordinals = [d.rstrip("MOTUWEHFRSA") for d in parts["BYDAY"].split(",")]
        if ordinals and all(o and abs(int(o)) > 5 for o in ordinals):  # noqa: PLR2004
            msg = "the rule never occurs: no month has more than five of a weekday"
            raise ValueError(msg)


def _check_rule(_instance: object, attribute: attrs.Attribute[Any], text: str) -> None:
    try:
        _parse(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise InvalidValueError(
            code=codes.INVALID_RRULE,
            field=attribute.name,
            message_sv=f"ogiltig upprepningsregel (RFC 5545 RRULE) {text!r}: {exc}",
            message_en=f"invalid recurrence rule (RFC 5545 RRULE) {text!r}: {exc}",
        ) from None


def _as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - naive by design


@attrs.frozen(kw_only=True)
class Recurrence:
    """An RFC 5545 recurrence rule without its start (upprepningsregel, RRULE).

    The text is kept exactly as written, so a document round-trips unchanged;
    the start date is supplied when the rule is expanded, since it normally
    comes from the promise period or the schedule.

    The Gregorian calendar repeats every 400 years, so a rule (other than one
    with BYEASTER) is expanded in the latest such cycle that can hold the
    window: a rule that never occurs again then costs dateutil a search of at
    most 400 years, not one up to year 9999.

    >>> weekly = Recurrence(rule="FREQ=WEEKLY;BYDAY=MO")
    >>> [d.day for d in weekly.dates(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 31))]
    [1, 8, 15, 22, 29]

    Raises:
        InvalidValueError: ``invalid-rrule`` when dateutil cannot read the rule,
            when it contains a DTSTART, when it is empty, or when it names a
            day that never occurs (the 31st of June, a sixth Monday).
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
        """
        return _dates(self.rule, dtstart or start, start, end)

    def count(self, *, start: dt.date, end: dt.date, dtstart: dt.date | None = None) -> int:
        """Return how many times the rule occurs from *start* to *end*, both included."""
        return len(self.dates(start=start, end=end, dtstart=dtstart))

    def __str__(self) -> str:
        """Return the rule as written."""
        return self.rule


@functools.lru_cache(maxsize=16384)
def _dates(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    return tuple(hit.date() for hit in _walk(rule, dtstart, _as_datetime(start), _as_datetime(end)))


def _first_day(rule: str, dtstart: dt.date, start: dt.date, end: dt.date) -> dt.date | None:
    """Return the first day from *start* to *end* on which the rule occurs at any time.

    Walks lazily, so a rule such as ``FREQ=MINUTELY`` is not expanded in full.
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
# Rules finer than a day (HOURLY, MINUTELY, SECONDLY) shift the same way:
# DTSTART is always a midnight here, and dateutil steps their times by
# INTERVAL from DTSTART's time of day, so a shift of whole days keeps every
# time of day, the INTERVAL phase, BYHOUR/BYMINUTE/BYSECOND (their reachable
# values depend only on DTSTART's time of day) and BYSETPOS (which picks
# within one hour, minute or second); COUNT counts from DTSTART and UNTIL is
# shifted with it. Only BYEASTER does not repeat (Easter follows the moon).

_CYCLE = dt.timedelta(days=146_097)
# Keep the moved window out of the last week of 9999: dateutil builds that week
# with the days of year 10000 and fails on them, and by then everything in the
# window has been given.
_LAST_SAFE = dt.datetime.combine(dt.date(9999, 12, 24), dt.time.max)


@functools.lru_cache(maxsize=8192)
def _repeats_every_cycle(text: str) -> bool:
    """Return whether the rule's dates repeat with the 400-year Gregorian cycle.

    Every rule does, at every FREQ, except one with dateutil's own BYEASTER:
    Easter follows the moon.
    """
    return "BYEASTER" not in _parts(_strip_prefix(text))


def _walk(
    rule: str, dtstart: dt.date, first: dt.datetime, last: dt.datetime
) -> Iterator[dt.datetime]:
    """Yield the rule's times from *first* to *last*, both included, lazily.

    The rule is counted from *dtstart*. Rules that repeat with the calendar are
    walked in the latest 400-year cycle that holds the window, so a rule that
    never occurs again costs at most 400 years of dateutil's search instead of
    thousands; see the comment above.
    """
    start = _as_datetime(dtstart)
    if last < first or last < start:
        return
    parsed = _parse(rule)
    cycles = max(0, (_LAST_SAFE - last).days // _CYCLE.days) if _repeats_every_cycle(rule) else 0
    shift = _CYCLE * cycles
    until: dt.datetime | None = parsed._until  # type: ignore[attr-defined]  # noqa: SLF001 - dateutil keeps UNTIL only here
    if until is None:
        moved = parsed.replace(dtstart=start + shift)
    else:
        # UNTIL is naive, as DTSTART is (_parse refuses any other). Past the
        # window it makes no difference, and there it could not be moved.
        moved = parsed.replace(dtstart=start + shift, until=min(until, last) + shift)
    walk = iter(moved)
    while True:
        try:
            hit = next(walk)
        except StopIteration:
            return
        except ValueError:
            # dateutil fails in the last week of 9999, on its days of year
            # 10000. A window that ends before that week has had all its
            # times by then; one that reaches into it fails as dateutil does.
            if last + shift > _LAST_SAFE:
                raise
            return
        if hit > last + shift:
            return
        if hit >= first + shift:
            yield hit - shift
