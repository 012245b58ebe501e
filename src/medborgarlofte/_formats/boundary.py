"""The reading boundary: every leaf value from a document or a CSV cell, checked where it enters.

A JSON, TOML or YAML parser, or a CSV cell, hands over texts, integers,
decimal numbers and dates. Each is checked here for type, range and form,
with the same codes the model's constructors use (``_model/checks.py``), so a
value is refused the same way whether it comes from a file or from code:

* a text holds no control character other than tab and line break, and no
  lone surrogate (``invalid-character``); whether it may hold a line break
  at all is the field's business, checked by its constructor (``line-break``);
* an integer or a decimal number is at most 2**53 in size
  (``number-out-of-range``), and a decimal number is finite
  (``non-finite-number``). An integer written in hex, octal or binary
  (TOML ``0x10``, YAML ``0o20``) is the same integer as ``16`` and is
  checked the same way;
* an integer of more than 4,300 digits, which Python's parsers refuse with a
  bare ``ValueError``, becomes a ``number-out-of-range`` problem with the
  line and column where the parser gives them (:func:`too_long_integer`).

Dates are checked for form by the converter, and for the years the library
can compute with by :mod:`medborgarlofte._rules.limits` at validation, which
every load runs.
"""

from __future__ import annotations

import re
from typing import Final

from medborgarlofte._core import codes
from medborgarlofte._formats.errors import DocumentValueError, wrong_type
from medborgarlofte._model.checks import LARGEST_NUMBER, number_fault, text_fault

__all__ = [
    "LONGEST_INTEGER_TEXT",
    "check_float",
    "check_int",
    "check_number",
    "check_text",
    "integer_from_text",
    "too_long_integer",
]

LONGEST_INTEGER_TEXT: Final = 16
"""The most digits an integer written in a CSV cell may have: 2**53 has 16."""

_LONG_DIGITS = re.compile(r"[0-9_]{4300,}")


def _fault(fault: tuple[str, str, str]) -> DocumentValueError:
    code, message_sv, message_en = fault
    return DocumentValueError(code=code, message_sv=message_sv, message_en=message_en)


def check_text(value: object) -> str:
    """Return *value* if it is a text free of control characters and lone surrogates.

    Raises:
        DocumentValueError: ``wrong-type`` for anything but a text;
            ``invalid-character`` for a control character other than tab and
            line break, or a lone surrogate.
    """
    if type(value) is not str:
        raise wrong_type(value, "en text", "a text")
    if not value.isprintable():
        fault = text_fault(value, one_line=False)
        if fault is not None:
            raise _fault(fault)
    return value


def check_int(value: object) -> int:
    """Return *value* if it is an integer (not a boolean) of at most 2**53 in size.

    Raises:
        DocumentValueError: ``wrong-type`` or ``number-out-of-range``.
    """
    if type(value) is not int:
        raise wrong_type(value, "ett heltal", "an integer")
    if not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
        raise _fault(number_fault(value) or (codes.NUMBER_OUT_OF_RANGE, "", ""))
    return value


def check_number(value: object) -> int | float:
    """Return *value* if it is an int or a finite float of at most 2**53 in size.

    An int stays an int and a float a float.

    Raises:
        DocumentValueError: ``wrong-type``, ``non-finite-number`` or
            ``number-out-of-range``.
    """
    kind = type(value)
    if kind is not int and kind is not float:
        raise wrong_type(value, "ett tal", "a number")
    if not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:  # type: ignore[operator]
        raise _fault(number_fault(value) or (codes.NUMBER_OUT_OF_RANGE, "", ""))  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def check_float(value: object) -> float:
    """Return *value* as a float: a finite float, or an int, of at most 2**53 in size.

    Raises:
        DocumentValueError: ``wrong-type``, ``non-finite-number`` or
            ``number-out-of-range``.
    """
    return float(check_number(value))


def integer_from_text(text: str) -> int:
    """Return the integer written in *text* (digits, an optional sign), checked for size.

    Used for CSV cells, so a cell of thousands of digits is refused before
    Python is asked to read it.

    Raises:
        DocumentValueError: ``number-out-of-range`` for more than
            :data:`LONGEST_INTEGER_TEXT` digits or a value beyond 2**53.
    """
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > LONGEST_INTEGER_TEXT:
        raise DocumentValueError(
            code=codes.NUMBER_OUT_OF_RANGE,
            message_sv=f"talet har {len(digits)} siffror; högst 2**53 ({LARGEST_NUMBER})",
            message_en=f"the number has {len(digits)} digits; at most 2**53 ({LARGEST_NUMBER})",
        )
    return check_int(int(text))


def too_long_integer(text: str) -> tuple[int | None, int | None, str, str]:
    """Return where and what for an integer too long for Python's parsers to read.

    Python refuses to read an integer of more than 4,300 digits, with a bare
    ``ValueError``; the parsers of JSON, TOML and YAML pass it on. This
    finds the first such run of digits in *text*.

    Returns:
        The line and column of the run (``None`` when none is found), and the
        Swedish and English messages.
    """
    found = _LONG_DIGITS.search(text)
    line = column = None
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    size = f"{len(found.group())}" if found is not None else "over 4300"
    size_sv = f"{len(found.group())}" if found is not None else "över 4300"
    return (
        line,
        column,
        f"ett heltal med {size_sv} siffror är för stort; högst 2**53 ({LARGEST_NUMBER})",
        f"an integer of {size} digits is too large; at most 2**53 ({LARGEST_NUMBER})",
    )
