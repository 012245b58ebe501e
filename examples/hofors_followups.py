"""The Hofors follow-up calendar: when BRÅ follows up, and what is overdue.

The Hofors promise (``examples/hofors.py``) carries an illustrative rule —
BRÅ follows up every tertial, with the report due 30 days after it ends — and
illustrative follow-ups held for the three tertials of 2023. This script
prints the calendar of follow-up occasions, what is overdue at a date, and
which activities had nothing reported in a tertial that was followed up.

    python examples/hofors_followups.py                      # at 2024-06-30
    python examples/hofors_followups.py --as-of 2024-10-15 --lang en
    python examples/hofors_followups.py --ics hofors.ics     # also write a calendar
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hofors import build_promise  # found next to this file

from medborgarlofte import follow_up_coverage, to_icalendar

if TYPE_CHECKING:
    from medborgarlofte import FollowUpCoverage, Language, OccasionStatus, Promise

AS_OF = dt.date(2024, 6, 30)

TEXT = {
    "sv": {
        "title": "Uppföljningskalender för {title}, per {as_of}",
        "head": ("Avser", "Forum", "Redovisas senast", "Läge"),
        "held_on": "hölls {day}",
        "overdue": "Försenade per {as_of}:",
        "overdue_line": (
            "  {label} ({covers}), {forum}: skulle redovisas senast {due}, {days} dagar sedan"
        ),
        "none": "  inga",
        "gaps": "Aktiviteter utan rapport i en uppföljd period:",
        "gap_line": "  {label}: {title}",
        "assessed": " (bedömd: {verdict})",
        "ics": "Kalendern skrevs till {path}",
    },
    "en": {
        "title": "Follow-up calendar of {title}, as of {as_of}",
        "head": ("Covers", "Forum", "Due", "State"),
        "held_on": "held {day}",
        "overdue": "Overdue as of {as_of}:",
        "overdue_line": "  {label} ({covers}), {forum}: was due {due}, {days} days ago",
        "none": "  none",
        "gaps": "Activities with no report in a period that was followed up:",
        "gap_line": "  {label}: {title}",
        "assessed": " (assessed: {verdict})",
        "ics": "The calendar was written to {path}",
    },
}


def _state(status: OccasionStatus, lang: Language) -> str:
    text = status.state.label(lang)
    if status.follow_ups:
        text += ", " + TEXT[lang]["held_on"].format(day=status.follow_ups[0].held_on)
    return text


def report(promise: Promise, coverage: FollowUpCoverage, lang: Language) -> list[str]:
    """Return the calendar, the overdue occasions and the gaps as lines of text."""
    words = TEXT[lang]
    rows = [words["head"]] + [
        (s.occasion.label(lang), s.occasion.forum or "", str(s.occasion.due), _state(s, lang))
        for s in coverage.statuses
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [words["title"].format(title=promise.title, as_of=coverage.as_of), ""]
    lines += [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[3]])
        for row in rows
    ]
    lines += ["", words["overdue"].format(as_of=coverage.as_of)]
    lines += [
        words["overdue_line"].format(
            label=s.occasion.label(lang),
            covers=s.occasion.covers,
            forum=s.occasion.forum or "–",
            due=s.occasion.due,
            days=-s.days_left,
        )
        for s in coverage.overdue
    ] or [words["none"]]
    lines += ["", words["gaps"]]
    lines += [
        words["gap_line"].format(
            label=gap.occasion.label(lang), title=promise.activity(gap.activity).title
        )
        + (
            ""
            if gap.assessment is None
            else words["assessed"].format(verdict=gap.assessment.verdict.label(lang))
        )
        for gap in coverage.gaps
    ] or [words["none"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the Hofors follow-up calendar; optionally write it as iCalendar."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=AS_OF)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument("--ics", type=Path, help="also write the calendar to this .ics file")
    args = parser.parse_args(argv)
    promise = build_promise()
    coverage = follow_up_coverage(promise, as_of=args.as_of)
    print("\n".join(report(promise, coverage, args.lang)))
    if args.ics is not None:
        args.ics.write_bytes(to_icalendar(promise, as_of=args.as_of, lang=args.lang))
        print("\n" + TEXT[args.lang]["ics"].format(path=args.ics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
