"""ForegroundGate: engines wait while the GUI thread repaints, and only then."""

from __future__ import annotations

import socket
import threading
import time

from netassistant.core.chunk import EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.accepting import ACCEPT_BUDGET
from netassistant.core.foreground import MAX_WAIT_S, URGENT_S, ForegroundGate
from tests.helpers import TIMEOUT, running


def test_wait_returns_at_once_when_nobody_holds_the_gate():
    gate = ForegroundGate()
    started = time.monotonic()
    gate.wait(timeout=5)
    assert time.monotonic() - started < 0.5
    assert (gate.busy, gate.waits) == (False, 0)


def test_wait_blocks_until_the_outer_hold_ends():
    gate = ForegroundGate()
    done = threading.Event()

    def engine() -> None:
        gate.wait(timeout=TIMEOUT)
        done.set()

    with gate:
        with gate:  # nested: still held after the inner one ends
            waiter = threading.Thread(target=engine)
            waiter.start()
            time.sleep(0.1)
        assert gate.busy
        assert not done.wait(0.2)
    assert done.wait(TIMEOUT)
    waiter.join(TIMEOUT)
    assert (gate.busy, gate.waits) == (False, 1)


def test_a_hold_that_never_ends_delays_an_engine_by_the_cap_only():
    gate = ForegroundGate()
    with gate:
        started = time.monotonic()
        gate.wait()
        waited = time.monotonic() - started
    assert MAX_WAIT_S * 0.9 <= waited < MAX_WAIT_S + 0.5


def test_an_engine_waits_for_a_held_gate_at_the_top_of_its_turn_and_not_when_free():
    gate = ForegroundGate()
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with (
        running(config, foreground=gate) as h,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c,
    ):
        target = ("127.0.0.1", h.engine.port)
        with gate:
            c.sendto(b"while held", target)
            # The datagram is read (the engine was in select()), then the next turn waits.
            assert h.wait_rx_bytes(10) == b"while held"
            deadline = time.monotonic() + TIMEOUT
            while not gate.waits and time.monotonic() < deadline:
                time.sleep(0.01)
            assert gate.waits >= 1
        time.sleep(MAX_WAIT_S * 2)  # any wait under way has ended
        waits = gate.waits
        c.sendto(b"free", target)
        assert h.wait_rx_bytes(14) == b"while heldfree"
        assert gate.waits == waits


def test_an_urge_makes_the_gate_urgent_for_a_short_while_only():
    gate = ForegroundGate()
    assert not gate.urgent()  # a new gate was never urged
    gate.urge()
    assert gate.urgent()
    time.sleep(URGENT_S * 1.5)
    assert not gate.urgent()


class CountingGate(ForegroundGate):
    """A real gate that also counts the engine's urges."""

    def __init__(self) -> None:
        super().__init__()
        self.urges = 0

    def urge(self) -> None:
        self.urges += 1
        super().urge()


def _queue_clients(port: int, count: int) -> list[socket.socket]:
    clients = []
    for _ in range(count):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.settimeout(TIMEOUT)
        c.connect(("127.0.0.1", port))  # completes in the kernel's accept queue
        clients.append(c)
    return clients


def _accepted(h, count: int) -> bool:
    return h.wait_event(EventKind.ACCEPTED, n=count) is not None


def test_a_server_urges_the_window_when_more_clients_wait_than_it_takes_in_a_turn():
    gate = CountingGate()
    config = SessionConfig(kind=Kind.TCP_SERVER, local_port=0, backlog=512).validate()
    with running(config, foreground=gate) as h:
        h.engine.set_accept_paused(True)
        time.sleep(0.1)  # the pause reached the loop
        clients = _queue_clients(h.engine.port, 10)
        try:
            h.engine.set_accept_paused(False)
            assert _accepted(h, 10)
            assert gate.urges == 0  # a few clients are taken in one turn: no urge
            h.engine.set_accept_paused(True)
            time.sleep(0.1)
            clients += _queue_clients(h.engine.port, ACCEPT_BUDGET * 2 + 10)
            h.engine.set_accept_paused(False)
            assert _accepted(h, len(clients))
            assert gate.urges >= 2  # each budget used up while more waited
        finally:
            for c in clients:
                c.close()
