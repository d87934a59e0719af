"""The traffic generator (rate-paced send plans) over real loopback TCP and UDP.

The achieved rate is judged on the engine's own clock (messages sent over the time since
the first send, as the runner reports it) and checked against what the receiver counted,
so a loaded machine that delays the test thread cannot make it pass or fail by luck.
"""

from __future__ import annotations

import math
import socket
import threading

import pytest

from netassistant.core.chunk import ConnEvent, Direction, EventKind
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.sending.plans import SendPlan
from tests.helpers import TIMEOUT, Harness, running


class Counter:
    """A loopback peer (UDP socket or accepted TCP connection) counting what arrives."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.bytes = 0
        self.datagrams = 0
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        self.sock.settimeout(0.3)
        idle = 0
        while idle < 20:  # bounded: gives up after ~6 s of silence
            try:
                data = self.sock.recv(65536)
            except TimeoutError:
                idle += 1
                continue
            except OSError:
                return
            if not data:
                return
            idle = 0
            self.bytes += len(data)
            self.datagrams += 1

    def wait(self, total: int) -> None:
        for _ in range(100):
            if self.bytes >= total:
                return
            self.thread.join(0.05)
        assert self.bytes == total


def run_plan(h: Harness, plan: SendPlan) -> ConnEvent:
    plan_id = h.engine.start_plan(plan)
    return h.wait_for(
        lambda evs: next(
            (
                e
                for e in evs
                if isinstance(e, ConnEvent)
                and e.plan_id == plan_id
                and e.state not in ("", "running")
            ),
            None,
        ),
        TIMEOUT + (plan.duration_s or 0),
    )


def check_rate(end: ConnEvent, target: float) -> None:
    """The rate as the engine measured it: the messages after the first over its clock."""
    assert end.state == "done", end.message
    detail = end.detail
    assert detail is not None
    assert detail["target"] == target
    elapsed = float(detail["elapsed_s"])  # type: ignore[arg-type]
    # Both figures are rounded in the event (3 and 6 decimals): compare to 1 in 10^5.
    assert detail["achieved"] == pytest.approx((end.sent - 1) / elapsed, rel=1e-5)


@pytest.mark.parametrize("rate", [200.0, 2000.0])
def test_tcp_rate_for_a_duration(rate):
    payload = b"0123456789abcdef"
    with socket.create_server(("127.0.0.1", 0)) as listener:
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=listener.getsockname()[1])
        with running(config) as h:
            conn, _ = listener.accept()
            with conn:
                counter = Counter(conn)
                h.wait_event(EventKind.CONNECTED)
                end = run_plan(h, SendPlan(payload, count=0, rate=rate, duration_s=1.0))
                check_rate(end, rate)
                assert abs(end.sent - (1 + rate)) <= 0.05 * rate
                counter.wait(end.sent * len(payload))
                assert counter.bytes == end.sent * len(payload)


@pytest.mark.parametrize("rate", [200.0, 2000.0])
def test_udp_rate_for_a_duration(rate):
    payload = b"0123456789abcdef"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as rx:
        rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        rx.bind(("127.0.0.1", 0))
        counter = Counter(rx)
        config = SessionConfig(kind=Kind.UDP, local_port=0, remote_port=rx.getsockname()[1])
        with running(config) as h:
            h.wait_event(EventKind.LISTENING)
            end = run_plan(h, SendPlan(payload, count=0, rate=rate, duration_s=1.0))
            check_rate(end, rate)
            # Counted on the engine's clock: one message at t=0, then one per 1/rate s for
            # the 1 s (a busy machine delays sends; the token bucket catches them up).
            assert abs(end.sent - (1 + rate)) <= 0.05 * rate
            assert float(end.detail["elapsed_s"]) >= 1.0  # type: ignore[index,arg-type]
            tx = h.chunks(Direction.TX)
            assert len(tx) == end.sent
            assert all(c.data == payload for c in tx)
            counter.wait(end.sent * len(payload))
            assert counter.datagrams == end.sent
            assert "rate send: done, %d sent" % end.sent in end.message
            assert f"msg/s (target {rate:,.0f} msg/s)" in end.message


def test_tcp_bytes_per_second_with_a_count():
    payload = bytes(range(100))
    with socket.create_server(("127.0.0.1", 0)) as listener:
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=listener.getsockname()[1])
        with running(config) as h:
            conn, _ = listener.accept()
            with conn:
                counter = Counter(conn)
                h.wait_event(EventKind.CONNECTED)
                # 1,000 messages of 100 B at 200,000 B/s: 2,000 msg/s, about half a second.
                end = run_plan(h, SendPlan(payload, count=1000, bps=200_000.0))
                assert end.sent == 1000
                assert end.detail is not None
                assert end.detail["unit"] == "B/s"
                assert end.detail["bytes"] == 100_000
                assert abs(float(end.detail["achieved"]) - 200_000) <= 10_000, end.detail
                counter.wait(100_000)
                assert counter.bytes == 100_000
                assert b"".join(c.data for c in h.chunks(Direction.TX)) == payload * 1000


def test_tcp_rate_cancelled_reports_how_far():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        config = SessionConfig(kind=Kind.TCP_CLIENT, remote_port=listener.getsockname()[1])
        with running(config) as h:
            conn, _ = listener.accept()
            with conn:
                Counter(conn)
                h.wait_event(EventKind.CONNECTED)
                plan_id = h.engine.start_plan(SendPlan(b"x", count=0, rate=500.0))
                first = h.wait_for(
                    lambda evs: next(
                        (
                            e
                            for e in evs
                            if isinstance(e, ConnEvent)
                            and e.plan_id == plan_id
                            and e.state == "running"
                            and e.sent > 5
                        ),
                        None,
                    )
                )
                assert "(target 500 msg/s)" in first.message
                h.engine.cancel_plan(plan_id)
                end = h.wait_for(
                    lambda evs: next(
                        (e for e in evs if isinstance(e, ConnEvent) and e.state == "cancelled"),
                        None,
                    )
                )
                assert end.message.startswith("rate send cancelled after %d sent, " % end.sent)
                assert len(h.chunks(Direction.TX)) == end.sent


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(rate=-1.0), "the rate must be a number above 0 and at most 1,000,000, not -1.0"),
        (dict(rate=math.nan), "the rate must be a number above 0 and at most 1,000,000, not nan"),
        (dict(rate=2e6), "the rate must be a number above 0 and at most 1,000,000, not 2000000.0"),
        (
            dict(bps=math.inf),
            "the bps must be a number above 0 and at most 10,000,000,000, not inf",
        ),
        (dict(rate=5.0, bps=5.0), "give a rate in messages/s or in bytes/s, not both"),
        (dict(duration_s=2.0), "a duration needs a rate (messages/s or bytes/s)"),
        (
            dict(rate=5.0, duration_s=-1.0),
            "the duration must be 0 (no limit) .. 31,536,000 s, not -1.0",
        ),
        (
            dict(rate=5.0, interval_ms=10),
            "a rate send paces each whole message itself: drop the interval, burst and split",
        ),
        (
            dict(rate=5.0, burst="back_to_back", count=3),
            "a rate send paces each whole message itself: drop the interval, burst and split",
        ),
    ],
)
def test_bad_rates_are_refused_with_words(kwargs, message):
    with pytest.raises(ValueError, match="^" + __import__("re").escape(message) + "$"):
        SendPlan(b"abc", **kwargs)


def test_a_rate_plan_is_called_a_rate_send():
    assert SendPlan(b"a", count=0, rate=10.0).title == "rate send"
