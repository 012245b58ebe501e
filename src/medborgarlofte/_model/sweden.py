"""Sweden as data: the 290 kommuner, 21 län and 7 police regions.

The table ships with the package (``data/kommuner.csv``: kommunkod, name,
länskod, län, polisregion) and is read once, on first use.

Names are matched without regard to case or diacritics, and hyphens count as
spaces, so ``"malmo"`` finds Malmö and ``"upplands bro"`` finds Upplands-Bro.
The forms a kommun uses for itself are accepted as well: ``"Malmö stad"``,
``"Hofors kommun"``, the genitive ``"Lunds kommun"`` and ``"Stockholms stad"``,
``"Falu kommun"`` (Falun) and ``"Region Gotland"`` (Gotland, whose region is
also its kommun). An exact spelling always wins: ``"Habo"`` and ``"Håbo"`` are
two kommuner, and ``"habo"`` finds Habo.
"""

from __future__ import annotations

import csv
import difflib
import enum
import functools
import io
import re
import unicodedata
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from medborgarlofte._core import texts
from medborgarlofte._model.checks import line, of
from medborgarlofte.exceptions import UnknownKommunError

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

__all__ = [
    "County",
    "Kommun",
    "PoliceRegion",
    "counties",
    "kommun",
    "kommuner",
    "kommuner_in",
]


class PoliceRegion(enum.Enum):
    """One of the seven police regions of Polismyndigheten (polisregion).

    The value is the region's Swedish name.

    >>> PoliceRegion("Väst").label("en")
    'police region Väst'
    """

    BERGSLAGEN = "Bergslagen"
    """Dalarnas, Värmlands and Örebro län."""
    MITT = "Mitt"
    """Gävleborgs, Uppsala and Västmanlands län."""
    NORD = "Nord"
    """Jämtlands, Norrbottens, Västerbottens and Västernorrlands län."""
    STOCKHOLM = "Stockholm"
    """Stockholms and Gotlands län."""
    SYD = "Syd"
    """Blekinge, Kalmar, Kronobergs and Skåne län."""
    VAST = "Väst"
    """Hallands and Västra Götalands län."""
    OST = "Öst"
    """Jönköpings, Södermanlands and Östergötlands län."""

    def label(self, lang: Language = "sv") -> str:
        """Return the region's name with its kind, for example ``"polisregion Mitt"``."""
        return f"{texts.pick(texts.WORDS['police_region'], lang)} {self.value}"


@attrs.frozen(kw_only=True)
class County:
    """A Swedish county (län).

    Attributes:
        code: The two-digit länskod, for example ``"21"``.
        name: The county's name, for example ``"Gävleborgs län"``.
    """

    code: str = attrs.field(validator=line)
    name: str = attrs.field(validator=line)


@attrs.frozen(kw_only=True)
class Kommun:
    """A Swedish municipality (kommun), with its county and police region.

    Attributes:
        code: The four-digit kommunkod, for example ``"2104"``.
        name: The kommun's short name, for example ``"Hofors"``.
        county: The län it lies in.
        police_region: The police region it belongs to.
    """

    code: str = attrs.field(validator=line)
    name: str = attrs.field(validator=line)
    county: County = attrs.field(validator=of(County))
    police_region: PoliceRegion = attrs.field(validator=of(PoliceRegion))


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Return *text* in lower case, without diacritics, with single spaces for hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s\-–]+", plain.strip()))


def _exact(text: str) -> str:
    """Return *text* in lower case with single spaces, diacritics kept."""
    return " ".join(re.split(r"[\s\-–]+", unicodedata.normalize("NFC", text.casefold()).strip()))


# Official names that are not "<name> kommun" or "<name>s kommun".
_ALIASES = {"falu": "Falun", "region gotland": "Gotland"}
_SUFFIXES = (" kommun", " stad")
_CODE = re.compile(r"\d{4}")


@attrs.frozen
class _Table:
    kommuner: tuple[Kommun, ...]
    counties: tuple[County, ...]
    by_code: dict[str, Kommun]
    by_exact: dict[str, Kommun]
    by_folded: dict[str, tuple[Kommun, ...]]


@functools.cache
def _table() -> _Table:
    """Read the packaged table once."""
    data = resources.files("medborgarlofte._model").joinpath("data", "kommuner.csv")
    text = data.read_text("utf-8")
    counties: dict[str, County] = {}
    rows: list[Kommun] = []
    for row in csv.DictReader(io.StringIO(text)):
        county = counties.setdefault(row["lanskod"], County(code=row["lanskod"], name=row["lan"]))
        rows.append(
            Kommun(
                code=row["kommunkod"],
                name=row["kommun"],
                county=county,
                police_region=PoliceRegion(row["polisregion"]),
            )
        )
    by_folded: dict[str, tuple[Kommun, ...]] = {}
    for k in rows:
        by_folded[_fold(k.name)] = (*by_folded.get(_fold(k.name), ()), k)
    return _Table(
        kommuner=tuple(rows),
        counties=tuple(counties.values()),
        by_code={k.code: k for k in rows},
        by_exact={_exact(k.name): k for k in rows},
        by_folded=by_folded,
    )


def _candidates(query: str) -> list[str]:
    """Return the names *query* may stand for, most literal first."""
    out = [query]
    for suffix in _SUFFIXES:
        if query.endswith(suffix) and len(query) > len(suffix):
            stem = query[: -len(suffix)].strip()
            out.append(stem)
            if stem.endswith("s"):
                out.append(stem[:-1])
    return out


def _find(query: str) -> Kommun | tuple[Kommun, ...] | None:
    """Return the one kommun *query* names, the several it may name, or ``None``."""
    table = _table()
    exact = _exact(query)
    for candidate in _candidates(exact):
        found = table.by_exact.get(candidate)
        if found is not None:
            return found
    folded = _fold(query)
    for candidate in _candidates(folded):
        alias = _ALIASES.get(candidate)
        if alias is not None:
            return table.by_exact[_exact(alias)]
        several = table.by_folded.get(candidate, ())
        if len(several) == 1:
            return several[0]
        if several:
            return several
    return None


def kommun(code_or_name: str) -> Kommun:
    """Return the kommun with a four-digit code or a name.

    Names are matched without regard to case, diacritics or hyphens, and may
    carry the suffix ``kommun`` or ``stad``, in the genitive if need be.

    >>> kommun("2104").name
    'Hofors'
    >>> kommun("malmo stad").code
    '1280'
    >>> kommun("Region Gotland").county.name
    'Gotlands län'

    Args:
        code_or_name: A kommunkod such as ``"2104"`` or a name such as ``"Hofors"``.

    Returns:
        The kommun.

    Raises:
        UnknownKommunError: When no kommun has the code or name, or when a name
            without diacritics fits two kommuner; ``suggestions`` names close ones.
    """
    table = _table()
    query = code_or_name.strip()
    if _CODE.fullmatch(query):
        found_by_code = table.by_code.get(query)
        if found_by_code is None:
            raise UnknownKommunError(code_or_name)
        return found_by_code
    found = _find(query)
    if isinstance(found, Kommun):
        return found
    if found:
        raise UnknownKommunError(code_or_name, tuple(k.name for k in found))
    raise UnknownKommunError(code_or_name, _suggestions(_fold(query)))


def _suggestions(folded: str) -> tuple[str, ...]:
    """Return up to three names close to *folded*, or close to one of its words."""
    names = list(_table().by_folded)
    close = difflib.get_close_matches(folded, names, n=3, cutoff=0.6)
    if not close:
        for word in folded.split(" "):
            close += difflib.get_close_matches(word, names, n=3, cutoff=0.8)
    found = dict.fromkeys(k.name for name in close for k in _table().by_folded[name])
    return tuple(found)[:3]


def kommuner() -> tuple[Kommun, ...]:
    """Return all 290 kommuner, ordered by kommunkod.

    >>> len(kommuner())
    290
    """
    return _table().kommuner


def counties() -> tuple[County, ...]:
    """Return all 21 län, ordered by länskod.

    >>> counties()[0].name
    'Stockholms län'
    """
    return _table().counties


def kommuner_in(area: County | PoliceRegion) -> tuple[Kommun, ...]:
    """Return the kommuner in a län or a police region, ordered by kommunkod.

    >>> [k.name for k in kommuner_in(kommun("Hofors").county)][:3]
    ['Ockelbo', 'Hofors', 'Ovanåker']
    >>> len(kommuner_in(PoliceRegion.MITT))
    28

    Args:
        area: A :class:`County` or a :class:`PoliceRegion`.

    Returns:
        The kommuner; empty for a county that is not one of :func:`counties`.
    """
    if isinstance(area, PoliceRegion):
        return tuple(k for k in _table().kommuner if k.police_region is area)
    return tuple(k for k in _table().kommuner if k.county == area)


def kommun_by_code(code: str) -> Kommun | None:
    """Return the kommun with kommunkod *code*, or ``None`` (for the rules)."""
    return _table().by_code.get(code)


def kommun_by_name(name: str) -> Kommun | None:
    """Return the one kommun *name* names as :func:`kommun` reads it, or ``None``."""
    found = _find(name)
    return found if isinstance(found, Kommun) else None


@functools.lru_cache(maxsize=4096)
def name_mentions(text: str, kommun: Kommun) -> bool:
    """Return whether *text* names *kommun* as whole words (for the rules).

    Case, diacritics and hyphens do not matter; the kommun's name may be in
    the genitive (``"Lunds kommun"``), and Falun may be called ``"Falu"``.
    """
    words = _fold(text).split(" ")
    spellings = [_fold(kommun.name)]
    spellings += [alias for alias, name in _ALIASES.items() if name == kommun.name]
    for spelling in spellings:
        wanted = spelling.split(" ")
        for i in range(len(words) - len(wanted) + 1):
            here = words[i : i + len(wanted)]
            if here[:-1] == wanted[:-1] and here[-1] in {wanted[-1], wanted[-1] + "s"}:
                return True
    return False


@functools.lru_cache(maxsize=256)
def police_region_named(text: str) -> PoliceRegion | None:
    """Return the police region *text* names, or ``None`` (for the rules).

    Accepts ``"Mitt"``, ``"polisregion Mitt"``, ``"Region Mitt"``, ``"vast"``.
    """
    folded = _fold(text)
    for prefix in ("polisregion ", "region "):
        folded = folded.removeprefix(prefix)
    for region in PoliceRegion:
        if _fold(region.value) == folded:
            return region
    return None
