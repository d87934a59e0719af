"""Plain-words messages for the socket errors a user meets.

The engines never show an ``OSError`` as it is: "[Errno 98] Address already in
use" tells a student nothing about TIME_WAIT. Each function here turns one
situation plus the OS error into one sentence: what went wrong, then what to do.
"""

from __future__ import annotations

import errno
import socket


def bind_error(
    exc: OSError, where: str, *, port: int | None, unix: bool, reuseaddr: bool = False
) -> str:
    """Message for a failed ``bind()``.

    Args:
        exc: The error from bind().
        where: The formatted address or path that was asked for.
        port: The port number (None for AF_UNIX).
        unix: True for an AF_UNIX path.
        reuseaddr: SO_REUSEADDR was already set: TIME_WAIT cannot be the reason then.
    """
    code = exc.errno
    if code == errno.EADDRINUSE:
        if unix:
            return (
                f"socket path {where} is already in use — another server is listening there, "
                "or a stale socket file was left behind; delete it or choose another path"
            )
        if reuseaddr:
            return (
                f"port {port} is already in use — another program is bound to it; "
                "choose another port or stop that program"
            )
        return (
            f"port {port} is already in use — another program, or a recent server still "
            "in TIME_WAIT (try SO_REUSEADDR)"
        )
    if code == errno.EADDRNOTAVAIL:
        return (
            f"address {where} is not an address of this machine — choose one of its "
            "interface addresses, 127.0.0.1, or 0.0.0.0 for all"
        )
    if code == errno.EACCES:
        if unix:
            return f"permission denied creating socket {where} — choose a folder you can write to"
        return (
            f"permission denied binding port {port} — ports below 1024 need administrator "
            "rights; choose a port above 1023"
        )
    if code == errno.ENOENT and unix:
        return f"cannot create socket {where} — its folder does not exist"
    return f"cannot bind {where}: {_strerror(exc)}"


def connect_error(exc: OSError, where: str, *, unix: bool = False) -> str:
    """Message for a failed ``connect()``."""
    code = exc.errno
    if code == errno.ECONNREFUSED:
        if unix:
            return f"connection refused by {where} — no server is listening on that socket"
        return f"connection refused by {where} — nothing is listening there"
    if code == errno.ENOENT and unix:
        return f"no socket at {where} — is the server running, and is the path right?"
    if code == errno.ECONNRESET:
        return f"connection reset by {where} (RST) as soon as it was accepted"
    if code == errno.ENETUNREACH:
        return f"network unreachable for {where} — check the address and this machine's network"
    if code == errno.EHOSTUNREACH:
        return f"host unreachable: {where} — check the address and any firewall"
    if code == errno.ETIMEDOUT:
        return f"connecting to {where} timed out — the host did not answer"
    if code == errno.EADDRNOTAVAIL:
        return f"cannot connect to {where} — the address is not valid for this machine's network"
    return f"cannot connect to {where}: {_strerror(exc)}"


def connect_timeout(where: str, seconds: float) -> str:
    """Message for a connect() that did not finish in time."""
    return (
        f"connecting to {where} timed out after {seconds:g} s — the host did not answer; "
        "check the address and any firewall"
    )


def resolve_error(exc: OSError, host: str) -> str:
    """Message for a host name that does not resolve."""
    reason = exc.strerror if isinstance(exc, socket.gaierror) and exc.strerror else str(exc)
    return f"cannot resolve host name {host!r}: {reason} — check the spelling or use an IP address"


def io_error(exc: OSError, action: str, peer: str) -> str:
    """Message for a failed send/recv on an open socket.

    Args:
        exc: The error.
        action: "send" or "receive".
        peer: The formatted peer address.
    """
    code = exc.errno
    if code == errno.ECONNRESET:
        return f"connection reset by {peer} (RST)"
    if code == errno.EPIPE:
        return f"cannot {action}: the connection to {peer} is closed"
    if code == errno.EMSGSIZE:
        return f"cannot {action}: the datagram is too large for {peer}"
    if code == errno.ECONNREFUSED:
        return (
            f"{peer} refused the datagram — nothing is listening on that port "
            "(ICMP port unreachable)"
        )
    if code == errno.ENETUNREACH:
        return f"cannot {action}: network unreachable for {peer}"
    if code == errno.EACCES and action == "send":
        return (
            f"cannot send to {peer}: permission denied — a broadcast address needs the "
            "broadcast option"
        )
    return f"cannot {action} ({peer}): {_strerror(exc)}"


def datagram_too_large(size: int, peer: str, limit: int) -> str:
    """Message for a datagram over the transport's limit (nothing is sent)."""
    return (
        f"datagram of {size} bytes is too large to send to {peer} (the limit is {limit} bytes); "
        "nothing was sent — split the data or send a file with a smaller datagram size"
    )


def _strerror(exc: OSError) -> str:
    return exc.strerror or str(exc)
