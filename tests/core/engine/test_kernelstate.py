"""Kernel socket state over real loopback sockets: STATE events of both sides (Linux)."""

from __future__ import annotations

import socket
import struct
import sys
import time
from typing import Any

import pytest

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import kernel, statewatch
from netassistant.core.engine.kernel import read_tcp_table, table_address, table_keys
from netassistant.core.engine.sockstate import supported
from tests.helpers import TIMEOUT, Harness, running

pytestmark = pytest.mark.skipif(not supported(), reason="TCP_INFO is Linux only")


def states(h: Harness, conn_id: int) -> list[dict[str, Any]]:
    """The STATE details of one connection so far, in order."""
    with h._cond:
        return [
            dict(e.detail or {})
            for e in h.events
            if isinstance(e, ConnEvent) and e.kind is EventKind.STATE and e.conn_id == conn_id
        ]


def wait_state(h: Harness, conn_id: int, **wanted: Any) -> dict[str, Any]:
    """The first STATE detail of ``conn_id`` whose fields have the ``wanted`` values."""

    def found(_events: list[Any]) -> dict[str, Any] | None:
        for detail in states(h, conn_id):
            if all(detail.get(key) == value for key, value in wanted.items()):
                return detail
        return None

    result: dict[str, Any] = h.wait_for(found)
    return result


def connected_client(h: Harness) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT)
    h.wait_event(EventKind.ACCEPTED)
    return client


def drain_to_eof(sock: socket.socket) -> None:
    sock.settimeout(TIMEOUT)
    while sock.recv(4096):
        pass


def test_connect_shows_established_on_both_sides():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h, connected_client(h):
        detail = wait_state(h, 1, state="ESTABLISHED", peer_state="ESTABLISHED")
        assert (detail["rx_queue"], detail["tx_queue"], detail["retrans"]) == (0, 0, 0)
        assert detail["rtt_us"] > 0
        assert "closed_first" not in detail


def test_the_client_engine_sees_its_connection_established():
    with socket.create_server(("127.0.0.1", 0)) as srv:
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
        with running(config) as h:
            conn, _ = srv.accept()
            with conn:
                wait_state(h, 1, state="ESTABLISHED", peer_state="ESTABLISHED")


def test_our_fin_first_leaves_us_in_time_wait():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with connected_client(h) as client:
            wait_state(h, 1, state="ESTABLISHED")
            h.engine.disconnect(1)
            drain_to_eof(client)  # our FIN arrived: the peer answers with its own
        last = wait_state(h, 1, state="TIME_WAIT")
        assert 0 < last["timer_ms"] <= 60_000
        assert (last["peer_state"], last["closed_first"]) == ("CLOSED", "local")
        event = next(e for e in h.events if isinstance(e, ConnEvent) and e.detail == last)
        assert event.message.startswith(
            "kernel state TIME_WAIT, peer CLOSED; receive queue 0 B, send queue 0 B; "
            "TIME_WAIT ends in "
        )


def test_peer_fin_first_leaves_the_peer_in_time_wait():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with connected_client(h) as client:
            wait_state(h, 1, state="ESTABLISHED", peer_state="ESTABLISHED")
            client.shutdown(socket.SHUT_WR)
            drain_to_eof(client)  # we answered its FIN with ours (close_on_peer_fin)
        last = wait_state(h, 1, state="CLOSED", peer_state="TIME_WAIT")
        assert last["closed_first"] == "peer"
        assert 0 < last["peer_timer_ms"] <= 60_000
        assert "timer_ms" not in last


def test_half_open_after_the_peer_fin_when_we_stay_open():
    config = SessionConfig(kind=Kind.TCP_SERVER, close_on_peer_fin=False)
    with running(config) as h, connected_client(h) as client:
        wait_state(h, 1, state="ESTABLISHED")
        client.shutdown(socket.SHUT_WR)
        # Two reads (TCP_INFO, the table) are no snapshot: one sample may mix moments.
        detail = wait_state(h, 1, state="CLOSE_WAIT", peer_state="FIN_WAIT2")
        assert detail["closed_first"] == "peer"
        h.engine.send(b"still here", 1)
        assert client.recv(100) == b"still here"


def test_our_rst_leaves_no_socket_on_either_side():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h, connected_client(h) as client:
        wait_state(h, 1, state="ESTABLISHED", peer_state="ESTABLISHED")
        h.engine.abort(1)
        with pytest.raises(ConnectionResetError, match="reset"):
            client.recv(10)
        assert wait_state(h, 1, state="CLOSED") == {
            "state": "CLOSED",
            "peer_state": "CLOSED",
            "rx_queue": 0,
            "tx_queue": 0,
        }
        assert [d["state"] for d in states(h, 1)] == ["ESTABLISHED", "CLOSED"]


def test_a_peer_rst_ends_our_socket_at_once():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        client = connected_client(h)
        wait_state(h, 1, state="ESTABLISHED")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        h.wait_event(EventKind.RESET)
        assert wait_state(h, 1, state="CLOSED")["peer_state"] == "CLOSED"


def test_a_paused_listener_fills_its_accept_queue_to_the_backlog():
    h = Harness(SessionConfig(kind=Kind.TCP_SERVER, backlog=2))
    h.engine.set_accept_paused(True)  # runs before the first sample
    h.start()
    clients: list[socket.socket] = []
    try:
        assert wait_state(h, 0, state="LISTEN") == {
            "state": "LISTEN",
            "peer_state": None,
            "rx_queue": 0,
            "tx_queue": 0,
            "accept_queue": 0,
            "backlog": 2,
        }
        for _ in range(5):
            client = socket.socket()
            client.setblocking(False)
            client.connect_ex(("127.0.0.1", h.engine.port))
            clients.append(client)
        # Linux queues one more than the backlog before it drops SYNs.
        wait_state(h, 0, accept_queue=3, backlog=2)
        time.sleep(0.3)  # a few more samples: it stays full
        assert [d["accept_queue"] for d in states(h, 0)][-1] == 3
        assert EventKind.ACCEPTED not in h.kinds()
    finally:
        for client in clients:
            client.close()
        h.stop()


def test_a_slow_readers_receive_queue_grows():
    config = SessionConfig(kind=Kind.TCP_SERVER, recv_size=10, read_delay_ms=4000)
    with running(config) as h, connected_client(h) as client:
        wait_state(h, 1, state="ESTABLISHED", rx_queue=0)
        client.sendall(b"a" * 100)  # one recv() takes 10 bytes, then the reader waits
        wait_state(h, 1, rx_queue=90)
        client.sendall(b"b" * 100)
        wait_state(h, 1, rx_queue=190)
        queues = [d["rx_queue"] for d in states(h, 1)]
        assert queues == sorted(queues)


def test_kernel_state_off_means_no_state_events():
    config = SessionConfig(kind=Kind.TCP_SERVER, kernel_state=False)
    with running(config) as h:
        with connected_client(h) as client:
            client.sendall(b"x")
            h.wait_rx_bytes(1)
        h.wait_event(EventKind.CLOSED)
        time.sleep(0.3)
    assert EventKind.STATE not in h.kinds()


def test_a_system_without_tcp_info_says_so_once(monkeypatch):
    monkeypatch.setattr(statewatch, "supported", lambda: False)
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h, connected_client(h):
        time.sleep(0.3)
    notes = [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.STATE]
    assert [(n.message, n.detail) for n in notes] == [
        (
            "this system gives no kernel socket state (TCP_INFO is Linux only); none is shown",
            {"state": None, "peer_state": None, "rx_queue": None, "tx_queue": None},
        )
    ]


def test_udp_sessions_have_no_kernel_state():
    with running(SessionConfig(kind=Kind.UDP)) as h:
        time.sleep(0.3)
    assert EventKind.STATE not in h.kinds()


# ------------------------------------------------------------ the system table
@pytest.mark.skipif(sys.byteorder != "little", reason="the spellings below are little-endian")
def test_table_addresses_are_spelled_as_proc_writes_them():
    assert table_address("127.0.0.1", 8080) == [
        "0100007F:1F90",
        "0000000000000000FFFF00000100007F:1F90",
    ]
    assert table_address("::1", 80) == ["00000000000000000000000001000000:0050"]
    assert table_address("not an address", 1) == []


def test_the_table_finds_both_ends_of_a_loopback_connection():
    with socket.create_server(("127.0.0.1", 0)) as srv:
        with socket.create_connection(srv.getsockname(), timeout=TIMEOUT) as client:
            conn, _ = srv.accept()
            with conn:
                ours = table_keys(client.getsockname(), client.getpeername())
                theirs = table_keys(conn.getsockname(), conn.getpeername())
                table = read_tcp_table(set(ours + theirs))
                assert table is not None
                assert sorted(e.state for e in table.values()) == ["ESTABLISHED"] * 2
                assert read_tcp_table(set(ours), tables=("/nonexistent",)) is None
                holders = kernel.tcp_port_holders(srv.getsockname()[1])
                assert holders == kernel.PortHolders(listening=1, time_wait=0, other=1)


def test_a_client_session_reports_where_its_connection_went_as_it_ends():
    with socket.create_server(("127.0.0.1", 0)) as srv:
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
        with running(config) as h:
            conn, _ = srv.accept()
            wait_state(h, 1, state="ESTABLISHED", peer_state="ESTABLISHED")
            conn.close()  # the server's FIN first: our session answers, closes and ends
            h.wait_event(EventKind.STOPPED)
        last = states(h, 1)[-1]
        assert (last["state"], last["peer_state"], last["closed_first"]) == (
            "CLOSED",
            "TIME_WAIT",
            "peer",
        )
        kinds = h.kinds()
        assert kinds.index(EventKind.CLOSED) < len(kinds) - 2
        assert kinds[-2:] == [EventKind.STATE, EventKind.STOPPED]
