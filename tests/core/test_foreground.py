"""ForegroundGate: engines wait while the GUI thread repaints, and only then."""

from __future__ import annotations

import socket
import threading
import time

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.foreground import MAX_WAIT_S, ForegroundGate
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
