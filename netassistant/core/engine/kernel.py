"""What the kernel knows that a socket call does not say: Linux ``/proc`` readers.

A failed ``bind()`` only says "address in use"; ``/proc/net/tcp`` says whether a
listening socket or connections in TIME_WAIT hold the port. A full accept queue
drops connection attempts without any error on our socket; ``/proc/net/netstat``
counts them. Every reader returns None (or a fallback) where ``/proc`` is missing,
so the callers keep their plain message on other systems.

The records are :class:`~netassistant.core.records.FrozenRecord` s: a TCP session's first
kernel-state sample loads this module, and a frozen dataclass or a ``NamedTuple`` costs
a one-shot CLI run's start-up ten times as much to define.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct

from netassistant.core.records import FrozenRecord

#: States in /proc/net/tcp* (include/net/tcp_states.h).
_TCP_TIME_WAIT = "06"
_TCP_LISTEN = "0A"
_TCP_TABLES = ("/proc/net/tcp", "/proc/net/tcp6")


class PortHolders(FrozenRecord):
    """The TCP sockets the kernel holds on one local port.

    Attributes:
        listening: Sockets in LISTEN.
        time_wait: Connections in TIME_WAIT.
        other: Sockets in any other state (connected, closing, ...).
    """

    __slots__ = ("listening", "time_wait", "other")  # noqa: RUF023 (the fields in order)
    listening: int
    time_wait: int
    other: int

    def __init__(self, listening: int = 0, time_wait: int = 0, other: int = 0) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(listening, time_wait, other)


def _table_rows(tables: tuple[str, ...]) -> tuple[bool, list[list[str]]]:
    """The split rows of the TCP socket tables, and whether any table could be read."""
    rows: list[list[str]] = []
    read_any = False
    for path in tables:
        try:
            with open(path, encoding="ascii") as fh:
                lines = fh.readlines()[1:]
        except OSError:
            continue
        read_any = True
        # Only the first six columns are used: not splitting the rest makes a table of
        # 20,000 sockets (10,000 loopback clients) about three times cheaper to read.
        rows.extend(line.split(None, 6) for line in lines)
    return read_any, rows


def tcp_port_holders(port: int, tables: tuple[str, ...] = _TCP_TABLES) -> PortHolders | None:
    """Who holds local TCP ``port`` (IPv4 and IPv6), or None if ``/proc`` cannot tell."""
    counts = {"listening": 0, "time_wait": 0, "other": 0}
    wanted = f"{port:04X}"
    read_any, rows = _table_rows(tables)
    for fields in rows:
        if len(fields) < 4 or fields[1].rpartition(":")[2] != wanted:
            continue
        if fields[3] == _TCP_LISTEN:
            counts["listening"] += 1
        elif fields[3] == _TCP_TIME_WAIT:
            counts["time_wait"] += 1
        else:
            counts["other"] += 1
    return PortHolders(**counts) if read_any else None


#: Kernel TCP state numbers (include/net/tcp_states.h), as TCP_INFO and /proc name them.
TCP_STATE_NAMES: dict[int, str] = {
    1: "ESTABLISHED",
    2: "SYN_SENT",
    3: "SYN_RECV",
    4: "FIN_WAIT1",
    5: "FIN_WAIT2",
    6: "TIME_WAIT",
    7: "CLOSED",
    8: "CLOSE_WAIT",
    9: "LAST_ACK",
    10: "LISTEN",
    11: "CLOSING",
    12: "SYN_RECV",  # TCP_NEW_SYN_RECV: a request socket, shown as the RFC names it
}

#: A /proc/net/tcp* row key: local and remote ``ADDR:PORT`` exactly as the file writes them.
TableKey = tuple[str, str]


class TableEntry(FrozenRecord):
    """One socket of the system's TCP table.

    Attributes:
        state: Its state name (:data:`TCP_STATE_NAMES`).
        tx_queue: Bytes in its send queue.
        rx_queue: Bytes in its receive queue.
        timer_ms: Time left on its timer (TIME_WAIT: until the kernel forgets it), or
            None when no timer runs.
    """

    __slots__ = ("state", "tx_queue", "rx_queue", "timer_ms")  # noqa: RUF023 (the fields in order)
    state: str
    tx_queue: int
    rx_queue: int
    timer_ms: int | None

    def __init__(self, state: str, tx_queue: int, rx_queue: int, timer_ms: int | None) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(state, tx_queue, rx_queue, timer_ms)


def table_address(host: str, port: int) -> list[str]:
    """How ``/proc/net/tcp*`` writes ``host:port``: its candidate spellings.

    The kernel prints each 32-bit word of the address in host byte order. An IPv4
    address has two spellings: its own (``tcp``) and IPv4-mapped (``tcp6``, for a
    dual-stack socket); an unparsable host has none.
    """
    try:
        if ":" in host:
            raw = socket.inet_pton(socket.AF_INET6, host.partition("%")[0])
            mapped = raw[:12] == b"\0" * 10 + b"\xff\xff"
            forms = [raw] + ([raw[12:]] if mapped else [])
        else:
            four = socket.inet_pton(socket.AF_INET, host)
            forms = [four, b"\0" * 10 + b"\xff\xff" + four]
    except (OSError, ValueError):
        return []
    spelled = []
    for raw in forms:
        words = struct.unpack(f"={len(raw) // 4}I", raw)
        spelled.append("".join(f"{word:08X}" for word in words) + f":{port:04X}")
    return spelled


def table_keys(local: tuple[str, int], remote: tuple[str, int]) -> list[TableKey]:
    """The keys under which the socket ``local`` -> ``remote`` may sit in the TCP table."""
    locals_, remotes = table_address(*local), table_address(*remote)
    # An address and its partner are spelled in the same family in one row.
    return [(a, b) for a, b in zip(locals_, remotes, strict=False)]


def read_tcp_table(
    wanted: set[TableKey], tables: tuple[str, ...] = _TCP_TABLES
) -> dict[TableKey, TableEntry] | None:
    """The rows of the system's TCP table whose (local, remote) key is in ``wanted``.

    None where ``/proc`` cannot be read. One read of each file serves every connection
    a caller watches: a server with many clients asks once per tick, not once each.
    """
    read_any, rows = _table_rows(tables)
    if not read_any:
        return None
    found: dict[TableKey, TableEntry] = {}
    ticks = _clock_ticks()
    for fields in rows:
        if len(fields) < 6 or (fields[1], fields[2]) not in wanted:
            continue
        with contextlib.suppress(ValueError):
            tx, _, rx = fields[4].partition(":")
            timer, _, when = fields[5].partition(":")
            found[(fields[1], fields[2])] = TableEntry(
                TCP_STATE_NAMES.get(int(fields[3], 16), fields[3]),
                int(tx, 16),
                int(rx, 16),
                int(when, 16) * 1000 // ticks if int(timer, 16) else None,
            )
    return found


def _clock_ticks() -> int:
    """Units of the table's timer column per second (USER_HZ)."""
    try:
        return max(1, os.sysconf("SC_CLK_TCK"))
    except (AttributeError, ValueError, OSError):
        return 100


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


class TcpSocket(FrozenRecord):
    """One line of ``/proc/net/tcp*``: a TCP socket the kernel holds.

    Attributes:
        local: Local address, formatted like the engines' (``127.0.0.1:9000``, ``[::1]:9000``).
        remote: Remote address, formatted the same way.
        state: The state's name (``ESTABLISHED``, ``TIME_WAIT``...).
        tx_queue: Bytes sent and not yet acknowledged (or the accept queue of a LISTEN socket).
        rx_queue: Bytes received and not yet read.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "local",
        "remote",
        "state",
        "tx_queue",
        "rx_queue",
    )
    local: str
    remote: str
    state: str
    tx_queue: int
    rx_queue: int

    def __init__(self, local: str, remote: str, state: str, tx_queue: int, rx_queue: int) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(local, remote, state, tx_queue, rx_queue)


def tcp_sockets(port: int, tables: tuple[str, ...] = _TCP_TABLES) -> list[TcpSocket] | None:
    """The TCP sockets whose local or remote port is ``port``, or None if ``/proc`` cannot tell."""
    found: list[TcpSocket] = []
    wanted = f"{port:04X}"
    read_any, rows = _table_rows(tables)
    for fields in rows:
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
                    TCP_STATE_NAMES.get(int(fields[3], 16), fields[3]),
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
