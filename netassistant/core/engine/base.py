"""The selector loop every session engine runs on.

One thread calls :meth:`Engine.run`, which blocks until :meth:`Engine.stop`. Every
other public method is thread-safe: it puts a command on a queue and wakes the
loop through a socketpair, so the loop can block in ``select()`` with no timeout
while idle (no CPU used) and still see a command or ``stop()`` at once.

Events are collected per loop turn and handed to the sink as one list, at most
once per ``flush_interval`` seconds (0 = every turn), which is what lets a GUI
keep up with a flood.
"""

from __future__ import annotations

import collections
import contextlib
import heapq
import itertools
import selectors
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from netassistant.core.chunk import Chunk, ChunkFlag, ConnEvent, Direction, Event, EventKind
from netassistant.core.config import SessionConfig
from netassistant.core.engine.sockets import SetupError

Sink = Callable[[list[Event]], None]

#: Reads per readiness notification before going back to select(): amortises the
#: select() call under a flood without starving other sockets.
READ_BUDGET = 64


class Engine:
    """Base class: command queue, wake-up socketpair, timers, event batching.

    Subclasses implement :meth:`_open` (create sockets, register them) and
    :meth:`_close_all`, and the commands that make sense for their kind.

    Attributes:
        config: The session's configuration (validated by the caller).
        local_address: The bound/connected local address once known ("" before).
        opened: Set once :meth:`_open` has finished, successfully or not.
        failed: True if the session could not be opened.
    """

    def __init__(
        self,
        config: SessionConfig,
        sink: Sink,
        *,
        flush_interval: float = 0.0,
        max_batch: int = 8192,
        max_batch_bytes: int = 8 * 1024 * 1024,
    ) -> None:
        self.config = config
        self._sink = sink
        self._flush_interval = flush_interval
        self._max_batch = max_batch
        self._max_batch_bytes = max_batch_bytes
        self._sel = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._commands: collections.deque[tuple[Callable[..., None], tuple[Any, ...]]] = (
            collections.deque()
        )
        self._stop_requested = False
        self._stop_signalled = False
        self._seq = itertools.count(1)
        self._pending: list[Event] = []
        self._pending_bytes = 0
        self._last_flush = time.monotonic()
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._timer_ids = itertools.count()
        self._cancelled_timers: set[int] = set()
        self._plan_ids = itertools.count(1)
        self._runners: dict[int, Runner] = {}
        self._plan_status: dict[int, PlanStatus] = {}
        self._plan_status_lock = threading.Lock()
        self.recv_size = config.recv_size
        self.read_delay = config.read_delay_ms / 1000.0
        self.local_address = ""
        self.opened = threading.Event()
        self.failed = False
        self._ran = False

    # ------------------------------------------------------------ thread-safe API
    def stop(self) -> None:
        """Ask the loop to end; :meth:`run` returns within one loop turn.

        The stop is queued behind commands already posted, so a ``send()`` followed by
        ``stop()`` still sends; queued output is flushed as far as the kernel takes it.
        """
        self._stop_signalled = True
        self._post(self._request_stop)

    def _request_stop(self) -> None:
        self._stop_requested = True

    @property
    def stop_requested(self) -> bool:
        """True once :meth:`stop` has been called (from any thread)."""
        return self._stop_signalled or self._stop_requested

    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send ``data`` (to one connection, or where the kind sends by default)."""
        raise NotImplementedError

    def set_recv_size(self, size: int) -> None:
        """Change the bytes asked for per recv() (1 B .. 1 MiB) while running."""
        if not 1 <= size <= 1024 * 1024:
            raise ValueError("recv size must be 1 B .. 1 MiB")
        self._post(self._set_attr, "recv_size", size)

    def set_read_delay(self, ms: int) -> None:
        """Change the "slow reader" delay before each recv() while running."""
        self._post(self._set_attr, "read_delay", max(0, ms) / 1000.0)

    def _set_attr(self, name: str, value: Any) -> None:
        setattr(self, name, value)

    def _post(self, fn: Callable[..., None], *args: Any) -> None:
        self._commands.append((fn, args))
        self._wake()

    def _wake(self) -> None:
        # A full pipe already guarantees a wake-up; a closed one means we are done.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # -------------------------------------------------------------------- the loop
    def run(self) -> None:
        """Open the session and serve it until :meth:`stop`; never raises on socket errors."""
        if self._ran:
            raise RuntimeError("an engine runs once; create a new one")
        self._ran = True
        self._sel.register(self._wake_r, selectors.EVENT_READ, self._on_wake)
        try:
            try:
                self._open()
            except SetupError as exc:
                self.failed = True
                self.emit_event(EventKind.ERROR, message=str(exc))
            finally:
                self.opened.set()
            while not self._stop_requested and not self.failed:
                self._turn()
        finally:
            try:
                self._close_all()
            finally:
                self.emit_event(EventKind.STOPPED, local=self.local_address)
                self._flush()
                self._sel.close()
                self._wake_r.close()
                self._wake_w.close()

    def close(self) -> None:
        """Release the engine's resources if :meth:`run` never ran (it cleans up itself)."""
        if not self._ran:
            self._ran = True
            self._sel.close()
            self._wake_r.close()
            self._wake_w.close()

    def _turn(self) -> None:
        for key, mask in self._sel.select(self._next_timeout()):
            key.data(key.fileobj, mask)
        if self._timers:
            self._run_timers()
        if self._pending:
            now = time.monotonic()
            if (
                now - self._last_flush >= self._flush_interval
                or len(self._pending) >= self._max_batch
                or self._pending_bytes >= self._max_batch_bytes
            ):
                self._flush(now)

    def _next_timeout(self) -> float | None:
        timeout: float | None = None
        if self._pending:
            timeout = max(0.0, self._last_flush + self._flush_interval - time.monotonic())
        if self._timers:
            until = max(0.0, self._timers[0][0] - time.monotonic())
            timeout = until if timeout is None else min(timeout, until)
        return timeout

    def _flush(self, now: float | None = None) -> None:
        self._last_flush = time.monotonic() if now is None else now
        if self._pending:
            batch, self._pending, self._pending_bytes = self._pending, [], 0
            self._sink(batch)

    def _on_wake(self, sock: Any, mask: int) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except BlockingIOError:
            pass
        while self._commands:
            fn, args = self._commands.popleft()
            fn(*args)

    def set_interest(
        self, sock: Any, current: int, wanted: int, callback: Callable[..., None]
    ) -> int:
        """Register, modify or unregister ``sock`` so the selector watches ``wanted``.

        Returns:
            ``wanted``, to be kept by the caller as its new ``current``.
        """
        if wanted == current:
            return current
        if not wanted:
            self._sel.unregister(sock)
        elif not current:
            self._sel.register(sock, wanted, callback)
        else:
            self._sel.modify(sock, wanted, callback)
        return wanted

    # ------------------------------------------------------------------- timers
    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` on the loop thread after ``delay`` seconds (loop thread only).

        Returns:
            A timer id for :meth:`cancel_timer`.
        """
        timer_id = next(self._timer_ids)
        heapq.heappush(self._timers, (time.monotonic() + delay, timer_id, fn))
        return timer_id

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer from :meth:`call_later` (loop thread only; unknown ids are ignored)."""
        self._cancelled_timers.add(timer_id)
        self._drop_cancelled_timers()

    def _drop_cancelled_timers(self) -> None:
        # Only the head matters for the select() timeout; the rest go when they come up.
        timers, cancelled = self._timers, self._cancelled_timers
        while timers and timers[0][1] in cancelled:
            cancelled.discard(heapq.heappop(timers)[1])

    def _run_timers(self) -> None:
        now = time.monotonic()
        timers, cancelled = self._timers, self._cancelled_timers
        while timers and timers[0][0] <= now:
            _, timer_id, fn = heapq.heappop(timers)
            if cancelled and timer_id in cancelled:
                cancelled.discard(timer_id)
                continue
            fn()
        if cancelled:
            self._drop_cancelled_timers()

    # ------------------------------------------------------------------- events
    def emit_chunk(
        self,
        conn_id: int,
        direction: Direction,
        local: str,
        peer: str,
        data: bytes,
        flags: ChunkFlag = ChunkFlag.NONE,
        orig_len: int = -1,
    ) -> None:
        """Record one recv()/send() result."""
        self._pending.append(
            Chunk(
                next(self._seq),
                time.time_ns(),
                conn_id,
                direction,
                local,
                peer,
                data,
                flags,
                orig_len,
            )
        )
        self._pending_bytes += len(data)

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event."""
        self._pending.append(ConnEvent(next(self._seq), time.time_ns(), kind, conn_id, **fields))

    # ------------------------------------------------------------- for subclasses
    def _open(self) -> None:
        raise NotImplementedError

    def _close_all(self) -> None:
        raise NotImplementedError
