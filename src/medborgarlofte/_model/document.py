"""A follow-up document: a published report on a promise, as a document of its own.

A follow-up report (uppföljningsrapport) often does not restate the promise
it follows up: it names the promise, says what period it covers and lists
what was done. :class:`FollowUpDocument` holds exactly that, without
inventing the promise's activities or a meeting date.
"""

from __future__ import annotations

import datetime as dt

import attrs

from medborgarlofte._model.checks import (
    line,
    lines,
    of,
    optional_date,
    optional_of,
    optional_one_line,
    optional_text,
    tuple_of,
)
from medborgarlofte._model.followup import Assessment, ReasonCode
from medborgarlofte._model.origin import Origin
from medborgarlofte._model.parties import Contact, Party, Place
from medborgarlofte._model.period import OpenPeriod, Period
from medborgarlofte._model.reports import Report

__all__ = ["FollowUpDocument", "PromiseRef"]


@attrs.frozen(kw_only=True)
class PromiseRef:
    """Which promise a follow-up document follows up (hänvisning till löftet).

    Attributes:
        id: The promise's id, as in its own document.
        kommunkoder: The kommuner of the promise, when the source names them.
        period: The promise's period, when the source names it.
        title: The promise's name as the follow-up writes it.
    """

    id: str = attrs.field(validator=line)
    kommunkoder: tuple[str, ...] = attrs.field(default=(), validator=lines)
    period: Period | None = attrs.field(default=None, validator=optional_of(Period))
    title: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class FollowUpDocument:
    """A follow-up of a promise published as a text of its own (uppföljningsrapport).

    Its reports link to the followed-up promise's activities by id
    (``link`` ``activity``), to promised work it does not restate
    (``unrestated``, named by ``work``), or to work never promised
    (``unpromised``). Read beside its promise, the first kind count towards
    progress like the promise's own reports.

    Attributes:
        id: A stable identifier for the follow-up, for example ``"kil-2018-h1"``.
        promise: The promise it follows up.
        title: Its name.
        published_on: When it was published.
        meeting_on: When the follow-up meeting was held, if the text says.
        covers: The span it covers; its end may be unknown.
        forum: Where it was discussed, for example ``"BRÅ"``.
        parties: The organisations that report; reports name them by id.
        places: Places the reports name by id.
        contacts: Who signs or answers for the report.
        reports: What was done.
        assessments: Verdicts per activity of the promise.
        reason: A reason that concerns the whole promise, for example ``"pandemin"``.
        reason_code: That reason as a code.
        summary: What was concluded.
        origin: The text the document was written from (källa).
    """

    id: str = attrs.field(validator=line)
    promise: PromiseRef = attrs.field(validator=of(PromiseRef))
    title: str | None = attrs.field(default=None, validator=optional_one_line)
    published_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    meeting_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    covers: OpenPeriod | None = attrs.field(default=None, validator=optional_of(OpenPeriod))
    forum: str | None = attrs.field(default=None, validator=optional_one_line)
    parties: tuple[Party, ...] = attrs.field(default=(), validator=tuple_of(Party))
    places: tuple[Place, ...] = attrs.field(default=(), validator=tuple_of(Place))
    contacts: tuple[Contact, ...] = attrs.field(default=(), validator=tuple_of(Contact))
    reports: tuple[Report, ...] = attrs.field(default=(), validator=tuple_of(Report))
    assessments: tuple[Assessment, ...] = attrs.field(default=(), validator=tuple_of(Assessment))
    reason: str | None = attrs.field(default=None, validator=optional_text)
    reason_code: ReasonCode | None = attrs.field(default=None, validator=optional_of(ReasonCode))
    summary: str | None = attrs.field(default=None, validator=optional_text)
    origin: Origin | None = attrs.field(default=None, validator=optional_of(Origin))
