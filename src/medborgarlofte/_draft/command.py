"""The body of ``medborgarlofte draft``: read a text, write the TOML, print the review list.

The command line only parses arguments and calls :func:`run_draft`, so the
command can move with the command line without changing what it does.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from medborgarlofte._draft.draft import draft

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

__all__ = ["DraftCommandError", "run_draft"]

_MAX_BYTES = 5 * 1024 * 1024 + 1
"""The most bytes read from one text (5 MiB; the rules read its beginning)."""

_TEXT = {
    "sv": {
        "exists": "{path} finns redan; välj ett annat namn eller ange --force",
        "written": "Utkastet skrevs till {path}. Granska det och fyll i platshållarna "
        "(<FYLL I …>); `medborgarlofte validate {path}` listar dem.",
    },
    "en": {
        "exists": "{path} exists already; choose another name or pass --force",
        "written": "The draft was written to {path}. Review it and fill in the placeholders "
        "(<FYLL I …>); `medborgarlofte validate {path}` lists them.",
    },
}


class DraftCommandError(Exception):
    """A failure the command line reports in one line, without a traceback."""


def run_draft(
    source: str,
    output: str,
    *,
    lang: Language = "sv",
    force: bool = False,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Draft the text in *source* and write the TOML to *output*; return the exit code.

    Args:
        source: A text file, or ``-`` for standard input.
        output: The TOML file to write, or ``-`` for standard output.
        lang: The language of the review list.
        force: Overwrite *output* if it exists.
        stdin: Standard input; ``sys.stdin.buffer`` if not given.
        stdout: Standard output; ``sys.stdout`` if not given.
        stderr: Where the review list goes when the TOML goes to standard output.

    Returns:
        0: a draft was written (a draft always has placeholders to fill in).

    Raises:
        DraftCommandError: When *output* exists and *force* is not given.
        OSError: When *source* cannot be read or *output* cannot be written.
        MissingExtraError: When the ``draft`` extra is not installed.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    words = _TEXT[lang]
    target = None if output == "-" else Path(output)
    if target is not None and target.exists() and not force:
        raise DraftCommandError(words["exists"].format(path=target))
    if source == "-":
        data = (stdin or sys.stdin.buffer).read(_MAX_BYTES)
    else:
        with Path(source).open("rb") as stream:
            data = stream.read(_MAX_BYTES)
    result = draft(data, source=None)
    document = result.to_toml()
    review = result.review(lang)
    if target is None:
        out.write(document)
        err.write(review)
    else:
        target.write_text(document, encoding="utf-8", newline="\n")
        out.write(review)
        out.write(words["written"].format(path=target) + "\n")
    return 0
