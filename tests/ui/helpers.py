"""Helpers of the widget tests: find a named child, list undescribed controls."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.ui.test_accessibility import _controls


def child(root: QWidget, cls, name: str):
    """The child of ``root`` of type ``cls`` called ``name`` (asserted to exist)."""
    widget = root.findChild(cls, name)
    assert widget is not None, name
    return widget


def undescribed(root: QWidget) -> list[str]:
    """Controls under ``root`` lacking an objectName, a tooltip or an accessible name."""
    return [
        w.objectName() or type(w).__name__
        for w in _controls(root)
        if not (w.objectName() and w.toolTip() and w.accessibleName())
    ]
