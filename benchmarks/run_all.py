"""Every figure of issue #13 in one run, each ratio beside the baseline timed in the same run.

Prints, for the synthetic national data set (``dataset.py``):

* load (``loads_many``: parse, structure, integrity rules), standard library
  alone ÷ ``json.loads`` of the same bytes (goal <= 3);
* load with the ``fast`` extra ÷ ``orjson.loads`` (goal <= 2.5);
* dump (``dumps_many``), standard library alone ÷ ``json.dumps`` of the
  same data as plain dicts (goal <= 2); with the fast extra, the same
  dump ÷ ``json.dumps`` and ÷ ``orjson.dumps`` for information;
* peak memory of loading the set (``tracemalloc`` peak, standard library
  and fast extra) ÷ the size of its JSON (goal <= 15);
* wall time of ``medborgarlofte progress examples/hofors-2023-2024.toml
  --as-of 2024-06-30`` ÷ ``python -c pass``, both run as subprocesses of
  this interpreter (goal <= 8);

and then runs ``bench_progress.py`` next to this file as a subprocess and
prints its lines (the progress ratios).

In every repetition the baseline and ours run back to back; each ratio is
the median of the per-repetition ratios, which drifts less than a ratio of
two medians on a shared machine. The collector is left in its default
state throughout, as a user's program leaves it.

    python benchmarks/run_all.py                 # 5 repetitions, 10 CLI runs
    python benchmarks/run_all.py --reps 7 --progress-reps 3
    python benchmarks/run_all.py --no-progress   # skip bench_progress.py
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import national_json, national_promises  # found next to this file
from engines import fast_engines, stdlib_only

from medborgarlofte import dumps_many, loads_many

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    import orjson
except ImportError:  # pragma: no cover - the fast extra is optional
    orjson = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "hofors-2023-2024.toml"
CLI_ARGS = ("progress", str(EXAMPLE), "--as-of", "2024-06-30")


class Row(NamedTuple):
    """One figure: our median, the baseline's median, the median ratio and its goal."""

    name: str
    ours: float
    base: float
    ratio: float
    goal: float | None
    unit: str = "ms"


def _time(fn: Callable[[], Any]) -> float:
    """Return the seconds one call of *fn* takes, after a full collection."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paired(
    name: str, ours: Callable[[], Any], base: Callable[[], Any], reps: int, goal: float | None
) -> Row:
    """Time *base* and *ours* back to back in every repetition; return the medians."""
    rows = []
    for _ in range(reps):
        b = _time(base)
        o = _time(ours)
        rows.append((o, b, o / b))
    return Row(
        name,
        statistics.median(r[0] for r in rows) * 1e3,
        statistics.median(r[1] for r in rows) * 1e3,
        statistics.median(r[2] for r in rows),
        goal,
    )


def peak_memory(fn: Callable[[], Any]) -> int:
    """Return the peak of memory allocated through Python during one call of *fn*, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def _run(args: list[str]) -> float:
    """Return the wall time of one run of this interpreter with *args*; it must succeed."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    return time.perf_counter() - start


def cli_row(runs: int) -> Row:
    """Time the progress command against a bare interpreter, alternating, after one warm-up."""
    cli = ["-m", "medborgarlofte", *CLI_ARGS]
    bare = ["-c", "pass"]
    _run(cli)  # warm the file cache and the bytecode cache
    _run(bare)
    rows = []
    for _ in range(runs):
        b = _run(bare)
        o = _run(cli)
        rows.append((o, b, o / b))
    return Row(
        "CLI progress (hofors) / python -c pass",
        statistics.median(r[0] for r in rows) * 1e3,
        statistics.median(r[1] for r in rows) * 1e3,
        statistics.median(r[2] for r in rows),
        8.0,
    )


def _print(rows: list[Row]) -> None:
    print(f"{'figure':48} {'ours':>10} {'baseline':>10} {'ratio':>7} {'goal':>6}  met?")
    for row in rows:
        goal = "" if row.goal is None else f"{row.goal:6.2f}"
        met = "" if row.goal is None else ("yes" if row.ratio <= row.goal else "NO")
        ours = f"{row.ours:8.1f}{row.unit:>2}" if row.unit == "ms" else f"{row.ours:7.1f}{row.unit}"
        base = f"{row.base:8.1f}{row.unit:>2}" if row.unit == "ms" else f"{row.base:7.1f}{row.unit}"
        print(f"{row.name:48} {ours:>10} {base:>10} {row.ratio:7.2f} {goal:>6}  {met}")


def main(argv: list[str] | None = None) -> int:
    """Print every ratio of issue #13 beside its baseline; return the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each timing")
    parser.add_argument("--cli-runs", type=int, default=10, help="runs of the command line")
    parser.add_argument("--progress-reps", type=int, default=3, help="for bench_progress.py")
    parser.add_argument("--no-progress", action="store_true", help="skip bench_progress.py")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    reps = args.reps

    promises = national_promises(args.seed)
    data = national_json(args.seed)
    plain = json.loads(data)
    assert tuple(promises) == loads_many(data, max_size=None)  # noqa: S101 - the benchmark checks itself
    activities = sum(len(p.activities) for p in promises)
    reports = sum(len(p.reports) for p in promises)
    size = len(data)
    print(
        f"national data set: {len(promises)} promises, {activities} activities, "
        f"{reports} reports, {size / 1e6:.1f} MB of JSON"
    )
    engines = ", ".join(fast_engines()) or "not installed"
    print(
        f"Python {sys.version.split()[0]}; fast extra: {engines}"
        f"; medians of {reps} repetitions (ratios: medians of per-repetition ratios)"
    )
    print()

    def load() -> object:
        return loads_many(data, max_size=None)

    def dump() -> object:
        return dumps_many(promises)

    rows: list[Row] = []
    with stdlib_only():
        rows.append(paired("load (stdlib) / json.loads", load, lambda: json.loads(data), reps, 3.0))
        rows.append(
            paired("dump (stdlib) / json.dumps", dump, lambda: json.dumps(plain), reps, 2.0)
        )
    if orjson is not None:
        rows.append(
            paired("load (fast) / orjson.loads", load, lambda: orjson.loads(data), reps, 2.5)
        )
        rows.append(paired("dump (fast) / json.dumps", dump, lambda: json.dumps(plain), reps, None))
        rows.append(
            paired("dump (fast) / orjson.dumps", dump, lambda: orjson.dumps(plain), reps, None)
        )

    with stdlib_only():
        peak = peak_memory(load)
    rows.append(
        Row(
            "peak memory, load (stdlib) / JSON size",
            peak / 1e6,
            size / 1e6,
            peak / size,
            15.0,
            "MB",
        )
    )
    if orjson is not None:
        peak = peak_memory(load)
        rows.append(
            Row(
                "peak memory, load (fast) / JSON size",
                peak / 1e6,
                size / 1e6,
                peak / size,
                15.0,
                "MB",
            )
        )

    rows.append(cli_row(args.cli_runs))
    _print(rows)

    status = 0
    if not args.no_progress:
        print()
        print("bench_progress.py:")
        sys.stdout.flush()
        script = HERE / "bench_progress.py"
        done = subprocess.run(  # noqa: S603 - this interpreter, a script next to this one
            [sys.executable, str(script), "--reps", str(args.progress_reps)],
            check=False,
            capture_output=True,
            text=True,
        )
        for line in done.stdout.splitlines():
            print(f"  {line}")
        if done.returncode:
            print(f"  bench_progress.py failed (exit {done.returncode}):")
            for line in done.stderr.splitlines()[-15:]:
                print(f"  {line}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
