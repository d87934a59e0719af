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

    def __init__(self, seconds: float = 60.0, max_points: int = 1200, smooth: float = 1.0) -> None:
        """Keep ``seconds`` of history, at most ``max_points`` points (bounded memory).

        Each rate is taken over the last ``smooth`` seconds of samples: the counters move
        in steps (one per batch the worker delivers, ~30 a second), so a short step alone
        would jitter by a batch or two.
        """
        if not 0 < seconds <= 3600:
            raise ValueError(f"the history must cover 0 .. 3600 s, not {seconds}")
        self.seconds = seconds
        self.smooth = smooth
        self.points: collections.deque[RatePoint] = collections.deque(maxlen=max_points)
        self._samples: collections.deque[tuple[float, tuple[int, ...]]] = collections.deque(
            maxlen=256
        )

    def sample(self, t: float, counters: tuple[int, ...]) -> RatePoint | None:
        """Take the counters at time ``t``; returns the new point (None for the first sample).

        Raises:
            ValueError: ``counters`` does not hold one value per :data:`SERIES` name.
        """
        if len(counters) != len(SERIES):
            raise ValueError(f"a sample needs {len(SERIES)} counters, not {len(counters)}")
        samples = self._samples
        counters = tuple(counters)
        if samples and t <= samples[-1][0]:
            return None
        if samples and any(n < b for n, b in zip(counters, samples[-1][1], strict=True)):
            # A counter went down: it was reset. Count from zero since the last sample.
            last_t = samples[-1][0]
            samples.clear()
            samples.append((last_t, (0,) * len(SERIES)))
        samples.append((t, counters))
        if len(samples) < 2:
            return None
        # The oldest sample still inside the smoothing window (at least the previous one).
        while len(samples) > 2 and samples[1][0] <= t - self.smooth:
            samples.popleft()
        base_t, base = samples[0]
        dt = t - base_t
        rates = tuple((n - b) / dt for n, b in zip(counters, base, strict=True))
        point = RatePoint(t, rates)
        self.points.append(point)
        while self.points and self.points[0].t < t - self.seconds:
            self.points.popleft()
        return point

    def clear(self) -> None:
        """Forget every point and the baseline."""
        self.points.clear()
        self._samples.clear()

    def peak(self, index: int) -> float:
        """The highest rate of series ``index`` in the history (0 when empty)."""
        return max((p.rates[index] for p in self.points), default=0.0)
