"""Property tests: every valid promise survives dict, JSON, TOML and YAML unchanged."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte import Promise, dumps, dumps_many, from_dict, loads, loads_many, to_dict
from medborgarlofte._formats import syntax as _formats
from medborgarlofte._formats.converter import JSON_CONVERTER
from medborgarlofte.testing import promises

_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_settings
@given(promises())
def test_dict_round_trip(promise: Promise):
    """from_dict(to_dict(p)) is p."""
    assert promise == from_dict(to_dict(promise))


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
@_settings
@given(promise=promises())
def test_text_round_trip_and_canonical_bytes(fmt, promise: Promise):
    """Each format gives the promise back, and dumping again gives the same text."""
    text = dumps(promise, format=fmt)
    again = loads(text, format=fmt)
    assert promise == again
    assert text == dumps(again, format=fmt)
    assert text == dumps(promise, format=fmt)


@_settings
@given(promises())
def test_orjson_writes_the_same_bytes_as_the_standard_library(promise: Promise):
    """The fast JSON writer gives exactly the standard library's text."""
    plain = to_dict(promise)
    marked = {"format_version": 1, **JSON_CONVERTER.unstructure(promise, Promise)}
    assert _formats.json_stdlib(plain) == _formats.json_orjson(marked)


@_settings
@given(st.lists(promises(max_activities=3), max_size=3))
def test_collection_round_trip(many: list[Promise]):
    """A collection of promises survives JSON unchanged."""
    assert tuple(many) == loads_many(dumps_many(many))
