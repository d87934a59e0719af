"""PyInstaller runtime hook of the bundle (packaging/netassistant.spec).

It runs before PyInstaller's own PySide6 hook, which imports PySide6.QtCore. Importing it
here first, with PySide's .pyi stub generator left unrun until something uses it, keeps
in the bundle what ``python -m netassistant`` gains
(:func:`netassistant.qt.importhook.run_on_first_use`).
"""

from netassistant.qt.importhook import STUB_GENERATOR, run_on_first_use

with run_on_first_use(STUB_GENERATOR):
    import PySide6.QtCore  # noqa: F401
