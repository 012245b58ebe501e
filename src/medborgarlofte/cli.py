"""The ``medborgarlofte`` command line (kommandoraden).

Check a promise file, see where it stands, list its follow-up calendar, write
the follow-up report, sum up many promises, convert between formats, print
the JSON Schema, or start a new promise for a kommun::

    medborgarlofte validate hofors.toml
    medborgarlofte progress hofors.toml --as-of 2024-06-30
    medborgarlofte report hofors.toml --as-of 2024-06-30 -o rapport.html

Also runs as ``python -m medborgarlofte``. Output is in Swedish unless
``--lang en`` is given. Exit codes: 0 when all went well (warnings allowed),
1 when a file has an error or cannot be read or written, 2 for a usage error,
70 for a bug in medborgarlofte (with a traceback and a request to report it).

This module is the only place in the package that reads the clock: ``--as-of``
defaults to today, and the output says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import re
import sys
import textwrap
import traceback
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from medborgarlofte._compute.followup import follow_up_coverage
from medborgarlofte._compute.portfolio import portfolio
from medborgarlofte._compute.progress import progress
from medborgarlofte._core import codes
from medborgarlofte._core.problems import Language, Problem, Severity
from medborgarlofte._formats import (
    dump,
    dump_many,
    load_with_warnings,
    loads_many_with_warnings,
)
from medborgarlofte._model.promise import Promise
from medborgarlofte._model.sweden import kommun
from medborgarlofte._render.renderer import _number, _percent
from medborgarlofte.exceptions import (
    MedborgarlofteError,
    MissingExtraError,
    UnknownKommunError,
    UnsupportedFormatError,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


__all__ = ["build_parser", "main"]

EXIT_OK: Final = 0
"""Everything went well; warnings may have been shown."""
EXIT_ERROR: Final = 1
"""A file has an error, or a file could not be read or written."""
EXIT_USAGE: Final = 2
"""The command line itself was wrong (argparse's own exit code)."""
EXIT_BUG: Final = 70
"""An unexpected exception: a bug in medborgarlofte (EX_SOFTWARE in sysexits.h)."""

ISSUES_URL: Final = "https://medborgarlofte.readthedocs.io/en/latest/contributing.html"
"""Where the contributing guide says how to report a bug."""
WIDTH: Final = 100
"""Terminal tables fit in this many columns."""

_SUFFIXES: Final = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}
_DOCUMENT_SUFFIXES: Final = frozenset(_SUFFIXES)

# --------------------------------------------------------------------------- words

_TEXT: Final[dict[str, dict[str, str]]] = {
    "sv": {
        "as_of": "per {date}",
        "today": " (dagens datum)",
        "valid": "{file}: giltig",
        "valid_warnings": "{file}: giltig, {warnings} varning(ar)",
        "invalid": "{file}: ogiltig, {errors} fel och {warnings} varning(ar)",
        "all_valid": "Alla {n} filer är giltiga.",
        "some_invalid": "{bad} av {n} filer har fel.",
        "cannot_read": "filen går inte att läsa: {error}",
        "unknown_suffix": "okänd filändelse {suffix!r}: använd .json, .toml, .yaml eller .yml",
        "missing_extra": "{purpose} kräver tillägget {extra!r}: "
        "pip install 'medborgarlofte[{extra}]'",
        "has_errors": "{file} har fel och kan inte användas:",
        "progress_title": "{title}: läget {as_of}",
        "period": "Period {period}, {elapsed} av tiden har gått.",
        "no_period": "Perioden är okänd: {reason}",
        "overall": "Genomfört {completion} mot förväntat {expected}; {counts}.",
        "focus_area": "Fokusområde: {title}",
        "other": "Övriga aktiviteter",
        "head_activity": "Aktivitet",
        "head_planned": "Planerat",
        "head_expected": "Förväntat",
        "head_done": "Gjort",
        "head_completion": "Andel",
        "head_status": "Status",
        "followups_title": "{title}: uppföljning {as_of}",
        "head_covers": "Avser",
        "head_period": "Period",
        "head_forum": "Forum",
        "head_due": "Senast",
        "head_state": "Läge",
        "late": "för sent",
        "no_occasions": "Löftet har inga uppföljningstillfällen "
        "(ingen uppföljningsregel eller period).",
        "state_counts": "Genomförda {held}, försenade {overdue}, snart {due_soon}, "
        "kommande {upcoming}.",
        "days_ago": "{days} dagar sedan",
        "wrote": "Skrev {what} till {path}.",
        "calendar": "kalendern",
        "report": "rapporten",
        "summary_csv": "översikten",
        "converted": "{n} löfte(n) från {what}",
        "summary_title": "Översikt över {n} löften {as_of}",
        "head_promise": "Löfte",
        "head_kommun": "Kommun",
        "head_activities": "Akt.",
        "no_files": "inga löftesfiler hittades i {path}",
        "new_written": "Skrev ett nytt löfte för {name} ({code}, {county}, polisregion {region}) "
        "till {path}.\nFyll i allt inom <> och alla datum ÅÅÅÅ-MM-DD, kontrollera sedan med\n"
        "  medborgarlofte validate {path}",
        "exists": "{path} finns redan; välj ett annat namn eller ta bort filen först",
        "unknown_kommun": "ingen kommun heter eller har koden {query!r}",
        "did_you_mean": "; menade du {names}?",
        "bug": "Ett oväntat fel i medborgarlofte. Det är en bugg: rapportera den gärna, "
        "med texten ovan; {url} säger hur.",
        "problem": "{file}: {line}",
        "warning_line": "{file}: {line}",
        "format_mismatch": "kan inte avgöra rapportformatet av {path!r}; "
        "ange --format html eller md",
    },
    "en": {
        "as_of": "as of {date}",
        "today": " (today)",
        "valid": "{file}: valid",
        "valid_warnings": "{file}: valid, {warnings} warning(s)",
        "invalid": "{file}: invalid, {errors} error(s) and {warnings} warning(s)",
        "all_valid": "All {n} files are valid.",
        "some_invalid": "{bad} of {n} files have errors.",
        "cannot_read": "the file cannot be read: {error}",
        "unknown_suffix": "unknown file suffix {suffix!r}: use .json, .toml, .yaml or .yml",
        "missing_extra": "{purpose} needs the extra {extra!r}: "
        "pip install 'medborgarlofte[{extra}]'",
        "has_errors": "{file} has errors and cannot be used:",
        "progress_title": "{title}: progress {as_of}",
        "period": "Period {period}, {elapsed} of the time has passed.",
        "no_period": "The period is unknown: {reason}",
        "overall": "Done {completion} against {expected} expected; {counts}.",
        "focus_area": "Focus area: {title}",
        "other": "Other activities",
        "head_activity": "Activity",
        "head_planned": "Planned",
        "head_expected": "Expected",
        "head_done": "Done",
        "head_completion": "Share",
        "head_status": "Status",
        "followups_title": "{title}: follow-up {as_of}",
        "head_covers": "Covers",
        "head_period": "Period",
        "head_forum": "Forum",
        "head_due": "Due",
        "head_state": "State",
        "late": "late",
        "no_occasions": "The promise has no follow-up occasions (no follow-up rule or no period).",
        "state_counts": "Held {held}, overdue {overdue}, due soon {due_soon}, upcoming {upcoming}.",
        "days_ago": "{days} days ago",
        "wrote": "Wrote {what} to {path}.",
        "calendar": "the calendar",
        "report": "the report",
        "summary_csv": "the summary",
        "converted": "{n} promise(s) from {what}",
        "summary_title": "Summary of {n} promises {as_of}",
        "head_promise": "Promise",
        "head_kommun": "Kommun",
        "head_activities": "Act.",
        "no_files": "no promise files found in {path}",
        "new_written": "Wrote a new promise for {name} ({code}, {county}, police region {region}) "
        "to {path}.\nFill in everything inside <> and every date YYYY-MM-DD (ÅÅÅÅ-MM-DD), "
        "then check it with\n  medborgarlofte validate {path}",
        "exists": "{path} already exists; choose another name or remove the file first",
        "unknown_kommun": "no kommun is named or has the code {query!r}",
        "did_you_mean": "; did you mean {names}?",
        "bug": "An unexpected error in medborgarlofte. This is a bug: please report it, "
        "with the text above; {url} says how.",
        "problem": "{file}: {line}",
        "warning_line": "{file}: {line}",
        "format_mismatch": "cannot tell the report format from {path!r}; pass --format html or md",
    },
}


class _CommandError(Exception):
    """A failure to report on stderr without a traceback; the command exits with 1."""


def _print(text: str, *, file: TextIO | None = None) -> None:
    """Write one line of output (stdout unless *file* says otherwise)."""
    (file or sys.stdout).write(f"{text}\n")


# --------------------------------------------------------------------------- helpers


def _date(text: str) -> dt.date:
    """Parse an ``--as-of`` value written as YYYY-MM-DD (an argparse type)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date written YYYY-MM-DD: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _as_of(args: argparse.Namespace) -> tuple[dt.date, str]:
    """Return the date to compute for, and how to state it in the output.

    The only place in the package that reads the clock.
    """
    words = _TEXT[args.lang]
    given: dt.date | None = args.as_of
    if given is not None:
        return given, words["as_of"].format(date=given.isoformat())
    today = dt.date.today()  # noqa: DTZ011 - the CLI alone reads the clock (local date)
    return today, words["as_of"].format(date=today.isoformat()) + words["today"]


def _file_problem(code: str, message_sv: str, message_en: str) -> Problem:
    return Problem(
        path="$",
        code=code,
        severity=Severity.ERROR,
        message_sv=message_sv,
        message_en=message_en,
    )


def _format_of(path: Path) -> str:
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        msg = f"unknown file suffix {path.suffix!r}"
        raise UnsupportedFormatError(msg, format=path.suffix or str(path))
    return found


def _is_collection(error: ValidationError) -> bool:
    """Return whether loading as one promise failed because the file is a collection."""
    return any(p.path == "$.promises" and p.code == codes.UNKNOWN_KEY for p in error.problems)


@attrs.frozen(kw_only=True)
class _Loaded:
    """What reading one file gave: its promises, every problem, and whether it is a collection."""

    promises: tuple[Promise, ...] = ()
    problems: tuple[Problem, ...] = ()
    collection: bool = False


def _read_promises(path: Path) -> _Loaded:
    """Return the promises in *path* (one promise or a collection) and their warnings.

    Raises:
        ValidationError: With every problem, when there is an error.
        UnsupportedFormatError: For an unknown suffix.
        MissingExtraError: When the format's extra is not installed.
        OSError: When the file cannot be read.
    """
    fmt: Any = _format_of(path)
    try:
        promise, warnings = load_with_warnings(path)
    except ValidationError as error:
        if not _is_collection(error):
            raise
        promises, warnings = loads_many_with_warnings(path.read_bytes(), format=fmt)
        return _Loaded(promises=promises, problems=warnings, collection=True)
    return _Loaded(promises=(promise,), problems=warnings)


def _problems_of(path: Path) -> _Loaded:
    """Return the promises in *path* and every problem, file-level failures included."""
    try:
        return _read_promises(path)
    except ValidationError as error:
        return _Loaded(problems=error.problems)
    except UnsupportedFormatError:
        problem = _file_problem(
            codes.UNKNOWN_FILE_SUFFIX,
            _TEXT["sv"]["unknown_suffix"].format(suffix=path.suffix),
            _TEXT["en"]["unknown_suffix"].format(suffix=path.suffix),
        )
    except MissingExtraError as error:
        problem = _file_problem(
            codes.MISSING_EXTRA,
            _TEXT["sv"]["missing_extra"].format(purpose=error.purpose, extra=error.extra),
            _TEXT["en"]["missing_extra"].format(purpose=error.purpose, extra=error.extra),
        )
    except OSError as error:
        reason = error.strerror or str(error)
        problem = _file_problem(
            codes.UNREADABLE_FILE,
            _TEXT["sv"]["cannot_read"].format(error=reason),
            _TEXT["en"]["cannot_read"].format(error=reason),
        )
    return _Loaded(problems=(problem,))


def _load_one(path: Path, lang: Language) -> Promise:
    """Return the one promise in *path*, showing warnings on stderr.

    Raises:
        _CommandError: With every problem, when the file cannot be used.
    """
    loaded = _problems_of(path)
    promises, problems = loaded.promises, loaded.problems
    _show_warnings(path, problems, lang)
    if any(p.is_error for p in problems):
        lines = [_TEXT[lang]["has_errors"].format(file=path)]
        lines += [f"  {p.format(lang)}" for p in problems if p.is_error]
        raise _CommandError("\n".join(lines))
    if len(promises) != 1:
        msg = {
            "sv": f"{path} innehåller {len(promises)} löften; kommandot tar ett",
            "en": f"{path} holds {len(promises)} promises; the command takes one",
        }[lang]
        raise _CommandError(msg)
    return promises[0]


def _show_warnings(path: Path, problems: Sequence[Problem], lang: Language) -> None:
    for problem in problems:
        if not problem.is_error:
            _print(
                _TEXT[lang]["warning_line"].format(file=path, line=problem.format(lang)),
                file=sys.stderr,
            )


def _wrap(text: str) -> list[str]:
    """Return *text* as lines of at most :data:`WIDTH` characters."""
    return textwrap.wrap(text, WIDTH) or [""]


def _fit(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True) or [""]


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[bool],
    flexible: Sequence[int] = (0,),
    notes: Sequence[str] | None = None,
) -> list[str]:
    """Return a plain-text table that fits in :data:`WIDTH` columns.

    While the table is too wide, the widest of the *flexible* columns gives
    up a character (down to 10); their cells wrap. A note under a row is
    indented and wrapped to the full width.
    """
    gap = 2
    widths = [
        max(len(header[c]), *(len(row[c]) for row in rows)) if rows else len(header[c])
        for c in range(len(header))
    ]
    while sum(widths) + gap * (len(header) - 1) > WIDTH:
        widest = max(flexible, key=lambda c: widths[c])
        if widths[widest] <= 10:  # noqa: PLR2004 - narrower than a date helps nobody
            break
        widths[widest] -= 1

    def line(cells: Sequence[str]) -> list[str]:
        wrapped = [
            _fit(cell, widths[c]) if c in flexible else [cell] for c, cell in enumerate(cells)
        ]
        height = max(len(w) for w in wrapped)
        out = []
        for k in range(height):
            parts = []
            for c, w in enumerate(wrapped):
                cell = w[k] if k < len(w) else ""
                parts.append(cell.rjust(widths[c]) if right[c] else cell.ljust(widths[c]))
            out.append((" " * gap).join(parts).rstrip())
        return out

    lines = line(header)
    lines.append("-" * min(WIDTH, sum(widths) + gap * (len(header) - 1)))
    for r, row in enumerate(rows):
        lines += line(row)
        if notes is not None and notes[r]:
            lines += textwrap.wrap(notes[r], WIDTH, initial_indent="    ", subsequent_indent="    ")
    return lines


def _write_text(path: str, text: str | bytes) -> None:
    """Write *text* to *path*, or to stdout for ``-``."""
    if path == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.write(text)
        return
    target = Path(path)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------- commands


def _cmd_validate(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    results = []
    bad = 0
    for name in args.files:
        path = Path(name)
        loaded = _problems_of(path)
        promises, problems = loaded.promises, loaded.problems
        errors = [p for p in problems if p.is_error]
        bad += bool(errors)
        results.append((path, promises, problems, errors))
    if args.format == "json":
        document = {
            "valid": bad == 0,
            "files": [
                {
                    "file": str(path),
                    "valid": not errors,
                    "promises": [p.id for p in promises],
                    "problems": [
                        {
                            "path": p.path,
                            "code": p.code,
                            "severity": p.severity.value,
                            "message": p.message(lang),
                        }
                        for p in problems
                    ],
                }
                for path, promises, problems, errors in results
            ],
        }
        _print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_ERROR if bad else EXIT_OK
    for path, _promises, problems, errors in results:
        for problem in problems:
            _print(words["problem"].format(file=path, line=problem.format(lang)))
        warnings = len(problems) - len(errors)
        if errors:
            _print(words["invalid"].format(file=path, errors=len(errors), warnings=warnings))
        elif warnings:
            _print(words["valid_warnings"].format(file=path, warnings=warnings))
        else:
            _print(words["valid"].format(file=path))
    if len(results) > 1:
        if bad:
            _print(words["some_invalid"].format(bad=bad, n=len(results)))
        else:
            _print(words["all_valid"].format(n=len(results)))
    return EXIT_ERROR if bad else EXIT_OK


def _counts_text(counts: Any, lang: Language) -> str:  # noqa: ANN401 - a StatusCounts
    return ", ".join(f"{n} {status.label(lang)}" for status, n in counts if n)


def _cmd_progress(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    as_of, stated = _as_of(args)
    promise = _load_one(Path(args.file), lang)
    result = progress(promise, as_of=as_of)
    out = [*_wrap(words["progress_title"].format(title=promise.title, as_of=stated)), ""]
    if result.reason is not None:
        out += _wrap(words["no_period"].format(reason=result.reason.text(lang)))
    else:
        out += _wrap(
            words["period"].format(
                period=str(promise.period), elapsed=_percent(result.elapsed, lang)
            )
        )
    out += _wrap(
        words["overall"].format(
            completion=_percent(result.completion, lang),
            expected=_percent(result.expected_completion, lang),
            counts=_counts_text(result.counts, lang),
        )
    )
    known = {area.id for area in promise.focus_areas}
    groups = [
        (words["focus_area"].format(title=a.focus_area.title), a.activities)
        for a in result.focus_areas
    ]
    rest = tuple(a for a in result.activities if not known.intersection(a.activity.focus_areas))
    if rest:
        groups.append((words["other"], rest))
    header = [
        words["head_activity"],
        words["head_planned"],
        words["head_expected"],
        words["head_done"],
        words["head_completion"],
        words["head_status"],
    ]
    for title, items in groups:
        out += ["", *_wrap(title), ""]
        rows = [
            [
                item.activity.title,
                _number(item.planned, lang),
                _number(item.expected, lang),
                _number(item.done, lang) if item.planned is not None else "–",
                _percent(item.completion, lang),
                item.status.label(lang),
            ]
            for item in items
        ]
        notes = [item.reason.text(lang) for item in items]
        out += _table(header, rows, right=[False, True, True, True, True, False], notes=notes)
    _print("\n".join(out))
    return EXIT_OK


def _cmd_followups(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    as_of, stated = _as_of(args)
    promise = _load_one(Path(args.file), lang)
    coverage = follow_up_coverage(promise, as_of=as_of, working_days=args.working_days)
    out = [*_wrap(words["followups_title"].format(title=promise.title, as_of=stated)), ""]
    if not coverage.statuses:
        out += _wrap(words["no_occasions"])
        _print("\n".join(out))
        return EXIT_OK
    out.append(
        words["state_counts"].format(
            held=len(coverage.held),
            overdue=len(coverage.overdue),
            due_soon=len(coverage.due_soon),
            upcoming=len(coverage.upcoming),
        )
    )
    out.append("")
    rows = []
    for status in coverage.statuses:
        occasion = status.occasion
        state = status.state.label(lang)
        if status.follow_ups:
            state += f" {status.follow_ups[0].held_on.isoformat()}"
            if status.late:
                state += f" ({words['late']})"
        elif status.days_left < 0:
            state += ", " + words["days_ago"].format(days=-status.days_left)
        rows.append(
            [
                occasion.label(lang),
                str(occasion.covers),
                occasion.forum or "–",
                occasion.due.isoformat(),
                state,
            ]
        )
    header = [
        words["head_covers"],
        words["head_period"],
        words["head_forum"],
        words["head_due"],
        words["head_state"],
    ]
    out += _table(header, rows, right=[False] * 5, flexible=(0, 2, 4))
    _print("\n".join(out))
    return EXIT_OK


def _cmd_calendar(args: argparse.Namespace) -> int:
    from medborgarlofte._render.ical import to_icalendar  # noqa: PLC0415 - needs the ical extra

    lang: Language = args.lang
    words = _TEXT[lang]
    as_of, stated = _as_of(args)
    promise = _load_one(Path(args.file), lang)
    data = to_icalendar(
        promise, as_of=as_of, lang=lang, todos=args.todos, working_days=args.working_days
    )
    _write_text(args.output, data)
    if args.output != "-":
        _print(words["wrote"].format(what=f"{words['calendar']} {stated}", path=args.output))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from medborgarlofte._render.renderer import render_html, render_markdown  # noqa: PLC0415

    lang: Language = args.lang
    words = _TEXT[lang]
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower()
        fmt = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(suffix)
        if fmt is None and args.output == "-":
            fmt = "html"
        if fmt is None:
            raise _CommandError(words["format_mismatch"].format(path=args.output))
    as_of, stated = _as_of(args)
    promise = _load_one(Path(args.file), lang)
    render = render_html if fmt == "html" else render_markdown
    _write_text(args.output, render(promise, as_of=as_of, lang=lang))
    if args.output != "-":
        _print(words["wrote"].format(what=f"{words['report']} {stated}", path=args.output))
    return EXIT_OK


def _short_list(names: Sequence[str], width: int = 24) -> str:
    """Return *names* joined by commas, the tail replaced by ``+N`` beyond *width* characters.

    >>> _short_list(["Stockholm", "Solna", "Sundbyberg", "Danderyd"])
    'Stockholm, Solna +2'
    """
    if not names:
        return "–"
    shown = [names[0]]
    for name in names[1:]:
        if len(", ".join([*shown, name])) + 4 > width:
            break
        shown.append(name)
    rest = len(names) - len(shown)
    return ", ".join(shown) + (f" +{rest}" if rest else "")


def _promise_files(names: Sequence[str], lang: Language) -> list[Path]:
    found: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in _DOCUMENT_SUFFIXES and p.is_file()
            )
            if not inside:
                raise _CommandError(_TEXT[lang]["no_files"].format(path=path))
            found += inside
        else:
            found.append(path)
    return found


def _cmd_summary(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    as_of, stated = _as_of(args)
    promises: list[Promise] = []
    failed: list[str] = []
    for path in _promise_files(args.paths, lang):
        loaded = _problems_of(path)
        _show_warnings(path, loaded.problems, lang)
        errors = [p for p in loaded.problems if p.is_error]
        if errors:
            failed.append(words["has_errors"].format(file=path))
            failed += [f"  {p.format(lang)}" for p in errors]
        promises += loaded.promises
    if failed:
        raise _CommandError("\n".join(failed))
    result = portfolio(promises, as_of=as_of)
    out = [words["summary_title"].format(n=len(result.rows), as_of=stated), ""]
    rows = [
        [
            row.title,
            _short_list(row.kommuner),
            str(row.activities),
            _percent(row.elapsed, lang),
            _percent(row.completion, lang),
            _percent(row.expected_completion, lang),
        ]
        for row in result.rows
    ]
    notes = [_counts_text(row.counts, lang) for row in result.rows]
    header = [
        words["head_promise"],
        words["head_kommun"],
        words["head_activities"],
        {"sv": "Tid gått", "en": "Elapsed"}[lang],
        words["head_completion"],
        words["head_expected"],
    ]
    out += _table(
        header, rows, right=[False, False, True, True, True, True], flexible=(0, 1), notes=notes
    )
    for totals, first in (
        (result.counties, {"sv": "Län", "en": "County"}[lang]),
        (result.police_regions, {"sv": "Polisregion", "en": "Police region"}[lang]),
    ):
        if totals:
            out.append("")
            out += _table(
                [
                    first,
                    {"sv": "Löften", "en": "Promises"}[lang],
                    words["head_activities"],
                    words["head_completion"],
                    words["head_expected"],
                ],
                [
                    [
                        t.name,
                        str(t.promises),
                        str(t.activities),
                        _percent(t.completion, lang),
                        _percent(t.expected_completion, lang),
                    ]
                    for t in totals
                ],
                right=[False, True, True, True, True],
            )
    _print("\n".join(out))
    if args.csv:
        with Path(args.csv).open("w", encoding="utf-8", newline="") as stream:
            result.write_csv(stream, lang=lang)
        _print(words["wrote"].format(what=words["summary_csv"], path=args.csv))
    return EXIT_OK


def _cmd_convert(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    source, target = Path(args.input), Path(args.output)
    _format_of(target)
    loaded = _problems_of(source)
    promises, problems = loaded.promises, loaded.problems
    _show_warnings(source, problems, lang)
    if any(p.is_error for p in problems):
        lines = [words["has_errors"].format(file=source)]
        lines += [f"  {p.format(lang)}" for p in problems if p.is_error]
        raise _CommandError("\n".join(lines))
    if loaded.collection:
        dump_many(promises, target)
    else:
        dump(promises[0], target)
    _print(
        words["wrote"].format(
            what=words["converted"].format(what=source, n=len(promises)), path=target
        )
    )
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from medborgarlofte._formats.schema import json_schema  # noqa: PLC0415 - only this command needs it

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    _write_text(args.output, text)
    return EXIT_OK


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "kommun"


_NEW_COMMENTS: Final = {
    "sv": {
        "head": [
            "Medborgarlöfte för {name} (kommunkod {code}, {county}, polisregion {region}).",
            "Skapat med `medborgarlofte new`. Fyll i allt som står inom <vinkelparenteser>",
            "och alla datum ÅÅÅÅ-MM-DD, ta bort det som inte behövs och kontrollera sedan",
            "filen med:  medborgarlofte validate {file}",
        ],
        "id": "Ett id för löftet, till exempel kommunens namn och åren.",
        "signed": "Dagen löftet undertecknades.",
        "signatories": "Vem som undertecknade och för vilken part (partens id nedan).",
        "contacts": "Vem man kontaktar om löftet.",
        "focus": "Det löftet fokuserar på: ett problem eller en plats.",
        "period": "Löftets giltighetstid; båda dagarna räknas med.",
        "police": "Polisen. Polisregionen är ifylld efter kommunen.",
        "kommun": "Kommunen; koden är ifylld.",
        "basis": "Lägesbilden löftet bygger på, och varifrån den kommer.",
        "activity": [
            "En aktivitet. Målet (target) är ett av: period_quota (antal under perioden),",
            "interval_quota (antal per vecka/månad/kvartal/tertial/halvår/år), schedule",
            "(fasta datum, RRULE), milestone (engångsuppgift, due = slutdatum), ongoing.",
        ],
        "rule": "Hur löftet följs upp: här varje tertial i BRÅ, redovisat inom 30 dagar.",
    },
    "en": {
        "head": [
            "Medborgarlöfte for {name} (kommunkod {code}, {county}, police region {region}).",
            "Made with `medborgarlofte new`. Fill in everything inside <angle brackets>",
            "and every date ÅÅÅÅ-MM-DD (YYYY-MM-DD), remove what is not needed, then",
            "check the file with:  medborgarlofte validate {file}",
        ],
        "id": "An id for the promise, for example the kommun's name and the years.",
        "signed": "The day the promise was signed.",
        "signatories": "Who signed, and for which party (the party's id below).",
        "contacts": "Whom to contact about the promise.",
        "focus": "What the promise concentrates on: a problem or a place.",
        "period": "The period of validity; both days are included.",
        "police": "The police. The police region is filled in from the kommun.",
        "kommun": "The kommun; its code is filled in.",
        "basis": "The situational picture the promise rests on, and where it comes from.",
        "activity": [
            "An activity. Its target is one of: period_quota (an amount over the period),",
            "interval_quota (an amount per week/month/quarter/tertial/half_year/year),",
            "schedule (fixed dates, RRULE), milestone (one-off, due = deadline), ongoing.",
        ],
        "rule": "How the promise is followed up: here every tertial in BRÅ, within 30 days.",
    },
}


def _toml_string(value: str) -> str:
    """Return *value* as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def new_promise_toml(code_or_name: str, *, lang: Language = "sv", file: str = "") -> str:
    """Return a commented TOML skeleton of a new promise for a kommun (mall för nytt löfte).

    The kommun's code, county and police region are filled in; every other
    value is a placeholder: a text inside ``<>`` or a date ``ÅÅÅÅ-MM-DD``. Once
    the placeholders are filled the document loads without error.

    Args:
        code_or_name: The kommun's code or name, for example ``"2104"`` or ``"Hofors"``.
        lang: The language of the comments.
        file: The file name, used in the comment that says how to check it.

    Returns:
        The TOML text.

    Raises:
        UnknownKommunError: If no kommun matches.
    """
    found = kommun(code_or_name)
    c = _NEW_COMMENTS[lang]
    q = _toml_string
    slug = _slug(found.name)
    gotland = found.code == "0980"
    kommun_name = "Region Gotland" if gotland else f"{found.name} kommun"
    date = "ÅÅÅÅ-MM-DD"
    facts = {
        "name": found.name,
        "code": found.code,
        "county": found.county.name,
        "region": found.police_region.value,
        "file": file or f"{slug}.toml",
    }
    lines = [f"# {line.format(**facts)}" for line in c["head"]]
    lines += [
        "",
        "format_version = 2",
        f"# {c['id']}",
        f"id = {q(f'{slug}-<ÅÅÅÅ>')}",
        f"title = {q(f'Medborgarlöfte {found.name} <ÅÅÅÅ>')}",
        f"summary = {q('<Löftet i några meningar.>')}",
        f"# {c['signed']}",
        f"signed_on = {q(date)}",
        f"# {c['signatories']}",
        "signatories = [",
        (
            f"    {{ name = {q('<namn>')}, title = {q('lokalpolisområdeschef')}, party = "
            f'"polisen", signed_on = {q(date)} }},'
        ),
        (
            f"    {{ name = {q('<namn>')}, title = {q('kommunstyrelsens ordförande')}, party = "
            f'"kommunen", signed_on = {q(date)} }},'
        ),
        "]",
        f"# {c['contacts']}",
        "contacts = [",
        f'    {{ name = {q("<namn>")}, title = {q("kommunpolis")}, party = "polisen" }},',
        "]",
        f"# {c['focus']}",
        "focus_areas = [",
        (
            f'    {{ id = "trygghet", title = {q("<fokusområde>")}, '
            f"description = {q('<varför det valdes>')} }},"
        ),
        "]",
        "",
        f"# {c['period']}",
        "[period]",
        f"start = {q(date)}",
        f"end = {q(date)}",
        "",
        f"# {c['police']}",
        "[[parties]]",
        'id = "polisen"',
        'kind = "police"',
        f"name = {q('Lokalpolisområde <namn>')}",
        f"police_region = {q(found.police_region.value)}",
        f"police_area = {q('<polisområde>')}",
        f"local_police_area = {q('<lokalpolisområde>')}",
        "",
        f"# {c['kommun']}",
        "[[parties]]",
        'id = "kommunen"',
        f"kind = {q('region' if gotland else 'municipality')}",
        f"name = {q(kommun_name)}",
        f"kommunkod = {q(found.code)}",
        "",
        f"# {c['basis']}",
        "[basis]",
        f"summary = {q('<lägesbilden i korthet>')}",
        "sources = [",
        (
            f'    {{ id = "medborgardialog", kind = "citizen_dialogue", '
            f"description = {q('<vilken dialog, när>')} }},"
        ),
        "]",
        "",
        *(f"# {line}" for line in c["activity"]),
        "[[activities]]",
        'id = "trygghetsvandringar"',
        f"title = {q('<vad som ska göras>')}",
        'responsible = ["polisen", "kommunen"]',
        'focus_areas = ["trygghet"]',
        "",
        "[activities.target]",
        'kind = "interval_quota"',
        "amount = 2",
        f"unit = {q('<vad som räknas>')}",
        'per = "year"',
        'bound = "at_least"',
        "",
        f"# {c['rule']}",
        "[[follow_up_rules]]",
        'id = "bra"',
        'cadence = "tertial"',
        'forum = "BRÅ"',
        'responsible = "kommunen"',
        "report_due_days = 30",
    ]
    return "\n".join(lines) + "\n"


def _cmd_new(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    words = _TEXT[lang]
    target = Path(args.output)
    try:
        found = kommun(args.kommun)
    except UnknownKommunError as error:
        msg = words["unknown_kommun"].format(query=error.query)
        if error.suggestions:
            msg += words["did_you_mean"].format(names=", ".join(error.suggestions))
        raise _CommandError(msg) from None
    if target.exists() and not args.force:
        raise _CommandError(words["exists"].format(path=target))
    text = new_promise_toml(found.code, lang=lang, file=str(target))
    target.write_text(text, encoding="utf-8", newline="\n")
    _print(
        words["new_written"].format(
            name=found.name,
            code=found.code,
            county=found.county.name,
            region=found.police_region.value,
            path=target,
        )
    )
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``medborgarlofte`` command (also used by the docs).

    Returns:
        The parser, with one subparser per command.
    """
    __version__ = importlib.metadata.version("medborgarlofte")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv",
        help="language of the output: Swedish (sv, the default) or English (en)",
    )
    working = argparse.ArgumentParser(add_help=False)
    working.add_argument(
        "--working-days",
        action="store_true",
        help="move due dates on weekends and Swedish public holidays to the next working day "
        "(needs the holidays extra)",
    )
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the date to compute for, YYYY-MM-DD; today if not given (the output says which)",
    )
    parser = argparse.ArgumentParser(
        prog="medborgarlofte",
        description="Check, follow up and report on Swedish medborgarlöften (citizen promises).",
        epilog="Exit status: 0 all well (warnings allowed), 1 an error in a file or while "
        "reading or writing one, 2 a usage error, 70 a bug in medborgarlofte.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "validate",
        parents=[common],
        help="check promise files and list every problem",
        description="Check promise files (JSON, TOML or YAML, one promise or a collection) "
        "and list every problem with its file, path, code, severity and message. Exits "
        "with 0 when every file is valid (warnings allowed) and 1 when any has an error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a promise file")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default) or json for programs",
    )
    p.set_defaults(run=_cmd_validate)

    p = commands.add_parser(
        "progress",
        parents=[common, dated],
        help="show where a promise stands: a table per focus area",
        description="Show, per focus area and activity, what was planned, what was expected "
        "by the date, what was done, the share done, the status and the reason for it.",
    )
    p.add_argument("file", metavar="FILE", help="a promise file")
    p.set_defaults(run=_cmd_progress)

    p = commands.add_parser(
        "followups",
        parents=[common, dated, working],
        help="show the follow-up calendar: held, due and overdue occasions",
        description="List every follow-up occasion of the promise with what it covers, its "
        "forum, its due date and whether it was held, is due soon or overdue.",
    )
    p.add_argument("file", metavar="FILE", help="a promise file")
    p.set_defaults(run=_cmd_followups)

    p = commands.add_parser(
        "calendar",
        parents=[common, dated, working],
        help="export the follow-up calendar as iCalendar (.ics)",
        description="Write the follow-up occasions and the scheduled activities as an "
        "iCalendar file that calendar programs can import (needs the ical extra).",
    )
    p.add_argument("file", metavar="FILE", help="a promise file")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.ics", help="where to write; - for stdout"
    )
    p.add_argument("--todos", action="store_true", help="write occasions as to-dos, not events")
    p.set_defaults(run=_cmd_calendar)

    p = commands.add_parser(
        "report",
        parents=[common, dated],
        help="write the follow-up report as HTML or Markdown",
        description="Write the follow-up report: the promise, each activity with its target, "
        "what was done, its status and why, the indicators and the follow-up calendar. HTML "
        "is one self-contained page with charts that prints on A4 (needs the report extra).",
    )
    p.add_argument("file", metavar="FILE", help="a promise file")
    p.add_argument(
        "--format",
        choices=("html", "md"),
        help="html or md (Markdown); guessed from the output's suffix if not given",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="where to write; - for stdout"
    )
    p.set_defaults(run=_cmd_report)

    p = commands.add_parser(
        "summary",
        parents=[common, dated],
        help="sum up many promises: one row each, totals per län and police region",
        description="Compute progress for every promise in the files and directories given "
        "(directories are searched for .json, .toml, .yaml and .yml files).",
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="a promise file or a directory")
    p.add_argument("--csv", metavar="OUT", help="also write one row per promise as CSV")
    p.set_defaults(run=_cmd_summary)

    p = commands.add_parser(
        "convert",
        parents=[common],
        help="convert a promise file between JSON, TOML and YAML",
        description="Read a promise file and write it in the format its new suffix names "
        "(.json, .toml, .yaml or .yml). The promise is checked on the way.",
    )
    p.add_argument("input", metavar="IN", help="the file to read")
    p.add_argument("output", metavar="OUT", help="the file to write")
    p.set_defaults(run=_cmd_convert)

    p = commands.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of the promise format",
        description="Print the JSON Schema (draft 2020-12) of a promise document.",
    )
    p.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="where to write; stdout by default"
    )
    p.set_defaults(run=_cmd_schema)

    p = commands.add_parser(
        "new",
        parents=[common],
        help="start a new promise for a kommun: a commented TOML skeleton",
        description="Write a commented TOML skeleton of a new promise for a kommun, with its "
        "kommunkod, län and police region filled in. Fill in the placeholders, then validate.",
    )
    p.add_argument(
        "--kommun", required=True, metavar="NAME_OR_CODE", help="the kommun, e.g. Hofors or 2104"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the TOML file to write")
    p.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    p.set_defaults(run=_cmd_new)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``medborgarlofte`` command line and return its exit code.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` if not given.

    Returns:
        0 when all went well, 1 when a file has an error or cannot be read or
        written, 2 for a usage error, 70 for a bug (an unexpected exception).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    lang: Language = getattr(args, "lang", "sv")
    err: TextIO = sys.stderr
    try:
        return run(args)
    except _CommandError as failure:
        _print(f"medborgarlofte: {failure}", file=err)
    except ValidationError as error:
        for problem in error.problems:
            _print(f"medborgarlofte: {problem.format(lang)}", file=err)
    except BrokenPipeError:
        # The reader (say `| head`) left: stop quietly, as Python's docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except (MedborgarlofteError, OSError) as error:
        _print(f"medborgarlofte {args.command}: {error}", file=err)
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - the last resort: show the bug and ask for a report
        traceback.print_exc(file=err)
        _print(_TEXT[lang]["bug"].format(url=ISSUES_URL), file=err)
        return EXIT_BUG
    return EXIT_ERROR
