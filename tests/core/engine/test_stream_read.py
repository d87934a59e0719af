"""The stream read loop: one Chunk per recv(), in order, before the FIN that follows."""

from __future__ import annotations

import socket
import struct
import threading
from itertools import pairwise

import pytest

from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.base import READ_BUDGET
from netassistant.core.engine.connection import reads_per_wakeup
from tests.helpers import TIMEOUT, Harness, running

FLOOD = bytes(range(256)) * 4096  # 1 MiB, every byte position distinguishable
#: Sent in one call, so it arrives in one segment: whoever reads it finds all of it.
BURST = bytes(range(250)) * 20  # 5000 bytes
BURST_READS = [1024, 1024, 1024, 1024, 904]


def held_loop(h: Harness) -> threading.Event:
    """Block the engine's loop until the returned event is set (it reads nothing meanwhile)."""
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        entered.set()
        release.wait(TIMEOUT)

    h.engine.call_soon(hold)
    assert entered.wait(TIMEOUT)
    return release


def test_reads_per_wakeup_is_bounded_in_bytes_and_in_calls():
    assert READ_BUDGET == 64
    assert reads_per_wakeup(1) == 1024
    assert reads_per_wakeup(1024) == 1024
    assert reads_per_wakeup(4096) == 256
    assert reads_per_wakeup(16384) == 64
    assert reads_per_wakeup(65536) == 64


def test_flood_of_small_reads_keeps_every_chunk_in_order_before_the_fin():
    with running(SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024)) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            c.sendall(FLOOD)
        fin = h.wait_event(EventKind.CLOSED)
        chunks = h.chunks()
        assert b"".join(ch.data for ch in chunks) == FLOOD
        assert all(type(ch) is Chunk for ch in chunks)
        assert all(0 < len(ch.data) <= 1024 for ch in chunks)
        assert {(ch.direction, ch.flags, ch.orig_len, ch.conn_id) for ch in chunks} == {
            (Direction.RX, ChunkFlag.NONE, -1, 1)
        }
        seqs = [ch.seq for ch in chunks]
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
        # The FIN is recorded after the last chunk received before it, in seq and in time.
        assert fin.seq == seqs[-1] + 1
        stamps = [ch.ts_ns for ch in chunks]
        assert stamps == sorted(stamps)
        assert stamps[-1] <= fin.ts_ns


@pytest.mark.parametrize("ending", ["fin", "rst"])
def test_data_and_the_end_read_in_one_turn_keep_each_read_then_the_end(ending):
    # The loop is held while the peer sends 5000 bytes and closes: the next turn reads
    # them and meets the end in the same readiness. Each recv() is its own chunk with its
    # true bytes, and the FIN/RST is recorded after them.
    with running(SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024)) as h:
        c = socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT)
        peer = "127.0.0.1:%d" % c.getsockname()[1]
        h.wait_event(EventKind.ACCEPTED)
        release = held_loop(h)
        c.sendall(BURST)
        if ending == "rst":
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()
        release.set()
        end = h.wait_event(EventKind.CLOSED if ending == "fin" else EventKind.RESET)
        chunks = h.chunks()
        assert [len(ch.data) for ch in chunks] == BURST_READS
        assert b"".join(ch.data for ch in chunks) == BURST
        assert [ch.seq for ch in chunks] == list(range(end.seq - 5, end.seq))
        assert end.message == (
            f"{peer} closed the connection (FIN)"
            if ending == "fin"
            else f"connection reset by {peer} (RST)"
        )


def test_a_slow_reader_takes_one_recv_per_turn():
    # read_delay: one recv() per readiness, then a pause; every byte still arrives in order.
    config = SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024, read_delay_ms=20)
    with running(config) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            c.sendall(BURST)
        fin = h.wait_event(EventKind.CLOSED)
        chunks = h.chunks()
        assert [len(ch.data) for ch in chunks] == BURST_READS
        assert b"".join(ch.data for ch in chunks) == BURST
        # Paused between reads: no two chunks share a readiness's timestamp.
        stamps = [ch.ts_ns for ch in chunks]
        assert all(b - a >= 15_000_000 for a, b in pairwise(stamps))
        assert fin.seq > chunks[-1].seq  # a kernel STATE event may come in between
