"""A promise of three kommuner with one police area, and a follow-up of it (#16).

``build_promise()`` returns a promise by lokalpolisområde Katrineholm and the
kommuner Flen, Katrineholm and Vingåker, where some activities are carried out
by each kommun on its own (``responsibility = each``). ``build_follow_up()``
returns a follow-up document of it that, like many real ones, reports work it
does not restate (``link = unrestated``) and work that was never promised
(``unpromised``) beside work on the promise's own activities.

The parties and kommunkoder are real; every target, report and date is
illustrative, invented for the example, and says so. Vingåker is behind on the
``each`` activities on purpose: one result for the whole activity would hide
it, which is why progress counts per kommun. On 31 October 2024 Flen has
held its four trygghetsvandringar, Katrineholm three (on track) and Vingåker
two (behind); ``medborgarlofte progress katrineholm-lpo-2024.toml --as-of
2024-10-31`` shows a row per kommun under each such activity.

    python examples/three_kommuner.py            # summary in Swedish
    python examples/three_kommuner.py --write    # also rewrite the two documents
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

from medborgarlofte import (
    Activity,
    FollowUpDocument,
    Interval,
    IntervalQuota,
    Ongoing,
    OpenPeriod,
    Origin,
    OriginKind,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Place,
    PlaceKind,
    Promise,
    PromiseRef,
    ReasonCode,
    Report,
    ReportLink,
    Responsibility,
    Share,
    dump,
    dump_follow_up,
    validate_follow_up,
)

HERE = Path(__file__).resolve().parent
PROMISE_FILE = HERE / "katrineholm-lpo-2024.toml"
FOLLOW_UP_FILE = HERE / "katrineholm-lpo-2024-t1.toml"
ILLUSTRATIVE = "(illustrativt)"
KOMMUNER = ("flen", "katrineholm", "vingaker")
D = dt.date


def _party(party_id: str, name: str, code: str) -> Party:
    return Party(id=party_id, kind=PartyKind.MUNICIPALITY, name=f"{name} kommun", kommunkod=code)


def build_promise() -> Promise:
    """Return the illustrative promise of the three kommuner."""
    police = Party(
        id="polisen",
        kind=PartyKind.POLICE,
        name="Lokalpolisområde Katrineholm",
        police_region="Öst",
        local_police_area="Katrineholm",
    )
    each = {"responsible": KOMMUNER, "responsibility": Responsibility.EACH}
    activities = (
        Activity(
            id="trygghetsvandringar",
            title="Trygghetsvandringar i varje kommun",
            target=PeriodQuota(amount=4, unit="trygghetsvandringar", wording=ILLUSTRATIVE),
            participants=("polisen",),
            **each,
        ),
        Activity(
            id="foraldramoten",
            title="Föräldramöten om droger",
            target=PeriodQuota(amount=1, unit="föräldramöten", wording=ILLUSTRATIVE),
            target_group="vårdnadshavare i årskurs 5 och 6",
            purpose="ge föräldrar kunskap om tecken på droganvändning",
            **each,
        ),
        Activity(
            id="trafikkontroller",
            title="Trafikkontroller",
            target=IntervalQuota(
                amount=10, unit="trafikkontroller", per=Interval.QUARTER, wording=ILLUSTRATIVE
            ),
            responsible=("polisen",),
        ),
        Activity(
            id="belysning",
            title="Bättre belysning på otrygga platser",
            target=Ongoing(wording=ILLUSTRATIVE),
            responsible=KOMMUNER,
            responsibility=Responsibility.EACH,
            examples=("nya armaturer i gångtunnlar", "belysta cykelstråk"),
        ),
    )

    def walk(kommun: str, day: dt.date) -> Report:
        return Report(activity="trygghetsvandringar", party=kommun, date=day, amount=1)

    reports = (
        walk("flen", D(2024, 2, 13)),
        walk("flen", D(2024, 4, 16)),
        walk("flen", D(2024, 6, 11)),
        walk("flen", D(2024, 9, 17)),
        walk("katrineholm", D(2024, 3, 5)),
        walk("katrineholm", D(2024, 6, 4)),
        walk("katrineholm", D(2024, 10, 1)),
        walk("vingaker", D(2024, 5, 14)),
        walk("vingaker", D(2024, 8, 20)),
        Report(activity="foraldramoten", party="flen", date=D(2024, 2, 20), amount=1),
        Report(activity="foraldramoten", party="katrineholm", date=D(2024, 2, 27), amount=1),
    )
    return Promise(
        id="katrineholm-lpo-2024",
        title="Medborgarlöfte Flen, Katrineholm och Vingåker 2024",
        parties=(
            police,
            _party("flen", "Flens", "0482"),
            _party("katrineholm", "Katrineholms", "0483"),
            _party("vingaker", "Vingåkers", "0428"),
        ),
        period=Period.year(2024),
        activities=activities,
        reports=reports,
        summary=f"Ett exempel på ett löfte av tre kommuner {ILLUSTRATIVE}.",
        origin=Origin(kind=OriginKind.OTHER, note=f"Exempeldata {ILLUSTRATIVE}."),
    )


def build_follow_up() -> FollowUpDocument:
    """Return the illustrative follow-up of the first tertial, which restates nothing."""
    return FollowUpDocument(
        id="katrineholm-lpo-2024-t1",
        promise=PromiseRef(
            id="katrineholm-lpo-2024",
            kommunkoder=("0482", "0483", "0428"),
            period=Period.year(2024),
        ),
        title="Uppföljning av medborgarlöftet, första tertialet 2024",
        published_on=D(2024, 5, 20),
        covers=OpenPeriod(start=D(2024, 1, 1)),
        forum="BRÅ",
        parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
        places=(
            Place(id="tatorten", name="Katrineholms tätort", kind=PlaceKind.LOCALITY),
            Place(id="byarna", name="Byarna runt Katrineholm"),
        ),
        reports=(
            Report(
                activity="trafikkontroller",
                period=Period(start=D(2024, 1, 1), end=D(2024, 3, 31)),
                amount=12,
                party="polisen",
            ),
            Report(
                link=ReportLink.UNRESTATED,
                work="fotpatruller",
                amount=20,
                approximate=True,
                wording="drygt 20",
                places=("tatorten", "byarna"),
                shares=(
                    Share(share=0.5, place="byarna", approximate=True, wording="nästan hälften"),
                ),
                party="polisen",
            ),
            Report(link=ReportLink.UNRESTATED, work="besök i skolorna", wording="några"),
            Report(link=ReportLink.UNPROMISED, work="medborgardialoger", amount=2, party="polisen"),
        ),
        reason="personalbrist under våren",
        reason_code=ReasonCode.RESOURCES,
        origin=Origin(kind=OriginKind.FOLLOW_UP_REPORT, note=f"Exempeldata {ILLUSTRATIVE}."),
    )


def summary(promise: Promise, follow_up: FollowUpDocument) -> str:
    """Return, in Swedish, what each kommun reported and what the follow-up says."""
    lines = [promise.title]
    for activity in promise.activities:
        if activity.responsibility is not Responsibility.EACH or isinstance(
            activity.target, Ongoing
        ):
            continue
        done = Counter(r.party for r in promise.reports_for(activity.id))
        counts = ", ".join(f"{promise.party(k).name} {done[k]}" for k in activity.responsible)
        lines.append(f"  {activity.title}: {counts}")
    lines.append(follow_up.title or follow_up.id)
    labels = {
        ReportLink.ACTIVITY: "aktivitet i löftet",
        ReportLink.UNRESTATED: "utlovat, inte återgivet",
        ReportLink.UNPROMISED: "inte utlovat",
    }
    for report in follow_up.reports:
        what = report.activity or report.work
        amount = report.wording or (str(report.amount) if report.amount is not None else "–")
        lines.append(f"  {what}: {amount} ({labels[report.link]})")
    problems = validate_follow_up(follow_up, promises=[promise])
    lines.append(f"  problem mot löftet: {len(problems)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the summary; with --write, rewrite the two example documents first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the two documents")
    args = parser.parse_args(argv)
    promise, follow_up = build_promise(), build_follow_up()
    if args.write:
        dump(promise, PROMISE_FILE)
        dump_follow_up(follow_up, FOLLOW_UP_FILE)
    print(summary(promise, follow_up))


if __name__ == "__main__":
    main()
