"""The traffic generator: a send plan paced by a rate (messages/s or bytes/s).

A :class:`~netassistant.core.sending.plans.SendPlan` with ``rate`` or ``bps`` is run by a
:class:`RateRunner` instead of the interval runner. It paces with a **token bucket** on
the engine's timers (never ``sleep``): credit grows with the engine's monotonic clock, and
each wake-up sends every message the credit pays for, in one batch, then sleeps until
the next message is due (at least :data:`MIN_TICK` s, so 100,000 msg/s is ~200 messages
per wake-up, not 100,000 timers). A loop turn that ran late is caught up in the next batch,
so the average stays on target; the bucket holds at most :data:`BUCKET_SECONDS` of credit,
so a long stall (a full send queue, a suspended laptop) is not followed by a flood.

The rate the plan achieved is measured on the same clock (messages and bytes since the
first send, over the time since then) and travels in each progress event's ``detail``
(``target``, ``unit``, ``achieved``, ``achieved_bps``) and in its message.
"""

from __future__ import annotations

import math
import time

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import text, translatable
from netassistant.core.sending.plans import PlanHost, Route, SendPlan
from netassistant.core.sending.runners import PlanRunner

#: The highest rates a plan may ask for (the loopback tops out well below both).
MAX_RATE = 1_000_000.0
MAX_BPS = 10_000_000_000.0
#: The longest generator run by time (one year, like the CLI's --duration).
MAX_DURATION_S = 365 * 24 * 3600.0
#: Shortest sleep between batches: high rates send several messages per wake-up.
MIN_TICK = 0.002
#: Credit the bucket holds at most, in seconds of the target rate: a loop turn up to this
#: late (a busy machine, a collection pause) is caught up in full, a longer stall is not.
BUCKET_SECONDS = 1.0
#: Messages sent per loop turn at most, so reads and commands interleave.
MAX_PER_TURN = 2048

# One whole sentence per moment, as for the other plans; {achieved} and {target} are rates
# already formatted with their unit (RATE_UNITS).
_MESSAGES: dict[str, str] = {
    "progress": translatable("rate send: {sent} sent, {achieved} (target {target})"),
    "done": translatable("rate send: done, {sent} sent, {achieved} (target {target})"),
    "cancelled": translatable(
        "rate send cancelled after {sent} sent, {achieved} (target {target})"
    ),
    "stopped": translatable("rate send stopped after {sent} sent: {reason}"),
    "failed": translatable("rate send to {peer} stopped after {sent} sent: {reason}"),
}
RATE_UNITS: dict[str, str] = {
    "msg/s": translatable("{value} msg/s"),
    "B/s": translatable("{value} B/s"),
}


def format_rate(value: float, unit: str) -> str:
    """``value`` with its unit, in words ("1,995 msg/s", "1,250,000 B/s")."""
    return text(RATE_UNITS[unit], value=f"{value:,.0f}")


def check_rate(plan: SendPlan) -> None:
    """Raise ValueError (with words) if the plan's rate settings do not fit together."""
    for name, value, limit in (("rate", plan.rate, MAX_RATE), ("bps", plan.bps, MAX_BPS)):
        if value and not (math.isfinite(value) and 0 < value <= limit):
            raise ValueError(
                text(
                    "the {name} must be a number above 0 and at most {limit:,.0f}, not {value}",
                    name=name,
                    limit=limit,
                    value=value,
                )
            )
    if plan.rate and plan.bps:
        raise ValueError(text("give a rate in messages/s or in bytes/s, not both"))
    if not (math.isfinite(plan.duration_s) and 0 <= plan.duration_s <= MAX_DURATION_S):
        raise ValueError(
            text(
                "the duration must be 0 (no limit) .. {limit:,.0f} s, not {value}",
                limit=MAX_DURATION_S,
                value=plan.duration_s,
            )
        )
    if plan.duration_s and not (plan.rate or plan.bps):
        raise ValueError(text("a duration needs a rate (messages/s or bytes/s)"))
    if (plan.rate or plan.bps) and (plan.burst != "none" or plan.split != 1 or plan.interval_ms):
        raise ValueError(
            text("a rate send paces each whole message itself: drop the interval, burst and split")
        )


class RateRunner(PlanRunner):
    """Runs a rate-paced :class:`SendPlan` (``rate`` or ``bps`` set) against one route."""

    def __init__(self, engine: PlanHost, plan_id: int, plan: SendPlan, route: Route) -> None:
        super().__init__(engine, plan_id, plan, route)
        self.unit = "msg/s" if plan.rate else "B/s"
        self.target = plan.rate or plan.bps
        self.bytes_sent = 0
        self._start = 0.0
        self._refilled = 0.0
        self._credit = 0.0
        self._first = 0.0  # what the first message cost: it is sent at t=0, on credit
        self._last_sent = 0.0
        self._clock_end: float | None = None
        self._next: bytes | None = None  # the message the credit is being saved for

    def start(self) -> None:
        """Send the first message now; the clock starts with it."""
        self._start = self._refilled = self._last_sent = time.monotonic()
        # One message's worth, so the first goes out at once (at any rate).
        self._credit = self._first = 1.0 if self.plan.rate else float(len(self._peek()))
        self._run()

    def set_interval(self, interval_ms: float) -> None:
        """A rate send has no interval; its pace is its rate."""

    # ---------------------------------------------------------------- measuring
    def elapsed(self, now: float | None = None) -> float:
        """Seconds since the first send, on the engine's monotonic clock.

        Once the plan has ended: up to its last send (n messages sent exactly 1/rate
        apart are a rate of exactly ``rate``), or, for a plan that ran for its
        ``duration_s``, that duration (the messages that fell due in it, over it), unless
        the last of them went out later than that.
        """
        if self._clock_end is not None:
            return self._clock_end - self._start
        return (time.monotonic() if now is None else now) - self._start

    def achieved(self, now: float | None = None) -> float:
        """The rate so far in the plan's unit (messages or bytes per second)."""
        # The first message goes at t=0, on credit: count what the clock paid for.
        done = (self.sent if self.plan.rate else self.bytes_sent) - self._first
        elapsed = self.elapsed(now)
        return done / elapsed if elapsed > 0 and done > 0 else 0.0

    def _detail(self) -> dict[str, object]:
        now = time.monotonic()
        elapsed = self.elapsed(now)
        return {
            "target": self.target,
            "unit": self.unit,
            "achieved": round(self.achieved(now), 3),
            "achieved_bps": round(self.bytes_sent / elapsed, 3) if elapsed > 0 else 0.0,
            "elapsed_s": round(elapsed, 6),
            "bytes": self.bytes_sent,
        }

    # ---------------------------------------------------------------- messages
    def _say(self, moment: str, reason: str = "") -> str:
        return text(
            _MESSAGES[moment],
            sent=self.sent,
            peer=self.route.peer,
            reason=reason,
            achieved=format_rate(self.achieved(), self.unit),
            target=format_rate(self.target, self.unit),
        )

    # ---------------------------------------------------------------- pacing
    def _peek(self) -> bytes:
        if self._next is None:
            self._next = self.plan.message(self.sent + 1)
        return self._next

    def _refill(self, now: float) -> None:
        cost = 1.0 if self.plan.rate else float(len(self._peek()))
        # A message larger than the bucket still goes, once the bucket is full.
        cap = max(self.target * BUCKET_SECONDS, cost)
        self._credit = min(cap, self._credit + (now - self._refilled) * self.target)
        self._refilled = now

    def _run(self) -> None:
        plan = self.plan
        now = time.monotonic()
        deadline = self._start + plan.duration_s if plan.duration_s else math.inf
        # Late past the deadline: one last batch of what fell due before it, then end (a
        # machine that cannot keep up does not go on for long after the time is up).
        self._refill(min(now, deadline))
        outcome = self._send_batch()
        if outcome == "ended":
            return
        if now >= deadline:
            # Time is up. The run took its duration, or longer if its last batch only went
            # out late (then the achieved rate shows the shortfall).
            self._clock_end = max(deadline, self._last_sent)
            self._done()
            return
        self._progress()
        self._schedule(0.0 if outcome == "capped" else self._delay(now))

    def _send_batch(self) -> str:
        """Send what the credit pays for: "paid" (all of it), "capped" (more due), "ended"."""
        plan, route = self.plan, self.route
        for _ in range(MAX_PER_TURN):
            if route.refusal():
                self._fail()
                return "ended"
            data = self._peek()
            cost = 1.0 if plan.rate else float(len(data))
            if self._credit < cost:
                return "paid"
            if route.backlog() >= route.high_water:
                # The peer or the kernel is the limit now: wait, then catch up (bounded).
                self._wait_drain(route)
                return "ended"
            if not route.send(data):
                self._end("failed", None, self._say("failed", text("the send failed")), None)
                return "ended"
            self._last_sent = time.monotonic()
            self._credit -= cost
            self._next = None
            self.sent += 1
            self.bytes_sent += len(data)
            if plan.count and self.sent >= plan.count:
                self._done()
                return "ended"
        return "capped"

    def _stop_clock(self) -> None:
        """The run is over: its rate is judged up to the last send from now on."""
        if self._clock_end is None:
            self._clock_end = self._last_sent

    def _done(self) -> None:
        self._stop_clock()
        self._end("done", self.route, self._say("done"), EventKind.SEND_PROGRESS)

    def cancel(self) -> None:
        """Stop on the user's request; the last event says how many went at what rate."""
        self._stop_clock()
        super().cancel()

    def stop_with_session(self) -> None:
        """The loop is ending: report how far the plan got."""
        self._stop_clock()
        super().stop_with_session()

    def _delay(self, now: float) -> float:
        """Seconds until the next message is paid for (0 if this turn hit the batch cap)."""
        cost = 1.0 if self.plan.rate else float(len(self._peek()))
        wait = max(0.0, (cost - self._credit) / self.target)
        if self.plan.duration_s:
            wait = min(wait, self._start + self.plan.duration_s - now)
        return 0.0 if wait <= 0 else max(wait, MIN_TICK)
