"""Behaviour every engine shares: prompt stop, no CPU while idle, batched events."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from netassistant.core.chunk import EventKind
from netassistant.core.config import Kind, SessionConfig
from tests.helpers import TIMEOUT, Harness, running

KINDS = [
    SessionConfig(kind=Kind.TCP_SERVER),
    SessionConfig(kind=Kind.UDP),
]


def _thread_cpu_ticks(native_id: int) -> int:
    with open(f"/proc/self/task/{native_id}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.mark.parametrize("config", KINDS, ids=lambda c: c.kind.value)
def test_stop_takes_effect_within_100_ms(config):
    h = Harness(config).start()
    time.sleep(0.05)
    t0 = time.monotonic()
    h.engine.stop()
    h.thread.join(TIMEOUT)
    assert time.monotonic() - t0 < 0.1
    assert h.kinds()[-1] is EventKind.STOPPED


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("config", KINDS, ids=lambda c: c.kind.value)
def test_idle_session_uses_no_cpu(config):
    with running(config) as h:
        time.sleep(0.1)
        before = _thread_cpu_ticks(h.thread.native_id)
        time.sleep(1.0)
        after = _thread_cpu_ticks(h.thread.native_id)
    # One clock tick is 10 ms: an idle loop blocked in select() accumulates none.
    assert after - before <= 1


def test_events_are_batched_by_flush_interval():
    with running(SessionConfig(kind=Kind.TCP_SERVER), flush_interval=0.1) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port)) as c:
            c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            deadline = time.monotonic() + 0.5
            sent = 0
            while time.monotonic() < deadline:
                c.sendall(b"x" * 100)
                sent += 100
                time.sleep(0.001)
            h.wait_rx_bytes(sent)
    # ~0.5 s of traffic in 100 ms batches: a handful of sink calls, not hundreds.
    assert h.batches <= 12
    seqs = [e.seq for e in h.events]
    assert seqs == list(range(1, len(seqs) + 1)), "every event delivered once, in order"


def test_commands_from_many_threads_all_arrive():
    with running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        with socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT) as c:
            h.wait_event(EventKind.ACCEPTED)

            def blast(tag: bytes) -> None:
                for i in range(200):
                    h.engine.send(tag + b"%03d;" % i)

            threads = [threading.Thread(target=blast, args=(t,)) for t in (b"A", b"B", b"C")]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            got = b""
            c.settimeout(TIMEOUT)
            while len(got) < 3 * 200 * 5:
                got += c.recv(65536)
    parts = got.split(b";")[:-1]
    assert len(parts) == 600
    for tag in (b"A", b"B", b"C"):
        assert [p for p in parts if p.startswith(tag)] == [tag + b"%03d" % i for i in range(200)]
