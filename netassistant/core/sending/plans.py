"""The send toolkit: repeat, periodic, burst, split and counted sends, and file sends.

A :class:`SendPlan` says *what* to send and how often; the engine runs it on its
loop with ``call_later`` timers (never ``sleep``), so other sockets and commands
are served between sends. Each send call the plan makes is one ordinary send on
the connection, so it still yields exactly one TX chunk: a message split into 5
pieces is 5 TX chunks, a one-call burst of 20 copies is 1.

A runner talks to its target through a :class:`Route` (one TCP connection, all
clients of a server, or a datagram address), which also tells it how much is
still queued, so a plan or a file never piles up more than a small high-water
mark of data in memory. File sends live in :mod:`.filesend`.
"""

from __future__ import annotations

import collections
import dataclasses
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import text, translatable

# formats (one more dataclass to build at import) loads with the first counted or
# formatted plan; a plain send never needs it.
if TYPE_CHECKING:
    from netassistant.core.chunk import EventKind as _EventKind
    from netassistant.core.sending.formats import MessageFormat

BURSTS: tuple[str, ...] = ("none", "one_call", "back_to_back")
#: A burst is queued in one loop turn, so its total size is bounded.
MAX_BURST_BYTES = 64 * 1024 * 1024
MAX_BURST_COUNT = 100_000
#: Progress events per plan at most this often (plus a final one).
PROGRESS_INTERVAL = 0.1


# What a plan says, by title and moment, one whole sentence each so that a translator sees
# it all: "progress" while it runs, "done", "cancelled" by the user, "stopped" with the
# session, "failed" when the target went away ({reason} says why). A periodic send has no
# count and never finishes by itself.
_PLAN_MESSAGES: dict[str, dict[str, str]] = {
    "periodic send": {
        "progress": translatable("periodic send: {sent} sent"),
        "cancelled": translatable("periodic send cancelled after {sent} sent"),
        "stopped": translatable("periodic send stopped after {sent} sent: {reason}"),
        "failed": translatable("periodic send to {peer} stopped after {sent} sent: {reason}"),
    },
    "burst send": {
        "progress": translatable("burst send: {sent} of {count} sent"),
        "done": translatable("burst send: done, {sent} of {count} sent"),
        "cancelled": translatable("burst send cancelled after {sent} of {count} sent"),
        "stopped": translatable("burst send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "burst send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "repeat send": {
        "progress": translatable("repeat send: {sent} of {count} sent"),
        "done": translatable("repeat send: done, {sent} of {count} sent"),
        "cancelled": translatable("repeat send cancelled after {sent} of {count} sent"),
        "stopped": translatable("repeat send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "repeat send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "split send": {
        "progress": translatable("split send: {sent} of {count} sent"),
        "done": translatable("split send: done, {sent} of {count} sent"),
        "cancelled": translatable("split send cancelled after {sent} of {count} sent"),
        "stopped": translatable("split send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "split send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "send": {
        "progress": translatable("send: {sent} of {count} sent"),
        "done": translatable("send: done, {sent} of {count} sent"),
        "cancelled": translatable("send cancelled after {sent} of {count} sent"),
        "stopped": translatable("send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable("send to {peer} stopped after {sent} of {count} sent: {reason}"),
    },
}


@dataclasses.dataclass(frozen=True, slots=True)
class SendPlan:
    """What to send, how often, and to whom.

    Attributes:
        payload: The message (bytes as they go on the wire).
        count: How many messages; 0 = until cancelled (periodic send).
        interval_ms: Gap between messages, measured start to start.
        burst: "none"; "one_call" = the ``count`` copies joined into one send call;
            "back_to_back" = ``count`` separate send calls in the same loop turn.
        split: Send each message as this many pieces (as even as possible).
        split_gap_ms: Gap between the pieces of one message.
        counter: Replace ``{n}`` in the payload by 1, 2, 3, ... per message.
        conn_id: TCP server: the client; None = every client connected at each send.
        udp_host: UDP: target host (or AF_UNIX path); "" = the configured remote.
        udp_port: UDP: target port (with ``udp_host``).
        reply: UDP: send to whoever sent the last datagram when the plan starts.
        fmt: Checksum and frame added to each message after ``{n}`` is filled in; the
            front end checks beforehand that every message number can be formatted.
    """

    payload: bytes
    count: int = 1
    interval_ms: float = 0
    burst: str = "none"
    split: int = 1
    split_gap_ms: float = 0
    counter: bool = False
    conn_id: int | None = None
    udp_host: str = ""
    udp_port: int = 0
    reply: bool = False
    fmt: MessageFormat | None = None

    def __post_init__(self) -> None:
        # The ValueErrors carry a translatable Text (args[0]); str() is the English text.
        if not isinstance(self.payload, bytes | bytearray | memoryview):
            raise ValueError(text("the payload must be bytes"))
        object.__setattr__(self, "payload", bytes(self.payload))  # frozen means frozen
        size = len(self.payload)
        if not size:
            raise ValueError(text("the payload is empty; there is nothing to send"))
        if self.count < 0:
            raise ValueError(
                text("count must be 0 (send until stopped) or more, not {count}", count=self.count)
            )
        check_interval(self.interval_ms)
        if self.split_gap_ms < 0:
            raise ValueError(
                text("the split gap must be 0 ms or more, not {gap:g} ms", gap=self.split_gap_ms)
            )
        if not 1 <= self.split <= size:
            raise ValueError(
                text(
                    "split must be 1 .. {size} pieces for a {size}-byte payload, not {split}",
                    size=size,
                    split=self.split,
                )
            )
        if self.burst not in BURSTS:
            raise ValueError(
                text(
                    "burst must be 'none', 'one_call' or 'back_to_back', not {burst!r}",
                    burst=self.burst,
                )
            )
        if self.burst != "none":
            if self.count < 1:
                raise ValueError(
                    text("a burst needs a count of 1 or more; it cannot run until stopped")
                )
            if self.count > MAX_BURST_COUNT:
                raise ValueError(
                    text(
                        "a burst of {count} messages is too many; the limit is {limit}",
                        count=self.count,
                        limit=MAX_BURST_COUNT,
                    )
                )
            total = self.total_size()
            if total > MAX_BURST_BYTES:
                raise ValueError(
                    text(
                        "a burst of {count} × {size} bytes is {total} bytes; "
                        "the limit is {limit} MiB",
                        count=self.count,
                        size=size,
                        total=total,
                        limit=MAX_BURST_BYTES // (1024 * 1024),
                    )
                )
        if self.counter:
            from netassistant.core.sending.formats import COUNTER

            if COUNTER not in self.payload:
                raise ValueError(text("the counter is on but the payload has no {{n}} placeholder"))
        if self.conn_id is not None and self.conn_id < 1:
            raise ValueError(text("a client number starts at 1, not {conn}", conn=self.conn_id))
        if not 0 <= self.udp_port <= 65535:
            raise ValueError(text("port must be 0 .. 65535, not {port}", port=self.udp_port))

    @property
    def title(self) -> str:
        """What the user would call this plan ("periodic send", "burst send", ...)."""
        if self.count == 0:
            return "periodic send"
        if self.burst != "none":
            return "burst send"
        if self.count > 1:
            return "repeat send"
        return "split send" if self.split > 1 else "send"

    def message(self, n: int) -> bytes:
        """The ``n``-th message (1-based): counter filled in, then checksum and frame."""
        if self.counter:
            from netassistant.core.sending.formats import counted

            data = counted(self.payload, n)
        else:
            data = self.payload
        return self.fmt.apply(data) if self.fmt is not None else data

    def total_size(self) -> int:
        """Bytes of all ``count`` messages (computed, not built; 0 for a periodic plan)."""
        size = len(self.payload)
        overhead = self.fmt.overhead * self.count if self.fmt is not None else 0
        if not self.counter:
            return size * self.count + overhead
        from netassistant.core.sending.formats import COUNTER

        places = self.payload.count(COUNTER)
        digits = sum(len(str(n)) for n in range(1, self.count + 1))
        return (size - len(COUNTER) * places) * self.count + places * digits + overhead


def check_interval(interval_ms: float) -> None:
    """Raise ValueError for an interval below 0 ms."""
    if not interval_ms >= 0:
        raise ValueError(
            text("the interval must be 0 ms or more, not {interval:g} ms", interval=interval_ms)
        )


def split_evenly(data: bytes, pieces: int) -> list[bytes]:
    """``data`` in ``pieces`` parts, the first ones one byte longer where it does not divide."""
    pieces = max(1, min(pieces, len(data)))
    size, extra = divmod(len(data), pieces)
    out, start = [], 0
    for i in range(pieces):
        end = start + size + (1 if i < extra else 0)
        out.append(data[start:end])
        start = end
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class PlanStatus:
    """A snapshot of one plan or file send, readable from any thread.

    Attributes:
        plan_id: The id :meth:`Engine.start_plan` / :meth:`Engine.send_file` returned.
        what: "plan" or "file".
        sent: Messages sent (plans) or bytes handed to the kernel (files).
        total: ``count`` (0 = periodic) or the file size in bytes.
        state: "running", "done", "cancelled", "stopped" (with the session) or "failed".
        message: The last progress or end message, in plain words.
    """

    plan_id: int
    what: str
    sent: int
    total: int
    state: str
    message: str = ""

    @property
    def running(self) -> bool:
        """True until the plan has ended, whichever way."""
        return self.state == "running"


class Route(Protocol):
    """Where a runner's sends go: one connection, all clients, or a datagram target.

    Attributes:
        conn_id: Connection number for events (0 = several / UDP).
        local: Formatted local address for events.
        peer: Formatted target for events and messages ("all clients" for a fan-out).
        high_water: Wait for the queue to drain once this many bytes are queued.
    """

    conn_id: int
    local: str
    peer: str
    high_water: int

    def refusal(self) -> str:
        """Why the target cannot take data any more ("" while it can)."""
        ...

    def send(self, data: bytes) -> bool:
        """One send call; False if it failed (already reported as an ERROR event)."""
        ...

    def backlog(self) -> int:
        """Bytes queued but not yet handed to the kernel (for a gone target: never sent)."""
        ...

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once on the loop when nothing is queued, or when the target goes."""
        ...


class PlanHost(Protocol):
    """What a runner needs from the engine it runs on (all called on the loop thread).

    :class:`~netassistant.core.engine.base.Engine` implements it; tests may fake it.
    """

    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` after ``delay`` seconds; returns a timer id."""
        ...

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer."""
        ...

    def emit_event(self, kind: _EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event (progress, errors)."""
        ...

    def set_plan_status(self, status: PlanStatus) -> None:
        """Record the plan's latest status."""
        ...

    def plan_finished(self, plan_id: int) -> None:
        """The runner has ended and leaves the engine's list."""
        ...


class Runner:
    """What plan and file runners share: timers with generations, status, events."""

    what = "plan"

    def __init__(self, engine: PlanHost, plan_id: int, total: int) -> None:
        self.engine = engine
        self.plan_id = plan_id
        self.total = total
        self.sent = 0
        self.finished = False
        self._gen = 0
        self._timer: int | None = None
        self._last_progress = time.monotonic()
        self._progress_timer: int | None = None

    # ---------------------------------------------------------------- control
    def cancel(self) -> None:
        """Stop at once on the user's request; say how far it got."""
        raise NotImplementedError

    def stop_with_session(self) -> None:
        """The loop is ending: no timer survives it."""
        raise NotImplementedError

    def set_interval(self, interval_ms: float) -> None:
        """Change the gap between messages (only plans have one)."""

    def check_gone(self) -> None:
        """A connection closed somewhere: end (or narrow) the send if it was the target."""
        raise NotImplementedError

    # ---------------------------------------------------------------- helpers
    def _run(self) -> None:
        raise NotImplementedError

    def _wake(self, gen: int) -> None:
        if gen == self._gen and not self.finished:
            self._timer = None
            self._run()

    def _schedule(self, delay: float) -> None:
        self._forget_wakeups()
        gen = self._gen
        self._timer = self.engine.call_later(delay, lambda: self._wake(gen))

    def _wait_drain(self, route: Route) -> None:
        self._forget_wakeups()
        gen = self._gen
        route.when_drained(lambda: self._wake(gen))

    def _forget_wakeups(self) -> None:
        self._gen += 1
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None

    def _event(self, kind: EventKind, route: Route, message: str, state: str = "running") -> None:
        self.engine.emit_event(
            kind,
            route.conn_id,
            local=route.local,
            peer=route.peer,
            message=message,
            sent=self.sent,
            total=self.total,
            plan_id=self.plan_id,
            state=state,
        )

    def _status(self, state: str, message: str) -> None:
        self.engine.set_plan_status(
            PlanStatus(self.plan_id, self.what, self.sent, self.total, state, message)
        )

    def _progress(self) -> None:
        """Report progress now, or as soon as the rate limit allows (never dropped)."""
        if self._progress_timer is not None:
            return
        wait = self._last_progress + PROGRESS_INTERVAL - time.monotonic()
        if wait > 0:
            self._progress_timer = self.engine.call_later(wait, self._progress_due)
            return
        self._last_progress = time.monotonic()
        route, message = self._progress_report()
        self._event(EventKind.SEND_PROGRESS, route, message)
        self._status("running", message)

    def _progress_due(self) -> None:
        self._progress_timer = None
        if not self.finished:
            self._progress()

    def _progress_report(self) -> tuple[Route, str]:
        """The route to report under and the progress message, as of now."""
        raise NotImplementedError

    def _end(self, state: str, route: Route | None, message: str, kind: EventKind | None) -> None:
        """Finish once: forget timers, leave the engine's list, report."""
        if self.finished:
            return
        self.finished = True
        self._forget_wakeups()
        if self._progress_timer is not None:
            self.engine.cancel_timer(self._progress_timer)
            self._progress_timer = None
        self.engine.plan_finished(self.plan_id)
        if kind is not None and route is not None:
            self._event(kind, route, message, state)
        else:
            # The cause was reported already; this tells front ends the plan has ended.
            self.engine.emit_event(
                EventKind.SEND_PROGRESS,
                message=message,
                sent=self.sent,
                total=self.total,
                plan_id=self.plan_id,
                state=state,
            )
        self._status(state, message)


class PlanRunner(Runner):
    """Runs one :class:`SendPlan` against one route."""

    def __init__(self, engine: PlanHost, plan_id: int, plan: SendPlan, route: Route) -> None:
        super().__init__(engine, plan_id, plan.count)
        self.plan = plan
        self.route = route
        self.interval = plan.interval_ms / 1000.0
        self._pieces: collections.deque[bytes] = collections.deque()
        self._number = 0  # the message being sent (1-based)
        # Start-to-start timing on the scheduled times, so timer latency does not add up.
        self._msg_due = 0.0  # when the message in progress (or the last one) was due
        self._next_due = 0.0  # when the next message is due
        self._waiting_interval = False

    def start(self) -> None:
        """Send the first message now."""
        self._next_due = time.monotonic()
        self._run()

    def set_interval(self, interval_ms: float) -> None:
        """Change the gap between messages; a wait under way is re-timed at once."""
        self.interval = interval_ms / 1000.0
        if self._waiting_interval and not self.finished:
            # Re-time the wait under way from the start of the last message.
            now = time.monotonic()
            self._next_due = self._catch_up(self._msg_due + self.interval, now)
            self._schedule(max(0.0, self._next_due - now))

    def _catch_up(self, due: float, now: float) -> float:
        # Far behind (a slow peer, a long split): start again from now rather than rush.
        return now if due < now - self.interval else due

    def cancel(self) -> None:
        """Stop on the user's request; the last event says how many were sent."""
        self._end("cancelled", self.route, self._say("cancelled"), EventKind.SEND_PROGRESS)

    def stop_with_session(self) -> None:
        """The loop is ending: report how far the plan got."""
        reason = self.route.refusal() or text("the session stopped")
        self._end("stopped", self.route, self._say("stopped", reason), EventKind.SEND_PROGRESS)

    def check_gone(self) -> None:
        """End the plan if its target went away."""
        if not self.finished and self.route.refusal():
            self._fail()

    def _fail(self) -> None:
        route = self.route
        self._end("failed", route, self._say("failed", route.refusal()), EventKind.ERROR)

    def _say(self, moment: str, reason: str = "") -> str:
        """The plan's message for ``moment`` (a key of :data:`_PLAN_MESSAGES`), filled in."""
        template = _PLAN_MESSAGES[self.plan.title][moment]
        return text(
            template, sent=self.sent, count=self.plan.count, peer=self.route.peer, reason=reason
        )

    def _progress_report(self) -> tuple[Route, str]:
        return self.route, self._say("progress")

    def _run(self) -> None:
        plan, route = self.plan, self.route
        self._waiting_interval = False
        in_burst = False
        while True:
            if route.refusal():
                self._fail()
                return
            if not self._pieces:
                if not in_burst and route.backlog() >= route.high_water:
                    self._wait_drain(route)
                    return
                self._msg_due = self._next_due
                self._next_message()
            if not route.send(self._pieces.popleft()):
                self._pieces.clear()
                self._end("failed", None, self._say("failed", text("the send failed")), None)
                return
            if self._pieces:
                if plan.split_gap_ms:
                    self._schedule(plan.split_gap_ms / 1000.0)
                    return
                continue
            self.sent = self._number
            if plan.count and self.sent >= plan.count:
                self._end("done", route, self._say("done"), EventKind.SEND_PROGRESS)
                return
            self._progress()
            if plan.burst == "back_to_back":
                in_burst = True
                continue
            now = time.monotonic()
            self._next_due = self._catch_up(self._msg_due + self.interval, now)
            self._waiting_interval = True
            self._schedule(max(0.0, self._next_due - now))
            return

    def _next_message(self) -> None:
        plan = self.plan
        if plan.burst == "one_call":
            data = b"".join(plan.message(n) for n in range(1, plan.count + 1))
            self._number = plan.count
        else:
            self._number += 1
            data = plan.message(self._number)
        self._pieces.extend(split_evenly(data, plan.split))
