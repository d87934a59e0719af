"""pcap export: real loopback sessions written as pcap, read back with dpkt."""

from __future__ import annotations

import shutil
import socket
import subprocess
from decimal import Decimal

import dpkt
import pytest

from netassistant.core.capture import CaptureError
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.pcapexport import MAX_SEGMENT, PcapCapture
from tests.helpers import TIMEOUT, running


def read_pcap(path) -> list[tuple[Decimal, dpkt.ethernet.Ethernet]]:
    with open(path, "rb") as fh:
        return [(ts, dpkt.ethernet.Ethernet(buf)) for ts, buf in dpkt.pcap.Reader(fh)]


def ends(ip) -> tuple[str, int, str, int]:
    fam = socket.AF_INET6 if isinstance(ip, dpkt.ip6.IP6) else socket.AF_INET
    l4 = ip.data
    return (socket.inet_ntop(fam, ip.src), l4.sport, socket.inet_ntop(fam, ip.dst), l4.dport)


def tcp_session_events(family=Family.INET, host="127.0.0.1"):
    cfg = SessionConfig(kind=Kind.TCP_SERVER, family=family, local_host=host)
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        with socket.create_connection((host, h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)
            c.sendall(b"hello ")
            h.wait_rx_bytes(6)
            h.engine.send(b"\x00\xffreply")
            assert c.recv(100) == b"\x00\xffreply"
            c.sendall(b"world")
            h.wait_rx_bytes(11)
            client = c.getsockname()[1]
        h.wait_event(EventKind.CLOSED)
        return list(h.events), h.engine.port, client


@pytest.mark.parametrize(("family", "host"), [(Family.INET, "127.0.0.1"), (Family.INET6, "::1")])
def test_tcp_session_follows_as_one_stream_with_handshake_and_fin(tmp_path, family, host):
    events, port, client = tcp_session_events(family, host)
    path = tmp_path / "s.pcap"
    with PcapCapture(path, udp=False) as cap:
        cap.write_batch(events)
    assert cap.error is None
    packets = read_pcap(path)
    flags = [eth.data.data.flags for _, eth in packets]
    assert flags[:3] == [0x02, 0x12, 0x10]  # SYN, SYN-ACK, ACK
    # FIN from both sides, then the last ACK.
    assert [f & 0x01 for f in flags[-3:]] == [0x01, 0x01, 0]
    data = [
        (ends(eth.data), eth.data.data.seq, eth.data.data.data)
        for _, eth in packets
        if eth.data.data.data
    ]
    assert data == [
        ((host, client, host, port), 5001, b"hello "),
        ((host, port, host, client), 1001, b"\x00\xffreply"),
        ((host, client, host, port), 5007, b"world"),
    ]
    chunks = [e for e in events if isinstance(e, Chunk)]
    stamps = [ts for ts, eth in packets if eth.data.data.data]
    assert stamps == [Decimal(c.ts_ns) / 10**9 for c in chunks]


def test_udp_datagrams_with_their_addresses(tmp_path):
    cfg = SessionConfig(kind=Kind.UDP, local_host="127.0.0.1")
    with running(cfg) as h, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        h.wait_event(EventKind.LISTENING)
        peer.bind(("127.0.0.1", 0))
        for msg in (b"a", b"bb"):
            peer.sendto(msg, ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 2)
        h.engine.reply(b"ccc")
        h.wait_for(lambda _: h.chunks(Direction.TX))
        events = list(h.events)
        p, me = peer.getsockname()[1], h.engine.port
    path = tmp_path / "u.pcap"
    with PcapCapture(path, udp=True) as cap:
        cap.write_batch(events)
    got = [(ends(eth.data), eth.data.data.data) for _, eth in read_pcap(path)]
    assert got == [
        (("127.0.0.1", p, "127.0.0.1", me), b"a"),
        (("127.0.0.1", p, "127.0.0.1", me), b"bb"),
        (("127.0.0.1", me, "127.0.0.1", p), b"ccc"),
    ]


def test_a_large_chunk_is_split_into_consecutive_segments(tmp_path):
    data = bytes(range(256)) * 600  # 153600 bytes, one recv()
    events = [
        ConnEvent(1, 10, EventKind.ACCEPTED, 1, "10.0.0.1:80", "10.0.0.2:4000"),
        Chunk(2, 20, 1, Direction.RX, "10.0.0.1:80", "10.0.0.2:4000", data),
    ]
    path = tmp_path / "big.pcap"
    with PcapCapture(path, udp=False) as cap:
        cap.write_batch(events)
    segs = [eth.data.data for _, eth in read_pcap(path) if eth.data.data.data]
    assert [len(s.data) for s in segs] == [MAX_SEGMENT, MAX_SEGMENT, len(data) - 2 * MAX_SEGMENT]
    assert [s.seq for s in segs] == [5001, 5001 + MAX_SEGMENT, 5001 + 2 * MAX_SEGMENT]
    assert b"".join(s.data for s in segs) == data


def test_segment_events_give_the_real_headers_and_the_chunk_bytes(tmp_path):
    local, peer = "127.0.0.1:9000", "127.0.0.1:40000"

    def seg(seq, ts, direction, flags, s, a, n):
        detail = {"dir": direction, "flags": flags, "seq": s, "ack": a, "len": n, "win": 512}
        return ConnEvent(seq, ts, EventKind.SEGMENT, 1, local, peer, detail=detail)

    events = [
        seg(1, 100, "rx", "SYN", 777, 0, 0),
        seg(2, 110, "tx", "SYN,ACK", 99, 778, 0),
        seg(3, 120, "rx", "ACK", 778, 100, 0),
        seg(4, 130, "rx", "PSH,ACK", 778, 100, 3),  # before its bytes are read
        Chunk(5, 140, 1, Direction.RX, local, peer, b"abc"),
        Chunk(6, 150, 1, Direction.TX, local, peer, b"xy"),
        seg(7, 160, "tx", "PSH,ACK", 100, 781, 2),
    ]
    path = tmp_path / "w.pcap"
    with PcapCapture(path, udp=False) as cap:
        cap.write_batch(events)
    got = [
        (
            ts,
            eth.data.data.flags,
            eth.data.data.seq,
            eth.data.data.ack,
            eth.data.data.win,
            eth.data.data.data,
        )
        for ts, eth in read_pcap(path)
    ]
    n = Decimal(10) ** 9
    assert got == [
        (100 / n, 0x02, 777, 0, 512, b""),
        (110 / n, 0x12, 99, 778, 512, b""),
        (120 / n, 0x10, 778, 100, 512, b""),
        (130 / n, 0x18, 778, 100, 512, b"abc"),
        (160 / n, 0x18, 100, 781, 512, b"xy"),
    ]


def test_unix_sessions_and_non_empty_files_are_refused(tmp_path):
    with pytest.raises(CaptureError, match=r"^pcap cannot hold unix socket sessions"):
        PcapCapture(tmp_path / "x.pcap", udp=False, unix=True)
    used = tmp_path / "used.pcap"
    used.write_bytes(b"something")
    with pytest.raises(CaptureError, match=r"is not empty; a pcap capture starts a new file"):
        PcapCapture(used, udp=True)
    assert used.read_bytes() == b"something"


def test_a_pcap_of_ours_is_continued(tmp_path):
    path = tmp_path / "c.pcap"
    first = Chunk(1, 1_000, 0, Direction.RX, "127.0.0.1:5000", "127.0.0.1:6000", b"one")
    second = Chunk(2, 2_000, 0, Direction.RX, "127.0.0.1:5000", "127.0.0.1:6000", b"two")
    for chunk in (first, second):
        with PcapCapture(path, udp=True) as cap:
            cap.write_batch([chunk])
        assert cap.error is None
    assert [eth.data.data.data for _, eth in read_pcap(path)] == [b"one", b"two"]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo"
    import os

    os.mkfifo(fifo)
    with pytest.raises(CaptureError, match=r"named pipe"):
        PcapCapture(fifo, udp=True)


def test_tshark_reads_the_file(tmp_path):
    tshark = shutil.which("tshark")
    if tshark is None:
        pytest.skip("tshark is not installed (apt-get install tshark)")
    events, _port, _ = tcp_session_events()
    path = tmp_path / "s.pcap"
    with PcapCapture(path, udp=False) as cap:
        cap.write_batch(events)
    out = subprocess.run(
        [tshark, "-r", str(path), "-q", "-z", "follow,tcp,raw,0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    # Client lines flush left, server lines indented: the stream in order, both ways.
    body = out.split("Node 1:")[1].splitlines()[1:4]
    assert body == ["68656c6c6f20", "\t00ff7265706c79", "776f726c64"]
    listing = subprocess.run(
        [tshark, "-r", str(path)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "Keep-Alive" not in listing  # the closing sequence numbers are consistent
    assert "[FIN, ACK]" in listing
