"""Draft a promise from its Swedish text (utkast ur text): rules, review list, TOML.

May import ``_core``, ``_model``, ``_rules``, ``_formats`` and ``exceptions``;
never ``_compute``, ``_render`` or the command line.
"""
