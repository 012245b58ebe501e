"""``medborgarlofte draft``: a TOML document drafted from a promise's Swedish text (utkast)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    CommandError,
    add_output,
    emit,
    load_one,
    refuse_same_file,
    words,
    write_output,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents

_MAX_BYTES: Final = 5 * 1024 * 1024 + 1
"""The most bytes read from one text (5 MiB; the drafter reads its beginning)."""


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``draft`` command to *commands*."""
    parser = commands.add_parser(
        "draft",
        parents=[shared.lang],
        help="draft a promise or a follow-up from its Swedish text: a TOML document to review",
        description="Draft a promise from the Swedish text of a web page, press release or "
        "PDF: kommuner, police area, period, signing date, signatories, focus areas, "
        "activities with targets, follow-up; a follow-up report becomes a follow-up document "
        "with the work it reports. Writes a TOML document in which every drafted "
        "value is commented with its source phrase and every value to supply is a <FYLL I …> "
        "placeholder that validate reports, and prints a review list: what was found, what "
        "was inferred, what is missing (on standard error when the TOML goes to standard "
        "output).",
    )
    parser.add_argument("text", metavar="TEXT", help="the text file to read, or - for stdin")
    add_output(parser, "the TOML draft")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    parser.add_argument(
        "--promise",
        metavar="FILE",
        help="the promise a follow-up report follows up: the follow-up refers to it, and each "
        "report is linked to the one activity whose title shares its words",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Draft the text and write the TOML document; print the review list."""
    from medborgarlofte._draft.draft import draft  # noqa: PLC0415 - imported when run

    lang: Language = args.lang
    text = words("draft", lang)
    output: str = args.output
    source: str = args.text
    sources = [] if source == STDOUT else [source]
    refuse_same_file(output, [*sources, *([args.promise] if args.promise else [])], lang)
    target = Path(output)
    if output != STDOUT and (target.exists() or target.is_symlink()) and not args.force:
        raise CommandError(text["exists"].format(path=one_line(output)))
    if source == STDOUT:
        data = sys.stdin.buffer.read(_MAX_BYTES)
    else:
        with Path(source).open("rb") as stream:
            data = stream.read(_MAX_BYTES)
    promise = load_one(Path(args.promise), lang) if args.promise else None
    result = draft(data, promise=promise)
    write_output(output, result.to_toml())
    if output == STDOUT:
        emit(result.review(lang).rstrip("\n"), file=sys.stderr)
    else:
        emit(result.review(lang).rstrip("\n"))
        written = "written" if result.follow_up is None else "written_follow_up"
        emit(text[written].format(path=one_line(output)))
    return EXIT_OK
