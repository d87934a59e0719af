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

TLS hooks: a leg's socket passes through :meth:`RelayEngine.wrap_downstream` right
after accept() and :meth:`RelayEngine.wrap_upstream` right after the connect
completes, before the leg is made; both return the socket unchanged today.
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import socket
from typing import Any

from netassistant.core import errors
from netassistant.core.chunk import ChunkFlag, EventKind, format_address
from netassistant.core.config import Family
from netassistant.core.engine.accepting import AcceptGate
from netassistant.core.engine.base import Engine, check_conn_id, check_data
from netassistant.core.engine.connection import STREAM_HIGH_WATER, StreamConn, StreamRoute
from netassistant.core.engine.relay_common import RelayFaults, check_leg
from netassistant.core.engine.sockets import (
    SetupError,
    bind,
    listen,
    local_name,
    new_socket,
    remove_unix_path,
    resolve,
    set_nodelay,
)
from netassistant.core.i18n import text
from netassistant.core.relay.faults import FaultPipe
from netassistant.core.relay.spec import FaultSpec
from netassistant.core.sending.plans import Route

#: A leg stops reading while the other leg has this much queued (or held by faults).
RELAY_HIGH_WATER = STREAM_HIGH_WATER
#: While faults hold more than the high-water mark, reading is retried this often (s).
HELD_RECHECK = 0.01
#: How a closed leg's end is carried to the other leg: the kinds that mean "reset".
_RESETS = frozenset({EventKind.RESET, EventKind.ERROR, EventKind.ABORTED})


class RelayLeg(StreamConn):
    """One leg of a relayed connection: a StreamConn that hands what it reads on.

    Attributes:
        pair: The relayed connection this leg belongs to.
        end_kind: How the leg ended (the kind of its closing event), None while open.
        held_back: True while the other leg cannot take more (back-pressure).
    """

    def __init__(
        self, pair: RelayPair, sock: socket.socket, local: str, peer: str, *, server: bool
    ) -> None:
        self.pair = pair
        self.end_kind: EventKind | None = None
        self.held_back = False
        self.chunk_flags = ChunkFlag.SERVER_LEG if server else ChunkFlag.NONE
        super().__init__(pair.engine, sock, pair.conn_id, local, peer, pair.leg_closed)

    def set_held_back(self, held: bool) -> None:
        """Stop (True) or resume (False) reading for back-pressure."""
        if held != self.held_back:
            self.held_back = held
            self._update_interest()

    def _update_interest(self) -> None:
        # The read-delay pause and back-pressure are two reasons not to read; either one
        # keeps reading off without the other undoing it.
        paused = self._read_paused
        self._read_paused = paused or self.held_back
        try:
            super()._update_interest()
        finally:
            self._read_paused = paused

    def _emit_received(self, datas: list[bytes]) -> None:
        super()._emit_received(datas)
        self.pair.forward(self, datas)

    def _peer_closed(self) -> None:
        self._reading = False
        self._update_interest()
        other = self.pair.other_name(self)
        self.engine.emit_event(
            EventKind.PEER_FIN,
            self.conn_id,
            local=self.local,
            peer=self.peer,
            message=text(
                "{peer} finished sending (FIN); the relay carries it to the {other}",
                peer=self.peer,
                other=text(other),
            ),
        )
        self.pair.leg_fin(self)

    def _close(self, kind: EventKind | None, message: str, reason: str = "") -> None:
        if not self.closed:
            self.end_kind = kind
        super()._close(kind, message, reason)


class _Way:
    """One direction of a pair, as the end of its fault pipe (see PipeEnd)."""

    def __init__(self, pair: RelayPair, direction: str) -> None:
        self.pair = pair
        self.direction = direction

    def target(self) -> RelayLeg | None:
        return self.pair.server if self.direction == "up" else self.pair.client

    def deliver(self, data: bytes) -> None:
        leg = self.target()
        if leg is not None and not leg.send_refusal:
            leg.send(data)

    def finish(self) -> None:
        self.pair.fin_carried(self.direction)

    def fault_close(self, how: str, spec: FaultSpec) -> None:
        self.pair.close(rst=how == "rst")

    def fault_event(self, spec: FaultSpec, action: str) -> None:
        self.pair.engine.faults.event(self.pair.conn_id, spec, action)


class RelayPair:
    """A client leg, its server leg (once connected) and the faults between them.

    Attributes:
        engine: The relay engine.
        conn_id: The relay connection id both legs share.
        client: The downstream leg (the client's connection to us).
        server: The upstream leg, None until connected.
        up: Faults on client -> server data.
        down: Faults on server -> client data.
    """

    def __init__(self, engine: RelayEngine, conn_id: int) -> None:
        self.engine = engine
        self.conn_id = conn_id
        self.client: RelayLeg | None = None
        self.server: RelayLeg | None = None
        #: The upstream socket while its connect is under way, and the connect's timer.
        self.connecting: socket.socket | None = None
        self.connect_timer: int | None = None
        self._fins: set[str] = set()
        rng = engine.faults.rng
        faults = engine.faults.specs
        self.up = FaultPipe(engine, "up", faults, rng, _Way(self, "up"))
        self.down = FaultPipe(engine, "down", faults, rng, _Way(self, "down"))

    def other_name(self, leg: RelayLeg) -> str:
        """The leg the other side of ``leg`` faces: "server" or "client"."""
        return "server" if leg is self.client else "client"

    def leg(self, name: str) -> RelayLeg | None:
        """The ``client`` or ``server`` leg."""
        return self.client if name == "client" else self.server

    def forward(self, leg: RelayLeg, datas: list[bytes]) -> None:
        """Hand what ``leg`` read to the other leg, through the faults."""
        pipe = self.up if leg is self.client else self.down
        push = pipe.push
        for data in datas:
            push(data)
        self._check_pressure(leg)

    def _check_pressure(self, leg: RelayLeg) -> None:
        if leg.closed:
            return
        pipe = self.up if leg is self.client else self.down
        other = self.server if leg is self.client else self.client
        queued = other.queued_bytes if other is not None and not other.closed else 0
        if queued > RELAY_HIGH_WATER:
            leg.set_held_back(True)
            assert other is not None
            other.when_drained(lambda: self._check_pressure(leg))
        elif pipe.held_bytes > RELAY_HIGH_WATER:
            leg.set_held_back(True)
            self.engine.call_later(HELD_RECHECK, lambda: self._check_pressure(leg))
        else:
            leg.set_held_back(False)

    def leg_fin(self, leg: RelayLeg) -> None:
        """``leg``'s peer sent FIN: the rest of its data, then the FIN, go through."""
        (self.up if leg is self.client else self.down).end()

    def fin_carried(self, direction: str) -> None:
        """A FIN reached the end of a pipe: shut down the target leg's sending side."""
        leg = self.server if direction == "up" else self.client
        self._fins.add(direction)
        if leg is not None and not leg.closed:
            leg.half_close()
        if len(self._fins) == 2:
            # Both sides finished: nothing more can flow; close once the FINs are out.
            self.close(rst=False)

    def close(self, *, rst: bool) -> None:
        """Close both legs: with RST at once, or gracefully once queued data is out."""
        for leg in (self.client, self.server):
            if leg is not None and not leg.closed:
                if rst:
                    leg.abort()
                else:
                    leg.disconnect()
        if self.client is not None and self.client.closed and self.server is None:
            self.engine.forget(self)

    def leg_closed(self, conn: StreamConn) -> None:
        """A leg closed: carry its end to the other leg, the way a transparent proxy would."""
        assert isinstance(conn, RelayLeg)
        other = self.server if conn is self.client else self.client
        if other is not None and not other.closed:
            if conn.end_kind in _RESETS:
                other.abort()  # an RST is carried as an RST, and at once
            else:
                other.disconnect()
        if self.connecting is not None:
            self.engine.drop_connect(self)
        if (self.client is None or self.client.closed) and (
            self.server is None or self.server.closed
        ):
            self.engine.forget(self)

    def end(self) -> None:
        """Forget the faults' timers and held data (the pair is gone)."""
        self.up.cancel()
        self.down.cancel()
        if self.connect_timer is not None:
            self.engine.cancel_timer(self.connect_timer)
            self.connect_timer = None


class RelayEngine(Engine):
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
        self.port = 0
        self.remote = (
            cfg.remote_host
            if cfg.family is Family.UNIX
            else format_address((cfg.remote_host, cfg.remote_port))
        )

    # ------------------------------------------------------------ commands
    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Inject ``data`` toward the server (every relayed connection when None)."""
        self.inject(conn_id, "server", data)

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
    def _open(self) -> None:
        cfg = self.config
        self._upstream_addr = resolve(cfg, cfg.remote_host, cfg.remote_port, passive=False)
        sock = new_socket(cfg, socket.SOCK_STREAM)
        try:
            bind(sock, cfg, cfg.local_host, cfg.local_port)
            listen(sock, cfg.backlog)
        except OSError as exc:
            sock.close()
            raise SetupError(
                text("cannot listen: {reason}", reason=exc.strerror or str(exc))
            ) from None
        except SetupError:
            sock.close()
            raise
        self._listener = sock
        self.local_address = local_name(sock)
        if cfg.family is not Family.UNIX:
            self.port = sock.getsockname()[1]
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text(
                "relaying {local} to {remote}", local=self.local_address, remote=self.remote
            ),
        )
        self.faults.announce()
        self._gate = AcceptGate(self, sock, self._adopt)

    def wrap_downstream(self, sock: socket.socket) -> socket.socket:
        """The TLS hook of the client leg: the accepted socket, wrapped or as it is."""
        return sock

    def wrap_upstream(self, sock: socket.socket) -> socket.socket:
        """The TLS hook of the server leg: the connected socket, wrapped or as it is."""
        return sock

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
        client = RelayLeg(pair, self.wrap_downstream(sock), local, peer, server=False)
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
            import os

            self._upstream_failed(
                pair, errors.connect_error(OSError(code, os.strerror(code)), self.remote, unix=unix)
            )
            return
        server = RelayLeg(
            pair, self.wrap_upstream(sock), local_name(sock), self.remote, server=True
        )
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
            self._listener.close()
            self._listener = None
            if self.config.family is Family.UNIX:
                remove_unix_path(self.config.local_host)
