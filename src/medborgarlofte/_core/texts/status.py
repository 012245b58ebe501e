"""The words of progress: statuses, their reasons, verdicts, cadences and counts (läge).

The tables are keyed by each enum's ``.value`` (this folder imports nothing
of the model), with one entry per language; the enums' own methods
(``Status.label``, ``StatusReason.text``, ``Verdict.label`` ...) read from
here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from medborgarlofte._core.texts.numbers import (
    NBSP,
    number,
    percent,
    pick,
    plural,
    quantity,
    unit_forms,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

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
            "minst {threshold} räknas som enligt plan"
        ),
        "en": (
            "{done} done against {expected_q} expected so far, {pace} of what was expected; "
            "at least {threshold} counts as on track"
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

WORDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "week": {"sv": "vecka", "en": "week"},
    "whole_period": {"sv": "hela perioden", "en": "whole period"},
    "meeting": {"sv": "möte", "en": "meeting"},
    "police_region": {"sv": "polisregion", "en": "police region"},
    "at": {"sv": "vid", "en": "at"},
}
"""Words of labels.

"vecka 12 2024", "hela perioden 2023", "möte 1 mars 2024", "polisregion Mitt",
"fel empty-text vid $.id".
"""

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

    A number and its unit are joined by a no-break space (shown as ``~`` here).

    >>> reason("nothing_expected_yet", "sv", expected=0.99, threshold="1",
    ...        unit="trygghetsvandringar").replace(NBSP, "~")
    'inget har genomförts ännu, och hittills väntas bara 0,99~trygghetsvandringar, mindre än 1'
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
        return f"{shown}{NBSP}{unit}" if measured and unit and figure is not None else shown

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
