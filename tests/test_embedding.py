"""The library is safe to embed: no process-wide state, nothing kept, threads see equal results."""

from __future__ import annotations

import datetime as dt
import gc
import re
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medborgarlofte as ml
from medborgarlofte import (
    Activity,
    FocusArea,
    Interval,
    IntervalQuota,
    Milestone,
    Period,
    PeriodQuota,
    ProgressTracker,
    Promise,
    Recurrence,
    Report,
    Schedule,
    testing,
)
from medborgarlofte._compute import activities as _activities

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "medborgarlofte"
HOFORS = ROOT / "examples" / "hofors-2023-2024.toml"
D = dt.date
AS_OF_DATES = (D(2022, 12, 1), D(2023, 6, 30), D(2024, 2, 29), D(2024, 12, 31), D(2026, 1, 1))


# --------------------------------------------------------------------------- threads


def everything(promise: Promise, text: str) -> list[object]:
    """Run every operation a host would run on one promise; return what each gave."""
    out: list[object] = []
    try:
        out.append(ml.loads(text))
    except ml.ValidationError as exc:
        out.append(("refused", exc.problems))
    out.append(ml.validate(promise))
    out.append(ml.dumps(promise))
    out.extend(ml.progress(promise, as_of=as_of) for as_of in AS_OF_DATES)
    out.append(ml.follow_up_occasions(promise))
    out.append(ml.follow_up_coverage(promise, as_of=D(2024, 6, 30)))
    if promise.period is not None:
        out.extend(
            ml.expand_follow_up_rule(rule, promise.period) for rule in promise.follow_up_rules
        )
    return out


def run_in_threads(work: list[tuple[Promise, str]], threads: int = 16) -> list[list[object]]:
    """Run :func:`everything` on every promise in each of *threads* threads at once."""
    results: list[list[object] | BaseException] = [[] for _ in range(threads)]
    start = threading.Barrier(threads)

    def worker(k: int) -> None:
        try:
            start.wait()
            # Each thread walks the promises from a different place, so they overlap.
            order = work[k % len(work) :] + work[: k % len(work)]
            done = {id(p): everything(p, text) for p, text in order}
            results[k] = [item for p, _ in work for item in done[id(p)]]
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            results[k] = exc

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results  # type: ignore[return-value]


def test_sixteen_threads_get_the_single_threaded_results_and_leave_the_collector_alone():
    """16 threads loading, validating, dumping, following up and progressing Hofors agree."""
    hofors = ml.load(HOFORS)
    work = [(hofors, ml.dumps(hofors))]
    enabled = gc.isenabled()
    expected = [item for p, text in work for item in everything(p, text)]
    results = run_in_threads(work)
    assert enabled == gc.isenabled()
    assert [expected] * 16 == results


@settings(max_examples=3)
@given(st.lists(testing.promises(), min_size=2, max_size=5))
def test_sixteen_threads_agree_on_generated_promises(promises):
    """On any promises, every thread's results equal the single-threaded ones."""
    work = [(p, ml.dumps(p)) for p in promises]
    enabled = gc.isenabled()
    expected = [item for p, text in work for item in everything(p, text)]
    results = run_in_threads(work)
    assert enabled == gc.isenabled()
    assert [expected] * 16 == results


# --------------------------------------------------------------------------- process-wide state

GC_USE = re.compile(r"(?<![\w.])gc\.|^\s*import gc\b|^\s*from gc import", re.MULTILINE)
CLASS_SWAP = re.compile(r"\.__class__\s*=(?!=)")


def test_no_source_file_touches_the_collector_or_swaps_a_class():
    """grep finds no `gc.` call, no `import gc` and no `__class__ =` in the package."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        text = path.read_text("utf-8")
        if GC_USE.search(text):
            found.append((name, "gc"))
        if CLASS_SWAP.search(text):
            found.append((name, "__class__ ="))
    assert [] == found


# --------------------------------------------------------------------------- memory


def distinct_promise(k: int) -> Promise:
    """Return a promise whose schedules have rules no other k gives, with reports."""
    period = Period(start=D(2023, 1, 1), end=D(2024, 12, 31))
    until = period.end - dt.timedelta(days=k)
    activities = (
        # A closed form, and a rule only dateutil expands (COUNT), both distinct per k.
        Activity(
            id="daily",
            title="Tillsyn",
            focus_areas=("f",),
            target=Schedule(recurrence=Recurrence(rule=f"FREQ=DAILY;UNTIL={until:%Y%m%d}")),
        ),
        Activity(
            id="counted",
            title="Trygghetsvandring",
            target=Schedule(
                recurrence=Recurrence(
                    rule=f"FREQ=MONTHLY;COUNT={k % 23 + 2};BYMONTHDAY={k % 28 + 1}"
                )
            ),
        ),
        Activity(
            id="quota",
            title="Kontroller",
            target=IntervalQuota(amount=k % 7 + 1, unit="kontroller", per=Interval.MONTH),
        ),
        Activity(id="total", title="Insatser", target=PeriodQuota(amount=50 + k, unit="st")),
        Activity(id="once", title="Rapport", target=Milestone(due=D(2024, 6, 1))),
    )
    reports = tuple(
        Report(activity=a.id, date=D(2023, 1, 1) + dt.timedelta(days=3 * i + k % 3), amount=1)
        for a in activities
        for i in range(8)
    )
    return Promise(
        id=f"p{k}",
        title=f"Löfte {k}",
        period=period,
        focus_areas=(FocusArea(id="f", title="Trygghet"),),
        activities=activities,
        reports=reports,
    )


def test_progress_keeps_nothing_once_promises_and_results_are_dropped():
    """Progress for 200 promises with distinct rules leaves under 1 MB allocated once dropped."""
    ml.progress(distinct_promise(10_000), as_of=D(2024, 6, 30))  # imports, static data
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        promises = [distinct_promise(k) for k in range(200)]
        results = [ml.progress(p, as_of=as_of) for p in promises for as_of in AS_OF_DATES[1:3]]
        tracker = ProgressTracker(promises)
        results.append(tracker.progress(D(2024, 3, 31)))
        assert 200 == len(results[-1])
        del promises, results, tracker
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    kept = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert kept < 1_000_000


# --------------------------------------------------------------------------- the tracker


@given(st.lists(testing.promises(), max_size=4), st.lists(st.sampled_from(AS_OF_DATES), min_size=1))
def test_a_tracker_answers_as_plain_progress_does(promises, dates):
    """At every date, in any order, a tracker's answers equal plain progress, promise by promise."""
    one = ProgressTracker(promises[0]) if promises else None
    many = ProgressTracker(promises)
    for as_of in dates:
        plain = tuple(ml.progress(p, as_of=as_of) for p in promises)
        assert plain == many.progress(as_of)
        assert [[a.intervals for a in r.activities] for r in plain] == [
            [a.intervals for a in r.activities] for r in many.progress(as_of)
        ]
        if one is not None:
            assert plain[0] == one.progress(as_of)


@given(testing.promises(min_activities=1, with_period=True), st.sampled_from(AS_OF_DATES))
def test_a_tracker_passes_the_rules_on(promise, as_of):
    """Rules given to a tracker's question are the rules progress uses."""
    rules = ml.ProgressRules(on_track_pace=0.99, at_risk_pace=0.8, min_shortfall=0.0)
    assert ml.progress(promise, as_of=as_of, rules=rules) == ProgressTracker(promise).progress(
        as_of, rules=rules
    )


def test_a_tracker_expands_a_shared_rule_once(monkeypatch):
    """Twenty activities with one rule, asked about at twelve dates, expand the rule once."""
    calls = []
    real = _activities.occurrence_ordinals

    def counting(*args: object) -> tuple[int, ...]:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_activities, "occurrence_ordinals", counting)
    weekly = Schedule(recurrence=Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"), unit="möten")
    promise = Promise(
        id="p",
        title="P",
        period=Period.year(2023),
        activities=tuple(Activity(id=f"a{i}", title="A", target=weekly) for i in range(20)),
    )
    tracker = ProgressTracker(promise)
    planned = {a.planned for m in range(1, 13) for a in tracker.progress(D(2023, m, 28)).activities}
    assert (1, {52}) == (len(calls), planned)


def test_a_tracker_lists_its_promises_and_refuses_anything_else():
    """A tracker gives back its promises in order; a non-promise is a TypeError naming it."""
    first, second = distinct_promise(1), distinct_promise(2)
    assert (first, second) == ProgressTracker([first, second]).promises
    assert (first,) == ProgressTracker(first).promises
    with pytest.raises(TypeError, match="not int"):
        ProgressTracker(3)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="not str"):
        ProgressTracker([first, "p2"])  # type: ignore[list-item]
