"""The words of the command line, per command and language (kommandoraden).

:data:`CLI` holds each command's messages and table headers, keyed by the
command (``"common"`` for what every command shares); :data:`CLI_COUNTED`
holds the sentences around a count, each with its singular and plural form
(:func:`~medborgarlofte._core.texts.counted`), so that no message glues a
"(n)" or "(s)" to a word. :data:`NEW_COMMENTS` holds the comments of the TOML
skeleton ``medborgarlofte new`` writes.

The command line imports this module only when a command runs, never to
build its parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

CLI: Final[Mapping[str, Mapping[Language, Mapping[str, str]]]] = {
    "common": {
        "sv": {
            "as_of": "per {date}",
            "today": " (dagens datum)",
            "cannot_read": "filen går inte att läsa: {error}",
            "unknown_suffix": "okänd filändelse {suffix!r}: använd .json, .toml, .yaml eller .yml",
            "missing_extra": "{purpose} kräver tillägget {extra!r}: "
            "pip install 'medborgarlofte[{extra}]'",
            "has_errors": "{file} har fel och kan inte användas:",
            "line": "{file}: {line}",
            "wrote": "Skrev {what} till {path}.",
            "same_file": "{output} är samma fil som indatafilen {input}; "
            "välj en annan utdatafil (inget har skrivits)",
            "interrupted": "avbrutet (Ctrl-C)",
            "bug": "Ett oväntat fel i medborgarlofte. Det är en bugg: rapportera den gärna, "
            "med texten ovan; {url} säger hur.",
        },
        "en": {
            "as_of": "as of {date}",
            "today": " (today)",
            "cannot_read": "the file cannot be read: {error}",
            "unknown_suffix": "unknown file suffix {suffix!r}: use .json, .toml, .yaml or .yml",
            "missing_extra": "{purpose} needs the extra {extra!r}: "
            "pip install 'medborgarlofte[{extra}]'",
            "has_errors": "{file} has errors and cannot be used:",
            "line": "{file}: {line}",
            "wrote": "Wrote {what} to {path}.",
            "same_file": "{output} is the same file as the input {input}; "
            "choose another output (nothing was written)",
            "interrupted": "interrupted (Ctrl-C)",
            "bug": "An unexpected error in medborgarlofte. This is a bug: please report it, "
            "with the text above; {url} says how.",
        },
    },
    "calendar": {
        "sv": {"what": "kalendern"},
        "en": {"what": "the calendar"},
    },
    "convert": {
        "sv": {"two_outputs": "ange utdatafilen en gång: antingen -o {option} eller {positional}"},
        "en": {"two_outputs": "give the output once: either -o {option} or {positional}"},
    },
    "draft": {
        "sv": {
            "exists": "{path} finns redan; välj ett annat namn eller ange --force",
            "written": "Utkastet skrevs till {path}. Granska det och fyll i platshållarna "
            "(<FYLL I …>); `medborgarlofte validate {path}` listar dem.",
            "written_follow_up": "Utkastet till uppföljningsdokument skrevs till {path}. Granska "
            "det och fyll i platshållarna (<FYLL I …>); `medborgarlofte validate {path}` listar "
            "dem.",
        },
        "en": {
            "exists": "{path} exists already; choose another name or pass --force",
            "written": "The draft was written to {path}. Review it and fill in the placeholders "
            "(<FYLL I …>); `medborgarlofte validate {path}` lists them.",
            "written_follow_up": "The draft follow-up document was written to {path}. Review it "
            "and fill in the placeholders (<FYLL I …>); `medborgarlofte validate {path}` lists "
            "them.",
        },
    },
    "followups": {
        "sv": {
            "followups_title": "{title}: uppföljning {as_of}",
            "head_covers": "Avser",
            "head_period": "Period",
            "head_forum": "Forum",
            "head_due": "Senast",
            "head_state": "Läge",
            "late": "för sent",
            "no_occasions": "Löftet har inga uppföljningstillfällen "
            "(ingen uppföljningsregel eller period).",
            "state_counts": "Genomförda {held}, försenade {overdue}, snart {due_soon}, "
            "kommande {upcoming}.",
        },
        "en": {
            "followups_title": "{title}: follow-up {as_of}",
            "head_covers": "Covers",
            "head_period": "Period",
            "head_forum": "Forum",
            "head_due": "Due",
            "head_state": "State",
            "late": "late",
            "no_occasions": "The promise has no follow-up occasions "
            "(no follow-up rule or no period).",
            "state_counts": "Held {held}, overdue {overdue}, due soon {due_soon}, "
            "upcoming {upcoming}.",
        },
    },
    "new": {
        "sv": {
            "new_written": "Skrev ett nytt löfte för {name} ({code}, {county}, polisregion "
            "{region}) till {path}.\nFyll i allt inom <> och alla datum ÅÅÅÅ-MM-DD, kontrollera "
            "sedan med\n  medborgarlofte validate {path}",
            "exists": "{path} finns redan; välj ett annat namn, ta bort filen först eller ange "
            "--force",
            "unknown_kommun": "ingen kommun heter eller har koden {query!r}",
            "did_you_mean": "; menade du {names}?",
        },
        "en": {
            "new_written": "Wrote a new promise for {name} ({code}, {county}, police region "
            "{region}) to {path}.\nFill in everything inside <> and every date YYYY-MM-DD "
            "(ÅÅÅÅ-MM-DD), then check it with\n  medborgarlofte validate {path}",
            "exists": "{path} already exists; choose another name, remove the file first "
            "or pass --force",
            "unknown_kommun": "no kommun is named or has the code {query!r}",
            "did_you_mean": "; did you mean {names}?",
        },
    },
    "progress": {
        "sv": {
            "progress_title": "{title}: läget {as_of}",
            "period": "Period {period}, {elapsed} av tiden har gått.",
            "no_period": "Perioden är okänd: {reason}",
            "overall": "Genomfört {completion} mot förväntat {expected}; {counts}.",
            "no_activities": "Löftet har inga aktiviteter att följa upp.",
            "no_completion": "Ingen genomförandegrad kan räknas fram; {counts}.",
            "focus_area": "Fokusområde: {title}",
            "head_activity": "Aktivitet",
            "head_planned": "Planerat",
            "head_expected": "Förväntat",
            "head_done": "Gjort",
            "head_completion": "Andel",
            "head_status": "Status",
        },
        "en": {
            "progress_title": "{title}: progress {as_of}",
            "period": "Period {period}, {elapsed} of the time has passed.",
            "no_period": "The period is unknown: {reason}",
            "overall": "Done {completion} against {expected} expected; {counts}.",
            "no_activities": "The promise has no activities to follow up.",
            "no_completion": "No completion can be computed; {counts}.",
            "focus_area": "Focus area: {title}",
            "head_activity": "Activity",
            "head_planned": "Planned",
            "head_expected": "Expected",
            "head_done": "Done",
            "head_completion": "Share",
            "head_status": "Status",
        },
    },
    "report": {
        "sv": {
            "what": "rapporten",
            "format_mismatch": "kan inte avgöra rapportformatet av {path!r}; ange --format html "
            "eller md",
        },
        "en": {
            "what": "the report",
            "format_mismatch": "cannot tell the report format from {path!r}; pass --format html "
            "or md",
        },
    },
    "summary": {
        "sv": {
            "what": "översikten",
            "no_files": "inga löftesfiler hittades i {path}",
            "head_promise": "Löfte",
            "head_kommun": "Kommun",
            "head_activities": "Akt.",
            "head_elapsed": "Tid gått",
            "head_completion": "Andel",
            "head_expected": "Förväntat",
            "head_county": "Län",
            "head_region": "Polisregion",
            "head_promises": "Löften",
        },
        "en": {
            "what": "the summary",
            "no_files": "no promise files found in {path}",
            "head_promise": "Promise",
            "head_kommun": "Kommun",
            "head_activities": "Act.",
            "head_elapsed": "Elapsed",
            "head_completion": "Share",
            "head_expected": "Expected",
            "head_county": "County",
            "head_region": "Police region",
            "head_promises": "Promises",
        },
    },
    "validate": {
        "sv": {
            "valid": "{file}: giltig",
            "valid_warnings": "{file}: giltig, {warnings}",
            "invalid": "{file}: ogiltig, {errors} och {warnings}",
        },
        "en": {
            "valid": "{file}: valid",
            "valid_warnings": "{file}: valid, {warnings}",
            "invalid": "{file}: invalid, {errors} and {warnings}",
        },
    },
}
"""Each command's words (``CLI[command][lang][key]``); ``"common"`` for the shared ones."""

CLI_COUNTED: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "convert.converted": {
        "sv": ("{n} löfte från {what}", "{n} löften från {what}"),
        "en": ("{n} promise from {what}", "{n} promises from {what}"),
    },
    "common.holds_many": {
        "sv": (
            "{file} innehåller {n} löfte; kommandot tar ett",
            "{file} innehåller {n} löften; kommandot tar ett",
        ),
        "en": (
            "{file} holds {n} promise; the command takes one",
            "{file} holds {n} promises; the command takes one",
        ),
    },
    "common.no_promise": {
        "sv": (
            (
                "{file} följer upp löftet {id}, men det givna löftet har ett annat id; ange "
                "löftets fil före eller efter uppföljningsdokumentet"
            ),
            (
                "{file} följer upp löftet {id}, men inget av de {n} givna löftena har det id:t; "
                "ange löftets fil före eller efter uppföljningsdokumentet"
            ),
        ),
        "en": (
            (
                "{file} follows up the promise {id}, but the promise given has another id; give "
                "the promise's file beside the follow-up document"
            ),
            (
                "{file} follows up the promise {id}, but none of the {n} promises given has that "
                "id; give the promise's file beside the follow-up document"
            ),
        ),
    },
    "report.html_many": {
        "sv": (
            (
                "{n} löfte ger {n} HTML-sida: ange en mapp med -o MAPP (en fil per löfte) eller "
                "--format md (ett dokument med ett avsnitt per löfte)"
            ),
            (
                "{n} löften ger {n} HTML-sidor: ange en mapp med -o MAPP (en fil per löfte) eller "
                "--format md (ett dokument med ett avsnitt per löfte)"
            ),
        ),
        "en": (
            (
                "{n} promise makes {n} HTML page: give a folder with -o DIR (one file per "
                "promise) or --format md (one document with a section per promise)"
            ),
            (
                "{n} promises make {n} HTML pages: give a folder with -o DIR (one file per "
                "promise) or --format md (one document with a section per promise)"
            ),
        ),
    },
    "report.wrote_many": {
        "sv": ("{n} rapport {as_of}", "{n} rapporter {as_of}"),
        "en": ("{n} report {as_of}", "{n} reports {as_of}"),
    },
    "summary.title": {
        "sv": ("Översikt över {n} löfte {as_of}", "Översikt över {n} löften {as_of}"),
        "en": ("Summary of {n} promise {as_of}", "Summary of {n} promises {as_of}"),
    },
    "summary.skipped": {
        "sv": (
            "{n} fil av {total} har fel och är inte med i översikten.",
            "{n} filer av {total} har fel och är inte med i översikten.",
        ),
        "en": (
            "{n} file of {total} has errors and is left out of the summary.",
            "{n} files of {total} have errors and are left out of the summary.",
        ),
    },
    "validate.all_valid": {
        "sv": ("Den enda filen är giltig.", "Alla {n} filer är giltiga."),
        "en": ("The one file is valid.", "All {n} files are valid."),
    },
    "validate.some_invalid": {
        "sv": ("{n} fil av {total} har fel.", "{n} filer av {total} har fel."),
        "en": ("{n} file of {total} has errors.", "{n} files of {total} have errors."),
    },
    "validate.errors": {
        "sv": ("{n} fel", "{n} fel"),
        "en": ("{n} error", "{n} errors"),
    },
    "validate.warnings": {
        "sv": ("{n} varning", "{n} varningar"),
        "en": ("{n} warning", "{n} warnings"),
    },
}
"""The command line's sentences around a count (``{n}``), singular and plural."""

NEW_COMMENTS: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "head": "Medborgarlöfte för {name} (kommunkod {code}, {county}, polisregion {region}).\n"
        "Skapat med `medborgarlofte new`. Fyll i allt som står inom <vinkelparenteser>\n"
        "och alla datum ÅÅÅÅ-MM-DD, ta bort det som inte behövs och kontrollera sedan\n"
        "filen med:  medborgarlofte validate {file}",
        "id": "Ett id för löftet, till exempel kommunens namn och åren.",
        "signed": "Dagen löftet undertecknades.",
        "signatories": "Vem som undertecknade och för vilken part (partens id nedan).",
        "contacts": "Vem man kontaktar om löftet.",
        "focus": "Det löftet fokuserar på: ett problem eller en plats.",
        "period": "Löftets giltighetstid; båda dagarna räknas med.",
        "police": "Polisen. Polisregionen är ifylld efter kommunen.",
        "kommun": "Kommunen; koden är ifylld.",
        "basis": "Lägesbilden löftet bygger på, och varifrån den kommer.",
        "activity": "En aktivitet. Målet (target) är ett av: period_quota (antal under "
        "perioden),\ninterval_quota (antal per vecka/månad/kvartal/tertial/halvår/år), schedule\n"
        "(fasta datum, RRULE), milestone (engångsuppgift, due = slutdatum), ongoing.",
        "rule": "Hur löftet följs upp: här varje tertial i BRÅ, redovisat inom 30 dagar.",
    },
    "en": {
        "head": "Medborgarlöfte for {name} (kommunkod {code}, {county}, police region {region}).\n"
        "Made with `medborgarlofte new`. Fill in everything inside <angle brackets>\n"
        "and every date ÅÅÅÅ-MM-DD (YYYY-MM-DD), remove what is not needed, then\n"
        "check the file with:  medborgarlofte validate {file}",
        "id": "An id for the promise, for example the kommun's name and the years.",
        "signed": "The day the promise was signed.",
        "signatories": "Who signed, and for which party (the party's id below).",
        "contacts": "Whom to contact about the promise.",
        "focus": "What the promise concentrates on: a problem or a place.",
        "period": "The period of validity; both days are included.",
        "police": "The police. The police region is filled in from the kommun.",
        "kommun": "The kommun; its code is filled in.",
        "basis": "The situational picture the promise rests on, and where it comes from.",
        "activity": "An activity. Its target is one of: period_quota (an amount over the "
        "period),\ninterval_quota (an amount per week/month/quarter/tertial/half_year/year),\n"
        "schedule (fixed dates, RRULE), milestone (one-off, due = deadline), ongoing.",
        "rule": "How the promise is followed up: here every tertial in BRÅ, within 30 days.",
    },
}
"""The comments of the TOML skeleton of a new promise, per language; a line break starts a line."""
