"""ForegroundTableView: a table of a Python model that repaints holding the foreground gate.

Qt asks a Python model for every cell it paints; under a flood each of those calls had to
win the GIL back from a session's engine. Holding the window's gate (see
core/foreground.py) makes the engines wait for the repaint instead.
"""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView

from netassistant.qt.foreground import GUI_GATE


class ForegroundTableView(QTableView):
    """A QTableView whose repaints hold :data:`GUI_GATE`."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the cells while the window's engines wait."""
        with GUI_GATE:
            super().paintEvent(event)
