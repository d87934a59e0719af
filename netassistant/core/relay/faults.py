"""The fault pipeline: what happens to the bytes flowing one way through a relay.

A :class:`FaultPipe` is a chain of stages, one per fault that applies to its direction
(in the order the faults were given), ending in the relay's :class:`PipeEnd`. Data
(one recv() result, or one datagram) goes in at :meth:`FaultPipe.push`; the end of the
stream (the sender's FIN) at :meth:`FaultPipe.end`. Every delay is a timer on the
engine's loop (:class:`FaultHost`): no thread per connection, no sleeping.

Stages keep the order of what passes through them: a jittered latency never lets a
later write overtake an earlier one, and a FIN always follows the data before it.
"""

from __future__ import annotations

import collections
import random
import time
from collections.abc import Callable
from typing import Protocol

from netassistant.core.relay.spec import FaultSpec

#: Marks the end of the stream (the sender's FIN) in a stage's queue.
_END = None
#: Bandwidth: the longest piece is this much of a second's worth of bytes, so a big
#: write is paced out smoothly rather than sent in one go followed by a long pause.
_BANDWIDTH_SLICE = 0.1


class FaultHost(Protocol):
    """The engine's timers (loop thread only)."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` after ``delay`` seconds; returns a timer id."""
        ...

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer."""
        ...


class PipeEnd(Protocol):
    """What a pipe drives: one direction of a relayed connection."""

    def deliver(self, data: bytes) -> None:
        """Write ``data`` to the leg this direction goes to (one send call)."""
        ...

    def finish(self) -> None:
        """Carry the sender's FIN on: shut down the other leg's sending side."""
        ...

    def fault_close(self, how: str, spec: FaultSpec) -> None:
        """A fault closes the whole connection: ``how`` is ``"fin"`` or ``"rst"``."""
        ...

    def fault_event(self, spec: FaultSpec, action: str) -> None:
        """Record a FAULT event about ``spec`` (``action`` says what it did)."""
        ...


class _Stage:
    """A pass-through stage; subclasses hold, split, drop or close."""

    held = 0

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
        self.pipe = pipe
        self.spec = spec
        self.out = out
        self._timers: list[int] = []

    def push(self, data: bytes) -> None:
        assert self.out is not None
        self.out.push(data)

    def end(self) -> None:
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


class _Out(_Stage):
    """The end of the chain: the relay's other leg."""

    def push(self, data: bytes) -> None:
        self.pipe.end_point.deliver(data)

    def end(self) -> None:
        pipe = self.pipe
        if pipe.closing is not None:
            pipe.end_point.fault_close("fin", pipe.closing)
        else:
            pipe.end_point.finish()


class _Timed(_Stage):
    """Releases each item at its due time, in the order they came."""

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
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


class _Coalesce(_Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
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


class _Drop(_Stage):
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


class _Timeout(_Stage):
    """Forward nothing (not even the FIN); close the connection after ``ms`` (0 = never)."""

    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
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


class _Reset(_Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
        super().__init__(pipe, spec, out)
        self._later(pipe.params(self)["after_ms"] / 1000, self._expire)

    def _expire(self) -> None:
        assert self.spec is not None
        self.pipe.event(self, "reset")
        self.pipe.end_point.fault_close("rst", self.spec)


class _Limit(_Stage):
    def __init__(self, pipe: FaultPipe, spec: FaultSpec | None, out: _Stage | None) -> None:
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


_STAGES: dict[str, type[_Stage]] = {
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


class FaultPipe:
    """The faults of one direction of one relayed connection (or UDP session).

    Attributes:
        host: The engine's timers.
        direction: ``up`` (client -> server) or ``down``.
        rng: The session's random numbers (seeded for tests).
        end_point: Where the bytes go.
        datagrams: UDP: ``drop`` decides per datagram rather than per connection.
        closing: The fault that is closing the connection once the stream ends, if any.
    """

    def __init__(
        self,
        host: FaultHost,
        direction: str,
        faults: list[FaultSpec],
        rng: random.Random,
        end_point: PipeEnd,
        *,
        datagrams: bool = False,
    ) -> None:
        self.host = host
        self.direction = direction
        self.rng = rng
        self.end_point = end_point
        self.datagrams = datagrams
        self.closing: FaultSpec | None = None
        self._out = _Out(self, None, None)
        self._stages: list[_Stage] = []
        self._head: _Stage = self._out
        self._build(faults)

    @property
    def idle(self) -> bool:
        """True when no fault applies: data goes straight to the other leg."""
        return not self._stages

    @property
    def held_bytes(self) -> int:
        """Bytes the faults hold back right now (delayed, gathered or paced)."""
        return sum(stage.held for stage in self._stages)

    def push(self, data: bytes) -> None:
        """One recv() result (or datagram) from the sending leg."""
        self._head.push(data)

    def end(self) -> None:
        """The sending leg finished (FIN)."""
        self._head.end()

    def replace(self, faults: list[FaultSpec]) -> None:
        """Let what is held go on now, then apply ``faults`` from the next byte on."""
        for stage in self._stages:
            stage.flush()
        self.cancel()
        self._build(faults)

    def cancel(self) -> None:
        """Drop what is held and every timer (the connection is gone)."""
        for stage in self._stages:
            stage.cancel()
        self._stages = []
        self._head = self._out

    def params(self, stage: _Stage) -> dict[str, int]:
        """The parameters of ``stage``'s fault."""
        assert stage.spec is not None
        return stage.spec.params

    def event(self, stage: _Stage, action: str) -> None:
        """Record a FAULT event about ``stage``'s fault."""
        assert stage.spec is not None
        self.end_point.fault_event(stage.spec, action)

    def _build(self, faults: list[FaultSpec]) -> None:
        chosen = [
            spec
            for spec in faults
            if spec.applies_to(self.direction)
            and ((spec.name == "drop" and self.datagrams) or self.rng.random() < spec.toxicity)
        ]
        out: _Stage = self._out
        stages: list[_Stage] = []
        # Built from the last to the first, so each stage knows the next; the timers some
        # stages start at once (reset, timeout, limit=0) only fire on a later loop turn.
        for spec in reversed(chosen):
            out = _STAGES[spec.name](self, spec, out)
            stages.append(out)
        stages.reverse()
        self._stages = stages
        self._head = out
        for stage in stages:
            if stage.spec is not None and not (stage.spec.name == "drop" and self.datagrams):
                self.end_point.fault_event(stage.spec, "active")
