"""The stream read loop: one Chunk per recv(), in order, before the FIN that follows."""

from __future__ import annotations

import socket

from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.base import READ_BUDGET
from netassistant.core.engine.connection import reads_per_wakeup
from tests.helpers import TIMEOUT, running

FLOOD = bytes(range(256)) * 4096  # 1 MiB, every byte position distinguishable


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
