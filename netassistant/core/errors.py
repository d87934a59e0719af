"""Plain-words messages for the socket errors a user meets.

The engines never show an ``OSError`` as it is: "[Errno 98] Address already in
use" tells a student nothing about TIME_WAIT. Each function here turns one
situation plus the OS error into one sentence: what went wrong, then what to do.
"""

from __future__ import annotations

import errno
import os
import socket
import stat

from netassistant.core.i18n import text
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from netassistant.core.engine.kernel import PortHolders


def bind_error(
    exc: OSError,
    where: str,
    *,
    port: int | None,
    unix: bool,
    reuseaddr: bool = False,
    holders: PortHolders | None = None,
) -> str:
    """Message for a failed ``bind()``.

    Args:
        exc: The error from bind().
        where: The formatted address or path that was asked for.
        port: The port number (None for AF_UNIX).
        unix: True for an AF_UNIX path.
        reuseaddr: SO_REUSEADDR was already set.
        holders: What the kernel holds on the port (TCP, read from ``/proc``), if known.
    """
    code = exc.errno
    if code == errno.EADDRINUSE:
        if unix:
            not_a_socket = _not_a_socket(where)
            if not_a_socket:
                return not_a_socket
            return text(
                "socket path {where} is already in use — another server is listening there, or a "
                "stale socket file was left behind; delete it or choose another path",
                where=where,
            )
        if holders is not None and holders.listening:
            return text(
                "port {port} is already in use — a socket is listening on it (another program, "
                "or another session); choose another port or stop that one",
                port=port,
            )
        if holders is not None and holders.time_wait and reuseaddr:
            return text(
                "port {port} is held by {count} connections in TIME_WAIT from an earlier "
                "server — on Linux a new server can reuse it while they last (about 60 s) only "
                "if the earlier socket also had SO_REUSEADDR; wait a minute or choose another "
                "port",
                port=port,
                count=holders.time_wait,
            )
        if reuseaddr:
            return text(
                "port {port} is already in use — another program is bound to it; choose another "
                "port or stop that program",
                port=port,
            )
        return text(
            "port {port} is already in use — another program, or a recent server still in "
            "TIME_WAIT (try SO_REUSEADDR)",
            port=port,
        )
    if code == errno.EADDRNOTAVAIL:
        return text(
            "address {where} is not an address of this machine — choose one of its interface "
            "addresses, 127.0.0.1, or 0.0.0.0 for all",
            where=where,
        )
    if code == errno.EACCES:
        if unix:
            return text(
                "permission denied creating socket {where} — choose a folder you can write to",
                where=where,
            )
        return text(
            "permission denied binding port {port} — ports below 1024 need administrator rights; "
            "choose a port above 1023",
            port=port,
        )
    if code == errno.ENOENT and unix:
        return text("cannot create socket {where} — its folder does not exist", where=where)
    return text("cannot bind {where}: {reason}", where=where, reason=_strerror(exc))


def _not_a_socket(path: str) -> str:
    """Why ``path`` cannot take a socket because something else is there ("" if not so)."""
    if path.startswith("@"):
        return ""  # an abstract name has no file
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return text(
            "{where} is a regular file, not a socket; choose another path or remove it",
            where=path,
        )
    if stat.S_ISDIR(mode):
        return text("{where} is a directory, not a socket; choose another path", where=path)
    if not stat.S_ISSOCK(mode):
        return text(
            "{where} exists and is not a socket; choose another path or remove it", where=path
        )
    return ""


def connect_error(exc: OSError, where: str, *, unix: bool = False) -> str:
    """Message for a failed ``connect()``."""
    code = exc.errno
    if code == errno.ECONNREFUSED:
        if unix:
            return text(
                "connection refused by {where} — no server is listening on that socket", where=where
            )
        return text("connection refused by {where} — nothing is listening there", where=where)
    if code == errno.ENOENT and unix:
        return text(
            "no socket at {where} — is the server running, and is the path right?", where=where
        )
    if code == errno.ECONNRESET:
        return text("connection reset by {where} (RST) as soon as it was accepted", where=where)
    if code == errno.ENETUNREACH:
        return text(
            "network unreachable for {where} — check the address and this machine's network",
            where=where,
        )
    if code == errno.EHOSTUNREACH:
        return text("host unreachable: {where} — check the address and any firewall", where=where)
    if code == errno.ETIMEDOUT:
        return text("connecting to {where} timed out — the host did not answer", where=where)
    if code == errno.EADDRNOTAVAIL:
        return text(
            "cannot connect to {where} — the address is not valid for this machine's network",
            where=where,
        )
    return text("cannot connect to {where}: {reason}", where=where, reason=_strerror(exc))


def connect_timeout(where: str, seconds: float) -> str:
    """Message for a connect() that did not finish in time."""
    return text(
        "connecting to {where} timed out after {seconds:g} s — the host did not answer; check the "
        "address and any firewall",
        where=where,
        seconds=seconds,
    )


def resolve_error(exc: OSError, host: str) -> str:
    """Message for a host name that does not resolve."""
    reason = exc.strerror if isinstance(exc, socket.gaierror) and exc.strerror else str(exc)
    return text(
        "cannot resolve host name {host!r}: {reason} — check the spelling or use an IP address",
        host=host,
        reason=reason,
    )


def io_error(exc: OSError, action: str, peer: str) -> str:
    """Message for a failed send/recv on an open socket.

    Args:
        exc: The error.
        action: "send" or "receive".
        peer: The formatted peer address.
    """
    code = exc.errno
    if code == errno.ECONNRESET:
        return text("connection reset by {peer} (RST)", peer=peer)
    if code == errno.EPIPE:
        return text(
            "cannot {action}: the connection to {peer} is closed", action=text(action), peer=peer
        )
    if code == errno.EMSGSIZE:
        return text(
            "cannot {action}: the datagram is too large for {peer}", action=text(action), peer=peer
        )
    if code == errno.ECONNREFUSED:
        return text(
            "{peer} refused the datagram — nothing is listening on that port (ICMP port "
            "unreachable)",
            peer=peer,
        )
    if code == errno.ENETUNREACH:
        return text(
            "cannot {action}: network unreachable for {peer}", action=text(action), peer=peer
        )
    if code == errno.EACCES and action == "send":
        return text(
            "cannot send to {peer}: permission denied — a broadcast address needs the broadcast "
            "option",
            peer=peer,
        )
    return text(
        "cannot {action} ({peer}): {reason}", action=text(action), peer=peer, reason=_strerror(exc)
    )


def datagram_too_large(size: int, peer: str, limit: int) -> str:
    """Message for a datagram over the transport's limit (nothing is sent)."""
    return text(
        "datagram of {size} bytes is too large to send to {peer} (the limit is {limit} bytes); "
        "nothing was sent — split the data or send a file with a smaller datagram size",
        size=size,
        peer=peer,
        limit=limit,
    )


def _strerror(exc: OSError) -> str:
    return exc.strerror or str(exc)
