"""The ``problem-codes`` directive: the table of every problem code, read from the registry.

The table is built from :data:`medborgarlofte.PROBLEM_CODES` when the docs are
built, so it always lists exactly the codes the library knows, with their
severity, area and meaning in Swedish and English. Every module of the
package is imported first, so a code registered anywhere is listed.

Usage in a MyST page::

    ```{problem-codes}
    ```
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

import medborgarlofte

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx

    from medborgarlofte import ProblemCode

AREAS = ("model", "document", "csv", "rules", "limits")
"""The areas in the order the table shows them; any other area comes last."""

HEADER = ("Code", "Severity", "Area", "Svenska", "English")


def all_codes() -> list[ProblemCode]:
    """Return every registered code, grouped by area, each area in registration order."""
    for module in pkgutil.walk_packages(medborgarlofte.__path__, "medborgarlofte."):
        if not module.name.endswith(".__main__"):  # importing it would run the CLI
            importlib.import_module(module.name)
    entries = list(medborgarlofte.PROBLEM_CODES.values())
    order = {area: i for i, area in enumerate(AREAS)}
    return sorted(entries, key=lambda e: order.get(e.area, len(AREAS)))


def _cell(*content: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *content)
    return entry


def code_table(entries: Iterable[ProblemCode]) -> nodes.table:
    """Return a docutils table with one row per code; each row has the id ``code-<code>``."""
    table = nodes.table(classes=["problem-codes"])
    group = nodes.tgroup(cols=len(HEADER))
    table += group
    for width in (22, 8, 8, 31, 31):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    header = nodes.row()
    for title in HEADER:
        header += _cell(nodes.Text(title))
    head += header
    group += head
    body = nodes.tbody()
    for entry in entries:
        row = nodes.row(ids=[nodes.make_id(f"code-{entry.code}")])
        row += _cell(nodes.literal(entry.code, entry.code))
        row += _cell(nodes.Text(entry.severity.value))
        row += _cell(nodes.Text(entry.area))
        row += _cell(nodes.Text(entry.summary_sv))
        row += _cell(nodes.Text(entry.summary_en))
        body += row
    group += body
    return table


class ProblemCodes(SphinxDirective):
    """Insert the table of every problem code."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        return [code_table(all_codes())]


def _registry_docstring(
    _app: Sphinx, what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Document ``PROBLEM_CODES`` with its own docstring, not that of ``dict``.

    autodoc looks for a data docstring in the module it documents the name
    under, the package, but the registry is defined, with its docstring, in
    ``medborgarlofte._core.codes``.
    """
    if what == "data" and name == "medborgarlofte.PROBLEM_CODES":
        docs = ModuleAnalyzer.for_module("medborgarlofte._core.codes").find_attr_docs()
        lines[:] = list(docs[("", "PROBLEM_CODES")])


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive with Sphinx."""
    app.add_directive("problem-codes", ProblemCodes)
    app.connect("autodoc-process-docstring", _registry_docstring)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
