"""``medborgarlofte schema``: the JSON Schema of the promise format (schemat)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medborgarlofte.cli._common import EXIT_OK, add_output, write_output

if TYPE_CHECKING:
    import argparse

    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``schema`` command to *commands*."""
    parser = commands.add_parser(
        "schema",
        parents=[shared.lang],
        help="print the JSON Schema of the promise format",
        description="Print the JSON Schema (draft 2020-12) of a promise document.",
    )
    add_output(parser, "the schema")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the JSON Schema."""
    import json  # noqa: PLC0415 - imported when run

    from medborgarlofte._formats.schema import json_schema  # noqa: PLC0415

    write_output(args.output, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
