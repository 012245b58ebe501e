"""``medborgarlofte calendar``: the follow-up calendar as iCalendar (kalender, .ics)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    add_documents,
    add_output,
    as_of,
    emit,
    load_all,
    refuse_same_file,
    words,
    write_output,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``calendar`` command to *commands*."""
    parser = commands.add_parser(
        "calendar",
        parents=[shared.lang, shared.dated, shared.working],
        help="export the follow-up calendar as iCalendar (.ics)",
        description="Write the follow-up occasions and the scheduled activities as an "
        "iCalendar file that calendar programs can import (needs the ical extra). A "
        "collection gives one calendar with the entries of every promise.",
    )
    add_documents(parser)
    add_output(parser, "the calendar (.ics)")
    parser.add_argument(
        "--todos", action="store_true", help="write occasions as to-dos, not events"
    )
    parser.set_defaults(run=run)


def _together(calendars: list[bytes]) -> bytes:
    """Return one calendar with the entries of all of *calendars*, named after the first."""
    if len(calendars) == 1:
        return calendars[0]
    from icalendar import Calendar  # noqa: PLC0415 - present: to_icalendar needed it

    first = Calendar.from_ical(calendars[0])
    for data in calendars[1:]:
        for component in Calendar.from_ical(data).subcomponents:
            first.add_component(component)
    together: bytes = first.to_ical()
    return together


def run(args: argparse.Namespace) -> int:
    """Write the calendar of the promises in the files."""
    from medborgarlofte._render.ical import to_icalendar  # noqa: PLC0415 - needs the ical extra

    lang: Language = args.lang
    refuse_same_file(args.output, args.files, lang)
    date, stated = as_of(args)
    promises = load_all(args.files, lang)
    data = _together(
        [
            to_icalendar(
                promise,
                as_of=date,
                lang=lang,
                todos=args.todos,
                working_days=args.working_days,
            )
            for promise in promises
        ]
    )
    write_output(args.output, data)
    if args.output != STDOUT:
        what = f"{words('calendar', lang)['what']} {stated}"
        emit(words("common", lang)["wrote"].format(what=what, path=one_line(args.output)))
    return EXIT_OK
