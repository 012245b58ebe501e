"""Progress over the national data set, as a ratio of the time to load it (issue #13).

Each repetition loads the synthetic national data set
(``benchmarks/dataset.py``: 290 kommuner x 2 promises, 2023-2024 and
2025-2026, x 20 activities x 24 reports) from JSON with
``medborgarlofte.loads_many`` -- with the ``fast`` extra (orjson, msgspec)
installed, the load the figures are measured against -- and then, on the
promises just loaded:

* progress at one as-of date, cold: plain ``progress()`` for every promise,
  and a new ``ProgressTracker`` over all of them asked once. Nothing is kept
  between calls or repetitions, so every run of ``progress()`` is cold;
* progress at twelve monthly as-of dates: plain ``progress()`` twelve times
  for every promise, and one new ``ProgressTracker`` asked twelve times;
* the cold run again with the closed forms of the rules turned off, to show
  what that one speed technique pays on the figure a user sees.

Every time is printed as a ratio of the fast load of the same repetition
(the median of the per-repetition ratios), so the numbers travel between
machines. Goals (issue #13): one date cold <= 0.5 x the fast load, twelve
dates <= 2.5 x (through the tracker).

    python benchmarks/bench_progress.py            # 5 repetitions
    python benchmarks/bench_progress.py --reps 9
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import national_json  # found next to this file
from engines import stdlib_only

from medborgarlofte import ProgressTracker, loads_many, progress
from medborgarlofte._compute import occurrences as _occurrences
from medborgarlofte._formats import msgspec_engine as _msgspec

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from medborgarlofte import Promise

AS_OF = dt.date(2024, 6, 30)
MONTHLY = tuple(dt.date(2024, month, 28) for month in range(1, 13))
GOALS = {"one date, cold": 0.5, "12 monthly dates": 2.5}


def timed(task: Callable[[], object]) -> float:
    """Return the wall time of one run of *task*, after a full collection."""
    gc.collect()
    start = time.perf_counter()
    task()
    return time.perf_counter() - start


def plain(promises: Sequence[Promise], dates: Sequence[dt.date]) -> int:
    """Compute progress of every promise at every date with plain calls; return activities seen."""
    return sum(
        len(progress(promise, as_of=as_of).activities) for as_of in dates for promise in promises
    )


def tracked(promises: Sequence[Promise], dates: Sequence[dt.date]) -> int:
    """Compute the same through one new tracker asked once per date; return activities seen."""
    tracker = ProgressTracker(promises)
    return sum(len(result.activities) for as_of in dates for result in tracker.progress(as_of))


def without_closed_forms(promises: Sequence[Promise]) -> int:
    """Compute progress at one date with every rule expanded by dateutil."""
    with mock.patch.object(_occurrences, "closed_form", return_value=None):
        return plain(promises, (AS_OF,))


def main(argv: list[str] | None = None) -> int:
    """Print progress time over load time for the national data set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    if not _msgspec.has_msgspec():
        print("the fast extra (orjson, msgspec) is not installed: install it to measure")
        return 1

    text = national_json()
    first = loads_many(text, max_size=None)
    activities = sum(len(p.activities) for p in first)
    reports = sum(len(p.reports) for p in first)
    print(
        f"national data set: {len(first)} promises, {activities} activities, "
        f"{reports} reports, {len(text) / 1e6:.1f} MB of JSON"
    )
    del first

    def load_into(promises: list[Promise]) -> None:
        promises.extend(loads_many(text, max_size=None))

    def load_std() -> object:
        with stdlib_only():
            return loads_many(text, max_size=None)

    labels = (
        "load (stdlib, for reference)",
        "one date, cold: progress()",
        "one date, cold: tracker",
        "12 monthly dates: progress()",
        "12 monthly dates: tracker",
        "one date, cold, no closed forms",
    )
    rows = []
    for _ in range(args.reps):
        loaded: list[Promise] = []
        fast = timed(functools.partial(load_into, loaded))
        rows.append(
            (
                fast,
                timed(load_std),
                timed(functools.partial(plain, loaded, (AS_OF,))),
                timed(functools.partial(tracked, loaded, (AS_OF,))),
                timed(functools.partial(plain, loaded, MONTHLY)),
                timed(functools.partial(tracked, loaded, MONTHLY)),
                timed(functools.partial(without_closed_forms, loaded)),
            )
        )
        del loaded

    print(f"medians of {args.reps} repetitions; ratios are medians of per-repetition ratios")
    fast_ms = statistics.median(r[0] for r in rows) * 1e3
    print(f"{'load (fast: orjson + msgspec)':34} {fast_ms:8.1f} ms")
    print(f"{'':34} {'ms':>8}  {'x fast load':>11}")
    ratios = {}
    for k, label in enumerate(labels, start=1):
        ms = statistics.median(r[k] for r in rows) * 1e3
        ratio = statistics.median(r[k] / r[0] for r in rows)
        ratios[label] = ratio
        print(f"{label + ':':34} {ms:8.1f}  {ratio:11.2f}")
    gain = statistics.median(r[6] / r[2] for r in rows)
    print(f"closed forms: a cold run without them takes {gain:.2f} x the time (keep if >= 1.25)")
    for name, goal in GOALS.items():
        for how in ("progress()", "tracker"):
            ratio = ratios[f"{name}: {how}"]
            verdict = "met" if ratio <= goal else "NOT met"
            print(f"goal: {name} ({how}) <= {goal} x the fast load: {verdict} ({ratio:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
