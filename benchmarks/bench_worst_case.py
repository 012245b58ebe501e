"""The worst cases: documents built to be slow are refused, or every operation stays in budget.

Each shape below is a document an attacker or a careless generator could
write: very long periods with fine rules, many distinct rules that never
occur again, rules and follow-ups at the limits, huge counts and huge
integers. For each, the script loads the document (which validates it).
A document past a limit must be refused with that limit's code; a document
inside the limits must go through every operation of the library --
validate, progress, follow-up occasions and coverage, ``to_icalendar``,
``render_html``, ``render_markdown`` and ``dumps`` -- within the budget of
issue #13: 2 s and 200 MB each (peak memory measured with tracemalloc in a
separate run of the same call; the library's own caches are emptied before
each call, so every figure is cold). It prints a table (``--all``: every
operation's figures) and exits 1 if any shape misses.

    .venv/bin/python benchmarks/bench_worst_case.py [--all]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import tracemalloc
from typing import TYPE_CHECKING, Any

import medborgarlofte as ml
from medborgarlofte._rules import limits

if TYPE_CHECKING:
    from collections.abc import Callable

BUDGET_SECONDS = 2.0
BUDGET_BYTES = 200 * 1024 * 1024
D = dt.date


def _promise(period: ml.Period | None, **fields: Any) -> ml.Promise:  # noqa: ANN401 - Promise fields
    return ml.Promise(
        id="worst",
        title="Medborgarlöfte, sämsta fallet",
        parties=(ml.Party(id="polisen", kind=ml.PartyKind.POLICE, name="Polisen"),),
        period=period,
        **fields,
    )


def _schedule(index: int, rule: str) -> ml.Activity:
    return ml.Activity(
        id=f"a{index}",
        title=f"Insats {index}",
        target=ml.Schedule(recurrence=ml.Recurrence(rule=rule)),
        responsible=("polisen",),
    )


def _json(promise: ml.Promise) -> str:
    return ml.dumps(promise, format="json")


TEN_YEARS = ml.Period(start=D(2025, 1, 1), end=D(2034, 12, 31))
TWO_YEARS = ml.Period(start=D(2025, 1, 1), end=D(2026, 12, 31))
NEVER_AGAIN = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS={n}"


def shapes() -> list[tuple[str, str, str | None]]:
    """Return (name, JSON document, the code it must be refused with or None)."""
    found: list[tuple[str, str, str | None]] = []
    found.append(
        (
            "period 0001-9998, FREQ=HOURLY",
            _json(
                _promise(
                    ml.Period(start=D(1, 1, 1), end=D(9998, 12, 31)),
                    activities=(_schedule(0, "FREQ=HOURLY"),),
                )
            ),
            "period-too-long",
        )
    )
    found.append(
        (
            "ten years, FREQ=HOURLY",
            _json(_promise(TEN_YEARS, activities=(_schedule(0, "FREQ=HOURLY"),))),
            "too-many-occasions",
        )
    )
    fine = tuple(
        _schedule(i, rule)
        for i, rule in enumerate(
            ["FREQ=DAILY;BYHOUR=0,6,12,18", "FREQ=DAILY;BYHOUR=1,7,13,19", "FREQ=DAILY;BYHOUR=2,14"]
        )
    )
    found.append(
        (
            "ten years, 40,000 occasions at the limits",
            _json(_promise(TEN_YEARS, activities=fine)),
            None,
        )
    )
    never = tuple(_schedule(i, NEVER_AGAIN.format(n=i + 1)) for i in range(300))
    found.append(
        (
            "300 distinct rules never occurring again",
            _json(_promise(TWO_YEARS, activities=never)),
            "too-many-rules",
        )
    )
    found.append(
        (
            f"{limits.MAX_RULES} distinct rules never occurring again",
            _json(_promise(TWO_YEARS, activities=never[: limits.MAX_RULES])),
            None,
        )
    )
    daily = ml.FollowUpRule(
        id="dagligen",
        cadence=ml.Cadence.SCHEDULE,
        recurrence=ml.Recurrence(rule="FREQ=DAILY"),
        report_due_days=limits.MAX_REPORT_DUE_DAYS,
    )
    up_to = ml.Period(
        start=D(2025, 1, 1),
        end=D(2025, 1, 1) + dt.timedelta(days=limits.MAX_FOLLOW_UP_OCCASIONS - 1),
    )
    found.append(
        (
            "1,000 follow-up occasions at the limit",
            _json(_promise(up_to, follow_up_rules=(daily,))),
            None,
        )
    )
    found.append(
        (
            "ten years of daily follow-ups",
            _json(_promise(TEN_YEARS, follow_up_rules=(daily,))),
            "too-many-occasions",
        )
    )
    big = 2**53
    quota = ml.Activity(
        id="kvot",
        title="Kvot",
        target=ml.PeriodQuota(amount=big, unit="st"),
        responsible=("polisen",),
    )
    counted = _schedule(1, "FREQ=DAILY;COUNT=2147483647")
    reports = tuple(
        ml.Report(
            activity="kvot",
            date=TWO_YEARS.start + dt.timedelta(days=i % 700),
            amount=big,
            quantities=(ml.Quantity(value=big, unit="st"),),
        )
        for i in range(5_000)
    )
    found.append(
        (
            "huge counts: 5,000 reports of 2**53, COUNT=2**31-1",
            _json(_promise(TWO_YEARS, activities=(quota, counted), reports=reports)),
            None,
        )
    )
    small = _json(_promise(TWO_YEARS, activities=(quota,)))
    found.append(
        (
            "an integer of 5,000 digits",
            small.replace(f'"amount": {big}', '"amount": ' + "9" * 5000),
            "number-out-of-range",
        )
    )
    found.append(
        (
            "an integer of 2**64",
            small.replace(f'"amount": {big}', f'"amount": {2**64}'),
            "number-out-of-range",
        )
    )
    found.append(
        (
            "an amount of 1.7e308",
            small.replace(f'"amount": {big}', '"amount": 1.7e308'),
            "number-out-of-range",
        )
    )
    found.append(
        (
            "the last years: 8999, deadline a year",
            _json(
                _promise(
                    ml.Period(start=D(8999, 1, 1), end=D(8999, 12, 31)),
                    follow_up_rules=(
                        ml.FollowUpRule(id="t", cadence=ml.Cadence.TERTIAL, report_due_days=366),
                    ),
                    activities=(_schedule(0, "FREQ=WEEKLY"),),
                )
            ),
            None,
        )
    )
    return found


def _cold() -> None:
    """Empty the library's own caches (functools caches in its modules), so each call is cold."""
    for name, module in list(sys.modules.items()):
        if name == "medborgarlofte" or name.startswith("medborgarlofte."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _measure(call: Callable[[], object]) -> tuple[float, int]:
    """Return the seconds one cold call takes and its peak of traced memory (a second call)."""
    _cold()
    start = time.perf_counter()
    call()
    seconds = time.perf_counter() - start
    _cold()
    tracemalloc.start()
    try:
        call()
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return seconds, peak


def operations(promise: ml.Promise) -> dict[str, Callable[[], object]]:
    """Return every operation of the library on *promise*, by name."""
    end = promise.period.end if promise.period is not None else D(2025, 12, 31)
    return {
        "validate": lambda: ml.validate(promise),
        "progress": lambda: ml.progress(promise, as_of=end),
        "follow_up_occasions": lambda: ml.follow_up_occasions(promise),
        "follow_up_coverage": lambda: ml.follow_up_coverage(promise, as_of=end),
        "to_icalendar": lambda: ml.to_icalendar(promise, as_of=end),
        "render_html": lambda: ml.render_html(promise, as_of=end),
        "render_markdown": lambda: ml.render_markdown(promise, as_of=end),
        "dumps": lambda: ml.dumps(promise),
    }


def main() -> int:
    """Run every shape and print the figures; return 1 if one misses its budget."""
    missed = 0
    print(f"budget per operation: {BUDGET_SECONDS} s and {BUDGET_BYTES // 2**20} MB")
    print(f"{'shape':50} {'size':>9} {'outcome':>24} {'worst op':>20} {'s':>6} {'MB':>6}")
    for name, text, refusal in shapes():
        _cold()
        start = time.perf_counter()
        try:
            promise = ml.loads(text, format="json")
        except ml.ValidationError as error:
            seconds = time.perf_counter() - start
            codes = {p.code for p in error.errors}
            ok = refusal in codes and seconds <= BUDGET_SECONDS
            missed += not ok
            shown = f"refused {refusal}" if refusal in codes else f"refused {sorted(codes)}"
            print(f"{name:50} {len(text):9,} {shown:>24} {'loads':>20} {seconds:6.2f} {'':>6}")
            continue
        load_seconds = time.perf_counter() - start
        if refusal is not None:
            missed += 1
            print(f"{name:50} {len(text):9,} {'ACCEPTED, expected ' + refusal:>24}")
            continue
        figures = {op: _measure(call) for op, call in operations(promise).items()}
        figures["loads"] = (load_seconds, 0)
        worst = max(figures, key=lambda op: figures[op][0])
        seconds, _ = figures[worst]
        peak = max(p for _, p in figures.values())
        ok = all(s <= BUDGET_SECONDS and p <= BUDGET_BYTES for s, p in figures.values())
        missed += not ok
        outcome = "every operation" if ok else "OVER BUDGET"
        print(
            f"{name:50} {len(text):9,} {outcome:>24} {worst:>20} {seconds:6.2f} {peak / 2**20:6.1f}"
        )
        if "--all" in sys.argv:
            for op, (s, p) in figures.items():
                print(f"    {op:30} {s:6.3f} s {p / 2**20:7.1f} MB")
    print("all within budget" if not missed else f"{missed} shape(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
