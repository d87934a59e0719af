"""Runners: the send plans on the engine's loop, one send call per message or piece.

A :class:`PlanRunner` runs one :class:`~netassistant.core.sending.plans.SendPlan` against a
:class:`~netassistant.core.sending.plans.Route`, on timers of its
:class:`~netassistant.core.sending.plans.PlanHost` (never ``sleep``), waiting for the
route's queue to drain so a fast plan never piles data up; file sends
(:mod:`.files`) share the :class:`Runner` base.
"""

from __future__ import annotations

import collections
import time

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import text, translatable
from netassistant.core.sending.plans import (
    PROGRESS_INTERVAL,
    PlanHost,
    PlanStatus,
    Route,
    SendPlan,
    split_evenly,
)

# What a plan says, by title and moment, one whole sentence each so that a translator sees
# it all: "progress" while it runs, "done", "cancelled" by the user, "stopped" with the
# session, "failed" when the target went away ({reason} says why). A periodic send has no
# count and never finishes by itself.
_PLAN_MESSAGES: dict[str, dict[str, str]] = {
    "periodic send": {
        "progress": translatable("periodic send: {sent} sent"),
        "cancelled": translatable("periodic send cancelled after {sent} sent"),
        "stopped": translatable("periodic send stopped after {sent} sent: {reason}"),
        "failed": translatable("periodic send to {peer} stopped after {sent} sent: {reason}"),
    },
    "burst send": {
        "progress": translatable("burst send: {sent} of {count} sent"),
        "done": translatable("burst send: done, {sent} of {count} sent"),
        "cancelled": translatable("burst send cancelled after {sent} of {count} sent"),
        "stopped": translatable("burst send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "burst send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "repeat send": {
        "progress": translatable("repeat send: {sent} of {count} sent"),
        "done": translatable("repeat send: done, {sent} of {count} sent"),
        "cancelled": translatable("repeat send cancelled after {sent} of {count} sent"),
        "stopped": translatable("repeat send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "repeat send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "split send": {
        "progress": translatable("split send: {sent} of {count} sent"),
        "done": translatable("split send: done, {sent} of {count} sent"),
        "cancelled": translatable("split send cancelled after {sent} of {count} sent"),
        "stopped": translatable("split send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable(
            "split send to {peer} stopped after {sent} of {count} sent: {reason}"
        ),
    },
    "send": {
        "progress": translatable("send: {sent} of {count} sent"),
        "done": translatable("send: done, {sent} of {count} sent"),
        "cancelled": translatable("send cancelled after {sent} of {count} sent"),
        "stopped": translatable("send stopped after {sent} of {count} sent: {reason}"),
        "failed": translatable("send to {peer} stopped after {sent} of {count} sent: {reason}"),
    },
}


class Runner:
    """What plan and file runners share: timers with generations, status, events."""

    what = "plan"

    def __init__(self, engine: PlanHost, plan_id: int, total: int) -> None:
        self.engine = engine
        self.plan_id = plan_id
        self.total = total
        self.sent = 0
        self.finished = False
        self._gen = 0
        self._timer: int | None = None
        self._last_progress = time.monotonic()
        self._progress_timer: int | None = None

    # ---------------------------------------------------------------- control
    def cancel(self) -> None:
        """Stop at once on the user's request; say how far it got."""
        raise NotImplementedError

    def stop_with_session(self) -> None:
        """The loop is ending: no timer survives it."""
        raise NotImplementedError

    def set_interval(self, interval_ms: float) -> None:
        """Change the gap between messages (only plans have one)."""

    def check_gone(self) -> None:
        """A connection closed somewhere: end (or narrow) the send if it was the target."""
        raise NotImplementedError

    # ---------------------------------------------------------------- helpers
    def _run(self) -> None:
        raise NotImplementedError

    def _wake(self, gen: int) -> None:
        if gen == self._gen and not self.finished:
            self._timer = None
            self._run()

    def _schedule(self, delay: float) -> None:
        self._forget_wakeups()
        gen = self._gen
        self._timer = self.engine.call_later(delay, lambda: self._wake(gen))

    def _wait_drain(self, route: Route) -> None:
        self._forget_wakeups()
        gen = self._gen
        route.when_drained(lambda: self._wake(gen))

    def _forget_wakeups(self) -> None:
        self._gen += 1
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None

    def _event(self, kind: EventKind, route: Route, message: str, state: str = "running") -> None:
        self.engine.emit_event(
            kind,
            route.conn_id,
            local=route.local,
            peer=route.peer,
            message=message,
            sent=self.sent,
            total=self.total,
            plan_id=self.plan_id,
            state=state,
            detail=self._detail(),
        )

    def _detail(self) -> dict[str, object] | None:
        """Facts a progress event carries in its ``detail`` (None: none; see ConnEvent)."""
        return None

    def _status(self, state: str, message: str) -> None:
        self.engine.set_plan_status(
            PlanStatus(self.plan_id, self.what, self.sent, self.total, state, message)
        )

    def _progress(self) -> None:
        """Report progress now, or as soon as the rate limit allows (never dropped)."""
        if self._progress_timer is not None:
            return
        wait = self._last_progress + PROGRESS_INTERVAL - time.monotonic()
        if wait > 0:
            self._progress_timer = self.engine.call_later(wait, self._progress_due)
            return
        self._last_progress = time.monotonic()
        route, message = self._progress_report()
        self._event(EventKind.SEND_PROGRESS, route, message)
        self._status("running", message)

    def _progress_due(self) -> None:
        self._progress_timer = None
        if not self.finished:
            self._progress()

    def _progress_report(self) -> tuple[Route, str]:
        """The route to report under and the progress message, as of now."""
        raise NotImplementedError

    def _end(self, state: str, route: Route | None, message: str, kind: EventKind | None) -> None:
        """Finish once: forget timers, leave the engine's list, report."""
        if self.finished:
            return
        self.finished = True
        self._forget_wakeups()
        if self._progress_timer is not None:
            self.engine.cancel_timer(self._progress_timer)
            self._progress_timer = None
        self.engine.plan_finished(self.plan_id)
        if kind is not None and route is not None:
            self._event(kind, route, message, state)
        else:
            # The cause was reported already; this tells front ends the plan has ended.
            self.engine.emit_event(
                EventKind.SEND_PROGRESS,
                message=message,
                sent=self.sent,
                total=self.total,
                plan_id=self.plan_id,
                state=state,
            )
        self._status(state, message)


class RoutedRunner(Runner):
    """A runner with one route: how it is cancelled, stopped and failed, in its own words."""

    def __init__(self, engine: PlanHost, plan_id: int, total: int, route: Route) -> None:
        super().__init__(engine, plan_id, total)
        self.route = route

    def cancel(self) -> None:
        """Stop on the user's request; the last event says how many were sent."""
        self._end("cancelled", self.route, self._say("cancelled"), EventKind.SEND_PROGRESS)

    def stop_with_session(self) -> None:
        """The loop is ending: report how far the send got."""
        reason = self.route.refusal() or text("the session stopped")
        self._end("stopped", self.route, self._say("stopped", reason), EventKind.SEND_PROGRESS)

    def check_gone(self) -> None:
        """End the send if its target went away."""
        if not self.finished and self.route.refusal():
            self._fail()

    def _fail(self) -> None:
        route = self.route
        self._end("failed", route, self._say("failed", route.refusal()), EventKind.ERROR)

    def _say(self, moment: str, reason: str = "") -> str:
        """This runner's message for ``moment`` (cancelled, stopped, failed, progress)."""
        raise NotImplementedError

    def _progress_report(self) -> tuple[Route, str]:
        return self.route, self._say("progress")


class PlanRunner(RoutedRunner):
    """Runs one :class:`SendPlan` against one route."""

    def __init__(self, engine: PlanHost, plan_id: int, plan: SendPlan, route: Route) -> None:
        super().__init__(engine, plan_id, plan.count, route)
        self.plan = plan
        self.interval = plan.interval_ms / 1000.0
        self._pieces: collections.deque[bytes] = collections.deque()
        self._number = 0  # the message being sent (1-based)
        # Start-to-start timing on the scheduled times, so timer latency does not add up.
        self._msg_due = 0.0  # when the message in progress (or the last one) was due
        self._next_due = 0.0  # when the next message is due
        self._waiting_interval = False

    def start(self) -> None:
        """Send the first message now."""
        self._next_due = time.monotonic()
        self._run()

    def set_interval(self, interval_ms: float) -> None:
        """Change the gap between messages; a wait under way is re-timed at once."""
        self.interval = interval_ms / 1000.0
        if self._waiting_interval and not self.finished:
            # Re-time the wait under way from the start of the last message.
            now = time.monotonic()
            self._next_due = self._catch_up(self._msg_due + self.interval, now)
            self._schedule(max(0.0, self._next_due - now))

    def _catch_up(self, due: float, now: float) -> float:
        # Far behind (a slow peer, a long split): start again from now rather than rush.
        return now if due < now - self.interval else due

    def _say(self, moment: str, reason: str = "") -> str:
        """The plan's message for ``moment`` (a key of :data:`_PLAN_MESSAGES`), filled in."""
        template = _PLAN_MESSAGES[self.plan.title][moment]
        return text(
            template, sent=self.sent, count=self.plan.count, peer=self.route.peer, reason=reason
        )

    def _run(self) -> None:
        plan, route = self.plan, self.route
        self._waiting_interval = False
        in_burst = False
        while True:
            if route.refusal():
                self._fail()
                return
            if not self._pieces:
                if not in_burst and route.backlog() >= route.high_water:
                    self._wait_drain(route)
                    return
                self._msg_due = self._next_due
                self._next_message()
            if not route.send(self._pieces.popleft()):
                self._pieces.clear()
                self._end("failed", None, self._say("failed", text("the send failed")), None)
                return
            if self._pieces:
                if plan.split_gap_ms:
                    self._schedule(plan.split_gap_ms / 1000.0)
                    return
                continue
            self.sent = self._number
            if plan.count and self.sent >= plan.count:
                self._end("done", route, self._say("done"), EventKind.SEND_PROGRESS)
                return
            self._progress()
            if plan.burst == "back_to_back":
                in_burst = True
                continue
            now = time.monotonic()
            self._next_due = self._catch_up(self._msg_due + self.interval, now)
            self._waiting_interval = True
            self._schedule(max(0.0, self._next_due - now))
            return

    def _next_message(self) -> None:
        plan = self.plan
        if plan.burst == "one_call":
            data = b"".join(plan.message(n) for n in range(1, plan.count + 1))
            self._number = plan.count
        else:
            self._number += 1
            data = plan.message(self._number)
        self._pieces.extend(split_evenly(data, plan.split))
