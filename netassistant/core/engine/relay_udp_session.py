"""One sender's UDP relay session: its upstream socket, faults and idle timer."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import EventKind, format_address
from netassistant.core.engine.sockets import local_name
from netassistant.core.i18n import text
from netassistant.core.relay.faults import FaultPipe
from netassistant.core.relay.spec import FaultSpec

if TYPE_CHECKING:
    from netassistant.core.engine.relay_udp import UdpRelayEngine


class UdpRelaySession:
    """One sender's relay session: its upstream socket and the faults each way.

    Attributes:
        conn_id: The session's relay connection id.
        addr: The sender's address (where answers go).
        peer: ``addr`` formatted.
        upstream: The socket connected to the server, for this sender only.
        upstream_local: Its local address, formatted.
        last_active: ``time.monotonic()`` of the last datagram either way.
        closed: True once expired or closed.
    """

    def __init__(
        self, engine: UdpRelayEngine, conn_id: int, addr: Any, upstream: socket.socket
    ) -> None:
        self.engine = engine
        self.conn_id = conn_id
        self.addr = addr
        self.peer = format_address(addr)
        self.upstream = upstream
        self.upstream_local = local_name(upstream)
        self.last_active = time.monotonic()
        self.closed = False
        self._timer = engine.call_later(engine.config.relay_idle_timeout, self._check_idle)
        faults, rng = engine.faults.specs, engine.faults.rng
        self.up = FaultPipe(engine, "up", faults, rng, _UdpWay(self, "up"), datagrams=True)
        self.down = FaultPipe(engine, "down", faults, rng, _UdpWay(self, "down"), datagrams=True)

    def _check_idle(self) -> None:
        idle = self.engine.config.relay_idle_timeout
        left = self.last_active + idle - time.monotonic()
        if left > 0:
            self._timer = self.engine.call_later(left, self._check_idle)
            return
        self._timer = -1
        self.engine.close_session(
            self,
            EventKind.LOCAL_CLOSE,
            text(
                "UDP relay session #{conn} of {peer} expired after {seconds:g} s "
                "without a datagram",
                conn=self.conn_id,
                peer=self.peer,
                seconds=idle,
            ),
        )

    def cancel(self) -> None:
        """Forget the idle timer and what the faults hold."""
        if self._timer >= 0:
            self.engine.cancel_timer(self._timer)
            self._timer = -1
        self.up.cancel()
        self.down.cancel()


class _UdpWay:
    """One direction of a UDP relay session, as the end of its fault pipe."""

    def __init__(self, session: UdpRelaySession, direction: str) -> None:
        self.session = session
        self.direction = direction

    def deliver(self, data: bytes) -> None:
        session = self.session
        if not session.closed:
            session.engine.send_leg(session, "server" if self.direction == "up" else "client", data)

    def finish(self) -> None:
        """Datagrams have no FIN to carry."""

    def fault_close(self, how: str, spec: FaultSpec) -> None:
        session = self.session
        session.engine.close_session(
            session,
            EventKind.ABORTED if how == "rst" else EventKind.LOCAL_CLOSE,
            text(
                "UDP relay session #{conn} of {peer} closed by fault {spec}",
                conn=session.conn_id,
                peer=session.peer,
                spec=spec.format(),
            ),
        )

    def fault_event(self, spec: FaultSpec, action: str) -> None:
        self.session.engine.faults.event(self.session.conn_id, spec, action)


class UpstreamRoute:
    """A send plan's route: toward the server of one UDP relay session."""

    high_water = 1  # a datagram is sent or not: nothing queues

    def __init__(self, session: UdpRelaySession) -> None:
        self.session = session
        self.conn_id = session.conn_id
        self.local = session.upstream_local
        self.peer = session.engine.remote

    def refusal(self) -> str:
        """Why the session cannot take data ("" while it can); see :class:`Route`."""
        return text("the UDP relay session has expired") if self.session.closed else ""

    def send(self, data: bytes) -> bool:
        """One datagram toward the server; see :class:`Route`."""
        return self.session.engine.send_leg(self.session, "server", data)

    def backlog(self) -> int:
        """Nothing queues: a datagram is sent or refused at once."""
        return 0

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` on the next loop turn (nothing ever queues)."""
        self.session.engine.call_later(0, fn)
