"""Export follow-up occasions and scheduled activities as iCalendar (kalenderexport).

Needs the ``ical`` extra (the :mod:`icalendar` package). Every entry is an
all-day entry with a stable UID, built from the promise id, the rule or
activity id and the interval, so importing a newer export into a calendar
updates the entries instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from medborgarlofte._compute.followup import (
    FollowUpOccasion,
    OccasionState,
    activity_dates,
    follow_up_coverage,
)
from medborgarlofte._core import texts
from medborgarlofte._core.problems import Language  # noqa: TC001 - autodoc resolves annotations
from medborgarlofte._model.promise import Activity, Promise  # noqa: TC001 - for autodoc, as above
from medborgarlofte._model.recurrence import Recurrence, _strip_prefix
from medborgarlofte._model.targets import Schedule
from medborgarlofte.exceptions import MissingExtraError

__all__ = ["activity_uid", "occasion_uid", "to_icalendar"]

PRODID = "-//medborgarlofte//medborgarlofte//SV"
"""The PRODID of every exported calendar."""

_UID_DOMAIN = "medborgarlofte"


def occasion_uid(promise: Promise, occasion: FollowUpOccasion) -> str:
    """Return the stable UID of a follow-up occasion's calendar entry.

    Made of the promise id, the rule id and :attr:`FollowUpOccasion.key`, so
    it survives a re-export, and an extension of the period.

    >>> from medborgarlofte import Cadence, FollowUpRule, Period, Promise, expand_follow_up_rule
    >>> p = Promise(id="hofors-2023-2024", title="Hofors")
    >>> o = expand_follow_up_rule(FollowUpRule(id="bra", cadence=Cadence.TERTIAL),
    ...                           Period.year(2023))[0]
    >>> occasion_uid(p, o)
    'hofors-2023-2024.follow-up.bra.tertial-2023-01-01@medborgarlofte'
    """
    return f"{promise.id}.follow-up.{occasion.rule}.{occasion.key}@{_UID_DOMAIN}"


def activity_uid(promise: Promise, activity: Activity) -> str:
    """Return the stable UID of a scheduled activity's recurring calendar entry.

    >>> from medborgarlofte import Activity, Ongoing, Promise
    >>> activity_uid(Promise(id="p", title="P"), Activity(id="a1", title="A", target=Ongoing()))
    'p.activity.a1@medborgarlofte'
    """
    return f"{promise.id}.activity.{activity.id}@{_UID_DOMAIN}"


def _party_name(promise: Promise, party_id: str) -> str:
    try:
        return promise.party(party_id).name
    except KeyError:
        return party_id


def _import_icalendar() -> Any:  # noqa: ANN401 - the optional module, typed loosely on purpose
    try:
        import icalendar  # noqa: PLC0415 - an optional extra, imported when asked for
    except ImportError:
        raise MissingExtraError(extra="ical", purpose="iCalendar export") from None
    return icalendar


# Code points a TEXT value may not carry (RFC 5545 section 3.3.11 allows no
# control character but HTAB; line breaks are escaped, so they may come in),
# and lone surrogates, which no UTF-8 file can hold. Each becomes U+FFFD.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# RFC 5545 section 3.3.11: backslash, semicolon and comma are escaped with a
# backslash, and a line break (CRLF, LF, or a bare CR) is written as \n.
_TEXT_ESCAPES = re.compile(r"\r\n|[\\;,\r\n]")
_ESCAPED = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\r\n": "\\n", "\r": "\\n", "\n": "\\n"}


def _escape_text(text: str) -> str:
    r"""Return *text* as an RFC 5545 TEXT value: escaped, without control characters.

    >>> print(_escape_text("Trygghet; trafik, narkotika\r\nC:\\Nisse\rslut"))
    Trygghet\; trafik\, narkotika\nC:\\Nisse\nslut
    >>> _escape_text("bell\x07") == "bell\ufffd"
    True
    """
    clean = _NOT_TEXT.sub("\ufffd", text)
    return _TEXT_ESCAPES.sub(lambda match: _ESCAPED[match.group()], clean)


@functools.cache
def _text_type(ical: Any) -> type:  # noqa: ANN401 - the icalendar module
    """Return a TEXT property type that escapes every value as RFC 5545 says.

    icalendar's own ``vText`` turns a written backslash followed by ``N``
    into a line break, losing the backslash, and the properties it does not
    know as TEXT (``NAME``, ``X-WR-CALNAME``) are not escaped at all: a line
    break there breaks the export and a bare CR reaches the file raw.
    """

    class _Text(ical.vText):  # type: ignore[misc]
        """A TEXT value written through :func:`_escape_text`."""

        def to_ical(self) -> bytes:
            return _escape_text(str(self)).encode("utf-8")

    return _Text


def _text(ical: Any, value: str) -> Any:  # noqa: ANN401 - the icalendar module and value
    """Return *value* as a TEXT property value that is escaped when written."""
    return _text_type(ical)(value)


def _rebased_rule(rule: str, last: dt.date) -> str:
    """Return *rule* without COUNT or UNTIL, bounded by ``UNTIL=last`` instead."""
    parts = [
        part
        for part in _strip_prefix(rule).split(";")
        if part and part.split("=", 1)[0].strip().upper() not in {"COUNT", "UNTIL"}
    ]
    # Not strftime's %Y, which writes year 999 as "999" on some platforms:
    # RFC 5545 dates always have four digits of year.
    return ";".join([*parts, f"UNTIL={last.year:04d}{last.month:02d}{last.day:02d}"])


def _occasion_component(
    ical: Any,  # noqa: ANN401 - the icalendar module
    promise: Promise,
    occasion: FollowUpOccasion,
    *,
    lang: Language,
    todo: bool,
    held: bool,
    stamp: dt.datetime,
) -> Any:  # noqa: ANN401 - an icalendar component
    w = texts.ICAL["sv" if lang == "sv" else "en"]
    forum = f" – {occasion.forum}" if occasion.forum else ""
    covers = texts.days(occasion.covers.start, occasion.covers.end, lang)
    lines = [f"{w['promise']}: {promise.title}", f"{w['covers']}: {covers}"]
    due = f"{w['due']}: {texts.day(occasion.due, lang)}"
    if occasion.moved_from is not None:
        due += f" ({w['moved']} {texts.day(occasion.moved_from, lang)})"
    lines.append(due)
    if occasion.responsible is not None:
        lines.append(f"{w['responsible']}: {_party_name(promise, occasion.responsible)}")
    rule = next(r for r in promise.follow_up_rules if r.id == occasion.rule)
    if rule.published:
        lines.append(f"{w['published']}: {', '.join(rule.published)}")
    lines.append(f"{w['rule']}: {occasion.rule} ({occasion.cadence.label(lang)})")

    component = ical.Todo() if todo else ical.Event()
    component.add("uid", _text(ical, occasion_uid(promise, occasion)))
    component.add("dtstamp", stamp)
    component.add("summary", _text(ical, f"{w['follow_up']} {occasion.label(lang)}{forum}"))
    component.add("description", _text(ical, "\n".join(lines)))
    if occasion.forum:
        component.add("location", _text(ical, occasion.forum))
    if todo:
        component.add("due", occasion.due)
        component.add("status", "COMPLETED" if held else "NEEDS-ACTION")
    else:
        component.add("dtstart", occasion.due)
        component.add("dtend", occasion.due + dt.timedelta(days=1))
        component.add("transp", "TRANSPARENT")
    return component


def _activity_component(
    ical: Any,  # noqa: ANN401 - the icalendar module
    promise: Promise,
    activity: Activity,
    dates: tuple[dt.date, ...],
    *,
    lang: Language,
    stamp: dt.datetime,
) -> Any:  # noqa: ANN401 - an icalendar component
    assert isinstance(activity.target, Schedule)  # noqa: S101 - only schedules have dates
    w = texts.ICAL["sv" if lang == "sv" else "en"]
    first, last = dates[0], dates[-1]
    rule = _rebased_rule(activity.target.recurrence.rule, last)
    # Re-expand the rule as written to the file; add or remove any date on which
    # it would differ from the library's own dates, so the two always agree.
    written = set(Recurrence(rule=rule).dates(start=first, end=last, dtstart=first)) | {first}
    wanted = set(dates)
    lines = [f"{w['promise']}: {promise.title}"]
    if activity.target.wording:
        lines.append(f"{w['wording']}: {activity.target.wording}")
    if activity.responsible:
        names = ", ".join(_party_name(promise, p) for p in activity.responsible)
        lines.append(f"{w['responsible']}: {names}")

    event = ical.Event()
    event.add("uid", _text(ical, activity_uid(promise, activity)))
    event.add("dtstamp", stamp)
    event.add("summary", _text(ical, activity.title))
    event.add("description", _text(ical, "\n".join(lines)))
    event.add("dtstart", first)
    event.add("rrule", ical.vRecur.from_ical(rule))
    if extra := sorted(written - wanted):
        event.add("exdate", extra)
    if missing := sorted(wanted - written):
        event.add("rdate", missing)
    event.add("transp", "TRANSPARENT")
    return event


def to_icalendar(
    promise: Promise,
    *,
    as_of: dt.date,
    lang: Language = "sv",
    todos: bool = False,
    working_days: bool = False,
    follow_ups: bool = True,
    activities: bool = True,
) -> bytes:
    """Export a promise's follow-up calendar and scheduled activities as iCalendar.

    Each follow-up occasion becomes an all-day event on its due date (or,
    with *todos*, a to-do due that day, marked completed once a recorded
    follow-up holds it at *as_of*). Each activity with a schedule target
    becomes one recurring all-day event carrying its RRULE, starting on its
    first date inside the promise period and bounded by an UNTIL on its last.
    Summaries and descriptions are in Swedish unless *lang* is ``"en"``;
    titles and forums are kept as the promise writes them.

    Args:
        promise: The promise (medborgarlöfte).
        as_of: The day of the export; it is the DTSTAMP of every entry and
            decides which to-dos are completed.
        lang: ``"sv"`` or ``"en"``.
        todos: Write follow-up occasions as VTODO instead of VEVENT.
        working_days: Move due dates on weekends and Swedish holidays to the
            next working day (needs the ``holidays`` extra).
        follow_ups: Include the follow-up occasions.
        activities: Include the scheduled activities.

    Returns:
        The calendar as RFC 5545 bytes (UTF-8, CRLF line ends).

    Raises:
        MissingExtraError: If ``icalendar`` (the ``ical`` extra) is not
            installed, or *working_days* is set and ``holidays`` is not.
    """
    ical = _import_icalendar()
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
    calendar = ical.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", _text(ical, promise.title))
    calendar.add("x-wr-calname", _text(ical, promise.title))
    if follow_ups:
        coverage = follow_up_coverage(promise, as_of=as_of, working_days=working_days)
        for status in coverage.statuses:
            calendar.add_component(
                _occasion_component(
                    ical,
                    promise,
                    status.occasion,
                    lang=lang,
                    todo=todos,
                    held=status.state is OccasionState.HELD,
                    stamp=stamp,
                )
            )
    if activities:
        for activity in promise.activities:
            dates = activity_dates(promise, activity)
            if dates:
                calendar.add_component(
                    _activity_component(ical, promise, activity, dates, lang=lang, stamp=stamp)
                )
    data: bytes = calendar.to_ical()
    return data
