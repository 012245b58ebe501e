"""Benchmark loading and dumping the national data set, as ratios to plain JSON.

Prints, from one run, medians of several repetitions of:

* load-and-validate (``loads_many``: parse, structure, integrity rules) ÷
  ``json.loads`` of the same bytes, with the standard library alone;
* dump (``dumps_many``) ÷ ``json.dumps`` of the same data as plain dicts;
* with the ``fast`` extra (orjson and msgspec) installed, the same two
  against ``orjson.loads`` / ``orjson.dumps``; the load then goes through
  the msgspec decoder.

Goals (issue #3): standard library load <= 3x, dump <= 2.5x; fast extra
load <= 2x, dump <= 2x. Baselines run with the garbage collector in its
default state; the library pauses it during bulk loads and dumps, so the
ratio against baselines with the collector off is printed too. In every
repetition the baseline and ours run back to back, and the ratio printed is
the median of the per-repetition ratios, which drifts less than the times
on a shared machine.

    .venv/bin/python benchmarks/bench_serde.py [--reps 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import national_json, national_promises  # found next to this file
from engines import stdlib_only

from medborgarlofte import Promise, dumps_many, loads_many
from medborgarlofte._formats import api as _api
from medborgarlofte._formats import msgspec_engine as _msgspec
from medborgarlofte._formats import syntax as _formats
from medborgarlofte._formats.converter import FAST_CONVERTER

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    import orjson
except ImportError:  # pragma: no cover - the fast extra is optional
    orjson = None


def _time(fn: Callable[[], Any], *, gc_off: bool = False) -> float:
    """Return the seconds one call of *fn* takes, after a full collection."""
    gc.collect()
    was_enabled = gc.isenabled()
    if gc_off:
        gc.disable()
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    if was_enabled:
        gc.enable()
    return elapsed


def _median(fn: Callable[[], Any], reps: int, *, gc_off: bool = False) -> float:
    return statistics.median(_time(fn, gc_off=gc_off) for _ in range(reps))


def _paired(
    ours: Callable[[], Any], base: Callable[[], Any], reps: int
) -> tuple[float, float, float, float]:
    """Time *ours* and *base* (GC on, then off) back to back in every repetition.

    Returns the medians of our time and the baseline's, and the medians of the
    per-repetition ratios to the baseline with GC on and with GC off: on a
    shared machine whose speed drifts, a ratio of times taken moments apart
    is steadier than a ratio of medians taken minutes apart.
    """
    rows = []
    for _ in range(reps):
        base_on = _time(base)
        base_off = _time(base, gc_off=True)
        mine = _time(ours)
        rows.append((mine, base_on, mine / base_on, mine / base_off))
    return (
        statistics.median(r[0] for r in rows),
        statistics.median(r[1] for r in rows),
        statistics.median(r[2] for r in rows),
        statistics.median(r[3] for r in rows),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    reps = args.reps

    promises = national_promises(args.seed)
    data = national_json(args.seed)
    plain = json.loads(data)
    activities = sum(len(p.activities) for p in promises)
    reports = sum(len(p.reports) for p in promises)
    print(
        f"national data set: {len(promises)} promises, {activities} activities, "
        f"{reports} reports, {len(data) / 1e6:.1f} MB of JSON; medians of {reps} reps"
    )
    assert tuple(promises) == loads_many(data)  # noqa: S101 - the benchmark checks itself

    rows: list[tuple[str, float, float, float, float]] = []

    with stdlib_only():
        load_std = _paired(lambda: loads_many(data), lambda: json.loads(data), reps)
        dump_std = _paired(lambda: dumps_many(promises), lambda: json.dumps(plain), reps)
    rows.append(("load+validate (stdlib) / json.loads", *load_std))
    rows.append(("dump (stdlib) / json.dumps", *dump_std))

    if orjson is not None:
        engine = "msgspec decoder" if _msgspec.has_msgspec() else "orjson parser only"
        print(f"fast extra: orjson installed; load through the {engine}")
        load_fast = _paired(lambda: loads_many(data), lambda: orjson.loads(data), reps)
        dump_fast = _paired(lambda: dumps_many(promises), lambda: orjson.dumps(plain), reps)
        rows.append(("load+validate (fast) / orjson.loads", *load_fast))
        rows.append(("dump (fast) / orjson.dumps", *dump_fast))

    # Where the load time goes (orjson parse if installed, else json).
    parsed = _formats.parse(data, "json")
    body = _api._body(parsed)  # noqa: SLF001 - the benchmark looks inside
    structure = _median(lambda: FAST_CONVERTER.structure(body, _api._Collection), reps)  # noqa: SLF001 - the benchmark looks inside
    rules = _median(lambda: [_api._rules(p) for p in promises], reps)  # noqa: SLF001 - the benchmark looks inside
    decode = _median(lambda: _msgspec.decode_many(data), reps)
    unstructure = _median(lambda: [FAST_CONVERTER.unstructure(p, Promise) for p in promises], reps)

    print()
    print(f"{'ratio':44} {'ours ms':>9} {'base ms':>9} {'ratio':>6} {'vs GC-off base':>15}")
    for name, ours, base, ratio, ratio_off in rows:
        print(f"{name:44} {ours * 1e3:9.0f} {base * 1e3:9.0f} {ratio:6.2f} {ratio_off:15.2f}")
    print()
    print("breakdown:")
    print(f"  structure (fast converter)   {structure * 1e3:8.0f} ms")
    print(f"  msgspec decode and build     {decode * 1e3:8.0f} ms")
    print(f"  integrity rules              {rules * 1e3:8.0f} ms")
    print(f"  unstructure                  {unstructure * 1e3:8.0f} ms")


if __name__ == "__main__":
    main()
