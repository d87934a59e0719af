"""Lifecycle controls of a pane over real loopback sockets (issue 10 §4).

Half-close and Abort on a TCP client pane, "Close when the peer closes", Pause accepting
on a TCP server pane, and an empty UDP datagram.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.ui.pane.pane import SessionPane
from tests.helpers import TIMEOUT, recv_exactly

WAIT_MS = int(TIMEOUT * 1000)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def make_pane(qtbot) -> Iterator:
    panes: list[SessionPane] = []

    def make(kind: Kind) -> SessionPane:
        pane = SessionPane(kind)
        qtbot.addWidget(pane)
        pane.resize(1000, 700)
        pane.show()
        panes.append(pane)
        return pane

    yield make
    for pane in panes:
        assert pane.shutdown()


@pytest.fixture
def server() -> Iterator[socket.socket]:
    with socket.create_server(("127.0.0.1", 0)) as srv:
        srv.settimeout(TIMEOUT)
        yield srv


def click(qtbot, pane: SessionPane, name: str) -> None:
    button = pane.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def record(pane: SessionPane) -> list:
    seen: list = []
    pane.controller.events_received.connect(seen.extend)
    return seen


def kinds(seen: list) -> list[EventKind]:
    """The connection events' kinds, without the kernel's STATE reports in between."""
    return [e.kind for e in seen if isinstance(e, ConnEvent) and e.kind is not EventKind.STATE]


def connect_client(qtbot, pane: SessionPane, srv: socket.socket) -> socket.socket:
    pane.settings.remote_port.setValue(srv.getsockname()[1])
    click(qtbot, pane, "startButton")
    conn, _ = srv.accept()
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.CONNECTED, timeout=WAIT_MS)
    conn.settimeout(TIMEOUT)
    return conn


def test_client_buttons_follow_the_connection(qtbot, make_pane, server):
    pane = make_pane(Kind.TCP_CLIENT)
    half = pane.findChild(QPushButton, "halfCloseButton")
    abort = pane.findChild(QPushButton, "abortButton")
    assert (half.isEnabled(), abort.isEnabled()) == (False, False)
    assert pane.findChild(QPushButton, "pauseAccepting") is None
    with connect_client(qtbot, pane, server):
        assert (half.isEnabled(), abort.isEnabled()) == (True, True)
        assert half.isVisible()
        assert abort.isVisible()


def test_client_half_close_button_sends_fin(qtbot, make_pane, server):
    pane = make_pane(Kind.TCP_CLIENT)
    seen = record(pane)
    with connect_client(qtbot, pane, server) as conn:
        click(qtbot, pane, "halfCloseButton")
        assert conn.recv(10) == b"", "the server sees our FIN"
        qtbot.waitUntil(lambda: EventKind.HALF_CLOSED in kinds(seen), timeout=WAIT_MS)
        conn.sendall(b"still listening?")
        qtbot.waitUntil(lambda: pane.controller.stats.rx_bytes == 16, timeout=WAIT_MS)
        assert pane.controller.state is SessionState.CONNECTED
    assert kinds(seen)[:3] == [EventKind.CONNECTING, EventKind.CONNECTED, EventKind.HALF_CLOSED]
    half = next(e for e in seen if isinstance(e, ConnEvent) and e.kind is EventKind.HALF_CLOSED)
    assert half.message == f"sent FIN to {half.peer} (half-close); still receiving"


def test_client_abort_button_sends_rst(qtbot, make_pane, server):
    pane = make_pane(Kind.TCP_CLIENT)
    seen = record(pane)
    with connect_client(qtbot, pane, server) as conn:
        with qtbot.waitSignal(pane.controller.finished, timeout=WAIT_MS):
            click(qtbot, pane, "abortButton")
        with pytest.raises(ConnectionResetError, match="Connection reset by peer"):
            conn.recv(10)
    assert kinds(seen)[-2:] == [EventKind.ABORTED, EventKind.STOPPED]
    assert not pane.findChild(QPushButton, "abortButton").isEnabled()


@pytest.mark.parametrize("close_on_fin", [True, False], ids=["close", "stay-open"])
def test_close_when_the_peer_closes(qtbot, make_pane, server, close_on_fin):
    pane = make_pane(Kind.TCP_CLIENT)
    box = pane.findChild(QCheckBox, "closeOnPeerFin")
    assert box.isChecked(), "on by default"
    box.setChecked(close_on_fin)
    assert pane.config().close_on_peer_fin is close_on_fin
    assert pane.profile("p").config.close_on_peer_fin is close_on_fin
    seen = record(pane)
    with connect_client(qtbot, pane, server) as conn:
        assert not box.isEnabled(), "fixed while running"
        conn.shutdown(socket.SHUT_WR)
        ending = EventKind.CLOSED if close_on_fin else EventKind.PEER_FIN
        qtbot.waitUntil(lambda: ending in kinds(seen), timeout=WAIT_MS)
        if close_on_fin:
            qtbot.waitUntil(lambda: not pane.controller.running, timeout=WAIT_MS)
            assert conn.recv(10) == b""
            return
        # Half-open: still connected, still a send target; the peer gets what we send.
        assert pane.controller.state is SessionState.CONNECTED
        assert list(pane.controller.stats.clients) == [1]
        pane.send_panel.set_input_text("after your FIN")
        click(qtbot, pane, "sendButton")
        assert recv_exactly(conn, 14) == b"after your FIN"
    assert EventKind.CLOSED not in kinds(seen)


def test_the_option_is_restored_from_a_profile(qtbot, make_pane):
    pane = make_pane(Kind.TCP_SERVER)
    pane.findChild(QCheckBox, "closeOnPeerFin").setChecked(False)
    profile = pane.profile("half-open server")
    other = make_pane(Kind.TCP_SERVER)
    other.apply_profile(profile)
    assert not other.findChild(QCheckBox, "closeOnPeerFin").isChecked()
    assert not make_pane(Kind.UDP).findChild(QCheckBox, "closeOnPeerFin").isVisible()


def test_pause_accepting_leaves_clients_in_the_backlog(qtbot, make_pane):
    pane = make_pane(Kind.TCP_SERVER)
    pane.settings.backlog.setValue(4)
    pause = pane.findChild(QPushButton, "pauseAccepting")
    note = pane.findChild(QLabel, "pauseBacklog")
    assert note.text() == "4"
    title = pane.findChild(QLabel, "pauseBacklogTitle")
    assert title.text() == "Listen backlog:"
    pane.settings.backlog.setValue(0)
    assert note.text() == "system maximum"
    pane.settings.backlog.setValue(4)
    assert not pause.isEnabled()
    click(qtbot, pane, "startButton")
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT_MS)
    port = pane.controller.local_port
    first = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: pane.clients.model.rowCount() == 1, timeout=WAIT_MS)
    click(qtbot, pane, "pauseAccepting")
    assert pause.isChecked()
    assert pause.text() == "Resume accepting"
    assert pane.stats.findChild(QLabel, "statsAcceptPaused").isVisible()
    # The pause is a command to the session's thread: connect once it has been applied.
    applied: list[bool] = []
    assert pane.controller.after_commands(lambda: applied.append(True))
    qtbot.waitUntil(lambda: bool(applied), timeout=WAIT_MS)
    # Fewer than backlog + 1, so every handshake completes into the kernel's accept queue.
    waiting = [socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) for _ in range(4)]
    try:
        for c in waiting:
            c.sendall(b"queued")  # the kernel takes it: the connection is established
        qtbot.wait(300)  # the engine would have accepted them by now, were it accepting
        assert pane.clients.model.rowCount() == 1, "only the accepted client is listed"
        assert pane.controller.stats.rx_bytes == 0
        click(qtbot, pane, "pauseAccepting")
        assert not pane.stats.findChild(QLabel, "statsAcceptPaused").isVisible()
        qtbot.waitUntil(lambda: pane.clients.model.rowCount() == 5, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: pane.controller.stats.rx_bytes == 24, timeout=WAIT_MS)
    finally:
        for c in [first, *waiting]:
            c.close()
    assert pause.text() == "Pause accepting"


def test_stopping_ends_the_pause(qtbot, make_pane):
    pane = make_pane(Kind.TCP_SERVER)
    click(qtbot, pane, "startButton")
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT_MS)
    click(qtbot, pane, "pauseAccepting")
    with qtbot.waitSignal(pane.controller.finished, timeout=WAIT_MS):
        click(qtbot, pane, "startButton")
    pause = pane.findChild(QPushButton, "pauseAccepting")
    assert (pause.isChecked(), pause.isEnabled()) == (False, False)
    assert not pane.stats.findChild(QLabel, "statsAcceptPaused").isVisible()


def test_udp_pane_sends_an_empty_datagram_only_when_asked(qtbot, make_pane):
    sender, receiver = make_pane(Kind.UDP), make_pane(Kind.UDP)
    rx_seen, tx_seen = record(receiver), record(sender)
    for pane in (receiver, sender):
        pane.settings.local_port.setValue(0)  # two default UDP panes would share a port
        click(qtbot, pane, "startButton")
        qtbot.waitUntil(
            lambda p=pane: p.controller.state is SessionState.LISTENING, timeout=WAIT_MS
        )
    sender.settings.remote_port.setValue(receiver.controller.local_port)
    sender.send_panel.set_input_text("")
    click(qtbot, sender, "sendButton")
    assert sender.send_panel.findChild(QLabel, "sendError").text() == (
        "nothing to send: type some text or hex"
    )
    action = sender.send_panel.empty_action
    assert action.text() == "Send empty datagram (0 bytes)"
    action.trigger()
    qtbot.waitUntil(
        lambda: (
            any(isinstance(e, Chunk) for e in rx_seen)
            and any(isinstance(e, Chunk) for e in tx_seen)
        ),
        timeout=WAIT_MS,
    )
    rx = [e for e in rx_seen if isinstance(e, Chunk)]
    tx = [e for e in tx_seen if isinstance(e, Chunk)]
    assert [(c.direction, c.data) for c in rx] == [(Direction.RX, b"")]
    assert [(c.direction, c.data) for c in tx] == [(Direction.TX, b"")]
    assert sender.controller.stats.tx_chunks == 1
    assert receiver.controller.stats.rx_chunks == 1
    assert receiver.receive.model.rowCount() >= 1


def test_starting_chooses_how_control_bytes_are_drawn_before_any_arrive(
    qtbot, make_pane, monkeypatch
):
    """The fonts are asked once, at the start click: not in the first data's repaint."""
    from netassistant.qt.models import cellformat

    asked: list[str] = []
    monkeypatch.setattr(cellformat, "drawable", lambda char: asked.append(char) or False)
    cellformat.set_picture_style(None)
    pane = make_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    assert asked == [], "building the pane asks nothing"
    click(qtbot, pane, "startButton")
    assert asked == ["\u240d"]
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT_MS)
    click(qtbot, pane, "startButton")  # the same button stops
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=WAIT_MS)
    click(qtbot, pane, "startButton")
    assert asked == ["\u240d"], "chosen once"
    assert cellformat.lf_mark() == "‹LF›"
