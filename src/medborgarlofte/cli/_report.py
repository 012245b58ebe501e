"""``medborgarlofte report``: the follow-up report as HTML or Markdown (uppföljningsrapport)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    CommandError,
    add_documents,
    add_output,
    as_of,
    counted,
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
        "is one self-contained page with charts that prints on A4 (needs the report extra). "
        "A follow-up document given beside its promise adds its reports and assessments. "
        "Several promises (a collection) give one Markdown document with a section per "
        "promise, or, with -o DIR naming a folder, one file per promise named after its id.",
    )
    add_documents(parser)
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
    add_output(parser, "the report, or the folder for one report per promise")
    parser.set_defaults(run=run)


def _file_name(promise_id: str, fmt: str, taken: set[str]) -> str:
    """Return a safe file name for the report of *promise_id*, unlike those *taken*."""
    stem = re.sub(r"[^\w.-]", "_", promise_id).lstrip(".") or "promise"
    name, n = f"{stem}.{fmt}", 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}.{fmt}"
    taken.add(name.lower())
    return name


def run(args: argparse.Namespace) -> int:
    """Write the report of each promise in the files."""
    lang: Language = args.lang
    folder = args.output != STDOUT and Path(args.output).is_dir()
    fmt = args.format
    if fmt is None:
        if args.output == STDOUT or folder:
            fmt = "html"
        else:
            fmt = _BY_SUFFIX.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise CommandError(words("report", lang)["format_mismatch"].format(path=args.output))
    if not folder:
        refuse_same_file(args.output, args.files, lang)
    from medborgarlofte._render.renderer import render_html, render_markdown  # noqa: PLC0415

    date, stated = as_of(args)
    promises = load_all(args.files, lang)
    render = render_html if fmt == "html" else render_markdown
    if folder:
        taken: set[str] = set()
        targets = [Path(args.output) / _file_name(p.id, fmt, taken) for p in promises]
        for target in targets:
            refuse_same_file(str(target), args.files, lang)
        for promise, target in zip(promises, targets, strict=True):
            write_output(str(target), render(promise, as_of=date, lang=lang, brief=args.brief))
        what = counted("report.wrote_many", len(promises), lang, as_of=stated)
        emit(words("common", lang)["wrote"].format(what=what, path=one_line(args.output)))
        return EXIT_OK
    if len(promises) > 1 and fmt == "html":
        raise CommandError(counted("report.html_many", len(promises), lang))
    pages = [render(promise, as_of=date, lang=lang, brief=args.brief) for promise in promises]
    write_output(args.output, "\n---\n\n".join(pages))
    if args.output != STDOUT:
        what = f"{words('report', lang)['what']} {stated}"
        emit(words("common", lang)["wrote"].format(what=what, path=one_line(args.output)))
    return EXIT_OK
