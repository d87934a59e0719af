"""Small helpers shared by the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def decorate(widget: QWidget, name: str, accessible: str, tooltip: str) -> QWidget:
    """Give a control its objectName, accessible name and tooltip in one call.

    Every control has all three: tests and screen readers find it by name, users
    learn what it does from the tooltip.
    """
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tooltip)
    return widget


class ErrorLabel(QLabel):
    """An inline error message under a control: red, wrapped, hidden while empty.

    Plain text only, because messages quote what the user typed.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828;")
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` (already translated)."""
        self.setText(message)
        self.show()

    def clear_message(self) -> None:
        """Hide the message."""
        self.clear()
        self.hide()
