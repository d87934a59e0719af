"""Accepting clients without hurting the rest of the process.

:class:`AcceptGate` owns the listening socket's place in the selector. When the
process runs out of file descriptors, ``accept()`` fails at once on every loop turn
while the client waits in the queue: a loop that keeps watching the socket spins at
full CPU and reports the same error thousands of times a second. The gate instead
stops watching for a while (100 ms doubling to 1 s), reports once, turns the waiting
clients away (accept and close, counted) and resumes when a descriptor is free.

It also keeps the last :data:`FD_RESERVE` descriptors for the rest of the process (a
window must still open a file or a dialog): an accepted socket whose number reaches
into that reserve is closed at once. Descriptors are numbered lowest-free-first, so a
number that high means the ones below it are all in use.

:class:`OverflowWatch` reports connection attempts the kernel dropped because an
accept queue was full, which no socket call ever tells.
"""

from __future__ import annotations

import contextlib
import errno
import os
import selectors
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netassistant.core.chunk import EventKind
from netassistant.core.engine.kernel import (
    accept_queue_full,
    descriptor_limit,
    listen_overflows,
)
from netassistant.core.i18n import text

if TYPE_CHECKING:
    from netassistant.core.engine.base import Engine

#: Descriptors the engine never takes for clients, so the rest of the process keeps some.
FD_RESERVE = 32
#: Accepts per readiness notification before going back to select().
ACCEPT_BUDGET = 64
#: How long accepting pauses when out of descriptors: doubling from FIRST to LAST seconds.
BACKOFF_FIRST = 0.1
BACKOFF_LAST = 1.0
#: Seconds between two reads of the kernel's accept-queue overflow counter.
OVERFLOW_POLL = 1.0
#: accept() errors that mean "no descriptor or memory for a new socket": retrying at once
#: cannot help.
_EXHAUSTED = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})

Adopt = Callable[[socket.socket, Any], None]


def fast_accept(listener: socket.socket) -> Callable[[], tuple[socket.socket, Any]]:
    """``listener.accept`` without its two enum conversions per client.

    ``socket.accept()`` wraps each new descriptor with ``socket(self.family, self.type,
    ...)``, and each of those properties builds an enum member: a fifth of the engine's
    work per client when 10,000 connect at once (the accept queue overflows sooner). The
    listener's numbers never change, so they are read once. Where the socket module has
    no ``_accept`` (not CPython), the plain method is used.
    """
    raw = getattr(listener, "_accept", None)
    if raw is None:  # pragma: no cover - CPython has it
        return listener.accept
    family, kind, proto = int(listener.family), int(listener.type), listener.proto
    wrap = socket.socket

    def accept() -> tuple[socket.socket, Any]:
        fd, addr = raw()
        return wrap(family, kind, proto, fileno=fd), addr

    return accept


class AcceptGate:
    """Accepts clients on ``listener`` and hands each one to ``adopt(sock, addr)``.

    Attributes:
        refused: Connection attempts turned away in the current out-of-descriptors spell.
        paused: Accepting paused on request (:meth:`set_paused`): clients wait in the
            kernel's accept queue, and overflow it.
    """

    def __init__(self, engine: Engine, listener: socket.socket, adopt: Adopt) -> None:
        self.engine = engine
        self.listener = listener
        self.adopt = adopt
        self.refused = 0
        self.paused = False
        self._spell = False  # out of descriptors since the last successful accept
        self._delay = BACKOFF_FIRST
        self._timer: int | None = None
        self._interest = 0
        self._limit = descriptor_limit()
        self._accept = fast_accept(listener)
        # One spare descriptor: closed for a moment when accept() itself hits EMFILE, so
        # the waiting client can still be accepted and turned away (and counted).
        self._spare: int | None = None
        with contextlib.suppress(OSError):
            self._spare = os.open(os.devnull, os.O_RDONLY)
        self._update()

    def set_paused(self, paused: bool) -> None:
        """Stop (True) or resume (False) accepting; waiting clients stay queued."""
        self.paused = paused
        self._update()

    def close(self) -> None:
        """Stop watching; say how many clients were turned away if a spell is under way."""
        self._interest = self.engine.set_interest(self.listener, self._interest, 0, self._ready)
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None
        if self._spare is not None:
            os.close(self._spare)
            self._spare = None
        if self._spell and self.refused:
            self._report(EventKind.ERROR, self._refused_message())

    # ------------------------------------------------------------------ inside
    def _update(self) -> None:
        # While the back-off timer runs the socket is not watched: no busy loop.
        wanted = 0 if (self.paused or self._timer is not None) else selectors.EVENT_READ
        self._interest = self.engine.set_interest(
            self.listener, self._interest, wanted, self._ready
        )

    def _ready(self, listener: socket.socket, mask: int) -> None:
        self._accept_some()

    def _accept_some(self) -> None:
        limit = descriptor_limit() if self._limit is not None else None
        for _ in range(ACCEPT_BUDGET):
            try:
                sock, addr = self._accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                if exc.errno in _EXHAUSTED:
                    self._turn_away_with_spare()
                    self._starve()
                    return
                # Not about descriptors (ECONNABORTED: the client gave up): next one.
                continue
            # A small limit keeps a quarter in reserve rather than refusing every client.
            if limit is not None and sock.fileno() >= limit - min(FD_RESERVE, limit // 4):
                sock.close()
                self.refused += 1
                self._starve()
                continue  # turn the rest of the queue away too, within the budget
            if self._spell:
                self._recovered()
            self.adopt(sock, addr)
        # The budget is used up and clients are still waiting: they are arriving faster than
        # this loop takes them, and a full queue drops them. The window holds back.
        self.engine.urge_foreground()

    def _turn_away_with_spare(self) -> None:
        """accept() itself hit the limit: turn the waiting clients away with the spare.

        The spare descriptor is lent to accept and close them one by one (a clear close,
        not a hang), then taken back.
        """
        if self._spare is None:
            return
        os.close(self._spare)
        self._spare = None
        for _ in range(ACCEPT_BUDGET):
            try:
                sock, _addr = self.listener.accept()
            except OSError:
                break
            sock.close()
            self.refused += 1
        with contextlib.suppress(OSError):
            self._spare = os.open(os.devnull, os.O_RDONLY)

    def _starve(self) -> None:
        if self._timer is not None:
            return  # already backing off
        if not self._spell:
            # The one report of this spell; the count follows when accepting resumes.
            self._spell = True
            self._report(EventKind.ERROR, self._starved_message())
        self._timer = self.engine.call_later(self._delay, self._retry)
        self._delay = min(self._delay * 2, BACKOFF_LAST)
        self._update()

    def _retry(self) -> None:
        self._timer = None
        self._accept_some()  # may starve again (timer re-armed, delay doubled)
        self._update()

    def _recovered(self) -> None:
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None
        self._spell = False
        self._delay = BACKOFF_FIRST
        self._report(
            EventKind.LISTENING,
            text(
                "accepting clients again; {count} connection attempts were refused while the "
                "process was out of file descriptors",
                count=self.refused,
            ),
        )
        self.refused = 0
        self._update()

    def _starved_message(self) -> str:
        if self._limit is None:
            return text(
                "cannot accept more clients: the process is out of file descriptors; new "
                "connection attempts are refused until some are freed — close connections"
            )
        return text(
            "cannot accept more clients: the process is near its limit of {limit} open files; "
            "new connection attempts are refused until descriptors are freed — close "
            "connections or raise the limit (ulimit -n)",
            limit=self._limit,
        )

    def _refused_message(self) -> str:
        return text(
            "{count} connection attempts were refused while the process was out of file "
            "descriptors",
            count=self.refused,
        )

    def _report(self, kind: EventKind, message: str) -> None:
        engine = self.engine
        engine.emit_event(kind, local=engine.local_address, message=message)


class OverflowWatch:
    """Reports, on an engine timer, accept-queue overflows counted by the kernel (Linux).

    The kernel counts them for the whole machine (TcpExt ListenOverflows). A rise is
    reported only while this server's own accept queue is full, so another program's
    overflow is not blamed on it; the report still says how the count is kept.
    """

    def __init__(self, engine: Engine, listener: socket.socket) -> None:
        self.engine = engine
        self.listener = listener
        self._start = listen_overflows() if accept_queue_full(listener) is not None else None
        self._last = self._start
        self._timer: int | None = None
        if self._start is not None:
            self._timer = engine.call_later(OVERFLOW_POLL, self._poll)

    def _poll(self) -> None:
        self._timer = self.engine.call_later(OVERFLOW_POLL, self._poll)
        now = listen_overflows()
        if now is None or self._last is None or self._start is None or now <= self._last:
            return
        new, self._last = now - self._last, now
        if not accept_queue_full(self.listener):
            return  # somebody else's queue overflowed
        engine = self.engine
        engine.emit_event(
            EventKind.ERROR,
            local=engine.local_address,
            sent=new,
            total=now - self._start,
            message=text(
                "the kernel refused {new} connection attempts because an accept queue was full "
                "({total} since this server started listening, counted for the whole machine) "
                "— raise the listen backlog or accept faster",
                new=new,
                total=now - self._start,
            ),
        )

    def close(self) -> None:
        """Stop polling."""
        if self._timer is not None:
            self.engine.cancel_timer(self._timer)
            self._timer = None
