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
    "Direction",
    "FocusArea",
    "FollowUp",
    "FollowUpRule",
    "Indicator",
    "IndicatorTarget",
    "Interval",
    "IntervalQuota",
    "InvalidValueError",
    "Language",
    "Measurement",
    "MedborgarlofteError",
    "Milestone",
    "Number",
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
    "interval_containing",
    "intervals",
]
