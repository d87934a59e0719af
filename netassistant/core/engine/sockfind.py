"""Find TCP sockets of this machine by their 4-tuple: the peer's on loopback, our closed one.

Linux answers "which socket is ``local`` -> ``remote``, in what state" through the
``sock_diag`` netlink interface (``NETLINK_SOCK_DIAG``, what ``ss`` uses) one socket
at a time, TIME_WAIT included, in microseconds whatever the size of the system's table.
Reading ``/proc/net/tcp`` instead costs the kernel a walk over every socket: 0.1 s on a
machine with 20,000 of them (10,000 loopback clients, or the TIME_WAITs they leave),
every time. So netlink first; where it is refused (some sandboxes), one read of the
``/proc`` table (:func:`~netassistant.core.engine.kernel.read_tcp_table`) serves all the
lookups of a tick.
"""

from __future__ import annotations

import contextlib
import socket
import struct
from collections.abc import Iterable

from netassistant.core.engine.kernel import (
    TCP_STATE_NAMES,
    TableEntry,
    read_tcp_table,
    table_keys,
)

Endpoint = tuple[str, int]
Pair = tuple[Endpoint, Endpoint]

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST = 1
NLMSG_ERROR = 2
_NLMSGHDR = struct.Struct("=IHHII")
#: inet_diag_req_v2 before its sockid: family, protocol, ext, pad, states.
_REQ_HEAD = struct.Struct("=BBBBI")
#: inet_diag_msg: family, state, timer, retrans, then the sockid (48 bytes), then
#: expires, rqueue, wqueue, uid, inode.
_MSG_HEAD = struct.Struct("=BBBB")
_MSG_TAIL = struct.Struct("=IIIII")
_SOCKID_LEN = 48
_TIMER_NONE = 0
_NO_COOKIE = 0xFFFFFFFF


def _sockid(local: Endpoint, remote: Endpoint, family: int) -> bytes:
    src = socket.inet_pton(family, local[0]).ljust(16, b"\0")
    dst = socket.inet_pton(family, remote[0]).ljust(16, b"\0")
    return (
        struct.pack("!HH", local[1], remote[1])
        + src
        + dst
        + struct.pack("=III", 0, _NO_COOKIE, _NO_COOKIE)
    )


def _family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


class SocketFinder:
    """Looks sockets up by 4-tuple: sock_diag where the system allows it, else ``/proc``.

    Attributes:
        netlink: True while lookups go through sock_diag.
    """

    def __init__(self) -> None:
        self._sock: socket.socket | None = None
        self.netlink = hasattr(socket, "AF_NETLINK")
        self._seq = 0

    def find(self, pairs: Iterable[Pair]) -> dict[Pair, TableEntry] | None:
        """The sockets ``local -> remote`` that exist, by pair; None if the system cannot tell.

        A pair missing from the answer has no socket (closed, or never there).
        """
        wanted = list(dict.fromkeys(pairs))
        if self.netlink:
            found: dict[Pair, TableEntry] = {}
            try:
                for pair in wanted:
                    entry = self._ask(*pair)
                    if entry is not None:
                        found[pair] = entry
                return found
            except OSError:
                self.close()
                self.netlink = False  # refused here: the /proc table from now on
        return self._from_table(wanted)

    def close(self) -> None:
        """Close the netlink socket (idempotent)."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _ask(self, local: Endpoint, remote: Endpoint) -> TableEntry | None:
        family = _family(local[0])
        try:
            sockid = _sockid(local, remote, family)
        except OSError:
            return None  # not an IP address (cannot be in the table)
        if self._sock is None:
            sock = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG)
            sock.settimeout(1.0)  # the kernel answers at once; never hang the loop
            self._sock = sock
        self._seq += 1
        body = _REQ_HEAD.pack(family, socket.IPPROTO_TCP, 0, 0, 0xFFFFFFFF) + sockid
        header = _NLMSGHDR.pack(
            _NLMSGHDR.size + len(body), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, self._seq, 0
        )
        self._sock.send(header + body)
        while True:
            reply = self._sock.recv(8192)
            if len(reply) < _NLMSGHDR.size:
                return None
            _length, kind, _flags, seq, _pid = _NLMSGHDR.unpack_from(reply)
            if seq == self._seq:
                break
        if kind == NLMSG_ERROR:
            return None  # ENOENT: no such socket
        offset = _NLMSGHDR.size
        _fam, state, timer, _retrans = _MSG_HEAD.unpack_from(reply, offset)
        ports = struct.unpack_from("!HH", reply, offset + _MSG_HEAD.size)
        if ports != (local[1], remote[1]):
            return None  # the kernel fell back to the listening socket: ours is gone
        expires, rqueue, wqueue, _uid, _inode = _MSG_TAIL.unpack_from(
            reply, offset + _MSG_HEAD.size + _SOCKID_LEN
        )
        return TableEntry(
            TCP_STATE_NAMES.get(state, str(state)),
            wqueue,
            rqueue,
            expires if timer != _TIMER_NONE else None,
        )

    def _from_table(self, wanted: list[Pair]) -> dict[Pair, TableEntry] | None:
        keys = {pair: table_keys(*pair) for pair in wanted}
        table = read_tcp_table({key for spellings in keys.values() for key in spellings})
        if table is None:
            return None
        found: dict[Pair, TableEntry] = {}
        for pair, spellings in keys.items():
            for key in spellings:
                with contextlib.suppress(KeyError):
                    found[pair] = table[key]
                    break
        return found
