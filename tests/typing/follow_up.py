"""The follow-up API as a downstream tool uses it; type-checked by mypy, not run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from medborgarlofte import (
    Cadence,
    CoverageGap,
    FollowUpCoverage,
    FollowUpOccasion,
    FollowUpRule,
    IntervalTable,
    OccasionState,
    Period,
    Promise,
    ReportingInterval,
    Verdict,
    end_of_period,
    expand_follow_up_rule,
    follow_up_coverage,
    follow_up_occasions,
    interval_table,
    next_working_day,
    to_icalendar,
)

promise = Promise(
    id="p",
    title="P",
    period=Period.year(2024),
    follow_up_rules=(FollowUpRule(id="bra", cadence=Cadence.TERTIAL, report_due_days=30),),
)
occasions = follow_up_occasions(promise, working_days=True)
assert_type(occasions, tuple[FollowUpOccasion, ...])
first = expand_follow_up_rule(promise.follow_up_rules[0], Period.year(2024))[0]
assert_type(first.due, dt.date)
assert_type(first.interval, ReportingInterval | None)
assert_type(first.label("en"), str)
assert_type(end_of_period(Period.year(2024)).kind is None, bool)

coverage = follow_up_coverage(promise, as_of=dt.date(2024, 6, 30), within_days=14)
assert_type(coverage, FollowUpCoverage)
assert_type(coverage.overdue[0].state, OccasionState)
assert_type(coverage.gaps, tuple[CoverageGap, ...])
assert_type(coverage.statuses[0].days_left, int)

table = interval_table(promise, first.covers, activities=["a1"])
assert_type(table, IntervalTable)
assert_type(table.rows[0].expected, float | None)

assert_type(to_icalendar(promise, as_of=dt.date(2024, 6, 30), lang="en"), bytes)
assert_type(next_working_day(dt.date(2024, 6, 21)), dt.date)
assert_type(Verdict.DONE.label(), str)
