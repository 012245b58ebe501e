"""Formats: one strict, lossless, versioned document format and its relatives.

One cattrs converter (:func:`make_converter`, :data:`CONVERTER`) maps the model
to plain data and back; ``syntax`` reads and writes JSON, TOML and YAML;
``versioning`` checks the format version and upgrades old documents;
``errors`` turns every failure into a :class:`~medborgarlofte.Problem`;
``schema`` writes the JSON Schema and ``tables`` the CSV tables. Formats
never compute: they import the model, the rules and the core, never the
computations, the rendering or the command line.
"""

from medborgarlofte._formats.api import (
    DEFAULT_MAX_SIZE,
    dump,
    dump_many,
    dumps,
    dumps_many,
    from_dict,
    load,
    load_many,
    load_with_warnings,
    loads,
    loads_many,
    loads_many_with_warnings,
    loads_with_warnings,
    to_dict,
)
from medborgarlofte._formats.converter import (
    CONVERTER,
    TARGET_CLASSES,
    TARGET_KINDS,
    make_converter,
)
from medborgarlofte._formats.syntax import FORMATS, Format
from medborgarlofte._formats.versioning import FORMAT_VERSION, MIGRATIONS, VERSION_KEY, migration

__all__ = [
    "CONVERTER",
    "DEFAULT_MAX_SIZE",
    "FORMATS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "TARGET_CLASSES",
    "TARGET_KINDS",
    "VERSION_KEY",
    "Format",
    "dump",
    "dump_many",
    "dumps",
    "dumps_many",
    "from_dict",
    "load",
    "load_many",
    "load_with_warnings",
    "loads",
    "loads_many",
    "loads_many_with_warnings",
    "loads_with_warnings",
    "make_converter",
    "migration",
    "to_dict",
]
