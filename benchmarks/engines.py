"""Switching the library's optional engines off, for benchmarks that compare with and without."""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

# Each module of the library that may hold an optional engine of the ``fast``
# extra, with the name it is held under; ``None`` there means "not installed".
# A module that does not exist (in an older or newer tree) is skipped, so one
# copy of the benchmarks can measure more than one version of the library.
_ENGINES = (
    ("medborgarlofte._formats.syntax", "_orjson"),
    ("medborgarlofte._formats.msgspec_engine", "_msgspec"),
)


def _holders() -> list[tuple[Any, str]]:
    found = []
    for name, attribute in _ENGINES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, attribute):
            found.append((module, attribute))
    return found


def fast_engines() -> list[str]:
    """Return the names of the optional engines the library found installed."""
    return [attribute.lstrip("_") for module, attribute in _holders() if getattr(module, attribute)]


@contextlib.contextmanager
def stdlib_only() -> Iterator[None]:
    """Run the library as if the ``fast`` extra (orjson, msgspec) were not installed."""
    holders = _holders()
    saved = [getattr(module, attribute) for module, attribute in holders]
    for module, attribute in holders:
        setattr(module, attribute, None)
    try:
        yield
    finally:
        for (module, attribute), value in zip(holders, saved, strict=True):
            setattr(module, attribute, value)
