"""Stream connections: half-close by the peer, sends cut short, numbering across runs."""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine import create_engine
from netassistant.core.stats import SessionStats
from tests.helpers import TIMEOUT, Harness, recv_exactly, running

BIG_REPLY = bytes(range(256)) * 8192  # 2 MiB: more than one write, so the queue must drain


class ReplyingHarness(Harness):
    """Answers each RX chunk from inside the sink call, the way the auto-reply tap does."""

    reply_size = 0

    def _sink(self, batch: list[Any]) -> None:
        for ev in batch:
            if isinstance(ev, Chunk) and ev.direction is Direction.RX:
                reply = BIG_REPLY if self.reply_size else b"re:" + ev.data
                self.engine.send(reply, ev.conn_id)
        super()._sink(batch)


def read_to_eof(sock: socket.socket) -> bytes:
    sock.settimeout(TIMEOUT)
    got = b""
    while data := sock.recv(65536):
        got += data
    return got


@pytest.mark.parametrize("reply_size", [0, len(BIG_REPLY)], ids=["short", "2MiB"])
def test_peer_fin_is_answered_before_our_side_closes(reply_size):
    # A 200 ms flush interval puts the data and the FIN in one batch: the reply is posted
    # by the sink only after the engine has seen the FIN.
    h = ReplyingHarness(SessionConfig(kind=Kind.TCP_SERVER), flush_interval=0.2)
    h.reply_size = reply_size
    h.start()
    try:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            c.sendall(b"hello")
            c.shutdown(socket.SHUT_WR)
            got = read_to_eof(c)
        assert got == (BIG_REPLY if reply_size else b"re:hello")
        fin = h.wait_event(EventKind.CLOSED)
        assert fin.message == f"{fin.peer} closed the connection (FIN)"
        h.wait_for(lambda _: not h.engine.conns and h.chunks(Direction.TX))  # our side closed
        assert [len(t.data) for t in h.chunks(Direction.TX)] == [len(got)]
        assert EventKind.ERROR not in h.kinds()
    finally:
        h.stop()


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")
def test_socat_gets_its_echo():
    h = ReplyingHarness(SessionConfig(kind=Kind.TCP_SERVER)).start()
    try:
        out = subprocess.run(
            ["socat", "-t3", "-", f"TCP:127.0.0.1:{h.engine.port}"],
            input=b"hello",
            capture_output=True,
            timeout=10,
        )
        assert out.stdout == b"re:hello"
    finally:
        h.stop()


def test_close_on_peer_fin_off_keeps_the_connection_open_for_sending():
    with running(SessionConfig(kind=Kind.TCP_SERVER, close_on_peer_fin=False)) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            c.sendall(b"question")
            c.shutdown(socket.SHUT_WR)
            fin = h.wait_event(EventKind.PEER_FIN)
            assert fin.message == (
                f"{fin.peer} finished sending (FIN); the connection stays open for sending"
            )
            h.engine.send(b"answer, much later", fin.conn_id)
            assert recv_exactly(c, 18) == b"answer, much later"
            h.engine.disconnect(fin.conn_id)
            assert read_to_eof(c) == b""
            assert h.wait_event(EventKind.LOCAL_CLOSE).conn_id == fin.conn_id
        assert h.wait_rx_bytes(8) == b"question"


def test_client_half_open_too():
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        cfg = SessionConfig(
            kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1], close_on_peer_fin=False
        )
        with running(cfg) as h:
            srv.settimeout(TIMEOUT)
            conn, _ = srv.accept()
            with conn:
                conn.shutdown(socket.SHUT_WR)
                h.wait_event(EventKind.PEER_FIN)
                h.engine.send(b"still here")
                assert recv_exactly(conn, 10) == b"still here"
                assert h.thread.is_alive(), "the session goes on while half-open"


def test_reset_during_a_large_send_counts_what_the_kernel_accepted():
    payload = bytes(range(256)) * (32 * 4096)  # 32 MiB: far more than the socket buffers
    with running(SessionConfig(kind=Kind.TCP_SERVER, sndbuf=65536)) as h:
        c = socket.socket()
        c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        c.connect(("127.0.0.1", h.engine.port))
        h.wait_event(EventKind.ACCEPTED)
        h.engine.send(b"small, complete", 1)
        assert recv_exactly(c, 15) == b"small, complete"
        h.engine.send(payload, 1)
        assert h.wait_event(EventKind.SEND_PROGRESS).sent > 0  # the kernel took a part
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()  # RST while the send is under way
        rst = h.wait_event(EventKind.RESET)
    tx = h.chunks(Direction.TX)
    assert [t.flags for t in tx] == [ChunkFlag.NONE, ChunkFlag.PARTIAL], "one chunk per send"
    accepted = len(tx[1].data)
    assert 0 < accepted < len(payload)
    assert tx[1].data == payload[:accepted]
    assert rst.message == (
        f"connection reset by {rst.peer} (RST); {accepted} bytes of the send under way were "
        f"accepted by the kernel, {len(payload) - accepted} bytes were never sent"
    )
    assert h.events.index(tx[1]) < h.events.index(rst), "the chunk comes before the RST"
    stats = SessionStats()
    stats.apply(h.events)
    assert (stats.tx_bytes, stats.tx_chunks) == (15 + accepted, 2)


def test_abort_during_a_large_send_says_what_was_accepted():
    payload = b"x" * (16 * 1024 * 1024)
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT):
            h.wait_event(EventKind.ACCEPTED)
            h.engine.send(payload, 1)
            assert h.wait_event(EventKind.SEND_PROGRESS).sent > 0  # the kernel took a part
            h.engine.abort(1)
            ev = h.wait_event(EventKind.ABORTED)
    (chunk,) = h.chunks(Direction.TX)
    accepted = len(chunk.data)
    assert chunk.flags is ChunkFlag.PARTIAL
    assert ev.message == (
        f"aborted with RST; {accepted} bytes of the send under way were accepted by the "
        f"kernel, {len(payload) - accepted} bytes were never sent"
    )


def test_numbers_continue_from_the_previous_run():
    cfg = SessionConfig(kind=Kind.TCP_SERVER)
    with running(cfg, first_seq=500, first_conn_id=42) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            accepted = h.wait_event(EventKind.ACCEPTED)
            c.sendall(b"x")
            h.wait_rx_bytes(1)
    assert accepted.conn_id == 42
    assert [e.seq for e in h.events] == list(range(500, 500 + len(h.events)))
    assert h.chunks()[0].conn_id == 42

    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        client = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
        with running(client, first_seq=9, first_conn_id=3) as h:
            ev = h.wait_event(EventKind.CONNECTED)
    assert (ev.conn_id, h.events[0].seq) == (3, 9)


@pytest.mark.parametrize(
    ("option", "value"), [("first_seq", 0), ("first_conn_id", -1), ("first_seq", 1.5)]
)
def test_bad_first_numbers_are_refused_at_once(option, value):
    with pytest.raises(ValueError, match=f"^{option} must be a whole number of at least 1"):
        create_engine(SessionConfig(), lambda batch: None, **{option: value})


def test_connection_code_uses_only_the_engines_public_interface():
    source = Path(__file__).parents[3] / "netassistant/core/engine/connection.py"
    assert "engine._" not in source.read_text(), "use Engine.next_seq / emit_all / emit_event"
