"""SessionController: the GUI thread's typed handle on one running session.

It owns the QThread and the :class:`SessionWorker`, re-emits the worker's batches in the
GUI thread (so widgets and ``qtbot.waitSignal`` only ever see GUI-thread signals), keeps
the counters, and has one explicit :meth:`shutdown` that stops the session, quits the
thread and waits for it: a QThread must never be garbage collected while running.

Every command is a typed method (:meth:`send`, :meth:`close_connection`, :meth:`start_plan`, ...)
that goes to the :class:`~netassistant.core.pipeline.SessionPipeline`; nothing outside
``qt/`` sees the pipeline or its engine. Settings that outlive a run (decoding, the
auto-reply rule, taps) are kept here and applied at every start.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from netassistant.core.chunk import ConnEvent, Event, EventKind, connection_events, parse_address
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.pipeline import (
    DecodeSettings,
    PipelineBatch,
    SendScript,
    SessionPipeline,
    Tap,
)
from netassistant.core.stats import SessionState, SessionStats
from netassistant.qt.foreground import GUI_GATE
from netassistant.qt.gcpause import FloodGcPause
from netassistant.qt.turnqueue import TurnQueue
from netassistant.qt.worker import SessionWorker

if TYPE_CHECKING:
    from netassistant.core.autoreply import AutoReplyRule
    from netassistant.core.replayfile import ReplaySource
    from netassistant.core.replies.ruleset import ReplyRules
    from netassistant.core.sending.plans import SendPlan

SHUTDOWN_TIMEOUT_MS = 5000
#: Events applied in one turn of the event loop at most: a flood's batch (up to 8,192
#: events, 1/30 s of datagrams) took up to 38 ms to apply, so it goes in slices of this
#: many (about 6 ms each), with a repaint or a timer free to run between two.
SLICE_EVENTS: Final = 2048
#: ... and at most this many connection events: each lists or unlists a client in several
#: views, and 2,048 accepts took 25-50 ms to apply.
SLICE_CONN_EVENTS: Final = 256


def slice_bounds(events: list[Event]) -> list[tuple[int, int]]:
    """Where to cut a batch: each slice's (start, end), in order (one for a small batch).

    A slice holds at most :data:`SLICE_EVENTS` events and :data:`SLICE_CONN_EVENTS`
    connection events.
    """
    count = len(events)
    if count <= SLICE_CONN_EVENTS:
        return [(0, count)]
    conns = [i for i, ev in enumerate(events) if type(ev) is ConnEvent]
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < count:
        end = min(count, start + SLICE_EVENTS)
        first = bisect_left(conns, start)
        if first + SLICE_CONN_EVENTS < len(conns) and conns[first + SLICE_CONN_EVENTS] < end:
            end = conns[first + SLICE_CONN_EVENTS]
        bounds.append((start, end))
        start = end
    return bounds


class _Slice(NamedTuple):
    """Part of a worker's batch, applied in one turn; the last part acknowledges it."""

    worker: QObject | None
    batch: PipelineBatch
    last: bool


class NotRunning(RuntimeError):
    """A command that needs a running session was given while none runs."""


class SessionController(QObject):
    """Start, command and stop one session from the GUI thread.

    Attributes:
        config: The configuration of the current (or last) run.
        stats: Counters, client table and state.

    Signals:
        events_received(list): a batch of chunks and connection events (GUI thread).
        decoded_received(object): a :class:`PipelineBatch` whose ``decoded`` messages
            were cut with the settings of :attr:`decode_generation` (or an older one:
            compare ``batch.generation``, already translated to this controller's count).
        state_changed(SessionState): the session's state changed.
        stats_changed(): counters changed (once per batch).
        clients_changed(): a connection opened, closed or half-closed (or the table was
            emptied at a start or stop).
        client_events(list): the connection events of a batch that changed the client
            table, emitted just before its ``clients_changed``; a view can apply them
            instead of rebuilding from :attr:`stats`.
        error(str): a plain-words error message from the session.
        finished(): the session's thread has ended.
        tap_failed(str): a tap (capture) failed in the engine thread and was removed.
        auto_reply_paused(str): a loop guard paused the auto-reply; the reason.
        plan_progress(int, int, int, str, str): a send plan or file send moved on:
            plan id, sent, total, state ("running", "done", "cancelled", "stopped",
            "failed") and the plain-words message.
    """

    events_received = Signal(object)
    decoded_received = Signal(object)
    state_changed = Signal(object)
    stats_changed = Signal()
    clients_changed = Signal()
    client_events = Signal(object)
    tls_handshake = Signal(object)
    error = Signal(str)
    finished = Signal()
    tap_failed = Signal(str)
    auto_reply_paused = Signal(str)
    plan_progress = Signal(int, int, int, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        """Create an idle controller."""
        super().__init__(parent)
        self.config: SessionConfig | None = None
        self.stats = SessionStats()
        self._thread: QThread | None = None
        self._worker: SessionWorker | None = None
        # What outlives a run: applied at every start.
        self._taps: list[Tap] = []
        self._decode = DecodeSettings()
        self._auto_reply: AutoReplyRule | ReplyRules | None = None
        self._generation = 0  # decoding settings changes, counted across runs
        self._generation_base = 0  # the count when the current pipeline was made
        self._plans: set[int] = set()  # plan ids started and not yet ended
        # Numbers stay unique within a log: a new run continues where the last one ended.
        self._next_seq = 1
        self._next_conn_id = 1
        self._gc_pause = FloodGcPause(self)
        # Batches are applied in short event-loop turns, never all waiting ones at once
        # (see turnqueue.py).
        self._batches: TurnQueue[_Slice] = TurnQueue(self._apply_batch, self, hold=GUI_GATE.urgent)

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
    def local_address(self) -> str:
        """The session's bound or connected local address ("" when not known)."""
        pipeline = self._pipeline()
        return pipeline.local_address if pipeline is not None else ""

    @property
    def local_port(self) -> int:
        """The bound local port of an IP session (0 before it is known, or for AF_UNIX)."""
        try:
            return parse_address(self.local_address)[1]
        except ValueError:
            return 0

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
        worker = SessionWorker(
            config,
            decode=self._decode,
            auto_reply=self._auto_reply,
            first_seq=self._next_seq,
            first_conn_id=self._next_conn_id,
        )
        self._generation_base = self._generation
        for tap in self._taps:
            worker.pipeline.add_tap(tap)
        thread = QThread()
        thread.setObjectName(f"session-{config.kind.value}")
        worker.moveToThread(thread)
        # Queued, so run() executes inside the thread's event loop: a quit() that arrives
        # after run() returns then ends exec() (a quit before exec() starts would be lost).
        thread.started.connect(worker.run, Qt.ConnectionType.QueuedConnection)
        worker.batches.connect(self._on_batch)
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
            self._worker.pipeline.stop()
            if self.state not in (SessionState.FAILED, SessionState.STOPPED):
                self._set_state(SessionState.STOPPING)

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop the session, quit the thread and wait for it (blocking). Safe to repeat.

        Returns:
            True if the thread has ended (or none was running).
        """
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return True
        worker.pipeline.stop()
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
        self._batches.flush()  # the run's last events come before its end
        # The thread has ended: if it was stopped before run() began, free the engine here.
        self._worker.pipeline.close()
        self._thread = None
        self._worker = None
        self._gc_pause.release()
        if self.stats.state not in (SessionState.FAILED, SessionState.STOPPED):
            self.stats.state = SessionState.STOPPED
        if self.stats.clients:
            self.stats.clients.clear()
            self.clients_changed.emit()
        unfinished, self._plans = self._plans, set()
        for plan_id in sorted(unfinished):
            message = self.tr("the session stopped before the send finished")
            self.plan_progress.emit(plan_id, 0, 0, "stopped", message)
        self.state_changed.emit(self.stats.state)
        self.finished.emit()

    def _pipeline(self) -> SessionPipeline | None:
        return self._worker.pipeline if self._worker is not None else None

    def _running_pipeline(self) -> SessionPipeline:
        pipeline = self._pipeline()
        if pipeline is None:
            raise NotRunning("no session is running")
        return pipeline

    # ----------------------------------------------------------------- events
    @Slot(object)
    def _on_batch(self, batch: PipelineBatch) -> None:
        worker = self.sender()
        events = batch.events
        bounds = slice_bounds(events)
        for start, end in bounds[:-1]:
            part = PipelineBatch(events[start:end], [], batch.generation, {}, [])
            self._batches.push(_Slice(worker, part, last=False))
        if len(bounds) > 1:
            batch = batch._replace(events=events[bounds[-1][0] :])
        self._batches.push(_Slice(worker, batch, last=True))

    def _apply_batch(self, item: _Slice) -> None:
        # Holding the window's gate: the engines wait at their next turn instead of
        # taking the GIL back between this slice's calls into Python and Qt's.
        with GUI_GATE:
            self._apply_slice(item)

    def _apply_slice(self, item: _Slice) -> None:
        worker, batch, last = item
        before = self.stats.state
        events = batch.events
        if events:
            self._next_seq = max(self._next_seq, events[-1].seq + 1)
        clients_changed = self.stats.apply(events)
        self.events_received.emit(events)
        if last and (batch.decoded or batch.pending or self._decode.active):
            self.decoded_received.emit(
                batch._replace(generation=self._generation_base + batch.generation)
            )
        conn_events = connection_events(events)
        for ev in conn_events:
            if ev.kind in (EventKind.ACCEPTED, EventKind.CONNECTED):
                self._next_conn_id = max(self._next_conn_id, ev.conn_id + 1)
            if ev.kind is EventKind.ERROR and not ev.plan_id:
                self.error.emit(ev.message)
            elif ev.kind is EventKind.TLS:
                self.tls_handshake.emit(ev)
            if ev.plan_id and ev.state:
                self._on_plan_event(ev)
        for notice in batch.notices:
            if notice.source == "auto_reply":
                self.auto_reply_paused.emit(notice.message)
            elif notice.source == "tap":
                self._taps = [tap for tap in self._taps if tap in self._installed_taps()]
                self.tap_failed.emit(notice.message)
        if last:
            self._ack(worker)
        self.stats_changed.emit()
        if clients_changed:
            self.client_events.emit(conn_events)
            self.clients_changed.emit()
        if self.stats.state is not before:
            self.state_changed.emit(self.stats.state)
        if self._thread is not None:  # a batch delivered after shutdown() freezes nothing
            self._gc_pause.note_batch(len(events))

    def _ack(self, worker: QObject | None) -> None:
        if isinstance(worker, SessionWorker):
            worker.ack()
        elif self._worker is not None:
            self._worker.ack()

    def _on_plan_event(self, ev: ConnEvent) -> None:
        if ev.kind is EventKind.ERROR and ev.state == "failed":
            self.error.emit(ev.message)
        if ev.state != "running":
            self._plans.discard(ev.plan_id)
        self.plan_progress.emit(ev.plan_id, ev.sent, ev.total, ev.state, ev.message)

    def _installed_taps(self) -> tuple[Tap, ...]:
        pipeline = self._pipeline()
        return pipeline.taps() if pipeline is not None else ()

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

    # ------------------------------------------------- settings that outlive a run
    @property
    def decode_settings(self) -> DecodeSettings:
        """How received bytes are cut into messages (now and at every start)."""
        return self._decode

    @property
    def decode_generation(self) -> int:
        """Counts :meth:`set_decoding` calls; batches carry the one they were cut with."""
        return self._generation

    def set_decoding(self, settings: DecodeSettings) -> int:
        """Decode with ``settings`` from now on (and at every start).

        Returns:
            The new :attr:`decode_generation`.

        Raises:
            FramingError, ChecksumError, ValueError: ``settings`` is invalid (nothing
                changes then).
        """
        pipeline = self._pipeline()
        if pipeline is not None:
            pipeline.set_decoding(settings)
        else:
            settings.build()  # validate now, like a running session would
        self._decode = settings
        self._generation += 1
        return self._generation

    @property
    def auto_reply(self) -> AutoReplyRule | ReplyRules | None:
        """The reply rules (now and at every start), or None."""
        return self._auto_reply

    def set_auto_reply(self, rule: AutoReplyRule | ReplyRules | None) -> None:
        """Answer with ``rule`` (None: no replies); clears a guard's pause.

        Raises:
            AutoReplyError, RuleError: ``rule`` is invalid.
        """
        if rule is not None:
            rule.validate()
        pipeline = self._pipeline()
        if pipeline is not None:
            pipeline.set_auto_reply(rule)
        self._auto_reply = rule

    def resume_auto_reply(self) -> None:
        """Reply again after a loop guard paused the auto-reply."""
        pipeline = self._pipeline()
        if pipeline is not None:
            pipeline.resume_auto_reply()

    def add_tap(self, fn: Tap) -> None:
        """Call ``fn(events)`` with every batch in the engine thread, now and in later runs.

        The tap sees each batch before the GUI does and whatever the view shows (paused,
        capped); it must be thread-safe and quick. A tap that raises is removed and
        ``tap_failed`` is emitted. Adding a tap twice does nothing.
        """
        if fn not in self._taps:
            self._taps.append(fn)
        pipeline = self._pipeline()
        if pipeline is not None:
            pipeline.add_tap(fn)

    def remove_tap(self, fn: Tap) -> None:
        """Stop calling ``fn`` (unknown taps are ignored).

        A batch the engine thread is already handing to ``fn`` still completes, so a
        tap that owns a file should close it in a thread-safe way after this.
        """
        self._taps = [tap for tap in self._taps if tap != fn]
        pipeline = self._pipeline()
        if pipeline is not None:
            pipeline.remove_tap(fn)

    def taps(self) -> list[Tap]:
        """The taps installed now and at every start."""
        return list(self._taps)

    # --------------------------------------------------------------- commands
    # Each returns False (or raises NotRunning, for those that return an id) when no
    # session runs; a command the kind does not have is a programming error (TypeError).
    def send(self, data: bytes, conn_id: int | None = None) -> bool:
        """Send to one client (None: every client), to the server, or to the UDP remote.

        A relay injects toward :attr:`inject_toward` (the server unless set otherwise).
        """
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        if pipeline.kind is Kind.RELAY:
            pipeline.relay().inject(conn_id, self.inject_toward, data)
        else:
            pipeline.send(data, conn_id)
        return True

    # ---------------------------------------------------------- relay commands
    #: Relay: where :meth:`send` injects, "server" or "client".
    inject_toward = "server"

    def inject(self, conn_id: int | None, toward: str, data: bytes) -> bool:
        """Relay: send ``data`` to the server or the client of a relayed connection.

        Raises:
            ValueError: ``toward`` is not "server" or "client".
        """
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.relay().inject(conn_id, toward, data)
        return True

    def half_close_leg(self, conn_id: int, leg: str) -> bool:
        """Relay: shutdown(SHUT_WR) one leg ("client" or "server") of a relayed connection."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.relay().half_close(conn_id, leg)
        return True

    def abort_leg(self, conn_id: int, leg: str) -> bool:
        """Relay: reset one leg with RST (the other is then reset too, as a proxy would)."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.relay().abort(conn_id, leg)
        return True

    def set_faults(self, specs: list[str]) -> bool:
        """Relay: replace the faults now; each change is logged as a FAULT event.

        Raises:
            FaultSpecError: a spec is wrong (nothing changes then).
        """
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.relay().set_faults(specs)
        return True

    def send_to(self, data: bytes, host: str, port: int) -> bool:
        """UDP: one datagram to ``host:port`` (or an AF_UNIX path with port 0)."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.send_to(data, host, port)
        return True

    def reply(self, data: bytes) -> bool:
        """UDP: one datagram back to whoever sent the last one."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.reply(data)
        return True

    def close_connection(self, conn_id: int | None = None) -> bool:
        """TCP: close a connection gracefully (a client pane: its connection).

        (Not named ``disconnect``: that is QObject's, for signals.)
        """
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.disconnect(conn_id)
        return True

    def half_close(self, conn_id: int | None = None) -> bool:
        """TCP: shut down our sending side of a connection (FIN)."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.half_close(conn_id)
        return True

    def abort(self, conn_id: int | None = None) -> bool:
        """TCP: reset a connection (RST)."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.abort(conn_id)
        return True

    def set_accept_paused(self, paused: bool) -> bool:
        """TCP server: stop (True) or resume accepting; new clients wait in the backlog."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_accept_paused(paused)
        return True

    def set_nodelay(self, on: bool) -> bool:
        """TCP: TCP_NODELAY on every connection, now and for new ones."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_nodelay(on)
        return True

    def set_wire(self, on: bool) -> bool:
        """TCP: show this session's segments on loopback (SEGMENT events); False if idle.

        Without permission to capture, the session reports one ERROR event whose
        ``detail`` is ``{"source": "wire"}``, saying what is needed.
        """
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_wire(on)
        return True

    def focus_kernel_state(self, conn_ids: list[int]) -> bool:
        """TCP: sample these connections' kernel state (the ones a view shows)."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.focus_kernel_state(conn_ids)
        return True

    def set_recv_size(self, size: int) -> bool:
        """Bytes asked for per recv() while running."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_recv_size(size)
        return True

    def set_read_delay(self, ms: int) -> bool:
        """The slow reader's wait before each recv() while running."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_read_delay(ms)
        return True

    def after_commands(self, fn: Callable[[], None]) -> bool:
        """Call ``fn()`` in the session's thread once the commands given so far are applied."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.call_soon(fn)
        return True

    def start_script(self, script: SendScript) -> None:
        """Run a send script (a packet panel's step list) on the engine's timers.

        Raises:
            NotRunning: the session is not running.
        """
        self._running_pipeline().start_script(script)

    def start_plan(self, plan: SendPlan) -> int:
        """Start a send plan; progress arrives as ``plan_progress``.

        Returns:
            The plan id.

        Raises:
            NotRunning: no session is running.
        """
        plan_id = self._running_pipeline().start_plan(plan)
        self._plans.add(plan_id)
        return plan_id

    def send_file(
        self, path: str | os.PathLike[str], conn_id: int | None = None, **options: Any
    ) -> int:
        """Stream a file (see :meth:`Engine.send_file` for ``options``).

        Returns:
            The file send's id, for :meth:`cancel_plan`; progress arrives as
            ``plan_progress`` (in bytes).

        Raises:
            NotRunning: no session is running.
        """
        plan_id = self._running_pipeline().send_file(path, conn_id, **options)
        self._plans.add(plan_id)
        return plan_id

    def join_group(self, spec: str) -> bool:
        """UDP: join a multicast group, ``GROUP[@IFACE]``; the outcome arrives as an event."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.join_group(spec)
        return True

    def leave_group(self, spec: str) -> bool:
        """UDP: leave a multicast group joined as ``spec``."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.leave_group(spec)
        return True

    def start_replay(self, source: ReplaySource, total: int) -> int:
        """Replay a recording checked beforehand (off the GUI thread) with ``total`` sends.

        Returns:
            The replay's id; progress arrives as ``plan_progress`` (in chunks).

        Raises:
            NotRunning: no session is running.
        """
        plan_id = self._running_pipeline().start_replay(source, total=total)
        self._plans.add(plan_id)
        return plan_id

    def cancel_plan(self, plan_id: int) -> bool:
        """Stop a plan or file send; its last ``plan_progress`` says how far it got."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.cancel_plan(plan_id)
        return True

    def set_plan_interval(self, plan_id: int, interval_ms: float) -> bool:
        """Change a running plan's interval."""
        pipeline = self._pipeline()
        if pipeline is None:
            return False
        pipeline.set_plan_interval(plan_id, interval_ms)
        return True
