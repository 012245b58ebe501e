"""Switching the library's optional engines off, for benchmarks that compare with and without."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from medborgarlofte._formats import msgspec_engine as _msgspec
from medborgarlofte._formats import syntax as _formats

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def stdlib_only() -> Iterator[None]:
    """Run the library as if the ``fast`` extra (orjson, msgspec) were not installed."""
    saved = _formats._orjson, _msgspec._msgspec  # noqa: SLF001 - the benchmark looks inside
    _formats._orjson = _msgspec._msgspec = None  # noqa: SLF001 - the benchmark looks inside
    try:
        yield
    finally:
        _formats._orjson, _msgspec._msgspec = saved  # noqa: SLF001 - the benchmark looks inside
