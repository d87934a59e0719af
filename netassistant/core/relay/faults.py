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

import random
from collections.abc import Callable
from typing import Protocol

from netassistant.core.relay.spec import FaultSpec
from netassistant.core.relay.stages import STAGES, Out, Stage


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
        self._out = Out(self, None, None)
        self._stages: list[Stage] = []
        self._head: Stage = self._out
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

    def params(self, stage: Stage) -> dict[str, int]:
        """The parameters of ``stage``'s fault."""
        assert stage.spec is not None
        return stage.spec.params

    def event(self, stage: Stage, action: str) -> None:
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
        out: Stage = self._out
        stages: list[Stage] = []
        # Built from the last to the first, so each stage knows the next; the timers some
        # stages start at once (reset, timeout, limit=0) only fire on a later loop turn.
        for spec in reversed(chosen):
            out = STAGES[spec.name](self, spec, out)
            stages.append(out)
        stages.reverse()
        self._stages = stages
        self._head = out
        for stage in stages:
            if stage.spec is not None and not (stage.spec.name == "drop" and self.datagrams):
                self.end_point.fault_event(stage.spec, "active")
