"""SessionWorker's back-pressure counts bytes too, not only batches."""

from __future__ import annotations

import socket
import threading
import time

from netassistant.core.chunk import Chunk
from netassistant.core.config import Kind, SessionConfig
from netassistant.qt.worker import SessionWorker
from tests.helpers import TIMEOUT

CAP = 4096


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
