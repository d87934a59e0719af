"""TcpServerEngine over real loopback sockets (IPv4, IPv6, AF_UNIX)."""

from __future__ import annotations

import socket
import struct
import time

import pytest

from netassistant.core.chunk import Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from tests.helpers import TIMEOUT, recv_exactly, running


def server_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, **kw)


def connect(port: int, host: str = "127.0.0.1") -> socket.socket:
    sock = socket.create_connection((host, port), timeout=TIMEOUT)
    return sock


def test_ephemeral_port_is_reported_and_listening_event_names_it():
    with running(server_config()) as h:
        ev = h.wait_event(EventKind.LISTENING)
        assert h.engine.port > 0
        assert ev.local == f"127.0.0.1:{h.engine.port}"
        assert ev.message == f"listening on 127.0.0.1:{h.engine.port}"


def test_accept_receive_exact_bytes_and_peer():
    with running(server_config()) as h, connect(h.engine.port) as c:
        ev = h.wait_event(EventKind.ACCEPTED)
        peer = "127.0.0.1:%d" % c.getsockname()[1]
        assert (ev.conn_id, ev.peer) == (1, peer)
        c.sendall(b"\x00\x01hello\xff")
        assert h.wait_rx_bytes(8) == b"\x00\x01hello\xff"
        chunk = h.chunks()[0]
        assert (chunk.conn_id, chunk.peer, chunk.direction) == (1, peer, Direction.RX)
        assert chunk.local == f"127.0.0.1:{h.engine.port}"


def test_sticky_packets_slow_reader_merges_sends_but_keeps_every_byte():
    # The reader waits 300 ms before every recv(): three quick sends pile up in the kernel.
    with running(server_config(read_delay_ms=300)) as h, connect(h.engine.port) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        h.wait_event(EventKind.ACCEPTED)
        for msg in (b"one;", b"two;", b"three;"):
            c.sendall(msg)
        assert h.wait_rx_bytes(14) == b"one;two;three;"
        assert len(h.chunks()) < 3


def test_recv_size_limits_each_chunk():
    with running(server_config(recv_size=4, read_delay_ms=50)) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        c.sendall(b"0123456789")
        assert h.wait_rx_bytes(10) == b"0123456789"
        assert [c.data for c in h.chunks()] == [b"0123", b"4567", b"89"]


def test_send_to_one_and_to_all():
    with running(server_config()) as h, connect(h.engine.port) as a, connect(h.engine.port) as b:
        h.wait_event(EventKind.ACCEPTED, n=2)
        h.engine.send(b"to-all")
        assert recv_exactly(a, 6) == b"to-all"
        assert recv_exactly(b, 6) == b"to-all"
        h.engine.send(b"only-2", 2)
        assert recv_exactly(b, 6) == b"only-2"
        a.settimeout(0.2)
        with pytest.raises(TimeoutError, match="timed out"):
            a.recv(10)
        tx = h.chunks(Direction.TX)
        assert [(t.conn_id, t.data) for t in tx] == [(1, b"to-all"), (2, b"to-all"), (2, b"only-2")]


def test_send_with_no_client_is_an_error_and_nothing_is_recorded():
    with running(server_config()) as h:
        h.engine.send(b"x")
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == "no client is connected; nothing was sent"
        assert h.chunks(Direction.TX) == []


def test_send_to_gone_client_names_it():
    with running(server_config()) as h:
        h.engine.send(b"x", 7)
        assert h.wait_event(EventKind.ERROR).message == (
            "client #7 is no longer connected; nothing was sent"
        )


def test_peer_fin_and_rst_are_different_events():
    with running(server_config()) as h:
        a = connect(h.engine.port)
        b = connect(h.engine.port)
        h.wait_event(EventKind.ACCEPTED, n=2)
        peer_a = "127.0.0.1:%d" % a.getsockname()[1]
        peer_b = "127.0.0.1:%d" % b.getsockname()[1]
        a.close()
        fin = h.wait_event(EventKind.CLOSED)
        assert (fin.conn_id, fin.peer) == (1, peer_a)
        assert fin.message == f"{peer_a} closed the connection (FIN)"
        b.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        b.close()
        rst = h.wait_event(EventKind.RESET)
        assert (rst.conn_id, rst.peer) == (2, peer_b)
        assert rst.message == f"connection reset by {peer_b} (RST)"


def test_disconnect_sends_fin_half_close_keeps_reading_abort_sends_rst():
    with running(server_config()) as h:
        a, b, c = (connect(h.engine.port) for _ in range(3))
        h.wait_event(EventKind.ACCEPTED, n=3)
        h.engine.disconnect(1)
        a.settimeout(TIMEOUT)
        assert a.recv(10) == b""
        assert h.wait_event(EventKind.LOCAL_CLOSE).conn_id == 1

        h.engine.half_close(2)
        b.settimeout(TIMEOUT)
        assert b.recv(10) == b""  # the client sees EOF ...
        b.sendall(b"still talking")  # ... and can still send
        assert h.wait_rx_bytes(13, conn_id=2) == b"still talking"
        assert h.wait_event(EventKind.HALF_CLOSED).conn_id == 2

        h.engine.abort(3)
        c.settimeout(TIMEOUT)
        with pytest.raises(ConnectionResetError, match="reset"):
            c.recv(10)
        assert h.wait_event(EventKind.ABORTED).message == "aborted with RST"
        for s in (a, b, c):
            s.close()


def test_port_in_use_gives_plain_words_and_ends_the_session():
    # Bound but not listening: /proc/net/tcp shows no LISTEN or TIME_WAIT socket to name.
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        port = blocker.getsockname()[1]
        with running(server_config(local_port=port, reuseaddr=False)) as h:
            ev = h.wait_event(EventKind.ERROR)
            h.wait_event(EventKind.STOPPED)
            assert h.engine.failed
            assert ev.message == (
                f"port {port} is already in use — another program, or a recent server still "
                "in TIME_WAIT (try SO_REUSEADDR)"
            )
        # With SO_REUSEADDR already on, TIME_WAIT cannot be the reason: say so.
        with running(server_config(local_port=port, reuseaddr=True)) as h:
            ev = h.wait_event(EventKind.ERROR)
            assert ev.message == (
                f"port {port} is already in use — another program is bound to it; "
                "choose another port or stop that program"
            )


def test_address_not_on_this_machine():
    # 192.0.2.0/24 is TEST-NET-1: never assigned; bind() fails locally, nothing is sent.
    with running(server_config(local_host="192.0.2.77")) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message.startswith("address 192.0.2.77:0 is not an address of this machine")


def test_large_send_does_not_block_the_loop_and_arrives_whole():
    payload = bytes(range(256)) * (20 * 4096)  # 20 MiB
    with (
        running(server_config()) as h,
        connect(h.engine.port) as slow,
        connect(h.engine.port) as other,
    ):
        h.wait_event(EventKind.ACCEPTED, n=2)
        h.engine.send(payload, 1)
        # While 20 MiB wait for a reader, the loop still serves the other client.
        other.sendall(b"ping")
        assert h.wait_rx_bytes(4, conn_id=2) == b"ping"
        assert recv_exactly(slow, len(payload), timeout=30) == payload
        h.wait_for(lambda _: h.chunks(Direction.TX))
        progress = [e for e in h.events if getattr(e, "kind", None) is EventKind.SEND_PROGRESS]
        assert progress
        assert progress[-1].sent == progress[-1].total == len(payload)
        assert [len(t.data) for t in h.chunks(Direction.TX)] == [len(payload)]


def test_ipv6_loopback():
    cfg = server_config(family=Family.INET6, local_host="::1")
    with running(cfg) as h, socket.create_connection(("::1", h.engine.port), timeout=TIMEOUT) as c:
        ev = h.wait_event(EventKind.ACCEPTED)
        assert ev.peer == "[::1]:%d" % c.getsockname()[1]
        c.sendall("你好".encode())
        assert h.wait_rx_bytes(6) == "你好".encode()


@pytest.mark.parametrize(
    ("family", "bind", "reach", "shown"),
    [
        (Family.INET, "127.0.0.1", "127.0.0.1", "127.0.0.1:{port}"),
        (Family.INET, "0.0.0.0", "127.0.0.2", "127.0.0.2:{port}"),  # the address reached
        (Family.INET6, "::1", "::1", "[::1]:{port}"),
        (Family.INET6, "::", "::1", "[::1]:{port}"),
    ],
)
def test_each_client_shows_the_local_address_it_reached(family, bind, reach, shown):
    cfg = server_config(family=family, local_host=bind)
    with running(cfg) as h, socket.create_connection((reach, h.engine.port), timeout=TIMEOUT) as c:
        ev = h.wait_event(EventKind.ACCEPTED)
        assert ev.local == shown.format(port=h.engine.port)
        c.sendall(b"x")
        h.wait_rx_bytes(1)
        assert h.chunks()[0].local == ev.local


def test_unix_stream_server(tmp_path):
    path = str(tmp_path / "srv.sock")
    cfg = SessionConfig(kind=Kind.TCP_SERVER, family=Family.UNIX, local_host=path)
    with running(cfg) as h:
        assert h.wait_event(EventKind.LISTENING).local == path
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(path)
            h.wait_event(EventKind.ACCEPTED)
            c.sendall(b"over unix")
            assert h.wait_rx_bytes(9) == b"over unix"
            h.engine.send(b"reply")
            assert recv_exactly(c, 5) == b"reply"
    import os

    assert not os.path.exists(path), "the socket file is removed when the server stops"


def test_stop_closes_clients_gracefully():
    with running(server_config()) as h:
        c = connect(h.engine.port)
        h.wait_event(EventKind.ACCEPTED)
        t0 = time.monotonic()
    assert time.monotonic() - t0 < 1
    c.settimeout(TIMEOUT)
    assert c.recv(10) == b""
    c.close()
    # The kernel-state watch may report where the closed socket went (a STATE event).
    kinds = [kind for kind in h.kinds() if kind is not EventKind.STATE]
    assert kinds[-2:] == [EventKind.LOCAL_CLOSE, EventKind.STOPPED]


def test_send_then_stop_still_sends_everything():
    payload = b"last words" * 100_000  # ~1 MB: more than one write
    with running(server_config()) as h:
        c = connect(h.engine.port)
        h.wait_event(EventKind.ACCEPTED)
        h.engine.send(payload)
        h.engine.stop()
        h.thread.join(TIMEOUT)
        got = recv_exactly(c, len(payload) + 1)
        c.close()
    assert got == payload


def test_an_idle_client_holds_no_object_the_collector_walks_but_its_socket():
    """Every full collection walks what 10,000 idle clients hold: each holds its socket only.

    A send queue, a waiter list and a callback of its own each (the first version) made
    30,000 more objects to walk and 0.9 KB more per client (tests/benchmarks/clients_scale.py).
    """
    import gc

    with running(server_config()) as h, connect(h.engine.port), connect(h.engine.port):
        h.wait_event(EventKind.ACCEPTED, n=2)
        one, two = (h.engine.conns[i] for i in (1, 2))

        def own(conn, other) -> list[str]:
            return sorted(
                name
                for name, value in vars(conn).items()
                if gc.is_tracked(value) and value is not getattr(other, name)
            )

        assert own(one, two) == own(two, one) == ["sock"]
