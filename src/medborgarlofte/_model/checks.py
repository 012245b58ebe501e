"""Attrs validators shared by the model classes; each raises InvalidValueError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medborgarlofte._core import codes
from medborgarlofte.exceptions import InvalidValueError

if TYPE_CHECKING:
    import attrs


def non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Refuse a text that is empty or only whitespace."""
    if not value.strip():
        raise InvalidValueError(
            code=codes.EMPTY_TEXT,
            field=attribute.name,
            message_sv="får inte vara tom",
            message_en="must not be empty",
        )


def optional_non_empty(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    """Refuse an optional text that is given but empty."""
    if value is not None:
        non_empty(instance, attribute, value)


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


def optional_non_negative(
    instance: object, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    """Refuse an optional number that is given and below zero."""
    if value is not None:
        non_negative(instance, attribute, value)
