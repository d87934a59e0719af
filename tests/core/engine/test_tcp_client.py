"""TcpClientEngine against real loopback servers."""

from __future__ import annotations

import socket
import struct

import pytest

from netassistant.core.chunk import Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from tests.helpers import TIMEOUT, free_port, recv_exactly, running


def client_config(port: int, **kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_CLIENT, remote_port=port, **kw)


def listener(host: str = "127.0.0.1", family: int = socket.AF_INET) -> socket.socket:
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.bind((host, 0))
    srv.listen()
    srv.settimeout(TIMEOUT)
    return srv


def test_connect_send_receive_and_server_close_ends_session():
    with listener() as srv, running(client_config(srv.getsockname()[1])) as h:
        conn, addr = srv.accept()
        ev = h.wait_event(EventKind.CONNECTED)
        assert ev.local == "127.0.0.1:%d" % addr[1]
        assert ev.peer == "127.0.0.1:%d" % srv.getsockname()[1]
        h.engine.send(b"GET / HTTP/1.0\r\n\r\n")
        assert recv_exactly(conn, 18) == b"GET / HTTP/1.0\r\n\r\n"
        conn.sendall(b"\x01\x02\x03")
        assert h.wait_rx_bytes(3) == b"\x01\x02\x03"
        conn.close()
        assert h.wait_event(EventKind.CLOSED).message.endswith("closed the connection (FIN)")
        h.wait_event(EventKind.STOPPED)
        h.thread.join(TIMEOUT)
        assert not h.thread.is_alive(), "the client session ends with its connection"
        assert [c.data for c in h.chunks(Direction.TX)] == [b"GET / HTTP/1.0\r\n\r\n"]


def test_refused_has_plain_words():
    port = free_port()
    with running(client_config(port)) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message == f"connection refused by 127.0.0.1:{port} — nothing is listening there"


@pytest.fixture
def black_hole():
    """A loopback port whose listener never accepts and whose queue is full: SYNs are dropped."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(0)
    port = srv.getsockname()[1]
    fillers = []
    for _ in range(3):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        fillers.append(s)
    yield port
    for s in fillers:
        s.close()
    srv.close()


def test_connect_timeout_when_the_backlog_is_full(black_hole):
    with running(client_config(black_hole, connect_timeout=0.5)) as h:
        ev = h.wait_event(EventKind.ERROR, timeout=10)
    assert ev.message == (
        f"connecting to 127.0.0.1:{black_hole} timed out after 0.5 s — the host did not answer; "
        "check the address and any firewall"
    )


def test_send_while_connecting_is_refused_with_a_message(black_hole):
    with running(client_config(black_hole, connect_timeout=2)) as h:
        h.wait_event(EventKind.CONNECTING)
        h.engine.send(b"too early")
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == (
            f"cannot send: still connecting to 127.0.0.1:{black_hole}; nothing was sent"
        )
        assert h.chunks(Direction.TX) == []


def test_local_port_is_bound_before_connect():
    local = free_port()
    with listener() as srv, running(client_config(srv.getsockname()[1], local_port=local)):
        conn, addr = srv.accept()
        conn.close()
        assert addr[1] == local


def test_nodelay_option_applies_to_the_socket():
    with listener() as srv, running(client_config(srv.getsockname()[1], nodelay=True)) as h:
        conn, _ = srv.accept()
        h.wait_event(EventKind.CONNECTED)
        h.engine.send(b"a")
        assert recv_exactly(conn, 1) == b"a"
        conn.close()


def test_server_reset_is_reported_as_rst():
    with listener() as srv, running(client_config(srv.getsockname()[1])) as h:
        conn, _ = srv.accept()
        h.wait_event(EventKind.CONNECTED)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
        ev = h.wait_event(EventKind.RESET)
        assert ev.message == "connection reset by 127.0.0.1:%d (RST)" % srv.getsockname()[1]


def test_half_close_then_server_finishes_reply():
    with listener() as srv, running(client_config(srv.getsockname()[1])) as h:
        conn, _ = srv.accept()
        h.wait_event(EventKind.CONNECTED)
        h.engine.send(b"question")
        h.engine.half_close()
        assert recv_exactly(conn, 100) == b"question"  # then EOF
        conn.sendall(b"answer")
        conn.close()
        assert h.wait_rx_bytes(6) == b"answer"
        h.wait_event(EventKind.STOPPED)


def test_ipv6_client():
    with listener("::1", socket.AF_INET6) as srv:
        cfg = client_config(
            srv.getsockname()[1], family=Family.INET6, remote_host="::1", local_host=""
        )
        with running(cfg) as h:
            conn, _ = srv.accept()
            assert h.wait_event(EventKind.CONNECTED).peer == "[::1]:%d" % srv.getsockname()[1]
            conn.sendall(b"v6")
            assert h.wait_rx_bytes(2) == b"v6"
            conn.close()


def test_unix_client_missing_socket(tmp_path):
    path = str(tmp_path / "nobody.sock")
    cfg = SessionConfig(kind=Kind.TCP_CLIENT, family=Family.UNIX, remote_host=path, local_host="")
    with running(cfg) as h:
        ev = h.wait_event(EventKind.ERROR)
    assert ev.message == f"no socket at {path} — is the server running, and is the path right?"


def test_unix_client_talks_to_unix_server(tmp_path):
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as srv:
        srv.bind(path)
        srv.listen()
        srv.settimeout(TIMEOUT)
        cfg = SessionConfig(
            kind=Kind.TCP_CLIENT, family=Family.UNIX, remote_host=path, local_host=""
        )
        with running(cfg) as h:
            conn, _ = srv.accept()
            h.wait_event(EventKind.CONNECTED)
            h.engine.send(b"unix!")
            assert recv_exactly(conn, 5) == b"unix!"
            conn.close()
