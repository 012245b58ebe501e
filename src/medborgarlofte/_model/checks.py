"""Attrs validators shared by the model classes, and the checks of texts and numbers.

Every public model constructor checks each field's type and value with these
validators (#14). A value of the wrong type raises
:class:`~medborgarlofte.exceptions.InvalidTypeError` (a ``TypeError``), a
value of the right type that breaks an invariant raises
:class:`~medborgarlofte.exceptions.InvalidValueError` (a ``ValueError``);
both name the field, what was expected and what was given.

The checks are cheap on purpose (``type(x) is ...``, ``str.isprintable``
before any scan), since loading a national data set builds hundreds of
thousands of objects. :func:`text_fault` and :func:`number_fault` are also
what the reading boundary of the document formats asks
(``medborgarlofte._formats.boundary``), so a document and a constructor
refuse the same values with the same codes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any, Final

from medborgarlofte._core import codes
from medborgarlofte.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

    Validator = Callable[[Any, attrs.Attribute[Any], Any], None]

__all__ = [
    "LARGEST_NUMBER",
    "boolean",
    "date",
    "integer",
    "line",
    "lines",
    "non_empty",
    "non_negative",
    "non_negative_integer",
    "non_negative_number",
    "number",
    "number_fault",
    "of",
    "one_line",
    "one_of",
    "optional_date",
    "optional_integer",
    "optional_line",
    "optional_non_negative_number",
    "optional_number",
    "optional_of",
    "optional_one_line",
    "optional_text",
    "positive",
    "positive_number",
    "show",
    "text",
    "text_fault",
    "tuple_of",
]

LARGEST_NUMBER: Final = 2**53
"""The largest size of a number in a promise: every integer up to it is exact as a float,
so sums, shares and every JSON writer handle it (|n| <= 2**53)."""

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls;
# and the surrogate code points, which no encoding can write alone.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BREAK = re.compile("[\t\n\r]")
# repr() refuses integers of more than 4,300 digits; 14,000 bits are about 4,214.
_LONG_BITS = 14_000
_LOG10_2 = math.log10(2)


def show(value: object) -> str:
    """Return a short, safe picture of *value* for a message.

    An integer too long for ``repr`` (over 4,300 digits) is shown by its
    size, such as ``~10**5000``, and any picture is cut at 60 characters.
    """
    if type(value) is int and abs(value).bit_length() > _LONG_BITS:
        return f"~10**{int(abs(value).bit_length() * _LOG10_2)}"
    text = ascii(value)
    return text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004 - readable


def text_fault(value: str, *, one_line: bool) -> tuple[str, str, str] | None:
    r"""Return the code and the Swedish and English messages of what is wrong with *value*.

    A text may hold no control character other than tab, line feed and
    carriage return, and no lone surrogate; a one-line text (*one_line*)
    holds no tab or line break either. ``None`` when the text is fine.

    >>> text_fault("Trygghetsvandring", one_line=True) is None
    True
    >>> text_fault("två\nrader", one_line=True)[0]
    'line-break'
    """
    if value.isprintable():  # the common case, in C: no control, no surrogate
        return None
    bad = _BAD_CHARACTER.search(value)
    if bad is not None:
        char = f"U+{ord(bad.group()):04X}"
        return (
            codes.INVALID_CHARACTER,
            (
                f"texten har ett otillåtet tecken {char} vid position {bad.start()}; "
                "styrtecken (utom tabb och radbrytning) och ensamma surrogattecken "
                "går inte att skriva"
            ),
            (
                f"the text has a forbidden character {char} at position {bad.start()}; "
                "control characters (other than tab and line break) and lone surrogates cannot "
                "be written"
            ),
        )
    if one_line:
        found = _BREAK.search(value)
        if found is not None:
            char = f"U+{ord(found.group()):04X}"
            return (
                codes.LINE_BREAK,
                (
                    f"texten ska stå på en rad men har {char} (tabb eller radbrytning) "
                    f"vid position {found.start()}"
                ),
                (
                    f"the text is meant as one line but has {char} (a tab or line break) "
                    f"at position {found.start()}"
                ),
            )
    return None


def number_fault(value: float) -> tuple[str, str, str] | None:
    """Return the code and messages of what is wrong with the number *value*, or ``None``.

    A number must be finite and at most :data:`LARGEST_NUMBER` in size.

    >>> number_fault(2**53) is None
    True
    >>> number_fault(1.7e308)[0]
    'number-out-of-range'
    """
    if -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
        return None
    if type(value) is float and not math.isfinite(value):
        return (
            codes.NON_FINITE_NUMBER,
            f"talet måste vara ändligt, inte {value}",
            f"the number must be finite, not {value}",
        )
    shown = show(value)
    return (
        codes.NUMBER_OUT_OF_RANGE,
        f"talet {shown} är för stort; högst 2**53 ({LARGEST_NUMBER}) till beloppet",
        f"the number {shown} is too large; at most 2**53 ({LARGEST_NUMBER}) in size",
    )


def _type_error(
    attribute: attrs.Attribute[Any], expected_sv: str, expected_en: str, value: object
) -> InvalidTypeError:
    got = type(value).__name__
    shown = show(value)
    return InvalidTypeError(
        code=codes.WRONG_TYPE,
        field=attribute.name,
        message_sv=f"fel typ: väntade {expected_sv}, fick {got} ({shown})",
        message_en=f"wrong type: expected {expected_en}, got {got} ({shown})",
    )


def _fault(attribute: attrs.Attribute[Any], fault: tuple[str, str, str]) -> InvalidValueError:
    code, message_sv, message_en = fault
    return InvalidValueError(
        code=code, field=attribute.name, message_sv=message_sv, message_en=message_en
    )


# --- texts --------------------------------------------------------------------------


def non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Refuse a text that is empty or only whitespace."""
    if not value.strip():
        raise InvalidValueError(
            code=codes.EMPTY_TEXT,
            field=attribute.name,
            message_sv="får inte vara tom",
            message_en="must not be empty",
        )


def line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a non-empty text on one line (an id, a title, a name)."""
    if type(value) is not str:
        raise _type_error(attribute, "en text", "a text", value)
    if not value.isprintable() or not value.strip():
        if not value.strip():
            raise InvalidValueError(
                code=codes.EMPTY_TEXT,
                field=attribute.name,
                message_sv="får inte vara tom",
                message_en="must not be empty",
            )
        fault = text_fault(value, one_line=True)
        if fault is not None:
            raise _fault(attribute, fault)


def optional_line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or a non-empty text on one line."""
    if value is not None:
        line(_instance, attribute, value)


def one_line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a text on one line, which may be empty (a unit, a code)."""
    if type(value) is not str:
        raise _type_error(attribute, "en text", "a text", value)
    if not value.isprintable():
        fault = text_fault(value, one_line=True)
        if fault is not None:
            raise _fault(attribute, fault)


def optional_one_line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or a text on one line, which may be empty."""
    if value is None:
        return
    if type(value) is not str:
        raise _type_error(attribute, "en text eller inget värde", "a text or nothing", value)
    if not value.isprintable():
        fault = text_fault(value, one_line=True)
        if fault is not None:
            raise _fault(attribute, fault)


def text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a non-empty text free of control characters (lines allowed)."""
    if type(value) is not str:
        raise _type_error(attribute, "en text", "a text", value)
    if not value.strip():
        non_empty(_instance, attribute, value)
    if not value.isprintable():
        fault = text_fault(value, one_line=False)
        if fault is not None:
            raise _fault(attribute, fault)


def optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or a text free of control characters and lone surrogates."""
    if value is None:
        return
    if type(value) is not str:
        raise _type_error(attribute, "en text eller inget värde", "a text or nothing", value)
    if not value.isprintable():
        fault = text_fault(value, one_line=False)
        if fault is not None:
            raise _fault(attribute, fault)


def lines(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a tuple of non-empty one-line texts (ids, names)."""
    if type(value) is not tuple:
        raise _type_error(attribute, "en tupel av texter", "a tuple of texts", value)
    for item in value:
        if type(item) is not str or not item.isprintable() or not item.strip():
            line(_instance, attribute, item)


# --- numbers --------------------------------------------------------------------------


def _check_number(attribute: attrs.Attribute[Any], value: object) -> None:
    kind = type(value)
    if kind is not int and kind is not float:
        raise _type_error(attribute, "ett tal", "a number", value)
    if not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:  # type: ignore[operator]
        raise _fault(attribute, number_fault(value) or ("", "", ""))  # type: ignore[arg-type]


def number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but an int or a finite float of at most 2**53 in size (not a bool)."""
    _check_number(attribute, value)


def optional_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or a number as :func:`number` takes it."""
    if value is not None:
        _check_number(attribute, value)


def positive(_instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Refuse a number that is zero or negative."""
    if not value > 0:
        raise InvalidValueError(
            code=codes.NOT_POSITIVE,
            field=attribute.name,
            message_sv=f"måste vara större än noll, inte {value}",
            message_en=f"must be greater than zero, not {value}",
        )


def non_negative(_instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Refuse a number below zero."""
    if not value >= 0:
        raise InvalidValueError(
            code=codes.NEGATIVE,
            field=attribute.name,
            message_sv=f"får inte vara negativ, inte {value}",
            message_en=f"must not be negative, not {value}",
        )


def positive_number(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Refuse anything but a number (see :func:`number`) greater than zero."""
    _check_number(attribute, value)
    positive(instance, attribute, value)


def non_negative_number(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Refuse anything but a number (see :func:`number`) of zero or more."""
    _check_number(attribute, value)
    non_negative(instance, attribute, value)


def optional_non_negative_number(
    instance: object, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    """Refuse anything but ``None`` or a number (see :func:`number`) of zero or more."""
    if value is not None:
        _check_number(attribute, value)
        non_negative(instance, attribute, value)


def _check_integer(attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise _type_error(attribute, "ett heltal", "an integer", value)
    if not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
        raise _fault(attribute, number_fault(value) or ("", "", ""))


def integer(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but an int of at most 2**53 in size (not a bool)."""
    _check_integer(attribute, value)


def optional_integer(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or an int as :func:`integer` takes it."""
    if value is not None:
        _check_integer(attribute, value)


def non_negative_integer(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Refuse anything but an int (see :func:`integer`) of zero or more."""
    _check_integer(attribute, value)
    non_negative(instance, attribute, value)


def boolean(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``True`` or ``False``."""
    if type(value) is not bool:
        raise _type_error(attribute, "true eller false", "true or false", value)


# --- dates and objects ----------------------------------------------------------------


def date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a :class:`datetime.date` (a datetime is not a date here)."""
    if type(value) is not dt.date:
        raise _type_error(attribute, "ett datum (datetime.date)", "a date (datetime.date)", value)


def optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``None`` or a :class:`datetime.date`."""
    if value is not None and type(value) is not dt.date:
        raise _type_error(
            attribute,
            "ett datum (datetime.date) eller inget värde",
            "a date (datetime.date) or nothing",
            value,
        )


def of(cls: type[Any]) -> Validator:
    """Return a validator that refuses anything but an instance of exactly *cls*."""
    name = cls.__name__

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            raise _type_error(attribute, name, name, value)

    check.__doc__ = f"Refuse anything but a {name}."
    return check


def optional_of(cls: type[Any]) -> Validator:
    """Return a validator that refuses anything but ``None`` or exactly a *cls*."""
    name = cls.__name__

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not cls:
            raise _type_error(attribute, f"{name} eller inget värde", f"{name} or nothing", value)

    check.__doc__ = f"Refuse anything but None or a {name}."
    return check


def one_of(*classes: type[Any]) -> Validator:
    """Return a validator that refuses anything but an instance of exactly one of *classes*."""
    allowed = frozenset(classes)
    names = ", ".join(c.__name__ for c in classes)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) not in allowed:
            raise _type_error(attribute, f"en av {names}", f"one of {names}", value)

    check.__doc__ = f"Refuse anything but one of {names}."
    return check


def tuple_of(cls: type[Any]) -> Validator:
    """Return a validator that refuses anything but a tuple of instances of exactly *cls*."""
    name = cls.__name__

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise _type_error(attribute, f"en tupel av {name}", f"a tuple of {name}", value)
        for index, item in enumerate(value):
            if type(item) is not cls:
                got = type(item).__name__
                raise InvalidTypeError(
                    code=codes.WRONG_TYPE,
                    field=attribute.name,
                    message_sv=f"fel typ på plats {index}: väntade {name}, fick {got}",
                    message_en=f"wrong type at index {index}: expected {name}, got {got}",
                )

    check.__doc__ = f"Refuse anything but a tuple of {name}."
    return check
