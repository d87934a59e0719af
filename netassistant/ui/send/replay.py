"""ReplayDialog: send one side of a recorded session again (JSONL log or pcap).

The dialog chooses the file, the side (the chunks this side sent, ``tx``, or received,
``rx``), an optional peer, and the speed; the recording is checked whole on a helper
thread (:func:`netassistant.core.replayfile.scan`: the GUI thread never reads a file that
could be huge), then the session's engine replays it on its own timers, one send per
recorded chunk. Progress is the session's ``plan_progress`` for the replay's id.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.replayfile import (
    MAX_SPEED,
    MIN_SPEED,
    ReplayError,
    ReplaySource,
    ReplaySummary,
    scan,
)
from netassistant.qt.coremessages import tr_core
from netassistant.qt.session import NotRunning, SessionController
from netassistant.ui.widgets import ErrorLabel, decorate


class _Scanner(QObject):
    """Checks a recording on a helper thread; ``done`` arrives on the GUI thread."""

    done = Signal(object, object)  # (ReplaySource, ReplaySummary or the error message)

    def start(self, source: ReplaySource) -> None:
        def work() -> None:
            try:
                result: object = scan(source)
            except ReplayError as exc:
                result = exc.args[0]
            self.done.emit(source, result)

        threading.Thread(target=work, name="replay-scan", daemon=True).start()


class ReplayDialog(QDialog):
    """Choose a recording, a side and a speed; replay it into the running session."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayDialog")
        self.setWindowTitle(self.tr("Replay a recording"))
        self.controller = controller
        self.replay_id = 0
        self._scanner = _Scanner(self)
        self._build()
        self._scanner.done.connect(self._on_scanned)
        self.controller.plan_progress.connect(self._on_progress)

    def _build(self) -> None:
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("a JSONL log (--json, capture) or a pcap file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.side = QComboBox()
        self.side.addItem(self.tr("what this side sent (tx)"), "tx")
        self.side.addItem(self.tr("what this side received (rx)"), "rx")
        self.peer = QLineEdit()
        self.peer.setPlaceholderText(self.tr("all peers (or host:port)"))
        self.speed = QDoubleSpinBox()
        self.speed.setRange(MIN_SPEED, MAX_SPEED)
        self.speed.setDecimals(1)
        self.speed.setValue(1.0)
        self.speed.setSuffix(self.tr(" ×"))
        self.fastest = QCheckBox(self.tr("as fast as possible"))
        self.fastest.toggled.connect(lambda on: self.speed.setEnabled(not on))
        speed_row = QHBoxLayout()
        speed_row.addWidget(self.speed)
        speed_row.addWidget(self.fastest, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names are user data
        self.status.setWordWrap(True)
        self.error = ErrorLabel("replayError")
        self.start_button = QPushButton(self.tr("Start replay"))
        self.cancel_button = QPushButton(self.tr("Cancel replay"))
        self.cancel_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self.start_replay)
        self.cancel_button.clicked.connect(self._cancel)

        form = QFormLayout()
        form.addRow(self.tr("Recording"), file_row)
        form.addRow(self.tr("Side"), self.side)
        form.addRow(self.tr("Peer"), self.peer)
        form.addRow(self.tr("Speed"), speed_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        decorate(
            self.speed,
            "replaySpeed",
            self.tr("Replay speed"),
            self.tr("1 × keeps the recorded timing; 10 × is ten times faster (0.1 × .. 100 ×)"),
        )
        decorate(
            self.side,
            "replaySide",
            self.tr("Side to replay"),
            self.tr("Whose chunks are sent again, one send per recorded chunk"),
        )
        self.resize(560, self.sizeHint().height())

    def source(self) -> ReplaySource:
        """The replay as chosen in the fields."""
        speed = 0.0 if self.fastest.isChecked() else round(self.speed.value(), 1)
        return ReplaySource(
            self.path.text().strip(), self.side.currentData(), self.peer.text().strip(), speed
        )

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a recording"),
            "",
            self.tr("Recordings (*.jsonl *.json *.pcap *.log);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    @Slot()
    def start_replay(self) -> None:
        """Check the recording (on a helper thread), then replay it."""
        self.error.clear_message()
        if not self.controller.running:
            self.error.show_message(self.tr("the session is not running; nothing was sent"))
            return
        if not self.source().path:
            self.error.show_message(self.tr("choose a recording first"))
            return
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("checking the recording…"))
        self._scanner.start(self.source())

    @Slot(object, object)
    def _on_scanned(self, source: ReplaySource, result: object) -> None:
        if not isinstance(result, ReplaySummary):
            self.start_button.setEnabled(True)
            self.status.clear()
            self.error.show_message(tr_core(result if isinstance(result, str) else repr(result)))
            return
        try:
            self.replay_id = self.controller.start_replay(source, result.count)
        except NotRunning:
            self.start_button.setEnabled(True)
            self.error.show_message(self.tr("the session is not running; nothing was sent"))
            return
        self.progress.setRange(0, result.count)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(
            self.tr("replaying %1 chunks (%2 bytes)")
            .replace("%1", str(result.count))
            .replace("%2", str(result.total_bytes))
        )

    @Slot()
    def _cancel(self) -> None:
        if self.replay_id:
            self.controller.cancel_plan(self.replay_id)

    @Slot(int, int, int, str, str)
    def _on_progress(self, plan_id: int, sent: int, total: int, state: str, message: str) -> None:
        if plan_id != self.replay_id or not plan_id:
            return
        self.progress.setValue(min(sent, self.progress.maximum()))
        self.status.setText(tr_core(message))
        if state != "running":
            self.replay_id = 0
            self.start_button.setEnabled(True)
            self.cancel_button.setEnabled(False)
