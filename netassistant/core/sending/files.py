"""Sending a file from disk: piece by piece, never more than a high-water mark ahead.

On TCP each piece is one send (one TX chunk), fed to the connection only while
its queue is below the route's high-water mark, so a 1 GB file never sits in
memory. On UDP each piece is one datagram, and a datagram the socket refused
with EAGAIN stops the feeding until the socket takes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from netassistant.core.chunk import EventKind
from netassistant.core.i18n import Text, text
from netassistant.core.sending.plans import Route
from netassistant.core.sending.runners import Runner

if TYPE_CHECKING:
    from netassistant.core.sending.plans import PlanHost

#: A file send reads no more than this per loop turn before letting others in.
FILE_BYTES_PER_TURN = 1024 * 1024
FILE_PIECES_PER_TURN = 64


class FileRunner(Runner):
    """Streams a file from disk to one or more routes, never more than a high-water mark ahead.

    Several routes (a TCP server sending to all clients) get the same pieces; a
    route that goes away is reported once and dropped, and the rest carry on.
    """

    what = "file"

    def __init__(
        self,
        engine: PlanHost,
        plan_id: int,
        path: str,
        fh: IO[bytes],
        routes: list[Route],
        piece_size: int,
    ) -> None:
        super().__init__(engine, plan_id, os.fstat(fh.fileno()).st_size)
        self.path = path
        self.name = os.path.basename(path) or path
        self._fh = fh
        self.routes = routes
        self.piece_size = piece_size
        self.fed = 0  # bytes handed to the routes
        self._eof = False
        if len(routes) == 1:
            self._label = routes[0].peer
            self._summary = routes[0]
        else:
            self._label = text("{count} clients", count=len(routes))
            self._summary = _Summary(routes[0], self._label)

    def start(self) -> None:
        """Begin streaming."""
        self._run()

    def cancel(self) -> None:
        """Stop on the user's request; the last event says how many bytes went."""
        message = text(
            "file send to {peer} cancelled after {sent} of {total} bytes",
            peer=self._label,
            sent=self.fed,
            total=self.total,
        )
        self.sent = self.fed
        self._end("cancelled", self._summary, message, EventKind.SEND_PROGRESS)

    def stop_with_session(self) -> None:
        """The loop is ending: report how far the file got."""
        self._update_sent()
        reason: str = text("the session stopped")
        if len(self.routes) == 1:
            reason = self.routes[0].refusal() or reason
        message = self._stopped(self._label, self.sent, reason)
        self._end("stopped", self._summary, message, EventKind.SEND_PROGRESS)

    def _stopped(self, peer: str, sent: int, reason: str) -> Text:
        return text(
            "file send to {peer} stopped after {sent} of {total} bytes: {reason}",
            peer=peer,
            sent=sent,
            total=self.total,
            reason=reason,
        )

    def _end(self, state: str, route: Route | None, message: str, kind: EventKind | None) -> None:
        if not self.finished:
            self._fh.close()
        super()._end(state, route, message, kind)

    def check_gone(self) -> None:
        """Drop targets that closed; end the send when none is left."""
        if not self.finished:
            self._drop_gone()

    def _update_sent(self) -> None:
        live = [self.fed - r.backlog() for r in self.routes]
        self.sent = max(0, min(live)) if live else self.sent

    def _drop_gone(self) -> bool:
        """Report and drop routes that went away; False if none is left."""
        for route in list(self.routes):
            reason = route.refusal()
            if not reason:
                continue
            self.routes.remove(route)
            sent = max(0, self.fed - route.backlog())
            message = self._stopped(route.peer, sent, reason)
            if not self.routes:
                self.sent = sent
                self._end("failed", route, message, EventKind.ERROR)
                return False
            self.engine.emit_event(
                EventKind.ERROR, route.conn_id, local=route.local, peer=route.peer, message=message
            )
        return True

    def _run(self) -> None:
        if not self._drop_gone():
            return
        pieces = FILE_PIECES_PER_TURN
        budget = FILE_BYTES_PER_TURN
        while True:
            waiting = max(self.routes, key=lambda r: r.backlog())
            if self._eof:
                if waiting.backlog():
                    self._wait_drain(waiting)
                    return
                self.sent = self.fed
                done = text(
                    "file {name} sent to {peer}: {sent} bytes",
                    name=self.name,
                    peer=self._label,
                    sent=self.fed,
                )
                self._end("done", self._summary, done, EventKind.SEND_PROGRESS)
                return
            if waiting.backlog() >= waiting.high_water:
                self._wait_drain(waiting)
                return
            if pieces <= 0 or budget <= 0:
                self._schedule(0)
                return
            try:
                piece = self._fh.read(self.piece_size)
            except OSError as exc:
                self._update_sent()
                message = text(
                    "cannot read {path}: {reason}; file send to {peer} stopped after {sent} "
                    "of {total} bytes",
                    path=self.path,
                    reason=exc.strerror or str(exc),
                    peer=self._label,
                    sent=self.sent,
                    total=self.total,
                )
                self._end("failed", self._summary, message, EventKind.ERROR)
                return
            if not piece:
                self._eof = True
                continue
            for route in self.routes:
                if not route.send(piece):
                    self._update_sent()
                    message = self._stopped(self._label, self.sent, text("the send failed"))
                    self._end("failed", None, message, None)
                    return
            self.fed += len(piece)
            pieces -= 1
            budget -= len(piece)
            self._progress()

    def _progress_report(self) -> tuple[Route, str]:
        self._update_sent()
        message = text(
            "file send to {peer}: {sent} of {total} bytes",
            peer=self._label,
            sent=self.sent,
            total=self.total,
        )
        return self._summary, message


class _Summary:
    """The route events of a fan-out file send are reported under (conn 0, "N clients")."""

    def __init__(self, first: Route, label: str) -> None:
        self.conn_id = 0
        self.local = first.local
        self.peer = label
        self.high_water = first.high_water

    def refusal(self) -> str:
        return ""

    def send(self, data: bytes) -> bool:
        return False

    def backlog(self) -> int:
        return 0

    def when_drained(self, fn: Callable[[], None]) -> None:
        fn()
