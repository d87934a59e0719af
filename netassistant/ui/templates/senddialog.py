"""TemplateSendDialog: the value grid of one template, with Send and "To send box".

Non-modal, so the receive log stays in view while values are edited and sent again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from netassistant.core.templates.model import Template
from netassistant.qt.models.builtinnames import shown_template_text
from netassistant.ui.templates.grid import TemplateGrid
from netassistant.ui.widgets import push_button


class TemplateSendDialog(QDialog):
    """Edit one message's fields and send it into the pane.

    Attributes:
        grid: The values and the bytes.

    Signals:
        send_requested(bytes): Send was pressed with a message that builds.
        to_send_box(bytes): "To send box" was pressed (the pane puts the hex there).
    """

    send_requested = Signal(bytes)
    to_send_box = Signal(bytes)

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateSendDialog")
        self.setWindowTitle(
            self.tr("Packet template: %1").replace("%1", shown_template_text(template.name))
        )
        self.grid = TemplateGrid(template)
        note = QLabel(shown_template_text(template.description))
        note.setWordWrap(True)
        self.send_button = push_button(
            "templateSend", self.tr("Send"), self.tr("Send this message into the pane")
        )
        self.box_button = push_button(
            "templateToSendBox",
            self.tr("To send box"),
            self.tr("Put the message's bytes into the send box as hex"),
            auto_default=False,
        )
        self.status = QLabel()
        self.status.setObjectName("templateSendStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.box_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        self.resize(620, 460)
        self.grid.changed.connect(self._on_changed)
        self.send_button.clicked.connect(self._on_send)
        self.box_button.clicked.connect(self._on_box)
        self._on_changed()

    @Slot()
    def _on_changed(self) -> None:
        ok = self.grid.data is not None
        self.send_button.setEnabled(ok)
        self.box_button.setEnabled(ok)

    @Slot()
    def _on_send(self) -> None:
        if self.grid.data is not None:
            self.send_requested.emit(self.grid.data)

    @Slot()
    def _on_box(self) -> None:
        if self.grid.data is not None:
            self.to_send_box.emit(self.grid.data)

    def show_status(self, message: str) -> None:
        """Say how the last send went (translated)."""
        self.status.setText(message)
