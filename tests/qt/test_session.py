"""SessionController/SessionWorker: real sessions on QThreads, signals in the GUI thread."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from PySide6.QtCore import QThread

from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import PipelineBatch
from netassistant.core.stats import SessionState
from netassistant.qt.session import SessionController
from netassistant.qt.worker import SessionWorker
from tests.helpers import TIMEOUT, free_port

WAIT_MS = int(TIMEOUT * 1000)


def wait_state(qtbot, ctl: SessionController, state: SessionState) -> None:
    qtbot.waitUntil(lambda: ctl.state is state, timeout=WAIT_MS)


@pytest.fixture
def controller(qtbot):
    ctl = SessionController()
    yield ctl
    assert ctl.shutdown()


def test_server_receives_and_counts_in_gui_thread(qtbot, controller):
    seen: list = []
    threads: set = set()

    def on_events(batch):
        threads.add(threading.current_thread() is threading.main_thread())
        seen.extend(batch)

    controller.events_received.connect(on_events)
    with qtbot.waitSignal(controller.state_changed, timeout=WAIT_MS):
        controller.start(SessionConfig(kind=Kind.TCP_SERVER).validate())
    wait_state(qtbot, controller, SessionState.LISTENING)
    port = controller.local_port
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
        with qtbot.waitSignal(controller.clients_changed, timeout=WAIT_MS):
            pass
        assert list(controller.stats.clients) == [1]
        c.sendall(b"hello netassistant")
        qtbot.waitUntil(lambda: controller.stats.rx_bytes == 18, timeout=WAIT_MS)
        # per client too, asked while the client is still connected (and so still listed)
        assert controller.stats.clients[1].rx_bytes == 18
        assert controller.send(b"back")
        c.settimeout(TIMEOUT)
        assert c.recv(10) == b"back"
        qtbot.waitUntil(lambda: controller.stats.tx_bytes == 4, timeout=WAIT_MS)
    assert threads == {True}, "batches arrive in the GUI thread"
    rx = [e for e in seen if isinstance(e, Chunk) and e.direction is Direction.RX]
    assert b"".join(c.data for c in rx) == b"hello netassistant"
    assert controller.stats.rx_chunks == len(rx)


def test_refused_client_reports_plain_error_and_fails(qtbot, controller):
    port = free_port()
    with qtbot.waitSignal(controller.error, timeout=WAIT_MS) as blocker:
        controller.start(SessionConfig(kind=Kind.TCP_CLIENT, remote_port=port).validate())
    assert blocker.args == [f"connection refused by 127.0.0.1:{port} — nothing is listening there"]
    qtbot.waitUntil(lambda: not controller.running, timeout=WAIT_MS)
    assert controller.state is SessionState.FAILED


def test_client_session_ends_when_server_closes(qtbot, controller):
    with socket.create_server(("127.0.0.1", 0)) as srv:
        srv.settimeout(TIMEOUT)
        controller.start(
            SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1]).validate()
        )
        conn, _ = srv.accept()
        wait_state(qtbot, controller, SessionState.CONNECTED)
        with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
            conn.close()
    assert controller.state is SessionState.STOPPED
    assert not controller.running


def test_stop_then_start_again(qtbot, controller):
    cfg = SessionConfig(kind=Kind.UDP).validate()
    for _ in range(3):
        controller.start(cfg)
        wait_state(qtbot, controller, SessionState.LISTENING)
        with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
            controller.stop()
        assert controller.state is SessionState.STOPPED


def test_flood_arrives_complete_and_in_order(qtbot, controller):
    seen: list = []
    controller.events_received.connect(seen.extend)
    controller.start(SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024).validate())
    wait_state(qtbot, controller, SessionState.LISTENING)
    total = 8 * 1024 * 1024
    block = bytes(range(256)) * 256

    def flood() -> None:
        with socket.create_connection(("127.0.0.1", controller.local_port), timeout=TIMEOUT) as c:
            for _ in range(total // len(block)):
                c.sendall(block)

    t = threading.Thread(target=flood)
    t.start()
    qtbot.waitUntil(lambda: controller.stats.rx_bytes == total, timeout=30_000)
    t.join(TIMEOUT)
    seqs = [e.seq for e in seen]
    assert seqs == list(range(1, len(seqs) + 1))
    data = b"".join(e.data for e in seen if isinstance(e, Chunk))
    assert data == block * (total // len(block))


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_fifty_sessions_leave_no_thread_or_socket_behind(qtbot):
    before_fds = _open_fds()
    before_threads = threading.active_count()
    kinds = [Kind.TCP_SERVER, Kind.UDP]
    controllers = []
    for i in range(50):
        ctl = SessionController()
        ctl.start(SessionConfig(kind=kinds[i % 2]).validate())
        controllers.append(ctl)
    for ctl in controllers:
        wait_state(qtbot, ctl, SessionState.LISTENING)
    for ctl in controllers:
        assert ctl.shutdown()
        assert not ctl.running
    assert threading.active_count() == before_threads
    assert _open_fds() == before_fds


def test_shutdown_is_idempotent_and_safe_before_start(qtbot):
    ctl = SessionController()
    assert ctl.shutdown()
    ctl.start(SessionConfig(kind=Kind.TCP_SERVER).validate())
    assert ctl.shutdown()
    assert ctl.shutdown()
    assert QThread.currentThread() is not None


def test_a_big_batch_is_applied_in_slices_and_acknowledged_once(qtbot):
    """A flood's 5,000-event batch reaches the GUI as 2,048 + 2,048 + 904 events, in order.

    The worker hears one acknowledgement, after the last slice, and what the pipeline made
    of the batch (here: bytes pending) comes with that last slice.
    """
    ctl = SessionController()
    worker = SessionWorker(SessionConfig(kind=Kind.UDP).validate())
    worker.batches.connect(ctl._on_batch)
    slices: list[tuple[int, int]] = []  # (events, batches the worker still waits for)
    seqs: list[int] = []
    pending: list[tuple[int, dict]] = []

    def on_events(events):
        slices.append((len(events), worker._inflight))
        seqs.extend(ev.seq for ev in events)

    ctl.events_received.connect(on_events)
    ctl.decoded_received.connect(lambda batch: pending.append((len(seqs), batch.pending)))
    events = [
        Chunk(seq, 0, 0, Direction.RX, "127.0.0.1:1", "127.0.0.1:2", b"x") for seq in range(1, 5001)
    ]
    try:
        worker._sink(PipelineBatch(events, [], 0, {0: 3}, []))
        qtbot.waitUntil(lambda: len(seqs) == 5000, timeout=WAIT_MS)
        assert slices == [(2048, 1), (2048, 1), (904, 1)]
        assert seqs == list(range(1, 5001))
        assert pending == [(5000, {0: 3})]
        assert worker._inflight == 0
        assert ctl.stats.rx_chunks == 5000
    finally:
        worker.pipeline.close()
        assert ctl.shutdown()


def test_a_window_session_waits_while_the_gui_holds_the_foreground_gate(qtbot, controller):
    from netassistant.qt.foreground import GUI_GATE

    controller.start(SessionConfig(kind=Kind.UDP, local_port=0).validate())
    wait_state(qtbot, controller, SessionState.LISTENING)
    before = GUI_GATE.waits
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c, GUI_GATE:
        c.sendto(b"ping", ("127.0.0.1", controller.local_port))
        deadline = time.monotonic() + TIMEOUT
        while GUI_GATE.waits == before and time.monotonic() < deadline:
            time.sleep(0.01)  # the GUI thread is "busy": batches wait, the engine waits
    assert GUI_GATE.waits > before
    qtbot.waitUntil(lambda: controller.stats.rx_bytes == 4, timeout=WAIT_MS)


def test_each_slice_is_applied_holding_the_foreground_gate(qtbot, controller):
    """Applying a slice calls into Python and Qt many times: the engines wait meanwhile."""
    from netassistant.qt.foreground import GUI_GATE

    held: list[bool] = []
    controller.events_received.connect(lambda events: held.append(GUI_GATE.busy))
    controller.start(SessionConfig(kind=Kind.UDP, local_port=0).validate())
    wait_state(qtbot, controller, SessionState.LISTENING)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        c.sendto(b"ping", ("127.0.0.1", controller.local_port))
    qtbot.waitUntil(lambda: controller.stats.rx_bytes == 4, timeout=WAIT_MS)
    assert held
    assert all(held)
    assert not GUI_GATE.busy


def test_connection_events_are_sliced_finer_than_chunks():
    from netassistant.core.chunk import ConnEvent, EventKind
    from netassistant.qt.session import slice_bounds

    def accepted(seq):
        return ConnEvent(seq, 0, EventKind.ACCEPTED, seq, "127.0.0.1:1", "127.0.0.1:2")

    def chunk(seq):
        return Chunk(seq, 0, 0, Direction.RX, "127.0.0.1:1", "127.0.0.1:2", b"x")

    assert slice_bounds([]) == [(0, 0)]
    assert slice_bounds([accepted(i) for i in range(256)]) == [(0, 256)]
    assert slice_bounds([accepted(i) for i in range(600)]) == [(0, 256), (256, 512), (512, 600)]
    mixed = [chunk(i) for i in range(1000)] + [accepted(i) for i in range(1000, 1300)]
    assert slice_bounds(mixed) == [(0, 1256), (1256, 1300)]
    assert slice_bounds([chunk(i) for i in range(4097)]) == [(0, 2048), (2048, 4096), (4096, 4097)]


def test_batches_wait_while_an_engine_urges_the_window(qtbot, controller):
    """A server falling behind its accept queue urges the window's gate: batches wait."""
    from PySide6.QtCore import QTimer

    from netassistant.qt.foreground import GUI_GATE
    from netassistant.qt.turnqueue import HOLD_EVERY_MS

    controller.start(SessionConfig(kind=Kind.UDP, local_port=0).validate())
    wait_state(qtbot, controller, SessionState.LISTENING)
    urging = QTimer()
    urging.setInterval(5)
    urging.timeout.connect(GUI_GATE.urge)  # as an engine does, from its own thread
    urging.start()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
            target = ("127.0.0.1", controller.local_port)
            c.sendto(b"one", target)
            qtbot.waitUntil(lambda: controller.stats.rx_bytes == 3, timeout=WAIT_MS)
            c.sendto(b"two", target)
            qtbot.wait(HOLD_EVERY_MS // 2)
            assert controller.stats.rx_bytes == 3  # held back: no turn yet
    finally:
        urging.stop()
    qtbot.waitUntil(lambda: controller.stats.rx_bytes == 6, timeout=WAIT_MS)
