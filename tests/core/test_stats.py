"""SessionStats counts a flood's batch in bulk exactly as it counts record by record."""

from __future__ import annotations

import pytest

from netassistant.core.chunk import (
    Chunk,
    ConnEvent,
    Direction,
    EventKind,
    connection_events,
    only_chunks,
)
from netassistant.core.stats import SessionStats

LOCAL, PEER = "127.0.0.1:9000", "127.0.0.1:5000"


def chunk(seq: int, data: bytes, direction: Direction = Direction.RX, conn: int = 0) -> Chunk:
    return Chunk(seq, 0, conn, direction, LOCAL, PEER, data)


def accepted(seq: int, conn: int) -> ConnEvent:
    return ConnEvent(seq, 0, EventKind.ACCEPTED, conn, LOCAL, PEER)


def counters(stats: SessionStats) -> tuple:
    clients = {c: (i.rx_bytes, i.tx_bytes) for c, i in stats.clients.items()}
    return stats.rx_bytes, stats.rx_chunks, stats.tx_bytes, stats.tx_chunks, clients


RX = [chunk(i, b"x" * i) for i in range(1, 40)]
TX = [chunk(i, b"y" * (i % 7), Direction.TX) for i in range(1, 40)]
MIXED = [chunk(i, b"z" * i, Direction.RX if i % 3 else Direction.TX) for i in range(1, 40)]


@pytest.mark.parametrize(
    ("clients", "batch"),
    [
        ([], RX),  # a UDP flood: counted in bulk
        ([], TX),
        ([], MIXED),  # both ways: record by record
        ([1], [chunk(i, b"ab", conn=1) for i in range(10)]),  # a listed client's bytes
        ([1], [chunk(i, b"ab", conn=2) for i in range(10)]),  # not a listed client's
        ([], [chunk(1, b"")]),  # an empty datagram still counts as a chunk
    ],
)
def test_a_batch_counts_the_same_in_bulk_as_record_by_record(clients, batch):
    bulk, one_by_one = SessionStats(), SessionStats()
    for stats in (bulk, one_by_one):
        stats.apply([accepted(100 + c, c) for c in clients])
    assert bulk.apply(list(batch)) is False  # a list: the bulk path where it applies
    assert one_by_one.apply(iter(batch)) is False  # any other iterable: the record loop
    assert counters(bulk) == counters(one_by_one)
    assert bulk.rx_chunks + bulk.tx_chunks == len(batch)
    assert bulk.rx_bytes + bulk.tx_bytes == sum(len(c.data) for c in batch)


def test_a_batch_with_connection_events_still_changes_the_client_table():
    stats = SessionStats()
    assert stats.apply([chunk(1, b"a"), accepted(2, 7), chunk(3, b"bc", conn=7)]) is True
    assert counters(stats) == (3, 2, 0, 0, {7: (2, 0)})
    assert stats.apply([]) is False


def test_a_batchs_records_are_told_apart_in_order():
    events = [chunk(1, b"a"), accepted(2, 1), chunk(3, b"b"), accepted(4, 2)]
    assert connection_events(events) == [events[1], events[3]]
    assert not only_chunks(events)
    assert only_chunks(events[:1])
    assert only_chunks([])
    assert connection_events(events[:1]) == []
