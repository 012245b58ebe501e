"""Every Swedish and English word the library shows people (texter).

One place for the texts of statuses and their definitions, the reasons a
status was given, verdicts, cadences, reasons for a shortfall, severities,
follow-up states, reporting intervals, the words of the follow-up report, its
charts and its calendar export, and the messages of the command line, so
that a change of wording (or a third language) is made here and nowhere else.
A test fails when a module outside this folder defines a table keyed by both
``"sv"`` and ``"en"``.

The catalogue is a package of modules, each of one kind of text:

* :mod:`~medborgarlofte._core.texts.numbers`: numbers, percentages, dates,
  units of count and the choice between singular and plural;
* :mod:`~medborgarlofte._core.texts.status`: statuses, the reasons for them,
  verdicts, cadences, counts of activities, labels of intervals;
* :mod:`~medborgarlofte._core.texts.report`: the follow-up report, its
  charts and its iCalendar export;
* :mod:`~medborgarlofte._core.texts.cli`: the command line's messages;
* :mod:`~medborgarlofte._core.texts.draft`: the review list of a draft.

Every name is re-exported here, so callers write ``texts.REPORT`` or
``texts.day(d, lang)`` without knowing which module holds it.

Why Python tables and not gettext ``.po`` files: the catalogue has two
languages written by the people who write the code, ``mypy --strict`` checks
every key of a Python table, and a reason is not a fragment to translate but
a sentence written per case (``within_shortfall`` has three). Counted
sentences still work the way gettext's ``ngettext`` does: each has a singular
and a plural form, chosen by the number the sentence shows with the CLDR rule
Swedish and English share (:func:`is_one`). The tables are plain data, so a
short script can write them to a ``.po`` file (one ``msgid`` per key,
``msgid_plural`` for the counted sentences) when a translator of a third
language needs one.

Numbers and dates are written by Babel (``format_decimal`` and
``format_date`` with the ``sv_SE`` and ``en_GB`` conventions) when it is
installed, and by :func:`plain_number` and :func:`plain_day`, which give the
same text, when it is not. A number and the unit it counts are joined by a
no-break space (:data:`NBSP`). Units of count have a singular and a plural
(:data:`UNIT_FORMS`); a unit the catalogue does not know is never bent into a
made-up form (:func:`quantity`, :func:`reason`).
"""

from __future__ import annotations

from medborgarlofte._core.texts.cli import (
    CLI,
    CLI_COUNTED,
    NEW_COMMENTS,
)
from medborgarlofte._core.texts.draft import DRAFT, DRAFT_COUNTED
from medborgarlofte._core.texts.numbers import (
    MONTH_NAMES,
    NBSP,
    NOUNS,
    UNIT_FORMS,
    count,
    counted,
    day,
    days,
    is_one,
    number,
    percent,
    pick,
    plain_day,
    plain_number,
    plural,
    quantity,
    unit_for,
    unit_forms,
)
from medborgarlofte._core.texts.report import (
    BOUNDS,
    CHART,
    ICAL,
    PARTY_KINDS,
    PARTY_ROLES,
    PER_INTERVAL,
    REPORT,
    REPORT_COUNTED,
    REPORT_KINDS,
    SOURCE_KINDS,
    TARGET_WORDS,
)
from medborgarlofte._core.texts.status import (
    CADENCES,
    CANCELLED_ON,
    MEASURED_RULES,
    OCCASION_STATES,
    PARTY_REASON,
    PORTFOLIO_HEADERS,
    REASON_CODES,
    REASON_VERDICTS,
    REASONS,
    SENTENCES,
    SEVERITIES,
    STATUS_COUNTS,
    STATUS_DEFINITIONS,
    STATUS_SYMBOLS,
    STATUSES,
    VERDICTS,
    WORDS,
    reason,
)

__all__ = [
    "BOUNDS",
    "CADENCES",
    "CANCELLED_ON",
    "CHART",
    "CLI",
    "CLI_COUNTED",
    "DRAFT",
    "DRAFT_COUNTED",
    "ICAL",
    "MEASURED_RULES",
    "MONTH_NAMES",
    "NBSP",
    "NEW_COMMENTS",
    "NOUNS",
    "OCCASION_STATES",
    "PARTY_KINDS",
    "PARTY_REASON",
    "PARTY_ROLES",
    "PER_INTERVAL",
    "PORTFOLIO_HEADERS",
    "REASONS",
    "REASON_CODES",
    "REASON_VERDICTS",
    "REPORT",
    "REPORT_COUNTED",
    "REPORT_KINDS",
    "SENTENCES",
    "SEVERITIES",
    "SOURCE_KINDS",
    "STATUSES",
    "STATUS_COUNTS",
    "STATUS_DEFINITIONS",
    "STATUS_SYMBOLS",
    "TARGET_WORDS",
    "UNIT_FORMS",
    "VERDICTS",
    "WORDS",
    "count",
    "counted",
    "day",
    "days",
    "is_one",
    "number",
    "percent",
    "pick",
    "plain_day",
    "plain_number",
    "plural",
    "quantity",
    "reason",
    "unit_for",
    "unit_forms",
]
