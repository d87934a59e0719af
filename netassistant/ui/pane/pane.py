"""SessionPane: one TCP server, TCP client or UDP session, composed of shared parts.

The three kinds differ only in their settings rows and in who a send goes to;
everything else (receive view, send panel, status line) is the same class.

Over 400 lines because it is the one place the parts are wired together (signals,
profiles, framing config, save log); each part's own logic lives in its module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from netassistant.core.capture import CaptureError
from netassistant.core.chunk import ConnEvent
from netassistant.core.config import ConfigError, Family, Kind, SessionConfig
from netassistant.core.profiles.model import Profile
from netassistant.core.stats import SessionState
from netassistant.qt.coremessages import tr_core, tr_error
from netassistant.qt.kernelstate import log_records
from netassistant.qt.models.builtinnames import shown_text
from netassistant.qt.session import SessionController
from netassistant.ui.pane.clientlist import ClientList
from netassistant.ui.pane.lifecycle import attach_lifecycle
from netassistant.ui.pane.settingspanel import SettingsPanel
from netassistant.ui.pane.socketstate import SocketStatePanel
from netassistant.ui.pane.statsbar import StatsBar
from netassistant.ui.pane.tlsstatus import TlsStatus
from netassistant.ui.pane.toolsections import ToolSections
from netassistant.ui.receive.loglimits import LogLimitsBox
from netassistant.ui.receive.receiveview import ReceiveView
from netassistant.ui.receive.savelog import ask_keep_recording, ask_save_path
from netassistant.ui.send.sendarea import SendArea
from netassistant.ui.timeline.panehook import TimelineHook

if TYPE_CHECKING:
    from netassistant.qt.decodepipeline import DecodePipeline
    from netassistant.ui.automation.capturebox import CaptureBox
    from netassistant.ui.automation.rulesbox import ReplyRulesBox
    from netassistant.ui.decode.framingbox import FramingBox
    from netassistant.ui.decode.messageview import MessageView

_ACTIVE = (SessionState.LISTENING, SessionState.CONNECTED)
#: The framing of a new framing box (spec text, checksum, byte order): none.
NO_FRAMING = ("", None, None)


class SessionPane(QWidget):
    """A NetAssist-like pane: settings column | receive view over send panel | status line.

    Attributes:
        kind: The session kind of this pane.
        controller: The GUI-thread handle on the session.
        settings: The settings column.
        receive: The receive view.
        send_panel: The send panel.
        stats: The status line.
        clients: The client list (TCP server panes only, else None).
        timeline: The Timeline toggle and (once shown) view.
        framing: The framing and checksum box ("the cure"), in the settings column.
        auto_reply: The reply rules box.
        capture: The capture box (receive to file, record the log).

    Signals:
        title_changed(str): the tab title should change.
        started(): the user started the session (for the recent-sessions list).
    """

    title_changed = Signal(str)
    started = Signal()

    def __init__(
        self, kind: Kind, parent: QWidget | None = None, *, defer_tools: bool = False
    ) -> None:
        """Build the pane.

        Args:
            kind: The session kind.
            parent: Parent widget.
            defer_tools: Leave the framing, reply rules and capture boxes (at the foot of
                the settings column, below what a window shows at first) to
                :meth:`finish_building`: a window's first panes, made before it is shown.
                Asking for one of them makes them at once.
        """
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"pane-{kind.value}")
        self.controller = SessionController(self)
        self.settings = SettingsPanel(kind)
        self.receive = ReceiveView()
        self.send_area = SendArea(kind, self.controller)
        self.send_panel = self.send_area.panel
        self.stats = StatsBar()
        self.clients = ClientList() if kind in (Kind.TCP_SERVER, Kind.RELAY) else None
        tls_kinds = (Kind.TCP_CLIENT, Kind.TCP_SERVER, Kind.RELAY)
        self.tls_status = TlsStatus() if kind in tls_kinds else None
        self.socket_state = (
            SocketStatePanel(kind) if kind in (Kind.TCP_CLIENT, Kind.TCP_SERVER) else None
        )
        self.log_limits = LogLimitsBox()
        self._stats_dirty = False
        self._dropped = (0, 0)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(100)
        self._clients_timer = QTimer(self)
        self._clients_timer.setSingleShot(True)
        self._clients_timer.setInterval(250)
        # The session's byte counts at the last refresh (None: refresh at the next tick).
        self._client_bytes: tuple[int, int] | None = None
        # A pane starts without framing, its message view hidden: both are made the first
        # time they are asked for (see the decode and messages properties).
        self._decode: DecodePipeline | None = None
        self._messages: MessageView | None = None
        self._tools: tuple[FramingBox, ReplyRulesBox, CaptureBox] | None = None
        self.sections = ToolSections(self)  # generator, templates, rate graph (built lazily)
        self.multicast = None
        if kind is Kind.UDP:
            from netassistant.ui.pane.multicastbox import MulticastBox

            self.multicast = MulticastBox(self.controller)
        #: The profile this pane was opened from or saved as ("" if none).
        self.profile_name = ""
        self.description = ""
        self._build()
        self._connect_signals()
        #: Half-close/Abort (client) or Pause accepting (server); None for UDP.
        self.lifecycle = attach_lifecycle(self)
        # The Timeline toggle; the view itself is made the first time it is shown.
        self.timeline = TimelineHook(self)
        self._on_encoding_changed()
        self._on_display_changed()
        self._sync_udp_target()
        self._on_state_changed(SessionState.IDLE)
        if not defer_tools:
            self.finish_building()

    def finish_building(self) -> None:
        """Make the framing, reply rules and capture boxes, if they are not made yet.

        A window's first panes are made without them (``defer_tools``) and finished once
        the window has been painted: with their modules, ~7 ms of the first window's start,
        for boxes below what the settings column shows at first.
        """
        if self._tools is not None:
            return
        from netassistant.ui.automation.capturebox import CaptureBox
        from netassistant.ui.automation.rulesbox import ReplyRulesBox
        from netassistant.ui.decode.framingbox import FramingBox

        framing = FramingBox()
        rules = ReplyRulesBox()
        capture = CaptureBox(self.controller, udp=self.kind is Kind.UDP)
        self._tools = (framing, rules, capture)
        at = self.left_layout.indexOf(self.log_limits)  # the boxes go just above it
        for offset, box in enumerate(self._tools):
            self.left_layout.insertWidget(at + offset, box)
        framing.changed.connect(self._on_framing_changed)
        rules.changed.connect(self._on_auto_reply_changed)
        self._tools_follow(self.settings.encoding.currentText())

    def _made_tools(self) -> tuple[FramingBox, ReplyRulesBox, CaptureBox]:
        if self._tools is None:
            self.finish_building()
        assert self._tools is not None
        return self._tools

    @property
    def framing(self) -> FramingBox:
        """The framing and checksum box (made now if it was left for later)."""
        return self._made_tools()[0]

    @property
    def auto_reply(self) -> ReplyRulesBox:
        """The reply rules box (made now if it was left for later)."""
        return self._made_tools()[1]

    @property
    def capture(self) -> CaptureBox:
        """The capture box (made now if it was left for later)."""
        return self._made_tools()[2]

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        left = QWidget()
        #: The settings column's layout (a pane of one kind may add its own boxes).
        self.left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.settings)
        if self.socket_state is not None:
            left_layout.addWidget(self.socket_state)
        if self.multicast is not None:
            left_layout.addWidget(self.multicast)
        left_layout.addWidget(self.send_area.tools)
        for section in self.sections.sections():
            left_layout.addWidget(section)
        # The framing, reply rules and capture boxes go here (finish_building).
        left_layout.addWidget(self.log_limits)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        # Narrower than its content if need be (it scrolls): two panes fit side by side.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setMinimumWidth(180)
        scroll.setObjectName("settingsScroll")

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("paneSplitter")
        # Raw chunks on the left, the decoded messages (the cure) on the right.
        self.receive_split = QSplitter(Qt.Orientation.Horizontal)
        self.receive_split.setObjectName("receiveMessagesSplitter")
        self.receive_split.addWidget(self.receive)
        self.receive_split.setStretchFactor(0, 3)
        right.addWidget(self.receive_split)
        if self.clients is not None:
            right.addWidget(self.clients)
        right.addWidget(self.send_area)
        right.setChildrenCollapsible(False)
        # Most of the height for what arrives; the send box and client list stay compact.
        sizes = [560, 130, 170] if self.clients is not None else [620, 180]
        right.setSizes(sizes)
        for index in range(right.count()):
            right.setStretchFactor(index, 4 if index == 0 else 1)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("bodySplitter")
        body.addWidget(scroll)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        # The settings column may be dragged shut to give the log the width (side by side).
        body.setCollapsible(0, True)
        body.setCollapsible(1, False)
        self.splitters = (body, right)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(body, 1)
        if self.tls_status is not None:
            layout.addWidget(self.tls_status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.stats, 1)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        ctl = self.controller
        ctl.events_received.connect(self._append_to_log)
        if self.socket_state is not None:
            ctl.events_received.connect(self.socket_state.store.apply_events)
            self.socket_state.wire_toggled.connect(ctl.set_wire)
        ctl.auto_reply_paused.connect(self._on_auto_reply_paused)
        ctl.tap_failed.connect(self._on_tap_failed)
        self.receive.display_combo.currentIndexChanged.connect(self._on_display_changed)
        ctl.stats_changed.connect(self._on_stats_changed)
        self._clients_timer.timeout.connect(self._refresh_client_counters)
        self._stats_timer.timeout.connect(self._flush_stats)
        ctl.client_events.connect(self._on_client_events)
        ctl.clients_changed.connect(self._on_clients_changed)
        ctl.state_changed.connect(self._on_state_changed)
        if self.tls_status is not None:
            ctl.tls_handshake.connect(self.tls_status.show_handshake)
        ctl.finished.connect(self._on_finished)
        self.settings.start_stop_clicked.connect(self.toggle)
        self.settings.live_option_changed.connect(self._on_live_option)
        self.settings.encoding.currentTextChanged.connect(self._on_encoding_changed)
        if self.kind is Kind.UDP:
            self.settings.remote_host.textChanged.connect(self._sync_udp_target)
            self.settings.remote_port.valueChanged.connect(self._sync_udp_target)
        self.stats.reset_requested.connect(ctl.reset_counters)
        self.stats.reset_requested.connect(self._forget_client_bytes)
        self.receive.dropped_changed.connect(self._on_dropped)
        self.receive.save_requested.connect(self._on_save_log)
        self.log_limits.limits_changed.connect(self.receive.model.set_limits)
        if self.clients is not None:
            self.clients.disconnect_requested.connect(ctl.close_connection)
            self.clients.half_close_requested.connect(ctl.half_close)
            self.clients.abort_requested.connect(ctl.abort)
            self.clients.selection_changed.connect(self._on_client_selected)
            ctl.events_received.connect(self.clients.model.apply_kernel_states)
        self._clear_shortcut = clear = QShortcut(QKeySequence("Ctrl+L"), self)
        clear.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear.activated.connect(self.receive.clear)

    # --------------------------------------------------------- decoded messages
    @property
    def decode(self) -> DecodePipeline:
        """The pane's message decoding, made the first time it is asked for.

        Until then the pane has neither framing nor checksum, so the controller sends no
        decoded batches (a pipeline made now would ignore them anyway, being disabled).
        """
        if self._decode is None:
            from netassistant.qt.decodepipeline import DecodePipeline

            self._decode = DecodePipeline(self.controller, self)
            # Decoded in the engine thread from every batch, also while the view is paused.
            self.controller.decoded_received.connect(self._decode.feed)
        return self._decode

    @property
    def messages(self) -> MessageView:
        """The decoded messages beside the receive log, made the first time it is asked for.

        Hidden while no framing is chosen; it takes the pane's display mode and encoding
        when it is made, and follows them from then on.
        """
        if self._messages is None:
            from netassistant.ui.decode.messageview import MessageView

            view = self._messages = MessageView(self.decode)
            view.setVisible(False)
            self.receive_split.addWidget(view)
            self.receive_split.setStretchFactor(1, 2)
            self.receive_split.setSizes([600, 400])
            view.message_selected.connect(self._on_message_selected)
            self.receive.clear_button.clicked.connect(view.clear)
            self._clear_shortcut.activated.connect(view.clear)
            view.set_display_mode(self.receive.display_combo.currentData())
            view.set_encoding(self.settings.encoding.currentText())
        return self._messages

    # ----------------------------------------------------------------- actions
    @Slot()
    def toggle(self) -> None:
        """Start the session, or stop it (a client disconnects gracefully)."""
        if self.controller.running:
            if self.kind is Kind.TCP_CLIENT and self.controller.state is SessionState.CONNECTED:
                self.controller.close_connection()
            else:
                self.controller.stop()
            return
        self.start()

    def start(self) -> bool:
        """Start with the current settings; False (and an inline message) if they are bad."""
        if self.controller.running:
            return True
        try:
            config = self.config()
        except ConfigError:
            return False
        self.settings.clear_error()
        if self.socket_state is not None:
            self.socket_state.clear()
            config = config.replace(wire=self.socket_state.wire.isChecked())
        self.controller.start(config)
        self.receive.prepare_to_draw()
        self.settings.set_running(True)
        self.started.emit()
        return True

    def config(self, *, show_errors: bool = True) -> SessionConfig:
        """The pane's current settings (validated), framing and checksum included.

        The framing box has its own controls, but what it chose lives in the config
        (``framing``, ``checksum``, ``checksum_order``): one home, saved in profiles.

        Raises:
            ConfigError: naming the bad field (also shown inline if ``show_errors``).
        """
        tools = self._tools
        framing, checksum, order = NO_FRAMING if tools is None else tools[0].current_config()
        return self.settings.config(
            show_errors=show_errors,
            framing=framing,
            checksum=checksum or "",
            checksum_order=order or "",
        )

    # ---------------------------------------------------------------- profiles
    def profile(self, name: str, description: str = "") -> Profile:
        """The pane's whole setup as a profile (configuration, not traffic).

        Raises:
            ConfigError: the settings are invalid (also shown inline).
        """
        return Profile(
            name=name,
            config=self.config(),
            description=description or self.description,
            send_presets=self.send_area.presets.presets(),
            view=dict(self.receive.settings()),
            send={**self.send_area.settings(), "reply_rules": self.auto_reply.settings()},
            templates=self.sections.templates_data(),
        )

    def apply_profile(self, profile: Profile) -> None:
        """Show ``profile``'s settings in this pane (its kind must be the pane's kind)."""
        if profile.config.kind is not self.kind:
            raise ValueError(
                f"a {profile.config.kind.value} profile cannot open in a {self.kind.value} pane"
            )
        self.settings.set_config(profile.config)
        self.receive.apply_settings(profile.view)
        config = profile.config
        self.framing.apply_settings(
            {
                "frame": config.framing,
                "checksum": config.checksum or None,
                "checksum_order": config.checksum_order or None,
            }
        )
        self.log_limits.set_limits(self.receive.model.max_rows, self.receive.model.max_bytes)
        self.send_area.apply_settings(profile.send)
        self.send_area.set_presets(list(profile.send_presets))
        self.sections.load_templates(profile.templates)
        reply_rules = profile.send.get("reply_rules")
        if isinstance(reply_rules, dict):
            self.auto_reply.apply_settings(reply_rules)
        self.description = profile.description
        self.profile_name = str(profile.view.get("profile", profile.name))
        self._sync_udp_target()
        self.title_changed.emit(self.title())

    def shutdown(self) -> bool:
        """Stop the session and wait for its thread (closing the pane or the window)."""
        ended = self.controller.shutdown()
        if self._tools is not None:
            self._tools[2].stop_all()
        return ended

    # ---------------------------------------------------------------- updates
    @Slot()
    def _on_stats_changed(self) -> None:
        # Text layout of the labels is real work under a flood: at most 10 updates a second,
        # the first at once and the last one always shown.
        if self._stats_timer.isActive():
            self._stats_dirty = True
        else:
            self.stats.update_stats(self.controller.stats)
            self._stats_dirty = False
            self._stats_timer.start()
        if self.clients is not None and not self._clients_timer.isActive():
            self._clients_timer.start()  # per-client byte counts, at most 4 times a second

    @Slot()
    def _flush_stats(self) -> None:
        if self._stats_dirty:
            self._stats_dirty = False
            self.stats.update_stats(self.controller.stats)
            self.stats.set_dropped(*self._dropped)
            self._stats_timer.start()

    @Slot("qint64", "qint64")
    def _on_dropped(self, rows: int, nbytes: int) -> None:
        self._dropped = (rows, nbytes)
        if self._stats_timer.isActive():
            self._stats_dirty = True
        else:
            self.stats.set_dropped(rows, nbytes)

    @Slot()
    def _refresh_client_counters(self) -> None:
        # Comparing every client's counters is O(clients): skip it while no byte moved
        # (10,000 clients connecting send nothing; the batches' events list them).
        stats = self.controller.stats
        moved = (stats.rx_bytes, stats.tx_bytes)
        if self.clients is not None and moved != self._client_bytes:
            self._client_bytes = moved
            self.clients.update_clients(stats.clients)

    @Slot()
    def _forget_client_bytes(self) -> None:
        self._client_bytes = None

    @Slot(object)
    def _on_client_events(self, events: list[ConnEvent]) -> None:
        # A batch's comings and goings as one insert and one remove, not a rebuild.
        if self.clients is not None:
            self.clients.apply_events(events)
        self.send_panel.apply_client_events(events)
        self.receive.apply_connection_events(events)

    @Slot()
    def _on_clients_changed(self) -> None:
        # After a batch, _on_client_events has already followed it; the table is rebuilt
        # only when it was emptied at a start or stop (no batch events say so).
        clients = self.controller.stats.clients
        count = len(clients)
        in_sync = self.receive.listed_connections() == count
        if self.kind in (Kind.TCP_SERVER, Kind.RELAY):
            in_sync &= self.send_panel.listed_clients() == count
        if not in_sync:
            listing = [(cid, info.peer) for cid, info in sorted(clients.items())]
            self.send_panel.set_clients(listing)
            self.receive.set_connections(listing)
        if self.clients is not None and self.clients.model.rowCount() != count:
            self.clients.update_clients(clients)

    def save_log(self, path: str, fmt: str, *, keep_recording: bool = False) -> int | None:
        """Save what the receive log holds to ``path``; then, if asked, keep recording.

        Returns:
            The number of records saved, or None (the problem is on the status line).
        """
        try:
            count = self.receive.save_log(path, fmt, udp=self.kind is Kind.UDP)
        except CaptureError as exc:
            self.stats.show_message(tr_error(exc))
            return None
        if keep_recording:
            self.capture.start_log(path=path, fmt=fmt)
        return count

    @Slot()
    def _on_save_log(self) -> None:
        choice = ask_save_path(self)
        if choice is None:
            return
        count = self.save_log(choice.path, choice.fmt)
        if count is not None and ask_keep_recording(self, count, choice.path):
            self.capture.start_log(path=choice.path, fmt=choice.fmt)

    @Slot(object)
    def _append_to_log(self, events: list[Any]) -> None:
        # STATE and SEGMENT records go to the Socket state panel and the timeline only.
        self.receive.append_events(log_records(events))

    @Slot(object)
    def _on_client_selected(self, conn_id: Any) -> None:
        if conn_id is not None:
            self.send_panel.select_client(conn_id)
        if self.socket_state is not None:
            self.socket_state.select_connection(conn_id)
            if conn_id is not None:
                self.controller.focus_kernel_state([conn_id])

    @Slot(object)
    def _on_state_changed(self, state: SessionState) -> None:
        ctl = self.controller
        self.stats.update_stats(ctl.stats)
        if self.tls_status is not None:
            self.tls_status.follow_state(state, ctl.config)
        self.send_area.set_running(state in _ACTIVE)
        if self.multicast is not None:
            self.multicast.set_running(state in _ACTIVE)
        config = ctl.config
        if state is SessionState.LISTENING and config and config.family is not Family.UNIX:
            self.settings.set_bound_port(ctl.local_port)
        if state is SessionState.FAILED and ctl.stats.last_error:
            self.settings.show_error(tr_core(ctl.stats.last_error))
        self.title_changed.emit(self.title())

    @Slot()
    def _on_finished(self) -> None:
        self.settings.set_running(False)
        self.send_area.set_running(False)
        self.title_changed.emit(self.title())

    @Slot(str, object)
    def _on_live_option(self, name: str, value: Any) -> None:
        if not self.controller.running:
            return
        if name == "recv_size":
            self.controller.set_recv_size(int(value))
        elif name == "read_delay_ms":
            self.controller.set_read_delay(int(value))
        elif name == "nodelay":
            self.controller.set_nodelay(bool(value))

    @Slot()
    def _sync_udp_target(self) -> None:
        """The UDP send target follows the settings' remote (and can be changed while running)."""
        if self.kind is Kind.UDP:
            self.send_panel.set_udp_target(
                self.settings.remote_host.text().strip(), self.settings.remote_port.value()
            )

    @Slot()
    def _on_framing_changed(self) -> None:
        spec = self.framing.spec_text()
        checksum, order = self.framing.checksum()
        self.decode.configure(spec, checksum, order)
        self.messages.setVisible(self.decode.enabled)

    @Slot()
    def _on_auto_reply_changed(self) -> None:
        self.controller.set_auto_reply(self.auto_reply.rule())

    @Slot(str)
    def _on_auto_reply_paused(self, message: str) -> None:
        self.auto_reply.show_status(tr_core(message))

    @Slot(str)
    def _on_tap_failed(self, message: str) -> None:
        self.stats.show_message(
            self.tr("internal error in a capture or auto-reply: %1").replace("%1", message)
        )

    @Slot(object)
    def _on_message_selected(self, item: Any) -> None:
        if item is not None and item.spans:
            self.receive.select_seq(item.spans[0].chunk_seq)

    @Slot()
    def _on_display_changed(self) -> None:
        if self._messages is not None:
            self._messages.set_display_mode(self.receive.display_combo.currentData())

    @Slot()
    def _on_encoding_changed(self) -> None:
        encoding = self.settings.encoding.currentText()
        if self._messages is not None:
            self._messages.set_encoding(encoding)
        self._tools_follow(encoding)
        self.send_area.presets.set_encoding(encoding)
        self.receive.set_encoding(encoding)
        self.send_area.set_encoding(encoding)

    def _tools_follow(self, encoding: str) -> None:
        """The reply rules and capture boxes use ``encoding`` (if they are made)."""
        if self._tools is not None:
            self._tools[1].set_encoding(encoding)
            self._tools[2].set_encoding(encoding)

    def snapshot(self) -> Profile | None:
        """The pane as a profile for the recent list and restore (None: invalid settings)."""
        try:
            snapshot = self.profile(self.profile_name or self.base_title())
        except ConfigError:
            return None
        # Whether the pane carried a profile's name, so a restored pane titles itself the same.
        snapshot.view["profile"] = self.profile_name
        return snapshot

    def base_title(self) -> str:
        """The title without the running mark."""
        return self.title().removeprefix("● ")

    def title(self) -> str:
        """Tab title: kind and address, with a dot while running."""
        names = {
            Kind.TCP_SERVER: self.tr("TCP server"),
            Kind.TCP_CLIENT: self.tr("TCP client"),
            Kind.UDP: self.tr("UDP"),
            Kind.RELAY: self.tr("Relay"),
        }
        try:
            where = self.config(show_errors=False).describe().split(" ", 1)[1]
        except ConfigError:
            where = ""
        mark = "● " if self.controller.running else ""
        if self.profile_name:
            return f"{mark}{shown_text(self.profile_name)}"
        return f"{mark}{names[self.kind]} {where}".strip()
