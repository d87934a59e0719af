"""SendScript: a sequence of sends (data and files), repeated, paced, run on the loop.

This is what ``netassistant-cli --send A --send-file F --repeat 3 --interval 100`` does:
once there is someone to send to (a connection, or a bound UDP socket), it sends the
items in order, ``repeat`` times, ``interval_ms`` apart, each data item as one send call
(one TX chunk), each file streamed in pieces by the engine's file sender. Nothing is
expanded in memory (``--repeat 10**12`` holds one copy), and it waits while the engine
still has more than :data:`HIGH_WATER` bytes queued, so a fast loop never piles data up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from netassistant.core.chunk import ConnEvent, Event, EventKind, connection_events
from netassistant.core.config import Kind
from netassistant.core.records import FrozenRecord
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.engine import Engine
    from netassistant.core.pipeline.session import SessionPipeline
    from netassistant.core.replayfile import ReplaySource
    from netassistant.core.sending.plans import SendPlan

#: Wait for the engine's send queue to drain below this before the next send.
HIGH_WATER = 4 * 1024 * 1024
#: Sends posted per loop turn at most, so commands and reads interleave.
SENDS_PER_TURN = 64
#: How often a script waiting for the queue to drain (below HIGH_WATER, or to nothing at
#: the end) looks again.
DRAIN_POLL_S = 0.002


class SendItem(FrozenRecord):
    """One step of a script: bytes to send in one call, or a file to stream.

    Attributes:
        data: The bytes (for a data item).
        path: The file to stream ("" for a data item).
        host: UDP only: send the data to this host (a library packet's target) instead
            of the session's remote address ("" for that).
        port: The port that goes with ``host``.
        pause_ms: Wait this long after this send before the next one (a panel's step
            list: send A, wait 100 ms, send B), on top of the script's interval.
        plan: A send plan to run as this step (the traffic generator, ``--rate``); an
            open-ended one (count 0) runs until the session ends, and that is no error.
        replay: A recording to replay (:mod:`netassistant.core.replayfile`), checked with
            ``scan`` beforehand; None for the other items.
        replay_total: Its number of sends, as ``scan`` counted them.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "data",
        "path",
        "host",
        "port",
        "pause_ms",
        "plan",
        "replay",
        "replay_total",
    )
    data: bytes
    path: str
    host: str
    port: int
    pause_ms: float
    plan: SendPlan | None
    replay: ReplaySource | None
    replay_total: int

    def __init__(
        self,
        data: bytes = b"",
        path: str = "",
        host: str = "",
        port: int = 0,
        pause_ms: float = 0.0,
        plan: SendPlan | None = None,
        replay: ReplaySource | None = None,
        replay_total: int = 0,
    ) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(data, path, host, port, pause_ms, plan, replay, replay_total)


class SendScript:
    """Sends its items in order once the session can send (engine thread only).

    Attributes:
        items: What to send, in order.
        repeat: How many times to go through the items.
        interval_ms: Gap between sends (0: back to back, with back-pressure).
        sends_done: Items handed to the engine so far (a file counts once it ended).
        finished: True once every item was handed to the engine (or the script failed).
        sent: True once the script finished without an error and the engine had nothing
            left queued: every byte was handed to the kernel.
        error: Why the script stopped early ("" if it did not).
        on_sent: Called once, on the engine thread, when ``sent`` becomes true (the CLI
            ends a send-only run then); set it before the pipeline starts the script.
    """

    def __init__(
        self,
        items: Sequence[SendItem],
        *,
        repeat: int = 1,
        interval_ms: float = 0.0,
        file_piece: int = 64 * 1024,
        datagram_size: int = 1400,
    ) -> None:
        """Describe the script; it starts when the pipeline runs it.

        Raises:
            ValueError: ``repeat`` below 1 or an interval that is not a finite number >= 0.
        """
        if repeat < 1:
            raise ValueError(f"repeat must be at least 1, not {repeat}")
        if not 0 <= interval_ms < float("inf"):
            raise ValueError(f"the interval must be a number of ms >= 0, not {interval_ms}")
        self.items = tuple(items)
        self.repeat = repeat
        self.interval_ms = interval_ms
        self.file_piece = file_piece
        self.datagram_size = datagram_size
        self.sends_done = 0
        self.finished = not self.items
        self.sent = False
        self.error = ""
        self.on_sent: Callable[[], None] | None = None
        self._pipeline: SessionPipeline | None = None
        self._engine: Engine | None = None
        self._started = False
        self._index = 0
        self._waiting_plan = 0
        self._open_ended = False  # the plan waited for runs until the session ends
        self._next_due = 0.0

    @property
    def total(self) -> int:
        """Sends the whole script makes."""
        return len(self.items) * self.repeat

    def attach(self, pipeline: SessionPipeline, engine: Engine, *, ready: bool) -> None:
        """Called by the pipeline on the engine thread when it takes the script.

        Args:
            pipeline: The pipeline that runs the script.
            engine: Its engine (the script's sends and timers).
            ready: True if there is already someone to send to: start now.
        """
        self._pipeline = pipeline
        self._engine = engine
        if ready:
            self._begin()

    def _begin(self) -> None:
        self._started = True
        self._next_due = time.monotonic()
        self._step()

    def observe(self, events: list[Event]) -> None:
        """See one batch (engine thread): start when ready, go on when a file ended.

        A failed file send ends the script with :attr:`error`; the failure itself already
        reached the front end as the file send's ERROR event.
        """
        if self.finished or self._pipeline is None:
            return
        for event in connection_events(events):
            if not self._started and self._ready(event):
                self._begin()
            elif (
                self._waiting_plan
                and event.plan_id == self._waiting_plan
                and event.state not in ("", "running")
            ):
                self._waiting_plan = 0
                if event.state == "stopped" and self._open_ended:
                    # An open-ended plan (a rate send with no count) ends with the
                    # session: that is its end, not a send cut short.
                    self.sends_done += 1
                    self.sent = self.sends_done >= self.total
                    self.finished = True
                    return
                if event.state != "done":
                    self.error = event.message
                    self.finished = True
                    return
                self.sends_done += 1
                self._after_send()
            elif event.kind is EventKind.STOPPED:
                self.finished = True

    def _ready(self, event: ConnEvent) -> bool:
        # Sends start once there is someone to send to.
        assert self._pipeline is not None
        if event.kind in (EventKind.CONNECTED, EventKind.ACCEPTED):
            return True
        return event.kind is EventKind.LISTENING and self._pipeline.kind is Kind.UDP

    def _step(self) -> None:
        engine = self._engine
        assert engine is not None
        for _ in range(SENDS_PER_TURN):
            if self.finished or engine.stop_requested:
                return
            if self._index >= self.total:
                self._finish()
                return
            if engine.queued_bytes() > HIGH_WATER:
                engine.call_later(DRAIN_POLL_S, self._step)
                return
            item = self.items[self._index % len(self.items)]
            self._index += 1
            if item.plan is not None:
                self._open_ended = item.plan.count == 0
                self._waiting_plan = engine.start_plan(item.plan)
                return
            if item.replay is not None:
                self._waiting_plan = engine.start_replay(item.replay, item.replay_total)
                return
            if item.path:
                self._waiting_plan = engine.send_file(
                    item.path,
                    None,
                    chunk_size=self.file_piece,
                    datagram_size=self.datagram_size,
                )
                return
            if item.host:
                udp: Any = engine  # only UDP scripts carry targets (the CLI checks)
                udp.send_to(item.data, item.host, item.port)
            else:
                engine.send(item.data)
            self.sends_done += 1
            if self.interval_ms or item.pause_ms:
                self._after_send(item.pause_ms)
                return
        # Let the loop hand the posted sends to the kernel before posting more.
        engine.call_later(0, self._step)

    def cancel(self) -> None:
        """Send nothing more (any thread): the next step sees it and ends the script."""
        self.finished = True

    def _after_send(self, pause_ms: float = 0.0) -> None:
        """Schedule the next send, ``interval_ms`` (+ the item's pause) after the last."""
        engine = self._engine
        assert engine is not None
        if self._index >= self.total:
            self._finish()
            return
        now = time.monotonic()
        self._next_due = max(now, self._next_due + (self.interval_ms + pause_ms) / 1000.0)
        engine.call_later(self._next_due - now, self._step)

    def _finish(self) -> None:
        """Every item was handed to the engine: watch for the kernel to take the last bytes."""
        self.finished = True
        assert self._engine is not None
        # Posted behind the sends this script posted (commands run in order), so by the
        # time it runs they are in the engine's queue or already with the kernel.
        self._engine.call_soon(self._check_sent)

    def _check_sent(self) -> None:
        engine = self._engine
        assert engine is not None
        if self.error or engine.stop_requested:
            return  # the session ends first: a front end reads sends_done and the events
        if engine.queued_bytes():
            engine.call_later(DRAIN_POLL_S, self._check_sent)
            return
        self.sent = True
        if self.on_sent is not None:
            self.on_sent()
