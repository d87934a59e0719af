"""MulticastBox: join and leave multicast groups of a running UDP session.

The box asks the session (``SessionController.join_group``/``leave_group``) and shows
what the engine reports: its list holds the groups the engine says it joined (the
``multicast`` facts of LISTENING events), so a refused join never shows as joined; the
refusal is the session's ERROR event in the log. Interfaces are the machine's own
(:func:`netassistant.core.addressing.interfaces`), never looked up by name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from netassistant.core.addressing import AddressingError, interfaces, parse_membership
from netassistant.core.chunk import EventKind, connection_events
from netassistant.qt.coremessages import tr_core
from netassistant.qt.session import SessionController
from netassistant.ui.widgets import ErrorLabel, decorate

_EXACT = Qt.MatchFlag.MatchExactly


class MulticastBox(QGroupBox):
    """Group field, interface choice, Join/Leave and the joined groups of one UDP pane."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Multicast"))
        self.setObjectName("multicastBox")
        self.controller = controller
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("e.g. 239.1.2.3 or ff02::1:3"))
        self.interface = QComboBox()
        self.interface.addItem(self.tr("any (the system chooses)"), "")
        for item in interfaces():
            shown = (
                f"{item.name} ({', '.join(item.addresses[:2])})" if item.addresses else item.name
            )
            self.interface.addItem(shown, item.name)
        self.join_button = QPushButton(self.tr("Join"))
        self.leave_button = QPushButton(self.tr("Leave"))
        self.joined = QComboBox()
        self.error = ErrorLabel("multicastError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.leave_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Interface"), self.interface)
        form.addRow(buttons)
        form.addRow(self.tr("Joined"), self.joined)
        form.addRow(self.error)
        decorate(
            self.group,
            "multicastGroupField",
            self.tr("Multicast group"),
            self.tr("An IPv4 group (224.0.0.0/4) or an IPv6 group (ff00::/8) to join"),
        )
        decorate(
            self.interface,
            "multicastInterface",
            self.tr("Multicast interface"),
            self.tr("The interface to join the group on"),
        )
        decorate(
            self.join_button,
            "multicastJoin",
            self.tr("Join"),
            self.tr("Join the group on the chosen interface while the session runs"),
        )
        decorate(
            self.leave_button,
            "multicastLeave",
            self.tr("Leave"),
            self.tr("Leave the group chosen in the joined list"),
        )
        decorate(
            self.joined,
            "multicastJoined",
            self.tr("Joined groups"),
            self.tr("The groups this session has joined, as the system confirmed them"),
        )
        self.join_button.clicked.connect(self._join)
        self.leave_button.clicked.connect(self._leave)
        self.joined.currentIndexChanged.connect(self._update_buttons)
        self.controller.events_received.connect(self._on_events)
        self.set_running(False)

    def spec(self) -> str:
        """``GROUP[@IFACE]`` as chosen in the fields."""
        iface = self.interface.currentData() or ""
        group = self.group.text().strip()
        return f"{group}@{iface}" if iface else group

    def set_running(self, running: bool) -> None:
        """Joining needs an open socket; a closed one has joined nothing."""
        self._running = running
        if not running:
            self.joined.clear()
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.join_button.setEnabled(self._running)
        self.leave_button.setEnabled(self._running and self.joined.currentIndex() >= 0)

    @Slot()
    def _join(self) -> None:
        spec = self.spec()
        try:
            parse_membership(spec)
        except AddressingError as exc:
            self.error.show_message(tr_core(exc.args[0]))
            return
        self.error.clear_message()
        self.controller.join_group(spec)

    @Slot()
    def _leave(self) -> None:
        if self.joined.currentIndex() >= 0:
            self.controller.leave_group(self.joined.currentText())

    @Slot(object)
    def _on_events(self, events: list[object]) -> None:
        for event in connection_events(events):  # type: ignore[arg-type]
            if event.kind is not EventKind.LISTENING:
                continue
            facts = event.detail or {}
            if "multicast" not in facts:
                continue
            name = str(facts["group"]) + (f"@{facts['interface']}" if facts["interface"] else "")
            index = self.joined.findText(name, _EXACT)
            if facts["multicast"] == "joined" and index < 0:
                self.joined.addItem(name)
                self.joined.setCurrentIndex(self.joined.count() - 1)
            elif facts["multicast"] == "left" and index >= 0:
                self.joined.removeItem(index)
        self._update_buttons()
