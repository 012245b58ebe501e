"""What every subcommand shares: exit codes, words, options, reading promises, writing outputs.

Only the standard library is imported here at start-up; the library's own
modules are imported inside the functions that need them, so that a command
pays only for what it uses (``--help`` imports nothing of the library).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Final, TextIO

from medborgarlofte.cli._terminal import one_line, visible

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from medborgarlofte._core.problems import Language, Problem
    from medborgarlofte._formats.syntax import Format
    from medborgarlofte._model.document import FollowUpDocument
    from medborgarlofte._model.promise import Promise

EXIT_OK: Final = 0
"""Everything went well; warnings may have been shown."""
EXIT_ERROR: Final = 1
"""A file has an error, or a file could not be read or written."""
EXIT_USAGE: Final = 2
"""The command line itself was wrong (argparse's own exit code), or an output is an input."""
EXIT_BUG: Final = 70
"""An unexpected exception: a bug in medborgarlofte (EX_SOFTWARE in sysexits.h)."""
EXIT_INTERRUPTED: Final = 130
"""Stopped by Ctrl-C (SIGINT): 128 + the signal's number, as shells report it."""

STDOUT: Final = "-"
"""The output name that means standard output."""

SUFFIXES: Final[dict[str, Format]] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
"""The document formats, by file suffix."""


def words(command: str, lang: Language) -> Mapping[str, str]:
    """Return the words of *command* in *lang* from the catalogue; ``"common"`` for shared ones.

    The catalogue (:mod:`medborgarlofte._core.texts`) is imported when a
    command runs, not when the parser is built.
    """
    from medborgarlofte._core import texts  # noqa: PLC0415 - `--help` imports no library

    return texts.CLI[command][lang]


def counted(key: str, n: float, lang: Language, **values: object) -> str:
    """Return the command line's sentence *key* for the count *n*, singular or plural."""
    from medborgarlofte._core import texts  # noqa: PLC0415 - `--help` imports no library

    return texts.counted(texts.CLI_COUNTED, key, n, lang, **values)


def day(value: dt.date, lang: Language) -> str:
    """Return a date as a person reads it: "30 juni 2024", "30 June 2024"."""
    from medborgarlofte._core import texts  # noqa: PLC0415 - `--help` imports no library

    return texts.day(value, lang)


class CommandError(Exception):
    """A failure to report on stderr without a traceback; the command exits with 1."""


class UsageError(Exception):
    """A command line that cannot be carried out as given; the command exits with 2."""


def emit(text: str, *, file: TextIO | None = None) -> None:
    """Write *text* and a line break, with control characters made visible (stdout by default)."""
    (file or sys.stdout).write(f"{visible(text)}\n")


def problem_line(path: str | Path, problem: Problem, lang: Language) -> str:
    """Return one line naming the file and the problem: ``file: severity code at path: message``."""
    return one_line(words("common", lang)["line"].format(file=path, line=problem.format(lang)))


# --------------------------------------------------------------------------- options


def _date(text: str) -> dt.date:
    """Parse an ``--as-of`` value written as YYYY-MM-DD (an argparse type)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date written YYYY-MM-DD: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


class Parents:
    """The option groups subcommands share, as argparse parent parsers."""

    __slots__ = ("dated", "lang", "working")

    def __init__(self) -> None:
        self.lang = argparse.ArgumentParser(add_help=False)
        """``--lang sv|en``: every command."""
        self.dated = argparse.ArgumentParser(add_help=False)
        """``--as-of DATE``: the commands that compute at a date."""
        self.working = argparse.ArgumentParser(add_help=False)
        """``--working-days``: the commands that show due dates."""


def parents() -> Parents:
    """Return the shared option groups."""
    shared = Parents()
    shared.lang.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv",
        help="language of the output: Swedish (sv, the default) or English (en)",
    )
    shared.dated.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the date to compute for, YYYY-MM-DD; today if not given (the output says which)",
    )
    shared.working.add_argument(
        "--working-days",
        action="store_true",
        help="move due dates on weekends and Swedish public holidays to the next working day "
        "(needs the holidays extra)",
    )
    return shared


def add_output(parser: argparse.ArgumentParser, what: str) -> None:
    """Add the one output option every writing command has: ``-o FILE``, ``-`` for stdout."""
    parser.add_argument(
        "-o",
        "--output",
        default=STDOUT,
        metavar="FILE",
        help=f"where to write {what}; - (the default) for standard output",
    )


def as_of(args: argparse.Namespace) -> tuple[dt.date, str]:
    """Return the date to compute for, and how to state it in the output.

    The only place in the package that reads the clock.
    """
    lang: Language = args.lang
    shared = words("common", lang)
    given: dt.date | None = args.as_of
    if given is not None:
        return given, shared["as_of"].format(date=day(given, lang))
    today = dt.date.today()  # noqa: DTZ011 - the CLI alone reads the clock (local date)
    return today, shared["as_of"].format(date=day(today, lang)) + shared["today"]


# --------------------------------------------------------------------------- reading


class Loaded:
    """What reading one file gave: its promises or follow-up document, and every problem.

    ``collection`` says whether the file is a collection of promises;
    ``follow_up`` holds the follow-up document when the file is one.
    """

    __slots__ = ("collection", "follow_up", "problems", "promises")

    def __init__(
        self,
        *,
        promises: tuple[Promise, ...] = (),
        problems: tuple[Problem, ...] = (),
        collection: bool = False,
        follow_up: FollowUpDocument | None = None,
    ) -> None:
        self.promises = promises
        self.problems = problems
        self.collection = collection
        self.follow_up = follow_up


def format_of(path: Path) -> Format:
    """Return the document format a file's suffix names.

    Raises:
        UnsupportedFormatError: For an unknown suffix.
    """
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        from medborgarlofte.exceptions import UnsupportedFormatError  # noqa: PLC0415

        msg = f"unknown file suffix {path.suffix!r}"
        raise UnsupportedFormatError(msg, format=path.suffix or str(path))
    return found


def _read_promises(path: Path, *, follow_ups: bool = False) -> Loaded:
    """Return the promises in *path* (one promise or a collection) and their warnings.

    With *follow_ups*, a follow-up document is read too, and returned as such.

    The file is read once, so a FIFO works as an input.

    Raises:
        ValidationError: With every problem, when there is an error.
        UnsupportedFormatError: For an unknown suffix.
        MissingExtraError: When the format's extra is not installed.
        OSError: When the file cannot be read.
    """
    from medborgarlofte._core import codes  # noqa: PLC0415 - imported when a file is read
    from medborgarlofte._formats.api import (  # noqa: PLC0415
        DEFAULT_MAX_SIZE,
        loads_many_with_warnings,
        loads_with_warnings,
    )
    from medborgarlofte._formats.files import read_file  # noqa: PLC0415
    from medborgarlofte.exceptions import ValidationError  # noqa: PLC0415

    fmt = format_of(path)
    data = read_file(path, DEFAULT_MAX_SIZE)
    try:
        promise, warnings = loads_with_warnings(data, format=fmt)
    except ValidationError as error:
        if follow_ups and any(p.code == codes.WRONG_DOCUMENT_TYPE for p in error.problems):
            from medborgarlofte._formats.documents import (  # noqa: PLC0415
                loads_follow_up_with_warnings,
            )

            document, warnings = loads_follow_up_with_warnings(data, format=fmt)
            return Loaded(problems=warnings, follow_up=document)
        collection = any(
            p.path == "$.promises" and p.code == codes.UNKNOWN_KEY for p in error.problems
        )
        if not collection:
            raise
        promises, warnings = loads_many_with_warnings(data, format=fmt)
        return Loaded(promises=promises, problems=warnings, collection=True)
    return Loaded(promises=(promise,), problems=warnings)


def _file_problem(code: str, key: str, **values: object) -> Problem:
    from medborgarlofte._core.problems import Problem, Severity  # noqa: PLC0415

    return Problem(
        path="$",
        code=code,
        severity=Severity.ERROR,
        message_sv=words("common", "sv")[key].format(**values),
        message_en=words("common", "en")[key].format(**values),
    )


def read_promises(path: Path, *, follow_ups: bool = False) -> Loaded:
    """Return the promises in *path* and every problem, file-level failures included.

    With *follow_ups*, a follow-up document is read too.
    """
    from medborgarlofte._core import codes  # noqa: PLC0415 - imported when a file is read
    from medborgarlofte.exceptions import (  # noqa: PLC0415
        MissingExtraError,
        UnsupportedFormatError,
        ValidationError,
    )

    try:
        return _read_promises(path, follow_ups=follow_ups)
    except ValidationError as error:
        return Loaded(problems=error.problems)
    except UnsupportedFormatError:
        problem = _file_problem(codes.UNKNOWN_FILE_SUFFIX, "unknown_suffix", suffix=path.suffix)
    except MissingExtraError as error:
        problem = _file_problem(
            codes.MISSING_EXTRA, "missing_extra", purpose=error.purpose, extra=error.extra
        )
    except OSError as error:
        reason = error.strerror or str(error)
        problem = _file_problem(codes.UNREADABLE_FILE, "cannot_read", error=reason)
    return Loaded(problems=(problem,))


def show_warnings(path: Path, problems: Sequence[Problem], lang: Language) -> None:
    """Write each warning among *problems* to stderr, one line each."""
    for problem in problems:
        if not problem.is_error:
            emit(problem_line(path, problem, lang), file=sys.stderr)


def errors_text(path: Path, problems: Sequence[Problem], lang: Language) -> str:
    """Return the lines that say *path* cannot be used, and each of its errors."""
    lines = [words("common", lang)["has_errors"].format(file=one_line(str(path)))]
    lines += [f"  {one_line(p.format(lang))}" for p in problems if p.is_error]
    return "\n".join(lines)


def usable_promises(path: Path, lang: Language, *, follow_ups: bool = False) -> Loaded:
    """Return what *path* holds, showing its warnings on stderr.

    With *follow_ups*, a follow-up document is read too.

    Raises:
        CommandError: With every error, when the file cannot be used.
    """
    loaded = read_promises(path, follow_ups=follow_ups)
    show_warnings(path, loaded.problems, lang)
    if any(p.is_error for p in loaded.problems):
        raise CommandError(errors_text(path, loaded.problems, lang))
    return loaded


def load_one(path: Path, lang: Language) -> Promise:
    """Return the one promise in *path*, showing warnings on stderr.

    Raises:
        CommandError: With every problem, when the file cannot be used or
            holds more than one promise.
    """
    promises = usable_promises(path, lang).promises
    if len(promises) != 1:
        raise CommandError(
            counted("common.holds_many", len(promises), lang, file=one_line(str(path)))
        )
    return promises[0]


def add_documents(parser: argparse.ArgumentParser) -> None:
    """Add the inputs of a command that reads promises with their follow-up documents."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a promise file or a collection of promises, and any follow-up documents of "
        "them (document_type = 'follow_up'), whose reports and assessments are added to "
        "the promise they follow up",
    )


def load_all(paths: Sequence[str], lang: Language) -> tuple[Promise, ...]:
    """Return every promise in *paths*, with the follow-up documents among them added.

    Each follow-up document is checked against the promise it follows up
    (warnings on stderr) and added to it with
    :func:`~medborgarlofte.with_follow_up`, in the order the files are given.
    When the files hold follow-up documents and no promise at all, each
    document stands alone (:func:`~medborgarlofte.follow_up_alone`).

    Raises:
        CommandError: When a file cannot be used, a follow-up document has an
            error against its promise, or follows up a promise none of the
            files holds.
    """
    from pathlib import Path  # noqa: PLC0415 - imported when files are read

    from medborgarlofte._compute.merge import follow_up_alone, with_follow_up  # noqa: PLC0415
    from medborgarlofte._rules.integrity import validate_follow_up  # noqa: PLC0415

    promises: list[Promise] = []
    documents: list[tuple[Path, FollowUpDocument, tuple[Problem, ...]]] = []
    for name in paths:
        path = Path(name)
        loaded = usable_promises(path, lang, follow_ups=True)
        promises += loaded.promises
        if loaded.follow_up is not None:
            documents.append((path, loaded.follow_up, loaded.problems))
    if not promises:  # follow-up documents alone: each shown on its own
        return tuple(follow_up_alone(document) for _, document, _ in documents)
    for path, document, shown in documents:
        wanted = document.promise.id
        matching = [i for i, promise in enumerate(promises) if promise.id == wanted]
        if not matching:
            raise CommandError(
                counted(
                    "common.no_promise",
                    len(promises),
                    lang,
                    file=one_line(str(path)),
                    id=one_line(repr(wanted)),
                )
            )
        for i in matching:
            problems = validate_follow_up(document, promises=[promises[i]])
            show_warnings(path, [p for p in problems if p not in shown], lang)
            if any(p.is_error for p in problems):
                raise CommandError(errors_text(path, problems, lang))
            promises[i] = with_follow_up(promises[i], document)
    return tuple(promises)


def sections(texts: Sequence[str]) -> str:
    """Return the outputs of several promises as one text, a rule between them."""
    return f"\n\n{_RULE}\n\n".join(texts)


_RULE: Final = "=" * 72
"""The line between the sections of several promises on the terminal."""


# --------------------------------------------------------------------------- writing


def refuse_same_file(output: str, inputs: Sequence[str | Path], lang: Language) -> None:
    """Refuse an output that is one of the inputs, before anything is read or written.

    Raises:
        UsageError: If *output* names the same file as an input (through links too).
    """
    if output == STDOUT:
        return
    from medborgarlofte._formats.files import same_file  # noqa: PLC0415

    for name in inputs:
        if same_file(output, name):
            raise UsageError(words("common", lang)["same_file"].format(output=output, input=name))


def write_output(output: str, data: str | bytes) -> None:
    """Write *data* to the file *output* safely, or to standard output for ``-``.

    Raises:
        OSError: If the file cannot be written; a previous file is unchanged.
    """
    if output != STDOUT:
        from medborgarlofte._formats.files import write_file  # noqa: PLC0415

        write_file(output, data)
        return
    stream = sys.stdout
    if isinstance(data, bytes):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text-only stream, such as a test's StringIO
            stream.write(data.decode("utf-8"))
        else:
            stream.flush()
            buffer.write(data)
            buffer.flush()
    else:
        stream.write(data)
