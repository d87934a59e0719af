"""TimelineBuilder: a session's events, fed in batches, as the steps of a sequence diagram.

The builder is fed what the session's sink sees (:class:`~netassistant.core.chunk.Chunk`
and :class:`~netassistant.core.chunk.ConnEvent` records in ``seq`` order), batch by batch,
and keeps the steps sorted by time. Events of the session at the other end of the
connections (another pane of this app, another CLI run) can be fed as a numbered peer
session: its steps join the same diagram and its sends and recvs link with ours by byte
range (see :mod:`netassistant.core.timeline.links`), so 粘包 and 拆包 are drawn from
both ends' real calls. A peer session's events that belong to no connection of this
session are left out (it may talk to others too).

Memory is bounded: at most ``max_steps`` steps are held (the newest), and
:attr:`TimelineBuilder.dropped` counts the older ones let go. Feeding costs a few
microseconds per event, so a flood never slows the engine that feeds it.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, Event, EventKind
from netassistant.core.timeline.links import RECV, SEND, WIRE, LinkTable
from netassistant.core.timeline.steps import CONNECTED, LOCAL, PEER, SERVER_LEG, Step

#: Steps held by default (the newest); older ones are dropped and counted.
DEFAULT_MAX_STEPS = 50_000
#: A peer session's events waiting for this session to name their connection.
MAX_WAITING = 4096
#: How many feeds a waiting peer event is retried before it is let go.
WAIT_FEEDS = 50

_EVENT_CALLS: dict[EventKind, tuple[tuple[str, str], ...]] = {
    # kind -> the (call, side) steps it makes, in order
    EventKind.LISTENING: (("listen", LOCAL),),
    EventKind.CONNECTING: (("connect", LOCAL),),
    EventKind.CONNECTED: (("connect", LOCAL),),
    EventKind.ACCEPTED: (("accept", LOCAL),),
    # CLOSED: recv() returned b'' and the engine then closed our socket.
    EventKind.CLOSED: (("fin", PEER), ("close", LOCAL)),
    EventKind.PEER_FIN: (("fin", PEER),),
    EventKind.HALF_CLOSED: (("shutdown", LOCAL),),
    EventKind.RESET: (("rst", PEER),),
    EventKind.ABORTED: (("rst", LOCAL),),
    EventKind.LOCAL_CLOSE: (("close", LOCAL),),
    EventKind.ERROR: (("error", LOCAL),),
    EventKind.STATE: (("state", LOCAL),),
    EventKind.SEGMENT: (("segment", LOCAL),),
    EventKind.TLS: (("tls", LOCAL),),
}


class _Conn(NamedTuple):
    """What a session knows of one of its connections."""

    local: str
    peer: str
    nth: int  # connections of this 4-tuple before it, in this session (port reuse)


class TimelineBuilder:
    """Turn the events of a session (and of its peers) into timeline steps.

    Attributes:
        max_steps: The most steps held.
        dropped: Steps dropped because of ``max_steps`` (the oldest first).
        t0_ns: Time of the first event seen (the diagram's zero), or None.
        local_address: This session's socket address as first seen ("" until known).
    """

    def __init__(self, max_steps: int = DEFAULT_MAX_STEPS) -> None:
        """Create an empty timeline holding at most ``max_steps`` steps."""
        if max_steps < 1:
            raise ValueError(f"max_steps must be 1 or more, not {max_steps}")
        self.max_steps = max_steps
        self.dropped = 0
        self.t0_ns: int | None = None
        self.local_address = ""
        self._steps: list[Step] = []
        self._by_id: dict[int, Step] = {}
        self._next_id = 1
        self._links_out: dict[int, list[int]] = {}
        self._links_in: dict[int, list[int]] = {}
        self._table = LinkTable()
        # per session: conn id -> _Conn; per session: 4-tuple -> connections seen.
        self._conns: dict[int, dict[int, _Conn]] = {}
        self._tuples: dict[int, dict[tuple[str, str], int]] = {}
        # (session, conn, sent, leg) -> bytes so far; (session, conn, dir) -> wire's ISN.
        self._offsets: dict[tuple[int, int, bool, str], int] = {}
        self._isn: dict[tuple[int, int, str], int] = {}
        self._mine: set[str] = set()  # this session's own addresses
        self._waiting: deque[tuple[int, int, Event]] = deque(maxlen=MAX_WAITING)
        self._relay = False
        self._lanes: dict[str, str] = {}  # peer lifeline -> leg, in order of appearance
        self._listening: set[int] = set()  # sessions that listen (their stop closes it)

    # ------------------------------------------------------------------ reading
    @property
    def steps(self) -> list[Step]:
        """The steps held, oldest first (do not modify)."""
        return self._steps

    def __len__(self) -> int:
        return len(self._steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self._steps)

    def step(self, step_id: int) -> Step | None:
        """The step with this id, or None once dropped."""
        return self._by_id.get(step_id)

    def row_of(self, step_id: int) -> int:
        """The step's position in :attr:`steps`, or -1 once dropped."""
        step = self._by_id.get(step_id)
        if step is None:
            return -1
        return bisect.bisect_left(self._steps, step.key, key=_key)

    def links_from(self, step_id: int) -> list[Step]:
        """The held steps that carried on this step's bytes (a send's recvs or segments)."""
        return self._linked(self._links_out.get(step_id, ()))

    def links_to(self, step_id: int) -> list[Step]:
        """The held steps whose bytes this step carried on (a recv's sends or segments)."""
        return self._linked(self._links_in.get(step_id, ()))

    def _linked(self, ids: Iterable[int]) -> list[Step]:
        found = (self._by_id.get(i) for i in ids)
        return [step for step in found if step is not None]

    def find_seq(self, seq: int, session: int = 0) -> Step | None:
        """The newest held step made from event ``seq`` of ``session`` (None: not held)."""
        for step in reversed(self._steps):
            if step.seq == seq and step.session == session:
                return step
        return None

    @property
    def relay(self) -> bool:
        """True once a relay's server-leg chunk was seen (three lifelines)."""
        return self._relay

    def lanes(self) -> list[tuple[str, str]]:
        """The peer lifelines as ``(address, leg)``, in the order they first appeared.

        A lifeline stays listed when its steps were dropped (bounded: one per peer).
        """
        return list(self._lanes.items())

    # ------------------------------------------------------------------ feeding
    def feed(self, events: Iterable[Event], session: int = 0, *, keep: int | None = None) -> int:
        """Add a batch of a session's events (in ``seq`` order); returns the steps added.

        Args:
            events: Chunks and connection events, oldest first.
            session: 0 for this session; 1... for a peer session at the other end of
                this session's connections.
            keep: Make steps of at most this many of the batch's newest chunks (a view
                that fell behind a flood); the older ones only move the byte offsets and
                count in :attr:`dropped`. None: up to ``max_steps``.
        """
        before = self._next_id
        if session and self._waiting:
            self._retry_waiting()
        batch = events if isinstance(events, list) else list(events)
        # A batch longer than the cap (a flood the view could not keep up with): its
        # oldest chunks would be dropped at once, so they only advance the offsets.
        skip = len(batch) - min(self.max_steps, self.max_steps if keep is None else keep)
        for index, event in enumerate(batch):
            if session and not self._is_ours(session, event):
                self._waiting.append((WAIT_FEEDS, session, event))
                continue
            if index < skip and type(event) is Chunk:
                self._skip_chunk(session, event)
                continue
            self._add_event(session, event)
        if self._waiting:
            self._retry_waiting()
        self._trim()
        return self._next_id - before

    def clear(self) -> None:
        """Forget every step and what was known of the connections."""
        self.__init__(self.max_steps)  # type: ignore[misc]

    def _retry_waiting(self) -> None:
        waiting, self._waiting = self._waiting, deque(maxlen=MAX_WAITING)
        for tries, session, event in waiting:
            if self._is_ours(session, event):
                self._add_event(session, event)
            elif tries > 1:
                self._waiting.append((tries - 1, session, event))

    def _is_ours(self, session: int, event: Event) -> bool:
        """Whether a peer session's event belongs to one of this session's connections.

        An event that does not name its own address yet (a client's ``connect()`` start)
        waits until the connection is known, so it is drawn on the right lifeline.
        """
        known = self._conns.get(session, {}).get(event.conn_id)
        if known is not None and known.peer in self._mine:
            return True
        return bool(event.peer and event.local) and event.peer in self._mine

    def _add_event(self, session: int, event: Event) -> None:
        if self.t0_ns is None or event.ts_ns < self.t0_ns:
            self.t0_ns = event.ts_ns
        if type(event) is Chunk:
            self._add_chunk(session, event)
            return
        assert isinstance(event, ConnEvent)
        calls = _EVENT_CALLS.get(event.kind)
        if calls is None:
            if event.kind is EventKind.STOPPED and session in self._listening:
                calls = (("close", LOCAL),)
            else:
                return  # progress, drops, faults: not calls on a socket
        if (event.detail or {}).get("leg") == SERVER_LEG:
            # A relay's upstream leg shares the client leg's connection number: learning
            # it would make the client leg's chunks look like the upstream socket's.
            conn: _Conn | None = _Conn(event.local, event.peer, 0)
        else:
            conn = self._learn(session, event.conn_id, event.local, event.peer, event.kind)
        if not session and event.local:
            self._own(event.local)
        lane = conn.peer if conn is not None else event.peer
        for call, side in calls:
            start, length = -1, 0
            message = event.message
            if event.kind is EventKind.CONNECTED:
                message = CONNECTED
            if call == "segment":
                side, start, length = self._segment(session, event, conn)
            step = Step(
                self._next_id,
                event.ts_ns,
                _flip(side) if session else side,
                call,
                event.conn_id,
                event.seq,
                length,
                self._lane(session, lane, conn.local if conn is not None else event.local),
                start,
                session,
                "",
                message,
                event.detail,
            )
            self._add(step)
            if call == "segment" and start >= 0 and length and conn is not None:
                tx = side == LOCAL  # the segment went from this session's socket
                src, dst = (conn.local, conn.peer) if tx else (conn.peer, conn.local)
                self._link((src, dst, conn.nth), WIRE, step)
        if event.kind is EventKind.LISTENING:
            self._listening.add(session)

    def _own(self, address: str) -> None:
        self._mine.add(address)
        self.local_address = self.local_address or address

    def _lane(self, session: int, peer: str, local: str) -> str:
        # A peer session's lifeline is its own address: our peer.
        return local if session else peer

    def _learn(
        self, session: int, conn_id: int, local: str, peer: str, kind: EventKind | None
    ) -> _Conn | None:
        """Remember a connection's addresses; None for the session's own socket (conn 0)."""
        conns = self._conns.setdefault(session, {})
        known = conns.get(conn_id)
        if kind in (EventKind.ACCEPTED, EventKind.CONNECTED) or (
            known is None and local and peer and conn_id
        ):
            if known is not None and (known.local, known.peer) == (local, peer):
                return known
            tuples = self._tuples.setdefault(session, {})
            nth = tuples.get((local, peer), 0)
            tuples[(local, peer)] = nth + 1
            known = _Conn(local, peer, nth)
            conns[conn_id] = known
        return known

    def _skip_chunk(self, session: int, chunk: Chunk) -> None:
        """Count a chunk that is dropped at once: its bytes still move the stream's offset."""
        if self.t0_ns is None or chunk.ts_ns < self.t0_ns:
            self.t0_ns = chunk.ts_ns
        leg = _leg(chunk)
        if chunk.conn_id and (
            leg or self._learn(session, chunk.conn_id, chunk.local, chunk.peer, None)
        ):
            key = (session, chunk.conn_id, chunk.direction is Direction.TX, leg)
            self._offsets[key] = self._offsets.get(key, 0) + chunk.true_length
        self.dropped += 1

    def _add_chunk(self, session: int, chunk: Chunk) -> None:
        tx = chunk.direction is Direction.TX
        leg = _leg(chunk)
        if leg:
            # A relay's upstream leg shares its connection number with the client leg but
            # is another socket: its own addresses and its own offsets.
            self._relay = True
            conn: _Conn | None = _Conn(chunk.local, chunk.peer, 0)
        else:
            if not session and chunk.local and chunk.local not in self._mine:
                self._own(chunk.local)
            conn = self._conns.get(session, {}).get(chunk.conn_id)
            if conn is None:
                conn = self._learn(session, chunk.conn_id, chunk.local, chunk.peer, None)
        length = chunk.orig_len if chunk.orig_len >= 0 else len(chunk.data)
        start = -1
        # A stream's offsets mean something for TCP connections (conn ids from 1), not for
        # a UDP socket's datagrams (conn 0, many peers).
        if chunk.conn_id and conn is not None:
            key = (session, chunk.conn_id, tx, leg)
            start = self._offsets.get(key, 0)
            self._offsets[key] = start + length
        step = Step(
            self._next_id,
            chunk.ts_ns,
            PEER if session else LOCAL,
            "send" if tx else "recv",
            chunk.conn_id,
            chunk.seq,
            length,
            self._lane(session, chunk.peer, chunk.local),
            start,
            session,
            leg,
        )
        self._add(step)
        if start >= 0 and length and conn is not None:
            src, dst = (conn.local, conn.peer) if tx else (conn.peer, conn.local)
            self._link((src, dst, conn.nth), SEND if tx else RECV, step)

    def _segment(self, session: int, event: ConnEvent, conn: _Conn | None) -> tuple[str, int, int]:
        """A SEGMENT's side, stream offset and payload length (offset -1 when unknown)."""
        detail = event.detail or {}
        direction = str(detail.get("dir", "tx"))
        side = LOCAL if direction == "tx" else PEER
        length = _int(detail.get("len"))
        seq = _int(detail.get("seq"))
        key = (session, event.conn_id, direction)
        if "SYN" in str(detail.get("flags", "")).split(","):
            self._isn[key] = seq
            return side, -1, length
        isn = self._isn.get(key)
        if isn is None or not length or conn is None:
            return side, -1, length
        return side, (seq - isn - 1) % (1 << 32), length

    def _add(self, step: Step) -> None:
        steps = self._steps
        if (
            not steps
            or step.ts_ns > (steps[-1].order_ns or steps[-1].ts_ns)
            or step.key >= steps[-1].key
        ):
            steps.append(step)
        else:  # a peer session's step from before our last one
            bisect.insort(steps, step, key=_key)
        self._by_id[step.id] = step
        self._next_id += 1
        if step.leg:
            # A lane first drawn from a peer session (a server pane's own steps, leg "")
            # is still the relay's server leg once the relay's step says so.
            self._lanes[step.lane] = step.leg
        else:
            self._lanes.setdefault(step.lane, step.leg)

    def _link(self, stream: tuple[str, str, int], role: int, step: Step) -> None:
        for first, then in self._table.add(stream, role, step.start, step.end, step.id):
            self._links_out.setdefault(first, []).append(then)
            self._links_in.setdefault(then, []).append(first)
            self._sort_after(self._by_id[then], self._by_id[first])

    def _sort_after(self, step: Step, first: Step) -> None:
        """Move ``step`` (and its session's steps up to there) just after ``first``."""
        if step.key > first.key:
            return
        target = first.key[0] + 1
        steps = self._steps
        row = self.row_of(step.id)
        end = row
        while end < len(steps) and steps[end].key[0] < target:
            end += 1
        keep: list[Step] = []
        moved: list[Step] = []
        for item in steps[row:end]:
            if item.session == step.session:
                item = item._replace(order_ns=target)
                self._by_id[item.id] = item
                moved.append(item)
            else:
                keep.append(item)
        steps[row:end] = keep + moved
        if end < len(steps) and steps[end].key < steps[end - 1].key:
            steps.sort(key=_key)  # an exact tie with a later step: rare, and still bounded

    def _trim(self) -> None:
        excess = len(self._steps) - self.max_steps
        if excess <= 0:
            return
        for step in self._steps[:excess]:
            del self._by_id[step.id]
            self._links_out.pop(step.id, None)
            self._links_in.pop(step.id, None)
        del self._steps[:excess]
        self.dropped += excess


def _leg(chunk: Chunk) -> str:
    """A relay chunk's leg: ``server`` for the upstream one, else ""."""
    # (IntFlag's & is slow; most chunks have no flag at all.)
    return SERVER_LEG if chunk.flags and chunk.flags & ChunkFlag.SERVER_LEG else ""


def _flip(side: str) -> str:
    """A peer session's side, seen from this session."""
    return LOCAL if side == PEER else PEER


def _key(step: Step) -> tuple[int, int, int, int]:
    return step.key


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
