"""Sphinx configuration for the medborgarlofte documentation."""

from importlib.metadata import version as _version

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
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
    "cattrs": ("https://catt.rs/en/stable/", None),
    "dateutil": ("https://dateutil.readthedocs.io/en/stable/", None),
}

html_theme = "furo"
html_title = "medborgarlofte"
html_static_path = ["_static"]
language = "en"
