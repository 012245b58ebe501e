"""The small tables of Swedish words the drafting rules read (ordlistor).

Only what no library covers is written here by hand: number words, the
domain's titles, intervals and cadences. Month names come from Babel's
Swedish locale data.
"""

from __future__ import annotations

import functools

from medborgarlofte._model.followup import Cadence
from medborgarlofte._model.targets import Bound, Interval
from medborgarlofte.exceptions import MissingExtraError

__all__ = [
    "APPROXIMATE",
    "BOUNDS",
    "CADENCE_WORDS",
    "INTERVAL_WORDS",
    "NUMBER_WORDS",
    "POLITICAL_PARTIES",
    "months",
]

NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20,
    "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
    "nittio": 90, "hundra": 100, "etthundra": 100, "tvåhundra": 200, "tusen": 1000,
}  # fmt: skip
"""Swedish number words (räkneord) and their values."""

APPROXIMATE: dict[str, int] = {
    "tiotal": 10, "tjugotal": 20, "trettiotal": 30, "fyrtiotal": 40, "femtiotal": 50,
    "sextiotal": 60, "hundratal": 100, "tusental": 1000,
}  # fmt: skip
"""Round numbers in "ett tiotal", "ett hundratal": about the number."""

BOUNDS: dict[str, Bound] = {
    "minst": Bound.AT_LEAST,
    "åtminstone": Bound.AT_LEAST,
    "cirka": Bound.ABOUT,
    "ca": Bound.ABOUT,
    "ungefär": Bound.ABOUT,
    "drygt": Bound.ABOUT,
    "närmare": Bound.ABOUT,
    "nästan": Bound.ABOUT,
    "högst": Bound.AT_MOST,
    "max": Bound.AT_MOST,
    "maximalt": Bound.AT_MOST,
}
"""Comparators before a number and how the number is meant."""

INTERVAL_WORDS: dict[str, Interval] = {
    "vecka": Interval.WEEK, "veckan": Interval.WEEK,
    "månad": Interval.MONTH, "månaden": Interval.MONTH,
    "kvartal": Interval.QUARTER, "kvartalet": Interval.QUARTER,
    "tertial": Interval.TERTIAL, "tertialet": Interval.TERTIAL,
    "halvår": Interval.HALF_YEAR, "halvåret": Interval.HALF_YEAR,
    "år": Interval.YEAR, "året": Interval.YEAR,
}  # fmt: skip
"""The interval nouns after "per", "i", "varje", "om"."""

CADENCE_WORDS: tuple[tuple[str, Cadence], ...] = (
    (
        (r"tertial\w*|var fjärde månad|tre gånger (?:per|om|i|varje) år\w*"
        r"|tre gånger under \d{4}"),
        Cadence.TERTIAL,
    ),
    (r"halvår\w*|varje halvår|två gånger (?:per|om|i|varje) år\w*", Cadence.HALF_YEARLY),
    (r"kvartal\w*|fyra gånger (?:per|om|i|varje) år\w*", Cadence.QUARTERLY),
    (r"varje månad|månadsvis|en gång i månaden|månatlig\w*", Cadence.MONTHLY),
    (r"årlig\w*|en gång (?:per|om|i) året?|varje år", Cadence.YEARLY),
    (
        (r"i slutet av (?:perioden|året|löftesperioden)|vid periodens slut|i samband med "
        r"framtagande\w* av (?:ett )?nytt"),
        Cadence.END_OF_PERIOD,
    ),
)  # fmt: skip
"""Phrases of a follow-up cadence (uppföljningsintervall), most specific first."""

POLITICAL_PARTIES = frozenset({"S", "M", "C", "L", "KD", "V", "MP", "SD", "FP"})
"""Swedish party abbreviations seen after a politician's name: "(M)"."""


@functools.cache
def months() -> dict[str, int]:
    """Return the Swedish month names, from Babel's locale data, and their numbers.

    Raises:
        MissingExtraError: When Babel (the ``draft`` extra) is not installed.
    """
    try:
        from babel.dates import get_month_names  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(extra="draft", purpose="drafting from a text") from None
    names = get_month_names("wide", locale="sv")
    return {str(name).casefold(): number for number, name in names.items()}
