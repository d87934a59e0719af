"""The send side of a pane: send box, send options, quick-send presets, history, file send.

Every send goes through one path: a plain send when no option is set, otherwise a
:class:`SendPlan` run by the engine on its own timers (repeat, periodic, burst, split,
counter, checksum, framing). Progress comes back as the plan's status, read after every
batch the session delivers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from netassistant.core.codec import EncodeError, EscapeError, HexError
from netassistant.core.config import Kind
from netassistant.core.profiles.model import SendPreset
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.session import NotRunning, SessionController
from netassistant.ui.send.filesend import FileSendBox
from netassistant.ui.send.presetbar import PresetBar
from netassistant.ui.send.sendpanel import SendInputError, SendPanel, SendRequest
from netassistant.ui.send.sendtools import PlanError, SendToolsBox
from netassistant.ui.widgets import decorate, tool_button


class SendArea(QWidget):
    """Everything that sends, for one pane.

    Attributes:
        panel: The send box (text/hex input, target, Send button).
        tools: Send options (repeat, periodic, burst, split, counter, checksum, framing).
        presets: Quick-send buttons and the send history.
        files: File send with progress and cancel.
        packets_button: "Packets…": opens the packet library, beside the presets.

    Signals:
        packets_requested(): "Packets…" was clicked (the main window opens the library).
    """

    packets_requested = Signal()

    def __init__(
        self, kind: Kind, controller: SessionController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendArea")
        self.kind = kind
        self.controller = controller
        self.panel = SendPanel(kind)
        self.tools = SendToolsBox()
        self.presets = PresetBar()
        self.files = FileSendBox(kind)
        # A tool button: narrower than a push button, so two panes still fit side by side.
        self.packets_button = tool_button(
            "sendPackets",
            self.tr("Packets…"),
            self.tr("Open the packet library: saved packets to send into this pane (Ctrl+Shift+P)"),
        )
        self.presets.add_tool_button(self.packets_button)
        self._plan_id = 0
        self._file_id = 0
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        # The send options (``tools``) live in the pane's settings column, NetAssist-style,
        # so the send area stays narrow; they are still this area's to run.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.presets)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.files)
        # Replay a recorded session (ui/send/replay.py, loaded when first opened).
        self.replay_button = QPushButton(self.tr("Replay…"))
        decorate(
            self.replay_button,
            "replayButton",
            self.tr("Replay"),
            self.tr("Send one side of a recorded session again"),
        )
        row = QHBoxLayout()
        row.addWidget(self.replay_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._replay_dialog: QWidget | None = None

    def _connect_signals(self) -> None:
        self.panel.send_requested.connect(self.send)
        self.packets_button.clicked.connect(self.packets_requested)
        self.panel.empty_requested.connect(self._send_now)  # never a plan, never history
        self.tools.start_requested.connect(self._start_from_button)
        self.tools.stop_requested.connect(self._stop_plan)
        self.tools.interval_changed.connect(self._on_interval_changed)
        self.presets.preset_triggered.connect(self._send_preset)
        self.presets.history.history_chosen.connect(self._on_history_chosen)
        self.files.file_requested.connect(self._send_file)
        self.files.cancel_requested.connect(self._cancel_file)
        self.controller.plan_progress.connect(self._on_plan_progress)
        self.replay_button.clicked.connect(self.open_replay)
        if self.kind is Kind.RELAY:
            self.panel.toward.currentIndexChanged.connect(self._on_toward_changed)

    @Slot()
    def _on_toward_changed(self) -> None:
        self.controller.inject_toward = str(self.panel.toward.currentData())

    # ------------------------------------------------------------------ state
    def set_running(self, running: bool) -> None:
        """Enable sending while the session can send."""
        self.panel.set_running(running)
        self.tools.set_running(running)
        self.files.set_running(running)
        self.replay_button.setEnabled(running)

    def set_encoding(self, encoding: str) -> None:
        """The text encoding for typed text and presets."""
        self.panel.set_encoding(encoding)
        self._encoding = encoding

    @Slot()
    def open_replay(self) -> QWidget:
        """Show the replay dialog (made once, when first asked for)."""
        if self._replay_dialog is None:
            from netassistant.ui.send.replay import ReplayDialog

            self._replay_dialog = ReplayDialog(self.controller, self)
        self._replay_dialog.show()
        self._replay_dialog.raise_()
        return self._replay_dialog

    # --------------------------------------------------------------- sending
    @Slot(object)
    def send(self, request: SendRequest) -> None:
        """Send what the send box built: at once, or as a plan when options are set."""
        if not self.controller.running:
            self.panel.show_error(self.tr("the session is not running; nothing was sent"))
            return
        if self.kind is Kind.TCP_SERVER and not self.controller.stats.clients:
            self.panel.show_error(self.tr("no client is connected; nothing was sent"))
            return
        if self.tools.is_plain():
            self._send_now(request)
        else:
            self._start_plan(request)
            if self.tools.plan_running():
                self.presets.history.add(self.panel.input_text(), self.panel.mode())
            return
        self.presets.history.add(self.panel.input_text(), self.panel.mode())

    def _send_now(self, request: SendRequest) -> None:
        ctl = self.controller
        if self.kind is Kind.UDP:
            if request.reply:
                ctl.reply(request.data)
            else:
                ctl.send_to(request.data, request.udp_host, request.udp_port)
        elif self.kind in (Kind.TCP_SERVER, Kind.RELAY):
            ctl.send(request.data, request.conn_id)
        else:
            ctl.send(request.data)

    def _start_plan(self, request: SendRequest) -> None:
        try:
            plan = self.tools.make_plan(request.data, request.target())
            self._plan_id = self.controller.start_plan(plan)
        except PlanError as exc:
            self.tools.show_error(str(exc))
            return
        except NotRunning:
            self.panel.show_error(self.tr("the session is not running; nothing was sent"))
            return
        self.tools.clear_error()
        self.tools.set_plan_running(True)

    @Slot()
    def _start_from_button(self) -> None:
        try:
            request = self.panel.build_request()
        except SendInputError as exc:
            self.panel.show_error(str(exc))
            return
        if self.controller.running:
            self._start_plan(request)

    @Slot()
    def _stop_plan(self) -> None:
        if self._plan_id:
            self.controller.cancel_plan(self._plan_id)

    @Slot(int)
    def _on_interval_changed(self, interval_ms: int) -> None:
        if self._plan_id:
            self.controller.set_plan_interval(self._plan_id, interval_ms)

    @Slot(object)
    def _send_preset(self, preset: SendPreset) -> None:
        try:
            # The preset's own mode, escapes and encoding: what it was typed as.
            data = preset.payload()
        except (HexError, EscapeError, EncodeError) as exc:
            self.panel.show_error(tr_error(exc))
            return
        try:
            request = self.panel.build_target(data)
        except SendInputError as exc:
            self.panel.show_error(str(exc))
            return
        self.send(request)

    @Slot(str, str)
    def _on_history_chosen(self, text: str, mode: str) -> None:
        self.panel.set_mode(mode, convert=False)
        self.panel.set_input_text(text)

    # ------------------------------------------------------------------ files
    @Slot(str, int)
    def _send_file(self, path: str, piece_size: int) -> None:
        if not self.controller.running:
            self.files.show_error(self.tr("the session is not running; nothing was sent"))
            return
        try:
            target = self.panel.build_target(b"")
        except SendInputError as exc:
            self.files.show_error(str(exc))
            return
        udp = self.kind is Kind.UDP
        try:
            self._file_id = self.controller.send_file(
                path,
                target.conn_id,
                chunk_size=65536 if udp else piece_size,
                datagram_size=piece_size if udp else 1400,
                udp_host=target.udp_host,
                udp_port=target.udp_port,
                reply=target.reply,
            )
        except NotRunning:
            self.files.show_error(self.tr("the session is not running; nothing was sent"))
            return
        self.files.set_sending(True)

    @Slot()
    def _cancel_file(self) -> None:
        if self._file_id:
            self.controller.cancel_plan(self._file_id)

    # --------------------------------------------------------------- progress
    @Slot(int, int, int, str, str)
    def _on_plan_progress(
        self, plan_id: int, sent: int, total: int, state: str, message: str
    ) -> None:
        """Progress of our plan or file send, from its SEND_PROGRESS events."""
        for our_id, on_progress, done in (
            (self._plan_id, self.tools.on_plan_progress, self._plan_done),
            (self._file_id, self.files.on_progress, self._file_done),
        ):
            if plan_id != our_id:
                continue
            if state == "running" or sent or total:
                on_progress(sent, total)
            if state != "running":
                done(tr_core(message))

    def _plan_done(self, message: str) -> None:
        self._plan_id = 0
        self.tools.set_plan_running(False)
        if message:
            self.tools.show_state(message)

    def _file_done(self, message: str) -> None:
        self._file_id = 0
        self.files.set_sending(False)
        if message:
            self.files.show_status(message)

    # --------------------------------------------------------------- settings
    def settings(self) -> dict[str, Any]:
        """Send-side settings for a profile (send box, options, history)."""
        return {
            **self.panel.settings(),
            **self.tools.settings(),
            "history": self.presets.history.items(),
        }

    def apply_settings(self, settings: dict[str, Any]) -> None:
        """Show saved send-side settings (unknown keys are ignored)."""
        self.panel.apply_settings(settings)
        self.tools.apply_settings(settings)
        history = settings.get("history")
        if isinstance(history, list):
            self.presets.history.set_items(history)

    def set_presets(self, presets: list[SendPreset]) -> None:
        """The pane's quick-send buttons."""
        self.presets.set_presets(presets)
