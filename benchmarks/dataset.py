"""A synthetic national data set: 290 kommuner x 2 promises x 20 activities x 24 reports.

Every promise is valid (the integrity rules find no error), uses real
kommunkoder, and has a realistic mix of targets: quotas over the period and
per interval, schedules with diverse RRULEs and start days, milestones and
ongoing work. The same seed always gives the same promises and the same bytes.

    from dataset import national_promises, national_json
    promises = national_promises()      # list[Promise], 580 promises
    data = national_json()              # bytes: one collection document
"""

from __future__ import annotations

import datetime as dt
import functools
import random

from medborgarlofte import (
    Activity,
    Bound,
    FocusArea,
    Interval,
    IntervalQuota,
    Milestone,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Promise,
    Recurrence,
    Report,
    ReportKind,
    Responsibility,
    Schedule,
    Signatory,
    dumps_many,
    kommuner,
)

__all__ = ["PROMISES_PER_KOMMUN", "national_json", "national_promises"]

PROMISES_PER_KOMMUN = 2
ACTIVITIES_PER_PROMISE = 20
REPORTS_PER_ACTIVITY = 24

_FOCUS = [
    ("narkotika", "Narkotika"),
    ("trafik", "Trafiksäkerhet"),
    ("unga", "Unga i riskzon"),
    ("otrygga-platser", "Otrygga platser"),
    ("inbrott", "Bostadsinbrott"),
    ("vald", "Våld i nära relationer"),
]
_UNITS = ["trafikkontroller", "timmar", "trygghetsvandringar", "hundsök", "möten", "besök"]
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_NOTES = [
    "Genomfört enligt plan.",
    "Kontroller vid skolan och i centrum.",
    "Samverkan med fastighetsägare.",
    "Färre än planerat på grund av sjukdom.",
]


_RULES = (
    lambda r: f"FREQ=WEEKLY;BYDAY={r.choice(_DAYS)}",
    lambda r: (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + ",".join(_DAYS[d] for d in sorted(r.sample(range(5), 2)))
    ),
    lambda r: f"FREQ=MONTHLY;BYMONTHDAY={r.randint(1, 28)}",
    lambda r: f"FREQ=MONTHLY;BYDAY={r.randint(1, 4)}{r.choice(_DAYS[:5])}",
    lambda r: f"FREQ=DAILY;INTERVAL={r.choice([7, 14, 21])}",
    lambda r: f"FREQ=MONTHLY;INTERVAL={r.choice([2, 3])};BYDAY=-1{r.choice(_DAYS[:5])}",
    lambda r: f"FREQ=YEARLY;BYMONTH={r.randint(1, 12)};BYMONTHDAY={r.randint(1, 28)}",
)


def _rule(rng: random.Random) -> str:
    """Return one of many RRULE shapes real follow-up work uses."""
    return rng.choice(_RULES)(rng)


def _target(rng: random.Random, period: Period, index: int):  # noqa: ANN202
    kind = index % 10
    if kind < 3:
        return PeriodQuota(
            amount=rng.choice([10, 20, 50, 100, 900]),
            unit=rng.choice(_UNITS),
            bound=rng.choice([Bound.AT_LEAST, Bound.TARGET, Bound.ABOUT]),
            wording=None if rng.random() < 0.5 else "minst ett antal under perioden",
        )
    if kind < 5:
        return IntervalQuota(
            amount=rng.choice([2, 4, 6, 12, 40.5]),
            unit=rng.choice(_UNITS),
            per=rng.choice([Interval.MONTH, Interval.QUARTER, Interval.TERTIAL, Interval.YEAR]),
            bound=Bound.AT_LEAST,
        )
    if kind < 8:
        return Schedule(
            recurrence=Recurrence(rule=_rule(rng)),
            start=period.start + dt.timedelta(days=rng.randrange(60)),
            unit="tillfälle",
        )
    if kind == 8:
        return Milestone(due=period.start + dt.timedelta(days=rng.randrange(300, 700)))
    return Ongoing(wording="löpande stöd till föreningar")


def _reports(rng: random.Random, activity_id: str, period: Period) -> list[Report]:
    step = period.days // REPORTS_PER_ACTIVITY
    reports = []
    for k in range(REPORTS_PER_ACTIVITY):
        day = period.start + dt.timedelta(days=k * step + rng.randrange(step))
        kind = ReportKind.DONE if rng.random() < 0.9 else ReportKind.NOT_DONE
        reports.append(
            Report(
                activity=activity_id,
                kind=kind,
                date=day,
                amount=rng.randint(1, 9) if kind is ReportKind.DONE else None,
                party=rng.choice(["polis", "kommun"]),
                note=rng.choice(_NOTES) if rng.random() < 0.25 else None,
            )
        )
    return reports


def _promise(rng: random.Random, code: str, name: str, number: int) -> Promise:
    start_year = 2023 + 2 * number
    period = Period(start=dt.date(start_year, 1, 1), end=dt.date(start_year + 1, 12, 31))
    focus = rng.sample(_FOCUS, 3)
    activities = []
    reports: list[Report] = []
    for index in range(ACTIVITIES_PER_PROMISE):
        activity_id = f"a{index + 1:02d}"
        activities.append(
            Activity(
                id=activity_id,
                title=f"Aktivitet {index + 1} i {name}",
                target=_target(rng, period, index),
                responsible=rng.choice([("polis",), ("kommun",), ("polis", "kommun")]),
                responsibility=rng.choice([Responsibility.JOINT, Responsibility.EACH]),
                focus_areas=(rng.choice(focus)[0],),
                weight=rng.choice([1.0, 1.0, 2.0, 0.5]),
            )
        )
        reports += _reports(rng, activity_id, period)
    return Promise(
        id=f"{code}-{start_year}-{start_year + 1}",
        title=f"Medborgarlöfte {name} {start_year}–{start_year + 1}",
        parties=(
            Party(id="polis", kind=PartyKind.POLICE, name=f"Lokalpolisområde {name}"),
            Party(id="kommun", kind=PartyKind.MUNICIPALITY, name=f"{name} kommun", kommunkod=code),
        ),
        period=period,
        signed_on=period.start - dt.timedelta(days=rng.randrange(10, 40)),
        signatories=(
            Signatory(name="Lokalpolisområdeschef", party="polis"),
            Signatory(name="Kommunstyrelsens ordförande", party="kommun"),
        ),
        focus_areas=tuple(FocusArea(id=fid, title=title) for fid, title in focus),
        activities=tuple(activities),
        reports=tuple(reports),
    )


def national_promises(seed: int = 0) -> list[Promise]:
    """Return 580 valid promises: two for each of the 290 kommuner."""
    promises = []
    for position, kommun in enumerate(kommuner()):
        for number in range(PROMISES_PER_KOMMUN):
            rng = random.Random(seed * 1_000_003 + position * 10 + number)
            promises.append(_promise(rng, kommun.code, kommun.name, number))
    return promises


@functools.cache
def national_json(seed: int = 0) -> bytes:
    """Return the national data set as one collection document, canonical JSON, UTF-8."""
    return dumps_many(national_promises(seed)).encode()


if __name__ == "__main__":
    data = national_json()
    print(f"{len(national_promises())} promises, {len(data) / 1e6:.1f} MB of JSON")
