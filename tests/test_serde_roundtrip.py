"""Property tests: every valid promise survives dict, JSON, TOML and YAML unchanged."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte import (
    FORMAT_VERSION,
    FollowUpDocument,
    Promise,
    dumps,
    dumps_follow_up,
    dumps_many,
    follow_up_from_dict,
    follow_up_to_dict,
    from_dict,
    loads,
    loads_follow_up,
    loads_many,
    to_dict,
    validate_follow_up,
)
from medborgarlofte._formats import syntax as _formats
from medborgarlofte._formats.converter import JSON_CONVERTER
from medborgarlofte.testing import follow_up_documents, promises

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
    marked = {"format_version": FORMAT_VERSION, **JSON_CONVERTER.unstructure(promise, Promise)}
    assert _formats.json_stdlib(plain) == _formats.json_orjson(marked)


@_settings
@given(st.lists(promises(max_activities=3), max_size=3))
def test_collection_round_trip(many: list[Promise]):
    """A collection of promises survives JSON unchanged."""
    assert tuple(many) == loads_many(dumps_many(many))


_documents = st.one_of(follow_up_documents(), promises().flatmap(follow_up_documents))


@_settings
@given(_documents)
def test_follow_up_document_dict_round_trip(document: FollowUpDocument):
    """follow_up_from_dict(follow_up_to_dict(d)) is d, every new field included."""
    assert document == follow_up_from_dict(follow_up_to_dict(document))


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
@_settings
@given(document=_documents)
def test_follow_up_document_text_round_trip(fmt, document: FollowUpDocument):
    """Each format gives a follow-up document back, and dumping again gives the same text."""
    text = dumps_follow_up(document, format=fmt)
    again = loads_follow_up(text, format=fmt)
    assert document == again
    assert text == dumps_follow_up(again, format=fmt)


@_settings
@given(promises().flatmap(lambda p: st.tuples(st.just(p), follow_up_documents(p))))
def test_a_follow_up_document_of_a_promise_has_no_error_beside_it(pair):
    """A follow-up document drawn for a promise finds that promise and no error in it."""
    promise, document = pair
    expected: list[str] = []
    actual = [p.code for p in validate_follow_up(document, promises=[promise]) if p.is_error]
    assert expected == actual
