"""RelayPane: a SessionPane that stands between clients and a server.

What it adds to the shared pane: a Relay box (TCP or UDP, the UDP idle time, the leg
the connection buttons act on), the Faults box, and the server leg's TLS box (under the
client leg's, "TLS toward clients", which the settings panel has), in the settings column; the
log's DIR column shows each chunk's hop (client→relay, relay→server, ...); the send box
injects toward the chosen side; the connection list holds the relayed pairs.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget

from netassistant.core.config import ConfigError, Kind, SessionConfig
from netassistant.core.profiles.model import Profile
from netassistant.core.relay.spec import FaultSpecError
from netassistant.qt.coremessages import tr_core
from netassistant.qt.models.chunkmodel import Column
from netassistant.ui.automation.faultsbox import FaultsBox
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.pane.tlsbox import TlsBox
from netassistant.ui.widgets import check_box, combo_box, decorate

#: Pixels around the widest DIR label (as the log's other columns have).
_DIR_PADDING = 16


class RelayBox(QGroupBox):
    """The relay's own settings: UDP mode, UDP idle time, the leg the buttons act on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Relay"), parent)
        self.setObjectName("relayBox")
        self.udp = check_box(
            "relayUdp",
            self.tr("Relay UDP datagrams"),
            self.tr("One upstream socket per sender, expiring after the idle time"),
        )
        self.idle = QDoubleSpinBox()
        self.idle.setRange(0.1, 86_400.0)
        self.idle.setDecimals(1)
        self.idle.setValue(60.0)
        self.idle.setSuffix(self.tr(" s"))
        decorate(
            self.idle,
            "relayIdle",
            self.tr("UDP idle time"),
            self.tr("A sender's UDP session ends after this long without a datagram"),
        )
        self.leg = combo_box(
            "relayLeg",
            self.tr("Leg"),
            self.tr("Which leg Half-close and Abort act on: the client's or the server's"),
            ((self.tr("server leg"), "server"), (self.tr("client leg"), "client")),
        )
        form = QFormLayout(self)
        form.addRow(self.udp)
        form.addRow(self.tr("UDP idle time"), self.idle)
        form.addRow(self.tr("Buttons act on"), self.leg)
        self.udp.toggled.connect(self.idle.setEnabled)
        self.idle.setEnabled(False)

    def set_running(self, running: bool) -> None:
        """The mode and idle time are fixed while the relay runs."""
        self.udp.setEnabled(not running)
        self.idle.setEnabled(not running and self.udp.isChecked())


class RelayPane(SessionPane):
    """A relay's pane: the shared pane plus the Relay and Faults boxes.

    Attributes:
        relay_box: UDP mode, idle time, the leg the connection buttons act on.
        faults: The Faults box (changes apply at once while running).
        upstream_tls: TLS toward the server (the relay is its TLS client).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.relay_box = RelayBox()
        self.faults = FaultsBox()
        self.upstream_tls = TlsBox(Kind.RELAY, upstream=True)
        super().__init__(Kind.RELAY, parent)
        self.left_layout.insertWidget(1, self.relay_box)
        self.left_layout.insertWidget(2, self.faults)
        self._place_upstream_tls()
        model = self.receive.model
        model.set_relay(True)
        metrics = self.receive.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(label) for label in model.direction_labels())
        self.receive.table.setColumnWidth(Column.DIR, widest + _DIR_PADDING)
        self._connect_relay_signals()

    def _connect_relay_signals(self) -> None:
        ctl = self.controller
        self.faults.faults_changed.connect(self._on_faults_changed)
        assert self.clients is not None
        # The connection list's buttons act on the leg chosen in the Relay box.
        self.clients.half_close_requested.disconnect(ctl.half_close)
        self.clients.abort_requested.disconnect(ctl.abort)
        self.clients.half_close_requested.connect(self._half_close_leg)
        self.clients.abort_requested.connect(self._abort_leg)
        self.settings.start_stop_clicked.connect(self._sync_running)
        ctl.state_changed.connect(self._sync_running)
        self.relay_box.udp.toggled.connect(self._show_tls_boxes)
        ctl.finished.connect(self._sync_running)

    def _place_upstream_tls(self) -> None:
        """The server leg's TLS box goes right under the client leg's, in the settings."""
        client_tls = self.settings.tls_box
        layout = self.settings.layout()
        assert isinstance(layout, QVBoxLayout)
        assert client_tls is not None
        layout.insertWidget(layout.indexOf(client_tls) + 1, self.upstream_tls)

    # ------------------------------------------------------------------- config
    def config(self, *, show_errors: bool = True) -> SessionConfig:
        """The shared settings plus the relay's (validated).

        Raises:
            ConfigError: naming the bad field (shown inline if ``show_errors``).
        """
        base = super().config(show_errors=show_errors)
        specs = self.faults.check() if show_errors else self.faults.specs()
        if specs is None:
            raise ConfigError("faults", self.tr("a fault is not valid"))
        udp = self.relay_box.udp.isChecked()
        try:
            config = base.replace(
                relay_udp=udp,
                relay_idle_timeout=round(self.relay_box.idle.value(), 1),
                faults=specs,
                upstream_tls=None if udp else self.upstream_tls.settings(),
            )
            if udp:
                config.tls = None  # the TLS boxes are hidden: a UDP relay has no TLS
            return config.validate()
        except ConfigError as exc:
            if show_errors:
                self.settings.show_error(self._error_text(exc))
            raise

    def _error_text(self, exc: ConfigError) -> str:
        label = self.upstream_tls.field_labels().get(exc.field)
        if label is None:
            return tr_core(exc.args[0])
        return self.tr("%1: %2").replace("%1", label).replace("%2", tr_core(exc.reason))

    def apply_profile(self, profile: Profile) -> None:
        """Show ``profile``'s settings, the relay's included."""
        super().apply_profile(profile)
        config = profile.config
        self.relay_box.udp.setChecked(config.relay_udp)
        self.relay_box.idle.setValue(config.relay_idle_timeout)
        self.faults.set_specs(list(config.faults))
        self.upstream_tls.set_settings(config.upstream_tls)

    # ---------------------------------------------------------------- actions
    @Slot(list)
    def _on_faults_changed(self, specs: list[str]) -> None:
        if not self.controller.running:
            return
        try:
            self.controller.set_faults(specs)
        except FaultSpecError as exc:  # FaultsBox checked them; kept as a guard
            self.stats.show_message(tr_core(exc.args[0]))

    @Slot(int)
    def _half_close_leg(self, conn_id: int) -> None:
        self.controller.half_close_leg(conn_id, str(self.relay_box.leg.currentData()))

    @Slot(int)
    def _abort_leg(self, conn_id: int) -> None:
        self.controller.abort_leg(conn_id, str(self.relay_box.leg.currentData()))

    @Slot(bool)
    def _show_tls_boxes(self, udp: bool) -> None:
        """TLS is for TCP: a UDP relay hides both legs' TLS boxes."""
        for box in (self.settings.tls_box, self.upstream_tls):
            if box is not None:
                box.setVisible(not udp)

    @Slot()
    def _sync_running(self) -> None:
        running = self.controller.running
        self.relay_box.set_running(running)
        self.upstream_tls.setEnabled(not running)
