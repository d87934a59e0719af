"""The few names from ``typing`` that a session's modules need at run time, without typing.

Importing ``typing`` costs a one-shot CLI run (``netassistant-cli tcp-client --send X``,
measured by ``tests/benchmarks/cli_oneshot.py``) about a twelfth of its instructions, and
a session's modules need it only for annotations. So the modules a session loads take
these names from here: for the type checker they are typing's own, at run time

- :data:`TYPE_CHECKING` is False (mypy reads any ``if TYPE_CHECKING:`` as true), so the
  annotation-only imports of ``typing`` (``Any``, ``Self``...) stay in such a block;
- ``Protocol`` is ``object``: a protocol only describes a shape for the type checker,
  nothing subclasses or checks one at run time;
- ``NamedTuple`` builds the class with :func:`collections.namedtuple`, as
  ``typing.NamedTuple`` does, but without evaluating the annotations (which, being
  strings under ``from __future__ import annotations``, typing would compile one by one).

Everything else (the window, tests) may import ``typing`` as usual.
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
    from typing import Protocol as Protocol
else:
    Protocol = object

    #: What a NamedTuple's class body may not set (typing.NamedTuple's own rule).
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )

    class _NamedTupleMeta(type):
        """Turns a class body of annotated fields into a :func:`collections.namedtuple`."""

        def __new__(mcs, typename, bases, namespace):
            if bases != (NamedTuple,):
                raise TypeError("a NamedTuple derives from NamedTuple alone")
            fields = namespace.get("__annotations__", {})
            defaults = []
            for name in fields:
                if name in namespace:
                    defaults.append(namespace[name])
                elif defaults:
                    raise TypeError(
                        f"{typename}.{name}: a field without a default follows one with"
                    )
            cls = collections.namedtuple(
                typename, fields, defaults=defaults, module=namespace["__module__"]
            )
            cls.__annotations__ = dict(fields)
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"cannot overwrite NamedTuple attribute {key}")
                if key not in ("__module__", "__annotations__") and key not in fields:
                    setattr(cls, key, value)
            return cls

    NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {"__module__": __name__})
