"""The Hofors medborgarlöfte 2023–2024, built from the facts of its press release.

The police in Gästrikland and Hofors kommun signed a medborgarlöfte on
12 December 2022 for 2023 and 2024. What the press release states is entered
as fact: the parties, who signed and when, the period, the kommunpolis, the
two focus areas (trygghet, droganvändning), the six activities, the basis of
the lägesbild and BRÅ as the forum.

Everything the press release does not say is ILLUSTRATIVE and marked so in
the data, in Swedish ("illustrativt"): every target number and frequency,
the follow-up rule (BRÅ each tertial, report due 30 days after), the
follow-ups held, every report and the indicator. They are there so the other
examples have something to compute with; they are not what Hofors promised
or did.

    python examples/hofors.py             # the promise in Swedish
    python examples/hofors.py --lang en   # headings and targets in English

Other examples import :func:`build_promise` with this directory on ``sys.path``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from medborgarlofte import (
    Activity,
    Assessment,
    Basis,
    Bound,
    Cadence,
    Contact,
    Direction,
    FocusArea,
    FollowUp,
    FollowUpRule,
    Indicator,
    IndicatorTarget,
    Interval,
    IntervalQuota,
    Measurement,
    Milestone,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Promise,
    Quantity,
    QuantityKind,
    ReasonCode,
    Recurrence,
    Report,
    Responsibility,
    Schedule,
    Signatory,
    Source,
    SourceKind,
    SubTarget,
    Verdict,
    activity_dates,
    describe_target,
    intervals,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from medborgarlofte import Language

ILLUSTRATIVE = "illustrativt"
"""The mark on everything the press release does not say."""

PERIOD = Period(start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31))
SIGNED = dt.date(2022, 12, 12)

POLICE = "polisen"
KOMMUN = "hofors"
SAFETY = "trygghet"
DRUGS = "droganvandning"

TRAFFIC = "trafikkontroller"
MOTOR = "motorburen-problematik"
WALKS = "trygghetsvandringar"
NARCOTICS = "narkotika-och-vapen"
ALCOHOL_FREE = "alkoholfria-aktiviteter"
ATTITUDES = "ungdomars-trafikattityder"

RULE = "bra-tertial"

EVENINGS = Recurrence(rule="FREQ=YEARLY;BYMONTH=4,5,6,7,8,9;BYDAY=-1FR")
"""Illustrative: the last Friday of each month from April to September."""

TERTIALS = tuple(ri.period for ri in intervals(PERIOD, Interval.TERTIAL))
"""The six tertials of the period, T1 2023 to T3 2024."""


def illustrative(text: str) -> str:
    """Return *text* marked as illustrative: not stated in the press release."""
    return f"{text} ({ILLUSTRATIVE}: anges inte i pressmeddelandet)"


# --- the facts ---------------------------------------------------------------------


def _parties() -> tuple[Party, ...]:
    return (
        Party(
            id=POLICE,
            kind=PartyKind.POLICE,
            name="Polisen, lokalpolisområde Gästrikland",
            police_region="Mitt",
            police_area="Gävleborg",
            local_police_area="Gästrikland",
        ),
        Party(id=KOMMUN, kind=PartyKind.MUNICIPALITY, name="Hofors kommun", kommunkod="2104"),
    )


def _basis() -> Basis:
    return Basis(
        sources=(
            Source(
                id="lagesbild",
                kind=SourceKind.SITUATION_REPORT,
                description="Aktuell lägesbild för Hofors kommun",
            ),
            Source(
                id="medarbetardialoger",
                kind=SourceKind.EMPLOYEE_DIALOGUE,
                description="Polisens medarbetardialoger",
            ),
        ),
        problems=("otrygghet", "droganvändning"),
        summary=(
            "Parterna valde fokusområden med stöd av kommunens lägesbild och av vad "
            "polisens medarbetare lyft fram i dialoger."
        ),
    )


def _focus_areas() -> tuple[FocusArea, ...]:
    return (
        FocusArea(
            id=SAFETY,
            title="Trygghet",
            description="Att invånarna ska känna sig trygga i Hofors.",
        ),
        FocusArea(
            id=DRUGS,
            title="Droganvändning",
            description="Att förebygga och motverka att narkotika används.",
        ),
    )


# --- the six activities: titles are facts, targets are illustrative ------------------


def _activities() -> tuple[Activity, ...]:
    both = (POLICE, KOMMUN)
    return (
        Activity(
            id=TRAFFIC,
            title="Trafikkontroller",
            target=PeriodQuota(
                amount=40,
                unit="trafikkontroller",
                bound=Bound.AT_LEAST,
                wording=illustrative("Minst 40 trafikkontroller under 2023–2024"),
            ),
            responsible=(POLICE,),
            focus_areas=(SAFETY,),
        ),
        Activity(
            id=MOTOR,
            title="Insatser mot motorburen problematik",
            target=Schedule(
                recurrence=EVENINGS,
                unit="kvällsinsats",
                wording=illustrative(
                    "En kvällsinsats sista fredagen i varje månad från april till september"
                ),
            ),
            responsible=(POLICE,),
            participants=(KOMMUN,),
            focus_areas=(SAFETY,),
            timing="kvällstid",
        ),
        Activity(
            id=WALKS,
            title="Trygghetsvandringar",
            target=IntervalQuota(
                amount=2,
                unit="trygghetsvandringar",
                per=Interval.YEAR,
                bound=Bound.AT_LEAST,
                wording=illustrative("Minst två trygghetsvandringar varje år"),
            ),
            responsible=both,
            responsibility=Responsibility.JOINT,
            focus_areas=(SAFETY,),
        ),
        Activity(
            id=NARCOTICS,
            title="Riktade insatser mot narkotika och vapen",
            target=PeriodQuota(
                amount=24,
                unit="riktade insatser",
                bound=Bound.AT_LEAST,
                sub_targets=(
                    SubTarget(
                        description="insatser nära skolor och fritidsgårdar",
                        share=0.25,
                        bound=Bound.AT_LEAST,
                    ),
                ),
                wording=illustrative(
                    "Minst 24 riktade insatser, varav minst en fjärdedel nära skolor "
                    "och fritidsgårdar"
                ),
            ),
            responsible=(POLICE,),
            focus_areas=(DRUGS,),
        ),
        Activity(
            id=ALCOHOL_FREE,
            title="Stöd till alkoholfria aktiviteter",
            target=Ongoing(
                wording=illustrative("Löpande stöd, utan antal, till alkoholfria arrangemang")
            ),
            responsible=(KOMMUN,),
            participants=(POLICE,),
            focus_areas=(DRUGS,),
        ),
        Activity(
            id=ATTITUDES,
            title="Diskutera ungdomars trafikattityder",
            target=Milestone(
                due=dt.date(2023, 10, 31),
                wording=illustrative(
                    "Ett samtal om trafikattityder med unga, klart senast 31 oktober 2023"
                ),
            ),
            responsible=both,
            focus_areas=(SAFETY,),
        ),
    )


# --- illustrative follow-up: rule, follow-ups held, reports, indicator -------------


def _follow_up_rule() -> FollowUpRule:
    return FollowUpRule(
        id=RULE,
        cadence=Cadence.TERTIAL,
        forum="BRÅ",
        responsible=KOMMUN,
        report_due_days=30,
        description=illustrative(
            "BRÅ följer upp löftet varje tertial; redovisningen ska vara klar 30 dagar "
            "efter att tertialet slutat"
        ),
    )


def _follow_ups() -> tuple[FollowUp, ...]:
    def held(number: int, on: dt.date, summary: str, assessments: Sequence[Assessment]) -> FollowUp:
        return FollowUp(
            id=f"bra-2023-t{number}",
            held_on=on,
            rule=RULE,
            covers=TERTIALS[number - 1],
            forum="BRÅ",
            participants=(POLICE, KOMMUN),
            summary=illustrative(summary),
            assessments=tuple(assessments),
        )

    going = Assessment(activity=ALCOHOL_FREE, verdict=Verdict.ONGOING)
    return (
        held(
            1,
            dt.date(2023, 5, 25),
            "Första tertialet gick i stort enligt plan; insatserna mot narkotika har kommit "
            "igång långsamt.",
            [going, Assessment(activity=NARCOTICS, verdict=Verdict.PARTLY_DONE)],
        ),
        held(
            2,
            dt.date(2023, 9, 21),
            "Sommarens kvällsinsatser genomfördes; samtalet med unga om trafik är planerat.",
            [going],
        ),
        held(
            3,
            dt.date(2024, 1, 25),
            "Året summerades: trafikdelen är i fas, narkotikainsatserna ligger efter.",
            [
                going,
                Assessment(activity=ATTITUDES, verdict=Verdict.DONE),
                Assessment(
                    activity=NARCOTICS,
                    verdict=Verdict.PARTLY_DONE,
                    reason=ReasonCode.RESOURCES,
                    note=illustrative("Personal fick tas till andra uppdrag under hösten"),
                ),
            ],
        ),
    )


def _per_tertial(activity: str, amounts: Sequence[int], note: str) -> list[Report]:
    """Return one report per tertial of the period, in order, with *amounts*."""
    return [
        Report(
            activity=activity,
            period=tertial,
            amount=amount,
            party=POLICE,
            note=illustrative(note),
        )
        for tertial, amount in zip(TERTIALS, amounts, strict=True)
    ]


def _reports() -> tuple[Report, ...]:
    reports = _per_tertial(TRAFFIC, [10, 8, 6, 7, 8, 6], "Trafikkontroller under tertialet")
    narcotics = _per_tertial(
        NARCOTICS, [3, 2, 3, 3, 4, 5], "Riktade insatser mot narkotika och vapen"
    )
    narcotics[2] = Report(
        activity=NARCOTICS,
        period=TERTIALS[2],
        amount=3,
        party=POLICE,
        note=illustrative("Tre insatser, färre än planerat"),
        reason=illustrative("Personal behövdes till andra uppdrag"),
        quantities=(Quantity(value=5, unit="narkotikabrott upptäckta", kind=QuantityKind.OUTCOME),),
    )
    reports += narcotics
    evenings = EVENINGS.dates(start=PERIOD.start, end=PERIOD.end)
    reports += [
        Report(
            activity=MOTOR,
            date=day,
            amount=1,
            party=POLICE,
            note=illustrative("Kvällsinsats mot motorburen problematik"),
        )
        for day in evenings
    ]
    reports += [
        Report(
            activity=WALKS,
            date=day,
            amount=1,
            party=KOMMUN,
            note=illustrative(note),
        )
        for day, note in (
            (dt.date(2023, 5, 16), "Trygghetsvandring i centrala Hofors"),
            (dt.date(2023, 10, 10), "Trygghetsvandring kring stationen"),
            (dt.date(2024, 4, 23), "Trygghetsvandring i centrala Hofors"),
            (dt.date(2024, 10, 8), "Trygghetsvandring vid skolorna"),
        )
    ]
    reports += [
        Report(
            activity=ALCOHOL_FREE,
            date=dt.date(2023, 6, 7),
            party=KOMMUN,
            note=illustrative("Kommunen bidrog till en drogfri fest efter skolavslutningen"),
        ),
        Report(
            activity=ATTITUDES,
            date=dt.date(2023, 9, 20),
            amount=1,
            party=KOMMUN,
            note=illustrative("Samtal om trafikvanor med elever i årskurs 9"),
            quantities=(
                Quantity(value=48, unit="elever", approximate=True, wording="ett femtiotal"),
            ),
        ),
    ]
    return tuple(reports)


def _indicator() -> Indicator:
    return Indicator(
        id="otrygghet-kvall",
        name="Andel som känner sig otrygga ute på kvällen",
        unit="%",
        direction=Direction.DECREASE,
        baseline=Measurement(
            date=dt.date(2022, 10, 1), value=31, note=illustrative("Utgångsvärde")
        ),
        target=IndicatorTarget(value=25, date=PERIOD.end),
        measurements=(
            Measurement(date=dt.date(2024, 10, 1), value=27.5, note=illustrative("Ny mätning")),
        ),
        focus_areas=(SAFETY,),
        description=illustrative("Mäts med en enkät till invånarna"),
    )


def build_promise() -> Promise:
    """Return the Hofors medborgarlöfte 2023–2024 with its illustrative follow-up."""
    return Promise(
        id="hofors-2023-2024",
        title="Medborgarlöfte för Hofors 2023–2024",
        parties=_parties(),
        period=PERIOD,
        period_text="2023 - 2024",
        signed_on=SIGNED,
        signatories=(
            Signatory(
                name="Temo Allenbäck",
                party=POLICE,
                title="lokalpolisområdeschef",
                signed_on=SIGNED,
            ),
            Signatory(
                name="Kenneth Axling",
                party=KOMMUN,
                title="kommunstyrelsens ordförande",
                signed_on=SIGNED,
            ),
        ),
        contacts=(Contact(name="Malin Lilliedahl", party=POLICE, title="kommunpolis"),),
        basis=_basis(),
        focus_areas=_focus_areas(),
        activities=_activities(),
        reports=_reports(),
        indicators=(_indicator(),),
        follow_up_rules=(_follow_up_rule(),),
        follow_ups=_follow_ups(),
        summary=(
            "Polisen och Hofors kommun arbetar tillsammans under 2023 och 2024 för att "
            "invånarna ska känna sig tryggare och för att färre ska använda droger. BRÅ "
            "är forumet där parterna delar sin bild av läget."
        ),
    )


# --- printing ----------------------------------------------------------------------

TEXT = {
    "sv": {
        "parties": "Parter",
        "code": "kommunkod",
        "region": "polisregion",
        "area": "polisområde",
        "signed": "Undertecknat",
        "by": "av",
        "period": "Period",
        "contact": "Kontakt",
        "basis": "Underlag",
        "focus": "Fokusområde",
        "responsible": "ansvar",
        "target": "mål",
        "follow_up": "Uppföljning",
        "due": "redovisas senast {days} dagar efter intervallets slut",
        "reports": "{count} rapporter, {follow_ups} uppföljningar hållna",
        "illustrative": "Alla mål, all uppföljning och alla rapporter är illustrativa.",
    },
    "en": {
        "parties": "Parties",
        "code": "kommunkod",
        "region": "police region",
        "area": "police area",
        "signed": "Signed",
        "by": "by",
        "period": "Period",
        "contact": "Contact",
        "basis": "Basis",
        "focus": "Focus area",
        "responsible": "responsible",
        "target": "target",
        "follow_up": "Follow-up",
        "due": "reported at most {days} days after the interval ends",
        "reports": "{count} reports, {follow_ups} follow-ups held",
        "illustrative": "Every target, the follow-up and every report are illustrative.",
    },
}


def target_in_words(promise: Promise, activity: Activity, lang: Language = "sv") -> str:
    """Return the activity's target in words, with the rule of a schedule."""
    target = activity.target
    if isinstance(target, Schedule):
        words = describe_target(target, lang=lang, dates=activity_dates(promise, activity))
        return f"{words} ({target.recurrence})"
    return describe_target(target, lang=lang)


def _people_lines(promise: Promise, words: dict[str, str]) -> list[str]:
    names = {p.id: p.name for p in promise.parties}
    lines = [f"{words['parties']}:"]
    for party in promise.parties:
        details = [
            f"{words[key]} {value}"
            for key, value in (
                ("code", party.kommunkod),
                ("region", party.police_region),
                ("area", party.police_area),
            )
            if value
        ]
        lines.append(f"  - {party.name}" + (f" ({', '.join(details)})" if details else ""))
    lines.append(f"{words['signed']} {promise.signed_on} {words['by']}:")
    lines += [f"  - {s.name}, {s.title} ({names[s.party]})" for s in promise.signatories]
    lines.append(f"{words['period']}: {promise.period}")
    lines += [
        f"{words['contact']}: {c.name}, {c.title} ({names[c.party]})" for c in promise.contacts
    ]
    return lines


def _activity_lines(promise: Promise, lang: Language) -> list[str]:
    words = TEXT[lang]
    names = {p.id: p.name for p in promise.parties}
    lines: list[str] = []
    for area in promise.focus_areas:
        lines += ["", f"{words['focus']}: {area.title}"]
        for activity in promise.activities_in(area.id):
            who = ", ".join(names[p] for p in activity.responsible)
            lines.append(f"  * {activity.title} ({words['responsible']}: {who})")
            lines.append(f"      {words['target']}: {target_in_words(promise, activity, lang)}")
            if activity.target.wording:
                lines.append(f"      «{activity.target.wording}»")
    return lines


def describe(promise: Promise, lang: Language = "sv") -> str:
    """Return the promise as readable text in *lang*: headings and targets; data as written."""
    words = TEXT[lang]
    lines = [promise.title, "=" * len(promise.title), ""]
    lines += _people_lines(promise, words)
    if promise.summary:
        lines += ["", promise.summary]
    lines += ["", f"{words['basis']}:"]
    lines += [f"  - {s.description}" for s in promise.basis.sources]
    lines += _activity_lines(promise, lang)
    lines += ["", f"{words['follow_up']}:"]
    for rule in promise.follow_up_rules:
        due = words["due"].format(days=rule.report_due_days)
        lines.append(f"  - {rule.forum}, {rule.cadence.label(lang)}, {due}")
        if rule.description:
            lines.append(f"      «{rule.description}»")
    reports = words["reports"].format(
        count=len(promise.reports), follow_ups=len(promise.follow_ups)
    )
    lines += [f"  {reports}", "", words["illustrative"]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the Hofors promise; ``--lang en`` for English headings and targets."""
    parser = argparse.ArgumentParser(description="Print the Hofors medborgarlöfte 2023–2024.")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    args = parser.parse_args(argv)
    print(describe(build_promise(), args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
