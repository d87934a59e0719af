"""The relay pane between a real client and server: both legs shown, faults applied live."""

from __future__ import annotations

import contextlib
import socket

from PySide6.QtWidgets import QComboBox

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, EventKind
from netassistant.core.config import Kind
from netassistant.core.profiles.model import Profile
from netassistant.core.stats import SessionState
from netassistant.qt.models.chunkmodel import Column
from netassistant.ui.automation.faultsbox import FaultsBox
from netassistant.ui.pane.relaypane import RelayPane
from tests.helpers import TIMEOUT
from tests.ui.helpers import undescribed

WAIT_MS = int(TIMEOUT * 1000)


def chunks(pane: RelayPane) -> list[tuple[str, Chunk]]:
    """(DIR column text, chunk) of every chunk row of the log."""
    model = pane.receive.model
    return [
        (model.index(row, Column.DIR).data(), model.chunk_at(row))
        for row in range(model.rowCount())
        if isinstance(model.chunk_at(row), Chunk)
    ]


def faults_logged(pane: RelayPane) -> list[ConnEvent]:
    model = pane.receive.model
    events = [model.chunk_at(row) for row in range(model.rowCount())]
    return [e for e in events if isinstance(e, ConnEvent) and e.kind is EventKind.FAULT]


def receive(qtbot, sock: socket.socket, total: int) -> list[bytes]:
    """recv() results until ``total`` bytes came, while the GUI thread keeps running."""
    pieces: list[bytes] = []
    sock.setblocking(False)

    def enough() -> bool:
        with contextlib.suppress(BlockingIOError):
            pieces.append(sock.recv(100))
        return sum(map(len, pieces)) >= total

    qtbot.waitUntil(enough, timeout=WAIT_MS)
    sock.settimeout(TIMEOUT)
    return pieces


def start_relay(qtbot, pane: RelayPane, upstream: socket.socket) -> int:
    pane.settings.local_port.setValue(0)
    pane.settings.remote_port.setValue(upstream.getsockname()[1])
    assert pane.start()
    ctl = pane.controller
    qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
    return ctl.local_port


def test_relay_pane_forwards_shows_both_legs_and_applies_a_fault_change(qtbot):
    pane = RelayPane()
    qtbot.addWidget(pane)
    assert pane.title() == "Relay 127.0.0.1:8083 → 127.0.0.1:8080"
    with socket.create_server(("127.0.0.1", 0)) as upstream:
        port = start_relay(qtbot, pane, upstream)
        try:
            client = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
            upstream.settimeout(TIMEOUT)
            server, _ = upstream.accept()
            with client, server:
                server.settimeout(TIMEOUT)
                qtbot.waitUntil(lambda: pane.clients.model.rowCount() == 1, timeout=WAIT_MS)
                client.sendall(b"hello")
                assert receive(qtbot, server, 5) == [b"hello"]
                server.sendall(b"world")
                assert receive(qtbot, client, 5) == [b"world"]
                qtbot.waitUntil(lambda: len(chunks(pane)) == 4, timeout=WAIT_MS)
                assert [(hop, c.data) for hop, c in chunks(pane)] == [
                    ("client→relay", b"hello"),
                    ("relay→server", b"hello"),
                    ("server→relay", b"world"),
                    ("relay→client", b"world"),
                ]
                # A slicer added in the Faults box applies at once to the open connection.
                pane.faults.add_button.click()
                row = pane.faults.rows[0]
                row.params.setText("size=2,delay_ms=20")
                row.params.editingFinished.emit()
                qtbot.waitUntil(lambda: len(faults_logged(pane)) >= 5, timeout=WAIT_MS)
                actions = [
                    (e.detail["action"], e.detail["params"]["size"]) for e in faults_logged(pane)
                ]
                assert actions == [
                    ("added", 4),
                    ("active", 4),
                    ("removed", 4),
                    ("added", 2),
                    ("active", 2),
                ]
                client.sendall(b"abcde")
                # Read without blocking the GUI thread: the engine waits for it to take
                # the batches (back-pressure), so a blocking recv() here would stall both.
                # (The kernel may join pieces that wait in the server's buffer: the log's
                # TX rows below are the relay's three send calls.)
                assert b"".join(receive(qtbot, server, 5)) == b"abcde"
                qtbot.waitUntil(lambda: len(chunks(pane)) == 8, timeout=WAIT_MS)
                tail = [(hop, c.data) for hop, c in chunks(pane)][4:]
                assert tail == [
                    ("client→relay", b"abcde"),
                    ("relay→server", b"ab"),
                    ("relay→server", b"cd"),
                    ("relay→server", b"e"),
                ]
                assert all(c.flags & ChunkFlag.SERVER_LEG for _, c in chunks(pane)[5:])
                # Inject toward the client through the send box.
                toward = pane.send_panel.findChild(QComboBox, "injectToward")
                toward.setCurrentIndex(toward.findData("client"))
                pane.send_panel.input.setPlainText("injected")
                pane.send_panel.send_button.click()
                assert receive(qtbot, client, 8) == [b"injected"]
        finally:
            assert pane.shutdown()


def test_a_bad_fault_is_named_and_not_applied(qtbot):
    box = FaultsBox()
    qtbot.addWidget(box)
    applied: list[list[str]] = []
    box.faults_changed.connect(applied.append)
    box.add_button.click()
    assert applied == [["up:slicer:size=4,variation=0,delay_ms=10"]]
    row = box.rows[0]
    row.params.setText("size=0")
    row.params.editingFinished.emit()
    assert applied == [["up:slicer:size=4,variation=0,delay_ms=10"]]
    assert box.error_label.text() == (
        "Fault 1: slicer: size must be a whole number 1..1048576, not '0'"
    )
    row.name.setCurrentIndex(row.name.findData("latency"))
    assert applied[-1] == ["up:latency:ms=100,jitter=0"]
    assert box.error_label.isHidden()
    row.toxicity.setValue(0.5)
    assert applied[-1] == ["up:latency:ms=100,jitter=0,toxicity=0.5"]
    row.remove_button.click()
    assert applied[-1] == []


def test_relay_settings_round_trip_through_a_profile(qtbot):
    pane = RelayPane()
    qtbot.addWidget(pane)
    pane.settings.remote_port.setValue(9100)
    pane.relay_box.udp.setChecked(True)
    pane.relay_box.idle.setValue(5.0)
    pane.faults.set_specs(["down:latency:ms=50,jitter=5", "both:drop:toxicity=0.25"])
    profile = pane.profile("relay")
    assert profile.config.kind is Kind.RELAY
    assert profile.config.faults == ["down:latency:ms=50,jitter=5", "both:drop:toxicity=0.25"]
    assert (profile.config.relay_udp, profile.config.relay_idle_timeout) == (True, 5.0)
    again = RelayPane()
    qtbot.addWidget(again)
    again.apply_profile(Profile.from_dict(profile.to_dict()))
    assert again.config() == profile.config


def test_relay_pane_controls_are_named_and_described(qtbot):
    pane = RelayPane()
    qtbot.addWidget(pane)
    pane.faults.add_button.click()
    assert undescribed(pane.relay_box) == []
    assert undescribed(pane.faults) == []
