"""Swedish medborgarlöften (citizen promises) as typed, validated data.

The public API; the implementation lives in private modules.
"""

from importlib.metadata import version as _version

from medborgarlofte._calendar import (
    ReportingInterval,
    end_of_period,
    interval_containing,
    intervals,
)
from medborgarlofte._followup import (
    CoverageGap,
    FollowUpCoverage,
    FollowUpOccasion,
    IntervalRow,
    IntervalTable,
    OccasionState,
    OccasionStatus,
    expand_follow_up_rule,
    follow_up_coverage,
    follow_up_occasions,
    interval_table,
    is_working_day,
    next_working_day,
    scheduled_dates,
)
from medborgarlofte._followups import (
    Assessment,
    Cadence,
    FollowUp,
    FollowUpRule,
    ReasonCode,
    Verdict,
)
from medborgarlofte._indicators import (
    Direction,
    Indicator,
    IndicatorTarget,
    Measurement,
)
from medborgarlofte._parties import (
    Contact,
    Party,
    PartyKind,
    PartyRole,
    Place,
    PlaceKind,
    Signatory,
)
from medborgarlofte._period import Period
from medborgarlofte._problems import Language, Problem, Severity
from medborgarlofte._promise import (
    Activity,
    Basis,
    Cancellation,
    FocusArea,
    Promise,
    RelatedDocument,
    Responsibility,
    Source,
    SourceKind,
)
from medborgarlofte._recurrence import Recurrence
from medborgarlofte._reports import Quantity, QuantityKind, Report, ReportKind
from medborgarlofte._targets import (
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
from medborgarlofte.exceptions import (
    InvalidValueError,
    MedborgarlofteError,
    MissingExtraError,
    UnknownKommunError,
    ValidationError,
)

__version__ = _version("medborgarlofte")

__all__ = [
    "Activity",
    "Assessment",
    "Basis",
    "Bound",
    "Cadence",
    "Cancellation",
    "Contact",
    "CoverageGap",
    "Direction",
    "FocusArea",
    "FollowUp",
    "FollowUpCoverage",
    "FollowUpOccasion",
    "FollowUpRule",
    "Indicator",
    "IndicatorTarget",
    "Interval",
    "IntervalQuota",
    "IntervalRow",
    "IntervalTable",
    "InvalidValueError",
    "Language",
    "Measurement",
    "MedborgarlofteError",
    "Milestone",
    "MissingExtraError",
    "Number",
    "OccasionState",
    "OccasionStatus",
    "Ongoing",
    "Party",
    "PartyKind",
    "PartyRole",
    "Period",
    "PeriodQuota",
    "Place",
    "PlaceKind",
    "Problem",
    "Promise",
    "Quantity",
    "QuantityKind",
    "ReasonCode",
    "Recurrence",
    "RelatedDocument",
    "Report",
    "ReportKind",
    "ReportingInterval",
    "Responsibility",
    "Schedule",
    "Severity",
    "Signatory",
    "Source",
    "SourceKind",
    "SubTarget",
    "Target",
    "TargetKind",
    "UnknownKommunError",
    "ValidationError",
    "Verdict",
    "__version__",
    "end_of_period",
    "expand_follow_up_rule",
    "follow_up_coverage",
    "follow_up_occasions",
    "interval_containing",
    "interval_table",
    "intervals",
    "is_working_day",
    "next_working_day",
    "scheduled_dates",
]
