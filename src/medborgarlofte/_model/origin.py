"""Where a document comes from: its source metadata and inferred dates (källa, ursprung)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from medborgarlofte._model.checks import (
    boolean,
    line,
    of,
    optional_date,
    optional_line,
    optional_one_line,
    optional_text,
    tuple_of,
)

__all__ = ["Inference", "Origin", "OriginKind"]


class OriginKind(enum.Enum):
    """What kind of text a document was written from (typ av källa)."""

    PROMISE = "promise"
    """Medborgarlöftet självt: the promise as published."""
    PRESS_RELEASE = "press_release"
    """Pressmeddelande, for example about a signing."""
    FOLLOW_UP_REPORT = "follow_up_report"
    """Uppföljningsrapport: a report of what was done."""
    DECISION = "decision"
    """Beslut or protokoll, for example of the kommunstyrelse."""
    OTHER = "other"
    """Any other text."""


@attrs.frozen(kw_only=True)
class Inference:
    """A date in the document that the source does not state in full (antagen uppgift).

    "Den 12 december" in a text about a promise for 2023–2024 gives the
    signing date 2022-12-12 with its year inferred:
    ``Inference(path="$.signed_on", reason="året taget från perioden")``.

    Attributes:
        path: The JSON path of the date in the document, for example
            ``"$.signatories[0].signed_on"`` or ``"$.period.start"``.
        reason: How it was inferred, in words.
    """

    path: str = attrs.field(validator=line)
    reason: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class Origin:
    """The source metadata of a document: what text it was written from (källa).

    Attributes:
        kind: What kind of text it is.
        url: Where the text is published.
        title: The text's title.
        publisher: Who published it, for example ``"Polisen"`` or a kommun.
        published_on: When it was published.
        retrieved_on: When it was read.
        truncated: Whether the copy read was cut short.
        activities_examples_only: Whether the text gives its activities only
            as examples ("bland annat"), so the list is not complete.
        inferred: Dates in the document that the text does not state in full.
        note: Anything else worth knowing about the source.
    """

    kind: OriginKind = attrs.field(validator=of(OriginKind))
    url: str | None = attrs.field(default=None, validator=optional_line)
    title: str | None = attrs.field(default=None, validator=optional_one_line)
    publisher: str | None = attrs.field(default=None, validator=optional_one_line)
    published_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    retrieved_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    truncated: bool = attrs.field(default=False, validator=boolean)
    activities_examples_only: bool = attrs.field(default=False, validator=boolean)
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=tuple_of(Inference))
    note: str | None = attrs.field(default=None, validator=optional_text)
