"""Tests for Sweden as data: kommuner, län and police regions."""

import re
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sphinx.pycode import ModuleAnalyzer

from medborgarlofte import (
    County,
    Kommun,
    MedborgarlofteError,
    PoliceRegion,
    UnknownKommunError,
    counties,
    kommun,
    kommuner,
    kommuner_in,
)
from medborgarlofte._model import sweden


def _plain(text):
    """Return *text* without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_counts():
    """Sweden has 290 kommuner, 21 län and 7 police regions."""
    assert (290, 21, 7) == (len(kommuner()), len(counties()), len(PoliceRegion))


def test_every_police_region_has_kommuner():
    """Every police region has at least one kommun."""
    assert set(PoliceRegion) == {k.police_region for k in kommuner()}


def test_codes_unique_and_four_digits():
    """Every kommunkod is four digits and used once."""
    codes = [k.code for k in kommuner()]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 4 and c.isdigit() for c in codes)


def test_county_codes_two_digits_and_prefix_kommunkod():
    """Each länskod is two digits and starts the kommunkoder of its kommuner."""
    assert all(len(c.code) == 2 and c.code.isdigit() for c in counties())
    assert all(k.code[:2] == k.county.code for k in kommuner())


def test_names_unique():
    """No two kommuner share a name, and no two län."""
    assert 290 == len({k.name for k in kommuner()})
    assert 21 == len({c.name for c in counties()})


def test_ordered_by_code():
    """kommuner() and counties() come ordered by their codes."""
    assert sorted(kommuner(), key=lambda k: k.code) == list(kommuner())
    assert sorted(counties(), key=lambda c: c.code) == list(counties())


def test_loaded_once():
    """The table is read once and the same tuples are returned every time."""
    assert kommuner() is kommuner()
    assert sweden._table() is sweden._table()


@pytest.mark.parametrize("k", kommuner(), ids=lambda k: k.code)
def test_round_trip_code_name_code(k):
    """Every kommun is found by its code, and by its name back to the same code."""
    assert k == kommun(k.code)
    assert k.code == kommun(kommun(k.code).name).code


@pytest.mark.parametrize("k", kommuner(), ids=lambda k: k.code)
def test_self_names(k):
    """Every kommun is found as "X kommun", "X stad", in upper case and in the genitive."""
    genitive = k.name if k.name.endswith("s") else f"{k.name}s"
    for query in (
        f"{k.name} kommun",
        f"{k.name} stad",
        k.name.upper(),
        f"{genitive} kommun",
        f"  {k.name}  ",
    ):
        assert k == kommun(query), query


def test_without_diacritics():
    """Every kommun is found without diacritics, except Håbo, whose plain name is Habo."""
    missed = {k.name for k in kommuner() if kommun(_plain(k.name)) != k}
    assert {"Håbo"} == missed
    assert "Habo" == kommun("habo").name
    assert "Håbo" == kommun("HÅBO").name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("malmo", "Malmö"),
        ("MALMÖ", "Malmö"),
        ("Malmö stad", "Malmö"),
        ("Stockholms stad", "Stockholm"),
        ("Göteborgs Stad", "Göteborg"),
        ("Lunds kommun", "Lund"),
        ("Falu kommun", "Falun"),
        ("Region Gotland", "Gotland"),
        ("region gotland", "Gotland"),
        ("upplands bro", "Upplands-Bro"),
        ("Upplands–Väsby", "Upplands Väsby"),
        ("ostra goinge", "Östra Göinge"),
        ("Halmstad", "Halmstad"),
        ("Karlstads kommun", "Karlstad"),
    ],
)
def test_names(query, name):
    """Names are read without regard to case, diacritics and self-naming suffixes."""
    assert name == kommun(query).name


def test_hofors():
    """Hofors is 2104, in Gävleborgs län and police region Mitt."""
    expected = Kommun(
        code="2104",
        name="Hofors",
        county=County(code="21", name="Gävleborgs län"),
        police_region=PoliceRegion.MITT,
    )
    assert expected == kommun("Hofors")


def test_gotland():
    """Gotland is 0980, the only kommun of Gotlands län."""
    gotland = kommun("0980")
    assert ("Gotland", "Gotlands län") == (gotland.name, gotland.county.name)
    assert (gotland,) == kommuner_in(gotland.county)


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [
        ("Stokholm", ("Stockholm",)),
        ("Malmo kommunen", ("Malmö",)),
        ("Hàbo", ("Håbo", "Habo")),
    ],
)
def test_unknown_name_suggests(query, suggestions):
    """An unknown name raises UnknownKommunError naming close kommuner."""
    with pytest.raises(UnknownKommunError) as info:
        kommun(query)
    assert query == info.value.query
    assert suggestions == info.value.suggestions[: len(suggestions)]
    assert suggestions[0] in str(info.value)


@pytest.mark.parametrize("query", ["9999", "0100", "Region Stockholm", "", "xyzzy"])
def test_unknown(query):
    """A code or name of no kommun raises UnknownKommunError."""
    with pytest.raises(UnknownKommunError) as info:
        kommun(query)
    assert query == info.value.query


def test_unknown_code_has_no_suggestions():
    """An unknown code suggests nothing: close codes are not close kommuner."""
    with pytest.raises(UnknownKommunError) as info:
        kommun("2105")
    assert () == info.value.suggestions


def test_unknown_kommun_error_is_lookup_error():
    """UnknownKommunError is both our error and a LookupError."""
    with pytest.raises(LookupError):
        kommun("Atlantis")
    assert issubclass(UnknownKommunError, MedborgarlofteError)


def test_kommuner_in_counties_partition():
    """The kommuner of the 21 län are all 290, each once, each in its own län."""
    seen = [k for c in counties() for k in kommuner_in(c)]
    assert sorted(kommuner(), key=lambda k: k.code) == sorted(seen, key=lambda k: k.code)
    assert all(k.county == c for c in counties() for k in kommuner_in(c))


def test_kommuner_in_police_regions_partition():
    """The kommuner of the 7 police regions are all 290, each in its own region."""
    seen = [k for r in PoliceRegion for k in kommuner_in(r)]
    assert sorted(kommuner(), key=lambda k: k.code) == sorted(seen, key=lambda k: k.code)
    assert all(k.police_region is r for r in PoliceRegion for k in kommuner_in(r))


def test_kommuner_in_unknown_county():
    """A county that is not Swedish has no kommuner."""
    assert () == kommuner_in(County(code="99", name="Atlantis län"))


@pytest.mark.parametrize("region", list(PoliceRegion), ids=lambda r: r.name)
def test_police_region_docstring_names_its_counties(region):
    """Each police region's docstring names exactly the län of its kommuner."""
    docs = ModuleAnalyzer.for_module("medborgarlofte._model.sweden").find_attr_docs()
    text = " ".join(docs["PoliceRegion", region.name])
    short = {c.name.removesuffix(" län") for c in counties()}
    named = {name for name in short if re.search(rf"\b{name}\b", text)}
    assert {k.county.name.removesuffix(" län") for k in kommuner_in(region)} == named


def test_police_region_label():
    """A police region names itself in Swedish and English."""
    assert "polisregion Öst" == PoliceRegion.OST.label()
    assert "police region Öst" == PoliceRegion.OST.label("en")


def test_frozen():
    """Kommun and County cannot be changed."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        kommun("Hofors").name = "Sandviken"  # type: ignore[misc]


@given(k=st.sampled_from(kommuner()), data=st.data())
def test_case_never_matters(k, data):
    """Any mix of upper and lower case finds the same kommun."""
    flips = data.draw(st.lists(st.booleans(), min_size=len(k.name), max_size=len(k.name)))
    mixed = "".join(c.upper() if f else c.lower() for c, f in zip(k.name, flips, strict=True))
    assert k == kommun(mixed)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Hofors kommun", "Hofors", True),
        ("Kommunen i Hofors", "Hofors", True),
        ("Lunds kommun", "Lund", True),
        ("Falu kommun", "Falun", True),
        ("Region Gotland", "Gotland", True),
        ("upplands-bro kommun", "Upplands-Bro", True),
        ("Sandvikens kommun", "Hofors", False),
        ("Lundby", "Lund", False),
        ("Bro", "Upplands-Bro", False),
    ],
)
def test_name_mentions(text, name, expected):
    """A party's name mentions a kommun as whole words, in the genitive if need be."""
    assert expected == sweden.name_mentions(text, kommun(name))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitt", PoliceRegion.MITT),
        ("polisregion Väst", PoliceRegion.VAST),
        ("Region Öst", PoliceRegion.OST),
        ("vast", PoliceRegion.VAST),
        ("Gävleborg", None),
    ],
)
def test_police_region_named(text, expected):
    """A police region is read from its name, with or without "polisregion"."""
    assert expected == sweden.police_region_named(text)


def test_kommun_by_name():
    """The rules' name look-up returns one kommun or None, never raising."""
    assert "2104" == getattr(sweden.kommun_by_name("Hofors kommun"), "code", None)
    assert sweden.kommun_by_name("Hàbo") is None
    assert sweden.kommun_by_name("Kommunen") is None
