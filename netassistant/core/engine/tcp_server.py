"""TCP (or AF_UNIX stream) server: listen, accept many clients, talk to one or all."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import EventKind, format_address
from netassistant.core.engine.accepting import AcceptGate, OverflowWatch
from netassistant.core.engine.base import Engine, check_conn_id, check_data
from netassistant.core.engine.connection import STREAM_HIGH_WATER, StreamConn, StreamRoute
from netassistant.core.engine.sockets import (
    bound_name,
    close_listener,
    local_name,
    one_local_address,
    open_listener,
    set_nodelay,
)
from netassistant.core.i18n import text
from netassistant.core.sending.plans import Route

if TYPE_CHECKING:
    from netassistant.core.engine.tls import TlsSide


class TcpServerEngine(Engine):
    """Listening socket plus one :class:`StreamConn` per accepted client.

    Attributes:
        conns: Open connections by id (loop thread only; use :meth:`clients` elsewhere).
        port: The bound port (useful with port 0), 0 for AF_UNIX.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conns: dict[int, StreamConn] = {}
        # One bound method for every connection, not one each (each is walked by the
        # collector: 10,000 clients made 10,000 of them).
        self._forget_closed = self._forget
        self._listener: socket.socket | None = None
        self._client_local = ""  # every client's local address, when the listener has one
        self._gate: AcceptGate | None = None
        self._overflows: OverflowWatch | None = None
        self._accept_paused = False
        self._next_id = self.first_conn_id
        self.port = 0
        self._nodelay = self.config.nodelay
        self._tls: TlsSide | None = None

    # ------------------------------------------------------------ commands
    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send to one client, or to every client when ``conn_id`` is None."""
        data = check_data(data)
        check_conn_id(conn_id)
        self._post(self._do_send, data, conn_id)

    def disconnect(self, conn_id: int) -> None:
        """Close one client gracefully (after its queued data)."""
        check_conn_id(conn_id, optional=False)
        self._post(self._on_conn, conn_id, StreamConn.disconnect)

    def half_close(self, conn_id: int) -> None:
        """shutdown(SHUT_WR) one client: it sees EOF, we keep reading."""
        check_conn_id(conn_id, optional=False)
        self._post(self._on_conn, conn_id, StreamConn.half_close)

    def abort(self, conn_id: int) -> None:
        """Reset one client with RST."""
        check_conn_id(conn_id, optional=False)
        self._post(self._on_conn, conn_id, StreamConn.abort)

    def set_nodelay(self, on: bool) -> None:
        """TCP_NODELAY for current and future clients."""
        self._post(self._do_nodelay, bool(on))

    def set_accept_paused(self, paused: bool) -> None:
        """Stop (True) or resume (False) accepting clients while listening.

        New clients wait in the kernel's accept queue meanwhile, as they do behind a busy
        server; once it is full the kernel drops further attempts (reported as an ERROR
        event on Linux).
        """
        self._post(self._do_accept_paused, bool(paused))

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes queued for one client, or for all of them (approximate; any thread)."""
        if conn_id is not None:
            conn = self.conns.get(conn_id)
            return conn.queued_bytes if conn is not None else 0
        return sum(conn.queued_bytes for conn in list(self.conns.values()))

    def kernel_targets(self) -> tuple[socket.socket | None, Iterable[tuple[int, socket.socket]]]:
        """The listener and the clients, oldest first; see :meth:`Engine.kernel_targets`."""
        return self._listener, ((conn.conn_id, conn.sock) for conn in self.conns.values())

    def kernel_focus_targets(self, conn_ids: Iterable[int]) -> list[tuple[int, socket.socket]]:
        """These clients' sockets, by id (no scan of all clients)."""
        found = (self.conns.get(conn_id) for conn_id in conn_ids)
        return [(conn.conn_id, conn.sock) for conn in found if conn is not None]

    def _do_accept_paused(self, paused: bool) -> None:
        self._accept_paused = paused
        if self._gate is not None:
            self._gate.set_paused(paused)

    def _do_nodelay(self, on: bool) -> None:
        self._nodelay = on
        for conn in self.conns.values():
            conn.set_nodelay(on)

    def _do_send(self, data: bytes, conn_id: int | None) -> None:
        if conn_id is None:
            if not self.conns:
                self.emit_event(
                    EventKind.ERROR,
                    local=self.local_address,
                    message=text("no client is connected; nothing was sent"),
                )
                return
            for each in list(self.conns.values()):
                each.send(data)
            return
        conn = self.conns.get(conn_id)
        if conn is None:
            self._no_such_client(conn_id, "nothing was sent")
        else:
            conn.send(data)

    def _on_conn(self, conn_id: int, method: Any) -> None:
        conn = self.conns.get(conn_id)
        if conn is None:
            self._no_such_client(conn_id, "nothing was done")
        else:
            method(conn)

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Where a plan or file send goes; see :meth:`Engine.plan_routes`."""
        if conn_id is None:
            if not self.conns:
                return text("no client is connected; nothing was sent")
            if fan_out:
                return [StreamRoute(conn) for conn in self.conns.values()]
            return [ClientsRoute(self)]
        conn = self.conns.get(conn_id)
        if conn is None:
            return text("client #{conn} is no longer connected; nothing was sent", conn=conn_id)
        return [StreamRoute(conn)]

    def _no_such_client(self, conn_id: int, what: str) -> None:
        self.emit_event(
            EventKind.ERROR,
            conn_id,
            local=self.local_address,
            message=text(
                "client #{conn} is no longer connected; {what}", conn=conn_id, what=text(what)
            ),
        )

    # ----------------------------------------------------------------- loop
    def _open(self) -> None:
        cfg = self.config
        if cfg.tls is not None:
            from netassistant.core.engine.tls import tls_side

            self._tls = tls_side(cfg.tls, server=True)
        sock = open_listener(cfg)
        self._listener = sock
        self.local_address, self.port = bound_name(sock, cfg)
        # Bound to one address, every client arrives on it: no getsockname() per accept.
        self._client_local = self.local_address if one_local_address(sock) else ""
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text("listening on {local}", local=self.local_address),
        )
        if self._tls is not None:
            self._announce_tls()
        self._gate = AcceptGate(self, sock, self._adopt)
        self._gate.set_paused(self._accept_paused)
        self._overflows = OverflowWatch(self, sock)

    def _adopt(self, sock: socket.socket, addr: Any) -> None:
        sock.setblocking(False)
        if self._nodelay:
            with contextlib.suppress(OSError):
                set_nodelay(sock, True)
        conn_id = self._next_id
        self._next_id += 1
        peer = format_address(addr) or f"client #{conn_id}"
        local = self._client_local or local_name(sock)
        if self._tls is None:
            conn = StreamConn(self, sock, conn_id, local, peer, self._forget_closed)
        else:
            from netassistant.core.engine.tls import open_stream

            conn = open_stream(self, self._tls, sock, conn_id, local, peer, self._forget_closed)
        self.conns[conn_id] = conn
        self.emit_event(
            EventKind.ACCEPTED,
            conn_id,
            local=conn.local,
            peer=peer,
            message=text("accepted {peer} as client #{conn}", peer=peer, conn=conn_id),
        )

    def _announce_tls(self) -> None:
        from netassistant.core.engine.tls import self_signed_facts

        made = self_signed_facts(self._tls)
        if made is not None:
            message, detail = made
            self.emit_event(EventKind.TLS, local=self.local_address, message=message, detail=detail)

    def _forget(self, conn: StreamConn) -> None:
        self.conns.pop(conn.conn_id, None)
        self._target_closed()

    def _close_all(self) -> None:
        for conn in list(self.conns.values()):
            conn.close_quietly()
        if self._overflows is not None:
            self._overflows.close()
        if self._gate is not None:
            self._gate.close()
            self._gate = None
        if self._listener is not None:
            close_listener(self._listener, self.config)
            self._listener = None


class ClientsRoute:
    """A plan's route to every client connected at the time of each send.

    Clients that connect later get the next sends; the plan waits for the slowest
    client to drain (honest back-pressure: nobody silently misses a message), and
    ends only when no client is left.
    """

    conn_id = 0
    peer: str = text("all clients")
    high_water = STREAM_HIGH_WATER

    def __init__(self, server: TcpServerEngine) -> None:
        self.server = server
        self.local = server.local_address

    def _open(self) -> list[StreamConn]:
        return [conn for conn in self.server.conns.values() if not conn.send_refusal]

    def refusal(self) -> str:
        """Why the target cannot take data ("" while it can); see :class:`Route`."""
        return "" if self._open() else text("no client is connected")

    def send(self, data: bytes) -> bool:
        """One send call; see :class:`Route`."""
        for conn in self._open():
            conn.send(data)
        return True

    def backlog(self) -> int:
        """Bytes queued but not yet handed to the kernel; see :class:`Route`."""
        return max((conn.queued_bytes for conn in self.server.conns.values()), default=0)

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once nothing is queued; see :class:`Route`."""
        conns = list(self.server.conns.values())
        if conns:
            max(conns, key=lambda conn: conn.queued_bytes).when_drained(fn)
        else:
            self.server.call_later(0, fn)
