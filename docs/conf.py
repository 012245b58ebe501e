"""Sphinx configuration for the medborgarlofte documentation.

The build must pass with ``-n -W --keep-going`` on a machine without network
access (CI has none), so intersphinx never depends on fetching an inventory:

* Python's inventory ships in ``docs/_inventories/python.inv`` (see the README
  there for where it comes from and how to refresh it), so every reference to
  the standard library is checked offline as well.
* attrs, cattrs, dateutil, Hypothesis and icalendar are linked only when
  ``MEDBORGARLOFTE_DOCS_ONLINE=1`` says the network may be used; offline,
  references into those packages (and only those) are exempt from nitpicky
  mode, see ``nitpick_ignore_regex``. (Debian ships inventories of some of
  them, but of versions whose page layout no longer matches the live sites,
  so they would produce broken links.)

References to our own names are always checked.
"""

import os
import sys
from importlib.metadata import version as _version
from pathlib import Path

_HERE = Path(__file__).parent
sys.path.insert(0, str(_HERE / "_ext"))

project = "medborgarlofte"
author = "The medborgarlofte developers"
copyright = "2026, The medborgarlofte developers"
release = _version("medborgarlofte")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
    "medborgarlofte_docs",
    "problem_codes",
    "cli_reference",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_inventories", "**/README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- copy buttons --------------------------------------------------------------
# The button copies what a reader types, not the prompts or the output shown:
# "$ " in console blocks, ">>> " and "... " in doctests. A block without any
# prompt (plain code) is copied whole; a console line ending in "\" takes the
# next line with it.
copybutton_prompt_text = r"\$ |>>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_line_continuation_character = "\\"

# -- autodoc -------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_class_signature = "separated"
autodoc_preserve_defaults = True
# Links read "Party", not "medborgarlofte._model.parties.Party".
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_preprocess_types = True

# -- intersphinx ---------------------------------------------------------------
_ONLINE = os.environ.get("MEDBORGARLOFTE_DOCS_ONLINE") == "1"
_PYTHON_INV = str(_HERE / "_inventories" / "python.inv")

intersphinx_mapping: dict[str, tuple[str, tuple[str | None, ...]]] = {
    # Offline: the shipped inventory only. Online: the live one, then the shipped one.
    "python": ("https://docs.python.org/3", (None, _PYTHON_INV) if _ONLINE else (_PYTHON_INV,)),
}
if _ONLINE:
    intersphinx_mapping |= {
        "attrs": ("https://www.attrs.org/en/stable/", (None,)),
        "cattrs": ("https://catt.rs/en/stable/", (None,)),
        "dateutil": ("https://dateutil.readthedocs.io/en/stable/", (None,)),
        "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", (None,)),
        "icalendar": ("https://icalendar.readthedocs.io/en/stable/", (None,)),
    }
intersphinx_timeout = 10

# -- nitpicky mode -------------------------------------------------------------
# Kept short on purpose: every entry says why it cannot resolve.
nitpick_ignore_regex: list[tuple[str, str]] = []
if not _ONLINE:
    # No inventory offline for these (see the module docstring).
    nitpick_ignore_regex += [(r"py:.*", r"(attrs?|cattrs|dateutil|hypothesis|icalendar)(\..*)?")]

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "medborgarlofte"
html_static_path = ["_static"]
language = "en"
