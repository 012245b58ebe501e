"""``medborgarlofte report``: the follow-up report as HTML or Markdown (uppföljningsrapport)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    TEXT,
    CommandError,
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

_WHAT: Final = {"sv": "rapporten", "en": "the report"}
_FORMAT_MISMATCH: Final = {
    "sv": "kan inte avgöra rapportformatet av {path!r}; ange --format html eller md",
    "en": "cannot tell the report format from {path!r}; pass --format html or md",
}
_BY_SUFFIX: Final = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``report`` command to *commands*."""
    parser = commands.add_parser(
        "report",
        parents=[shared.lang, shared.dated],
        help="write the follow-up report as HTML or Markdown",
        description="Write the follow-up report: the promise, each activity with its target, "
        "what was done, its status and why, the indicators and the follow-up calendar. HTML "
        "is one self-contained page with charts that prints on A4 (needs the report extra).",
    )
    parser.add_argument("file", metavar="FILE", help="a promise file")
    parser.add_argument(
        "--format",
        choices=("html", "md"),
        help="html or md (Markdown); guessed from the output's suffix if not given, "
        "html on standard output",
    )
    parser.add_argument(
        "--brief",
        action="store_true",
        help="the short version on one A4 page: the summary box, one line per activity "
        "and the next follow-up",
    )
    add_output(parser, "the report")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the report of the promise in the file."""
    lang: Language = args.lang
    fmt = args.format
    if fmt is None:
        fmt = "html" if args.output == STDOUT else _BY_SUFFIX.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise CommandError(_FORMAT_MISMATCH[lang].format(path=args.output))
    refuse_same_file(args.output, [args.file], lang)
    from medborgarlofte._render.renderer import render_html, render_markdown  # noqa: PLC0415

    date, stated = as_of(args)
    promise = load_one(Path(args.file), lang)
    render = render_html if fmt == "html" else render_markdown
    write_output(args.output, render(promise, as_of=date, lang=lang, brief=args.brief))
    if args.output != STDOUT:
        emit(TEXT[lang]["wrote"].format(what=f"{_WHAT[lang]} {stated}", path=one_line(args.output)))
    return EXIT_OK
