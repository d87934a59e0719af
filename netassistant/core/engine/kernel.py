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


#: State numbers of /proc/net/tcp* (include/net/tcp_states.h), named as ``ss`` names them.
TCP_STATE_NAMES = {
    "01": "ESTABLISHED",
    "02": "SYN_SENT",
    "03": "SYN_RECV",
    "04": "FIN_WAIT1",
    "05": "FIN_WAIT2",
    "06": "TIME_WAIT",
    "07": "CLOSE",
    "08": "CLOSE_WAIT",
    "09": "LAST_ACK",
    "0A": "LISTEN",
    "0B": "CLOSING",
}


@dataclasses.dataclass(frozen=True, slots=True)
class TcpSocket:
    """One line of ``/proc/net/tcp*``: a TCP socket the kernel holds.

    Attributes:
        local: Local address, formatted like the engines' (``127.0.0.1:9000``, ``[::1]:9000``).
        remote: Remote address, formatted the same way.
        state: The state's name (``ESTABLISHED``, ``TIME_WAIT``...).
        tx_queue: Bytes sent and not yet acknowledged (or the accept queue of a LISTEN socket).
        rx_queue: Bytes received and not yet read.
    """

    local: str
    remote: str
    state: str
    tx_queue: int
    rx_queue: int


def tcp_sockets(port: int, tables: tuple[str, ...] = _TCP_TABLES) -> list[TcpSocket] | None:
    """The TCP sockets whose local or remote port is ``port``, or None if ``/proc`` cannot tell."""
    found: list[TcpSocket] = []
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
            if len(fields) < 5:
                continue
            local, remote = fields[1], fields[2]
            if wanted not in (local.rpartition(":")[2], remote.rpartition(":")[2]):
                continue
            tx, _, rx = fields[4].partition(":")
            with contextlib.suppress(ValueError):
                found.append(
                    TcpSocket(
                        _proc_address(local),
                        _proc_address(remote),
                        TCP_STATE_NAMES.get(fields[3], fields[3]),
                        int(tx, 16),
                        int(rx, 16),
                    )
                )
    return found if read_any else None


def _proc_address(field: str) -> str:
    """``0100007F:2328`` -> ``127.0.0.1:9000`` (the kernel writes 32-bit words in host order)."""
    hex_ip, _, hex_port = field.partition(":")
    raw = bytes.fromhex(hex_ip)
    # Each 32-bit word is in the host's byte order: undo that, word by word.
    words = [raw[i : i + 4] for i in range(0, len(raw), 4)]
    packed = b"".join(struct.pack("=I", int.from_bytes(w, "big")) for w in words)
    family = socket.AF_INET if len(packed) == 4 else socket.AF_INET6
    host = socket.inet_ntop(family, packed)
    if host.startswith("::ffff:") and "." in host:
        host = host[7:]  # an IPv4 peer of a dual-stack socket, as the engines name it
    port = int(hex_port, 16)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
