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
``% clear-namespace`` starts afresh. Pages run from the repository root, so
examples may open ``examples/...`` by relative path.

The tutorial pages (``docs/tutorial/N-name.md``) run in one empty directory
that they share, in the order of their numbers, the order pytest collects
them in. A page can save a file there and the next page load it, as a reader
would; a later page run on its own therefore fails for want of that file.
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


@pytest.fixture(scope="session")
def _tutorial_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the empty directory the tutorial pages share, for the files they save."""
    return tmp_path_factory.mktemp("tutorial")


@pytest.fixture
def _page_cwd(request: pytest.FixtureRequest, _tutorial_dir: Path) -> Iterator[None]:
    """Run tutorial examples in the tutorial's directory, all others from the repository root.

    A tutorial page saves files the way a reader would (``dump(promise,
    "hofors-2023-2024.toml")``) without writing into the repository.
    """
    before = Path.cwd()
    tutorial = ROOT / "docs" / "tutorial"
    os.chdir(_tutorial_dir if tutorial in Path(request.path).parents else ROOT)
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
    fixtures=["_page_cwd"],
).pytest()
