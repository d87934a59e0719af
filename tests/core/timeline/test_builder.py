"""TimelineBuilder on hand-made records: every event kind's step, wire links, relay, UDP, bounds.

(The STATE and SEGMENT emitters live on other branches; their records are built here
exactly as chunk.py documents them.)
"""

from __future__ import annotations

import json
import time

import pytest

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, EventKind
from netassistant.core.timeline import TimelineBuilder, step_label
from netassistant.core.timeline.export import to_json
from netassistant.core.timeline.layout import SELF, columns, ends
from tests.core.timeline.test_export import CLIENT, MS, SERVER, T0, ev, rx, tx


def calls(builder: TimelineBuilder) -> list[tuple[str, str]]:
    return [(s.side, s.call) for s in builder.steps]


def test_each_connection_event_makes_its_steps_with_the_right_side():
    builder = TimelineBuilder()
    builder.feed(
        [
            ConnEvent(1, T0, EventKind.CONNECTING, 1, "", SERVER, "connecting"),
            ev(2, 1, EventKind.CONNECTED, local=CLIENT, peer=SERVER),
            ev(3, 2, EventKind.TLS, detail={"version": "TLSv1.3", "cipher": "TLS_AES_128"}),
            ev(4, 3, EventKind.PEER_FIN),
            ev(5, 4, EventKind.HALF_CLOSED),
            ev(6, 5, EventKind.LOCAL_CLOSE),
            ev(7, 6, EventKind.RESET, conn=2),
            ev(8, 7, EventKind.ABORTED, conn=3),
            ev(9, 8, EventKind.ERROR, conn=0, message="port 80 is in use"),
            ev(10, 9, EventKind.SEND_PROGRESS),  # not a call: no step
            ev(11, 10, EventKind.DROPPED, conn=0),
            ev(12, 11, EventKind.FAULT, detail={"fault": "latency"}),
            ev(13, 12, EventKind.STOPPED, conn=0),  # a client never listened: no close
        ]
    )
    assert calls(builder) == [
        ("local", "connect"),
        ("local", "connect"),
        ("local", "tls"),
        ("peer", "fin"),
        ("local", "shutdown"),
        ("local", "close"),
        ("peer", "rst"),
        ("local", "rst"),
        ("local", "error"),
    ]
    labels = [str(step_label(s)) for s in builder.steps]
    assert labels == [
        "connect()",
        "connect() returned: connected",
        "TLS TLSv1.3 TLS_AES_128",
        "FIN: recv() returned b''",
        "shutdown(SHUT_WR): FIN",
        "close()",
        "RST received",
        "RST sent (abort)",
        "error: port 80 is in use",
    ]
    # The client's connect goes from this socket to the server's lifeline.
    assert ends(builder.steps[0]) == (SELF, SERVER)
    assert ends(builder.steps[6]) == (CLIENT, SELF)  # the RST came from the peer


def test_a_listening_sessions_stop_closes_its_socket():
    builder = TimelineBuilder()
    builder.feed([ev(1, 0, EventKind.LISTENING, 0), ev(2, 5, EventKind.STOPPED, 0)])
    assert calls(builder) == [("local", "listen"), ("local", "close")]


def test_wire_segments_link_a_send_to_its_segments_by_sequence_number():
    isn = 4_000_000_000  # wraps past 2**32 within the stream
    seg = lambda seq, ms, flags, s, n: ev(  # noqa: E731
        seq,
        ms,
        EventKind.SEGMENT,
        detail={"dir": "tx", "flags": flags, "seq": s, "ack": 1, "len": n, "win": 65535},
    )
    builder = TimelineBuilder()
    builder.feed(
        [
            ev(1, 0, EventKind.ACCEPTED),
            seg(2, 1, "SYN,ACK", isn, 0),
            tx(3, 2, b"0123456789"),
            seg(4, 3, "PSH,ACK", (isn + 1) % 2**32, 6),
            seg(5, 4, "PSH,ACK", (isn + 7) % 2**32, 4),
        ]
    )
    send = next(s for s in builder.steps if s.call == "send")
    assert [(s.call, s.start, s.end) for s in builder.links_from(send.id)] == [
        ("segment", 0, 6),
        ("segment", 6, 10),
    ]
    syn = builder.steps[1]
    assert (syn.side, syn.start) == ("local", -1)
    assert str(step_label(syn)) == f"SYN,ACK seq={isn} ack=1 len=0 win=65535"


def test_a_relay_draws_client_relay_server():
    upstream = "127.0.0.1:7000"
    builder = TimelineBuilder()
    builder.feed(
        [
            ev(1, 0, EventKind.ACCEPTED),
            rx(2, 1, b"req"),
            Chunk(3, T0 + 2 * MS, 1, Direction.TX, "127.0.0.1:40000", upstream, b"req", ChunkFlag.SERVER_LEG),
            Chunk(4, T0 + 3 * MS, 1, Direction.RX, "127.0.0.1:40000", upstream, b"ok", ChunkFlag.SERVER_LEG),
            tx(5, 4, b"ok"),
        ]
    )  # fmt: skip
    assert builder.relay
    assert columns(builder) == [CLIENT, SELF, upstream]
    leg_send = builder.steps[2]
    assert (leg_send.leg, ends(leg_send)) == ("server", (SELF, upstream))
    # Each leg is its own stream: offsets from 0 on both.
    assert [(s.call, s.leg, s.start, s.end) for s in builder.steps[1:]] == [
        ("recv", "", 0, 3),
        ("send", "server", 0, 3),
        ("recv", "server", 0, 2),
        ("send", "", 0, 2),
    ]


def test_udp_datagrams_are_one_arrow_each_with_a_lifeline_per_sender():
    def dgram(seq: int, peer: str) -> Chunk:
        return Chunk(seq, T0 + seq * MS, 0, Direction.RX, SERVER, peer, b"x" * seq)

    builder = TimelineBuilder()
    builder.feed([ev(1, 0, EventKind.LISTENING, 0), dgram(2, "10.0.0.1:5"), dgram(3, "10.0.0.2:5")])
    assert [(s.call, s.lane, s.length, s.start) for s in builder.steps[1:]] == [
        ("recv", "10.0.0.1:5", 2, -1),
        ("recv", "10.0.0.2:5", 3, -1),
    ]
    assert columns(builder) == [SELF, "10.0.0.1:5", "10.0.0.2:5"]
    assert columns(builder, ["10.0.0.2:5"]) == [SELF, "10.0.0.2:5"]


def test_a_million_events_keep_the_newest_steps_in_bounded_time():
    builder = TimelineBuilder(max_steps=50_000)
    builder.feed([ev(1, 0, EventKind.ACCEPTED)])
    seq = 2
    started = time.monotonic()
    # A million chunks: first in the engine's batch size, then in batches longer than the
    # cap (a view that fell behind), whose oldest chunks only move the offsets.
    for size in [2_000] * 250 + [100_000] * 5:
        batch = []
        for _ in range(size):
            batch.append(rx(seq, 1, b"abcd"))
            seq += 1
        builder.feed(batch)
        assert len(builder) <= 50_000
        assert time.monotonic() - started < 60, "feeding a flood must stay fast"
    assert len(builder) == 50_000
    assert builder.dropped == 1_000_001 - 50_000
    assert builder.steps[-1].seq == seq - 1
    assert builder.steps[-1].start == 4 * 999_999  # offsets keep counting past the cap
    assert builder.step(2) is None
    assert builder.row_of(2) == -1
    records = json.loads(to_json(builder))
    assert len(records) == 50_000
    assert records[0]["dropped_before"] == 950_001


def test_max_steps_must_be_positive():
    with pytest.raises(ValueError, match="max_steps must be 1 or more, not 0"):
        TimelineBuilder(max_steps=0)
