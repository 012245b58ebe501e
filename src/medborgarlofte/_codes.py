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
