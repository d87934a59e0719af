"""Send plans: what to send, how often, to whom; and the interfaces runners work through.

A :class:`SendPlan` says *what* to send and how often; a runner (:mod:`.runners`) runs it
on the engine's loop with ``call_later`` timers (never ``sleep``), so other sockets and
commands are served between sends. Each send call the plan makes is one ordinary send on
the connection, so it still yields exactly one TX chunk: a message split into 5
pieces is 5 TX chunks, a one-call burst of 20 copies is 1.

A runner talks to its target through a :class:`Route` (one TCP connection, all
clients of a server, or a datagram address), which also tells it how much is
still queued, so a plan or a file never piles up more than a small high-water
mark of data in memory. File sends live in :mod:`.files`; an engine's plans are kept in
its :class:`~netassistant.core.sending.book.PlanBook`.
"""

from __future__ import annotations

from collections.abc import Callable

from netassistant.core.i18n import text
from netassistant.core.records import FrozenRecord
from netassistant.core.typehints import TYPE_CHECKING, Protocol

# formats (one more dataclass to build at import) loads with the first counted or
# formatted plan; a plain send never needs it.
if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.chunk import EventKind as _EventKind
    from netassistant.core.sending.formats import MessageFormat

BURSTS: tuple[str, ...] = ("none", "one_call", "back_to_back")
#: A burst is queued in one loop turn, so its total size is bounded.
MAX_BURST_BYTES = 64 * 1024 * 1024
MAX_BURST_COUNT = 100_000
#: Progress events per plan at most this often (plus a final one).
PROGRESS_INTERVAL = 0.1


class SendPlan(FrozenRecord):
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
        rate: Traffic generator: messages per second (0 = paced by ``interval_ms``).
        bps: Traffic generator: bytes per second instead (0 = not by bytes).
        duration_s: Traffic generator: stop after this many seconds (0 = by ``count``).
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "payload",
        "count",
        "interval_ms",
        "burst",
        "split",
        "split_gap_ms",
        "counter",
        "conn_id",
        "udp_host",
        "udp_port",
        "reply",
        "fmt",
        "rate",
        "bps",
        "duration_s",
    )
    payload: bytes
    count: int
    interval_ms: float
    burst: str
    split: int
    split_gap_ms: float
    counter: bool
    conn_id: int | None
    udp_host: str
    udp_port: int
    reply: bool
    fmt: MessageFormat | None
    rate: float
    bps: float
    duration_s: float

    def __init__(
        self,
        payload: bytes,
        count: int = 1,
        interval_ms: float = 0,
        burst: str = "none",
        split: int = 1,
        split_gap_ms: float = 0,
        counter: bool = False,
        conn_id: int | None = None,
        udp_host: str = "",
        udp_port: int = 0,
        reply: bool = False,
        fmt: MessageFormat | None = None,
        rate: float = 0.0,
        bps: float = 0.0,
        duration_s: float = 0.0,
    ) -> None:
        """Check the plan; raise ValueError (a translatable message) for a bad field."""
        # The ValueErrors carry a translatable Text (args[0]); str() is the English text.
        if not isinstance(payload, bytes | bytearray | memoryview):
            raise ValueError(text("the payload must be bytes"))
        self._fill(
            bytes(payload),
            count,
            interval_ms,
            burst,
            split,
            split_gap_ms,
            counter,
            conn_id,
            udp_host,
            udp_port,
            reply,
            fmt,
            rate,
            bps,
            duration_s,
        )
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
        if self.rate or self.bps or self.duration_s:
            from netassistant.core.sending.generator import check_rate

            check_rate(self)
        if self.conn_id is not None and self.conn_id < 1:
            raise ValueError(text("a client number starts at 1, not {conn}", conn=self.conn_id))
        if not 0 <= self.udp_port <= 65535:
            raise ValueError(text("port must be 0 .. 65535, not {port}", port=self.udp_port))

    @property
    def title(self) -> str:
        """What the user would call this plan ("periodic send", "burst send", ...)."""
        if self.rate or self.bps:
            return "rate send"
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


class PlanStatus(FrozenRecord):
    """A snapshot of one plan or file send, readable from any thread.

    Attributes:
        plan_id: The id :meth:`Engine.start_plan` / :meth:`Engine.send_file` returned.
        what: "plan" or "file".
        sent: Messages sent (plans) or bytes handed to the kernel (files).
        total: ``count`` (0 = periodic) or the file size in bytes.
        state: "running", "done", "cancelled", "stopped" (with the session) or "failed".
        message: The last progress or end message, in plain words.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "plan_id",
        "what",
        "sent",
        "total",
        "state",
        "message",
    )
    plan_id: int
    what: str
    sent: int
    total: int
    state: str
    message: str

    def __init__(
        self, plan_id: int, what: str, sent: int, total: int, state: str, message: str = ""
    ) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(plan_id, what, sent, total, state, message)

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
