"""A scenario run in the window: the core runner on its own thread, driving real panes.

:class:`ScenarioRunController` owns one :class:`~netassistant.core.scenario.ScenarioRunner`
and a worker thread that runs its stages one at a time (a lab's step buttons, or Run all);
each result is emitted in the GUI thread. The panes' sessions are driven through
:class:`ControllerDriver`, one per pane: its commands are executed in the GUI thread by a
:class:`GuiInvoker` while the runner's thread waits (bounded), and the pane's batches feed
the run's records. The GUI thread never waits for the runner: it only posts jobs.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from netassistant.core.config import SessionConfig
from netassistant.core.pipeline import PipelineBatch
from netassistant.core.scenario import PaneSpec, Scenario, ScenarioRunner
from netassistant.core.scenario.drivers import PaneDriver, decode_settings
from netassistant.core.scenario.record import PaneRecord
from netassistant.qt.session import SessionController

#: How long the runner's thread waits for the GUI thread to run one command.
GUI_CALL_TIMEOUT_S = 5.0


class GuiInvoker(QObject):
    """Runs callables in the GUI thread for another thread, which waits for the result.

    Signals:
        _posted(object): internal; carries a job to the GUI thread.
    """

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        """Create it in the GUI thread."""
        super().__init__(parent)
        self._closed = False
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn()`` in the GUI thread and return its result (from any other thread).

        Raises:
            TimeoutError: the GUI thread did not run it in time, or the invoker is closed.
        """
        if QThread.currentThread() is self.thread():
            return fn()  # already in the GUI thread (closing a run): posting would deadlock
        if self._closed:
            raise TimeoutError("the window is closing")
        done = threading.Event()
        box: dict[str, Any] = {}
        self._posted.emit((fn, box, done))
        if not done.wait(GUI_CALL_TIMEOUT_S):
            raise TimeoutError("the window did not answer")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def close(self) -> None:
        """Refuse further calls (the window is closing)."""
        self._closed = True

    @Slot(object)
    def _run(self, job: tuple[Callable[[], Any], dict[str, Any], threading.Event]) -> None:
        fn, box, done = job
        try:
            box["value"] = fn()
        except Exception as exc:  # handed back to the waiting thread, which reports it
            box["error"] = exc
        finally:
            done.set()


class ControllerDriver:
    """A scenario pane backed by a window pane's :class:`SessionController`.

    Attributes:
        controller: The pane's session.
    """

    #: Scenario commands -> the controller's methods of the same meaning.
    _METHODS: ClassVar[dict[str, str]] = {
        "send": "send",
        "send_to": "send_to",
        "start_plan": "start_plan",
        "send_file": "send_file",
        "disconnect": "close_connection",
        "half_close": "half_close",
        "abort": "abort",
        "set_nodelay": "set_nodelay",
        "set_recv_size": "set_recv_size",
        "set_read_delay": "set_read_delay",
        "set_accept_paused": "set_accept_paused",
        "set_faults": "set_faults",
    }

    def __init__(
        self,
        controller: SessionController,
        invoker: GuiInvoker,
        start: Callable[[SessionConfig], None],
    ) -> None:
        """Drive ``controller``; ``start(config)`` shows the config in the pane and starts it."""
        self.controller = controller
        self._invoker = invoker
        self._start = start
        self._record: PaneRecord | None = None
        controller.events_received.connect(self._on_events)
        controller.decoded_received.connect(self._on_decoded)

    def _on_events(self, events: list[Any]) -> None:
        if self._record is not None:
            self._record.feed(events)

    def _on_decoded(self, batch: PipelineBatch) -> None:
        if self._record is not None:
            self._record.feed([], batch.decoded)

    def start(self, config: SessionConfig, record: PaneRecord) -> None:
        """Show ``config`` in the pane and start it (in the GUI thread)."""
        self._record = record

        def start() -> None:
            self.controller.set_decoding(decode_settings(config))
            self._start(config)

        self._invoker.call(start)

    def command(self, name: str, *args: Any) -> Any:
        """Run a scenario command on the pane's session and wait until it is applied."""
        method = getattr(self.controller, self._METHODS[name])
        result = self._invoker.call(lambda: method(*args))
        applied = threading.Event()
        if self._invoker.call(lambda: self.controller.after_commands(applied.set)):
            applied.wait(GUI_CALL_TIMEOUT_S)
        return result

    def stop(self) -> None:
        """Ask the pane's session to stop."""
        self._invoker.call(self.controller.stop)

    def local_address(self) -> str:
        """The session's bound or connected address."""
        return str(self._invoker.call(lambda: self.controller.local_address))

    def close(self) -> None:
        """Stop the session (the pane and its log stay for the user to look at)."""
        # When the window is closing it shuts every pane down itself.
        with contextlib.suppress(TimeoutError):
            self._invoker.call(self.controller.stop)


class ScenarioRunController(QObject):
    """Runs a scenario's stages on a worker thread; reports each result in the GUI thread.

    Attributes:
        scenario: What runs.
        runner: The core runner.

    Signals:
        result(object): a :class:`~netassistant.core.scenario.Result`.
        busy_changed(bool): a stage started (True) or the queue is empty again (False).
    """

    result = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        scenario: Scenario,
        driver_factory: Callable[[PaneSpec, GuiInvoker], PaneDriver],
        parent: QObject | None = None,
    ) -> None:
        """Prepare a run (nothing starts before :meth:`run_stage` or :meth:`run_all`).

        Args:
            scenario: What to run.
            driver_factory: Makes each pane's driver; it is given the invoker through
                which a driver reaches the GUI thread.
            parent: The owning QObject.
        """
        super().__init__(parent)
        self.scenario = scenario
        self.invoker = GuiInvoker(self)
        self.runner = ScenarioRunner(
            scenario,
            on_result=self.result.emit,
            driver_factory=lambda spec: driver_factory(spec, self.invoker),
        )
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="scenario-run", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            self.busy_changed.emit(True)
            try:
                job()
            except Exception:  # RunCancelled ends the run: the result was reported
                self.runner.cancel()
            finally:
                self.busy_changed.emit(not self._jobs.empty())

    def run_stage(self, number: int) -> None:
        """Run stage ``number`` of ``scenario.stages()`` (and any before it not run yet)."""
        stages = self.scenario.stages()
        self._jobs.put(lambda: self.runner.run_stage(stages[number]))

    def run_all(self) -> None:
        """Run everything not run yet."""
        self._jobs.put(self._run_rest)

    def _run_rest(self) -> None:
        while self.runner.next_index < len(self.scenario.actions):
            self.runner.run_next()

    def shutdown(self) -> None:
        """Cancel the run, stop its sessions and let its thread end (within about a second).

        Call it in the GUI thread: the sessions are stopped directly from here, and the
        run's thread, if it still waits for the GUI thread, gets a refusal instead.
        """
        self.runner.cancel()
        self.invoker.close()
        self._jobs.put(None)
        self._thread.join(0.5)
        self.runner.close()
