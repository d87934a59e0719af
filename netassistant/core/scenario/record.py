"""What one pane of a scenario did: counters, stream digests and a bounded event log.

A :class:`PaneRecord` is fed by its session (in the engine thread, or the GUI thread in
the window) and read by the runner's checks (in the runner's thread); one lock guards it
and one condition, shared by all panes of a run, wakes the runner when anything changed.

Memory is bounded whatever the traffic: counters and SHA-256 digests stand for the
streams (``bytes equal`` compares digests, not kept copies); the newest events are kept
(at most :data:`MAX_EVENTS`, :data:`MAX_EVENT_BYTES` of data) for the first chunks a check
looks at and for a timeline writer; messages, errors and truncations keep their first few.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, deque
from typing import Any

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, Event, EventKind

MAX_EVENTS = 20_000
MAX_EVENT_BYTES = 32 * 1024 * 1024
MAX_KEPT = 1000  # first RX chunks, messages, errors, truncations kept for checks


class PaneRecord:
    """Everything the checks of a scenario may ask about one pane.

    Attributes:
        name: The pane's name in the scenario.
        changed: The run's condition; notified after every feed.
        events: The newest events (bounded), for a timeline.
        rx_chunks, tx_chunks, rx_bytes, tx_bytes: Counters over the whole run.
        legs: A relay's counters per leg (``server_leg.tx_chunks``: the writes the relay
            made to the server); see :data:`LEG_COUNTERS`.
        first_rx: The first RX chunks (at most :data:`MAX_KEPT`).
        messages: The first decoded messages' payloads.
        errors: The first ERROR events.
        kinds: How many events of each kind.
        dropped: Datagrams the kernel dropped (DROPPED events' total).
        truncated: The first truncated datagrams, as (bytes kept, true size).
        connections: conn_id -> (local, peer) of every connection opened.
        plans: plan id -> how it ended ("done", "failed", ...).
        listening: The address of the last LISTENING event ("" before).
    """

    def __init__(self, name: str, changed: threading.Condition) -> None:
        """An empty record notifying ``changed``."""
        self.name = name
        self.changed = changed
        self.events: deque[Event] = deque()
        self._event_bytes = 0
        self.rx_chunks = self.tx_chunks = self.rx_bytes = self.tx_bytes = 0
        self.legs: Counter[str] = Counter()
        self._rx_digest = hashlib.sha256()
        self._tx_digest = hashlib.sha256()
        self.first_rx: list[Chunk] = []
        self.messages: list[bytes] = []
        self.errors: list[ConnEvent] = []
        self.kinds: Counter[str] = Counter()
        self.dropped = 0
        self.truncated: list[tuple[int, int]] = []
        self.connections: dict[int, tuple[str, str]] = {}
        self.plans: dict[int, str] = {}
        self.listening = ""

    # ------------------------------------------------------------ feeding (any thread)
    def feed(self, events: list[Event], decoded: list[Any] | None = None) -> None:
        """Take one batch of events and the messages decoded from it."""
        with self.changed:
            for event in events:
                self._keep(event)
                if type(event) is Chunk:
                    self._chunk(event)
                elif type(event) is ConnEvent:
                    self._conn_event(event)
            for item in decoded or ():
                payload = getattr(item, "payload", None)
                if isinstance(payload, bytes) and len(self.messages) < MAX_KEPT:
                    self.messages.append(payload)
            self.changed.notify_all()

    def _keep(self, event: Event) -> None:
        self.events.append(event)
        if type(event) is Chunk:
            self._event_bytes += len(event.data)
        while len(self.events) > MAX_EVENTS or self._event_bytes > MAX_EVENT_BYTES:
            old = self.events.popleft()
            if type(old) is Chunk:
                self._event_bytes -= len(old.data)

    def _chunk(self, chunk: Chunk) -> None:
        # Only a relay's server leg is flagged; for other kinds the client_leg counters
        # simply repeat the totals, and the schema allows them on relay panes only.
        leg = "server_leg" if chunk.flags & ChunkFlag.SERVER_LEG else "client_leg"
        way = "rx" if chunk.direction is Direction.RX else "tx"
        self.legs[f"{leg}.{way}_chunks"] += 1
        self.legs[f"{leg}.{way}_bytes"] += len(chunk.data)
        if chunk.direction is Direction.RX:
            self.rx_chunks += 1
            self.rx_bytes += len(chunk.data)
            self._rx_digest.update(chunk.data)
            if len(self.first_rx) < MAX_KEPT:
                self.first_rx.append(chunk)
            if chunk.truncated and len(self.truncated) < MAX_KEPT:
                self.truncated.append((len(chunk.data), chunk.true_length))
        else:
            self.tx_chunks += 1
            self.tx_bytes += len(chunk.data)
            self._tx_digest.update(chunk.data)

    def _conn_event(self, event: ConnEvent) -> None:
        kind = event.kind
        self.kinds[kind.value] += 1
        if kind in (EventKind.ACCEPTED, EventKind.CONNECTED):
            self.connections[event.conn_id] = (event.local, event.peer)
        elif kind is EventKind.LISTENING:
            self.listening = event.local
        elif kind is EventKind.DROPPED:
            self.dropped += event.sent
        elif kind is EventKind.ERROR and len(self.errors) < MAX_KEPT:
            self.errors.append(event)
        if event.plan_id and event.state and event.state != "running":
            self.plans[event.plan_id] = event.state

    # ------------------------------------------------------------- reading (runner)
    def digest(self, direction: Direction) -> str:
        """SHA-256 of every byte received (RX) or sent (TX) so far, in order."""
        with self.changed:
            source = self._rx_digest if direction is Direction.RX else self._tx_digest
            return source.hexdigest()

    def counter(self, name: str) -> int:
        """One of the counters checks compare: ``rx_chunks``, ``tx_bytes``, ``messages``..."""
        with self.changed:
            if name == "messages":
                return len(self.messages)
            if name == "dropped":
                return self.dropped
            if name in COUNTERS:
                return int(getattr(self, name))
            if name in LEG_COUNTERS:
                return self.legs[name]
            return self.kinds[name]


#: The counters a check may name (``server.rx_chunks``); event kinds count too (``accepted``).
COUNTERS = ("rx_chunks", "tx_chunks", "rx_bytes", "tx_bytes", "messages", "dropped")
#: A relay's counters per leg: ``client_leg`` faces the client, ``server_leg`` the server
#: (``relay.server_leg.tx_chunks``: how many writes the relay made to the server).
LEG_COUNTERS = tuple(
    f"{leg}.{counter}"
    for leg in ("client_leg", "server_leg")
    for counter in ("rx_chunks", "tx_chunks", "rx_bytes", "tx_bytes")
)
