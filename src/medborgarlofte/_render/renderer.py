"""The follow-up report: a promise and where it stands, as HTML or Markdown (uppföljningsrapport).

:func:`render_html` writes one self-contained HTML page (inline CSS and SVG
charts, nothing fetched from the network) that prints on A4;
:func:`render_markdown` writes the same content as Markdown. Both are in
Swedish unless asked for English, and both take an explicit ``as_of``: the
report says where the promise stood at the end of that day.

The report has four parts: the promise (parties, signatories, period and
basis); per focus area, each activity with its target in words, what was
done, its status and the reason; the indicators; and the follow-up calendar
(held, due and overdue occasions).

Templates are rendered by Jinja2 with autoescaping, so text from the promise
is always shown as text; the charts are drawn by matplotlib. Both belong to
the optional extra ``report``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from medborgarlofte._compute.followup import OccasionState, activity_dates, follow_up_coverage
from medborgarlofte._compute.progress import progress
from medborgarlofte._compute.status import Status
from medborgarlofte._compute.tracker import ProgressTracker
from medborgarlofte._core import texts
from medborgarlofte._model.reports import Report, ReportLink
from medborgarlofte._model.targets import (
    IntervalQuota,
    Milestone,
    Ongoing,
    PeriodQuota,
    Schedule,
    SubTarget,
    Target,
)
from medborgarlofte._render import charts as _charts
from medborgarlofte._render.text import balance, isolate, needs_isolation, showable
from medborgarlofte.exceptions import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._compute.followup import FollowUpCoverage
    from medborgarlofte._compute.results import ActivityProgress, PromiseProgress
    from medborgarlofte._compute.status import ProgressRules
    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.period import Period
    from medborgarlofte._model.promise import Activity, FocusArea, Promise

__all__ = ["describe_target", "render_html", "render_markdown"]

_TEXT = texts.REPORT

_TARGET_WORDS = texts.TARGET_WORDS


def _word(table: Mapping[str, Mapping[Language, str]], key: str, lang: Language) -> str:
    """Return the catalogue's word for *key* of *table* (an enum's value) in *lang*."""
    return texts.pick(table[key], lang)


def _day(value: dt.date | None, lang: Language) -> str:
    """Return a date as a person reads it, or nothing (:func:`medborgarlofte._core.texts.day`)."""
    return texts.day(value, lang) if value is not None else ""


def _days(period: Period, lang: Language) -> str:
    """Return a period as a person reads it: "1 januari 2023 – 31 december 2024"."""
    return texts.days(period.start, period.end, lang)


def _number(value: float | None, lang: Language) -> str:
    """Return a figure for people (:func:`medborgarlofte._core.texts.number`).

    >>> _number(12.0, "sv"), _number(5.97, "sv"), _number(5.97, "en"), _number(None, "en")
    ('12', '5,97', '5.97', '–')
    """
    return texts.number(value, lang)


def _percent(value: float | None, lang: Language) -> str:
    """Return a share as a whole percentage: ``"44 %"`` in Swedish, ``"44%"`` in English."""
    return texts.percent(value, lang)


def _sub_target(sub: SubTarget, lang: Language, places: Mapping[str, str]) -> str:
    words = _TARGET_WORDS[lang]
    bound = _word(texts.BOUNDS, sub.bound.value, lang)
    amount = _percent(sub.share, lang) if sub.share is not None else _number(sub.amount, lang)
    text = f"{words['of_which']} {bound}{amount}{texts.NBSP}{isolate(sub.description)}"
    if sub.place is not None:
        text += f" {words['in']} {isolate(places.get(sub.place, sub.place))}"
    return text


def describe_target(
    target: Target,
    *,
    lang: Language = "sv",
    dates: tuple[dt.date, ...] | None = None,
    places: Mapping[str, str] | None = None,
) -> str:
    """Return a target in words, as a report shows it (målet i ord).

    A number and its unit are joined by a no-break space, shown as ``~`` here.

    >>> from medborgarlofte import Bound, Interval, IntervalQuota, PeriodQuota
    >>> def shown(text): return text.replace("\N{NO-BREAK SPACE}", "~")
    >>> shown(describe_target(PeriodQuota(amount=50, unit="trafikkontroller",
    ...                                   bound=Bound.AT_LEAST)))
    'minst 50~trafikkontroller under perioden'
    >>> shown(describe_target(IntervalQuota(amount=2, unit="trygghetsvandringar",
    ...                                     per=Interval.YEAR), lang="en"))
    '2~trygghetsvandringar a year'

    Args:
        target: The target (mål).
        lang: ``"sv"`` or ``"en"``.
        dates: For a schedule, its dates inside the promise period, if known.
        places: Place names by id, so that a sub-target names its place
            ("i Björkdalen") rather than its id; an id not found is shown as is.

    Returns:
        One phrase. Units are kept as the promise writes them; a unit or
        sub-target text with right-to-left letters or bidirectional controls
        stands between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL
        ISOLATE, so it cannot reorder the words around it.
    """
    words = _TARGET_WORDS[lang]
    text: str
    match target:
        case PeriodQuota() | IntervalQuota():
            unit = isolate(texts.unit_for(target.amount, target.unit, forms=target.unit_forms))
            bound = _word(texts.BOUNDS, target.bound.value, lang)
            amount = f"{bound}{_number(target.amount, lang)}{texts.NBSP}{unit}"
            when = (
                words["period"]
                if isinstance(target, PeriodQuota)
                else _word(texts.PER_INTERVAL, target.per.value, lang)
            )
            parts = [f"{amount} {when}"]
            parts += [_sub_target(sub, lang, places or {}) for sub in target.sub_targets]
            text = ", ".join(parts)
        case Schedule():
            found = dates or ()
            listed = ": " + ", ".join(_day(d, lang) for d in found) if 0 < len(found) <= 6 else ""  # noqa: PLR2004
            # The plural the document states, else the unit as it writes it.
            forms = target.unit_forms
            unit = forms[1] if forms is not None else target.unit or words["dates_unit"]
            text = words["dates"].format(unit=isolate(unit), count=len(found), listed=listed)
            if dates is None:
                text = f"{isolate(unit)}: {target.recurrence.rule}"
        case Milestone():
            text = words["due"].format(date=_day(target.due, lang)) if target.due else words["once"]
        case Ongoing():
            text = words["ongoing"]
    return text


def _import_jinja() -> Any:  # noqa: ANN401 - the optional module, typed loosely on purpose
    try:
        import jinja2  # noqa: PLC0415 - optional dependency, imported on use
    except ImportError as error:
        raise MissingExtraError(extra="report", purpose="The follow-up report") from error
    return jinja2


def _finalize_html(value: object) -> object:
    """Make every value a template prints safe to show; markup stays markup.

    Control characters become U+FFFD (:func:`~medborgarlofte._render.text.showable`),
    and a text with right-to-left letters or bidirectional controls is put in
    a ``<bdi>`` element (with its controls paired), so it cannot reorder what
    stands around it. Everything else is escaped by Jinja2's autoescaping.
    """
    if not isinstance(value, str):
        return value
    markup = _markup_type()
    if isinstance(value, markup):
        cleaned = showable(value)
        return value if cleaned == value else markup(cleaned)
    cleaned = showable(value)
    if needs_isolation(cleaned):
        return markup("<bdi>{}</bdi>").format(balance(cleaned))
    return cleaned


def _plain_html(value: object) -> Any:  # noqa: ANN401 - a markupsafe.Markup
    """Escape *value* for an element that holds only text (``<title>``): no ``<bdi>``.

    Bidirectional text is isolated by FSI and PDI characters there instead.
    """
    from markupsafe import escape  # noqa: PLC0415 - comes with Jinja2

    return escape(isolate(showable(str(value))))


def _css_string(value: object) -> Any:  # noqa: ANN401 - a markupsafe.Markup
    r"""Return *value* as the inside of a CSS string, all but letters, digits and spaces escaped.

    For the running header of the printed page, which CSS writes from a
    ``<style>`` element where HTML escapes are not read: no quote, backslash,
    ``<`` or line break of the document can end the string or the element.

    >>> str(_css_string('a"</style>'))
    'a\\22 \\3C \\2F style\\3E '
    """
    text = isolate(showable(str(value)))
    out = "".join(
        c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):X} " for c in text
    )
    return _markup_type()(out)


@functools.cache
def _markup_type() -> type[str]:
    from markupsafe import Markup  # noqa: PLC0415 - comes with Jinja2

    return Markup


# Every ASCII punctuation character Markdown or HTML could read as syntax
# (CommonMark lets any ASCII punctuation be backslash-escaped); "$" is math
# on GitHub.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# What starts a block at the beginning of a line: a heading (#), a list item
# (- + and 1. 1)), a thematic break or setext underline (--- ===), a quote (>).
_MD_LEADING_MARK = re.compile(r"^[#+=-]")
_MD_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
# Line breaks, tabs and form feeds, with the white space around them: one
# space, so a value never breaks a table row or starts a code block.
_MD_BREAKS = re.compile(r"[ \t\f\r\n]*[\t\f\r\n][ \t\f\r\n]*")


class _Markdown(str):
    """Text that is already Markdown and must not be escaped again."""

    __slots__ = ()


def _md_escape(value: object) -> str:
    r"""Return *value* as Markdown text that shows every character as itself.

    Every ASCII punctuation character Markdown or HTML could read as syntax is
    backslash-escaped (CommonMark allows that for any ASCII punctuation), as
    is a first character that would start a block (``#``, ``-``, ``+``,
    ``=``, ``1.``, ``1)``); line breaks and tabs become spaces so a value
    never breaks a table row, and white space at either end is dropped so it
    never starts a code block. Control characters become U+FFFD, and a text
    with right-to-left letters or bidirectional controls is isolated between
    FSI and PDI (:func:`~medborgarlofte._render.text.isolate`).

    >>> print(_md_escape('<b>"x"</b> | *a*'))
    \<b\>"x"\</b\> \| \*a\*
    >>> print(_md_escape("1. maj"))
    1\. maj
    >>> print(_md_escape("2023-01-01 - klart"))
    2023-01-01 - klart
    >>> print(_md_escape("---"), _md_escape("  === "), _md_escape("10) x"))
    \--- \=== 10\) x
    """
    if value is None:
        return ""
    if isinstance(value, _Markdown):
        return value
    text = _MD_BREAKS.sub(" ", showable(str(value))).strip(" ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LEADING_NUMBER.sub(r"\1\\\2", _MD_LEADING_MARK.sub(r"\\\g<0>", text))
    return isolate(text)


@functools.cache
def _environment(kind: str) -> Any:  # noqa: ANN401 - a jinja2.Environment
    jinja2 = _import_jinja()
    if kind == "html":
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("medborgarlofte._render", "templates"),
            autoescape=True,
            finalize=_finalize_html,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        environment.filters["plain"] = _plain_html
        environment.filters["isolate"] = isolate
        environment.filters["cssstring"] = _css_string
        return environment
    # Markdown: every value passes through _md_escape, so nothing from the
    # promise can become Markdown or HTML syntax; HTML autoescaping would show
    # entities in the raw text, so it is replaced by the Markdown escaping.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("medborgarlofte._render", "templates"),
        autoescape=False,
        finalize=_md_escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _party_names(promise: Promise, ids: tuple[str, ...]) -> str:
    names = {p.id: p.name for p in promise.parties}
    return ", ".join(isolate(names.get(party, party)) for party in ids)


def _when(report: Report, lang: Language) -> str:
    if report.date is not None:
        return _day(report.date, lang)
    if report.period is not None:
        return _days(report.period, lang)
    return report.date_text or _TEXT[lang]["undated"]


def _unit_forms(activity: Activity) -> tuple[str, str] | None:
    """Return the singular and plural of the unit the activity's target states, if any."""
    target = activity.target
    if isinstance(target, PeriodQuota | IntervalQuota | Schedule):
        return target.unit_forms
    return None


def _report_row(
    report: Report, unit: str | None, lang: Language, forms: tuple[str, str] | None = None
) -> dict[str, Any]:
    amounts = []
    if report.amount is not None:
        amounts.append(
            _amount_text(
                report.amount,
                unit,
                lang,
                approximate=report.approximate,
                wording=report.wording,
                forms=forms,
            )
        )
    amounts += [
        _amount_text(
            q.value,
            q.unit,
            lang,
            approximate=q.approximate,
            wording=q.wording,
            forms=q.unit_forms,
        )
        for q in report.quantities
    ]
    return {
        "when": _when(report, lang),
        "kind": _word(texts.REPORT_KINDS, report.kind.value, lang),
        "kind_key": report.kind.value,
        "amount": "; ".join(amounts),
        "note": report.note or "",
        "reason": report.reason or "",
    }


def _amount_text(
    value: float,
    unit: str | None,
    lang: Language,
    *,
    approximate: bool,
    wording: str | None,
    forms: tuple[str, str] | None,
) -> str:
    """Return a reported amount with its unit, as the document words it if it does.

    "cirka 12 trafikkontroller", or "ett hundratal (100) personer" for an
    amount the document states in words; without a unit, the number alone.
    """
    approx = f"{_TEXT[lang]['approx']} " if approximate else ""
    shown = f"{approx}{_number(value, lang)}"
    if wording:  # as the document states it: "ett hundratal", "drygt femtio"
        shown = f"{isolate(wording)} ({shown})"
    form = texts.unit_for(value, unit, forms=forms) if unit else ""
    return f"{shown}{texts.NBSP}{isolate(form)}" if form else shown


def _reports(promise: Promise, item: ActivityProgress, as_of: dt.date, lang: Language) -> list[Any]:
    """Return the reports on an activity made by *as_of*, by day (undated ones last)."""
    found = [r for r in promise.reports_for(item.id) if r.day is None or r.day <= as_of]
    found.sort(key=lambda r: (r.day is None, r.day or dt.date.min))
    forms = _unit_forms(item.activity)
    return [_report_row(r, item.unit, lang, forms) for r in found]


def _timeline_points(
    promise: Promise, ids: list[str], as_of: dt.date, rules: ProgressRules | None
) -> dict[str, list[_charts.Point]]:
    """Return, per activity, what was expected and done at dates through the period."""
    period = promise.period
    if period is None or not ids or as_of < period.start:
        return {}
    days = {period.start, period.end, min(as_of, period.end)}
    step = max(7, period.days // 60)
    day = period.start
    while day < period.end:
        days.add(day)
        day += dt.timedelta(days=step)
    for report in promise.reports:
        if report.day is not None and period.contains(report.day) and report.day <= as_of:
            days.add(report.day)
            days.add(report.day - dt.timedelta(days=1))
    points: dict[str, list[_charts.Point]] = {i: [] for i in ids}
    # One tracker for every date: reports are grouped and schedules expanded
    # once, not once per point of the timeline.
    tracker = ProgressTracker(promise)
    for day in sorted(d for d in days if period.contains(d)):
        result = tracker.progress(day, rules=rules)
        for activity_id in ids:
            item = result.activity(activity_id)
            points[activity_id].append(
                _charts.Point(
                    day=day,
                    expected=float(item.expected or 0),
                    done=float(item.done) if day <= as_of else None,
                )
            )
    return points


# The largest figure a chart axis is drawn for: matplotlib's transforms lose
# all precision long before the largest float (1.7e308 gives a singular matrix).
_LARGEST_CHARTED = 1e15


MAX_TIMELINES = 12
"""The most activities the HTML report draws a timeline for.

A timeline takes matplotlib about a tenth of a second, and a report of fifty
timelines is read by nobody; the progress bars still show every activity.
"""

_NEEDS_ATTENTION = frozenset({Status.BEHIND, Status.AT_RISK, Status.OVERDUE, Status.MISSED})


def _charted(items: list[ActivityProgress]) -> list[str]:
    """Return the ids of the activities to draw a timeline for, in the promise's order.

    Those behind, at risk, overdue or missed come first, then the rest, up to
    :data:`MAX_TIMELINES`.
    """
    numbered = [item for item in items if _has_number(item)]
    first = [item for item in numbered if item.status in _NEEDS_ATTENTION]
    rest = [item for item in numbered if item.status not in _NEEDS_ATTENTION]
    chosen = {item.id for item in (first + rest)[:MAX_TIMELINES]}
    return [item.id for item in numbered if item.id in chosen]


def _has_number(item: ActivityProgress) -> bool:
    return (
        item.planned is not None
        and item.kind in {"period_quota", "interval_quota", "schedule"}
        and item.activity.cancelled is None
        and abs(item.planned) <= _LARGEST_CHARTED
        and abs(item.done) <= _LARGEST_CHARTED
    )


def _bar(item: ActivityProgress, lang: Language) -> _charts.Bar:
    done = item.completion or 0.0
    text = _TEXT[lang]["bar_done"].format(done=_percent(done, lang))
    if item.expected_share is not None:
        text = _TEXT[lang]["bar_done_expected"].format(
            done=_percent(done, lang), expected=_percent(item.expected_share, lang)
        )
    return _charts.Bar(
        label=item.activity.title, done=done, expected=item.expected_share, text=text
    )


def _activity(
    promise: Promise,
    item: ActivityProgress,
    *,
    as_of: dt.date,
    lang: Language,
    chart: str | None,
) -> dict[str, Any]:
    text = _TEXT[lang]
    activity: Activity = item.activity
    assessment = None
    if item.assessment is not None:
        found = item.assessment
        verdict = found.verdict.label(lang)
        if found.assessment.reason is not None:
            verdict += f" ({found.assessment.reason.label(lang)})"
        assessment = {
            "verdict": verdict,
            "at": text["assessed_at"].format(date=_day(found.held_on, lang)),
            "note": found.assessment.note or "",
        }
    dates = activity_dates(promise, activity) if isinstance(activity.target, Schedule) else None
    places = {p.id: p.name for p in promise.places}
    details = [
        (text[f"d_{name}"], value)
        for name, value in (
            ("timing", activity.timing or ""),
            ("method", activity.method or ""),
            ("condition", activity.condition or ""),
            ("participants", _party_names(promise, activity.participants)),
            ("places", ", ".join(isolate(places.get(p, p)) for p in activity.places)),
            ("target_group", activity.target_group or ""),
            ("purpose", activity.purpose or ""),
        )
        if value
    ]
    cancelled = ""
    if activity.cancelled is not None:
        parts = [_day(activity.cancelled.date, lang)]
        parts.append(isolate(activity.cancelled.reason or ""))
        cancelled = " ".join(p for p in parts if p)
    return {
        "id": activity.id,
        "title": activity.title,
        "measure": activity.measure or "",
        "description": activity.description or "",
        "target": describe_target(activity.target, lang=lang, dates=dates, places=places),
        "details": details,
        "wording": activity.target.wording or "",
        "responsible": _party_names(promise, activity.responsible),
        "participants": _party_names(promise, activity.participants),
        "planned": _number(item.planned, lang) if item.planned is not None else text["none"],
        "expected": _number(item.expected, lang) if item.expected is not None else text["none"],
        "done": _number(item.done, lang) if item.planned is not None else text["none"],
        "unit": item.unit or "",
        "completion": _percent(item.completion, lang),
        "expected_share": _percent(item.expected_share, lang),
        "status": item.status.label(lang),
        "status_key": item.status.value,
        "reason": item.reason.text(lang),
        "parties": "; ".join(
            text["party_row"].format(
                name=party.name,
                done=_number(party.done, lang),
                planned=_number(party.planned, lang),
                status=party.status.label(lang),
            )
            for party in item.parties
        ),
        "assessment": assessment,
        "cancelled": cancelled,
        "reports": _reports(promise, item, as_of, lang),
        "chart": chart,
    }


def _coverage(promise: Promise, coverage: FollowUpCoverage, lang: Language) -> dict[str, Any]:
    text = _TEXT[lang]
    rows = []
    for status in coverage.statuses:
        occasion = status.occasion
        state = status.state.label(lang)
        if status.follow_ups:
            state += f" {_day(status.follow_ups[0].held_on, lang)}"
            if status.late:
                state += f" ({text['late']})"
        elif status.state is OccasionState.OVERDUE:
            state = texts.counted(texts.SENTENCES, "days_late", -status.days_left, lang)
        rows.append(
            {
                "label": occasion.label(lang),
                "covers": _days(occasion.covers, lang),
                "forum": occasion.forum or "",
                "due": _day(occasion.due, lang),
                "state": state,
                "state_key": status.state.value,
            }
        )
    rules = [
        {
            "cadence": rule.cadence.label(lang),
            "forum": rule.forum or "",
            "responsible": _party_names(promise, (rule.responsible,)) if rule.responsible else "",
            "due_days": texts.counted(texts.REPORT_COUNTED, "due_days", rule.report_due_days, lang),
            "description": rule.description or "",
        }
        for rule in promise.follow_up_rules
    ]
    titles = {a.id: a.title for a in promise.activities}
    gaps = [
        {"label": gap.occasion.label(lang), "activity": titles.get(gap.activity, gap.activity)}
        for gap in coverage.gaps
    ]
    counts = text["state_counts"].format(
        held=len(coverage.held),
        overdue=len(coverage.overdue),
        due_soon=len(coverage.due_soon),
        upcoming=len(coverage.upcoming),
    )
    return {"rules": rules, "occasions": rows, "counts": counts, "gaps": gaps}


def _value(number: float | None, day: dt.date | None, unit: str, lang: Language) -> str:
    if number is None:
        return "–"
    text = f"{_number(number, lang)}{texts.NBSP}{isolate(unit)}" if unit else _number(number, lang)
    return f"{text} ({_day(day, lang)})" if day else text


def _indicators(result: PromiseProgress, lang: Language) -> list[dict[str, Any]]:
    rows = []
    for item in result.indicators:
        indicator = item.indicator
        unit = indicator.unit
        baseline = indicator.baseline
        target = indicator.target
        latest = item.latest
        rows.append(
            {
                "name": indicator.name,
                "unit": unit,
                "baseline": _value(baseline.value, baseline.date, unit, lang) if baseline else "–",
                "target": _value(target.value, target.date, unit, lang) if target else "–",
                "latest": _value(latest.value, latest.date, unit, lang) if latest else "–",
                "status": item.status.label(lang),
                "status_key": item.status.value,
                "reason": item.reason.text(lang),
            }
        )
    return rows


def _focus_groups(
    promise: Promise, result: PromiseProgress
) -> list[tuple[FocusArea | None, tuple[ActivityProgress, ...]]]:
    groups: list[tuple[FocusArea | None, tuple[ActivityProgress, ...]]] = [
        (area.focus_area, area.activities) for area in result.focus_areas
    ]
    known = {area.id for area in promise.focus_areas}
    rest = tuple(a for a in result.activities if not known.intersection(a.activity.focus_areas))
    if rest:
        groups.append((None, rest))
    return groups


_SOON = 60
"""How many days ahead the summary box looks for what is due (närmast)."""

_TROUBLE = frozenset({Status.BEHIND, Status.AT_RISK, Status.OVERDUE, Status.MISSED})


def _brief(
    promise: Promise,
    result: PromiseProgress,
    coverage: FollowUpCoverage,
    *,
    as_of: dt.date,
    lang: Language,
) -> dict[str, Any]:
    """Return the summary box (läget i korthet): what a reader needs in one minute."""
    text = _TEXT[lang]
    elapsed = ""
    if promise.period is not None and result.elapsed is not None:
        elapsed = text["brief_elapsed"].format(
            elapsed=_percent(result.elapsed, lang), period=_days(promise.period, lang)
        )
    trouble = [
        {
            "title": item.activity.title,
            "status": item.status.label(lang),
            "status_key": item.status.value,
            "reason": item.reason.text(lang),
        }
        for item in result.activities
        if item.status in _TROUBLE
    ]
    overdue = [
        {
            "label": status.occasion.label(lang),
            "forum": status.occasion.forum or "",
            "late": texts.counted(texts.SENTENCES, "days_late", -status.days_left, lang),
        }
        for status in coverage.statuses
        if status.state is OccasionState.OVERDUE
    ]
    due: list[dict[str, Any]] = [
        {
            "day": status.occasion.due,
            "label": status.occasion.label(lang),
            "forum": status.occasion.forum or "",
            "when": text["brief_due_by"].format(due=_day(status.occasion.due, lang)),
        }
        for status in coverage.statuses
        if status.state is not OccasionState.HELD and 0 <= status.days_left <= _SOON
    ]
    for item in result.activities:
        target = item.activity.target
        if (
            isinstance(target, Milestone)
            and target.due is not None
            and as_of <= target.due <= as_of + dt.timedelta(days=_SOON)
            and item.status is not Status.ACHIEVED
        ):
            due.append(
                {
                    "day": target.due,
                    "label": item.activity.title,
                    "forum": "",
                    "when": text["brief_due_by"].format(due=_day(target.due, lang)),
                }
            )
    due.sort(key=lambda entry: entry["day"])
    achieved = [item.activity.title for item in result.activities if item.status is Status.ACHIEVED]
    counts = ", ".join(
        texts.counted(texts.STATUS_COUNTS, status.value, n, lang)
        for status, n in result.counts
        if n
    )
    return {
        "elapsed": elapsed,
        "counts": counts,
        "trouble": trouble,
        "overdue": overdue,
        "due": due,
        "achieved": achieved,
    }


def _key(lang: Language, rules: ProgressRules | None) -> dict[str, Any]:
    """Return the key to the report (så läses rapporten): statuses, thresholds, columns."""
    from medborgarlofte._compute.status import ProgressRules  # noqa: PLC0415 - at run time

    used = rules or ProgressRules()
    text = _TEXT[lang]
    return {
        "statuses": [
            {"key": s.value, "label": s.label(lang), "definition": s.definition(lang)}
            for s in Status
        ],
        "thresholds": text["key_thresholds"].format(
            on_track=_percent(used.on_track_pace, lang), at_risk=_percent(used.at_risk_pace, lang)
        ),
        "columns": text["key_columns"],
    }


def _other_work(promise: Promise, as_of: dt.date, lang: Language) -> list[dict[str, Any]]:
    """Return the reports that belong to no activity (annat som gjorts), by day."""
    text = _TEXT[lang]
    found = [
        r
        for r in promise.reports
        if r.link is not ReportLink.ACTIVITY and (r.day is None or r.day <= as_of)
    ]
    found.sort(key=lambda r: (r.day is None, r.day or dt.date.min))
    rows = []
    for report in found:
        row = _report_row(report, None, lang)
        row["work"] = report.work or ""
        row["link"] = text[f"link_{report.link.value}"]
        row["parties"] = _party_names(promise, report.parties) if report.parties else ""
        rows.append(row)
    return rows


def _lines(result: PromiseProgress, lang: Language) -> list[dict[str, str]]:
    """Return one line per activity for the short report: status and figure.

    An activity without a planned amount (ongoing work, or a target the
    progress cannot count) shows the reason for its status instead, so that
    no line says nothing.
    """
    text = _TEXT[lang]
    return [
        {
            "title": item.activity.title,
            "status": item.status.label(lang),
            "status_key": item.status.value,
            "figure": text["figure"].format(
                done=_number(item.done, lang),
                planned=texts.quantity(
                    item.planned, item.unit, lang, forms=_unit_forms(item.activity)
                ),
            )
            if item.planned is not None
            else item.reason.text(lang),
        }
        for item in result.activities
    ]


def _next_follow_up(coverage: FollowUpCoverage, lang: Language) -> str:
    """Return the next follow-up not yet held, with its forum and due date, or nothing."""
    text = _TEXT[lang]
    for status in coverage.statuses:
        if status.state is not OccasionState.HELD and status.days_left >= 0:
            occasion = status.occasion
            forum = f" ({occasion.forum})" if occasion.forum else ""
            return f"{occasion.label(lang)}{forum}, " + text["brief_due_by"].format(
                due=_day(occasion.due, lang)
            )
    return ""


def _context(
    promise: Promise,
    *,
    as_of: dt.date,
    lang: Language,
    rules: ProgressRules | None,
    charts: bool,
) -> dict[str, Any]:
    text = _TEXT[lang]
    result = progress(promise, as_of=as_of, rules=rules)
    coverage = follow_up_coverage(promise, as_of=as_of)
    groups = _focus_groups(promise, result)
    with_number = _charted(list(result.activities)) if charts else []
    points = _timeline_points(promise, with_number, as_of, rules)
    focus_areas = []
    for g, (area, items) in enumerate(groups):
        bars = None
        if charts and any(item.completion is not None for item in items):
            shown = [_bar(item, lang) for item in items if item.completion is not None]
            bars = _charts.progress_bars(shown, lang=lang, key=f"bars{g}", title=text["bars_title"])
        activities = []
        for n, item in enumerate(items):
            chart = None
            if item.id in points and item.planned is not None:
                chart = _charts.timeline(
                    points[item.id],
                    as_of=as_of,
                    planned=float(item.planned),
                    unit=item.unit,
                    lang=lang,
                    key=f"t{g}-{n}",
                    title=text["timeline_title"].format(title=isolate(item.activity.title)),
                )
            activities.append(_activity(promise, item, as_of=as_of, lang=lang, chart=chart))
        focus_areas.append(
            {
                "anchor": f"fokus-{g + 1}",
                "title": area.title if area else text["other_activities"],
                "description": (area.description or "") if area else "",
                "bars": bars,
                "activities": activities,
            }
        )
    period = promise.period
    counts = [
        {"status": status.label(lang), "key": status.value, "count": count}
        for status, count in result.counts
        if count
    ]
    parties = {p.id: p.name for p in promise.parties}
    basis = promise.basis
    return {
        "t": text,
        "lang": lang,
        "as_of": _day(as_of, lang),
        "promise": promise,
        "title": promise.title,
        "summary": promise.summary or "",
        "url": promise.url or "",
        "period": _days(period, lang)
        if period
        else (promise.period_text or text["unknown_period"]),
        "signed_on": _day(promise.signed_on, lang),
        "elapsed": _percent(result.elapsed, lang) if result.elapsed is not None else "",
        "parties": [
            {
                "name": p.name,
                "kind": _word(texts.PARTY_KINDS, p.kind.value, lang),
                "role": _word(texts.PARTY_ROLES, p.role.value, lang),
            }
            for p in promise.parties
        ],
        "signatories": [
            {
                "name": s.name,
                "title": (f"{text['acting']} " if s.acting else "") + isolate(s.title or ""),
                "party": parties.get(s.party, s.party),
                "date": _day(s.signed_on, lang),
            }
            for s in promise.signatories
        ],
        "contacts": [
            {
                "name": c.name,
                "title": c.title or "",
                "party": parties.get(c.party, c.party),
                "contact": ", ".join(isolate(x) for x in (c.email, c.phone) if x),
            }
            for c in promise.contacts
        ],
        "sources": [
            {
                "kind": _word(texts.SOURCE_KINDS, s.kind.value, lang),
                "description": s.description or "",
                "year": str(s.year) if s.year else "",
            }
            for s in basis.sources
        ],
        "basis_summary": basis.summary or "",
        "basis_problems": list(basis.problems),
        "completion": _percent(result.completion, lang),
        "expected_completion": _percent(result.expected_completion, lang),
        "activity_count": len(result.activities),
        "counts": counts,
        "not_assessable": result.reason.text(lang) if result.reason else "",
        "focus_areas": focus_areas,
        "indicators": _indicators(result, lang),
        "follow_up": _coverage(promise, coverage, lang),
        "brief": _brief(promise, result, coverage, as_of=as_of, lang=lang),
        "key": _key(lang, rules),
        "other_work": _other_work(promise, as_of, lang),
        "symbols": texts.STATUS_SYMBOLS,
        "lines": _lines(result, lang),
        "next_follow_up": _next_follow_up(coverage, lang),
        "statuses": [s.value for s in Status],
        "held_key": OccasionState.HELD.value,
    }


def render_html(
    promise: Promise,
    *,
    as_of: dt.date,
    lang: Language = "sv",
    rules: ProgressRules | None = None,
    brief: bool = False,
) -> str:
    """Return the follow-up report of *promise* at *as_of* as one HTML page (uppföljningsrapport).

    The page stands alone: its CSS and its SVG charts are inline and it
    fetches nothing, so it can be mailed, archived or printed (on A4). Every
    text from the promise is escaped, so titles show as written.

    Args:
        promise: The promise (medborgarlöfte).
        as_of: The date the report is for; its whole day counts as passed.
        lang: ``"sv"`` (the default) or ``"en"``.
        rules: The thresholds for statuses; the defaults if not given.
        brief: Write the short version for one A4 page instead (uppföljning i
            korthet): the summary box, one line per activity with its status
            and figure, and the next follow-up; no charts.

    Returns:
        The HTML5 document as text.

    Raises:
        MissingExtraError: If Jinja2 or matplotlib (the ``report`` extra) is
            not installed.
    """
    if brief:
        context = _context(promise, as_of=as_of, lang=lang, rules=rules, charts=False)
        short: str = _environment("html").get_template("brief.html.j2").render(context)
        return short
    context = _context(promise, as_of=as_of, lang=lang, rules=rules, charts=True)
    for area in context["focus_areas"]:
        if area["bars"] is not None:
            area["bars"] = _markup(area["bars"])
        for activity in area["activities"]:
            if activity["chart"] is not None:
                activity["chart"] = _markup(activity["chart"])
    page: str = _environment("html").get_template("report.html.j2").render(context)
    return page


def _markup(svg: str) -> Any:  # noqa: ANN401 - a markupsafe.Markup
    """Mark an SVG element drawn by matplotlib (never promise text) as safe HTML."""
    from markupsafe import Markup  # noqa: PLC0415 - comes with Jinja2

    return Markup(svg)  # noqa: S704 - built by matplotlib and ElementTree, see _charts


def render_markdown(
    promise: Promise,
    *,
    as_of: dt.date,
    lang: Language = "sv",
    rules: ProgressRules | None = None,
    brief: bool = False,
) -> str:
    """Return the follow-up report of *promise* at *as_of* as Markdown (uppföljningsrapport).

    The same content as :func:`render_html`, without the charts; each
    activity's share done and expected is given in figures. Text from the
    promise is escaped, so it never becomes Markdown or HTML syntax.

    Args:
        promise: The promise (medborgarlöfte).
        as_of: The date the report is for; its whole day counts as passed.
        lang: ``"sv"`` (the default) or ``"en"``.
        rules: The thresholds for statuses; the defaults if not given.
        brief: Write the short version, as :func:`render_html` does.

    Returns:
        The Markdown text (CommonMark with pipe tables).

    Raises:
        MissingExtraError: If Jinja2 (the ``report`` extra) is not installed.
    """
    context = _context(promise, as_of=as_of, lang=lang, rules=rules, charts=False)
    template = "brief.md.j2" if brief else "report.md.j2"
    page: str = _environment("markdown").get_template(template).render(context)
    return page
