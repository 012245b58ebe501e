"""How long `medborgarlofte.draft` takes for a 10 KB text, after import (issue #17).

The text is written here in the project's own words: a press release of a
signing, with a period, signatories, a quote, focus areas, twenty activities
in bullet lists and a follow-up sentence, repeated with other numbers until it
is 10 KB; and a follow-up report of 10 KB, which is also drafted as a
follow-up document. The first call (which builds the kommun pattern and reads
Babel's month names once) is timed on its own; the goal is for the calls
after it:

    python benchmarks/bench_draft.py            # 30 repetitions
    python benchmarks/bench_draft.py --reps 100

Goal: drafting a 10 KB text takes <= 50 ms after import. The machine is
shared, so the median and the fastest run are both printed.
"""

from __future__ import annotations

import argparse
import statistics
import time

from medborgarlofte import draft

_HEAD = """\
source: https://example.org/aktuellt/medborgarlofte-hofors
retrieved-title: Polisen och Hofors kommun har skrivit under ett nytt medborgarlöfte

Den 12 december undertecknade lokalpolisområdeschefen för Gästrikland Eva Ström och \
kommunstyrelsens ordförande Karl Lund (S) ett medborgarlöfte för Hofors kommun. \
Medborgarlöftet gäller 2025–2026 och följs upp tre gånger per år i BRÅ.

– Vi vill att fler ska känna sig trygga på kvällarna, säger Sara Nord, kommunpolis i Hofors.

Fokusområden:

 • Trygghet i centrum
 • Unga och narkotika

"""
_LIST = """\
Polisen och kommunen lovar att:

 • genomföra minst {a} trafikkontroller vid skolorna
 • hålla en trygghetsvandring två gånger per år i varje bostadsområde
 • genomföra drygt {b} fotpatruller i centrum under helgerna
 • ansöka om tillstånd för kameror vid busstationen
 • arbeta långsiktigt med föräldrar och föreningar mot langning

Kommunen lovar att:

 • ordna det årliga föräldramötet om droger och alkohol
 • genomföra minst {c} timmar fältarbete per månad
 • ta fram en ny belysningsplan för gångtunnlarna
 • stödja alkoholfria aktiviteter för unga under loven
 • bjuda in invånarna till dialog om otrygga platser

"""


_FOLLOW_UP_HEAD = """\
Uppföljning av medborgarlöftet i Hofors

Sedan februari 2025 har polisen och kommunen arbetat med löftets åtaganden.

"""
_FOLLOW_UP_ITEM = (
    " • Polisen har genomfört drygt {a} trafikkontroller och 20-talet besök i skolorna. "
    "Kommunen har gjort några trygghetsvandringar i centrum.\n"
)


def ten_kilobytes_of_follow_up() -> str:
    """Return the follow-up benchmark text: reported work until it is 10 KB."""
    parts = [_FOLLOW_UP_HEAD]
    n = 0
    while sum(len(p.encode("utf-8")) for p in parts) < 10_000:
        n += 1
        parts.append(_FOLLOW_UP_ITEM.format(a=n))
    return "".join(parts)[:10_000]


def ten_kilobytes() -> str:
    """Return the benchmark text: the head and activity lists until it is 10 KB."""
    parts = [_HEAD]
    n = 0
    while sum(len(p.encode("utf-8")) for p in parts) < 10_000:
        n += 1
        parts.append(_LIST.format(a=40 + n, b=20 + n, c=10 + n))
    return "".join(parts)[:10_000]


def _time(text: str, reps: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    draft(text)
    first_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        draft(text)
        times.append((time.perf_counter() - start) * 1000)
    return first_ms, times


def main() -> None:
    """Time the first draft and then *reps* more, for each text, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    text = ten_kilobytes()
    start = time.perf_counter()
    first = draft(text)
    print(f"first call (builds its tables once): {(time.perf_counter() - start) * 1000:.1f} ms")
    follow_up = ten_kilobytes_of_follow_up()
    reports = draft(follow_up).follow_up
    medians = []
    for name, body, what in (
        ("promise", text, f"{len(first.promise.activities)} activities"),
        ("follow-up", follow_up, f"{len(reports.reports) if reports else 0} reports"),
    ):
        first_ms, times = _time(body, args.reps)
        median = statistics.median(times)
        medians.append(median)
        print(f"{name}: {len(body.encode('utf-8'))} bytes, {what}")
        print(f"  first call after that: {first_ms:.1f} ms")
        print(
            f"  after that, {args.reps} calls: median {median:.1f} ms, fastest {min(times):.1f} ms"
        )
    print(f"goal <= 50 ms: {'met' if max(medians) <= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
