"""The loads the benchmarks send over loopback, each run in a child process.

Imported by the benchmark scripts next to this file (their folder is on ``sys.path``).
"""

from __future__ import annotations

import contextlib
import socket
import time

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
    port: int, size: int, seconds: float, *, end_markers: int = 20, marker_gap: float = 0.005
) -> None:
    """Send ``size``-byte datagrams to HOST:port for ``seconds``, then empty end markers."""
    payload = b"\x5a" * size
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect((HOST, port))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for _ in range(256):
                with contextlib.suppress(BlockingIOError, ConnectionRefusedError):
                    s.send(payload)
        # End marker: a few empty datagrams.
        for _ in range(end_markers):
            with contextlib.suppress(ConnectionRefusedError):
                s.send(b"")
            time.sleep(marker_gap)
