"""The narrow strip a pane shows while its settings column is collapsed.

Two panes side by side on a 1366 px screen have no room for two settings columns, so
the window collapses them; the strip keeps what a session needs at hand: a button that
brings the column back, and Start/Stop (Connect/Disconnect) of the pane's session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from netassistant.ui.widgets import decorate

if TYPE_CHECKING:
    from netassistant.ui.pane.pane import SessionPane

_START, _STOP = "▶", "■"


class SettingsStrip(QWidget):
    """Show-settings and Start/Stop buttons in a narrow column.

    Attributes:
        expand_button: Brings the pane's settings column back.
        start_button: Starts or stops the pane's session, as the column's own button.

    Signals:
        expand_requested(): the user wants the settings column back.
    """

    expand_requested = Signal()

    def __init__(self, pane: SessionPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsStrip")
        self._pane = pane
        self.expand_button = decorate(
            QToolButton(),
            "settingsExpand",
            self.tr("Show settings"),
            self.tr("Show this pane's settings column"),
        )
        self.expand_button.setArrowType(Qt.ArrowType.RightArrow)
        # The column's own words for its start button (one translation for both).
        accessible = QCoreApplication.translate("SettingsPanel", "Start or stop")
        self.start_button = decorate(QToolButton(), "stripStartStop", accessible, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.expand_button)
        layout.addWidget(self.start_button)
        layout.addStretch(1)
        self.expand_button.clicked.connect(self.expand_requested)
        self.start_button.clicked.connect(pane.toggle)
        pane.controller.state_changed.connect(self._sync)
        pane.controller.finished.connect(self._sync)
        pane.started.connect(self._sync)  # the column's button is relabelled by then
        self._sync()

    @Slot()
    def _sync(self) -> None:
        # The column's button already says what a click does, in the user's language.
        running = self._pane.controller.running
        self.start_button.setText(_STOP if running else _START)
        self.start_button.setToolTip(self._pane.settings.start_button.text())
