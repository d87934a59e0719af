"""SendScript.sent: a script is done when the kernel has every byte, not when it was queued.

A front end that ends a send-only run (the CLI, like ``nc -q``) waits for ``on_sent``;
real loopback peers, one that reads and one that does not read yet.
"""

from __future__ import annotations

import socket
import threading
import time

from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import SendItem, SendScript
from tests.helpers import TIMEOUT, pipeline_running, recv_exactly


def watched(script: SendScript) -> list[tuple[bool, int]]:
    """Record each ``on_sent`` call as (script.sent, the thread it came on)."""
    calls: list[tuple[bool, int]] = []
    script.on_sent = lambda: calls.append((script.sent, threading.get_ident()))
    return calls


def test_on_sent_waits_for_the_kernel_to_take_the_last_byte():
    size = 16 * 1024 * 1024
    script = SendScript([SendItem(data=b"s" * size)])
    calls = watched(script)
    config = SessionConfig(kind=Kind.TCP_SERVER, sndbuf=65536)
    with pipeline_running(config) as h:
        h.pipeline.start_script(script)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
            h.wait_for(lambda _e: script.finished)
            time.sleep(0.3)  # the peer does not read: the kernel cannot take 16 MiB
            assert (script.sent, calls) == (False, [])
            assert h.pipeline.queued_bytes() > 0
            assert recv_exactly(client, size) == b"s" * size
            h.wait_for(lambda _e: calls)
            assert calls == [(True, h.thread.ident)]
            assert h.pipeline.queued_bytes() == 0


def test_on_sent_comes_once_after_a_repeated_script():
    script = SendScript([SendItem(data=b"ab"), SendItem(data=b"c")], repeat=3)
    calls = watched(script)
    with pipeline_running(SessionConfig(kind=Kind.TCP_SERVER)) as h:
        h.pipeline.start_script(script)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            assert recv_exactly(client, 9) == b"abcabcabc"
            h.wait_for(lambda _e: calls)
            time.sleep(0.1)
    assert calls == [(True, h.thread.ident)]
    assert script.sends_done == 6


def test_a_session_stopped_before_the_kernel_took_it_all_is_never_sent():
    """Stopped while the peer does not read: no on_sent, and sent stays False."""
    script = SendScript([SendItem(data=b"z" * (16 * 1024 * 1024))])
    calls = watched(script)
    config = SessionConfig(kind=Kind.TCP_SERVER, sndbuf=65536)
    with pipeline_running(config) as h:
        h.pipeline.start_script(script)
        with socket.create_connection(("127.0.0.1", h.port), timeout=TIMEOUT) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
            h.wait_for(lambda _e: script.finished)
            h.stop()
    assert (script.finished, script.error) == (True, "")
    assert (script.sent, calls) == (False, [])
