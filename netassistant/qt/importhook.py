"""A faster PySide6 import hook: every module imported after Qt costs a file read, not a parse.

PySide6 (6.4 and later) watches every import made after it was loaded, to learn which
modules may switch on its ``__feature__`` options (snake_case, true_property): for each
new module ``shibokensupport.feature._mod_uses_pyside`` answers "does its source mention
PySide6?" through ``inspect.getsource``. That walks the loader, checks several file
names, decodes the source into lines and keeps them all in ``linecache``: about 0.2 ms a
module, 25-30 ms of a launch that imports ~150 modules after Qt (measured with
``tests/benchmarks/startup.py``), and the text of every module stays in memory.

:func:`speed_up_pyside_import_hook` swaps that question for the same one asked of the
file's bytes. Modules without a plain ``.py`` file (built-ins, extension modules,
zipped or frozen modules) still get PySide's own answer, so the result is the same for
every module; when PySide no longer has this hook (another version), nothing changes.
Extension modules (``.so``/``.pyd``) are answered "no" at once: ``inspect`` has no source
for them either, so PySide's own check says the same after a longer search.
"""

from __future__ import annotations

import sys
from importlib.machinery import EXTENSION_SUFFIXES
from types import ModuleType
from typing import Any

#: The attribute that marks our replacement, so installing twice wraps nothing twice.
FAST_MARK = "_netassistant_fast"
#: File endings of compiled extension modules, which have no source to search.
_EXTENSIONS = tuple(EXTENSION_SUFFIXES)


def _fast_check(original: Any) -> Any:
    """The byte-search version of PySide's ``_mod_uses_pyside``, falling back to ``original``."""

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str):
            return bool(original(module))
        if path.endswith(_EXTENSIONS):
            return False
        if not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    setattr(mod_uses_pyside, FAST_MARK, True)
    return mod_uses_pyside


def speed_up_pyside_import_hook() -> bool:
    """Install the faster check; True if PySide's hook was found (now or before)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, FAST_MARK, False):
        feature._mod_uses_pyside = _fast_check(original)  # type: ignore[attr-defined]
    return True
