"""Relay chunks as log records: ``leg`` in JSON, the hop in text lines."""

from __future__ import annotations

from netassistant.core import logformat
from netassistant.core.chunk import Chunk, ChunkFlag, Direction

TS = 1_700_000_000_123_000_000


def chunk(direction: Direction, flags: ChunkFlag) -> Chunk:
    return Chunk(7, TS, 1, direction, "127.0.0.1:1", "127.0.0.1:2", b"hi", flags)


def test_json_records_of_relay_chunks_name_their_leg_and_others_do_not():
    server_tx = logformat.chunk_record(chunk(Direction.TX, ChunkFlag.SERVER_LEG), relay=True)
    client_rx = logformat.chunk_record(chunk(Direction.RX, ChunkFlag.NONE), relay=True)
    assert (server_tx["leg"], server_tx["dir"]) == ("server", "tx")
    assert (client_rx["leg"], client_rx["dir"]) == ("client", "rx")
    assert list(server_tx)[:6] == ["event", "seq", "ts", "conn", "dir", "leg"]
    assert "leg" not in logformat.chunk_record(chunk(Direction.RX, ChunkFlag.NONE))


def test_text_lines_name_the_hop():
    hops = [
        logformat.chunk_line(chunk(direction, flags), show="text", relay=True).split(" ")[1:3]
        for direction, flags in (
            (Direction.RX, ChunkFlag.NONE),
            (Direction.TX, ChunkFlag.SERVER_LEG),
            (Direction.RX, ChunkFlag.SERVER_LEG),
            (Direction.TX, ChunkFlag.NONE),
        )
    ]
    assert hops == [
        ["RX", "client->relay"],
        ["TX", "relay->server"],
        ["RX", "server->relay"],
        ["TX", "relay->client"],
    ]
    plain = logformat.chunk_line(chunk(Direction.RX, ChunkFlag.NONE), show="text")
    assert plain.split(" ")[1:3] == ["RX", "#1"]
