"""The decorator of the parse's value classes (dates, list items, records, line roles ...).

They are immutable values: never changed after they are made, changed copies made with
:func:`dataclasses.replace`. ``@dataclass(frozen=True)`` would enforce that at run time, but
its constructor sets each field through ``object.__setattr__``: about a fifth of the parse's
instructions, with millions of these objects per run. So the immutability is checked where it
costs nothing, by the type checker (``frozen_default``: mypy reports any assignment to a
field), and the objects are made by a plain slotted constructor. They hash by value, as frozen
dataclasses do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def value_class(cls: type[_T]) -> type[_T]:
    return dataclass(slots=True, unsafe_hash=True)(cls)
