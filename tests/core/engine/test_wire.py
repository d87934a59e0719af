"""The wire: this session's TCP segments on loopback, seen by an AF_PACKET capture.

Needs Linux and CAP_NET_RAW (CI runs as root); skipped with the reason elsewhere.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import wire
from tests.helpers import TIMEOUT, Harness, running


def _capture_refusal() -> str:
    family = getattr(socket, "AF_PACKET", None)
    if family is None:
        return "AF_PACKET is Linux only"
    try:
        socket.socket(family, socket.SOCK_RAW, socket.htons(wire.ETH_P_ALL)).close()
    except OSError as exc:
        return f"capturing on lo needs root or CAP_NET_RAW ({exc.strerror})"
    return ""


pytestmark = pytest.mark.skipif(bool(_capture_refusal()), reason=_capture_refusal() or "-")


def segments(h: Harness) -> list[dict[str, Any]]:
    with h._cond:
        return [
            dict(e.detail or {}, conn=e.conn_id)
            for e in h.events
            if isinstance(e, ConnEvent) and e.kind is EventKind.SEGMENT
        ]


def test_handshake_and_close_are_seen_with_exact_flags():
    with running(SessionConfig(kind=Kind.TCP_SERVER, wire=True, kernel_state=False)) as h:
        client = socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT)
        with client:
            h.wait_event(EventKind.ACCEPTED)
            client.sendall(b"hi")
            h.wait_rx_bytes(2)
            time.sleep(0.1)  # our ACK of "hi" goes out before our FIN
            h.engine.disconnect(1)
            assert client.recv(10) == b""
            time.sleep(0.2)  # the peer's kernel ACKs our FIN before the peer closes
        h.wait_for(lambda _: len(segments(h)) >= 9)
        time.sleep(0.2)
        got = segments(h)
    assert [(s["dir"], s["flags"], s["len"]) for s in got] == [
        ("rx", "SYN", 0),
        ("tx", "SYN,ACK", 0),
        ("rx", "ACK", 0),
        ("rx", "PSH,ACK", 2),
        ("tx", "ACK", 0),
        ("tx", "FIN,ACK", 0),
        ("rx", "ACK", 0),
        ("rx", "FIN,ACK", 0),
        ("tx", "ACK", 0),
    ]
    syn, syn_ack, ack = got[:3]
    assert (syn["ack"], syn_ack["ack"], ack["seq"], ack["ack"]) == (
        0,
        syn["seq"] + 1,
        syn["seq"] + 1,
        syn_ack["seq"] + 1,
    )
    assert [s["conn"] for s in got[:3]] == [0, 0, 0]  # before accept(): the listener's
    assert {s["conn"] for s in got[3:]} == {1}
    assert all(s["win"] > 0 for s in got)


def test_other_sessions_segments_are_not_shown():
    with running(SessionConfig(kind=Kind.TCP_SERVER, wire=True, kernel_state=False)) as h:
        with socket.create_server(("127.0.0.1", 0)) as other:
            with socket.create_connection(other.getsockname(), timeout=TIMEOUT) as c:
                c.sendall(b"not ours")
                time.sleep(0.3)
    assert segments(h) == []


def test_the_rate_is_bounded_with_a_note(monkeypatch):
    monkeypatch.setattr(wire, "MAX_RATE", 3)
    with running(SessionConfig(kind=Kind.TCP_SERVER, wire=True, kernel_state=False)) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            c.sendall(b"x")
            h.wait_rx_bytes(1)
        note = h.wait_for(
            lambda evs: [
                e for e in evs if isinstance(e, ConnEvent) and e.detail and "skipped" in e.detail
            ]
        )[0]
    skipped = note.detail["skipped"]
    assert skipped >= 2
    assert note.message == f"{skipped} segments skipped: the wire shows at most 3 a second"
    assert len([s for s in segments(h) if "flags" in s]) == 3


def test_turning_the_wire_on_while_running():
    with running(SessionConfig(kind=Kind.TCP_SERVER, kernel_state=False)) as h:
        h.engine.set_wire(True)
        time.sleep(0.1)
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT):
            h.wait_for(lambda _: [s for s in segments(h) if s["flags"] == "SYN"])
        h.engine.set_wire(False)


def test_a_udp_session_has_no_wire():
    with running(SessionConfig(kind=Kind.UDP, wire=True)) as h:
        error = h.wait_event(EventKind.ERROR)
    assert (error.message, error.detail) == (
        "the wire shows TCP segments: this session is not TCP over IP",
        {"source": "wire"},
    )
