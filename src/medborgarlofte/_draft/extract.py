"""The drafting rules: find each kind of fact in a prepared text (regler för utkast).

Precision comes before recall: each rule needs a cue in the text (a signing
verb beside a name, "lovar att" above a list, "gäller från" before a date) and
gives nothing when the cue is missing. Every fact keeps the span of text it
came from and how sure the rule is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._draft.phrases import (
    APPROXIMATE,
    BOUNDS,
    CADENCE_WORDS,
    INTERVAL_WORDS,
    NUMBER_WORDS,
    POLITICAL_PARTIES,
    months,
)
from medborgarlofte._model.followup import Cadence
from medborgarlofte._model.period import Period
from medborgarlofte._model.sweden import Kommun, kommuner
from medborgarlofte._model.targets import Bound, Interval

if TYPE_CHECKING:
    from medborgarlofte._draft.text import Line, Prepared

__all__ = ["Confidence", "Facts", "Inferred", "Spot", "extract", "make_date"]


class Confidence(enum.Enum):
    """How a drafted value was found (säkerhet)."""

    VERBATIM = "verbatim"
    """Ordagrant: the text states it."""
    INFERRED = "inferred"
    """Härlett: taken from the text by a rule, such as a year from the period."""
    GUESSED = "guessed"
    """Gissat: the most likely reading; check it."""


@attrs.frozen(kw_only=True)
class Spot:
    """Where in the normalised text a fact was read, and how sure the rule is."""

    start: int
    end: int
    confidence: Confidence = Confidence.VERBATIM


@attrs.frozen(kw_only=True)
class KommunFact:
    kommun: Kommun
    spot: Spot


@attrs.frozen(kw_only=True)
class PersonFact:
    name: str
    title: str | None
    party: str  # "police" or "kommun"
    acting: bool
    political_party: str | None
    spot: Spot


@attrs.frozen(kw_only=True)
class TargetFact:
    kind: str  # period_quota, interval_quota, schedule, milestone, ongoing
    amount: int | None = None
    unit: str | None = None
    per: Interval | None = None
    bound: Bound = Bound.TARGET
    rule: str | None = None
    phrase: str | None = None


@attrs.frozen(kw_only=True)
class ActivityFact:
    title: str
    responsible: tuple[str, ...]
    target: TargetFact
    truncated: bool
    spot: Spot


@attrs.frozen(kw_only=True)
class Inferred:
    """A date the text does not state in full: its path and how it was read (sv, en)."""

    path: str
    reason: tuple[str, str]


@attrs.frozen(kw_only=True)
class Facts:
    """Everything the rules found in one text."""

    kommuner: tuple[KommunFact, ...] = ()
    police_unit: tuple[str, Spot] | None = None
    period: tuple[Period, Spot] | None = None
    period_text: tuple[str, Spot] | None = None
    period_problem: str | None = None
    signed_on: tuple[dt.date, Spot] | None = None
    signatories: tuple[PersonFact, ...] = ()
    contacts: tuple[PersonFact, ...] = ()
    focus_areas: tuple[tuple[str, Spot], ...] = ()
    activities: tuple[ActivityFact, ...] = ()
    cadence: tuple[Cadence, Spot] | None = None
    forum: tuple[str, Spot] | None = None
    kind: str = "promise"
    examples_only: tuple[str, Spot] | None = None
    period_inferred: tuple[Inferred, ...] = ()
    published_on: tuple[dt.date, Spot] | None = None


# ----------------------------------------------------------------- kommuner

_POLICE_BEFORE = re.compile(
    r"(?:lokal-?polisområde(?:t|s)?|lokalpolisområdeschef(?:en)?(?: för| i)?|lpo(?:-chef(?:en)?)?"
    r"(?: för| i)?|polisområde(?:t)?|polisregion(?:en)?|chef(?:en)? (?:för )?lokalpolisområde(?:t)?"
    r"|region)\s+$",
    re.IGNORECASE,
)
_NOT_KOMMUN_AFTER = re.compile(r"^s?\s+(?:län|City\b|Norr\b|Syd\b|Öst\b|Väst\b)")


@functools.cache
def _kommun_pattern() -> tuple[re.Pattern[str], dict[str, Kommun]]:
    by_name = {k.name: k for k in kommuner()}
    names = sorted(by_name, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf"(?<![\w-])({alternatives})(s)?(?![\w-])")
    return pattern, by_name


GOTLAND = "0980"
"""Gotland's kommunkod: Region Gotland is Gotland's kommun."""
_STRONG_AFTER = re.compile(r"^s?\s+(?:kommun(?:er)?|stad)\b")
_KNAME = r"[A-ZÅÄÖ][\wåäö-]*(?: [A-ZÅÄÖ][\wåäö-]*)?s?"
_LIST_KOMMUNER = re.compile(rf"^s?(?:, {_KNAME}){{0,6}} (?:och|samt) {_KNAME} kommuner\b")
_NAME_BEFORE = re.compile(r"[A-ZÅÄÖ][a-zåäöé-]+ $")
_HEADING = re.compile(
    r"^\s*(?:(?P<a>[^\n–-]+?)\s+[–-]\s+medborgarlöften?\b|medborgarlöften?\s+(?:i|för)\s+(?P<b>[^\n]+))",
    re.IGNORECASE,
)


def _weak_place(text: str, start: int) -> bool:
    """Return whether a kommun's name at *start* reads as a place, not a name or a heading."""
    return (
        start > 0
        and not _NAME_BEFORE.search(text, max(0, start - 30), start)
        and text[start - 1] != "\n"
        and not text[max(0, start - 2) : start].endswith((". ", "? ", "! "))
    )


def _mentions(text: str) -> tuple[dict[str, KommunFact], dict[str, KommunFact]]:
    """Return the kommuner named plainly as kommuner ("X kommun") and those only named."""
    pattern, by_name = _kommun_pattern()
    strong: dict[str, KommunFact] = {}
    weak: dict[str, KommunFact] = {}
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end(1) : m.end(1) + 120]
        kommun = by_name[m.group(1)]
        is_region = before.endswith(("Region ", "region "))
        if (
            _NOT_KOMMUN_AFTER.match(after)
            or (is_region and kommun.code != GOTLAND)
            or (not is_region and _POLICE_BEFORE.search(before))
        ):
            continue
        plain = _STRONG_AFTER.match(after)
        spot = Spot(start=m.start(), end=m.end(1) + (plain.end() if plain else 0))
        if is_region or plain or _LIST_KOMMUNER.match(after):
            strong.setdefault(kommun.code, KommunFact(kommun=kommun, spot=spot))
        elif _weak_place(text, m.start()):
            weak.setdefault(kommun.code, KommunFact(kommun=kommun, spot=spot))
    return strong, weak


def _kommuner(prep: Prepared, source_title: str | None) -> tuple[KommunFact, ...]:
    strong, weak = _mentions(prep.text)
    if strong:
        return tuple(strong.values())
    pattern, by_name = _kommun_pattern()
    for line in [source_title or "", *(ln.text for ln in prep.lines[:2])]:
        heading = _HEADING.match(line)
        named = (heading.group("a") or heading.group("b") or "").strip() if heading else ""
        m = pattern.search(named)
        if m:
            found = by_name[m.group(1)]
            spot = weak[found.code].spot if found.code in weak else Spot(start=0, end=0)
            inferred = attrs.evolve(spot, confidence=Confidence.INFERRED)
            return (KommunFact(kommun=found, spot=inferred),)
    if len(weak) == 1:
        only = next(iter(weak.values()))
        return (attrs.evolve(only, spot=attrs.evolve(only.spot, confidence=Confidence.INFERRED)),)
    return ()


# ------------------------------------------------------------- police unit

_CAP = (
    r"(?:(?:Norra|Södra|Östra|Västra|Mellersta)\s+)?[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
    r"(?:\s+(?:Norr|Syd|Söder|Öst|Väst|Nord|City|Centrum)\b)?"
)
_UNIT = re.compile(
    rf"\b(?i:lokal-?polisområde(?:t)?|lokalpolisområdeschef(?:en)?\s+(?:för|i)|lpo-chef(?:en)?\s+(?:för|i)"
    rf"|LPO|chef(?:en)?\s+(?:för\s+)?lokalpolisområde(?:t)?)\s+({_CAP})",
)


def _police_unit(text: str) -> tuple[str, Spot] | None:
    for m in _UNIT.finditer(text):
        name = m.group(1)
        if not name[0].isupper():
            continue
        return name, Spot(start=m.start(), end=m.end())
    return None


# -------------------------------------------------------------------- dates


@functools.cache
def _month_alternatives() -> str:
    return "|".join(sorted(months(), key=len, reverse=True))


@functools.cache
def _date_patterns() -> dict[str, re.Pattern[str]]:
    mon = _month_alternatives()
    dash = r"\s*(?:[-–—]|till|t\.o\.m\.)\s*"
    return {
        "full_range": re.compile(
            rf"\b(\d{{1,2}})\s+({mon})(?:\s+(\d{{4}}))?{dash}(\d{{1,2}})\s+({mon})\s+(\d{{4}})\b",
            re.IGNORECASE,
        ),
        "iso_range": re.compile(rf"\b(\d{{4}})-(\d\d)-(\d\d){dash}(\d{{4}})-(\d\d)-(\d\d)\b"),
        "month_range": re.compile(
            rf"\b({mon})\s+(\d{{4}}){dash}({mon})\s+(\d{{4}})\b", re.IGNORECASE
        ),
        "day": re.compile(rf"\b(\d{{1,2}})\s+({mon})(?:\s+(\d{{4}}))?\b", re.IGNORECASE),
    }


_YEAR_RANGE = re.compile(r"(?<![\d-])((?:19|20)\d\d)\s?[-–—/]\s?((?:19|20)\d\d)(?![\d-])")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")
_PROMISE_WORD = re.compile(r"medborgarlöft|löfte|gäller|sträcker sig", re.IGNORECASE)
_OTHER_AGREEMENT = re.compile(
    r"samverkansöverenskommelse|överenskommelse om samverkan", re.IGNORECASE
)
_VALID_FROM = re.compile(
    r"gäller|sträcker sig|giltighetstid|gilltighetstid|under tiden", re.IGNORECASE
)
_SINGLE_YEAR = re.compile(
    r"(?:medborgarlöft\w*|löfte\w*)\s+(?:för\s+(?:år\s+)?)?((?:19|20)\d\d)\b(?!\s*[-–])"
    r"|^under\s+(?:år\s+)?((?:19|20)\d\d)\s+(?:kommer|ska)\b"
    r"|\bgäller\s+(?:för\s+|under\s+)?(?:år\s+)?((?:19|20)\d\d)\b(?!\s*[-–])",
    re.IGNORECASE | re.MULTILINE,
)
_SEASON = re.compile(
    r"\b(?:under\s+)?(?:hösten|våren|sommaren|vintern)\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]|\n|$)")


_ABBREVIATIONS = frozenset(
    {"tf", "t.f", "t.ex", "bl.a", "st", "ca", "resp", "nr", "kl", "m.m", "fr.o.m", "t.o.m"}
)
"""Words that end with a full stop inside a sentence."""


def _full_stop(text: str, at: int) -> bool:
    """Return whether the ". " at *at* ends a sentence, not an abbreviation ("tf. ")."""
    word_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    return text[word_start:at].casefold() not in _ABBREVIATIONS


def _sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence or line around text[start:end]."""
    dot = text.rfind(". ", 0, start)
    while dot != -1 and not _full_stop(text, dot):
        dot = text.rfind(". ", 0, dot)
    after = text.find(". ", end)
    while after != -1 and not _full_stop(text, after):
        after = text.find(". ", after + 1)
    left = max(dot + 2 if dot != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (after, text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_Dated = tuple[tuple[Period, Spot] | None, tuple[str, Spot] | None, str | None]
_LONGEST_SPAN_YEARS = 5
"""The longest period read from two years ("2023–2027"); a longer span is something else."""


def _sentence(text: str, m: re.Match[str]) -> tuple[str, Spot]:
    left, right = _sentence_at(text, m.start(), m.end())
    return text[left:right].strip().lstrip("•-* "), Spot(start=left, end=right)


def _about_the_promise(sentence: str) -> bool:
    return not _OTHER_AGREEMENT.search(sentence) and bool(
        _VALID_FROM.search(sentence) or _PROMISE_WORD.search(sentence)
    )


def _dated(text: str, m: re.Match[str], start: dt.date | None, end: dt.date | None) -> _Dated:
    """Return the period from *start* to *end*, or the stated dates as a problem."""
    worded = _sentence(text, m)
    if start is None or end is None or end < start:
        return None, worded, m.group(0)
    return (Period(start=start, end=end), Spot(start=m.start(), end=m.end())), worded, None


def _iso_range(text: str) -> _Dated | None:
    for m in _date_patterns()["iso_range"].finditer(text):
        if _about_the_promise(_sentence(text, m)[0]):
            y1, m1, d1, y2, m2, d2 = (int(g) for g in m.groups())
            return _dated(text, m, make_date(y1, m1, d1), make_date(y2, m2, d2))
    return None


def _full_range(text: str) -> _Dated | None:
    mon = months()
    for m in _date_patterns()["full_range"].finditer(text):
        if not _about_the_promise(_sentence(text, m)[0]):
            continue
        m1, m2 = mon[m.group(2).casefold()], mon[m.group(5).casefold()]
        d1, d2, y2 = int(m.group(1)), int(m.group(4)), int(m.group(6))
        # "1 januari – 31 december 2024": the first date takes the year of the second.
        y1 = int(m.group(3)) if m.group(3) else y2 - ((m1, d1) > (m2, d2))
        return _dated(text, m, make_date(y1, m1, d1), make_date(y2, m2, d2))
    return None


def _month_range(text: str) -> _Dated | None:
    mon = months()
    for m in _date_patterns()["month_range"].finditer(text):
        worded = _sentence(text, m)
        y1, y2 = int(m.group(2)), int(m.group(4))
        m1, m2 = mon[m.group(1).casefold()], mon[m.group(3).casefold()]
        if (
            _OTHER_AGREEMENT.search(worded[0])
            or not _PROMISE_WORD.search(worded[0])
            or (y2, m2) < (y1, m1)
        ):
            continue
        spot = Spot(start=m.start(), end=m.end(), confidence=Confidence.INFERRED)
        period = Period(start=dt.date(y1, m1, 1), end=_last_day(y2, m2))
        return (period, spot), worded, None
    return None


def _year_range(text: str) -> _Dated | None:
    for m in _YEAR_RANGE.finditer(text):
        worded = _sentence(text, m)
        y1, y2 = int(m.group(1)), int(m.group(2))
        if (
            _OTHER_AGREEMENT.search(worded[0])
            or not _PROMISE_WORD.search(worded[0])
            or not 0 < y2 - y1 <= _LONGEST_SPAN_YEARS
        ):
            continue
        spot = Spot(start=m.start(), end=m.end(), confidence=Confidence.INFERRED)
        period = Period(start=dt.date(y1, 1, 1), end=dt.date(y2, 12, 31))
        return (period, spot), worded, None
    return None


def _single_year(text: str) -> _Dated | None:
    for m in _SINGLE_YEAR.finditer(text):
        worded = _sentence(text, m)
        if _OTHER_AGREEMENT.search(worded[0]) or _SEASON.search(worded[0]):
            continue
        group = next(g for g in (1, 2, 3) if m.group(g))
        spot = Spot(start=m.start(group), end=m.end(group), confidence=Confidence.INFERRED)
        return (Period.year(int(m.group(group))), spot), worded, None
    return None


def _period(text: str) -> _Dated:
    """Return the period, the period as worded, and an impossible date that was stated.

    The most exact wording wins: whole dates, then months, then two years,
    then a promise's single year. A stated date that cannot exist ("31 juni")
    gives no period at all, even if a vaguer wording elsewhere would.
    """
    for rule in (_iso_range, _full_range, _month_range, _year_range, _single_year):
        found = rule(text)
        if found is not None:
            return found
    season = _SEASON.search(text)
    if season:
        return None, (season.group(0), Spot(start=season.start(), end=season.end())), None
    return None, None, None


_YEARS_ONLY = ("hela år: texten anger perioden med år", "whole years: the text gives years")
_MONTHS_ONLY = (
    "hela månader: texten anger perioden med månader",
    "whole months: the text gives months",
)
_START_YEAR = ("året taget från periodens slut", "the year taken from the period's end")


def _period_inferred(text: str, period: tuple[Period, Spot] | None) -> tuple[Inferred, ...]:
    """Return which ends of *period* the text does not state in full, and how they were read."""
    if period is None:
        return ()
    worded = text[period[1].start : period[1].end]
    if _date_patterns()["iso_range"].fullmatch(worded):
        return ()
    full = _date_patterns()["full_range"].fullmatch(worded)
    if full:
        return () if full.group(3) else (Inferred(path="$.period.start", reason=_START_YEAR),)
    reason = _MONTHS_ONLY if _date_patterns()["month_range"].fullmatch(worded) else _YEARS_ONLY
    return (
        Inferred(path="$.period.start", reason=reason),
        Inferred(path="$.period.end", reason=reason),
    )


_SIGNING = re.compile(
    r"underteckna\w*|skr[ei]v(?:it)?\b(?=[^.\n]{0,160}\bunder\b)|signera\w*", re.IGNORECASE
)


_ISO_DAY = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
_PUBLISHED = re.compile(r"\bpublicera(?:d|t)\b:?\s*(?:den\s+)?", re.IGNORECASE)
_NEAR_PUBLISHED = 40
"""How far after "Publicerad" its date may start."""


def _published_on(text: str) -> tuple[dt.date, Spot] | None:
    """Return the publication date of a "Publicerad 12 december 2022" line, with a year."""
    mon = months()
    for cue in _PUBLISHED.finditer(text):
        end = cue.end() + _NEAR_PUBLISHED
        iso = _ISO_DAY.match(text, cue.end(), end)
        if iso:
            found = make_date(*(int(g) for g in iso.groups()))
        else:
            day = _date_patterns()["day"].match(text, cue.end(), end)
            found = (
                make_date(int(day.group(3)), mon[day.group(2).casefold()], int(day.group(1)))
                if day and day.group(3)
                else None
            )
            iso = day
        if found is not None and iso is not None:
            return found, Spot(start=iso.start(), end=iso.end())
    return None


def _signed_on(text: str, period: Period | None) -> tuple[dt.date, Spot] | None:
    mon = months()
    for sign in _SIGNING.finditer(text):
        left, right = _sentence_at(text, sign.start(), sign.end())
        iso = _ISO_DAY.search(text, left, right)
        if iso:
            found = make_date(*(int(g) for g in iso.groups()))
            if found is not None:
                return found, Spot(start=iso.start(), end=iso.end())
        for m in _date_patterns()["day"].finditer(text, left, right):
            month = mon[m.group(2).casefold()]
            day = int(m.group(1))
            if m.group(3):
                found = make_date(int(m.group(3)), month, day)
                if found is not None:
                    return found, Spot(start=m.start(), end=m.end())
                continue
            if period is None:
                continue
            candidates = [
                d
                for y in (period.start.year - 1, period.start.year)
                if (d := make_date(y, month, day)) is not None
            ]
            if not candidates:
                continue
            best = min(candidates, key=lambda d: abs((d - period.start).days))
            return best, Spot(start=m.start(), end=m.end(), confidence=Confidence.INFERRED)
    return None


# --------------------------------------------------------------- people

_NAME_WORD = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
_ACTING = r"(?:tf\.?\s+|t\.f\.\s+|tillförordnad\s+)?"
_PLACE = r"(?-i:(?:\s+(?:för|i)\s+[A-ZÅÄÖ][\wåäö]+|\s+[A-ZÅÄÖ][\wåäö]+)?)"
_POLICE_TITLE = (
    rf"lokalpolisområdeschef(?:en)?{_PLACE}|lpo-chef(?:en)?{_PLACE}"
    r"|chef(?:en)?\s+(?:för\s+)?lokalpolisområde(?:t)?\s+(?-i:[A-ZÅÄÖ][\wåäö]+)"
    r"|lokalområdespolis(?:en)?|polisområdeschef(?:en)?|biträdande\s+lokalpolisområdeschef(?:en)?"
)
_KOMMUN_TITLE = (
    r"kommunstyrelsens\s+(?:(?:förste|1:e|andre|2:e)\s+)?(?:vice\s+)?ordförande|kommunstyrelseordförande"
    r"|regionstyrelsens\s+ordförande|kommunalråd(?:et)?|kommunchef(?:en)?|kommundirektör(?:en)?"
    r"|stadsdirektör(?:en)?|regiondirektör(?:en)?|stadsdelsdirektör(?:en)?|KSO"
)
_KOMMUN_PLACE = r"(?-i:(?:\s+i\s+[A-ZÅÄÖ][\wåäö]+)?)"
_CONTACT_TITLE = (
    r"kommunpolis(?:en)?|områdespolis(?:en)?|säkerhetssamordnare|trygghetssamordnare"
    r"|brottsförebyggande\s+samordnare"
)
_TITLE = rf"(?i:{_ACTING}(?:{_POLICE_TITLE}|(?:{_KOMMUN_TITLE}){_KOMMUN_PLACE}))"
_PARTY = r"(?:\s*\((?P<pp>[A-ZÅÄÖ]{1,2})\))?"
_TITLE_NAME = re.compile(rf"(?P<title>{_TITLE}),?\s+(?P<name>{_NAME}){_PARTY}")
_NAME_TITLE = re.compile(
    rf"(?P<name>{_NAME}){_PARTY},\s+(?P<title>{_TITLE})(?P<org>,\s+[A-ZÅÄÖ][\wåäö]+s?\s+kommun)?",
)
_CONTACT = re.compile(
    rf"(?P<name>{_NAME}),?\s*\n?\s*(?P<title>(?i:{_CONTACT_TITLE})(?:\s+(?:i\s+)?[A-ZÅÄÖ][\wåäö]+)?)",
)
_NOT_NAME_WORDS = ("polis", "kommun", "region", "medborgarlöft", "lokalpolis", "länsstyrelse")
"""Words that begin these are not part of a person's name."""


def _title_text(raw: str) -> tuple[str, bool]:
    title = " ".join(raw.split())
    acting = False
    lowered = title.casefold()
    for mark in ("tf. ", "tf ", "t.f. ", "tillförordnad "):
        if lowered.startswith(mark):
            acting, title = True, title[len(mark) :]
            break
    head, _, rest = title.partition(" ")
    if head.casefold().endswith(("chefen", "polisen", "direktören", "rådet")):
        head = head[:-2]  # the definite form: "lokalpolisområdeschefen" is a "…chef"
    head = head[0].lower() + head[1:] if head[:1].isupper() and not head.isupper() else head
    return (f"{head} {rest}".strip(), acting)


def _party_of(title: str) -> str:
    return "police" if re.search(r"polis|lpo", title, re.IGNORECASE) else "kommun"


def _person_name(raw: str) -> str | None:
    """Return the person's name in *raw*, without a kommun's name after it, or ``None``."""
    words = raw.split()
    _, by_name = _kommun_pattern()
    if len(words) > 2 and (words[-1] in by_name or words[-1].removesuffix("s") in by_name):  # noqa: PLR2004
        words = words[:2]
    if any(w.casefold().startswith(_NOT_NAME_WORDS) for w in words):
        return None
    return " ".join(words)


def _people(prep: Prepared) -> tuple[tuple[PersonFact, ...], tuple[PersonFact, ...]]:
    text = prep.text
    signers: dict[str, PersonFact] = {}
    spans: list[tuple[int, int]] = []
    for sign in _SIGNING.finditer(text):
        left, right = _sentence_at(text, sign.start(), sign.end())
        spans.append((left, right))
    # A signature block: the last lines of a text, each a name and a title.
    tail = [ln for ln in prep.lines[-4:] if not ln.bullet]
    spans.extend(
        (ln.start, ln.end) for ln in tail if _NAME_TITLE.fullmatch(ln.text.strip().rstrip("."))
    )
    for left, right in spans:
        chunk = text[left:right]
        for pattern in (_NAME_TITLE, _TITLE_NAME):
            for m in pattern.finditer(chunk):
                name = _person_name(m.group("name"))
                if name is None or name in signers:
                    continue
                title, acting = _title_text(m.group("title"))
                org = m.groupdict().get("org")
                if org:
                    title += org.rstrip()
                pp = m.group("pp")
                signers[name] = PersonFact(
                    name=name,
                    title=title,
                    party=_party_of(title),
                    acting=acting,
                    political_party=pp if pp in POLITICAL_PARTIES else None,
                    spot=Spot(start=left + m.start(), end=left + m.end()),
                )
    contacts: dict[str, PersonFact] = {}
    for m in _CONTACT.finditer(text):
        name = _person_name(m.group("name"))
        if name is None or name in signers or name in contacts:
            continue
        title = " ".join(m.group("title").split())
        title = title[0].lower() + title[1:]
        contacts[name] = PersonFact(
            name=name,
            title=title,
            party=_party_of(title),
            acting=False,
            political_party=None,
            spot=Spot(start=m.start(), end=m.end()),
        )
    return tuple(signers.values()), tuple(contacts.values())


# ----------------------------------------------------- focus areas, activities

_ACTIVITY_INTRO = re.compile(
    r"lovar|förbinder sig|kommer (?:\w+ )?att:?\s*$|ska vi göra|aktiviteter|genom att:?\s*$"
    r"|del i löftet|i samverkan\s*$|åtgärder:?\s*$",
    re.IGNORECASE,
)
_NOT_ACTIVITIES = re.compile(
    r"fokusområde|problemområde|uppföljning|lägesbild|sammanvägd|bakgrund|inriktning|prioriterade"
    r"|genomförd|resultat",
    re.IGNORECASE,
)
# What was done, not what is promised: "Polisen har genomfört fyra krogtillsyner".
_REPORTED = re.compile(
    r"\b(?:har|hade)\s+(?:\w+\s+){0,3}?(?:genomfört|utfört|deltagit|arbetat|genomförts|utförts)\b",
    re.IGNORECASE,
)
_FOCUS_INTRO = re.compile(
    r"fokusområde|följande medborgarlöften|prioriterade områden", re.IGNORECASE
)
_NOT_AN_ACTIVITY = re.compile(
    r"^(?:medborgarlöftet\s+gäller|uppföljning|[\w ]+ är sammankallande|särskilt fokus|fokus\b)",
    re.IGNORECASE,
)
_PROMISE_HEADING = re.compile(r"^medborgarlöft\w*\s+(?:för\s+)?(?:19|20)\d\d\S*$", re.IGNORECASE)
_FOCUS_PROSE = re.compile(
    r"(?:inrikta arbetet mot|ägna fokus åt|särskilt fokusera på|inriktas på)\s+"
    r"(?P<what>[^.\n]{3,90}?)\.",
    re.IGNORECASE,
)
# "Medborgarlöftena fokuserar främst på X, Y och Z", "ett löfte med fokus på X och Y".
_FOCUS_LIST = re.compile(
    r"(?:medborgarlöft\w*|löfte\w*)[^.\n]{0,40}?\b(?:fokuserar\s+(?:främst\s+)?på|med fokus på)"
    r"\s+(?P<what>[^.\n]{3,160}?)\.",
    re.IGNORECASE,
)
# "Fokusområden kommer att vara X samt Y."
_FOCUS_NAMED = re.compile(
    r"\bfokusområden(?:a)?\s+(?:kommer\s+(?:att\s+)?vara|är)\s+(?P<what>[^.\n:]{3,160}?)\.",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r",\s+|(?<!-)\s+(?:och|samt)\s+")
_FOCUS_LEAD = re.compile(r"^(?:bekämpning av|arbete mot|arbete för|för|mot|att)\s+", re.IGNORECASE)
_LONGEST_FOCUS_WORDS = 8
"""A focus area named in prose is a short phrase; a longer one is a sentence."""
_FOCUS_ITEM = re.compile(r"^(?:särskilt\s+)?fokus\s+(?:läggs\s+)?på\s+(.+?)\.?$", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:(?:polisen|kommunen|vi|[A-ZÅÄÖ][\wåäö]+ (?:kommun|stad)|region [A-ZÅÄÖ]\w+"
    r"|områdespolisen)(?:\s+och\s+(?:polisen|kommunen|[A-ZÅÄÖ][\wåäö]+ kommun"
    r"|region [A-ZÅÄÖ]\w+))?\s+)?"
    r"(?:(?:ska|kommer att|lovar att|lovar|förbinder sig att|fortsätter att)\s+)?"
    r"(?:i samverkan\s+)?(?:att\s+)?",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^[^,.]{0,60}?\b(?:lovar|förbinder sig)\s+(?:att\s+)?", re.IGNORECASE)
_PROSE_LIST = re.compile(
    r"aktivitet\w*\b[^.]*?\bär\s+(?:bland annat\s+)?(?:är\s+)?"
    r"(?P<items>[^.]+?,[^.]+?\boch\b[^.]+)\.",
    re.IGNORECASE,
)
_LONGEST_ITEM_WORDS = 8
"""An item of a prose list of activities longer than this means the list is not one."""
_SPLIT_SAMT_ATT = re.compile(r"\s+samt\s+att\s+", re.IGNORECASE)


def _responsible(text: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
    head = text[:80].casefold()
    police = bool(re.match(r"(?:polisen|polis\b|lokalpolisområde|lpo|områdespolisen)", head))
    kommun = bool(re.match(r"(?:kommunen|[\wåäö]+ (?:kommun|stad)|region \w+)", head))
    party = r"(?:polisen|kommunen|[\wåäö]+ kommun|region \w+)"
    both = re.match(rf"{party}\s+och\s+{party}", head)
    if both or re.match(r"(?:vi|tillsammans|gemensamt)\b", head):
        return ("police", "kommun")
    if police:
        return ("police",)
    if kommun:
        return ("kommun",)
    return fallback


def _intro_parties(intro: str) -> tuple[str, ...]:
    low = intro.casefold()
    police = bool(re.search(r"polis|lpo|lokalpolisområde", low))
    kommun = bool(re.search(r"kommun|region ", low))
    if (
        "tillsammans" in low
        or "samverkan" in low
        or (police and kommun)
        or re.search(r"\bvi\b", low)
    ):
        return ("police", "kommun")
    if police:
        return ("police",)
    if kommun:
        return ("kommun",)
    return ()


def _clean_title(text: str) -> str:
    body = " ".join(text.split())
    body = _LEAD.sub("", body, count=1) or body
    body = _SUBJECT.sub("", body, count=1)
    first = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", body, maxsplit=1)[0].rstrip(".")
    return first[:1].upper() + first[1:]


def _bullet_activities(line: Line, intro: str, *, truncated: bool) -> list[ActivityFact]:
    """Return the activities of one bullet item, or none when it is not a commitment."""
    body = " ".join(line.text.split())
    own_cue = re.search(r"\b(?:lovar|förbinder sig)\b", body[:80], re.IGNORECASE)
    if not own_cue and (not _ACTIVITY_INTRO.search(intro) or _NOT_ACTIVITIES.search(intro)):
        return []
    if _NOT_AN_ACTIVITY.match(body) or _REPORTED.search(body[:120]):
        return []
    parties = _responsible(body, () if own_cue else _intro_parties(intro))
    found = []
    for part in [body] if truncated else _SPLIT_SAMT_ATT.split(body):
        title = body + " …" if truncated else _clean_title(part)
        if not title:
            continue
        target = _target(part)
        if truncated:  # a number may survive the cut; the unit may not
            target = (
                attrs.evolve(target, unit=None) if target.amount else TargetFact(kind="ongoing")
            )
        spot = Spot(start=line.start, end=line.end)
        found.append(
            ActivityFact(
                title=title, responsible=parties, target=target, truncated=truncated, spot=spot
            )
        )
    return found


def _focus_in_prose(text: str, focus: list[tuple[str, Spot]], seen: set[str]) -> None:
    """Add the focus areas that prose names: one per phrase, lists split into their items."""
    found = [(m.group("what"), m.start("what")) for m in _FOCUS_PROSE.finditer(text)]
    for pattern in (_FOCUS_LIST, _FOCUS_NAMED):
        listed = pattern.search(text)
        if listed is None:
            continue
        what, at = listed.group("what"), listed.start("what")
        items = [item for item in _LIST_SPLIT.split(what) if item.strip()]
        if all(len(item.split()) <= _LONGEST_FOCUS_WORDS for item in items):
            found.extend((item, at + what.find(item)) for item in items)
    for raw, at in found:
        what = _FOCUS_LEAD.sub("", raw.strip())
        if not what or what.casefold() in seen:
            continue
        seen.add(what.casefold())
        spot = Spot(start=at, end=at + len(raw), confidence=Confidence.GUESSED)
        focus.append((what[:1].upper() + what[1:], spot))


def _activities_and_focus(
    prep: Prepared,
) -> tuple[tuple[ActivityFact, ...], tuple[tuple[str, Spot], ...]]:
    """Return the activities and focus areas, from lists first, then from prose.

    A list is read as activities when the line above it promises ("lovar
    att:", "kommer tillsammans att:", "Det här ska vi göra:") or an item
    promises itself; as focus areas when the line above names them. Reading
    stops at a second promise heading ("Medborgarlöften 2018") on the page.
    """
    activities: list[ActivityFact] = []
    focus: list[tuple[str, Spot]] = []
    seen_focus: set[str] = set()
    intro = ""
    lines = prep.lines
    headings = 0
    for i, line in enumerate(lines):
        if not line.bullet:
            intro = line.text.strip()
            headings += bool(_PROMISE_HEADING.match(intro))
            if headings > 1:
                break  # a second promise on the same page
            continue
        body = " ".join(line.text.split())
        item = _FOCUS_ITEM.match(body)
        if item or _FOCUS_INTRO.search(intro):
            _add_focus(focus, seen_focus, item.group(1) if item else body.rstrip(".,"), line)
            continue
        truncated = prep.truncated and i == len(lines) - 1
        activities.extend(_bullet_activities(line, intro, truncated=truncated))
    if not activities:
        activities.extend(_promise_sentences(prep))
    if not activities:
        activities.extend(_prose_activities(prep.text))
    if not focus:
        _focus_in_prose(prep.text, focus, seen_focus)
    return tuple(activities), tuple(focus)


def _add_focus(focus: list[tuple[str, Spot]], seen: set[str], title: str, line: Line) -> None:
    title = " ".join(title.split())
    key = title.casefold()
    if key in seen or not title:
        return
    seen.add(key)
    focus.append((title[:1].upper() + title[1:], Spot(start=line.start, end=line.end)))


_PROMISE_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<subject>(?:Polisen|Kommunen|Vi|[A-ZÅÄÖ][\wåäö]+ kommun"
    r"|Region [A-ZÅÄÖ]\w+)(?:\s+och\s+(?:polisen|kommunen|[A-ZÅÄÖ][\wåäö]+ kommun))?)"
    r"\s+(?:lovar|förbinder sig)\s+att\s+"
    r"(?P<what>[^.!?:\n]{8,300})[.!?]",
    re.MULTILINE,
)


def _promise_sentences(prep: Prepared) -> list[ActivityFact]:
    """Return the activities of "Polisen lovar att …" sentences outside any list."""
    found: list[ActivityFact] = []
    for line in prep.lines:
        if line.bullet:
            continue
        for m in _PROMISE_SENTENCE.finditer(line.text):
            what = m.group("what")
            parties = _responsible(m.group("subject"), ())
            spot = Spot(start=line.start + m.start(), end=line.start + m.end())
            found.extend(
                ActivityFact(
                    title=_clean_title(part),
                    responsible=parties,
                    target=_target(part),
                    truncated=False,
                    spot=spot,
                )
                for part in _SPLIT_SAMT_ATT.split(what)
            )
    return found


def _prose_activities(text: str) -> list[ActivityFact]:
    found: list[ActivityFact] = []
    for m in _PROSE_LIST.finditer(text):
        items = m.group("items")
        head, _, last = items.rpartition(" och ")
        pieces = [p.strip() for p in head.split(",")] + [last.strip()]
        left, _ = _sentence_at(text, m.start(), m.end())
        parties = _intro_parties(text[left : m.start("items")])
        for piece in pieces:
            if not piece or len(piece.split()) > _LONGEST_ITEM_WORDS:
                return []
            at = m.start("items") + items.find(piece)
            found.append(
                ActivityFact(
                    title=piece[:1].upper() + piece[1:],
                    responsible=parties,
                    target=TargetFact(kind="ongoing"),
                    truncated=False,
                    spot=Spot(start=at, end=at + len(piece), confidence=Confidence.GUESSED),
                )
            )
    return found


# ------------------------------------------------------------------ targets

_UNIT_WORD = (
    r"(?!(?:per|i|om|varje|under|med|mot|på|vid|för|till|av|och|som|inom|samt|där)\b)[a-zåäöé-]+"
)
_NUM = r"\d{1,6}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_BOUND = "|".join(sorted(BOUNDS, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?<![\w-])(?:(?P<bound>{_BOUND})\s+)?(?:ett\s+(?P<approx>{'|'.join(APPROXIMATE)})|(?P<num>{_NUM}))"
    rf"(?:\s+st\.?)?\s+(?P<unit>{_UNIT_WORD}(?:\s+{_UNIT_WORD}){{0,2}})"
    rf"(?:\s+(?:(?:per|i|om|varje)\s+)(?P<per>{'|'.join(INTERVAL_WORDS)}))?(?![\wåäö])",
    re.IGNORECASE,
)
_SHARE_BEFORE = re.compile(rf"(?<![\w-])(?:{_NUM})\s+av\s+$", re.IGNORECASE)
_TIMES = re.compile(
    rf"\b(?:(?P<bound>{_BOUND})\s+)?(?P<num>{_NUM})\s+gång(?:er)?\s+(?:per|i|om|varje)\s+(?P<per>{'|'.join(INTERVAL_WORDS)})\b",
    re.IGNORECASE,
)
_YEARLY = re.compile(
    r"\bårlig(?:a|en|t)?\b|\bvarje år\b(?!\s+\w+\s+\w+\s+(?:per|i))", re.IGNORECASE
)
_MILESTONE = re.compile(
    r"^(?:att\s+)?(?:ansöka om|söka|ta fram|införa|utreda|byta ut|ersätta|bygga|installera|anlägga"
    r"|inrätta|upprätta|stänga av|följa upp arbetet i samband med)\b",
    re.IGNORECASE,
)
_NOT_UNITS = frozenset(
    {
        "av",
        "och",
        "i",
        "på",
        "med",
        "för",
        "till",
        "som",
        "att",
        "om",
        "gång",
        "gånger",
        "år",
        "året",
    }
)
_PREPOSITIONS = re.compile(
    r"\s+(?:i|på|med|för|mot|under|vid|till|inom|av|om|som|där|och)\s.*$", re.IGNORECASE
)
_RULES = {
    (1, Interval.YEAR): "FREQ=YEARLY",
    (2, Interval.YEAR): "FREQ=MONTHLY;INTERVAL=6",
    (3, Interval.YEAR): "FREQ=MONTHLY;INTERVAL=4",
    (4, Interval.YEAR): "FREQ=MONTHLY;INTERVAL=3",
    (6, Interval.YEAR): "FREQ=MONTHLY;INTERVAL=2",
    (12, Interval.YEAR): "FREQ=MONTHLY",
    (1, Interval.HALF_YEAR): "FREQ=MONTHLY;INTERVAL=6",
    (1, Interval.TERTIAL): "FREQ=MONTHLY;INTERVAL=4",
    (1, Interval.QUARTER): "FREQ=MONTHLY;INTERVAL=3",
    (1, Interval.MONTH): "FREQ=MONTHLY",
    (2, Interval.MONTH): "FREQ=WEEKLY;INTERVAL=2",
    (1, Interval.WEEK): "FREQ=WEEKLY",
}
_YEAR_LIKE = range(1900, 2101)


def _has_number(text: str) -> bool:
    return any(_amount_ok(m) for m in _AMOUNT.finditer(text))


def _number(m: re.Match[str]) -> int | None:
    approx = m.groupdict().get("approx")
    if approx:
        return APPROXIMATE[approx.casefold()]
    raw = m.group("num")
    if raw.isdigit():
        return int(raw)
    return NUMBER_WORDS.get(raw.casefold())


def _amount_ok(m: re.Match[str]) -> bool:
    raw = m.group("num") or ""
    value = _number(m)
    unit_first = m.group("unit").split()[0].casefold()
    if value is None or value <= 0 or unit_first in _NOT_UNITS:
        return False
    if raw.casefold() in {"en", "ett"} and not m.group("bound"):
        return False  # an article, not a number
    if raw.isdigit() and value in _YEAR_LIKE:
        return False
    if unit_first.endswith(("minuters", "timmars", "dagars", "veckors", "års", "procent")):
        return False  # a method or a share ("20 minuters metoden"), not what is counted
    return unit_first not in months()


def _unit(raw: str) -> str:
    unit = _PREPOSITIONS.sub("", " ".join(raw.split()))
    return unit.strip(" ,.")


def _target(part: str) -> TargetFact:
    times = _TIMES.search(part)
    if times:
        value = _number(times)
        per = INTERVAL_WORDS[times.group("per").casefold()]
        rule = _RULES.get((value or 0, per))
        if rule is not None:
            return TargetFact(
                kind="schedule", amount=value, per=per, rule=rule, phrase=times.group(0)
            )
    for m in _AMOUNT.finditer(part):
        if _SHARE_BEFORE.search(part, 0, m.start()):
            break  # "3 av 4 möten": a share, not an amount to count
        if not _amount_ok(m):
            continue
        value = _number(m)
        bound = BOUNDS.get((m.group("bound") or "").casefold(), Bound.TARGET)
        if m.group("approx"):
            bound = Bound.ABOUT
        unit = _unit(m.group("unit"))
        per_word = m.group("per")
        if per_word:
            return TargetFact(
                kind="interval_quota",
                amount=value,
                unit=unit or None,
                per=INTERVAL_WORDS[per_word.casefold()],
                bound=bound,
                phrase=m.group(0),
            )
        return TargetFact(
            kind="period_quota", amount=value, unit=unit or None, bound=bound, phrase=m.group(0)
        )
    yearly = _YEARLY.search(part)
    if yearly:
        return TargetFact(
            kind="schedule", amount=1, per=Interval.YEAR, rule="FREQ=YEARLY", phrase=yearly.group(0)
        )
    cleaned = _LEAD.sub("", " ".join(part.split()), count=1)
    if _MILESTONE.match(cleaned):
        return TargetFact(kind="milestone", phrase=cleaned.split(" ", 3)[0])
    vague = re.search(r"\bett antal\b|\bnågra\b|\bflera\b", part, re.IGNORECASE)
    return TargetFact(kind="ongoing", phrase=vague.group(0) if vague else None)


# ------------------------------------------------------------- follow-up

_FOLLOW_UP = re.compile(
    r"uppfölj\w*|följs upp|följas upp|följa upp|utvärder\w*|redovisas", re.IGNORECASE
)
_FORUM = re.compile(
    r"\b(?:i|inom|till)\s+(?P<forum>BRÅ|lokala brottsförebyggande rådet|brottsförebyggande rådet"
    r"|styrgruppen|kommunstyrelsen|EST-gruppen)\b"
)


def _follow_up(prep: Prepared) -> tuple[tuple[Cadence, Spot] | None, tuple[str, Spot] | None]:
    text = prep.text
    cadence = forum = None
    for line in prep.lines:
        if not _FOLLOW_UP.search(line.text):
            continue
        for sentence in _SENTENCE.finditer(line.text):
            chunk = sentence.group(0)
            if not _FOLLOW_UP.search(chunk):
                continue
            at = line.start + sentence.start()
            if cadence is None:
                for phrase, kind in CADENCE_WORDS:
                    m = re.search(rf"\b(?:{phrase})", chunk, re.IGNORECASE)
                    if m:
                        cadence = (kind, Spot(start=at + m.start(), end=at + m.end()))
                        break
            if forum is None:
                f = _FORUM.search(chunk)
                if f:
                    forum = (
                        f.group("forum"),
                        Spot(start=at + f.start("forum"), end=at + f.end("forum")),
                    )
    del text
    return cadence, forum


_FOLLOW_UP_DOC = re.compile(
    r"^(?:uppföljning|återrapportering)\b[^.]*$|\b(?:uppföljning|återrapportering) av (?:\w+ )?"
    r"(?:medborgar)?löfte|\bmedborgarlöft\w*[^\n.]{0,40}?(?:[-–:]\s*|\s)uppföljning\s*$",
    re.IGNORECASE,
)
_PRESS = re.compile(
    r"\bhar (?:idag |i dag )?(?:undertecknat|skrivit under|skrivit på)\b|\bsäger\b", re.IGNORECASE
)


def _kind(prep: Prepared, title: str | None) -> str:
    heads = [title or "", *(ln.text.strip() for ln in prep.lines[:2])]
    if any(_FOLLOW_UP_DOC.search(head) for head in heads):
        return "follow_up_report"
    if _PRESS.search(prep.text[:3000]):
        return "press_release"
    return "promise"


_EXAMPLES = re.compile(
    r"\b(?:bland annat|bl\.a\.|till exempel|t\.ex\.|exempelvis|några av)\b", re.IGNORECASE
)


def _examples_only(prep: Prepared, activities: tuple[ActivityFact, ...]) -> tuple[str, Spot] | None:
    """Return the words that say the activities are only examples ("bland annat"), if any.

    They are looked for in the line that holds the first activity, up to it,
    and, for a list, in the line that introduces the list.
    """
    if not activities:
        return None
    first = activities[0].spot.start
    start = first
    for line in prep.lines:
        if line.start > first:
            break
        if not line.bullet:
            start = line.start
    m = _EXAMPLES.search(prep.text, start, first + 1)
    if m is None:
        return None
    return m.group(0), Spot(start=m.start(), end=m.end())


def extract(prep: Prepared) -> Facts:
    """Return every fact the rules find in *prep*. Never raises."""
    if not prep.text:
        return Facts()
    text = prep.text
    period, period_text, problem = _period(text)
    signers, contacts = _people(prep)
    activities, focus = _activities_and_focus(prep)
    cadence, forum = _follow_up(prep)
    return Facts(
        kommuner=_kommuner(prep, prep.source.title),
        police_unit=_police_unit(text),
        period=period,
        period_text=period_text,
        period_problem=problem,
        signed_on=_signed_on(text, period[0] if period else None),
        signatories=signers,
        contacts=contacts,
        focus_areas=focus,
        activities=activities,
        cadence=cadence,
        forum=forum,
        kind=_kind(prep, prep.source.title),
        examples_only=_examples_only(prep, activities),
        period_inferred=_period_inferred(text, period),
        published_on=_published_on(text),
    )
