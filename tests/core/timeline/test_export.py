"""Timeline exports: exact JSON and Mermaid text, valid escaped SVG, safe atomic files."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.safefile import FileKindError
from netassistant.core.timeline import TimelineBuilder, check_timeline_path, write_timeline
from netassistant.core.timeline.export import render
from netassistant.core.timeline.svg import escape

MS = 1_000_000
T0 = 1_700_000_000 * 1_000_000_000
SERVER = "127.0.0.1:9000"
CLIENT = "127.0.0.1:50000"


def ev(seq: int, ms: int, kind: EventKind, conn: int = 1, **kw) -> ConnEvent:
    local = kw.pop("local", SERVER)
    peer = kw.pop("peer", CLIENT if conn else "")
    return ConnEvent(seq, T0 + ms * MS, kind, conn, local, peer, **kw)


def rx(seq: int, ms: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, T0 + ms * MS, conn, Direction.RX, SERVER, CLIENT, data)


def tx(seq: int, ms: int, data: bytes, conn: int = 1) -> Chunk:
    return Chunk(seq, T0 + ms * MS, conn, Direction.TX, SERVER, CLIENT, data)


#: A server's small session: listen, accept, recv, send, a state change, FIN, close.
EVENTS = [
    ev(1, 0, EventKind.LISTENING, 0),
    ev(2, 10, EventKind.ACCEPTED),
    rx(3, 20, b"hello"),
    tx(4, 30, b"hi"),
    ev(
        5,
        40,
        EventKind.STATE,
        detail={"state": "CLOSE_WAIT", "peer_state": "FIN_WAIT2", "rx_queue": 0, "tx_queue": 0},
    ),
    ev(6, 1500, EventKind.CLOSED, message=f"{CLIENT} closed the connection (FIN)"),
]

EXPECTED_JSON = """[
{"t": 0.0, "side": "local", "call": "listen", "conn": 0, "seq": 1, "len": 0}
{"t": 0.01, "side": "local", "call": "accept", "conn": 1, "seq": 2, "len": 0, "peer": "127.0.0.1:50000"}
{"t": 0.02, "side": "local", "call": "recv", "conn": 1, "seq": 3, "len": 5, "range": [0, 5], "peer": "127.0.0.1:50000"}
{"t": 0.03, "side": "local", "call": "send", "conn": 1, "seq": 4, "len": 2, "range": [0, 2], "peer": "127.0.0.1:50000"}
{"t": 0.04, "side": "local", "call": "state", "conn": 1, "seq": 5, "len": 0, "state": "CLOSE_WAIT", "peer_state": "FIN_WAIT2", "peer": "127.0.0.1:50000"}
{"t": 1.5, "side": "peer", "call": "fin", "conn": 1, "seq": 6, "len": 0, "peer": "127.0.0.1:50000"}
{"t": 1.5, "side": "local", "call": "close", "conn": 1, "seq": 6, "len": 0, "peer": "127.0.0.1:50000"}
]
""".replace("}\n{", "},\n{")

EXPECTED_MERMAID = """sequenceDiagram
    participant L as this socket 127.0.0.1:9000
    participant P1 as 127.0.0.1:50000
    Note over L: socket/bind/listen (0.000000 s)
    P1->>L: accept() (0.010000 s)
    P1->>L: recv 5 B #35;3 [0,5) (0.020000 s)
    L->>P1: send 2 B #35;4 [0,2) (0.030000 s)
    Note over L: state CLOSE_WAIT, peer FIN_WAIT2 (0.040000 s)
    P1-)L: FIN: recv() returned b'' (1.500000 s)
    Note over L: close() (1.500000 s)
"""


def built(events=EVENTS, **kw) -> TimelineBuilder:
    builder = TimelineBuilder(**kw)
    builder.feed(events)
    return builder


def test_json_is_one_array_of_one_object_per_step(tmp_path):
    path = tmp_path / "t.json"
    write_timeline(path, EVENTS)
    assert path.read_text("utf-8") == EXPECTED_JSON
    assert [step["call"] for step in json.loads(EXPECTED_JSON)] == [
        "listen", "accept", "recv", "send", "state", "fin", "close",
    ]  # fmt: skip


def test_mermaid_text_is_exact(tmp_path):
    path = tmp_path / "t.mmd"
    write_timeline(path, EVENTS)
    assert path.read_text("utf-8") == EXPECTED_MERMAID


def test_svg_is_valid_xml_with_every_step_and_escaped_text(tmp_path):
    nasty = '/tmp/<a&b>"\x01'  # an AF_UNIX path may hold anything
    events = [
        ev(1, 0, EventKind.LISTENING, 0, local=nasty),
        ev(2, 5, EventKind.ERROR, 0, local=nasty, message="bad <thing> & \x00 more"),
    ]
    path = tmp_path / "t.svg"
    write_timeline(path, [*EVENTS, *(e._replace(seq=e.seq + 10) for e in events)])
    data = path.read_bytes()
    root = ET.fromstring(data)  # well-formed XML, or this raises
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("version") == "1.1"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "send 2 B #4 [0,2)" in texts
    assert "recv 5 B #3 [0,5)" in texts
    assert "error: bad <thing> & \ufffd more" in texts
    assert b"&lt;thing&gt; &amp;" in data
    assert escape('<a href="x">&\x01') == "&lt;a href=&quot;x&quot;&gt;&amp;\ufffd"


def test_linked_recv_names_its_sends_and_the_svg_draws_one_arrow_per_link():
    client_tx = [
        Chunk(1, T0 + 1 * MS, 1, Direction.TX, CLIENT, SERVER, b"ab"),
        Chunk(2, T0 + 2 * MS, 1, Direction.TX, CLIENT, SERVER, b"cd"),
    ]
    ours = [ev(1, 0, EventKind.ACCEPTED), rx(2, 3, b"abcd")]
    builder = TimelineBuilder()
    builder.feed(ours)
    builder.feed([ev(0, 0, EventKind.CONNECTED, local=CLIENT, peer=SERVER), *client_tx], session=1)
    mermaid = render(builder, "mermaid")
    assert "    P1->>L: send 2 B #35;1 [0,2) (0.001000 s)\n" in mermaid
    assert "    Note over L: recv 4 B #35;2 [0,4) ← #35;1, #35;2 (0.003000 s)\n" in mermaid
    root = ET.fromstring(render(builder, "svg"))
    lines = [e for e in root.iter("{http://www.w3.org/2000/svg}line") if e.get("marker-end")]
    sends = [e for e in lines if e.get("marker-end") == "url(#head-send)"]
    assert len(sends) == 2  # converging on the recv's row
    assert len({(e.get("x2"), e.get("y2")) for e in sends}) == 1
    records = json.loads(render(builder, "json"))
    # accept, the peer's connect, its two sends, then the recv at position 4.
    assert [r.get("to") for r in records if r["call"] == "send"] == [[4], [4]]
    assert records[4]["call"] == "recv"


def test_a_bad_extension_names_the_three(tmp_path):
    with pytest.raises(ValueError, match=r"must end in \.svg, \.mmd or \.json .*x\.txt'$"):
        write_timeline(tmp_path / "x.txt", EVENTS)
    assert not (tmp_path / "x.txt").exists()
    assert check_timeline_path("A.SVG") == "svg"


def test_fifo_and_symlink_are_refused_and_nothing_half_written(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(FileKindError, match="named pipe"):
        write_timeline(fifo, EVENTS)
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(FileKindError, match="symbolic link"):
        write_timeline(link, EVENTS)
    assert target.read_text() == "old"
    write_timeline(target, EVENTS)
    assert target.read_text("utf-8") == EXPECTED_JSON
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "pipe.json", "real.json"]
