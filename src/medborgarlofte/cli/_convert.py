"""``medborgarlofte convert``: a promise file in another format (konvertera)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    UsageError,
    add_output,
    counted,
    emit,
    format_of,
    refuse_same_file,
    usable_promises,
    words,
    write_output,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte._formats.syntax import Format
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``convert`` command to *commands*."""
    parser = commands.add_parser(
        "convert",
        parents=[shared.lang],
        help="convert a promise file between JSON, TOML and YAML",
        description="Read a promise file (one promise or a collection) and write it in the "
        "format --format names, or else the output's suffix (.json, .toml, .yaml or .yml); "
        "JSON on standard output. The promise is checked on the way.",
    )
    parser.add_argument("input", metavar="IN", help="the file to read")
    parser.add_argument(
        "old_output",
        nargs="?",
        metavar="OUT",
        help="the file to write: the older spelling of -o OUT, still accepted",
    )
    add_output(parser, "the converted document")
    parser.add_argument(
        "--format",
        choices=("json", "toml", "yaml"),
        help="the format to write; from the output's suffix if not given, json on standard output",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert the input file to the output's format."""
    from medborgarlofte._formats.api import dumps, dumps_many  # noqa: PLC0415 - when run

    lang: Language = args.lang
    output: str = args.output
    if args.old_output is not None:
        if output != STDOUT:
            msg = words("convert", lang)["two_outputs"].format(
                option=output, positional=args.old_output
            )
            raise UsageError(msg)
        output = args.old_output
    fmt: Format
    if args.format is not None:
        fmt = args.format
    elif output == STDOUT:
        fmt = "json"
    else:
        fmt = format_of(Path(output))
    refuse_same_file(output, [args.input], lang)
    source = Path(args.input)
    loaded = usable_promises(source, lang)
    if loaded.collection:
        text = dumps_many(loaded.promises, format=fmt)
    else:
        text = dumps(loaded.promises[0], format=fmt)
    write_output(output, text)
    if output != STDOUT:
        what = counted("convert.converted", len(loaded.promises), lang, what=one_line(str(source)))
        emit(words("common", lang)["wrote"].format(what=what, path=one_line(output)))
    return EXIT_OK
