"""Every Swedish and English word the library shows people (texter).

One place for the texts of statuses and their definitions, the reasons a
status was given, verdicts, cadences, reasons for a shortfall, severities,
follow-up states, reporting intervals, table headers and the words of the
follow-up report, so that a change of wording (or a third language) is made
here and nowhere else.

Why Python tables and not gettext ``.po`` files: the catalogue has two
languages written by the people who write the code, ``mypy --strict`` checks
every key of a Python table, and a reason is not a fragment to translate but
a sentence written per case (``within_shortfall`` has three). Counted
sentences still work the way gettext's ``ngettext`` does: each has a singular
and a plural form, chosen by the number the sentence shows with the CLDR rule
Swedish and English share (:func:`is_one`). The tables are plain data, so a
script can write them to a ``.po`` file when a third language comes.

Numbers are written by Babel (``format_decimal`` with the ``sv_SE`` and
``en_GB`` conventions) when it is installed, and by :func:`plain_number`,
which gives the same text, when it is not. Units of count have a singular and
a plural (:data:`UNIT_FORMS`); a unit the catalogue does not know is never
bent into a made-up form (:func:`quantity`, :func:`reason`).

The tables are keyed by each enum's ``.value`` (this folder imports nothing
of the model), with one entry per language. The enums' own methods
(``Status.label``, ``StatusReason.text``, ``Verdict.label`` ...) read from
here.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

__all__ = [
    "CADENCES",
    "CANCELLED_ON",
    "MEASURED_RULES",
    "MONTH_NAMES",
    "NOUNS",
    "OCCASION_STATES",
    "PARTY_REASON",
    "PORTFOLIO_HEADERS",
    "REASONS",
    "REASON_CODES",
    "REASON_VERDICTS",
    "REPORT",
    "SENTENCES",
    "SEVERITIES",
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
    "is_one",
    "number",
    "percent",
    "pick",
    "plain_number",
    "plural",
    "quantity",
    "reason",
    "unit_for",
    "unit_forms",
]

STATUSES: Final[Mapping[str, Mapping[Language, str]]] = {
    "achieved": {"sv": "uppnådd", "en": "achieved"},
    "on_track": {"sv": "enligt plan", "en": "on track"},
    "not_started": {"sv": "ej påbörjad", "en": "not started"},
    "behind": {"sv": "efter plan", "en": "behind"},
    "at_risk": {"sv": "i riskzonen", "en": "at risk"},
    "overdue": {"sv": "försenad", "en": "overdue"},
    "missed": {"sv": "ej uppnådd", "en": "missed"},
    "cancelled": {"sv": "avbruten", "en": "cancelled"},
    "not_assessable": {"sv": "kan inte bedömas", "en": "not assessable"},
}
"""A status (``Status.value``) as a short phrase (läge)."""

STATUS_DEFINITIONS: Final[Mapping[str, Mapping[Language, str]]] = {
    "achieved": {
        "sv": "Allt som utlovats är gjort.",
        "en": "Everything promised has been done.",
    },
    "on_track": {
        "sv": "Det som är gjort räcker för det som borde vara gjort vid datumet.",
        "en": "What has been done is enough for what should have been done by the date.",
    },
    "not_started": {
        "sv": "Inget är gjort, och inget hade ännu behövt vara gjort.",
        "en": "Nothing has been done, and nothing had to be done yet.",
    },
    "behind": {
        "sv": "Mindre är gjort än det som borde vara gjort, men inte långt efter.",
        "en": "Less has been done than should have been, but not far less.",
    },
    "at_risk": {
        "sv": "Så mycket mindre är gjort än planerat att målet är i fara.",
        "en": "So much less has been done than planned that the target is in danger.",
    },
    "overdue": {
        "sv": "En engångsuppgift vars sista dag har passerat utan att den rapporterats som gjord.",
        "en": "A one-off task whose due date has passed without a report that it is done.",
    },
    "missed": {
        "sv": "Perioden är slut och det som utlovats blev inte gjort.",
        "en": "The period is over and what was promised was not done.",
    },
    "cancelled": {
        "sv": "Aktiviteten har strukits och följs inte längre upp.",
        "en": "The activity was dropped and is no longer followed up.",
    },
    "not_assessable": {
        "sv": "Det finns inget att räkna på: ingen period, inget tal eller ingen bedömning.",
        "en": "There is nothing to compute from: no period, no number or no assessment.",
    },
}
"""A status (``Status.value``) as a one-line definition."""

REASONS: Final[Mapping[str, Mapping[Language, str]]] = {
    "no_period": {
        "sv": "löftet har ingen känd period, så inget kan förväntas vid ett visst datum",
        "en": "the promise has no known period, so nothing can be expected by a given date",
    },
    "cancelled": {"sv": "aktiviteten ströks{on_date}", "en": "the activity was dropped{on_date}"},
    "before_period": {"sv": "perioden börjar {date}", "en": "the period starts on {date}"},
    "no_occurrences": {
        "sv": "regeln ger inga datum inom perioden",
        "en": "the rule gives no dates inside the period",
    },
    "target_reached": {
        "sv": "{done} av {planned_q} har genomförts; minst {threshold} krävs",
        "en": "{done} of {planned_q} done, with at least {threshold} needed",
    },
    "period_ended_short": {
        "sv": (
            "perioden är slut och {done} av {planned_q} har genomförts; minst {threshold} krävdes"
        ),
        "en": "the period is over with {done} of {planned_q} done, short of the {threshold} needed",
    },
    "nothing_expected_yet": {
        "sv": (
            "inget har genomförts ännu, och hittills väntas bara {expected_q}, "
            "mindre än {threshold}"
        ),
        "en": "nothing done yet, and only {expected_q} expected so far, less than {threshold}",
    },
    "within_shortfall": {
        "sv": (
            "{done} har genomförts mot {expected_q} väntade hittills; det som fattas, {shortfall}, "
            "är mindre än {threshold}"
        ),
        "en": (
            "{done} done against {expected_q} expected so far; the shortfall of {shortfall} is "
            "less than {threshold}"
        ),
    },
    "within_shortfall.even": {
        "sv": "{done_q} har genomförts, så mycket som väntades hittills",
        "en": "{done_q} done, as much as expected so far",
    },
    "within_shortfall.ahead": {
        "sv": "{done_q} har genomförts, mer än de {expected} som väntades hittills",
        "en": "{done_q} done, more than the {expected} expected so far",
    },
    "pace_on_track": {
        "sv": (
            "{done} har genomförts mot {expected_q} väntade hittills, {pace} av det väntade; "
            "enligt plan från {threshold}"
        ),
        "en": (
            "{done} done against {expected_q} expected so far, {pace} of what was expected; "
            "on track from {threshold}"
        ),
    },
    "pace_behind": {
        "sv": (
            "{done} har genomförts mot {expected_q} väntade hittills, {pace} av det väntade; "
            "under {threshold}, gränsen för enligt plan"
        ),
        "en": (
            "{done} done against {expected_q} expected so far, {pace} of what was expected; "
            "below the {threshold} needed to be on track"
        ),
    },
    "pace_at_risk": {
        "sv": (
            "{done} har genomförts mot {expected_q} väntade hittills, {pace} av det väntade; "
            "under riskgränsen {threshold}"
        ),
        "en": (
            "{done} done against {expected_q} expected so far, {pace} of what was expected; "
            "below the risk threshold of {threshold}"
        ),
    },
    "milestone_met": {"sv": "klar {date}, senast {due}", "en": "done on {date}, due by {due}"},
    "milestone_met_late": {
        "sv": "klar {date}, efter sista dagen {due}",
        "en": "done on {date}, after the due date {due}",
    },
    "milestone_not_due": {"sv": "ska vara klar senast {due}", "en": "due by {due}"},
    "milestone_overdue": {
        "sv": "skulle ha varit klar senast {due}; ingen rapport säger att den är gjord",
        "en": "was due by {due}; no report says it is done",
    },
    "milestone_missed": {
        "sv": "perioden är slut och ingen rapport säger att den är gjord (sista dag {due})",
        "en": "the period is over and no report says it is done (due by {due})",
    },
    "assessment": {
        "sv": "bedömning vid uppföljningen {date}: {verdict}",
        "en": "assessment at the follow-up on {date}: {verdict}",
    },
    "no_assessment": {
        "sv": "inget tal att räkna på och ingen bedömning vid någon uppföljning ännu",
        "en": "no number to compute from and no assessment at any follow-up yet",
    },
    "amount_unstated": {
        "sv": "löftet lovar ett antal{unit} men anger inte hur många, så det finns inget att "
        "räkna mot",
        "en": "the promise does not state how many{unit} it promises, so there is nothing to "
        "count against",
    },
    "same_as_unresolved": {
        "sv": "målet ska vara samma antal som aktiviteten {same_as}, men det antalet går inte "
        "att fastställa",
        "en": "the target is meant as the same amount as the activity {same_as}, but that "
        "amount cannot be established",
    },
    "no_data": {"sv": "inga mätvärden ännu", "en": "no measurements yet"},
    "no_baseline_or_target": {
        "sv": "senaste värdet är {value}, men utgångsvärde eller målvärde saknas",
        "en": "the latest value is {value}, but the baseline or the target is missing",
    },
    "indicator_target_reached": {
        "sv": "senaste värdet {value} har nått målvärdet {planned}",
        "en": "the latest value {value} has reached the target {planned}",
    },
    "indicator_target_date_passed": {
        "sv": (
            "måldatumet {due} har passerat och senaste värdet {value} når inte målvärdet {planned}"
        ),
        "en": (
            "the target date {due} has passed and the latest value {value} falls short of "
            "the target {planned}"
        ),
    },
    "no_target_date": {
        "sv": "senaste värdet är {value}, men målvärdet har inget datum och löftet ingen period",
        "en": ("the latest value is {value}, but the target has no date and the promise no period"),
    },
    "on_trajectory": {
        "sv": (
            "senaste värdet {value} är minst lika bra som {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        "en": (
            "the latest value {value} is at least as good as {expected} on the straight line "
            "from the baseline {baseline} to the target {planned}"
        ),
    },
    "off_trajectory": {
        "sv": (
            "senaste värdet {value} ligger efter {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        "en": (
            "the latest value {value} lags {expected} on the straight line from the baseline "
            "{baseline} to the target {planned}"
        ),
    },
    "worsened": {
        "sv": "senaste värdet {value} är sämre än utgångsvärdet {baseline}",
        "en": "the latest value {value} is worse than the baseline {baseline}",
    },
}
"""Why a status was given (``StatusRule.value``): a sentence per case, see :func:`reason`.

A key with a suffix (``within_shortfall.even``) is a case of its rule that
needs other words. The fields: ``{done}``, ``{expected}``, ``{planned}``,
``{threshold}`` and ``{shortfall}`` are bare numbers; ``{done_q}``,
``{expected_q}`` and ``{planned_q}`` the same numbers with their unit in the
form the number needs (:func:`quantity`); ``{pace}`` a percentage;
``{value}`` an indicator's value with its unit of measure; ``{date}`` and
``{due}`` dates; ``{on_date}`` the day an activity was dropped, with its
preposition, or nothing; ``{verdict}`` a verdict as a reason words it;
``{unit}`` the unit of count in the plural after a space, or nothing;
``{same_as}`` the activity a target repeats the amount of.
"""

PARTY_REASON: Final[Mapping[Language, str]] = {"sv": "{party}: {reason}", "en": "{party}: {reason}"}
"""A reason about one responsible party, for an activity each party carries out."""

CANCELLED_ON: Final[Mapping[Language, str]] = {"sv": " {date}", "en": " on {date}"}
"""The ``on_date`` of the reason ``cancelled``, when the day is known."""

VERDICTS: Final[Mapping[str, Mapping[Language, str]]] = {
    "done": {"sv": "genomförd", "en": "done"},
    "partly_done": {"sv": "delvis genomförd", "en": "partly done"},
    "not_done": {"sv": "ej genomförd", "en": "not done"},
    "ongoing": {"sv": "pågående", "en": "ongoing"},
    "not_assessable": {"sv": "går inte att bedöma", "en": "not assessable"},
}
"""A verdict at a follow-up (``Verdict.value``) in words (bedömning)."""

REASON_VERDICTS: Final[Mapping[str, Mapping[Language, str]]] = {
    "done": {"sv": "genomförd", "en": "done"},
    "partly_done": {"sv": "delvis genomförd", "en": "partly done"},
    "not_done": {"sv": "ej genomförd", "en": "not done"},
    "ongoing": {"sv": "pågående enligt plan", "en": "ongoing as planned"},
    "not_assessable": {"sv": "går inte att bedöma", "en": "cannot be assessed"},
}
"""A verdict (``Verdict.value``) as the reason ``assessment`` words it."""

CADENCES: Final[Mapping[str, Mapping[Language, str]]] = {
    "monthly": {"sv": "varje månad", "en": "every month"},
    "quarterly": {"sv": "varje kvartal", "en": "every quarter"},
    "tertial": {"sv": "varje tertial", "en": "every tertial"},
    "half_yearly": {"sv": "varje halvår", "en": "every half-year"},
    "yearly": {"sv": "varje år", "en": "every year"},
    "end_of_period": {"sv": "vid periodens slut", "en": "at the end of the period"},
    "schedule": {"sv": "enligt schema", "en": "on scheduled dates"},
}
"""How often a promise is followed up (``Cadence.value``)."""

REASON_CODES: Final[Mapping[str, Mapping[Language, str]]] = {
    "resources": {"sv": "brist på resurser", "en": "lack of resources"},
    "priorities_changed": {"sv": "ändrade prioriteringar", "en": "changed priorities"},
    "external_event": {"sv": "yttre händelse", "en": "external event"},
    "partner_missing": {"sv": "samverkanspart saknades", "en": "partner missing"},
    "other": {"sv": "annan orsak", "en": "other reason"},
}
"""Why an activity was not done (``ReasonCode.value``)."""

SEVERITIES: Final[Mapping[str, Mapping[Language, str]]] = {
    "error": {"sv": "fel", "en": "error"},
    "warning": {"sv": "varning", "en": "warning"},
}
"""How serious a problem is (``Severity.value``)."""

OCCASION_STATES: Final[Mapping[str, Mapping[Language, str]]] = {
    "held": {"sv": "genomförd", "en": "held"},
    "overdue": {"sv": "försenad", "en": "overdue"},
    "due_soon": {"sv": "snart", "en": "due soon"},
    "upcoming": {"sv": "kommande", "en": "upcoming"},
}
"""Where a follow-up occasion stands (``OccasionState.value``)."""

MONTH_NAMES: Final[Mapping[Language, tuple[str, ...]]] = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
"""The months, January first, as a reporting interval names them."""

WORDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "week": {"sv": "vecka", "en": "week"},
    "whole_period": {"sv": "hela perioden", "en": "whole period"},
    "meeting": {"sv": "möte", "en": "meeting"},
    "police_region": {"sv": "polisregion", "en": "police region"},
}
"""Words of labels: "vecka 12 2024", "hela perioden 2023", "möte 2024-03-01", "polisregion Mitt"."""

PORTFOLIO_HEADERS: Final[Mapping[str, Mapping[Language, str]]] = {
    "promise": {"sv": "löfte", "en": "promise"},
    "title": {"sv": "titel", "en": "title"},
    "kommunkod": {"sv": "kommunkod", "en": "kommunkod"},
    "kommun": {"sv": "kommun", "en": "kommun"},
    "county": {"sv": "län", "en": "county"},
    "police_region": {"sv": "polisregion", "en": "police_region"},
    "start": {"sv": "start", "en": "start"},
    "end": {"sv": "slut", "en": "end"},
    "elapsed": {"sv": "förfluten_andel", "en": "elapsed"},
    "completion": {"sv": "genomförandegrad", "en": "completion"},
    "expected_completion": {"sv": "förväntad_grad", "en": "expected_completion"},
    "activities": {"sv": "aktiviteter", "en": "activities"},
    "promises": {"sv": "löften", "en": "promises"},
}
"""The column names of the portfolio's CSV tables."""


REPORT: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "brief": "Läget i korthet",
        "report_brief": "Uppföljning i korthet",
        "bar_done": "gjort {done}",
        "bar_done_expected": "gjort {done}, förväntat {expected}",
        "brief_activities": "Aktiviteterna",
        "brief_next": "Nästa uppföljning",
        "figure": "{done} av {planned}",
        "brief_elapsed": "{elapsed} av perioden {period} har gått.",
        "brief_behind": "Efter plan eller i riskzonen",
        "brief_none_behind": "Ingen aktivitet ligger efter plan.",
        "brief_overdue": "Försenade uppföljningar",
        "brief_due": "Närmast, inom 60 dagar",
        "brief_nothing_due": "Inget ska redovisas de närmaste 60 dagarna.",
        "brief_achieved": "Uppnått",
        "brief_due_by": "senast {due}",
        "key": "Så läses rapporten",
        "key_thresholds": (
            "En aktivitet med ett tal är enligt plan när minst {on_track} av det som väntades "
            "vid datumet är gjort, efter plan under det och i riskzonen under {at_risk}. Det "
            "som väntas räknas jämnt fördelat över perioden, eller per intervall när målet gäller "
            "per år, tertial eller kvartal."
        ),
        "key_columns": (
            "Planerat är vad löftet utlovar för hela perioden, Förväntat vad som borde vara gjort "
            "vid datumet, Gjort vad som rapporterats och Andel hur stor del av det planerade som "
            "är gjord."
        ),
        "other_work": "Annat som gjorts",
        "other_work_intro": "Rapporter som inte hör till någon aktivitet i löftet.",
        "link_unrestated": "utlovat, men inte återgivet i löftet",
        "link_unpromised": "inte utlovat",
        "details": "Genomförande",
        "d_timing": "När",
        "d_method": "Metod",
        "d_condition": "Villkor",
        "d_participants": "Medverkande",
        "d_places": "Platser",
        "d_target_group": "Målgrupp",
        "d_purpose": "Syfte",
        "report": "Uppföljningsrapport",
        "as_of": "Läget per {date}",
        "generated": "Rapporten visar läget vid slutet av {date}.",
        "promise": "Löftet",
        "period": "Period",
        "unknown_period": "okänd",
        "signed_on": "Undertecknat",
        "elapsed": "Förfluten tid",
        "url": "Publicerat",
        "parties": "Parter",
        "party": "Part",
        "kind": "Slag",
        "role": "Roll",
        "signatories": "Undertecknare",
        "name": "Namn",
        "title": "Titel",
        "date": "Datum",
        "contacts": "Kontaktpersoner",
        "contact": "Kontakt",
        "basis": "Underlag (lägesbild)",
        "source": "Källa",
        "year": "År",
        "problems": "Problem som lägesbilden tar upp",
        "overview": "Översikt",
        "completion": "Genomfört",
        "expected_completion": "Förväntat vid datumet",
        "status": "Status",
        "activities_count": "Aktiviteter",
        "count": "Antal",
        "bars_title": "Genomfört mot förväntat per aktivitet",
        "focus_area": "Fokusområde",
        "other_activities": "Övriga aktiviteter",
        "activity": "Aktivitet",
        "target": "Mål",
        "wording": "Formulering i löftet",
        "responsible": "Ansvarig",
        "planned": "Planerat",
        "expected": "Förväntat",
        "done": "Gjort",
        "share": "Andel",
        "reason": "Motivering",
        "per_party": "Per part",
        "party_row": "{name}: {done} av {planned}, {status}",
        "reports": "Vad som gjorts",
        "no_reports": "Inget rapporterat.",
        "assessment": "Senaste bedömning",
        "assessed_at": "vid uppföljningen {date}",
        "timeline_title": "{title}: gjort över tid mot förväntat",
        "cancelled": "Avbruten",
        "indicators": "Indikatorer",
        "indicator": "Indikator",
        "unit": "Enhet",
        "baseline": "Utgångsvärde",
        "target_value": "Målvärde",
        "latest": "Senaste värde",
        "no_indicators": "Löftet har inga indikatorer.",
        "follow_up": "Uppföljning",
        "rules": "Så följs löftet upp",
        "cadence": "Hur ofta",
        "forum": "Forum",
        "due_days": "Redovisas",
        "due_days_value": "{days} dagar efter periodens slut",
        "calendar": "Uppföljningskalender",
        "covers": "Avser",
        "due": "Redovisas senast",
        "state": "Läge",
        "late": "försenad",
        "no_calendar": "Löftet har inga uppföljningstillfällen.",
        "state_counts": "Genomförda: {held}. Försenade: {overdue}. Snart: {due_soon}. "
        "Kommande: {upcoming}.",
        "gaps": "Aktiviteter utan rapport under en uppföljd period",
        "no_activities": "Inga aktiviteter.",
        "none": "–",
        "undated": "odaterad",
        "footer": "Skapad med medborgarlofte ur löftet {id}.",
    },
    "en": {
        "brief": "At a glance",
        "report_brief": "Follow-up in brief",
        "bar_done": "done {done}",
        "bar_done_expected": "done {done}, expected {expected}",
        "brief_activities": "The activities",
        "brief_next": "Next follow-up",
        "figure": "{done} of {planned}",
        "brief_elapsed": "{elapsed} of the period {period} has passed.",
        "brief_behind": "Behind or at risk",
        "brief_none_behind": "No activity is behind.",
        "brief_overdue": "Overdue follow-ups",
        "brief_due": "Next, within 60 days",
        "brief_nothing_due": "Nothing is due in the next 60 days.",
        "brief_achieved": "Achieved",
        "brief_due_by": "due by {due}",
        "key": "How to read the report",
        "key_thresholds": (
            "An activity with a number is on track when at least {on_track} of what was expected "
            "by the date is done, behind below that and at risk below {at_risk}. What is expected "
            "is spread evenly over the period, or per interval when the target is per year, "
            "tertial or quarter."
        ),
        "key_columns": (
            "Planned is what the promise promises for the whole period, Expected what should be "
            "done by the date, Done what was reported and Share how much of the plan is done."
        ),
        "other_work": "Other work done",
        "other_work_intro": "Reports that belong to no activity of the promise.",
        "link_unrestated": "promised, but not restated in the promise",
        "link_unpromised": "not promised",
        "details": "How it is done",
        "d_timing": "When",
        "d_method": "Method",
        "d_condition": "Condition",
        "d_participants": "Taking part",
        "d_places": "Places",
        "d_target_group": "Target group",
        "d_purpose": "Purpose",
        "report": "Follow-up report",
        "as_of": "As of {date}",
        "generated": "The report shows where things stood at the end of {date}.",
        "promise": "The promise",
        "period": "Period",
        "unknown_period": "unknown",
        "signed_on": "Signed",
        "elapsed": "Time elapsed",
        "url": "Published at",
        "parties": "Parties",
        "party": "Party",
        "kind": "Kind",
        "role": "Role",
        "signatories": "Signatories",
        "name": "Name",
        "title": "Title",
        "date": "Date",
        "contacts": "Contacts",
        "contact": "Contact",
        "basis": "Basis (situational picture)",
        "source": "Source",
        "year": "Year",
        "problems": "Problems the situational picture names",
        "overview": "Overview",
        "completion": "Done",
        "expected_completion": "Expected by the date",
        "status": "Status",
        "activities_count": "Activities",
        "count": "Count",
        "bars_title": "Done against expected, per activity",
        "focus_area": "Focus area",
        "other_activities": "Other activities",
        "activity": "Activity",
        "target": "Target",
        "wording": "Wording in the promise",
        "responsible": "Responsible",
        "planned": "Planned",
        "expected": "Expected",
        "done": "Done",
        "share": "Share",
        "reason": "Reason",
        "per_party": "Per party",
        "party_row": "{name}: {done} of {planned}, {status}",
        "reports": "What was done",
        "no_reports": "Nothing reported.",
        "assessment": "Latest assessment",
        "assessed_at": "at the follow-up on {date}",
        "timeline_title": "{title}: done over time against expected",
        "cancelled": "Cancelled",
        "indicators": "Indicators",
        "indicator": "Indicator",
        "unit": "Unit",
        "baseline": "Baseline",
        "target_value": "Target",
        "latest": "Latest value",
        "no_indicators": "The promise has no indicators.",
        "follow_up": "Follow-up",
        "rules": "How the promise is followed up",
        "cadence": "How often",
        "forum": "Forum",
        "due_days": "Reported",
        "due_days_value": "{days} days after the period ends",
        "calendar": "Follow-up calendar",
        "covers": "Covers",
        "due": "Due",
        "state": "State",
        "late": "late",
        "no_calendar": "The promise has no follow-up occasions.",
        "state_counts": "Held: {held}. Overdue: {overdue}. Due soon: {due_soon}. "
        "Upcoming: {upcoming}.",
        "gaps": "Activities with no report in a period that was followed up",
        "no_activities": "No activities.",
        "none": "–",
        "undated": "undated",
        "footer": "Made with medborgarlofte from the promise {id}.",
    },
}
"""The words and sentences of the follow-up report (uppföljningsrapport), per language."""


TARGET_WORDS: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "period": "under perioden",
        "of_which": "varav",
        "in": "i",
        "dates": "{unit} på fasta datum ({count} under perioden{listed})",
        "dates_unit": "tillfällen",
        "due": "klart senast {date}",
        "once": "en engångsuppgift",
        "ongoing": "löpande, utan antal",
    },
    "en": {
        "period": "over the period",
        "of_which": "of which",
        "in": "in",
        "dates": "{unit} on fixed dates ({count} in the period{listed})",
        "dates_unit": "occasions",
        "due": "done by {date}",
        "once": "a one-off task",
        "ongoing": "ongoing, without a number",
    },
}
"""The words of a target described in words (målet i ord), per language."""


STATUS_SYMBOLS: Final[Mapping[str, str]] = {
    "achieved": "\N{CHECK MARK}",
    "on_track": "\N{NORTH EAST ARROW}",
    "not_started": "\N{WHITE CIRCLE}",
    "behind": "\N{SOUTH EAST ARROW}",
    "at_risk": "!",
    "overdue": "!",
    "missed": "\N{BALLOT X}",
    "cancelled": "\N{EN DASH}",
    "not_assessable": "?",
}
"""A symbol per status (``Status.value``), so that a status never rests on colour alone."""


def pick(texts: Mapping[Language, str], lang: Language) -> str:
    """Return the text in *lang*; any language but Swedish gets the English text.

    >>> pick(STATUSES["behind"], "en")
    'behind'
    """
    return texts["sv"] if lang == "sv" else texts["en"]


UNIT_FORMS: Final[tuple[tuple[str, str], ...]] = (
    ("trafikkontroll", "trafikkontroller"),
    ("kontroll", "kontroller"),
    ("trygghetsvandring", "trygghetsvandringar"),
    ("nattvandring", "nattvandringar"),
    ("vandring", "vandringar"),
    ("insats", "insatser"),
    ("kvällsinsats", "kvällsinsatser"),
    ("riktad insats", "riktade insatser"),
    ("föräldramöte", "föräldramöten"),
    ("möte", "möten"),
    ("lägesbildsmöte", "lägesbildsmöten"),
    ("narkotikasök", "narkotikasök"),
    ("hundsök", "hundsök"),
    ("utbildning", "utbildningar"),
    ("träff", "träffar"),
    ("besök", "besök"),
    ("skolbesök", "skolbesök"),
    ("aktivitet", "aktiviteter"),
    ("dialog", "dialoger"),
    ("medborgardialog", "medborgardialoger"),
    ("kamera", "kameror"),
    ("timme", "timmar"),
    ("dag", "dagar"),
    ("brott", "brott"),
    ("narkotikabrott", "narkotikabrott"),
    ("person", "personer"),
    ("deltagare", "deltagare"),
)
"""Units of count the catalogue knows in both forms, singular first (enheter).

A document states a unit in one form, ``"trafikkontroller"`` or
``"kvällsinsats"``; a sentence needs the form its number asks for. A unit not
listed here is not bent: :func:`quantity` writes it as a label instead
(``"patruller: 3"`` style), which is grammatical whatever the number.
"""

_UNIT_LOOKUP: Final[Mapping[str, tuple[str, str]]] = {
    form: pair for pair in UNIT_FORMS for form in pair
}

NOUNS: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "day": {"sv": ("dag", "dagar"), "en": ("day", "days")},
    "activity": {"sv": ("aktivitet", "aktiviteter"), "en": ("activity", "activities")},
    "report": {"sv": ("rapport", "rapporter"), "en": ("report", "reports")},
    "follow_up": {"sv": ("uppföljning", "uppföljningar"), "en": ("follow-up", "follow-ups")},
}
"""The library's own countable words, singular and plural, per language."""

STATUS_COUNTS: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "achieved": {
        "sv": ("{n} aktivitet uppnådd", "{n} aktiviteter uppnådda"),
        "en": ("{n} activity achieved", "{n} activities achieved"),
    },
    "on_track": {
        "sv": ("{n} aktivitet enligt plan", "{n} aktiviteter enligt plan"),
        "en": ("{n} activity on track", "{n} activities on track"),
    },
    "not_started": {
        "sv": ("{n} aktivitet ej påbörjad", "{n} aktiviteter ej påbörjade"),
        "en": ("{n} activity not started", "{n} activities not started"),
    },
    "behind": {
        "sv": ("{n} aktivitet efter plan", "{n} aktiviteter efter plan"),
        "en": ("{n} activity behind", "{n} activities behind"),
    },
    "at_risk": {
        "sv": ("{n} aktivitet i riskzonen", "{n} aktiviteter i riskzonen"),
        "en": ("{n} activity at risk", "{n} activities at risk"),
    },
    "overdue": {
        "sv": ("{n} aktivitet försenad", "{n} aktiviteter försenade"),
        "en": ("{n} activity overdue", "{n} activities overdue"),
    },
    "missed": {
        "sv": ("{n} aktivitet ej uppnådd", "{n} aktiviteter ej uppnådda"),
        "en": ("{n} activity missed", "{n} activities missed"),
    },
    "cancelled": {
        "sv": ("{n} aktivitet avbruten", "{n} aktiviteter avbrutna"),
        "en": ("{n} activity cancelled", "{n} activities cancelled"),
    },
    "not_assessable": {
        "sv": ("{n} aktivitet kan inte bedömas", "{n} aktiviteter kan inte bedömas"),
        "en": ("{n} activity not assessable", "{n} activities not assessable"),
    },
}
"""How many activities have a status (``Status.value``), singular and plural."""

SENTENCES: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "days_late": {
        "sv": ("försenad sedan {n} dag", "försenad sedan {n} dagar"),
        "en": ("{n} day late", "{n} days late"),
    },
    "days_ago": {
        "sv": ("för {n} dag sedan", "för {n} dagar sedan"),
        "en": ("{n} day ago", "{n} days ago"),
    },
    "in_days": {
        "sv": ("om {n} dag", "om {n} dagar"),
        "en": ("in {n} day", "in {n} days"),
    },
}
"""Sentences around a count of days, singular and plural."""

_LOCALES: Final[Mapping[Language, str]] = {"sv": "sv_SE", "en": "en_GB"}
_NUMBER_PATTERN: Final = "#,##0.##"
_GROUP: Final[Mapping[Language, str]] = {"sv": "\N{NO-BREAK SPACE}", "en": ","}
_DECIMAL: Final[Mapping[Language, str]] = {"sv": ",", "en": "."}


def _babel_decimal(value: Decimal, lang: Language) -> str | None:
    try:
        from babel.numbers import format_decimal  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - Babel is installed wherever the tests run
        return None
    return str(format_decimal(value, format=_NUMBER_PATTERN, locale=_LOCALES[lang]))


def _rounded(value: float) -> Decimal:
    """Return *value* to two decimals, halves away from zero, without a negative zero."""
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Decimal(0) if rounded == 0 else rounded


def plain_number(value: float, lang: Language) -> str:
    """Return *value* as :func:`number` does, without Babel (the fallback).

    Rounded to two decimals, trailing zeros dropped, thousands grouped:
    a no-break space and a decimal comma in Swedish, a comma and a point in
    English.

    >>> plain_number(1234.5, "en"), plain_number(-0.5, "en"), plain_number(-0.001, "sv")
    ('1,234.5', '-0.5', '0')
    """
    text = f"{_rounded(value):,.2f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    signs: dict[str, str | int | None] = {",": _GROUP[lang], ".": _DECIMAL[lang]}
    return text.translate(str.maketrans(signs))


def number(value: float | None, lang: Language) -> str:
    """Return a figure for people, ``–`` for none.

    Up to two decimals, so that 0.99 is not rounded to 1, with the grouping
    and decimal sign of Swedish (``sv_SE``) or British English (``en_GB``),
    formatted by Babel when it is installed and by :func:`plain_number`
    (which gives the same text) when it is not.

    >>> number(1234.5, "sv") == "1\N{NO-BREAK SPACE}234,5", number(1234.5, "en")
    (True, '1,234.5')
    >>> number(0.99, "sv"), number(3.0, "en"), number(None, "en")
    ('0,99', '3', '–')
    """
    if value is None or not math.isfinite(value):
        return "–"
    return _babel_decimal(_rounded(value), lang) or plain_number(value, lang)


def percent(value: float | None, lang: Language) -> str:
    """Return a share as a whole percentage, ``–`` for none.

    Swedish puts a no-break space before the sign, English none.

    >>> percent(0.724, "sv") == "72\N{NO-BREAK SPACE}%", percent(0.724, "en")
    (True, '72%')
    """
    if value is None or not math.isfinite(value * 100):
        return "–"
    whole = round(value * 100)
    return (
        f"{number(whole, lang)}\N{NO-BREAK SPACE}%" if lang == "sv" else f"{number(whole, lang)}%"
    )


def is_one(value: float) -> bool:
    """Return whether *value*, as :func:`number` shows it, takes the singular.

    Swedish and English agree (CLDR plural rule ``one``: the integer 1 and
    no visible decimals): 1 takes the singular; 0, 2 and every fraction,
    0.99 and 1.5 alike, the plural.

    >>> is_one(1), is_one(1.0), is_one(0.99), is_one(1.001), is_one(0)
    (True, True, False, True, False)
    """
    return _rounded(value) == 1


def plural(value: float, forms: tuple[str, str]) -> str:
    """Return the singular or the plural of *forms* as *value* needs it."""
    return forms[0] if is_one(value) else forms[1]


def unit_forms(unit: str) -> tuple[str, str] | None:
    """Return the singular and plural of *unit*, ``None`` for a unit not in :data:`UNIT_FORMS`.

    >>> unit_forms("trygghetsvandringar"), unit_forms("patruller")
    (('trygghetsvandring', 'trygghetsvandringar'), None)
    """
    return _UNIT_LOOKUP.get(unit.strip().casefold())


def unit_for(value: float, unit: str, *, forms: tuple[str, str] | None = None) -> str:
    """Return *unit* in the form *value* needs, or as written when its forms are not known.

    For phrases where the unit is the document's own word ("minst 50
    trafikkontroller under perioden"). *forms*, the singular and plural the
    document states, come first, then the catalogue's; an unknown unit is
    left as the document writes it, which is what the promise said.

    >>> unit_for(1, "trafikkontroller"), unit_for(9, "kvällsinsats"), unit_for(9, "patruller")
    ('trafikkontroll', 'kvällsinsatser', 'patruller')
    >>> unit_for(1, "patruller", forms=("patrull", "patruller"))
    'patrull'
    """
    found = forms or unit_forms(unit)
    return unit if found is None else plural(value, found)


def quantity(
    value: float | None, unit: str | None, lang: Language, *, forms: tuple[str, str] | None = None
) -> str:
    """Return *value* with *unit* in the form the number needs.

    *forms*, the singular and plural the document states, come first, then
    the catalogue's. A unit whose forms are not known keeps its own words
    beside the number in parentheses, so that no wrong form is made up.

    >>> quantity(1, "trygghetsvandringar", "sv"), quantity(2, "kvällsinsats", "en")
    ('1 trygghetsvandring', '2 kvällsinsatser')
    >>> quantity(0.99, "trygghetsvandring", "sv"), quantity(3, "patruller", "sv")
    ('0,99 trygghetsvandringar', '3 (patruller)')
    >>> quantity(1, "patruller", "sv", forms=("patrull", "patruller"))
    '1 patrull'
    """
    shown = number(value, lang)
    if value is None or not unit:
        return shown
    found = forms or unit_forms(unit)
    if found is None:
        return f"{shown} ({unit})"
    return f"{shown} {plural(value, found)}"


def count(n: float, noun: str, lang: Language) -> str:
    """Return *n* and a noun of :data:`NOUNS` that agrees with it.

    >>> count(1, "day", "sv"), count(31, "day", "sv"), count(2, "activity", "en")
    ('1 dag', '31 dagar', '2 activities')
    """
    forms = NOUNS[noun]["sv" if lang == "sv" else "en"]
    return f"{number(n, lang)} {plural(n, forms)}"


def counted(
    table: Mapping[str, Mapping[Language, tuple[str, str]]], key: str, n: float, lang: Language
) -> str:
    """Return the sentence *key* of *table* for the count *n*, singular or plural.

    >>> counted(SENTENCES, "days_late", 1, "sv"), counted(SENTENCES, "days_late", 31, "en")
    ('försenad sedan 1 dag', '31 days late')
    >>> counted(STATUS_COUNTS, "achieved", 4, "sv")
    '4 aktiviteter uppnådda'
    """
    forms = table[key]["sv"] if lang == "sv" else table[key]["en"]
    return plural(n, forms).format(n=number(n, lang))


MEASURED_RULES: Final = frozenset(
    {
        "no_baseline_or_target",
        "indicator_target_reached",
        "indicator_target_date_passed",
        "no_target_date",
        "on_trajectory",
        "off_trajectory",
        "worsened",
    }
)
"""The reasons of an indicator, whose unit is one of measure ("%", "anmälda brott")."""


def reason(
    rule: str,
    lang: Language,
    *,
    done: float | None = None,
    expected: float | None = None,
    planned: float | None = None,
    pace: float | None = None,
    threshold: str = "–",
    unit: str | None = None,
    value: float | None = None,
    baseline: float | None = None,
    date: str = "–",
    due: str = "–",
    on_date: str = "",
    verdict: str = "–",
    same_as: str = "–",
    forms: tuple[str, str] | None = None,
) -> str:
    """Return the sentence of :data:`REASONS` for *rule* with its figures.

    The case of the rule is chosen here: ``within_shortfall`` says so when
    nothing is missing. Numbers followed by a unit take its singular or
    plural, from *forms* (the forms the document states) or else the
    catalogue; a unit whose forms are not known leads the sentence as a label,
    so the numbers stand bare. For an indicator's reasons (:data:`MEASURED_RULES`)
    *unit* is a unit of measure, written after every value: "senaste värdet
    62 % har nått målvärdet 60 %".

    >>> reason("nothing_expected_yet", "sv", expected=0.99, threshold="1",
    ...        unit="trygghetsvandringar")
    'inget har genomförts ännu, och hittills väntas bara 0,99 trygghetsvandringar, mindre än 1'
    >>> reason("target_reached", "en", done=1, planned=1, threshold="1", unit="patruller")
    'patruller: 1 of 1 done, with at least 1 needed'
    """
    key = rule
    if rule == "within_shortfall" and done is not None and expected is not None:
        if abs(done - expected) < 0.005:  # noqa: PLR2004 - what two decimals show as equal
            key = "within_shortfall.even"
        elif done > expected:
            key = "within_shortfall.ahead"
    measured = rule in MEASURED_RULES

    def of_measure(figure: float | None) -> str:
        shown = number(figure, lang)
        return f"{shown} {unit}" if measured and unit and figure is not None else shown

    counted_unit = None if measured else unit
    found = None if counted_unit is None else forms or unit_forms(counted_unit)
    known = found is not None
    label = counted_unit if counted_unit and not known else None
    shortfall = None if done is None or expected is None else max(expected - done, 0)
    text = pick(REASONS[key], lang).format(
        done=number(done, lang),
        expected=of_measure(expected),
        planned=of_measure(planned),
        shortfall=number(shortfall, lang),
        done_q=quantity(done, unit if known else None, lang, forms=found),
        expected_q=quantity(expected, unit if known else None, lang, forms=found),
        planned_q=quantity(planned, unit if known else None, lang, forms=found),
        pace=percent(pace, lang),
        threshold=threshold,
        value=of_measure(value),
        baseline=of_measure(baseline),
        date=date,
        due=due,
        on_date=on_date,
        verdict=verdict,
        unit=f" {plural(2, found or (unit, unit))}" if unit and not measured else "",
        same_as=same_as,
    )
    uses_unit = any(
        f"{{{name}_q}}" in pick(REASONS[key], lang) for name in ("done", "expected", "planned")
    )
    if label is not None and uses_unit:
        return f"{label}: {text}"
    return text
