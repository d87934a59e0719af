"""Taps: callables that see every event batch in the engine thread.

A tap is installed with :meth:`SessionController.add_tap` (or
:meth:`SessionWorker.add_tap`) and is called with each batch before the batch is
queued for the GUI, so it keeps up with the wire whatever the view does (paused,
capped, busy).

* :class:`AutoResponder` answers received chunks with an :class:`AutoReplyRule`
  through the engine's thread-safe commands, with a loop guard.
* :class:`CaptureTap` feeds a :class:`RawCapture` or :class:`LogCapture`.

Received bytes are only handed to :meth:`AutoReplyRule.reply_for`, which compares and
copies them; nothing received is executed or used as a format string.
"""

from __future__ import annotations

import datetime as _dt
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from netassistant.core.autoreply import AutoReplyError, AutoReplyRule
from netassistant.core.capture import LogCapture, RawCapture
from netassistant.core.chunk import Chunk, Direction, parse_address
from netassistant.core.config import Family
from netassistant.core.engine import Engine, UdpEngine
from netassistant.qt.coremessages import tr_error

#: Replies per second above which an :class:`AutoResponder` pauses itself.
MAX_REPLIES_PER_SECOND = 1000


class EngineHolder(Protocol):
    """Anything with an ``engine`` (a SessionController, a SessionWorker, a test harness)."""

    @property
    def engine(self) -> Engine | None:
        """The running engine, or None."""
        ...


class AutoResponder(QObject):
    """A tap that sends a reply back for each received chunk its rule answers.

    TCP replies go to the connection the chunk came in on
    (``engine.send(reply, chunk.conn_id)``); UDP replies go to the datagram's sender
    (``engine.send_to(reply, host, port)``, or the path of a unix datagram socket; a
    datagram from an unnamed unix socket cannot be answered and is skipped).

    Loop guard: two peers that both echo would bounce the same data forever. Once more
    than ``max_per_second`` replies fall in one second the responder stops replying,
    emits ``paused`` once and stays paused until :meth:`set_rule` or :meth:`resume`.
    With the worker's ~30 batches a second, a single message bouncing between two
    echoers stays far below the limit (about 30 replies a second); the guard catches
    the floods, such as many datagrams in flight.

    Thread safety: ``__call__`` runs in the engine thread; :meth:`set_rule`,
    :meth:`resume` and the read-only attributes may be used from any thread.

    Attributes:
        max_per_second: The loop guard's limit.
        replies_sent: Replies handed to the engine since the last :meth:`set_rule`.
        pause_message: Why the responder paused, or None while it is replying.

    Signals:
        paused(str): the responder paused itself; the plain-words reason. Emitted from
            the engine thread, so GUI receivers get it queued.
    """

    paused = Signal(str)

    def __init__(
        self,
        holder: EngineHolder,
        rule: AutoReplyRule | None = None,
        *,
        max_per_second: int = MAX_REPLIES_PER_SECOND,
        now: Callable[[], _dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Create a responder; install it with ``controller.add_tap(responder)``.

        Args:
            holder: Where to find the running engine when a batch arrives (usually the
                SessionController that the responder is a tap of).
            rule: The rule to answer with; None replies to nothing.
            max_per_second: The loop guard's limit (at least 1).
            now: Clock for the ``{time}``/``{date}``/``{datetime}`` placeholders; local
                time if None.
            parent: Owning QObject.

        Raises:
            AutoReplyError: ``rule`` is invalid.
            ValueError: ``max_per_second`` is below 1.
        """
        super().__init__(parent)
        if max_per_second < 1:
            raise ValueError("max_per_second must be at least 1")
        self.max_per_second = max_per_second
        self.replies_sent = 0
        self.pause_message: str | None = None
        self._holder = holder
        self._now = now
        self._lock = threading.Lock()
        self._rule: AutoReplyRule | None = None
        self._window_start = 0.0
        self._window_count = 0
        # Built here, in the GUI thread, with the limit filled in.
        self._guard_text = self.tr(
            "auto-reply paused: more than %1 replies a second — is the peer echoing back?"
        ).replace("%1", str(max_per_second))
        self.set_rule(rule)

    @property
    def rule(self) -> AutoReplyRule | None:
        """The current rule (None: no replies)."""
        return self._rule

    @property
    def is_paused(self) -> bool:
        """True after the loop guard (or a reply error) stopped the replies."""
        return self.pause_message is not None

    def set_rule(self, rule: AutoReplyRule | None) -> None:
        """Answer with ``rule`` from the next batch on (None: stop); clears a pause.

        Raises:
            AutoReplyError: ``rule`` is invalid (checked here, not in the engine thread).
        """
        if rule is not None:
            rule.validate()
        with self._lock:
            self._rule = rule
            self._reset()

    def resume(self) -> None:
        """Start replying again after a pause, with the same rule."""
        with self._lock:
            self._reset()

    def _reset(self) -> None:
        self.pause_message = None
        self.replies_sent = 0
        self._window_start = time.monotonic()
        self._window_count = 0

    def __call__(self, batch: list[Any]) -> None:
        """Answer the received chunks of one batch (engine thread)."""
        with self._lock:
            message = self._answer(batch)
        if message is not None:
            # Outside the lock: a directly connected receiver may call resume().
            self.paused.emit(message)

    def _answer(self, batch: list[Any]) -> str | None:
        """Send the replies for ``batch``; return a pause message when replying stops."""
        rule = self._rule
        if rule is None or self.pause_message is not None:
            return None
        engine = self._holder.engine
        if engine is None:
            return None
        for event in batch:
            if type(event) is not Chunk or event.direction is not Direction.RX:
                continue
            try:
                reply = rule.reply_for(event.data, self._now() if self._now else None)
            except AutoReplyError as exc:
                reason = tr_error(exc)
                self.pause_message = self.tr("auto-reply stopped: %1").replace("%1", reason)
                return self.pause_message
            if reply is None:
                continue
            if not self._admit():
                self.pause_message = self._guard_text
                return self.pause_message
            if self._send(engine, event, reply):
                self.replies_sent += 1
        return None

    def _admit(self) -> bool:
        now = time.monotonic()
        if now - self._window_start >= 1.0:
            self._window_start = now
            self._window_count = 0
        self._window_count += 1
        return self._window_count <= self.max_per_second

    @staticmethod
    def _send(engine: Engine, chunk: Chunk, reply: bytes) -> bool:
        if not isinstance(engine, UdpEngine):
            engine.send(reply, chunk.conn_id)
            return True
        if engine.config.family is Family.UNIX:
            if not chunk.peer:
                return False  # an unnamed unix socket has no address to answer
            engine.send_to(reply, chunk.peer)
            return True
        try:
            host, port = parse_address(chunk.peer)
        except ValueError:
            return False
        engine.send_to(reply, host, port)
        return True


class CaptureTap:
    """A tap that writes every batch to a :class:`RawCapture` or :class:`LogCapture`.

    Writing happens in the engine thread, so a slow disk slows the peer (TCP
    back-pressure) instead of growing memory. A failed write never raises: the capture
    stops and ``error`` says why. Remove the tap before :meth:`close`; a batch already
    being written finishes first (``close`` waits for it).

    Attributes:
        capture: The capture written to.
    """

    def __init__(self, capture: RawCapture | LogCapture) -> None:
        self.capture = capture

    def __call__(self, batch: list[Any]) -> None:
        """Write one batch (engine thread)."""
        self.capture.write_batch(batch)

    @property
    def path(self) -> str:
        """The file written to."""
        return self.capture.path

    @property
    def error(self) -> str | None:
        """Why the capture stopped early, or None while all is well."""
        return self.capture.error

    @property
    def bytes_written(self) -> int:
        """Bytes written to the file so far."""
        return self.capture.bytes_written

    @property
    def records_written(self) -> int:
        """Lines written (log captures) or 0 (raw captures)."""
        return self.capture.records_written if isinstance(self.capture, LogCapture) else 0

    @property
    def closed(self) -> bool:
        """True once closed or stopped by a write error."""
        return self.capture.closed

    def close(self) -> None:
        """Flush and close the file (any thread; safe to repeat)."""
        self.capture.close()
