"""A promise drafted from its Swedish text, and what a person must still check (utkast)."""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._core import codes, texts
from medborgarlofte._draft.extract import GOTLAND, Confidence, Facts, TargetFact, extract
from medborgarlofte._draft.followup import FollowUpFacts, follow_up_facts, match_activity
from medborgarlofte._draft.phrases import months
from medborgarlofte._draft.text import SourceInfo, prepare
from medborgarlofte._formats import to_dict
from medborgarlofte._formats.documents import follow_up_to_dict
from medborgarlofte._model.document import FollowUpDocument, PromiseRef
from medborgarlofte._model.followup import FollowUpRule, ReasonCode
from medborgarlofte._model.origin import Inference, Origin, OriginKind
from medborgarlofte._model.parties import Contact, Party, PartyKind, Signatory
from medborgarlofte._model.period import OpenPeriod
from medborgarlofte._model.promise import Activity, FocusArea, Promise
from medborgarlofte._model.recurrence import Recurrence
from medborgarlofte._model.reports import Report, ReportKind, ReportLink
from medborgarlofte._model.sweden import Kommun, kommuner
from medborgarlofte._model.targets import IntervalQuota, Milestone, Ongoing, PeriodQuota, Schedule
from medborgarlofte._rules.integrity import PLACEHOLDER_PREFIX, validate, validate_follow_up

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language, Problem
    from medborgarlofte._draft.extract import Spot
    from medborgarlofte._model.targets import Target

__all__ = ["Draft", "DraftKind", "Finding", "Missing", "Span", "draft"]

_POLICE_ID = "polisen"
_LONGEST_PHRASE = 160
"""The longest source phrase quoted in a comment of the TOML draft."""


class DraftKind(enum.Enum):
    """What kind of document the text looks like (typ av dokument)."""

    PROMISE = "promise"
    """Ett medborgarlöfte."""
    PRESS_RELEASE = "press_release"
    """A press release about a signing (pressmeddelande)."""
    FOLLOW_UP_REPORT = "follow_up_report"
    """A follow-up report (uppföljning), drafted as a :class:`~medborgarlofte.FollowUpDocument`."""


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the drafted text (textställe).

    Attributes:
        start: Where it starts in :attr:`Draft.text`.
        end: Where it ends.
        text: The words themselves.
    """

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class Finding:
    """One drafted value and where it came from (fynd).

    Attributes:
        path: Where the value sits in the document, as a JSON path.
        value: The value, in words.
        confidence: Found verbatim, inferred by a rule, or guessed.
        span: The phrase it was read from.
    """

    path: str
    value: str
    confidence: Confidence
    span: Span | None


@attrs.frozen(kw_only=True)
class Missing:
    """Something the drafter could not find, or the text gets wrong (saknas).

    Attributes:
        path: Where it belongs in the document.
        message_sv: What is missing or wrong, in Swedish.
        message_en: The same in English.
    """

    path: str
    message_sv: str
    message_en: str

    def message(self, lang: Language = "sv") -> str:
        """Return the message in *lang*."""
        return self.message_sv if lang == "sv" else self.message_en


@attrs.frozen(kw_only=True)
class Draft:
    """A document drafted from a text, for a person to review (utkast).

    A promise, a press release about one or a decision is drafted as a
    :class:`~medborgarlofte.Promise`; a follow-up report as a
    :class:`~medborgarlofte.FollowUpDocument` (:attr:`follow_up`), beside the
    promise as far as the report restates it (:attr:`promise`). Either
    document carries its source metadata in ``origin``
    (:class:`~medborgarlofte.Origin`), with every date the text does not
    state in full as an :class:`~medborgarlofte.Inference`; :attr:`kind`,
    :attr:`source` and :attr:`truncated` are read from it.

    Attributes:
        promise: The promise as far as it could be drafted; every value a
            person must supply is a placeholder beginning ``<FYLL I``, which
            :func:`~medborgarlofte.validate` reports as ``draft-placeholder``.
            For a follow-up report, the promise it restates.
        findings: Every value drafted in :attr:`document` with its source
            phrase and confidence.
        missing: What could not be found or needs a person's eye.
        text: The normalised text every span points into.
        follow_up: The follow-up document, when the text is a follow-up
            report; its placeholders are reported by
            :func:`~medborgarlofte.validate_follow_up`.
    """

    promise: Promise
    findings: tuple[Finding, ...]
    missing: tuple[Missing, ...]
    text: str = attrs.field(repr=False)
    follow_up: FollowUpDocument | None = None

    @property
    def document(self) -> Promise | FollowUpDocument:
        """Return the drafted document: the follow-up document, else the promise."""
        return self.follow_up if self.follow_up is not None else self.promise

    @property
    def origin(self) -> Origin:
        """Return the source metadata of :attr:`document` (källa)."""
        origin = self.document.origin
        return origin if origin is not None else Origin(kind=OriginKind.OTHER)

    @property
    def kind(self) -> DraftKind:
        """Return what kind of document the text looks like, from :attr:`origin`."""
        return _DRAFT_KINDS.get(self.origin.kind, DraftKind.PROMISE)

    @property
    def source(self) -> SourceInfo:
        """Return the address, title and day read that the text's first lines name."""
        origin = self.origin
        return SourceInfo(url=origin.url, title=origin.title, retrieved_on=origin.retrieved_on)

    @property
    def truncated(self) -> bool:
        """Return whether the text was cut short, from :attr:`origin`."""
        return self.origin.truncated

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Return the JSON paths of the placeholders left in :attr:`document`."""
        return tuple(
            p.path
            for p in _validate_placeholders(self.document)
            if p.code == codes.DRAFT_PLACEHOLDER
        )

    def review(self, lang: Language = "sv") -> str:
        """Return the review list: what was found, what was inferred, what is missing.

        >>> print(draft("").review("en").splitlines()[0].replace(texts.NBSP, " "))
        Draft of a promise: 0 values found (0 verbatim, 0 inferred, 0 guessed), 3 to fill in.
        """
        counts = {c: sum(1 for f in self.findings if f.confidence is c) for c in Confidence}
        words = texts.DRAFT["sv" if lang == "sv" else "en"]

        def counted(key: str, n: int) -> str:
            return texts.counted(texts.DRAFT_COUNTED, key, n, lang)

        head = words["head"].format(
            what=words["promise" if self.follow_up is None else "follow_up"],
            values=counted("values", len(self.findings)),
            found=counts[Confidence.VERBATIM],
            inferred=counted("inferred", counts[Confidence.INFERRED]),
            guessed=counted("guessed", counts[Confidence.GUESSED]),
            holes=len(self.placeholders),
        )
        lines = [head]
        lines.extend(
            f"  {words[finding.confidence.value]:8} {finding.path}: {finding.value}"
            for finding in self.findings
        )
        lines.extend(f"  {words['missing']:8} {m.path}: {m.message(lang)}" for m in self.missing)
        return "\n".join(lines) + "\n"

    def to_toml(self) -> str:
        """Return :attr:`document` as TOML that loads with the library.

        A promise loads with :func:`~medborgarlofte.loads`, a follow-up
        document with :func:`~medborgarlofte.loads_follow_up`; both with
        :func:`~medborgarlofte.loads_document`. Every drafted value carries a
        comment with its source phrase; every value a person must supply is
        a ``<FYLL I: …>`` placeholder, and the head of the file says that it
        is a draft.
        """
        notes: dict[str, list[str]] = {}
        for finding in self.findings:
            if finding.span is not None:
                phrase = " ".join(finding.span.text.split())
                if len(phrase) > _LONGEST_PHRASE:
                    phrase = phrase[: _LONGEST_PHRASE - 1] + "…"
                label = {"verbatim": "källa", "inferred": "härlett ur", "guessed": "gissat ur"}
                notes.setdefault(finding.path, []).append(
                    f"{label[finding.confidence.value]}: {phrase}"
                )
        head = [
            "# UTKAST – skapat av `medborgarlofte draft` ur en text; granska varje värde.",
            "# Värden som börjar med <FYLL I ska fyllas i; `medborgarlofte validate` listar dem."
            if self.follow_up is None
            else "# Värden som börjar med <FYLL I ska fyllas i; validate_follow_up listar dem.",
        ]
        if self.source.url:
            head.append(f"# Källa: {self.source.url}")
        if self.source.title:
            head.append(f"# Sidans titel: {self.source.title}")
        head.append(f"# Dokumenttyp enligt texten: {self.kind.value}")
        head.extend(f"# Saknas: {m.path}: {m.message_sv}" for m in self.missing)
        head = ["# " + " ".join(line[2:].split()) for line in head]  # one line each
        data = (
            follow_up_to_dict(self.follow_up)
            if self.follow_up is not None
            else to_dict(self.promise)
        )
        body = _toml_table(data, "$", notes)
        return "\n".join(head) + "\n" + "\n".join(body) + "\n"


_DRAFT_KINDS = {
    OriginKind.PROMISE: DraftKind.PROMISE,
    OriginKind.PRESS_RELEASE: DraftKind.PRESS_RELEASE,
    OriginKind.FOLLOW_UP_REPORT: DraftKind.FOLLOW_UP_REPORT,
}


def _validate_placeholders(document: Promise | FollowUpDocument) -> tuple[Problem, ...]:
    if isinstance(document, FollowUpDocument):
        return validate_follow_up(document)
    return validate(document)


# ---------------------------------------------------------------- TOML writing


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    msg = f"cannot write {type(value).__name__} as TOML"
    raise TypeError(msg)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _comments(notes: dict[str, list[str]], path: str) -> list[str]:
    return [f"# {line}" for line in notes.get(path, [])]


def _toml_table(
    data: dict[str, Any], path: str, notes: dict[str, list[str]], header: str = ""
) -> list[str]:
    out: list[str] = []
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) or (
            isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        ):
            tables.append((key, value))
            continue
        out.extend(_comments(notes, f"{path}.{key}"))
        out.append(f"{_key(key)} = {_toml_value(value)}")
    for key, value in tables:
        name = f"{header}.{_key(key)}" if header else _key(key)
        if isinstance(value, dict):
            out.append("")
            out.extend(_comments(notes, f"{path}.{key}"))
            out.append(f"[{name}]")
            out.extend(_toml_table(value, f"{path}.{key}", notes, name))
        else:
            for i, item in enumerate(value):
                out.append("")
                out.extend(_comments(notes, f"{path}.{key}[{i}]"))
                out.append(f"[[{name}]]")
                out.extend(_toml_table(item, f"{path}.{key}[{i}]", notes, name))
    return out


# ---------------------------------------------------------------- building


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "x"


def _unique(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _placeholder(what: str) -> str:
    return f"{PLACEHOLDER_PREFIX}: {what}>"


def _target(fact: TargetFact, unit_missing: str) -> Target:
    wording = fact.phrase
    if fact.kind == "schedule" and fact.rule is not None:
        return Schedule(recurrence=Recurrence(rule=fact.rule), wording=wording)
    if fact.kind == "interval_quota" and fact.amount and fact.per is not None:
        return IntervalQuota(
            amount=fact.amount,
            unit=fact.unit or unit_missing,
            per=fact.per,
            bound=fact.bound,
            wording=wording,
        )
    if fact.kind == "period_quota" and fact.amount:
        return PeriodQuota(
            amount=fact.amount, unit=fact.unit or unit_missing, bound=fact.bound, wording=wording
        )
    if fact.kind == "milestone":
        return Milestone()
    return Ongoing(wording=wording)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.findings: list[Finding] = []
        self.missing: list[Missing] = []
        self.inferred: list[Inference] = []

    def infer(self, path: str, reason: str) -> None:
        """Record that the date at *path* is not stated in full in the text."""
        self.inferred.append(Inference(path=path, reason=reason))

    def found(self, path: str, value: str, spot: Spot | None) -> None:
        span = (
            None
            if spot is None or spot.end <= spot.start
            else Span(start=spot.start, end=spot.end, text=self.text[spot.start : spot.end])
        )
        confidence = Confidence.INFERRED if spot is None else spot.confidence
        self.findings.append(Finding(path=path, value=value, confidence=confidence, span=span))

    def lack(self, path: str, sv: str, en: str) -> None:
        sv, en = " ".join(sv.split()), " ".join(en.split())
        self.missing.append(Missing(path=path, message_sv=sv, message_en=en))


def _kommun_name(kommun: Kommun) -> str:
    """Return the name the draft gives a kommun's party: "Hofors kommun", "Region Gotland"."""
    return "Region Gotland" if kommun.code == GOTLAND else f"{kommun.name} kommun"


def _parties(facts: Facts, b: _Builder) -> tuple[list[Party], tuple[str, ...]]:
    parties: list[Party] = []
    unit = facts.police_unit
    police_name = f"Polisen, lokalpolisområde {unit[0]}" if unit else "Polisen"
    region = facts.kommuner[0].kommun.police_region.value if len(facts.kommuner) == 1 else None
    parties.append(
        Party(
            id=_POLICE_ID,
            kind=PartyKind.POLICE,
            name=police_name,
            local_police_area=unit[0] if unit else None,
            police_region=region,
        )
    )
    if unit:
        b.found("$.parties[0].local_police_area", unit[0], unit[1])
    else:
        b.lack(
            "$.parties[0].local_police_area",
            "texten namnger inget lokalpolisområde",
            "the text names no local police area",
        )
    if region:
        b.found("$.parties[0].police_region", region, None)
    for kf in facts.kommuner:
        k = kf.kommun
        gotland = k.code == "0980"
        parties.append(
            Party(
                id=_slug(k.name),
                kind=PartyKind.REGION if gotland else PartyKind.MUNICIPALITY,
                name=_kommun_name(k),
                kommunkod=k.code,
            )
        )
        b.found(
            f"$.parties[{len(parties) - 1}].kommunkod",
            f"{k.code} ({k.name}, {k.county.name})",
            kf.spot,
        )
    if not facts.kommuner:
        b.lack("$.parties", "ingen kommun hittades i texten", "no kommun was found in the text")
    return parties, tuple(p.id for p in parties[1:])


def _people(
    facts: Facts, b: _Builder, kommun_ids: tuple[str, ...]
) -> tuple[list[Signatory], list[Contact]]:
    kommun_id = kommun_ids[0] if len(kommun_ids) == 1 else None
    signatories: list[Signatory] = []
    contacts: list[Contact] = []
    for person in facts.signatories:
        party = _POLICE_ID if person.party == "police" else kommun_id
        if party is None:
            b.lack(
                f"$.signatories: {person.name}",
                f"{person.name} ({person.title}) undertecknar men kommunen är oklar",
                f"{person.name} ({person.title}) signs, but for which kommun is unclear",
            )
            continue
        signed = facts.signed_on[0] if facts.signed_on else None
        signatories.append(
            Signatory(
                name=person.name,
                party=party,
                title=person.title,
                acting=person.acting,
                political_party=person.political_party,
                signed_on=signed,
            )
        )
        b.found(
            f"$.signatories[{len(signatories) - 1}]", f"{person.name}, {person.title}", person.spot
        )
    for person in facts.contacts:
        party = _POLICE_ID if person.party == "police" else kommun_id
        if party is None:
            continue
        contacts.append(Contact(name=person.name, party=party, title=person.title))
        b.found(f"$.contacts[{len(contacts) - 1}]", f"{person.name}, {person.title}", person.spot)
    return signatories, contacts


def _activities(
    facts: Facts, b: _Builder, kommun_ids: tuple[str, ...]
) -> tuple[list[FocusArea], list[Activity]]:
    focus: list[FocusArea] = []
    taken: set[str] = set()
    for i, (title, spot) in enumerate(facts.focus_areas):
        focus.append(FocusArea(id=_unique(_slug(title)[:24], taken), title=title))
        b.found(f"$.focus_areas[{i}]", title, spot)
    if not focus:
        b.lack("$.focus_areas", "inga fokusområden hittades", "no focus areas were found")
    activities: list[Activity] = []
    taken = set()
    unit_missing = _placeholder("vad som räknas")
    for fact in facts.activities:
        i = len(activities)
        ids = {"police": (_POLICE_ID,), "kommun": kommun_ids}
        responsible = tuple(x for r in fact.responsible for x in ids[r])
        target = _target(fact.target, unit_missing)
        activities.append(
            Activity(
                id=_unique(_slug(fact.title)[:32], taken),
                title=fact.title,
                target=target,
                responsible=responsible,
            )
        )
        b.found(f"$.activities[{i}]", fact.title, fact.spot)
        if fact.target.phrase and not isinstance(target, Ongoing | Milestone):
            b.found(
                f"$.activities[{i}].target",
                target.kind,
                attrs.evolve(fact.spot, confidence=Confidence.INFERRED),
            )
        if len(kommun_ids) > 1 and "kommun" in fact.responsible:
            b.lack(
                f"$.activities[{i}].responsibility",
                "flera kommuner: ange om de gör det tillsammans (joint) eller var och en (each)",
                "several kommuner: say whether they do it together (joint) or each (each)",
            )
        if fact.truncated:
            b.lack(
                f"$.activities[{i}]",
                "punkten är avbruten i texten; komplettera den",
                "the item is cut off in the text; complete it",
            )
        if not fact.responsible:
            b.lack(
                f"$.activities[{i}].responsible",
                "ansvarig part framgår inte",
                "no responsible party is stated",
            )
    if not activities:
        b.lack("$.activities", "inga aktiviteter hittades", "no activities were found")
    if facts.examples_only:
        words = facts.examples_only[0]
        b.lack(
            "$.activities",
            f"texten ger aktiviteterna som exempel ({words!r}); löftet kan ha fler",
            f"the text gives the activities as examples ({words!r}); the promise may have more",
        )
    return focus, activities


def _period_fields(facts: Facts, b: _Builder) -> tuple[Any, str | None]:
    period = facts.period[0] if facts.period else None
    worded = facts.period_text[0] if facts.period_text else None
    if facts.period:
        b.found("$.period", str(facts.period[0]), facts.period[1])
    if period is None:
        if facts.period_problem:
            b.lack(
                "$.period",
                f"texten anger ett omöjligt datum ({facts.period_problem}); ange perioden",
                f"the text states an impossible date ({facts.period_problem}); give the period",
            )
        else:
            b.lack(
                "$.period",
                "ingen period med datum eller år hittades",
                "no period with dates or years was found",
            )
        said = f"; texten säger: {worded}" if worded else ""
        return None, _placeholder(f"löftets period{said}")
    return period, worded


def _rules(facts: Facts, b: _Builder) -> list[FollowUpRule]:
    """Return the follow-up rule the text states: its cadence and forum."""
    if not facts.cadence:
        b.lack(
            "$.follow_up_rules",
            "hur löftet följs upp framgår inte",
            "how the promise is followed up is not stated",
        )
        return []
    forum = facts.forum[0] if facts.forum else None
    b.found("$.follow_up_rules[0].cadence", facts.cadence[0].value, facts.cadence[1])
    if facts.forum:
        b.found("$.follow_up_rules[0].forum", facts.forum[0], facts.forum[1])
    return [FollowUpRule(id="uppfoljning", cadence=facts.cadence[0], forum=forum)]


_SIGNING_YEAR = "året taget från perioden"
_HOSTS = {"polisen.se": "Polisen"}
"""Publishers known by their address; a kommun is known by its own (``kil.se``)."""


def _publisher(url: str | None) -> str | None:
    """Return who published the page at *url*, when its address says: Polisen or a kommun."""
    host = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    if host is None:
        return None
    name = host.group(1).casefold()
    if name in _HOSTS:
        return _HOSTS[name]
    label = name.removesuffix(".se")
    if "." in label or label == name:
        return None
    for k in kommuner():
        if _slug(k.name) == label:
            return _kommun_name(k)
    return None


def _origin(
    kind: OriginKind,
    info: SourceInfo,
    facts: Facts,
    b: _Builder,
    *,
    truncated: bool,
) -> Origin:
    publisher = _publisher(info.url)
    if publisher is not None:
        b.found("$.origin.publisher", publisher, None)
    if facts.published_on:
        b.found("$.origin.published_on", facts.published_on[0].isoformat(), facts.published_on[1])
    return Origin(
        kind=kind,
        url=info.url,
        title=info.title,
        publisher=publisher,
        published_on=facts.published_on[0] if facts.published_on else None,
        retrieved_on=info.retrieved_on,
        truncated=truncated,
        activities_examples_only=facts.examples_only is not None,
        inferred=tuple(b.inferred),
    )


def _infer_dates(facts: Facts, b: _Builder, signatories: list[Signatory]) -> None:
    """Record every date of the promise that the text does not state in full."""
    for inferred in facts.period_inferred:
        b.infer(inferred.path, inferred.reason[0])
    if facts.signed_on and facts.signed_on[1].confidence is Confidence.INFERRED:
        b.infer("$.signed_on", _SIGNING_YEAR)
        for i, signatory in enumerate(signatories):
            if signatory.signed_on is not None:
                b.infer(f"$.signatories[{i}].signed_on", _SIGNING_YEAR)


def _check_arguments(text: object, promise: object) -> None:
    if not isinstance(text, str | bytes):
        msg = f"draft() takes text or bytes, not {type(text).__name__}"
        raise TypeError(msg)
    if promise is not None and not isinstance(promise, Promise):
        msg = f"draft(promise=…) takes a Promise, not {type(promise).__name__}"
        raise TypeError(msg)


def draft(text: str | bytes, *, source: str | None = None, promise: Promise | None = None) -> Draft:
    """Draft a promise or a follow-up document (utkast) from its Swedish text.

    Finds kommuner, the local police area, the period, the signing date, the
    signatories and contacts, focus areas, activities with their targets, and
    the follow-up cadence, each with the phrase it came from, and the source
    metadata (:class:`~medborgarlofte.Origin`). A follow-up report is also
    drafted as a :class:`~medborgarlofte.FollowUpDocument`: the promise it
    follows up, the span it covers, what was done in the text's own words
    (``link = "unrestated"``) and a reason such as the pandemic; given the
    *promise* it follows up, it refers to that promise and links a report to
    the activity whose title shares its words (``link = "activity"``). Never
    invents a value: what it cannot find is a placeholder or is left out,
    and named in :attr:`Draft.missing`.

    >>> d = draft("Medborgarlöftet för Hofors kommun gäller 2023-2024.")
    >>> d.promise.period.start.isoformat(), d.promise.municipalities[0].kommunkod
    ('2023-01-01', '2104')
    >>> [i.path for i in d.promise.origin.inferred]
    ['$.period.start', '$.period.end']

    Args:
        text: The text of a web page, press release or PDF, as text or bytes
            (UTF-8, or Windows-1252); HTML is read as its text.
        source: Where the text comes from, when its first lines do not say.
        promise: The promise a follow-up report follows up, if known; read
            only when the text is a follow-up report.

    Returns:
        The draft; an empty or unreadable text gives a draft with nothing
        found and a review list that says why.

    Raises:
        MissingExtraError: When the ``draft`` extra (Babel) is not installed.
        TypeError: When *text* is neither text nor bytes, or *promise* is
            not a :class:`~medborgarlofte.Promise`.
    """
    _check_arguments(text, promise)
    months()  # fail early and clearly without the extra
    prep = prepare(text)
    info = prep.source if source is None else attrs.evolve(prep.source, url=source)
    facts = extract(prep)
    kind = OriginKind(facts.kind)
    b = _Builder(prep.text)
    period_end = facts.period[0].end if facts.period else None
    if facts.signed_on and period_end is not None and facts.signed_on[0] > period_end:
        b.lack(
            "$.signed_on",
            f"texten anger undertecknandet {facts.signed_on[0]}, efter periodens slut; kontrollera",
            f"the text dates the signing {facts.signed_on[0]}, after the period ends; check it",
        )
        facts = attrs.evolve(facts, signed_on=None)
    for sv, en in prep.notes:
        b.lack("$", sv, en)
    parties, kommun_ids = _parties(facts, b)
    period, period_text = _period_fields(facts, b)
    signed_on = facts.signed_on[0] if facts.signed_on else None
    if facts.signed_on:
        b.found("$.signed_on", facts.signed_on[0].isoformat(), facts.signed_on[1])
    signatories, contacts = _people(facts, b, kommun_ids)
    if not signatories:
        b.lack("$.signatories", "inga undertecknare hittades", "no signatories were found")
    focus, activities = _activities(facts, b, kommun_ids)
    rules = _rules(facts, b)
    names = [p.name.removesuffix(" kommun") for p in parties[1:]]
    years = (
        f" {period.start.year}–{period.end.year}"
        if period and period.start.year != period.end.year
        else (f" {period.start.year}" if period else "")
    )
    if info.title and names:
        title = info.title
        b.found("$.title", title, None)
    elif names:
        title = f"Medborgarlöfte för {', '.join(names)}{years}"
        b.found("$.title", title, None)
    else:
        title = _placeholder("löftets titel")
    if facts.examples_only:
        b.found("$.origin.activities_examples_only", "true", facts.examples_only[1])
    _infer_dates(facts, b, signatories)
    restated = Promise(
        id=_slug(f"{'-'.join(names) or 'utkast'}{years}"),
        title=title,
        parties=tuple(parties),
        period=period,
        period_text=period_text,
        signed_on=signed_on,
        signatories=tuple(signatories),
        contacts=tuple(contacts),
        focus_areas=tuple(focus),
        activities=tuple(activities),
        follow_up_rules=tuple(rules),
        summary=_placeholder("sammanfatta löftet med egna ord när utkastet är granskat"),
        url=info.url,
        origin=_origin(kind, info, facts, b, truncated=prep.truncated),
    )
    if kind is not OriginKind.FOLLOW_UP_REPORT:
        return Draft(
            promise=restated, findings=tuple(b.findings), missing=tuple(b.missing), text=prep.text
        )
    follow_up, fb = _follow_up(restated, promise, facts, follow_up_facts(prep), b, info)
    return Draft(
        promise=restated,
        follow_up=follow_up,
        findings=tuple(fb.findings),
        missing=tuple(fb.missing),
        text=prep.text,
    )


# ---------------------------------------------------------------- follow-up documents

_SHARED_PATHS = ("$.parties", "$.contacts")
"""Paths a promise and its follow-up document share: parties and contacts."""


def _contacts_of(
    promise: Promise, given: Promise, pb: _Builder, b: _Builder
) -> tuple[Contact, ...]:
    """Return the contacts the text names, with the parties of the *given* promise."""
    police = given.police[0].id if given.police else None
    by_code = {p.kommunkod: p.id for p in given.municipalities}
    mapped = {p.id: (police if p.kind is PartyKind.POLICE else by_code.get(p.kommunkod))
              for p in promise.parties}  # fmt: skip
    contacts: list[Contact] = []
    for i, contact in enumerate(promise.contacts):
        party = mapped.get(contact.party)
        if party is None:
            b.lack(
                f"$.contacts: {contact.name}",
                f"{contact.name} hör till en part som det givna löftet saknar",
                f"{contact.name} belongs to a party the given promise does not have",
            )
            continue
        b.findings.extend(
            attrs.evolve(f, path=f"$.contacts[{len(contacts)}]")
            for f in pb.findings
            if f.path == f"$.contacts[{i}]"
        )
        contacts.append(attrs.evolve(contact, party=party))
    return tuple(contacts)


def _given_ref(given: Promise, b: _Builder) -> PromiseRef:
    """Return the reference to the promise the caller gave as the one followed up."""
    b.found("$.promise.id", given.id, None)
    kommunkoder = tuple(p.kommunkod for p in given.municipalities if p.kommunkod is not None)
    return PromiseRef(id=given.id, kommunkoder=kommunkoder, period=given.period)


def _promise_ref(promise: Promise, facts: Facts, b: _Builder) -> PromiseRef:
    """Return the reference to the promise followed up, as far as the text names it."""
    known = bool(promise.municipalities) and promise.period is not None
    promise_id = promise.id if known else _placeholder("id för löftet som följs upp")
    if known:
        b.found("$.promise.id", promise_id, None)
        b.lack(
            "$.promise.id",
            f"id:t {promise_id!r} är gissat ur kommun och period; ange det följda löftets id",
            f"the id {promise_id!r} is guessed from kommun and period; give the followed "
            "promise's id",
        )
    kommunkoder = tuple(p.kommunkod for p in promise.municipalities if p.kommunkod is not None)
    for i, kf in enumerate(facts.kommuner):
        b.found(f"$.promise.kommunkoder[{i}]", kf.kommun.code, kf.spot)
    if facts.period:
        b.found("$.promise.period", str(facts.period[0]), facts.period[1])
        for inferred in facts.period_inferred:
            b.infer(inferred.path.replace("$.", "$.promise.", 1), inferred.reason[0])
    return PromiseRef(id=promise_id, kommunkoder=kommunkoder, period=promise.period)


def _covers(found: FollowUpFacts, b: _Builder) -> OpenPeriod | None:
    if found.covers is None:
        b.lack("$.covers", "vilken tid uppföljningen gäller framgår inte", "the span is not stated")
        return None
    covers = OpenPeriod(start=found.covers.start, end=found.covers.end)
    b.found("$.covers", f"{covers.start}–{covers.end or '…'}", found.covers.spot)
    for inferred in found.covers.inferred:
        b.infer(inferred.path, inferred.reason[0])
    return covers


def _reports(
    promise: Promise, given: Promise | None, found: FollowUpFacts, b: _Builder
) -> tuple[Report, ...]:
    """Return the reported work, linked to an activity of *given* or as unrestated work."""
    kommun_ids = tuple(p.id for p in promise.municipalities)
    police_ids = tuple(p.id for p in promise.police)
    ids = {"police": police_ids, "kommun": kommun_ids}
    titles = [(a.id, a.title) for a in given.activities] if given is not None else []
    reports: list[Report] = []
    for fact in found.reports:
        who = tuple(dict.fromkeys(x for r in fact.parties for x in ids[r]))
        activity = match_activity(fact.work, titles)
        if activity is not None:
            b.found(
                f"$.reports[{len(reports)}].activity",
                activity,
                attrs.evolve(fact.spot, confidence=Confidence.GUESSED),
            )
        reports.append(
            Report(
                activity=activity,
                link=ReportLink.UNRESTATED if activity is None else ReportLink.ACTIVITY,
                work=fact.work,
                kind=ReportKind.NOT_DONE if fact.not_done else ReportKind.DONE,
                amount=fact.amount,
                approximate=fact.approximate,
                wording=fact.wording,
                party=who[0] if len(who) == 1 else None,
                parties=who if len(who) > 1 else (),
                reason=fact.reason,
            )
        )
        said = f"{fact.wording} {fact.work}" if fact.wording else fact.work
        b.found(f"$.reports[{len(reports) - 1}]", said, fact.spot)
    if not reports:
        b.lack("$.reports", "inga rapporterade insatser hittades", "no reported work was found")
    elif promise.activities and given is None:
        b.lack(
            "$.reports",
            "texten återger löftets aktiviteter; koppla rapporterna till löftets aktivitets-id "
            "(link = 'activity') när löftet finns som dokument",
            "the text restates the promise's activities; link the reports to its activity ids "
            "(link = 'activity') once the promise is a document",
        )
    return tuple(reports)


def _follow_up(  # noqa: PLR0917 - the promises, the facts and the source, as drafted
    promise: Promise,
    given: Promise | None,
    facts: Facts,
    found: FollowUpFacts,
    pb: _Builder,
    info: SourceInfo,
) -> tuple[FollowUpDocument, _Builder]:
    """Return the follow-up document a follow-up report gives, and its findings."""
    b = _Builder(pb.text)
    if given is None:
        b.findings.extend(f for f in pb.findings if f.path.startswith(_SHARED_PATHS))
        b.missing.extend(
            m for m in pb.missing if m.path == "$" or m.path.startswith(("$.parties", "$.period"))
        )
        parties, contacts = promise.parties, promise.contacts
    else:
        b.missing.extend(m for m in pb.missing if m.path == "$")
        parties, contacts = given.parties, _contacts_of(promise, given, pb, b)
    ref = _promise_ref(promise, facts, b) if given is None else _given_ref(given, b)
    covers = _covers(found, b)
    reports = _reports(given or promise, given, found, b)
    reason = found.reason[0] if found.reason else None
    if found.reason:
        b.found("$.reason", found.reason[0], found.reason[1])
    published = facts.published_on[0] if facts.published_on else None
    truncated = bool(promise.origin and promise.origin.truncated)
    origin = _origin(OriginKind.FOLLOW_UP_REPORT, info, facts, b, truncated=truncated)
    known = not ref.id.startswith(PLACEHOLDER_PREFIX)
    document = FollowUpDocument(
        id=_slug(f"{ref.id if known else 'utkast'}-uppfoljning"),
        promise=ref,
        title=info.title,
        published_on=published,
        covers=covers,
        parties=parties,
        contacts=contacts,
        reports=reports,
        reason=reason,
        reason_code=ReasonCode.EXTERNAL_EVENT if reason else None,
        summary=_placeholder("sammanfatta uppföljningen med egna ord när utkastet är granskat"),
        origin=origin,
    )
    return document, b
