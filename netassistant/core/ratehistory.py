"""RateHistory: bytes and chunks per second over the last N seconds, from counters.

The live rate graph is fed from a session's running totals (``SessionStats``), sampled a
few times a second, never from the chunks themselves: the cost is the same at 10 and at
100,000 chunks a second. A counter that goes down (the user reset the counters, or a new
run started) is a new baseline, not a negative rate.
"""

from __future__ import annotations

import collections
import dataclasses

#: The counters sampled, in the order a sample holds them.
SERIES: tuple[str, ...] = ("rx_bytes", "tx_bytes", "rx_chunks", "tx_chunks")


@dataclasses.dataclass(frozen=True, slots=True)
class RatePoint:
    """The rates over one sampling step.

    Attributes:
        t: When the step ended (monotonic seconds).
        rates: Per second over the step, one per name in :data:`SERIES`.
    """

    t: float
    rates: tuple[float, ...]


class RateHistory:
    """The newest rate points, enough to cover ``seconds``.

    Attributes:
        seconds: How far back the history reaches.
    """

    def __init__(self, seconds: float = 60.0, max_points: int = 1200) -> None:
        """Keep ``seconds`` of history, at most ``max_points`` points (bounded memory)."""
        if not 0 < seconds <= 3600:
            raise ValueError(f"the history must cover 0 .. 3600 s, not {seconds}")
        self.seconds = seconds
        self.points: collections.deque[RatePoint] = collections.deque(maxlen=max_points)
        self._last: tuple[float, tuple[int, ...]] | None = None

    def sample(self, t: float, counters: tuple[int, ...]) -> RatePoint | None:
        """Take the counters at time ``t``; returns the new point (None for the first sample).

        Raises:
            ValueError: ``counters`` does not hold one value per :data:`SERIES` name.
        """
        if len(counters) != len(SERIES):
            raise ValueError(f"a sample needs {len(SERIES)} counters, not {len(counters)}")
        last, self._last = self._last, (t, tuple(counters))
        if last is None or t <= last[0]:
            return None
        dt = t - last[0]
        # A counter that went down was reset: count from zero, not a negative rate.
        rates = tuple(
            (now - (before if now >= before else 0)) / dt
            for now, before in zip(counters, last[1], strict=True)
        )
        point = RatePoint(t, rates)
        self.points.append(point)
        while self.points and self.points[0].t < t - self.seconds:
            self.points.popleft()
        return point

    def clear(self) -> None:
        """Forget every point and the baseline."""
        self.points.clear()
        self._last = None

    def peak(self, index: int) -> float:
        """The highest rate of series ``index`` in the history (0 when empty)."""
        return max((p.rates[index] for p in self.points), default=0.0)
