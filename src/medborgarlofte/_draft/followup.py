"""The rules for a follow-up report: what was done, the span it covers, a reason (uppföljning).

A follow-up report tells what was done ("Polisen har genomfört drygt 20
fotpatruller och 20-talet trafikkontroller"), for which span ("sedan januari
2020", "under 2018"), and sometimes why less was done ("pandemin"). Each
sentence that reports work in the perfect tense ("har genomfört") gives one
report per number it names, with the work in the text's own words and the
number as it is worded; a sentence without a number gives one report
without an amount. As everywhere in the drafter, a rule needs its cue.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._draft.extract import Inferred, Spot, make_date
from medborgarlofte._draft.phrases import APPROXIMATE, BOUNDS, NUMBER_WORDS, months
from medborgarlofte._model.targets import Bound

if TYPE_CHECKING:
    from medborgarlofte._draft.text import Prepared

__all__ = ["CoversFact", "FollowUpFacts", "ReportFact", "follow_up_facts", "match_activity"]


@attrs.frozen(kw_only=True)
class ReportFact:
    """One piece of reported work, as the text words it."""

    work: str
    amount: int | None
    approximate: bool
    wording: str | None
    parties: tuple[str, ...]  # "police", "kommun": who did it
    not_done: bool
    reason: str | None
    sentence: str
    spot: Spot


@attrs.frozen(kw_only=True)
class CoversFact:
    """The span a follow-up covers; its end may be unknown."""

    start: dt.date
    end: dt.date | None
    spot: Spot
    inferred: tuple[Inferred, ...] = ()


@attrs.frozen(kw_only=True)
class FollowUpFacts:
    """What the follow-up rules found in one text."""

    reports: tuple[ReportFact, ...] = ()
    covers: CoversFact | None = None
    reason: tuple[str, Spot] | None = None


# ------------------------------------------------------------------ reports

_DONE_VERBS = (
    r"genomfört|utfört|gjort|hållit|haft|deltagit|arbetat|besökt|kontrollerat|fotpatrullerat"
    r"|genomförts|utförts|hållits|gjorts"
)
# "Polisen har genomfört …", "Tillsammans med kommunen har polisen genomfört …".
_REPORTED = re.compile(
    rf"\b(?:har|hade)\s+(?P<neg>inte\s+|ej\s+)?(?:[\wåäö]+\s+){{0,6}}?(?P<verb>{_DONE_VERBS})\b",
    re.IGNORECASE,
)
_ABOUT_THE_PROMISE = re.compile(r"åtagande|medborgarlöfte|löftet", re.IGNORECASE)
_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_BOUND = "|".join(sorted(BOUNDS, key=len, reverse=True))
_WORK_WORD = r"(?!(?:som|vilka|vilket|där|då|när|och|samt|under|men)\b)[a-zåäöé][\wåäöé-]*"
_COUNT = re.compile(
    rf"(?<![\w-])(?P<wording>(?:(?P<bound>{_BOUND})\s+)?"
    rf"(?:ett\s+(?P<approx>{'|'.join(APPROXIMATE)})|(?P<tal>\d{{1,5}})-talet"
    rf"|(?P<num>\d{{1,6}}|{_NUMBER})))"
    rf"(?:\s+(?:st\.?|stycken))?\s+(?P<work>{_WORK_WORD}(?:\s+{_WORK_WORD}){{0,3}})",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<wording>några|ett antal|flera|ett flertal)\s+(?P<work>[^.,;]+)", re.IGNORECASE
)
_WORK_STOP = re.compile(
    r"\s+(?:som|vilka|vilket|där|då|när|och|samt|under|men|med|i syfte|på grund av|pga"
    r"|till följd av|trots|eftersom)\b.*$|[,;:].*$",
    re.IGNORECASE,
)
_NOT_WORK = frozenset(
    {"av", "och", "gånger", "gång", "år", "procent", "i", "på", "vid", "med", "under", "till",
     "för", "mot", "kring", "runt", "inom", "hos", "där", "som", "att", "det", "detta"}
)  # fmt: skip
"""Words a name for the work never begins with: prepositions, pronouns, counting words."""
_ANAPHORIC = re.compile(r"^\W*(?:dessa|detta|de|den|det|där|då)\b", re.IGNORECASE)
"""A sentence that goes on about work named before ("Dessa har genomförts …")."""
_LONGEST_WORK_WORDS = 6
"""A work named in more words than this is a clause, not a name for the work."""
_SECTION = re.compile(
    r"^(?P<who>polisens|kommunens)\s+(?:uppföljning|del|rapport|redovisning)\b", re.IGNORECASE
)


def _value(m: re.Match[str]) -> int | None:
    if m.group("approx"):
        return APPROXIMATE[m.group("approx").casefold()]
    if m.group("tal"):
        return int(m.group("tal"))
    raw = m.group("num")
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw.casefold())


def _work(raw: str) -> str | None:
    work = _WORK_STOP.sub("", " ".join(raw.split())).strip(" .")
    words = work.split()
    if not words or words[0].casefold() in _NOT_WORK or len(words) > _LONGEST_WORK_WORDS:
        return None
    return work


_WHERE = re.compile(r"\b(?:i|inom)\s+[A-ZÅÄÖ][\wåäö-]*s?\s+(?:kommun|stad)\b")
"""Where, not who: "polisen i Hofors kommun"."""


def _who(subject: str, section: tuple[str, ...]) -> tuple[str, ...]:
    """Return who did the work: the subject of the sentence, else the section's party."""
    low = _WHERE.sub("", subject).casefold()
    police = bool(re.search(r"\bpolis(?:en)?\b|lokalpolisområde", low))
    kommun = bool(re.search(r"\bkommun(?:en)?\b|\bregion\b", low))
    if re.search(r"\bvi\b|\bgemensamt\b", low) or (police and kommun):
        return ("police", "kommun")
    if police:
        return ("police",)
    if kommun:
        return ("kommun",)
    return section


def _reports_in(sentence: str, at: int, section: tuple[str, ...]) -> list[ReportFact]:
    done = _REPORTED.search(sentence)
    if done is None or _ABOUT_THE_PROMISE.search(sentence) or _ANAPHORIC.match(sentence):
        return []
    parties = _who(sentence[: done.start("verb")], section)
    rest, offset = sentence[done.end() :], at + done.end()
    spot = Spot(start=at, end=at + len(sentence))
    clean = " ".join(sentence.split())
    not_done = done.group("neg") is not None
    because = _BECAUSE.search(sentence)
    reason = " ".join(because.group("why").split()) if because else None
    found: list[ReportFact] = []
    for m in _COUNT.finditer(rest):
        value = _value(m)
        work = _work(m.group("work"))
        raw = (m.group("num") or "").casefold()
        if value is None or value <= 0 or work is None or (raw in {"en", "ett"} and not m["bound"]):
            continue
        bound = BOUNDS.get((m.group("bound") or "").casefold(), Bound.TARGET)
        approximate = bool(m.group("approx") or m.group("tal")) or bound is Bound.ABOUT
        found.append(
            ReportFact(
                work=work,
                amount=value,
                approximate=approximate,
                wording=" ".join(m.group("wording").split()),
                parties=parties,
                not_done=not_done,
                reason=reason,
                sentence=clean,
                spot=Spot(start=offset + m.start(), end=offset + m.end()),
            )
        )
    if found:
        return found
    vague = _VAGUE.search(rest)
    work = _work(vague.group("work") if vague else _BECAUSE.sub("", rest))
    if work is None:
        return []
    return [
        ReportFact(
            work=work,
            amount=None,
            approximate=False,
            wording=vague.group("wording") if vague and not not_done else None,
            parties=parties,
            not_done=not_done,
            reason=reason,
            sentence=clean,
            spot=spot,
        )
    ]


_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_BECAUSE = re.compile(
    r"\b(?:på grund av|pga\.?|till följd av)\s+(?P<why>[^.,;!?]{3,120})", re.IGNORECASE
)


def _reports(prep: Prepared) -> tuple[ReportFact, ...]:
    found: list[ReportFact] = []
    section: tuple[str, ...] = ()
    for line in prep.lines:
        heading = _SECTION.match(line.text.strip())
        if heading and not line.bullet:
            section = ("police",) if heading["who"].casefold() == "polisens" else ("kommun",)
            continue
        for m in _SENTENCE.finditer(line.text):
            found.extend(_reports_in(m.group(0), line.start + m.start(), section))
    return tuple(found)


# ------------------------------------------------------- linking to activities

_STOP_WORDS = frozenset(
    {"och", "för", "att", "till", "mot", "som", "med", "den", "det", "ett", "samt", "vid",
     "under", "ska", "kommer", "genom", "där", "från", "utföra", "genomföra", "göra"}
)  # fmt: skip
_STEM = 5
"""A word counts by its first five letters: "fotpatrulleringar" meets "fotpatrullera"."""
_SHARED_WORDS = 0.5
"""At least this share of the shorter text's words must be in the other."""


def _stems(text: str) -> set[str]:
    return {
        w[:_STEM]
        for w in re.findall(r"[a-zåäöé]+", text.casefold())
        if len(w) > 2 and w not in _STOP_WORDS  # noqa: PLR2004 - short words carry no meaning
    }


def match_activity(work: str, activities: list[tuple[str, str]]) -> str | None:
    """Return the id of the one activity whose title shares the words of *work*, or ``None``.

    Words count by their first letters, so that inflections meet; the best
    match must share at least half the words of the shorter text, and must be
    the only activity that does as well.
    """
    mine = _stems(work)
    if not mine:
        return None
    scored = []
    for activity_id, title in activities:
        theirs = _stems(title)
        if theirs:
            scored.append((len(mine & theirs) / min(len(mine), len(theirs)), activity_id))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < _SHARED_WORDS:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two activities fit as well: a person must choose
    return scored[0][1]


# ------------------------------------------------------------------- covers

_SINCE = re.compile(
    r"\b(?:sedan|från och med|fr\.o\.m\.?|från)\s+(?:den\s+)?(?:(?P<day>\d{1,2})\s+)?"
    r"(?P<month>[a-zåäö]+)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:[-–—]|till|t\.o\.m))",
    re.IGNORECASE,
)
_DURING_YEAR = re.compile(r"\bunder\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s*[-–—])")
_WHOLE_YEAR = ("hela året: texten anger bara året", "the whole year: the text gives the year")
_FIRST_DAY = ("månadens första dag: texten anger bara månaden", "the month's first day")


_RANGE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+)?(?P<m1>[a-zåäö]+)(?:\s+(?P<y1>(?:19|20)\d\d))?\s*(?:[-–—]|till)\s*"
    r"(?:(?P<d2>\d{1,2})\s+)?(?P<m2>[a-zåäö]+)\s+(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_SPAN_CUE = re.compile(r"\bperiod(?:en)?\b|uppfölj|tertial|halvår|redovis", re.IGNORECASE)
_FIRST_OF_MONTH = ("månadens första dag: texten anger bara månaden", "the month's first day")
_LAST_OF_MONTH = ("månadens sista dag: texten anger bara månaden", "the month's last day")
_YEAR_OF_END = ("året taget från spannets slut", "the year taken from the span's end")


def _range(text: str) -> CoversFact | None:
    """Return a span ("1 januari – 30 april 2025", "januari–april 2025") a sentence gives.

    Only a sentence about the follow-up ("perioden", "tertial") or about work
    done is read; a month without a day is read from its first or to its last
    day, and a first month without a year takes the year of the second.
    """
    mon = months()
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group(0)
        if not (_SPAN_CUE.search(chunk) or _REPORTED.search(chunk)):
            continue
        for m in _RANGE.finditer(chunk):
            m1, m2 = mon.get(m["m1"].casefold()), mon.get(m["m2"].casefold())
            if m1 is None or m2 is None:
                continue
            y2 = int(m["y2"])
            y1 = int(m["y1"]) if m["y1"] else y2 - (m1 > m2)
            start = make_date(y1, m1, int(m["d1"]) if m["d1"] else 1)
            last = calendar.monthrange(y2, m2)[1]
            end = make_date(y2, m2, int(m["d2"]) if m["d2"] else last)
            if start is None or end is None or end < start:
                continue
            reasons = [
                reason
                for reason, missing in ((_FIRST_OF_MONTH, not m["d1"]), (_YEAR_OF_END, not m["y1"]))
                if missing
            ]
            inferred = []
            if reasons:
                joined = ("; ".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons))
                inferred.append(Inferred(path="$.covers.start", reason=joined))
            if not m["d2"]:
                inferred.append(Inferred(path="$.covers.end", reason=_LAST_OF_MONTH))
            at = sentence.start() + m.start()
            spot = Spot(start=at, end=sentence.start() + m.end())
            return CoversFact(start=start, end=end, spot=spot, inferred=tuple(inferred))
    return None


def _covers(prep: Prepared) -> CoversFact | None:
    """Return the span the report covers: a range, from "sedan januari 2020", or a year."""
    mon = months()
    text = prep.text
    ranged = _range(text)
    if ranged is not None:
        return ranged
    for m in _SINCE.finditer(text):
        month = mon.get(m.group("month").casefold())
        if month is None:
            continue
        day = int(m.group("day")) if m.group("day") else 1
        start = make_date(int(m.group("year")), month, day)
        if start is None:
            continue
        inferred = () if m.group("day") else (Inferred(path="$.covers.start", reason=_FIRST_DAY),)
        spot = Spot(start=m.start(), end=m.end())
        return CoversFact(start=start, end=None, spot=spot, inferred=inferred)
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        year = _DURING_YEAR.search(sentence)
        if year is None or _REPORTED.search(sentence) is None:
            continue
        y = int(year.group("year"))
        spot = Spot(start=m.start() + year.start(), end=m.start() + year.end())
        return CoversFact(
            start=dt.date(y, 1, 1),
            end=dt.date(y, 12, 31),
            spot=spot,
            inferred=(
                Inferred(path="$.covers.start", reason=_WHOLE_YEAR),
                Inferred(path="$.covers.end", reason=_WHOLE_YEAR),
            ),
        )
    return None


# ------------------------------------------------------------------- reason

_PANDEMIC = re.compile(r"\b(?:corona|covid)[\wåäö-]*|\b[\wåäö]*pandemi[\wåäö]*", re.IGNORECASE)


def _reason(text: str) -> tuple[str, Spot] | None:
    m = _PANDEMIC.search(text)
    if m is None:
        return None
    return m.group(0), Spot(start=m.start(), end=m.end())


def follow_up_facts(prep: Prepared) -> FollowUpFacts:
    """Return the reports, the span covered and a promise-level reason in *prep*. Never raises."""
    if not prep.text:
        return FollowUpFacts()
    return FollowUpFacts(reports=_reports(prep), covers=_covers(prep), reason=_reason(prep.text))
