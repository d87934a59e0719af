"""The Socket state panel over a real loopback session: states, queues, TIME_WAIT, wire."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QCheckBox, QProgressBar, QVBoxLayout, QWidget

from netassistant.core.chunk import Chunk, ConnEvent, EventKind
from netassistant.core.config import Kind
from netassistant.core.engine.kernel import max_backlog
from netassistant.core.engine.sockstate import supported
from netassistant.core.stats import SessionState
from netassistant.qt.models.clientmodel import Column
from netassistant.ui.pane.pane import SessionPane
from netassistant.ui.pane.socketstate import SocketStatePanel, set_gauge_value
from tests.ui.helpers import child, undescribed

WAIT_MS = 5000


@pytest.fixture
def server(qtbot):
    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.settings.local_port.setValue(0)
    assert pane.start()
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT_MS)
    yield pane
    pane.shutdown()


@pytest.mark.skipif(not supported(), reason="TCP_INFO is Linux only")
def test_the_panel_follows_a_connection_to_time_wait(qtbot, server):
    panel = server.socket_state
    assert panel is not None
    listening = f"0 waiting, backlog {max_backlog()}"  # backlog 0 = the system maximum
    qtbot.waitUntil(lambda: panel.accept_queue.format() == listening, timeout=WAIT_MS)
    address = ("127.0.0.1", server.controller.local_port)
    with socket.create_connection(address, timeout=5) as client:
        qtbot.waitUntil(lambda: panel.peer.text() == "ESTABLISHED", timeout=WAIT_MS)
        assert panel.ours.text() == "ESTABLISHED"
        assert panel.connection.text() == (
            f"#1  127.0.0.1:{address[1]} ⇄ 127.0.0.1:{client.getsockname()[1]}"
        )
        model = server.clients.model
        qtbot.waitUntil(
            lambda: model.index(0, Column.KERNEL).data() == "ESTABLISHED", timeout=WAIT_MS
        )
        server.clients.table.selectRow(0)
        assert panel.shown_connection == 1
        server.controller.close_connection(1)
        client.settimeout(5)
        assert client.recv(10) == b""
    qtbot.waitUntil(lambda: panel.ours.text() == "TIME_WAIT", timeout=WAIT_MS)
    assert panel.closed_first.text() == "we did (our FIN went first)"
    assert panel.time_wait.format().startswith("we: 5")  # 59.x .. 50 s left
    assert panel.time_wait.format().endswith(" s left")
    before = panel.time_wait.value()
    qtbot.waitUntil(lambda: panel.time_wait.value() < before, timeout=WAIT_MS)  # counts down
    rows = server.receive.model
    kinds = [
        rows.chunk_at(r).kind
        for r in range(rows.rowCount())
        if not isinstance(rows.chunk_at(r), Chunk)
    ]
    assert EventKind.STATE not in kinds
    assert EventKind.ACCEPTED in kinds


def test_a_refused_wire_unticks_and_says_what_is_needed(hosted):
    panel = hosted(lambda host: SocketStatePanel(Kind.TCP_CLIENT, host))
    wire = child(panel, QCheckBox, "wireToggle")
    wire.setChecked(True)
    refusal = ConnEvent(
        3, 0, EventKind.ERROR, message="needs CAP_NET_RAW", detail={"source": "wire"}
    )
    panel.store.apply_events([refusal])
    assert not wire.isChecked()
    assert panel.wire_note.text() == "needs CAP_NET_RAW"
    assert not panel.wire_note.isHidden()


def test_a_system_without_kernel_state_says_so(hosted):
    panel = hosted(lambda host: SocketStatePanel(Kind.TCP_SERVER, host))
    note = ConnEvent(1, 0, EventKind.STATE, message="no kernel state here", detail={"state": None})
    panel.store.apply_events([note])
    assert panel.connection.text() == "no kernel state here"
    assert (panel.ours.text(), panel.rx_queue.format()) == ("—", "—")


def test_the_panel_is_described(hosted):
    panel = hosted(lambda host: SocketStatePanel(Kind.TCP_SERVER, host))
    assert undescribed(panel) == []


def test_udp_panes_have_no_socket_state(qtbot):
    pane = SessionPane(Kind.UDP)
    qtbot.addWidget(pane)
    assert pane.socket_state is None


def test_the_wire_note_counts_segments(hosted):
    panel = hosted(lambda host: SocketStatePanel(Kind.TCP_SERVER, host))
    segment = {"dir": "rx", "flags": "SYN", "seq": 7, "ack": 0, "len": 0, "win": 65495}
    line = "rx [SYN] seq=7 ack=0 len=0 win=65495"
    skipped = ConnEvent(2, 0, EventKind.SEGMENT, message="3 skipped", detail={"skipped": 3})
    panel.store.apply_events([ConnEvent(1, 0, EventKind.SEGMENT, message=line, detail=segment)])
    panel.store.apply_events([skipped])  # a note, not a segment
    assert panel.wire_note.text() == f"1 segments seen; the newest: {line}"


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_gauge_value_is_drawn_with_the_window_not_at_once(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    bar = QProgressBar()
    QVBoxLayout(host).addWidget(bar)
    bar.setRange(0, 100)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(20)
    counter = PaintCounter(bar)
    bar.setValue(10)
    assert counter.paints == 1  # what QProgressBar does: a repaint right now
    set_gauge_value(bar, 50)
    assert counter.paints == 1  # not now ...
    assert bar.value() == 50
    qtbot.waitUntil(lambda: counter.paints == 2, timeout=WAIT_MS)  # ... but soon
    set_gauge_value(bar, 50)  # unchanged: nothing to draw
    qtbot.wait(20)
    assert counter.paints == 2
