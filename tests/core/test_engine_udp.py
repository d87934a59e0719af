"""UdpEngine over real loopback sockets: one chunk per datagram, truncation, replies."""

from __future__ import annotations

import socket
import sys
import time

import pytest

from netassistant.core.chunk import Direction, EventKind
from netassistant.core.config import Family, Kind, SessionConfig
from tests.helpers import TIMEOUT, running


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_RXQ_OVFL is Linux-only")
def test_datagrams_the_kernel_dropped_are_reported():
    # A tiny receive buffer and a slow reader: most of a burst is dropped by the kernel.
    # The drop count arrives with the next datagram queued after the drops.
    with running(udp_config(rcvbuf=4096, read_delay_ms=20)) as h, raw_udp() as peer:
        target = ("127.0.0.1", h.engine.port)
        for _ in range(200):
            peer.sendto(b"x" * 200, target)
        count = len(h.chunks())
        for _ in range(100):  # let the queue drain (bounded: ~2 s)
            h.wait_for(lambda _: True)
            time.sleep(0.02)
            if len(h.chunks()) == count and count:
                break
            count = len(h.chunks())
        peer.sendto(b"last", target)
        drops = h.wait_for(
            lambda evs: [e for e in evs if getattr(e, "kind", None) is EventKind.DROPPED]
        )
        h.wait_for(lambda _: h.chunks()[-1].data == b"last")
    dropped = drops[-1].total
    assert dropped > 0
    assert len(h.chunks()) + dropped == 201, "every datagram was either received or counted"
    assert drops[-1].message == (
        f"the kernel dropped {drops[-1].sent} datagrams because the receive buffer was full "
        f"({dropped} in all) — raise SO_RCVBUF or read faster"
    )
