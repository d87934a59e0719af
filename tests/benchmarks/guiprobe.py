"""What the window benchmarks (gui_flood.py, clients_scale.py) share.

:func:`app_window` builds the real window as the app does; :func:`start_pane` starts a
pane and waits until it listens and the window has drawn the start; :class:`GapProbe` is a GUI-thread timer that records how
late each tick was: the gap between two ticks is how long the thread was busy, so the
longest gap is the longest freeze a user would have felt.

Qt is imported inside the functions: :func:`app_window` imports it with the collector
paused, as ``python -m netassistant`` does, and importing this module must come first.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

#: Seconds of events after a pane listens and before a benchmark measures (see start_pane).
SETTLE_S = 0.3

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from netassistant.ui.mainwindow import MainWindow


def app_window() -> tuple[QApplication, MainWindow]:
    """The application and its main window, shown, imported and built as the app does.

    ``python -m netassistant`` imports Qt and the app, and :func:`netassistant.app.main`
    builds the window, with the collector paused; what was made is then frozen (see
    netassistant/core/collector.py). Built any other way, the benchmark's collections
    would walk objects the app's never do.
    """
    from netassistant.core.collector import collector_paused
    from netassistant.qt.environment import prepare_qt_environment

    prepare_qt_environment()  # as main() does before its QApplication
    with collector_paused():
        from PySide6.QtWidgets import QApplication

        from netassistant.ui.mainwindow import MainWindow

        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        window = MainWindow()
        window.show()
    return app, window


def start_pane(app: QApplication, pane: Any, timeout: float = 10.0) -> None:
    """Start ``pane`` with its current settings, run events until it listens, then settle.

    Events then keep running for :data:`SETTLE_S`, so the window has drawn what the start
    changed (the Start button, the settings greyed out: one repaint of the whole pane)
    before anything is measured, as a user's window does at the click, before a peer
    sends. Measured from the moment it listens, that one repaint fell inside the flood:
    under a UDP flood it took 40-60 ms, the run's longest freeze in most runs.
    """
    from netassistant.core.stats import SessionState

    assert pane.start()
    deadline = time.monotonic() + timeout
    while pane.controller.state is not SessionState.LISTENING and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    settled = time.monotonic() + SETTLE_S
    while time.monotonic() < settled:
        app.processEvents()
        time.sleep(0.005)


class GapProbe:
    """Ticks every ``interval_ms`` while started; ``gaps`` holds the ms between ticks."""

    def __init__(self, interval_ms: int) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

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
