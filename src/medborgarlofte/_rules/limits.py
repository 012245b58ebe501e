"""Limits a real promise never needs, so every operation on a valid promise is bounded (gränser).

A document of a few hundred bytes could otherwise ask for minutes of work
and gigabytes of memory: a period from year 1 to 9998 with an hourly
schedule, hundreds of rules that never occur again, an interval of 2**40.
:func:`medborgarlofte.validate` (and so every load) refuses a promise past
one of these limits with an error that names the limit and the value, so
whatever it accepts, progress, follow-up, iCalendar export, the reports and
every writer handle within a budget that grows with the document's size, not
with a rule's reach. ``docs/reference/limits.md`` lists them, why, and their
codes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING, Final

from medborgarlofte._core import codes
from medborgarlofte._model.followup import Cadence
from medborgarlofte._model.recurrence import _parts as rule_parts
from medborgarlofte._model.recurrence import _walk as walk
from medborgarlofte._model.targets import Schedule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from medborgarlofte._model.period import Period
    from medborgarlofte._model.promise import Promise

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_FOLLOW_UP_OCCASIONS",
    "MAX_OCCASIONS",
    "MAX_PERIOD_YEARS",
    "MAX_REPORT_DUE_DAYS",
    "MAX_RULES",
    "MAX_RULE_NUMBER",
    "MAX_TOTAL_OCCASIONS",
    "Fault",
    "Limits",
    "check_limits",
    "date_fault",
    "in_range",
]

MAX_PERIOD_YEARS: Final = 10
"""The longest promise period, in years; real promises last one to four."""

EARLIEST_DATE: Final = dt.date(1000, 1, 1)
"""The earliest date a promise may hold: iCalendar writes no year before 1000."""

LATEST_DATE: Final = dt.date(8999, 12, 31)
"""The latest date a promise may hold, so every derived date (a report deadline, the
end of a reporting interval, a rule's search) stays far inside ``date.max``."""

MAX_REPORT_DUE_DAYS: Final = 366
"""The most days after an interval by which a follow-up may be due: one year."""

MAX_RULE_NUMBER: Final = 2**31 - 1
"""The largest number a recurrence rule may hold (INTERVAL, COUNT, BY parts): what
iCalendar readers take as a 32-bit integer."""

MAX_OCCASIONS: Final = 20_000
"""The most occasions one schedule may give in the period: hourly for two years
(17,544) or daily for the longest period (3,653) fits."""

MAX_RULES: Final = 50
"""The most schedules and follow-up rules one promise may hold."""

MAX_TOTAL_OCCASIONS: Final = 50_000
"""The most occasions all the schedules of a promise may give in its period."""

MAX_FOLLOW_UP_OCCASIONS: Final = 1_000
"""The most follow-up occasions all the follow-up rules of a promise may give in its
period: weekly meetings for four years are 209. Each is a calendar entry and a row
of the report."""

Fault = tuple[str, str, str, str]
"""A limit passed: the path, the code, and the Swedish and English messages."""

_NUMBER = re.compile(r"[0-9]+")
# The shortest each cadence's interval can be, in days, for a count of its occasions.
_SHORTEST = {
    Cadence.MONTHLY: 28,
    Cadence.QUARTERLY: 89,
    Cadence.TERTIAL: 120,
    Cadence.HALF_YEARLY: 181,
    Cadence.YEARLY: 365,
}


def years_later(day: dt.date, years: int) -> dt.date | None:
    """Return the day *years* years after *day* (28 February for 29 February).

    ``None`` when that is past year 9999.
    """
    year = day.year + years
    if year > dt.MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year that is not a leap year
        return day.replace(year=year, day=28)


def _too_long(first: dt.date, last: dt.date) -> bool:
    """Return whether *first* to *last*, both included, is longer than the limit."""
    limit = years_later(first, MAX_PERIOD_YEARS)
    return limit is not None and last >= limit


class Limits:
    """What :func:`check_limits` found, and what the rules may still expand.

    Attributes:
        faults: Every limit passed, in document order.
        expand: Whether rules may be expanded in the period at all: not when
            the period or one of its dates is past a limit.
        refused: The paths of the rules that must not be expanded.
        occasions: The occasions the schedules may still give in all.
        follow_ups: The occasions the follow-up rules may still give in all.
    """

    def __init__(self) -> None:
        self.faults: list[Fault] = []
        self.expand = True
        self.refused: set[str] = set()
        self.occasions = MAX_TOTAL_OCCASIONS
        self.follow_ups = MAX_FOLLOW_UP_OCCASIONS

    def add(self, path: str, code: str, message_sv: str, message_en: str) -> None:
        """Record a limit passed at *path*."""
        self.faults.append((path, code, message_sv, message_en))

    def count(
        self, path: str, rule: str, dtstart: dt.date, period: Period, *, follow_up: bool = False
    ) -> bool:
        """Return whether *rule*, counted from *dtstart*, stays within the limits in *period*.

        The occasions are first bounded from above without expanding the rule
        (days in the window times the times a day the rule can occur). Only
        when that bound passes what is left of the budget
        (:data:`MAX_OCCASIONS` per schedule and :data:`MAX_TOTAL_OCCASIONS`
        in all; for a follow-up rule, *follow_up*,
        :data:`MAX_FOLLOW_UP_OCCASIONS` in all, at most one a day) is the rule
        walked, and then at most to one past the budget; past a limit it
        records the fault and returns ``False``. The search for a rule that
        never occurs is bounded by the recurrence module's walk in the latest
        run of years with the same calendar.

        Raises:
            InvalidValueError: ``invalid-rrule`` if dateutil cannot expand the rule.
        """
        left = self.follow_ups if follow_up else self.occasions
        cap = min(MAX_OCCASIONS, left)
        a_day = _times_a_day(rule)
        bound = ((period.end - max(period.start, dtstart)).days + 1) * a_day
        if bound <= cap and not (follow_up and a_day > 1):
            self._spend(max(bound, 0), follow_up=follow_up)
            return True
        found = 0
        last: dt.date | None = None
        for hit in itertools.islice(_times(rule, dtstart, period), cap + 1):
            found += 1
            if follow_up:
                if hit.date() == last:
                    self.add(
                        path,
                        codes.FOLLOW_UP_RULE_TOO_FREQUENT,
                        f"regeln {rule!r} ger två tillfällen den {last}; en uppföljning "
                        "hålls högst en gång om dagen",
                        f"the rule {rule!r} gives two occasions on {last}; a follow-up is "
                        "held at most once a day",
                    )
                    return False
                last = hit.date()
        if found <= cap:
            self._spend(found, follow_up=follow_up)
            return True
        if follow_up:
            self._too_many_follow_ups(path)
        elif cap == MAX_OCCASIONS:
            self.add(
                path,
                codes.TOO_MANY_OCCASIONS,
                f"regeln {rule!r} ger fler än {MAX_OCCASIONS} tillfällen inom {period}; "
                f"gränsen är {MAX_OCCASIONS} per schema",
                f"the rule {rule!r} gives more than {MAX_OCCASIONS} occasions in {period}; "
                f"the limit is {MAX_OCCASIONS} per schedule",
            )
        else:
            self.add(
                path,
                codes.TOO_MANY_OCCASIONS,
                f"löftets scheman ger fler än {MAX_TOTAL_OCCASIONS} tillfällen sammanlagt "
                "inom perioden; gränsen nås vid den här regeln",
                f"the promise's schedules give more than {MAX_TOTAL_OCCASIONS} occasions in "
                "all in the period; the limit is reached at this rule",
            )
            self.occasions = 0
        return False

    def _spend(self, occasions: int, *, follow_up: bool) -> None:
        if follow_up:
            self.follow_ups -= occasions
        else:
            self.occasions -= occasions

    def _too_many_follow_ups(self, path: str) -> None:
        self.add(
            path,
            codes.TOO_MANY_OCCASIONS,
            f"uppföljningsreglerna ger fler än {MAX_FOLLOW_UP_OCCASIONS} uppföljningstillfällen "
            "sammanlagt inom perioden; gränsen nås vid den här regeln",
            f"the follow-up rules give more than {MAX_FOLLOW_UP_OCCASIONS} follow-up occasions "
            "in all in the period; the limit is reached at this rule",
        )
        self.follow_ups = 0


def _times_a_day(rule: str) -> int:
    """Return the most times a day *rule* can occur (its start is always a midnight).

    An hourly rule reaches ``ceil(24 / INTERVAL)`` hours a day, or its BYHOUR
    hours; any rule occurs at each combination of its BYHOUR, BYMINUTE and
    BYSECOND (the recurrence module refuses more than 24).
    """
    parts = rule_parts(rule)

    def count(name: str) -> int:
        return len(set(parts[name].split(","))) if name in parts else 0

    hours = count("BYHOUR")
    if parts.get("FREQ") == "HOURLY":
        interval = int(parts.get("INTERVAL", "1"))
        steps = -(-24 // interval)
        hours = min(steps, hours) if hours else steps
    return (hours or 1) * (count("BYMINUTE") or 1) * (count("BYSECOND") or 1)


def _times(rule: str, dtstart: dt.date, period: Period) -> Iterator[dt.datetime]:
    first = dt.datetime.combine(period.start, dt.time.min)
    last = dt.datetime.combine(period.end, dt.time.max)
    return walk(rule, dtstart, first, last)


def date_fault(path: str, day: dt.date) -> Fault | None:
    """Return the fault of a date outside the years the library computes with, or ``None``."""
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return None
    return (
        path,
        codes.DATE_OUT_OF_RANGE,
        (
            f"datumet {day} ligger utanför {EARLIEST_DATE}–{LATEST_DATE}, som biblioteket "
            "kan räkna med och skriva"
        ),
        (
            f"the date {day} lies outside {EARLIEST_DATE} to {LATEST_DATE}, which the library "
            "can compute with and write"
        ),
    )


def in_range(day: dt.date) -> bool:
    """Return whether *day* lies in the years the library computes with (1000-8999)."""
    return EARLIEST_DATE <= day <= LATEST_DATE


def _dates(promise: Promise) -> Iterator[tuple[str, dt.date]]:  # noqa: C901, PLR0912 - a branch per dated field
    """Yield every date of *promise* but its reports', with its path."""
    if promise.period is not None:
        yield "$.period.start", promise.period.start
        yield "$.period.end", promise.period.end
    if promise.signed_on is not None:
        yield "$.signed_on", promise.signed_on
    for i, signatory in enumerate(promise.signatories):
        if signatory.signed_on is not None:
            yield f"$.signatories[{i}].signed_on", signatory.signed_on
    for i, activity in enumerate(promise.activities):
        target = activity.target
        start = getattr(target, "start", None)
        due = getattr(target, "due", None)
        if start is not None:
            yield f"$.activities[{i}].target.start", start
        if due is not None:
            yield f"$.activities[{i}].target.due", due
        if activity.cancelled is not None and activity.cancelled.date is not None:
            yield f"$.activities[{i}].cancelled.date", activity.cancelled.date
    for i, indicator in enumerate(promise.indicators):
        if indicator.baseline is not None:
            yield f"$.indicators[{i}].baseline.date", indicator.baseline.date
        if indicator.target is not None and indicator.target.date is not None:
            yield f"$.indicators[{i}].target.date", indicator.target.date
        for k, measurement in enumerate(indicator.measurements):
            yield f"$.indicators[{i}].measurements[{k}].date", measurement.date
    for i, follow_up in enumerate(promise.follow_ups):
        yield f"$.follow_ups[{i}].held_on", follow_up.held_on
        if follow_up.covers is not None:
            yield f"$.follow_ups[{i}].covers.start", follow_up.covers.start
            yield f"$.follow_ups[{i}].covers.end", follow_up.covers.end
    for i, day in enumerate(promise.review_dates):
        yield f"$.review_dates[{i}]", day
    for i, related in enumerate(promise.related):
        if related.period is not None:
            yield f"$.related[{i}].period.start", related.period.start
            yield f"$.related[{i}].period.end", related.period.end


def _report_dates(promise: Promise, found: Limits) -> None:
    """Record every report date out of range; the common case is settled with two sets."""
    reports = promise.reports
    days = {r.date for r in reports}
    days.discard(None)
    spans = {r.period for r in reports}
    spans.discard(None)
    ends = {s.start for s in spans if s is not None} | {s.end for s in spans if s is not None}
    every = {d for d in days if d is not None} | ends
    if not every or (EARLIEST_DATE <= min(every) and max(every) <= LATEST_DATE):
        return
    for i, report in enumerate(reports):
        pairs = [(f"$.reports[{i}].date", report.date)]
        if report.period is not None:
            pairs += [
                (f"$.reports[{i}].period.start", report.period.start),
                (f"$.reports[{i}].period.end", report.period.end),
            ]
        for path, day in pairs:
            fault = date_fault(path, day) if day is not None else None
            if fault is not None:
                found.add(*fault)


def _rule_fault(path: str, rule: str) -> Fault | None:
    """Return the limit *rule*'s text passes, if any: not ASCII, a number too large, BYEASTER."""
    if not rule.isascii():
        odd = next(c for c in rule if not c.isascii())
        return (
            path,
            codes.RRULE_OUT_OF_LIMITS,
            (
                f"regeln {rule!r} har tecknet U+{ord(odd):04X}; en RRULE skrivs med ASCII "
                "(siffror 0–9)"
            ),
            (
                f"the rule {rule!r} has the character U+{ord(odd):04X}; an RRULE is written "
                "in ASCII (digits 0-9)"
            ),
        )
    for number in _NUMBER.findall(rule):
        if len(number) > 10 or int(number) > MAX_RULE_NUMBER:  # noqa: PLR2004 - 2**31 has 10 digits
            shown = number if len(number) <= 20 else f"{number[:20]}..."  # noqa: PLR2004
            return (
                path,
                codes.RRULE_OUT_OF_LIMITS,
                f"regeln {rule[:80]!r} har talet {shown}; högst {MAX_RULE_NUMBER} (2**31 - 1)",
                (
                    f"the rule {rule[:80]!r} has the number {shown}; at most {MAX_RULE_NUMBER} "
                    "(2**31 - 1)"
                ),
            )
    if "BYEASTER" in rule_parts(rule):
        return (
            path,
            codes.RRULE_OUT_OF_LIMITS,
            (
                f"regeln {rule!r} har BYEASTER, som inte hör till RFC 5545 och inte kan "
                "exporteras; skriv datumen med BYMONTH och BYMONTHDAY"
            ),
            (
                f"the rule {rule!r} has BYEASTER, which is not part of RFC 5545 and cannot be "
                "exported; write the dates with BYMONTH and BYMONTHDAY"
            ),
        )
    return None


def _check_period(promise: Promise, found: Limits) -> None:
    period = promise.period
    if period is None:
        return
    if _too_long(period.start, period.end):
        found.add(
            "$.period",
            codes.PERIOD_TOO_LONG,
            f"perioden {period} är längre än {MAX_PERIOD_YEARS} år ({period.days} dagar); "
            f"ett medborgarlöfte gäller ett till fyra år",
            f"the period {period} is longer than {MAX_PERIOD_YEARS} years ({period.days} "
            "days); a medborgarlöfte lasts one to four years",
        )
        found.expand = False


def _check_rules(promise: Promise, found: Limits) -> None:  # noqa: C901 - one pass, every rule
    """Check each schedule's and follow-up rule's text, start and number against the limits."""
    period = promise.period
    used = 0
    rules: list[tuple[str, str | None, dt.date | None]] = []
    for i, activity in enumerate(promise.activities):
        target = activity.target
        if isinstance(target, Schedule):
            rules.append(
                (f"$.activities[{i}].target.recurrence", target.recurrence.rule, target.start)
            )
    for i, rule in enumerate(promise.follow_up_rules):
        text = rule.recurrence.rule if rule.recurrence is not None else None
        rules.append((f"$.follow_up_rules[{i}].recurrence", text, None))
        if not 0 <= rule.report_due_days <= MAX_REPORT_DUE_DAYS:
            found.add(
                f"$.follow_up_rules[{i}].report_due_days",
                codes.REPORT_DUE_DAYS_OUT_OF_RANGE,
                f"report_due_days är {rule.report_due_days}; högst {MAX_REPORT_DUE_DAYS} "
                "dagar (ett år)",
                f"report_due_days is {rule.report_due_days}; at most {MAX_REPORT_DUE_DAYS} "
                "days (one year)",
            )
        elif period is not None and rule.recurrence is None and found.expand:
            occasions = _cadence_occasions(rule.cadence, period)
            if found.follow_ups and occasions > found.follow_ups:
                found._too_many_follow_ups(f"$.follow_up_rules[{i}].cadence")  # noqa: SLF001
            found.follow_ups = max(0, found.follow_ups - occasions)
    for path, text, start in rules:
        used += 1
        if used > MAX_RULES:
            found.expand = False  # the promise is refused: expand none of its rules
            if used == MAX_RULES + 1:
                found.add(
                    path.rsplit(".", 1)[0] if text is None else path,
                    codes.TOO_MANY_RULES,
                    f"löftet har fler än {MAX_RULES} scheman och uppföljningsregler; "
                    f"gränsen är {MAX_RULES}",
                    f"the promise has more than {MAX_RULES} schedules and follow-up rules; "
                    f"the limit is {MAX_RULES}",
                )
            continue
        if text is None:
            continue
        fault = _rule_fault(path, text)
        if fault is not None:
            found.add(*fault)
            found.refused.add(path)
            continue
        if period is not None and start is not None and _too_long(start, period.end):
            found.add(
                path.rsplit(".", 1)[0] + ".start",
                codes.PERIOD_TOO_LONG,
                f"schemat räknas från {start}, mer än {MAX_PERIOD_YEARS} år före periodens "
                f"slut {period.end}",
                f"the schedule is counted from {start}, more than {MAX_PERIOD_YEARS} years "
                f"before the period ends on {period.end}",
            )
            found.refused.add(path)


def _cadence_occasions(cadence: Cadence, period: Period) -> int:
    """Return at most how many occasions a follow-up rule of *cadence* gives in *period*."""
    shortest = _SHORTEST.get(cadence)
    if shortest is None:  # end of period
        return 1
    return period.days // shortest + 2


def check_limits(promise: Promise) -> Limits:
    """Return the limits *promise* passes, and what its rules may still expand.

    Checks the period's length, every date's year, each follow-up rule's
    ``report_due_days``, each rule's text (ASCII, numbers below 2**31, no
    BYEASTER) and start, and the number of schedules and follow-up rules.
    The occasions each rule gives are counted by the integrity rules, through
    :meth:`Limits.count`, so each rule is walked once.

    Args:
        promise: The promise to check.

    Returns:
        What was found; its :attr:`Limits.faults` are all errors.
    """
    found = Limits()
    _check_period(promise, found)
    for path, day in _dates(promise):
        fault = date_fault(path, day)
        if fault is not None:
            found.add(*fault)
            if path.startswith("$.period."):
                found.expand = False
    if promise.period is None:  # with a period, the integrity rules check the reports' dates
        _report_dates(promise, found)
    _check_rules(promise, found)
    return found
