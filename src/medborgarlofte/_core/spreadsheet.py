"""Text cells a spreadsheet cannot run as formulas (skydd mot formler i CSV).

A CSV table is opened in a spreadsheet, and a spreadsheet runs a cell that
starts with ``=``, ``+``, ``-`` or ``@`` as a formula; a tab or carriage
return first can hide such a start ("CSV injection", OWASP). Every CSV writer
of the library writes its text cells through :func:`protect_cell`, and every
CSV reader reads them back through :func:`unprotect_cell`; the two together
give every text back exactly.

The rule, unambiguous in both directions:

* Writing: a text that starts with any number of apostrophes (none
  included) followed by ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets one apostrophe more in front. The apostrophe is how Excel and
  LibreOffice mark a cell as text; they do not show it.
* Reading: a text cell that starts with an apostrophe followed by such a
  text loses exactly that first apostrophe. Every other text is read as it
  stands, so ``'citat'`` stays ``'citat'``.

Numbers, dates and yes/no cells are not text cells and are never marked: a
negative number such as ``-5`` is a number to a spreadsheet, not a formula.
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

__all__ = ["FORMULA_STARTS", "protect_cell", "safe_writer", "unprotect_cell"]

FORMULA_STARTS = "=+-@\t\r"
"""The characters a text cell must not start with (after its text marks)."""

_RUNNABLE = re.compile(r"'*[=+\-@\t\r]")


def protect_cell(text: str) -> str:
    r"""Return *text* with Excel's text mark (``'``) first if a spreadsheet would run it.

    >>> protect_cell("=HYPERLINK(\"http://x\")"), protect_cell("'=x"), protect_cell("a=b")
    ('\'=HYPERLINK("http://x")', "''=x", 'a=b')
    """
    return "'" + text if _RUNNABLE.match(text) else text


def unprotect_cell(text: str) -> str:
    """Undo :func:`protect_cell`: drop the one text mark that stands before a formula start.

    >>> unprotect_cell("'=SUMMA(A1)"), unprotect_cell("''=x"), unprotect_cell("'citat'")
    ('=SUMMA(A1)', "'=x", "'citat'")
    """
    return text[1:] if text.startswith("'") and _RUNNABLE.match(text, 1) else text


class _SafeWriter:
    """A :func:`csv.writer` that writes every ``str`` cell through :func:`protect_cell`."""

    def __init__(self, out: TextIO, **options: Any) -> None:  # noqa: ANN401 - csv's options
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row; text cells are protected, other values written as they are."""
        self._writer.writerow([protect_cell(c) if isinstance(c, str) else c for c in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row of *rows*."""
        for row in rows:
            self.writerow(row)


def safe_writer(out: TextIO, **options: Any) -> _SafeWriter:  # noqa: ANN401 - csv's options
    """Return a CSV writer whose text cells a spreadsheet cannot run (see the module).

    Pass numbers as numbers: only ``str`` cells are marked.

    Args:
        out: A text file opened with ``newline=""``.
        **options: The options of :func:`csv.writer` (``delimiter`` …).

    Returns:
        An object with ``writerow`` and ``writerows``, like :func:`csv.writer`'s.
    """
    return _SafeWriter(out, **options)
