"""FloodGcPause: full collections wait while floods arrive, and run once they stop."""

from __future__ import annotations

import gc
import socket
import weakref

import pytest

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.gcpause import FLOOD_BATCH, IDLE_MS, PAUSED_THRESHOLD, FloodGcPause
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


class _FullCollections:
    """Counts the collector's generation-2 runs (gc.callbacks)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            self.count += 1

    def __enter__(self) -> _FullCollections:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


@pytest.fixture
def pause(qtbot):
    before = gc.get_threshold()
    p = FloodGcPause()
    yield p
    p.release()
    assert gc.get_threshold() == before


def test_small_batches_pause_nothing(pause):
    before = gc.get_threshold()
    pause.note_batch(FLOOD_BATCH - 1)
    assert (pause.paused, gc.get_threshold()) == (False, before)


def test_a_flood_holds_full_collections_off_and_young_ones_on(pause):
    young = gc.get_threshold()[:2]
    pause.note_batch(FLOOD_BATCH)
    assert pause.paused
    assert gc.get_threshold() == (*young, PAUSED_THRESHOLD)
    with _FullCollections() as full:
        # Survivors (what a flood leaves in the log): as many as the collector tracks,
        # so a full collection would be due without the pause whatever ran before.
        kept = [[i] for i in range(max(200_000, len(gc.get_objects())))]
        ref = _cycle()
        garbage = [[] for _ in range(10 * young[0])]  # enough allocations for young runs
        del garbage
    assert full.count == 0, "no full collection while the flood lasts"
    assert ref() is None, "a young cycle is still freed during the flood"
    del kept


def test_the_deferred_collection_runs_once_it_is_quiet(qtbot, pause):
    before = gc.get_threshold()
    pause.note_batch(FLOOD_BATCH)
    with _FullCollections() as full:
        qtbot.waitUntil(lambda: pause.collections == 1, timeout=IDLE_MS + WAIT_MS)
        assert full.count == 1
    assert (pause.paused, gc.get_threshold()) == (False, before)


def test_a_young_threshold_raised_during_the_flood_is_kept_when_it_ends():
    # An engine under the flood raises the young generation's threshold (core/collector.py)
    # while the window's pause holds the old one's: ending the pause puts back only that.
    before = gc.get_threshold()
    pause = FloodGcPause()
    try:
        pause.note_batch(FLOOD_BATCH)
        gc.set_threshold(before[0] + 1000, before[1] + 1, gc.get_threshold()[2])
        pause.release()
        assert gc.get_threshold() == (before[0] + 1000, before[1] + 1, before[2])
    finally:
        pause.release()
        gc.set_threshold(*before)


def test_what_start_up_froze_stays_frozen(pause):
    frozen = [[]]
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        pause.note_batch(FLOOD_BATCH)
        pause.release()
        assert pause.collections == 1
        assert gc.get_freeze_count() == count, "ending a flood walks only what it made"
        assert frozen
    finally:
        gc.unfreeze()


def test_two_floods_share_one_deferred_collection(qtbot, pause):
    before = gc.get_threshold()
    other = FloodGcPause()
    pause.note_batch(FLOOD_BATCH)
    other.note_batch(FLOOD_BATCH)
    with _FullCollections() as full:
        pause.release()
        assert gc.get_threshold()[2] == PAUSED_THRESHOLD, "the other pane still floods"
        assert (pause.collections, full.count) == (0, 0)
        other.release()
        assert (other.collections, full.count) == (1, 1)
    assert gc.get_threshold() == before


def test_release_without_a_flood_collects_nothing(pause):
    pause.release()
    assert pause.collections == 0


def test_a_stopped_session_leaves_the_collector_as_it_was(qtbot):
    before = gc.get_threshold()
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
        assert gc.get_threshold()[2] == PAUSED_THRESHOLD
    finally:
        assert ctl.shutdown()
    assert gc.get_threshold() == before
