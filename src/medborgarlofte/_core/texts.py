"""Every Swedish and English word the computations and the model's enums give (texter).

One place for the texts of statuses and their definitions, the reasons a
status was given, verdicts, cadences, reasons for a shortfall, severities,
follow-up states, reporting intervals and table headers, so that a change of
wording (or a third language) is made here and nowhere else.

The tables are plain data keyed by each enum's ``.value`` (this folder
imports nothing of the model), with one entry per language. The enums'
own methods (``Status.label``, ``StatusReason.text``, ``Verdict.label`` ...)
read from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

__all__ = [
    "CADENCES",
    "CANCELLED_ON",
    "MONTH_NAMES",
    "OCCASION_STATES",
    "PARTY_REASON",
    "PORTFOLIO_HEADERS",
    "REASONS",
    "REASON_CODES",
    "REASON_VERDICTS",
    "SEVERITIES",
    "STATUSES",
    "STATUS_DEFINITIONS",
    "VERDICTS",
    "WORDS",
    "number",
    "percent",
    "pick",
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
        "sv": "{done} av {planned}{unit} gjort; minst {threshold} krävs",
        "en": "{done} of {planned}{unit} done; at least {threshold} are needed",
    },
    "period_ended_short": {
        "sv": "perioden är slut med {done} av {planned}{unit} gjort; minst {threshold} krävdes",
        "en": (
            "the period is over with {done} of {planned}{unit} done; "
            "at least {threshold} were needed"
        ),
    },
    "nothing_expected_yet": {
        "sv": "inget gjort, och hittills förväntas {expected}{unit}, mindre än {threshold}",
        "en": "nothing done, and only {expected}{unit} expected so far, less than {threshold}",
    },
    "within_shortfall": {
        "sv": (
            "{done} gjort mot {expected}{unit} förväntat; underskottet är mindre än {threshold}"
        ),
        "en": (
            "{done} done against {expected}{unit} expected; the shortfall is less than {threshold}"
        ),
    },
    "pace_on_track": {
        "sv": "{done} gjort mot {expected}{unit} förväntat: takten {pace} når gränsen {threshold}",
        "en": (
            "{done} done against {expected}{unit} expected: the pace of {pace} reaches {threshold}"
        ),
    },
    "pace_behind": {
        "sv": "{done} gjort mot {expected}{unit} förväntat: takten {pace} är under {threshold}",
        "en": (
            "{done} done against {expected}{unit} expected: the pace of {pace} is below {threshold}"
        ),
    },
    "pace_at_risk": {
        "sv": (
            "{done} gjort mot {expected}{unit} förväntat: takten {pace} är under riskgränsen "
            "{threshold}"
        ),
        "en": (
            "{done} done against {expected}{unit} expected: the pace of {pace} is below the risk "
            "threshold of {threshold}"
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
        "en": "the promise promises a number{unit} but does not state how many, so there is "
        "nothing to count against",
    },
    "same_as_unresolved": {
        "sv": "målet ska vara samma antal som aktiviteten {same_as}, men det antalet går inte "
        "att fastställa",
        "en": "the target is meant as the same amount as the activity {same_as}, but that "
        "amount cannot be established",
    },
    "no_data": {"sv": "inga mätvärden ännu", "en": "no measurements yet"},
    "no_baseline_or_target": {
        "sv": "senaste värdet är {value}{unit}, men utgångsvärde eller målvärde saknas",
        "en": "the latest value is {value}{unit}, but the baseline or the target is missing",
    },
    "indicator_target_reached": {
        "sv": "senaste värdet {value}{unit} har nått målvärdet {planned}",
        "en": "the latest value {value}{unit} has reached the target {planned}",
    },
    "indicator_target_date_passed": {
        "sv": (
            "måldatumet {due} har passerat och senaste värdet {value}{unit} når inte målvärdet "
            "{planned}"
        ),
        "en": (
            "the target date {due} has passed and the latest value {value}{unit} falls short of "
            "the target {planned}"
        ),
    },
    "no_target_date": {
        "sv": (
            "senaste värdet är {value}{unit}, men målvärdet har inget datum och löftet ingen period"
        ),
        "en": (
            "the latest value is {value}{unit}, but the target has no date and the promise no "
            "period"
        ),
    },
    "on_trajectory": {
        "sv": (
            "senaste värdet {value}{unit} är minst lika bra som {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        "en": (
            "the latest value {value}{unit} is at least as good as {expected} on the straight line "
            "from the baseline {baseline} to the target {planned}"
        ),
    },
    "off_trajectory": {
        "sv": (
            "senaste värdet {value}{unit} ligger efter {expected} på den raka linjen från "
            "utgångsvärdet {baseline} till målvärdet {planned}"
        ),
        "en": (
            "the latest value {value}{unit} lags {expected} on the straight line from the baseline "
            "{baseline} to the target {planned}"
        ),
    },
    "worsened": {
        "sv": "senaste värdet {value}{unit} är sämre än utgångsvärdet {baseline}",
        "en": "the latest value {value}{unit} is worse than the baseline {baseline}",
    },
}
"""Why a status was given (``StatusRule.value``): a template for :meth:`str.format`.

The fields are those of a ``StatusReason`` rendered as text, plus
``on_date`` (the day an activity was dropped, with its preposition, or
nothing) and ``same_as`` (the activity a target repeats the amount of).
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


def pick(texts: Mapping[Language, str], lang: Language) -> str:
    """Return the text in *lang*; any language but Swedish gets the English text.

    >>> pick(STATUSES["behind"], "en")
    'behind'
    """
    return texts["sv"] if lang == "sv" else texts["en"]


def number(value: float | None, lang: Language) -> str:
    """Return a figure for people: whole numbers bare, others to one decimal, ``–`` for none.

    >>> number(2.25, "sv"), number(2.25, "en"), number(3.0, "sv"), number(None, "en")
    ('2,2', '2.2', '3', '–')
    """
    if value is None:
        return "–"
    rounded = round(value, 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang == "sv" else text


def percent(value: float | None, lang: Language) -> str:
    """Return a share as a whole percentage, ``–`` for none.

    >>> percent(0.724, "sv"), percent(0.724, "en")
    ('72 %', '72%')
    """
    if value is None:
        return "–"
    return f"{round(value * 100)} %" if lang == "sv" else f"{round(value * 100)}%"
