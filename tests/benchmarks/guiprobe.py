"""GapProbe: a GUI-thread timer that records how late each tick was (the window's freezes).

Shared by the window benchmarks (gui_flood.py, clients_scale.py): a QTimer ticks every
``interval_ms`` in the GUI thread; the gap between two ticks is how long the thread was
busy, so the longest gap is the longest freeze a user would have felt.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer


class GapProbe:
    """Ticks every ``interval_ms`` while started; ``gaps`` holds the ms between ticks."""

    def __init__(self, interval_ms: int) -> None:
        self.interval_ms = interval_ms
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now

    def start(self) -> None:
        """Forget earlier gaps and start ticking from now."""
        self.gaps.clear()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking (the gaps stay)."""
        self._timer.stop()

    @property
    def longest(self) -> float:
        """The longest gap in ms (0 without ticks)."""
        return max(self.gaps, default=0.0)
