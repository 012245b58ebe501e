"""CSV tables for spreadsheet users: activities out, reports out and back in (CSV-tabeller).

Reports of what was done (genomförda insatser) are what officials keep in
spreadsheets. :func:`reports_to_csv` writes one row per report with every
field of :class:`~medborgarlofte.Report` in a column of its own, and
:func:`reports_from_csv` / :func:`import_reports` read the same columns back,
as strictly as a document is read. :func:`activities_to_csv` writes one row per
activity, for reading and planning; it is not read back.

The table format:

* The first row names the columns; the names are the attribute names of
  :class:`~medborgarlofte.Report`. A report's period is two columns,
  ``period_start`` and ``period_end``; its further quantities are groups of
  columns numbered from 1: ``quantity_1_value``, ``quantity_1_unit``,
  ``quantity_1_kind``, ``quantity_1_approximate``, ``quantity_1_wording``
  and the rest of :class:`~medborgarlofte.Quantity`'s fields, then
  ``quantity_2_value`` and so on.
* An empty cell means the value is absent (the default). Numbers are numbers
  (``12``, ``2.5``; no thousands separators), dates are ISO 8601
  (``2024-03-31``), yes/no cells are ``true`` or ``false`` (Swedish Excel's
  ``SANT`` and ``FALSKT`` are read too, in any case), kinds are written
  by their value (``done``, ``planned``, ``not_done``). Text is kept exactly.
* Cells are separated by ``,``; with ``excel=True`` they are separated by
  ``;``, numbers get a decimal comma (``2,5``) and the text starts with a
  UTF-8 byte order mark, as Swedish Excel expects. Reading detects the
  separator from the header row and accepts a byte order mark; a decimal comma
  is read only from ``;``-separated text, where ``,`` cannot separate cells.
* A text that a spreadsheet would run as a formula (it starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return, after any apostrophes) is
  written after one more apostrophe, Excel's mark for text, in every table,
  so opening the file runs nothing; reading drops exactly that one
  apostrophe, so every text comes back as it was. Numbers, dates and yes/no
  cells are never marked. The rule is :mod:`medborgarlofte._core.spreadsheet`'s.
* In the activities table, lists of ids are joined with ``|``.

A problem in a table has a path of the form ``reports.csv:row 4:column amount``:
the table's name (``source``), the row as a spreadsheet numbers it (the header
is row 1) and the column's name.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import enum
import io
import math
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from medborgarlofte._core import codes
from medborgarlofte._core.problems import Problem, Severity
from medborgarlofte._core.spreadsheet import protect_cell, unprotect_cell
from medborgarlofte._formats import DEFAULT_MAX_SIZE
from medborgarlofte._formats.boundary import check_number, integer_from_text
from medborgarlofte._formats.errors import DocumentValueError
from medborgarlofte._model.promise import Activity, Promise
from medborgarlofte._model.recurrence import Recurrence
from medborgarlofte._model.reports import Report, ReportLink
from medborgarlofte._model.targets import IntervalQuota, Milestone, PeriodQuota, Schedule
from medborgarlofte.exceptions import InvalidValueError, ValidationError

__all__ = [
    "LIST_SEPARATOR",
    "activities_to_csv",
    "import_reports",
    "reports_from_csv",
    "reports_to_csv",
]

LIST_SEPARATOR = "|"
"""How lists of ids are joined in one cell of the activities table."""

_BOM = "\ufeff"
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = frozenset({"true", "sant"})
_FALSE = frozenset({"false", "falskt"})
# Group columns of a list field: quantity_2_unit is field `unit` of the second.
_GROUP_COLUMN = re.compile(r"(?P<prefix>[a-z_]+?)_(?P<number>[1-9][0-9]*)_(?P<field>[a-z_]+)")
# The column-name stem of each list-of-objects field of Report.
_GROUP_PREFIX = {"quantities": "quantity", "shares": "share"}


# --------------------------------------------------------------------------
# Cells: one scalar value <-> one cell of text
# --------------------------------------------------------------------------


def _number_text(value: float, *, decimal_comma: bool) -> str:
    text = str(value) if isinstance(value, int) else repr(value)
    return text.replace(".", ",") if decimal_comma else text


def _bool_text(value: bool) -> str:  # noqa: FBT001 - a cell writer
    return "true" if value else "false"


# Cell writers by exact type; a float's writer depends on the decimal mark.
_WRITERS: dict[type, Callable[[Any], str]] = {
    str: str,
    bool: _bool_text,
    int: str,
    dt.date: dt.date.isoformat,
    Recurrence: lambda value: value.rule,
    tuple: lambda value: LIST_SEPARATOR.join(str(item) for item in value),
}


# Cells that are not text: a spreadsheet reads them as numbers, dates or
# yes/no, so they are never marked (a negative number stays a number).
_NOT_TEXT = (bool, int, float, dt.date)


def _cell(value: object, *, excel: bool) -> str:
    """Return the cell text of one scalar value; ``None`` is the empty cell.

    Text a spreadsheet would run as a formula is marked as text (CSV injection).
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return _number_text(value, decimal_comma=excel)
    writer = _WRITERS.get(type(value))
    if writer is None:
        text = str(value.value) if isinstance(value, enum.Enum) else str(value)
    else:
        text = writer(value)
    return text if isinstance(value, _NOT_TEXT) else protect_cell(text)


class _CellError(Exception):
    """A cell's text does not fit its column; carries the code and both messages."""

    def __init__(self, code: str, message_sv: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_sv = message_sv
        self.message_en = message_en


def _parse_number(text: str, *, decimal_comma: bool, integer_only: bool) -> int | float:
    plain = text.replace(",", ".", 1) if decimal_comma and text.count(",") == 1 else text
    # The reading boundary (#14): size checked before Python reads the digits.
    if _INT.fullmatch(plain):
        return integer_from_text(plain)
    if not integer_only and _FLOAT.fullmatch(plain):
        number = float(plain)
        if math.isfinite(number):
            return check_number(number)
    if integer_only:
        raise _CellError(
            codes.CSV_NOT_A_NUMBER,
            f"{text!r} är inte ett heltal",
            f"{text!r} is not a whole number",
        )
    comma = " eller 2,5" if decimal_comma else ""
    comma_en = " or 2,5" if decimal_comma else ""
    raise _CellError(
        codes.CSV_NOT_A_NUMBER,
        f"{text!r} är inte ett tal; skriv till exempel 12 eller 2.5{comma}, "
        "utan tusentalsavgränsare",
        f"{text!r} is not a number; write for example 12 or 2.5{comma_en}, without "
        "thousands separators",
    )


def _parse_date(text: str) -> dt.date:
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise _CellError(
                codes.IMPOSSIBLE_DATE,
                f"datumet {text!r} finns inte i kalendern",
                f"the date {text!r} does not exist",
            ) from None
    raise _CellError(
        codes.NOT_A_DATE,
        f"{text!r} är inte ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-03-31",
        f"{text!r} is not a date as YYYY-MM-DD, for example 2024-03-31",
    )


def _parse_bool(text: str) -> bool:
    folded = text.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise _CellError(
        codes.CSV_NOT_A_BOOLEAN,
        f"{text!r} är inte true eller false",
        f"{text!r} is not true or false",
    )


def _enum_parser(enum_cls: type[enum.Enum]) -> Callable[[str, bool], object]:
    members = {str(member.value): member for member in enum_cls}
    allowed = ", ".join(members)

    def parse_enum(text: str, _comma: bool) -> object:  # noqa: FBT001 - a _Parser
        member = members.get(text)
        if member is None:
            raise _CellError(
                codes.UNKNOWN_ENUM_VALUE,
                f"okänt värde {text!r}; tillåtna värden: {allowed}",
                f"unknown value {text!r}; allowed values: {allowed}",
            )
        return member

    return parse_enum


_Parser = Callable[[str, bool], object]


def _parse_any_number(text: str, comma: bool) -> object:  # noqa: FBT001 - a _Parser
    return _parse_number(text, decimal_comma=comma, integer_only=False)


def _parse_int(text: str, comma: bool) -> object:  # noqa: FBT001 - a _Parser
    return _parse_number(text, decimal_comma=comma, integer_only=True)


def _parse_float(text: str, comma: bool) -> object:  # noqa: FBT001 - a _Parser
    return float(_parse_number(text, decimal_comma=comma, integer_only=False))


_LEAF_PARSERS: dict[object, _Parser] = {
    bool: lambda text, _comma: _parse_bool(text),
    int: _parse_int,
    float: _parse_float,
    dt.date: lambda text, _comma: _parse_date(text),
    str: lambda text, _comma: unprotect_cell(text),
    # Ids joined with LIST_SEPARATOR, as the writer joins them (#16).
    tuple[str, ...]: lambda text, _comma: tuple(unprotect_cell(text).split(LIST_SEPARATOR)),
}


def _parser(hint: object) -> _Parser:
    """Return the cell parser for a scalar field type, ``X | None`` included."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        present = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _parse_any_number if set(present) == {int, float} else _parser(present[0])
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_parser(hint)
    return _LEAF_PARSERS[hint]


# --------------------------------------------------------------------------
# The report table's columns, derived from the model
# --------------------------------------------------------------------------


def _is_optional_class(hint: object) -> type | None:
    """Return C when *hint* is an attrs class C or ``C | None``."""
    candidates = [arg for arg in typing.get_args(hint) if arg is not type(None)] or [hint]
    if len(candidates) == 1 and attrs.has(candidates[0]):
        found: type = candidates[0]
        return found
    return None


def _tuple_of_class(hint: object) -> type | None:
    if typing.get_origin(hint) is tuple and attrs.has(typing.get_args(hint)[0]):
        found: type = typing.get_args(hint)[0]
        return found
    return None


@attrs.frozen(kw_only=True)
class _Scalar:
    """A column that holds one scalar field of the report."""

    column: str
    field: str
    parse: _Parser


@attrs.frozen(kw_only=True)
class _Nested:
    """Columns ``<field>_<sub>`` that together make one attrs object (a Period)."""

    field: str
    cls: type
    subs: tuple[_Scalar, ...]


@attrs.frozen(kw_only=True)
class _Group:
    """Numbered column groups ``<prefix>_<n>_<sub>`` making a tuple of objects."""

    field: str
    prefix: str
    cls: type
    subs: tuple[_Scalar, ...]


def _scalars(cls: type, *, prefix: str = "") -> tuple[_Scalar, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        _Scalar(column=f"{prefix}{f.name}", field=f.name, parse=_parser(hints[f.name]))
        for f in attrs.fields(cls)
    )


def _report_layout() -> tuple[_Scalar | _Nested | _Group, ...]:
    hints = typing.get_type_hints(Report)
    layout: list[_Scalar | _Nested | _Group] = []
    for field in attrs.fields(Report):
        hint = hints[field.name]
        if (item := _tuple_of_class(hint)) is not None:
            prefix = _GROUP_PREFIX.get(field.name, field.name)
            layout.append(_Group(field=field.name, prefix=prefix, cls=item, subs=_scalars(item)))
        elif (nested := _is_optional_class(hint)) is not None:
            subs = _scalars(nested, prefix=f"{field.name}_")
            layout.append(_Nested(field=field.name, cls=nested, subs=subs))
        else:
            layout.append(_Scalar(column=field.name, field=field.name, parse=_parser(hint)))
    return tuple(layout)


_LAYOUT = _report_layout()
_GROUPS = {part.prefix: part for part in _LAYOUT if isinstance(part, _Group)}
_FIXED_COLUMNS: tuple[str, ...] = tuple(
    column
    for part in _LAYOUT
    if not isinstance(part, _Group)
    for column in ([part.column] if isinstance(part, _Scalar) else [s.column for s in part.subs])
)


_SCALAR_COLUMNS = {part.field: part.column for part in _LAYOUT if isinstance(part, _Scalar)}


def _group_column(group: _Group, number: int, sub: _Scalar) -> str:
    return f"{group.prefix}_{number}_{sub.column}"


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------


def _write(header: list[str], rows: list[list[str]], *, excel: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (_BOM if excel else "") + out.getvalue()


def reports_to_csv(promise: Promise, *, excel: bool = False) -> str:
    """Return the promise's reports as a CSV table, one row per report (rapporter som CSV).

    Every field of :class:`~medborgarlofte.Report` has a column; the period
    is ``period_start`` and ``period_end``, and the further quantities are
    numbered column groups (``quantity_1_value`` …), as many as the report
    with the most quantities needs. :func:`reports_from_csv` reads the table
    back to equal reports.

    >>> from medborgarlofte import Promise, Report
    >>> import datetime as dt
    >>> p = Promise(id="p", title="Löfte", reports=(
    ...     Report(activity="a1", date=dt.date(2024, 3, 1), amount=6),))
    >>> print(reports_to_csv(p).splitlines()[1])
    a1,,done,2024-03-01,,,,6,false,,,,,,activity,,,

    Args:
        promise: The promise whose reports to write.
        excel: Write for Swedish Excel: ``;`` between cells, a decimal comma
            and a UTF-8 byte order mark first. In both kinds of table a text
            a spreadsheet would run as a formula is written after an
            apostrophe, which reading drops again.

    Returns:
        The table as text, lines ending in CRLF as RFC 4180 has it; write it
        to a file opened with ``newline=""``.
    """
    # Each group has as many numbered column groups as its longest list needs (#16).
    counts = {
        g.field: max((len(getattr(r, g.field)) for r in promise.reports), default=0)
        for g in _GROUPS.values()
    }
    header = list(_FIXED_COLUMNS)
    for group in _GROUPS.values():
        numbers = range(1, counts[group.field] + 1)
        header += [_group_column(group, n, s) for n in numbers for s in group.subs]
    rows = [_report_row(report, counts, excel=excel) for report in promise.reports]
    return _write(header, rows, excel=excel)


def _report_row(report: Report, counts: dict[str, int], *, excel: bool) -> list[str]:
    row: list[str] = []
    groups: list[str] = []
    for part in _LAYOUT:
        value = getattr(report, part.field)
        if isinstance(part, _Scalar):
            row.append(_cell(value, excel=excel))
        elif isinstance(part, _Nested):
            row += [
                "" if value is None else _cell(getattr(value, s.field), excel=excel)
                for s in part.subs
            ]
        else:
            for number in range(counts[part.field]):
                item = value[number] if number < len(value) else None
                groups += [
                    "" if item is None else _cell(getattr(item, s.field), excel=excel)
                    for s in part.subs
                ]
    return row + groups


_ACTIVITY_COLUMNS = (
    "id",
    "title",
    "target_kind",
    "amount",
    "unit",
    "unit_singular",
    "unit_plural",
    "per",
    "bound",
    "due",
    "start",
    "rrule",
    "interval_unclear",
    "target_wording",
    "responsible",
    "responsibility",
    "participants",
    "focus_areas",
    "places",
    "weight",
    "measure",
    "description",
    "condition",
    "timing",
    "method",
    "cancelled_date",
    "cancelled_reason",
)


def _activity_values(activity: Activity) -> dict[str, object]:
    target = activity.target
    values: dict[str, object] = {
        name: getattr(activity, name)
        for name in _ACTIVITY_COLUMNS
        if name in attrs.fields_dict(Activity)
    }
    values["target_kind"] = target.kind
    values["target_wording"] = target.wording
    if isinstance(target, PeriodQuota | IntervalQuota | Schedule):
        values.update(unit_singular=target.unit_singular, unit_plural=target.unit_plural)
    if isinstance(target, PeriodQuota | IntervalQuota):
        values.update(amount=target.amount, unit=target.unit, bound=target.bound)
    if isinstance(target, PeriodQuota):
        values["interval_unclear"] = target.interval_unclear
    if isinstance(target, IntervalQuota):
        values["per"] = target.per
    if isinstance(target, Milestone):
        values["due"] = target.due
    if isinstance(target, Schedule):
        values.update(rrule=target.recurrence, start=target.start, unit=target.unit)
    if activity.cancelled is not None:
        values["cancelled_date"] = activity.cancelled.date
        values["cancelled_reason"] = activity.cancelled.reason
    values["cancelled"] = None
    return values


def activities_to_csv(promise: Promise, *, excel: bool = False) -> str:
    """Return the promise's activities as a CSV table, one row per activity (aktiviteter).

    The columns are the activity's own fields and its target flattened:
    ``target_kind`` (``period_quota``, ``interval_quota``, ``schedule``,
    ``milestone``, ``ongoing``), ``amount``, ``unit``, ``unit_singular``,
    ``unit_plural``, ``per``, ``bound``, ``due``, ``start``, ``rrule``,
    ``interval_unclear`` and ``target_wording``; a column stays empty where
    the target kind has no such value. Lists of ids (``responsible``, ``focus_areas`` …) are joined
    with ``|``. Sub-targets (delmål) are not in the table. The table is for
    reading and planning; it is not read back.

    >>> from medborgarlofte import Activity, PeriodQuota, Promise
    >>> p = Promise(id="p", title="Löfte", activities=(Activity(id="a1",
    ...     title="Trafikkontroller", target=PeriodQuota(amount=50, unit="kontroller"),
    ...     responsible=("polis", "kommun")),))
    >>> print(activities_to_csv(p).splitlines()[1])
    a1,Trafikkontroller,period_quota,50,kontroller,,,,target,,,,false,,polis|kommun,joint,,,,1.0,,,,,,,

    Args:
        promise: The promise whose activities to write.
        excel: Write for Swedish Excel: ``;`` between cells, a decimal comma
            and a UTF-8 byte order mark first. In both kinds of table a text
            a spreadsheet would run as a formula is written after an
            apostrophe, which reading drops again.

    Returns:
        The table as text, lines ending in CRLF.
    """
    rows = []
    for activity in promise.activities:
        values = _activity_values(activity)
        rows.append([_cell(values.get(name), excel=excel) for name in _ACTIVITY_COLUMNS])
    return _write(list(_ACTIVITY_COLUMNS), rows, excel=excel)


# --------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Slot:
    """The columns of one nested object in a row: the period, or the n-th quantity."""

    field: str
    cls: type
    many: bool
    cells: tuple[tuple[_Scalar, int | None, str], ...]
    """Each field of the object: how to read it, its cell's index, its column's name."""
    required: tuple[str, ...]


@attrs.frozen(kw_only=True)
class _Header:
    """Where each known column is, after the header row has been checked."""

    names: tuple[str, ...]
    fixed: dict[str, int]
    ignored: frozenset[int]
    scalars: tuple[tuple[_Scalar, int], ...]
    slots: tuple[_Slot, ...]


def _slots(fixed: dict[str, int], groups: dict[tuple[str, int, str], int]) -> tuple[_Slot, ...]:
    """Return the slots of the nested objects, in the order of the report's fields."""
    slots: list[_Slot] = []
    for part in _LAYOUT:
        if isinstance(part, _Scalar):
            continue
        required = tuple(f.name for f in attrs.fields(part.cls) if f.default is attrs.NOTHING)
        if isinstance(part, _Nested):
            cells = tuple((s, fixed.get(s.column), s.column) for s in part.subs)
            slots.append(
                _Slot(field=part.field, cls=part.cls, many=False, cells=cells, required=required)
            )
            continue
        for number in sorted({n for (prefix, n, _) in groups if prefix == part.prefix}):
            cells = tuple(
                (s, groups.get((part.prefix, number, s.column)), _group_column(part, number, s))
                for s in part.subs
            )
            slots.append(
                _Slot(field=part.field, cls=part.cls, many=True, cells=cells, required=required)
            )
    return tuple(slots)


class _Reader:
    """Read one table: collects problems, builds reports."""

    def __init__(self, promise: Promise, source: str) -> None:
        self.promise = promise
        self.source = source
        self.problems: list[Problem] = []
        self.order: list[tuple[int, int]] = []  # (row, column position) of each problem
        self.positions: dict[str, int] = {}
        self.excel = False  # a ;-table: decimal commas and Excel's text marks

    def path(self, row: int | None = None, column: str | None = None) -> str:
        path = self.source
        if row is not None:
            path += f":row {row}"
        if column is not None:
            path += f":column {column}"
        return path

    def problem(
        self, code: str, sv: str, en: str, *, row: int | None = None, column: str | None = None
    ) -> None:
        where = self.positions.get(column, len(self.positions)) if column else -1
        self.order.append((row or 0, where))
        self.problems.append(
            Problem(
                path=self.path(row, column),
                code=code,
                severity=Severity.ERROR,
                message_sv=sv,
                message_en=en,
            )
        )

    def records(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """Yield (spreadsheet row number, cells); a syntax error ends the table."""
        body = text.removeprefix(_BOM)
        first_line = body.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        self.excel = delimiter == ";"
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=True)
        row = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                self.problem(
                    codes.CSV_SYNTAX_ERROR,
                    f"tabellen går inte att läsa efter rad {row}: {exc}",
                    f"the table cannot be read after row {row}: {exc}",
                    row=row + 1,
                )
                return
            row += 1
            yield row, cells

    def header(self, cells: list[str]) -> _Header:
        names = tuple(cell.strip() for cell in cells)
        self.positions = {name: index for index, name in reversed(list(enumerate(names)))}
        self.positions.update({f"#{index + 1}": index for index in range(len(names))})
        fixed: dict[str, int] = {}
        groups: dict[tuple[str, int, str], int] = {}
        ignored: set[int] = set()
        known = list(_FIXED_COLUMNS) + [
            _group_column(g, 1, s) for g in _GROUPS.values() for s in g.subs
        ]
        seen: set[str] = set()
        for index, name in enumerate(names):
            if not name:
                ignored.add(index)
                continue
            if name in seen:
                self.problem(
                    codes.CSV_DUPLICATE_COLUMN,
                    f"kolumnen {name!r} finns mer än en gång",
                    f"the column {name!r} appears more than once",
                    row=1,
                    column=name,
                )
                continue
            seen.add(name)
            if name in _FIXED_COLUMNS:
                fixed[name] = index
                continue
            match = _GROUP_COLUMN.fullmatch(name)
            group = _GROUPS.get(match["prefix"]) if match else None
            if match and group and match["field"] in {s.column for s in group.subs}:
                groups[group.prefix, int(match["number"]), match["field"]] = index
                continue
            self.unknown_column(name, known)
        scalars = tuple(
            (part, fixed[part.column])
            for part in _LAYOUT
            if isinstance(part, _Scalar) and part.column in fixed
        )
        return _Header(
            names=names,
            fixed=fixed,
            ignored=frozenset(ignored),
            scalars=scalars,
            slots=_slots(fixed, groups),
        )

    def unknown_column(self, name: str, known: list[str]) -> None:
        match = _GROUP_COLUMN.fullmatch(name)
        group = _GROUPS.get(match["prefix"]) if match else None
        pool = known
        if match and group:
            # quantity_2_valeu: suggest among the columns of that same group.
            pool = [_group_column(group, int(match["number"]), s) for s in group.subs]
        close = difflib.get_close_matches(name, pool, n=1)
        hint_sv = f"; menade du {close[0]!r}?" if close else ""
        hint_en = f"; did you mean {close[0]!r}?" if close else ""
        listed = ", ".join(known)
        self.problem(
            codes.CSV_UNKNOWN_COLUMN,
            f"okänd kolumn {name!r}{hint_sv} Kända kolumner: {listed} "
            "(grupperna numreras 1, 2, 3 …)",
            f"unknown column {name!r}{hint_en} Known columns: {listed} "
            "(groups are numbered 1, 2, 3 …)",
            row=1,
            column=name,
        )

    def cell(self, scalar: _Scalar, text: str, row: int, column: str) -> tuple[bool, object]:
        """Return (ok, value) for one non-empty cell, recording a problem if it is bad."""
        try:
            return True, scalar.parse(text, self.excel)
        except (_CellError, DocumentValueError) as exc:
            self.problem(exc.code, exc.message_sv, exc.message_en, row=row, column=column)
            return False, None

    def build(
        self,
        cls: type,
        values: dict[str, object],
        columns: dict[str, str],
        row: int,
    ) -> tuple[bool, object]:
        """Construct *cls*; turn a broken invariant into a problem at its column."""
        try:
            return True, cls(**values)
        except InvalidValueError as exc:
            self.problem(
                exc.code, exc.message_sv, exc.message_en, row=row, column=columns[exc.field]
            )
            return False, None

    def report(self, row: int, cells: list[str], header: _Header) -> Report | None:
        """Return the report a row makes, or ``None`` after recording its problems."""
        ok = True
        values: dict[str, Any] = {}
        width = len(cells)
        for scalar, index in header.scalars:
            text = cells[index] if index < width else ""
            if text:
                good, values[scalar.field] = self.cell(scalar, text, row, scalar.column)
                ok &= good
        for slot in header.slots:
            made = self.object_from(slot, cells, row)
            if made is _BAD:
                ok = False
            elif made is not None:
                if slot.many:
                    values[slot.field] = (*values.get(slot.field, ()), made)
                else:
                    values[slot.field] = made
        if not ok:
            return None
        if "link" not in header.fixed and values.get("activity") is None:
            # A table without a link column reads as format version 1 did (#16).
            values["link"] = ReportLink.UNPROMISED
        good, report = self.build(Report, values, _SCALAR_COLUMNS, row)
        if good:
            self.links(row, typing.cast("Report", report))
        return typing.cast("Report", report) if good else None

    def links(self, row: int, report: Report) -> None:
        """Check a report's link against its activity, and the places and parties it names."""
        if report.activity is None and report.link is ReportLink.ACTIVITY:
            self.problem(
                codes.REPORT_LINK_WITHOUT_ACTIVITY,
                "raden anger ingen aktivitet; skriv 'unrestated' eller 'unpromised' i link",
                "the row names no activity; write 'unrestated' or 'unpromised' under link",
                row=row,
                column="link",
            )
        elif report.activity is not None and report.link is not ReportLink.ACTIVITY:
            self.problem(
                codes.REPORT_LINK_CONFLICT,
                f"raden anger aktiviteten {report.activity!r} men link {report.link.value!r}",
                f"the row names the activity {report.activity!r} but link {report.link.value!r}",
                row=row,
                column="link",
            )
        places = {p.id for p in self.promise.places}
        parties = {p.id for p in self.promise.parties}
        for column, refs, known, code in (
            ("places", report.places, places, codes.UNKNOWN_PLACE),
            ("parties", report.parties, parties, codes.UNKNOWN_PARTY),
        ):
            for ref in refs:
                if ref not in known:
                    self.problem(
                        code,
                        f"löftet har inget id {ref!r} i {column}",
                        f"the promise has no id {ref!r} for {column}",
                        row=row,
                        column=column,
                    )

    def object_from(self, slot: _Slot, cells: list[str], row: int) -> object:
        """Return the object a slot's cells make, None if all are empty, or _BAD."""
        texts = {scalar.field: _at(cells, index) for scalar, index, _ in slot.cells}
        if not any(texts.values()):
            return None
        ok = True
        values: dict[str, object] = {}
        names: dict[str, str] = {}
        for scalar, _index, column in slot.cells:
            names[scalar.field] = column
            text = texts[scalar.field]
            if text:
                good, values[scalar.field] = self.cell(scalar, text, row, column)
                ok &= good
        for name in slot.required:
            if not texts[name]:
                ok = False
                self.problem(
                    codes.CSV_MISSING_VALUE,
                    f"kolumnen {names[name]} måste fyllas i när resten av gruppen är ifylld",
                    f"the column {names[name]} must be filled in when the rest of its group is",
                    row=row,
                    column=names[name],
                )
        if not ok:
            return _BAD
        good, made = self.build(slot.cls, values, names, row)
        return made if good else _BAD

    def references(self, row: int, cells: list[str], header: _Header, ids: set[str]) -> None:
        """Check the row's activity, party and report id against the promise."""
        activity, party, report_id = (
            unprotect_cell(_at(cells, header.fixed.get(name)))
            for name in ("activity", "party", "id")
        )
        self.reference(row, "activity", activity, [a.id for a in self.promise.activities])
        self.reference(row, "party", party, [p.id for p in self.promise.parties])
        if report_id in ids:
            self.problem(
                codes.DUPLICATE_ID,
                f"id {report_id!r} finns redan bland löftets rapporter",
                f"the id {report_id!r} is already used by a report of the promise",
                row=row,
                column="id",
            )
        if report_id:
            ids.add(report_id)

    def reference(self, row: int, column: str, value: str, known: list[str]) -> None:
        if not value or value in known:
            return
        what_sv = {"activity": "aktivitet", "party": "part"}[column]
        close = difflib.get_close_matches(value, known, n=1)
        hint_sv = f"; menade du {close[0]!r}?" if close else ""
        hint_en = f"; did you mean {close[0]!r}?" if close else ""
        self.problem(
            codes.UNKNOWN_ACTIVITY if column == "activity" else codes.UNKNOWN_PARTY,
            f"löftet har ingen {what_sv} med id {value!r}{hint_sv}",
            f"the promise has no {column} with id {value!r}{hint_en}",
            row=row,
            column=column,
        )

    def read(self, text: str) -> tuple[Report, ...]:
        records = self.records(text)
        first = next(records, None)
        if first is None:
            if not self.problems:
                self.problem(
                    codes.CSV_NO_HEADER,
                    "tabellen är tom; första raden ska namnge kolumnerna",
                    "the table is empty; its first row must name the columns",
                )
            raise ValidationError(self.problems)
        header = self.header(first[1])
        reports: list[Report] = []
        ids = {r.id for r in self.promise.reports if r.id is not None}
        for row, cells in records:
            if not any(cells):
                continue  # a blank row, as spreadsheets leave at the end
            self.check_width(row, cells, header)
            self.references(row, cells, header, ids)
            report = self.report(row, cells, header)
            if report is not None:
                reports.append(report)
        if self.problems:
            # Row by row, and left to right within a row, as the table reads.
            ordered = sorted(zip(self.order, self.problems, strict=True), key=lambda p: p[0])
            raise ValidationError(problem for _, problem in ordered)
        return tuple(reports)

    def check_width(self, row: int, cells: list[str], header: _Header) -> None:
        for index, text in enumerate(cells):
            if not text:
                continue
            if index >= len(header.names):
                self.problem(
                    codes.CSV_EXTRA_CELLS,
                    f"raden har värden efter den sista kolumnen ({len(header.names)})",
                    f"the row has values after the last column ({len(header.names)})",
                    row=row,
                )
                return
            if index in header.ignored:
                self.problem(
                    codes.CSV_UNKNOWN_COLUMN,
                    f"kolumn nummer {index + 1} har inget namn men innehåller {text!r}",
                    f"column number {index + 1} has no name but holds {text!r}",
                    row=row,
                    column=f"#{index + 1}",
                )


_BAD = object()


def _at(cells: list[str], index: int | None) -> str:
    """Return the cell at *index*; a missing column or a short row gives ``""``."""
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def reports_from_csv(
    text: str | bytes,
    *,
    promise: Promise,
    source: str = "reports.csv",
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> tuple[Report, ...]:
    r"""Read reports from a CSV table, checked against *promise* (läs rapporter från CSV).

    The table has the columns :func:`reports_to_csv` writes, in any order
    and any subset; an empty cell means the value is absent. Every problem in
    the table is collected before anything is refused: unknown or repeated
    columns (with a suggestion), cells that are not numbers, dates, ``true``
    /``false`` or allowed values, an impossible date, a group of columns
    filled in only partly, a value the model refuses (a negative amount),
    an activity or party the promise does not have, and a report id the
    promise already uses. Blank rows are skipped. A text cell that starts
    with an apostrophe followed by ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return loses that one apostrophe: it is the mark against
    spreadsheet formulas that :func:`reports_to_csv` writes.

    >>> from medborgarlofte import Activity, Ongoing, Promise
    >>> p = Promise(id="p", title="Löfte",
    ...             activities=(Activity(id="a1", title="Trygghetsvandring", target=Ongoing()),))
    >>> [r.amount for r in reports_from_csv("activity,amount\na1,3\n", promise=p)]
    [3]

    Args:
        text: The table, for example the contents of a file saved by a
            spreadsheet, as text or as UTF-8 bytes; a leading byte order mark
            is ignored, and cells may be separated by ``,`` or ``;``
            (detected from the header row).
        promise: The promise the reports belong to; activity and party ids
            are checked against it.
        source: The table's name, used in the problems' paths
            (``reports.csv:row 4:column amount``).
        max_size: The largest input accepted, in bytes (characters for a
            text); ``None`` for no limit.

    Returns:
        The reports, in the order of the rows.

    Raises:
        ValidationError: If anything in the table is wrong; it holds every
            problem found, each with its row and column.
    """
    reader = _Reader(promise, source)
    if max_size is not None and len(text) > max_size:
        reader.problem(
            codes.DOCUMENT_TOO_LARGE,
            f"tabellen är större än tillåtet ({max_size} tecken eller byte)",
            f"the table is larger than allowed ({max_size} characters or bytes)",
        )
        raise ValidationError(reader.problems)
    if isinstance(text, bytes):
        data = text
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            reader.problem(
                codes.CSV_NOT_UTF_8,
                f"tabellen är inte UTF-8 (rad {line}, byte {exc.start}); spara den som "
                "CSV UTF-8, inte som CSV i Windows-teckenkodning",
                f"the table is not UTF-8 (line {line}, byte {exc.start}); save it as "
                "CSV UTF-8, not as CSV in a Windows encoding",
            )
            raise ValidationError(reader.problems) from None
    return reader.read(text)


def import_reports(
    promise: Promise,
    text: str | bytes,
    *,
    source: str = "reports.csv",
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Promise:
    """Return a copy of *promise* with the reports of a CSV table added (importera rapporter).

    The reports are read by :func:`reports_from_csv` and added after the
    promise's own reports, in the order of the rows.

    Args:
        promise: The promise to add reports to.
        text: The table, as text or as UTF-8 bytes.
        source: The table's name, used in the problems' paths.
        max_size: The largest input accepted, in bytes (characters for a
            text); ``None`` for no limit.

    Returns:
        The new promise; *promise* itself is unchanged.

    Raises:
        ValidationError: If anything in the table is wrong; no report is
            added then.
    """
    reports = reports_from_csv(text, promise=promise, source=source, max_size=max_size)
    return promise.with_reports(*reports)
