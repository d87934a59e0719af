"""Small helpers shared by the widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def decorate(widget: QWidget, name: str, accessible: str, tooltip: str) -> QWidget:
    """Give a control its objectName, accessible name and tooltip in one call.

    Every control has all three: tests and screen readers find it by name, users
    learn what it does from the tooltip.
    """
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tooltip)
    return widget
