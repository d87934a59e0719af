"""The loads the benchmarks send over loopback, each run in a child process.

Imported by the benchmark scripts next to this file (their folder is on ``sys.path``).
"""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

HOST = "127.0.0.1"
_BLOCK = 256 * 1024


def tcp_sender(
    port: int,
    seconds: float,
    total: int | None = None,
    *,
    fill: bytes = b"\x5a",
    timeout: float = 30.0,
) -> None:
    """Connect to HOST:port and send 256 KiB blocks for ``seconds`` (at most ``total`` bytes)."""
    block = fill * _BLOCK
    with socket.create_connection((HOST, port), timeout=timeout) as s:
        sent = 0
        deadline = time.monotonic() + seconds
        while (total is None or sent < total) and time.monotonic() < deadline:
            n = len(block) if total is None else min(len(block), total - sent)
            s.sendall(block[:n])
            sent += n


def udp_sender(
    port: int,
    size: int,
    seconds: float,
    *,
    end_markers: int = 20,
    marker_gap: float = 0.005,
    sent: Any = None,
) -> None:
    """Send ``size``-byte datagrams to HOST:port for ``seconds``, then empty end markers.

    ``sent``: a ``multiprocessing.Value`` that is set, at the end, to the number of
    datagrams the kernel accepted (end markers included), for loss accounting.
    """
    payload = b"\x5a" * size
    accepted = 0
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect((HOST, port))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for _ in range(256):
                try:
                    s.send(payload)
                except (BlockingIOError, ConnectionRefusedError):
                    continue
                accepted += 1
        # End marker: a few empty datagrams.
        for _ in range(end_markers):
            with contextlib.suppress(ConnectionRefusedError):
                s.send(b"")
                accepted += 1
            time.sleep(marker_gap)
    if sent is not None:
        sent.value = accepted
