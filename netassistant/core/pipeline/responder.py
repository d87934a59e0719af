"""AutoResponder: answers received chunks and messages with reply rules, with loop guards.

It runs inside :class:`~netassistant.core.pipeline.session.SessionPipeline`, in the engine
thread, on every batch, whatever a front end shows (paused, capped, busy). The rule is a
:class:`~netassistant.core.replies.rules.ReplyRules` list (or the old single
:class:`AutoReplyRule`); received bytes are only handed to its ``replies()``, which
compares and copies them; nothing received is executed or used as a format string. A
reply with a delay goes out on the engine's timers (:meth:`ReplySender.answer_later`).

Two guards stop two echoing peers from bouncing data forever:

* **Rate**: more than ``max_per_second`` replies in one second (a flood, e.g. many
  datagrams in flight between two echoers).
* **Bounce**: the peer sends back, within ``bounce_window`` seconds of our reply and as
  its first data since, exactly what we replied, ``bounce_limit`` times in a row: one
  message going round between two echo sessions (about 30–60 replies a second in the
  window, far below the rate guard). Anything else in between resets the count: other
  data, a second chunk before our next reply, or data that was already on its way when
  the reply went out, so a client repeating its own request to an echo server does not
  trip it unless it waits for each echo and answers within the window (an echo that comes
  back later neither counts nor resets, so a loop slowed by a busy machine still trips).

Either guard pauses the responder until :meth:`resume` or :meth:`set_rule`, and says why.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from netassistant.core.chunk import Chunk, Direction, Event
from netassistant.core.i18n import Text, text
from netassistant.core.typehints import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as _dt

    # Loaded by whoever makes a rule: a session without one never imports it (nor re2).
    from netassistant.core.autoreply import AutoReplyRule
    from netassistant.core.decoding import Decoded
    from netassistant.core.replies.ruleset import ReplyRules

    #: What the responder answers with.
    Rule = AutoReplyRule | ReplyRules

#: Replies per second above which the responder pauses itself.
MAX_REPLIES_PER_SECOND = 1000
#: A reply that comes back from the peer this soon counts as a bounce.
BOUNCE_WINDOW_S = 0.12  # two flush intervals of the window (1/30 s) and slack for a busy machine
#: Bounces in a row that make a reply loop.
BOUNCE_LIMIT = 20


class _ReplyState:
    """Per (conn, peer): our last reply, when it went out, and what came back since."""

    __slots__ = ("bounces", "data", "rx_since", "sent_ns")

    def __init__(self) -> None:
        self.data = b""
        self.sent_ns = 0
        self.rx_since = 0
        self.bounces = 0


class ReplySender(Protocol):
    """Where replies go: the pipeline, which routes them by session kind."""

    def answer(self, chunk: Chunk, data: bytes) -> bool:
        """Send ``data`` back to where ``chunk`` came from; False if it has no address."""
        ...

    def answer_to(self, conn_id: int, peer: str, data: bytes, delay: float = 0.0) -> bool:
        """Send ``data`` to connection ``conn_id`` / sender ``peer``, after ``delay`` s."""
        ...


class AutoResponder:
    """Sends a reply for each received chunk its rule answers.

    Thread safety: :meth:`process` runs in the engine thread; :meth:`set_rule`,
    :meth:`resume` and the read-only attributes may be used from any thread.

    Attributes:
        max_per_second: The rate guard's limit.
        bounce_window: Seconds within which an echo of our reply counts as a bounce.
        bounce_limit: Bounces in a row that pause the responder.
        replies_sent: Replies handed to the engine since the last :meth:`set_rule`.
        pause_message: Why the responder paused, or None while it is replying.
    """

    def __init__(
        self,
        sender: ReplySender,
        rule: Rule | None = None,
        *,
        max_per_second: int = MAX_REPLIES_PER_SECOND,
        bounce_window: float = BOUNCE_WINDOW_S,
        bounce_limit: int = BOUNCE_LIMIT,
        now: Callable[[], _dt.datetime] | None = None,
    ) -> None:
        """Create a responder.

        Args:
            sender: Routes each reply back to the chunk's connection or sender.
            rule: The rule to answer with; None replies to nothing.
            max_per_second: The rate guard's limit (at least 1).
            bounce_window: Seconds (> 0) within which an echo of our reply is a bounce.
            bounce_limit: Bounces in a row (at least 2) that pause the responder.
            now: Clock for the ``{time}``/``{date}`` placeholders; local time if None.

        Raises:
            AutoReplyError: ``rule`` is invalid.
            ValueError: A guard limit is out of range.
        """
        if max_per_second < 1:
            raise ValueError("max_per_second must be at least 1")
        if not bounce_window > 0 or bounce_limit < 2:
            raise ValueError("bounce_window must be > 0 and bounce_limit at least 2")
        self.max_per_second = max_per_second
        self.bounce_window = bounce_window
        self.bounce_limit = bounce_limit
        self.replies_sent = 0
        self.pause_message: Text | None = None
        self._sender = sender
        self._now = now
        self._lock = threading.Lock()
        self._rule: Rule | None = None
        self._window_start = 0.0
        self._window_count = 0
        self._window_ns = int(bounce_window * 1e9)
        self._last_reply: dict[tuple[int, str], _ReplyState] = {}
        self.set_rule(rule)

    @property
    def rule(self) -> Rule | None:
        """The current rule (None: no replies)."""
        return self._rule

    @property
    def is_paused(self) -> bool:
        """True after a guard (or a reply error) stopped the replies."""
        return self.pause_message is not None

    def set_rule(self, rule: Rule | None) -> None:
        """Answer with ``rule`` from the next batch on (None: stop); clears a pause.

        Raises:
            AutoReplyError, RuleError: ``rule`` is invalid (checked here, in the caller's
                thread).
        """
        if rule is not None:
            rule.validate()
        with self._lock:
            # ReplyRules is not imported here (see above): compare the types instead.
            if rule is not None and type(rule) is type(self._rule) and hasattr(rule, "counts"):
                # Under the lock no reply is counted between reading and swapping.
                rule.carry_counts(self._rule)  # type: ignore[union-attr,arg-type]
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
        self._last_reply.clear()

    def process(self, batch: list[Event], decoded: Sequence[Decoded] = ()) -> Text | None:
        """Answer the received chunks (and decoded messages) of one batch (engine thread).

        Returns:
            The pause message when this batch made the responder pause, else None.
        """
        with self._lock:
            paused = self._answer(batch)
            if paused is None and decoded and self._rule is not None:
                paused = self._answer_messages(decoded)
            return paused

    def _replies(self, data: bytes, source: str) -> list[tuple[bytes, float]] | Text:
        assert self._rule is not None
        try:
            return self._rule.replies(data, source, self._now() if self._now else None)
        except ValueError as exc:  # AutoReplyError, RuleError: a rule that cannot run
            return self._pause(text("auto-reply stopped: {reason}", reason=exc.args[0]))

    def _answer_messages(self, decoded: Sequence[Decoded]) -> Text | None:
        """Answer decoded messages (rules with source "message").

        The rate guard applies; the bounce guard does not (a message is no chunk to
        compare with our last reply).
        """
        if self.pause_message is not None or not self._rule or not self._rule.wants_messages:
            return None
        for message in decoded:
            payload = getattr(message, "payload", None)
            if payload is None:
                continue  # a DecodeError
            replies = self._replies(payload, "message")
            if isinstance(replies, Text):
                return replies
            for reply, delay in replies:
                if not self._admit():
                    return self._pause(self._rate_message())
                if self._sender.answer_to(message.conn_id, message.peer, reply, delay):
                    self.replies_sent += 1
        return None

    def _rate_message(self) -> Text:
        return text(
            "auto-reply paused: more than {limit} replies a second — is the peer echoing back?",
            limit=self.max_per_second,
        )

    def _answer(self, batch: list[Event]) -> Text | None:
        rule = self._rule
        if rule is None or self.pause_message is not None:
            return None
        for event in batch:
            if type(event) is not Chunk or event.direction is not Direction.RX:
                continue
            replies = self._replies(event.data, "chunk")
            if isinstance(replies, Text):
                return replies
            if replies:
                paused = self._send(event, replies)
                if paused is not None:
                    return paused
        return None

    def _send(self, event: Chunk, replies: list[tuple[bytes, float]]) -> Text | None:
        """Send one chunk's replies, guards first (the bounce guard once per chunk)."""
        if self._bounced(event):
            return self._pause(
                text(
                    "auto-reply paused: the peer sent our reply straight back {count} "
                    "times in a row — two echoing peers would bounce it forever",
                    count=self.bounce_limit,
                )
            )
        for reply, delay in replies:
            if not self._admit():
                return self._pause(self._rate_message())
            if delay:
                sent = self._sender.answer_to(event.conn_id, event.peer, reply, delay)
            else:
                sent = self._sender.answer(event, reply)
            if sent:
                self.replies_sent += 1
                self._remember(event, reply)
        return None

    def _pause(self, message: Text) -> Text:
        self.pause_message = message
        return message

    def _bounced(self, chunk: Chunk) -> bool:
        """True when this chunk completes a reply loop (see the module docstring).

        A bounce is the first chunk from that peer after our reply, received after the
        reply was sent and within the window, holding exactly the reply. Chunks that were
        already on their way (received before the reply went out, or several in a row)
        or that hold other data are a client's own sends, and reset the count. The same
        reply coming back later than the window neither counts nor resets: a loop slowed
        down by a busy machine still trips the guard, and a client that sends the same
        request at a human pace never does.
        """
        key = (chunk.conn_id, chunk.peer)
        state = self._last_reply.get(key)
        if state is None:
            return False
        first = state.rx_since == 0
        state.rx_since += 1
        sent = state.sent_ns
        if not first or chunk.data != state.data or chunk.ts_ns <= sent:
            state.bounces = 0
            return False
        if chunk.ts_ns <= sent + self._window_ns:
            state.bounces += 1
        return state.bounces >= self.bounce_limit

    def _remember(self, chunk: Chunk, reply: bytes) -> None:
        key = (chunk.conn_id, chunk.peer)
        state = self._last_reply.get(key)
        if state is None:
            if len(self._last_reply) >= 4096:
                self._last_reply.clear()  # many peers (UDP): bounded memory first
            state = self._last_reply[key] = _ReplyState()
        elif state.data != reply:
            state.bounces = 0
        state.data = reply
        state.sent_ns = time.time_ns()
        state.rx_since = 0

    def _admit(self) -> bool:
        now = time.monotonic()
        if now - self._window_start >= 1.0:
            self._window_start = now
            self._window_count = 0
        self._window_count += 1
        return self._window_count <= self.max_per_second
