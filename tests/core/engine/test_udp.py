"""UdpEngine over real loopback sockets: one chunk per datagram, truncation, replies.

Every test runs on both receive paths: ``recvmmsg()`` batches (Linux) and one
``recvfrom_into()`` per datagram (the only path elsewhere).
"""

from __future__ import annotations

import itertools
import socket
import sys
import time

import pytest

from netassistant.core.chunk import ChunkFlag, Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.engine import recvmmsg, udp_receive
from tests.helpers import TIMEOUT, running

LINUX = sys.platform.startswith("linux")


@pytest.fixture(autouse=True, params=["recvmmsg", "recvfrom"])
def recv_path(request, monkeypatch) -> str:
    """Run the test on one receive path, chosen as a user would: the environment variable."""
    if request.param == "recvmmsg" and not recvmmsg.AVAILABLE:
        pytest.skip("recvmmsg() is Linux-only")
    monkeypatch.setenv(udp_receive.RECV_PATH_ENV, request.param)
    return request.param


def udp_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.UDP, **kw)


def raw_udp(family: int = socket.AF_INET, host: str = "127.0.0.1") -> socket.socket:
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind((host, 0))
    s.settimeout(TIMEOUT)
    return s


def test_one_chunk_per_datagram_exact_boundaries():
    with running(udp_config(read_delay_ms=100)) as h, raw_udp() as peer:
        for msg in (b"a", b"bb", b"ccc"):
            peer.sendto(msg, ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 3)
        chunks = h.chunks()
        assert [c.data for c in chunks] == [b"a", b"bb", b"ccc"]
        assert {c.peer for c in chunks} == {"127.0.0.1:%d" % peer.getsockname()[1]}
        assert not any(c.truncated for c in chunks)


def test_truncated_datagram_is_flagged_with_its_true_size():
    with running(udp_config(recv_size=10)) as h, raw_udp() as peer:
        peer.sendto(bytes(range(25)), ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: h.chunks())
        chunk = h.chunks()[0]
        assert chunk.data == bytes(range(10))
        assert chunk.truncated
        assert chunk.true_length == 25


def test_send_to_target_and_reply_to_last_sender():
    with raw_udp() as target, raw_udp() as other:
        cfg = udp_config(remote_host="127.0.0.1", remote_port=target.getsockname()[1])
        with running(cfg) as h:
            h.engine.send(b"to target")
            data, addr = target.recvfrom(100)
            assert data == b"to target"
            assert addr[1] == h.engine.port
            other.sendto(b"hi", ("127.0.0.1", h.engine.port))
            h.wait_for(lambda _: h.chunks())
            h.engine.reply(b"reply")
            assert other.recvfrom(100)[0] == b"reply"
            h.engine.send_to(b"anywhere", "127.0.0.1", target.getsockname()[1])
            assert target.recvfrom(100)[0] == b"anywhere"
            h.wait_for(lambda _: len(h.chunks(Direction.TX)) == 3)
            peers = [c.peer for c in h.chunks(Direction.TX)]
            t, o = target.getsockname()[1], other.getsockname()[1]
            assert peers == [f"127.0.0.1:{t}", f"127.0.0.1:{o}", f"127.0.0.1:{t}"]


def test_two_engines_talk():
    with running(udp_config()) as a, running(udp_config(remote_port=a.engine.port)) as b:
        b.engine.send("你好".encode("gbk"))
        a.wait_for(lambda _: a.chunks())
        assert a.chunks()[0].data == "你好".encode("gbk")
        a.engine.reply(b"ok")
        b.wait_for(lambda _: b.chunks())
        assert b.chunks()[0].data == b"ok"


def test_reply_before_any_datagram_is_an_error():
    with running(udp_config()) as h:
        h.engine.reply(b"x")
        assert h.wait_event(EventKind.ERROR).message == (
            "no datagram received yet, so there is nobody to reply to; nothing was sent"
        )


def test_no_target_is_an_error():
    with running(udp_config(remote_host="")) as h:
        h.engine.send(b"x")
        assert h.wait_event(EventKind.ERROR).message == (
            "no target address: set the remote host and port; nothing was sent"
        )


def test_datagram_too_large_is_refused_whole():
    with running(udp_config(remote_port=9)) as h:
        h.engine.send(b"x" * 70000)
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == (
            "datagram of 70000 bytes is too large to send to 127.0.0.1:9 (the limit is 65507 "
            "bytes); nothing was sent — split the data or send a file with a smaller datagram size"
        )
        assert h.chunks(Direction.TX) == []


def test_port_in_use_for_udp():
    with raw_udp() as blocker:
        port = blocker.getsockname()[1]
        with running(udp_config(local_port=port, reuseaddr=False)) as h:
            ev = h.wait_event(EventKind.ERROR)
    assert ev.message.startswith(f"port {port} is already in use")


def test_loopback_broadcast_needs_the_option():
    # 127.255.255.255 is the broadcast address of the loopback network: it stays on this machine.
    with running(udp_config(local_host="0.0.0.0")) as rx:
        target = dict(remote_host="127.255.255.255", remote_port=rx.engine.port)
        with running(udp_config(**target)) as tx:
            tx.engine.send(b"no")
            ev = tx.wait_event(EventKind.ERROR)
            assert "permission denied" in ev.message
            assert "broadcast" in ev.message
        with running(udp_config(broadcast=True, **target)) as tx:
            tx.engine.send(b"everyone")
            rx.wait_for(lambda _: rx.chunks())
            assert rx.chunks()[0].data == b"everyone"


def test_multicast_join_and_leave_on_loopback():
    with running(udp_config(local_host="0.0.0.0", multicast_group="239.255.77.1")) as h:
        joined = h.wait_for(
            lambda evs: [e for e in evs if getattr(e, "message", "").startswith("joined")]
        )
        assert joined[0].message == "joined multicast group 239.255.77.1"
        h.engine.leave_group("239.255.77.1")
        left = h.wait_for(
            lambda evs: [e for e in evs if getattr(e, "message", "").startswith("left")]
        )
        assert left[0].message == "left multicast group 239.255.77.1"


def test_ipv6_udp():
    with running(udp_config(family=Family.INET6, local_host="::1", remote_host="")) as h:
        with raw_udp(socket.AF_INET6, "::1") as peer:
            peer.sendto(b"six", ("::1", h.engine.port))
            h.wait_for(lambda _: h.chunks())
            assert h.chunks()[0].peer == "[::1]:%d" % peer.getsockname()[1]
            h.engine.reply(b"back")
            assert peer.recvfrom(10)[0] == b"back"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs AF_UNIX")
def test_unix_datagrams(tmp_path):
    a_path, b_path = str(tmp_path / "a.sock"), str(tmp_path / "b.sock")
    cfg_a = udp_config(family=Family.UNIX, local_host=a_path, remote_host=b_path)
    cfg_b = udp_config(family=Family.UNIX, local_host=b_path, remote_host=a_path)
    with running(cfg_a) as a, running(cfg_b) as b:
        a.engine.send(b"dgram 1")
        a.engine.send(b"dgram 2")
        b.wait_for(lambda _: len(b.chunks()) == 2)
        assert [c.data for c in b.chunks()] == [b"dgram 1", b"dgram 2"]
        assert b.chunks()[0].peer == a_path
        b.engine.reply(b"back")
        a.wait_for(lambda _: a.chunks())
        assert a.chunks()[0].data == b"back"


def test_the_receive_path_is_the_one_asked_for(recv_path):
    with running(udp_config()) as h:
        assert h.engine.batched is (recv_path == "recvmmsg")


def dropped_events(h):
    return [e for e in h.events if getattr(e, "kind", None) is EventKind.DROPPED]


def reported_drops(h) -> int:
    drops = dropped_events(h)
    return drops[-1].total if drops else 0


def wait_until_quiet(h, quiet: float = 0.3) -> None:
    """Wait until no chunk has arrived for ``quiet`` seconds (bounded: TIMEOUT)."""
    deadline = time.monotonic() + TIMEOUT
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = len(h.chunks())
        if now != count:
            count, since = now, time.monotonic()
        elif count and time.monotonic() - since >= quiet:
            return
        time.sleep(0.02)
    raise AssertionError(f"chunks still arriving after {TIMEOUT} s: {count}")


def burst(peer: socket.socket, port: int, n: int = 200) -> None:
    for _ in range(n):
        peer.sendto(b"x" * 200, ("127.0.0.1", port))


@pytest.mark.skipif(not LINUX, reason="the kernel's drop counter is read on Linux")
def test_every_datagram_is_received_or_reported_dropped():
    # A tiny receive buffer and a slow reader: most of a burst is dropped by the kernel.
    # Nothing is sent after the burst: drops after the last datagram read count too.
    with running(udp_config(rcvbuf=4096, read_delay_ms=20)) as h, raw_udp() as peer:
        burst(peer, h.engine.port)
        h.wait_for(lambda _: len(h.chunks()) + reported_drops(h) == 200)
        wait_until_quiet(h)
        time.sleep(2 * udp_receive.DROP_POLL_INTERVAL)
        received, drops = len(h.chunks()), dropped_events(h)
        assert received + drops[-1].total == 200, "every datagram was either received or counted"
        assert 0 < received < 200
        assert sum(e.sent for e in drops) == drops[-1].total
        assert drops[-1].message == (
            f"the kernel dropped {drops[-1].sent} datagrams because the receive buffer was full "
            f"({drops[-1].total} in all) — raise SO_RCVBUF or read faster"
        )
        assert h.engine.dropped == drops[-1].total


@pytest.mark.skipif(not LINUX, reason="the kernel's drop counter is read on Linux")
def test_drops_are_counted_once_more_when_the_session_stops(monkeypatch):
    monkeypatch.setattr(udp_receive, "DROP_POLL_INTERVAL", 3600.0)  # only the stop counts
    with running(udp_config(rcvbuf=4096, read_delay_ms=10)) as h, raw_udp() as peer:
        burst(peer, h.engine.port)
        wait_until_quiet(h)
        assert dropped_events(h) == []
    kinds = h.kinds()
    assert kinds[-2:] == [EventKind.DROPPED, EventKind.STOPPED]
    assert len(h.chunks()) + dropped_events(h)[0].total == 200


@pytest.mark.skipif(not LINUX, reason="the kernel's drop counter is read on Linux")
def test_no_drops_no_event():
    with running(udp_config()) as h, raw_udp() as peer:
        for i in range(10):
            peer.sendto(bytes([i]), ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 10)
        time.sleep(2 * udp_receive.DROP_POLL_INTERVAL)
    assert dropped_events(h) == []
    assert h.engine.dropped == 0


def test_a_slow_reader_takes_one_datagram_per_delay():
    with running(udp_config(read_delay_ms=150)) as h, raw_udp() as peer:
        for msg in (b"1", b"2", b"3"):
            peer.sendto(msg, ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 3)
        chunks = h.chunks()
    assert [c.data for c in chunks] == [b"1", b"2", b"3"]
    gaps = [(b.ts_ns - a.ts_ns) / 1e9 for a, b in itertools.pairwise(chunks)]
    assert min(gaps) >= 0.1, gaps


def held_back(h, peer: socket.socket, target=None) -> None:
    """Make the engine read one datagram and then wait 300 ms, so the next ones queue up."""
    h.engine.set_read_delay(300)
    peer.sendto(b"first", target or ("127.0.0.1", h.engine.port))
    h.wait_for(lambda _: h.chunks())


def test_interleaved_senders_in_one_batch_keep_their_peers_and_order():
    with running(udp_config(rcvbuf=1 << 20)) as h, raw_udp() as a, raw_udp() as b:
        held_back(h, a)
        sent = []
        for i in range(30):
            peer = (a, a, b)[i % 3]
            msg = b"%d" % i
            peer.sendto(msg, ("127.0.0.1", h.engine.port))
            sent.append((msg, "127.0.0.1:%d" % peer.getsockname()[1]))
        for i in range(30, 40):  # then a run from one sender: the fast path again
            a.sendto(b"%d" % i, ("127.0.0.1", h.engine.port))
            sent.append((b"%d" % i, "127.0.0.1:%d" % a.getsockname()[1]))
        h.engine.set_read_delay(0)
        h.wait_for(lambda _: len(h.chunks()) == 41)
        got = [(c.data, c.peer) for c in h.chunks()[1:]]
        assert got == sent
        assert h.engine.last_sender == (a.getsockname(), sent[-1][1])
        assert h.engine.last_peer == sent[-1][1]


def test_truncated_and_whole_datagrams_mixed_in_one_batch():
    with running(udp_config(recv_size=10, rcvbuf=1 << 20)) as h, raw_udp() as peer:
        held_back(h, peer)
        msgs = [bytes(range(25)), b"abc", bytes(10), bytes(range(11)), b""]
        for msg in msgs:
            peer.sendto(msg, ("127.0.0.1", h.engine.port))
        h.engine.set_read_delay(0)
        h.wait_for(lambda _: len(h.chunks()) == 6)
        got = [(c.data, c.flags, c.orig_len) for c in h.chunks()[1:]]
    trunc, whole = ChunkFlag.TRUNCATED, ChunkFlag.NONE
    assert got == [
        (bytes(range(10)), trunc, 25),
        (b"abc", whole, -1),
        (bytes(10), whole, -1),
        (bytes(range(10)), trunc, 11),
        (b"", whole, -1),
    ]


def test_a_new_recv_size_applies_to_the_next_datagram():
    with running(udp_config(recv_size=10)) as h, raw_udp() as peer:
        peer.sendto(b"0123456789", ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: h.chunks())
        h.engine.set_recv_size(4)
        time.sleep(0.05)  # the command is handled by the loop
        peer.sendto(b"0123456789", ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 2)
        first, second = h.chunks()
    assert (first.data, first.truncated) == (b"0123456789", False)
    assert (second.data, second.truncated, second.true_length) == (b"0123", True, 10)


@pytest.mark.skipif(not LINUX, reason="the kernel's drop counter is read on Linux")
def test_a_burst_arrives_whole_in_order_or_is_counted_dropped():
    def payload(i: int) -> bytes:
        return i.to_bytes(4, "big") * (1 + i % 5)

    n = 3000
    with running(udp_config(rcvbuf=4 << 20)) as h, raw_udp() as peer:
        for i in range(n):
            peer.sendto(payload(i), ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) + reported_drops(h) == n)
        chunks = h.chunks()
    # The kernel may drop some where the receive buffer is capped (net.core.rmem_max):
    # what arrives is whole and in order, and the rest is counted.
    indices = [int.from_bytes(c.data[:4], "big") for c in chunks]
    assert indices == sorted(set(indices))
    assert [c.data for c in chunks] == [payload(i) for i in indices]
    assert len(chunks) + reported_drops(h) == n
    seqs = [c.seq for c in chunks]
    assert seqs == sorted(seqs)


def test_state_for_send_routes():
    with running(udp_config()) as h, raw_udp() as peer:
        assert h.engine.is_open
        assert h.engine.last_sender is None
        assert h.engine.last_peer == ""
        peer.sendto(b"hi", ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: h.chunks())
        assert h.engine.last_sender == (peer.getsockname(), "127.0.0.1:%d" % peer.getsockname()[1])
    assert not h.engine.is_open


@pytest.mark.skipif(not LINUX, reason="abstract and autobound names are Linux-only")
def test_unix_senders_named_abstract_and_unnamed(tmp_path):
    path = str(tmp_path / "rx.sock")
    long_path = str(tmp_path / ("L" * max(1, 100 - len(str(tmp_path)))))
    short_path = str(tmp_path / "s")
    with (
        running(udp_config(family=Family.UNIX, local_host=path, rcvbuf=1 << 20)) as h,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as long_,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as short,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as abstract,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as unnamed,
    ):
        long_.bind(long_path)
        short.bind(short_path)
        abstract.bind(b"\0netassistant-udp-test")
        order = [long_, short, short, long_, abstract, unnamed, short, long_]
        for i, sender in enumerate(order):
            sender.sendto(b"%d" % i, path)
        h.wait_for(lambda _: len(h.chunks()) == len(order))
        peers = [c.peer for c in h.chunks()]
        names = {long_: long_path, short: short_path, abstract: "@netassistant-udp-test"}
        assert peers == [names.get(s, "") for s in order]
        assert [c.data for c in h.chunks()] == [b"%d" % i for i in range(len(order))]


@pytest.mark.skipif(not LINUX, reason="abstract names are Linux-only")
def test_abstract_names_that_differ_only_in_trailing_zeros(tmp_path):
    # Their address bytes are the same up to the length: only the length tells them apart.
    path = str(tmp_path / "rx.sock")
    with (
        running(udp_config(family=Family.UNIX, local_host=path, rcvbuf=1 << 20)) as h,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as one,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as other,
    ):
        one.bind(b"\0na-zeros")
        other.bind(b"\0na-zeros\0\0")
        held_back(h, one, path)
        for i in range(5):
            other.sendto(b"%d" % i, path)
        h.engine.set_read_delay(0)
        h.wait_for(lambda _: len(h.chunks()) == 6)
        assert [c.peer for c in h.chunks()] == ["@na-zeros"] + ["@na-zeros\x00\x00"] * 5
