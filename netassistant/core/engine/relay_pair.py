"""One relayed connection: its two legs and the faults between them.

:class:`RelayLeg` is a :class:`~netassistant.core.engine.connection.StreamConn` that hands
what it reads to its :class:`RelayPair`; the pair pushes it through the direction's
:class:`~netassistant.core.relay.faults.FaultPipe` to the other leg, carries FIN as FIN and
RST as RST, and stops a leg reading while the other cannot keep up.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import ChunkFlag, EventKind
from netassistant.core.engine.connection import STREAM_HIGH_WATER, StreamConn
from netassistant.core.i18n import text
from netassistant.core.relay.faults import FaultPipe
from netassistant.core.relay.spec import FaultSpec

if TYPE_CHECKING:
    from netassistant.core.engine.relay import RelayEngine

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
        self,
        pair: RelayPair,
        sock: socket.socket,
        local: str,
        peer: str,
        *,
        server: bool,
        **conn_options: Any,
    ) -> None:
        self.pair = pair
        self.end_kind: EventKind | None = None
        self.held_back = False
        self.chunk_flags = ChunkFlag.SERVER_LEG if server else ChunkFlag.NONE
        # conn_options: what a TLS leg's connection class takes more (its TlsSide).
        super().__init__(
            pair.engine, sock, pair.conn_id, local, peer, pair.leg_closed, **conn_options
        )

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
        connecting = self.engine.drop_connect(self)
        if connecting is not None:
            connecting.close()  # the client left before the server answered
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
