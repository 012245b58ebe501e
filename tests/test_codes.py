"""Tests for the registry of problem codes and the table the docs build from it."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docutils import nodes

from medborgarlofte import PROBLEM_CODES, ProblemCode, Severity
from medborgarlofte._core import codes

ROOT = Path(__file__).resolve().parent.parent
AREAS = {"model", "document", "csv", "rules", "limits"}


def _extension():
    """Import docs/_ext/problem_codes.py, the Sphinx extension that writes the table."""
    path = ROOT / "docs" / "_ext" / "problem_codes.py"
    spec = importlib.util.spec_from_file_location("problem_codes", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codes_are_kebab_case():
    """Every code is lower-case words (digits allowed, as in utf-8) joined by hyphens."""
    assert [] == [c for c in PROBLEM_CODES if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", c)]
    assert all(code == entry.code for code, entry in PROBLEM_CODES.items())


def test_summaries_in_both_languages():
    """Every code has a Swedish and an English summary, each a sentence of its own."""
    for entry in PROBLEM_CODES.values():
        assert entry.summary_sv.endswith("."), entry.code
        assert entry.summary_en.endswith("."), entry.code
        assert entry.summary_sv[0].isupper(), entry.code
        assert entry.summary_en[0].isupper(), entry.code
        assert entry.summary_sv != entry.summary_en, entry.code


def test_areas_known():
    """Every code belongs to one of the areas the docs explain."""
    assert {entry.area for entry in PROBLEM_CODES.values()} <= AREAS


def test_constants_are_registered():
    """Every code constant in the registry module names a registered code."""
    constants = {
        name: value
        for name, value in vars(codes).items()
        if name.isupper() and isinstance(value, str)
    }
    assert set(constants.values()) <= set(PROBLEM_CODES)
    assert all(name == value.upper().replace("-", "_") for name, value in constants.items())


def test_register_is_idempotent(monkeypatch):
    """Registering a code again with the same meaning returns it and changes nothing."""
    monkeypatch.setattr(codes, "PROBLEM_CODES", {})
    first = codes.register("test-code", Severity.ERROR, "Fel.", "Wrong.", area="rules")
    again = codes.register("test-code", Severity.ERROR, "Fel.", "Wrong.", area="rules")
    expected = ProblemCode(
        code="test-code",
        severity=Severity.ERROR,
        summary_sv="Fel.",
        summary_en="Wrong.",
        area="rules",
    )
    assert ("test-code", "test-code") == (first, again)
    assert {"test-code": expected} == codes.PROBLEM_CODES


def test_register_refuses_a_second_meaning(monkeypatch):
    """A code registered twice with different meanings is refused."""
    monkeypatch.setattr(codes, "PROBLEM_CODES", {})
    codes.register("test-code", Severity.ERROR, "Fel.", "Wrong.", area="rules")
    with pytest.raises(ValueError, match="test-code"):
        codes.register("test-code", Severity.WARNING, "Fel.", "Wrong.", area="rules")


def test_every_code_registered_on_import():
    """Importing medborgarlofte registers every code; no module adds one later."""
    script = (
        "import importlib, pkgutil, medborgarlofte\n"
        "before = set(medborgarlofte.PROBLEM_CODES)\n"
        "for m in pkgutil.walk_packages(medborgarlofte.__path__, 'medborgarlofte.'):\n"
        "    if not m.name.endswith('.__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(set(medborgarlofte.PROBLEM_CODES) - before))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "[]" == result.stdout.strip()


def _rows(table):
    """Return the text of every body row of a docutils table."""
    body = next(iter(table.findall(nodes.tbody)))
    return [
        tuple(entry.astext() for entry in row.findall(nodes.entry))
        for row in body.findall(nodes.row)
    ]


def test_docs_table_lists_exactly_the_registry():
    """The table in the docs has one row per registered code, with its meaning."""
    ext = _extension()
    table = ext.code_table(ext.all_codes())
    expected = sorted(
        (
            (e.code, e.severity.value, e.area, e.summary_sv, e.summary_en)
            for e in PROBLEM_CODES.values()
        ),
        key=lambda row: row[0],
    )
    assert expected == sorted(_rows(table), key=lambda row: row[0])


def test_docs_table_groups_areas_in_order():
    """The table shows model codes first and rules codes last, each in registration order."""
    ext = _extension()
    areas = [row[2] for row in _rows(ext.code_table(ext.all_codes()))]
    order = [area for area in ext.AREAS if area in areas]
    assert order == list(dict.fromkeys(areas))
    rules = [row[0] for row in _rows(ext.code_table(ext.all_codes())) if row[2] == "rules"]
    assert [c for c, e in PROBLEM_CODES.items() if e.area == "rules"] == rules


def test_docs_table_rows_have_anchors():
    """Each row carries the id ``code-<code>`` so pages can link to a code."""
    ext = _extension()
    table = ext.code_table(ext.all_codes())
    ids = [row["ids"] for row in next(iter(table.findall(nodes.tbody))).findall(nodes.row)]
    assert [[f"code-{code}"] for code, *_ in _rows(table)] == ids


def test_docs_page_uses_the_directive():
    """The problem-codes page uses the directive, and the docs load the extension."""
    page = (ROOT / "docs" / "reference" / "problem-codes.md").read_text(encoding="utf-8")
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    index = (ROOT / "docs" / "reference" / "index.md").read_text(encoding="utf-8")
    assert "```{problem-codes}\n```" in page
    assert '"problem_codes"' in conf
    assert "\nproblem-codes\n" in index


def test_docs_registry_docstring():
    """The docs show PROBLEM_CODES with the registry's own docstring, not dict's."""
    lines = ["dict() -> new empty dictionary"]
    _extension()._registry_docstring(
        None, "data", "medborgarlofte.PROBLEM_CODES", None, None, lines
    )
    assert ["Every known code, by code, in the order registered.", ""] == lines
