"""PlanBook: an engine's send plans and file sends, their ids, runners and statuses.

The engine owns one book and forwards its thread-safe commands (``start_plan``,
``send_file``, ``cancel_plan`` ...) to it through the loop; the book starts the runners
(:mod:`.plans`, :mod:`.files`) on the loop thread and is the :class:`PlanHost` they drive
their sends through. Statuses are readable from any thread (:meth:`PlanBook.status`).

What the book needs from its engine is the small :class:`PlanEngine` interface: timers,
events, the local address, and where a send can go (:meth:`PlanEngine.plan_routes`).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import text
from netassistant.core.sending.plans import PlanStatus, Route, SendPlan
from netassistant.core.typehints import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.sending.runners import PlanRunner, Runner

#: Finished plans whose status is kept for :meth:`PlanBook.status`.
KEEP_FINISHED_PLANS = 256


class PlanEngine(Protocol):
    """What a :class:`PlanBook` needs from the engine that owns it (loop thread)."""

    local_address: str
    #: True for datagram sessions: a file goes as one datagram per piece.
    datagrams: bool

    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` after ``delay`` seconds; returns a timer id."""
        ...

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer."""
        ...

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event."""
        ...

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Where a plan or file send goes, or why it cannot start (in plain words)."""
        ...


class PlanBook:
    """The plans and file sends of one engine (see the module docstring).

    Methods named ``do_*`` and the :class:`PlanHost` methods run on the loop thread;
    :meth:`new_plan`, :meth:`status` and :meth:`statuses` may be called from any thread.
    """

    def __init__(self, engine: PlanEngine) -> None:
        """Keep the plans of ``engine``."""
        self._engine = engine
        self._ids = itertools.count(1)
        self._runners: dict[int, Runner] = {}
        self._status: dict[int, PlanStatus] = {}
        self._lock = threading.Lock()
        self._loop_done = False

    # ---------------------------------------------------------------- any thread
    def new_plan(self, what: str, total: int) -> int:
        """A fresh id for a plan (``what`` "plan") or a file send ("file"), marked running."""
        plan_id = next(self._ids)
        self.set_plan_status(PlanStatus(plan_id, what, 0, total, "running"))
        if self._loop_done:
            self._mark_unstarted()  # posted too late: the loop will never start it
        return plan_id

    def status(self, plan_id: int) -> PlanStatus | None:
        """The latest status of a plan or file send (None for an unknown id)."""
        with self._lock:
            return self._status.get(plan_id)

    def statuses(self) -> dict[int, PlanStatus]:
        """The status of every running and recently finished plan, by id."""
        with self._lock:
            return dict(self._status)

    # --------------------------------------------- PlanHost, for the runners
    def call_later(self, delay: float, fn: Callable[[], None]) -> int:
        """Run ``fn`` after ``delay`` seconds on the loop; returns a timer id."""
        return self._engine.call_later(delay, fn)

    def cancel_timer(self, timer_id: int) -> None:
        """Forget a timer."""
        self._engine.cancel_timer(timer_id)

    def emit_event(self, kind: EventKind, conn_id: int = 0, **fields: Any) -> None:
        """Record a connection event (progress, errors)."""
        self._engine.emit_event(kind, conn_id, **fields)

    def set_plan_status(self, status: PlanStatus) -> None:
        """Record a plan's latest status; old finished ones are forgotten."""
        with self._lock:
            statuses = self._status
            statuses[status.plan_id] = status
            if len(statuses) > KEEP_FINISHED_PLANS + len(self._runners):
                for old in [k for k, v in statuses.items() if not v.running][:64]:
                    del statuses[old]

    def plan_finished(self, plan_id: int) -> None:
        """A runner has ended: forget it (its last status stays readable)."""
        self._runners.pop(plan_id, None)

    # ---------------------------------------------------------------- loop thread
    def do_start_plan(self, plan_id: int, plan: SendPlan) -> None:
        """Start ``plan`` now, or refuse it with one ERROR event saying why."""
        engine = self._engine
        routes = engine.plan_routes(plan.conn_id, plan.udp_host, plan.udp_port, plan.reply, False)
        if isinstance(routes, str):
            self._refuse(plan_id, "plan", plan.count, plan.conn_id, routes)
            return
        # The runners load with the first plan: a plain send never starts one.
        from netassistant.core.sending.runners import PlanRunner

        if plan.rate or plan.bps:
            from netassistant.core.sending.generator import RateRunner

            runner: PlanRunner = RateRunner(self, plan_id, plan, routes[0])
        else:
            runner = PlanRunner(self, plan_id, plan, routes[0])
        self._runners[plan_id] = runner
        runner.start()

    def do_send_file(
        self,
        plan_id: int,
        path: str,
        target: tuple[int | None, str, int, bool],
        chunk_size: int,
        datagram_size: int,
    ) -> None:
        """Start streaming the file at ``path``, or refuse with one ERROR event."""
        # The file machinery loads with the first file send (a one-shot CLI never needs it).
        from netassistant.core.safefile import open_regular
        from netassistant.core.sending.files import FileRunner

        conn_id = target[0]
        try:
            # Never blocks: a FIFO or device is refused with words, not read for ever.
            fh = open_regular(path, "rb")
        except OSError as exc:
            message = text(
                "cannot read {path}: {reason}; nothing was sent",
                path=path,
                reason=exc.strerror or str(exc),
            )
            self._refuse(plan_id, "file", 0, conn_id, message)
            return
        engine = self._engine
        routes = engine.plan_routes(*target, True)
        if isinstance(routes, str):
            fh.close()
            self._refuse(plan_id, "file", 0, conn_id, routes)
            return
        piece = datagram_size if engine.datagrams else chunk_size
        runner = FileRunner(self, plan_id, path, fh, routes, piece)
        self._runners[plan_id] = runner
        runner.start()

    def do_start_replay(
        self, plan_id: int, source: Any, target: tuple[int | None, str, int, bool], total: int
    ) -> None:
        """Start replaying a checked recording (:mod:`.replay`), or refuse with one ERROR."""
        from netassistant.core.sending.replay import ReplayRunner

        routes = self._engine.plan_routes(*target, False)
        if isinstance(routes, str):
            self._refuse(plan_id, "replay", total, target[0], routes)
            return
        runner = ReplayRunner(self, plan_id, source, routes[0], total)
        self._runners[plan_id] = runner
        runner.start()

    def do_cancel(self, plan_id: int) -> None:
        """Stop one plan or file send (unknown ids: no-op)."""
        runner = self._runners.get(plan_id)
        if runner is not None:
            runner.cancel()

    def do_cancel_all(self) -> None:
        """Stop every plan and file send."""
        for runner in list(self._runners.values()):
            runner.cancel()

    def do_set_interval(self, plan_id: int, interval_ms: float) -> None:
        """Change a running plan's interval (unknown ids: no-op)."""
        runner = self._runners.get(plan_id)
        if runner is not None:
            runner.set_interval(interval_ms)

    def target_closed(self) -> None:
        """A connection closed: plans aimed at it end now rather than at their next send."""
        if self._runners:
            self._engine.call_later(0, self._check_gone)

    def end_all(self) -> None:
        """The loop is ending: every runner reports how far it got; no timer survives."""
        for runner in list(self._runners.values()):
            runner.stop_with_session()
        self._loop_done = True
        self._mark_unstarted()

    # ------------------------------------------------------------------- helpers
    def _check_gone(self) -> None:
        for runner in list(self._runners.values()):
            runner.check_gone()

    def _refuse(
        self, plan_id: int, what: str, total: int, conn_id: int | None, message: str
    ) -> None:
        self._engine.emit_event(
            EventKind.ERROR,
            conn_id or 0,
            local=self._engine.local_address,
            message=message,
            plan_id=plan_id,
            state="failed",
        )
        self.set_plan_status(PlanStatus(plan_id, what, 0, total, "failed", message))

    def _mark_unstarted(self) -> None:
        with self._lock:
            for plan_id, status in list(self._status.items()):
                if status.running and plan_id not in self._runners:
                    message = text("the session stopped before it started; nothing was sent")
                    self._status[plan_id] = status.replace(state="stopped", message=message)
