"""The shipped Hofors example document: it loads, and loading and dumping it changes no byte."""

import sys
from pathlib import Path

from medborgarlofte import dumps, load, load_with_warnings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCUMENT = EXAMPLES / "hofors-2023-2024.toml"


def test_hofors_document_round_trips_byte_for_byte():
    """Loading examples/hofors-2023-2024.toml and dumping it gives the same bytes."""
    text = DOCUMENT.read_bytes().decode("utf-8")
    assert text == dumps(load(DOCUMENT), format="toml")


def test_hofors_document_is_the_example_promise():
    """The document holds exactly the promise examples/hofors.py builds, without warnings."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        from hofors import build_promise  # noqa: PLC0415 - the example is not a package
    finally:
        sys.path.remove(str(EXAMPLES))
    assert (build_promise(), ()) == load_with_warnings(DOCUMENT)
