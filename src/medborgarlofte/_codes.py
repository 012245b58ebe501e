"""The registry of stable problem codes (felkoder): one place, listed in the docs.

Every :class:`~medborgarlofte.Problem` carries one of these codes. A code never
changes meaning once released; new codes may be added. The documentation's
table of codes is generated from :data:`PROBLEM_CODES`.
"""

from __future__ import annotations

import attrs

from medborgarlofte._problems import Severity

__all__ = ["PROBLEM_CODES", "ProblemCode", "register"]


@attrs.frozen(kw_only=True)
class ProblemCode:
    """A stable problem code and what it means (felkod).

    Attributes:
        code: The code, in kebab case, for example ``"unknown-party"``.
        severity: The severity problems with this code have.
        summary_sv: What the code means, in Swedish.
        summary_en: What the code means, in English.
        area: Which part of the library finds it: ``"model"``, ``"rules"``,
            ``"document"`` or ``"csv"``.
    """

    code: str
    severity: Severity
    summary_sv: str
    summary_en: str
    area: str


PROBLEM_CODES: dict[str, ProblemCode] = {}
"""Every known code, by code, in the order registered."""


def register(code: str, severity: Severity, summary_sv: str, summary_en: str, *, area: str) -> str:
    """Add *code* to the registry and return it, so modules can keep it as a constant.

    Raises:
        ValueError: If *code* is already registered with another meaning.
    """
    entry = ProblemCode(
        code=code, severity=severity, summary_sv=summary_sv, summary_en=summary_en, area=area
    )
    known = PROBLEM_CODES.setdefault(code, entry)
    if known != entry:
        msg = f"problem code {code!r} is registered twice with different meanings"
        raise ValueError(msg)
    return code


_E, _W = Severity.ERROR, Severity.WARNING

# Invariants of single model objects, raised by their constructors.
EMPTY_TEXT = register(
    "empty-text", _E, "En text som krävs är tom.", "A required text is empty.", area="model"
)
NOT_POSITIVE = register(
    "not-positive",
    _E,
    "Ett antal som måste vara större än noll är det inte.",
    "A number that must be greater than zero is not.",
    area="model",
)
NEGATIVE = register(
    "negative",
    _E,
    "Ett antal som inte får vara negativt är negativt.",
    "A number that must not be negative is negative.",
    area="model",
)
PERIOD_END_BEFORE_START = register(
    "period-end-before-start",
    _E,
    "En period slutar före den börjar.",
    "A period ends before it starts.",
    area="model",
)
INVALID_RRULE = register(
    "invalid-rrule",
    _E,
    "En upprepningsregel (RRULE) går inte att läsa enligt RFC 5545.",
    "A recurrence rule (RRULE) cannot be read as RFC 5545.",
    area="model",
)
CADENCE_RECURRENCE_MISMATCH = register(
    "cadence-recurrence-mismatch",
    _E,
    "En uppföljningsregel har upprepningsregel utan kadensen 'schedule', eller tvärtom.",
    "A follow-up rule has a recurrence without the cadence 'schedule', or the reverse.",
    area="model",
)

# Progress (#4).
INVALID_PROGRESS_RULES = register(
    "invalid-progress-rules",
    _E,
    "En gräns för bedömning av läget är negativ eller i fel ordning.",
    "A threshold for assessing progress is negative or out of order.",
    area="model",
)

# Integrity rules over a whole promise, found by medborgarlofte.validate.
DUPLICATE_ID = register(
    "duplicate-id",
    _E,
    "Två objekt i samma samling har samma id.",
    "Two objects in the same collection have the same id.",
    area="rules",
)
UNKNOWN_PARTY = register(
    "unknown-party",
    _E,
    "En hänvisning till en part vars id inte finns bland löftets parter.",
    "A reference to a party whose id is not among the promise's parties.",
    area="rules",
)
UNKNOWN_FOCUS_AREA = register(
    "unknown-focus-area",
    _E,
    "En hänvisning till ett fokusområde som inte finns.",
    "A reference to a focus area that does not exist.",
    area="rules",
)
UNKNOWN_ACTIVITY = register(
    "unknown-activity",
    _E,
    "En hänvisning till en aktivitet som inte finns.",
    "A reference to an activity that does not exist.",
    area="rules",
)
UNKNOWN_PLACE = register(
    "unknown-place",
    _E,
    "En hänvisning till en plats som inte finns.",
    "A reference to a place that does not exist.",
    area="rules",
)
UNKNOWN_SOURCE = register(
    "unknown-source",
    _E,
    "En hänvisning till ett underlag som inte finns i lägesbilden.",
    "A reference to a source that is not in the basis.",
    area="rules",
)
UNKNOWN_FOLLOW_UP_RULE = register(
    "unknown-follow-up-rule",
    _E,
    "En uppföljning hänvisar till en uppföljningsregel som inte finns.",
    "A follow-up refers to a follow-up rule that does not exist.",
    area="rules",
)
REFERENCE_CYCLE = register(
    "reference-cycle",
    _E,
    "En part eller plats ligger, via parent eller within, inuti sig själv.",
    "A party or place lies, through parent or within, inside itself.",
    area="rules",
)
NO_PARTIES = register(
    "no-parties",
    _E,
    "Löftet har inga parter.",
    "The promise has no parties.",
    area="rules",
)
NO_POLICE_PARTY = register(
    "no-police-party",
    _W,
    "Löftet har parter men ingen av dem är polisen.",
    "The promise has parties but none of them is the police.",
    area="rules",
)
SIGNED_AFTER_PERIOD = register(
    "signed-after-period",
    _E,
    "Löftet undertecknades efter att perioden slutat.",
    "The promise was signed after its period ended.",
    area="rules",
)
REPORT_OUTSIDE_PERIOD = register(
    "report-outside-period",
    _W,
    "En rapport är daterad, eller täcker tid, utanför löftets period.",
    "A report is dated, or covers time, outside the promise period.",
    area="rules",
)
MEASUREMENT_OUTSIDE_PERIOD = register(
    "measurement-outside-period",
    _W,
    "Ett mätvärde är från en dag utanför löftets period.",
    "A measurement is from a day outside the promise period.",
    area="rules",
)
FOLLOW_UP_BEFORE_PERIOD = register(
    "follow-up-before-period",
    _W,
    "En uppföljning hölls, eller täcker bara tid, före löftets period.",
    "A follow-up was held, or covers only time, before the promise period.",
    area="rules",
)
UNKNOWN_KOMMUNKOD = register(
    "unknown-kommunkod",
    _E,
    "En kommunkod som inte är någon av Sveriges 290 kommuner.",
    "A kommunkod that is none of Sweden's 290 municipalities.",
    area="rules",
)
KOMMUN_NAME_MISMATCH = register(
    "kommun-name-mismatch",
    _W,
    "En kommunal parts namn nämner inte kommunen som kommunkoden anger.",
    "A municipal party's name does not mention the kommun its kommunkod gives.",
    area="rules",
)
KOMMUNKOD_ON_NON_MUNICIPAL_PARTY = register(
    "kommunkod-on-non-municipal-party",
    _W,
    "En part som inte är en kommun (eller Region Gotland) har en kommunkod.",
    "A party that is not a kommun (or Region Gotland) has a kommunkod.",
    area="rules",
)
MISSING_KOMMUNKOD = register(
    "missing-kommunkod",
    _W,
    "En kommun som part saknar kommunkod.",
    "A municipal party has no kommunkod.",
    area="rules",
)
PLACE_OUTSIDE_KOMMUNER = register(
    "place-outside-kommuner",
    _W,
    "En plats ligger i en kommun som inte är part i löftet.",
    "A place lies in a kommun that is not a party to the promise.",
    area="rules",
)
UNKNOWN_POLICE_REGION = register(
    "unknown-police-region",
    _W,
    "En polisregion som inte är någon av de sju.",
    "A police region that is none of the seven.",
    area="rules",
)
SIGNATORY_FOR_CO_ACTOR = register(
    "signatory-for-co-actor",
    _W,
    "Någon undertecknar för en part som enligt sin roll inte undertecknar.",
    "Someone signs for a party whose role is to sign nothing.",
    area="rules",
)
SHARE_OUT_OF_RANGE = register(
    "share-out-of-range",
    _E,
    "En andel i ett delmål ligger inte mellan 0 och 1.",
    "A share in a sub-target is not between 0 and 1.",
    area="rules",
)
SCHEDULE_WITHOUT_OCCURRENCE = register(
    "schedule-without-occurrence",
    _W,
    "En upprepningsregel ger inget tillfälle inom löftets period.",
    "A recurrence rule gives no occurrence inside the promise period.",
    area="rules",
)
MILESTONE_OUTSIDE_PERIOD = register(
    "milestone-outside-period",
    _W,
    "En aktivitets slutdatum ligger utanför löftets period.",
    "An activity's due date lies outside the promise period.",
    area="rules",
)
INTERVAL_LONGER_THAN_PERIOD = register(
    "interval-longer-than-period",
    _W,
    "En kvot per intervall har ett intervall som är längre än hela perioden.",
    "A quota per interval has an interval longer than the whole period.",
    area="rules",
)
INDICATOR_TARGET_BEFORE_PERIOD = register(
    "indicator-target-before-period",
    _W,
    "En indikators målvärde ska nås före löftets period börjar.",
    "An indicator's target is due before the promise period starts.",
    area="rules",
)
REVIEW_DATE_OUTSIDE_PERIOD = register(
    "review-date-outside-period",
    _W,
    "En revideringsdag ligger utanför löftets period.",
    "A review date lies outside the promise period.",
    area="rules",
)
