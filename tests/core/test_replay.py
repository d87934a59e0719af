"""Replay: a recorded side sent again into a real loopback session, one send per chunk."""

from __future__ import annotations

import json
import os
import socket
import time

import pytest

from netassistant.core.capture import LogCapture
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pcapexport import PcapCapture
from netassistant.core.replayfile import ReplayError, ReplaySource, items, scan
from tests.helpers import TIMEOUT, pipeline_running, running

SENDS = [b"first", b"\x00\x01\x02", b"third message"]
GAPS = [0.0, 0.3, 0.6]  # seconds after the first send, as recorded


def fake_recording(path, *, side=Direction.TX, gaps=GAPS, sends=SENDS) -> None:
    """A JSONL capture (the capture box's format) of a client's sends at known times."""
    t0 = 1_700_000_000_000_000_000
    events = [ConnEvent(1, t0 - 5, EventKind.CONNECTED, 1, "127.0.0.1:4000", "127.0.0.1:80")]
    for i, (gap, data) in enumerate(zip(gaps, sends, strict=True)):
        events.append(
            Chunk(i + 2, t0 + int(gap * 1e9), 1, side, "127.0.0.1:4000", "127.0.0.1:80", data)
        )
        # The other side's answer, which a tx replay must leave out.
        other = Direction.RX if side is Direction.TX else Direction.TX
        events.append(
            Chunk(
                i + 10,
                t0 + int(gap * 1e9) + 1000,
                1,
                other,
                "127.0.0.1:4000",
                "127.0.0.1:80",
                b"ok",
            )
        )
    with LogCapture(path, "jsonl") as cap:
        cap.write_batch(events)


def replay_into_server(path, speed: float, side: str = "tx"):
    """Replay into a TCP server from a client session; (chunks the server got, their times)."""
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as server:
        server.wait_event(EventKind.LISTENING)
        cfg = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=server.engine.port, nodelay=True)
        with pipeline_running(cfg) as client:
            client.wait_event(EventKind.CONNECTED)
            plan = client.pipeline.start_replay(ReplaySource(str(path), side, "", speed))
            end = client.wait_for(
                lambda evs: [
                    e
                    for e in evs
                    if getattr(e, "plan_id", 0) == plan and e.state not in ("", "running")
                ]
            )
            assert (end[0].state, end[0].message) == (
                "done",
                f"replay to 127.0.0.1:{server.engine.port} done: 3 chunks sent",
            )
            total = sum(map(len, SENDS))
            server.wait_for(lambda _: sum(len(c.data) for c in server.chunks()) == total)
            return server.chunks(), client.chunks(Direction.TX)


@pytest.mark.parametrize("speed", [1.0, 10.0])
def test_replay_sends_each_chunk_once_at_the_recorded_timing(tmp_path, speed):
    path = tmp_path / "rec.jsonl"
    fake_recording(path)
    got, tx = replay_into_server(path, speed)
    assert [c.data for c in got] == SENDS
    assert [c.data for c in tx] == SENDS
    times = [c.ts_ns / 1e9 for c in tx]
    offsets = [t - times[0] for t in times]
    for want, seen in zip(GAPS, offsets, strict=True):
        # A TX chunk is stamped when the kernel took the bytes, a few ms after the send
        # was due; timers on a shared machine fire late, never much early.
        assert -0.015 < seen - want / speed < 0.08


def test_as_fast_as_possible_and_the_rx_side(tmp_path):
    path = tmp_path / "rec.jsonl"
    fake_recording(path, side=Direction.RX)
    start = time.monotonic()
    got, tx = replay_into_server(path, 0.0, side="rx")
    # One send call per recorded chunk; the receiving TCP stream may join them.
    assert [c.data for c in tx] == SENDS
    assert b"".join(c.data for c in got) == b"".join(SENDS)
    assert time.monotonic() - start < 0.5


def test_a_cli_json_log_replays_and_a_pcap_too(tmp_path):
    # The CLI's --json record is logformat.chunk_record with udp fields: read as is.
    rec = tmp_path / "cli.jsonl"
    lines = [
        {"event": "listening", "kind": "listening", "seq": 1, "ts": 1.0},
        {
            "event": "chunk",
            "seq": 2,
            "ts": 10.5,
            "conn": 0,
            "dir": "rx",
            "local": "a:1",
            "peer": "127.0.0.1:9",
            "len": 2,
            "hex": "6869",
            "text": "hi",
            "truncated": False,
            "orig_len": 2,
        },
        {
            "event": "chunk",
            "seq": 3,
            "ts": 10.75,
            "conn": 0,
            "dir": "rx",
            "local": "a:1",
            "peer": "127.0.0.1:8",
            "len": 1,
            "hex": "21",
            "text": "!",
        },
    ]
    rec.write_text("".join(json.dumps(x) + "\n" for x in lines))
    assert list(items(ReplaySource(str(rec), "rx"))) == [(0.0, b"hi"), (0.25, b"!")]
    assert list(items(ReplaySource(str(rec), "rx", peer="127.0.0.1:8"))) == [(0.0, b"!")]
    # A pcap of a TCP session: tx is the side that opened it.
    pcap = tmp_path / "s.pcap"
    with PcapCapture(pcap, udp=False) as cap:
        cap.write_batch(
            [
                ConnEvent(
                    1, 1_000_000_000, EventKind.ACCEPTED, 1, "127.0.0.1:80", "127.0.0.1:4000"
                ),
                Chunk(2, 1_500_000_000, 1, Direction.RX, "127.0.0.1:80", "127.0.0.1:4000", b"req"),
                Chunk(3, 1_600_000_000, 1, Direction.TX, "127.0.0.1:80", "127.0.0.1:4000", b"resp"),
                Chunk(4, 2_000_000_000, 1, Direction.RX, "127.0.0.1:80", "127.0.0.1:4000", b"more"),
            ]
        )
    assert list(items(ReplaySource(str(pcap), "tx"))) == [(0.0, b"req"), (0.5, b"more")]
    assert list(items(ReplaySource(str(pcap), "rx"))) == [(0.0, b"resp")]
    assert scan(ReplaySource(str(pcap), "tx")).count == 2


def test_hostile_files_are_refused_before_anything_is_sent(tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = json.dumps({"event": "chunk", "dir": "tx", "ts": 1.0, "hex": "61", "len": 1})
    bad.write_text(good + "\n" + good + "\n{not json\n")
    with pytest.raises(ReplayError, match=r"bad.jsonl, line 3: not JSON .*; nothing was sent$"):
        scan(ReplaySource(str(bad)))
    cut = tmp_path / "cut.jsonl"
    cut.write_text(
        json.dumps({"event": "chunk", "dir": "tx", "ts": 1, "hex": "61", "len": 9, "shown": 1})
        + "\n"
    )
    with pytest.raises(ReplayError, match=r"line 1: the chunk is cut short \(1 of 9 bytes"):
        scan(ReplaySource(str(cut)))
    nohex = tmp_path / "nohex.jsonl"
    nohex.write_text(json.dumps({"event": "chunk", "dir": "tx", "ts": 1, "hex": "zz"}) + "\n")
    with pytest.raises(ReplayError, match=r'line 1: "hex" is not hexadecimal'):
        scan(ReplaySource(str(nohex)))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with pytest.raises(ReplayError, match=r"has no tx chunks to replay$"):
        scan(ReplaySource(str(empty)))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ReplayError, match=r"a named pipe \(FIFO\), not a regular file"):
        scan(ReplaySource(str(fifo)))
    garbage = tmp_path / "g.pcap"
    garbage.write_bytes(b"\xd4\xc3\xb2\xa1" + os.urandom(10))
    with pytest.raises(ReplayError, match=r"g.pcap is not a readable pcap file"):
        scan(ReplaySource(str(garbage)))
    with pytest.raises(ReplayError, match=r"the replay speed must be from 0.1 to 100"):
        scan(ReplaySource(str(bad), speed=1000))
    with pytest.raises(ReplayError, match=r"the side must be rx or tx, not 'up'"):
        scan(ReplaySource(str(bad), side="up"))


def test_a_huge_recording_streams_in_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "huge.jsonl"
    line = (
        json.dumps({"event": "chunk", "dir": "tx", "ts": 1.0, "hex": "ab" * 4096, "len": 4096})
        + "\n"
    )
    with open(path, "w") as fh:
        for _ in range(5000):  # 41 MB
            fh.write(line)
    tracemalloc.start()
    try:
        summary = scan(ReplaySource(str(path), speed=0))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (summary.count, summary.total_bytes) == (5000, 5000 * 4096)
    assert peak < 2 * 1024 * 1024


def test_udp_replay_to_the_configured_target(tmp_path):
    path = tmp_path / "rec.jsonl"
    fake_recording(path, gaps=[0.0, 0.01, 0.02])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.settimeout(TIMEOUT)
        cfg = SessionConfig(kind=Kind.UDP, remote_port=peer.getsockname()[1])
        with pipeline_running(cfg) as h:
            h.pipeline.start_replay(ReplaySource(str(path), "tx", speed=0))
            assert [peer.recv(100) for _ in SENDS] == SENDS
