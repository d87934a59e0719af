"""The sticky-packet workbench on the real window: provoke 粘包, see it, see the cure."""

from __future__ import annotations

import socket
import struct

import pytest
from PySide6.QtCore import Qt

from netassistant.core.checksum import append_checksum
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind
from netassistant.core.decoding import DecodedMessage
from netassistant.core.stats import SessionState
from netassistant.qt.chunkmodel import ChunkRole
from netassistant.ui.mainwindow import MainWindow
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    for pane in win.panes():
        assert pane.shutdown()


def frame(payload: bytes) -> bytes:
    return struct.pack("!I", len(payload)) + payload


def server_with_framing(qtbot, window, spec: str, checksum: str | None = None, delay: int = 0):
    pane = window.open_pane(Kind.TCP_SERVER)
    pane.settings.local_port.setValue(0)
    pane.settings.read_delay.setValue(delay)
    pane.framing.set_spec_text(spec)
    if checksum:
        pane.framing.set_checksum(checksum)
    assert pane.messages.isVisibleTo(pane)
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)
    return pane


def rx_chunks(pane) -> list[Chunk]:
    model = pane.receive.model
    rows = [model.chunk_at(r) for r in range(model.rowCount())]
    return [r for r in rows if isinstance(r, Chunk) and r.direction is Direction.RX]


def messages(pane) -> list[DecodedMessage]:
    model = pane.decode.model
    return [model.item_at(r) for r in range(model.rowCount())]


def test_twenty_framed_messages_in_one_burst_to_a_slow_reader(qtbot, window):
    pane = server_with_framing(qtbot, window, "length:!I", delay=200)
    payloads = [f"message {i:02d}".encode() for i in range(20)]
    stream = b"".join(frame(p) for p in payloads)
    with socket.create_connection(("127.0.0.1", pane.controller.engine.port), timeout=TIMEOUT) as c:
        c.sendall(stream)
        qtbot.waitUntil(lambda: len(messages(pane)) == 20, timeout=WAIT)
    chunks = rx_chunks(pane)
    assert len(chunks) < 20, "the 20 sends arrived in fewer recv() calls (粘包)"
    assert b"".join(c.data for c in chunks) == stream
    decoded = messages(pane)
    assert [m.payload for m in decoded] == payloads
    by_seq = {c.seq: c for c in chunks}
    for m in decoded:
        assert sum(s.end - s.start for s in m.spans) == len(m.frame)
        assert b"".join(by_seq[s.chunk_seq].data[s.start : s.end] for s in m.spans) == m.frame


def test_split_message_is_one_decoded_message(qtbot, window):
    pane = server_with_framing(qtbot, window, "length:!I")
    whole = frame(b"one message in five pieces")
    pieces = [whole[i : i + 6] for i in range(0, len(whole), 6)]
    with socket.create_connection(("127.0.0.1", pane.controller.engine.port), timeout=TIMEOUT) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for piece in pieces:
            c.sendall(piece)
            qtbot.wait(30)
        qtbot.waitUntil(lambda: len(messages(pane)) == 1, timeout=WAIT)
    assert messages(pane)[0].payload == b"one message in five pieces"
    assert len(rx_chunks(pane)) > 1, "拆包: the message came in several recv() calls"
    assert len(messages(pane)[0].spans) == len(rx_chunks(pane))


def test_checksum_mismatch_is_marked(qtbot, window):
    pane = server_with_framing(qtbot, window, "length:!I", checksum="crc16-modbus")
    good = append_checksum("crc16-modbus", b"\x01\x03\x00\x00\x00\x0a")
    bad = bytearray(append_checksum("crc16-modbus", b"\x01\x03\x00\x00\x00\x0b"))
    bad[-1] ^= 0xFF
    with socket.create_connection(("127.0.0.1", pane.controller.engine.port), timeout=TIMEOUT) as c:
        c.sendall(frame(good) + frame(bytes(bad)))
        qtbot.waitUntil(lambda: len(messages(pane)) == 2, timeout=WAIT)
    ok, wrong = messages(pane)
    assert (ok.checksum_ok, wrong.checksum_ok) == (True, False)
    assert ok.payload == b"\x01\x03\x00\x00\x00\x0a"
    assert pane.decode.checksum_failures == 1
    assert "1 checksum mismatch" in pane.messages.summary.text()


def test_selecting_a_message_selects_its_first_chunk(qtbot, window):
    pane = server_with_framing(qtbot, window, "delimiter:\\n")
    with socket.create_connection(("127.0.0.1", pane.controller.engine.port), timeout=TIMEOUT) as c:
        c.sendall(b"alpha\nbeta\n")
        qtbot.waitUntil(lambda: len(messages(pane)) == 2, timeout=WAIT)
    pane.messages.table.selectRow(1)
    selected = pane.receive.table.selectionModel().selectedRows()
    assert len(selected) == 1
    chunk = selected[0].data(ChunkRole)
    assert chunk.seq == messages(pane)[1].spans[0].chunk_seq
    assert b"beta\n" in chunk.data
