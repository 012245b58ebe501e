"""Tests for the limits: a promise past each limit, refused by validate, and a valid neighbour."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from medborgarlofte import (
    PROBLEM_CODES,
    Activity,
    Cadence,
    Direction,
    FollowUp,
    FollowUpRule,
    Indicator,
    Measurement,
    Party,
    PartyKind,
    Period,
    Promise,
    Recurrence,
    Report,
    Schedule,
    Severity,
    ValidationError,
    loads,
    validate,
)
from medborgarlofte._rules import limits

E = Severity.ERROR
D = dt.date

BASE = Promise(
    id="hofors-2023-2024",
    title="Medborgarlöfte Hofors 2023–2024",
    parties=(Party(id="polisen", kind=PartyKind.POLICE, name="LPO Gästrikland"),),
    period=Period(start=D(2023, 1, 1), end=D(2024, 12, 31)),
)
SCHEDULE = "$.activities[0].target.recurrence"


def _with(**changes):
    """Return BASE with *changes*."""
    return attrs.evolve(BASE, **changes)


def _schedules(*rules: str, start: dt.date | None = None) -> Promise:
    """Return BASE with one scheduled activity per rule."""
    return _with(
        activities=tuple(
            Activity(
                id=f"a{i}",
                title="Lägesbild",
                target=Schedule(recurrence=Recurrence(rule=rule), start=start),
            )
            for i, rule in enumerate(rules)
        )
    )


def _follow_ups(*rules: str, **changes) -> Promise:
    """Return BASE with one scheduled follow-up rule per rule."""
    return _with(
        follow_up_rules=tuple(
            FollowUpRule(
                id=f"r{i}", cadence=Cadence.SCHEDULE, recurrence=Recurrence(rule=rule), **changes
            )
            for i, rule in enumerate(rules)
        )
    )


def _limit_problems(promise: Promise) -> list[tuple[str, str, Severity]]:
    """Return (path, code, severity) of every problem of a limit's code in *promise*."""
    mine = {c.code for c in PROBLEM_CODES.values() if c.area == "limits"}
    return [(p.path, p.code, p.severity) for p in validate(promise) if p.code in mine]


TEN_YEARS_LATER = D(2033, 1, 1)
CASES = [
    pytest.param(
        _with(period=Period(start=D(2023, 1, 1), end=TEN_YEARS_LATER)),
        [("$.period", "period-too-long", E)],
        _with(period=Period(start=D(2023, 1, 1), end=D(2032, 12, 31))),
        id="period-too-long",
    ),
    pytest.param(
        _with(period=Period(start=D(1, 1, 1), end=D(9998, 12, 31))),
        [
            ("$.period", "period-too-long", E),
            ("$.period.start", "date-out-of-range", E),
            ("$.period.end", "date-out-of-range", E),
        ],
        _with(period=Period(start=D(1000, 1, 1), end=D(1000, 12, 31))),
        id="long-period-before-year-1000",
    ),
    pytest.param(
        _schedules("FREQ=DAILY", start=D(2012, 12, 31)),
        [("$.activities[0].target.start", "period-too-long", E)],
        _schedules("FREQ=DAILY", start=D(2015, 1, 1)),
        id="schedule-counted-from-long-before",
    ),
    pytest.param(
        _with(signed_on=D(999, 12, 31)),
        [("$.signed_on", "date-out-of-range", E)],
        _with(signed_on=D(1000, 1, 1)),
        id="date-before-year-1000",
    ),
    pytest.param(
        _with(review_dates=(D(2024, 1, 1), D(9000, 1, 1))),
        [("$.review_dates[1]", "date-out-of-range", E)],
        _with(review_dates=(D(2024, 1, 1), D(8999, 12, 31))),
        id="date-after-8999",
    ),
    pytest.param(
        _with(reports=(Report(date=D(2024, 1, 1)), Report(date=D(9999, 12, 31)))),
        [("$.reports[1].date", "date-out-of-range", E)],
        _with(reports=(Report(date=D(2024, 1, 1)), Report(date=D(2025, 12, 31)))),
        id="report-date-out-of-range",
    ),
    pytest.param(
        _with(reports=(Report(period=Period(start=D(1, 1, 1), end=D(2024, 1, 1))),)),
        [("$.reports[0].period.start", "date-out-of-range", E)],
        _with(reports=(Report(period=Period(start=D(2022, 1, 1), end=D(2024, 1, 1))),)),
        id="report-period-out-of-range",
    ),
    pytest.param(
        _with(period=None, reports=(Report(date=D(9999, 1, 1)),)),
        [("$.reports[0].date", "date-out-of-range", E)],
        _with(period=None, reports=(Report(date=D(8999, 1, 1)),)),
        id="report-date-out-of-range-without-period",
    ),
    pytest.param(
        _with(
            indicators=(
                Indicator(
                    id="i",
                    name="Otrygga",
                    unit="%",
                    direction=Direction.DECREASE,
                    measurements=(Measurement(date=D(1, 1, 1), value=3),),
                ),
            ),
            follow_ups=(FollowUp(id="f", held_on=D(9999, 1, 1)),),
        ),
        [
            ("$.indicators[0].measurements[0].date", "date-out-of-range", E),
            ("$.follow_ups[0].held_on", "date-out-of-range", E),
        ],
        _with(follow_ups=(FollowUp(id="f", held_on=D(2024, 1, 1)),)),
        id="dates-everywhere",
    ),
    pytest.param(
        _with(follow_up_rules=(FollowUpRule(id="r", cadence=Cadence.YEARLY, report_due_days=367),)),
        [("$.follow_up_rules[0].report_due_days", "report-due-days-out-of-range", E)],
        _with(follow_up_rules=(FollowUpRule(id="r", cadence=Cadence.YEARLY, report_due_days=366),)),
        id="report-due-days-out-of-range",
    ),
    pytest.param(
        _schedules(f"FREQ=WEEKLY;INTERVAL={2**31}"),
        [(SCHEDULE, "rrule-out-of-limits", E)],
        _schedules(f"FREQ=WEEKLY;INTERVAL={2**31 - 1}"),
        id="rrule-interval-2-to-the-31",
    ),
    pytest.param(
        _schedules("FREQ=WEEKLY;INTERVAL=\uff12"),  # a full-width 2, which int() reads
        [(SCHEDULE, "rrule-out-of-limits", E)],
        _schedules("FREQ=WEEKLY;INTERVAL=2"),
        id="rrule-non-ascii-digit",
    ),
    pytest.param(
        _schedules("FREQ=YEARLY;BYEASTER=0"),
        [(SCHEDULE, "rrule-out-of-limits", E)],
        _schedules("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=1"),
        id="rrule-byeaster",
    ),
    pytest.param(
        attrs.evolve(
            _schedules("FREQ=HOURLY"), period=Period(start=D(2023, 1, 1), end=D(2025, 6, 30))
        ),
        [(SCHEDULE, "too-many-occasions", E)],
        _schedules("FREQ=HOURLY"),
        id="too-many-occasions",
    ),
    pytest.param(
        _schedules("FREQ=HOURLY", "FREQ=HOURLY", "FREQ=HOURLY"),
        [("$.activities[2].target.recurrence", "too-many-occasions", E)],
        _schedules("FREQ=HOURLY", "FREQ=HOURLY", "FREQ=DAILY"),
        id="too-many-occasions-in-all",
    ),
    pytest.param(
        _follow_ups("FREQ=DAILY", "FREQ=DAILY"),
        [("$.follow_up_rules[1].recurrence", "too-many-occasions", E)],
        _follow_ups("FREQ=DAILY", "FREQ=WEEKLY"),
        id="too-many-follow-up-occasions",
    ),
    pytest.param(
        _with(
            follow_up_rules=tuple(
                FollowUpRule(id=f"r{i}", cadence=Cadence.MONTHLY) for i in range(40)
            )
        ),
        [("$.follow_up_rules[35].cadence", "too-many-occasions", E)],
        _with(
            follow_up_rules=tuple(
                FollowUpRule(id=f"r{i}", cadence=Cadence.MONTHLY) for i in range(35)
            )
        ),
        id="too-many-follow-up-occasions-by-cadence",
    ),
    pytest.param(
        _follow_ups("FREQ=DAILY;BYHOUR=9,15"),
        [("$.follow_up_rules[0].recurrence", "follow-up-rule-too-frequent", E)],
        _follow_ups("FREQ=DAILY;BYHOUR=9"),
        id="follow-up-rule-too-frequent",
    ),
    pytest.param(
        _schedules(*["FREQ=WEEKLY"] * (limits.MAX_RULES + 1)),
        [(f"$.activities[{limits.MAX_RULES}].target.recurrence", "too-many-rules", E)],
        _schedules(*["FREQ=WEEKLY"] * limits.MAX_RULES),
        id="too-many-rules",
    ),
]


@pytest.mark.parametrize(("bad", "expected", "good"), CASES)
def test_limit(bad, expected, good):
    """A promise past one limit gives exactly its problem; its neighbour passes every limit."""
    assert expected == _limit_problems(bad)
    assert [] == _limit_problems(good)


def test_every_limits_code_has_a_case():
    """Every code of the limits area is shown by a case above."""
    registered = {c.code for c in PROBLEM_CODES.values() if c.area == "limits"}
    shown = {code for case in CASES for _, code, _ in case.values[1]}
    assert registered == shown


@pytest.mark.parametrize("bad", [pytest.param(c.values[0], id=c.id) for c in CASES])
def test_limit_problems_name_the_limit_in_both_languages(bad):
    """Every limit problem is an error with a Swedish and an English message of its own."""
    for problem in validate(bad):
        if problem.code in {c.code for c in PROBLEM_CODES.values() if c.area == "limits"}:
            assert problem.is_error
            assert problem.message_sv
            assert problem.message_en
            assert problem.message_sv != problem.message_en


def test_the_630_byte_document_of_issue_13_is_refused():
    """A period from year 1 to 9998 with an hourly schedule is refused by loading, not expanded."""
    text = """format_version = 1
id = "p"
title = "P"

[[parties]]
id = "polisen"
kind = "police"
name = "Polisen"

[period]
start = "0001-01-01"
end = "9998-12-31"

[[activities]]
id = "a"
title = "A"

[activities.target]
kind = "schedule"
recurrence = "FREQ=HOURLY"
"""
    with pytest.raises(ValidationError) as caught:
        loads(text, format="toml")
    assert [
        ("$.period", "period-too-long"),
        ("$.period.start", "date-out-of-range"),
        ("$.period.end", "date-out-of-range"),
    ] == [(p.path, p.code) for p in caught.value.problems]


def test_hundreds_of_rules_that_never_occur_again_are_refused_without_expanding_them():
    """300 distinct rules that never occur again are refused by the rule count, none expanded."""
    rules = [
        f"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS={n % 2 + 1}" for n in range(300)
    ]
    promise = _schedules(*rules)
    walked: list[str] = []
    original = limits.Limits.count

    def spy(self, path, *args, **kwargs):
        walked.append(path)
        return original(self, path, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits.Limits, "count", spy)
        problems = _limit_problems(promise)
    assert [
        (f"$.activities[{limits.MAX_RULES}].target.recurrence", "too-many-rules", E)
    ] == problems
    assert [] == walked


def test_a_schedule_in_the_last_years_is_within_range_of_every_derived_date():
    """A promise ending 8999-12-31 with a deadline of a year passes the limits."""
    promise = _with(
        period=Period(start=D(8999, 1, 1), end=D(8999, 12, 31)),
        follow_up_rules=(FollowUpRule(id="r", cadence=Cadence.TERTIAL, report_due_days=366),),
    )
    assert [] == _limit_problems(promise)


def test_years_later_keeps_29_february_in_range():
    """Ten years after 29 February is 28 February; past year 9999 there is none."""
    assert D(2034, 2, 28) == limits.years_later(D(2024, 2, 29), 10)
    assert limits.years_later(D(9995, 1, 1), 10) is None
