"""PyInstaller runtime hook of the bundle (packaging/netassistant.spec).

It runs before PyInstaller's own PySide6 hook, which imports PySide6.QtCore. Importing it
here first, with PySide's .pyi stub generator left unrun until something uses it, keeps
in the bundle what ``python -m netassistant`` gains
(:func:`netassistant.qt.importhook.stub_generator_deferred`).
"""

from netassistant.qt.importhook import stub_generator_deferred

with stub_generator_deferred():
    import PySide6.QtCore  # noqa: F401
