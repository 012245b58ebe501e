"""Tests for terminal text in the command line: control characters made visible, tables, figures."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte._render.renderer import _number, _percent
from medborgarlofte.cli._terminal import (
    WIDTH,
    json_visible,
    number,
    one_line,
    percent,
    table,
    visible,
    wrap,
)

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""What must never reach a terminal raw, written independently of the module."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trygg\x1b[2J kommun", "Trygg\\x1b[2J kommun"),
        ("\x1b]0;titel\x07", "\\x1b]0;titel\\x07"),
        ("a\x9b31mb", "a\\x9b31mb"),
        ("a\x7fb\x00", "a\\x7fb\\x00"),
        ("rad\rny", "rad\\x0dny"),
        ("fil\u202egpj.exe", "fil<U+202E>gpj.exe"),
        ("\u2066isolerad\u2069\u200f", "<U+2066>isolerad<U+2069><U+200F>"),
        ("a\u2028b", "a<U+2028>b"),
        ("ensam \ud800", "ensam <U+D800>"),
        ("Öxnehaga\tRåslätt\n", "Öxnehaga\tRåslätt\n"),
    ],
)
def test_visible_shows_controls_and_keeps_tab_and_newline(text, expected):
    """Each kind of control, escape and bidi character is shown; tab and line feed stay."""
    assert expected == visible(text)


@given(st.text())
def test_visible_leaves_nothing_unsafe(text):
    """Whatever the text, what visible returns has no character a terminal must not see."""
    shown = visible(text)
    assert UNSAFE.search(shown) is None
    assert shown == visible(shown)
    shown.encode("utf-8")


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cf"))))
def test_plain_text_is_unchanged(text):
    """Text without control or format characters passes unchanged."""
    assert text == visible(text)


def test_one_line_turns_tab_and_newline_into_spaces():
    """On one line, a tab or a line break becomes a space and the rest is made visible."""
    assert "a b c\\x1bd" == one_line("a\tb\nc\x1bd")


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_json_visible_keeps_the_meaning(value):
    """JSON made visible reads back as the same value and has nothing unsafe in it."""
    text = json_visible(json.dumps(value, ensure_ascii=False))
    assert UNSAFE.search(text) is None
    assert value == json.loads(text)


def test_table_makes_cells_visible_and_fits():
    """Cells are made visible before the layout, so the table still fits the width."""
    rows = [["Titel\x1b[31m" + "x" * 120, "1\n2"], ["\u202eabc", "3"]]
    lines = table(["Aktivitet", "Antal"], rows, right=[False, True])
    text = "\n".join(lines)
    assert UNSAFE.search(text) is None
    assert "\\x1b[31m" in text
    assert "<U+202E>abc" in text
    assert "1 2" in text
    assert max(len(line) for line in lines) <= WIDTH


def test_wrap_makes_text_visible():
    """A paragraph is made visible and wrapped."""
    assert ["Trygg \\x1b kommun"] == wrap("Trygg \x1b\nkommun")


@given(
    value=st.none() | st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    lang=st.sampled_from(["sv", "en"]),
)
def test_figures_are_written_as_in_the_report(value, lang):
    """The terminal writes figures and shares exactly as the report does."""
    assert (_number(value, lang), _percent(value, lang)) == (
        number(value, lang),
        percent(value, lang),
    )
