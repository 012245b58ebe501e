"""Serialization: one strict, lossless, versioned document format (dokumentformat).

One cattrs converter (:func:`make_converter`, :data:`CONVERTER`) maps the model
to plain data and back; :mod:`._formats` reads and writes JSON, TOML and YAML;
:mod:`._versioning` checks the format version and upgrades old documents;
:mod:`._errors` turns every failure into a :class:`~medborgarlofte.Problem`.
"""

from medborgarlofte._serde._api import (
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
from medborgarlofte._serde._converter import (
    CONVERTER,
    FAST_CONVERTER,
    TARGET_CLASSES,
    TARGET_KINDS,
    make_converter,
)
from medborgarlofte._serde._formats import FORMATS, Format
from medborgarlofte._serde._versioning import FORMAT_VERSION, MIGRATIONS, VERSION_KEY, migration

__all__ = [
    "CONVERTER",
    "DEFAULT_MAX_SIZE",
    "FAST_CONVERTER",
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
