"""The UDP relay between real datagram peers on loopback: sessions, faults, expiry."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import pytest

from netassistant.core.chunk import ChunkFlag, ConnEvent, Direction, EventKind
from tests.core.relay.relayhelpers import leg_chunks, relay_config, wait_leg_bytes
from tests.helpers import TIMEOUT, Harness, running

RX, TX = Direction.RX, Direction.TX


def udp_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(TIMEOUT)
    return sock


@contextlib.contextmanager
def udp_relayed(*faults: str, **kw) -> Iterator[tuple[Harness, socket.socket, socket.socket]]:
    """(harness, client socket connected to the relay, server socket)."""
    with udp_socket() as server, udp_socket() as client:
        config = relay_config(server.getsockname()[1], *faults, relay_udp=True, **kw)
        with running(config) as h:
            client.connect(("127.0.0.1", h.engine.port))
            yield h, client, server


def test_datagrams_go_both_ways_one_chunk_each_on_both_legs():
    with udp_relayed() as (h, client, server):
        client.send(b"one")
        client.send(b"two")
        data, upstream = server.recvfrom(100)
        assert (data, server.recv(100)) == (b"one", b"two")
        server.sendto(b"answer", upstream)
        assert client.recv(100) == b"answer"
        wait_leg_bytes(h, "client", TX, 6)
        chunks = [c for c in h.events if not isinstance(c, ConnEvent)]
        assert [(c.direction, c.flags, c.data) for c in chunks] == [
            (RX, ChunkFlag.NONE, b"one"),
            (TX, ChunkFlag.SERVER_LEG, b"one"),
            (RX, ChunkFlag.NONE, b"two"),
            (TX, ChunkFlag.SERVER_LEG, b"two"),
            (RX, ChunkFlag.SERVER_LEG, b"answer"),
            (TX, ChunkFlag.NONE, b"answer"),
        ]
        assert {c.conn_id for c in chunks} == {1}
        assert chunks[1].local == "127.0.0.1:%d" % upstream[1]


def test_each_sender_gets_its_own_upstream_socket():
    with udp_relayed() as (h, client, server), udp_socket() as other:
        client.send(b"a")
        _, first = server.recvfrom(100)
        other.sendto(b"b", ("127.0.0.1", h.engine.port))
        _, second = server.recvfrom(100)
        assert first != second
        server.sendto(b"to b", second)
        assert other.recv(100) == b"to b"
        accepted = h.wait_event(EventKind.ACCEPTED, n=2)
        assert (accepted.conn_id, accepted.peer) == (2, "127.0.0.1:%d" % other.getsockname()[1])
        assert accepted.detail == {"leg": "client"}


@pytest.mark.parametrize(("toxicity", "arrive"), [("1.0", 0), ("0.0", 5)])
def test_drop_decides_per_datagram_by_toxicity(toxicity, arrive):
    with udp_relayed(f"up:drop:toxicity={toxicity}") as (h, client, server):
        for n in range(5):
            client.send(b"%d" % n)
        client.send(b"")  # an empty datagram marks the end on the client leg
        wait_leg_bytes(h, "client", RX, 5)
        h.wait_for(lambda _e: len(leg_chunks(h, "client", RX)) == 6)
        server.settimeout(0.3)
        got = []
        with contextlib.suppress(TimeoutError):
            while True:
                got.append(server.recv(100))
        assert len([g for g in got if g]) == arrive
        drops = [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.FAULT]
        assert len([e for e in drops if e.detail and e.detail["action"] == "drop"]) == (
            6 if arrive == 0 else 0
        )


def test_idle_session_expires_and_a_new_one_starts():
    with udp_relayed(relay_idle_timeout=0.2) as (h, client, server):
        client.send(b"first")
        _, first = server.recvfrom(100)
        ev = h.wait_event(EventKind.LOCAL_CLOSE)
        assert ev.message == (
            "UDP relay session #1 of 127.0.0.1:%d expired after 0.2 s without a datagram"
            % client.getsockname()[1]
        )
        assert (ev.ts_ns - h.wait_event(EventKind.ACCEPTED).ts_ns) / 1e9 >= 0.19
        client.send(b"again")
        _, second = server.recvfrom(100)
        assert second != first
        assert h.wait_event(EventKind.ACCEPTED, n=2).conn_id == 2


def test_slicer_splits_a_datagram_and_latency_delays_it():
    with udp_relayed("up:slicer:size=3", "down:latency:ms=100") as (h, client, server):
        client.send(b"abcdefg")
        data, upstream = server.recvfrom(100)
        assert [data, server.recv(100), server.recv(100)] == [b"abc", b"def", b"g"]
        server.sendto(b"late", upstream)
        assert client.recv(100) == b"late"
        (rx,) = leg_chunks(h, "server", RX)
        (tx,) = wait_leg_bytes(h, "client", TX, 4)
        assert (tx.ts_ns - rx.ts_ns) / 1e6 >= 95


def test_inject_both_ways_and_no_half_close():
    with udp_relayed() as (h, client, server):
        client.send(b"hi")
        assert server.recv(100) == b"hi"
        h.engine.inject(1, "client", b"injected down")
        assert client.recv(100) == b"injected down"
        h.engine.inject(1, "server", b"injected up")
        assert server.recv(100) == b"injected up"
        h.engine.half_close(1, "server")
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == "a UDP relay has no half-close; nothing was done"
