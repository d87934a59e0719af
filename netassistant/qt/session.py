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
from netassistant.qt.worker import SessionWorker

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
    """

    events_received = Signal(object)
    state_changed = Signal(object)
    stats_changed = Signal()
    clients_changed = Signal()
    error = Signal(str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config: SessionConfig | None = None
        self.stats = SessionStats()
        self._thread: QThread | None = None
        self._worker: SessionWorker | None = None

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
        thread = QThread()
        thread.setObjectName(f"session-{config.kind.value}")
        worker.moveToThread(thread)
        # Queued, so run() executes inside the thread's event loop: a quit() that arrives
        # after run() returns then ends exec() (a quit before exec() starts would be lost).
        thread.started.connect(worker.run, Qt.ConnectionType.QueuedConnection)
        worker.events.connect(self._on_events)
        worker.errored.connect(self._on_errored)
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

    def _set_state(self, state: SessionState) -> None:
        if self.stats.state is not state:
            self.stats.state = state
            self.state_changed.emit(state)

    def reset_counters(self) -> None:
        """Zero the counters (the "reset" button)."""
        self.stats.reset_counters()
        self.stats_changed.emit()

    # --------------------------------------------------------------- commands
    def _engine(self) -> Any:
        return self._worker.engine if self._worker is not None else None

    def send(self, data: bytes, conn_id: int | None = None) -> bool:
        """Send through the running session; False if none is running."""
        engine = self._engine()
        if engine is None:
            return False
        engine.send(data, conn_id)
        return True

    def call(self, method: str, *args: Any) -> bool:
        """Call a thread-safe engine command by name (``disconnect``, ``reply``, ...).

        Returns:
            False if no session is running or the engine has no such command.
        """
        engine = self._engine()
        fn = getattr(engine, method, None) if engine is not None else None
        if fn is None:
            return False
        fn(*args)
        return True
