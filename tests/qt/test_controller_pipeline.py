"""SessionController's typed API over a real pipeline: taps, auto-reply, plans, decoding."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import QObject, Slot

from netassistant.core.autoreply import AutoReplyError, AutoReplyRule
from netassistant.core.capture import RawCapture
from netassistant.core.chunk import Chunk, Direction
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import CaptureTap, DecodeSettings, UnsupportedCommand
from netassistant.core.pipeline.responder import BOUNCE_LIMIT
from netassistant.core.sending.plans import SendPlan
from netassistant.core.stats import SessionState
from netassistant.qt.session import NotRunning, SessionController
from netassistant.qt.worker import MAX_INFLIGHT, MAX_INFLIGHT_BYTES
from tests.helpers import TIMEOUT, recv_exactly

WAIT_MS = int(TIMEOUT * 1000)


class Collector(QObject):
    """Receives str signals in the GUI thread and notes which thread it ran in."""

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
    return ctl.local_port


def nothing_more(sock: socket.socket, wait: float = 0.3) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(4096) == b""
    except TimeoutError:
        return True


# ------------------------------------------------------------------------ taps
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


def _held_back(sizes: list[int]) -> bool:
    """Whether the last of these batches is one the worker must hold back (none acked)."""
    if not sizes:
        return False
    *emitted, waiting = sizes
    # What was let through fits the caps (a first batch goes through whatever its size) ...
    fits = len(emitted) <= MAX_INFLIGHT and (
        len(emitted) <= 1 or sum(emitted) <= MAX_INFLIGHT_BYTES
    )
    # ... and the last one would not.
    full = len(emitted) == MAX_INFLIGHT or (
        bool(emitted) and sum(emitted) + waiting > MAX_INFLIGHT_BYTES
    )
    return fits and full


def test_taps_run_before_the_in_flight_wait(qtbot, controllers):
    """With the GUI not acknowledging batches the worker blocks, but only after the taps."""
    ctl = controllers()
    calls: list[int] = []  # data bytes of each batch the tap saw
    ctl.add_tap(lambda batch: calls.append(sum(len(e.data) for e in batch if type(e) is Chunk)))
    ctl.start(SessionConfig(kind=Kind.TCP_SERVER, recv_size=1024).validate())
    deadline = time.monotonic() + TIMEOUT
    while not ctl.local_port and time.monotonic() < deadline:
        time.sleep(0.01)
    port = ctl.local_port
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
        while not _held_back(calls) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        # The last batch went through the tap and waits; none came after it.
        assert _held_back(calls)
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
    assert blocker.args == ["a capture failed and was stopped: RuntimeError: boom"]
    assert len(ctl.taps()) == 1
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"still running")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 13, timeout=WAIT_MS)
    assert good


def test_capture_tap_writes_received_bytes(qtbot, controllers, tmp_path):
    ctl = controllers()
    tap = CaptureTap(RawCapture(tmp_path / "rx.bin"))
    ctl.add_tap(tap)
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"\x00raw\xff")
        qtbot.waitUntil(lambda: tap.bytes_written == 5, timeout=WAIT_MS)
    ctl.remove_tap(tap)
    tap.close()
    assert (tmp_path / "rx.bin").read_bytes() == b"\x00raw\xff"


# ------------------------------------------------------------------ auto-reply
def test_auto_reply_set_before_start_applies_and_can_be_switched(qtbot, controllers):
    ctl = controllers()
    ctl.set_auto_reply(AutoReplyRule(mode="match", match="ping", reply="pong"))
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"ping")
        assert recv_exactly(client, 4) == b"pong"
        ctl.set_auto_reply(None)
        client.sendall(b"ping")
        qtbot.waitUntil(lambda: ctl.stats.rx_bytes == 8, timeout=WAIT_MS)
        assert nothing_more(client)
    assert ctl.auto_reply is None


def test_an_invalid_rule_is_refused_in_the_gui_thread(controllers):
    ctl = controllers()
    with pytest.raises(AutoReplyError, match="regular expression"):
        ctl.set_auto_reply(AutoReplyRule(mode="match", match="(", match_mode="regex", reply="x"))
    assert ctl.auto_reply is None


def test_two_echoing_panes_stop_bouncing_and_say_so_in_the_gui_thread(qtbot, controllers):
    """The case the old guard missed: one message bouncing at ~30-60 replies a second."""
    a, b = controllers(), controllers()
    collector = Collector()
    for ctl in (a, b):
        ctl.set_auto_reply(AutoReplyRule())
        ctl.auto_reply_paused.connect(collector.add)
    start(qtbot, a, kind=Kind.UDP)
    port_b = start(qtbot, b, kind=Kind.UDP)
    assert a.send_to(b"bounce", "127.0.0.1", port_b)
    qtbot.waitUntil(lambda: bool(collector.items), timeout=BOUNCE_LIMIT * 200 + 3000)
    qtbot.wait(300)
    counts = (a.stats.rx_chunks, b.stats.rx_chunks)
    qtbot.wait(300)
    assert (a.stats.rx_chunks, b.stats.rx_chunks) == counts, "the bounce has died out"
    assert collector.items == [
        f"auto-reply paused: the peer sent our reply straight back {BOUNCE_LIMIT} times in a "
        "row — two echoing peers would bounce it forever"
    ]
    assert collector.in_gui_thread == {True}


# ---------------------------------------------------------------- typed commands
def test_commands_without_a_session_say_so(controllers):
    ctl = controllers()
    assert ctl.send(b"x") is False
    assert ctl.close_connection(1) is False
    assert ctl.cancel_plan(3) is False
    with pytest.raises(NotRunning, match="no session is running"):
        ctl.start_plan(SendPlan(b"x"))
    with pytest.raises(NotRunning, match="no session is running"):
        ctl.send_file("/dev/null")


def test_half_close_abort_and_close_reach_the_right_client(qtbot, controllers):
    ctl = controllers()
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with (
        socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as one,
        socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as two,
    ):
        qtbot.waitUntil(lambda: len(ctl.stats.clients) == 2, timeout=WAIT_MS)
        assert ctl.half_close(1)
        assert recv_exactly(one, 1) == b"", "FIN: recv() returns b''"
        assert ctl.abort(2)
        two.settimeout(TIMEOUT)
        with pytest.raises(ConnectionResetError, match="reset"):
            two.recv(10)
        assert ctl.close_connection(1)
        qtbot.waitUntil(lambda: not ctl.stats.clients, timeout=WAIT_MS)


def test_udp_commands_on_a_tcp_session_are_a_programming_error(qtbot, controllers):
    ctl = controllers()
    start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with pytest.raises(UnsupportedCommand, match="tcp-server sessions have no datagram"):
        ctl.send_to(b"x", "127.0.0.1", 9)


def test_plan_progress_is_derived_from_the_events(qtbot, controllers):
    ctl = controllers()
    progress: list[tuple[int, int, int, str]] = []
    ctl.plan_progress.connect(
        lambda pid, sent, total, state, _m: progress.append((pid, sent, total, state))
    )
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        qtbot.waitUntil(lambda: bool(ctl.stats.clients), timeout=WAIT_MS)
        plan_id = ctl.start_plan(SendPlan(b"m{n};", count=5, counter=True))
        assert recv_exactly(client, 15) == b"m1;m2;m3;m4;m5;"
        qtbot.waitUntil(lambda: any(p[3] == "done" for p in progress), timeout=WAIT_MS)
        periodic = ctl.start_plan(SendPlan(b"p", count=0, interval_ms=20))
        qtbot.waitUntil(lambda: ctl.stats.tx_bytes >= 18, timeout=WAIT_MS)
        assert ctl.cancel_plan(periodic)
        qtbot.waitUntil(lambda: any(p[3] == "cancelled" for p in progress), timeout=WAIT_MS)
    assert progress[-1][0] == periodic
    done = [p for p in progress if p[0] == plan_id and p[3] == "done"]
    assert done == [(plan_id, 5, 5, "done")]


def test_a_plan_cut_short_by_stop_still_ends_for_the_gui(qtbot, controllers):
    ctl = controllers()
    states: list[str] = []
    ctl.plan_progress.connect(lambda _pid, _s, _t, state, _m: states.append(state))
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT):
        qtbot.waitUntil(lambda: bool(ctl.stats.clients), timeout=WAIT_MS)
        ctl.start_plan(SendPlan(b"p", count=0, interval_ms=50))
        qtbot.waitUntil(lambda: "running" in states, timeout=WAIT_MS)
        with qtbot.waitSignal(ctl.finished, timeout=WAIT_MS):
            ctl.stop()
    assert states[-1] == "stopped"


# -------------------------------------------------------------------- decoding
def test_reconfigured_decoding_drops_batches_cut_the_old_way(qtbot, controllers):
    ctl = controllers()
    received: list[tuple[int, list[bytes]]] = []
    ctl.decoded_received.connect(
        lambda batch: received.append((batch.generation, [m.payload for m in batch.decoded]))
    )
    first = ctl.set_decoding(DecodeSettings("fixed:2"))
    port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
        client.sendall(b"abcd")
        qtbot.waitUntil(lambda: any(items for _g, items in received), timeout=WAIT_MS)
        second = ctl.set_decoding(DecodeSettings("delimiter:;"))
        client.sendall(b"xy;z;")
        qtbot.waitUntil(
            lambda: any(g == second and items for g, items in received), timeout=WAIT_MS
        )
    assert second == first + 1 == ctl.decode_generation
    by_generation: dict[int, list[bytes]] = {}
    for generation, items in received:
        by_generation.setdefault(generation, []).extend(items)
    assert by_generation[first] == [b"ab", b"cd"]
    assert by_generation[second] == [b"xy", b"z"]


def test_bad_decode_settings_change_nothing(controllers):
    ctl = controllers()
    with pytest.raises(ValueError, match="fixed"):
        ctl.set_decoding(DecodeSettings("fixed:0"))
    assert (ctl.decode_generation, ctl.decode_settings) == (0, DecodeSettings())


def test_numbers_stay_unique_in_a_log_across_stop_and_start(qtbot, controllers):
    """After Stop/Start the old rows stay: seqs and connection numbers go on, never restart."""
    ctl = controllers()
    seen: list = []
    ctl.events_received.connect(seen.extend)
    for _run in range(2):
        port = start(qtbot, ctl, kind=Kind.TCP_SERVER)
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
            client.sendall(b"x")
            qtbot.waitUntil(lambda: bool(ctl.stats.clients), timeout=WAIT_MS)
            qtbot.waitUntil(lambda: any(isinstance(e, Chunk) for e in seen[-3:]), timeout=WAIT_MS)
        with qtbot.waitSignal(ctl.finished, timeout=WAIT_MS):
            ctl.stop()
    seqs = [e.seq for e in seen]
    assert seqs == sorted(set(seqs)), "every seq once, in order"
    conns = [e.conn_id for e in seen if isinstance(e, Chunk)]
    assert conns == [1, 2], "the second run's first client is #2"
