"""SessionController: the GUI thread's handle on one running session.

It owns the QThread and the :class:`SessionWorker`, re-emits the worker's batches
in the GUI thread (so widgets and ``qtbot.waitSignal`` only ever see GUI-thread
signals), keeps the counters, and has one explicit :meth:`shutdown` that stops the
engine, quits the thread and waits for it: a QThread must never be garbage
collected while running.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from netassistant.core.chunk import ConnEvent, EventKind
from netassistant.core.config import SessionConfig
from netassistant.core.engine import Engine
from netassistant.core.stats import SessionState, SessionStats
from netassistant.qt.worker import SessionWorker, Tap

SHUTDOWN_TIMEOUT_MS = 5000


class SessionController(QObject):
    """Start, command and stop one session from the GUI thread.

    Attributes:
        config: The configuration of the current (or last) run.
        stats: Counters, client table and state.

    Signals:
        events_received(list): a batch of events, delivered in the GUI thread.
        state_changed(SessionState): the session's state changed.
        stats_changed(): counters changed (once per batch).
        clients_changed(): a connection opened, closed or half-closed.
        error(str): a plain-words error message from the session.
        finished(): the session's thread has ended.
        tap_failed(str): a tap raised in the engine thread and was removed
            (``"ExceptionType: message"``).
    """

    events_received = Signal(object)
    state_changed = Signal(object)
    stats_changed = Signal()
    clients_changed = Signal()
    error = Signal(str)
    finished = Signal()
    tap_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config: SessionConfig | None = None
        self.stats = SessionStats()
        self._thread: QThread | None = None
        self._worker: SessionWorker | None = None
        # Taps outlive a run: each start installs them on the new worker.
        self._taps: list[Tap] = []

    # -------------------------------------------------------------- life cycle
    @property
    def state(self) -> SessionState:
        """The current state."""
        return self.stats.state

    @property
    def running(self) -> bool:
        """True from :meth:`start` until the thread has finished."""
        return self._thread is not None

    @property
    def engine(self) -> Engine | None:
        """The running engine (its command methods are thread-safe), or None."""
        return self._worker.engine if self._worker is not None else None

    def start(self, config: SessionConfig) -> None:
        """Start a session; the config must already be valid (``config.validate()``).

        Raises:
            RuntimeError: a session is already running on this controller.
        """
        if self._thread is not None:
            raise RuntimeError("session already running")
        self.config = config
        clients = self.stats.clients
        self.stats.clients = {}
        self.stats.last_error = ""
        worker = SessionWorker(config)
        for tap in self._taps:
            worker.add_tap(tap)
        thread = QThread()
        thread.setObjectName(f"session-{config.kind.value}")
        worker.moveToThread(thread)
        # Queued, so run() executes inside the thread's event loop: a quit() that arrives
        # after run() returns then ends exec() (a quit before exec() starts would be lost).
        thread.started.connect(worker.run, Qt.ConnectionType.QueuedConnection)
        worker.events.connect(self._on_events)
        worker.errored.connect(self._on_errored)
        worker.tap_failed.connect(self._on_tap_failed)
        # quit() is thread-safe; a direct call from the worker thread cannot be lost in a
        # blocked GUI event queue (shutdown() waits in the GUI thread).
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished)
        self._worker, self._thread = worker, thread
        self._set_state(SessionState.STARTING)
        if clients:
            self.clients_changed.emit()
        thread.start()

    def stop(self) -> None:
        """Ask the session to end; ``finished`` follows (does not block)."""
        if self._worker is not None:
            self._worker.engine.stop()
            if self.state not in (SessionState.FAILED, SessionState.STOPPED):
                self._set_state(SessionState.STOPPING)

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop the engine, quit the thread and wait for it (blocking). Safe to repeat.

        Returns:
            True if the thread has ended (or none was running).
        """
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return True
        worker.engine.stop()
        thread.quit()
        ended = thread.wait(timeout_ms)
        if ended:
            self._cleanup()
        return bool(ended)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._cleanup()

    def _cleanup(self) -> None:
        if self._thread is None or self._worker is None:
            return
        # The thread has ended: if it was stopped before run() began, free the engine here.
        self._worker.engine.close()
        self._thread = None
        self._worker = None
        if self.stats.state not in (SessionState.FAILED, SessionState.STOPPED):
            self.stats.state = SessionState.STOPPED
        if self.stats.clients:
            self.stats.clients.clear()
            self.clients_changed.emit()
        self.state_changed.emit(self.stats.state)
        self.finished.emit()

    # ----------------------------------------------------------------- events
    @Slot(object)
    def _on_events(self, batch: list[Any]) -> None:
        worker = self.sender()
        before = self.stats.state
        clients_changed = self.stats.apply(batch)
        self.events_received.emit(batch)
        for ev in batch:
            if type(ev) is ConnEvent and ev.kind is EventKind.ERROR:
                self.error.emit(ev.message)
        if isinstance(worker, SessionWorker):
            worker.ack()
        elif self._worker is not None:
            self._worker.ack()
        self.stats_changed.emit()
        if clients_changed:
            self.clients_changed.emit()
        if self.stats.state is not before:
            self.state_changed.emit(self.stats.state)

    @Slot(str)
    def _on_errored(self, text: str) -> None:
        self.stats.last_error = text
        self.error.emit(self.tr("internal error, please report it: %1").replace("%1", text))

    @Slot(str)
    def _on_tap_failed(self, text: str) -> None:
        worker = self.sender()
        if isinstance(worker, SessionWorker):
            installed = worker.taps()
            self._taps = [tap for tap in self._taps if tap in installed]
        self.tap_failed.emit(text)

    def _set_state(self, state: SessionState) -> None:
        if self.stats.state is not state:
            self.stats.state = state
            self.state_changed.emit(state)

    def reset_counters(self) -> None:
        """Zero the counters (the "reset" button)."""
        self.stats.reset_counters()
        self.stats_changed.emit()

    # ------------------------------------------------------------------- taps
    def add_tap(self, fn: Tap) -> None:
        """Call ``fn(batch)`` with every batch in the engine thread, now and in later runs.

        The tap sees each batch before the GUI does and whatever the view shows (paused,
        capped); it must be thread-safe and quick. A tap that raises is removed and
        ``tap_failed`` is emitted. Adding a tap twice does nothing.
        """
        if fn not in self._taps:
            self._taps.append(fn)
        if self._worker is not None:
            self._worker.add_tap(fn)

    def remove_tap(self, fn: Tap) -> None:
        """Stop calling ``fn`` (unknown taps are ignored).

        A batch the engine thread is already handing to ``fn`` still completes, so a
        tap that owns a file should close it in a thread-safe way after this.
        """
        self._taps = [tap for tap in self._taps if tap != fn]
        if self._worker is not None:
            self._worker.remove_tap(fn)

    def taps(self) -> list[Tap]:
        """The taps installed now and at every start."""
        return list(self._taps)

    # --------------------------------------------------------------- commands
    def send(self, data: bytes, conn_id: int | None = None) -> bool:
        """Send through the running session; False if none is running."""
        engine = self.engine
        if engine is None:
            return False
        engine.send(data, conn_id)
        return True

    def command(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call a thread-safe engine command and return its result (e.g. a plan id).

        Raises:
            RuntimeError: no session is running.
            AttributeError: the engine has no such command.
        """
        engine = self.engine
        if engine is None:
            raise RuntimeError("no session is running")
        return getattr(engine, method)(*args, **kwargs)

    def call(self, method: str, *args: Any) -> bool:
        """Call a thread-safe engine command by name (``disconnect``, ``reply``, ...).

        Returns:
            False if no session is running or the engine has no such command.
        """
        engine = self.engine
        fn = getattr(engine, method, None) if engine is not None else None
        if fn is None:
            return False
        fn(*args)
        return True
