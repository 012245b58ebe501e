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
    from collections.abc import Sequence
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

TEXT: Final[dict[str, dict[str, str]]] = {
    "sv": {
        "as_of": "per {date}",
        "today": " (dagens datum)",
        "cannot_read": "filen går inte att läsa: {error}",
        "unknown_suffix": "okänd filändelse {suffix!r}: använd .json, .toml, .yaml eller .yml",
        "missing_extra": "{purpose} kräver tillägget {extra!r}: "
        "pip install 'medborgarlofte[{extra}]'",
        "too_large": "filen är större än tillåtet ({size} byte)",
        "has_errors": "{file} har fel och kan inte användas:",
        "holds_many": "{file} innehåller {n} löften; kommandot tar ett",
        "no_promise": "{file} följer upp löftet {id}, men inget av de {n} givna löftena har "
        "det id:t; ange löftets fil före eller efter uppföljningsdokumentet",
        "line": "{file}: {line}",
        "wrote": "Skrev {what} till {path}.",
        "same_file": "{output} är samma fil som indatafilen {input}; "
        "välj en annan utdatafil (inget har skrivits)",
        "interrupted": "avbrutet (Ctrl-C)",
        "bug": "Ett oväntat fel i medborgarlofte. Det är en bugg: rapportera den gärna, "
        "med texten ovan; {url} säger hur.",
    },
    "en": {
        "as_of": "as of {date}",
        "today": " (today)",
        "cannot_read": "the file cannot be read: {error}",
        "unknown_suffix": "unknown file suffix {suffix!r}: use .json, .toml, .yaml or .yml",
        "missing_extra": "{purpose} needs the extra {extra!r}: "
        "pip install 'medborgarlofte[{extra}]'",
        "too_large": "the file is larger than allowed ({size} bytes)",
        "has_errors": "{file} has errors and cannot be used:",
        "holds_many": "{file} holds {n} promises; the command takes one",
        "no_promise": "{file} follows up the promise {id}, but none of the {n} promises given "
        "has that id; give the promise's file beside the follow-up document",
        "line": "{file}: {line}",
        "wrote": "Wrote {what} to {path}.",
        "same_file": "{output} is the same file as the input {input}; "
        "choose another output (nothing was written)",
        "interrupted": "interrupted (Ctrl-C)",
        "bug": "An unexpected error in medborgarlofte. This is a bug: please report it, "
        "with the text above; {url} says how.",
    },
}
"""The words every command shares; each command keeps its own words in its module."""


class CommandError(Exception):
    """A failure to report on stderr without a traceback; the command exits with 1."""


class UsageError(Exception):
    """A command line that cannot be carried out as given; the command exits with 2."""


def emit(text: str, *, file: TextIO | None = None) -> None:
    """Write *text* and a line break, with control characters made visible (stdout by default)."""
    (file or sys.stdout).write(f"{visible(text)}\n")


def problem_line(path: str | Path, problem: Problem, lang: Language) -> str:
    """Return one line naming the file and the problem: ``file: severity code at path: message``."""
    return one_line(TEXT[lang]["line"].format(file=path, line=problem.format(lang)))


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
    words = TEXT[args.lang]
    given: dt.date | None = args.as_of
    if given is not None:
        return given, words["as_of"].format(date=given.isoformat())
    today = dt.date.today()  # noqa: DTZ011 - the CLI alone reads the clock (local date)
    return today, words["as_of"].format(date=today.isoformat()) + words["today"]


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
        message_sv=TEXT["sv"][key].format(**values),
        message_en=TEXT["en"][key].format(**values),
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
    lines = [TEXT[lang]["has_errors"].format(file=one_line(str(path)))]
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
            TEXT[lang]["holds_many"].format(file=one_line(str(path)), n=len(promises))
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
    words = TEXT[lang]
    if not promises:  # follow-up documents alone: each shown on its own
        return tuple(follow_up_alone(document) for _, document, _ in documents)
    for path, document, shown in documents:
        wanted = document.promise.id
        matching = [i for i, promise in enumerate(promises) if promise.id == wanted]
        if not matching:
            raise CommandError(
                words["no_promise"].format(
                    file=one_line(str(path)), id=one_line(repr(wanted)), n=len(promises)
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
            raise UsageError(TEXT[lang]["same_file"].format(output=output, input=name))


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
