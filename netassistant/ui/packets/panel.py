"""PacketPanel: chosen packets as big buttons, and a step list run on the engine's timers.

For testing a device by hand over and over: tick the packets to show as buttons (one click
sends one), and build a step list (send A, wait 100 ms, send B) that runs N times as a
send script in the session's engine thread, so its timing holds while the window is busy.
A packet with a resend interval gets a "⟳" toggle under its button that repeats it at that
interval until clicked again. The chosen buttons, the steps and the rounds are the
library's (:class:`~netassistant.core.packets.panel.PanelSetup`, in ``packets.json``):
every change is announced with :attr:`PacketPanel.setup_changed` and stored by the library
window, so the panel is there next time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
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
from netassistant.core.packets.panel import MAX_ROUNDS, PanelSetup
from netassistant.core.packets.steps import MAX_WAIT_MS, Step
from netassistant.ui.packets.repeating import PacketRepeater
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
        repeat_toggles: Packet name -> its "⟳ every N ms" toggle (packets with an interval).

    Signals:
        setup_changed(PanelSetup): the buttons, steps or rounds changed (by the user).
    """

    setup_changed = Signal(object)

    def __init__(
        self,
        target: Callable[[], SessionPane | None],
        parent: QWidget | None = None,
        repeater: PacketRepeater | None = None,
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
        self.repeat_toggles: dict[str, QPushButton] = {}
        self._repeater = repeater if repeater is not None else PacketRepeater(self)
        self._repeater.changed.connect(self._on_repeat_changed)
        self._loading = False  # set_setup() fills the widgets: nothing to store
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
        self.repeat.setRange(1, MAX_ROUNDS)
        self.repeat.valueChanged.connect(self._announce)
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

    # ------------------------------------------------------------------ the setup
    def setup(self) -> PanelSetup:
        """The chosen buttons (library order), the steps and the rounds."""
        buttons = tuple(name for name in self._packets if name in self._chosen)
        return PanelSetup(buttons, tuple(self.step_list()), self.repeat.value())

    def set_setup(self, setup: PanelSetup) -> None:
        """Show a stored setup (call after :meth:`set_packets`); announces nothing."""
        self._loading = True
        try:
            self.choose(list(setup.buttons))
            self.steps.clear()
            for step in setup.steps:
                self.add_step(step)
            self.repeat.setValue(setup.rounds)
        finally:
            self._loading = False

    @Slot()
    def _announce(self) -> None:
        if not self._loading:
            self.setup_changed.emit(self.setup())

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
        self._announce()

    def _fill_buttons(self) -> None:
        for button in self.buttons + list(self.repeat_toggles.values()):
            self.button_grid.removeWidget(button)
            button.hide()  # gone now, not when the event loop deletes it
            button.deleteLater()
        self.buttons = []
        self.repeat_toggles = {}
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
            row, column = 2 * (index // BUTTON_COLUMNS), index % BUTTON_COLUMNS
            self.button_grid.addWidget(button, row, column)
            self.buttons.append(button)
            interval = self._packets[name].interval_ms
            if interval:
                toggle = self._button(
                    self.tr("⟳ every %1 ms").replace("%1", str(interval)),
                    f"panelRepeat{index}",
                    self.tr("Repeat %1 at its interval until clicked again").replace("%1", name),
                )
                toggle.setCheckable(True)
                toggle.setChecked(self._repeater.running(name))
                toggle.clicked.connect(lambda _checked=False, n=name: self.toggle_repeat(n))
                self.button_grid.addWidget(toggle, row + 1, column)
                self.repeat_toggles[name] = toggle
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

    def toggle_repeat(self, name: str) -> bool:
        """Start repeating packet ``name`` at its interval, or stop it; True if it runs."""
        packet = self._packets.get(name)
        if packet is None:
            return False
        if self._repeater.running(name):
            self._repeater.stop(name)
        else:
            refusal = self._repeater.start(self._target(), packet)
            if refusal:
                self.status.setText(refusal)
        self._sync_toggle(name)
        return self._repeater.running(name)

    def _sync_toggle(self, name: str) -> None:
        toggle = self.repeat_toggles.get(name)
        if toggle is not None:
            toggle.setChecked(self._repeater.running(name))

    @Slot(str, str)
    def _on_repeat_changed(self, name: str, message: str) -> None:
        self._sync_toggle(name)
        if message and name in self.repeat_toggles:
            self.status.setText(message)

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
        self._announce()

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
            self._announce()

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
