"""Plain-data classes without ``dataclasses``: equality, repr and copying from ``__slots__``.

A one-shot CLI run (``netassistant-cli tcp-client --send X``) is a script's building block
and its start-up is measured (``tests/benchmarks/cli_oneshot.py``). Importing
``dataclasses`` pulls in ``inspect`` (with ``ast``, ``dis`` and ``tokenize``), and every
``@dataclass`` writes and compiles its methods at import: together about a tenth of
such a run. A ``typing.NamedTuple`` is not much better to define: it compiles each
field's annotation (about 0.3 ms for six fields, ten times a record).

So the classes that every session needs (its config, its send items and plans, its
kernel-state samples) derive from :class:`Record`: they list their fields in
``__slots__``, in order, and write their ``__init__`` out (so type checkers see it); this
base class gives them what ``@dataclass`` would (``==``, ``repr``, ``replace``,
``copy``/``pickle``, and for :class:`FrozenRecord` immutability and a hash). The records
made by the hundred thousand (:mod:`netassistant.core.chunk`) stay ``NamedTuple`` s,
which are cheaper to make.
"""

from __future__ import annotations

from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Self


class Record:
    """A mutable record whose fields are its ``__slots__``, in order (unhashable)."""

    __slots__: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: like a dataclass, not hashable

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        # copy, deepcopy and pickle rebuild it through __init__, fields in slot order.
        return self.__class__, self._values()

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (``dataclasses.replace``), made by ``__init__``.

        Raises:
            TypeError: A change names no field.
        """
        values = {name: getattr(self, name) for name in self.__slots__}
        for name in changes:
            if name not in values:
                raise TypeError(f"{self.__class__.__name__} has no field {name!r}")
        values.update(changes)
        copy: Self = self.__class__(**values)
        return copy


class FrozenRecord(Record):
    """An immutable, hashable :class:`Record`; ``__init__`` sets its fields with :meth:`_fill`."""

    __slots__ = ()

    def _fill(self, *values: Any) -> None:
        """Set every field, in ``__slots__`` order (``__init__`` only).

        Raises:
            TypeError: Not one value per field.
        """
        names: tuple[str, ...] = self.__slots__
        if len(values) != len(names):
            raise TypeError(
                f"{self.__class__.__name__} has {len(names)} fields, got {len(values)} values"
            )
        for name, value in zip(names, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())
