"""One connected stream socket (TCP or AF_UNIX SOCK_STREAM) inside an engine loop.

Shared by the TCP server (one per accepted client) and the TCP client. Reads go
straight to RX chunks; writes are non-blocking with the unsent rest queued, so a
50 MB send never stalls the loop, and a TX chunk is recorded when a send command
has been handed to the kernel completely, or, when the connection ends first, for the
part the kernel took (flagged PARTIAL).
"""

from __future__ import annotations

import collections
import contextlib
import selectors
import socket
import struct
import time
from collections.abc import Callable
from functools import partial
from itertools import islice, repeat

from netassistant.core import errors
from netassistant.core.chunk import Chunk, ChunkFlag, Direction, EventKind
from netassistant.core.engine.base import READ_BUDGET
from netassistant.core.i18n import text
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from netassistant.core.engine.base import Engine

#: Sends at least this big report their progress.
PROGRESS_MIN_BYTES = 1024 * 1024
PROGRESS_INTERVAL = 0.1
#: Why a send plan or file send to a reset connection stopped.
RESET_REASON = text("connection reset by peer (RST)")

#: Bytes one readiness may read before going back to select(). With 1 KiB reads and
#: READ_BUDGET reads per turn, select() and the rest of the turn took about a tenth of
#: the time. Bounded in bytes, a turn of small reads lasts about as long as one of
#: READ_BUDGET 64 KiB reads (a few ms on loopback), and 1 KiB reads gained ~0.1 on the
#: throughput ratio (tests/benchmarks/engine_throughput.py).
READ_BYTES_PER_WAKEUP = 1024 * 1024
#: ... and at most this many recv() calls, however small the recv size.
MAX_READS_PER_WAKEUP = 16 * READ_BUDGET

_RX = Direction.RX


def reads_per_wakeup(recv_size: int) -> int:
    """How many recv() calls one readiness may make (READ_BUDGET at least)."""
    return max(READ_BUDGET, min(MAX_READS_PER_WAKEUP, READ_BYTES_PER_WAKEUP // recv_size))


class _Outgoing:
    __slots__ = ("data", "last_progress", "sent", "total", "view")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.view = memoryview(data)
        self.sent = 0
        self.total = len(data)
        self.last_progress = 0.0


#: Every connection's send queue until its first send (it stays empty: maxlen 0).
_NOTHING_QUEUED: collections.deque[_Outgoing] = collections.deque(maxlen=0)


class StreamConn:
    """A connected stream socket registered in an engine's selector.

    Subclasses (TLS: :class:`~netassistant.core.engine.tls.TlsStreamConn`) change what
    "would block" means, what happens when a read's budget is spent or a read ends, and
    how the sending side is shut; the plain path pays nothing for that.

    Attributes:
        conn_id: Number of this connection within the session.
        peer: Formatted peer address.
        local: Formatted local address.
        since_ns: When it was accepted/connected (``time.time_ns()``).
        rx_bytes: Bytes received.
        tx_bytes: Bytes handed to the kernel.
        closed: True once the socket is closed.
        chunk_flags: Flags every chunk of this connection carries (a relay's upstream
            leg sets ``SERVER_LEG``).
    """

    #: What recv()/send() raise when the socket has nothing to give or no room now.
    _would_block: tuple[type[OSError], ...] = (BlockingIOError, InterruptedError)
    chunk_flags = ChunkFlag.NONE

    def __init__(
        self,
        engine: Engine,
        sock: socket.socket,
        conn_id: int,
        local: str,
        peer: str,
        on_closed: Callable[[StreamConn], None],
    ) -> None:
        self.engine = engine
        self.sock = sock
        self.conn_id = conn_id
        self.local = local
        self.peer = peer
        self.since_ns = time.time_ns()
        self.rx_bytes = 0
        self.tx_bytes = 0
        self.closed = False
        self._on_closed = on_closed
        # Made by the first send: most of 10,000 listening clients never queue anything,
        # and every object a connection holds is walked by each full collection.
        self._outq: collections.deque[_Outgoing] = _NOTHING_QUEUED
        self._reading = True
        self._read_paused = False
        self._write_shut = False
        self._after_drain: str | None = None  # "close" or "half_close"
        self._registered = 0
        self._queued = 0
        self._drain_waiters: tuple[Callable[[], None], ...] = ()
        self._end_reason = ""
        #: Bytes still queued when the connection closed (they were never sent).
        self.unsent_at_close = 0
        self._update_interest()

    # ---------------------------------------------------------------- commands
    def send(self, data: bytes) -> None:
        """Queue ``data``; write what the kernel takes now."""
        if self.closed or self._write_shut or self._after_drain:
            self.engine.emit_event(
                EventKind.ERROR,
                self.conn_id,
                local=self.local,
                peer=self.peer,
                message=text(
                    "cannot send: the connection to {peer} is closed for sending; nothing was sent",
                    peer=self.peer,
                ),
            )
            return
        outq = self._outq
        if outq is _NOTHING_QUEUED:
            outq = self._outq = collections.deque()
        outq.append(_Outgoing(data))
        self._queued += len(data)
        if len(outq) == 1:
            self._write()

    @property
    def queued_bytes(self) -> int:
        """Bytes accepted by :meth:`send` but not yet handed to the kernel.

        A plain counter: safe to read (approximately) from any thread.
        """
        return self._queued

    @property
    def send_refusal(self) -> str:
        """Why :meth:`send` would refuse data now, in plain words; "" if it would take it."""
        if self.closed or self._write_shut or self._after_drain:
            return self._end_reason or text("the connection is closed")
        return ""

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once (on the loop, never re-entrantly) when nothing is queued any more.

        Also called when the connection closes, so a waiter is never left hanging.
        """
        if self.closed or not self._outq:
            self.engine.call_later(0, fn)
        else:
            self._drain_waiters += (fn,)

    def _notify_drained(self) -> None:
        waiters, self._drain_waiters = self._drain_waiters, ()
        for fn in waiters:
            self.engine.call_later(0, fn)

    def disconnect(self) -> None:
        """Close gracefully once queued data is written (FIN to the peer)."""
        self._reading = False
        self._after_drain = "close"
        self._end_reason = self._end_reason or text("the connection was closed (disconnect)")
        if not self._outq:
            self._finish_drain()
        else:
            self._update_interest()

    def half_close(self) -> None:
        """shutdown(SHUT_WR) once queued data is written; keep reading."""
        if self._write_shut:
            return
        self._after_drain = "half_close"
        self._end_reason = self._end_reason or text("the sending side was shut down (FIN sent)")
        if not self._outq:
            self._finish_drain()

    def abort(self) -> None:
        """Reset the connection (RST) at once: SO_LINGER 0, then close."""
        if self.closed:
            return
        unsent = self.queued_bytes
        with contextlib.suppress(OSError):
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        message: str = text("aborted with RST")
        if self._accepted_of_head():
            message = self._with_unsent(message)
        elif unsent:
            message = text(
                "aborted with RST; {unsent} queued bytes were discarded unsent", unsent=unsent
            )
        self._close(EventKind.ABORTED, message, text("the connection was aborted (RST sent)"))

    def set_nodelay(self, on: bool) -> None:
        """TCP_NODELAY on this connection (ignored for AF_UNIX)."""
        from netassistant.core.engine.sockets import set_nodelay

        with contextlib.suppress(OSError):
            set_nodelay(self.sock, on)

    # ------------------------------------------------------------- selector io
    def on_ready(self, sock: socket.socket, mask: int) -> None:
        """Selector callback."""
        if mask & selectors.EVENT_READ:
            self._read()
        if mask & selectors.EVENT_WRITE and not self.closed:
            self._write()

    def _read(self) -> None:
        # The hot path of the whole product. recv() is called by a loop in C (list.extend
        # over islice over iter(recv, b"")): the Python-level loop it replaced cost ~500
        # more instructions a 1 KiB chunk (callgrind). The Chunks are built after it, by
        # map/zip in C, sharing one timestamp (when the last recv() returned): a Python loop
        # that built each Chunk, with its own clock read, cost as much again as the recv().
        engine = self.engine
        # Read once per readiness: a change of recv size or delay applies from the next one.
        size = engine.recv_size
        delay = engine.read_delay
        # Under a flood the next recv() usually has data already: read until EAGAIN
        # (bounded by the budget) instead of going back to select() after a short read.
        # A slow reader takes one recv() per readiness.
        budget = 1 if delay else reads_per_wakeup(size)
        datas: list[bytes] = []
        end: OSError | None = None
        drained = False
        try:
            # Stops at the budget, at EOF (recv() returned b"", which is not kept) or at an
            # exception; list.extend keeps what was read before the exception.
            datas.extend(islice(iter(partial(self.sock.recv, size), b""), budget))
        except self._would_block:
            drained = True
        except OSError as exc:
            end = exc
        got = len(datas)
        eof = got < budget and end is None and not drained
        if got == budget:
            self._budget_spent()
        if got:
            # The chunks go first: the FIN/RST/error below must follow them in seq order.
            self._emit_received(datas)
            if delay and not eof and end is None:
                self._pause_reading(delay)
                return
        if end is not None or eof:
            self._read_ended(end, eof)

    def _budget_spent(self) -> None:
        """A readiness used its whole read budget (more may be waiting: select() says so)."""

    def _read_ended(self, end: OSError | None, eof: bool) -> None:
        """recv() failed with ``end``, or returned b"" (``eof``): close or half-open."""
        if isinstance(end, ConnectionResetError):
            self._close(
                EventKind.RESET,
                self._with_unsent(text("connection reset by {peer} (RST)", peer=self.peer)),
                RESET_REASON,
            )
        elif end is not None:
            reason = errors.io_error(end, "receive", self.peer)
            self._close(EventKind.ERROR, self._with_unsent(reason), reason)
        elif eof:
            self._peer_closed()

    def _emit_received(self, datas: list[bytes]) -> None:
        """Record one RX chunk per recv() result, in order, stamped now."""
        n = len(datas)
        nbytes = sum(map(len, datas))
        self.rx_bytes += nbytes
        # The same Chunks emit_chunk() makes; tuple.__new__ skips the named tuple's
        # generated (Python) __new__. The seqs come straight from the engine's counter
        # (islice in C: a callable_iterator over next_seq cost ~430 instructions a chunk).
        fields = zip(
            islice(self.engine.seqs, n),
            repeat(time.time_ns(), n),
            repeat(self.conn_id, n),
            repeat(_RX, n),
            repeat(self.local, n),
            repeat(self.peer, n),
            datas,
            repeat(self.chunk_flags, n),
            repeat(-1, n),
            strict=True,
        )
        self.engine.emit_all(map(tuple.__new__, repeat(Chunk, n), fields), nbytes)

    def _pause_reading(self, delay: float) -> None:
        self._read_paused = True
        self._update_interest()
        self.engine.call_later(delay, self._resume_reading)

    def _resume_reading(self) -> None:
        self._read_paused = False
        if not self.closed:
            self._update_interest()

    def _peer_closed(self) -> None:
        self._reading = False
        self._update_interest()
        if not self.engine.config.close_on_peer_fin:
            # Half-open on purpose: the peer only finished sending; we may still answer.
            # PEER_FIN is not an ending kind: the connection stays live for stats, the
            # decoders and the send targets until one side really closes it.
            self.engine.emit_event(
                EventKind.PEER_FIN,
                self.conn_id,
                local=self.local,
                peer=self.peer,
                message=text(
                    "{peer} finished sending (FIN); the connection stays open for sending",
                    peer=self.peer,
                ),
            )
            return
        self._end_reason = self._end_reason or text("the peer closed the connection (FIN)")
        self.engine.emit_event(
            EventKind.CLOSED,
            self.conn_id,
            local=self.local,
            peer=self.peer,
            message=text("{peer} closed the connection (FIN)", peer=self.peer),
        )
        # A FIN only says the peer finished sending (``printf hello | socat - TCP:...`` waits
        # for the answer): the sink sees this batch first and may answer from inside its call
        # (an auto-reply); that answer and everything queued is written, then we close.
        self.engine.after_flush(self._close_after_peer_fin)

    def _close_after_peer_fin(self) -> None:
        if self.closed or self._after_drain in ("close", "close-silent"):
            return
        self._after_drain = "close-silent"
        if not self._outq:
            self._finish_drain()
        else:
            self._update_interest()

    def _write(self) -> None:
        engine = self.engine
        while self._outq:
            item = self._outq[0]
            try:
                n = self.sock.send(item.view[item.sent :])
            except self._would_block:
                break
            except OSError as exc:
                reset = isinstance(exc, ConnectionResetError)
                message = errors.io_error(exc, "send", self.peer)
                self._close(
                    EventKind.RESET if reset else EventKind.ERROR,
                    self._with_unsent(message),
                    RESET_REASON if reset else message,
                )
                return
            item.sent += n
            self.tx_bytes += n
            self._queued -= n
            if item.sent < item.total:
                self._report_progress(item, force=False)
                continue
            self._outq.popleft()
            if item.total >= PROGRESS_MIN_BYTES:
                self._report_progress(item, force=True)
            engine.emit_chunk(
                self.conn_id, Direction.TX, self.local, self.peer, item.data, self.chunk_flags
            )
        if not self._outq and self._after_drain:
            self._finish_drain()
        else:
            self._update_interest()
        if not self._outq and self._drain_waiters:
            self._notify_drained()

    def _report_progress(self, item: _Outgoing, *, force: bool) -> None:
        if item.total < PROGRESS_MIN_BYTES:
            return
        now = time.monotonic()
        if force or now - item.last_progress >= PROGRESS_INTERVAL:
            item.last_progress = now
            self.engine.emit_event(
                EventKind.SEND_PROGRESS,
                self.conn_id,
                local=self.local,
                peer=self.peer,
                sent=item.sent,
                total=item.total,
            )

    def _finish_drain(self) -> None:
        action, self._after_drain = self._after_drain, None
        if action == "half_close":
            try:
                message = self._shut_write()
            except OSError as exc:
                message = errors.io_error(exc, "send", self.peer)
                self._close(EventKind.ERROR, message, message)
                return
            self._write_shut = True
            self.engine.emit_event(
                EventKind.HALF_CLOSED,
                self.conn_id,
                local=self.local,
                peer=self.peer,
                message=message,
            )
            self._update_interest()
        elif action == "close":
            self._close(EventKind.LOCAL_CLOSE, text("disconnected from {peer}", peer=self.peer))
        elif action == "close-silent":
            self._close(None, "")

    def _shut_write(self) -> str:
        """shutdown(SHUT_WR); returns what was done, in words for the HALF_CLOSED event."""
        self.sock.shutdown(socket.SHUT_WR)
        return text("sent FIN to {peer} (half-close); still receiving", peer=self.peer)

    def _accepted_of_head(self) -> int:
        """Bytes of the send under way that the kernel has taken (0 if none is under way)."""
        return self._outq[0].sent if self._outq else 0

    def _with_unsent(self, message: str) -> str:
        unsent = self.queued_bytes
        accepted = self._accepted_of_head()
        if accepted:
            return text(
                "{message}; {accepted} bytes of the send under way were accepted by the kernel, "
                "{unsent} bytes were never sent",
                message=message,
                accepted=accepted,
                unsent=unsent,
            )
        if unsent:
            return text(
                "{message}; {unsent} queued bytes were not sent", message=message, unsent=unsent
            )
        return message

    # ------------------------------------------------------------------ state
    def _update_interest(self) -> None:
        if self.closed:
            return
        events = 0
        if self._reading and not self._read_paused:
            events |= selectors.EVENT_READ
        if self._outq:
            events |= selectors.EVENT_WRITE
        self._registered = self.engine.set_interest(
            self.sock, self._registered, events, self.on_ready
        )

    def _close(self, kind: EventKind | None, message: str, reason: str = "") -> None:
        if self.closed:
            return
        self._registered = self.engine.set_interest(self.sock, self._registered, 0, self.on_ready)
        self.closed = True
        self._end_reason = self._end_reason or reason or text("the connection was closed")
        self.unsent_at_close = self._queued
        head = self._outq[0] if self._outq else None
        if head is not None and head.sent:
            # One TX chunk per send call, also for a send cut short: what the kernel took
            # (it may have reached the peer) is counted, flagged as partial.
            self.engine.emit_chunk(
                self.conn_id,
                Direction.TX,
                self.local,
                self.peer,
                bytes(head.view[: head.sent]),
                ChunkFlag.PARTIAL | self.chunk_flags,
            )
        self._outq.clear()
        self._queued = 0
        try:
            self.sock.close()
        finally:
            if kind is not None:
                self.engine.emit_event(
                    kind, self.conn_id, local=self.local, peer=self.peer, message=message
                )
            self._on_closed(self)
            self._notify_drained()

    def close_quietly(self) -> None:
        """Close at session end (stop): queued data goes out as far as the kernel takes it."""
        if self.closed:
            return
        if self._outq:
            self._write()
            if self.closed:
                return
        message: str = text("disconnected from {peer} (session stopped)", peer=self.peer)
        if self.queued_bytes:
            message = self._with_unsent(message)
        self._close(EventKind.LOCAL_CLOSE, message, text("the session stopped"))


#: A plan or file send waits for the connection to drain once this much is queued.
STREAM_HIGH_WATER = 256 * 1024


class StreamRoute:
    """A send plan's route to one connection (see :class:`~.sendplan.Route`)."""

    high_water = STREAM_HIGH_WATER

    def __init__(self, conn: StreamConn) -> None:
        self.conn = conn
        self.conn_id = conn.conn_id
        self.local = conn.local
        self.peer = conn.peer

    def refusal(self) -> str:
        """Why the target cannot take data ("" while it can); see :class:`Route`."""
        return self.conn.send_refusal

    def send(self, data: bytes) -> bool:
        """One send call; see :class:`Route`."""
        self.conn.send(data)
        return True

    def backlog(self) -> int:
        """Bytes queued but not yet handed to the kernel; see :class:`Route`."""
        conn = self.conn
        return conn.unsent_at_close if conn.closed else conn.queued_bytes

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once nothing is queued; see :class:`Route`."""
        self.conn.when_drained(fn)
