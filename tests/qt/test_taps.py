"""Taps on real loopback sessions: the worker's tap registry, AutoResponder, CaptureTap."""

from __future__ import annotations

import datetime
import socket
import threading
import time

import pytest
from PySide6.QtCore import QObject, Slot

from netassistant.core.autoreply import AutoReplyError, AutoReplyRule
from netassistant.core.capture import RawCapture
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.stats import SessionState
from netassistant.qt.session import SessionController
from netassistant.qt.taps import MAX_REPLIES_PER_SECOND, AutoResponder, CaptureTap
from netassistant.qt.worker import MAX_INFLIGHT
from tests.filehelpers import fill_disk
from tests.helpers import TIMEOUT, recv_exactly

WAIT_MS = int(TIMEOUT * 1000)
NOON = datetime.datetime(2024, 5, 6, 13, 4, 5)


class Collector(QObject):
    """Receives a str signal in the GUI thread and notes which thread it ran in."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.in_gui_thread: set[bool] = set()

    @Slot(str)
    def add(self, text: str) -> None:
        self.in_gui_thread.add(threading.current_thread() is threading.main_thread())
        self.items.append(text)


@pytest.fixture
def controllers(qtbot):
    made: list[SessionController] = []

    def make() -> SessionController:
        ctl = SessionController()
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        assert ctl.shutdown()


def start(qtbot, ctl: SessionController, **options) -> int:
    ctl.start(SessionConfig(**options).validate())
    qtbot.waitUntil(lambda: ctl.state is SessionState.LISTENING, timeout=WAIT_MS)
    return ctl.engine.port


def nothing_more(sock: socket.socket, wait: float = 0.3) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(4096) == b""
    except TimeoutError:
        return True


# ----------------------------------------------------------------- tap registry
def test_tap_added_before_start_sees_every_batch_in_the_engine_thread(qtbot, controllers):
    ctl = controllers()
    seen: list[bytes] = []
    threads: set[bool] = set()

    def tap(batch):
        threads.add(threading.current_thread() is threading.main_thread())
        seen.extend(e.data for e in batch if isinstance(e, Chunk) and e.direction is Direction.RX)

    ctl.add_tap(tap)
    ctl.add_tap(tap)
    assert ctl.taps() == [tap]
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"tapped bytes")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 12, timeout=WAIT_MS)
    assert b"".join(seen) == b"tapped bytes"
    assert threads == {False}
    ctl.remove_tap(tap)
    assert ctl.taps() == []


def test_taps_run_before_the_in_flight_wait(qtbot, controllers):
    """With the GUI not acknowledging batches the worker blocks, but only after the taps."""
    ctl = controllers()
    calls: list[int] = []
    ctl.add_tap(lambda batch: calls.append(len(batch)))
    ctl.start(SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024).validate())
    assert ctl.engine.opened.wait(TIMEOUT)
    port = ctl.engine.port
    stop = threading.Event()

    def flood() -> None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
                while not stop.is_set():
                    c.sendall(b"x" * 4096)
        except OSError:
            pass  # the session closed the connection on shutdown

    sender = threading.Thread(target=flood)
    sender.start()
    try:
        # No Qt event processing here, so no batch is acknowledged.
        deadline = time.monotonic() + TIMEOUT
        while len(calls) < MAX_INFLIGHT + 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        assert len(calls) == MAX_INFLIGHT + 1
    finally:
        stop.set()
        assert ctl.shutdown()
        sender.join(TIMEOUT)


def test_a_tap_that_raises_is_removed_and_reported(qtbot, controllers):
    ctl = controllers()
    good: list[int] = []

    def bad(batch):
        raise RuntimeError("boom")

    ctl.add_tap(bad)
    ctl.add_tap(lambda batch: good.append(len(batch)))
    with qtbot.waitSignal(ctl.tap_failed, timeout=WAIT_MS) as blocker:
        port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    assert blocker.args == ["RuntimeError: boom"]
    assert len(ctl.taps()) == 1
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"still running")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 13, timeout=WAIT_MS)
    assert good


# ----------------------------------------------------------------- AutoResponder
def test_time_request_gets_the_time_reply_and_nothing_else(qtbot, controllers):
    ctl = controllers()
    rule = AutoReplyRule(mode="match", match="time", reply="{time}")
    responder = AutoResponder(ctl, rule, now=lambda: NOON)
    ctl.add_tap(responder)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"hello")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 5, timeout=WAIT_MS)
        assert nothing_more(client)
        client.sendall(b"what time is it?")
        assert recv_exactly(client, 8) == b"13:04:05"
        assert nothing_more(client)
    assert responder.replies_sent == 1
    qtbot.waitUntil(lambda: ctl.stats.tx_bytes == 8, timeout=WAIT_MS)


def test_echo_returns_exactly_what_arrived(qtbot, controllers):
    ctl = controllers()
    responder = AutoResponder(ctl, AutoReplyRule(mode="echo"))
    ctl.add_tap(responder)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    payload = bytes(range(256)) * 64 + b"\r\n{time}{len}%s{0}"
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(payload)
        assert recv_exactly(client, len(payload)) == payload
        client.sendall(b"{time}")
        assert recv_exactly(client, 6) == b"{time}"
        assert nothing_more(client)


def test_received_placeholders_are_never_filled_in(qtbot, controllers):
    ctl = controllers()
    rule = AutoReplyRule(mode="match", match="{time}", reply="got {len}: {date}")
    ctl.add_tap(AutoResponder(ctl, rule, now=lambda: NOON))
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"{time}")
        assert recv_exactly(client, 17) == b"got 6: 2024-05-06"
        assert nothing_more(client)


def test_udp_reply_goes_to_the_datagram_sender(qtbot, controllers):
    ctl = controllers()
    ctl.add_tap(AutoResponder(ctl, AutoReplyRule(mode="echo")))
    port = start(qtbot, ctl, kind=Kind.UDP)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.settimeout(TIMEOUT)
        peer.sendto(b"ping\x00", ("127.0.0.1", port))
        data, source = peer.recvfrom(100)
    assert (data, source) == (b"ping\x00", ("127.0.0.1", port))


def test_set_rule_switches_and_none_stops(qtbot, controllers):
    ctl = controllers()
    responder = AutoResponder(ctl)
    ctl.add_tap(responder)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"one")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 3, timeout=WAIT_MS)
        assert nothing_more(client)
        responder.set_rule(
            AutoReplyRule(mode="match", match="01", match_mode="hex", reply="06", reply_mode="hex")
        )
        client.sendall(b"\x01")
        assert recv_exactly(client, 1) == b"\x06"
        responder.set_rule(None)
        client.sendall(b"\x01")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 5, timeout=WAIT_MS)
        assert nothing_more(client)


def test_invalid_rule_is_refused_in_the_gui_thread():
    with pytest.raises(AutoReplyError) as info:
        AutoResponder(
            _NoEngine(), AutoReplyRule(mode="match", match="(", match_mode="regex", reply="x")
        )
    assert info.value.field == "match"
    with pytest.raises(ValueError, match="max_per_second must be at least 1"):
        AutoResponder(_NoEngine(), max_per_second=0)


class _NoEngine:
    engine = None


def test_loop_guard_pauses_two_echoing_peers_and_reports_once(qtbot, controllers):
    a, b = controllers(), controllers()
    collector = Collector()
    responders = [AutoResponder(a, AutoReplyRule()), AutoResponder(b, AutoReplyRule())]
    for ctl, responder in zip((a, b), responders, strict=True):
        responder.paused.connect(collector.add)
        ctl.add_tap(responder)
    start(qtbot, a, kind=Kind.UDP)
    port_b = start(qtbot, b, kind=Kind.UDP)
    started = time.monotonic()
    for i in range(200):
        a.call("send_to", b"bounce %d" % i, "127.0.0.1", port_b)
    # Bounded: ~6000 replies a second trip the guard well within a second.
    qtbot.waitUntil(lambda: bool(collector.items), timeout=2000)
    assert time.monotonic() - started < 1.5
    # Once one side is quiet the bounce dies out: let it settle, then nothing moves.
    qtbot.wait(300)
    counts = [r.replies_sent for r in responders]
    qtbot.wait(300)
    assert [r.replies_sent for r in responders] == counts
    tripped = [r for r in responders if r.is_paused]
    assert tripped
    expected = (
        f"auto-reply paused: more than {MAX_REPLIES_PER_SECOND} replies a second — "
        "is the peer echoing back?"
    )
    assert all(r.pause_message == expected for r in tripped)
    assert collector.items == [expected] * len(tripped), "each reports once"
    assert collector.in_gui_thread == {True}
    assert all(r.replies_sent <= MAX_REPLIES_PER_SECOND for r in tripped)
    # resume() starts replying again with the same rule.
    tripped[0].resume()
    assert not tripped[0].is_paused and tripped[0].replies_sent == 0


# ----------------------------------------------------------------- CaptureTap
def test_capture_tap_writes_received_bytes_and_reports_a_write_error(qtbot, controllers, tmp_path):
    ctl = controllers()
    tap = CaptureTap(RawCapture(tmp_path / "rx.bin"))
    ctl.add_tap(tap)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"\x00raw\xff")
        qtbot.waitUntil(lambda: tap.bytes_written == 5, timeout=WAIT_MS)
    assert (tap.path, tap.error, tap.records_written, tap.closed) == (
        str(tmp_path / "rx.bin"),
        None,
        0,
        False,
    )
    ctl.remove_tap(tap)
    tap.close()
    assert tap.closed
    assert (tmp_path / "rx.bin").read_bytes() == b"\x00raw\xff"


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
def test_capture_tap_write_failure_sets_error_and_keeps_the_session(qtbot, controllers, tmp_path):
    ctl = controllers()
    path = tmp_path / "full.bin"
    tap = CaptureTap(RawCapture(path))  # captures refuse devices: a full disk behind a file
    fill_disk(tap.capture)
    ctl.add_tap(tap)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"disk full")
        qtbot.waitUntil(lambda: tap.error is not None, timeout=WAIT_MS)
        client.sendall(b"!")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 10, timeout=WAIT_MS)
    assert tap.error == f"cannot write to {path}: No space left on device"
    assert tap.closed
    assert ctl.taps() == [tap], "a capture that failed does not raise, so it is not removed"
