"""The ``medborgarlofte`` command line (kommandoraden).

Check a promise file, see where it stands, list its follow-up calendar, write
the follow-up report, sum up many promises, convert between formats, print
the JSON Schema, or start a new promise for a kommun::

    medborgarlofte validate hofors.toml
    medborgarlofte progress hofors.toml --as-of 2024-06-30
    medborgarlofte report hofors.toml --as-of 2024-06-30 -o rapport.html

Also runs as ``python -m medborgarlofte``. Output is in Swedish unless
``--lang en`` is given. Every command that writes a file takes ``-o FILE``;
``-o -``, the default, is standard output. Exit codes: 0 when all went well
(warnings allowed), 1 when a file has an error or cannot be read or written,
2 for a usage error (an output that is also an input among them), 70 for a
bug in medborgarlofte (with a traceback and a request to report it), 130
when stopped by Ctrl-C.

Each subcommand lives in a module of its own that registers its parser and
imports what it computes with only when it runs, so that the command starts
quickly. This package is the only place that reads the clock: ``--as-of``
defaults to today, and the output says so. Nothing in the library imports it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Final

from medborgarlofte.cli import (
    _calendar,
    _convert,
    _draft,
    _followups,
    _new,
    _progress,
    _report,
    _schema,
    _summary,
    _validate,
)
from medborgarlofte.cli._common import (
    EXIT_BUG,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CommandError,
    UsageError,
    emit,
    parents,
    words,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from medborgarlofte._core.problems import Language

__all__ = ["build_parser", "main"]

ISSUES_URL: Final = "https://medborgarlofte.readthedocs.io/en/latest/contributing.html"
"""Where the contributing guide says how to report a bug."""

_COMMANDS: Final = (
    _validate,
    _progress,
    _followups,
    _calendar,
    _report,
    _summary,
    _convert,
    _schema,
    _new,
    _draft,
)
"""The subcommands, in the order ``--help`` lists them; each has ``register`` and ``run``."""


class _Version(argparse.Action):
    """``--version``: look the version up only when asked (the lookup is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )
        del kwargs

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        del namespace, values, option_string
        from importlib.metadata import version  # noqa: PLC0415 - only for --version

        sys.stdout.write(f"{parser.prog} {version('medborgarlofte')}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``medborgarlofte`` command (also used by the docs).

    Returns:
        The parser, with one subparser per command.
    """
    parser = argparse.ArgumentParser(
        prog="medborgarlofte",
        description="Check, follow up and report on Swedish medborgarlöften (citizen promises).",
        epilog="Exit status: 0 all well (warnings allowed), 1 an error in a file or while "
        "reading or writing one, 2 a usage error (such as an output that is also an input), "
        "70 a bug in medborgarlofte, 130 stopped by Ctrl-C.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    shared = parents()
    for command in _COMMANDS:
        command.register(commands, shared)
    return parser


def _os_error(error: OSError) -> str:
    """Return an OS error as one line that names the file first."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def _run(args: argparse.Namespace, lang: Language) -> int:
    """Run the command *args* names and turn every expected failure into a message."""
    from medborgarlofte.exceptions import MedborgarlofteError, ValidationError  # noqa: PLC0415

    run: Callable[[argparse.Namespace], int] = args.run
    err = sys.stderr
    try:
        return run(args)
    except UsageError as failure:
        emit(f"medborgarlofte {args.command}: {failure}", file=err)
        return EXIT_USAGE
    except CommandError as failure:
        emit(f"medborgarlofte: {failure}", file=err)
    except ValidationError as error:
        for problem in error.problems:
            emit(f"medborgarlofte: {one_line(problem.format(lang))}", file=err)
    except BrokenPipeError:
        raise
    except OSError as error:
        emit(f"medborgarlofte {args.command}: {one_line(_os_error(error))}", file=err)
    except MedborgarlofteError as error:
        emit(f"medborgarlofte {args.command}: {one_line(str(error))}", file=err)
    except Exception:  # noqa: BLE001 - the last resort: show the bug and ask for a report
        import traceback  # noqa: PLC0415 - only for a bug

        traceback.print_exc(file=err)
        emit(words("common", lang)["bug"].format(url=ISSUES_URL), file=err)
        return EXIT_BUG
    return EXIT_ERROR


def _stop_writing_to_stdout() -> None:
    """Send what is left for stdout nowhere, so that Python's exit does not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # stdout is not a file (a test's StringIO)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``medborgarlofte`` command line and return its exit code.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` if not given.

    Returns:
        0 when all went well, 1 when a file has an error or cannot be read or
        written (or the reader of the output went away, as ``| head`` does),
        2 for a usage error, 70 for a bug (an unexpected exception), 130 when
        interrupted by Ctrl-C. Every failure is reported on stderr; only a bug
        shows a traceback.
    """
    lang: Language = "sv"
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # --help, --version and usage errors
            sys.stdout.flush()
            return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
        lang = args.lang
        code = _run(args, lang)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except KeyboardInterrupt:
        emit(f"medborgarlofte: {words('common', lang)['interrupted']}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (say `| head`) left: stop quietly, as Python's docs advise.
        _stop_writing_to_stdout()
        return EXIT_ERROR
    return code
