"""Pausing the cyclic garbage collector around bulk work (skräpsamlaren).

Loading, dumping and computing progress for a national data set build
hundreds of thousands of acyclic objects at once. A collection in the middle
only costs time: every object is freed by reference counting or lives on.
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused(*, promote: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects are built at once.

    The previous state is restored after, also when the body raises; nested
    pauses are harmless.

    With *promote*, the objects that survive the pause go straight to the
    oldest generation (``gc.freeze()`` then ``gc.unfreeze()``, which moves
    them without looking at them) instead of being traversed by the young
    collection the first allocation after the pause would start. They are
    looked at in the next full collection, as they would be anyway. Skipped if
    the program keeps frozen objects of its own.

    Args:
        promote: Whether to move the survivors to the oldest generation.

    Yields:
        Nothing; the body runs with the collector paused.

    Raises:
        Exception: Whatever the body raises, after the state is restored.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if promote and not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
