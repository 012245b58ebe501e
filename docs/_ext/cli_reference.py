"""The ``cli-reference`` directive: the command-line reference, read from the argparse parser.

The page is built from :func:`medborgarlofte.cli.build_parser` when the docs
are built, so it always shows exactly the commands, arguments, defaults and
help texts the installed ``medborgarlofte`` command has. Nothing is copied
by hand.

Usage in a MyST page: the command itself (usage, description, options and
exit status), then each subcommand under a heading of the page's own, with a
label that other pages link to (``{ref}`cli-validate```)::

    ```{cli-reference}
    ```

    (cli-validate)=

    ## `medborgarlofte validate`

    ```{cli-reference} validate
    ```

A subcommand name the parser does not know is an error; a test checks that
the page has a heading for every subcommand.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from medborgarlofte.cli import build_parser

if TYPE_CHECKING:
    from sphinx.application import Sphinx

WIDTH = 88
"""Usage lines are wrapped as a terminal this wide would show them."""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # noqa: SLF001 - argparse has no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - as above
            return dict(action.choices)
    return {}


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)  # noqa: SLF001
    return formatter.format_help().strip()


def _invocation(action: argparse.Action) -> str:
    if not action.option_strings:
        return str(action.metavar or action.dest)
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    if action.metavar is not None:
        metavar = str(action.metavar)
    elif action.choices:
        metavar = "{" + ",".join(map(str, action.choices)) + "}"
    else:
        metavar = action.dest.upper()
    return ", ".join(f"{option} {metavar}" for option in action.option_strings)


def _help(action: argparse.Action) -> str:
    text = action.help or ""
    if action.required and action.option_strings:
        text += " (required)"
    return text


def _arguments(parser: argparse.ArgumentParser) -> nodes.definition_list:
    items = nodes.definition_list()
    actions = sorted(parser._actions, key=lambda a: bool(a.option_strings))  # noqa: SLF001
    for action in actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):  # noqa: SLF001
            continue
        item = nodes.definition_list_item()
        term = nodes.term()
        term += nodes.literal(text=_invocation(action))
        definition = nodes.definition()
        definition += nodes.paragraph(text=_help(action))
        item += term
        item += definition
        items += item
    return items


def _command(parser: argparse.ArgumentParser) -> list[nodes.Node]:
    found: list[nodes.Node] = [nodes.literal_block(text=_usage(parser), language="text")]
    if parser.description:
        found.append(nodes.paragraph(text=parser.description))
    found.append(_arguments(parser))
    return found


class CliReference(SphinxDirective):
    """Render the parser of the ``medborgarlofte`` command, or of one of its subcommands."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the nodes of the reference."""
        parser = build_parser()
        subcommands = _subcommands(parser)
        if self.arguments:
            name = self.arguments[0]
            if name not in subcommands:
                known = ", ".join(subcommands)
                msg = f"cli-reference: no subcommand {name!r}; the command has {known}"
                raise self.error(msg)
            return _command(subcommands[name])
        found = _command(parser)
        if parser.epilog:
            found.append(nodes.paragraph(text=parser.epilog))
        return found


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive with Sphinx."""
    app.add_directive("cli-reference", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
