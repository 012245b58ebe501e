"""Mutated documents: only ValidationError or success comes out, and what loads works (#14).

Hypothesis takes the rich sample document, in JSON, TOML or YAML, and breaks
it: edits bytes, swaps two values, puts a hostile value in one place (very
long integers and strings, integers past 64 bits, the ends of the calendar,
lone surrogates, bidirectional overrides, control characters, combining
marks). Reading the result must raise :class:`ValidationError` or give a
promise, and a promise must then go through every operation of the library
(:func:`test_adversarial.exercise`) without any exception. A report table as
CSV gets the same treatment.

The number of documents follows the Hypothesis profile, a third of its
``max_examples`` and at most 50 (5 with ``FAST=1``, 33 by default, 50 in CI),
so a run stays within seconds.

Values that only the reading boundary and the limits refuse (lone surrogates,
integers past 64 bits, overflowing dates) are run in tests of their own.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from medborgarlofte import (
    ValidationError,
    loads,
    reports_from_csv,
    reports_to_csv,
    to_dict,
)
from serde_sample import sample_promise
from test_adversarial import exercise

FORMATS = ("json", "toml", "yaml")
BASE = to_dict(sample_promise())
HUGE_DIGITS = 5000
"""More digits than int() converts by default (4,300)."""

_MUTATION = settings(
    max_examples=min(50, max(5, settings.default.max_examples // 3)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Should the reading boundary ever let such a value through, stop at the first
# failure instead of shrinking documents of thousands of digits for minutes.
_BOUNDARY = settings(_MUTATION, phases=[Phase.explicit, Phase.generate], report_multiple_bugs=False)


def _leaves(value: object, steps: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every scalar in a document."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*steps, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _leaves(item, (*steps, index))]
    return [steps]


LEAVES = _leaves(BASE)


def _get(document: Any, steps: tuple[Any, ...]) -> Any:
    for step in steps:
        document = document[step]
    return document


def _put(document: Any, steps: tuple[Any, ...], value: object) -> None:
    _get(document, steps[:-1])[steps[-1]] = value


def _write(document: dict[str, Any], fmt: str) -> str | None:
    """Return *document* in *fmt*, or None if the test's own writer cannot write it."""
    try:
        if fmt == "json":
            return json.dumps(document)
        if fmt == "toml":
            return tomli_w.dumps(document)
        return yaml.safe_dump(document, allow_unicode=False, sort_keys=False)
    except (TypeError, ValueError, UnicodeError, yaml.YAMLError):
        return None


# Odd Unicode: bidirectional controls, C0/C1 controls, combining marks,
# noncharacters, line and paragraph separators; lone surrogates apart, since
# refusing them waits for the reading boundary.
ODD_CHARACTERS = [
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200f",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\r",
    "\u0301",
    "\u0308",
    "\ufdd0",
    "\uffff",
    "\u2028",
    "\U0010ffff",
    "ا",
    "1",
    "a",
    " ",
]
SURROGATES = ["\ud800", "\udfff"]
# Built without filters: Hypothesis 6.100 (the floor) calls a filter that
# rejects on a replay an unreliable assumption.
NO_SURROGATES = st.lists(st.sampled_from(ODD_CHARACTERS), min_size=1, max_size=12).map("".join)
ODD_TEXT = st.lists(st.sampled_from(ODD_CHARACTERS + SURROGATES), min_size=1, max_size=12).map(
    "".join
)
LONG_TEXT = st.builds(
    lambda part, count: part * count,
    st.sampled_from(["a", "\u0301", "\u202e", "å ", "-", "="]),
    st.integers(1_000, 200_000),
)
HANDLED_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            False,
            0,
            -1,
            2**31,
            2**63 - 1,
            1e308,
            -1e308,
            5e-324,
            "",
            [],
            {},
            "0001-01-01",
            "2024-02-30",
            "FREQ=DAILY;INTERVAL=2147483648",
            "FREQ=YEARLY;BYMONTHDAY=\u0661",
            "\u202e",
            "\x07\x1b[31m",
        ]
    ),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    NO_SURROGATES,
    LONG_TEXT,
)
"""Hostile values every operation handles today, when reading lets them in."""

REFUSED_VALUES = st.one_of(
    st.sampled_from(["\ud800", "a\udfffb", 2**64, 10**30, -(2**70), "9999-12-31", 3_000_000]),
    ODD_TEXT,
    st.integers(),
)
"""Values the reading boundary of #14 item 1 is to refuse (surrogates, integers past
64 bits, dates whose derived dates overflow), mixed with the others."""


@st.composite
def swapped_or_replaced(
    draw: st.DrawFn, values: st.SearchStrategy[object] = HANDLED_VALUES
) -> tuple[str, str]:
    """Return (format, text): the document with values swapped or replaced in 1-2 places."""
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 2))):
        where = draw(st.sampled_from(LEAVES))
        try:
            _get(document, where)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed the place
        if draw(st.booleans()):
            other = draw(st.sampled_from(LEAVES))
            try:
                value = _get(document, other)
            except (KeyError, IndexError, TypeError):
                continue
            _put(document, where, value)
        else:
            _put(document, where, draw(values))
    written = {fmt: _write(document, fmt) for fmt in FORMATS}
    fmt = draw(st.sampled_from([fmt for fmt, text in written.items() if text is not None]))
    text = written[fmt]
    assert text is not None  # JSON writes every document drawn here
    return fmt, text


@st.composite
def byte_edits(draw: st.DrawFn) -> tuple[str, bytes]:
    """Return (format, data): the document's bytes with 1-5 bytes replaced, inserted or cut."""
    fmt = draw(st.sampled_from(FORMATS))
    text = _write(BASE, fmt)
    assert text is not None
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["replace", "insert", "cut"]))
        if edit == "replace":
            data[at] = draw(st.integers(0, 255))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 40))]
    return fmt, bytes(data)


@st.composite
def long_integers(draw: st.DrawFn) -> tuple[str, str]:
    """Return (format, text) with an integer of thousands of digits written in one place."""
    fmt = draw(st.sampled_from(FORMATS))
    numbers = [p for p in LEAVES if type(_get(BASE, p)) is int]
    where = draw(st.sampled_from(numbers))
    document = copy.deepcopy(BASE)
    _put(document, where, 987654321987)
    text = _write(document, fmt)
    assert text is not None
    digits = "9" * draw(st.integers(HUGE_DIGITS, HUGE_DIGITS + 2000))
    return fmt, text.replace("987654321987", digits, 1)


def _loads_or_refuses(fmt: str, data: str | bytes) -> None:
    """Read *data*: a ValidationError is fine, a promise must go through everything."""
    try:
        promise = loads(data, format=fmt)
    except ValidationError:
        return
    exercise(promise, timelines=False)


@_MUTATION
@given(byte_edits())
def test_byte_edits_give_a_validation_error_or_a_working_promise(case):
    """A document with bytes replaced, inserted or cut is refused or loads and works."""
    _loads_or_refuses(*case)


@_MUTATION
@given(swapped_or_replaced())
def test_swapped_and_hostile_values_give_a_validation_error_or_a_working_promise(case):
    """Values swapped or replaced by hostile ones are refused or load and work."""
    _loads_or_refuses(*case)


def _with(where: tuple[Any, ...], value: object) -> tuple[str, str]:
    document = copy.deepcopy(BASE)
    _put(document, where, value)
    return "json", json.dumps(document)


@_BOUNDARY
@given(swapped_or_replaced(REFUSED_VALUES))
@example(_with(("title",), "Trygg\ud800het"))
@example(_with(("activities", 0, "target", "amount"), 2**64))
@example(_with(("follow_up_rules", 0, "report_due_days"), 3_000_000))
@example(_with(("period", "end"), "9999-12-31"))
def test_values_past_the_reading_boundary_give_a_validation_error_or_a_working_promise(case):
    """Lone surrogates, integers past 64 bits and overflowing dates are refused when read."""
    _loads_or_refuses(*case)


@_BOUNDARY
@given(long_integers())
@example(
    (
        "json",
        json.dumps(BASE).replace(
            '"report_due_days": 30', '"report_due_days": ' + "9" * HUGE_DIGITS
        ),
    )
)
def test_integers_of_thousands_of_digits_give_a_validation_error(case):
    """An integer of 5,000 or more digits anywhere is refused, never a bare ValueError."""
    fmt, text = case
    with pytest.raises(ValidationError):
        loads(text, format=fmt)


# --- CSV ------------------------------------------------------------------------------

TABLE = reports_to_csv(sample_promise())
EMPTY = attrs.evolve(sample_promise(), reports=())


@st.composite
def table_edits(draw: st.DrawFn) -> str:
    """Return the report table with characters replaced, inserted or cut in 1-5 places."""
    text = TABLE
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text) - 1))
        edit = draw(st.sampled_from(["replace", "insert", "cut"]))
        # Lone surrogates in a cell wait for the reading boundary (test_adversarial).
        piece = draw(
            st.one_of(NO_SURROGATES, st.sampled_from([",", '"', "\r\n", "=", "'", "1e999"]))
        )
        if edit == "replace":
            text = text[:at] + piece + text[at + 1 :]
        elif edit == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
    return text


@_MUTATION
@given(table_edits())
def test_edited_report_tables_give_a_validation_error_or_working_reports(text):
    """An edited report table is refused, or its reports give a promise that works."""
    try:
        reports = reports_from_csv(text, promise=EMPTY)
    except ValidationError:
        return
    exercise(attrs.evolve(EMPTY, reports=reports), timelines=False)
