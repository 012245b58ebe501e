"""Tests for the reading boundary: each leaf value of a document or CSV cell, checked on entry."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from medborgarlofte import (
    Activity,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Promise,
    ValidationError,
    dumps,
    loads,
    progress,
    reports_from_csv,
    to_dict,
)
from medborgarlofte._formats import boundary
from medborgarlofte._formats.errors import DocumentValueError

PROMISE = Promise(
    id="hofors-2025",
    title="Medborgarlöfte Hofors 2025",
    parties=(Party(id="polisen", kind=PartyKind.POLICE, name="LPO Gästrikland"),),
    period=Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)),
    activities=(
        Activity(
            id="trafik",
            title="Trafikkontroller",
            target=PeriodQuota(amount=40, unit="kontroller"),
            responsible=("polisen",),
        ),
    ),
)
AMOUNT = "$.activities[0].target.amount"
TITLE = "$.activities[0].title"


def _text(fmt: str, amount: str = "40", title: str = '"Trafikkontroller"') -> str:
    """Return PROMISE as *fmt* text, with *amount* and *title* written as given."""
    text = dumps(PROMISE, format=fmt)  # type: ignore[arg-type]
    if fmt == "json":
        return text.replace('"amount": 40', f'"amount": {amount}').replace(
            '"Trafikkontroller"', title
        )
    if fmt == "toml":
        return text.replace("amount = 40", f"amount = {amount}").replace(
            '"Trafikkontroller"', title
        )
    return text.replace("amount: 40", f"amount: {amount}").replace("Trafikkontroller", title)


def _refused(text: str, fmt: str) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        loads(text, format=fmt)  # type: ignore[arg-type]
    return [(p.path, p.code) for p in caught.value.problems]


def test_the_documents_are_what_the_tests_think():
    """Each format's text of PROMISE loads back equal, so the edits below change one value."""
    for fmt in ("json", "toml", "yaml"):
        assert PROMISE == loads(_text(fmt), format=fmt)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_an_integer_of_thousands_of_digits_is_a_problem_not_a_bare_value_error(fmt):
    """Python's parsers refuse more than 4,300 digits with a ValueError; it becomes a problem."""
    with pytest.raises(ValidationError) as caught:
        loads(_text(fmt, amount="7" * 5000), format=fmt)
    (problem,) = caught.value.problems
    assert ("$", "number-out-of-range") == (problem.path, problem.code)
    assert "5000 digits" in problem.message_en
    assert "5000 siffror" in problem.message_sv
    assert "line " in problem.message_en


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
@pytest.mark.parametrize("amount", [str(2**53 + 1), str(2**64), str(10**30), "1.7e+308"])
def test_a_number_beyond_2_to_the_53_is_refused_at_its_key(fmt, amount):
    """An amount past 2**53 in size is refused with its path, in every format."""
    assert [(AMOUNT, "number-out-of-range")] == _refused(_text(fmt, amount=amount), fmt)


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_2_to_the_53_itself_is_accepted_and_written_back(fmt):
    """The largest number allowed loads and is written as the same integer."""
    promise = loads(_text(fmt, amount=str(2**53)), format=fmt)
    assert 2**53 == to_dict(promise)["activities"][0]["target"]["amount"]
    assert promise == loads(dumps(promise, format=fmt), format=fmt)


@pytest.mark.parametrize(
    ("fmt", "written"),
    [("toml", "0x10"), ("toml", "0o20"), ("toml", "0b10000"), ("yaml", "0x10"), ("yaml", "020")],
)
def test_hex_octal_and_binary_integers_are_the_same_integer(fmt, written):
    """TOML and YAML integers in another base load as the integer, and every writer copes."""
    promise = loads(_text(fmt, amount=written), format=fmt)
    assert 16 == promise.activities[0].target.amount  # type: ignore[union-attr]
    for out in ("json", "toml", "yaml"):
        assert promise == loads(dumps(promise, format=out), format=out)
    assert 16 == progress(promise, as_of=dt.date(2025, 12, 31)).activities[0].planned


@pytest.mark.parametrize(("fmt", "written"), [("toml", "0x" + "F" * 20), ("yaml", "0x" + "F" * 20)])
def test_a_hex_integer_beyond_64_bits_is_refused(fmt, written):
    """A hex integer too large for any writer is refused at its key, like a decimal one."""
    assert [(AMOUNT, "number-out-of-range")] == _refused(_text(fmt, amount=written), fmt)


@pytest.mark.parametrize(("fmt", "written"), [("toml", "inf"), ("toml", "nan"), ("yaml", ".inf")])
def test_infinity_and_nan_are_refused(fmt, written):
    """A number that is not finite is refused at its key."""
    assert [(AMOUNT, "non-finite-number")] == _refused(_text(fmt, amount=written), fmt)


def test_a_lone_surrogate_is_refused_at_its_key():
    """A JSON escape of half a surrogate pair gives a text no writer can write: refused."""
    assert [(TITLE, "invalid-character")] == _refused(_text("json", title='"Tr\\ud800"'), "json")


@pytest.mark.parametrize("fmt", ["json", "toml"])
@pytest.mark.parametrize("escape", ["\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085"])
def test_a_control_character_is_refused_at_its_key(fmt, escape):
    """A control character other than tab and line break is refused in any text."""
    assert [(TITLE, "invalid-character")] == _refused(_text(fmt, title=f'"A{escape}B"'), fmt)


@pytest.mark.parametrize("escape", ["\\n", "\\r", "\\t"])
def test_a_line_break_in_a_one_line_text_is_refused(escape):
    """A title is one line: a line break or tab in it is refused with line-break."""
    assert [(TITLE, "line-break")] == _refused(_text("json", title=f'"A{escape}B"'), "json")


def test_a_line_break_in_a_note_is_kept():
    """A free text (a description) may hold tabs and line breaks."""
    data = to_dict(PROMISE)
    data["activities"][0]["description"] = "Två\trader\r\noch en till\n"
    promise = loads(json.dumps(data), format="json")
    assert "Två\trader\r\noch en till\n" == promise.activities[0].description


def test_a_csv_cell_of_thousands_of_digits_is_a_problem_at_its_cell():
    """A CSV amount of 5,000 digits is refused at its row and column, before Python reads it."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv("activity,amount\ntrafik," + "9" * 5000 + "\n", promise=PROMISE)
    assert [("reports.csv:row 2:column amount", "number-out-of-range")] == [
        (p.path, p.code) for p in caught.value.problems
    ]


@pytest.mark.parametrize("cell", [str(2**53 + 1), "1e300"])
def test_a_csv_number_beyond_2_to_the_53_is_refused(cell):
    """A CSV amount past 2**53 in size is refused at its cell."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv(f"activity,amount\ntrafik,{cell}\n", promise=PROMISE)
    assert [("reports.csv:row 2:column amount", "number-out-of-range")] == [
        (p.path, p.code) for p in caught.value.problems
    ]


def test_a_csv_control_character_is_refused_at_its_cell():
    """A control character in a CSV note is refused at its row and column."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv("activity,note\ntrafik,a\x07b\n", promise=PROMISE)
    assert [("reports.csv:row 2:column note", "invalid-character")] == [
        (p.path, p.code) for p in caught.value.problems
    ]


@pytest.mark.parametrize(
    ("check", "value", "code"),
    [
        (boundary.check_text, 5, "wrong-type"),
        (boundary.check_text, "a\x00", "invalid-character"),
        (boundary.check_int, True, "wrong-type"),
        (boundary.check_int, 1.0, "wrong-type"),
        (boundary.check_int, -(2**53) - 1, "number-out-of-range"),
        (boundary.check_number, "1", "wrong-type"),
        (boundary.check_number, float("nan"), "non-finite-number"),
        (boundary.check_number, -1e16, "number-out-of-range"),
        (boundary.check_float, float("-inf"), "non-finite-number"),
        (boundary.integer_from_text, "1" * 17, "number-out-of-range"),
        (boundary.integer_from_text, "9007199254740993", "number-out-of-range"),
    ],
)
def test_each_leaf_check_refuses_with_its_code(check, value, code):
    """Each check of the boundary refuses a bad value with its own code."""
    with pytest.raises(DocumentValueError) as caught:
        check(value)
    assert code == caught.value.code


@pytest.mark.parametrize(
    ("check", "value", "expected"),
    [
        (boundary.check_text, "rad\tett\nrad två", "rad\tett\nrad två"),
        (boundary.check_int, -(2**53), -(2**53)),
        (boundary.check_number, 2.5, 2.5),
        (boundary.check_float, 3, 3.0),
        (boundary.integer_from_text, "-0009007199254740992", -(2**53)),
    ],
)
def test_each_leaf_check_passes_good_values_unchanged(check, value, expected):
    """A value inside the boundary comes back as it was (an int given for a float as a float)."""
    actual = check(value)
    assert expected == actual
    assert type(expected) is type(actual)
