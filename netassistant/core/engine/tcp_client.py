"""TCP (or AF_UNIX stream) client: one non-blocking connect, then one connection.

The session ends when the connection ends (FIN, RST, error or disconnect), as in
NetAssist where the client goes back to "disconnected" and waits for the next click.
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import socket
from collections.abc import Iterable

from netassistant.core import errors
from netassistant.core.chunk import EventKind, format_address
from netassistant.core.config import Family
from netassistant.core.engine.base import Engine, check_conn_id, check_data
from netassistant.core.engine.connection import StreamConn, StreamRoute
from netassistant.core.engine.sockets import (
    SetupError,
    bind,
    local_name,
    new_socket,
    remove_unix_path,
    resolve,
    set_nodelay,
)
from netassistant.core.i18n import text
from netassistant.core.sending.plans import Route
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.engine.tls import TlsSide


class TcpClientEngine(Engine):
    """Connects to ``config.remote_host:remote_port`` (or the unix path).

    Attributes:
        conn: The connection once connected, else None (loop thread only).
        conn_id: The connection's number (``first_conn_id``).
        remote: The formatted remote address.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conn: StreamConn | None = None
        self._sock: socket.socket | None = None
        self._connecting = False
        self._bound_path = ""
        self.conn_id = self.first_conn_id
        self._tls: TlsSide | None = None
        cfg = self.config
        if cfg.family is Family.UNIX:
            self.remote = cfg.remote_host
        else:
            self.remote = format_address((cfg.remote_host, cfg.remote_port))

    # ------------------------------------------------------------ commands
    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send on the connection (``conn_id`` is accepted for symmetry and ignored)."""
        data = check_data(data)
        check_conn_id(conn_id)
        self._post(self._do_send, data)

    def disconnect(self, conn_id: int | None = None) -> None:
        """Close gracefully (FIN) once queued data is written; the session then ends."""
        self._post(self._on_conn, StreamConn.disconnect)

    def half_close(self, conn_id: int | None = None) -> None:
        """shutdown(SHUT_WR): the server sees EOF, we keep reading."""
        self._post(self._on_conn, StreamConn.half_close)

    def abort(self, conn_id: int | None = None) -> None:
        """Reset the connection with RST; the session then ends."""
        self._post(self._on_conn, StreamConn.abort)

    def set_nodelay(self, on: bool) -> None:
        """Turn Nagle's algorithm off (True) or on while connected."""
        on = bool(on)
        self._post(self._on_conn, lambda conn: conn.set_nodelay(on))

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes queued on the connection (approximate; any thread)."""
        conn = self.conn
        return conn.queued_bytes if conn is not None else 0

    def kernel_targets(self) -> tuple[socket.socket | None, Iterable[tuple[int, socket.socket]]]:
        """The connecting or connected socket; see :meth:`Engine.kernel_targets`."""
        sock = self.conn.sock if self.conn is not None else self._sock
        return None, ([(self.conn_id, sock)] if sock is not None else [])

    def _do_send(self, data: bytes) -> None:
        if self.conn is None:
            self.emit_event(
                EventKind.ERROR, self.conn_id, peer=self.remote, message=self._not_connected()
            )
            return
        self.conn.send(data)

    def _not_connected(self) -> str:
        if self._connecting:
            return text(
                "cannot send: still connecting to {remote}; nothing was sent", remote=self.remote
            )
        return text("cannot send: not connected to {remote}; nothing was sent", remote=self.remote)

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Where a plan or file send goes; see :meth:`Engine.plan_routes`."""
        if self.conn is None:
            return self._not_connected()
        return [StreamRoute(self.conn)]

    def _on_conn(self, method: Any) -> None:
        if self.conn is not None:
            method(self.conn)

    # ----------------------------------------------------------------- loop
    def _open(self) -> None:
        cfg = self.config
        unix = cfg.family is Family.UNIX
        addr = resolve(cfg, cfg.remote_host, cfg.remote_port, passive=False)
        if cfg.tls is not None:
            from netassistant.core.engine.tls import tls_side

            self._tls = tls_side(cfg.tls, server=False, host="" if unix else cfg.remote_host)
        sock = new_socket(cfg, socket.SOCK_STREAM)
        try:
            if cfg.nodelay:
                set_nodelay(sock, True)
            if not unix and cfg.local_port:
                bind(sock, cfg, cfg.local_host, cfg.local_port)
            elif unix and cfg.local_host:
                bind(sock, cfg, cfg.local_host, 0)
                self._bound_path = cfg.local_host
            code = sock.connect_ex(addr)
        except SetupError:
            sock.close()
            raise
        except OSError as exc:
            sock.close()
            raise SetupError(errors.connect_error(exc, self.remote, unix=unix)) from None
        if code not in (0, errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK):
            sock.close()
            raise SetupError(
                errors.connect_error(
                    OSError(code, errno.errorcode.get(code, str(code))), self.remote, unix=unix
                )
            )
        self._sock = sock
        self._connecting = True
        self.emit_event(
            EventKind.CONNECTING,
            self.conn_id,
            peer=self.remote,
            message=text("connecting to {remote}", remote=self.remote),
        )
        self._sel.register(sock, selectors.EVENT_WRITE, self._on_connect_ready)
        self.call_later(cfg.connect_timeout, self._on_connect_timeout)

    def _on_connect_ready(self, sock: socket.socket, mask: int) -> None:
        self._sel.unregister(sock)
        self._connecting = False
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            unix = self.config.family is Family.UNIX
            message = errors.connect_error(OSError(code, _strerror(code)), self.remote, unix=unix)
            self._give_up(message)
            return
        local = local_name(sock)
        self.local_address = local
        if self._tls is None:
            self.conn = StreamConn(
                self, sock, self.conn_id, local, self.remote, self._on_conn_closed
            )
        else:
            from netassistant.core.engine.tls import open_stream

            self.conn = open_stream(
                self, self._tls, sock, self.conn_id, local, self.remote, self._on_conn_closed
            )
        self._sock = None
        self.emit_event(
            EventKind.CONNECTED,
            self.conn_id,
            local=local,
            peer=self.remote,
            message=text("connected to {remote} from {local}", remote=self.remote, local=local)
            if local
            else text("connected to {remote} from an unnamed socket", remote=self.remote),
        )

    def _on_connect_timeout(self) -> None:
        if self._connecting and self._sock is not None:
            self._sel.unregister(self._sock)
            self._connecting = False
            self._give_up(errors.connect_timeout(self.remote, self.config.connect_timeout))

    def _give_up(self, message: str) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self.emit_event(EventKind.ERROR, self.conn_id, peer=self.remote, message=message)
        self._stop_requested = True

    def _on_conn_closed(self, conn: StreamConn) -> None:
        self.conn = None
        self._stop_requested = True
        self._target_closed()

    def _close_all(self) -> None:
        if self.conn is not None:
            self.conn.close_quietly()
        if self._sock is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(self._sock)
            self._sock.close()
            self._sock = None
        if self._bound_path:
            remove_unix_path(self._bound_path)


def _strerror(code: int) -> str:
    import os

    return os.strerror(code)
