"""Mutable twins: building a frozen slotted attrs instance without its ``__init__``.

A frozen attrs class stores each field through ``object.__setattr__`` in its
generated ``__init__``, which is slow when hundreds of thousands of objects
are built at once. Its *mutable twin* is a subclass that adds no slots and
restores plain attribute setting, so the interpreter stores each field
straight into the slot; once every field is set, the instance's class is
switched to the real one, whose layout is the same. The caller must set
every field and run whatever validators the class has; the twin never
escapes the code that builds with it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["mutable_twin"]


def mutable_twin(cls: type[Any]) -> type[Any]:
    """Return a mutable twin of the frozen slotted class *cls*.

    Raises:
        TypeError: If *cls* cannot be subclassed, or an instance of the twin
            cannot be switched to *cls*.
    """
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": __name__,
        "__doc__": f"Mutable twin of {cls.__qualname__}, for building it field by field.",
    }
    twin = type(f"_Building{cls.__name__}", (cls,), namespace)
    probe: Any = object.__new__(twin)
    probe.__class__ = cls
    return twin
