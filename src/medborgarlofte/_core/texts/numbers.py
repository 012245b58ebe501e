"""Numbers, dates, units and plurals, in Swedish and English (tal, datum, enheter).

Numbers and dates are written by Babel with the ``sv_SE`` and ``en_GB``
conventions when it is installed, and by the catalogue's own rules, which
give the same text, when it is not. A number and the word it counts are
joined by a no-break space, so that a line never breaks between them.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - the doctests write dates
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

MONTH_NAMES: Final[Mapping[Language, tuple[str, ...]]] = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
"""The months, January first, as a reporting interval and a date (:func:`day`) name them."""

NBSP: Final = "\N{NO-BREAK SPACE}"
"""The space between a number and its unit, which a line never breaks at."""


def pick(texts: Mapping[Language, str], lang: Language) -> str:
    """Return the text in *lang*; any language but Swedish gets the English text.

    >>> pick({"sv": "efter plan", "en": "behind"}, "en")
    'behind'
    """
    return texts["sv"] if lang == "sv" else texts["en"]


UNIT_FORMS: Final[tuple[tuple[str, str], ...]] = (
    ("trafikkontroll", "trafikkontroller"),
    ("kontroll", "kontroller"),
    ("trygghetsvandring", "trygghetsvandringar"),
    ("nattvandring", "nattvandringar"),
    ("vandring", "vandringar"),
    ("insats", "insatser"),
    ("kvällsinsats", "kvällsinsatser"),
    ("riktad insats", "riktade insatser"),
    ("föräldramöte", "föräldramöten"),
    ("möte", "möten"),
    ("lägesbildsmöte", "lägesbildsmöten"),
    ("narkotikasök", "narkotikasök"),
    ("hundsök", "hundsök"),
    ("utbildning", "utbildningar"),
    ("träff", "träffar"),
    ("besök", "besök"),
    ("skolbesök", "skolbesök"),
    ("aktivitet", "aktiviteter"),
    ("dialog", "dialoger"),
    ("medborgardialog", "medborgardialoger"),
    ("kamera", "kameror"),
    ("timme", "timmar"),
    ("dag", "dagar"),
    ("brott", "brott"),
    ("narkotikabrott", "narkotikabrott"),
    ("person", "personer"),
    ("deltagare", "deltagare"),
)
"""Units of count the catalogue knows in both forms, singular first (enheter).

A document states a unit in one form, ``"trafikkontroller"`` or
``"kvällsinsats"``; a sentence needs the form its number asks for. A unit not
listed here is not bent: :func:`quantity` writes it as a label instead
(``"patruller: 3"`` style), which is grammatical whatever the number.
"""

_UNIT_LOOKUP: Final[Mapping[str, tuple[str, str]]] = {
    form: pair for pair in UNIT_FORMS for form in pair
}

NOUNS: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "day": {"sv": ("dag", "dagar"), "en": ("day", "days")},
    "activity": {"sv": ("aktivitet", "aktiviteter"), "en": ("activity", "activities")},
    "report": {"sv": ("rapport", "rapporter"), "en": ("report", "reports")},
    "follow_up": {"sv": ("uppföljning", "uppföljningar"), "en": ("follow-up", "follow-ups")},
}
"""The library's own countable words, singular and plural, per language."""

_LOCALES: Final[Mapping[Language, str]] = {"sv": "sv_SE", "en": "en_GB"}
_NUMBER_PATTERN: Final = "#,##0.##"
_GROUP: Final[Mapping[Language, str]] = {"sv": "\N{NO-BREAK SPACE}", "en": ","}
_DECIMAL: Final[Mapping[Language, str]] = {"sv": ",", "en": "."}


def _babel_decimal(value: Decimal, lang: Language) -> str | None:
    try:
        from babel.numbers import format_decimal  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - Babel is installed wherever the tests run
        return None
    return str(format_decimal(value, format=_NUMBER_PATTERN, locale=_LOCALES[lang]))


def _rounded(value: float) -> Decimal:
    """Return *value* to two decimals, halves away from zero, without a negative zero."""
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Decimal(0) if rounded == 0 else rounded


def plain_number(value: float, lang: Language) -> str:
    """Return *value* as :func:`number` does, without Babel (the fallback).

    Rounded to two decimals, trailing zeros dropped, thousands grouped:
    a no-break space and a decimal comma in Swedish, a comma and a point in
    English.

    >>> plain_number(1234.5, "en"), plain_number(-0.5, "en"), plain_number(-0.001, "sv")
    ('1,234.5', '-0.5', '0')
    """
    text = f"{_rounded(value):,.2f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    signs: dict[str, str | int | None] = {",": _GROUP[lang], ".": _DECIMAL[lang]}
    return text.translate(str.maketrans(signs))


def number(value: float | None, lang: Language) -> str:
    """Return a figure for people, ``–`` for none.

    Up to two decimals, so that 0.99 is not rounded to 1, with the grouping
    and decimal sign of Swedish (``sv_SE``) or British English (``en_GB``),
    formatted by Babel when it is installed and by :func:`plain_number`
    (which gives the same text) when it is not.

    >>> number(1234.5, "sv") == "1\N{NO-BREAK SPACE}234,5", number(1234.5, "en")
    (True, '1,234.5')
    >>> number(0.99, "sv"), number(3.0, "en"), number(None, "en")
    ('0,99', '3', '–')
    """
    if value is None or not math.isfinite(value):
        return "–"
    return _babel_decimal(_rounded(value), lang) or plain_number(value, lang)


def percent(value: float | None, lang: Language) -> str:
    """Return a share as a whole percentage, ``–`` for none.

    Swedish puts a no-break space before the sign, English none.

    >>> percent(0.724, "sv") == "72\N{NO-BREAK SPACE}%", percent(0.724, "en")
    (True, '72%')
    """
    if value is None or not math.isfinite(value * 100):
        return "–"
    whole = round(value * 100)
    return f"{number(whole, lang)}{NBSP}%" if lang == "sv" else f"{number(whole, lang)}%"


def is_one(value: float) -> bool:
    """Return whether *value*, as :func:`number` shows it, takes the singular.

    Swedish and English agree (CLDR plural rule ``one``: the integer 1 and
    no visible decimals): 1 takes the singular; 0, 2 and every fraction,
    0.99 and 1.5 alike, the plural.

    >>> is_one(1), is_one(1.0), is_one(0.99), is_one(1.001), is_one(0)
    (True, True, False, True, False)
    """
    return _rounded(value) == 1


def plural(value: float, forms: tuple[str, str]) -> str:
    """Return the singular or the plural of *forms* as *value* needs it."""
    return forms[0] if is_one(value) else forms[1]


def unit_forms(unit: str) -> tuple[str, str] | None:
    """Return the singular and plural of *unit*, ``None`` for a unit not in :data:`UNIT_FORMS`.

    >>> unit_forms("trygghetsvandringar"), unit_forms("patruller")
    (('trygghetsvandring', 'trygghetsvandringar'), None)
    """
    return _UNIT_LOOKUP.get(unit.strip().casefold())


def unit_for(value: float, unit: str, *, forms: tuple[str, str] | None = None) -> str:
    """Return *unit* in the form *value* needs, or as written when its forms are not known.

    For phrases where the unit is the document's own word ("minst 50
    trafikkontroller under perioden"). *forms*, the singular and plural the
    document states, come first, then the catalogue's; an unknown unit is
    left as the document writes it, which is what the promise said.

    >>> unit_for(1, "trafikkontroller"), unit_for(9, "kvällsinsats"), unit_for(9, "patruller")
    ('trafikkontroll', 'kvällsinsatser', 'patruller')
    >>> unit_for(1, "patruller", forms=("patrull", "patruller"))
    'patrull'
    """
    found = forms or unit_forms(unit)
    return unit if found is None else plural(value, found)


def quantity(
    value: float | None, unit: str | None, lang: Language, *, forms: tuple[str, str] | None = None
) -> str:
    """Return *value* with *unit* in the form the number needs.

    *forms*, the singular and plural the document states, come first, then
    the catalogue's. A unit whose forms are not known keeps its own words
    beside the number in parentheses, so that no wrong form is made up. The
    number and the unit are joined by a no-break space (:data:`NBSP`), shown
    as ``~`` here.

    >>> def shown(text): return text.replace(NBSP, "~")
    >>> shown(quantity(1, "trygghetsvandringar", "sv")), shown(quantity(2, "kvällsinsats", "en"))
    ('1~trygghetsvandring', '2~kvällsinsatser')
    >>> shown(quantity(0.99, "trygghetsvandring", "sv")), shown(quantity(3, "patruller", "sv"))
    ('0,99~trygghetsvandringar', '3~(patruller)')
    >>> shown(quantity(1, "patruller", "sv", forms=("patrull", "patruller")))
    '1~patrull'
    """
    shown = number(value, lang)
    if value is None or not unit:
        return shown
    found = forms or unit_forms(unit)
    if found is None:
        return f"{shown}{NBSP}({unit})"
    return f"{shown}{NBSP}{plural(value, found)}"


def count(n: float, noun: str, lang: Language) -> str:
    """Return *n* and a noun of :data:`NOUNS` that agrees with it, joined by a no-break space.

    >>> [count(n, noun, lang).replace(NBSP, "~")
    ...  for n, noun, lang in ((1, "day", "sv"), (31, "day", "sv"), (2, "activity", "en"))]
    ['1~dag', '31~dagar', '2~activities']
    """
    forms = NOUNS[noun]["sv" if lang == "sv" else "en"]
    return f"{number(n, lang)}{NBSP}{plural(n, forms)}"


def counted(
    table: Mapping[str, Mapping[Language, tuple[str, str]]],
    key: str,
    n: float,
    lang: Language,
    **values: object,
) -> str:
    """Return the sentence *key* of *table* for the count *n*, singular or plural.

    *values* fill the sentence's other fields (``{file}``, ``{total}`` ...).

    The space after ``{n}`` in a sentence is written as a no-break space
    (:data:`NBSP`), so that the number stays on the line of the word it counts.

    >>> from medborgarlofte._core.texts import SENTENCES, STATUS_COUNTS
    >>> counted(SENTENCES, "days_late", 1, "sv") == "försenad sedan 1\N{NO-BREAK SPACE}dag"
    True
    >>> counted(STATUS_COUNTS, "achieved", 4, "sv").replace(NBSP, " ")
    '4 aktiviteter uppnådda'
    """
    forms = table[key]["sv"] if lang == "sv" else table[key]["en"]
    return plural(n, forms).replace("{n} ", "{n}" + NBSP).format(n=number(n, lang), **values)


def _babel_day(value: dt.date, lang: Language) -> str | None:
    try:
        from babel.dates import format_date  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - Babel is installed wherever the tests run
        return None
    return str(format_date(value, format="long", locale=_LOCALES[lang]))


def plain_day(value: dt.date, lang: Language) -> str:
    """Return *value* as :func:`day` does, without Babel (the fallback).

    >>> plain_day(dt.date(2024, 6, 30), "sv"), plain_day(dt.date(2024, 6, 30), "en")
    ('30 juni 2024', '30 June 2024')
    """
    month = MONTH_NAMES["sv" if lang == "sv" else "en"][value.month - 1]
    return f"{value.day} {month} {value.year}"


def day(value: dt.date | None, lang: Language) -> str:
    """Return a date as a person reads it, ``–`` for none (datum).

    The long form of ``sv_SE`` and ``en_GB``: the day, the month's name and
    the year, written by Babel (``format_date(..., format="long")``) when it
    is installed and by :func:`plain_day`, which gives the same text, when it
    is not. Machine formats keep ISO dates; this is for text people read.

    >>> day(dt.date(2024, 6, 30), "sv"), day(dt.date(2024, 6, 30), "en"), day(None, "sv")
    ('30 juni 2024', '30 June 2024', '–')
    """
    if value is None:
        return "–"
    return _babel_day(value, lang) or plain_day(value, lang)


def days(start: dt.date, end: dt.date, lang: Language) -> str:
    """Return a period from *start* to *end*, both days included, as a person reads it.

    >>> days(dt.date(2023, 1, 1), dt.date(2024, 12, 31), "sv")
    '1 januari 2023 – 31 december 2024'
    """
    return f"{day(start, lang)} – {day(end, lang)}"
