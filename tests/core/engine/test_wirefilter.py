"""The wire's kernel filter, attached to a real AF_PACKET capture on lo (root, Linux)."""

from __future__ import annotations

import socket
import struct
import threading
import time

import pytest

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import wire, wirefilter
from tests.core.engine.test_wire import _capture_refusal, segments
from tests.helpers import TIMEOUT, running

pytestmark = pytest.mark.skipif(bool(_capture_refusal()), reason=_capture_refusal() or "-")


def _capture(ports: set[int]) -> socket.socket:
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(wire.ETH_P_ALL))
    wirefilter.attach(sock, ports)
    sock.bind(("lo", wire.ETH_P_ALL))
    sock.settimeout(0.3)
    return sock


def _read_all(sock: socket.socket) -> list[tuple[int, int, int, int]]:
    """(IP protocol, source port, destination port, captured length) of each packet."""
    got = []
    while True:
        try:
            packet, address = sock.recvfrom(65536)
        except TimeoutError:
            return got
        if address[2] == wire.PACKET_OUTGOING:
            continue
        (ethertype,) = struct.unpack_from("!H", packet, 12)
        assert ethertype == 0x0800, "only IPv4 is sent in these tests"
        proto, ihl = packet[23], (packet[14] & 0xF) * 4
        sport, dport = struct.unpack_from("!HH", packet, 14 + ihl)
        got.append((proto, sport, dport, len(packet)))


def _tcp_exchange(payload: bytes) -> int:
    """One loopback TCP connection that carries ``payload`` and closes; its server port."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
            conn, _ = server.accept()
            with conn:
                client.sendall(payload)
                received = b""
                while len(received) < len(payload):
                    received += conn.recv(65536)
    return port


def test_only_our_ports_tcp_segments_come_and_only_their_headers():
    with socket.create_server(("127.0.0.1", 0)) as ours_listener:
        ours = ours_listener.getsockname()[1]
        with _capture({ours}) as capture:
            foreign = _tcp_exchange(b"x" * 3000)
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                udp.sendto(b"y" * 100, ("127.0.0.1", ours))  # our port number, but UDP
            with socket.create_connection(("127.0.0.1", ours), timeout=TIMEOUT) as client:
                conn, _ = ours_listener.accept()
                with conn:
                    client.sendall(b"z" * 3000)
                    time.sleep(0.05)
            got = _read_all(capture)
    assert foreign != ours
    assert got, "our connection's segments were captured"
    assert [p for p in got if p[0] != 6 or ours not in p[1:3]] == []
    assert max(length for *_, length in got) == wirefilter.SNAPLEN  # the 3000-byte write
    assert got[0][2] == ours, got  # the SYN is the first one kept


def test_no_ports_keeps_every_tcp_segment_and_no_udp():
    with _capture(set()) as capture:
        first = _tcp_exchange(b"a")
        _tcp_exchange(b"b")
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.sendto(b"c", ("127.0.0.1", first))
        got = _read_all(capture)
    # Other programs' TCP may come too (and crowd some of ours out): only UDP never may.
    assert got, "the exchanges' segments were captured"
    assert {proto for proto, *_ in got} == {6}


@pytest.mark.parametrize("ports", [{0}, {65536}, {-1}])
def test_a_port_outside_the_range_is_refused(ports):
    with pytest.raises(ValueError, match=r"ports must be 1\.\.65535"):
        wirefilter.program(ports)


def test_too_many_ports_keep_every_tcp_segment():
    assert wirefilter.program(range(1, wirefilter.MAX_PORTS + 2)) == wirefilter.program([])


def test_a_foreign_flood_does_not_hide_the_handshake_and_close():
    """Another program's loopback flood used to crowd the lesson's segments out."""
    stop = threading.Event()
    deadline = time.monotonic() + 20  # bounded, whatever happens

    def flood() -> None:
        block = b"\0" * 65536
        with socket.create_server(("127.0.0.1", 0)) as server:
            with socket.create_connection(server.getsockname(), timeout=TIMEOUT) as sender:
                reader, _ = server.accept()
                with reader:
                    drain = threading.Thread(target=lambda: _drain(reader), daemon=True)
                    drain.start()
                    sent = 0
                    while not stop.is_set() and time.monotonic() < deadline and sent < 8 << 30:
                        sender.sendall(block)
                        sent += len(block)
                    sender.shutdown(socket.SHUT_WR)
                    drain.join(TIMEOUT)

    flooder = threading.Thread(target=flood, daemon=True)
    flooder.start()
    try:
        time.sleep(0.2)  # the flood runs
        config = SessionConfig(kind=Kind.TCP_SERVER, wire=True, kernel_state=False)
        with running(config) as h:
            with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
                h.wait_event(EventKind.ACCEPTED)
                c.sendall(b"hi")
                h.wait_rx_bytes(2)
                h.engine.disconnect(1)
                assert c.recv(10) == b""
            h.wait_for(lambda _: {"SYN", "FIN,ACK"} <= {s["flags"] for s in segments(h)})
            got = segments(h)
            skipped = [
                e for e in h.events if isinstance(e, ConnEvent) and "skipped" in (e.detail or {})
            ]
    finally:
        stop.set()
        flooder.join(TIMEOUT)
    flags = [(s["dir"], s["flags"]) for s in got]
    assert flags[:3] == [("rx", "SYN"), ("tx", "SYN,ACK"), ("rx", "ACK")]
    assert ("rx", "PSH,ACK") in flags
    assert ("tx", "FIN,ACK") in flags
    assert skipped == []  # nothing foreign reached the rate limit


def _drain(sock: socket.socket) -> None:
    while sock.recv(1 << 20):
        pass
