"""Hostile input, class by class and format by format: a clear error or clean success (#14).

Each case takes the rich sample document, puts one hostile value in one place,
writes the document as JSON, TOML or YAML (or a report table as CSV) and
reads it. The reading must either refuse it with a :class:`ValidationError`
whose problem points at that place and carries a registered code, or load a
promise that every operation of the library then handles: validation,
progress, the follow-up functions, the iCalendar export, both reports, every
writer. Nothing else may come out: no bare ``ValueError``, ``OverflowError``,
``UnicodeEncodeError`` or assertion from a library underneath.

The reading boundary (``medborgarlofte._formats.boundary``), the limits
(``medborgarlofte._rules.limits``) and the model's own field checks refuse the
values that no later step could handle.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re
from typing import Any

import attrs
import pytest
import tomli_w
import yaml

from medborgarlofte import (
    PROBLEM_CODES,
    FollowUpRule,
    MedborgarlofteError,
    Period,
    Promise,
    Severity,
    ValidationError,
    activities_to_csv,
    activity_dates,
    dumps,
    expand_follow_up_rule,
    follow_up_coverage,
    follow_up_occasions,
    kommun,
    loads,
    portfolio,
    progress,
    render_html,
    render_markdown,
    reports_from_csv,
    reports_to_csv,
    to_dict,
    to_icalendar,
    validate,
)
from serde_sample import sample_promise

FORMATS = ("json", "toml", "yaml")
AS_OF = dt.date(2024, 6, 30)
HAVE_HOLIDAYS = importlib.util.find_spec("holidays") is not None

# --------------------------------------------------------------------------
# Whatever loads must go through everything
# --------------------------------------------------------------------------


def exercise(promise: Promise, *, as_of: dt.date = AS_OF, timelines: bool = True) -> None:
    """Run every operation of the library on *promise*; any exception fails the caller.

    Without *timelines* the HTML report is drawn as of the day before the
    period, which leaves out the timeline charts (the slow part, about a
    second): for a hostile value that no chart shows, such as the promise title.
    """
    validate(promise)
    progress(promise, as_of=as_of)
    follow_up_occasions(promise)
    follow_up_coverage(promise, as_of=as_of)
    if HAVE_HOLIDAYS:
        follow_up_coverage(promise, as_of=as_of, working_days=True)
    if promise.period is not None:
        for rule in promise.follow_up_rules:
            expand_follow_up_rule(rule, promise.period)
    for activity in promise.activities:
        activity_dates(promise, activity)
    to_icalendar(promise, as_of=as_of)
    to_icalendar(promise, as_of=as_of, todos=True, lang="en")
    if timelines or promise.period is None:
        render_html(promise, as_of=as_of)
    else:
        render_html(promise, as_of=promise.period.start - dt.timedelta(days=1))
    render_markdown(promise, as_of=as_of, lang="en")
    for fmt in FORMATS:
        dumps(promise, format=fmt)
    reports_to_csv(promise)
    activities_to_csv(promise, excel=True)
    portfolio([promise], as_of=as_of).write_csv(io.StringIO())


def _check_refusal(problems: tuple[Any, ...], path: str | None) -> None:
    """Check a refusal: registered codes, both languages, a problem at *path*."""
    assert problems
    for problem in problems:
        assert problem.code in PROBLEM_CODES, problem
        assert problem.message_sv, problem
        assert problem.message_en, problem
    if path is not None:
        assert any(p.path.startswith(path) for p in problems), problems


def refused_or_handled(load: Any, *, path: str | None) -> None:
    """Call *load*; a refusal must be a ValidationError at *path*, a promise must be handled."""
    try:
        promise = load()
    except ValidationError as error:
        problems = error.problems
    else:
        exercise(promise)
        return
    _check_refusal(problems, path)


def refused_or_handled_in_every_format(
    text_in: Any,
    *,
    path: str | None,
    formats: tuple[str, ...] = FORMATS,
    timelines: bool = True,
) -> None:
    """Read the document in each format: refused at *path*, or equal promises, handled once."""
    loaded = []
    for fmt in formats:
        text = text_in(fmt)
        try:
            loaded.append(loads(text, format=fmt))
        except ValidationError:
            refused_or_handled(lambda fmt=fmt, text=text: loads(text, format=fmt), path=path)
    if loaded:
        assert all(promise == loaded[0] for promise in loaded)
        exercise(loaded[0], timelines=timelines)


def refused(load: Any, *, path: str) -> None:
    """Call *load*; it must raise a ValidationError with an error at *path* (registered code)."""
    with pytest.raises(ValidationError) as info:
        load()
    errors = [p for p in info.value.problems if p.severity is Severity.ERROR]
    assert errors
    for problem in info.value.problems:
        assert problem.code in PROBLEM_CODES, problem
    assert any(p.path.startswith(path) for p in errors), info.value.problems


# --------------------------------------------------------------------------
# Documents with one hostile value, written as each format would write it
# --------------------------------------------------------------------------

SENTINEL_INT = 987654321
SENTINEL_TEXT = "SENTINELTEXT"


def _document() -> dict[str, Any]:
    return to_dict(sample_promise())


def _set(document: dict[str, Any], steps: tuple[str | int, ...], value: object) -> None:
    target: Any = document
    for step in steps[:-1]:
        target = target[step]
    target[steps[-1]] = value


def _text(document: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False)
    if fmt == "toml":
        return tomli_w.dumps(document)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def document_with(steps: tuple[str | int, ...], fmt: str, token: str) -> str:
    """Return the sample document in *fmt* with the raw *token* as the value at *steps*.

    The value is written as a sentinel first, then replaced in the text, so the
    token reaches the parser exactly as an attacker would write it.
    """
    document = _document()
    _set(document, steps, SENTINEL_INT)
    text = _text(document, fmt)
    assert text.count(str(SENTINEL_INT)) == 1
    return text.replace(str(SENTINEL_INT), token)


def document_with_text(steps: tuple[str | int, ...], fmt: str, escaped: str) -> str:
    """Return the document with a string value written with the format's own escapes.

    *escaped* is the body of a double-quoted string (``\\u0007`` …), the same
    escape syntax in JSON, TOML and YAML.
    """
    document = _document()
    _set(document, steps, SENTINEL_TEXT)
    text = _text(document, fmt)
    assert text.count(SENTINEL_TEXT) == 1
    return re.sub(f'"?{SENTINEL_TEXT}"?', lambda _: f'"{escaped}"', text)


def path_of(steps: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps)


AMOUNT = ("activities", 0, "target", "amount")
DUE_DAYS = ("follow_up_rules", 0, "report_due_days")
TITLE = ("title",)
ACTIVITY_TITLE = ("activities", 0, "title")
PERIOD_END = ("period", "end")
INTERVAL_RULE = ("follow_up_rules", 1, "recurrence")

# --- integers: too long, hex, beyond 64 bits -------------------------------------

HUGE_INT = "9" * 5000
"""More digits than Python converts by default (4,300): int() raises a bare ValueError."""


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_integer_of_five_thousand_digits_is_refused(fmt):
    """A 5,000-digit integer is refused, by line and column, in every format.

    The parsers refuse such a number before any key is known, so the problem
    stands at ``$`` and its message says where the number is.
    """
    text = document_with(AMOUNT, fmt, HUGE_INT)
    line = 1 + text[: text.index(HUGE_INT)].count("\n")
    with pytest.raises(ValidationError) as info:
        loads(text, format=fmt)
    (problem,) = info.value.problems
    assert ("$", "number-out-of-range") == (problem.path, problem.code)
    assert f"line {line}, column " in problem.message_en
    assert f"rad {line}, kolumn " in problem.message_sv


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_integer_beyond_64_bits_is_refused(fmt):
    """An integer no writer can write (2**70) is refused where it stands."""
    text = document_with(AMOUNT, fmt, str(2**70))
    refused(lambda: loads(text, format=fmt), path=path_of(AMOUNT))


@pytest.mark.parametrize("token", ["0x10", "0o20", "0b10000"])
def test_hex_octal_and_binary_integers_are_refused_or_handled(token):
    """A TOML or YAML integer in another base is refused, or loads and goes through everything."""
    refused_or_handled_in_every_format(
        lambda fmt: document_with(DUE_DAYS, fmt, token),
        path=path_of(DUE_DAYS),
        formats=("toml", "yaml"),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_due_days_in_the_millions_is_refused(fmt):
    """A report deadline of 3,000,000 days would put due dates past year 9999: refused."""
    text = document_with(DUE_DAYS, fmt, "3000000")
    refused(lambda: loads(text, format=fmt), path=path_of(DUE_DAYS))


def test_an_amount_near_the_largest_float_is_refused_or_handled():
    """An amount of 1.7e308 is refused, or loads and every report and writer handles it."""
    refused_or_handled_in_every_format(
        lambda fmt: document_with(AMOUNT, fmt, "1.7e308"), path=path_of(AMOUNT)
    )


# --- dates at the ends of the calendar ---------------------------------------------


def _dated(fmt: str, token: str) -> str:
    """Return the document with the period's end as *token* (a TOML/YAML date is bare)."""
    quoted = f'"{token}"' if fmt == "json" else token
    return document_with(PERIOD_END, fmt, quoted)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_period_ending_in_year_9999_is_refused(fmt):
    """A period ending 9999-12-31 leaves no room for its due dates: refused at the period."""
    text = _dated(fmt, "9999-12-31")
    refused(lambda: loads(text, format=fmt), path="$.period")


def test_a_period_in_the_first_millennium_is_refused():
    """A date before year 1000, which iCalendar cannot write, is refused in every format."""
    document = _document()
    document["period"] = {"start": "0999-01-01", "end": "0999-12-31"}
    document.pop("signed_on")  # signed in 2022, after the period: refused for that
    for signatory in document["signatories"]:
        signatory.pop("signed_on", None)
    activity = document["activities"][0]
    activity["target"] = {"kind": "schedule", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=15"}
    for fmt in FORMATS:
        refused(lambda fmt=fmt: loads(_text(document, fmt), format=fmt), path="$.period")


# --- strings: lone surrogates, controls, line breaks, bidi ----------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_lone_surrogate_in_a_string_is_refused(fmt):
    r"""A lone surrogate (written \ud800) can be written by no UTF-8 writer: refused."""
    text = document_with_text(ACTIVITY_TITLE, fmt, "Trygg\\ud800het")
    refused(lambda: loads(text, format=fmt), path=path_of(ACTIVITY_TITLE))


def test_a_lone_surrogate_in_toml_is_a_syntax_error():
    r"""TOML forbids \ud800 itself; the parser's refusal comes back as a ValidationError."""
    text = document_with_text(ACTIVITY_TITLE, "toml", "Trygg\\ud800het")
    refused(lambda: loads(text, format="toml"), path="$")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_control_character_in_a_title_is_refused(fmt):
    r"""A bell or an escape (\u0007, \u001b) in a title is refused at the title."""
    text = document_with_text(ACTIVITY_TITLE, fmt, "Trygg\\u001b[31mhet\\u0007")
    refused(lambda: loads(text, format=fmt), path=path_of(ACTIVITY_TITLE))


def test_a_raw_control_character_in_yaml_is_refused_by_the_parser():
    """PyYAML refuses a control character written raw: a ValidationError, nothing else."""
    text = document_with_text(ACTIVITY_TITLE, "yaml", "Trygg\x07het")
    refused(lambda: loads(text, format="yaml"), path="$")


@pytest.mark.parametrize(
    "escaped",
    [
        "rad ett\\nrad två",
        "rad ett\\r\\nrad två",
        "bara\\rCR",
        "C:\\\\Nisse; a, b",
        "---",
        "# rubrik",
        '=HYPERLINK(\\"http://x\\")',
        "Trygghet \\u202egninrav",
        "\\u2069\\u202e stray pop",
        "שלום",
    ],
)
def test_text_that_outputs_must_escape_goes_through_everything(escaped):
    """Line breaks, bare CRs, Markdown, formulas and bidi in the promise title are handled."""
    refused_or_handled_in_every_format(
        lambda fmt: document_with_text(TITLE, fmt, escaped), path=path_of(TITLE), timelines=False
    )


# --- rules that load must be exportable ------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;INTERVAL=2147483648",
        "FREQ=MONTHLY;INTERVAL=\u0663",
        "FREQ=MONTHLY;BYMONTHDAY=\u0661\u0665",
        "FREQ=DAILY;INTERVAL=\uff12",
        "FREQ=YEARLY;INTERVAL=400",
        "FREQ=DAILY;COUNT=100000",
    ],
)
def test_odd_rules_are_refused_or_exported(rule):
    """A rule with a huge interval or non-ASCII digits is refused; one that loads exports."""
    refused_or_handled_in_every_format(
        lambda fmt: document_with_text(INTERVAL_RULE, fmt, rule), path=path_of(INTERVAL_RULE)
    )


# --- CSV cells --------------------------------------------------------------------

REPORTS_HEADER = "activity,amount,note\r\n"


def _csv_promise() -> Promise:
    return attrs.evolve(sample_promise(), reports=())


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (f"trafikkontroller,{HUGE_INT},x", "amount"),
        (f"trafikkontroller,{2**70},x", "amount"),
        ("trafikkontroller,1,\ud800", "note"),
        ("trafikkontroller,1,a\x1b[31mb", "note"),
        ("trafikkontroller,0x10,x", "amount"),
        ("trafikkontroller,1e999,x", "amount"),
        ("trafikkontroller,nan,x", "amount"),
        ("trafikkontroller,\u0661\u0662,x", "amount"),
    ],
)
def test_hostile_csv_cells_are_refused_at_their_row_and_column(row, column):
    """Huge or foreign numbers, surrogates and controls in a table are refused at their cell."""
    text = REPORTS_HEADER + row + "\r\n"
    refused(
        lambda: reports_from_csv(text, promise=_csv_promise()),
        path=f"reports.csv:row 2:column {column}",
    )


def test_csv_bytes_that_are_not_utf_8_are_refused():
    """A table saved in a Windows encoding is refused with a hint, not a UnicodeDecodeError."""
    data = (REPORTS_HEADER + "trafikkontroller,1,Gävle\r\n").encode("cp1252")
    refused(lambda: reports_from_csv(data, promise=_csv_promise()), path="reports.csv")


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+46", "'+46"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''-x", "'" + "''-x"),
        ("'citat'", "'citat'"),
    ],
)
def test_formula_text_round_trips_through_every_csv_writer(note, cell):
    """Text a spreadsheet would run is written marked and reads back unchanged."""
    promise = _csv_promise()
    report = attrs.evolve(sample_promise().reports[0], note=note, id=None)
    with_report = attrs.evolve(promise, reports=(report,))
    for excel in (False, True):
        table = reports_to_csv(with_report, excel=excel)
        rows = list(
            csv.reader(
                io.StringIO(table.removeprefix("\ufeff"), newline=""),
                delimiter=";" if excel else ",",
            )
        )
        assert cell == rows[1][rows[0].index("note")]
        assert (report,) == reports_from_csv(table, promise=promise)


def test_the_portfolio_table_marks_formula_text():
    """summary --csv writes a title starting with = after an apostrophe, numbers as they are."""
    promise = attrs.evolve(sample_promise(), title='=HYPERLINK("http://x")')
    out = io.StringIO()
    portfolio([promise], as_of=AS_OF).write_csv(out)
    row = out.getvalue().split("\r\n")[1]
    assert "'=HYPERLINK" in row
    assert ",=HYPERLINK" not in row


# --- objects built in code ---------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(
            lambda: Period(start="2025-01-01", end=dt.date(2025, 12, 31)),  # type: ignore[arg-type]
            id="period-start-text",
        ),
        pytest.param(
            lambda: FollowUpRule(id="r", cadence="tertial"),  # type: ignore[arg-type]
            id="cadence-text",
        ),
    ],
)
def test_constructors_refuse_values_of_the_wrong_type(build):
    """A model object given a value of the wrong type refuses it when built, naming the field."""
    with pytest.raises(MedborgarlofteError):
        build()


def test_a_police_region_object_as_a_region_name_is_refused_when_built():
    """A PoliceRegion where the name of one belongs is refused by Party, not by validate later."""
    from medborgarlofte import Party, PartyKind  # noqa: PLC0415

    with pytest.raises(MedborgarlofteError):
        Party(
            id="p",
            kind=PartyKind.POLICE,
            name="Polisen",
            police_region=kommun("Sala").police_region,  # type: ignore[arg-type]
        )
