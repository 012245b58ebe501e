"""Benchmark loading and dumping the national data set, as ratios to plain JSON.

Prints, from one run, medians of several repetitions of:

* load-and-validate (``loads_many``: parse, structure, integrity rules) ÷
  ``json.loads`` of the same bytes, with the standard library alone;
* dump (``dumps_many``) ÷ ``json.dumps`` of the same data as plain dicts;
* with the ``fast`` extra (orjson) installed, the same two against
  ``orjson.loads`` / ``orjson.dumps``.

Goals (issue #3): standard library load <= 3x, dump <= 2.5x; fast extra
load <= 2x, dump <= 2x. Baselines run with the garbage collector in its
default state; the library pauses it during bulk loads and dumps, so the
ratio against baselines with the collector off is printed too.

    .venv/bin/python benchmarks/bench_serde.py [--reps 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import national_json, national_promises  # found next to this file

from medborgarlofte import Promise, dumps_many, loads_many
from medborgarlofte._serde import _api, _formats
from medborgarlofte._serde._converter import FAST_CONVERTER

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

try:
    import orjson
except ImportError:  # pragma: no cover - the fast extra is optional
    orjson = None


def _median(fn: Callable[[], Any], reps: int, *, gc_off: bool = False) -> float:
    times = []
    was_enabled = gc.isenabled()
    for _ in range(reps):
        gc.collect()
        if gc_off:
            gc.disable()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if was_enabled:
            gc.enable()
    return statistics.median(times)


@contextlib.contextmanager
def _stdlib_only() -> Iterator[None]:
    """Run the library as if the fast extra were not installed."""
    saved = _formats._orjson  # noqa: SLF001 - the benchmark looks inside
    _formats._orjson = None  # noqa: SLF001 - the benchmark looks inside
    try:
        yield
    finally:
        _formats._orjson = saved  # noqa: SLF001 - the benchmark looks inside


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

    rows: list[tuple[str, float, float, float]] = []

    def row(name: str, ours: float, base: float, base_off: float) -> None:
        rows.append((name, ours, base, base_off))

    json_loads = _median(lambda: json.loads(data), reps)
    json_loads_off = _median(lambda: json.loads(data), reps, gc_off=True)
    json_dumps = _median(lambda: json.dumps(plain), reps)
    json_dumps_off = _median(lambda: json.dumps(plain), reps, gc_off=True)
    with _stdlib_only():
        load_std = _median(lambda: loads_many(data), reps)
        dump_std = _median(lambda: dumps_many(promises), reps)
    row("load+validate (stdlib) / json.loads", load_std, json_loads, json_loads_off)
    row("dump (stdlib) / json.dumps", dump_std, json_dumps, json_dumps_off)

    if orjson is not None:
        or_loads = _median(lambda: orjson.loads(data), reps)
        or_loads_off = _median(lambda: orjson.loads(data), reps, gc_off=True)
        or_dumps = _median(lambda: orjson.dumps(plain), reps)
        or_dumps_off = _median(lambda: orjson.dumps(plain), reps, gc_off=True)
        load_fast = _median(lambda: loads_many(data), reps)
        dump_fast = _median(lambda: dumps_many(promises), reps)
        row("load+validate (fast) / orjson.loads", load_fast, or_loads, or_loads_off)
        row("dump (fast) / orjson.dumps", dump_fast, or_dumps, or_dumps_off)

    # Where the load time goes (orjson parse if installed, else json).
    parsed = _formats.parse(data, "json")
    body = _api._body(parsed)  # noqa: SLF001 - the benchmark looks inside
    with _api._gc_paused():  # noqa: SLF001 - the benchmark looks inside
        structure = _median(lambda: FAST_CONVERTER.structure(body, _api._Collection), reps)  # noqa: SLF001 - the benchmark looks inside
        rules = _median(lambda: [_api._rules(p) for p in promises], reps)  # noqa: SLF001 - the benchmark looks inside
        unstructure = _median(
            lambda: [FAST_CONVERTER.unstructure(p, Promise) for p in promises], reps
        )

    print()
    print(f"{'ratio':44} {'ours ms':>9} {'base ms':>9} {'ratio':>6} {'vs GC-off base':>15}")
    for name, ours, base, base_off in rows:
        print(
            f"{name:44} {ours * 1e3:9.0f} {base * 1e3:9.0f} {ours / base:6.2f} "
            f"{ours / base_off:15.2f}"
        )
    print()
    print("breakdown (GC paused):")
    print(f"  structure (fast converter)   {structure * 1e3:8.0f} ms")
    print(f"  integrity rules              {rules * 1e3:8.0f} ms")
    print(f"  unstructure                  {unstructure * 1e3:8.0f} ms")


if __name__ == "__main__":
    main()
