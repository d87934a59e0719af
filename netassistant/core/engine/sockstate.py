"""What the kernel says about one of our TCP sockets: ``TCP_INFO`` and its queues (Linux).

``getsockopt(TCP_INFO)`` fills a ``struct tcp_info`` (include/uapi/linux/tcp.h); we read
the prefix we need with :mod:`struct` rather than a library, because it is a fixed
C layout that has only grown at its end since Linux 2.6. ``ioctl(SIOCINQ)`` and
``ioctl(SIOCOUTQ)`` give the bytes waiting in the receive queue (not yet taken by
``recv()``) and in the send queue (not yet acknowledged by the peer). Every reader
returns None where the system gives no such data: the callers say so, never guess.
"""

from __future__ import annotations

import socket
import struct
import sys

from netassistant.core.engine.kernel import TCP_STATE_NAMES
from netassistant.core.records import FrozenRecord

#: struct tcp_info up to and including tcpi_total_retrans (u32 at offset 100).
_INFO_LEN = 104
#: ioctl numbers of Linux (asm-generic): SIOCINQ is FIONREAD, SIOCOUTQ is TIOCOUTQ.
SIOCINQ = 0x541B
SIOCOUTQ = 0x5411


def supported() -> bool:
    """True where TCP_INFO and the queue ioctls exist (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "TCP_INFO")


class TcpInfo(FrozenRecord):
    """The part of ``struct tcp_info`` the state view shows.

    Attributes:
        state: State name (``ESTABLISHED``, ``LISTEN``...).
        retransmits: Retransmissions of the segment now being retried (``tcpi_retransmits``).
        total_retrans: Segments retransmitted over the connection's life.
        rtt_us: Smoothed round-trip time in microseconds.
        unacked: Segments sent and not yet acknowledged; for a LISTEN socket, the
            length of the accept queue.
        sacked: Segments selectively acknowledged; for a LISTEN socket, the backlog.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "state",
        "retransmits",
        "total_retrans",
        "rtt_us",
        "unacked",
        "sacked",
    )
    state: str
    retransmits: int
    total_retrans: int
    rtt_us: int
    unacked: int
    sacked: int

    def __init__(
        self,
        state: str,
        retransmits: int,
        total_retrans: int,
        rtt_us: int,
        unacked: int,
        sacked: int,
    ) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(state, retransmits, total_retrans, rtt_us, unacked, sacked)


def tcp_info(sock: socket.socket) -> TcpInfo | None:
    """``TCP_INFO`` of ``sock``, or None where it cannot be read (closed, not TCP, not Linux)."""
    try:
        raw = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, _INFO_LEN)
    except (OSError, AttributeError):
        return None
    if len(raw) < _INFO_LEN:
        return None
    state, _ca, retransmits = struct.unpack_from("=BBB", raw, 0)
    unacked, sacked = struct.unpack_from("=II", raw, 24)
    (rtt,) = struct.unpack_from("=I", raw, 68)
    (total,) = struct.unpack_from("=I", raw, 100)
    return TcpInfo(TCP_STATE_NAMES.get(state, str(state)), retransmits, total, rtt, unacked, sacked)


def queue_sizes(sock: socket.socket) -> tuple[int, int] | None:
    """Bytes in ``sock``'s receive queue and send queue, or None where unknown."""
    import fcntl  # not on Windows

    buf = bytearray(4)
    try:
        fcntl.ioctl(sock.fileno(), SIOCINQ, buf)
        rx = int.from_bytes(buf, sys.byteorder)
        fcntl.ioctl(sock.fileno(), SIOCOUTQ, buf)
        tx = int.from_bytes(buf, sys.byteorder)
    except (OSError, ValueError):
        return None
    return rx, tx
