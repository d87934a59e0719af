"""The sticky-packet workbench on the real window: provoke 粘包, see it, see the cure."""

from __future__ import annotations

import socket
import struct

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar

from netassistant.core.checksum import append_checksum
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind
from netassistant.core.decoding import DecodedMessage
from netassistant.core.stats import SessionState
from netassistant.qt.models.chunkmodel import ChunkRole
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)


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
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=TIMEOUT) as c:
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
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=TIMEOUT) as c:
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
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=TIMEOUT) as c:
        c.sendall(frame(good) + frame(bytes(bad)))
        qtbot.waitUntil(lambda: len(messages(pane)) == 2, timeout=WAIT)
    ok, wrong = messages(pane)
    assert (ok.checksum_ok, wrong.checksum_ok) == (True, False)
    assert ok.payload == b"\x01\x03\x00\x00\x00\x0a"
    assert pane.decode.checksum_failures == 1
    assert "1 checksum mismatch" in pane.messages.summary.text()


def test_selecting_a_message_selects_its_first_chunk(qtbot, window):
    pane = server_with_framing(qtbot, window, "delimiter:\\n")
    with socket.create_connection(("127.0.0.1", pane.controller.local_port), timeout=TIMEOUT) as c:
        c.sendall(b"alpha\nbeta\n")
        qtbot.waitUntil(lambda: len(messages(pane)) == 2, timeout=WAIT)
    pane.messages.table.selectRow(1)
    selected = pane.receive.table.selectionModel().selectedRows()
    assert len(selected) == 1
    chunk = selected[0].data(ChunkRole)
    assert chunk.seq == messages(pane)[1].spans[0].chunk_seq
    assert b"beta\n" in chunk.data


def client_of(qtbot, window, port: int):
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.settings.remote_port.setValue(port)
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.CONNECTED, timeout=WAIT)
    return pane


def press_send(pane, text: str) -> None:
    pane.send_panel.set_input_text(text)
    pane.send_panel.send()


def tx_chunks(pane) -> list[Chunk]:
    model = pane.receive.model
    rows = [model.chunk_at(r) for r in range(model.rowCount())]
    return [r for r in rows if isinstance(r, Chunk) and r.direction is Direction.TX]


def test_client_bursts_framed_messages_and_server_decodes_them(qtbot, window):
    # The sender's half of the cure (a length header on each message) and the receiver's.
    server = server_with_framing(qtbot, window, "length:!I", delay=200)
    client = client_of(qtbot, window, server.controller.local_port)
    client.send_area.tools.apply_settings(
        {
            "repeat": 20,
            "burst": "one_call",
            "counter": True,
            "frame": "length",
            "frame_spec": "length:!I",
        }
    )
    press_send(client, "msg {n};")
    qtbot.waitUntil(lambda: len(messages(server)) == 20, timeout=WAIT)
    assert [m.payload for m in messages(server)] == [f"msg {i};".encode() for i in range(1, 21)]
    qtbot.waitUntil(lambda: bool(tx_chunks(client)), timeout=WAIT)
    qtbot.wait(50)
    assert len(tx_chunks(client)) == 1, "N copies in one send call: one TX chunk"
    assert len(rx_chunks(server)) < 20


def test_split_send_arrives_as_one_decoded_message(qtbot, window):
    server = server_with_framing(qtbot, window, "delimiter:\\n")
    client = client_of(qtbot, window, server.controller.local_port)
    client.settings.nodelay.setChecked(True)
    client.send_area.tools.apply_settings({"split": 5, "split_gap_ms": 40})
    client.send_panel.set_append("\n")
    press_send(client, "split into five")
    qtbot.waitUntil(lambda: len(messages(server)) == 1, timeout=WAIT)
    assert messages(server)[0].payload == b"split into five"
    qtbot.waitUntil(lambda: len(tx_chunks(client)) == 5, timeout=WAIT)
    assert b"".join(c.data for c in tx_chunks(client)) == b"split into five\n"


def test_periodic_send_stops_when_the_session_stops(qtbot, window):
    with socket.create_server(("127.0.0.1", 0)) as srv:
        srv.settimeout(TIMEOUT)
        client = client_of(qtbot, window, srv.getsockname()[1])
        conn, _ = srv.accept()
        with conn:
            client.send_area.tools.apply_settings({"periodic": True, "interval_ms": 20})
            press_send(client, "tick")
            qtbot.waitUntil(lambda: len(tx_chunks(client)) >= 3, timeout=WAIT)
            assert client.send_area.tools.plan_running()
            with qtbot.waitSignal(client.controller.finished, timeout=WAIT):
                client.controller.stop()
            qtbot.waitUntil(lambda: not client.send_area.tools.plan_running(), timeout=WAIT)
            conn.settimeout(TIMEOUT)
            got = b""
            while chunk := conn.recv(65536):
                got += chunk
            sent = len(tx_chunks(client))
            assert got == b"tick" * sent, "every tick that was recorded arrived, none after"
            qtbot.wait(100)
            assert len(tx_chunks(client)) == sent


def test_fifty_megabyte_file_arrives_byte_identical(qtbot, window, tmp_path):
    import hashlib
    import threading

    data = hashlib.sha256(b"seed").digest() * (50 * 1024 * 1024 // 32)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    with socket.create_server(("127.0.0.1", 0)) as srv:
        srv.settimeout(TIMEOUT)
        client = client_of(qtbot, window, srv.getsockname()[1])
        conn, _ = srv.accept()
        digest = hashlib.sha256()
        received = [0]

        def read_all() -> None:
            conn.settimeout(30)
            while received[0] < len(data):
                chunk = conn.recv(1 << 20)
                if not chunk:
                    break
                digest.update(chunk)
                received[0] += len(chunk)

        reader = threading.Thread(target=read_all)
        reader.start()
        assert client.send_area.files.request_file(str(path))
        # The GUI must keep running meanwhile: the session hands it batches as it sends.
        qtbot.waitUntil(lambda: received[0] == len(data), timeout=60_000)
        reader.join(TIMEOUT)
        conn.close()
    assert received[0] == len(data)
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()
    bar = client.send_area.files.findChild(QProgressBar, "fileSendProgress")
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=WAIT)


def test_capture_file_matches_what_was_received_while_paused(qtbot, window, tmp_path):
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    raw = tmp_path / "rx.bin"
    assert server.capture.start_raw(str(raw))
    qtbot.mouseClick(server.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.controller.state is SessionState.LISTENING, timeout=WAIT)
    server.receive.set_paused(True)
    payload = bytes(range(256)) * 4096  # 1 MiB
    with socket.create_connection(
        ("127.0.0.1", server.controller.local_port), timeout=TIMEOUT
    ) as c:
        c.sendall(payload)
        qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == len(payload), timeout=WAIT)
    server.capture.stop_raw()
    assert raw.read_bytes() == payload


def test_udp_pane_decodes_each_sender_apart(qtbot, window):
    r"""Peer A sends ``ab``, peer B ``cd\\n``: the pane shows ``cd``, never ``abcd``."""
    pane = window.open_pane(Kind.UDP)
    pane.settings.local_port.setValue(0)
    pane.framing.set_spec_text("delimiter:\\n")
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)
    target = ("127.0.0.1", pane.controller.local_port)
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as a,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b,
    ):
        a.bind(("127.0.0.1", 0))
        b.bind(("127.0.0.1", 0))
        a.sendto(b"ab", target)
        qtbot.waitUntil(lambda: len(rx_chunks(pane)) == 1, timeout=WAIT)
        b.sendto(b"cd\n", target)
        qtbot.waitUntil(lambda: len(messages(pane)) == 1, timeout=WAIT)
        a.sendto(b"\n", target)
        qtbot.waitUntil(lambda: len(messages(pane)) == 2, timeout=WAIT)
        senders = [a.getsockname()[1], b.getsockname()[1]]
    assert [(m.payload, m.peer) for m in messages(pane)] == [
        (b"cd", f"127.0.0.1:{senders[1]}"),
        (b"ab", f"127.0.0.1:{senders[0]}"),
    ]
