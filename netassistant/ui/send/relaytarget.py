"""The relay's send direction: inject toward the server or toward the client."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from netassistant.ui.widgets import decorate


class InjectDirection(QComboBox):
    """The two directions a relay pane's send box can inject in (item data: the leg)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("→ server"), "server")
        self.addItem(self.tr("→ client"), "client")
        decorate(
            self,
            "injectToward",
            self.tr("Inject toward"),
            self.tr(
                "Where the send box's data goes: to the server (as if the client sent it) or "
                "to the client (as if the server sent it); faults do not apply to it"
            ),
        )
