"""The Sphinx helpers in docs/_ext/medborgarlofte_docs.py rewrite docstrings as documented."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
medborgarlofte_docs = pytest.importorskip("medborgarlofte_docs")

from medborgarlofte import Bound, Signatory  # noqa: E402 - after the path is set

NAPOLEON_OUTPUT = [
    "A person who signed the promise for a party (undertecknare).",
    "",
    ".. attribute:: name",
    "",
    "   The person's name.",
    "",
    "   :type: str",
    "",
    ".. attribute:: acting",
    "",
    "   Whether they sign in an acting capacity (``tf.``).",
    "",
    "   :type: bool",
    "",
]


def test_attribute_types_move_into_the_directive_with_the_default() -> None:
    """Each field's type becomes a directive option, followed by its default from attrs."""
    lines = list(NAPOLEON_OUTPUT)
    medborgarlofte_docs._inline_attribute_types(
        None, "class", "medborgarlofte.Signatory", Signatory, None, lines
    )
    assert [
        "A person who signed the promise for a party (undertecknare).",
        "",
        ".. attribute:: name",
        "   :type: str",
        "",
        "   The person's name.",
        "",
        ".. attribute:: acting",
        "   :type: bool",
        "   :value: False",
        "",
        "   Whether they sign in an acting capacity (``tf.``).",
        "",
    ] == lines


def test_classes_outside_the_package_are_left_alone() -> None:
    """Only attrs classes of medborgarlofte are rewritten."""
    lines = list(NAPOLEON_OUTPUT)
    medborgarlofte_docs._inline_attribute_types(
        None, "class", "other.Signatory", Signatory, None, lines
    )
    assert NAPOLEON_OUTPUT == lines


def test_an_enum_default_is_shown_by_its_name() -> None:
    """An enum default reads ``Bound.TARGET``, not its repr."""
    assert "Bound.TARGET" == medborgarlofte_docs._show_default(Bound.TARGET)


def test_napoleon_type_guess_on_an_enum_member_is_undone() -> None:
    """A member docstring "Minst: ..." keeps its words instead of becoming a type."""
    original = ["Minst: the number is a floor; more is better."]
    lines = list(original)
    name = "medborgarlofte.Bound.AT_LEAST"
    medborgarlofte_docs._keep_attribute_docstring(None, "attribute", name, None, None, lines)
    lines[:] = ["the number is a floor; more is better.", "", ":type: Minst"]  # napoleon's reading
    medborgarlofte_docs._restore_attribute_docstring(None, "attribute", name, None, None, lines)
    assert original == lines
