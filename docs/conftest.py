"""Run every code example in the documentation as part of the test suite.

Sybil reads each MyST page under ``docs/`` and runs, in page order:

* fenced ```` ```python ```` blocks: a block that starts with ``>>>`` is a
  doctest, whose shown output must be the real output; any other block is
  executed as plain code and must not raise;
* ``{code-block} python`` directives, the same way;
* ``{doctest}`` directives.

Each page has one namespace of its own, shared by its examples in order, so a
tutorial page can build its state step by step; pages never see each other's
names. ``% skip: next`` above a block skips it (say why in the page), and
``% clear-namespace`` starts afresh. The docs are run from the repository root,
so examples may open ``examples/...`` by relative path.
"""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sybil import Sybil
from sybil.parsers.myst import (
    ClearNamespaceParser,
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

# Sphinx's output and the shipped inventories are not documentation sources.
collect_ignore_glob = ["_build/*", "_inventories/*"]


@pytest.fixture
def _run_from_root() -> Iterator[None]:
    """Run a page's examples from the repository root, whatever pytest's cwd."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        DocTestDirectiveParser(optionflags=FLAGS),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*", "_inventories/*"],
    fixtures=["_run_from_root"],
).pytest()
