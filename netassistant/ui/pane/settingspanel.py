"""The settings column of a pane: family, addresses, ports, socket options, start/stop.

One class serves all three kinds; the kind decides which rows are shown (a server
has no remote, a client no backlog, only UDP has broadcast and multicast).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netassistant.core.codec import ENCODINGS
from netassistant.core.config import (
    MAX_RECV_SIZE,
    ConfigError,
    Family,
    Kind,
    SessionConfig,
    default_config,
)
from netassistant.qt.coremessages import tr_core
from netassistant.ui.pane.tlsbox import TlsBox
from netassistant.ui.widgets import RangeSpinBox, decorate, select_data, with_note

_DEFAULT_HOSTS = {
    Family.INET: ["127.0.0.1", "0.0.0.0"],
    Family.INET6: ["::1", "::"],
    Family.UNIX: [],
}


def interface_addresses(family: Family) -> list[str]:
    """This machine's addresses for ``family``, loopback and wildcard first."""
    hosts = list(_DEFAULT_HOSTS[family])
    if family is Family.UNIX:
        return hosts
    for text in _machine_addresses(family):
        if text not in hosts:
            hosts.append(text)
    return hosts


def _machine_addresses(family: Family) -> list[str]:
    """The addresses of the interfaces that are up, as ``QNetworkInterface`` lists them.

    Read from netlink where it answers (Linux): QtNetwork is loaded only elsewhere.
    """
    from _socket import AF_INET, AF_INET6  # not socket: see netassistant.core.localaddresses

    from netassistant.core.localaddresses import local_addresses

    listed = local_addresses()
    if listed is not None:
        wanted = AF_INET if family is Family.INET else AF_INET6
        return [text for af, text in listed if af == wanted]
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    protocol = (
        QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
        if family is Family.INET
        else QAbstractSocket.NetworkLayerProtocol.IPv6Protocol
    )
    return [a.toString() for a in QNetworkInterface.allAddresses() if a.protocol() == protocol]


class SettingsPanel(QWidget):
    """Session settings for one pane, and its start/stop button.

    Attributes:
        kind: The pane's session kind (fixed for the pane's life).

    Signals:
        start_stop_clicked(): the user wants to start (or stop) the session.
        live_option_changed(str, object): an option that applies while running changed
            ("recv_size", "read_delay_ms" or "nodelay", with its new value).
    """

    start_stop_clicked = Signal()
    live_option_changed = Signal(str, object)

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._running = False
        self._build()
        self._connect_signals()
        self.set_config(default_config(kind))

    # ------------------------------------------------------------------ layout
    def _noted(self, spin: RangeSpinBox) -> QWidget:
        """``spin`` with its inline out-of-range note under it (see :func:`with_note`)."""
        box = self._boxes[spin] = with_note(spin)
        return box

    def _build(self) -> None:
        self._boxes: dict[QWidget, QWidget] = {}
        self.family = QComboBox()
        for family, label in (
            (Family.INET, self.tr("IPv4")),
            (Family.INET6, self.tr("IPv6")),
            (Family.UNIX, self.tr("Unix socket (AF_UNIX)")),
        ):
            self.family.addItem(label, family.value)
        self.local_host = QComboBox()
        self.local_host.setEditable(True)
        self.local_port = RangeSpinBox()
        self.local_port.setRange(0, 65535)
        self.local_port.setSpecialValueText(self.tr("0 (any free port)"))
        self.remote_host = QLineEdit()
        self.remote_port = RangeSpinBox()
        self.remote_port.setRange(0, 65535)
        self.recv_size = RangeSpinBox()
        self.recv_size.setRange(1, MAX_RECV_SIZE)
        self.recv_size.setSuffix(self.tr(" B"))
        self.encoding = QComboBox()
        self.encoding.addItems(list(ENCODINGS))
        self.start_button = QPushButton()
        self.start_button.setMinimumHeight(32)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.nodelay = QCheckBox(self.tr("TCP_NODELAY (Nagle off)"))
        self.reuseaddr = QCheckBox(self.tr("SO_REUSEADDR"))
        self.broadcast = QCheckBox(self.tr("SO_BROADCAST"))
        self.close_on_peer_fin = QCheckBox(self.tr("Close when the peer closes"))
        self.kernel_state = QCheckBox(self.tr("Watch kernel socket state"))
        self.multicast = QLineEdit()
        self.multicast.setPlaceholderText(self.tr("e.g. 239.1.2.3"))
        self.rcvbuf = RangeSpinBox()
        self.sndbuf = RangeSpinBox()
        for spin in (self.rcvbuf, self.sndbuf):
            spin.setRange(0, 256 * 1024 * 1024)
            spin.setSingleStep(4096)
            spin.setSpecialValueText(self.tr("system default"))
            spin.setSuffix(self.tr(" B"))
        self.backlog = RangeSpinBox()
        self.backlog.setRange(0, 65535)
        self.connect_timeout = QDoubleSpinBox()
        self.connect_timeout.setRange(0.1, 600)
        self.connect_timeout.setSuffix(self.tr(" s"))
        self.read_delay = RangeSpinBox()
        self.read_delay.setRange(0, 60_000)
        self.read_delay.setSuffix(self.tr(" ms"))
        self.read_delay.setSpecialValueText(self.tr("off"))

        main = QFormLayout()
        self._local_host_label = QLabel(self.tr("Local host"))
        self._local_port_label = QLabel(self.tr("Local port"))
        self._remote_host_label = QLabel(self.tr("Remote host"))
        self._remote_port_label = QLabel(self.tr("Remote port"))
        main.addRow(self.tr("Protocol family"), self.family)
        main.addRow(self._local_host_label, self.local_host)
        main.addRow(self._local_port_label, self._noted(self.local_port))
        main.addRow(self._remote_host_label, self.remote_host)
        main.addRow(self._remote_port_label, self._noted(self.remote_port))
        main.addRow(self.tr("Recv size"), self._noted(self.recv_size))
        main.addRow(self.tr("Text encoding"), self.encoding)

        options = QGroupBox(self.tr("Socket options"))
        opt = QFormLayout(options)
        opt.addRow(self.nodelay)
        opt.addRow(self.reuseaddr)
        opt.addRow(self.broadcast)
        opt.addRow(self.close_on_peer_fin)
        opt.addRow(self.kernel_state)
        self._multicast_label = QLabel(self.tr("Multicast group"))
        opt.addRow(self._multicast_label, self.multicast)
        # Dual-stack, each datagram's destination, multicast TTL/loop/interface.
        from netassistant.ui.pane.addressingoptions import AddressingOptions

        self.addressing = AddressingOptions(self.kind)
        opt.addRow(self.addressing)
        opt.addRow(self.tr("SO_RCVBUF"), self._noted(self.rcvbuf))
        opt.addRow(self.tr("SO_SNDBUF"), self._noted(self.sndbuf))
        self._backlog_label = QLabel(self.tr("Listen backlog"))
        opt.addRow(self._backlog_label, self._noted(self.backlog))
        self._timeout_label = QLabel(self.tr("Connect timeout"))
        opt.addRow(self._timeout_label, self.connect_timeout)
        opt.addRow(self.tr("Slow reader delay"), self._noted(self.read_delay))

        network = QGroupBox(self.tr("Network settings"))
        network.setObjectName("networkSettings")
        network.setLayout(main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(network)
        layout.addWidget(self.start_button)
        layout.addWidget(self.error_label)
        self.tls_box: TlsBox | None = None
        if self.kind in (Kind.TCP_CLIENT, Kind.TCP_SERVER, Kind.RELAY):
            # A relay's box is its client leg's; its server leg's is the relay pane's own.
            self.tls_box = TlsBox(self.kind)
            layout.addWidget(self.tls_box)
        layout.addWidget(options)

        server, client, udp = (self.kind is k for k in (Kind.TCP_SERVER, Kind.TCP_CLIENT, Kind.UDP))
        for widget, visible in (
            (self._remote_host_label, not server),
            (self.remote_host, not server),
            (self._remote_port_label, not server),
            (self.remote_port, not server),
            (self.nodelay, not udp),
            (self.broadcast, udp),
            (self.close_on_peer_fin, server or client),
            (self.kernel_state, server or client),
            (self._multicast_label, udp),
            (self.multicast, udp),
            (self._backlog_label, server),
            (self.backlog, server),
            (self._timeout_label, client or self.kind is Kind.RELAY),
            (self.connect_timeout, client or self.kind is Kind.RELAY),
        ):
            # A spin box with a range note is shown and hidden with its note.
            self._boxes.get(widget, widget).setVisible(visible)
        self._decorate()
        self._update_button()

    def _decorate(self) -> None:
        decorate(
            self.family,
            "family",
            self.tr("Address family"),
            self.tr("IPv4 (AF_INET), IPv6 (AF_INET6) or a Unix domain socket (AF_UNIX)"),
        )
        decorate(
            self.local_host,
            "localHost",
            self.tr("Local host"),
            self.tr(
                "Address to bind: one of this machine's addresses, 127.0.0.1 (this machine "
                "only) or 0.0.0.0 (all interfaces); a socket path for AF_UNIX"
            ),
        )
        decorate(
            self.local_port,
            "localPort",
            self.tr("Local port"),
            self.tr("Port to bind; 0 lets the system pick a free one (shown once started)"),
        )
        decorate(
            self.remote_host,
            "remoteHost",
            self.tr("Remote host"),
            self.tr("Address (or socket path) to connect or send to"),
        )
        decorate(
            self.remote_port,
            "remotePort",
            self.tr("Remote port"),
            self.tr("Port to connect or send to"),
        )
        decorate(
            self.recv_size,
            "recvSize",
            self.tr("Receive size"),
            self.tr(
                "Bytes asked for per recv() call; each call's result is one row. "
                "Changes apply at once, also while running"
            ),
        )
        decorate(
            self.encoding,
            "encoding",
            self.tr("Text encoding"),
            self.tr("How bytes are drawn as text and how typed text is sent (UTF-8, GBK, ...)"),
        )
        decorate(
            self.start_button,
            "startButton",
            self.tr("Start or stop"),
            self.tr("Start or stop this session"),
        )
        decorate(
            self.nodelay,
            "nodelay",
            self.tr("TCP_NODELAY"),
            self.tr(
                "Turn Nagle's algorithm off: small sends leave at once instead of being "
                "coalesced. Applies at once, also while running"
            ),
        )
        decorate(
            self.reuseaddr,
            "reuseaddr",
            self.tr("SO_REUSEADDR"),
            self.tr("Allow binding a port that still has connections in TIME_WAIT"),
        )
        decorate(
            self.kernel_state,
            "kernelState",
            self.tr("Watch kernel socket state"),
            self.tr(
                "Show each connection's kernel state (ESTABLISHED, TIME_WAIT...), its queues "
                "and the peer's state, in the Socket state panel and on the timeline"
            ),
        )
        decorate(
            self.close_on_peer_fin,
            "closeOnPeerFin",
            self.tr("Close when the peer closes"),
            self.tr(
                "When the peer finishes sending (FIN), close our side too once our queued "
                "data is sent. Off: the connection stays half-open and we can still send"
            ),
        )
        decorate(
            self.broadcast,
            "broadcast",
            self.tr("SO_BROADCAST"),
            self.tr("Allow sending to a broadcast address"),
        )
        decorate(
            self.multicast,
            "multicastGroup",
            self.tr("Multicast group"),
            self.tr("Join this multicast group when the session starts"),
        )
        decorate(self.rcvbuf, "rcvbuf", self.tr("SO_RCVBUF"), self.tr("Kernel receive buffer size"))
        decorate(self.sndbuf, "sndbuf", self.tr("SO_SNDBUF"), self.tr("Kernel send buffer size"))
        decorate(
            self.backlog,
            "backlog",
            self.tr("Listen backlog"),
            self.tr("listen() backlog: connections the kernel queues before accept()"),
        )
        decorate(
            self.connect_timeout,
            "connectTimeout",
            self.tr("Connect timeout"),
            self.tr("Give up connecting after this many seconds"),
        )
        decorate(
            self.read_delay,
            "readDelay",
            self.tr("Slow reader delay"),
            self.tr(
                "Wait this long before each recv() so data piles up in the kernel: "
                "makes sticky packets (粘包) easy to see. Applies at once"
            ),
        )
        self.error_label.setObjectName("settingsError")

    def _connect_signals(self) -> None:
        self.family.currentIndexChanged.connect(self._on_family_changed)
        self.start_button.clicked.connect(self.start_stop_clicked)
        self.recv_size.valueChanged.connect(
            lambda v: self.live_option_changed.emit("recv_size", int(v))
        )
        self.read_delay.valueChanged.connect(
            lambda v: self.live_option_changed.emit("read_delay_ms", int(v))
        )
        self.nodelay.toggled.connect(lambda on: self.live_option_changed.emit("nodelay", bool(on)))
        for widget in (self.local_host, self.remote_host, self.multicast):
            signal = widget.editTextChanged if isinstance(widget, QComboBox) else widget.textChanged
            signal.connect(self.clear_error)

    # ------------------------------------------------------------------ values
    def current_family(self) -> Family:
        """The chosen address family."""
        return Family(self.family.currentData())

    @Slot()
    def _on_family_changed(self) -> None:
        family = self.current_family()
        unix = family is Family.UNIX
        current = self.local_host.currentText()
        with QSignalBlocker(self.local_host):
            self.local_host.clear()
            self.local_host.addItems(interface_addresses(family))
            defaults = [h for hosts in _DEFAULT_HOSTS.values() for h in hosts]
            if current and current not in defaults and not unix:
                self.local_host.setEditText(current)
            elif unix:
                self.local_host.setEditText("")
        line = self.local_host.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("/tmp/netassistant.sock") if unix else "")
        self.remote_host.setPlaceholderText(self.tr("/tmp/netassistant.sock") if unix else "")
        if not unix and self.remote_host.text() in ("", "127.0.0.1", "::1"):
            self.remote_host.setText("::1" if family is Family.INET6 else "127.0.0.1")
        for widget in (self._local_port_label, self.local_port):
            widget.setVisible(not unix)
        for widget in (self._remote_port_label, self.remote_port):
            widget.setVisible(not unix and self.kind is not Kind.TCP_SERVER)
        self._local_host_label.setText(self.tr("Socket path") if unix else self.tr("Local host"))
        if hasattr(self, "addressing"):
            self.addressing.set_family(family)

    def config(
        self,
        *,
        show_errors: bool = True,
        framing: str = "",
        checksum: str = "",
        checksum_order: str = "",
    ) -> SessionConfig:
        """The settings as a validated config.

        Args:
            show_errors: Show a bad field's message inline.
            framing: The framing box's spec (the box has its own controls; the config is
                where the choice is kept).
            checksum: The framing box's checksum name ("" for none).
            checksum_order: Its byte order ("" for the checksum's own).

        Raises:
            ConfigError: naming the bad field; the message is also shown inline
                unless ``show_errors`` is False.
        """
        family = self.current_family()
        local_host = self.local_host.currentText().strip()
        if (
            self.kind is Kind.TCP_CLIENT
            and family is not Family.UNIX
            and not self.local_port.value()
        ):
            local_host = ""  # a client binds only when a local port is asked for
        config = SessionConfig(
            kind=self.kind,
            family=family,
            local_host=local_host,
            local_port=self.local_port.value(),
            remote_host=self.remote_host.text().strip(),
            remote_port=self.remote_port.value(),
            recv_size=self.recv_size.value(),
            nodelay=self.nodelay.isChecked(),
            reuseaddr=self.reuseaddr.isChecked(),
            rcvbuf=self.rcvbuf.value(),
            sndbuf=self.sndbuf.value(),
            backlog=self.backlog.value(),
            connect_timeout=round(self.connect_timeout.value(), 3),
            broadcast=self.broadcast.isChecked() and self.kind is Kind.UDP,
            multicast_group=self.multicast.text().strip() if self.kind is Kind.UDP else "",
            read_delay_ms=self.read_delay.value(),
            close_on_peer_fin=self.close_on_peer_fin.isChecked(),
            kernel_state=self.kernel_state.isChecked(),
            framing=framing,
            checksum=checksum,
            checksum_order=checksum_order,
            encoding=self.encoding.currentText(),
        )
        self.addressing.fill(config, family)
        try:
            if self.tls_box is not None:
                config.tls = self.tls_box.settings()
            return config.validate()
        except ConfigError as exc:
            if not show_errors:
                raise
            label = self._field_labels().get(exc.field, exc.field)
            reason = tr_core(exc.reason)
            self.show_error(self.tr("%1: %2").replace("%1", label).replace("%2", reason))
            raise

    def _field_labels(self) -> dict[str, str]:
        return {
            "local_host": self.tr("Socket path")
            if self.current_family() is Family.UNIX
            else self.tr("Local host"),
            "local_port": self.tr("Local port"),
            "remote_host": self.tr("Remote host"),
            "remote_port": self.tr("Remote port"),
            "recv_size": self.tr("Recv size"),
            "multicast_group": self.tr("Multicast group"),
            "broadcast": self.tr("SO_BROADCAST"),
            "encoding": self.tr("Text encoding"),
            "framing": self.tr("Framing"),
            "checksum": self.tr("Checksum"),
            **self.addressing.field_labels(),
            **(self.tls_box.field_labels() if self.tls_box is not None else {}),
        }

    def set_config(self, config: SessionConfig) -> None:
        """Show ``config`` in the widgets (its kind must be this panel's kind)."""
        select_data(self.family, config.family.value)
        self._on_family_changed()
        self.local_host.setEditText(config.local_host)
        self.local_port.setValue(config.local_port)
        self.remote_host.setText(config.remote_host)
        self.remote_port.setValue(config.remote_port)
        self.recv_size.setValue(config.recv_size)
        self.nodelay.setChecked(config.nodelay)
        self.reuseaddr.setChecked(config.reuseaddr)
        self.rcvbuf.setValue(config.rcvbuf)
        self.sndbuf.setValue(config.sndbuf)
        self.backlog.setValue(config.backlog)
        self.connect_timeout.setValue(config.connect_timeout)
        self.broadcast.setChecked(config.broadcast)
        self.close_on_peer_fin.setChecked(config.close_on_peer_fin)
        self.kernel_state.setChecked(config.kernel_state)
        self.multicast.setText(config.multicast_group)
        self.read_delay.setValue(config.read_delay_ms)
        index = self.encoding.findText(config.encoding)
        if index < 0:
            self.encoding.addItem(config.encoding)
            index = self.encoding.count() - 1
        self.encoding.setCurrentIndex(index)
        self.addressing.set_config(config)
        if self.tls_box is not None:
            self.tls_box.set_settings(config.tls)
        self.clear_error()

    # ------------------------------------------------------------------- state
    def set_running(self, running: bool) -> None:
        """Lock what cannot change while a session runs; relabel the button."""
        self._running = running
        for widget in (
            self.family,
            self.local_host,
            self.local_port,
            self.remote_host,
            self.remote_port,
            self.reuseaddr,
            self.broadcast,
            self.multicast,
            self.rcvbuf,
            self.sndbuf,
            self.backlog,
            self.connect_timeout,
            self.tls_box,
            self.close_on_peer_fin,
            self.kernel_state,
            self.addressing,
        ):
            if widget is not None:
                widget.setEnabled(not running)
        self._update_button()

    def set_bound_port(self, port: int) -> None:
        """Show the port the system chose for a port-0 bind."""
        if port and not self.local_port.value():
            with QSignalBlocker(self.local_port):
                self.local_port.setValue(port)

    def _update_button(self) -> None:
        labels = {
            Kind.TCP_SERVER: (self.tr("Start listening"), self.tr("Stop listening")),
            Kind.TCP_CLIENT: (self.tr("Connect"), self.tr("Disconnect")),
            Kind.UDP: (self.tr("Open"), self.tr("Close")),
            Kind.RELAY: (self.tr("Start relay"), self.tr("Stop relay")),
        }[self.kind]
        self.start_button.setText(labels[1] if self._running else labels[0])

    def add_below_start(self, widget: QWidget) -> None:
        """Put ``widget`` (a pane's lifecycle controls) right under the start button."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.start_button) + 1, widget)

    def show_error(self, message: str) -> None:
        """Show a settings problem under the fields."""
        self.error_label.setText(message)
        self.error_label.show()

    @Slot()
    def clear_error(self) -> None:
        """Hide the settings problem."""
        self.error_label.hide()
        self.error_label.clear()
