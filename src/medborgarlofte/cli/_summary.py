"""``medborgarlofte summary``: many promises, with totals per län and police region (översikt)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_ERROR,
    EXIT_OK,
    STDOUT,
    SUFFIXES,
    add_output,
    as_of,
    counted,
    emit,
    errors_text,
    read_promises,
    refuse_same_file,
    show_warnings,
    words,
    write_output,
)
from medborgarlofte.cli._progress import counts_text
from medborgarlofte.cli._terminal import one_line, percent, table

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from medborgarlofte._compute.portfolio import Portfolio
    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.promise import Promise
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``summary`` command to *commands*."""
    parser = commands.add_parser(
        "summary",
        parents=[shared.lang, shared.dated],
        help="sum up many promises: one row each, totals per län and police region",
        description="Compute progress for every promise in the files and directories given "
        "(directories are searched for .json, .toml, .yaml and .yml files). A file with "
        "errors is reported and left out; the rest are still summed up, and the command "
        "exits with 1.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="FILE_OR_DIR", help="a promise file or a directory"
    )
    add_output(parser, "the summary")
    parser.add_argument(
        "--format",
        choices=("text", "csv"),
        help="text (a table for people) or csv (one row per promise); csv if the output "
        "ends in .csv, text otherwise",
    )
    parser.add_argument(
        "--csv",
        metavar="FILE",
        help="also write one row per promise as CSV to FILE (- for standard output), "
        "besides the table; the older spelling of -o FILE --format csv",
    )
    parser.set_defaults(run=run)


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


def _promise_files(names: Sequence[str], lang: Language) -> tuple[list[Path], list[str]]:
    """Return the promise files named or inside the directories named, and what was amiss."""
    found: list[Path] = []
    amiss: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
            if not inside:
                amiss.append(words("summary", lang)["no_files"].format(path=path))
            found += inside
        else:
            found.append(path)
    return found, amiss


def _text(result: Portfolio, lang: Language, stated: str) -> str:
    text = words("summary", lang)
    out = [counted("summary.title", len(result.rows), lang, as_of=stated), ""]
    rows = [
        [
            row.title,
            _short_list(row.kommuner),
            str(row.activities),
            percent(row.elapsed, lang),
            percent(row.completion, lang),
            percent(row.expected_completion, lang),
        ]
        for row in result.rows
    ]
    notes = [counts_text(row.counts, lang) for row in result.rows]
    header = [
        text["head_promise"],
        text["head_kommun"],
        text["head_activities"],
        text["head_elapsed"],
        text["head_completion"],
        text["head_expected"],
    ]
    out += table(
        header, rows, right=[False, False, True, True, True, True], flexible=(0, 1), notes=notes
    )
    for totals, first in (
        (result.counties, text["head_county"]),
        (result.police_regions, text["head_region"]),
    ):
        if totals:
            out.append("")
            out += table(
                [
                    first,
                    text["head_promises"],
                    text["head_activities"],
                    text["head_completion"],
                    text["head_expected"],
                ],
                [
                    [
                        t.name,
                        str(t.promises),
                        str(t.activities),
                        percent(t.completion, lang),
                        percent(t.expected_completion, lang),
                    ]
                    for t in totals
                ],
                right=[False, True, True, True, True],
            )
    return "\n".join(out) + "\n"


def _csv(result: Portfolio, lang: Language) -> str:
    stream = io.StringIO(newline="")
    result.write_csv(stream, lang=lang)
    return stream.getvalue()


def _write(output: str, text: str, lang: Language, *, data: bool) -> None:
    """Write the summary: a table for people is made visible on stdout; data is written as is."""
    if output == STDOUT:
        if data:
            write_output(output, text)
        else:
            emit(text.removesuffix("\n"))
        return
    write_output(output, text)
    what = words("summary", lang)["what"]
    emit(words("common", lang)["wrote"].format(what=what, path=one_line(output)))


def run(args: argparse.Namespace) -> int:
    """Sum up every promise that can be read; report each file that cannot."""
    from medborgarlofte._compute.portfolio import portfolio  # noqa: PLC0415 - imported when run

    lang: Language = args.lang
    fmt = args.format or ("csv" if args.output.lower().endswith(".csv") else "text")
    date, stated = as_of(args)
    files, amiss = _promise_files(args.paths, lang)
    for output in (args.output, args.csv):
        if output is not None:
            refuse_same_file(output, files, lang)
    for line in amiss:
        emit(f"medborgarlofte summary: {line}", file=sys.stderr)
    promises: list[Promise] = []
    bad = 0
    for path in files:
        loaded = read_promises(path)
        show_warnings(path, loaded.problems, lang)
        if any(p.is_error for p in loaded.problems):
            bad += 1
            emit(errors_text(path, loaded.problems, lang), file=sys.stderr)
            continue
        promises += loaded.promises
    if bad:
        emit(counted("summary.skipped", bad, lang, total=len(files)), file=sys.stderr)
    if promises or not (bad or amiss):
        result = portfolio(promises, as_of=date)
        if fmt == "csv":
            _write(args.output, _csv(result, lang), lang, data=True)
        else:
            _write(args.output, _text(result, lang, stated), lang, data=False)
        if args.csv is not None:
            _write(args.csv, _csv(result, lang), lang, data=True)
    return EXIT_ERROR if bad or amiss else EXIT_OK
