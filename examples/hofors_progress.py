"""Where the Hofors promise stands: progress at three dates.

The Hofors promise (``examples/hofors.py``) carries illustrative reports of
what was done. This script prints, for 30 June 2023, 31 December 2023 and
31 December 2024 (or the dates given), per focus area and activity: what was
planned, expected and done, the completion, the status and why; then the
indicators.

    python examples/hofors_progress.py
    python examples/hofors_progress.py --as-of 2024-06-30 --lang en
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hofors import build_promise  # found next to this file

from medborgarlofte import StatusReason, StatusRule, progress

if TYPE_CHECKING:
    from medborgarlofte import ActivityProgress, Language, PromiseProgress

DATES = (dt.date(2023, 6, 30), dt.date(2023, 12, 31), dt.date(2024, 12, 31))

TEXT = {
    "sv": {
        "title": "{title}: läget per {as_of}",
        "elapsed": "{elapsed} av perioden har gått; genomfört {completion} (förväntat {expected})",
        "area": "Fokusområde {title}: genomfört {completion} (förväntat {expected})",
        "other": "Utan fokusområde",
        "figures": "planerat {planned}, förväntat {expected}, gjort {done}",
        "indicators": "Indikatorer",
        "no_data": "inga mätvärden ännu",
        "counts": "Antal per status: {counts}",
    },
    "en": {
        "title": "{title}: progress at {as_of}",
        "elapsed": "{elapsed} of the period has passed; completion {completion} "
        "(expected {expected})",
        "area": "Focus area {title}: completion {completion} (expected {expected})",
        "other": "Without a focus area",
        "figures": "planned {planned}, expected {expected}, done {done}",
        "indicators": "Indicators",
        "no_data": "no measurements yet",
        "counts": "Activities per status: {counts}",
    },
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def _num(value: float | None, lang: Language) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "sv" else text


def _activity_lines(item: ActivityProgress, lang: Language) -> list[str]:
    words = TEXT[lang]
    lines = [f"  - {item.activity.title}: {item.status.label(lang)}"]
    if item.planned is not None:
        figures = words["figures"].format(
            planned=_num(item.planned, lang),
            expected=_num(item.expected, lang),
            done=_num(item.done, lang),
        )
        lines.append(f"      {figures} ({_pct(item.completion)})")
    lines.append(f"      {item.reason.text(lang)}")
    if item.assessment is not None and item.kind != "ongoing":
        # A person's verdict, shown beside the computed status, never instead of it.
        verdict = StatusReason(
            rule=StatusRule.ASSESSMENT,
            date=item.assessment.held_on,
            verdict=item.assessment.verdict,
        )
        lines.append(f"      {verdict.text(lang)}")
    return lines


def report(result: PromiseProgress, lang: Language = "sv") -> list[str]:
    """Return the progress of the promise as lines of text in *lang*."""
    words = TEXT[lang]
    lines = [
        words["title"].format(title=result.promise.title, as_of=result.as_of.isoformat()),
        words["elapsed"].format(
            elapsed=_pct(result.elapsed),
            completion=_pct(result.completion),
            expected=_pct(result.expected_completion),
        ),
    ]
    shown: set[str] = set()
    for area in result.focus_areas:
        lines.append(
            words["area"].format(
                title=area.focus_area.title,
                completion=_pct(area.completion),
                expected=_pct(area.expected_completion),
            )
        )
        for item in area.activities:
            shown.add(item.id)
            lines += _activity_lines(item, lang)
    rest = [item for item in result.activities if item.id not in shown]
    if rest:
        lines.append(words["other"])
        for item in rest:
            lines += _activity_lines(item, lang)
    if result.indicators:
        lines.append(words["indicators"])
        for ind in result.indicators:
            status = ind.status.label(lang)
            lines.append(f"  - {ind.indicator.name}: {status}; {ind.reason.text(lang)}")
    counts = ", ".join(f"{status.label(lang)} {n}" for status, n in result.counts if n)
    lines.append(words["counts"].format(counts=counts))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the progress of the Hofors promise at each date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=dt.date.fromisoformat, action="append")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    args = parser.parse_args(argv)
    promise = build_promise()
    for i, as_of in enumerate(args.as_of or DATES):
        if i:
            print()
        print("\n".join(report(progress(promise, as_of=as_of), args.lang)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
