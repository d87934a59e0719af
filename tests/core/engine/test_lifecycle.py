"""Lifecycle controls over real loopback sockets (issue 10 §4).

Half-close, abort, the peer's FIN with and without "close when the peer closes", and an
empty datagram.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from netassistant.core.chunk import ENDING_KINDS, ConnEvent, Direction, EventKind, track_live
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.decoding import MessageDecoder
from netassistant.core.stats import SessionStats
from tests.helpers import TIMEOUT, recv_exactly, running

BIG = bytes(range(256)) * 8192  # 2 MiB: more than the socket buffers take at once


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        srv.settimeout(TIMEOUT)
        yield srv


def client_config(srv: socket.socket, **options: object) -> SessionConfig:
    # Kernel STATE events are tested in test_kernelstate.py; here they would interleave.
    options.setdefault("kernel_state", False)
    return SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1], **options)


def test_client_half_close_sends_fin_and_keeps_reading(listener):
    with running(client_config(listener)) as h:
        conn, _ = listener.accept()
        with conn:
            h.wait_event(EventKind.CONNECTED)
            h.engine.send(b"last words")
            h.engine.half_close()
            conn.settimeout(TIMEOUT)
            assert recv_exactly(conn, 10) == b"last words"
            assert conn.recv(100) == b"", "the peer sees our FIN"
            half = h.wait_event(EventKind.HALF_CLOSED)
            assert half.message == f"sent FIN to {half.peer} (half-close); still receiving"
            conn.sendall(b"answer after our FIN")
            assert h.wait_rx_bytes(20) == b"answer after our FIN"
            assert h.thread.is_alive(), "a half-closed client still runs"
            assert h.kinds() == [
                EventKind.CONNECTING,
                EventKind.CONNECTED,
                EventKind.HALF_CLOSED,
            ]


def test_client_abort_sends_rst_and_ends_the_session(listener):
    with running(client_config(listener)) as h:
        conn, _ = listener.accept()
        with conn:
            h.wait_event(EventKind.CONNECTED)
            h.engine.abort()
            aborted = h.wait_event(EventKind.ABORTED)
            conn.settimeout(TIMEOUT)
            with pytest.raises(ConnectionResetError, match="Connection reset by peer"):
                conn.recv(100)
        h.thread.join(TIMEOUT)
        assert not h.thread.is_alive(), "an aborted client session ends"
    assert aborted.message == "aborted with RST"
    assert h.kinds()[-2:] == [EventKind.ABORTED, EventKind.STOPPED]


def test_peer_fin_with_the_option_off_is_not_an_end(listener):
    with running(client_config(listener, close_on_peer_fin=False)) as h:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"bye")
            conn.shutdown(socket.SHUT_WR)
            fin = h.wait_event(EventKind.PEER_FIN)
            assert fin.message == (
                f"{fin.peer} finished sending (FIN); the connection stays open for sending"
            )
            h.engine.send(b"we still talk")
            assert recv_exactly(conn, 13) == b"we still talk"
            h.wait_for(lambda _: h.chunks(Direction.TX))
            assert h.thread.is_alive()
    assert EventKind.CLOSED not in h.kinds()
    assert fin.kind not in ENDING_KINDS
    # Counters, the send-target tracking and the decoders go on after a PEER_FIN.
    stats = SessionStats()
    before = [e for e in h.events if e.seq < fin.seq]
    stats.apply(before)
    stats.apply([fin])
    assert list(stats.clients) == [fin.conn_id]
    live: set[int] = set()
    for event in [*before, fin]:
        if isinstance(event, ConnEvent):
            track_live(live, event)
    assert live == {fin.conn_id}


def test_peer_fin_with_the_option_on_closes_after_our_queued_data(listener):
    with running(client_config(listener, sndbuf=65536)) as h:
        conn, _ = listener.accept()
        with conn:
            h.wait_event(EventKind.CONNECTED)
            h.engine.send(BIG)
            h.wait_for(lambda _: h.engine.queued_bytes() > 0)  # the kernel took only a part
            conn.shutdown(socket.SHUT_WR)
            closed = h.wait_event(EventKind.CLOSED)
            got = b""
            conn.settimeout(TIMEOUT)
            while data := conn.recv(1 << 20):
                got += data
        h.thread.join(TIMEOUT)
        assert not h.thread.is_alive(), "the session ends once our side closed"
    assert closed.message == f"{closed.peer} closed the connection (FIN)"
    assert got == BIG, "everything queued was sent before our FIN"
    assert [len(c.data) for c in h.chunks(Direction.TX)] == [len(BIG)]
    assert EventKind.PEER_FIN not in h.kinds()


def test_a_peer_fin_does_not_end_the_decoders_stream():
    from netassistant.core.chunk import Chunk
    from netassistant.core.framing import parse_frame_spec

    decoder = MessageDecoder(parse_frame_spec("delimiter:\n"))
    chunk = Chunk(1, 0, 1, Direction.RX, "a", "b", b"half a li")
    assert decoder.feed([chunk, ConnEvent(2, 0, EventKind.PEER_FIN, 1, "a", "b")]) == []
    assert decoder.pending(1) == 9, "nothing was dropped or reported as cut short"
    ended = decoder.feed([ConnEvent(3, 0, EventKind.LOCAL_CLOSE, 1, "a", "b")])
    assert decoder.pending(1) == 0
    assert len(ended) == 1


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_udp_sends_an_empty_datagram(host):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as peer:
        peer.bind((host, 0))
        peer.settimeout(TIMEOUT)
        port = peer.getsockname()[1]
        fam = Family.INET6 if family == socket.AF_INET6 else Family.INET
        cfg = SessionConfig(kind=Kind.UDP, family=fam, local_host=host, remote_host=host)
        with running(cfg) as h:
            h.engine.send_to(b"", host, port)  # type: ignore[attr-defined]
            data, _ = peer.recvfrom(100)
            tx = h.wait_for(lambda _: h.chunks(Direction.TX))
    assert data == b""
    assert [c.data for c in tx] == [b""]
    assert EventKind.ERROR not in h.kinds()
