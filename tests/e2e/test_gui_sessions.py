"""The real window driven over loopback: panes talk to each other and to plain sockets."""

from __future__ import annotations

import os
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Family, Kind
from netassistant.core.stats import SessionState
from netassistant.ui.mainwindow import MainWindow
from netassistant.ui.pane.pane import SessionPane
from tests.helpers import TIMEOUT, free_port

WAIT = int(TIMEOUT * 1000)


def rows(pane: SessionPane) -> list:
    model = pane.receive.model
    return [model.chunk_at(r) for r in range(model.rowCount())]


def data_rows(pane: SessionPane, direction: Direction = Direction.RX) -> list[Chunk]:
    return [r for r in rows(pane) if isinstance(r, Chunk) and r.direction is direction]


def start(qtbot, pane: SessionPane, state: SessionState = SessionState.LISTENING) -> None:
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.controller.state is state, timeout=WAIT)


def type_and_send(qtbot, pane: SessionPane, text: str) -> None:
    pane.send_panel.set_input_text(text)
    qtbot.mouseClick(
        pane.send_panel.findChild(type(pane.settings.start_button), "sendButton"),
        Qt.MouseButton.LeftButton,
    )


def open_server(qtbot, window, **settings) -> SessionPane:
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.local_port.setValue(0)
    for name, value in settings.items():
        getattr(server.settings, name).setValue(value)
    start(qtbot, server)
    return server


def connect_client(qtbot, window, port: int) -> SessionPane:
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(port)
    start(qtbot, client, SessionState.CONNECTED)
    return client


def test_server_and_client_panes_talk(qtbot, window):
    server = open_server(qtbot, window)
    port = server.controller.local_port
    assert server.settings.local_port.value() == port, "the bound port is shown"
    client = connect_client(qtbot, window, port)
    qtbot.waitUntil(lambda: len(server.controller.stats.clients) == 1, timeout=WAIT)

    type_and_send(qtbot, client, "hello server")
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 12, timeout=WAIT)
    assert b"".join(c.data for c in data_rows(server)) == b"hello server"
    qtbot.waitUntil(lambda: bool(data_rows(client, Direction.TX)), timeout=WAIT)
    assert data_rows(client, Direction.TX)[0].data == b"hello server"

    server.send_panel.set_mode("hex")
    type_and_send(qtbot, server, "48 49 0D 0A")
    qtbot.waitUntil(lambda: client.controller.stats.rx_bytes == 4, timeout=WAIT)
    assert data_rows(client)[0].data == b"HI\r\n"
    assert client.controller.stats.tx_bytes == 12
    # Two sessions, two threads: the server's batch with its TX chunk may reach the GUI
    # after the client's RX (each engine flushes on its own clock, ~30 times a second).
    qtbot.waitUntil(lambda: server.controller.stats.tx_bytes == 4, timeout=WAIT)
    kinds = [r.kind for r in rows(server) if isinstance(r, ConnEvent)]
    assert kinds[:2] == [EventKind.LISTENING, EventKind.ACCEPTED]


def test_udp_pane_to_udp_pane(qtbot, window):
    a = window.open_pane(Kind.UDP)
    b = window.open_pane(Kind.UDP)
    a.settings.local_port.setValue(0)
    b.settings.local_port.setValue(0)
    start(qtbot, a)
    start(qtbot, b)
    a_port, b_port = a.controller.local_port, b.controller.local_port
    a.send_panel.set_udp_target("127.0.0.1", b_port)
    a.settings.encoding.setCurrentText("gbk")
    type_and_send(qtbot, a, "你好 UDP")
    qtbot.waitUntil(lambda: bool(data_rows(b)), timeout=WAIT)
    chunk = data_rows(b)[0]
    assert chunk.data == "你好 UDP".encode("gbk")
    assert chunk.peer == f"127.0.0.1:{a_port}"
    # Reply to the last sender.
    b.send_panel.findChild(type(b.settings.nodelay), "udpReply").setChecked(True)
    type_and_send(qtbot, b, "ack")
    qtbot.waitUntil(lambda: bool(data_rows(a)), timeout=WAIT)
    assert data_rows(a)[0].data == b"ack"


def test_sticky_packets_are_visible_in_the_server_pane(qtbot, window):
    # A slow reader (300 ms before each recv) and five quick sends from the client pane.
    server = open_server(qtbot, window, read_delay=300)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.remote_port.setValue(server.controller.local_port)
    client.settings.nodelay.setChecked(True)
    start(qtbot, client, SessionState.CONNECTED)
    messages = [f"msg{i};" for i in range(5)]
    for m in messages:
        type_and_send(qtbot, client, m)
    expected = "".join(messages).encode()
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == len(expected), timeout=WAIT)
    chunks = data_rows(server)
    assert b"".join(c.data for c in chunks) == expected, "every byte, in order"
    assert len(chunks) < 5, "several sends arrived in one recv (粘包)"
    qtbot.waitUntil(lambda: len(data_rows(client, Direction.TX)) == 5, timeout=WAIT)


def test_port_in_use_shows_message_and_app_keeps_working(qtbot, window):
    with socket.create_server(("127.0.0.1", 0)) as blocker:
        port = blocker.getsockname()[1]
        pane = window.open_pane(Kind.TCP_SERVER)
        pane.settings.local_port.setValue(port)
        start(qtbot, pane, SessionState.FAILED)
        qtbot.waitUntil(lambda: not pane.controller.running, timeout=WAIT)
        message = pane.findChild(type(pane.settings.error_label), "settingsError")
        if os.path.exists("/proc/net/tcp"):  # Linux tells who holds the port
            assert message.text() == (
                f"port {port} is already in use — a socket is listening on it (another "
                "program, or another session); choose another port or stop that one"
            )
        else:
            assert message.text() == (
                f"port {port} is already in use — another program is bound to it; "
                "choose another port or stop that program"
            )
        assert pane.settings.start_button.isEnabled()
    pane.settings.local_port.setValue(0)
    start(qtbot, pane)


def test_refused_client_shows_message(qtbot, window):
    port = free_port()
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.settings.remote_port.setValue(port)
    start(qtbot, pane, SessionState.FAILED)
    assert pane.settings.error_label.text() == (
        f"connection refused by 127.0.0.1:{port} — nothing is listening there"
    )
    errors = [r for r in rows(pane) if isinstance(r, ConnEvent) and r.kind is EventKind.ERROR]
    assert errors
    assert errors[0].message == pane.settings.error_label.text()


def test_bad_hex_is_refused_inline_and_nothing_is_sent(qtbot, window):
    server = open_server(qtbot, window)
    with socket.create_connection(("127.0.0.1", server.controller.local_port), timeout=TIMEOUT):
        qtbot.waitUntil(lambda: bool(server.controller.stats.clients), timeout=WAIT)
        server.send_panel.set_mode("hex")
        label = server.send_panel.findChild(type(server.settings.error_label), "sendError")
        assert not label.isVisibleTo(window)
        type_and_send(qtbot, server, "01 0g")
        assert label.text() == "invalid hex character 'g' at position 4"
        # the window is never shown in these tests: ask whether the label would be
        assert label.isVisibleTo(window)
        qtbot.wait(100)
        assert server.controller.stats.tx_bytes == 0
        type_and_send(qtbot, server, "01 0A")
        qtbot.waitUntil(lambda: server.controller.stats.tx_bytes == 2, timeout=WAIT)


def test_bad_port_setting_names_the_field(qtbot, window):
    pane = window.open_pane(Kind.TCP_CLIENT)
    pane.settings.remote_port.setValue(0)
    qtbot.mouseClick(pane.settings.start_button, Qt.MouseButton.LeftButton)
    assert not pane.controller.running
    assert pane.settings.error_label.text() == "Remote port: 0 is out of range 1..65535"


def test_server_pane_client_list_actions(qtbot, window):
    server = open_server(qtbot, window)
    port = server.controller.local_port
    a = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    b = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    try:
        qtbot.waitUntil(lambda: len(server.controller.stats.clients) == 2, timeout=WAIT)
        assert server.clients is not None
        server.clients.abort_requested.emit(2)
        b.settimeout(TIMEOUT)
        with pytest.raises(ConnectionResetError, match="reset by peer"):
            b.recv(10)
        server.clients.half_close_requested.emit(1)
        a.settimeout(TIMEOUT)
        assert a.recv(10) == b""
        a.sendall(b"after half-close")
        qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 16, timeout=WAIT)
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize(("family", "host"), [(Family.INET6, "::1"), (Family.UNIX, None)])
def test_other_families(qtbot, window, tmp_path, family, host):
    server = window.open_pane(Kind.TCP_SERVER)
    server.settings.family.setCurrentIndex(server.settings.family.findData(family.value))
    path = str(tmp_path / "s.sock")
    server.settings.local_host.setEditText(host or path)
    server.settings.local_port.setValue(0)
    start(qtbot, server)
    client = window.open_pane(Kind.TCP_CLIENT)
    client.settings.family.setCurrentIndex(client.settings.family.findData(family.value))
    client.settings.remote_host.setText(host or path)
    client.settings.remote_port.setValue(server.controller.local_port)
    start(qtbot, client, SessionState.CONNECTED)
    type_and_send(qtbot, client, "family test")
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 11, timeout=WAIT)


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))  # OS threads: QThreads included


def _session_threads() -> int:
    # Session QThreads are named "session-<kind>" (the kernel keeps 15 characters).
    names = []
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as fh:
                names.append(fh.read())
        except OSError:  # the thread ended while we looked
            continue
    return sum(name.startswith("session-") for name in names)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_fifty_panes_open_and_close_leave_nothing_behind(qtbot, window):
    def cycle(i: int) -> None:
        pane = window.open_pane([Kind.TCP_SERVER, Kind.UDP][i % 2])
        pane.settings.local_port.setValue(0)
        start(qtbot, pane)
        window.close_pane(window.tabs.indexOf(pane))

    # Qt starts a few helper threads of its own on first use (e.g. for fonts): warm up
    # with one pane of each kind before taking the baseline.
    cycle(0)
    cycle(1)
    qtbot.waitUntil(lambda: _session_threads() == 0, timeout=2000)
    before_fds, before_threads = _fds(), _threads()
    for i in range(50):
        cycle(i)
    qtbot.waitUntil(lambda: window.tabs.count() == 0, timeout=WAIT)
    # Every session's thread was waited for in close_session(); the last OS thread may
    # still be unwinding for a moment after QThread.wait() returns (Qt detaches them).
    qtbot.waitUntil(lambda: _session_threads() == 0, timeout=2000)
    assert _threads() == before_threads
    assert _fds() == before_fds


def test_closing_the_window_shuts_every_session_down(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    panes = [win.open_pane(k) for k in (Kind.TCP_SERVER, Kind.UDP)]
    for p in panes:
        p.settings.local_port.setValue(0)
        start(qtbot, p)
    win.close()
    assert all(not p.controller.running for p in panes)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
def test_keyboard_ctrl_enter_sends_and_ctrl_l_clears(qtbot, window):
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    server = open_server(qtbot, window)
    client = connect_client(qtbot, window, server.controller.local_port)
    window.tabs.setCurrentWidget(client)
    editor = client.send_panel.findChild(QPlainTextEdit, "sendInput")
    editor.setFocus()
    qtbot.keyClicks(editor, "keyboard")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 8, timeout=WAIT)
    qtbot.waitUntil(lambda: client.controller.stats.tx_bytes == 8, timeout=WAIT)
    assert client.receive.model.rowCount() > 0
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert client.receive.model.rowCount() == 0
    assert client.controller.stats.tx_bytes == 8, "clearing the view keeps the counters"


def test_save_log_saves_what_is_on_screen_then_keeps_recording(qtbot, window, tmp_path):
    import json

    server = open_server(qtbot, window)
    client = connect_client(qtbot, window, server.controller.local_port)
    type_and_send(qtbot, client, "before")
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 6, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(data_rows(server)), timeout=WAIT)
    held = len(rows(server))

    path = tmp_path / "server.jsonl"
    assert server.save_log(str(path), "jsonl", keep_recording=True) == held
    saved = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(saved) == held  # everything already on screen, not just what comes next
    assert [r.get("seq") for r in saved] == [r.seq for r in rows(server)]

    type_and_send(qtbot, client, "after")
    qtbot.waitUntil(lambda: server.controller.stats.rx_bytes == 11, timeout=WAIT)
    qtbot.waitUntil(lambda: b"after" in path.read_bytes(), timeout=WAIT)
    server.capture.stop_log()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records[:held] == saved  # the recording appended to the same file
    received = [r["text"] for r in records if r["event"] == "chunk" and r["dir"] == "rx"]
    assert "".join(received) == "beforeafter"


def test_save_log_into_a_folder_says_why_on_the_status_line(qtbot, window, tmp_path):
    server = open_server(qtbot, window)
    assert server.save_log(str(tmp_path), "text") is None
    assert server.stats.message.text() == f"{tmp_path} is a directory, not a regular file"
