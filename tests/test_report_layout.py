"""The HTML report's tables: no column that is empty in every row."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

from medborgarlofte import FollowUpDocument, follow_up_alone, load_document, render_html

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


class _Tables(HTMLParser):
    """Collect each table's body rows as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - the parser's signature
        if tag == "table":
            self.tables.append([])
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.tables[-1].append([])
        elif tag in {"td", "th"} and self._in_body:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag in {"td", "th"} and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def empty_columns(page: str) -> list[tuple[int, int]]:
    """Return (table, column) for each column whose body cells are all empty."""
    parser = _Tables()
    parser.feed(page)
    return [
        (t, c)
        for t, rows in enumerate(parser.tables)
        for c in range(max((len(r) for r in rows), default=0))
        if all(len(r) > c and not r[c] for r in rows)
    ]


def test_the_helper_finds_an_empty_column():
    """A column with nothing in any row is found; one with text in a single row is not."""
    page = (
        "<table><tbody><tr><td>a</td><td></td><td></td></tr>"
        "<tr><td>b</td><td> </td><td>x</td></tr></tbody></table>"
    )
    assert [(0, 1)] == empty_columns(page)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_table_of_the_report_has_an_empty_column(path, lang):
    """Every column of every table in an example's report says something in some row."""
    document = load_document(path)
    if isinstance(document, FollowUpDocument):
        document = follow_up_alone(document)
    page = render_html(document, as_of=dt.date(2024, 6, 30), lang=lang)
    assert [] == empty_columns(page)
