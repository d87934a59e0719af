"""UDP relay: one upstream socket per sender, expiring after an idle time.

Datagrams from a new sender open a *UDP relay session* (its own connection id and its
own upstream socket, connected to ``config.remote_host:remote_port``), so the server
sees each sender as a separate peer and its answers find their way back. A session
with no datagram either way for ``config.relay_idle_timeout`` seconds expires.

Every datagram read is an RX chunk on the leg it came from, every one sent a TX chunk
on the leg it went to (``ChunkFlag.SERVER_LEG`` on the upstream leg); between the legs
each direction goes through a :class:`~netassistant.core.relay.faults.FaultPipe`
(``drop`` decides per datagram there).
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import time
from typing import Any

from netassistant.core import errors
from netassistant.core.chunk import ChunkFlag, Direction, EventKind, format_address
from netassistant.core.engine.base import READ_BUDGET, check_conn_id, check_data
from netassistant.core.engine.relay_common import RelayEngineBase, RelayFaults, check_leg
from netassistant.core.engine.relay_udp_session import UdpRelaySession, UpstreamRoute
from netassistant.core.engine.sockets import (
    SetupError,
    bind,
    bound_name,
    local_name,
    new_socket,
    resolve,
)
from netassistant.core.i18n import text
from netassistant.core.relay.spec import FaultSpec
from netassistant.core.sending.plans import Route

_SERVER = ChunkFlag.SERVER_LEG


class UdpRelayEngine(RelayEngineBase):
    """Relays datagrams between senders and ``remote_host:remote_port``.

    Attributes:
        sessions: Live sessions by connection id (loop thread only).
        port: The bound port (useful with port 0).
        faults: The current faults, their random numbers and their events.
        remote: The formatted upstream address.
    """

    datagrams = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cfg = self.config
        self.sessions: dict[int, UdpRelaySession] = {}
        self._by_addr: dict[Any, UdpRelaySession] = {}
        self.faults = RelayFaults(self, cfg.faults, cfg.fault_seed)
        self._sock: socket.socket | None = None
        self._upstream_addr: Any = None
        self._next_id = self.first_conn_id
        self.port = 0
        self.remote = format_address((cfg.remote_host, cfg.remote_port))

    # ------------------------------------------------------------ commands
    def inject(self, conn_id: int | None, toward: str, data: bytes) -> None:
        """Send one datagram to the ``server`` or the ``client`` of a session (no faults).

        Raises:
            TypeError: ``data`` is not bytes-like or ``conn_id`` not a whole number.
            ValueError: ``toward`` is not "server" or "client".
        """
        data = check_data(data)
        check_conn_id(conn_id)
        check_leg(toward)
        self._post(self._do_inject, conn_id, toward, data)

    def disconnect(self, conn_id: int) -> None:
        """End one UDP relay session now."""
        check_conn_id(conn_id, optional=False)
        self._post(self._do_end, conn_id)

    def abort(self, conn_id: int, leg: str = "server") -> None:
        """End one UDP relay session now (datagrams have no RST)."""
        check_leg(leg)
        self.disconnect(conn_id)

    def half_close(self, conn_id: int, leg: str = "server") -> None:
        """Datagrams have no half-close: reported as an ERROR event."""
        check_conn_id(conn_id, optional=False)
        check_leg(leg)
        self._post(self._no_half_close, conn_id)

    def _no_half_close(self, conn_id: int) -> None:
        self.emit_event(
            EventKind.ERROR,
            conn_id,
            local=self.local_address,
            message=text("a UDP relay has no half-close; nothing was done"),
        )

    def set_faults(self, specs: list[str]) -> list[FaultSpec]:
        """Replace the faults, for live sessions too; see ``RelayEngine.set_faults``."""
        faults = self.faults.parse(specs)
        self._post(self._do_set_faults, faults)
        return faults

    def _do_set_faults(self, faults: list[FaultSpec]) -> None:
        self.faults.replace(faults)
        for session in self.sessions.values():
            session.up.replace(faults)
            session.down.replace(faults)

    def _do_inject(self, conn_id: int | None, toward: str, data: bytes) -> None:
        targets = (
            list(self.sessions.values())
            if conn_id is None
            else [s for s in (self.sessions.get(conn_id),) if s is not None]
        )
        if not targets:
            self.emit_event(
                EventKind.ERROR,
                conn_id or 0,
                local=self.local_address,
                message=text("no UDP relay session is open; nothing was sent"),
            )
        for session in targets:
            self.send_leg(session, toward, data)

    def _do_end(self, conn_id: int) -> None:
        session = self.sessions.get(conn_id)
        if session is not None:
            self.close_session(
                session,
                EventKind.LOCAL_CLOSE,
                text("UDP relay session #{conn} of {peer} ended", conn=conn_id, peer=session.peer),
            )

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Send plans go toward the server; see :meth:`Engine.plan_routes`."""
        sessions = (
            list(self.sessions.values())
            if conn_id is None
            else [s for s in (self.sessions.get(conn_id),) if s is not None]
        )
        if not sessions:
            return text("no UDP relay session is open; nothing was sent")
        return [UpstreamRoute(session) for session in sessions]

    # ------------------------------------------------------------- sending
    def send_leg(self, session: UdpRelaySession, leg: str, data: bytes) -> bool:
        """Send one datagram on a leg, recording its TX chunk; False if it failed."""
        try:
            if leg == "server":
                session.upstream.send(data)
            else:
                assert self._sock is not None
                self._sock.sendto(data, session.addr)
        except OSError as exc:
            where = self.remote if leg == "server" else session.peer
            self.emit_event(
                EventKind.ERROR,
                session.conn_id,
                local=self.local_address,
                peer=where,
                message=errors.io_error(exc, "send", where),
            )
            return False
        session.last_active = time.monotonic()
        if leg == "server":
            self.emit_chunk(
                session.conn_id, Direction.TX, session.upstream_local, self.remote, data, _SERVER
            )
        else:
            self.emit_chunk(session.conn_id, Direction.TX, self.local_address, session.peer, data)
        return True

    # ----------------------------------------------------------------- loop
    def _open(self) -> None:
        cfg = self.config
        self._upstream_addr = resolve(cfg, cfg.remote_host, cfg.remote_port, passive=False)
        sock = new_socket(cfg, socket.SOCK_DGRAM)
        try:
            bind(sock, cfg, cfg.local_host, cfg.local_port)
        except OSError as exc:
            sock.close()
            raise SetupError(
                text("cannot bind: {reason}", reason=exc.strerror or str(exc))
            ) from None
        except SetupError:
            sock.close()
            raise
        self._sock = sock
        self.local_address, self.port = bound_name(sock, self.config)
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text(
                "relaying UDP {local} to {remote}", local=self.local_address, remote=self.remote
            ),
        )
        self.faults.announce()
        self._sel.register(sock, selectors.EVENT_READ, self._on_client_ready)

    def _on_client_ready(self, sock: socket.socket, mask: int) -> None:
        size = self.recv_size
        for _ in range(READ_BUDGET):
            try:
                data, addr = sock.recvfrom(size)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                # An ICMP "port unreachable" for an answer we sent; the socket lives on.
                self.emit_event(
                    EventKind.ERROR,
                    local=self.local_address,
                    message=errors.io_error(exc, "receive", self.local_address),
                )
                return
            session = self._by_addr.get(addr) or self._new_session(addr)
            if session is None:
                continue
            session.last_active = time.monotonic()
            self.emit_chunk(session.conn_id, Direction.RX, self.local_address, session.peer, data)
            session.up.push(data)

    def _new_session(self, addr: Any) -> UdpRelaySession | None:
        try:
            upstream = new_socket(self.config, socket.SOCK_DGRAM)
        except (OSError, SetupError) as exc:
            self.emit_event(EventKind.ERROR, local=self.local_address, message=str(exc))
            return None
        try:
            upstream.connect(self._upstream_addr)  # UDP: only sets the default peer
        except OSError as exc:
            upstream.close()
            self.emit_event(
                EventKind.ERROR,
                local=self.local_address,
                message=errors.connect_error(exc, self.remote),
            )
            return None
        conn_id = self._next_id
        self._next_id += 1
        peer = format_address(addr)
        self.emit_event(
            EventKind.ACCEPTED,
            conn_id,
            local=self.local_address,
            peer=peer,
            message=text(
                "new UDP relay session #{conn} for {peer}, relayed from {local} to {remote}",
                conn=conn_id,
                peer=peer,
                local=local_name(upstream),
                remote=self.remote,
            ),
        )
        session = UdpRelaySession(self, conn_id, addr, upstream)
        self.sessions[conn_id] = session
        self._by_addr[addr] = session
        self._sel.register(
            upstream, selectors.EVENT_READ, lambda s, m: self._on_server_ready(session)
        )
        return session

    def _on_server_ready(self, session: UdpRelaySession) -> None:
        recv = session.upstream.recv
        size = self.recv_size
        for _ in range(READ_BUDGET):
            if session.closed:
                return
            try:
                data = recv(size)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self.emit_event(
                    EventKind.ERROR,
                    session.conn_id,
                    local=session.upstream_local,
                    peer=self.remote,
                    message=errors.io_error(exc, "receive", self.remote),
                )
                return
            session.last_active = time.monotonic()
            self.emit_chunk(
                session.conn_id, Direction.RX, session.upstream_local, self.remote, data, _SERVER
            )
            session.down.push(data)

    def close_session(self, session: UdpRelaySession, kind: EventKind, message: str) -> None:
        """End a session: its upstream socket, its faults' timers, then one event."""
        if session.closed:
            return
        session.closed = True
        session.cancel()
        with contextlib.suppress(KeyError, ValueError):
            self._sel.unregister(session.upstream)
        session.upstream.close()
        self.sessions.pop(session.conn_id, None)
        self._by_addr.pop(session.addr, None)
        self.emit_event(
            kind, session.conn_id, local=self.local_address, peer=session.peer, message=message
        )
        self._target_closed()

    def _close_all(self) -> None:
        for session in list(self.sessions.values()):
            self.close_session(
                session,
                EventKind.LOCAL_CLOSE,
                text(
                    "UDP relay session #{conn} of {peer} ended (session stopped)",
                    conn=session.conn_id,
                    peer=session.peer,
                ),
            )
        if self._sock is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(self._sock)
            self._sock.close()
            self._sock = None
