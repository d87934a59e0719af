"""The TCP relay between a real client and a real server on loopback: legs and faults."""

from __future__ import annotations

import itertools
import socket
import time

import pytest

from netassistant.core.chunk import ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.relay_pair import RELAY_HIGH_WATER
from netassistant.core.relay.spec import FaultSpecError
from tests.core.relay.relayhelpers import (
    leg_chunks,
    recv_until_eof,
    relay_config,
    relayed,
    reset,
    wait_leg_bytes,
)
from tests.helpers import TIMEOUT, free_port, running

RX, TX = Direction.RX, Direction.TX


def connect_and_read(sock: socket.socket, port: int) -> bytes:
    sock.connect(("127.0.0.1", port))
    return sock.recv(100)


def fault_events(h) -> list[ConnEvent]:
    return [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.FAULT]


def test_both_legs_are_one_relay_connection_with_their_own_chunks():
    with relayed() as (h, client, server):
        client.sendall(b"ping\x00")
        assert server.recv(100) == b"ping\x00"
        server.sendall(b"pong")
        assert client.recv(100) == b"pong"
        wait_leg_bytes(h, "client", TX, 4)
        chunks = [c for c in h.events if not isinstance(c, ConnEvent)]
        assert [(c.direction, c.flags, c.data) for c in chunks] == [
            (RX, ChunkFlag.NONE, b"ping\x00"),
            (TX, ChunkFlag.SERVER_LEG, b"ping\x00"),
            (RX, ChunkFlag.SERVER_LEG, b"pong"),
            (TX, ChunkFlag.NONE, b"pong"),
        ]
        assert {c.conn_id for c in chunks} == {1}
        client_addr = "127.0.0.1:%d" % client.getsockname()[1]
        server_addr = "127.0.0.1:%d" % server.getsockname()[1]
        assert [c.peer for c in chunks] == [client_addr, server_addr, server_addr, client_addr]
        assert chunks[1].local == "127.0.0.1:%d" % server.getpeername()[1]


def test_slicer_splits_one_11_byte_write_into_4_4_3():
    with relayed("up:slicer:size=4,delay_ms=30") as (h, client, server):
        client.sendall(b"hello world")
        pieces = [server.recv(100) for _ in range(3)]
        assert pieces == [b"hell", b"o wo", b"rld"]
        tx = wait_leg_bytes(h, "server", TX, 11)
        assert [c.data for c in tx] == [b"hell", b"o wo", b"rld"]
        gaps = [(b.ts_ns - a.ts_ns) / 1e6 for a, b in itertools.pairwise(tx)]
        assert all(gap >= 25 for gap in gaps), gaps
        assert [c.data for c in leg_chunks(h, "client", RX)] == [b"hello world"]


def test_slicer_variation_stays_within_bounds_with_a_seed():
    with relayed("up:slicer:size=5,variation=2", fault_seed=7) as (h, client, _server):
        client.sendall(bytes(200))
        tx = wait_leg_bytes(h, "server", TX, 200)
        sizes = [len(c.data) for c in tx]
        assert sum(sizes) == 200
        assert all(3 <= size <= 7 for size in sizes[:-1]), sizes
        assert len(set(sizes)) > 1


def test_coalesce_joins_two_writes_5_ms_apart():
    with relayed("up:coalesce:window_ms=50") as (h, client, server):
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.sendall(b"first;")
        time.sleep(0.005)
        client.sendall(b"second;")
        assert server.recv(100) == b"first;second;"
        rx = leg_chunks(h, "client", RX)
        assert b"".join(c.data for c in rx) == b"first;second;"
        # Read 5 ms apart (or at once): within one window, so they leave as one write.
        assert (rx[-1].ts_ns - rx[0].ts_ns) / 1e6 < 50
        assert [c.data for c in wait_leg_bytes(h, "server", TX, 13)] == [b"first;second;"]


def test_latency_delays_each_write_by_its_milliseconds():
    with relayed("down:latency:ms=150") as (h, client, server):
        server.sendall(b"slow")
        assert client.recv(100) == b"slow"
        (rx,) = leg_chunks(h, "server", RX)
        (tx,) = wait_leg_bytes(h, "client", TX, 4)
        delay_ms = (tx.ts_ns - rx.ts_ns) / 1e6
        assert 145 <= delay_ms < 1000, delay_ms
        client.sendall(b"fast")  # the other way is untouched
        assert server.recv(100) == b"fast"


def test_latency_with_jitter_keeps_the_order():
    with relayed("up:latency:ms=20,jitter=20", fault_seed=1) as (h, client, _server):
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for n in range(10):
            client.sendall(b"%d;" % n)
            time.sleep(0.002)
        wait_leg_bytes(h, "server", TX, 20)
        got = b"".join(c.data for c in leg_chunks(h, "server", TX))
        assert got == b"".join(b"%d;" % n for n in range(10))


def test_bandwidth_paces_the_data_to_its_rate():
    with relayed("up:bandwidth:rate=40") as (h, client, _server):  # 40 KiB/s
        client.sendall(bytes(20 * 1024))
        tx = wait_leg_bytes(h, "server", TX, 20 * 1024)
        # 4 KiB pieces (a tenth of a second's worth), the first one at once.
        assert [len(c.data) for c in tx] == [4096] * 5
        elapsed = (tx[-1].ts_ns - tx[0].ts_ns) / 1e9
        assert 0.35 <= elapsed <= 0.6, elapsed  # 16 KiB after the first piece at 40 KiB/s


def test_limit_closes_both_legs_after_n_bytes():
    with relayed("up:limit:bytes=5") as (h, client, server):
        client.sendall(b"0123456789")
        assert recv_until_eof(server) == [b"01234"]
        assert client.recv(100) == b""
        h.wait_for(lambda _e: len(fault_events(h)) >= 3)
        actions = [e.detail["action"] for e in fault_events(h) if e.detail]
        assert actions == ["set", "active", "limit"]


def test_reset_sends_rst_to_both_sides_after_its_time():
    with relayed("both:reset:after_ms=100") as (h, client, server):
        start = time.monotonic()
        with pytest.raises(ConnectionResetError, match="reset"):
            client.recv(100)
        assert time.monotonic() - start >= 0.09
        with pytest.raises(ConnectionResetError, match="reset"):
            server.recv(100)
        assert h.wait_event(EventKind.ABORTED, n=2).conn_id == 1


def test_reset_with_toxicity_zero_never_applies():
    with relayed("both:reset:after_ms=0,toxicity=0") as (h, client, server):
        client.sendall(b"alive")
        assert server.recv(100) == b"alive"
        assert [e.detail["action"] for e in fault_events(h) if e.detail] == ["set"]


def test_timeout_forwards_nothing_then_closes():
    with relayed("up:timeout:ms=200") as (h, client, server):
        start = time.monotonic()
        client.sendall(b"lost")
        assert recv_until_eof(server) == []
        assert time.monotonic() - start >= 0.18
        assert client.recv(100) == b""
        assert leg_chunks(h, "server", TX) == []
        assert [c.data for c in leg_chunks(h, "client", RX)] == [b"lost"]


def test_timeout_zero_holds_the_connection_open():
    with relayed("up:timeout:ms=0") as (h, client, server):
        client.sendall(b"lost")
        wait_leg_bytes(h, "client", RX, 4)
        server.settimeout(0.3)
        with pytest.raises(TimeoutError, match="timed out"):
            server.recv(100)
        server.sendall(b"down still works")
        assert client.recv(100) == b"down still works"


def test_slow_close_delays_the_fin():
    with relayed("up:slow_close:ms=250") as (_h, client, server):
        client.sendall(b"bye")
        client.shutdown(socket.SHUT_WR)
        start = time.monotonic()
        assert server.recv(100) == b"bye"
        assert server.recv(100) == b""
        assert time.monotonic() - start >= 0.2


def test_drop_on_tcp_stops_forwarding_one_way():
    with relayed("up:drop") as (h, client, server):
        client.sendall(b"into the void")
        wait_leg_bytes(h, "client", RX, 13)
        server.sendall(b"answer")
        assert client.recv(100) == b"answer"
        assert leg_chunks(h, "server", TX) == []


def test_fin_is_carried_as_fin_and_the_answer_still_comes_back():
    with relayed() as (h, client, server):
        client.sendall(b"request")
        client.shutdown(socket.SHUT_WR)
        assert recv_until_eof(server) == [b"request"]
        server.sendall(b"answer")
        server.shutdown(socket.SHUT_WR)
        assert recv_until_eof(client) == [b"answer"]
        h.wait_event(EventKind.LOCAL_CLOSE, n=2)
        fins = [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.PEER_FIN]
        assert [e.detail for e in fins] == [{"leg": "client"}, {"leg": "server"}]
        assert h.kinds().count(EventKind.HALF_CLOSED) == 2


def test_rst_from_the_server_is_carried_as_rst_to_the_client():
    with relayed() as (h, client, server):
        reset(server)
        with pytest.raises(ConnectionResetError, match="reset"):
            client.recv(100)
        assert h.wait_event(EventKind.RESET).peer.endswith(":%d" % h.engine.config.remote_port)
        h.wait_event(EventKind.ABORTED)


def test_rst_from_the_client_is_carried_as_rst_to_the_server():
    with relayed() as (_h, client, server):
        reset(client)
        with pytest.raises(ConnectionResetError, match="reset"):
            server.recv(100)


def test_inject_reaches_either_side_without_faults():
    with relayed("both:slicer:size=1") as (h, client, server):
        h.engine.inject(1, "server", b"to server")
        assert server.recv(100) == b"to server"
        h.engine.inject(1, "client", b"to client")
        assert client.recv(100) == b"to client"
        assert [c.data for c in wait_leg_bytes(h, "server", TX, 9)] == [b"to server"]
        assert [c.data for c in wait_leg_bytes(h, "client", TX, 9)] == [b"to client"]


def test_inject_checks_its_arguments():
    with relayed() as (h, _client, _server):
        with pytest.raises(ValueError, match='"client" or "server", not \'middle\''):
            h.engine.inject(1, "middle", b"x")
        with pytest.raises(TypeError, match="needs bytes, not str"):
            h.engine.inject(1, "server", "text")
        h.engine.inject(9, "server", b"x")
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == "relay connection #9 is no longer open; nothing was sent"


def test_half_close_a_leg_keeps_the_other_way_open():
    with relayed() as (h, client, server):
        h.engine.half_close(1, "server")
        assert server.recv(100) == b""
        server.sendall(b"still open")
        assert client.recv(100) == b"still open"
        assert (
            h.wait_event(EventKind.HALF_CLOSED).peer == "127.0.0.1:%d" % (server.getsockname()[1])
        )


def test_abort_a_leg_resets_both():
    with relayed() as (h, client, server):
        h.engine.abort(1, "client")
        with pytest.raises(ConnectionResetError, match="reset"):
            client.recv(100)
        with pytest.raises(ConnectionResetError, match="reset"):
            server.recv(100)


def test_faults_change_while_running_and_are_logged():
    with relayed() as (h, client, server):
        client.sendall(b"whole")
        assert server.recv(100) == b"whole"
        h.engine.set_faults(["up:slicer:size=2,delay_ms=20"])
        h.wait_for(lambda _e: fault_events(h))
        client.sendall(b"split")
        assert [server.recv(100) for _ in range(3)] == [b"sp", b"li", b"t"]
        h.engine.set_faults([])
        h.wait_for(lambda _e: len(fault_events(h)) >= 3)
        messages = [e.message for e in fault_events(h)]
        assert messages == [
            "fault up:slicer:size=2,variation=0,delay_ms=20 added",
            "fault up:slicer:size=2,variation=0,delay_ms=20 applies to this connection",
            "fault up:slicer:size=2,variation=0,delay_ms=20 removed",
        ]
        assert fault_events(h)[0].detail == {
            "direction": "up",
            "fault": "slicer",
            "params": {"size": 2, "variation": 0, "delay_ms": 20, "toxicity": 1.0},
            "action": "added",
        }
        with pytest.raises(FaultSpecError, match="unknown fault 'lag'"):
            h.engine.set_faults(["up:lag:ms=1"])


def test_unreachable_server_resets_the_client_and_says_why():
    with running(relay_config(free_port())) as h:
        client = socket.socket()
        client.settimeout(TIMEOUT)
        # The RST may come before connect() returns, or right after.
        with client, pytest.raises(ConnectionResetError, match="reset"):
            connect_and_read(client, h.engine.port)
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message.startswith("relay connection #1: ")
        assert ev.message.endswith("; the client is reset")
        assert "refused" in ev.message


def test_back_pressure_stops_reading_while_the_server_does_not_read():
    with relayed() as (h, client, _server):
        client.setblocking(False)
        stalled_since = None
        deadline = time.monotonic() + 5  # bounded: the kernel buffers are a few MiB
        while time.monotonic() < deadline:
            try:
                client.send(bytes(65536))
                stalled_since = None
            except BlockingIOError:
                stalled_since = stalled_since or time.monotonic()
                if time.monotonic() - stalled_since > 0.3:
                    break
                time.sleep(0.01)
        assert stalled_since is not None, "the client's writes never stalled"
        assert h.engine.pairs[1].client.held_back
        # At most one readiness worth of reads (64 x 64 KiB) over the high-water mark.
        assert h.engine.queued_bytes(1) <= RELAY_HIGH_WATER + 64 * 65536


def test_relay_config_refuses_bad_faults_with_words():
    config = SessionConfig(kind=Kind.RELAY, remote_port=80, faults=["sideways:latency:ms=1"])
    with pytest.raises(ValueError, match="faults: unknown fault direction 'sideways'"):
        config.validate()
