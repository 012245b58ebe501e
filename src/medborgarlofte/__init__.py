"""Swedish medborgarlöften (citizen promises) as typed, validated data.

The public API; the implementation lives in private modules. Each name is
imported from its module the first time it is used, so that a program that
needs only part of the library (the command line showing progress, say) does
not pay for the rest: ``import medborgarlofte`` alone imports nothing else.
The names, their modules and :data:`__all__` are the same as if every module
were imported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from medborgarlofte._compute.calendar import (
        ReportingInterval,
        end_of_period,
        interval_containing,
        intervals,
    )
    from medborgarlofte._compute.followup import (
        CoverageGap,
        FollowUpCoverage,
        FollowUpOccasion,
        IntervalRow,
        IntervalTable,
        OccasionState,
        OccasionStatus,
        activity_dates,
        expand_follow_up_rule,
        follow_up_coverage,
        follow_up_occasions,
        interval_table,
        is_working_day,
        next_working_day,
        scheduled_dates,
    )
    from medborgarlofte._compute.merge import follow_up_alone, with_follow_up
    from medborgarlofte._compute.portfolio import Portfolio, PortfolioRow, PortfolioTotal, portfolio
    from medborgarlofte._compute.progress import progress
    from medborgarlofte._compute.results import (
        ActivityProgress,
        AssessmentAt,
        FocusAreaProgress,
        IndicatorProgress,
        IntervalProgress,
        PartyProgress,
        PromiseProgress,
        StatusCounts,
    )
    from medborgarlofte._compute.status import (
        PartialIntervals,
        ProgressRules,
        Status,
        StatusReason,
        StatusRule,
    )
    from medborgarlofte._compute.tracker import ProgressTracker
    from medborgarlofte._core.codes import PROBLEM_CODES, ProblemCode
    from medborgarlofte._core.problems import Language, Problem, Severity
    from medborgarlofte._draft.draft import Draft, DraftKind, Finding, Missing, Span, draft
    from medborgarlofte._draft.extract import Confidence
    from medborgarlofte._draft.text import SourceInfo
    from medborgarlofte._formats import (
        FORMAT_VERSION,
        Format,
        dump,
        dump_many,
        dumps,
        dumps_many,
        from_dict,
        load,
        load_many,
        load_with_warnings,
        loads,
        loads_many,
        loads_many_with_warnings,
        loads_with_warnings,
        to_dict,
    )
    from medborgarlofte._formats.documents import (
        Document,
        dump_follow_up,
        dumps_follow_up,
        follow_up_from_dict,
        follow_up_to_dict,
        load_document,
        load_follow_up,
        loads_document,
        loads_follow_up,
        loads_follow_up_with_warnings,
    )
    from medborgarlofte._formats.schema import json_schema
    from medborgarlofte._formats.tables import (
        activities_to_csv,
        import_reports,
        reports_from_csv,
        reports_to_csv,
    )
    from medborgarlofte._model.document import FollowUpDocument, PromiseRef
    from medborgarlofte._model.followup import (
        Assessment,
        Cadence,
        FollowUp,
        FollowUpRule,
        ReasonCode,
        Verdict,
    )
    from medborgarlofte._model.indicators import (
        DatePrecision,
        Direction,
        Indicator,
        IndicatorTarget,
        Measurement,
    )
    from medborgarlofte._model.origin import Inference, Origin, OriginKind
    from medborgarlofte._model.parties import (
        Contact,
        Party,
        PartyKind,
        PartyRole,
        Place,
        PlaceKind,
        Signatory,
    )
    from medborgarlofte._model.period import OpenPeriod, Period
    from medborgarlofte._model.promise import (
        Activity,
        Basis,
        Cancellation,
        FocusArea,
        PlaceSplit,
        Promise,
        RelatedDocument,
        Responsibility,
        ReviewOccasion,
        Source,
        SourceKind,
    )
    from medborgarlofte._model.recurrence import Recurrence
    from medborgarlofte._model.reports import (
        Quantity,
        QuantityKind,
        Report,
        ReportKind,
        ReportLink,
        Share,
    )
    from medborgarlofte._model.sweden import (
        County,
        Kommun,
        PoliceRegion,
        counties,
        kommun,
        kommuner,
        kommuner_in,
    )
    from medborgarlofte._model.targets import (
        Bound,
        Interval,
        IntervalQuota,
        Milestone,
        Number,
        Ongoing,
        PeriodQuota,
        Schedule,
        SubTarget,
        Target,
        TargetKind,
    )
    from medborgarlofte._render.ical import (
        activity_uid,
        occasion_uid,
        to_icalendar,
    )
    from medborgarlofte._render.renderer import describe_target, render_html, render_markdown
    from medborgarlofte._rules.integrity import check, validate, validate_follow_up
    from medborgarlofte.exceptions import (
        InvalidTypeError,
        InvalidValueError,
        MedborgarlofteError,
        MissingExtraError,
        PromiseMismatchError,
        UnknownKommunError,
        UnsupportedFormatError,
        ValidationError,
    )

    __version__: str

_EXPORTS: Final[dict[str, tuple[str, ...]]] = {
    "medborgarlofte._compute.calendar": (
        "ReportingInterval",
        "end_of_period",
        "interval_containing",
        "intervals",
    ),
    "medborgarlofte._compute.followup": (
        "CoverageGap",
        "FollowUpCoverage",
        "FollowUpOccasion",
        "IntervalRow",
        "IntervalTable",
        "OccasionState",
        "OccasionStatus",
        "activity_dates",
        "expand_follow_up_rule",
        "follow_up_coverage",
        "follow_up_occasions",
        "interval_table",
        "is_working_day",
        "next_working_day",
        "scheduled_dates",
    ),
    "medborgarlofte._compute.merge": (
        "follow_up_alone",
        "with_follow_up",
    ),
    "medborgarlofte._compute.portfolio": (
        "Portfolio",
        "PortfolioRow",
        "PortfolioTotal",
        "portfolio",
    ),
    "medborgarlofte._compute.progress": ("progress",),
    "medborgarlofte._compute.results": (
        "ActivityProgress",
        "AssessmentAt",
        "FocusAreaProgress",
        "IndicatorProgress",
        "IntervalProgress",
        "PartyProgress",
        "PromiseProgress",
        "StatusCounts",
    ),
    "medborgarlofte._compute.status": (
        "PartialIntervals",
        "ProgressRules",
        "Status",
        "StatusReason",
        "StatusRule",
    ),
    "medborgarlofte._compute.tracker": ("ProgressTracker",),
    "medborgarlofte._core.codes": (
        "PROBLEM_CODES",
        "ProblemCode",
    ),
    "medborgarlofte._core.problems": (
        "Language",
        "Problem",
        "Severity",
    ),
    "medborgarlofte._draft.draft": (
        "Draft",
        "DraftKind",
        "Finding",
        "Missing",
        "Span",
        "draft",
    ),
    "medborgarlofte._draft.extract": ("Confidence",),
    "medborgarlofte._draft.text": ("SourceInfo",),
    "medborgarlofte._formats": (
        "FORMAT_VERSION",
        "Format",
        "dump",
        "dump_many",
        "dumps",
        "dumps_many",
        "from_dict",
        "load",
        "load_many",
        "load_with_warnings",
        "loads",
        "loads_many",
        "loads_many_with_warnings",
        "loads_with_warnings",
        "to_dict",
    ),
    "medborgarlofte._formats.documents": (
        "Document",
        "dump_follow_up",
        "dumps_follow_up",
        "follow_up_from_dict",
        "follow_up_to_dict",
        "load_document",
        "load_follow_up",
        "loads_document",
        "loads_follow_up",
        "loads_follow_up_with_warnings",
    ),
    "medborgarlofte._formats.schema": ("json_schema",),
    "medborgarlofte._formats.tables": (
        "activities_to_csv",
        "import_reports",
        "reports_from_csv",
        "reports_to_csv",
    ),
    "medborgarlofte._model.document": (
        "FollowUpDocument",
        "PromiseRef",
    ),
    "medborgarlofte._model.followup": (
        "Assessment",
        "Cadence",
        "FollowUp",
        "FollowUpRule",
        "ReasonCode",
        "Verdict",
    ),
    "medborgarlofte._model.indicators": (
        "DatePrecision",
        "Direction",
        "Indicator",
        "IndicatorTarget",
        "Measurement",
    ),
    "medborgarlofte._model.origin": (
        "Inference",
        "Origin",
        "OriginKind",
    ),
    "medborgarlofte._model.parties": (
        "Contact",
        "Party",
        "PartyKind",
        "PartyRole",
        "Place",
        "PlaceKind",
        "Signatory",
    ),
    "medborgarlofte._model.period": (
        "OpenPeriod",
        "Period",
    ),
    "medborgarlofte._model.promise": (
        "Activity",
        "Basis",
        "Cancellation",
        "FocusArea",
        "PlaceSplit",
        "Promise",
        "RelatedDocument",
        "Responsibility",
        "ReviewOccasion",
        "Source",
        "SourceKind",
    ),
    "medborgarlofte._model.recurrence": ("Recurrence",),
    "medborgarlofte._model.reports": (
        "Quantity",
        "QuantityKind",
        "Report",
        "ReportKind",
        "ReportLink",
        "Share",
    ),
    "medborgarlofte._model.sweden": (
        "County",
        "Kommun",
        "PoliceRegion",
        "counties",
        "kommun",
        "kommuner",
        "kommuner_in",
    ),
    "medborgarlofte._model.targets": (
        "Bound",
        "Interval",
        "IntervalQuota",
        "Milestone",
        "Number",
        "Ongoing",
        "PeriodQuota",
        "Schedule",
        "SubTarget",
        "Target",
        "TargetKind",
    ),
    "medborgarlofte._render.ical": (
        "activity_uid",
        "occasion_uid",
        "to_icalendar",
    ),
    "medborgarlofte._render.renderer": (
        "describe_target",
        "render_html",
        "render_markdown",
    ),
    "medborgarlofte._rules.integrity": (
        "check",
        "validate",
        "validate_follow_up",
    ),
    "medborgarlofte.exceptions": (
        "InvalidTypeError",
        "InvalidValueError",
        "MedborgarlofteError",
        "MissingExtraError",
        "PromiseMismatchError",
        "UnknownKommunError",
        "UnsupportedFormatError",
        "ValidationError",
    ),
}
"""Which public names each private module provides (kept equal to the imports above by a test)."""

_MODULE_OF: Final[dict[str, str]] = {
    name: module for module, names in _EXPORTS.items() for name in names
}

__all__ = [
    "FORMAT_VERSION",
    "PROBLEM_CODES",
    "Activity",
    "ActivityProgress",
    "Assessment",
    "AssessmentAt",
    "Basis",
    "Bound",
    "Cadence",
    "Cancellation",
    "Confidence",
    "Contact",
    "County",
    "CoverageGap",
    "DatePrecision",
    "Direction",
    "Document",
    "Draft",
    "DraftKind",
    "Finding",
    "FocusArea",
    "FocusAreaProgress",
    "FollowUp",
    "FollowUpCoverage",
    "FollowUpDocument",
    "FollowUpOccasion",
    "FollowUpRule",
    "Format",
    "Indicator",
    "IndicatorProgress",
    "IndicatorTarget",
    "Inference",
    "Interval",
    "IntervalProgress",
    "IntervalQuota",
    "IntervalRow",
    "IntervalTable",
    "InvalidTypeError",
    "InvalidValueError",
    "Kommun",
    "Language",
    "Measurement",
    "MedborgarlofteError",
    "Milestone",
    "Missing",
    "MissingExtraError",
    "Number",
    "OccasionState",
    "OccasionStatus",
    "Ongoing",
    "OpenPeriod",
    "Origin",
    "OriginKind",
    "PartialIntervals",
    "Party",
    "PartyKind",
    "PartyProgress",
    "PartyRole",
    "Period",
    "PeriodQuota",
    "Place",
    "PlaceKind",
    "PlaceSplit",
    "PoliceRegion",
    "Portfolio",
    "PortfolioRow",
    "PortfolioTotal",
    "Problem",
    "ProblemCode",
    "ProgressRules",
    "ProgressTracker",
    "Promise",
    "PromiseMismatchError",
    "PromiseProgress",
    "PromiseRef",
    "Quantity",
    "QuantityKind",
    "ReasonCode",
    "Recurrence",
    "RelatedDocument",
    "Report",
    "ReportKind",
    "ReportLink",
    "ReportingInterval",
    "Responsibility",
    "ReviewOccasion",
    "Schedule",
    "Severity",
    "Share",
    "Signatory",
    "Source",
    "SourceInfo",
    "SourceKind",
    "Span",
    "Status",
    "StatusCounts",
    "StatusReason",
    "StatusRule",
    "SubTarget",
    "Target",
    "TargetKind",
    "UnknownKommunError",
    "UnsupportedFormatError",
    "ValidationError",
    "Verdict",
    "__version__",
    "activities_to_csv",
    "activity_dates",
    "activity_uid",
    "check",
    "counties",
    "describe_target",
    "draft",
    "dump",
    "dump_follow_up",
    "dump_many",
    "dumps",
    "dumps_follow_up",
    "dumps_many",
    "end_of_period",
    "expand_follow_up_rule",
    "follow_up_alone",
    "follow_up_coverage",
    "follow_up_from_dict",
    "follow_up_occasions",
    "follow_up_to_dict",
    "from_dict",
    "import_reports",
    "interval_containing",
    "interval_table",
    "intervals",
    "is_working_day",
    "json_schema",
    "kommun",
    "kommuner",
    "kommuner_in",
    "load",
    "load_document",
    "load_follow_up",
    "load_many",
    "load_with_warnings",
    "loads",
    "loads_document",
    "loads_follow_up",
    "loads_follow_up_with_warnings",
    "loads_many",
    "loads_many_with_warnings",
    "loads_with_warnings",
    "next_working_day",
    "occasion_uid",
    "portfolio",
    "progress",
    "render_html",
    "render_markdown",
    "reports_from_csv",
    "reports_to_csv",
    "scheduled_dates",
    "to_dict",
    "to_icalendar",
    "validate",
    "validate_follow_up",
    "with_follow_up",
]


def __dir__() -> list[str]:
    """Return the module's names, the not yet imported public ones included."""
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:  # a type checker sees the imports above, and no catch-all

    def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public object
        """Return the public object *name*, importing its module on first use (PEP 562)."""
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415 - only when asked

            value = version("medborgarlofte")
        elif name in _MODULE_OF:
            value = getattr(importlib.import_module(_MODULE_OF[name]), name)
        else:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        globals()[name] = value
        return value
