"""A package's names loaded on first use (PEP 562), for packages a session need not load whole."""

from __future__ import annotations

import importlib

from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any


def lazy_names(
    package: str, modules: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each name in ``modules`` from its module once.

    Args:
        package: The package's ``__name__`` (for the error message).
        modules: Each lazily loaded name and the module it comes from.
        namespace: The package's ``globals()``: a name loaded once is stored there, so
            later lookups do not come back here.
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
