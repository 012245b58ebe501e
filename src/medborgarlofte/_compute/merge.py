"""A follow-up document read beside its promise (uppföljningsdokument med sitt löfte).

A follow-up report often does not restate the promise it follows up: it is a
:class:`~medborgarlofte.FollowUpDocument` of its own. To compute progress, a
follow-up calendar or a report with what it says, :func:`with_follow_up`
returns the promise with the document's reports and assessments added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from medborgarlofte._model.followup import FollowUp
from medborgarlofte._model.period import Period
from medborgarlofte._model.reports import ReportLink
from medborgarlofte.exceptions import PromiseMismatchError

if TYPE_CHECKING:
    import datetime as dt

    from medborgarlofte._model.document import FollowUpDocument
    from medborgarlofte._model.promise import Promise
    from medborgarlofte._model.reports import Report

__all__ = ["follow_up_alone", "with_follow_up"]


def _covered(document: FollowUpDocument) -> Period | None:
    """Return the span the document's undated reports are about, if it can be told."""
    covers = document.covers
    if covers is None:
        return None
    end = covers.end or document.meeting_on or document.published_on
    if end is None or end < covers.start:
        return None
    return Period(start=covers.start, end=end)


def _dated(report: Report, span: Period | None) -> Report:
    """Return *report* with the document's span as its own, when it has neither date nor span."""
    if span is None or report.date is not None or report.period is not None:
        return report
    return attrs.evolve(report, period=span)


def _held_on(document: FollowUpDocument) -> dt.date | None:
    """Return the day the document's assessments are known from: its meeting, else publication."""
    return document.meeting_on or document.published_on


def with_follow_up(promise: Promise, document: FollowUpDocument) -> Promise:
    """Return *promise* with what the follow-up document *document* says added to it.

    The promise is not changed; a copy is returned, with:

    - the document's reports after the promise's own. Those linked to an
      activity of the promise (``link`` ``activity``) count towards progress
      like its own reports; the others (promised work the document does not
      restate, work never promised) count for nothing and are kept for the
      report to show. A report with neither a date nor a span is taken to be
      about the span the document covers (:attr:`FollowUpDocument.covers`),
      ending on the meeting or publication day when the document gives no
      end; without that, it is left as written.
    - the document's assessments as one held follow-up
      (:class:`~medborgarlofte.FollowUp`, with the document's id, span, forum
      and summary), held on the document's meeting day, or else on the day it
      was published. A document with neither date adds no assessments: they
      cannot be placed in time.
    - the document's parties and places whose ids the promise does not
      have, so that the reports' references resolve.

    Apply it once per document; applying the same document twice adds its
    reports twice.

    >>> import datetime as dt
    >>> from medborgarlofte import (Activity, FollowUpDocument, Period, PeriodQuota,
    ...     Promise, PromiseRef, Report, progress)
    >>> promise = Promise(id="p", title="P", period=Period.year(2024), activities=(
    ...     Activity(id="a", title="Trafikkontroller",
    ...              target=PeriodQuota(amount=4, unit="kontroller")),))
    >>> t1 = FollowUpDocument(id="t1", promise=PromiseRef(id="p"), reports=(
    ...     Report(activity="a", date=dt.date(2024, 3, 1), amount=2),))
    >>> progress(with_follow_up(promise, t1), as_of=dt.date(2024, 6, 30)).activity("a").done
    2

    Args:
        promise: The promise (medborgarlöfte).
        document: A follow-up document (uppföljningsdokument) of *promise*.

    Returns:
        The promise with the document's reports, assessments, parties and places.

    Raises:
        PromiseMismatchError: If *document* follows up another promise than
            *promise* (its ``promise.id`` differs from the promise's id).
    """
    if document.promise.id != promise.id:
        raise PromiseMismatchError(
            promise=promise.id, followed_up=document.promise.id, document=document.id
        )
    span = _covered(document)
    reports = tuple(_dated(report, span) for report in document.reports)
    follow_ups = promise.follow_ups
    held_on = _held_on(document)
    if document.assessments and held_on is not None:
        follow_up = FollowUp(
            id=document.id,
            held_on=held_on,
            covers=span,
            forum=document.forum,
            summary=document.summary,
            assessments=document.assessments,
        )
        follow_ups = (*follow_ups, follow_up)
    party_ids = {party.id for party in promise.parties}
    place_ids = {place.id for place in promise.places}
    return attrs.evolve(
        promise,
        parties=(*promise.parties, *(p for p in document.parties if p.id not in party_ids)),
        places=(*promise.places, *(p for p in document.places if p.id not in place_ids)),
        reports=(*promise.reports, *reports),
        follow_ups=follow_ups,
    )


def follow_up_alone(document: FollowUpDocument) -> Promise:
    """Return a stand-in promise that holds only what the follow-up document says.

    For showing a follow-up document without its promise (uppföljning utan
    löfte): the stand-in has the promise's id, its title (or the document's,
    or the id), the period the reference gives (or the closed span the
    document covers), and no activities; :func:`with_follow_up` then adds the
    document's parties, places, reports and assessments. A report linked to
    an activity of the absent promise becomes, in the stand-in, promised work
    that is not restated (``link`` ``unrestated``), its ``work`` the
    activity's id unless it names its work itself: the stand-in has no such
    activity. Nothing counts towards progress, since no activity is known;
    the reports and assessments are all there to be shown.

    Args:
        document: The follow-up document.

    Returns:
        The stand-in promise.

    The function raises nothing of its own.
    """
    from medborgarlofte._model.promise import Promise  # noqa: PLC0415 - a runtime name here

    reference = document.promise
    covers = document.covers.closed() if document.covers is not None else None
    stand_in = Promise(
        id=reference.id,
        title=reference.title or document.title or reference.id,
        period=reference.period or covers,
    )
    reports = tuple(
        attrs.evolve(
            report, activity=None, link=ReportLink.UNRESTATED, work=report.work or report.activity
        )
        if report.activity is not None
        else report
        for report in document.reports
    )
    return with_follow_up(stand_in, attrs.evolve(document, reports=reports))
