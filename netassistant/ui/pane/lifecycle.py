"""Lifecycle controls under a TCP pane's Connect / Start button (issue 10 §4).

A TCP client gets Half-close (shutdown(SHUT_WR): our FIN, we keep reading) and Abort
(RST), the same commands the server's client list offers per client. A TCP server gets
Pause accepting: the engine stops calling accept(), so new clients wait in the kernel's
accept queue up to the listen backlog, shown next to the toggle. UDP panes have none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.ui.widgets import decorate

if TYPE_CHECKING:
    from netassistant.ui.pane.pane import SessionPane


class LifecycleControls(QWidget):
    """Half-close / Abort (TCP client) or Pause accepting (TCP server).

    Attributes:
        kind: The pane's kind (TCP client or TCP server).
        half_close_button: TCP client: shutdown(SHUT_WR) (None for a server).
        abort_button: TCP client: reset with RST (None for a server).
        pause_button: TCP server: the checkable Pause accepting toggle (None for a client).
        backlog_label: TCP server: the listen backlog the kernel queues up to.

    Signals:
        half_close_requested(): the user asked for a half-close.
        abort_requested(): the user asked to reset the connection.
        accept_paused_changed(bool): the user paused (True) or resumed accepting.
    """

    half_close_requested = Signal()
    abort_requested = Signal()
    accept_paused_changed = Signal(bool)

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in (Kind.TCP_CLIENT, Kind.TCP_SERVER):
            raise ValueError(f"{kind.value} panes have no lifecycle controls")
        self.kind = kind
        self.setObjectName("lifecycleControls")
        self.half_close_button: QPushButton | None = None
        self.abort_button: QPushButton | None = None
        self.pause_button: QPushButton | None = None
        self.backlog_label: QLabel | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if kind is Kind.TCP_CLIENT:
            self._build_client(layout)
        else:
            self._build_server(layout)
        self.set_state(SessionState.IDLE)

    def _build_client(self, layout: QHBoxLayout) -> None:
        self.half_close_button = decorate(
            QPushButton(self.tr("Half-close")),
            "halfCloseButton",
            self.tr("Half-close"),
            self.tr(
                "shutdown(SHUT_WR): send FIN once queued data is written; the server sees "
                "the end of our data and we keep receiving"
            ),
        )
        self.abort_button = decorate(
            QPushButton(self.tr("Abort (RST)")),
            "abortButton",
            self.tr("Abort"),
            self.tr("Reset the connection with RST at once; queued data is discarded"),
        )
        self.half_close_button.clicked.connect(self.half_close_requested)
        self.abort_button.clicked.connect(self.abort_requested)
        layout.addWidget(self.half_close_button)
        layout.addWidget(self.abort_button)

    def _build_server(self, layout: QHBoxLayout) -> None:
        self.pause_button = decorate(
            QPushButton(self.tr("Pause accepting")),
            "pauseAccepting",
            self.tr("Pause accepting"),
            self.tr(
                "Stop calling accept(): new clients wait in the kernel's accept queue up to "
                "the listen backlog, and further ones are refused or time out"
            ),
        )
        self.pause_button.setCheckable(True)
        # The settings column's own words for the backlog (one translation for both).
        title = QLabel(QCoreApplication.translate("SettingsPanel", "Listen backlog") + ":")
        title.setObjectName("pauseBacklogTitle")
        self.backlog_label = QLabel()
        self.backlog_label.setObjectName("pauseBacklog")
        self.pause_button.toggled.connect(self._on_pause_toggled)
        # The backlog under the toggle: the column stays narrow (two panes side by side).
        backlog = QHBoxLayout()
        backlog.addWidget(title)
        backlog.addWidget(self.backlog_label, 1)
        column = QVBoxLayout()
        column.addWidget(self.pause_button)
        column.addLayout(backlog)
        layout.addLayout(column, 1)

    # ------------------------------------------------------------------ state
    def set_state(self, state: SessionState) -> None:
        """Enable what applies in ``state``; a new session starts accepting."""
        if self.kind is Kind.TCP_CLIENT:
            connected = state is SessionState.CONNECTED
            for button in (self.half_close_button, self.abort_button):
                if button is not None:
                    button.setEnabled(connected)
        elif self.pause_button is not None:
            listening = state is SessionState.LISTENING
            self.pause_button.setEnabled(listening)
            if not listening and self.pause_button.isChecked():
                self.pause_button.setChecked(False)

    def set_backlog(self, backlog: int) -> None:
        """Show the listen backlog next to the toggle (0: the system maximum)."""
        if self.backlog_label is None:
            return
        self.backlog_label.setText(str(backlog) if backlog else self.tr("system maximum"))

    @property
    def accept_paused(self) -> bool:
        """True while the user has paused accepting."""
        return self.pause_button is not None and self.pause_button.isChecked()

    @Slot(bool)
    def _on_pause_toggled(self, paused: bool) -> None:
        if self.pause_button is not None:
            self.pause_button.setText(
                self.tr("Resume accepting") if paused else self.tr("Pause accepting")
            )
        self.accept_paused_changed.emit(paused)


def attach_lifecycle(pane: SessionPane) -> LifecycleControls | None:
    """Give a TCP ``pane`` its lifecycle controls under the start button, wired up.

    Returns:
        The controls, or None for a UDP pane (it has none).
    """
    if pane.kind not in (Kind.TCP_CLIENT, Kind.TCP_SERVER):
        return None
    controls = LifecycleControls(pane.kind)
    pane.settings.add_below_start(controls)
    ctl = pane.controller
    controls.half_close_requested.connect(lambda: ctl.half_close())
    controls.abort_requested.connect(lambda: ctl.abort())
    ctl.state_changed.connect(controls.set_state)
    ctl.finished.connect(lambda: controls.set_state(SessionState.STOPPED))

    def pause(paused: bool) -> None:
        ctl.set_accept_paused(paused)
        pane.stats.set_accepting_paused(paused)

    controls.accept_paused_changed.connect(pause)
    backlog = pane.settings.backlog
    backlog.valueChanged.connect(controls.set_backlog)
    controls.set_backlog(backlog.value())
    return controls
