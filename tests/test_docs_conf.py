"""The Sphinx configuration (docs/conf.py) puts copy buttons on code blocks that copy no prompts."""

import re
import runpy
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = runpy.run_path(str(ROOT / "docs" / "conf.py"))


def _strip(line):
    """Return *line* without its prompt, as sphinx-copybutton copies it; None if it has none."""
    prompt = re.compile("^(" + CONF["copybutton_prompt_text"] + ")")
    found = prompt.match(line)
    return None if found is None else line[found.end() :]


def test_copy_buttons_are_on_and_in_the_docs_extra() -> None:
    """sphinx-copybutton is a Sphinx extension of the docs and a requirement of the docs extra."""
    assert "sphinx_copybutton" in CONF["extensions"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    docs = project["optional-dependencies"]["docs"]
    assert any(requirement.startswith("sphinx-copybutton") for requirement in docs)


@pytest.mark.parametrize(
    ("line", "copied"),
    [
        ("$ medborgarlofte validate hofors.toml", "medborgarlofte validate hofors.toml"),
        (">>> import datetime as dt", "import datetime as dt"),
        ("...     Activity, Party,", "    Activity, Party,"),
        ("hofors.toml: giltig", None),
        ("efter plan – 12 har genomförts", None),
    ],
)
def test_console_and_doctest_prompts_are_stripped_and_output_is_left_behind(line, copied):
    """``$ ``, ``>>> `` and ``... `` are removed; a line without a prompt (output) is not copied."""
    assert CONF["copybutton_prompt_is_regexp"] is True
    assert CONF["copybutton_only_copy_prompt_lines"] is True
    assert copied == _strip(line)
