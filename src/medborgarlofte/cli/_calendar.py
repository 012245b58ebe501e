"""``medborgarlofte calendar``: the follow-up calendar as iCalendar (kalender, .ics)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    TEXT,
    add_output,
    as_of,
    emit,
    load_one,
    refuse_same_file,
    write_output,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents

_WHAT: Final = {"sv": "kalendern", "en": "the calendar"}


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``calendar`` command to *commands*."""
    parser = commands.add_parser(
        "calendar",
        parents=[shared.lang, shared.dated, shared.working],
        help="export the follow-up calendar as iCalendar (.ics)",
        description="Write the follow-up occasions and the scheduled activities as an "
        "iCalendar file that calendar programs can import (needs the ical extra).",
    )
    parser.add_argument("file", metavar="FILE", help="a promise file")
    add_output(parser, "the calendar (.ics)")
    parser.add_argument(
        "--todos", action="store_true", help="write occasions as to-dos, not events"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the calendar of the promise in the file."""
    from medborgarlofte._render.ical import to_icalendar  # noqa: PLC0415 - needs the ical extra

    lang: Language = args.lang
    refuse_same_file(args.output, [args.file], lang)
    date, stated = as_of(args)
    promise = load_one(Path(args.file), lang)
    data = to_icalendar(
        promise, as_of=date, lang=lang, todos=args.todos, working_days=args.working_days
    )
    write_output(args.output, data)
    if args.output != STDOUT:
        emit(TEXT[lang]["wrote"].format(what=f"{_WHAT[lang]} {stated}", path=one_line(args.output)))
    return EXIT_OK
