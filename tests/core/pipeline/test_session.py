"""SessionPipeline over real loopback sockets: decoding, auto-reply, taps, send scripts."""

from __future__ import annotations

import datetime
import itertools
import socket
import threading
import time

import pytest

from netassistant.core.autoreply import AutoReplyError, AutoReplyRule
from netassistant.core.capture import RawCapture
from netassistant.core.checksum import append_checksum
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.decoding import DecodedMessage, DecodeError
from netassistant.core.framing import FramingError
from netassistant.core.pipeline import (
    CaptureTap,
    DecodeSettings,
    SendItem,
    SendScript,
    SessionPipeline,
    UnsupportedCommand,
)
from netassistant.core.pipeline.responder import BOUNCE_LIMIT, MAX_REPLIES_PER_SECOND
from netassistant.core.sending.plans import SendPlan
from tests.helpers import TIMEOUT, pipeline_running, recv_exactly, wait_for_a_notice

NOON = datetime.datetime(2024, 5, 6, 13, 4, 5)


def udp_peer() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(TIMEOUT)
    return sock


def nothing_more(sock: socket.socket, wait: float = 0.3) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(4096) == b""
    except TimeoutError:
        return True


# ------------------------------------------------------------------- decoding
def test_udp_peers_are_decoded_apart_never_glued():
    r"""Peer A sends ``ab``, peer B ``cd\\n``: B's message is ``cd``, never ``abcd``."""
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with pipeline_running(config, decode=DecodeSettings("delimiter:\\n")) as h:
        with udp_peer() as a, udp_peer() as b:
            a.sendto(b"ab", ("127.0.0.1", h.port))
            h.wait_rx_bytes(2)
            b.sendto(b"cd\n", ("127.0.0.1", h.port))
            h.wait_for(lambda _e: h.messages())
            a.sendto(b"\n", ("127.0.0.1", h.port))
            h.wait_for(lambda _e: len(h.messages()) == 2)
            peers = {m.payload: m.peer for m in h.decoded}
            assert h.messages() == [b"cd", b"ab"]
            assert peers == {
                b"cd": "127.0.0.1:%d" % b.getsockname()[1],
                b"ab": "127.0.0.1:%d" % a.getsockname()[1],
            }


def test_checksums_are_verified_and_messages_point_at_their_chunks():
    good = append_checksum("crc16-modbus", b"hello")
    bad = b"oops\x00\x00"
    decode = DecodeSettings("length:!H", "crc16-modbus")
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER), decode=decode) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(len(good).to_bytes(2, "big") + good)
            client.sendall(len(bad).to_bytes(2, "big") + bad)
            h.wait_for(lambda _e: len(h.decoded) == 2)
    first, second = h.decoded
    assert isinstance(first, DecodedMessage)
    assert (first.payload, first.checksum_ok) == (b"hello", True)
    assert (second.payload, second.checksum_ok) == (b"oops", False)
    rx = [c.seq for c in h.chunks()]
    assert set(first.chunk_seqs + second.chunk_seqs) <= set(rx)


def test_set_decoding_applies_from_the_next_batch_and_counts_generations():
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        assert h.pipeline.set_decoding(DecodeSettings("fixed:2")) == 1
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            h.wait_event(EventKind.ACCEPTED)
            client.sendall(b"abcd")
            h.wait_for(lambda _e: len(h.messages()) == 2)
            assert h.messages() == [b"ab", b"cd"]
            assert h.generations[-1] == 1
            assert h.pipeline.set_decoding(DecodeSettings()) == 2
            client.sendall(b"xy")
            h.wait_rx_bytes(6)
            time.sleep(0.1)
    assert h.messages() == [b"ab", b"cd"]
    assert h.generations[-1] == 2


def test_bad_decode_settings_are_refused_in_the_callers_thread():
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with pytest.raises(FramingError, match="fixed"):
            h.pipeline.set_decoding(DecodeSettings("fixed:0"))
        with pytest.raises(ValueError, match="nope"):
            h.pipeline.set_decoding(DecodeSettings("", "nope"))
    assert h.pipeline.decode_settings == DecodeSettings()


def test_unfinished_message_at_close_is_reported_once():
    decode = DecodeSettings("length:!I")
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER), decode=decode) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"\x00\x00\x00\x09half")
            h.wait_rx_bytes(8)
        h.wait_for(lambda _e: h.decoded)
    errors = [d for d in h.decoded if isinstance(d, DecodeError)]
    assert [e.length for e in errors] == [8]


# ------------------------------------------------------------------ auto-reply
def test_time_rule_replies_with_the_clock_and_nothing_else():
    rule = AutoReplyRule(mode="match", match="time", reply="{time}")
    config = SessionConfig(kind=Kind.TCP_SERVER)
    with pipeline_running(config, auto_reply=rule, clock=lambda: NOON) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"hello")
            h.wait_rx_bytes(5)
            assert nothing_more(client)
            client.sendall(b"what time is it?")
            assert recv_exactly(client, 8) == b"13:04:05"
            assert nothing_more(client)
    assert h.pipeline.responder.replies_sent == 1


def test_echo_returns_exactly_what_arrived_and_never_fills_placeholders():
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER), auto_reply=AutoReplyRule()) as h:
        payload = bytes(range(256)) * 64 + b"\r\n{time}{len}%s{0}"
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(payload)
            assert recv_exactly(client, len(payload)) == payload


def test_udp_reply_goes_to_the_datagram_sender():
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with pipeline_running(config, auto_reply=AutoReplyRule()) as h, udp_peer() as peer:
        peer.sendto(b"ping\x00", ("127.0.0.1", h.port))
        assert peer.recvfrom(100) == (b"ping\x00", ("127.0.0.1", h.port))


def test_set_auto_reply_switches_and_none_stops():
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"one")
            h.wait_rx_bytes(3)
            assert nothing_more(client)
            h.pipeline.set_auto_reply(
                AutoReplyRule(
                    mode="match", match="01", match_mode="hex", reply="06", reply_mode="hex"
                )
            )
            client.sendall(b"\x01")
            assert recv_exactly(client, 1) == b"\x06"
            h.pipeline.set_auto_reply(None)
            client.sendall(b"\x01")
            h.wait_rx_bytes(5)
            assert nothing_more(client)


def test_an_invalid_rule_is_refused_before_the_session_runs():
    rule = AutoReplyRule(mode="match", match="(", match_mode="regex", reply="x")
    with pytest.raises(AutoReplyError, match="regular expression") as info:
        SessionPipeline(SessionConfig(kind=Kind.UDP), lambda _b: None, auto_reply=rule)
    assert info.value.field == "match"


def test_two_echoing_sessions_stop_bouncing_one_message():
    """One datagram between two echoers: the bounce guard stops it and says why."""
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    # A flush interval like the window's: ~30 batches a second, far below the rate guard.
    options = {"auto_reply": AutoReplyRule(), "flush_interval": 1 / 30}
    with pipeline_running(config, **options) as a, pipeline_running(config, **options) as b:
        started = time.monotonic()
        a.pipeline.send_to(b"bounce", "127.0.0.1", b.port)
        # Either side may pause first (waiting on a alone slept to its timeout whenever b
        # tripped with nothing after it).
        assert wait_for_a_notice(a, b, timeout=BOUNCE_LIMIT * 0.5 + 5)
        elapsed = time.monotonic() - started
        time.sleep(0.3)
        counts = (len(a.chunks(Direction.RX)), len(b.chunks(Direction.RX)))
        time.sleep(0.3)
        assert (len(a.chunks(Direction.RX)), len(b.chunks(Direction.RX))) == counts
    notices = a.notices + b.notices
    assert len(notices) == 1, "one side pauses and the bounce dies out"
    assert notices[0].source == "auto_reply"
    assert notices[0].message == (
        f"auto-reply paused: the peer sent our reply straight back {BOUNCE_LIMIT} times in a "
        "row — two echoing peers would bounce it forever"
    )
    assert elapsed < BOUNCE_LIMIT * 0.5 + 5, "bounded even on a loaded machine"


def test_a_flood_between_echoers_trips_the_rate_guard():
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with (
        pipeline_running(config, auto_reply=AutoReplyRule()) as a,
        pipeline_running(config, auto_reply=AutoReplyRule()) as b,
    ):
        for i in range(200):
            a.pipeline.send_to(b"bounce %d" % i, "127.0.0.1", b.port)
        assert wait_for_a_notice(a, b, timeout=3)
    messages = {n.message for n in a.notices + b.notices}
    rate = (
        f"auto-reply paused: more than {MAX_REPLIES_PER_SECOND} replies a second — "
        "is the peer echoing back?"
    )
    assert messages <= {rate} | {
        f"auto-reply paused: the peer sent our reply straight back {BOUNCE_LIMIT} times in "
        "a row — two echoing peers would bounce it forever"
    }
    assert messages


def test_a_client_repeating_its_request_to_an_echo_server_is_not_a_loop():
    """Requests sent back to back, not in answer to the echo, never trip the guard."""
    config = SessionConfig(kind=Kind.TCP_SERVER)
    with pipeline_running(config, auto_reply=AutoReplyRule(), flush_interval=1 / 30) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            for _ in range(BOUNCE_LIMIT * 3):
                client.sendall(b"same")
                time.sleep(0.002)
            assert recv_exactly(client, 4 * BOUNCE_LIMIT * 3) == b"same" * BOUNCE_LIMIT * 3
    assert h.notices == []


def test_a_client_asking_again_after_each_echo_at_a_human_pace_is_not_a_loop():
    """Same request, each sent after the echo came back, slower than the bounce window."""
    config = SessionConfig(kind=Kind.TCP_SERVER)
    with pipeline_running(config, auto_reply=AutoReplyRule(), flush_interval=1 / 30) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            for _ in range(BOUNCE_LIMIT + 5):
                client.sendall(b"PING")
                assert recv_exactly(client, 4) == b"PING"
                time.sleep(0.2)  # past the bounce window (0.12 s): a person, not a loop
    assert h.notices == []


# ------------------------------------------------------------------------ taps
def test_a_tap_that_raises_is_removed_with_a_notice_and_the_session_goes_on(tmp_path):
    def bad(_events: object) -> None:
        raise RuntimeError("boom")

    capture = CaptureTap(RawCapture(tmp_path / "rx.bin"))
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        h.pipeline.add_tap(bad)
        h.pipeline.add_tap(capture)
        h.pipeline.add_tap(capture)
        assert h.pipeline.taps() == (bad, capture)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.sendall(b"\x00raw\xff")
            h.wait_rx_bytes(5)
            h.wait_for(lambda _e: capture.bytes_written == 5)
    capture.close()
    assert [(n.source, n.message) for n in h.notices] == [
        ("tap", "a capture failed and was stopped: RuntimeError: boom")
    ]
    assert h.pipeline.taps() == (capture,)
    assert (tmp_path / "rx.bin").read_bytes() == b"\x00raw\xff"


# ------------------------------------------------------------------- commands
def test_commands_the_kind_lacks_are_refused_with_a_type_error():
    pipeline = SessionPipeline(SessionConfig(kind=Kind.TCP_CLIENT), lambda _b: None)
    try:
        with pytest.raises(UnsupportedCommand, match="tcp-client sessions have no datagram"):
            pipeline.send_to(b"x", "127.0.0.1", 9)
        with pytest.raises(TypeError, match=r"send\(\) needs bytes, not str: encode the text"):
            pipeline.send("text")  # type: ignore[arg-type]
    finally:
        pipeline.close()
    udp = SessionPipeline(SessionConfig(kind=Kind.UDP), lambda _b: None)
    try:
        with pytest.raises(UnsupportedCommand, match="UDP sessions have no connections"):
            udp.abort(1)
    finally:
        udp.close()


def test_plan_events_carry_their_id_and_how_they_ended():
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            h.wait_event(EventKind.ACCEPTED)
            plan_id = h.pipeline.start_plan(SendPlan(b"x{n};", count=3, counter=True))
            assert recv_exactly(client, 9) == b"x1;x2;x3;"
            h.wait_for(
                lambda evs: [e for e in evs if isinstance(e, ConnEvent) and e.state == "done"]
            )
    ends = [e for e in h.events if isinstance(e, ConnEvent) and e.plan_id == plan_id]
    assert [(e.state, e.sent, e.total) for e in ends][-1] == ("done", 3, 3)


# ---------------------------------------------------------------- send scripts
def test_script_waits_for_a_connection_then_sends_in_order(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"FILE" * 50_000)
    items = [SendItem(data=b"A"), SendItem(path=str(path)), SendItem(data=b"B")]
    script = SendScript(items, repeat=2, file_piece=65536)
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        h.pipeline.start_script(script)
        time.sleep(0.1)
        assert not h.chunks(Direction.TX)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            expected = (b"A" + path.read_bytes() + b"B") * 2
            assert recv_exactly(client, len(expected)) == expected
            h.wait_for(lambda _e: script.finished)
    assert script.sends_done == 6
    assert script.error == ""
    tx = [c.data for c in h.chunks(Direction.TX)]
    assert tx[0] == b"A"
    assert max(len(d) for d in tx) == 65536, "the file went in pieces"


def test_a_huge_repeat_holds_one_copy_and_waits_for_the_queue():
    """--repeat 10**12 with a peer that never reads: memory stays bounded, the loop alive."""
    script = SendScript([SendItem(data=b"z" * 1024)], repeat=10**12)
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER, sndbuf=65536)) as h:
        h.pipeline.start_script(script)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT):
            time.sleep(0.5)
            queued = h.pipeline.queued_bytes()
            assert 0 < queued <= 4 * 1024 * 1024 + 64 * 1024
            assert not script.finished
    assert script.sends_done < 10_000


def test_script_interval_paces_the_sends():
    script = SendScript([SendItem(data=b"t")], repeat=4, interval_ms=100)
    config = SessionConfig(kind=Kind.UDP, local_port=0)
    with udp_peer() as peer:
        config = SessionConfig(kind=Kind.UDP, local_port=0, remote_port=peer.getsockname()[1])
        with pipeline_running(config) as h:
            h.pipeline.start_script(script)
            arrivals = []
            for _ in range(4):
                assert peer.recv(10) == b"t"
                arrivals.append(time.monotonic())
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert all(0.07 < gap < 0.3 for gap in gaps), gaps
    assert h.chunks(Direction.TX)[0].data == b"t"


def test_script_rejects_bad_numbers():
    with pytest.raises(ValueError, match="repeat must be at least 1, not 0"):
        SendScript([SendItem(data=b"x")], repeat=0)
    with pytest.raises(ValueError, match="the interval must be a number of ms >= 0, not nan"):
        SendScript([SendItem(data=b"x")], interval_ms=float("nan"))


def test_pipeline_threads_stop_cleanly_when_never_started():
    pipeline = SessionPipeline(SessionConfig(kind=Kind.TCP_SERVER), lambda _b: None)
    pipeline.close()
    assert not [t for t in threading.enumerate() if t.name == "netassistant-engine"]
    assert isinstance(Chunk, type)
