"""TCP relay: stand between clients and one server, and show both legs.

Each accepted client (the *client leg*) gets its own upstream connection to
``config.remote_host:remote_port`` (the *server leg*), connected without blocking on
the loop. Both legs are :class:`~netassistant.core.engine.connection.StreamConn` s
under ONE relay connection id: every recv() on either leg is its own RX chunk, every
send its own TX chunk, and the server leg's chunks carry ``ChunkFlag.SERVER_LEG``.

Between the legs, each direction's bytes go through a
:class:`~netassistant.core.relay.faults.FaultPipe` (empty unless faults are set). A
FIN read on one leg is carried as a FIN (``shutdown(SHUT_WR)``) on the other, after
the data before it; an RST as an RST (SO_LINGER 0), at once.

TLS: either leg may speak it (``config.tls`` toward clients, ``config.upstream_tls``
toward the server). :meth:`RelayEngine.make_leg` makes each leg once its socket is
connected; with TLS on that leg it is a :class:`~netassistant.core.engine.relay_tls.TlsRelayLeg`
(see :mod:`netassistant.core.engine.relay_tls`, loaded only then).
"""

from __future__ import annotations

import contextlib
import errno
import os
import selectors
import socket
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from netassistant.core import errors
from netassistant.core.chunk import EventKind, format_address
from netassistant.core.config import Family
from netassistant.core.engine.accepting import AcceptGate
from netassistant.core.engine.base import check_conn_id, check_data
from netassistant.core.engine.connection import StreamRoute
from netassistant.core.engine.relay_common import RelayEngineBase, RelayFaults, check_leg
from netassistant.core.engine.relay_pair import RelayLeg, RelayPair
from netassistant.core.engine.sockets import (
    SetupError,
    bound_name,
    close_listener,
    local_name,
    new_socket,
    open_listener,
    resolve,
    set_nodelay,
)
from netassistant.core.i18n import text
from netassistant.core.relay.spec import FaultSpec
from netassistant.core.sending.plans import Route

if TYPE_CHECKING:
    from netassistant.core.engine.relay_tls import RelayTls


class RelayEngine(RelayEngineBase):
    """Listens for clients and relays each one to ``remote_host:remote_port``.

    Attributes:
        pairs: Relayed connections by id (loop thread only).
        port: The bound port (useful with port 0), 0 for AF_UNIX.
        faults: The current faults, their random numbers and their events.
        remote: The formatted upstream address.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cfg = self.config
        self.pairs: dict[int, RelayPair] = {}
        self.faults = RelayFaults(self, cfg.faults, cfg.fault_seed)
        self._listener: socket.socket | None = None
        self._gate: AcceptGate | None = None
        self._next_id = self.first_conn_id
        self._upstream_addr: Any = None
        self._tls: RelayTls | None = None
        self.port = 0
        self.remote = (
            cfg.remote_host
            if cfg.family is Family.UNIX
            else format_address((cfg.remote_host, cfg.remote_port))
        )

    # ------------------------------------------------------------ commands
    def inject(self, conn_id: int | None, toward: str, data: bytes) -> None:
        """Send ``data`` to the ``server`` or the ``client`` of a relayed connection.

        Injected data bypasses the faults: it is written to that leg as it is, one TX
        chunk. ``conn_id`` None = every relayed connection.

        Raises:
            TypeError: ``data`` is not bytes-like or ``conn_id`` not a whole number.
            ValueError: ``toward`` is not "server" or "client".
        """
        data = check_data(data)
        check_conn_id(conn_id)
        check_leg(toward)
        self._post(self._do_inject, conn_id, toward, data)

    def half_close(self, conn_id: int, leg: str = "server") -> None:
        """shutdown(SHUT_WR) one leg: its peer sees EOF; the relay keeps reading."""
        self._leg_command(conn_id, leg, "half_close")

    def abort(self, conn_id: int, leg: str = "server") -> None:
        """Reset one leg with RST (the other leg is then reset too, as a proxy would)."""
        self._leg_command(conn_id, leg, "abort")

    def disconnect(self, conn_id: int) -> None:
        """Close both legs of a relayed connection gracefully (FIN after queued data)."""
        check_conn_id(conn_id, optional=False)
        self._post(self._on_pair, conn_id, lambda pair: pair.close(rst=False))

    def set_faults(self, specs: list[str]) -> list[FaultSpec]:
        """Replace the faults, for live connections too (held data goes on first).

        Each change is a FAULT event (``action`` ``added`` or ``removed``).

        Returns:
            The parsed faults.

        Raises:
            FaultSpecError: a spec is wrong (checked here, in the caller's thread).
        """
        faults = self.faults.parse(specs)
        self._post(self._do_set_faults, faults)
        return faults

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes queued on both legs of one relayed connection, or of all (any thread)."""
        pairs = list(self.pairs.values())
        if conn_id is not None:
            pairs = [pair for pair in pairs if pair.conn_id == conn_id]
        return sum(leg.queued_bytes for pair in pairs for leg in (pair.client, pair.server) if leg)

    def _leg_command(self, conn_id: int, leg: str, method: str) -> None:
        check_conn_id(conn_id, optional=False)
        check_leg(leg)
        self._post(self._do_leg, conn_id, leg, method)

    def _do_leg(self, conn_id: int, leg_name: str, method: str) -> None:
        pair = self._pair(conn_id, "nothing was done")
        if pair is None:
            return
        leg = pair.leg(leg_name)
        if leg is None or leg.closed:
            self._leg_gone(conn_id, leg_name, "nothing was done")
            return
        getattr(leg, method)()

    def _do_inject(self, conn_id: int | None, toward: str, data: bytes) -> None:
        if conn_id is None:
            legs = [pair.leg(toward) for pair in self.pairs.values()]
            live = [leg for leg in legs if leg is not None and not leg.closed]
            if not live:
                self.emit_event(
                    EventKind.ERROR,
                    local=self.local_address,
                    message=text("no relayed connection is open; nothing was sent"),
                )
            for leg in live:
                leg.send(data)
            return
        pair = self._pair(conn_id, "nothing was sent")
        if pair is None:
            return
        target = pair.leg(toward)
        if target is None or target.closed:
            self._leg_gone(conn_id, toward, "nothing was sent")
        else:
            target.send(data)

    def _do_set_faults(self, faults: list[FaultSpec]) -> None:
        self.faults.replace(faults)
        for pair in self.pairs.values():
            pair.up.replace(faults)
            pair.down.replace(faults)

    def _on_pair(self, conn_id: int, fn: Any) -> None:
        pair = self._pair(conn_id, "nothing was done")
        if pair is not None:
            fn(pair)

    def _pair(self, conn_id: int, what: str) -> RelayPair | None:
        pair = self.pairs.get(conn_id)
        if pair is None:
            self.emit_event(
                EventKind.ERROR,
                conn_id,
                local=self.local_address,
                message=text(
                    "relay connection #{conn} is no longer open; {what}",
                    conn=conn_id,
                    what=text(what),
                ),
            )
        return pair

    def _leg_gone(self, conn_id: int, leg: str, what: str) -> None:
        self.emit_event(
            EventKind.ERROR,
            conn_id,
            local=self.local_address,
            message=text(
                "the {leg} leg of relay connection #{conn} is not open; {what}",
                leg=text(leg),
                conn=conn_id,
                what=text(what),
            ),
        )

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Send plans and files go toward the server; see :meth:`Engine.plan_routes`."""
        pairs = list(self.pairs.values()) if conn_id is None else [self.pairs.get(conn_id)]
        routes: list[Route] = [
            StreamRoute(pair.server)
            for pair in pairs
            if pair is not None and pair.server is not None and not pair.server.closed
        ]
        if not routes:
            return text("no relayed connection is open; nothing was sent")
        return routes

    # ----------------------------------------------------------------- loop
    def kernel_targets(self) -> tuple[socket.socket | None, Iterable[tuple[int, socket.socket]]]:
        """The listener and each pair's client leg; see :meth:`Engine.kernel_targets`.

        A pair's two legs share one connection number, and the kernel watch and the wire
        follow one socket per number: the client leg, the connection the relay accepted
        (the one a client's own kernel state and handshake are about).
        """
        return self._listener, self._client_legs(self.pairs.values())

    def kernel_focus_targets(self, conn_ids: Iterable[int]) -> list[tuple[int, socket.socket]]:
        """These pairs' client legs, by number."""
        return list(self._client_legs(filter(None, map(self.pairs.get, conn_ids))))

    @staticmethod
    def _client_legs(pairs: Iterable[RelayPair]) -> Iterator[tuple[int, socket.socket]]:
        for pair in pairs:
            leg = pair.client
            if leg is not None and not leg.closed:
                yield pair.conn_id, leg.sock

    def _open(self) -> None:
        cfg = self.config
        self._upstream_addr = resolve(cfg, cfg.remote_host, cfg.remote_port, passive=False)
        if cfg.tls is not None or cfg.upstream_tls is not None:
            from netassistant.core.engine.relay_tls import RelayTls

            self._tls = RelayTls(cfg)
        sock = open_listener(cfg)
        self._listener = sock
        self.local_address, self.port = bound_name(sock, cfg)
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text(
                "relaying {local} to {remote}", local=self.local_address, remote=self.remote
            ),
        )
        if self._tls is not None:
            self._tls.announce(self, self.local_address)
        self.faults.announce()
        self._gate = AcceptGate(self, sock, self._adopt)

    def make_leg(
        self, pair: RelayPair, sock: socket.socket, local: str, peer: str, *, server: bool
    ) -> RelayLeg:
        """A leg for a connected socket: plain, or TLS when that leg speaks it.

        (A leg, not a wrapped socket: a TLS leg runs its handshake on the loop first.)
        """
        if self._tls is None:
            return RelayLeg(pair, sock, local, peer, server=server)
        return self._tls.make_leg(pair, sock, local, peer, server=server)

    def _adopt(self, sock: socket.socket, addr: Any) -> None:
        sock.setblocking(False)
        if self.config.nodelay:
            with contextlib.suppress(OSError):
                set_nodelay(sock, True)
        conn_id = self._next_id
        self._next_id += 1
        peer = format_address(addr) or f"client #{conn_id}"
        local = local_name(sock)
        self.emit_event(
            EventKind.ACCEPTED,
            conn_id,
            local=local,
            peer=peer,
            message=text(
                "accepted {peer} as relay connection #{conn}; connecting to {remote}",
                peer=peer,
                conn=conn_id,
                remote=self.remote,
            ),
        )
        pair = RelayPair(self, conn_id)
        client = self.make_leg(pair, sock, local, peer, server=False)
        client.set_held_back(True)  # nothing to forward to until the server leg is up
        pair.client = client
        self.pairs[conn_id] = pair
        self._connect(pair)

    def _connect(self, pair: RelayPair) -> None:
        cfg = self.config
        unix = cfg.family is Family.UNIX
        try:
            sock = new_socket(cfg, socket.SOCK_STREAM)
        except (OSError, SetupError) as exc:
            self._upstream_failed(pair, str(exc))
            return
        if cfg.nodelay:
            with contextlib.suppress(OSError):
                set_nodelay(sock, True)
        try:
            code = sock.connect_ex(self._upstream_addr)
        except OSError as exc:
            code = exc.errno or errno.EIO
        if code not in (0, errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK):
            sock.close()
            message = errors.connect_error(
                OSError(code, errno.errorcode.get(code, str(code))), self.remote, unix=unix
            )
            self._upstream_failed(pair, message)
            return
        pair.connecting = sock
        self._sel.register(sock, selectors.EVENT_WRITE, lambda s, m: self._connected(pair))
        pair.connect_timer = self.call_later(cfg.connect_timeout, lambda: self._timed_out(pair))

    def _connected(self, pair: RelayPair) -> None:
        sock = self.drop_connect(pair)
        if sock is None:
            return
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            sock.close()
            unix = self.config.family is Family.UNIX
            self._upstream_failed(
                pair, errors.connect_error(OSError(code, os.strerror(code)), self.remote, unix=unix)
            )
            return
        server = self.make_leg(pair, sock, local_name(sock), self.remote, server=True)
        pair.server = server
        self.emit_event(
            EventKind.CONNECTED,
            pair.conn_id,
            local=server.local,
            peer=self.remote,
            message=text(
                "relay connection #{conn}: connected to {remote} from {local}",
                conn=pair.conn_id,
                remote=self.remote,
                local=server.local,
            ),
        )
        if pair.client is not None and not pair.client.closed:
            pair.client.set_held_back(False)

    def _timed_out(self, pair: RelayPair) -> None:
        pair.connect_timer = None
        sock = self.drop_connect(pair)
        if sock is not None:
            sock.close()
            self._upstream_failed(
                pair, errors.connect_timeout(self.remote, self.config.connect_timeout)
            )

    def drop_connect(self, pair: RelayPair) -> socket.socket | None:
        """Stop watching a connect under way; returns its socket (None if there is none)."""
        sock, pair.connecting = pair.connecting, None
        if sock is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(sock)
            if pair.connect_timer is not None:
                self.cancel_timer(pair.connect_timer)
                pair.connect_timer = None
        return sock

    def _upstream_failed(self, pair: RelayPair, reason: str) -> None:
        # A transparent proxy that cannot reach the server answers its client with an RST,
        # as the server's own "connection refused" would.
        self.emit_event(
            EventKind.ERROR,
            pair.conn_id,
            peer=self.remote,
            message=text(
                "relay connection #{conn}: {reason}; the client is reset",
                conn=pair.conn_id,
                reason=reason,
            ),
        )
        if pair.client is not None:
            pair.client.abort()

    def forget(self, pair: RelayPair) -> None:
        """A pair has closed both legs: drop it and its faults' timers."""
        if self.pairs.pop(pair.conn_id, None) is not None:
            pair.end()
            self._target_closed()

    def _close_all(self) -> None:
        for pair in list(self.pairs.values()):
            sock = self.drop_connect(pair)
            if sock is not None:
                sock.close()
            for leg in (pair.client, pair.server):
                if leg is not None:
                    leg.close_quietly()
            pair.end()
        self.pairs.clear()
        if self._gate is not None:
            self._gate.close()
            self._gate = None
        if self._listener is not None:
            close_listener(self._listener, self.config)
            self._listener = None
