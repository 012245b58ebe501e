"""The domain model: frozen attrs classes for promises and everything in them.

No I/O, no cattrs, no computation beyond each object's own invariants. Imports
only :mod:`medborgarlofte._core` and :mod:`medborgarlofte.exceptions`.
"""
