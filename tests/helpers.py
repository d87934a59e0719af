"""Test helpers: run an engine on a thread and wait for what it reports."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import SessionConfig
from netassistant.core.engine import Engine, create_engine

TIMEOUT = 5.0


class Harness:
    """An engine running on its own thread, its events collected in order."""

    def __init__(self, config: SessionConfig, **options: Any) -> None:
        self.events: list[Chunk | ConnEvent] = []
        self.batches = 0
        self._cond = threading.Condition()
        self.engine: Engine = create_engine(config.validate(), self._sink, **options)
        self.thread = threading.Thread(target=self.engine.run, daemon=True)

    def _sink(self, batch: list[Any]) -> None:
        with self._cond:
            self.events.extend(batch)
            self.batches += 1
            self._cond.notify_all()

    def start(self) -> Harness:
        self.thread.start()
        assert self.engine.opened.wait(TIMEOUT)
        return self

    def stop(self) -> None:
        self.engine.stop()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive(), "engine did not stop"

    def wait_for(self, predicate: Callable[[list[Any]], Any], timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate(self.events)
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; events so far: {self.events!r}")
                self._cond.wait(left)

    def wait_event(self, kind: EventKind, timeout: float = TIMEOUT, n: int = 1) -> ConnEvent:
        return self.wait_for(
            lambda evs: (
                [e for e in evs if isinstance(e, ConnEvent) and e.kind is kind][n - 1 : n] or [None]
            )[0],
            timeout,
        )

    def chunks(
        self, direction: Direction = Direction.RX, conn_id: int | None = None
    ) -> list[Chunk]:
        with self._cond:
            return [
                e
                for e in self.events
                if isinstance(e, Chunk)
                and e.direction is direction
                and (conn_id is None or e.conn_id == conn_id)
            ]

    def wait_rx_bytes(
        self, total: int, conn_id: int | None = None, timeout: float = TIMEOUT
    ) -> bytes:
        def enough(_evs: list[Any]) -> bool:
            return sum(len(c.data) for c in self.chunks(Direction.RX, conn_id)) >= total

        self.wait_for(enough, timeout)
        return b"".join(c.data for c in self.chunks(Direction.RX, conn_id))

    def kinds(self) -> list[EventKind]:
        with self._cond:
            return [e.kind for e in self.events if isinstance(e, ConnEvent)]


@contextlib.contextmanager
def running(config: SessionConfig, **options: Any) -> Iterator[Harness]:
    h = Harness(config, **options).start()
    try:
        yield h
    finally:
        h.stop()


def fresh_python(code: str) -> str:
    """Run ``code`` in a new interpreter (what a fresh process imports); its stdout.

    The run must succeed: its stderr is the failure message otherwise.
    """
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def free_port(family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM) -> int:
    """A port that was free a moment ago (bound then closed)."""
    host = "127.0.0.1" if family == socket.AF_INET else "::1"
    with socket.socket(family, kind) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def recv_exactly(sock: socket.socket, n: int, timeout: float = TIMEOUT) -> bytes:
    sock.settimeout(timeout)
    buf = b""
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            break
        buf += data
    return buf


class PipelineHarness(Harness):
    """A :class:`SessionPipeline` on its own thread: events, decoded items and notices."""

    def __init__(self, config: SessionConfig, **options: Any) -> None:
        from netassistant.core.pipeline import SessionPipeline

        self.events = []
        self.decoded: list[Any] = []
        self.notices: list[Any] = []
        self.generations: list[int] = []
        self.batches = 0
        self._cond = threading.Condition()
        self.pipeline = SessionPipeline(config.validate(), self._take, **options)
        self.thread = threading.Thread(target=self.pipeline.run, daemon=True)

    def _take(self, batch: Any) -> None:
        with self._cond:
            self.events.extend(batch.events)
            self.decoded.extend(batch.decoded)
            self.notices.extend(batch.notices)
            self.generations.append(batch.generation)
            self.batches += 1
            self._cond.notify_all()

    def start(self) -> PipelineHarness:
        self.thread.start()
        assert self.pipeline.opened.wait(TIMEOUT)
        return self

    def stop(self) -> None:
        self.pipeline.stop()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive(), "pipeline did not stop"

    @property
    def port(self) -> int:
        """The bound port."""
        from netassistant.core.chunk import parse_address

        return parse_address(self.pipeline.local_address)[1]

    def messages(self) -> list[bytes]:
        """Payloads of the decoded messages so far."""
        from netassistant.core.decoding import DecodedMessage

        with self._cond:
            return [m.payload for m in self.decoded if isinstance(m, DecodedMessage)]


def wait_for_a_notice(*harnesses: PipelineHarness, timeout: float = TIMEOUT) -> bool:
    """Poll until one of ``harnesses`` has a notice (True) or ``timeout`` passes (False).

    Polled, not waited: one harness's condition is not woken by another's notice, and two
    echoing sessions stop exchanging events once either pauses.
    """
    deadline = time.monotonic() + timeout
    while not any(h.notices for h in harnesses):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)
    return True


@contextlib.contextmanager
def pipeline_running(config: SessionConfig, **options: Any) -> Iterator[PipelineHarness]:
    h = PipelineHarness(config, **options).start()
    try:
        yield h
    finally:
        h.stop()
