"""The Socket state panel: what the kernel says about the selected TCP connection.

Our state and the peer's (on loopback), the receive and send queues as gauges (a slow
reader's 粘包 is seen forming in the receive queue before ``recv()`` takes it), RTT and
retransmits, which side closed first and the TIME_WAIT countdown after close; for a
server, the accept queue against the backlog. A **Wire** check box asks the session
to show its TCP segments (on the timeline; root or CAP_NET_RAW), and says what is
needed when the system refuses.

STATE and SEGMENT events are kept out of the receive log (see ``SessionPane``): at up
to ten states a second per connection and 2,000 segments a second they would push the
chunks, the product, off the screen; this panel and the timeline draw them instead.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QProgressBar, QWidget

from netassistant.core.config import Kind
from netassistant.qt.kernelstate import KernelSnapshot, KernelStateStore
from netassistant.qt.models.clientmodel import format_count
from netassistant.ui.widgets import check_box, decorate

#: The smallest full scale of a queue gauge, in bytes (it grows with what it shows):
#: small enough that a few short sends piling up are seen.
GAUGE_MIN = 256
#: Linux keeps a socket in TIME_WAIT for 60 s: the countdown bar's full scale.
TIME_WAIT_MS = 60_000


def set_gauge_value(bar: QProgressBar, value: int) -> None:
    """Set a gauge's value; it is drawn with the rest of the window, not at once.

    QProgressBar.setValue() repaints synchronously, and a synchronous repaint draws every
    pending change of the whole window with it (the receive log too, skipping its
    throttle): with a listener sample in every batch of 10,000 accepts, that was a full
    window repaint per batch. Updates off around it leave one ordinary update() behind.
    """
    if bar.value() == value:
        return
    bar.setUpdatesEnabled(False)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)


def blank_gauge(bar: QProgressBar) -> None:
    """Show a gauge with nothing to measure: empty, "—"."""
    set_gauge_value(bar, 0)
    bar.setFormat("—")


def _gauge(name: str, accessible: str, tooltip: str) -> QProgressBar:
    bar = decorate(QProgressBar(), name, accessible, tooltip)
    bar.setRange(0, GAUGE_MIN)
    bar.setTextVisible(True)
    return bar


class SocketStatePanel(QGroupBox):
    """Kernel state of one connection (the selected client, or the client's connection).

    Attributes:
        store: The pane's latest states, fed with every batch.

    Signals:
        wire_toggled(bool): the user asked to show (or stop showing) the wire.
    """

    wire_toggled = Signal(bool)

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Socket state"), parent)
        self.setObjectName("socketState")
        self.kind = kind
        self.store = KernelStateStore(self)
        self._selected: int | None = None
        self._full = {"rx": GAUGE_MIN, "tx": GAUGE_MIN}
        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._refresh)
        self._build()
        self.store.changed.connect(self._on_changed)
        self.store.wire_refused.connect(self._on_wire_refused)
        self.store.segments_seen.connect(self._on_segments)
        self._refresh()

    def _build(self) -> None:
        form = QFormLayout(self)
        self.connection = QLabel()
        self.connection.setObjectName("stateConnection")
        self.connection.setWordWrap(True)
        self.ours = QLabel()
        self.ours.setObjectName("stateOurs")
        self.peer = QLabel()
        self.peer.setObjectName("statePeer")
        for label in (self.ours, self.peer):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.rx_queue = _gauge(
            "stateRxQueue",
            self.tr("Receive queue"),
            self.tr(
                "Bytes the kernel holds for us that recv() has not taken yet (SIOCINQ): "
                "with a slow reader, several sends pile up here and come out as one chunk"
            ),
        )
        self.tx_queue = _gauge(
            "stateTxQueue",
            self.tr("Send queue"),
            self.tr("Bytes handed to the kernel that the peer has not acknowledged (SIOCOUTQ)"),
        )
        self.timing = QLabel()
        self.timing.setObjectName("stateTiming")
        self.closed_first = QLabel()
        self.closed_first.setObjectName("stateClosedFirst")
        for label in (self.peer, self.timing, self.closed_first):
            label.setWordWrap(True)  # the column stays narrow: two panes side by side
        self.time_wait = _gauge(
            "stateTimeWait",
            self.tr("TIME_WAIT"),
            self.tr(
                "The side that closed first keeps the connection in TIME_WAIT for 60 s, so "
                "late segments cannot reach a new connection on the same ports; this is why "
                "a server restarted at once needs SO_REUSEADDR"
            ),
        )
        self.time_wait.setRange(0, TIME_WAIT_MS)
        form.addRow(self.tr("Connection:"), self.connection)
        form.addRow(self.tr("We:"), self.ours)
        form.addRow(self.tr("Peer:"), self.peer)
        form.addRow(self.tr("Receive queue:"), self.rx_queue)
        form.addRow(self.tr("Send queue:"), self.tx_queue)
        form.addRow(self.tr("Timing:"), self.timing)
        form.addRow(self.tr("Closed first:"), self.closed_first)
        form.addRow(self.tr("TIME_WAIT:"), self.time_wait)
        self.accept_queue: QProgressBar | None = None
        if self.kind is Kind.TCP_SERVER:
            self.accept_queue = _gauge(
                "stateAcceptQueue",
                self.tr("Accept queue"),
                self.tr(
                    "Connections the kernel has completed that accept() has not taken yet, "
                    "against the listen backlog; when it is full, new connections wait or fail"
                ),
            )
            form.addRow(self.tr("Accept queue:"), self.accept_queue)
        self.wire = check_box(
            "wireToggle",
            self.tr("Wire: show the TCP segments"),
            self.tr(
                "Capture this pane's TCP segments on the loopback interface (SYN, ACK, FIN, "
                "RST with their numbers) for the timeline; needs root or CAP_NET_RAW"
            ),
        )
        self.wire.toggled.connect(self.wire_toggled)
        self.wire_note = QLabel()
        self.wire_note.setObjectName("wireNote")
        self.wire_note.setWordWrap(True)
        self.wire_note.setVisible(False)
        form.addRow(self.wire)
        form.addRow(self.wire_note)

    # ---------------------------------------------------------------- inputs
    @Slot(object)
    def select_connection(self, conn_id: int | None) -> None:
        """Show ``conn_id`` (None: whichever connection reported last)."""
        self._selected = conn_id
        self._full = {"rx": GAUGE_MIN, "tx": GAUGE_MIN}
        self._refresh()

    def clear(self) -> None:
        """Forget the last run's states (a new run starts)."""
        self.store.clear()
        self._selected = None
        self.wire_note.setVisible(False)
        self._refresh()

    @property
    def shown_connection(self) -> int:
        """The connection drawn now (0: none yet)."""
        return self._selected if self._selected is not None else self.store.last_conn

    # --------------------------------------------------------------- drawing
    @Slot(object)
    def _on_changed(self, conn_ids: list[int]) -> None:
        if self.shown_connection in conn_ids or 0 in conn_ids or not self.shown_connection:
            self._refresh()

    @Slot(str)
    def _on_wire_refused(self, message: str) -> None:
        self.wire.blockSignals(True)
        self.wire.setChecked(False)
        self.wire.blockSignals(False)
        self.wire_note.setText(message)
        self.wire_note.setVisible(True)

    @Slot(int, str)
    def _on_segments(self, count: int, newest: str) -> None:
        self.wire_note.setText(
            self.tr("{count} segments seen; the newest: {segment}").format(
                count=format_count(count), segment=newest
            )
        )
        self.wire_note.setVisible(True)

    @Slot()
    def _refresh(self) -> None:
        snapshot = self.store.get(self.shown_connection) if self.shown_connection else None
        counting = False
        if self.store.unsupported:
            self._show_nothing(self.store.unsupported)
        elif snapshot is None:
            self._show_nothing(self.tr("No TCP connection yet"))
        else:
            counting = self._show(snapshot)
        self._show_listener(self.store.get(0))
        if counting != self._countdown.isActive():
            if counting:
                self._countdown.start()
            else:
                self._countdown.stop()

    def _show_nothing(self, why: str) -> None:
        self.connection.setText(why)
        for label in (self.ours, self.peer, self.timing, self.closed_first):
            label.setText("—")
        for bar in (self.rx_queue, self.tx_queue, self.time_wait):
            blank_gauge(bar)

    def _show(self, snapshot: KernelSnapshot) -> bool:
        """Draw one connection; True while a TIME_WAIT countdown runs."""
        detail = snapshot.detail
        self.connection.setText(
            self.tr("#{conn}  {local} ⇄ {peer}").format(
                conn=snapshot.conn_id, local=snapshot.local, peer=snapshot.peer or "?"
            )
        )
        self.ours.setText(str(detail.get("state")))
        peer_state = detail.get("peer_state")
        self.peer.setText(
            str(peer_state)
            if peer_state is not None
            else self.tr("unknown (not on this machine's loopback)")
        )
        self._set_queue(self.rx_queue, "rx", detail.get("rx_queue"))
        self._set_queue(self.tx_queue, "tx", detail.get("tx_queue"))
        rtt, retrans = detail.get("rtt_us"), detail.get("retrans")
        self.timing.setText(
            self.tr("RTT {rtt} ms, {retrans} retransmitted").format(
                rtt=f"{rtt / 1000:.3f}", retrans=retrans
            )
            if isinstance(rtt, int) and isinstance(retrans, int)
            else "—"
        )
        closed_first = detail.get("closed_first")
        self.closed_first.setText(
            {
                "local": self.tr("we did (our FIN went first)"),
                "peer": self.tr("the peer did"),
                "both": self.tr("both at once"),
            }.get(str(closed_first), "—")
        )
        return self._show_time_wait(snapshot)

    def _show_time_wait(self, snapshot: KernelSnapshot) -> bool:
        ours, theirs = snapshot.remaining_ms("timer_ms"), snapshot.remaining_ms("peer_timer_ms")
        left, who = (ours, self.tr("we")) if ours is not None else (theirs, self.tr("the peer"))
        if left is None:
            blank_gauge(self.time_wait)
            return False
        set_gauge_value(self.time_wait, left)
        self.time_wait.setFormat(
            self.tr("{who}: {seconds} s left").format(who=who, seconds=f"{left / 1000:.1f}")
        )
        return left > 0

    def _set_queue(self, bar: QProgressBar, key: str, value: object) -> None:
        if not isinstance(value, int):
            blank_gauge(bar)
            return
        # The scale grows with what was seen, so a filling queue stays readable.
        self._full[key] = max(self._full[key], value)
        bar.setRange(0, self._full[key])
        set_gauge_value(bar, value)
        bar.setFormat(self.tr("{n} B").format(n=format_count(value)))

    def _show_listener(self, snapshot: KernelSnapshot | None) -> None:
        bar = self.accept_queue
        if bar is None:
            return
        detail = snapshot.detail if snapshot is not None else {}
        queued, backlog = detail.get("accept_queue"), detail.get("backlog")
        if not isinstance(queued, int) or not isinstance(backlog, int):
            blank_gauge(bar)
            return
        # Linux queues one more than the backlog before it refuses.
        bar.setRange(0, max(1, backlog + 1))
        set_gauge_value(bar, min(queued, backlog + 1))
        bar.setFormat(
            self.tr("{queued} waiting, backlog {backlog}").format(queued=queued, backlog=backlog)
        )
