"""Creating sockets from a :class:`SessionConfig`: address resolution and options."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading

from netassistant.core import errors
from netassistant.core.addressing import ip_version
from netassistant.core.chunk import format_address
from netassistant.core.config import Family, SessionConfig
from netassistant.core.i18n import text
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

FAMILIES = {Family.INET: socket.AF_INET, Family.INET6: socket.AF_INET6}
if hasattr(socket, "AF_UNIX"):
    FAMILIES[Family.UNIX] = socket.AF_UNIX


class SetupError(Exception):
    """Opening the session failed; the message is already in plain words."""


def unix_address(path: str) -> str | bytes:
    """A leading ``@`` means a Linux abstract socket name."""
    if path.startswith("@"):
        return b"\0" + path[1:].encode()
    return path


def resolve(config: SessionConfig, host: str, port: int, *, passive: bool) -> Any:
    """Turn host/port (or a path) into a sockaddr for the config's family.

    Raises:
        SetupError: the name does not resolve.
    """
    if config.family is Family.UNIX:
        return unix_address(host)
    family = FAMILIES[config.family]
    if not host:
        host = "" if passive else ("127.0.0.1" if family == socket.AF_INET else "::1")
    if "%" not in host and ip_version(host) is not None:
        return (host, port) if family == socket.AF_INET else (host, port, 0, 0)
    try:
        infos = socket.getaddrinfo(
            host or None, port, family, 0, 0, socket.AI_PASSIVE if passive else 0
        )
    except OSError as exc:
        raise SetupError(errors.resolve_error(exc, host)) from None
    return infos[0][4]


def new_socket(config: SessionConfig, kind: int) -> socket.socket:
    """A non-blocking socket of the config's family with the general options set."""
    family = FAMILIES.get(config.family)
    if family is None:
        raise SetupError(
            text(
                "address family {family} is not supported on this system",
                family=config.family.value,
            )
        )
    sock = socket.socket(family, kind)
    try:
        sock.setblocking(False)
        if config.reuseaddr and family != getattr(socket, "AF_UNIX", None):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if config.rcvbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, config.rcvbuf)
        if config.sndbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, config.sndbuf)
        if family == socket.AF_INET6:
            # Bind "::" to IPv6 only, so an inet and an inet6 session can share a port,
            # unless the user asked for one dual-stack socket that takes both.
            with contextlib.suppress(OSError):
                v6only = 0 if config.dual_stack else 1
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
    except OSError as exc:
        sock.close()
        raise SetupError(
            text("cannot set socket options: {reason}", reason=exc.strerror or str(exc))
        ) from None
    return sock


def set_nodelay(sock: socket.socket, on: bool) -> None:
    """TCP_NODELAY on a TCP socket; a no-op for AF_UNIX."""
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if on else 0)


def bind(sock: socket.socket, config: SessionConfig, host: str, port: int) -> None:
    """Bind ``sock``, with the plain-words error on failure.

    A filesystem AF_UNIX socket's identity is recorded, so :func:`remove_unix_path`
    later removes that socket file and nothing that replaced it.
    """
    unix = config.family is Family.UNIX
    addr = resolve(config, host, port, passive=True)
    try:
        sock.bind(addr)
    except OSError as exc:
        where = host if unix else format_address((host or "*", port))
        holders = None
        if not unix and sock.type == socket.SOCK_STREAM and port:
            # The /proc readers load when a bind fails or a server listens, not for clients.
            from netassistant.core.engine.kernel import tcp_port_holders

            holders = tcp_port_holders(port)
        message = errors.bind_error(
            exc,
            where,
            port=None if unix else port,
            unix=unix,
            reuseaddr=config.reuseaddr,
            holders=holders,
        )
        raise SetupError(message) from None
    if unix and host and not host.startswith("@"):
        with contextlib.suppress(OSError):
            st = os.lstat(host)
            with _bound_lock:
                _bound_paths[os.path.abspath(host)] = (st.st_dev, st.st_ino)


def listen(sock: socket.socket, backlog: int) -> None:
    """Listen with ``backlog`` connections queued, 0 meaning the system maximum."""
    from netassistant.core.engine.kernel import max_backlog

    sock.listen(backlog or max_backlog())


def open_listener(config: SessionConfig) -> socket.socket:
    """A TCP (or AF_UNIX stream) socket bound and listening as ``config`` says.

    Raises:
        SetupError: it cannot bind or listen; the message says why, in plain words.
    """
    sock = new_socket(config, socket.SOCK_STREAM)
    try:
        bind(sock, config, config.local_host, config.local_port)
        listen(sock, config.backlog)
    except OSError as exc:
        sock.close()
        raise SetupError(text("cannot listen: {reason}", reason=exc.strerror or str(exc))) from None
    except SetupError:
        sock.close()
        raise
    return sock


def close_listener(sock: socket.socket, config: SessionConfig) -> None:
    """Close a socket from :func:`open_listener`, and remove the AF_UNIX file it created."""
    sock.close()
    if config.family is Family.UNIX:
        remove_unix_path(config.local_host)


def local_name(sock: socket.socket) -> str:
    """The socket's own address, formatted ("" if it has none)."""
    try:
        return format_address(sock.getsockname())
    except OSError:
        return ""


#: What getsockname() says of a socket bound to every address of its family.
ANY_ADDRESSES = frozenset({"0.0.0.0", "::"})


def one_local_address(listener: socket.socket) -> bool:
    """Whether every client ``listener`` accepts has the listener's own address.

    True for an IPv4 or IPv6 listener bound to one address; False for one bound to all
    (0.0.0.0, ::), where the address a client reached is only known per connection, and
    for other families.
    """
    if listener.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    try:
        host = listener.getsockname()[0]
    except OSError:
        return False
    return host not in ANY_ADDRESSES


def bound_name(sock: socket.socket, config: SessionConfig) -> tuple[str, int]:
    """A just-bound socket's address, formatted, and its port (0 for an AF_UNIX path)."""
    port = 0 if config.family is Family.UNIX else int(sock.getsockname()[1])
    return local_name(sock), port


#: (st_dev, st_ino) of each socket file :func:`bind` created, by absolute path.
_bound_paths: dict[str, tuple[int, int]] = {}
_bound_lock = threading.Lock()


def remove_unix_path(path: str) -> None:
    """Remove the socket file :func:`bind` created at ``path``, and nothing else.

    Whatever is there now (a regular file, or another server's socket that replaced
    ours) stays. Abstract names need no clean-up.
    """
    if not path or path.startswith("@"):
        return
    with _bound_lock:
        ours = _bound_paths.pop(os.path.abspath(path), None)
    if ours is None:
        return
    with contextlib.suppress(OSError):
        st = os.lstat(path)
        if stat.S_ISSOCK(st.st_mode) and (st.st_dev, st.st_ino) == ours:
            os.unlink(path)
