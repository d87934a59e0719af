"""SessionWorker's back-pressure counts bytes too, not only batches, and lets clients in."""

from __future__ import annotations

import socket
import threading
import time

from PySide6.QtCore import Qt

from netassistant.core.chunk import Chunk, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.qt import worker as worker_module
from netassistant.qt.worker import SessionWorker
from tests.helpers import TIMEOUT

CAP = 4096
DIRECT = Qt.ConnectionType.DirectConnection
ACCEPTED = EventKind.ACCEPTED


def _wait(predicate, seconds: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.01)
    return predicate()


def test_the_engine_waits_once_the_unacknowledged_bytes_reach_the_cap():
    worker = SessionWorker(
        SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024).validate(),
        max_inflight=1000,  # only the byte cap can hold the engine back here
        max_inflight_bytes=CAP,
    )
    sizes: list[int] = []
    worker.pipeline.add_tap(
        lambda batch: sizes.append(sum(len(e.data) for e in batch if type(e) is Chunk))
    )
    runner = threading.Thread(target=worker.run)
    runner.start()
    stop = threading.Event()
    sender = None
    try:
        assert _wait(lambda: bool(worker.pipeline.local_address))
        port = int(worker.pipeline.local_address.rsplit(":", 1)[1])

        def flood() -> None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
                    while not stop.is_set():
                        c.sendall(b"x" * 1024)
            except OSError:
                pass  # the session closed the connection on stop

        sender = threading.Thread(target=flood)
        sender.start()
        # Nobody acknowledges: batches pass until the next one would go over the cap.
        assert _wait(lambda: sum(sizes) > CAP)
        time.sleep(0.3)
        held = list(sizes)
        emitted, waiting = held[:-1], held[-1]
        assert sum(emitted) <= max(CAP, emitted[0] if emitted else 0)
        assert sum(emitted) + waiting > CAP
        for _ in emitted:
            worker.ack()
        assert _wait(lambda: len(sizes) > len(held)), "acknowledged bytes let it go on"
    finally:
        stop.set()
        worker.pipeline.stop()
        for _ in range(len(sizes) + 1):
            worker.ack()
        runner.join(TIMEOUT)
        if sender is not None:
            sender.join(TIMEOUT)
    assert not runner.is_alive()


class _Emitted:
    """The batches a worker emitted, counted in its own thread (a direct connection)."""

    def __init__(self, worker: SessionWorker) -> None:
        self.batches: list[list] = []
        worker.batches.connect(lambda batch: self.batches.append(batch.events), DIRECT)

    def accepted(self) -> int:
        return sum(
            1 for events in self.batches for e in events if getattr(e, "kind", None) is ACCEPTED
        )

    def kinds(self) -> list[str]:
        return [
            "data" if any(type(e) is Chunk for e in events) else "connections"
            for events in self.batches
        ]


def _serve(worker: SessionWorker) -> tuple[threading.Thread, int]:
    runner = threading.Thread(target=worker.run)
    runner.start()
    assert _wait(lambda: bool(worker.pipeline.local_address))
    return runner, int(worker.pipeline.local_address.rsplit(":", 1)[1])


def _end(worker: SessionWorker, runner: threading.Thread, emitted: _Emitted) -> None:
    worker.pipeline.stop()
    for _ in range(len(emitted.batches) + 2):
        worker.ack()
    runner.join(TIMEOUT)
    assert not runner.is_alive()


def test_batches_of_connection_events_alone_pass_the_batch_count_while_few():
    """Clients keep being accepted while the window holds its batches back; data waits."""
    worker = SessionWorker(SessionConfig(kind=Kind.TCP_SERVER).validate(), max_inflight=1)
    emitted = _Emitted(worker)
    runner, port = _serve(worker)
    clients: list[socket.socket] = []
    try:
        for n in range(1, 4):  # nobody acknowledges anything
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT))
            assert _wait(lambda n=n: emitted.accepted() == n)
        assert set(emitted.kinds()) == {"connections"}
        assert len(emitted.batches) >= 2
        clients[0].sendall(b"data")
        time.sleep(0.3)
        assert "data" not in emitted.kinds()  # a batch with data waits for the count
        for _ in list(emitted.batches):
            worker.ack()
        assert _wait(lambda: "data" in emitted.kinds())
        assert emitted.batches[-1][-1].data == b"data"
    finally:
        for c in clients:
            c.close()
        _end(worker, runner, emitted)


def test_connection_events_waiting_for_the_window_are_bounded_too(monkeypatch):
    monkeypatch.setattr(worker_module, "MAX_LIGHT_EVENTS", 1)
    worker = SessionWorker(SessionConfig(kind=Kind.TCP_SERVER).validate(), max_inflight=1)
    emitted = _Emitted(worker)
    runner, port = _serve(worker)
    clients: list[socket.socket] = []
    try:
        assert _wait(lambda: len(emitted.batches) == 1)  # "listening"
        worker.ack()
        clients.append(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT))
        assert _wait(lambda: emitted.accepted() == 1)
        assert len(emitted.batches) == 2
        clients.append(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT))
        time.sleep(0.3)
        assert emitted.accepted() == 1  # over the bound: the second client's batch waits
        worker.ack()
        assert _wait(lambda: emitted.accepted() == 2)
    finally:
        for c in clients:
            c.close()
        _end(worker, runner, emitted)
