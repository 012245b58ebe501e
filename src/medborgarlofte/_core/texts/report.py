"""The words of the follow-up report, its charts and its calendar export (rapport).

Per language, a table of labels and sentences with named fields; a field
that is a number followed by its unit is written by the catalogue's counted
sentences or :func:`~medborgarlofte._core.texts.quantity`, never glued here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

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
        "brief_due": "Närmast, inom 60\N{NO-BREAK SPACE}dagar",
        "brief_nothing_due": "Inget ska redovisas de närmaste 60\N{NO-BREAK SPACE}dagarna.",
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
        "approx": "cirka",
        "acting": "tf.",
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
        "brief_due": "Next, within 60\N{NO-BREAK SPACE}days",
        "brief_nothing_due": "Nothing is due in the next 60\N{NO-BREAK SPACE}days.",
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
        "approx": "about",
        "acting": "acting",
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


REPORT_COUNTED: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "due_days": {
        "sv": ("{n} dag efter periodens slut", "{n} dagar efter periodens slut"),
        "en": ("{n} day after the period ends", "{n} days after the period ends"),
    },
}
"""The report's sentences around a count (``{n}``), singular and plural."""

PARTY_KINDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "police": {"sv": "polisen", "en": "police"},
    "municipality": {"sv": "kommun", "en": "municipality"},
    "region": {"sv": "region", "en": "region"},
    "county_board": {"sv": "länsstyrelse", "en": "county board"},
    "rescue_service": {"sv": "räddningstjänst", "en": "rescue service"},
    "housing_company": {"sv": "bostadsbolag", "en": "housing company"},
    "school": {"sv": "skola", "en": "school"},
    "association": {"sv": "förening", "en": "association"},
    "business": {"sv": "näringsliv", "en": "business"},
    "other": {"sv": "annan", "en": "other"},
}
"""The kind of a party (``PartyKind.value``), as the report names it."""

PARTY_ROLES: Final[Mapping[str, Mapping[Language, str]]] = {
    "principal": {"sv": "part", "en": "party to the promise"},
    "partner": {"sv": "samverkanspart", "en": "partner"},
    "co_actor": {"sv": "medaktör", "en": "co-actor"},
}
"""The role of a party (``PartyRole.value``), as the report names it."""

SOURCE_KINDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "citizen_dialogue": {"sv": "medborgardialog", "en": "citizen dialogue"},
    "employee_dialogue": {"sv": "medarbetardialog", "en": "employee dialogue"},
    "survey": {"sv": "enkät", "en": "survey"},
    "crime_statistics": {"sv": "brottsstatistik", "en": "crime statistics"},
    "local_intelligence": {"sv": "lokal underrättelseinformation", "en": "local intelligence"},
    "situation_report": {"sv": "lägesbild", "en": "situation report"},
    "other": {"sv": "annat", "en": "other"},
}
"""The kind of a source of the situational picture (``SourceKind.value``)."""

REPORT_KINDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "done": {"sv": "genomfört", "en": "done"},
    "planned": {"sv": "planerat", "en": "planned"},
    "not_done": {"sv": "ej genomfört", "en": "not done"},
}
"""What a report says of its work (``ReportKind.value``)."""

BOUNDS: Final[Mapping[str, Mapping[Language, str]]] = {
    "at_least": {"sv": "minst ", "en": "at least "},
    "target": {"sv": "", "en": ""},
    "about": {"sv": "cirka ", "en": "about "},
    "at_most": {"sv": "högst ", "en": "at most "},
}
"""How a target's amount is bounded (``Bound.value``), as the words before the number."""

PER_INTERVAL: Final[Mapping[str, Mapping[Language, str]]] = {
    "week": {"sv": "per vecka", "en": "a week"},
    "month": {"sv": "per månad", "en": "a month"},
    "quarter": {"sv": "per kvartal", "en": "a quarter"},
    "tertial": {"sv": "per tertial", "en": "a tertial"},
    "half_year": {"sv": "per halvår", "en": "a half-year"},
    "year": {"sv": "per år", "en": "a year"},
}
"""The interval of a quota (``Interval.value``), as the words after its amount."""

CHART: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "done": "gjort",
        "expected": "förväntat",
        "as_of": "per {date}",
        "share": "andel av målet",
        "period_end": "periodens slut",
        "target": "mål",
    },
    "en": {
        "done": "done",
        "expected": "expected",
        "as_of": "as of {date}",
        "share": "share of the target",
        "period_end": "end of period",
        "target": "target",
    },
}
"""The words of the report's charts (diagram), per language."""

ICAL: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "follow_up": "Uppföljning",
        "promise": "Medborgarlöfte",
        "covers": "Avser",
        "due": "Redovisas senast",
        "moved": "flyttat från",
        "responsible": "Ansvarig",
        "rule": "Regel",
        "published": "Publiceras",
        "wording": "Åtagande",
    },
    "en": {
        "follow_up": "Follow-up",
        "promise": "Citizen promise",
        "covers": "Covers",
        "due": "Due",
        "moved": "moved from",
        "responsible": "Responsible",
        "rule": "Rule",
        "published": "Published",
        "wording": "Commitment",
    },
}
"""The words of the iCalendar export's summaries and descriptions, per language."""
