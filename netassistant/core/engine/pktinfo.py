"""UDP receive with the datagram's destination: ``IP_PKTINFO`` / ``IPV6_RECVPKTINFO``.

A socket bound to ``0.0.0.0`` (or ``::``) takes datagrams sent to any of the machine's
addresses and to the multicast groups it joined; only the kernel knows which one a
datagram was sent to, and it tells on request, as ancillary data of ``recvmsg()``.

Where it goes without a new Chunk field: the RX chunk's ``local`` is the datagram's
destination address and port followed by ``%`` and the receiving interface's name:
``127.0.0.2:5000%lo``, ``239.1.2.3:5000%eth0``, ``[ff02::1:3]:5000%lo``
(:func:`netassistant.core.chunk.parse_address` drops the ``%iface`` suffix).

This path makes one ``recvmsg()`` call per datagram and is chosen only when the session
asks for it (``SessionConfig.pktinfo``): the ``recvmmsg()`` fast path stays as it was.
"""

from __future__ import annotations

import socket
import struct
import time
from typing import Any

from netassistant.core.chunk import Chunk, ChunkFlag, Direction, format_address
from netassistant.core.engine.base import READ_BUDGET
from netassistant.core.engine.udp_receive import DROP_POLL_INTERVAL, DatagramReader

#: Linux values; Python's socket module lacks IP_PKTINFO before 3.13.
IP_PKTINFO = int(getattr(socket, "IP_PKTINFO", 8))
IPV6_RECVPKTINFO = int(getattr(socket, "IPV6_RECVPKTINFO", 49))
IPV6_PKTINFO = int(getattr(socket, "IPV6_PKTINFO", 50))
_MSG_TRUNC = int(getattr(socket, "MSG_TRUNC", 0))
_ANCILLARY = socket.CMSG_SPACE(32)


def enable(sock: socket.socket) -> None:
    """Ask the kernel to report each datagram's destination on ``sock``.

    Raises:
        OSError: the system does not support it.
    """
    if sock.family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, IPV6_RECVPKTINFO, 1)
    else:
        sock.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)


def destination(ancdata: list[tuple[int, int, bytes]], port: int, fallback: str) -> str:
    """The ``local`` of a datagram from its ancillary data (``fallback`` if none came)."""
    for level, kind, data in ancdata:
        if level == socket.IPPROTO_IP and kind == IP_PKTINFO and len(data) >= 12:
            index = struct.unpack_from("@i", data)[0]
            host = socket.inet_ntop(socket.AF_INET, data[8:12])
        elif level == socket.IPPROTO_IPV6 and kind == IPV6_PKTINFO and len(data) >= 20:
            host = socket.inet_ntop(socket.AF_INET6, data[:16])
            index = struct.unpack_from("@I", data, 16)[0]
        else:
            continue
        return format_address((host, port)) + _interface_suffix(index)
    return fallback


def _interface_suffix(index: int) -> str:
    try:
        return "%" + socket.if_indextoname(index)
    except OSError:
        return f"%{index}" if index else ""


class PktinfoReader(DatagramReader):
    """A :class:`DatagramReader` whose RX chunks carry each datagram's destination."""

    _last_anc: list[tuple[int, int, bytes]] | None = None
    _last_local = ""

    def read(self) -> int:
        """Read what is waiting (bounded), one ``recvmsg()`` per datagram."""
        engine = self._engine
        sock = self._sock
        port = sock.getsockname()[1]
        count = 0
        budget = 1 if engine.read_delay else READ_BUDGET
        for _ in range(budget):
            size = engine.recv_size
            try:
                data, ancdata, msg_flags, addr = sock.recvmsg(size, _ANCILLARY)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._report(exc)
                break
            truncated = bool(msg_flags & _MSG_TRUNC)
            flags = ChunkFlag.TRUNCATED if truncated else ChunkFlag.NONE
            if addr != self.last_addr:
                self._set_sender(addr)
            if ancdata != self._last_anc:  # formatting is most of the cost: once per change
                self._last_anc = ancdata
                self._last_local = destination(ancdata, port, engine.local_address)
            local = self._last_local
            fields: tuple[Any, ...] = (
                engine.next_seq(),
                time.time_ns(),
                0,
                Direction.RX,
                local,
                self.last_peer,
                data,
                flags,
                -1,
            )
            engine.emit_all([tuple.__new__(Chunk, fields)], len(data))
            count += 1
        if count and self._counting and self._poll_timer is None:
            self._poll_timer = engine.call_later(DROP_POLL_INTERVAL, self._on_poll_timer)
        return count
