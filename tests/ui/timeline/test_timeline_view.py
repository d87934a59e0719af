"""The Timeline beside a pane's log, over real loopback sessions (offscreen).

Clicking a step selects its row in the log and selecting a row highlights its step;
stepping and playing move through the calls; Export writes the core's files; a server
pane and a client pane of one window link their sends and recvs.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind
from netassistant.core.stats import SessionState
from netassistant.core.timeline.export import to_json, to_mermaid
from netassistant.core.timeline.layout import SELF
from netassistant.qt.models.chunkmodel import ChunkRole, Column
from netassistant.ui.pane.pane import SessionPane
from tests.helpers import TIMEOUT

WAIT = int(TIMEOUT * 1000)


def started_server(qtbot) -> SessionPane:
    pane = SessionPane(Kind.TCP_SERVER)
    qtbot.addWidget(pane)
    pane.resize(1400, 900)
    pane.settings.local_port.setValue(0)
    pane.settings.kernel_state.setChecked(False)  # these tests pin the calls, not the states
    assert pane.start()
    qtbot.waitUntil(lambda: pane.controller.state is SessionState.LISTENING, timeout=WAIT)
    return pane


def calls(pane: SessionPane) -> list[str]:
    return [s.call for s in pane.timeline.model.builder.steps]


def selected_record(pane: SessionPane):
    rows = pane.receive.table.selectionModel().selectedRows(Column.DATA)
    return rows[0].data(ChunkRole) if rows else None


def test_timeline_is_made_on_first_show_and_follows_the_session(qtbot):
    pane = started_server(qtbot)
    try:
        assert pane.timeline.view is None  # start-up pays for the button only
        with socket.create_connection(("127.0.0.1", pane.controller.local_port)) as client:
            client.sendall(b"hello")
            qtbot.waitUntil(lambda: pane.controller.stats.rx_bytes == 5, timeout=WAIT)
            pane.timeline.button.click()
            view = pane.timeline.view
            assert view is not None
            assert not view.isHidden()
            # Seeded from what the log holds, then fed live.
            assert calls(pane) == ["listen", "accept", "recv"]
            client.sendall(b"world!")
            qtbot.waitUntil(lambda: calls(pane)[-1:] == ["recv"] and len(calls(pane)) == 4,
                            timeout=WAIT)  # fmt: skip
        qtbot.waitUntil(lambda: "fin" in calls(pane), timeout=WAIT)
        assert calls(pane) == ["listen", "accept", "recv", "recv", "fin", "close"]
        recv = pane.timeline.model.builder.steps[3]
        assert (recv.length, recv.start, recv.end) == (6, 5, 11)

        # Click the second recv's row: the log selects that chunk.
        canvas = view.canvas
        row = canvas.row_of(recv.id)
        point = QPoint(canvas.column_x(SELF), canvas.row_centre_y(row))
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert canvas.selected == recv.id
        record = selected_record(pane)
        assert isinstance(record, Chunk)
        assert (record.seq, record.data) == (recv.seq, b"world!")

        # And the other way: choose the accept row in the log, the timeline highlights it.
        accept = pane.timeline.model.builder.steps[1]
        assert pane.receive.select_seq(accept.seq)
        assert isinstance(selected_record(pane), ConnEvent)
        assert canvas.selected == accept.id

        # Choosing the client in the client list draws its lifeline only; none: all.
        view.show_connection(1)
        assert view.lane_combo.currentData() == recv.lane
        assert {s.lane for s in view.canvas.rows} <= {recv.lane, ""}, view.canvas.rows
        view.show_connection(None)
        assert view.lane_combo.currentData() is None
        assert view.canvas.rows is pane.timeline.model.builder.steps

        pane.timeline.button.click()
        assert view.isHidden()
    finally:
        assert pane.shutdown()


def test_step_play_and_export(qtbot, tmp_path):
    pane = started_server(qtbot)
    try:
        pane.timeline.set_shown(True)
        view = pane.timeline.view
        with socket.create_connection(("127.0.0.1", pane.controller.local_port)) as client:
            client.sendall(b"abc")
            qtbot.waitUntil(lambda: "recv" in calls(pane), timeout=WAIT)
        qtbot.waitUntil(lambda: "close" in calls(pane), timeout=WAIT)
        rows = len(view.canvas.rows)
        assert rows == 5  # listen, accept, recv, fin, close

        view.step(1)
        assert view.canvas.position == 0
        assert view.status.text() == "call 1 of 5"
        view.canvas.setFocus()
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
        assert view.canvas.position == 2
        qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
        assert view.canvas.position == 1
        view.go_live()
        assert view.canvas.position is None
        view.step(-1)
        assert view.canvas.position == rows - 2  # back from live: the one before the last

        # Play goes on from where stepping stopped.
        view.play_button.click()
        assert view.canvas.position == rows - 2
        view.play_button.click()
        assert view.canvas.position == rows - 2  # paused there
        # Replay at 8x from the start (live -> Play): every step shown, then it stops.
        view.go_live()
        view.speed_combo.setCurrentIndex(view.speed_combo.findData(8.0))
        positions = []
        view.play_button.click()
        assert view.canvas.position == 0
        qtbot.waitUntil(
            lambda: positions.append(view.canvas.position) or not view.play_button.isChecked(),
            timeout=WAIT,
        )
        assert view.canvas.position == rows - 1
        assert sorted(set(positions)) == list(range(rows))

        builder = pane.timeline.model.builder
        for name in ("t.svg", "t.mmd", "t.json"):
            assert view.export_to(str(tmp_path / name))
            assert view.status.text() == f"Exported to {tmp_path / name}"
        assert (tmp_path / "t.json").read_text("utf-8") == to_json(builder)
        assert (tmp_path / "t.mmd").read_text("utf-8") == to_mermaid(builder)
        assert (tmp_path / "t.svg").read_text("utf-8").startswith("<?xml")
        assert json.loads(to_json(builder))[2]["len"] == 3
        assert not view.export_to(str(tmp_path / "t.txt"))
        assert view.status.text().startswith("Export failed: a timeline file must end in .svg")
        assert not (tmp_path / "t.txt").exists()
    finally:
        assert pane.shutdown()


def test_a_server_pane_and_a_client_pane_link_their_calls(qtbot):
    from netassistant.ui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    try:
        server = window.open_pane(Kind.TCP_SERVER)
        server.settings.local_port.setValue(0)
        server.settings.recv_size.setValue(4)
        assert server.start()
        qtbot.waitUntil(lambda: server.controller.state is SessionState.LISTENING, timeout=WAIT)
        client = window.open_pane(Kind.TCP_CLIENT)
        client.settings.remote_port.setValue(server.controller.local_port)
        assert client.start()
        qtbot.waitUntil(lambda: client.controller.state is SessionState.CONNECTED, timeout=WAIT)
        server.timeline.set_shown(True)
        client.controller.send(b"0123456789")  # recv() takes 4 bytes at a time: 拆包
        builder = server.timeline.model.builder

        def linked():
            sends = [s for s in builder.steps if s.call == "send" and s.session]
            return bool(sends) and len(builder.links_from(sends[0].id)) == 3

        qtbot.waitUntil(linked, timeout=WAIT)
        send = next(s for s in builder.steps if s.call == "send")
        assert [(s.call, s.start, s.end) for s in builder.links_from(send.id)] == [
            ("recv", 0, 4),
            ("recv", 4, 8),
            ("recv", 8, 10),
        ]
        rx = [r for r in server.receive.model.held_events() if isinstance(r, Chunk)]
        assert [(c.direction, len(c.data)) for c in rx] == [(Direction.RX, 4)] * 2 + [
            (Direction.RX, 2)
        ]
        # Only the client pane's steps joined (panes of earlier tests may still be around).
        assert len({s.session for s in builder.steps if s.session}) == 1
        kinds = [s.call for s in builder.steps if s.session]
        assert kinds[:3] == ["connect", "connect", "send"]
        assert EventKind.ACCEPTED in [
            e.kind for e in server.receive.model.held_events() if isinstance(e, ConnEvent)
        ]
    finally:
        for pane in window.panes():
            assert pane.shutdown()


def test_the_window_starts_without_the_timeline_code():
    # Start-up pays for the toggle only: model, view, painting and exports load on first use.
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from netassistant.ui.mainwindow import MainWindow\n"
        "window = MainWindow()\n"
        "print(' '.join(sorted(m for m in sys.modules if 'timeline' in m)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "netassistant.ui.timeline",
        "netassistant.ui.timeline.panehook",
    ]
