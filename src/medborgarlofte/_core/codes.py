"""The registry of stable problem codes (felkoder): one place, listed in the docs.

Every :class:`~medborgarlofte.Problem` carries one of these codes. A code never
changes meaning once released; new codes may be added. The documentation's
table of codes is generated from :data:`PROBLEM_CODES`.
"""

from __future__ import annotations

import attrs

from medborgarlofte._core.problems import Severity

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
            ``"limits"``, ``"document"`` or ``"csv"``.
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
    "En upprepningsregel (RRULE) går inte att läsa enligt RFC 5545, inträffar aldrig, "
    "går inte att räkna ut eller inträffar oftare än en gång i timmen eller 24 gånger om dagen.",
    "A recurrence rule (RRULE) cannot be read as RFC 5545, never occurs, cannot be "
    "expanded, or occurs more often than hourly or 24 times a day.",
    area="model",
)
CADENCE_RECURRENCE_MISMATCH = register(
    "cadence-recurrence-mismatch",
    _E,
    "En uppföljningsregel har upprepningsregel utan kadensen 'schedule', eller tvärtom.",
    "A follow-up rule has a recurrence without the cadence 'schedule', or the reverse.",
    area="model",
)

# Values a constructor or the reading boundary refuses (#14): texts and numbers.
INVALID_CHARACTER = register(
    "invalid-character",
    _E,
    "En text innehåller ett styrtecken (annat än tabb och radbrytning) eller ett ensamt "
    "surrogattecken.",
    "A text holds a control character (other than tab and line break) or a lone surrogate.",
    area="model",
)
LINE_BREAK = register(
    "line-break",
    _E,
    "En text på en rad (id, titel, namn, kod) innehåller en radbrytning eller tabb.",
    "A one-line text (an id, title, name or code) holds a line break or a tab.",
    area="model",
)
NUMBER_OUT_OF_RANGE = register(
    "number-out-of-range",
    _E,
    "Ett tal ligger utanför det som biblioteket kan räkna med och skriva (högst 2**53 till "
    "beloppet), eller ett heltal har för många siffror.",
    "A number lies outside what the library can compute and write (at most 2**53 in size), "
    "or an integer has too many digits.",
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
    "En kommun som ger löftet saknar kommunkod.",
    "A municipality giving the promise has no kommunkod.",
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
    "En andel (i ett delmål, en rapport eller en mängd) ligger inte mellan 0 och 1.",
    "A share (in a sub-target, a report or a quantity) is not between 0 and 1.",
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

# Drafts made from a text: values a person must still supply.
DRAFT_PLACEHOLDER = register(
    "draft-placeholder",
    _W,
    "Ett värde i ett utkast är en platshållare som en person ska fylla i.",
    "A value in a draft is a placeholder that a person must fill in.",
    area="rules",
)

# What real documents say (#16): report links, follow-up documents, sources.
REPORT_LINK_WITHOUT_ACTIVITY = register(
    "report-link-without-activity",
    _E,
    "En rapport är kopplad till en aktivitet men anger ingen; skriv 'unrestated' eller "
    "'unpromised' för arbete utan aktivitet i dokumentet.",
    "A report is linked to an activity but names none; write 'unrestated' or 'unpromised' "
    "for work without an activity in the document.",
    area="rules",
)
REPORT_LINK_CONFLICT = register(
    "report-link-conflict",
    _E,
    "En rapport anger en aktivitet men säger att arbetet inte hör till någon aktivitet i "
    "dokumentet.",
    "A report names an activity but says the work belongs to no activity of the document.",
    area="rules",
)
SAME_AS_MISMATCH = register(
    "same-as-mismatch",
    _W,
    "Ett mål som ska vara 'samma antal' som en annan aktivitets har ett annat antal eller enhet.",
    "A target meant as 'the same amount' as another activity's has another amount or unit.",
    area="rules",
)
PLACE_SPLIT_WITHOUT_PLACES = register(
    "place-split-without-places",
    _W,
    "En aktivitet säger hur antalet fördelas på platser men har färre än två platser.",
    "An activity says how its amount is shared among places but has fewer than two places.",
    area="rules",
)
UNIT_FORM_WITHOUT_UNIT = register(
    "unit-form-without-unit",
    _W,
    "Ett schema anger enhetens singular eller plural men ingen enhet; formen används inte.",
    "A schedule gives its unit's singular or plural but no unit; the form is not used.",
    area="rules",
)
SIGNING_NOT_STATED_BUT_DATED = register(
    "signing-not-stated-but-dated",
    _E,
    "En undertecknare vars undertecknande inte framgår har ändå ett datum för det.",
    "A signatory whose signing is not stated has a signing date all the same.",
    area="rules",
)
MEASUREMENT_DATING_MISMATCH = register(
    "measurement-dating-mismatch",
    _E,
    "Ett mätvärde daterat med ett intervall saknar intervallet, eller dess datum är inte "
    "intervallets sista dag.",
    "A measurement dated by an interval lacks the interval, or its date is not the interval's "
    "last day.",
    area="rules",
)
INFERRED_PATH_NOT_A_DATE = register(
    "inferred-path-not-a-date",
    _E,
    "En antagen uppgift pekar på en sökväg som inte är ett datum i dokumentet.",
    "An inferred date points at a path that is not a date in the document.",
    area="rules",
)
FOLLOW_UP_PROMISE_NOT_FOUND = register(
    "follow-up-promise-not-found",
    _W,
    "Inget av de givna löftena har det id som uppföljningsdokumentet följer upp.",
    "None of the promises given has the id the follow-up document follows up.",
    area="rules",
)
EACH_REPORT_WITHOUT_PARTY = register(
    "each-report-without-party",
    _W,
    "En rapport om en aktivitet som varje ansvarig part utför för sig anger ingen part, så "
    "den räknas inte för någon av dem.",
    "A report on an activity each responsible party carries out on its own names no party, "
    "so it counts for none of them.",
    area="rules",
)
FOLLOW_UP_PROMISE_MISMATCH = register(
    "follow-up-promise-mismatch",
    _W,
    "Uppföljningsdokumentets kommuner eller period stämmer inte med löftets.",
    "The follow-up document's kommuner or period do not match the promise's.",
    area="rules",
)

# Limits a real promise never needs (#13): refused by validate, so that every
# operation on a valid promise is bounded (medborgarlofte._rules.limits).
PERIOD_TOO_LONG = register(
    "period-too-long",
    _E,
    "Löftets period, eller spannet ett schema räknas över, är längre än gränsen (tio år).",
    "The promise period, or the span a schedule is counted over, is longer than the limit "
    "(ten years).",
    area="limits",
)
DATE_OUT_OF_RANGE = register(
    "date-out-of-range",
    _E,
    "Ett datum ligger utanför åren 1000–8999, som biblioteket kan räkna med och skriva.",
    "A date lies outside the years 1000-8999, which the library can compute with and write.",
    area="limits",
)
REPORT_DUE_DAYS_OUT_OF_RANGE = register(
    "report-due-days-out-of-range",
    _E,
    "En uppföljningsregels report_due_days ligger utanför 0–366 dagar.",
    "A follow-up rule's report_due_days lies outside 0-366 days.",
    area="limits",
)
RRULE_OUT_OF_LIMITS = register(
    "rrule-out-of-limits",
    _E,
    "En upprepningsregel går utanför gränserna: tecken som inte är ASCII, ett tal från 2**31, "
    "eller BYEASTER, som inte hör till RFC 5545.",
    "A recurrence rule goes past the limits: characters that are not ASCII, a number from "
    "2**31, or BYEASTER, which is not part of RFC 5545.",
    area="limits",
)
TOO_MANY_OCCASIONS = register(
    "too-many-occasions",
    _E,
    "Ett schema, löftets scheman sammanlagt eller dess uppföljningsregler sammanlagt ger "
    "fler tillfällen inom perioden än gränsen.",
    "A schedule, the promise's schedules in all, or its follow-up rules in all give more "
    "occasions in the period than the limit.",
    area="limits",
)
FOLLOW_UP_RULE_TOO_FREQUENT = register(
    "follow-up-rule-too-frequent",
    _E,
    "En uppföljningsregels schema ger mer än ett tillfälle samma dag.",
    "A follow-up rule's schedule gives more than one occasion on the same day.",
    area="limits",
)
TOO_MANY_RULES = register(
    "too-many-rules",
    _E,
    "Löftet har fler scheman och uppföljningsregler än gränsen.",
    "The promise has more schedules and follow-up rules than the limit.",
    area="limits",
)

# Documents: what loading JSON, TOML or YAML text finds (medborgarlofte._formats).
SYNTAX_ERROR = register(
    "syntax-error",
    _E,
    "Texten går inte att läsa som JSON, TOML eller YAML (rad och kolumn anges).",
    "The text cannot be read as JSON, TOML or YAML (line and column given).",
    area="document",
)
DOCUMENT_TOO_LARGE = register(
    "document-too-large",
    _E,
    "Dokumentet är större än den tillåtna storleken.",
    "The document is larger than the allowed size.",
    area="document",
)
NOT_AN_OBJECT = register(
    "not-an-object",
    _E,
    "Dokumentets översta värde är inte ett objekt (en tabell).",
    "The top-level value of the document is not an object (a table).",
    area="document",
)
FORMAT_VERSION_TOO_NEW = register(
    "format-version-too-new",
    _E,
    "Dokumentet har en nyare formatversion än biblioteket kan läsa.",
    "The document has a newer format version than the library can read.",
    area="document",
)
UNKNOWN_FORMAT_VERSION = register(
    "unknown-format-version",
    _E,
    "Dokumentets formatversion är okänd och kan inte uppgraderas.",
    "The document's format version is unknown and cannot be upgraded.",
    area="document",
)
MIGRATION_FAILED = register(
    "migration-failed",
    _E,
    "Dokumentet kunde inte uppgraderas från en äldre formatversion.",
    "The document could not be upgraded from an older format version.",
    area="document",
)
UNKNOWN_KEY = register(
    "unknown-key",
    _E,
    "En nyckel som formatet inte känner till (med förslag på vad som menades).",
    "A key the format does not know (with a suggestion of what was meant).",
    area="document",
)
MISSING_KEY = register(
    "missing-key",
    _E,
    "En nyckel som krävs saknas.",
    "A required key is missing.",
    area="document",
)
WRONG_TYPE = register(
    "wrong-type",
    _E,
    "Ett värde har fel typ; inget omvandlas ('5' är inte ett tal, 1 är inte en text).",
    "A value has the wrong type; nothing is converted ('5' is not a number, 1 is not a text).",
    area="document",
)
NOT_A_DATE = register(
    "not-a-date",
    _E,
    "En text som ska vara ett datum är inte skriven som ÅÅÅÅ-MM-DD.",
    "A text meant as a date is not written as YYYY-MM-DD.",
    area="document",
)
IMPOSSIBLE_DATE = register(
    "impossible-date",
    _E,
    "Ett datum som inte finns, till exempel 2023-06-31.",
    "A date that does not exist, for example 2023-06-31.",
    area="document",
)
NON_FINITE_NUMBER = register(
    "non-finite-number",
    _E,
    "Ett tal är oändligt eller inte ett tal (NaN).",
    "A number is infinite or not a number (NaN).",
    area="document",
)
UNKNOWN_ENUM_VALUE = register(
    "unknown-enum-value",
    _E,
    "Ett värde som inte hör till de tillåtna (de tillåtna räknas upp).",
    "A value that is not one of the allowed ones (which are listed).",
    area="document",
)
UNKNOWN_TARGET_KIND = register(
    "unknown-target-kind",
    _E,
    "Ett mål har en okänd sort (`kind`).",
    "A target has an unknown kind (`kind`).",
    area="document",
)
INVALID_VALUE = register(
    "invalid-value",
    _E,
    "Ett värde kan inte läsas av något annat skäl (meddelandet säger vilket).",
    "A value cannot be read for another reason (the message says which).",
    area="document",
)

WRONG_DOCUMENT_TYPE = register(
    "wrong-document-type",
    _E,
    "Dokumentet är av en annan typ än den som läses, till exempel ett uppföljningsdokument "
    "som läses som ett löfte.",
    "The document is of another type than the one read, for example a follow-up document "
    "read as a promise.",
    area="document",
)
UNKNOWN_DOCUMENT_TYPE = register(
    "unknown-document-type",
    _E,
    "Dokumenttypen är okänd, eller finns inte i dokumentets formatversion.",
    "The document type is unknown, or does not exist in the document's format version.",
    area="document",
)

# Files named on the command line (medborgarlofte.cli, #6).
UNREADABLE_FILE = register(
    "unreadable-file",
    _E,
    "Filen går inte att läsa: den finns inte, är en katalog eller får inte läsas.",
    "The file cannot be read: it does not exist, is a directory or may not be read.",
    area="document",
)
UNKNOWN_FILE_SUFFIX = register(
    "unknown-file-suffix",
    _E,
    "Filändelsen säger inte om filen är JSON, TOML eller YAML.",
    "The file suffix does not say whether the file is JSON, TOML or YAML.",
    area="document",
)
MISSING_EXTRA = register(
    "missing-extra",
    _E,
    "Formatet kräver ett tillägg som inte är installerat (toml eller yaml).",
    "The format needs an extra that is not installed (toml or yaml).",
    area="document",
)

# CSV tables of reports: what reading a spreadsheet finds (medborgarlofte._formats.tables).
# Cells that are dates or kinds use the document codes (not-a-date,
# impossible-date, unknown-enum-value); references use the rules' codes.
CSV_SYNTAX_ERROR = register(
    "csv-syntax-error",
    _E,
    "Tabellen går inte att läsa som CSV, till exempel ett citattecken som aldrig stängs.",
    "The table cannot be read as CSV, for example a quote that is never closed.",
    area="csv",
)
CSV_NOT_UTF_8 = register(
    "csv-not-utf-8",
    _E,
    "Tabellen är inte sparad som UTF-8 (spara som CSV UTF-8).",
    "The table is not saved as UTF-8 (save it as CSV UTF-8).",
    area="csv",
)
CSV_NO_HEADER = register(
    "csv-no-header",
    _E,
    "Tabellen är tom: den första raden ska namnge kolumnerna.",
    "The table is empty: its first row must name the columns.",
    area="csv",
)
CSV_UNKNOWN_COLUMN = register(
    "csv-unknown-column",
    _E,
    "En kolumn som tabellen inte känner till, eller data under en kolumn utan namn.",
    "A column the table does not know, or data under a column without a name.",
    area="csv",
)
CSV_DUPLICATE_COLUMN = register(
    "csv-duplicate-column",
    _E,
    "Samma kolumnnamn finns mer än en gång i rubrikraden.",
    "The same column name appears more than once in the header row.",
    area="csv",
)
CSV_EXTRA_CELLS = register(
    "csv-extra-cells",
    _E,
    "En rad har värden efter den sista namngivna kolumnen.",
    "A row has values after the last named column.",
    area="csv",
)
CSV_NOT_A_NUMBER = register(
    "csv-not-a-number",
    _E,
    "En cell som ska vara ett tal är det inte (tusentalsavgränsare godtas inte).",
    "A cell meant as a number is not one (thousands separators are not accepted).",
    area="csv",
)
CSV_NOT_A_BOOLEAN = register(
    "csv-not-a-boolean",
    _E,
    "En cell som ska vara true eller false är något annat.",
    "A cell meant as true or false is something else.",
    area="csv",
)
CSV_MISSING_VALUE = register(
    "csv-missing-value",
    _E,
    "En grupp kolumner är bara delvis ifylld, till exempel period_start utan period_end.",
    "A group of columns is only partly filled in, for example period_start without period_end.",
    area="csv",
)
