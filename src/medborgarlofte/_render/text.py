"""Text from a promise made safe to show: no raw controls, bidirectional text isolated.

A promise may hold any Unicode text, and a report shows it to people. Two
kinds of character could turn that text against its reader:

* control characters (a terminal escape, a bell, a NUL), lone surrogates and
  noncharacters, which make an HTML page or an SVG chart invalid or hide
  what is there: :func:`showable` replaces each with U+FFFD, so the reader
  sees that something was there;
* bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and its
  kin), which can reverse the text *after* them, outside the value they came
  in ("Trojan Source"), and right-to-left text, which can pull neighbouring
  punctuation and numbers into its run. :func:`isolate` puts such a text
  between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE
  (Unicode Standard Annex #9), after :func:`balance` has made sure that no
  character inside can end the isolate early or stay open after it. HTML
  uses the ``<bdi>`` element for the same purpose (see the renderer).

Text without right-to-left letters or bidirectional controls, which is nearly
all Swedish and English text, passes through unchanged.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FSI", "PDI", "balance", "isolate", "needs_isolation", "showable"]

FSI = "\u2068"
"""U+2068 FIRST STRONG ISOLATE: starts an isolate whose direction its text decides."""

PDI = "\u2069"
"""U+2069 POP DIRECTIONAL ISOLATE: ends the innermost open isolate."""

_ISOLATE_STARTS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_EMBEDDING_STARTS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO
_PDF = "\u202c"  # POP DIRECTIONAL FORMATTING

# Bidirectional classes that make a text need isolating: right-to-left
# letters and every explicit formatting character.
_NEEDS = frozenset({"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})

# Code points HTML5 calls parse errors in a document: controls other than
# ASCII whitespace, lone surrogates and the noncharacters (WHATWG HTML,
# "control-character-in-input-stream", "noncharacter-in-input-stream").
_NOT_SHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def showable(text: str) -> str:
    r"""Return *text* with each control character, lone surrogate and noncharacter as U+FFFD.

    Tab, line feed, form feed and carriage return stay: they are white space
    to HTML; each output decides what to do with line breaks.

    >>> showable("a\ufdd0b\x07c\x1b[31m") == "a\ufffdb\ufffdc\ufffd[31m"
    True
    """
    return _NOT_SHOWABLE.sub("\ufffd", text)


def needs_isolation(text: str) -> bool:
    """Return whether *text* holds right-to-left letters or bidirectional controls.

    >>> needs_isolation("Trygghetsvandring"), needs_isolation("\u05e9\u05dc\u05d5\u05dd")
    (False, True)
    """
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(char) in _NEEDS for char in text)


def balance(text: str) -> str:
    """Return *text* with its bidirectional controls paired, so it cannot leak.

    A POP DIRECTIONAL ISOLATE or FORMATTING that closes nothing opened in
    *text* is dropped (it would close something around the text), and an
    isolate, embedding or override left open is closed at the end.

    >>> balance("a\u2069b\u202ec") == "ab\u202ec\u202c"
    True
    >>> balance("\u202ea\u202cb\u202c") == "\u202ea\u202cb"  # the second PDF closes nothing
    True
    >>> balance("\u2067\u202ea\u202c\u202cb") == "\u2067\u202ea\u202cb\u2069"  # nor here
    True
    """
    # The open initiators, innermost last: True for an isolate, False for an
    # embedding or override.
    stack: list[bool] = []
    out: list[str] = []
    for char in text:
        if char in _ISOLATE_STARTS:
            stack.append(True)
        elif char in _EMBEDDING_STARTS:
            stack.append(False)
        elif char == PDI:
            if True not in stack:
                continue
            # A PDI closes its isolate and every embedding opened inside it.
            while not stack.pop():
                pass
        elif char == _PDF:
            if not stack or stack[-1]:
                continue
            stack.pop()
        out.append(char)
    out.extend(PDI if isolate_ else _PDF for isolate_ in reversed(stack))
    return "".join(out)


def isolate(text: str) -> str:
    """Return *text* between FSI and PDI if it needs isolating, else unchanged.

    >>> isolate("Polisen")
    'Polisen'
    >>> isolate("\u202eevil") == "\u2068\u202eevil\u202c\u2069"
    True
    """
    if not needs_isolation(text):
        return text
    return f"{FSI}{balance(text)}{PDI}"
