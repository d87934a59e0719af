"""Kernel socket state, live: STATE events for a TCP session's sockets (Linux).

A :class:`KernelWatch` samples on the engine's timers (never sleeping, nothing on the
read path), every :data:`TICK` seconds:

* each watched connection's ``TCP_INFO`` state, RTT and retransmits, and its receive
  and send queues (so a slow reader's 粘包 is seen forming before ``recv()`` takes it);
* on loopback, the **peer's** socket, looked up by the mirror 4-tuple in the system's
  socket table (sock_diag, or ``/proc/net/tcp*``: see :mod:`.sockfind`);
* our socket **after we closed it**: gone from our process, it may sit in FIN_WAIT or
  TIME_WAIT; its 4-tuple is looked up until it leaves (or :data:`LINGER_MAX`);
* the listening socket: its accept queue against its backlog.

A STATE event goes out when a state (ours or the peer's) changes, and when the queues
or retransmits change, at most once per tick (10 a second) per connection and only
while they change.

Scale: a server with 10,000 clients samples at most :data:`MAX_WATCHED` connections
(the oldest open ones, plus any a view asks for with :meth:`KernelWatch.focus`): the
state view shows one selected connection and a classroom has a handful, while 10,000
``getsockopt`` calls and STATE events a tick would cost the loop more than the clients
do. The lookups go one socket at a time through sock_diag, whatever the size of the
system's table; only the ``/proc`` fallback reads the whole table, at most once a tick,
and less often when it is big (never more than 5% of the loop's time).
"""

from __future__ import annotations

import itertools
import socket
import time
from collections.abc import Iterable

from netassistant.core.chunk import EventKind, format_address
from netassistant.core.config import Family, Kind
from netassistant.core.engine.kernel import TableEntry
from netassistant.core.engine.sockfind import Pair, SocketFinder
from netassistant.core.engine.sockstate import queue_sizes, supported, tcp_info
from netassistant.core.i18n import text
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.engine.base import Engine

#: Seconds between two samples (so at most 10 STATE events a second per connection).
TICK = 0.1
#: Connections sampled at once (see the module docstring for why there is a cap).
MAX_WATCHED = 32
#: Closed sockets still watched in the system table, and for how long (Linux keeps
#: TIME_WAIT for 60 s).
MAX_LINGERING = 64
LINGER_MAX = 70.0
#: The table is read at most once per this many times its last read took.
TABLE_COST_FACTOR = 20

_OUR_FIN = frozenset({"FIN_WAIT1", "FIN_WAIT2", "CLOSING", "TIME_WAIT"})
_THEIR_FIN = frozenset({"CLOSE_WAIT", "LAST_ACK"})
_GONE = "CLOSED"


class _Watched:
    """What the watch remembers of one connection between ticks."""

    __slots__ = (
        "closed_first",
        "conn_id",
        "gone_at",
        "last",
        "local",
        "loopback",
        "ours",
        "peer",
        "peer_state",
        "sock",
        "theirs",
    )

    def __init__(self, conn_id: int, sock: socket.socket) -> None:
        self.conn_id = conn_id
        self.sock = sock
        self.local = self.peer = ""
        #: Our socket's 4-tuple and the peer socket's (its mirror), once known.
        self.ours: Pair | None = None
        self.theirs: Pair | None = None
        self.loopback = False
        self.peer_state: str | None = None
        self.closed_first: str | None = None
        self.last: tuple[Any, ...] = ()
        self.gone_at = 0.0
        self.learn_addresses()

    def learn_addresses(self) -> None:
        """Name both ends once the socket knows them (a connecting socket has no peer yet)."""
        try:
            local = self.sock.getsockname()
            peer = self.sock.getpeername()
        except OSError:
            return
        self.local, self.peer = format_address(local), format_address(peer)
        self.ours = (local[0], local[1]), (peer[0], peer[1])
        self.theirs = self.ours[1], self.ours[0]
        self.loopback = _is_loopback(peer[0])

    def note_states(self, state: str, peer_state: str | None) -> None:
        """Work out which side sent its FIN first, once, from the states seen."""
        if self.closed_first is not None:
            return
        if state in _OUR_FIN:
            self.closed_first = "both" if peer_state in _OUR_FIN else "local"
        elif state in _THEIR_FIN or peer_state in _OUR_FIN:
            self.closed_first = "peer"


def _is_loopback(host: str) -> bool:
    # By its spelling (getpeername's canonical form), without loading ipaddress.
    return host.removeprefix("::ffff:").startswith("127.") or host == "::1"


class KernelWatch:
    """Samples one TCP session's sockets on its engine's timers; see the module docstring.

    Attributes:
        engine: The engine whose sockets are watched (loop thread only).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conns: dict[int, _Watched] = {}
        self._lingering: dict[int, _Watched] = {}
        self._focus: tuple[int, ...] = ()
        self._listener_last: tuple[int, int] | None = None
        self._next_table = 0.0
        self._finder = SocketFinder()
        self._timer: int | None = None
        self._closed = False

    # ---------------------------------------------------------------- control
    def start(self) -> None:
        """Take the first sample on the next loop turn."""
        self._timer = self.engine.call_later(0, self._tick)

    def focus(self, conn_ids: Iterable[int]) -> None:
        """Sample these connections whatever the cap (the ones a view shows)."""
        self._focus = tuple(conn_ids)[:MAX_WATCHED]

    def close(self) -> None:
        """Stop sampling (the session ends), after one last look at the closed sockets.

        A TCP client's session ends with its connection: that last sample still shows
        where its socket went (FIN_WAIT2, TIME_WAIT...).
        """
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None
        if not self._closed:
            self._next_table = 0.0
            self._tick()
            if self._timer is not None:
                self.engine.cancel_timer(self._timer)
                self._timer = None
        self._closed = True
        self._finder.close()

    # ------------------------------------------------------------------ tick
    def _tick(self) -> None:
        self._timer = None
        if self._closed:
            return
        listener, pairs = self.engine.kernel_targets()
        current = self._current(pairs)
        now = time.monotonic()
        for conn_id in [c for c in self._conns if c not in current]:
            gone = self._conns.pop(conn_id)
            if gone.ours is not None and gone.sock.fileno() == -1:
                gone.gone_at = now
                self._lingering[conn_id] = gone
                while len(self._lingering) > MAX_LINGERING:
                    del self._lingering[next(iter(self._lingering))]
        self._conns = current
        table = self._read_table(now)
        for watched in current.values():
            self._sample_open(watched, table)
        for watched in list(self._lingering.values()):
            self._sample_gone(watched, table, now)
        if listener is not None:
            self._sample_listener(listener)
        self._timer = self.engine.call_later(TICK, self._tick)

    def _current(self, pairs: Iterable[tuple[int, socket.socket]]) -> dict[int, _Watched]:
        """The connections to sample this tick: the focused ones, then the oldest."""
        focus = self.engine.kernel_focus_targets(self._focus) if self._focus else []
        current: dict[int, _Watched] = {}
        for conn_id, sock in itertools.chain(focus, pairs):
            if len(current) >= MAX_WATCHED:
                break
            if conn_id in current:
                continue
            watched = self._conns.get(conn_id)
            if watched is None or watched.sock is not sock:
                watched = _Watched(conn_id, sock)
            elif watched.ours is None:
                watched.learn_addresses()
            current[conn_id] = watched
        return current

    def _read_table(self, now: float) -> dict[Pair, TableEntry] | None:
        """The sockets the watch needs to find (peers, our closed ones), or None this tick."""
        wanted: list[Pair] = []
        for watched in self._conns.values():
            if watched.loopback and watched.theirs is not None:
                wanted.append(watched.theirs)
        for watched in self._lingering.values():
            if watched.ours is not None:
                wanted.append(watched.ours)
            if watched.loopback and watched.theirs is not None:
                wanted.append(watched.theirs)
        if not wanted or now < self._next_table:
            return None
        started = time.perf_counter()
        table = self._finder.find(wanted)
        if not self._finder.netlink:
            # The /proc fallback reads the whole table: read it less often when it is big.
            cost = time.perf_counter() - started
            self._next_table = now + max(0.0, cost * TABLE_COST_FACTOR - TICK)
        if table is None:
            # No sock_diag, no /proc (a sandbox): nothing to learn about peers or closed sockets.
            self._lingering.clear()
            for watched in self._conns.values():
                watched.loopback = False
        return table

    # -------------------------------------------------------------- samples
    def _sample_open(self, watched: _Watched, table: dict[Pair, TableEntry] | None) -> None:
        info = tcp_info(watched.sock)
        if info is None:
            return
        rx, tx = queue_sizes(watched.sock) or (0, 0)
        peer_entry = None
        if table is not None and watched.loopback and watched.theirs is not None:
            peer_entry = table.get(watched.theirs)
            watched.peer_state = peer_entry.state if peer_entry else _GONE
        watched.note_states(info.state, watched.peer_state)
        key = (info.state, watched.peer_state, rx, tx, info.total_retrans)
        if key == watched.last:
            return
        watched.last = key
        detail: dict[str, object] = {
            "state": info.state,
            "peer_state": watched.peer_state,
            "rx_queue": rx,
            "tx_queue": tx,
            "rtt_us": info.rtt_us,
            "retrans": info.total_retrans,
        }
        self._emit(watched, detail, peer_entry)

    def _sample_gone(
        self, watched: _Watched, table: dict[Pair, TableEntry] | None, now: float
    ) -> None:
        if table is None:  # not read this tick
            if now - watched.gone_at > LINGER_MAX:
                self._lingering.pop(watched.conn_id, None)
            return
        ours = table.get(watched.ours) if watched.ours is not None else None
        peer_entry = (
            table.get(watched.theirs) if watched.loopback and watched.theirs is not None else None
        )
        state = ours.state if ours else _GONE
        if watched.loopback:
            watched.peer_state = peer_entry.state if peer_entry else _GONE
        watched.note_states(state, watched.peer_state)
        key = (state, watched.peer_state)
        if key != watched.last[:2]:
            watched.last = (*key, 0, 0, 0)
            detail: dict[str, object] = {
                "state": state,
                "peer_state": watched.peer_state,
                "rx_queue": ours.rx_queue if ours else 0,
                "tx_queue": ours.tx_queue if ours else 0,
            }
            if ours is not None and ours.state == "TIME_WAIT" and ours.timer_ms is not None:
                detail["timer_ms"] = ours.timer_ms
            self._emit(watched, detail, peer_entry)
        if (ours is None and peer_entry is None) or now - watched.gone_at > LINGER_MAX:
            self._lingering.pop(watched.conn_id, None)

    def _emit(
        self, watched: _Watched, detail: dict[str, object], peer_entry: TableEntry | None
    ) -> None:
        if peer_entry is not None and peer_entry.state == "TIME_WAIT" and peer_entry.timer_ms:
            detail["peer_timer_ms"] = peer_entry.timer_ms
        if watched.closed_first is not None:
            detail["closed_first"] = watched.closed_first
        self.engine.emit_event(
            EventKind.STATE,
            watched.conn_id,
            local=watched.local,
            peer=watched.peer,
            message=state_message(detail),
            detail=detail,
        )

    def _sample_listener(self, listener: socket.socket) -> None:
        info = tcp_info(listener)
        if info is None or (info.unacked, info.sacked) == self._listener_last:
            return
        self._listener_last = (info.unacked, info.sacked)
        detail: dict[str, object] = {
            "state": info.state,
            "peer_state": None,
            "rx_queue": 0,
            "tx_queue": 0,
            "accept_queue": info.unacked,
            "backlog": info.sacked,
        }
        self.engine.emit_event(
            EventKind.STATE,
            0,
            local=self.engine.local_address,
            message=text(
                "kernel state {state}: {queued} of {backlog} connections wait in the accept queue",
                state=info.state,
                queued=info.unacked,
                backlog=info.sacked,
            ),
            detail=detail,
        )


def state_message(detail: dict[str, object]) -> str:
    """The plain-words line of a connection's STATE event (the log's and the CLI's text)."""
    peer = detail.get("peer_state")
    line = (
        text(
            "kernel state {state}, peer {peer_state}; receive queue {rx} B, send queue {tx} B",
            state=detail["state"],
            peer_state=peer,
            rx=detail["rx_queue"],
            tx=detail["tx_queue"],
        )
        if peer is not None
        else text(
            "kernel state {state}; receive queue {rx} B, send queue {tx} B",
            state=detail["state"],
            rx=detail["rx_queue"],
            tx=detail["tx_queue"],
        )
    )
    if "timer_ms" in detail:
        line = text(
            "{line}; TIME_WAIT ends in {seconds} s",
            line=line,
            seconds=f"{int(detail['timer_ms']) / 1000:.1f}",  # type: ignore[call-overload]
        )
    return line


def start_kernel_watch(engine: Engine) -> KernelWatch | None:
    """Start watching ``engine``'s TCP sockets if its config asks for it (loop thread).

    Returns None for UDP and AF_UNIX sessions, when ``kernel_state`` is off, and where
    the OS gives no such data (then one STATE event with ``state`` None says so).
    """
    config = engine.config
    if (
        not config.kernel_state
        or config.kind is Kind.UDP
        or config.relay_udp
        or config.family is Family.UNIX
    ):
        return None
    if not supported():
        engine.emit_event(
            EventKind.STATE,
            message=text(
                "this system gives no kernel socket state (TCP_INFO is Linux only); none is shown"
            ),
            detail={"state": None, "peer_state": None, "rx_queue": None, "tx_queue": None},
        )
        return None
    watch = KernelWatch(engine)
    watch.start()
    return watch
