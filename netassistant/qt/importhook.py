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

:func:`run_on_first_use` wraps the import of PySide itself. PySide's signature
support imports its ``.pyi`` stub generator (``shibokensupport.signature.lib.pyi_generator``,
used only by the ``pyside6-genpyi`` tool) at every start, twice: its class body compiles
two large verbose regular expressions, and it pulls in ``logging`` and ``argparse``. In the
block that module is made as an empty module that runs its real code the first time one of
its attributes is asked for (:class:`_OnFirstUse`); in the app nothing asks, and PySide's
import is ~9 ms shorter (a fifth of it; tests/benchmarks/startup.py's ``qt`` phase).
"""

from __future__ import annotations

import sys
from _thread import allocate_lock, get_ident
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

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


#: PySide's ``.pyi`` stub generator, which its signature support imports at every start.
STUB_GENERATOR = "shibokensupport.signature.lib.pyi_generator"


class _OnFirstUse:
    """The loader of a module whose code runs the first time one of its attributes is used.

    The module is made at once (name, ``__spec__``, ``__file__``: what an import and
    PySide's own bookkeeping read) with only a module ``__getattr__``; the first look-up
    of anything else runs the real code (from ``real``'s loader) in the module, once, even
    when threads ask together, and answers from it.
    """

    def __init__(self, real: ModuleSpec) -> None:
        self._real = real
        self._lock = allocate_lock()

    def create_module(self, spec: ModuleSpec) -> None:
        """The default module (the import system's)."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Leave ``module`` empty, with a ``__getattr__`` that runs its code when needed."""
        real, lock = self._real, self._lock
        # The thread running the module's code (0: none), and whether it has run.
        state = {"runner": 0, "ran": False}

        def __getattr__(name: str) -> Any:  # a module's __getattr__ (PEP 562)
            if state["runner"] == get_ident():  # the module's own code asks: not there yet
                raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
            with lock:  # other threads wait here until the code has run
                if not state["ran"]:
                    state["runner"] = get_ident()
                    try:
                        code = real.loader.get_code(real.name)  # type: ignore[union-attr]
                        exec(code, module.__dict__)  # the module's own code
                    finally:
                        state["runner"] = 0
                    state["ran"] = True
                    # Kept until now, so a thread asking while the code ran waited above.
                    if module.__dict__.get("__getattr__") is __getattr__:
                        del module.__dict__["__getattr__"]
            return getattr(module, name)

        module.__getattr__ = __getattr__  # type: ignore[method-assign]


class _DeferFinder:
    """A ``sys.meta_path`` finder that makes the modules in ``names`` with :class:`_OnFirstUse`."""

    def __init__(self, names: frozenset[str]) -> None:
        self._names = names

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> ModuleSpec | None:
        """The spec of a deferred module, from the real one the other finders give."""
        if fullname not in self._names:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            real = finder.find_spec(fullname, path, target)
            if real is not None:
                break
        else:
            return None
        if not hasattr(real.loader, "get_code"):
            return real  # nothing to run later: imported as usual
        # A loader by protocol: importlib.abc (for the type) would cost more than it saves.
        spec = ModuleSpec(fullname, cast("Loader", _OnFirstUse(real)), origin=real.origin)
        spec.has_location = real.has_location
        return spec


class _Deferred:
    """The ``with`` block of :func:`run_on_first_use`."""

    __slots__ = ("_finder",)

    def __init__(self, names: frozenset[str]) -> None:
        self._finder = _DeferFinder(names)

    def __enter__(self) -> None:
        sys.meta_path.insert(0, self._finder)

    def __exit__(self, *exc: object) -> None:
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)


def run_on_first_use(*names: str) -> _Deferred:
    """A ``with`` block in which the modules ``names`` are imported with their code unrun.

    Each runs its code the first time one of its attributes is used (:class:`_OnFirstUse`);
    a module imported in the block stays so after it, and the finder is in
    ``sys.meta_path`` only inside it. ``python -m netassistant`` wraps PySide's import
    with ``run_on_first_use(STUB_GENERATOR)``.
    """
    return _Deferred(frozenset(names))


def stub_generator_ran() -> bool:
    """True if PySide's stub generator is imported and its code has run.

    False when it is not imported (a PySide without it) or still waits for its first use
    (imported in :func:`run_on_first_use`): the smoke test checks the start left it so.
    """
    module = sys.modules.get(STUB_GENERATOR)
    if module is None:
        return False
    spec = vars(module).get("__spec__")
    waiting = isinstance(getattr(spec, "loader", None), _OnFirstUse) and "__getattr__" in vars(
        module
    )
    return not waiting
