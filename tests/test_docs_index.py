"""The "Get started" block of the landing page (docs/index.md) says only what is true."""

import re
import shlex
import shutil
import tomllib
from pathlib import Path

import pytest

from medborgarlofte.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "index.md"


def _section(title):
    """Return the text of the ``## title`` section of the landing page."""
    page = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    assert found is not None, f"docs/index.md has no section {title!r}"
    return found[1]


def _commands(section):
    """Return the command lines of the console blocks of *section*, prompts removed, split."""
    blocks = re.findall(r"^```console\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines()]
    assert all(line.startswith("$ ") for line in lines), "a console block shows output"
    return [shlex.split(line.removeprefix("$ ")) for line in lines]


def _extras(requested, optional):
    """Return *requested* extras with every extra they pull in through ``medborgarlofte[...]``."""
    found = set()
    todo = list(requested)
    while todo:
        extra = todo.pop()
        if extra in found:
            continue
        found.add(extra)
        for requirement in optional[extra]:
            nested = re.fullmatch(r"medborgarlofte\[([\w,]+)\]", requirement)
            if nested is not None:
                todo.extend(nested[1].split(","))
    return found


GET_STARTED = _section("Get started")
COMMANDS = _commands(GET_STARTED)


def test_the_block_shows_the_install_line_and_the_three_commands() -> None:
    """The block installs the package, then runs new, validate and report, in that order."""
    assert ["pip", "install"] == COMMANDS[0][:2]
    assert ["new", "validate", "report"] == [c[1] for c in COMMANDS[1:] if c[0] == "medborgarlofte"]
    assert len(COMMANDS) == 4


def test_the_install_line_names_extras_that_exist_and_bring_the_report() -> None:
    """Every extra in the pip line is in pyproject.toml, and together they include ``report``."""
    [requirement] = COMMANDS[0][2:]
    named = re.fullmatch(r"medborgarlofte\[([\w,]+)\]", requirement)
    assert named is not None
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    requested = named[1].split(",")
    assert set() == set(requested) - set(optional)
    assert "report" in _extras(requested, optional)


def test_the_commands_run_as_shown_on_the_downloadable_example(tmp_path, monkeypatch, capsys):
    """In a folder holding the file the page offers for download, each command exits 0."""
    downloads = re.findall(r"\{download\}`([^`<]+?) <([^`>]+)>`", GET_STARTED)
    assert downloads, "the block offers the example for download"
    for name, target in downloads:
        shutil.copy((PAGE.parent / target).resolve(), tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for command in COMMANDS[1:]:
        assert 0 == main(command[1:]), shlex.join(command)
    capsys.readouterr()
    written = {path.name for path in tmp_path.iterdir()} - {name for name, _ in downloads}
    assert {c[c.index("-o") + 1] for c in COMMANDS if "-o" in c} == written
    [report] = [c for c in COMMANDS if c[:2] == ["medborgarlofte", "report"]]
    html = (tmp_path / report[report.index("-o") + 1]).read_text(encoding="utf-8")
    assert html.lower().startswith("<!doctype html>")


def test_new_writes_a_skeleton_for_the_kommun_it_names(tmp_path, monkeypatch, capsys):
    """The skeleton ``new`` writes carries the kommunkod of Hofors, 2104."""
    [new] = [c for c in COMMANDS if c[:2] == ["medborgarlofte", "new"]]
    monkeypatch.chdir(tmp_path)
    assert 0 == main(new[1:])
    capsys.readouterr()
    output = new[new.index("-o") + 1]
    assert '"2104"' in (tmp_path / output).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["new", "validate", "report"])
def test_each_command_links_to_its_reference_section(name):
    """The block links each command to its own section of the command-line reference."""
    assert f"{{ref}}`{name} <cli-{name}>`" in GET_STARTED
    cli = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert f"(cli-{name})=\n\n## `medborgarlofte {name}`" in cli


def test_the_block_links_to_kom_igang_and_the_tutorial() -> None:
    """The block points onwards to the Swedish getting-started page and the tutorial."""
    assert "{doc}`kom-igang`" in GET_STARTED
    assert "<tutorial/index>`" in GET_STARTED
