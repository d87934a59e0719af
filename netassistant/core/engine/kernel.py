"""What the kernel knows that a socket call does not say: Linux ``/proc`` readers.

A failed ``bind()`` only says "address in use"; ``/proc/net/tcp`` says whether a
listening socket or connections in TIME_WAIT hold the port. A full accept queue
drops connection attempts without any error on our socket; ``/proc/net/netstat``
counts them. Every reader returns None (or a fallback) where ``/proc`` is missing,
so the callers keep their plain message on other systems.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import struct

#: States in /proc/net/tcp* (include/net/tcp_states.h).
_TCP_TIME_WAIT = "06"
_TCP_LISTEN = "0A"
_TCP_TABLES = ("/proc/net/tcp", "/proc/net/tcp6")


@dataclasses.dataclass(frozen=True, slots=True)
class PortHolders:
    """The TCP sockets the kernel holds on one local port.

    Attributes:
        listening: Sockets in LISTEN.
        time_wait: Connections in TIME_WAIT.
        other: Sockets in any other state (connected, closing, ...).
    """

    listening: int = 0
    time_wait: int = 0
    other: int = 0


def tcp_port_holders(port: int, tables: tuple[str, ...] = _TCP_TABLES) -> PortHolders | None:
    """Who holds local TCP ``port`` (IPv4 and IPv6), or None if ``/proc`` cannot tell."""
    counts = {"listening": 0, "time_wait": 0, "other": 0}
    read_any = False
    wanted = f"{port:04X}"
    for path in tables:
        try:
            with open(path, encoding="ascii") as fh:
                lines = fh.readlines()[1:]
        except OSError:
            continue
        read_any = True
        for line in lines:
            fields = line.split()
            if len(fields) < 4 or fields[1].rpartition(":")[2] != wanted:
                continue
            if fields[3] == _TCP_LISTEN:
                counts["listening"] += 1
            elif fields[3] == _TCP_TIME_WAIT:
                counts["time_wait"] += 1
            else:
                counts["other"] += 1
    return PortHolders(**counts) if read_any else None


def listen_overflows(path: str = "/proc/net/netstat") -> int | None:
    """The system-wide TcpExt ListenOverflows counter, or None where it cannot be read."""
    try:
        with open(path, encoding="ascii") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    # The file pairs a header line with a values line per protocol extension.
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:") and values.startswith("TcpExt:"):
            with contextlib.suppress(ValueError, IndexError):
                return int(values.split()[names.split().index("ListenOverflows")])
    return None


def accept_queue_full(listener: socket.socket) -> bool | None:
    """True if a listening TCP socket's accept queue is full now (Linux TCP_INFO).

    None if the system cannot tell.

    For a listening socket the kernel reports the queue's length in ``tcpi_unacked`` and
    its limit in ``tcpi_sacked`` (the u32 fields at offsets 24 and 28 of ``struct tcp_info``).
    """
    option = getattr(socket, "TCP_INFO", None)
    if option is None or listener.family not in (socket.AF_INET, socket.AF_INET6):
        return None
    try:
        info = listener.getsockopt(socket.IPPROTO_TCP, option, 32)
    except OSError:
        return None
    if len(info) < 32:
        return None
    length, limit = struct.unpack_from("=II", info, 24)
    return bool(length >= limit)


def max_backlog() -> int:
    """The largest listen() backlog the system honours (``net.core.somaxconn`` on Linux)."""
    try:
        with open("/proc/sys/net/core/somaxconn", encoding="ascii") as fh:
            return max(1, int(fh.read().strip()))
    except (OSError, ValueError):
        return socket.SOMAXCONN


def descriptor_limit() -> int | None:
    """The soft limit on open file descriptors (RLIMIT_NOFILE), or None if unknown/unlimited."""
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft
