"""The send toolkit over real loopback sockets.

Plans (repeat, periodic, burst, split, counter) and file sends, for the TCP server, the
TCP client and UDP.
"""

from __future__ import annotations

import hashlib
import os
import socket
import struct
import threading
import time

import pytest

from netassistant.core.chunk import ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.engine.connection import STREAM_HIGH_WATER
from netassistant.core.sending.plans import SendPlan, split_evenly
from tests.helpers import TIMEOUT, Harness, recv_exactly, running

MiB = 1024 * 1024


def server_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.TCP_SERVER, **kw)


def udp_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.UDP, **kw)


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)


def peer_of(sock: socket.socket) -> str:
    return "127.0.0.1:%d" % sock.getsockname()[1]


def raw_udp(rcvbuf: int = 0) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind(("127.0.0.1", 0))
    s.settimeout(TIMEOUT)
    return s


def progress(h: Harness) -> list[ConnEvent]:
    with h._cond:
        return [
            e for e in h.events if isinstance(e, ConnEvent) and e.kind is EventKind.SEND_PROGRESS
        ]


def wait_progress(h: Harness, text: str, timeout: float = TIMEOUT) -> ConnEvent:
    """The first SEND_PROGRESS event whose message contains ``text``."""
    return h.wait_for(
        lambda evs: next(
            (
                e
                for e in evs
                if isinstance(e, ConnEvent)
                and e.kind is EventKind.SEND_PROGRESS
                and text in e.message
            ),
            None,
        ),
        timeout,
    )


def wait_tx(h: Harness, n: int, timeout: float = TIMEOUT) -> list:
    h.wait_for(lambda _: len(h.chunks(Direction.TX)) >= n, timeout)
    return h.chunks(Direction.TX)


def record_batches(h: Harness) -> list[list]:
    """Wrap the engine's sink so each batch (= one loop turn here) is kept apart."""
    batches: list[list] = []
    sink = h.engine._sink

    def keep(batch: list) -> None:
        batches.append(list(batch))
        sink(batch)

    h.engine._sink = keep
    return batches


@pytest.fixture
def server_and_client():
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        yield h, c


# ------------------------------------------------------------------ validation
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(payload=b""), "the payload is empty; there is nothing to send"),
        (dict(count=-1), "count must be 0 (send until stopped) or more, not -1"),
        (dict(interval_ms=-5), "the interval must be 0 ms or more, not -5 ms"),
        (dict(split_gap_ms=-1), "the split gap must be 0 ms or more, not -1 ms"),
        (dict(split=0), "split must be 1 .. 5 pieces for a 5-byte payload, not 0"),
        (dict(split=6), "split must be 1 .. 5 pieces for a 5-byte payload, not 6"),
        (
            dict(burst="lots"),
            "burst must be 'none', 'one_call' or 'back_to_back', not 'lots'",
        ),
        (
            dict(burst="one_call", count=0),
            "a burst needs a count of 1 or more; it cannot run until stopped",
        ),
        (
            dict(payload=b"x" * MiB, burst="one_call", count=65),
            "a burst of 65 × 1048576 bytes is 68157440 bytes; the limit is 64 MiB",
        ),
        (dict(counter=True), "the counter is on but the payload has no {n} placeholder"),
        (dict(conn_id=0), "a client number starts at 1, not 0"),
        (dict(udp_port=70000), "port must be 0 .. 65535, not 70000"),
    ],
)
def test_plan_validation_messages(kwargs, message):
    kwargs.setdefault("payload", b"hello")
    with pytest.raises(ValueError, match=r"\w") as err:
        SendPlan(**kwargs)
    assert str(err.value) == message


def test_split_evenly_and_counter():
    assert split_evenly(b"0123456789", 3) == [b"0123", b"456", b"789"]
    assert split_evenly(b"ab", 5) == [b"a", b"b"]
    plan = SendPlan(bytearray(b"n={n};{n}"), count=120, counter=True)
    assert plan.message(12) == b"n=12;12"
    assert isinstance(plan.payload, bytes)
    assert plan.total_size() == sum(len(plan.message(n)) for n in range(1, 121))


def test_huge_burst_is_refused_without_building_it():
    t0 = time.monotonic()
    with pytest.raises(ValueError, match="the limit is 64 MiB"):
        SendPlan(b"{n}" + bytes(MiB), count=100_000, burst="back_to_back", counter=True)
    assert time.monotonic() - t0 < 0.5


def test_a_plan_posted_after_stop_is_marked_stopped():
    h = Harness(server_config()).start()
    h.stop()
    plan_id = h.engine.start_plan(SendPlan(b"late"))
    status = h.engine.plan_status(plan_id)
    assert status is not None
    assert (status.state, status.sent) == ("stopped", 0)
    assert status.message == "the session stopped before it started; nothing was sent"


def test_set_plan_interval_and_send_file_validate_in_the_calling_thread():
    with running(server_config()) as h:
        with pytest.raises(ValueError, match="the interval must be 0 ms or more, not -1 ms"):
            h.engine.set_plan_interval(1, -1)
        with pytest.raises(ValueError, match=r"the datagram size must be 1 \.\. 65527 bytes"):
            h.engine.send_file("/x", datagram_size=0)


# ----------------------------------------------------------------- TCP plans
def test_repeat_five_times_every_20_ms(server_and_client):
    h, c = server_and_client
    t0 = time.monotonic()
    plan_id = h.engine.start_plan(SendPlan(b"ping;", count=5, interval_ms=20))
    assert recv_exactly(c, 25) == b"ping;" * 5
    done = wait_progress(h, "done")
    elapsed = time.monotonic() - t0
    assert elapsed >= 0.080
    tx = h.chunks(Direction.TX)
    assert [t.data for t in tx] == [b"ping;"] * 5
    assert (tx[-1].ts_ns - tx[0].ts_ns) / 1e9 >= 0.079
    assert (done.sent, done.total, done.conn_id, done.peer) == (5, 5, 0, "all clients")
    assert done.message == "repeat send: done, 5 of 5 sent"
    status = h.engine.plan_status(plan_id)
    assert status is not None
    assert (status.state, status.sent, status.total, status.what) == ("done", 5, 5, "plan")


def parse_frames(data: bytes) -> list[bytes]:
    frames = []
    while data:
        (size,) = struct.unpack(">H", data[:2])
        frames.append(data[2 : 2 + size])
        data = data[2 + size :]
    return frames


def test_one_call_burst_is_one_send_of_twenty_frames(server_and_client):
    h, c = server_and_client
    frame = struct.pack(">H", 5) + b"hello"
    h.engine.start_plan(SendPlan(frame, count=20, burst="one_call"))
    got = recv_exactly(c, 20 * 7)
    assert parse_frames(got) == [b"hello"] * 20
    done = wait_progress(h, "done")
    assert [t.data for t in h.chunks(Direction.TX)] == [frame * 20]
    assert (done.message, done.sent, done.total) == ("burst send: done, 20 of 20 sent", 20, 20)


def test_back_to_back_burst_is_twenty_sends_in_one_loop_turn():
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        batches = record_batches(h)
        frame = struct.pack(">H", 5) + b"hello"
        h.engine.start_plan(SendPlan(frame, count=20, burst="back_to_back"))
        assert parse_frames(recv_exactly(c, 20 * 7)) == [b"hello"] * 20
        tx = wait_tx(h, 20)
        wait_progress(h, "done")
    assert [t.data for t in tx] == [frame] * 20
    turn = [b for b in batches if any(getattr(e, "direction", None) is Direction.TX for e in b)]
    assert len(turn) == 1, "all 20 sends happen in the same loop turn"


def test_without_burst_the_sends_are_spread_over_loop_turns():
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        batches = record_batches(h)
        h.engine.start_plan(SendPlan(b"x", count=5))
        assert recv_exactly(c, 5) == b"xxxxx"
        wait_progress(h, "done")
    turns = [b for b in batches if any(getattr(e, "direction", None) is Direction.TX for e in b)]
    assert len(turns) >= 4, "other sockets and commands get served between the sends"


def test_split_one_message_into_five_pieces_10_ms_apart(server_and_client):
    h, c = server_and_client
    message = b"0123456789ABCDEFGHIJ"
    h.engine.start_plan(SendPlan(message, split=5, split_gap_ms=10))
    assert recv_exactly(c, 20) == message
    tx = wait_tx(h, 5)
    assert [t.data for t in tx] == [b"0123", b"4567", b"89AB", b"CDEF", b"GHIJ"]
    assert b"".join(t.data for t in tx) == message
    assert (tx[-1].ts_ns - tx[0].ts_ns) / 1e9 >= 0.039
    assert wait_progress(h, "done").message == "split send: done, 1 of 1 sent"


def test_counter_numbers_each_message(server_and_client):
    h, c = server_and_client
    h.engine.start_plan(SendPlan(b"msg {n}", count=3, counter=True))
    assert recv_exactly(c, 15) == b"msg 1msg 2msg 3"
    assert [t.data for t in wait_tx(h, 3)] == [b"msg 1", b"msg 2", b"msg 3"]


def test_periodic_send_runs_until_cancelled(server_and_client):
    h, c = server_and_client
    plan_id = h.engine.start_plan(SendPlan(b"tick;", count=0, interval_ms=10))
    wait_tx(h, 5)
    h.engine.cancel_plan(plan_id)
    final = wait_progress(h, "cancelled")
    n = final.sent
    assert final.message == f"periodic send cancelled after {n} sent"
    assert final.total == 0
    assert recv_exactly(c, 5 * n) == b"tick;" * n
    time.sleep(0.1)
    assert len(h.chunks(Direction.TX)) == n
    c.settimeout(0.1)
    with pytest.raises(TimeoutError, match="timed out"):
        c.recv(10)
    status = h.engine.plan_status(plan_id)
    assert status is not None
    assert (status.state, status.sent) == ("cancelled", n)


def test_periodic_progress_is_rate_limited(server_and_client):
    h, c = server_and_client
    plan_id = h.engine.start_plan(SendPlan(b".", count=0, interval_ms=1))
    time.sleep(0.55)
    h.engine.cancel_plan(plan_id)
    final = wait_progress(h, "cancelled")
    events = progress(h)
    assert final.sent > 100, "1 ms intervals: hundreds of sends in half a second"
    assert 3 <= len(events) <= 8, "about 10 progress events a second, plus the final one"
    assert all(e.message == f"periodic send: {e.sent} sent" for e in events[:-1])
    assert recv_exactly(c, final.sent) == b"." * final.sent


def test_periodic_plan_ends_when_the_engine_stops():
    h = Harness(server_config()).start()
    c = connect(h.engine.port)
    try:
        h.wait_event(EventKind.ACCEPTED)
        h.engine.start_plan(SendPlan(b"tick;", count=0, interval_ms=5))
        wait_tx(h, 3)
        t0 = time.monotonic()
        h.engine.stop()
        h.thread.join(TIMEOUT)
        assert time.monotonic() - t0 < 0.2
        n = len(h.chunks(Direction.TX))
        final = progress(h)[-1]
        assert final.message == f"periodic send stopped after {n} sent: the session stopped"
        # The kernel-state watch may report where the closed socket went (a STATE event).
        kinds = [kind for kind in h.kinds() if kind is not EventKind.STATE]
        assert kinds[-3:] == [EventKind.SEND_PROGRESS, EventKind.LOCAL_CLOSE, EventKind.STOPPED]
        got = b""
        c.settimeout(TIMEOUT)
        while data := c.recv(65536):
            got += data
        assert got == b"tick;" * n
    finally:
        c.close()
        if h.thread.is_alive():
            h.stop()


def test_set_plan_interval_changes_the_rate_while_running(server_and_client):
    h, _c = server_and_client
    plan_id = h.engine.start_plan(SendPlan(b"x", count=0, interval_ms=10_000))
    wait_tx(h, 1)
    t0 = time.monotonic()
    h.engine.set_plan_interval(plan_id, 10)
    wait_tx(h, 11, timeout=2)
    assert time.monotonic() - t0 < 1.0, "ten sends at 10 ms, not one every 10 s"
    h.engine.set_plan_interval(plan_id, 60_000)
    time.sleep(0.05)
    settled = len(h.chunks(Direction.TX))
    time.sleep(0.3)
    assert len(h.chunks(Direction.TX)) == settled
    h.engine.cancel_plan(plan_id)
    assert wait_progress(h, "cancelled").sent == settled


def test_plan_to_all_clients():
    with running(server_config()) as h, connect(h.engine.port) as a, connect(h.engine.port) as b:
        h.wait_event(EventKind.ACCEPTED, n=2)
        h.engine.start_plan(SendPlan(b"all {n};", count=3, interval_ms=5, counter=True))
        assert recv_exactly(a, 18) == b"all 1;all 2;all 3;"
        assert recv_exactly(b, 18) == b"all 1;all 2;all 3;"
        done = wait_progress(h, "done")
        assert (done.conn_id, done.peer, done.sent) == (0, "all clients", 3)
        tx = h.chunks(Direction.TX)
        assert sorted((t.conn_id, t.data) for t in tx) == sorted(
            (cid, b"all %d;" % n) for cid in (1, 2) for n in (1, 2, 3)
        )


def test_plan_to_one_client_and_errors_before_start(server_and_client):
    h, c = server_and_client
    h.engine.start_plan(SendPlan(b"only you", conn_id=1))
    assert recv_exactly(c, 8) == b"only you"
    plan_id = h.engine.start_plan(SendPlan(b"x", conn_id=9))
    err = h.wait_event(EventKind.ERROR)
    assert err.message == "client #9 is no longer connected; nothing was sent"
    h.wait_for(lambda _: h.engine.plan_status(plan_id).state == "failed")


def test_plan_with_no_client_is_refused():
    with running(server_config()) as h:
        h.engine.start_plan(SendPlan(b"x", count=0, interval_ms=10))
        assert h.wait_event(EventKind.ERROR).message == "no client is connected; nothing was sent"
        time.sleep(0.05)
        assert h.engine.plans()[1].state == "failed"
        assert h.chunks(Direction.TX) == []


def test_plan_ends_once_when_its_client_goes_away(server_and_client):
    h, c = server_and_client
    peer = peer_of(c)
    h.engine.start_plan(SendPlan(b"beat", count=0, interval_ms=10_000, conn_id=1))
    assert recv_exactly(c, 4) == b"beat"
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
    h.wait_event(EventKind.RESET)
    # Reported as soon as the client goes, not at the next send 10 s later.
    err = h.wait_event(EventKind.ERROR, timeout=1)
    assert err.message == (
        f"periodic send to {peer} stopped after 1 sent: connection reset by peer (RST)"
    )
    time.sleep(0.05)
    assert h.kinds().count(EventKind.ERROR) == 1


def test_plan_to_all_clients_ends_when_the_last_one_leaves():
    with running(server_config()) as h:
        a, b = connect(h.engine.port), connect(h.engine.port)
        h.wait_event(EventKind.ACCEPTED, n=2)
        h.engine.start_plan(SendPlan(b"hb", count=0, interval_ms=10_000))
        assert recv_exactly(a, 2) == recv_exactly(b, 2) == b"hb"
        a.close()
        h.wait_event(EventKind.CLOSED)
        time.sleep(0.05)
        assert EventKind.ERROR not in h.kinds(), "one client is still there"
        b.close()
        err = h.wait_event(EventKind.ERROR, timeout=1)
        assert err.message == (
            "periodic send to all clients stopped after 1 sent: no client is connected"
        )


def test_tcp_client_plan_and_file(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as srv:
        cfg = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=srv.getsockname()[1])
        with running(cfg) as h:
            conn, _ = srv.accept()
            with conn:
                h.wait_event(EventKind.CONNECTED)
                h.engine.start_plan(SendPlan(b"c{n};", count=3, interval_ms=1, counter=True))
                assert recv_exactly(conn, 9) == b"c1;c2;c3;"
                path = tmp_path / "small.bin"
                path.write_bytes(bytes(range(256)) * 1000)
                h.engine.send_file(path, chunk_size=10_000)
                assert recv_exactly(conn, 256_000) == path.read_bytes()
                done = wait_progress(h, "small.bin")
                assert (done.sent, done.total) == (256_000, 256_000)
                assert len(h.chunks(Direction.TX)) == 3 + 26


# ------------------------------------------------------------------ UDP plans
def test_udp_plan_to_a_target_and_to_the_last_sender():
    with raw_udp() as target, raw_udp() as other:
        with running(udp_config(remote_host="")) as h:
            port = target.getsockname()[1]
            h.engine.start_plan(
                SendPlan(b"d{n}", count=3, counter=True, udp_host="127.0.0.1", udp_port=port)
            )
            assert [target.recvfrom(100)[0] for _ in range(3)] == [b"d1", b"d2", b"d3"]
            other.sendto(b"hi", ("127.0.0.1", h.engine.port))
            h.wait_for(lambda _: h.chunks())
            h.engine.start_plan(SendPlan(b"back", count=2, split=2, reply=True))
            assert [other.recvfrom(100)[0] for _ in range(4)] == [b"ba", b"ck", b"ba", b"ck"]
            wait_tx(h, 7)
            peers = {t.peer for t in h.chunks(Direction.TX)[3:]}
            assert peers == {peer_of(other)}


def test_udp_plan_to_the_configured_remote_and_its_errors():
    with raw_udp() as target:
        cfg = udp_config(remote_host="127.0.0.1", remote_port=target.getsockname()[1])
        with running(cfg) as h:
            h.engine.start_plan(SendPlan(b"cfg", count=2))
            assert [target.recvfrom(100)[0] for _ in range(2)] == [b"cfg", b"cfg"]
            h.engine.start_plan(SendPlan(b"r", reply=True))
            assert h.wait_event(EventKind.ERROR).message == (
                "no datagram received yet, so there is nobody to reply to; nothing was sent"
            )
            plan_id = h.engine.start_plan(SendPlan(b"z" * 70_000, count=0, interval_ms=5))
            err = h.wait_event(EventKind.ERROR, n=2)
            assert err.message.startswith("datagram of 70000 bytes is too large")
            h.wait_for(lambda _: h.engine.plan_status(plan_id).state == "failed")
            time.sleep(0.05)
            assert h.kinds().count(EventKind.ERROR) == 2, "reported once, then the plan stops"


# ------------------------------------------------------------------ file sends
def test_50_mb_file_arrives_byte_identical_over_tcp(tmp_path):
    size = 50 * MiB
    path = tmp_path / "big.bin"
    block = os.urandom(MiB)
    with open(path, "wb") as fh:
        for i in range(50):
            fh.write(bytes([i]) + block[1:])
    want = hashlib.sha256(path.read_bytes()).hexdigest()
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        digest = hashlib.sha256()
        received = [0]
        queued: list[int] = []

        def reader() -> None:
            c.settimeout(TIMEOUT)
            while received[0] < size:
                data = c.recv(MiB)
                if not data:
                    break
                digest.update(data)
                received[0] += len(data)
                queued.append(h.engine.queued_bytes(1))

        thread = threading.Thread(target=reader)
        thread.start()
        t0 = time.monotonic()
        plan_id = h.engine.send_file(path, 1)
        thread.join(10)
        assert not thread.is_alive()
        done = wait_progress(h, "big.bin")
        assert time.monotonic() - t0 < 10
        assert received[0] == size
        assert digest.hexdigest() == want
        assert done.message == f"file big.bin sent to {peer_of(c)}: {size} bytes"
        events = progress(h)
        assert (events[-1].sent, events[-1].total) == (size, size)
        sents = [e.sent for e in events]
        assert sents == sorted(sents)
        assert len(events) <= 10 * (time.monotonic() - t0) + 2
        tx = h.chunks(Direction.TX)
        assert len(tx) == size // (64 * 1024)
        assert {len(t.data) for t in tx} == {64 * 1024}
        assert max(queued) <= STREAM_HIGH_WATER + 64 * 1024, "the file is never all in memory"
        status = h.engine.plan_status(plan_id)
        assert status is not None
        assert (status.what, status.state, status.sent, status.total) == (
            "file",
            "done",
            size,
            size,
        )


def test_udp_file_arrives_as_the_exact_datagrams_in_order(tmp_path):
    data = os.urandom(200_500)
    path = tmp_path / "dgrams.bin"
    path.write_bytes(data)
    pieces = [data[i : i + 1000] for i in range(0, len(data), 1000)]
    with raw_udp(rcvbuf=4 * MiB) as target:
        got: list[bytes] = []

        def reader() -> None:
            while len(got) < len(pieces):
                got.append(target.recvfrom(65536)[0])

        thread = threading.Thread(target=reader)
        thread.start()
        with running(udp_config(remote_host="")) as h:
            h.engine.send_file(
                path, udp_host="127.0.0.1", udp_port=target.getsockname()[1], datagram_size=1000
            )
            thread.join(TIMEOUT)
            done = wait_progress(h, "dgrams.bin")
        assert got == pieces
        assert len(pieces) == 201
        assert [t.data for t in h.chunks(Direction.TX)] == pieces
        assert (done.sent, done.total) == (200_500, 200_500)


def test_missing_file_is_one_plain_error(tmp_path):
    path = tmp_path / "nope.bin"
    with running(server_config()) as h, connect(h.engine.port):
        h.wait_event(EventKind.ACCEPTED)
        plan_id = h.engine.send_file(path)
        ev = h.wait_event(EventKind.ERROR)
        assert ev.message == f"cannot read {path}: it does not exist; nothing was sent"
        h.wait_for(lambda _: h.engine.plan_status(plan_id).state == "failed")
        assert h.chunks(Direction.TX) == []


def test_cancel_mid_file_says_how_much_was_sent(tmp_path):
    size = 64 * MiB
    path = tmp_path / "huge.bin"
    with open(path, "wb") as fh:
        fh.truncate(size)  # sparse: 64 MiB of zeros
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        plan_id = h.engine.send_file(path, 1)
        # Nobody reads: the send fills the socket buffers, then waits at the high-water mark.
        h.wait_for(lambda _: progress(h) and progress(h)[-1].sent > 0)
        time.sleep(0.2)
        h.engine.cancel_plan(plan_id)
        final = wait_progress(h, "cancelled")
        n = final.sent
        assert final.message == f"file send to {peer_of(c)} cancelled after {n} of {size} bytes"
        assert 0 < n < size
        assert recv_exactly(c, n, timeout=TIMEOUT) == bytes(n)
        c.settimeout(0.2)
        with pytest.raises(TimeoutError, match="timed out"):
            c.recv(10)


def test_connection_reset_mid_file_is_one_error_with_the_count(tmp_path):
    size = 64 * MiB
    path = tmp_path / "huge.bin"
    with open(path, "wb") as fh:
        fh.truncate(size)
    with running(server_config()) as h, connect(h.engine.port) as c:
        h.wait_event(EventKind.ACCEPTED)
        peer = peer_of(c)
        h.engine.send_file(path, 1)
        h.wait_for(lambda _: progress(h) and progress(h)[-1].sent > 0)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()
        err = h.wait_for(
            lambda evs: next((e for e in evs if "stopped after" in getattr(e, "message", "")), None)
        )
        assert err.kind is EventKind.ERROR
        assert err.message == (
            f"file send to {peer} stopped after {err.sent} of {size} bytes: "
            "connection reset by peer (RST)"
        )
        assert 0 < err.sent < size


def test_file_to_all_clients(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(os.urandom(300_000))
    with running(server_config()) as h, connect(h.engine.port) as a, connect(h.engine.port) as b:
        h.wait_event(EventKind.ACCEPTED, n=2)
        h.engine.send_file(path, chunk_size=100_000)
        assert recv_exactly(a, 300_000) == path.read_bytes()
        assert recv_exactly(b, 300_000) == path.read_bytes()
        done = wait_progress(h, "f.bin")
        assert done.message == "file f.bin sent to 2 clients: 300000 bytes"
        assert (done.conn_id, done.sent) == (0, 300_000)
        assert len(h.chunks(Direction.TX)) == 6
