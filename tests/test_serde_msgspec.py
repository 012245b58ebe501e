"""The C decoder (msgspec): it accepts exactly what the reference path accepts, and builds the same.

The decoder gives a promise or ``None``; on ``None`` the reference path (the
parser and the detailed cattrs converter) reads the document and reports its
problems. These tests hold the decoder to the reference: for every valid
document it must give the equal promise, and for every document the
reference refuses it must step aside.
"""

import json
import random
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte import (
    FORMAT_VERSION,
    Promise,
    ValidationError,
    dumps,
    dumps_many,
    loads,
    loads_many,
    to_dict,
)
from medborgarlofte._formats import msgspec_engine as _msgspec
from medborgarlofte._formats import syntax as _formats
from medborgarlofte._formats.converter import CONVERTER
from medborgarlofte.testing import promises
from serde_sample import sample_promise
from test_serde_robustness import _removals, _renames, _replacements

_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture
def reference_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load as if the C decoder were not installed."""
    monkeypatch.setattr(_msgspec, "_msgspec", None)


def _reference(body: dict[str, Any]) -> Promise | None:
    """Return what the detailed converter builds from a document body, or None if it refuses."""
    try:
        promise: Promise = CONVERTER.structure(body, Promise)
    except Exception:  # noqa: BLE001 - any refusal at all
        return None
    return promise


def test_the_decoder_is_installed_in_the_test_run():
    """The tests below would prove nothing if the fast extra were missing."""
    assert _msgspec.has_msgspec()


@_settings
@given(promises())
def test_the_decoder_builds_every_valid_promise_equal(promise: Promise):
    """A valid document gives the equal promise, never a step aside."""
    assert promise == _msgspec.decode_promise(dumps(promise))
    assert promise == _msgspec.decode_promise(dumps(promise).encode())


@_settings
@given(st.lists(promises(max_activities=3), max_size=3))
def test_the_decoder_reads_collections(many: list[Promise]):
    """A collection document gives the same promises, in order."""
    assert tuple(many) == _msgspec.decode_many(dumps_many(many))


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = [(what, doc) for what, doc, _ in _replacements()]
    cases += [(what, doc) for what, doc, _ in _removals()]
    cases += [(what, doc) for what, doc, _ in _renames()]
    return cases


def test_the_decoder_steps_aside_exactly_where_the_reference_refuses():
    """Over every broken document of the robustness tests, both paths agree."""
    failures = []
    cases = _cases()
    for what, document in cases:
        body = {k: v for k, v in document.items() if k != "format_version"}
        expected = _reference(body) if document.get("format_version") == FORMAT_VERSION else None
        if document.get("format_version") is True:  # True == 1, never a version
            expected = None
        got = _msgspec.decode_promise(json.dumps(document))
        if got != expected:
            failures.append(f"{what}: decoder {got is not None}, reference {expected is not None}")
    assert [] == failures
    assert len(cases) >= 1000


def _reference_text(data: str | bytes) -> Promise | None:
    """Return what the reference path builds from JSON text, before the integrity rules."""
    try:
        document = _formats.parse(data, "json")
    except ValidationError:
        return None
    if type(document) is not dict:
        return None
    version = document.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        return None
    return _reference({k: v for k, v in document.items() if k != "format_version"})


_POLICE = '{"id": "polis", "kind": "police", "name": "Polisen"}'


def _doc(**parts: str) -> str:
    fields = {
        "format_version": str(FORMAT_VERSION),
        "id": '"p"',
        "title": '"T"',
        "parties": f"[{_POLICE}]",
    }
    fields |= parts
    return "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"


def _target(target: str, **parts: str) -> str:
    activity = {"id": '"a"', "title": '"Vandring"', "target": target} | parts
    return _doc(activities="[{" + ", ".join(f'"{k}": {v}' for k, v in activity.items()) + "}]")


_QUOTA = '{"kind": "period_quota", "amount": 2, "unit": "st"}'
_EDGES = {
    "valid": _doc(),
    "not an object": "[]",
    "no version": '{"id": "p", "title": "T"}',
    "an older version": _doc(format_version="0"),
    "version 1, migrated by the reference path": _doc(format_version="1"),
    "a newer version": _doc(format_version=str(FORMAT_VERSION + 1)),
    "a version that is a bool": _doc(format_version="true"),
    "a version that is a float": _doc(format_version=f"{FORMAT_VERSION}.0"),
    "a key twice, the last wins": _doc(title='"A", "title": "T"'),
    "an infinite number": _target(_QUOTA.replace("2", "1e400")),
    "NaN": _target(_QUOTA.replace("2", "NaN")),
    "a huge integer": _target(_QUOTA.replace("2", "1" + "0" * 30)),
    "a float amount": _target(_QUOTA.replace("2", "2.5")),
    "an integer weight": _target(_QUOTA, weight="2"),
    "a bool weight": _target(_QUOTA, weight="true"),
    "a string amount": _target(_QUOTA.replace("2", '"2"')),
    "a lone surrogate": _doc(title='"\\ud800"'),
    "an escaped text": _doc(title='"Trygg \\u00e5r"'),
    "an escaped line break in a title": _doc(title='"Trygg \\u00e5r \\n"'),
    "a blank title": _doc(title='" "'),
    "an unknown target kind": _target('{"kind": "sometimes"}'),
    "a target without kind": _target('{"amount": 2, "unit": "st"}'),
    "a valid rule": _target('{"kind": "schedule", "recurrence": "FREQ=WEEKLY;BYDAY=MO"}'),
    "a bad rule": _target('{"kind": "schedule", "recurrence": "FREQ=NEVER"}'),
    "a date and time": _doc(signed_on='"2023-01-01T00:00:00"'),
    "a date without dashes": _doc(signed_on='"20230101"'),
    "a short date": _doc(signed_on='"2023-1-1"'),
    "an impossible date": _doc(signed_on='"2023-02-29"'),
    "a leap day": _doc(signed_on='"2024-02-29"'),
    "an unknown key": _doc(titel='"T"'),
    "trailing text": _doc() + " x",
}


_BUILT = {
    "valid",
    "a key twice, the last wins",
    "a float amount",
    "an integer weight",
    "an escaped text",
    "a valid rule",
    "a leap day",
}


def _agrees(data: str | bytes) -> Promise | None:
    """Assert the decoder's result is the reference's, or a step aside; return the result."""
    expected = _reference_text(data)
    got = _msgspec.decode_promise(data)
    assert got is None or got == expected
    if expected is None:
        assert got is None
    return got


@pytest.mark.parametrize("what", list(_EDGES))
def test_the_decoder_agrees_with_the_reference_on_edge_cases(what: str):
    """Edge cases of JSON and of the format: the equal promise, or a step aside."""
    text = _EDGES[what]
    for data in (text, text.encode()):
        got = _agrees(data)
        assert (got is not None) == (what in _BUILT)
    if what == "a lone surrogate":  # refused on both paths, at its key (#14)
        with pytest.raises(ValidationError) as caught:
            loads(text)
        assert [("$.title", "invalid-character")] == [
            (p.path, p.code) for p in caught.value.problems
        ]


def test_a_byte_order_mark_is_left_to_the_reference_path():
    """UTF-8 bytes that start with a BOM load through the reference path."""
    data = "\ufeff".encode() + _EDGES["valid"].encode()
    assert _msgspec.decode_promise(data) is None
    assert loads(data).id == "p"


def test_edge_cases_cover_both_outcomes():
    """The edge cases hold valid documents and refused ones."""
    outcomes = {_msgspec.decode_promise(text) is None for text in _EDGES.values()}
    assert outcomes == {True, False}


def test_damaged_bytes_give_the_same_as_the_reference():
    """Random byte damage: the decoder steps aside or builds what the reference builds."""
    text = dumps(sample_promise()).encode()
    rng = random.Random(11)  # noqa: S311 - reproducible test data, not secrets
    built = 0
    for _ in range(300):
        data = bytearray(text)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        built += _agrees(bytes(data)) is not None
    assert built > 0


@pytest.mark.usefixtures("reference_only")
def test_loads_gives_the_same_with_and_without_the_decoder():
    """With the decoder switched off, loads and loads_many give the same promises."""
    promise = sample_promise()
    assert promise == loads(dumps(promise))
    assert (promise, promise) == loads_many(dumps_many([promise, promise]))
    assert _msgspec.decode_promise(dumps(promise)) is None


def test_mirrors_forbid_unknown_keys_and_keep_the_defaults():
    """Every mirror struct refuses unknown keys; an empty document body gives the defaults."""
    promise = loads(_doc())
    assert promise == Promise(id="p", title="T", parties=promise.parties)
    assert to_dict(promise)["id"] == "p"


@pytest.mark.usefixtures("reference_only")
def test_integers_beyond_64_bits_are_refused_on_the_reference_path():
    """orjson would read 10**30 as a float; the reference path refuses it as too large (#14)."""
    text = _EDGES["a huge integer"]
    for data in (text, text.encode()):
        with pytest.raises(ValidationError) as caught:
            loads(data)
        expected = [("$.activities[0].target.amount", "number-out-of-range")]
        assert expected == [(p.path, p.code) for p in caught.value.problems]


def _instances(value: object) -> list[object]:
    """Return every attrs instance in *value*, itself included."""
    found: list[object] = []
    if isinstance(value, tuple):
        for item in value:
            found += _instances(item)
    elif attrs.has(type(value)):
        found.append(value)
        for field in attrs.fields(type(value)):
            found += _instances(getattr(value, field.name))
    return found


def test_the_decoder_builds_each_object_through_its_own_constructor(monkeypatch):
    """Every object the decoder gives is made by its model class's __init__, never a twin."""
    promise = sample_promise()
    expected = _instances(promise)
    made: list[type] = []
    for cls in {type(i) for i in expected}:
        init = cls.__init__

        def counting(self: Any, *args: Any, __init: Any = init, **kwargs: Any) -> None:
            made.append(type(self))
            __init(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    got = _msgspec.decode_promise(dumps(promise))
    assert promise == got
    built = _instances(got)
    assert [type(i) for i in expected] == [type(i) for i in built]
    assert sorted(t.__name__ for t in made) == sorted(type(i).__name__ for i in built)


def test_the_formats_never_swap_a_class_nor_touch_the_collector():
    """No module of the formats package assigns __class__ or calls the gc module."""
    folder = Path(_msgspec.__file__).parent
    found = [
        f"{path.name}:{number}"
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"__class__\s*=|\bgc\.|import gc\b", line)
    ]
    assert [] == found
