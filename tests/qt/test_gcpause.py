"""FloodGcPause: full collections wait while floods arrive, and run once they stop."""

from __future__ import annotations

import gc
import socket
import weakref

import pytest

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.gcpause import FLOOD_BATCH, IDLE_MS, FloodGcPause
from netassistant.qt.session import SessionController
from tests.helpers import TIMEOUT

WAIT_MS = int(TIMEOUT * 1000)


class _Node:
    """One half of a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def pause(qtbot):
    p = FloodGcPause()
    yield p
    p.release()
    assert gc.get_freeze_count() == 0


def test_small_batches_freeze_nothing(pause):
    pause.note_batch(FLOOD_BATCH - 1)
    assert (pause.frozen, gc.get_freeze_count()) == (False, 0)


def test_a_flood_batch_freezes_what_survived(pause):
    pause.note_batch(FLOOD_BATCH)
    assert pause.frozen
    assert gc.get_freeze_count() > 0


def test_a_cycle_frozen_by_a_flood_is_collected_once_it_is_quiet(qtbot, pause):
    ref = _cycle()
    pause.note_batch(FLOOD_BATCH)
    gc.collect()
    assert ref() is not None, "frozen objects are not walked while the flood lasts"
    qtbot.waitUntil(lambda: pause.collections == 1, timeout=IDLE_MS + WAIT_MS)
    assert (ref(), pause.frozen, gc.get_freeze_count()) == (None, False, 0)


def test_release_without_a_flood_collects_nothing(pause):
    pause.release()
    assert pause.collections == 0


def test_a_stopped_session_leaves_nothing_frozen(qtbot):
    ctl = SessionController()
    # A buffer big enough that the kernel keeps every datagram of this short burst.
    ctl.start(SessionConfig(kind=Kind.UDP, local_port=0, rcvbuf=4 << 20).validate())
    try:
        qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
        count = 2 * FLOOD_BATCH
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for i in range(count):
                s.sendto(i.to_bytes(4, "big"), ("127.0.0.1", ctl.local_port))
        qtbot.waitUntil(lambda: ctl.stats.rx_chunks == count, timeout=WAIT_MS)
    finally:
        assert ctl.shutdown()
    assert gc.get_freeze_count() == 0
