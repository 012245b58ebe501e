r"""Text for the terminal: made harmless, wrapped, and laid out as tables (terminalen).

Text that comes from a document (a title, an id, a file name) reaches the
reader's terminal only through :func:`visible` or :func:`one_line`, which show
control and escape characters instead of passing them on: an ESC that could
recolour the screen or rewrite the title bar is shown as ``\x1b``, a bidi
override that could reverse what the reader sees as ``<U+202E>``.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Sequence

    from medborgarlofte._core.problems import Language

__all__ = ["WIDTH", "json_visible", "number", "one_line", "percent", "table", "visible", "wrap"]

WIDTH: Final = 100
"""Terminal tables and paragraphs fit in this many columns."""

_BIDI_CONTROLS: Final = (
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
)
"""The characters that change the direction text is shown in (Unicode UAX #9)."""


_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and line feed, DEL, C1
    f"{_BIDI_CONTROLS}"
    "\u2028\u2029"  # the line and paragraph separators
    "\ud800-\udfff]"  # a lone surrogate cannot even be written as UTF-8
)
"""The characters a terminal must not be sent raw."""


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"  # noqa: PLR2004 - end of C1


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str) -> str:
    r"""Return *text* with every control and escape character made visible.

    C0 and C1 controls and DEL are shown as ``\xNN``, bidi controls, line and
    paragraph separators and lone surrogates as ``<U+NNNN>``; tab and line
    feed are kept. Text without such characters is returned unchanged.

    >>> visible("Trygg\x1b[2J kommun\u202e")
    'Trygg\\x1b[2J kommun<U+202E>'

    Args:
        text: Any text.

    Returns:
        The text, safe to write to a terminal.
    """
    return _UNSAFE.sub(_shown, text)


def json_visible(text: str) -> str:
    r"""Return JSON text with what a terminal must not see raw written as ``\uNNNN`` escapes.

    JSON already escapes the C0 controls; DEL, C1 controls, bidi controls,
    separators and lone surrogates are escaped here. The JSON means the same.

    >>> json_visible('{"title": "Trygg\u202e"}')
    '{"title": "Trygg\\u202e"}'
    """
    return _UNSAFE.sub(_escaped, text)


def one_line(text: str) -> str:
    r"""Return *text* made visible, with tabs and line breaks turned into spaces.

    >>> one_line("Trafik-\nkontroller\tär\rklara")
    'Trafik- kontroller är\\x0dklara'
    """
    return visible(text).replace("\t", " ").replace("\n", " ")


def wrap(text: str) -> list[str]:
    """Return *text*, made visible, as lines of at most :data:`WIDTH` characters."""
    return textwrap.wrap(one_line(text), WIDTH) or [""]


def _fit(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True) or [""]


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[bool],
    flexible: Sequence[int] = (0,),
    notes: Sequence[str] | None = None,
) -> list[str]:
    """Return a plain-text table that fits in :data:`WIDTH` columns.

    Every cell is made visible and put on one line first. While the table
    is too wide, the widest of the *flexible* columns gives up a character
    (down to 10); their cells wrap. A note under a row is indented and
    wrapped to the full width.
    """
    gap = 2
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [
        max(len(header[c]), *(len(row[c]) for row in rows)) if rows else len(header[c])
        for c in range(len(header))
    ]
    while sum(widths) + gap * (len(header) - 1) > WIDTH:
        widest = max(flexible, key=lambda c: widths[c])
        if widths[widest] <= 10:  # noqa: PLR2004 - narrower than a date helps nobody
            break
        widths[widest] -= 1

    def line(cells: Sequence[str]) -> list[str]:
        wrapped = [
            _fit(cell, widths[c]) if c in flexible else [cell] for c, cell in enumerate(cells)
        ]
        height = max(len(w) for w in wrapped)
        out = []
        for k in range(height):
            parts = []
            for c, w in enumerate(wrapped):
                cell = w[k] if k < len(w) else ""
                parts.append(cell.rjust(widths[c]) if right[c] else cell.ljust(widths[c]))
            out.append((" " * gap).join(parts).rstrip())
        return out

    lines = line(header)
    lines.append("-" * min(WIDTH, sum(widths) + gap * (len(header) - 1)))
    for r, row in enumerate(rows):
        lines += line(row)
        if notes is not None and notes[r]:
            lines += textwrap.wrap(
                one_line(notes[r]), WIDTH, initial_indent="    ", subsequent_indent="    "
            )
    return lines


def number(value: float | None, lang: Language) -> str:
    """Return a figure as the report shows it (:func:`medborgarlofte._core.texts.number`).

    >>> number(12.0, "sv"), number(2.25, "sv"), number(2.25, "en"), number(None, "en")
    ('12', '2,25', '2.25', '–')
    """
    from medborgarlofte._core import texts  # noqa: PLC0415 - `--help` imports no library

    return texts.number(value, lang)


def percent(value: float | None, lang: Language) -> str:
    """Return a share as the report shows it: ``"44 %"`` in Swedish, ``"44%"`` in English.

    The Swedish space is a no-break space.

    >>> percent(0.444, "sv") == "44\N{NO-BREAK SPACE}%", percent(0.444, "en"), percent(None, "sv")
    (True, '44%', '–')
    """
    from medborgarlofte._core import texts  # noqa: PLC0415 - `--help` imports no library

    return texts.percent(value, lang)
