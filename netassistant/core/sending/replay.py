"""ReplayRunner: a recorded side's chunks sent again, one send each, on the engine's timers.

The recording is read as it is sent (:func:`netassistant.core.replayfile.items`), so a
huge file costs no memory; it was checked whole (:func:`~.replayfile.scan`) before the
replay started. Each send is due at ``first + offset / speed`` (``first``: when the first
chunk went); a replay that falls
behind (a slow peer) sends the late ones as soon as the socket takes them, and never
queues more than the route's high-water mark. Progress and the end are SEND_PROGRESS
events like any plan's (``sent``/``total`` in chunks).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import text, translatable
from netassistant.core.replayfile import ReplayError, ReplaySource, items
from netassistant.core.sending.runners import RoutedRunner

if TYPE_CHECKING:
    from netassistant.core.sending.plans import PlanHost, Route

#: Sends per loop turn at most before letting other work in (speed 0 or far behind).
SENDS_PER_TURN = 256
_MESSAGES = {
    "progress": translatable("replay to {peer}: {sent} of {count} chunks sent"),
    "done": translatable("replay to {peer} done: {sent} chunks sent"),
    "cancelled": translatable("replay to {peer} cancelled after {sent} of {count} chunks"),
    "stopped": translatable("replay to {peer} stopped after {sent} of {count} chunks: {reason}"),
    "failed": translatable("replay to {peer} failed after {sent} of {count} chunks: {reason}"),
}
#: A send this close to its time goes now rather than after another timer.
_EARLY = 0.0005


class ReplayRunner(RoutedRunner):
    """Sends one side of a recording to one route (see the module docstring)."""

    what = "replay"

    def __init__(
        self, engine: PlanHost, plan_id: int, source: ReplaySource, route: Route, total: int
    ) -> None:
        super().__init__(engine, plan_id, total, route)
        self.source = source
        self._items: Iterator[tuple[float, bytes]] = items(source)
        self._next: tuple[float, bytes] | None = None
        self._start = 0.0

    def start(self) -> None:
        """Send the first chunk now."""
        self._start = time.monotonic()
        self._run()

    def _end(self, state: str, route: Route | None, message: str, kind: EventKind | None) -> None:
        if not self.finished:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()  # the file, now rather than when the generator is collected
        super()._end(state, route, message, kind)

    def _say(self, moment: str, reason: str = "") -> str:
        template = _MESSAGES[moment]
        return text(template, peer=self.route.peer, sent=self.sent, count=self.total, reason=reason)

    def _run(self) -> None:
        route = self.route
        speed = self.source.speed
        for _ in range(SENDS_PER_TURN):
            if route.refusal():
                self.check_gone()
                return
            if self._next is None:
                try:
                    self._next = next(self._items, None)
                except ReplayError as exc:  # the file changed since it was checked
                    self._end("failed", route, self._say("failed", exc.args[0]), EventKind.ERROR)
                    return
                if self._next is None:
                    self._end("done", route, self._say("done"), EventKind.SEND_PROGRESS)
                    return
            offset, data = self._next
            if not self.sent:
                # The recorded gaps count from the first send, however late it could go.
                self._start = time.monotonic() - (offset / speed if speed else 0.0)
            if speed:
                wait = self._start + offset / speed - time.monotonic()
                if wait > _EARLY:
                    self._schedule(wait)
                    return
            if route.backlog() >= route.high_water:
                self._wait_drain(route)
                return
            if not route.send(data):
                self._end("failed", None, self._say("failed", text("the send failed")), None)
                return
            self._next = None
            self.sent += 1
            self._progress()
        self._schedule(0)
