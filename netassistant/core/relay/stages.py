"""The fault pipeline's stages: one class per fault, chained by :class:`FaultPipe`.

Each stage passes what it gets on to the next (``out``), holding, splitting, dropping
or closing on the way; every delay is a timer on the engine's loop.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from netassistant.core.relay.spec import FaultSpec

if TYPE_CHECKING:
    from netassistant.core.relay.faults import FaultPipe

#: Marks the end of the stream (the sender's FIN) in a stage's queue.
_END = None
#: Bandwidth: the longest piece is this much of a second's worth of bytes, so a big
#: write is paced out smoothly rather than sent in one go followed by a long pause.
_BANDWIDTH_SLICE = 0.1


class Stage:
    """A pass-through stage; subclasses hold, split, drop or close."""

    held = 0

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        self.pipe = pipe
        self.spec = spec
        self.out = out
        self._timers: list[int] = []

    def push(self, data: bytes) -> None:
        """One piece of data from the stage before (or the sending leg)."""
        assert self.out is not None
        self.out.push(data)

    def end(self) -> None:
        """The stream ends (the sender's FIN) after what was pushed so far."""
        assert self.out is not None
        self.out.end()

    def flush(self) -> None:
        """Let everything held go on now (the faults are being replaced)."""

    def cancel(self) -> None:
        """Forget held data and timers (the connection is gone)."""
        for timer_id in self._timers:
            self.pipe.host.cancel_timer(timer_id)
        self._timers.clear()

    def _later(self, delay: float, fn: Callable[[], None]) -> None:
        self._timers.append(self.pipe.host.call_later(delay, fn))


class Out(Stage):
    """The end of the chain: the relay's other leg."""

    def push(self, data: bytes) -> None:
        """Write ``data`` to the other leg."""
        self.pipe.end_point.deliver(data)

    def end(self) -> None:
        """Carry the FIN on, or close the connection if a fault asked for it."""
        pipe = self.pipe
        if pipe.closing is not None:
            pipe.end_point.fault_close("fin", pipe.closing)
        else:
            pipe.end_point.finish()


class _Timed(Stage):
    """Releases each item at its due time, in the order they came."""

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        super().__init__(pipe, spec, out)
        self._queue: collections.deque[tuple[float, bytes | None]] = collections.deque()
        self._timer: int | None = None
        self.last_due = 0.0

    def schedule(self, item: bytes | None, due: float) -> None:
        self.last_due = max(self.last_due, due)
        if not self._queue and due <= time.monotonic():
            self._release(item)
            return
        self._queue.append((due, item))
        if item is not None:
            self.held += len(item)
        if self._timer is None:
            self._arm()

    def _arm(self) -> None:
        delay = max(0.0, self._queue[0][0] - time.monotonic())
        self._timer = self.pipe.host.call_later(delay, self._fire)

    def _fire(self) -> None:
        self._timer = None
        now = time.monotonic()
        queue = self._queue
        while queue and queue[0][0] <= now:
            self._pop_release()
        if queue and self._timer is None:
            self._arm()

    def _pop_release(self) -> None:
        _due, item = self._queue.popleft()
        if item is not None:
            self.held -= len(item)
        self._release(item)

    def _release(self, item: bytes | None) -> None:
        if item is None:
            super().end()
        else:
            super().push(item)

    def end(self) -> None:
        self.schedule(_END, self.last_due)

    def flush(self) -> None:
        self._stop_timer()
        while self._queue:
            self._pop_release()

    def cancel(self) -> None:
        self._stop_timer()
        self._queue.clear()
        self.held = 0
        super().cancel()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self.pipe.host.cancel_timer(self._timer)
            self._timer = None


class _Latency(_Timed):
    def _delay(self) -> float:
        params = self.pipe.params(self)
        jitter = params["jitter"]
        ms = params["ms"] + (self.pipe.rng.uniform(-jitter, jitter) if jitter else 0)
        return max(0.0, ms) / 1000.0

    def push(self, data: bytes) -> None:
        self.schedule(data, max(time.monotonic() + self._delay(), self.last_due))

    def end(self) -> None:
        self.schedule(_END, max(time.monotonic() + self._delay(), self.last_due))


class _Slicer(_Timed):
    def push(self, data: bytes) -> None:
        params = self.pipe.params(self)
        size, variation, delay = params["size"], params["variation"], params["delay_ms"] / 1000
        now = time.monotonic()
        due = self.last_due + delay if self._queue else now
        start = 0
        while start < len(data):
            step = size + (self.pipe.rng.randint(-variation, variation) if variation else 0)
            piece = data[start : start + max(1, step)]
            start += len(piece)
            self.schedule(piece, max(due, now))
            due = max(due, now) + delay


class _Bandwidth(_Timed):
    def push(self, data: bytes) -> None:
        rate = self.pipe.params(self)["rate"] * 1024
        longest = max(1, int(rate * _BANDWIDTH_SLICE))
        due = max(time.monotonic(), self.last_due)
        for start in range(0, len(data), longest):
            piece = data[start : start + longest]
            self.schedule(piece, due)
            due += len(piece) / rate
        self.last_due = due  # the next write waits until this one has had its time


class _SlowClose(_Timed):
    def push(self, data: bytes) -> None:
        if self._queue:  # nothing follows a FIN; kept in order all the same
            self.schedule(data, self.last_due)
        else:
            super()._release(data)

    def end(self) -> None:
        self.pipe.event(self, "slow_close")
        self.schedule(_END, time.monotonic() + self.pipe.params(self)["ms"] / 1000)


class _Coalesce(Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        super().__init__(pipe, spec, out)
        self._parts: list[bytes] = []
        self._timer: int | None = None

    def push(self, data: bytes) -> None:
        self._parts.append(data)
        self.held += len(data)
        if self._timer is None:
            window = self.pipe.params(self)["window_ms"] / 1000
            self._timer = self.pipe.host.call_later(window, self._fire)

    def _fire(self) -> None:
        self._timer = None
        if self._parts:
            joined = b"".join(self._parts)
            self._parts.clear()
            self.held = 0
            super().push(joined)

    def end(self) -> None:
        self.flush()
        super().end()

    def flush(self) -> None:
        if self._timer is not None:
            self.pipe.host.cancel_timer(self._timer)
        self._fire()

    def cancel(self) -> None:
        if self._timer is not None:
            self.pipe.host.cancel_timer(self._timer)
            self._timer = None
        self._parts.clear()
        self.held = 0
        super().cancel()


class _Drop(Stage):
    """UDP: drop each datagram with the fault's toxicity; TCP: forward nothing at all."""

    _told = False

    def push(self, data: bytes) -> None:
        pipe = self.pipe
        assert self.spec is not None
        if pipe.datagrams and pipe.rng.random() >= self.spec.toxicity:
            super().push(data)
            return
        if pipe.datagrams or not self._told:
            self._told = True
            pipe.event(self, "drop")


class _Timeout(Stage):
    """Forward nothing (not even the FIN); close the connection after ``ms`` (0 = never)."""

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        super().__init__(pipe, spec, out)
        ms = pipe.params(self)["ms"]
        if ms:
            self._later(ms / 1000, self._expire)

    def _expire(self) -> None:
        assert self.spec is not None
        self.pipe.event(self, "timeout")
        self.pipe.end_point.fault_close("fin", self.spec)

    def push(self, data: bytes) -> None:
        pass

    def end(self) -> None:
        pass


class _Reset(Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        super().__init__(pipe, spec, out)
        self._later(pipe.params(self)["after_ms"] / 1000, self._expire)

    def _expire(self) -> None:
        assert self.spec is not None
        self.pipe.event(self, "reset")
        self.pipe.end_point.fault_close("rst", self.spec)


class _Limit(Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: Stage | None) -> None:
        super().__init__(pipe, spec, out)
        self._left = pipe.params(self)["bytes"]
        self._done = False
        if not self._left:
            self._later(0, self._reached)

    def push(self, data: bytes) -> None:
        if self._done:
            return
        piece = data[: self._left]
        self._left -= len(piece)
        if piece:
            super().push(piece)
        if not self._left:
            self._reached()

    def _reached(self) -> None:
        if self._done:
            return
        self._done = True
        self.pipe.event(self, "limit")
        self.pipe.closing = self.spec
        super().end()

    def end(self) -> None:
        if not self._done:
            super().end()


STAGES: dict[str, type[Stage]] = {
    "latency": _Latency,
    "bandwidth": _Bandwidth,
    "slicer": _Slicer,
    "coalesce": _Coalesce,
    "drop": _Drop,
    "timeout": _Timeout,
    "reset": _Reset,
    "slow_close": _SlowClose,
    "limit": _Limit,
}
