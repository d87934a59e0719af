"""Kernel state of a relay: each pair's client leg is watched like a server's client."""

from __future__ import annotations

from netassistant.core.chunk import ConnEvent, EventKind
from tests.core.relay.relayhelpers import relayed


def states(h) -> list[ConnEvent]:
    return [e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.STATE]


def test_the_client_leg_reports_its_kernel_state():
    with relayed(kernel_state=True) as (h, client, server):
        client.sendall(b"hi")
        assert server.recv(10) == b"hi"
        h.wait_for(lambda evs: [e for e in states(h) if e.conn_id == 1])
        first = next(e for e in states(h) if e.conn_id == 1)
    assert first.detail is not None
    assert first.detail["state"] == "ESTABLISHED"
    assert first.detail["peer_state"] == "ESTABLISHED"  # the client, found on loopback
    listener = [e for e in states(h) if e.conn_id == 0]
    assert listener
    assert listener[0].detail is not None
    assert listener[0].detail["state"] == "LISTEN"
