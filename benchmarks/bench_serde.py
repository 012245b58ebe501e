"""Where the time of loading and dumping the national data set goes, part by part.

``run_all.py`` prints the figures a user sees (load and dump as ratios of
``json.loads``/``orjson.loads``/``json.dumps``); this script splits them into
their parts, each timed on its own (medians of several repetitions, each
after a full collection, the collector left in its default state):

* parsing: ``json.loads`` of the bytes (the reader without the ``fast`` extra);
* structuring the parsed document with the converter (``CONVERTER``);
* with the ``fast`` extra, the msgspec decoder: decoding into the mirror
  structs and building the model objects, together;
* the integrity rules (``validate``) of every promise;
* unstructuring every promise to plain data, and writing that as JSON lines
  with the standard library and, with the extra, with orjson.

    python benchmarks/bench_serde.py [--reps 5] [--seed 0]
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
from engines import fast_engines

from medborgarlofte import Promise, loads_many
from medborgarlofte._formats import api as _api
from medborgarlofte._formats import syntax as _syntax
from medborgarlofte._formats.converter import CONVERTER, JSON_CONVERTER

if TYPE_CHECKING:
    from collections.abc import Callable


def _median(fn: Callable[[], Any], reps: int) -> float:
    """Return the median seconds of *reps* calls of *fn*, each after a full collection."""
    times = []
    for _ in range(reps):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print the parts of a load and a dump of the national data set."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    reps = args.reps

    promises = national_promises(args.seed)
    data = national_json(args.seed)
    print(f"national data set: {len(data) / 1e6:.1f} MB of JSON; medians of {reps} reps")
    assert tuple(promises) == loads_many(data, max_size=None)  # noqa: S101 - the benchmark checks itself
    body = _api._body(json.loads(data))  # noqa: SLF001 - the benchmark looks inside
    collection = _api._Collection  # noqa: SLF001 - the benchmark looks inside
    plain = [CONVERTER.unstructure(p, Promise) for p in promises]
    marked = [JSON_CONVERTER.unstructure(p, Promise) for p in promises]

    parts: list[tuple[str, Callable[[], Any]]] = [
        ("parse: json.loads", lambda: json.loads(data)),
        ("structure: CONVERTER", lambda: CONVERTER.structure(body, collection)),
        ("integrity rules", lambda: [_api._rules(p) for p in promises]),  # noqa: SLF001
        ("unstructure: CONVERTER", lambda: [CONVERTER.unstructure(p, Promise) for p in promises]),
        ("write lines: json", lambda: [_syntax.json_line_stdlib(d) for d in plain]),
    ]
    engines = fast_engines()
    if "msgspec" in engines:
        from medborgarlofte._formats import msgspec_engine  # noqa: PLC0415 - only with the extra

        parts.append(("msgspec decode and build", lambda: msgspec_engine.decode_many(data)))
    if "orjson" in engines:
        parts.append(
            (
                "unstructure: JSON_CONVERTER",
                lambda: [JSON_CONVERTER.unstructure(p, Promise) for p in promises],
            )
        )
        parts.append(("write lines: orjson", lambda: [_syntax.json_line_orjson(d) for d in marked]))
    for name, fn in parts:
        print(f"  {name:32} {_median(fn, reps) * 1e3:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
