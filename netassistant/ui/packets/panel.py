"""PacketPanel: chosen packets as big buttons, and a step list run on the engine's timers.

For testing a device by hand over and over: tick the packets to show as buttons (one click
sends one), and build a step list (send A, wait 100 ms, send B) that runs N times as a
send script in the session's engine thread, so its timing holds while the window is busy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.packets.model import Packet
from netassistant.core.packets.steps import MAX_WAIT_MS, Step
from netassistant.ui.packets.sending import PacketSender
from netassistant.ui.widgets import decorate

if TYPE_CHECKING:
    from netassistant.core.pipeline import SendScript
    from netassistant.ui.pane.pane import SessionPane

#: Buttons per row in the panel.
BUTTON_COLUMNS = 3
#: How often a running step list's progress is shown.
PROGRESS_MS = 200


class PacketPanel(QDialog):
    """Big send buttons and a step list (see the module docstring).

    Attributes:
        chooser: Every packet, ticked ones become buttons.
        buttons: The big send buttons, in library order.
        steps: The step list.
        step_packet, wait_ms, repeat: What the next step sends / waits; rounds to run.
        status: What the panel did, or why it did not.
    """

    def __init__(
        self, target: Callable[[], SessionPane | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Packet panel"))
        self.setObjectName("packetPanel")
        self._target = target
        self._sender = PacketSender(self)
        self._packets: dict[str, Packet] = {}
        self._chosen: set[str] = set()
        self._script: SendScript | None = None
        self.buttons: list[QPushButton] = []
        self._progress = QTimer(self)
        self._progress.setInterval(PROGRESS_MS)
        self._progress.timeout.connect(self._show_progress)
        self._build()
        self.resize(880, 520)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        return decorate(QPushButton(text), name, text, tip)

    def _build(self) -> None:
        self.chooser = decorate(
            QListWidget(),
            "panelChooser",
            self.tr("Packets on the panel"),
            self.tr("Tick the packets to show as buttons"),
        )
        self.chooser.itemChanged.connect(self._on_chosen)
        self.button_box = QWidget()
        self.button_box.setObjectName("panelButtons")
        self.button_grid = QGridLayout(self.button_box)
        self.button_grid.setContentsMargins(0, 0, 0, 0)
        self.steps = decorate(
            QListWidget(),
            "panelSteps",
            self.tr("Steps"),
            self.tr("Run in order on the session's timers: send, wait, send ..."),
        )
        self.step_packet = decorate(
            QComboBox(), "panelStepPacket", self.tr("Packet to send"), self.tr("For a send step")
        )
        self.add_send = self._button(
            self.tr("Add send"), "panelAddSend", self.tr("Add a step sending this packet")
        )
        self.wait_ms = decorate(
            QSpinBox(), "panelWait", self.tr("Wait"), self.tr("For a wait step")
        )
        self.wait_ms.setRange(0, MAX_WAIT_MS)
        self.wait_ms.setValue(100)
        self.wait_ms.setSuffix(self.tr(" ms"))
        self.add_wait = self._button(
            self.tr("Add wait"), "panelAddWait", self.tr("Add a step waiting this long")
        )
        self.remove_step = self._button(
            self.tr("Remove"), "panelRemoveStep", self.tr("Remove the selected step")
        )
        self.repeat = decorate(
            QSpinBox(), "panelRepeat", self.tr("Rounds"), self.tr("Run the steps this many times")
        )
        self.repeat.setRange(1, 1_000_000)
        self.repeat.setPrefix(self.tr("× "))
        self.run_button = self._button(
            self.tr("Run steps"), "panelRun", self.tr("Run the steps in the current pane")
        )
        self.stop_button = self._button(self.tr("Stop"), "panelStop", self.tr("Send no more steps"))
        self.stop_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("panelStatus")
        self.status.setWordWrap(True)

        self.add_send.clicked.connect(self._add_send)
        self.add_wait.clicked.connect(self._add_wait)
        self.remove_step.clicked.connect(self._remove_step)
        self.run_button.clicked.connect(self.run_steps)
        self.stop_button.clicked.connect(self.stop_steps)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("On the panel")))
        left.addWidget(self.chooser, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Click to send")))
        right.addWidget(self.button_box)
        steps_box = QGroupBox(self.tr("Step list"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps, 1)
        row = QHBoxLayout()
        row.addWidget(self.step_packet, 1)
        row.addWidget(self.add_send)
        row.addWidget(self.wait_ms)
        row.addWidget(self.add_wait)
        row.addWidget(self.remove_step)
        steps_layout.addLayout(row)
        run_row = QHBoxLayout()
        run_row.addWidget(self.repeat)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.stop_button)
        run_row.addStretch(1)
        steps_layout.addLayout(run_row)
        right.addWidget(steps_box, 1)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)

    # ------------------------------------------------------------------ packets
    def set_packets(self, packets: list[Packet]) -> None:
        """Offer ``packets`` (the library's, in order); choices of removed ones go."""
        self._packets = {p.name: p for p in packets}
        self._chosen &= set(self._packets)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for packet in packets:
            item = QListWidgetItem(packet.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = packet.name in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.chooser.addItem(item)
        self.chooser.blockSignals(False)
        current = self.step_packet.currentText()
        self.step_packet.clear()
        self.step_packet.addItems(list(self._packets))
        self.step_packet.setCurrentText(current)
        self._fill_buttons()

    def choose(self, names: list[str]) -> None:
        """Show the packets ``names`` as buttons (ticks them in the chooser)."""
        for index in range(self.chooser.count()):
            item = self.chooser.item(index)
            wanted = item.text() in names
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    @Slot(QListWidgetItem)
    def _on_chosen(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen.add(item.text())
        else:
            self._chosen.discard(item.text())
        self._fill_buttons()

    def _fill_buttons(self) -> None:
        for button in self.buttons:
            self.button_grid.removeWidget(button)
            button.hide()  # gone now, not when the event loop deletes it
            button.deleteLater()
        self.buttons = []
        names = [name for name in self._packets if name in self._chosen]
        for index, name in enumerate(names):
            button = QPushButton(name)
            decorate(
                button,
                f"panelSend{index}",
                self.tr("Send %1").replace("%1", name),
                self.tr("Send %1 into the current pane").replace("%1", name),
            )
            button.setMinimumHeight(56)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(True)
            button.setFont(font)
            button.clicked.connect(lambda _checked=False, n=name: self.send(n))
            self.button_grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
            self.buttons.append(button)
        if not names:
            self.status.setText(self.tr("Tick packets on the left to get a button for each."))

    def send(self, name: str) -> bool:
        """Send packet ``name`` into the current pane; the status line says what happened."""
        packet = self._packets.get(name)
        if packet is None:
            return False
        refusal = self._sender.send(self._target(), packet)
        self.status.setText(refusal or self.tr("sent %1").replace("%1", name))
        return not refusal

    # ------------------------------------------------------------------ steps
    def step_list(self) -> list[Step]:
        """The steps, in order."""
        return [
            self.steps.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.steps.count())
        ]

    def add_step(self, step: Step) -> None:
        """Append ``step`` to the list."""
        if step.is_wait:
            label = self.tr("wait %1 ms").replace("%1", str(step.wait_ms))
        else:
            label = self.tr("send %1").replace("%1", step.name)
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, step)
        self.steps.addItem(item)

    @Slot()
    def _add_send(self) -> None:
        name = self.step_packet.currentText()
        if name:
            self.add_step(Step(name=name))

    @Slot()
    def _add_wait(self) -> None:
        self.add_step(Step(wait_ms=self.wait_ms.value()))

    @Slot()
    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.takeItem(row)

    @Slot()
    def run_steps(self) -> bool:
        """Start the step list in the current pane; False (and why) if it cannot start."""
        script, refusal = self._sender.run_steps(
            self._target(), self.step_list(), self._packets, self.repeat.value()
        )
        if script is None:
            self.status.setText(refusal)
            return False
        self._script = script
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._progress.start()
        self._show_progress()
        return True

    @Slot()
    def stop_steps(self) -> None:
        """Send no more steps (what was sent stays sent)."""
        if self._script is not None:
            self._script.cancel()
        self._show_progress()

    @Slot()
    def _show_progress(self) -> None:
        script = self._script
        if script is None:
            return
        text = self.tr("sent %1 of %2").replace("%1", str(script.sends_done))
        self.status.setText(text.replace("%2", str(script.total)))
        if script.finished:
            self._progress.stop()
            self.run_button.setEnabled(True)
            self.stop_button.setEnabled(False)
