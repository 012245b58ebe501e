"""Tests for the CSV tables of activities and reports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Bound,
    Cancellation,
    Interval,
    IntervalQuota,
    Milestone,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Place,
    Promise,
    Quantity,
    QuantityKind,
    Recurrence,
    Report,
    ReportKind,
    ReportLink,
    Responsibility,
    Schedule,
    Share,
    ValidationError,
    activities_to_csv,
    import_reports,
    reports_from_csv,
    reports_to_csv,
)
from medborgarlofte._core.spreadsheet import (
    FORMULA_STARTS,
    protect_cell,
    safe_writer,
    unprotect_cell,
)
from medborgarlofte._formats import tables as _csv
from medborgarlofte.testing import promises

PROMISE = Promise(
    id="hofors-2023-2024",
    title="Medborgarlöfte Hofors 2023–2024",
    parties=(
        Party(id="polisen", kind=PartyKind.POLICE, name="LPO Gästrikland"),
        Party(id="hofors", kind=PartyKind.MUNICIPALITY, name="Hofors kommun", kommunkod="2104"),
    ),
    period=Period(start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31)),
    activities=(
        Activity(
            id="trafik",
            title="Trafikkontroller",
            target=PeriodQuota(amount=50, unit="kontroller", bound=Bound.AT_LEAST),
            responsible=("polisen",),
        ),
        Activity(
            id="vandring",
            title="Trygghetsvandringar",
            target=IntervalQuota(amount=2, unit="vandringar", per=Interval.YEAR),
            responsible=("polisen", "hofors"),
        ),
    ),
)

REPORTS = (
    Report(
        activity="trafik",
        id="r1",
        date=dt.date(2023, 3, 1),
        amount=6,
        party="polisen",
        quantities=(
            Quantity(value=9, unit="personer anmälda", kind=QuantityKind.OUTCOME),
            Quantity(value=52.5, unit="timmar", approximate=True, wording="drygt femtio"),
        ),
    ),
    Report(
        activity="vandring",
        kind=ReportKind.NOT_DONE,
        period=Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 4, 30)),
        note='Inställd;\n"snöstorm"',
        reason="Väder",
    ),
)

HEADER = (
    "activity,id,kind,date,period_start,period_end,date_text,amount,approximate,"
    "wording,party,note,reason,source,link,work,places,parties"
)


def _problems(text: str, promise: Promise = PROMISE) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        reports_from_csv(text, promise=promise)
    return [(p.path, p.code) for p in caught.value.problems]


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(
        csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
    )


# --- export ---------------------------------------------------------------------


def test_reports_table_has_one_row_per_report_and_every_field() -> None:
    """The reports table has every field's column, quantity groups as needed, a row per report."""
    rows = _rows(reports_to_csv(attrs.evolve(PROMISE, reports=REPORTS)))
    groups = [
        f"quantity_{n}_{field}"
        for n in (1, 2)
        for field in (
            *("value", "unit", "kind", "approximate", "wording", "place", "share"),
            *("unit_singular", "unit_plural"),
        )
    ]
    assert [*HEADER.split(","), *groups] == rows[0]
    assert 3 == len(rows)
    assert ["trafik", "r1", "done", "2023-03-01", "", "", "", "6", "false", ""] == rows[1][:10]
    assert ["activity", "", "", ""] == rows[1][14:18]
    assert ["9", "personer anmälda", "outcome", "false", "", "", "", "", ""] == rows[1][18:27]
    assert ["52.5", "timmar", "output", "true", "drygt femtio", "", "", "", ""] == rows[1][27:36]
    assert ["2023-01-01", "2023-04-30"] == rows[2][4:6]
    assert ['Inställd;\n"snöstorm"', "Väder"] == rows[2][11:13]
    assert ["activity", "", "", ""] == rows[2][14:18]
    assert [""] * 18 == rows[2][18:]


def test_a_promise_without_reports_gives_only_the_header() -> None:
    """Without reports the table is the header row, without quantity columns."""
    assert HEADER + "\r\n" == reports_to_csv(PROMISE)


def test_excel_tables_have_a_bom_semicolons_and_decimal_commas() -> None:
    """With excel=True the text starts with a BOM, cells are split by ; and decimals use a comma."""
    text = reports_to_csv(attrs.evolve(PROMISE, reports=REPORTS), excel=True)
    assert text.startswith("\ufeffactivity;id;kind;")
    rows = _rows(text, ";")
    assert "52,5" == rows[1][27]
    assert '"Inställd;\n""snöstorm"""' in text


def test_activities_table_flattens_every_kind_of_target() -> None:
    """One row per activity; each target kind fills its own columns, lists are joined by |."""
    activities = (
        *PROMISE.activities,
        Activity(
            id="lagesbild",
            title="Lägesbild",
            target=Schedule(
                recurrence=Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"),
                start=dt.date(2023, 1, 2),
                unit="möte",
            ),
            focus_areas=("narkotika", "trafik"),
            weight=0.5,
        ),
        Activity(
            id="plan",
            title="Handlingsplan",
            target=Milestone(due=dt.date(2023, 6, 30), wording="före sommaren"),
            cancelled=Cancellation(date=dt.date(2023, 5, 1), reason="Ersatt"),
        ),
        Activity(id="stod", title="Stöd", target=Ongoing(), responsibility=Responsibility.ANY),
    )
    text = activities_to_csv(attrs.evolve(PROMISE, activities=activities))
    table = [dict(zip(_rows(text)[0], row, strict=True)) for row in _rows(text)[1:]]
    assert ["trafik", "vandring", "lagesbild", "plan", "stod"] == [row["id"] for row in table]
    assert ("period_quota", "50", "kontroller", "at_least", "false") == (
        table[0]["target_kind"],
        table[0]["amount"],
        table[0]["unit"],
        table[0]["bound"],
        table[0]["interval_unclear"],
    )
    assert ("interval_quota", "year", "polisen|hofors", "") == (
        table[1]["target_kind"],
        table[1]["per"],
        table[1]["responsible"],
        table[1]["interval_unclear"],
    )
    assert ("FREQ=WEEKLY;BYDAY=MO", "2023-01-02", "möte", "narkotika|trafik", "0.5") == (
        table[2]["rrule"],
        table[2]["start"],
        table[2]["unit"],
        table[2]["focus_areas"],
        table[2]["weight"],
    )
    assert ("2023-06-30", "före sommaren", "2023-05-01", "Ersatt", "") == (
        table[3]["due"],
        table[3]["target_wording"],
        table[3]["cancelled_date"],
        table[3]["cancelled_reason"],
        table[3]["amount"],
    )
    assert ("ongoing", "any", "") == (
        table[4]["target_kind"],
        table[4]["responsibility"],
        table[4]["due"],
    )


def test_activities_table_for_excel_uses_a_decimal_comma() -> None:
    """The Excel activities table has a BOM, semicolons and the weight with a decimal comma."""
    text = activities_to_csv(PROMISE, excel=True)
    rows = _rows(text, ";")
    assert text.startswith("\ufeffid;title;")
    assert "1,0" == rows[1][rows[0].index("weight")]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+46 70", "'+46 70"),
        ("-5 grader", "'-5 grader"),
        ("@polisen", "'@polisen"),
        ("\tindrag", "'\tindrag"),
        ("'=redan skyddad", "''=redan skyddad"),
        ("'citat'", "'citat'"),
        ("\rdold", "'\rdold"),
        ("a=b", "a=b"),
    ],
)
def test_both_kinds_of_table_mark_texts_a_spreadsheet_would_run(text: str, cell: str) -> None:
    """Texts starting like a formula get Excel's text mark in comma and Excel tables alike."""
    promise = attrs.evolve(PROMISE, reports=(Report(activity="trafik", note=text),))
    excel = _rows(reports_to_csv(promise, excel=True), ";")
    plain = _rows(reports_to_csv(promise))
    note = excel[0].index("note")
    assert (cell, cell) == (excel[1][note], plain[1][note])
    for kind in (True, False):
        table = reports_to_csv(promise, excel=kind)
        assert promise.reports == reports_from_csv(table, promise=PROMISE)


def test_numbers_are_not_marked_but_texts_that_look_like_them_are() -> None:
    """A negative number is a number to a spreadsheet and gets no mark; the text "-5" does."""
    assert ("-5", "-2,5", "'-5") == (
        _csv._cell(-5, excel=False),
        _csv._cell(-2.5, excel=True),
        _csv._cell("-5", excel=False),
    )


def test_ids_that_start_like_a_formula_are_marked_and_read_back() -> None:
    """An activity id starting with = is marked in the table and still found on import."""
    activity = Activity(id="=a", title="A", target=Ongoing())
    promise = attrs.evolve(
        PROMISE, activities=(activity,), reports=(Report(activity="=a", id="-r1", amount=1),)
    )
    text = reports_to_csv(promise)
    rows = _rows(text)
    assert ("'=a", "'-r1") == (rows[1][0], rows[1][1])
    assert promise.reports == reports_from_csv(text, promise=attrs.evolve(promise, reports=()))


@pytest.mark.parametrize(
    ("delimiter", "cell", "note"),
    [
        (";", "'=SUMMA(A1)", "=SUMMA(A1)"),
        (";", "''=x", "'=x"),
        (";", "'hej", "'hej"),
        (",", "'=SUMMA(A1)", "=SUMMA(A1)"),
        (",", "''+x", "'+x"),
        (",", "'hej", "'hej"),
        (",", "''", "''"),
    ],
)
def test_reading_drops_exactly_one_text_mark_before_a_formula_start(
    delimiter: str, cell: str, note: str
) -> None:
    """One apostrophe before a formula start is Excel's text mark in any table; others are text."""
    (report,) = reports_from_csv(f"note{delimiter}amount\n{cell}{delimiter}1\n", promise=PROMISE)
    assert note == report.note


@pytest.mark.parametrize(("excel", "delimiter"), [(True, ";"), (False, ",")])
def test_activities_table_marks_formula_texts(excel: bool, delimiter: str) -> None:
    """The activities table protects titles and id lists that start like a formula."""
    activity = Activity(id="=a", title="-Trafik", target=Ongoing(), responsible=("=p", "q"))
    promise = attrs.evolve(PROMISE, activities=(activity,))
    rows = _rows(activities_to_csv(promise, excel=excel), delimiter)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert ("'=a", "'-Trafik", "'=p|q") == (row["id"], row["title"], row["responsible"])


# --- round trip -----------------------------------------------------------------


@given(promises(), st.booleans())
def test_reports_round_trip_through_csv(promise: Promise, excel: bool) -> None:
    """Exporting the reports and importing them into the promise without reports restores it."""
    text = reports_to_csv(promise, excel=excel)
    assert promise == import_reports(attrs.evolve(promise, reports=()), text)


def test_import_adds_after_the_promise_own_reports() -> None:
    """import_reports keeps the promise's reports first and leaves the original unchanged."""
    promise = attrs.evolve(PROMISE, reports=REPORTS[:1])
    text = "activity,amount\r\nvandring,1\r\n"
    result = import_reports(promise, text)
    assert (*REPORTS[:1], Report(activity="vandring", amount=1)) == result.reports
    assert REPORTS[:1] == promise.reports


_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\t\n\r")


@given(st.text(_TEXT, min_size=1), st.booleans())
def test_any_text_round_trips_in_both_kinds_of_table(text: str, excel: bool) -> None:
    """Every non-empty text a note may hold survives a table, whatever it starts with."""
    promise = attrs.evolve(
        PROMISE, reports=(Report(note=text, reason=f"'{text}", link=ReportLink.UNPROMISED),)
    )
    back = reports_from_csv(reports_to_csv(promise, excel=excel), promise=PROMISE)
    assert promise.reports == back


# --- import: what is accepted ---------------------------------------------------


def test_empty_cells_are_absent_and_take_the_defaults() -> None:
    """An empty cell leaves the field at its default: kind done, approximate false, None."""
    text = HEADER + "\r\n" + "trafik" + "," * 13 + "\r\n"
    assert (Report(activity="trafik"),) == reports_from_csv(text, promise=PROMISE)


def test_any_subset_of_columns_in_any_order() -> None:
    """Columns may come in any order, and any may be left out."""
    text = "note,amount,activity\nKlart,3,trafik\n"
    expected = (Report(activity="trafik", amount=3, note="Klart"),)
    assert expected == reports_from_csv(text, promise=PROMISE)


def test_semicolons_bom_and_decimal_comma_are_read() -> None:
    """A Swedish Excel table: BOM, ; between cells, 2,5 as a decimal, dates in ISO form."""
    text = "\ufeffactivity;amount;date\r\ntrafik;2,5;2024-03-31\r\ntrafik;3.5;\r\n"
    reports = reports_from_csv(text, promise=PROMISE)
    assert [(2.5, dt.date(2024, 3, 31)), (3.5, None)] == [(r.amount, r.date) for r in reports]


def test_integers_stay_integers_and_decimals_become_floats() -> None:
    """'6' is read as the int 6 and '6.0' as the float 6.0, as the model keeps them apart."""
    text = "activity,amount\ntrafik,6\ntrafik,6.0\ntrafik,1e-05\n"
    amounts = [r.amount for r in reports_from_csv(text, promise=PROMISE)]
    assert [(6, int), (6.0, float), (1e-05, float)] == [(a, type(a)) for a in amounts]


@pytest.mark.parametrize(
    ("cell", "expected"), [("true", True), ("TRUE", True), ("Sant", True), ("FALSKT", False)]
)
def test_booleans_in_english_and_swedish_excel_spelling(cell: str, expected: bool) -> None:
    """true/false and Swedish Excel's SANT/FALSKT are read, in any letter case."""
    (report,) = reports_from_csv(f"approximate\n{cell}\n", promise=PROMISE)
    assert expected is report.approximate


def test_blank_rows_short_rows_and_spaces_in_headers() -> None:
    """Blank rows are skipped, short rows are padded, spaces around column names are ignored."""
    text = " activity , amount,note\n\n,,\ntrafik\n,,;\n"
    expected = (Report(activity="trafik"), Report(note=";", link=ReportLink.UNPROMISED))
    assert expected == reports_from_csv(text, promise=PROMISE)


def test_an_unnamed_empty_column_is_ignored() -> None:
    """A trailing column with neither a name nor data, as spreadsheets leave, is ignored."""
    text = "activity,amount,\ntrafik,1,\n"
    assert (Report(activity="trafik", amount=1),) == reports_from_csv(text, promise=PROMISE)


def test_quantity_groups_may_skip_numbers() -> None:
    """Quantity groups are read in the order of their numbers; gaps and empty groups are skipped."""
    text = "quantity_3_value,quantity_3_unit,quantity_1_value,quantity_1_unit,quantity_2_unit\n"
    text += "3,c,1,a,\n"
    (report,) = reports_from_csv(text, promise=PROMISE)
    assert (Quantity(value=1, unit="a"), Quantity(value=3, unit="c")) == report.quantities


# --- import: what is refused, and where -----------------------------------------


@pytest.mark.parametrize(
    ("column", "cell", "code"),
    [
        ("amount", "1 500", "csv-not-a-number"),
        ("amount", '"1,5"', "csv-not-a-number"),
        ("amount", "5 st", "csv-not-a-number"),
        ("amount", "inf", "csv-not-a-number"),
        ("amount", "nan", "csv-not-a-number"),
        ("amount", "1e999", "csv-not-a-number"),
        ("amount", "0x10", "csv-not-a-number"),
        ("approximate", "ja", "csv-not-a-boolean"),
        ("approximate", "1", "csv-not-a-boolean"),
        ("date", "2023-06-31", "impossible-date"),
        ("date", "2023/06/30", "not-a-date"),
        ("date", "20230630", "not-a-date"),
        ("date", "30 juni 2023", "not-a-date"),
        ("kind", "Done", "unknown-enum-value"),
        ("quantity_1_kind", "effekt", "unknown-enum-value"),
        ("amount", "-1", "negative"),
    ],
)
def test_a_bad_cell_is_a_problem_at_its_row_and_column(column: str, cell: str, code: str) -> None:
    """A cell that does not fit its column is refused with the row and column in the path."""
    text = f"activity,quantity_1_value,quantity_1_unit,{column}\ntrafik,1,x,{cell}\n"
    assert [(f"reports.csv:row 2:column {column}", code)] == _problems(text)


def test_a_decimal_comma_is_only_read_from_semicolon_tables() -> None:
    """In a comma-separated table "2,5" is refused: it could be read as 25 or as 2.5."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv('amount\n"2,5"\n', promise=PROMISE)
    (problem,) = caught.value.problems
    assert "'2,5' is not a number" in problem.message_en


def test_an_unknown_enum_value_lists_the_allowed_ones() -> None:
    """The message for an unknown kind names every allowed value."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv("kind\nfinished\n", promise=PROMISE)
    assert "allowed values: done, planned, not_done" in caught.value.problems[0].message_en
    assert "tillåtna värden: done, planned, not_done" in caught.value.problems[0].message_sv


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("amout", "amount"), ("Activity", "activity"), ("quantity_2_valeu", "quantity_2_value")],
)
def test_an_unknown_column_is_refused_with_a_suggestion(name: str, suggestion: str) -> None:
    """An unknown column is refused in the header row, with the closest known name."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv(f"note,{name}\nx,1\n", promise=PROMISE)
    (problem,) = caught.value.problems
    assert (f"reports.csv:row 1:column {name}", "csv-unknown-column") == (
        problem.path,
        problem.code,
    )
    assert f"did you mean {suggestion!r}?" in problem.message_en
    assert f"menade du {suggestion!r}?" in problem.message_sv


@pytest.mark.parametrize("name", ["quantity_0_value", "quantities_1_value", "period", "xyzzy"])
def test_columns_that_only_look_known_are_unknown(name: str) -> None:
    """Group column 0, the field's plural or a nested object's own name are not columns."""
    assert [(f"reports.csv:row 1:column {name}", "csv-unknown-column")] == _problems(
        f"note,{name}\nx,1\n"
    )


def test_a_repeated_column_is_refused() -> None:
    """The same column twice is refused in the header row."""
    assert [("reports.csv:row 1:column note", "csv-duplicate-column")] == _problems(
        "note,amount,note\nx,1,y\n"
    )


def test_references_are_checked_against_the_promise() -> None:
    """Unknown activity and party ids are refused, with the closest id as a suggestion."""
    with pytest.raises(ValidationError) as caught:
        reports_from_csv("activity,party\ntrafk,polis\n", promise=PROMISE)
    found = [(p.path, p.code, p.message_en) for p in caught.value.problems]
    assert [
        (
            "reports.csv:row 2:column activity",
            "unknown-activity",
            "the promise has no activity with id 'trafk'; did you mean 'trafik'?",
        ),
        (
            "reports.csv:row 2:column party",
            "unknown-party",
            "the promise has no party with id 'polis'; did you mean 'polisen'?",
        ),
    ] == found


def test_report_ids_must_be_new_to_the_promise_and_the_table() -> None:
    """A report id the promise already has, or an earlier row has, is refused."""
    promise = attrs.evolve(PROMISE, reports=REPORTS)
    text = "id,note\nr1,a\nr2,b\nr2,c\n,d\n,e\n"
    assert [
        ("reports.csv:row 2:column id", "duplicate-id"),
        ("reports.csv:row 4:column id", "duplicate-id"),
    ] == _problems(text, promise)


@pytest.mark.parametrize(
    ("cells", "missing"),
    [
        ("2023-01-01,,,", "period_end"),
        (",2023-01-31,,", "period_start"),
        (",,5,", "quantity_1_unit"),
        (",,,timmar", "quantity_1_value"),
    ],
)
def test_a_partly_filled_group_is_refused(cells: str, missing: str) -> None:
    """A period or a quantity needs all its required columns once any of them is filled."""
    text = f"period_start,period_end,quantity_1_value,quantity_1_unit\n{cells}\n"
    assert [(f"reports.csv:row 2:column {missing}", "csv-missing-value")] == _problems(text)


def test_model_invariants_point_at_their_column() -> None:
    """A period ending before it starts and a negative quantity are refused at their columns."""
    text = "period_start,period_end,quantity_1_value,quantity_1_unit\n"
    text += "2023-02-01,2023-01-01,1,x\n"
    text += ",,-2,x\n"
    assert [
        ("reports.csv:row 2:column period_end", "period-end-before-start"),
        ("reports.csv:row 3:column quantity_1_value", "negative"),
    ] == _problems(text)


def test_cells_beyond_the_header_and_under_no_name_are_refused() -> None:
    """Values after the last column, or under a column with no name, are refused."""
    text = "note,,amount\na,,1\nb,x,2\nc,,3,4\n"
    assert [
        ("reports.csv:row 3:column #2", "csv-unknown-column"),
        ("reports.csv:row 4", "csv-extra-cells"),
    ] == _problems(text)


def test_an_unclosed_quote_is_a_syntax_error() -> None:
    """Text the csv module cannot read is one problem at the row where reading stopped."""
    text = 'note,amount\n"ok",1\n"never closed,2\n'
    assert [("reports.csv:row 3", "csv-syntax-error")] == _problems(text)


def test_utf_8_bytes_with_a_bom_are_read() -> None:
    """A file's bytes as Excel saves them (UTF-8 with BOM, ;) are read like its text."""
    data = "\ufeffactivity;note\r\ntrafik;Körde på Åsgatan\r\n".encode()
    expected = (Report(activity="trafik", note="Körde på Åsgatan"),)
    assert expected == reports_from_csv(data, promise=PROMISE)


def test_bytes_that_are_not_utf_8_are_refused_with_the_line() -> None:
    """A table saved in Windows-1252 is refused, naming the line of the first bad byte."""
    data = "activity;note\r\ntrafik;Körde\r\n".encode("cp1252")
    with pytest.raises(ValidationError) as caught:
        reports_from_csv(data, promise=PROMISE)
    (problem,) = caught.value.problems
    assert ("reports.csv", "csv-not-utf-8") == (problem.path, problem.code)
    assert "line 2" in problem.message_en
    assert "CSV UTF-8" in problem.message_sv


@pytest.mark.parametrize("text", ["note\nabcdef\n", b"note\nabcdef\n"])
def test_a_table_larger_than_the_limit_is_refused(text: str | bytes) -> None:
    """A table longer than max_size is refused before it is read; None lifts the limit."""
    with pytest.raises(ValidationError) as caught:
        import_reports(PROMISE, text, max_size=10)
    assert [("reports.csv", "document-too-large")] == [
        (p.path, p.code) for p in caught.value.problems
    ]
    assert 1 == len(import_reports(PROMISE, text, max_size=None).reports)


def test_an_unreadable_header_row_is_a_syntax_error() -> None:
    """A header row the csv module cannot read is one problem at row 1."""
    assert [("reports.csv:row 1", "csv-syntax-error")] == _problems('"note,amount\n')


@pytest.mark.parametrize(
    ("hint", "cell", "expected"),
    [(int, "12", 12), (int, "-3", -3), (float, "12", 12.0), (float, "2,5", 2.5)],
)
def test_plain_int_and_float_columns_are_read(hint: type, cell: str, expected: object) -> None:
    """A column of a plain int or float field reads whole numbers, and decimals for floats."""
    value = _csv._parser(hint)(cell, True)
    assert (expected, hint) == (value, type(value))


def test_a_plain_int_column_refuses_decimals() -> None:
    """A column of a plain int field refuses a decimal number."""
    with pytest.raises(_csv._CellError, match="not a whole number"):
        _csv._parser(int)("2.5", False)


@pytest.mark.parametrize("text", ["", "\ufeff"])
def test_an_empty_table_has_no_header(text: str) -> None:
    """An empty text, or only a BOM, is refused: the header row is missing."""
    assert [("reports.csv", "csv-no-header")] == _problems(text)


def test_every_problem_is_reported_at_once_with_spreadsheet_rows() -> None:
    """All problems of a table come together; rows count records, as a spreadsheet shows them."""
    text = 'activity,amount,note,date\ntrafik,1,"two\nlines",2023-01-01\nnope,x,,2023-13-01\n'
    with pytest.raises(ValidationError) as caught:
        import_reports(PROMISE, text, source="uppföljning.csv")
    assert [
        ("uppföljning.csv:row 3:column activity", "unknown-activity"),
        ("uppföljning.csv:row 3:column amount", "csv-not-a-number"),
        ("uppföljning.csv:row 3:column date", "impossible-date"),
    ] == [(p.path, p.code) for p in caught.value.problems]


@given(st.text(max_size=200))
def test_no_text_makes_anything_but_a_validation_error_escape(text: str) -> None:
    """Any text either reads to reports or raises ValidationError; nothing else escapes."""
    try:
        reports = reports_from_csv(text, promise=PROMISE)
    except ValidationError as error:
        problems: tuple[object, ...] = error.problems
        reports = ()
    else:
        problems = ("none needed",)
    assert problems
    assert all(isinstance(r, Report) for r in reports)


@given(promises(), st.data())
def test_a_damaged_cell_is_reported_where_it_is(promise: Promise, data: st.DataObject) -> None:
    """Putting junk into one filled cell gives a problem at that row and column, or none at all."""
    rows = _rows(reports_to_csv(promise))
    filled = [(r, c) for r in range(1, len(rows)) for c, cell in enumerate(rows[r]) if cell]
    if not filled:
        return
    row, column = data.draw(st.sampled_from(filled))
    rows[row][column] = data.draw(st.sampled_from(["§", "2023-02-30", "-7", "ja", "x y"]))
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    try:
        reports_from_csv(out.getvalue(), promise=attrs.evolve(promise, reports=()))
    except ValidationError as error:
        paths = {p.path for p in error.problems}
    else:
        return  # the junk was a fine text for that column
    assert f"reports.csv:row {row + 1}:column {rows[0][column]}" in paths


def test_a_table_without_a_link_column_reads_rows_without_activity_as_unpromised() -> None:
    """An older table, without link, reads a row without activity as work never promised."""
    (report,) = reports_from_csv("date,note\r\n2023-05-01,extra rondering\r\n", promise=PROMISE)
    assert ReportLink.UNPROMISED == report.link


def test_links_places_and_parties_are_checked_row_by_row() -> None:
    """A row claiming an activity it does not name, or naming unknown ids, is refused there."""
    text = (
        "activity,date,link,places,parties\r\n"
        ",2023-05-01,activity,,\r\n"
        "trafik,2023-05-02,unpromised,,\r\n"
        ",2023-05-03,unrestated,torget,polisen|bid\r\n"
    )
    expected = [
        ("reports.csv:row 2:column link", "report-link-without-activity"),
        ("reports.csv:row 3:column link", "report-link-conflict"),
        ("reports.csv:row 4:column places", "unknown-place"),
        ("reports.csv:row 4:column parties", "unknown-party"),
    ]
    assert expected == _problems(text)


def test_new_report_fields_round_trip_through_the_table() -> None:
    """Work, links, places, parties and shares survive a reports table and back."""
    promise = attrs.evolve(
        PROMISE,
        places=(Place(id="byarna", name="Byarna"),),
        reports=(
            Report(
                work="fotpatruller",
                link=ReportLink.UNRESTATED,
                amount=20,
                places=("byarna",),
                parties=("polisen", "hofors"),
                shares=(Share(share=0.5, place="byarna", approximate=True),),
                quantities=(Quantity(value=9, unit="besök", place="byarna", share=0.4),),
            ),
        ),
    )
    assert promise.reports == reports_from_csv(reports_to_csv(promise), promise=promise)


@given(st.text())
def test_a_protected_cell_never_starts_a_formula_and_reads_back(text: str) -> None:
    """protect_cell's result starts with no formula character, and unprotect_cell undoes it."""
    cell = protect_cell(text)
    assert not cell.startswith(tuple(FORMULA_STARTS))
    assert text == unprotect_cell(cell)


@given(st.text())
def test_unprotect_changes_only_cells_that_protect_could_have_written(text: str) -> None:
    """A cell is changed by unprotect_cell only if it is an apostrophe before a protected text."""
    back = unprotect_cell(text)
    assert text == back or text == protect_cell(back)


def test_the_safe_writer_marks_text_cells_only() -> None:
    """safe_writer marks text that starts a formula in every row and writes numbers as numbers."""
    out = io.StringIO()
    writer = safe_writer(out, lineterminator="\n")
    writer.writerows([["=1+1", -5, "-5", 2.5], ["ok", 0, "@x", None]])
    assert "'=1+1,-5,'-5,2.5\nok,0,'@x,\n" == out.getvalue()
